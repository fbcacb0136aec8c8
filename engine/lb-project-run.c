/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-project-run.c: the model side of a project run. The preparation (a
 * ColumnTransformer of the project's groups) is fitted once on the training
 * rows; each model is then fitted as Pipeline(prep, model) on the training
 * rows, scored on them and on the test rows, asked about the "predict" rows,
 * and cross-validated — on the prepared matrix ("prepare": "once", the book's
 * way, so fold numbers equal scikit-learn's cross_val_score on
 * housing_prepared) or as a whole pipeline refitted per fold ("per_fold").
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-cross-validate.h"
#include "lb-column-transformer.h"
#include "lb-pipeline.h"
#include "lb-search.h"
#include "lb-project-private.h"
#include "lb-project-run.h"

/* --- building the estimators --- */

/* The project's groups as a ColumnTransformer; NULL (and no error) when the
 * project has no pipeline. */
LbEstimator *
lb_project_build_preparation (LbProject     *project,
                              LbProjectData *data,
                              GError       **error)
{
  g_autoptr (LbColumnTransformer) ct = NULL;

  if (project->groups->len == 0)
    return NULL;
  ct = lb_column_transformer_new ();
  lb_column_transformer_set_remainder_passthrough (ct, project->remainder_passthrough);
  for (guint g = 0; g < project->groups->len; g++)
    {
      const LbProjectGroup *group = g_ptr_array_index (project->groups, g);
      const char * const *columns = g_ptr_array_index (data->groups, g);
      g_autoptr (LbPipeline) steps = lb_pipeline_new ();

      for (guint s = 0; s < group->steps->len; s++)
        {
          const LbProjectStep *step = g_ptr_array_index (group->steps, s);
          g_autoptr (LbEstimator) estimator = lb_project_step_build (step, error);

          if (estimator == NULL)
            {
              g_prefix_error (error, "pipeline.groups[%u].steps[%u]: ", g, s);
              return NULL;
            }
          if (!lb_pipeline_append (steps, step->name, estimator, error))
            return NULL;
        }
      if (!lb_column_transformer_add_group (ct, group->name, columns, g_strv_length ((char **) columns),
                                            group->steps->len > 0 ? LB_ESTIMATOR (steps) : NULL, error))
        return NULL;
    }
  return LB_ESTIMATOR (g_steal_pointer (&ct));
}

/* Pipeline(prep, model), or the model alone. */
static LbEstimator *
wrap (LbEstimator *prep,
      LbEstimator *model,
      const char  *model_name,
      GError     **error)
{
  g_autoptr (LbPipeline) pipeline = NULL;

  if (prep == NULL)
    return g_object_ref (model);
  pipeline = lb_pipeline_new ();
  if (!lb_pipeline_append (pipeline, "prep", prep, error)
      || !lb_pipeline_append (pipeline, model_name, model, error))
    return NULL;
  return LB_ESTIMATOR (g_steal_pointer (&pipeline));
}

static LbCvSplitter *
make_cv (const LbProjectCv *cv,
         guint64            seed,
         LbEstimator       *estimator)
{
  switch (cv->kind)
    {
    case LB_PROJECT_CV_AUTO:
      return lb_cv_splitter_new_default (cv->n_splits, estimator);
    case LB_PROJECT_CV_KFOLD:
      return lb_cv_splitter_new_kfold (cv->n_splits, cv->shuffle, seed);
    case LB_PROJECT_CV_STRATIFIED_KFOLD:
      return lb_cv_splitter_new_stratified_kfold (cv->n_splits, cv->shuffle, seed);
    case LB_PROJECT_CV_SHUFFLE_SPLIT:
      return lb_cv_splitter_new_shuffle_split (cv->n_splits, cv->test_size, seed);
    case LB_PROJECT_CV_NONE:
    default:
      return NULL;
    }
}

LbCvSplitter *
lb_project_make_cv (const LbProjectCv *cv,
                    guint64            seed,
                    LbEstimator       *estimator)
{
  return make_cv (cv, seed, estimator);
}

LbEstimator *
lb_project_wrap_model (LbEstimator *prep,
                       LbEstimator *model,
                       const char  *model_name,
                       GError     **error)
{
  return wrap (prep, model, model_name, error);
}

/* --- progress --- */

typedef struct
{
  LbFitContext *ctx;
  const char   *model;
  double        from, to;   /* this model's part of the run */
  LbCvFoldFunc  fold_func;  /* the caller's (lb_project_run_model), or NULL */
  gpointer      fold_data;
  LbSearchCandidateFunc candidate_func;  /* the caller's (lb_project_run_search), or NULL */
  gpointer      candidate_data;
} FoldProgress;

static void
report (LbFitContext *ctx,
        double        fraction,
        const char   *message)
{
  LbFitEvent event = { fraction, 0, 0, NAN, NAN, message };

  lb_fit_context_report (ctx, &event);
}

static void
on_fold (const LbCvFold *fold,
         gpointer        user_data)
{
  FoldProgress *p = user_data;
  g_autofree char *message = g_strdup_printf (_("%s: fold %u of %u"), p->model, fold->n_done, fold->n_folds);

  report (p->ctx, p->from + (p->to - p->from) * (0.2 + 0.8 * fold->n_done / MAX (fold->n_folds, 1)),
          message);
  if (p->fold_func != NULL)
    p->fold_func (fold, p->fold_data);
}

/* --- one model --- */

static JsonArray *
predictions_to_json (LbMatrix *predictions,
                     gboolean  classification)
{
  JsonArray *array = json_array_new ();
  const char * const *classes = lb_matrix_get_categories (predictions, 0);
  const double *p = lb_matrix_get_const_data (predictions);

  for (gsize i = 0; i < lb_matrix_get_n_rows (predictions); i++)
    {
      double v = p[i * lb_matrix_get_n_cols (predictions)];

      if (classification && classes != NULL && v >= 0 && v < g_strv_length ((char **) classes))
        json_array_add_string_element (array, classes[(gsize) v]);
      else
        json_array_add_double_element (array, v);
    }
  return array;
}

static void
on_candidate (const LbSearchCandidate *candidate,
              gpointer                 user_data)
{
  FoldProgress *p = user_data;
  g_autofree char *message = g_strdup_printf (_("%s: search, candidate %u of %u"), p->model,
                                              candidate->n_done, candidate->n_candidates);

  report (p->ctx, p->from + (p->to - p->from) * candidate->n_done / MAX (candidate->n_candidates, 1),
          message);
  if (p->candidate_func != NULL)
    p->candidate_func (candidate, p->candidate_data);
}

/* A search key naming a parameter of the preparation ("prep.num.imputer.strategy"
 * or "prep__num__imputer__strategy") rather than of the model. */
static gboolean
is_prep_key (const char *key)
{
  return g_str_has_prefix (key, "prep.") || g_str_has_prefix (key, "prep__");
}

static gboolean
space_names_prep (JsonNode *space)
{
  JsonArray *list = JSON_NODE_HOLDS_ARRAY (space) ? json_node_get_array (space) : NULL;

  for (guint i = 0; i < (list != NULL ? json_array_get_length (list) : 1); i++)
    {
      JsonObject *object = list != NULL ? json_array_get_object_element (list, i) : json_node_get_object (space);
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        if (is_prep_key (l->data))
          return TRUE;
    }
  return FALSE;
}

/* @space with every key prefixed "model__" (a search over the whole pipeline). */
static JsonNode *
prefix_space (JsonNode   *space,
              const char *model)
{
  JsonNode *copy = json_node_copy (space);
  JsonArray *list = NULL;

  if (JSON_NODE_HOLDS_ARRAY (copy))
    list = json_node_get_array (copy);
  for (guint i = 0; i < (list != NULL ? json_array_get_length (list) : 1); i++)
    {
      JsonObject *object = list != NULL ? json_array_get_object_element (list, i) : json_node_get_object (copy);
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *key = NULL;

          if (is_prep_key (l->data))
            continue;  /* already a path from the pipeline */
          key = g_strdup_printf ("%s__%s", model, (const char *) l->data);

          json_object_set_member (object, key, json_node_copy (json_object_get_member (object, l->data)));
          json_object_remove_member (object, l->data);
        }
    }
  return copy;
}

