/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-window.c: the workbench window's behaviour: the project (LbWorkbench)
 * and what each page is handed (the training rows once a test set exists),
 * the error banner, the job bar, the actions (export, pages, cancel) and drag
 * and drop. Loading a table lives in lb-window-load.c, project files and
 * autosave in lb-window-project.c; the header bar, sidebar and shortcuts
 * window are built in lb-window-chrome.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lb-chart-view.h"
#include "lb-explore-page.h"
#include "lb-frame-page.h"
#include "lb-ui-util.h"
#include "lb-window-private.h"
#include "lb-finetune-page.h"
#include "lb-gd-lab-page.h"
#include "lb-launch-page.h"
#include "lb-model-lab-page.h"
#include "lb-prepare-page.h"
#include "lb-present-page.h"
#include "lb-shortlist-page.h"

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
  LbTable *table = lb_workbench_get_table (self->workbench);
  const char *source = table != NULL ? lb_table_get_source (table) : NULL;

  gtk_label_set_text (GTK_LABEL (self->subtitle), source != NULL ? source : "");
  gtk_widget_set_visible (self->subtitle, source != NULL);
  if (table != NULL)
    {
      g_autofree char *rows = lb_ui_format_count (lb_table_get_n_rows (table));
      guint n_cols = lb_table_get_n_columns (table);
      g_autofree char *text = NULL;
      gsize n_test = lb_workbench_get_n_test (self->workbench);

      /* Translators: the sidebar's data set card: "housing.csv\n20,640 rows × 10 columns" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%s rows × %u column",
                                           "%s\n%s rows × %u columns", n_cols),
                              source != NULL ? source : _("Untitled table"), rows, n_cols);
      if (n_test > 0)
        {
          g_autofree char *test = lb_ui_format_count (n_test);
          g_autofree char *more = NULL;

          /* Translators: appended to the data set card: "Test set: 4,128 rows, sealed" */
          more = g_strdup_printf (lb_workbench_get_sealed (self->workbench)
                                    ? _("%s\nTest set: %s rows, sealed")
                                    : _("%s\nTest set: %s rows, unsealed"), text, test);
          g_free (text);
          text = g_steal_pointer (&more);
        }
      gtk_label_set_text (GTK_LABEL (self->dataset_label), text);
      gtk_widget_set_visible (self->dataset_card, TRUE);
    }
  else
    gtk_widget_set_visible (self->dataset_card, FALSE);
}

/* What the data and explore pages may show: the training rows. */
static void
hand_tables (LbWindow *self)
{
  LbTable *train = lb_workbench_get_train_table (self->workbench);

  lb_data_page_set_table (self->data_page, train);
  lb_explore_page_set_table (LB_EXPLORE_PAGE (self->explore_page), train);
  self->explore_has_extra = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-table", train != NULL);
}

static void
workbench_changed_cb (LbWorkbench *workbench,
                      guint        flags,
                      LbWindow    *self)
{
  if (flags & (LB_WORKBENCH_CHANGED_DATA | LB_WORKBENCH_CHANGED_SPLIT))
    {
      hand_tables (self);
      update_titles (self);
    }
  if (flags & LB_WORKBENCH_CHANGED_CHECKLIST)
    lb_window_update_checklist (self);
  lb_window_project_changed (self, flags);
}

void
lb_window_set_table (LbWindow *self,
                     LbTable  *table)
{
  LbTable *current;
  gboolean same = TRUE;

  g_return_if_fail (LB_IS_WINDOW (self));

  /* A table with the same columns and more (a combined attribute) keeps the
   * project's data source; another one is a new data set without a file. */
  current = lb_workbench_get_table (self->workbench);
  if (current == NULL || table == NULL)
    same = FALSE;
  else
    for (guint c = 0; c < lb_table_get_n_columns (current) && same; c++)
      same = lb_table_find_column (table, lb_column_get_name (lb_table_get_column (current, c))) >= 0;
  if (same)
    lb_workbench_set_data (self->workbench, table, lb_workbench_get_data_path (self->workbench),
                           lb_workbench_get_data_sample (self->workbench));
  else
    lb_workbench_set_data (self->workbench, table, NULL, NULL);
}

LbTable *
lb_window_get_table (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return lb_workbench_get_table (self->workbench);
}

LbWorkbench *
lb_window_get_workbench (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->workbench;
}

