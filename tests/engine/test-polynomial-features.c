/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-polynomial-features.c: LbPolynomialFeatures against scikit-learn
 * 1.2.1. Reference numbers: /usr/bin/python3
 * tests/engine/reference/prep-reference.py (lines "poly …"). The products are
 * formed in sklearn's order ((x_c * x_b) * x_a), so they are compared
 * EXACTLY (tolerance 0): 0.006999999999999999 for 0.1 * 0.1 * 0.7 shows it.
 */
#include "config.h"

#include "prep-test-util.h"

static const double X_p[3 * 3] = {
  2.0, 3.0, 5.0,
  -1.0, 0.5, 4.0,
  0.1, 0.7, -0.3,
};
static const char *abc[] = { "a", "b", "c", NULL };

static LbMatrix *
poly (const char *degree,
      const char *interaction_only,
      const char *include_bias)
{
  g_autoptr (LbMatrix) X = prep_matrix (3, 3, X_p, abc);
  g_autoptr (LbEstimator) p = lb_estimator_new_by_name ("PolynomialFeatures", NULL);
  g_autoptr (GError) error = NULL;
  LbMatrix *T;

  g_assert_true (lb_estimator_set_param_string (p, "degree", degree, &error));
  g_assert_true (lb_estimator_set_param_string (p, "interaction_only", interaction_only, &error));
  g_assert_true (lb_estimator_set_param_string (p, "include_bias", include_bias, &error));
  g_assert_no_error (error);
  T = lb_estimator_fit_transform (p, X, NULL, NULL, &error);
  g_assert_no_error (error);
  return T;
}

static void
test_degree2 (void)
{
  g_autoptr (LbMatrix) T = poly ("2", "false", "true");
  /* poly {} names / transform */
  static const char *names[] = { "1", "a", "b", "c", "a^2", "a b", "a c", "b^2", "b c", "c^2", NULL };
  static const double want[] = {
    1.0, 2.0, 3.0, 5.0, 4.0, 6.0, 10.0, 9.0, 15.0, 25.0,
    1.0, -1.0, 0.5, 4.0, 1.0, -0.5, -4.0, 0.25, 2.0, 16.0,
    1.0, 0.1, 0.7, -0.3, 0.010000000000000002, 0.06999999999999999, -0.03, 0.48999999999999994, -0.21, 0.09,
  };

  prep_assert_matrix (T, 3, 10, want, 0, 0, "degree 2");
  prep_assert_names (T, names);
}

static void
test_degree3 (void)
{
  g_autoptr (LbMatrix) T = poly ("3", "false", "true");
  /* poly {'degree': 3} names / transform */
  static const char *names[] = {
    "1", "a", "b", "c", "a^2", "a b", "a c", "b^2", "b c", "c^2", "a^3", "a^2 b", "a^2 c",
    "a b^2", "a b c", "a c^2", "b^3", "b^2 c", "b c^2", "c^3", NULL,
  };
  static const double want[] = {
    1.0, 2.0, 3.0, 5.0, 4.0, 6.0, 10.0, 9.0, 15.0, 25.0, 8.0, 12.0, 20.0, 18.0, 30.0, 50.0, 27.0,
    45.0, 75.0, 125.0,
    1.0, -1.0, 0.5, 4.0, 1.0, -0.5, -4.0, 0.25, 2.0, 16.0, -1.0, 0.5, 4.0, -0.25, -2.0, -16.0,
    0.125, 1.0, 8.0, 64.0,
    1.0, 0.1, 0.7, -0.3, 0.010000000000000002, 0.06999999999999999, -0.03, 0.48999999999999994,
    -0.21, 0.09, 0.0010000000000000002, 0.006999999999999999, -0.003, 0.048999999999999995,
    -0.021, 0.009, 0.3429999999999999, -0.147, 0.063, -0.027,
  };

  prep_assert_matrix (T, 3, 20, want, 0, 0, "degree 3");
  prep_assert_names (T, names);
}

static void
test_options (void)
{
  g_autoptr (LbMatrix) T1 = poly ("2", "true", "true");
  g_autoptr (LbMatrix) T2 = poly ("2", "false", "false");
  g_autoptr (LbMatrix) T3 = poly ("3", "true", "false");
  g_autoptr (LbMatrix) T4 = poly ("0", "false", "true");
  /* poly {'interaction_only': True} */
  static const char *names1[] = { "1", "a", "b", "c", "a b", "a c", "b c", NULL };
  static const double want1[] = {
    1.0, 2.0, 3.0, 5.0, 6.0, 10.0, 15.0,
    1.0, -1.0, 0.5, 4.0, -0.5, -4.0, 2.0,
    1.0, 0.1, 0.7, -0.3, 0.06999999999999999, -0.03, -0.21,
  };
  /* poly {'include_bias': False} */
  static const char *names2[] = { "a", "b", "c", "a^2", "a b", "a c", "b^2", "b c", "c^2", NULL };
  /* poly {'degree': 3, 'interaction_only': True, 'include_bias': False} */
  static const char *names3[] = { "a", "b", "c", "a b", "a c", "b c", "a b c", NULL };
  static const double want3[] = {
    2.0, 3.0, 5.0, 6.0, 10.0, 15.0, 30.0,
    -1.0, 0.5, 4.0, -0.5, -4.0, 2.0, -2.0,
    0.1, 0.7, -0.3, 0.06999999999999999, -0.03, -0.21, -0.021,
  };
  /* poly {'degree': 0}: ['1'] */
  static const double want4[] = { 1.0, 1.0, 1.0 };

  prep_assert_matrix (T1, 3, 7, want1, 0, 0, "interaction_only");
  prep_assert_names (T1, names1);
  prep_assert_names (T2, names2);
  prep_assert_matrix (T3, 3, 7, want3, 0, 0, "degree 3 interaction_only no bias");
  prep_assert_names (T3, names3);
  prep_assert_matrix (T4, 3, 1, want4, 0, 0, "degree 0");
}

static void
test_errors (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (3, 3, X_p, abc);
  g_autoptr (LbEstimator) p = lb_polynomial_features_new (0);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) wide = lb_matrix_new (2, 5000);

  /* sklearn: "Setting degree to zero and include_bias to False would result in
   * an empty output array." */
  g_object_set (p, "include-bias", FALSE, NULL);
  g_assert_false (lb_estimator_fit (p, X, NULL, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);
  g_assert_false (lb_estimator_set_param_string (p, "degree", "-1", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);

  /* degree 3 on 5000 features: ~2e10 columns, refused before any allocation */
  g_object_set (p, "degree", 3, NULL);
  g_assert_false (lb_estimator_fit (p, wide, NULL, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE);
}

static void
test_state (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (3, 3, X_p, abc);
  g_autoptr (LbEstimator) p = lb_polynomial_features_new (3);
  g_autoptr (LbEstimator) copy = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (lb_estimator_fit (p, X, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lb_polynomial_features_get_n_output_features (LB_POLYNOMIAL_FEATURES (p)), ==, 20);
  copy = prep_round_trip (p);
  prep_assert_same_transform (p, copy, X);
  prep_assert_bad_states_fail (p);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/PolynomialFeatures/degree-2", test_degree2);
  g_test_add_func ("/learnbench/engine/PolynomialFeatures/degree-3", test_degree3);
  g_test_add_func ("/learnbench/engine/PolynomialFeatures/options", test_options);
  g_test_add_func ("/learnbench/engine/PolynomialFeatures/errors", test_errors);
  g_test_add_func ("/learnbench/engine/PolynomialFeatures/state", test_state);
  return g_test_run ();
}
