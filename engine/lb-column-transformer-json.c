/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-column-transformer-json.c: LbColumnTransformer's groups as the JSON
 * "transformers" parameter (parsed with errors naming the group) and its
 * learned state (column indices per group, each validated against the input
 * width on load, plus each group transformer's own state).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-column-transformer-private.h"
#include "lb-estimator-private.h"

void
lb_column_transformer_group_free (gpointer data)
{
  LbColumnGroup *group = data;

  g_free (group->name);
  g_strfreev (group->columns);
  g_clear_object (&group->transformer);
  g_clear_pointer (&group->indices, g_array_unref);
  g_free (group);
}

gboolean
lb_column_transformer_check_group_name (GPtrArray  *groups,
                  const char *name,
                  GError    **error)
{
  if (name == NULL || *name == '\0' || strchr (name, '.') != NULL || strstr (name, "__") != NULL ||
      g_str_equal (name, "transformers") || g_str_equal (name, "remainder"))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("‘%s’ cannot name a column group: use a non-empty name without ‘.’ or ‘__’"),
                   name != NULL ? name : "");
      return FALSE;
    }
  for (guint i = 0; i < groups->len; i++)
    if (g_str_equal (((LbColumnGroup *) groups->pdata[i])->name, name))
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                     _("Two column groups are called ‘%s’: names must be unique"), name);
        return FALSE;
      }
  return TRUE;
}

/* --- the groups as JSON --- */

GPtrArray *
lb_column_transformer_parse_groups (JsonNode  *json,
              GError   **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (lb_column_transformer_group_free);
  JsonArray *array;

  if (json == NULL || JSON_NODE_HOLDS_NULL (json))
    return g_steal_pointer (&groups);
  if (!JSON_NODE_HOLDS_ARRAY (json))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("transformers: must be a list of {\"name\", \"columns\", \"estimator\"}"));
      return NULL;
    }
  array = json_node_get_array (json);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local = NULL;
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
      JsonObject *object;
      JsonNode *member, *est;
      const char *name = NULL;
      LbColumnGroup *group;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("transformers[%u]: a group is an object with \"name\", \"columns\" and \"estimator\""), i);
          return NULL;
        }
      object = json_node_get_object (node);
      member = json_object_get_member (object, "name");
      if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
          json_node_get_value_type (member) == G_TYPE_STRING)
        name = json_node_get_string (member);
      if (!lb_column_transformer_check_group_name (groups, name, &local))
        {
          g_set_error (error, LB_ENGINE_ERROR, local->code, "transformers[%u]: %s", i, local->message);
          return NULL;
        }
      member = json_object_get_member (object, "columns");
      if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("transformers[%u] (%s): \"columns\" must be a list of column names"), i, name);
          return NULL;
        }
      for (guint c = 0; c < json_array_get_length (json_node_get_array (member)); c++)
        {
          JsonNode *e = json_array_get_element (json_node_get_array (member), c);

          if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("transformers[%u] (%s): columns[%u] is not a name"), i, name, c);
              return NULL;
            }
          g_ptr_array_add (columns, g_strdup (json_node_get_string (e)));
        }
      g_ptr_array_add (columns, NULL);

      group = g_new0 (LbColumnGroup, 1);
      group->name = g_strdup (name);
      group->columns = (char **) g_ptr_array_steal (columns, NULL);
      g_ptr_array_add (groups, group);

      est = json_object_get_member (object, "estimator");
      if (est != NULL && JSON_NODE_HOLDS_VALUE (est) && json_node_get_value_type (est) == G_TYPE_STRING &&
          (g_str_equal (json_node_get_string (est), "passthrough") ||
           g_str_equal (json_node_get_string (est), "drop")))
        {
          group->kind = g_str_equal (json_node_get_string (est), "drop") ? LB_COLUMN_GROUP_DROP : LB_COLUMN_GROUP_PASSTHROUGH;
          continue;
        }
      if (est == NULL || JSON_NODE_HOLDS_NULL (est))
        {
          group->kind = LB_COLUMN_GROUP_PASSTHROUGH;
          continue;
        }
      {
        /* {"name", "columns", "estimator", "params"}: the estimator spec is
         * the same object without "columns". */
        JsonObject *spec = json_object_new ();
        g_autoptr(JsonNode) spec_node = NULL;
        JsonNode *params = json_object_get_member (object, "params");
        g_autoptr(GList) members = json_object_get_members (object);

        for (GList *l = members; l != NULL; l = l->next)
          if (!g_str_equal (l->data, "name") && !g_str_equal (l->data, "columns") &&
              !g_str_equal (l->data, "estimator") && !g_str_equal (l->data, "params"))
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
                           _("transformers[%u] (%s): unknown key ‘%s’"), i, name, (const char *) l->data);
              json_object_unref (spec);
              return NULL;
            }
        json_object_set_member (spec, "estimator", json_node_copy (est));
        if (params != NULL)
          json_object_set_member (spec, "params", json_node_copy (params));
        spec_node = json_node_init_object (json_node_alloc (), spec);
        json_object_unref (spec);
        if (JSON_NODE_HOLDS_OBJECT (est))
          {
            /* "estimator": {"estimator": "Pipeline", "params": …} (nested form) */
            g_clear_pointer (&spec_node, json_node_unref);
            spec_node = json_node_copy (est);
          }
        group->transformer = lb_estimator_new_from_json (spec_node, &local);
        if (group->transformer == NULL)
          {
            g_set_error (error, local->domain, local->code, "transformers[%u] (%s): %s",
                         i, name, local->message);
            return NULL;
          }
        group->kind = LB_COLUMN_GROUP_TRANSFORM;
      }
    }
  return g_steal_pointer (&groups);
}

