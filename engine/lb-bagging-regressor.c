/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-bagging-regressor.c: LbBaggingRegressor, scikit-learn's BaggingRegressor: the
 * shared algorithm is lb-bagging.c; this type names it, picks the default
 * member (DecisionTreeRegressor); it predicts the members' average.
 */
#include "config.h"

#include "lb-bagging-regressor.h"

struct _LbBaggingRegressor
{
  LbBagging parent_instance;
};

G_DEFINE_FINAL_TYPE (LbBaggingRegressor, lb_bagging_regressor, LB_TYPE_BAGGING)

static void
lb_bagging_regressor_class_init (LbBaggingRegressorClass *klass)
{
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  LbBaggingClass *bagging_class = LB_BAGGING_CLASS (klass);

  est_class->name = "BaggingRegressor";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y;
  est_class->predict_proba = NULL;
  bagging_class->default_estimator = "DecisionTreeRegressor";
}

static void
lb_bagging_regressor_init (LbBaggingRegressor *self)
{
}

LbEstimator *
lb_bagging_regressor_new (void)
{
  return g_object_new (LB_TYPE_BAGGING_REGRESSOR, NULL);
}
