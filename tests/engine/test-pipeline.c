/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-pipeline.c: LbPipeline — fit/predict/transform through the steps
 * (closed form with the test estimators, and scikit-learn's numbers for
 * imputer → scaler → LinearRegression), nested parameters ("steps.a.b" and
 * "a__b"), steps in get_params / clone, step names, flags, errors naming the
 * step, JSON in and out, progress events.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-test-estimators.h"

/* X: (4, 2), y = 2·x0 + 1 */
static const double X4[] = { 1, 10, 2, 20, 3, 30, 4, 40 };
static const double Y4[] = { 3, 5, 7, 9 };

static LbPipeline *
make_center_slope (double slope)
{
  LbPipeline *pipe = lb_pipeline_new ();
  g_autoptr(LbEstimator) center = g_object_new (LB_TYPE_TEST_CENTER, NULL);
  g_autoptr(LbEstimator) model = g_object_new (LB_TYPE_TEST_SLOPE, "slope", slope, NULL);

  g_assert_true (lb_pipeline_append (pipe, "center", center, NULL));
  g_assert_true (lb_pipeline_append (pipe, "model", model, NULL));
  return pipe;
}

static void
test_fit_predict (void)
{
  g_autoptr(LbPipeline) pipe = make_center_slope (2.0);
  g_autoptr(LbMatrix) X = lb_matrix_new_from_data (4, 2, X4);
  g_autoptr(LbMatrix) y = lb_matrix_new_from_data (4, 1, Y4);
  g_autoptr(LbMatrix) pred = NULL;
  g_autoptr(LbMatrix) inner = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (lb_pipeline_get_n_steps (pipe), ==, 2);
  g_assert_cmpstr (lb_pipeline_get_step_name (pipe, 1), ==, "model");
  g_assert_true (lb_estimator_is_regressor (LB_ESTIMATOR (pipe)));
  g_assert_false (lb_estimator_is_transformer (LB_ESTIMATOR (pipe)));
  g_assert_true (lb_estimator_get_flags (LB_ESTIMATOR (pipe)) & LB_ESTIMATOR_ALLOW_NAN);
  g_assert_true (lb_estimator_get_flags (LB_ESTIMATOR (pipe)) & LB_ESTIMATOR_NEEDS_Y);

  g_assert_true (lb_estimator_fit (LB_ESTIMATOR (pipe), X, y, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lb_estimator_is_fitted (lb_pipeline_get_step (pipe, 0)));
  g_assert_true (lb_estimator_is_fitted (lb_pipeline_get_final_step (pipe)));
  pred = lb_estimator_predict (LB_ESTIMATOR (pipe), X, &error);
  g_assert_no_error (error);
  /* centring does not change a slope on x0: ŷ = 6 + 2·(x0 - 2.5) = y, exact in binary */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (LB_MATRIX_AT (pred, i, 0), ==, Y4[i]);

  /* what the model saw: X centred (means 2.5 and 25) */
  inner = lb_pipeline_transform_to_final (pipe, X, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (LB_MATRIX_AT (inner, 0, 0), ==, -1.5);
  g_assert_cmpfloat (LB_MATRIX_AT (inner, 3, 1), ==, 15);

  /* a regressor pipeline has no transform */
  g_assert_null (lb_estimator_transform (LB_ESTIMATOR (pipe), X, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED);
}

static void
test_transformers_only (void)
{
  g_autoptr(LbPipeline) pipe = lb_pipeline_new ();
  g_autoptr(LbEstimator) a = g_object_new (LB_TYPE_TEST_CENTER, NULL);
  g_autoptr(LbEstimator) b = g_object_new (LB_TYPE_TEST_CENTER, NULL);
  g_autoptr(LbMatrix) X = lb_matrix_new_from_data (4, 2, X4);
  g_autoptr(LbMatrix) out = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "rooms", "people", NULL };
  g_auto(GStrv) names_out = NULL;

  lb_matrix_set_column_names (X, names);
  g_assert_true (lb_pipeline_append (pipe, "a", a, NULL));
  g_assert_true (lb_pipeline_append (pipe, "b", b, NULL));
  g_assert_true (lb_estimator_is_transformer (LB_ESTIMATOR (pipe)));
  out = lb_estimator_fit_transform (LB_ESTIMATOR (pipe), X, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (LB_MATRIX_AT (out, 1, 1), ==, -5);
  g_assert_cmpstr (lb_matrix_get_column_name (out, 1), ==, "people");
  names_out = lb_estimator_get_feature_names_out (LB_ESTIMATOR (pipe), names, 2);
  g_assert_cmpstr (names_out[0], ==, "rooms");
}

static void
test_classifier (void)
{
  g_autoptr(LbPipeline) pipe = lb_pipeline_new ();
  g_autoptr(LbEstimator) center = g_object_new (LB_TYPE_TEST_CENTER, NULL);
  g_autoptr(LbEstimator) model = g_object_new (LB_TYPE_TEST_CENTROID, NULL);
  const double xv[] = { 0, 1, 10, 11 };
  const double yv[] = { 1, 1, 0, 0 };
  const char *cats[] = { "cat", "dog", NULL };
  g_autoptr(LbMatrix) X = lb_matrix_new_from_data (4, 1, xv);
  g_autoptr(LbMatrix) y = lb_matrix_new_from_data (4, 1, yv);
  g_autoptr(LbMatrix) pred = NULL;
  g_autoptr(GError) error = NULL;

  lb_matrix_set_categories (y, 0, cats);
  g_assert_true (lb_pipeline_append (pipe, "center", center, NULL));
  g_assert_true (lb_pipeline_append (pipe, "model", model, NULL));
  g_assert_true (lb_estimator_is_classifier (LB_ESTIMATOR (pipe)));
  g_assert_true (lb_estimator_fit (LB_ESTIMATOR (pipe), X, y, NULL, &error));
  g_assert_cmpuint (lb_estimator_get_n_classes (LB_ESTIMATOR (pipe)), ==, 2);
  g_assert_cmpstr (lb_estimator_get_classes (LB_ESTIMATOR (pipe))[1], ==, "dog");
  g_assert_true (g_strv_equal (lb_estimator_get_classes (LB_ESTIMATOR (pipe)),
                               lb_estimator_get_classes (model)));
  pred = lb_estimator_predict (LB_ESTIMATOR (pipe), X, &error);
  g_assert_cmpfloat (LB_MATRIX_AT (pred, 0, 0), ==, 1);
  g_assert_cmpfloat (LB_MATRIX_AT (pred, 3, 0), ==, 0);
  g_assert_cmpstr (lb_matrix_get_categories (pred, 0)[1], ==, "dog");
}

static void
test_nested_params (void)
{
  g_autoptr(LbPipeline) pipe = make_center_slope (1.0);
  LbEstimator *est = LB_ESTIMATOR (pipe);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = NULL;
  double slope;

  g_assert_true (lb_estimator_set_param_string (est, "model__slope", "3", &error));
  g_object_get (lb_pipeline_get_step_by_name (pipe, "model"), "slope", &slope, NULL);
  g_assert_cmpfloat (slope, ==, 3);
  g_assert_true (lb_estimator_set_param_string (est, "steps.model.slope", "4.5", &error));
  g_assert_true (lb_estimator_set_param_string (est, "steps__model__max_iter", "9", &error));
  g_assert_true (lb_estimator_set_param_string (est, "center__with_mean", "false", &error));
  g_assert_no_error (error);
  value = lb_estimator_get_param (est, "model__slope", &error);
  g_assert_cmpfloat (json_node_get_double (value), ==, 4.5);
  g_clear_pointer (&value, json_node_unref);
  value = lb_estimator_get_param (est, "steps.model.max_iter", &error);
  g_assert_cmpint (json_node_get_int (value), ==, 9);
  g_clear_pointer (&value, json_node_unref);

  g_assert_false (lb_estimator_set_param_string (est, "nosuch__slope", "1", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_false (lb_estimator_set_param_string (est, "model__nosuch", "1", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_false (lb_estimator_set_param_string (est, "model__slope", "-2", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_cmpstr (error->message, ==, "slope must be >= 0 (got -2)");
  g_clear_error (&error);
  g_assert_false (lb_estimator_set_param_string (est, "model__", "1", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN);
  g_clear_error (&error);

  /* a step by its own name: replaced by an estimator spec (grid search over models) */
  g_assert_true (lb_estimator_set_param_string (est, "model", "{\"estimator\": \"TestSlope\", "
                                                "\"params\": {\"slope\": 9}}", &error));
  g_assert_no_error (error);
  value = lb_estimator_get_param (est, "model__slope", &error);
  g_assert_cmpfloat (json_node_get_double (value), ==, 9);
  g_clear_pointer (&value, json_node_unref);
  g_assert_true (lb_estimator_set_param_string (est, "steps.center", "TestCentroid", &error));
  g_assert_true (G_OBJECT_TYPE (lb_pipeline_get_step (pipe, 0)) == LB_TYPE_TEST_CENTROID);
  value = lb_estimator_get_param (est, "center", &error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (value), "estimator"), ==,
                   "TestCentroid");
  g_assert_false (lb_estimator_set_param_string (est, "model", "NoSuchModel", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN);
}

static void
test_params_clone (void)
{
  g_autoptr(LbPipeline) pipe = make_center_slope (2.5);
  g_autoptr(JsonNode) params = lb_estimator_get_params (LB_ESTIMATOR (pipe));
  g_autoptr(LbEstimator) copy = NULL;
  g_autoptr(JsonNode) copy_params = NULL;
  g_autoptr(LbMatrix) X = lb_matrix_new_from_data (4, 2, X4);
  g_autoptr(LbMatrix) y = lb_matrix_new_from_data (4, 1, Y4);
  JsonArray *steps;
  JsonObject *step;
  double slope;

  steps = json_object_get_array_member (json_node_get_object (params), "steps");
  g_assert_cmpuint (json_array_get_length (steps), ==, 2);
  step = json_array_get_object_element (steps, 1);
  g_assert_cmpstr (json_object_get_string_member (step, "name"), ==, "model");
  g_assert_cmpstr (json_object_get_string_member (step, "estimator"), ==, "TestSlope");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (step, "params"), "slope"),
                     ==, 2.5);

  g_assert_true (lb_estimator_fit (LB_ESTIMATOR (pipe), X, y, NULL, NULL));
  copy = lb_estimator_clone (LB_ESTIMATOR (pipe));
  copy_params = lb_estimator_get_params (copy);
  g_assert_true (json_node_equal (params, copy_params));
  g_assert_false (lb_estimator_is_fitted (copy));
  /* deep: the copy's steps are new, unfitted objects */
  g_assert_true (lb_pipeline_get_step (LB_PIPELINE (copy), 1) != lb_pipeline_get_step (pipe, 1));
  g_assert_false (lb_estimator_is_fitted (lb_pipeline_get_step (LB_PIPELINE (copy), 1)));
  g_assert_true (lb_estimator_set_param_string (copy, "model__slope", "7", NULL));
  g_object_get (lb_pipeline_get_step (pipe, 1), "slope", &slope, NULL);
  g_assert_cmpfloat (slope, ==, 2.5);
}

static void
test_step_names (void)
{
  g_autoptr(LbPipeline) pipe = make_center_slope (1.0);
  g_autoptr(LbEstimator) other = g_object_new (LB_TYPE_TEST_CENTER, NULL);
  const char *bad[] = { "center", "a__b", "a.b", "", "steps" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (lb_pipeline_append (pipe, bad[i], other, &error));
      g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
      g_clear_error (&error);
    }
  g_assert_cmpuint (lb_pipeline_get_n_steps (pipe), ==, 2);
  g_assert_true (lb_pipeline_set_step (pipe, "center", other, &error));
  g_assert_true (lb_pipeline_get_step (pipe, 0) == other);
  g_assert_false (lb_pipeline_set_step (pipe, "nosuch", other, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN);
}

static void
test_errors (void)
{
  g_autoptr(LbPipeline) pipe = make_center_slope (13.0);  /* TestSlope refuses 13 at fit */
  g_autoptr(LbPipeline) empty = lb_pipeline_new ();
  g_autoptr(LbMatrix) X = lb_matrix_new_from_data (4, 2, X4);
  g_autoptr(LbMatrix) y = lb_matrix_new_from_data (4, 1, Y4);
  g_autoptr(GError) error = NULL;

  g_assert_false (lb_estimator_fit (LB_ESTIMATOR (pipe), X, y, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_cmpstr (error->message, ==, "step ‘model’: slope must not be 13 (got 13)");
  g_assert_false (lb_estimator_is_fitted (LB_ESTIMATOR (pipe)));
  g_clear_error (&error);

  g_assert_false (lb_estimator_fit (LB_ESTIMATOR (empty), X, y, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
}

static void
test_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) spec = json_from_string (
    "[{\"name\": \"center\", \"estimator\": \"TestCenter\"},"
    " {\"name\": \"model\", \"estimator\": \"TestSlope\", \"params\": {\"slope\": 0.75, \"mode\": \"half\"}}]",
    &error);
  g_autoptr(LbPipeline) pipe = NULL;
  g_autoptr(LbPipeline) again = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(JsonNode) wrapped = NULL;
  g_autoptr(JsonNode) bad = NULL;
  double slope;

  lb_test_estimators_register ();
  pipe = lb_pipeline_new_from_json (spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_pipeline_get_n_steps (pipe), ==, 2);
  g_object_get (lb_pipeline_get_step (pipe, 1), "slope", &slope, NULL);
  g_assert_cmpfloat (slope, ==, 0.75);

  back = lb_pipeline_to_json (pipe);
  again = lb_pipeline_new_from_json (back, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) a = lb_estimator_get_params (LB_ESTIMATOR (pipe));
    g_autoptr(JsonNode) b = lb_estimator_get_params (LB_ESTIMATOR (again));

    g_assert_true (json_node_equal (a, b));
  }
  /* the lb_estimator_to_json form is accepted too */
  wrapped = lb_estimator_to_json (LB_ESTIMATOR (pipe));
  g_clear_object (&again);
  again = lb_pipeline_new_from_json (wrapped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_pipeline_get_n_steps (again), ==, 2);

  bad = json_from_string ("[{\"name\": \"center\", \"estimator\": \"TestCenter\"},"
                          " {\"name\": \"model\", \"estimator\": \"TestSlope\", \"params\": {\"slope\": -1}}]",
                          NULL);
  g_assert_null (lb_pipeline_new_from_json (bad, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_cmpstr (error->message, ==, "steps[1] (model): params: slope must be >= 0 (got -1)");
  g_clear_error (&error);
  g_clear_pointer (&bad, json_node_unref);
  bad = json_from_string ("[{\"name\": \"m\", \"estimator\": \"NoSuchModel\"}]", NULL);
  g_assert_null (lb_pipeline_new_from_json (bad, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN);
  g_assert_cmpstr (error->message, ==, "steps[0] (m): Unknown estimator ‘NoSuchModel’");
  g_clear_error (&error);

  /* set_param "steps" with bad JSON is refused before anything changes */
  g_assert_false (lb_estimator_set_param (LB_ESTIMATOR (pipe), "steps", bad, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN);
  g_assert_cmpuint (lb_pipeline_get_n_steps (pipe), ==, 2);
}

typedef struct { guint n; double last; gboolean monotone; } Progress;

static void
on_event (const LbFitEvent *event, gpointer user_data)
{
  Progress *p = user_data;

  if (event->fraction < p->last)
    p->monotone = FALSE;
  p->last = event->fraction;
  p->n++;
}

static void
test_events (void)
{
  g_autoptr(LbPipeline) pipe = make_center_slope (1.0);
  g_autoptr(LbMatrix) X = lb_matrix_new_from_data (4, 2, X4);
  g_autoptr(LbMatrix) y = lb_matrix_new_from_data (4, 1, Y4);
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  Progress p = { 0, 0.0, TRUE };

  lb_fit_context_set_event_func (ctx, on_event, &p, NULL);
  g_assert_true (lb_estimator_fit (LB_ESTIMATOR (pipe), X, y, ctx, NULL));
  g_assert_cmpuint (p.n, ==, 2);  /* one per finished step */
  g_assert_true (p.monotone);
  g_assert_cmpfloat (p.last, ==, 1.0);
}

/* scikit-learn 1.2.1 (tests/engine/reference/pipeline_reference.py):
 * Pipeline([SimpleImputer(strategy="median"), StandardScaler(), LinearRegression()]) */
static void
test_sklearn_pipeline (void)
{
  const double xv[] = { 1, 10, 2, NAN, 3, 35, 4, 41, NAN, 52, 6, 58, 7, 75 };
  const double yv[] = { 3.1, 4.9, 7.2, 8.8, 11.1, 13.0, 15.2 };
  const double newv[] = { 2.5, 30, NAN, 12 };
  const double expected[] = { 6.288839307414863, 7.077281963037498 };
  g_autoptr(LbMatrix) X = lb_matrix_new_from_data (7, 2, xv);
  g_autoptr(LbMatrix) y = lb_matrix_new_from_data (7, 1, yv);
  g_autoptr(LbMatrix) Xnew = lb_matrix_new_from_data (2, 2, newv);
  g_autoptr(JsonNode) spec = json_from_string (
    "[{\"name\": \"imputer\", \"estimator\": \"SimpleImputer\", \"params\": {\"strategy\": \"median\"}},"
    " {\"name\": \"scaler\", \"estimator\": \"StandardScaler\"},"
    " {\"name\": \"model\", \"estimator\": \"LinearRegression\"}]", NULL);
  g_autoptr(LbPipeline) pipe = NULL;
  g_autoptr(LbMatrix) pred = NULL;
  g_autoptr(GError) error = NULL;

  if (lb_estimator_lookup ("SimpleImputer") == G_TYPE_INVALID ||
      lb_estimator_lookup ("StandardScaler") == G_TYPE_INVALID ||
      lb_estimator_lookup ("LinearRegression") == G_TYPE_INVALID)
    {
      g_test_skip ("SimpleImputer, StandardScaler or LinearRegression is not built");
      return;
    }
  pipe = lb_pipeline_new_from_json (spec, &error);
  g_assert_no_error (error);
  g_assert_true (lb_estimator_fit (LB_ESTIMATOR (pipe), X, y, NULL, &error));
  g_assert_no_error (error);
  pred = lb_estimator_predict (LB_ESTIMATOR (pipe), Xnew, &error);
  g_assert_no_error (error);
  /* A 7×2 well-conditioned least squares solved by SVD on both sides:
   * agreement to ~1e-14 relative; 1e-10 leaves room for other BLAS orders. */
  for (guint i = 0; i < 2; i++)
    g_assert_cmpfloat_with_epsilon (LB_MATRIX_AT (pred, i, 0), expected[i], 1e-10 * fabs (expected[i]));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lb_test_estimators_register ();
  g_test_add_func ("/learnbench/engine/Pipeline/fit-predict", test_fit_predict);
  g_test_add_func ("/learnbench/engine/Pipeline/transformers-only", test_transformers_only);
  g_test_add_func ("/learnbench/engine/Pipeline/classifier", test_classifier);
  g_test_add_func ("/learnbench/engine/Pipeline/nested-params", test_nested_params);
  g_test_add_func ("/learnbench/engine/Pipeline/params-clone", test_params_clone);
  g_test_add_func ("/learnbench/engine/Pipeline/step-names", test_step_names);
  g_test_add_func ("/learnbench/engine/Pipeline/errors", test_errors);
  g_test_add_func ("/learnbench/engine/Pipeline/json", test_json);
  g_test_add_func ("/learnbench/engine/Pipeline/events", test_events);
  g_test_add_func ("/learnbench/engine/Pipeline/sklearn-imputer-scaler-linear", test_sklearn_pipeline);
  return g_test_run ();
}
