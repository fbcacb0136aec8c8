/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-extra-trees-regressor.c: LbExtraTreesRegressor, scikit-learn's ExtraTreesRegressor. Everything but the name,
 * the properties' defaults and the kind lives in lb-tree-model.c.
 */
#include "config.h"

#include "lb-extra-trees-regressor.h"

struct _LbExtraTreesRegressor
{
  LbTreeModel parent_instance;
};

G_DEFINE_FINAL_TYPE (LbExtraTreesRegressor, lb_extra_trees_regressor, LB_TYPE_TREE_MODEL)

static void
lb_extra_trees_regressor_class_init (LbExtraTreesRegressorClass *klass)
{
  lb_tree_model_class_setup (LB_ESTIMATOR_CLASS (klass), "ExtraTreesRegressor", LB_TREE_MODEL_FOREST | LB_TREE_MODEL_EXTRA);
}

static void
lb_extra_trees_regressor_init (LbExtraTreesRegressor *self)
{
}

LbEstimator *
lb_extra_trees_regressor_new (void)
{
  return g_object_new (LB_TYPE_EXTRA_TREES_REGRESSOR, NULL);
}
