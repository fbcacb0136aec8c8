/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-linear-svm.c: the dual coordinate descent solvers of liblinear 2.x for
 * L2-regularised L1/L2-loss SVC (solve_l2r_l1l2_svc) and SVR
 * (solve_l2r_l1l2_svr), written after the paper and liblinear's rules:
 * projected-gradient shrinking, the same stopping tests (PGmax − PGmin <= eps
 * for SVC, ‖violation‖₁ <= eps · its first value for SVR) and restarts
 * without shrinking before stopping. Our shuffle replaces liblinear's rand().
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cblas.h>

#include "lb-linear-svm.h"

static inline double
dot_x (const LbLinearSvmProblem *pr,
       const double             *w,
       gsize                     i)
{
  double s = cblas_ddot ((int) pr->p, pr->X + i * pr->p, 1, w, 1);

  return pr->bias > 0 ? s + w[pr->p] * pr->bias : s;
}

static inline void
add_x (const LbLinearSvmProblem *pr,
       double                   *w,
       gsize                     i,
       double                    d)
{
  cblas_daxpy ((int) pr->p, d, pr->X + i * pr->p, 1, w, 1);
  if (pr->bias > 0)
    w[pr->p] += d * pr->bias;
}

static void
shuffle (LbRng *rng,
         guint *index,
         gsize  n)
{
  for (gsize i = 0; i < n; i++)
    {
      gsize j = i + (gsize) lb_rng_below (rng, n - i);
      guint t = index[i];

      index[i] = index[j];
      index[j] = t;
    }
}

static void
report (const LbLinearSvmProblem *pr,
        guint                     iter,
        double                    gap)
{
  LbFitEvent event = { 0 };

  if (pr->ctx == NULL || iter % 10 != 0)
    return;
  event.fraction = MIN (1.0, (double) iter / pr->max_iter);
  event.epoch = iter;
  event.iteration = iter;
  event.loss = gap;
  event.val_score = NAN;
  lb_fit_context_report (pr->ctx, &event);
}

gboolean
lb_linear_svm_solve_svc (const LbLinearSvmProblem *pr,
                         double                   *w,
                         guint                    *n_iter,
                         gboolean                 *converged,
                         GError                  **error)
{
  gsize n = pr->n, w_size = pr->p + (pr->bias > 0 ? 1 : 0), active_size = n;
  g_autofree double *alpha = g_new0 (double, n);
  g_autofree double *QD = g_new (double, n);
  g_autofree guint *index = g_new (guint, n);
  double diag = pr->squared ? 0.5 / pr->C : 0.0;
  double upper = pr->squared ? INFINITY : pr->C;
  double PGmax_old = INFINITY, PGmin_old = -INFINITY;
  guint iter = 0;
  LbRng rng;

  lb_fit_context_init_rng (pr->ctx, &rng, pr->stream);
  memset (w, 0, w_size * sizeof (double));
  for (gsize i = 0; i < n; i++)
    {
      const double *xi = pr->X + i * pr->p;

      QD[i] = diag + cblas_ddot ((int) pr->p, xi, 1, xi, 1) + (pr->bias > 0 ? pr->bias * pr->bias : 0.0);
      index[i] = (guint) i;
    }
  *converged = FALSE;
  while (iter < pr->max_iter)
    {
      double PGmax_new = -INFINITY, PGmin_new = INFINITY;

      if (lb_fit_context_check_cancelled (pr->ctx, error))
        return FALSE;
      shuffle (&rng, index, active_size);
      for (gsize s = 0; s < active_size; s++)
        {
          gsize i = index[s];
          double yi = pr->y[i], G, PG = 0.0;

          G = yi * dot_x (pr, w, i) - 1 + alpha[i] * diag;
          if (alpha[i] == 0)
            {
              if (G > PGmax_old)
                {
                  active_size--;
                  index[s] = index[active_size];
                  index[active_size] = (guint) i;
                  s--;
                  continue;
                }
              else if (G < 0)
                PG = G;
            }
          else if (alpha[i] == upper)
            {
              if (G < PGmin_old)
                {
                  active_size--;
                  index[s] = index[active_size];
                  index[active_size] = (guint) i;
                  s--;
                  continue;
                }
              else if (G > 0)
                PG = G;
            }
          else
            PG = G;
          PGmax_new = MAX (PGmax_new, PG);
          PGmin_new = MIN (PGmin_new, PG);
          if (fabs (PG) > 1.0e-12)
            {
              double alpha_old = alpha[i];

              alpha[i] = MIN (MAX (alpha[i] - G / QD[i], 0.0), upper);
              add_x (pr, w, i, (alpha[i] - alpha_old) * yi);
            }
        }
      iter++;
      report (pr, iter, PGmax_new - PGmin_new);
      if (PGmax_new - PGmin_new <= pr->tol)
        {
          if (active_size == n)
            {
              *converged = TRUE;
              break;
            }
          active_size = n;
          PGmax_old = INFINITY;
          PGmin_old = -INFINITY;
          continue;
        }
      PGmax_old = PGmax_new;
      PGmin_old = PGmin_new;
      if (PGmax_old <= 0)
        PGmax_old = INFINITY;
      if (PGmin_old >= 0)
        PGmin_old = -INFINITY;
    }
  *n_iter = iter;
  return TRUE;
}

