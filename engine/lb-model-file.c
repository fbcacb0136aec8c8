/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-model-file.c: saving and loading fitted estimators as versioned JSON.
 * Loading distrusts the file: size and nesting depth are checked before
 * parsing (json-glib's parser recurses), every member's kind is checked, the
 * estimator is rebuilt through the registry and its state is validated by
 * lb_estimator_load_state (shapes against payload lengths).
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-model-file.h"
#include "lb-estimator-private.h"

/* Deeper nesting than any real model (a pipeline of column transformers of
 * pipelines is ~12 levels) is refused before json-glib recurses into it. */
#define MAX_DEPTH 256

static gboolean
file_error (GError    **error,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static gboolean
file_error (GError    **error,
            const char *format,
            ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, message);
  return FALSE;
}

JsonNode *
lb_model_file_to_json (LbEstimator *estimator,
                       JsonObject  *metadata,
                       GError     **error)
{
  g_autoptr(JsonNode) state = NULL;
  JsonObject *root, *est;
  JsonNode *node;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator), NULL);
  state = lb_estimator_save_state (estimator, error);
  if (state == NULL)
    return NULL;

  est = json_object_new ();
  json_object_set_string_member (est, "name", lb_estimator_get_spec_name (estimator));
  json_object_set_member (est, "params", lb_estimator_get_params (estimator));
  json_object_set_member (est, "state", g_steal_pointer (&state));

  root = json_object_new ();
  json_object_set_string_member (root, "format", LB_MODEL_FILE_FORMAT);
  json_object_set_int_member (root, "version", LB_MODEL_FILE_VERSION);
  if (metadata != NULL)
    json_object_set_object_member (root, "metadata", json_object_ref (metadata));
  json_object_set_object_member (root, "estimator", est);
  node = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);
  return node;
}

gboolean
lb_model_file_save_full (LbEstimator *estimator,
                         JsonObject  *metadata,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  root = lb_model_file_to_json (estimator, metadata, error);
  if (root == NULL)
    return FALSE;
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_file_set_contents (path, text, length, error);
}

gboolean
lb_model_file_save (LbEstimator *estimator,
                    const char  *path,
                    GError     **error)
{
  return lb_model_file_save_full (estimator, NULL, path, error);
}

LbEstimator *
lb_model_file_from_json (JsonNode    *root,
                         JsonObject **metadata_out,
                         GError     **error)
{
  JsonObject *object, *est;
  JsonNode *member, *params, *state;
  g_autoptr(LbEstimator) estimator = NULL;
  g_autoptr(GError) local = NULL;
  const char *name;

  g_return_val_if_fail (root != NULL, NULL);
  if (metadata_out != NULL)
    *metadata_out = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      file_error (error, _("Not a Learnbench model file: the top level is not an object"));
      return NULL;
    }
  object = json_node_get_object (root);
  member = json_object_get_member (object, "format");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (member), LB_MODEL_FILE_FORMAT))
    {
      file_error (error, _("Not a Learnbench model file (\"format\" is not \"%s\")"),
                  LB_MODEL_FILE_FORMAT);
      return NULL;
    }
  member = json_object_get_member (object, "version");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64)
    {
      file_error (error, _("The model file has no version"));
      return NULL;
    }
  if (json_node_get_int (member) != LB_MODEL_FILE_VERSION)
    {
      file_error (error, _("The model file has version %" PRId64
                           "; this Learnbench reads version %d"),
                  json_node_get_int (member), LB_MODEL_FILE_VERSION);
      return NULL;
    }
  member = json_object_get_member (object, "estimator");
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    {
      file_error (error, _("The model file has no \"estimator\" object"));
      return NULL;
    }
  est = json_node_get_object (member);
  member = json_object_get_member (est, "name");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    {
      file_error (error, _("estimator.name: missing"));
      return NULL;
    }
  name = json_node_get_string (member);
  estimator = lb_estimator_new_by_name (name, &local);
  if (estimator == NULL)
    {
      file_error (error, _("estimator.name: %s"), local->message);
      return NULL;
    }
  params = json_object_get_member (est, "params");
  if (params != NULL && !JSON_NODE_HOLDS_NULL (params))
    {
      if (!JSON_NODE_HOLDS_OBJECT (params))
        {
          file_error (error, _("estimator.params: not an object"));
          return NULL;
        }
      if (!lb_estimator_set_params (estimator, json_node_get_object (params), &local))
        {
          file_error (error, _("estimator.params: %s"), local->message);
          return NULL;
        }
    }
  state = json_object_get_member (est, "state");
  if (state == NULL)
    {
      file_error (error, _("estimator.state: missing (the model was not fitted?)"));
      return NULL;
    }
  if (!lb_estimator_load_state (estimator, state, &local))
    {
      file_error (error, _("estimator.state: %s"), local->message);
      return NULL;
    }

  member = json_object_get_member (object, "metadata");
  if (metadata_out != NULL && member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    *metadata_out = json_object_ref (json_node_get_object (member));
  return g_steal_pointer (&estimator);
}

/* The deepest nesting of [ and { outside strings, stopping past @limit. */
static guint
nesting_depth (const char *data,
               gsize       length,
               guint       limit)
{
  guint depth = 0, max = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max)
            max = depth;
          if (max > limit)
            return max;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return max;
}

LbEstimator *
lb_model_file_load_from_data (const char  *data,
                              gsize        length,
                              JsonObject **metadata_out,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if (metadata_out != NULL)
    *metadata_out = NULL;
  if (length == 0)
    {
      file_error (error, _("The model file is empty"));
      return NULL;
    }
  if (nesting_depth (data, length, MAX_DEPTH) > MAX_DEPTH)
    {
      file_error (error, _("The model file nests deeper than %d levels: refused"), MAX_DEPTH);
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      file_error (error, _("The model file is not valid JSON: %s"), local->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      file_error (error, _("The model file is empty"));
      return NULL;
    }
  return lb_model_file_from_json (json_parser_get_root (parser), metadata_out, error);
}

LbEstimator *
lb_model_file_load_full (const char  *path,
                         JsonObject **metadata_out,
                         GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  if (metadata_out != NULL)
    *metadata_out = NULL;
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if ((guint64) g_file_info_get_size (info) > LB_MODEL_FILE_MAX_SIZE)
    {
      file_error (error, _("%s is larger than %zu MiB: not a model file"),
                  path, LB_MODEL_FILE_MAX_SIZE >> 20);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return lb_model_file_load_from_data (data, length, metadata_out, error);
}

LbEstimator *
lb_model_file_load (const char *path,
                    GError    **error)
{
  return lb_model_file_load_full (path, NULL, error);
}
