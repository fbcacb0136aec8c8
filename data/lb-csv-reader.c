/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-csv-reader.c: CSV/TSV into an LbTable in one pass. The input comes in
 * blocks cut at record boundaries; each block is checked (UTF-8, no NUL),
 * split in two at a newline when it holds no quote, and both halves are parsed
 * at once (this thread and one helper) into per-column builders that are then
 * appended in order. Numbers go through the inline Clinger fast path.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-csv-builder.h"
#include "lb-csv-private.h"
#include "lb-csv-reader.h"
#include "lb-data-error.h"
#include "lb-number-parser-private.h"

#define BLOCK_SIZE        ((gsize) 4 << 20)
#define PARALLEL_MIN      ((gsize) 256 << 10)
#define CANCEL_STRIDE     ((gsize) 1 << 20)
#define SAMPLE_RECORDS    100
#define DEFAULT_MAX_CATEGORIES 1000

typedef enum
{
  SEGMENT_OK,
  SEGMENT_RAGGED,
  SEGMENT_UNTERMINATED,
  SEGMENT_ENCODING,
  SEGMENT_NUL,
  SEGMENT_CANCELLED,
} SegmentStatus;

typedef struct _Reader Reader;

typedef struct
{
  Reader        *reader;
  const char    *data;
  gsize          len;
  LbCsvBuilder  *columns;
  gsize          n_rows;
  gsize          n_newlines;     /* '\n' bytes parsed, for line numbers */
  SegmentStatus  status;
  gsize          error_offset;   /* from data */
  guint          error_fields;
  char          *scratch;        /* unescaped quoted fields */
  gsize          scratch_capacity;
} Segment;

struct _Reader
{
  char            delimiter;
  char            thousands;
  guint           max_categories;
  guint           n_columns;
  char          **names;
  LbCsvMode      *start_modes;
  GCancellable   *cancellable;
  LbProgressFunc  progress;
  gpointer        progress_data;
  int             last_percent;
  const char     *message;        /* for the progress callback, may be NULL */
  gboolean        parallel;

  gsize           data_start;     /* stream bytes before the first data record */
  gsize           lines_skipped;  /* newlines in those bytes */
  gsize           row_estimate;

  LbCsvBuilder   *columns;
  gsize           n_rows;
  Segment         segments[2];
};

/* --- small helpers --- */

static gsize
count_newlines (const char *data,
                gsize       len)
{
  gsize n = 0;
  const char *end = data + len;

  while (data < end)
    {
      const char *nl = memchr (data, '\n', (gsize) (end - data));

      if (nl == NULL)
        break;
      n++;
      data = nl + 1;
    }
  return n;
}

static gboolean
is_missing (const char *begin,
            const char *end)
{
  gsize len;

  while (begin < end && lb_is_blank (*begin))
    begin++;
  while (end > begin && lb_is_blank (end[-1]))
    end--;
  len = (gsize) (end - begin);

#define IS(word) (len == sizeof (word) - 1 && memcmp (begin, word, len) == 0)
  switch (len)
    {
    case 0:
      return TRUE;
    case 1:
      return *begin == '?';
    case 2:
      return IS ("NA");
    case 3:
      return IS ("N/A") || IS ("n/a") || IS ("NaN") || IS ("nan") || IS ("NAN");
    case 4:
      return IS ("null") || IS ("NULL") || IS ("Null") || IS ("-NaN") || IS ("-nan") || IS ("<NA>") || IS ("#N/A");
    default:
      return FALSE;
    }
#undef IS
}

/* "22,587" with @thousands ',' */
static gboolean
parse_with_thousands (char        thousands,
                      const char *begin,
                      const char *end,
                      double     *out)
{
  char buffer[128];
  gsize n = 0;

  if (memchr (begin, thousands, (gsize) (end - begin)) == NULL)
    return FALSE;
  for (const char *p = begin; p < end; p++)
    {
      if (*p == thousands)
        continue;
      if (n == sizeof buffer)
        return FALSE;
      buffer[n++] = *p;
    }
  return lb_parse_double_inline (buffer, buffer + n, out);
}

static gboolean
parse_number (Reader     *reader,
              const char *begin,
              const char *end,
              double     *out)
{
  if (lb_parse_double_inline (begin, end, out))
    return TRUE;
  return reader->thousands != 0 && parse_with_thousands (reader->thousands, begin, end, out);
}

/* --- the record boundary scan --- */

