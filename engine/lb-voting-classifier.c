/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-voting-classifier.c: LbVotingClassifier as scikit-learn 1.2.1: each
 * estimator of the "estimators" list is cloned and fitted on the whole data
 * (the list itself stays unfitted: it is the parameter); hard voting counts
 * the predicted classes (ties: the lowest class), soft voting averages
 * predict_proba (optionally weighted).
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-voting-classifier.h"
#include "lb-ensemble-private.h"
#include "lb-estimator-private.h"

struct _LbVotingClassifier
{
  LbEstimator parent_instance;

  GPtrArray *estimators;  /* LbNamedEstimator: the parameter */
  LbVoting   voting;
  JsonNode  *weights;     /* NULL or an array of numbers */

  GPtrArray *fitted;      /* LbEstimator, one per estimator; NULL when unfitted */
};

G_DEFINE_FINAL_TYPE (LbVotingClassifier, lb_voting_classifier, LB_TYPE_ESTIMATOR)

G_DEFINE_ENUM_TYPE (LbVoting, lb_voting,
  G_DEFINE_ENUM_VALUE (LB_VOTING_HARD, "hard"),
  G_DEFINE_ENUM_VALUE (LB_VOTING_SOFT, "soft"))

enum { PROP_0, PROP_ESTIMATORS, PROP_VOTING, PROP_WEIGHTS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static gboolean
check_weights (JsonNode *weights,
               guint     n,
               GError  **error)
{
  JsonArray *a;

  if (weights == NULL || JSON_NODE_HOLDS_NULL (weights))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (weights))
    goto bad;
  a = json_node_get_array (weights);
  if (n != G_MAXUINT && json_array_get_length (a) != n)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("weights: %u weights for %u estimators"), json_array_get_length (a), n);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);

      if (!JSON_NODE_HOLDS_VALUE (e) ||
          (json_node_get_value_type (e) != G_TYPE_DOUBLE && json_node_get_value_type (e) != G_TYPE_INT64) ||
          !isfinite (json_node_get_double (e)) || json_node_get_double (e) < 0)
        goto bad;
    }
  return TRUE;

bad:
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
               _("weights: must be null or a list of non-negative numbers, one per estimator"));
  return FALSE;
}

static double
weight_of (LbVotingClassifier *self,
           guint               i)
{
  if (self->weights == NULL || JSON_NODE_HOLDS_NULL (self->weights))
    return 1.0;
  return json_array_get_double_element (json_node_get_array (self->weights), i);
}

static gboolean
lb_voting_classifier_check_params (LbEstimator *est,
                                   GError     **error)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (est);

  if (self->estimators->len == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("estimators: %s needs at least one estimator"), "VotingClassifier");
      return FALSE;
    }
  for (guint i = 0; i < self->estimators->len; i++)
    {
      LbNamedEstimator *item = self->estimators->pdata[i];

      if (!lb_estimator_is_classifier (item->estimator))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("estimators: ‘%s’ (%s) is not a classifier"), item->name,
                       lb_estimator_get_name (item->estimator));
          return FALSE;
        }
    }
  return check_weights (self->weights, self->estimators->len, error);
}

static gboolean
lb_voting_classifier_fit (LbEstimator  *est,
                          LbMatrix     *X,
                          LbMatrix     *y,
                          LbFitContext *ctx,
                          GError      **error)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (est);
  g_autoptr(GPtrArray) fitted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LbMatrix) y_named = lb_ensemble_named_y (est, y);
  guint n = self->estimators->len;

  for (guint i = 0; i < n; i++)
    {
      LbNamedEstimator *item = self->estimators->pdata[i];
      g_autoptr(LbFitContext) child = lb_fit_context_new_child (ctx, i, (double) i / n,
                                                                (double) (i + 1) / n);
      g_autoptr(LbEstimator) copy = lb_estimator_clone (item->estimator);

      /* Each estimator fits as it would alone, with the ensemble's seed. */
      lb_fit_context_set_seed (child, lb_fit_context_get_seed (ctx));
      if (!lb_estimator_fit (copy, X, y_named, child, error))
        {
          if (error != NULL && *error != NULL &&
              !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (error, _("estimator ‘%s’: "), item->name);
          return FALSE;
        }
      lb_fit_context_report_fraction (child, 1.0);
      g_ptr_array_add (fitted, g_steal_pointer (&copy));
    }
  g_clear_pointer (&self->fitted, g_ptr_array_unref);
  self->fitted = g_steal_pointer (&fitted);
  return TRUE;
}

