/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-tree-model.c: LbTreeModel, what the decision trees, random forests and
 * extra-trees share: scikit-learn's hyper-parameters, fitting n trees on
 * worker threads (tree i draws from stream i of the run's seed, so the
 * forest does not depend on the thread count; one progress event per tree;
 * cancel checked per tree and every few nodes), bootstrap as sample counts,
 * OOB score, averaged predictions, impurity-based feature importances.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-parallel-private.h"
#include "lb-tree-builder-private.h"
#include "lb-tree-model-private.h"


G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LbTreeModel, lb_tree_model, LB_TYPE_ESTIMATOR)

LbTreeModelPrivate *
lb_tree_model_get_priv (LbTreeModel *self)
{
  return lb_tree_model_get_instance_private (self);
}

static gboolean
is_classifier (LbTreeModel *self)
{
  return (LB_ESTIMATOR_GET_CLASS (self)->flags & LB_ESTIMATOR_CLASSIFIER) != 0;
}

static gboolean
is_forest (LbTreeModel *self)
{
  return LB_TREE_MODEL_GET_CLASS (self)->is_forest;
}

/* --- parameters --- */

/* max_features → a count in 1..p (scikit-learn 1.2's rules). */
static gboolean
resolve_max_features (LbTreeModel *self,
                      guint        p,
                      guint       *out,
                      GError     **error)
{
  LbTreeModelPrivate *priv = lb_tree_model_get_instance_private (self);
  const char *mf = priv->max_features;
  g_autofree char *text = g_strstrip (g_strdup (mf != NULL ? mf : ""));
  char *end = NULL;
  double v;

  if (*text == '\0' || g_ascii_strcasecmp (text, "none") == 0)
    *out = p;
  else if (g_ascii_strcasecmp (text, "sqrt") == 0 ||
           (g_ascii_strcasecmp (text, "auto") == 0 && is_classifier (self)))
    *out = MAX (1, (guint) sqrt ((double) p));
  else if (g_ascii_strcasecmp (text, "auto") == 0)
    *out = p;
  else if (g_ascii_strcasecmp (text, "log2") == 0)
    *out = MAX (1, (guint) log2 ((double) p));
  else
    {
      v = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || !isfinite (v))
        goto bad;
      if (strpbrk (text, ".eE") == NULL)
        {
          /* an int: a count */
          if (v < 1 || v > p)
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("max_features must be in 1..%u, the number of features (got %s)"), p, text);
              return FALSE;
            }
          *out = (guint) v;
        }
      else
        {
          /* a float: a fraction of the features */
          if (!(v > 0.0 && v <= 1.0))
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("max_features as a fraction must be in (0, 1] (got %s)"), text);
              return FALSE;
            }
          *out = MAX (1, (guint) (v * p));
        }
    }
  return TRUE;

bad:
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
               _("max_features must be \"sqrt\", \"log2\", none, a count (4) or a fraction (0.5); got \"%s\""),
               text);
  return FALSE;
}

static gboolean
lb_tree_model_check_params (LbEstimator *estimator,
                            GError     **error)
{
  LbTreeModel *self = LB_TREE_MODEL (estimator);
  LbTreeModelPrivate *priv = lb_tree_model_get_instance_private (self);
  guint dummy;

  if (priv->max_leaf_nodes == 1)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("max_leaf_nodes must be at least 2, or 0 for no limit"));
      return FALSE;
    }
  if (priv->max_samples > 1.0 && priv->max_samples != floor (priv->max_samples))
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("max_samples must be a fraction in (0, 1] or a whole number of samples"));
      return FALSE;
    }
  if (is_forest (self) && priv->oob_score && !priv->bootstrap)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("oob_score needs bootstrap: without it no sample is left out of a tree"));
      return FALSE;
    }
  /* the text form is checked against a large feature count; the real one at fit */
  return resolve_max_features (self, G_MAXINT32, &dummy, error);
}

/* --- fitting --- */

typedef struct
{
  LbTreeModel       *self;
  const LbTreeData  *data;
  LbTreeParams       params;
  const double      *sample_weight;   /* (n) or NULL */
  gboolean           bootstrap;
  gsize              n_boot;
  guint64            seed;
  double             ccp_alpha;
  LbTree           **trees;
  LbFitContext      *ctx;
  guint              n_trees;
  gint               n_done;
} FitRun;

