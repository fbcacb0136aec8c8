/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-xgb-regressor.c: LbXGBRegressor, xgboost.XGBRegressor: the shared driver is
 * lb-xgboost.c; this type names it and its objective (reg:squarederror).
 * NaN in X is a missing value, as in XGBoost.
 */
#include "config.h"

#include "lb-xgb-regressor.h"

struct _LbXGBRegressor
{
  LbXGBoost parent_instance;
};

G_DEFINE_FINAL_TYPE (LbXGBRegressor, lb_xgb_regressor, LB_TYPE_XGBOOST)

static void
lb_xgb_regressor_class_init (LbXGBRegressorClass *klass)
{
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  est_class->name = "XGBRegressor";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE | LB_ESTIMATOR_ALLOW_NAN;
  est_class->predict_proba = NULL;
}

static void
lb_xgb_regressor_init (LbXGBRegressor *self)
{
}

LbEstimator *
lb_xgb_regressor_new (void)
{
  return g_object_new (LB_TYPE_XGB_REGRESSOR, NULL);
}
