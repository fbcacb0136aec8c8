/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-window.c: the workbench window. It wires the header bar, the checklist
 * sidebar, the pages, the error banner and the job bar, and runs the load job:
 * the worker only calls lb_load_table(); the result comes back on the main
 * loop, where a stale one (superseded, cancelled, window gone) is dropped.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lb-chart-view.h"
#include "lb-explore-page.h"
#include "lb-ui-util.h"
#include "lb-window.h"

struct _LbWindow
{
  GtkApplicationWindow parent_instance;

  GtkWidget     *title;
  GtkWidget     *subtitle;
  GtkWidget     *sidebar;
  GtkWidget     *dataset_card;
  GtkWidget     *dataset_label;
  GtkWidget     *stack;
  GtkWidget     *banner;
  GtkWidget     *banner_label;
  LbJobBar      *job_bar;
  LbDataPage    *data_page;
  GtkWidget     *explore_page;
  GMenu         *recent_menu;
  GtkDropTarget *drop_target;

  LbTable       *table;
  LbJob         *load_job;
  LbGeneration   load_generation;
  char          *error_message;
  gulong         recent_changed_id;
};

G_DEFINE_FINAL_TYPE (LbWindow, lb_window, GTK_TYPE_APPLICATION_WINDOW)

#define RECENT_APP_NAME "Learnbench"
#define RECENT_MAX 8
#define HOUSING_ID "california-housing"

/* The book's end-to-end checklist. Steps whose page is not built yet are not
 * shown; they appear as their pages land. */
typedef struct
{
  const char *page;      /* stack child name, or NULL while not built */
  guint       number;
  const char *title;
  const char *summary;
} LbStep;

static const LbStep steps[] = {
  { NULL,      1, N_("Frame the problem"), N_("Target, task and measure") },
  { "data",    2, N_("Get the data"),      N_("Open a file, look at it") },
  { "explore", 3, N_("Explore"),           N_("Charts and correlations") },
  { NULL,      4, N_("Prepare"),           N_("Clean, encode, scale") },
  { NULL,      5, N_("Shortlist models"),  N_("Train and compare") },
  { NULL,      6, N_("Fine-tune"),         N_("Search hyper-parameters") },
  { NULL,      7, N_("Present"),           N_("Report and plots") },
  { NULL,      8, N_("Launch"),            N_("Save and monitor") },
};

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

/* --- loading, as a job --- */

typedef enum
{
  LB_LOAD_PATH,     /* lb_load_table (path): files and "sample:ID" */
  LB_LOAD_HOUSING,  /* lb_housing_fetch (): download when not cached */
} LbLoadKind;

typedef struct
{
  LbLoadKind kind;
  char      *path;
} LbLoadTask;

typedef struct
{
  GWeakRef  window;
  guint64   generation;
  char     *display_name;
  char     *uri;           /* for the recent files, NULL for samples */
  gboolean  is_sample;     /* show the sample's translated title as its name */
} LbLoadRequest;

static void
load_task_free (gpointer data)
{
  LbLoadTask *task = data;

  g_free (task->path);
  g_free (task);
}

static void
load_request_free (LbLoadRequest *request)
{
  g_weak_ref_clear (&request->window);
  g_free (request->display_name);
  g_free (request->uri);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbLoadRequest, load_request_free)

static void
load_job_func (LbJob        *job,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LbLoadTask *task = task_data;
  g_autoptr (GError) error = NULL;
  LbTable *table;

  if (task->kind == LB_LOAD_HOUSING)
    table = lb_housing_fetch (lb_job_progress_func, job, cancellable, &error);
  else
    table = lb_load_table (task->path, lb_job_progress_func, job, cancellable, &error);

  if (table == NULL)
    lb_job_return_error (job, g_steal_pointer (&error));
  else
    lb_job_return_pointer (job, table, (GDestroyNotify) lb_table_unref);
}

