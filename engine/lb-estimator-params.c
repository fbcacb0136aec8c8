/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-estimator-params.c: hyper-parameters by name. Every readable and
 * writable GObject property of an estimator is a parameter; values travel as
 * JSON (project files, grid search) or text (the CLI, the UI) and are checked
 * against the GParamSpec's range with a message naming the parameter. Nested
 * estimators are reached through "a.b" or scikit-learn's "a__b" (a property
 * holding an estimator, or a child from the get_child vfunc). Clone rebuilds
 * an instance from the same property values, deep-copying nested estimators.
 * One value's conversion (JSON / text ↔ GValue, ranges) is lb-param-value.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-estimator.h"
#include "lb-estimator-private.h"

/* --- names --- */

/* "max_iter" → "max-iter" (GObject's canonical form). */
static char *
canonical_name (const char *name)
{
  char *c = g_strdup (name);

  for (char *p = c; *p != '\0'; p++)
    if (*p == '_')
      *p = '-';
  return c;
}

static gboolean
is_param (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
         !(pspec->flags & G_PARAM_DEPRECATED);
}

static GParamSpec *
find_param (LbEstimator *self,
            const char  *name,
            GError     **error)
{
  g_autofree char *canon = canonical_name (name);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), canon);

  if (pspec == NULL || !is_param (pspec))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
                   _("%s has no parameter ‘%s’"), lb_estimator_get_name (self), name);
      return NULL;
    }
  return pspec;
}

/* Finds the estimator that owns the last component of @path and that
 * component. "steps.model.alpha", "model__alpha", "steps__model__alpha". */
static LbEstimator *
resolve_path (LbEstimator  *self,
              const char   *path,
              const char  **leaf,
              GError      **error)
{
  const char *rest = path;
  gboolean skipped_container = FALSE;

  for (;;)
    {
      const char *dot = strchr (rest, '.');
      const char *dunder = strstr (rest, "__");
      const char *sep;
      g_autofree char *head = NULL;
      GParamSpec *pspec;
      LbEstimator *child = NULL;

      if (dot == NULL && dunder == NULL)
        {
          *leaf = rest;
          return self;
        }
      sep = dot == NULL ? dunder : dunder == NULL ? dot : MIN (dot, dunder);
      head = g_strndup (rest, sep - rest);
      rest = sep + (sep == dot ? 1 : 2);
      if (*head == '\0' || *rest == '\0')
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
                       _("‘%s’ is not a parameter name"), path);
          return NULL;
        }

      {
        g_autofree char *canon = canonical_name (head);

        pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), canon);
      }
      if (pspec != NULL && is_param (pspec) && lb_param_is_estimator (pspec))
        {
          g_autoptr(LbEstimator) held = NULL;

          g_object_get (self, pspec->name, &held, NULL);
          child = held;  /* the parent keeps its own reference */
        }
      else
        child = lb_estimator_get_child (self, head);

      if (child == NULL && !skipped_container &&
          (g_str_equal (head, "steps") || g_str_equal (head, "named_steps") ||
           g_str_equal (head, "transformers") || g_str_equal (head, "named_transformers")))
        {
          /* "steps.model.alpha": the container name is decoration. */
          skipped_container = TRUE;
          continue;
        }
      if (child == NULL)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
                       _("%s has no step or nested estimator ‘%s’ (in ‘%s’)"),
                       lb_estimator_get_name (self), head, path);
          return NULL;
        }
      self = child;
      skipped_container = FALSE;
    }
}

static gboolean
check_settable (LbEstimator *owner,
                GParamSpec  *pspec,
                GError     **error)
{
  if (pspec->flags & G_PARAM_CONSTRUCT_ONLY)
    {
      g_autofree char *name = lb_param_sklearn_name (pspec->name);

      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                   _("%s: %s can only be chosen when it is created"),
                   lb_estimator_get_name (owner), name);
      return FALSE;
    }
  return TRUE;
}

/* --- nested estimators by their own name --- */

/* @leaf names a child of @owner (and no property of it). */
static gboolean
is_child_name (LbEstimator *owner,
               const char  *leaf)
{
  g_autofree char *canon = canonical_name (leaf);

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (owner), canon) != NULL)
    return FALSE;
  return lb_estimator_get_child (owner, leaf) != NULL;
}

