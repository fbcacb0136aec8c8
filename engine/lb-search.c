/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-search.c: grid and randomized search. Candidates come from a JSON space
 * (ParameterGrid / ParameterSampler rules); then one task per (candidate,
 * split) on lb_parallel_run, fold matrices taken once and shared read-only,
 * a callback when a candidate's last split is scored, and an optional refit.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-cross-validate.h"
#include "lb-cv-result.h"
#include "lb-metrics.h"
#include "lb-parallel-private.h"
#include "lb-search.h"

/* --- the search space --- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The space as a list of objects (one object or an array of objects). */
static GPtrArray *
space_dicts (JsonNode   *space,
             const char *what,
             GError    **error)
{
  g_autoptr(GPtrArray) dicts = g_ptr_array_new ();

  if (space != NULL && JSON_NODE_HOLDS_OBJECT (space))
    g_ptr_array_add (dicts, json_node_get_object (space));
  else if (space != NULL && JSON_NODE_HOLDS_ARRAY (space))
    {
      JsonArray *arr = json_node_get_array (space);

      for (guint i = 0; i < json_array_get_length (arr); i++)
        {
          JsonNode *el = json_array_get_element (arr, i);

          if (!JSON_NODE_HOLDS_OBJECT (el))
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("%s[%u] must be an object of parameter names"), what, i);
              return NULL;
            }
          g_ptr_array_add (dicts, json_node_get_object (el));
        }
    }
  if (dicts->len == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("%s must be an object of parameter names (or a non-empty list of them)"), what);
      return NULL;
    }
  return g_steal_pointer (&dicts);
}

/* The keys of @obj, sorted as Python's sorted() sorts str (code points = UTF-8 bytes). */
static GPtrArray *
sorted_keys (JsonObject *obj)
{
  GList *members = json_object_get_members (obj);
  GPtrArray *keys = g_ptr_array_new ();

  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (keys, l->data);
  g_list_free (members);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

GPtrArray *
lb_param_grid_expand (JsonNode *grid,
                      GError  **error)
{
  g_autoptr(GPtrArray) dicts = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  if ((dicts = space_dicts (grid, "grid", error)) == NULL)
    return NULL;

  for (guint d = 0; d < dicts->len; d++)
    {
      JsonObject *dict = g_ptr_array_index (dicts, d);
      g_autoptr(GPtrArray) keys = sorted_keys (dict);
      g_autofree guint *pos = g_new0 (guint, keys->len + 1);
      g_autofree guint *len = g_new0 (guint, keys->len + 1);

      for (guint k = 0; k < keys->len; k++)
        {
          const char *key = g_ptr_array_index (keys, k);
          JsonNode *values = json_object_get_member (dict, key);

          if (!JSON_NODE_HOLDS_ARRAY (values) || json_array_get_length (json_node_get_array (values)) == 0)
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("grid: '%s' needs a non-empty list of values"), key);
              return NULL;
            }
          len[k] = json_array_get_length (json_node_get_array (values));
        }

      /* itertools.product over the sorted keys: the last key varies fastest */
      for (;;)
        {
          JsonObject *cand = json_object_new ();
          int k;

          for (guint i = 0; i < keys->len; i++)
            {
              const char *key = g_ptr_array_index (keys, i);
              JsonArray *values = json_object_get_array_member (dict, key);

              json_object_set_member (cand, key, json_node_copy (json_array_get_element (values, pos[i])));
            }
          g_ptr_array_add (out, cand);
          for (k = (int) keys->len - 1; k >= 0; k--)
            {
              if (++pos[k] < len[k])
                break;
              pos[k] = 0;
            }
          if (k < 0)
            break;
        }
    }
  return g_steal_pointer (&out);
}

/* A number from a JSON node (int or double). */
static gboolean
node_number (JsonNode *node,
             double   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = (double) json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node);
      return TRUE;
    default:
      return FALSE;
    }
}