static void
explore_table_changed_cb (GtkWidget *page,
                          LbTable   *table,
                          LbWindow  *self)
{
  /* Without a test set the combined attribute joins the data set, as in the
   * book's notebook. With one, Explore shows the training rows only, so the
   * attribute stays there: the test rows get it from the pipeline (Prepare),
   * computed the same way for every row. */
  if (lb_workbench_get_n_test (self->workbench) == 0)
    {
      lb_window_set_table (self, table);
      return;
    }
  self->explore_has_extra = TRUE;
  lb_job_bar_flash (self->job_bar,
                    _("The new attribute is shown in Explore; add it in Prepare so the model gets it for every row."));
}

static void
cancel_requested_cb (LbJobBar *bar,
                     LbJob    *job,
                     LbWindow *self)
{
  if (job != self->load_job)
    return;  /* a page's job: the bar cancelled it; its page keeps what it had */
  /* Free the UI at once; the worker stops at its next cancellation check and
   * its result is dropped as stale. */
  lb_generation_next (&self->load_generation);
  g_clear_object (&self->load_job);
  lb_job_bar_set_job (self->job_bar, NULL);
  lb_job_bar_flash (self->job_bar, _("Loading cancelled"));
}

void
lb_window_track_job (LbWindow *self,
                     LbJob    *job)
{
  g_return_if_fail (LB_IS_WINDOW (self));

  /* a running load keeps the bar: it is what the user waits for */
  if (self->load_job == NULL || job == self->load_job)
    lb_job_bar_set_job (self->job_bar, job);
}

static void
job_started_cb (GObject  *source,
                LbJob    *job,
                LbWindow *self)
{
  lb_window_track_job (self, job);
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
  LbTable *table = lb_workbench_get_train_table (self->workbench);

  if (response == GTK_RESPONSE_ACCEPT && table != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr (GError) error = NULL;

      if (path == NULL)
        lb_window_show_error (self, _("Could not export the table: choose a file on this computer."));
      else if (!lb_csv_write_file (table, path, &error))
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
  LbTable *table = lb_workbench_get_train_table (self->workbench);
  GtkFileChooserNative *dialog;
  const char *source;
  g_autofree char *name = NULL;

  if (table == NULL)
    return;
  source = lb_table_get_source (table);
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

  for (guint i = 0; i < LB_N_STEPS; i++)
    if (self->step_rows[i] != NULL
        && g_strcmp0 (g_object_get_data (G_OBJECT (self->step_rows[i]), "lb-page"), name) == 0)
      {
        gtk_list_box_select_row (GTK_LIST_BOX (self->sidebar), GTK_LIST_BOX_ROW (self->step_rows[i]));
        return;
      }
  /* pages outside the checklist (labs) */
  for (guint i = 0; i < LB_N_LABS; i++)
    if (g_strcmp0 (name, lb_window_lab_name (i)) == 0)
      gtk_list_box_select_row (GTK_LIST_BOX (self->labs_list),
                               gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->labs_list), (int) i));
}

const char *
lb_window_get_visible_page (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

static void ensure_page (LbWindow *self,
                         guint     i);

static int
step_index (const char *step)
{
  const char * const *steps = lb_workbench_list_steps ();

  for (int i = 0; steps[i] != NULL; i++)
    if (g_strcmp0 (steps[i], step) == 0)
      return i;
  return -1;
}

GtkWidget *
lb_window_get_page (LbWindow   *self,
                    const char *step)
{
  int i;

  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  i = step_index (step);
  if (i < 0)
    return NULL;
  ensure_page (self, (guint) i);
  return self->pages[i];
}

gboolean
lb_window_get_step_marked (LbWindow   *self,
                           const char *step)
{
  int i;

  g_return_val_if_fail (LB_IS_WINDOW (self), FALSE);

  i = step_index (step);
  return i >= 0 && self->step_marks[i] != NULL && gtk_widget_get_visible (self->step_marks[i]);
}

const char *
lb_window_get_status_text (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->status_label));
}

typedef GtkWidget *(*LbPageNew) (LbWorkbench *workbench);

/* The other helpers' pages, built when first shown (a page's start-up cost
 * and any trouble stay out of the window's). */
static LbPageNew
page_constructor (guint i)
{
  switch (i)
    {
    case 3: return lb_prepare_page_new;
    case 4: return lb_shortlist_page_new;
    case 5: return lb_finetune_page_new;
    case 6: return lb_present_page_new;
    case 7: return lb_launch_page_new;
    default: return NULL;
    }
}

