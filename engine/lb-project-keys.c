/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-project-keys.c: the small JSON walker the project parser is made of:
 * typed getters that know the key path they read ("split.test_size") and
 * put it in front of every error, and the check that refuses unknown keys.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "lb-project-private.h"

/* --- errors naming the key path --- */

gboolean
lb_project_fail (GError    **error,
                 const char *key,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, "%s: %s", key, message);
  return FALSE;
}

char *
lb_project_key_join (const char *parent,
                     const char *member)
{
  return *parent == '\0' ? g_strdup (member) : g_strdup_printf ("%s.%s", parent, member);
}

const char *
lb_project_node_kind (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "a list";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "true/false";
    default:
      return "a number";
    }
}

/* Every member of @object must be one of @allowed (NULL-terminated). */
gboolean
lb_project_check_keys (JsonObject        *object,
                       const char        *key,
                       const char * const *allowed,
                       GError           **error)
{
  g_autoptr (GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *where = lb_project_key_join (key, l->data);
        g_autofree char *list = g_strjoinv (", ", (char **) allowed);

        return lb_project_fail (error, where, _("unknown key (expected one of: %s)"), list);
      }
  return TRUE;
}

JsonObject *
lb_project_get_object (JsonObject *parent,
                       const char *parent_key,
                       const char *member,
                       gboolean    required,
                       GError    **error)
{
  JsonNode *node = json_object_get_member (parent, member);
  g_autofree char *key = lb_project_key_join (parent_key, member);

  if (node == NULL)
    {
      if (required)
        lb_project_fail (error, key, _("missing (required)"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      lb_project_fail (error, key, _("must be an object, not %s"), lb_project_node_kind (node));
      return NULL;
    }
  return json_node_get_object (node);
}

gboolean
lb_project_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* Optional string; *out stays as is when absent. */
gboolean
lb_project_get_string (JsonObject *parent,
                       const char *parent_key,
                       const char *member,
                       gboolean    required,
                       char      **out,
                       GError    **error)
{
  JsonNode *node = json_object_get_member (parent, member);
  g_autofree char *key = lb_project_key_join (parent_key, member);

  if (node == NULL)
    return required ? lb_project_fail (error, key, _("missing (required)")) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return lb_project_fail (error, key, _("must be a string, not %s"), lb_project_node_kind (node));
  if (*json_node_get_string (node) == '\0')
    return lb_project_fail (error, key, _("must not be empty"));
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
lb_project_get_boolean (JsonObject *parent,
                        const char *parent_key,
                        const char *member,
                        gboolean   *out,
                        GError    **error)
{
  JsonNode *node = json_object_get_member (parent, member);
  g_autofree char *key = lb_project_key_join (parent_key, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return lb_project_fail (error, key, _("must be true or false, not %s"), lb_project_node_kind (node));
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* A number in [@min, @max] (@open: the ends excluded). */
gboolean
lb_project_get_double (JsonObject *parent,
                       const char *parent_key,
                       const char *member,
                       double      min,
                       double      max,
                       gboolean    open,
                       double     *out,
                       GError    **error)
{
  JsonNode *node = json_object_get_member (parent, member);
  g_autofree char *key = lb_project_key_join (parent_key, member);
  double value;

  if (node == NULL)
    return TRUE;
  if (!lb_project_is_number (node))
    return lb_project_fail (error, key, _("must be a number, not %s"), lb_project_node_kind (node));
  value = json_node_get_double (node);
  if (open ? !(value > min && value < max) : !(value >= min && value <= max))
    return lb_project_fail (error, key, open ? _("must be between %g and %g, both excluded (got %.17g)")
                                  : _("must be between %g and %g (got %.17g)"),
                            min, max, value);
  *out = value;
  return TRUE;
}

gboolean
lb_project_get_uint (JsonObject *parent,
                     const char *parent_key,
                     const char *member,
                     guint       min,
                     guint       max,
                     guint      *out,
                     GError    **error)
{
  JsonNode *node = json_object_get_member (parent, member);
  g_autofree char *key = lb_project_key_join (parent_key, member);
  gint64 value;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return lb_project_fail (error, key, _("must be a whole number, not %s"), lb_project_node_kind (node));
  value = json_node_get_int (node);
  if (value < min || value > max)
    return lb_project_fail (error, key, _("must be between %u and %u (got %" PRId64 ")"),
                            min, max, value);
  *out = (guint) value;
  return TRUE;
}

/* A string or a number, kept as text ("0", "T-shirt/top"). */
gboolean
lb_project_get_scalar_string (JsonObject *parent,
                              const char *member,
                              char      **out,
                              GError    **error)
{
  JsonNode *node = json_object_get_member (parent, member);

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    *out = g_strdup (json_node_get_string (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (lb_project_is_number (node))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      *out = g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
    }
  else
    return lb_project_fail (error, member, _("must be a string or a number, not %s"), lb_project_node_kind (node));
  return TRUE;
}

/* A list of non-empty strings, without repeats. */
gboolean
lb_project_get_string_list (JsonObject *parent,
                            const char *parent_key,
                            const char *member,
                            gboolean    allow_empty,
                            char     ***out,
                            GError    **error)
{
  JsonNode *node = json_object_get_member (parent, member);
  g_autofree char *key = lb_project_key_join (parent_key, member);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return lb_project_fail (error, key, _("must be a list of strings, not %s"), lb_project_node_kind (node));
  array = json_node_get_array (node);
  if (!allow_empty && json_array_get_length (array) == 0)
    return lb_project_fail (error, key, _("must not be empty"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autofree char *ekey = g_strdup_printf ("%s[%u]", key, i);
      const char *s;

      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        return lb_project_fail (error, ekey, _("must be a string, not %s"), lb_project_node_kind (e));
      s = json_node_get_string (e);
      if (*s == '\0')
        return lb_project_fail (error, ekey, _("must not be empty"));
      if (!g_hash_table_add (seen, (gpointer) s))
        return lb_project_fail (error, ekey, _("“%s” is listed twice"), s);
      g_strv_builder_add (builder, s);
    }
  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Picks @value among @names (NULL-terminated); the index, or -1 after an error. */
int
lb_project_choose (const char         *key,
                   const char         *value,
                   const char * const *names,
                   GError            **error)
{
  g_autofree char *list = NULL;

  for (int i = 0; names[i] != NULL; i++)
    if (strcmp (value, names[i]) == 0)
      return i;
  list = g_strjoinv (", ", (char **) names);
  lb_project_fail (error, key, _("“%s” is not one of: %s"), value, list);
  return -1;
}
