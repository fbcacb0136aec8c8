/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-csv-private.h: what the CSV reader shares between its files: the byte
 * source (a file read in blocks with read(), bytes in memory, either of them
 * gzip-inflated on the fly), the text check (UTF-8, no NUL byte), the parser
 * of one segment and the detection done on the first records.
 */
#pragma once

#include <gio/gio.h>

#include "lb-csv-builder.h"

G_BEGIN_DECLS

typedef struct _LbCsvSource LbCsvSource;

/* No record may be longer than this: a longer one is refused (LB_DATA_ERROR_TOO_LARGE). */
#define LB_CSV_MAX_RECORD ((gsize) 64 << 20)
/* Nor more columns than this (a line of 10 million commas is not a table). */
#define LB_CSV_MAX_COLUMNS 100000u

LbCsvSource *lb_csv_source_new_for_file     (const char   *path,
                                             GError      **error);
/* Keeps a reference to @bytes. */
LbCsvSource *lb_csv_source_new_for_bytes    (GBytes       *bytes,
                                             GError      **error);
void         lb_csv_source_free             (LbCsvSource  *source);
/* Before the first fill: the input is ISO-8859-1, to be turned into UTF-8. */
void         lb_csv_source_set_latin1       (LbCsvSource  *source,
                                             gboolean      latin1);
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

/* --- the parser of one segment (lb-csv-segment.c) --- */

typedef enum
{
  LB_CSV_SEGMENT_OK,
  LB_CSV_SEGMENT_RAGGED,
  LB_CSV_SEGMENT_UNTERMINATED,
  LB_CSV_SEGMENT_ENCODING,
  LB_CSV_SEGMENT_NUL,
  LB_CSV_SEGMENT_CANCELLED,
} LbCsvSegmentStatus;

/* A run of whole records, parsed on its own (possibly on another thread). */
typedef struct
{
  /* the format, set once by the reader */
  char                delimiter;
  char                thousands;
  guint               n_columns;
  GCancellable       *cancellable;
  /* the job */
  const char         *data;
  gsize               len;
  LbCsvBuilder       *columns;          /* n_columns builders */
  /* what came out */
  gsize               n_rows;
  gsize               n_newlines;       /* '\n' bytes parsed, for line numbers */
  LbCsvSegmentStatus  status;
  gsize               error_offset;     /* from data */
  guint               error_fields;
  char               *scratch;          /* unescaped quoted fields */
  gsize               scratch_capacity;
} LbCsvSegment;

void         lb_csv_segment_parse           (LbCsvSegment *segment);
/* The end of the last complete record in [data, data + len), 0 when none.
 * When the data holds a quote, splits[k] is the first record end at or after
 * targets[k] (increasing; 0 when none): safe places to cut the data. */
gsize        lb_csv_find_boundary           (const char   *data,
                                             gsize         len,
                                             char          delimiter,
                                             const gsize  *targets,
                                             guint         n_targets,
                                             gboolean     *has_quote,
                                             gsize        *splits);
gsize        lb_csv_count_newlines          (const char   *data,
                                             gsize         len);
/* One of the missing markers (see lb-csv-reader.h), blanks around allowed. */
gboolean     lb_csv_is_missing              (const char   *begin,
                                             const char   *end);
/* lb_parse_double, then again without @thousands separators (0 = none). */
gboolean     lb_csv_parse_number            (char          thousands,
                                             const char   *begin,
                                             const char   *end,
                                             double       *out);

/* --- detection on the first records (lb-csv-detect.c) --- */

typedef struct
{
  GPtrArray *fields;   /* char*, at most LB_CSV_MAX_COLUMNS + 1 of them */
  guint      n_fields; /* all of them */
  gsize      end;      /* offset after the record */
} LbCsvSampleRecord;

void               lb_csv_sample_record_free (gpointer     record);
/* The record at *pos (blank lines skipped), NULL at the end or when it is not
 * complete in [0, len). */
LbCsvSampleRecord *lb_csv_sample_record      (const char  *data,
                                              gsize        len,
                                              gsize       *pos,
                                              char         delimiter);
/* (element-type LbCsvSampleRecord) */
GPtrArray         *lb_csv_sample_records     (const char  *data,
                                              gsize        len,
                                              char         delimiter,
                                              guint        max_records);
char               lb_csv_detect_delimiter   (const char  *data,
                                              gsize        len);
gboolean           lb_csv_detect_header      (GPtrArray   *records,
                                              char         thousands);
/* NULL-terminated; @header (char*) may be NULL: column1, column2... */
char             **lb_csv_make_names         (GPtrArray   *header,
                                              guint        n_columns);

G_END_DECLS
