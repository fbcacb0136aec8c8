/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-model-file.c: model files — a fitted pipeline saved and loaded gives
 * bit-identical predictions and keeps its metadata; every kind of bad file
 * (missing, empty, not JSON, wrong format / version, unknown estimator, bad
 * parameters, missing or short state, hostile shapes, deep nesting, every
 * truncation, random byte flips) is LB_ENGINE_ERROR_FILE (or the OS's error
 * for a missing file) and never a crash.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lb-engine.h"
#include "lb-test-estimators.h"

static const double X4[] = { 1, 10, 2, 20, 3, 30, 4, 40.5 };
static const double Y4[] = { 3, 5, 7.25, 9 };

static LbEstimator *
make_fitted (void)
{
  g_autoptr(JsonNode) spec = json_from_string (
    "[{\"name\": \"center\", \"estimator\": \"TestCenter\"},"
    " {\"name\": \"model\", \"estimator\": \"TestSlope\", \"params\": {\"slope\": 0.1}}]", NULL);
  g_autoptr(LbPipeline) pipe = lb_pipeline_new_from_json (spec, NULL);
  g_autoptr(LbMatrix) X = lb_matrix_new_from_data (4, 2, X4);
  g_autoptr(LbMatrix) y = lb_matrix_new_from_data (4, 1, Y4);
  const char *names[] = { "rooms", "age", NULL };

  lb_matrix_set_column_names (X, names);
  g_assert_true (lb_estimator_fit (LB_ESTIMATOR (pipe), X, y, NULL, NULL));
  return LB_ESTIMATOR (g_steal_pointer (&pipe));
}

static char *
model_text (LbEstimator *est)
{
  g_autoptr(JsonNode) root = lb_model_file_to_json (est, NULL, NULL);

  return json_to_string (root, TRUE);
}

static void
test_round_trip (void)
{
  g_autoptr(LbEstimator) est = make_fitted ();
  g_autoptr(LbEstimator) loaded = NULL;
  g_autoptr(LbMatrix) X = lb_matrix_new_from_data (4, 2, X4);
  g_autoptr(LbMatrix) p1 = NULL;
  g_autoptr(LbMatrix) p2 = NULL;
  g_autoptr(JsonObject) meta = json_object_new ();
  g_autoptr(JsonObject) meta_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lb-model-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "model.json", NULL);
  g_autofree char *contents = NULL;

  json_object_set_string_member (meta, "target", "median_house_value");
  g_assert_true (lb_model_file_save_full (est, meta, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"format\" : \"learnbench-model\""));

  loaded = lb_model_file_load_full (path, &meta_back, &error);
  g_assert_no_error (error);
  g_assert_true (LB_IS_PIPELINE (loaded));
  g_assert_cmpstr (json_object_get_string_member (meta_back, "target"), ==, "median_house_value");
  g_assert_cmpstr (lb_estimator_get_feature_names_in (loaded)[1], ==, "age");
  p1 = lb_estimator_predict (est, X, &error);
  p2 = lb_estimator_predict (loaded, X, &error);
  g_assert_no_error (error);
  /* bit-identical: doubles are stored exactly */
  g_assert_cmpmem (lb_matrix_get_const_data (p1), 4 * sizeof (double),
                   lb_matrix_get_const_data (p2), 4 * sizeof (double));
  {
    g_autoptr(JsonNode) a = lb_estimator_get_params (est);
    g_autoptr(JsonNode) b = lb_estimator_get_params (loaded);

    g_assert_true (json_node_equal (a, b));
  }

  /* an unfitted estimator cannot be saved */
  {
    g_autoptr(LbEstimator) copy = lb_estimator_clone (est);

    g_assert_false (lb_model_file_save (copy, path, &error));
    g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
expect_file_error (const char *text,
                   const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbEstimator) est = lb_model_file_load_from_data (text, strlen (text), NULL, &error);

  g_assert_null (est);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("expected ‘%s’ in: %s", fragment, error->message);
}

/* @text with the first @old replaced by @new */
static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

