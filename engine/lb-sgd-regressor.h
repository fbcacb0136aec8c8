/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-sgd-regressor.h: LbSgdRegressor, scikit-learn's SGDRegressor: a linear
 * regressor trained by stochastic gradient descent, one sample at a time.
 */
#pragma once

#include "lb-estimator.h"
#include "lb-sgd.h"

G_BEGIN_DECLS

#define LB_TYPE_SGD_REGRESSOR (lb_sgd_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbSgdRegressor, lb_sgd_regressor, LB, SGD_REGRESSOR, LbEstimator)

LbEstimator  *lb_sgd_regressor_new           (void);
/* Learned weights: *n_rows rows of *n_features (one row for a regressor or a
 * binary classifier, one per class for one-vs-rest), and n_rows intercepts. */
const double *lb_sgd_regressor_get_coef      (LbSgdRegressor *self,
                                              guint          *n_rows,
                                              guint          *n_features);
const double *lb_sgd_regressor_get_intercept (LbSgdRegressor *self);
/* Epochs run by the last fit (scikit-learn's n_iter_). */
guint         lb_sgd_regressor_get_n_iter    (LbSgdRegressor *self);

G_END_DECLS
