/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-project-search-prep.c: a project search over a preprocessing
 * parameter ("prep.num.imputer.strategy") together with the model's own,
 * against scikit-learn 1.2.1's GridSearchCV on the whole pipeline
 * (tests/engine/reference/project-search-prep.py printed every reference
 * number below), the refit of the best preparation, lb_project_run_search
 * with its per-candidate callback, and the errors naming a wrong path.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-project.h"
#include "lb-project-private.h"
#include "lb-project-run.h"
#include "lb-test-util.h"

#define HEAD "{\"format\": \"learnbench-project\", \"version\": 1," \
             " \"data\": {\"path\": \"project-small.csv\"}, \"target\": \"y\", "
#define PIPELINE "\"pipeline\": {\"groups\": [" \
  "{\"name\": \"num\", \"columns\": [\"x1\", \"x2\"], \"steps\": [" \
  "  {\"name\": \"imputer\", \"estimator\": \"SimpleImputer\", \"params\": {\"strategy\": \"median\"}}," \
  "  {\"name\": \"scaler\", \"estimator\": \"StandardScaler\"}]}," \
  "{\"name\": \"cat\", \"columns\": [\"color\"], \"steps\": [{\"name\": \"onehot\", \"estimator\": \"OneHotEncoder\"," \
  "  \"params\": {\"handle_unknown\": \"ignore\"}}]}]}, "
#define MODELS "\"models\": [{\"name\": \"ridge\", \"estimator\": \"Ridge\"}]," \
  "\"evaluation\": {\"scoring\": \"rmse\", \"cv\": {\"kind\": \"kfold\", \"n_splits\": 3}},"

static LbProject *
load (const char *text,
      GError    **error)
{
  g_autofree char *dir = g_build_filename (LB_SOURCE_DIR, "tests", "engine", "fixtures", NULL);

  return lb_project_load_from_data (text, -1, dir, error);
}

/* The pipeline's least squares through another LAPACK path: 1e-9 relative is rounding. */
static void
assert_rel (double got,
            double expected,
            double rtol)
{
  if (!(fabs (got - expected) <= rtol * fabs (expected)))
    g_error ("got %.17g, expected %.17g (relative tolerance %g)", got, expected, rtol);
}

/* GridSearchCV(Pipeline(prep, ridge), {"prep__num__imputer__strategy":
 * ["median", "mean"], "ridge__alpha": [0.1, 10]}, cv=KFold(3),
 * scoring="neg_root_mean_squared_error"): mean_test_score per candidate,
 * best {mean, 0.1} at -2.6485343226777003 (our "rmse" scorer is its
 * positive error). The refit best pipeline's train RMSE 2.188445992535272;
 * the 3-fold CV of the model on the best preparation's output (the
 * project's "prepare": "once") [3.5577…, 2.1124…, 2.2576…]. */
static void
test_grid (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProject) project = load (HEAD PIPELINE MODELS
    "\"search\": {\"model\": \"ridge\", \"kind\": \"grid\", \"grid\": {\"alpha\": [0.1, 10.0],"
    " \"prep.num.imputer.strategy\": [\"median\", \"mean\"]}}}", &error);
  g_autoptr (LbProjectResult) result = NULL;
  const struct { const char *strategy; double alpha, mean; } ref[] = {
    { "median", 0.1, 2.7653170456722687 }, { "median", 10.0, 4.830870583326104 },
    { "mean", 0.1, 2.6485343226777003 }, { "mean", 10.0, 4.788308433352904 },
  };
  const double cv_ref[] = { 3.557735541941692, 2.1124014022821025, 2.257633515930332 };
  LbProjectModelResult *m;
  JsonObject *cv_results;
  JsonArray *params, *means;
  JsonObject *best;

  g_assert_no_error (error);
  result = lb_project_run (project, NULL, &error);
  g_assert_no_error (error);
  m = g_ptr_array_index (result->models, 0);
  cv_results = json_node_get_object (m->cv_results);
  params = json_object_get_array_member (cv_results, "params");
  means = json_object_get_array_member (cv_results, "mean_test_score");
  g_assert_cmpuint (json_array_get_length (params), ==, 4);
  for (guint c = 0; c < 4; c++)
    {
      JsonObject *p = json_array_get_object_element (params, c);
      const char *strategy = json_object_get_string_member (p, "prep.num.imputer.strategy");
      double alpha = json_object_get_double_member (p, "ridge__alpha");
      gboolean found = FALSE;

      for (guint r = 0; r < G_N_ELEMENTS (ref); r++)
        if (strcmp (ref[r].strategy, strategy) == 0 && ref[r].alpha == alpha)
          {
            assert_rel (json_array_get_double_element (means, c), ref[r].mean, 1e-9);
            found = TRUE;
          }
      g_assert_true (found);
    }
  best = json_node_get_object (m->best_params);
  g_assert_cmpstr (json_object_get_string_member (best, "prep.num.imputer.strategy"), ==, "mean");
  assert_rel (json_object_get_double_member (best, "alpha"), 0.1, 0);
  assert_rel (m->best_score, 2.6485343226777003, 1e-9);
  /* the refit: the best preparation is what the model is trained and cross-validated on */
  assert_rel (m->train_score, 2.188445992535272, 1e-9);
  g_assert_cmpuint (m->cv_scores->len, ==, 3);
  for (guint f = 0; f < 3; f++)
    assert_rel (g_array_index (m->cv_scores, double, f), cv_ref[f], 1e-9);
}

