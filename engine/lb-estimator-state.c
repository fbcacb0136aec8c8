/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-estimator-state.c: an estimator's learned state as JSON, for model files.
 * The base part (n_features_in, feature names, classes) is written here; the
 * subclass writes its own under "model". Doubles are stored exactly (base64
 * of little-endian IEEE-754 bytes) and every length is checked on load: a
 * corrupt or hostile state is LB_ENGINE_ERROR_FILE, never a crash.
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-estimator.h"
#include "lb-estimator-private.h"

/* --- helpers for subclasses --- */

JsonNode *
lb_state_from_doubles (const double *values,
                       gsize         n)
{
  g_autofree guint8 *bytes = g_malloc (MAX (n, 1) * 8);
  g_autofree char *text = NULL;

  g_return_val_if_fail (values != NULL || n == 0, NULL);
  for (gsize i = 0; i < n; i++)
    {
      guint64 bits;

      memcpy (&bits, &values[i], 8);
      bits = GUINT64_TO_LE (bits);
      memcpy (bytes + 8 * i, &bits, 8);
    }
  text = g_base64_encode (bytes, n * 8);
  return json_node_init_string (json_node_alloc (), text);
}

gboolean
lb_state_to_doubles (JsonNode    *node,
                     double      *values,
                     gsize        n,
                     const char  *what,
                     GError     **error)
{
  const char *text;
  g_autofree guchar *bytes = NULL;
  gsize len = 0;

  g_return_val_if_fail (values != NULL || n == 0, FALSE);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("%s: expected base64 text of numbers"), what);
      return FALSE;
    }
  text = json_node_get_string (node);
  /* Base64 text is 4/3 of the bytes; refuse before decoding anything huge. */
  if (n > G_MAXSIZE / 8 || strlen (text) > (n * 8 + 2) / 3 * 4 + 4)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("%s: expected %zu numbers, the file holds more"), what, n);
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                     _("%s: not base64 text"), what);
        return FALSE;
      }
  bytes = g_base64_decode (text, &len);
  if (len != n * 8)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("%s: expected %zu numbers, the file holds %zu bytes"),
                   what, n, len);
      return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      guint64 bits;

      memcpy (&bits, bytes + 8 * i, 8);
      bits = GUINT64_FROM_LE (bits);
      memcpy (&values[i], &bits, 8);
    }
  return TRUE;
}

JsonNode *
lb_state_from_matrix (const LbMatrix *m)
{
  JsonObject *object = json_object_new ();
  const char * const *names;
  JsonNode *node;

  g_return_val_if_fail (m != NULL, NULL);
  json_object_set_int_member (object, "rows", lb_matrix_get_n_rows (m));
  json_object_set_int_member (object, "cols", lb_matrix_get_n_cols (m));
  json_object_set_member (object, "data",
                          lb_state_from_doubles (lb_matrix_get_const_data (m),
                                                 lb_matrix_get_n_rows (m) * lb_matrix_get_n_cols (m)));
  names = lb_matrix_get_column_names (m);
  if (names != NULL)
    {
      JsonArray *array = json_array_new ();

      for (gsize j = 0; j < lb_matrix_get_n_cols (m); j++)
        json_array_add_string_element (array, names[j]);
      json_object_set_array_member (object, "names", array);
    }
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

/* A JSON array of exactly @n strings, or NULL with an error. */
static char **
strv_from_json (JsonNode   *node,
                gsize       n,
                const char *what,
                GError    **error)
{
  JsonArray *array;
  g_auto(GStrv) strv = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (array = json_node_get_array (node)) != n)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("%s: expected a list of %zu names"), what, n);
      return NULL;
    }
  strv = g_new0 (char *, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                       _("%s: item %zu is not a string"), what, i);
          return NULL;
        }
      strv[i] = g_strdup (json_node_get_string (e));
    }
  return g_steal_pointer (&strv);
}

LbMatrix *
lb_state_to_matrix (JsonNode    *node,
                    gsize        n_rows,
                    gsize        n_cols,
                    const char  *what,
                    GError     **error)
{
  JsonObject *object;
  gint64 rows, cols;
  g_autoptr(LbMatrix) m = NULL;
  JsonNode *names;
  g_autoptr(GError) local = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("%s: expected a matrix object"), what);
      return NULL;
    }
  object = json_node_get_object (node);
  if (!lb_state_get_int (object, "rows", 0, G_MAXINT32, &rows, &local) ||
      !lb_state_get_int (object, "cols", 0, G_MAXINT32, &cols, &local))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, "%s: %s", what, local->message);
      return NULL;
    }
  if ((n_rows != G_MAXSIZE && (gsize) rows != n_rows) ||
      (n_cols != G_MAXSIZE && (gsize) cols != n_cols))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("%s: a %" PRId64 " × %" PRId64 " matrix does not fit the model"),
                   what, rows, cols);
      return NULL;
    }
  /* Check the payload's length before allocating rows × cols. */
  {
    JsonNode *data = json_object_get_member (object, "data");
    gsize text_len = (data != NULL && JSON_NODE_HOLDS_VALUE (data) &&
                      json_node_get_value_type (data) == G_TYPE_STRING)
                     ? strlen (json_node_get_string (data)) : 0;

    if ((guint64) rows * (guint64) cols > (guint64) (text_len / 4 * 3 / 8 + 1))
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                     _("%s: the data is shorter than its %" PRId64 " × %" PRId64 " shape"),
                     what, rows, cols);
        return NULL;
      }
    m = lb_matrix_try_new (rows, cols, error);
    if (m == NULL)
      return NULL;
    if (!lb_state_to_doubles (data, lb_matrix_get_data (m), rows * cols, what, error))
      return NULL;
  }
  names = json_object_get_member (object, "names");
  if (names != NULL)
    {
      g_auto(GStrv) strv = strv_from_json (names, cols, what, error);

      if (strv == NULL)
        return NULL;
      lb_matrix_set_column_names (m, (const char * const *) strv);
    }
  return g_steal_pointer (&m);
}

