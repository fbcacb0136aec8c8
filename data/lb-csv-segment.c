/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-csv-segment.c: the CSV reader's inner loop. One segment (a run of whole
 * records) is checked (UTF-8, no NUL) and parsed into column builders; plain
 * decimals are parsed while they are scanned. Also the record boundary scan
 * the reader cuts its blocks with, which follows the very same quoting rules.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-csv-builder.h"
#include "lb-csv-private.h"
#include "lb-number-parser-private.h"

#define CANCEL_STRIDE     ((gsize) 1 << 20)

/* --- small helpers --- */

gsize
lb_csv_count_newlines (const char *data,
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

gboolean
lb_csv_is_missing (const char *begin,
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

static inline gboolean
parse_number (char        thousands,
              const char *begin,
              const char *end,
              double     *out)
{
  if (lb_parse_double_inline (begin, end, out))
    return TRUE;
  return thousands != 0 && parse_with_thousands (thousands, begin, end, out);
}

gboolean
lb_csv_parse_number (char        thousands,
                     const char *begin,
                     const char *end,
                     double     *out)
{
  return parse_number (thousands, begin, end, out);
}

/* --- the record boundary scan --- */

/* The end of the last complete record in [data, data + len), 0 when none. The
 * state machine is the parser's: a quote opens a quoted field only as a field's
 * first byte, "" inside is a quote, bytes after the closing quote are text. */
gsize
lb_csv_find_boundary (const char  *data,
                      gsize        len,
                      char         delimiter,
                      const gsize *targets,
                      guint        n_targets,
                      gboolean    *has_quote,
                      gsize       *splits)
{
  enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED } state = FIELD_START;
  gsize last = 0;
  gsize i = 0;
  guint t = 0;

  for (guint k = 0; k < n_targets; k++)
    splits[k] = 0;
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
              while (t < n_targets && last >= targets[t])
                splits[t++] = last;
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
              while (t < n_targets && last >= targets[t])
                splits[t++] = last;
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
scratch_append (LbCsvSegment *segment,
                gsize        *used,
                const char   *data,
                gsize         len)
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
parse_quoted (LbCsvSegment  *segment,
              char           delimiter,
              const char   **pos_inout,
              const char    *end,
              const char   **field_begin,
              const char   **field_end)
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
  segment->n_newlines += lb_csv_count_newlines (open, (gsize) (pos - open));

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
store_field (LbCsvSegment *segment,
             LbCsvBuilder *builder,
             const char   *begin,
             const char   *end)
{
  if (G_LIKELY (builder->mode == LB_CSV_MODE_NUMERIC))
    {
      double value;

      if (begin == end)
        lb_csv_builder_push_number (builder, NAN);
      else if (G_LIKELY (parse_number (segment->thousands, begin, end, &value)))
        lb_csv_builder_push_number (builder, value);
      else
        lb_csv_builder_push_word (builder, begin, (gsize) (end - begin), lb_csv_is_missing (begin, end));
      return;
    }
  if (builder->mode == LB_CSV_MODE_DEFERRED)
    return;
  lb_csv_builder_push_word (builder, begin, (gsize) (end - begin), lb_csv_is_missing (begin, end));
}

/* The common field: [-]digits[.digits], at most 15 digits in all, ended by
 * the delimiter, a newline (or CR LF) or the end. Parsed as it is scanned
 * (Clinger's exact case: a mantissa below 10^15 and 10^k, k <= 15, are both
 * exact doubles, so one division rounds correctly). The digit loops carry no
 * other test: at most 15 digits is checked once after them (a longer run of
 * digits wraps the mantissa, which is then not used). Anything else returns
 * FALSE with *pos untouched, and the general path (as exact) takes the field. */
static inline gboolean
scan_simple_number (const char   **pos_inout,
                    const char    *end,
                    char           delimiter,
                    LbCsvBuilder  *builder)
{
  const char *p = *pos_inout;
  const char *digits;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  gsize n_int, n_frac = 0;
  double value;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  digits = p;
  for (; p < end && (guint) (*p - '0') < 10; p++)
    mantissa = mantissa * 10 + (guint) (*p - '0');
  n_int = (gsize) (p - digits);
  if (p < end && *p == '.')
    {
      const char *frac = ++p;

      for (; p < end && (guint) (*p - '0') < 10; p++)
        mantissa = mantissa * 10 + (guint) (*p - '0');
      n_frac = (gsize) (p - frac);
    }
  if (n_int + n_frac == 0 || n_int + n_frac > 15)
    return FALSE;
  if (p < end && *p != delimiter && *p != '\n')
    {
      if (*p == '\r' && (p + 1 == end || p[1] == '\n'))
        p++;
      else
        return FALSE;
    }
  value = n_frac == 0 ? (double) mantissa : (double) mantissa / lb_exact_powers_of_ten[n_frac];
  lb_csv_builder_push_number (builder, negative ? -value : value);
  *pos_inout = p;
  return TRUE;
}

void
lb_csv_segment_parse (LbCsvSegment *segment)
{
  const char *data = segment->data;
  const char *pos = data;
  const char *end = data + segment->len;
  const char delimiter = segment->delimiter;
  const guint n_columns = segment->n_columns;
  gsize check_at = CANCEL_STRIDE;
  gsize bad = 0;
  gboolean is_nul = FALSE;

  segment->n_rows = 0;
  segment->n_newlines = 0;
  segment->status = LB_CSV_SEGMENT_OK;
  if (!lb_csv_check_text (data, segment->len, &bad, &is_nul))
    {
      segment->status = is_nul ? LB_CSV_SEGMENT_NUL : LB_CSV_SEGMENT_ENCODING;
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
                      segment->status = LB_CSV_SEGMENT_UNTERMINATED;
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
                store_field (segment, &segment->columns[column], field_begin, field_end);
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
          segment->status = LB_CSV_SEGMENT_RAGGED;
          segment->error_offset = (gsize) (record - data);
          segment->error_fields = column;
          return;
        }
      segment->n_rows++;

      if (G_UNLIKELY ((gsize) (pos - data) >= check_at))
        {
          check_at += CANCEL_STRIDE;
          if (g_cancellable_is_cancelled (segment->cancellable))
            {
              segment->status = LB_CSV_SEGMENT_CANCELLED;
              return;
            }
        }
    }
}
