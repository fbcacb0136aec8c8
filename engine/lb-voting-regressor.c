/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-voting-regressor.c: LbVotingRegressor as scikit-learn 1.2.1: each
 * estimator of the "estimators" list is cloned and fitted on the whole data
 * (the list itself stays unfitted: it is the parameter); the prediction is
 * the weighted average of theirs.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-voting-regressor.h"
#include "lb-ensemble-private.h"
#include "lb-voting-private.h"
#include "lb-estimator-private.h"

struct _LbVotingRegressor
{
  LbEstimator parent_instance;

  GPtrArray *estimators;  /* LbNamedEstimator: the parameter */
  JsonNode  *weights;     /* NULL or an array of numbers */

  GPtrArray *fitted;      /* LbEstimator, one per estimator; NULL when unfitted */
};

G_DEFINE_FINAL_TYPE (LbVotingRegressor, lb_voting_regressor, LB_TYPE_ESTIMATOR)

enum { PROP_0, PROP_ESTIMATORS, PROP_WEIGHTS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static gboolean
lb_voting_regressor_check_params (LbEstimator *est,
                                   GError     **error)
{
  LbVotingRegressor *self = LB_VOTING_REGRESSOR (est);

  return lb_voting_check_members (est, self->estimators, self->weights, FALSE, error);
}

static gboolean
lb_voting_regressor_fit (LbEstimator  *est,
                          LbMatrix     *X,
                          LbMatrix     *y,
                          LbFitContext *ctx,
                          GError      **error)
{
  LbVotingRegressor *self = LB_VOTING_REGRESSOR (est);
  GPtrArray *fitted = lb_voting_fit_members (self->estimators, X, y, ctx, error);

  if (fitted == NULL)
    return FALSE;
  g_clear_pointer (&self->fitted, g_ptr_array_unref);
  self->fitted = fitted;
  return TRUE;
}

static void
lb_voting_regressor_reset (LbEstimator *est)
{
  g_clear_pointer (&LB_VOTING_REGRESSOR (est)->fitted, g_ptr_array_unref);
}

static LbMatrix *
lb_voting_regressor_predict (LbEstimator *est,
                              LbMatrix    *X,
                              GError     **error)
{
  LbVotingRegressor *self = LB_VOTING_REGRESSOR (est);
  gsize n = lb_matrix_get_n_rows (X);
  g_autoptr(LbMatrix) out = lb_matrix_new (n, 1);
  double total = 0.0;

  for (guint e = 0; e < self->fitted->len; e++)
    {
      g_autoptr(LbMatrix) pred = lb_estimator_predict (self->fitted->pdata[e], X, error);
      double w = lb_voting_weight_of (self->weights, e);

      if (pred == NULL)
        {
          g_prefix_error (error, _("estimator ‘%s’: "),
                          ((LbNamedEstimator *) self->estimators->pdata[e])->name);
          return NULL;
        }
      /* numpy.average (predictions, axis=1, weights) */
      for (gsize i = 0; i < n; i++)
        lb_matrix_get_data (out)[i] += w * lb_matrix_get_const_data (pred)[i];
      total += w;
    }
  for (gsize i = 0; i < n; i++)
    lb_matrix_get_data (out)[i] /= total;
  return g_steal_pointer (&out);
}

static JsonNode *
lb_voting_regressor_save_state (LbEstimator *est,
                                 GError     **error)
{
  LbVotingRegressor *self = LB_VOTING_REGRESSOR (est);

  return lb_ensemble_save_children ((LbEstimator * const *) self->fitted->pdata, self->fitted->len,
                                    error);
}

static gboolean
lb_voting_regressor_load_state (LbEstimator *est,
                                 JsonNode    *state,
                                 GError     **error)
{
  LbVotingRegressor *self = LB_VOTING_REGRESSOR (est);
  g_autoptr(GPtrArray) fitted = lb_voting_load_members (est, self->estimators, state, error);

  if (fitted == NULL)
    return FALSE;
  g_clear_pointer (&self->fitted, g_ptr_array_unref);
  self->fitted = g_steal_pointer (&fitted);
  return TRUE;
}

static JsonNode *
lb_voting_regressor_describe_state (LbEstimator *est)
{
  LbVotingRegressor *self = LB_VOTING_REGRESSOR (est);

  return lb_voting_describe (self->estimators, self->fitted);
}

static LbEstimator *
lb_voting_regressor_get_child (LbEstimator *est,
                                const char  *name)
{
  /* "estimators.lr.C": the list's own name leads back to the ensemble, whose
   * children are the members (as "steps.model.alpha" in a pipeline). */
  if (g_str_equal (name, "estimators"))
    return est;
  return lb_ensemble_list_find (LB_VOTING_REGRESSOR (est)->estimators, name);
}

static gboolean
lb_voting_regressor_set_child (LbEstimator *est,
                                const char  *name,
                                LbEstimator *child,
                                GError     **error)
{
  return lb_voting_set_child (est, LB_VOTING_REGRESSOR (est)->estimators,
                              properties[PROP_ESTIMATORS], name, child, error);
}

static gboolean
lb_voting_regressor_check_param_value (LbEstimator  *est,
                                        GParamSpec   *pspec,
                                        const GValue *value,
                                        GError      **error)
{
  return lb_voting_check_param_value (pspec, value, properties[PROP_ESTIMATORS],
                                      properties[PROP_WEIGHTS], error);
}

static void
lb_voting_regressor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LbVotingRegressor *self = LB_VOTING_REGRESSOR (object);

