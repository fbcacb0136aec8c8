/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-chart.c: every chart kind rendered off-screen into an image surface
 * and checked against its data: bars where the data are, colours where the
 * colour column says, bar lengths in the ratio of the counts, cells in the
 * colours of their coefficients. Tables are built here; the book's
 * housing.csv is used when present and skipped otherwise. Also the 20k-point
 * scatter micro-benchmark (a figure in the log, not a timed test).
 */
#include "config.h"

#include "lb-plot-test-util.h"

/* --- histogram --- */


static void
test_histogram_follows_data (void)
{
  for (guint side = 0; side < 2; side++)
    {
      g_autoptr (LbTable) table = skewed_table (side == 1);
      g_autoptr (GError) error = NULL;
      g_autoptr (LbChart) chart = lb_chart_new_histogram (table, "value", LB_BIN_RULE_FIXED, 20, &error);
      cairo_surface_t *s;
      gsize left, right;

      g_assert_no_error (error);
      g_assert_cmpstr (lb_chart_get_title (chart), ==, "value");
      s = render (chart, W, H);
      save_if_asked (s, side ? "hist-right.png" : "hist-left.png");
      left = count_pixels (s, 0, 0.5, 0, 1, bar_blue);
      right = count_pixels (s, 0.5, 1, 0, 1, bar_blue);
      g_test_message ("histogram %s: %zu bar pixels left, %zu right", side ? "right" : "left", left, right);
      /* 900 + 50 of 1000 values on one side: ~19x the bar area; 5x is safe */
      if (side == 0)
        g_assert_cmpuint (left, >, 5 * right);
      else
        g_assert_cmpuint (right, >, 5 * left);
      g_assert_cmpuint (left + right, >, 5000);
      cairo_surface_destroy (s);
    }
}

static void
test_histogram_counts_like_numpy (void)
{
  /* np.histogram (np.arange (11.0), bins=5) -> [2 2 2 2 3]: values on edges go
   * to the bin they start, the last bin is closed. Rendered bar heights must be
   * in that ratio: the last bar is 1.5x the others. */
  double v[11];
  g_autoptr (LbTable) table = NULL;
  g_autoptr (LbChart) chart = NULL;
  cairo_surface_t *s;
  int w, h, stride;
  const guint8 *data;
  guint heights[W] = { 0 };
  guint max_h = 0, first_h = 0;

  for (guint i = 0; i < 11; i++)
    v[i] = i;
  table = table_of (numeric_column ("x", v, 11), NULL);
  chart = lb_chart_new_histogram (table, "x", LB_BIN_RULE_FIXED, 5, NULL);
  g_assert_nonnull (chart);
  s = render (chart, W, H);
  w = cairo_image_surface_get_width (s);
  h = cairo_image_surface_get_height (s);
  stride = cairo_image_surface_get_stride (s);
  data = cairo_image_surface_get_data (s);
  for (int x = 0; x < w; x++)
    for (int y = 0; y < h; y++)
      {
        guint32 p = ((const guint32 *) (gconstpointer) (data + y * stride))[x];
        if (bar_blue ((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff))
          heights[x]++;
      }
  for (int x = 0; x < w; x++)
    {
      max_h = MAX (max_h, heights[x]);
      if (first_h == 0 && heights[x] > 10)
        first_h = heights[x + 5];
    }
  /* 3 / 2 = 1.5, within 3 % for pixel rounding */
  g_assert_cmpfloat_with_epsilon ((double) max_h / first_h, 1.5, 0.045);
  cairo_surface_destroy (s);
}

/* --- histogram grid --- */

static void
test_histogram_grid (void)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr (LbTable) table = NULL;
  g_autoptr (LbChart) chart = NULL;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *s;
  char **codes_names = g_new0 (char *, 3);
  gint32 *codes = g_new (gint32, 300);
  double all_nan[300];

  /* 9 numeric columns (one per cell of a 3x3 grid), an all-missing one that
   * has nothing to show, and a categorical one that is no histogram */
  for (guint c = 0; c < 9; c++)
    {
      double v[300];
      g_autofree char *name = g_strdup_printf ("col#%u", c);
      for (guint i = 0; i < 300; i++)
        v[i] = sin (i * (c + 1) * 0.01) * (c + 1);
      g_ptr_array_add (columns, numeric_column (name, v, 300));
    }
  for (guint i = 0; i < 300; i++)
    {
      all_nan[i] = NAN;
      codes[i] = i % 2;
    }
  g_ptr_array_add (columns, numeric_column ("empty", all_nan, 300));
  codes_names[0] = g_strdup ("a");
  codes_names[1] = g_strdup ("b");
  g_ptr_array_add (columns, lb_column_new_categorical ("kind", codes, 300, codes_names));
  table = lb_table_new (columns, &error);
  g_assert_no_error (error);

  chart = lb_chart_new_histogram_grid (table, 30, &error);
  g_assert_no_error (error);
  s = render (chart, 1200, 900);
  save_if_asked (s, "grid.png");
  /* bars in each of the nine cells (the title takes the top few %) */
  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      {
        double y0 = 0.06 + r * 0.94 / 3, y1 = y0 + 0.94 / 3;
        gsize n = count_pixels (s, c / 3.0, (c + 1) / 3.0, y0, y1, bar_blue);
        g_assert_cmpuint (n, >, 2000);
      }
  cairo_surface_destroy (s);
}

