/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-shortlist-jobs.c: the Shortlist page's background work. The data are
 * prepared exactly as `learnbench run` prepares them (engine/lb-project-run.c's
 * own functions: the split, the preparation fitted once on the training rows)
 * and each model goes through lb_project_run_model, so the numbers are the
 * command line's. Fold scores, curve points and epochs go to the page
 * through an LbShortlistChannel as they come.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-cross-validate.h"
#include "lb-curves.h"
#include "lb-project-private.h"
#include "lb-shortlist-private.h"

void
lb_shortlist_job_data_free (gpointer data)
{
  LbShortlistJobData *d = data;

  g_clear_pointer (&d->project, lb_project_unref);
  g_clear_pointer (&d->table, lb_table_unref);
  g_clear_pointer (&d->channel, lb_shortlist_channel_unref);
  g_free (d);
}

guint
lb_shortlist_job_threads (void)
{
  return MAX (lb_job_runner_get_max_threads (), 1);
}

static void
post (LbShortlistChannel *channel,
      LbShortlistMsgKind  kind,
      guint               model)
{
  LbShortlistMsg *msg = g_new0 (LbShortlistMsg, 1);

  msg->kind = kind;
  msg->model = model;
  lb_shortlist_channel_post (channel, msg);
}

/* --- progress: each model owns 1 / n of the job --- */

typedef struct
{
  LbJob  *job;
  guint   model;
  guint   n_models;
} Progress;

static void
forward_event (const LbFitEvent *event,
               gpointer          user_data)
{
  Progress *p = user_data;
  double fraction = event->fraction;

  if (fraction >= 0)
    fraction = (p->model + MIN (fraction, 1.0)) / MAX (p->n_models, 1);
  if (fraction >= 0 || event->message != NULL)
    lb_job_report_progress (p->job, fraction, event->message);
}

/* --- the prepared training data --- */

typedef struct
{
  LbProjectData data;
  LbEstimator  *prep;        /* unfitted, NULL without a pipeline */
  LbMatrix     *X_prepared;  /* the preparation's output on the training rows */
} Prepared;

static void
prepared_clear (Prepared *p)
{
  lb_project_data_clear (&p->data);
  g_clear_object (&p->prep);
  g_clear_pointer (&p->X_prepared, lb_matrix_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Prepared, prepared_clear)

static gboolean
prepare (LbShortlistJobData *d,
         Prepared           *p,
         LbFitContext       *ctx,
         GError            **error)
{
  if (!lb_project_data_prepare_table (d->project, d->table, &p->data,
                                      lb_fit_context_get_cancellable (ctx), error))
    return FALSE;
  p->prep = lb_project_build_preparation (d->project, &p->data, error);
  if (p->prep == NULL && error != NULL && *error != NULL)
    return FALSE;
  p->X_prepared = lb_project_fit_preparation (p->prep, &p->data, ctx, error);
  return p->X_prepared != NULL;
}

/* --- cross-validation of every model --- */

typedef struct
{
  LbShortlistChannel *channel;
  guint               model;
} FoldData;

static void
on_fold (const LbCvFold *fold,
         gpointer        user_data)
{
  FoldData *f = user_data;
  LbShortlistMsg *msg = g_new0 (LbShortlistMsg, 1);

  msg->kind = LB_SHORTLIST_MSG_FOLD;
  msg->model = f->model;
  msg->fold = fold->fold;
  msg->n_folds = fold->n_folds;
  msg->score = fold->test_score;
  msg->value = fold->fit_seconds;
  lb_shortlist_channel_post (f->channel, msg);
}

static JsonNode *
run_cv (LbJob              *job,
        LbShortlistJobData *d,
        LbFitContext       *ctx,
        Progress           *progress,
        GError            **error)
{
  g_auto (Prepared) p = { 0 };
  g_autoptr (JsonArray) models = json_array_new ();
  g_autoptr (JsonArray) features = json_array_new ();
  g_autoptr (JsonObject) root = json_object_new ();
  guint n_models = d->project->models->len;
  gboolean all_done = TRUE;
  JsonNode *node;

  if (!prepare (d, &p, ctx, error))
    return NULL;
  for (guint i = 0; i < n_models; i++)
    {
      g_autoptr (GError) local = NULL;
      LbProjectModelResult *m;
      FoldData fold_data = { d->channel, i };

      if (lb_fit_context_check_cancelled (ctx, error))
        return NULL;
      progress->model = i;
      post (d->channel, LB_SHORTLIST_MSG_MODEL_START, i);
      /* no search, no test rows (the test set stays sealed), no "predict" rows */
      m = lb_project_run_model (d->project, &p.data, i, p.prep, p.X_prepared, LB_PROJECT_PART_NONE,
                                on_fold, &fold_data, ctx, &local);
      if (m == NULL)
        {
          LbShortlistMsg *msg;

          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return NULL;
            }
          msg = g_new0 (LbShortlistMsg, 1);
          msg->kind = LB_SHORTLIST_MSG_MODEL_FAILED;
          msg->model = i;
          msg->message = g_strdup (local->message);
          lb_shortlist_channel_post (d->channel, msg);
          all_done = FALSE;
          continue;
        }
      {
        LbShortlistMsg *msg = g_new0 (LbShortlistMsg, 1);

        msg->kind = LB_SHORTLIST_MSG_MODEL_DONE;
        msg->model = i;
        msg->json = lb_project_model_result_to_json (m);
        json_array_add_element (models, json_node_copy (msg->json));
        lb_shortlist_channel_post (d->channel, msg);
      }
      lb_project_model_result_free (m);
    }
  if (!all_done)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
                   _("Some models could not be evaluated: see their rows"));
      return NULL;
    }
  for (guint c = 0; c < lb_matrix_get_n_cols (p.X_prepared); c++)
    json_array_add_string_element (features, lb_matrix_get_column_name (p.X_prepared, c));
  json_object_set_int_member (root, "n_train", (gint64) lb_matrix_get_n_rows (p.data.X_train));
  json_object_set_array_member (root, "features", g_steal_pointer (&features));
  json_object_set_array_member (root, "models", g_steal_pointer (&models));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);
  return node;
}

