/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-csv-detect.c: what the CSV reader decides from the first records before
 * it reads the rest: the delimiter, whether the first record is a header, and
 * the column names. Speed does not matter here; agreeing with the parser does.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-csv-private.h"

#define SAMPLE_BYTES ((gsize) 1 << 20)

/* --- detection on the first records --- */

void
lb_csv_sample_record_free (gpointer data)
{
  LbCsvSampleRecord *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record);
}

static void
strip_cr (GString    *field,
          gsize       keep,
          const char *data,
          gsize       p,
          gsize       len)
{
  if (field->len > keep && field->str[field->len - 1] == '\r' && (p == len || data[p] == '\n'))
    g_string_truncate (field, field->len - 1);
}

/* One record at *pos with the parser's rules; NULL at the end or when the
 * record is not complete in [0, len). */
LbCsvSampleRecord *
lb_csv_sample_record (const char *data,
                      gsize       len,
                      gsize      *pos,
                      char        delimiter)
{
  gsize p = *pos;
  g_autoptr(GPtrArray) fields = NULL;
  LbCsvSampleRecord *record;
  guint n_fields = 0;

  while (p < len && (data[p] == '\n' || (data[p] == '\r' && (p + 1 == len || data[p + 1] == '\n'))))
    p++;
  if (p >= len)
    return NULL;

  fields = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      GString *field = g_string_new (NULL);

      if (p < len && data[p] == '"')
        {
          gsize keep;

          for (p++;; p++)
            {
              if (p >= len)
                {
                  g_string_free (field, TRUE);
                  return NULL;
                }
              if (data[p] == '"')
                {
                  if (p + 1 < len && data[p + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p++;
                      continue;
                    }
                  p++;
                  break;
                }
              g_string_append_c (field, data[p]);
            }
          if (p < len && data[p] == '\r' && (p + 1 == len || data[p + 1] == '\n'))
            p++;
          keep = field->len;
          while (p < len && data[p] != delimiter && data[p] != '\n')
            g_string_append_c (field, data[p++]);
          strip_cr (field, keep, data, p, len);
        }
      else
        {
          while (p < len && data[p] != delimiter && data[p] != '\n')
            g_string_append_c (field, data[p++]);
          strip_cr (field, 0, data, p, len);
        }
      /* keep no more than a table can have (and count the rest) */
      if (n_fields++ <= LB_CSV_MAX_COLUMNS)
        g_ptr_array_add (fields, g_string_free (field, FALSE));
      else
        g_string_free (field, TRUE);
      if (p < len && data[p] == delimiter)
        {
          p++;
          continue;
        }
      if (p < len)
        p++;
      break;
    }
  *pos = p;
  record = g_new0 (LbCsvSampleRecord, 1);
  record->fields = g_steal_pointer (&fields);
  record->n_fields = n_fields;
  record->end = p;
  return record;
}

GPtrArray *
lb_csv_sample_records (const char *data,
                       gsize       len,
                       char        delimiter,
                       guint       max_records)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (lb_csv_sample_record_free);
  gsize pos = 0;

  /* the first records, or the first MiB of them: enough to decide */
  while (records->len < max_records && (records->len == 0 || pos < SAMPLE_BYTES))
    {
      LbCsvSampleRecord *record = lb_csv_sample_record (data, len, &pos, delimiter);

      if (record == NULL)
        break;
      g_ptr_array_add (records, record);
    }
  return records;
}

/* The candidate that splits the first records into the same number (> 1) of
 * fields, the most fields winning; else the one giving the first record most. */
char
lb_csv_detect_delimiter (const char *data,
                         gsize       len)
{
  static const char candidates[] = { ',', '\t', ';', '|' };
  char best = ',';
  guint best_fields = 0;
  gboolean best_consistent = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      g_autoptr(GPtrArray) records = lb_csv_sample_records (data, len, candidates[k], 30);
      gboolean consistent = records->len > 0;
      guint fields;

      if (records->len == 0)
        continue;
      fields = ((LbCsvSampleRecord *) records->pdata[0])->n_fields;
      for (guint r = 1; r < records->len; r++)
        if (((LbCsvSampleRecord *) records->pdata[r])->n_fields != fields)
          consistent = FALSE;
      if (fields < 2)
        continue;
      if ((consistent && !best_consistent) || (consistent == best_consistent && fields > best_fields))
        {
          best = candidates[k];
          best_fields = fields;
          best_consistent = consistent;
        }
    }
  return best;
}

static gboolean
is_number_word (char        thousands,
                const char *word)
{
  double value;

  return lb_csv_parse_number (thousands, word, word + strlen (word), &value) && !isnan (value);
}

static gboolean
is_word (char        thousands,
         const char *text)
{
  return !lb_csv_is_missing (text, text + strlen (text)) && !is_number_word (thousands, text);
}

/* Whether the first record names the columns:
 * - yes when a column has a word on top of numbers only (the book's GDP file
 *   names a column "2015", but "Estimates Start After" sits on years);
 * - else yes when no field of the first record is a number while some later
 *   field is;
 * - with no number anywhere, yes when no first-record word is missing or
 *   repeats further down its column (a header names, data repeats). */
gboolean
lb_csv_detect_header (GPtrArray *records,
                      char       thousands)
{
  GPtrArray *first = ((LbCsvSampleRecord *) records->pdata[0])->fields;
  gboolean first_number = FALSE;
  gboolean later_number = FALSE;

  for (guint c = 0; c < first->len; c++)
    {
      gboolean numbers = FALSE;
      gboolean words = FALSE;

      if (is_number_word (thousands, first->pdata[c]))
        {
          first_number = TRUE;
          continue;
        }
      for (guint r = 1; r < records->len; r++)
        {
          GPtrArray *fields = ((LbCsvSampleRecord *) records->pdata[r])->fields;
          const char *text = c < fields->len ? fields->pdata[c] : "";

          if (is_number_word (thousands, text))
            numbers = TRUE;
          else if (is_word (thousands, text))
            words = TRUE;
        }
      later_number |= numbers;
      if (numbers && !words && is_word (thousands, first->pdata[c]))
        return TRUE;
    }
  if (first_number)
    return FALSE;
  if (later_number)
    return TRUE;

  for (guint c = 0; c < first->len; c++)
    {
      const char *word = first->pdata[c];

      if (lb_csv_is_missing (word, word + strlen (word)))
        return FALSE;
      for (guint r = 1; r < records->len; r++)
        {
          GPtrArray *fields = ((LbCsvSampleRecord *) records->pdata[r])->fields;

          if (c < fields->len && strcmp (fields->pdata[c], word) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

char **
lb_csv_make_names (GPtrArray *header,
                   guint      n_columns)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  char **names = g_new0 (char *, n_columns + 1);

  for (guint c = 0; c < n_columns; c++)
    {
      const char *given = header != NULL ? header->pdata[c] : NULL;
      char *name = given != NULL && *given != '\0' ? g_strdup (given) : g_strdup_printf ("column%u", c + 1);

      for (guint k = 1; g_hash_table_contains (seen, name); k++)
        {
          g_free (name);
          name = g_strdup_printf ("%s.%u", given != NULL && *given != '\0' ? given : "column", k);
        }
      names[c] = name;
      g_hash_table_add (seen, name);
    }
  return names;
}
