/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-prepare-page.c: LbPreparePage on a workbench: the book's default
 * preparation stored in the workbench, the preview (a job) fitted on the
 * training rows only and checked against closed forms (median imputation
 * then standardisation, one-hot codes) and against scikit-learn on the
 * housing data; editing steps; errors in the banner; stale previews dropped.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-prepare-page.h"
#include "lb-test-util.h"

#define N 40

typedef struct
{
  LbWorkbench   *workbench;
  GtkWidget     *window;
  LbPreparePage *page;
  guint          n_done;
  gboolean       last_ok;
} Fixture;

static void
done_cb (LbPreparePage *page,
         gboolean       ok,
         Fixture       *f)
{
  f->n_done++;
  f->last_ok = ok;
}

/* a: 1..N with a gap at row 3; b: (i mod 5); c: "x","y","z" cycling; y = 2a. */
static LbTable *
make_table (void)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  double *a = g_new (double, N), *b = g_new (double, N), *y = g_new (double, N);
  gint32 *codes = g_new (gint32, N);
  char **cats = g_new0 (char *, 4);

  cats[0] = g_strdup ("x");
  cats[1] = g_strdup ("y");
  cats[2] = g_strdup ("z");
  for (guint i = 0; i < N; i++)
    {
      a[i] = i == 3 ? NAN : (double) (i + 1);
      b[i] = (double) (i % 5);
      codes[i] = (gint32) (i % 3);
      y[i] = 2.0 * (i + 1);
    }
  g_ptr_array_add (columns, lb_column_new_numeric ("a", a, N));
  g_ptr_array_add (columns, lb_column_new_numeric ("b", b, N));
  g_ptr_array_add (columns, lb_column_new_categorical ("c", codes, N, cats));
  g_ptr_array_add (columns, lb_column_new_numeric ("y", y, N));
  return lb_table_new (columns, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->workbench = lb_workbench_new ();
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  f->page = LB_PREPARE_PAGE (lb_prepare_page_new (f->workbench));
  g_signal_connect (f->page, "preview-done", G_CALLBACK (done_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
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
}

/* Spins until a preview ended and none is pending; FALSE on timeout. */
static gboolean
wait_preview (Fixture *f,
              guint    timeout_s)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  guint before = f->n_done;

  while ((f->n_done == before || lb_prepare_page_is_previewing (f->page)) &&
         g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return f->n_done > before && !lb_prepare_page_is_previewing (f->page);
}

static void
use_synthetic (Fixture *f)
{
  g_autoptr(LbTable) table = make_table ();

  lb_workbench_set_data (f->workbench, table, "/nonexistent/synthetic.csv", NULL);
  lb_workbench_set_target (f->workbench, "y");
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_assert_null (lb_prepare_page_get_pipeline (f->page));
  g_assert_false (lb_prepare_page_get_preview_shape (f->page, NULL, NULL));
  g_assert_cmpuint (lb_prepare_page_get_n_groups (f->page), ==, 0);
}

/* Closed form: a's median over the 39 present values 1,2,3,5..40 is 21; then
 * (a - mean) / std with the population std (ddof 0), as StandardScaler. */
static void
test_default_pipeline (Fixture       *f,
                       gconstpointer  data)
{
  JsonObject *stored;
  gsize rows = 0, cols = 0;
  double a[N], mean = 0, var = 0, bmean = 0, bvar = 0;
  g_auto(GStrv) transformers = NULL;

  use_synthetic (f);
  lb_prepare_page_use_default_pipeline (f->page, TRUE);
  stored = lb_workbench_get_pipeline (f->workbench);
  g_assert_nonnull (stored);
  g_assert_cmpuint (lb_prepare_page_get_n_groups (f->page), ==, 2);
  /* No housing columns: no combined attributes; imputer + scaler; one-hot. */
  g_assert_cmpuint (lb_prepare_page_get_n_steps (f->page, 0), ==, 2);
  g_assert_cmpuint (lb_prepare_page_get_n_steps (f->page, 1), ==, 1);
  transformers = lb_prepare_page_dup_transformers (f->page);
  g_assert_true (g_strv_contains ((const char * const *) transformers, "StandardScaler"));
  g_assert_false (g_strv_contains ((const char * const *) transformers, "LinearRegression"));
  g_assert_false (g_strv_contains ((const char * const *) transformers, "Pipeline"));

  g_assert_true (wait_preview (f, 30));
  g_assert_true (f->last_ok);
  g_assert_null (lb_prepare_page_get_error (f->page));
  g_assert_true (lb_prepare_page_get_preview_shape (f->page, &rows, &cols));
  g_assert_cmpuint (rows, ==, N);
  g_assert_cmpuint (cols, ==, 2 + 3);   /* a, b, c=x, c=y, c=z */
  g_assert_true (lb_workbench_get_step_done (f->workbench, LB_STEP_PREPARE));
  g_assert_nonnull (strstr (lb_prepare_page_get_preview_column (f->page, 2), "x"));
  g_assert_nonnull (strstr (lb_prepare_page_get_preview_column (f->page, 4), "z"));
  g_assert_null (lb_prepare_page_get_preview_column (f->page, 5));

  for (guint i = 0; i < N; i++)
    {
      a[i] = i == 3 ? 21.0 : (double) (i + 1);
      mean += a[i] / N;
      bmean += (double) (i % 5) / N;
    }
  for (guint i = 0; i < N; i++)
    {
      var += (a[i] - mean) * (a[i] - mean) / N;
      bvar += ((i % 5) - bmean) * ((i % 5) - bmean) / N;
    }
  /* Tolerance 1e-12: one mean and one sqrt apart. */
  for (guint r = 0; r < 8; r++)
    {
      g_assert_cmpfloat_with_epsilon (lb_prepare_page_get_preview_value (f->page, r, 0),
                                      (a[r] - mean) / sqrt (var), 1e-12);
      g_assert_cmpfloat_with_epsilon (lb_prepare_page_get_preview_value (f->page, r, 1),
                                      ((r % 5) - bmean) / sqrt (bvar), 1e-12);
      for (guint k = 0; k < 3; k++)
        g_assert_cmpfloat (lb_prepare_page_get_preview_value (f->page, r, 2 + k), ==, r % 3 == k ? 1.0 : 0.0);
    }
}

/* With a test set the preparation is fitted on the training rows only. */
static void
test_training_rows_only (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) split = json_object_new ();
  g_autoptr(GError) error = NULL;
  gsize rows = 0, cols = 0;

  use_synthetic (f);
  json_object_set_string_member (split, "kind", "random");
  json_object_set_double_member (split, "test_size", 0.25);
  g_assert_true (lb_workbench_set_split (f->workbench, split, &error));
  g_assert_no_error (error);
  lb_prepare_page_use_default_pipeline (f->page, FALSE);
  g_assert_true (wait_preview (f, 30));
  g_assert_true (lb_prepare_page_get_preview_shape (f->page, &rows, &cols));
  g_assert_cmpuint (rows, ==, N - lb_workbench_get_n_test (f->workbench));
  g_assert_cmpuint (rows, ==, 30);
}

static void
test_edit_steps (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LbParamForm *form;
  JsonObject *stored;
  JsonArray *steps;
  gsize rows, cols;

  use_synthetic (f);
  lb_prepare_page_use_default_pipeline (f->page, FALSE);
  g_assert_true (wait_preview (f, 30));

  /* A model is not a preparation step. */
  g_assert_false (lb_prepare_page_add_step (f->page, 0, "LinearRegression", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Add MinMaxScaler, move it first, then look at its form. */
  g_assert_true (lb_prepare_page_add_step (f->page, 0, "MinMaxScaler", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lb_prepare_page_get_n_steps (f->page, 0), ==, 3);
  lb_prepare_page_move_step (f->page, 0, 2, -1);
  lb_prepare_page_move_step (f->page, 0, 1, -1);
  stored = lb_workbench_get_pipeline (f->workbench);
  steps = json_object_get_array_member (json_array_get_object_element (
                                          json_object_get_array_member (stored, "groups"), 0), "steps");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (steps, 0), "estimator"), ==,
                   "MinMaxScaler");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (steps, 1), "estimator"), ==,
                   "SimpleImputer");

  /* The imputer's form shows "median"; changing it lands in the workbench. */
  form = lb_prepare_page_select_step (f->page, 0, 1);
  g_assert_nonnull (form);
  {
    g_autofree char *strategy = lb_param_form_dup_value (form, "strategy");

    g_assert_cmpstr (strategy, ==, "median");
  }
  g_assert_true (lb_param_form_set_value (form, "strategy", "most_frequent"));
  stored = lb_workbench_get_pipeline (f->workbench);
  steps = json_object_get_array_member (json_array_get_object_element (
                                          json_object_get_array_member (stored, "groups"), 0), "steps");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_array_get_object_element (steps, 1), "params"),
                     "strategy"), ==, "most_frequent");
  /* Back to the default (mean): the member goes away, as in a hand-written project. */
  g_assert_true (lb_param_form_set_value (form, "strategy", "mean"));
  stored = lb_workbench_get_pipeline (f->workbench);
  steps = json_object_get_array_member (json_array_get_object_element (
                                          json_object_get_array_member (stored, "groups"), 0), "steps");
  g_assert_false (json_object_has_member (
                    json_object_get_object_member (json_array_get_object_element (steps, 1), "params"),
                    "strategy"));
  g_assert_true (wait_preview (f, 30));
  g_assert_true (f->last_ok);

  /* Remove the categorical group's encoder: categories as codes go to a scaler-less group. */
  lb_prepare_page_remove_step (f->page, 0, 0);
  g_assert_cmpuint (lb_prepare_page_get_n_steps (f->page, 0), ==, 2);
  g_assert_true (wait_preview (f, 30));
  g_assert_true (lb_prepare_page_get_preview_shape (f->page, &rows, &cols));
  g_assert_cmpuint (cols, ==, 5);
}

