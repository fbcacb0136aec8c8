/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-explore-page.c: the checklist's "Explore" step. One stack of sections
 * (histograms, scatter, correlations, scatter matrix, combined attributes,
 * images), each built lazily when shown: a new table marks every section out
 * of date and only the visible one is rebuilt. Chart descriptions come from
 * plots/; the correlations to the target run as a job when the table is big.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-chart-view.h"
#include "lb-attribute-form.h"
#include "lb-correlation-panel.h"
#include "lb-explore-page.h"
#include "lb-explore-private.h"
#include "lb-ui-util.h"

#define HISTOGRAM_MAX_COLUMNS   36
#define MATRIX_MAX_CHOSEN       8
#define MATRIX_MAX_OFFERED      100
#define MATRIX_MAX_ROWS         30000
#define SCATTER_MAX_POINTS      200000
#define IMAGE_SIDE              28
#define IMAGE_COUNT             36

typedef enum
{
  SECTION_HISTOGRAMS,
  SECTION_SCATTER,
  SECTION_CORRELATIONS,
  SECTION_MATRIX,
  SECTION_COMBINE,
  SECTION_IMAGES,
  N_SECTIONS
} Section;

static const char *const section_ids[N_SECTIONS] = {
  "histograms", "scatter", "correlations", "matrix", "combine", "images",
};

/* The book's chapter 2 columns. */
static const char *const housing_map[4] = {
  "longitude", "latitude", "population", "median_house_value",
};
static const char *const book_matrix[4] = {
  "median_house_value", "median_income", "total_rooms", "housing_median_age",
};

struct _LbExplorePage
{
  GtkWidget      parent_instance;

  GtkWidget     *outer_stack;
  GtkWidget     *sections;
  GtkStackPage  *images_page;

  LbTable       *table;
  gboolean       updating;
  guint          dirty;         /* bit per Section */

  /* histograms */
  GtkWidget     *hist_view;
  GtkWidget     *bins_spin;
  GtkWidget     *hist_note;

  /* scatter */
  GtkWidget     *scatter_view;
  GtkWidget     *x_dropdown;
  GtkWidget     *y_dropdown;
  GtkWidget     *color_dropdown;
  GtkWidget     *size_dropdown;
  GtkWidget     *alpha_scale;
  GtkWidget     *housing_button;

  /* sections of their own */
  GtkWidget     *correlations;
  GtkWidget     *attribute_form;

  /* scatter matrix */
  GtkWidget     *matrix_view;
  GtkWidget     *matrix_checks;
  GtkWidget     *matrix_note;
  GPtrArray     *matrix_columns;   /* chosen names, in the order chosen */
  LbTable       *matrix_sample;    /* rows drawn for a big table, or NULL */

  /* images */
  GtkWidget     *images_view;
};

G_DEFINE_FINAL_TYPE (LbExplorePage, lb_explore_page, GTK_TYPE_WIDGET)

enum
{
  TABLE_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void lb_explore_page_refresh_visible (LbExplorePage *self);

/* --- helpers --- */

static gboolean
is_image_table (LbTable *table)
{
  g_autofree char *last = g_strdup_printf ("pixel%d", IMAGE_SIDE * IMAGE_SIDE - 1);

  return lb_explore_is_numeric_column (table, "pixel0")
         && lb_explore_is_numeric_column (table, last)
         && lb_table_find_column (table, "label") >= 0;
}

/* --- histograms --- */

static void
refresh_histograms (LbExplorePage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbTable) shown = NULL;
  g_autoptr (GArray) numeric = lb_table_dup_numeric_columns (self->table);
  LbExploreChart *request;

  if (numeric->len == 0)
    {
      lb_chart_view_set_message (LB_CHART_VIEW (self->hist_view),
                                 _("This data set has no numeric columns to draw."));
      lb_explore_set_note (self->hist_note, NULL);
      return;
    }

