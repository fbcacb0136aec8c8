/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-plot-test-util.h: what the plot tests share: tables built in the test
 * (no data files needed), a render into an image surface, pixel counts by
 * colour class, and LB_PLOTS_SAVE_DIR to keep the pictures for a look.
 */
#pragma once

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lb-plots.h"
#include "lb-test-util.h"

#define W 800
#define H 600


G_GNUC_UNUSED static LbColumn *
numeric_column (const char   *name,
                const double *values,
                gsize         n)
{
  return lb_column_new_numeric (name, g_memdup2 (values, n * sizeof (double)), n);
}

/* A table from NULL-terminated (LbColumn *) arguments, taking them. */
G_GNUC_UNUSED static LbTable *
table_of (LbColumn *first,
          ...)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr (GError) error = NULL;
  LbTable *table;
  va_list ap;

  va_start (ap, first);
  for (LbColumn *c = first; c != NULL; c = va_arg (ap, LbColumn *))
    g_ptr_array_add (columns, c);
  va_end (ap);
  table = lb_table_new (columns, &error);
  g_assert_no_error (error);
  return table;
}

G_GNUC_UNUSED static cairo_surface_t *
render (LbChart *chart,
        int      width,
        int      height)
{
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  g_assert_true (lb_chart_render (chart, cr, width, height, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

typedef gboolean (*PixelTest) (guint r, guint g, guint b);

/* Pixels in [x0, x1) x [y0, y1) (fractions of the surface) that pass @test. */
G_GNUC_UNUSED static gsize
count_pixels (cairo_surface_t *surface,
              double           fx0,
              double           fx1,
              double           fy0,
              double           fy1,
              PixelTest        test)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  gsize n = 0;

  for (int y = (int) (fy0 * h); y < (int) (fy1 * h); y++)
    for (int x = (int) (fx0 * w); x < (int) (fx1 * w); x++)
      {
        guint32 p = ((const guint32 *) (gconstpointer) (data + y * stride))[x];
        if (test ((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff))
          n++;
      }
  return n;
}

G_GNUC_UNUSED static gboolean
not_white (guint r, guint g, guint b)
{
  return r < 250 || g < 250 || b < 250;
}

/* matplotlib's default blue, #1f77b4, give or take anti-aliasing */
G_GNUC_UNUSED static gboolean
bar_blue (guint r, guint g, guint b)
{
  return r < 60 && g > 90 && g < 150 && b > 150 && b < 210;
}

/* a blue-dominated pixel: blue points over white, at any alpha */
G_GNUC_UNUSED static gboolean
bluish (guint r, guint g, guint b)
{
  return b > r + 40 && b > g + 10;
}

G_GNUC_UNUSED static gboolean
reddish (guint r, guint g, guint b)
{
  return r > b + 60 && r > g + 40;
}

G_GNUC_UNUSED static gboolean
dark_red (guint r, guint g, guint b)
{
  return r > 80 && r < 140 && g < 30 && b < 60;
}

G_GNUC_UNUSED static gboolean
dark_blue (guint r, guint g, guint b)
{
  return r < 30 && g < 70 && b > 70 && b < 120;
}

G_GNUC_UNUSED static gboolean
black (guint r, guint g, guint b)
{
  return r < 40 && g < 40 && b < 40;
}

G_GNUC_UNUSED static void
save_if_asked (cairo_surface_t *surface,
               const char      *name)
{
  const char *dir = g_getenv ("LB_PLOTS_SAVE_DIR");

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }
}

G_GNUC_UNUSED static gboolean
tab_orange (guint r, guint g, guint b)
{
  return r > 230 && g > 110 && g < 150 && b < 40;
}

G_GNUC_UNUSED static gboolean
tab_green (guint r, guint g, guint b)
{
  return r < 70 && g > 140 && g < 180 && b < 70;
}

/* 900 values in [0, 0.3) and 100 spread over [0, 1]: the bars must pile up in
 * the left third of the plot, and move right when the data do. */
G_GNUC_UNUSED static LbTable *
skewed_table (gboolean to_the_right)
{
  double v[1000];

  for (guint i = 0; i < 1000; i++)
    {
      double x = i < 900 ? (i % 300) / 1000.0 : (i - 900) / 99.0;
      v[i] = to_the_right ? 1.0 - x : x;
    }
  return table_of (numeric_column ("value", v, 1000), NULL);
}

G_GNUC_UNUSED static LbTable *
two_clusters_table (guint n)
{
  g_autofree double *x = g_new (double, n), *y = g_new (double, n), *c = g_new (double, n), *s = g_new (double, n);
  g_autofree gint32 *codes = g_new (gint32, n);
  char **names = g_new0 (char *, 4);

  /* half the points near (0, 0) coloured 0, half near (10, 10) coloured 100 */
  for (guint i = 0; i < n; i++)
    {
      gboolean far = i % 2 == 1;
      x[i] = (far ? 10 : 0) + sin (i * 1.7) * 1.5;
      y[i] = (far ? 10 : 0) + cos (i * 2.3) * 1.5;
      c[i] = far ? 100 : 0;
      s[i] = 50 + i % 100;
      codes[i] = i % 3;
    }
  /* one row with a missing x: skipped, not drawn at (0, NaN) */
  x[0] = NAN;
  names[0] = g_strdup ("red");
  names[1] = g_strdup ("green");
  names[2] = g_strdup ("blue");
  return table_of (numeric_column ("x", x, n), numeric_column ("y", y, n),
                   numeric_column ("value", c, n), numeric_column ("size", s, n),
                   lb_column_new_categorical ("kind", g_memdup2 (codes, n * sizeof (gint32)), n, names),
                   NULL);
}
