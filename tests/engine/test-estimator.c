/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-estimator.c: the LbEstimator contract through three tiny estimators with
 * closed-form results (tests/engine/lb-test-estimators.h): validation in the
 * wrappers, classes from y, parameters by name (JSON, text, ranges, nesting),
 * clone, learned state round trips, cancellation at entry and the registry.
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"
#include "lb-test-estimators.h"

static LbMatrix *
make_matrix (gsize n, gsize p, const double *v)
{
  return lb_matrix_new_from_data (n, p, v);
}

/* X: (4, 2), y = 2·x0 + 1 */
static const double X4[] = { 1, 10, 2, 20, 3, 30, 4, 40 };
static const double Y4[] = { 3, 5, 7, 9 };

static void
test_fit_predict (void)
{
  g_autoptr(LbEstimator) est = g_object_new (LB_TYPE_TEST_SLOPE, "slope", 2.0, NULL);
  g_autoptr(LbMatrix) X = make_matrix (4, 2, X4);
  g_autoptr(LbMatrix) y = make_matrix (4, 1, Y4);
  g_autoptr(LbMatrix) pred = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (lb_estimator_is_fitted (est));
  g_assert_true (lb_estimator_is_regressor (est));
  g_assert_false (lb_estimator_is_classifier (est));
  g_assert_cmpstr (lb_estimator_get_name (est), ==, "TestSlope");

  pred = lb_estimator_predict (est, X, &error);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED);
  g_assert_null (pred);
  g_clear_error (&error);

  g_assert_true (lb_estimator_fit (est, X, y, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lb_estimator_is_fitted (est));
  g_assert_cmpuint (lb_estimator_get_n_features_in (est), ==, 2);
  pred = lb_estimator_predict (est, X, &error);
  g_assert_no_error (error);
  /* mean y = 6, mean x0 = 2.5: 6 + 2·(x0 - 2.5) = y exactly (small integers: exact in binary) */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (lb_matrix_get_const_data (pred)[i], ==, Y4[i]);

  /* transform is not supported on a regressor */
  g_assert_null (lb_estimator_transform (est, X, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED);
}

static void
test_validation (void)
{
  g_autoptr(LbEstimator) est = g_object_new (LB_TYPE_TEST_SLOPE, NULL);
  g_autoptr(LbMatrix) X = make_matrix (4, 2, X4);
  g_autoptr(LbMatrix) y = make_matrix (4, 1, Y4);
  g_autoptr(LbMatrix) y3 = make_matrix (3, 1, Y4);
  g_autoptr(LbMatrix) Xnan = lb_matrix_copy (X);
  g_autoptr(LbMatrix) X1 = make_matrix (4, 1, Y4);
  g_autoptr(LbMatrix) empty = lb_matrix_new (0, 2);
  g_autoptr(GError) error = NULL;

  g_assert_false (lb_estimator_fit (est, X, NULL, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_false (lb_estimator_fit (est, X, y3, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "4 rows but y has 3"));
  g_clear_error (&error);

  LB_MATRIX_AT (Xnan, 2, 1) = NAN;
  g_assert_false (lb_estimator_fit (est, Xnan, y, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "row 3"));
  g_clear_error (&error);

  g_assert_false (lb_estimator_fit (est, empty, NULL, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* check_params runs before learning */
  g_assert_true (lb_estimator_set_param_string (est, "slope", "13", &error));
  g_assert_false (lb_estimator_fit (est, X, y, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);
  g_assert_false (lb_estimator_is_fitted (est));
  g_assert_true (lb_estimator_set_param_string (est, "slope", "1", &error));

  g_assert_true (lb_estimator_fit (est, X, y, NULL, &error));
  g_assert_null (lb_estimator_predict (est, X1, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "X has 1 features, the model was fitted with 2");
  g_clear_error (&error);
  g_assert_null (lb_estimator_predict (est, Xnan, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Bad input is refused before anything changes (as scikit-learn: the
   * previous fit stays usable); a failure while learning unfits it. */
  g_assert_false (lb_estimator_fit (est, Xnan, y, NULL, &error));
  g_assert_true (lb_estimator_is_fitted (est));
}

static void
test_allow_nan (void)
{
  g_autoptr(LbEstimator) est = g_object_new (LB_TYPE_TEST_CENTER, NULL);
  const double v[] = { 1, NAN, 3, 4, 5, 8 };  /* (3, 2) */
  g_autoptr(LbMatrix) X = make_matrix (3, 2, v);
  const char *names[] = { "a", "b", NULL };
  g_autoptr(LbMatrix) out = NULL;
  g_autoptr(GError) error = NULL;

  lb_matrix_set_column_names (X, names);
  g_assert_true (lb_estimator_fit (est, X, NULL, NULL, &error));
  g_assert_no_error (error);
  out = lb_estimator_transform (est, X, &error);
  g_assert_no_error (error);
  /* means: a = 3, b = (4 + 8) / 2 = 6 */
  g_assert_cmpfloat (LB_MATRIX_AT (out, 0, 0), ==, -2);
  g_assert_true (isnan (LB_MATRIX_AT (out, 0, 1)));
  g_assert_cmpfloat (LB_MATRIX_AT (out, 2, 1), ==, 2);
  g_assert_cmpstr (lb_matrix_get_column_name (out, 1), ==, "b");
  g_assert_cmpstr (lb_estimator_get_feature_names_in (est)[0], ==, "a");

  /* ±Inf is refused even where NaN is allowed */
  LB_MATRIX_AT (X, 1, 1) = INFINITY;
  g_assert_false (lb_estimator_fit (est, X, NULL, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
}

static void
test_classes (void)
{
  g_autoptr(LbEstimator) est = g_object_new (LB_TYPE_TEST_CENTROID, NULL);
  const double xv[] = { 0, 0.1, 5, 5.2, 10, 9.8 };
  const double yv[] = { 7, 7, 2.5, 2.5, 7, 7 };   /* numeric labels */
  g_autoptr(LbMatrix) X = make_matrix (6, 1, xv);
  g_autoptr(LbMatrix) y = make_matrix (6, 1, yv);
  g_autoptr(LbMatrix) pred = NULL;
  g_autoptr(LbMatrix) coded = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *classes;

  g_assert_true (lb_estimator_fit (est, X, y, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lb_estimator_get_n_classes (est), ==, 2);
  classes = lb_estimator_get_classes (est);
  g_assert_cmpstr (classes[0], ==, "2.5");
  g_assert_cmpstr (classes[1], ==, "7");
  pred = lb_estimator_predict (est, X, &error);
  g_assert_no_error (error);
  /* centroids: "2.5" → 5.1, "7" → 4.975 (mean of 0, 0.1, 10, 9.8): 5.2 is
   * nearer 5.1, 5.0 nearer 4.975 */
  g_assert_cmpfloat (LB_MATRIX_AT (pred, 3, 0), ==, 0);
  g_assert_cmpfloat (LB_MATRIX_AT (pred, 2, 0), ==, 1);
  g_assert_cmpstr (lb_matrix_get_categories (pred, 0)[1], ==, "7");

  coded = lb_estimator_encode_y (est, y, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (LB_MATRIX_AT (coded, 0, 0), ==, 1);
  g_assert_cmpfloat (LB_MATRIX_AT (coded, 2, 0), ==, 0);
  g_clear_pointer (&coded, lb_matrix_unref);

  /* categories: only the present ones become classes, in category order */
  {
    const char *cats[] = { "cat", "dog", "eel", NULL };
    const double cv[] = { 2, 2, 0, 0, 2, 2 };
    g_autoptr(LbMatrix) yc = make_matrix (6, 1, cv);

    lb_matrix_set_categories (yc, 0, cats);
    g_assert_true (lb_estimator_fit (est, X, yc, NULL, &error));
    g_assert_cmpuint (lb_estimator_get_n_classes (est), ==, 2);
    g_assert_cmpstr (lb_estimator_get_classes (est)[0], ==, "cat");
    g_assert_cmpstr (lb_estimator_get_classes (est)[1], ==, "eel");
    coded = lb_estimator_encode_y (est, yc, &error);
    g_assert_cmpfloat (LB_MATRIX_AT (coded, 0, 0), ==, 1);
    g_assert_cmpfloat (LB_MATRIX_AT (coded, 2, 0), ==, 0);
    g_clear_pointer (&coded, lb_matrix_unref);

    /* "dog" is unknown to the model: NaN */
    LB_MATRIX_AT (yc, 0, 0) = 1;
    coded = lb_estimator_encode_y (est, yc, &error);
    g_assert_true (isnan (LB_MATRIX_AT (coded, 0, 0)));
  }

  /* one class only */
  {
    const double one[] = { 1, 1, 1, 1, 1, 1 };
    g_autoptr(LbMatrix) y1 = make_matrix (6, 1, one);

    g_assert_false (lb_estimator_fit (est, X, y1, NULL, &error));
    g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
    g_assert_cmpstr (error->message, ==,
                     "y has only one class (‘1’): a classifier needs at least two");
  }
}

static void
test_params (void)
{
  g_autoptr(LbEstimator) est = g_object_new (LB_TYPE_TEST_SLOPE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(JsonNode) one = NULL;
  g_autoptr(JsonNode) value = NULL;
  JsonObject *object;
  double slope;

  params = lb_estimator_get_params (est);
  object = json_node_get_object (params);
  g_assert_cmpfloat (json_object_get_double_member (object, "slope"), ==, 1.0);
  g_assert_cmpint (json_object_get_int_member (object, "max_iter"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (object, "mode"), ==, "plain");
  g_assert_true (json_object_get_null_member (object, "label"));

  g_assert_true (lb_estimator_set_param_string (est, "max_iter", "7", &error));
  g_assert_true (lb_estimator_set_param_string (est, "max-iter", "8", &error));
  g_assert_true (lb_estimator_set_param_string (est, "mode", "half", &error));
  g_assert_true (lb_estimator_set_param_string (est, "slope", "0.25", &error));
  g_assert_no_error (error);
  g_object_get (est, "slope", &slope, NULL);
  g_assert_cmpfloat (slope, ==, 0.25);
  one = lb_estimator_get_param (est, "max_iter", &error);
  g_assert_cmpint (json_node_get_int (one), ==, 8);

  /* range errors name the parameter, the bound and the value */
  g_assert_false (lb_estimator_set_param_string (est, "slope", "-1", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_cmpstr (error->message, ==, "slope must be >= 0 (got -1)");
  g_clear_error (&error);
  g_assert_false (lb_estimator_set_param_string (est, "max_iter", "2.5", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);
  g_assert_false (lb_estimator_set_param_string (est, "max_iter", "1001", &error));
  g_assert_cmpstr (error->message, ==, "max_iter must be <= 1000 (got 1001)");
  g_clear_error (&error);
  g_assert_false (lb_estimator_set_param_string (est, "mode", "double", &error));
  g_assert_cmpstr (error->message, ==, "mode must be one of ‘plain’, ‘half’ (got ‘double’)");
  g_clear_error (&error);
  g_assert_false (lb_estimator_set_param_string (est, "alpha", "1", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_false (lb_estimator_set_param_string (est, "slope", "abc", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);
  g_object_get (est, "slope", &slope, NULL);
  g_assert_cmpfloat (slope, ==, 0.25);  /* unchanged by the failures */

  /* JSON values: ints for doubles, strings for numbers, null for strings */
  value = json_from_string ("{\"slope\": 3, \"max_iter\": \"9\", \"label\": \"hi\", \"mode\": \"plain\"}", NULL);
  g_assert_true (lb_estimator_set_params (est, json_node_get_object (value), &error));
  g_assert_no_error (error);
  g_clear_pointer (&params, json_node_unref);
  params = lb_estimator_get_params (est);
  object = json_node_get_object (params);
  g_assert_cmpfloat (json_object_get_double_member (object, "slope"), ==, 3.0);
  g_assert_cmpint (json_object_get_int_member (object, "max_iter"), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (object, "label"), ==, "hi");
  g_clear_pointer (&value, json_node_unref);
  value = json_from_string ("{\"max_iter\": true}", NULL);
  g_assert_false (lb_estimator_set_params (est, json_node_get_object (value), &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
}

static void
test_clone (void)
{
  g_autoptr(LbEstimator) est = g_object_new (LB_TYPE_TEST_SLOPE, "slope", 4.5, "label", "x", NULL);
  g_autoptr(LbEstimator) copy = NULL;
  g_autoptr(LbMatrix) X = make_matrix (4, 2, X4);
  g_autoptr(LbMatrix) y = make_matrix (4, 1, Y4);
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  g_assert_true (lb_estimator_fit (est, X, y, NULL, NULL));
  copy = lb_estimator_clone (est);
  g_assert_true (G_OBJECT_TYPE (copy) == LB_TYPE_TEST_SLOPE);
  g_assert_false (lb_estimator_is_fitted (copy));
  a = lb_estimator_get_params (est);
  b = lb_estimator_get_params (copy);
  g_assert_true (json_node_equal (a, b));
}

static void
test_state (void)
{
  g_autoptr(LbEstimator) est = g_object_new (LB_TYPE_TEST_CENTROID, NULL);
  g_autoptr(LbEstimator) other = g_object_new (LB_TYPE_TEST_CENTROID, NULL);
  const double xv[] = { 0.1, 0, 0.3, 1, 1, 1.1, 2, 2.2, 2.1 };  /* (3, 3) */
  const double yv[] = { 0, 1, 2 };
  const char *cats[] = { "a", "b", "c", NULL };
  g_autoptr(LbMatrix) X = make_matrix (3, 3, xv);
  g_autoptr(LbMatrix) y = make_matrix (3, 1, yv);
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(LbMatrix) p1 = NULL;
  g_autoptr(LbMatrix) p2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  lb_matrix_set_categories (y, 0, cats);
  state = lb_estimator_save_state (est, &error);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED);
  g_assert_null (state);
  g_clear_error (&error);

  g_assert_true (lb_estimator_fit (est, X, y, NULL, &error));
  state = lb_estimator_save_state (est, &error);
  g_assert_no_error (error);
  g_assert_true (lb_estimator_load_state (other, state, &error));
  g_assert_no_error (error);
  g_assert_true (lb_estimator_is_fitted (other));
  g_assert_cmpstr (lb_estimator_get_classes (other)[2], ==, "c");
  p1 = lb_estimator_predict (est, X, &error);
  p2 = lb_estimator_predict (other, X, &error);
  g_assert_cmpmem (lb_matrix_get_const_data (p1), 3 * sizeof (double),
                   lb_matrix_get_const_data (p2), 3 * sizeof (double));

  /* a truncated payload is a FILE error and leaves the model unfitted */
  text = json_to_string (state, FALSE);
  {
    JsonObject *model;

    bad = json_node_copy (state);
    model = json_object_get_object_member (json_node_get_object (bad), "model");
    json_object_set_string_member (model, "data", "AAAAAAAAAAA=");
  }
  g_assert_false (lb_estimator_load_state (other, bad, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
  g_assert_false (lb_estimator_is_fitted (other));
  g_clear_error (&error);
  g_clear_pointer (&bad, json_node_unref);

  /* a hostile shape (rows × cols far beyond the data) is refused before allocating */
  bad = json_node_copy (state);
  {
    JsonObject *model = json_object_get_object_member (json_node_get_object (bad), "model");

    json_object_set_int_member (model, "rows", G_MAXINT32);
    json_object_set_int_member (model, "cols", G_MAXINT32);
  }
  g_assert_false (lb_estimator_load_state (other, bad, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
  g_clear_error (&error);
  g_clear_pointer (&bad, json_node_unref);

  bad = json_from_string ("{\"n_features_in\": -3, \"model\": 1}", NULL);
  g_assert_false (lb_estimator_load_state (other, bad, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
}

static void
test_state_doubles (void)
{
  const double v[] = { 0.1, -0.0, 1e-310, NAN, INFINITY, -1.7976931348623157e308, G_PI };
  double back[G_N_ELEMENTS (v)];
  g_autoptr(JsonNode) node = lb_state_from_doubles (v, G_N_ELEMENTS (v));
  g_autoptr(GError) error = NULL;

  g_assert_true (lb_state_to_doubles (node, back, G_N_ELEMENTS (v), "v", &error));
  /* bit-exact, NaN and the sign of zero included */
  g_assert_cmpmem (v, sizeof v, back, sizeof back);
  g_assert_false (lb_state_to_doubles (node, back, 3, "v", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
}

static void
test_cancel (void)
{
  g_autoptr(LbEstimator) est = g_object_new (LB_TYPE_TEST_SLOPE, NULL);
  g_autoptr(LbMatrix) X = make_matrix (4, 2, X4);
  g_autoptr(LbMatrix) y = make_matrix (4, 1, Y4);
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  lb_fit_context_set_cancellable (ctx, cancellable);
  g_cancellable_cancel (cancellable);
  g_assert_false (lb_estimator_fit (est, X, y, ctx, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (lb_estimator_is_fitted (est));
}

/* Runs before test_registry registers the test types: clone and JSON of an
 * unregistered subclass go through its GType name. */
static void
test_unregistered (void)
{
  g_autoptr(LbPipeline) pipe = lb_pipeline_new ();
  g_autoptr(LbEstimator) center = g_object_new (LB_TYPE_TEST_CENTER, "with-mean", FALSE, NULL);
  g_autoptr(LbEstimator) copy = NULL;
  g_autoptr(JsonNode) spec = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  g_assert_true (lb_estimator_lookup ("TestCenter") == G_TYPE_INVALID);
  spec = lb_estimator_to_json (center);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (spec), "estimator"), ==,
                   "LbTestCenter");
  g_assert_true (lb_pipeline_append (pipe, "c", center, NULL));
  copy = lb_estimator_clone (LB_ESTIMATOR (pipe));
  a = lb_estimator_get_params (LB_ESTIMATOR (pipe));
  b = lb_estimator_get_params (copy);
  g_assert_true (json_node_equal (a, b));
  g_assert_true (G_OBJECT_TYPE (lb_pipeline_get_step (LB_PIPELINE (copy), 0)) == LB_TYPE_TEST_CENTER);
}

static void
test_registry (void)
{
  g_autoptr(GArray) types = NULL;
  g_autoptr(LbEstimator) est = NULL;
  g_autoptr(JsonNode) spec = NULL;
  g_autoptr(GError) error = NULL;
  double slope;

  lb_test_estimators_register ();
  g_assert_true (lb_estimator_lookup ("TestSlope") == LB_TYPE_TEST_SLOPE);
  g_assert_true (lb_estimator_lookup ("NoSuchThing") == G_TYPE_INVALID);
  g_assert_null (lb_estimator_new_by_name ("NoSuchThing", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN);
  g_clear_error (&error);

  types = lb_estimator_list_registered ();
  g_assert_cmpuint (types->len, >=, 3);
  for (guint i = 1; i < types->len; i++)
    {
      LbEstimatorClass *a = g_type_class_peek (g_array_index (types, GType, i - 1));
      LbEstimatorClass *b = g_type_class_peek (g_array_index (types, GType, i));

      g_assert_cmpint (strcmp (a->name, b->name), <, 0);
    }

  spec = json_from_string ("{\"estimator\": \"TestSlope\", \"params\": {\"slope\": 2}}", NULL);
  est = lb_estimator_new_from_json (spec, &error);
  g_assert_no_error (error);
  g_object_get (est, "slope", &slope, NULL);
  g_assert_cmpfloat (slope, ==, 2);
  {
    g_autoptr(JsonNode) back = lb_estimator_to_json (est);
    g_autoptr(LbEstimator) again = lb_estimator_new_from_json (back, &error);
    g_autoptr(JsonNode) p1 = lb_estimator_get_params (est);
    g_autoptr(JsonNode) p2 = lb_estimator_get_params (again);

    g_assert_no_error (error);
    g_assert_true (json_node_equal (p1, p2));
  }
  g_clear_pointer (&spec, json_node_unref);
  spec = json_from_string ("{\"estimator\": \"TestSlope\", \"params\": {\"slope\": -2}}", NULL);
  g_assert_null (lb_estimator_new_from_json (spec, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_cmpstr (error->message, ==, "params: slope must be >= 0 (got -2)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/Estimator/fit-predict", test_fit_predict);
  g_test_add_func ("/learnbench/engine/Estimator/validation", test_validation);
  g_test_add_func ("/learnbench/engine/Estimator/allow-nan", test_allow_nan);
  g_test_add_func ("/learnbench/engine/Estimator/classes", test_classes);
  g_test_add_func ("/learnbench/engine/Estimator/params", test_params);
  g_test_add_func ("/learnbench/engine/Estimator/clone", test_clone);
  g_test_add_func ("/learnbench/engine/Estimator/state", test_state);
  g_test_add_func ("/learnbench/engine/Estimator/state-doubles", test_state_doubles);
  g_test_add_func ("/learnbench/engine/Estimator/cancel", test_cancel);
  g_test_add_func ("/learnbench/engine/Estimator/unregistered", test_unregistered);
  g_test_add_func ("/learnbench/engine/Estimator/registry", test_registry);
  return g_test_run ();
}
