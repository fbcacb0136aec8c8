/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-window-chrome.c: what frames the window's pages: the header bar (Open,
 * Samples, Recent, Export, Save, the main menu with the project's File
 * actions), the checklist sidebar (the book's eight steps, each with a done
 * mark the workbench keeps) with the data set card, the status area's text,
 * the recent-files menu and the keyboard shortcuts window. Construction
 * only; the behaviour lives in lb-window.c and lb-window-project.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-ui-util.h"
#include "lb-window-private.h"

/* The book's end-to-end checklist (the step names are LB_STEP_*, in order). */
typedef struct
{
  const char *page;
  guint       number;
  const char *summary;
} LbStep;

static const LbStep steps[] = {
  { LB_STEP_FRAME,     1, N_("Target, task and measure") },
  { LB_STEP_DATA,      2, N_("Open a file, make a test set") },
  { LB_STEP_EXPLORE,   3, N_("Charts and correlations") },
  { LB_STEP_PREPARE,   4, N_("Clean, encode, scale") },
  { LB_STEP_SHORTLIST, 5, N_("Train and compare") },
  { LB_STEP_FINETUNE,  6, N_("Search hyper-parameters") },
  { LB_STEP_PRESENT,   7, N_("Report and plots") },
  { LB_STEP_LAUNCH,    8, N_("Save and monitor") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == LB_N_STEPS);

/* --- recent files --- */

static gint
recent_compare (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return -g_date_time_compare (ta, tb);
}

void
lb_window_rebuild_recent_menu (LbWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GList *mine = NULL;
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL; l = l->next)
    if (gtk_recent_info_has_application (l->data, RECENT_APP_NAME) && gtk_recent_info_exists (l->data))
      mine = g_list_prepend (mine, l->data);
  mine = g_list_sort (mine, recent_compare);
  for (GList *l = mine; l != NULL && n < RECENT_MAX; l = l->next, n++)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr (GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_menu, item);
    }
  if (n == 0)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_("No recent files"), "win.nothing");
      g_menu_append_item (self->recent_menu, item);
    }
  g_list_free (mine);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* --- pages and the sidebar --- */

static void
sidebar_row_selected_cb (GtkListBox    *box,
                         GtkListBoxRow *row,
                         LbWindow      *self)
{
  const char *page;

  if (row == NULL)
    return;
  /* one selection across the checklist and the labs */
  gtk_list_box_unselect_all (GTK_LIST_BOX (box == GTK_LIST_BOX (self->sidebar) ? self->labs_list : self->sidebar));
  /* A list box selects the row that takes the focus, so Tab through a list
   * without the selection would switch pages on the way: only the list that
   * holds the selection is in the Tab chain (the arrows cross between the
   * two, see sidebar_keynav_failed_cb). */
  gtk_widget_set_can_focus (GTK_WIDGET (box), TRUE);
  gtk_widget_set_can_focus (box == GTK_LIST_BOX (self->sidebar) ? self->labs_list : self->sidebar, FALSE);
  page = g_object_get_data (G_OBJECT (row), "lb-page");
  if (page != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), page);
}

const char *
lb_window_lab_name (guint i)
{
  static const char * const names[LB_N_LABS] = { "gd-lab", "model-lab" };

  return i < LB_N_LABS ? names[i] : NULL;
}

const char *
lb_window_lab_title (guint i)
{
  static const char * const titles[LB_N_LABS] = { N_("Gradient descent lab"), N_("Models lab") };

  return i < LB_N_LABS ? _(titles[i]) : NULL;
}

static GtkWidget *
lab_row_new (guint i)
{
  static const char * const summaries[LB_N_LABS] = {
    N_("Chapter 4: watch it learn"), N_("Chapters 5–7: regions, trees"),
  };
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  GtkWidget *title = gtk_label_new (lb_window_lab_title (i));
  GtkWidget *summary = gtk_label_new (_(summaries[i]));

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "lb-heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "lb-caption");
  gtk_widget_set_margin_start (box, 34);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "lb-page", (gpointer) lb_window_lab_name (i));
  return row;
}

static GtkWidget *
step_row_new (const LbStep *step,
              GtkWidget   **mark)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  g_autofree char *number_text = g_strdup_printf ("%u", step->number);
  GtkWidget *number = gtk_label_new (number_text);
  GtkWidget *title = gtk_label_new (lb_workbench_step_title (step->page));
  GtkWidget *summary = gtk_label_new (_(step->summary));

  gtk_widget_add_css_class (number, "lb-step-number");
  gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), number);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "lb-heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  /* the done mark takes room: wrap to a second line rather than cut the
   * summary ("Target, task and meas…") */
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_lines (GTK_LABEL (summary), 2);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "lb-caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), summary);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);
  /* the done mark: shown when the workbench says the step is done */
  *mark = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_add_css_class (*mark, "success");
  gtk_widget_set_valign (*mark, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (*mark, _("Done"));
  gtk_widget_set_visible (*mark, FALSE);
  gtk_box_append (GTK_BOX (box), *mark);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "lb-page", (gpointer) step->page);
  return row;
}

