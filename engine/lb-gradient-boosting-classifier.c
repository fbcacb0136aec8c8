/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-gradient-boosting-classifier.c: LbGradientBoostingClassifier with
 * scikit-learn 1.2.1's algorithm for two classes (BinomialDeviance): init =
 * the prior log-odds (DummyClassifier "prior", clipped at float32 epsilon);
 * stage i fits a DecisionTreeRegressor (friedman_mse, by name) to y − expit
 * (F) with row weights × the subsample mask; each leaf's value is replaced by
 * the Newton step Σ w·r / Σ w·(y − r)·(1 − y + r) over the in-bag rows in it
 * (0 when the denominator is below 1e-150), kept here beside the tree; F +=
 * learning_rate · leaf value. Early stopping and events as the regressor's,
 * with the deviance −2·mean (y·F − log (1 + e^F)).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-gradient-boosting-classifier.h"
#include "lb-ensemble-private.h"
#include "lb-gradient-boosting-private.h"
#include "lb-estimator-private.h"
#include "lb-tree.h"

struct _LbGradientBoostingClassifier
{
  LbEstimator parent_instance;

  LbGbParams hp;

  /* learned */
  guint      K;            /* trees per stage: 1 for two classes, else the number of classes */
  double    *init;         /* K prior log-odds / log-probabilities */
  double     fitted_learning_rate;  /* the rate the trees were added with */
  GPtrArray *trees;        /* DecisionTreeRegressor; NULL when unfitted */
  GPtrArray *leaf_values;  /* per tree: double[n_nodes], the Newton-step leaf values */
  GArray    *train_score;  /* double per stage */
  GArray    *valid_score;
};

G_DEFINE_FINAL_TYPE (LbGradientBoostingClassifier, lb_gradient_boosting_classifier, LB_TYPE_ESTIMATOR)

static void
clear_fitted (LbGradientBoostingClassifier *self)
{
  g_clear_pointer (&self->trees, g_ptr_array_unref);
  g_clear_pointer (&self->leaf_values, g_ptr_array_unref);
  g_clear_pointer (&self->init, g_free);
  self->K = 0;
  g_array_set_size (self->train_score, 0);
  g_array_set_size (self->valid_score, 0);
}

static LbEstimator *
new_tree (LbGradientBoostingClassifier *self,
          GError                     **error)
{
  g_autofree char *params = g_strdup_printf (
    "{\"criterion\": \"friedman_mse\", \"max_depth\": %u, \"min_samples_split\": %u, "
    "\"min_samples_leaf\": %u, \"max_leaf_nodes\": %u}",
    self->hp.max_depth, self->hp.min_samples_split, self->hp.min_samples_leaf, self->hp.max_leaf_nodes);

  return lb_ensemble_new_base (NULL, "DecisionTreeRegressor", params, error);
}

static double
expit (double f)
{
  return 1.0 / (1.0 + exp (-f));
}

static double
logsumexp (const double *f,
           guint         K)
{
  double m = -INFINITY, s = 0.0;

  for (guint c = 0; c < K; c++)
    m = MAX (m, f[c]);
  for (guint c = 0; c < K; c++)
    s += exp (f[c] - m);
  return m + log (s);
}

/* BinomialDeviance (K = 1): −2 / Σw · Σ w·(y·F − logaddexp (0, F));
 * MultinomialDeviance: Σ w·(logsumexp (F) − F_y) / Σw. @codes: class codes. */
static double
deviance (const double *codes,
          const double *f,
          guint         K,
          const double *w,
          const guint8 *mask,
          gsize         n)
{
  double s = 0.0, sw = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      double wi = (w != NULL ? w[i] : 1.0) * (mask != NULL ? mask[i] : 1);
      const double *fi = f + i * K;

      if (K == 1)
        s += wi * -2.0 * (codes[i] * fi[0] - (MAX (fi[0], 0.0) + log1p (exp (-fabs (fi[0])))));
      else
        s += wi * (logsumexp (fi, K) - fi[(guint) codes[i]]);
      sw += wi;
    }
  return s / sw;
}

