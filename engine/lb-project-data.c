/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-project-data.c: the data side of a project run: read the file (with a
 * message saying how to get it when it is missing), split it, check every
 * column the project names, and build X / y for the training rows, the test
 * rows and the "predict" rows. Categorical features keep the table's
 * categories in every part, so a category has the same code everywhere.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-project-private.h"
#include "lb-project-run.h"

/* --- reading --- */

static gboolean
check_exists_help (const char *data_help,
                   const char *key,
                   const char *path,
                   GError    **error)
{
  g_autofree char *test_data = NULL, *dir = NULL;
  g_autoptr (GString) message = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  message = g_string_new (NULL);
  g_string_append_printf (message, _("%s: the file “%s” does not exist."), key, path);
  if (data_help != NULL)
    g_string_append_printf (message, " %s.", data_help);
  test_data = lb_project_dup_test_data_dir ();
  dir = g_canonicalize_filename (test_data, NULL);
  if (g_str_has_prefix (path, dir) || g_str_has_prefix (path, test_data)
      || strstr (path, "/reference/") != NULL)
    g_string_append_printf (message,
                            _(" ${LEARNBENCH_TEST_DATA} is “%s”%s: set LEARNBENCH_TEST_DATA to the folder "
                              "that holds the book's data sets (housing/, lifesat/ …)."),
                            test_data,
                            g_getenv ("LEARNBENCH_TEST_DATA") == NULL ? _(" (the default)") : "");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, message->str);
  return FALSE;
}

static gboolean
check_exists (LbProject  *project,
              const char *key,
              const char *path,
              GError    **error)
{
  return check_exists_help (project->data_help, key, path, error);
}

LbTable *
lb_project_load_data (LbProject    *project,
                      GCancellable *cancellable,
                      GError      **error)
{
  LbTable *table;

  g_return_val_if_fail (project != NULL, NULL);
  if (project->data_sample != NULL)
    {
      g_autofree char *name = g_strdup_printf ("sample:%s", project->data_sample);

      table = lb_load_table (name, NULL, NULL, cancellable, error);
      if (table == NULL)
        g_prefix_error (error, "data.sample: ");
      return table;
    }
  if (!check_exists (project, "data.path", project->data_path, error))
    return NULL;
  if (project->data_labels != NULL)
    {
      if (!check_exists (project, "data.labels", project->data_labels, error))
        return NULL;
      table = lb_idx_read (project->data_path, project->data_labels, project->data_max_rows,
                           NULL, NULL, cancellable, error);
    }
  else if (project->delimiter != 0 || project->thousands != 0 || project->latin1)
    {
      LbCsvOptions options = LB_CSV_OPTIONS_INIT;

      options.delimiter = project->delimiter;
      options.thousands = project->thousands;
      options.latin1 = project->latin1;
      table = lb_csv_read_file (project->data_path, &options, NULL, NULL, cancellable, error);
    }
  else
    table = lb_load_table (project->data_path, NULL, NULL, cancellable, error);
  if (table == NULL)
    g_prefix_error (error, "%s: ", project->data_path);
  return table;
}

/* --- the split --- */

LbSplit *
lb_project_split_rows (const LbProjectSplit *s,
                       guint64               seed,
                       const char           *data_help,
                       LbTable              *table,
                       GError              **error)
{
  gsize n = lb_table_get_n_rows (table);
  LbColumn *column = NULL;
  LbSplit *split = NULL;

  if (s->column != NULL)
    {
      column = lb_table_get_column_by_name (table, s->column);
      if (column == NULL)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("split.column: the data has no column “%s”"), s->column);
          return NULL;
        }
    }
  switch (s->kind)
    {
    case LB_PROJECT_SPLIT_NONE:
      {
        g_autofree guint *all = g_new (guint, MAX (n, 1));

        for (gsize i = 0; i < n; i++)
          all[i] = (guint) i;
        return lb_split_new (all, n, NULL, 0);
      }
    case LB_PROJECT_SPLIT_RANDOM:
      split = lb_split_train_test (n, s->test_size, TRUE, seed, error);
      break;
    case LB_PROJECT_SPLIT_STRATIFIED:
      if (lb_column_get_kind (column) != LB_COLUMN_NUMERIC)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("split.column: “%s” is not numeric, so it cannot be binned"), s->column);
          return NULL;
        }
      split = lb_split_stratified_by_bins (lb_column_get_numeric (column), n, s->bins, s->n_bins,
                                           s->test_size, seed, error);
      break;
    case LB_PROJECT_SPLIT_ID_HASH:
      split = column != NULL ? lb_split_id_hash_column (column, s->test_size, error)
                             : lb_split_id_hash (NULL, n, s->test_size, error);
      break;
    case LB_PROJECT_SPLIT_INDEX_FILES:
      if (!check_exists_help (data_help, "split.train", s->train_file, error)
          || (s->test_file != NULL && !check_exists_help (data_help, "split.test", s->test_file, error)))
        return NULL;
      if (s->test_file != NULL)
        split = lb_split_new_from_index_files (s->train_file, s->test_file, n, error);
      else
        {
          g_autofree char *text = NULL;
          g_autoptr (GArray) train = NULL;

          if (!g_file_get_contents (s->train_file, &text, NULL, error))
            return NULL;
          train = lb_split_parse_indices (text, s->train_file, error);
          if (train == NULL)
            return NULL;
          split = lb_split_new ((const guint *) train->data, train->len, NULL, 0);
          if (!lb_split_check (split, n, error))
            g_clear_pointer (&split, lb_split_unref);
        }
      break;
    default:
      g_assert_not_reached ();
    }
  if (split == NULL)
    g_prefix_error (error, "split: ");
  return split;
}