/* The project's search on @model (unfitted). With refit, @model gets the
 * best parameters, so the evaluation that follows is of the best candidate.
 * A space naming preparation parameters ("prep.…") searches the whole
 * pipeline, refitted per fold whatever "prepare" says (the preparation is
 * what changes); with refit, *@searched_prep is then a copy of @prep with
 * the best of them. */
static gboolean
run_search (LbProject            *project,
            LbProjectData        *data,
            const LbProjectStep  *step,
            LbEstimator          *model,
            LbEstimator          *prep,
            LbMatrix             *X_prepared,
            LbProjectModelResult *m,
            LbSearchCandidateFunc candidate_func,
            gpointer              candidate_data,
            LbEstimator         **searched_prep,
            LbFitContext         *ctx,
            double                from,
            double                to,
            GError              **error)
{
  const LbProjectSearch *search = &project->search;
  gboolean once = project->prepare == LB_PROJECT_PREPARE_ONCE || prep == NULL;
  gboolean with_prep;
  JsonObject *best_prep = NULL;
  g_autoptr (LbEstimator) target = NULL;
  g_autoptr (LbCvSplitter) cv = make_cv (&search->cv, project->seed, model);
  g_autoptr (LbSearchResult) result = NULL;
  g_autoptr (JsonNode) space = NULL;
  g_autoptr (JsonNode) report_json = NULL;
  g_autoptr (LbFitContext) child = lb_fit_context_new_child (ctx, 2000, from, to);
  FoldProgress progress = { ctx, step->name, from, to, NULL, NULL, candidate_func, candidate_data };
  const char *scoring;
  JsonObject *best;

  scoring = lb_cv_resolve_scoring (model, search->scoring != NULL ? search->scoring : m->scoring, error);
  if (scoring == NULL)
    return FALSE;
  if (search->kind == LB_PROJECT_SEARCH_GRID)
    {
      space = json_node_new (JSON_NODE_ARRAY);
      json_node_set_array (space, search->grid);
    }
  else
    {
      space = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (space, search->distributions);
    }
  with_prep = space_names_prep (space);
  if (with_prep && prep == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("search on %s: the space names preparation parameters (“prep.…”) but the project has no pipeline"),
                   step->name);
      return FALSE;
    }
  if (with_prep)
    once = FALSE;
  if (once)
    target = lb_estimator_clone (model);
  else
    {
      g_autoptr (LbEstimator) prep_clone = lb_estimator_clone (prep);
      g_autoptr (LbEstimator) model_clone = lb_estimator_clone (model);
      JsonNode *prefixed = prefix_space (space, step->name);

      json_node_unref (space);
      space = prefixed;
      target = wrap (prep_clone, model_clone, step->name, error);
      if (target == NULL)
        return FALSE;
    }
  if (search->kind == LB_PROJECT_SEARCH_GRID)
    result = lb_grid_search (target, once ? X_prepared : data->X_train, data->y_train, space, cv, scoring,
                             LB_SEARCH_FLAGS_NONE, on_candidate, &progress, child, error);
  else
    result = lb_randomized_search (target, once ? X_prepared : data->X_train, data->y_train, space,
                                   search->n_iter, cv, scoring, LB_SEARCH_FLAGS_NONE,
                                   on_candidate, &progress, child, error);
  if (result == NULL)
    {
      g_prefix_error (error, _("search on %s: "), step->name);
      return FALSE;
    }

  /* best_params in the model's own parameter names */
  best = json_object_new ();
  {
    JsonObject *found = lb_search_result_get_best_params (result);
    g_autoptr (GList) members = json_object_get_members (found);
    g_autofree char *prefix = g_strdup_printf ("%s__", step->name);

    for (GList *l = members; l != NULL; l = l->next)
      {
        const char *key = l->data;

        if (!once && g_str_has_prefix (key, prefix))
          key += strlen (prefix);
        json_object_set_member (best, key, json_node_copy (json_object_get_member (found, l->data)));
        if (is_prep_key (key))
          {
            if (best_prep == NULL)
              best_prep = json_object_new ();
            json_object_set_member (best_prep, key + (key[4] == '.' ? 5 : 6),
                                    json_node_copy (json_object_get_member (found, l->data)));
          }
      }
  }
  m->best_params = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (m->best_params, best);
  m->best_score = lb_search_result_get_best_score (result);
  report_json = lb_search_result_to_json (result);
  m->cv_results = json_node_copy (json_object_get_member (json_node_get_object (report_json), "cv_results"));

  if (search->refit)
    {
      g_autoptr (JsonObject) model_best = json_object_new ();
      g_autoptr (JsonObject) prep_best = best_prep;
      g_autoptr (GList) members = json_object_get_members (best);

      for (GList *l = members; l != NULL; l = l->next)
        if (!is_prep_key (l->data))
          json_object_set_member (model_best, l->data, json_node_copy (json_object_get_member (best, l->data)));
      if (!lb_estimator_set_params (model, model_best, error))
        return FALSE;
      json_node_unref (m->params);
      m->params = lb_estimator_get_params (model);
      if (prep_best != NULL)
        {
          g_autoptr (LbEstimator) copy = lb_estimator_clone (prep);

          if (!lb_estimator_set_params (copy, prep_best, error))
            return FALSE;
          *searched_prep = g_steal_pointer (&copy);
        }
    }
  else if (best_prep != NULL)
    json_object_unref (best_prep);
  return TRUE;
}

