/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-voting-regressor.h: LbVotingRegressor, scikit-learn's VotingRegressor:
 * several named regressors fitted on the same data; the prediction is their
 * (optionally weighted) average.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_TYPE_VOTING_REGRESSOR (lb_voting_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbVotingRegressor, lb_voting_regressor, LB, VOTING_REGRESSOR, LbEstimator)

LbEstimator *lb_voting_regressor_new (void);
/* The fitted copy of the estimator @name (NULL before fit or when unknown). */
LbEstimator *lb_voting_regressor_get_fitted (LbVotingRegressor *self,
                                             const char        *name);

G_END_DECLS
