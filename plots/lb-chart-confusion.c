/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-confusion.c: a confusion matrix as coloured cells (row = true
 * class, column = predicted), counts or the book's error-analysis view where
 * each row is divided by its total and the diagonal zeroed so that only the
 * errors carry colour. The numbers are written in the cells that hold them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-chart-private.h"

#define MAX_CLASSES 100
#define DARKEST 0x08306b  /* ColorBrewer Blues' darkest */

typedef struct
{
  LbChart          parent;
  guint            k;
  char           **labels;   /* k */
  double          *values;   /* k x k, what the cells show */
  double           vmax;     /* the colour scale's top */
  LbConfusionMode  mode;
} LbConfusionChart;

static guint32
cell_color (double t)
{
  /* white to dark blue, a little blue even at 0 so empty cells read as cells */
  return lb_color_lighten (DARKEST, 0.96 - CLAMP (t, 0, 1) * 0.93);
}

static void
confusion_render (LbChart   *chart,
                  LbPlotCtx *ctx)
{
  LbConfusionChart *self = (LbConfusionChart *) chart;
  double font = ctx->font_px;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double names_w = 0, label_rel = 1.0, value_rel, side, cell, avail_w, avail_h, sample_w;
  guint k = self->k;
  LbRect box;

  for (guint i = 0; i < k; i++)
    names_w = MAX (names_w, lb_plot_text_width (ctx, self->labels[i], 1.0));
  if (names_w > MIN (ctx->width, ctx->height) * 0.25)
    {
      label_rel = MAX (0.45, MIN (ctx->width, ctx->height) * 0.25 / names_w);
      names_w *= label_rel;
    }
  avail_w = ctx->width - names_w - font * 5.0;
  avail_h = ctx->height - top - names_w - font * 5.0;
  side = MIN (avail_w, avail_h);
  if (side < 8)
    return;
  cell = side / k;
  if (cell < font * 1.5)
    label_rel = MIN (label_rel, MAX (0.45, cell / (font * 1.5)));
  sample_w = self->mode == LB_CONFUSION_ERRORS ? lb_plot_text_width (ctx, "100%", 1.0)
                                                : lb_plot_text_width (ctx, "00000", 1.0);
  value_rel = MIN (1.0, cell / (sample_w * 1.2));

  box.x = names_w + font * 3.6 + (avail_w - side) / 2;
  box.y = top;
  box.width = side;
  box.height = side;
  lb_plot_set_viewport (ctx, &box, 0, k, k, 0);

  lb_plot_cairo_begin (ctx);
  for (guint i = 0; i < k; i++)
    for (guint j = 0; j < k; j++)
      {
        double v = self->values[i * k + j];
        double x0, y0, x1, y1;

        lb_plot_world_to_user (ctx, j, i, &x0, &y0);
        lb_plot_world_to_user (ctx, j + 1, i + 1, &x1, &y1);
        cairo_rectangle (ctx->cr, x0, y0, x1 - x0 + (j + 1 < k ? 0.5 : 0), y1 - y0 + (i + 1 < k ? 0.5 : 0));
        lb_plot_cairo_rgb (ctx->cr, cell_color (self->vmax > 0 ? v / self->vmax : 0), 1);
        cairo_fill (ctx->cr);
      }
  lb_plot_cairo_end (ctx);

  plcol0 (LB_PLOT_COLOR_AXIS);
  plwidth (0.9 * ctx->scale);
  plbox ("bc", 0, 0, "bc", 0, 0);
  plwidth (1.0);

  if (value_rel >= 0.45)
    for (guint i = 0; i < k; i++)
      for (guint j = 0; j < k; j++)
        {
          double v = self->values[i * k + j];
          char text[32];
          double ux, uy;

          if (self->mode == LB_CONFUSION_ERRORS)
            g_snprintf (text, sizeof text, v > 0 && v < 0.1 ? "%.1f%%" : "%.0f%%", v * 100);
          else
            g_snprintf (text, sizeof text, "%.0f", v);
          plcol0 (lb_color_luminance (cell_color (self->vmax > 0 ? v / self->vmax : 0)) < 0.5
                  ? LB_PLOT_COLOR_BACKGROUND : LB_PLOT_COLOR_TEXT);
          lb_plot_world_to_user (ctx, j + 0.5, i + 0.5, &ux, &uy);
          lb_plot_text_px (ctx, ux, uy, 0, 0.5, value_rel, text);
        }

  plcol0 (LB_PLOT_COLOR_TEXT);
  for (guint i = 0; i < k; i++)
    {
      double ux, uy;

      lb_plot_world_to_user (ctx, 0, i + 0.5, &ux, &uy);
      lb_plot_text_px (ctx, ux - font * 0.6, uy, 0, 1.0, label_rel, self->labels[i]);
      lb_plot_world_to_user (ctx, i + 0.5, k, &ux, &uy);
      if (names_w * label_rel > cell * 0.9)
        lb_plot_text_px (ctx, ux, uy + font * 0.6, 90, 1.0, label_rel, self->labels[i]);
      else
        lb_plot_text_px (ctx, ux, uy + font * 1.2, 0, 0.5, label_rel, self->labels[i]);
    }
  {
    double below = names_w * label_rel > cell * 0.9 ? names_w + font * 2.0 : font * 3.2;
    lb_plot_text_px (ctx, box.x + box.width / 2, box.y + box.height + below, 0, 0.5, 1.0,
                     _("Predicted label"));
    lb_plot_text_px (ctx, box.x - names_w - font * 2.2, box.y + box.height / 2, 90, 0.5, 1.0,
                     _("True label"));
  }
}