/* A group of chosen columns, passing through; a preparation from nothing. */
static void
test_chosen_group (Fixture       *f,
                   gconstpointer  data)
{
  const char *cols[] = { "b", NULL };
  gsize rows, cols_out;
  JsonObject *group;
  g_autoptr(GError) error = NULL;

  use_synthetic (f);
  g_assert_cmpuint (lb_prepare_page_add_group (f->page, "chosen", NULL, cols), ==, 0);
  g_assert_true (wait_preview (f, 30));
  g_assert_true (f->last_ok);
  g_assert_true (lb_prepare_page_get_preview_shape (f->page, &rows, &cols_out));
  g_assert_cmpuint (cols_out, ==, 1);
  /* b passes through unchanged (i mod 5); rows 0..9 of every row. */
  for (guint r = 0; r < 10; r++)
    g_assert_cmpfloat (lb_prepare_page_get_preview_value (f->page, r, 0), ==, (double) (r % 5));
  group = json_array_get_object_element (json_object_get_array_member (lb_workbench_get_pipeline (f->workbench),
                                                                       "groups"), 0);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (group, "columns"), 0), ==, "b");
  /* A second group of the same name gets another; the categorical one one-hot encoded. */
  g_assert_cmpuint (lb_prepare_page_add_group (f->page, "chosen", "categorical", NULL), ==, 1);
  g_assert_true (lb_prepare_page_add_step (f->page, 1, "OneHotEncoder", &error));
  g_assert_no_error (error);
  g_assert_true (wait_preview (f, 30));
  g_assert_true (lb_prepare_page_get_preview_shape (f->page, &rows, &cols_out));
  g_assert_cmpuint (cols_out, ==, 4);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (
                       lb_workbench_get_pipeline (f->workbench), "groups"), 1), "name"), ==, "chosen_2");
}

