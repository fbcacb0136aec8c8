/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-colormap.h: the colour maps our charts use (jet for the book's housing
 * map, a diverging red-blue for correlations, binary for pictures) and the
 * discrete palette for categories. Internal to plots/.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LB_COLORMAP_JET,        /* matplotlib's "jet" */
  LB_COLORMAP_DIVERGING,  /* blue (low) - white - red (high), ColorBrewer RdBu reversed */
  LB_COLORMAP_BINARY,     /* white (0) to black (1), as the book shows pictures */
} LbColormap;

/* @t in [0, 1] (clamped; NaN gives grey) -> 0xRRGGBB */
guint32  lb_colormap_eval        (LbColormap cmap,
                                  double     t);
/* Fills PLplot's cmap1 with 256 entries of @cmap (call with the plot lock held). */
void     lb_colormap_set_plplot  (LbColormap cmap);
/* The i-th colour of the category palette (tab10, then tab20's light tones; cycles). */
guint32  lb_palette_category     (guint      i);
guint    lb_palette_n_categories (void);
/* Perceived lightness of 0xRRGGBB in [0, 1], to choose black or white text on it. */
double   lb_color_luminance      (guint32    rgb);

G_END_DECLS