/* Tree @t's bootstrap counts (same draws in the OOB pass). */
static void
draw_counts (const FitRun *run,
             LbRng        *rng,
             double       *counts)
{
  gsize n = run->data->n;

  memset (counts, 0, n * sizeof (double));
  for (gsize s = 0; s < run->n_boot; s++)
    counts[lb_rng_below (rng, n)] += 1.0;
}

static gboolean
fit_tree_task (guint     t,
               gpointer  user_data,
               GError  **error)
{
  FitRun *run = user_data;
  gsize n = run->data->n;
  g_autofree double *w = NULL;
  LbRng rng;
  LbFitEvent ev = { .loss = NAN, .val_score = NAN };

  if (lb_fit_context_check_cancelled (run->ctx, error))
    return FALSE;
  lb_rng_init_stream (&rng, run->seed, t);
  if (run->bootstrap)
    {
      w = g_new (double, n);
      draw_counts (run, &rng, w);
      if (run->sample_weight != NULL)
        for (gsize i = 0; i < n; i++)
          w[i] *= run->sample_weight[i];
    }
  run->trees[t] = lb_tree_build (run->data, &run->params, run->bootstrap ? w : run->sample_weight, &rng,
                                 lb_fit_context_get_cancellable (run->ctx), error);
  if (run->trees[t] == NULL)
    return FALSE;
  if (run->ccp_alpha > 0.0)
    {
      LbTree *pruned = lb_tree_prune (run->trees[t], run->ccp_alpha);

      lb_tree_unref (run->trees[t]);
      run->trees[t] = pruned;
    }
  ev.iteration = t;
  ev.fraction = (double) (g_atomic_int_add (&run->n_done, 1) + 1) / run->n_trees;
  lb_fit_context_report (run->ctx, &ev);
  return TRUE;
}

static void
compute_importances (LbTreeModelPrivate *priv)
{
  guint p = priv->n_features, used = 0;
  g_autofree double *one = g_new (double, p);
  double total = 0;

  g_free (priv->importances);
  priv->importances = g_new0 (double, p);
  for (guint t = 0; t < priv->trees->len; t++)
    {
      const LbTree *tree = g_ptr_array_index (priv->trees, t);
      double root_w, sum = 0;

      if (tree->n_nodes <= 1 && priv->trees->len > 1)
        continue;   /* scikit-learn's forests skip single-leaf trees */
      memset (one, 0, p * sizeof (double));
      root_w = lb_tree_add_importances (tree, one);
      for (guint j = 0; j < p; j++)
        {
          one[j] /= root_w;
          sum += one[j];
        }
      for (guint j = 0; j < p; j++)
        priv->importances[j] += sum > 0 ? one[j] / sum : one[j];
      used++;
    }
  if (used == 0)
    return;
  for (guint j = 0; j < p; j++)
    {
      priv->importances[j] /= used;
      total += priv->importances[j];
    }
  if (priv->trees->len > 1 && total > 0)
    for (guint j = 0; j < p; j++)
      priv->importances[j] /= total;
}

/* Leaf value of @tree for row @x, as probabilities for a classifier. */
static void
tree_output (const LbTree *tree,
             const double *x,
             double       *out)
{
  const double *v = lb_tree_predict_value (tree, x);

  if (tree->n_classes > 0)
    {
      double s = 0;

      for (guint c = 0; c < tree->n_classes; c++)
        s += v[c];
      if (s == 0)
        s = 1;
      for (guint c = 0; c < tree->n_classes; c++)
        out[c] = v[c] / s;
    }
  else
    out[0] = v[0];
}

/* scikit-learn's oob_score_: accuracy or R² of the out-of-bag predictions
 * over all samples (one never out of bag counts as predicted 0 / class 0). */
