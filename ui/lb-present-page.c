/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-present-page.c: the checklist's "Present" step. The preview lists the
 * report's sections with their text, numbers and tables (an LbReport
 * snapshot of the workbench, rebuilt when it changes); Save report… writes
 * the report (HTML or PDF, by the file's extension) as a job — describe()
 * and the plots are rendered there, off-screen — and then offers a link to
 * the folder it went to.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-job.h"
#include "lb-present-page.h"
#include "lb-report.h"
#include "lb-ui-util.h"

enum
{
  SIGNAL_JOB_STARTED,
  SIGNAL_EXPORT_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _LbPresentPage
{
  GtkWidget    parent_instance;

  LbWorkbench *workbench;
  gulong       changed_id;
  guint        refresh_id;

  GtkWidget   *scroll;
  GtkWidget   *banner;
  GtkWidget   *banner_label;
  GtkWidget   *save_button;
  GtkWidget   *status_label;
  GtkWidget   *folder_link;
  GtkWidget   *preview;
  GtkFileChooserNative *chooser;

  LbJob       *job;
  gboolean     stale;          /* the workbench changed while the page was hidden */
  char        *error_text;
  char       **sections;
};

G_DEFINE_FINAL_TYPE (LbPresentPage, lb_present_page, GTK_TYPE_WIDGET)

static void
show_error (LbPresentPage *self,
            const char    *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->banner_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->banner, message != NULL);
}

static void
banner_close_cb (GtkButton     *button,
                 LbPresentPage *self)
{
  show_error (self, NULL);
}

/* --- the preview --- */

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A table block (tab-separated lines) as a read-only grid. */
static GtkWidget *
table_widget (const char *tsv)
{
  g_auto (GStrv) lines = g_strsplit (tsv, "\n", -1);
  g_auto (GStrv) header = NULL;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *numeric = NULL;
  guint n_cols, n_rows = 0;
  GtkWidget *grid;

  if (lines[0] == NULL)
    return gtk_label_new (NULL);
  header = g_strsplit (lines[0], "\t", -1);
  n_cols = g_strv_length (header);
  numeric = g_new0 (gboolean, MAX (n_cols, 1));
  for (guint r = 1; lines[r] != NULL; r++)
    {
      g_auto (GStrv) row = NULL;

      if (*lines[r] == '\0')
        continue;
      row = g_strsplit (lines[r], "\t", -1);
      for (guint c = 0; c < n_cols; c++)
        g_ptr_array_add (cells, g_strdup (c < g_strv_length (row) ? row[c] : ""));
      n_rows++;
    }
  grid = lb_ui_string_grid_new (n_rows, n_cols, (const char * const *) header, NULL,
                                (const char * const *) cells->pdata, numeric);
  gtk_widget_set_size_request (grid, -1, MIN (40 + 28 * n_rows, 260));
  return grid;
}

static void
refresh_preview (LbPresentPage *self)
{
  g_autoptr (LbReport) report = lb_report_new (self->workbench);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->preview)) != NULL)
    gtk_box_remove (GTK_BOX (self->preview), child);
  g_strfreev (self->sections);
  self->sections = lb_report_dup_sections (report);
  for (guint i = 0; i < lb_report_get_n_sections (report); i++)
    {
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, lb_report_get_section (report, i));
      GtkWidget *heading = wrapped_label (title, "title-4");

      gtk_widget_set_margin_top (heading, 10);
      gtk_box_append (GTK_BOX (self->preview), heading);
      for (guint j = 0; j < lb_report_get_n_blocks (report, i); j++)
        {
          const char *text;
          LbReportBlockKind kind = lb_report_get_block (report, i, j, &text);

          switch (kind)
            {
            case LB_REPORT_TEXT:
              gtk_box_append (GTK_BOX (self->preview), wrapped_label (text, NULL));
              break;
            case LB_REPORT_NUMBER:
              gtk_box_append (GTK_BOX (self->preview), wrapped_label (text, "heading"));
              break;
            case LB_REPORT_TABLE:
              gtk_box_append (GTK_BOX (self->preview), table_widget (text));
              break;
            case LB_REPORT_CHART:
              {
                g_autofree char *line = g_strdup_printf (_("Plot: %s"), text);

                gtk_box_append (GTK_BOX (self->preview), wrapped_label (line, "dim-label"));
              }
              break;
            }
        }
    }
  if (lb_workbench_get_train_table (self->workbench) != NULL)
    gtk_box_append (GTK_BOX (self->preview),
                    wrapped_label (_("The saved report also holds describe() of the training set and every plot."),
                                   "dim-label"));
}

static gboolean
refresh_idle (gpointer user_data)
{
  LbPresentPage *self = user_data;

  self->refresh_id = 0;
  refresh_preview (self);
  return G_SOURCE_REMOVE;
}

