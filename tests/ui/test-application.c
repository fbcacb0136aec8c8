/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-application.c: LbApplication as the command line drives it:
 * `learnbench --sample moons` and `learnbench FILE` open a window on that
 * table; the app actions and their shortcuts are installed. Needs a display.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "lb-application.h"
#include "lb-window.h"

typedef struct
{
  gsize   rows;
  guint   columns;
  char   *source;
  char   *error;
  guint   polls;
} RunResult;

static gboolean
poll_cb (gpointer user_data)
{
  GApplication *app = user_data;
  RunResult *result = g_object_get_data (G_OBJECT (app), "result");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  result->polls++;
  if (LB_IS_WINDOW (window) && lb_window_get_load_job (LB_WINDOW (window)) == NULL
      && (lb_window_get_table (LB_WINDOW (window)) != NULL
          || lb_window_get_error_message (LB_WINDOW (window)) != NULL))
    {
      LbTable *table = lb_window_get_table (LB_WINDOW (window));

      if (table != NULL)
        {
          result->rows = lb_table_get_n_rows (table);
          result->columns = lb_table_get_n_columns (table);
          result->source = g_strdup (lb_table_get_source (table));
        }
      result->error = g_strdup (lb_window_get_error_message (LB_WINDOW (window)));
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      return G_SOURCE_REMOVE;
    }
  if (result->polls > 2000)  /* 20 s */
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
startup_cb (GApplication *app)
{
  g_timeout_add (10, poll_cb, app);
}

static void
run_app (int argc, const char **argv, RunResult *result)
{
  g_autoptr (LbApplication) app = lb_application_new ();
  int status;

  /* a fresh, non-unique instance per run: no D-Bus name is needed */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "result", result);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  status = g_application_run (G_APPLICATION (app), argc, (char **) argv);
  g_assert_cmpint (status, ==, 0);
}

static void
test_sample_option (void)
{
  const char *argv[] = { "learnbench", "--sample", "moons", NULL };
  RunResult result = { 0 };

  run_app (3, argv, &result);
  g_assert_null (result.error);
  /* lb_generate_moons: 500 points, columns x1, x2, label */
  g_assert_cmpuint (result.rows, ==, 500);
  g_assert_cmpuint (result.columns, ==, 3);
  g_free (result.source);
}

static void
test_open_file (void)
{
  g_autofree char *path = g_build_filename (LB_SOURCE_DIR, "tests", "ui", "fixtures", "small.csv", NULL);
  const char *argv[] = { "learnbench", path, NULL };
  RunResult result = { 0 };

  run_app (2, argv, &result);
  g_assert_null (result.error);
  g_assert_cmpuint (result.rows, ==, 5);
  g_assert_cmpuint (result.columns, ==, 4);
  g_free (result.source);
}

static void
test_unknown_sample (void)
{
  const char *argv[] = { "learnbench", "--sample", "no-such-sample", NULL };
  RunResult result = { 0 };

  run_app (3, argv, &result);
  g_assert_nonnull (result.error);
  g_assert_nonnull (strstr (result.error, "no-such-sample"));
  g_free (result.error);
}

static void
test_actions (void)
{
  g_autoptr (LbApplication) app = lb_application_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) open_accels = NULL;
  g_auto (GStrv) quit_accels = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (app)), ==, "org.learnbench.Learnbench");
  g_assert_true (g_application_get_flags (G_APPLICATION (app)) & G_APPLICATION_HANDLES_OPEN);
  for (const char * const *name = (const char * const[]) { "open", "open-sample", "about", "quit", NULL };
       *name != NULL; name++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), *name));
  open_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.open");
  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (open_accels[0], ==, "<Control>o");
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");
}

/* app.language rebuilds the windows in the chosen language on the same table */
static gboolean
language_poll_cb (gpointer user_data)
{
  GApplication *app = user_data;
  RunResult *result = g_object_get_data (G_OBJECT (app), "result");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  LbTable *table;
  GtkWidget *page;

  if (++result->polls > 2000 || !LB_IS_WINDOW (window))
    goto quit;
  if (lb_window_get_load_job (LB_WINDOW (window)) != NULL
      || lb_window_get_table (LB_WINDOW (window)) == NULL)
    return G_SOURCE_CONTINUE;

  table = lb_window_get_table (LB_WINDOW (window));
  g_action_group_change_action_state (G_ACTION_GROUP (app), "language", g_variant_new_string ("zh_CN"));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LB_IS_WINDOW (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (lb_window_get_table (LB_WINDOW (window)) == table);
  page = GTK_WIDGET (lb_window_get_data_page (LB_WINDOW (window)));
  result->source = g_strdup (gtk_stack_page_get_title (
    gtk_stack_get_page (GTK_STACK (gtk_widget_get_parent (page)), page)));
  g_action_group_change_action_state (G_ACTION_GROUP (app), "language", g_variant_new_string ("en"));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  page = GTK_WIDGET (lb_window_get_data_page (LB_WINDOW (window)));
  result->error = g_strdup (gtk_stack_page_get_title (
    gtk_stack_get_page (GTK_STACK (gtk_widget_get_parent (page)), page)));
  result->rows = lb_table_get_n_rows (lb_window_get_table (LB_WINDOW (window)));

quit:
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
language_startup_cb (GApplication *app)
{
  g_timeout_add (10, language_poll_cb, app);
}

static void
test_language (void)
{
  const char *argv[] = { "learnbench", "--sample", "moons", NULL };
  g_autoptr (LbApplication) app = lb_application_new ();
  RunResult result = { 0 };
  g_autofree char *settings = NULL;
  g_autofree char *saved = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "result", &result);
  g_signal_connect (app, "startup", G_CALLBACK (language_startup_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, (char **) argv), ==, 0);

  /* po/zh_CN.po: "Get the data" = "获取数据" */
  g_assert_cmpstr (result.source, ==, "获取数据");
  g_assert_cmpstr (result.error, ==, "Get the data");
  g_assert_cmpuint (result.rows, ==, 500);
  /* remembered for the next start */
  settings = g_build_filename (g_get_user_config_dir (), "learnbench", "settings.ini", NULL);
  g_assert_true (g_file_get_contents (settings, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "language=en"));
  g_free (result.source);
  g_free (result.error);
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run under xvfb-run");
}

int
main (int argc, char **argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("lb-app-data-XXXXXX", NULL);

  if (data_home != NULL)
    {
      g_autofree char *config = g_build_filename (data_home, "config", NULL);
      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
      g_setenv ("XDG_CONFIG_HOME", config, TRUE);  /* app.language writes settings.ini */
    }
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);
  /* as main.c does: our catalogue (tests/meson.build points at build/po) */
  setlocale (LC_ALL, "");
  if (g_getenv ("LEARNBENCH_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LEARNBENCH_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* As in main.c, an LbApplication exists before GTK starts (and translates
   * its first string): that is when it settles that the process translates. */
  g_object_unref (lb_application_new ());
  if (!gtk_init_check ())
    {
      g_test_add_func ("/learnbench/ui/Application/no-display", test_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/learnbench/ui/Application/actions", test_actions);
  g_test_add_func ("/learnbench/ui/Application/sample-option", test_sample_option);
  g_test_add_func ("/learnbench/ui/Application/open-file", test_open_file);
  g_test_add_func ("/learnbench/ui/Application/unknown-sample", test_unknown_sample);
  g_test_add_func ("/learnbench/ui/Application/language", test_language);
  return g_test_run ();
}
