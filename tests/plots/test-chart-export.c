/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-chart-export.c: charts out of the window: PNG / SVG / PDF files with
 * the right signatures and sizes, errors in words for bad requests (empty or
 * all-missing columns, unknown columns, wrong kinds, bad paths), ranges and
 * page sizes PLplot would exit() on, a cairo_t that is not at the origin, and
 * renders from two threads at once (the PLplot lock).
 */
#include "config.h"

#include "lb-plot-test-util.h"

#include <glib/gstdio.h>

/* --- exports --- */

static void
check_file_starts (const char *path,
                   const char *magic,
                   gsize       min_size)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, min_size);
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
}

static void
test_export (void)
{
  g_autoptr (LbTable) table = two_clusters_table (3000);
  LbScatterOptions options = { .x = "x", .y = "y", .color_by = "value" };
  g_autoptr (LbChart) chart = lb_chart_new_scatter (table, &options, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lb-plots-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.SVG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "chart.gif", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir.png", NULL);
  cairo_surface_t *back;

  g_assert_no_error (error);
  g_assert_true (lb_chart_export (chart, png, 640, 480, &error));
  g_assert_no_error (error);
  g_assert_true (lb_chart_export (chart, svg, 640, 480, &error));
  g_assert_no_error (error);
  g_assert_true (lb_chart_export (chart, pdf, 640, 480, &error));
  g_assert_no_error (error);

  check_file_starts (png, "\x89PNG\r\n", 5000);
  check_file_starts (svg, "<?xml", 20000);   /* 3000 circles as paths */
  check_file_starts (pdf, "%PDF-", 5000);
  back = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (back), ==, 480);
  g_assert_cmpuint (count_pixels (back, 0, 1, 0, 1, not_white), >, 10000);
  cairo_surface_destroy (back);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<svg"));
  }

  g_assert_false (lb_chart_export (chart, bad, 640, 480, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_EXPORT);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_assert_false (lb_chart_export (chart, missing, 640, 480, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_EXPORT);
  g_clear_error (&error);
  g_assert_false (lb_chart_export (chart, png, 0, 480, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_EXPORT);
  g_clear_error (&error);

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* --- errors --- */

static void
test_errors (void)
{
  double nan3[3] = { NAN, NAN, NAN }, v3[3] = { 1, 2, 3 };
  char **names = g_new0 (char *, 2);
  g_autoptr (LbTable) table = NULL;
  g_autoptr (LbTable) empty = NULL;
  g_autoptr (GError) error = NULL;
  LbScatterOptions options = { .x = "v", .y = "nan" };
  const char *one[] = { "v", NULL };
  const char *wrong[] = { "v", "kind", NULL };

  names[0] = g_strdup ("k");
  table = table_of (numeric_column ("v", v3, 3), numeric_column ("nan", nan3, 3),
                    lb_column_new_categorical ("kind", g_memdup2 ((gint32[]) { 0, 0, -1 }, 3 * sizeof (gint32)), 3, names),
                    NULL);
  empty = table_of (lb_column_new_numeric ("e", g_new (double, 1), 0), NULL);

  g_assert_null (lb_chart_new_histogram (table, "nan", LB_BIN_RULE_FIXED, 10, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_null (lb_chart_new_histogram (empty, "e", LB_BIN_RULE_SCOTT, 0, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_null (lb_chart_new_histogram (table, "nope", LB_BIN_RULE_FIXED, 10, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (lb_chart_new_histogram (table, "kind", LB_BIN_RULE_FIXED, 10, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (lb_chart_new_histogram_grid (empty, 10, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA);
  g_clear_error (&error);

  g_assert_null (lb_chart_new_scatter (table, &options, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA);
  g_clear_error (&error);
  options.y = "kind";
  g_assert_null (lb_chart_new_scatter (table, &options, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);
  options.y = "v";
  options.color_by = "missing";
  g_assert_null (lb_chart_new_scatter (table, &options, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);
  options.color_by = NULL;
  options.alpha = 1.5;
  g_assert_null (lb_chart_new_scatter (table, &options, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (lb_chart_new_value_counts (table, "v", &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (lb_chart_new_value_counts (table, "absent", &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (lb_chart_new_correlation (table, wrong, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (lb_chart_new_correlation (empty, NULL, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA);
  g_clear_error (&error);

  g_assert_null (lb_chart_new_scatter_matrix (table, one, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (lb_chart_new_scatter_matrix (table, wrong, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);

  /* a zero-range column still draws (the range is widened, as numpy does) */
  {
    double same[4] = { 7, 7, 7, 7 };
    g_autoptr (LbTable) flat = table_of (numeric_column ("same", same, 4), NULL);
    g_autoptr (LbChart) chart = lb_chart_new_histogram (flat, "same", LB_BIN_RULE_FREEDMAN_DIACONIS, 0, &error);
    LbScatterOptions o = { .x = "same", .y = "same", .color_by = "same", .size_by = "same" };
    g_autoptr (LbChart) sc = lb_chart_new_scatter (flat, &o, &error);
    cairo_surface_t *s;

    g_assert_no_error (error);
    s = render (chart, 300, 200);
    g_assert_cmpuint (count_pixels (s, 0, 1, 0, 1, bar_blue), >, 100);
    cairo_surface_destroy (s);
    s = render (sc, 300, 200);
    cairo_surface_destroy (s);
  }
}

/* --- a cairo_t that is not at the origin (a thumbnail in a larger page) --- */

static void
test_offset_context (void)
{
  g_autoptr (LbTable) table = two_clusters_table (500);
  LbScatterOptions options = { .x = "x", .y = "y", .color_by = "value" };
  g_autoptr (LbChart) chart = lb_chart_new_scatter (table, &options, NULL);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *alone = render (chart, 400, 300);
  cairo_surface_t *page = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  cairo_t *cr = cairo_create (page);
  cairo_matrix_t m;
  const guint8 *a, *b;
  int sa, sb;
  gsize differ = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_translate (cr, 150, 60);
  g_assert_true (lb_chart_render (chart, cr, 400, 300, &error));
  g_assert_no_error (error);
  /* the caller's state is as it was */
  cairo_get_matrix (cr, &m);
  g_assert_cmpfloat (m.xx, ==, 1);
  g_assert_cmpfloat (m.yy, ==, 1);
  g_assert_cmpfloat (m.x0, ==, 150);
  g_assert_cmpfloat (m.y0, ==, 60);
  cairo_destroy (cr);
  cairo_surface_flush (page);

  /* the same pixels, moved; nothing drawn outside the chart's rectangle */
  a = cairo_image_surface_get_data (alone);
  b = cairo_image_surface_get_data (page);
  sa = cairo_image_surface_get_stride (alone);
  sb = cairo_image_surface_get_stride (page);
  for (int y = 0; y < 300; y++)
    for (int x = 0; x < 400; x++)
      {
        guint32 pa = ((const guint32 *) (gconstpointer) (a + y * sa))[x];
        guint32 pb = ((const guint32 *) (gconstpointer) (b + (y + 60) * sb))[x + 150];
        /* text may rasterise a shade differently at another offset */
        if (abs ((int) (pa & 0xff) - (int) (pb & 0xff)) > 40)
          differ++;
      }
  g_test_message ("%zu of 120000 pixels differ", differ);
  g_assert_cmpuint (differ, <, 600);
  {
    gsize outside = 0;
    for (int y = 0; y < 400; y++)
      for (int x = 0; x < 600; x++)
        if (x < 150 || x >= 550 || y < 60 || y >= 360)
          outside += ((const guint32 *) (gconstpointer) (b + y * sb))[x] != 0xff000000;
    g_assert_cmpuint (outside, ==, 0);
  }
  cairo_surface_destroy (alone);
  cairo_surface_destroy (page);
}

/* --- ranges PLplot cannot take as they are --- */

static void
test_extreme_ranges (void)
{
  const double cases[][3] = {
    { -1e308, 1e308, 0 },        /* the span overflows */
    { 0, 1e-300, 5e-324 },       /* a span of denormals */
    { 1e15, 1e15 + 2, 1e15 + 1 },/* a span lost next to the magnitude */
    { -INFINITY, 1, INFINITY },  /* infinities are not values */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (LbTable) table = table_of (numeric_column ("v", cases[i], 3),
                                            numeric_column ("w", cases[i], 3), NULL);
      LbScatterOptions options = { .x = "v", .y = "w", .color_by = "v", .size_by = "w" };
      const char *both[] = { "v", "w", NULL };
      LbChart *charts[4];
      g_autoptr (GError) error = NULL;

      guint n = 0;

      /* bins cannot split a span that overflows a double: refused in words */
      if (i == 0)
        {
          g_assert_null (lb_chart_new_histogram (table, "v", LB_BIN_RULE_FREEDMAN_DIACONIS, 0, &error));
          g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
          g_clear_error (&error);
          g_assert_null (lb_chart_new_scatter_matrix (table, both, &error));
          g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
          g_clear_error (&error);
        }
      else
        {
          charts[n++] = lb_chart_new_histogram (table, "v", LB_BIN_RULE_FREEDMAN_DIACONIS, 0, &error);
          g_assert_no_error (error);
          charts[n++] = lb_chart_new_scatter_matrix (table, both, &error);
          g_assert_no_error (error);
        }
      charts[n++] = lb_chart_new_scatter (table, &options, &error);
      g_assert_no_error (error);
      charts[n++] = lb_chart_new_correlation (table, NULL, &error);
      g_assert_no_error (error);
      /* each draws (PLplot would exit() on what it cannot take) */
      for (guint k = 0; k < n; k++)
        {
          cairo_surface_t *s = render (charts[k], 320, 240);
          g_assert_cmpuint (count_pixels (s, 0, 1, 0, 1, not_white), >, 100);
          cairo_surface_destroy (s);
          lb_chart_unref (charts[k]);
        }
    }
}

/* --- every kind at awkward sizes (a collapsed pane, a strip) --- */

static void
test_small_sizes (void)
{
  g_autoptr (LbTable) table = two_clusters_table (300);
  LbScatterOptions options = { .x = "x", .y = "y", .color_by = "kind", .size_by = "size" };
  const char *columns[] = { "x", "y", "value", NULL };
  const int sizes[][2] = { { 1, 1 }, { 47, 35 }, { 50, 40 }, { 64, 48 }, { 400, 50 }, { 50, 400 }, { 120, 90 } };
  LbChart *charts[] = {
    lb_chart_new_histogram (table, "x", LB_BIN_RULE_SQRT, 0, NULL),
    lb_chart_new_histogram_grid (table, 0, NULL),
    lb_chart_new_scatter (table, &options, NULL),
    lb_chart_new_value_counts (table, "kind", NULL),
    lb_chart_new_correlation (table, NULL, NULL),
    lb_chart_new_scatter_matrix (table, columns, NULL),
  };

  for (guint k = 0; k < G_N_ELEMENTS (charts); k++)
    {
      g_assert_nonnull (charts[k]);
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          cairo_surface_t *s = render (charts[k], sizes[i][0], sizes[i][1]);
          cairo_surface_destroy (s);
        }
      lb_chart_unref (charts[k]);
    }
}

/* --- two threads --- */

typedef struct
{
  LbChart *chart;
  guint8  *expected;
  gsize    size;
  gboolean same;
} ThreadJob;

static gpointer
render_many (gpointer data)
{
  ThreadJob *job = data;

  job->same = TRUE;
  for (guint i = 0; i < 8; i++)
    {
      cairo_surface_t *s = render (job->chart, 400, 300);
      const guint8 *pixels = cairo_image_surface_get_data (s);
      if (memcmp (pixels, job->expected, job->size) != 0)
        job->same = FALSE;
      cairo_surface_destroy (s);
    }
  return NULL;
}

static void
test_threads (void)
{
  g_autoptr (LbTable) table = two_clusters_table (3000);
  LbScatterOptions options = { .x = "x", .y = "y", .color_by = "value", .size_by = "size" };
  g_autoptr (LbChart) scatter = lb_chart_new_scatter (table, &options, NULL);
  g_autoptr (LbChart) hist = lb_chart_new_histogram_grid (table, 20, NULL);
  ThreadJob jobs[2] = { { scatter }, { hist } };
  cairo_surface_t *refs[2];
  GThread *threads[2];

  /* each thread's pictures must equal the one drawn alone */
  for (guint i = 0; i < 2; i++)
    {
      refs[i] = render (jobs[i].chart, 400, 300);
      jobs[i].expected = cairo_image_surface_get_data (refs[i]);
      jobs[i].size = (gsize) cairo_image_surface_get_stride (refs[i]) * 300;
    }
  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("render", render_many, &jobs[i]);
  for (guint i = 0; i < 2; i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (jobs[i].same);
      cairo_surface_destroy (refs[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/plots/Chart/export", test_export);
  g_test_add_func ("/learnbench/plots/Chart/errors", test_errors);
  g_test_add_func ("/learnbench/plots/Chart/offset-context", test_offset_context);
  g_test_add_func ("/learnbench/plots/Chart/extreme-ranges", test_extreme_ranges);
  g_test_add_func ("/learnbench/plots/Chart/small-sizes", test_small_sizes);
  g_test_add_func ("/learnbench/plots/Chart/threads", test_threads);

  return g_test_run ();
}
