/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-window.c: the workbench window's behaviour: the current table and the
 * pages it is handed to, the error banner, the job bar, the actions (export,
 * pages, cancel) and drag and drop. Loading a table lives in lb-window-load.c;
 * the header bar, sidebar and shortcuts window are built in lb-window-chrome.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lb-chart-view.h"
#include "lb-explore-page.h"
#include "lb-ui-util.h"
#include "lb-window-private.h"

G_DEFINE_FINAL_TYPE (LbWindow, lb_window, GTK_TYPE_APPLICATION_WINDOW)

/* --- the error banner --- */

void
lb_window_show_error (LbWindow   *self,
                      const char *message)
{
  g_return_if_fail (LB_IS_WINDOW (self));

  g_clear_pointer (&self->error_message, g_free);
  if (message == NULL)
    {
      gtk_info_bar_set_revealed (GTK_INFO_BAR (self->banner), FALSE);
      return;
    }
  self->error_message = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->banner_label), message);
  gtk_widget_set_visible (self->banner, TRUE);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->banner), TRUE);
}

const char *
lb_window_get_error_message (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->error_message;
}

static void
banner_response_cb (GtkInfoBar *banner,
                    int         response,
                    LbWindow   *self)
{
  lb_window_show_error (self, NULL);
}

/* --- the table --- */

