/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-linear-model-private.h: what every linear model of engine/ shares: the
 * centring scikit-learn does before solving (fit_intercept), prediction
 * X·Wᵀ + b through BLAS, class coding of y for linear classifiers, and the
 * JSON helpers their model-file state uses (every array length checked).
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

G_END_DECLS
