/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-project-run.c: lb_project_run on a small fixture (24 rows with a
 * missing value, a categorical and a text column) against scikit-learn 1.2.1:
 * tests/engine/reference/project-run.py wrote the fixture and printed every
 * reference number below (run it to see them). Both preparation modes, the
 * "predict" rows (a missing value is imputed), a grid search, a binary
 * target, the splits' sizes, cancellation and the data errors.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-project.h"
#include "lb-project-run.h"
#include "lb-test-util.h"

#define HEAD "{\"format\": \"learnbench-project\", \"version\": 1," \
             " \"data\": {\"path\": \"project-small.csv\"}, "
#define PIPELINE "\"pipeline\": {\"groups\": [" \
  "{\"name\": \"num\", \"columns\": [\"x1\", \"x2\"], \"steps\": [" \
  "  {\"name\": \"imputer\", \"estimator\": \"SimpleImputer\", \"params\": {\"strategy\": \"median\"}}," \
  "  {\"name\": \"scaler\", \"estimator\": \"StandardScaler\"}]}," \
  "{\"name\": \"cat\", \"columns\": [\"color\"], \"steps\": [{\"name\": \"onehot\", \"estimator\": \"OneHotEncoder\"}]}]}, "

static LbProject *
load (const char *text)
{
  g_autofree char *dir = g_build_filename (LB_SOURCE_DIR, "tests", "engine", "fixtures", NULL);
  g_autoptr (GError) error = NULL;
  LbProject *project = lb_project_load_from_data (text, -1, dir, &error);

  g_assert_no_error (error);
  return project;
}

static LbProjectResult *
run (const char *text,
     GError    **error)
{
  g_autoptr (LbProject) project = load (text);

  return lb_project_run (project, NULL, error);
}

/* Least squares through different LAPACK paths: 1e-9 relative is rounding only. */
static void
assert_rel (double got,
            double expected,
            double rtol)
{
  if (!(fabs (got - expected) <= rtol * fabs (expected)))
    g_error ("got %.17g, expected %.17g (relative tolerance %g)", got, expected, rtol);
}

static LbProjectModelResult *
model (LbProjectResult *result,
       guint            i)
{
  return g_ptr_array_index (result->models, i);
}

/* The book's way: preparation fitted once; train RMSE, the "predict" rows, the
 * 3 un-shuffled folds of cross_val_score on the prepared matrix. */
static void
test_prepare_once (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProjectResult) result = run (HEAD "\"target\": \"y\", " PIPELINE
    "\"models\": [{\"name\": \"lin\", \"estimator\": \"LinearRegression\"}],"
    "\"evaluation\": {\"scoring\": \"rmse\", \"cv\": {\"kind\": \"kfold\", \"n_splits\": 3}},"
    "\"predict\": [{\"x1\": 2.5, \"x2\": 4.0, \"color\": \"red\"}, {\"x1\": 7.0, \"color\": \"blue\"}]}", &error);
  const double cv_ref[] = { 3.755965010045651, 2.2476537634896343, 2.412733200203682 };
  LbProjectModelResult *m;

  g_assert_no_error (error);
  g_assert_cmpuint (result->n_rows, ==, 24);
  g_assert_cmpuint (result->n_train, ==, 24);
  g_assert_cmpuint (result->n_test, ==, 0);
  g_assert_cmpuint (g_strv_length (result->feature_names), ==, 5);   /* 2 scaled + 3 one-hot */
  m = model (result, 0);
  g_assert_cmpstr (m->scoring, ==, "rmse");
  assert_rel (m->train_score, 2.3123779304755794, 1e-9);
  g_assert_cmpuint (m->cv_scores->len, ==, 3);
  for (guint f = 0; f < 3; f++)
    assert_rel (g_array_index (m->cv_scores, double, f), cv_ref[f], 1e-9);
  assert_rel (m->cv_mean, (cv_ref[0] + cv_ref[1] + cv_ref[2]) / 3, 1e-9);
  g_assert_true (isnan (m->test_score));
  g_assert_cmpuint (json_array_get_length (m->predictions), ==, 2);
  assert_rel (json_array_get_double_element (m->predictions, 0), 2.2425135137658776, 1e-9);
  assert_rel (json_array_get_double_element (m->predictions, 1), 12.6504258234418, 1e-9);   /* x2 imputed */
  g_assert_true (lb_estimator_is_fitted (m->fitted));
}

/* "per_fold": the whole pipeline refitted in each fold (cross_val_score(pipeline, X)). */
static void
test_prepare_per_fold (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProjectResult) result = run (HEAD "\"target\": \"y\", " PIPELINE
    "\"models\": [{\"name\": \"lin\", \"estimator\": \"LinearRegression\"}],"
    "\"evaluation\": {\"scoring\": \"rmse\", \"cv\": 3, \"prepare\": \"per_fold\"}}", &error);
  const double ref[] = { 3.717406950543977, 2.1881559800173043, 2.4681773631769564 };

  g_assert_no_error (error);
  for (guint f = 0; f < 3; f++)
    assert_rel (g_array_index (model (result, 0)->cv_scores, double, f), ref[f], 1e-9);
}

