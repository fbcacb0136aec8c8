/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-min-max-scaler.c: LbMinMaxScaler against scikit-learn 1.2.1.
 * Reference numbers: /usr/bin/python3 tests/engine/reference/prep-reference.py
 * (lines "minmax …"). Same formulas in the same order as sklearn
 * (x * scale_ + min_), so the results are compared to 1e-15 relative.
 */
#include "config.h"

#include "prep-test-util.h"

#define NA NAN

static const double X_mm[4 * 3] = {
  1.0, 5.0, 2.0,
  2.0, 5.0, NA,
  4.0, 5.0, 7.0,
  10.0, 5.0, -1.0,
};

static void
test_default (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (4, 3, X_mm, NULL);
  g_autoptr (LbEstimator) mm = lb_estimator_new_by_name ("MinMaxScaler", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  LbMinMaxScaler *m = LB_MIN_MAX_SCALER (mm);
  /* minmax data_min_ / data_max_ / scale_ / min_ / transform */
  static const double data_min[] = { 1.0, 5.0, -1.0 };
  static const double data_max[] = { 10.0, 5.0, 7.0 };
  static const double scale[] = { 0.1111111111111111, 1.0, 0.125 };
  static const double min[] = { -0.1111111111111111, -5.0, 0.125 };
  static const double want[] = {
    0.0, 0.0, 0.375,
    0.1111111111111111, 0.0, NA,
    0.3333333333333333, 0.0, 1.0,
    1.0, 0.0, 0.0,
  };

  T = lb_estimator_fit_transform (mm, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_close (lb_min_max_scaler_get_data_min (m), data_min, 3, 0, 0, "data_min_");
  prep_assert_close (lb_min_max_scaler_get_data_max (m), data_max, 3, 0, 0, "data_max_");
  prep_assert_close (lb_min_max_scaler_get_scale (m), scale, 3, 1e-15, 0, "scale_");
  prep_assert_close (lb_min_max_scaler_get_min (m), min, 3, 1e-15, 0, "min_");
  prep_assert_matrix (T, 4, 3, want, 1e-15, 1e-16, "transform");
}

static void
test_range (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (4, 3, X_mm, NULL);
  g_autoptr (LbEstimator) mm = lb_min_max_scaler_new (0, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  g_autoptr (LbMatrix) N = NULL;
  g_autoptr (LbMatrix) TN = NULL;
  g_autoptr (LbMatrix) TC = NULL;
  g_autoptr (JsonNode) value = NULL;
  /* minmax (-1,3) transform / transform new / clip transform new */
  static const double want[] = {
    -1.0, -1.0, 0.5,
    -0.5555555555555556, -1.0, NA,
    0.33333333333333326, -1.0, 3.0,
    3.0, -1.0, -1.0,
  };
  static const double x_new[] = { 20.0, 6.0, 3.0, -5.0, 0.0, -9.0 };
  static const double want_new[] = { 7.444444444444445, 3.0, 1.0 };
  static const double want_clip[] = { 3.0, 3.0, 1.0, -1.0, -1.0, -1.0 };

  /* feature_range as JSON text, the way a project file or the CLI gives it */
  g_assert_true (lb_estimator_set_param_string (mm, "feature_range", "[-1, 3]", &error));
  g_assert_no_error (error);
  value = lb_estimator_get_param (mm, "feature_range", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (value));
  T = lb_estimator_fit_transform (mm, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T, 4, 3, want, 1e-15, 1e-16, "transform (-1, 3)");
  N = prep_matrix (2, 3, x_new, NULL);
  TN = lb_estimator_transform (mm, N, &error);
  g_assert_no_error (error);
  prep_assert_close (lb_matrix_get_const_data (TN), want_new, 3, 1e-15, 0, "transform new");
  g_object_set (mm, "clip", TRUE, NULL);
  g_assert_true (lb_estimator_fit (mm, X, NULL, NULL, &error));
  TC = lb_estimator_transform (mm, N, &error);
  g_assert_no_error (error);
  prep_assert_matrix (TC, 2, 3, want_clip, 0, 0, "clip");
}

static void
test_bad_range (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (4, 3, X_mm, NULL);
  g_autoptr (LbEstimator) mm = lb_min_max_scaler_new (0, 1);
  const char *bad[] = { "[2, 1]", "[1]", "[0, \"a\"]", "{\"a\": 1}", "3" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;

      /* set_param may take the JSON; fit must then refuse it, naming feature_range */
      if (lb_estimator_set_param_string (mm, "feature_range", bad[i], &error))
        {
          g_assert_false (lb_estimator_fit (mm, X, NULL, NULL, &error));
          g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
        }
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "feature_range"));
    }
}

static void
test_state (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (4, 3, X_mm, NULL);
  g_autoptr (LbEstimator) mm = lb_min_max_scaler_new (-1, 3);
  g_autoptr (LbEstimator) copy = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (lb_estimator_fit (mm, X, NULL, NULL, &error));
  g_assert_no_error (error);
  copy = prep_round_trip (mm);
  prep_assert_same_transform (mm, copy, X);
  prep_assert_bad_states_fail (mm);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/MinMaxScaler/default", test_default);
  g_test_add_func ("/learnbench/engine/MinMaxScaler/feature-range", test_range);
  g_test_add_func ("/learnbench/engine/MinMaxScaler/bad-range", test_bad_range);
  g_test_add_func ("/learnbench/engine/MinMaxScaler/state", test_state);
  return g_test_run ();
}
