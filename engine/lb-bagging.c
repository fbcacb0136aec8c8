/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-bagging.c: LbBagging, scikit-learn 1.2.1's BaseBagging algorithm: each of
 * n_estimators clones of "estimator" is fitted on max_samples rows (drawn with
 * replacement when bootstrap) and max_features columns (with replacement when
 * bootstrap_features), in parallel on worker threads; member i draws from its
 * own stream of the run's seed, so results do not depend on the thread count.
 * The out-of-bag score uses, for each row, only the members that did not see it.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-bagging.h"
#include "lb-ensemble-private.h"
#include "lb-estimator-private.h"
#include "lb-metrics.h"
#include "lb-parallel-private.h"

typedef struct
{
  LbEstimator *estimator;   /* fitted */
  guint       *features;
  guint        n_features;
} Member;

typedef struct
{
  /* parameters */
  LbEstimator *base;
  guint        n_estimators;
  double       max_samples;
  double       max_features;
  gboolean     bootstrap;
  gboolean     bootstrap_features;
  gboolean     oob_score;

  /* learned */
  Member      *members;
  guint        n_members;
  double       oob_score_value;
  LbMatrix    *oob_prediction;   /* (n, k) decision function / (n, 1) prediction */
} LbBaggingPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LbBagging, lb_bagging, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_ESTIMATOR,
  PROP_N_ESTIMATORS,
  PROP_MAX_SAMPLES,
  PROP_MAX_FEATURES,
  PROP_BOOTSTRAP,
  PROP_BOOTSTRAP_FEATURES,
  PROP_OOB_SCORE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
clear_members (LbBaggingPrivate *priv)
{
  for (guint i = 0; i < priv->n_members; i++)
    {
      g_clear_object (&priv->members[i].estimator);
      g_free (priv->members[i].features);
    }
  g_clear_pointer (&priv->members, g_free);
  priv->n_members = 0;
  priv->oob_score_value = NAN;
  g_clear_pointer (&priv->oob_prediction, lb_matrix_unref);
}

/* scikit-learn: a float in (0, 1] is a fraction (int (v · n)), a larger
 * whole number a count. */
static gboolean
resolve_count (double      v,
               gsize       n,
               const char *param,
               gsize      *out,
               GError    **error)
{
  gsize k;

  if (v <= 1.0)
    k = (gsize) (v * (double) n);
  else if (v != floor (v) || v > (double) n)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("%s: %g is neither a fraction in (0, 1] nor a whole number of at most %zu"),
                   param, v, n);
      return FALSE;
    }
  else
    k = (gsize) v;
  if (k == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("%s: %g of %zu gives no rows or columns at all"), param, v, n);
      return FALSE;
    }
  *out = k;
  return TRUE;
}

/* @k indices of [0, n): with replacement, or a random subset (Fisher–Yates prefix). */
static void
draw_indices (LbRng    *rng,
              gsize     n,
              gsize     k,
              gboolean  replace,
              guint    *out)
{
  if (replace)
    {
      for (gsize i = 0; i < k; i++)
        out[i] = (guint) lb_rng_below (rng, n);
      return;
    }
  {
    g_autofree guint *pool = g_new (guint, n);

    for (gsize i = 0; i < n; i++)
      pool[i] = (guint) i;
    for (gsize i = 0; i < k; i++)
      {
        gsize j = i + lb_rng_below (rng, n - i);
        guint t = pool[i];

        pool[i] = pool[j];
        pool[j] = t;
        out[i] = pool[i];
      }
  }
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  LbBagging    *self;
  LbMatrix     *X;
  LbMatrix     *y;           /* named codes (classifier) or values */
  LbFitContext *ctx;
  guint         inner_threads;
  gsize         n_rows_draw;
  gsize         n_cols_draw;
  guint8      **in_bag;      /* per member, n rows; NULL without oob_score */
  GMutex        lock;
  guint         n_done;
} FitRun;

