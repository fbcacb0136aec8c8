/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-data-page-profile.c: the info() and describe() panels of "Get the data",
 * laid out as pandas prints them (describe(): statistics as rows, numeric
 * columns as columns; categorical columns get count / unique / top / freq),
 * filled from the LbProfile the page's profile job computed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-data-page-private.h"
#include "lb-ui-util.h"

/* The row labels of pandas' describe() */
static const char * const describe_rows[] = {
  "count", "mean", "std", "min", "25%", "50%", "75%", "max", NULL
};

/* pandas' dtype names, which the book's outputs show */
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

void
lb_data_page_clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

GtkWidget *
lb_data_page_placeholder_new (const char *text,
                              gboolean    busy)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (box, TRUE);
  if (busy)
    {
      GtkWidget *spinner = gtk_spinner_new ();
      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_widget_set_size_request (spinner, 32, 32);
      gtk_box_append (GTK_BOX (box), spinner);
    }
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
section_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 4);
  return label;
}

static void
info_activate_cb (GtkColumnView *view,
                  guint          position,
                  LbDataPage    *self)
{
  lb_data_page_select_column (self, (int) position);
}

/* --- info() and describe() --- */

void
lb_data_page_fill_info (LbDataPage *self)
{
  GArray *info = self->profile->info;
  const char *titles[] = { "#", _("Column"), _("Non-Null Count"), _("Dtype"), _("Memory") };
  const gboolean numeric[] = { TRUE, FALSE, TRUE, FALSE, TRUE };
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint counts[3] = { 0, 0, 0 };
  gsize memory = 0;
  g_autofree char *entries = lb_ui_format_count (lb_table_get_n_rows (self->table));
  g_autofree char *memory_text = NULL;
  g_autofree char *summary = NULL;
  GString *dtypes = g_string_new (NULL);
  GtkWidget *grid;

  for (guint i = 0; i < info->len; i++)
    {
      LbColumnInfo *ci = &g_array_index (info, LbColumnInfo, i);
      g_autofree char *non_null = lb_ui_format_count (ci->non_null);

      g_ptr_array_add (cells, g_strdup_printf ("%u", i));
      g_ptr_array_add (cells, g_strdup (ci->name));
      /* Translators: pandas' info() column, e.g. "20,433 non-null" */
      g_ptr_array_add (cells, g_strdup_printf (_("%s non-null"), non_null));
      g_ptr_array_add (cells, g_strdup (dtype_name (ci->kind)));
      g_ptr_array_add (cells, g_format_size (ci->memory));
      counts[MIN ((guint) ci->kind, 2)]++;
      memory += ci->memory;
    }
  for (guint k = 0; k < 3; k++)
    if (counts[k] > 0)
      g_string_append_printf (dtypes, "%s%s(%u)", dtypes->len > 0 ? ", " : "",
                              dtype_name ((LbColumnKind) k), counts[k]);
  memory_text = g_format_size (memory);
  /* Translators: a summary like pandas' info(): "20,640 entries, 10 columns · dtypes: float64(9), category(1) · memory usage: 1.6 MB" */
  summary = g_strdup_printf (_("%s entries, %u columns · dtypes: %s · memory usage: %s"),
                             entries, info->len, dtypes->str, memory_text);
  g_string_free (dtypes, TRUE);

  lb_data_page_clear_box (self->info_box);
  gtk_box_append (GTK_BOX (self->info_box), section_label_new (summary));
  grid = lb_ui_string_grid_new (info->len, G_N_ELEMENTS (titles), titles, NULL,
                                (const char * const *) cells->pdata, numeric);
  g_signal_connect (lb_ui_string_grid_get_view (grid), "activate",
                    G_CALLBACK (info_activate_cb), self);
  gtk_column_view_set_single_click_activate (lb_ui_string_grid_get_view (grid), TRUE);
  gtk_widget_set_vexpand (grid, FALSE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (grid), TRUE);
  gtk_box_append (GTK_BOX (self->info_box), grid);
}

