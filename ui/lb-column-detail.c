/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-column-detail.c: LbColumnDetail shows one column: for a numeric column the
 * eight describe() numbers as pandas prints them and a histogram; for a
 * categorical or text column its value counts (largest first, as pandas'
 * value_counts()) and a bar chart of them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-chart-view.h"
#include "lb-column-detail.h"
#include "lb-ui-util.h"

/* Rows of the value-counts list; the bar chart is plots/' to limit. */
#define MAX_LISTED_VALUES 200

struct _LbColumnDetail
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *summary;       /* missing values, distinct values */
  GtkWidget *numbers;       /* GtkGrid: statistic | value */
  GtkWidget *counts_window; /* GtkScrolledWindow around counts */
  GtkWidget *counts;        /* GtkGrid: value | count */
  GtkWidget *chart_view;

  GPtrArray *rows;          /* "key\tvalue" as shown, for tests and copying */
};

G_DEFINE_FINAL_TYPE (LbColumnDetail, lb_column_detail, GTK_TYPE_WIDGET)

/* pandas' dtype names, as the book's outputs show them */
static const char *
dtype_name (LbColumnKind kind)
{
  switch (kind)
    {
    case LB_COLUMN_NUMERIC:
      return "float64";
    case LB_COLUMN_CATEGORICAL:
      return "category";
    case LB_COLUMN_TEXT:
    default:
      return "object";
    }
}

static void
clear_grid (GtkWidget *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (grid)) != NULL)
    gtk_grid_remove (GTK_GRID (grid), child);
}

static void
grid_add_row (LbColumnDetail *self,
              GtkWidget      *grid,
              int             row,
              const char     *key,
              const char     *value)
{
  GtkWidget *k = gtk_label_new (key);
  GtkWidget *v = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (k), 0);
  gtk_label_set_ellipsize (GTK_LABEL (k), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (k, TRUE);
  gtk_label_set_xalign (GTK_LABEL (v), 1);
  gtk_label_set_selectable (GTK_LABEL (v), TRUE);
  gtk_widget_add_css_class (v, "monospace");
  gtk_grid_attach (GTK_GRID (grid), k, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), v, 1, row, 1, 1);
  g_ptr_array_add (self->rows, g_strdup_printf ("%s\t%s", key, value));
}

static void
show_numeric (LbColumnDetail *self,
              LbTable        *table,
              LbColumn       *column)
{
  static const char *const keys[8] = { "count", "mean", "std", "min", "25%", "50%", "75%", "max" };
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = NULL;
  LbNumericSummary s;
  double values[8];

  lb_column_describe (column, &s);
  values[0] = (double) s.count;
  values[1] = s.mean;
  values[2] = s.std;
  values[3] = s.min;
  values[4] = s.q25;
  values[5] = s.q50;
  values[6] = s.q75;
  values[7] = s.max;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *text = lb_ui_format_statistic (values[i]);

      grid_add_row (self, self->numbers, (int) i, keys[i], text);
    }
  gtk_widget_set_visible (self->numbers, TRUE);

  chart = lb_chart_new_histogram (table, lb_column_get_name (column), LB_BIN_RULE_FIXED, 50, &error);
  if (chart != NULL)
    lb_chart_view_set_chart (LB_CHART_VIEW (self->chart_view), chart);
  else
    lb_chart_view_set_message (LB_CHART_VIEW (self->chart_view), error->message);
}

static void
show_counts (LbColumnDetail *self,
             LbTable        *table,
             LbColumn       *column)
{
  g_autoptr (LbValueCounts) counts = lb_column_value_counts (column);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = NULL;
  guint shown = MIN (counts->n_values, MAX_LISTED_VALUES);
  GtkWidget *header_v, *header_c;

  header_v = gtk_label_new (lb_column_get_name (column));
  header_c = gtk_label_new (_("count"));
  gtk_label_set_xalign (GTK_LABEL (header_v), 0);
  gtk_label_set_xalign (GTK_LABEL (header_c), 1);
  gtk_widget_add_css_class (header_v, "heading");
  gtk_widget_add_css_class (header_c, "heading");
  gtk_grid_attach (GTK_GRID (self->counts), header_v, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->counts), header_c, 1, 0, 1, 1);
  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *count = lb_ui_format_count (counts->counts[i]);

      grid_add_row (self, self->counts, (int) i + 1, counts->values[i], count);
    }
  if (shown < counts->n_values)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more values"), counts->n_values - shown);

      grid_add_row (self, self->counts, (int) shown + 1, more, "");
    }
  gtk_widget_set_visible (self->counts_window, TRUE);

  chart = lb_chart_new_value_counts (table, lb_column_get_name (column), &error);
  if (chart != NULL)
    lb_chart_view_set_chart (LB_CHART_VIEW (self->chart_view), chart);
  else
    lb_chart_view_set_message (LB_CHART_VIEW (self->chart_view), error->message);

  {
    g_autofree char *distinct = lb_ui_format_count (counts->n_values);
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s distinct value", "%s distinct values",
                                                          counts->n_values),
                                             distinct);
    const char *previous = gtk_label_get_text (GTK_LABEL (self->summary));
    g_autofree char *both = g_strdup_printf ("%s · %s", previous, text);

    gtk_label_set_text (GTK_LABEL (self->summary), both);
  }
}

