/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-table-model.c: GListModel over an LbTable without an object per row:
 * get_item() wraps the row index in a fresh LbTableRow. The table is immutable,
 * so the model never changes; a new table gets a new model.
 */
#include "config.h"

#include "lb-table-model.h"

struct _LbTableModel
{
  GObject  parent_instance;
  LbTable *table;
  guint    n_rows;
  GArray  *order;  /* of guint, n_rows; NULL = table order */
};

static void lb_table_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LbTableModel, lb_table_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      lb_table_model_list_model_init))

/* --- GListModel --- */

static GType
lb_table_model_get_item_type (GListModel *model)
{
  return LB_TYPE_TABLE_ROW;
}

static guint
lb_table_model_get_n_items (GListModel *model)
{
  return LB_TABLE_MODEL (model)->n_rows;
}

static gpointer
lb_table_model_get_item (GListModel *model,
                         guint       position)
{
  LbTableModel *self = LB_TABLE_MODEL (model);

  if (position >= self->n_rows)
    return NULL;
  return lb_table_row_new (lb_table_model_get_row (self, position));
}

static void
lb_table_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lb_table_model_get_item_type;
  iface->get_n_items = lb_table_model_get_n_items;
  iface->get_item = lb_table_model_get_item;
}

/* --- GObject --- */

static void
lb_table_model_finalize (GObject *object)
{
  LbTableModel *self = LB_TABLE_MODEL (object);

  g_clear_pointer (&self->table, lb_table_unref);
  g_clear_pointer (&self->order, g_array_unref);
  G_OBJECT_CLASS (lb_table_model_parent_class)->finalize (object);
}

static void
lb_table_model_class_init (LbTableModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lb_table_model_finalize;
}

static void
lb_table_model_init (LbTableModel *self)
{
}

LbTableModel *
lb_table_model_new (LbTable *table)
{
  LbTableModel *self = g_object_new (LB_TYPE_TABLE_MODEL, NULL);

  if (table != NULL)
    {
      gsize n = lb_table_get_n_rows (table);

      self->table = lb_table_ref (table);
      /* GListModel counts in guint; LbTable rows fit (the reader refuses more). */
      self->n_rows = (guint) MIN (n, (gsize) G_MAXUINT);
    }
  return self;
}

/* transfer none */
LbTable *
lb_table_model_get_table (LbTableModel *self)
{
  g_return_val_if_fail (LB_IS_TABLE_MODEL (self), NULL);

  return self->table;
}

LbTableModel *
lb_table_model_new_with_order (LbTable *table,
                               GArray  *order)
{
  LbTableModel *self;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (order != NULL, NULL);
  g_return_val_if_fail (order->len == lb_table_get_n_rows (table), NULL);

  self = lb_table_model_new (table);
  self->order = g_array_ref (order);
  return self;
}

guint
lb_table_model_get_row (LbTableModel *self,
                        guint         position)
{
  g_return_val_if_fail (LB_IS_TABLE_MODEL (self), 0);
  g_return_val_if_fail (position < self->n_rows, 0);

  return self->order != NULL ? g_array_index (self->order, guint, position) : position;
}
