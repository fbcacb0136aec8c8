/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-ridge.h: LbRidge, scikit-learn's Ridge: least squares with an L2 penalty,
 * min ||y - Xw||² + alpha·||w||² (the intercept is not penalised). Solved
 * exactly (Cholesky of XᵀX + αI, or of XXᵀ + αI when there are more features
 * than samples, or by SVD).
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_RIDGE_SOLVER_AUTO,      /* "auto": cholesky */
  LB_RIDGE_SOLVER_SVD,       /* "svd" */
  LB_RIDGE_SOLVER_CHOLESKY,  /* "cholesky" */
  LB_RIDGE_SOLVER_SAG,       /* "sag": the exact solution SAG converges to */
  LB_RIDGE_SOLVER_SAGA,      /* "saga": likewise */
} LbRidgeSolver;

#define LB_TYPE_RIDGE_SOLVER (lb_ridge_solver_get_type ())
GType lb_ridge_solver_get_type (void) G_GNUC_CONST;

#define LB_TYPE_RIDGE (lb_ridge_get_type ())
G_DECLARE_FINAL_TYPE (LbRidge, lb_ridge, LB, RIDGE, LbEstimator)

LbEstimator  *lb_ridge_new           (void);
const double *lb_ridge_get_coef      (LbRidge *self,
                                      guint   *n_features);
double        lb_ridge_get_intercept (LbRidge *self);

G_END_DECLS