/* The end of the last complete record in [data, data + len), 0 when none. The
 * state machine is the parser's: a quote opens a quoted field only as a field's
 * first byte, "" inside is a quote, bytes after the closing quote are text. */
static gsize
find_boundary (const char *data,
               gsize       len,
               char        delimiter,
               gboolean   *has_quote)
{
  enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED } state = FIELD_START;
  gsize last = 0;
  gsize i = 0;

  *has_quote = memchr (data, '"', len) != NULL;
  if (!*has_quote)
    {
      for (gsize k = len; k > 0; k--)
        if (data[k - 1] == '\n')
          return k;
      return 0;
    }

  while (i < len)
    {
      char c = data[i];

      switch (state)
        {
        case QUOTED:
          {
            const char *q = memchr (data + i, '"', len - i);

            if (q == NULL)
              return last;
            i = (gsize) (q - data) + 1;
            state = QUOTE_IN_QUOTED;
            continue;
          }
        case QUOTE_IN_QUOTED:
          if (c == '"')
            state = QUOTED;
          else if (c == delimiter)
            state = FIELD_START;
          else if (c == '\n')
            {
              last = i + 1;
              state = FIELD_START;
            }
          else
            state = UNQUOTED;
          break;
        case FIELD_START:
          if (c == '"')
            {
              state = QUOTED;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case UNQUOTED:
        default:
          if (c == delimiter)
            state = FIELD_START;
          else if (c == '\n')
            {
              last = i + 1;
              state = FIELD_START;
            }
          else
            state = UNQUOTED;
          break;
        }
      i++;
    }
  return last;
}

/* --- the parser of one segment (runs on this thread or the helper) --- */

static void
scratch_append (Segment    *segment,
                gsize      *used,
                const char *data,
                gsize       len)
{
  if (segment->scratch == NULL || *used + len > segment->scratch_capacity)
    {
      segment->scratch_capacity = MAX (MAX (*used + len, segment->scratch_capacity * 2), 256);
      segment->scratch = g_realloc (segment->scratch, segment->scratch_capacity);
    }
  if (len > 0)
    memcpy (segment->scratch + *used, data, len);
  *used += len;
}

/* *pos is at the opening quote. FALSE when the input ends inside the quotes. */
static gboolean
parse_quoted (Segment     *segment,
              char         delimiter,
              const char **pos_inout,
              const char  *end,
              const char **field_begin,
              const char **field_end)
{
  const char *open = *pos_inout;
  const char *pos = *pos_inout + 1;
  const char *chunk = pos;
  gsize used = 0;

  for (;;)
    {
      const char *q = memchr (pos, '"', (gsize) (end - pos));

      if (q == NULL)
        return FALSE;
      if (q + 1 < end && q[1] == '"')
        {
          scratch_append (segment, &used, chunk, (gsize) (q + 1 - chunk));
          pos = chunk = q + 2;
          continue;
        }
      if (used == 0)
        {
          *field_begin = chunk;
          *field_end = q;
        }
      else
        {
          scratch_append (segment, &used, chunk, (gsize) (q - chunk));
          *field_begin = segment->scratch;
          *field_end = segment->scratch + used;
        }
      pos = q + 1;
      break;
    }
  segment->n_newlines += count_newlines (open, (gsize) (pos - open));

  if (pos < end && *pos == '\r' && (pos + 1 == end || pos[1] == '\n'))
    pos++;
  if (pos < end && *pos != delimiter && *pos != '\n')
    {
      /* lenient: text after the closing quote belongs to the field */
      const char *rest = pos;
      const char *rest_end;

      if (*field_begin != segment->scratch || used == 0)
        {
          gsize len = (gsize) (*field_end - *field_begin);

          used = 0;
          scratch_append (segment, &used, *field_begin, len);
        }
      while (pos < end && *pos != delimiter && *pos != '\n')
        pos++;
      rest_end = pos;
      if (rest_end > rest && rest_end[-1] == '\r' && (pos == end || *pos == '\n'))
        rest_end--;
      scratch_append (segment, &used, rest, (gsize) (rest_end - rest));
      *field_begin = segment->scratch;
      *field_end = segment->scratch + used;
    }
  *pos_inout = pos;
  return TRUE;
}

