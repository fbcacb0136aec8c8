/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-csv-private.h: what the CSV reader shares between its files: the byte
 * source (a file read in blocks with read(), bytes in memory, either of them
 * gzip-inflated on the fly) and the text check (UTF-8, no NUL byte).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _LbCsvSource LbCsvSource;

/* No record may be longer than this: a longer one is refused (LB_DATA_ERROR_TOO_LARGE). */
#define LB_CSV_MAX_RECORD ((gsize) 64 << 20)

LbCsvSource *lb_csv_source_new_for_file     (const char   *path,
                                             GError      **error);
/* Keeps a reference to @bytes. */
LbCsvSource *lb_csv_source_new_for_bytes    (GBytes       *bytes,
                                             GError      **error);
void         lb_csv_source_free             (LbCsvSource  *source);
gboolean     lb_csv_source_rewind           (LbCsvSource  *source,
                                             GError      **error);
/* Appends up to @block more bytes to the window (fewer at the end of the input). */
gboolean     lb_csv_source_fill             (LbCsvSource  *source,
                                             gsize         block,
                                             GError      **error);
/* The bytes read and not consumed yet. Valid until the next fill/consume. */
const char  *lb_csv_source_peek             (LbCsvSource  *source,
                                             gsize        *len);
void         lb_csv_source_consume          (LbCsvSource  *source,
                                             gsize         n);
gboolean     lb_csv_source_at_eof           (LbCsvSource  *source);
/* Offset in the (inflated) stream of the first byte of the window. */
guint64      lb_csv_source_get_offset       (LbCsvSource  *source);
/* The (inflated) size when known or guessed (gzip's ISIZE), else 0. */
guint64      lb_csv_source_get_size_hint    (LbCsvSource  *source);
/* How much of the input has been read, 0..1. */
double       lb_csv_source_get_fraction     (LbCsvSource  *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbCsvSource, lb_csv_source_free)

/* TRUE when [data, data + len) is valid UTF-8 with no NUL byte; otherwise
 * *bad_offset is the first bad byte and *is_nul says whether it is a NUL. */
gboolean     lb_csv_check_text              (const char   *data,
                                             gsize         len,
                                             gsize        *bad_offset,
                                             gboolean     *is_nul);

G_END_DECLS
