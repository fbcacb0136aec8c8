/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-window-project.c: the window's project files: New, Open project, Save,
 * Save As (atomic, through LbWorkbench), the title with a dirty mark, the
 * "save changes?" question on close, the autosave every 30 s while there are
 * unsaved changes (locked while the window lives, so that only a session
 * that was killed leaves one to recover), the recovery banner at the next
 * start, and the banner that asks for a project's data file when it is
 * missing instead of failing.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "lb-window-private.h"

#define PROJECT_SUFFIX ".lbproject"

/* --- title --- */

const char *
lb_window_get_title_text (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->title));
}

void
lb_window_update_title (LbWindow *self)
{
  const char *name = lb_workbench_get_name (self->workbench);
  const char *file = lb_workbench_get_file (self->workbench);
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;

  if (name == NULL && file != NULL)
    {
      base = g_path_get_basename (file);
      if (g_str_has_suffix (base, PROJECT_SUFFIX))
        base[strlen (base) - strlen (PROJECT_SUFFIX)] = '\0';
      name = base;
    }
  if (name == NULL)
    name = _("Untitled project");
  /* the dirty mark: a bullet before the name, as editors do */
  title = lb_workbench_get_dirty (self->workbench) ? g_strdup_printf ("• %s", name) : g_strdup (name);
  gtk_label_set_text (GTK_LABEL (self->title), title);
  window_title = g_strdup_printf ("%s — Learnbench", title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* --- autosave --- */

static char *
autosave_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "learnbench", "autosave", NULL);
}

static char *
lock_path_for (const char *autosave)
{
  g_autofree char *stem = g_strndup (autosave, strlen (autosave) - strlen (PROJECT_SUFFIX));

  return g_strconcat (stem, ".lock", NULL);
}

static void
remove_autosave (LbWindow *self)
{
  if (self->autosave_path != NULL)
    {
      g_autofree char *lock = lock_path_for (self->autosave_path);

      g_unlink (self->autosave_path);
      g_unlink (lock);
      g_clear_pointer (&self->autosave_path, g_free);
    }
  if (self->autosave_fd >= 0)
    {
      close (self->autosave_fd);  /* releases the flock */
      self->autosave_fd = -1;
    }
}

const char *
lb_window_get_autosave_path (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->autosave_path;
}

gboolean
lb_window_autosave (LbWindow *self,
                    GError  **error)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), FALSE);

  if (self->autosave_path == NULL)
    {
      g_autofree char *dir = autosave_dir ();
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *name = g_strconcat (uuid, PROJECT_SUFFIX, NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *lock = lock_path_for (path);
      int fd;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not create the autosave folder “%s”: %s"), dir, g_strerror (saved));
          return FALSE;
        }
      /* The lock file is held while this window lives: a live session's
       * autosave is never offered for recovery, a killed one's is. */
      fd = g_open (lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          int saved = errno;

          if (fd >= 0)
            close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not lock the autosave file “%s”: %s"), lock, g_strerror (saved));
          return FALSE;
        }
      self->autosave_fd = fd;
      self->autosave_path = g_steal_pointer (&path);
    }
  return lb_workbench_save_copy (self->workbench, self->autosave_path, error);
}

static gboolean
autosave_tick_cb (gpointer user_data)
{
  LbWindow *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!lb_workbench_get_dirty (self->workbench))
    {
      self->autosave_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (!lb_window_autosave (self, &error))
    g_warning ("autosave failed: %s", error->message);  /* the next tick tries again */
  return G_SOURCE_CONTINUE;
}