static void
add_recent (const char *uri)
{
  GtkRecentData data = { 0 };
  g_autofree char *exec = g_strdup_printf ("%s %%u", g_get_prgname () != NULL
                                                       ? g_get_prgname () : "learnbench");

  data.display_name = NULL;
  data.mime_type = (char *) "text/csv";
  data.app_name = (char *) RECENT_APP_NAME;
  data.app_exec = exec;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (LbLoadRequest) request = user_data;
  g_autoptr (LbWindow) self = g_weak_ref_get (&request->window);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbTable) table = lb_job_propagate_pointer (result, &error);

  /* Dropped: the window is gone, or the user cancelled / started another load. */
  if (self == NULL || !lb_generation_is_current (&self->load_generation, request->generation))
    return;
  g_clear_object (&self->load_job);

  if (table == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          lb_job_bar_flash (self->job_bar, _("Loading cancelled"));
          return;
        }
      /* Translators: "Could not open “data.csv”: line 17: 11 fields, expected 10" */
      message = g_strdup_printf (_("Could not open “%s”: %s"), request->display_name,
                                 error->message);
      lb_window_show_error (self, message);
      return;
    }

  lb_window_show_error (self, NULL);
  if (lb_table_get_source (table) == NULL || request->is_sample)
    {
      LbTable *named = lb_table_with_source (table, request->display_name);
      lb_table_unref (table);
      table = named;
    }
  lb_window_set_table (self, table);
  if (request->uri != NULL)
    add_recent (request->uri);
}

/* Starts loading; a load already running is cancelled and its result dropped. */
static void
start_load (LbWindow   *self,
            LbLoadKind  kind,
            const char *path,
            const char *display_name,
            const char *uri)
{
  LbLoadRequest *request = g_new0 (LbLoadRequest, 1);
  LbLoadTask *task = g_new0 (LbLoadTask, 1);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *title = NULL;

  if (self->load_job != NULL)
    lb_job_cancel (self->load_job);
  g_clear_object (&self->load_job);

  g_weak_ref_init (&request->window, self);
  request->generation = lb_generation_next (&self->load_generation);
  request->display_name = g_strdup (display_name);
  request->uri = g_strdup (uri);
  request->is_sample = uri == NULL;
  task->kind = kind;
  task->path = g_strdup (path);

  /* Translators: the job bar while a file loads: "Loading housing.csv" */
  title = g_strdup_printf (_("Loading %s"), display_name);
  self->load_job = lb_job_new (title, NULL, cancellable, load_done_cb, request);
  lb_job_set_task_data (self->load_job, task, load_task_free);
  lb_job_run (self->load_job, load_job_func);
  lb_job_bar_set_job (self->job_bar, self->load_job);
}

void
lb_window_open_file (LbWindow *self,
                     GFile    *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (LB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not open “%s”: only files on this computer can be opened."),
                         name != NULL ? name : "?");
      lb_window_show_error (self, message);
      return;
    }
  uri = g_file_get_uri (file);
  start_load (self, LB_LOAD_PATH, path, name, uri);
}

static const LbSampleInfo *
find_sample (const char *id)
{
  guint n = 0;
  const LbSampleInfo *samples = lb_samples_list (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (samples[i].id, id) == 0)
      return &samples[i];
  return NULL;
}

static void
housing_dialog_response_cb (GtkDialog *dialog,
                            int        response,
                            LbWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    start_load (self, LB_LOAD_HOUSING, NULL, _("California housing"), NULL);
}

