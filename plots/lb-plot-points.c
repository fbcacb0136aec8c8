/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-plot-points.c: scatter points, drawn by us rather than by PLplot's glyph
 * markers (which go through the text engine: 20k points ~ 240 ms). On raster
 * targets every disc is blended in software into one premultiplied ARGB layer
 * (alpha accumulates point by point, as in matplotlib) that is then painted
 * once; SVG / PDF get one cairo path per point so that they stay vectors.
 */
#include "config.h"

#include <math.h>

#include "lb-chart-private.h"

/* premultiplied ARGB of 0xRRGGBB at @alpha */
static guint32
premultiply (guint32 rgb,
             double  alpha)
{
  guint32 a = (guint32) lround (CLAMP (alpha, 0, 1) * 255);
  guint32 r = (((rgb >> 16) & 0xff) * a + 127) / 255;
  guint32 g = (((rgb >> 8) & 0xff) * a + 127) / 255;
  guint32 b = ((rgb & 0xff) * a + 127) / 255;

  return (a << 24) | (r << 16) | (g << 8) | b;
}

/* dst = src + dst * (255 - src_alpha) / 255, two channels per multiply */
static inline guint32
over (guint32 src,
      guint32 dst)
{
  guint32 ia = 255 - (src >> 24);
  guint32 rb = (dst & 0x00ff00ff) * ia + 0x00800080;
  guint32 ag = ((dst >> 8) & 0x00ff00ff) * ia + 0x00800080;

  rb = ((rb + ((rb >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = (ag + ((ag >> 8) & 0x00ff00ff)) & 0xff00ff00;
  return src + rb + ag;
}

/* @src scaled by @cov256 / 256 */
static inline guint32
scale_pixel (guint32 src,
             guint32 cov256)
{
  guint32 rb = (((src & 0x00ff00ff) * cov256) >> 8) & 0x00ff00ff;
  guint32 ag = (((src >> 8) & 0x00ff00ff) * cov256) & 0xff00ff00;

  return rb | ag;
}

/* One anti-aliased disc: coverage falls linearly over the pixel at the rim. */
static void
blend_disc (guint8  *data,
            int      stride,
            int      width,
            int      height,
            double   cx,
            double   cy,
            double   radius,
            guint32  color)
{
  float rout = (float) radius + 0.5f;
  float rin = (float) radius - 0.5f;
  float rout2 = rout * rout;
  float rin2 = rin > 0 ? rin * rin : 0;
  int x0 = MAX (0, (int) floor (cx - rout));
  int x1 = MIN (width, (int) ceil (cx + rout));
  int y0 = MAX (0, (int) floor (cy - rout));
  int y1 = MIN (height, (int) ceil (cy + rout));

  for (int py = y0; py < y1; py++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + (gsize) py * stride);
      float dy = py + 0.5f - (float) cy;
      float dy2 = dy * dy;

      for (int px = x0; px < x1; px++)
        {
          float dx = px + 0.5f - (float) cx;
          float d2 = dx * dx + dy2;

          if (d2 >= rout2)
            continue;
          if (d2 <= rin2)
            row[px] = over (color, row[px]);
          else
            {
              guint32 cov = (guint32) ((rout - sqrtf (d2)) * 256.f);
              /* a disc smaller than a pixel keeps its area, not a full pixel */
              if (rin < 0)
                cov = (guint32) (cov * (float) (radius + 0.5));
              row[px] = over (scale_pixel (color, MIN (cov, 256u)), row[px]);
            }
        }
    }
}

/* Past this many points an SVG / PDF gets the points as one image (as
 * matplotlib's rasterized=True): 20k paths per panel make files of megabytes. */
#define MAX_VECTOR_POINTS 5000
#define VECTOR_RASTER_SCALE 2.0

static double
target_scale (LbPlotCtx *ctx)
{
  double dx = 1, dy = 0, sx = 1, sy = 1;
  double s;

  cairo_save (ctx->cr);
  cairo_set_matrix (ctx->cr, &ctx->base);
  cairo_user_to_device_distance (ctx->cr, &dx, &dy);
  cairo_restore (ctx->cr);
  cairo_surface_get_device_scale (cairo_get_target (ctx->cr), &sx, &sy);
  s = hypot (dx, dy) * MAX (sx, sy);
  if (ctx->vector)
    s = MAX (s, VECTOR_RASTER_SCALE);
  return CLAMP (s, 1.0, 4.0);
}

static void
draw_raster (LbPlotCtx      *ctx,
             const LbPoints *pts,
             const guint32  *colors)
{
  const LbRect *vp = &ctx->viewport;
  double s = target_scale (ctx);
  int w = (int) ceil (vp->width * s);
  int h = (int) ceil (vp->height * s);
  cairo_surface_t *layer;
  guint8 *data;
  int stride;

  if (w <= 0 || h <= 0)
    return;
  layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status (layer) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (layer);
      return;
    }
  cairo_surface_flush (layer);
  data = cairo_image_surface_get_data (layer);
  stride = cairo_image_surface_get_stride (layer);

  for (gsize i = 0; i < pts->n; i++)
    {
      double ux, uy;
      double r = pts->radius != NULL ? pts->radius[i] : pts->fixed_radius;

      lb_plot_world_to_user (ctx, pts->x[i], pts->y[i], &ux, &uy);
      /* outside the box (or beyond int range): nothing to blend */
      if (!(r >= 0) || !(ux > vp->x - r - 1 && ux < vp->x + vp->width + r + 1 &&
                         uy > vp->y - r - 1 && uy < vp->y + vp->height + r + 1))
        continue;
      blend_disc (data, stride, w, h, (ux - vp->x) * s, (uy - vp->y) * s, r * s,
                  colors[pts->color != NULL ? pts->color[i] : 0]);
    }
  cairo_surface_mark_dirty (layer);
  cairo_surface_set_device_scale (layer, s, s);

  lb_plot_cairo_begin (ctx);
  cairo_set_source_surface (ctx->cr, layer, vp->x, vp->y);
  cairo_rectangle (ctx->cr, vp->x, vp->y, vp->width, vp->height);
  cairo_fill (ctx->cr);
  lb_plot_cairo_end (ctx);
  cairo_surface_destroy (layer);
}

static void
draw_vector (LbPlotCtx      *ctx,
             const LbPoints *pts)
{
  const LbRect *vp = &ctx->viewport;
  int last = -1;

  lb_plot_cairo_begin (ctx);
  cairo_rectangle (ctx->cr, vp->x, vp->y, vp->width, vp->height);
  cairo_clip (ctx->cr);
  for (gsize i = 0; i < pts->n; i++)
    {
      double ux, uy;
      double r = pts->radius != NULL ? pts->radius[i] : pts->fixed_radius;
      int c = pts->color != NULL ? pts->color[i] : 0;

      if (c != last)
        {
          guint32 rgb = pts->palette[c];
          cairo_set_source_rgba (ctx->cr, ((rgb >> 16) & 0xff) / 255.0,
                                 ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0,
                                 pts->alpha);
          last = c;
        }
      lb_plot_world_to_user (ctx, pts->x[i], pts->y[i], &ux, &uy);
      if (!(r >= 0) || !(ux > vp->x - r - 1 && ux < vp->x + vp->width + r + 1 &&
                         uy > vp->y - r - 1 && uy < vp->y + vp->height + r + 1))
        continue;
      cairo_new_sub_path (ctx->cr);
      cairo_arc (ctx->cr, ux, uy, MAX (r, 0.3), 0, 2 * G_PI);
      cairo_fill (ctx->cr);
    }
  lb_plot_cairo_end (ctx);
}

void
lb_plot_points (LbPlotCtx      *ctx,
                const LbPoints *pts)
{
  guint32 colors[256];
  gint64 start = g_get_monotonic_time ();

  if (pts->n == 0)
    return;
  if (ctx->vector && pts->n <= MAX_VECTOR_POINTS)
    draw_vector (ctx, pts);
  else
    {
      for (guint i = 0; i < 256; i++)
        colors[i] = premultiply (pts->palette[i], pts->alpha);
      draw_raster (ctx, pts, colors);
    }
  ctx->points_us += g_get_monotonic_time () - start;
}
