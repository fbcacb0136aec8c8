/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-shortlist-page.c: LbShortlistPage in a window under Xvfb: the models
 * offered per task, a CV run of two models whose numbers equal scikit-learn's
 * and — after saving the project — lb_project_run's exactly, learning curves
 * whose last point is the CV score, cancel in the middle of a run (partial
 * rows kept and marked), the live training view, and on the book's housing
 * data (when present) the chapter 2 fold RMSEs. Main-loop stalls are
 * measured while the jobs run.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "lb-chart-view.h"
#include "lb-project-private.h"
#include "lb-project-run.h"
#include "lb-shortlist-page.h"
#include "lb-test-util.h"

/* scikit-learn 1.2.1, tests/ui/reference/shortlist.py
 * (/usr/bin/python3 tests/ui/reference/shortlist.py): KFold(5) un-shuffled,
 * neg_root_mean_squared_error, on the prepared matrix of the generated data. */
static const double lin_folds[5] = { -3.5753011115841877, -3.5044129701450615, -3.6081813409861883,
                                     -3.6068602400109877, -3.513129487716095 };
static const double lin_mean = -3.561577030088504, lin_std = 0.04477895804767186;
static const double lin_train_rmse = 3.53071053853035;
static const double ridge_folds[5] = { -3.5830766689721965, -3.513994125111798, -3.601528896575961,
                                       -3.6069164726807452, -3.521322241976497 };
static const double ridge_mean = -3.5653676810634396, ridge_std = 0.039816546310376566;
static const double ridge_train_rmse = 3.5331467692797776;

typedef struct
{
  GtkWidget       *window;
  LbShortlistPage *page;
  LbWorkbench     *wb;
  char            *dir;
  gboolean         done;
  gboolean         ok;
  guint            n_jobs;
  /* stall measurement */
  guint            tick_id;
  gint64           last_tick;
  gint64           worst_gap;
  gint64           last_cpu;       /* the main thread's CPU time (µs) */
  gint64           worst_cpu;      /* the most CPU the main thread used between two ticks */
} Fixture;

/* Least squares through different LAPACK paths: 1e-9 relative is rounding only. */
static void
assert_rel (double got,
            double want,
            double tol)
{
  if (fabs (got - want) > tol * MAX (1.0, fabs (want)))
    g_error ("got %.17g, want %.17g (tolerance %g)", got, want, tol);
}

