/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-data-page.c: "Get the data". The table view is filled at once (it is
 * lazy); info() and describe() come from lb_profile_compute() run as a job,
 * whose result is dropped when the table changed meanwhile (generation check,
 * weak ref to the page). The detail panel is LbColumnDetail; the info() and
 * describe() grids are filled by lb-data-page-profile.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-column-detail.h"
#include "lb-data-page-private.h"
#include "lb-split-panel.h"
#include "lb-ui-util.h"

G_DEFINE_FINAL_TYPE (LbDataPage, lb_data_page, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_OPEN_REQUESTED,
  SIGNAL_SAMPLE_REQUESTED,
  SIGNAL_JOB_STARTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* --- column detail --- */

void
lb_data_page_select_column (LbDataPage *self,
                            int         index)
{
  g_return_if_fail (LB_IS_DATA_PAGE (self));

  if (self->table == NULL || index < 0 || (guint) index >= lb_table_get_n_columns (self->table))
    index = -1;
  self->selected = index;
  lb_column_detail_set_column (LB_COLUMN_DETAIL (self->detail), self->table, index);
  if (index >= 0)
    {
      LbColumn *column = lb_table_get_column (self->table, (guint) index);
      g_autofree char *text = g_strdup_printf (_("Column “%s”"), lb_column_get_name (column));
      gtk_label_set_text (GTK_LABEL (self->detail_title), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->detail_title), _("Column"));
}

int
lb_data_page_get_selected_column (LbDataPage *self)
{
  g_return_val_if_fail (LB_IS_DATA_PAGE (self), -1);

  return self->selected;
}

static void
table_job_started_cb (LbTableView *view,
                      LbJob       *job,
                      LbDataPage  *self)
{
  g_signal_emit (self, signals[SIGNAL_JOB_STARTED], 0, job);
}

static void
column_activated_cb (LbTableView *view,
                     int          index,
                     LbDataPage  *self)
{
  lb_data_page_select_column (self, index);
}

/* --- the profile job --- */

typedef struct
{
  GWeakRef page;
  guint64  generation;
} LbProfileRequest;

static void
profile_request_free (LbProfileRequest *request)
{
  g_weak_ref_clear (&request->page);
  g_free (request);
}

static void
profile_job_func (LbJob        *job,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LbTable *table = task_data;
  g_autoptr (GError) error = NULL;
  LbProfile *profile = lb_profile_compute (table, cancellable, &error);

  if (profile == NULL)
    lb_job_return_error (job, g_steal_pointer (&error));
  else
    lb_job_return_pointer (job, profile, (GDestroyNotify) lb_profile_free);
}

static void
profile_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LbProfileRequest *request = user_data;
  g_autoptr (LbDataPage) self = g_weak_ref_get (&request->page);
  g_autoptr (GError) error = NULL;
  LbProfile *profile = lb_job_propagate_pointer (result, &error);

  if (self == NULL || !lb_generation_is_current (&self->generation, request->generation))
    {
      /* stale: the table changed or the page is gone */
      g_clear_pointer (&profile, lb_profile_free);
      profile_request_free (request);
      return;
    }
  profile_request_free (request);
  g_clear_object (&self->profile_job);

  if (profile == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        lb_data_page_show_profile_message (self, _("info() and describe() were cancelled. Open the data "
                                      "set again to compute them."));
      else
        {
          g_autofree char *text = g_strdup_printf (_("Could not profile the table: %s"),
                                                   error->message);
          lb_data_page_show_profile_message (self, text);
        }
      return;
    }
  self->profile = profile;
  lb_data_page_fill_info (self);
  lb_data_page_fill_describe (self);
}

static void
start_profile (LbDataPage *self)
{
  LbProfileRequest *request = g_new0 (LbProfileRequest, 1);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *title = NULL;
  const char *source = lb_table_get_source (self->table);

  g_weak_ref_init (&request->page, self);
  request->generation = self->generation.value;
  title = g_strdup_printf (_("Profiling %s"), source != NULL ? source : _("the table"));
  self->profile_job = lb_job_new (title, NULL, cancellable, profile_done_cb, request);
  lb_job_set_task_data (self->profile_job, lb_table_ref (self->table),
                        (GDestroyNotify) lb_table_unref);
  lb_job_run (self->profile_job, profile_job_func);
  g_signal_emit (self, signals[SIGNAL_JOB_STARTED], 0, self->profile_job);
}

/* --- public --- */