/* GridSearchCV(Ridge(), {"alpha": [0.1, 1, 10]}, cv=KFold(3), neg MSE) on the
 * prepared matrix: best alpha 1 with -8.13682391862745; Ridge's closed form
 * agrees to rounding. With refit the model is then evaluated with alpha = 1. */
static void
test_grid_search (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProjectResult) result = run (HEAD "\"target\": \"y\", " PIPELINE
    "\"models\": [{\"name\": \"ridge\", \"estimator\": \"Ridge\"}],"
    "\"evaluation\": {\"scoring\": \"neg_mean_squared_error\"},"
    "\"search\": {\"model\": \"ridge\", \"kind\": \"grid\", \"grid\": {\"alpha\": [0.1, 1.0, 10.0]},"
    "             \"cv\": {\"kind\": \"kfold\", \"n_splits\": 3}}}", &error);
  const double means[] = { -8.19579451880552, -8.13682391862745, -24.10015916374338 };
  LbProjectModelResult *m;
  JsonArray *mean_test;

  g_assert_no_error (error);
  m = model (result, 0);
  g_assert_nonnull (m->best_params);
  assert_rel (json_object_get_double_member (json_node_get_object (m->best_params), "alpha"), 1.0, 0);
  assert_rel (m->best_score, -8.13682391862745, 1e-9);
  mean_test = json_object_get_array_member (json_node_get_object (m->cv_results), "mean_test_score");
  for (guint c = 0; c < 3; c++)
    assert_rel (json_array_get_double_element (mean_test, c), means[c], 1e-9);
  assert_rel (json_object_get_double_member (json_node_get_object (m->params), "alpha"), 1.0, 0);
}

/* positive_class makes a binary target; DummyClassifier(most_frequent) on it
 * has the closed-form accuracy max(p, 1 - p): 8 "red" rows of 24 → 16/24. */
static void
test_positive_class (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProjectResult) result = run (HEAD "\"target\": \"color\", \"positive_class\": \"red\","
    " \"drop\": [\"name\"], \"pipeline\": {\"groups\": [{\"name\": \"num\", \"kind\": \"numeric\", \"steps\": ["
    " {\"estimator\": \"SimpleImputer\"}]}]},"
    " \"models\": [{\"name\": \"dummy\", \"estimator\": \"DummyClassifier\"}],"
    " \"predict\": [{\"x1\": 1, \"x2\": 1}]}", &error);
  g_autoptr (LbProject) check = NULL;
  LbProjectModelResult *m;
  guint n_red = 0;

  g_assert_no_error (error);
  m = model (result, 0);
  g_assert_cmpstr (m->scoring, ==, "accuracy");
  /* count the red rows of the fixture to state the closed form */
  {
    g_autofree char *path = g_build_filename (LB_SOURCE_DIR, "tests", "engine", "fixtures", "project-small.csv", NULL);
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    for (const char *p = text; (p = strstr (p, ",red,")) != NULL; p++)
      n_red++;
  }
  g_assert_cmpuint (n_red, >, 0);
  assert_rel (m->train_score, MAX (n_red, 24 - n_red) / 24.0, 1e-12);
  g_assert_cmpstr (json_array_get_string_element (m->predictions, 0), ==,
                   n_red * 2 > 24 ? "True" : "False");
}

/* A random split keeps ceil(0.25 * 24) = 6 rows for testing (scikit-learn's
 * rule); test scores and the RMSE interval are computed. */
static void
test_random_split (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProjectResult) result = run (HEAD "\"target\": \"y\", " PIPELINE
    "\"split\": {\"kind\": \"random\", \"test_size\": 0.25},"
    "\"models\": [{\"estimator\": \"LinearRegression\"}], \"evaluation\": {\"scoring\": \"rmse\", \"test\": true}}",
    &error);
  LbProjectModelResult *m;

  g_assert_no_error (error);
  g_assert_cmpuint (result->n_train, ==, 18);
  g_assert_cmpuint (result->n_test, ==, 6);
  m = model (result, 0);
  g_assert_true (m->test_score > 0);
  g_assert_true (m->test_rmse_low < m->test_score && m->test_score < m->test_rmse_high);
}