/* The autosave of a session that was killed: its lock file is free. */
static char *
find_recoverable (void)
{
  g_autofree char *dir = autosave_dir ();
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *best = NULL;
  gint64 best_time = 0;
  const char *name;

  if (d == NULL)
    return NULL;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL, *lock = NULL;
      GStatBuf st;
      int fd;

      if (!g_str_has_suffix (name, PROJECT_SUFFIX))
        continue;
      path = g_build_filename (dir, name, NULL);
      lock = lock_path_for (path);
      fd = g_open (lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          close (fd);  /* a live window's */
          continue;
        }
      close (fd);
      if (g_stat (path, &st) == 0 && (gint64) st.st_mtime >= best_time)
        {
          best_time = st.st_mtime;
          g_free (best);
          best = g_steal_pointer (&path);
        }
    }
  return g_steal_pointer (&best);
}

const char *
lb_window_get_recoverable (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->recover_path;
}

static void
forget_recoverable (LbWindow *self,
                    gboolean  remove)
{
  if (self->recover_path != NULL && remove)
    {
      g_autofree char *lock = lock_path_for (self->recover_path);

      g_unlink (self->recover_path);
      g_unlink (lock);
    }
  g_clear_pointer (&self->recover_path, g_free);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->recover_banner), FALSE);
  gtk_widget_set_visible (self->recover_banner, FALSE);
}

void
lb_window_discard_recoverable (LbWindow *self)
{
  g_return_if_fail (LB_IS_WINDOW (self));

  forget_recoverable (self, TRUE);
}

gboolean
lb_window_recover (LbWindow *self,
                   GError  **error)
{
  g_autofree char *original = NULL;

  g_return_val_if_fail (LB_IS_WINDOW (self), FALSE);

  if (self->recover_path == NULL)
    return TRUE;
  if (!lb_workbench_load_project (self->workbench, self->recover_path, error))
    {
      g_prefix_error (error, _("Could not recover the unsaved work: "));
      lb_window_show_error (self, (*error)->message);
      return FALSE;
    }
  /* the work belongs to the file it came from (or none), and is not saved there */
  original = g_strdup (lb_workbench_get_autosave_of (self->workbench));
  lb_workbench_set_file (self->workbench, original, TRUE);
  forget_recoverable (self, TRUE);
  lb_window_load_project_data (self);
  lb_window_project_changed (self, LB_WORKBENCH_CHANGED_FILE);
  lb_job_bar_flash (self->job_bar, _("Recovered the unsaved work. Save it to keep it."));
  return TRUE;
}

static void
recover_response_cb (GtkInfoBar *bar,
                     int         response,
                     LbWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    lb_window_recover (self, NULL);
  else if (response == GTK_RESPONSE_REJECT)
    lb_window_discard_recoverable (self);
  else
    forget_recoverable (self, FALSE);  /* closed: ask again next time */
}

static void
offer_recovery (LbWindow *self)
{
  g_autofree char *path = find_recoverable ();
  g_autoptr (GDateTime) time = NULL;
  g_autofree char *when = NULL, *text = NULL;
  GStatBuf st;

  if (path == NULL)
    return;
  self->recover_path = g_steal_pointer (&path);
  if (g_stat (self->recover_path, &st) == 0)
    time = g_date_time_new_from_unix_local (st.st_mtime);
  when = time != NULL ? g_date_time_format (time, "%x %X") : g_strdup ("?");
  /* Translators: the recovery banner at start: "… unsaved work from 30/11/2026 18:42:10 …" */
  text = g_strdup_printf (_("Learnbench was closed without saving a project. Recover the unsaved work from %s?"),
                          when);
  gtk_label_set_text (GTK_LABEL (self->recover_label), text);
  gtk_widget_set_visible (self->recover_banner, TRUE);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->recover_banner), TRUE);
}

/* --- changes --- */

void
lb_window_project_changed (LbWindow *self,
                           guint     flags)
{
  gboolean dirty = lb_workbench_get_dirty (self->workbench);

  lb_window_update_title (self);
  if (dirty && self->autosave_id == 0)
    self->autosave_id = g_timeout_add_seconds (LB_AUTOSAVE_SECONDS, autosave_tick_cb, self);
  else if (!dirty)
    {
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      remove_autosave (self);  /* saved (or new): nothing to recover */
    }
}

