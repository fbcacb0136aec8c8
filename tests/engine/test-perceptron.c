/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-perceptron.c: Perceptron against scikit-learn 1.2.1 (shuffle=False,
 * deterministic: same weights, same epochs), and the perceptron convergence
 * theorem on separable data: it stops with every training sample right.
 */
#include "config.h"

#include "lb-test-util.h"
#include "linear-test-util.h"

/* Updates are ±x with eta0 = 1: sums of the data's doubles, so 1e-10. */
static void
test_reference (void)
{
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X3");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y3");
  const char *keys[] = { "perceptron", "perceptron_tol" };

  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbEstimator) per = lb_perceptron_new ();
      const double *coef;
      guint rows, p;

      set_param (per, "shuffle", "false");
      if (c == 0)
        {
          set_param (per, "max_iter", "10");
          set_param (per, "tol", "-1");
        }
      g_assert_true (lb_estimator_fit (per, X, y, NULL, &error));
      g_assert_no_error (error);
      coef = lb_perceptron_get_coef (LB_PERCEPTRON (per), &rows, &p);
      assert_close_ref (coef, rows * p, keys[c], "coef", 1e-10, 1e-10);
      assert_close_ref (lb_perceptron_get_intercept (LB_PERCEPTRON (per)), 1, keys[c], "intercept", 0, 1e-12);
      g_assert_cmpint (lb_perceptron_get_n_iter (LB_PERCEPTRON (per)), ==, linear_ref_int (keys[c], "n_iter"));
    }
}

/* Linearly separable with margin: after convergence (tol=None, enough
 * epochs), training accuracy is exactly 1 — for every seed. */
static void
test_separable (void)
{
  g_autoptr(LbMatrix) X = lb_matrix_new (100, 2);
  g_autoptr(LbMatrix) y = lb_matrix_new (100, 1);

  for (guint i = 0; i < 100; i++)
    {
      double a = sin (1.7 * i), b = cos (2.3 * i + 0.4);
      double s = a + 2 * b - 0.3;
      if (fabs (s) < 0.2)
        a += s > 0 ? 0.4 : -0.4;   /* open a margin */
      LB_MATRIX_AT (X, i, 0) = a;
      LB_MATRIX_AT (X, i, 1) = b;
      LB_MATRIX_AT (y, i, 0) = a + 2 * b - 0.3 > 0 ? 1.0 : 0.0;
    }
  for (guint seed = 0; seed < 3; seed++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbEstimator) per = lb_perceptron_new ();
      g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
      g_autoptr(LbMatrix) pred = NULL;

      lb_fit_context_set_seed (ctx, seed);
      set_param (per, "tol", "-1");
      set_param (per, "max_iter", "500");
      g_assert_true (lb_estimator_fit (per, X, y, ctx, &error));
      g_assert_no_error (error);
      pred = lb_estimator_predict (per, X, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < 100; i++)
        g_assert_cmpfloat (LB_MATRIX_AT (pred, i, 0), ==, LB_MATRIX_AT (y, i, 0));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/Perceptron/reference", test_reference);
  g_test_add_func ("/learnbench/engine/Perceptron/separable", test_separable);
  return g_test_run ();
}
