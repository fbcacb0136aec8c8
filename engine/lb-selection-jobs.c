/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-selection-jobs.c: the model-selection runs as LbJobs. The _async side
 * snapshots (clone, refs, copies) on the caller's thread; the worker builds a
 * fit context with the job's cancellable, forwards fit events as a monotone
 * progress fraction, and adds a message per finished fold / candidate / point.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-selection-jobs.h"

typedef enum
{
  JOB_CROSS_VALIDATE,
  JOB_SEARCH,
  JOB_LEARNING_CURVE,
  JOB_VALIDATION_CURVE,
} JobKind;

typedef struct
{
  JobKind       kind;
  LbEstimator  *estimator;     /* a clone: the caller may change its own */
  LbMatrix     *X;
  LbMatrix     *y;
  LbCvSplitter *cv;
  char         *scoring;
  guint         flags;
  GPtrArray    *candidates;
  double       *sizes;
  guint         n_sizes;
  gboolean      fractions;
  char         *param_name;
  JsonArray    *values;
  gpointer      func;
  gpointer      func_data;
  guint64       seed;
  guint         n_threads;
  /* worker side */
  LbJob        *job;
  GMutex        lock;
  double        fraction;      /* the largest fraction reported so far */
} SelectionTask;

static void
selection_task_free (gpointer data)
{
  SelectionTask *t = data;

  g_clear_object (&t->estimator);
  g_clear_pointer (&t->X, lb_matrix_unref);
  g_clear_pointer (&t->y, lb_matrix_unref);
  g_clear_pointer (&t->cv, lb_cv_splitter_unref);
  g_free (t->scoring);
  g_clear_pointer (&t->candidates, g_ptr_array_unref);
  g_free (t->sizes);
  g_free (t->param_name);
  g_clear_pointer (&t->values, json_array_unref);
  g_mutex_clear (&t->lock);
  g_free (t);
}

static SelectionTask *
selection_task_new (JobKind       kind,
                    LbEstimator  *estimator,
                    LbMatrix     *X,
                    LbMatrix     *y,
                    LbCvSplitter *cv,
                    const char   *scoring,
                    gpointer      func,
                    gpointer      func_data,
                    LbFitContext *ctx)
{
  SelectionTask *t = g_new0 (SelectionTask, 1);

  g_mutex_init (&t->lock);
  t->kind = kind;
  t->estimator = lb_estimator_clone (estimator);
  t->X = lb_matrix_ref (X);
  t->y = y != NULL ? lb_matrix_ref (y) : NULL;
  t->cv = cv != NULL ? lb_cv_splitter_ref (cv) : NULL;
  t->scoring = g_strdup (scoring);
  t->func = func;
  t->func_data = func_data;
  t->seed = ctx != NULL ? lb_fit_context_get_seed (ctx) : 42;
  t->n_threads = ctx != NULL ? lb_fit_context_get_n_threads (ctx) : 1;
  t->fraction = 0.0;
  return t;
}

/* Progress only moves forward: parallel folds report fractions out of order. */
static void
report (SelectionTask *t,
        double         fraction,
        const char    *message)
{
  g_mutex_lock (&t->lock);
  if (fraction > t->fraction)
    t->fraction = fraction;
  fraction = t->fraction;
  g_mutex_unlock (&t->lock);
  lb_job_report_progress (t->job, fraction, message);
}

static void
forward_event (const LbFitEvent *event,
               gpointer          user_data)
{
  if (event->fraction >= 0.0)
    report (user_data, event->fraction, event->message);
}

static void
on_fold (const LbCvFold *fold,
         gpointer        user_data)
{
  SelectionTask *t = user_data;
  g_autofree char *msg = g_strdup_printf (_("Fold %u of %u done"), fold->n_done, fold->n_folds);

  if (t->func != NULL)
    ((LbCvFoldFunc) t->func) (fold, t->func_data);
  report (t, (double) fold->n_done / fold->n_folds, msg);
}

static void
on_candidate (const LbSearchCandidate *c,
              gpointer                 user_data)
{
  SelectionTask *t = user_data;
  g_autofree char *msg = g_strdup_printf (_("Candidate %u of %u done"), c->n_done, c->n_candidates);

  if (t->func != NULL)
    ((LbSearchCandidateFunc) t->func) (c, t->func_data);
  report (t, (double) c->n_done / c->n_candidates, msg);
}

static void
on_point (const LbCurvePoint *p,
          gpointer            user_data)
{
  SelectionTask *t = user_data;
  g_autofree char *msg = g_strdup_printf (_("Point %u of %u done"), p->n_done, p->n_points);

  if (t->func != NULL)
    ((LbCurvePointFunc) t->func) (p, t->func_data);
  report (t, (double) p->n_done / p->n_points, msg);
}