  if (numeric->len > HISTOGRAM_MAX_COLUMNS)
    {
      g_autoptr (GPtrArray) columns = g_ptr_array_new ();
      g_autofree char *note = NULL;

      for (guint i = 0; i < HISTOGRAM_MAX_COLUMNS; i++)
        g_ptr_array_add (columns, lb_table_get_column (self->table, g_array_index (numeric, guint, i)));
      shown = lb_table_new (columns, &error);   /* shares the columns */
      note = g_strdup_printf (_("Showing the first %u of %u numeric columns."),
                              HISTOGRAM_MAX_COLUMNS, numeric->len);
      lb_explore_set_note (self->hist_note, note);
      if (shown == NULL)
        {
          lb_chart_view_set_message (LB_CHART_VIEW (self->hist_view), error->message);
          return;
        }
    }
  else
    {
      shown = lb_table_ref (self->table);
      lb_explore_set_note (self->hist_note, NULL);
    }

  request = lb_explore_chart_new (LB_EXPLORE_HISTOGRAM_GRID, shown);
  request->n = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->bins_spin));
  lb_explore_chart_show (request, self->hist_view);
}

static void
bins_changed_cb (LbExplorePage *self)
{
  if (self->table != NULL && !self->updating)
    refresh_histograms (self);
}

/* --- scatter --- */

static void
refresh_scatter (LbExplorePage *self)
{
  const char *x = lb_explore_dropdown_get_name (self->x_dropdown);
  const char *y = lb_explore_dropdown_get_name (self->y_dropdown);
  LbExploreChart *request;

  gtk_widget_set_visible (self->housing_button,
                          lb_explore_has_numeric_columns (self->table, housing_map,
                                                          G_N_ELEMENTS (housing_map)));

  if (x == NULL || y == NULL)
    {
      lb_chart_view_set_message (LB_CHART_VIEW (self->scatter_view),
                                 _("A scatter plot needs two numeric columns: choose the X and Y axes."));
      return;
    }

  request = lb_explore_chart_new (LB_EXPLORE_SCATTER, self->table);
  request->x = g_strdup (x);
  request->y = g_strdup (y);
  request->color_by = g_strdup (lb_explore_dropdown_get_name (self->color_dropdown));
  request->size_by = g_strdup (lb_explore_dropdown_get_name (self->size_dropdown));
  request->alpha = gtk_range_get_value (GTK_RANGE (self->alpha_scale));
  request->max_points = SCATTER_MAX_POINTS;
  lb_explore_chart_show (request, self->scatter_view);
}

static void
scatter_changed_cb (LbExplorePage *self)
{
  if (self->table != NULL && !self->updating)
    refresh_scatter (self);
}

static void
apply_housing_map (LbExplorePage *self)
{
  self->updating = TRUE;
  lb_explore_dropdown_select (self->x_dropdown, housing_map[0]);
  lb_explore_dropdown_select (self->y_dropdown, housing_map[1]);
  lb_explore_dropdown_select (self->size_dropdown, housing_map[2]);
  lb_explore_dropdown_select (self->color_dropdown, housing_map[3]);
  gtk_range_set_value (GTK_RANGE (self->alpha_scale), 0.4);  /* the book's alpha */
  self->updating = FALSE;
}

static void
housing_clicked_cb (LbExplorePage *self)
{
  if (self->table == NULL)
    return;
  apply_housing_map (self);
  refresh_scatter (self);
}

