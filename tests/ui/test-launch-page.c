/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-launch-page.c: LbLaunchPage on a workbench: the saved model (a job)
 * predicts the closed form it was trained on and equals the model
 * `learnbench run` saves for the same project; Fine-tune's best parameters
 * are applied; the command shown; the drift check of a new file against
 * closed-form PSI values, with missing and extra columns listed.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lb-launch-page.h"
#include "lb-test-util.h"

#define N 100

typedef struct
{
  LbWorkbench  *workbench;
  GtkWidget    *window;
  LbLaunchPage *page;
  char         *dir;
  char         *csv;
  guint         n_saved;
  char         *saved;
  guint         n_compared;
  gboolean      compare_ok;
} Fixture;

static void
saved_cb (LbLaunchPage *page,
          const char   *path,
          Fixture      *f)
{
  f->n_saved++;
  g_free (f->saved);
  f->saved = g_strdup (path);
}

static void
compared_cb (LbLaunchPage *page,
             gboolean      ok,
             Fixture      *f)
{
  f->n_compared++;
  f->compare_ok = ok;
}

/* a = 1..N, b = (i * 7) mod 11, c = x/y/z cycling, d = i mod 2,
 * y = 3a − 2b + 1 (+5 for c = z): a linear model fits it exactly. */
static LbTable *
make_table (gboolean with_target)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  double *a = g_new (double, N), *b = g_new (double, N), *d = g_new (double, N), *y = g_new (double, N);
  gint32 *codes = g_new (gint32, N);
  char **cats = g_new0 (char *, 4);

  cats[0] = g_strdup ("x");
  cats[1] = g_strdup ("y");
  cats[2] = g_strdup ("z");
  for (guint i = 0; i < N; i++)
    {
      a[i] = i + 1;
      b[i] = (i * 7) % 11;
      d[i] = i % 2;
      codes[i] = (gint32) (i % 3);
      y[i] = 3.0 * a[i] - 2.0 * b[i] + 1.0 + (codes[i] == 2 ? 5.0 : 0.0);
    }
  g_ptr_array_add (columns, lb_column_new_numeric ("a", a, N));
  g_ptr_array_add (columns, lb_column_new_numeric ("b", b, N));
  g_ptr_array_add (columns, lb_column_new_categorical ("c", codes, N, cats));
  g_ptr_array_add (columns, lb_column_new_numeric ("d", d, N));
  if (with_target)
    g_ptr_array_add (columns, lb_column_new_numeric ("y", y, N));
  else
    g_free (y);
  return lb_table_new (columns, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LbTable) table = make_table (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  f->dir = g_dir_make_tmp ("lb-launch-XXXXXX", &error);
  g_assert_no_error (error);
  f->csv = g_build_filename (f->dir, "train.csv", NULL);
  g_assert_true (lb_csv_write_file (table, f->csv, &error));
  f->workbench = lb_workbench_new ();
  lb_workbench_set_data (f->workbench, table, f->csv, NULL);
  lb_workbench_set_target (f->workbench, "y");
  g_assert_true (json_parser_load_from_data (parser,
    "{\"groups\": [{\"name\": \"num\", \"kind\": \"numeric\", \"steps\": ["
    "   {\"name\": \"scaler\", \"estimator\": \"StandardScaler\"}]},"
    "  {\"name\": \"cat\", \"kind\": \"categorical\", \"steps\": ["
    "   {\"name\": \"onehot\", \"estimator\": \"OneHotEncoder\", \"params\": {\"handle_unknown\": \"ignore\"}}]}],"
    " \"remainder\": \"drop\"}", -1, &error));
  lb_workbench_set_pipeline (f->workbench, json_node_get_object (json_parser_get_root (parser)));
  g_assert_true (json_parser_load_from_data (parser,
    "[{\"name\": \"lin_reg\", \"estimator\": \"LinearRegression\"},"
    " {\"name\": \"ridge\", \"estimator\": \"Ridge\", \"params\": {\"alpha\": 1}}]", -1, &error));
  lb_workbench_set_models (f->workbench, json_node_get_array (json_parser_get_root (parser)));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  f->page = LB_LAUNCH_PAGE (lb_launch_page_new (f->workbench));
  g_signal_connect (f->page, "model-saved", G_CALLBACK (saved_cb), f);
  g_signal_connect (f->page, "compare-done", G_CALLBACK (compared_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  lb_job_runner_wait_idle ();
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->workbench);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->csv);
  g_free (f->saved);
}

