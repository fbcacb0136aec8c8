/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-regions.c: a classifier's decision regions on two features (the
 * book's Figures 5-4, 5-7, 5-9): the predicted class of every grid cell as a
 * light fill, the training points by class (colour and marker), and for a
 * binary model with a decision function its boundary (0) and, for SVMs, the
 * dashed margins (-+1) with the support vectors on pink discs.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-chart-private.h"

#define REGION_LIGHTEN 0.72

typedef struct
{
  LbChart          parent;
  LbDecisionGrid  *grid;
  gsize            n;
  double          *x;
  double          *y;
  guint           *cls;
  char           **names;     /* grid->n_classes */
  char            *x_label;
  char            *y_label;
  gsize            n_sv;
  double          *sv_x;
  double          *sv_y;
  gboolean         margins;
} LbRegionsChart;

static guint32
class_color (guint c)
{
  return lb_palette_category (c);
}

static void
regions_render (LbChart   *chart,
                LbPlotCtx *ctx)
{
  LbRegionsChart *self = (LbRegionsChart *) chart;
  const LbDecisionGrid *g = self->grid;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double r = 4.0 * ctx->scale;

  if (!lb_plot_xy_box (ctx, top, g->x0, g->x1, g->y0, g->y1, self->x_label, self->y_label, 0))
    return;

  /* the regions: one pixel per cell, scaled over the grid (cell centres at
   * the grid's coordinates, so each pixel spans half a cell either side) */
  {
    cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, g->nx, g->ny);
    int stride = cairo_image_surface_get_stride (img);
    guint8 *data;
    double ux0, uy0, ux1, uy1, dx = (g->x1 - g->x0) / (g->nx - 1), dy = (g->y1 - g->y0) / (g->ny - 1);
    cairo_pattern_t *pattern;
    cairo_matrix_t m;

    cairo_surface_flush (img);
    data = cairo_image_surface_get_data (img);
    for (guint j = 0; j < g->ny; j++)
      {
        guint32 *row = (guint32 *) (gpointer) (data + (gsize) (g->ny - 1 - j) * stride);  /* y up */
        for (guint i = 0; i < g->nx; i++)
          row[i] = lb_color_lighten (class_color (g->classes[(gsize) j * g->nx + i]), REGION_LIGHTEN);
      }
    cairo_surface_mark_dirty (img);

    lb_plot_cairo_begin (ctx);
    lb_plot_clip_viewport (ctx);
    lb_plot_world_to_user (ctx, g->x0 - dx / 2, g->y1 + dy / 2, &ux0, &uy0);
    lb_plot_world_to_user (ctx, g->x1 + dx / 2, g->y0 - dy / 2, &ux1, &uy1);
    pattern = cairo_pattern_create_for_surface (img);
    cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
    cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
    cairo_matrix_init_scale (&m, g->nx / (ux1 - ux0), g->ny / (uy1 - uy0));
    cairo_matrix_translate (&m, -ux0, -uy0);
    cairo_pattern_set_matrix (pattern, &m);
    cairo_set_source (ctx->cr, pattern);
    cairo_rectangle (ctx->cr, ux0, uy0, ux1 - ux0, uy1 - uy0);
    cairo_fill (ctx->cr);
    cairo_pattern_destroy (pattern);
    cairo_surface_destroy (img);

    /* support vectors: pink discs under the points, as the book draws them */
    for (gsize i = 0; i < self->n_sv; i++)
      {
        double ux, uy;
        if (!isfinite (self->sv_x[i]) || !isfinite (self->sv_y[i]))
          continue;
        lb_plot_world_to_user (ctx, self->sv_x[i], self->sv_y[i], &ux, &uy);
        lb_plot_marker_path (ctx->cr, LB_MARKER_CIRCLE, ux, uy, r * 2.4);
      }
    lb_plot_cairo_rgb (ctx->cr, 0xffaaaa, 1);
    cairo_fill (ctx->cr);
    lb_plot_cairo_end (ctx);
  }
  lb_plot_grid (ctx);

  if (g->decision == NULL && g->n_classes <= 50)
    {
      /* no decision function (trees, neighbours, several classes): the
       * boundaries where the predicted class changes, as the 0.5 contour of
       * each class's indicator */
      g_autofree double *ind = g_new (double, (gsize) g->nx * g->ny);
      double half = 0.5;
      for (guint c = 0; c < g->n_classes; c++)
        {
          gboolean present = FALSE;
          for (gsize k = 0; k < (gsize) g->nx * g->ny; k++)
            {
              ind[k] = g->classes[k] == c;
              present |= g->classes[k] == c;
            }
          if (present)
            lb_plot_contour (ctx, ind, g->nx, g->ny, g->x0, g->x1, g->y0, g->y1, &half, 1,
                             0x444444, 1.2 * ctx->scale, FALSE);
        }
    }
  else if (g->decision != NULL)
    {
      double zero = 0, margins[2] = { -1, 1 };
      lb_plot_contour (ctx, g->decision, g->nx, g->ny, g->x0, g->x1, g->y0, g->y1, &zero, 1,
                       0x222222, 2.0 * ctx->scale, FALSE);
      if (self->margins)
        lb_plot_contour (ctx, g->decision, g->nx, g->ny, g->x0, g->x1, g->y0, g->y1, margins, 2,
                         0x222222, 1.4 * ctx->scale, TRUE);
    }

  lb_plot_cairo_begin (ctx);
  lb_plot_clip_viewport (ctx);
  for (guint c = 0; c <= g->n_classes; c++)
    {
      gboolean any = FALSE;
      for (gsize i = 0; i < self->n; i++)
        {
          double ux, uy;
          guint pc = self->cls[i] < g->n_classes ? self->cls[i] : g->n_classes;
          if (pc != c || !isfinite (self->x[i]) || !isfinite (self->y[i]))
            continue;
          lb_plot_world_to_user (ctx, self->x[i], self->y[i], &ux, &uy);
          lb_plot_marker_path (ctx->cr, (LbMarker) (c % LB_MARKER_N), ux, uy, r);
          any = TRUE;
        }
      if (!any)
        continue;
      lb_plot_cairo_rgb (ctx->cr, c < g->n_classes ? class_color (c) : 0x7f7f7f, 1);
      cairo_fill_preserve (ctx->cr);
      cairo_set_source_rgba (ctx->cr, 0, 0, 0, 0.55);
      cairo_set_line_width (ctx->cr, 0.6 * ctx->scale);
      cairo_stroke (ctx->cr);
    }
  lb_plot_cairo_end (ctx);
  lb_plot_xy_finish (ctx, self->x_label, self->y_label);

  {
    g_autofree LbLegendEntry *entries = g_new0 (LbLegendEntry, g->n_classes);
    for (guint c = 0; c < g->n_classes; c++)
      {
        entries[c].label = self->names[c];
        entries[c].rgb = class_color (c);
        entries[c].kind = LB_LEGEND_MARKER;
        entries[c].marker = (LbMarker) (c % LB_MARKER_N);
      }
    if (g->n_classes <= 20)
      lb_plot_legend (ctx, entries, g->n_classes, lb_plot_emptiest_corner (ctx, self->x, self->y, self->n));
  }
}

