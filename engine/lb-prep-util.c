/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-prep-util.c: what the preprocessing transformers share — exact JSON for
 * their learned state (a hostile model file must give an error, never an
 * out-of-bounds read, so every length is checked here), the output of a
 * transform, output column names and the formatting of numbers inside names
 * ("rooms=3"). Categories are in lb-prep-categories.c.
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-prep-private.h"

/* --- learned state as JSON --- */

JsonNode *
lb_prep_doubles_to_json (const double *values,
                         gsize         n)
{
  JsonArray *array = json_array_sized_new (n);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (gsize i = 0; i < n; i++)
    {
      double v = values[i];

      if (isnan (v))
        json_array_add_string_element (array, "nan");
      else if (isinf (v))
        json_array_add_string_element (array, v > 0 ? "inf" : "-inf");
      else
        json_array_add_double_element (array, v);
    }
  json_node_take_array (node, array);
  return node;
}

static JsonArray *
get_array_member (JsonObject  *object,
                  const char  *member,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The model state has no list ‘%s’"), member);
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
node_to_double (JsonNode *node,
                double   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node);
      return TRUE;
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);

        if (g_strcmp0 (s, "nan") == 0)
          *out = NAN;
        else if (g_strcmp0 (s, "inf") == 0)
          *out = INFINITY;
        else if (g_strcmp0 (s, "-inf") == 0)
          *out = -INFINITY;
        else
          return FALSE;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

double *
lb_prep_doubles_from_json (JsonObject  *object,
                           const char  *member,
                           gsize        n,
                           GError     **error)
{
  JsonArray *array = get_array_member (object, member, error);
  g_autofree double *values = NULL;

  if (array == NULL)
    return NULL;
  if (json_array_get_length (array) != n)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The model state's list ‘%s’ has %u values, expected %zu"),
                   member, json_array_get_length (array), n);
      return NULL;
    }
  values = g_new (double, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    if (!node_to_double (json_array_get_element (array, i), &values[i]))
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                     _("The model state's list ‘%s’ holds a value that is not a number (at %zu)"),
                     member, i);
        return NULL;
      }
  return g_steal_pointer (&values);
}

JsonNode *
lb_prep_strings_to_json (const char * const *values,
                         gsize               n)
{
  JsonArray *array = json_array_sized_new (n);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (gsize i = 0; i < n; i++)
    if (values[i] != NULL)
      json_array_add_string_element (array, values[i]);
    else
      json_array_add_null_element (array);
  json_node_take_array (node, array);
  return node;
}

char **
lb_prep_strings_from_json (JsonObject  *object,
                           const char  *member,
                           gsize        max_n,
                           gboolean     allow_null,
                           gsize       *n_out,
                           GError     **error)
{
  JsonArray *array = get_array_member (object, member, error);
  char **values;
  gsize n;

  if (array == NULL)
    return NULL;
  n = json_array_get_length (array);
  if (n > max_n)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The model state's list ‘%s’ is too long (%zu entries)"),
                   member, n);
      return NULL;
    }
  values = g_new0 (char *, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (allow_null && JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          for (gsize j = 0; j < n; j++)
            g_free (values[j]);
          g_free (values);
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                       _("The model state's list ‘%s’ holds a value that is not text (at %zu)"),
                       member, i);
          return NULL;
        }
      values[i] = g_strdup (json_node_get_string (node));
    }
  *n_out = n;
  return values;
}

gboolean
lb_prep_uint_from_json (JsonObject  *object,
                        const char  *member,
                        guint64      min,
                        guint64      max,
                        guint64     *out,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The model state has no whole number ‘%s’"), member);
      return FALSE;
    }
  v = json_node_get_int (node);
  if (v < 0 || (guint64) v < min || (guint64) v > max)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The model state's ‘%s’ is out of range (%" PRId64 ")"),
                   member, v);
      return FALSE;
    }
  *out = (guint64) v;
  return TRUE;
}

gboolean
lb_prep_n_features_from_json (LbEstimator *self,
                              JsonObject  *object,
                              guint64     *out,
                              GError     **error)
{
  if (!lb_prep_uint_from_json (object, "n_features_in", 0, G_MAXINT, out, error))
    return FALSE;
  if (*out != lb_estimator_get_n_features_in (self))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The model state says %" PRIu64 " features, but %u elsewhere"),
                   *out, lb_estimator_get_n_features_in (self));
      return FALSE;
    }
  return TRUE;
}

JsonObject *
lb_prep_state_object (JsonNode    *state,
                      const char  *estimator,
                      GError     **error)
{
  if (state == NULL || !JSON_NODE_HOLDS_OBJECT (state))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The saved state of %s is not a JSON object"), estimator);
      return NULL;
    }
  return json_node_get_object (state);
}

