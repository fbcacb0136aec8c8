/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-elastic-net.h: LbElasticNet, scikit-learn's ElasticNet: least squares
 * with a mix of L1 and L2 penalties, fitted by coordinate descent. Objective
 * 1/(2n)·||y - Xw||² + α·l1_ratio·||w||₁ + α·(1 - l1_ratio)/2·||w||².
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

/* The order coordinate descent visits the features in (Lasso, ElasticNet). */
typedef enum
{
  LB_CD_SELECTION_CYCLIC,  /* "cyclic" */
  LB_CD_SELECTION_RANDOM,  /* "random" */
} LbCdSelection;

#define LB_TYPE_CD_SELECTION (lb_cd_selection_get_type ())
GType lb_cd_selection_get_type (void) G_GNUC_CONST;

#define LB_TYPE_ELASTIC_NET (lb_elastic_net_get_type ())
G_DECLARE_FINAL_TYPE (LbElasticNet, lb_elastic_net, LB, ELASTIC_NET, LbEstimator)

LbEstimator  *lb_elastic_net_new           (void);
const double *lb_elastic_net_get_coef      (LbElasticNet *self,
                                            guint        *n_features);
double        lb_elastic_net_get_intercept (LbElasticNet *self);
/* Coordinate-descent passes of the last fit (scikit-learn's n_iter_). */
guint         lb_elastic_net_get_n_iter    (LbElasticNet *self);

G_END_DECLS
