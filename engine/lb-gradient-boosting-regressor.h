/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-gradient-boosting-regressor.h: LbGradientBoostingRegressor, the
 * teaching version of gradient boosting (scikit-learn's
 * GradientBoostingRegressor with squared error): start from the mean, then
 * each regression tree fits the residuals of the ensemble so far and is
 * added shrunk by the learning rate. Every step can be shown (the book's
 * Figure 7-9): the trees, the staged predictions, per-round losses.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_TYPE_GRADIENT_BOOSTING_REGRESSOR (lb_gradient_boosting_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbGradientBoostingRegressor, lb_gradient_boosting_regressor, LB,
                      GRADIENT_BOOSTING_REGRESSOR, LbEstimator)

LbEstimator *lb_gradient_boosting_regressor_new (void);
/* Trees kept (n_estimators_, fewer with early stopping). */
guint        lb_gradient_boosting_regressor_get_n_stages (LbGradientBoostingRegressor *self);
/* The constant the ensemble starts from (init_: the training mean). */
double       lb_gradient_boosting_regressor_get_init     (LbGradientBoostingRegressor *self);
/* Tree @stage (0-based; a fitted DecisionTreeRegressor, transfer none): it
 * predicts the residual step before shrinking by the learning rate. */
LbEstimator *lb_gradient_boosting_regressor_get_tree     (LbGradientBoostingRegressor *self,
                                                          guint                        stage);
/* Predictions of the first @n_stages trees (0 = init only; scikit-learn's
 * staged_predict, stage @n_stages). */
LbMatrix    *lb_gradient_boosting_regressor_staged_predict (LbGradientBoostingRegressor *self,
                                                            LbMatrix                    *X,
                                                            guint                        n_stages,
                                                            GError                     **error);
/* train_score_[stage] (MSE on the rows the tree was fitted on) and the
 * validation MSE with early stopping (NaN without). */
double       lb_gradient_boosting_regressor_get_train_score (LbGradientBoostingRegressor *self,
                                                             guint                        stage);
double       lb_gradient_boosting_regressor_get_validation_score (LbGradientBoostingRegressor *self,
                                                                  guint                        stage);

G_END_DECLS