static char *
write_csv (const char *dir,
           guint       n)
{
  static const char *const cats[3] = { "a", "b", "c" };
  static const double shift[3] = { 0.0, 10.0, -5.0 };
  g_autoptr (GString) text = g_string_new ("x1,x2,c,y\n");
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, "generated.csv", NULL);

  for (guint i = 0; i < n; i++)
    {
      double x1 = i / 10.0, x2 = (double) ((7 * i) % 13);
      double y = 3 * x1 - 2 * x2 + 5 * sin (i) + shift[i % 3];

      g_string_append_printf (text, "%.17g,%.17g,%s,%.17g\n", x1, x2, cats[i % 3], y);
    }
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  return path;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The generated data with the book's kind of pipeline, no test set. */
static void
load_generated (Fixture    *f,
                guint       n,
                const char *target)
{
  g_autofree char *path = write_csv (f->dir, n);
  g_autoptr (LbTable) table = NULL;
  g_autoptr (JsonObject) pipeline = parse_object (
    "{\"groups\": [{\"name\": \"num\", \"columns\": [\"x1\", \"x2\"], \"steps\": ["
    "  {\"name\": \"scaler\", \"estimator\": \"StandardScaler\", \"params\": {}}]},"
    " {\"name\": \"cat\", \"columns\": [\"c\"], \"steps\": ["
    "  {\"name\": \"onehot\", \"estimator\": \"OneHotEncoder\", \"params\": {}}]}],"
    " \"remainder\": \"drop\"}");
  g_autoptr (GError) error = NULL;

  table = lb_load_table (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  lb_workbench_set_data (f->wb, table, path, NULL);
  lb_workbench_set_target (f->wb, target);
  if (g_strcmp0 (target, "y") == 0)
    {
      lb_workbench_set_scoring (f->wb, "neg_root_mean_squared_error");
      lb_workbench_set_pipeline (f->wb, pipeline);
    }
}

static void
done_cb (LbShortlistPage *page,
         gboolean         ok,
         Fixture         *f)
{
  f->done = TRUE;
  f->ok = ok;
}

static void
job_started_cb (LbShortlistPage *page,
                LbJob           *job,
                Fixture         *f)
{
  f->n_jobs++;
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* A wall-clock gap includes time the (shared, 2-core) machine gave to other
 * threads; the CPU the main thread itself spent in the gap is the page's own
 * stall. Both are reported. */
static gboolean
tick_cb (gpointer data)
{
  Fixture *f = data;
  gint64 now = g_get_monotonic_time (), cpu = thread_cpu_us ();

  if (f->last_tick > 0)
    {
      f->worst_gap = MAX (f->worst_gap, now - f->last_tick);
      f->worst_cpu = MAX (f->worst_cpu, cpu - f->last_cpu);
    }
  f->last_tick = now;
  f->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
start_ticks (Fixture *f)
{
  f->last_tick = 0;
  f->worst_gap = f->worst_cpu = 0;
  if (f->tick_id == 0)
    f->tick_id = g_timeout_add (1, tick_cb, f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("lb-shortlist-XXXXXX", &error);
  g_assert_no_error (error);
  f->wb = lb_workbench_new ();
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  f->page = LB_SHORTLIST_PAGE (lb_shortlist_page_new (f->wb));
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  g_signal_connect (f->page, "run-done", G_CALLBACK (done_cb), f);
  g_signal_connect (f->page, "curves-done", G_CALLBACK (done_cb), f);
  g_signal_connect (f->page, "train-done", G_CALLBACK (done_cb), f);
  g_signal_connect (f->page, "job-started", G_CALLBACK (job_started_cb), f);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_handle_id (&f->tick_id, g_source_remove);
  gtk_window_destroy (GTK_WINDOW (f->window));
  lb_job_runner_wait_idle ();
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->wb);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Spins until the page's job ends (its *-done signal), measuring the worst
 * gap between 1 ms timeouts meanwhile: the main loop's longest stall. */
static void
wait_done (Fixture *f,
           double   seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  if (f->tick_id == 0)
    start_ticks (f);
  while (!f->done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&f->tick_id, g_source_remove);
  g_assert_true (f->done);
  f->done = FALSE;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* --- the models offered --- */

static gboolean
offered (LbShortlistPage *page,
         const char      *name)
{
  g_auto (GStrv) names = lb_shortlist_page_dup_offered (page);

  return g_strv_contains ((const char * const *) names, name);
}

static void
test_offered (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  load_generated (f, 60, "y");
  g_assert_cmpint (lb_workbench_get_task (f->wb), ==, LB_TASK_REGRESSION);
  g_assert_true (offered (f->page, "LinearRegression"));
  g_assert_true (offered (f->page, "SGDRegressor"));
  g_assert_false (offered (f->page, "LogisticRegression"));
  g_assert_false (offered (f->page, "StandardScaler"));

  lb_workbench_set_target (f->wb, "c");
  g_assert_cmpint (lb_workbench_get_task (f->wb), ==, LB_TASK_MULTICLASS);
  g_assert_true (offered (f->page, "LogisticRegression"));
  g_assert_true (offered (f->page, "SGDClassifier"));
  g_assert_false (offered (f->page, "LinearRegression"));

  /* models go to the workbench as the project's "models" */
  g_assert_true (lb_shortlist_page_add_model (f->page, "LogisticRegression", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lb_shortlist_page_add_model (f->page, "LogisticRegression", NULL, &error));
  g_assert_cmpuint (json_array_get_length (lb_workbench_get_models (f->wb)), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lb_workbench_get_models (f->wb), 1),
                                                  "name"), ==, "log_reg_2");
  g_assert_false (lb_shortlist_page_add_model (f->page, "NoSuchModel", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (lb_shortlist_page_add_model (f->page, "StandardScaler", NULL, &error));
  g_assert_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID);
  g_clear_error (&error);
  lb_shortlist_page_remove_model (f->page, 0);
  g_assert_cmpuint (lb_shortlist_page_get_n_models (f->page), ==, 1);
  g_assert_cmpuint (json_array_get_length (lb_workbench_get_models (f->wb)), ==, 1);

  /* a model that does not learn by epochs cannot be trained live */
  lb_workbench_set_target (f->wb, "y");
  lb_shortlist_page_remove_model (f->page, 0);
  g_assert_true (lb_shortlist_page_add_model (f->page, "LinearRegression", NULL, &error));
  g_assert_true (lb_shortlist_page_add_model (f->page, "KNeighborsRegressor", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lb_workbench_get_models (f->wb), 1),
                                                  "name"), ==, "k_neighbors_regressor");
  g_assert_false (lb_shortlist_page_train (f->page, 0, &error));
  g_assert_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID);
  g_assert_nonnull (lb_shortlist_page_get_error (f->page));
  g_assert_true (strstr (lb_shortlist_page_get_status (f->page), "CPU") != NULL
                 || lb_shortlist_page_get_status (f->page)[0] != '\0');
}

/* --- a run: scikit-learn's numbers, then lb_project_run's exactly --- */

static void
compare_with_project_run (Fixture *f)
{
  g_autofree char *project_path = g_build_filename (f->dir, "shortlist.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProject) project = NULL;
  g_autoptr (LbProjectResult) result = NULL;
  g_autoptr (JsonNode) run_json = NULL;
  JsonNode *stored = lb_workbench_get_result (f->wb, "shortlist");
  JsonArray *ours, *theirs;

  g_assert_nonnull (stored);
  g_assert_true (lb_workbench_save (f->wb, project_path, &error));
  g_assert_no_error (error);
  project = lb_project_load (project_path, &error);
  g_assert_no_error (error);
  result = lb_project_run (project, NULL, &error);
  g_assert_no_error (error);
  run_json = lb_project_result_to_json (result);
  ours = json_object_get_array_member (json_node_get_object (stored), "models");
  theirs = json_object_get_array_member (json_node_get_object (run_json), "models");
  g_assert_cmpuint (json_array_get_length (ours), ==, json_array_get_length (theirs));
  for (guint i = 0; i < json_array_get_length (ours); i++)
    {
      JsonObject *a = json_array_get_object_element (ours, i);
      JsonObject *b = json_array_get_object_element (theirs, i);
      JsonArray *fa = json_object_get_array_member (a, "cv_scores");
      JsonArray *fb = json_object_get_array_member (b, "cv_scores");

      /* the same code on the same rows: equal to the last bit */
      g_assert_cmpstr (json_object_get_string_member (a, "name"), ==, json_object_get_string_member (b, "name"));
      g_assert_cmpstr (json_object_get_string_member (a, "estimator"), ==,
                       json_object_get_string_member (b, "estimator"));
      g_assert_cmpstr (json_object_get_string_member (a, "scoring"), ==,
                       json_object_get_string_member (b, "scoring"));
      g_assert_true (json_node_equal (json_object_get_member (a, "params"), json_object_get_member (b, "params")));
      g_assert_cmpfloat (json_object_get_double_member (a, "train_score"), ==,
                         json_object_get_double_member (b, "train_score"));
      g_assert_cmpuint (json_array_get_length (fa), ==, json_array_get_length (fb));
      for (guint k = 0; k < json_array_get_length (fa); k++)
        g_assert_cmpfloat (json_array_get_double_element (fa, k), ==, json_array_get_double_element (fb, k));
      g_assert_cmpfloat (json_object_get_double_member (a, "cv_mean"), ==, json_object_get_double_member (b, "cv_mean"));
      g_assert_cmpfloat (json_object_get_double_member (a, "cv_std"), ==, json_object_get_double_member (b, "cv_std"));
      g_assert_true (json_object_has_member (a, "fit_seconds"));
    }
}

static void
check_model_json (JsonObject   *o,
                  const double *folds,
                  double        mean,
                  double        std,
                  double        train_rmse)
{
  JsonArray *scores = json_object_get_array_member (o, "cv_scores");

  g_assert_cmpstr (json_object_get_string_member (o, "scoring"), ==, "neg_root_mean_squared_error");
  g_assert_cmpuint (json_array_get_length (scores), ==, 5);
  for (guint k = 0; k < 5; k++)
    assert_rel (json_array_get_double_element (scores, k), folds[k], 1e-9);
  assert_rel (json_object_get_double_member (o, "cv_mean"), mean, 1e-9);
  assert_rel (json_object_get_double_member (o, "cv_std"), std, 1e-7);   /* a difference of close numbers */
  assert_rel (json_object_get_double_member (o, "train_score"), -train_rmse, 1e-9);
}

static void
test_run (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *models;
  double mean, std;
  guint n_done;
  const char *state;

  load_generated (f, 200, "y");
  g_assert_true (lb_shortlist_page_add_model (f->page, "LinearRegression", NULL, &error));
  g_assert_true (lb_shortlist_page_add_model (f->page, "Ridge", NULL, &error));
  g_assert_no_error (error);
  lb_shortlist_page_set_cv (f->page, 5, FALSE, FALSE, FALSE);
  start_ticks (f);
  g_assert_true (lb_shortlist_page_run (f->page, &error));
  g_assert_no_error (error);
  g_assert_true (lb_shortlist_page_is_running (f->page));
  wait_done (f, 30);
  g_assert_true (f->ok);
  g_test_message ("worst main-loop gap during the 2-model CV: %.1f ms (main-thread CPU in it: %.1f ms)",
                  f->worst_gap / 1000.0, f->worst_cpu / 1000.0);
  g_assert_cmpuint (f->n_jobs, ==, 1);
  g_assert_false (lb_shortlist_page_is_running (f->page));
  g_assert_true (lb_workbench_get_step_done (f->wb, LB_STEP_SHORTLIST));

  /* the table: scikit-learn's numbers */
  g_assert_cmpuint (lb_shortlist_page_get_n_rows (f->page), ==, 2);
  g_assert_cmpstr (lb_shortlist_page_get_row (f->page, 0, &mean, &std, &n_done, &state), ==, "lin_reg");
  g_assert_cmpstr (state, ==, "done");
  g_assert_cmpuint (n_done, ==, 5);
  assert_rel (mean, lin_mean, 1e-9);
  assert_rel (std, lin_std, 1e-7);
  /* shown as the positive error, as the book prints RMSE */
  text = lb_shortlist_page_dup_row_text (f->page, 0);
  g_assert_cmpstr (text, ==, "3.562 ± 0.04478");
  g_assert_cmpstr (lb_shortlist_page_get_row (f->page, 1, &mean, &std, &n_done, &state), ==, "ridge_reg");
  assert_rel (mean, ridge_mean, 1e-9);
  assert_rel (std, ridge_std, 1e-7);

  /* the stored result, in `learnbench run --json`'s shape per model */
  models = json_object_get_array_member (json_node_get_object (lb_workbench_get_result (f->wb, "shortlist")),
                                         "models");
  check_model_json (json_array_get_object_element (models, 0), lin_folds, lin_mean, lin_std, lin_train_rmse);
  check_model_json (json_array_get_object_element (models, 1), ridge_folds, ridge_mean, ridge_std,
                    ridge_train_rmse);
  /* the evaluation settings in the project's form */
  {
    JsonObject *evaluation = lb_workbench_get_evaluation (f->wb);
    JsonObject *cv = json_object_get_object_member (evaluation, "cv");

    g_assert_cmpstr (json_object_get_string_member (cv, "kind"), ==, "kfold");
    g_assert_cmpint (json_object_get_int_member (cv, "n_splits"), ==, 5);
    g_assert_false (json_object_get_boolean_member (cv, "shuffle"));
    g_assert_cmpstr (json_object_get_string_member (evaluation, "prepare"), ==, "once");
  }
  compare_with_project_run (f);

  /* the fold plot was drawn */
  spin (200);
  g_assert_cmpuint (lb_chart_view_get_draw_count (LB_CHART_VIEW (lb_shortlist_page_get_chart_view (f->page, "folds"))),
                    >, 0);

  /* "per fold" and shuffled folds: still lb_project_run's numbers */
  lb_shortlist_page_set_cv (f->page, 4, TRUE, FALSE, TRUE);
  g_assert_null (lb_workbench_get_result (f->wb, "shortlist"));   /* stale: dropped */
  start_ticks (f);
  g_assert_true (lb_shortlist_page_run (f->page, &error));
  wait_done (f, 30);
  g_assert_true (f->ok);
  g_assert_cmpuint (lb_shortlist_page_get_row (f->page, 0, NULL, NULL, &n_done, NULL) != NULL, ==, TRUE);
  g_assert_cmpuint (n_done, ==, 4);
  compare_with_project_run (f);
}

/* --- learning curves: the last point (every training row of each split) is the CV score --- */

static void
test_curves (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  double x, train, val;

  load_generated (f, 200, "y");
  g_assert_true (lb_shortlist_page_add_model (f->page, "LinearRegression", NULL, &error));
  g_assert_true (lb_shortlist_page_add_model (f->page, "Ridge", NULL, &error));
  lb_shortlist_page_set_cv (f->page, 5, FALSE, FALSE, FALSE);
  start_ticks (f);
  g_assert_true (lb_shortlist_page_run_curves (f->page, &error));
  g_assert_no_error (error);
  wait_done (f, 30);
  g_assert_true (f->ok);
  g_test_message ("worst main-loop gap during the learning curves: %.1f ms (main-thread CPU in it: %.1f ms)",
                  f->worst_gap / 1000.0, f->worst_cpu / 1000.0);
  for (guint row = 0; row < 2; row++)
    {
      /* scikit-learn's default sizes: linspace(0.1, 1, 5) of the 160 training rows of a fold */
      g_assert_cmpuint (lb_shortlist_page_get_n_curve_points (f->page, row), ==, 5);
      g_assert_true (lb_shortlist_page_get_curve_point (f->page, row, 0, &x, &train, &val));
      g_assert_cmpfloat (x, ==, 16);
      g_assert_true (lb_shortlist_page_get_curve_point (f->page, row, 4, &x, &train, &val));
      g_assert_cmpfloat (x, ==, 160);
      assert_rel (val, row == 0 ? lin_mean : ridge_mean, 1e-9);
    }
  spin (200);
  g_assert_cmpuint (lb_chart_view_get_draw_count (LB_CHART_VIEW (lb_shortlist_page_get_chart_view (f->page, "curves"))),
                    >, 0);
}

/* --- cancel in the middle of a run --- */

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  /* SGD checks the cancellable every epoch; 3000 epochs make each fit last */
  g_autoptr (JsonObject) sgd = parse_object ("{\"max_iter\": 3000, \"tol\": -1, \"eta0\": 0.001}");
  gint64 end, cancelled_at, latency;
  guint n_done = 0, n_cancelled = 0;
  const char *state;

  load_generated (f, 3000, "y");
  g_assert_true (lb_shortlist_page_add_model (f->page, "LinearRegression", NULL, &error));
  g_assert_true (lb_shortlist_page_add_model (f->page, "SGDRegressor", sgd, &error));
  g_assert_true (lb_shortlist_page_add_model (f->page, "SGDRegressor", sgd, &error));
  g_assert_no_error (error);
  lb_shortlist_page_set_cv (f->page, 10, TRUE, FALSE, TRUE);
  start_ticks (f);
  {
    gint64 start = g_get_monotonic_time ();

    g_assert_true (lb_shortlist_page_run (f->page, &error));
    g_test_message ("pressing Run took %.1f ms on the main thread",
                    (g_get_monotonic_time () - start) / 1000.0);
  }
  g_assert_no_error (error);

  /* wait for the first fold, then press Cancel */
  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (n_done == 0 && !f->done && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, TRUE);
      lb_shortlist_page_get_row (f->page, 1, NULL, NULL, &n_done, NULL);
    }
  g_assert_false (f->done);      /* the run must still be going */
  g_assert_cmpuint (n_done, >, 0);
  cancelled_at = g_get_monotonic_time ();
  lb_shortlist_page_cancel (f->page);
  wait_done (f, 10);
  latency = g_get_monotonic_time () - cancelled_at;
  g_test_message ("cancel took effect after %.1f ms; worst main-loop gap during the run %.1f ms "
                  "(main-thread CPU in it: %.1f ms)", latency / 1000.0, f->worst_gap / 1000.0, f->worst_cpu / 1000.0);
  g_assert_false (f->ok);
  /* the shared machine can be slow: 200 ms is the goal, 1 s the failure */
  g_assert_cmpint (latency, <, G_USEC_PER_SEC);

  /* the rows stay, the unfinished ones marked */
  g_assert_cmpuint (lb_shortlist_page_get_n_rows (f->page), ==, 3);
  lb_shortlist_page_get_row (f->page, 0, NULL, NULL, &n_done, &state);
  g_assert_cmpstr (state, ==, "done");
  g_assert_cmpuint (n_done, ==, 10);
  lb_shortlist_page_get_row (f->page, 1, NULL, NULL, &n_done, &state);
  g_assert_cmpstr (state, ==, "cancelled");
  g_assert_cmpuint (n_done, >, 0);       /* its finished folds stay */
  g_assert_cmpuint (n_done, <, 10);
  for (guint i = 0; i < 3; i++)
    {
      lb_shortlist_page_get_row (f->page, i, NULL, NULL, NULL, &state);
      n_cancelled += g_strcmp0 (state, "cancelled") == 0;
    }
  g_assert_cmpuint (n_cancelled, ==, 2);
  lb_shortlist_page_get_row (f->page, 2, NULL, NULL, &n_done, &state);
  g_assert_cmpuint (n_done, ==, 0);
  g_assert_null (lb_workbench_get_result (f->wb, "shortlist"));
  g_assert_false (lb_workbench_get_step_done (f->wb, LB_STEP_SHORTLIST));
  g_assert_null (lb_shortlist_page_get_error (f->page));    /* a cancel is not an error */
}

/* --- the live training view --- */

static void
test_live (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) sgd = parse_object ("{\"max_iter\": 40, \"eta0\": 0.001, \"tol\": -1}");
  g_autoptr (JsonObject) gd = parse_object ("{\"n_iterations\": 300, \"eta\": 0.05}");
  guint best, n;

  load_generated (f, 400, "y");
  g_assert_true (lb_shortlist_page_add_model (f->page, "LinearRegression", NULL, &error));
  g_assert_true (lb_shortlist_page_add_model (f->page, "SGDRegressor", sgd, &error));
  g_assert_no_error (error);
  start_ticks (f);
  g_assert_true (lb_shortlist_page_train (f->page, 1, &error));
  g_assert_no_error (error);
  wait_done (f, 30);
  g_assert_true (f->ok);
  g_test_message ("worst main-loop gap during the live training: %.1f ms (main-thread CPU in it: %.1f ms)",
                  f->worst_gap / 1000.0, f->worst_cpu / 1000.0);
  /* one point per epoch (the book's loop: max_iter=1, warm_start), the best marked */
  n = lb_shortlist_page_get_n_epochs (f->page, &best);
  g_assert_cmpuint (n, ==, 40);
  g_assert_cmpuint (best, >=, 1);
  g_assert_cmpuint (best, <=, 40);
  spin (200);
  g_assert_cmpuint (lb_chart_view_get_draw_count (LB_CHART_VIEW (lb_shortlist_page_get_chart_view (f->page, "live"))),
                    >, 0);

  /* a model without warm_start: the estimator's own per-epoch events */
  if (lb_shortlist_page_add_model (f->page, "GDRegressor", gd, NULL))
    {
      g_assert_true (lb_shortlist_page_train (f->page, 2, &error));
      g_assert_no_error (error);
      wait_done (f, 30);
      g_assert_true (f->ok);
      /* with the validation part in its context it reports every epoch
       * (engine/lb-fit-context.h; tests/engine/test-fit-validation.c checks the values) */
      g_assert_cmpuint (lb_shortlist_page_get_n_epochs (f->page, &best), ==, 300);
      g_assert_cmpuint (best, >, 1);
    }
}

/* --- classification: stratified folds, accuracy, the live view in accuracy --- */

static void
test_classification (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (LbTable) moons = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) sgd = parse_object ("{\"max_iter\": 25, \"tol\": -1}");
  double mean, std;
  guint n_done, best;
  const char *state;

  moons = lb_load_table ("sample:moons", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  lb_workbench_set_data (f->wb, moons, NULL, "moons");
  lb_workbench_set_target (f->wb, "label");
  g_assert_cmpint (lb_workbench_get_task (f->wb), ==, LB_TASK_BINARY);
  lb_workbench_set_scoring (f->wb, "accuracy");
  g_assert_true (lb_shortlist_page_add_model (f->page, "LogisticRegression", NULL, &error));
  g_assert_true (lb_shortlist_page_add_model (f->page, "SGDClassifier", sgd, &error));
  g_assert_no_error (error);
  lb_shortlist_page_set_cv (f->page, 3, TRUE, TRUE, FALSE);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (lb_workbench_get_evaluation (f->wb),
                                                                                 "cv"), "kind"), ==,
                   "stratified_kfold");
  start_ticks (f);
  g_assert_true (lb_shortlist_page_run (f->page, &error));
  g_assert_no_error (error);
  wait_done (f, 30);
  g_assert_true (f->ok);
  g_assert_cmpstr (lb_shortlist_page_get_row (f->page, 0, &mean, &std, &n_done, &state), ==, "log_reg");
  g_assert_cmpuint (n_done, ==, 3);
  /* accuracy is shown as it is (greater is better), in [0, 1]; moons with
   * noise 0.15 is ~85-90 % linearly separable */
  g_assert_cmpfloat (mean, >, 0.8);
  g_assert_cmpfloat (mean, <=, 1.0);
  compare_with_project_run (f);

  /* live: accuracy on both parts after each epoch */
  g_assert_true (lb_shortlist_page_train (f->page, 1, &error));
  g_assert_no_error (error);
  wait_done (f, 30);
  g_assert_true (f->ok);
  g_assert_cmpuint (lb_shortlist_page_get_n_epochs (f->page, &best), ==, 25);
  g_assert_cmpuint (best, >=, 1);
}