static gboolean
fit_member (guint    index,
            gpointer data,
            GError **error)
{
  FitRun *run = data;
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (run->self);
  Member *m = &priv->members[index];
  gsize n = lb_matrix_get_n_rows (run->X);
  gsize p = lb_matrix_get_n_cols (run->X);
  g_autoptr(LbFitContext) child = NULL;
  g_autofree guint *rows = g_new (guint, run->n_rows_draw);
  g_autoptr(LbMatrix) Xs = NULL, Xr = NULL, ys = NULL;
  LbFitEvent event = { 0 };
  LbRng rng;

  child = lb_ensemble_member_context (run->ctx, index);
  lb_fit_context_set_n_threads (child, run->inner_threads);
  lb_fit_context_init_rng (child, &rng, 0);

  /* scikit-learn draws the features first, then the rows */
  m->n_features = run->n_cols_draw;
  m->features = g_new (guint, m->n_features);
  draw_indices (&rng, p, m->n_features, priv->bootstrap_features, m->features);
  if (!priv->bootstrap_features)
    qsort (m->features, m->n_features, sizeof (guint), compare_uint);
  draw_indices (&rng, n, run->n_rows_draw, priv->bootstrap, rows);
  if (run->in_bag != NULL)
    {
      run->in_bag[index] = g_new0 (guint8, n);
      for (gsize i = 0; i < run->n_rows_draw; i++)
        run->in_bag[index][rows[i]] = 1;
    }
  Xr = lb_matrix_take_rows (run->X, rows, run->n_rows_draw);
  Xs = m->n_features == p && !priv->bootstrap_features
       ? lb_matrix_ref (Xr) : lb_matrix_take_cols (Xr, m->features, m->n_features);
  ys = lb_matrix_take_rows (run->y, rows, run->n_rows_draw);
  if (!lb_estimator_fit (m->estimator, Xs, ys, child, error))
    {
      if (error != NULL && *error != NULL &&
          !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (error, _("estimator %u: "), index);
      return FALSE;
    }
  g_mutex_lock (&run->lock);
  event.iteration = ++run->n_done;
  g_mutex_unlock (&run->lock);
  event.fraction = (double) event.iteration / priv->n_members;
  event.loss = NAN;
  event.val_score = NAN;
  lb_fit_context_report (run->ctx, &event);
  return TRUE;
}

/* Member @e's columns of X (a new reference). */
static LbMatrix *
member_columns (LbBaggingPrivate *priv,
                guint             e,
                LbMatrix         *X)
{
  Member *m = &priv->members[e];

  if (m->n_features == lb_matrix_get_n_cols (X))
    {
      gboolean identity = TRUE;

      for (guint j = 0; j < m->n_features; j++)
        identity = identity && m->features[j] == j;
      if (identity)
        return lb_matrix_ref (X);
    }
  return lb_matrix_take_cols (X, m->features, m->n_features);
}

/* Member @e's contribution for a classifier: probabilities (n, k) when it has
 * predict_proba, else a one-hot vote (scikit-learn's _parallel_predict_proba). */
static LbMatrix *
member_proba (LbBagging *self,
              guint      e,
              LbMatrix  *X,
              GError   **error)
{
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (self);
  LbEstimator *est = priv->members[e].estimator;
  g_autoptr(LbMatrix) Xs = member_columns (priv, e, X);
  guint k = lb_estimator_get_n_classes (LB_ESTIMATOR (self));
  gsize n = lb_matrix_get_n_rows (X);
  g_autoptr(LbMatrix) pred = NULL;
  g_autofree int *map = NULL;
  LbMatrix *out;

  if (LB_ESTIMATOR_GET_CLASS (est)->predict_proba != NULL)
    return lb_ensemble_child_proba (LB_ESTIMATOR (self), est, Xs, error);
  pred = lb_estimator_predict (est, Xs, error);
  if (pred == NULL || (map = lb_ensemble_class_map (LB_ESTIMATOR (self), est, error)) == NULL)
    return NULL;
  out = lb_matrix_new (n, k);
  for (gsize i = 0; i < n; i++)
    LB_MATRIX_AT (out, i, map[(int) lb_matrix_get_const_data (pred)[i]]) = 1.0;
  return out;
}

static gboolean
compute_oob (LbBagging *self,
             LbMatrix  *X,
             LbMatrix  *y,
             guint8   **in_bag,
             GError   **error)
{
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (self);
  gboolean classifier = lb_estimator_is_classifier (LB_ESTIMATOR (self));
  gsize n = lb_matrix_get_n_rows (X);
  guint k = classifier ? lb_estimator_get_n_classes (LB_ESTIMATOR (self)) : 1;
  g_autoptr(LbMatrix) sum = lb_matrix_new (n, k);
  g_autofree guint *count = g_new0 (guint, n);
  const double *yv = lb_matrix_get_const_data (y);
  gboolean missing = FALSE;

  for (guint e = 0; e < priv->n_members; e++)
    {
      g_autofree guint *rows = g_new (guint, n);
      gsize n_out = 0;
      g_autoptr(LbMatrix) Xo = NULL, out = NULL;

      for (gsize i = 0; i < n; i++)
        if (!in_bag[e][i])
          rows[n_out++] = (guint) i;
      if (n_out == 0)
        continue;
      Xo = lb_matrix_take_rows (X, rows, n_out);
      if (classifier)
        out = member_proba (self, e, Xo, error);
      else
        {
          g_autoptr(LbMatrix) Xs = member_columns (priv, e, Xo);

          out = lb_estimator_predict (priv->members[e].estimator, Xs, error);
        }
      if (out == NULL)
        return FALSE;
      for (gsize r = 0; r < n_out; r++)
        {
          for (guint c = 0; c < k; c++)
            LB_MATRIX_AT (sum, rows[r], c) += LB_MATRIX_AT (out, r, c);
          count[rows[r]]++;
        }
    }
  if (classifier)
    {
      gsize right = 0;

      for (gsize i = 0; i < n; i++)
        {
          double total = 0.0;
          guint best = 0;

          for (guint c = 0; c < k; c++)
            {
              total += LB_MATRIX_AT (sum, i, c);
              if (LB_MATRIX_AT (sum, i, c) > LB_MATRIX_AT (sum, i, best))
                best = c;
            }
          /* a row no member left out counts as a prediction of class 0, as in scikit-learn */
          right += best == (guint) yv[i];
          missing = missing || count[i] == 0;
          for (guint c = 0; c < k; c++)
            LB_MATRIX_AT (sum, i, c) = count[i] > 0 ? LB_MATRIX_AT (sum, i, c) / total : NAN;
        }
      priv->oob_score_value = (double) right / (double) n;
    }
  else
    {
      double mean = 0.0, ss_res = 0.0, ss_tot = 0.0;

      for (gsize i = 0; i < n; i++)
        {
          missing = missing || count[i] == 0;
          lb_matrix_get_data (sum)[i] /= MAX (count[i], 1);
          mean += yv[i];
        }
      mean /= (double) n;
      for (gsize i = 0; i < n; i++)
        {
          double r = yv[i] - lb_matrix_get_const_data (sum)[i], t = yv[i] - mean;

          ss_res += r * r;
          ss_tot += t * t;
        }
      priv->oob_score_value = ss_tot > 0 ? 1.0 - ss_res / ss_tot : (ss_res == 0 ? 1.0 : 0.0);
    }
  priv->oob_prediction = g_steal_pointer (&sum);
  (void) missing;
  return TRUE;
}

static gboolean
lb_bagging_fit (LbEstimator  *est,
                LbMatrix     *X,
                LbMatrix     *y,
                LbFitContext *ctx,
                GError      **error)
{
  LbBagging *self = LB_BAGGING (est);
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (self);
  gboolean classifier = lb_estimator_is_classifier (est);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  g_autoptr(LbMatrix) y_fit = classifier ? lb_ensemble_named_y (est, y) : lb_matrix_ref (y);
  FitRun run = { 0 };
  guint workers;
  gboolean ok;

  if (!resolve_count (priv->max_samples, n, "max_samples", &run.n_rows_draw, error) ||
      !resolve_count (priv->max_features, p, "max_features", &run.n_cols_draw, error))
    return FALSE;
  if (priv->oob_score && !priv->bootstrap)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("oob_score: out-of-bag estimation needs bootstrap"));
      return FALSE;
    }

  clear_members (priv);
  priv->members = g_new0 (Member, priv->n_estimators);
  priv->n_members = priv->n_estimators;
  /* clones made here, on one thread */
  for (guint i = 0; i < priv->n_members; i++)
    {
      priv->members[i].estimator =
        lb_ensemble_new_base (priv->base, LB_BAGGING_GET_CLASS (self)->default_estimator, NULL, error);
      if (priv->members[i].estimator == NULL)
        {
          g_prefix_error (error, "estimator: ");
          clear_members (priv);
          return FALSE;
        }
      if (classifier != lb_estimator_is_classifier (priv->members[i].estimator))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       classifier ? _("estimator: %s is not a classifier")
                                  : _("estimator: %s is not a regressor"),
                       lb_estimator_get_name (priv->members[i].estimator));
          clear_members (priv);
          return FALSE;
        }
    }

  run.self = self;
  run.X = X;
  run.y = y_fit;
  run.ctx = ctx;
  if (priv->oob_score)
    run.in_bag = g_new0 (guint8 *, priv->n_members);
  g_mutex_init (&run.lock);
  workers = lb_parallel_n_workers (ctx, priv->n_members);
  run.inner_threads = lb_parallel_inner_threads (ctx, workers);
  ok = lb_parallel_run (priv->n_members, workers, run.inner_threads,
                        lb_fit_context_get_cancellable (ctx), fit_member, &run, error);
  if (ok && priv->oob_score)
    ok = compute_oob (self, X, y_fit, run.in_bag, error);
  if (run.in_bag != NULL)
    {
      for (guint i = 0; i < priv->n_members; i++)
        g_free (run.in_bag[i]);
      g_free (run.in_bag);
    }
  g_mutex_clear (&run.lock);
  if (!ok)
    clear_members (priv);
  return ok;
}

