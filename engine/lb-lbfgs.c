/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-lbfgs.c: L-BFGS (Nocedal & Wright, Algorithm 7.4/7.5: two-loop recursion
 * with the s'y/y'y initial scaling) and a strong-Wolfe line search (Algorithms
 * 3.5/3.6, cubic interpolation), stopping like scipy's L-BFGS-B without bounds.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <cblas.h>

#include "lb-lbfgs.h"

/* scipy's dcsrch constants: sufficient decrease and curvature */
#define C1 1e-3
#define C2 0.9

void
lb_lbfgs_params_init (LbLbfgsParams *params)
{
  params->m = 10;
  params->max_iter = 15000;
  params->max_fun = 15000;
  params->gtol = 1e-5;
  params->ftol = 1e7 * DBL_EPSILON;
  params->max_ls = 20;
}

gboolean
lb_lbfgs_status_converged (LbLbfgsStatus status)
{
  return status == LB_LBFGS_CONVERGED_GTOL || status == LB_LBFGS_CONVERGED_FTOL;
}

static double
max_abs (const double *v,
         gsize         n)
{
  double m = 0.0;

  for (gsize i = 0; i < n; i++)
    m = MAX (m, fabs (v[i]));
  return m;
}

typedef struct
{
  gsize         n;
  LbLbfgsFunc   func;
  gpointer      user_data;
  const double *x0;
  const double *d;
  double        f0, dphi0;
  double       *xt, *gt;    /* the last trial point and its gradient */
  double        ft;
  guint         n_fun;
  guint         max_fun;
} LineSearch;

/* Evaluates phi(a) = f(x0 + a d) into ls->xt/gt/ft; returns phi'(a). */
static double
ls_eval (LineSearch *ls,
         double      a)
{
  memcpy (ls->xt, ls->x0, ls->n * sizeof (double));
  cblas_daxpy ((int) ls->n, a, ls->d, 1, ls->xt, 1);
  ls->ft = ls->func (ls->xt, ls->gt, ls->user_data);
  ls->n_fun++;
  return cblas_ddot ((int) ls->n, ls->gt, 1, ls->d, 1);
}

/* Minimiser of the cubic through (a, fa, da) and (b, fb, db), or NaN. */
static double
cubic_min (double a, double fa, double da,
           double b, double fb, double db)
{
  double d1 = da + db - 3.0 * (fa - fb) / (a - b);
  double disc = d1 * d1 - da * db;
  double d2;

  if (!(disc >= 0.0))
    return NAN;
  d2 = copysign (sqrt (disc), b - a);
  return b - (b - a) * (db + d2 - d1) / (db - da + 2.0 * d2);
}

