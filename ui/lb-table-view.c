/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-table-view.c: GtkColumnView over LbTableModel. Each table column gets a
 * factory whose cells are GtkInscriptions (cheap to measure, so scrolling a
 * million rows only formats the ~40 visible ones). Widths are fixed from the
 * header and a sample of values, so nothing measures the whole column.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lb-table-model.h"
#include "lb-table-sort.h"
#include "lb-table-view.h"

struct _LbTableView
{
  GtkWidget         parent_instance;

  GtkWidget        *scrolled;
  GtkColumnView    *view;
  LbTableModel     *model;
  guint             n_shown;
  GArray           *shown;         /* table column index of each data column */

  int               sort_column;   /* -1: table order */
  gboolean          sort_descending;
  LbJob            *sort_job;
  LbGeneration      sort_generation;
};

G_DEFINE_FINAL_TYPE (LbTableView, lb_table_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_COLUMN_ACTIVATED,
  SIGNAL_JOB_STARTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* What a data column's factory needs; freed with the factory. */
typedef struct
{
  LbColumn *column;
  guint     index;
} LbCellColumn;

static void
lb_cell_column_free (gpointer  data,
                     GClosure *closure)
{
  LbCellColumn *cc = data;

  lb_column_unref (cc->column);
  g_free (cc);
}

/* --- cells --- */

static char *
format_cell (LbColumn *column,
             gsize     row,
             gboolean *missing)
{
  gboolean is_missing = lb_column_is_missing (column, row);

  if (missing != NULL)
    *missing = is_missing;
  if (is_missing)
    return g_strdup ("NaN");
  return lb_column_format_value (column, row);
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 gpointer         user_data)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *self = gtk_widget_get_ancestor (cell, LB_TYPE_TABLE_VIEW);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "lb-column-index"));

  if (self != NULL && index > 0)
    g_signal_emit (self, signals[SIGNAL_COLUMN_ACTIVATED], 0, (int) index - 1);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  LbCellColumn *cc = user_data;
  GtkWidget *cell = gtk_inscription_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  if (lb_column_get_kind (cc->column) == LB_COLUMN_NUMERIC)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "lb-numeric");
    }
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* index + 1 so that 0 means "not a data cell" */
  g_object_set_data (G_OBJECT (cell), "lb-column-index", GUINT_TO_POINTER (cc->index + 1));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), NULL);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, cell);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  LbCellColumn *cc = user_data;
  GtkWidget *cell = gtk_list_item_get_child (item);
  guint row = lb_table_row_get_index (gtk_list_item_get_item (item));
  gboolean missing = FALSE;
  g_autofree char *text = format_cell (cc->column, row, &missing);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  if (missing)
    gtk_widget_add_css_class (cell, "lb-missing");
  else
    gtk_widget_remove_css_class (cell, "lb-missing");
}

static void
index_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
  gtk_widget_add_css_class (cell, "lb-row-index");
  gtk_widget_add_css_class (cell, "lb-numeric");
  gtk_list_item_set_child (item, cell);
}

static void
index_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  guint row = lb_table_row_get_index (gtk_list_item_get_item (item));
  char text[16];

  g_snprintf (text, sizeof text, "%u", row);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

/* --- columns --- */

static int
char_width (LbTableView *self)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                   "0123456789");
  int w = 0;

  pango_layout_get_pixel_size (layout, &w, NULL);
  return MAX (w / 10, 6);
}

/* Characters the widest of the header and the first rows needs. */
static guint
column_chars (LbColumn *column,
              gsize     n_rows)
{
  guint chars = g_utf8_strlen (lb_column_get_name (column), -1) + 1;
  gsize sample = MIN (n_rows, 200);

  for (gsize r = 0; r < sample; r++)
    {
      g_autofree char *text = format_cell (column, r, NULL);
      chars = MAX (chars, (guint) g_utf8_strlen (text, -1));
    }
  return chars;
}

/* Right click on a column header */
static GMenuModel *
header_menu_new (guint column)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) sort = g_menu_new ();
  g_autoptr (GMenuItem) asc = g_menu_item_new (_("Sort Ascending"), NULL);
  g_autoptr (GMenuItem) desc = g_menu_item_new (_("Sort Descending"), NULL);
  g_autoptr (GMenuItem) details = g_menu_item_new (_("Show Column Details"), NULL);

  g_menu_item_set_action_and_target_value (asc, "table.sort", g_variant_new ("(ub)", column, FALSE));
  g_menu_item_set_action_and_target_value (desc, "table.sort", g_variant_new ("(ub)", column, TRUE));
  g_menu_append_item (sort, asc);
  g_menu_append_item (sort, desc);
  g_menu_append (sort, _("Original Order"), "table.unsort");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (sort));
  g_menu_item_set_action_and_target_value (details, "table.details", g_variant_new_uint32 (column));
  g_menu_append_item (menu, details);
  return G_MENU_MODEL (menu);
}