static void
test_data_errors (void)
{
  struct { const char *text; const char *message; } cases[] = {
    { HEAD "\"target\": \"y\", \"models\": [{\"estimator\": \"LinearRegression\"}]}",
      "the column “name” holds free text, which no model reads: list it in “drop”" },
    { HEAD "\"target\": \"nope\", \"drop\": [\"name\"], \"models\": [{\"estimator\": \"LinearRegression\"}]}",
      "target: the data has no column “nope”" },
    { HEAD "\"target\": \"x2\", \"drop\": [\"name\"], \"models\": [{\"estimator\": \"LinearRegression\"}]}",
      "target: “x2” is missing in 2 rows" },
    { HEAD "\"target\": \"y\", \"drop\": [\"nme\"], \"models\": [{\"estimator\": \"LinearRegression\"}]}",
      "drop[0]: the data has no column “nme”" },
    { HEAD "\"target\": \"y\", \"pipeline\": {\"groups\": [{\"name\": \"g\", \"columns\": [\"x9\"]}]},"
      " \"models\": [{\"estimator\": \"LinearRegression\"}]}",
      "pipeline.groups[0].columns[0]: the data has no column “x9”" },
    { HEAD "\"target\": \"y\", \"pipeline\": {\"groups\": [{\"name\": \"g\", \"columns\": [\"y\"]}]},"
      " \"models\": [{\"estimator\": \"LinearRegression\"}]}",
      "pipeline.groups[0].columns[0]: “y” is the target" },
    { HEAD "\"target\": \"y\", " PIPELINE " \"models\": [{\"estimator\": \"LinearRegression\"}],"
      " \"predict\": [{\"x1\": 1, \"colour\": \"red\"}]}",
      "predict[0].colour: not a feature column" },
    { HEAD "\"target\": \"y\", " PIPELINE " \"models\": [{\"estimator\": \"LinearRegression\"}],"
      " \"predict\": [{\"x1\": 1, \"color\": \"purple\"}]}",
      "predict[0].color: “purple” is not one of the column's categories" },
    { HEAD "\"target\": \"y\", \"split\": {\"kind\": \"stratified\", \"column\": \"color\", \"bins\": [0, 1]},"
      " \"drop\": [\"name\"], \"models\": [{\"estimator\": \"LinearRegression\"}]}",
      "split.column: “color” is not numeric" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LbProjectResult) result = run (cases[i].text, &error);

      g_assert_null (result);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: expected “%s”, got “%s”", i, cases[i].message, error->message);
    }
}

/* A missing data file: G_IO_ERROR_NOT_FOUND naming the key and the file. */
static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProjectResult) result = run ("{\"format\": \"learnbench-project\", \"version\": 1,"
    " \"data\": {\"path\": \"no-such.csv\", \"help\": \"Ask the teacher for no-such.csv\"}, \"target\": \"y\","
    " \"models\": [{\"estimator\": \"LinearRegression\"}]}", &error);

  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "data.path: the file “"));
  g_assert_nonnull (strstr (error->message, "no-such.csv” does not exist. Ask the teacher for no-such.csv."));
}

static void
test_cancel (void)
{
  g_autoptr (LbProject) project = load (HEAD "\"target\": \"y\", " PIPELINE
    "\"models\": [{\"estimator\": \"LinearRegression\"}], \"evaluation\": {\"cv\": 3}}");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProjectResult) result = NULL;

  g_cancellable_cancel (cancellable);
  lb_fit_context_set_cancellable (ctx, cancellable);
  result = lb_project_run (project, ctx, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The JSON of `learnbench run --json`: the keys, null for what was not computed. */
static void
test_to_json (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProjectResult) result = run (HEAD "\"target\": \"y\", " PIPELINE
    "\"models\": [{\"name\": \"lin\", \"estimator\": \"LinearRegression\"}], \"evaluation\": {\"cv\": 3}}", &error);
  g_autoptr (JsonNode) node = NULL;
  JsonObject *m;
  const char *keys[] = { "name", "params", "train_score", "cv_scores", "cv_mean", "cv_std",
                         "test_score", "fit_seconds" };

  g_assert_no_error (error);
  node = lb_project_result_to_json (result);
  m = json_array_get_object_element (json_object_get_array_member (json_node_get_object (node), "models"), 0);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    g_assert_true (json_object_has_member (m, keys[k]));
  g_assert_cmpstr (json_object_get_string_member (m, "scoring"), ==, "r2");   /* the regressor's default */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "cv_scores")), ==, 3);
  g_assert_true (json_node_is_null (json_object_get_member (m, "test_score")));
  g_assert_false (json_object_has_member (m, "best_params"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/ProjectRun/prepare-once", test_prepare_once);
  g_test_add_func ("/learnbench/engine/ProjectRun/prepare-per-fold", test_prepare_per_fold);
  g_test_add_func ("/learnbench/engine/ProjectRun/grid-search", test_grid_search);
  g_test_add_func ("/learnbench/engine/ProjectRun/positive-class", test_positive_class);
  g_test_add_func ("/learnbench/engine/ProjectRun/random-split", test_random_split);
  g_test_add_func ("/learnbench/engine/ProjectRun/data-errors", test_data_errors);
  g_test_add_func ("/learnbench/engine/ProjectRun/missing-file", test_missing_file);
  g_test_add_func ("/learnbench/engine/ProjectRun/cancel", test_cancel);
  g_test_add_func ("/learnbench/engine/ProjectRun/to-json", test_to_json);
  return g_test_run ();
}
