/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-linear-svr.h: LbLinearSvr, scikit-learn's LinearSVR: linear ε-insensitive
 * (or squared ε-insensitive) support vector regression, L2-regularised,
 * solved in the dual by coordinate descent as liblinear.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_LINEAR_SVR_LOSS_EPSILON_INSENSITIVE,          /* "epsilon_insensitive" (default) */
  LB_LINEAR_SVR_LOSS_SQUARED_EPSILON_INSENSITIVE,  /* "squared_epsilon_insensitive" */
} LbLinearSvrLoss;

#define LB_TYPE_LINEAR_SVR_LOSS (lb_linear_svr_loss_get_type ())
GType lb_linear_svr_loss_get_type (void) G_GNUC_CONST;

#define LB_TYPE_LINEAR_SVR (lb_linear_svr_get_type ())
G_DECLARE_FINAL_TYPE (LbLinearSvr, lb_linear_svr, LB, LINEAR_SVR, LbEstimator)

LbEstimator  *lb_linear_svr_new           (void);
/* coef_ (n_features) and intercept_; transfer none; NULL / NaN when unfitted. */
const double *lb_linear_svr_get_coef      (LbLinearSvr *self,
                                           guint       *n_features);
double        lb_linear_svr_get_intercept (LbLinearSvr *self);

G_END_DECLS
