/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-csv-builder.c: a growing column for the CSV reader, its changes of kind
 * (numeric -> categorical -> text) and the merge of a thread's part into the
 * whole column. See lb-csv-builder.h for the rules.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* mremap */
#endif
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "lb-csv-builder.h"

void
lb_csv_builder_init (LbCsvBuilder *builder,
                     LbCsvMode     mode,
                     guint         max_categories,
                     gsize         capacity)
{
  memset (builder, 0, sizeof *builder);
  builder->max_categories = max_categories;
  builder->mode = LB_CSV_MODE_NUMERIC;
  lb_csv_builder_grow (builder, MAX (capacity, 16));
  if (mode == LB_CSV_MODE_CATEGORICAL)
    lb_csv_builder_to_categorical (builder);
  else if (mode == LB_CSV_MODE_TEXT)
    {
      lb_csv_builder_to_categorical (builder);
      lb_csv_builder_to_text (builder);
    }
  else if (mode == LB_CSV_MODE_DEFERRED)
    lb_csv_builder_defer (builder);
}

/* Numeric values of 128 KiB and more live in a mapping of their own rather
 * than in malloc's heap: freeing a table then gives the pages straight back,
 * and loading the next one does not pile up on the holes the last one left
 * (glibc's heap, whose mmap threshold rises after the first big free, kept
 * repeated loads of housing.csv at twice the peak of the first). */
#define MAP_MIN ((gsize) 128 << 10)

static gsize
page_round (gsize bytes)
{
  static gsize page;

  if (page == 0)
    page = (gsize) sysconf (_SC_PAGESIZE);
  return (bytes + page - 1) / page * page;
}

static void
free_values (LbCsvBuilder *builder)
{
  if (builder->values_mapped > 0)
    munmap (builder->values, builder->values_mapped);
  else
    g_free (builder->values);
  builder->values = NULL;
  builder->values_mapped = 0;
}

static void
resize_values (LbCsvBuilder *builder,
               gsize         capacity)
{
  gsize bytes = capacity * sizeof (double);
  void *p;

  if (builder->values_mapped == 0 && bytes < MAP_MIN)
    {
      builder->values = g_renew (double, builder->values, capacity);
      return;
    }
  bytes = page_round (bytes);
  if (builder->values_mapped == 0)
    {
      p = mmap (NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p == MAP_FAILED)
        {
          /* no mapping to be had: the heap will do */
          builder->values = g_renew (double, builder->values, capacity);
          return;
        }
      if (builder->n > 0)
        memcpy (p, builder->values, builder->n * sizeof (double));
      g_free (builder->values);
    }
  else
    {
      p = mremap (builder->values, builder->values_mapped, bytes, MREMAP_MAYMOVE);
      if (p == MAP_FAILED)
        g_error ("%s: failed to map %" G_GSIZE_FORMAT " bytes", G_STRLOC, bytes);
    }
  builder->values = p;
  builder->values_mapped = bytes;
}

double *
lb_csv_builder_steal_values (LbCsvBuilder *builder,
                             gsize        *mapped)
{
  double *values;
  gsize n = builder->n;

  g_assert (builder->mode == LB_CSV_MODE_NUMERIC);

  if (builder->values_mapped > 0)
    {
      gsize bytes = page_round (MAX (n, 1) * sizeof (double));

      /* shrinking in place: the pages past the rows go back */
      if (bytes < builder->values_mapped
          && mremap (builder->values, builder->values_mapped, bytes, 0) != MAP_FAILED)
        builder->values_mapped = bytes;
    }
  else
    builder->values = g_renew (double, builder->values, MAX (n, 1));
  values = builder->values;
  *mapped = builder->values_mapped;
  builder->values = NULL;
  builder->values_mapped = 0;
  return values;
}

static void
free_words (LbCsvBuilder *builder)
{
  g_clear_pointer (&builder->dict, g_hash_table_unref);
  g_clear_pointer (&builder->cats, g_ptr_array_unref);
  builder->last_word = NULL;
}

