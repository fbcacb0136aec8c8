/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-plot-ctx.c: layout helpers every chart kind uses while PLplot is
 * initialised: viewports placed in pixels, text at pixel positions, frames and
 * grids in our colours, a colour bar, and the world -> cairo mapping that lets
 * us draw bars and points with cairo under PLplot's axes.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-chart-private.h"

char *
lb_plot_escape (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) + 4 : 1);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '#')
        g_string_append_c (out, '#');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
lb_plot_set_text (LbPlotCtx *ctx,
                  double     rel)
{
  plschr (ctx->font_px * rel / ctx->px_per_mm, 1.0);
}

double
lb_plot_text_width (LbPlotCtx  *ctx,
                    const char *text,
                    double      rel)
{
  cairo_text_extents_t ext;
  g_autoptr (GString) narrow = NULL;
  double em = ctx->font_px * rel * 1.4, wide = 0;

  if (text == NULL || *text == '\0')
    return 0;
  /* PLplot's character height is about the cap height; the pango font it
   * asks for is ~1.4x that. The toy API measures close enough for margins,
   * but it has no fallback font: wide (CJK) characters, which pango takes
   * from another font, count as one em each. */
  narrow = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_iswide (c))
        wide += em;
      else
        g_string_append_unichar (narrow, c);
    }
  if (narrow->len == 0)
    return wide;
  cairo_save (ctx->cr);
  cairo_set_matrix (ctx->cr, &ctx->base);
  cairo_select_font_face (ctx->cr, "sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (ctx->cr, em);
  cairo_text_extents (ctx->cr, narrow->str, &ext);
  cairo_restore (ctx->cr);
  return ext.x_advance + wide;
}

