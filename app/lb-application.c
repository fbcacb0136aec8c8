/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-application.c: wires the workbench: one LbWindow per activation,
 * `learnbench FILE…` through GApplication's open, `--sample NAME` through the
 * app.open-sample action (so a second instance forwards it to the first), the
 * app actions and the keyboard shortcuts, and the UI language (app.language:
 * system, English or 简体中文, remembered in ~/.config/learnbench/settings.ini;
 * windows are rebuilt on the same table when it changes). No algorithm, no drawing.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "lb-application.h"
#include "lb-window.h"

struct _LbApplication
{
  GtkApplication parent_instance;

  char          *system_language;  /* $LANGUAGE at start, may be NULL */
};

G_DEFINE_FINAL_TYPE (LbApplication, lb_application, GTK_TYPE_APPLICATION)

static LbWindow *
get_window (LbApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (LB_IS_WINDOW (window))
    return LB_WINDOW (window);
  return lb_window_new (GTK_APPLICATION (self));
}

/* --- actions --- */

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LbWindow *window = get_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  lb_window_show_open_dialog (window);
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LbWindow *window = get_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  lb_window_open_sample (window, g_variant_get_string (parameter, NULL));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *authors[] = { _("The Learnbench contributors"), NULL };

  gtk_show_about_dialog (window,
                         "program-name", "Learnbench",
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("A workbench for machine learning that follows the "
                                       "end-to-end project of Hands-On Machine Learning."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         /* Translators: put your name here, it is shown in the About dialog */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* --- the UI language --- */

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "learnbench", "settings.ini", NULL);
}

static char *
load_language (void)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *path = settings_path ();

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  return g_key_file_get_string (file, "ui", "language", NULL);
}

static void
save_language (const char *language)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;

  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  g_key_file_set_string (file, "ui", "language", language);
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_key_file_save_to_file (file, path, &error))
    g_warning ("Cannot remember the language in %s: %s", path,
               error != NULL ? error->message : g_strerror (errno));
}

/* Makes gettext answer in @language ("" = as the system says). */
static void
apply_language (LbApplication *self,
                const char    *language)
{
  const char *messages;

  if (language == NULL || *language == '\0')
    {
      if (self->system_language != NULL)
        g_setenv ("LANGUAGE", self->system_language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
    }
  else
    g_setenv ("LANGUAGE", language, TRUE);

  /* gettext ignores LANGUAGE in the C locale (see main.c) */
  messages = setlocale (LC_MESSAGES, NULL);
  if (g_getenv ("LANGUAGE") != NULL
      && (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0))
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "");
    }
  /* textdomain() tells gettext that its cached answers are stale */
  textdomain (GETTEXT_PACKAGE);
}

/* GLib decides once, at the first g_dgettext() of the process, whether to
 * translate at all, and says no when the current language has no catalogue
 * (C.UTF-8 in a fresh container, or a language we do not ship). Learnbench
 * switches languages at run time, so that first decision is taken here, with
 * a language we ship current; English msgids are untouched by it. */
static void
prime_translations (void)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  textdomain (GETTEXT_PACKAGE);
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  textdomain (GETTEXT_PACKAGE);
}

/* New windows on the same tables, in the new language; the old ones go. */
static void
rebuild_windows (LbApplication *self)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      LbWindow *old = l->data;
      LbWindow *fresh;
      g_autofree char *page = NULL;

      if (!LB_IS_WINDOW (old))
        continue;
      page = g_strdup (lb_window_get_visible_page (old));
      /* the same project (and table) in a window built in the new language */
      fresh = lb_window_new_for_workbench (GTK_APPLICATION (self), lb_window_get_workbench (old));
      if (page != NULL)
        lb_window_show_page (fresh, page);
      gtk_window_present (GTK_WINDOW (fresh));
      gtk_window_destroy (GTK_WINDOW (old));
    }
  g_list_free (windows);
}

static void
language_change_state (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  LbApplication *self = user_data;
  const char *language = g_variant_get_string (value, NULL);
  g_autoptr (GVariant) current = g_action_get_state (G_ACTION (action));

  if (g_strcmp0 (g_variant_get_string (current, NULL), language) == 0)
    return;
  g_simple_action_set_state (action, value);
  save_language (language);
  apply_language (self, language);
  rebuild_windows (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));
  gboolean asking = FALSE;

  /* destroy (not just hide) so that running jobs are cancelled by their
   * windows; a window with unsaved work is asked to close instead, so it can
   * ask to save (the application ends with its last window) */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;
      windows = windows->next;
      if (LB_IS_WINDOW (window) && lb_workbench_get_dirty (lb_window_get_workbench (LB_WINDOW (window))))
        {
          asking = TRUE;
          gtk_window_close (window);
        }
      else
        gtk_window_destroy (window);
    }
  if (!asking)
    g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "open", open_action, NULL, NULL, NULL, { 0 } },
  { "open-sample", open_sample_action, "s", NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "language", NULL, "s", "''", language_change_state, { 0 } },
};