static void
ensure_page (LbWindow *self,
             guint     i)
{
  LbPageNew constructor;
  GtkWidget *page;

  if (self->pages[i] != NULL)
    return;
  constructor = page_constructor (i);
  g_return_if_fail (constructor != NULL);
  page = constructor (self->workbench);
  gtk_widget_set_hexpand (page, TRUE);
  gtk_widget_set_vexpand (page, TRUE);
  self->pages[i] = page;
  gtk_box_append (GTK_BOX (self->page_slots[i]), page);
}

static void
ensure_lab (LbWindow *self,
            guint     i)
{
  GtkWidget *page;

  if (self->lab_pages[i] != NULL)
    return;
  if (i == 0)
    page = lb_gd_lab_page_new ();
  else
    {
      page = lb_model_lab_page_new ();
      lb_model_lab_page_set_workbench (LB_MODEL_LAB_PAGE (page), self->workbench);
    }
  gtk_widget_set_hexpand (page, TRUE);
  gtk_widget_set_vexpand (page, TRUE);
  self->lab_pages[i] = page;
  gtk_box_append (GTK_BOX (self->lab_slots[i]), page);
}

static void
visible_page_cb (GtkStack   *stack,
                 GParamSpec *pspec,
                 LbWindow   *self)
{
  int i = step_index (gtk_stack_get_visible_child_name (stack));

  for (guint l = 0; l < LB_N_LABS; l++)
    if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), lb_window_lab_name (l)) == 0)
      ensure_lab (self, l);

  if (i >= 0)
    {
      ensure_page (self, (guint) i);
      /* Explore is done once the learner has looked at the (training) data */
      if (i == 2 && lb_workbench_get_table (self->workbench) != NULL)
        lb_workbench_set_step_done (self->workbench, LB_STEP_EXPLORE, TRUE);
    }
}

static void
add_pages (LbWindow *self)
{
  const char * const *steps = lb_workbench_list_steps ();

  self->pages[0] = lb_frame_page_new (self->workbench);
  self->pages[1] = GTK_WIDGET (self->data_page);
  self->pages[2] = self->explore_page;
  for (guint i = 0; i < LB_N_STEPS; i++)
    {
      GtkStackPage *page;

      /* the first three are built now and are the stack's children (tests
       * reach the stack from them); the others get a slot to be built in */
      self->page_slots[i] = self->pages[i] != NULL ? self->pages[i] : gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      page = gtk_stack_add_named (GTK_STACK (self->stack), self->page_slots[i], steps[i]);
      gtk_stack_page_set_title (page, lb_workbench_step_title (steps[i]));
    }
  for (guint i = 0; i < LB_N_LABS; i++)
    {
      GtkStackPage *page;

      self->lab_slots[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      page = gtk_stack_add_named (GTK_STACK (self->stack), self->lab_slots[i], lb_window_lab_name (i));
      gtk_stack_page_set_title (page, lb_window_lab_title (i));
    }
  g_signal_connect (self->stack, "notify::visible-child", G_CALLBACK (visible_page_cb), self);
}

/* --- GObject --- */

enum { PROP_0, PROP_WORKBENCH };

static void lb_window_constructed  (GObject      *object);
static void lb_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec);
static void lb_window_get_property (GObject      *object,
                                    guint         prop_id,
                                    GValue       *value,
                                    GParamSpec   *pspec);

static void
lb_window_dispose (GObject *object)
{
  LbWindow *self = LB_WINDOW (object);

  lb_window_project_dispose (self);
  lb_generation_next (&self->load_generation);
  if (self->load_job != NULL)
    lb_job_cancel (self->load_job);
  g_clear_object (&self->load_job);
  g_clear_signal_handler (&self->recent_changed_id, gtk_recent_manager_get_default ());
  if (self->workbench != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->workbench);
      g_clear_signal_handler (&self->job_started_id, self->workbench);
    }
  g_clear_pointer (&self->error_message, g_free);
  g_clear_object (&self->recent_menu);
  G_OBJECT_CLASS (lb_window_parent_class)->dispose (object);
}

static void
lb_window_finalize (GObject *object)
{
  LbWindow *self = LB_WINDOW (object);

  g_clear_object (&self->workbench);
  G_OBJECT_CLASS (lb_window_parent_class)->finalize (object);
}

