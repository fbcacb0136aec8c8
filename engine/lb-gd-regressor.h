/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-gd-regressor.h: LbGdRegressor, the book's own gradient-descent linear
 * regression (chapter 4): batch, stochastic and mini-batch GD on the MSE with
 * a constant rate or the learning schedule eta = t0 / (t + t1). It records
 * the parameter path θ after every step and the cost of every step, so the
 * workbench can draw how each variant walks to the minimum.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_GD_METHOD_BATCH,       /* "batch": the whole training set each step */
  LB_GD_METHOD_STOCHASTIC,  /* "stochastic": one random sample each step (with replacement) */
  LB_GD_METHOD_MINI_BATCH,  /* "mini-batch": batches of a fresh permutation each epoch */
} LbGdMethod;

typedef enum
{
  LB_GD_SCHEDULE_CONSTANT,  /* "constant": eta */
  LB_GD_SCHEDULE_INVERSE,   /* "inverse": t0 / (t + t1), the book's learning_schedule */
} LbGdSchedule;

#define LB_TYPE_GD_METHOD (lb_gd_method_get_type ())
GType lb_gd_method_get_type (void) G_GNUC_CONST;
#define LB_TYPE_GD_SCHEDULE (lb_gd_schedule_get_type ())
GType lb_gd_schedule_get_type (void) G_GNUC_CONST;

#define LB_TYPE_GD_REGRESSOR (lb_gd_regressor_get_type ())
G_DECLARE_FINAL_TYPE (LbGdRegressor, lb_gd_regressor, LB, GD_REGRESSOR, LbEstimator)

LbEstimator  *lb_gd_regressor_new           (void);
/* θ as the book writes it: [θ₀ (intercept, when fit_intercept), θ₁ … θₚ]. */
const double *lb_gd_regressor_get_theta     (LbGdRegressor *self,
                                             guint         *n_theta);
/* The path: row 0 is the initial θ, row k the θ after step k (one row per
 * step while the fit has at most 200 000 steps, else one per epoch — see
 * lb_gd_regressor_get_path_per_step). Columns "theta0" … NULL before fit. */
LbMatrix     *lb_gd_regressor_get_path      (LbGdRegressor *self);
gboolean      lb_gd_regressor_get_path_per_step (LbGdRegressor *self);
/* Cost of each recorded step (n_path - 1 values): the MSE of the samples the
 * step used, before the step (the whole set for batch GD). */
const double *lb_gd_regressor_get_costs     (LbGdRegressor *self,
                                             guint         *n_costs);

G_END_DECLS