/* Fills the selectors from the table, keeping the choices that still exist. */
static void
update_scatter_selectors (LbExplorePage *self,
                          gboolean       same_data)
{
  g_autofree char *x = g_strdup (lb_explore_dropdown_get_name (self->x_dropdown));
  g_autofree char *y = g_strdup (lb_explore_dropdown_get_name (self->y_dropdown));
  g_autofree char *color = g_strdup (lb_explore_dropdown_get_name (self->color_dropdown));
  g_autofree char *size = g_strdup (lb_explore_dropdown_get_name (self->size_dropdown));
  g_autofree const char **numeric = NULL;
  g_autofree const char **colorable = NULL;
  guint n_numeric, n_colorable;

  numeric = lb_explore_column_names (self->table, TRUE, FALSE, &n_numeric);
  colorable = lb_explore_column_names (self->table, TRUE, TRUE, &n_colorable);

  self->updating = TRUE;
  lb_explore_dropdown_set_names (self->x_dropdown, numeric, n_numeric, NULL);
  lb_explore_dropdown_set_names (self->y_dropdown, numeric, n_numeric, NULL);
  lb_explore_dropdown_set_names (self->color_dropdown, colorable, n_colorable, _("None"));
  lb_explore_dropdown_set_names (self->size_dropdown, numeric, n_numeric, _("None"));

  if (same_data && x != NULL && y != NULL
      && lb_explore_dropdown_select (self->x_dropdown, x)
      && lb_explore_dropdown_select (self->y_dropdown, y))
    {
      if (!lb_explore_dropdown_select (self->color_dropdown, color))
        lb_explore_dropdown_select (self->color_dropdown, NULL);
      if (!lb_explore_dropdown_select (self->size_dropdown, size))
        lb_explore_dropdown_select (self->size_dropdown, NULL);
    }
  else if (lb_explore_has_numeric_columns (self->table, housing_map, G_N_ELEMENTS (housing_map)))
    {
      apply_housing_map (self);
      self->updating = TRUE;
    }
  else
    {
      /* The first two numeric columns, coloured by the first categorical one
       * (the label of moons, blobs, …) when there is one. */
      lb_explore_dropdown_select (self->x_dropdown, n_numeric > 0 ? numeric[0] : NULL);
      lb_explore_dropdown_select (self->y_dropdown, n_numeric > 1 ? numeric[1] : NULL);
      lb_explore_dropdown_select (self->color_dropdown,
                            n_colorable > n_numeric ? colorable[n_numeric] : NULL);
      lb_explore_dropdown_select (self->size_dropdown, NULL);
      gtk_range_set_value (GTK_RANGE (self->alpha_scale),
                           lb_table_get_n_rows (self->table) > 5000 ? 0.4 : 0.8);
    }
  self->updating = FALSE;
}

/* --- scatter matrix --- */

static void
refresh_matrix (LbExplorePage *self)
{
  LbExploreChart *request;

  if (self->matrix_columns->len < 2)
    {
      lb_chart_view_set_message (LB_CHART_VIEW (self->matrix_view),
                                 _("Tick at least two columns to compare them pair by pair."));
      return;
    }

  /* Every panel draws every row: past MATRIX_MAX_ROWS a seeded sample keeps
   * the page responsive (1M rows x 16 panels take over a second). */
  if (self->matrix_sample == NULL && lb_table_get_n_rows (self->table) > MATRIX_MAX_ROWS)
    {
      g_autoptr (GArray) rows = lb_table_sample_rows (self->table, MATRIX_MAX_ROWS, 42);

      self->matrix_sample = lb_table_take_rows (self->table, (const guint *) rows->data, rows->len);
    }
  if (self->matrix_sample != NULL)
    {
      g_autofree char *sample = lb_ui_format_count (lb_table_get_n_rows (self->matrix_sample));
      g_autofree char *all = lb_ui_format_count (lb_table_get_n_rows (self->table));
      g_autofree char *note = g_strdup_printf (_("A random sample of %s of the %s rows, to keep it quick."),
                                               sample, all);

      lb_explore_set_note (self->matrix_note, note);
    }

  request = lb_explore_chart_new (LB_EXPLORE_SCATTER_MATRIX,
                                  self->matrix_sample != NULL ? self->matrix_sample : self->table);
  request->columns = g_new0 (char *, self->matrix_columns->len + 1);
  for (guint i = 0; i < self->matrix_columns->len; i++)
    request->columns[i] = g_strdup (g_ptr_array_index (self->matrix_columns, i));
  lb_explore_chart_show (request, self->matrix_view);
}

static gboolean
chosen_index (GPtrArray  *chosen,
              const char *name,
              guint      *index)
{
  return g_ptr_array_find_with_equal_func (chosen, name, g_str_equal, index);
}