static inline void
store_field (Reader       *reader,
             LbCsvBuilder *builder,
             const char   *begin,
             const char   *end)
{
  if (G_LIKELY (builder->mode == LB_CSV_MODE_NUMERIC))
    {
      double value;

      if (begin == end)
        lb_csv_builder_push_number (builder, NAN);
      else if (G_LIKELY (parse_number (reader, begin, end, &value)))
        lb_csv_builder_push_number (builder, value);
      else
        lb_csv_builder_push_word (builder, begin, (gsize) (end - begin), is_missing (begin, end));
      return;
    }
  if (builder->mode == LB_CSV_MODE_DEFERRED)
    return;
  lb_csv_builder_push_word (builder, begin, (gsize) (end - begin), is_missing (begin, end));
}

/* The common field: [-]digits[.digits], at most 15 significant digits, ended
 * by the delimiter, a newline (or CR LF) or the end. Parsed as it is scanned
 * (Clinger's exact case: mantissa and 10^k both exact doubles). Anything else
 * returns FALSE with *pos untouched, and the general path takes the field. */
static inline gboolean
scan_simple_number (const char   **pos_inout,
                    const char    *end,
                    char           delimiter,
                    LbCsvBuilder  *builder)
{
  const char *p = *pos_inout;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  int n_significant = 0;
  int exponent = 0;
  gboolean any_digit = FALSE;
  double value;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; p < end && (guint) (*p - '0') < 10; p++)
    {
      guint digit = (guint) (*p - '0');

      any_digit = TRUE;
      if ((mantissa | digit) == 0)
        continue;
      if (n_significant == 15)
        return FALSE;
      mantissa = mantissa * 10 + digit;
      n_significant++;
    }
  if (p < end && *p == '.')
    {
      for (p++; p < end && (guint) (*p - '0') < 10; p++)
        {
          guint digit = (guint) (*p - '0');

          any_digit = TRUE;
          exponent--;
          if ((mantissa | digit) == 0)
            continue;
          if (n_significant == 15)
            return FALSE;
          mantissa = mantissa * 10 + digit;
          n_significant++;
        }
    }
  if (!any_digit || exponent < -22)
    return FALSE;
  if (p < end && *p != delimiter && *p != '\n')
    {
      if (*p == '\r' && (p + 1 == end || p[1] == '\n'))
        p++;
      else
        return FALSE;
    }
  value = exponent == 0 ? (double) mantissa : (double) mantissa / lb_exact_powers_of_ten[-exponent];
  lb_csv_builder_push_number (builder, negative ? -value : value);
  *pos_inout = p;
  return TRUE;
}

static void
parse_segment (Segment *segment)
{
  Reader *reader = segment->reader;
  const char *data = segment->data;
  const char *pos = data;
  const char *end = data + segment->len;
  const char delimiter = reader->delimiter;
  const guint n_columns = reader->n_columns;
  gsize check_at = CANCEL_STRIDE;
  gsize bad = 0;
  gboolean is_nul = FALSE;

  segment->n_rows = 0;
  segment->n_newlines = 0;
  segment->status = SEGMENT_OK;
  if (!lb_csv_check_text (data, segment->len, &bad, &is_nul))
    {
      segment->status = is_nul ? SEGMENT_NUL : SEGMENT_ENCODING;
      segment->error_offset = bad;
      return;
    }

  while (pos < end)
    {
      const char *record = pos;
      guint column = 0;

      /* blank lines are skipped */
      if (*pos == '\n')
        {
          pos++;
          segment->n_newlines++;
          continue;
        }
      if (*pos == '\r' && (pos + 1 == end || pos[1] == '\n'))
        {
          pos++;
          continue;
        }

      for (;;)
        {
          const char *field_begin;
          const char *field_end;

          if (G_LIKELY (column < n_columns)
              && segment->columns[column].mode == LB_CSV_MODE_NUMERIC
              && scan_simple_number (&pos, end, delimiter, &segment->columns[column]))
            {
              /* a plain decimal, parsed while scanning: stored */
            }
          else
            {
              if (pos < end && *pos == '"')
                {
                  const char *open = pos;

                  if (!parse_quoted (segment, delimiter, &pos, end, &field_begin, &field_end))
                    {
                      segment->status = SEGMENT_UNTERMINATED;
                      segment->error_offset = (gsize) (open - data);
                      return;
                    }
                }
              else
                {
                  field_begin = pos;
                  while (pos < end && *pos != delimiter && *pos != '\n')
                    pos++;
                  field_end = pos;
                  if (field_end > field_begin && field_end[-1] == '\r' && (pos == end || *pos == '\n'))
                    field_end--;
                }
              if (G_LIKELY (column < n_columns))
                store_field (reader, &segment->columns[column], field_begin, field_end);
            }
          column++;
          if (pos < end && *pos == delimiter)
            {
              pos++;
              continue;
            }
          if (pos < end)
            {
              pos++;   /* the newline */
              segment->n_newlines++;
            }
          break;
        }

      if (G_UNLIKELY (column != n_columns))
        {
          segment->status = SEGMENT_RAGGED;
          segment->error_offset = (gsize) (record - data);
          segment->error_fields = column;
          return;
        }
      segment->n_rows++;

      if (G_UNLIKELY ((gsize) (pos - data) >= check_at))
        {
          check_at += CANCEL_STRIDE;
          if (g_cancellable_is_cancelled (reader->cancellable))
            {
              segment->status = SEGMENT_CANCELLED;
              return;
            }
        }
    }
}