static void
lb_window_class_init (LbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char * const *steps = lb_workbench_list_steps ();

  object_class->dispose = lb_window_dispose;
  object_class->finalize = lb_window_finalize;
  object_class->constructed = lb_window_constructed;
  object_class->set_property = lb_window_set_property;
  object_class->get_property = lb_window_get_property;

  /* The project shown (NULL at construction: a new, empty one). Two windows
   * may share one: the application rebuilds a window on a language change. */
  g_object_class_install_property (object_class, PROP_WORKBENCH,
    g_param_spec_object ("workbench", NULL, NULL, LB_TYPE_WORKBENCH,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", "s", open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", NULL, export_table_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-job", NULL, cancel_job_action);
  lb_window_install_project_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-job", NULL);
  /* Alt+1 … Alt+8: the checklist's steps */
  for (guint i = 0; steps[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", steps[i]);
}

static void
lb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LbWindow *self = LB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKBENCH:
      g_clear_object (&self->workbench);
      self->workbench = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_WORKBENCH:
      g_value_set_object (value, LB_WINDOW (object)->workbench);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_window_init (LbWindow *self)
{
  self->autosave_fd = -1;
}

/* Built here, not in init: the "workbench" property is set by now. */
static void
lb_window_constructed (GObject *object)
{
  LbWindow *self = LB_WINDOW (object);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  lb_ui_install_css ();
  gtk_window_set_title (GTK_WINDOW (self), "Learnbench");
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);
  gtk_window_set_icon_name (GTK_WINDOW (self), APPLICATION_ID);

  G_OBJECT_CLASS (lb_window_parent_class)->constructed (object);
  if (self->workbench == NULL)
    self->workbench = lb_workbench_new ();
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
  lb_data_page_set_workbench (self->data_page, self->workbench);
  g_signal_connect_swapped (self->data_page, "open-requested",
                            G_CALLBACK (lb_window_show_open_dialog), self);
  g_signal_connect_swapped (self->data_page, "sample-requested",
                            G_CALLBACK (lb_window_open_sample), self);
  g_signal_connect (self->data_page, "job-started", G_CALLBACK (job_started_cb), self);
  self->explore_page = lb_explore_page_new ();
  g_signal_connect (self->explore_page, "table-changed",
                    G_CALLBACK (explore_table_changed_cb), self);
  add_pages (self);
  gtk_box_append (GTK_BOX (content), self->stack);

  self->job_bar = LB_JOB_BAR (lb_job_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->job_bar), TRUE);
  g_signal_connect (self->job_bar, "cancel-requested", G_CALLBACK (cancel_requested_cb), self);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->job_bar));
  /* the status area: which device trains, with how many threads */
  self->status_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->status_label, "dim-label");
  gtk_widget_add_css_class (self->status_label, "lb-caption");
  gtk_widget_set_valign (self->status_label, GTK_ALIGN_END);
  gtk_widget_set_margin_start (self->status_label, 12);
  gtk_widget_set_margin_end (self->status_label, 12);
  gtk_widget_set_margin_bottom (self->status_label, 6);
  gtk_box_append (GTK_BOX (bottom), self->status_label);
  gtk_box_append (GTK_BOX (content), bottom);
  gtk_box_append (GTK_BOX (body), content);
  gtk_window_set_child (GTK_WINDOW (self), body);

  self->changed_id = g_signal_connect (self->workbench, "changed", G_CALLBACK (workbench_changed_cb), self);
  self->job_started_id = g_signal_connect (self->workbench, "job-started", G_CALLBACK (job_started_cb), self);

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
  lb_window_update_checklist (self);
  lb_window_update_status (self);
  lb_window_project_init (self);
  if (lb_workbench_get_table (self->workbench) != NULL || lb_workbench_get_target (self->workbench) != NULL)
    workbench_changed_cb (self->workbench, 0x3ff, self);  /* a shared project (a language change) */
  lb_window_show_page (self, LB_STEP_DATA);
}

LbWindow *
lb_window_new (GtkApplication *application)
{
  return g_object_new (LB_TYPE_WINDOW, "application", application, NULL);
}

LbWindow *
lb_window_new_for_workbench (GtkApplication *application,
                             LbWorkbench    *workbench)
{
  return g_object_new (LB_TYPE_WINDOW, "application", application, "workbench", workbench, NULL);
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
