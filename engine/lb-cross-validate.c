/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cross-validate.c: cross_validate and cross_val_predict. One task per
 * fold on lb_parallel_run: take the fold's rows, clone, fit with a child
 * context, score or predict, write the fold's own slot; the per-fold callback
 * runs under a lock. Nothing a task computes depends on which thread runs it.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-cross-validate.h"
#include "lb-metrics.h"
#include "lb-parallel-private.h"

/* --- shared helpers --- */

const char *
lb_cv_resolve_scoring (LbEstimator *estimator,
                       const char  *scoring,
                       GError     **error)
{
  if (scoring == NULL || *scoring == '\0')
    return lb_scoring_default_for (estimator);
  if (!lb_scoring_is_known (scoring))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("unknown scoring '%s'"), scoring);
      return NULL;
    }
  return g_intern_string (scoring);
}

GPtrArray *
lb_cv_make_splits (LbEstimator  *estimator,
                   LbCvSplitter *cv,
                   LbMatrix     *X,
                   LbMatrix     *y,
                   GError      **error)
{
  g_autoptr(LbCvSplitter) fallback = NULL;

  if (cv == NULL)
    cv = fallback = lb_cv_splitter_new_default (5, estimator);
  return lb_cv_splitter_split_matrix (cv, X, y, error);
}

static gboolean
check_xy (LbMatrix *X,
          LbMatrix *y,
          GError  **error)
{
  if (y != NULL && lb_matrix_get_n_rows (y) != lb_matrix_get_n_rows (X))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("X has %zu rows but y has %zu"),
                   lb_matrix_get_n_rows (X), lb_matrix_get_n_rows (y));
      return FALSE;
    }
  return TRUE;
}

/* --- cross_validate --- */

typedef struct
{
  LbEstimator  *estimator;
  LbMatrix     *X;
  LbMatrix     *y;
  GPtrArray    *splits;
  const char   *scoring;
  LbCvFlags     flags;
  LbFitContext *ctx;
  guint         inner_threads;
  LbCvFoldFunc  fold_func;
  gpointer      user_data;
  GMutex        lock;
  guint         n_done;
  /* outputs, one slot per fold */
  double       *train;
  double       *test;
  double       *fit;
  double       *score;
  LbEstimator **fitted;
  LbEstimator **clones;        /* made on the calling thread; a task takes its own */
  LbFailures    failures;
  /* cross_val_predict */
  LbPredictMethod method;
  LbMatrix    **outputs;
} CvRun;

static LbFitContext *
fold_context (CvRun *run,
              guint  fold)
{
  guint n = run->splits->len;
  LbFitContext *child = lb_fit_context_new_child (run->ctx, fold,
                                                  (double) fold / n, (double) (fold + 1) / n);

  lb_fit_context_set_n_threads (child, run->inner_threads);
  return child;
}

static void
fold_done (CvRun *run,
           guint  fold)
{
  LbSplit *split = g_ptr_array_index (run->splits, fold);
  LbCvFold info = {
    .fold = fold,
    .n_folds = run->splits->len,
    .n_train = lb_split_get_n_train (split),
    .n_test = lb_split_get_n_test (split),
    .train_score = run->train != NULL ? run->train[fold] : NAN,
    .test_score = run->test != NULL ? run->test[fold] : NAN,
    .fit_seconds = run->fit[fold],
    .score_seconds = run->score[fold],
  };
  LbFitEvent event = { 0 };

  g_mutex_lock (&run->lock);
  info.n_done = ++run->n_done;
  if (run->fold_func != NULL)
    run->fold_func (&info, run->user_data);
  event.fraction = (double) info.n_done / info.n_folds;
  event.iteration = fold;
  event.loss = NAN;
  event.val_score = info.test_score;
  lb_fit_context_report (run->ctx, &event);
  g_mutex_unlock (&run->lock);
}

/* A fit or score that failed: cross_val_predict stops (it has no row to
 * leave empty); cross_validate records NaN and goes on, as scikit-learn's
 * error_score=nan, unless it was a cancellation. */
