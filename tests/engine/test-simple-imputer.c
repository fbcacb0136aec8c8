/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-simple-imputer.c: LbSimpleImputer against scikit-learn 1.2.1.
 * Reference numbers: /usr/bin/python3 tests/engine/reference/prep-reference.py
 * (lines "imputer …"). Medians and most-frequent values are exact order
 * statistics, compared exactly; means may differ from numpy's summation order
 * by an ulp, compared to 1e-15 relative.
 */
#include "config.h"

#include <stdlib.h>

#include "prep-test-util.h"

#define NA NAN

/* X_imp of prep-reference.py: column 0 has 4 values (even count), column 1
 * has 5, column 2 ties 3 and 4 for most frequent, column 3 is empty. */
static const double X_imp[6 * 4] = {
  1.0, NA, 3.0, NA,
  2.5, 5.0, NA, NA,
  NA, 7.0, 3.0, NA,
  10.0, 6.0, 4.0, NA,
  NA, 0.5, 4.0, NA,
  4.0, 6.0, -1.0, NA,
};
static const char *names_imp[] = { "a", "b", "c", "d", NULL };

static LbMatrix *
x_imp (void)
{
  return prep_matrix (6, 4, X_imp, names_imp);
}

static LbEstimator *
fitted (const char *strategy,
        LbMatrix   *X)
{
  g_autoptr (GError) error = NULL;
  LbEstimator *imp = lb_estimator_new_by_name ("SimpleImputer", &error);

  g_assert_no_error (error);
  g_assert_true (lb_estimator_set_param_string (imp, "strategy", strategy, &error));
  g_assert_no_error (error);
  g_assert_true (lb_estimator_fit (imp, X, NULL, NULL, &error));
  g_assert_no_error (error);
  return imp;
}

static void
test_mean (void)
{
  g_autoptr (LbMatrix) X = x_imp ();
  g_autoptr (LbEstimator) imp = fitted ("mean", X);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = lb_estimator_transform (imp, X, &error);
  /* imputer mean statistics_: [4.375, 4.9, 2.6, nan] */
  static const double stats[] = { 4.375, 4.9, 2.6, NA };
  /* imputer mean transform (the empty column d is dropped) */
  static const double want[] = {
    1.0, 4.9, 3.0, 2.5, 5.0, 2.6, 4.375, 7.0, 3.0,
    10.0, 6.0, 4.0, 4.375, 0.5, 4.0, 4.0, 6.0, -1.0,
  };
  static const char *out_names[] = { "a", "b", "c", NULL };

  g_assert_no_error (error);
  prep_assert_close (lb_simple_imputer_get_statistics (LB_SIMPLE_IMPUTER (imp)), stats, 4, 1e-15, 0,
                     "statistics_");
  prep_assert_matrix (T, 6, 3, want, 1e-15, 0, "transform");
  prep_assert_names (T, out_names);
}