/* F[:, c] += lr · value[leaf (x)] for every row of X (F is n × K). */
static gboolean
add_tree (LbEstimator  *tree_est,
          const double *values,
          double        lr,
          LbMatrix     *X,
          double       *f,
          guint         K,
          guint         c,
          GError      **error)
{
  LbTree *tree = lb_estimator_get_tree (tree_est, 0);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);

  if (tree == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("%s is not a fitted tree"), lb_estimator_get_name (tree_est));
      return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    f[i * K + c] += lr * values[lb_tree_apply (tree, lb_matrix_get_const_data (X) + i * p)];
  return TRUE;
}

static gboolean
lb_gradient_boosting_classifier_fit_weighted (LbEstimator  *est,
                                              LbMatrix     *X_all,
                                              LbMatrix     *y_all,
                                              LbMatrix     *sw_all,
                                              LbFitContext *ctx,
                                              GError      **error)
{
  LbGradientBoostingClassifier *self = LB_GRADIENT_BOOSTING_CLASSIFIER (est);
  gsize n_all = lb_matrix_get_n_rows (X_all);
  guint k = lb_estimator_get_n_classes (est), K = k == 2 ? 1 : k;
  gboolean early = self->hp.n_iter_no_change > 0;
  g_autoptr(LbMatrix) X = NULL, y = NULL, sw = NULL, X_val = NULL, y_val = NULL, sw_val = NULL;
  g_autoptr(LbMatrix) residual = NULL, fit_weight = NULL;
  g_autoptr(GPtrArray) trees = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) leaf_values = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *f = NULL, *f_start = NULL, *f_val = NULL, *history = NULL, *num = NULL, *den = NULL;
  g_autofree double *init = g_new0 (double, K), *prior = g_new0 (double, k), *yk = NULL;
  g_autofree guint8 *mask = NULL;
  g_autofree guint *perm = NULL, *leaf = NULL;
  const double *yv, *wv;
  double wsum = 0.0;
  const double eps32 = 1.1920928955078125e-07;  /* np.finfo (np.float32).eps */
  gsize n, p;
  LbRng rng;

  lb_fit_context_init_rng (ctx, &rng, 0);
  if (early)
    {
      gsize n_val = (gsize) ceil (self->hp.validation_fraction * (double) n_all);

      if (n_val < 1 || n_val >= n_all)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("validation_fraction: %g of %zu rows leaves no training or no "
                         "validation rows"), self->hp.validation_fraction, n_all);
          return FALSE;
        }
      perm = g_new (guint, n_all);
      for (gsize i = 0; i < n_all; i++)
        perm[i] = (guint) i;
      lb_rng_shuffle (&rng, perm, n_all);
      X_val = lb_matrix_take_rows (X_all, perm, n_val);
      y_val = lb_matrix_take_rows (y_all, perm, n_val);
      X = lb_matrix_take_rows (X_all, perm + n_val, n_all - n_val);
      y = lb_matrix_take_rows (y_all, perm + n_val, n_all - n_val);
      if (sw_all != NULL)
        {
          sw_val = lb_matrix_take_rows (sw_all, perm, n_val);
          sw = lb_matrix_take_rows (sw_all, perm + n_val, n_all - n_val);
        }
    }
  else
    {
      X = lb_matrix_ref (X_all);
      y = lb_matrix_ref (y_all);
      sw = sw_all != NULL ? lb_matrix_ref (sw_all) : NULL;
    }
  n = lb_matrix_get_n_rows (X);
  p = lb_matrix_get_n_cols (X);
  yv = lb_matrix_get_const_data (y);
  wv = sw != NULL ? lb_matrix_get_const_data (sw) : NULL;

  /* init_: DummyClassifier (strategy="prior"), clipped at float32's epsilon; log-odds of
   * class 1 for two classes, log-probabilities for more */
  for (gsize i = 0; i < n; i++)
    {
      prior[(guint) yv[i]] += wv != NULL ? wv[i] : 1.0;
      wsum += wv != NULL ? wv[i] : 1.0;
    }
  for (guint c = 0; c < k; c++)
    prior[c] = CLAMP (prior[c] / wsum, eps32, 1.0 - eps32);
  if (K == 1)
    init[0] = log (prior[1] / (1.0 - prior[1]));
  else
    for (guint c = 0; c < K; c++)
      init[c] = log (prior[c]);
  f = g_new (double, n * K);
  f_start = g_new (double, n * K);
  for (gsize i = 0; i < n; i++)
    for (guint c = 0; c < K; c++)
      f[i * K + c] = init[c];
  if (early)
    {
      gsize nv = lb_matrix_get_n_rows (X_val);

      f_val = g_new (double, nv * K);
      for (gsize i = 0; i < nv; i++)
        for (guint c = 0; c < K; c++)
          f_val[i * K + c] = init[c];
      history = g_new (double, self->hp.n_iter_no_change);
      for (guint h = 0; h < self->hp.n_iter_no_change; h++)
        history[h] = INFINITY;
    }
  residual = lb_matrix_new (n, 1);
  yk = g_new (double, n);
  leaf = g_new (guint, n);
  if (self->hp.subsample < 1.0)
    {
      mask = g_new (guint8, n);
      fit_weight = lb_matrix_new (n, 1);
    }

  clear_fitted (self);
  for (guint i = 0; i < self->hp.n_estimators; i++)
    {
      LbFitEvent event = { 0 };
      double train, valid = NAN;

      if (lb_fit_context_check_cancelled (ctx, error))
        goto fail;
      if (mask != NULL)
        {
          gsize n_inbag = MAX (1, (gsize) (self->hp.subsample * (double) n));
          g_autofree guint *rows = g_new (guint, n);

          for (gsize r = 0; r < n; r++)
            rows[r] = (guint) r;
          lb_rng_shuffle (&rng, rows, n);
          memset (mask, 0, n);
          for (gsize r = 0; r < n_inbag; r++)
            mask[rows[r]] = 1;
          for (gsize r = 0; r < n; r++)
            lb_matrix_get_data (fit_weight)[r] = (wv != NULL ? wv[r] : 1.0) * mask[r];
        }
      /* every class's gradient from the stage's starting F (scikit-learn's raw_predictions_copy) */
      memcpy (f_start, f, n * K * sizeof (double));
      for (guint c = 0; c < K; c++)
        {
          g_autoptr(LbEstimator) tree_est = NULL;
          g_autoptr(LbFitContext) tree_ctx = NULL;
          LbTree *tree;
          double *values;

          for (gsize r = 0; r < n; r++)
            {
              if (K == 1)
                {
                  yk[r] = yv[r];
                  lb_matrix_get_data (residual)[r] = yv[r] - expit (f_start[r]);
                }
              else
                {
                  yk[r] = (guint) yv[r] == c;
                  lb_matrix_get_data (residual)[r] =
                    yk[r] - exp (f_start[r * K + c] - logsumexp (f_start + r * K, K));
                }
            }
          tree_est = new_tree (self, error);
          if (tree_est == NULL)
            goto fail;
          tree_ctx = lb_ensemble_member_context (ctx, (guint64) i * K + c);
          if (!lb_estimator_fit_weighted (tree_est, X, residual, mask != NULL ? fit_weight : sw, tree_ctx,
                                          error))
            {
              if (error != NULL && *error != NULL &&
                  !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                g_prefix_error (error, _("tree %u: "), i);
              goto fail;
            }
          tree = lb_estimator_get_tree (tree_est, 0);
          if (tree == NULL)
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                           _("%s is not a fitted tree"), lb_estimator_get_name (tree_est));
              goto fail;
            }
          /* the Newton step per leaf, over the in-bag rows */
          g_free (num);
          g_free (den);
          num = g_new0 (double, tree->n_nodes);
          den = g_new0 (double, tree->n_nodes);
          for (gsize r = 0; r < n; r++)
            {
              double w = (wv != NULL ? wv[r] : 1.0) * (mask != NULL ? mask[r] : 1);
              double res = lb_matrix_get_const_data (residual)[r];

              leaf[r] = lb_tree_apply (tree, lb_matrix_get_const_data (X) + r * p);
              if (mask != NULL && !mask[r])
                continue;
              num[leaf[r]] += w * res;
              den[leaf[r]] += w * (yk[r] - res) * (1.0 - yk[r] + res);
            }
          values = g_new0 (double, tree->n_nodes);
          for (guint nd = 0; nd < tree->n_nodes; nd++)
            if (tree->nodes[nd].left == LB_TREE_LEAF)
              {
                double numerator = K > 1 ? num[nd] * ((K - 1.0) / K) : num[nd];

                values[nd] = fabs (den[nd]) < 1e-150 ? 0.0 : numerator / den[nd];
              }
          for (gsize r = 0; r < n; r++)
            f[r * K + c] += self->hp.learning_rate * values[leaf[r]];
          if (early && !add_tree (tree_est, values, self->hp.learning_rate, X_val, f_val, K, c, error))
            {
              g_free (values);
              goto fail;
            }
          g_ptr_array_add (trees, g_steal_pointer (&tree_est));
          g_ptr_array_add (leaf_values, values);
        }
      train = deviance (yv, f, K, wv, mask, n);
      g_array_append_val (self->train_score, train);
      if (early)
        valid = deviance (lb_matrix_get_const_data (y_val), f_val, K,
                          sw_val != NULL ? lb_matrix_get_const_data (sw_val) : NULL, NULL,
                          lb_matrix_get_n_rows (X_val));
      g_array_append_val (self->valid_score, valid);

      event.fraction = (double) (i + 1) / self->hp.n_estimators;
      event.epoch = i + 1;
      event.iteration = i + 1;
      event.loss = train;
      event.val_score = valid;
      lb_fit_context_report (ctx, &event);

      if (early)
        {
          gboolean improved = FALSE;

          for (guint h = 0; h < self->hp.n_iter_no_change; h++)
            improved = improved || valid + self->hp.tol < history[h];
          if (!improved)
            break;
          history[i % self->hp.n_iter_no_change] = valid;
        }
    }
  self->K = K;
  self->init = g_steal_pointer (&init);
  self->fitted_learning_rate = self->hp.learning_rate;
  self->trees = g_steal_pointer (&trees);
  self->leaf_values = g_steal_pointer (&leaf_values);
  return TRUE;