static gboolean
fold_failed (CvRun   *run,
             guint    fold,
             GError **error)
{
  if (run->outputs != NULL || !lb_failures_absorb (&run->failures, run->ctx, fold, error))
    return FALSE;
  run->test[fold] = NAN;
  if (run->train != NULL)
    run->train[fold] = NAN;
  fold_done (run, fold);
  return TRUE;
}

static gboolean
cv_fold_task (guint    fold,
              gpointer data,
              GError **error)
{
  CvRun *run = data;
  LbSplit *split = g_ptr_array_index (run->splits, fold);
  gsize n_train, n_test;
  const guint *train = lb_split_get_train (split, &n_train);
  const guint *test = lb_split_get_test (split, &n_test);
  g_autoptr(LbMatrix) X_train = lb_matrix_take_rows (run->X, train, n_train);
  g_autoptr(LbMatrix) y_train = run->y != NULL ? lb_matrix_take_rows (run->y, train, n_train) : NULL;
  g_autoptr(LbMatrix) X_test = lb_matrix_take_rows (run->X, test, n_test);
  g_autoptr(LbMatrix) y_test = run->y != NULL ? lb_matrix_take_rows (run->y, test, n_test) : NULL;
  g_autoptr(LbEstimator) est = g_steal_pointer (&run->clones[fold]);
  g_autoptr(LbFitContext) child = fold_context (run, fold);
  gint64 t0;

  if (lb_fit_context_check_cancelled (run->ctx, error))
    return FALSE;

  t0 = g_get_monotonic_time ();
  if (!lb_estimator_fit (est, X_train, y_train, child, error))
    {
      g_prefix_error (error, _("fold %u: "), fold + 1);
      return fold_failed (run, fold, error);
    }
  run->fit[fold] = lb_parallel_seconds_since (t0);

  t0 = g_get_monotonic_time ();
  if (run->outputs != NULL)
    {
      LbMatrix *out = NULL;

      switch (run->method)
        {
        case LB_PREDICT_METHOD_PREDICT:
          out = lb_estimator_predict (est, X_test, error);
          break;
        case LB_PREDICT_METHOD_PREDICT_PROBA:
          out = lb_estimator_predict_proba (est, X_test, error);
          break;
        case LB_PREDICT_METHOD_DECISION_FUNCTION:
        default:
          out = lb_estimator_decision_function (est, X_test, error);
          break;
        }
      if (out == NULL)
        return FALSE;
      run->outputs[fold] = out;
    }
  else
    {
      run->test[fold] = lb_score_by_name (run->scoring, est, X_test, y_test, error);
      if (*error == NULL && run->train != NULL)
        run->train[fold] = lb_score_by_name (run->scoring, est, X_train, y_train, error);
      if (*error != NULL)
        {
          g_prefix_error (error, _("fold %u: "), fold + 1);
          return fold_failed (run, fold, error);
        }
    }
  run->score[fold] = lb_parallel_seconds_since (t0);
  if (run->fitted != NULL)
    run->fitted[fold] = g_object_ref (est);
  fold_done (run, fold);
  return TRUE;
}

static void
cv_run_clear (CvRun *run)
{
  if (run->fitted != NULL)
    for (guint i = 0; i < run->splits->len; i++)
      g_clear_object (&run->fitted[i]);
  if (run->outputs != NULL)
    for (guint i = 0; i < run->splits->len; i++)
      g_clear_pointer (&run->outputs[i], lb_matrix_unref);
  if (run->clones != NULL)
    for (guint i = 0; i < run->splits->len; i++)
      g_clear_object (&run->clones[i]);
  g_free (run->clones);
  g_free (run->fitted);
  g_free (run->outputs);
  g_free (run->train);
  g_free (run->test);
  g_free (run->fit);
  g_free (run->score);
  g_clear_pointer (&run->splits, g_ptr_array_unref);
  g_clear_pointer (&run->ctx, lb_fit_context_unref);
  g_mutex_clear (&run->lock);
  lb_failures_clear (&run->failures);
}

