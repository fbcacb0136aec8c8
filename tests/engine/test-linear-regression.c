/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-linear-regression.c: LinearRegression against scikit-learn 1.2.1 (the
 * book's W4 data, a well-conditioned problem and a rank-deficient one, where
 * both must give SciPy's minimum-norm solution) and against exact closed forms.
 */
#include "config.h"

#include "lb-test-util.h"
#include "linear-test-util.h"

static LbMatrix *
csv_column (LbTable    *table,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  LbMatrix *m = lb_matrix_new_from_column (lb_table_get_column_by_name (table, name), &error);

  g_assert_no_error (error);
  return m;
}

/* W4: X = 2·rand(100,1), y = 4 + 3X + noise (REFERENCE.md); reference-results.jsonl:
 * linreg_theta [4.215096157546747, 2.7701133864384837] (sklearn LinearRegression)
 * and normal_equation_theta [4.21509615754675, 2.7701133864384806] (numpy inv).
 * Both solve a 2×2 system with condition ~10: agreement to 1e-12 relative. */
static void
test_w4_linear (void)
{
  g_autofree char *path = lb_test_reference_file ("data/ch4_linear.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;
  g_autoptr(LbMatrix) X = NULL;
  g_autoptr(LbMatrix) y = NULL;
  g_autoptr(LbEstimator) lin = lb_linear_regression_new ();
  g_autoptr(LbEstimator) ne = lb_linear_regression_new ();
  const double *coef;

  if (path == NULL)
    return;
  table = lb_load_table (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  X = csv_column (table, "x");
  y = csv_column (table, "y");

  g_assert_true (lb_estimator_fit (lin, X, y, NULL, &error));
  g_assert_no_error (error);
  coef = lb_linear_regression_get_coef (LB_LINEAR_REGRESSION (lin), NULL);
  assert_close (lb_linear_regression_get_intercept (LB_LINEAR_REGRESSION (lin)), 4.215096157546747, 1e-12, 0, "theta0");
  assert_close (coef[0], 2.7701133864384837, 1e-12, 0, "theta1");

  set_param (ne, "solver", "normal-equation");
  g_assert_true (lb_estimator_fit (ne, X, y, NULL, &error));
  g_assert_no_error (error);
  coef = lb_linear_regression_get_coef (LB_LINEAR_REGRESSION (ne), NULL);
  assert_close (lb_linear_regression_get_intercept (LB_LINEAR_REGRESSION (ne)), 4.21509615754675, 1e-12, 0, "normal theta0");
  assert_close (coef[0], 2.7701133864384806, 1e-12, 0, "normal theta1");
}

/* X1 (60×5, condition number 1.3): sklearn's coefficients to 1e-12 relative
 * (both are backward-stable least-squares solves of a well-conditioned system). */
static void
test_reference (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X1");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y1");
  g_autoptr(LbEstimator) lin = lb_linear_regression_new ();
  g_autoptr(LbMatrix) pred = NULL;
  const double *coef;
  guint p;
  double b;

  g_assert_true (lb_estimator_fit (lin, X, y, NULL, &error));
  g_assert_no_error (error);
  coef = lb_linear_regression_get_coef (LB_LINEAR_REGRESSION (lin), &p);
  assert_close_ref (coef, p, "linreg_X1", "coef", 1e-12, 1e-13);
  b = lb_linear_regression_get_intercept (LB_LINEAR_REGRESSION (lin));
  assert_close_ref (&b, 1, "linreg_X1", "intercept", 1e-12, 0);
  g_assert_cmpuint (lb_linear_regression_get_rank (LB_LINEAR_REGRESSION (lin)), ==, 5);

  /* predictions are X·coef + b */
  pred = lb_estimator_predict (lin, X, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 60; i++)
    {
      double expect = b;
      for (guint j = 0; j < p; j++)
        expect += LB_MATRIX_AT (X, i, j) * coef[j];
      assert_close (LB_MATRIX_AT (pred, i, 0), expect, 1e-14, 1e-14, "prediction");
    }
}

/* A duplicated column: infinitely many solutions; SciPy's lstsq (gelsd)
 * returns the one of minimum norm (the duplicate's weight split in half).
 * Agreement to 1e-10 (the cut-off singular value is ~1e-16,
 * the others are O(1)). The normal equation must refuse it. */
static void
test_rank_deficient (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbMatrix) X1 = linear_ref_matrix ("X1");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y1");
  guint cols[6] = { 0, 1, 2, 3, 4, 0 };
  g_autoptr(LbMatrix) X = lb_matrix_take_cols (X1, cols, 6);
  g_autoptr(LbEstimator) lin = lb_linear_regression_new ();
  g_autoptr(LbEstimator) ne = lb_linear_regression_new ();
  const double *coef;
  guint p;
  double b;

  g_assert_true (lb_estimator_fit (lin, X, y, NULL, &error));
  g_assert_no_error (error);
  coef = lb_linear_regression_get_coef (LB_LINEAR_REGRESSION (lin), &p);
  assert_close_ref (coef, p, "linreg_dup_X1", "coef", 1e-10, 1e-12);
  b = lb_linear_regression_get_intercept (LB_LINEAR_REGRESSION (lin));
  assert_close_ref (&b, 1, "linreg_dup_X1", "intercept", 1e-10, 0);
  g_assert_cmpuint (lb_linear_regression_get_rank (LB_LINEAR_REGRESSION (lin)), ==, 5);

  set_param (ne, "solver", "normal-equation");
  g_assert_false (lb_estimator_fit (ne, X, y, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_SINGULAR);
}

/* Problems that take the dgelsd path rather than the Gram shortcut. X2
 * (8×12, p > n): infinitely many exact fits, SciPy's minimum-norm one (same
 * LAPACK routine, so 1e-10). X1near: X1 plus a column equal to column 0 up to
 * 1e-7 — nearly collinear (cond ≈ 1e7), so the shortcut must refuse it and
 * dgelsd keep the tiny singular value as SciPy does: coefficients ±1.4e5;
 * the centring sums (numpy pairwise vs ours sequential) differ by ~1e-17,
 * amplified by the condition number: 1e-6 relative. */
static void
test_gelsd_path (void)
{
  g_autoptr(LbMatrix) X2 = linear_ref_matrix ("X2");
  g_autoptr(LbMatrix) y2 = linear_ref_matrix ("y2");
  g_autoptr(LbMatrix) Xn = linear_ref_matrix ("X1near");
  g_autoptr(LbMatrix) y1 = linear_ref_matrix ("y1");
  struct { LbMatrix *X, *y; const char *key; double rtol; guint rank; } cases[] = {
    { X2, y2, "linreg_X2", 1e-10, 7 },
    { Xn, y1, "linreg_near_X1", 1e-6, 6 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbEstimator) lin = lb_linear_regression_new ();
      const double *coef;
      guint p;
      double b;

      g_assert_true (lb_estimator_fit (lin, cases[c].X, cases[c].y, NULL, &error));
      g_assert_no_error (error);
      coef = lb_linear_regression_get_coef (LB_LINEAR_REGRESSION (lin), &p);
      assert_close_ref (coef, p, cases[c].key, "coef", cases[c].rtol, 1e-12);
      b = lb_linear_regression_get_intercept (LB_LINEAR_REGRESSION (lin));
      assert_close_ref (&b, 1, cases[c].key, "intercept", cases[c].rtol, 0);
      g_assert_cmpuint (lb_linear_regression_get_rank (LB_LINEAR_REGRESSION (lin)), ==, cases[c].rank);
    }
}

/* Noise-free data y = 1 + 2x₀ - 3x₁ + 0.5x₂: both solvers recover the exact
 * parameters (closed form) to 1e-12; without an intercept the fit through
 * the origin of y = 2x₀ is exact too. */
static void
test_closed_form (void)
{
  const double theta[4] = { 1.0, 2.0, -3.0, 0.5 };
  g_autoptr(LbMatrix) X = lb_matrix_new (50, 3);
  g_autoptr(LbMatrix) y = lb_matrix_new (50, 1);
  g_autoptr(LbMatrix) y0 = lb_matrix_new (50, 1);
  const char *solvers[] = { "lstsq", "normal-equation" };

  for (guint i = 0; i < 50; i++)
    {
      for (guint j = 0; j < 3; j++)
        LB_MATRIX_AT (X, i, j) = cos (0.3 * i * (j + 1)) + 0.01 * i * j;
      LB_MATRIX_AT (y, i, 0) = theta[0] + theta[1] * LB_MATRIX_AT (X, i, 0)
                               + theta[2] * LB_MATRIX_AT (X, i, 1) + theta[3] * LB_MATRIX_AT (X, i, 2);
      LB_MATRIX_AT (y0, i, 0) = 2.0 * LB_MATRIX_AT (X, i, 0);
    }
  for (guint s = 0; s < G_N_ELEMENTS (solvers); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbEstimator) lin = lb_linear_regression_new ();
      const double *coef;

      set_param (lin, "solver", solvers[s]);
      g_assert_true (lb_estimator_fit (lin, X, y, NULL, &error));
      g_assert_no_error (error);
      coef = lb_linear_regression_get_coef (LB_LINEAR_REGRESSION (lin), NULL);
      assert_close (lb_linear_regression_get_intercept (LB_LINEAR_REGRESSION (lin)), theta[0], 1e-12, 1e-12, solvers[s]);
      for (guint j = 0; j < 3; j++)
        assert_close (coef[j], theta[j + 1], 1e-12, 1e-12, solvers[s]);

      set_param (lin, "fit_intercept", "false");
      g_assert_true (lb_estimator_fit (lin, X, y0, NULL, &error));
      g_assert_no_error (error);
      coef = lb_linear_regression_get_coef (LB_LINEAR_REGRESSION (lin), NULL);
      g_assert_cmpfloat (lb_linear_regression_get_intercept (LB_LINEAR_REGRESSION (lin)), ==, 0.0);
      assert_close (coef[0], 2.0, 1e-12, 1e-12, "through the origin");
      assert_close (coef[1], 0.0, 0, 1e-12, "through the origin");
    }
}

/* save_state → load_state gives bit-identical predictions; a truncated coef
 * array is refused with LB_ENGINE_ERROR_FILE. */
static void
test_state (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X1");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y1");
  g_autoptr(LbEstimator) lin = lb_linear_regression_new ();
  g_autoptr(LbEstimator) copy = lb_linear_regression_new ();
  LbEstimatorClass *klass = LB_ESTIMATOR_GET_CLASS (lin);
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(LbMatrix) a = NULL;
  g_autoptr(LbMatrix) b = NULL;
  JsonArray *coef;

  g_assert_true (lb_estimator_fit (lin, X, y, NULL, &error));
  state = klass->save_state (lin, &error);
  g_assert_no_error (error);
  g_assert_true (klass->load_state (copy, state, &error));
  g_assert_no_error (error);
  a = klass->predict (lin, X, &error);
  b = klass->predict (copy, X, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (lb_matrix_get_const_data (a), 60 * sizeof (double),
                   lb_matrix_get_const_data (b), 60 * sizeof (double));

  coef = json_object_get_array_member (json_node_get_object (state), "coef");
  json_array_remove_element (coef, 4);
  g_assert_false (klass->load_state (copy, state, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/LinearRegression/w4-linear", test_w4_linear);
  g_test_add_func ("/learnbench/engine/LinearRegression/reference", test_reference);
  g_test_add_func ("/learnbench/engine/LinearRegression/rank-deficient", test_rank_deficient);
  g_test_add_func ("/learnbench/engine/LinearRegression/gelsd-path", test_gelsd_path);
  g_test_add_func ("/learnbench/engine/LinearRegression/closed-form", test_closed_form);
  g_test_add_func ("/learnbench/engine/LinearRegression/state", test_state);
  return g_test_run ();
}
