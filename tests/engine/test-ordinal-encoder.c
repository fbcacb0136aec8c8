/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-ordinal-encoder.c: LbOrdinalEncoder against scikit-learn 1.2.1.
 * Reference numbers: /usr/bin/python3 tests/engine/reference/prep-reference.py
 * (lines "ordinal …"); codes compared exactly.
 */
#include "config.h"

#include "prep-test-util.h"

#define NA NAN

static const char *ocean_cats[] = { "NEAR BAY", "INLAND", "<1H OCEAN", "ISLAND", "NEAR OCEAN", NULL };
static const double X_df[5 * 2] = {
  0, 3.0,    /* NEAR BAY */
  2, 1.0,    /* <1H OCEAN */
  1, 2.5,    /* INLAND */
  0, 1.0,    /* NEAR BAY */
  3, 3.0,    /* ISLAND */
};
static const char *df_names[] = { "ocean", "n", NULL };

static LbMatrix *
x_df (void)
{
  LbMatrix *X = prep_matrix (5, 2, X_df, df_names);

  lb_matrix_set_categories (X, 0, ocean_cats);
  return X;
}

/* ordinal transform: [[3, 2], [0, 0], [1, 1], [3, 0], [2, 2]] */
static void
test_encode (void)
{
  g_autoptr (LbMatrix) X = x_df ();
  g_autoptr (LbEstimator) enc = lb_estimator_new_by_name ("OrdinalEncoder", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  static const double want[] = { 3, 2, 0, 0, 1, 1, 3, 0, 2, 2 };

  T = lb_estimator_fit_transform (enc, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T, 5, 2, want, 0, 0, "transform");
  prep_assert_names (T, df_names);
}

/* ordinal unknown transform: [[-1.0, -1.0]] */
static void
test_unknown (void)
{
  g_autoptr (LbMatrix) X = x_df ();
  static const char *new_cats[] = { "X", NULL };
  static const double x_new[] = { 0, 7.0 };
  g_autoptr (LbMatrix) N = prep_matrix (1, 2, x_new, df_names);
  g_autoptr (LbEstimator) enc = lb_ordinal_encoder_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  static const double want[] = { -1.0, -1.0 };

  lb_matrix_set_categories (N, 0, new_cats);
  g_assert_true (lb_estimator_fit (enc, X, NULL, NULL, &error));
  g_assert_null (lb_estimator_transform (enc, N, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_true (lb_estimator_set_param_string (enc, "handle_unknown", "use_encoded_value", &error));
  g_assert_true (lb_estimator_set_param_string (enc, "unknown_value", "-1", &error));
  g_assert_true (lb_estimator_fit (enc, X, NULL, NULL, &error));
  T = lb_estimator_transform (enc, N, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T, 1, 2, want, 0, 0, "unknown");

  /* sklearn: "The used value for unknown_value 1 is one of the values already
   * used for encoding the seen categories." */
  g_assert_true (lb_estimator_set_param_string (enc, "unknown_value", "1", &error));
  g_assert_false (lb_estimator_fit (enc, X, NULL, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);
  /* sklearn: "unknown_value should be an integer or np.nan …, got 1.5." */
  g_assert_true (lb_estimator_set_param_string (enc, "unknown_value", "1.5", &error));
  g_assert_false (lb_estimator_fit (enc, X, NULL, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
}

/* ordinal nan transform: [[1.0], [nan], [0.0], [1.0]] */
static void
test_missing (void)
{
  static const double x[] = { 1.0, NA, 0.5, 1.0 };
  g_autoptr (LbMatrix) X = prep_matrix (4, 1, x, NULL);
  g_autoptr (LbEstimator) enc = lb_ordinal_encoder_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  g_auto (GStrv) cats = NULL;
  static const double want[] = { 1.0, NA, 0.0, 1.0 };
  static const char *want_cats[] = { "0.5", "1", "nan", NULL };

  T = lb_estimator_fit_transform (enc, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T, 4, 1, want, 0, 0, "nan stays nan");
  cats = lb_ordinal_encoder_dup_categories (LB_ORDINAL_ENCODER (enc), 0);
  g_assert_true (g_strv_equal ((const char * const *) cats, want_cats));
}

static void
test_state (void)
{
  g_autoptr (LbMatrix) X = x_df ();
  g_autoptr (LbEstimator) enc = lb_ordinal_encoder_new ();
  g_autoptr (LbEstimator) copy = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (lb_estimator_fit (enc, X, NULL, NULL, &error));
  g_assert_no_error (error);
  copy = prep_round_trip (enc);
  prep_assert_same_transform (enc, copy, X);
  prep_assert_bad_states_fail (enc);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/OrdinalEncoder/encode", test_encode);
  g_test_add_func ("/learnbench/engine/OrdinalEncoder/unknown", test_unknown);
  g_test_add_func ("/learnbench/engine/OrdinalEncoder/missing", test_missing);
  g_test_add_func ("/learnbench/engine/OrdinalEncoder/state", test_state);
  return g_test_run ();
}