fail:
  clear_fitted (self);
  return FALSE;
}

static void
lb_gradient_boosting_classifier_reset (LbEstimator *est)
{
  clear_fitted (LB_GRADIENT_BOOSTING_CLASSIFIER (est));
}

/* The raw scores F (n × K) after @n_stages stages. */
static LbMatrix *
staged (LbGradientBoostingClassifier *self,
        LbMatrix                     *X,
        guint                         n_stages,
        GError                      **error)
{
  gsize n = lb_matrix_get_n_rows (X);
  guint K = self->K;
  g_autoptr(LbMatrix) out = lb_matrix_new (n, K);

  for (gsize i = 0; i < n; i++)
    for (guint c = 0; c < K; c++)
      LB_MATRIX_AT (out, i, c) = self->init[c];
  for (guint t = 0; t < n_stages * K; t++)
    if (!add_tree (self->trees->pdata[t], self->leaf_values->pdata[t], self->fitted_learning_rate, X,
                   lb_matrix_get_data (out), K, t % K, error))
      return NULL;
  return g_steal_pointer (&out);
}

static guint
n_stages_of (LbGradientBoostingClassifier *self)
{
  return self->trees->len / self->K;
}

static LbMatrix *
lb_gradient_boosting_classifier_decision_function (LbEstimator *est,
                                                   LbMatrix    *X,
                                                   GError     **error)
{
  LbGradientBoostingClassifier *self = LB_GRADIENT_BOOSTING_CLASSIFIER (est);

  return staged (self, X, n_stages_of (self), error);
}

