/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-expression-transformer.c: combined attributes through data/'s
 * expression evaluator. fit checks every expression against the training
 * columns and remembers their names; transform rebuilds a small LbTable with
 * those names from the (positional) input columns, evaluates, and appends.
 * So a matrix without column names (a bare predict) still works.
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-data.h"
#include "lb-expression-transformer.h"
#include "lb-prep-private.h"

struct _LbExpressionTransformer
{
  LbEstimator parent_instance;

  /* hyper-parameters */
  char **expressions;   /* "name = expression" */

  /* learned state */
  guint  n_features;
  char **names_in;      /* (n_features) the input names seen during fit */
};

G_DEFINE_TYPE (LbExpressionTransformer, lb_expression_transformer, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_EXPRESSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- parsing "name = expression" --- */

static gboolean
split_entry (const char  *entry,
             guint        index,
             char       **name,
             char       **expression,
             GError     **error)
{
  const char *eq = strchr (entry, '=');
  g_autofree char *n = NULL;
  g_autofree char *e = NULL;

  if (eq != NULL)
    {
      n = g_strstrip (g_strndup (entry, eq - entry));
      e = g_strstrip (g_strdup (eq + 1));
    }
  if (eq == NULL || *n == '\0' || *e == '\0')
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("expressions[%u]: ‘%s’ is not of the form name = expression "
                     "(e.g. rooms_per_household = total_rooms / households)"),
                   index, entry);
      return FALSE;
    }
  *name = g_steal_pointer (&n);
  *expression = g_steal_pointer (&e);
  return TRUE;
}

static guint
n_expressions (LbExpressionTransformer *self)
{
  return self->expressions != NULL ? g_strv_length (self->expressions) : 0;
}

static gboolean
lb_expression_transformer_check_params (LbEstimator *estimator,
                                        GError     **error)
{
  LbExpressionTransformer *self = LB_EXPRESSION_TRANSFORMER (estimator);
  guint k = n_expressions (self);

  for (guint i = 0; i < k; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *expression = NULL;

      if (!split_entry (self->expressions[i], i, &name, &expression, error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        {
          g_autofree char *other = NULL;
          g_autofree char *other_expr = NULL;

          if (split_entry (self->expressions[j], j, &other, &other_expr, NULL)
              && strcmp (other, name) == 0)
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("expressions[%u]: the name ‘%s’ is used twice"), i, name);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* --- evaluation --- */

/* The new columns (k of them, row-major (n, k)) for @X, whose columns are named @names. */
static LbMatrix *
evaluate (LbExpressionTransformer *self,
          LbMatrix                *X,
          const char * const      *names,
          GError                 **error)
{
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  const double *x = lb_matrix_get_const_data (X);
  guint k = n_expressions (self);
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr (LbTable) table = NULL;
  g_autoptr (LbMatrix) result = NULL;
  g_autoptr (GError) local = NULL;
  double *out;

  result = lb_matrix_try_new (n, k, error);
  if (result == NULL)
    return NULL;
  out = lb_matrix_get_data (result);
  if (k == 0)
    return g_steal_pointer (&result);

  for (gsize j = 0; j < d; j++)
    {
      double *values = g_new (double, MAX (n, 1));

      for (gsize i = 0; i < n; i++)
        values[i] = x[i * d + j];
      g_ptr_array_add (columns, lb_column_new_numeric (names[j], values, n));
    }
  table = lb_table_new (columns, &local);
  if (table == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("The input columns cannot be used in expressions: %s"), local->message);
      return NULL;
    }

  for (guint e = 0; e < k; e++)
    {
      g_autofree char *name = NULL;
      g_autofree char *expression = NULL;
      g_autoptr (LbColumn) column = NULL;
      LbTable *next;
      const double *v;

      if (!split_entry (self->expressions[e], e, &name, &expression, error))
        return NULL;
      if (lb_table_find_column (table, name) >= 0)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("expressions[%u]: ‘%s’ is already a column: choose another name"), e, name);
          return NULL;
        }
      column = lb_expression_evaluate (table, expression, name, &local);
      if (column == NULL)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("expressions[%u] (%s): %s"), e, name, local->message);
          return NULL;
        }
      v = lb_column_get_numeric (column);
      for (gsize i = 0; i < n; i++)
        out[i * k + e] = v[i];
      /* later expressions may use this column */
      next = lb_table_with_column (table, column, &local);
      if (next == NULL)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("expressions[%u] (%s): %s"), e, name, local->message);
          return NULL;
        }
      lb_table_unref (table);
      table = next;
    }
  return g_steal_pointer (&result);
}

