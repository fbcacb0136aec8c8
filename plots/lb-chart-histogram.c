/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-histogram.c: the histogram of one numeric column, and the book's
 * Figure 2-8 (a grid of histograms of every numeric column). Bin rules and
 * counting follow numpy.histogram exactly (edges by linspace, the last bin
 * closed), so our bars match what the book's notebooks draw.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lb-chart-private.h"

#define DEFAULT_BINS 50

/* --- bin rules, as numpy.histogram_bin_edges --- */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* numpy.percentile's linear interpolation on sorted values */
static double
sorted_quantile (const double *sorted,
                 gsize         n,
                 double        q)
{
  double pos = (n - 1) * q;
  gsize i = (gsize) floor (pos);
  double f = pos - i;

  if (i + 1 >= n)
    return sorted[n - 1];
  return sorted[i] + f * (sorted[i + 1] - sorted[i]);
}

gboolean
lb_bin_rule_from_string (const char *text,
                         LbBinRule  *rule)
{
  static const struct { const char *name; LbBinRule rule; } names[] = {
    { "fixed", LB_BIN_RULE_FIXED },
    { "sturges", LB_BIN_RULE_STURGES },
    { "scott", LB_BIN_RULE_SCOTT },
    { "fd", LB_BIN_RULE_FREEDMAN_DIACONIS },
    { "freedman-diaconis", LB_BIN_RULE_FREEDMAN_DIACONIS },
    { "sqrt", LB_BIN_RULE_SQRT },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *rule = names[i].rule;
        return TRUE;
      }
  return FALSE;
}

guint
lb_bin_rule_count_bins (LbBinRule     rule,
                        const double *values,
                        gsize         n_values,
                        guint         n_bins)
{
  double lo = INFINITY, hi = -INFINITY, ptp, width = 0, n;
  gsize count = 0;

  if (rule == LB_BIN_RULE_FIXED)
    return n_bins > 0 ? MIN (n_bins, LB_HISTOGRAM_MAX_BINS) : DEFAULT_BINS;

  for (gsize i = 0; i < n_values; i++)
    if (isfinite (values[i]))
      {
        lo = MIN (lo, values[i]);
        hi = MAX (hi, values[i]);
        count++;
      }
  if (count == 0)
    return 1;
  ptp = hi - lo;
  if (!isfinite (ptp))
    return 1;
  n = (double) count;

  switch (rule)
    {
    case LB_BIN_RULE_STURGES:
      width = ptp / (log2 (n) + 1.0);
      break;
    case LB_BIN_RULE_SQRT:
      width = ptp / sqrt (n);
      break;
    case LB_BIN_RULE_SCOTT:
      {
        double mean = 0, ss = 0;
        for (gsize i = 0; i < n_values; i++)
          if (isfinite (values[i]))
            mean += values[i];
        mean /= n;
        for (gsize i = 0; i < n_values; i++)
          if (isfinite (values[i]))
            ss += (values[i] - mean) * (values[i] - mean);
        width = pow (24.0 * sqrt (G_PI) / n, 1.0 / 3.0) * sqrt (ss / n);
      }
      break;
    case LB_BIN_RULE_FREEDMAN_DIACONIS:
      {
        g_autofree double *sorted = g_new (double, count);
        gsize k = 0;
        for (gsize i = 0; i < n_values; i++)
          if (isfinite (values[i]))
            sorted[k++] = values[i];
        qsort (sorted, count, sizeof (double), compare_doubles);
        width = 2.0 * (sorted_quantile (sorted, count, 0.75) - sorted_quantile (sorted, count, 0.25))
                * pow (n, -1.0 / 3.0);
      }
      break;
    case LB_BIN_RULE_FIXED:
    default:
      g_assert_not_reached ();
    }

  if (!(width > 0) || !isfinite (width))
    return 1;
  if (ptp == 0)
    ptp = 1.0; /* numpy widens the range to +-0.5 */
  {
    double bins = ceil (ptp / width);
    if (isnan (bins))
      return 1;
    return (guint) CLAMP (bins, 1, LB_HISTOGRAM_MAX_BINS);
  }
}

/* --- counting --- */

/* numpy.linspace(lo, hi, n + 1)[k]: k * step + lo, the last edge exactly hi */
#define EDGE(k) ((k) == n ? hi : (k) * step + lo)

