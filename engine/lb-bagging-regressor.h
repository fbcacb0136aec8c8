/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-bagging-regressor.h: LbBaggingRegressor, scikit-learn's
 * BaggingRegressor (bagging / pasting / patches of any regressor; decision
 * trees by default). The prediction is the average of the members'.
 */
#pragma once

#include "lb-bagging.h"

G_BEGIN_DECLS

#define LB_TYPE_BAGGING_REGRESSOR (lb_bagging_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbBaggingRegressor, lb_bagging_regressor, LB, BAGGING_REGRESSOR, LbBagging)

LbEstimator *lb_bagging_regressor_new (void);

G_END_DECLS
