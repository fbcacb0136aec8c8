/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-param-value.c: one hyper-parameter value between its GParamSpec's GValue
 * and its JSON or text form, checked against the spec's range with a message
 * naming the parameter ("alpha must be >= 0 (got -1)"). Used by
 * lb-estimator-params.c for set_param / get_params / clone.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-estimator.h"
#include "lb-estimator-private.h"

/* --- names --- */

char *
lb_param_sklearn_name (const char *name)
{
  char *c = g_strdup (name);

  for (char *p = c; *p != '\0'; p++)
    if (*p == '-')
      *p = '_';
  return c;
}

gboolean
lb_param_is_estimator (GParamSpec *pspec)
{
  return g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), LB_TYPE_ESTIMATOR);
}

/* --- GValue ↔ JSON --- */

static gboolean
range_error (GParamSpec *pspec,
             const char *op,
             double      bound,
             double      got,
             GError    **error)
{
  g_autofree char *name = lb_param_sklearn_name (pspec->name);
  g_autofree char *bound_text = lb_estimator_format_label (bound);
  g_autofree char *got_text = lb_estimator_format_label (got);

  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
               _("%s must be %s %s (got %s)"), name, op, bound_text, got_text);
  return FALSE;
}

static gboolean
type_error (GParamSpec *pspec,
            const char *expected,
            GError    **error)
{
  g_autofree char *name = lb_param_sklearn_name (pspec->name);

  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
               _("%s must be %s"), name, expected);
  return FALSE;
}

/* @x into an integer pspec's value, with its range. */
static gboolean
set_integer (GParamSpec *pspec,
             double      x,
             GValue     *value,
             GError    **error)
{
  GType t = G_PARAM_SPEC_VALUE_TYPE (pspec);
  double lo, hi;

  if (!isfinite (x) || x != floor (x))
    return type_error (pspec, _("a whole number"), error);

  if (G_IS_PARAM_SPEC_INT (pspec))
    lo = G_PARAM_SPEC_INT (pspec)->minimum, hi = G_PARAM_SPEC_INT (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    lo = G_PARAM_SPEC_UINT (pspec)->minimum, hi = G_PARAM_SPEC_UINT (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    lo = G_PARAM_SPEC_INT64 (pspec)->minimum, hi = G_PARAM_SPEC_INT64 (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_UINT64 (pspec))
    lo = G_PARAM_SPEC_UINT64 (pspec)->minimum, hi = G_PARAM_SPEC_UINT64 (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_LONG (pspec))
    lo = G_PARAM_SPEC_LONG (pspec)->minimum, hi = G_PARAM_SPEC_LONG (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_ULONG (pspec))
    lo = G_PARAM_SPEC_ULONG (pspec)->minimum, hi = G_PARAM_SPEC_ULONG (pspec)->maximum;
  else
    return type_error (pspec, _("a whole number"), error);

  if (x < lo)
    return range_error (pspec, ">=", lo, x, error);
  if (x > hi)
    return range_error (pspec, "<=", hi, x, error);

  g_value_init (value, t);
  if (t == G_TYPE_INT)
    g_value_set_int (value, (int) x);
  else if (t == G_TYPE_UINT)
    g_value_set_uint (value, (guint) x);
  else if (t == G_TYPE_INT64)
    g_value_set_int64 (value, (gint64) x);
  else if (t == G_TYPE_UINT64)
    g_value_set_uint64 (value, (guint64) x);
  else if (t == G_TYPE_LONG)
    g_value_set_long (value, (long) x);
  else
    g_value_set_ulong (value, (gulong) x);
  return TRUE;
}

static gboolean
set_floating (GParamSpec *pspec,
              double      x,
              GValue     *value,
              GError    **error)
{
  double lo, hi;

  if (isnan (x))
    return type_error (pspec, _("a number (got NaN)"), error);
  if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    lo = G_PARAM_SPEC_DOUBLE (pspec)->minimum, hi = G_PARAM_SPEC_DOUBLE (pspec)->maximum;
  else
    lo = G_PARAM_SPEC_FLOAT (pspec)->minimum, hi = G_PARAM_SPEC_FLOAT (pspec)->maximum;
  if (x < lo)
    return range_error (pspec, ">=", lo, x, error);
  if (x > hi)
    return range_error (pspec, "<=", hi, x, error);
  g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    g_value_set_double (value, x);
  else
    g_value_set_float (value, (float) x);
  return TRUE;
}

static gboolean
set_enum_from_string (GParamSpec *pspec,
                      const char *text,
                      GValue     *value,
                      GError    **error)
{
  GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
  GEnumValue *ev = g_enum_get_value_by_nick (klass, text);
  g_autoptr(GString) accepted = g_string_new (NULL);
  g_autofree char *name = NULL;

  if (ev == NULL)
    ev = g_enum_get_value_by_name (klass, text);
  for (guint i = 0; ev == NULL && i < klass->n_values; i++)
    if (g_ascii_strcasecmp (klass->values[i].value_nick, text) == 0)
      ev = &klass->values[i];
  if (ev != NULL)
    {
      g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_value_set_enum (value, ev->value);
      return TRUE;
    }
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (accepted, "%s‘%s’", i > 0 ? ", " : "", klass->values[i].value_nick);
  name = lb_param_sklearn_name (pspec->name);
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
               _("%s must be one of %s (got ‘%s’)"), name, accepted->str, text);
  return FALSE;
}

static gboolean
set_flags_from_string (GParamSpec *pspec,
                       const char *text,
                       GValue     *value,
                       GError    **error)
{
  GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
  g_auto(GStrv) parts = g_strsplit_set (text, "|,", -1);
  guint bits = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      GFlagsValue *fv;

      if (*part == '\0')
        continue;
      fv = g_flags_get_value_by_nick (klass, part);
      if (fv == NULL)
        fv = g_flags_get_value_by_name (klass, part);
      if (fv == NULL)
        {
          g_autofree char *name = lb_param_sklearn_name (pspec->name);

          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("%s: unknown flag ‘%s’"), name, part);
          return FALSE;
        }
      bits |= fv->value;
    }
  g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_set_flags (value, bits);
  return TRUE;
}


