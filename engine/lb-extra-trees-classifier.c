/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-extra-trees-classifier.c: LbExtraTreesClassifier, scikit-learn's ExtraTreesClassifier. Everything but the name,
 * the properties' defaults and the kind lives in lb-tree-model.c.
 */
#include "config.h"

#include "lb-extra-trees-classifier.h"

struct _LbExtraTreesClassifier
{
  LbTreeModel parent_instance;
};

G_DEFINE_FINAL_TYPE (LbExtraTreesClassifier, lb_extra_trees_classifier, LB_TYPE_TREE_MODEL)

static void
lb_extra_trees_classifier_class_init (LbExtraTreesClassifierClass *klass)
{
  lb_tree_model_class_setup (LB_ESTIMATOR_CLASS (klass), "ExtraTreesClassifier", LB_TREE_MODEL_CLASSIFIER | LB_TREE_MODEL_FOREST | LB_TREE_MODEL_EXTRA);
}

static void
lb_extra_trees_classifier_init (LbExtraTreesClassifier *self)
{
}

LbEstimator *
lb_extra_trees_classifier_new (void)
{
  return g_object_new (LB_TYPE_EXTRA_TREES_CLASSIFIER, NULL);
}
