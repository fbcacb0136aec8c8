/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-column-transformer.c: LbColumnTransformer. At fit the groups' column
 * names are resolved to indices in X, each group's transformer is fitted in
 * place on its columns, and the remainder (columns in no group) is recorded.
 * Transform re-resolves the names when X has them (so a table with the
 * columns in another order still works) and stacks the outputs. The groups'
 * JSON form and the learned state are in lb-column-transformer-json.c.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-column-transformer.h"
#include "lb-estimator-private.h"
#include "lb-column-transformer-private.h"

G_DEFINE_FINAL_TYPE (LbColumnTransformer, lb_column_transformer, LB_TYPE_ESTIMATOR)

GType
lb_remainder_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { LB_REMAINDER_DROP, "LB_REMAINDER_DROP", "drop" },
    { LB_REMAINDER_PASSTHROUGH, "LB_REMAINDER_PASSTHROUGH", "passthrough" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("LbRemainder", values));
  return type;
}

enum { PROP_0, PROP_TRANSFORMERS, PROP_REMAINDER, PROP_VERBOSE_FEATURE_NAMES_OUT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
replace_groups (LbColumnTransformer *self,
                GPtrArray           *groups)
{
  lb_estimator_clear_fitted (LB_ESTIMATOR (self));
  g_ptr_array_unref (self->groups);
  self->groups = groups;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSFORMERS]);
}

/* --- public API --- */

LbColumnTransformer *
lb_column_transformer_new (void)
{
  return g_object_new (LB_TYPE_COLUMN_TRANSFORMER, NULL);
}

gboolean
lb_column_transformer_add_group (LbColumnTransformer *self,
                                 const char          *name,
                                 const char * const  *columns,
                                 guint                n_columns,
                                 LbEstimator         *transformer,
                                 GError             **error)
{
  LbColumnGroup *group;

  g_return_val_if_fail (LB_IS_COLUMN_TRANSFORMER (self), FALSE);
  g_return_val_if_fail (columns != NULL || n_columns == 0, FALSE);
  g_return_val_if_fail (transformer == NULL || LB_IS_ESTIMATOR (transformer), FALSE);
  if (!lb_column_transformer_check_group_name (self->groups, name, error))
    return FALSE;
  group = g_new0 (LbColumnGroup, 1);
  group->name = g_strdup (name);
  group->columns = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    group->columns[c] = g_strdup (columns[c]);
  group->kind = transformer != NULL ? LB_COLUMN_GROUP_TRANSFORM : LB_COLUMN_GROUP_PASSTHROUGH;
  group->transformer = transformer != NULL ? g_object_ref (transformer) : NULL;
  g_ptr_array_add (self->groups, group);
  lb_estimator_clear_fitted (LB_ESTIMATOR (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSFORMERS]);
  return TRUE;
}

void
lb_column_transformer_set_remainder_passthrough (LbColumnTransformer *self,
                                                 gboolean             passthrough)
{
  g_return_if_fail (LB_IS_COLUMN_TRANSFORMER (self));
  g_object_set (self, "remainder", passthrough ? LB_REMAINDER_PASSTHROUGH : LB_REMAINDER_DROP, NULL);
}

gboolean
lb_column_transformer_get_remainder_passthrough (LbColumnTransformer *self)
{
  g_return_val_if_fail (LB_IS_COLUMN_TRANSFORMER (self), FALSE);
  return self->remainder == LB_REMAINDER_PASSTHROUGH;
}

guint
lb_column_transformer_get_n_groups (LbColumnTransformer *self)
{
  g_return_val_if_fail (LB_IS_COLUMN_TRANSFORMER (self), 0);
  return self->groups->len;
}

