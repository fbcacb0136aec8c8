/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-profile.c: info(), value counts, the seeded row sample and the whole
 * profile job (describe() lives in lb-describe.c, correlations in
 * lb-correlation.c). Columns are profiled on two threads, cancellation is
 * checked between columns.
 */
#include "config.h"

#include <stdlib.h>

#include "lb-profile.h"
#include "lb-rng.h"

/* --- info --- */

void
lb_column_info_clear (LbColumnInfo *info)
{
  g_clear_pointer (&info->name, g_free);
}

static void
fill_info (LbColumn     *column,
           LbColumnInfo *info)
{
  info->name = g_strdup (lb_column_get_name (column));
  info->kind = lb_column_get_kind (column);
  info->non_null = lb_column_get_n_rows (column) - lb_column_count_missing (column);
  info->memory = lb_column_get_memory_size (column);
}

GArray *
lb_table_info (LbTable *table)
{
  guint n_columns;
  GArray *infos;

  g_return_val_if_fail (table != NULL, NULL);

  n_columns = lb_table_get_n_columns (table);
  infos = g_array_sized_new (FALSE, TRUE, sizeof (LbColumnInfo), n_columns);
  g_array_set_clear_func (infos, (GDestroyNotify) lb_column_info_clear);
  g_array_set_size (infos, n_columns);
  for (guint c = 0; c < n_columns; c++)
    fill_info (lb_table_get_column (table, c), &g_array_index (infos, LbColumnInfo, c));
  return infos;
}

/* --- value counts --- */

typedef struct
{
  gsize count;
  gsize first_row;
  guint index;
} CountEntry;

static int
compare_count_entries (const void *pa,
                       const void *pb)
{
  const CountEntry *a = pa, *b = pb;

  if (a->count != b->count)
    return a->count > b->count ? -1 : 1;
  return (a->first_row > b->first_row) - (a->first_row < b->first_row);
}

LbValueCounts *
lb_column_value_counts (LbColumn *column)
{
  gsize n;
  g_autofree CountEntry *entries = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();  /* borrowed strings */
  guint n_entries = 0;
  LbValueCounts *result;

  g_return_val_if_fail (column != NULL, NULL);

  n = lb_column_get_n_rows (column);
  switch (lb_column_get_kind (column))
    {
    case LB_COLUMN_CATEGORICAL:
      {
        const gint32 *codes = lb_column_get_codes (column);
        const char * const *categories = lb_column_get_categories (column);
        guint n_categories = lb_column_get_n_categories (column);

        entries = g_new (CountEntry, MAX (n_categories, 1));
        for (guint k = 0; k < n_categories; k++)
          entries[k] = (CountEntry) { 0, G_MAXSIZE, k };
        for (gsize i = 0; i < n; i++)
          {
            gint32 code = codes[i];

            if (code < 0 || (guint) code >= n_categories)
              continue;
            if (entries[code].count++ == 0)
              entries[code].first_row = i;
          }
        for (guint k = 0; k < n_categories; k++)
          g_ptr_array_add (names, (gpointer) categories[k]);
        n_entries = n_categories;
        break;
      }

    case LB_COLUMN_TEXT:
      {
        const char * const *text = lb_column_get_text (column);
        g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
        g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (CountEntry));

        for (gsize i = 0; i < n; i++)
          {
            gpointer slot;

            if (text[i] == NULL)
              continue;
            if (g_hash_table_lookup_extended (index, text[i], NULL, &slot))
              g_array_index (found, CountEntry, GPOINTER_TO_UINT (slot)).count++;
            else
              {
                CountEntry e = { 1, i, found->len };

                g_hash_table_insert (index, (gpointer) text[i], GUINT_TO_POINTER (found->len));
                g_array_append_val (found, e);
                g_ptr_array_add (names, (gpointer) text[i]);
              }
          }
        n_entries = found->len;
        entries = (CountEntry *) (void *) g_array_free (g_steal_pointer (&found), FALSE);
        break;
      }

    case LB_COLUMN_NUMERIC:
    default:
      return NULL;
    }

  qsort (entries, n_entries, sizeof (CountEntry), compare_count_entries);

  result = g_new0 (LbValueCounts, 1);
  result->values = g_new0 (char *, n_entries + 1);
  result->counts = g_new0 (gsize, MAX (n_entries, 1));
  for (guint k = 0; k < n_entries && entries[k].count > 0; k++)
    {
      result->values[k] = g_strdup (g_ptr_array_index (names, entries[k].index));
      result->counts[k] = entries[k].count;
      result->n_values++;
    }
  return result;
}