static gpointer
segment_thread (gpointer data)
{
  parse_segment (data);
  return NULL;
}

/* --- the pass over the whole input --- */

static LbCsvMode
segment_mode (LbCsvMode whole)
{
  return whole == LB_CSV_MODE_CATEGORICAL ? LB_CSV_MODE_CATEGORICAL : whole;
}

static gsize
line_of (gsize       lines_before,
         const char *window,
         gsize       offset)
{
  return lines_before + count_newlines (window, offset) + 1;
}

static gboolean
report_segment (Reader      *reader,
                Segment     *segment,
                const char  *window,
                gsize        window_len,
                gsize        segment_offset,
                guint64      stream_offset,
                gsize        lines_before,
                GError     **error)
{
  gsize at = segment_offset + segment->error_offset;

  switch (segment->status)
    {
    case SEGMENT_OK:
      return TRUE;
    case SEGMENT_RAGGED:
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_MALFORMED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "line %" G_GSIZE_FORMAT ": %u field, expected %u",
                                "line %" G_GSIZE_FORMAT ": %u fields, expected %u",
                                segment->error_fields),
                   line_of (lines_before, window, at), segment->error_fields, reader->n_columns);
      return FALSE;
    case SEGMENT_UNTERMINATED:
      {
        gsize last = window_len;

        /* the last line of the file (a final newline does not start a line) */
        if (last > 0 && window[last - 1] == '\n')
          last--;
        g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_MALFORMED,
                     _("line %" G_GSIZE_FORMAT ": unterminated quoted field (opened at line %" G_GSIZE_FORMAT ")"),
                     line_of (lines_before, window, last), line_of (lines_before, window, at));
        return FALSE;
      }
    case SEGMENT_ENCODING:
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_ENCODING,
                   _("not valid UTF-8 at byte %" G_GUINT64_FORMAT " (line %" G_GSIZE_FORMAT ")"),
                   stream_offset + at, line_of (lines_before, window, at));
      return FALSE;
    case SEGMENT_NUL:
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                   _("this is not a text file (NUL byte at byte %" G_GUINT64_FORMAT ")"),
                   stream_offset + at);
      return FALSE;
    case SEGMENT_CANCELLED:
    default:
      if (!g_cancellable_set_error_if_cancelled (reader->cancellable, error))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Operation was cancelled"));
      return FALSE;
    }
}

static gboolean
parse_window (Reader      *reader,
              const char  *window,
              gsize        len,
              gboolean     has_quote,
              guint64      stream_offset,
              gsize        lines_before,
              gsize       *n_newlines,
              GError     **error)
{
  Segment *first = &reader->segments[0];
  Segment *second = &reader->segments[1];
  gsize split = len;
  GThread *thread = NULL;

  if (reader->parallel && len >= PARALLEL_MIN && !has_quote)
    {
      /* this thread also reads and appends the other half: give it less */
      gsize middle = len / 20 * 9;
      const char *nl = memchr (window + middle, '\n', len - middle);

      if (nl != NULL && (gsize) (nl + 1 - window) < len)
        split = (gsize) (nl + 1 - window);
    }

  /* the first segment appends straight to the whole columns; the second
   * fills its own builders, appended after it */
  first->columns = reader->columns;
  for (guint c = 0; c < reader->n_columns; c++)
    lb_csv_builder_reset (&second->columns[c], segment_mode (reader->columns[c].mode));

  first->data = window;
  first->len = split;
  second->data = window + split;
  second->len = len - split;
  second->n_rows = 0;
  second->status = SEGMENT_OK;
  if (second->len > 0)
    thread = g_thread_try_new ("lb-csv-reader", segment_thread, second, NULL);
  parse_segment (first);
  if (thread != NULL)
    g_thread_join (thread);
  else if (second->len > 0 && first->status == SEGMENT_OK)
    parse_segment (second);

  if (!report_segment (reader, first, window, len, 0, stream_offset, lines_before, error))
    return FALSE;
  if (!report_segment (reader, second, window, len, split, stream_offset, lines_before, error))
    return FALSE;

  for (guint c = 0; c < reader->n_columns; c++)
    lb_csv_builder_append (&reader->columns[c], &second->columns[c]);
  reader->n_rows += first->n_rows + second->n_rows;
  *n_newlines = first->n_newlines + second->n_newlines;
  return TRUE;
}