static gboolean
cv_run_start (CvRun        *run,
              LbEstimator  *estimator,
              LbMatrix     *X,
              LbMatrix     *y,
              LbCvSplitter *cv,
              LbFitContext *ctx,
              GError      **error)
{
  guint n;

  g_mutex_init (&run->lock);
  lb_failures_init (&run->failures);
  run->estimator = estimator;
  run->X = X;
  run->y = y;
  run->ctx = ctx != NULL ? lb_fit_context_ref (ctx) : lb_fit_context_new ();
  if (!check_xy (X, y, error))
    return FALSE;
  if ((run->splits = lb_cv_make_splits (estimator, cv, X, y, error)) == NULL)
    return FALSE;
  n = run->splits->len;
  run->fit = g_new0 (double, n);
  run->score = g_new0 (double, n);
  /* clones made here, on one thread: estimators need not be safe to clone concurrently */
  run->clones = g_new0 (LbEstimator *, n);
  for (guint i = 0; i < n; i++)
    run->clones[i] = lb_estimator_clone (estimator);
  return TRUE;
}

static gboolean
cv_run_go (CvRun   *run,
           GError **error)
{
  guint n = run->splits->len;
  guint workers = lb_parallel_n_workers (run->ctx, n);

  run->inner_threads = lb_parallel_inner_threads (run->ctx, workers);
  return lb_parallel_run (n, workers, run->inner_threads,
                          lb_fit_context_get_cancellable (run->ctx), cv_fold_task, run, error);
}

LbCvResult *
lb_cross_validate (LbEstimator  *estimator,
                   LbMatrix     *X,
                   LbMatrix     *y,
                   LbCvSplitter *cv,
                   const char   *scoring,
                   LbCvFlags     flags,
                   LbCvFoldFunc  fold_func,
                   gpointer      user_data,
                   LbFitContext *ctx,
                   GError      **error)
{
  CvRun run = { 0 };
  LbCvResult *result = NULL;
  guint n;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator), NULL);
  g_return_val_if_fail (X != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((run.scoring = lb_cv_resolve_scoring (estimator, scoring, error)) == NULL)
    return NULL;
  run.flags = flags;
  run.fold_func = fold_func;
  run.user_data = user_data;
  if (cv_run_start (&run, estimator, X, y, cv, ctx, error))
    {
      n = run.splits->len;
      run.test = g_new (double, n);
      if (flags & LB_CV_RETURN_TRAIN_SCORE)
        run.train = g_new (double, n);
      if (flags & LB_CV_RETURN_ESTIMATORS)
        run.fitted = g_new0 (LbEstimator *, n);
      if (cv_run_go (&run, error) && lb_failures_check (&run.failures, n, error))
        {
          result = lb_cv_result_new (run.scoring, n, run.train, run.test, run.fit, run.score);
          if (run.fitted != NULL)
            lb_cv_result_set_estimators (result, run.fitted);
          lb_cv_result_set_failures (result, run.failures.n_failed,
                                     lb_failures_get_message (&run.failures));
        }
    }
  cv_run_clear (&run);
  return result;
}

/* --- cross_val_predict --- */

gboolean
lb_predict_method_from_string (const char      *name,
                               LbPredictMethod *method,
                               GError         **error)
{
  g_return_val_if_fail (method != NULL, FALSE);

  if (g_strcmp0 (name, "predict") == 0)
    *method = LB_PREDICT_METHOD_PREDICT;
  else if (g_strcmp0 (name, "predict_proba") == 0 || g_strcmp0 (name, "predict-proba") == 0)
    *method = LB_PREDICT_METHOD_PREDICT_PROBA;
  else if (g_strcmp0 (name, "decision_function") == 0 || g_strcmp0 (name, "decision-function") == 0)
    *method = LB_PREDICT_METHOD_DECISION_FUNCTION;
  else
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("unknown prediction method '%s' (expected predict, predict_proba or decision_function)"),
                   name != NULL ? name : "");
      return FALSE;
    }
  return TRUE;
}