/* Strong-Wolfe line search; TRUE with the accepted point in ls->xt/gt/ft. */
static gboolean
line_search (LineSearch *ls,
             double      a,
             guint       max_ls)
{
  double a_prev = 0.0, f_prev = ls->f0, d_prev = ls->dphi0;
  double lo, f_lo, d_lo, hi, f_hi, d_hi;

  for (guint i = 0; i < max_ls; i++)
    {
      double da;

      if (ls->n_fun >= ls->max_fun)
        return FALSE;
      da = ls_eval (ls, a);
      if (!isfinite (ls->ft) || ls->ft > ls->f0 + C1 * a * ls->dphi0
          || (i > 0 && ls->ft >= f_prev))
        {
          lo = a_prev; f_lo = f_prev; d_lo = d_prev;
          hi = a; f_hi = ls->ft; d_hi = da;
          goto zoom;
        }
      if (fabs (da) <= -C2 * ls->dphi0)
        return TRUE;
      if (da >= 0.0)
        {
          lo = a; f_lo = ls->ft; d_lo = da;
          hi = a_prev; f_hi = f_prev; d_hi = d_prev;
          goto zoom;
        }
      /* extrapolate: a cubic step kept within [1.1 a, 4 a] */
      {
        double next = cubic_min (a_prev, f_prev, d_prev, a, ls->ft, da);

        a_prev = a; f_prev = ls->ft; d_prev = da;
        if (!isfinite (next) || next < 1.1 * a || next > 4.0 * a)
          next = 4.0 * a;
        a = next;
      }
    }
  return FALSE;

zoom:
  for (guint i = 0; i < max_ls; i++)
    {
      double width = hi - lo, aj, dj;

      if (ls->n_fun >= ls->max_fun || fabs (width) <= DBL_EPSILON * MAX (fabs (lo), fabs (hi)))
        break;
      aj = isfinite (f_hi) ? cubic_min (lo, f_lo, d_lo, hi, f_hi, d_hi) : NAN;
      /* keep the trial step safely inside the bracket, else bisect */
      if (!isfinite (aj) || (aj - lo) / width < 0.1 || (hi - aj) / width < 0.1)
        aj = lo + 0.5 * width;
      dj = ls_eval (ls, aj);
      if (!isfinite (ls->ft) || ls->ft > ls->f0 + C1 * aj * ls->dphi0 || ls->ft >= f_lo)
        {
          hi = aj; f_hi = ls->ft; d_hi = dj;
        }
      else
        {
          if (fabs (dj) <= -C2 * ls->dphi0)
            return TRUE;
          if (dj * (hi - lo) >= 0.0)
            {
              hi = lo; f_hi = f_lo; d_hi = d_lo;
            }
          lo = aj; f_lo = ls->ft; d_lo = dj;
        }
    }
  /* out of evaluations: accept the best sufficient-decrease point, if any */
  if (lo > 0.0 && f_lo < ls->f0)
    {
      if (ls->ft != f_lo)
        ls_eval (ls, lo);
      return TRUE;
    }
  return FALSE;
}

