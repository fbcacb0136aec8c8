/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-linear-svc.h: LbLinearSvc, scikit-learn's LinearSVC: a linear support
 * vector classifier, L2-regularised hinge or squared hinge loss, solved in
 * the dual by coordinate descent as liblinear (one-vs-rest for several
 * classes; the intercept regularised as liblinear's bias feature).
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_LINEAR_SVC_LOSS_HINGE,          /* "hinge" */
  LB_LINEAR_SVC_LOSS_SQUARED_HINGE,  /* "squared_hinge" (default) */
} LbLinearSvcLoss;

#define LB_TYPE_LINEAR_SVC_LOSS (lb_linear_svc_loss_get_type ())
GType lb_linear_svc_loss_get_type (void) G_GNUC_CONST;

#define LB_TYPE_LINEAR_SVC (lb_linear_svc_get_type ())
G_DECLARE_FINAL_TYPE (LbLinearSvc, lb_linear_svc, LB, LINEAR_SVC, LbEstimator)

LbEstimator  *lb_linear_svc_new           (void);
/* coef_ (n_out, n_features) row-major and intercept_ (n_out): n_out = 1 for
 * two classes (positive = the second class), else one row per class.
 * Transfer none; NULL when unfitted. */
const double *lb_linear_svc_get_coef      (LbLinearSvc *self,
                                           guint       *n_out,
                                           guint       *n_features);
const double *lb_linear_svc_get_intercept (LbLinearSvc *self,
                                           guint       *n_out);

G_END_DECLS