static void
test_bad_files (void)
{
  g_autoptr(LbEstimator) est = make_fitted ();
  g_autofree char *good = model_text (est);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);

  g_assert_null (lb_model_file_load ("/nonexistent/model.json", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  expect_file_error ("", "empty");
  expect_file_error ("not json at all", "not valid JSON");
  expect_file_error ("[1, 2, 3]", "top level");
  expect_file_error ("{\"format\": \"something-else\", \"version\": 1}", "learnbench-model");
  expect_file_error ("{\"format\": \"learnbench-model\", \"version\": 2, \"estimator\": {}}", "version 2");
  expect_file_error ("{\"format\": \"learnbench-model\", \"version\": 1}", "estimator");
  expect_file_error ("{\"format\": \"learnbench-model\", \"version\": 1,"
                     " \"estimator\": {\"name\": \"RandomForestOfDoom\"}}", "RandomForestOfDoom");
  expect_file_error ("{\"format\": \"learnbench-model\", \"version\": 1,"
                     " \"estimator\": {\"name\": \"TestSlope\", \"params\": {\"slope\": -5}}}",
                     "slope must be >= 0");
  expect_file_error ("{\"format\": \"learnbench-model\", \"version\": 1,"
                     " \"estimator\": {\"name\": \"TestSlope\"}}", "state");

  /* deep nesting is refused before json-glib recurses into it */
  g_string_append (deep, "{\"format\": \"learnbench-model\", \"version\": 1, \"x\": ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  expect_file_error (deep->str, "nests deeper");

  /* edits of a good file */
  {
    g_autofree char *t1 = replace (good, "\"n_features_in\" : 2", "\"n_features_in\" : 3");
    g_autofree char *t2 = replace (good, "\"n_features_in\" : 2", "\"n_features_in\" : 2000000000");
    g_autofree char *t3 = replace (good, "\"n_features_in\" : 2", "\"n_features_in\" : \"two\"");
    g_autofree char *t4 = replace (good, "\"TestSlope\"", "\"TestCenter\"");
    g_autofree char *t5 = replace (good, "\"name\" : \"model\"", "\"name\" : \"a__b\"");

    expect_file_error (t1, NULL);  /* feature names no longer match, the state's means are short */
    expect_file_error (t2, NULL);
    expect_file_error (t3, NULL);
    expect_file_error (t4, NULL);
    expect_file_error (t5, NULL);
  }
}

static void
test_truncations (void)
{
  g_autoptr(LbEstimator) est = make_fitted ();
  g_autofree char *good = model_text (est);
  gsize n = strlen (good);

  /* every prefix of the file: never loads, never crashes */
  for (gsize len = 0; len < n - 1; len++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbEstimator) loaded = lb_model_file_load_from_data (good, len, NULL, &error);

      g_assert_null (loaded);
      g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
    }
}

static void
test_byte_flips (void)
{
  g_autoptr(LbEstimator) est = make_fitted ();
  g_autofree char *good = model_text (est);
  gsize n = strlen (good);
  g_autoptr(LbMatrix) X = lb_matrix_new_from_data (4, 2, X4);
  const char alphabet[] = "{}[]\",:0123456789-+.eE aZ\\";
  LbRng rng;
  guint n_loaded = 0;

  lb_rng_init (&rng, 1234);
  for (guint k = 0; k < 2000; k++)
    {
      g_autofree char *text = g_strdup (good);
      g_autoptr(GError) error = NULL;
      g_autoptr(LbEstimator) loaded = NULL;

      for (guint f = 0; f < 1 + lb_rng_below (&rng, 3); f++)
        text[lb_rng_below (&rng, n)] = alphabet[lb_rng_below (&rng, sizeof alphabet - 1)];
      loaded = lb_model_file_load_from_data (text, n, NULL, &error);
      if (loaded == NULL)
        g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
      else
        {
          /* a flip that still makes a valid model (a digit in a parameter):
           * it must then be usable */
          g_autoptr(LbMatrix) pred = NULL;
          g_autoptr(LbMatrix) Xk = lb_matrix_new (4, lb_estimator_get_n_features_in (loaded));

          g_assert_no_error (error);
          pred = lb_estimator_predict (loaded, Xk, &error);
          g_assert_no_error (error);
          n_loaded++;
        }
    }
  g_test_message ("%u of 2000 mutated files still loaded", n_loaded);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lb_test_estimators_register ();
  g_test_add_func ("/learnbench/engine/ModelFile/round-trip", test_round_trip);
  g_test_add_func ("/learnbench/engine/ModelFile/bad-files", test_bad_files);
  g_test_add_func ("/learnbench/engine/ModelFile/truncations", test_truncations);
  g_test_add_func ("/learnbench/engine/ModelFile/byte-flips", test_byte_flips);
  return g_test_run ();
}