static LbMatrix *
lb_gradient_boosting_classifier_predict_proba (LbEstimator *est,
                                               LbMatrix    *X,
                                               GError     **error)
{
  LbGradientBoostingClassifier *self = LB_GRADIENT_BOOSTING_CLASSIFIER (est);
  g_autoptr(LbMatrix) d = lb_gradient_boosting_classifier_decision_function (est, X, error);
  guint k = lb_estimator_get_n_classes (est), K = self->K;
  gsize n = lb_matrix_get_n_rows (X);
  LbMatrix *out;

  if (d == NULL)
    return NULL;
  out = lb_matrix_new (n, k);
  for (gsize i = 0; i < n; i++)
    {
      if (K == 1)
        {
          double p1 = expit (lb_matrix_get_const_data (d)[i]);

          LB_MATRIX_AT (out, i, 0) = 1.0 - p1;
          LB_MATRIX_AT (out, i, 1) = p1;
        }
      else
        {
          double lse = logsumexp (lb_matrix_get_const_data (d) + i * K, K);

          for (guint c = 0; c < K; c++)
            LB_MATRIX_AT (out, i, c) = exp (LB_MATRIX_AT (d, i, c) - lse);
        }
    }
  return out;
}

static LbMatrix *
lb_gradient_boosting_classifier_predict (LbEstimator *est,
                                         LbMatrix    *X,
                                         GError     **error)
{
  g_autoptr(LbMatrix) proba = lb_gradient_boosting_classifier_predict_proba (est, X, error);
  guint k = lb_estimator_get_n_classes (est);
  gsize n = lb_matrix_get_n_rows (X);
  LbMatrix *out;

  if (proba == NULL)
    return NULL;
  out = lb_matrix_new (n, 1);
  for (gsize i = 0; i < n; i++)
    {
      guint best = 0;

      /* argmax: the first on a tie */
      for (guint c = 1; c < k; c++)
        if (LB_MATRIX_AT (proba, i, c) > LB_MATRIX_AT (proba, i, best))
          best = c;
      lb_matrix_get_data (out)[i] = best;
    }
  return out;
}

