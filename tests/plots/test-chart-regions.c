/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-chart-regions.c: decision regions of a fitted classifier (the book's
 * Figures 5-4, 5-7, 5-9) and the gradient descent lab's cost contours with
 * their path, rendered off-screen and checked by where the colours fall:
 * each class's region on its side of a boundary known by symmetry, the
 * boundary line at the colour change, margins, support vectors, contour
 * rings around the minimum and the path leading into it.
 */
#include "config.h"

#include "lb-plot-test-util.h"

/* 40 points: class 0 at x < 0, class 1 at x > 0, mirror images of each
 * other, so a logistic regression's boundary is x = 0 (w1 = 0, b = 0). */
static void
symmetric_points (double *x,
                  double *y,
                  double *cls)
{
  for (guint i = 0; i < 20; i++)
    {
      double a = 0.3 + 1.7 * (i % 5) / 4.0, b = -1 + 2.0 * (i / 5) / 3.0;
      x[i] = -a;
      y[i] = b;
      cls[i] = 0;
      x[20 + i] = a;
      y[20 + i] = b;
      cls[20 + i] = 1;
    }
}

static gboolean
region_blue (guint r, guint g, guint b)
{
  /* #1f77b4 lightened 72 % toward white: (192, 217, 234) */
  return abs ((int) r - 192) < 6 && abs ((int) g - 217) < 6 && abs ((int) b - 234) < 6;
}

static gboolean
region_orange (guint r, guint g, guint b)
{
  /* #ff7f0e lightened 72 %: (255, 219, 188) */
  return r > 250 && abs ((int) g - 219) < 6 && abs ((int) b - 188) < 6;
}

static gboolean
dark (guint r, guint g, guint b)
{
  return r < 90 && g < 90 && b < 90;
}

/* a grey (anti-aliased) line pixel */
static gboolean
greyish (guint r, guint g, guint b)
{
  return r < 150 && abs ((int) r - (int) g) < 25 && abs ((int) g - (int) b) < 25;
}

static gboolean
pink (guint r, guint g, guint b)
{
  return r > 245 && abs ((int) g - 170) < 8 && abs ((int) b - 170) < 8;
}

static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (s);
  return ((const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (s)))[x];
}

