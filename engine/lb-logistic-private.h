/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-logistic-private.h: the objective LogisticRegression minimises, exactly
 * scikit-learn 1.2.1's for lbfgs / newton-cg: the SUM over samples of the half
 * binomial or multinomial loss plus ||W||² / (2C) (intercepts unpenalised),
 * with its gradient and Hessian-vector product, computed block by block so
 * that each block of X is read from memory once per evaluation.
 */
#pragma once

#include "lb-blas.h"
#include "lb-fit-context.h"
#include "lb-lbfgs.h"

G_BEGIN_DECLS

typedef struct
{
  /* --- input --- */
  const double *X;         /* (n, p) row-major */
  const double *y;         /* (n) class codes */
  gsize         n;
  gsize         p;
  guint         k;         /* 1: binary (target y == pos_code); >= 2: softmax over codes 0..k-1 */
  double        pos_code;
  double        l2;        /* 1 / C, or 0 without penalty */
  gboolean      fit_intercept;
  LbFitContext *ctx;

  /* --- work (owned) --- */
  gsize         q;         /* parameters per output: p + fit_intercept */
  double       *P;         /* (n, k) probabilities at the last evaluation (Newton's Hessian) */
  guint         n_threads; /* from the context's thread budget */
  LbBlasLimit  *blas_limit; /* held while n_threads > 1 */
  double       *Zv;        /* (n_threads × block, k) scratch */
  double       *partial;   /* (n_threads, k × q) per-thread sums */
  double       *wt;        /* (p, k): the coefficients (or v) transposed */
  GError       *error;     /* cancellation seen in a callback */
  guint         n_iter;
  guint         max_iter;  /* for progress fractions */
} LbLogisticProblem;

void     lb_logistic_problem_init    (LbLogisticProblem *prob);
void     lb_logistic_problem_clear   (LbLogisticProblem *prob);

/* Parameters w: k rows of q (coefficients, then the intercept when fitted). */
gsize    lb_logistic_n_params        (const LbLogisticProblem *prob);
double   lb_logistic_loss_grad       (const double *w,
                                      double       *grad,
                                      gpointer      prob);
/* hv = H(w_last) v, with H the Hessian at the last lb_logistic_loss_grad point. */
void     lb_logistic_hessp           (LbLogisticProblem *prob,
                                      const double *v,
                                      double       *hv);

/* Minimise from w (zeros for scikit-learn's start); TRUE = converged. FALSE
 * with prob->error set only for cancellation. */
gboolean lb_logistic_solve_lbfgs     (LbLogisticProblem *prob,
                                      double       *w,
                                      guint         max_iter,
                                      double        tol,
                                      gboolean     *converged);
gboolean lb_logistic_solve_newton_cg (LbLogisticProblem *prob,
                                      double       *w,
                                      guint         max_iter,
                                      double        tol,
                                      gboolean     *converged);

G_END_DECLS
