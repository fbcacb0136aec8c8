/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-project.c: the project file parser. A good file loads with the
 * documented defaults; every kind of mistake is refused with a message that
 * names the key path; paths expand ${LEARNBENCH_TEST_DATA} and resolve against
 * the project file's folder. A tiny estimator defined here ("ProjectTestModel",
 * alpha >= 0) keeps the test independent of the real models; the examples in
 * examples/ are loaded too once their estimators are registered.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-project.h"
#include "lb-test-util.h"

/* --- a minimal estimator, registered under its own name --- */

#define TEST_TYPE_MODEL (test_model_get_type ())
G_DECLARE_FINAL_TYPE (TestModel, test_model, TEST, MODEL, LbEstimator)

struct _TestModel
{
  LbEstimator parent_instance;
  double      alpha;
};

G_DEFINE_TYPE (TestModel, test_model, LB_TYPE_ESTIMATOR)

enum { PROP_0, PROP_ALPHA };

static void
test_model_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  g_value_set_double (value, TEST_MODEL (object)->alpha);
}

static void
test_model_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  TEST_MODEL (object)->alpha = g_value_get_double (value);
}

static void
test_model_class_init (TestModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  object_class->get_property = test_model_get_property;
  object_class->set_property = test_model_set_property;
  est_class->name = "ProjectTestModel";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y;
  g_object_class_install_property (object_class, PROP_ALPHA,
    g_param_spec_double ("alpha", "alpha", "a test parameter", 0.0, G_MAXDOUBLE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
test_model_init (TestModel *self)
{
  self->alpha = 1.0;
}

/* --- helpers --- */

#define MINIMAL_HEAD "{\"format\": \"learnbench-project\", \"version\": 1, " \
                     "\"data\": {\"path\": \"d.csv\"}, \"target\": \"y\", "
#define MINIMAL_MODELS "\"models\": [{\"name\": \"m\", \"estimator\": \"ProjectTestModel\"}]"

static LbProject *
load (const char *text,
      GError    **error)
{
  return lb_project_load_from_data (text, -1, "/base", error);
}

/* @text must fail with a message starting with @prefix. */
static void
assert_refused (const char *text,
                const char *prefix)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProject) project = load (text, &error);

  g_assert_null (project);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected an error starting with “%s”, got “%s”", prefix, error->message);
}

/* --- tests --- */

static void
test_minimal_defaults (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProject) project = load (MINIMAL_HEAD MINIMAL_MODELS "}", &error);
  const LbProjectStep *model;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpstr (project->data_path, ==, "/base/d.csv");
  g_assert_cmpstr (project->target, ==, "y");
  g_assert_cmpuint (project->seed, ==, 42);
  g_assert_cmpint (project->split.kind, ==, LB_PROJECT_SPLIT_NONE);
  g_assert_cmpint (project->cv.kind, ==, LB_PROJECT_CV_NONE);
  g_assert_cmpint (project->prepare, ==, LB_PROJECT_PREPARE_ONCE);
  g_assert_true (project->train_score);
  g_assert_false (project->test);
  g_assert_null (project->scoring);
  g_assert_cmpuint (project->groups->len, ==, 0);
  g_assert_cmpuint (g_strv_length (project->drop), ==, 0);
  g_assert_cmpint (project->search.kind, ==, LB_PROJECT_SEARCH_NONE);
  g_assert_cmpuint (project->models->len, ==, 1);
  model = g_ptr_array_index (project->models, 0);
  g_assert_cmpstr (model->name, ==, "m");
  g_assert_cmpstr (model->estimator, ==, "ProjectTestModel");
  g_assert_cmpuint (json_object_get_size (model->params), ==, 0);
}

