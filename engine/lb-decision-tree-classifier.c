/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-decision-tree-classifier.c: LbDecisionTreeClassifier, scikit-learn's DecisionTreeClassifier. Everything but the name,
 * the properties' defaults and the kind lives in lb-tree-model.c.
 */
#include "config.h"

#include "lb-decision-tree-classifier.h"

struct _LbDecisionTreeClassifier
{
  LbTreeModel parent_instance;
};

G_DEFINE_FINAL_TYPE (LbDecisionTreeClassifier, lb_decision_tree_classifier, LB_TYPE_TREE_MODEL)

static void
lb_decision_tree_classifier_class_init (LbDecisionTreeClassifierClass *klass)
{
  lb_tree_model_class_setup (LB_ESTIMATOR_CLASS (klass), "DecisionTreeClassifier", LB_TREE_MODEL_CLASSIFIER);
}

static void
lb_decision_tree_classifier_init (LbDecisionTreeClassifier *self)
{
}

LbEstimator *
lb_decision_tree_classifier_new (void)
{
  return g_object_new (LB_TYPE_DECISION_TREE_CLASSIFIER, NULL);
}
