/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-table.h: LbTable, the columnar data frame everything in Learnbench reads.
 * A table is a list of equally long, uniquely named LbColumns. It is immutable:
 * "changing" it (adding a combined attribute, taking rows) makes a new table
 * that shares the unchanged columns. Refcounted, safe to share between threads.
 */
#pragma once

#include <gio/gio.h>

#include "lb-column.h"

G_BEGIN_DECLS

typedef struct _LbTable LbTable;

#define LB_TYPE_TABLE (lb_table_get_type ())
GType     lb_table_get_type         (void) G_GNUC_CONST;

/* @columns: (element-type LbColumn) (transfer none). Fails (LB_DATA_ERROR_INVALID)
 * when lengths differ or names repeat; fails (LB_DATA_ERROR_EMPTY) with no column. */
LbTable  *lb_table_new              (GPtrArray   *columns,
                                     GError     **error);
LbTable  *lb_table_ref              (LbTable     *table);
void      lb_table_unref            (LbTable     *table);

gsize     lb_table_get_n_rows       (LbTable     *table);
guint     lb_table_get_n_columns    (LbTable     *table);
/* transfer none */
LbColumn *lb_table_get_column       (LbTable     *table,
                                     guint        index);
/* -1 when absent */
int       lb_table_find_column      (LbTable     *table,
                                     const char  *name);
LbColumn *lb_table_get_column_by_name (LbTable   *table,
                                     const char  *name);
/* Indices (guint) of the numeric columns, in table order. Free with g_array_unref. */
GArray   *lb_table_dup_numeric_columns (LbTable  *table);
gsize     lb_table_get_memory_size  (LbTable     *table);

/* A new table with @column appended (or replacing the column of the same name). */
LbTable  *lb_table_with_column      (LbTable     *table,
                                     LbColumn    *column,
                                     GError     **error);
/* A new table with the rows @rows (in that order; repeats allowed). */
LbTable  *lb_table_take_rows        (LbTable     *table,
                                     const guint *rows,
                                     gsize        n_rows);
/* Where the table came from, for display ("housing.csv"); may be NULL. */
const char *lb_table_get_source     (LbTable     *table);
LbTable  *lb_table_with_source      (LbTable     *table,
                                     const char  *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbTable, lb_table_unref)

G_END_DECLS
