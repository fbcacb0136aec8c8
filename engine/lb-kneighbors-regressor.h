/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-kneighbors-regressor.h: LbKNeighborsRegressor, scikit-learn's KNeighborsRegressor:
 * remembers the training set and averages the targets of the n_neighbors closest training
 * samples (brute force, Minkowski distance).
 */
#pragma once

#include "lb-estimator.h"
#include "lb-kneighbors.h"

G_BEGIN_DECLS

#define LB_TYPE_KNEIGHBORS_REGRESSOR (lb_kneighbors_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbKNeighborsRegressor, lb_kneighbors_regressor, LB, KNEIGHBORS_REGRESSOR, LbEstimator)

LbEstimator *lb_kneighbors_regressor_new        (void);
/* The n_neighbors nearest training rows of each row of X: indices and
 * distances, (n, n_neighbors) each, nearest first (scikit-learn's kneighbors). */
gboolean     lb_kneighbors_regressor_kneighbors (LbKNeighborsRegressor *self,
                                              LbMatrix        *X,
                                              LbMatrix       **distances,
                                              LbMatrix       **indices,
                                              GError         **error);

G_END_DECLS
