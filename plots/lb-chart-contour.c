/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-contour.c: a cost surface J(theta0, theta1) as contour lines with
 * the path gradient descent took over it — the gradient descent lab's
 * picture (the book's chapter 4). Levels are spaced geometrically for a
 * positive cost bowl so the rings near the minimum are not all lost.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-chart-private.h"

#define DEFAULT_LEVELS 12
#define MAX_LEVELS 100
#define MAX_GRID 1000

typedef struct
{
  LbChart  parent;
  guint    nx, ny;
  double   x0, x1, y0, y1;
  double  *z;
  guint    n_levels;
  double  *levels;
  gsize    n_path;
  double  *px;
  double  *py;
  char    *x_label;
  char    *y_label;
} LbContourChart;

static void
contour_render (LbChart   *chart,
                LbPlotCtx *ctx)
{
  LbContourChart *self = (LbContourChart *) chart;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));

  if (!lb_plot_xy_box (ctx, top, self->x0, self->x1, self->y0, self->y1, self->x_label, self->y_label, 0))
    return;
  for (guint k = 0; k < self->n_levels; k++)
    {
      /* low costs dark blue, high ones green-yellow: the bowl reads at a glance */
      double t = self->n_levels > 1 ? (double) k / (self->n_levels - 1) : 0;
      guint32 rgb = lb_color_lighten (lb_colormap_eval (LB_COLORMAP_JET, 0.08 + 0.55 * t), 0.1);  /* no red: the path is red */
      lb_plot_contour (ctx, self->z, self->nx, self->ny, self->x0, self->x1, self->y0, self->y1,
                       &self->levels[k], 1, rgb, 1.3 * ctx->scale, FALSE);
    }

  if (self->n_path > 0)
    {
      gboolean pen = FALSE;
      double ux, uy;

      lb_plot_cairo_begin (ctx);
      lb_plot_clip_viewport (ctx);
      for (gsize i = 0; i < self->n_path; i++)
        {
          if (!isfinite (self->px[i]) || !isfinite (self->py[i]))
            {
              pen = FALSE;
              continue;
            }
          lb_plot_world_to_user (ctx, self->px[i], self->py[i], &ux, &uy);
          if (pen)
            cairo_line_to (ctx->cr, ux, uy);
          else
            cairo_move_to (ctx->cr, ux, uy);
          pen = TRUE;
        }
      cairo_set_source_rgb (ctx->cr, 0.84, 0.15, 0.16);
      cairo_set_line_width (ctx->cr, 1.8 * ctx->scale);
      cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (ctx->cr);
      /* a dot per step, too many steps make a line of them */
      for (gsize i = 0; i < self->n_path; i++)
        if (isfinite (self->px[i]) && isfinite (self->py[i]))
          {
            lb_plot_world_to_user (ctx, self->px[i], self->py[i], &ux, &uy);
            lb_plot_marker_path (ctx->cr, LB_MARKER_CIRCLE, ux, uy, (self->n_path > 200 ? 1.6 : 3.0) * ctx->scale);
          }
      cairo_fill (ctx->cr);
      /* the start as a square, the current point as a ringed disc */
      if (isfinite (self->px[0]) && isfinite (self->py[0]))
        {
          lb_plot_world_to_user (ctx, self->px[0], self->py[0], &ux, &uy);
          lb_plot_marker_path (ctx->cr, LB_MARKER_SQUARE, ux, uy, 5.0 * ctx->scale);
          cairo_fill (ctx->cr);
        }
      if (isfinite (self->px[self->n_path - 1]) && isfinite (self->py[self->n_path - 1]))
        {
          lb_plot_world_to_user (ctx, self->px[self->n_path - 1], self->py[self->n_path - 1], &ux, &uy);
          lb_plot_marker_path (ctx->cr, LB_MARKER_CIRCLE, ux, uy, 6.0 * ctx->scale);
          cairo_set_source_rgb (ctx->cr, 1, 1, 1);
          cairo_fill_preserve (ctx->cr);
          cairo_set_source_rgb (ctx->cr, 0.84, 0.15, 0.16);
          cairo_set_line_width (ctx->cr, 2.5 * ctx->scale);
          cairo_stroke (ctx->cr);
        }
      lb_plot_cairo_end (ctx);
    }
  lb_plot_xy_finish (ctx, self->x_label, self->y_label);
}

static void
contour_free (LbChart *chart)
{
  LbContourChart *self = (LbContourChart *) chart;

  g_free (self->z);
  g_free (self->levels);
  g_free (self->px);
  g_free (self->py);
  g_free (self->x_label);
  g_free (self->y_label);
}

static const LbChartClass contour_class = {
  "contour-path", contour_render, contour_free, NULL,
};

LbChart *
lb_chart_new_contour_path (const double  *z,
                           guint          nx,
                           guint          ny,
                           double         x0,
                           double         x1,
                           double         y0,
                           double         y1,
                           const double  *path_x,
                           const double  *path_y,
                           gsize          n_path,
                           const char    *x_label,
                           const char    *y_label,
                           guint          n_levels,
                           GError       **error)
{
  LbContourChart *self;
  double zmin = INFINITY, zmax = -INFINITY;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (z == NULL || nx < 2 || ny < 2 || nx > MAX_GRID || ny > MAX_GRID)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("A contour plot needs a grid of 2 to %d points per side"), MAX_GRID);
      return NULL;
    }
  if (!(x0 < x1) || !(y0 < y1) || !isfinite (x1 - x0) || !isfinite (y1 - y0)
      || MAX (MAX (fabs (x0), fabs (x1)), MAX (fabs (y0), fabs (y1))) > LB_PLOT_MAX_WORLD)
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                           _("A contour plot needs increasing, finite axis ranges"));
      return NULL;
    }
  if (n_path > 0 && (path_x == NULL || path_y == NULL))
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("Points were counted but not given"));
      return NULL;
    }
  for (gsize k = 0; k < (gsize) nx * ny; k++)
    if (isfinite (z[k]))
      {
        zmin = MIN (zmin, z[k]);
        zmax = MAX (zmax, z[k]);
      }
  if (!(zmin < zmax))
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA,
                           _("The surface is flat or empty: there are no contours to draw"));
      return NULL;
    }

  self = (LbContourChart *) lb_chart_alloc (&contour_class, sizeof *self, _("Cost and the descent path"));
  self->nx = nx;
  self->ny = ny;
  self->x0 = x0;
  self->x1 = x1;
  self->y0 = y0;
  self->y1 = y1;
  self->z = g_memdup2 (z, (gsize) nx * ny * sizeof (double));
  self->n_levels = CLAMP (n_levels > 0 ? n_levels : DEFAULT_LEVELS, 1, MAX_LEVELS);
  self->levels = g_new (double, self->n_levels);
  for (guint k = 0; k < self->n_levels; k++)
    {
      double t = (k + 1.0) / (self->n_levels + 1.0);
      /* geometric from just above the minimum for a positive bowl */
      self->levels[k] = zmin > 0 ? zmin * pow (zmax / zmin, t) : zmin + (zmax - zmin) * t;
    }
  self->n_path = n_path;
  self->px = g_memdup2 (path_x, n_path * sizeof (double));
  self->py = g_memdup2 (path_y, n_path * sizeof (double));
  self->x_label = g_strdup (x_label);
  self->y_label = g_strdup (y_label);
  return &self->parent;
}