static void
lb_voting_classifier_reset (LbEstimator *est)
{
  g_clear_pointer (&LB_VOTING_CLASSIFIER (est)->fitted, g_ptr_array_unref);
}

/* Weighted average of the children's probabilities (n, k). */
static LbMatrix *
soft_average (LbVotingClassifier *self,
              LbMatrix           *X,
              GError            **error)
{
  guint k = lb_estimator_get_n_classes (LB_ESTIMATOR (self));
  gsize n = lb_matrix_get_n_rows (X);
  g_autoptr(LbMatrix) avg = lb_matrix_new (n, k);
  double total = 0.0;

  for (guint e = 0; e < self->fitted->len; e++)
    {
      LbEstimator *child = self->fitted->pdata[e];
      g_autoptr(LbMatrix) p = lb_ensemble_child_proba (LB_ESTIMATOR (self), child, X, error);
      double w = weight_of (self, e);

      if (p == NULL)
        {
          g_prefix_error (error, _("estimator ‘%s’: "),
                          ((LbNamedEstimator *) self->estimators->pdata[e])->name);
          return NULL;
        }
      for (gsize i = 0; i < n * k; i++)
        lb_matrix_get_data (avg)[i] += w * lb_matrix_get_const_data (p)[i];
      total += w;
    }
  for (gsize i = 0; i < n * k; i++)
    lb_matrix_get_data (avg)[i] /= total;
  return g_steal_pointer (&avg);
}

static LbMatrix *
lb_voting_classifier_predict_proba (LbEstimator *est,
                                    LbMatrix    *X,
                                    GError     **error)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (est);

  if (self->voting != LB_VOTING_SOFT)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                   _("predict_proba needs soft voting (voting=\"soft\")"));
      return NULL;
    }
  return soft_average (self, X, error);
}

static LbMatrix *
lb_voting_classifier_predict (LbEstimator *est,
                              LbMatrix    *X,
                              GError     **error)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (est);
  guint k = lb_estimator_get_n_classes (est);
  gsize n = lb_matrix_get_n_rows (X);
  g_autoptr(LbMatrix) scores = NULL;
  LbMatrix *out;

  if (self->voting == LB_VOTING_SOFT)
    {
      scores = soft_average (self, X, error);
      if (scores == NULL)
        return NULL;
    }
  else
    {
      scores = lb_matrix_new (n, k);
      for (guint e = 0; e < self->fitted->len; e++)
        {
          LbEstimator *child = self->fitted->pdata[e];
          g_autoptr(LbMatrix) pred = lb_estimator_predict (child, X, error);
          g_autofree int *map = NULL;

          if (pred == NULL || (map = lb_ensemble_class_map (est, child, error)) == NULL)
            {
              g_prefix_error (error, _("estimator ‘%s’: "),
                              ((LbNamedEstimator *) self->estimators->pdata[e])->name);
              return NULL;
            }
          for (gsize i = 0; i < n; i++)
            LB_MATRIX_AT (scores, i, map[(int) lb_matrix_get_const_data (pred)[i]]) += weight_of (self, e);
        }
    }
  out = lb_matrix_new (n, 1);
  for (gsize i = 0; i < n; i++)
    {
      guint best = 0;

      /* numpy argmax: the first maximum */
      for (guint c = 1; c < k; c++)
        if (LB_MATRIX_AT (scores, i, c) > LB_MATRIX_AT (scores, i, best))
          best = c;
      lb_matrix_get_data (out)[i] = best;
    }
  return out;
}