void
lb_data_page_set_workbench (LbDataPage  *self,
                            LbWorkbench *workbench)
{
  GtkWidget *scroll;
  GtkStackPage *page;

  g_return_if_fail (LB_IS_DATA_PAGE (self));
  g_return_if_fail (LB_IS_WORKBENCH (workbench));
  g_return_if_fail (self->workbench == NULL);

  self->workbench = g_object_ref (workbench);
  self->split_panel = lb_split_panel_new (workbench);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), self->split_panel);
  page = gtk_stack_add_named (GTK_STACK (self->view_stack), scroll, "split");
  gtk_stack_page_set_title (page, _("Test set"));
}

GtkWidget *
lb_data_page_get_split_panel (LbDataPage *self)
{
  g_return_val_if_fail (LB_IS_DATA_PAGE (self), NULL);

  return self->split_panel;
}

void
lb_data_page_set_table (LbDataPage *self,
                        LbTable    *table)
{
  int next_selected = 0;

  g_return_if_fail (LB_IS_DATA_PAGE (self));

  if (table == self->table)
    return;

  /* A combined attribute was added (same data, one more column): show it. */
  if (table != NULL && self->table != NULL
      && lb_table_get_n_rows (table) == lb_table_get_n_rows (self->table)
      && lb_table_get_n_columns (table) == lb_table_get_n_columns (self->table) + 1
      && g_strcmp0 (lb_table_get_source (table), lb_table_get_source (self->table)) == 0)
    next_selected = (int) lb_table_get_n_columns (table) - 1;

  lb_generation_next (&self->generation);
  if (self->profile_job != NULL)
    lb_job_cancel (self->profile_job);
  g_clear_object (&self->profile_job);
  g_clear_pointer (&self->profile, lb_profile_free);
  g_clear_pointer (&self->describe_cells, g_strfreev);
  g_clear_object (&self->workbench);
  self->describe_cols = 0;

  if (table != NULL)
    lb_table_ref (table);
  g_clear_pointer (&self->table, lb_table_unref);
  self->table = table;

  lb_table_view_set_table (self->table_view, table);
  lb_data_page_clear_box (self->info_box);
  lb_data_page_clear_box (self->describe_box);

  if (table == NULL)
    {
      lb_data_page_select_column (self, -1);
      gtk_stack_set_visible_child_name (GTK_STACK (self->state_stack), "empty");
      return;
    }

  {
    const char *source = lb_table_get_source (table);
    gsize n_rows = lb_table_get_n_rows (table);
    guint n_cols = lb_table_get_n_columns (table);
    g_autofree char *rows = lb_ui_format_count (n_rows);
    g_autofree char *memory = g_format_size (lb_table_get_memory_size (table));
    g_autofree char *subtitle = NULL;

    gtk_label_set_text (GTK_LABEL (self->title), source != NULL ? source : _("Untitled table"));
    /* Translators: "20,640 rows · 10 columns · 1.6 MB in memory" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s rows · %u column · %s in memory",
                                             "%s rows · %u columns · %s in memory", n_cols),
                                rows, n_cols, memory);
    gtk_label_set_text (GTK_LABEL (self->subtitle), subtitle);
    if (n_cols > LB_TABLE_VIEW_MAX_COLUMNS)
      {
        g_autofree char *note =
          g_strdup_printf (_("Showing %u of %u columns: the first %u and the last %u; "
                             "info() lists them all."),
                           LB_TABLE_VIEW_MAX_COLUMNS, n_cols,
                           LB_TABLE_VIEW_MAX_COLUMNS - LB_TABLE_VIEW_MAX_COLUMNS / 6,
                           LB_TABLE_VIEW_MAX_COLUMNS / 6);
        gtk_label_set_text (GTK_LABEL (self->wide_note), note);
        gtk_widget_set_visible (self->wide_note, TRUE);
      }
    else
      gtk_widget_set_visible (self->wide_note, FALSE);
  }

  gtk_box_append (GTK_BOX (self->info_box),
                  lb_data_page_placeholder_new (_("Computing info()…"), TRUE));
  gtk_box_append (GTK_BOX (self->describe_box),
                  lb_data_page_placeholder_new (_("Computing describe()…"), TRUE));
  gtk_stack_set_visible_child_name (GTK_STACK (self->state_stack), "loaded");
  lb_data_page_select_column (self, next_selected);
  start_profile (self);
}

LbTable *
lb_data_page_get_table (LbDataPage *self)
{
  g_return_val_if_fail (LB_IS_DATA_PAGE (self), NULL);

  return self->table;
}

LbTableView *
lb_data_page_get_table_view (LbDataPage *self)
{
  g_return_val_if_fail (LB_IS_DATA_PAGE (self), NULL);

  return self->table_view;
}

LbProfile *
lb_data_page_get_profile (LbDataPage *self)
{
  g_return_val_if_fail (LB_IS_DATA_PAGE (self), NULL);

  return self->profile;
}

void
lb_data_page_show_view (LbDataPage *self,
                        const char *name)
{
  g_return_if_fail (LB_IS_DATA_PAGE (self));

  gtk_stack_set_visible_child_name (GTK_STACK (self->view_stack), name);
}

char *
lb_data_page_dup_describe_cell (LbDataPage *self,
                                guint       row,
                                guint       col)
{
  g_return_val_if_fail (LB_IS_DATA_PAGE (self), NULL);

  if (self->describe_cells == NULL || row >= 8 || col >= self->describe_cols)
    return NULL;
  return g_strdup (self->describe_cells[row * self->describe_cols + col]);
}

/* --- construction --- */

static void
open_clicked_cb (GtkButton  *button,
                 LbDataPage *self)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_REQUESTED], 0);
}

