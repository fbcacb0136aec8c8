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
} LbCsvOptions;

#define LB_CSV_OPTIONS_INIT { 0, LB_CSV_HEADER_AUTO, 0, 0 }

/* Reads @path (.gz inflated). @options may be NULL. @progress is called from
 * the calling thread, at most ~100 times. Cancelling returns G_IO_ERROR_CANCELLED. */
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
