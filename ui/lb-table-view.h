/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-table-view.h: the data table of "Get the data": a virtualized
 * GtkColumnView over an LbTableModel, one column per table column (very wide
 * tables show LB_TABLE_VIEW_MAX_COLUMNS of them: the first and the last ones),
 * GtkInscription cells, numbers right-aligned, missing values dimmed. Clicking
 * a cell emits "column-activated" (int column index); a sort job started from
 * a header menu is announced by "job-started" (LbJob *job).
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-data.h"

G_BEGIN_DECLS

/* GtkColumnView builds every column of every visible row: Fashion-MNIST's
 * 785 columns would mean ~30k cell widgets, so wide tables show their first
 * columns and say so. */
#define LB_TABLE_VIEW_MAX_COLUMNS 60

#define LB_TYPE_TABLE_VIEW (lb_table_view_get_type ())
G_DECLARE_FINAL_TYPE (LbTableView, lb_table_view, LB, TABLE_VIEW, GtkWidget)

GtkWidget     *lb_table_view_new                (void);
/* @table may be NULL (an empty view). */
void           lb_table_view_set_table          (LbTableView *self,
                                                 LbTable     *table);
LbTable       *lb_table_view_get_table          (LbTableView *self);
/* The lazy LbTableModel (transfer none): n_items == rows. */
GListModel    *lb_table_view_get_model          (LbTableView *self);
GtkColumnView *lb_table_view_get_column_view    (LbTableView *self);
/* Table columns shown (not counting the row-number column). */
guint          lb_table_view_get_n_shown_columns (LbTableView *self);
/* Sorts the rows by table column @column (stable, missing last) as a job;
 * the view shows the new order when it is done. Also offered in each
 * column header's menu (right click). */
void           lb_table_view_sort               (LbTableView *self,
                                                 guint        column,
                                                 gboolean     descending);
/* Back to the table's own order. */
void           lb_table_view_unsort             (LbTableView *self);
/* The column the rows are sorted by, or -1. */
int            lb_table_view_get_sort_column    (LbTableView *self,
                                                 gboolean    *descending);
/* The text a cell shows ("NaN" for missing, then *@missing is TRUE). */
char          *lb_table_view_dup_cell_text      (LbTableView *self,
                                                 guint        row,
                                                 guint        column,
                                                 gboolean    *missing);

G_END_DECLS
