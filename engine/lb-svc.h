/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svc.h: LbSvc, scikit-learn's SVC: a kernel support vector classifier
 * (C-SVC) trained by our own SMO solver (libsvm's algorithm, cancellable),
 * one-vs-one for several classes as libsvm, with scikit-learn's "ovr"
 * decision_function built from the pairwise votes, and Platt-scaled
 * probabilities (probability=true) fitted by libsvm's internal 5-fold CV.
 */
#pragma once

#include "lb-estimator.h"
#include "lb-svm-kernel.h"

G_BEGIN_DECLS

typedef enum
{
  LB_SVC_SHAPE_OVR,   /* "ovr": (n, k) votes + confidences, scikit-learn's default */
  LB_SVC_SHAPE_OVO,   /* "ovo": (n, k(k−1)/2) libsvm's pairwise values */
} LbSvcShape;

#define LB_TYPE_SVC_SHAPE (lb_svc_shape_get_type ())
GType lb_svc_shape_get_type (void) G_GNUC_CONST;

typedef enum
{
  LB_SVC_CLASS_WEIGHT_NONE,       /* "none": every class has C */
  LB_SVC_CLASS_WEIGHT_BALANCED,   /* "balanced": C · n / (k · n_c) for class c */
} LbSvcClassWeight;

#define LB_TYPE_SVC_CLASS_WEIGHT (lb_svc_class_weight_get_type ())
GType lb_svc_class_weight_get_type (void) G_GNUC_CONST;

#define LB_TYPE_SVC (lb_svc_get_type ())
G_DECLARE_FINAL_TYPE (LbSvc, lb_svc, LB, SVC, LbEstimator)

LbEstimator  *lb_svc_new                 (void);

/* --- the fitted support vectors, for the decision-boundary picture ---
 * (transfer none; valid until the next fit; NULL / 0 when unfitted) */
/* The support vectors (n_sv, n_features) row-major, grouped by class. */
const double *lb_svc_get_support_vectors (LbSvc  *self,
                                          gsize  *n_sv,
                                          guint  *n_features);
/* Their row indices in the training X (scikit-learn's support_). */
const guint  *lb_svc_get_support         (LbSvc  *self,
                                          gsize  *n_sv);
/* Support vectors per class (n_classes values: n_support_). */
const guint  *lb_svc_get_n_support       (LbSvc  *self,
                                          guint  *n_classes);
/* The gamma used by the fit (scale / auto resolved). */
double        lb_svc_get_gamma           (LbSvc  *self);

G_END_DECLS
