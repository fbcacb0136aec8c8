/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-ui-util.c: helpers shared by the pages: describe()-style number
 * formatting, the stylesheet, a read-only string grid on GtkColumnView and a
 * widget-tree search. Nothing here knows about a particular page.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-table-row.h"
#include "lb-ui-util.h"

/* --- numbers --- */

char *
lb_ui_format_statistic (double value)
{
  double a = fabs (value);

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "inf" : "-inf");
  /* pandas' default display.precision is 6 and it switches to scientific
   * notation for magnitudes that would not fit (>= 1e9 or < 1e-4). */
  if (a != 0.0 && (a >= 1e9 || a < 1e-4))
    return g_strdup_printf ("%.6e", value);
  return g_strdup_printf ("%.6f", value);
}

char *
lb_ui_format_count (guint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* --- stylesheet --- */

static const char lb_css[] =
  ".lb-sidebar { background-color: alpha(currentColor, 0.03); }\n"
  ".lb-sidebar row { padding: 8px 10px; border-radius: 8px; margin: 2px 6px; }\n"
  ".lb-step-number { min-width: 24px; min-height: 24px; border-radius: 12px;"
  "  background-color: alpha(currentColor, 0.10); font-weight: bold; font-size: 0.9em; }\n"
  ".lb-sidebar row:selected .lb-step-number { background-color: #3584e4; color: #ffffff; }\n"
  ".lb-step-later { opacity: 0.45; }\n"
  ".lb-dataset-card { padding: 10px 12px; margin: 6px; border-radius: 8px;"
  "  background-color: alpha(currentColor, 0.05); }\n"
  ".lb-title-1 { font-size: 1.9em; font-weight: 800; }\n"
  ".lb-title-2 { font-size: 1.35em; font-weight: 700; }\n"
  ".lb-heading { font-weight: bold; }\n"
  ".lb-caption { font-size: 0.88em; }\n"
  ".lb-numeric { font-feature-settings: \"tnum\"; }\n"
  ".lb-missing { opacity: 0.45; font-style: italic; }\n"
  ".lb-row-index { opacity: 0.55; }\n"
  ".lb-sample-card { padding: 12px 14px; border-radius: 10px; }\n"
  ".lb-sample-card .lb-heading { font-size: 1.05em; }\n"
  ".lb-job-bar { padding: 6px 12px; border-top: 1px solid alpha(currentColor, 0.15);"
  "  background-color: alpha(currentColor, 0.04); }\n"
  ".lb-job-bar progressbar trough, .lb-job-bar progressbar progress { min-height: 6px; }\n"
  ".lb-page-header { padding: 14px 18px 8px 18px; }\n"
  "window.lb-drop-hover .lb-content { outline: 3px solid #3584e4; outline-offset: -3px; }\n"
  "columnview.lb-grid > header > button { font-weight: bold; }\n";

void
lb_ui_install_css (void)
{
  static gboolean installed = FALSE;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr (GtkCssProvider) provider = NULL;

  if (installed || display == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, lb_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  installed = TRUE;
}

/* --- string grid --- */

typedef struct
{
  guint   n_rows;
  guint   n_cols;
  char  **cells;       /* n_rows * n_cols */
  char  **row_labels;  /* n_rows or NULL */
} LbGridData;

typedef struct
{
  LbGridData *grid;  /* a GRcBox */
  int         col;   /* -1: the row-label column */
  gboolean    numeric;
} LbGridColumn;

static void
lb_grid_data_clear (gpointer data)
{
  LbGridData *grid = data;

  g_strfreev (grid->cells);
  g_strfreev (grid->row_labels);
}

static void
lb_grid_column_free (gpointer data,
                     GClosure *closure)
{
  LbGridColumn *column = data;

  g_rc_box_release_full (column->grid, lb_grid_data_clear);
  g_free (column);
}

static void
grid_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  LbGridColumn *column = user_data;
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 4);
  if (column->col < 0)
    gtk_widget_add_css_class (label, "lb-heading");
  if (column->numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
      gtk_widget_add_css_class (label, "lb-numeric");
    }
  gtk_list_item_set_child (item, label);
}

