/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-adaboost-util.c: the saved state and described state that the AdaBoost
 * classifier and regressor share (see lb-adaboost-private.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-adaboost-private.h"
#include "lb-ensemble-private.h"
#include "lb-estimator-private.h"

JsonNode *
lb_adaboost_save_state (GPtrArray     *estimators,
                        const double  *weights,
                        const double  *errors,
                        GError       **error)
{
  JsonNode *children = lb_ensemble_save_children ((LbEstimator * const *) estimators->pdata,
                                                  estimators->len, error);
  JsonObject *object;
  JsonNode *node;

  if (children == NULL)
    return NULL;
  object = json_object_new ();
  json_object_set_member (object, "estimators", children);
  json_object_set_member (object, "weights", lb_state_from_doubles (weights, estimators->len));
  json_object_set_member (object, "errors", lb_state_from_doubles (errors, estimators->len));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

GPtrArray *
lb_adaboost_load_state (JsonNode     *state,
                        LbEstimator  *base,
                        const char   *default_name,
                        const char   *default_params,
                        double      **weights_out,
                        double      **errors_out,
                        GError      **error)
{
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(LbEstimator) template = NULL;
  g_autofree double *weights = NULL, *errors = NULL;
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (state))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, _("The AdaBoost state must be an object"));
      return NULL;
    }
  object = json_node_get_object (state);
  if ((member = lb_state_get_member (object, "estimators", JSON_NODE_ARRAY, error)) == NULL ||
      (template = lb_ensemble_new_base (base, default_name, default_params, error)) == NULL ||
      (children = lb_ensemble_load_children (member, "estimators", &template, 1, error)) == NULL)
    return NULL;
  if (children->len == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, _("The AdaBoost state holds no estimator"));
      return NULL;
    }
  weights = g_new (double, children->len);
  errors = g_new (double, children->len);
  if (!lb_state_to_doubles (json_object_get_member (object, "weights"), weights, children->len,
                            "weights", error) ||
      !lb_state_to_doubles (json_object_get_member (object, "errors"), errors, children->len,
                            "errors", error))
    return NULL;
  *weights_out = g_steal_pointer (&weights);
  *errors_out = g_steal_pointer (&errors);
  return g_steal_pointer (&children);
}

JsonNode *
lb_adaboost_describe_state (LbEstimator  *est,
                            GPtrArray    *estimators,
                            const double *weights,
                            const double *errors)
{
  guint p = lb_estimator_get_n_features_in (est);
  g_autofree double *imp = NULL;
  JsonObject *object;
  JsonArray *w, *e;
  JsonNode *node;
  gboolean have = TRUE;
  double norm = 0.0;

  if (estimators == NULL)
    return NULL;
  object = json_object_new ();
  w = json_array_new ();
  e = json_array_new ();
  imp = g_new0 (double, MAX (p, 1));
  for (guint i = 0; i < estimators->len; i++)
    {
      json_array_add_double_element (w, weights[i]);
      json_array_add_double_element (e, errors[i]);
      norm += weights[i];
      have = have && lb_ensemble_add_importances (estimators->pdata[i], weights[i], imp, p);
    }
  json_object_set_int_member (object, "n_estimators_", estimators->len);
  json_object_set_array_member (object, "estimator_weights_", w);
  json_object_set_array_member (object, "estimator_errors_", e);
  if (have && norm > 0)
    {
      /* scikit-learn: Σ weight · importances / Σ weight */
      for (guint j = 0; j < p; j++)
        imp[j] /= norm;
      json_object_set_member (object, "feature_importances_", lb_ensemble_importances_json (est, imp, p));
    }
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

gboolean
lb_adaboost_check_stage (LbEstimator  *est,
                         GPtrArray    *estimators,
                         LbMatrix     *X,
                         guint         n_stages,
                         GError      **error)
{
  if (estimators == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                   _("This %s is not fitted yet: call fit before using it"), lb_estimator_get_name (est));
      return FALSE;
    }
  if (n_stages < 1 || n_stages > estimators->len)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("stage %u: the model has rounds 1 to %u"), n_stages, estimators->len);
      return FALSE;
    }
  if (lb_matrix_get_n_cols (X) != lb_estimator_get_n_features_in (est))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("X has %u features, the model was fitted on %u"),
                   (guint) lb_matrix_get_n_cols (X), lb_estimator_get_n_features_in (est));
      return FALSE;
    }
  return TRUE;
}