static void
test_full (void)
{
  const char *text =
    "{\"format\": \"learnbench-project\", \"version\": 1, \"name\": \"n\", \"seed\": 7,"
    " \"data\": {\"path\": \"sub/../d.tsv\", \"delimiter\": \"\\\\t\", \"thousands\": \",\","
    "            \"encoding\": \"latin1\"},"
    " \"target\": \"y\", \"drop\": [\"id\"],"
    " \"split\": {\"kind\": \"stratified\", \"column\": \"income\", \"test_size\": 0.25,"
    "           \"bins\": [0, 1.5, 3, \"inf\"]},"
    " \"pipeline\": {\"groups\": [{\"name\": \"num\", \"kind\": \"numeric\","
    "                 \"steps\": [{\"name\": \"s\", \"estimator\": \"ProjectTestModel\","
    "                             \"params\": {\"alpha\": 2}}]},"
    "               {\"name\": \"cat\", \"columns\": [\"c\"], \"steps\": []}],"
    "              \"remainder\": \"passthrough\"},"
    " \"models\": [{\"name\": \"a\", \"estimator\": \"ProjectTestModel\", \"params\": {\"alpha\": 0.5}},"
    "            {\"estimator\": \"ProjectTestModel\"}],"
    " \"evaluation\": {\"scoring\": \"r2\", \"cv\": {\"kind\": \"kfold\", \"n_splits\": 4,"
    "                \"shuffle\": true}, \"prepare\": \"per_fold\", \"test\": true, \"train_score\": false},"
    " \"search\": {\"model\": \"a\", \"kind\": \"grid\", \"grid\": [{\"alpha\": [0.1, 1, 10]}], \"cv\": 3},"
    " \"predict\": [{\"x\": 1.5, \"c\": \"A\"}],"
    " \"save_model\": \"out/m.lbmodel\"}";
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProject) project = load (text, &error);
  const LbProjectGroup *num, *cat;

  g_assert_no_error (error);
  g_assert_cmpstr (project->name, ==, "n");
  g_assert_cmpuint (project->seed, ==, 7);
  g_assert_cmpstr (project->data_path, ==, "/base/d.tsv");
  g_assert_cmpint (project->delimiter, ==, '\t');
  g_assert_cmpint (project->thousands, ==, ',');
  g_assert_true (project->latin1);
  g_assert_cmpstr (project->drop[0], ==, "id");
  g_assert_cmpint (project->split.kind, ==, LB_PROJECT_SPLIT_STRATIFIED);
  g_assert_cmpfloat (project->split.test_size, ==, 0.25);
  g_assert_cmpstr (project->split.column, ==, "income");
  g_assert_cmpuint (project->split.n_bins, ==, 4);
  g_assert_cmpfloat (project->split.bins[1], ==, 1.5);
  g_assert_true (isinf (project->split.bins[3]) && project->split.bins[3] > 0);
  g_assert_cmpuint (project->groups->len, ==, 2);
  num = g_ptr_array_index (project->groups, 0);
  cat = g_ptr_array_index (project->groups, 1);
  g_assert_cmpstr (num->kind, ==, "numeric");
  g_assert_null (num->columns);
  g_assert_cmpuint (num->steps->len, ==, 1);
  g_assert_cmpstr (cat->columns[0], ==, "c");
  g_assert_null (cat->columns[1]);
  g_assert_cmpuint (cat->steps->len, ==, 0);
  g_assert_true (project->remainder_passthrough);
  /* an unnamed model is named after its estimator */
  g_assert_cmpstr (((LbProjectStep *) g_ptr_array_index (project->models, 1))->name, ==, "ProjectTestModel");
  g_assert_cmpstr (project->scoring, ==, "r2");
  g_assert_cmpint (project->cv.kind, ==, LB_PROJECT_CV_KFOLD);
  g_assert_cmpuint (project->cv.n_splits, ==, 4);
  g_assert_true (project->cv.shuffle);
  g_assert_cmpint (project->prepare, ==, LB_PROJECT_PREPARE_PER_FOLD);
  g_assert_true (project->test);
  g_assert_false (project->train_score);
  g_assert_cmpint (project->search.kind, ==, LB_PROJECT_SEARCH_GRID);
  g_assert_cmpint (project->search.cv.kind, ==, LB_PROJECT_CV_AUTO);
  g_assert_cmpuint (project->search.cv.n_splits, ==, 3);
  g_assert_cmpuint (json_array_get_length (project->search.grid), ==, 1);
  g_assert_cmpuint (json_array_get_length (project->predict), ==, 1);
  g_assert_cmpstr (project->save_model, ==, "/base/out/m.lbmodel");
}

