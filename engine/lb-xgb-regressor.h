/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-xgb-regressor.h: LbXGBRegressor, xgboost.XGBRegressor (squared error)
 * through XGBoost's C API; see lb-xgboost.h.
 */
#pragma once

#include "lb-xgboost.h"

G_BEGIN_DECLS

#define LB_TYPE_XGB_REGRESSOR (lb_xgb_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbXGBRegressor, lb_xgb_regressor, LB, XGB_REGRESSOR, LbXGBoost)

LbEstimator *lb_xgb_regressor_new (void);

G_END_DECLS