static void
workbench_changed_cb (LbWorkbench   *workbench,
                      guint          flags,
                      LbPresentPage *self)
{
  if ((flags & ~LB_WORKBENCH_CHANGED_FILE) == 0 || self->refresh_id != 0)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;   /* rebuilt when shown: no work for a hidden page */
      return;
    }
  self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
lb_present_page_map (GtkWidget *widget)
{
  LbPresentPage *self = LB_PRESENT_PAGE (widget);

  GTK_WIDGET_CLASS (lb_present_page_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      refresh_preview (self);
    }
}

char **
lb_present_page_dup_sections (LbPresentPage *self)
{
  g_return_val_if_fail (LB_IS_PRESENT_PAGE (self), NULL);
  if (self->refresh_id != 0 || self->stale)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      self->stale = FALSE;
      refresh_preview (self);
    }
  return g_strdupv (self->sections);
}

const char *
lb_present_page_get_error (LbPresentPage *self)
{
  g_return_val_if_fail (LB_IS_PRESENT_PAGE (self), NULL);
  return gtk_widget_get_visible (self->banner) ? self->error_text : NULL;
}

/* --- writing --- */

gboolean
lb_present_page_export_html (LbPresentPage *self,
                             const char    *path,
                             GError       **error)
{
  g_autoptr (LbReport) report = NULL;

  g_return_val_if_fail (LB_IS_PRESENT_PAGE (self), FALSE);
  report = lb_report_new (self->workbench);
  return lb_report_write_html (report, path, NULL, error);
}

gboolean
lb_present_page_export_pdf (LbPresentPage *self,
                            const char    *path,
                            GError       **error)
{
  g_autoptr (LbReport) report = NULL;

  g_return_val_if_fail (LB_IS_PRESENT_PAGE (self), FALSE);
  report = lb_report_new (self->workbench);
  return lb_report_write_pdf (report, path, NULL, error);
}

typedef struct
{
  LbReport *report;
  char     *path;
  gboolean  pdf;
} ExportTask;

static void
export_task_free (gpointer data)
{
  ExportTask *t = data;

  lb_report_free (t->report);
  g_free (t->path);
  g_free (t);
}

static void
export_job (LbJob        *job,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ExportTask *t = task_data;
  GError *error = NULL;
  gboolean ok;

  lb_job_report_progress (job, -1, _("Rendering the plots"));
  ok = t->pdf ? lb_report_write_pdf (t->report, t->path, cancellable, &error)
              : lb_report_write_html (t->report, t->path, cancellable, &error);
  if (ok)
    lb_job_return_boolean (job, TRUE);
  else
    lb_job_return_error (job, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr (LbPresentPage) self = g_weak_ref_get (ref);
  g_autoptr (GError) error = NULL;
  gboolean ok = lb_job_propagate_boolean (result, &error);
  LbJob *job = lb_job_from_result (result);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL)
    return;
  if (self->job == job)
    g_clear_object (&self->job);
  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (ok)
    {
      const char *path = g_object_get_data (G_OBJECT (job), "path");
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *uri = g_filename_to_uri (dir, NULL, NULL);
      g_autofree char *text = g_strdup_printf (_("Saved %s"), base);

      gtk_label_set_text (GTK_LABEL (self->status_label), text);
      if (uri != NULL)
        gtk_link_button_set_uri (GTK_LINK_BUTTON (self->folder_link), uri);
      gtk_widget_set_visible (self->folder_link, uri != NULL);
      show_error (self, NULL);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->status_label), "");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
    }
  g_signal_emit (self, signals[SIGNAL_EXPORT_DONE], 0, ok);
}

void
lb_present_page_export_async (LbPresentPage *self,
                              const char    *path)
{
  ExportTask *task;
  GWeakRef *ref;

  g_return_if_fail (LB_IS_PRESENT_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->job != NULL)
    return;
  task = g_new0 (ExportTask, 1);
  task->report = lb_report_new (self->workbench);
  task->path = g_strdup (path);
  task->pdf = g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF");
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->job = lb_job_new (_("Writing the report"), NULL, NULL, export_done_cb, ref);
  g_object_set_data_full (G_OBJECT (self->job), "path", g_strdup (path), g_free);
  lb_job_set_task_data (self->job, task, export_task_free);
  g_object_ref (self->job);
  lb_job_run (self->job, export_job);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_label_set_text (GTK_LABEL (self->status_label), _("Writing the report…"));
  gtk_widget_set_visible (self->folder_link, FALSE);
  lb_workbench_track_job (self->workbench, self->job);
  g_signal_emit (self, signals[SIGNAL_JOB_STARTED], 0, self->job);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     LbPresentPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
          gboolean pdf = filter != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (filter), "ext"), ".pdf") == 0;

          if (!g_str_has_suffix (path, ".html") && !g_str_has_suffix (path, ".htm") && !g_str_has_suffix (path, ".pdf"))
            {
              char *with = g_strconcat (path, pdf ? ".pdf" : ".html", NULL);

              g_free (path);
              path = with;
            }
          lb_present_page_export_async (self, path);
        }
    }
  g_clear_object (&self->chooser);
}

