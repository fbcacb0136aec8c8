/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-stacking-classifier.c: LbStackingClassifier, scikit-learn's
 * StackingClassifier: the shared algorithm is lb-stacking.c; this type names
 * it and picks the default blender (LogisticRegression, as scikit-learn).
 */
#include "config.h"

#include "lb-stacking-classifier.h"

struct _LbStackingClassifier
{
  LbStacking parent_instance;
};

G_DEFINE_FINAL_TYPE (LbStackingClassifier, lb_stacking_classifier, LB_TYPE_STACKING)

static void
lb_stacking_classifier_class_init (LbStackingClassifierClass *klass)
{
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  est_class->name = "StackingClassifier";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y;
  LB_STACKING_CLASS (klass)->default_final = "LogisticRegression";
}

static void
lb_stacking_classifier_init (LbStackingClassifier *self)
{
}

LbEstimator *
lb_stacking_classifier_new (void)
{
  return g_object_new (LB_TYPE_STACKING_CLASSIFIER, NULL);
}