static void
report_progress (Reader      *reader,
                 LbCsvSource *source)
{
  double fraction = lb_csv_source_get_fraction (source);
  int percent = (int) (fraction * 100);

  if (reader->progress == NULL || fraction < 0 || percent <= reader->last_percent)
    return;
  reader->last_percent = percent;
  reader->progress (fraction, reader->message, reader->progress_data);
}

static gboolean
too_large (gsize    line,
           GError **error)
{
  g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_TOO_LARGE,
               _("line %" G_GSIZE_FORMAT ": a record longer than %u MiB; is this a CSV file?"),
               line, (guint) (LB_CSV_MAX_RECORD >> 20));
  return FALSE;
}

static gboolean
run_pass (Reader       *reader,
          LbCsvSource  *source,
          GError      **error)
{
  gsize lines_before = reader->lines_skipped;

  reader->n_rows = 0;
  for (guint c = 0; c < reader->n_columns; c++)
    {
      lb_csv_builder_clear (&reader->columns[c]);
      lb_csv_builder_init (&reader->columns[c], reader->start_modes[c], reader->max_categories,
                           reader->row_estimate);
    }

  for (;;)
    {
      const char *window;
      gsize len;
      gsize boundary;
      gsize n_newlines = 0;
      gboolean eof;
      gboolean has_quote = TRUE;

      if (g_cancellable_set_error_if_cancelled (reader->cancellable, error))
        return FALSE;
      if (!lb_csv_source_fill (source, BLOCK_SIZE, error))
        return FALSE;
      window = lb_csv_source_peek (source, &len);
      eof = lb_csv_source_at_eof (source);
      if (len == 0 && eof)
        break;
      if (eof)
        {
          boundary = len;
          has_quote = memchr (window, '"', len) != NULL;
        }
      else
        boundary = find_boundary (window, len, reader->delimiter, &has_quote);
      if (boundary == 0)
        {
          if (len > LB_CSV_MAX_RECORD)
            return too_large (lines_before + 1, error);
          continue;
        }
      if (!parse_window (reader, window, boundary, has_quote, lb_csv_source_get_offset (source),
                         lines_before, &n_newlines, error))
        return FALSE;
      lines_before += n_newlines;
      lb_csv_source_consume (source, boundary);
      report_progress (reader, source);
    }
  return TRUE;
}

/* --- detection on the first records --- */

typedef struct
{
  GPtrArray *fields;   /* char* */
  gsize      end;      /* offset after the record */
} SampleRecord;

static void
sample_record_free (gpointer data)
{
  SampleRecord *record = data;

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
static SampleRecord *
sample_record (const char *data,
               gsize       len,
               gsize      *pos,
               char        delimiter)
{
  gsize p = *pos;
  g_autoptr(GPtrArray) fields = NULL;
  SampleRecord *record;

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
      g_ptr_array_add (fields, g_string_free (field, FALSE));
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
  record = g_new0 (SampleRecord, 1);
  record->fields = g_steal_pointer (&fields);
  record->end = p;
  return record;
}

static GPtrArray *
sample_records (const char *data,
                gsize       len,
                char        delimiter,
                guint       max_records)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (sample_record_free);
  gsize pos = 0;

  while (records->len < max_records)
    {
      SampleRecord *record = sample_record (data, len, &pos, delimiter);

      if (record == NULL)
        break;
      g_ptr_array_add (records, record);
    }
  return records;
}

/* The candidate that splits the first records into the same number (> 1) of
 * fields, the most fields winning; else the one giving the first record most. */
