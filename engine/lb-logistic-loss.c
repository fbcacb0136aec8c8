/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-logistic-loss.c: LogisticRegression's objective (see
 * lb-logistic-private.h) and its two solvers. Loss and gradient make one pass
 * over X in row blocks: Z = X_b·Wᵀ, softmax, then G += (P - Y)_bᵀ·X_b while
 * the block is still in cache — two dgemm per block, X read once from memory;
 * the context's threads take contiguous ranges of blocks (fixed split, sums in
 * thread order). newton-cg follows scikit-learn's _newton_cg.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <cblas.h>
#include <glib/gi18n-lib.h>

#include "lb-blas.h"
#include "lb-logistic-private.h"

/* Rows per block: at most ~256 KiB of X, so that the block the first dgemm
 * reads is still in L2 for the second; and rows·k·p <= 262144, below which
 * OpenBLAS 0.3.21 runs a dgemm on the calling thread only (its
 * GEMM_MULTITHREAD_THRESHOLD): our threads split the rows instead, without
 * OpenBLAS's threads spinning against them. Measured on Fashion-MNIST
 * (k = 10, p = 784, 33 rows): one evaluation takes half the CPU time of two
 * whole-matrix dgemm or of 256-row blocks. */
static gsize
block_rows (const LbLogisticProblem *prob)
{
  gsize by_cache = (gsize) 32768 / MAX (prob->p, 1);
  gsize by_threads = (gsize) 262144 / MAX ((gsize) prob->k * prob->p, 1);

  return CLAMP (MIN (by_cache, by_threads), 4, 512);
}

void
lb_logistic_problem_init (LbLogisticProblem *prob)
{
  gsize B;
  guint max_threads;

  g_assert (prob->n > 0 && prob->p > 0 && prob->k >= 1);
  prob->q = prob->p + (prob->fit_intercept ? 1 : 0);
  B = block_rows (prob);
  /* threads split the rows; each needs a few blocks of work to be worth it */
  max_threads = (guint) MIN ((prob->n + 8 * B - 1) / (8 * B), g_get_num_processors ());
  prob->n_threads = CLAMP (prob->ctx != NULL ? lb_fit_context_get_n_threads (prob->ctx) : 1,
                           1, MAX (max_threads, 1));
  /* our threads each call BLAS: hold OpenBLAS to one thread meanwhile
   * (lb-blas.h), else concurrent calls queue behind its own threads */
  prob->blas_limit = prob->n_threads > 1 ? lb_blas_limit_push (1) : NULL;
  g_debug ("LogisticRegression objective: %" G_GSIZE_FORMAT " x %" G_GSIZE_FORMAT
           ", %u outputs, %u threads, %" G_GSIZE_FORMAT "-row blocks",
           prob->n, prob->p, prob->k, prob->n_threads, B);
  prob->P = g_new0 (double, prob->n * prob->k);
  prob->Zv = g_new0 (double, (gsize) prob->n_threads * B * prob->k);
  prob->partial = g_new0 (double, (gsize) prob->n_threads * prob->k * prob->q);
  prob->wt = g_new0 (double, (gsize) prob->p * prob->k);
  prob->error = NULL;
  prob->n_iter = 0;
}

void
lb_logistic_problem_clear (LbLogisticProblem *prob)
{
  g_clear_pointer (&prob->blas_limit, lb_blas_limit_pop);
  g_clear_pointer (&prob->P, g_free);
  g_clear_pointer (&prob->Zv, g_free);
  g_clear_pointer (&prob->partial, g_free);
  g_clear_pointer (&prob->wt, g_free);
  g_clear_error (&prob->error);
}

gsize
lb_logistic_n_params (const LbLogisticProblem *prob)
{
  return (gsize) prob->k * prob->q;
}

/* log(1 + exp(z)) without overflow */
static inline double
log1pexp (double z)
{
  return z > 0 ? z + log1p (exp (-z)) : log1p (exp (z));
}

static inline double
sigmoid (double z)
{
  if (z >= 0)
    return 1.0 / (1.0 + exp (-z));
  else
    {
      double e = exp (z);
      return e / (1.0 + e);
    }
}