static void
regions_free (LbChart *chart)
{
  LbRegionsChart *self = (LbRegionsChart *) chart;

  lb_decision_grid_unref (self->grid);
  g_free (self->x);
  g_free (self->y);
  g_free (self->cls);
  g_strfreev (self->names);
  g_free (self->x_label);
  g_free (self->y_label);
  g_free (self->sv_x);
  g_free (self->sv_y);
}

static const LbChartClass regions_class = {
  "decision-regions", regions_render, regions_free, NULL,
};

LbChart *
lb_chart_new_decision_regions (LbDecisionGrid                  *grid,
                               const LbDecisionRegionsOptions  *options,
                               GError                         **error)
{
  LbDecisionRegionsOptions opt = { 0 };
  LbRegionsChart *self;

  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options != NULL)
    opt = *options;
  if (grid->nx < 2 || grid->ny < 2 || grid->classes == NULL || grid->n_classes == 0
      || !(grid->x0 < grid->x1) || !(grid->y0 < grid->y1)
      || !isfinite (grid->x1 - grid->x0) || !isfinite (grid->y1 - grid->y0))
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("The decision grid is empty"));
      return NULL;
    }
  if ((opt.n > 0 && (opt.x == NULL || opt.y == NULL || opt.point_class == NULL))
      || (opt.n_sv > 0 && (opt.sv_x == NULL || opt.sv_y == NULL)))
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("Points were counted but not given"));
      return NULL;
    }

  self = (LbRegionsChart *) lb_chart_alloc (&regions_class, sizeof *self, _("Decision regions"));
  self->grid = lb_decision_grid_ref (grid);
  self->n = opt.n;
  self->x = g_memdup2 (opt.x, opt.n * sizeof (double));
  self->y = g_memdup2 (opt.y, opt.n * sizeof (double));
  self->cls = g_memdup2 (opt.point_class, opt.n * sizeof (guint));
  self->n_sv = opt.n_sv;
  self->sv_x = g_memdup2 (opt.sv_x, opt.n_sv * sizeof (double));
  self->sv_y = g_memdup2 (opt.sv_y, opt.n_sv * sizeof (double));
  self->margins = opt.show_margins;
  self->x_label = g_strdup (opt.x_label);
  self->y_label = g_strdup (opt.y_label);
  self->names = g_new0 (char *, grid->n_classes + 1);
  for (guint c = 0; c < grid->n_classes; c++)
    self->names[c] = g_strdup (opt.class_names != NULL && opt.class_names[c] != NULL ? opt.class_names[c]
                               : grid->class_names != NULL && grid->class_names[c] != NULL ? grid->class_names[c]
                               : "?");
  /* points far outside the grid would only stretch nothing: they are clipped */
  return &self->parent;
}