static void
lb_bagging_reset (LbEstimator *est)
{
  clear_members (lb_bagging_get_instance_private (LB_BAGGING (est)));
}

static LbMatrix *
lb_bagging_predict_proba (LbEstimator *est,
                          LbMatrix    *X,
                          GError     **error)
{
  LbBagging *self = LB_BAGGING (est);
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (self);
  guint k = lb_estimator_get_n_classes (est);
  gsize n = lb_matrix_get_n_rows (X);
  g_autoptr(LbMatrix) sum = NULL;

  if (!lb_estimator_is_classifier (est))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                   _("%s has no predict_proba"), lb_estimator_get_name (est));
      return NULL;
    }
  sum = lb_matrix_new (n, k);
  for (guint e = 0; e < priv->n_members; e++)
    {
      g_autoptr(LbMatrix) p = member_proba (self, e, X, error);

      if (p == NULL)
        return NULL;
      for (gsize i = 0; i < n * k; i++)
        lb_matrix_get_data (sum)[i] += lb_matrix_get_const_data (p)[i];
    }
  for (gsize i = 0; i < n * k; i++)
    lb_matrix_get_data (sum)[i] /= priv->n_members;
  return g_steal_pointer (&sum);
}

static LbMatrix *
lb_bagging_predict (LbEstimator *est,
                    LbMatrix    *X,
                    GError     **error)
{
  LbBagging *self = LB_BAGGING (est);
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (self);
  gsize n = lb_matrix_get_n_rows (X);
  g_autoptr(LbMatrix) out = lb_matrix_new (n, 1);

  if (lb_estimator_is_classifier (est))
    {
      g_autoptr(LbMatrix) proba = lb_bagging_predict_proba (est, X, error);
      guint k = lb_estimator_get_n_classes (est);

      if (proba == NULL)
        return NULL;
      for (gsize i = 0; i < n; i++)
        {
          guint best = 0;

          for (guint c = 1; c < k; c++)
            if (LB_MATRIX_AT (proba, i, c) > LB_MATRIX_AT (proba, i, best))
              best = c;
          lb_matrix_get_data (out)[i] = best;
        }
      return g_steal_pointer (&out);
    }
  for (guint e = 0; e < priv->n_members; e++)
    {
      g_autoptr(LbMatrix) Xs = member_columns (priv, e, X);
      g_autoptr(LbMatrix) p = lb_estimator_predict (priv->members[e].estimator, Xs, error);

      if (p == NULL)
        return NULL;
      for (gsize i = 0; i < n; i++)
        lb_matrix_get_data (out)[i] += lb_matrix_get_const_data (p)[i];
    }
  for (gsize i = 0; i < n; i++)
    lb_matrix_get_data (out)[i] /= priv->n_members;
  return g_steal_pointer (&out);
}

