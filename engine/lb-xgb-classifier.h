/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-xgb-classifier.h: LbXGBClassifier, xgboost.XGBClassifier (logistic loss
 * for two classes, softmax for more) through XGBoost's C API; see lb-xgboost.h.
 */
#pragma once

#include "lb-xgboost.h"

G_BEGIN_DECLS

#define LB_TYPE_XGB_CLASSIFIER (lb_xgb_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbXGBClassifier, lb_xgb_classifier, LB, XGB_CLASSIFIER, LbXGBoost)

LbEstimator *lb_xgb_classifier_new (void);

G_END_DECLS