typedef struct
{
  guint  n_calls;
  double best_seen;
} Seen;

static void
on_candidate (const LbSearchCandidate *candidate,
              gpointer                 user_data)
{
  Seen *seen = user_data;

  seen->n_calls++;
  g_assert_cmpuint (candidate->n_candidates, ==, 4);
  g_assert_cmpuint (candidate->n_splits, ==, 3);
  seen->best_seen = MIN (seen->best_seen, candidate->mean_test);
}

/* lb_project_run_search: the same numbers as lb_project_run, one callback
 * per candidate, and no cross-validation with LB_PROJECT_PART_NO_CV. */
static void
test_run_search (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProject) project = load (HEAD PIPELINE MODELS
    "\"search\": {\"model\": \"ridge\", \"kind\": \"grid\", \"grid\": {\"alpha\": [0.1, 10.0],"
    " \"prep__num__imputer__strategy\": [\"median\", \"mean\"]}}}", &error);
  g_autoptr (LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr (LbEstimator) prep = NULL;
  g_autoptr (LbMatrix) X_prepared = NULL;
  LbProjectModelResult *m;
  LbProjectData data;
  Seen seen = { 0, INFINITY };

  g_assert_no_error (error);
  lb_fit_context_set_seed (ctx, project->seed);
  g_assert_true (lb_project_data_prepare (project, &data, NULL, &error));
  prep = lb_project_build_preparation (project, &data, &error);
  g_assert_no_error (error);
  X_prepared = lb_project_fit_preparation (prep, &data, ctx, &error);
  g_assert_no_error (error);
  m = lb_project_run_search (project, &data, prep, X_prepared, LB_PROJECT_PART_NO_CV,
                             on_candidate, &seen, ctx, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n_calls, ==, 4);
  assert_rel (seen.best_seen, 2.6485343226777003, 1e-9);
  assert_rel (m->best_score, 2.6485343226777003, 1e-9);
  assert_rel (m->train_score, 2.188445992535272, 1e-9);
  g_assert_cmpuint (m->cv_scores->len, ==, 0);
  g_assert_true (lb_estimator_is_fitted (m->fitted));
  lb_project_model_result_free (m);
  lb_project_data_clear (&data);
}

/* A wrong preparation path fails at load, naming the key. */
static void
test_bad_paths (void)
{
  const struct { const char *grid, *message; } cases[] = {
    { "{\"prep.nope.imputer.strategy\": [\"mean\"]}", "no group named “nope”" },
    { "{\"prep.num.nope.strategy\": [\"mean\"]}", "no step named “nope”" },
    { "{\"prep.num.imputer.strategy\": [\"avg\"]}", "search.grid[0].prep.num.imputer.strategy" },
    { "{\"prep.num\": [1]}", "prep.GROUP.STEP.PARAMETER" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = g_strdup_printf (HEAD PIPELINE MODELS
        "\"search\": {\"model\": \"ridge\", \"kind\": \"grid\", \"grid\": %s}}", cases[i].grid);
      g_autoptr (LbProject) project = load (text, &error);

      g_assert_null (project);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/ProjectSearchPrep/grid", test_grid);
  g_test_add_func ("/learnbench/engine/ProjectSearchPrep/run-search", test_run_search);
  g_test_add_func ("/learnbench/engine/ProjectSearchPrep/bad-paths", test_bad_paths);
  return g_test_run ();
}