static void
matrix_toggled_cb (GtkCheckButton *check,
                   LbExplorePage  *self)
{
  const char *name = g_object_get_data (G_OBJECT (check), "lb-column");
  gboolean active = gtk_check_button_get_active (check);
  guint index;

  if (self->updating)
    return;

  if (active && !chosen_index (self->matrix_columns, name, NULL))
    {
      if (self->matrix_columns->len >= MATRIX_MAX_CHOSEN)
        {
          g_autofree char *text = g_strdup_printf (_("At most %d columns: untick one first."),
                                                   MATRIX_MAX_CHOSEN);
          self->updating = TRUE;
          gtk_check_button_set_active (check, FALSE);
          self->updating = FALSE;
          lb_explore_set_note (self->matrix_note, text);
          return;
        }
      g_ptr_array_add (self->matrix_columns, g_strdup (name));
    }
  else if (!active && chosen_index (self->matrix_columns, name, &index))
    {
      g_ptr_array_remove_index (self->matrix_columns, index);
    }
  lb_explore_set_note (self->matrix_note, NULL);
  refresh_matrix (self);
}

static void
update_matrix_checks (LbExplorePage *self,
                      gboolean       same_data)
{
  g_autofree const char **numeric = NULL;
  GtkWidget *child;
  guint n;

  numeric = lb_explore_column_names (self->table, TRUE, FALSE, &n);

  /* Keep the choices that still exist; otherwise the book's four, or the first four. */
  for (guint i = self->matrix_columns->len; i > 0; i--)
    if (!same_data || !lb_explore_is_numeric_column (self->table, g_ptr_array_index (self->matrix_columns, i - 1)))
      g_ptr_array_remove_index (self->matrix_columns, i - 1);
  if (!same_data)
    {
      if (lb_explore_has_numeric_columns (self->table, book_matrix, G_N_ELEMENTS (book_matrix)))
        for (guint i = 0; i < G_N_ELEMENTS (book_matrix); i++)
          g_ptr_array_add (self->matrix_columns, g_strdup (book_matrix[i]));
      else
        for (guint i = 0; i < MIN (n, 4); i++)
          g_ptr_array_add (self->matrix_columns, g_strdup (numeric[i]));
    }

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (self->matrix_checks)) != NULL)
    gtk_box_remove (GTK_BOX (self->matrix_checks), child);
  for (guint i = 0; i < MIN (n, MATRIX_MAX_OFFERED); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (numeric[i]);

      g_object_set_data_full (G_OBJECT (check), "lb-column", g_strdup (numeric[i]), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   chosen_index (self->matrix_columns, numeric[i], NULL));
      g_signal_connect (check, "toggled", G_CALLBACK (matrix_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->matrix_checks), check);
    }
  self->updating = FALSE;
  lb_explore_set_note (self->matrix_note, NULL);
}

/* --- images --- */

static void
refresh_images (LbExplorePage *self)
{
  LbExploreChart *request;

  if (!is_image_table (self->table))
    return;
  request = lb_explore_chart_new (LB_EXPLORE_IMAGE_GRID, self->table);
  request->n = IMAGE_COUNT;
  request->title = g_strdup_printf (_("The first %d images and their labels"), IMAGE_COUNT);
  lb_explore_chart_show (request, self->images_view);
}

/* --- sections --- */

static void
lb_explore_page_refresh_visible (LbExplorePage *self)
{
  const char *id = gtk_stack_get_visible_child_name (GTK_STACK (self->sections));
  Section section = N_SECTIONS;

  if (self->table == NULL || id == NULL)
    return;
  for (guint i = 0; i < N_SECTIONS; i++)
    if (g_str_equal (id, section_ids[i]))
      section = i;
  if (section == N_SECTIONS || !(self->dirty & (1u << section)))
    return;
  self->dirty &= ~(1u << section);

  switch (section)
    {
    case SECTION_HISTOGRAMS:   refresh_histograms (self);   break;
    case SECTION_SCATTER:      refresh_scatter (self);      break;
    case SECTION_CORRELATIONS:
      lb_correlation_panel_refresh (LB_CORRELATION_PANEL (self->correlations));
      break;
    case SECTION_MATRIX:       refresh_matrix (self);       break;
    case SECTION_COMBINE:      break;   /* follows set_table at once */
    case SECTION_IMAGES:       refresh_images (self);       break;
    case N_SECTIONS:
    default:                   g_assert_not_reached ();
    }
}

