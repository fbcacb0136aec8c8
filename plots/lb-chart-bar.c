/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-bar.c: a bar chart of a categorical or text column's value counts
 * (housing["ocean_proximity"].value_counts()). Bars are horizontal, the most
 * frequent on top, so that long category names stay readable; past 30
 * categories the rest are summed into one "other" bar.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-chart-private.h"

#define MAX_BARS 30

typedef struct
{
  LbChart  parent;
  char    *column;
  guint    n_bars;
  char   **labels;   /* n_bars */
  gsize   *counts;   /* n_bars */
} LbBarChart;

static void
bar_render (LbChart   *chart,
            LbPlotCtx *ctx)
{
  LbBarChart *self = (LbBarChart *) chart;
  double font = ctx->font_px;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double labels_w = 0, rel = 1.0, xmax = 0, slot;
  LbRect box;

  for (guint i = 0; i < self->n_bars; i++)
    {
      labels_w = MAX (labels_w, lb_plot_text_width (ctx, self->labels[i], 1.0));
      xmax = MAX (xmax, (double) self->counts[i]);
    }
  labels_w = MIN (labels_w, ctx->width * 0.4);
  /* room for the count written after the longest bar */
  xmax *= 1.12;

  box.x = labels_w + font * 2.0;
  box.y = top;
  box.width = ctx->width - box.x - font * 2.0;
  box.height = ctx->height - top - font * 5.0;
  if (box.width < 8 || box.height < 8)
    return;
  slot = box.height / self->n_bars;
  if (slot < font * 1.6)
    rel = MAX (0.5, slot / (font * 1.6));

  /* world: x = count, y = slot index from the top (0 .. n_bars) */
  lb_plot_set_viewport (ctx, &box, 0, xmax, self->n_bars, 0);
  ctx->xtick = MAX (ctx->xtick, 1.0);  /* counts */
  plcol0 (LB_PLOT_COLOR_GRID);
  plwidth (0.8 * ctx->scale);
  plbox ("g", ctx->xtick, 0, "", 0, 0);
  plwidth (1.0);

  lb_plot_cairo_begin (ctx);
  for (guint i = 0; i < self->n_bars; i++)
    {
      double x0, y0, x1, y1;

      lb_plot_world_to_user (ctx, 0, i + 0.15, &x0, &y0);
      lb_plot_world_to_user (ctx, (double) self->counts[i], i + 0.85, &x1, &y1);
      cairo_rectangle (ctx->cr, x0, MIN (y0, y1), x1 - x0, fabs (y1 - y0));
    }
  cairo_set_source_rgb (ctx->cr, 0x1f / 255.0, 0x77 / 255.0, 0xb4 / 255.0);
  cairo_fill (ctx->cr);
  lb_plot_cairo_end (ctx);

  plcol0 (LB_PLOT_COLOR_AXIS);
  plwidth (0.9 * ctx->scale);
  plbox ("bc", 0, 0, "bc", 0, 0);
  plbox ("binst", ctx->xtick, 0, "", 0, 0);
  plwidth (1.0);

  plcol0 (LB_PLOT_COLOR_TEXT);
  for (guint i = 0; i < self->n_bars; i++)
    {
      double ux, uy;
      char count[32];

      lb_plot_world_to_user (ctx, 0, i + 0.5, &ux, &uy);
      lb_plot_text_px (ctx, ux - font * 0.7, uy, 0, 1.0, rel, self->labels[i]);
      g_snprintf (count, sizeof count, "%" G_GSIZE_FORMAT, self->counts[i]);
      lb_plot_world_to_user (ctx, (double) self->counts[i], i + 0.5, &ux, &uy);
      lb_plot_text_px (ctx, ux + font * 0.4, uy, 0, 0.0, rel * 0.9, count);
    }
  lb_plot_axis_labels (ctx, _("Count"), font * 3.6, NULL, 0);
}

static void
bar_free (LbChart *chart)
{
  LbBarChart *self = (LbBarChart *) chart;

  g_free (self->column);
  g_strfreev (self->labels);
  g_free (self->counts);
}

static const LbChartClass bar_class = {
  "value-counts", bar_render, bar_free,
};

LbChart *
lb_chart_new_value_counts (LbTable     *table,
                           const char  *column,
                           GError     **error)
{
  LbBarChart *self;
  LbColumn *col;
  g_autoptr (LbValueCounts) counts = NULL;
  g_autofree char *title = NULL;
  guint n_bars;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  col = column != NULL ? lb_table_get_column_by_name (table, column) : NULL;
  if (col == NULL)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("There is no column “%s”"), column != NULL ? column : "");
      return NULL;
    }
  if (lb_column_get_kind (col) == LB_COLUMN_NUMERIC)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("Column “%s” is numeric: draw a histogram of it instead"), column);
      return NULL;
    }
  counts = lb_column_value_counts (col);
  if (counts == NULL || counts->n_values == 0)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA,
                   _("Column “%s” has no values to draw"), column);
      return NULL;
    }

  title = g_strdup_printf (_("Value counts of %s"), column);
  self = (LbBarChart *) lb_chart_alloc (&bar_class, sizeof *self, title);
  self->column = g_strdup (column);
  n_bars = MIN (counts->n_values, MAX_BARS);
  self->n_bars = n_bars;
  self->labels = g_new0 (char *, n_bars + 1);
  self->counts = g_new0 (gsize, n_bars);
  for (guint i = 0; i < n_bars; i++)
    {
      self->labels[i] = g_strdup (counts->values[i]);
      self->counts[i] = counts->counts[i];
    }
  if (counts->n_values > MAX_BARS)
    {
      /* the last bar becomes the sum of everything from it on */
      gsize rest = 0;
      for (guint i = n_bars - 1; i < counts->n_values; i++)
        rest += counts->counts[i];
      g_free (self->labels[n_bars - 1]);
      self->labels[n_bars - 1] = g_strdup_printf (_("other (%u values)"), counts->n_values - n_bars + 1);
      self->counts[n_bars - 1] = rest;
    }
  return &self->parent;
}
