/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-gradient-boosting-classifier.h: LbGradientBoostingClassifier,
 * scikit-learn's GradientBoostingClassifier for two classes (binomial
 * deviance, the log loss): start from the prior log-odds, then each
 * regression tree fits the negative gradient (y − p) and its leaves take a
 * Newton step Σ w·(y − p) / Σ w·p·(1 − p), added shrunk by the learning rate.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_TYPE_GRADIENT_BOOSTING_CLASSIFIER (lb_gradient_boosting_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbGradientBoostingClassifier, lb_gradient_boosting_classifier, LB,
                      GRADIENT_BOOSTING_CLASSIFIER, LbEstimator)

LbEstimator *lb_gradient_boosting_classifier_new (void);
guint        lb_gradient_boosting_classifier_get_n_stages (LbGradientBoostingClassifier *self);
/* The log-odds of the first @n_stages trees (0 = the prior only): scikit-learn's
 * staged_decision_function, stage @n_stages; (n, 1). */
LbMatrix    *lb_gradient_boosting_classifier_staged_decision_function (LbGradientBoostingClassifier *self,
                                                                       LbMatrix                     *X,
                                                                       guint                         n_stages,
                                                                       GError                      **error);
/* train_score_[stage]: the deviance (2 × log loss) on the rows the tree saw;
 * the validation deviance with early stopping (NaN without). */
double       lb_gradient_boosting_classifier_get_train_score (LbGradientBoostingClassifier *self,
                                                              guint                         stage);
double       lb_gradient_boosting_classifier_get_validation_score (LbGradientBoostingClassifier *self,
                                                                   guint                         stage);

G_END_DECLS
