/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-column-transformer.c: LbColumnTransformer — groups by column name,
 * output order and names ("group__column"), remainder drop / passthrough,
 * columns found by name at transform, missing columns, parameters of groups,
 * JSON in, learned state, and scikit-learn's numbers for
 * ColumnTransformer([StandardScaler on b, a], [OneHotEncoder on c], remainder passthrough).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-test-estimators.h"

/* a, b, c (categories x y z), d — the table of pipeline_reference.py */
static LbMatrix *
make_X (void)
{
  const double v[] = { 1, 5, 0, 9,
                       2, 3, 1, 8,
                       4, 1, 0, 7,
                       8, 0.5, 2, 6 };
  const char *names[] = { "a", "b", "c", "d", NULL };
  const char *cats[] = { "x", "y", "z", NULL };
  LbMatrix *X = lb_matrix_new_from_data (4, 4, v);

  lb_matrix_set_column_names (X, names);
  lb_matrix_set_categories (X, 2, cats);
  return X;
}

static LbColumnTransformer *
make_center_ct (gboolean passthrough)
{
  LbColumnTransformer *ct = lb_column_transformer_new ();
  g_autoptr(LbEstimator) center = g_object_new (LB_TYPE_TEST_CENTER, NULL);
  const char *cols[] = { "d", "a" };
  const char *keep[] = { "b" };

  g_assert_true (lb_column_transformer_add_group (ct, "ctr", cols, 2, center, NULL));
  g_assert_true (lb_column_transformer_add_group (ct, "keep", keep, 1, NULL, NULL));
  lb_column_transformer_set_remainder_passthrough (ct, passthrough);
  return ct;
}

static void
test_groups (void)
{
  g_autoptr(LbColumnTransformer) ct = make_center_ct (FALSE);
  g_autoptr(LbMatrix) X = make_X ();
  g_autoptr(LbMatrix) out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lb_estimator_is_transformer (LB_ESTIMATOR (ct)));
  g_assert_cmpuint (lb_column_transformer_get_n_groups (ct), ==, 2);
  g_assert_cmpstr (lb_column_transformer_get_group_columns (ct, 0)[1], ==, "a");
  g_assert_null (lb_column_transformer_get_group_transformer (ct, 1));
  out = lb_estimator_fit_transform (LB_ESTIMATOR (ct), X, NULL, NULL, &error);
  g_assert_no_error (error);
  /* d - 7.5, a - 3.75, then b as is; c dropped (remainder drop) */
  g_assert_cmpuint (lb_matrix_get_n_cols (out), ==, 3);
  g_assert_cmpfloat (LB_MATRIX_AT (out, 0, 0), ==, 1.5);
  g_assert_cmpfloat (LB_MATRIX_AT (out, 3, 1), ==, 4.25);
  g_assert_cmpfloat (LB_MATRIX_AT (out, 3, 2), ==, 0.5);
  g_assert_cmpstr (lb_matrix_get_column_name (out, 0), ==, "ctr__d");
  g_assert_cmpstr (lb_matrix_get_column_name (out, 2), ==, "keep__b");
}

static void
test_remainder (void)
{
  g_autoptr(LbColumnTransformer) ct = make_center_ct (TRUE);
  g_autoptr(LbMatrix) X = make_X ();
  g_autoptr(LbMatrix) out = NULL;
  g_autoptr(LbMatrix) shuffled = NULL;
  g_autoptr(LbMatrix) out2 = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  const char *in_names[] = { "a", "b", "c", "d", NULL };
  const guint order[] = { 3, 1, 0, 2 };  /* d b a c: groups found by name */

  out = lb_estimator_fit_transform (LB_ESTIMATOR (ct), X, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_get_n_cols (out), ==, 4);
  g_assert_cmpstr (lb_matrix_get_column_name (out, 3), ==, "remainder__c");
  g_assert_cmpfloat (LB_MATRIX_AT (out, 3, 3), ==, 2);
  /* the category names travel with the passed-through column */
  g_assert_cmpstr (lb_matrix_get_categories (out, 3)[2], ==, "z");
  names = lb_estimator_get_feature_names_out (LB_ESTIMATOR (ct), in_names, 4);
  g_assert_cmpuint (g_strv_length (names), ==, 4);
  g_assert_cmpstr (names[1], ==, "ctr__a");
  g_assert_cmpstr (names[3], ==, "remainder__c");

  /* the same columns in another order: groups still find theirs, but the
   * remainder must keep its place */
  shuffled = lb_matrix_take_cols (X, order, 4);
  out2 = lb_estimator_transform (LB_ESTIMATOR (ct), shuffled, &error);
  g_assert_null (out2);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  lb_column_transformer_set_remainder_passthrough (ct, FALSE);
  g_assert_true (lb_estimator_fit (LB_ESTIMATOR (ct), X, NULL, NULL, &error));
  out2 = lb_estimator_transform (LB_ESTIMATOR (ct), shuffled, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < 3; j++)
      g_assert_cmpfloat (LB_MATRIX_AT (out2, i, j), ==, LB_MATRIX_AT (out, i, j));
}

