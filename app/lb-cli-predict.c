/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cli-predict.c: `learnbench predict MODEL DATA [-o OUT.csv]`. Loads a
 * model file saved by `learnbench run --save-model` (a fitted pipeline and the
 * input columns it was trained on), reads DATA (any file learnbench opens),
 * picks those columns by name — categories mapped to the training ones — and
 * writes one "prediction" column as CSV (numbers exact, or class names).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-cli-private.h"
#include "lb-engine.h"
#include "lb-model-file.h"

/* A column of @table as the model saw it in training: same name, same
 * category order (a category the model never saw is an error). */
static LbColumn *
align_column (LbTable    *table,
              const char *name,
              JsonArray  *categories,
              GError    **error)
{
  LbColumn *column = lb_table_get_column_by_name (table, name);
  gsize n = lb_table_get_n_rows (table);
  gint32 *codes;
  char **names;

  if (column == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("the data has no column “%s”, which the model needs"), name);
      return NULL;
    }
  if (categories == NULL)
    {
      if (lb_column_get_kind (column) != LB_COLUMN_NUMERIC)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("the column “%s” must hold numbers, as in training"), name);
          return NULL;
        }
      return lb_column_ref (column);
    }

  names = g_new0 (char *, json_array_get_length (categories) + 1);
  for (guint k = 0; k < json_array_get_length (categories); k++)
    names[k] = g_strdup (json_array_get_string_element (categories, k));
  codes = g_new (gint32, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *value = NULL;

      codes[i] = -1;
      if (lb_column_is_missing (column, i))
        continue;
      value = lb_column_format_value (column, i);
      for (guint k = 0; names[k] != NULL; k++)
        if (strcmp (names[k], value) == 0)
          codes[i] = (gint32) k;
      if (codes[i] < 0)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("row %lu: “%s” is not a category of “%s” that the model was trained on"),
                       (gulong) i + 1, value, name);
          g_free (codes);
          g_strfreev (names);
          return NULL;
        }
    }
  return lb_column_new_categorical (name, codes, n, names);
}

static LbMatrix *
build_input (LbTable    *table,
             JsonObject *metadata,
             GError    **error)
{
  JsonArray *features;
  JsonObject *categories = NULL;
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr (LbTable) aligned = NULL;
  g_autofree guint *all = NULL;

  if (metadata == NULL || !json_object_has_member (metadata, "features")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (metadata, "features")))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("the model file does not say which columns it reads (save it with “learnbench run --save-model”)"));
      return NULL;
    }
  features = json_object_get_array_member (metadata, "features");
  if (json_object_has_member (metadata, "categories")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (metadata, "categories")))
    categories = json_object_get_object_member (metadata, "categories");
  all = g_new (guint, MAX (json_array_get_length (features), 1));
  for (guint f = 0; f < json_array_get_length (features); f++)
    {
      JsonNode *node = json_array_get_element (features, f);
      JsonArray *cats = NULL;
      LbColumn *column;
      const char *name;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                       _("metadata.features[%u] is not a column name"), f);
          return NULL;
        }
      name = json_node_get_string (node);
      if (categories != NULL && json_object_has_member (categories, name)
          && JSON_NODE_HOLDS_ARRAY (json_object_get_member (categories, name)))
        cats = json_object_get_array_member (categories, name);
      column = align_column (table, name, cats, error);
      if (column == NULL)
        return NULL;
      g_ptr_array_add (columns, column);
      all[f] = f;
    }
  aligned = lb_table_new (columns, error);
  if (aligned == NULL)
    return NULL;
  return lb_matrix_new_from_table (aligned, all, columns->len, error);
}

/* The shortest "%.Ng" that reads back as the same double (Python's repr). */
static void
append_shortest (GString *out,
                 double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (buf, sizeof buf, digits == 15 ? "%.15g" : digits == 16 ? "%.16g" : "%.17g", v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  g_string_append (out, buf);
}

static char *
format_predictions (LbMatrix *predictions)
{
  GString *out = g_string_new ("prediction\n");
  const char * const *classes = lb_matrix_get_categories (predictions, 0);
  guint n_classes = classes != NULL ? g_strv_length ((char **) classes) : 0;
  const double *p = lb_matrix_get_const_data (predictions);
  gsize stride = lb_matrix_get_n_cols (predictions);

  for (gsize i = 0; i < lb_matrix_get_n_rows (predictions); i++)
    {
      double v = p[i * stride];

      if (n_classes > 0 && v >= 0 && v < n_classes)
        {
          /* RFC 4180: quote a class name that holds a comma, quote or newline */
          const char *name = classes[(gsize) v];

          if (strpbrk (name, ",\"\n\r") != NULL)
            {
              g_autofree char *escaped = NULL;
              g_auto (GStrv) parts = g_strsplit (name, "\"", -1);

              escaped = g_strjoinv ("\"\"", parts);
              g_string_append_printf (out, "\"%s\"\n", escaped);
            }
          else
            g_string_append_printf (out, "%s\n", name);
        }
      else if (isnan (v))
        g_string_append (out, "\n");
      else
        {
          append_shortest (out, v);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

int
lb_cli_predict (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the predictions to FILE (CSV) instead of the standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("MODEL DATA — predict with a saved model"));
  g_auto (GStrv) args = lb_cli_args_dup (argc, argv, "predict");
  g_autoptr (GError) error = NULL;
  g_autoptr (LbEstimator) model = NULL;
  g_autoptr (JsonObject) metadata = NULL;
  g_autoptr (LbTable) table = NULL;
  g_autoptr (LbMatrix) X = NULL;
  g_autoptr (LbMatrix) predictions = NULL;
  g_autofree char *text = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("MODEL is a file saved by “learnbench run PROJECT --save-model MODEL”; DATA has the "
      "columns the model was trained on (others are ignored)."));
  if (!g_option_context_parse_strv (context, &args, &error))
    return lb_cli_usage_error (context, error->message);
  if (g_strv_length (args) != 3)
    return lb_cli_usage_error (context, _("Give a model file and a data file."));

  lb_estimators_register_builtin ();
  model = lb_model_file_load_full (args[1], &metadata, &error);
  if (model == NULL)
    {
      g_prefix_error (&error, "%s: ", args[1]);
      return lb_cli_failure (error);
    }
  table = lb_load_table (args[2], NULL, NULL, NULL, &error);
  if (table == NULL)
    return lb_cli_failure (error);
  X = build_input (table, metadata, &error);
  if (X == NULL)
    {
      g_prefix_error (&error, "%s: ", args[2]);
      return lb_cli_failure (error);
    }
  predictions = lb_estimator_predict (model, X, &error);
  if (predictions == NULL)
    return lb_cli_failure (error);

  text = format_predictions (predictions);
  if (output != NULL)
    {
      if (!g_file_set_contents (output, text, -1, &error))
        return lb_cli_failure (error);
    }
  else
    fputs (text, stdout);
  return 0;
}
