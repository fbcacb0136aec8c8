/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-bagging.h: LbBagging, the shared base of BaggingClassifier and
 * BaggingRegressor (scikit-learn's BaseBagging): copies of one estimator
 * fitted on random subsets of the rows (bootstrap = bagging, without
 * replacement = pasting) and of the columns (random subspaces / patches),
 * in parallel, with an out-of-bag score.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_TYPE_BAGGING (lb_bagging_get_type ())
G_DECLARE_DERIVABLE_TYPE (LbBagging, lb_bagging, LB, BAGGING, LbEstimator)

struct _LbBaggingClass
{
  LbEstimatorClass parent_class;

  /* the estimator used when "estimator" is null ("DecisionTreeClassifier") */
  const char *default_estimator;
};

guint        lb_bagging_get_n_fitted      (LbBagging *self);
/* Fitted estimator @index and the columns it saw (transfer none). */
LbEstimator *lb_bagging_get_fitted        (LbBagging *self,
                                           guint      index,
                                           const guint **features,
                                           guint     *n_features);
/* oob_score_ (NaN when oob_score was off or before fit). */
double       lb_bagging_get_oob_score     (LbBagging *self);

G_END_DECLS
