/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-decision-tree-regressor.h: LbDecisionTreeRegressor, scikit-learn's DecisionTreeRegressor: a CART regression tree: each leaf predicts the mean target of its training
 * samples (the book's chapters 2 and 6).
 */
#pragma once

#include "lb-tree-model.h"

G_BEGIN_DECLS

#define LB_TYPE_DECISION_TREE_REGRESSOR (lb_decision_tree_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbDecisionTreeRegressor, lb_decision_tree_regressor, LB, DECISION_TREE_REGRESSOR, LbTreeModel)

LbEstimator *lb_decision_tree_regressor_new (void);

G_END_DECLS