static void
visible_section_changed_cb (LbExplorePage *self)
{
  lb_explore_page_refresh_visible (self);
}

/* --- building the widget --- */

static GtkWidget *
build_histograms (LbExplorePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Bins"));

  self->bins_spin = gtk_spin_button_new_with_range (2, 500, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->bins_spin), 50);   /* the book's bins=50 */
  gtk_widget_set_tooltip_text (self->bins_spin,
                               _("How many bars each histogram has: more bins show finer detail, and more noise"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->bins_spin);
  g_signal_connect_swapped (self->bins_spin, "value-changed", G_CALLBACK (bins_changed_cb), self);
  self->hist_note = lb_explore_note_new ();

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), self->bins_spin);
  gtk_box_append (GTK_BOX (bar), self->hist_note);

  self->hist_view = lb_chart_view_new ();
  gtk_widget_set_vexpand (self->hist_view, TRUE);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), self->hist_view);
  return box;
}

static GtkWidget *
build_scatter (LbExplorePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *panel = lb_explore_side_panel_new ();

  self->x_dropdown = lb_explore_dropdown_new ();
  self->y_dropdown = lb_explore_dropdown_new ();
  self->color_dropdown = lb_explore_dropdown_new ();
  self->size_dropdown = lb_explore_dropdown_new ();
  gtk_widget_set_tooltip_text (self->color_dropdown,
                               _("Colour each point by this column's value"));
  gtk_widget_set_tooltip_text (self->size_dropdown,
                               _("Make each point's area proportional to this column's value"));
  self->alpha_scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0.05, 1.0, 0.05);
  gtk_scale_set_digits (GTK_SCALE (self->alpha_scale), 2);
  gtk_scale_set_draw_value (GTK_SCALE (self->alpha_scale), TRUE);
  gtk_range_set_value (GTK_RANGE (self->alpha_scale), 0.4);
  gtk_widget_set_tooltip_text (self->alpha_scale,
                               _("Lower opacity shows where many points pile up"));
  self->housing_button = gtk_button_new_with_mnemonic (_("_Housing map"));
  gtk_widget_set_tooltip_text (self->housing_button,
                               _("The book's map of California: longitude and latitude, "
                                 "size by population, colour by median house value"));

  gtk_box_append (GTK_BOX (panel), lb_explore_labelled (_("_X axis"), self->x_dropdown));
  gtk_box_append (GTK_BOX (panel), lb_explore_labelled (_("_Y axis"), self->y_dropdown));
  gtk_box_append (GTK_BOX (panel), lb_explore_labelled (_("_Colour by"), self->color_dropdown));
  gtk_box_append (GTK_BOX (panel), lb_explore_labelled (_("_Size by"), self->size_dropdown));
  gtk_box_append (GTK_BOX (panel), lb_explore_labelled (_("_Opacity"), self->alpha_scale));
  gtk_box_append (GTK_BOX (panel), self->housing_button);

  g_signal_connect_swapped (self->x_dropdown, "notify::selected", G_CALLBACK (scatter_changed_cb), self);
  g_signal_connect_swapped (self->y_dropdown, "notify::selected", G_CALLBACK (scatter_changed_cb), self);
  g_signal_connect_swapped (self->color_dropdown, "notify::selected", G_CALLBACK (scatter_changed_cb), self);
  g_signal_connect_swapped (self->size_dropdown, "notify::selected", G_CALLBACK (scatter_changed_cb), self);
  g_signal_connect_swapped (self->alpha_scale, "value-changed", G_CALLBACK (scatter_changed_cb), self);
  g_signal_connect_swapped (self->housing_button, "clicked", G_CALLBACK (housing_clicked_cb), self);

  self->scatter_view = lb_chart_view_new ();
  gtk_widget_set_hexpand (self->scatter_view, TRUE);
  gtk_box_append (GTK_BOX (box), panel);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), self->scatter_view);
  return box;
}