const char *
lb_predict_method_to_string (LbPredictMethod method)
{
  switch (method)
    {
    case LB_PREDICT_METHOD_PREDICT_PROBA:
      return "predict_proba";
    case LB_PREDICT_METHOD_DECISION_FUNCTION:
      return "decision_function";
    case LB_PREDICT_METHOD_PREDICT:
    default:
      return "predict";
    }
}

/* TRUE when every row is in exactly one test fold. */
static gboolean
splits_partition (GPtrArray *splits,
                  gsize      n)
{
  g_autofree guint8 *seen = g_new0 (guint8, MAX (n, 1));
  gsize covered = 0;

  for (guint f = 0; f < splits->len; f++)
    {
      gsize n_test;
      const guint *test = lb_split_get_test (g_ptr_array_index (splits, f), &n_test);

      for (gsize i = 0; i < n_test; i++)
        {
          if (seen[test[i]])
            return FALSE;
          seen[test[i]] = 1;
          covered++;
        }
    }
  return covered == n;
}

LbMatrix *
lb_cross_val_predict (LbEstimator    *estimator,
                      LbMatrix       *X,
                      LbMatrix       *y,
                      LbCvSplitter   *cv,
                      LbPredictMethod method,
                      LbCvFoldFunc    fold_func,
                      gpointer        user_data,
                      LbFitContext   *ctx,
                      GError        **error)
{
  CvRun run = { 0 };
  LbMatrix *out = NULL;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator), NULL);
  g_return_val_if_fail (X != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  run.method = method;
  run.fold_func = fold_func;
  run.user_data = user_data;
  if (!cv_run_start (&run, estimator, X, y, cv, ctx, error))
    goto out;
  if (!splits_partition (run.splits, lb_matrix_get_n_rows (X)))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("cross_val_predict needs test folds that cover every row exactly once"));
      goto out;
    }
  run.outputs = g_new0 (LbMatrix *, run.splits->len);
  if (!cv_run_go (&run, error))
    goto out;

  /* scatter the fold outputs back to the rows they predict */
  {
    gsize n_cols = lb_matrix_get_n_cols (run.outputs[0]);
    double *dst;

    for (guint f = 0; f < run.splits->len; f++)
      if (lb_matrix_get_n_cols (run.outputs[f]) != n_cols)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("fold %u's model gives %zu columns, fold 1's gives %zu: "
                         "a class is missing from a training fold"),
                       f + 1, lb_matrix_get_n_cols (run.outputs[f]), n_cols);
          goto out;
        }
    out = lb_matrix_new (lb_matrix_get_n_rows (X), n_cols);
    dst = lb_matrix_get_data (out);
    for (guint f = 0; f < run.splits->len; f++)
      {
        gsize n_test;
        const guint *test = lb_split_get_test (g_ptr_array_index (run.splits, f), &n_test);
        const double *src = lb_matrix_get_const_data (run.outputs[f]);

        for (gsize i = 0; i < n_test; i++)
          memcpy (dst + (gsize) test[i] * n_cols, src + i * n_cols, n_cols * sizeof (double));
      }
    /* names / categories as the first fold's output had them */
    if (lb_matrix_get_column_names (run.outputs[0]) != NULL)
      lb_matrix_set_column_names (out, lb_matrix_get_column_names (run.outputs[0]));
    for (guint c = 0; c < n_cols; c++)
      if (lb_matrix_get_categories (run.outputs[0], c) != NULL)
        lb_matrix_set_categories (out, c, lb_matrix_get_categories (run.outputs[0], c));
      else if (method == LB_PREDICT_METHOD_PREDICT && y != NULL && lb_matrix_get_categories (y, 0) != NULL)
        lb_matrix_set_categories (out, c, lb_matrix_get_categories (y, 0));
  }

out:
  cv_run_clear (&run);
  return out;
}
