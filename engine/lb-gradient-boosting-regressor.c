/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-gradient-boosting-regressor.c: LbGradientBoostingRegressor with
 * scikit-learn 1.2.1's algorithm for the squared error: init = the (weighted)
 * mean; stage i fits a DecisionTreeRegressor (friedman_mse, by name from the
 * registry) to the residuals y − F, with row weights × a random subsample
 * mask when subsample < 1, and F += learning_rate · tree (X). With
 * n_iter_no_change a validation fraction is held out and boosting stops when
 * the validation MSE has not improved by tol for that many rounds (the round
 * that fails is kept, as in scikit-learn). Each round reports the training
 * and validation MSE as a fit event.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-gradient-boosting-regressor.h"
#include "lb-ensemble-private.h"
#include "lb-gradient-boosting-private.h"
#include "lb-estimator-private.h"
#include "lb-tree.h"

struct _LbGradientBoostingRegressor
{
  LbEstimator parent_instance;

  LbGbParams hp;

  /* learned */
  double     init;
  double     fitted_learning_rate;  /* the rate the trees were added with */
  GPtrArray *trees;        /* DecisionTreeRegressor; NULL when unfitted */
  GArray    *train_score;  /* double per stage */
  GArray    *valid_score;
};

G_DEFINE_FINAL_TYPE (LbGradientBoostingRegressor, lb_gradient_boosting_regressor, LB_TYPE_ESTIMATOR)

static void
clear_fitted (LbGradientBoostingRegressor *self)
{
  g_clear_pointer (&self->trees, g_ptr_array_unref);
  g_array_set_size (self->train_score, 0);
  g_array_set_size (self->valid_score, 0);
  self->init = NAN;
}

static LbEstimator *
new_tree (LbGradientBoostingRegressor *self,
          GError                     **error)
{
  g_autofree char *params = g_strdup_printf (
    "{\"criterion\": \"friedman_mse\", \"max_depth\": %u, \"min_samples_split\": %u, "
    "\"min_samples_leaf\": %u, \"max_leaf_nodes\": %u}",
    self->hp.max_depth, self->hp.min_samples_split, self->hp.min_samples_leaf, self->hp.max_leaf_nodes);

  return lb_ensemble_new_base (NULL, "DecisionTreeRegressor", params, error);
}

/* Weighted mean of squared differences (scikit-learn's LeastSquaresError). */
static double
mse (const double *y,
     const double *f,
     const double *w,
     const guint8 *mask,
     gsize         n)
{
  double s = 0.0, sw = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      double wi = (w != NULL ? w[i] : 1.0) * (mask != NULL ? mask[i] : 1);
      double r = y[i] - f[i];

      s += wi * r * r;
      sw += wi;
    }
  return s / sw;
}