static GtkWidget *
build_matrix (LbExplorePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *panel = lb_explore_side_panel_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *heading = gtk_label_new (_("Columns"));
  GtkWidget *explain;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  explain = gtk_label_new (_("Every chosen column against every other; "
                             "the diagonal shows each one's histogram."));
  gtk_label_set_wrap (GTK_LABEL (explain), TRUE);
  gtk_label_set_xalign (GTK_LABEL (explain), 0);
  gtk_widget_add_css_class (explain, "dim-label");

  self->matrix_columns = g_ptr_array_new_with_free_func (g_free);
  self->matrix_checks = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->matrix_checks);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->matrix_note = lb_explore_note_new ();

  gtk_box_append (GTK_BOX (panel), heading);
  gtk_box_append (GTK_BOX (panel), explain);
  gtk_box_append (GTK_BOX (panel), self->matrix_note);
  gtk_box_append (GTK_BOX (panel), scrolled);

  self->matrix_view = lb_chart_view_new ();
  gtk_widget_set_hexpand (self->matrix_view, TRUE);
  gtk_box_append (GTK_BOX (box), panel);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), self->matrix_view);
  return box;
}

static GtkWidget *
build_empty_state (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-spreadsheet-symbolic");
  GtkWidget *title = gtk_label_new (_("Open a data set first"));
  GtkWidget *body = gtk_label_new (_("Open a CSV file or choose a sample: its histograms, "
                                     "scatter plots and correlations appear here."));

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 96);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_add_css_class (title, "title-1");
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_justify (GTK_LABEL (body), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 50);
  gtk_widget_add_css_class (body, "dim-label");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  return box;
}

/* --- public API --- */

GtkWidget *
lb_explore_page_new (void)
{
  return g_object_new (LB_TYPE_EXPLORE_PAGE, NULL);
}

/* TRUE when every column of @old is in @new_table: the same data set, grown
 * by a combined attribute, so the user's choices are kept. */
static gboolean
same_data_set (LbTable *old,
               LbTable *new_table)
{
  if (old == NULL)
    return FALSE;
  for (guint i = 0; i < lb_table_get_n_columns (old); i++)
    if (lb_table_find_column (new_table, lb_column_get_name (lb_table_get_column (old, i))) < 0)
      return FALSE;
  return TRUE;
}

void
lb_explore_page_set_table (LbExplorePage *self,
                           LbTable       *table)
{
  gboolean same;

  g_return_if_fail (LB_IS_EXPLORE_PAGE (self));

  if (table == self->table)
    return;

  same = table != NULL && same_data_set (self->table, table);
  if (table != NULL)
    lb_table_ref (table);
  g_clear_pointer (&self->table, lb_table_unref);
  g_clear_pointer (&self->matrix_sample, lb_table_unref);
  self->table = table;

  lb_correlation_panel_set_table (LB_CORRELATION_PANEL (self->correlations), table, same);
  lb_attribute_form_set_table (LB_ATTRIBUTE_FORM (self->attribute_form), table, same);
  lb_attribute_form_set_target (LB_ATTRIBUTE_FORM (self->attribute_form),
                                lb_correlation_panel_get_target (LB_CORRELATION_PANEL (self->correlations)));

  if (table == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->outer_stack), "empty");
      lb_chart_view_set_chart (LB_CHART_VIEW (self->hist_view), NULL);
      lb_chart_view_set_chart (LB_CHART_VIEW (self->scatter_view), NULL);
      lb_chart_view_set_chart (LB_CHART_VIEW (self->matrix_view), NULL);
      lb_chart_view_set_chart (LB_CHART_VIEW (self->images_view), NULL);
      return;
    }

  update_scatter_selectors (self, same);
  update_matrix_checks (self, same);
  gtk_stack_page_set_visible (self->images_page, is_image_table (table));
  if (!is_image_table (table)
      && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->sections)), "images") == 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->sections), "histograms");

  self->dirty = (1u << N_SECTIONS) - 1;
  gtk_stack_set_visible_child_name (GTK_STACK (self->outer_stack), "content");
  lb_explore_page_refresh_visible (self);
}

