/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-column.h: one column of an LbTable. Numeric columns are double[] with NaN
 * for missing; categorical columns are gint32 codes (-1 = missing) plus their
 * categories; text columns keep strings (NULL = missing). A column is immutable
 * once built and refcounted, so derived tables share unchanged columns.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LB_COLUMN_NUMERIC,
  LB_COLUMN_CATEGORICAL,
  LB_COLUMN_TEXT,
} LbColumnKind;

typedef struct _LbColumn LbColumn;

#define LB_TYPE_COLUMN (lb_column_get_type ())
GType lb_column_get_type (void) G_GNUC_CONST;

/* Constructors take ownership (transfer full) of the arrays, which must come
 * from g_malloc / g_new. */
LbColumn           *lb_column_new_numeric     (const char   *name,
                                               double       *values,
                                               gsize         n_rows);
/* The same for @values in an anonymous mapping of @mapped_size bytes (from
 * mmap), which the column unmaps when it is freed. */
LbColumn           *lb_column_new_numeric_mapped (const char *name,
                                                  double     *values,
                                                  gsize       n_rows,
                                                  gsize       mapped_size);
LbColumn           *lb_column_new_categorical (const char   *name,
                                               gint32       *codes,
                                               gsize         n_rows,
                                               char        **categories);
LbColumn           *lb_column_new_text        (const char   *name,
                                               char        **values,
                                               gsize         n_rows);
/* A copy of @column under another name; the data is shared. */
LbColumn           *lb_column_new_renamed     (LbColumn     *column,
                                               const char   *name);

LbColumn           *lb_column_ref             (LbColumn     *column);
void                lb_column_unref           (LbColumn     *column);

const char         *lb_column_get_name        (LbColumn     *column);
LbColumnKind        lb_column_get_kind        (LbColumn     *column);
gsize               lb_column_get_n_rows      (LbColumn     *column);
/* Numeric data (n_rows values; NaN = missing). NULL for other kinds. */
const double       *lb_column_get_numeric     (LbColumn     *column);
/* Categorical codes (n_rows values; -1 = missing). NULL for other kinds. */
const gint32       *lb_column_get_codes       (LbColumn     *column);
guint               lb_column_get_n_categories (LbColumn    *column);
const char * const *lb_column_get_categories  (LbColumn     *column);
/* Text values (n_rows strings; NULL = missing). NULL for other kinds. */
const char * const *lb_column_get_text        (LbColumn     *column);

gboolean            lb_column_is_missing      (LbColumn     *column,
                                               gsize         row);
gsize               lb_column_count_missing   (LbColumn     *column);
/* Bytes held by the column's payload (values, codes, strings). */
gsize               lb_column_get_memory_size (LbColumn     *column);
/* The value as a user would read it ("" for missing; numbers in shortest
 * round-trip form, "%.17g"-exact). */
char               *lb_column_format_value    (LbColumn     *column,
                                               gsize         row);
const char         *lb_column_kind_to_string  (LbColumnKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbColumn, lb_column_unref)

G_END_DECLS