/* Every refusal names the key path of the mistake. */
static void
test_errors_name_the_key (void)
{
  assert_refused ("[1, 2]", "a project file holds one JSON object");
  assert_refused ("{\"format\": \"x\", \"version\": 1}", "format: “x” is not a Learnbench project");
  assert_refused ("{\"format\": \"learnbench-project\"}", "version: missing");
  assert_refused ("{\"format\": \"learnbench-project\", \"version\": 2}", "version: version 2 is not supported");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"modles\": []}", "modles: unknown key");
  assert_refused ("{\"format\": \"learnbench-project\", \"version\": 1, \"data\": {\"path\": \"d\"}, "
                  MINIMAL_MODELS "}", "target: missing (required)");
  assert_refused (MINIMAL_HEAD "\"models\": []}", "models: must name at least one");
  assert_refused (MINIMAL_HEAD "\"models\": [{\"estimator\": \"NoSuchModel\"}]}",
                  "models[0].estimator: ");
  assert_refused (MINIMAL_HEAD "\"models\": [{\"name\": \"a\", \"estimator\": \"ProjectTestModel\"},"
                  " {\"name\": \"b\", \"estimator\": \"ProjectTestModel\", \"params\": {\"alpha\": -1}}]}",
                  "models[1].params.alpha: alpha must be >= 0 (got -1)");
  assert_refused (MINIMAL_HEAD "\"models\": [{\"estimator\": \"ProjectTestModel\", \"params\": {\"beta\": 1}}]}",
                  "models[0].params.beta: ");
  assert_refused (MINIMAL_HEAD "\"models\": [{\"name\": \"a\", \"estimator\": \"ProjectTestModel\"},"
                  " {\"name\": \"a\", \"estimator\": \"ProjectTestModel\"}]}",
                  "models[1].name: the name “a” is used twice");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"split\": {\"kind\": \"halves\"}}",
                  "split.kind: “halves” is not one of: none, random, stratified, id_hash, index_files");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"split\": {\"kind\": \"random\", \"test_size\": 1.5}}",
                  "split.test_size: must be between 0 and 1, both excluded (got 1.5)");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"split\": {\"kind\": \"random\", \"bins\": [1, 2]}}",
                  "split.bins: does not apply to a “random” split");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"split\": {\"kind\": \"stratified\", \"column\": \"c\","
                  " \"bins\": [0, 3, 2]}}", "split.bins[2]: edges must increase");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"split\": {\"kind\": \"index_files\"}}",
                  "split.train: missing (required)");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"evaluation\": {\"cv\": 1}}",
                  "evaluation.cv: must be between 2 and 1000 folds (got 1)");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"evaluation\": {\"cv\": {\"kind\": \"kfold\", \"n_split\": 3}}}",
                  "evaluation.cv.n_split: unknown key");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"evaluation\": {\"scoring\": \"goodness\"}}",
                  "evaluation.scoring: unknown scoring “goodness”");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"evaluation\": {\"test\": true}}",
                  "evaluation.test: there is no test set");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"pipeline\": {\"groups\": [{\"name\": \"g\"}]}}",
                  "pipeline.groups[0]: give either “columns”");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"pipeline\": {\"groups\": [{\"name\": \"g\","
                  " \"columns\": [\"a\", \"a\"]}]}}", "pipeline.groups[0].columns[1]: “a” is listed twice");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"pipeline\": {\"groups\": [{\"name\": \"g\", \"kind\": \"text\"}]}}",
                  "pipeline.groups[0].kind: “text” is not one of: numeric, categorical");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"pipeline\": {\"groups\": [{\"name\": \"g\", \"columns\": [\"a\"],"
                  " \"steps\": [{\"estimator\": \"ProjectTestModel\", \"params\": {\"alpha\": \"big\"}}]}]}}",
                  "pipeline.groups[0].steps[0].params.alpha: ");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"search\": {\"model\": \"zz\", \"kind\": \"grid\", \"grid\": {}}}",
                  "search.model: no model is named “zz”");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"search\": {\"model\": \"m\", \"kind\": \"grid\","
                  " \"grid\": [{\"alpha\": [1, -2]}]}}", "search.grid[0].alpha[1]: alpha must be >= 0");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"search\": {\"model\": \"m\", \"kind\": \"random\","
                  " \"distributions\": {\"alpha\": {\"loguniform\": [0, 1]}}}}",
                  "search.distributions.alpha: a log-uniform distribution needs low > 0");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"predict\": [[1, 2]]}", "predict[0]: must be an object");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"drop\": [\"y\"]}", "drop: the target “y” cannot be dropped");
  assert_refused ("{\"format\": \"learnbench-project\", \"version\": 1, \"data\": {\"path\": \"${HOME}/d.csv\"},"
                  " \"target\": \"y\", " MINIMAL_MODELS "}",
                  "data.path: “${HOME}/d.csv”: the only variable a path may use is ${LEARNBENCH_TEST_DATA}");
  assert_refused ("{\"format\": \"learnbench-project\", \"version\": 1, \"data\": {\"path\": \"a\", \"sample\": \"moons\"},"
                  " \"target\": \"y\", " MINIMAL_MODELS "}", "data: give either “path” or “sample”");
  assert_refused ("{\"format\": \"learnbench-project\", \"version\": 1, \"data\": {\"path\": \"a\", \"delimiter\": \"x\"},"
                  " \"target\": \"y\", " MINIMAL_MODELS "}", "data.delimiter: must be one of");
  assert_refused (MINIMAL_HEAD MINIMAL_MODELS ", \"seed\": -3}", "seed: must be a whole number >= 0");
}

/* JSON syntax errors come from json-glib and name the line. */
static void
test_syntax_error (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProject) project = load ("{\n\"format\": \"learnbench-project\",\n\"version\": 1,,\n}", &error);

  g_assert_null (project);
  g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_BAREWORD);
  g_assert_nonnull (strstr (error->message, "3"));
}