static void
confusion_free (LbChart *chart)
{
  LbConfusionChart *self = (LbConfusionChart *) chart;

  g_strfreev (self->labels);
  g_free (self->values);
}

static const LbChartClass confusion_class = {
  "confusion", confusion_render, confusion_free, NULL,
};

LbChart *
lb_chart_new_confusion (LbMatrix            *counts,
                        const char * const  *labels,
                        LbConfusionMode      mode,
                        GError             **error)
{
  LbConfusionChart *self;
  const double *data;
  gsize k;

  g_return_val_if_fail (counts != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  k = lb_matrix_get_n_rows (counts);
  if (k == 0 || lb_matrix_get_n_cols (counts) != k)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("A confusion matrix must be square, not %zu × %zu"),
                   k, lb_matrix_get_n_cols (counts));
      return NULL;
    }
  if (k > MAX_CLASSES)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("%zu classes are too many for a confusion matrix (at most %d)"), k, MAX_CLASSES);
      return NULL;
    }
  if (mode != LB_CONFUSION_COUNTS && mode != LB_CONFUSION_ERRORS)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("Unknown confusion matrix view %d"), (int) mode);
      return NULL;
    }
  data = lb_matrix_get_const_data (counts);
  for (gsize i = 0; i < k * k; i++)
    if (!(data[i] >= 0) || !isfinite (data[i]))
      {
        g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                     _("A confusion matrix holds counts, not %g"), data[i]);
        return NULL;
      }

  self = (LbConfusionChart *) lb_chart_alloc (&confusion_class, sizeof *self,
                                              mode == LB_CONFUSION_ERRORS ? _("Errors by true class")
                                                                          : _("Confusion matrix"));
  self->k = (guint) k;
  self->mode = mode;
  self->values = g_new (double, k * k);
  self->labels = g_new0 (char *, k + 1);
  for (gsize i = 0; i < k; i++)
    self->labels[i] = labels != NULL && labels[i] != NULL ? g_strdup (labels[i]) : g_strdup_printf ("%zu", i);
  for (gsize i = 0; i < k; i++)
    {
      double row = 0;
      for (gsize j = 0; j < k; j++)
        row += data[i * k + j];
      for (gsize j = 0; j < k; j++)
        {
          double v = data[i * k + j];
          if (mode == LB_CONFUSION_ERRORS)
            v = i == j || row == 0 ? 0 : v / row;
          self->values[i * k + j] = v;
          self->vmax = MAX (self->vmax, v);
        }
    }
  return &self->parent;
}