/* --- GApplication --- */

static void
lb_application_startup (GApplication *application)
{
  GtkApplication *app = GTK_APPLICATION (application);
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.export-chart", { "<Control>e", NULL } },
    { "win.new-project", { "<Control>n", NULL } },
    { "win.open-project", { "<Control><Shift>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (lb_application_parent_class)->startup (application);

  {
    static gsize named = 0;  /* GLib warns when the name is set twice (tests start several apps) */
    if (g_once_init_enter (&named))
      {
        g_set_application_name ("Learnbench");
        g_once_init_leave (&named, 1);
      }
  }
  gtk_window_set_default_icon_name (APPLICATION_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);

  /* the language chosen in the menu last time, unless $LANGUAGE says otherwise */
  {
    LbApplication *self = LB_APPLICATION (application);
    g_autofree char *saved = load_language ();
    const char *state = "";

    if (self->system_language == NULL && saved != NULL && *saved != '\0')
      {
        apply_language (self, saved);
        state = saved;
      }
    else if (g_strcmp0 (self->system_language, "en") == 0
             || g_strcmp0 (self->system_language, "zh_CN") == 0)
      state = self->system_language;
    g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (application),
                                                                            "language")),
                               g_variant_new_string (state));
  }

  /* Running from the build tree: find our icon in the source tree. */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

    if (!gtk_icon_theme_has_icon (theme, APPLICATION_ID))
      {
        g_autofree char *icons = g_build_filename (LB_SOURCE_DIR, "app", "data", "icons", NULL);
        gtk_icon_theme_add_search_path (theme, icons);
      }
  }
}

static void
lb_application_activate (GApplication *application)
{
  gtk_window_present (GTK_WINDOW (get_window (LB_APPLICATION (application))));
}

static void
lb_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  LbWindow *window = get_window (LB_APPLICATION (application));

  gtk_window_present (GTK_WINDOW (window));
  /* one table at a time: the last file named wins, as a second Open would */
  if (n_files > 0)
    {
      GFile *file = files[n_files - 1];
      g_autofree char *scheme = g_file_get_uri_scheme (file);

      /* `learnbench sample:moons`, as the CLI accepts */
      if (g_strcmp0 (scheme, "sample") == 0)
        {
          g_autofree char *uri = g_file_get_uri (file);
          lb_window_open_sample (window, uri + strlen ("sample:"));
        }
      else
        lb_window_open_file (window, file);
    }
}

static int
lb_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  const char *sample = NULL;
  g_autoptr (GError) error = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("learnbench %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (!g_variant_dict_lookup (options, "sample", "&s", &sample))
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-sample",
                                  g_variant_new_string (sample));
  /* the primary instance now shows the sample; a remote one is done */
  return g_application_get_is_remote (application) ? 0 : -1;
}

static void
lb_application_finalize (GObject *object)
{
  g_free (LB_APPLICATION (object)->system_language);
  G_OBJECT_CLASS (lb_application_parent_class)->finalize (object);
}

static void
lb_application_class_init (LbApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lb_application_finalize;

  app_class->startup = lb_application_startup;
  app_class->activate = lb_application_activate;
  app_class->open = lb_application_open;
  app_class->handle_local_options = lb_application_handle_local_options;
}

static void
lb_application_init (LbApplication *self)
{
  static const GOptionEntry entries[] = {
    { "sample", 's', 0, G_OPTION_ARG_STRING, NULL,
      N_("Open a built-in sample data set (moons, circles, blobs, linear, quadratic, "
         "swiss-roll, fashion-mnist, california-housing)"), N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  self->system_language = g_strdup (g_getenv ("LANGUAGE"));
  if (self->system_language != NULL && *self->system_language == '\0')
    g_clear_pointer (&self->system_language, g_free);
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Open the Learnbench workbench, on FILE when given.\n"
      "Headless commands: learnbench describe|plot|bench … (see “learnbench help”)."));
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
}

LbApplication *
lb_application_new (void)
{
  /* before GApplication's class_init, which already translates */
  prime_translations ();
  return g_object_new (LB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
