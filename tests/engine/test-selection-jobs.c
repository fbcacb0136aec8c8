/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-selection-jobs.c: cross-validation, search and curves as LbJobs: the
 * result equals the synchronous call bit for bit, progress moves forward and
 * ends at 1, the estimator is snapshot (changing it after _async changes
 * nothing), and cancelling gives G_IO_ERROR_CANCELLED.
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"
#include "lb-test-util.h"

static void
make_data (LbMatrix **X,
           LbMatrix **y)
{
  *X = lb_matrix_new (37, 3);
  *y = lb_matrix_new (37, 1);
  for (int i = 0; i < 37; i++)
    {
      double x1 = (7 * i % 13) / 4.0, x2 = (i * i % 11) / 8.0, x3 = (3 * i % 5) / 2.0;

      LB_MATRIX_AT (*X, i, 0) = x1;
      LB_MATRIX_AT (*X, i, 1) = x2;
      LB_MATRIX_AT (*X, i, 2) = x3;
      LB_MATRIX_AT (*y, i, 0) = 1.5 * x1 - 2 * x2 + 0.25 * x3 + (5 * i % 7) / 10.0;
    }
}

static LbEstimator *
new_estimator (const char *name)
{
  g_autoptr(GError) error = NULL;
  LbEstimator *est;

  lb_estimators_register_builtin ();
  est = lb_estimator_new_by_name (name, &error);
  g_assert_no_error (error);
  return est;
}

typedef struct
{
  gboolean  done;
  gpointer  result;
  GError   *error;
  double    last_fraction;
  gboolean  monotonic;
  guint     n_progress;
  guint     n_items;     /* fitting-thread callbacks */
} JobState;

static void
wait_for (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      if (!*flag)
        g_usleep (200);
    }
}

static void
on_progress (LbJob      *job,
             double      fraction,
             const char *message,
             gpointer    user_data)
{
  JobState *s = user_data;

  if (fraction >= 0 && fraction < s->last_fraction)
    s->monotonic = FALSE;
  if (fraction >= 0)
    s->last_fraction = fraction;
  s->n_progress++;
}

static void
on_fold (const LbCvFold *fold,
         gpointer        user_data)
{
  g_atomic_int_inc ((gint *) &((JobState *) user_data)->n_items);
}

static void
cv_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  JobState *s = user_data;

  s->result = lb_cross_validate_finish (result, &s->error);
  s->done = TRUE;
}

static void
search_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  JobState *s = user_data;

  s->result = lb_search_finish (result, &s->error);
  s->done = TRUE;
}

static void
curve_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  JobState *s = user_data;

  s->result = lb_curve_finish (result, &s->error);
  s->done = TRUE;
}

static void
test_cross_validate_job (void)
{
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) ridge = new_estimator ("Ridge");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (5, FALSE, 0);
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(LbCvResult) sync = NULL;
  g_autoptr(LbJob) job = NULL;
  g_autoptr(GError) error = NULL;
  JobState s = { .monotonic = TRUE };
  LbCvResult *res;

  make_data (&X, &y);
  lb_fit_context_set_n_threads (ctx, 2);
  sync = lb_cross_validate (ridge, X, y, cv, "r2", LB_CV_RETURN_TRAIN_SCORE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  job = lb_cross_validate_async (ridge, X, y, cv, "r2", LB_CV_RETURN_TRAIN_SCORE, on_fold, &s, ctx,
                                 NULL, cv_done, &s);
  g_signal_connect (job, "progress", G_CALLBACK (on_progress), &s);
  /* snapshot: a change now must not reach the running job */
  g_assert_true (lb_estimator_set_param_string (ridge, "alpha", "1000", NULL));
  wait_for (&s.done);
  g_assert_no_error (s.error);
  res = s.result;
  g_assert_cmpmem (lb_cv_result_get_test_scores (res), 5 * sizeof (double),
                   lb_cv_result_get_test_scores (sync), 5 * sizeof (double));
  g_assert_cmpuint (s.n_items, ==, 5);
  g_assert_true (s.monotonic);
  g_assert_cmpfloat (lb_job_get_fraction (job), ==, 1.0);
  g_assert_cmpstr (lb_job_get_message (job), ==, "Fold 5 of 5 done");
  lb_cv_result_unref (res);
}

static void
test_search_and_curve_jobs (void)
{
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) ridge = new_estimator ("Ridge");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (4, FALSE, 0);
  g_autoptr(JsonNode) grid = json_from_string ("{\"alpha\": [0.1, 1, 10]}", NULL);
  g_autoptr(GPtrArray) candidates = lb_param_grid_expand (grid, NULL);
  g_autoptr(JsonNode) values = json_from_string ("[0.1, 1, 10]", NULL);
  g_autoptr(LbJob) job1 = NULL, job2 = NULL;
  JobState s1 = { .monotonic = TRUE }, s2 = { .monotonic = TRUE };
  LbSearchResult *search;
  LbCurve *curve;

  make_data (&X, &y);
  job1 = lb_search_async (ridge, X, y, candidates, cv, "r2", LB_SEARCH_REFIT, NULL, NULL, NULL,
                          NULL, search_done, &s1);
  job2 = lb_validation_curve_async (ridge, X, y, "alpha", json_node_get_array (values), cv, "r2",
                                    NULL, NULL, NULL, NULL, curve_done, &s2);
  wait_for (&s1.done);
  wait_for (&s2.done);
  g_assert_no_error (s1.error);
  g_assert_no_error (s2.error);
  search = s1.result;
  curve = s2.result;
  /* the same fits: the curve's validation means are the search's mean test scores */
  for (guint c = 0; c < 3; c++)
    g_assert_cmpfloat (lb_curve_get_val_mean (curve)[c], ==, lb_search_result_get_mean_test (search, c));
  g_assert_nonnull (lb_search_result_get_best_estimator (search));
  lb_search_result_unref (search);
  lb_curve_unref (curve);
}

static void
test_cancel (void)
{
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) ridge = new_estimator ("Ridge");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LbJob) job = NULL;
  JobState s = { .monotonic = TRUE };

  make_data (&X, &y);
  g_cancellable_cancel (cancellable);
  job = lb_learning_curve_async (ridge, X, y, NULL, NULL, 0, TRUE, NULL, NULL, NULL, NULL,
                                 cancellable, curve_done, &s);
  wait_for (&s.done);
  g_assert_null (s.result);
  g_assert_error (s.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&s.error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/engine/SelectionJobs/cross-validate", test_cross_validate_job);
  g_test_add_func ("/learnbench/engine/SelectionJobs/search-and-curve", test_search_and_curve_jobs);
  g_test_add_func ("/learnbench/engine/SelectionJobs/cancel", test_cancel);

  return g_test_run ();
}
