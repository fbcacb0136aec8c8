/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-window-project.c: the window as a project, under Xvfb: the eight-step
 * sidebar with its done marks and the status area; the Frame page driving
 * the workbench; "Create a test set" with the book's proportions table and
 * the seal (Explore gets the training rows); save, the dirty mark, and a
 * reopened project restoring every page; a missing data file asked for; the
 * "save changes?" question on close; and the autosave of a process that is
 * really killed (SIGKILL) offered and recovered by the next window.
 *
 * LB_SCREENSHOT_DIR=/some/dir makes it save screenshots (import -window
 * root) of each state, named wb-*.png, for looking at the pages.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>

#include "lb-data-page.h"
#include "lb-explore-page.h"
#include "lb-frame-page.h"
#include "lb-split-panel.h"
#include "lb-test-util.h"
#include "lb-window.h"

/* --- helpers --- */


static gboolean
spin_until (gboolean (*done) (gpointer), gpointer data, double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static void
spin_for (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Texts are checked in English; LANGUAGE=zh_CN runs only take screenshots of them. */
static gboolean
english (void)
{
  return g_getenv ("LANGUAGE") == NULL;
}

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("LB_SCREENSHOT_DIR");
  g_autofree char *path = NULL, *command = NULL;

  if (dir == NULL)
    return;
  spin_for (1.5);  /* let the crossfades end */
  if (!english ())
    {
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".png"));
      g_autofree char *zh = g_strconcat (stem, "-zh.png", NULL);

      path = g_build_filename (dir, zh, NULL);
    }
  else
    path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root '%s'", path);
  if (system (command) != 0)
    g_test_message ("screenshot %s failed", path);
}

static gboolean
load_finished (gpointer data)
{
  return lb_window_get_load_job (data) == NULL && lb_window_get_table (data) != NULL;
}

static LbWindow *
window_new_shown (void)
{
  LbWindow *window = lb_window_new (NULL);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  spin_for (0.2);
  return window;
}

static void
window_free (LbWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  spin_for (0.05);
}

/* Opens housing.csv as a user would (a job); FALSE (skipped) without it. */
static gboolean
open_housing (LbWindow *window)
{
  g_autofree char *path = lb_test_data_file ("housing/housing.csv");
  g_autoptr (GFile) file = NULL;

  if (path == NULL)
    return FALSE;
  file = g_file_new_for_path (path);
  lb_window_open_file (window, file);
  g_assert_true (spin_until (load_finished, window, 30.0));
  return TRUE;
}

static gboolean
preview_done (gpointer data)
{
  return lb_split_panel_get_job (data) == NULL && lb_split_panel_get_n_bins (data) > 0;
}

static LbSplitPanel *
split_panel (LbWindow *window)
{
  return LB_SPLIT_PANEL (lb_data_page_get_split_panel (lb_window_get_data_page (window)));
}

/* The book's flow up to the sealed test set. */
static void
frame_and_split (LbWindow *window)
{
  LbFramePage *frame = LB_FRAME_PAGE (lb_window_get_page (window, LB_STEP_FRAME));
  LbSplitPanel *panel = split_panel (window);

  g_assert_true (lb_frame_page_choose_target (frame, "median_house_value"));
  lb_frame_page_set_notes_text (frame, "Predict a district's median house price.");
  lb_split_panel_set_method (panel, "stratified");
  g_assert_true (lb_split_panel_set_column (panel, "median_income"));
  lb_split_panel_set_edges (panel, "0, 1.5, 3, 4.5, 6, inf");
  g_assert_true (lb_split_panel_create (panel));
}

/* --- tests --- */