/* --- the missing data file --- */

const char *
lb_window_get_missing_data (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->missing_data;
}

static void
hide_missing (LbWindow *self)
{
  g_clear_pointer (&self->missing_data, g_free);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->missing_banner), FALSE);
  gtk_widget_set_visible (self->missing_banner, FALSE);
}

static void
show_missing (LbWindow   *self,
              const char *path)
{
  g_autofree char *text = NULL;

  g_free (self->missing_data);
  self->missing_data = g_strdup (path);
  /* Translators: the banner when a project's data file is not there */
  text = g_strdup_printf (_("This project’s data file “%s” is not on this computer (or has moved). "
                            "Locate it to continue; the project keeps every setting."), path);
  gtk_label_set_text (GTK_LABEL (self->missing_label), text);
  gtk_widget_set_visible (self->missing_banner, TRUE);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->missing_banner), TRUE);
}

void
lb_window_locate_data (LbWindow *self,
                       GFile    *file)
{
  g_autofree char *path = NULL, *name = NULL;

  g_return_if_fail (LB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    return;
  name = g_file_get_basename (file);
  hide_missing (self);
  lb_window_start_data_load (self, path, NULL, name);
}

static void
locate_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    LbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        lb_window_locate_data (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
missing_response_cb (GtkInfoBar *bar,
                     int         response,
                     LbWindow   *self)
{
  GtkFileChooserNative *dialog;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_info_bar_set_revealed (bar, FALSE);
      return;
    }
  dialog = gtk_file_chooser_native_new (_("Locate the Project’s Data File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  if (self->missing_data != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->missing_data);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), base);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (locate_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
lb_window_load_project_data (LbWindow *self)
{
  const char *path = lb_workbench_get_data_path (self->workbench);
  const char *sample = lb_workbench_get_data_sample (self->workbench);

  hide_missing (self);
  if (sample != NULL)
    {
      lb_window_start_data_load (self, NULL, sample, sample);
      return;
    }
  if (path == NULL)
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      show_missing (self, path);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (path);

    lb_window_start_data_load (self, path, NULL, name);
  }
}

/* --- open, save --- */

static void
add_recent_project (const char *path)
{
  GtkRecentData data = { 0 };
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *exec = g_strdup_printf ("%s %%u", g_get_prgname () != NULL ? g_get_prgname () : "learnbench");

  if (uri == NULL)
    return;
  data.mime_type = (char *) "application/json";
  data.app_name = (char *) RECENT_APP_NAME;
  data.app_exec = exec;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
lb_window_new_project (LbWindow *self)
{
  g_return_if_fail (LB_IS_WINDOW (self));

  lb_generation_next (&self->load_generation);
  if (self->load_job != NULL)
    lb_job_cancel (self->load_job);
  g_clear_object (&self->load_job);
  hide_missing (self);
  lb_window_show_error (self, NULL);
  lb_workbench_reset (self->workbench);
  lb_window_show_page (self, LB_STEP_DATA);
}

gboolean
lb_window_open_project (LbWindow *self,
                        GFile    *file,
                        GError  **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (LB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only project files on this computer can be opened."));
    }
  else
    {
      lb_generation_next (&self->load_generation);
      if (self->load_job != NULL)
        lb_job_cancel (self->load_job);
      g_clear_object (&self->load_job);
      lb_workbench_load_project (self->workbench, path, &local);
    }
  if (local != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the project: %s"), local->message);

      lb_window_show_error (self, message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  lb_window_show_error (self, NULL);
  add_recent_project (path);
  lb_window_load_project_data (self);
  lb_window_project_changed (self, LB_WORKBENCH_CHANGED_FILE);
  lb_window_show_page (self, lb_workbench_get_target (self->workbench) != NULL ? LB_STEP_FRAME : LB_STEP_DATA);
  return TRUE;
}

gboolean
lb_window_save_project (LbWindow   *self,
                        const char *path,
                        GError    **error)
{
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (LB_IS_WINDOW (self), FALSE);

  if (path == NULL)
    path = lb_workbench_get_file (self->workbench);
  if (path == NULL)
    {
      lb_window_show_save_as_dialog (self);
      return FALSE;
    }
  if (!lb_workbench_save (self->workbench, path, &local))
    {
      lb_window_show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  add_recent_project (lb_workbench_get_file (self->workbench));
  {
    g_autofree char *base = g_path_get_basename (path);
    g_autofree char *note = g_strdup_printf (_("Saved %s"), base);

    lb_job_bar_flash (self->job_bar, note);
  }
  return TRUE;
}

typedef enum
{
  AFTER_NOTHING,
  AFTER_CLOSE,
  AFTER_NEW,
  AFTER_OPEN,
} AfterSave;

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     LbWindow        *self)
{
  AfterSave after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "lb-after"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL && !g_str_has_suffix (path, PROJECT_SUFFIX) && !g_str_has_suffix (path, ".json"))
        {
          char *with = g_strconcat (path, PROJECT_SUFFIX, NULL);

          g_free (path);
          path = with;
        }
      if (path != NULL && lb_window_save_project (self, path, NULL))
        {
          if (after == AFTER_CLOSE)
            {
              self->close_confirmed = TRUE;
              gtk_window_close (GTK_WINDOW (self));
            }
          else if (after == AFTER_NEW)
            lb_window_new_project (self);
          else if (after == AFTER_OPEN)
            lb_window_show_open_project_dialog (self);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
show_save_as (LbWindow  *self,
              AfterSave  after)
{
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  const char *file = lb_workbench_get_file (self->workbench);
  const char *name = lb_workbench_get_name (self->workbench);
  g_autofree char *suggested = NULL;

  dialog = gtk_file_chooser_native_new (_("Save the Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Learnbench projects"));
  gtk_file_filter_add_pattern (filter, "*" PROJECT_SUFFIX);
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (file != NULL)
    suggested = g_path_get_basename (file);
  else
    suggested = g_strconcat (name != NULL ? name : _("project"), PROJECT_SUFFIX, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  g_object_set_data (G_OBJECT (dialog), "lb-after", GINT_TO_POINTER (after));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
lb_window_show_save_as_dialog (LbWindow *self)
{
  g_return_if_fail (LB_IS_WINDOW (self));

  show_save_as (self, AFTER_NOTHING);
}

static void
open_project_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          LbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        lb_window_open_project (self, file, NULL);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
lb_window_show_open_project_dialog (LbWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (LB_IS_WINDOW (self));

  dialog = gtk_file_chooser_native_new (_("Open a Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Learnbench projects"));
  gtk_file_filter_add_pattern (filter, "*" PROJECT_SUFFIX);
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_project_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* --- "save changes?" --- */

enum { RESPONSE_DISCARD = 1, RESPONSE_SAVE = 2 };

GtkWidget *
lb_window_get_close_dialog (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);

  return self->close_dialog;
}

static void
do_after (LbWindow  *self,
          AfterSave  after)
{
  switch (after)
    {
    case AFTER_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case AFTER_NEW:
      lb_window_new_project (self);
      break;
    case AFTER_OPEN:
      lb_window_show_open_project_dialog (self);
      break;
    case AFTER_NOTHING:
    default:
      break;
    }
}

static void
ask_response_cb (GtkDialog *dialog,
                 int        response,
                 LbWindow  *self)
{
  AfterSave after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "lb-after"));

  self->close_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == RESPONSE_DISCARD)
    do_after (self, after);
  else if (response == RESPONSE_SAVE)
    {
      if (lb_workbench_get_file (self->workbench) == NULL)
        show_save_as (self, after);
      else if (lb_window_save_project (self, NULL, NULL))
        do_after (self, after);
    }
}

/* Asks before unsaved work would be lost; runs @after at once when nothing is. */
static void
ask_then (LbWindow  *self,
          AfterSave  after)
{
  GtkWidget *dialog;
  g_autofree char *secondary = NULL;

  if (!lb_workbench_get_dirty (self->workbench))
    {
      do_after (self, after);
      return;
    }
  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save the changes to “%s”?"),
                                   lb_window_get_title_text (self) + (lb_workbench_get_dirty (self->workbench)
                                                                      ? strlen ("• ") : 0));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you do not save, the changes since the last save are lost."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("Do_n’t Save"), RESPONSE_DISCARD);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save"), RESPONSE_SAVE);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE);
  g_object_set_data (G_OBJECT (dialog), "lb-after", GINT_TO_POINTER (after));
  g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), self);
  self->close_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
close_request_cb (GtkWindow *window,
                  LbWindow  *self)
{
  if (self->close_confirmed || !lb_workbench_get_dirty (self->workbench))
    return FALSE;
  ask_then (self, AFTER_CLOSE);
  return TRUE;  /* kept open until the user answers */
}

/* --- actions --- */

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ask_then (LB_WINDOW (widget), AFTER_NEW);
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ask_then (LB_WINDOW (widget), AFTER_OPEN);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lb_window_save_project (LB_WINDOW (widget), NULL, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lb_window_show_save_as_dialog (LB_WINDOW (widget));
}

void
lb_window_install_project_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
}