static double
compute_oob (FitRun   *run,
             LbMatrix *X)
{
  const LbTreeData *d = run->data;
  gsize n = d->n, p = d->p;
  guint k = d->n_classes, nv = MAX (k, 1);
  g_autofree double *sum = g_new0 (double, n * nv);
  g_autofree double *cnt = g_new0 (double, n);
  g_autofree double *counts = g_new (double, n);
  g_autofree double *out = g_new (double, nv);
  const double *x = lb_matrix_get_const_data (X);
  double score = 0;

  for (guint t = 0; t < run->n_trees; t++)
    {
      LbRng rng;

      lb_rng_init_stream (&rng, run->seed, t);
      draw_counts (run, &rng, counts);
      for (gsize i = 0; i < n; i++)
        if (counts[i] == 0)
          {
            tree_output (run->trees[t], x + i * p, out);
            for (guint c = 0; c < nv; c++)
              sum[i * nv + c] += out[c];
            cnt[i] += 1;
          }
    }
  if (k > 0)
    {
      for (gsize i = 0; i < n; i++)
        {
          guint best = 0;

          for (guint c = 1; c < k; c++)
            if (sum[i * k + c] > sum[i * k + best])
              best = c;
          score += best == (guint) d->y[i];
        }
      return score / n;
    }
  else
    {
      double mean = 0, ss_res = 0, ss_tot = 0;

      for (gsize i = 0; i < n; i++)
        mean += d->y[i];
      mean /= n;
      for (gsize i = 0; i < n; i++)
        {
          double pred = cnt[i] > 0 ? sum[i] / cnt[i] : 0.0;

          ss_res += (d->y[i] - pred) * (d->y[i] - pred);
          ss_tot += (d->y[i] - mean) * (d->y[i] - mean);
        }
      return ss_tot > 0 ? 1.0 - ss_res / ss_tot : (ss_res == 0 ? 1.0 : 0.0);
    }
}

static gboolean
lb_tree_model_fit_weighted (LbEstimator  *estimator,
                            LbMatrix     *X,
                            LbMatrix     *y,
                            LbMatrix     *sample_weight,
                            LbFitContext *ctx,
                            GError      **error)
{
  LbTreeModel *self = LB_TREE_MODEL (estimator);
  LbTreeModelPrivate *priv = lb_tree_model_get_instance_private (self);
  gboolean forest = is_forest (self), classifier = is_classifier (self);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  guint k = classifier ? lb_estimator_get_n_classes (estimator) : 0;
  FitRun run = { 0 };
  LbTreeData *data;
  guint workers;
  gboolean ok;

  run.self = self;
  run.ctx = ctx;
  if (!resolve_max_features (self, (guint) p, &run.params.max_features, error))
    return FALSE;
  if (classifier)
    run.params.criterion = priv->criterion == LB_TREE_CLASS_CRITERION_GINI ? LB_TREE_CRITERION_GINI
                                                                           : LB_TREE_CRITERION_ENTROPY;
  else
    run.params.criterion = priv->criterion == LB_TREE_REG_CRITERION_FRIEDMAN_MSE ? LB_TREE_CRITERION_FRIEDMAN_MSE
                                                                                 : LB_TREE_CRITERION_SQUARED_ERROR;
  run.params.random_splitter = LB_TREE_MODEL_GET_CLASS (self)->is_extra || priv->splitter == LB_TREE_SPLITTER_RANDOM;
  run.params.max_depth = priv->max_depth > 0 ? (guint) priv->max_depth : G_MAXUINT;
  run.params.min_samples_split = (guint) priv->min_samples_split;
  run.params.min_samples_leaf = (guint) priv->min_samples_leaf;
  run.params.min_weight_fraction_leaf = priv->min_weight_fraction_leaf;
  run.params.max_leaf_nodes = (guint) priv->max_leaf_nodes;
  run.params.min_impurity_decrease = priv->min_impurity_decrease;
  /* scikit-learn: min_samples_split = max (min_samples_split, 2 * min_samples_leaf) */
  run.params.min_samples_split = MAX (run.params.min_samples_split, 2 * run.params.min_samples_leaf);

  run.n_trees = forest ? (guint) priv->n_estimators : 1;
  run.bootstrap = forest && priv->bootstrap;
  if (run.bootstrap)
    {
      if (priv->max_samples <= 0)
        run.n_boot = n;
      else if (priv->max_samples <= 1.0)
        run.n_boot = MAX ((gsize) round (n * priv->max_samples), 1);
      else if (priv->max_samples <= n)
        run.n_boot = (gsize) priv->max_samples;
      else
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("max_samples (%g) is more than the %u training samples"), priv->max_samples, (guint) n);
          return FALSE;
        }
    }
  run.ccp_alpha = priv->ccp_alpha;
  run.seed = priv->random_state >= 0 ? (guint64) priv->random_state : lb_fit_context_get_seed (ctx);
  run.sample_weight = sample_weight != NULL ? lb_matrix_get_const_data (sample_weight) : NULL;
  data = lb_tree_data_new (X, y, k, !run.params.random_splitter, lb_fit_context_get_cancellable (ctx), error);
  if (data == NULL)
    return FALSE;
  run.data = data;
  run.trees = g_new0 (LbTree *, run.n_trees);

  workers = lb_parallel_n_workers (ctx, run.n_trees);
  ok = lb_parallel_run (run.n_trees, workers, 1, lb_fit_context_get_cancellable (ctx),
                        fit_tree_task, &run, error);
  if (ok)
    {
      double oob = run.bootstrap && priv->oob_score ? compute_oob (&run, X) : NAN;

      g_clear_pointer (&priv->trees, g_ptr_array_unref);
      priv->trees = g_ptr_array_new_full (run.n_trees, (GDestroyNotify) lb_tree_unref);
      for (guint t = 0; t < run.n_trees; t++)
        g_ptr_array_add (priv->trees, g_steal_pointer (&run.trees[t]));
      priv->n_features = (guint) p;
      priv->n_classes = k;
      compute_importances (priv);
      priv->oob_score_value = oob;
    }
  for (guint t = 0; t < run.n_trees; t++)
    g_clear_pointer (&run.trees[t], lb_tree_unref);
  g_free (run.trees);
  lb_tree_data_free (data);
  return ok;
}