const char *
lb_column_transformer_get_group_name (LbColumnTransformer *self,
                                      guint                index)
{
  g_return_val_if_fail (LB_IS_COLUMN_TRANSFORMER (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return ((LbColumnGroup *) self->groups->pdata[index])->name;
}

LbEstimator *
lb_column_transformer_get_group_transformer (LbColumnTransformer *self,
                                             guint                index)
{
  g_return_val_if_fail (LB_IS_COLUMN_TRANSFORMER (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return ((LbColumnGroup *) self->groups->pdata[index])->transformer;
}

const char * const *
lb_column_transformer_get_group_columns (LbColumnTransformer *self,
                                         guint                index)
{
  g_return_val_if_fail (LB_IS_COLUMN_TRANSFORMER (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return (const char * const *) ((LbColumnGroup *) self->groups->pdata[index])->columns;
}

LbColumnTransformer *
lb_column_transformer_new_from_json (JsonNode *json,
                                     GError  **error)
{
  LbColumnTransformer *self;
  g_autoptr(GPtrArray) groups = NULL;
  JsonNode *array = json;
  JsonObject *object = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  if (JSON_NODE_HOLDS_OBJECT (json))
    {
      JsonNode *params, *name;

      object = json_node_get_object (json);
      name = json_object_get_member (object, "estimator");
      if (name != NULL && JSON_NODE_HOLDS_VALUE (name) &&
          json_node_get_value_type (name) == G_TYPE_STRING &&
          !g_str_equal (json_node_get_string (name), "ColumnTransformer"))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("estimator: expected ‘ColumnTransformer’, got ‘%s’"),
                       json_node_get_string (name));
          return NULL;
        }
      params = json_object_get_member (object, "params");
      if (params != NULL && JSON_NODE_HOLDS_OBJECT (params))
        object = json_node_get_object (params);
      array = json_object_get_member (object, "transformers");
    }
  groups = lb_column_transformer_parse_groups (array, error);
  if (groups == NULL)
    return NULL;
  self = lb_column_transformer_new ();
  replace_groups (self, g_steal_pointer (&groups));
  if (object != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "transformers") && !g_str_equal (l->data, "estimator") &&
            !lb_estimator_set_param (LB_ESTIMATOR (self), l->data,
                                     json_object_get_member (object, l->data), error))
          {
            g_object_unref (self);
            return NULL;
          }
    }
  return self;
}

/* --- fitting --- */

/* Indices in X of @group's columns. */
static GArray *
resolve_columns (LbColumnGroup     *group,
                 LbMatrix  *X,
                 GError   **error)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));
  guint p = lb_matrix_get_n_cols (X);

  for (guint c = 0; group->columns[c] != NULL; c++)
    {
      guint j;

      for (j = 0; j < p; j++)
        if (g_str_equal (lb_matrix_get_column_name (X, j), group->columns[c]))
          break;
      if (j == p)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("Column group ‘%s’: there is no column ‘%s’ in the data"),
                       group->name, group->columns[c]);
          g_array_unref (indices);
          return NULL;
        }
      g_array_append_val (indices, j);
    }
  return indices;
}

static LbMatrix *
prefix_names (LbColumnTransformer *self,
              LbMatrix            *m,
              const char          *prefix)
{
  guint p = lb_matrix_get_n_cols (m);
  g_auto(GStrv) names = g_new0 (char *, p + 1);

  for (guint j = 0; j < p; j++)
    names[j] = self->verbose_names
               ? g_strdup_printf ("%s__%s", prefix, lb_matrix_get_column_name (m, j))
               : g_strdup (lb_matrix_get_column_name (m, j));
  lb_matrix_set_column_names (m, (const char * const *) names);
  return m;
}

