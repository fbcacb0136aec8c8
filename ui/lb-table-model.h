/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-table-model.h: a lazy GListModel over an LbTable. It holds only a ref to
 * the (immutable) table; items are LbTableRow objects made on demand for the
 * rows GtkColumnView actually shows, so 1M rows cost nothing up front.
 */
#pragma once

#include <gio/gio.h>

#include "lb-data.h"
#include "lb-table-row.h"

G_BEGIN_DECLS

#define LB_TYPE_TABLE_MODEL (lb_table_model_get_type ())
G_DECLARE_FINAL_TYPE (LbTableModel, lb_table_model, LB, TABLE_MODEL, GObject)

/* @table may be NULL (an empty model). */
LbTableModel *lb_table_model_new       (LbTable      *table);
LbTable      *lb_table_model_get_table (LbTableModel *self);

G_END_DECLS