/* --- a saved project shows its shortlist again --- */

static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "saved.json", NULL);
  g_autoptr (LbWorkbench) again = lb_workbench_new ();
  GtkWidget *page;
  double mean, std, mean2, std2;

  load_generated (f, 200, "y");
  g_assert_true (lb_shortlist_page_add_model (f->page, "LinearRegression", NULL, &error));
  g_assert_true (lb_shortlist_page_add_model (f->page, "Ridge", NULL, &error));
  lb_shortlist_page_set_cv (f->page, 5, FALSE, FALSE, FALSE);
  g_assert_true (lb_shortlist_page_run (f->page, &error));
  wait_done (f, 30);
  g_assert_true (f->ok);
  lb_shortlist_page_get_row (f->page, 1, &mean, &std, NULL, NULL);
  g_assert_true (lb_workbench_save (f->wb, path, &error));
  g_assert_no_error (error);

  g_assert_true (lb_workbench_load_project (again, path, &error));
  g_assert_no_error (error);
  page = lb_shortlist_page_new (again);
  g_object_ref_sink (page);
  g_assert_cmpuint (lb_shortlist_page_get_n_models (LB_SHORTLIST_PAGE (page)), ==, 2);
  g_assert_cmpuint (lb_shortlist_page_get_n_rows (LB_SHORTLIST_PAGE (page)), ==, 2);
  g_assert_cmpstr (lb_shortlist_page_get_row (LB_SHORTLIST_PAGE (page), 1, &mean2, &std2, NULL, NULL), ==, "ridge_reg");
  g_assert_cmpfloat (mean2, ==, mean);
  g_assert_cmpfloat (std2, ==, std);
  g_object_unref (page);
}