/* Transforms (fitting first when @ctx != NULL) and stacks. */
static LbMatrix *
run (LbColumnTransformer *self,
     LbMatrix            *X,
     LbMatrix            *y,
     LbFitContext        *ctx,
     GError             **error)
{
  g_autoptr(LbMatrix) out = lb_matrix_new (lb_matrix_get_n_rows (X), 0);
  gboolean fitting = ctx != NULL;
  gboolean by_name = lb_matrix_get_column_names (X) != NULL;

  for (guint g = 0; g < self->groups->len; g++)
    {
      LbColumnGroup *group = self->groups->pdata[g];
      g_autoptr(GArray) indices = NULL;
      g_autoptr(LbMatrix) sub = NULL;
      g_autoptr(LbMatrix) part = NULL;
      LbMatrix *stacked;

      if (fitting || by_name)
        {
          indices = resolve_columns (group, X, error);
          if (indices == NULL)
            return NULL;
          if (fitting)
            {
              g_clear_pointer (&group->indices, g_array_unref);
              group->indices = g_array_ref (indices);
            }
        }
      else
        indices = g_array_ref (group->indices);
      if (group->kind == LB_COLUMN_GROUP_DROP)
        continue;
      sub = lb_matrix_take_cols (X, (const guint *) indices->data, indices->len);
      if (group->kind == LB_COLUMN_GROUP_PASSTHROUGH)
        part = g_steal_pointer (&sub);
      else if (fitting)
        {
          g_autoptr(LbFitContext) child =
            lb_fit_context_new_child (ctx, g, (double) g / self->groups->len,
                                      (double) (g + 1) / self->groups->len);

          lb_fit_context_set_seed (child, lb_fit_context_get_seed (ctx));
          part = lb_estimator_fit_transform (group->transformer, sub, y, child, error);
        }
      else
        part = lb_estimator_transform (group->transformer, sub, error);
      if (part == NULL)
        {
          if (error != NULL && *error != NULL &&
              !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (error, _("column group ‘%s’: "), group->name);
          return NULL;
        }
      prefix_names (self, part, group->name);
      stacked = lb_matrix_hstack (out, part);
      lb_matrix_unref (out);
      out = stacked;
    }

  if (fitting)
    {
      g_autofree gboolean *used = g_new0 (gboolean, lb_matrix_get_n_cols (X));

      for (guint g = 0; g < self->groups->len; g++)
        {
          LbColumnGroup *group = self->groups->pdata[g];

          for (guint c = 0; c < group->indices->len; c++)
            used[g_array_index (group->indices, guint, c)] = TRUE;
        }
      g_clear_pointer (&self->remainder_indices, g_array_unref);
      self->remainder_indices = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint j = 0; j < lb_matrix_get_n_cols (X); j++)
        if (!used[j])
          g_array_append_val (self->remainder_indices, j);
    }
  if (self->remainder == LB_REMAINDER_PASSTHROUGH && self->remainder_indices->len > 0)
    {
      g_autoptr(LbMatrix) rest = lb_matrix_take_cols (X, (const guint *) self->remainder_indices->data,
                                                      self->remainder_indices->len);
      LbMatrix *stacked;

      if (by_name && !fitting)
        {
          /* The remainder columns must be the ones seen at fit. */
          const char * const *fitted = lb_estimator_get_feature_names_in (LB_ESTIMATOR (self));

          for (guint c = 0; fitted != NULL && c < self->remainder_indices->len; c++)
            {
              guint j = g_array_index (self->remainder_indices, guint, c);

              if (!g_str_equal (fitted[j], lb_matrix_get_column_name (X, j)))
                {
                  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                               _("Column %u is ‘%s’ here but was ‘%s’ at fit: the remainder "
                                 "columns must come in the same order"),
                               j + 1, lb_matrix_get_column_name (X, j), fitted[j]);
                  return NULL;
                }
            }
        }
      prefix_names (self, rest, "remainder");
      stacked = lb_matrix_hstack (out, rest);
      lb_matrix_unref (out);
      out = stacked;
    }
  return g_steal_pointer (&out);
}

static gboolean
lb_column_transformer_fit (LbEstimator  *est,
                           LbMatrix     *X,
                           LbMatrix     *y,
                           LbFitContext *ctx,
                           GError      **error)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (est);
  g_autoptr(LbMatrix) out = NULL;

  if (self->groups->len == 0 && self->remainder == LB_REMAINDER_DROP)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("The column transformer has no column groups"));
      return FALSE;
    }
  out = run (self, X, y, ctx, error);
  if (out == NULL)
    return FALSE;
  if (lb_matrix_get_n_cols (out) == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("The column transformer outputs no column: every group drops its columns"));
      return FALSE;
    }
  return TRUE;
}

static LbMatrix *
lb_column_transformer_transform (LbEstimator *est,
                                 LbMatrix    *X,
                                 GError     **error)
{
  return run (LB_COLUMN_TRANSFORMER (est), X, NULL, NULL, error);
}

