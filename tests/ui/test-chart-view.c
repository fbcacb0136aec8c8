/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-chart-view.c: LbChartView in a real window under Xvfb: it draws a
 * chart, paints its cache instead of rendering again on a plain redraw,
 * renders again for a new chart, shows messages instead of a chart, and
 * exports PNG / SVG / PDF (with the error shown for a bad file name).
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "lb-chart-view.h"
#include "lb-test-util.h"

typedef struct
{
  GtkWidget *window;
  LbChartView *view;
  LbTable *table;
} Fixture;

static LbTable *
make_table (gsize n)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  double *x = g_new (double, n);
  double *y = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    {
      x[i] = sin ((double) i) * 10.0 + (double) (i % 13);
      y[i] = 2.0 * x[i] + cos ((double) i * 0.7);
    }
  g_ptr_array_add (columns, lb_column_new_numeric ("x", x, n));
  g_ptr_array_add (columns, lb_column_new_numeric ("y", y, n));
  return lb_table_new (columns, NULL);
}

static gboolean
spin_until_drawn (LbChartView *view,
                  guint        more_than,
                  guint        timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (lb_chart_view_get_draw_count (view) <= more_than && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return lb_chart_view_get_draw_count (view) > more_than;
}

/* Lets a few frames pass (for "nothing more happened" checks). */
static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->table = make_table (2000);
  g_assert_nonnull (f->table);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 480);
  f->view = LB_CHART_VIEW (lb_chart_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  lb_table_unref (f->table);
}

static void
test_draws_and_caches (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = lb_chart_new_histogram (f->table, "x", LB_BIN_RULE_FIXED, 20, &error);
  g_autoptr (LbChart) other = NULL;
  LbScatterOptions options = { .x = "x", .y = "y" };
  guint count;

  g_assert_no_error (error);
  g_assert_cmpuint (lb_chart_view_get_draw_count (f->view), ==, 0);
  g_assert_nonnull (lb_chart_view_get_shown_message (f->view));   /* the placeholder */

  lb_chart_view_set_chart (f->view, chart);
  g_assert_true (lb_chart_view_get_chart (f->view) == chart);
  g_assert_true (spin_until_drawn (f->view, 0, 5000));
  g_assert_null (lb_chart_view_get_shown_message (f->view));
  spin_for (100);   /* let the window settle at its size */

  /* A redraw at the same size paints the cache: no new render. */
  count = lb_chart_view_get_draw_count (f->view);
  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  spin_for (200);
  g_assert_cmpuint (lb_chart_view_get_draw_count (f->view), ==, count);

  /* A new chart is rendered. */
  other = lb_chart_new_scatter (f->table, &options, &error);
  g_assert_no_error (error);
  lb_chart_view_set_chart (f->view, other);
  g_assert_true (spin_until_drawn (f->view, count, 5000));
}

static void
test_message (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = lb_chart_new_histogram (f->table, "y", LB_BIN_RULE_STURGES, 0, &error);
  guint count;

  g_assert_no_error (error);
  lb_chart_view_set_chart (f->view, chart);
  g_assert_true (spin_until_drawn (f->view, 0, 5000));
  spin_for (100);
  count = lb_chart_view_get_draw_count (f->view);

  /* A message replaces the chart, and nothing is rendered for it. */
  lb_chart_view_set_message (f->view, "Choose two columns");
  g_assert_null (lb_chart_view_get_chart (f->view));
  g_assert_cmpstr (lb_chart_view_get_shown_message (f->view), ==, "Choose two columns");
  spin_for (150);
  g_assert_cmpuint (lb_chart_view_get_draw_count (f->view), ==, count);

  /* Setting a chart again hides the message. */
  lb_chart_view_set_chart (f->view, chart);
  g_assert_null (lb_chart_view_get_shown_message (f->view));
  g_assert_true (spin_until_drawn (f->view, count, 5000));
}