/* The test score of @m->fitted (and the RMSE interval for a regressor), as
 * `learnbench run` computes it. */
static gboolean
score_test (LbProjectData        *data,
            LbProjectModelResult *m,
            LbEstimator          *full,
            gboolean              regressor,
            GError              **error)
{
  m->test_score = lb_score_by_name (m->scoring, full, data->X_test, data->y_test, error);
  if (isnan (m->test_score) && error != NULL && *error != NULL)
    return FALSE;
  if (regressor && lb_matrix_get_n_rows (data->y_test) >= 2)
    {
      g_autoptr (LbMatrix) predicted = lb_estimator_predict (full, data->X_test, error);

      if (predicted == NULL
          || !lb_rmse_confidence_interval (lb_matrix_get_const_data (data->y_test),
                                           lb_matrix_get_const_data (predicted),
                                           lb_matrix_get_n_rows (predicted), 0.95,
                                           &m->test_rmse_low, &m->test_rmse_high, error))
        return FALSE;
    }
  return TRUE;
}

static LbProjectModelResult *
run_model_hooked (LbProject      *project,
                  LbProjectData  *data,
                  guint           index,
                  LbEstimator    *prep,
                  LbMatrix       *X_prepared,
                  LbProjectPartFlags flags,
                  LbCvFoldFunc    fold_func,
                  gpointer        fold_data,
                  LbSearchCandidateFunc candidate_func,
                  gpointer        candidate_data,
                  LbFitContext   *ctx,
                  double          from,
                  double          to,
                  GError        **error)
{
  const LbProjectStep *step = g_ptr_array_index (project->models, index);
  g_autoptr (LbEstimator) model = lb_project_step_build (step, error);
  g_autoptr (LbEstimator) full = NULL;
  g_autoptr (LbEstimator) searched_prep = NULL;
  g_autoptr (LbMatrix) searched_X = NULL;
  g_autoptr (LbFitContext) child = NULL;
  LbProjectModelResult *m;
  const char *scoring;
  gint64 start;

  if (model == NULL)
    {
      g_prefix_error (error, "models[%u]: ", index);
      return NULL;
    }
  scoring = lb_cv_resolve_scoring (model, project->scoring, error);
  if (scoring == NULL)
    return NULL;

  m = g_new0 (LbProjectModelResult, 1);
  m->name = g_strdup (step->name);
  m->estimator = g_strdup (step->estimator);
  m->scoring = g_strdup (scoring);
  m->params = lb_estimator_get_params (model);
  m->train_score = m->cv_mean = m->cv_std = m->test_score = NAN;
  m->test_rmse_low = m->test_rmse_high = m->best_score = m->cv_seconds = NAN;
  m->cv_scores = g_array_new (FALSE, FALSE, sizeof (double));

  /* The search first: with refit, what follows evaluates the best candidate. */
  if ((flags & LB_PROJECT_PART_SEARCH) != 0
      && project->search.kind != LB_PROJECT_SEARCH_NONE && strcmp (project->search.model, step->name) == 0)
    {
      double mid = from + (to - from) * 0.6;

      if (!run_search (project, data, step, model, prep, X_prepared, m, candidate_func, candidate_data,
                       &searched_prep, ctx, from, mid, error))
        goto fail;
      from = mid;
      if (searched_prep != NULL)
        {
          /* The best preparation replaces the project's for this model:
           * "prepare": "once" cross-validates its output. */
          g_autoptr (LbEstimator) fitted = lb_estimator_clone (searched_prep);
          g_autoptr (LbFitContext) prep_ctx = lb_fit_context_new_child (ctx, 999, from, from);

          prep = searched_prep;
          searched_X = lb_estimator_fit_transform (fitted, data->X_train, data->y_train, prep_ctx, error);
          if (searched_X == NULL)
            {
              g_prefix_error (error, "pipeline: ");
              goto fail;
            }
          X_prepared = searched_X;
        }
    }

  /* The fit on every training row. */
  {
    g_autoptr (LbEstimator) prep_clone = prep != NULL ? lb_estimator_clone (prep) : NULL;
    g_autofree char *message = g_strdup_printf (_("%s: fitting"), step->name);

    report (ctx, from, message);
    full = wrap (prep_clone, model, step->name, error);
    if (full == NULL)
      goto fail;
    child = lb_fit_context_new_child (ctx, index, from, from + (to - from) * 0.2);
    start = g_get_monotonic_time ();
    if (!lb_estimator_fit (full, data->X_train, data->y_train, child, error))
      {
        g_prefix_error (error, _("%s: "), step->name);
        goto fail;
      }
    m->fit_seconds = (g_get_monotonic_time () - start) / 1e6;
  }

  if (project->train_score)
    {
      m->train_score = lb_score_by_name (scoring, full, data->X_train, data->y_train, error);
      if (isnan (m->train_score) && error != NULL && *error != NULL)
        goto fail;
    }
  if ((flags & LB_PROJECT_PART_TEST) != 0 && project->test && data->X_test != NULL)
    {
      if (!score_test (data, m, full, lb_estimator_is_regressor (model), error))
        goto fail;
    }
  if ((flags & LB_PROJECT_PART_PREDICT) != 0 && data->X_predict != NULL)
    {
      g_autoptr (LbMatrix) predicted = lb_estimator_predict (full, data->X_predict, error);

      if (predicted == NULL)
        {
          g_prefix_error (error, "predict: ");
          goto fail;
        }
      m->predictions = predictions_to_json (predicted, lb_estimator_is_classifier (model));
    }

  if (project->cv.kind != LB_PROJECT_CV_NONE && (flags & LB_PROJECT_PART_NO_CV) == 0)
    {
      gboolean once = project->prepare == LB_PROJECT_PREPARE_ONCE || prep == NULL;
      g_autoptr (LbEstimator) unfitted = lb_estimator_clone (model);   /* the searched parameters too */
      g_autoptr (LbEstimator) target = NULL;
      g_autoptr (LbCvSplitter) cv = NULL;
      g_autoptr (LbCvResult) result = NULL;
      FoldProgress progress = { ctx, step->name, from, to, fold_func, fold_data };
      g_autoptr (LbFitContext) cv_ctx = lb_fit_context_new_child (ctx, 1000 + index, from, to);

      if (unfitted == NULL)
        goto fail;
      if (once)
        target = g_object_ref (unfitted);
      else
        {
          g_autoptr (LbEstimator) prep_clone = lb_estimator_clone (prep);

          target = wrap (prep_clone, unfitted, step->name, error);
          if (target == NULL)
            goto fail;
        }
      cv = make_cv (&project->cv, project->seed, unfitted);
      start = g_get_monotonic_time ();
      result = lb_cross_validate (target, once ? X_prepared : data->X_train, data->y_train, cv, scoring,
                                  LB_CV_FLAGS_NONE, on_fold, &progress, cv_ctx, error);
      if (result == NULL)
        {
          g_prefix_error (error, _("%s: cross-validation: "), step->name);
          goto fail;
        }
      m->cv_seconds = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_vals (m->cv_scores, lb_cv_result_get_test_scores (result),
                           lb_cv_result_get_n_folds (result));
      m->cv_mean = lb_cv_result_get_mean_test (result);
      m->cv_std = lb_cv_result_get_std_test (result);
    }
  m->fitted = g_steal_pointer (&full);
  report (ctx, to, NULL);
  return m;

fail:
  lb_project_model_result_free (m);
  return NULL;
}

