/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-random-forest-classifier.c: LbRandomForestClassifier, scikit-learn's RandomForestClassifier. Everything but the name,
 * the properties' defaults and the kind lives in lb-tree-model.c.
 */
#include "config.h"

#include "lb-random-forest-classifier.h"

struct _LbRandomForestClassifier
{
  LbTreeModel parent_instance;
};

G_DEFINE_FINAL_TYPE (LbRandomForestClassifier, lb_random_forest_classifier, LB_TYPE_TREE_MODEL)

static void
lb_random_forest_classifier_class_init (LbRandomForestClassifierClass *klass)
{
  lb_tree_model_class_setup (LB_ESTIMATOR_CLASS (klass), "RandomForestClassifier", LB_TREE_MODEL_CLASSIFIER | LB_TREE_MODEL_FOREST);
}

static void
lb_random_forest_classifier_init (LbRandomForestClassifier *self)
{
}

LbEstimator *
lb_random_forest_classifier_new (void)
{
  return g_object_new (LB_TYPE_RANDOM_FOREST_CLASSIFIER, NULL);
}