static gboolean
wait_for (guint   *counter,
          guint    before,
          guint    timeout_s)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;

  while (*counter == before && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return *counter > before;
}

static LbMatrix *
new_rows (LbEstimator *model,
          JsonObject  *metadata)
{
  g_autoptr(LbTable) fresh = make_table (FALSE);
  JsonArray *features = json_object_get_array_member (metadata, "features");
  g_autofree guint *cols = g_new (guint, json_array_get_length (features));

  for (guint i = 0; i < json_array_get_length (features); i++)
    cols[i] = (guint) lb_table_find_column (fresh, json_array_get_string_element (features, i));
  return lb_matrix_new_from_table (fresh, cols, json_array_get_length (features), NULL);
}

/* The saved pipeline predicts y = 3a − 2b + 1 (+5 for z) — the closed form it
 * was fitted on — and equals the model `learnbench run` saves. */
static void
test_save_model (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "lin.lbmodel", NULL);
  g_autofree char *run_path = g_build_filename (f->dir, "run.lbmodel", NULL);
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) metadata = NULL;
  g_autoptr(JsonObject) run_metadata = NULL;
  g_autoptr(LbEstimator) model = NULL;
  g_autoptr(LbEstimator) run_model = NULL;
  g_autoptr(LbMatrix) X = NULL;
  g_autoptr(LbMatrix) p = NULL;
  g_autoptr(LbMatrix) q = NULL;
  g_autoptr(LbProject) project = NULL;
  g_autoptr(LbProjectResult) result = NULL;

  command = lb_launch_page_dup_command (f->page);
  g_assert_nonnull (strstr (command, "learnbench predict MODEL.lbmodel"));
  lb_launch_page_set_model (f->page, 0);
  lb_launch_page_save_model (f->page, path);
  g_assert_true (lb_launch_page_is_busy (f->page));
  g_assert_true (wait_for (&f->n_saved, 0, 60));
  g_assert_null (lb_launch_page_get_error (f->page));
  g_assert_cmpstr (f->saved, ==, path);
  g_assert_cmpstr (lb_launch_page_get_saved_path (f->page), ==, path);
  g_assert_true (lb_workbench_get_step_done (f->workbench, LB_STEP_LAUNCH));
  g_clear_pointer (&command, g_free);
  command = lb_launch_page_dup_command (f->page);
  {
    /* (the temporary folder's name needs no quoting) */
    g_autofree char *expected = g_strdup_printf ("learnbench predict %s ", path);
    g_autofree char *out = g_build_filename (f->dir, "predictions.csv", NULL);
    g_autofree char *tail = g_strdup_printf ("%s -o %s", f->csv, out);

    g_assert_true (g_str_has_prefix (command, expected));
    g_assert_true (g_str_has_suffix (command, tail));
  }

  model = lb_model_file_load_full (path, &metadata, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (metadata, "target"), ==, "y");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (metadata, "features")), ==, 4);
  X = new_rows (model, metadata);
  p = lb_estimator_predict (model, X, &error);
  g_assert_no_error (error);
  /* Tolerance 1e-8: a least-squares fit of an exact linear relation. */
  for (guint i = 0; i < N; i++)
    g_assert_cmpfloat_with_epsilon (lb_matrix_get_const_data (p)[i],
                                    3.0 * (i + 1) - 2.0 * ((i * 7) % 11) + 1.0 + (i % 3 == 2 ? 5.0 : 0.0), 1e-8);

  /* `learnbench run` with save_model on the same project. */
  project = lb_workbench_build_project (f->workbench, &error);
  g_assert_no_error (error);
  result = lb_project_run (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lb_project_result_save_model (result, "lin_reg", run_path, &error));
  run_model = lb_model_file_load_full (run_path, &run_metadata, &error);
  g_assert_no_error (error);
  q = lb_estimator_predict (run_model, X, &error);
  g_assert_no_error (error);
  /* The same code on the same rows: equal to the last bit. */
  for (guint i = 0; i < N; i++)
    g_assert_cmpfloat (lb_matrix_get_const_data (p)[i], ==, lb_matrix_get_const_data (q)[i]);
  {
    g_autoptr(JsonNode) a = json_node_init_object (json_node_alloc (), metadata);
    g_autoptr(JsonNode) b = json_node_init_object (json_node_alloc (), run_metadata);

    g_assert_true (json_node_equal (a, b));
  }
}