/* --- learning curves --- */

typedef struct
{
  LbShortlistChannel *channel;
  guint               model;
} PointData;

static void
on_point (const LbCurvePoint *point,
          gpointer            user_data)
{
  PointData *pd = user_data;
  LbShortlistMsg *msg = g_new0 (LbShortlistMsg, 1);

  msg->kind = LB_SHORTLIST_MSG_CURVE_POINT;
  msg->model = pd->model;
  msg->fold = point->index;
  msg->n_folds = point->n_points;
  msg->x = point->x;
  msg->train_mean = point->train_mean;
  msg->train_std = point->train_std;
  msg->val_mean = point->val_mean;
  msg->val_std = point->val_std;
  lb_shortlist_channel_post (pd->channel, msg);
}

static gboolean
run_curves (LbJob              *job,
            LbShortlistJobData *d,
            LbFitContext       *ctx,
            Progress           *progress,
            GError            **error)
{
  g_auto (Prepared) p = { 0 };
  LbProject *project = d->project;
  gboolean once;

  if (!prepare (d, &p, ctx, error))
    return FALSE;
  once = project->prepare == LB_PROJECT_PREPARE_ONCE || p.prep == NULL;
  for (guint i = 0; i < project->models->len; i++)
    {
      const LbProjectStep *step = g_ptr_array_index (project->models, i);
      g_autoptr (LbEstimator) model = lb_project_step_build (step, error);
      g_autoptr (LbEstimator) target = NULL;
      g_autoptr (LbCvSplitter) cv = NULL;
      g_autoptr (LbCurve) curve = NULL;
      g_autoptr (LbFitContext) child = NULL;
      PointData pd = { d->channel, i };
      const char *scoring;

      if (model == NULL || lb_fit_context_check_cancelled (ctx, error))
        return FALSE;
      progress->model = i;
      post (d->channel, LB_SHORTLIST_MSG_MODEL_START, i);
      scoring = lb_cv_resolve_scoring (model, project->scoring, error);
      if (scoring == NULL)
        return FALSE;
      if (once)
        target = g_object_ref (model);
      else
        {
          g_autoptr (LbEstimator) prep = lb_estimator_clone (p.prep);

          target = lb_project_wrap_model (prep, model, step->name, error);
          if (target == NULL)
            return FALSE;
        }
      cv = lb_project_make_cv (&project->cv, project->seed, model);
      child = lb_fit_context_new_child (ctx, 3000 + i, 0.0, 1.0);
      curve = lb_learning_curve (target, once ? p.X_prepared : p.data.X_train, p.data.y_train, cv,
                                 NULL, 0, TRUE, scoring, on_point, &pd, child, error);
      if (curve == NULL)
        {
          g_prefix_error (error, "%s: ", step->name);
          return FALSE;
        }
    }
  return TRUE;
}