static LbProjectModelResult *
run_model (LbProject      *project,
           LbProjectData  *data,
           guint           index,
           LbEstimator    *prep,
           LbMatrix       *X_prepared,
           LbProjectPartFlags flags,
           LbCvFoldFunc    fold_func,
           gpointer        fold_data,
           LbFitContext   *ctx,
           double          from,
           double          to,
           GError        **error)
{
  return run_model_hooked (project, data, index, prep, X_prepared, flags, fold_func, fold_data, NULL, NULL,
                           ctx, from, to, error);
}

LbProjectModelResult *
lb_project_run_search (LbProject            *project,
                       LbProjectData        *data,
                       LbEstimator          *prep,
                       LbMatrix             *X_prepared,
                       LbProjectPartFlags    flags,
                       LbSearchCandidateFunc candidate_func,
                       gpointer              candidate_data,
                       LbFitContext         *ctx,
                       GError              **error)
{
  g_return_val_if_fail (project != NULL && data != NULL && X_prepared != NULL && ctx != NULL, NULL);

  if (project->search.kind == LB_PROJECT_SEARCH_NONE)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM, _("the project has no search"));
      return NULL;
    }
  for (guint i = 0; i < project->models->len; i++)
    {
      const LbProjectStep *step = g_ptr_array_index (project->models, i);

      if (strcmp (step->name, project->search.model) == 0)
        return run_model_hooked (project, data, i, prep, X_prepared, flags | LB_PROJECT_PART_SEARCH,
                                 NULL, NULL, candidate_func, candidate_data, ctx, 0.0, 1.0, error);
    }
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
               _("search.model: no model is named “%s”"), project->search.model);
  return NULL;
}