/* A preparation the engine refuses: the banner says why; nothing is lost. */
static void
test_error_banner (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  use_synthetic (f);
  lb_prepare_page_use_default_pipeline (f->page, FALSE);
  g_assert_true (wait_preview (f, 30));
  /* An expression over a column the group does not have fails at fit time. */
  g_assert_true (lb_prepare_page_add_step (f->page, 0, "ExpressionTransformer", &error));
  g_assert_no_error (error);
  g_assert_true (lb_param_form_set_value (lb_prepare_page_select_step (f->page, 0, 2),
                                          "expressions", "z = nosuch * 2"));
  g_assert_true (wait_preview (f, 30));
  g_assert_false (f->last_ok);
  g_assert_nonnull (lb_prepare_page_get_error (f->page));
  g_assert_nonnull (strstr (lb_prepare_page_get_error (f->page), "nosuch"));
  g_assert_false (lb_prepare_page_get_preview_shape (f->page, NULL, NULL));
  g_assert_cmpuint (lb_prepare_page_get_n_steps (f->page, 0), ==, 3);
  /* Fixing it clears the banner. */
  lb_prepare_page_remove_step (f->page, 0, 2);
  g_assert_true (wait_preview (f, 30));
  g_assert_true (f->last_ok);
  g_assert_null (lb_prepare_page_get_error (f->page));
}

