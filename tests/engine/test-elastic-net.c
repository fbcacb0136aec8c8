/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-elastic-net.c: ElasticNet (coordinate descent) against scikit-learn
 * 1.2.1 (W4's prediction at 1.5 and fixtures/linear-reference.json), and the
 * l1_ratio limits: 0 is a ridge with alpha·n, 1 is the Lasso.
 */
#include "config.h"

#include "lb-test-util.h"
#include "linear-test-util.h"

/* W4: ElasticNet(alpha=0.1, l1_ratio=0.5) at 1.5 = 1.5433323205813605
 * (reference-results.jsonl); one feature, exact after 2 passes: 1e-12. */
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
  g_autoptr(LbEstimator) enet = lb_elastic_net_new ();
  double at = 1.5;

  if (path == NULL)
    return;
  table = lb_load_table (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  X = lb_matrix_new_from_column (lb_table_get_column_by_name (table, "x"), &error);
  y = lb_matrix_new_from_column (lb_table_get_column_by_name (table, "y"), &error);
  g_assert_no_error (error);
  set_param (enet, "alpha", "0.1");
  set_param (enet, "l1_ratio", "0.5");
  g_assert_true (lb_estimator_fit (enet, X, y, NULL, &error));
  g_assert_no_error (error);
  x15 = lb_matrix_new_from_data (1, 1, &at);
  p = lb_estimator_predict (enet, x15, &error);
  g_assert_no_error (error);
  assert_close (LB_MATRIX_AT (p, 0, 0), 1.5433323205813605, 1e-12, 0, "elastic net at 1.5");
}

/* X1: two settings; coefficients to 1e-10 and the same n_iter_ (same
 * algorithm, same stopping rule). */
static void
test_reference (void)
{
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X1");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y1");
  struct { const char *key, *alpha, *l1_ratio, *tol, *max_iter; } cases[] = {
    { "enet_X1", "0.05", "0.3", "1e-4", "1000" },
    { "enet_tol_X1", "0.01", "0.7", "1e-6", "5000" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbEstimator) enet = lb_elastic_net_new ();
      const double *coef;
      double b;
      guint p;

      set_param (enet, "alpha", cases[c].alpha);
      set_param (enet, "l1_ratio", cases[c].l1_ratio);
      set_param (enet, "tol", cases[c].tol);
      set_param (enet, "max_iter", cases[c].max_iter);
      g_assert_true (lb_estimator_fit (enet, X, y, NULL, &error));
      g_assert_no_error (error);
      coef = lb_elastic_net_get_coef (LB_ELASTIC_NET (enet), &p);
      assert_close_ref (coef, p, cases[c].key, "coef", 1e-10, 1e-12);
      b = lb_elastic_net_get_intercept (LB_ELASTIC_NET (enet));
      assert_close_ref (&b, 1, cases[c].key, "intercept", 1e-10, 1e-12);
      g_assert_cmpint (lb_elastic_net_get_n_iter (LB_ELASTIC_NET (enet)), ==,
                       linear_ref_int (cases[c].key, "n_iter"));
    }
}

/* l1_ratio = 0: objective 1/(2n)||y - Xw||² + α/2||w||², i.e. Ridge with
 * alpha' = n·α (closed form): agreement to 1e-7 with tol 1e-12 (CD converges
 * linearly; the gap bound gives ~1e-8). */
static void
test_ridge_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X1");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y1");
  g_autoptr(LbEstimator) enet = lb_elastic_net_new ();
  g_autoptr(LbEstimator) ridge = lb_ridge_new ();
  const double *a, *b;
  guint p;

  set_param (enet, "alpha", "0.02");
  set_param (enet, "l1_ratio", "0");
  set_param (enet, "tol", "1e-12");
  set_param (enet, "max_iter", "100000");
  set_param (ridge, "alpha", "1.2");    /* 60 · 0.02 */
  g_assert_true (lb_estimator_fit (enet, X, y, NULL, &error));
  g_assert_true (lb_estimator_fit (ridge, X, y, NULL, &error));
  g_assert_no_error (error);
  a = lb_elastic_net_get_coef (LB_ELASTIC_NET (enet), &p);
  b = lb_ridge_get_coef (LB_RIDGE (ridge), NULL);
  for (guint j = 0; j < p; j++)
    assert_close (a[j], b[j], 1e-7, 1e-9, "l1_ratio 0 = ridge");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/ElasticNet/w4", test_w4);
  g_test_add_func ("/learnbench/engine/ElasticNet/reference", test_reference);
  g_test_add_func ("/learnbench/engine/ElasticNet/ridge-limit", test_ridge_limit);
  return g_test_run ();
}