static char
detect_delimiter (const char *data,
                  gsize       len)
{
  static const char candidates[] = { ',', '\t', ';', '|' };
  char best = ',';
  guint best_fields = 0;
  gboolean best_consistent = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      g_autoptr(GPtrArray) records = sample_records (data, len, candidates[k], 30);
      gboolean consistent = records->len > 0;
      guint fields;

      if (records->len == 0)
        continue;
      fields = ((SampleRecord *) records->pdata[0])->fields->len;
      for (guint r = 1; r < records->len; r++)
        if (((SampleRecord *) records->pdata[r])->fields->len != fields)
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
is_number_word (Reader     *reader,
                const char *word)
{
  double value;

  return parse_number (reader, word, word + strlen (word), &value) && !isnan (value);
}

/* A header when no field of the first record is a number while some later
 * field is; with no number anywhere, when no first-record word is missing or
 * repeats further down its column (a header names, data repeats). */
static gboolean
detect_header (Reader    *reader,
               GPtrArray *records)
{
  GPtrArray *first = ((SampleRecord *) records->pdata[0])->fields;
  gboolean later_number = FALSE;

  for (guint c = 0; c < first->len; c++)
    if (is_number_word (reader, first->pdata[c]))
      return FALSE;
  for (guint r = 1; r < records->len && !later_number; r++)
    {
      GPtrArray *fields = ((SampleRecord *) records->pdata[r])->fields;

      for (guint c = 0; c < fields->len && !later_number; c++)
        later_number = is_number_word (reader, fields->pdata[c]);
    }
  if (later_number)
    return TRUE;

  for (guint c = 0; c < first->len; c++)
    {
      const char *word = first->pdata[c];

      if (is_missing (word, word + strlen (word)))
        return FALSE;
      for (guint r = 1; r < records->len; r++)
        {
          GPtrArray *fields = ((SampleRecord *) records->pdata[r])->fields;

          if (c < fields->len && strcmp (fields->pdata[c], word) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

static char **
make_names (GPtrArray *header,
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

/* --- building the table --- */

static LbTable *
build_table (Reader      *reader,
             const char  *name,
             gboolean     has_header,
             GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr(LbTable) table = NULL;
  gsize n = reader->n_rows;

  if (n == 0)
    {
      g_set_error_literal (error, LB_DATA_ERROR, LB_DATA_ERROR_EMPTY,
                           has_header ? _("the file has a header but no rows") : _("empty file"));
      return NULL;
    }

  for (guint c = 0; c < reader->n_columns; c++)
    {
      LbCsvBuilder *b = &reader->columns[c];
      const char *column_name = reader->names[c];

      g_assert (b->mode != LB_CSV_MODE_DEFERRED);
      g_assert (b->n == n);
      if (b->n_present == 0)
        {
          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_ALL_MISSING,
                       _("column '%s' is entirely missing"), column_name);
          return NULL;
        }
      if (b->mode == LB_CSV_MODE_CATEGORICAL
          && !(b->cats->len <= reader->max_categories && (gsize) b->cats->len * 2 < n))
        lb_csv_builder_to_text (b);

      switch (b->mode)
        {
        case LB_CSV_MODE_NUMERIC:
          g_ptr_array_add (columns, lb_column_new_numeric (column_name, g_renew (double, b->values, n), n));
          b->values = NULL;
          break;
        case LB_CSV_MODE_CATEGORICAL:
          {
            char **categories;

            lb_csv_builder_sort_categories (b);
            g_ptr_array_set_free_func (b->cats, NULL);
            g_ptr_array_add (b->cats, NULL);
            categories = (char **) g_ptr_array_free (g_steal_pointer (&b->cats), FALSE);
            g_ptr_array_add (columns, lb_column_new_categorical (column_name, g_renew (gint32, b->codes, n),
                                                                 n, categories));
            b->codes = NULL;
            break;
          }
        case LB_CSV_MODE_TEXT:
        default:
          g_ptr_array_add (columns, lb_column_new_text (column_name, g_renew (char *, b->strings, n), n));
          b->strings = NULL;
          break;
        }
      b->n = 0;
      b->capacity = 0;
      lb_csv_builder_clear (b);
    }

  table = lb_table_new (columns, error);
  if (table == NULL)
    return NULL;
  return lb_table_with_source (table, name);
}

static void
reader_free (Reader *reader)
{
  for (guint c = 0; c < reader->n_columns; c++)
    {
      if (reader->columns != NULL)
        lb_csv_builder_clear (&reader->columns[c]);
      if (reader->segments[1].columns != NULL)
        lb_csv_builder_clear (&reader->segments[1].columns[c]);
    }
  g_free (reader->segments[1].columns);
  for (guint s = 0; s < 2; s++)
    g_free (reader->segments[s].scratch);
  g_free (reader->columns);
  g_free (reader->start_modes);
  g_strfreev (reader->names);
  g_free (reader);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reader, reader_free)

/* Reads until the window holds a whole record (or all of the input). */
static gboolean
fill_first_record (Reader       *reader,
                   LbCsvSource  *source,
                   gsize        *boundary,
                   GError      **error)
{
  for (;;)
    {
      const char *window;
      gsize len;
      gboolean has_quote;

      if (!lb_csv_source_fill (source, BLOCK_SIZE, error))
        return FALSE;
      window = lb_csv_source_peek (source, &len);
      if (lb_csv_source_at_eof (source))
        {
          *boundary = len;
          return TRUE;
        }
      /* any delimiter will do to find a newline outside quotes */
      *boundary = find_boundary (window, len, ',', &has_quote);
      if (*boundary > 0)
        return TRUE;
      if (len > LB_CSV_MAX_RECORD)
        return too_large (1, error);
      if (g_cancellable_set_error_if_cancelled (reader->cancellable, error))
        return FALSE;
    }
}

static LbTable *
read_source (LbCsvSource         *source,
             const char          *name,
             const LbCsvOptions  *options,
             LbProgressFunc       progress,
             gpointer             progress_data,
             GCancellable        *cancellable,
             GError             **error)
{
  static const LbCsvOptions defaults = LB_CSV_OPTIONS_INIT;
  g_autoptr(Reader) reader = g_new0 (Reader, 1);
  g_autoptr(GPtrArray) records = NULL;
  const char *window;
  gsize len;
  gsize boundary = 0;
  gsize bad = 0;
  gsize prefix = 0;
  gboolean is_nul = FALSE;
  gboolean has_header;
  guint64 size_hint;
  gsize sample_bytes;
  gsize sample_rows;

  if (options == NULL)
    options = &defaults;
  reader->thousands = options->thousands;
  reader->max_categories = options->max_categories > 0 ? options->max_categories : DEFAULT_MAX_CATEGORIES;
  reader->cancellable = cancellable;
  reader->progress = progress;
  reader->progress_data = progress_data;
  reader->last_percent = -1;
  /* LB_CSV_THREADS=1 reads on this thread only (to measure, or to debug) */
  reader->parallel = g_get_num_processors () >= 2 && g_strcmp0 (g_getenv ("LB_CSV_THREADS"), "1") != 0;

  if (!fill_first_record (reader, source, &boundary, error))
    return NULL;
  window = lb_csv_source_peek (source, &len);

  /* a UTF-8 byte order mark is not data */
  if (len >= 3 && memcmp (window, "\xef\xbb\xbf", 3) == 0)
    {
      lb_csv_source_consume (source, 3);
      prefix = 3;
      boundary -= 3;
      window = lb_csv_source_peek (source, &len);
    }
  /* binary data says so by a NUL byte more surely than by bad UTF-8 */
  {
    const char *nul = memchr (window, '\0', len);

    if (nul != NULL)
      {
        g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                     _("this is not a text file (NUL byte at byte %" G_GSIZE_FORMAT ")"),
                     prefix + (gsize) (nul - window));
        return NULL;
      }
  }
  if (!lb_csv_check_text (window, boundary, &bad, &is_nul))
    {
      if (is_nul)
        g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                     _("this is not a text file (NUL byte at byte %" G_GSIZE_FORMAT ")"), prefix + bad);
      else
        g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_ENCODING,
                     _("not valid UTF-8 at byte %" G_GSIZE_FORMAT " (line %" G_GSIZE_FORMAT ")"),
                     prefix + bad, count_newlines (window, bad) + 1);
      return NULL;
    }

  if (lb_csv_source_at_eof (source))
    {
      gsize pos = 0;

      /* nothing but blanks and line ends */
      while (pos < len && lb_is_blank (window[pos]))
        pos++;
      if (pos == len)
        {
          g_set_error_literal (error, LB_DATA_ERROR, LB_DATA_ERROR_EMPTY, _("empty file"));
          return NULL;
        }
    }

  reader->delimiter = options->delimiter != 0 ? options->delimiter : detect_delimiter (window, boundary);
  records = sample_records (window, boundary, reader->delimiter, SAMPLE_RECORDS);
  if (records->len == 0)
    {
      if (lb_csv_source_at_eof (source))
        {
          SampleRecord *open;
          gsize pos = 0;

          /* blank, or one record that never closes its quote */
          while (pos < len && lb_is_blank (window[pos]))
            pos++;
          if (pos < len)
            {
              open = sample_record (window, len, &pos, reader->delimiter);
              g_assert (open == NULL);
              g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_MALFORMED,
                           _("line %" G_GSIZE_FORMAT ": unterminated quoted field (opened at line %" G_GSIZE_FORMAT ")"),
                           count_newlines (window, len > 0 && window[len - 1] == '\n' ? len - 1 : len) + 1,
                           count_newlines (window, pos) + 1);
              return NULL;
            }
        }
      g_set_error_literal (error, LB_DATA_ERROR, LB_DATA_ERROR_EMPTY, _("empty file"));
      return NULL;
    }

  reader->n_columns = ((SampleRecord *) records->pdata[0])->fields->len;
  if (options->header == LB_CSV_HEADER_YES)
    has_header = TRUE;
  else if (options->header == LB_CSV_HEADER_NO)
    has_header = FALSE;
  else
    has_header = detect_header (reader, records);
  reader->names = make_names (has_header ? ((SampleRecord *) records->pdata[0])->fields : NULL,
                              reader->n_columns);

  reader->data_start = prefix;
  if (has_header)
    {
      gsize header_end = ((SampleRecord *) records->pdata[0])->end;

      reader->lines_skipped = count_newlines (window, header_end);
      reader->data_start += header_end;
      lb_csv_source_consume (source, header_end);
    }

  /* rows to expect: the input's size over the sampled records' mean length */
  sample_bytes = ((SampleRecord *) records->pdata[records->len - 1])->end;
  sample_rows = records->len;
  size_hint = lb_csv_source_get_size_hint (source);
  reader->row_estimate = sample_bytes > 0 && size_hint > 0
                           ? (gsize) ((double) size_hint / ((double) sample_bytes / sample_rows) * 1.02) + 16
                           : 1024;
  reader->row_estimate = MIN (reader->row_estimate, (gsize) 1 << 28);

  reader->columns = g_new0 (LbCsvBuilder, reader->n_columns);
  reader->start_modes = g_new0 (LbCsvMode, reader->n_columns);
  reader->segments[0].reader = reader;
  reader->segments[1].reader = reader;
  reader->segments[1].columns = g_new0 (LbCsvBuilder, reader->n_columns);
  for (guint c = 0; c < reader->n_columns; c++)
    lb_csv_builder_init (&reader->segments[1].columns[c], LB_CSV_MODE_NUMERIC, reader->max_categories, 0);

  if (!run_pass (reader, source, error))
    return NULL;

  /* A column where words came after numbers: read again, taking it as words
   * from the start. Each pass fixes at least one more column, so this ends. */
  for (;;)
    {
      gboolean deferred = FALSE;

      for (guint c = 0; c < reader->n_columns; c++)
        if (reader->columns[c].mode == LB_CSV_MODE_DEFERRED)
          {
            g_assert (reader->start_modes[c] != LB_CSV_MODE_CATEGORICAL);
            reader->start_modes[c] = LB_CSV_MODE_CATEGORICAL;
            deferred = TRUE;
          }
      if (!deferred)
        break;

      reader->last_percent = -1;
      reader->message = _("Reading again: a column mixes numbers and words");
      if (!lb_csv_source_rewind (source, error))
        return NULL;
      while (lb_csv_source_peek (source, &len), len < reader->data_start)
        {
          if (!lb_csv_source_fill (source, BLOCK_SIZE, error))
            return NULL;
          if (lb_csv_source_at_eof (source))
            break;
        }
      lb_csv_source_peek (source, &len);
      lb_csv_source_consume (source, MIN (len, reader->data_start));
      if (!run_pass (reader, source, error))
        return NULL;
    }

  if (progress != NULL)
    progress (1.0, NULL, progress_data);
  return build_table (reader, name, has_header, error);
}

/* --- public entry points --- */

LbTable *
lb_csv_read_file (const char          *path,
                  const LbCsvOptions  *options,
                  LbProgressFunc       progress,
                  gpointer             progress_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(LbCsvSource) source = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source = lb_csv_source_new_for_file (path, error);
  if (source == NULL)
    return NULL;
  basename = g_path_get_basename (path);
  return read_source (source, basename, options, progress, progress_data, cancellable, error);
}

LbTable *
lb_csv_read_bytes (GBytes              *bytes,
                   const char          *name,
                   const LbCsvOptions  *options,
                   LbProgressFunc       progress,
                   gpointer             progress_data,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(LbCsvSource) source = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source = lb_csv_source_new_for_bytes (bytes, error);
  if (source == NULL)
    return NULL;
  return read_source (source, name, options, progress, progress_data, cancellable, error);
}