/* --- public API --- */

GtkWidget *
lb_column_detail_new (void)
{
  return g_object_new (LB_TYPE_COLUMN_DETAIL, NULL);
}

void
lb_column_detail_set_column (LbColumnDetail *self,
                             LbTable        *table,
                             int             index)
{
  LbColumn *column;
  g_autofree char *title = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *summary = NULL;
  gsize n_missing;

  g_return_if_fail (LB_IS_COLUMN_DETAIL (self));

  clear_grid (self->numbers);
  clear_grid (self->counts);
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (self->numbers, FALSE);
  gtk_widget_set_visible (self->counts_window, FALSE);

  if (table == NULL || index < 0 || (guint) index >= lb_table_get_n_columns (table))
    {
      gtk_label_set_text (GTK_LABEL (self->title), "");
      gtk_label_set_text (GTK_LABEL (self->summary), "");
      lb_chart_view_set_message (LB_CHART_VIEW (self->chart_view), _("No column chosen"));
      return;
    }

  column = lb_table_get_column (table, (guint) index);
  /* Translators: a column's name and its pandas dtype, e.g. "median_income · float64" */
  title = g_strdup_printf (_("%s · %s"), lb_column_get_name (column),
                           dtype_name (lb_column_get_kind (column)));
  gtk_label_set_text (GTK_LABEL (self->title), title);

  n_missing = lb_column_count_missing (column);
  missing = lb_ui_format_count (n_missing);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s missing value", "%s missing values",
                                          n_missing),
                             missing);
  gtk_label_set_text (GTK_LABEL (self->summary), summary);

  if (lb_column_get_kind (column) == LB_COLUMN_NUMERIC)
    show_numeric (self, table, column);
  else
    show_counts (self, table, column);
}

/* The chart view under the numbers (for tests and the window's export). */
LbChartView *
lb_column_detail_get_chart_view (LbColumnDetail *self)
{
  g_return_val_if_fail (LB_IS_COLUMN_DETAIL (self), NULL);
  return LB_CHART_VIEW (self->chart_view);
}

/* The rows shown ("count\t20640.000000", "INLAND\t6,551", …), NULL-terminated. */
char **
lb_column_detail_dup_rows (LbColumnDetail *self)
{
  GStrvBuilder *builder;
  char **rows;

  g_return_val_if_fail (LB_IS_COLUMN_DETAIL (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->rows->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->rows, i));
  rows = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return rows;
}

const char *
lb_column_detail_get_title (LbColumnDetail *self)
{
  g_return_val_if_fail (LB_IS_COLUMN_DETAIL (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->title));
}

/* --- GObject --- */

static void
lb_column_detail_dispose (GObject *object)
{
  LbColumnDetail *self = LB_COLUMN_DETAIL (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (lb_column_detail_parent_class)->dispose (object);
}

static void
lb_column_detail_finalize (GObject *object)
{
  LbColumnDetail *self = LB_COLUMN_DETAIL (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (lb_column_detail_parent_class)->finalize (object);
}

static void
lb_column_detail_class_init (LbColumnDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_column_detail_dispose;
  object_class->finalize = lb_column_detail_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lbcolumndetail");
}

static void
lb_column_detail_init (LbColumnDetail *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (self->title, "heading");

  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_widget_add_css_class (self->summary, "dim-label");

  self->numbers = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->numbers), 16);
  gtk_grid_set_row_spacing (GTK_GRID (self->numbers), 2);

  self->counts = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->counts), 16);
  gtk_grid_set_row_spacing (GTK_GRID (self->counts), 2);
  gtk_widget_set_margin_end (self->counts, 12);   /* room for the scroll bar */
  self->counts_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->counts_window),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->counts_window), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->counts_window), 220);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->counts_window), self->counts);

  self->chart_view = lb_chart_view_new ();
  gtk_widget_set_vexpand (self->chart_view, TRUE);
  gtk_widget_set_size_request (self->chart_view, 240, 200);

  gtk_box_append (GTK_BOX (self->box), self->title);
  gtk_box_append (GTK_BOX (self->box), self->summary);
  gtk_box_append (GTK_BOX (self->box), self->numbers);
  gtk_box_append (GTK_BOX (self->box), self->counts_window);
  gtk_box_append (GTK_BOX (self->box), self->chart_view);

  lb_column_detail_set_column (self, NULL, -1);
}