static void
update_titles (LbWindow *self)
{
  const char *source = self->table != NULL ? lb_table_get_source (self->table) : NULL;

  gtk_label_set_text (GTK_LABEL (self->subtitle), source != NULL ? source : "");
  gtk_widget_set_visible (self->subtitle, source != NULL);
  if (self->table != NULL)
    {
      g_autofree char *rows = lb_ui_format_count (lb_table_get_n_rows (self->table));
      guint n_cols = lb_table_get_n_columns (self->table);
      g_autofree char *text = NULL;

      /* Translators: the sidebar's data set card: "housing.csv\n20,640 rows × 10 columns" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%s rows × %u column",
                                           "%s\n%s rows × %u columns", n_cols),
                              source != NULL ? source : _("Untitled table"), rows, n_cols);
      gtk_label_set_text (GTK_LABEL (self->dataset_label), text);
      gtk_widget_set_visible (self->dataset_card, TRUE);
    }
  else
    gtk_widget_set_visible (self->dataset_card, FALSE);
}

void
lb_window_set_table (LbWindow *self,
                     LbTable  *table)
{
  g_return_if_fail (LB_IS_WINDOW (self));

  if (table != NULL)
    lb_table_ref (table);
  g_clear_pointer (&self->table, lb_table_unref);
  self->table = table;

  lb_data_page_set_table (self->data_page, table);
  lb_explore_page_set_table (LB_EXPLORE_PAGE (self->explore_page), table);
  update_titles (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-table", table != NULL);
}

LbTable *
lb_window_get_table (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->table;
}

static void
explore_table_changed_cb (GtkWidget *page,
                          LbTable   *table,
                          LbWindow  *self)
{
  lb_window_set_table (self, table);
}

static void
cancel_requested_cb (LbJobBar *bar,
                     LbJob    *job,
                     LbWindow *self)
{
  if (job != self->load_job)
    return;
  /* Free the UI at once; the worker stops at its next cancellation check and
   * its result is dropped as stale. */
  lb_generation_next (&self->load_generation);
  g_clear_object (&self->load_job);
  lb_job_bar_set_job (self->job_bar, NULL);
  lb_job_bar_flash (self->job_bar, _("Loading cancelled"));
}

static void
job_started_cb (LbDataPage *page,
                LbJob      *job,
                LbWindow   *self)
{
  /* a running load keeps the bar: it is what the user waits for */
  if (self->load_job == NULL)
    lb_job_bar_set_job (self->job_bar, job);
}

/* --- recent files --- */

static void
recent_changed_cb (GtkRecentManager *manager,
                   LbWindow         *self)
{
  lb_window_rebuild_recent_menu (self);
}

/* --- export --- */

/* The biggest chart on screen in the visible page, if any. */
static void
collect_chart_views (GtkWidget  *widget,
                     GtkWidget **best,
                     int        *best_area)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (LB_IS_CHART_VIEW (widget) && lb_chart_view_get_chart (LB_CHART_VIEW (widget)) != NULL)
    {
      int area = gtk_widget_get_width (widget) * gtk_widget_get_height (widget);
      if (area > *best_area)
        {
          *best = widget;
          *best_area = area;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_chart_views (child, best, best_area);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LbWindow *self = LB_WINDOW (widget);
  GtkWidget *best = NULL;
  int area = -1;

  collect_chart_views (gtk_stack_get_visible_child (GTK_STACK (self->stack)), &best, &area);
  if (best == NULL)
    {
      lb_window_show_error (self, _("There is no chart on this page to export. Open a data "
                                    "set and choose a chart first."));
      return;
    }
  lb_chart_view_export (LB_CHART_VIEW (best));
}

static void
export_table_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          LbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->table != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr (GError) error = NULL;

      if (path == NULL)
        lb_window_show_error (self, _("Could not export the table: choose a file on this computer."));
      else if (!lb_csv_write_file (self->table, path, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not export the table: %s"),
                                                      error->message);
          lb_window_show_error (self, message);
        }
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *note = g_strdup_printf (_("Saved %s"), name);
          lb_job_bar_flash (self->job_bar, note);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LbWindow *self = LB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  const char *source;
  g_autofree char *name = NULL;

  if (self->table == NULL)
    return;
  source = lb_table_get_source (self->table);
  if (source != NULL && !g_str_has_prefix (source, "sample:"))
    {
      g_autofree char *base = g_path_get_basename (source);
      char *dot = strchr (base, '.');
      if (dot != NULL)
        *dot = '\0';
      name = g_strconcat (base, ".csv", NULL);
    }
  else
    name = g_strdup ("table.csv");

  dialog = gtk_file_chooser_native_new (_("Export the Table as CSV"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_table_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* --- other actions --- */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lb_window_show_open_dialog (LB_WINDOW (widget));
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  lb_window_open_sample (LB_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  lb_window_open_file (LB_WINDOW (widget), file);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  lb_window_show_page (LB_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
cancel_job_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  lb_job_bar_cancel (LB_WINDOW (widget)->job_bar);
}

/* --- drag and drop --- */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LbWindow      *self)
{
  GFile *file = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "lb-drop-hover");
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
      if (files != NULL)
        file = files->data;
      if (files != NULL && files->next != NULL)
        lb_job_bar_flash (self->job_bar, _("Several files were dropped; opening the first one"));
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  lb_window_open_file (self, file);
  return TRUE;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               LbWindow      *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "lb-drop-hover");
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               LbWindow      *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "lb-drop-hover");
}

GtkDropTarget *
lb_window_get_drop_target (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->drop_target;
}

/* --- pages and the sidebar --- */

void
lb_window_show_page (LbWindow   *self,
                     const char *name)
{
  g_return_if_fail (LB_IS_WINDOW (self));

  for (GtkWidget *row = gtk_widget_get_first_child (self->sidebar); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row)
        && g_strcmp0 (g_object_get_data (G_OBJECT (row), "lb-page"), name) == 0)
      {
        gtk_list_box_select_row (GTK_LIST_BOX (self->sidebar), GTK_LIST_BOX_ROW (row));
        return;
      }
}

