/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-stacking.h: LbStacking, the shared base of StackingClassifier and
 * StackingRegressor (scikit-learn's _BaseStacking): named estimators fitted
 * on all the data, and a blender (final_estimator) trained on their
 * out-of-fold predictions (cross_val_predict), optionally beside X itself.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_STACK_METHOD_AUTO,               /* "auto": predict_proba, else decision_function, else predict */
  LB_STACK_METHOD_PREDICT_PROBA,      /* "predict_proba" */
  LB_STACK_METHOD_DECISION_FUNCTION,  /* "decision_function" */
  LB_STACK_METHOD_PREDICT,            /* "predict" */
} LbStackMethod;

#define LB_TYPE_STACK_METHOD (lb_stack_method_get_type ())
GType lb_stack_method_get_type (void) G_GNUC_CONST;

#define LB_TYPE_STACKING (lb_stacking_get_type ())
G_DECLARE_DERIVABLE_TYPE (LbStacking, lb_stacking, LB, STACKING, LbEstimator)

struct _LbStackingClass
{
  LbEstimatorClass parent_class;

  /* the blender used when "final_estimator" is null */
  const char *default_final;
};

/* The blender's input for X: the fitted estimators' outputs side by side
 * (binary probabilities as one column), then X with passthrough. */
LbMatrix    *lb_stacking_transform         (LbStacking *self,
                                            LbMatrix   *X,
                                            GError    **error);
/* The fitted blender (transfer none; NULL before fit). */
LbEstimator *lb_stacking_get_final_estimator (LbStacking *self);

G_END_DECLS
