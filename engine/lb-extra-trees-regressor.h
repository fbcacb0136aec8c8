/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-extra-trees-regressor.h: LbExtraTreesRegressor, scikit-learn's ExtraTreesRegressor: extremely randomised regression trees: a random threshold per drawn
 * feature, whole training set per tree by default (chapter 7).
 */
#pragma once

#include "lb-tree-model.h"

G_BEGIN_DECLS

#define LB_TYPE_EXTRA_TREES_REGRESSOR (lb_extra_trees_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbExtraTreesRegressor, lb_extra_trees_regressor, LB, EXTRA_TREES_REGRESSOR, LbTreeModel)

LbEstimator *lb_extra_trees_regressor_new (void);

G_END_DECLS