static gboolean
set_child_from_json (LbEstimator *owner,
                     const char  *leaf,
                     JsonNode    *spec,
                     GError     **error)
{
  LbEstimatorClass *klass = LB_ESTIMATOR_GET_CLASS (owner);
  g_autoptr(LbEstimator) child = NULL;
  g_autoptr(GError) local = NULL;

  if (klass->set_child == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                   _("%s cannot replace its ‘%s’"), lb_estimator_get_name (owner), leaf);
      return FALSE;
    }
  if (spec == NULL || JSON_NODE_HOLDS_NULL (spec))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("%s: expected an estimator"), leaf);
      return FALSE;
    }
  child = lb_estimator_new_from_json (spec, &local);
  if (child == NULL)
    {
      g_set_error (error, local->domain, local->code, "%s: %s", leaf, local->message);
      return FALSE;
    }
  return klass->set_child (owner, leaf, child, error);
}

/* --- public: by name --- */

gboolean
lb_estimator_set_param (LbEstimator *self,
                        const char  *name,
                        JsonNode    *value,
                        GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  LbEstimator *owner;
  const char *leaf = NULL;
  GParamSpec *pspec;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  owner = resolve_path (self, name, &leaf, error);
  if (owner == NULL)
    return FALSE;
  if (is_child_name (owner, leaf))
    return set_child_from_json (owner, leaf, value, error);
  pspec = find_param (owner, leaf, error);
  if (pspec == NULL || !check_settable (owner, pspec, error))
    return FALSE;
  if (!lb_param_value_from_json (pspec, value, &gvalue, error))
    return FALSE;
  if (LB_ESTIMATOR_GET_CLASS (owner)->check_param_value != NULL &&
      !LB_ESTIMATOR_GET_CLASS (owner)->check_param_value (owner, pspec, &gvalue, error))
    return FALSE;
  g_object_set_property (G_OBJECT (owner), pspec->name, &gvalue);
  return TRUE;
}

gboolean
lb_estimator_set_param_string (LbEstimator *self,
                               const char  *name,
                               const char  *value,
                               GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  LbEstimator *owner;
  const char *leaf = NULL;
  GParamSpec *pspec;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  owner = resolve_path (self, name, &leaf, error);
  if (owner == NULL)
    return FALSE;
  if (is_child_name (owner, leaf))
    {
      g_autoptr(JsonNode) spec = NULL;

      if (*value == '{' || *value == '"')
        {
          g_autoptr(GError) parse_error = NULL;

          spec = json_from_string (value, &parse_error);
          if (spec == NULL)
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("%s: not valid JSON (%s)"), leaf, parse_error->message);
              return FALSE;
            }
        }
      else
        spec = json_node_init_string (json_node_alloc (), value);
      return set_child_from_json (owner, leaf, spec, error);
    }
  pspec = find_param (owner, leaf, error);
  if (pspec == NULL || !check_settable (owner, pspec, error))
    return FALSE;
  if (!lb_param_value_from_string (pspec, value, &gvalue, error))
    return FALSE;
  if (LB_ESTIMATOR_GET_CLASS (owner)->check_param_value != NULL &&
      !LB_ESTIMATOR_GET_CLASS (owner)->check_param_value (owner, pspec, &gvalue, error))
    return FALSE;
  g_object_set_property (G_OBJECT (owner), pspec->name, &gvalue);
  return TRUE;
}

JsonNode *
lb_estimator_get_param (LbEstimator *self,
                        const char  *name,
                        GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  LbEstimator *owner;
  const char *leaf = NULL;
  GParamSpec *pspec;
  JsonNode *node;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  owner = resolve_path (self, name, &leaf, error);
  if (owner == NULL)
    return NULL;
  if (is_child_name (owner, leaf))
    return lb_estimator_to_json (lb_estimator_get_child (owner, leaf));
  pspec = find_param (owner, leaf, error);
  if (pspec == NULL)
    return NULL;
  g_value_init (&gvalue, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (G_OBJECT (owner), pspec->name, &gvalue);
  node = lb_param_value_to_json (pspec, &gvalue);
  if (node == NULL)
    g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                 _("Parameter ‘%s’ has no JSON form"), name);
  return node;
}