/* Several edits in a row: only the last preview's result is shown. */
static void
test_stale_dropped (Fixture       *f,
                    gconstpointer  data)
{
  gsize rows, cols;

  use_synthetic (f);
  lb_prepare_page_use_default_pipeline (f->page, FALSE);
  lb_prepare_page_remove_step (f->page, 1, 0);     /* one-hot gone: c stays one code column */
  lb_prepare_page_use_default_pipeline (f->page, FALSE);
  lb_prepare_page_remove_step (f->page, 1, 0);
  g_assert_true (wait_preview (f, 30));
  g_assert_true (lb_prepare_page_get_preview_shape (f->page, &rows, &cols));
  g_assert_cmpuint (cols, ==, 3);
}

/* The book's housing preparation: the shape and the first rows equal
 * scikit-learn 1.2.1's on the reference training rows. */
static void
test_housing (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *csv = lb_test_data_file ("housing/housing.csv");
  g_autofree char *train = NULL;
  g_autofree char *test = NULL;
  g_autoptr(LbTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) split = json_object_new ();
  gsize rows = 0, cols = 0;
  /* /usr/bin/python3 /work/notes/s3/prep-ref.py (sklearn 1.2.1): ColumnTransformer(num: SimpleImputer(median)
   * → the three ratios → StandardScaler; cat: OneHotEncoder(handle_unknown=ignore)) fit_transform on the
   * rows of splits/housing_train_idx.txt; P[0] and P[1]. */
  static const double expected[2][16] = {
    { -0.9413504586000941, 1.347438216815126, 0.02756357138483158, 0.5847774454783182, 0.6403712747566713,
      0.7326023581928217, 0.556286018753369, -0.8936472017581817, 0.017395255354801475, 0.006222642111402968,
      -0.12112176143791016, 0.0, 1.0, 0.0, 0.0, 0.0 },
    { 1.1717821162456232, -1.1924396559322872, -1.7220176265077816, 1.2614666806325303, 0.7815613248778976,
      0.5336115200296541, 0.7213179906343863, 1.2921680006896117, 0.5692555390956567, -0.04081076979240782,
      -0.8108669566037208, 0.0, 0.0, 0.0, 0.0, 1.0 },
  };

  if (csv == NULL)
    return;
  train = lb_test_data_file ("../reference/splits/housing_train_idx.txt");
  test = lb_test_data_file ("../reference/splits/housing_test_idx.txt");
  if (train == NULL || test == NULL)
    return;
  table = lb_csv_read_file (csv, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  lb_workbench_set_data (f->workbench, table, csv, NULL);
  lb_workbench_set_target (f->workbench, "median_house_value");
  json_object_set_string_member (split, "kind", "index_files");
  json_object_set_string_member (split, "train", train);
  json_object_set_string_member (split, "test", test);
  g_assert_true (lb_workbench_set_split (f->workbench, split, &error));
  g_assert_no_error (error);

  lb_prepare_page_use_default_pipeline (f->page, TRUE);
  g_assert_true (wait_preview (f, 60));
  g_assert_null (lb_prepare_page_get_error (f->page));
  g_assert_true (lb_prepare_page_get_preview_shape (f->page, &rows, &cols));
  /* reference-results.jsonl W2_housing_pipeline prepared_shape: [16512, 16] */
  g_assert_cmpuint (rows, ==, 16512);
  g_assert_cmpuint (cols, ==, 16);
  g_assert_nonnull (strstr (lb_prepare_page_get_preview_column (f->page, 12), "INLAND"));
  /* Tolerance 1e-9 absolute: sums over 16512 rows in a different order. */
  for (guint r = 0; r < 2; r++)
    for (guint c = 0; c < 16; c++)
      g_assert_cmpfloat_with_epsilon (lb_prepare_page_get_preview_value (f->page, r, c), expected[r][c], 1e-9);
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
      g_test_add_func ("/learnbench/ui/PreparePage/no-display", test_no_display);
      return g_test_run ();
    }
  lb_estimators_register_builtin ();
#define ADD(path, func) \
  g_test_add ("/learnbench/ui/PreparePage/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("empty", test_empty);
  ADD ("default-pipeline", test_default_pipeline);
  ADD ("training-rows-only", test_training_rows_only);
  ADD ("edit-steps", test_edit_steps);
  ADD ("chosen-group", test_chosen_group);
  ADD ("error-banner", test_error_banner);
  ADD ("stale-dropped", test_stale_dropped);
  ADD ("housing", test_housing);
#undef ADD
  return g_test_run ();
}
