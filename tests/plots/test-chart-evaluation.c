/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-chart-evaluation.c: the evaluation charts of the workbench — confusion
 * matrix (counts and the error-analysis view), fold scores, sorted bars,
 * the drift overlay, predicted vs actual and residuals — rendered off-screen
 * and checked against their data by where the colours fall.
 */
#include "config.h"

#include "lb-plot-test-util.h"

typedef struct
{
  gsize  n;
  double x, y;   /* centroid, px */
} Blob;

static Blob
blob (cairo_surface_t *s,
      double           fx0,
      double           fx1,
      double           fy0,
      double           fy1,
      PixelTest        test)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  int stride = cairo_image_surface_get_stride (s);
  const guint8 *data = cairo_image_surface_get_data (s);
  Blob b = { 0, 0, 0 };

  for (int y = (int) (fy0 * h); y < (int) (fy1 * h); y++)
    for (int x = (int) (fx0 * w); x < (int) (fx1 * w); x++)
      {
        guint32 p = ((const guint32 *) (gconstpointer) (data + y * stride))[x];
        if (test ((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff))
          {
            b.n++;
            b.x += x;
            b.y += y;
          }
      }
  if (b.n > 0)
    {
      b.x /= b.n;
      b.y /= b.n;
    }
  return b;
}

/* cells at >= 85 % of the scale: darker than ColorBrewer's Blues at 0.8 */
static gboolean
dark_cell (guint r, guint g, guint b)
{
  return r < 60 && g < 100 && b > 90 && b < 170 && b > r + 40;
}

static void
test_confusion_errors_view (void)
{
  /* 3 classes: 10 % of class 0 taken for class 1, no other error. Counts:
   * the diagonal (90, 100, 100) is dark; errors view: row-normalised, the
   * diagonal zeroed: only cell (0, 1) = 10 % is dark (it is the maximum). */
  double counts[9] = { 90, 10, 0, 0, 100, 0, 0, 0, 100 };
  const char *labels[3] = { "T-shirt", "Trouser", "Pullover" };
  g_autoptr (LbMatrix) m = lb_matrix_new_from_data (3, 3, counts);
  g_autoptr (LbChart) c_counts = NULL;
  g_autoptr (LbChart) c_errors = NULL;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *s1, *s2;
  Blob diag, err;
  double cell;

  c_counts = lb_chart_new_confusion (m, labels, LB_CONFUSION_COUNTS, &error);
  g_assert_no_error (error);
  c_errors = lb_chart_new_confusion (m, labels, LB_CONFUSION_ERRORS, &error);
  g_assert_no_error (error);
  s1 = render (c_counts, W, H);
  s2 = render (c_errors, W, H);
  save_if_asked (s1, "confusion-counts.png");
  save_if_asked (s2, "confusion-errors.png");
  diag = blob (s1, 0, 1, 0, 1, dark_cell);
  err = blob (s2, 0, 1, 0, 1, dark_cell);
  g_test_message ("diagonal: %zu px at (%.1f, %.1f); error: %zu px at (%.1f, %.1f)",
                  diag.n, diag.x, diag.y, err.n, err.x, err.y);
  /* three dark cells against one (their numbers are written in white) */
  g_assert_cmpfloat ((double) diag.n / err.n, >, 2.6);
  g_assert_cmpfloat ((double) diag.n / err.n, <, 3.4);
  /* the diagonal's centroid is the matrix centre; cell (0, 1) lies one cell
   * above it, in the same column (cell side from the dark area: 3 cells) */
  cell = sqrt (diag.n / 3.0);
  g_assert_cmpfloat (fabs (err.x - diag.x), <, cell * 0.1);
  g_assert_cmpfloat (fabs ((diag.y - err.y) / cell - 1.0), <, 0.1);
  cairo_surface_destroy (s1);
  cairo_surface_destroy (s2);
}