gboolean
lb_histogram_data_init (LbHistogramData *data,
                        LbColumn        *column,
                        LbBinRule        rule,
                        guint            n_bins,
                        GError         **error)
{
  const char *name = lb_column_get_name (column);
  const double *values;
  gsize n_rows, count = 0;
  double lo = INFINITY, hi = -INFINITY, norm, step;

  memset (data, 0, sizeof *data);
  if (lb_column_get_kind (column) != LB_COLUMN_NUMERIC)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("Column “%s” is not numeric: a histogram needs numbers"), name);
      return FALSE;
    }
  values = lb_column_get_numeric (column);
  n_rows = lb_column_get_n_rows (column);
  for (gsize i = 0; i < n_rows; i++)
    if (isfinite (values[i]))
      {
        lo = MIN (lo, values[i]);
        hi = MAX (hi, values[i]);
        count++;
      }
  if (count == 0)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA,
                   _("Column “%s” has no values to draw"), name);
      return FALSE;
    }

  if (!isfinite (hi - lo) || MAX (fabs (lo), fabs (hi)) > LB_PLOT_MAX_WORLD)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("Column “%s” spans a range too wide to draw (%g to %g)"), name, lo, hi);
      return FALSE;
    }

  data->column = g_strdup (name);
  data->n_values = count;
  data->n_bins = lb_bin_rule_count_bins (rule, values, n_rows, n_bins);
  if (lo == hi)
    {
      lo -= 0.5;
      hi += 0.5;
    }
  data->lo = lo;
  data->hi = hi;
  data->counts = g_new0 (gsize, data->n_bins);

  /* numpy: index from the scaled offset, then corrected against the
   * linspace edges so that a value on an edge falls in the bin it starts */
  norm = data->n_bins / (hi - lo);
  step = (hi - lo) / data->n_bins;
  for (gsize i = 0; i < n_rows; i++)
    {
      double v = values[i];
      gint64 k, n = data->n_bins;

      if (!isfinite (v))
        continue;
      k = (gint64) ((v - lo) * norm);
      if (k >= n)
        k = n - 1;
      if (v < EDGE (k))
        k--;
      else if (k != n - 1 && v >= EDGE (k + 1))
        k++;
      data->counts[k]++;
    }
  return TRUE;
}

void
lb_histogram_data_clear (LbHistogramData *data)
{
  g_clear_pointer (&data->column, g_free);
  g_clear_pointer (&data->counts, g_free);
}

gsize
lb_histogram_data_max (const LbHistogramData *data)
{
  gsize max = 0;

  for (guint i = 0; i < data->n_bins; i++)
    max = MAX (max, data->counts[i]);
  return max;
}

void
lb_histogram_draw_bars (LbPlotCtx             *ctx,
                        const LbHistogramData *data,
                        double                 base,
                        double                 top)
{
  gsize max = lb_histogram_data_max (data);
  double step = (data->hi - data->lo) / data->n_bins;
  const LbRect *vp = &ctx->viewport;

  if (max == 0)
    return;
  lb_plot_cairo_begin (ctx);
  cairo_rectangle (ctx->cr, vp->x, vp->y, vp->width, vp->height);
  cairo_clip (ctx->cr);
  for (guint i = 0; i < data->n_bins; i++)
    {
      double x0, y0, x1, y1;

      if (data->counts[i] == 0)
        continue;
      lb_plot_world_to_user (ctx, data->lo + i * step, base, &x0, &y0);
      lb_plot_world_to_user (ctx, data->lo + (i + 1) * step,
                             base + (top - base) * data->counts[i] / (double) max, &x1, &y1);
      cairo_rectangle (ctx->cr, x0, y1, x1 - x0, y0 - y1);
    }
  cairo_set_source_rgb (ctx->cr, 0x1f / 255.0, 0x77 / 255.0, 0xb4 / 255.0);
  cairo_fill_preserve (ctx->cr);
  /* a hairline in the bar colour closes the sub-pixel gaps between bars */
  cairo_set_line_width (ctx->cr, 0.5);
  cairo_stroke (ctx->cr);
  lb_plot_cairo_end (ctx);
}

/* One histogram panel in @cell: its title on top, bars, axes. */
static void
draw_panel (LbPlotCtx             *ctx,
            const LbHistogramData *data,
            const LbRect          *cell,
            const char            *panel_title,
            const char            *x_label,
            const char            *y_label)
{
  double ymax = lb_histogram_data_max (data) * 1.05;
  double font = ctx->font_px;
  double numbers_w, left, bottom, top;
  LbRect box;

  if (ymax <= 0)
    ymax = 1;
  numbers_w = lb_plot_y_numbers_width (ctx, 0, ymax);
  left = numbers_w + font * 1.4 + (y_label != NULL ? font * 2.2 : 0);
  bottom = font * 2.6 + (x_label != NULL ? font * 2.2 : 0);
  top = panel_title != NULL ? font * 2.2 : font * 0.8;
  box.x = cell->x + left;
  box.y = cell->y + top;
  box.width = cell->width - left - font * 2.2;
  box.height = cell->height - top - bottom;
  if (box.width < 8 || box.height < 8)
    return;

  if (panel_title != NULL)
    {
      plcol0 (LB_PLOT_COLOR_TEXT);
      lb_plot_text_px (ctx, box.x + box.width / 2, cell->y + font * 1.1, 0, 0.5, 1.0, panel_title);
    }
  {
    double xlo = data->lo, xhi = data->hi;
    lb_plot_nice_range (&xlo, &xhi, 0);
    lb_plot_set_viewport (ctx, &box, xlo, xhi, 0, ymax);
  }
  ctx->ytick = MAX (ctx->ytick, 1.0);  /* counts */
  lb_plot_grid (ctx);
  lb_histogram_draw_bars (ctx, data, 0, lb_histogram_data_max (data));
  lb_plot_frame (ctx, TRUE, TRUE);
  lb_plot_axis_labels (ctx, x_label, font * 3.6, y_label, numbers_w + font * 2.4);
}

