/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-linear-svc.c: LinearSVC against scikit-learn 1.2.1 (liblinear inside)
 * — fixtures/svm-reference.json, from /usr/bin/python3
 * tests/engine/reference/svm-reference.py. liblinear visits the dual
 * coordinates in an order drawn from its own rand(); ours come from the fit
 * seed, so the iterates differ and only the optimum is shared. Agreement is
 * judged at convergence: with the default tol (1e-4) our coefficients and
 * intercept lie within 1e-3 of the optimum (scikit-learn solved at tol 1e-12,
 * "coef_tight"; scikit-learn's own default fit is ~1e-4 from it) and the
 * primal objective within 1e-5 relative; at tol 1e-10 within 1e-6. Training
 * accuracy equals scikit-learn's to one row. W5 (REFERENCE.md): iris virginica, hinge,
 * C=1: coef_scaled [1.6333, 2.3879], intercept −2.5052, accuracy 0.96.
 */
#include "config.h"

#include "lb-test-util.h"
#include "svm-test-util.h"

/* ½‖(w, b/scaling)‖² + C Σ loss(y_i (w·x_i + b)), y ∈ {−1, +1} */
static double
primal (const double *w,
        double        b,
        LbMatrix     *X,
        LbMatrix     *y,
        double        C,
        gboolean      squared)
{
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  double obj = 0.5 * b * b, loss = 0.0;

  for (gsize j = 0; j < p; j++)
    obj += 0.5 * w[j] * w[j];
  for (gsize i = 0; i < n; i++)
    {
      double z = b, h;

      for (gsize j = 0; j < p; j++)
        z += w[j] * LB_MATRIX_AT (X, i, j);
      h = MAX (0.0, 1.0 - (2 * LB_MATRIX_AT (y, i, 0) - 1) * z);
      loss += squared ? h * h : h;
    }
  return obj + C * loss;
}

static void
check_case (const char *name,
            double      tol,
            double      coef_tol)
{
  JsonObject *c = svm_ref_case (name);
  g_autoptr(LbEstimator) svc = svm_ref_estimator ("LinearSVC", c);
  g_autoptr(LbMatrix) X = svm_ref_matrix (c, "X");
  g_autoptr(LbMatrix) y = svm_ref_matrix (c, "y");
  g_autoptr(LbMatrix) pred = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *tight = json_object_get_array_member (c, "coef_tight");
  JsonArray *tight_b = json_object_get_array_member (c, "intercept_tight");
  const double *coef, *intercept;
  guint n_out, p, correct = 0, n = lb_matrix_get_n_rows (X);
  double worst = 0.0;

  g_object_set (svc, "tol", tol, "max-iter", (guint) 100000, NULL);
  g_assert_true (lb_estimator_fit (svc, X, y, NULL, &error));
  g_assert_no_error (error);
  coef = lb_linear_svc_get_coef (LB_LINEAR_SVC (svc), &n_out, &p);
  intercept = lb_linear_svc_get_intercept (LB_LINEAR_SVC (svc), NULL);
  g_assert_cmpuint (n_out, ==, json_array_get_length (tight));
  for (guint k = 0; k < n_out; k++)
    {
      JsonArray *row = json_array_get_array_element (tight, k);

      for (guint j = 0; j < p; j++)
        worst = MAX (worst, fabs (coef[k * p + j] - json_array_get_double_element (row, j)));
      worst = MAX (worst, fabs (intercept[k] - json_array_get_double_element (tight_b, k)));
    }
  g_test_message ("%s tol %g: max |delta| to the optimum %.3g", name, tol, worst);
  g_assert_cmpfloat (worst, <, coef_tol);

  if (json_object_has_member (c, "objective_tight"))
    {
      double ours = primal (coef, intercept[0], X, y, json_object_get_double_member (
                              json_object_get_object_member (c, "params"), "C"),
                            lb_estimator_get_param (svc, "loss", NULL) != NULL &&
                            g_strcmp0 (json_node_get_string (lb_estimator_get_param (svc, "loss", NULL)),
                                       "squared_hinge") == 0);
      double best = json_object_get_double_member (c, "objective_tight");

      g_test_message ("%s: primal %.10g, optimum %.10g", name, ours, best);
      g_assert_cmpfloat (fabs (ours - best), <=, 1e-5 * best);
    }

  pred = lb_estimator_predict (svc, X, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    correct += LB_MATRIX_AT (pred, i, 0) == LB_MATRIX_AT (y, i, 0);
  /* one training row of the virginica case sits at decision −3.5e-5 in
   * scikit-learn's fit, on the boundary at the optimum: it may fall either
   * way, so the accuracies agree to one row (1/n + 1e-12) */
  g_assert_cmpfloat_with_epsilon ((double) correct / n, json_object_get_double_member (c, "train_accuracy"),
                                  1.0 / n + 1e-12);
}

static void
test_virginica_hinge (void)
{
  check_case ("linear_svc_iris_virginica_hinge_C1", 1e-4, 1e-3);
  check_case ("linear_svc_iris_virginica_hinge_C1", 1e-10, 1e-6);
}

static void
test_virginica_squared (void)
{
  check_case ("linear_svc_iris_virginica_sqhinge_C1", 1e-4, 1e-3);
  check_case ("linear_svc_iris_virginica_sqhinge_C1", 1e-10, 1e-6);
}

static void
test_iris_ovr (void)
{
  check_case ("linear_svc_iris_ovr_sqhinge_C1", 1e-4, 1e-3);
  check_case ("linear_svc_iris_ovr_sqhinge_C1", 1e-10, 1e-6);
}

/* W5: moons → PolynomialFeatures(3) → StandardScaler → LinearSVC(C=10,
 * hinge). scikit-learn stops unconverged at max_iter 1000 (the book's
 * ConvergenceWarning; its decision values at the probes depend on that
 * path), so agreement is judged at the optimum only: tol 1e-10 here. */
static void
test_moons_poly3 (void)
{
  check_case ("linear_svc_moons_poly3_hinge_C10", 1e-10, 1e-5);
}

/* W5's book numbers at the default settings: coef [1.6333, 2.3879],
 * intercept −2.5052 (REFERENCE.md, 4 decimals given: 1e-3). */
static void
test_w5_defaults (void)
{
  JsonObject *c = svm_ref_case ("linear_svc_iris_virginica_hinge_C1");
  g_autoptr(LbEstimator) svc = svm_ref_estimator ("LinearSVC", c);
  g_autoptr(LbMatrix) X = svm_ref_matrix (c, "X");
  g_autoptr(LbMatrix) y = svm_ref_matrix (c, "y");
  g_autoptr(GError) error = NULL;
  const double *coef;

  g_assert_true (lb_estimator_fit (svc, X, y, NULL, &error));
  coef = lb_linear_svc_get_coef (LB_LINEAR_SVC (svc), NULL, NULL);
  g_assert_cmpfloat_with_epsilon (coef[0], 1.6333, 1e-3);
  g_assert_cmpfloat_with_epsilon (coef[1], 2.3879, 1e-3);
  g_assert_cmpfloat_with_epsilon (lb_linear_svc_get_intercept (LB_LINEAR_SVC (svc), NULL)[0], -2.5052, 1e-3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/LinearSVC/virginica-hinge", test_virginica_hinge);
  g_test_add_func ("/learnbench/engine/LinearSVC/virginica-squared-hinge", test_virginica_squared);
  g_test_add_func ("/learnbench/engine/LinearSVC/iris-ovr", test_iris_ovr);
  g_test_add_func ("/learnbench/engine/LinearSVC/w5-defaults", test_w5_defaults);
  g_test_add_func ("/learnbench/engine/LinearSVC/moons-poly3", test_moons_poly3);
  return g_test_run ();
}