/* Fine-tune's best parameters go into the saved model. */
static void
test_best_params (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "ridge.lbmodel", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbEstimator) model = NULL;
  g_autoptr(JsonNode) alpha = NULL;
  g_autoptr(JsonNode) strategy = NULL;

  g_assert_true (json_parser_load_from_data (parser,
    "{\"model\": \"ridge\", \"best_params\": {\"alpha\": 10, \"prep.num.scaler.with_mean\": false}}", -1, &error));
  lb_workbench_set_result (f->workbench, "final", json_parser_get_root (parser));
  /* The tuned model is chosen by default. */
  lb_launch_page_save_model (f->page, path);
  g_assert_true (wait_for (&f->n_saved, 0, 60));
  g_assert_null (lb_launch_page_get_error (f->page));
  model = lb_model_file_load (path, &error);
  g_assert_no_error (error);
  alpha = lb_estimator_get_param (model, "ridge__alpha", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (json_node_get_double (alpha), ==, 10.0);
  strategy = lb_estimator_get_param (model, "prep__num__scaler__with_mean", &error);
  g_assert_no_error (error);
  g_assert_false (json_node_get_boolean (strategy));
}

static void
test_save_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-dir", "x.lbmodel", NULL);

  lb_launch_page_save_model (f->page, path);
  g_assert_true (wait_for (&f->n_saved, 0, 60));
  g_assert_null (f->saved);
  g_assert_nonnull (lb_launch_page_get_error (f->page));
}

/* PSI closed forms (lb-drift.h: training deciles, shares floored at 1e-4):
 * a: the same values → 0. b: training (7i mod 11) takes 0..10 (9 or 10 times
 * each); the new file holds only 0 → all in the first bin. c: all "x" and
 * some unseen "w". */
