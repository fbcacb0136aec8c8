/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-adaboost-regressor.h: LbAdaBoostRegressor, scikit-learn's
 * AdaBoostRegressor (AdaBoost.R2, Drucker 1997): each round fits the base
 * regressor (a depth-3 tree by default) on a bootstrap drawn with the sample
 * weights, which then grow on the rows it predicted worst (linear, square or
 * exponential loss); the prediction is the weighted median of the rounds.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_ADABOOST_LOSS_LINEAR,       /* "linear" */
  LB_ADABOOST_LOSS_SQUARE,       /* "square" */
  LB_ADABOOST_LOSS_EXPONENTIAL,  /* "exponential" */
} LbAdaBoostLoss;

#define LB_TYPE_ADABOOST_LOSS (lb_adaboost_loss_get_type ())
GType lb_adaboost_loss_get_type (void) G_GNUC_CONST;

#define LB_TYPE_ADABOOST_REGRESSOR (lb_adaboost_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbAdaBoostRegressor, lb_adaboost_regressor, LB, ADABOOST_REGRESSOR, LbEstimator)

LbEstimator *lb_adaboost_regressor_new (void);
guint        lb_adaboost_regressor_get_n_rounds (LbAdaBoostRegressor *self);
/* The weighted median of the first @n_stages rounds (staged_predict; 1 ≤ n_stages ≤ n_rounds). */
LbMatrix    *lb_adaboost_regressor_staged_predict (LbAdaBoostRegressor *self,
                                                   LbMatrix            *X,
                                                   guint                n_stages,
                                                   GError             **error);

G_END_DECLS
