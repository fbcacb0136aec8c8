/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-prediction.c: how a regressor did on held-out rows: predicted
 * against actual values around the line y = x, or the residuals (actual -
 * predicted) against the prediction around y = 0. Points are translucent
 * when there are many so that dense regions read darker.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-chart-private.h"

typedef struct
{
  LbChart           parent;
  gsize             n;
  double           *x;   /* what is drawn */
  double           *y;
  LbPredictionMode  mode;
  char             *x_label;
  char             *y_label;
} LbPredictionChart;

static void
prediction_render (LbChart   *chart,
                   LbPlotCtx *ctx)
{
  LbPredictionChart *self = (LbPredictionChart *) chart;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
  double alpha = self->n > 2000 ? 0.25 : self->n > 300 ? 0.5 : 0.85;
  double r = (self->n > 2000 ? 2.2 : 3.0) * ctx->scale;

  for (gsize i = 0; i < self->n; i++)
    {
      xlo = MIN (xlo, self->x[i]);
      xhi = MAX (xhi, self->x[i]);
      ylo = MIN (ylo, self->y[i]);
      yhi = MAX (yhi, self->y[i]);
    }
  if (self->mode == LB_PREDICTION_VS_ACTUAL)
    {
      /* one scale on both axes, so y = x runs at 45 degrees of the data */
      xlo = ylo = MIN (xlo, ylo);
      xhi = yhi = MAX (xhi, yhi);
    }
  else
    {
      double m = MAX (fabs (ylo), fabs (yhi));
      ylo = -m;
      yhi = m;
    }
  lb_plot_nice_range (&xlo, &xhi, 0.03);
  lb_plot_nice_range (&ylo, &yhi, 0.05);
  if (!lb_plot_xy_box (ctx, top, xlo, xhi, ylo, yhi, self->x_label, self->y_label, 0))
    return;

  lb_plot_cairo_begin (ctx);
  lb_plot_clip_viewport (ctx);
  for (gsize i = 0; i < self->n; i++)
    {
      double ux, uy;
      lb_plot_world_to_user (ctx, self->x[i], self->y[i], &ux, &uy);
      lb_plot_marker_path (ctx->cr, LB_MARKER_CIRCLE, ux, uy, r);
      /* fill point by point: alpha builds up where the points pile up */
      lb_plot_cairo_rgb (ctx->cr, 0x1f77b4, alpha);
      cairo_fill (ctx->cr);
    }
  {
    double ux0, uy0, ux1, uy1, dash[2] = { 6 * ctx->scale, 4 * ctx->scale };
    if (self->mode == LB_PREDICTION_VS_ACTUAL)
      {
        lb_plot_world_to_user (ctx, MIN (xlo, ylo), MIN (xlo, ylo), &ux0, &uy0);
        lb_plot_world_to_user (ctx, MAX (xhi, yhi), MAX (xhi, yhi), &ux1, &uy1);
      }
    else
      {
        lb_plot_world_to_user (ctx, xlo, 0, &ux0, &uy0);
        lb_plot_world_to_user (ctx, xhi, 0, &ux1, &uy1);
      }
    cairo_move_to (ctx->cr, ux0, uy0);
    cairo_line_to (ctx->cr, ux1, uy1);
    cairo_set_source_rgb (ctx->cr, 0.84, 0.15, 0.16);
    cairo_set_line_width (ctx->cr, 1.6 * ctx->scale);
    cairo_set_dash (ctx->cr, dash, 2, 0);
    cairo_stroke (ctx->cr);
  }
  lb_plot_cairo_end (ctx);
  lb_plot_xy_finish (ctx, self->x_label, self->y_label);
}

static void
prediction_free (LbChart *chart)
{
  LbPredictionChart *self = (LbPredictionChart *) chart;

  g_free (self->x);
  g_free (self->y);
  g_free (self->x_label);
  g_free (self->y_label);
}

static const LbChartClass prediction_class = {
  "prediction", prediction_render, prediction_free, NULL,
};

LbChart *
lb_chart_new_prediction (const double      *y_true,
                         const double      *y_pred,
                         gsize              n,
                         LbPredictionMode   mode,
                         const char        *target,
                         GError           **error)
{
  LbPredictionChart *self;
  gsize kept = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (mode != LB_PREDICTION_VS_ACTUAL && mode != LB_PREDICTION_RESIDUALS)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("Unknown prediction view %d"), (int) mode);
      return NULL;
    }
  if (n > 0 && (y_true == NULL || y_pred == NULL))
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("No values were given"));
      return NULL;
    }

  self = (LbPredictionChart *) lb_chart_alloc (&prediction_class, sizeof *self,
                                               mode == LB_PREDICTION_VS_ACTUAL ? _("Predicted against actual values")
                                                                               : _("Residuals"));
  self->mode = mode;
  self->x = g_new (double, MAX (n, 1));
  self->y = g_new (double, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    {
      double t = y_true[i], p = y_pred[i];
      double x = mode == LB_PREDICTION_VS_ACTUAL ? t : p;
      double y = mode == LB_PREDICTION_VS_ACTUAL ? p : t - p;
      if (!isfinite (x) || !isfinite (y) || fabs (x) > LB_PLOT_MAX_WORLD || fabs (y) > LB_PLOT_MAX_WORLD)
        continue;
      self->x[kept] = x;
      self->y[kept] = y;
      kept++;
    }
  self->n = kept;
  if (kept == 0)
    {
      lb_chart_unref (&self->parent);
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA, _("There are no predictions to draw"));
      return NULL;
    }
  if (target == NULL || *target == '\0')
    target = _("target");
  if (mode == LB_PREDICTION_VS_ACTUAL)
    {
      self->x_label = g_strdup_printf (_("Actual %s"), target);
      self->y_label = g_strdup_printf (_("Predicted %s"), target);
    }
  else
    {
      self->x_label = g_strdup_printf (_("Predicted %s"), target);
      self->y_label = g_strdup (_("Residual (actual − predicted)"));
    }
  return &self->parent;
}