/* 1, 2 or 5 x 10^k: the smallest such step giving at most @max_ticks ticks */
static double
nice_step (double span,
           double max_ticks)
{
  double raw = fabs (span) / MAX (max_ticks, 1.0);
  double mag, f;

  if (!(raw > 0) || !isfinite (raw))
    return 1;
  mag = pow (10, floor (log10 (raw)));
  f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

static double
numbers_width (LbPlotCtx *ctx,
               double     lo,
               double     hi,
               double     step)
{
  char a[64], b[64];
  int decimals = step > 0 ? MAX (0, (int) -floor (log10 (step) + 1e-9)) : 0;

  /* past 7 digits PLplot writes scaled numbers and the exponent apart */
  if (MAX (fabs (lo), fabs (hi)) >= 1e7 || decimals > 7)
    return lb_plot_text_width (ctx, "-0.000", 1.0);

  g_snprintf (a, sizeof a, "%.*f", MIN (decimals, 8), lo);
  g_snprintf (b, sizeof b, "%.*f", MIN (decimals, 8), hi);
  return MAX (lb_plot_text_width (ctx, a, 1.0), lb_plot_text_width (ctx, b, 1.0));
}

/* Tick steps that keep the numbers from running into each other. */
static void
choose_ticks (LbPlotCtx *ctx)
{
  double xspan = ctx->wx1 - ctx->wx0, yspan = ctx->wy1 - ctx->wy0;
  double step = nice_step (xspan, 8);

  for (guint i = 0; i < 3; i++)
    {
      /* the toy-font estimate runs ~20 % wide for digits, which leaves the
       * numbers at the ends room to spill into the next panel's */
      double label_w = numbers_width (ctx, ctx->wx0, ctx->wx1, step) + ctx->font_px * 1.2;
      double next = nice_step (xspan, MAX (1.0, floor (ctx->viewport.width / label_w)));
      if (next == step)
        break;
      step = next;
    }
  ctx->xtick = step;
  ctx->ytick = nice_step (yspan, MIN (10.0, MAX (1.0, floor (ctx->viewport.height / (ctx->font_px * 3.0)))));
}

void
lb_plot_set_viewport (LbPlotCtx    *ctx,
                      const LbRect *rect,
                      double        wx0,
                      double        wx1,
                      double        wy0,
                      double        wy1)
{
  PLFLT x0, x1, y0, y1;
  double w = MAX (rect->width, 1), h = MAX (rect->height, 1);

  plvpor (CLAMP (rect->x / ctx->width, 0, 1),
          CLAMP ((rect->x + w) / ctx->width, 0, 1),
          CLAMP (1 - (rect->y + h) / ctx->height, 0, 1),
          CLAMP (1 - rect->y / ctx->height, 0, 1));
  plwind (wx0, wx1, wy0, wy1);

  /* read back what PLplot made of it: this is where its axes will be */
  plgvpd (&x0, &x1, &y0, &y1);
  ctx->viewport.x = x0 * ctx->width;
  ctx->viewport.width = (x1 - x0) * ctx->width;
  ctx->viewport.y = (1 - y1) * ctx->height;
  ctx->viewport.height = (y1 - y0) * ctx->height;
  plgvpw (&x0, &x1, &y0, &y1);
  ctx->wx0 = x0;
  ctx->wx1 = x1;
  ctx->wy0 = y0;
  ctx->wy1 = y1;
  choose_ticks (ctx);
}

void
lb_plot_world_to_user (LbPlotCtx *ctx,
                       double     wx,
                       double     wy,
                       double    *ux,
                       double    *uy)
{
  *ux = ctx->viewport.x + (wx - ctx->wx0) / (ctx->wx1 - ctx->wx0) * ctx->viewport.width;
  *uy = ctx->viewport.y + ctx->viewport.height
        - (wy - ctx->wy0) / (ctx->wy1 - ctx->wy0) * ctx->viewport.height;
}

void
lb_plot_cairo_begin (LbPlotCtx *ctx)
{
  cairo_save (ctx->cr);
  cairo_set_matrix (ctx->cr, &ctx->base);
  cairo_new_path (ctx->cr);
}

void
lb_plot_cairo_end (LbPlotCtx *ctx)
{
  cairo_new_path (ctx->cr);
  cairo_restore (ctx->cr);
}

void
lb_plot_set_rgba (double r,
                  double g,
                  double b,
                  double a)
{
  plscol0a (LB_PLOT_COLOR_SCRATCH,
            (PLINT) lround (CLAMP (r, 0, 1) * 255),
            (PLINT) lround (CLAMP (g, 0, 1) * 255),
            (PLINT) lround (CLAMP (b, 0, 1) * 255),
            CLAMP (a, 0, 1));
  plcol0 (LB_PLOT_COLOR_SCRATCH);
}

void
lb_plot_text_px (LbPlotCtx  *ctx,
                 double      x,
                 double      y,
                 double      angle,
                 double      just,
                 double      rel,
                 const char *text)
{
  PLFLT vx0, vx1, vy0, vy1, wx0, wx1, wy0, wy1;
  g_autofree char *escaped = NULL;
  double rad = angle * G_PI / 180.0;

  if (text == NULL || *text == '\0')
    return;
  escaped = lb_plot_escape (text);

  plgvpd (&vx0, &vx1, &vy0, &vy1);
  plgvpw (&wx0, &wx1, &wy0, &wy1);
  plvpor (0, 1, 0, 1);
  plwind (0, ctx->width, 0, ctx->height);
  lb_plot_set_text (ctx, rel);
  plptex (x, ctx->height - y, cos (rad), sin (rad), just, escaped);
  lb_plot_set_text (ctx, 1.0);
  /* before the first viewport there is nothing to go back to */
  if (vx1 > vx0 && vy1 > vy0 && wx1 != wx0 && wy1 != wy0)
    {
      plvpor (vx0, vx1, vy0, vy1);
      plwind (wx0, wx1, wy0, wy1);
    }
}

void
lb_plot_grid (LbPlotCtx *ctx)
{
  plcol0 (LB_PLOT_COLOR_GRID);
  plwidth (0.8 * ctx->scale);
  plbox ("g", ctx->xtick, 0, "g", ctx->ytick, 0);
  plwidth (1.0);
}

void
lb_plot_frame (LbPlotCtx *ctx,
               gboolean   x_numbers,
               gboolean   y_numbers)
{
  plcol0 (LB_PLOT_COLOR_AXIS);
  plwidth (0.9 * ctx->scale);
  plbox ("bc", 0, 0, "bc", 0, 0);
  plbox (x_numbers ? "binst" : "bist", ctx->xtick, 0, y_numbers ? "binstv" : "bistv", ctx->ytick, 0);
  plwidth (1.0);
}

void
lb_plot_axis_labels (LbPlotCtx  *ctx,
                     const char *x_label,
                     double      x_gap,
                     const char *y_label,
                     double      y_gap)
{
  const LbRect *vp = &ctx->viewport;

  plcol0 (LB_PLOT_COLOR_TEXT);
  if (x_label != NULL)
    lb_plot_text_px (ctx, vp->x + vp->width / 2, vp->y + vp->height + x_gap,
                     0, 0.5, 1.0, x_label);
  if (y_label != NULL)
    lb_plot_text_px (ctx, vp->x - y_gap, vp->y + vp->height / 2, 90, 0.5, 1.0, y_label);
}

double
lb_plot_title (LbPlotCtx  *ctx,
               const char *title)
{
  double rel = 1.25;

  if (title == NULL || *title == '\0')
    return ctx->font_px * 0.8;
  plcol0 (LB_PLOT_COLOR_TEXT);
  /* shrink a long title to the page width */
  {
    double w = lb_plot_text_width (ctx, title, rel);
    if (w > ctx->width * 0.94)
      rel *= MAX (0.5, ctx->width * 0.94 / w);
  }
  lb_plot_text_px (ctx, ctx->width / 2, ctx->font_px * (0.9 + rel * 0.6), 0, 0.5, rel, title);
  return ctx->font_px * (1.9 + rel * 1.3);
}

double
lb_plot_y_numbers_width (LbPlotCtx *ctx,
                         double     ymin,
                         double     ymax)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  double span = fabs (ymax - ymin);
  /* PLplot writes ticks with as many decimals as the tick step needs; the
   * extremes with ~3 significant digits of the step are a fair bound */
  int decimals = span > 0 && isfinite (span) ? MAX (0, (int) ceil (-log10 (span)) + 1) : 0;

  if (!isfinite (span) || MAX (fabs (ymin), fabs (ymax)) >= 1e7 || decimals > 7)
    return lb_plot_text_width (ctx, "-0.000", 1.0);

  g_snprintf (a, sizeof a, "%.*f", MIN (decimals, 6), ymin);
  g_snprintf (b, sizeof b, "%.*f", MIN (decimals, 6), ymax);
  return MAX (lb_plot_text_width (ctx, a, 1.0), lb_plot_text_width (ctx, b, 1.0));
}

