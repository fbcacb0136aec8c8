/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-image-grid.c: a grid of small pictures (Fashion-MNIST rows: one
 * numeric column per pixel, 0..255) with their labels as captions, drawn
 * with the book's "binary" colour map (0 white, 255 black). The grid takes
 * the column count that makes the pictures largest for the page.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-chart-private.h"

#define DEFAULT_IMAGES 40
#define MAX_IMAGES     400

typedef struct
{
  LbChart  parent;
  guint    width;      /* pixels of one picture */
  guint    height;
  guint    n_images;
  guint8  *pixels;     /* n_images x height x width, 0 = white */
  char   **captions;   /* n_images, or NULL */
} LbImageGrid;

static void
grid_render (LbChart   *chart,
             LbPlotCtx *ctx)
{
  LbImageGrid *self = (LbImageGrid *) chart;
  double font = ctx->font_px;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double caption_h = self->captions != NULL ? font * 2.0 : font * 0.4;
  double avail_w = ctx->width - font;
  double avail_h = ctx->height - top - font * 0.5;
  double best = 0, caption_w = 0;
  guint best_cols = 1;

  /* the column count that gives the largest picture */
  for (guint cols = 1; cols <= self->n_images; cols++)
    {
      guint rows = (self->n_images + cols - 1) / cols;
      double cw = avail_w / cols;
      double ch = avail_h / rows - caption_h;
      double side = MIN (cw * 0.9, ch * 0.95 * self->width / self->height);
      if (side > best)
        {
          best = side;
          best_cols = cols;
        }
    }
  if (best < 2)
    return;

  for (guint i = 0; self->captions != NULL && i < self->n_images; i++)
    caption_w = MAX (caption_w, lb_plot_text_width (ctx, self->captions[i], 1.0));

  {
    guint cols = best_cols;
    guint rows = (self->n_images + cols - 1) / cols;
    double cw = avail_w / cols;
    double img_w = best, img_h = best * self->height / self->width;
    double ch = MIN (avail_h / rows, img_h + caption_h + font * 0.8);
    double y_top = top + (avail_h - rows * ch) / 2;
    double rel = caption_w > cw * 0.95 ? MAX (0.5, cw * 0.95 / caption_w) : 1.0;
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, self->width, self->height);

    for (guint k = 0; k < self->n_images; k++)
      {
        double x = font * 0.5 + (k % cols) * cw + (cw - img_w) / 2;
        double y = y_top + (k / cols) * ch;
        const guint8 *src = self->pixels + (gsize) k * self->width * self->height;
        guint8 *data;
        int stride;
        cairo_pattern_t *pattern;
        cairo_matrix_t m;

        cairo_surface_flush (surface);
        data = cairo_image_surface_get_data (surface);
        stride = cairo_image_surface_get_stride (surface);
        for (guint r = 0; r < self->height; r++)
          for (guint c = 0; c < self->width; c++)
            {
              guint32 v = 255 - src[r * self->width + c];
              ((guint32 *) (gpointer) (data + r * stride))[c] = (v << 16) | (v << 8) | v;
            }
        cairo_surface_mark_dirty (surface);

        lb_plot_cairo_begin (ctx);
        pattern = cairo_pattern_create_for_surface (surface);
        cairo_pattern_set_filter (pattern, img_w >= self->width ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_GOOD);
        cairo_matrix_init_scale (&m, self->width / img_w, self->height / img_h);
        cairo_matrix_translate (&m, -x, -y);
        cairo_pattern_set_matrix (pattern, &m);
        cairo_set_source (ctx->cr, pattern);
        cairo_rectangle (ctx->cr, x, y, img_w, img_h);
        cairo_fill_preserve (ctx->cr);
        cairo_pattern_destroy (pattern);
        cairo_set_source_rgb (ctx->cr, 0.85, 0.85, 0.85);
        cairo_set_line_width (ctx->cr, 0.6);
        cairo_stroke (ctx->cr);
        lb_plot_cairo_end (ctx);

        if (self->captions != NULL)
          {
            plcol0 (LB_PLOT_COLOR_TEXT);
            lb_plot_text_px (ctx, x + img_w / 2, y + img_h + font * 1.0, 0, 0.5, rel,
                             self->captions[k]);
          }
      }
    cairo_surface_destroy (surface);
  }
}

static void
grid_free (LbChart *chart)
{
  LbImageGrid *self = (LbImageGrid *) chart;

  g_free (self->pixels);
  g_strfreev (self->captions);
}

static const LbChartClass image_grid_class = {
  "images", grid_render, grid_free,
};

LbChart *
lb_chart_new_image_grid (LbTable     *table,
                         guint        width,
                         guint        height,
                         const char  *label_column,
                         guint        n_images,
                         GError     **error)
{
  g_autoptr (LbChart) chart = NULL;
  LbImageGrid *self;
  LbColumn *label = NULL;
  g_autofree const double **pixel_cols = NULL;
  guint n_pixels, found = 0;
  guint n_cols;
  gsize n_rows;
  GPtrArray *captions = NULL;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (width == 0 || height == 0 || width > 1024 || height > 1024)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("Pictures of %u × %u pixels cannot be drawn"), width, height);
      return NULL;
    }
  if (label_column != NULL)
    {
      label = lb_table_get_column_by_name (table, label_column);
      if (label == NULL)
        {
          g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                       _("There is no column “%s”"), label_column);
          return NULL;
        }
    }

  /* the pixels: the numeric columns other than the label, in table order */
  n_pixels = width * height;
  n_cols = lb_table_get_n_columns (table);
  pixel_cols = g_new0 (const double *, n_pixels);
  for (guint c = 0; c < n_cols && found < n_pixels; c++)
    {
      LbColumn *col = lb_table_get_column (table, c);
      if (col != label && lb_column_get_kind (col) == LB_COLUMN_NUMERIC)
        pixel_cols[found++] = lb_column_get_numeric (col);
    }
  if (found < n_pixels)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("Pictures of %u × %u need %u numeric pixel columns, the table has %u"),
                   width, height, n_pixels, found);
      return NULL;
    }

  if (n_images == 0)
    n_images = DEFAULT_IMAGES;
  n_images = MIN (n_images, MAX_IMAGES);
  chart = lb_chart_alloc (&image_grid_class, sizeof (LbImageGrid), _("Images"));
  self = (LbImageGrid *) chart;
  self->width = width;
  self->height = height;
  self->pixels = g_malloc ((gsize) n_images * n_pixels);
  if (label != NULL)
    captions = g_ptr_array_new ();

  /* the first @n_images rows whose pixels are all present */
  n_rows = lb_table_get_n_rows (table);
  for (gsize r = 0; r < n_rows && self->n_images < n_images; r++)
    {
      guint8 *dst = self->pixels + (gsize) self->n_images * n_pixels;
      gboolean complete = TRUE;

      for (guint p = 0; p < n_pixels && complete; p++)
        {
          double v = pixel_cols[p][r];
          if (isnan (v))
            complete = FALSE;
          else
            dst[p] = (guint8) lround (CLAMP (v, 0, 255));
        }
      if (!complete)
        continue;
      if (captions != NULL)
        {
          char *text = lb_column_format_value (label, r);
          g_ptr_array_add (captions, text != NULL ? text : g_strdup (""));
        }
      self->n_images++;
    }
  if (captions != NULL)
    {
      g_ptr_array_add (captions, NULL);
      self->captions = (char **) g_ptr_array_free (captions, FALSE);
    }
  if (self->n_images == 0)
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA,
                           _("No row holds a complete picture"));
      return NULL;
    }
  return g_steal_pointer (&chart);
}
