/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-bagging-classifier.h: LbBaggingClassifier, scikit-learn's
 * BaggingClassifier (bagging / pasting / patches of any classifier; decision
 * trees by default). Probabilities are the average of the members'.
 */
#pragma once

#include "lb-bagging.h"

G_BEGIN_DECLS

#define LB_TYPE_BAGGING_CLASSIFIER (lb_bagging_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbBaggingClassifier, lb_bagging_classifier, LB, BAGGING_CLASSIFIER, LbBagging)

LbEstimator *lb_bagging_classifier_new (void);

G_END_DECLS