static void
lb_column_transformer_reset (LbEstimator *est)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (est);

  for (guint g = 0; g < self->groups->len; g++)
    g_clear_pointer (&((LbColumnGroup *) self->groups->pdata[g])->indices, g_array_unref);
  g_clear_pointer (&self->remainder_indices, g_array_unref);
}

static char **
lb_column_transformer_get_feature_names_out (LbEstimator        *est,
                                             const char * const *names_in,
                                             guint               n_in)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (est);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (!lb_estimator_is_fitted (est))
    return NULL;
  for (guint g = 0; g < self->groups->len; g++)
    {
      LbColumnGroup *group = self->groups->pdata[g];
      g_auto(GStrv) sub = NULL;
      g_auto(GStrv) out = NULL;

      if (group->kind == LB_COLUMN_GROUP_DROP)
        continue;
      sub = g_new0 (char *, group->indices->len + 1);
      for (guint c = 0; c < group->indices->len; c++)
        {
          guint j = g_array_index (group->indices, guint, c);

          if (j >= n_in)
            return NULL;
          sub[c] = g_strdup (names_in[j]);
        }
      out = group->kind == LB_COLUMN_GROUP_PASSTHROUGH
            ? g_strdupv (sub)
            : lb_estimator_get_feature_names_out (group->transformer, (const char * const *) sub,
                                                  group->indices->len);
      if (out == NULL)
        return NULL;
      for (guint c = 0; out[c] != NULL; c++)
        g_ptr_array_add (names, self->verbose_names ? g_strdup_printf ("%s__%s", group->name, out[c])
                                                    : g_strdup (out[c]));
    }
  if (self->remainder == LB_REMAINDER_PASSTHROUGH)
    for (guint c = 0; c < self->remainder_indices->len; c++)
      {
        guint j = g_array_index (self->remainder_indices, guint, c);

        if (j >= n_in)
          return NULL;
        g_ptr_array_add (names, self->verbose_names ? g_strdup_printf ("remainder__%s", names_in[j])
                                                    : g_strdup (names_in[j]));
      }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_steal (names, NULL);
}

static JsonNode *
lb_column_transformer_describe_state (LbEstimator *est)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (est);
  JsonObject *object = json_object_new ();
  JsonNode *node;

  for (guint g = 0; g < self->groups->len; g++)
    {
      LbColumnGroup *group = self->groups->pdata[g];
      JsonNode *d = group->transformer != NULL ? lb_estimator_describe_state (group->transformer) : NULL;

      if (d != NULL)
        json_object_set_member (object, group->name, d);
    }
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static LbEstimator *
lb_column_transformer_get_child (LbEstimator *est,
                                 const char  *name)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (est);

  for (guint g = 0; g < self->groups->len; g++)
    {
      LbColumnGroup *group = self->groups->pdata[g];

      if (g_str_equal (group->name, name))
        return group->transformer;
    }
  return NULL;
}

static gboolean
lb_column_transformer_set_child (LbEstimator *est,
                                 const char  *name,
                                 LbEstimator *child,
                                 GError     **error)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (est);

  for (guint g = 0; g < self->groups->len; g++)
    {
      LbColumnGroup *group = self->groups->pdata[g];

      if (g_str_equal (group->name, name))
        {
          g_set_object (&group->transformer, child);
          group->kind = LB_COLUMN_GROUP_TRANSFORM;
          lb_estimator_clear_fitted (est);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSFORMERS]);
          return TRUE;
        }
    }
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
               _("The column transformer has no group ‘%s’"), name);
  return FALSE;
}

static LbEstimatorFlags
lb_column_transformer_get_flags (LbEstimator *est)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (est);
  LbEstimatorFlags flags = LB_ESTIMATOR_TRANSFORMER | LB_ESTIMATOR_ALLOW_NAN;

  /* NaN goes through to the groups, which refuse it unless they allow it. */
  for (guint g = 0; g < self->groups->len; g++)
    {
      LbColumnGroup *group = self->groups->pdata[g];

      if (group->transformer != NULL)
        flags |= lb_estimator_get_flags (group->transformer) &
                 (LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE);
    }
  return flags;
}