static void
lb_expression_transformer_reset (LbEstimator *estimator)
{
  LbExpressionTransformer *self = LB_EXPRESSION_TRANSFORMER (estimator);

  g_clear_pointer (&self->names_in, g_strfreev);
  self->n_features = 0;
}

static gboolean
lb_expression_transformer_fit (LbEstimator  *estimator,
                               LbMatrix     *X,
                               LbMatrix     *y,
                               LbFitContext *ctx,
                               GError      **error)
{
  LbExpressionTransformer *self = LB_EXPRESSION_TRANSFORMER (estimator);
  g_autoptr (LbMatrix) check = NULL;

  self->n_features = (guint) lb_matrix_get_n_cols (X);
  self->names_in = lb_prep_dup_names (X);
  /* evaluate once: unknown columns and bad syntax fail here, not at transform */
  check = evaluate (self, X, (const char * const *) self->names_in, error);
  if (check == NULL)
    return FALSE;
  lb_prep_report (ctx, 1.0);
  return TRUE;
}

static char **
lb_expression_transformer_get_feature_names_out (LbEstimator        *estimator,
                                                 const char * const *names_in,
                                                 guint               n_in)
{
  LbExpressionTransformer *self = LB_EXPRESSION_TRANSFORMER (estimator);
  guint k = n_expressions (self);
  char **names = g_new0 (char *, n_in + k + 1);

  for (guint j = 0; j < n_in; j++)
    names[j] = g_strdup (names_in[j]);
  for (guint e = 0; e < k; e++)
    {
      g_autofree char *expression = NULL;

      if (!split_entry (self->expressions[e], e, &names[n_in + e], &expression, NULL))
        names[n_in + e] = g_strdup_printf ("expression%u", e);
    }
  return names;
}

static LbMatrix *
lb_expression_transformer_transform (LbEstimator *estimator,
                                     LbMatrix    *X,
                                     GError     **error)
{
  LbExpressionTransformer *self = LB_EXPRESSION_TRANSFORMER (estimator);
  gsize n, d, k, m;
  const double *x, *v;
  double *out;
  g_autoptr (LbMatrix) added = NULL;
  g_autoptr (LbMatrix) result = NULL;

  if (!lb_prep_check_n_features (X, self->n_features, error))
    return NULL;
  added = evaluate (self, X, (const char * const *) self->names_in, error);
  if (added == NULL)
    return NULL;
  n = lb_matrix_get_n_rows (X);
  d = lb_matrix_get_n_cols (X);
  k = lb_matrix_get_n_cols (added);
  m = d + k;
  result = lb_matrix_try_new (n, m, error);
  if (result == NULL)
    return NULL;
  x = lb_matrix_get_const_data (X);
  v = lb_matrix_get_const_data (added);
  out = lb_matrix_get_data (result);
  for (gsize i = 0; i < n; i++)
    {
      memcpy (out + i * m, x + i * d, d * sizeof (double));
      memcpy (out + i * m + d, v + i * k, k * sizeof (double));
    }
  for (guint j = 0; j < d; j++)
    if (lb_matrix_get_categories (X, j) != NULL)
      lb_matrix_set_categories (result, j, lb_matrix_get_categories (X, j));
  lb_prep_name_output (estimator, X, result);
  return g_steal_pointer (&result);
}

/* --- state --- */

