/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-svr.c: SVR against scikit-learn 1.2.1's (libsvm's ε-SVR) on the
 * book's chapter-5 quadratic data (fixtures/svm-reference.json, from
 * /usr/bin/python3 tests/engine/reference/svm-reference.py): predictions on
 * every training row and the probes to 1e-4, the same support vectors, the
 * intercept to 1e-4. REFERENCE.md W5: SVR(poly, degree 2, C=100, ε=0.1):
 * n_support 30, intercept 0.16764, predict [0, 0.5, −0.5] = [0.16764, 0.31072, 0.31072].
 */
#include "config.h"

#include "lb-test-util.h"
#include "svm-test-util.h"

static void
check_case (const char *name)
{
  JsonObject *c = svm_ref_case (name);
  g_autoptr(LbEstimator) svr = svm_ref_estimator ("SVR", c);
  g_autoptr(LbMatrix) X = svm_ref_matrix (c, "X");
  g_autoptr(LbMatrix) y = svm_ref_matrix (c, "y");
  g_autoptr(LbMatrix) probes = svm_ref_matrix (c, "probes");
  g_autoptr(LbMatrix) ref = svm_ref_matrix (c, "predict_train");
  g_autoptr(LbMatrix) ref_probes = svm_ref_matrix (c, "predict_probes");
  g_autoptr(LbMatrix) pred = NULL;
  g_autoptr(LbMatrix) pred_probes = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *support = json_object_get_array_member (c, "support");
  const guint *sup;
  gsize n_sv;

  g_assert_true (lb_estimator_fit (svr, X, y, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (lb_svr_get_gamma (LB_SVR (svr)), json_object_get_double_member (c, "gamma"),
                                  1e-12 * json_object_get_double_member (c, "gamma"));
  pred = lb_estimator_predict (svr, X, &error);
  pred_probes = lb_estimator_predict (svr, probes, &error);
  g_assert_no_error (error);
  g_test_message ("%s: max |delta predict| train %.3g probes %.3g", name,
                  svm_max_abs_diff (pred, ref), svm_max_abs_diff (pred_probes, ref_probes));
  /* 1e-4: libsvm agreement */
  g_assert_cmpfloat (svm_max_abs_diff (pred, ref), <, 1e-4);
  g_assert_cmpfloat (svm_max_abs_diff (pred_probes, ref_probes), <, 1e-4);

  sup = lb_svr_get_support (LB_SVR (svr), &n_sv);
  g_assert_cmpuint (n_sv, ==, json_array_get_length (support));
  for (guint i = 0; i < n_sv; i++)
    g_assert_cmpuint (sup[i], ==, json_array_get_int_element (support, i));

  state = lb_estimator_describe_state (svr);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (
                                    json_object_get_array_member (json_node_get_object (state), "intercept_"), 0),
                                  json_array_get_double_element (json_object_get_array_member (c, "intercept"), 0),
                                  1e-4);
}

static void
test_poly (void)
{
  check_case ("svr_poly2_C100_eps0.1");
}

static void
test_rbf (void)
{
  check_case ("svr_rbf_C10_eps0.05");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/SVR/poly", test_poly);
  g_test_add_func ("/learnbench/engine/SVR/rbf", test_rbf);
  return g_test_run ();
}
