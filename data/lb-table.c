/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-table.c: LbTable, an immutable list of equally long, uniquely named
 * columns. Every "change" builds a new table holding new references to the
 * unchanged columns, so derived tables cost a pointer per column.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-data-error.h"
#include "lb-table.h"

struct _LbTable
{
  gatomicrefcount ref_count;
  GPtrArray      *columns;      /* (element-type LbColumn) owned refs */
  GHashTable     *by_name;      /* name (borrowed from the column) -> index + 1 */
  gsize           n_rows;
  char           *source;
};

G_DEFINE_BOXED_TYPE (LbTable, lb_table, lb_table_ref, lb_table_unref)

/* Takes @columns (already checked and owning its refs). */
static LbTable *
table_build (GPtrArray  *columns,
             const char *source)
{
  LbTable *table = g_new0 (LbTable, 1);

  g_atomic_ref_count_init (&table->ref_count);
  table->columns = columns;
  table->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  table->n_rows = lb_column_get_n_rows (g_ptr_array_index (columns, 0));
  table->source = g_strdup (source);
  for (guint i = 0; i < columns->len; i++)
    g_hash_table_insert (table->by_name,
                         (gpointer) lb_column_get_name (g_ptr_array_index (columns, i)),
                         GUINT_TO_POINTER (i + 1));
  return table;
}

LbTable *
lb_table_new (GPtrArray  *columns,
              GError    **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) owned = NULL;
  gsize n_rows;

  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (columns->len == 0)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_EMPTY, _("a table needs at least one column"));
      return NULL;
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  n_rows = lb_column_get_n_rows (g_ptr_array_index (columns, 0));
  for (guint i = 0; i < columns->len; i++)
    {
      LbColumn *column = g_ptr_array_index (columns, i);
      const char *name = lb_column_get_name (column);

      if (lb_column_get_n_rows (column) != n_rows)
        {
          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                       _("column '%s' has %zu rows, expected %zu"),
                       name, lb_column_get_n_rows (column), n_rows);
          return NULL;
        }
      if (!g_hash_table_add (seen, (gpointer) name))
        {
          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                       _("two columns are named '%s'"), name);
          return NULL;
        }
    }

  owned = g_ptr_array_new_full (columns->len, (GDestroyNotify) lb_column_unref);
  for (guint i = 0; i < columns->len; i++)
    g_ptr_array_add (owned, lb_column_ref (g_ptr_array_index (columns, i)));
  return table_build (g_steal_pointer (&owned), NULL);
}

LbTable *
lb_table_ref (LbTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_atomic_ref_count_inc (&table->ref_count);
  return table;
}

void
lb_table_unref (LbTable *table)
{
  g_return_if_fail (table != NULL);

  if (!g_atomic_ref_count_dec (&table->ref_count))
    return;
  g_hash_table_unref (table->by_name);
  g_ptr_array_unref (table->columns);
  g_free (table->source);
  g_free (table);
}

gsize
lb_table_get_n_rows (LbTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_rows;
}

guint
lb_table_get_n_columns (LbTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->columns->len;
}

LbColumn *
lb_table_get_column (LbTable *table,
                     guint    index)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (index < table->columns->len, NULL);
  return g_ptr_array_index (table->columns, index);
}

int
lb_table_find_column (LbTable    *table,
                      const char *name)
{
  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (table->by_name, name)) - 1;
}

LbColumn *
lb_table_get_column_by_name (LbTable    *table,
                             const char *name)
{
  int index = lb_table_find_column (table, name);

  return index < 0 ? NULL : g_ptr_array_index (table->columns, index);
}

GArray *
lb_table_dup_numeric_columns (LbTable *table)
{
  GArray *indices;

  g_return_val_if_fail (table != NULL, NULL);

  indices = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < table->columns->len; i++)
    if (lb_column_get_kind (g_ptr_array_index (table->columns, i)) == LB_COLUMN_NUMERIC)
      g_array_append_val (indices, i);
  return indices;
}

gsize
lb_table_get_memory_size (LbTable *table)
{
  gsize size = 0;

  g_return_val_if_fail (table != NULL, 0);
  for (guint i = 0; i < table->columns->len; i++)
    size += lb_column_get_memory_size (g_ptr_array_index (table->columns, i));
  return size;
}

/* --- derived tables --- */

static GPtrArray *
columns_copy (LbTable *table)
{
  GPtrArray *copy = g_ptr_array_new_full (table->columns->len + 1, (GDestroyNotify) lb_column_unref);

  for (guint i = 0; i < table->columns->len; i++)
    g_ptr_array_add (copy, lb_column_ref (g_ptr_array_index (table->columns, i)));
  return copy;
}

LbTable *
lb_table_with_column (LbTable   *table,
                      LbColumn  *column,
                      GError   **error)
{
  GPtrArray *columns;
  int index;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (lb_column_get_n_rows (column) != table->n_rows)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                   _("column '%s' has %zu rows, the table has %zu"),
                   lb_column_get_name (column), lb_column_get_n_rows (column), table->n_rows);
      return NULL;
    }

  columns = columns_copy (table);
  index = lb_table_find_column (table, lb_column_get_name (column));
  if (index >= 0)
    {
      lb_column_unref (g_ptr_array_index (columns, index));
      g_ptr_array_index (columns, index) = lb_column_ref (column);
    }
  else
    g_ptr_array_add (columns, lb_column_ref (column));
  return table_build (columns, table->source);
}

static LbColumn *
column_take_rows (LbColumn    *column,
                  const guint *rows,
                  gsize        n_rows)
{
  const char *name = lb_column_get_name (column);

  switch (lb_column_get_kind (column))
    {
    case LB_COLUMN_NUMERIC:
      {
        const double *src = lb_column_get_numeric (column);
        double *values = g_new (double, MAX (n_rows, 1));

        for (gsize i = 0; i < n_rows; i++)
          values[i] = src[rows[i]];
        return lb_column_new_numeric (name, values, n_rows);
      }
    case LB_COLUMN_CATEGORICAL:
      {
        const gint32 *src = lb_column_get_codes (column);
        gint32 *codes = g_new (gint32, MAX (n_rows, 1));

        for (gsize i = 0; i < n_rows; i++)
          codes[i] = src[rows[i]];
        return lb_column_new_categorical (name, codes, n_rows,
                                          g_strdupv ((char **) lb_column_get_categories (column)));
      }
    case LB_COLUMN_TEXT:
    default:
      {
        const char * const *src = lb_column_get_text (column);
        char **values = g_new (char *, MAX (n_rows, 1));

        for (gsize i = 0; i < n_rows; i++)
          values[i] = g_strdup (src[rows[i]]);
        return lb_column_new_text (name, values, n_rows);
      }
    }
}

LbTable *
lb_table_take_rows (LbTable     *table,
                    const guint *rows,
                    gsize        n_rows)
{
  GPtrArray *columns;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);
  for (gsize i = 0; i < n_rows; i++)
    g_return_val_if_fail (rows[i] < table->n_rows, NULL);

  columns = g_ptr_array_new_full (table->columns->len, (GDestroyNotify) lb_column_unref);
  for (guint c = 0; c < table->columns->len; c++)
    g_ptr_array_add (columns, column_take_rows (g_ptr_array_index (table->columns, c), rows, n_rows));
  return table_build (columns, table->source);
}

const char *
lb_table_get_source (LbTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->source;
}

LbTable *
lb_table_with_source (LbTable    *table,
                      const char *source)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table_build (columns_copy (table), source);
}
