/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-gd-regressor.c: the book's gradient-descent variants on its chapter 4
 * data (W4, ch4_linear.csv). Batch GD converges to the least-squares
 * solution, and every recorded step obeys the update rule exactly (closed
 * form); stochastic and mini-batch GD end near the book's results — their
 * random draws differ from numpy's, so REFERENCE.md expects ~0.1 agreement.
 */
#include "config.h"

#include "lb-test-util.h"
#include "linear-test-util.h"

static gboolean
load_w4 (LbMatrix **X,
         LbMatrix **y)
{
  g_autofree char *path = lb_test_reference_file ("data/ch4_linear.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;

  if (path == NULL)
    return FALSE;
  table = lb_load_table (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  *X = lb_matrix_new_from_column (lb_table_get_column_by_name (table, "x"), &error);
  *y = lb_matrix_new_from_column (lb_table_get_column_by_name (table, "y"), &error);
  g_assert_no_error (error);
  return TRUE;
}

/* eta 0.1, 1000 iterations: the book's batch_gd_theta [4.215096157546739,
 * 2.7701133864384917] equals LinearRegression's to 1e-14, i.e. converged; from
 * our starting point too (the contraction factor per step is ≤ 0.9), so 1e-9.
 * Each path row k+1 = row k - 0.1·(2/m)·Xbᵀ(Xb·row k - y), recomputed here in
 * plain loops: equal to 1e-12; costs[k] is the MSE at row k. */
static void
test_batch (void)
{
  g_autoptr(LbMatrix) X = NULL;
  g_autoptr(LbMatrix) y = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbEstimator) gd = lb_gd_regressor_new ();
  const double *theta, *costs;
  LbMatrix *path;
  guint n, n_costs;

  if (!load_w4 (&X, &y))
    return;
  g_assert_true (lb_estimator_fit (gd, X, y, NULL, &error));
  g_assert_no_error (error);
  theta = lb_gd_regressor_get_theta (LB_GD_REGRESSOR (gd), &n);
  g_assert_cmpuint (n, ==, 2);
  assert_close (theta[0], 4.215096157546739, 1e-9, 0, "theta0");
  assert_close (theta[1], 2.7701133864384917, 1e-9, 0, "theta1");

  path = lb_gd_regressor_get_path (LB_GD_REGRESSOR (gd));
  costs = lb_gd_regressor_get_costs (LB_GD_REGRESSOR (gd), &n_costs);
  g_assert_true (lb_gd_regressor_get_path_per_step (LB_GD_REGRESSOR (gd)));
  g_assert_cmpuint (lb_matrix_get_n_rows (path), ==, 1001);
  g_assert_cmpuint (lb_matrix_get_n_cols (path), ==, 2);
  g_assert_cmpuint (n_costs, ==, 1000);
  g_assert_cmpstr (lb_matrix_get_column_name (path, 0), ==, "theta0");
  for (guint k = 0; k < 1000; k += 97)
    {
      double t0 = LB_MATRIX_AT (path, k, 0), t1 = LB_MATRIX_AT (path, k, 1);
      double g0 = 0, g1 = 0, mse = 0;

      for (guint i = 0; i < 100; i++)
        {
          double x = LB_MATRIX_AT (X, i, 0), r = t0 + t1 * x - LB_MATRIX_AT (y, i, 0);
          g0 += 2.0 / 100 * r;
          g1 += 2.0 / 100 * r * x;
          mse += r * r / 100;
        }
      assert_close (LB_MATRIX_AT (path, k + 1, 0), t0 - 0.1 * g0, 1e-12, 1e-12, "step theta0");
      assert_close (LB_MATRIX_AT (path, k + 1, 1), t1 - 0.1 * g1, 1e-12, 1e-12, "step theta1");
      assert_close (costs[k], mse, 1e-12, 0, "cost");
    }
  /* the final row is θ */
  g_assert_cmpfloat (LB_MATRIX_AT (path, 1000, 0), ==, theta[0]);
}

/* Stochastic: 50 epochs × 100 steps, eta = 5/(t + 50) — the book's
 * stochastic_gd_theta [4.210760113791362, 2.7485607937881738]; mini-batch:
 * batches of 20, eta = 200/(t + 1000) — minibatch_gd_theta [4.252146351170467,
 * 2.7896407996616963]. Both within 0.1 (REFERENCE.md: another stream gives
 * ~1e-1 agreement) for 3 seeds; path sizes 5001 and 251 rows. */
static void
test_stochastic_and_mini_batch (void)
{
  g_autoptr(LbMatrix) X = NULL;
  g_autoptr(LbMatrix) y = NULL;

  if (!load_w4 (&X, &y))
    return;
  for (guint seed = 0; seed < 3; seed++)
    for (guint mb = 0; mb < 2; mb++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(LbEstimator) gd = lb_gd_regressor_new ();
        g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
        const double *theta;

        lb_fit_context_set_seed (ctx, seed);
        set_param (gd, "method", mb ? "mini-batch" : "stochastic");
        set_param (gd, "schedule", "inverse");
        set_param (gd, "t0", mb ? "200" : "5");
        set_param (gd, "t1", mb ? "1000" : "50");
        g_assert_true (lb_estimator_fit (gd, X, y, ctx, &error));
        g_assert_no_error (error);
        theta = lb_gd_regressor_get_theta (LB_GD_REGRESSOR (gd), NULL);
        assert_close (theta[0], mb ? 4.252146351170467 : 4.210760113791362, 0, 0.1, "theta0");
        assert_close (theta[1], mb ? 2.7896407996616963 : 2.7485607937881738, 0, 0.1, "theta1");
        g_assert_cmpuint (lb_matrix_get_n_rows (lb_gd_regressor_get_path (LB_GD_REGRESSOR (gd))), ==,
                          mb ? 251 : 5001);
      }
}

/* Too large a rate diverges: an error, not NaN weights. */
static void
test_divergence (void)
{
  g_autoptr(LbMatrix) X = NULL;
  g_autoptr(LbMatrix) y = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbEstimator) gd = lb_gd_regressor_new ();

  if (!load_w4 (&X, &y))
    return;
  set_param (gd, "eta", "10");
  g_assert_false (lb_estimator_fit (gd, X, y, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_CONVERGENCE);
  g_assert_false (lb_estimator_is_fitted (gd));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/GDRegressor/batch", test_batch);
  g_test_add_func ("/learnbench/engine/GDRegressor/stochastic-mini-batch", test_stochastic_and_mini_batch);
  g_test_add_func ("/learnbench/engine/GDRegressor/divergence", test_divergence);
  return g_test_run ();
}
