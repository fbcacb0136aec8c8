/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-stacking-regressor.c: LbStackingRegressor, scikit-learn's
 * StackingRegressor: the shared algorithm is lb-stacking.c; this type names
 * it and picks the default blender. scikit-learn's default is RidgeCV, which
 * Learnbench does not have: ours is Ridge (alpha 1).
 */
#include "config.h"

#include "lb-stacking-regressor.h"

struct _LbStackingRegressor
{
  LbStacking parent_instance;
};

G_DEFINE_FINAL_TYPE (LbStackingRegressor, lb_stacking_regressor, LB_TYPE_STACKING)

static void
lb_stacking_regressor_class_init (LbStackingRegressorClass *klass)
{
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  est_class->name = "StackingRegressor";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y;
  est_class->predict_proba = NULL;
  LB_STACKING_CLASS (klass)->default_final = "Ridge";
}

static void
lb_stacking_regressor_init (LbStackingRegressor *self)
{
}

LbEstimator *
lb_stacking_regressor_new (void)
{
  return g_object_new (LB_TYPE_STACKING_REGRESSOR, NULL);
}