/* --- setup --- */

static GtkWidget *
banner_new (GtkMessageType type,
            GtkWidget    **label)
{
  GtkWidget *bar = gtk_info_bar_new ();

  gtk_info_bar_set_message_type (GTK_INFO_BAR (bar), type);
  gtk_info_bar_set_show_close_button (GTK_INFO_BAR (bar), TRUE);
  *label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (*label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (*label), 0.0);
  gtk_widget_set_hexpand (*label, TRUE);
  gtk_info_bar_add_child (GTK_INFO_BAR (bar), *label);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (bar), FALSE);
  gtk_widget_set_visible (bar, FALSE);
  return bar;
}

void
lb_window_project_init (LbWindow *self)
{
  GtkWidget *content = gtk_widget_get_parent (self->banner);

  self->missing_banner = banner_new (GTK_MESSAGE_WARNING, &self->missing_label);
  gtk_info_bar_add_button (GTK_INFO_BAR (self->missing_banner), _("_Locate…"), GTK_RESPONSE_ACCEPT);
  g_signal_connect (self->missing_banner, "response", G_CALLBACK (missing_response_cb), self);
  gtk_box_insert_child_after (GTK_BOX (content), self->missing_banner, self->banner);

  self->recover_banner = banner_new (GTK_MESSAGE_QUESTION, &self->recover_label);
  gtk_info_bar_add_button (GTK_INFO_BAR (self->recover_banner), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_info_bar_add_button (GTK_INFO_BAR (self->recover_banner), _("_Recover"), GTK_RESPONSE_ACCEPT);
  g_signal_connect (self->recover_banner, "response", G_CALLBACK (recover_response_cb), self);
  gtk_box_insert_child_after (GTK_BOX (content), self->recover_banner, self->missing_banner);

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), self);
  lb_window_update_title (self);
  lb_window_project_changed (self, 0);  /* a shared, dirty project keeps being autosaved */
  offer_recovery (self);
}

void
lb_window_project_dispose (LbWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  /* the window closes normally: its autosave is not needed (a killed
   * session never gets here, and leaves its autosave to recover) */
  remove_autosave (self);
  if (self->close_dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->close_dialog));
      self->close_dialog = NULL;
    }
  g_clear_pointer (&self->missing_data, g_free);
  g_clear_pointer (&self->recover_path, g_free);
}
