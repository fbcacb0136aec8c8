/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-adaboost-classifier.h: LbAdaBoostClassifier, scikit-learn's
 * AdaBoostClassifier: SAMME (weighted votes) and SAMME.R (real-valued,
 * from probabilities), each round fitting the base estimator (a decision
 * stump by default) with sample weights that grow on the rows it got wrong.
 * Staged predictions show the ensemble after each round.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_ADABOOST_SAMME_R,  /* "SAMME.R" */
  LB_ADABOOST_SAMME,    /* "SAMME" */
} LbAdaBoostAlgorithm;

#define LB_TYPE_ADABOOST_ALGORITHM (lb_adaboost_algorithm_get_type ())
GType lb_adaboost_algorithm_get_type (void) G_GNUC_CONST;

#define LB_TYPE_ADABOOST_CLASSIFIER (lb_adaboost_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbAdaBoostClassifier, lb_adaboost_classifier, LB, ADABOOST_CLASSIFIER, LbEstimator)

LbEstimator *lb_adaboost_classifier_new (void);
/* Rounds kept (≤ n_estimators: boosting stops early on a perfect or a
 * worse-than-chance round). */
guint        lb_adaboost_classifier_get_n_rounds (LbAdaBoostClassifier *self);
/* The decision function / predicted class codes of the first @n_stages
 * rounds (scikit-learn's staged_decision_function / staged_predict, stage
 * @n_stages; 1 ≤ n_stages ≤ n_rounds): (n, 1) for two classes, else (n, k). */
LbMatrix    *lb_adaboost_classifier_staged_decision_function (LbAdaBoostClassifier *self,
                                                              LbMatrix             *X,
                                                              guint                 n_stages,
                                                              GError              **error);
LbMatrix    *lb_adaboost_classifier_staged_predict (LbAdaBoostClassifier *self,
                                                    LbMatrix             *X,
                                                    guint                 n_stages,
                                                    GError              **error);

G_END_DECLS