/* "path": "sample:NAME" is a built-in sample, like "sample": "NAME". */
static void
test_sample_path (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProject) project = load ("{\"format\": \"learnbench-project\", \"version\": 1,"
                                        " \"data\": {\"path\": \"sample:moons\"}, \"target\": \"label\", "
                                        MINIMAL_MODELS "}", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (project->data_sample, ==, "moons");
  g_assert_null (project->data_path);
}

static void
test_test_data_variable (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL, *dflt = NULL, *expected = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("LEARNBENCH_TEST_DATA"));

  g_setenv ("LEARNBENCH_TEST_DATA", "/data/book", TRUE);
  path = lb_project_resolve_path ("${LEARNBENCH_TEST_DATA}/housing/housing.csv", "/base", "data.path", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, "/data/book/housing/housing.csv");
  g_clear_pointer (&path, g_free);
  path = lb_project_resolve_path ("${LEARNBENCH_TEST_DATA}/../reference/splits/a.txt", "/base", "split.train", &error);
  g_assert_cmpstr (path, ==, "/data/reference/splits/a.txt");
  g_clear_pointer (&path, g_free);

  /* unset: ../shared/datasets beside the source tree */
  g_unsetenv ("LEARNBENCH_TEST_DATA");
  dflt = lb_project_dup_test_data_dir ();
  expected = g_canonicalize_filename ("../shared/datasets", LB_SOURCE_DIR);
  g_assert_cmpstr (dflt, ==, expected);
  path = lb_project_resolve_path ("${LEARNBENCH_TEST_DATA}/x.csv", "/base", "data.path", &error);
  g_assert_true (g_str_has_prefix (path, expected));
  g_clear_pointer (&path, g_free);

  /* relative and absolute paths */
  path = lb_project_resolve_path ("x/../y.csv", "/base/dir", "data.path", &error);
  g_assert_cmpstr (path, ==, "/base/dir/y.csv");
  g_clear_pointer (&path, g_free);
  path = lb_project_resolve_path ("/abs/y.csv", "/base/dir", "data.path", &error);
  g_assert_cmpstr (path, ==, "/abs/y.csv");

  if (saved != NULL)
    g_setenv ("LEARNBENCH_TEST_DATA", saved, TRUE);
}

/* lb_project_load: errors are prefixed with the file name; relative paths
 * resolve against the project file's folder. */
static void
test_load_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lb-project-XXXXXX", &error);
  g_autofree char *file = g_build_filename (dir, "p.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *expected = g_build_filename (dir, "d.csv", NULL);
  g_autoptr (LbProject) project = NULL;
  g_autoptr (LbProject) none = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (file, MINIMAL_HEAD MINIMAL_MODELS "}", -1, NULL));
  g_assert_true (g_file_set_contents (bad, MINIMAL_HEAD MINIMAL_MODELS ", \"x\": 1}", -1, NULL));
  project = lb_project_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (project->data_path, ==, expected);
  g_assert_cmpstr (project->file, ==, file);

  none = lb_project_load (bad, &error);
  g_assert_null (none);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
  g_assert_true (g_str_has_prefix (error->message, bad));
  g_assert_nonnull (strstr (error->message, "x: unknown key"));
  g_clear_error (&error);

  none = lb_project_load ("/nonexistent/p.json", &error);
  g_assert_null (none);
  g_assert_nonnull (error);

  g_unlink (file);
  g_unlink (bad);
  g_rmdir (dir);
}

/* The repo's examples parse (their estimators must all be registered). */
static void
test_examples_load (void)
{
  const char *names[] = { "ch1-lifesat.json", "ch2-housing.json", "ch3-fashion-tshirt.json",
                          "ch4-linear.json", "ch4-polynomial.json", "ch4-regularized.json",
                          "ch4-iris-softmax.json",
                          "ch7-voting.json" /* ch7-boosting.json needs XGBoost, an optional dependency */ };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (LB_SOURCE_DIR, "examples", names[i], NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (LbProject) project = lb_project_load (path, &error);

      g_assert_no_error (error);
      g_assert_nonnull (project);
      g_assert_cmpuint (project->models->len, >=, 1);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lb_estimators_register_builtin ();
  lb_estimator_register (TEST_TYPE_MODEL);

  g_test_add_func ("/learnbench/engine/Project/minimal-defaults", test_minimal_defaults);
  g_test_add_func ("/learnbench/engine/Project/full", test_full);
  g_test_add_func ("/learnbench/engine/Project/errors-name-the-key", test_errors_name_the_key);
  g_test_add_func ("/learnbench/engine/Project/syntax-error", test_syntax_error);
  g_test_add_func ("/learnbench/engine/Project/sample-path", test_sample_path);
  g_test_add_func ("/learnbench/engine/Project/test-data-variable", test_test_data_variable);
  g_test_add_func ("/learnbench/engine/Project/load-file", test_load_file);
  g_test_add_func ("/learnbench/engine/Project/examples-load", test_examples_load);
  return g_test_run ();
}