static JsonNode *
lb_gradient_boosting_classifier_save_state (LbEstimator *est,
                                            GError     **error)
{
  LbGradientBoostingClassifier *self = LB_GRADIENT_BOOSTING_CLASSIFIER (est);
  JsonNode *children = lb_ensemble_save_children ((LbEstimator * const *) self->trees->pdata,
                                                  self->trees->len, error);
  JsonObject *object;
  JsonArray *values;
  JsonNode *node;

  if (children == NULL)
    return NULL;
  object = json_object_new ();
  json_object_set_member (object, "init", lb_state_from_doubles (self->init, self->K));
  json_object_set_member (object, "learning_rate", lb_state_from_doubles (&self->fitted_learning_rate, 1));
  json_object_set_member (object, "estimators", children);
  values = json_array_new ();
  for (guint t = 0; t < self->trees->len; t++)
    json_array_add_element (values, lb_state_from_doubles (self->leaf_values->pdata[t],
                                                           lb_estimator_get_tree (self->trees->pdata[t], 0)->n_nodes));
  json_object_set_array_member (object, "leaf_values", values);
  json_object_set_member (object, "train_score",
                          lb_state_from_doubles ((const double *) self->train_score->data, self->train_score->len));
  json_object_set_member (object, "validation_score",
                          lb_state_from_doubles ((const double *) self->valid_score->data, self->valid_score->len));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static gboolean
lb_gradient_boosting_classifier_load_state (LbEstimator *est,
                                            JsonNode    *state,
                                            GError     **error)
{
  LbGradientBoostingClassifier *self = LB_GRADIENT_BOOSTING_CLASSIFIER (est);
  g_autoptr(GPtrArray) trees = NULL;
  g_autoptr(GPtrArray) leaf_values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LbEstimator) template = NULL;
  g_autofree double *train = NULL, *valid = NULL, *init = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *values;
  guint k = lb_estimator_get_n_classes (est), K = k == 2 ? 1 : k;
  guint n_stages;
  double lr;

  if (!JSON_NODE_HOLDS_OBJECT (state) || k < 2)
    goto bad;
  object = json_node_get_object (state);
  init = g_new (double, K);
  if (!lb_state_to_doubles (json_object_get_member (object, "init"), init, K, "init", error) ||
      !lb_state_to_doubles (json_object_get_member (object, "learning_rate"), &lr, 1, "learning_rate", error) ||
      (member = lb_state_get_member (object, "estimators", JSON_NODE_ARRAY, error)) == NULL ||
      (template = new_tree (self, error)) == NULL ||
      (trees = lb_ensemble_load_children (member, "estimators", &template, 1, error)) == NULL ||
      (member = lb_state_get_member (object, "leaf_values", JSON_NODE_ARRAY, error)) == NULL)
    return FALSE;
  values = json_node_get_array (member);
  if (trees->len == 0 || trees->len % K != 0 || !isfinite (lr) || json_array_get_length (values) != trees->len)
    goto bad;
  for (guint c = 0; c < K; c++)
    if (!isfinite (init[c]))
      goto bad;
  n_stages = trees->len / K;
  for (guint t = 0; t < trees->len; t++)
    {
      LbTree *tree = lb_estimator_get_tree (trees->pdata[t], 0);
      double *v;

      if (tree == NULL || lb_estimator_get_n_features_in (trees->pdata[t]) != lb_estimator_get_n_features_in (est))
        goto bad;
      v = g_new (double, tree->n_nodes);
      g_ptr_array_add (leaf_values, v);
      if (!lb_state_to_doubles (json_array_get_element (values, t), v, tree->n_nodes, "leaf_values", error))
        return FALSE;
    }
  train = g_new (double, n_stages);
  valid = g_new (double, n_stages);
  if (!lb_state_to_doubles (json_object_get_member (object, "train_score"), train, n_stages,
                            "train_score", error) ||
      !lb_state_to_doubles (json_object_get_member (object, "validation_score"), valid, n_stages,
                            "validation_score", error))
    return FALSE;
  clear_fitted (self);
  self->K = K;
  self->init = g_steal_pointer (&init);
  self->fitted_learning_rate = lr;
  self->trees = g_steal_pointer (&trees);
  self->leaf_values = g_steal_pointer (&leaf_values);
  g_array_append_vals (self->train_score, train, n_stages);
  g_array_append_vals (self->valid_score, valid, n_stages);
  return TRUE;

bad:
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
               _("The gradient boosting state holds trees that do not fit the model"));
  return FALSE;
}