/* One draw for @key from @spec (a list, or {"uniform" | "loguniform" | "randint": [a, b]}). */
static JsonNode *
draw_value (const char *key,
            JsonNode   *spec,
            LbRng      *rng,
            GError    **error)
{
  JsonObject *obj;
  const char *kind;
  JsonArray *bounds;
  double lo, hi;

  if (JSON_NODE_HOLDS_ARRAY (spec))
    {
      JsonArray *values = json_node_get_array (spec);
      guint n = json_array_get_length (values);

      if (n == 0)
        goto bad;
      return json_node_copy (json_array_get_element (values, (guint) lb_rng_below (rng, n)));
    }
  if (!JSON_NODE_HOLDS_OBJECT (spec) || json_object_get_size (obj = json_node_get_object (spec)) != 1)
    goto bad;
  {
    GList *members = json_object_get_members (obj);

    kind = members->data;
    g_list_free (members);
  }
  bounds = json_object_get_array_member (obj, kind);
  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, kind))
      || json_array_get_length (bounds) != 2
      || !node_number (json_array_get_element (bounds, 0), &lo)
      || !node_number (json_array_get_element (bounds, 1), &hi)
      || !(lo < hi))
    goto bad;

  if (strcmp (kind, "uniform") == 0)
    return json_node_init_double (json_node_alloc (), lo + (hi - lo) * lb_rng_uniform (rng));
  if (strcmp (kind, "loguniform") == 0 && lo > 0)
    return json_node_init_double (json_node_alloc (),
                                  exp (log (lo) + (log (hi) - log (lo)) * lb_rng_uniform (rng)));
  if (strcmp (kind, "randint") == 0 && lo == floor (lo) && hi == floor (hi))
    return json_node_init_int (json_node_alloc (), (gint64) lo + (gint64) lb_rng_below (rng, (guint64) (hi - lo)));

bad:
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
               _("distributions: '%s' must be a non-empty list or one of {\"uniform\": [low, high]}, "
                 "{\"loguniform\": [low > 0, high]}, {\"randint\": [low, high]} with low < high"),
               key);
  return NULL;
}

GPtrArray *
lb_param_distributions_sample (JsonNode *distributions,
                               guint     n_iter,
                               guint64   seed,
                               GError  **error)
{
  g_autoptr(GPtrArray) dicts = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  gboolean all_lists = TRUE;
  LbRng rng;

  if ((dicts = space_dicts (distributions, "distributions", error)) == NULL)
    return NULL;
  if (n_iter == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("n_iter must be >= 1 (got 0)"));
      return NULL;
    }
  lb_rng_init (&rng, seed);

  for (guint d = 0; d < dicts->len; d++)
    {
      g_autoptr(GPtrArray) keys = sorted_keys (g_ptr_array_index (dicts, d));

      for (guint k = 0; k < keys->len; k++)
        if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (g_ptr_array_index (dicts, d),
                                                            g_ptr_array_index (keys, k))))
          all_lists = FALSE;
    }

  if (all_lists)
    {
      /* sample the grid without replacement */
      g_autoptr(GPtrArray) grid = lb_param_grid_expand (distributions, error);
      g_autofree guint *idx = NULL;
      guint n;

      if (grid == NULL)
        return NULL;
      n = MIN (n_iter, grid->len);
      idx = g_new (guint, grid->len);
      for (guint i = 0; i < grid->len; i++)
        idx[i] = i;
      for (guint i = 0; i < n; i++)
        {
          guint j = i + (guint) lb_rng_below (&rng, grid->len - i);
          guint tmp = idx[i];

          idx[i] = idx[j];
          idx[j] = tmp;
          g_ptr_array_add (out, json_object_ref (g_ptr_array_index (grid, idx[i])));
        }
      return g_steal_pointer (&out);
    }

  for (guint it = 0; it < n_iter; it++)
    {
      JsonObject *dict = g_ptr_array_index (dicts, dicts->len > 1 ? (guint) lb_rng_below (&rng, dicts->len) : 0);
      g_autoptr(GPtrArray) keys = sorted_keys (dict);
      g_autoptr(JsonObject) cand = json_object_new ();

      for (guint k = 0; k < keys->len; k++)
        {
          const char *key = g_ptr_array_index (keys, k);
          JsonNode *value = draw_value (key, json_object_get_member (dict, key), &rng, error);

          if (value == NULL)
            return NULL;
          json_object_set_member (cand, key, value);
        }
      g_ptr_array_add (out, g_steal_pointer (&cand));
    }
  return g_steal_pointer (&out);
}