static void
sample_clicked_cb (GtkButton  *button,
                   LbDataPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "lb-sample-id");

  g_signal_emit (self, signals[SIGNAL_SAMPLE_REQUESTED], 0, id);
}

static GtkWidget *
build_empty_state (LbDataPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (APPLICATION_ID);
  GtkWidget *title = gtk_label_new (_("Get the data"));
  GtkWidget *text = gtk_label_new (_("Open a CSV or TSV file (also gzip-compressed) or Fashion-MNIST’s IDX "
                                     "files, drop a file on this window, or start with one of the "
                                     "data sets from the book."));
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open a File…"));
  GtkWidget *samples_title = gtk_label_new (_("Sample data sets"));
  GtkWidget *flow = gtk_flow_box_new ();
  const LbSampleInfo *samples;
  guint n_samples = 0;

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (box, 640, -1);
  gtk_widget_set_margin_top (box, 36);
  gtk_widget_set_margin_bottom (box, 36);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 96);
  gtk_box_append (GTK_BOX (box), image);
  gtk_widget_add_css_class (title, "lb-title-1");
  gtk_box_append (GTK_BOX (box), title);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 72);
  gtk_widget_add_css_class (text, "dim-label");
  gtk_box_append (GTK_BOX (box), text);

  gtk_widget_add_css_class (open, "suggested-action");
  gtk_widget_add_css_class (open, "pill");
  gtk_widget_set_halign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (open, 6);
  gtk_widget_set_tooltip_text (open, _("Choose a data file (Ctrl+O)"));
  g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), open);

  gtk_widget_add_css_class (samples_title, "lb-heading");
  gtk_label_set_xalign (GTK_LABEL (samples_title), 0.0);
  gtk_widget_set_margin_top (samples_title, 18);
  gtk_box_append (GTK_BOX (box), samples_title);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 8);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 8);
  samples = lb_samples_list (&n_samples);
  for (guint i = 0; i < n_samples; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (_(samples[i].title));
      GtkWidget *summary = gtk_label_new (_(samples[i].summary));

      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      gtk_widget_add_css_class (name, "lb-heading");
      gtk_label_set_xalign (GTK_LABEL (summary), 0.0);
      gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
      /* no ellipsizing: an ellipsized label asks for its whole text's width */
      gtk_label_set_max_width_chars (GTK_LABEL (summary), 36);
      gtk_label_set_width_chars (GTK_LABEL (summary), 30);
      gtk_widget_add_css_class (summary, "dim-label");
      gtk_widget_add_css_class (summary, "lb-caption");
      gtk_box_append (GTK_BOX (card), name);
      gtk_box_append (GTK_BOX (card), summary);
      gtk_widget_add_css_class (button, "lb-sample-card");
      gtk_button_set_child (GTK_BUTTON (button), card);
      g_object_set_data_full (G_OBJECT (button), "lb-sample-id", g_strdup (samples[i].id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (sample_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
    }
  gtk_box_append (GTK_BOX (box), flow);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  return scrolled;
}

static GtkWidget *
padded_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 12);
  return box;
}

