/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-polynomial-features.h: LbPolynomialFeatures, scikit-learn's
 * PolynomialFeatures: every product of the input columns up to degree
 * (only products of distinct columns with interaction_only), with a bias
 * column of ones first (include_bias), in sklearn's column order and with its
 * names ("1", "x0", "x0^2 x1").
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_TYPE_POLYNOMIAL_FEATURES (lb_polynomial_features_get_type ())
G_DECLARE_FINAL_TYPE (LbPolynomialFeatures, lb_polynomial_features, LB, POLYNOMIAL_FEATURES, LbEstimator)

LbEstimator *lb_polynomial_features_new                   (int                   degree);
/* After fit: the number of output columns (sklearn's n_output_features_). */
guint        lb_polynomial_features_get_n_output_features (LbPolynomialFeatures *self);

G_END_DECLS