JsonNode *
lb_state_get_member (JsonObject   *state,
                     const char   *name,
                     JsonNodeType  type,
                     GError      **error)
{
  JsonNode *node;

  g_return_val_if_fail (state != NULL, NULL);
  node = json_object_get_member (state, name);
  if (node == NULL || json_node_get_node_type (node) != type)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   node == NULL ? _("‘%s’ is missing") : _("‘%s’ has the wrong kind of value"),
                   name);
      return NULL;
    }
  return node;
}

gboolean
lb_state_get_double (JsonObject  *state,
                     const char  *name,
                     double      *value,
                     GError     **error)
{
  JsonNode *node = lb_state_get_member (state, name, JSON_NODE_VALUE, error);

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      /* Exact doubles (and NaN / ±Inf) are stored as base64 of one number. */
      return lb_state_to_doubles (node, value, 1, name, error);
    }
  if (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("‘%s’ is not a number"), name);
      return FALSE;
    }
  *value = json_node_get_double (node);
  return TRUE;
}

gboolean
lb_state_get_int (JsonObject  *state,
                  const char  *name,
                  gint64       min,
                  gint64       max,
                  gint64      *value,
                  GError     **error)
{
  JsonNode *node = lb_state_get_member (state, name, JSON_NODE_VALUE, error);
  gint64 v;

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("‘%s’ is not a whole number"), name);
      return FALSE;
    }
  v = json_node_get_int (node);
  if (v < min || v > max)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("‘%s’ is %" PRId64 ", outside [%" PRId64 ", %" PRId64 "]"),
                   name, v, min, max);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

/* --- the estimator's state --- */

JsonNode *
lb_estimator_save_state (LbEstimator *self,
                         GError     **error)
{
  LbEstimatorClass *klass;
  const char * const *names;
  const char * const *classes;
  g_autoptr(JsonNode) model = NULL;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  klass = LB_ESTIMATOR_GET_CLASS (self);
  if (!lb_estimator_is_fitted (self))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                   _("This %s is not fitted yet: there is nothing to save"),
                   lb_estimator_get_name (self));
      return NULL;
    }
  if (klass->save_state == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                   _("%s cannot be saved"), lb_estimator_get_name (self));
      return NULL;
    }
  model = klass->save_state (self, error);
  if (model == NULL)
    return NULL;

  object = json_object_new ();
  json_object_set_int_member (object, "n_features_in", lb_estimator_get_n_features_in (self));
  names = lb_estimator_get_feature_names_in (self);
  if (names != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint j = 0; j < lb_estimator_get_n_features_in (self); j++)
        json_array_add_string_element (array, names[j]);
      json_object_set_array_member (object, "feature_names_in", array);
    }
  classes = lb_estimator_get_classes (self);
  if (classes != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint k = 0; k < lb_estimator_get_n_classes (self); k++)
        json_array_add_string_element (array, classes[k]);
      json_object_set_array_member (object, "classes", array);
    }
  json_object_set_member (object, "model", g_steal_pointer (&model));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

gboolean
lb_estimator_load_state (LbEstimator *self,
                         JsonNode    *state,
                         GError     **error)
{
  LbEstimatorClass *klass;
  JsonObject *object;
  JsonNode *member, *model;
  gint64 n_features;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) classes = NULL;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), FALSE);
  klass = LB_ESTIMATOR_GET_CLASS (self);
  if (klass->load_state == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                   _("%s cannot be loaded from a file"), lb_estimator_get_name (self));
      return FALSE;
    }
  if (state == NULL || !JSON_NODE_HOLDS_OBJECT (state))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The state of %s must be an object"), lb_estimator_get_name (self));
      return FALSE;
    }
  object = json_node_get_object (state);
  if (!lb_state_get_int (object, "n_features_in", 1, G_MAXINT32, &n_features, error))
    return FALSE;
  member = json_object_get_member (object, "feature_names_in");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      names = strv_from_json (member, n_features, "feature_names_in", error);
      if (names == NULL)
        return FALSE;
    }
  member = json_object_get_member (object, "classes");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      gsize n = JSON_NODE_HOLDS_ARRAY (member) ? json_array_get_length (json_node_get_array (member)) : 0;

      classes = strv_from_json (member, n, "classes", error);
      if (classes == NULL)
        return FALSE;
    }
  if (lb_estimator_is_classifier (self) && (classes == NULL || g_strv_length (classes) < 2))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The state of %s lacks its classes"), lb_estimator_get_name (self));
      return FALSE;
    }
  model = json_object_get_member (object, "model");
  if (model == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The state of %s lacks its ‘model’"), lb_estimator_get_name (self));
      return FALSE;
    }

  lb_estimator_clear_fitted (self);
  lb_estimator_set_fitted_shape (self, n_features, (const char * const *) names);
  if (classes != NULL)
    lb_estimator_set_classes (self, (const char * const *) classes, g_strv_length (classes));
  if (!klass->load_state (self, model, error))
    {
      lb_estimator_clear_fitted (self);
      return FALSE;
    }
  lb_estimator_mark_fitted (self);
  return TRUE;
}
