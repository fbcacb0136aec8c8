/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-lasso.h: LbLasso, scikit-learn's Lasso: least squares with an L1 penalty,
 * 1/(2n)·||y - Xw||² + α·||w||₁, fitted by coordinate descent. The L1 penalty
 * drives the weights of unhelpful features to exactly zero.
 */
#pragma once

#include "lb-elastic-net.h"

G_BEGIN_DECLS

#define LB_TYPE_LASSO (lb_lasso_get_type ())
G_DECLARE_FINAL_TYPE (LbLasso, lb_lasso, LB, LASSO, LbEstimator)

LbEstimator  *lb_lasso_new           (void);
const double *lb_lasso_get_coef      (LbLasso *self,
                                      guint   *n_features);
double        lb_lasso_get_intercept (LbLasso *self);
guint         lb_lasso_get_n_iter    (LbLasso *self);

G_END_DECLS
