/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-one-hot-encoder.c: LbOneHotEncoder against scikit-learn 1.2.1.
 * Reference numbers: /usr/bin/python3 tests/engine/reference/prep-reference.py
 * (lines "onehot …"); 0/1 outputs compared exactly. Names differ from
 * sklearn's on purpose: "ocean=INLAND", "n=2.5" where sklearn writes
 * "ocean_INLAND", "n_2.5" (and "n_1.0" for our "n=1": shortest exact text).
 */
#include "config.h"

#include "prep-test-util.h"

#define NA NAN

/* The data frame of prep-reference.py: ocean (categories, given here in a
 * non-sorted order with one category that never occurs), n (numbers). */
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

static void
test_encode (void)
{
  g_autoptr (LbMatrix) X = x_df ();
  g_autoptr (LbEstimator) enc = lb_estimator_new_by_name ("OneHotEncoder", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  g_auto (GStrv) cats0 = NULL;
  g_auto (GStrv) cats1 = NULL;
  /* onehot categories_: [['<1H OCEAN', 'INLAND', 'ISLAND', 'NEAR BAY'], [1.0, 2.5, 3.0]] */
  static const char *want_cats0[] = { "<1H OCEAN", "INLAND", "ISLAND", "NEAR BAY", NULL };
  static const char *want_cats1[] = { "1", "2.5", "3", NULL };
  static const char *want_names[] = {
    "ocean=<1H OCEAN", "ocean=INLAND", "ocean=ISLAND", "ocean=NEAR BAY", "n=1", "n=2.5", "n=3", NULL,
  };
  /* onehot transform */
  static const double want[] = {
    0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0,
    1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0,
    0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0,
    0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0,
    0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0,
  };

  T = lb_estimator_fit_transform (enc, X, NULL, NULL, &error);
  g_assert_no_error (error);
  cats0 = lb_one_hot_encoder_dup_categories (LB_ONE_HOT_ENCODER (enc), 0);
  cats1 = lb_one_hot_encoder_dup_categories (LB_ONE_HOT_ENCODER (enc), 1);
  g_assert_true (g_strv_equal ((const char * const *) cats0, want_cats0));
  g_assert_true (g_strv_equal ((const char * const *) cats1, want_cats1));
  prep_assert_matrix (T, 5, 7, want, 0, 0, "transform");
  prep_assert_names (T, want_names);
}

/* The matrix given to transform may list its categories differently (a new
 * file): matching is by name. An unseen category is an error naming it, or all
 * zeros with handle_unknown = ignore.
 * onehot ignore transform unknown: [[0,0,0,0, 0,1,0], [0,1,0,0, 0,0,0]] */
static void
test_unknown (void)
{
  g_autoptr (LbMatrix) X = x_df ();
  static const char *new_cats[] = { "INLAND", "X", NULL };
  static const double x_new[] = { 1, 2.5, 0, 7.0 };
  g_autoptr (LbMatrix) N = prep_matrix (2, 2, x_new, df_names);
  g_autoptr (LbEstimator) enc = lb_one_hot_encoder_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  static const double want[] = {
    0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0,
    0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0,
  };

  lb_matrix_set_categories (N, 0, new_cats);
  g_assert_true (lb_estimator_fit (enc, X, NULL, NULL, &error));
  g_assert_null (lb_estimator_transform (enc, N, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "‘X’"));
  g_assert_nonnull (strstr (error->message, "ocean"));
  g_clear_error (&error);

  g_assert_true (lb_estimator_set_param_string (enc, "handle_unknown", "ignore", &error));
  g_assert_true (lb_estimator_fit (enc, X, NULL, NULL, &error));
  T = lb_estimator_transform (enc, N, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T, 2, 7, want, 0, 0, "ignore");
}

static void
test_drop (void)
{
  g_autoptr (LbMatrix) X = x_df ();
  g_autoptr (LbEstimator) enc = lb_one_hot_encoder_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  g_autoptr (LbMatrix) B = NULL;
  g_autoptr (LbMatrix) TB = NULL;
  /* onehot drop=first names / transform */
  static const char *want_names[] = { "ocean=INLAND", "ocean=ISLAND", "ocean=NEAR BAY", "n=2.5", "n=3", NULL };
  static const double want[] = {
    0.0, 0.0, 1.0, 0.0, 1.0,
    0.0, 0.0, 0.0, 0.0, 0.0,
    1.0, 0.0, 0.0, 1.0, 0.0,
    0.0, 0.0, 1.0, 0.0, 0.0,
    0.0, 1.0, 0.0, 0.0, 1.0,
  };
  /* onehot drop=if_binary names: ['b_y', 'c_p', 'c_q', 'c_r'] */
  static const char *b_cats[] = { "n", "y", NULL };
  static const char *c_cats[] = { "p", "q", "r", NULL };
  static const double xb[] = { 1, 0, 0, 1, 1, 2 };
  static const char *b_names[] = { "b", "c", NULL };
  static const char *want_b_names[] = { "b=y", "c=p", "c=q", "c=r", NULL };

  g_assert_true (lb_estimator_set_param_string (enc, "drop", "first", &error));
  g_assert_no_error (error);
  T = lb_estimator_fit_transform (enc, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T, 5, 5, want, 0, 0, "drop=first");
  prep_assert_names (T, want_names);

  B = prep_matrix (3, 2, xb, b_names);
  lb_matrix_set_categories (B, 0, b_cats);
  lb_matrix_set_categories (B, 1, c_cats);
  g_assert_true (lb_estimator_set_param_string (enc, "drop", "if_binary", &error));
  TB = lb_estimator_fit_transform (enc, B, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_names (TB, want_b_names);
}

/* A missing value seen during fit is a category of its own, last.
 * onehot nan categories_: [[0.5, 1.0, nan]]
 * onehot nan transform: [[0,1,0], [0,0,1], [1,0,0], [0,1,0]] */
static void
test_missing (void)
{
  static const double x[] = { 1.0, NA, 0.5, 1.0 };
  g_autoptr (LbMatrix) X = prep_matrix (4, 1, x, NULL);
  g_autoptr (LbEstimator) enc = lb_one_hot_encoder_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  g_autoptr (LbMatrix) N = NULL;
  static const double want[] = { 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0 };
  static const char *want_names[] = { "x0=0.5", "x0=1", "x0=nan", NULL };
  static const double x_fit[] = { 1.0, 0.5 };

  T = lb_estimator_fit_transform (enc, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T, 4, 3, want, 0, 0, "nan category");
  prep_assert_names (T, want_names);

  /* fitted without a missing value, a NaN is unknown */
  N = prep_matrix (2, 1, x_fit, NULL);
  g_assert_true (lb_estimator_fit (enc, N, NULL, NULL, &error));
  g_assert_null (lb_estimator_transform (enc, X, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
}

static void
test_kind_mismatch (void)
{
  g_autoptr (LbMatrix) X = x_df ();
  g_autoptr (LbMatrix) N = prep_matrix (5, 2, X_df, df_names);  /* no categories */
  g_autoptr (LbEstimator) enc = lb_one_hot_encoder_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (lb_estimator_fit (enc, X, NULL, NULL, &error));
  g_assert_null (lb_estimator_transform (enc, N, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
}

static void
test_state (void)
{
  g_autoptr (LbMatrix) X = x_df ();
  g_autoptr (LbEstimator) enc = lb_one_hot_encoder_new ();
  g_autoptr (LbEstimator) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) bad = NULL;
  g_autoptr (LbEstimator) copy2 = NULL;
  g_autoptr (JsonNode) state = NULL;
  g_autofree char *text = NULL;

  g_object_set (enc, "drop", LB_ONE_HOT_DROP_FIRST, NULL);
  g_assert_true (lb_estimator_fit (enc, X, NULL, NULL, &error));
  g_assert_no_error (error);
  copy = prep_round_trip (enc);
  prep_assert_same_transform (enc, copy, X);
  prep_assert_bad_states_fail (enc);

  /* numeric categories must stay sorted (the lookup is a binary search) */
  state = lb_estimator_save_state (enc, &error);
  text = json_to_string (state, FALSE);
  g_assert_nonnull (strstr (text, "[1.0,2.5,3.0]"));
  {
    g_autoptr (GString) s = g_string_new (text);

    g_string_replace (s, "[1.0,2.5,3.0]", "[2.5,1.0,3.0]", 1);
    bad = json_from_string (s->str, &error);
    g_assert_no_error (error);
  }
  copy2 = lb_estimator_clone (enc);
  g_assert_false (lb_estimator_load_state (copy2, bad, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/OneHotEncoder/encode", test_encode);
  g_test_add_func ("/learnbench/engine/OneHotEncoder/unknown", test_unknown);
  g_test_add_func ("/learnbench/engine/OneHotEncoder/drop", test_drop);
  g_test_add_func ("/learnbench/engine/OneHotEncoder/missing", test_missing);
  g_test_add_func ("/learnbench/engine/OneHotEncoder/kind-mismatch", test_kind_mismatch);
  g_test_add_func ("/learnbench/engine/OneHotEncoder/state", test_state);
  return g_test_run ();
}