static JsonNode *
lb_voting_classifier_save_state (LbEstimator *est,
                                 GError     **error)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (est);

  return lb_ensemble_save_children ((LbEstimator * const *) self->fitted->pdata, self->fitted->len,
                                    error);
}

static gboolean
lb_voting_classifier_load_state (LbEstimator *est,
                                 JsonNode    *state,
                                 GError     **error)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (est);
  g_autofree LbEstimator **templates = g_new (LbEstimator *, MAX (self->estimators->len, 1));
  g_autoptr(GPtrArray) fitted = NULL;

  for (guint i = 0; i < self->estimators->len; i++)
    templates[i] = ((LbNamedEstimator *) self->estimators->pdata[i])->estimator;
  if (self->estimators->len == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("estimators: %s needs at least one estimator"), lb_estimator_get_name (est));
      return FALSE;
    }
  fitted = lb_ensemble_load_children (state, "estimators_", templates, self->estimators->len, error);
  if (fitted == NULL)
    return FALSE;
  if (fitted->len != self->estimators->len)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The state holds %u fitted estimators for %u estimators"),
                   fitted->len, self->estimators->len);
      return FALSE;
    }
  for (guint i = 0; i < fitted->len; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autofree int *map = lb_ensemble_class_map (est, fitted->pdata[i], &local);

      if (map == NULL)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, "%s", local->message);
          return FALSE;
        }
    }
  g_clear_pointer (&self->fitted, g_ptr_array_unref);
  self->fitted = g_steal_pointer (&fitted);
  return TRUE;
}

static JsonNode *
lb_voting_classifier_describe_state (LbEstimator *est)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (est);
  JsonObject *object, *children;
  JsonNode *node;

  if (self->fitted == NULL)
    return NULL;
  object = json_object_new ();
  children = json_object_new ();
  for (guint i = 0; i < self->fitted->len; i++)
    {
      JsonNode *d = lb_estimator_describe_state (self->fitted->pdata[i]);

      json_object_set_member (children, ((LbNamedEstimator *) self->estimators->pdata[i])->name,
                              d != NULL ? d : json_node_init_null (json_node_alloc ()));
    }
  json_object_set_object_member (object, "named_estimators_", children);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static LbEstimator *
lb_voting_classifier_get_child (LbEstimator *est,
                                const char  *name)
{
  /* "estimators.lr.C": the list's own name leads back to the ensemble, whose
   * children are the members (as "steps.model.alpha" in a pipeline). */
  if (g_str_equal (name, "estimators"))
    return est;
  return lb_ensemble_list_find (LB_VOTING_CLASSIFIER (est)->estimators, name);
}

static gboolean
lb_voting_classifier_set_child (LbEstimator *est,
                                const char  *name,
                                LbEstimator *child,
                                GError     **error)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (est);

  if (!lb_ensemble_list_replace (self->estimators, name, child, error))
    return FALSE;
  lb_estimator_clear_fitted (est);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTIMATORS]);
  return TRUE;
}

static gboolean
lb_voting_classifier_check_param_value (LbEstimator  *est,
                                        GParamSpec   *pspec,
                                        const GValue *value,
                                        GError      **error)
{
  if (pspec == properties[PROP_ESTIMATORS])
    {
      g_autoptr(GPtrArray) list = lb_ensemble_parse_list (g_value_get_boxed (value), "estimators",
                                                          error);

      return list != NULL;
    }
  if (pspec == properties[PROP_WEIGHTS])
    return check_weights (g_value_get_boxed (value), G_MAXUINT, error);
  return TRUE;
}