void
lb_plot_nice_range (double *lo,
                    double *hi,
                    double  pad)
{
  double span, mag, min_span;

  if (!isfinite (*lo) || !isfinite (*hi))
    {
      *lo = 0;
      *hi = 1;
    }
  if (*hi < *lo)
    {
      double t = *lo;
      *lo = *hi;
      *hi = t;
    }
  /* PLplot needs a span it can divide into ticks: not overflowing, not lost
   * below the magnitude's precision; values past +-1e150 are clipped */
  *lo = CLAMP (*lo, -LB_PLOT_MAX_WORLD, LB_PLOT_MAX_WORLD);
  *hi = CLAMP (*hi, -LB_PLOT_MAX_WORLD, LB_PLOT_MAX_WORLD);
  span = *hi - *lo;
  mag = MAX (fabs (*lo), fabs (*hi));
  min_span = MAX (mag * 1e-9, 1e-150);
  if (span < min_span)
    {
      double centre = *lo / 2 + *hi / 2;
      double half = fabs (centre) < 1e-150 ? 0.5 : MAX (fabs (centre) * 0.05, min_span);
      *lo = centre - half;
      *hi = centre + half;
      span = *hi - *lo;
    }
  *lo -= span * pad;
  *hi += span * pad;
}

void
lb_plot_colorbar (LbPlotCtx    *ctx,
                  LbColormap    cmap,
                  double        vmin,
                  double        vmax,
                  const char   *label,
                  const LbRect *rect)
{
  cairo_pattern_t *pattern;
  const guint n_stops = 64;
  double numbers_w;

  lb_plot_nice_range (&vmin, &vmax, 0);
  lb_plot_set_viewport (ctx, rect, 0, 1, vmin, vmax);

  lb_plot_cairo_begin (ctx);
  pattern = cairo_pattern_create_linear (0, ctx->viewport.y + ctx->viewport.height, 0, ctx->viewport.y);
  for (guint i = 0; i <= n_stops; i++)
    {
      guint32 c = lb_colormap_eval (cmap, (double) i / n_stops);
      cairo_pattern_add_color_stop_rgb (pattern, (double) i / n_stops,
                                        ((c >> 16) & 0xff) / 255.0,
                                        ((c >> 8) & 0xff) / 255.0,
                                        (c & 0xff) / 255.0);
    }
  cairo_set_source (ctx->cr, pattern);
  cairo_rectangle (ctx->cr, ctx->viewport.x, ctx->viewport.y, ctx->viewport.width, ctx->viewport.height);
  cairo_fill (ctx->cr);
  cairo_pattern_destroy (pattern);
  lb_plot_cairo_end (ctx);

  plcol0 (LB_PLOT_COLOR_AXIS);
  plwidth (0.9 * ctx->scale);
  plbox ("bc", 0, 0, "bcimtv", ctx->ytick, 0);
  plwidth (1.0);

  numbers_w = lb_plot_y_numbers_width (ctx, vmin, vmax);
  plcol0 (LB_PLOT_COLOR_TEXT);
  if (label != NULL)
    lb_plot_text_px (ctx, ctx->viewport.x + ctx->viewport.width + numbers_w + ctx->font_px * 2.2,
                     ctx->viewport.y + ctx->viewport.height / 2, 90, 0.5, 1.0, label);
}