/* --- scatter --- */


static void
test_scatter_plain (void)
{
  g_autoptr (LbTable) table = two_clusters_table (2000);
  LbScatterOptions options = { .x = "x", .y = "y" };
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = lb_chart_new_scatter (table, &options, &error);
  cairo_surface_t *s;
  gsize bottom_left, top_right, top_left, bottom_right;

  g_assert_no_error (error);
  s = render (chart, W, H);
  save_if_asked (s, "scatter-plain.png");
  bottom_left = count_pixels (s, 0, 0.5, 0.5, 1, bluish);
  top_right = count_pixels (s, 0.5, 1, 0, 0.5, bluish);
  top_left = count_pixels (s, 0, 0.5, 0, 0.5, bluish);
  bottom_right = count_pixels (s, 0.5, 1, 0.5, 1, bluish);
  g_test_message ("scatter quadrants: bl %zu tr %zu tl %zu br %zu", bottom_left, top_right, top_left, bottom_right);
  /* the clusters sit in the bottom-left and top-right quarters only */
  g_assert_cmpuint (bottom_left, >, 2000);
  g_assert_cmpuint (top_right, >, 2000);
  g_assert_cmpuint (top_left, <, bottom_left / 10);
  g_assert_cmpuint (bottom_right, <, bottom_left / 10);
  cairo_surface_destroy (s);
}

static void
test_scatter_numeric_color (void)
{
  g_autoptr (LbTable) table = two_clusters_table (2000);
  LbScatterOptions options = { .x = "x", .y = "y", .color_by = "value", .size_by = "size", .alpha = 0.8, .size_scale = 0.5 };
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = lb_chart_new_scatter (table, &options, &error);
  cairo_surface_t *s;
  gsize red_left, red_right, blue_left, blue_right;

  g_assert_no_error (error);
  s = render (chart, W, H);
  save_if_asked (s, "scatter-color.png");
  /* jet: the cluster coloured 0 is blue (bottom-left), the one coloured 100
   * red (top-right); the colour bar at the right edge is left out */
  blue_left = count_pixels (s, 0, 0.45, 0.5, 1, bluish);
  red_left = count_pixels (s, 0, 0.45, 0.5, 1, reddish);
  blue_right = count_pixels (s, 0.4, 0.8, 0, 0.5, bluish);
  red_right = count_pixels (s, 0.4, 0.8, 0, 0.5, reddish);
  g_test_message ("colour: blue %zu/%zu red %zu/%zu", blue_left, blue_right, red_left, red_right);
  g_assert_cmpuint (blue_left, >, 1000);
  g_assert_cmpuint (red_right, >, 1000);
  g_assert_cmpuint (red_left, <, blue_left / 10);
  g_assert_cmpuint (blue_right, <, red_right / 10);
  /* the colour bar: both ends of jet at the right edge */
  g_assert_cmpuint (count_pixels (s, 0.8, 1, 0, 1, reddish), >, 100);
  g_assert_cmpuint (count_pixels (s, 0.8, 1, 0, 1, bluish), >, 100);
  cairo_surface_destroy (s);
}


