/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-explore-util.c: the pieces the Explore page's sections share (see
 * lb-explore-private.h): column-name dropdowns and the lists they offer,
 * notes, captions and the side panel beside a chart.
 */
#include "config.h"

#include <math.h>

#include "lb-chart-view.h"
#include "lb-explore-private.h"

/* A chart of a table this long is built on a pool thread: the constructors
 * scan every row (a correlation heat map of 1M rows x 9 columns takes ~130 ms). */
#define BIG_TABLE_ROWS 200000

/* --- columns --- */

gboolean
lb_explore_is_numeric_column (LbTable    *table,
                              const char *name)
{
  LbColumn *column = table != NULL && name != NULL ? lb_table_get_column_by_name (table, name) : NULL;

  return column != NULL && lb_column_get_kind (column) == LB_COLUMN_NUMERIC;
}

gboolean
lb_explore_has_numeric_columns (LbTable            *table,
                                const char * const *names,
                                guint               n)
{
  for (guint i = 0; i < n; i++)
    if (!lb_explore_is_numeric_column (table, names[i]))
      return FALSE;
  return TRUE;
}

const char **
lb_explore_column_names (LbTable  *table,
                         gboolean  numeric,
                         gboolean  categorical,
                         guint    *n_out)
{
  guint n_columns = lb_table_get_n_columns (table);
  const char **names = g_new0 (const char *, n_columns + 1);
  guint n = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_columns; i++)
      {
        LbColumn *column = lb_table_get_column (table, i);
        LbColumnKind kind = lb_column_get_kind (column);

        if ((pass == 0 && numeric && kind == LB_COLUMN_NUMERIC)
            || (pass == 1 && categorical && kind == LB_COLUMN_CATEGORICAL))
          names[n++] = lb_column_get_name (column);
      }
  if (n_out != NULL)
    *n_out = n;
  return names;
}

/* --- dropdowns --- */

GtkWidget *
lb_explore_dropdown_new (void)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  GtkExpression *expression;
  GtkWidget *dropdown;

  dropdown = gtk_drop_down_new (G_LIST_MODEL (model), NULL);
  /* What the search entry matches, for tables with many columns. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown), expression);
  gtk_expression_unref (expression);
  return dropdown;
}

void
lb_explore_dropdown_set_names (GtkWidget          *dropdown,
                               const char * const *names,
                               guint               n,
                               const char         *none_label)
{
  GtkStringList *model = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)));
  guint old = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autofree const char **items = g_new0 (const char *, n + 2);
  guint k = 0;

  if (none_label != NULL)
    items[k++] = none_label;
  for (guint i = 0; i < n; i++)
    items[k++] = names[i];
  g_object_set_data (G_OBJECT (dropdown), "lb-has-none", GINT_TO_POINTER (none_label != NULL));
  gtk_string_list_splice (model, 0, old, items);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), k > 12);
}

const char *
lb_explore_dropdown_get_name (GtkWidget *dropdown)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  GObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
  gboolean has_none = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dropdown), "lb-has-none"));

  if (item == NULL || selected == GTK_INVALID_LIST_POSITION || (has_none && selected == 0))
    return NULL;
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

gboolean
lb_explore_dropdown_select (GtkWidget  *dropdown,
                            const char *name)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  guint n = g_list_model_get_n_items (model);
  gboolean has_none = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dropdown), "lb-has-none"));

  if (name == NULL)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), n > 0 ? 0 : GTK_INVALID_LIST_POSITION);
      return TRUE;
    }
  for (guint i = has_none ? 1 : 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
        return TRUE;
      }
  return FALSE;
}

/* --- labels and panels --- */

GtkWidget *
lb_explore_labelled (const char *mnemonic,
                     GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

GtkWidget *
lb_explore_note_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

void
lb_explore_set_note (GtkWidget  *label,
                     const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL);
}

GtkWidget *
lb_explore_side_panel_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_size_request (box, 220, -1);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  return box;
}

char *
lb_explore_format_correlation (double r)
{
  if (isnan (r))
    return g_strdup ("NaN");
  return g_strdup_printf ("%.6f", r);
}

/* --- charts, built in the background for big tables --- */

gboolean
lb_explore_is_big (LbTable *table)
{
  return table != NULL && lb_table_get_n_rows (table) >= BIG_TABLE_ROWS;
}

LbExploreChart *
lb_explore_chart_new (LbExploreChartKind  kind,
                      LbTable            *table)
{
  LbExploreChart *request = g_new0 (LbExploreChart, 1);

  request->kind = kind;
  request->table = lb_table_ref (table);
  return request;
}

void
lb_explore_chart_free (LbExploreChart *request)
{
  if (request == NULL)
    return;
  lb_table_unref (request->table);
  g_free (request->x);
  g_free (request->y);
  g_free (request->color_by);
  g_free (request->size_by);
  g_strfreev (request->columns);
  g_free (request->title);
  g_free (request);
}

/* An LbChartBuildFunc: may run on a pool thread, so plots/ and data/ only. */
static LbChart *
build_chart (gpointer   data,
             GError   **error)
{
  LbExploreChart *request = data;
  const char * const *columns = (const char * const *) request->columns;
  LbChart *chart = NULL;

  switch (request->kind)
    {
    case LB_EXPLORE_HISTOGRAM:
      chart = lb_chart_new_histogram (request->table, columns[0], LB_BIN_RULE_FIXED, request->n, error);
      break;
    case LB_EXPLORE_HISTOGRAM_GRID:
      chart = lb_chart_new_histogram_grid (request->table, request->n, error);
      break;
    case LB_EXPLORE_SCATTER:
      {
        LbScatterOptions options = {
          .x = request->x,
          .y = request->y,
          .color_by = request->color_by,
          .size_by = request->size_by,
          .alpha = request->alpha,
          .max_points = request->max_points,
        };
        chart = lb_chart_new_scatter (request->table, &options, error);
      }
      break;
    case LB_EXPLORE_CORRELATION:
      chart = lb_chart_new_correlation (request->table, columns, error);
      break;
    case LB_EXPLORE_SCATTER_MATRIX:
      chart = lb_chart_new_scatter_matrix (request->table, columns, error);
      break;
    case LB_EXPLORE_IMAGE_GRID:
      chart = lb_chart_new_image_grid (request->table, 28, 28, "label", request->n, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (chart != NULL && request->title != NULL)
    lb_chart_set_title (chart, request->title);
  return chart;
}

void
lb_explore_chart_show (LbExploreChart *request,
                       GtkWidget      *view)
{
  gboolean big = lb_explore_is_big (request->table);

  lb_chart_view_build (LB_CHART_VIEW (view), build_chart, request,
                       (GDestroyNotify) lb_explore_chart_free, big);
}