static void
save_clicked_cb (GtkButton     *button,
                 LbPresentPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileFilter *html = gtk_file_filter_new (), *pdf = gtk_file_filter_new ();
  const char *name = lb_workbench_get_name (self->workbench);
  g_autofree char *suggested = g_strdup_printf ("%s.html", name != NULL ? name : "report");

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save the report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (html, _("Web page (HTML, self-contained)"));
  gtk_file_filter_add_pattern (html, "*.html");
  g_object_set_data (G_OBJECT (html), "ext", (gpointer) ".html");
  gtk_file_filter_set_name (pdf, _("PDF document"));
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  g_object_set_data (G_OBJECT (pdf), "ext", (gpointer) ".pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), html);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  g_object_unref (html);
  g_object_unref (pdf);
  g_strdelimit (suggested, "/\\:", '_');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- the widget --- */

static void
lb_present_page_dispose (GObject *object)
{
  LbPresentPage *self = LB_PRESENT_PAGE (object);

  if (self->job != NULL)
    lb_job_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->workbench);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->scroll, gtk_widget_unparent);
  g_clear_object (&self->workbench);
  G_OBJECT_CLASS (lb_present_page_parent_class)->dispose (object);
}

static void
lb_present_page_finalize (GObject *object)
{
  LbPresentPage *self = LB_PRESENT_PAGE (object);

  g_free (self->error_text);
  g_strfreev (self->sections);
  G_OBJECT_CLASS (lb_present_page_parent_class)->finalize (object);
}

static void
lb_present_page_class_init (LbPresentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_present_page_dispose;
  object_class->finalize = lb_present_page_finalize;
  widget_class->map = lb_present_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[SIGNAL_JOB_STARTED] =
    g_signal_new ("job-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);
  signals[SIGNAL_EXPORT_DONE] =
    g_signal_new ("export-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
lb_present_page_init (LbPresentPage *self)
{
  GtkWidget *box, *row, *label, *close;

  self->scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroll, GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroll), box);

  label = wrapped_label (_("Present your solution"), "title-4");
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_box_append (GTK_BOX (box), label);
  label = wrapped_label (_("The report holds the problem, the data, the test set and its seal log, the pipeline, "
                           "the model comparison, the search and the final scores, with every plot. Save it as one "
                           "HTML file (the plots embedded) or as a PDF."), "dim-label");
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_box_append (GTK_BOX (box), label);

  self->banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->banner, "error");
  self->banner_label = wrapped_label (NULL, NULL);
  gtk_widget_set_hexpand (self->banner_label, TRUE);
  close = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_tooltip_text (close, _("Hide this message"));
  g_signal_connect (close, "clicked", G_CALLBACK (banner_close_cb), self);
  gtk_box_append (GTK_BOX (self->banner), self->banner_label);
  gtk_box_append (GTK_BOX (self->banner), close);
  gtk_widget_set_visible (self->banner, FALSE);
  gtk_box_append (GTK_BOX (box), self->banner);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save report…"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->save_button, _("Write the report as HTML or PDF (chosen by the file type)"));
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  self->status_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->status_label, "dim-label");
  self->folder_link = gtk_link_button_new_with_label ("file:///", _("Open the folder"));
  gtk_widget_set_visible (self->folder_link, FALSE);
  gtk_box_append (GTK_BOX (row), self->save_button);
  gtk_box_append (GTK_BOX (row), self->status_label);
  gtk_box_append (GTK_BOX (row), self->folder_link);
  gtk_box_append (GTK_BOX (box), row);

  label = wrapped_label (_("Preview"), "heading");
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_margin_top (label, 8);
  gtk_box_append (GTK_BOX (box), label);
  self->preview = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (box), self->preview);
}

GtkWidget *
lb_present_page_new (LbWorkbench *workbench)
{
  LbPresentPage *self;

  g_return_val_if_fail (LB_IS_WORKBENCH (workbench), NULL);

  self = g_object_new (LB_TYPE_PRESENT_PAGE, NULL);
  self->workbench = g_object_ref (workbench);
  self->changed_id = g_signal_connect (workbench, "changed", G_CALLBACK (workbench_changed_cb), self);
  refresh_preview (self);
  return GTK_WIDGET (self);
}