void
lb_window_open_sample (LbWindow   *self,
                       const char *id)
{
  const LbSampleInfo *sample;

  g_return_if_fail (LB_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  sample = find_sample (id);
  if (sample == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no sample data set called “%s”."), id);
      lb_window_show_error (self, message);
      return;
    }

  if (g_strcmp0 (id, HOUSING_ID) == 0)
    {
      g_autofree char *cached = lb_housing_cache_path ();
      GtkWidget *dialog;

      if (g_file_test (cached, G_FILE_TEST_IS_REGULAR))
        {
          start_load (self, LB_LOAD_HOUSING, NULL, _(sample->title), NULL);
          return;
        }
      dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                       GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                       GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                       _("Download California housing?"));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
        _("Learnbench will download housing.tgz (about 400 KB) from the book’s public "
          "repository on GitHub, check it and keep it in your cache folder, so this "
          "is needed only once."));
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Download"), GTK_RESPONSE_ACCEPT);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
      g_signal_connect (dialog, "response", G_CALLBACK (housing_dialog_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    g_autofree char *path = g_strconcat ("sample:", id, NULL);
    start_load (self, LB_LOAD_PATH, path, _(sample->title), NULL);
  }
}

LbJob *
lb_window_get_load_job (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->load_job;
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
  lb_job_bar_set_job (self->job_bar, job);
}

/* --- the open dialog --- */

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  LbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        lb_window_open_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
lb_window_show_open_dialog (LbWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) data = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (LB_IS_WINDOW (self));

  dialog = gtk_file_chooser_native_new (_("Open a Data File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (data, _("Data files (CSV, TSV, IDX, gzip)"));
  for (const char * const *p = (const char * const[]) { "*.csv", "*.tsv", "*.txt", "*.gz",
                                                        "*-ubyte", "*.idx*", NULL };
       *p != NULL; p++)
    gtk_file_filter_add_pattern (data, *p);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), data);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* --- recent files --- */

static gint
recent_compare (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return -g_date_time_compare (ta, tb);
}

static void
rebuild_recent_menu (LbWindow *self)
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

static void
recent_changed_cb (GtkRecentManager *manager,
                   LbWindow         *self)
{
  rebuild_recent_menu (self);
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

static void
sidebar_row_selected_cb (GtkListBox    *box,
                         GtkListBoxRow *row,
                         LbWindow      *self)
{
  const char *page;

  if (row == NULL)
    return;
  page = g_object_get_data (G_OBJECT (row), "lb-page");
  if (page != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), page);
}

static GtkWidget *
step_row_new (const LbStep *step)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  g_autofree char *number_text = g_strdup_printf ("%u", step->number);
  GtkWidget *number = gtk_label_new (number_text);
  GtkWidget *title = gtk_label_new (_(step->title));
  GtkWidget *summary = gtk_label_new (_(step->summary));

  gtk_widget_add_css_class (number, "lb-step-number");
  gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), number);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "lb-heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "lb-caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), summary);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "lb-page", (gpointer) step->page);
  return row;
}

static GtkWidget *
build_sidebar (LbWindow *self)
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
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->sidebar), GTK_SELECTION_BROWSE);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].page != NULL)
      gtk_list_box_append (GTK_LIST_BOX (self->sidebar), step_row_new (&steps[i]));
  g_signal_connect (self->sidebar, "row-selected", G_CALLBACK (sidebar_row_selected_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->sidebar);
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
  g_autoptr (GMenu) export = g_menu_new ();
  g_autoptr (GMenu) app = g_menu_new ();

  g_menu_append (export, _("Export Chart…"), "win.export-chart");
  g_menu_append (export, _("Export Table as CSV…"), "win.export-table");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  g_menu_append (app, _("Keyboard Shortcuts"), "win.show-help-overlay");
  g_menu_append (app, _("About Learnbench"), "app.about");
  g_menu_append (app, _("Quit"), "app.quit");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (app));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
build_header (LbWindow *self)
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

  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "win.export-chart");
  gtk_widget_set_tooltip_text (export, _("Export the chart as PNG, SVG or PDF (Ctrl+E)"));
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), export);
  return header;
}

/* --- keyboard shortcuts window --- */

/* GTK 4.8 builds GtkShortcutsWindow only from GtkBuilder XML; the titles are
 * translated here, so xgettext sees them in C. */
static GtkWidget *
build_shortcuts_window (void)
{
  const struct
  {
    const char *accel;
    const char *title;
  } general[] = {
    { "&lt;Control&gt;o", N_("Open a data file") },
    { "&lt;Control&gt;e", N_("Export the chart") },
    { "&lt;Control&gt;&lt;Shift&gt;s", N_("Export the table as CSV") },
    { "Escape", N_("Cancel the running job") },
    { "&lt;Control&gt;question", N_("Keyboard shortcuts") },
    { "&lt;Control&gt;w", N_("Close the window") },
    { "&lt;Control&gt;q", N_("Quit") },
  }, pages[] = {
    { "&lt;Alt&gt;2", N_("Get the data") },
    { "&lt;Alt&gt;3", N_("Explore") },
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
  gtk_window_set_titlebar (GTK_WINDOW (self), build_header (self));

  gtk_box_append (GTK_BOX (body), build_sidebar (self));
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
  rebuild_recent_menu (self);
  {
    g_autoptr (GtkWidget) shortcuts = build_shortcuts_window ();
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