static void
test_scatter_categorical_color (void)
{
  g_autoptr (LbTable) table = two_clusters_table (600);
  LbScatterOptions options = { .x = "x", .y = "y", .color_by = "kind", .alpha = 1.0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = lb_chart_new_scatter (table, &options, &error);
  cairo_surface_t *s;

  g_assert_no_error (error);
  s = render (chart, W, H);
  save_if_asked (s, "scatter-category.png");
  /* three categories: tab10's blue, orange and green all appear */
  g_assert_cmpuint (count_pixels (s, 0, 1, 0, 1, bar_blue), >, 200);
  g_assert_cmpuint (count_pixels (s, 0, 1, 0, 1, tab_orange), >, 200);
  g_assert_cmpuint (count_pixels (s, 0, 1, 0, 1, tab_green), >, 200);
  cairo_surface_destroy (s);
}

/* --- value counts --- */

static void
test_value_counts (void)
{
  g_autofree gint32 *codes = g_new (gint32, 46);
  char **names = g_new0 (char *, 4);
  g_autoptr (LbTable) table = NULL;
  g_autoptr (LbChart) chart = NULL;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *s;
  int w, h, stride;
  const guint8 *data;
  guint widths[3] = { 0 }, bar = 0;
  gboolean in_bar = FALSE;

  /* "b" 30 times, "a" 10 times, "c" 5 times, one missing */
  for (guint i = 0; i < 46; i++)
    codes[i] = i < 30 ? 1 : i < 40 ? 0 : i < 45 ? 2 : -1;
  names[0] = g_strdup ("a");
  names[1] = g_strdup ("b");
  names[2] = g_strdup ("c");
  table = table_of (lb_column_new_categorical ("letter", g_memdup2 (codes, 46 * sizeof (gint32)), 46, names), NULL);
  chart = lb_chart_new_value_counts (table, "letter", &error);
  g_assert_no_error (error);
  s = render (chart, W, H);
  save_if_asked (s, "value-counts.png");

  /* the bars, top to bottom, are as long as 30 : 10 : 5 */
  w = cairo_image_surface_get_width (s);
  h = cairo_image_surface_get_height (s);
  stride = cairo_image_surface_get_stride (s);
  data = cairo_image_surface_get_data (s);
  for (int y = 0; y < h; y++)
    {
      guint run = 0;
      for (int x = 0; x < w; x++)
        {
          guint32 p = ((const guint32 *) (gconstpointer) (data + y * stride))[x];
          if (bar_blue ((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff))
            run++;
        }
      if (run > 0 && !in_bar)
        in_bar = TRUE;
      else if (run == 0 && in_bar)
        {
          in_bar = FALSE;
          bar++;
        }
      if (run > 0)
        {
          g_assert_cmpuint (bar, <, 3);
          widths[bar] = MAX (widths[bar], run);
        }
    }
  g_test_message ("bar widths %u %u %u", widths[0], widths[1], widths[2]);
  /* ratios within 2 % (pixel rounding of ~100-500 px bars) */
  g_assert_cmpfloat_with_epsilon ((double) widths[1] / widths[0], 10.0 / 30.0, 0.02);
  g_assert_cmpfloat_with_epsilon ((double) widths[2] / widths[0], 5.0 / 30.0, 0.02);
  cairo_surface_destroy (s);
}

/* --- correlation --- */

static void
test_correlation (void)
{
  double a[50], b[50], c[50];
  g_autoptr (LbTable) table = NULL;
  g_autoptr (LbChart) chart = NULL;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *s;
  gsize reds, blues;

  /* corr: a~b = 1, a~c = b~c = -1: five +1 cells, four -1 cells */
  for (guint i = 0; i < 50; i++)
    {
      a[i] = i;
      b[i] = 2 * i + 3;
      c[i] = -0.5 * i;
    }
  table = table_of (numeric_column ("a", a, 50), numeric_column ("b", b, 50),
                    numeric_column ("c", c, 50), NULL);
  chart = lb_chart_new_correlation (table, NULL, &error);
  g_assert_no_error (error);
  s = render (chart, W, H);
  save_if_asked (s, "correlation.png");
  reds = count_pixels (s, 0, 0.8, 0, 1, dark_red);
  blues = count_pixels (s, 0, 0.8, 0, 1, dark_blue);
  g_test_message ("correlation cells: %zu dark red px, %zu dark blue px", reds, blues);
  g_assert_cmpuint (blues, >, 10000);
  /* 5 / 4 = 1.25; the written values take a few % of each cell */
  g_assert_cmpfloat ((double) reds / blues, >, 1.15);
  g_assert_cmpfloat ((double) reds / blues, <, 1.35);
  cairo_surface_destroy (s);

  /* named columns: two of them */
  {
    const char *names[] = { "a", "c", NULL };
    g_autoptr (LbChart) two = lb_chart_new_correlation (table, names, &error);
    g_assert_no_error (error);
    s = render (two, W, H);
    reds = count_pixels (s, 0, 0.8, 0, 1, dark_red);
    blues = count_pixels (s, 0, 0.8, 0, 1, dark_blue);
    /* 2 cells each */
    g_assert_cmpfloat ((double) reds / blues, >, 0.9);
    g_assert_cmpfloat ((double) reds / blues, <, 1.1);
    cairo_surface_destroy (s);
  }
}

/* --- scatter matrix --- */

static void
test_scatter_matrix (void)
{
  g_autoptr (LbTable) table = two_clusters_table (1000);
  const char *columns[] = { "x", "y", "size", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = lb_chart_new_scatter_matrix (table, columns, &error);
  cairo_surface_t *s;

  g_assert_no_error (error);
  s = render (chart, 900, 900);
  save_if_asked (s, "scatter-matrix.png");
  /* every one of the 3 x 3 panels has blue content (points or bars); the
   * left 10 % and bottom 8 % hold the labels */
  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      {
        double x0 = 0.1 + c * 0.88 / 3, y0 = 0.05 + r * 0.87 / 3;
        gsize n = count_pixels (s, x0, x0 + 0.88 / 3, y0, y0 + 0.87 / 3, bluish);
        g_assert_cmpuint (n, >, 500);
      }
  cairo_surface_destroy (s);
}

/* --- image grid --- */

static void
test_image_grid (void)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr (LbTable) table = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) dark = NULL, light = NULL;
  char **names = g_new0 (char *, 3);
  gint32 *codes = g_new (gint32, 3);
  cairo_surface_t *s;
  gsize dark_px, light_px;

  /* 3 rows of 4 x 4 pixels: row 0 has a missing pixel (skipped), row 1 is
   * all 255 (black in the binary map), row 2 all 0 (white) */
  for (guint p = 0; p < 16; p++)
    {
      double v[3] = { p == 5 ? NAN : 128, 255, 0 };
      g_autofree char *name = g_strdup_printf ("pixel%u", p);
      g_ptr_array_add (columns, numeric_column (name, v, 3));
    }
  names[0] = g_strdup ("Dark");
  names[1] = g_strdup ("Light");
  codes[0] = 0;
  codes[1] = 0;
  codes[2] = 1;
  g_ptr_array_add (columns, lb_column_new_categorical ("label", codes, 3, names));
  table = lb_table_new (columns, &error);
  g_assert_no_error (error);

  dark = lb_chart_new_image_grid (table, 4, 4, "label", 1, &error);
  g_assert_no_error (error);
  light = lb_chart_new_image_grid (table, 4, 4, "label", 0, &error);
  g_assert_no_error (error);

  s = render (dark, 400, 300);
  save_if_asked (s, "images-dark.png");
  dark_px = count_pixels (s, 0, 1, 0, 1, black);
  cairo_surface_destroy (s);
  s = render (light, 400, 300);
  save_if_asked (s, "images-both.png");
  light_px = count_pixels (s, 0, 1, 0, 1, black);
  cairo_surface_destroy (s);
  g_test_message ("black pixels: %zu with the dark picture, %zu with both", dark_px, light_px);
  /* one picture fills most of 400 x 300 minus title and caption: >= 150 x 150 */
  g_assert_cmpuint (dark_px, >, 150 * 150);
  /* two pictures side by side are each smaller; the white one adds no black */
  g_assert_cmpuint (light_px, <, dark_px);
  g_assert_cmpuint (light_px, >, 80 * 80);

  g_assert_null (lb_chart_new_image_grid (table, 5, 5, "label", 0, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
}

/* --- titles --- */

static void
test_title (void)
{
  g_autoptr (LbTable) table = skewed_table (FALSE);
  g_autoptr (LbChart) chart = lb_chart_new_histogram (table, "value", LB_BIN_RULE_STURGES, 0, NULL);
  cairo_surface_t *s;
  gsize with_title, without;

  lb_chart_set_title (chart, "加州房价 ## #1");
  g_assert_cmpstr (lb_chart_get_title (chart), ==, "加州房价 ## #1");
  s = render (chart, W, H);
  save_if_asked (s, "title-zh.png");
  with_title = count_pixels (s, 0.3, 0.7, 0, 0.04, not_white);
  cairo_surface_destroy (s);
  /* one glyph instead of seven: same layout, much less ink in the title band */
  lb_chart_set_title (chart, "加");
  s = render (chart, W, H);
  without = count_pixels (s, 0.3, 0.7, 0, 0.04, not_white);
  cairo_surface_destroy (s);
  g_test_message ("title band: %zu px with the long title, %zu with one glyph", with_title, without);
  g_assert_cmpuint (with_title, >, 2 * without);
}

/* --- the book's housing data --- */

static void
test_housing (void)
{
  g_autofree char *path = lb_test_data_file ("housing/housing.csv");
  g_autoptr (LbTable) table = NULL;
  g_autoptr (GError) error = NULL;
  LbScatterOptions map = {
    .x = "longitude", .y = "latitude", .color_by = "median_house_value",
    .size_by = "population", .alpha = 0.4, .size_scale = 0.01,
  };
  const char *attrs[] = { "median_house_value", "median_income", "total_rooms", "housing_median_age", NULL };
  g_autoptr (LbChart) scatter = NULL, grid = NULL, matrix = NULL, corr = NULL, bars = NULL;
  cairo_surface_t *s;

  if (path == NULL)
    return;
  table = lb_load_table (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  scatter = lb_chart_new_scatter (table, &map, &error);
  g_assert_no_error (error);
  s = render (scatter, 1000, 700);
  save_if_asked (s, "housing-map.png");
  /* the expensive coast is red, the inland cheap: both ends of jet are there */
  g_assert_cmpuint (count_pixels (s, 0.1, 0.8, 0.05, 0.9, reddish), >, 800);
  g_assert_cmpuint (count_pixels (s, 0.1, 0.8, 0.05, 0.9, bluish), >, 2000);
  /* the north-east corner of the map (Nevada) has no district */
  g_assert_cmpuint (count_pixels (s, 0.55, 0.75, 0.08, 0.3, reddish), <, 50);
  cairo_surface_destroy (s);

  grid = lb_chart_new_histogram_grid (table, 50, &error);
  g_assert_no_error (error);
  s = render (grid, 1200, 900);
  save_if_asked (s, "housing-hist.png");
  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      {
        double y0 = 0.06 + r * 0.94 / 3;
        g_assert_cmpuint (count_pixels (s, c / 3.0, (c + 1) / 3.0, y0, y0 + 0.94 / 3, bar_blue), >, 1000);
      }
  cairo_surface_destroy (s);

  matrix = lb_chart_new_scatter_matrix (table, attrs, &error);
  g_assert_no_error (error);
  s = render (matrix, 1000, 800);
  save_if_asked (s, "housing-matrix.png");
  cairo_surface_destroy (s);

  corr = lb_chart_new_correlation (table, NULL, &error);
  g_assert_no_error (error);
  s = render (corr, 1000, 800);
  save_if_asked (s, "housing-corr.png");
  cairo_surface_destroy (s);

  bars = lb_chart_new_value_counts (table, "ocean_proximity", &error);
  g_assert_no_error (error);
  s = render (bars, 800, 500);
  save_if_asked (s, "housing-ocean.png");
  cairo_surface_destroy (s);
}

/* --- the scatter micro-benchmark (a figure, not a timed test) --- */

static void
test_bench_scatter (void)
{
  double points_ms = 0;
  double ms = lb_chart_bench_scatter_ms (20000, 5, &points_ms);

  g_test_message ("20k-point scatter at 1280x800: %.1f ms per render, %.1f ms of it for the points",
                  ms, points_ms);
  g_assert_cmpfloat (ms, >, 0);
  g_assert_cmpfloat (points_ms, >, 0);
  g_assert_cmpfloat (points_ms, <=, ms);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/plots/Chart/histogram-follows-data", test_histogram_follows_data);
  g_test_add_func ("/learnbench/plots/Chart/histogram-counts-like-numpy", test_histogram_counts_like_numpy);
  g_test_add_func ("/learnbench/plots/Chart/histogram-grid", test_histogram_grid);
  g_test_add_func ("/learnbench/plots/Chart/scatter-plain", test_scatter_plain);
  g_test_add_func ("/learnbench/plots/Chart/scatter-numeric-color", test_scatter_numeric_color);
  g_test_add_func ("/learnbench/plots/Chart/scatter-categorical-color", test_scatter_categorical_color);
  g_test_add_func ("/learnbench/plots/Chart/value-counts", test_value_counts);
  g_test_add_func ("/learnbench/plots/Chart/correlation", test_correlation);
  g_test_add_func ("/learnbench/plots/Chart/scatter-matrix", test_scatter_matrix);
  g_test_add_func ("/learnbench/plots/Chart/image-grid", test_image_grid);
  g_test_add_func ("/learnbench/plots/Chart/title", test_title);
  g_test_add_func ("/learnbench/plots/Chart/housing", test_housing);
  g_test_add_func ("/learnbench/plots/Chart/bench-scatter", test_bench_scatter);

  return g_test_run ();
}