gboolean
lb_project_score_test (LbProjectData        *data,
                       LbProjectModelResult *m,
                       GError              **error)
{
  g_return_val_if_fail (data != NULL && m != NULL && m->fitted != NULL, FALSE);

  if (data->X_test == NULL || lb_matrix_get_n_rows (data->X_test) == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM, _("the project has no test set"));
      return FALSE;
    }
  return score_test (data, m, m->fitted, lb_estimator_is_regressor (m->fitted), error);
}

LbProjectModelResult *
lb_project_run_model (LbProject         *project,
                      LbProjectData     *data,
                      guint              index,
                      LbEstimator       *prep,
                      LbMatrix          *X_prepared,
                      LbProjectPartFlags flags,
                      LbCvFoldFunc       fold_func,
                      gpointer           fold_data,
                      LbFitContext      *ctx,
                      GError           **error)
{
  g_return_val_if_fail (project != NULL && data != NULL && X_prepared != NULL && ctx != NULL, NULL);
  g_return_val_if_fail (index < project->models->len, NULL);
  return run_model (project, data, index, prep, X_prepared, flags, fold_func, fold_data, ctx, 0.0, 1.0, error);
}

LbMatrix *
lb_project_fit_preparation (LbEstimator   *prep,
                            LbProjectData *data,
                            LbFitContext  *ctx,
                            GError       **error)
{
  g_autoptr (LbEstimator) fitted = NULL;
  g_autoptr (LbFitContext) child = NULL;
  LbMatrix *X_prepared;

  if (prep == NULL)
    return lb_matrix_ref (data->X_train);
  fitted = lb_estimator_clone (prep);
  child = lb_fit_context_new_child (ctx, 999, 0.02, 0.05);
  report (ctx, 0.02, _("Preparing the data"));
  X_prepared = lb_estimator_fit_transform (fitted, data->X_train, data->y_train, child, error);
  if (X_prepared == NULL)
    g_prefix_error (error, "pipeline: ");
  return X_prepared;
}

