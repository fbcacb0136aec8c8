/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-lbfgs.c: the L-BFGS minimiser on problems with closed-form minimisers:
 * the extended Rosenbrock function (minimum at all ones) and an
 * ill-conditioned quadratic ½xᵀAx - bᵀx (minimum A⁻¹b); plus its stopping rules.
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"

static double
rosenbrock (const double *x,
            double       *g,
            gpointer      user_data)
{
  gsize n = GPOINTER_TO_SIZE (user_data);
  double f = 0.0;

  for (gsize i = 0; i < n; i++)
    g[i] = 0.0;
  for (gsize i = 0; i + 1 < n; i++)
    {
      double a = x[i + 1] - x[i] * x[i], b = 1.0 - x[i];

      f += 100.0 * a * a + b * b;
      g[i] += -400.0 * x[i] * a - 2.0 * b;
      g[i + 1] += 200.0 * a;
    }
  return f;
}

static void
test_rosenbrock (void)
{
  const gsize n = 10;
  double x[10];
  LbLbfgsParams params;
  LbLbfgsResult result;

  for (gsize i = 0; i < n; i++)
    x[i] = i % 2 == 0 ? -1.2 : 1.0;
  lb_lbfgs_params_init (&params);
  params.gtol = 1e-10;
  params.ftol = 0.0;
  lb_lbfgs_minimize (n, x, rosenbrock, NULL, GSIZE_TO_POINTER (n), &params, &result);
  g_assert_true (lb_lbfgs_status_converged (result.status) ||
                 result.status == LB_LBFGS_LINE_SEARCH_FAILED);
  /* near the minimum f ≈ ½ δᵀHδ: a gradient of 1e-10 leaves |δ| ≲ 1e-8 */
  for (gsize i = 0; i < n; i++)
    g_assert_cmpfloat (fabs (x[i] - 1.0), <, 1e-7);
  g_assert_cmpfloat (result.f, <, 1e-14);
  g_assert_cmpuint (result.n_iter, <, 200);
}

/* A = diag(1, 10, …, 10^(n-1)) rotated by a fixed Householder reflection */
typedef struct
{
  gsize  n;
  double A[36];
  double b[6];
} Quadratic;

static double
quadratic (const double *x,
           double       *g,
           gpointer      user_data)
{
  Quadratic *q = user_data;
  double f = 0.0;

  for (gsize i = 0; i < q->n; i++)
    {
      g[i] = -q->b[i];
      for (gsize j = 0; j < q->n; j++)
        g[i] += q->A[i * q->n + j] * x[j];
      f += 0.5 * x[i] * (g[i] - q->b[i]);   /* ½xᵀAx - bᵀx = ½xᵀ(Ax - b) - ½bᵀx */
    }
  return f;
}

static void
test_quadratic (void)
{
  Quadratic q = { .n = 6 };
  double v[6], vv = 0.0, x[6] = { 0 }, xstar[6];
  LbLbfgsParams params;
  LbLbfgsResult result;

  /* H = I - 2vvᵀ/vᵀv; A = H·D·H; pick x* and set b = A x* */
  for (gsize i = 0; i < 6; i++)
    {
      v[i] = 1.0 + i;
      vv += v[i] * v[i];
      xstar[i] = 0.5 - 0.3 * i;
    }
  for (gsize i = 0; i < 6; i++)
    for (gsize j = 0; j < 6; j++)
      {
        double s = 0.0;

        for (gsize k = 0; k < 6; k++)
          {
            double hik = (i == k) - 2 * v[i] * v[k] / vv;
            double hkj = (k == j) - 2 * v[k] * v[j] / vv;
            s += hik * pow (10.0, (double) k) * hkj;
          }
        q.A[i * 6 + j] = s;
      }
  for (gsize i = 0; i < 6; i++)
    {
      q.b[i] = 0.0;
      for (gsize j = 0; j < 6; j++)
        q.b[i] += q.A[i * 6 + j] * xstar[j];
    }
  lb_lbfgs_params_init (&params);
  params.gtol = 1e-9;
  params.ftol = 0.0;
  lb_lbfgs_minimize (6, x, quadratic, NULL, &q, &params, &result);
  /* condition number 1e5: |x - x*| <= |g| / λ_min = 1e-9 · sqrt(6) */
  for (gsize i = 0; i < 6; i++)
    g_assert_cmpfloat (fabs (x[i] - xstar[i]), <, 1e-8);
}

static gboolean
stop_at_three (guint    iteration,
               double   f,
               double   grad_max,
               gpointer user_data)
{
  guint *seen = user_data;

  *seen = iteration;
  return iteration < 3;
}

static double
rosenbrock2 (const double *x,
             double       *g,
             gpointer      user_data)
{
  return rosenbrock (x, g, GSIZE_TO_POINTER (2));
}

static void
test_stopping (void)
{
  double x[2] = { -1.2, 1.0 };
  LbLbfgsParams params;
  LbLbfgsResult result;
  guint seen = 0;

  lb_lbfgs_params_init (&params);
  params.max_iter = 4;
  g_assert_cmpint (lb_lbfgs_minimize (2, x, rosenbrock2, NULL, NULL, &params, &result), ==,
                   LB_LBFGS_MAX_ITER);
  g_assert_cmpuint (result.n_iter, ==, 4);

  x[0] = -1.2;
  x[1] = 1.0;
  params.max_iter = 100;
  lb_lbfgs_minimize (2, x, rosenbrock2, stop_at_three, &seen, &params, &result);
  g_assert_cmpint (result.status, ==, LB_LBFGS_STOPPED);
  g_assert_cmpuint (seen, ==, 3);

  /* already at the minimum: converged before any iteration */
  x[0] = 1.0;
  x[1] = 1.0;
  g_assert_cmpint (lb_lbfgs_minimize (2, x, rosenbrock2, NULL, NULL, NULL, &result), ==,
                   LB_LBFGS_CONVERGED_GTOL);
  g_assert_cmpuint (result.n_iter, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/Lbfgs/rosenbrock", test_rosenbrock);
  g_test_add_func ("/learnbench/engine/Lbfgs/quadratic", test_quadratic);
  g_test_add_func ("/learnbench/engine/Lbfgs/stopping", test_stopping);
  return g_test_run ();
}