/* ||coefficients||² (intercepts excluded) */
static double
coef_norm2 (const LbLogisticProblem *prob,
            const double            *w)
{
  double s = 0.0;

  for (guint c = 0; c < prob->k; c++)
    s += cblas_ddot ((int) prob->p, w + c * prob->q, 1, w + c * prob->q, 1);
  return s;
}

/* --- one thread's share: rows [row0, row1) into its own out (k × q) --- */

typedef enum
{
  WORK_LOSS_GRAD,
  WORK_HESSP,
} WorkKind;

typedef struct
{
  LbLogisticProblem *prob;
  WorkKind           kind;
  const double      *w;        /* parameters (loss) or the vector v (Hessian product) */
  double            *out;      /* gradient or H·v, k × q, without the penalty */
  double            *scratch;  /* block_rows × k */
  const double      *wt;       /* Wᵀ (p, k) for softmax products */
  gsize              row0, row1;
  double             loss;
} Part;

static void
part_loss_grad_binary (Part *part)
{
  LbLogisticProblem *prob = part->prob;
  gsize p = prob->p, B = block_rows (prob);
  const double *w = part->w;
  double b = prob->fit_intercept ? w[p] : 0.0, loss = 0.0, gb = 0.0;
  double *z = part->scratch, *grad = part->out;

  for (gsize i0 = part->row0; i0 < part->row1; i0 += B)
    {
      gsize rows = MIN (B, part->row1 - i0);
      const double *Xb = prob->X + i0 * p;

      /* z = X_b·w (as a dgemm with one column: OpenBLAS keeps it on this thread) */
      cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasTrans, (int) rows, 1, (int) p,
                   1.0, Xb, (int) p, w, (int) p, 0.0, z, 1);
      for (gsize i = 0; i < rows; i++)
        {
          double zi = z[i] + b, t = prob->y[i0 + i] == prob->pos_code ? 1.0 : 0.0;
          double s = sigmoid (zi);

          /* half binomial loss: log(1 + e^z) - t·z */
          loss += log1pexp (zi) - t * zi;
          prob->P[i0 + i] = s;
          z[i] = s - t;
          gb += z[i];
        }
      /* grad += (s - t)ᵀ·X_b */
      cblas_dgemm (CblasRowMajor, CblasTrans, CblasNoTrans, 1, (int) p, (int) rows,
                   1.0, z, 1, Xb, (int) p, 1.0, grad, (int) p);
    }
  if (prob->fit_intercept)
    grad[p] = gb;
  part->loss = loss;
}

static void
part_loss_grad_softmax (Part *part)
{
  LbLogisticProblem *prob = part->prob;
  gsize p = prob->p, q = prob->q, B = block_rows (prob);
  guint k = prob->k;
  const double *w = part->w;
  double loss = 0.0, *grad = part->out, *R = part->scratch;

  for (gsize i0 = part->row0; i0 < part->row1; i0 += B)
    {
      gsize rows = MIN (B, part->row1 - i0);
      const double *Xb = prob->X + i0 * p;
      double *Pb = prob->P + i0 * k;   /* (rows, k): Z, then P */

      /* Z_b = X_b·Wᵀ, with Wᵀ (p, k) stored as such: an NN product is
       * OpenBLAS's fastest small kernel for this shape */
      cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) rows, (int) k, (int) p,
                   1.0, Xb, (int) p, part->wt, (int) k, 0.0, Pb, (int) k);
      for (gsize i = 0; i < rows; i++)
        {
          double *zi = Pb + i * k, *ri = R + i * k, zmax = -INFINITY, sum = 0.0;
          guint yi = (guint) prob->y[i0 + i];

          for (guint c = 0; c < k; c++)
            {
              if (prob->fit_intercept)
                zi[c] += w[c * q + p];
              zmax = MAX (zmax, zi[c]);
            }
          /* half multinomial loss: logsumexp(z) - z_y */
          loss -= zi[yi] - zmax;
          for (guint c = 0; c < k; c++)
            {
              zi[c] = exp (zi[c] - zmax);
              sum += zi[c];
            }
          loss += log (sum);
          for (guint c = 0; c < k; c++)
            {
              zi[c] /= sum;
              ri[c] = zi[c];
            }
          ri[yi] -= 1.0;   /* R = P - Y (P is kept for the Hessian) */
          if (prob->fit_intercept)
            for (guint c = 0; c < k; c++)
              grad[c * q + p] += ri[c];
        }
      /* G (k, p; stride q) += Rᵀ·X_b while X_b is in cache */
      cblas_dgemm (CblasRowMajor, CblasTrans, CblasNoTrans, (int) k, (int) p, (int) rows,
                   1.0, R, (int) k, Xb, (int) p, 1.0, grad, (int) q);
    }
  part->loss = loss;
}

