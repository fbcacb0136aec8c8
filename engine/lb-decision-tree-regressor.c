/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-decision-tree-regressor.c: LbDecisionTreeRegressor, scikit-learn's DecisionTreeRegressor. Everything but the name,
 * the properties' defaults and the kind lives in lb-tree-model.c.
 */
#include "config.h"

#include "lb-decision-tree-regressor.h"

struct _LbDecisionTreeRegressor
{
  LbTreeModel parent_instance;
};

G_DEFINE_FINAL_TYPE (LbDecisionTreeRegressor, lb_decision_tree_regressor, LB_TYPE_TREE_MODEL)

static void
lb_decision_tree_regressor_class_init (LbDecisionTreeRegressorClass *klass)
{
  lb_tree_model_class_setup (LB_ESTIMATOR_CLASS (klass), "DecisionTreeRegressor", 0);
}

static void
lb_decision_tree_regressor_init (LbDecisionTreeRegressor *self)
{
}

LbEstimator *
lb_decision_tree_regressor_new (void)
{
  return g_object_new (LB_TYPE_DECISION_TREE_REGRESSOR, NULL);
}
