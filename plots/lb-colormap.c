/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-colormap.c: piecewise-linear colour maps given by their control points,
 * evaluated for our own cairo drawing and loaded into PLplot's cmap1 so that
 * its colour bars and our points agree.
 */
#include "config.h"

#include <math.h>
#include <plplot.h>

#include "lb-colormap.h"

typedef struct
{
  double x;
  double v;
} LbStop;

typedef struct
{
  const LbStop *r, *g, *b;
  guint         n_r, n_g, n_b;
} LbSegmented;

/* matplotlib's jet, channel by channel */
static const LbStop jet_r[] = { { 0, 0 }, { 0.35, 0 }, { 0.66, 1 }, { 0.89, 1 }, { 1, 0.5 } };
static const LbStop jet_g[] = { { 0, 0 }, { 0.125, 0 }, { 0.375, 1 }, { 0.64, 1 }, { 0.91, 0 }, { 1, 0 } };
static const LbStop jet_b[] = { { 0, 0.5 }, { 0.11, 1 }, { 0.34, 1 }, { 0.65, 0 }, { 1, 0 } };

/* ColorBrewer RdBu, 11 classes, reversed (blue for -1, red for +1) */
static const guint32 rdbu_r[] = {
  0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
  0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f,
};

static const guint32 category_palette[] = {
  0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
  0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
  0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5,
  0xc49c94, 0xf7b6d2, 0xc7c7c7, 0xdbdb8d, 0x9edae5,
};

static double
interpolate (const LbStop *stops,
             guint         n,
             double        t)
{
  for (guint i = 1; i < n; i++)
    if (t <= stops[i].x)
      {
        double f = (t - stops[i - 1].x) / (stops[i].x - stops[i - 1].x);
        return stops[i - 1].v + f * (stops[i].v - stops[i - 1].v);
      }
  return stops[n - 1].v;
}

static guint32
pack (double r,
      double g,
      double b)
{
  guint32 ri = (guint32) lround (CLAMP (r, 0, 1) * 255);
  guint32 gi = (guint32) lround (CLAMP (g, 0, 1) * 255);
  guint32 bi = (guint32) lround (CLAMP (b, 0, 1) * 255);

  return (ri << 16) | (gi << 8) | bi;
}

guint32
lb_colormap_eval (LbColormap cmap,
                  double     t)
{
  if (isnan (t))
    return 0xbfbfbf;
  t = CLAMP (t, 0.0, 1.0);

  switch (cmap)
    {
    case LB_COLORMAP_JET:
      return pack (interpolate (jet_r, G_N_ELEMENTS (jet_r), t),
                   interpolate (jet_g, G_N_ELEMENTS (jet_g), t),
                   interpolate (jet_b, G_N_ELEMENTS (jet_b), t));
    case LB_COLORMAP_DIVERGING:
      {
        double pos = t * (G_N_ELEMENTS (rdbu_r) - 1);
        guint i = MIN ((guint) pos, G_N_ELEMENTS (rdbu_r) - 2);
        double f = pos - i;
        guint32 a = rdbu_r[i], b = rdbu_r[i + 1];
        double r = ((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f;
        double g = ((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f;
        double bl = (a & 0xff) * (1 - f) + (b & 0xff) * f;
        return pack (r / 255, g / 255, bl / 255);
      }
    case LB_COLORMAP_BINARY:
    default:
      return pack (1 - t, 1 - t, 1 - t);
    }
}

void
lb_colormap_set_plplot (LbColormap cmap)
{
  PLINT r[256], g[256], b[256];

  for (guint i = 0; i < 256; i++)
    {
      guint32 c = lb_colormap_eval (cmap, i / 255.0);
      r[i] = (c >> 16) & 0xff;
      g[i] = (c >> 8) & 0xff;
      b[i] = c & 0xff;
    }
  plscmap1n (256);
  plscmap1 (r, g, b, 256);
}

guint32
lb_palette_category (guint i)
{
  return category_palette[i % G_N_ELEMENTS (category_palette)];
}

guint
lb_palette_n_categories (void)
{
  return G_N_ELEMENTS (category_palette);
}

double
lb_color_luminance (guint32 rgb)
{
  return (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
}