static void
part_hessp (Part *part)
{
  LbLogisticProblem *prob = part->prob;
  gsize p = prob->p, q = prob->q, B = block_rows (prob);
  guint k = prob->k;
  const double *v = part->w;
  double *Zv = part->scratch, *hv = part->out;

  for (gsize i0 = part->row0; i0 < part->row1; i0 += B)
    {
      gsize rows = MIN (B, part->row1 - i0);
      const double *Xb = prob->X + i0 * p;
      const double *Pb = prob->P + i0 * k;

      /* Zv = X_b·Vᵀ + v_b */
      if (k > 1)
        cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) rows, (int) k, (int) p,
                     1.0, Xb, (int) p, part->wt, (int) k, 0.0, Zv, (int) k);
      else
        cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasTrans, (int) rows, 1, (int) p,
                     1.0, Xb, (int) p, v, (int) q, 0.0, Zv, 1);
      for (gsize i = 0; i < rows; i++)
        {
          double *zi = Zv + i * k;
          const double *pi = Pb + i * k;

          if (prob->fit_intercept)
            for (guint c = 0; c < k; c++)
              zi[c] += v[c * q + p];
          if (k == 1)
            zi[0] *= pi[0] * (1.0 - pi[0]);   /* binary: s(1 - s)·x·v */
          else
            {
              /* softmax: r_c = p_c (zv_c - Σ p_c' zv_c') */
              double dot = 0.0;

              for (guint c = 0; c < k; c++)
                dot += pi[c] * zi[c];
              for (guint c = 0; c < k; c++)
                zi[c] = pi[c] * (zi[c] - dot);
            }
          if (prob->fit_intercept)
            for (guint c = 0; c < k; c++)
              hv[c * q + p] += zi[c];
        }
      cblas_dgemm (CblasRowMajor, CblasTrans, CblasNoTrans, (int) k, (int) p, (int) rows,
                   1.0, Zv, (int) k, Xb, (int) p, 1.0, hv, (int) q);
    }
}

static gpointer
part_run (gpointer data)
{
  Part *part = data;

  memset (part->out, 0, lb_logistic_n_params (part->prob) * sizeof (double));
  part->loss = 0.0;
  if (part->kind == WORK_HESSP)
    part_hessp (part);
  else if (part->prob->k == 1)
    part_loss_grad_binary (part);
  else
    part_loss_grad_softmax (part);
  return NULL;
}

/* Splits the rows over the problem's threads (contiguous ranges, whole blocks),
 * sums the parts in a fixed order; returns the data loss. */
static double
run_parts (LbLogisticProblem *prob,
           WorkKind           kind,
           const double      *w,
           double            *out)
{
  guint T = prob->n_threads;
  gsize m = lb_logistic_n_params (prob), B = block_rows (prob);
  gsize n_blocks = (prob->n + B - 1) / B;
  g_autofree Part *parts = g_new0 (Part, T);
  g_autofree GThread **threads = g_new0 (GThread *, T);
  double loss = 0.0;

  /* Wᵀ (p, k) once per evaluation, shared by the threads */
  if (prob->k > 1)
    for (guint c = 0; c < prob->k; c++)
      for (gsize j = 0; j < prob->p; j++)
        prob->wt[j * prob->k + c] = w[c * prob->q + j];
  for (guint t = 0; t < T; t++)
    {
      parts[t].prob = prob;
      parts[t].wt = prob->wt;
      parts[t].kind = kind;
      parts[t].w = w;
      parts[t].out = t == 0 ? out : prob->partial + (gsize) t * m;
      parts[t].scratch = prob->Zv + (gsize) t * B * prob->k;
      parts[t].row0 = MIN (prob->n, n_blocks * t / T * B);
      parts[t].row1 = MIN (prob->n, n_blocks * (t + 1) / T * B);
    }
  for (guint t = 1; t < T; t++)
    threads[t] = g_thread_new ("lb-logistic", part_run, &parts[t]);
  part_run (&parts[0]);
  for (guint t = 1; t < T; t++)
    g_thread_join (threads[t]);
  for (guint t = 0; t < T; t++)
    {
      loss += parts[t].loss;
      if (t > 0)
        cblas_daxpy ((int) m, 1.0, parts[t].out, 1, out, 1);
    }
  return loss;
}

