/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-stacking-regressor.h: LbStackingRegressor, scikit-learn's StackingRegressor;
 * see lb-stacking.h.
 */
#pragma once

#include "lb-stacking.h"

G_BEGIN_DECLS

#define LB_TYPE_STACKING_REGRESSOR (lb_stacking_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbStackingRegressor, lb_stacking_regressor, LB, STACKING_REGRESSOR, LbStacking)

LbEstimator *lb_stacking_regressor_new (void);

G_END_DECLS
