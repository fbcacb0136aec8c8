/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-linear-svr.c: LinearSVR against scikit-learn 1.2.1 (liblinear inside)
 * — fixtures/svm-reference.json, from /usr/bin/python3
 * tests/engine/reference/svm-reference.py. As for LinearSVC, liblinear's
 * coordinate order is its own rand(), so agreement is judged at the optimum
 * (scikit-learn at tol 1e-12): within 1e-3 at the default tol, 1e-6 at tol
 * 1e-10. W5 (REFERENCE.md): LinearSVR(epsilon=1.5): coef 2.9928, intercept 3.5336.
 */
#include "config.h"

#include "lb-test-util.h"
#include "svm-test-util.h"

static void
check_case (const char *name,
            double      tol,
            double      coef_tol)
{
  JsonObject *c = svm_ref_case (name);
  g_autoptr(LbEstimator) svr = svm_ref_estimator ("LinearSVR", c);
  g_autoptr(LbMatrix) X = svm_ref_matrix (c, "X");
  g_autoptr(LbMatrix) y = svm_ref_matrix (c, "y");
  g_autoptr(GError) error = NULL;
  const double *coef;
  double b;

  g_object_set (svr, "tol", tol, "max-iter", (guint) 100000, NULL);
  g_assert_true (lb_estimator_fit (svr, X, y, NULL, &error));
  g_assert_no_error (error);
  coef = lb_linear_svr_get_coef (LB_LINEAR_SVR (svr), NULL);
  b = lb_linear_svr_get_intercept (LB_LINEAR_SVR (svr));
  g_test_message ("%s tol %g: coef %.8g (optimum %.8g), intercept %.8g (%.8g)", name, tol, coef[0],
                  json_array_get_double_element (json_object_get_array_member (c, "coef_tight"), 0), b,
                  json_array_get_double_element (json_object_get_array_member (c, "intercept_tight"), 0));
  g_assert_cmpfloat_with_epsilon (coef[0], json_array_get_double_element (
                                    json_object_get_array_member (c, "coef_tight"), 0), coef_tol);
  g_assert_cmpfloat_with_epsilon (b, json_array_get_double_element (
                                    json_object_get_array_member (c, "intercept_tight"), 0), coef_tol);
}

static void
test_w5 (void)
{
  check_case ("linear_svr_eps1.5", 1e-4, 1e-3);
  check_case ("linear_svr_eps1.5", 1e-10, 1e-6);
}

static void
test_squared (void)
{
  check_case ("linear_svr_sq_eps0.5_C10", 1e-4, 1e-3);
  check_case ("linear_svr_sq_eps0.5_C10", 1e-10, 1e-6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/LinearSVR/w5-eps1.5", test_w5);
  g_test_add_func ("/learnbench/engine/LinearSVR/squared", test_squared);
  return g_test_run ();
}