static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "new.csv", NULL);
  g_autoptr(GString) text = g_string_new ("a,b,c,e\n");
  g_autoptr(GError) error = NULL;
  double psi;
  int level;
  const char * const *missing, *const *extra;
  JsonNode *stored;

  for (guint i = 0; i < N; i++)
    g_string_append_printf (text, "%u,0,%s,1\n", i + 1, i < 80 ? "x" : "w");
  g_assert_true (g_file_set_contents (path, text->str, -1, &error));
  lb_launch_page_compare_file (f->page, path);
  g_assert_true (wait_for (&f->n_compared, 0, 60));
  g_assert_true (f->compare_ok);
  g_assert_null (lb_launch_page_get_error (f->page));
  g_assert_cmpuint (lb_launch_page_get_n_drift_rows (f->page), ==, 3);

  g_assert_cmpstr (lb_launch_page_get_drift_row (f->page, 0, &psi, &level), ==, "a");
  g_assert_cmpfloat (psi, ==, 0.0);
  g_assert_cmpint (level, ==, 0);

  g_assert_cmpstr (lb_launch_page_get_drift_row (f->page, 1, &psi, &level), ==, "b");
  {
    /* b's training values: 0..10, value v appearing n_v times; its deciles
     * (numpy linear) of the sorted values; all new values (0) fall in bin 0,
     * which holds the training values <= the first decile. Expected PSI:
     * (1 − e0) ln (1 / e0) + Σ_{k>0} (ε − e_k) ln (ε / e_k). */
    double sorted[N], edges[9], e[10] = { 0 }, expected = 0;
    guint n_edges = 0;

    for (guint i = 0; i < N; i++)
      sorted[i] = (i * 7) % 11;
    for (guint i = 1; i < N; i++)      /* insertion sort */
      for (guint j = i; j > 0 && sorted[j - 1] > sorted[j]; j--)
        {
          double t = sorted[j];

          sorted[j] = sorted[j - 1];
          sorted[j - 1] = t;
        }
    for (guint k = 1; k < 10; k++)
      {
        double pos = k / 10.0 * (N - 1), fr = pos - floor (pos);
        guint lo = (guint) floor (pos);
        double q = sorted[lo] + fr * (sorted[lo + 1] - sorted[lo]);

        if (n_edges == 0 || q > edges[n_edges - 1])
          edges[n_edges++] = q;
      }
    for (guint i = 0; i < N; i++)
      {
        guint bin = 0;

        while (bin < n_edges && edges[bin] < sorted[i])
          bin++;
        e[bin] += 1.0 / N;
      }
    for (guint k = 0; k <= n_edges; k++)
      {
        double a = k == 0 ? 1.0 : 0.0;
        double ee = MAX (e[k], 1e-4), aa = MAX (a, 1e-4);

        expected += (aa - ee) * log (aa / ee);
      }
    /* Tolerance 1e-12: the same sums in another order. */
    g_assert_cmpfloat_with_epsilon (psi, expected, 1e-12);
    g_assert_cmpint (level, ==, 2);
  }

  g_assert_cmpstr (lb_launch_page_get_drift_row (f->page, 2, &psi, &level), ==, "c");
  {
    /* Training x, y, z: 34, 33, 33 of 100; new: x 0.8, unseen 0.2. */
    double e[4] = { 0.34, 0.33, 0.33, 1e-4 }, a[4] = { 0.8, 1e-4, 1e-4, 0.2 }, expected = 0;

    for (guint k = 0; k < 4; k++)
      expected += (a[k] - e[k]) * log (a[k] / e[k]);
    g_assert_cmpfloat_with_epsilon (psi, expected, 1e-12);
    g_assert_cmpint (level, ==, 2);
  }

  missing = lb_launch_page_get_missing_columns (f->page);
  extra = lb_launch_page_get_extra_columns (f->page);
  g_assert_cmpuint (g_strv_length ((char **) missing), ==, 1);
  g_assert_cmpstr (missing[0], ==, "d");   /* the target y is not "missing" */
  g_assert_cmpuint (g_strv_length ((char **) extra), ==, 1);
  g_assert_cmpstr (extra[0], ==, "e");
  g_assert_true (lb_launch_page_select_column (f->page, "c"));
  g_assert_false (lb_launch_page_select_column (f->page, "zz"));
  stored = lb_workbench_get_result (f->workbench, "drift");
  g_assert_nonnull (stored);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (stored), "columns")),
                    ==, 3);
  {
    /* The command now names the compared file. */
    g_autofree char *command = lb_launch_page_dup_command (f->page);

    g_assert_nonnull (strstr (command, "new.csv"));
  }
}

static void
test_compare_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "absent.csv", NULL);

  lb_launch_page_compare_file (f->page, path);
  g_assert_true (wait_for (&f->n_compared, 0, 60));
  g_assert_false (f->compare_ok);
  g_assert_nonnull (lb_launch_page_get_error (f->page));
  g_assert_cmpuint (lb_launch_page_get_n_drift_rows (f->page), ==, 0);
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run the ui suite under xvfb-run");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/learnbench/ui/LaunchPage/no-display", test_no_display);
      return g_test_run ();
    }
  lb_estimators_register_builtin ();
#define ADD(path, func) \
  g_test_add ("/learnbench/ui/LaunchPage/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("save-model", test_save_model);
  ADD ("best-params", test_best_params);
  ADD ("save-error", test_save_error);
  ADD ("compare", test_compare);
  ADD ("compare-error", test_compare_error);
#undef ADD
  return g_test_run ();
}