static gboolean
lb_column_transformer_check_param_value (LbEstimator  *est,
                                         GParamSpec   *pspec,
                                         const GValue *value,
                                         GError      **error)
{
  if (pspec == properties[PROP_TRANSFORMERS])
    {
      g_autoptr(GPtrArray) groups = lb_column_transformer_parse_groups (g_value_get_boxed (value), error);

      return groups != NULL;
    }
  return TRUE;
}

/* --- GObject --- */

static void
lb_column_transformer_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (object);

  switch (prop_id)
    {
    case PROP_TRANSFORMERS:
      g_value_take_boxed (value, lb_column_transformer_groups_to_json (self));
      break;
    case PROP_REMAINDER:
      g_value_set_enum (value, self->remainder);
      break;
    case PROP_VERBOSE_FEATURE_NAMES_OUT:
      g_value_set_boolean (value, self->verbose_names);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_column_transformer_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (object);

  switch (prop_id)
    {
    case PROP_TRANSFORMERS:
      {
        g_autoptr(GError) error = NULL;
        GPtrArray *groups = lb_column_transformer_parse_groups (g_value_get_boxed (value), &error);

        if (groups == NULL)
          {
            g_critical ("ColumnTransformer: invalid transformers: %s", error->message);
            return;
          }
        replace_groups (self, groups);
      }
      break;
    case PROP_REMAINDER:
      if (self->remainder != (LbRemainder) g_value_get_enum (value))
        {
          self->remainder = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VERBOSE_FEATURE_NAMES_OUT:
      if (self->verbose_names != g_value_get_boolean (value))
        {
          self->verbose_names = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_column_transformer_finalize (GObject *object)
{
  LbColumnTransformer *self = LB_COLUMN_TRANSFORMER (object);

  g_ptr_array_unref (self->groups);
  g_clear_pointer (&self->remainder_indices, g_array_unref);
  G_OBJECT_CLASS (lb_column_transformer_parent_class)->finalize (object);
}

static void
lb_column_transformer_class_init (LbColumnTransformerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_column_transformer_get_property;
  object_class->set_property = lb_column_transformer_set_property;
  object_class->finalize = lb_column_transformer_finalize;

  est_class->name = "ColumnTransformer";
  est_class->flags = LB_ESTIMATOR_TRANSFORMER | LB_ESTIMATOR_ALLOW_NAN;
  est_class->get_flags = lb_column_transformer_get_flags;
  est_class->fit = lb_column_transformer_fit;
  est_class->reset = lb_column_transformer_reset;
  est_class->transform = lb_column_transformer_transform;
  est_class->get_feature_names_out = lb_column_transformer_get_feature_names_out;
  est_class->save_state = lb_column_transformer_save_state;
  est_class->load_state = lb_column_transformer_load_state;
  est_class->describe_state = lb_column_transformer_describe_state;
  est_class->get_child = lb_column_transformer_get_child;
  est_class->check_param_value = lb_column_transformer_check_param_value;
  est_class->set_child = lb_column_transformer_set_child;

  properties[PROP_TRANSFORMERS] =
    g_param_spec_boxed ("transformers", N_("Column groups"),
                        N_("Groups of columns, each prepared by its own transformer"),
                        JSON_TYPE_NODE, flags);
  properties[PROP_REMAINDER] =
    g_param_spec_enum ("remainder", N_("Other columns"),
                       N_("What happens to the columns no group takes: dropped or passed through unchanged"),
                       LB_TYPE_REMAINDER, LB_REMAINDER_DROP, flags);
  properties[PROP_VERBOSE_FEATURE_NAMES_OUT] =
    g_param_spec_boolean ("verbose-feature-names-out", N_("Prefix names with the group"),
                          N_("Name each output column “group__column” so that names from different groups cannot clash"),
                          TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_column_transformer_init (LbColumnTransformer *self)
{
  self->groups = g_ptr_array_new_with_free_func (lb_column_transformer_group_free);
  self->remainder = LB_REMAINDER_DROP;
  self->verbose_names = TRUE;
}