double
lb_logistic_loss_grad (const double *w,
                       double       *grad,
                       gpointer      user_data)
{
  LbLogisticProblem *prob = user_data;
  double loss = run_parts (prob, WORK_LOSS_GRAD, w, grad);

  if (prob->l2 > 0)
    {
      for (guint c = 0; c < prob->k; c++)
        cblas_daxpy ((int) prob->p, prob->l2, w + c * prob->q, 1, grad + c * prob->q, 1);
      loss += 0.5 * prob->l2 * coef_norm2 (prob, w);
    }
  return loss;
}

void
lb_logistic_hessp (LbLogisticProblem *prob,
                   const double      *v,
                   double            *hv)
{
  run_parts (prob, WORK_HESSP, v, hv);
  if (prob->l2 > 0)
    for (guint c = 0; c < prob->k; c++)
      cblas_daxpy ((int) prob->p, prob->l2, v + c * prob->q, 1, hv + c * prob->q, 1);
}

/* --- solvers --- */

static gboolean
report_iteration (LbLogisticProblem *prob,
                  guint              iteration,
                  guint              max_iter,
                  double             loss)
{
  LbFitEvent ev = { 0 };

  prob->n_iter = iteration;
  if (prob->ctx == NULL)
    return TRUE;
  if (lb_fit_context_check_cancelled (prob->ctx, prob->error == NULL ? &prob->error : NULL))
    return FALSE;
  ev.fraction = max_iter > 0 ? (double) iteration / max_iter : -1.0;
  ev.iteration = iteration;
  ev.loss = loss;
  ev.val_score = NAN;
  lb_fit_context_report (prob->ctx, &ev);
  return TRUE;
}

static gboolean
lbfgs_progress (guint    iteration,
                double   f,
                double   grad_max,
                gpointer user_data)
{
  LbLogisticProblem *prob = user_data;

  return report_iteration (prob, iteration, prob->max_iter, f);
}

gboolean
lb_logistic_solve_lbfgs (LbLogisticProblem *prob,
                         double            *w,
                         guint              max_iter,
                         double             tol,
                         gboolean          *converged)
{
  LbLbfgsParams params;
  LbLbfgsResult result;

  /* scipy.optimize.minimize(method="L-BFGS-B") as scikit-learn calls it */
  lb_lbfgs_params_init (&params);
  params.max_iter = max_iter;
  prob->max_iter = max_iter;
  params.gtol = tol;
  lb_lbfgs_minimize (lb_logistic_n_params (prob), w, lb_logistic_loss_grad, lbfgs_progress,
                     prob, &params, &result);
  g_debug ("LogisticRegression lbfgs: %u iterations, %u evaluations, status %d, "
           "f %.17g, max |g| %g", result.n_iter, result.n_fun, result.status,
           result.f, result.grad_max);
  prob->n_iter = result.n_iter;
  *converged = lb_lbfgs_status_converged (result.status);
  return result.status != LB_LBFGS_STOPPED;
}

static double
max_abs_of (const double *v,
            gsize         n)
{
  double m = 0.0;

  for (gsize i = 0; i < n; i++)
    m = MAX (m, fabs (v[i]));
  return m;
}

