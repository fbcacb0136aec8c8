/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-ensemble-util.c: helpers shared by the ensemble meta-estimators (see
 * lb-ensemble-private.h): named estimator lists, base estimators by name,
 * class-code mapping between an ensemble and its children, fitted children in
 * model files, averaged feature importances.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-ensemble-private.h"
#include "lb-estimator-private.h"

static void
named_free (gpointer data)
{
  LbNamedEstimator *n = data;

  g_free (n->name);
  g_clear_object (&n->estimator);
  g_free (n);
}

GPtrArray *
lb_ensemble_parse_list (JsonNode   *json,
                        const char *param,
                        GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (named_free);
  JsonArray *array;

  if (json == NULL || JSON_NODE_HOLDS_NULL (json))
    return g_steal_pointer (&list);
  if (!JSON_NODE_HOLDS_ARRAY (json))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("%s: must be a list of {\"name\", \"estimator\", \"params\"}"), param);
      return NULL;
    }
  array = json_node_get_array (json);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local = NULL;
      const char *name = NULL;
      LbNamedEstimator *item;
      LbEstimator *est;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonNode *n = json_object_get_member (json_node_get_object (node), "name");

          if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
            name = json_node_get_string (n);
        }
      if (name == NULL || *name == '\0' || strchr (name, '.') != NULL || strstr (name, "__") != NULL)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("%s[%u]: an element is an object with a \"name\" (without ‘.’ or ‘__’) "
                         "and an \"estimator\""), param, i);
          return NULL;
        }
      if (lb_ensemble_list_find (list, name) != NULL)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("%s: two estimators are called ‘%s’: names must be unique"), param, name);
          return NULL;
        }
      est = lb_estimator_new_from_json (node, &local);
      if (est == NULL)
        {
          g_set_error (error, local->domain, local->code, "%s[%u] (%s): %s", param, i, name,
                       local->message);
          return NULL;
        }
      item = g_new0 (LbNamedEstimator, 1);
      item->name = g_strdup (name);
      item->estimator = est;
      g_ptr_array_add (list, item);
    }
  return g_steal_pointer (&list);
}

JsonNode *
lb_ensemble_list_to_json (GPtrArray *list)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < list->len; i++)
    {
      LbNamedEstimator *item = list->pdata[i];
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "name", item->name);
      json_object_set_string_member (object, "estimator", lb_estimator_get_spec_name (item->estimator));
      json_object_set_member (object, "params", lb_estimator_get_params (item->estimator));
      json_array_add_object_element (array, object);
    }
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

LbEstimator *
lb_ensemble_list_find (GPtrArray  *list,
                       const char *name)
{
  for (guint i = 0; i < list->len; i++)
    {
      LbNamedEstimator *item = list->pdata[i];

      if (g_str_equal (item->name, name))
        return item->estimator;
    }
  return NULL;
}

gboolean
lb_ensemble_list_replace (GPtrArray   *list,
                          const char  *name,
                          LbEstimator *estimator,
                          GError     **error)
{
  for (guint i = 0; i < list->len; i++)
    {
      LbNamedEstimator *item = list->pdata[i];

      if (g_str_equal (item->name, name))
        {
          g_set_object (&item->estimator, estimator);
          return TRUE;
        }
    }
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
               _("There is no estimator called ‘%s’"), name);
  return FALSE;
}

LbEstimator *
lb_ensemble_new_base (LbEstimator *base,
                      const char  *default_name,
                      const char  *default_params,
                      GError     **error)
{
  g_autoptr(LbEstimator) est = NULL;

  if (base != NULL)
    return lb_estimator_clone (base);
  est = lb_estimator_new_by_name (default_name, error);
  if (est == NULL)
    return NULL;
  if (default_params != NULL)
    {
      g_autoptr(JsonNode) params = json_from_string (default_params, NULL);

      g_assert (params != NULL && JSON_NODE_HOLDS_OBJECT (params));
      if (!lb_estimator_set_params (est, json_node_get_object (params), error))
        return NULL;
    }
  return g_steal_pointer (&est);
}

LbMatrix *
lb_ensemble_named_y (LbEstimator *parent,
                     LbMatrix    *y)
{
  LbMatrix *copy = lb_matrix_copy (y);

  lb_matrix_set_categories (copy, 0, lb_estimator_get_classes (parent));
  return copy;
}

int *
lb_ensemble_class_map (LbEstimator *parent,
                       LbEstimator *child,
                       GError     **error)
{
  const char * const *pc = lb_estimator_get_classes (parent);
  const char * const *cc = lb_estimator_get_classes (child);
  guint n_child = lb_estimator_get_n_classes (child);
  g_autofree int *map = g_new (int, MAX (n_child, 1));

  if (pc == NULL || cc == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("%s inside %s is not a classifier"),
                   lb_estimator_get_name (child), lb_estimator_get_name (parent));
      return NULL;
    }
  for (guint j = 0; j < n_child; j++)
    {
      map[j] = -1;
      for (guint c = 0; pc[c] != NULL; c++)
        if (g_str_equal (pc[c], cc[j]))
          map[j] = c;
      if (map[j] < 0)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                       _("%s knows a class ‘%s’ that %s does not"),
                       lb_estimator_get_name (child), cc[j], lb_estimator_get_name (parent));
          return NULL;
        }
    }
  return g_steal_pointer (&map);
}

