/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svm-solver.h: the SMO solver behind SVC and SVR, written after libsvm's
 * Solver (Fan, Chen & Lin 2005): second-order working-set selection (WSS3),
 * shrinking with gradient reconstruction, an LRU cache of kernel rows in
 * single precision (libsvm's Qfloat) — so its dual solution and decision
 * values equal libsvm's — plus what libsvm lacks: it checks the fit
 * context's cancellable every few iterations and reports progress.
 *
 * It solves  min ½ αᵀQα + pᵀα  s.t. yᵀα = 0, 0 ≤ α_t ≤ C_t,  with
 * Q_st = y_s y_t K(x_kid[s], x_kid[t]): several variables may share one data
 * row (ε-SVR has two per sample).
 */
#pragma once

#include "lb-fit-context.h"
#include "lb-svm-kernel.h"

G_BEGIN_DECLS

typedef struct
{
  const LbSvmKernel *kernel;
  const double      *X;          /* (n_data, p) row-major */
  gsize              n_data;
  gsize              p;
  gsize              l;          /* variables */
  const guint       *kid;        /* (l) data row of each variable */
  const double      *y;          /* (l) ±1 */
  const double      *lin;        /* (l) the linear term p */
  const double      *C;          /* (l) upper bounds */
  double             eps;        /* stopping tolerance on the KKT gap (libsvm -e, sklearn tol) */
  gboolean           shrinking;
  double             cache_mb;   /* kernel cache size in MiB */
  const float       *K;          /* NULL, or the whole kernel matrix (n_data, n_data) in
                                  * single precision, borrowed: then nothing is computed */
  gint64             max_iter;   /* <= 0: libsvm's bound max(10⁷, 100 l) */
  LbFitContext      *ctx;        /* cancellable, progress (may be NULL) */
  double             progress_from;  /* this solve's share of the fit's progress */
  double             progress_to;
} LbSvmProblem;

typedef struct
{
  double   rho;         /* decision = Σ α_t y_t K(x_t, x) − rho */
  double   obj;         /* the dual objective at the solution */
  gint64   n_iter;
  gboolean max_iter_reached;
} LbSvmSolution;

/* Solves @problem from @alpha (in/out, l values; usually zeros). FALSE only
 * when cancelled (G_IO_ERROR_CANCELLED) or out of memory. */
gboolean lb_svm_solve (const LbSvmProblem *problem,
                       double             *alpha,
                       LbSvmSolution      *solution,
                       GError            **error);

G_END_DECLS