static JsonNode *
lb_gradient_boosting_classifier_describe_state (LbEstimator *est)
{
  LbGradientBoostingClassifier *self = LB_GRADIENT_BOOSTING_CLASSIFIER (est);
  JsonObject *object;
  JsonNode *node;

  if (self->trees == NULL)
    return NULL;
  object = json_object_new ();
  json_object_set_int_member (object, "n_estimators_", n_stages_of (self));
  json_object_set_member (object, "init_", lb_ensemble_importances_json (est, self->init, self->K));
  lb_gb_describe_scores (object, est, self->trees, self->train_score, self->valid_score);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

/* --- GObject --- */

static void
lb_gradient_boosting_classifier_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  LbGradientBoostingClassifier *self = LB_GRADIENT_BOOSTING_CLASSIFIER (object);

  if (!lb_gb_params_get (&self->hp, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_gradient_boosting_classifier_set_property (GObject      *object,
                                             guint         prop_id,
                                             const GValue *value,
                                             GParamSpec   *pspec)
{
  LbGradientBoostingClassifier *self = LB_GRADIENT_BOOSTING_CLASSIFIER (object);

  if (!lb_gb_params_set (&self->hp, object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_gradient_boosting_classifier_finalize (GObject *object)
{
  LbGradientBoostingClassifier *self = LB_GRADIENT_BOOSTING_CLASSIFIER (object);

  clear_fitted (self);
  g_array_unref (self->train_score);
  g_array_unref (self->valid_score);
  G_OBJECT_CLASS (lb_gradient_boosting_classifier_parent_class)->finalize (object);
}

static void
lb_gradient_boosting_classifier_class_init (LbGradientBoostingClassifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  object_class->get_property = lb_gradient_boosting_classifier_get_property;
  object_class->set_property = lb_gradient_boosting_classifier_set_property;
  object_class->finalize = lb_gradient_boosting_classifier_finalize;

  est_class->name = "GradientBoostingClassifier";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE |
                     LB_ESTIMATOR_SAMPLE_WEIGHT;
  est_class->fit_weighted = lb_gradient_boosting_classifier_fit_weighted;
  est_class->reset = lb_gradient_boosting_classifier_reset;
  est_class->predict = lb_gradient_boosting_classifier_predict;
  est_class->predict_proba = lb_gradient_boosting_classifier_predict_proba;
  est_class->decision_function = lb_gradient_boosting_classifier_decision_function;
  est_class->save_state = lb_gradient_boosting_classifier_save_state;
  est_class->load_state = lb_gradient_boosting_classifier_load_state;
  est_class->describe_state = lb_gradient_boosting_classifier_describe_state;

  lb_gb_install_properties (object_class);
}

static void
lb_gradient_boosting_classifier_init (LbGradientBoostingClassifier *self)
{
  lb_gb_params_init (&self->hp);
  self->train_score = g_array_new (FALSE, FALSE, sizeof (double));
  self->valid_score = g_array_new (FALSE, FALSE, sizeof (double));
}

LbEstimator *
lb_gradient_boosting_classifier_new (void)
{
  return g_object_new (LB_TYPE_GRADIENT_BOOSTING_CLASSIFIER, NULL);
}

guint
lb_gradient_boosting_classifier_get_n_stages (LbGradientBoostingClassifier *self)
{
  g_return_val_if_fail (LB_IS_GRADIENT_BOOSTING_CLASSIFIER (self), 0);
  return self->trees != NULL ? n_stages_of (self) : 0;
}

LbMatrix *
lb_gradient_boosting_classifier_staged_decision_function (LbGradientBoostingClassifier *self,
                                                          LbMatrix                     *X,
                                                          guint                         n_stages,
                                                          GError                      **error)
{
  g_return_val_if_fail (LB_IS_GRADIENT_BOOSTING_CLASSIFIER (self), NULL);
  if (self->trees == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                   _("This %s is not fitted yet: call fit before using it"), "GradientBoostingClassifier");
      return NULL;
    }
  if (n_stages > n_stages_of (self))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("stage %u: the model has stages 0 to %u"), n_stages, n_stages_of (self));
      return NULL;
    }
  if (lb_matrix_get_n_cols (X) != lb_estimator_get_n_features_in (LB_ESTIMATOR (self)))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("X has %u features, the model was fitted on %u"),
                   (guint) lb_matrix_get_n_cols (X), lb_estimator_get_n_features_in (LB_ESTIMATOR (self)));
      return NULL;
    }
  return staged (self, X, n_stages, error);
}

double
lb_gradient_boosting_classifier_get_train_score (LbGradientBoostingClassifier *self,
                                                guint                        stage)
{
  g_return_val_if_fail (LB_IS_GRADIENT_BOOSTING_CLASSIFIER (self), NAN);
  g_return_val_if_fail (stage < self->train_score->len, NAN);
  return g_array_index (self->train_score, double, stage);
}

double
lb_gradient_boosting_classifier_get_validation_score (LbGradientBoostingClassifier *self,
                                                     guint                        stage)
{
  g_return_val_if_fail (LB_IS_GRADIENT_BOOSTING_CLASSIFIER (self), NAN);
  g_return_val_if_fail (stage < self->valid_score->len, NAN);
  return g_array_index (self->valid_score, double, stage);
}
