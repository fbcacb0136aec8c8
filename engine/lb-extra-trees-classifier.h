/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-extra-trees-classifier.h: LbExtraTreesClassifier, scikit-learn's ExtraTreesClassifier: extremely randomised trees for classes: a random threshold per drawn
 * feature, whole training set per tree by default (chapter 7).
 */
#pragma once

#include "lb-tree-model.h"

G_BEGIN_DECLS

#define LB_TYPE_EXTRA_TREES_CLASSIFIER (lb_extra_trees_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbExtraTreesClassifier, lb_extra_trees_classifier, LB, EXTRA_TREES_CLASSIFIER, LbTreeModel)

LbEstimator *lb_extra_trees_classifier_new (void);

G_END_DECLS