/* Down from the last step goes to the first lab, up from the first lab to
 * the last step: the two lists read as one sidebar to the keyboard. */
static gboolean
sidebar_keynav_failed_cb (GtkWidget        *box,
                          GtkDirectionType  direction,
                          LbWindow         *self)
{
  GtkWidget *other = NULL;
  GtkListBoxRow *row = NULL;

  if (box == self->sidebar && direction == GTK_DIR_DOWN)
    {
      other = self->labs_list;
      row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (other), 0);
    }
  else if (box == self->labs_list && direction == GTK_DIR_UP)
    {
      other = self->sidebar;
      row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (other), LB_N_STEPS - 1);
    }
  if (row == NULL)
    return FALSE;
  gtk_widget_set_can_focus (other, TRUE);
  gtk_list_box_select_row (GTK_LIST_BOX (other), row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

/* A list box moves Tab from row to row like Down, and each row it passes
 * takes the selection, i.e. switches the page: Tab in the sidebar goes into
 * the page shown instead (the arrows still walk the steps). */
static gboolean
sidebar_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        LbWindow              *self)
{
  GtkWidget *page;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab)
      || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  page = gtk_stack_get_visible_child (GTK_STACK (self->stack));
  return page != NULL && gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

void
lb_window_update_checklist (LbWindow *self)
{
  guint n_done = 0;

  for (guint i = 0; i < LB_N_STEPS; i++)
    {
      gboolean done = lb_workbench_get_step_done (self->workbench, steps[i].page);
      g_autofree char *name = NULL;

      gtk_widget_set_visible (self->step_marks[i], done);
      n_done += done;
      /* Translators: how a screen reader names a checklist step: "2. Get the data (done)" */
      name = done ? g_strdup_printf (_("%u. %s (done)"), steps[i].number, lb_workbench_step_title (steps[i].page))
                  : g_strdup_printf ("%u. %s", steps[i].number, lb_workbench_step_title (steps[i].page));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->step_rows[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

void
lb_window_update_status (LbWindow *self)
{
  g_autofree char *text = NULL;
  guint blas = lb_blas_get_default_threads ();

  /* Only the CPU backend exists: say so, with the thread counts in force. */
  /* Translators: the status area: "Training on: CPU · OpenBLAS, 2 threads" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Training on: CPU · OpenBLAS, %u thread",
                                       "Training on: CPU · OpenBLAS, %u threads", blas), blas);
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
  gtk_widget_set_tooltip_text (self->status_label,
                               _("Models train on the processor; linear algebra runs in OpenBLAS "
                                 "with this many threads. There is no GPU backend yet."));
}

GtkWidget *
lb_window_build_sidebar (LbWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (_("Checklist"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (box, "lb-sidebar");
  gtk_widget_set_size_request (box, 232, -1);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_add_css_class (heading, "lb-caption");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_set_margin_start (heading, 16);
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_bottom (heading, 4);
  gtk_box_append (GTK_BOX (box), heading);

  self->sidebar = gtk_list_box_new ();
  gtk_widget_add_css_class (self->sidebar, "navigation-sidebar");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->sidebar), GTK_SELECTION_SINGLE);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      self->step_rows[i] = step_row_new (&steps[i], &self->step_marks[i]);
      gtk_list_box_append (GTK_LIST_BOX (self->sidebar), self->step_rows[i]);
    }
  g_signal_connect (self->sidebar, "row-selected", G_CALLBACK (sidebar_row_selected_cb), self);
  {
    GtkWidget *lists = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    GtkWidget *labs = gtk_label_new (_("Labs"));

    gtk_widget_add_css_class (labs, "dim-label");
    gtk_widget_add_css_class (labs, "lb-caption");
    gtk_label_set_xalign (GTK_LABEL (labs), 0.0);
    gtk_widget_set_margin_start (labs, 16);
    gtk_widget_set_margin_top (labs, 10);
    gtk_widget_set_margin_bottom (labs, 4);
    self->labs_list = gtk_list_box_new ();
    gtk_widget_add_css_class (self->labs_list, "navigation-sidebar");
    gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->labs_list), GTK_SELECTION_SINGLE);
    for (guint i = 0; i < LB_N_LABS; i++)
      gtk_list_box_append (GTK_LIST_BOX (self->labs_list), lab_row_new (i));
    g_signal_connect (self->labs_list, "row-selected", G_CALLBACK (sidebar_row_selected_cb), self);
    g_signal_connect (self->sidebar, "keynav-failed", G_CALLBACK (sidebar_keynav_failed_cb), self);
    g_signal_connect (self->labs_list, "keynav-failed", G_CALLBACK (sidebar_keynav_failed_cb), self);
    /* the checklist holds the selection first (see sidebar_row_selected_cb) */
    gtk_widget_set_can_focus (self->labs_list, FALSE);
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (sidebar_key_pressed_cb), self);
      gtk_widget_add_controller (lists, keys);
    }
    gtk_box_append (GTK_BOX (lists), self->sidebar);
    gtk_box_append (GTK_BOX (lists), labs);
    gtk_box_append (GTK_BOX (lists), self->labs_list);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), lists);
  }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->dataset_card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (self->dataset_card, "lb-dataset-card");
  {
    GtkWidget *label = gtk_label_new (_("Data set"));
    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_add_css_class (label, "lb-caption");
    gtk_label_set_xalign (GTK_LABEL (label), 0.0);
    gtk_box_append (GTK_BOX (self->dataset_card), label);
  }
  self->dataset_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->dataset_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (self->dataset_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_box_append (GTK_BOX (self->dataset_card), self->dataset_label);
  gtk_widget_set_visible (self->dataset_card, FALSE);
  gtk_box_append (GTK_BOX (box), self->dataset_card);
  return box;
}