static void
check_file_starts_with (const char *path,
                        const char *magic,
                        gsize       len)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 200);
  g_assert_cmpmem (contents, len, magic, len);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = lb_chart_new_histogram (f->table, "x", LB_BIN_RULE_FIXED, 30, &error);
  g_autofree char *dir = g_dir_make_tmp ("lb-chart-view-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "chart.bmp", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no", "such", "dir", "chart.png", NULL);

  g_assert_nonnull (dir);
  g_assert_no_error (error);

  /* Nothing to export yet. */
  g_assert_false (lb_chart_view_export_to_file (f->view, png, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_nonnull (lb_chart_view_get_status (f->view));

  lb_chart_view_set_chart (f->view, chart);
  g_assert_true (spin_until_drawn (f->view, 0, 5000));

  g_assert_true (lb_chart_view_export_to_file (f->view, png, &error));
  g_assert_no_error (error);
  check_file_starts_with (png, "\x89PNG", 4);
  g_assert_nonnull (strstr (lb_chart_view_get_status (f->view), "chart.png"));
  g_assert_true (lb_chart_view_export_to_file (f->view, svg, &error));
  g_assert_no_error (error);
  check_file_starts_with (svg, "<?xml", 5);
  g_assert_true (lb_chart_view_export_to_file (f->view, pdf, &error));
  g_assert_no_error (error);
  check_file_starts_with (pdf, "%PDF", 4);

  /* An unknown extension and a missing folder: errors, shown in the view. */
  g_assert_false (lb_chart_view_export_to_file (f->view, bad, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_EXPORT);
  g_assert_nonnull (strstr (lb_chart_view_get_status (f->view), error->message));
  g_clear_error (&error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_assert_false (lb_chart_view_export_to_file (f->view, nowhere, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

static LbChart *
build_histogram (gpointer   data,
                 GError   **error)
{
  return lb_chart_new_histogram (data, "y", LB_BIN_RULE_FIXED, 25, error);
}

static LbChart *
build_nothing (gpointer   data,
               GError   **error)
{
  return lb_chart_new_histogram (data, "no such column", LB_BIN_RULE_FIXED, 25, error);
}

/* A chart built in the background arrives later; a chart or message set in
 * the meantime wins over a build still running; a failed build shows why. */
static void
test_build_in_background (Fixture       *f,
                          gconstpointer  data)
{
  gint64 end;

  lb_chart_view_build (f->view, build_histogram, lb_table_ref (f->table),
                       (GDestroyNotify) lb_table_unref, TRUE);
  g_assert_null (lb_chart_view_get_chart (f->view));
  g_assert_nonnull (lb_chart_view_get_shown_message (f->view));   /* "Drawing…" */
  g_assert_true (spin_until_drawn (f->view, 0, 10000));
  g_assert_nonnull (lb_chart_view_get_chart (f->view));
  g_assert_null (lb_chart_view_get_shown_message (f->view));

  /* A chart on show stays while its successor is built; superseded by a
   * message, the build's result is dropped and the message stays. */
  lb_chart_view_build (f->view, build_histogram, lb_table_ref (f->table),
                       (GDestroyNotify) lb_table_unref, TRUE);
  g_assert_nonnull (lb_chart_view_get_chart (f->view));
  g_assert_null (lb_chart_view_get_shown_message (f->view));
  lb_chart_view_set_message (f->view, "Choose two columns");
  lb_job_runner_wait_idle ();
  spin_for (200);
  g_assert_null (lb_chart_view_get_chart (f->view));
  g_assert_cmpstr (lb_chart_view_get_shown_message (f->view), ==, "Choose two columns");

  /* A build that fails, in the background and at once, says why. */
  lb_chart_view_build (f->view, build_nothing, lb_table_ref (f->table),
                       (GDestroyNotify) lb_table_unref, TRUE);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (strstr (lb_chart_view_get_shown_message (f->view), "no such column") == NULL
         && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_nonnull (strstr (lb_chart_view_get_shown_message (f->view), "no such column"));
  lb_chart_view_build (f->view, build_histogram, lb_table_ref (f->table),
                       (GDestroyNotify) lb_table_unref, FALSE);
  g_assert_nonnull (lb_chart_view_get_chart (f->view));
  lb_chart_view_build (f->view, build_nothing, lb_table_ref (f->table),
                       (GDestroyNotify) lb_table_unref, FALSE);
  g_assert_null (lb_chart_view_get_chart (f->view));
  g_assert_nonnull (strstr (lb_chart_view_get_shown_message (f->view), "no such column"));
}

/* The Export button opens a save dialog (GtkFileChooserNative: a GTK dialog
 * here, with no portal) that offers the three formats. */
static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = lb_chart_new_histogram (f->table, "x", LB_BIN_RULE_FIXED, 30, &error);
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  guint before = g_list_model_get_n_items (toplevels);
  GtkFileChooser *chooser = NULL;
  g_autoptr (GListModel) filters = NULL;
  gint64 end;

  g_assert_no_error (error);
  lb_chart_view_set_chart (f->view, chart);
  g_assert_true (spin_until_drawn (f->view, 0, 5000));

  lb_chart_view_export (f->view);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_list_model_get_n_items (toplevels) == before && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window))
        chooser = GTK_FILE_CHOOSER (window);
    }
  g_assert_nonnull (chooser);
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 3);

  /* Cancelling changes nothing. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  spin_for (100);
  g_assert_null (lb_chart_view_get_status (f->view));
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run the ui suite under xvfb-run");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/learnbench/ui/ChartView/no-display", test_no_display);
      return g_test_run ();
    }

  g_test_add ("/learnbench/ui/ChartView/draws-and-caches", Fixture, NULL,
              fixture_set_up, test_draws_and_caches, fixture_tear_down);
  g_test_add ("/learnbench/ui/ChartView/message", Fixture, NULL,
              fixture_set_up, test_message, fixture_tear_down);
  g_test_add ("/learnbench/ui/ChartView/export", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/learnbench/ui/ChartView/export-dialog", Fixture, NULL,
              fixture_set_up, test_export_dialog, fixture_tear_down);
  g_test_add ("/learnbench/ui/ChartView/build-in-background", Fixture, NULL,
              fixture_set_up, test_build_in_background, fixture_tear_down);
  return g_test_run ();
}