JsonNode *
lb_column_transformer_groups_to_json (LbColumnTransformer *self)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < self->groups->len; i++)
    {
      LbColumnGroup *group = self->groups->pdata[i];
      JsonObject *object = json_object_new ();
      JsonArray *columns = json_array_new ();

      json_object_set_string_member (object, "name", group->name);
      for (guint c = 0; group->columns[c] != NULL; c++)
        json_array_add_string_element (columns, group->columns[c]);
      json_object_set_array_member (object, "columns", columns);
      if (group->kind == LB_COLUMN_GROUP_TRANSFORM)
        {
          json_object_set_string_member (object, "estimator", lb_estimator_get_spec_name (group->transformer));
          json_object_set_member (object, "params", lb_estimator_get_params (group->transformer));
        }
      else
        json_object_set_string_member (object, "estimator",
                                       group->kind == LB_COLUMN_GROUP_DROP ? "drop" : "passthrough");
      json_array_add_object_element (array, object);
    }
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

/* --- learned state --- */

static JsonNode *
indices_to_json (GArray *indices)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint c = 0; c < indices->len; c++)
    json_array_add_int_element (array, g_array_index (indices, guint, c));
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

static GArray *
indices_from_json (JsonNode   *node,
                   guint       n_features,
                   const char *what,
                   GError    **error)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, _("%s: expected a list of column indices"), what);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint c = 0; c < json_array_get_length (array); c++)
    {
      JsonNode *e = json_array_get_element (array, c);
      gint64 j;

      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_INT64 ||
          (j = json_node_get_int (e)) < 0 || j >= n_features)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                       _("%s: column index %u is not in [0, %u)"), what, c, n_features);
          return NULL;
        }
      {
        guint u = (guint) j;

        g_array_append_val (indices, u);
      }
    }
  return g_steal_pointer (&indices);
}

JsonNode *
lb_column_transformer_save_state (LbEstimator *est,
                                  GError     **error)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (est);
  JsonObject *object = json_object_new ();
  JsonArray *groups = json_array_new ();
  JsonNode *node;

  for (guint g = 0; g < self->groups->len; g++)
    {
      LbColumnGroup *group = self->groups->pdata[g];
      JsonObject *gs = json_object_new ();

      json_object_set_member (gs, "indices", indices_to_json (group->indices));
      if (group->kind == LB_COLUMN_GROUP_TRANSFORM)
        {
          JsonNode *state = lb_estimator_save_state (group->transformer, error);

          if (state == NULL)
            {
              g_prefix_error (error, _("column group ‘%s’: "), group->name);
              json_object_unref (gs);
              json_array_unref (groups);
              json_object_unref (object);
              return NULL;
            }
          json_object_set_member (gs, "state", state);
        }
      json_array_add_object_element (groups, gs);
    }
  json_object_set_array_member (object, "groups", groups);
  json_object_set_member (object, "remainder", indices_to_json (self->remainder_indices));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

gboolean
lb_column_transformer_load_state (LbEstimator *est,
                                  JsonNode    *state,
                                  GError     **error)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (est);
  guint p = lb_estimator_get_n_features_in (est);
  JsonObject *object;
  JsonNode *groups;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_OBJECT (state))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, _("The column transformer's state must be an object"));
      return FALSE;
    }
  object = json_node_get_object (state);
  groups = lb_state_get_member (object, "groups", JSON_NODE_ARRAY, error);
  if (groups == NULL)
    return FALSE;
  array = json_node_get_array (groups);
  if (json_array_get_length (array) != self->groups->len)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The column transformer's state lists %u groups, its parameters %u"),
                   json_array_get_length (array), self->groups->len);
      return FALSE;
    }
  for (guint g = 0; g < self->groups->len; g++)
    {
      LbColumnGroup *group = self->groups->pdata[g];
      JsonNode *gs = json_array_get_element (array, g);
      JsonObject *go;

      if (!JSON_NODE_HOLDS_OBJECT (gs))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, _("groups[%u]: not an object"), g);
          return FALSE;
        }
      go = json_node_get_object (gs);
      group->indices = indices_from_json (json_object_get_member (go, "indices"), p, group->name, error);
      if (group->indices == NULL)
        return FALSE;
      if (group->indices->len != g_strv_length (group->columns))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                       _("%s: %u column indices for %u columns"), group->name,
                       group->indices->len, g_strv_length (group->columns));
          return FALSE;
        }
      if (group->kind == LB_COLUMN_GROUP_TRANSFORM &&
          !lb_estimator_load_state (group->transformer, json_object_get_member (go, "state"), error))
        {
          g_prefix_error (error, _("column group ‘%s’: "), group->name);
          return FALSE;
        }
    }
  self->remainder_indices = indices_from_json (json_object_get_member (object, "remainder"), p,
                                               "remainder", error);
  return self->remainder_indices != NULL;
}
