/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-decision-tree-classifier.h: LbDecisionTreeClassifier, scikit-learn's DecisionTreeClassifier: a CART decision tree for classes: each node asks "is feature ≤ threshold?", each leaf
 * holds class counts (the book's chapter 6).
 */
#pragma once

#include "lb-tree-model.h"

G_BEGIN_DECLS

#define LB_TYPE_DECISION_TREE_CLASSIFIER (lb_decision_tree_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbDecisionTreeClassifier, lb_decision_tree_classifier, LB, DECISION_TREE_CLASSIFIER, LbTreeModel)

LbEstimator *lb_decision_tree_classifier_new (void);

G_END_DECLS