JsonNode *
lb_estimator_get_params (LbEstimator *self)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  object = json_object_new ();
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) gvalue = G_VALUE_INIT;
      JsonNode *member;

      if (!is_param (pspecs[i]))
        continue;
      g_value_init (&gvalue, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (G_OBJECT (self), pspecs[i]->name, &gvalue);
      member = lb_param_value_to_json (pspecs[i], &gvalue);
      if (member != NULL)
        {
          g_autofree char *key = lb_param_sklearn_name (pspecs[i]->name);

          json_object_set_member (object, key, member);
        }
    }
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

gboolean
lb_estimator_set_params (LbEstimator *self,
                         JsonObject  *params,
                         GError     **error)
{
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), FALSE);
  g_return_val_if_fail (params != NULL, FALSE);
  members = json_object_get_members (params);
  for (GList *l = members; l != NULL; l = l->next)
    if (!lb_estimator_set_param (self, l->data, json_object_get_member (params, l->data), error))
      return FALSE;
  return TRUE;
}

/* --- clone --- */

LbEstimator *
lb_estimator_clone (LbEstimator *self)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree const char **names = NULL;
  g_autofree GValue *values = NULL;
  guint n_pspecs = 0, n = 0;
  LbEstimator *copy;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  names = g_new0 (const char *, MAX (n_pspecs, 1));
  values = g_new0 (GValue, MAX (n_pspecs, 1));
  for (guint i = 0; i < n_pspecs; i++)
    {
      if (!is_param (pspecs[i]))
        continue;
      g_value_init (&values[n], G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (G_OBJECT (self), pspecs[i]->name, &values[n]);
      if (lb_param_is_estimator (pspecs[i]) && g_value_get_object (&values[n]) != NULL)
        {
          /* Nested estimators are cloned deep, never shared. */
          LbEstimator *inner = lb_estimator_clone (g_value_get_object (&values[n]));

          g_value_take_object (&values[n], inner);
        }
      names[n++] = pspecs[i]->name;
    }
  copy = (LbEstimator *) g_object_new_with_properties (G_OBJECT_TYPE (self), n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  return copy;
}

/* --- as JSON --- */

JsonNode *
lb_estimator_to_json (LbEstimator *self)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  object = json_object_new ();
  json_object_set_string_member (object, "estimator", lb_estimator_get_spec_name (self));
  json_object_set_member (object, "params", lb_estimator_get_params (self));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

LbEstimator *
lb_estimator_new_from_json (JsonNode *spec,
                            GError  **error)
{
  g_autoptr(LbEstimator) est = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *name, *params;

  g_return_val_if_fail (spec != NULL, NULL);
  if (JSON_NODE_HOLDS_VALUE (spec) && json_node_get_value_type (spec) == G_TYPE_STRING)
    return lb_estimator_new_by_name (json_node_get_string (spec), error);
  if (!JSON_NODE_HOLDS_OBJECT (spec))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("An estimator must be a name or an object {\"estimator\": NAME, \"params\": {…}}"));
      return NULL;
    }
  object = json_node_get_object (spec);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "estimator") && !g_str_equal (l->data, "params") &&
        !g_str_equal (l->data, "name"))
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
                     _("Unknown key ‘%s’ in an estimator (expected \"estimator\" and \"params\")"),
                     (const char *) l->data);
        return NULL;
      }
  name = json_object_get_member (object, "estimator");
  if (name == NULL || !JSON_NODE_HOLDS_VALUE (name) ||
      json_node_get_value_type (name) != G_TYPE_STRING)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("estimator: must be the name of an estimator (\"Ridge\")"));
      return NULL;
    }
  est = lb_estimator_new_by_name (json_node_get_string (name), error);
  if (est == NULL)
    return NULL;
  params = json_object_get_member (object, "params");
  if (params != NULL && !JSON_NODE_HOLDS_NULL (params))
    {
      g_autoptr(GError) local = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (params))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("params: must be an object of parameter values"));
          return NULL;
        }
      if (!lb_estimator_set_params (est, json_node_get_object (params), &local))
        {
          g_set_error (error, local->domain, local->code, "params: %s", local->message);
          return NULL;
        }
    }
  return g_steal_pointer (&est);
}
