/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-lasso.c: Lasso (coordinate descent) against scikit-learn 1.2.1: the
 * book's W4 prediction at 1.5 and fixtures/linear-reference.json, where the
 * same cyclic coordinate descent with the same stopping rule must stop after
 * the same number of passes at the same coefficients.
 */
#include "config.h"

#include "lb-test-util.h"
#include "linear-test-util.h"

/* W4: Lasso(alpha=0.1) at 1.5 = 1.5378817442675203 (reference-results.jsonl,
 * lasso_a0.1_predict_1.5). One feature: CD converges in 2 passes to the exact
 * soft-threshold solution, so 1e-12. */
static void
test_w4 (void)
{
  g_autofree char *path = lb_test_reference_file ("data/ch4_regularized.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;
  g_autoptr(LbMatrix) X = NULL;
  g_autoptr(LbMatrix) y = NULL;
  g_autoptr(LbMatrix) x15 = NULL;
  g_autoptr(LbMatrix) p = NULL;
  g_autoptr(LbEstimator) lasso = lb_lasso_new ();
  double at = 1.5;

  if (path == NULL)
    return;
  table = lb_load_table (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  X = lb_matrix_new_from_column (lb_table_get_column_by_name (table, "x"), &error);
  y = lb_matrix_new_from_column (lb_table_get_column_by_name (table, "y"), &error);
  g_assert_no_error (error);
  set_param (lasso, "alpha", "0.1");
  g_assert_true (lb_estimator_fit (lasso, X, y, NULL, &error));
  g_assert_no_error (error);
  x15 = lb_matrix_new_from_data (1, 1, &at);
  p = lb_estimator_predict (lasso, x15, &error);
  g_assert_no_error (error);
  assert_close (LB_MATRIX_AT (p, 0, 0), 1.5378817442675203, 1e-12, 0, "lasso at 1.5");
  assert_close (lb_lasso_get_coef (LB_LASSO (lasso), NULL)[0], 0.2616721233489029, 1e-12, 0, "coef");
}

/* X1 (60×5): alpha 0.05 and 0.5; coefficients to 1e-10 (identical
 * arithmetic up to BLAS summation order), exact zeros where sklearn's are
 * zero, and the same n_iter_. */
static void
test_reference (void)
{
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X1");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y1");
  const char *keys[] = { "lasso_X1", "lasso_big_X1" };
  const char *alphas[] = { "0.05", "0.5" };

  for (guint c = 0; c < G_N_ELEMENTS (keys); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbEstimator) lasso = lb_lasso_new ();
      g_autofree double *ref = NULL;
      const double *coef;
      double b;
      guint p, m;

      set_param (lasso, "alpha", alphas[c]);
      g_assert_true (lb_estimator_fit (lasso, X, y, NULL, &error));
      g_assert_no_error (error);
      coef = lb_lasso_get_coef (LB_LASSO (lasso), &p);
      assert_close_ref (coef, p, keys[c], "coef", 1e-10, 1e-12);
      ref = linear_ref_values (keys[c], "coef", &m);
      for (guint j = 0; j < p; j++)
        if (ref[j] == 0.0)
          g_assert_cmpfloat (coef[j], ==, 0.0);
      b = lb_lasso_get_intercept (LB_LASSO (lasso));
      assert_close_ref (&b, 1, keys[c], "intercept", 1e-10, 1e-12);
      g_assert_cmpint (lb_lasso_get_n_iter (LB_LASSO (lasso)), ==, linear_ref_int (keys[c], "n_iter"));
    }
}

/* Random selection converges to the same optimum (the problem is strictly
 * convex here): within the tolerance-driven accuracy, 1e-4. */
static void
test_random_selection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X1");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y1");
  g_autoptr(LbEstimator) lasso = lb_lasso_new ();
  guint p;
  const double *coef;

  set_param (lasso, "alpha", "0.05");
  set_param (lasso, "selection", "random");
  set_param (lasso, "tol", "1e-10");
  g_assert_true (lb_estimator_fit (lasso, X, y, NULL, &error));
  g_assert_no_error (error);
  coef = lb_lasso_get_coef (LB_LASSO (lasso), &p);
  assert_close_ref (coef, p, "lasso_X1", "coef", 1e-4, 1e-4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/Lasso/w4", test_w4);
  g_test_add_func ("/learnbench/engine/Lasso/reference", test_reference);
  g_test_add_func ("/learnbench/engine/Lasso/random-selection", test_random_selection);
  return g_test_run ();
}
