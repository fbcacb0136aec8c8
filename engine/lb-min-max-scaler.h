/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-min-max-scaler.h: LbMinMaxScaler, scikit-learn's MinMaxScaler: maps
 * each column's training range [min, max] linearly onto feature_range
 * (default [0, 1]); a constant column gets scale 1; missing values are
 * ignored by fit and kept by transform; clip bounds new data to the range.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_TYPE_MIN_MAX_SCALER (lb_min_max_scaler_get_type ())
G_DECLARE_FINAL_TYPE (LbMinMaxScaler, lb_min_max_scaler, LB, MIN_MAX_SCALER, LbEstimator)

LbEstimator  *lb_min_max_scaler_new          (double          range_min,
                                              double          range_max);

/* After fit, one value per feature (sklearn's data_min_, data_max_, scale_, min_):
 * transform computes x * scale_ + min_. */
const double *lb_min_max_scaler_get_data_min (LbMinMaxScaler *self);
const double *lb_min_max_scaler_get_data_max (LbMinMaxScaler *self);
const double *lb_min_max_scaler_get_scale    (LbMinMaxScaler *self);
const double *lb_min_max_scaler_get_min      (LbMinMaxScaler *self);

G_END_DECLS