void
lb_data_page_fill_describe (LbDataPage *self)
{
  LbProfile *profile = self->profile;
  guint n_cols = lb_table_get_n_columns (self->table);
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();
  g_autoptr (GArray) numeric_cols = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) other_cols = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();

  for (guint c = 0; c < n_cols; c++)
    {
      LbColumn *column = lb_table_get_column (self->table, c);

      if (lb_column_get_kind (column) == LB_COLUMN_NUMERIC)
        {
          if (numeric_cols->len < LB_TABLE_VIEW_MAX_COLUMNS)
            g_array_append_val (numeric_cols, c);
        }
      else if (other_cols->len < LB_TABLE_VIEW_MAX_COLUMNS && profile->counts[c] != NULL)
        g_array_append_val (other_cols, c);
    }

  g_clear_pointer (&self->describe_cells, g_strfreev);
  self->describe_cols = numeric_cols->len;
  self->describe_cells = g_new0 (char *, 8 * (gsize) numeric_cols->len + 1);
  for (guint j = 0; j < numeric_cols->len; j++)
    {
      guint c = g_array_index (numeric_cols, guint, j);
      const LbNumericSummary *s = &profile->summaries[c];
      const double values[8] = { (double) s->count, s->mean, s->std, s->min,
                                 s->q25, s->q50, s->q75, s->max };

      g_ptr_array_add (titles, (gpointer) lb_column_get_name (lb_table_get_column (self->table, c)));
      for (guint r = 0; r < 8; r++)
        self->describe_cells[r * numeric_cols->len + j] = lb_ui_format_statistic (values[r]);
    }

  lb_data_page_clear_box (self->describe_box);
  if (numeric_cols->len > 0)
    {
      g_autofree gboolean *numeric = g_new (gboolean, numeric_cols->len);
      GtkWidget *grid;

      for (guint j = 0; j < numeric_cols->len; j++)
        numeric[j] = TRUE;
      gtk_box_append (GTK_BOX (self->describe_box),
                      section_label_new (_("Numeric columns: count of non-missing values, mean, "
                                           "sample standard deviation, minimum, quartiles and maximum.")));
      grid = lb_ui_string_grid_new (8, numeric_cols->len, (const char * const *) titles->pdata,
                                    describe_rows, (const char * const *) self->describe_cells,
                                    numeric);
      gtk_widget_set_vexpand (grid, FALSE);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (grid), GTK_POLICY_AUTOMATIC,
                                      GTK_POLICY_NEVER);
      gtk_box_append (GTK_BOX (self->describe_box), grid);
    }

  if (other_cols->len > 0)
    {
      static const char * const rows[] = { "count", "unique", "top", "freq", NULL };
      g_autoptr (GPtrArray) other_titles = g_ptr_array_new ();
      g_autoptr (GPtrArray) other_cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char **ordered = g_new0 (char *, 4 * (gsize) other_cols->len + 1);
      GtkWidget *grid;

      for (guint j = 0; j < other_cols->len; j++)
        {
          guint c = g_array_index (other_cols, guint, j);
          LbValueCounts *vc = profile->counts[c];
          LbColumnInfo *ci = &g_array_index (profile->info, LbColumnInfo, c);

          g_ptr_array_add (other_titles, (gpointer) ci->name);
          ordered[0 * other_cols->len + j] = g_strdup_printf ("%" G_GSIZE_FORMAT, ci->non_null);
          ordered[1 * other_cols->len + j] = g_strdup_printf ("%u", vc->n_values);
          ordered[2 * other_cols->len + j] = g_strdup (vc->n_values > 0 ? vc->values[0] : "NaN");
          ordered[3 * other_cols->len + j] = vc->n_values > 0
                                               ? g_strdup_printf ("%" G_GSIZE_FORMAT, vc->counts[0])
                                               : g_strdup ("NaN");
        }
      for (gsize i = 0; i < 4 * (gsize) other_cols->len; i++)
        g_ptr_array_add (other_cells, ordered[i]);
      gtk_box_append (GTK_BOX (self->describe_box),
                      section_label_new (_("Categorical and text columns: values present, distinct "
                                           "values, the most frequent one and its count.")));
      grid = lb_ui_string_grid_new (4, other_cols->len, (const char * const *) other_titles->pdata,
                                    rows, (const char * const *) other_cells->pdata, NULL);
      gtk_widget_set_vexpand (grid, FALSE);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (grid), GTK_POLICY_AUTOMATIC,
                                      GTK_POLICY_NEVER);
      gtk_box_append (GTK_BOX (self->describe_box), grid);
    }

  if (numeric_cols->len == 0 && other_cols->len == 0)
    gtk_box_append (GTK_BOX (self->describe_box),
                    lb_data_page_placeholder_new (_("This table has no column to describe."), FALSE));
}

/* Where info() and describe() would be: why they are not there. */
void
lb_data_page_show_profile_message (LbDataPage *self,
                                   const char *text)
{
  lb_data_page_clear_box (self->info_box);
  gtk_box_append (GTK_BOX (self->info_box), lb_data_page_placeholder_new (text, FALSE));
  lb_data_page_clear_box (self->describe_box);
  gtk_box_append (GTK_BOX (self->describe_box), lb_data_page_placeholder_new (text, FALSE));
}