static void
lb_tree_model_reset (LbEstimator *estimator)
{
  LbTreeModelPrivate *priv = lb_tree_model_get_instance_private (LB_TREE_MODEL (estimator));

  g_clear_pointer (&priv->trees, g_ptr_array_unref);
  g_clear_pointer (&priv->importances, g_free);
  priv->n_features = 0;
  priv->n_classes = 0;
  priv->oob_score_value = NAN;
}

/* --- prediction --- */

/* (n, k) mean class probabilities, or (n, 1) mean value. */
static LbMatrix *
average_output (LbTreeModelPrivate *priv,
                LbMatrix           *X)
{
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  guint nv = MAX (priv->n_classes, 1), nt = priv->trees->len;
  LbMatrix *out = lb_matrix_new (n, nv);
  double *o = lb_matrix_get_data (out);
  const double *x = lb_matrix_get_const_data (X);
  g_autofree double *one = g_new (double, nv);

  /* Tree by tree, then row by row: one tree's nodes stay in the cache while
   * every row walks it (row by row, a forest of deep trees — hundreds of MB
   * of nodes — missed the cache at almost every step: 20× slower). Each row
   * still adds the trees in the same order, so the sums are the same. */
  for (guint t = 0; t < nt; t++)
    {
      const LbTree *tree = g_ptr_array_index (priv->trees, t);

      for (gsize i = 0; i < n; i++)
        {
          tree_output (tree, x + i * p, one);
          for (guint c = 0; c < nv; c++)
            o[i * nv + c] += one[c];
        }
    }
  if (nt > 1)
    for (gsize k = 0; k < n * nv; k++)
      o[k] /= nt;
  return out;
}

static gboolean
check_fitted (LbTreeModel *self,
              GError     **error)
{
  LbTreeModelPrivate *priv = lb_tree_model_get_instance_private (self);

  if (priv->trees == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                   _("this %s is not fitted yet"), lb_estimator_get_name (LB_ESTIMATOR (self)));
      return FALSE;
    }
  return TRUE;
}

