/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-lbfgs.h: a reusable limited-memory BFGS minimiser (unconstrained), with
 * scipy's L-BFGS-B stopping rules (max |gradient| <= gtol, relative decrease
 * of f <= ftol, max_iter, max_fun) so that models built on it stop where
 * scikit-learn's stop. The line search enforces the strong Wolfe conditions.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* f(x); fills grad (n values). */
typedef double   (*LbLbfgsFunc)     (const double *x,
                                     double       *grad,
                                     gpointer      user_data);
/* Called after each iteration; return FALSE to stop (cancellation). */
typedef gboolean (*LbLbfgsProgress) (guint         iteration,
                                     double        f,
                                     double        grad_max,
                                     gpointer      user_data);

typedef struct
{
  guint  m;          /* corrections kept: 10 (scipy) */
  guint  max_iter;   /* 15000 (scipy); scikit-learn passes its max_iter */
  guint  max_fun;    /* function evaluations: 15000 (scipy) */
  double gtol;       /* stop when max |g_i| <= gtol: 1e-5 (scipy); scikit-learn passes tol */
  double ftol;       /* stop when (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1) <= ftol:
                      * factr 1e7 × DBL_EPSILON (scipy) */
  guint  max_ls;     /* line search evaluations per iteration: 20 (scipy) */
} LbLbfgsParams;

typedef enum
{
  LB_LBFGS_CONVERGED_GTOL,
  LB_LBFGS_CONVERGED_FTOL,
  LB_LBFGS_MAX_ITER,
  LB_LBFGS_MAX_FUN,
  LB_LBFGS_LINE_SEARCH_FAILED,   /* no progress possible (rounding); x is the best point */
  LB_LBFGS_STOPPED,              /* the progress callback returned FALSE */
} LbLbfgsStatus;

typedef struct
{
  LbLbfgsStatus status;
  double        f;           /* at the returned x */
  double        grad_max;    /* max |g_i| at the returned x */
  guint         n_iter;
  guint         n_fun;
} LbLbfgsResult;

void           lb_lbfgs_params_init (LbLbfgsParams   *params);

/* Minimises func from x (n values, updated in place to the best point found). */
LbLbfgsStatus  lb_lbfgs_minimize    (gsize            n,
                                     double          *x,
                                     LbLbfgsFunc      func,
                                     LbLbfgsProgress  progress,
                                     gpointer         user_data,
                                     const LbLbfgsParams *params,
                                     LbLbfgsResult   *result);

/* TRUE for the statuses that mean "converged". */
gboolean       lb_lbfgs_status_converged (LbLbfgsStatus status);

G_END_DECLS
