/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-standard-scaler.c: LbStandardScaler
 * against scikit-learn 1.2.1. Reference numbers:
 * /usr/bin/python3 tests/engine/reference/prep-reference.py (lines "scaler …").
 * Tolerance 1e-14 relative: the same formulas as sklearn, summed in a
 * possibly different order (a few ulps on these sizes).
 */
#include "config.h"

#include "prep-test-util.h"

#define NA NAN

/* X_sc of prep-reference.py: column 1 and 3 are constant (scale 1), column 2
 * has a missing value (ignored by fit, kept by transform). */
static const double X_sc[5 * 4] = {
  1.0, 5.0, 2.0, 0.1,
  2.0, 5.0, NA, 0.1,
  4.0, 5.0, 7.0, 0.1,
  10.0, 5.0, -1.0, 0.1,
  -3.5, 5.0, 0.25, 0.1,
};

static void
test_fit (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (5, 4, X_sc, NULL);
  g_autoptr (LbEstimator) sc = lb_standard_scaler_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  g_autoptr (LbMatrix) N = NULL;
  g_autoptr (LbMatrix) TN = NULL;
  /* scaler mean_ / var_ / scale_ */
  static const double mean[] = { 2.7, 5.0, 2.0625, 0.1 };
  static const double var[] = { 19.360000000000003, 0.0, 9.26171875, 0.0 };
  static const double scale[] = { 4.4, 1.0, 3.043307205984963, 1.0 };
  /* scaler transform */
  static const double want[] = {
    -0.38636363636363635, 0.0, -0.02053686853469397, 0.0,
    -0.15909090909090912, 0.0, NA, 0.0,
    0.2954545454545454, 0.0, 1.6224126142408235, 0.0,
    1.659090909090909, 0.0, -1.0063065582000044, 0.0,
    -1.409090909090909, 0.0, -0.5955691875061251, 0.0,
  };
  static const double x_new[] = { 0.0, 6.0, 1.0, 0.2 };
  /* scaler transform new */
  static const double want_new[] = { -0.6136363636363636, 1.0, -0.34912676508979745, 0.1 };

  T = lb_estimator_fit_transform (sc, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_close (lb_standard_scaler_get_mean (LB_STANDARD_SCALER (sc)), mean, 4, 1e-14, 0, "mean_");
  prep_assert_close (lb_standard_scaler_get_var (LB_STANDARD_SCALER (sc)), var, 4, 1e-14, 1e-30, "var_");
  prep_assert_close (lb_standard_scaler_get_scale (LB_STANDARD_SCALER (sc)), scale, 4, 1e-14, 0, "scale_");
  prep_assert_matrix (T, 5, 4, want, 1e-14, 1e-15, "transform");
  N = prep_matrix (1, 4, x_new, NULL);
  TN = lb_estimator_transform (sc, N, &error);
  g_assert_no_error (error);
  prep_assert_matrix (TN, 1, 4, want_new, 1e-14, 1e-15, "transform new");
}

static void
test_options (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (5, 4, X_sc, NULL);
  g_autoptr (LbEstimator) sc = lb_standard_scaler_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T1 = NULL;
  g_autoptr (LbMatrix) T2 = NULL;
  /* scaler with_mean=False transform */
  static const double want1[] = {
    0.22727272727272727, 5.0, 0.657179793110207, 0.1,
    0.45454545454545453, 5.0, NA, 0.1,
    0.9090909090909091, 5.0, 2.3001292758857246, 0.1,
    2.2727272727272725, 5.0, -0.3285898965551035, 0.1,
    -0.7954545454545454, 5.0, 0.08214747413877588, 0.1,
  };
  /* scaler with_std=False transform */
  static const double want2[] = {
    -1.7000000000000002, 0.0, -0.0625, 0.0,
    -0.7000000000000002, 0.0, NA, 0.0,
    1.2999999999999998, 0.0, 4.9375, 0.0,
    7.3, 0.0, -3.0625, 0.0,
    -6.2, 0.0, -1.8125, 0.0,
  };

  g_assert_true (lb_estimator_set_param_string (sc, "with_mean", "false", &error));
  g_assert_no_error (error);
  T1 = lb_estimator_fit_transform (sc, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T1, 5, 4, want1, 1e-14, 1e-15, "with_mean=False");
  g_object_set (sc, "with-mean", TRUE, "with-std", FALSE, NULL);
  T2 = lb_estimator_fit_transform (sc, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T2, 5, 4, want2, 1e-14, 1e-15, "with_std=False");
}

/* A constant column must not become NaN: scale 1, values 0 (sklearn's
 * _is_constant_feature also catches 0.1 * 3 whose computed var is ~1e-34). */
static void
test_constant (void)
{
  static const double x[] = { 0.1, 0.1, 0.1 };
  g_autoptr (LbMatrix) X = prep_matrix (3, 1, x, NULL);
  g_autoptr (LbEstimator) sc = lb_standard_scaler_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = lb_estimator_fit_transform (sc, X, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (lb_standard_scaler_get_scale (LB_STANDARD_SCALER (sc))[0], ==, 1.0);
  for (gsize i = 0; i < 3; i++)
    g_assert_cmpfloat (fabs (LB_MATRIX_AT (T, i, 0)), <, 1e-16);
}

static void
test_state (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (5, 4, X_sc, NULL);
  g_autoptr (LbEstimator) sc = lb_standard_scaler_new ();
  g_autoptr (LbEstimator) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) described = NULL;

  g_assert_true (lb_estimator_fit (sc, X, NULL, NULL, &error));
  g_assert_no_error (error);
  copy = prep_round_trip (sc);
  prep_assert_same_transform (sc, copy, X);
  prep_assert_bad_states_fail (sc);
  described = lb_estimator_describe_state (sc);
  g_assert_true (json_object_has_member (json_node_get_object (described), "scale_"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/StandardScaler/fit", test_fit);
  g_test_add_func ("/learnbench/engine/StandardScaler/options", test_options);
  g_test_add_func ("/learnbench/engine/StandardScaler/constant", test_constant);
  g_test_add_func ("/learnbench/engine/StandardScaler/state", test_state);
  return g_test_run ();
}
