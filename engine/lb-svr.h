/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svr.h: LbSvr, scikit-learn's SVR: kernel ε-support vector regression
 * (libsvm's ε-SVR: 2n dual variables, one pair per sample) trained by our
 * SMO solver (libsvm's algorithm, cancellable).
 */
#pragma once

#include "lb-estimator.h"
#include "lb-svm-kernel.h"

G_BEGIN_DECLS

#define LB_TYPE_SVR (lb_svr_get_type ())
G_DECLARE_FINAL_TYPE (LbSvr, lb_svr, LB, SVR, LbEstimator)

LbEstimator  *lb_svr_new                 (void);

/* The fitted support vectors (n_sv, n_features), their training-row indices
 * and the gamma used (transfer none; NULL / 0 / NaN when unfitted). */
const double *lb_svr_get_support_vectors (LbSvr  *self,
                                          gsize  *n_sv,
                                          guint  *n_features);
const guint  *lb_svr_get_support         (LbSvr  *self,
                                          gsize  *n_sv);
double        lb_svr_get_gamma           (LbSvr  *self);

G_END_DECLS