static LbSplit *
make_split (LbProject *project,
            LbTable   *table,
            GError   **error)
{
  return lb_project_split_rows (&project->split, project->seed, project->data_help, table, error);
}

/* --- columns --- */

static gboolean
is_dropped (LbProject  *project,
            const char *name)
{
  return strcmp (name, project->target) == 0
         || g_strv_contains ((const char * const *) project->drop, name);
}

static int
find_feature (LbTable    *table,
              LbProject  *project,
              const char *key,
              const char *name,
              GError    **error)
{
  int c = lb_table_find_column (table, name);

  if (c < 0)
    g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                 _("%s: the data has no column “%s”"), key, name);
  else if (strcmp (name, project->target) == 0)
    g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                 _("%s: “%s” is the target; it cannot be a feature too"), key, name);
  else if (g_strv_contains ((const char * const *) project->drop, name))
    g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                 _("%s: “%s” is in “drop”"), key, name);
  else
    return c;
  return -1;
}

/* The columns of each group, and the union of what the pipeline reads. */
static gboolean
select_columns (LbProject     *project,
                LbProjectData *data,
                GError       **error)
{
  LbTable *table = data->table;
  guint n_columns = lb_table_get_n_columns (table);
  g_autofree gboolean *used = g_new0 (gboolean, n_columns);
  gboolean all = project->groups->len == 0 || project->remainder_passthrough;

  for (guint i = 0; project->drop[i] != NULL; i++)
    if (lb_table_find_column (table, project->drop[i]) < 0)
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                     _("drop[%u]: the data has no column “%s”"), i, project->drop[i]);
        return FALSE;
      }

  data->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint g = 0; g < project->groups->len; g++)
    {
      const LbProjectGroup *group = g_ptr_array_index (project->groups, g);
      g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
      g_auto (GStrv) list = NULL;

      if (group->columns != NULL)
        for (guint i = 0; group->columns[i] != NULL; i++)
          {
            g_autofree char *key = g_strdup_printf ("pipeline.groups[%u].columns[%u]", g, i);
            int c = find_feature (table, project, key, group->columns[i], error);

            if (c < 0)
              return FALSE;
            used[c] = TRUE;
            g_strv_builder_add (names, group->columns[i]);
          }
      else
        {
          LbColumnKind kind = strcmp (group->kind, "numeric") == 0 ? LB_COLUMN_NUMERIC
                                                                   : LB_COLUMN_CATEGORICAL;

          for (guint c = 0; c < n_columns; c++)
            {
              LbColumn *column = lb_table_get_column (table, c);

              if (lb_column_get_kind (column) == kind && !is_dropped (project, lb_column_get_name (column)))
                {
                  used[c] = TRUE;
                  g_strv_builder_add (names, lb_column_get_name (column));
                }
            }
        }
      list = g_strv_builder_end (names);
      if (list[0] == NULL)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("pipeline.groups[%u]: the group “%s” selects no column"), g, group->name);
          return FALSE;
        }
      g_ptr_array_add (data->groups, g_steal_pointer (&list));
    }

  data->features = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < n_columns; c++)
    {
      LbColumn *column = lb_table_get_column (table, c);

      if (is_dropped (project, lb_column_get_name (column)) || !(all || used[c]))
        continue;
      if (lb_column_get_kind (column) == LB_COLUMN_TEXT)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("the column “%s” holds free text, which no model reads: list it in “drop”"),
                       lb_column_get_name (column));
          return FALSE;
        }
      g_array_append_val (data->features, c);
    }
  if (data->features->len == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("no feature is left: every column is the target or dropped"));
      return FALSE;
    }
  return TRUE;
}