void
lb_csv_builder_clear (LbCsvBuilder *builder)
{
  if (builder->strings != NULL)
    for (gsize i = 0; i < builder->n; i++)
      g_free (builder->strings[i]);
  free_values (builder);
  g_clear_pointer (&builder->codes, g_free);
  g_clear_pointer (&builder->strings, g_free);
  free_words (builder);
  builder->n = builder->capacity = builder->n_present = 0;
}

void
lb_csv_builder_reset (LbCsvBuilder *builder,
                      LbCsvMode     mode)
{
  gsize capacity = builder->capacity;
  guint max_categories = builder->max_categories;

  if (builder->mode == mode && mode == LB_CSV_MODE_NUMERIC)
    {
      builder->n = builder->n_present = 0;
      builder->seen_number = FALSE;
      return;
    }
  lb_csv_builder_clear (builder);
  lb_csv_builder_init (builder, mode, max_categories, capacity);
}

/* Big columns fault in 2 MiB pages rather than 4 KiB ones (where the kernel
 * allows transparent huge pages on request): a million-row load otherwise
 * spends a tenth of its time in page faults. Advice only; failure is fine. */
static void
advise_huge_pages (void  *data,
                   gsize  size)
{
#ifdef MADV_HUGEPAGE
  const guintptr huge = (guintptr) 2 << 20;
  guintptr first, last;

  if (data == NULL || size < 2 * huge)
    return;
  first = ((guintptr) data + huge - 1) & ~(huge - 1);
  last = ((guintptr) data + size) & ~(huge - 1);
  if (last > first)
    madvise ((void *) first, last - first, MADV_HUGEPAGE);
#endif
}

void
lb_csv_builder_grow (LbCsvBuilder *builder,
                     gsize         min_capacity)
{
  gsize capacity;

  if (min_capacity <= builder->capacity)
    return;
  capacity = MAX (min_capacity, builder->capacity + builder->capacity / 2);
  switch (builder->mode)
    {
    case LB_CSV_MODE_NUMERIC:
      resize_values (builder, capacity);
      advise_huge_pages (builder->values, capacity * sizeof (double));
      break;
    case LB_CSV_MODE_CATEGORICAL:
      builder->codes = g_renew (gint32, builder->codes, capacity);
      advise_huge_pages (builder->codes, capacity * sizeof (gint32));
      break;
    case LB_CSV_MODE_TEXT:
      builder->strings = g_renew (char *, builder->strings, capacity);
      break;
    case LB_CSV_MODE_DEFERRED:
    default:
      break;
    }
  builder->capacity = capacity;
}

/* From numeric with no number seen: every value so far was missing. */
void
lb_csv_builder_to_categorical (LbCsvBuilder *builder)
{
  g_assert (builder->mode == LB_CSV_MODE_NUMERIC && !builder->seen_number);

  free_values (builder);
  builder->codes = g_new (gint32, MAX (builder->capacity, 1));
  for (gsize i = 0; i < builder->n; i++)
    builder->codes[i] = -1;
  builder->dict = g_hash_table_new (g_str_hash, g_str_equal);
  builder->cats = g_ptr_array_new_with_free_func (g_free);
  builder->n_present = 0;
  builder->mode = LB_CSV_MODE_CATEGORICAL;
}

void
lb_csv_builder_to_text (LbCsvBuilder *builder)
{
  g_assert (builder->mode == LB_CSV_MODE_CATEGORICAL);

  builder->strings = g_new (char *, MAX (builder->capacity, 1));
  for (gsize i = 0; i < builder->n; i++)
    builder->strings[i] = builder->codes[i] < 0 ? NULL : g_strdup (builder->cats->pdata[builder->codes[i]]);
  g_clear_pointer (&builder->codes, g_free);
  free_words (builder);
  builder->mode = LB_CSV_MODE_TEXT;
}