LbLbfgsStatus
lb_lbfgs_minimize (gsize                n,
                   double              *x,
                   LbLbfgsFunc          func,
                   LbLbfgsProgress      progress,
                   gpointer             user_data,
                   const LbLbfgsParams *params,
                   LbLbfgsResult       *result)
{
  LbLbfgsParams defaults;
  guint m, k = 0, n_pairs = 0, head = 0;
  g_autofree double *g = NULL, *d = NULL, *xt = NULL, *gt = NULL;
  g_autofree double *s = NULL, *y = NULL, *rho = NULL, *alpha = NULL;
  LbLbfgsStatus status = LB_LBFGS_MAX_ITER;
  LineSearch ls = { 0 };
  double f, gmax;

  g_return_val_if_fail (n > 0 && n <= G_MAXINT, LB_LBFGS_LINE_SEARCH_FAILED);
  g_return_val_if_fail (x != NULL && func != NULL, LB_LBFGS_LINE_SEARCH_FAILED);

  if (params == NULL)
    {
      lb_lbfgs_params_init (&defaults);
      params = &defaults;
    }
  m = MAX (params->m, 1);
  g = g_new (double, n);
  d = g_new (double, n);
  xt = g_new (double, n);
  gt = g_new (double, n);
  s = g_new (double, (gsize) m * n);
  y = g_new (double, (gsize) m * n);
  rho = g_new (double, m);
  alpha = g_new (double, m);

  ls.n = n;
  ls.func = func;
  ls.user_data = user_data;
  ls.x0 = x;
  ls.d = d;
  ls.xt = xt;
  ls.gt = gt;
  ls.max_fun = MAX (params->max_fun, 1);

  f = func (x, g, user_data);
  ls.n_fun = 1;
  gmax = max_abs (g, n);
  if (gmax <= params->gtol)
    {
      status = LB_LBFGS_CONVERGED_GTOL;
      goto out;
    }

  while (k < params->max_iter)
    {
      double dphi0, a0, f_old = f;

      /* d = -H g by the two-loop recursion over the stored pairs, newest first */
      for (gsize i = 0; i < n; i++)
        d[i] = -g[i];
      for (guint j = 0; j < n_pairs; j++)
        {
          guint slot = (head + m - 1 - j) % m;
          alpha[slot] = rho[slot] * cblas_ddot ((int) n, s + (gsize) slot * n, 1, d, 1);
          cblas_daxpy ((int) n, -alpha[slot], y + (gsize) slot * n, 1, d, 1);
        }
      if (n_pairs > 0)
        {
          guint newest = (head + m - 1) % m;
          double yy = cblas_ddot ((int) n, y + (gsize) newest * n, 1, y + (gsize) newest * n, 1);
          cblas_dscal ((int) n, 1.0 / (rho[newest] * yy), d, 1);
        }
      for (guint j = n_pairs; j-- > 0;)
        {
          guint slot = (head + m - 1 - j) % m;
          double beta = rho[slot] * cblas_ddot ((int) n, y + (gsize) slot * n, 1, d, 1);
          cblas_daxpy ((int) n, alpha[slot] - beta, s + (gsize) slot * n, 1, d, 1);
        }

      dphi0 = cblas_ddot ((int) n, g, 1, d, 1);
      if (!(dphi0 < 0.0))
        {
          /* not a descent direction (lost curvature): restart from steepest descent */
          for (gsize i = 0; i < n; i++)
            d[i] = -g[i];
          dphi0 = cblas_ddot ((int) n, g, 1, d, 1);
          n_pairs = 0;
        }
      /* L-BFGS-B's first step has length 1 along d, later steps are a = 1 */
      a0 = n_pairs == 0 ? MIN (1.0 / cblas_dnrm2 ((int) n, d, 1), 1e10) : 1.0;

      ls.f0 = f;
      ls.dphi0 = dphi0;
      if (!line_search (&ls, a0, MAX (params->max_ls, 1)))
        {
          if (ls.n_fun >= ls.max_fun)
            {
              status = LB_LBFGS_MAX_FUN;
              break;
            }
          if (n_pairs > 0)
            {
              n_pairs = 0;   /* forget the curvature and retry along -g, as L-BFGS-B */
              continue;
            }
          status = LB_LBFGS_LINE_SEARCH_FAILED;
          break;
        }

      /* new pair s = x+ - x, y = g+ - g */
      {
        double *sk = s + (gsize) head * n, *yk = y + (gsize) head * n, sy, yy;

        for (gsize i = 0; i < n; i++)
          {
            sk[i] = xt[i] - x[i];
            yk[i] = gt[i] - g[i];
          }
        sy = cblas_ddot ((int) n, sk, 1, yk, 1);
        yy = cblas_ddot ((int) n, yk, 1, yk, 1);
        if (sy > DBL_EPSILON * yy)
          {
            rho[head] = 1.0 / sy;
            head = (head + 1) % m;
            n_pairs = MIN (n_pairs + 1, m);
          }
      }
      memcpy (x, xt, n * sizeof (double));
      memcpy (g, gt, n * sizeof (double));
      f = ls.ft;
      gmax = max_abs (g, n);
      k++;

      if (progress != NULL && !progress (k, f, gmax, user_data))
        {
          status = LB_LBFGS_STOPPED;
          break;
        }
      if (gmax <= params->gtol)
        {
          status = LB_LBFGS_CONVERGED_GTOL;
          break;
        }
      if ((f_old - f) / MAX (MAX (fabs (f_old), fabs (f)), 1.0) <= params->ftol)
        {
          status = LB_LBFGS_CONVERGED_FTOL;
          break;
        }
      if (ls.n_fun >= ls.max_fun)
        {
          status = LB_LBFGS_MAX_FUN;
          break;
        }
    }

out:
  if (result != NULL)
    {
      result->status = status;
      result->f = f;
      result->grad_max = gmax;
      result->n_iter = k;
      result->n_fun = ls.n_fun;
    }
  return status;
}