static void
lb_voting_classifier_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (object);

  switch (prop_id)
    {
    case PROP_ESTIMATORS:
      g_value_take_boxed (value, lb_ensemble_list_to_json (self->estimators));
      break;
    case PROP_VOTING:
      g_value_set_enum (value, self->voting);
      break;
    case PROP_WEIGHTS:
      g_value_set_boxed (value, self->weights);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_voting_classifier_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (object);

  switch (prop_id)
    {
    case PROP_ESTIMATORS:
      {
        g_autoptr(GError) error = NULL;
        GPtrArray *list = lb_ensemble_parse_list (g_value_get_boxed (value), "estimators", &error);

        if (list == NULL)
          {
            g_critical ("VotingClassifier: %s", error->message);
            return;
          }
        g_ptr_array_unref (self->estimators);
        self->estimators = list;
        lb_estimator_clear_fitted (LB_ESTIMATOR (self));
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_VOTING:
      if (self->voting != (LbVoting) g_value_get_enum (value))
        {
          self->voting = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WEIGHTS:
      {
        JsonNode *w = g_value_get_boxed (value);

        g_clear_pointer (&self->weights, json_node_unref);
        if (w != NULL && !JSON_NODE_HOLDS_NULL (w))
          self->weights = json_node_copy (w);
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_voting_classifier_finalize (GObject *object)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (object);

  g_ptr_array_unref (self->estimators);
  g_clear_pointer (&self->fitted, g_ptr_array_unref);
  g_clear_pointer (&self->weights, json_node_unref);
  G_OBJECT_CLASS (lb_voting_classifier_parent_class)->finalize (object);
}

static void
lb_voting_classifier_class_init (LbVotingClassifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_voting_classifier_get_property;
  object_class->set_property = lb_voting_classifier_set_property;
  object_class->finalize = lb_voting_classifier_finalize;

  est_class->name = "VotingClassifier";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y;
  est_class->check_params = lb_voting_classifier_check_params;
  est_class->fit = lb_voting_classifier_fit;
  est_class->reset = lb_voting_classifier_reset;
  est_class->predict = lb_voting_classifier_predict;
  est_class->predict_proba = lb_voting_classifier_predict_proba;
  est_class->save_state = lb_voting_classifier_save_state;
  est_class->load_state = lb_voting_classifier_load_state;
  est_class->describe_state = lb_voting_classifier_describe_state;
  est_class->get_child = lb_voting_classifier_get_child;
  est_class->set_child = lb_voting_classifier_set_child;
  est_class->check_param_value = lb_voting_classifier_check_param_value;

  properties[PROP_ESTIMATORS] =
    g_param_spec_boxed ("estimators", N_("Estimators"),
                        N_("The named classifiers that vote"),
                        JSON_TYPE_NODE, flags);
  properties[PROP_VOTING] =
    g_param_spec_enum ("voting", N_("Voting"),
                       N_("Hard: the majority of predicted classes; soft: the highest "
                          "average probability"),
                       LB_TYPE_VOTING, LB_VOTING_HARD, flags);
  properties[PROP_WEIGHTS] =
    g_param_spec_boxed ("weights", N_("Weights"),
                        N_("One weight per estimator for the votes or probabilities "
                           "(null: equal weights)"),
                        JSON_TYPE_NODE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_voting_classifier_init (LbVotingClassifier *self)
{
  self->estimators = lb_ensemble_parse_list (NULL, "estimators", NULL);
  self->voting = LB_VOTING_HARD;
}

LbEstimator *
lb_voting_classifier_new (void)
{
  return g_object_new (LB_TYPE_VOTING_CLASSIFIER, NULL);
}

LbEstimator *
lb_voting_classifier_get_fitted (LbVotingClassifier *self,
                                 const char         *name)
{
  g_return_val_if_fail (LB_IS_VOTING_CLASSIFIER (self), NULL);
  if (self->fitted == NULL)
    return NULL;
  for (guint i = 0; i < self->estimators->len; i++)
    if (g_str_equal (((LbNamedEstimator *) self->estimators->pdata[i])->name, name))
      return self->fitted->pdata[i];
  return NULL;
}
