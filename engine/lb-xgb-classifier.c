/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-xgb-classifier.c: LbXGBClassifier, xgboost.XGBClassifier: the shared driver is
 * lb-xgboost.c; this type names it and its objective (binary:logistic for two classes, multi:softprob for more).
 * NaN in X is a missing value, as in XGBoost.
 */
#include "config.h"

#include "lb-xgb-classifier.h"

struct _LbXGBClassifier
{
  LbXGBoost parent_instance;
};

G_DEFINE_FINAL_TYPE (LbXGBClassifier, lb_xgb_classifier, LB_TYPE_XGBOOST)

static void
lb_xgb_classifier_class_init (LbXGBClassifierClass *klass)
{
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  est_class->name = "XGBClassifier";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE | LB_ESTIMATOR_ALLOW_NAN;
}

static void
lb_xgb_classifier_init (LbXGBClassifier *self)
{
}

LbEstimator *
lb_xgb_classifier_new (void)
{
  return g_object_new (LB_TYPE_XGB_CLASSIFIER, NULL);
}
