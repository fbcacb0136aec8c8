/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-student-t.c: the Student-t distribution function and its quantile, via
 * the regularized incomplete beta function (continued fraction, modified Lentz)
 * and its inverse (bisection, which is slow but cannot fail), for the book's
 * 95 % confidence interval of a test RMSE (scipy.stats.t.interval).
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-metrics.h"

/* Continued fraction of I_x(a, b) (converges fast for x < (a+1)/(a+b+2)). */
static double
beta_continued_fraction (double a,
                         double b,
                         double x)
{
  const double tiny = 1e-300;
  double c = 1.0, d, h;

  d = 1.0 - (a + b) * x / (a + 1.0);
  if (fabs (d) < tiny)
    d = tiny;
  d = 1.0 / d;
  h = d;
  for (int m = 1; m <= 1000; m++)
    {
      double m2 = 2.0 * m, num, delta;

      /* even step */
      num = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
      d = 1.0 + num * d;
      c = 1.0 + num / c;
      if (fabs (d) < tiny)
        d = tiny;
      if (fabs (c) < tiny)
        c = tiny;
      d = 1.0 / d;
      h *= d * c;

      /* odd step */
      num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
      d = 1.0 + num * d;
      c = 1.0 + num / c;
      if (fabs (d) < tiny)
        d = tiny;
      if (fabs (c) < tiny)
        c = tiny;
      d = 1.0 / d;
      delta = d * c;
      h *= delta;
      if (fabs (delta - 1.0) < 1e-16)
        break;
    }
  return h;
}

double
lb_incomplete_beta (double a,
                    double b,
                    double x)
{
  double log_front;

  g_return_val_if_fail (a > 0.0 && b > 0.0, NAN);
  if (isnan (x))
    return NAN;
  if (x <= 0.0)
    return 0.0;
  if (x >= 1.0)
    return 1.0;
  log_front = lgamma (a + b) - lgamma (a) - lgamma (b) + a * log (x) + b * log1p (-x);
  if (x < (a + 1.0) / (a + b + 2.0))
    return exp (log_front) * beta_continued_fraction (a, b, x) / a;
  return 1.0 - exp (log_front) * beta_continued_fraction (b, a, 1.0 - x) / b;
}

double
lb_incomplete_beta_inv (double a,
                        double b,
                        double p)
{
  double lo = 0.0, hi = 1.0;

  g_return_val_if_fail (a > 0.0 && b > 0.0, NAN);
  if (!(p >= 0.0 && p <= 1.0))
    return NAN;
  if (p == 0.0)
    return 0.0;
  if (p == 1.0)
    return 1.0;
  /* I_x is increasing in x: bisect until the interval stops shrinking */
  for (int i = 0; i < 1100; i++)
    {
      double mid = 0.5 * (lo + hi);

      if (mid <= lo || mid >= hi)
        break;
      if (lb_incomplete_beta (a, b, mid) < p)
        lo = mid;
      else
        hi = mid;
    }
  return 0.5 * (lo + hi);
}

double
lb_student_t_cdf (double t,
                  double df)
{
  double tail;

  g_return_val_if_fail (df > 0.0, NAN);
  if (isnan (t))
    return NAN;
  if (isinf (t))
    return t > 0 ? 1.0 : 0.0;
  /* P(T < -|t|) = I_{df/(df+t²)}(df/2, 1/2) / 2 */
  tail = 0.5 * lb_incomplete_beta (df / 2.0, 0.5, df / (df + t * t));
  return t < 0 ? tail : 1.0 - tail;
}

double
lb_student_t_ppf (double p,
                  double df)
{
  double q, t;

  g_return_val_if_fail (df > 0.0, NAN);
  if (!(p >= 0.0 && p <= 1.0))
    return NAN;
  if (p == 0.0)
    return -INFINITY;
  if (p == 1.0)
    return INFINITY;
  if (p == 0.5)
    return 0.0;

  /* two-sided tail probability q = P(|T| > |t|) */
  q = 2.0 * MIN (p, 1.0 - p);
  if (q < 0.5)
    {
      /* q = I_x(df/2, 1/2) with x = df/(df+t²) */
      double x = lb_incomplete_beta_inv (df / 2.0, 0.5, q);
      t = sqrt (df * (1.0 - x) / x);
    }
  else
    {
      /* 1 - q = I_y(1/2, df/2) with y = t²/(df+t²): precise near t = 0 */
      double y = lb_incomplete_beta_inv (0.5, df / 2.0, 1.0 - q);
      t = sqrt (df * y / (1.0 - y));
    }
  return p < 0.5 ? -t : t;
}

gboolean
lb_rmse_confidence_interval (const double *y_true,
                             const double *y_pred,
                             gsize         n,
                             double        confidence,
                             double       *low,
                             double       *high,
                             GError      **error)
{
  g_autofree double *se = NULL;
  double mean = 0.0, var = 0.0, sem, t;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n < 2)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("A confidence interval needs at least 2 test samples (got %zu)"),
                   n);
      return FALSE;
    }
  if (!(confidence > 0.0 && confidence < 1.0))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("confidence must be between 0 and 1 (got %g)"), confidence);
      return FALSE;
    }

  se = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    {
      double d = y_pred[i] - y_true[i];
      se[i] = d * d;
      mean += se[i];
    }
  mean /= (double) n;
  for (gsize i = 0; i < n; i++)
    var += (se[i] - mean) * (se[i] - mean);
  /* scipy.stats.sem: std with ddof = 1, over sqrt(n) */
  sem = sqrt (var / (double) (n - 1)) / sqrt ((double) n);
  t = lb_student_t_ppf ((1.0 + confidence) / 2.0, (double) (n - 1));

  /* the book takes the square root of the interval of the mean squared error;
   * a lower end below 0 (tiny samples) is clamped to 0 instead of NaN */
  if (low != NULL)
    *low = sqrt (MAX (0.0, mean - t * sem));
  if (high != NULL)
    *high = sqrt (mean + t * sem);
  return TRUE;
}