static GtkWidget *
build_loaded_state (LbDataPage *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *table_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *describe_scroll = gtk_scrolled_window_new ();
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *side_scroll;
  GtkWidget *hint;
  GtkStackPage *page;

  /* header: name, size, and the Table / info() / describe() switcher */
  gtk_widget_add_css_class (header, "lb-page-header");
  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "lb-title-2");
  gtk_label_set_xalign (GTK_LABEL (self->title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_selectable (GTK_LABEL (self->title), FALSE);
  self->subtitle = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->subtitle, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->subtitle), 0.0);
  gtk_box_append (GTK_BOX (titles), self->title);
  gtk_box_append (GTK_BOX (titles), self->subtitle);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), titles);
  gtk_widget_set_valign (switcher, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), switcher);
  gtk_box_append (GTK_BOX (outer), header);

  /* left: the views */
  self->view_stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->view_stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  self->table_view = LB_TABLE_VIEW (lb_table_view_new ());
  g_signal_connect (self->table_view, "column-activated", G_CALLBACK (column_activated_cb), self);
  g_signal_connect (self->table_view, "job-started", G_CALLBACK (table_job_started_cb), self);
  self->wide_note = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->wide_note, "dim-label");
  gtk_widget_add_css_class (self->wide_note, "lb-caption");
  gtk_widget_set_margin_top (self->wide_note, 4);
  gtk_widget_set_visible (self->wide_note, FALSE);
  gtk_box_append (GTK_BOX (table_box), GTK_WIDGET (self->table_view));
  gtk_box_append (GTK_BOX (table_box), self->wide_note);
  page = gtk_stack_add_named (GTK_STACK (self->view_stack), table_box, "table");
  gtk_stack_page_set_title (page, _("Table"));

  self->info_box = padded_box_new ();
  page = gtk_stack_add_named (GTK_STACK (self->view_stack), self->info_box, "info");
  gtk_stack_page_set_title (page, "info()");

  self->describe_box = padded_box_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (describe_scroll), self->describe_box);
  page = gtk_stack_add_named (GTK_STACK (self->view_stack), describe_scroll, "describe");
  gtk_stack_page_set_title (page, "describe()");
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->view_stack));

  gtk_paned_set_start_child (GTK_PANED (paned), self->view_stack);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_size_request (self->view_stack, 360, -1);

  /* right: the chosen column */
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_top (side, 8);
  gtk_widget_set_margin_bottom (side, 8);
  self->detail_title = gtk_label_new (_("Column"));
  gtk_widget_add_css_class (self->detail_title, "lb-heading");
  gtk_label_set_xalign (GTK_LABEL (self->detail_title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (self->detail_title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (side), self->detail_title);
  hint = gtk_label_new (_("Click a cell in the table, or a row of info(), to see that column. "
                          "Right-click a column header to sort by it."));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "lb-caption");
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  /* natural width below the panel's: a wrapping label wider than its pane
   * makes GtkPaned's height-for-width inconsistent */
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 28);
  gtk_box_append (GTK_BOX (side), hint);
  self->detail = lb_column_detail_new ();
  gtk_widget_set_vexpand (self->detail, TRUE);
  gtk_box_append (GTK_BOX (side), self->detail);
  /* In a scrolled window the panel's natural width is its minimum, so
   * GtkPaned's height-for-width stays consistent, and a tall detail scrolls. */
  side_scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side_scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side_scroll), side);
  gtk_widget_set_size_request (side_scroll, 360, -1);
  gtk_paned_set_end_child (GTK_PANED (paned), side_scroll);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (outer), paned);
  return outer;
}

/* --- GObject --- */

static void
lb_data_page_dispose (GObject *object)
{
  LbDataPage *self = LB_DATA_PAGE (object);

  lb_generation_next (&self->generation);
  if (self->profile_job != NULL)
    lb_job_cancel (self->profile_job);
  g_clear_object (&self->profile_job);
  g_clear_pointer (&self->state_stack, gtk_widget_unparent);
  g_clear_pointer (&self->profile, lb_profile_free);
  g_clear_pointer (&self->table, lb_table_unref);
  g_clear_pointer (&self->describe_cells, g_strfreev);
  G_OBJECT_CLASS (lb_data_page_parent_class)->dispose (object);
}

static void
lb_data_page_class_init (LbDataPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_data_page_dispose;

  signals[SIGNAL_OPEN_REQUESTED] =
    g_signal_new ("open-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SAMPLE_REQUESTED] =
    g_signal_new ("sample-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_JOB_STARTED] =
    g_signal_new ("job-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LB_TYPE_JOB);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lb-data-page");
}

static void
lb_data_page_init (LbDataPage *self)
{
  self->selected = -1;
  self->state_stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->state_stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_parent (self->state_stack, GTK_WIDGET (self));
  gtk_stack_add_named (GTK_STACK (self->state_stack), build_empty_state (self), "empty");
  gtk_stack_add_named (GTK_STACK (self->state_stack), build_loaded_state (self), "loaded");
  gtk_stack_set_visible_child_name (GTK_STACK (self->state_stack), "empty");
}

GtkWidget *
lb_data_page_new (void)
{
  return g_object_new (LB_TYPE_DATA_PAGE, NULL);
}