/* --- the search --- */

typedef struct
{
  LbEstimator  *estimator;
  GPtrArray    *candidates;
  GPtrArray    *splits;
  guint         n_splits;
  LbMatrix    **X_train, **y_train, **X_test, **y_test;   /* per split */
  const char   *scoring;
  LbSearchFlags flags;
  LbFitContext *ctx;
  guint         inner_threads;
  LbSearchCandidateFunc func;
  gpointer      user_data;
  GMutex        lock;
  guint        *splits_done;   /* per candidate */
  guint         n_done;
  double       *test, *train, *fit, *score;   /* (n_cand, n_splits) */
  LbEstimator **clones;        /* per task, parameters set, made on the calling thread */
  LbFailures    failures;
} SearchRun;

static gboolean
search_task (guint    t,
             gpointer data,
             GError **error)
{
  SearchRun *run = data;
  guint c = t / run->n_splits, s = t % run->n_splits;
  guint n_tasks = run->candidates->len * run->n_splits;
  g_autoptr(LbEstimator) est = g_steal_pointer (&run->clones[t]);
  g_autoptr(LbFitContext) child = NULL;
  gsize slot = (gsize) c * run->n_splits + s;
  gint64 t0;

  if (lb_fit_context_check_cancelled (run->ctx, error))
    return FALSE;
  /* the fold's seed stream depends on the split only: every candidate sees the same */
  child = lb_fit_context_new_child (run->ctx, s, (double) t / n_tasks, (double) (t + 1) / n_tasks);
  lb_fit_context_set_n_threads (child, run->inner_threads);

  t0 = g_get_monotonic_time ();
  if (lb_estimator_fit (est, run->X_train[s], run->y_train[s], child, error))
    {
      run->fit[slot] = lb_parallel_seconds_since (t0);
      t0 = g_get_monotonic_time ();
      run->test[slot] = lb_score_by_name (run->scoring, est, run->X_test[s], run->y_test[s], error);
      if (*error == NULL && run->train != NULL)
        run->train[slot] = lb_score_by_name (run->scoring, est, run->X_train[s], run->y_train[s], error);
      run->score[slot] = lb_parallel_seconds_since (t0);
    }
  if (*error != NULL)
    {
      /* error_score=nan: the split scores NaN, the candidate ranks last */
      g_prefix_error (error, _("candidate %u, fold %u: "), c + 1, s + 1);
      if (!lb_failures_absorb (&run->failures, run->ctx, t, error))
        return FALSE;
      run->test[slot] = NAN;
      if (run->train != NULL)
        run->train[slot] = NAN;
    }

  g_mutex_lock (&run->lock);
  if (++run->splits_done[c] == run->n_splits)
    {
      const double *row = run->test + (gsize) c * run->n_splits;
      LbSearchCandidate info = {
        .index = c,
        .n_candidates = run->candidates->len,
        .params = g_ptr_array_index (run->candidates, c),
        .n_splits = run->n_splits,
        .test_scores = row,
        .mean_test = lb_mean (row, run->n_splits),
        .std_test = lb_std_population (row, run->n_splits),
        .mean_train = run->train != NULL ? lb_mean (run->train + (gsize) c * run->n_splits, run->n_splits) : NAN,
        .mean_fit_seconds = lb_mean (run->fit + (gsize) c * run->n_splits, run->n_splits),
        .n_done = ++run->n_done,
      };
      LbFitEvent event = { .fraction = (double) info.n_done / info.n_candidates,
                           .iteration = c, .loss = NAN, .val_score = info.mean_test };

      if (run->func != NULL)
        run->func (&info, run->user_data);
      lb_fit_context_report (run->ctx, &event);
    }
  g_mutex_unlock (&run->lock);
  return TRUE;
}

