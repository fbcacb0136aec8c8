/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-lab.h: the computations behind the chapter 4 teaching lab — gradient
 * descent on 1-D linear data with its cost surface, a polynomial fit of
 * chosen degree with its learning curves (under- vs over-fitting), and the
 * coefficient paths of ridge / lasso over the regularization strength. Each
 * call fits real estimators (LbGdRegressor, PolynomialFeatures →
 * StandardScaler → LinearRegression / Ridge / Lasso) and returns plain arrays
 * the UI draws; each checks @cancellable between fits.
 */
#pragma once

#include <gio/gio.h>

#include "lb-gd-regressor.h"

G_BEGIN_DECLS

/* --- gradient descent --- */

typedef struct
{
  LbGdMethod   method;
  LbGdSchedule schedule;
  double       eta;          /* constant rate */
  double       t0, t1;       /* inverse schedule t0 / (t + t1) */
  guint        n_epochs;     /* stochastic / mini-batch; batch: iterations */
  guint        batch_size;   /* mini-batch */
  guint64      seed;
} LbGdLabSettings;

typedef struct
{
  guint   n_path;        /* θ after 0, 1, … steps */
  double *theta0;        /* intercept path (n_path) */
  double *theta1;        /* slope path (n_path) */
  double *cost;          /* MSE on the whole data at each θ of the path (n_path) */
  double  best_theta0;   /* the least-squares solution (closed form) */
  double  best_theta1;
  double  best_cost;
  /* the cost surface J(θ0, θ1) over a grid covering the path and the optimum */
  guint   nx, ny;
  double  x0, x1, y0, y1;
  double *z;             /* ny × nx, row-major: z[j * nx + i] */
} LbGdLabResult;

void           lb_gd_lab_result_free (LbGdLabResult *result);

/* Fits LbGdRegressor on (x, y) with @settings and evaluates the whole-data
 * MSE along its path and over a @grid × @grid surface. */
LbGdLabResult *lb_gd_lab_run         (const double           *x,
                                      const double           *y,
                                      gsize                   n,
                                      const LbGdLabSettings  *settings,
                                      guint                   grid,
                                      GCancellable           *cancellable,
                                      GError                **error);

/* --- polynomial degree: fit and learning curves --- */

typedef struct
{
  guint   n_curve;       /* the fitted polynomial over the x range */
  double *curve_x;
  double *curve_y;
  guint   n_sizes;       /* learning curves: training set sizes 1 … n_train */
  double *sizes;
  double *train_rmse;    /* RMSE on the m training samples used */
  double *val_rmse;      /* RMSE on the validation set */
  guint   n_val;         /* the validation part (20 %, the book's split) */
} LbPolyLabResult;

void             lb_poly_lab_result_free (LbPolyLabResult *result);

/* PolynomialFeatures(@degree, include_bias = false) → StandardScaler →
 * LinearRegression: fitted on all of (x, y) for the curve; for the learning
 * curves, (x, y) is split 80 / 20 with @seed and the model is fitted on the
 * first m training samples, m = 1 … n_train (the book's plot_learning_curves). */
LbPolyLabResult *lb_poly_lab_run         (const double  *x,
                                          const double  *y,
                                          gsize          n,
                                          guint          degree,
                                          guint64        seed,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* --- regularization: coefficient paths --- */

typedef struct
{
  guint   n_alphas;
  double *alphas;        /* log-spaced, increasing */
  guint   n_coef;        /* = degree */
  double *coef;          /* n_alphas × n_coef, row-major */
  guint   n_curve;       /* the fit at the chosen alpha over the x range */
  double *curve_x;
  double *curve_y;
  double  train_rmse;    /* at the chosen alpha */
} LbRegLabResult;

void            lb_reg_lab_result_free (LbRegLabResult *result);

/* PolynomialFeatures(@degree, include_bias = false) → StandardScaler →
 * Ridge (@lasso FALSE) or Lasso, fitted on (x, y) for @n_alphas alphas
 * log-spaced over [@alpha_min, @alpha_max] (the coefficient paths) and at
 * @alpha (the curve). */
LbRegLabResult *lb_reg_lab_run         (const double  *x,
                                        const double  *y,
                                        gsize          n,
                                        gboolean       lasso,
                                        guint          degree,
                                        double         alpha,
                                        double         alpha_min,
                                        double         alpha_max,
                                        guint          n_alphas,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbGdLabResult, lb_gd_lab_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbPolyLabResult, lb_poly_lab_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbRegLabResult, lb_reg_lab_result_free)

G_END_DECLS