static void
clear_columns (LbTableView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->view, column);
    }
  g_array_set_size (self->shown, 0);
}

static void
build_columns (LbTableView *self,
               LbTable     *table)
{
  gsize n_rows = lb_table_get_n_rows (table);
  guint n_cols = lb_table_get_n_columns (table);
  int cw = char_width (self);
  g_autofree char *n_text = g_strdup_printf ("%" G_GSIZE_FORMAT, n_rows);
  GtkListItemFactory *factory;
  g_autoptr (GtkColumnViewColumn) index_column = NULL;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (index_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (index_bind_cb), NULL);
  index_column = gtk_column_view_column_new ("", factory);
  gtk_column_view_column_set_fixed_width (index_column, (int) strlen (n_text) * cw + 24);
  gtk_column_view_append_column (self->view, index_column);

  /* Like pandas: a wide table shows its first and its last columns (the
   * label of an image data set is usually last). */
  self->n_shown = MIN (n_cols, LB_TABLE_VIEW_MAX_COLUMNS);
  for (guint i = 0; i < self->n_shown; i++)
    {
      guint tail = LB_TABLE_VIEW_MAX_COLUMNS / 6;
      guint c = n_cols <= LB_TABLE_VIEW_MAX_COLUMNS || i < self->n_shown - tail
                  ? i : n_cols - (self->n_shown - i);
      LbColumn *column = lb_table_get_column (table, c);
      LbCellColumn *cc = g_new0 (LbCellColumn, 1);
      g_autoptr (GtkColumnViewColumn) view_column = NULL;
      guint chars = column_chars (column, n_rows);

      cc->column = lb_column_ref (column);
      cc->index = c;
      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect_data (factory, "setup", G_CALLBACK (cell_setup_cb), cc,
                             lb_cell_column_free, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), cc);
      view_column = gtk_column_view_column_new (lb_column_get_name (column), factory);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      {
        g_autoptr (GMenuModel) menu = header_menu_new (c);
        gtk_column_view_column_set_header_menu (view_column, menu);
      }
      g_array_append_val (self->shown, c);
      gtk_column_view_column_set_fixed_width (view_column,
                                              CLAMP ((int) chars * cw + 28, 64, 360));
      gtk_column_view_append_column (self->view, view_column);
    }
}

/* --- sorting --- */

/* Shows @model (transfer full), with no row selected. */
static void
set_model (LbTableView  *self,
           LbTableModel *model)
{
  g_autoptr (GtkSingleSelection) selection = NULL;

  g_clear_object (&self->model);
  self->model = model;
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
}

static void
cancel_sort (LbTableView *self)
{
  lb_generation_next (&self->sort_generation);
  if (self->sort_job != NULL)
    lb_job_cancel (self->sort_job);
  g_clear_object (&self->sort_job);
}

/* "name ↑" on the sorted column, plain names elsewhere */
static void
update_titles (LbTableView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  LbTable *table = lb_table_view_get_table (self);

  for (guint i = 0; table != NULL && i < self->shown->len; i++)
    {
      g_autoptr (GtkColumnViewColumn) view_column = g_list_model_get_item (columns, i + 1);
      guint c = g_array_index (self->shown, guint, i);
      const char *name = lb_column_get_name (lb_table_get_column (table, c));

      if ((int) c == self->sort_column)
        {
          g_autofree char *title = g_strconcat (name, self->sort_descending ? " ↓" : " ↑", NULL);
          gtk_column_view_column_set_title (view_column, title);
        }
      else
        gtk_column_view_column_set_title (view_column, name);
    }
}

typedef struct
{
  GWeakRef  view;
  guint64   generation;
  guint     column;
  gboolean  descending;
} LbSortRequest;

static void
sort_request_free (LbSortRequest *request)
{
  g_weak_ref_clear (&request->view);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbSortRequest, sort_request_free)

static void
sort_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (LbSortRequest) request = user_data;
  g_autoptr (LbTableView) self = g_weak_ref_get (&request->view);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) order = lb_table_sort_rows_finish (result, &error);

  if (self == NULL || !lb_generation_is_current (&self->sort_generation, request->generation))
    return;
  g_clear_object (&self->sort_job);
  if (order == NULL)
    return;  /* cancelled: the rows stay as they are */

  self->sort_column = (int) request->column;
  self->sort_descending = request->descending;
  set_model (self, lb_table_model_new_with_order (lb_table_view_get_table (self), order));
  update_titles (self);
}

