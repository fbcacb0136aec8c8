/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-scatter.c: the scatter plot with colour-by, size-by and alpha: the
 * book's housing map (x = longitude, y = latitude, size = population,
 * colour = median_house_value on jet, with a colour bar). A categorical
 * colour gets a discrete palette and a legend. Rows with a missing value in
 * any of the columns used are skipped.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "lb-chart-private.h"

#define MAX_CATEGORIES 20   /* the palette's size: more are lumped into "other" */
#define DEFAULT_AREA   20.0 /* px^2 of a point without size-by (matplotlib's s=20) */
#define MAX_RADIUS     100.0

typedef struct
{
  LbChart  parent;
  char    *x_name;
  char    *y_name;
  char    *color_name;
  char    *size_name;
  gsize    n;
  double  *x;              /* n */
  double  *y;              /* n */
  double  *radius;         /* n, px at scale 1; NULL: fixed_radius */
  double   fixed_radius;
  guint8  *color;          /* n, index into palette; NULL: one colour */
  guint32  palette[256];
  gboolean numeric_color;  /* colour bar (else legend) */
  double   cmin, cmax;
  guint    n_categories;
  char   **categories;     /* legend labels, n_categories */
  double   alpha;
  double   xlo, xhi, ylo, yhi;
} LbScatterChart;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* --- categorical colours --- */

/* For each row, the legend slot of its category (-1 when missing): slots by
 * decreasing frequency, as value_counts() orders them. */
static gint16 *
category_slots (LbScatterChart *self,
                LbColumn       *column)
{
  g_autoptr (LbValueCounts) counts = lb_column_value_counts (column);
  g_autoptr (GHashTable) slot_of = g_hash_table_new (g_str_hash, g_str_equal);
  gsize n_rows = lb_column_get_n_rows (column);
  gint16 *slots = g_new (gint16, n_rows);
  guint n_values = counts != NULL ? counts->n_values : 0;
  guint n_slots = n_values > MAX_CATEGORIES ? MAX_CATEGORIES : n_values;

  g_autofree guint *order = g_new (guint, n_values + 1);

  /* a categorical column with few categories keeps its own order ("0", "1"),
   * as a legend should; otherwise the most frequent come first */
  for (guint i = 0; i < n_values; i++)
    order[i] = i;
  if (n_values <= MAX_CATEGORIES && lb_column_get_kind (column) == LB_COLUMN_CATEGORICAL)
    {
      const char * const *cats = lb_column_get_categories (column);
      guint n_cats = lb_column_get_n_categories (column), k = 0;
      for (guint c = 0; c < n_cats; c++)
        for (guint i = 0; i < n_values; i++)
          if (g_strcmp0 (cats[c], counts->values[i]) == 0)
            {
              order[k++] = i;
              break;
            }
      g_assert (k == n_values);
    }

  self->n_categories = n_slots;
  self->categories = g_new0 (char *, n_slots + 1);
  for (guint j = 0; j < n_values; j++)
    {
      guint i = order[j];
      guint slot = MIN (j, n_slots - 1);
      g_hash_table_insert (slot_of, counts->values[i], GUINT_TO_POINTER (slot + 1));
      if (j < n_slots)
        self->categories[j] = g_strdup (counts->values[i]);
    }
  if (n_values > MAX_CATEGORIES)
    {
      g_free (self->categories[n_slots - 1]);
      self->categories[n_slots - 1] = g_strdup_printf (_("other (%u values)"), n_values - n_slots + 1);
    }
  for (guint i = 0; i < 256; i++)
    self->palette[i] = lb_palette_category (i);

  for (gsize row = 0; row < n_rows; row++)
    {
      const char *value = NULL;

      if (lb_column_get_kind (column) == LB_COLUMN_CATEGORICAL)
        {
          gint32 code = lb_column_get_codes (column)[row];
          if (code >= 0 && (guint) code < lb_column_get_n_categories (column))
            value = lb_column_get_categories (column)[code];
        }
      else
        value = lb_column_get_text (column)[row];
      slots[row] = value != NULL
                     ? (gint16) GPOINTER_TO_UINT (g_hash_table_lookup (slot_of, value)) - 1
                     : -1;
    }
  return slots;
}

