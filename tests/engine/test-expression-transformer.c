/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-expression-transformer.c: LbExpressionTransformer, the book's
 * combined attributes. Reference: numpy's division on the same values
 * (/usr/bin/python3 tests/engine/reference/prep-reference.py, lines
 * "combined …"); IEEE division is exact-rounded in both, so compared exactly.
 * One deliberate difference: x / 0 is NaN here (data/lb-expression.h), inf in numpy.
 */
#include "config.h"

#include "prep-test-util.h"

#define NA NAN

/* total_rooms, total_bedrooms, population, households */
static const double X_h[3 * 4] = {
  880.0, 129.0, 322.0, 126.0,
  7099.0, 1106.0, 2401.0, 1138.0,
  1467.0, NA, 496.0, 0.0,
};
static const char *h_names[] = { "total_rooms", "total_bedrooms", "population", "households", NULL };
static const char *book[] = {
  "rooms_per_household = total_rooms / households",
  "population_per_household = population / households",
  "bedrooms_per_room = total_bedrooms / total_rooms",
  NULL,
};

static void
test_book (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (3, 4, X_h, h_names);
  g_autoptr (LbEstimator) et = lb_estimator_new_by_name ("ExpressionTransformer", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;
  g_autoptr (JsonNode) value = NULL;
  static const char *want_names[] = {
    "total_rooms", "total_bedrooms", "population", "households",
    "rooms_per_household", "population_per_household", "bedrooms_per_room", NULL,
  };
  /* combined rooms_per_household / population_per_household / bedrooms_per_room
   * (row 3: households = 0 -> NaN, not inf; missing bedrooms -> NaN) */
  static const double want[] = {
    880.0, 129.0, 322.0, 126.0, 6.984126984126984, 2.5555555555555554, 0.14659090909090908,
    7099.0, 1106.0, 2401.0, 1138.0, 6.238137082601054, 2.109841827768014, 0.15579659106916466,
    1467.0, NA, 496.0, 0.0, NA, NA, NA,
  };

  /* as a project file gives it: a JSON list */
  value = json_from_string ("[\"rooms_per_household = total_rooms / households\","
                            " \"population_per_household = population / households\","
                            " \"bedrooms_per_room = total_bedrooms / total_rooms\"]", &error);
  g_assert_no_error (error);
  g_assert_true (lb_estimator_set_param (et, "expressions", value, &error));
  g_assert_no_error (error);
  T = lb_estimator_fit_transform (et, X, NULL, NULL, &error);
  g_assert_no_error (error);
  prep_assert_matrix (T, 3, 7, want, 0, 0, "combined attributes");
  prep_assert_names (T, want_names);
}

/* Fitted on named columns, it transforms a matrix without names (a bare
 * predict) by position; a later expression may use an earlier one. */
static void
test_positional_and_chained (void)
{
  static const char *exprs[] = { "r = total_rooms / households", "r2 = r * 2", NULL };
  g_autoptr (LbMatrix) X = prep_matrix (3, 4, X_h, h_names);
  g_autoptr (LbMatrix) U = prep_matrix (3, 4, X_h, NULL);
  g_autoptr (LbEstimator) et = lb_expression_transformer_new (exprs);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;

  g_assert_true (lb_estimator_fit (et, X, NULL, NULL, &error));
  g_assert_no_error (error);
  T = lb_estimator_transform (et, U, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_get_n_cols (T), ==, 6);
  g_assert_cmpfloat (LB_MATRIX_AT (T, 0, 4), ==, 880.0 / 126.0);
  g_assert_cmpfloat (LB_MATRIX_AT (T, 0, 5), ==, 880.0 / 126.0 * 2);
  g_assert_cmpstr (lb_matrix_get_column_name (T, 5), ==, "r2");
}

static void
test_errors (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (3, 4, X_h, h_names);
  const struct
  {
    const char *entry;
    const char *in_message;
  } bad[] = {
    { "r = total_room / households", "total_room" },     /* unknown column */
    { "total_rooms / households", "name = expression" }, /* no name */
    { "r = (total_rooms", "expressions[0]" },           /* syntax */
    { "population = total_rooms * 2", "population" },    /* name taken */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *exprs[] = { bad[i].entry, NULL };
      g_autoptr (LbEstimator) et = lb_expression_transformer_new (exprs);
      g_autoptr (GError) error = NULL;

      g_assert_false (lb_estimator_fit (et, X, NULL, NULL, &error));
      g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
      if (strstr (error->message, bad[i].in_message) == NULL)
        g_error ("‘%s’: the message ‘%s’ does not name ‘%s’", bad[i].entry, error->message, bad[i].in_message);
    }
}

static void
test_state (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (3, 4, X_h, h_names);
  g_autoptr (LbEstimator) et = lb_expression_transformer_new (book);
  g_autoptr (LbEstimator) copy = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (lb_estimator_fit (et, X, NULL, NULL, &error));
  g_assert_no_error (error);
  copy = prep_round_trip (et);
  prep_assert_same_transform (et, copy, X);
  prep_assert_bad_states_fail (et);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/ExpressionTransformer/book", test_book);
  g_test_add_func ("/learnbench/engine/ExpressionTransformer/positional-chained", test_positional_and_chained);
  g_test_add_func ("/learnbench/engine/ExpressionTransformer/errors", test_errors);
  g_test_add_func ("/learnbench/engine/ExpressionTransformer/state", test_state);
  return g_test_run ();
}