static LbMatrix *
lb_tree_model_predict (LbEstimator *estimator,
                       LbMatrix    *X,
                       GError     **error)
{
  LbTreeModel *self = LB_TREE_MODEL (estimator);
  LbTreeModelPrivate *priv = lb_tree_model_get_instance_private (self);
  g_autoptr(LbMatrix) avg = NULL;
  LbMatrix *out;
  gsize n;

  if (!check_fitted (self, error))
    return NULL;
  avg = average_output (priv, X);
  if (priv->n_classes == 0)
    return g_steal_pointer (&avg);
  n = lb_matrix_get_n_rows (X);
  out = lb_matrix_new (n, 1);
  for (gsize i = 0; i < n; i++)
    {
      const double *row = lb_matrix_get_const_data (avg) + i * priv->n_classes;
      guint best = 0;

      for (guint c = 1; c < priv->n_classes; c++)
        if (row[c] > row[best])
          best = c;
      LB_MATRIX_AT (out, i, 0) = best;
    }
  return out;
}

static LbMatrix *
lb_tree_model_predict_proba (LbEstimator *estimator,
                             LbMatrix    *X,
                             GError     **error)
{
  LbTreeModel *self = LB_TREE_MODEL (estimator);

  if (!check_fitted (self, error))
    return NULL;
  return average_output (lb_tree_model_get_instance_private (self), X);
}

/* --- state --- */

static JsonNode *
lb_tree_model_save_state (LbEstimator *estimator,
                          GError     **error)
{
  LbTreeModelPrivate *priv = lb_tree_model_get_instance_private (LB_TREE_MODEL (estimator));
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_member (obj, "trees", lb_trees_to_state ((LbTree * const *) priv->trees->pdata, priv->trees->len));
  if (!isnan (priv->oob_score_value))
    json_object_set_member (obj, "oob_score", lb_state_from_doubles (&priv->oob_score_value, 1));
  json_node_take_object (node, obj);
  return node;
}

static gboolean
lb_tree_model_load_state (LbEstimator *estimator,
                          JsonNode    *state,
                          GError     **error)
{
  LbTreeModel *self = LB_TREE_MODEL (estimator);
  LbTreeModelPrivate *priv = lb_tree_model_get_instance_private (self);
  guint p = lb_estimator_get_n_features_in (estimator);
  guint k = is_classifier (self) ? lb_estimator_get_n_classes (estimator) : 0;
  g_autoptr(GPtrArray) trees = NULL;
  JsonObject *obj;
  JsonNode *member;
  double oob = NAN;

  if (state == NULL || !JSON_NODE_HOLDS_OBJECT (state))
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, _("the saved trees are damaged"));
      return FALSE;
    }
  obj = json_node_get_object (state);
  member = lb_state_get_member (obj, "trees", JSON_NODE_OBJECT, error);
  if (member == NULL)
    return FALSE;
  trees = lb_trees_from_state (member, p, k, error);
  if (trees == NULL)
    return FALSE;
  if (!is_forest (self) && trees->len != 1)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, _("a decision tree holds exactly one tree"));
      return FALSE;
    }
  if (json_object_has_member (obj, "oob_score"))
    {
      member = json_object_get_member (obj, "oob_score");
      if (!lb_state_to_doubles (member, &oob, 1, "oob_score", error))
        return FALSE;
    }
  lb_tree_model_reset (estimator);
  priv->trees = g_steal_pointer (&trees);
  priv->n_features = p;
  priv->n_classes = k;
  priv->oob_score_value = oob;
  compute_importances (priv);
  return TRUE;
}

