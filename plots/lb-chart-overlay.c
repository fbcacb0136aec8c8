/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-overlay.c: two samples of one column on the same bins, drawn as
 * translucent density histograms one over the other — the launch page's
 * drift view (training data against a new file). Densities, not counts, so
 * samples of different sizes compare; the bins are shared so shapes do too.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "lb-chart-private.h"

#define MAX_OVERLAY_BINS 100

typedef struct
{
  LbChart  parent;
  double   lo, hi;
  guint    n_bins;
  double  *density[2];   /* n_bins each, area 1 */
  char    *label[2];
  char    *x_label;
} LbOverlayChart;

static void
overlay_render (LbChart   *chart,
                LbPlotCtx *ctx)
{
  static const guint32 colors[2] = { 0x1f77b4, 0xff7f0e };
  LbOverlayChart *self = (LbOverlayChart *) chart;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double ymax = 0, step = (self->hi - self->lo) / self->n_bins;

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < self->n_bins; i++)
      ymax = MAX (ymax, self->density[s][i]);
  if (!lb_plot_xy_box (ctx, top, self->lo, self->hi, 0, ymax * 1.15, self->x_label, _("Density"), 0))
    return;

  lb_plot_cairo_begin (ctx);
  lb_plot_clip_viewport (ctx);
  for (guint s = 0; s < 2; s++)
    {
      for (guint i = 0; i < self->n_bins; i++)
        {
          double x0, y0, x1, y1;
          if (self->density[s][i] <= 0)
            continue;
          lb_plot_world_to_user (ctx, self->lo + i * step, 0, &x0, &y0);
          lb_plot_world_to_user (ctx, self->lo + (i + 1) * step, self->density[s][i], &x1, &y1);
          cairo_rectangle (ctx->cr, x0, y1, x1 - x0, y0 - y1);
        }
      lb_plot_cairo_rgb (ctx->cr, colors[s], 0.5);
      cairo_fill (ctx->cr);
      /* the outline of each sample's shape, so overlaps stay readable */
      {
        double ux, uy;
        lb_plot_world_to_user (ctx, self->lo, 0, &ux, &uy);
        cairo_move_to (ctx->cr, ux, uy);
        for (guint i = 0; i < self->n_bins; i++)
          {
            lb_plot_world_to_user (ctx, self->lo + i * step, self->density[s][i], &ux, &uy);
            cairo_line_to (ctx->cr, ux, uy);
            lb_plot_world_to_user (ctx, self->lo + (i + 1) * step, self->density[s][i], &ux, &uy);
            cairo_line_to (ctx->cr, ux, uy);
          }
        lb_plot_world_to_user (ctx, self->hi, 0, &ux, &uy);
        cairo_line_to (ctx->cr, ux, uy);
        lb_plot_cairo_rgb (ctx->cr, colors[s], 1);
        cairo_set_line_width (ctx->cr, 1.4 * ctx->scale);
        cairo_stroke (ctx->cr);
      }
    }
  lb_plot_cairo_end (ctx);
  lb_plot_xy_finish (ctx, self->x_label, _("Density"));
  {
    LbLegendEntry entries[2] = {
      { self->label[0], colors[0], LB_LEGEND_BOX, LB_MARKER_CIRCLE, 0.5 },
      { self->label[1], colors[1], LB_LEGEND_BOX, LB_MARKER_CIRCLE, 0.5 },
    };
    double xs[2 * MAX_OVERLAY_BINS], ys[2 * MAX_OVERLAY_BINS];
    guint k = 0;
    for (guint s = 0; s < 2; s++)
      for (guint i = 0; i < self->n_bins; i++, k++)
        {
          xs[k] = self->lo + (i + 0.5) * step;
          ys[k] = self->density[s][i];
        }
    lb_plot_legend (ctx, entries, 2, lb_plot_emptiest_corner (ctx, xs, ys, k));
  }
}

static void
overlay_free (LbChart *chart)
{
  LbOverlayChart *self = (LbOverlayChart *) chart;

  for (guint s = 0; s < 2; s++)
    {
      g_free (self->density[s]);
      g_free (self->label[s]);
    }
  g_free (self->x_label);
}

static const LbChartClass overlay_class = {
  "histogram-overlay", overlay_render, overlay_free, NULL,
};

LbChart *
lb_chart_new_histogram_overlay (const double  *a,
                                gsize          n_a,
                                const char    *label_a,
                                const double  *b,
                                gsize          n_b,
                                const char    *label_b,
                                const char    *x_label,
                                guint          n_bins,
                                GError       **error)
{
  const double *samples[2] = { a, b };
  gsize sizes[2] = { n_a, n_b }, counted[2] = { 0, 0 };
  double lo = INFINITY, hi = -INFINITY;
  LbOverlayChart *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint s = 0; s < 2; s++)
    {
      for (gsize i = 0; samples[s] != NULL && i < sizes[s]; i++)
        if (isfinite (samples[s][i]))
          {
            lo = MIN (lo, samples[s][i]);
            hi = MAX (hi, samples[s][i]);
            counted[s]++;
          }
      if (counted[s] == 0)
        {
          g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA,
                       _("“%s” has no values to draw"),
                       (s == 0 ? label_a : label_b) != NULL ? (s == 0 ? label_a : label_b) : "?");
          return NULL;
        }
    }
  if (!isfinite (hi - lo) || MAX (fabs (lo), fabs (hi)) > LB_PLOT_MAX_WORLD)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("The values span a range too wide to draw (%g to %g)"), lo, hi);
      return NULL;
    }
  if (n_bins == 0)
    {
      g_autofree double *both = g_new (double, n_a + n_b);
      for (gsize i = 0; i < n_a; i++)
        both[i] = a[i];
      for (gsize i = 0; i < n_b; i++)
        both[n_a + i] = b[i];
      n_bins = lb_bin_rule_count_bins (LB_BIN_RULE_FREEDMAN_DIACONIS, both, n_a + n_b, 0);
    }
  n_bins = CLAMP (n_bins, 1, MAX_OVERLAY_BINS);
  if (lo == hi)
    {
      lo -= 0.5;
      hi += 0.5;
    }

  self = (LbOverlayChart *) lb_chart_alloc (&overlay_class, sizeof *self, x_label);
  self->lo = lo;
  self->hi = hi;
  self->n_bins = n_bins;
  self->label[0] = g_strdup (label_a != NULL ? label_a : _("training"));
  self->label[1] = g_strdup (label_b != NULL ? label_b : _("new data"));
  self->x_label = g_strdup (x_label);
  for (guint s = 0; s < 2; s++)
    {
      double width = (hi - lo) / n_bins;
      self->density[s] = g_new0 (double, n_bins);
      for (gsize i = 0; i < sizes[s]; i++)
        {
          double v = samples[s][i];
          gint64 k;
          if (!isfinite (v))
            continue;
          k = (gint64) floor ((v - lo) / width);
          self->density[s][CLAMP (k, 0, (gint64) n_bins - 1)] += 1;
        }
      for (guint i = 0; i < n_bins; i++)
        self->density[s][i] /= counted[s] * width;
    }
  return &self->parent;
}
