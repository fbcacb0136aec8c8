/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-csv-reader.c: CSV/TSV into an LbTable in one pass. The input comes in
 * blocks cut at record boundaries; each block is cut again into segments (one
 * per core, at most four) that are checked and parsed at once, this thread's
 * straight into the columns, the helpers' into their own builders that are
 * then appended in order. Detection (delimiter, header) runs first, on the
 * first records; a column that turns from numbers to words is read again.
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-csv-builder.h"
#include "lb-csv-private.h"
#include "lb-csv-reader.h"
#include "lb-data-error.h"
#include "lb-number-parser-private.h"

#define BLOCK_SIZE        ((gsize) 4 << 20)
#define MIN_BLOCK_SIZE    ((gsize) 32 << 10)
#define MAX_THREADS       4
#define PARALLEL_MIN      ((gsize) 512 << 10)  /* below, a helper thread costs more than it saves */
#define SAMPLE_RECORDS    100
#define DEFAULT_MAX_CATEGORIES 1000

typedef struct
{
  char            delimiter;
  char            thousands;
  guint           max_categories;
  gboolean        keep_all_missing;
  guint           n_columns;
  char          **names;
  LbCsvMode      *start_modes;
  GCancellable   *cancellable;
  LbProgressFunc  progress;
  gpointer        progress_data;
  int             last_percent;
  const char     *message;        /* for the progress callback, may be NULL */
  guint           n_threads;      /* segments per block, 1 .. MAX_THREADS */
  gsize           block_size;

  gsize           data_start;     /* stream bytes before the first data record */
  gsize           lines_skipped;  /* newlines in those bytes */
  gsize           row_estimate;

  LbCsvBuilder   *columns;
  gsize           n_rows;
  LbCsvSegment    segments[MAX_THREADS];
} Reader;

static gpointer
segment_thread (gpointer data)
{
  lb_csv_segment_parse (data);
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
  return lines_before + lb_csv_count_newlines (window, offset) + 1;
}

static gboolean
report_segment (Reader        *reader,
                LbCsvSegment  *segment,
                const char    *window,
                gsize          window_len,
                gsize          segment_offset,
                guint64        stream_offset,
                gsize          lines_before,
                GError       **error)
{
  gsize at = segment_offset + segment->error_offset;

  switch (segment->status)
    {
    case LB_CSV_SEGMENT_OK:
      return TRUE;
    case LB_CSV_SEGMENT_RAGGED:
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_MALFORMED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "line %zu: %u field, expected %u",
                                "line %zu: %u fields, expected %u",
                                segment->error_fields),
                   line_of (lines_before, window, at), segment->error_fields, reader->n_columns);
      return FALSE;
    case LB_CSV_SEGMENT_UNTERMINATED:
      {
        gsize last = window_len;

        /* the last line of the file (a final newline does not start a line) */
        if (last > 0 && window[last - 1] == '\n')
          last--;
        g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_MALFORMED,
                     _("line %zu: unterminated quoted field (opened at line %zu)"),
                     line_of (lines_before, window, last), line_of (lines_before, window, at));
        return FALSE;
      }
    case LB_CSV_SEGMENT_ENCODING:
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_ENCODING,
                   _("not valid UTF-8 at byte %" PRIu64 " (line %zu)"),
                   stream_offset + at, line_of (lines_before, window, at));
      return FALSE;
    case LB_CSV_SEGMENT_NUL:
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                   _("this is not a text file (NUL byte at byte %" PRIu64 ")"),
                   stream_offset + at);
      return FALSE;
    case LB_CSV_SEGMENT_CANCELLED:
    default:
      if (!g_cancellable_set_error_if_cancelled (reader->cancellable, error))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Operation was cancelled"));
      return FALSE;
    }
}

/* Where the helpers' segments should start, about: this thread also reads
 * and appends, so its segment is 9/10 of the others'. */
static void
split_targets (gsize  len,
               guint  n_segments,
               gsize *targets)
{
  double share = (double) len / (n_segments - 0.1);

  for (guint k = 1; k < n_segments; k++)
    targets[k - 1] = (gsize) (share * (k - 0.1));
}

