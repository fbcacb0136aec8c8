/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-bagging-classifier.c: LbBaggingClassifier, scikit-learn's BaggingClassifier: the
 * shared algorithm is lb-bagging.c; this type names it, picks the default
 * member (DecisionTreeClassifier). Probabilities are the average of the
 * members' (a vote of their predictions for members without predict_proba).
 */
#include "config.h"

#include "lb-bagging-classifier.h"

struct _LbBaggingClassifier
{
  LbBagging parent_instance;
};

G_DEFINE_FINAL_TYPE (LbBaggingClassifier, lb_bagging_classifier, LB_TYPE_BAGGING)

static void
lb_bagging_classifier_class_init (LbBaggingClassifierClass *klass)
{
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  LbBaggingClass *bagging_class = LB_BAGGING_CLASS (klass);

  est_class->name = "BaggingClassifier";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y;
  bagging_class->default_estimator = "DecisionTreeClassifier";
}

static void
lb_bagging_classifier_init (LbBaggingClassifier *self)
{
}

LbEstimator *
lb_bagging_classifier_new (void)
{
  return g_object_new (LB_TYPE_BAGGING_CLASSIFIER, NULL);
}