static JsonNode *
lb_bagging_save_state (LbEstimator *est,
                       GError     **error)
{
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (LB_BAGGING (est));
  g_autofree LbEstimator **children = g_new (LbEstimator *, MAX (priv->n_members, 1));
  JsonObject *object;
  JsonArray *features;
  JsonNode *members, *node;

  for (guint e = 0; e < priv->n_members; e++)
    children[e] = priv->members[e].estimator;
  members = lb_ensemble_save_children (children, priv->n_members, error);
  if (members == NULL)
    return NULL;
  object = json_object_new ();
  json_object_set_member (object, "estimators", members);
  features = json_array_new ();
  for (guint e = 0; e < priv->n_members; e++)
    {
      JsonArray *f = json_array_new ();

      for (guint j = 0; j < priv->members[e].n_features; j++)
        json_array_add_int_element (f, priv->members[e].features[j]);
      json_array_add_array_element (features, f);
    }
  json_object_set_array_member (object, "features", features);
  json_object_set_member (object, "oob_score", lb_state_from_doubles (&priv->oob_score_value, 1));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static gboolean
lb_bagging_load_state (LbEstimator *est,
                       JsonNode    *state,
                       GError     **error)
{
  LbBagging *self = LB_BAGGING (est);
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (self);
  guint p = lb_estimator_get_n_features_in (est);
  gboolean classifier = lb_estimator_is_classifier (est);
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(LbEstimator) template = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *features;
  double oob;

  if (!JSON_NODE_HOLDS_OBJECT (state))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, _("The bagging state must be an object"));
      return FALSE;
    }
  object = json_node_get_object (state);
  if ((node = lb_state_get_member (object, "estimators", JSON_NODE_ARRAY, error)) == NULL ||
      (template = lb_ensemble_new_base (priv->base, LB_BAGGING_GET_CLASS (self)->default_estimator,
                                        NULL, error)) == NULL ||
      (children = lb_ensemble_load_children (node, "estimators", &template, 1, error)) == NULL ||
      (node = lb_state_get_member (object, "features", JSON_NODE_ARRAY, error)) == NULL ||
      !lb_state_to_doubles (json_object_get_member (object, "oob_score"), &oob, 1, "oob_score", error))
    return FALSE;
  features = json_node_get_array (node);
  if (children->len == 0 || json_array_get_length (features) != children->len)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The bagging state needs one column list per estimator"));
      return FALSE;
    }
  clear_members (priv);
  priv->members = g_new0 (Member, children->len);
  priv->n_members = children->len;
  for (guint e = 0; e < children->len; e++)
    {
      Member *m = &priv->members[e];
      JsonNode *fn = json_array_get_element (features, e);
      JsonArray *f;

      m->estimator = g_object_ref (children->pdata[e]);
      if (!JSON_NODE_HOLDS_ARRAY (fn))
        goto bad;
      f = json_node_get_array (fn);
      m->n_features = json_array_get_length (f);
      m->features = g_new (guint, MAX (m->n_features, 1));
      if (m->n_features == 0 || m->n_features != lb_estimator_get_n_features_in (m->estimator))
        goto bad;
      for (guint j = 0; j < m->n_features; j++)
        {
          JsonNode *v = json_array_get_element (f, j);

          if (!JSON_NODE_HOLDS_VALUE (v) || json_node_get_value_type (v) != G_TYPE_INT64 ||
              json_node_get_int (v) < 0 || json_node_get_int (v) >= p)
            goto bad;
          m->features[j] = (guint) json_node_get_int (v);
        }
      if (classifier != lb_estimator_is_classifier (m->estimator))
        goto bad;
      if (classifier)
        {
          g_autoptr(GError) local = NULL;
          g_autofree int *map = lb_ensemble_class_map (est, m->estimator, &local);

          if (map == NULL)
            goto bad;
        }
    }
  priv->oob_score_value = oob;
  return TRUE;