/* The segments' starts, each at a record boundary at or after its target.
 * Returns how many segments (1 when the window is small or has no boundary). */
static guint
split_points (Reader      *reader,
              const char  *window,
              gsize        len,
              const gsize *targets,
              gboolean     has_quote,
              const gsize *quoted_splits,
              gsize       *starts)
{
  guint n = 1;

  starts[0] = 0;
  if (reader->n_threads < 2 || len < PARALLEL_MIN)
    return 1;
  for (guint k = 1; k < reader->n_threads; k++)
    {
      gsize start = 0;

      if (has_quote)
        /* a newline may sit inside quotes: only the boundary scan knows */
        start = quoted_splits[k - 1];
      else if (targets[k - 1] < len)
        {
          const char *nl = memchr (window + targets[k - 1], '\n', len - targets[k - 1]);

          start = nl != NULL ? (gsize) (nl + 1 - window) : 0;
        }
      if (start > starts[n - 1] && start < len)
        starts[n++] = start;
    }
  return n;
}

static gboolean
parse_window (Reader      *reader,
              const char  *window,
              gsize        len,
              const gsize *starts,
              guint        n_segments,
              guint64      stream_offset,
              gsize        lines_before,
              gsize       *n_newlines,
              GError     **error)
{
  GThread *threads[MAX_THREADS] = { NULL, };
  gboolean ok = TRUE;

  /* the first segment appends straight to the whole columns; the others
   * fill their own builders, appended after it in order */
  for (guint k = 0; k < n_segments; k++)
    {
      LbCsvSegment *segment = &reader->segments[k];

      if (k == 0)
        segment->columns = reader->columns;
      else
        for (guint c = 0; c < reader->n_columns; c++)
          lb_csv_builder_reset (&segment->columns[c], segment_mode (reader->columns[c].mode));
      segment->data = window + starts[k];
      segment->len = (k + 1 < n_segments ? starts[k + 1] : len) - starts[k];
      segment->n_rows = 0;
      segment->n_newlines = 0;
      segment->status = LB_CSV_SEGMENT_OK;
    }
  for (guint k = 1; k < n_segments; k++)
    threads[k] = g_thread_try_new ("lb-csv-reader", segment_thread, &reader->segments[k], NULL);
  lb_csv_segment_parse (&reader->segments[0]);
  for (guint k = 1; k < n_segments; k++)
    {
      if (threads[k] != NULL)
        g_thread_join (threads[k]);
      else if (reader->segments[k - 1].status == LB_CSV_SEGMENT_OK)
        lb_csv_segment_parse (&reader->segments[k]);   /* no thread to be had */
    }

  *n_newlines = 0;
  for (guint k = 0; k < n_segments && ok; k++)
    ok = report_segment (reader, &reader->segments[k], window, len, starts[k],
                         stream_offset, lines_before, error);
  if (!ok)
    return FALSE;
  for (guint k = 0; k < n_segments; k++)
    {
      if (k > 0)
        for (guint c = 0; c < reader->n_columns; c++)
          lb_csv_builder_append (&reader->columns[c], &reader->segments[k].columns[c]);
      reader->n_rows += reader->segments[k].n_rows;
      *n_newlines += reader->segments[k].n_newlines;
    }
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
               _("line %zu: a record longer than %u MiB; is this a CSV file?"),
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
      gsize targets[MAX_THREADS];
      gsize quoted_splits[MAX_THREADS];
      gsize starts[MAX_THREADS];
      guint n_segments;

      if (g_cancellable_set_error_if_cancelled (reader->cancellable, error))
        return FALSE;
      /* top the window up to a block (a whole block more when it holds no
       * record end yet): the window, and so the buffer, stays about a block */
      lb_csv_source_peek (source, &len);
      if (!lb_csv_source_fill (source,
                               len < reader->block_size ? reader->block_size - len : reader->block_size,
                               error))
        return FALSE;
      window = lb_csv_source_peek (source, &len);
      eof = lb_csv_source_at_eof (source);
      if (len == 0 && eof)
        break;
      split_targets (len, reader->n_threads, targets);
      boundary = lb_csv_find_boundary (window, len, reader->delimiter, targets, reader->n_threads - 1,
                                       &has_quote, quoted_splits);
      if (eof)
        boundary = len;   /* the last record needs no newline */
      if (boundary == 0)
        {
          if (len > LB_CSV_MAX_RECORD)
            return too_large (lines_before + 1, error);
          continue;
        }
      n_segments = split_points (reader, window, boundary, targets, has_quote, quoted_splits, starts);
      if (!parse_window (reader, window, boundary, starts, n_segments,
                         lb_csv_source_get_offset (source), lines_before, &n_newlines, error))
        return FALSE;
      lines_before += n_newlines;
      lb_csv_source_consume (source, boundary);
      report_progress (reader, source);
    }
  return TRUE;
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
      if (b->n_present == 0 && !reader->keep_all_missing)
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
          {
            gsize mapped = 0;
            double *values = lb_csv_builder_steal_values (b, &mapped);

            g_ptr_array_add (columns, mapped > 0
                                        ? lb_column_new_numeric_mapped (column_name, values, n, mapped)
                                        : lb_column_new_numeric (column_name, values, n));
            break;
          }
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
      for (guint k = 1; k < MAX_THREADS; k++)
        if (reader->segments[k].columns != NULL)
          lb_csv_builder_clear (&reader->segments[k].columns[c]);
    }
  for (guint k = 0; k < MAX_THREADS; k++)
    {
      if (k > 0)
        g_free (reader->segments[k].columns);
      g_free (reader->segments[k].scratch);
    }
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

      if (!lb_csv_source_fill (source, reader->block_size, error))
        return FALSE;
      window = lb_csv_source_peek (source, &len);
      if (lb_csv_source_at_eof (source))
        {
          *boundary = len;
          return TRUE;
        }
      /* any delimiter will do to find a newline outside quotes */
      *boundary = lb_csv_find_boundary (window, len, ',', NULL, 0, &has_quote, NULL);
      if (*boundary > 0)
        return TRUE;
      /* binary data: no need to read on, the caller will say what it is */
      if (memchr (window, '\0', len) != NULL)
        {
          *boundary = len;
          return TRUE;
        }
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
  reader->keep_all_missing = options->keep_all_missing;
  lb_csv_source_set_latin1 (source, options->latin1);
  reader->max_categories = options->max_categories > 0 ? options->max_categories : DEFAULT_MAX_CATEGORIES;
  reader->cancellable = cancellable;
  reader->progress = progress;
  reader->progress_data = progress_data;
  reader->last_percent = -1;
  /* one thread per core, up to MAX_THREADS; LB_CSV_THREADS=N says how many
   * (1 reads on this thread only: to measure, or to debug) */
  reader->n_threads = MIN ((guint) g_get_num_processors (), MAX_THREADS);
  if (g_getenv ("LB_CSV_THREADS") != NULL)
    reader->n_threads = CLAMP ((guint) g_ascii_strtoull (g_getenv ("LB_CSV_THREADS"), NULL, 10), 1, MAX_THREADS);
  reader->block_size = reader->n_threads > 2 ? 2 * BLOCK_SIZE : BLOCK_SIZE;
  /* The window is memory on top of the columns: a small input is read in
   * smaller blocks (a 32nd of it, at least 32 KiB), so loading a file of
   * a few MB does not hold a 4 MiB buffer beside its columns. */
  if (lb_csv_source_get_size_hint (source) > 0)
    reader->block_size = MIN (reader->block_size,
                              MAX (MIN_BLOCK_SIZE, (gsize) (lb_csv_source_get_size_hint (source) / 32)));

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
                     _("this is not a text file (NUL byte at byte %zu)"),
                     prefix + (gsize) (nul - window));
        return NULL;
      }
  }
  if (!lb_csv_check_text (window, boundary, &bad, &is_nul))
    {
      if (is_nul)
        g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                     _("this is not a text file (NUL byte at byte %zu)"), prefix + bad);
      else
        g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_ENCODING,
                     _("not valid UTF-8 at byte %zu (line %zu)"),
                     prefix + bad, lb_csv_count_newlines (window, bad) + 1);
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

  reader->delimiter = options->delimiter != 0 ? options->delimiter : lb_csv_detect_delimiter (window, boundary);
  records = lb_csv_sample_records (window, boundary, reader->delimiter, SAMPLE_RECORDS);
  if (records->len == 0)
    {
      if (lb_csv_source_at_eof (source))
        {
          LbCsvSampleRecord *open;
          gsize pos = 0;

          /* blank, or one record that never closes its quote */
          while (pos < len && lb_is_blank (window[pos]))
            pos++;
          if (pos < len)
            {
              open = lb_csv_sample_record (window, len, &pos, reader->delimiter);
              g_assert (open == NULL);
              g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_MALFORMED,
                           _("line %zu: unterminated quoted field (opened at line %zu)"),
                           lb_csv_count_newlines (window, len > 0 && window[len - 1] == '\n' ? len - 1 : len) + 1,
                           lb_csv_count_newlines (window, pos) + 1);
              return NULL;
            }
        }
      g_set_error_literal (error, LB_DATA_ERROR, LB_DATA_ERROR_EMPTY, _("empty file"));
      return NULL;
    }

  reader->n_columns = ((LbCsvSampleRecord *) records->pdata[0])->n_fields;
  if (reader->n_columns > LB_CSV_MAX_COLUMNS)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_TOO_LARGE,
                   _("the first record has %u fields; Learnbench reads at most %u columns"),
                   reader->n_columns, LB_CSV_MAX_COLUMNS);
      return NULL;
    }
  if (options->header == LB_CSV_HEADER_YES)
    has_header = TRUE;
  else if (options->header == LB_CSV_HEADER_NO)
    has_header = FALSE;
  else
    has_header = lb_csv_detect_header (records, reader->thousands);
  reader->names = lb_csv_make_names (has_header ? ((LbCsvSampleRecord *) records->pdata[0])->fields : NULL,
                              reader->n_columns);

  reader->data_start = prefix;
  if (has_header)
    {
      gsize header_end = ((LbCsvSampleRecord *) records->pdata[0])->end;

      reader->lines_skipped = lb_csv_count_newlines (window, header_end);
      reader->data_start += header_end;
      lb_csv_source_consume (source, header_end);
    }

  /* rows to expect: the input's size over the sampled records' mean length */
  sample_bytes = ((LbCsvSampleRecord *) records->pdata[records->len - 1])->end;
  sample_rows = records->len;
  size_hint = lb_csv_source_get_size_hint (source);
  reader->row_estimate = sample_bytes > 0 && size_hint > 0
                           ? (gsize) ((double) size_hint / ((double) sample_bytes / sample_rows) * 1.02) + 16
                           : 1024;
  reader->row_estimate = MIN (reader->row_estimate, (gsize) 1 << 28);

  reader->columns = g_new0 (LbCsvBuilder, reader->n_columns);
  reader->start_modes = g_new0 (LbCsvMode, reader->n_columns);
  for (guint k = 0; k < MAX_THREADS; k++)
    {
      reader->segments[k].delimiter = reader->delimiter;
      reader->segments[k].thousands = reader->thousands;
      reader->segments[k].n_columns = reader->n_columns;
      reader->segments[k].cancellable = reader->cancellable;
    }
  for (guint k = 1; k < reader->n_threads; k++)
    {
      reader->segments[k].columns = g_new0 (LbCsvBuilder, reader->n_columns);
      for (guint c = 0; c < reader->n_columns; c++)
        lb_csv_builder_init (&reader->segments[k].columns[c], LB_CSV_MODE_NUMERIC, reader->max_categories, 0);
    }

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
          if (!lb_csv_source_fill (source, reader->block_size, error))
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
