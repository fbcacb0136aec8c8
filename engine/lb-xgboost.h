/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-xgboost.h: LbXGBoost, the shared base of XGBRegressor and XGBClassifier:
 * gradient-boosted trees through XGBoost's C API (Debian libxgboost-dev), one
 * boosting round at a time so each round's train / validation metric streams
 * as a fit event and Cancel works between rounds. Built only when the library
 * is found (LB_HAVE_XGBOOST); otherwise the two estimators are not registered.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_XGB_TREE_AUTO,    /* "auto" */
  LB_XGB_TREE_EXACT,   /* "exact" */
  LB_XGB_TREE_APPROX,  /* "approx" */
  LB_XGB_TREE_HIST,    /* "hist" */
} LbXGBTreeMethod;

#define LB_TYPE_XGB_TREE_METHOD (lb_xgb_tree_method_get_type ())
GType lb_xgb_tree_method_get_type (void) G_GNUC_CONST;

#define LB_TYPE_XGBOOST (lb_xgboost_get_type ())
G_DECLARE_DERIVABLE_TYPE (LbXGBoost, lb_xgboost, LB, XGBOOST, LbEstimator)

struct _LbXGBoostClass
{
  LbEstimatorClass parent_class;
};

/* Rounds boosted, and the best round (0-based) when early stopping chose one (-1 otherwise). */
guint    lb_xgboost_get_n_rounds       (LbXGBoost *self);
int      lb_xgboost_get_best_iteration (LbXGBoost *self);
/* Per-round metric on the training / validation rows (NaN when none); index < n_rounds. */
double   lb_xgboost_get_train_metric   (LbXGBoost *self, guint round);
double   lb_xgboost_get_valid_metric   (LbXGBoost *self, guint round);

G_END_DECLS
