/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-table-row.c: a row index wrapped in the smallest GObject possible, the
 * item type of LbTableModel and of the info()/describe() grids.
 */
#include "config.h"

#include "lb-table-row.h"

struct _LbTableRow
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (LbTableRow, lb_table_row, G_TYPE_OBJECT)

static void
lb_table_row_class_init (LbTableRowClass *klass)
{
}

static void
lb_table_row_init (LbTableRow *self)
{
}

LbTableRow *
lb_table_row_new (guint index)
{
  LbTableRow *self = g_object_new (LB_TYPE_TABLE_ROW, NULL);

  self->index = index;
  return self;
}

guint
lb_table_row_get_index (LbTableRow *self)
{
  g_return_val_if_fail (LB_IS_TABLE_ROW (self), 0);

  return self->index;
}