static void
test_confusion_invalid (void)
{
  double bad[6] = { 1, 2, 3, 4, 5, 6 }, neg[4] = { 1, -1, 0, 2 };
  g_autoptr (LbMatrix) m1 = lb_matrix_new_from_data (2, 3, bad);
  g_autoptr (LbMatrix) m2 = lb_matrix_new_from_data (2, 2, neg);
  g_autoptr (GError) error = NULL;

  g_assert_null (lb_chart_new_confusion (m1, NULL, LB_CONFUSION_COUNTS, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (lb_chart_new_confusion (m2, NULL, LB_CONFUSION_COUNTS, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
}

static void
test_fold_scores (void)
{
  /* model 0 (blue) scores ~0.91, model 1 (orange) ~0.52; one fold of model
   * 1 has not finished (NaN) */
  double scores[6] = { 0.90, 0.91, 0.92, 0.50, 0.54, NAN };
  const char *names[2] = { "RandomForestRegressor", "线性回归" };
  g_autoptr (LbChart) chart = lb_chart_new_fold_scores (names, scores, 2, 3, "R²", NULL);
  cairo_surface_t *s;
  Blob a, b;

  g_assert_nonnull (chart);
  s = render (chart, W, H);
  save_if_asked (s, "fold-scores.png");
  a = blob (s, 0, 1, 0, 1, bar_blue);
  b = blob (s, 0, 1, 0, 1, tab_orange);
  g_test_message ("model 0 at (%.0f, %.0f), model 1 at (%.0f, %.0f)", a.x, a.y, b.x, b.y);
  g_assert_cmpuint (a.n, >, 100);  /* three dots of radius ~4 px, one under the mean tick */
  g_assert_cmpuint (b.n, >, 60);   /* two dots */
  g_assert_cmpuint (b.n, <, a.n);
  g_assert_cmpfloat (a.x, <, W * 0.5);
  g_assert_cmpfloat (b.x, >, W * 0.5);
  /* 0.91 vs 0.52 over a range of ~0.45: ~85 % of the plot height apart */
  g_assert_cmpfloat (b.y - a.y, >, H * 0.55);
  cairo_surface_destroy (s);

  g_assert_null (lb_chart_new_fold_scores (names, scores, 0, 3, NULL, NULL));
}

/* the widest run of bar-blue pixels in each of @n equal horizontal bands */
static void
band_widths (cairo_surface_t *s,
             guint           *widths,
             guint            n)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  int stride = cairo_image_surface_get_stride (s);
  const guint8 *data = cairo_image_surface_get_data (s);
  int first = -1, last = -1;

  /* the bars' vertical extent first */
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = ((const guint32 *) (gconstpointer) (data + y * stride))[x];
        if (bar_blue ((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff))
          {
            if (first < 0)
              first = y;
            last = y;
            break;
          }
      }
  g_assert_cmpint (first, >=, 0);
  for (guint k = 0; k < n; k++)
    {
      int y = first + (int) ((k + 0.5) * (last - first) / n);
      guint run = 0;
      widths[k] = 0;
      for (int x = 0; x < w; x++)
        {
          guint32 p = ((const guint32 *) (gconstpointer) (data + y * stride))[x];
          run = bar_blue ((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff) ? run + 1 : 0;
          widths[k] = MAX (widths[k], run);
        }
    }
}

static void
test_bars_sorted (void)
{
  const char *names[4] = { "median_income", "INLAND", "pop_per_hhold", "dropped" };
  double values[4] = { 0.1, 0.5, 0.3, NAN };
  g_autoptr (LbChart) chart = lb_chart_new_bars (names, values, 4, 0, "importance", NULL);
  cairo_surface_t *s;
  guint widths[3];

  g_assert_nonnull (chart);
  s = render (chart, W, H);
  save_if_asked (s, "bars.png");
  band_widths (s, widths, 3);
  g_test_message ("bar widths %u %u %u", widths[0], widths[1], widths[2]);
  /* largest at the top, lengths in the ratio 5 : 3 : 1 (3 % for rounding) */
  g_assert_cmpfloat ((double) widths[0] / widths[1], >, 5 / 3.0 * 0.97);
  g_assert_cmpfloat ((double) widths[0] / widths[1], <, 5 / 3.0 * 1.03);
  g_assert_cmpfloat ((double) widths[0] / widths[2], >, 5 * 0.97);
  g_assert_cmpfloat ((double) widths[0] / widths[2], <, 5 * 1.03);
  cairo_surface_destroy (s);

  {
    /* max_bars keeps the largest */
    g_autoptr (LbChart) top1 = lb_chart_new_bars (names, values, 4, 1, NULL, NULL);
    guint one;
    s = render (top1, W, H);
    band_widths (s, &one, 1);
    g_assert_cmpuint (count_pixels (s, 0, 1, 0, 1, bar_blue), >, 100000);
    cairo_surface_destroy (s);
  }
  {
    double nans[2] = { NAN, NAN };
    g_autoptr (GError) error = NULL;
    g_assert_null (lb_chart_new_bars (NULL, nans, 2, 0, NULL, &error));
    g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA);
  }
}

/* the two translucent colours over white, where they do not overlap */
static gboolean
light_blue (guint r, guint g, guint b)
{
  return b > r + 50 && b > 200 && r > 100;
}

static gboolean
light_orange (guint r, guint g, guint b)
{
  return r > 240 && g > 170 && g < 210 && b > 120 && b < 150;
}

static void
test_overlay_densities (void)
{
  /* 100 values uniform on [0, 1) and 1000 on [1, 2): as densities both
   * are 1 high, so their areas on the page are equal despite 10x the rows */
  double a[100], b[1000];
  g_autoptr (LbChart) chart = NULL;
  cairo_surface_t *s;
  Blob left, right;

  for (guint i = 0; i < 100; i++)
    a[i] = i / 100.0;
  for (guint i = 0; i < 1000; i++)
    b[i] = 1 + i / 1000.0;
  chart = lb_chart_new_histogram_overlay (a, 100, "training", b, 1000, "new data", "median_income", 20, NULL);
  g_assert_nonnull (chart);
  s = render (chart, W, H);
  save_if_asked (s, "overlay.png");
  left = blob (s, 0, 1, 0, 1, light_blue);
  right = blob (s, 0, 1, 0, 1, light_orange);
  g_test_message ("blue %zu px at x %.0f, orange %zu px at x %.0f", left.n, left.x, right.n, right.x);
  g_assert_cmpfloat (left.x, <, right.x - W * 0.3);
  /* equal areas within 5 % (the legend's samples and outlines differ a little) */
  g_assert_cmpfloat (fabs ((double) left.n / right.n - 1.0), <, 0.05);
  cairo_surface_destroy (s);

  {
    double none[2] = { NAN, NAN };
    g_autoptr (GError) error = NULL;
    g_assert_null (lb_chart_new_histogram_overlay (a, 100, "a", none, 2, "b", NULL, 0, &error));
    g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA);
  }
}

static gboolean
line_red (guint r, guint g, guint b)
{
  return r > 180 && g < 90 && b < 90;
}

static gboolean
point_blue (guint r, guint g, guint b)
{
  return b > r + 60 && b > g + 20;
}

static void
test_prediction_views (void)
{
  double y_true[200], y_pred[200];
  cairo_surface_t *s;

  /* predictions 1 too low everywhere: residuals all +1, above the y = 0 line */
  for (guint i = 0; i < 200; i++)
    {
      y_true[i] = i / 10.0;
      y_pred[i] = y_true[i] - 1;
    }
  {
    g_autoptr (LbChart) chart = lb_chart_new_prediction (y_true, y_pred, 200, LB_PREDICTION_RESIDUALS, "y", NULL);
    Blob pts, line;
    s = render (chart, W, H);
    save_if_asked (s, "residuals.png");
    pts = blob (s, 0, 1, 0, 1, point_blue);
    line = blob (s, 0, 1, 0, 1, line_red);
    g_test_message ("points at row %.1f, zero line at %.1f", pts.y, line.y);
    /* +1 on a symmetric range of -+1.05: about half the plot height above */
    g_assert_cmpfloat (line.y - pts.y, >, H * 0.3);
    cairo_surface_destroy (s);
  }
  {
    /* perfect predictions lie on y = x: the points' rows fall as x grows
     * exactly as the red line's */
    g_autoptr (LbChart) chart = lb_chart_new_prediction (y_true, y_true, 200, LB_PREDICTION_VS_ACTUAL, "y", NULL);
    Blob l0, l1;
    s = render (chart, W, H);
    save_if_asked (s, "pred-vs-actual.png");
    l0 = blob (s, 0.3, 0.4, 0, 1, point_blue);
    l1 = blob (s, 0.6, 0.7, 0, 1, point_blue);
    g_assert_cmpfloat (l0.y, >, l1.y + H * 0.2);
    cairo_surface_destroy (s);
  }
  {
    double nan2[2] = { NAN, 1 };
    g_autoptr (GError) error = NULL;
    g_assert_null (lb_chart_new_prediction (nan2, nan2, 1, LB_PREDICTION_RESIDUALS, NULL, &error));
    g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA);
  }
}

/* Every chart of this file at thumbnail and odd sizes: draws something (the
 * page is not left blank from 120 x 90 on), never fails or crashes. */
static void
test_small_sizes (void)
{
  double counts[4] = { 5, 1, 2, 7 }, scores[6] = { 0.8, 0.82, 0.79, 0.6, 0.65, 0.62 };
  double values[3] = { 0.5, 0.3, 0.2 }, a[5] = { 1, 2, 3, 4, 5 }, b[5] = { 2, 3, 4, 5, 6 };
  const char *names[3] = { "median_income", "INLAND", "longitude" };
  g_autoptr (LbMatrix) m = lb_matrix_new_from_data (2, 2, counts);
  LbChart *charts[6];
  static const int sizes[][2] = { { 60, 45 }, { 120, 90 }, { 200, 600 }, { 900, 70 } };

  charts[0] = lb_chart_new_confusion (m, NULL, LB_CONFUSION_ERRORS, NULL);
  charts[1] = lb_chart_new_fold_scores (names, scores, 2, 3, "accuracy", NULL);
  charts[2] = lb_chart_new_bars (names, values, 3, 0, NULL, NULL);
  charts[3] = lb_chart_new_histogram_overlay (a, 5, "a", b, 5, "b", "x", 0, NULL);
  charts[4] = lb_chart_new_prediction (a, b, 5, LB_PREDICTION_VS_ACTUAL, NULL, NULL);
  charts[5] = lb_chart_new_prediction (a, b, 5, LB_PREDICTION_RESIDUALS, "y", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      g_assert_nonnull (charts[c]);
      for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
        {
          cairo_surface_t *s = render (charts[c], sizes[k][0], sizes[k][1]);
          if (sizes[k][0] >= 120 && sizes[k][1] >= 90)
            g_assert_cmpuint (count_pixels (s, 0, 1, 0, 1, not_white), >, 50);
          cairo_surface_destroy (s);
        }
      lb_chart_unref (charts[c]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/plots/Confusion/errors-view", test_confusion_errors_view);
  g_test_add_func ("/learnbench/plots/Confusion/invalid", test_confusion_invalid);
  g_test_add_func ("/learnbench/plots/FoldScores/models", test_fold_scores);
  g_test_add_func ("/learnbench/plots/Bars/sorted", test_bars_sorted);
  g_test_add_func ("/learnbench/plots/HistogramOverlay/densities", test_overlay_densities);
  g_test_add_func ("/learnbench/plots/Prediction/views", test_prediction_views);
  g_test_add_func ("/learnbench/plots/Evaluation/small-sizes", test_small_sizes);

  return g_test_run ();
}