JsonNode *
lb_ensemble_save_children (LbEstimator * const *children,
                           guint                n,
                           GError             **error)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object;
      JsonNode *state = lb_estimator_save_state (children[i], error);

      if (state == NULL)
        {
          g_prefix_error (error, _("estimator %u: "), i);
          json_array_unref (array);
          return NULL;
        }
      object = json_object_new ();
      json_object_set_member (object, "spec", lb_estimator_to_json (children[i]));
      json_object_set_member (object, "state", state);
      json_array_add_object_element (array, object);
    }
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

GPtrArray *
lb_ensemble_load_children (JsonNode            *node,
                           const char          *what,
                           LbEstimator * const *templates,
                           guint                n_templates,
                           GError             **error)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("%s: expected a list of fitted estimators"), what);
      return NULL;
    }
  array = json_node_get_array (node);
  if (n_templates != 1 && json_array_get_length (array) != n_templates)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The state holds %u fitted estimators for %u estimators"),
                   json_array_get_length (array), n_templates);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      LbEstimator *template = templates[n_templates == 1 ? 0 : i];
      JsonObject *object;
      JsonNode *spec, *state, *name;
      g_autoptr(LbEstimator) est = NULL;
      g_autoptr(GError) local = NULL;

      /* The member is rebuilt from the ensemble's own parameters, never from the
       * file's copy of them: the "spec" only has to name the same estimator. */
      if (!JSON_NODE_HOLDS_OBJECT (item) ||
          (spec = json_object_get_member (object = json_node_get_object (item), "spec")) == NULL ||
          (state = json_object_get_member (object, "state")) == NULL ||
          !JSON_NODE_HOLDS_OBJECT (spec) ||
          (name = json_object_get_member (json_node_get_object (spec), "estimator")) == NULL ||
          !JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING ||
          !g_str_equal (json_node_get_string (name), lb_estimator_get_spec_name (template)))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                       _("%s[%u]: expected {\"spec\", \"state\"} of a %s"), what, i,
                       lb_estimator_get_name (template));
          return NULL;
        }
      est = lb_estimator_clone (template);
      if (!lb_estimator_load_state (est, state, &local))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, "%s[%u]: %s", what, i, local->message);
          return NULL;
        }
      g_ptr_array_add (children, g_steal_pointer (&est));
    }
  return g_steal_pointer (&children);
}

gboolean
lb_ensemble_add_importances (LbEstimator *child,
                             double       weight,
                             double      *sum,
                             guint        n_features)
{
  g_autoptr(JsonNode) d = lb_estimator_describe_state (child);
  JsonNode *member;

  if (d == NULL || !JSON_NODE_HOLDS_OBJECT (d))
    return FALSE;
  member = json_object_get_member (json_node_get_object (d), "feature_importances_");
  if (member == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *a = json_node_get_array (member);

      if (json_array_get_length (a) != n_features)
        return FALSE;
      for (guint j = 0; j < n_features; j++)
        sum[j] += weight * json_array_get_double_element (a, j);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObject *o = json_node_get_object (member);
      g_autoptr(GList) values = json_object_get_values (o);
      guint j = 0;

      /* {"name": value} in feature order */
      if (json_object_get_size (o) != n_features)
        return FALSE;
      for (GList *l = values; l != NULL; l = l->next, j++)
        sum[j] += weight * json_node_get_double (l->data);
      return TRUE;
    }
  return FALSE;
}

JsonNode *
lb_ensemble_importances_json (LbEstimator  *self,
                              const double *values,
                              guint         n_features)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint j = 0; j < n_features; j++)
    json_array_add_double_element (array, values[j]);
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

LbMatrix *
lb_ensemble_child_proba (LbEstimator *parent,
                         LbEstimator *child,
                         LbMatrix    *X,
                         GError     **error)
{
  guint k = lb_estimator_get_n_classes (parent);
  g_autoptr(LbMatrix) p = NULL;
  g_autofree int *map = NULL;
  LbMatrix *out;
  gsize n = lb_matrix_get_n_rows (X);
  guint kc;

  p = lb_estimator_predict_proba (child, X, error);
  if (p == NULL)
    return NULL;
  map = lb_ensemble_class_map (parent, child, error);
  if (map == NULL)
    return NULL;
  kc = lb_estimator_get_n_classes (child);
  if (kc == k)
    {
      gboolean same = TRUE;

      for (guint j = 0; j < k; j++)
        same = same && map[j] == (int) j;
      if (same)
        return g_steal_pointer (&p);
    }
  out = lb_matrix_new (n, k);
  for (gsize i = 0; i < n; i++)
    for (guint j = 0; j < kc; j++)
      LB_MATRIX_AT (out, i, map[j]) = LB_MATRIX_AT (p, i, j);
  return out;
}

LbFitContext *
lb_ensemble_member_context (LbFitContext *ctx,
                            guint64       index)
{
  g_autoptr(LbFitContext) child = lb_fit_context_new_child (ctx, index, 0.0, 0.0);
  LbFitContext *quiet = lb_fit_context_new ();

  lb_fit_context_set_cancellable (quiet, lb_fit_context_get_cancellable (ctx));
  lb_fit_context_set_seed (quiet, lb_fit_context_get_seed (child));
  lb_fit_context_set_n_threads (quiet, lb_fit_context_get_n_threads (ctx));
  return quiet;
}