/* --- the target --- */

static LbMatrix *
make_target (LbProject     *project,
             LbProjectData *data,
             GError       **error)
{
  LbColumn *column = lb_table_get_column_by_name (data->table, project->target);
  gsize n = lb_table_get_n_rows (data->table);
  gsize missing;

  if (column == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("target: the data has no column “%s”"), project->target);
      return NULL;
    }
  missing = lb_column_count_missing (column);
  if (missing > 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("target: “%s” is missing in %lu rows; a model cannot learn from them"),
                   project->target, (gulong) missing);
      return NULL;
    }
  if (project->positive_class != NULL)
    {
      /* y = (target == positive_class): classes "False" < "True", as numpy's bools. */
      g_autofree gint32 *codes = g_new (gint32, MAX (n, 1));
      char **categories = g_new0 (char *, 3);
      g_autoptr (LbColumn) binary = NULL;
      gsize n_positive = 0;

      categories[0] = g_strdup ("False");
      categories[1] = g_strdup ("True");
      for (gsize i = 0; i < n; i++)
        {
          g_autofree char *text = lb_column_format_value (column, i);
          gboolean positive = strcmp (text, project->positive_class) == 0;

          /* a categorical column also matches by code ("0" for the first class) */
          if (!positive && lb_column_get_kind (column) == LB_COLUMN_CATEGORICAL)
            {
              g_autofree char *code = g_strdup_printf ("%d", lb_column_get_codes (column)[i]);

              positive = strcmp (code, project->positive_class) == 0;
            }
          codes[i] = positive ? 1 : 0;
          n_positive += positive;
        }
      if (n_positive == 0)
        {
          g_strfreev (categories);
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("positive_class: no row of “%s” is “%s”"), project->target, project->positive_class);
          return NULL;
        }
      binary = lb_column_new_categorical (project->target, g_steal_pointer (&codes), n, categories);
      data->classification = TRUE;
      return lb_matrix_new_from_column (binary, error);
    }
  if (lb_column_get_kind (column) == LB_COLUMN_TEXT)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("target: “%s” holds free text, not values or classes"), project->target);
      return NULL;
    }
  data->classification = lb_column_get_kind (column) == LB_COLUMN_CATEGORICAL;
  return lb_matrix_new_from_column (column, error);
}

/* --- the "predict" rows --- */

static LbMatrix *
make_predict_rows (LbProject     *project,
                   LbProjectData *data,
                   GError       **error)
{
  JsonArray *rows = project->predict;
  guint n = json_array_get_length (rows);
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr (LbTable) table = NULL;
  g_autofree guint *all = g_new (guint, data->features->len);

  /* Keys must be feature columns. */
  for (guint r = 0; r < n; r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      g_autoptr (GList) members = json_object_get_members (row);

      for (GList *l = members; l != NULL; l = l->next)
        {
          gboolean found = FALSE;

          for (guint f = 0; f < data->features->len && !found; f++)
            found = strcmp (lb_column_get_name (lb_table_get_column (data->table,
                              g_array_index (data->features, guint, f))), l->data) == 0;
          if (!found)
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                           _("predict[%u].%s: not a feature column of this project"), r, (const char *) l->data);
              return NULL;
            }
        }
    }

  for (guint f = 0; f < data->features->len; f++)
    {
      LbColumn *source = lb_table_get_column (data->table, g_array_index (data->features, guint, f));
      const char *name = lb_column_get_name (source);
      gboolean numeric = lb_column_get_kind (source) == LB_COLUMN_NUMERIC;
      double *values = numeric ? g_new (double, n) : NULL;
      gint32 *codes = numeric ? NULL : g_new (gint32, n);

      for (guint r = 0; r < n; r++)
        {
          JsonNode *v = json_object_get_member (json_array_get_object_element (rows, r), name);
          gboolean is_string = v != NULL && JSON_NODE_HOLDS_VALUE (v)
                               && json_node_get_value_type (v) == G_TYPE_STRING;

          if (v == NULL || JSON_NODE_HOLDS_NULL (v))
            {
              /* absent = missing: the imputer fills it, as for a NaN in the file */
              if (numeric)
                values[r] = NAN;
              else
                codes[r] = -1;
            }
          else if (numeric)
            {
              if (is_string)
                {
                  g_free (values);
                  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                               _("predict[%u].%s: must be a number"), r, name);
                  return NULL;
                }
              values[r] = json_node_get_double (v);
            }
          else
            {
              const char * const *categories = lb_column_get_categories (source);
              g_autofree char *text = is_string ? g_strdup (json_node_get_string (v))
                                                : g_strdup_printf ("%.17g", json_node_get_double (v));

              codes[r] = -1;
              for (guint k = 0; k < lb_column_get_n_categories (source); k++)
                if (strcmp (categories[k], text) == 0)
                  codes[r] = (gint32) k;
              if (codes[r] < 0)
                {
                  g_free (codes);
                  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                               _("predict[%u].%s: “%s” is not one of the column's categories"), r, name, text);
                  return NULL;
                }
            }
        }
      if (numeric)
        g_ptr_array_add (columns, lb_column_new_numeric (name, values, n));
      else
        g_ptr_array_add (columns, lb_column_new_categorical (name, codes, n,
                           g_strdupv ((char **) lb_column_get_categories (source))));
      all[f] = f;
    }
  table = lb_table_new (columns, error);
  if (table == NULL)
    return NULL;
  return lb_matrix_new_from_table (table, all, data->features->len, error);
}