static gboolean
lb_gradient_boosting_regressor_fit_weighted (LbEstimator  *est,
                                             LbMatrix     *X_all,
                                             LbMatrix     *y_all,
                                             LbMatrix     *sw_all,
                                             LbFitContext *ctx,
                                             GError      **error)
{
  LbGradientBoostingRegressor *self = LB_GRADIENT_BOOSTING_REGRESSOR (est);
  gsize n_all = lb_matrix_get_n_rows (X_all);
  gboolean early = self->hp.n_iter_no_change > 0;
  g_autoptr(LbMatrix) X = NULL, y = NULL, sw = NULL, X_val = NULL, y_val = NULL, sw_val = NULL;
  g_autoptr(LbMatrix) residual = NULL, fit_weight = NULL;
  g_autoptr(GPtrArray) trees = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree double *f = NULL, *f_val = NULL, *history = NULL;
  g_autofree guint8 *mask = NULL;
  g_autofree guint *perm = NULL;
  const double *yv, *wv;
  double init = 0.0, wsum = 0.0;
  gsize n;
  LbRng rng;

  lb_fit_context_init_rng (ctx, &rng, 0);
  if (early)
    {
      /* hold out ceil (fraction · n) rows, as train_test_split (test_size=fraction) */
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
  yv = lb_matrix_get_const_data (y);
  wv = sw != NULL ? lb_matrix_get_const_data (sw) : NULL;

  /* init_: DummyRegressor (strategy="mean"), weighted */
  for (gsize i = 0; i < n; i++)
    {
      init += (wv != NULL ? wv[i] : 1.0) * yv[i];
      wsum += wv != NULL ? wv[i] : 1.0;
    }
  init /= wsum;
  f = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    f[i] = init;
  if (early)
    {
      f_val = g_new (double, lb_matrix_get_n_rows (X_val));
      for (gsize i = 0; i < lb_matrix_get_n_rows (X_val); i++)
        f_val[i] = init;
      history = g_new (double, self->hp.n_iter_no_change);
      for (guint h = 0; h < self->hp.n_iter_no_change; h++)
        history[h] = INFINITY;
    }
  residual = lb_matrix_new (n, 1);
  if (self->hp.subsample < 1.0)
    {
      mask = g_new (guint8, n);
      fit_weight = lb_matrix_new (n, 1);
    }

  clear_fitted (self);
  for (guint i = 0; i < self->hp.n_estimators; i++)
    {
      g_autoptr(LbEstimator) tree = NULL;
      g_autoptr(LbFitContext) tree_ctx = NULL;
      g_autoptr(LbMatrix) step = NULL;
      LbFitEvent event = { 0 };
      double train, valid = NAN;

      if (lb_fit_context_check_cancelled (ctx, error))
        goto fail;
      for (gsize r = 0; r < n; r++)
        lb_matrix_get_data (residual)[r] = yv[r] - f[r];
      if (mask != NULL)
        {
          /* _random_sample_mask: n_inbag = max (1, int (subsample · n)) rows drawn */
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
      tree = new_tree (self, error);
      if (tree == NULL)
        goto fail;
      tree_ctx = lb_ensemble_member_context (ctx, i);
      if (!lb_estimator_fit_weighted (tree, X, residual, mask != NULL ? fit_weight : sw, tree_ctx, error))
        {
          if (error != NULL && *error != NULL &&
              !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (error, _("tree %u: "), i);
          goto fail;
        }
      step = lb_estimator_predict (tree, X, error);
      if (step == NULL)
        goto fail;
      for (gsize r = 0; r < n; r++)
        f[r] += self->hp.learning_rate * lb_matrix_get_const_data (step)[r];
      train = mse (yv, f, wv, mask, n);
      g_array_append_val (self->train_score, train);
      if (early)
        {
          g_autoptr(LbMatrix) vstep = lb_estimator_predict (tree, X_val, error);
          gsize nv = lb_matrix_get_n_rows (X_val);

          if (vstep == NULL)
            goto fail;
          for (gsize r = 0; r < nv; r++)
            f_val[r] += self->hp.learning_rate * lb_matrix_get_const_data (vstep)[r];
          valid = mse (lb_matrix_get_const_data (y_val), f_val,
                       sw_val != NULL ? lb_matrix_get_const_data (sw_val) : NULL, NULL, nv);
        }
      g_array_append_val (self->valid_score, valid);
      g_ptr_array_add (trees, g_steal_pointer (&tree));

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
  self->init = init;
  self->fitted_learning_rate = self->hp.learning_rate;
  self->trees = g_steal_pointer (&trees);
  return TRUE;

fail:
  clear_fitted (self);
  return FALSE;
}

static void
lb_gradient_boosting_regressor_reset (LbEstimator *est)
{
  clear_fitted (LB_GRADIENT_BOOSTING_REGRESSOR (est));
}

static LbMatrix *
staged (LbGradientBoostingRegressor *self,
        LbMatrix                    *X,
        guint                        n_stages,
        GError                     **error)
{
  gsize n = lb_matrix_get_n_rows (X);
  g_autoptr(LbMatrix) out = lb_matrix_new (n, 1);

  for (gsize i = 0; i < n; i++)
    lb_matrix_get_data (out)[i] = self->init;
  for (guint t = 0; t < n_stages; t++)
    {
      g_autoptr(LbMatrix) step = lb_estimator_predict (self->trees->pdata[t], X, error);

      if (step == NULL)
        return NULL;
      for (gsize i = 0; i < n; i++)
        lb_matrix_get_data (out)[i] += self->fitted_learning_rate * lb_matrix_get_const_data (step)[i];
    }
  return g_steal_pointer (&out);
}

static LbMatrix *
lb_gradient_boosting_regressor_predict (LbEstimator *est,
                                        LbMatrix    *X,
                                        GError     **error)
{
  LbGradientBoostingRegressor *self = LB_GRADIENT_BOOSTING_REGRESSOR (est);

  return staged (self, X, self->trees->len, error);
}

static JsonNode *
lb_gradient_boosting_regressor_save_state (LbEstimator *est,
                                           GError     **error)
{
  LbGradientBoostingRegressor *self = LB_GRADIENT_BOOSTING_REGRESSOR (est);
  JsonNode *children = lb_ensemble_save_children ((LbEstimator * const *) self->trees->pdata,
                                                  self->trees->len, error);
  JsonObject *object;
  JsonNode *node;

  if (children == NULL)
    return NULL;
  object = json_object_new ();
  json_object_set_member (object, "init", lb_state_from_doubles (&self->init, 1));
  /* the learning rate the trees were added with (a later set_param must not change predictions) */
  json_object_set_member (object, "learning_rate", lb_state_from_doubles (&self->fitted_learning_rate, 1));
  json_object_set_member (object, "estimators", children);
  json_object_set_member (object, "train_score",
                          lb_state_from_doubles ((const double *) self->train_score->data, self->train_score->len));
  json_object_set_member (object, "validation_score",
                          lb_state_from_doubles ((const double *) self->valid_score->data, self->valid_score->len));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static gboolean
lb_gradient_boosting_regressor_load_state (LbEstimator *est,
                                           JsonNode    *state,
                                           GError     **error)
{
  LbGradientBoostingRegressor *self = LB_GRADIENT_BOOSTING_REGRESSOR (est);
  g_autoptr(GPtrArray) trees = NULL;
  g_autoptr(LbEstimator) template = NULL;
  g_autofree double *train = NULL, *valid = NULL;
  JsonObject *object;
  JsonNode *member;
  double init, lr;

  if (!JSON_NODE_HOLDS_OBJECT (state))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The gradient boosting state must be an object"));
      return FALSE;
    }
  object = json_node_get_object (state);
  if (!lb_state_to_doubles (json_object_get_member (object, "init"), &init, 1, "init", error) ||
      !lb_state_to_doubles (json_object_get_member (object, "learning_rate"), &lr, 1, "learning_rate", error) ||
      (member = lb_state_get_member (object, "estimators", JSON_NODE_ARRAY, error)) == NULL ||
      (template = new_tree (self, error)) == NULL ||
      (trees = lb_ensemble_load_children (member, "estimators", &template, 1, error)) == NULL)
    return FALSE;
  if (trees->len == 0 || !isfinite (init) || !isfinite (lr))
    goto bad;
  for (guint t = 0; t < trees->len; t++)
    if (!lb_estimator_is_regressor (trees->pdata[t]) ||
        lb_estimator_get_n_features_in (trees->pdata[t]) != lb_estimator_get_n_features_in (est))
      goto bad;
  train = g_new (double, trees->len);
  valid = g_new (double, trees->len);
  if (!lb_state_to_doubles (json_object_get_member (object, "train_score"), train, trees->len,
                            "train_score", error) ||
      !lb_state_to_doubles (json_object_get_member (object, "validation_score"), valid, trees->len,
                            "validation_score", error))
    return FALSE;
  clear_fitted (self);
  self->init = init;
  self->fitted_learning_rate = lr;
  self->trees = g_steal_pointer (&trees);
  g_array_append_vals (self->train_score, train, self->trees->len);
  g_array_append_vals (self->valid_score, valid, self->trees->len);
  return TRUE;

bad:
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
               _("The gradient boosting state holds trees that do not fit the model"));
  return FALSE;
}

static JsonNode *
lb_gradient_boosting_regressor_describe_state (LbEstimator *est)
{
  LbGradientBoostingRegressor *self = LB_GRADIENT_BOOSTING_REGRESSOR (est);
  JsonObject *object;
  JsonNode *node;

  if (self->trees == NULL)
    return NULL;
  object = json_object_new ();
  json_object_set_int_member (object, "n_estimators_", self->trees->len);
  json_object_set_double_member (object, "init_", self->init);
  lb_gb_describe_scores (object, est, self->trees, self->train_score, self->valid_score);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

/* --- GObject --- */

static void
lb_gradient_boosting_regressor_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  LbGradientBoostingRegressor *self = LB_GRADIENT_BOOSTING_REGRESSOR (object);

  if (!lb_gb_params_get (&self->hp, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_gradient_boosting_regressor_set_property (GObject      *object,
                                             guint         prop_id,
                                             const GValue *value,
                                             GParamSpec   *pspec)
{
  LbGradientBoostingRegressor *self = LB_GRADIENT_BOOSTING_REGRESSOR (object);

  if (!lb_gb_params_set (&self->hp, object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_gradient_boosting_regressor_finalize (GObject *object)
{
  LbGradientBoostingRegressor *self = LB_GRADIENT_BOOSTING_REGRESSOR (object);

  clear_fitted (self);
  g_array_unref (self->train_score);
  g_array_unref (self->valid_score);
  G_OBJECT_CLASS (lb_gradient_boosting_regressor_parent_class)->finalize (object);
}

static void
lb_gradient_boosting_regressor_class_init (LbGradientBoostingRegressorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  object_class->get_property = lb_gradient_boosting_regressor_get_property;
  object_class->set_property = lb_gradient_boosting_regressor_set_property;
  object_class->finalize = lb_gradient_boosting_regressor_finalize;

  est_class->name = "GradientBoostingRegressor";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE |
                     LB_ESTIMATOR_SAMPLE_WEIGHT;
  est_class->fit_weighted = lb_gradient_boosting_regressor_fit_weighted;
  est_class->reset = lb_gradient_boosting_regressor_reset;
  est_class->predict = lb_gradient_boosting_regressor_predict;
  est_class->save_state = lb_gradient_boosting_regressor_save_state;
  est_class->load_state = lb_gradient_boosting_regressor_load_state;
  est_class->describe_state = lb_gradient_boosting_regressor_describe_state;

  lb_gb_install_properties (object_class);
}

static void
lb_gradient_boosting_regressor_init (LbGradientBoostingRegressor *self)
{
  lb_gb_params_init (&self->hp);
  self->init = NAN;
  self->train_score = g_array_new (FALSE, FALSE, sizeof (double));
  self->valid_score = g_array_new (FALSE, FALSE, sizeof (double));
}

LbEstimator *
lb_gradient_boosting_regressor_new (void)
{
  return g_object_new (LB_TYPE_GRADIENT_BOOSTING_REGRESSOR, NULL);
}

guint
lb_gradient_boosting_regressor_get_n_stages (LbGradientBoostingRegressor *self)
{
  g_return_val_if_fail (LB_IS_GRADIENT_BOOSTING_REGRESSOR (self), 0);
  return self->trees != NULL ? self->trees->len : 0;
}

double
lb_gradient_boosting_regressor_get_init (LbGradientBoostingRegressor *self)
{
  g_return_val_if_fail (LB_IS_GRADIENT_BOOSTING_REGRESSOR (self), NAN);
  return self->init;
}

LbEstimator *
lb_gradient_boosting_regressor_get_tree (LbGradientBoostingRegressor *self,
                                         guint                        stage)
{
  g_return_val_if_fail (LB_IS_GRADIENT_BOOSTING_REGRESSOR (self), NULL);
  g_return_val_if_fail (self->trees != NULL && stage < self->trees->len, NULL);
  return self->trees->pdata[stage];
}

LbMatrix *
lb_gradient_boosting_regressor_staged_predict (LbGradientBoostingRegressor *self,
                                               LbMatrix                    *X,
                                               guint                        n_stages,
                                               GError                     **error)
{
  g_return_val_if_fail (LB_IS_GRADIENT_BOOSTING_REGRESSOR (self), NULL);
  if (self->trees == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                   _("This %s is not fitted yet: call fit before using it"), "GradientBoostingRegressor");
      return NULL;
    }
  if (n_stages > self->trees->len)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("stage %u: the model has stages 0 to %u"), n_stages, self->trees->len);
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
lb_gradient_boosting_regressor_get_train_score (LbGradientBoostingRegressor *self,
                                                guint                        stage)
{
  g_return_val_if_fail (LB_IS_GRADIENT_BOOSTING_REGRESSOR (self), NAN);
  g_return_val_if_fail (stage < self->train_score->len, NAN);
  return g_array_index (self->train_score, double, stage);
}

double
lb_gradient_boosting_regressor_get_validation_score (LbGradientBoostingRegressor *self,
                                                     guint                        stage)
{
  g_return_val_if_fail (LB_IS_GRADIENT_BOOSTING_REGRESSOR (self), NAN);
  g_return_val_if_fail (stage < self->valid_score->len, NAN);
  return g_array_index (self->valid_score, double, stage);
}
