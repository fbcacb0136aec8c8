/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-curves.c: learning and validation curves. Both are a (point, split)
 * grid of fits: the split's matrices are taken once, each task fits a clone
 * (on the first m training rows, or with one parameter changed), scores it
 * on its training rows and on the split's test rows, and fills its own slot.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-cross-validate.h"
#include "lb-cv-result.h"
#include "lb-curves.h"
#include "lb-metrics.h"
#include "lb-parallel-private.h"

typedef struct
{
  LbEstimator     *estimator;
  GPtrArray       *splits;
  guint            n_splits;
  guint            n_points;
  LbMatrix       **X_train, **y_train, **X_test, **y_test;
  /* learning curve: rows per point; validation curve: the parameter and values */
  const gsize     *sizes;
  const char      *param_name;
  JsonArray       *values;
  const char      *scoring;
  LbFitContext    *ctx;
  guint            inner_threads;
  LbCurvePointFunc func;
  gpointer         user_data;
  const double    *x;
  char           **x_labels;
  GMutex           lock;
  guint           *splits_done;
  guint            n_done;
  double          *train, *val, *fit;   /* (n_points, n_splits) */
  LbEstimator    **clones;              /* per task, made on the calling thread */
  LbFailures       failures;
} CurveRun;

static LbMatrix *
take (LbMatrix    *m,
      const guint *rows,
      gsize        n)
{
  return m != NULL ? lb_matrix_take_rows (m, rows, n) : NULL;
}

static gboolean
curve_run_start (CurveRun     *run,
                 LbEstimator  *estimator,
                 LbMatrix     *X,
                 LbMatrix     *y,
                 LbCvSplitter *cv,
                 const char   *scoring,
                 LbFitContext *ctx,
                 GError      **error)
{
  run->estimator = estimator;
  run->ctx = ctx != NULL ? lb_fit_context_ref (ctx) : lb_fit_context_new ();
  if ((run->scoring = lb_cv_resolve_scoring (estimator, scoring, error)) == NULL)
    return FALSE;
  if (y != NULL && lb_matrix_get_n_rows (y) != lb_matrix_get_n_rows (X))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("X has %zu rows but y has %zu"),
                   lb_matrix_get_n_rows (X), lb_matrix_get_n_rows (y));
      return FALSE;
    }
  if ((run->splits = lb_cv_make_splits (estimator, cv, X, y, error)) == NULL)
    return FALSE;
  run->n_splits = run->splits->len;
  run->X_train = g_new0 (LbMatrix *, run->n_splits);
  run->y_train = g_new0 (LbMatrix *, run->n_splits);
  run->X_test = g_new0 (LbMatrix *, run->n_splits);
  run->y_test = g_new0 (LbMatrix *, run->n_splits);
  for (guint s = 0; s < run->n_splits; s++)
    {
      gsize n_train, n_test;
      const guint *train = lb_split_get_train (g_ptr_array_index (run->splits, s), &n_train);
      const guint *test = lb_split_get_test (g_ptr_array_index (run->splits, s), &n_test);

      run->X_train[s] = take (X, train, n_train);
      run->y_train[s] = take (y, train, n_train);
      run->X_test[s] = take (X, test, n_test);
      run->y_test[s] = take (y, test, n_test);
    }
  return TRUE;
}

static void
curve_run_clear (CurveRun *run)
{
  for (guint s = 0; run->X_train != NULL && s < run->n_splits; s++)
    {
      g_clear_pointer (&run->X_train[s], lb_matrix_unref);
      g_clear_pointer (&run->y_train[s], lb_matrix_unref);
      g_clear_pointer (&run->X_test[s], lb_matrix_unref);
      g_clear_pointer (&run->y_test[s], lb_matrix_unref);
    }
  for (guint t = 0; run->clones != NULL && t < run->n_points * run->n_splits; t++)
    g_clear_object (&run->clones[t]);
  g_free (run->clones);
  g_free (run->X_train);
  g_free (run->y_train);
  g_free (run->X_test);
  g_free (run->y_test);
  g_free (run->splits_done);
  g_free (run->train);
  g_free (run->val);
  g_free (run->fit);
  g_clear_pointer (&run->splits, g_ptr_array_unref);
  g_clear_pointer (&run->ctx, lb_fit_context_unref);
  g_mutex_clear (&run->lock);
  lb_failures_clear (&run->failures);
}