LbTable *
lb_explore_page_get_table (LbExplorePage *self)
{
  g_return_val_if_fail (LB_IS_EXPLORE_PAGE (self), NULL);
  return self->table;
}

void
lb_explore_page_set_section (LbExplorePage *self,
                             const char    *section)
{
  g_return_if_fail (LB_IS_EXPLORE_PAGE (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->sections), section);
}

LbChartView *
lb_explore_page_get_chart_view (LbExplorePage *self,
                                const char    *section)
{
  g_return_val_if_fail (LB_IS_EXPLORE_PAGE (self), NULL);

  if (g_strcmp0 (section, "histograms") == 0)
    return LB_CHART_VIEW (self->hist_view);
  if (g_strcmp0 (section, "scatter") == 0)
    return LB_CHART_VIEW (self->scatter_view);
  if (g_strcmp0 (section, "correlations") == 0)
    return lb_correlation_panel_get_chart_view (LB_CORRELATION_PANEL (self->correlations));
  if (g_strcmp0 (section, "matrix") == 0)
    return LB_CHART_VIEW (self->matrix_view);
  if (g_strcmp0 (section, "combine") == 0)
    return lb_attribute_form_get_chart_view (LB_ATTRIBUTE_FORM (self->attribute_form));
  if (g_strcmp0 (section, "images") == 0)
    return LB_CHART_VIEW (self->images_view);
  return NULL;
}

gboolean
lb_explore_page_set_scatter_columns (LbExplorePage *self,
                                     const char    *x,
                                     const char    *y,
                                     const char    *color_by,
                                     const char    *size_by)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (LB_IS_EXPLORE_PAGE (self), FALSE);

  /* Select like a user would, one dropdown at a time, but draw once. */
  self->updating = TRUE;
  ok &= lb_explore_dropdown_select (self->x_dropdown, x);
  ok &= lb_explore_dropdown_select (self->y_dropdown, y);
  ok &= lb_explore_dropdown_select (self->color_dropdown, color_by);
  ok &= lb_explore_dropdown_select (self->size_dropdown, size_by);
  self->updating = FALSE;
  if (self->table != NULL)
    refresh_scatter (self);
  return ok;
}

void
lb_explore_page_add_attribute (LbExplorePage *self,
                               const char    *name,
                               const char    *expression)
{
  g_return_if_fail (LB_IS_EXPLORE_PAGE (self));
  lb_attribute_form_add (LB_ATTRIBUTE_FORM (self->attribute_form), name, expression);
}

const char *
lb_explore_page_get_attribute_error (LbExplorePage *self)
{
  g_return_val_if_fail (LB_IS_EXPLORE_PAGE (self), NULL);
  return lb_attribute_form_get_error (LB_ATTRIBUTE_FORM (self->attribute_form));
}

gboolean
lb_explore_page_set_target (LbExplorePage *self,
                            const char    *target)
{
  g_return_val_if_fail (LB_IS_EXPLORE_PAGE (self), FALSE);
  return lb_correlation_panel_set_target (LB_CORRELATION_PANEL (self->correlations), target);
}

guint
lb_explore_page_get_n_correlations (LbExplorePage *self)
{
  g_return_val_if_fail (LB_IS_EXPLORE_PAGE (self), 0);
  return lb_correlation_panel_get_n_correlations (LB_CORRELATION_PANEL (self->correlations));
}

