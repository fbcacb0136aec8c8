/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-dummy-regressor.h: LbDummyRegressor, scikit-learn's DummyRegressor: a
 * baseline that ignores X and always predicts the training mean, median, a
 * quantile or a constant. Any real model must beat it.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_DUMMY_REGRESSOR_MEAN,      /* "mean" */
  LB_DUMMY_REGRESSOR_MEDIAN,    /* "median" */
  LB_DUMMY_REGRESSOR_QUANTILE,  /* "quantile" */
  LB_DUMMY_REGRESSOR_CONSTANT,  /* "constant" */
} LbDummyRegressorStrategy;

#define LB_TYPE_DUMMY_REGRESSOR_STRATEGY (lb_dummy_regressor_strategy_get_type ())
GType lb_dummy_regressor_strategy_get_type (void) G_GNUC_CONST;

#define LB_TYPE_DUMMY_REGRESSOR (lb_dummy_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbDummyRegressor, lb_dummy_regressor, LB, DUMMY_REGRESSOR, LbEstimator)

LbEstimator *lb_dummy_regressor_new          (void);
/* The learned constant prediction (NaN when not fitted). */
double       lb_dummy_regressor_get_constant (LbDummyRegressor *self);

G_END_DECLS