gboolean
lb_linear_svm_solve_svr (const LbLinearSvmProblem *pr,
                         double                   *w,
                         guint                    *n_iter,
                         gboolean                 *converged,
                         GError                  **error)
{
  gsize n = pr->n, w_size = pr->p + (pr->bias > 0 ? 1 : 0), active_size = n;
  g_autofree double *beta = g_new0 (double, n);
  g_autofree double *QD = g_new (double, n);
  g_autofree guint *index = g_new (guint, n);
  double lambda = pr->squared ? 0.5 / pr->C : 0.0;
  double upper = pr->squared ? INFINITY : pr->C, p = pr->epsilon;
  double Gmax_old = INFINITY, Gnorm1_init = -1.0;
  guint iter = 0;
  LbRng rng;

  lb_fit_context_init_rng (pr->ctx, &rng, pr->stream);
  memset (w, 0, w_size * sizeof (double));
  for (gsize i = 0; i < n; i++)
    {
      const double *xi = pr->X + i * pr->p;

      QD[i] = cblas_ddot ((int) pr->p, xi, 1, xi, 1) + (pr->bias > 0 ? pr->bias * pr->bias : 0.0);
      index[i] = (guint) i;
    }
  *converged = FALSE;
  while (iter < pr->max_iter)
    {
      double Gmax_new = 0.0, Gnorm1_new = 0.0;

      if (lb_fit_context_check_cancelled (pr->ctx, error))
        return FALSE;
      shuffle (&rng, index, active_size);
      for (gsize s = 0; s < active_size; s++)
        {
          gsize i = index[s];
          double G = -pr->y[i] + lambda * beta[i] + dot_x (pr, w, i);
          double H = QD[i] + lambda, Gp = G + p, Gn = G - p, violation = 0.0, d, beta_old;
          gboolean shrink = FALSE;

          if (beta[i] == 0)
            {
              if (Gp < 0)
                violation = -Gp;
              else if (Gn > 0)
                violation = Gn;
              else if (Gp > Gmax_old && Gn < -Gmax_old)
                shrink = TRUE;
            }
          else if (beta[i] >= upper)
            {
              if (Gp > 0)
                violation = Gp;
              else if (Gp < -Gmax_old)
                shrink = TRUE;
            }
          else if (beta[i] <= -upper)
            {
              if (Gn < 0)
                violation = -Gn;
              else if (Gn > Gmax_old)
                shrink = TRUE;
            }
          else if (beta[i] > 0)
            violation = fabs (Gp);
          else
            violation = fabs (Gn);
          if (shrink)
            {
              active_size--;
              index[s] = index[active_size];
              index[active_size] = (guint) i;
              s--;
              continue;
            }
          Gmax_new = MAX (Gmax_new, violation);
          Gnorm1_new += violation;

          /* the Newton direction */
          if (Gp < H * beta[i])
            d = -Gp / H;
          else if (Gn > H * beta[i])
            d = -Gn / H;
          else
            d = -beta[i];
          if (fabs (d) < 1.0e-12)
            continue;
          beta_old = beta[i];
          beta[i] = MIN (MAX (beta[i] + d, -upper), upper);
          d = beta[i] - beta_old;
          if (d != 0)
            add_x (pr, w, i, d);
        }
      if (iter == 0)
        Gnorm1_init = Gnorm1_new;
      iter++;
      report (pr, iter, Gnorm1_new);
      if (Gnorm1_new <= pr->tol * Gnorm1_init)
        {
          if (active_size == n)
            {
              *converged = TRUE;
              break;
            }
          active_size = n;
          Gmax_old = INFINITY;
          continue;
        }
      Gmax_old = Gmax_new;
    }
  *n_iter = iter;
  return TRUE;
}