static void
test_median (void)
{
  g_autoptr (LbMatrix) X = x_imp ();
  g_autoptr (LbEstimator) imp = fitted ("median", X);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = lb_estimator_transform (imp, X, &error);
  /* imputer median statistics_: [3.25, 6.0, 3.0, nan]: 3.25 = (2.5 + 4) / 2 */
  static const double stats[] = { 3.25, 6.0, 3.0, NA };
  static const double want[] = {
    1.0, 6.0, 3.0, 2.5, 5.0, 3.0, 3.25, 7.0, 3.0,
    10.0, 6.0, 4.0, 3.25, 0.5, 4.0, 4.0, 6.0, -1.0,
  };

  g_assert_no_error (error);
  prep_assert_close (lb_simple_imputer_get_statistics (LB_SIMPLE_IMPUTER (imp)), stats, 4, 0, 0,
                     "statistics_");
  prep_assert_matrix (T, 6, 3, want, 0, 0, "transform");
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median (a selection, not a sort) and the most frequent value (a hash
 * count) against the closed forms — sort, then take the middle or the mean of
 * the two middle values; the longest run, the first on a tie — on 300 random
 * columns of 1..300 values, many of them repeated (the partition's hard
 * case), with missing values. Exact. */
static void
test_median_random (void)
{
  LbRng rng;

  lb_rng_init (&rng, 7);
  for (guint trial = 0; trial < 300; trial++)
    {
      gsize n = 1 + lb_rng_below (&rng, 300);
      guint levels = trial % 3 == 0 ? 3 : trial % 3 == 1 ? 50 : 1000000;
      g_autoptr (LbMatrix) X = lb_matrix_new (n, 1);
      g_autofree double *sorted = g_new (double, n);
      g_autoptr (LbEstimator) imp = lb_simple_imputer_new (LB_IMPUTER_STRATEGY_MEDIAN);
      g_autoptr (LbEstimator) mf = lb_simple_imputer_new (LB_IMPUTER_STRATEGY_MOST_FREQUENT);
      g_autoptr (GError) error = NULL;
      gsize m = 0, best_run = 0;
      double want, want_mf = NAN;

      for (gsize i = 0; i < n; i++)
        {
          double v = lb_rng_below (&rng, 10) == 0 ? NAN : (double) lb_rng_below (&rng, levels) - levels / 2.0;

          LB_MATRIX_AT (X, i, 0) = v;
          if (!isnan (v))
            sorted[m++] = v;
        }
      qsort (sorted, m, sizeof (double), cmp_double);
      want = m == 0 ? NAN : m % 2 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2.0;
      g_assert_true (lb_estimator_fit (imp, X, NULL, NULL, &error));
      g_assert_no_error (error);
      prep_assert_close (lb_simple_imputer_get_statistics (LB_SIMPLE_IMPUTER (imp)), &want, 1, 0, 0,
                         "random median");
      for (gsize i = 0; i < m;)
        {
          gsize k = i;

          while (k < m && sorted[k] == sorted[i])
            k++;
          if (k - i > best_run)
            {
              best_run = k - i;
              want_mf = sorted[i];
            }
          i = k;
        }
      g_assert_true (lb_estimator_fit (mf, X, NULL, NULL, &error));
      g_assert_no_error (error);
      prep_assert_close (lb_simple_imputer_get_statistics (LB_SIMPLE_IMPUTER (mf)), &want_mf, 1, 0, 0,
                         "random most_frequent");
    }
}

static void
test_most_frequent (void)
{
  g_autoptr (LbMatrix) X = x_imp ();
  g_autoptr (LbEstimator) imp = fitted ("most_frequent", X);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = lb_estimator_transform (imp, X, &error);
  /* imputer most_frequent statistics_: [1.0, 6.0, 3.0, nan]: all distinct -> the
   * smallest; 3 and 4 tie -> 3 */
  static const double stats[] = { 1.0, 6.0, 3.0, NA };
  static const double want[] = {
    1.0, 6.0, 3.0, 2.5, 5.0, 3.0, 1.0, 7.0, 3.0,
    10.0, 6.0, 4.0, 1.0, 0.5, 4.0, 4.0, 6.0, -1.0,
  };

  g_assert_no_error (error);
  prep_assert_close (lb_simple_imputer_get_statistics (LB_SIMPLE_IMPUTER (imp)), stats, 4, 0, 0,
                     "statistics_");
  prep_assert_matrix (T, 6, 3, want, 0, 0, "transform");
}

static void
test_constant (void)
{
  g_autoptr (LbMatrix) X = x_imp ();
  g_autoptr (LbEstimator) imp = fitted ("constant", X);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = lb_estimator_transform (imp, X, &error);
  g_autoptr (LbMatrix) T2 = NULL;
  /* imputer constant transform: the empty column is kept (filled with 0) */
  static const double want[] = {
    1.0, 0.0, 3.0, 0.0, 2.5, 5.0, 0.0, 0.0, 0.0, 7.0, 3.0, 0.0,
    10.0, 6.0, 4.0, 0.0, 0.0, 0.5, 4.0, 0.0, 4.0, 6.0, -1.0, 0.0,
  };
  /* imputer constant -2.5 transform */
  static const double want2[] = {
    1.0, -2.5, 3.0, -2.5, 2.5, 5.0, -2.5, -2.5, -2.5, 7.0, 3.0, -2.5,
    10.0, 6.0, 4.0, -2.5, -2.5, 0.5, 4.0, -2.5, 4.0, 6.0, -1.0, -2.5,
  };

  g_assert_no_error (error);
  prep_assert_matrix (T, 6, 4, want, 0, 0, "transform");
  g_assert_true (lb_estimator_set_param_string (imp, "fill_value", "-2.5", &error));
  g_assert_true (lb_estimator_fit (imp, X, NULL, NULL, &error));
  T2 = lb_estimator_transform (imp, X, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T2, 6, 4, want2, 0, 0, "transform -2.5");
}

static void
test_keep_empty (void)
{
  g_autoptr (LbMatrix) X = x_imp ();
  g_autoptr (LbEstimator) imp = lb_simple_imputer_new (LB_IMPUTER_STRATEGY_MEDIAN);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  /* imputer median keep_empty statistics_: [3.25, 6.0, 3.0, 0.0] */
  static const double stats[] = { 3.25, 6.0, 3.0, 0.0 };

  g_object_set (imp, "keep_empty_features", TRUE, NULL);
  T = lb_estimator_fit_transform (imp, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_close (lb_simple_imputer_get_statistics (LB_SIMPLE_IMPUTER (imp)), stats, 4, 0, 0,
                     "statistics_");
  g_assert_cmpuint (lb_matrix_get_n_cols (T), ==, 4);
  for (gsize i = 0; i < 6; i++)
    g_assert_cmpfloat (LB_MATRIX_AT (T, i, 3), ==, 0.0);
}

static void
test_add_indicator (void)
{
  g_autoptr (LbMatrix) X = x_imp ();
  g_autoptr (LbEstimator) imp = lb_simple_imputer_new (LB_IMPUTER_STRATEGY_MEAN);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  g_autoptr (LbMatrix) X2 = NULL;
  g_autoptr (LbMatrix) T2 = NULL;
  static const char *want_names[] = {
    "a", "b", "c", "missingindicator_a", "missingindicator_b", "missingindicator_c",
    "missingindicator_d", NULL,
  };
  /* imputer mean add_indicator transform */
  static const double want[] = {
    1.0, 4.9, 3.0, 0.0, 1.0, 0.0, 1.0,
    2.5, 5.0, 2.6, 0.0, 0.0, 1.0, 1.0,
    4.375, 7.0, 3.0, 1.0, 0.0, 0.0, 1.0,
    10.0, 6.0, 4.0, 0.0, 0.0, 0.0, 1.0,
    4.375, 0.5, 4.0, 1.0, 0.0, 0.0, 1.0,
    4.0, 6.0, -1.0, 0.0, 0.0, 0.0, 1.0,
  };
  static const double x2[] = { NA, 1.0, NA, 2.0, 3.0, NA, 1.0, NA };
  /* imputer mean add_indicator transform new */
  static const double want2[] = {
    4.375, 1.0, 2.6, 1.0, 0.0, 1.0, 0.0,
    3.0, 4.9, 1.0, 0.0, 1.0, 0.0, 1.0,
  };

  g_object_set (imp, "add_indicator", TRUE, NULL);
  T = lb_estimator_fit_transform (imp, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T, 6, 7, want, 1e-15, 0, "transform");
  prep_assert_names (T, want_names);
  X2 = prep_matrix (2, 4, x2, names_imp);
  T2 = lb_estimator_transform (imp, X2, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T2, 2, 7, want2, 1e-15, 0, "transform new");
}

/* A column of category codes: imputed by category name.
 * imputer text most_frequent: ['b', 'a', 'a', 'b', 'a'] (a tie of a and b -> a)
 * imputer text constant: ['b', 'missing_value', 'a', 'b', 'a'] */
static void
test_categorical (void)
{
  static const double codes[] = { 1, NA, 0, 1, 0 };
  static const char *cats[] = { "a", "b", NULL };
  static const char *cats_other[] = { "b", "c", NULL };
  static const double codes_other[] = { 0, NA };
  g_autoptr (LbMatrix) X = prep_matrix (5, 1, codes, NULL);
  g_autoptr (LbMatrix) X2 = prep_matrix (2, 1, codes_other, NULL);
  g_autoptr (LbEstimator) imp = lb_simple_imputer_new (LB_IMPUTER_STRATEGY_MOST_FREQUENT);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  g_autoptr (LbMatrix) T2 = NULL;
  g_autoptr (LbMatrix) T3 = NULL;
  const char * const *out_cats;
  static const double want[] = { 1, 0, 0, 1, 0 };
  static const double want_const[] = { 1, 2, 0, 1, 0 };
  static const double want2[] = { 0, 2 };

  lb_matrix_set_categories (X, 0, cats);
  lb_matrix_set_categories (X2, 0, cats_other);
  T = lb_estimator_fit_transform (imp, X, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_simple_imputer_get_statistic_name (LB_SIMPLE_IMPUTER (imp), 0), ==, "a");
  prep_assert_matrix (T, 5, 1, want, 0, 0, "most_frequent");
  g_assert_nonnull (lb_matrix_get_categories (T, 0));

  /* a matrix whose categories do not hold "a": it is appended */
  T2 = lb_estimator_transform (imp, X2, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T2, 2, 1, want2, 0, 0, "other categories");
  out_cats = lb_matrix_get_categories (T2, 0);
  g_assert_cmpuint (g_strv_length ((char **) out_cats), ==, 3);
  g_assert_cmpstr (out_cats[2], ==, "a");

  g_object_set (imp, "strategy", LB_IMPUTER_STRATEGY_CONSTANT, NULL);
  T3 = lb_estimator_fit_transform (imp, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T3, 5, 1, want_const, 0, 0, "constant");
  out_cats = lb_matrix_get_categories (T3, 0);
  g_assert_cmpstr (out_cats[2], ==, "missing_value");

  /* mean of categories: an error naming the column and the fix */
  g_object_set (imp, "strategy", LB_IMPUTER_STRATEGY_MEAN, NULL);
  g_assert_false (lb_estimator_fit (imp, X, NULL, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_nonnull (strstr (error->message, "most_frequent"));
}

static void
test_params (void)
{
  g_autoptr (LbEstimator) imp = lb_simple_imputer_new (LB_IMPUTER_STRATEGY_MEAN);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) value = NULL;
  g_autoptr (LbMatrix) X = x_imp ();
  g_autoptr (LbMatrix) X3 = NULL;

  g_assert_true (lb_estimator_set_param_string (imp, "strategy", "most_frequent", &error));
  g_assert_no_error (error);
  value = lb_estimator_get_param (imp, "strategy", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (value), ==, "most_frequent");
  g_assert_false (lb_estimator_set_param_string (imp, "strategy", "mode", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);

  /* transform before fit, and with the wrong number of features */
  g_assert_null (lb_estimator_transform (imp, X, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED);
  g_clear_error (&error);
  g_assert_true (lb_estimator_fit (imp, X, NULL, NULL, &error));
  X3 = lb_matrix_take_cols (X, (const guint[]) { 0, 1, 2 }, 3);
  g_assert_null (lb_estimator_transform (imp, X3, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
}

static void
test_state (void)
{
  g_autoptr (LbMatrix) X = x_imp ();
  g_autoptr (LbEstimator) imp = lb_simple_imputer_new (LB_IMPUTER_STRATEGY_MEDIAN);
  g_autoptr (LbEstimator) copy = NULL;
  g_autoptr (GError) error = NULL;
  static const double codes[] = { 1, NA, 0, 1, 0 };
  static const char *cats[] = { "a", "b", NULL };
  g_autoptr (LbMatrix) C = prep_matrix (5, 1, codes, NULL);
  g_autoptr (LbEstimator) cimp = lb_simple_imputer_new (LB_IMPUTER_STRATEGY_MOST_FREQUENT);
  g_autoptr (LbEstimator) ccopy = NULL;

  g_object_set (imp, "add_indicator", TRUE, NULL);
  g_assert_true (lb_estimator_fit (imp, X, NULL, NULL, &error));
  g_assert_no_error (error);
  copy = prep_round_trip (imp);
  prep_assert_same_transform (imp, copy, X);
  prep_assert_bad_states_fail (imp);

  lb_matrix_set_categories (C, 0, cats);
  g_assert_true (lb_estimator_fit (cimp, C, NULL, NULL, &error));
  ccopy = prep_round_trip (cimp);
  prep_assert_same_transform (cimp, ccopy, C);
  prep_assert_bad_states_fail (cimp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/SimpleImputer/mean", test_mean);
  g_test_add_func ("/learnbench/engine/SimpleImputer/median", test_median);
  g_test_add_func ("/learnbench/engine/SimpleImputer/random-columns", test_median_random);
  g_test_add_func ("/learnbench/engine/SimpleImputer/most-frequent", test_most_frequent);
  g_test_add_func ("/learnbench/engine/SimpleImputer/constant", test_constant);
  g_test_add_func ("/learnbench/engine/SimpleImputer/keep-empty-features", test_keep_empty);
  g_test_add_func ("/learnbench/engine/SimpleImputer/add-indicator", test_add_indicator);
  g_test_add_func ("/learnbench/engine/SimpleImputer/categorical", test_categorical);
  g_test_add_func ("/learnbench/engine/SimpleImputer/params", test_params);
  g_test_add_func ("/learnbench/engine/SimpleImputer/state", test_state);
  return g_test_run ();
}