/* --- the book's chapter 2 (when the data is there) --- */

static void
test_housing (Fixture       *f,
              gconstpointer  data)
{
  /* scikit-learn 1.2.1: ../shared/reference/reference-results.jsonl, W2_housing_pipeline,
   * lin_reg_cv10_rmse (KFold(10) un-shuffled on the reference split's training rows) */
  static const double ref[10] = { 71762.76364394206, 64114.991663591, 67771.17124355726, 68635.19072082045,
                                  66846.14089488103, 72528.03725384998, 73997.08050232659, 68802.33629334369,
                                  66443.28836883698, 70139.79923955735 };
  g_autofree char *path = lb_test_data_file ("housing/housing.csv");
  g_autofree char *train_idx = path != NULL ? lb_test_reference_file ("splits/housing_train_idx.txt") : NULL;
  g_autofree char *test_idx = path != NULL ? lb_test_reference_file ("splits/housing_test_idx.txt") : NULL;
  g_autoptr (LbTable) table = NULL;
  g_autoptr (JsonObject) split = NULL;
  g_autoptr (JsonObject) pipeline = parse_object (
    "{\"groups\": [{\"name\": \"num\", \"kind\": \"numeric\", \"steps\": ["
    "  {\"name\": \"imputer\", \"estimator\": \"SimpleImputer\", \"params\": {\"strategy\": \"median\"}},"
    "  {\"name\": \"attribs_adder\", \"estimator\": \"ExpressionTransformer\", \"params\": {\"expressions\": ["
    "     \"rooms_per_household = total_rooms / households\","
    "     \"population_per_household = population / households\","
    "     \"bedrooms_per_room = total_bedrooms / total_rooms\"]}},"
    "  {\"name\": \"std_scaler\", \"estimator\": \"StandardScaler\", \"params\": {}}]},"
    " {\"name\": \"cat\", \"columns\": [\"ocean_proximity\"], \"steps\": ["
    "  {\"name\": \"onehot\", \"estimator\": \"OneHotEncoder\", \"params\": {}}]}], \"remainder\": \"drop\"}");
  g_autoptr (GError) error = NULL;
  g_autofree char *split_text = NULL;
  double mean, std;
  guint n_done;
  JsonArray *scores;

  if (path == NULL || train_idx == NULL || test_idx == NULL)
    return;
  table = lb_load_table (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  lb_workbench_set_data (f->wb, table, path, NULL);
  lb_workbench_set_target (f->wb, "median_house_value");
  lb_workbench_set_scoring (f->wb, "neg_root_mean_squared_error");
  split_text = g_strdup_printf ("{\"kind\": \"index_files\", \"train\": \"%s\", \"test\": \"%s\"}",
                                train_idx, test_idx);
  split = parse_object (split_text);
  g_assert_true (lb_workbench_set_split (f->wb, split, &error));
  g_assert_no_error (error);
  lb_workbench_set_pipeline (f->wb, pipeline);
  g_assert_true (lb_shortlist_page_add_model (f->page, "LinearRegression", NULL, &error));
  lb_shortlist_page_set_cv (f->page, 10, FALSE, FALSE, FALSE);
  start_ticks (f);
  g_assert_true (lb_shortlist_page_run (f->page, &error));
  g_assert_no_error (error);
  wait_done (f, 60);
  g_assert_true (f->ok);
  g_test_message ("worst main-loop gap during the housing CV: %.1f ms (main-thread CPU in it: %.1f ms)",
                  f->worst_gap / 1000.0, f->worst_cpu / 1000.0);
  lb_shortlist_page_get_row (f->page, 0, &mean, &std, &n_done, NULL);
  g_assert_cmpuint (n_done, ==, 10);
  scores = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (
      json_node_get_object (lb_workbench_get_result (f->wb, "shortlist")), "models"), 0), "cv_scores");
  for (guint k = 0; k < 10; k++)
    assert_rel (-json_array_get_double_element (scores, k), ref[k], 1e-9);
  assert_rel (-mean, 69104.07998247063, 1e-9);
  /* what a redraw of the fold plot costs the main thread (the page redraws
   * it at most 20 times a second while folds finish) */
  {
    LbChart *chart = lb_chart_view_get_chart (LB_CHART_VIEW (lb_shortlist_page_get_chart_view (f->page, "folds")));
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 860, 480);
    cairo_t *cr = cairo_create (surface);
    double worst = 0;

    g_assert_nonnull (chart);
    for (guint r = 0; r < 5; r++)
      {
        gint64 start = g_get_monotonic_time ();

        g_assert_true (lb_chart_render (chart, cr, 860, 480, NULL));
        worst = MAX (worst, (g_get_monotonic_time () - start) / 1000.0);
      }
    g_test_message ("fold plot render 860x480: worst of 5 %.1f ms", worst);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  assert_rel (std, 2880.3282098180644, 1e-7);
  compare_with_project_run (f);

  /* the learning curve: scikit-learn's, tests/ui/reference/shortlist_housing_curve.py
   * (/usr/bin/python3 tests/ui/reference/shortlist_housing_curve.py). The two
   * smallest sizes are near-singular fits (RMSE 1e5 with huge spreads in both):
   * rounding is amplified there, so 1e-4; elsewhere 1e-6. */
  {
    static const double sizes[5] = { 1486, 4829, 8173, 11516, 14860 };
    static const double val_rmse[5] = { 119423.55649107229, 154197.37277599907, 69041.6071758169,
                                        69172.32612401512, 69104.04197686221 };
    static const double train_rmse[5] = { 70234.3307804138, 66491.76022436064, 67749.94459221393,
                                          68674.10501403133, 68604.74807500913 };
    double x, train, val;

    g_assert_true (lb_shortlist_page_run_curves (f->page, &error));
    g_assert_no_error (error);
    wait_done (f, 60);
    g_assert_true (f->ok);
    g_assert_cmpuint (lb_shortlist_page_get_n_curve_points (f->page, 0), ==, 5);
    for (guint k = 0; k < 5; k++)
      {
        g_assert_true (lb_shortlist_page_get_curve_point (f->page, 0, k, &x, &train, &val));
        g_assert_cmpfloat (x, ==, sizes[k]);
        assert_rel (-val, val_rmse[k], k < 2 ? 1e-4 : 1e-6);
        assert_rel (-train, train_rmse[k], 1e-6);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  lb_estimators_register_builtin ();
  g_test_add ("/learnbench/ui/ShortlistPage/offered", Fixture, NULL, fixture_setup, test_offered, fixture_teardown);
  g_test_add ("/learnbench/ui/ShortlistPage/run", Fixture, NULL, fixture_setup, test_run, fixture_teardown);
  g_test_add ("/learnbench/ui/ShortlistPage/curves", Fixture, NULL, fixture_setup, test_curves, fixture_teardown);
  g_test_add ("/learnbench/ui/ShortlistPage/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/learnbench/ui/ShortlistPage/live", Fixture, NULL, fixture_setup, test_live, fixture_teardown);
  g_test_add ("/learnbench/ui/ShortlistPage/classification", Fixture, NULL, fixture_setup, test_classification,
              fixture_teardown);
  g_test_add ("/learnbench/ui/ShortlistPage/reload", Fixture, NULL, fixture_setup, test_reload, fixture_teardown);
  g_test_add ("/learnbench/ui/ShortlistPage/housing", Fixture, NULL, fixture_setup, test_housing, fixture_teardown);
  return g_test_run ();
}