bad:
  clear_members (priv);
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
               _("The bagging state has an estimator that does not fit its columns or classes"));
  return FALSE;
}

static JsonNode *
lb_bagging_describe_state (LbEstimator *est)
{
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (LB_BAGGING (est));
  JsonObject *object;
  JsonNode *node;

  if (priv->n_members == 0)
    return NULL;
  object = json_object_new ();
  json_object_set_int_member (object, "n_estimators", priv->n_members);
  if (!isnan (priv->oob_score_value))
    json_object_set_double_member (object, "oob_score_", priv->oob_score_value);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

/* --- GObject --- */

static void
lb_bagging_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (LB_BAGGING (object));

  switch (prop_id)
    {
    case PROP_ESTIMATOR: g_value_set_object (value, priv->base); break;
    case PROP_N_ESTIMATORS: g_value_set_uint (value, priv->n_estimators); break;
    case PROP_MAX_SAMPLES: g_value_set_double (value, priv->max_samples); break;
    case PROP_MAX_FEATURES: g_value_set_double (value, priv->max_features); break;
    case PROP_BOOTSTRAP: g_value_set_boolean (value, priv->bootstrap); break;
    case PROP_BOOTSTRAP_FEATURES: g_value_set_boolean (value, priv->bootstrap_features); break;
    case PROP_OOB_SCORE: g_value_set_boolean (value, priv->oob_score); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_bagging_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (LB_BAGGING (object));

  switch (prop_id)
    {
    case PROP_ESTIMATOR:
      if (g_set_object (&priv->base, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_N_ESTIMATORS:
      if (priv->n_estimators != g_value_get_uint (value))
        {
          priv->n_estimators = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MAX_SAMPLES:
      if (priv->max_samples != g_value_get_double (value))
        {
          priv->max_samples = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MAX_FEATURES:
      if (priv->max_features != g_value_get_double (value))
        {
          priv->max_features = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_BOOTSTRAP:
      if (priv->bootstrap != g_value_get_boolean (value))
        {
          priv->bootstrap = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_BOOTSTRAP_FEATURES:
      if (priv->bootstrap_features != g_value_get_boolean (value))
        {
          priv->bootstrap_features = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_OOB_SCORE:
      if (priv->oob_score != g_value_get_boolean (value))
        {
          priv->oob_score = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_bagging_finalize (GObject *object)
{
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (LB_BAGGING (object));

  clear_members (priv);
  g_clear_object (&priv->base);
  G_OBJECT_CLASS (lb_bagging_parent_class)->finalize (object);
}

static void
lb_bagging_class_init (LbBaggingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_bagging_get_property;
  object_class->set_property = lb_bagging_set_property;
  object_class->finalize = lb_bagging_finalize;

  est_class->fit = lb_bagging_fit;
  est_class->reset = lb_bagging_reset;
  est_class->predict = lb_bagging_predict;
  est_class->predict_proba = lb_bagging_predict_proba;  /* BaggingRegressor clears it */
  est_class->save_state = lb_bagging_save_state;
  est_class->load_state = lb_bagging_load_state;
  est_class->describe_state = lb_bagging_describe_state;

  properties[PROP_ESTIMATOR] =
    g_param_spec_object ("estimator", N_("Estimator"),
                         N_("The model copied into the ensemble (null: a decision tree)"),
                         LB_TYPE_ESTIMATOR, flags);
  properties[PROP_N_ESTIMATORS] =
    g_param_spec_uint ("n-estimators", N_("Estimators"),
                       N_("How many copies of the model are fitted"),
                       1, 100000, 10, flags);
  properties[PROP_MAX_SAMPLES] =
    g_param_spec_double ("max-samples", N_("Maximum samples"),
                         N_("Rows drawn for each copy: a fraction of the rows (up to 1), "
                            "or a number of rows"),
                         1e-9, G_MAXUINT, 1.0, flags);
  properties[PROP_MAX_FEATURES] =
    g_param_spec_double ("max-features", N_("Maximum features"),
                         N_("Columns drawn for each copy: a fraction of the columns (up to 1), "
                            "or a number of columns"),
                         1e-9, G_MAXUINT, 1.0, flags);
  properties[PROP_BOOTSTRAP] =
    g_param_spec_boolean ("bootstrap", N_("Bootstrap"),
                          N_("Draw rows with replacement (bagging) or without (pasting)"),
                          TRUE, flags);
  properties[PROP_BOOTSTRAP_FEATURES] =
    g_param_spec_boolean ("bootstrap-features", N_("Bootstrap features"),
                          N_("Draw columns with replacement"),
                          FALSE, flags);
  properties[PROP_OOB_SCORE] =
    g_param_spec_boolean ("oob-score", N_("Out-of-bag score"),
                          N_("Score each row with the copies that did not see it"),
                          FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_bagging_init (LbBagging *self)
{
  LbBaggingPrivate *priv = lb_bagging_get_instance_private (self);

  priv->n_estimators = 10;
  priv->max_samples = 1.0;
  priv->max_features = 1.0;
  priv->bootstrap = TRUE;
  priv->oob_score_value = NAN;
}

guint
lb_bagging_get_n_fitted (LbBagging *self)
{
  g_return_val_if_fail (LB_IS_BAGGING (self), 0);
  return ((LbBaggingPrivate *) lb_bagging_get_instance_private (self))->n_members;
}

LbEstimator *
lb_bagging_get_fitted (LbBagging    *self,
                       guint         index,
                       const guint **features,
                       guint        *n_features)
{
  LbBaggingPrivate *priv;

  g_return_val_if_fail (LB_IS_BAGGING (self), NULL);
  priv = lb_bagging_get_instance_private (self);
  g_return_val_if_fail (index < priv->n_members, NULL);
  if (features != NULL)
    *features = priv->members[index].features;
  if (n_features != NULL)
    *n_features = priv->members[index].n_features;
  return priv->members[index].estimator;
}

double
lb_bagging_get_oob_score (LbBagging *self)
{
  g_return_val_if_fail (LB_IS_BAGGING (self), NAN);
  return ((LbBaggingPrivate *) lb_bagging_get_instance_private (self))->oob_score_value;
}
