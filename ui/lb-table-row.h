/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-table-row.h: the tiny item a lazy list model hands to GtkColumnView: just
 * a row index. Models create one on demand per visible row, so a million-row
 * table costs no memory until rows are shown.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LB_TYPE_TABLE_ROW (lb_table_row_get_type ())
G_DECLARE_FINAL_TYPE (LbTableRow, lb_table_row, LB, TABLE_ROW, GObject)

LbTableRow *lb_table_row_new       (guint       index);
guint       lb_table_row_get_index (LbTableRow *self);

G_END_DECLS
