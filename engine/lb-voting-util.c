/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-voting-util.c: the parts of VotingClassifier and VotingRegressor that do
 * not depend on how the members' predictions are combined (see
 * lb-voting-private.h).
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-voting-private.h"
#include "lb-ensemble-private.h"
#include "lb-estimator-private.h"

gboolean
lb_voting_check_weights (JsonNode *weights,
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

double
lb_voting_weight_of (JsonNode *weights,
                     guint     i)
{
  if (weights == NULL || JSON_NODE_HOLDS_NULL (weights))
    return 1.0;
  return json_array_get_double_element (json_node_get_array (weights), i);
}

gboolean
lb_voting_check_members (LbEstimator *est,
                         GPtrArray   *estimators,
                         JsonNode    *weights,
                         gboolean     classifiers,
                         GError     **error)
{
  if (estimators->len == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("estimators: %s needs at least one estimator"), lb_estimator_get_name (est));
      return FALSE;
    }
  for (guint i = 0; i < estimators->len; i++)
    {
      LbNamedEstimator *item = estimators->pdata[i];

      if (classifiers && !lb_estimator_is_classifier (item->estimator))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("estimators: ‘%s’ (%s) is not a classifier"), item->name,
                       lb_estimator_get_name (item->estimator));
          return FALSE;
        }
      if (!classifiers && !lb_estimator_is_regressor (item->estimator))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("estimators: ‘%s’ (%s) is not a regressor"), item->name,
                       lb_estimator_get_name (item->estimator));
          return FALSE;
        }
    }
  return lb_voting_check_weights (weights, estimators->len, error);
}

GPtrArray *
lb_voting_fit_members (GPtrArray    *estimators,
                       LbMatrix     *X,
                       LbMatrix     *y,
                       LbFitContext *ctx,
                       GError      **error)
{
  g_autoptr(GPtrArray) fitted = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = estimators->len;

  for (guint i = 0; i < n; i++)
    {
      LbNamedEstimator *item = estimators->pdata[i];
      g_autoptr(LbFitContext) child = lb_fit_context_new_child (ctx, i, (double) i / n,
                                                                (double) (i + 1) / n);
      g_autoptr(LbEstimator) copy = lb_estimator_clone (item->estimator);

      /* Each estimator fits as it would alone, with the ensemble's seed. */
      lb_fit_context_set_seed (child, lb_fit_context_get_seed (ctx));
      if (!lb_estimator_fit (copy, X, y, child, error))
        {
          if (error != NULL && *error != NULL &&
              !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (error, _("estimator ‘%s’: "), item->name);
          return NULL;
        }
      lb_fit_context_report_fraction (child, 1.0);
      g_ptr_array_add (fitted, g_steal_pointer (&copy));
    }
  return g_steal_pointer (&fitted);
}

GPtrArray *
lb_voting_load_members (LbEstimator *est,
                        GPtrArray   *estimators,
                        JsonNode    *state,
                        GError     **error)
{
  g_autofree LbEstimator **templates = g_new (LbEstimator *, MAX (estimators->len, 1));
  g_autoptr(GPtrArray) fitted = NULL;

  for (guint i = 0; i < estimators->len; i++)
    templates[i] = ((LbNamedEstimator *) estimators->pdata[i])->estimator;
  if (estimators->len == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("estimators: %s needs at least one estimator"), lb_estimator_get_name (est));
      return NULL;
    }
  fitted = lb_ensemble_load_children (state, "estimators_", templates, estimators->len, error);
  if (fitted == NULL)
    return NULL;
  if (fitted->len != estimators->len)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The state holds %u fitted estimators for %u estimators"),
                   fitted->len, estimators->len);
      return NULL;
    }
  return g_steal_pointer (&fitted);
}

JsonNode *
lb_voting_describe (GPtrArray *estimators,
                    GPtrArray *fitted)
{
  JsonObject *object, *children;
  JsonNode *node;

  if (fitted == NULL)
    return NULL;
  object = json_object_new ();
  children = json_object_new ();
  for (guint i = 0; i < fitted->len; i++)
    {
      JsonNode *d = lb_estimator_describe_state (fitted->pdata[i]);

      json_object_set_member (children, ((LbNamedEstimator *) estimators->pdata[i])->name,
                              d != NULL ? d : json_node_init_null (json_node_alloc ()));
    }
  json_object_set_object_member (object, "named_estimators_", children);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

LbEstimator *
lb_voting_find_fitted (GPtrArray  *estimators,
                       GPtrArray  *fitted,
                       const char *name)
{
  if (fitted == NULL)
    return NULL;
  for (guint i = 0; i < estimators->len; i++)
    if (g_str_equal (((LbNamedEstimator *) estimators->pdata[i])->name, name))
      return fitted->pdata[i];
  return NULL;
}

gboolean
lb_voting_set_child (LbEstimator *est,
                     GPtrArray   *estimators,
                     GParamSpec  *estimators_pspec,
                     const char  *name,
                     LbEstimator *child,
                     GError     **error)
{
  if (!lb_ensemble_list_replace (estimators, name, child, error))
    return FALSE;
  lb_estimator_clear_fitted (est);
  g_object_notify_by_pspec (G_OBJECT (est), estimators_pspec);
  return TRUE;
}

gboolean
lb_voting_check_param_value (GParamSpec   *pspec,
                             const GValue *value,
                             GParamSpec   *estimators_pspec,
                             GParamSpec   *weights_pspec,
                             GError      **error)
{
  if (pspec == estimators_pspec)
    {
      g_autoptr(GPtrArray) list = lb_ensemble_parse_list (g_value_get_boxed (value), "estimators",
                                                          error);

      return list != NULL;
    }
  if (pspec == weights_pspec)
    return lb_voting_check_weights (g_value_get_boxed (value), G_MAXUINT, error);
  return TRUE;
}

void
lb_voting_set_estimators (LbEstimator  *est,
                          GPtrArray   **estimators,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = lb_ensemble_parse_list (g_value_get_boxed (value), "estimators", &error);

  if (list == NULL)
    {
      g_critical ("%s: %s", lb_estimator_get_name (est), error->message);
      return;
    }
  g_ptr_array_unref (*estimators);
  *estimators = list;
  lb_estimator_clear_fitted (est);
  g_object_notify_by_pspec (G_OBJECT (est), pspec);
}

void
lb_voting_set_weights (GObject       *object,
                       JsonNode     **weights,
                       const GValue  *value,
                       GParamSpec    *pspec)
{
  JsonNode *w = g_value_get_boxed (value);

  g_clear_pointer (weights, json_node_unref);
  if (w != NULL && !JSON_NODE_HOLDS_NULL (w))
    *weights = json_node_copy (w);
  g_object_notify_by_pspec (object, pspec);
}