/* --- the run --- */

static JsonObject *
make_metadata (LbProject     *project,
               LbProjectData *data)
{
  JsonObject *metadata = json_object_new ();
  JsonArray *features = json_array_new ();
  JsonObject *categories = json_object_new ();

  if (project->name != NULL)
    json_object_set_string_member (metadata, "project", project->name);
  json_object_set_string_member (metadata, "target", project->target);
  for (guint f = 0; f < data->features->len; f++)
    {
      LbColumn *column = lb_table_get_column (data->table, g_array_index (data->features, guint, f));

      json_array_add_string_element (features, lb_column_get_name (column));
      if (lb_column_get_kind (column) == LB_COLUMN_CATEGORICAL)
        {
          JsonArray *names = json_array_new ();
          const char * const *cats = lb_column_get_categories (column);

          for (guint k = 0; k < lb_column_get_n_categories (column); k++)
            json_array_add_string_element (names, cats[k]);
          json_object_set_array_member (categories, lb_column_get_name (column), names);
        }
    }
  json_object_set_array_member (metadata, "features", features);
  json_object_set_object_member (metadata, "categories", categories);
  json_object_set_boolean_member (metadata, "classification", data->classification);
  return metadata;
}

JsonObject *
lb_project_make_metadata (LbProject     *project,
                          LbProjectData *data)
{
  g_return_val_if_fail (project != NULL && data != NULL, NULL);
  return make_metadata (project, data);
}

