/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-random-forest-regressor.c: LbRandomForestRegressor, scikit-learn's RandomForestRegressor. Everything but the name,
 * the properties' defaults and the kind lives in lb-tree-model.c.
 */
#include "config.h"

#include "lb-random-forest-regressor.h"

struct _LbRandomForestRegressor
{
  LbTreeModel parent_instance;
};

G_DEFINE_FINAL_TYPE (LbRandomForestRegressor, lb_random_forest_regressor, LB_TYPE_TREE_MODEL)

static void
lb_random_forest_regressor_class_init (LbRandomForestRegressorClass *klass)
{
  lb_tree_model_class_setup (LB_ESTIMATOR_CLASS (klass), "RandomForestRegressor", LB_TREE_MODEL_FOREST);
}

static void
lb_random_forest_regressor_init (LbRandomForestRegressor *self)
{
}

LbEstimator *
lb_random_forest_regressor_new (void)
{
  return g_object_new (LB_TYPE_RANDOM_FOREST_REGRESSOR, NULL);
}
