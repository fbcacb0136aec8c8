/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-data-error.h: the one GError domain of the data/ layer. Messages are
 * translated sentences a learner can act on ("line 17: 11 fields, expected 10").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LB_DATA_ERROR (lb_data_error_quark ())

typedef enum
{
  LB_DATA_ERROR_IO,          /* the file cannot be opened / read / written */
  LB_DATA_ERROR_EMPTY,       /* empty file, no rows, no columns */
  LB_DATA_ERROR_MALFORMED,   /* ragged row, unterminated quote, bad header */
  LB_DATA_ERROR_ENCODING,    /* not valid UTF-8 */
  LB_DATA_ERROR_FORMAT,      /* not a file kind we read (bad IDX magic, binary garbage) */
  LB_DATA_ERROR_ALL_MISSING, /* a column that holds no value at all */
  LB_DATA_ERROR_TOO_LARGE,   /* over a limit we refuse to allocate */
  LB_DATA_ERROR_INVALID,     /* a bad argument from the user: unknown column, bad expression */
  LB_DATA_ERROR_CHECKSUM,    /* a downloaded file does not match its checksum */
} LbDataError;

GQuark lb_data_error_quark (void);

G_END_DECLS
