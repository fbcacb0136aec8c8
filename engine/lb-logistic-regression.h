/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-logistic-regression.h: LbLogisticRegression, scikit-learn's
 * LogisticRegression with the L2 penalty (or none), solved by L-BFGS or
 * Newton-CG: binary logistic, one-vs-rest, or multinomial (softmax)
 * regression. The objective is scikit-learn 1.2.1's, so coefficients agree.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_LOGISTIC_PENALTY_L2,    /* "l2" */
  LB_LOGISTIC_PENALTY_NONE,  /* "none" */
} LbLogisticPenalty;

typedef enum
{
  LB_LOGISTIC_SOLVER_LBFGS,      /* "lbfgs" */
  LB_LOGISTIC_SOLVER_NEWTON_CG,  /* "newton-cg" */
} LbLogisticSolver;

typedef enum
{
  LB_MULTI_CLASS_AUTO,         /* "auto": multinomial when more than 2 classes */
  LB_MULTI_CLASS_OVR,          /* "ovr": one binary model per class */
  LB_MULTI_CLASS_MULTINOMIAL,  /* "multinomial": softmax regression */
} LbMultiClass;

#define LB_TYPE_LOGISTIC_PENALTY (lb_logistic_penalty_get_type ())
GType lb_logistic_penalty_get_type (void) G_GNUC_CONST;
#define LB_TYPE_LOGISTIC_SOLVER (lb_logistic_solver_get_type ())
GType lb_logistic_solver_get_type (void) G_GNUC_CONST;
#define LB_TYPE_MULTI_CLASS (lb_multi_class_get_type ())
GType lb_multi_class_get_type (void) G_GNUC_CONST;

#define LB_TYPE_LOGISTIC_REGRESSION (lb_logistic_regression_get_type ())
G_DECLARE_FINAL_TYPE (LbLogisticRegression, lb_logistic_regression, LB, LOGISTIC_REGRESSION,
                      LbEstimator)

LbEstimator  *lb_logistic_regression_new           (void);
/* coef_: (n_outputs, n_features) row-major, n_outputs = 1 for two classes,
 * else the number of classes. NULL when not fitted. */
const double *lb_logistic_regression_get_coef      (LbLogisticRegression *self,
                                                    guint                *n_outputs,
                                                    guint                *n_features);
/* intercept_: n_outputs values. */
const double *lb_logistic_regression_get_intercept (LbLogisticRegression *self);
/* n_iter_: iterations of the (last) solver run; the maximum over the
 * one-vs-rest fits. */
guint         lb_logistic_regression_get_n_iter    (LbLogisticRegression *self);

G_END_DECLS