static JsonNode *
lb_expression_transformer_save_state (LbEstimator *estimator,
                                      GError     **error)
{
  LbExpressionTransformer *self = LB_EXPRESSION_TRANSFORMER (estimator);
  JsonNode *node = lb_prep_vectors_to_json (self->n_features, NULL, 0);

  json_object_set_member (json_node_get_object (node), "names_in",
                          lb_prep_strings_to_json ((const char * const *) self->names_in, self->n_features));
  return node;
}

static gboolean
lb_expression_transformer_load_state (LbEstimator *estimator,
                                      JsonNode    *state,
                                      GError     **error)
{
  LbExpressionTransformer *self = LB_EXPRESSION_TRANSFORMER (estimator);
  JsonObject *object = lb_prep_state_object (state, "ExpressionTransformer", error);
  g_auto (GStrv) names = NULL;
  gsize n_names = 0;
  guint64 d;

  if (object == NULL
      || !lb_prep_n_features_from_json (estimator, object, &d, error)
      || (names = lb_prep_strings_from_json (object, "names_in", d, FALSE, &n_names, error)) == NULL)
    return FALSE;
  if (n_names != d)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The model state's list ‘%s’ has %zu values, expected %" PRIu64),
                   "names_in", n_names, d);
      return FALSE;
    }
  lb_expression_transformer_reset (estimator);
  self->n_features = (guint) d;
  self->names_in = g_steal_pointer (&names);
  return TRUE;
}

/* --- GObject --- */

static void
lb_expression_transformer_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  LbExpressionTransformer *self = LB_EXPRESSION_TRANSFORMER (object);

  switch (prop_id)
    {
    case PROP_EXPRESSIONS:
      g_value_set_boxed (value, self->expressions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
strv_equal0 (char * const *a,
             char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || *a == NULL) && (b == NULL || *b == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static void
lb_expression_transformer_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  LbExpressionTransformer *self = LB_EXPRESSION_TRANSFORMER (object);

  switch (prop_id)
    {
    case PROP_EXPRESSIONS:
      {
        char **strv = g_value_get_boxed (value);

        if (strv_equal0 (strv, self->expressions))
          break;
        g_strfreev (self->expressions);
        self->expressions = g_strdupv (strv);
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_expression_transformer_finalize (GObject *object)
{
  LbExpressionTransformer *self = LB_EXPRESSION_TRANSFORMER (object);

  lb_expression_transformer_reset (LB_ESTIMATOR (object));
  g_strfreev (self->expressions);
  G_OBJECT_CLASS (lb_expression_transformer_parent_class)->finalize (object);
}

static void
lb_expression_transformer_class_init (LbExpressionTransformerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *estimator_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_expression_transformer_get_property;
  object_class->set_property = lb_expression_transformer_set_property;
  object_class->finalize = lb_expression_transformer_finalize;

  estimator_class->name = "ExpressionTransformer";
  estimator_class->flags = LB_ESTIMATOR_TRANSFORMER | LB_ESTIMATOR_ALLOW_NAN;
  estimator_class->check_params = lb_expression_transformer_check_params;
  estimator_class->fit = lb_expression_transformer_fit;
  estimator_class->reset = lb_expression_transformer_reset;
  estimator_class->transform = lb_expression_transformer_transform;
  estimator_class->get_feature_names_out = lb_expression_transformer_get_feature_names_out;
  estimator_class->save_state = lb_expression_transformer_save_state;
  estimator_class->load_state = lb_expression_transformer_load_state;

  properties[PROP_EXPRESSIONS] =
    g_param_spec_boxed ("expressions", N_("Expressions"),
                        N_("New columns as name = expression over the input columns, e.g. rooms_per_household = total_rooms / households"),
                        G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_expression_transformer_init (LbExpressionTransformer *self)
{
}

/* --- public --- */

LbEstimator *
lb_expression_transformer_new (const char * const *expressions)
{
  return g_object_new (LB_TYPE_EXPRESSION_TRANSFORMER, "expressions", expressions, NULL);
}