/* --- one histogram --- */

typedef struct
{
  LbChart         parent;
  LbHistogramData data;
} LbHistogramChart;

static void
histogram_render (LbChart   *chart,
                  LbPlotCtx *ctx)
{
  LbHistogramChart *self = (LbHistogramChart *) chart;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  LbRect cell = { ctx->font_px * 0.6, top, ctx->width - ctx->font_px * 1.6, ctx->height - top };

  draw_panel (ctx, &self->data, &cell, NULL, self->data.column, _("Count"));
}

static void
histogram_free (LbChart *chart)
{
  lb_histogram_data_clear (&((LbHistogramChart *) chart)->data);
}

static const LbChartClass histogram_class = {
  "histogram", histogram_render, histogram_free,
};

LbChart *
lb_chart_new_histogram (LbTable     *table,
                        const char  *column,
                        LbBinRule    rule,
                        guint        n_bins,
                        GError     **error)
{
  LbHistogramChart *self;
  LbHistogramData data;
  LbColumn *col;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (rule > LB_BIN_RULE_SQRT)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("Unknown bin rule %d"), (int) rule);
      return NULL;
    }
  col = lb_table_get_column_by_name (table, column != NULL ? column : "");
  if (col == NULL)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("There is no column “%s”"), column != NULL ? column : "");
      return NULL;
    }
  if (!lb_histogram_data_init (&data, col, rule, n_bins, error))
    return NULL;

  self = (LbHistogramChart *) lb_chart_alloc (&histogram_class, sizeof *self, column);
  self->data = data;
  return &self->parent;
}

/* --- Figure 2-8: every numeric column --- */

typedef struct
{
  LbChart          parent;
  guint            n_panels;
  LbHistogramData *panels;
} LbHistogramGrid;

static void
grid_render (LbChart   *chart,
             LbPlotCtx *ctx)
{
  LbHistogramGrid *self = (LbHistogramGrid *) chart;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  guint n_cols = (guint) ceil (sqrt (self->n_panels));
  guint n_rows = (self->n_panels + n_cols - 1) / n_cols;
  double margin = ctx->font_px * 0.5;
  double cell_w = (ctx->width - 2 * margin) / n_cols;
  double cell_h = (ctx->height - top - margin) / n_rows;

  for (guint i = 0; i < self->n_panels; i++)
    {
      LbRect cell = { margin + (i % n_cols) * cell_w, top + (i / n_cols) * cell_h, cell_w, cell_h };

      draw_panel (ctx, &self->panels[i], &cell, self->panels[i].column, NULL, NULL);
    }
}

static void
grid_free (LbChart *chart)
{
  LbHistogramGrid *self = (LbHistogramGrid *) chart;

  for (guint i = 0; i < self->n_panels; i++)
    lb_histogram_data_clear (&self->panels[i]);
  g_free (self->panels);
}

static const LbChartClass grid_class = {
  "histogram-grid", grid_render, grid_free,
};

LbChart *
lb_chart_new_histogram_grid (LbTable     *table,
                             guint        n_bins,
                             GError     **error)
{
  LbHistogramGrid *self;
  g_autoptr (GArray) numeric = NULL;
  GArray *panels;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  numeric = lb_table_dup_numeric_columns (table);
  panels = g_array_new (FALSE, TRUE, sizeof (LbHistogramData));
  for (guint i = 0; numeric != NULL && i < numeric->len && panels->len < 64; i++)
    {
      LbColumn *col = lb_table_get_column (table, g_array_index (numeric, guint, i));
      LbHistogramData data;

      /* an all-missing column has nothing to show; the others still do */
      if (lb_histogram_data_init (&data, col, LB_BIN_RULE_FIXED, n_bins, NULL))
        g_array_append_val (panels, data);
    }
  if (panels->len == 0)
    {
      g_array_free (panels, TRUE);
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA,
                           _("The table has no numeric column with values to draw"));
      return NULL;
    }

  self = (LbHistogramGrid *) lb_chart_alloc (&grid_class, sizeof *self,
                                             _("Histograms of the numeric attributes"));
  self->n_panels = panels->len;
  self->panels = (LbHistogramData *) (gpointer) g_array_free (panels, FALSE);
  return &self->parent;
}