static void
search_run_clear (SearchRun *run)
{
  for (guint s = 0; run->X_train != NULL && s < run->n_splits; s++)
    {
      g_clear_pointer (&run->X_train[s], lb_matrix_unref);
      g_clear_pointer (&run->y_train[s], lb_matrix_unref);
      g_clear_pointer (&run->X_test[s], lb_matrix_unref);
      g_clear_pointer (&run->y_test[s], lb_matrix_unref);
    }
  for (guint t = 0; run->clones != NULL && t < run->candidates->len * run->n_splits; t++)
    g_clear_object (&run->clones[t]);
  g_free (run->clones);
  g_free (run->X_train);
  g_free (run->y_train);
  g_free (run->X_test);
  g_free (run->y_test);
  g_free (run->splits_done);
  g_free (run->test);
  g_free (run->train);
  g_free (run->fit);
  g_free (run->score);
  g_clear_pointer (&run->splits, g_ptr_array_unref);
  g_clear_pointer (&run->ctx, lb_fit_context_unref);
  g_mutex_clear (&run->lock);
  lb_failures_clear (&run->failures);
}

static LbMatrix *
take (LbMatrix    *m,
      const guint *rows,
      gsize        n)
{
  return m != NULL ? lb_matrix_take_rows (m, rows, n) : NULL;
}

LbSearchResult *
lb_search_candidates (LbEstimator          *estimator,
                      LbMatrix             *X,
                      LbMatrix             *y,
                      GPtrArray            *candidates,
                      LbCvSplitter         *cv,
                      const char           *scoring,
                      LbSearchFlags         flags,
                      LbSearchCandidateFunc func,
                      gpointer              user_data,
                      LbFitContext         *ctx,
                      GError              **error)
{
  SearchRun run = { 0 };
  LbSearchResult *result = NULL;
  guint n_cand, workers;
  gsize n;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator), NULL);
  g_return_val_if_fail (X != NULL && candidates != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_init (&run.lock);
  lb_failures_init (&run.failures);
  run.ctx = ctx != NULL ? lb_fit_context_ref (ctx) : lb_fit_context_new ();
  n_cand = candidates->len;
  if (n_cand == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("the search has no candidates"));
      goto out;
    }
  if ((run.scoring = lb_cv_resolve_scoring (estimator, scoring, error)) == NULL)
    goto out;
  /* every candidate's values checked before anything is fitted */
  for (guint c = 0; c < n_cand; c++)
    {
      g_autoptr(LbEstimator) probe = lb_estimator_clone (estimator);

      if (!lb_estimator_set_params (probe, g_ptr_array_index (candidates, c), error))
        {
          g_prefix_error (error, _("candidate %u: "), c + 1);
          goto out;
        }
    }
  if (y != NULL && lb_matrix_get_n_rows (y) != lb_matrix_get_n_rows (X))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("X has %zu rows but y has %zu"),
                   lb_matrix_get_n_rows (X), lb_matrix_get_n_rows (y));
      goto out;
    }
  if ((run.splits = lb_cv_make_splits (estimator, cv, X, y, error)) == NULL)
    goto out;

  run.estimator = estimator;
  run.candidates = candidates;
  run.flags = flags;
  run.func = func;
  run.user_data = user_data;
  run.n_splits = run.splits->len;
  run.X_train = g_new0 (LbMatrix *, run.n_splits);
  run.y_train = g_new0 (LbMatrix *, run.n_splits);
  run.X_test = g_new0 (LbMatrix *, run.n_splits);
  run.y_test = g_new0 (LbMatrix *, run.n_splits);
  for (guint s = 0; s < run.n_splits; s++)
    {
      gsize n_train, n_test;
      const guint *train = lb_split_get_train (g_ptr_array_index (run.splits, s), &n_train);
      const guint *test = lb_split_get_test (g_ptr_array_index (run.splits, s), &n_test);

      run.X_train[s] = take (X, train, n_train);
      run.y_train[s] = take (y, train, n_train);
      run.X_test[s] = take (X, test, n_test);
      run.y_test[s] = take (y, test, n_test);
    }
  n = (gsize) n_cand * run.n_splits;
  run.splits_done = g_new0 (guint, n_cand);
  run.test = g_new (double, n);
  run.train = (flags & LB_SEARCH_RETURN_TRAIN_SCORE) ? g_new (double, n) : NULL;
  run.fit = g_new0 (double, n);
  run.score = g_new0 (double, n);
  /* every task's estimator made here, on one thread (set_params already checked above) */
  run.clones = g_new0 (LbEstimator *, n);
  for (gsize t = 0; t < n; t++)
    {
      run.clones[t] = lb_estimator_clone (estimator);
      if (!lb_estimator_set_params (run.clones[t], g_ptr_array_index (candidates, t / run.n_splits), error))
        goto out;
    }

  workers = lb_parallel_n_workers (run.ctx, (guint) n);
  run.inner_threads = lb_parallel_inner_threads (run.ctx, workers);
  if (!lb_parallel_run ((guint) n, workers, run.inner_threads,
                        lb_fit_context_get_cancellable (run.ctx), search_task, &run, error)
      || !lb_failures_check (&run.failures, (guint) n, error))
    goto out;

  result = lb_search_result_new (run.scoring, candidates, run.n_splits,
                                 run.test, run.train, run.fit, run.score);
  lb_search_result_set_failures (result, run.failures.n_failed, lb_failures_get_message (&run.failures));
  if (flags & LB_SEARCH_REFIT)
    {
      g_autoptr(LbEstimator) best = lb_estimator_clone (estimator);
      g_autoptr(LbFitContext) child = lb_fit_context_new_child (run.ctx, run.n_splits, 1.0, 1.0);
      gint64 t0 = g_get_monotonic_time ();

      lb_fit_context_set_n_threads (child, lb_fit_context_get_n_threads (run.ctx));
      if (!lb_estimator_set_params (best, lb_search_result_get_best_params (result), error)
          || !lb_estimator_fit (best, X, y, child, error))
        {
          g_prefix_error (error, _("refitting the best candidate: "));
          g_clear_pointer (&result, lb_search_result_unref);
          goto out;
        }
      lb_search_result_set_best_estimator (result, best, lb_parallel_seconds_since (t0));
    }