/* --- the header bar --- */

static GMenuModel *
build_samples_menu (void)
{
  GMenu *menu = g_menu_new ();
  guint n = 0;
  const LbSampleInfo *samples = lb_samples_list (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_(samples[i].title), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-sample",
                                               g_variant_new_string (samples[i].id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static GMenuModel *
build_primary_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) project = g_menu_new ();
  g_autoptr (GMenu) export = g_menu_new ();
  g_autoptr (GMenu) app = g_menu_new ();

  g_menu_append (project, _("New Project"), "win.new-project");
  g_menu_append (project, _("Open Project…"), "win.open-project");
  g_menu_append (project, _("Open Data…"), "win.open");
  g_menu_append (project, _("Save"), "win.save");
  g_menu_append (project, _("Save As…"), "win.save-as");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (project));
  g_menu_append (export, _("Export Chart…"), "win.export-chart");
  g_menu_append (export, _("Export Table as CSV…"), "win.export-table");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  {
    g_autoptr (GMenu) languages = g_menu_new ();
    g_autoptr (GMenuItem) system = g_menu_item_new (_("System Language"), NULL);
    g_autoptr (GMenuItem) english = g_menu_item_new ("English", NULL);
    g_autoptr (GMenuItem) chinese = g_menu_item_new ("简体中文", NULL);

    /* each language named in itself, so anyone can find theirs */
    g_menu_item_set_action_and_target_value (system, "app.language", g_variant_new_string (""));
    g_menu_item_set_action_and_target_value (english, "app.language", g_variant_new_string ("en"));
    g_menu_item_set_action_and_target_value (chinese, "app.language", g_variant_new_string ("zh_CN"));
    g_menu_append_item (languages, system);
    g_menu_append_item (languages, english);
    g_menu_append_item (languages, chinese);
    g_menu_append_submenu (app, _("Language"), G_MENU_MODEL (languages));
  }
  g_menu_append (app, _("Keyboard Shortcuts"), "win.show-help-overlay");
  g_menu_append (app, _("About Learnbench"), "app.about");
  g_menu_append (app, _("Quit"), "app.quit");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (app));
  return G_MENU_MODEL (menu);
}