static void
test_missing_column (void)
{
  g_autoptr(LbColumnTransformer) ct = lb_column_transformer_new ();
  g_autoptr(LbEstimator) center = g_object_new (LB_TYPE_TEST_CENTER, NULL);
  const char *cols[] = { "a", "zz" };
  g_autoptr(LbMatrix) X = make_X ();
  g_autoptr(GError) error = NULL;

  g_assert_true (lb_column_transformer_add_group (ct, "g", cols, 2, center, NULL));
  g_assert_false (lb_estimator_fit (LB_ESTIMATOR (ct), X, NULL, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "Column group ‘g’: there is no column ‘zz’ in the data");
  g_clear_error (&error);
  g_assert_false (lb_column_transformer_add_group (ct, "g", cols, 1, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
}

static void
test_params_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) spec = json_from_string (
    "{\"transformers\": [{\"name\": \"num\", \"columns\": [\"a\", \"d\"], \"estimator\": \"TestCenter\","
    "                     \"params\": {\"with_mean\": false}},"
    "                    {\"name\": \"skip\", \"columns\": [\"b\"], \"estimator\": \"drop\"}],"
    " \"remainder\": \"passthrough\", \"verbose_feature_names_out\": false}", &error);
  g_autoptr(LbColumnTransformer) ct = NULL;
  g_autoptr(LbEstimator) copy = NULL;
  g_autoptr(LbMatrix) X = make_X ();
  g_autoptr(LbMatrix) out = NULL;
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(JsonNode) bad = NULL;

  ct = lb_column_transformer_new_from_json (spec, &error);
  g_assert_no_error (error);
  out = lb_estimator_fit_transform (LB_ESTIMATOR (ct), X, NULL, NULL, &error);
  g_assert_no_error (error);
  /* a, d unchanged (with_mean false), b dropped, c passed through */
  g_assert_cmpuint (lb_matrix_get_n_cols (out), ==, 3);
  g_assert_cmpfloat (LB_MATRIX_AT (out, 3, 0), ==, 8);
  g_assert_cmpstr (lb_matrix_get_column_name (out, 1), ==, "d");
  g_assert_cmpstr (lb_matrix_get_column_name (out, 2), ==, "c");

  g_assert_true (lb_estimator_set_param_string (LB_ESTIMATOR (ct), "num__with_mean", "true", &error));
  value = lb_estimator_get_param (LB_ESTIMATOR (ct), "transformers.num.with_mean", &error);
  g_assert_no_error (error);
  g_assert_true (json_node_get_boolean (value));

  g_assert_true (lb_estimator_set_param_string (LB_ESTIMATOR (ct), "num", "TestCentroid", &error));
  g_assert_true (G_OBJECT_TYPE (lb_column_transformer_get_group_transformer (ct, 0)) == LB_TYPE_TEST_CENTROID);
  g_assert_true (lb_estimator_set_param_string (LB_ESTIMATOR (ct), "transformers.num",
                                                "{\"estimator\": \"TestCenter\", \"params\": {\"with_mean\": false}}",
                                                &error));
  g_assert_no_error (error);
  g_assert_false (lb_estimator_is_fitted (LB_ESTIMATOR (ct)));

  copy = lb_estimator_clone (LB_ESTIMATOR (ct));
  {
    g_autoptr(JsonNode) a = lb_estimator_get_params (LB_ESTIMATOR (ct));
    g_autoptr(JsonNode) b = lb_estimator_get_params (copy);

    g_assert_true (json_node_equal (a, b));
  }

  bad = json_from_string ("[{\"name\": \"num\", \"columns\": [\"a\", 3], \"estimator\": \"TestCenter\"}]", NULL);
  g_assert_null (lb_column_transformer_new_from_json (bad, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_cmpstr (error->message, ==, "transformers[0] (num): columns[1] is not a name");
}

static void
test_state (void)
{
  g_autoptr(LbColumnTransformer) ct = make_center_ct (TRUE);
  g_autoptr(LbMatrix) X = make_X ();
  g_autoptr(LbMatrix) out = NULL;
  g_autoptr(LbMatrix) out2 = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(LbEstimator) loaded = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *model;

  out = lb_estimator_fit_transform (LB_ESTIMATOR (ct), X, NULL, NULL, &error);
  state = lb_estimator_save_state (LB_ESTIMATOR (ct), &error);
  g_assert_no_error (error);
  loaded = lb_estimator_clone (LB_ESTIMATOR (ct));
  g_assert_true (lb_estimator_load_state (loaded, state, &error));
  g_assert_no_error (error);
  out2 = lb_estimator_transform (loaded, X, &error);
  g_assert_cmpmem (lb_matrix_get_const_data (out), 16 * sizeof (double),
                   lb_matrix_get_const_data (out2), 16 * sizeof (double));

  /* a column index outside the input is a FILE error */
  model = json_object_get_object_member (json_node_get_object (state), "model");
  json_array_add_int_element (json_object_get_array_member (model, "remainder"), 17);
  g_assert_false (lb_estimator_load_state (loaded, state, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
  g_assert_false (lb_estimator_is_fitted (loaded));
}

/* scikit-learn 1.2.1 (tests/engine/reference/pipeline_reference.py):
 * ColumnTransformer([("num", StandardScaler(), ["b", "a"]), ("cat", OneHotEncoder(), ["c"])],
 *                   remainder="passthrough") */
static void
test_sklearn (void)
{
  const double expected[4][6] = {
    { 1.4739110533215525, -1.025755289064345, 1, 0, 0, 9 },
    { 0.3509312031717982, -0.6527533657682196, 0, 1, 0, 8 },
    { -0.772048646977956, 0.09325048082403138, 1, 0, 0, 7 },
    { -1.0527936095153947, 1.5852581740085334, 0, 0, 1, 6 },
  };
  g_autoptr(JsonNode) spec = json_from_string (
    "{\"transformers\": [{\"name\": \"num\", \"columns\": [\"b\", \"a\"], \"estimator\": \"StandardScaler\"},"
    "                    {\"name\": \"cat\", \"columns\": [\"c\"], \"estimator\": \"OneHotEncoder\"}],"
    " \"remainder\": \"passthrough\"}", NULL);
  g_autoptr(LbColumnTransformer) ct = NULL;
  g_autoptr(LbMatrix) X = make_X ();
  g_autoptr(LbMatrix) out = NULL;
  g_autoptr(GError) error = NULL;

  if (lb_estimator_lookup ("StandardScaler") == G_TYPE_INVALID ||
      lb_estimator_lookup ("OneHotEncoder") == G_TYPE_INVALID)
    {
      g_test_skip ("StandardScaler or OneHotEncoder is not built");
      return;
    }
  ct = lb_column_transformer_new_from_json (spec, &error);
  g_assert_no_error (error);
  out = lb_estimator_fit_transform (LB_ESTIMATOR (ct), X, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_get_n_cols (out), ==, 6);
  /* (x - mean) / population std of 4 values: a few roundings, 1e-14 relative */
  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < 6; j++)
      g_assert_cmpfloat_with_epsilon (LB_MATRIX_AT (out, i, j), expected[i][j],
                                      1e-14 * MAX (1.0, fabs (expected[i][j])));
  g_assert_cmpstr (lb_matrix_get_column_name (out, 0), ==, "num__b");
  g_assert_cmpstr (lb_matrix_get_column_name (out, 5), ==, "remainder__d");
  /* scikit-learn says "cat__c_y"; our one-hot names are "column=value" */
  g_assert_cmpstr (lb_matrix_get_column_name (out, 3), ==, "cat__c=y");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lb_test_estimators_register ();
  g_test_add_func ("/learnbench/engine/ColumnTransformer/groups", test_groups);
  g_test_add_func ("/learnbench/engine/ColumnTransformer/remainder", test_remainder);
  g_test_add_func ("/learnbench/engine/ColumnTransformer/missing-column", test_missing_column);
  g_test_add_func ("/learnbench/engine/ColumnTransformer/params-json", test_params_json);
  g_test_add_func ("/learnbench/engine/ColumnTransformer/state", test_state);
  g_test_add_func ("/learnbench/engine/ColumnTransformer/sklearn", test_sklearn);
  return g_test_run ();
}
