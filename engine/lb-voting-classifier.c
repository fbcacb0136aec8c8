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
#include "lb-voting-private.h"
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
lb_voting_classifier_check_params (LbEstimator *est,
                                   GError     **error)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (est);

  return lb_voting_check_members (est, self->estimators, self->weights, TRUE, error);
}

static gboolean
lb_voting_classifier_fit (LbEstimator  *est,
                          LbMatrix     *X,
                          LbMatrix     *y,
                          LbFitContext *ctx,
                          GError      **error)
{
  LbVotingClassifier *self = LB_VOTING_CLASSIFIER (est);
  g_autoptr(LbMatrix) y_named = lb_ensemble_named_y (est, y);
  GPtrArray *fitted = lb_voting_fit_members (self->estimators, X, y_named, ctx, error);

  if (fitted == NULL)
    return FALSE;
  g_clear_pointer (&self->fitted, g_ptr_array_unref);
  self->fitted = fitted;
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
      double w = lb_voting_weight_of (self->weights, e);

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
            LB_MATRIX_AT (scores, i, map[(int) lb_matrix_get_const_data (pred)[i]]) +=
              lb_voting_weight_of (self->weights, e);
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
  g_autoptr(GPtrArray) fitted = lb_voting_load_members (est, self->estimators, state, error);

  if (fitted == NULL)
    return FALSE;
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

  return lb_voting_describe (self->estimators, self->fitted);
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
  return lb_voting_set_child (est, LB_VOTING_CLASSIFIER (est)->estimators,
                              properties[PROP_ESTIMATORS], name, child, error);
}

static gboolean
lb_voting_classifier_check_param_value (LbEstimator  *est,
                                        GParamSpec   *pspec,
                                        const GValue *value,
                                        GError      **error)
{
  return lb_voting_check_param_value (pspec, value, properties[PROP_ESTIMATORS],
                                      properties[PROP_WEIGHTS], error);
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
      lb_voting_set_estimators (LB_ESTIMATOR (self), &self->estimators, value, pspec);
      break;
    case PROP_VOTING:
      if (self->voting != (LbVoting) g_value_get_enum (value))
        {
          self->voting = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WEIGHTS:
      lb_voting_set_weights (object, &self->weights, value, pspec);
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
  return lb_voting_find_fitted (self->estimators, self->fitted, name);
}
