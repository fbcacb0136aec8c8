/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-chart-lines.c: the line chart (loss, learning, ROC, PR, threshold
 * curves) rendered off-screen and checked by geometry: series drawn where
 * their values put them, a log axis spacing decades evenly, bands, the
 * best-point marker, an empty live curve, and the argument checks.
 */
#include "config.h"

#include "lb-plot-test-util.h"

/* x-centres of the runs of columns holding pixels that pass @test in rows
 * [fy0, fy1) (fractions), in order */
static GArray *
column_runs (cairo_surface_t *s,
             double           fy0,
             double           fy1,
             PixelTest        test)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  int stride = cairo_image_surface_get_stride (s);
  const guint8 *data = cairo_image_surface_get_data (s);
  GArray *centres = g_array_new (FALSE, FALSE, sizeof (double));
  int start = -1;

  for (int x = 0; x <= w; x++)
    {
      gboolean hit = FALSE;
      for (int y = (int) (fy0 * h); x < w && y < (int) (fy1 * h) && !hit; y++)
        {
          guint32 p = ((const guint32 *) (gconstpointer) (data + y * stride))[x];
          hit = test ((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
        }
      if (hit && start < 0)
        start = x;
      else if (!hit && start >= 0)
        {
          double c = (start + x - 1) / 2.0;
          g_array_append_val (centres, c);
          start = -1;
        }
    }
  return centres;
}

/* mean row of the pixels passing @test in columns [x0, x1) (fractions) */
static double
mean_row (cairo_surface_t *s,
          double           fx0,
          double           fx1,
          PixelTest        test)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  int stride = cairo_image_surface_get_stride (s);
  const guint8 *data = cairo_image_surface_get_data (s);
  double sum = 0;
  gsize n = 0;

  for (int y = 0; y < h; y++)
    for (int x = (int) (fx0 * w); x < (int) (fx1 * w); x++)
      {
        guint32 p = ((const guint32 *) (gconstpointer) (data + y * stride))[x];
        if (test ((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff))
          {
            sum += y;
            n++;
          }
      }
  return n > 0 ? sum / n : NAN;
}

static void
test_series_where_values_are (void)
{
  double x[11], high[11], low[11];
  LbLineSeries series[2] = { { 0 } };
  LbLinesOptions opt = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = NULL;
  cairo_surface_t *s;

  for (guint i = 0; i < 11; i++)
    {
      x[i] = i;
      high[i] = 1;
      low[i] = 0;
    }
  series[0] = (LbLineSeries) { "train", x, high, 11, LB_LINE_STYLE_LINES, NULL, NULL, 0 };
  series[1] = (LbLineSeries) { "validation", x, low, 11, LB_LINE_STYLE_DASHED, NULL, NULL, 0 };
  opt.x_label = "epoch";
  opt.y_label = "loss";
  opt.y_min = -1;
  opt.y_max = 2;
  chart = lb_chart_new_lines (series, 2, &opt, &error);
  g_assert_no_error (error);
  s = render (chart, W, H);
  save_if_asked (s, "lines-flat.png");
  /* series 0 in the palette's blue, series 1 in its orange; y = 1 lies a
   * third of the plot from its top, y = 0 two thirds: blue above orange by a
   * third of the plot height (~0.3 H here, the plot being ~0.85 H tall) */
  {
    double blue_y = mean_row (s, 0.2, 0.6, bar_blue);
    double orange_y = mean_row (s, 0.2, 0.6, tab_orange);
    g_test_message ("blue line at row %.1f, orange at %.1f", blue_y, orange_y);
    g_assert_cmpfloat (orange_y - blue_y, >, 0.25 * H);
    g_assert_cmpfloat (orange_y - blue_y, <, 0.34 * H);
  }
  cairo_surface_destroy (s);
}

static void
test_rising_line (void)
{
  double x[2] = { 0, 1 }, y[2] = { 0, 1 };
  LbLineSeries series = { NULL, x, y, 2, LB_LINE_STYLE_LINES, NULL, NULL, 0 };
  LbLinesOptions opt = { 0 };
  g_autoptr (LbChart) chart = NULL;
  cairo_surface_t *s;
  double left, right, middle;

  opt.x_min = opt.y_min = 0;
  opt.x_max = opt.y_max = 1;
  chart = lb_chart_new_lines (&series, 1, &opt, NULL);
  g_assert_nonnull (chart);
  s = render (chart, W, W);
  /* y = x on a square page: the line rises by as much as it runs, so the
   * mean rows of its left and right parts differ by their column distance
   * (the plot box is not quite square: within 15 %) */
  left = mean_row (s, 0.30, 0.35, bar_blue);
  middle = mean_row (s, 0.50, 0.55, bar_blue);
  right = mean_row (s, 0.70, 0.75, bar_blue);
  g_test_message ("rows %.1f %.1f %.1f", left, middle, right);
  g_assert_cmpfloat (left, >, middle);
  g_assert_cmpfloat (middle, >, right);
  g_assert_cmpfloat (fabs ((left - middle) - (middle - right)), <, 4.0);  /* straight: equal steps within 4 px of ~170 */
  g_assert_cmpfloat (fabs ((left - right) / (0.4 * W) - 1.0), <, 0.15);
  cairo_surface_destroy (s);
}

static void
test_log_axis_spaces_decades (void)
{
  double x[4] = { 1, 10, 100, 1000 }, y[4] = { 0.5, 0.5, 0.5, 0.5 };
  double xlin[4] = { 1, 10, 100, 1000 };
  LbLineSeries series = { "score", x, y, 4, LB_LINE_STYLE_POINTS, NULL, NULL, 0 };
  LbLinesOptions opt = { 0 };

  for (guint log = 0; log < 2; log++)
    {
      g_autoptr (LbChart) chart = NULL;
      g_autoptr (GArray) runs = NULL;
      cairo_surface_t *s;

      opt.log_x = log;
      series.x = log ? x : xlin;
      chart = lb_chart_new_lines (&series, 1, &opt, NULL);
      s = render (chart, W, H);
      save_if_asked (s, log ? "lines-log.png" : "lines-lin.png");
      runs = column_runs (s, 0.3, 0.7, bar_blue);  /* the dots' band, not the legend */
      if (log)
        {
          double d1, d2, d3;
          g_assert_cmpuint (runs->len, ==, 4);
          d1 = g_array_index (runs, double, 1) - g_array_index (runs, double, 0);
          d2 = g_array_index (runs, double, 2) - g_array_index (runs, double, 1);
          d3 = g_array_index (runs, double, 3) - g_array_index (runs, double, 2);
          g_test_message ("decade gaps %.1f %.1f %.1f px", d1, d2, d3);
          /* equal to within 2 px (dots are anti-aliased discs) */
          g_assert_cmpfloat (fabs (d1 - d2), <, 2);
          g_assert_cmpfloat (fabs (d2 - d3), <, 2);
          g_assert_cmpfloat (d1, >, 100);
        }
      else
        {
          /* on a linear axis 1 and 10 crowd together at the left: 9 / 1000
           * of the plot width apart (~6 px) */
          g_assert_cmpuint (runs->len, >=, 2);
          g_assert_cmpfloat (g_array_index (runs, double, 1) - g_array_index (runs, double, 0), <, 15);
        }
      cairo_surface_destroy (s);
    }
}

static gboolean
light_blue (guint r, guint g, guint b)
{
  /* #1f77b4 at alpha 0.18 over white: (214, 230, 242) */
  return r > 200 && r < 228 && g > 218 && g < 240 && b > 234 && b < 250;
}

static void
test_band_and_best (void)
{
  double x[5] = { 10, 20, 30, 40, 50 }, y[5] = { 0.6, 0.7, 0.8, 0.85, 0.86 };
  double lo[5], hi[5];
  LbLineSeries series = { "validation", x, y, 5, LB_LINE_STYLE_LINES_POINTS, lo, hi, 0 };
  LbLinesOptions opt = { 0 };
  gsize with_band, without_band;
  cairo_surface_t *s;

  for (guint i = 0; i < 5; i++)
    {
      lo[i] = y[i] - 0.05;
      hi[i] = y[i] + 0.05;
    }
  opt.mark_best = TRUE;
  opt.best_index = 4;
  opt.show_vline = TRUE;
  opt.vline_x = 25;
  opt.vline_label = "threshold";
  {
    g_autoptr (LbChart) chart = lb_chart_new_lines (&series, 1, &opt, NULL);
    s = render (chart, W, H);
    save_if_asked (s, "lines-band.png");
    with_band = count_pixels (s, 0, 1, 0, 1, light_blue);
    cairo_surface_destroy (s);
  }
  series.y_low = series.y_high = NULL;
  {
    g_autoptr (LbChart) chart = lb_chart_new_lines (&series, 1, &opt, NULL);
    s = render (chart, W, H);
    without_band = count_pixels (s, 0, 1, 0, 1, light_blue);
    cairo_surface_destroy (s);
  }
  g_test_message ("band pixels %zu, without %zu", with_band, without_band);
  /* the band spans 0.1 of a y range of ~0.36 over the whole plot width */
  g_assert_cmpuint (with_band, >, 20000);
  g_assert_cmpuint (without_band, <, 500);
}

static void
test_empty_and_invalid (void)
{
  LbLineSeries series = { "loss", NULL, NULL, 0, LB_LINE_STYLE_LINES, NULL, NULL, 0 };
  LbLinesOptions opt = { 0 };
  g_autoptr (GError) error = NULL;
  LbChart *chart;
  cairo_surface_t *s;

  /* a live curve before its first epoch: empty axes */
  chart = lb_chart_new_lines (&series, 1, NULL, &error);
  g_assert_no_error (error);
  s = render (chart, W, H);
  g_assert_cmpuint (count_pixels (s, 0, 1, 0, 1, bar_blue), <, 400);  /* the legend sample only */
  cairo_surface_destroy (s);
  lb_chart_unref (chart);

  g_assert_null (lb_chart_new_lines (&series, 0, NULL, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);

  series.n = 3;
  g_assert_null (lb_chart_new_lines (&series, 1, NULL, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);

  series.n = 0;
  opt.mark_best = TRUE;
  opt.best_series = 1;
  g_assert_null (lb_chart_new_lines (&series, 1, &opt, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);

  opt.mark_best = FALSE;
  opt.log_x = TRUE;
  opt.x_min = -1;
  opt.x_max = 10;
  g_assert_null (lb_chart_new_lines (&series, 1, &opt, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
}

static void
test_roc_with_chinese_labels (void)
{
  /* two ROC curves, the chance diagonal, Chinese legend and axis labels
   * (fonts-wqy-microhei): renders, and the curve of the better model lies
   * above (smaller rows than) the worse one's */
  double fpr[4] = { 0, 0.1, 0.3, 1 }, good[4] = { 0, 0.8, 0.95, 1 }, poor[4] = { 0, 0.3, 0.55, 1 };
  LbLineSeries series[2] = {
    { "随机森林 (AUC = 0.93)", fpr, good, 4, LB_LINE_STYLE_LINES, NULL, NULL, 0 },
    { "SGD (AUC = 0.64)", fpr, poor, 4, LB_LINE_STYLE_LINES, NULL, NULL, 0 },
  };
  LbLinesOptions opt = { "假正例率", "真正例率", FALSE, 0, 1, 0, 1 };
  g_autoptr (LbChart) chart = NULL;
  cairo_surface_t *s;

  opt.diagonal = TRUE;
  chart = lb_chart_new_lines (series, 2, &opt, NULL);
  lb_chart_set_title (chart, "ROC 曲线");
  s = render (chart, W, H);
  save_if_asked (s, "lines-roc-zh.png");
  g_assert_cmpfloat (mean_row (s, 0.25, 0.45, bar_blue), <, mean_row (s, 0.25, 0.45, tab_orange) - 50);
  cairo_surface_destroy (s);
}

/* Every option at once at thumbnail and odd sizes: no failure, no crash. */
static void
test_small_sizes (void)
{
  double x[3] = { 1, 10, 100 }, y[3] = { 0.2, 0.5, 0.4 }, lo[3] = { 0.1, 0.4, 0.3 }, hi[3] = { 0.3, 0.6, 0.5 };
  LbLineSeries s = { "validation (AUC = 0.9)", x, y, 3, LB_LINE_STYLE_LINES_POINTS, lo, hi, 0 };
  LbLinesOptions opt = { "C", "score", TRUE, 0, 0, 0, 0, TRUE, 0, 1, TRUE, 30, "threshold", TRUE };
  g_autoptr (LbChart) chart = lb_chart_new_lines (&s, 1, &opt, NULL);
  static const int sizes[][2] = { { 50, 40 }, { 120, 90 }, { 200, 600 }, { 900, 70 } };

  g_assert_nonnull (chart);
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    cairo_surface_destroy (render (chart, sizes[k][0], sizes[k][1]));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/plots/Lines/series-where-values-are", test_series_where_values_are);
  g_test_add_func ("/learnbench/plots/Lines/rising-line", test_rising_line);
  g_test_add_func ("/learnbench/plots/Lines/log-axis", test_log_axis_spaces_decades);
  g_test_add_func ("/learnbench/plots/Lines/band-and-best", test_band_and_best);
  g_test_add_func ("/learnbench/plots/Lines/empty-and-invalid", test_empty_and_invalid);
  g_test_add_func ("/learnbench/plots/Lines/roc-chinese", test_roc_with_chinese_labels);
  g_test_add_func ("/learnbench/plots/Lines/small-sizes", test_small_sizes);

  return g_test_run ();
}