void
lb_csv_builder_defer (LbCsvBuilder *builder)
{
  guint max_categories = builder->max_categories;

  lb_csv_builder_clear (builder);
  memset (builder, 0, sizeof *builder);
  builder->max_categories = max_categories;
  builder->mode = LB_CSV_MODE_DEFERRED;
}

static gint32
lookup_word (LbCsvBuilder *builder,
             const char   *word,
             gsize         len)
{
  char stack_key[64];
  g_autofree char *heap_key = NULL;
  char *key;
  gpointer found;
  gint32 code;

  if (builder->last_word != NULL && builder->last_len == len && memcmp (builder->last_word, word, len) == 0)
    return builder->last_code;

  key = len < sizeof stack_key ? stack_key : (heap_key = g_malloc (len + 1));
  memcpy (key, word, len);
  key[len] = '\0';
  found = g_hash_table_lookup (builder->dict, key);
  if (found != NULL)
    code = GPOINTER_TO_INT (found) - 1;
  else
    {
      char *owned = g_strndup (word, len);

      code = (gint32) builder->cats->len;
      g_ptr_array_add (builder->cats, owned);
      g_hash_table_insert (builder->dict, owned, GINT_TO_POINTER (code + 1));
    }
  builder->last_word = builder->cats->pdata[code];
  builder->last_len = len;
  builder->last_code = code;
  return code;
}

void
lb_csv_builder_push_word (LbCsvBuilder *builder,
                          const char   *word,
                          gsize         len,
                          gboolean      missing)
{
  switch (builder->mode)
    {
    case LB_CSV_MODE_DEFERRED:
      return;
    case LB_CSV_MODE_NUMERIC:
      if (missing)
        {
          lb_csv_builder_push_number (builder, NAN);
          return;
        }
      if (builder->seen_number)
        {
          lb_csv_builder_defer (builder);
          return;
        }
      lb_csv_builder_to_categorical (builder);
      G_GNUC_FALLTHROUGH;
    case LB_CSV_MODE_CATEGORICAL:
      if (builder->n == builder->capacity)
        lb_csv_builder_grow (builder, builder->n + 1);
      if (missing)
        {
          builder->codes[builder->n++] = -1;
          return;
        }
      builder->codes[builder->n++] = lookup_word (builder, word, len);
      builder->n_present++;
      if (builder->cats->len <= builder->max_categories)
        return;
      lb_csv_builder_to_text (builder);
      return;
    case LB_CSV_MODE_TEXT:
    default:
      if (builder->n == builder->capacity)
        lb_csv_builder_grow (builder, builder->n + 1);
      builder->strings[builder->n++] = missing ? NULL : g_strndup (word, len);
      builder->n_present += missing ? 0 : 1;
      return;
    }
}

/* --- merging a thread's part --- */

static void
append_missing (LbCsvBuilder *dst,
                gsize         n)
{
  lb_csv_builder_grow (dst, dst->n + n);
  for (gsize i = 0; i < n; i++)
    {
      if (dst->mode == LB_CSV_MODE_NUMERIC)
        dst->values[dst->n + i] = NAN;
      else if (dst->mode == LB_CSV_MODE_CATEGORICAL)
        dst->codes[dst->n + i] = -1;
      else
        dst->strings[dst->n + i] = NULL;
    }
  dst->n += n;
}