JsonNode *
lb_prep_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

JsonNode *
lb_prep_vectors_to_json (guint               n_features,
                         const LbPrepVector *vectors,
                         guint               n_vectors)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "n_features_in", n_features);
  for (guint v = 0; v < n_vectors; v++)
    json_object_set_member (object, vectors[v].member,
                            lb_prep_doubles_to_json (*vectors[v].field, n_features));
  return lb_prep_object_node (object);
}

gboolean
lb_prep_vectors_from_json (LbEstimator        *self,
                           JsonNode           *state,
                           const char         *estimator,
                           guint              *n_features,
                           const LbPrepVector *vectors,
                           guint               n_vectors,
                           GError            **error)
{
  JsonObject *object = lb_prep_state_object (state, estimator, error);
  g_autofree double **read = g_new0 (double *, MAX (n_vectors, 1));
  guint64 d;
  guint v;

  if (object == NULL || !lb_prep_n_features_from_json (self, object, &d, error))
    return FALSE;
  for (v = 0; v < n_vectors; v++)
    if ((read[v] = lb_prep_doubles_from_json (object, vectors[v].member, d, error)) == NULL)
      {
        while (v-- > 0)
          g_free (read[v]);
        return FALSE;
      }
  for (v = 0; v < n_vectors; v++)
    {
      g_free (*vectors[v].field);
      *vectors[v].field = read[v];
    }
  *n_features = (guint) d;
  return TRUE;
}

/* --- names --- */

char *
lb_prep_format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("nan");
  if (isinf (value))
    return g_strdup (value > 0 ? "inf" : "-inf");
  if (value == 0.0)
    return g_strdup (signbit (value) ? "-0" : "0");
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

char **
lb_prep_dup_names (const LbMatrix *X)
{
  guint n = (guint) lb_matrix_get_n_cols (X);
  char **names = g_new0 (char *, n + 1);

  for (guint j = 0; j < n; j++)
    names[j] = g_strdup (lb_matrix_get_column_name (X, j));
  return names;
}

void
lb_prep_name_output (LbEstimator    *self,
                     const LbMatrix *X,
                     LbMatrix       *out)
{
  g_auto (GStrv) names_in = lb_prep_dup_names (X);
  g_auto (GStrv) names_out = NULL;

  names_out = LB_ESTIMATOR_GET_CLASS (self)->get_feature_names_out (self,
                                                                   (const char * const *) names_in,
                                                                   (guint) lb_matrix_get_n_cols (X));
  g_assert (names_out != NULL);
  g_assert (g_strv_length (names_out) == lb_matrix_get_n_cols (out));
  lb_matrix_set_column_names (out, (const char * const *) names_out);
}

gboolean
lb_prep_check_n_features (const LbMatrix *X,
                          guint           n_features,
                          GError        **error)
{
  if (lb_matrix_get_n_cols (X) != n_features)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("X has %zu features, the model was fitted with %u"),
                   lb_matrix_get_n_cols (X), n_features);
      return FALSE;
    }
  return TRUE;
}

LbMatrix *
lb_prep_new_output (const LbMatrix *X,
                    guint           n_features,
                    gsize           n_cols,
                    GError        **error)
{
  if (!lb_prep_check_n_features (X, n_features, error))
    return NULL;
  return lb_matrix_try_new (lb_matrix_get_n_rows (X), n_cols, error);
}

char **
lb_prep_feature_names_same (LbEstimator        *self,
                            const char * const *names_in,
                            guint               n_in)
{
  char **names = g_new0 (char *, n_in + 1);

  for (guint j = 0; j < n_in; j++)
    names[j] = g_strdup (names_in[j]);
  return names;
}

/* --- small numeric helpers --- */

int
lb_prep_compare_doubles (const void *a,
                         const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  if (isnan (x) || isnan (y))
    return isnan (x) - isnan (y);
  return (x > y) - (x < y);
}

void
lb_prep_set_boolean (GObject    *object,
                     gboolean   *field,
                     gboolean    value,
                     GParamSpec *pspec)
{
  value = !!value;
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (object, pspec);
    }
}

void
lb_prep_set_double (GObject    *object,
                    double     *field,
                    double      value,
                    GParamSpec *pspec)
{
  /* memcmp so that NaN -> NaN is "no change" and 0 -> -0 is a change */
  if (memcmp (field, &value, sizeof value) != 0)
    {
      *field = value;
      g_object_notify_by_pspec (object, pspec);
    }
}

void
lb_prep_set_int (GObject    *object,
                 int        *field,
                 int         value,
                 GParamSpec *pspec)
{
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (object, pspec);
    }
}
