/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-standard-scaler.h: LbStandardScaler, scikit-learn's StandardScaler:
 * (x - mean) / std per column, with the population std (ddof = 0). A constant
 * column gets scale 1 (sklearn's rule), missing values are ignored by fit and
 * kept by transform.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_TYPE_STANDARD_SCALER (lb_standard_scaler_get_type ())
G_DECLARE_FINAL_TYPE (LbStandardScaler, lb_standard_scaler, LB, STANDARD_SCALER, LbEstimator)

LbEstimator  *lb_standard_scaler_new       (void);

/* After fit, one value per feature (sklearn's mean_, var_, scale_). */
const double *lb_standard_scaler_get_mean  (LbStandardScaler *self);
const double *lb_standard_scaler_get_var   (LbStandardScaler *self);
const double *lb_standard_scaler_get_scale (LbStandardScaler *self);

G_END_DECLS