  switch (prop_id)
    {
    case PROP_ESTIMATORS:
      g_value_take_boxed (value, lb_ensemble_list_to_json (self->estimators));
      break;
    case PROP_WEIGHTS:
      g_value_set_boxed (value, self->weights);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_voting_regressor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LbVotingRegressor *self = LB_VOTING_REGRESSOR (object);

  switch (prop_id)
    {
    case PROP_ESTIMATORS:
      lb_voting_set_estimators (LB_ESTIMATOR (self), &self->estimators, value, pspec);
      break;
    case PROP_WEIGHTS:
      lb_voting_set_weights (object, &self->weights, value, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_voting_regressor_finalize (GObject *object)
{
  LbVotingRegressor *self = LB_VOTING_REGRESSOR (object);

  g_ptr_array_unref (self->estimators);
  g_clear_pointer (&self->fitted, g_ptr_array_unref);
  g_clear_pointer (&self->weights, json_node_unref);
  G_OBJECT_CLASS (lb_voting_regressor_parent_class)->finalize (object);
}

static void
lb_voting_regressor_class_init (LbVotingRegressorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_voting_regressor_get_property;
  object_class->set_property = lb_voting_regressor_set_property;
  object_class->finalize = lb_voting_regressor_finalize;

  est_class->name = "VotingRegressor";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y;
  est_class->check_params = lb_voting_regressor_check_params;
  est_class->fit = lb_voting_regressor_fit;
  est_class->reset = lb_voting_regressor_reset;
  est_class->predict = lb_voting_regressor_predict;
  est_class->save_state = lb_voting_regressor_save_state;
  est_class->load_state = lb_voting_regressor_load_state;
  est_class->describe_state = lb_voting_regressor_describe_state;
  est_class->get_child = lb_voting_regressor_get_child;
  est_class->set_child = lb_voting_regressor_set_child;
  est_class->check_param_value = lb_voting_regressor_check_param_value;

  properties[PROP_ESTIMATORS] =
    g_param_spec_boxed ("estimators", N_("Estimators"),
                        N_("The named regressors whose predictions are averaged"),
                        JSON_TYPE_NODE, flags);
  properties[PROP_WEIGHTS] =
    g_param_spec_boxed ("weights", N_("Weights"),
                        N_("One weight per estimator in the average (null: equal weights)"),
                        JSON_TYPE_NODE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_voting_regressor_init (LbVotingRegressor *self)
{
  self->estimators = lb_ensemble_parse_list (NULL, "estimators", NULL);
}

LbEstimator *
lb_voting_regressor_new (void)
{
  return g_object_new (LB_TYPE_VOTING_REGRESSOR, NULL);
}

LbEstimator *
lb_voting_regressor_get_fitted (LbVotingRegressor *self,
                                 const char         *name)
{
  g_return_val_if_fail (LB_IS_VOTING_REGRESSOR (self), NULL);
  return lb_voting_find_fitted (self->estimators, self->fitted, name);
}
