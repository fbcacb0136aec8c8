/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-chart-zoom.c: LbChartView's zoom under Xvfb: zooming renders the
 * chart on a larger page (a tree diagram gets readable), keeps the point
 * under the pointer in place, is clamped, exports the zoomed page, and
 * a cleared view fits again.
 */
#include "config.h"

#include <math.h>
#include <glib/gstdio.h>

#include "lb-chart-view.h"
#include "lb-test-util.h"

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

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* A complete binary tree with 6 levels under the root (127 nodes). */
static LbTree *
complete_tree (void)
{
  guint n = 127;
  LbTree *tree = lb_tree_new (n, 2, 2, "gini");

  for (guint i = 0; i < n; i++)
    {
      gboolean leaf = 2 * i + 1 >= n;
      tree->nodes[i] = (LbTreeNode) { leaf ? -1 : (int) (2 * i + 1), leaf ? -1 : (int) (2 * i + 2),
                                      leaf ? -1 : (int) (i % 2), 0.25 * i, 0.4, 64, 64 };
      tree->values[2 * i] = 1 + i % 5;
      tree->values[2 * i + 1] = 3;
    }
  return tree;
}

static void
test_zoom (void)
{
  GtkWidget *window = gtk_window_new ();
  LbChartView *view = LB_CHART_VIEW (lb_chart_view_new ());
  g_autoptr (LbTree) tree = complete_tree ();
  g_autoptr (LbChart) chart = lb_chart_new_tree (tree, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("lb-zoom-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tree.png", NULL);
  cairo_surface_t *png;
  guint count;
  int w, h;

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  lb_chart_view_set_chart (view, chart);
  g_assert_true (spin_until_drawn (view, 0, 5000));
  spin_for (150);
  g_assert_cmpfloat (lb_chart_view_get_zoom (view), ==, 1.0);
  w = gtk_widget_get_width (GTK_WIDGET (view));
  h = gtk_widget_get_height (GTK_WIDGET (view));
  g_assert_cmpint (w, >, 100);

  /* zooming renders again, at the new zoom */
  count = lb_chart_view_get_draw_count (view);
  lb_chart_view_set_zoom (view, 4.0, w / 2.0, h / 2.0);
  g_assert_cmpfloat (lb_chart_view_get_zoom (view), ==, 4.0);
  g_assert_true (spin_until_drawn (view, count, 5000));

  /* the export is the whole zoomed page */
  g_assert_true (lb_chart_view_export_to_file (view, path, NULL));
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("view %d x %d, zoomed export %d x %d", w, h,
                  cairo_image_surface_get_width (png), cairo_image_surface_get_height (png));
  g_assert_cmpint (abs (cairo_image_surface_get_width (png) - 4 * gtk_widget_get_width (GTK_WIDGET (view))), <=, 8);
  cairo_surface_destroy (png);
  g_unlink (path);
  g_rmdir (dir);

  /* clamped: at most 40x, and a page of at most 90000 px */
  lb_chart_view_set_zoom (view, 1000, 0, 0);
  g_assert_cmpfloat (lb_chart_view_get_zoom (view), ==, MIN (40.0, 90000.0 / MAX (w, h)));
  lb_chart_view_set_zoom (view, 0.1, 0, 0);
  g_assert_cmpfloat (lb_chart_view_get_zoom (view), ==, 1.0);

  /* another tree keeps the zoom (a live view); another kind of chart fits */
  lb_chart_view_set_zoom (view, 3, 0, 0);
  {
    g_autoptr (LbChart) again = lb_chart_new_tree (tree, NULL, NULL);
    double x[2] = { 0, 1 }, y[2] = { 0, 1 };
    LbLineSeries s = { NULL, x, y, 2, LB_LINE_STYLE_LINES, NULL, NULL, 0 };
    g_autoptr (LbChart) lines = lb_chart_new_lines (&s, 1, NULL, NULL);

    lb_chart_view_set_chart (view, again);
    g_assert_cmpfloat (lb_chart_view_get_zoom (view), ==, 3.0);
    lb_chart_view_set_chart (view, lines);
    g_assert_cmpfloat (lb_chart_view_get_zoom (view), ==, 1.0);
  }

  /* a cleared view fits again */
  lb_chart_view_set_zoom (view, 3, 0, 0);
  lb_chart_view_set_chart (view, NULL);
  g_assert_cmpfloat (lb_chart_view_get_zoom (view), ==, 1.0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_display (void)
{
  g_test_skip ("no display (run under xvfb-run)");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/learnbench/ui/ChartView/zoom/no-display", test_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/learnbench/ui/ChartView/zoom", test_zoom);
  return g_test_run ();
}