/* --- live training of one iterative model --- */

typedef struct
{
  LbShortlistChannel *channel;
  guint               model;
  LbJob              *job;
} EpochData;

static void
on_epoch_event (const LbFitEvent *event,
                gpointer          user_data)
{
  EpochData *e = user_data;
  LbShortlistMsg *msg;

  if (event->fraction >= 0 || event->message != NULL)
    lb_job_report_progress (e->job, event->fraction, event->message);
  if (event->epoch == 0 && event->iteration == 0)
    return;
  if (!isfinite (event->loss) && !isfinite (event->val_score))
    return;
  msg = g_new0 (LbShortlistMsg, 1);
  msg->kind = LB_SHORTLIST_MSG_EPOCH;
  msg->model = e->model;
  msg->fold = event->epoch > 0 ? event->epoch : event->iteration;
  msg->n_folds = 1;              /* the scores are losses (lower is better) */
  msg->score = event->loss;
  msg->value = event->val_score;
  lb_shortlist_channel_post (e->channel, msg);
}

static gboolean
has_param (LbEstimator *model,
           const char  *name)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (model), name) != NULL;
}

static gboolean
run_train (LbJob              *job,
           LbShortlistJobData *d,
           LbFitContext       *ctx,
           Progress           *progress,
           GError            **error)
{
  g_auto (Prepared) p = { 0 };
  LbProject *project = d->project;
  const LbProjectStep *step = g_ptr_array_index (project->models, d->model);
  g_autoptr (LbEstimator) model = lb_project_step_build (step, error);
  g_autoptr (LbSplit) split = NULL;
  g_autoptr (LbMatrix) X_fit = NULL;
  g_autoptr (LbMatrix) y_fit = NULL;
  g_autoptr (LbMatrix) X_val = NULL;
  g_autoptr (LbMatrix) y_val = NULL;
  const guint *rows;
  const char *scoring;
  gsize n;

  if (model == NULL || !prepare (d, &p, ctx, error))
    return FALSE;
  scoring = lb_cv_resolve_scoring (model, project->scoring, error);
  if (scoring == NULL)
    return FALSE;
  n = lb_matrix_get_n_rows (p.X_prepared);
  split = lb_split_train_test (n, d->validation_fraction, TRUE, project->seed, error);
  if (split == NULL)
    return FALSE;
  rows = lb_split_get_train (split, NULL);
  X_fit = lb_matrix_take_rows (p.X_prepared, rows, lb_split_get_n_train (split));
  y_fit = lb_matrix_take_rows (p.data.y_train, rows, lb_split_get_n_train (split));
  rows = lb_split_get_test (split, NULL);
  X_val = lb_matrix_take_rows (p.X_prepared, rows, lb_split_get_n_test (split));
  y_val = lb_matrix_take_rows (p.data.y_train, rows, lb_split_get_n_test (split));

  if (has_param (model, "warm-start") && has_param (model, "max-iter"))
    {
      /* The book's loop (chapter 4, early stopping): one epoch per fit with
       * warm_start, both parts scored after each epoch. */
      g_autoptr (JsonNode) one = json_node_new (JSON_NODE_VALUE);
      g_autoptr (JsonNode) yes = json_node_new (JSON_NODE_VALUE);
      guint max_epochs = d->max_epochs;

      json_node_set_int (one, 1);
      json_node_set_boolean (yes, TRUE);
      if (!lb_estimator_set_param (model, "max_iter", one, error)
          || !lb_estimator_set_param (model, "warm_start", yes, error))
        return FALSE;
      if (has_param (model, "early-stopping"))
        {
          g_autoptr (JsonNode) no = json_node_new (JSON_NODE_VALUE);

          json_node_set_boolean (no, FALSE);
          if (!lb_estimator_set_param (model, "early_stopping", no, error))
            return FALSE;
        }
      for (guint epoch = 1; epoch <= max_epochs; epoch++)
        {
          g_autoptr (LbFitContext) child = lb_fit_context_new_child (ctx, epoch, 0.0, 0.0);
          LbShortlistMsg *msg;
          double train, val;

          if (lb_fit_context_check_cancelled (ctx, error)
              || !lb_estimator_fit (model, X_fit, y_fit, child, error))
            return FALSE;
          train = lb_score_by_name (scoring, model, X_fit, y_fit, error);
          if (isnan (train) && error != NULL && *error != NULL)
            return FALSE;
          val = lb_score_by_name (scoring, model, X_val, y_val, error);
          if (isnan (val) && error != NULL && *error != NULL)
            return FALSE;
          msg = g_new0 (LbShortlistMsg, 1);
          msg->kind = LB_SHORTLIST_MSG_EPOCH;
          msg->model = d->model;
          msg->fold = epoch;
          msg->score = train;
          msg->value = val;
          lb_shortlist_channel_post (d->channel, msg);
          lb_job_report_progress (job, (double) epoch / max_epochs, NULL);
        }
      return TRUE;
    }
  else
    {
      /* One fit; the epochs come from the estimator's own events (training
       * loss, and the validation score when the estimator reports one). */
      g_autoptr (LbFitContext) fit_ctx = lb_fit_context_new ();
      EpochData e = { d->channel, d->model, job };

      lb_fit_context_set_seed (fit_ctx, project->seed);
      lb_fit_context_set_cancellable (fit_ctx, lb_fit_context_get_cancellable (ctx));
      lb_fit_context_set_n_threads (fit_ctx, lb_fit_context_get_n_threads (ctx));
      lb_fit_context_set_event_func (fit_ctx, on_epoch_event, &e, NULL);
      /* estimators that can, score their state on it every epoch (engine/lb-fit-context.h) */
      lb_fit_context_set_validation (fit_ctx, X_val, y_val);
      return lb_estimator_fit (model, X_fit, y_fit, fit_ctx, error);
    }
}

