/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-csv-builder.h: one column as the CSV reader grows it. A column starts
 * numeric and stays so while every value parses; its first word turns it
 * categorical (codes + a dictionary), too many distinct words turn it text.
 * A column that already held numbers when a word came is "deferred": the
 * reader reads the file again with that column taken as text from the start,
 * so no number is ever turned back into a string that differs from the file.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LB_CSV_MODE_NUMERIC,
  LB_CSV_MODE_CATEGORICAL,
  LB_CSV_MODE_TEXT,
  LB_CSV_MODE_DEFERRED,
} LbCsvMode;

typedef struct
{
  LbCsvMode   mode;
  gboolean    seen_number;     /* a non-missing number was stored */
  gsize       n;               /* values stored */
  gsize       capacity;
  gsize       n_present;       /* values that are not missing */
  double     *values;          /* NUMERIC */
  gsize       values_mapped;   /* bytes mapped at values (mmap), 0 when g_malloc'd */
  gint32     *codes;           /* CATEGORICAL */
  char      **strings;         /* TEXT, NULL = missing */
  GHashTable *dict;            /* CATEGORICAL: word -> code + 1 (keys owned by cats) */
  GPtrArray  *cats;            /* CATEGORICAL: code -> word */
  guint       max_categories;
  /* the last word looked up (consecutive equal words are common) */
  const char *last_word;
  gsize       last_len;
  gint32      last_code;
} LbCsvBuilder;

void     lb_csv_builder_init        (LbCsvBuilder       *builder,
                                     LbCsvMode           mode,
                                     guint               max_categories,
                                     gsize               capacity);
void     lb_csv_builder_clear       (LbCsvBuilder       *builder);
/* Empties the builder for reuse, keeping its mode's arrays (and freeing words). */
void     lb_csv_builder_reset       (LbCsvBuilder       *builder,
                                     LbCsvMode           mode);
void     lb_csv_builder_grow        (LbCsvBuilder       *builder,
                                     gsize               min_capacity);
void     lb_csv_builder_to_categorical (LbCsvBuilder    *builder);
void     lb_csv_builder_to_text     (LbCsvBuilder       *builder);
void     lb_csv_builder_defer       (LbCsvBuilder       *builder);
void     lb_csv_builder_push_word   (LbCsvBuilder       *builder,
                                     const char         *word,
                                     gsize               len,
                                     gboolean            missing);
/* Appends @src's values to @dst (@src is emptied). */
void     lb_csv_builder_append      (LbCsvBuilder       *dst,
                                     LbCsvBuilder       *src);
/* Takes the numeric values out, shrunk to the @n stored: *mapped is the size
 * of their mapping (free with munmap) or 0 (free with g_free). */
double  *lb_csv_builder_steal_values (LbCsvBuilder      *builder,
                                     gsize             *mapped);
/* Sorts the categories by their bytes and renumbers the codes. */
void     lb_csv_builder_sort_categories (LbCsvBuilder   *builder);

static inline void
lb_csv_builder_push_number (LbCsvBuilder *builder,
                            double        value)
{
  if (G_UNLIKELY (builder->n == builder->capacity))
    lb_csv_builder_grow (builder, builder->n + 1);
  builder->values[builder->n++] = value;
  if (value == value)
    {
      builder->n_present++;
      builder->seen_number = TRUE;
    }
}

G_END_DECLS
