/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-csv-reader.h: CSV / TSV (optionally gzip) into an LbTable, in one pass
 * over a memory-mapped (or inflated) buffer. RFC 4180 quoting, UTF-8 with or
 * without BOM, delimiter and header detection, per-column type inference and
 * missing markers (empty, NA, NaN, ?, null). Every malformed input becomes a
 * GError in the LB_DATA_ERROR domain that says what and where.
 */
#pragma once

#include <gio/gio.h>

#include "lb-progress.h"
#include "lb-table.h"

G_BEGIN_DECLS

typedef enum
{
  LB_CSV_HEADER_AUTO,
  LB_CSV_HEADER_YES,
  LB_CSV_HEADER_NO,
} LbCsvHeader;

typedef struct
{
  char        delimiter;      /* 0 = detect among , ; \t | */
  LbCsvHeader header;
  char        thousands;      /* 0 = none; e.g. ',' for "22,587" */
  /* A categorical column is made from a non-numeric column with at most this many
   * distinct values (and fewer than half of its rows); others stay text. 0 = default (1000). */
  guint       max_categories;
  /* TRUE: a column with no value at all is kept (numeric, all NaN), as pandas
   * does, instead of failing with LB_DATA_ERROR_ALL_MISSING. (The book's
   * oecd_bli_2015.csv has two such columns.) */
  gboolean    keep_all_missing;
  /* TRUE: the text is ISO-8859-1 (Latin-1), as the book's gdp_per_capita.csv,
   * not UTF-8. */
  gboolean    latin1;
} LbCsvOptions;

#define LB_CSV_OPTIONS_INIT { 0, LB_CSV_HEADER_AUTO, 0, 0, FALSE, FALSE }

/* Reads @path (.gz inflated). @options may be NULL. @progress is called from
 * the calling thread, at most ~100 times. Cancelling returns G_IO_ERROR_CANCELLED.
 *
 * What it does, precisely:
 * - Input is read with read() in 4 MiB blocks (never mapped: a file truncated
 *   while we read gives an error, not SIGBUS); gzip is recognised by its magic
 *   bytes and inflated block by block, one block ahead on a thread of its own
 *   (concatenated members too).
 * - Each block (over 2 MiB) is cut at record boundaries and parsed by this
 *   thread and up to 3 helpers, one per core; LB_CSV_THREADS=N overrides the
 *   count (1: this thread only).
 * - Delimiter (when 0): the one of , TAB ; | that splits the first records
 *   into the same number (> 1) of fields, most fields winning.
 * - Header (AUTO): the first record is a header when one of its words sits on
 *   a column of numbers only, or when none of its fields is a number while
 *   some later field is; with no number anywhere, when none of its words is
 *   missing or repeats below in its column (in the first 100 records). Without a header the
 *   names are column1, column2...; an empty name becomes columnN, a repeated
 *   one "name.1".
 * - Missing markers (after trimming blanks): "" NA N/A n/a NaN nan NAN -NaN -nan
 *   null NULL Null <NA> #N/A ?. Blank lines are skipped.
 * - A column is numeric when every non-missing field parses (lb_parse_double,
 *   or with options->thousands removed); otherwise categorical (codes, the
 *   categories sorted by their bytes) or text. A column that had numbers before
 *   its first word makes the reader read the input again with that column as
 *   words, so its numbers keep their written form ("007").
 * - Options: keep_all_missing keeps a column with no value (all NaN) rather
 *   than failing; latin1 reads ISO-8859-1 text.
 * - Errors (LB_DATA_ERROR): "line 17: 11 fields, expected 10" (MALFORMED),
 *   "line 5: unterminated quoted field (opened at line 3)" (MALFORMED),
 *   "not valid UTF-8 at byte N (line L)" (ENCODING; N counts from 0),
 *   "this is not a text file (NUL byte at byte N)" (FORMAT), "empty file" and
 *   "the file has a header but no rows" (EMPTY), "column 'x' is entirely
 *   missing" (ALL_MISSING), a record over 64 MiB (TOO_LARGE), "the compressed
 *   file is truncated" / "damaged" (FORMAT), I/O errors (IO). */
LbTable *lb_csv_read_file  (const char          *path,
                            const LbCsvOptions  *options,
                            LbProgressFunc       progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GError             **error);
/* The same over bytes in memory (@name is used in messages and as the source). */
LbTable *lb_csv_read_bytes (GBytes              *bytes,
                            const char          *name,
                            const LbCsvOptions  *options,
                            LbProgressFunc       progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GError             **error);

/* Writes @table as RFC 4180 CSV (atomically: temp file + rename). */
gboolean lb_csv_write_file (LbTable             *table,
                            const char          *path,
                            GError             **error);

/* The number parser the reader uses: parses [@begin, @end) exactly like
 * g_ascii_strtod would (correctly rounded), accepting leading/trailing
 * blanks, inf, nan. Returns FALSE when the field is not a number. */
gboolean lb_parse_double   (const char          *begin,
                            const char          *end,
                            double              *out);

G_END_DECLS
