/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-table-model.h: a lazy GListModel over an LbTable. It holds only a ref to
 * the (immutable) table; items are LbTableRow objects made on demand for the
 * rows GtkColumnView actually shows, so 1M rows cost nothing up front. A
 * sorted view is the same table through a row order.
 */
#pragma once

#include <gio/gio.h>

#include "lb-data.h"
#include "lb-table-row.h"

G_BEGIN_DECLS

#define LB_TYPE_TABLE_MODEL (lb_table_model_get_type ())
G_DECLARE_FINAL_TYPE (LbTableModel, lb_table_model, LB, TABLE_MODEL, GObject)

/* @table may be NULL (an empty model). */
LbTableModel *lb_table_model_new            (LbTable      *table);
/* Rows in @order (n_rows table row indices, e.g. from lb_table_sort_rows;
 * a ref is taken): item i is table row order[i]. */
LbTableModel *lb_table_model_new_with_order (LbTable      *table,
                                             GArray       *order);
LbTable      *lb_table_model_get_table      (LbTableModel *self);
/* The table row shown at @position. */
guint         lb_table_model_get_row        (LbTableModel *self,
                                             guint         position);

G_END_DECLS