LbProjectResult *
lb_project_run (LbProject    *project,
                LbFitContext *ctx,
                GError      **error)
{
  g_autoptr (LbFitContext) own = NULL;
  g_autoptr (LbProjectResult) result = NULL;
  g_autoptr (LbEstimator) prep = NULL;
  g_autoptr (LbMatrix) X_prepared = NULL;
  LbProjectData data;
  gint64 start = g_get_monotonic_time ();
  guint n_models;

  g_return_val_if_fail (project != NULL, NULL);
  if (ctx == NULL)
    {
      ctx = own = lb_fit_context_new ();
      lb_fit_context_set_seed (ctx, project->seed);
    }

  report (ctx, 0.0, _("Reading the data"));
  if (!lb_project_data_prepare (project, &data, lb_fit_context_get_cancellable (ctx), error))
    {
      lb_project_data_clear (&data);
      return NULL;
    }

  result = g_new0 (LbProjectResult, 1);
  g_atomic_ref_count_init (&result->ref_count);
  result->project = lb_project_ref (project);
  result->n_rows = lb_table_get_n_rows (data.table);
  result->n_train = lb_matrix_get_n_rows (data.X_train);
  result->n_test = data.X_test != NULL ? lb_matrix_get_n_rows (data.X_test) : 0;
  result->models = g_ptr_array_new_with_free_func (lb_project_model_result_free);

  result->metadata = make_metadata (project, &data);

  /* The preparation, fitted once on the training rows: its output is what
   * "prepare": "once" cross-validates, and its column names are reported. */
  prep = lb_project_build_preparation (project, &data, error);
  if (prep == NULL && error != NULL && *error != NULL)
    goto fail;
  X_prepared = lb_project_fit_preparation (prep, &data, ctx, error);
  if (X_prepared == NULL)
    goto fail;
  {
    g_autoptr (GStrvBuilder) names = g_strv_builder_new ();

    for (guint c = 0; c < lb_matrix_get_n_cols (X_prepared); c++)
      g_strv_builder_add (names, lb_matrix_get_column_name (X_prepared, c));
    result->feature_names = g_strv_builder_end (names);
  }

  n_models = project->models->len;
  for (guint i = 0; i < n_models; i++)
    {
      double from = 0.05 + 0.95 * i / n_models, to = 0.05 + 0.95 * (i + 1) / n_models;
      LbProjectModelResult *m;

      if (lb_fit_context_check_cancelled (ctx, error))
        goto fail;
      m = run_model (project, &data, i, prep, X_prepared, LB_PROJECT_PART_ALL, NULL, NULL, ctx, from, to, error);
      if (m == NULL)
        goto fail;
      g_ptr_array_add (result->models, m);
    }
  result->seconds = (g_get_monotonic_time () - start) / 1e6;
  lb_project_data_clear (&data);
  return g_steal_pointer (&result);

fail:
  lb_project_data_clear (&data);
  return NULL;
}

