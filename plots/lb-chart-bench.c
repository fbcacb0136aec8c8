/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-bench.c: the scatter micro-benchmark `learnbench bench plots` and
 * the plot tests report: a seeded housing-like scatter (position, numeric
 * colour with a colour bar, numeric size, alpha 0.4) rendered off-screen.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "lb-chart-private.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static LbTable *
make_table (guint n)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240601);
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  double *x = g_new (double, n), *y = g_new (double, n), *c = g_new (double, n), *s = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      x[i] = g_rand_double_range (rand, -124.3, -114.3);
      y[i] = g_rand_double_range (rand, 32.5, 42.0);
      c[i] = g_rand_double_range (rand, 15000, 500000);
      s[i] = 3 + 3000 * pow (g_rand_double (rand), 3);
    }
  g_ptr_array_add (columns, lb_column_new_numeric ("longitude", x, n));
  g_ptr_array_add (columns, lb_column_new_numeric ("latitude", y, n));
  g_ptr_array_add (columns, lb_column_new_numeric ("median_house_value", c, n));
  g_ptr_array_add (columns, lb_column_new_numeric ("population", s, n));
  return lb_table_new (columns, NULL);
}

double
lb_chart_bench_scatter_ms (guint   n_points,
                           guint   repeats,
                           double *points_ms)
{
  g_autoptr (LbTable) table = NULL;
  g_autoptr (LbChart) chart = NULL;
  LbScatterOptions options = {
    .x = "longitude", .y = "latitude", .color_by = "median_house_value",
    .size_by = "population", .alpha = 0.4, .size_scale = 0.01,
  };
  g_autofree double *total = NULL, *points = NULL;
  cairo_surface_t *surface;
  double result;

  g_return_val_if_fail (n_points > 0, -1);
  repeats = MAX (repeats, 1);
  table = make_table (n_points);
  chart = lb_chart_new_scatter (table, &options, NULL);
  g_return_val_if_fail (chart != NULL, -1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  total = g_new (double, repeats);
  points = g_new (double, repeats);
  for (guint i = 0; i <= repeats; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time (), points_us = 0;

      lb_chart_render_timed (chart, cr, 1280, 800, &points_us, NULL);
      cairo_destroy (cr);
      if (i > 0) /* the first is a warm-up: fonts, caches */
        {
          total[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
          points[i - 1] = points_us / 1000.0;
        }
    }
  cairo_surface_destroy (surface);
  result = median (total, repeats);
  if (points_ms != NULL)
    *points_ms = median (points, repeats);
  return result;
}

double
lb_chart_bench_tree_ms (guint   n_nodes,
                        guint   repeats,
                        double *zoomed_ms)
{
  g_autoptr (LbTree) tree = NULL;
  g_autoptr (LbChart) chart = NULL;
  g_autofree double *fit = NULL, *zoomed = NULL;
  cairo_surface_t *surface;
  guint depth = 0, n;
  double result;

  g_return_val_if_fail (n_nodes > 0 && n_nodes <= 1u << 20, -1);
  while (((1u << (depth + 1)) - 1) < n_nodes)
    depth++;
  n = (1u << (depth + 1)) - 1;
  tree = lb_tree_new (n, 8, 3, "gini");
  for (guint i = 0; i < n; i++)
    {
      gboolean leaf = 2 * i + 1 >= n;
      tree->nodes[i] = (LbTreeNode) { leaf ? -1 : (int) (2 * i + 1), leaf ? -1 : (int) (2 * i + 2),
                                      leaf ? -1 : (int) (i % 8), 0.125 * i, 0.5, 100, 100 };
      tree->values[3 * i] = 1 + i % 7;
      tree->values[3 * i + 1] = 1 + i % 5;
      tree->values[3 * i + 2] = 1 + i % 3;
    }
  tree->max_depth = depth;
  chart = lb_chart_new_tree (tree, NULL, NULL);
  g_return_val_if_fail (chart != NULL, -1);

  repeats = MAX (repeats, 1);
  fit = g_new (double, repeats);
  zoomed = g_new (double, repeats);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  for (guint i = 0; i <= repeats; i++)
    for (guint z = 0; z < 2; z++)
      {
        cairo_t *cr = cairo_create (surface);
        gint64 start = g_get_monotonic_time ();

        if (z == 1)
          cairo_translate (cr, -1280 * 1.5, 0);  /* the top middle of a 4x page: a wide tree's root */
        lb_chart_render (chart, cr, 1280 * (z ? 4 : 1), 800 * (z ? 4 : 1), NULL);
        cairo_destroy (cr);
        if (i > 0)
          (z ? zoomed : fit)[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
      }
  cairo_surface_destroy (surface);
  result = median (fit, repeats);
  if (zoomed_ms != NULL)
    *zoomed_ms = median (zoomed, repeats);
  return result;
}