/* Text → value: what the CLI and the UI's entries give. */
gboolean
lb_param_value_from_string (GParamSpec *pspec,
                   const char *text,
                   GValue     *value,
                   GError    **error)
{
  GType t = G_PARAM_SPEC_VALUE_TYPE (pspec);
  GType fundamental = G_TYPE_FUNDAMENTAL (t);

  if (t == G_TYPE_STRING)
    {
      g_value_init (value, t);
      g_value_set_string (value, text);
      return TRUE;
    }
  if (t == G_TYPE_BOOLEAN)
    {
      static const char *yes[] = { "true", "yes", "on", "1", NULL };
      static const char *no[] = { "false", "no", "off", "0", NULL };

      for (guint i = 0; yes[i] != NULL; i++)
        if (g_ascii_strcasecmp (text, yes[i]) == 0 || g_ascii_strcasecmp (text, no[i]) == 0)
          {
            g_value_init (value, t);
            g_value_set_boolean (value, g_ascii_strcasecmp (text, yes[i]) == 0);
            return TRUE;
          }
      return type_error (pspec, _("true or false"), error);
    }
  if (fundamental == G_TYPE_ENUM)
    return set_enum_from_string (pspec, text, value, error);
  if (fundamental == G_TYPE_FLAGS)
    return set_flags_from_string (pspec, text, value, error);
  if (t == G_TYPE_DOUBLE || t == G_TYPE_FLOAT || fundamental == G_TYPE_INT ||
      fundamental == G_TYPE_UINT || fundamental == G_TYPE_INT64 ||
      fundamental == G_TYPE_UINT64 || fundamental == G_TYPE_LONG || fundamental == G_TYPE_ULONG)
    {
      g_autofree char *s = g_strstrip (g_strdup (text));
      char *end = NULL;
      double x;

      if (g_ascii_strcasecmp (s, "inf") == 0 || g_ascii_strcasecmp (s, "+inf") == 0 ||
          g_ascii_strcasecmp (s, "infinity") == 0)
        x = INFINITY;
      else if (g_ascii_strcasecmp (s, "-inf") == 0 || g_ascii_strcasecmp (s, "-infinity") == 0)
        x = -INFINITY;
      else
        {
          x = g_ascii_strtod (s, &end);
          if (*s == '\0' || end == NULL || *end != '\0' || isnan (x))
            return type_error (pspec, _("a number"), error);
        }
      if (t == G_TYPE_DOUBLE || t == G_TYPE_FLOAT)
        return set_floating (pspec, x, value, error);
      return set_integer (pspec, x, value, error);
    }

  /* Structured values come as JSON text; an estimator may also be a bare name. */
  {
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(GError) parse_error = NULL;

    if (lb_param_is_estimator (pspec) && *text != '{' && *text != '"')
      node = json_node_init_string (json_node_alloc (), text);
    else if (t == G_TYPE_STRV && *text != '[')
      {
        g_auto(GStrv) parts = g_strsplit (text, ",", -1);
        JsonArray *array = json_array_new ();

        for (guint i = 0; parts[i] != NULL; i++)
          json_array_add_string_element (array, g_strstrip (parts[i]));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
      }
    else
      {
        node = json_from_string (text, &parse_error);
        /* a free-form (JSON node) parameter typed as a bare word ("scale") is that string */
        if (node == NULL && t == JSON_TYPE_NODE && *text != '\0' && strchr ("{[\"", *text) == NULL)
          {
            g_clear_error (&parse_error);
            node = json_node_init_string (json_node_alloc (), text);
          }
        if (node == NULL)
          {
            g_autofree char *name = lb_param_sklearn_name (pspec->name);

            g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                         _("%s: not valid JSON (%s)"), name,
                         parse_error != NULL ? parse_error->message : _("empty"));
            return FALSE;
          }
      }
    return lb_param_value_from_json (pspec, node, value, error);
  }
}

