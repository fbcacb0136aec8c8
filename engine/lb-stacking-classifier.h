/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-stacking-classifier.h: LbStackingClassifier, scikit-learn's StackingClassifier;
 * see lb-stacking.h.
 */
#pragma once

#include "lb-stacking.h"

G_BEGIN_DECLS

#define LB_TYPE_STACKING_CLASSIFIER (lb_stacking_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbStackingClassifier, lb_stacking_classifier, LB, STACKING_CLASSIFIER, LbStacking)

LbEstimator *lb_stacking_classifier_new (void);

G_END_DECLS
