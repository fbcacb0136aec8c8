/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cli-bench-fit.c: `learnbench bench fit PROJECT [--repeat N] [--json]`
 * times, for each model of a project, the model's fit on the prepared
 * training matrix and its cross-validation, N times in one process, and
 * reports the medians. The data is read and prepared once, outside the
 * timings, which is how bench/compare-*.sh times scikit-learn (a warm
 * process, time.perf_counter () around fit () and cross_val_score ()), so the
 * two columns measure the same thing.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "lb-cli.h"
#include "lb-cli-private.h"
#include "lb-engine.h"
#include "lb-project-private.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (GArray *values)
{
  double *v = (double *) (void *) values->data;
  guint n = values->len;

  if (n == 0)
    return NAN;
  qsort (v, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static LbCvSplitter *
make_splitter (LbProject   *project,
               LbEstimator *model)
{
  switch (project->cv.kind)
    {
    case LB_PROJECT_CV_AUTO:
      return lb_cv_splitter_new_default (project->cv.n_splits, model);
    case LB_PROJECT_CV_KFOLD:
      return lb_cv_splitter_new_kfold (project->cv.n_splits, project->cv.shuffle, project->seed);
    case LB_PROJECT_CV_STRATIFIED_KFOLD:
      return lb_cv_splitter_new_stratified_kfold (project->cv.n_splits, project->cv.shuffle, project->seed);
    case LB_PROJECT_CV_SHUFFLE_SPLIT:
      return lb_cv_splitter_new_shuffle_split (project->cv.n_splits, project->cv.test_size, project->seed);
    case LB_PROJECT_CV_NONE:
    default:
      return NULL;
    }
}

typedef struct
{
  char   *name;
  char   *estimator;
  double  fit_seconds;    /* median */
  double  cv_seconds;     /* median; NaN without CV */
  double  train_score;
  double  cv_mean;
  char   *scoring;
} BenchRow;

static void
bench_row_clear (gpointer data)
{
  BenchRow *row = data;

  g_free (row->name);
  g_free (row->estimator);
  g_free (row->scoring);
}

/* Times model @index @repeat times; FALSE with @error on failure. */
static gboolean
bench_model (LbProject    *project,
             LbMatrix     *X,
             LbMatrix     *y,
             guint         index,
             int           repeat,
             LbFitContext *ctx,
             BenchRow     *row,
             GError      **error)
{
  const LbProjectStep *step = g_ptr_array_index (project->models, index);
  g_autoptr (GArray) fits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cvs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (LbEstimator) template = lb_project_step_build (step, error);
  const char *scoring;

  if (template == NULL)
    return FALSE;
  scoring = lb_cv_resolve_scoring (template, project->scoring, error);
  if (scoring == NULL)
    return FALSE;
  row->name = g_strdup (step->name);
  row->estimator = g_strdup (step->estimator);
  row->scoring = g_strdup (scoring);
  row->train_score = row->cv_mean = NAN;

  for (int r = 0; r < repeat; r++)
    {
      g_autoptr (LbEstimator) model = lb_estimator_clone (template);
      gint64 start = g_get_monotonic_time ();
      double seconds;

      if (!lb_estimator_fit (model, X, y, ctx, error))
        return FALSE;
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (fits, seconds);
      if (r == 0)
        {
          row->train_score = lb_score_by_name (scoring, model, X, y, error);
          if (isnan (row->train_score) && error != NULL && *error != NULL)
            return FALSE;
        }
    }
  if (project->cv.kind != LB_PROJECT_CV_NONE)
    for (int r = 0; r < repeat; r++)
      {
        g_autoptr (LbEstimator) model = lb_estimator_clone (template);
        g_autoptr (LbCvSplitter) cv = make_splitter (project, model);
        g_autoptr (LbCvResult) result = NULL;
        gint64 start = g_get_monotonic_time ();
        double seconds;

        result = lb_cross_validate (model, X, y, cv, scoring, LB_CV_FLAGS_NONE, NULL, NULL, ctx, error);
        if (result == NULL)
          return FALSE;
        seconds = (g_get_monotonic_time () - start) / 1e6;
        g_array_append_val (cvs, seconds);
        row->cv_mean = lb_cv_result_get_mean_test (result);
      }
  row->fit_seconds = median_of (fits);
  row->cv_seconds = median_of (cvs);
  return TRUE;
}

int
lb_cli_bench_fit (int    argc,
                  char **argv)
{
  int repeat = 5;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "repeat", 'n', 0, G_OPTION_ARG_INT, &repeat, N_("Fit and cross-validate N times; report medians (default 5)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("PROJECT"));
  g_auto (GStrv) args = lb_cli_args_dup (argc, argv, "bench fit");
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProject) project = NULL;
  g_autoptr (LbEstimator) prep = NULL;
  g_autoptr (LbMatrix) X = NULL;
  g_autoptr (LbFitContext) ctx = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (BenchRow));
  g_autoptr (LbBlasLimit) blas = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  LbProjectData data = { 0 };
  int status = 0;

  g_array_set_clear_func (rows, bench_row_clear);
  g_option_context_set_summary (context,
                                _("Times each model's fit on the prepared training data and its "
                                  "cross-validation, in one process, after one untimed preparation; "
                                  "prints the medians."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    return lb_cli_usage_error (context, error->message);
  if (g_strv_length (args) != 2)
    return lb_cli_usage_error (context, _("Give one project file."));
  if (repeat < 1 || repeat > 1000)
    return lb_cli_usage_error (context, _("--repeat must be between 1 and 1000."));

  project = lb_project_load (args[1], &error);
  if (project == NULL)
    return lb_cli_failure (error);
  if (!lb_project_data_prepare (project, &data, NULL, &error))
    {
      lb_project_data_clear (&data);
      return lb_cli_failure (error);
    }

  ctx = lb_fit_context_new ();
  lb_fit_context_set_seed (ctx, project->seed);
  lb_fit_context_set_n_threads (ctx, lb_job_runner_get_max_threads ());
  blas = lb_blas_limit_push (lb_fit_context_get_n_threads (ctx));

  prep = lb_project_build_preparation (project, &data, &error);
  if (prep == NULL && error != NULL)
    goto fail;
  if (prep != NULL)
    {
      X = lb_estimator_fit_transform (prep, data.X_train, data.y_train, ctx, &error);
      if (X == NULL)
        goto fail;
    }
  else
    X = lb_matrix_ref (data.X_train);

  for (guint i = 0; i < project->models->len; i++)
    {
      BenchRow row = { 0 };

      if (!bench_model (project, X, data.y_train, i, repeat, ctx, &row, &error))
        {
          bench_row_clear (&row);
          goto fail;
        }
      g_array_append_val (rows, row);
    }

  if (json)
    {
      g_string_append_printf (out, "{\"repeat\": %d, \"n_train\": %zu, \"n_features\": %zu, \"models\": [",
                              repeat, lb_matrix_get_n_rows (X), lb_matrix_get_n_cols (X));
      for (guint i = 0; i < rows->len; i++)
        {
          BenchRow *row = &g_array_index (rows, BenchRow, i);

          g_string_append (out, i > 0 ? ", {\"name\": " : "{\"name\": ");
          lb_cli_json_append_string (out, row->name);
          g_string_append (out, ", \"estimator\": ");
          lb_cli_json_append_string (out, row->estimator);
          g_string_append (out, ", \"scoring\": ");
          lb_cli_json_append_string (out, row->scoring);
          g_string_append (out, ", \"fit_seconds\": ");
          lb_cli_json_append_double (out, row->fit_seconds);
          g_string_append (out, ", \"cv_seconds\": ");
          lb_cli_json_append_double (out, row->cv_seconds);
          g_string_append (out, ", \"train_score\": ");
          lb_cli_json_append_double (out, row->train_score);
          g_string_append (out, ", \"cv_mean\": ");
          lb_cli_json_append_double (out, row->cv_mean);
          g_string_append (out, "}");
        }
      g_string_append (out, "]}\n");
    }
  else
    for (guint i = 0; i < rows->len; i++)
      {
        BenchRow *row = &g_array_index (rows, BenchRow, i);

        g_string_append_printf (out, _("%s (%s): fit %.6g s, cross-validation %.6g s (medians of %d); "
                                       "train %s %.10g, CV mean %.10g\n"),
                                row->name, row->estimator, row->fit_seconds, row->cv_seconds, repeat,
                                row->scoring, row->train_score, row->cv_mean);
      }
  fputs (out->str, stdout);
  lb_project_data_clear (&data);
  return status;

fail:
  lb_project_data_clear (&data);
  return lb_cli_failure (error);
}
