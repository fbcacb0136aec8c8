/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-linear-svm.h: liblinear's dual coordinate descent (Hsieh et al. 2008)
 * for L2-regularised linear SVMs — hinge / squared hinge classification and
 * ε-insensitive / squared ε-insensitive regression, with liblinear's
 * shrinking and stopping rules — as LinearSVC and LinearSVR use it. The
 * intercept is liblinear's: an extra feature of value @bias whose weight is
 * regularised like the others. Coordinates are visited in a random order
 * from the fit's seed (liblinear uses its own rand(), so the iterates are
 * not liblinear's, only the optimum).
 */
#pragma once

#include "lb-fit-context.h"

G_BEGIN_DECLS

typedef struct
{
  const double *X;          /* (n, p) row-major */
  gsize         n;
  gsize         p;
  double        bias;       /* > 0: the extra feature's value (intercept_scaling); <= 0: none */
  const double *y;          /* (n): ±1 (classification) or targets (regression) */
  double        C;
  double        epsilon;    /* regression: the insensitive zone */
  gboolean      squared;    /* squared hinge / squared ε-insensitive */
  double        tol;        /* liblinear's eps */
  guint         max_iter;
  LbFitContext *ctx;
  guint64       stream;     /* the RNG stream (one per one-vs-rest model) */
} LbLinearSvmProblem;

/* Solves into @w (p + 1 values when bias > 0, else p; the last one is the
 * bias feature's weight). *n_iter: passes made; *converged. FALSE only when
 * cancelled. */
gboolean lb_linear_svm_solve_svc (const LbLinearSvmProblem *problem,
                                  double                   *w,
                                  guint                    *n_iter,
                                  gboolean                 *converged,
                                  GError                  **error);
gboolean lb_linear_svm_solve_svr (const LbLinearSvmProblem *problem,
                                  double                   *w,
                                  guint                    *n_iter,
                                  gboolean                 *converged,
                                  GError                  **error);

G_END_DECLS
