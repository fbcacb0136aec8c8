/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-plot-marks.c: the small marks the model charts share: marker shapes
 * (one per class, as the book tells classes apart in print), colours mixed
 * with white, a framed legend placed in the corner where the data leave room.
 * Drawn with cairo in page pixels; the text goes through PLplot like all text.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-chart-private.h"

void
lb_plot_cairo_rgb (cairo_t *cr,
                   guint32  rgb,
                   double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

guint32
lb_color_lighten (guint32 rgb,
                  double  t)
{
  guint32 out = 0;

  t = CLAMP (t, 0, 1);
  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double c = (rgb >> shift) & 0xff;
      out |= (guint32) lround (c + (255 - c) * t) << shift;
    }
  return out;
}

void
lb_plot_marker_path (cairo_t  *cr,
                     LbMarker  marker,
                     double    x,
                     double    y,
                     double    r)
{
  switch (marker)
    {
    case LB_MARKER_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case LB_MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.1);
      cairo_line_to (cr, x + r * 1.0, y + r * 0.75);
      cairo_line_to (cr, x - r * 1.0, y + r * 0.75);
      cairo_close_path (cr);
      break;
    case LB_MARKER_TRIANGLE_DOWN:
      cairo_move_to (cr, x, y + r * 1.1);
      cairo_line_to (cr, x + r * 1.0, y - r * 0.75);
      cairo_line_to (cr, x - r * 1.0, y - r * 0.75);
      cairo_close_path (cr);
      break;
    case LB_MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 0.9, y);
      cairo_line_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x - r * 0.9, y);
      cairo_close_path (cr);
      break;
    case LB_MARKER_CIRCLE:
    case LB_MARKER_N:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

void
lb_plot_clip_viewport (LbPlotCtx *ctx)
{
  const LbRect *vp = &ctx->viewport;

  cairo_rectangle (ctx->cr, vp->x, vp->y, vp->width, vp->height);
  cairo_clip (ctx->cr);
}

void
lb_plot_format_value (char   *buf,
                      gsize   size,
                      double  v)
{
  if (isnan (v))
    g_strlcpy (buf, "–", size);
  else if (v != 0 && (fabs (v) >= 1e5 || fabs (v) < 1e-3))
    g_snprintf (buf, size, "%.3g", v);
  else
    g_snprintf (buf, size, "%.4g", v);
}

guint
lb_plot_emptiest_corner (LbPlotCtx    *ctx,
                         const double *x,
                         const double *y,
                         gsize         n)
{
  gsize count[4] = { 0, 0, 0, 0 };
  double xs = (ctx->wx1 - ctx->wx0), ys = (ctx->wy1 - ctx->wy0);
  guint best = 1;

  for (gsize i = 0; i < n; i++)
    {
      double fx, fy;

      if (!isfinite (x[i]) || !isfinite (y[i]))
        continue;
      fx = (x[i] - ctx->wx0) / xs;
      fy = (y[i] - ctx->wy0) / ys;  /* 0 bottom, 1 top */
      if (fy > 0.6)
        {
          if (fx < 0.45)
            count[0]++;
          if (fx > 0.55)
            count[1]++;
        }
      if (fy < 0.4)
        {
          if (fx < 0.45)
            count[2]++;
          if (fx > 0.55)
            count[3]++;
        }
    }
  /* top right first (matplotlib's habit), then the others */
  {
    static const guint order[4] = { 1, 0, 3, 2 };
    for (guint k = 0; k < 4; k++)
      if (count[order[k]] < count[best])
        best = order[k];
  }
  return best;
}