/* Task t = point * n_splits + split: points finish in order on one thread. */
static gboolean
curve_task (guint    t,
            gpointer data,
            GError **error)
{
  CurveRun *run = data;
  guint p = t / run->n_splits, s = t % run->n_splits;
  guint n_tasks = run->n_points * run->n_splits;
  gsize slot = (gsize) p * run->n_splits + s;
  g_autoptr(LbEstimator) est = g_steal_pointer (&run->clones[t]);
  g_autoptr(LbFitContext) child = NULL;
  g_autoptr(LbMatrix) X_sub = NULL, y_sub = NULL;
  LbMatrix *X_fit = run->X_train[s], *y_fit = run->y_train[s];
  gint64 t0;

  if (lb_fit_context_check_cancelled (run->ctx, error))
    return FALSE;
  if (run->sizes != NULL)
    {
      /* the first m rows of the training split, in split order */
      gsize m = run->sizes[p];
      g_autofree guint *first = g_new (guint, MAX (m, 1));

      for (gsize i = 0; i < m; i++)
        first[i] = (guint) i;
      X_fit = X_sub = lb_matrix_take_rows (run->X_train[s], first, m);
      y_fit = y_sub = take (run->y_train[s], first, m);
    }

  child = lb_fit_context_new_child (run->ctx, s, (double) t / n_tasks, (double) (t + 1) / n_tasks);
  lb_fit_context_set_n_threads (child, run->inner_threads);
  t0 = g_get_monotonic_time ();
  if (lb_estimator_fit (est, X_fit, y_fit, child, error))
    {
      run->fit[slot] = lb_parallel_seconds_since (t0);
      run->train[slot] = lb_score_by_name (run->scoring, est, X_fit, y_fit, error);
      if (*error == NULL)
        run->val[slot] = lb_score_by_name (run->scoring, est, run->X_test[s], run->y_test[s], error);
    }
  if (*error != NULL)
    {
      /* error_score=nan (a classifier on the first 3 rows may see one class) */
      g_prefix_error (error, _("point %u, fold %u: "), p + 1, s + 1);
      if (!lb_failures_absorb (&run->failures, run->ctx, t, error))
        return FALSE;
      run->train[slot] = run->val[slot] = NAN;
    }

  g_mutex_lock (&run->lock);
  if (++run->splits_done[p] == run->n_splits)
    {
      const double *tr = run->train + (gsize) p * run->n_splits;
      const double *va = run->val + (gsize) p * run->n_splits;
      LbCurvePoint info = {
        .index = p,
        .n_points = run->n_points,
        .x = run->x[p],
        .x_label = run->x_labels != NULL ? run->x_labels[p] : NULL,
        .train_mean = lb_mean (tr, run->n_splits),
        .train_std = lb_std_population (tr, run->n_splits),
        .val_mean = lb_mean (va, run->n_splits),
        .val_std = lb_std_population (va, run->n_splits),
        .n_done = ++run->n_done,
      };
      LbFitEvent event = { .fraction = (double) info.n_done / info.n_points,
                           .iteration = p, .loss = NAN, .val_score = info.val_mean };

      if (run->func != NULL)
        run->func (&info, run->user_data);
      lb_fit_context_report (run->ctx, &event);
    }
  g_mutex_unlock (&run->lock);
  return TRUE;
}

static gboolean
curve_run_go (CurveRun *run,
              GError  **error)
{
  gsize n = (gsize) run->n_points * run->n_splits;
  guint workers = lb_parallel_n_workers (run->ctx, (guint) n);

  run->inner_threads = lb_parallel_inner_threads (run->ctx, workers);
  run->splits_done = g_new0 (guint, MAX (run->n_points, 1));
  run->train = g_new (double, MAX (n, 1));
  run->val = g_new (double, MAX (n, 1));
  run->fit = g_new0 (double, MAX (n, 1));
  /* every task's estimator made here, on one thread */
  run->clones = g_new0 (LbEstimator *, MAX (n, 1));
  for (gsize t = 0; t < n; t++)
    {
      run->clones[t] = lb_estimator_clone (run->estimator);
      if (run->sizes == NULL
          && !lb_estimator_set_param (run->clones[t], run->param_name,
                                      json_array_get_element (run->values, (guint) (t / run->n_splits)), error))
        return FALSE;
    }
  return lb_parallel_run ((guint) n, workers, run->inner_threads,
                          lb_fit_context_get_cancellable (run->ctx), curve_task, run, error);
}

/* --- learning curve --- */

static int
compare_gsize (gconstpointer a,
               gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;

  return x < y ? -1 : x > y;
}

/* scikit-learn's _translate_train_sizes; returns the unique sorted sizes. */
static GArray *
translate_sizes (const double *sizes,
                 guint         n_sizes,
                 gboolean      fractions,
                 gsize         n_max,
                 GError      **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) unique = g_array_new (FALSE, FALSE, sizeof (gsize));

  if (n_sizes == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("train_sizes is empty"));
      return NULL;
    }
  for (guint i = 0; i < n_sizes; i++)
    {
      double v = sizes[i];
      gsize m;

      if (fractions)
        {
          if (!(v > 0.0 && v <= 1.0))
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("train_sizes are fractions of the largest training split and must be in (0, 1] (got %g)"),
                           v);
              return NULL;
            }
          m = (gsize) (v * (double) n_max);   /* astype(int): truncation */
          m = CLAMP (m, 1, n_max);
        }
      else
        {
          if (!(v >= 1.0 && v <= (double) n_max && v == floor (v)))
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("train_sizes must be whole numbers of rows in [1, %zu] (got %g)"),
                           n_max, v);
              return NULL;
            }
          m = (gsize) v;
        }
      g_array_append_val (out, m);
    }
  g_array_sort (out, compare_gsize);
  for (guint i = 0; i < out->len; i++)
    if (i == 0 || g_array_index (out, gsize, i) != g_array_index (out, gsize, i - 1))
      g_array_append_val (unique, g_array_index (out, gsize, i));
  return g_steal_pointer (&unique);
}

