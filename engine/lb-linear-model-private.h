/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-linear-model-private.h: what every linear model of engine/ shares: the
 * centring scikit-learn does before solving (fit_intercept), prediction
 * X·Wᵀ + b through BLAS, class coding of y for linear classifiers, and the
 * JSON helpers their model-file state uses (every array length checked),
 * including the state and prediction of the one-output regressors.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

/* --- centring --- */
/* Column means of X (n, p) into @x_mean (p) and the mean of @y (n) into
 * *@y_mean; zeros when !@fit_intercept. */
void      lb_linear_means           (const double *X,
                                     const double *y,
                                     gsize         n,
                                     gsize         p,
                                     gboolean      fit_intercept,
                                     double       *x_mean,
                                     double       *y_mean);
/* Xc = X - x_mean, written column-major (p columns of n values) for LAPACK
 * and coordinate descent. */
void      lb_linear_center_colmajor (const double *X,
                                     gsize         n,
                                     gsize         p,
                                     const double *x_mean,
                                     double       *Xc);

/* --- prediction --- */
/* (n, k) = X (n, p) · Wᵀ (W: k rows of p) + b (k). */
LbMatrix *lb_linear_decision        (LbMatrix     *X,
                                     const double *W,
                                     const double *b,
                                     guint         k,
                                     guint         p,
                                     GError      **error);

/* --- JSON state --- */
JsonNode *lb_linear_json_doubles    (const double *values,
                                     gsize         n);
/* Member @name of @obj: an array of exactly @n finite numbers. */
gboolean  lb_linear_json_get_doubles (JsonObject  *obj,
                                     const char   *name,
                                     double       *out,
                                     gsize         n,
                                     GError      **error);
/* Like lb_linear_json_get_doubles, but allocates the result (g_free) only
 * after the array's length was checked: use it when @n comes from the file. */
double   *lb_linear_json_dup_doubles (JsonObject  *obj,
                                     const char   *name,
                                     gsize         n,
                                     GError      **error);
/* Member @name of @obj: a finite number. */
gboolean  lb_linear_json_get_double (JsonObject   *obj,
                                     const char   *name,
                                     double       *out,
                                     GError      **error);
/* Member @name of @obj: an integer in [@min, @max]. */
gboolean  lb_linear_json_get_uint   (JsonObject   *obj,
                                     const char   *name,
                                     guint64       min,
                                     guint64       max,
                                     guint64      *out,
                                     GError      **error);
/* @state as an object, or an error. */
JsonObject *lb_linear_json_object   (JsonNode     *state,
                                     GError      **error);

/* --- one-output regressors (LinearRegression, Ridge, Lasso, ElasticNet) --- */
/* X·coef + intercept; when @coef is NULL, LB_ENGINE_ERROR_NOT_FITTED with
 * the message @not_fitted. */
LbMatrix *lb_linear_predict_one     (LbMatrix     *X,
                                     const double *coef,
                                     double        intercept,
                                     guint         n_features,
                                     const char   *not_fitted,
                                     GError      **error);
/* The state {"n_features", "coef", "intercept"}; add a model's own members
 * to its object. */
JsonNode *lb_linear_coef_to_json    (guint         n_features,
                                     const double *coef,
                                     double        intercept);
/* Reads what lb_linear_coef_to_json wrote: *@coef is a new array (g_free)
 * of *@n_features values. Returns the state's object (to read a model's own
 * members from), or NULL with an error. */
JsonObject *lb_linear_coef_from_json (JsonNode    *state,
                                     guint64      *n_features,
                                     double      **coef,
                                     double       *intercept,
                                     GError      **error);

G_END_DECLS