void
lb_plot_legend (LbPlotCtx           *ctx,
                const LbLegendEntry *entries,
                guint                n,
                guint                corner)
{
  const LbRect *vp = &ctx->viewport;
  double font = ctx->font_px, rel = 0.95;
  double text_w = 0, sample_w = font * 2.6, row_h = font * 1.9, pad = font * 0.7;
  double box_w, box_h, bx, by;
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    if (entries[i].label != NULL && *entries[i].label != '\0')
      {
        text_w = MAX (text_w, lb_plot_text_width (ctx, entries[i].label, rel));
        shown++;
      }
  if (shown == 0)
    return;
  /* never wider than 60 % of the plot: shrink the text instead */
  box_w = pad * 2 + sample_w + font * 1.2 + text_w;
  if (box_w > vp->width * 0.6 && text_w > 0)
    {
      double f = MAX (0.55, (vp->width * 0.6 - pad * 2 - sample_w - font * 0.6) / text_w);
      rel *= f;
      text_w *= f;
      box_w = pad * 2 + sample_w + font * 1.2 + text_w;
    }
  box_h = pad * 2 + row_h * shown - (row_h - font * 1.2);
  bx = (corner == 0 || corner == 2) ? vp->x + font * 0.8 : vp->x + vp->width - box_w - font * 0.8;
  by = corner < 2 ? vp->y + font * 0.8 : vp->y + vp->height - box_h - font * 0.8;

  lb_plot_cairo_begin (ctx);
  cairo_rectangle (ctx->cr, bx, by, box_w, box_h);
  cairo_set_source_rgba (ctx->cr, 1, 1, 1, 0.85);
  cairo_fill_preserve (ctx->cr);
  cairo_set_source_rgb (ctx->cr, 0.8, 0.8, 0.8);
  cairo_set_line_width (ctx->cr, 1.0);
  cairo_stroke (ctx->cr);

  shown = 0;
  for (guint i = 0; i < n; i++)
    {
      const LbLegendEntry *e = &entries[i];
      double cy, x0 = bx + pad, x1 = bx + pad + sample_w;

      if (e->label == NULL || *e->label == '\0')
        continue;
      cy = by + pad + font * 0.6 + row_h * shown++;
      switch (e->kind)
        {
        case LB_LEGEND_BOX:
          cairo_rectangle (ctx->cr, x0, cy - font * 0.5, sample_w, font);
          lb_plot_cairo_rgb (ctx->cr, e->rgb, e->alpha > 0 ? e->alpha : 1);
          cairo_fill (ctx->cr);
          break;
        case LB_LEGEND_MARKER:
          lb_plot_marker_path (ctx->cr, e->marker, (x0 + x1) / 2, cy, font * 0.4);
          lb_plot_cairo_rgb (ctx->cr, e->rgb, 1);
          cairo_fill (ctx->cr);
          break;
        case LB_LEGEND_LINE:
        case LB_LEGEND_DASHED:
        case LB_LEGEND_LINE_MARKER:
        default:
          {
            double dash[2] = { font * 0.6, font * 0.35 };
            cairo_move_to (ctx->cr, x0, cy);
            cairo_line_to (ctx->cr, x1, cy);
            lb_plot_cairo_rgb (ctx->cr, e->rgb, 1);
            cairo_set_line_width (ctx->cr, 2.0 * ctx->scale);
            cairo_set_dash (ctx->cr, dash, e->kind == LB_LEGEND_DASHED ? 2 : 0, 0);
            cairo_stroke (ctx->cr);
            cairo_set_dash (ctx->cr, NULL, 0, 0);
            if (e->kind == LB_LEGEND_LINE_MARKER)
              {
                lb_plot_marker_path (ctx->cr, e->marker, (x0 + x1) / 2, cy, font * 0.35);
                cairo_fill (ctx->cr);
              }
          }
          break;
        }
    }
  lb_plot_cairo_end (ctx);

  plcol0 (LB_PLOT_COLOR_TEXT);
  shown = 0;
  for (guint i = 0; i < n; i++)
    {
      if (entries[i].label == NULL || *entries[i].label == '\0')
        continue;
      lb_plot_text_px (ctx, bx + pad + sample_w + font * 0.6, by + pad + font * 0.6 + row_h * shown++,
                       0, 0, rel, entries[i].label);
    }
}

gboolean
lb_plot_xy_box (LbPlotCtx  *ctx,
                double      top,
                double      xlo,
                double      xhi,
                double      ylo,
                double      yhi,
                const char *x_label,
                const char *y_label,
                double      right)
{
  double font = ctx->font_px, numbers_w, left, bottom;
  LbRect box;

  lb_plot_nice_range (&xlo, &xhi, 0);
  lb_plot_nice_range (&ylo, &yhi, 0);
  numbers_w = lb_plot_y_numbers_width (ctx, ylo, yhi);
  left = font * 1.2 + numbers_w + font * 1.4 + (y_label != NULL ? font * 2.2 : 0);
  bottom = font * 2.6 + (x_label != NULL ? font * 2.2 : 0);
  box.x = left;
  box.y = top;
  box.width = ctx->width - left - font * 2.4 - right;
  box.height = ctx->height - top - bottom - font * 0.4;
  if (box.width < 8 || box.height < 8)
    return FALSE;
  lb_plot_set_viewport (ctx, &box, xlo, xhi, ylo, yhi);
  lb_plot_grid (ctx);
  return TRUE;
}

void
lb_plot_xy_finish (LbPlotCtx  *ctx,
                   const char *x_label,
                   const char *y_label)
{
  lb_plot_frame (ctx, TRUE, TRUE);
  lb_plot_axis_labels (ctx, x_label, ctx->font_px * 3.6, y_label,
                       lb_plot_y_numbers_width (ctx, ctx->wy0, ctx->wy1) + ctx->font_px * 2.4);
}

void
lb_plot_contour (LbPlotCtx    *ctx,
                 const double *z,
                 guint         nx,
                 guint         ny,
                 double        x0,
                 double        x1,
                 double        y0,
                 double        y1,
                 const double *levels,
                 guint         n_levels,
                 guint32       rgb,
                 double        width,
                 gboolean      dashed)
{
  g_autofree PLFLT *xg = g_new (PLFLT, nx);
  g_autofree PLFLT *yg = g_new (PLFLT, ny);
  g_autofree PLFLT *cols = g_new (PLFLT, (gsize) nx * ny);
  g_autofree PLFLT **f = g_new (PLFLT *, nx);
  g_autofree PLFLT *clevel = g_new (PLFLT, MAX (n_levels, 1));
  PLcGrid grid = { 0 };

  if (nx < 2 || ny < 2 || n_levels == 0)
    return;
  for (guint i = 0; i < nx; i++)
    xg[i] = x0 + (x1 - x0) * i / (nx - 1);
  for (guint j = 0; j < ny; j++)
    yg[j] = y0 + (y1 - y0) * j / (ny - 1);
  /* PLplot wants f[i][j] with i along x */
  for (guint i = 0; i < nx; i++)
    {
      f[i] = cols + (gsize) i * ny;
      for (guint j = 0; j < ny; j++)
        {
          double v = z[(gsize) j * nx + i];
          f[i][j] = isfinite (v) ? v : (v > 0 ? 1e300 : -1e300);
        }
    }
  for (guint k = 0; k < n_levels; k++)
    clevel[k] = levels[k];
  grid.xg = xg;
  grid.yg = yg;
  grid.nx = nx;
  grid.ny = ny;

  lb_plot_set_rgba (((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1);
  plwidth (width);
  pllsty (dashed ? 2 : 1);
  plcont ((PLFLT_MATRIX) f, nx, ny, 1, nx, 1, ny, clevel, n_levels, pltr1, &grid);
  pllsty (1);
  plwidth (1.0);
}