static void
grid_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  LbGridColumn *column = user_data;
  LbGridData *grid = column->grid;
  GtkWidget *label = gtk_list_item_get_child (item);
  guint row = lb_table_row_get_index (gtk_list_item_get_item (item));
  const char *text = NULL;

  if (row < grid->n_rows)
    {
      if (column->col < 0)
        text = grid->row_labels != NULL ? grid->row_labels[row] : NULL;
      else
        text = grid->cells[(gsize) row * grid->n_cols + (guint) column->col];
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static GtkColumnViewColumn *
grid_column_new (LbGridData *grid,
                 int         col,
                 const char *title,
                 gboolean    numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  LbGridColumn *column = g_new0 (LbGridColumn, 1);
  GtkColumnViewColumn *view_column;

  column->grid = g_rc_box_acquire (grid);
  column->col = col;
  column->numeric = numeric;
  g_signal_connect_data (factory, "setup", G_CALLBACK (grid_setup_cb), column,
                         lb_grid_column_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (grid_bind_cb), column);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  return view_column;
}

/* Width of @text in digit widths: a CJK character takes two ("数值列" is
 * as wide as six digits, not three). */
static guint
display_chars (const char *text)
{
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return n;
}

GtkWidget *
lb_ui_string_grid_new (guint               n_rows,
                       guint               n_cols,
                       const char * const *titles,
                       const char * const *row_labels,
                       const char * const *cells,
                       const gboolean     *numeric)
{
  LbGridData *grid = g_rc_box_new0 (LbGridData);
  g_autoptr (GListStore) store = g_list_store_new (LB_TYPE_TABLE_ROW);
  GtkWidget *view;
  GtkWidget *scrolled;
  int char_px = 8;

  grid->n_rows = n_rows;
  grid->n_cols = n_cols;
  grid->cells = g_new0 (char *, (gsize) n_rows * n_cols + 1);
  for (gsize i = 0; i < (gsize) n_rows * n_cols; i++)
    grid->cells[i] = g_strdup (cells[i]);
  if (row_labels != NULL)
    grid->row_labels = g_strdupv ((char **) row_labels);

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr (LbTableRow) row = lb_table_row_new (r);
      g_list_store_append (store, row);
    }

  {
    GtkSingleSelection *selection =
      gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&store)));

    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_single_selection_set_can_unselect (selection, TRUE);
    gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
    view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  }
  gtk_widget_add_css_class (view, "data-table");
  gtk_widget_add_css_class (view, "lb-grid");
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);

  /* Fixed widths from the longest text: nothing measures cells while scrolling. */
  {
    g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (view, "0123456789");
    pango_layout_get_pixel_size (layout, &char_px, NULL);
    char_px = MAX (char_px / 10, 6);
  }

  if (row_labels != NULL)
    {
      g_autoptr (GtkColumnViewColumn) c = grid_column_new (grid, -1, "", FALSE);
      guint chars = 1;

      for (guint r = 0; r < n_rows; r++)
        chars = MAX (chars, display_chars (row_labels[r]));
      /* bold text is wider: a 15 % margin */
      gtk_column_view_column_set_fixed_width (c, (int) (chars * char_px * 1.15) + 24);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), c);
    }
  for (guint c = 0; c < n_cols; c++)
    {
      g_autoptr (GtkColumnViewColumn) column =
        grid_column_new (grid, (int) c, titles[c], numeric != NULL && numeric[c]);
      guint chars = (guint) (display_chars (titles[c]) * 1.15) + 1;

      for (guint r = 0; r < n_rows; r++)
        {
          const char *cell = grid->cells[(gsize) r * n_cols + c];
          chars = MAX (chars, display_chars (cell));
        }
      gtk_column_view_column_set_fixed_width (column, MIN ((int) chars * char_px + 24, 420));
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
  g_rc_box_release_full (grid, lb_grid_data_clear);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  /* as wide as its columns (no empty band), scrolling when they do not fit */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_halign (scrolled, GTK_ALIGN_START);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

GtkColumnView *
lb_ui_string_grid_get_view (GtkWidget *grid)
{
  GtkWidget *child;

  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (grid), NULL);
  child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (grid));
  /* GtkScrolledWindow wraps non-scrollables in a viewport; a column view is scrollable. */
  return GTK_COLUMN_VIEW (child);
}

/* --- widget tree --- */

GtkWidget *
lb_ui_find_descendant (GtkWidget *widget,
                       GType      type,
                       gboolean   mapped_only)
{
  if (mapped_only && !gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lb_ui_find_descendant (child, type, mapped_only);

      if (found != NULL)
        return found;
    }
  return NULL;
}