/* --- as a job --- */

static void
forward_event (const LbFitEvent *event,
               gpointer          user_data)
{
  if (event->fraction >= 0 || event->message != NULL)
    lb_job_report_progress (user_data, event->fraction, event->message);
}

static void
run_job (LbJob        *job,
         gpointer      task_data,
         GCancellable *cancellable)
{
  g_autoptr (LbFitContext) ctx = lb_fit_context_new ();
  GError *error = NULL;
  LbProjectResult *result;
  LbProject *project = task_data;
  LbBlasLimit *blas_limit;

  lb_fit_context_set_seed (ctx, project->seed);
  lb_fit_context_set_cancellable (ctx, cancellable);
  lb_fit_context_set_n_threads (ctx, lb_job_runner_get_max_threads ());
  lb_fit_context_set_event_func (ctx, forward_event, job, NULL);
  /* BLAS threads count against the same budget (`run --threads 1` means one) */
  blas_limit = lb_blas_limit_push (lb_fit_context_get_n_threads (ctx));
  result = lb_project_run (project, ctx, &error);
  g_clear_pointer (&blas_limit, lb_blas_limit_pop);
  if (result == NULL)
    lb_job_return_error (job, error);
  else
    lb_job_return_pointer (job, result, (GDestroyNotify) lb_project_result_unref);
}

LbJob *
lb_project_run_async (LbProject          *project,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  g_autofree char *title = NULL;
  LbJob *job;

  g_return_val_if_fail (project != NULL, NULL);
  title = g_strdup_printf (_("Running %s"), project->name != NULL ? project->name : _("the project"));
  job = lb_job_new (title, NULL, cancellable, callback, user_data);
  lb_job_set_task_data (job, lb_project_ref (project), (GDestroyNotify) lb_project_unref);
  lb_job_run (job, run_job);
  return job;
}

LbProjectResult *
lb_project_run_finish (GAsyncResult *result,
                       GError      **error)
{
  return lb_job_propagate_pointer (result, error);
}
