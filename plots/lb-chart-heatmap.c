/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-heatmap.c: the correlation matrix as a heat map: a diverging
 * colour map fixed to -1..1 (so white always means "no linear relation"),
 * the coefficient written in every cell, the column names on both axes and a
 * colour bar. The matrix is computed once, when the chart is made.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-chart-private.h"

#define MAX_COLUMNS 50

typedef struct
{
  LbChart  parent;
  guint    n;
  char   **names;    /* n */
  double  *matrix;   /* n x n, row-major; NaN where undefined */
} LbHeatmapChart;

static void
heatmap_render (LbChart   *chart,
                LbPlotCtx *ctx)
{
  LbHeatmapChart *self = (LbHeatmapChart *) chart;
  double font = ctx->font_px;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double names_w = 0, label_rel = 1.0, value_rel, side, cell;
  double cbar_w = font * (1.6 + 1.2 + 1.0) + lb_plot_y_numbers_width (ctx, -1, 1);
  double avail_w, avail_h;
  LbRect box;

  for (guint i = 0; i < self->n; i++)
    names_w = MAX (names_w, lb_plot_text_width (ctx, self->names[i], 1.0));
  /* long names on a small page: smaller text rather than names cut off */
  if (names_w > MIN (ctx->width, ctx->height) * 0.3)
    {
      label_rel = MAX (0.45, MIN (ctx->width, ctx->height) * 0.3 / names_w);
      names_w *= label_rel;
    }

  avail_w = ctx->width - names_w - font * 2.0 - font * 2.0 - cbar_w;
  avail_h = ctx->height - top - names_w - font * 2.0;
  side = MIN (avail_w, avail_h);
  if (side < 8)
    return;
  cell = side / self->n;
  /* names as tall as a cell at most; values as wide as a cell at most */
  if (cell < font * 1.5)
    label_rel = MIN (label_rel, MAX (0.45, cell / (font * 1.5)));
  value_rel = MIN (1.0, cell / (lb_plot_text_width (ctx, "-0.00", 1.0) * 1.15));

  box.x = names_w + font * 1.5 + (avail_w - side) / 2;
  box.y = top;
  box.width = side;
  box.height = side;

  /* world: column j from x = j to j + 1, row i from y = i (top) to i + 1 */
  lb_plot_set_viewport (ctx, &box, 0, self->n, self->n, 0);

  lb_plot_cairo_begin (ctx);
  for (guint i = 0; i < self->n; i++)
    for (guint j = 0; j < self->n; j++)
      {
        double v = self->matrix[i * self->n + j];
        guint32 c = lb_colormap_eval (LB_COLORMAP_DIVERGING, (v + 1) / 2);
        double x0, y0, x1, y1;

        lb_plot_world_to_user (ctx, j, i, &x0, &y0);
        lb_plot_world_to_user (ctx, j + 1, i + 1, &x1, &y1);
        /* half a pixel of overlap hides the anti-aliased seams between cells */
        cairo_rectangle (ctx->cr, x0, y0, x1 - x0 + (j + 1 < self->n ? 0.5 : 0), y1 - y0 + (i + 1 < self->n ? 0.5 : 0));
        cairo_set_source_rgb (ctx->cr, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0);
        cairo_fill (ctx->cr);
      }
  lb_plot_cairo_end (ctx);

  plcol0 (LB_PLOT_COLOR_AXIS);
  plwidth (0.9 * ctx->scale);
  plbox ("bc", 0, 0, "bc", 0, 0);
  plwidth (1.0);

  /* the coefficients, black on light cells and white on dark ones */
  if (value_rel >= 0.4)
    for (guint i = 0; i < self->n; i++)
      for (guint j = 0; j < self->n; j++)
        {
          double v = self->matrix[i * self->n + j];
          guint32 c = lb_colormap_eval (LB_COLORMAP_DIVERGING, (v + 1) / 2);
          char text[32];
          double ux, uy;

          if (isnan (v))
            g_strlcpy (text, "–", sizeof text);
          else
            g_snprintf (text, sizeof text, "%.2f", v);
          if (lb_color_luminance (c) < 0.5)
            plcol0 (LB_PLOT_COLOR_BACKGROUND);
          else
            plcol0 (LB_PLOT_COLOR_TEXT);
          lb_plot_world_to_user (ctx, j + 0.5, i + 0.5, &ux, &uy);
          lb_plot_text_px (ctx, ux, uy, 0, 0.5, value_rel, text);
        }

  plcol0 (LB_PLOT_COLOR_TEXT);
  for (guint i = 0; i < self->n; i++)
    {
      double ux, uy;

      lb_plot_world_to_user (ctx, 0, i + 0.5, &ux, &uy);
      lb_plot_text_px (ctx, ux - font * 0.6, uy, 0, 1.0, label_rel, self->names[i]);
      lb_plot_world_to_user (ctx, i + 0.5, self->n, &ux, &uy);
      lb_plot_text_px (ctx, ux, uy + font * 0.6, 90, 1.0, label_rel, self->names[i]);
    }

  {
    LbRect bar = { box.x + box.width + font * 2.0, box.y, font * 1.6, box.height };
    lb_plot_colorbar (ctx, LB_COLORMAP_DIVERGING, -1, 1, NULL, &bar);
  }
}

static void
heatmap_free (LbChart *chart)
{
  LbHeatmapChart *self = (LbHeatmapChart *) chart;

  g_strfreev (self->names);
  g_free (self->matrix);
}

static const LbChartClass heatmap_class = {
  "correlation", heatmap_render, heatmap_free,
};

LbChart *
lb_chart_new_correlation (LbTable            *table,
                          const char * const *columns,
                          GError            **error)
{
  LbHeatmapChart *self;
  g_autoptr (GArray) indices = NULL;
  double *matrix;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (columns != NULL)
    {
      indices = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; columns[i] != NULL; i++)
        {
          guint index;
          if (lb_chart_lookup_numeric (table, columns[i], error) == NULL)
            return NULL;
          index = (guint) lb_table_find_column (table, columns[i]);
          g_array_append_val (indices, index);
        }
      if (indices->len < 2)
        {
          g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                               _("A correlation matrix needs at least two columns"));
          return NULL;
        }
    }
  else
    {
      indices = lb_table_dup_numeric_columns (table);
      if (indices == NULL || indices->len < 2)
        {
          g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA,
                               _("A correlation matrix needs at least two numeric columns"));
          return NULL;
        }
    }
  if (indices->len > MAX_COLUMNS)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("%u columns are too many for a correlation map: choose at most %u"),
                   indices->len, MAX_COLUMNS);
      return NULL;
    }

  matrix = lb_table_correlation (table, (const guint *) (gpointer) indices->data, indices->len, NULL, error);
  if (matrix == NULL)
    return NULL;

  self = (LbHeatmapChart *) lb_chart_alloc (&heatmap_class, sizeof *self, _("Correlation matrix"));
  self->n = indices->len;
  self->matrix = matrix;
  self->names = g_new0 (char *, self->n + 1);
  for (guint i = 0; i < self->n; i++)
    self->names[i] = g_strdup (lb_column_get_name (lb_table_get_column (table, g_array_index (indices, guint, i))));
  return &self->parent;
}