static void
test_sidebar (void)
{
  LbWindow *window = window_new_shown ();
  LbWorkbench *wb = lb_window_get_workbench (window);
  const char * const *steps = lb_workbench_list_steps ();
  const char *status;

  g_assert_cmpuint (g_strv_length ((char **) steps), ==, 8);
  for (guint i = 0; steps[i] != NULL; i++)
    g_assert_false (lb_window_get_step_marked (window, steps[i]));
  /* the pages of this part (the others' pages have their own tests) */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_nonnull (lb_window_get_page (window, steps[i]));
      lb_window_show_page (window, steps[i]);
      g_assert_cmpstr (lb_window_get_visible_page (window), ==, steps[i]);
    }
  lb_workbench_set_step_done (wb, LB_STEP_SHORTLIST, TRUE);
  g_assert_true (lb_window_get_step_marked (window, LB_STEP_SHORTLIST));
  lb_workbench_set_step_done (wb, LB_STEP_SHORTLIST, FALSE);
  g_assert_false (lb_window_get_step_marked (window, LB_STEP_SHORTLIST));

  /* the status area: only the CPU trains now, with OpenBLAS's threads */
  status = lb_window_get_status_text (window);
  if (english ())
    g_assert_nonnull (strstr (status, "CPU"));
  if (english ())
    g_assert_nonnull (strstr (status, "OpenBLAS"));
  {
    g_autofree char *threads = g_strdup_printf ("%u thread", lb_blas_get_default_threads ());

    if (english ())
      g_assert_nonnull (strstr (status, threads));
  }
  /* a page's job shows in the job bar through the workbench */
  {
    g_autoptr (LbJob) job = lb_job_new ("a page's job", NULL, NULL, NULL, NULL);

    lb_workbench_track_job (wb, job);
    g_assert_true (lb_job_bar_get_job (lb_window_get_job_bar (window)) == job);
    lb_job_bar_set_job (lb_window_get_job_bar (window), NULL);
  }
  window_free (window);
}