/* --- all of it --- */

static gboolean prepare_table (LbProject     *project,
                               LbProjectData *data,
                               GCancellable  *cancellable,
                               GError       **error);

gboolean
lb_project_data_prepare (LbProject     *project,
                         LbProjectData *data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  memset (data, 0, sizeof *data);
  data->table = lb_project_load_data (project, cancellable, error);
  if (data->table == NULL)
    return FALSE;
  return prepare_table (project, data, cancellable, error);
}

gboolean
lb_project_data_prepare_table (LbProject     *project,
                               LbTable       *table,
                               LbProjectData *data,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_return_val_if_fail (project != NULL && table != NULL && data != NULL, FALSE);

  memset (data, 0, sizeof *data);
  data->table = lb_table_ref (table);
  return prepare_table (project, data, cancellable, error);
}

static gboolean
prepare_table (LbProject     *project,
               LbProjectData *data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr (LbMatrix) X = NULL;
  g_autoptr (LbMatrix) y = NULL;
  const guint *rows;
  gsize n_rows;

  if (!select_columns (project, data, error))
    return FALSE;
  y = make_target (project, data, error);
  if (y == NULL)
    return FALSE;
  data->split = make_split (project, data->table, error);
  if (data->split == NULL)
    return FALSE;
  if (lb_split_get_n_train (data->split) == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("split: no row is left for training"));
      return FALSE;
    }
  X = lb_matrix_new_from_table (data->table, (const guint *) data->features->data,
                                data->features->len, error);
  if (X == NULL)
    return FALSE;

  rows = lb_split_get_train (data->split, &n_rows);
  if (project->split.kind == LB_PROJECT_SPLIT_NONE)
    {
      data->X_train = lb_matrix_ref (X);
      data->y_train = lb_matrix_ref (y);
    }
  else
    {
      data->X_train = lb_matrix_take_rows (X, rows, n_rows);
      data->y_train = lb_matrix_take_rows (y, rows, n_rows);
    }
  rows = lb_split_get_test (data->split, &n_rows);
  if (n_rows > 0)
    {
      data->X_test = lb_matrix_take_rows (X, rows, n_rows);
      data->y_test = lb_matrix_take_rows (y, rows, n_rows);
    }
  if (project->predict != NULL)
    {
      data->X_predict = make_predict_rows (project, data, error);
      if (data->X_predict == NULL)
        return FALSE;
    }
  return TRUE;
}

void
lb_project_data_clear (LbProjectData *data)
{
  g_clear_pointer (&data->table, lb_table_unref);
  g_clear_pointer (&data->split, lb_split_unref);
  g_clear_pointer (&data->features, g_array_unref);
  g_clear_pointer (&data->groups, g_ptr_array_unref);
  g_clear_pointer (&data->X_train, lb_matrix_unref);
  g_clear_pointer (&data->y_train, lb_matrix_unref);
  g_clear_pointer (&data->X_test, lb_matrix_unref);
  g_clear_pointer (&data->y_test, lb_matrix_unref);
  g_clear_pointer (&data->X_predict, lb_matrix_unref);
}
