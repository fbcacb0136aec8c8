/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-lines.c: several series on one pair of axes — loss curves streamed
 * per epoch, learning and validation curves with their -+ std bands, ROC and
 * PR curves, precision and recall against the threshold, a regression's
 * prediction lines over its training points. Optional best-point marker,
 * threshold line and chance diagonal. The series are copied when made.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-chart-private.h"

typedef struct
{
  char        *label;
  double      *x;       /* log10 already applied when log_x */
  double      *y;
  double      *y_low;   /* NULL without a band */
  double      *y_high;
  gsize        n;
  LbLineStyle  style;
  guint32      rgb;
} Series;

typedef struct
{
  LbChart         parent;
  guint           n_series;
  Series         *series;
  LbLinesOptions  opt;       /* strings below replace the caller's */
  char           *x_label;
  char           *y_label;
  char           *vline_label;
  double          vline_x;   /* log10 applied */
} LbLinesChart;

static void
data_range (LbLinesChart *self,
            double       *xlo,
            double       *xhi,
            double       *ylo,
            double       *yhi)
{
  *xlo = *ylo = INFINITY;
  *xhi = *yhi = -INFINITY;
  for (guint s = 0; s < self->n_series; s++)
    {
      const Series *se = &self->series[s];
      for (gsize i = 0; i < se->n; i++)
        {
          if (!isfinite (se->x[i]))
            continue;
          if (isfinite (se->y[i]) || (se->y_low != NULL && isfinite (se->y_low[i])))
            {
              *xlo = MIN (*xlo, se->x[i]);
              *xhi = MAX (*xhi, se->x[i]);
            }
          if (isfinite (se->y[i]))
            {
              *ylo = MIN (*ylo, se->y[i]);
              *yhi = MAX (*yhi, se->y[i]);
            }
          if (se->y_low != NULL && isfinite (se->y_low[i]) && isfinite (se->y_high[i]))
            {
              *ylo = MIN (*ylo, MIN (se->y_low[i], se->y_high[i]));
              *yhi = MAX (*yhi, MAX (se->y_low[i], se->y_high[i]));
            }
        }
    }
  if (self->opt.show_vline && isfinite (self->vline_x))
    {
      *xlo = MIN (*xlo, self->vline_x);
      *xhi = MAX (*xhi, self->vline_x);
    }
}

/* Polyline of @se in the viewport, broken at NaN. */
static void
path_series (LbPlotCtx    *ctx,
             const Series *se)
{
  gboolean pen = FALSE;

  for (gsize i = 0; i < se->n; i++)
    {
      double ux, uy;

      if (!isfinite (se->x[i]) || !isfinite (se->y[i]))
        {
          pen = FALSE;
          continue;
        }
      lb_plot_world_to_user (ctx, se->x[i], se->y[i], &ux, &uy);
      if (pen)
        cairo_line_to (ctx->cr, ux, uy);
      else
        cairo_move_to (ctx->cr, ux, uy);
      pen = TRUE;
    }
}

/* The band between y_low and y_high, one polygon per run of finite values. */
static void
fill_band (LbPlotCtx    *ctx,
           const Series *se)
{
  gsize start = 0;

  while (start < se->n)
    {
      gsize end = start;
      double ux, uy;

      while (end < se->n && isfinite (se->x[end]) && isfinite (se->y_low[end]) && isfinite (se->y_high[end]))
        end++;
      if (end - start >= 2)
        {
          for (gsize i = start; i < end; i++)
            {
              lb_plot_world_to_user (ctx, se->x[i], se->y_high[i], &ux, &uy);
              if (i == start)
                cairo_move_to (ctx->cr, ux, uy);
              else
                cairo_line_to (ctx->cr, ux, uy);
            }
          for (gsize i = end; i-- > start;)
            {
              lb_plot_world_to_user (ctx, se->x[i], se->y_low[i], &ux, &uy);
              cairo_line_to (ctx->cr, ux, uy);
            }
          cairo_close_path (ctx->cr);
          lb_plot_cairo_rgb (ctx->cr, se->rgb, 0.18);
          cairo_fill (ctx->cr);
        }
      start = end + 1;
    }
}