GtkWidget *
lb_window_build_header (LbWindow *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *open = gtk_button_new ();
  GtkWidget *open_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *samples = gtk_menu_button_new ();
  GtkWidget *recent = gtk_menu_button_new ();
  GtkWidget *export = gtk_button_new_from_icon_name ("document-save-as-symbolic");
  GtkWidget *primary = gtk_menu_button_new ();
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr (GMenuModel) samples_menu = build_samples_menu ();
  g_autoptr (GMenuModel) primary_menu = build_primary_menu ();

  gtk_box_append (GTK_BOX (open_box), gtk_image_new_from_icon_name ("document-open-symbolic"));
  gtk_box_append (GTK_BOX (open_box), gtk_label_new_with_mnemonic (_("_Open")));
  gtk_button_set_child (GTK_BUTTON (open), open_box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open");
  gtk_widget_set_tooltip_text (open, _("Open a data file (Ctrl+O)"));
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), open);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (samples), _("Samples"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (samples), samples_menu);
  gtk_widget_set_tooltip_text (samples, _("Data sets from the book"));
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), samples);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (recent), "document-open-recent-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (recent), G_MENU_MODEL (self->recent_menu));
  gtk_widget_set_tooltip_text (recent, _("Recent files"));
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), recent);

  self->title = gtk_label_new ("Learnbench");
  gtk_widget_add_css_class (self->title, "title");
  self->subtitle = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->subtitle, "subtitle");
  gtk_label_set_ellipsize (GTK_LABEL (self->subtitle), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_visible (self->subtitle, FALSE);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (titles), self->title);
  gtk_box_append (GTK_BOX (titles), self->subtitle);
  gtk_header_bar_set_title_widget (GTK_HEADER_BAR (header), titles);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (primary), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (primary), primary_menu);
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (primary), TRUE);
  gtk_widget_set_tooltip_text (primary, _("Main menu"));
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), primary);

  {
    GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

    gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "win.save");
    gtk_widget_set_tooltip_text (save, _("Save the project (Ctrl+S)"));
    gtk_header_bar_pack_end (GTK_HEADER_BAR (header), save);
  }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "win.export-chart");
  gtk_widget_set_tooltip_text (export, _("Export the chart as PNG, SVG or PDF (Ctrl+E)"));
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), export);
  return header;
}

/* --- keyboard shortcuts window --- */

/* GTK 4.8 builds GtkShortcutsWindow only from GtkBuilder XML; the titles are
 * translated here, so xgettext sees them in C. */
GtkWidget *
lb_window_build_shortcuts (void)
{
  const struct
  {
    const char *accel;
    const char *title;
  } general[] = {
    { "&lt;Control&gt;n", N_("New project") },
    { "&lt;Control&gt;&lt;Shift&gt;o", N_("Open a project") },
    { "&lt;Control&gt;s", N_("Save the project") },
    { "&lt;Control&gt;&lt;Shift&gt;s", N_("Save the project as") },
    { "&lt;Control&gt;o", N_("Open a data file") },
    { "&lt;Control&gt;e", N_("Export the chart") },
    { "Escape", N_("Cancel the running job") },
    { "&lt;Control&gt;question", N_("Keyboard shortcuts") },
    { "&lt;Control&gt;w", N_("Close the window") },
    { "&lt;Control&gt;q", N_("Quit") },
  }, pages[] = {
    { "&lt;Alt&gt;1", N_("Frame the problem") },
    { "&lt;Alt&gt;2", N_("Get the data") },
    { "&lt;Alt&gt;3", N_("Explore") },
    { "&lt;Alt&gt;4", N_("Prepare") },
    { "&lt;Alt&gt;5", N_("Shortlist models") },
    { "&lt;Alt&gt;6", N_("Fine-tune") },
    { "&lt;Alt&gt;7", N_("Present") },
    { "&lt;Alt&gt;8", N_("Launch") },
  };
  GString *xml = g_string_new ("<interface><object class=\"GtkShortcutsWindow\" id=\"w\">"
                               "<property name=\"modal\">1</property>"
                               "<child><object class=\"GtkShortcutsSection\">"
                               "<property name=\"section-name\">main</property>");
  g_autoptr (GtkBuilder) builder = gtk_builder_new ();
  g_autoptr (GError) error = NULL;
  GtkWidget *window;

  for (guint g = 0; g < 2; g++)
    {
      g_autofree char *group = g_markup_escape_text (g == 0 ? _("General") : _("Checklist"), -1);
      guint n = g == 0 ? G_N_ELEMENTS (general) : G_N_ELEMENTS (pages);

      g_string_append_printf (xml, "<child><object class=\"GtkShortcutsGroup\">"
                                   "<property name=\"title\">%s</property>", group);
      for (guint i = 0; i < n; i++)
        {
          const char *accel = g == 0 ? general[i].accel : pages[i].accel;
          g_autofree char *title = g_markup_escape_text (_(g == 0 ? general[i].title
                                                                  : pages[i].title), -1);
          g_string_append_printf (xml, "<child><object class=\"GtkShortcutsShortcut\">"
                                       "<property name=\"accelerator\">%s</property>"
                                       "<property name=\"title\">%s</property>"
                                       "</object></child>", accel, title);
        }
      g_string_append (xml, "</object></child>");
    }
  g_string_append (xml, "</object></child></object></interface>");

  if (!gtk_builder_add_from_string (builder, xml->str, (gssize) xml->len, &error))
    g_error ("shortcuts window: %s", error->message);  /* our own XML: a programmer error */
  g_string_free (xml, TRUE);
  window = GTK_WIDGET (gtk_builder_get_object (builder, "w"));
  return g_object_ref_sink (window);
}