out:
  search_run_clear (&run);
  return result;
}

LbSearchResult *
lb_grid_search (LbEstimator          *estimator,
                LbMatrix             *X,
                LbMatrix             *y,
                JsonNode             *grid,
                LbCvSplitter         *cv,
                const char           *scoring,
                LbSearchFlags         flags,
                LbSearchCandidateFunc func,
                gpointer              user_data,
                LbFitContext         *ctx,
                GError              **error)
{
  g_autoptr(GPtrArray) candidates = lb_param_grid_expand (grid, error);

  if (candidates == NULL)
    return NULL;
  return lb_search_candidates (estimator, X, y, candidates, cv, scoring, flags,
                               func, user_data, ctx, error);
}

LbSearchResult *
lb_randomized_search (LbEstimator          *estimator,
                      LbMatrix             *X,
                      LbMatrix             *y,
                      JsonNode             *distributions,
                      guint                 n_iter,
                      LbCvSplitter         *cv,
                      const char           *scoring,
                      LbSearchFlags         flags,
                      LbSearchCandidateFunc func,
                      gpointer              user_data,
                      LbFitContext         *ctx,
                      GError              **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  guint64 seed = ctx != NULL ? lb_fit_context_get_seed (ctx) : 42;

  candidates = lb_param_distributions_sample (distributions, n_iter, seed, error);
  if (candidates == NULL)
    return NULL;
  return lb_search_candidates (estimator, X, y, candidates, cv, scoring, flags,
                               func, user_data, ctx, error);
}