gboolean
lb_param_value_from_json (GParamSpec *pspec,
                 JsonNode   *node,
                 GValue     *value,
                 GError    **error)
{
  GType t = G_PARAM_SPEC_VALUE_TYPE (pspec);
  GType fundamental = G_TYPE_FUNDAMENTAL (t);

  if (t == JSON_TYPE_NODE)
    {
      g_value_init (value, t);
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        g_value_set_boxed (value, node);
      return TRUE;
    }

  if (lb_param_is_estimator (pspec))
    {
      g_autoptr(LbEstimator) est = NULL;

      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        {
          est = lb_estimator_new_from_json (node, error);
          if (est == NULL)
            return FALSE;
          if (!g_type_is_a (G_OBJECT_TYPE (est), t))
            return type_error (pspec, g_type_name (t), error);
        }
      g_value_init (value, t);
      g_value_set_object (value, est);
      return TRUE;
    }

  if (t == G_TYPE_STRV)
    {
      g_autoptr(GPtrArray) strv = g_ptr_array_new_with_free_func (g_free);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        return lb_param_value_from_string (pspec, json_node_get_string (node), value, error);
      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *e = json_array_get_element (array, i);

              if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
                return type_error (pspec, _("a list of strings"), error);
              g_ptr_array_add (strv, g_strdup (json_node_get_string (e)));
            }
        }
      else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        return type_error (pspec, _("a list of strings"), error);
      g_ptr_array_add (strv, NULL);
      g_value_init (value, t);
      g_value_set_boxed (value, strv->pdata);
      return TRUE;
    }

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (t == G_TYPE_STRING || fundamental == G_TYPE_OBJECT || fundamental == G_TYPE_BOXED)
        {
          g_value_init (value, t);
          return TRUE;
        }
      if (fundamental == G_TYPE_ENUM)
        return set_enum_from_string (pspec, "none", value, error);
      return type_error (pspec, _("a value (got null)"), error);
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return type_error (pspec, _("a single value, not a list or an object"), error);

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return lb_param_value_from_string (pspec, json_node_get_string (node), value, error);

  /* A number for a text parameter that also takes numbers (a tree's
   * max_features: "sqrt", 4 or 0.5): kept as its text, a float keeping its
   * point ("1.0" is a fraction, "1" a count). */
  if (t == G_TYPE_STRING && (json_node_get_value_type (node) == G_TYPE_INT64 ||
                             json_node_get_value_type (node) == G_TYPE_DOUBLE))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE + 2];

      if (json_node_get_value_type (node) == G_TYPE_INT64)
        g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        {
          g_ascii_dtostr (buf, G_ASCII_DTOSTR_BUF_SIZE, json_node_get_double (node));
          if (strpbrk (buf, ".eEn") == NULL)
            strcat (buf, ".0");
        }
      g_value_init (value, t);
      g_value_set_string (value, buf);
      return TRUE;
    }

  if (t == G_TYPE_BOOLEAN)
    {
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        {
          g_value_init (value, t);
          g_value_set_boolean (value, json_node_get_boolean (node));
          return TRUE;
        }
      if (json_node_get_value_type (node) == G_TYPE_INT64 &&
          (json_node_get_int (node) == 0 || json_node_get_int (node) == 1))
        {
          g_value_init (value, t);
          g_value_set_boolean (value, json_node_get_int (node) == 1);
          return TRUE;
        }
      return type_error (pspec, _("true or false"), error);
    }

  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return type_error (pspec, _("a number, not true/false"), error);

  if (t == G_TYPE_DOUBLE || t == G_TYPE_FLOAT)
    return set_floating (pspec, json_node_get_double (node), value, error);
  if (fundamental == G_TYPE_INT || fundamental == G_TYPE_UINT || fundamental == G_TYPE_INT64 ||
      fundamental == G_TYPE_UINT64 || fundamental == G_TYPE_LONG || fundamental == G_TYPE_ULONG)
    {
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        {
          gint64 i = json_node_get_int (node);

          /* Doubles hold every int the ranges of our parameters allow. */
          return set_integer (pspec, (double) i, value, error);
        }
      return set_integer (pspec, json_node_get_double (node), value, error);
    }
  if (fundamental == G_TYPE_ENUM && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                         (int) json_node_get_int (node));

      if (ev == NULL)
        return type_error (pspec, _("one of its named choices"), error);
      g_value_init (value, t);
      g_value_set_enum (value, ev->value);
      return TRUE;
    }
  return type_error (pspec, g_type_name (t), error);
}