void
lb_csv_builder_append (LbCsvBuilder *dst,
                       LbCsvBuilder *src)
{
  LbCsvMode src_mode = src->mode;

  if (dst->mode == LB_CSV_MODE_DEFERRED)
    goto done;
  if (src_mode == LB_CSV_MODE_DEFERRED)
    {
      lb_csv_builder_defer (dst);
      goto done;
    }

  /* the part held numbers: fine only if the whole is still numeric */
  if (src_mode == LB_CSV_MODE_NUMERIC)
    {
      if (dst->mode == LB_CSV_MODE_NUMERIC)
        {
          lb_csv_builder_grow (dst, dst->n + src->n);
          memcpy (dst->values + dst->n, src->values, src->n * sizeof (double));
          dst->n += src->n;
          dst->n_present += src->n_present;
          dst->seen_number |= src->seen_number;
        }
      else if (src->seen_number)
        lb_csv_builder_defer (dst);
      else
        append_missing (dst, src->n);
      goto done;
    }

  /* the part held words */
  if (dst->mode == LB_CSV_MODE_NUMERIC)
    {
      if (dst->seen_number)
        {
          lb_csv_builder_defer (dst);
          goto done;
        }
      lb_csv_builder_to_categorical (dst);
    }
  if (dst->mode == LB_CSV_MODE_CATEGORICAL && src_mode == LB_CSV_MODE_CATEGORICAL)
    {
      g_autofree gint32 *map = g_new (gint32, MAX (src->cats->len, 1));

      for (guint c = 0; c < src->cats->len; c++)
        {
          const char *word = src->cats->pdata[c];

          map[c] = lookup_word (dst, word, strlen (word));
        }
      lb_csv_builder_grow (dst, dst->n + src->n);
      for (gsize i = 0; i < src->n; i++)
        dst->codes[dst->n + i] = src->codes[i] < 0 ? -1 : map[src->codes[i]];
      dst->n += src->n;
      dst->n_present += src->n_present;
      if (dst->cats->len > dst->max_categories)
        lb_csv_builder_to_text (dst);
      goto done;
    }
  if (dst->mode == LB_CSV_MODE_CATEGORICAL)
    lb_csv_builder_to_text (dst);
  lb_csv_builder_grow (dst, dst->n + src->n);
  if (src_mode == LB_CSV_MODE_CATEGORICAL)
    {
      for (gsize i = 0; i < src->n; i++)
        dst->strings[dst->n + i] = src->codes[i] < 0 ? NULL : g_strdup (src->cats->pdata[src->codes[i]]);
    }
  else
    memcpy (dst->strings + dst->n, src->strings, src->n * sizeof (char *));
  dst->n += src->n;
  dst->n_present += src->n_present;
  if (src_mode == LB_CSV_MODE_TEXT)
    src->n = 0;   /* the strings moved to @dst */

done:
  return;
}

static int
compare_words (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const char * const *words = user_data;

  return strcmp (words[*(const gint32 *) a], words[*(const gint32 *) b]);
}

void
lb_csv_builder_sort_categories (LbCsvBuilder *builder)
{
  guint n_cats;
  g_autofree gint32 *order = NULL;
  g_autofree gint32 *rank = NULL;
  GPtrArray *sorted;

  g_assert (builder->mode == LB_CSV_MODE_CATEGORICAL);
  n_cats = builder->cats->len;
  order = g_new (gint32, MAX (n_cats, 1));
  rank = g_new (gint32, MAX (n_cats, 1));
  for (guint c = 0; c < n_cats; c++)
    order[c] = (gint32) c;
  g_qsort_with_data (order, (gint) n_cats, sizeof (gint32), compare_words, builder->cats->pdata);
  sorted = g_ptr_array_new_full (n_cats, g_free);
  for (guint c = 0; c < n_cats; c++)
    {
      rank[order[c]] = (gint32) c;
      g_ptr_array_add (sorted, builder->cats->pdata[order[c]]);
    }
  for (gsize i = 0; i < builder->n; i++)
    if (builder->codes[i] >= 0)
      builder->codes[i] = rank[builder->codes[i]];
  /* the words moved to @sorted: empty the old array without freeing them */
  g_ptr_array_set_free_func (builder->cats, NULL);
  g_ptr_array_unref (builder->cats);
  builder->cats = sorted;
  builder->last_word = NULL;
  g_clear_pointer (&builder->dict, g_hash_table_unref);   /* its codes are the old ones */
}