const char *
lb_window_get_visible_page (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

/* --- GObject --- */

static void
lb_window_dispose (GObject *object)
{
  LbWindow *self = LB_WINDOW (object);

  lb_generation_next (&self->load_generation);
  if (self->load_job != NULL)
    lb_job_cancel (self->load_job);
  g_clear_object (&self->load_job);
  g_clear_signal_handler (&self->recent_changed_id, gtk_recent_manager_get_default ());
  g_clear_pointer (&self->table, lb_table_unref);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_object (&self->recent_menu);
  G_OBJECT_CLASS (lb_window_parent_class)->dispose (object);
}

static void
lb_window_class_init (LbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_window_dispose;

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", "s", open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", NULL, export_table_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-job", NULL, cancel_job_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-table", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-job", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "data");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "explore");
}

static void
lb_window_init (LbWindow *self)
{
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkStackPage *page;

  lb_ui_install_css ();
  gtk_window_set_title (GTK_WINDOW (self), "Learnbench");
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);
  gtk_window_set_icon_name (GTK_WINDOW (self), APPLICATION_ID);

  self->recent_menu = g_menu_new ();
  gtk_window_set_titlebar (GTK_WINDOW (self), lb_window_build_header (self));

  gtk_box_append (GTK_BOX (body), lb_window_build_sidebar (self));
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  gtk_widget_add_css_class (content, "lb-content");
  gtk_widget_set_hexpand (content, TRUE);
  self->banner = gtk_info_bar_new ();
  gtk_info_bar_set_message_type (GTK_INFO_BAR (self->banner), GTK_MESSAGE_ERROR);
  gtk_info_bar_set_show_close_button (GTK_INFO_BAR (self->banner), TRUE);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->banner), FALSE);
  self->banner_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->banner_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->banner_label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (self->banner_label), TRUE);
  gtk_widget_set_hexpand (self->banner_label, TRUE);
  gtk_info_bar_add_child (GTK_INFO_BAR (self->banner), self->banner_label);
  g_signal_connect (self->banner, "response", G_CALLBACK (banner_response_cb), self);
  gtk_box_append (GTK_BOX (content), self->banner);

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_set_transition_duration (GTK_STACK (self->stack), 120);
  gtk_widget_set_vexpand (self->stack, TRUE);
  self->data_page = LB_DATA_PAGE (lb_data_page_new ());
  g_signal_connect_swapped (self->data_page, "open-requested",
                            G_CALLBACK (lb_window_show_open_dialog), self);
  g_signal_connect_swapped (self->data_page, "sample-requested",
                            G_CALLBACK (lb_window_open_sample), self);
  g_signal_connect (self->data_page, "job-started", G_CALLBACK (job_started_cb), self);
  page = gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (self->data_page), "data");
  gtk_stack_page_set_title (page, _("Get the data"));
  self->explore_page = lb_explore_page_new ();
  g_signal_connect (self->explore_page, "table-changed",
                    G_CALLBACK (explore_table_changed_cb), self);
  page = gtk_stack_add_named (GTK_STACK (self->stack), self->explore_page, "explore");
  gtk_stack_page_set_title (page, _("Explore"));
  gtk_box_append (GTK_BOX (content), self->stack);

  self->job_bar = LB_JOB_BAR (lb_job_bar_new ());
  g_signal_connect (self->job_bar, "cancel-requested", G_CALLBACK (cancel_requested_cb), self);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->job_bar));
  gtk_box_append (GTK_BOX (body), content);
  gtk_window_set_child (GTK_WINDOW (self), body);

  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (self->drop_target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (self->drop_target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (self->drop_target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));

  self->recent_changed_id = g_signal_connect (gtk_recent_manager_get_default (), "changed",
                                              G_CALLBACK (recent_changed_cb), self);
  lb_window_rebuild_recent_menu (self);
  {
    g_autoptr (GtkWidget) shortcuts = lb_window_build_shortcuts ();
    gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                             GTK_SHORTCUTS_WINDOW (shortcuts));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-table", FALSE);
  lb_window_show_page (self, "data");
}

LbWindow *
lb_window_new (GtkApplication *application)
{
  return g_object_new (LB_TYPE_WINDOW, "application", application, NULL);
}

LbDataPage *
lb_window_get_data_page (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->data_page;
}

GtkWidget *
lb_window_get_explore_page (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->explore_page;
}

LbJobBar *
lb_window_get_job_bar (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->job_bar;
}