/* --- the job --- */

static void
job_func (LbJob        *job,
          gpointer      task_data,
          GCancellable *cancellable)
{
  LbShortlistJobData *d = task_data;
  g_autoptr (LbFitContext) ctx = lb_fit_context_new ();
  Progress progress = { job, 0, d->kind == LB_SHORTLIST_JOB_TRAIN ? 1 : d->project->models->len };
  GError *error = NULL;
  LbBlasLimit *blas_limit;
  JsonNode *node = NULL;
  gboolean ok = FALSE;

  /* the context lb_project_run's job gives: the project's seed, the pool's threads */
  lb_fit_context_set_seed (ctx, d->project->seed);
  lb_fit_context_set_cancellable (ctx, cancellable);
  lb_fit_context_set_n_threads (ctx, lb_shortlist_job_threads ());
  if (d->kind != LB_SHORTLIST_JOB_TRAIN)
    lb_fit_context_set_event_func (ctx, forward_event, &progress, NULL);
  blas_limit = lb_blas_limit_push (lb_fit_context_get_n_threads (ctx));
  switch (d->kind)
    {
    case LB_SHORTLIST_JOB_CV:
      node = run_cv (job, d, ctx, &progress, &error);
      ok = node != NULL;
      break;
    case LB_SHORTLIST_JOB_CURVES:
      ok = run_curves (job, d, ctx, &progress, &error);
      break;
    case LB_SHORTLIST_JOB_TRAIN:
    default:
      ok = run_train (job, d, ctx, &progress, &error);
      break;
    }
  g_clear_pointer (&blas_limit, lb_blas_limit_pop);
  if (!ok)
    lb_job_return_error (job, error != NULL ? error
                         : g_error_new_literal (LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN, _("failed")));
  else if (d->kind == LB_SHORTLIST_JOB_CV)
    lb_job_return_pointer (job, node, (GDestroyNotify) json_node_unref);
  else
    lb_job_return_boolean (job, TRUE);
}

LbJob *
lb_shortlist_job_start (LbShortlistJobData  *data,
                        const char          *title,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  LbJob *job = lb_job_new (title, NULL, NULL, callback, user_data);

  lb_job_set_task_data (job, data, lb_shortlist_job_data_free);
  lb_job_run (job, job_func);
  return job;
}