const char *
lb_explore_page_get_correlation (LbExplorePage *self,
                                 guint          i,
                                 double        *r)
{
  g_return_val_if_fail (LB_IS_EXPLORE_PAGE (self), NULL);
  return lb_correlation_panel_get_correlation (LB_CORRELATION_PANEL (self->correlations), i, r);
}

/* --- the sections talking to each other --- */

static void
attribute_added_cb (LbExplorePage *self,
                    LbTable       *new_table)
{
  /* Show it here first, then tell the window (which may set it again: a no-op). */
  lb_explore_page_set_table (self, new_table);
  g_signal_emit (self, signals[TABLE_CHANGED], 0, new_table);
}

static void
target_changed_cb (LbExplorePage *self)
{
  lb_attribute_form_set_target (LB_ATTRIBUTE_FORM (self->attribute_form),
                                lb_correlation_panel_get_target (LB_CORRELATION_PANEL (self->correlations)));
}

/* --- GObject --- */

static void
lb_explore_page_dispose (GObject *object)
{
  LbExplorePage *self = LB_EXPLORE_PAGE (object);

  g_clear_pointer (&self->outer_stack, gtk_widget_unparent);

  G_OBJECT_CLASS (lb_explore_page_parent_class)->dispose (object);
}

static void
lb_explore_page_finalize (GObject *object)
{
  LbExplorePage *self = LB_EXPLORE_PAGE (object);

  g_clear_pointer (&self->table, lb_table_unref);
  g_clear_pointer (&self->matrix_columns, g_ptr_array_unref);
  g_clear_pointer (&self->matrix_sample, lb_table_unref);

  G_OBJECT_CLASS (lb_explore_page_parent_class)->finalize (object);
}

static void
lb_explore_page_class_init (LbExplorePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_explore_page_dispose;
  object_class->finalize = lb_explore_page_finalize;

  /**
   * LbExplorePage::table-changed:
   * @new_table: the table with the added combined attribute
   */
  signals[TABLE_CHANGED] = g_signal_new ("table-changed",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, LB_TYPE_TABLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lbexplorepage");
}

static void
lb_explore_page_init (LbExplorePage *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *images;

  self->outer_stack = gtk_stack_new ();
  gtk_widget_set_parent (self->outer_stack, GTK_WIDGET (self));

  self->sections = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->sections), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (self->sections, TRUE);
  gtk_stack_add_titled (GTK_STACK (self->sections), build_histograms (self),
                        "histograms", _("Histograms"));
  gtk_stack_add_titled (GTK_STACK (self->sections), build_scatter (self),
                        "scatter", _("Scatter"));
  self->correlations = lb_correlation_panel_new ();
  g_signal_connect_object (self->correlations, "notify::target", G_CALLBACK (target_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_titled (GTK_STACK (self->sections), self->correlations,
                        "correlations", _("Correlations"));
  gtk_stack_add_titled (GTK_STACK (self->sections), build_matrix (self),
                        "matrix", _("Scatter Matrix"));
  self->attribute_form = lb_attribute_form_new ();
  g_signal_connect_object (self->attribute_form, "attribute-added", G_CALLBACK (attribute_added_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_titled (GTK_STACK (self->sections), self->attribute_form,
                        "combine", _("Combined Attributes"));
  self->images_view = lb_chart_view_new ();
  images = self->images_view;
  self->images_page = gtk_stack_add_titled (GTK_STACK (self->sections), images,
                                            "images", _("Images"));
  gtk_stack_page_set_visible (self->images_page, FALSE);
  g_signal_connect_swapped (self->sections, "notify::visible-child",
                            G_CALLBACK (visible_section_changed_cb), self);

  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->sections));
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 8);
  gtk_widget_set_margin_bottom (switcher, 4);
  gtk_box_append (GTK_BOX (content), switcher);
  gtk_box_append (GTK_BOX (content), self->sections);

  gtk_stack_add_named (GTK_STACK (self->outer_stack), build_empty_state (), "empty");
  gtk_stack_add_named (GTK_STACK (self->outer_stack), content, "content");
  gtk_stack_set_visible_child_name (GTK_STACK (self->outer_stack), "empty");
}