static JsonNode *
double_to_json (double x)
{
  if (isfinite (x))
    return json_node_init_double (json_node_alloc (), x);
  return json_node_init_string (json_node_alloc (), isnan (x) ? "nan" : x > 0 ? "inf" : "-inf");
}

/* NULL for a type JSON cannot hold (the property is then not a parameter). */
JsonNode *
lb_param_value_to_json (GParamSpec   *pspec,
               const GValue *value)
{
  GType t = G_VALUE_TYPE (value);
  GType fundamental = G_TYPE_FUNDAMENTAL (t);

  if (t == G_TYPE_BOOLEAN)
    return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (value));
  if (t == G_TYPE_INT)
    return json_node_init_int (json_node_alloc (), g_value_get_int (value));
  if (t == G_TYPE_UINT)
    return json_node_init_int (json_node_alloc (), g_value_get_uint (value));
  if (t == G_TYPE_INT64)
    return json_node_init_int (json_node_alloc (), g_value_get_int64 (value));
  if (t == G_TYPE_UINT64)
    return json_node_init_int (json_node_alloc (), (gint64) MIN (g_value_get_uint64 (value), G_MAXINT64));
  if (t == G_TYPE_LONG)
    return json_node_init_int (json_node_alloc (), g_value_get_long (value));
  if (t == G_TYPE_ULONG)
    return json_node_init_int (json_node_alloc (), (gint64) MIN (g_value_get_ulong (value), G_MAXINT64));
  if (t == G_TYPE_DOUBLE)
    return double_to_json (g_value_get_double (value));
  if (t == G_TYPE_FLOAT)
    return double_to_json (g_value_get_float (value));
  if (t == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);

      return s != NULL ? json_node_init_string (json_node_alloc (), s)
                       : json_node_init_null (json_node_alloc ());
    }
  if (fundamental == G_TYPE_ENUM)
    {
      GEnumClass *klass = g_type_class_peek (t);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));

      return json_node_init_string (json_node_alloc (), ev != NULL ? ev->value_nick : "");
    }
  if (fundamental == G_TYPE_FLAGS)
    {
      GFlagsClass *klass = g_type_class_peek (t);
      g_autoptr(GString) s = g_string_new (NULL);
      guint bits = g_value_get_flags (value);

      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != 0 && (bits & klass->values[i].value) == klass->values[i].value)
          g_string_append_printf (s, "%s%s", s->len > 0 ? "|" : "", klass->values[i].value_nick);
      return json_node_init_string (json_node_alloc (), s->str);
    }
  if (t == JSON_TYPE_NODE)
    {
      JsonNode *node = g_value_get_boxed (value);

      return node != NULL ? json_node_copy (node) : json_node_init_null (json_node_alloc ());
    }
  if (t == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array = json_array_new ();
      JsonNode *node;

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);
      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      return node;
    }
  if (g_type_is_a (t, LB_TYPE_ESTIMATOR))
    {
      LbEstimator *est = g_value_get_object (value);

      return est != NULL ? lb_estimator_to_json (est) : json_node_init_null (json_node_alloc ());
    }
  return NULL;
}
