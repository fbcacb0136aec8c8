/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-random-forest-regressor.h: LbRandomForestRegressor, scikit-learn's RandomForestRegressor: bagged regression trees, each split drawn from a random subset of the
 * features; predictions averaged over the trees (chapters 2 and 7).
 */
#pragma once

#include "lb-tree-model.h"

G_BEGIN_DECLS

#define LB_TYPE_RANDOM_FOREST_REGRESSOR (lb_random_forest_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbRandomForestRegressor, lb_random_forest_regressor, LB, RANDOM_FOREST_REGRESSOR, LbTreeModel)

LbEstimator *lb_random_forest_regressor_new (void);

G_END_DECLS