/* scikit-learn's _cg: truncated conjugate gradient for H x = -g. */
static void
newton_direction (LbLogisticProblem *prob,
                  const double      *g,
                  double            *x,
                  double             termcond)
{
  gsize m = lb_logistic_n_params (prob);
  g_autofree double *r = g_memdup2 (g, m * sizeof (double));
  g_autofree double *d = g_new (double, m);
  g_autofree double *Ad = g_new (double, m);
  double rr0 = cblas_ddot ((int) m, r, 1, r, 1);

  memset (x, 0, m * sizeof (double));
  for (gsize i = 0; i < m; i++)
    d[i] = -r[i];
  for (guint it = 0; it <= 200; it++)
    {
      double curv, a, rr1;

      if (cblas_dasum ((int) m, r, 1) <= termcond)
        break;
      lb_logistic_hessp (prob, d, Ad);
      curv = cblas_ddot ((int) m, d, 1, Ad, 1);
      if (curv >= 0 && curv <= 3 * DBL_EPSILON)
        break;
      if (curv < 0)
        {
          if (it == 0)
            cblas_daxpy ((int) m, rr0 / curv, d, 1, x, 1);  /* steepest descent fallback */
          break;
        }
      a = rr0 / curv;
      cblas_daxpy ((int) m, a, d, 1, x, 1);
      cblas_daxpy ((int) m, a, Ad, 1, r, 1);
      rr1 = cblas_ddot ((int) m, r, 1, r, 1);
      for (gsize i = 0; i < m; i++)
        d[i] = -r[i] + (rr1 / rr0) * d[i];
      rr0 = rr1;
    }
}

gboolean
lb_logistic_solve_newton_cg (LbLogisticProblem *prob,
                             double            *w,
                             guint              max_iter,
                             double             tol,
                             gboolean          *converged)
{
  gsize m = lb_logistic_n_params (prob);
  g_autofree double *g = g_new (double, m);
  g_autofree double *gt = g_new (double, m);
  g_autofree double *step = g_new (double, m);
  g_autofree double *wt = g_new (double, m);
  double f = lb_logistic_loss_grad (w, g, prob);
  guint k = 0, stalls = 0;

  *converged = FALSE;
  while (k < max_iter)
    {
      double gmax = 0.0, gsum, slope, a = 1.0, ft = f, slack;
      gboolean in_noise;
      gboolean accepted = FALSE;

      for (gsize i = 0; i < m; i++)
        gmax = MAX (gmax, fabs (g[i]));
      if (gmax <= tol)
        {
          *converged = TRUE;
          break;
        }
      gsum = cblas_dasum ((int) m, g, 1);
      /* P (the Hessian's weights) is from the last evaluation, at w */
      newton_direction (prob, g, step, MIN (0.5, sqrt (gsum)) * gsum);
      slope = cblas_ddot ((int) m, g, 1, step, 1);
      if (!(slope < 0))
        break;
      /* backtracking Armijo from the full Newton step. Near the minimum the
       * predicted decrease (-slope/2) falls below the rounding noise of f (a
       * sum over all samples: measured ~1e-15 relative), and f cannot judge
       * the step: there a step that shrinks the gradient is taken on the
       * gradient's word (scipy's Wolfe search, which scikit-learn uses, also
       * looks at the gradient). */
      slack = 8 * DBL_EPSILON * fabs (f);
      in_noise = -slope <= 1e-12 * MAX (fabs (f), 1.0);
      for (guint ls = 0; ls < 30; ls++, a *= 0.5)
        {
          memcpy (wt, w, m * sizeof (double));
          cblas_daxpy ((int) m, a, step, 1, wt, 1);
          ft = lb_logistic_loss_grad (wt, gt, prob);
          if (isfinite (ft) && (ft <= f + 1e-4 * a * slope + slack
                                || (in_noise && max_abs_of (gt, m) < gmax)))
            {
              accepted = TRUE;
              break;
            }
        }
      if (!accepted)
        {
          /* restore P at w (the Hessian weights) and stop: rounding-level progress */
          f = lb_logistic_loss_grad (w, g, prob);
          break;
        }
      /* two steps in a row that changed neither f beyond rounding nor the
       * gradient: the noise floor, stop (scikit-learn: "Line Search failed") */
      stalls = ft >= f - slack && max_abs_of (gt, m) > 0.5 * gmax ? stalls + 1 : 0;
      memcpy (w, wt, m * sizeof (double));
      memcpy (g, gt, m * sizeof (double));
      f = ft;
      k++;
      if (stalls >= 2)
        {
          if (!report_iteration (prob, k, max_iter, f))
            return FALSE;
          break;
        }
      if (!report_iteration (prob, k, max_iter, f))
        return FALSE;
    }
  prob->n_iter = k;
  if (k == max_iter && !*converged)
    {
      double gmax = 0.0;

      for (gsize i = 0; i < m; i++)
        gmax = MAX (gmax, fabs (g[i]));
      *converged = gmax <= tol;
    }
  return TRUE;
}
