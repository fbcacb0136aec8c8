/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-table-sort.c: a stable argsort of one column with missing values last
 * (pandas' sort_values with kind="stable"). g_qsort_with_data is a stable
 * merge sort; the comparator never returns "equal" for a missing and a
 * present value, so missing rows keep their own order at the end.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-table-sort.h"

typedef struct
{
  LbColumn *column;
  gboolean  descending;
} LbSortKey;

/* -1, 0, 1 with missing (NULL / NaN / code -1) after everything else */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const LbSortKey *key = user_data;
  guint ra = *(const guint *) a;
  guint rb = *(const guint *) b;
  gboolean ma = lb_column_is_missing (key->column, ra);
  gboolean mb = lb_column_is_missing (key->column, rb);
  int order = 0;

  if (ma || mb)
    return ma == mb ? 0 : (ma ? 1 : -1);

  switch (lb_column_get_kind (key->column))
    {
    case LB_COLUMN_NUMERIC:
      {
        const double *v = lb_column_get_numeric (key->column);
        order = (v[ra] > v[rb]) - (v[ra] < v[rb]);
      }
      break;
    case LB_COLUMN_CATEGORICAL:
      {
        const gint32 *codes = lb_column_get_codes (key->column);
        const char * const *cats = lb_column_get_categories (key->column);
        order = codes[ra] == codes[rb] ? 0 : strcmp (cats[codes[ra]], cats[codes[rb]]);
      }
      break;
    case LB_COLUMN_TEXT:
    default:
      {
        const char * const *text = lb_column_get_text (key->column);
        order = strcmp (text[ra], text[rb]);
      }
      break;
    }
  if (order != 0)
    order = order > 0 ? 1 : -1;
  return key->descending ? -order : order;
}

/* Numbers: sort (value, row) pairs of the present values (cache-friendly,
 * ~3x faster than going through the column per comparison), then append the
 * missing rows in table order. */
typedef struct
{
  double value;
  guint  row;
} LbSortPair;

static int
compare_pairs (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const LbSortPair *pa = a;
  const LbSortPair *pb = b;
  int order = (pa->value > pb->value) - (pa->value < pb->value);

  return GPOINTER_TO_INT (user_data) ? -order : order;
}

static void
sort_numeric (LbColumn *column,
              gboolean  descending,
              GArray   *order)
{
  const double *v = lb_column_get_numeric (column);
  gsize n = lb_column_get_n_rows (column);
  g_autofree LbSortPair *pairs = g_new (LbSortPair, n);
  gsize n_present = 0;
  gsize k = 0;

  for (gsize i = 0; i < n; i++)
    if (!isnan (v[i]))
      {
        pairs[n_present].value = v[i];
        pairs[n_present].row = (guint) i;
        n_present++;
      }
  g_qsort_with_data (pairs, (gint) n_present, sizeof (LbSortPair), compare_pairs,
                     GINT_TO_POINTER (descending));
  for (gsize i = 0; i < n_present; i++)
    g_array_index (order, guint, k++) = pairs[i].row;
  for (gsize i = 0; i < n; i++)
    if (isnan (v[i]))
      g_array_index (order, guint, k++) = (guint) i;
}

GArray *
lb_table_sort_rows (LbTable       *table,
                    guint          column,
                    gboolean       descending,
                    GCancellable  *cancellable,
                    GError       **error)
{
  gsize n;
  g_autoptr (GArray) order = NULL;
  LbSortKey key;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < lb_table_get_n_columns (table), NULL);

  n = lb_table_get_n_rows (table);
  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), (guint) n);
  g_array_set_size (order, (guint) n);
  for (gsize i = 0; i < n; i++)
    g_array_index (order, guint, i) = (guint) i;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  key.column = lb_table_get_column (table, column);
  key.descending = descending;
  if (lb_column_get_kind (key.column) == LB_COLUMN_NUMERIC)
    sort_numeric (key.column, descending, order);
  else
    g_qsort_with_data (order->data, (gint) n, sizeof (guint), compare_rows, &key);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&order);
}

/* --- as a job --- */

typedef struct
{
  LbTable  *table;
  guint     column;
  gboolean  descending;
} LbSortTask;

static void
sort_task_free (gpointer data)
{
  LbSortTask *task = data;

  lb_table_unref (task->table);
  g_free (task);
}

static void
sort_job_func (LbJob        *job,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LbSortTask *task = task_data;
  g_autoptr (GError) error = NULL;
  GArray *order = lb_table_sort_rows (task->table, task->column, task->descending,
                                      cancellable, &error);

  if (order == NULL)
    lb_job_return_error (job, g_steal_pointer (&error));
  else
    lb_job_return_pointer (job, order, (GDestroyNotify) g_array_unref);
}

LbJob *
lb_table_sort_rows_async (LbTable             *table,
                          guint                column,
                          gboolean             descending,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  LbSortTask *task = g_new0 (LbSortTask, 1);
  g_autofree char *title = NULL;
  LbJob *job;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < lb_table_get_n_columns (table), NULL);

  task->table = lb_table_ref (table);
  task->column = column;
  task->descending = descending;
  /* Translators: the job bar while a table is sorted: "Sorting by median_income" */
  title = g_strdup_printf (_("Sorting by %s"),
                           lb_column_get_name (lb_table_get_column (table, column)));
  job = lb_job_new (title, NULL, cancellable, callback, user_data);
  lb_job_set_task_data (job, task, sort_task_free);
  lb_job_run (job, sort_job_func);
  return job;
}

GArray *
lb_table_sort_rows_finish (GAsyncResult  *result,
                           GError       **error)
{
  return lb_job_propagate_pointer (result, error);
}