static void
selection_worker (LbJob        *job,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SelectionTask *t = task_data;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  GError *error = NULL;
  gpointer result = NULL;
  GDestroyNotify destroy = NULL;

  t->job = job;
  lb_fit_context_set_seed (ctx, t->seed);
  lb_fit_context_set_n_threads (ctx, t->n_threads);
  lb_fit_context_set_cancellable (ctx, cancellable);
  lb_fit_context_set_event_func (ctx, forward_event, t, NULL);

  switch (t->kind)
    {
    case JOB_CROSS_VALIDATE:
      result = lb_cross_validate (t->estimator, t->X, t->y, t->cv, t->scoring, t->flags,
                                  on_fold, t, ctx, &error);
      destroy = (GDestroyNotify) lb_cv_result_unref;
      break;
    case JOB_SEARCH:
      result = lb_search_candidates (t->estimator, t->X, t->y, t->candidates, t->cv, t->scoring,
                                     t->flags, on_candidate, t, ctx, &error);
      destroy = (GDestroyNotify) lb_search_result_unref;
      break;
    case JOB_LEARNING_CURVE:
      result = lb_learning_curve (t->estimator, t->X, t->y, t->cv, t->sizes, t->n_sizes, t->fractions,
                                  t->scoring, on_point, t, ctx, &error);
      destroy = (GDestroyNotify) lb_curve_unref;
      break;
    case JOB_VALIDATION_CURVE:
    default:
      result = lb_validation_curve (t->estimator, t->X, t->y, t->param_name, t->values, t->cv,
                                    t->scoring, on_point, t, ctx, &error);
      destroy = (GDestroyNotify) lb_curve_unref;
      break;
    }
  /* the context refers to @t: drop its sink before the task data can go */
  lb_fit_context_set_event_func (ctx, NULL, NULL, NULL);
  if (result == NULL)
    lb_job_return_error (job, error);
  else
    lb_job_return_pointer (job, result, destroy);
}

static LbJob *
selection_run (SelectionTask       *t,
               const char          *title,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  LbJob *job = lb_job_new (title, NULL, cancellable, callback, user_data);

  lb_job_set_task_data (job, t, selection_task_free);
  lb_job_run (job, selection_worker);
  return job;
}

/* --- the public wrappers --- */

LbJob *
lb_cross_validate_async (LbEstimator         *estimator,
                         LbMatrix            *X,
                         LbMatrix            *y,
                         LbCvSplitter        *cv,
                         const char          *scoring,
                         LbCvFlags            flags,
                         LbCvFoldFunc         fold_func,
                         gpointer             fold_data,
                         LbFitContext        *ctx,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  SelectionTask *t;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator) && X != NULL, NULL);

  t = selection_task_new (JOB_CROSS_VALIDATE, estimator, X, y, cv, scoring,
                          (gpointer) fold_func, fold_data, ctx);
  t->flags = flags;
  return selection_run (t, _("Cross-validating"), cancellable, callback, user_data);
}

LbCvResult *
lb_cross_validate_finish (GAsyncResult *result,
                          GError      **error)
{
  return lb_job_propagate_pointer (result, error);
}

LbJob *
lb_search_async (LbEstimator          *estimator,
                 LbMatrix             *X,
                 LbMatrix             *y,
                 GPtrArray            *candidates,
                 LbCvSplitter         *cv,
                 const char           *scoring,
                 LbSearchFlags         flags,
                 LbSearchCandidateFunc func,
                 gpointer              func_data,
                 LbFitContext         *ctx,
                 GCancellable         *cancellable,
                 GAsyncReadyCallback   callback,
                 gpointer              user_data)
{
  SelectionTask *t;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator) && X != NULL && candidates != NULL, NULL);

  t = selection_task_new (JOB_SEARCH, estimator, X, y, cv, scoring, (gpointer) func, func_data, ctx);
  t->flags = flags;
  t->candidates = g_ptr_array_new_full (candidates->len, (GDestroyNotify) json_object_unref);
  for (guint i = 0; i < candidates->len; i++)
    g_ptr_array_add (t->candidates, json_object_ref (g_ptr_array_index (candidates, i)));
  return selection_run (t, _("Searching hyper-parameters"), cancellable, callback, user_data);
}

LbSearchResult *
lb_search_finish (GAsyncResult *result,
                  GError      **error)
{
  return lb_job_propagate_pointer (result, error);
}

LbJob *
lb_learning_curve_async (LbEstimator         *estimator,
                         LbMatrix            *X,
                         LbMatrix            *y,
                         LbCvSplitter        *cv,
                         const double        *train_sizes,
                         guint                n_sizes,
                         gboolean             fractions,
                         const char          *scoring,
                         LbCurvePointFunc     func,
                         gpointer             func_data,
                         LbFitContext        *ctx,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  SelectionTask *t;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator) && X != NULL, NULL);

  t = selection_task_new (JOB_LEARNING_CURVE, estimator, X, y, cv, scoring, (gpointer) func, func_data, ctx);
  if (train_sizes != NULL)
    t->sizes = g_memdup2 (train_sizes, MAX (n_sizes, 1) * sizeof (double));
  t->n_sizes = n_sizes;
  t->fractions = fractions;
  return selection_run (t, _("Computing a learning curve"), cancellable, callback, user_data);
}

LbJob *
lb_validation_curve_async (LbEstimator         *estimator,
                           LbMatrix            *X,
                           LbMatrix            *y,
                           const char          *param_name,
                           JsonArray           *values,
                           LbCvSplitter        *cv,
                           const char          *scoring,
                           LbCurvePointFunc     func,
                           gpointer             func_data,
                           LbFitContext        *ctx,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  SelectionTask *t;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator) && X != NULL, NULL);
  g_return_val_if_fail (param_name != NULL && values != NULL, NULL);

  t = selection_task_new (JOB_VALIDATION_CURVE, estimator, X, y, cv, scoring,
                          (gpointer) func, func_data, ctx);
  t->param_name = g_strdup (param_name);
  t->values = json_array_ref (values);
  return selection_run (t, _("Computing a validation curve"), cancellable, callback, user_data);
}

LbCurve *
lb_curve_finish (GAsyncResult *result,
                 GError      **error)
{
  return lb_job_propagate_pointer (result, error);
}
