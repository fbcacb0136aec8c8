/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-linear-regression.h: LbLinearRegression, scikit-learn's LinearRegression:
 * ordinary least squares, solved as SciPy's lstsq does (LAPACK dgelsd, the
 * minimum-norm solution, so collinear features are fine), or — for teaching —
 * by the book's normal equation θ = (XbᵀXb)⁻¹ Xbᵀy (Cholesky).
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_LINEAR_REGRESSION_SOLVER_LSTSQ,            /* "lstsq" */
  LB_LINEAR_REGRESSION_SOLVER_NORMAL_EQUATION,  /* "normal-equation" */
} LbLinearRegressionSolver;

#define LB_TYPE_LINEAR_REGRESSION_SOLVER (lb_linear_regression_solver_get_type ())
GType lb_linear_regression_solver_get_type (void) G_GNUC_CONST;

#define LB_TYPE_LINEAR_REGRESSION (lb_linear_regression_get_type ())
G_DECLARE_FINAL_TYPE (LbLinearRegression, lb_linear_regression, LB, LINEAR_REGRESSION, LbEstimator)

LbEstimator  *lb_linear_regression_new           (void);
/* Learned state (NULL / 0 before fit): coef_ (n_features values), intercept_,
 * rank_ and singular_ (min(n, p) values; lstsq only, else NULL). */
const double *lb_linear_regression_get_coef      (LbLinearRegression *self,
                                                  guint              *n_features);
double        lb_linear_regression_get_intercept (LbLinearRegression *self);
guint         lb_linear_regression_get_rank      (LbLinearRegression *self);
const double *lb_linear_regression_get_singular  (LbLinearRegression *self,
                                                  guint              *n_values);

G_END_DECLS
