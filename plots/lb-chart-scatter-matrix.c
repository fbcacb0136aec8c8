/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-scatter-matrix.c: pandas' scatter_matrix (the book's Figure 2-15):
 * every pair of the chosen columns against each other, a histogram of each on
 * the diagonal drawn to that column's range so that a row's y numbers hold.
 * Each panel skips the rows missing in its own two columns.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-chart-private.h"

#define MAX_COLUMNS 10
#define DIAGONAL_BINS 10  /* pandas' default (matplotlib's hist) */

typedef struct
{
  LbChart          parent;
  guint            n;        /* columns */
  gsize            n_rows;
  char           **names;    /* n */
  double         **values;   /* n arrays of n_rows (NaN = missing) */
  double          *lo;       /* n, padded ranges */
  double          *hi;
  LbHistogramData *hists;    /* n */
} LbScatterMatrix;

static void
matrix_render (LbChart   *chart,
               LbPlotCtx *ctx)
{
  LbScatterMatrix *self = (LbScatterMatrix *) chart;
  double font = ctx->font_px;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double numbers_w = 0, left, bottom, cell_w, cell_h, gap;
  g_autofree double *px = g_new (double, self->n_rows);
  g_autofree double *py = g_new (double, self->n_rows);
  guint32 palette[256];

  for (guint i = 0; i < 256; i++)
    palette[i] = 0x1f77b4;
  for (guint i = 0; i < self->n; i++)
    numbers_w = MAX (numbers_w, lb_plot_y_numbers_width (ctx, self->lo[i], self->hi[i]));
  left = numbers_w + font * 4.0;
  bottom = font * 5.0;
  gap = font * 1.1;
  cell_w = (ctx->width - left - font * 1.5) / self->n;
  cell_h = (ctx->height - top - bottom) / self->n;
  if (cell_w < 12 || cell_h < 12)
    return;

  for (guint i = 0; i < self->n; i++)       /* rows: y = column i */
    for (guint j = 0; j < self->n; j++)     /* columns: x = column j */
      {
        LbRect box = { left + j * cell_w + gap / 2, top + i * cell_h + gap / 2,
                       cell_w - gap, cell_h - gap };

        lb_plot_set_viewport (ctx, &box, self->lo[j], self->hi[j], self->lo[i], self->hi[i]);
        lb_plot_grid (ctx);
        if (i == j)
          lb_histogram_draw_bars (ctx, &self->hists[i], self->lo[i],
                                  self->lo[i] + (self->hi[i] - self->lo[i]) * 0.95);
        else
          {
            LbPoints pts = { 0 };
            gsize n = 0;

            for (gsize r = 0; r < self->n_rows; r++)
              if (!isnan (self->values[j][r]) && !isnan (self->values[i][r]))
                {
                  px[n] = self->values[j][r];
                  py[n] = self->values[i][r];
                  n++;
                }
            pts.x = px;
            pts.y = py;
            pts.n = n;
            pts.fixed_radius = 1.3 * ctx->scale;
            pts.palette = palette;
            pts.alpha = n > 2000 ? 0.25 : 0.6;
            lb_plot_points (ctx, &pts);
          }
        lb_plot_frame (ctx, i == self->n - 1, j == 0);
        lb_plot_axis_labels (ctx, i == self->n - 1 ? self->names[j] : NULL, font * 3.6,
                             j == 0 ? self->names[i] : NULL, numbers_w + font * 2.4);
      }
}

static void
matrix_free (LbChart *chart)
{
  LbScatterMatrix *self = (LbScatterMatrix *) chart;

  for (guint i = 0; i < self->n; i++)
    {
      g_free (self->values[i]);
      lb_histogram_data_clear (&self->hists[i]);
    }
  g_free (self->values);
  g_free (self->hists);
  g_free (self->lo);
  g_free (self->hi);
  g_strfreev (self->names);
}

static const LbChartClass matrix_class = {
  "scatter-matrix", matrix_render, matrix_free,
};

LbChart *
lb_chart_new_scatter_matrix (LbTable            *table,
                             const char * const *columns,
                             GError            **error)
{
  g_autoptr (LbChart) chart = NULL;
  LbScatterMatrix *self;
  LbColumn *cols[MAX_COLUMNS];
  guint n = 0;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (n = 0; columns != NULL && columns[n] != NULL; n++)
    {
      if (n == MAX_COLUMNS)
        {
          g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                       _("A scatter matrix shows at most %u columns"), MAX_COLUMNS);
          return NULL;
        }
      if (!(cols[n] = lb_chart_lookup_numeric (table, columns[n], error)))
        return NULL;
    }
  if (n < 2)
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                           _("A scatter matrix needs at least two columns"));
      return NULL;
    }

  chart = lb_chart_alloc (&matrix_class, sizeof (LbScatterMatrix), _("Scatter matrix"));
  self = (LbScatterMatrix *) chart;
  self->n_rows = lb_table_get_n_rows (table);
  self->names = g_new0 (char *, n + 1);
  self->values = g_new0 (double *, n);
  self->lo = g_new0 (double, n);
  self->hi = g_new0 (double, n);
  self->hists = g_new0 (LbHistogramData, n);
  for (guint i = 0; i < n; i++)
    {
      const double *v = lb_column_get_numeric (cols[i]);

      /* a column with no value at all leaves nothing to plot in its row */
      if (!lb_histogram_data_init (&self->hists[i], cols[i], LB_BIN_RULE_FIXED, DIAGONAL_BINS, error))
        return NULL;
      self->n = i + 1;
      self->names[i] = g_strdup (columns[i]);
      self->values[i] = g_new (double, self->n_rows);
      for (gsize r = 0; r < self->n_rows; r++)
        self->values[i][r] = isfinite (v[r]) ? v[r] : NAN;
      self->lo[i] = self->hists[i].lo;
      self->hi[i] = self->hists[i].hi;
      lb_plot_nice_range (&self->lo[i], &self->hi[i], 0.05);
    }
  return g_steal_pointer (&chart);
}