static JsonNode *
lb_tree_model_describe_state (LbEstimator *estimator)
{
  LbTreeModel *self = LB_TREE_MODEL (estimator);
  LbTreeModelPrivate *priv = lb_tree_model_get_instance_private (self);
  JsonObject *obj;
  JsonNode *node;
  JsonArray *imp;
  guint n_nodes = 0, max_depth = 0, n_leaves = 0;

  if (priv->trees == NULL)
    return NULL;
  obj = json_object_new ();
  imp = json_array_new ();
  for (guint j = 0; j < priv->n_features; j++)
    json_array_add_double_element (imp, priv->importances[j]);
  json_object_set_array_member (obj, "feature_importances_", imp);
  for (guint t = 0; t < priv->trees->len; t++)
    {
      const LbTree *tree = g_ptr_array_index (priv->trees, t);

      n_nodes += tree->n_nodes;
      n_leaves += lb_tree_get_n_leaves (tree);
      max_depth = MAX (max_depth, tree->max_depth);
    }
  if (is_forest (self))
    {
      json_object_set_int_member (obj, "n_estimators", priv->trees->len);
      json_object_set_int_member (obj, "total_n_nodes", n_nodes);
      json_object_set_int_member (obj, "max_depth", max_depth);
      if (!isnan (priv->oob_score_value))
        json_object_set_double_member (obj, "oob_score_", priv->oob_score_value);
    }
  else
    {
      json_object_set_int_member (obj, "n_nodes", n_nodes);
      json_object_set_int_member (obj, "n_leaves", n_leaves);
      json_object_set_int_member (obj, "max_depth", max_depth);
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, obj);
  return node;
}

/* --- public accessors (lb-tree.h) --- */

LbTree *
lb_estimator_get_tree (LbEstimator *est,
                       guint        i)
{
  LbTreeModelPrivate *priv;

  g_return_val_if_fail (LB_IS_ESTIMATOR (est), NULL);
  if (!LB_IS_TREE_MODEL (est))
    return NULL;
  priv = lb_tree_model_get_instance_private (LB_TREE_MODEL (est));
  if (priv->trees == NULL || i >= priv->trees->len)
    return NULL;
  return g_ptr_array_index (priv->trees, i);
}

guint
lb_estimator_get_n_trees (LbEstimator *est)
{
  LbTreeModelPrivate *priv;

  g_return_val_if_fail (LB_IS_ESTIMATOR (est), 0);
  if (!LB_IS_TREE_MODEL (est))
    return 0;
  priv = lb_tree_model_get_instance_private (LB_TREE_MODEL (est));
  return priv->trees != NULL ? priv->trees->len : 0;
}

static void
lb_tree_model_finalize (GObject *object)
{
  LbTreeModelPrivate *priv = lb_tree_model_get_instance_private (LB_TREE_MODEL (object));

  g_clear_pointer (&priv->trees, g_ptr_array_unref);
  g_free (priv->importances);
  g_free (priv->max_features);
  G_OBJECT_CLASS (lb_tree_model_parent_class)->finalize (object);
}

static void
lb_tree_model_class_init (LbTreeModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lb_tree_model_finalize;
}

static void
lb_tree_model_init (LbTreeModel *self)
{
  LbTreeModelPrivate *priv = lb_tree_model_get_instance_private (self);

  /* the subclass's property defaults are applied by GObject construction */
  priv->oob_score_value = NAN;
}

void
lb_tree_model_class_setup (LbEstimatorClass *est_class,
                           const char       *name,
                           LbTreeModelKind   kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (est_class);
  gboolean classifier = (kind & LB_TREE_MODEL_CLASSIFIER) != 0;
  gboolean forest = (kind & LB_TREE_MODEL_FOREST) != 0;
  gboolean extra = (kind & LB_TREE_MODEL_EXTRA) != 0;

  LB_TREE_MODEL_CLASS (est_class)->is_forest = forest;
  LB_TREE_MODEL_CLASS (est_class)->is_extra = extra;
  est_class->name = name;
  /* Not LB_ESTIMATOR_ITERATIVE: a forest reports one progress event per
   * tree, but no loss per epoch for a learning-curve view to draw. */
  est_class->flags = (classifier ? LB_ESTIMATOR_CLASSIFIER : LB_ESTIMATOR_REGRESSOR) | LB_ESTIMATOR_NEEDS_Y |
                     LB_ESTIMATOR_SAMPLE_WEIGHT;
  est_class->check_params = lb_tree_model_check_params;
  est_class->fit_weighted = lb_tree_model_fit_weighted;
  est_class->reset = lb_tree_model_reset;
  est_class->predict = lb_tree_model_predict;
  if (classifier)
    est_class->predict_proba = lb_tree_model_predict_proba;
  est_class->save_state = lb_tree_model_save_state;
  est_class->load_state = lb_tree_model_load_state;
  est_class->describe_state = lb_tree_model_describe_state;

  lb_tree_model_install_properties (object_class, kind);
}