void
lb_table_view_sort (LbTableView *self,
                    guint        column,
                    gboolean     descending)
{
  LbTable *table;
  LbSortRequest *request;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();

  g_return_if_fail (LB_IS_TABLE_VIEW (self));

  table = lb_table_view_get_table (self);
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < lb_table_get_n_columns (table));

  cancel_sort (self);
  request = g_new0 (LbSortRequest, 1);
  g_weak_ref_init (&request->view, self);
  request->generation = self->sort_generation.value;
  request->column = column;
  request->descending = descending;
  self->sort_job = lb_table_sort_rows_async (table, column, descending, cancellable,
                                             sort_done_cb, request);
  g_signal_emit (self, signals[SIGNAL_JOB_STARTED], 0, self->sort_job);
}

void
lb_table_view_unsort (LbTableView *self)
{
  g_return_if_fail (LB_IS_TABLE_VIEW (self));

  cancel_sort (self);
  if (self->sort_column < 0)
    return;
  self->sort_column = -1;
  set_model (self, lb_table_model_new (lb_table_view_get_table (self)));
  update_titles (self);
}

int
lb_table_view_get_sort_column (LbTableView *self,
                               gboolean    *descending)
{
  g_return_val_if_fail (LB_IS_TABLE_VIEW (self), -1);

  if (descending != NULL)
    *descending = self->sort_descending;
  return self->sort_column;
}

static void
sort_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  guint column;
  gboolean descending;

  g_variant_get (parameter, "(ub)", &column, &descending);
  lb_table_view_sort (LB_TABLE_VIEW (widget), column, descending);
}

static void
unsort_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  lb_table_view_unsort (LB_TABLE_VIEW (widget));
}

static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_COLUMN_ACTIVATED], 0, (int) g_variant_get_uint32 (parameter));
}

/* --- public --- */

void
lb_table_view_set_table (LbTableView *self,
                         LbTable     *table)
{
  g_return_if_fail (LB_IS_TABLE_VIEW (self));

  if (self->model != NULL && lb_table_model_get_table (self->model) == table)
    return;

  clear_columns (self);
  self->n_shown = 0;
  cancel_sort (self);
  self->sort_column = -1;
  set_model (self, lb_table_model_new (table));
  if (table != NULL)
    build_columns (self, table);
}

LbTable *
lb_table_view_get_table (LbTableView *self)
{
  g_return_val_if_fail (LB_IS_TABLE_VIEW (self), NULL);

  return self->model != NULL ? lb_table_model_get_table (self->model) : NULL;
}

GListModel *
lb_table_view_get_model (LbTableView *self)
{
  g_return_val_if_fail (LB_IS_TABLE_VIEW (self), NULL);

  return G_LIST_MODEL (self->model);
}

GtkColumnView *
lb_table_view_get_column_view (LbTableView *self)
{
  g_return_val_if_fail (LB_IS_TABLE_VIEW (self), NULL);

  return self->view;
}

guint
lb_table_view_get_n_shown_columns (LbTableView *self)
{
  g_return_val_if_fail (LB_IS_TABLE_VIEW (self), 0);

  return self->n_shown;
}

char *
lb_table_view_dup_cell_text (LbTableView *self,
                             guint        row,
                             guint        column,
                             gboolean    *missing)
{
  LbTable *table;

  g_return_val_if_fail (LB_IS_TABLE_VIEW (self), NULL);

  table = lb_table_view_get_table (self);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < lb_table_get_n_rows (table), NULL);
  g_return_val_if_fail (column < lb_table_get_n_columns (table), NULL);

  return format_cell (lb_table_get_column (table, column), row, missing);
}

/* --- GObject --- */

static void
lb_table_view_dispose (GObject *object)
{
  LbTableView *self = LB_TABLE_VIEW (object);

  cancel_sort (self);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->model);
  g_clear_pointer (&self->shown, g_array_unref);
  G_OBJECT_CLASS (lb_table_view_parent_class)->dispose (object);
}

static void
lb_table_view_class_init (LbTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_table_view_dispose;

  signals[SIGNAL_COLUMN_ACTIVATED] =
    g_signal_new ("column-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SIGNAL_JOB_STARTED] =
    g_signal_new ("job-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LB_TYPE_JOB);

  gtk_widget_class_install_action (widget_class, "table.sort", "(ub)", sort_action);
  gtk_widget_class_install_action (widget_class, "table.unsort", NULL, unsort_action);
  gtk_widget_class_install_action (widget_class, "table.details", "u", details_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lb-table-view");
}

static void
lb_table_view_init (LbTableView *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sort_column = -1;
  self->scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled),
                                 GTK_WIDGET (self->view));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  lb_table_view_set_table (self, NULL);
}

GtkWidget *
lb_table_view_new (void)
{
  return g_object_new (LB_TYPE_TABLE_VIEW, NULL);
}