static void
test_frame_and_split (void)
{
  LbWindow *window = window_new_shown ();
  LbWorkbench *wb = lb_window_get_workbench (window);
  LbFramePage *frame;
  LbSplitPanel *panel;
  g_auto (GStrv) scorings = NULL;

  if (!open_housing (window))
    {
      window_free (window);
      return;
    }
  g_assert_false (lb_workbench_get_dirty (wb));  /* only data in an empty window */
  lb_window_show_page (window, LB_STEP_FRAME);
  frame = LB_FRAME_PAGE (lb_window_get_page (window, LB_STEP_FRAME));
  screenshot ("wb-frame-empty.png");

  /* the target sets the task and the measure */
  g_assert_true (lb_frame_page_choose_target (frame, "ocean_proximity"));
  g_assert_cmpint (lb_workbench_get_task (wb), ==, LB_TASK_MULTICLASS);
  g_assert_false (lb_frame_page_get_positive_visible (frame));
  g_assert_true (lb_frame_page_choose_task (frame, LB_TASK_BINARY));
  g_assert_true (lb_frame_page_get_positive_visible (frame));
  g_assert_true (lb_frame_page_choose_positive_class (frame, "INLAND"));
  g_assert_cmpstr (lb_workbench_get_positive_class (wb), ==, "INLAND");
  if (english ())
    g_assert_nonnull (strstr (lb_frame_page_get_detected_text (frame), "Changed"));
  screenshot ("wb-frame-binary.png");
  g_assert_true (lb_frame_page_choose_target (frame, "median_house_value"));
  g_assert_cmpint (lb_workbench_get_task (wb), ==, LB_TASK_REGRESSION);
  scorings = lb_frame_page_dup_scorings (frame);
  g_assert_cmpstr (scorings[0], ==, "neg_root_mean_squared_error");
  g_assert_true (g_strv_contains ((const char * const *) scorings, "r2"));
  g_assert_false (g_strv_contains ((const char * const *) scorings, "accuracy"));
  g_assert_true (lb_frame_page_choose_scoring (frame, "neg_mean_absolute_error"));
  g_assert_cmpstr (lb_workbench_get_scoring (wb), ==, "neg_mean_absolute_error");
  g_assert_true (lb_frame_page_choose_scoring (frame, "neg_root_mean_squared_error"));
  lb_frame_page_set_notes_text (frame, "Predict a district's median house price.");
  g_assert_cmpstr (lb_workbench_get_notes (wb), ==, "Predict a district's median house price.");
  g_assert_true (lb_window_get_step_marked (window, LB_STEP_FRAME));
  g_assert_true (lb_workbench_get_dirty (wb));
  g_assert_true (g_str_has_prefix (lb_window_get_title_text (window), "• "));
  screenshot ("wb-frame-regression.png");

  /* Create a test set: the proportions table first (a job) */
  lb_window_show_page (window, LB_STEP_DATA);
  lb_data_page_show_view (lb_window_get_data_page (window), "split");
  panel = split_panel (window);
  lb_split_panel_set_method (panel, "stratified");
  g_assert_true (lb_split_panel_set_column (panel, "median_income"));
  lb_split_panel_set_edges (panel, "0, 1.5, 3, 4.5, 6, inf");
  g_assert_true (spin_until (preview_done, panel, 20.0));
  g_assert_cmpuint (lb_split_panel_get_n_bins (panel), ==, 5);
  /* /usr/bin/python3: overall income_cat counts 822 6581 7236 3639 2362 of
   * 20640 → 3.98 31.88 35.06 17.63 11.44 %; StratifiedShuffleSplit test
   * counts 165 1316 1447 728 472 of 4128 → 4.00 31.88 35.05 17.64 11.43 %
   * (the engine reproduces scikit-learn's per-stratum counts: exact) */
  g_assert_cmpstr (lb_split_panel_get_cell (panel, 0, 0), ==, "(0, 1.5]");
  g_assert_cmpstr (lb_split_panel_get_cell (panel, 0, 1), ==, "3.98");
  g_assert_cmpstr (lb_split_panel_get_cell (panel, 0, 2), ==, "4.00");
  g_assert_cmpstr (lb_split_panel_get_cell (panel, 2, 1), ==, "35.06");
  g_assert_cmpstr (lb_split_panel_get_cell (panel, 2, 2), ==, "35.05");
  g_assert_cmpstr (lb_split_panel_get_cell (panel, 4, 0), ==, "(6, ∞]");
  g_assert_cmpstr (lb_split_panel_get_cell (panel, 4, 2), ==, "11.43");
  /* the book: stratified error of the first category +0.36 % */
  g_assert_cmpstr (lb_split_panel_get_cell (panel, 0, 4), ==, "+0.36");
  screenshot ("wb-split-preview.png");

  /* a bad edge is refused next to the form */
  lb_split_panel_set_edges (panel, "0, 3, 1.5");
  g_assert_false (lb_split_panel_create (panel));
  g_assert_nonnull (lb_split_panel_get_error (panel));
  lb_split_panel_set_edges (panel, "0, 1.5, 3, 4.5, 6, inf");

  g_assert_true (lb_split_panel_create (panel));
  g_assert_null (lb_split_panel_get_error (panel));
  g_assert_true (lb_workbench_get_sealed (wb));
  g_assert_true (lb_window_get_step_marked (window, LB_STEP_DATA));
  if (english ())
    g_assert_nonnull (strstr (lb_split_panel_get_status (panel), "Sealed"));
  /* everything the learner sees is the training rows */
  g_assert_cmpuint (lb_table_get_n_rows (lb_data_page_get_table (lb_window_get_data_page (window))), ==, 16512);
  g_assert_cmpuint (lb_table_get_n_rows (lb_explore_page_get_table (LB_EXPLORE_PAGE (lb_window_get_explore_page (window)))),
                    ==, 16512);
  g_assert_cmpuint (lb_table_get_n_rows (lb_window_get_table (window)), ==, 20640);
  g_assert_true (spin_until (preview_done, panel, 20.0));
  screenshot ("wb-split-sealed.png");
  lb_window_show_page (window, LB_STEP_EXPLORE);
  g_assert_true (lb_window_get_step_marked (window, LB_STEP_EXPLORE));
  screenshot ("wb-explore-train.png");

  /* opened, then a new split: it warns first */
  lb_workbench_unseal (wb, "final evaluation");
  lb_window_show_page (window, LB_STEP_DATA);
  if (english ())
    g_assert_nonnull (strstr (lb_split_panel_get_status (panel), "Unsealed"));
  lb_split_panel_set_method (panel, "random");
  g_assert_false (lb_split_panel_create (panel));
  g_assert_nonnull (lb_split_panel_get_confirm_dialog (panel));
  screenshot ("wb-split-warning.png");
  gtk_dialog_response (GTK_DIALOG (lb_split_panel_get_confirm_dialog (panel)), GTK_RESPONSE_ACCEPT);
  g_assert_null (lb_split_panel_get_confirm_dialog (panel));
  g_assert_true (lb_workbench_get_sealed (wb));
  g_assert_cmpstr (json_object_get_string_member (lb_workbench_get_split (wb), "kind"), ==, "random");

  window_free (window);
}