static gboolean
pixel_is (cairo_surface_t *s,
          int              x,
          int              y,
          PixelTest        test)
{
  guint32 p = pixel (s, x, y);
  return test ((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
}

static LbChart *
regions_chart (const char *model,
               gboolean    margins,
               gboolean    support_vectors)
{
  double x[40], y[40], c[40];
  guint cls[40];
  double sv_x[2] = { -0.3, 0.3 }, sv_y[2] = { -1, -1 };
  g_autoptr (LbMatrix) X = lb_matrix_new (40, 2);
  g_autoptr (LbMatrix) Y = lb_matrix_new (40, 1);
  g_autoptr (LbEstimator) lr = NULL;
  g_autoptr (LbDecisionGrid) grid = NULL;
  g_autoptr (GError) error = NULL;
  LbDecisionRegionsOptions opt = { 0 };
  LbDecisionGridOptions gopt = { 100, 0.2, 0, 0, 0, 0 };
  const char *names[2] = { "negative", "positive" };

  symmetric_points (x, y, c);
  for (guint i = 0; i < 40; i++)
    {
      LB_MATRIX_AT (X, i, 0) = x[i];
      LB_MATRIX_AT (X, i, 1) = y[i];
      LB_MATRIX_AT (Y, i, 0) = c[i];
      cls[i] = (guint) c[i];
    }
  lb_estimators_register_builtin ();
  lr = lb_estimator_new_by_name (model, &error);
  g_assert_no_error (error);
  g_assert_true (lb_estimator_fit (lr, X, Y, NULL, &error));
  grid = lb_decision_grid_compute (lr, x, y, 40, &gopt, NULL, &error);
  g_assert_no_error (error);
  opt.x = x;
  opt.y = y;
  opt.point_class = cls;
  opt.n = 40;
  opt.class_names = names;
  opt.x_label = "x₁";
  opt.y_label = "x₂";
  opt.show_margins = margins;
  if (support_vectors)
    {
      opt.sv_x = sv_x;
      opt.sv_y = sv_y;
      opt.n_sv = 2;
    }
  return lb_chart_new_decision_regions (grid, &opt, NULL);
}

static void
test_regions_sides_and_boundary (void)
{
  /* LogisticRegression's boundary is its decision = 0 contour; the
   * neighbours' (no decision function) is where the predicted class changes */
  for (guint m = 0; m < 2; m++)
    {
      g_autoptr (LbChart) chart = regions_chart (m == 0 ? "LogisticRegression" : "KNeighborsClassifier",
                                                 FALSE, FALSE);
      cairo_surface_t *s = render (chart, W, H);
      int row = H / 2 + 37, change = -1, dark_at = -1;
      double f;
      gsize lb, lo, rb, ro;

      save_if_asked (s, m == 0 ? "regions.png" : "regions-knn.png");
      /* along a row: the colour changes once, and the boundary line is drawn there */
      for (int x = 0; x + 1 < W; x++)
        {
          if (change < 0 && pixel_is (s, x, row, region_orange))
            change = x;
          if (dark_at < 0 && x > W / 4 && pixel_is (s, x, row, dark))
            dark_at = x;
        }
      g_test_message ("regions change at x = %d, boundary drawn at %d", change, dark_at);
      g_assert_cmpint (change, >, W / 4);
      g_assert_cmpint (abs (change - dark_at), <=, 4);
      /* the negative class's region left of it, the positive's right of it */
      f = (double) change / W;
      lb = count_pixels (s, 0, f, 0, 1, region_blue);
      lo = count_pixels (s, 0, f, 0, 1, region_orange);
      rb = count_pixels (s, f, 1, 0, 1, region_blue);
      ro = count_pixels (s, f, 1, 0, 1, region_orange);
      g_test_message ("left: %zu blue, %zu orange; right: %zu blue, %zu orange", lb, lo, rb, ro);
      g_assert_cmpuint (lb, >, 100000);
      g_assert_cmpuint (ro, >, 100000);
      g_assert_cmpuint (lo, <, 100);
      g_assert_cmpuint (rb, <, 100);
      cairo_surface_destroy (s);
    }
}

static void
test_margins_and_support_vectors (void)
{
  g_autoptr (LbChart) plain = regions_chart ("LogisticRegression", FALSE, FALSE);
  g_autoptr (LbChart) full = regions_chart ("LogisticRegression", TRUE, TRUE);
  cairo_surface_t *s1 = render (plain, W, H), *s2 = render (full, W, H);
  gsize dark1 = count_pixels (s1, 0, 1, 0.05, 0.9, greyish), dark2 = count_pixels (s2, 0, 1, 0.05, 0.9, greyish);

  save_if_asked (s2, "regions-margins.png");
  g_test_message ("dark pixels %zu without margins, %zu with", dark1, dark2);
  /* two dashed lines as tall as the plot (~480 px, half of it dashes): hundreds of pixels more */
  g_assert_cmpuint (dark2, >, dark1 + 300);
  g_assert_cmpuint (count_pixels (s1, 0, 1, 0, 1, pink), ==, 0);
  g_assert_cmpuint (count_pixels (s2, 0, 1, 0, 1, pink), >, 200);
  cairo_surface_destroy (s1);
  cairo_surface_destroy (s2);
}

static gboolean
path_red (guint r, guint g, guint b)
{
  return r > 180 && g < 80 && b < 80;
}

static void
test_contour_path (void)
{
  /* the bowl J = t0^2 + t1^2 on [-1, 1]^2, and a path from (0.8, 0.6) in */
  double z[41 * 41], px[5] = { 0.8, 0.4, 0.2, 0.1, 0.05 }, py[5] = { 0.6, 0.3, 0.15, 0.075, 0.0375 };
  g_autoptr (LbChart) chart = NULL;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *s;
  gsize ul, ur, ll, lr, red_ur, red_ll;

  for (guint j = 0; j < 41; j++)
    for (guint i = 0; i < 41; i++)
      {
        double t0 = -1 + i / 20.0, t1 = -1 + j / 20.0;
        z[j * 41 + i] = t0 * t0 + t1 * t1 + 0.01;
      }
  chart = lb_chart_new_contour_path (z, 41, 41, -1, 1, -1, 1, px, py, 5, "θ₀", "θ₁", 10, &error);
  g_assert_no_error (error);
  s = render (chart, W, W);
  save_if_asked (s, "contour-path.png");
  /* rings around the centre: as many contour pixels in each quadrant (15 %) */
  ul = count_pixels (s, 0, 0.5, 0, 0.5, not_white);
  ur = count_pixels (s, 0.5, 1, 0, 0.5, not_white);
  ll = count_pixels (s, 0, 0.5, 0.5, 1, not_white);
  lr = count_pixels (s, 0.5, 1, 0.5, 1, not_white);
  red_ur = count_pixels (s, 0.5, 1, 0, 0.5, path_red);
  red_ll = count_pixels (s, 0, 0.5, 0.5, 1, path_red);
  g_test_message ("quadrants %zu %zu %zu %zu, path red %zu upper right, %zu lower left", ul, ur, ll, lr, red_ur, red_ll);
  /* the path lies in the upper right quadrant, running to the centre */
  g_assert_cmpuint (red_ur, >, 500);
  g_assert_cmpuint (red_ll, <, 50);
  g_assert_cmpfloat ((double) ul / lr, >, 0.7);
  g_assert_cmpfloat ((double) ul / lr, <, 1.43);
  cairo_surface_destroy (s);

  {
    double flat[4] = { 1, 1, 1, 1 };
    g_assert_null (lb_chart_new_contour_path (flat, 2, 2, 0, 1, 0, 1, NULL, NULL, 0, NULL, NULL, 0, &error));
    g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/plots/DecisionRegions/sides-and-boundary", test_regions_sides_and_boundary);
  g_test_add_func ("/learnbench/plots/DecisionRegions/margins-and-support-vectors", test_margins_and_support_vectors);
  g_test_add_func ("/learnbench/plots/ContourPath/bowl", test_contour_path);

  return g_test_run ();
}