void
lb_value_counts_free (LbValueCounts *counts)
{
  if (counts == NULL)
    return;
  g_strfreev (counts->values);
  g_free (counts->counts);
  g_free (counts);
}
/* --- row sample --- */

/* Knuth's selection sampling (Algorithm S): one pass, ascending by
 * construction, every subset of size @n equally likely. */
GArray *
lb_table_sample_rows (LbTable *table,
                      gsize    n,
                      guint64  seed)
{
  gsize n_rows, wanted;
  GArray *rows;
  LbRng rng;

  g_return_val_if_fail (table != NULL, NULL);

  n_rows = lb_table_get_n_rows (table);
  wanted = MIN (n, n_rows);
  rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), wanted);
  lb_rng_init (&rng, seed);
  for (gsize t = 0; t < n_rows && rows->len < wanted; t++)
    {
      gsize need = wanted - rows->len;
      gsize left = n_rows - t;

      if (need == left || lb_rng_below (&rng, left) < need)
        {
          guint row = t;

          g_array_append_val (rows, row);
        }
    }
  return rows;
}

/* --- the whole profile --- */

typedef struct
{
  LbProfile    *profile;
  GCancellable *cancellable;
  gint          next;       /* atomic: the next column to do */
} ProfileWork;

/* info() of a numeric column takes its count from describe(), which has
 * counted the non-missing values anyway: one pass over the column less */
static void
profile_column (LbProfile *profile,
                guint      c)
{
  LbColumn *column = lb_table_get_column (profile->table, c);
  LbColumnInfo *info = &g_array_index (profile->info, LbColumnInfo, c);

  if (lb_column_get_kind (column) == LB_COLUMN_NUMERIC)
    {
      lb_column_describe (column, &profile->summaries[c]);
      info->name = g_strdup (lb_column_get_name (column));
      info->kind = LB_COLUMN_NUMERIC;
      info->non_null = profile->summaries[c].count;
      info->memory = lb_column_get_memory_size (column);
    }
  else
    {
      fill_info (column, info);
      profile->counts[c] = lb_column_value_counts (column);
    }
}

static gpointer
profile_worker (gpointer data)
{
  ProfileWork *work = data;
  guint n_columns = lb_table_get_n_columns (work->profile->table);

  for (;;)
    {
      guint c;

      /* cancellation is checked between columns */
      if (g_cancellable_is_cancelled (work->cancellable))
        break;
      c = (guint) g_atomic_int_add (&work->next, 1);
      if (c >= n_columns)
        break;
      profile_column (work->profile, c);
    }
  return NULL;
}

LbProfile *
lb_profile_compute (LbTable       *table,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(LbProfile) profile = NULL;
  ProfileWork work = { 0, };
  GThread *helper = NULL;
  guint n_columns;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_columns = lb_table_get_n_columns (table);
  profile = g_new0 (LbProfile, 1);
  profile->table = lb_table_ref (table);
  /* filled by the workers, column by column (see profile_column) */
  profile->info = g_array_sized_new (FALSE, TRUE, sizeof (LbColumnInfo), n_columns);
  g_array_set_clear_func (profile->info, (GDestroyNotify) lb_column_info_clear);
  g_array_set_size (profile->info, n_columns);
  profile->summaries = g_new0 (LbNumericSummary, MAX (n_columns, 1));
  profile->counts = g_new0 (LbValueCounts *, MAX (n_columns, 1));

  /* columns are independent: two threads take them in turn (the machines
   * we target have 2 cores; more would only fight over memory bandwidth).
   * Below 2 million cells (housing.csv has 206 400) the helper saves nothing
   * measurable (describe takes under a millisecond) and its stack and malloc
   * arena are memory on top of the table. */
  work.profile = profile;
  work.cancellable = cancellable;
  if (n_columns > 1 && lb_table_get_n_rows (table) * n_columns >= 2000000)
    helper = g_thread_try_new ("lb-profile", profile_worker, &work, NULL);
  profile_worker (&work);
  if (helper != NULL)
    g_thread_join (helper);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&profile);
}

void
lb_profile_free (LbProfile *profile)
{
  if (profile == NULL)
    return;
  if (profile->counts != NULL)
    {
      guint n_columns = lb_table_get_n_columns (profile->table);

      for (guint c = 0; c < n_columns; c++)
        lb_value_counts_free (profile->counts[c]);
      g_free (profile->counts);
    }
  g_free (profile->summaries);
  g_clear_pointer (&profile->info, g_array_unref);
  g_clear_pointer (&profile->table, lb_table_unref);
  g_free (profile);
}