static void
lines_render (LbChart   *chart,
              LbPlotCtx *ctx)
{
  LbLinesChart *self = (LbLinesChart *) chart;
  const LbLinesOptions *o = &self->opt;
  double font = ctx->font_px;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double xlo, xhi, ylo, yhi, numbers_w, left, bottom;
  LbRect box;

  data_range (self, &xlo, &xhi, &ylo, &yhi);
  if (!(xlo <= xhi))
    {
      xlo = o->log_x ? 0 : 0;
      xhi = 1;
    }
  if (!(ylo <= yhi))
    {
      ylo = 0;
      yhi = 1;
    }
  if (o->diagonal)
    {
      /* the chance line wants both axes over the same span */
      ylo = xlo = MIN (xlo, ylo);
      yhi = xhi = MAX (xhi, yhi);
    }
  lb_plot_nice_range (&xlo, &xhi, o->x_min == o->x_max ? 0.02 : 0);
  lb_plot_nice_range (&ylo, &yhi, o->y_min == o->y_max ? 0.05 : 0);
  if (o->x_min != o->x_max)
    {
      xlo = o->log_x ? log10 (o->x_min) : o->x_min;
      xhi = o->log_x ? log10 (o->x_max) : o->x_max;
      lb_plot_nice_range (&xlo, &xhi, 0);
    }
  if (o->y_min != o->y_max)
    {
      ylo = o->y_min;
      yhi = o->y_max;
      lb_plot_nice_range (&ylo, &yhi, 0);
    }

  numbers_w = lb_plot_y_numbers_width (ctx, ylo, yhi);
  left = font * 1.2 + numbers_w + font * 1.4 + (self->y_label != NULL ? font * 2.2 : 0);
  bottom = font * 2.6 + (self->x_label != NULL ? font * 2.2 : 0);
  box.x = left;
  box.y = top;
  box.width = ctx->width - left - font * 2.4;
  box.height = ctx->height - top - bottom - font * 0.4;
  if (box.width < 8 || box.height < 8)
    return;
  lb_plot_set_viewport (ctx, &box, xlo, xhi, ylo, yhi);
  if (o->log_x)
    ctx->xtick = xhi - xlo >= 2 ? ceil ((xhi - xlo) / 8) : 0;

  if (o->log_x)
    {
      plcol0 (LB_PLOT_COLOR_GRID);
      plwidth (0.8 * ctx->scale);
      plbox ("gl", ctx->xtick, 0, "g", ctx->ytick, 0);
      plwidth (1.0);
    }
  else
    lb_plot_grid (ctx);

  lb_plot_cairo_begin (ctx);
  lb_plot_clip_viewport (ctx);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_ROUND);

  if (o->diagonal)
    {
      double ux0, uy0, ux1, uy1, dash[2] = { 2 * ctx->scale, 4 * ctx->scale };
      lb_plot_world_to_user (ctx, MIN (xlo, ylo), MIN (xlo, ylo), &ux0, &uy0);
      lb_plot_world_to_user (ctx, MAX (xhi, yhi), MAX (xhi, yhi), &ux1, &uy1);
      cairo_move_to (ctx->cr, ux0, uy0);
      cairo_line_to (ctx->cr, ux1, uy1);
      cairo_set_source_rgb (ctx->cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (ctx->cr, 1.2 * ctx->scale);
      cairo_set_dash (ctx->cr, dash, 2, 0);
      cairo_stroke (ctx->cr);
      cairo_set_dash (ctx->cr, NULL, 0, 0);
    }

  for (guint s = 0; s < self->n_series; s++)
    if (self->series[s].y_low != NULL)
      fill_band (ctx, &self->series[s]);

  for (guint s = 0; s < self->n_series; s++)
    {
      const Series *se = &self->series[s];
      double radius = (se->style == LB_LINE_STYLE_POINTS ? 3.2 : 2.6) * ctx->scale;

      if (se->style != LB_LINE_STYLE_POINTS)
        {
          double dash[2] = { 7 * ctx->scale, 4 * ctx->scale };
          path_series (ctx, se);
          lb_plot_cairo_rgb (ctx->cr, se->rgb, 1);
          cairo_set_line_width (ctx->cr, 2.0 * ctx->scale);
          cairo_set_dash (ctx->cr, dash, se->style == LB_LINE_STYLE_DASHED ? 2 : 0, 0);
          cairo_stroke (ctx->cr);
          cairo_set_dash (ctx->cr, NULL, 0, 0);
        }
      if (se->style == LB_LINE_STYLE_POINTS || se->style == LB_LINE_STYLE_LINES_POINTS)
        {
          for (gsize i = 0; i < se->n; i++)
            {
              double ux, uy;
              if (!isfinite (se->x[i]) || !isfinite (se->y[i]))
                continue;
              lb_plot_world_to_user (ctx, se->x[i], se->y[i], &ux, &uy);
              lb_plot_marker_path (ctx->cr, LB_MARKER_CIRCLE, ux, uy, radius);
            }
          lb_plot_cairo_rgb (ctx->cr, se->rgb, 1);
          cairo_fill (ctx->cr);
        }
    }

  if (o->show_vline && isfinite (self->vline_x))
    {
      double ux, uy0, uy1, dash[2] = { 5 * ctx->scale, 3 * ctx->scale };
      lb_plot_world_to_user (ctx, self->vline_x, ylo, &ux, &uy0);
      lb_plot_world_to_user (ctx, self->vline_x, yhi, &ux, &uy1);
      cairo_move_to (ctx->cr, ux, uy0);
      cairo_line_to (ctx->cr, ux, uy1);
      cairo_set_source_rgb (ctx->cr, 0.15, 0.15, 0.15);
      cairo_set_line_width (ctx->cr, 1.5 * ctx->scale);
      cairo_set_dash (ctx->cr, dash, 2, 0);
      cairo_stroke (ctx->cr);
      cairo_set_dash (ctx->cr, NULL, 0, 0);
    }

  if (o->mark_best)
    {
      const Series *se = &self->series[o->best_series];
      double ux, uy;

      if (o->best_index < se->n && isfinite (se->x[o->best_index]) && isfinite (se->y[o->best_index]))
        {
          lb_plot_world_to_user (ctx, se->x[o->best_index], se->y[o->best_index], &ux, &uy);
          lb_plot_marker_path (ctx->cr, LB_MARKER_CIRCLE, ux, uy, 6.5 * ctx->scale);
          cairo_set_source_rgb (ctx->cr, 1, 1, 1);
          cairo_fill_preserve (ctx->cr);
          lb_plot_cairo_rgb (ctx->cr, se->rgb, 1);
          cairo_set_line_width (ctx->cr, 2.5 * ctx->scale);
          cairo_stroke (ctx->cr);
          lb_plot_marker_path (ctx->cr, LB_MARKER_CIRCLE, ux, uy, 2.5 * ctx->scale);
          cairo_fill (ctx->cr);
        }
    }
  lb_plot_cairo_end (ctx);

  if (o->log_x && xhi - xlo < 1.5)
    {
      /* under a decade or so PLplot writes no number at all: 1, 2, 5 (or
       * every digit) times the powers of ten, written plainly */
      static const double steps_few[3] = { 1, 2, 5 }, steps_all[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
      const double *steps = xhi - xlo < 0.7 ? steps_all : steps_few;
      guint n_steps = xhi - xlo < 0.7 ? 9 : 3;

      plcol0 (LB_PLOT_COLOR_AXIS);
      plwidth (0.9 * ctx->scale);
      plbox ("bc", 0, 0, "bc", 0, 0);
      plbox ("bistl", 0, 0, "binstv", ctx->ytick, 0);
      plwidth (1.0);
      plcol0 (LB_PLOT_COLOR_TEXT);
      for (int k = (int) floor (xlo) - 1; k <= (int) ceil (xhi); k++)
        for (guint i = 0; i < n_steps; i++)
          {
            double v = steps[i] * pow (10, k), lv = log10 (v), ux, uy;
            char text[32];
            if (lv < xlo - 1e-9 || lv > xhi + 1e-9)
              continue;
            lb_plot_world_to_user (ctx, lv, ylo, &ux, &uy);
            g_snprintf (text, sizeof text, "%g", v);
            lb_plot_text_px (ctx, ux, uy + font * 1.5, 0, 0.5, 1.0, text);
          }
    }
  else if (o->log_x)
    {
      plcol0 (LB_PLOT_COLOR_AXIS);
      plwidth (0.9 * ctx->scale);
      plbox ("bc", 0, 0, "bc", 0, 0);
      plbox ("binstl", ctx->xtick, 0, "binstv", ctx->ytick, 0);
      plwidth (1.0);
    }
  else
    lb_plot_frame (ctx, TRUE, TRUE);
  lb_plot_axis_labels (ctx, self->x_label, font * 3.6, self->y_label, numbers_w + font * 2.4);

  if (o->show_vline && isfinite (self->vline_x) && self->vline_label != NULL)
    {
      double ux, uy;
      gboolean right_half;
      lb_plot_world_to_user (ctx, self->vline_x, yhi, &ux, &uy);
      right_half = ux > ctx->viewport.x + ctx->viewport.width * 0.75;
      plcol0 (LB_PLOT_COLOR_TEXT);
      lb_plot_text_px (ctx, ux + (right_half ? -font * 0.5 : font * 0.5), uy + font * 1.1, 0,
                       right_half ? 1.0 : 0.0, 0.9, self->vline_label);
    }

  if (o->mark_best)
    {
      const Series *se = &self->series[o->best_series];
      gsize i = o->best_index;

      if (i < se->n && isfinite (se->x[i]) && isfinite (se->y[i]))
        {
          char xs[32], ys[32];
          g_autofree char *text = NULL;
          double ux, uy;
          gboolean right_half;

          lb_plot_format_value (xs, sizeof xs, o->log_x ? pow (10, se->x[i]) : se->x[i]);
          lb_plot_format_value (ys, sizeof ys, se->y[i]);
          text = g_strdup_printf ("(%s, %s)", xs, ys);
          lb_plot_world_to_user (ctx, se->x[i], se->y[i], &ux, &uy);
          right_half = ux > ctx->viewport.x + ctx->viewport.width * 0.7;
          plcol0 (LB_PLOT_COLOR_TEXT);
          lb_plot_text_px (ctx, ux + (right_half ? -font : font), uy - font * 1.2, 0,
                           right_half ? 1.0 : 0.0, 0.9, text);
        }
    }

  /* the legend where the lines leave room */
  {
    g_autofree LbLegendEntry *entries = g_new0 (LbLegendEntry, self->n_series);
    g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr (GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
    gboolean any = FALSE;

    for (guint s = 0; s < self->n_series; s++)
      {
        const Series *se = &self->series[s];
        entries[s].label = se->label;
        entries[s].rgb = se->rgb;
        entries[s].marker = LB_MARKER_CIRCLE;
        entries[s].kind = se->style == LB_LINE_STYLE_POINTS ? LB_LEGEND_MARKER
                          : se->style == LB_LINE_STYLE_DASHED ? LB_LEGEND_DASHED
                          : se->style == LB_LINE_STYLE_LINES_POINTS ? LB_LEGEND_LINE_MARKER
                          : LB_LEGEND_LINE;
        any |= se->label != NULL;
        g_array_append_vals (xs, se->x, se->n);
        g_array_append_vals (ys, se->y, se->n);
        /* lines cross the space between their points too */
        for (gsize i = 0; i + 1 < se->n && se->style != LB_LINE_STYLE_POINTS; i++)
          for (guint k = 1; k < 4; k++)
            {
              double mx = se->x[i] + (se->x[i + 1] - se->x[i]) * k / 4.0;
              double my = se->y[i] + (se->y[i + 1] - se->y[i]) * k / 4.0;
              g_array_append_val (xs, mx);
              g_array_append_val (ys, my);
            }
      }
    if (any)
      lb_plot_legend (ctx, entries, self->n_series,
                      lb_plot_emptiest_corner (ctx, (double *) (gpointer) xs->data,
                                               (double *) (gpointer) ys->data, xs->len));
  }
}

static void
lines_free (LbChart *chart)
{
  LbLinesChart *self = (LbLinesChart *) chart;

  for (guint s = 0; s < self->n_series; s++)
    {
      g_free (self->series[s].label);
      g_free (self->series[s].x);
      g_free (self->series[s].y);
      g_free (self->series[s].y_low);
      g_free (self->series[s].y_high);
    }
  g_free (self->series);
  g_free (self->x_label);
  g_free (self->y_label);
  g_free (self->vline_label);
}

static const LbChartClass lines_class = {
  "lines", lines_render, lines_free, NULL,
};

LbChart *
lb_chart_new_lines (const LbLineSeries    *series,
                    guint                  n_series,
                    const LbLinesOptions  *options,
                    GError               **error)
{
  LbLinesOptions opt = { 0 };
  LbLinesChart *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options != NULL)
    opt = *options;
  if (n_series == 0 || series == NULL)
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                           _("A line chart needs at least one series"));
      return NULL;
    }
  for (guint s = 0; s < n_series; s++)
    {
      if (series[s].n > 0 && (series[s].x == NULL || series[s].y == NULL))
        {
          g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                       _("Series %u has no x or y values"), s + 1);
          return NULL;
        }
      if ((series[s].y_low == NULL) != (series[s].y_high == NULL))
        {
          g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                       _("Series %u has a lower band without an upper one"), s + 1);
          return NULL;
        }
      if ((guint) series[s].style > LB_LINE_STYLE_DASHED)
        {
          g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                       _("Series %u has an unknown line style"), s + 1);
          return NULL;
        }
    }
  if (opt.mark_best && opt.best_series >= n_series)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("The best point is in series %u, but there are %u series"),
                   opt.best_series + 1, n_series);
      return NULL;
    }
  if (opt.log_x && opt.x_min != opt.x_max && !(opt.x_min > 0 && opt.x_max > 0))
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                           _("A logarithmic axis needs a positive range"));
      return NULL;
    }
  if ((opt.x_min != opt.x_max && !(isfinite (opt.x_min) && isfinite (opt.x_max)))
      || (opt.y_min != opt.y_max && !(isfinite (opt.y_min) && isfinite (opt.y_max))))
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                           _("An axis range is not finite"));
      return NULL;
    }

  self = (LbLinesChart *) lb_chart_alloc (&lines_class, sizeof *self, NULL);
  self->n_series = n_series;
  self->series = g_new0 (Series, n_series);
  for (guint s = 0; s < n_series; s++)
    {
      const LbLineSeries *in = &series[s];
      Series *se = &self->series[s];

      se->label = g_strdup (in->label);
      se->n = in->n;
      se->style = in->style;
      se->rgb = in->color == 0 ? lb_palette_category (s)
                : in->color > 0 ? lb_palette_category ((guint) in->color - 1) : 0x7f7f7f;
      se->x = g_new (double, MAX (in->n, 1));
      se->y = g_new (double, MAX (in->n, 1));
      if (in->n > 0)
        {
          memcpy (se->x, in->x, in->n * sizeof (double));
          memcpy (se->y, in->y, in->n * sizeof (double));
        }
      if (in->y_low != NULL)
        {
          se->y_low = g_new (double, MAX (in->n, 1));
          se->y_high = g_new (double, MAX (in->n, 1));
          if (in->n > 0)
            {
              memcpy (se->y_low, in->y_low, in->n * sizeof (double));
              memcpy (se->y_high, in->y_high, in->n * sizeof (double));
            }
        }
      for (gsize i = 0; i < se->n; i++)
        {
          if (opt.log_x)
            se->x[i] = se->x[i] > 0 ? log10 (se->x[i]) : NAN;
          /* values PLplot's world cannot hold are gaps, not overflows */
          if (fabs (se->x[i]) > LB_PLOT_MAX_WORLD)
            se->x[i] = NAN;
          if (fabs (se->y[i]) > LB_PLOT_MAX_WORLD)
            se->y[i] = NAN;
          if (se->y_low != NULL && (fabs (se->y_low[i]) > LB_PLOT_MAX_WORLD || fabs (se->y_high[i]) > LB_PLOT_MAX_WORLD))
            se->y_low[i] = se->y_high[i] = NAN;
        }
    }
  self->opt = opt;
  self->x_label = g_strdup (opt.x_label);
  self->y_label = g_strdup (opt.y_label);
  self->vline_label = g_strdup (opt.vline_label);
  self->opt.x_label = self->opt.y_label = self->opt.vline_label = NULL;
  self->vline_x = opt.log_x ? (opt.vline_x > 0 ? log10 (opt.vline_x) : NAN) : opt.vline_x;
  return &self->parent;
}
