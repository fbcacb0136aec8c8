/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-random-forest-classifier.h: LbRandomForestClassifier, scikit-learn's RandomForestClassifier: bagged decision trees, each split drawn from a random subset of the
 * features; class probabilities averaged over the trees (chapter 7).
 */
#pragma once

#include "lb-tree-model.h"

G_BEGIN_DECLS

#define LB_TYPE_RANDOM_FOREST_CLASSIFIER (lb_random_forest_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbRandomForestClassifier, lb_random_forest_classifier, LB, RANDOM_FOREST_CLASSIFIER, LbTreeModel)

LbEstimator *lb_random_forest_classifier_new (void);

G_END_DECLS