static void
test_save_reopen (void)
{
  LbWindow *window = window_new_shown ();
  LbWindow *again;
  LbWorkbench *wb = lb_window_get_workbench (window);
  g_autofree char *dir = g_dir_make_tmp ("lb-window-project-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "housing.lbproject", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbSplit) rows = NULL;
  g_autoptr (LbProject) project = NULL;

  if (!open_housing (window))
    {
      window_free (window);
      return;
    }
  frame_and_split (window);
  {
    /* what the Shortlist page would add */
    g_autoptr (JsonArray) models = json_array_new ();
    JsonObject *model = json_object_new ();

    json_object_set_string_member (model, "name", "lin_reg");
    json_object_set_string_member (model, "estimator", "LinearRegression");
    json_object_set_object_member (model, "params", json_object_new ());
    json_array_add_object_element (models, model);
    lb_workbench_set_models (wb, models);
  }
  lb_workbench_set_step_done (wb, LB_STEP_SHORTLIST, TRUE);
  rows = lb_split_ref (lb_workbench_get_split_rows (wb));
  g_assert_true (lb_window_save_project (window, path, &error));
  g_assert_no_error (error);
  g_assert_false (lb_workbench_get_dirty (wb));
  g_assert_cmpstr (lb_window_get_title_text (window), ==, "housing");  /* the file's name */
  g_assert_null (lb_window_get_autosave_path (window));
  window_free (window);

  /* `learnbench run` reads it */
  project = lb_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (project->target, ==, "median_house_value");

  /* a new window restores every page, and loads the data as a job */
  again = window_new_shown ();
  g_assert_true (lb_window_open_project (again, file, &error));
  g_assert_no_error (error);
  g_assert_true (spin_until (load_finished, again, 30.0));
  wb = lb_window_get_workbench (again);
  g_assert_false (lb_workbench_get_dirty (wb));
  g_assert_cmpstr (lb_workbench_get_target (wb), ==, "median_house_value");
  g_assert_cmpint (lb_workbench_get_task (wb), ==, LB_TASK_REGRESSION);
  g_assert_cmpstr (lb_workbench_get_notes (wb), ==, "Predict a district's median house price.");
  g_assert_true (lb_workbench_get_sealed (wb));
  g_assert_true (lb_window_get_step_marked (again, LB_STEP_FRAME));
  g_assert_true (lb_window_get_step_marked (again, LB_STEP_DATA));
  g_assert_true (lb_window_get_step_marked (again, LB_STEP_SHORTLIST));
  g_assert_false (lb_window_get_step_marked (again, LB_STEP_FINETUNE));
  g_assert_cmpuint (lb_split_get_n_test (lb_workbench_get_split_rows (wb)), ==, lb_split_get_n_test (rows));
  g_assert_cmpmem (lb_split_get_test (lb_workbench_get_split_rows (wb), NULL),
                   lb_split_get_n_test (rows) * sizeof (guint),
                   lb_split_get_test (rows, NULL), lb_split_get_n_test (rows) * sizeof (guint));
  g_assert_cmpuint (lb_table_get_n_rows (lb_explore_page_get_table (LB_EXPLORE_PAGE (lb_window_get_explore_page (again)))),
                    ==, 16512);
  lb_window_show_page (again, LB_STEP_DATA);
  lb_data_page_show_view (lb_window_get_data_page (again), "split");
  g_assert_true (spin_until (preview_done, split_panel (again), 20.0));
  screenshot ("wb-reopened.png");

  /* the dirty mark, and closing asks */
  lb_workbench_set_notes (wb, "changed");
  g_assert_true (g_str_has_prefix (lb_window_get_title_text (again), "• "));
  {
    GtkWidget *weak = GTK_WIDGET (again);

    g_object_add_weak_pointer (G_OBJECT (again), (gpointer *) &weak);
    gtk_window_close (GTK_WINDOW (again));
    spin_for (0.1);
    g_assert_nonnull (weak);
    g_assert_nonnull (lb_window_get_close_dialog (again));
    screenshot ("wb-close-asks.png");
    gtk_dialog_response (GTK_DIALOG (lb_window_get_close_dialog (again)), 1 /* Don't save */);
    spin_for (0.1);
    /* closed: the test's reference keeps the object, but it is destroyed */
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (again)));
    g_object_remove_weak_pointer (G_OBJECT (again), (gpointer *) &weak);
  }
  g_object_unref (again);
  spin_for (0.05);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_data (void)
{
  g_autofree char *housing = lb_test_data_file ("housing/housing.csv");
  g_autofree char *dir = g_dir_make_tmp ("lb-window-project-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "moved.lbproject", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) located = NULL;
  g_autoptr (GError) error = NULL;
  LbWindow *window;
  LbWorkbench *wb;

  if (housing == NULL)
    return;
  /* a project made on another machine: the data is elsewhere */
  text = g_strdup ("{\"format\": \"learnbench-project\", \"version\": 1,"
                   " \"data\": {\"path\": \"/nowhere/housing.csv\"},"
                   " \"target\": \"median_house_value\","
                   " \"split\": {\"kind\": \"random\", \"test_size\": 0.2},"
                   " \"models\": [{\"name\": \"lin\", \"estimator\": \"LinearRegression\"}],"
                   " \"workbench\": {\"task\": \"regression\", \"checklist\": [\"frame\", \"data\"]}}");
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = window_new_shown ();
  wb = lb_window_get_workbench (window);
  g_assert_true (lb_window_open_project (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lb_window_get_missing_data (window), ==, "/nowhere/housing.csv");
  g_assert_null (lb_window_get_load_job (window));
  g_assert_null (lb_window_get_error_message (window));  /* asked, not failed */
  g_assert_cmpstr (lb_workbench_get_target (wb), ==, "median_house_value");
  g_assert_true (lb_window_get_step_marked (window, LB_STEP_FRAME));
  screenshot ("wb-missing-data.png");

  located = g_file_new_for_path (housing);
  lb_window_locate_data (window, located);
  g_assert_true (spin_until (load_finished, window, 30.0));
  g_assert_null (lb_window_get_missing_data (window));
  g_assert_cmpstr (lb_workbench_get_target (wb), ==, "median_house_value");
  g_assert_cmpuint (lb_workbench_get_n_test (wb), ==, 4128);
  g_assert_true (lb_workbench_get_dirty (wb));  /* the new place is to be saved */
  window_free (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* A child process builds some work, autosaves, and is killed (SIGKILL): no
 * cleanup runs. The next window offers the autosave and recovers it. */
static void
test_autosave_recover (void)
{
  if (g_test_subprocess ())
    {
      LbWindow *window = window_new_shown ();
      LbWorkbench *wb = lb_window_get_workbench (window);
      g_autoptr (GError) error = NULL;

      lb_window_open_sample (window, "moons");
      g_assert_true (spin_until (load_finished, window, 30.0));
      lb_workbench_set_target (wb, "label");
      lb_workbench_set_notes (wb, "work that was never saved");
      lb_workbench_set_step_done (wb, LB_STEP_FRAME, TRUE);
      g_assert_true (lb_window_autosave (window, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (lb_window_get_autosave_path (window), G_FILE_TEST_IS_REGULAR));
      raise (SIGKILL);
    }
  else
    {
      LbWindow *window, *other;
      LbWorkbench *wb;
      g_autoptr (GError) error = NULL;

      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_failed ();  /* killed */

      window = window_new_shown ();
      g_assert_nonnull (lb_window_get_recoverable (window));
      screenshot ("wb-recover-offer.png");
      g_assert_true (lb_window_recover (window, &error));
      g_assert_no_error (error);
      g_assert_null (lb_window_get_recoverable (window));
      g_assert_true (spin_until (load_finished, window, 30.0));
      wb = lb_window_get_workbench (window);
      g_assert_cmpstr (lb_workbench_get_notes (wb), ==, "work that was never saved");
      g_assert_cmpstr (lb_workbench_get_target (wb), ==, "label");
      g_assert_cmpstr (lb_workbench_get_data_sample (wb), ==, "moons");
      g_assert_null (lb_workbench_get_file (wb));  /* it was never saved */
      g_assert_true (lb_workbench_get_dirty (wb));
      g_assert_true (lb_window_get_step_marked (window, LB_STEP_FRAME));

      /* a live window's autosave is never offered to another window */
      g_assert_true (lb_window_autosave (window, &error));
      other = window_new_shown ();
      g_assert_null (lb_window_get_recoverable (other));
      window_free (other);
      /* and a window closing normally leaves nothing behind */
      {
        g_autofree char *autosave = g_strdup (lb_window_get_autosave_path (window));

        window_free (window);
        g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));
      }
      other = window_new_shown ();
      g_assert_null (lb_window_get_recoverable (other));
      window_free (other);
    }
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run under xvfb-run");
}

int
main (int argc, char **argv)
{
  /* recent files and autosaves in a folder of our own; a subprocess
   * inherits the same one */
  if (g_getenv ("LB_TEST_STATE_DIR") == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("lb-ui-state-XXXXXX", NULL);

      g_setenv ("LB_TEST_STATE_DIR", dir, TRUE);
      g_setenv ("XDG_STATE_HOME", dir, TRUE);
      g_setenv ("XDG_DATA_HOME", dir, TRUE);
    }
  g_test_init (&argc, &argv, NULL);
  /* LANGUAGE=zh_CN (with LEARNBENCH_LOCALEDIR, as meson sets it) shows the
   * pages in Chinese for the screenshots; the checks use English texts */
  if (g_getenv ("LANGUAGE") != NULL && g_getenv ("LEARNBENCH_LOCALEDIR") != NULL)
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LEARNBENCH_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }

  if (!gtk_init_check ())
    {
      g_test_add_func ("/learnbench/ui/WindowProject/no-display", test_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/learnbench/ui/WindowProject/sidebar", test_sidebar);
  g_test_add_func ("/learnbench/ui/WindowProject/frame-and-split", test_frame_and_split);
  g_test_add_func ("/learnbench/ui/WindowProject/save-reopen", test_save_reopen);
  g_test_add_func ("/learnbench/ui/WindowProject/missing-data", test_missing_data);
  g_test_add_func ("/learnbench/ui/WindowProject/autosave-recover", test_autosave_recover);
  return g_test_run ();
}
