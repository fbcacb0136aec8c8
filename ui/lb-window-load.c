/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-window-load.c: how the window gets a table: files (open dialog, drop,
 * recent, command line) and samples (California housing after asking to
 * download it) load as an LbJob. The worker only calls lb_load_table() /
 * lb_housing_fetch(); the result comes back on the main loop, where a stale
 * one (superseded, cancelled, window gone) is dropped.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-window-private.h"

#define HOUSING_ID "california-housing"

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
  char     *data_path;     /* what the project records: the file … */
  char     *data_sample;   /* … or the sample id */
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
  g_free (request->data_path);
  g_free (request->data_sample);
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
  /* the project keeps its framing when the columns still apply */
  lb_workbench_set_data (self->workbench, table, request->data_path, request->data_sample);
  if (request->uri != NULL)
    add_recent (request->uri);
}

/* Starts loading; a load already running is cancelled and its result dropped. */
static void
start_load (LbWindow   *self,
            LbLoadKind  kind,
            const char *path,
            const char *display_name,
            const char *uri,
            const char *data_path,
            const char *data_sample)
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
  request->data_path = g_strdup (data_path);
  request->data_sample = g_strdup (data_sample);
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
  if (g_str_has_suffix (path, ".lbproject"))
    {
      lb_window_open_project (self, file, NULL);
      return;
    }
  uri = g_file_get_uri (file);
  start_load (self, LB_LOAD_PATH, path, name, uri, path, NULL);
}

void
lb_window_start_data_load (LbWindow   *self,
                           const char *path,
                           const char *sample,
                           const char *display_name)
{
  if (sample != NULL)
    {
      const LbSampleInfo *info = NULL;
      guint n = 0;
      const LbSampleInfo *samples = lb_samples_list (&n);
      g_autofree char *id = g_strconcat ("sample:", sample, NULL);

      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (samples[i].id, sample) == 0)
          info = &samples[i];
      start_load (self, LB_LOAD_PATH, id, info != NULL ? _(info->title) : display_name, NULL, NULL, sample);
    }
  else
    {
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autofree char *uri = g_file_get_uri (file);

      start_load (self, LB_LOAD_PATH, path, display_name, uri, path, NULL);
    }
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
    {
      g_autofree char *cached = lb_housing_cache_path ();

      start_load (self, LB_LOAD_HOUSING, NULL, _("California housing"), NULL, cached, NULL);
    }
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
          start_load (self, LB_LOAD_HOUSING, NULL, _(sample->title), NULL, cached, NULL);
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
    start_load (self, LB_LOAD_PATH, path, _(sample->title), NULL, NULL, id);
  }
}

LbJob *
lb_window_get_load_job (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->load_job;
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