/* --- rendering --- */

static void
draw_legend (LbScatterChart *self,
             LbPlotCtx      *ctx,
             double          x,
             double          y,
             double          height)
{
  double font = ctx->font_px;
  double line = font * 2.0;
  double rel = 1.0;

  if (self->n_categories * line > height - font * 2.4)
    {
      rel = MAX (0.6, (height - font * 2.4) / (self->n_categories * line));
      line *= rel;
    }
  plcol0 (LB_PLOT_COLOR_TEXT);
  lb_plot_text_px (ctx, x, y + font * 0.8, 0, 0, 1.0, self->color_name);
  y += font * 2.6;
  for (guint i = 0; i < self->n_categories; i++)
    {
      guint32 c = self->palette[i];

      lb_plot_cairo_begin (ctx);
      cairo_set_source_rgb (ctx->cr, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0);
      cairo_arc (ctx->cr, x + font * 0.5, y + i * line, font * 0.45 * MAX (rel, 0.8), 0, 2 * G_PI);
      cairo_fill (ctx->cr);
      lb_plot_cairo_end (ctx);
      plcol0 (LB_PLOT_COLOR_TEXT);
      lb_plot_text_px (ctx, x + font * 1.5, y + i * line, 0, 0, rel, self->categories[i]);
    }
}

/* the book's plt.legend(): a marker and the name of the size column */
static void
draw_size_key (LbScatterChart *self,
               LbPlotCtx      *ctx)
{
  const LbRect *vp = &ctx->viewport;
  double font = ctx->font_px;
  double text_w = lb_plot_text_width (ctx, self->size_name, 1.0);
  double w = text_w + font * 3.6, h = font * 2.4;
  double x = vp->x + vp->width - w - font * 0.6, y = vp->y + font * 0.6;

  lb_plot_cairo_begin (ctx);
  cairo_rectangle (ctx->cr, x, y, w, h);
  cairo_set_source_rgba (ctx->cr, 1, 1, 1, 0.85);
  cairo_fill_preserve (ctx->cr);
  cairo_set_source_rgb (ctx->cr, 0.8, 0.8, 0.8);
  cairo_set_line_width (ctx->cr, 1);
  cairo_stroke (ctx->cr);
  cairo_arc (ctx->cr, x + font * 1.2, y + h / 2, font * 0.5, 0, 2 * G_PI);
  cairo_set_source_rgba (ctx->cr, 0.12, 0.47, 0.71, 0.6);
  cairo_fill (ctx->cr);
  lb_plot_cairo_end (ctx);
  plcol0 (LB_PLOT_COLOR_TEXT);
  lb_plot_text_px (ctx, x + font * 2.4, y + h / 2, 0, 0, 1.0, self->size_name);
}

static void
scatter_render (LbChart   *chart,
                LbPlotCtx *ctx)
{
  LbScatterChart *self = (LbScatterChart *) chart;
  double font = ctx->font_px;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double numbers_w = lb_plot_y_numbers_width (ctx, self->ylo, self->yhi);
  double left = numbers_w + font * 4.0;
  double bottom = font * 5.0;
  double right = font * 2.0;
  double cbar_numbers_w = 0;
  g_autofree double *radius = NULL;
  LbPoints pts = { 0 };
  LbRect box;

  if (self->color != NULL && self->numeric_color)
    {
      cbar_numbers_w = lb_plot_y_numbers_width (ctx, self->cmin, self->cmax);
      right = font * (1.8 + 1.6 + 1.2 + 3.4) + cbar_numbers_w;
    }
  else if (self->color != NULL)
    {
      double label_w = lb_plot_text_width (ctx, self->color_name, 1.0);
      for (guint i = 0; i < self->n_categories; i++)
        label_w = MAX (label_w, lb_plot_text_width (ctx, self->categories[i], 1.0) + font * 1.5);
      right = font * 3.0 + MIN (label_w, ctx->width * 0.35);
    }

  box.x = left;
  box.y = top;
  box.width = ctx->width - left - right;
  box.height = ctx->height - top - bottom;
  if (box.width < 8 || box.height < 8)
    return;

  lb_plot_set_viewport (ctx, &box, self->xlo, self->xhi, self->ylo, self->yhi);
  lb_plot_grid (ctx);

  pts.x = self->x;
  pts.y = self->y;
  pts.n = self->n;
  pts.color = self->color;
  pts.palette = self->palette;
  pts.alpha = self->alpha;
  pts.fixed_radius = self->fixed_radius * ctx->scale;
  if (self->radius != NULL)
    {
      radius = g_new (double, self->n);
      for (gsize i = 0; i < self->n; i++)
        radius[i] = self->radius[i] * ctx->scale;
      pts.radius = radius;
    }
  lb_plot_points (ctx, &pts);

  lb_plot_frame (ctx, TRUE, TRUE);
  lb_plot_axis_labels (ctx, self->x_name, font * 3.6, self->y_name, numbers_w + font * 2.4);
  if (self->size_name != NULL)
    draw_size_key (self, ctx);

  if (self->color != NULL && self->numeric_color)
    {
      LbRect bar = { box.x + box.width + font * 1.8, box.y, font * 1.6, box.height };
      lb_plot_colorbar (ctx, LB_COLORMAP_JET, self->cmin, self->cmax, self->color_name, &bar);
    }
  else if (self->color != NULL)
    draw_legend (self, ctx, box.x + box.width + font * 1.8, box.y, box.height);
}