LbCurve *
lb_learning_curve (LbEstimator     *estimator,
                   LbMatrix        *X,
                   LbMatrix        *y,
                   LbCvSplitter    *cv,
                   const double    *train_sizes,
                   guint            n_sizes,
                   gboolean         fractions,
                   const char      *scoring,
                   LbCurvePointFunc func,
                   gpointer         user_data,
                   LbFitContext    *ctx,
                   GError         **error)
{
  static const double default_sizes[] = { 0.1, 0.325, 0.55, 0.775, 1.0 };   /* linspace(0.1, 1, 5) */
  CurveRun run = { 0 };
  g_autoptr(GArray) sizes = NULL;
  g_autofree double *x = NULL;
  LbCurve *curve = NULL;
  gsize n_max = G_MAXSIZE;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator), NULL);
  g_return_val_if_fail (X != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (train_sizes == NULL)
    {
      train_sizes = default_sizes;
      n_sizes = G_N_ELEMENTS (default_sizes);
      fractions = TRUE;
    }
  g_mutex_init (&run.lock);
  lb_failures_init (&run.failures);
  run.func = func;
  run.user_data = user_data;
  if (!curve_run_start (&run, estimator, X, y, cv, scoring, ctx, error))
    goto out;
  /* scikit-learn takes the first split's training size as the maximum; a
   * smaller later split could not hold it, so use the smallest */
  for (guint s = 0; s < run.n_splits; s++)
    n_max = MIN (n_max, lb_split_get_n_train (g_ptr_array_index (run.splits, s)));
  if ((sizes = translate_sizes (train_sizes, n_sizes, fractions, n_max, error)) == NULL)
    goto out;
  run.n_points = sizes->len;
  run.sizes = (const gsize *) sizes->data;
  x = g_new (double, sizes->len);
  for (guint i = 0; i < sizes->len; i++)
    x[i] = (double) g_array_index (sizes, gsize, i);
  run.x = x;
  if (!curve_run_go (&run, error)
      || !lb_failures_check (&run.failures, run.n_points * run.n_splits, error))
    goto out;
  curve = lb_curve_new (LB_CURVE_LEARNING, "train_size", run.scoring, run.n_points, run.n_splits,
                        x, NULL, run.train, run.val, run.fit);
  lb_curve_set_failures (curve, run.failures.n_failed, lb_failures_get_message (&run.failures));
out:
  curve_run_clear (&run);
  return curve;
}

/* --- validation curve --- */

LbCurve *
lb_validation_curve (LbEstimator     *estimator,
                     LbMatrix        *X,
                     LbMatrix        *y,
                     const char      *param_name,
                     JsonArray       *values,
                     LbCvSplitter    *cv,
                     const char      *scoring,
                     LbCurvePointFunc func,
                     gpointer         user_data,
                     LbFitContext    *ctx,
                     GError         **error)
{
  CurveRun run = { 0 };
  g_autofree double *x = NULL;
  g_auto(GStrv) labels = NULL;
  gboolean numeric = TRUE;
  LbCurve *curve = NULL;
  guint n;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator), NULL);
  g_return_val_if_fail (X != NULL && param_name != NULL && values != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_init (&run.lock);
  lb_failures_init (&run.failures);
  n = json_array_get_length (values);
  if (n == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("the validation curve of '%s' needs at least one value"), param_name);
      goto out;
    }
  x = g_new (double, n);
  labels = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *v = json_array_get_element (values, i);
      g_autoptr(LbEstimator) probe = lb_estimator_clone (estimator);
      GType t = JSON_NODE_HOLDS_VALUE (v) ? json_node_get_value_type (v) : G_TYPE_INVALID;

      if (!lb_estimator_set_param (probe, param_name, v, error))
        goto out;
      if (t == G_TYPE_INT64 || t == G_TYPE_DOUBLE)
        x[i] = t == G_TYPE_INT64 ? (double) json_node_get_int (v) : json_node_get_double (v);
      else
        {
          numeric = FALSE;
          x[i] = i;
        }
      labels[i] = t == G_TYPE_STRING ? g_strdup (json_node_get_string (v))
                                     : json_to_string (v, FALSE);
    }
  run.func = func;
  run.user_data = user_data;
  run.param_name = param_name;
  run.values = values;
  run.n_points = n;
  run.x = x;
  run.x_labels = numeric ? NULL : labels;
  if (!curve_run_start (&run, estimator, X, y, cv, scoring, ctx, error)
      || !curve_run_go (&run, error)
      || !lb_failures_check (&run.failures, n * run.n_splits, error))
    goto out;
  curve = lb_curve_new (LB_CURVE_VALIDATION, param_name, run.scoring, n, run.n_splits, x,
                        numeric ? NULL : (const char * const *) labels, run.train, run.val, run.fit);
  lb_curve_set_failures (curve, run.failures.n_failed, lb_failures_get_message (&run.failures));
out:
  curve_run_clear (&run);
  return curve;
}