static void
scatter_free (LbChart *chart)
{
  LbScatterChart *self = (LbScatterChart *) chart;

  g_free (self->x_name);
  g_free (self->y_name);
  g_free (self->color_name);
  g_free (self->size_name);
  g_free (self->x);
  g_free (self->y);
  g_free (self->radius);
  g_free (self->color);
  g_strfreev (self->categories);
}

static const LbChartClass scatter_class = {
  "scatter", scatter_render, scatter_free,
};

/* --- construction --- */

LbChart *
lb_chart_new_scatter (LbTable                 *table,
                      const LbScatterOptions  *options,
                      GError                 **error)
{
  g_autoptr (LbChart) chart = NULL;
  LbScatterChart *self;
  LbColumn *xc, *yc, *cc = NULL, *sc = NULL;
  const double *xv, *yv, *cv = NULL, *sv = NULL;
  g_autofree gint16 *slots = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autofree char *default_title = NULL;
  double size_scale;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(xc = lb_chart_lookup_numeric (table, options->x, error)) ||
      !(yc = lb_chart_lookup_numeric (table, options->y, error)))
    return NULL;
  if (options->size_by != NULL && !(sc = lb_chart_lookup_numeric (table, options->size_by, error)))
    return NULL;
  if (options->color_by != NULL)
    {
      cc = lb_table_get_column_by_name (table, options->color_by);
      if (cc == NULL)
        {
          g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                       _("There is no column “%s”"), options->color_by);
          return NULL;
        }
    }
  if (!(options->alpha >= 0 && options->alpha <= 1) || !(options->size_scale >= 0) ||
      !isfinite (options->size_scale))
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                           _("The transparency must lie between 0 and 1 and the size scale must not be negative"));
      return NULL;
    }

  default_title = g_strdup_printf (_("%s against %s"), options->y, options->x);
  chart = lb_chart_alloc (&scatter_class, sizeof (LbScatterChart), default_title);
  self = (LbScatterChart *) chart;
  self->x_name = g_strdup (options->x);
  self->y_name = g_strdup (options->y);
  self->size_name = g_strdup (options->size_by);
  self->color_name = g_strdup (options->color_by);
  for (guint i = 0; i < 256; i++)
    self->palette[i] = 0x1f77b4;

  xv = lb_column_get_numeric (xc);
  yv = lb_column_get_numeric (yc);
  if (sc != NULL)
    sv = lb_column_get_numeric (sc);
  if (cc != NULL && lb_column_get_kind (cc) == LB_COLUMN_NUMERIC)
    {
      cv = lb_column_get_numeric (cc);
      self->numeric_color = TRUE;
    }
  else if (cc != NULL)
    slots = category_slots (self, cc);

  /* keep the rows where every column used has a value */
  rows = lb_chart_rows_to_draw (table, options->max_points);
  self->x = g_new (double, rows->len);
  self->y = g_new (double, rows->len);
  if (sc != NULL)
    self->radius = g_new (double, rows->len);
  if (cc != NULL)
    self->color = g_new (guint8, rows->len);
  {
    g_autofree double *cvals = cv != NULL ? g_new (double, rows->len) : NULL;

    self->cmin = INFINITY;
    self->cmax = -INFINITY;
    for (guint k = 0; k < rows->len; k++)
      {
        guint r = g_array_index (rows, guint, k);
        gsize i = self->n;

        if (!isfinite (xv[r]) || !isfinite (yv[r]) ||
            (sv != NULL && !isfinite (sv[r])) ||
            (cv != NULL && !isfinite (cv[r])) ||
            (slots != NULL && slots[r] < 0))
          continue;
        self->x[i] = xv[r];
        self->y[i] = yv[r];
        if (sv != NULL)
          self->radius[i] = MAX (sv[r], 0);
        if (cv != NULL)
          {
            cvals[i] = cv[r];
            self->cmin = MIN (self->cmin, cv[r]);
            self->cmax = MAX (self->cmax, cv[r]);
          }
        else if (slots != NULL)
          self->color[i] = (guint8) slots[r];
        self->n++;
      }

    if (self->n == 0)
      {
        GString *cols = g_string_new (NULL);
        g_string_append_printf (cols, "“%s”, “%s”", options->x, options->y);
        if (options->color_by != NULL)
          g_string_append_printf (cols, ", “%s”", options->color_by);
        if (options->size_by != NULL)
          g_string_append_printf (cols, ", “%s”", options->size_by);
        g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA,
                     _("No row has values in all of %s"), cols->str);
        g_string_free (cols, TRUE);
        return NULL;
      }

    if (cv != NULL)
      {
        double lo = self->cmin, hi = self->cmax;
        lb_plot_nice_range (&lo, &hi, 0);
        for (gsize i = 0; i < self->n; i++)
          {
            double t = (cvals[i] - lo) / (hi - lo);
            self->color[i] = (guint8) lround (CLAMP (isnan (t) ? 0 : t, 0, 1) * 255);
          }
        for (guint i = 0; i < 256; i++)
          self->palette[i] = lb_colormap_eval (LB_COLORMAP_JET, i / 255.0);
        self->cmin = lo;
        self->cmax = hi;
      }
  }

  /* sizes: matplotlib's s is an area in px^2, here value * size_scale; the
   * default scale gives the median value an area of 12 px^2 (the book's
   * population / 100 is close to that) */
  size_scale = options->size_scale;
  if (sc != NULL)
    {
      if (size_scale == 0)
        {
          g_autofree double *sorted = g_memdup2 (self->radius, self->n * sizeof (double));
          double median;
          qsort (sorted, self->n, sizeof (double), compare_doubles);
          median = sorted[self->n / 2];
          size_scale = median > 0 && isfinite (12.0 / median) ? 12.0 / median : 1.0;
        }
      /* no disc larger than a fifth of a 1000 px page */
      for (gsize i = 0; i < self->n; i++)
        self->radius[i] = MIN (sqrt (self->radius[i] * size_scale) / 2, MAX_RADIUS);
    }
  else
    self->fixed_radius = MIN (sqrt (DEFAULT_AREA * (size_scale > 0 ? size_scale : 1.0)) / 2, MAX_RADIUS);

  self->alpha = options->alpha > 0 ? options->alpha : (self->n > 1000 ? 0.4 : 1.0);

  self->xlo = self->xhi = self->x[0];
  self->ylo = self->yhi = self->y[0];
  for (gsize i = 1; i < self->n; i++)
    {
      self->xlo = MIN (self->xlo, self->x[i]);
      self->xhi = MAX (self->xhi, self->x[i]);
      self->ylo = MIN (self->ylo, self->y[i]);
      self->yhi = MAX (self->yhi, self->y[i]);
    }
  lb_plot_nice_range (&self->xlo, &self->xhi, 0.05);
  lb_plot_nice_range (&self->ylo, &self->yhi, 0.05);

  return g_steal_pointer (&chart);
}
