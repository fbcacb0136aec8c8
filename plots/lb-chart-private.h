/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-private.h: what the chart kinds share inside plots/: the LbChart
 * base with its per-kind vtable, and the LbPlotCtx a render gets (the cairo_t,
 * the page size, text sizes in pixels) with small layout helpers that place
 * PLplot viewports in pixels and map world coordinates back to cairo's.
 */
#pragma once

#include <plplot.h>

#include "lb-chart.h"
#include "lb-colormap.h"

G_BEGIN_DECLS

typedef struct _LbPlotCtx LbPlotCtx;

typedef struct
{
  const char *name;                      /* "histogram", for messages */
  void      (*render) (LbChart   *chart,
                       LbPlotCtx *ctx);   /* PLplot is initialised and locked */
  void      (*free)   (LbChart   *chart); /* frees the kind's fields, not @chart */
  void      (*natural_size) (LbChart *chart,
                             int     *width,
                             int     *height);  /* NULL: 1000 x 700 */
} LbChartClass;

struct _LbChart
{
  gatomicrefcount     ref_count;
  const LbChartClass *klass;
  char               *title;          /* NULL: the default one */
  char               *default_title;
  /* the last plot box drawn (lb_chart_get_plot_area): its x extent as
   * fractions of the page width and its world x range */
  gboolean            has_area;
  double              area_x0, area_x1, area_wx0, area_wx1;
};

/* g_malloc0s @size bytes (a struct starting with LbChart) with one ref. */
LbChart *lb_chart_alloc (const LbChartClass *klass,
                         gsize               size,
                         const char         *default_title);

/* lb_chart_render() that also reports the microseconds spent on points. */
gboolean lb_chart_render_timed (LbChart  *chart,
                                cairo_t  *cr,
                                double    width,
                                double    height,
                                gint64   *points_us,
                                GError  **error);
/* The row indices of @table to draw: all, or a seeded sample of @max_points. */
GArray  *lb_chart_rows_to_draw (LbTable  *table,
                                gsize     max_points);

/* --- the render context --- */

typedef struct
{
  double x, y, width, height;  /* user units of the cairo_t, y down */
} LbRect;

struct _LbPlotCtx
{
  cairo_t        *cr;
  double          width;
  double          height;
  cairo_matrix_t  base;        /* the cairo_t's matrix before PLplot flipped it */
  double          scale;       /* text / marker scale for this page size (~1 at 1000x700) */
  double          px_per_mm;
  double          font_px;     /* normal text height in px */
  gboolean        vector;      /* SVG / PDF / PS target: draw points as paths */
  LbRect          viewport;    /* the current PLplot viewport, in px */
  double          wx0, wx1, wy0, wy1; /* its world window */
  double          xtick, ytick;       /* major tick steps that leave the numbers room */
  gint64          points_us;   /* time spent in lb_plot_points (for the bench) */
};

/* cmap0 entries we set at each init */
enum
{
  LB_PLOT_COLOR_BACKGROUND = 0,
  LB_PLOT_COLOR_TEXT       = 1,
  LB_PLOT_COLOR_GRID       = 2,
  LB_PLOT_COLOR_AXIS       = 3,
  LB_PLOT_COLOR_BAR        = 4,
  LB_PLOT_COLOR_SCRATCH    = 5,
  LB_PLOT_COLOR_N          = 16,
};

/* '#' doubled, as PLplot's text escape needs for user strings. */
char    *lb_plot_escape          (const char *text);
/* Text height @rel x the normal one. */
void     lb_plot_set_text        (LbPlotCtx  *ctx,
                                  double      rel);
/* Approximate width in px of @text drawn at @rel (for margins). */
double   lb_plot_text_width      (LbPlotCtx  *ctx,
                                  const char *text,
                                  double      rel);
/* Sets the PLplot viewport to @rect (px) and its world window. */
void     lb_plot_set_viewport    (LbPlotCtx    *ctx,
                                  const LbRect *rect,
                                  double        wx0,
                                  double        wx1,
                                  double        wy0,
                                  double        wy1);
/* World coordinates of the current viewport -> user units of ctx->cr (y down). */
void     lb_plot_world_to_user   (LbPlotCtx  *ctx,
                                  double      wx,
                                  double      wy,
                                  double     *ux,
                                  double     *uy);
/* Runs cairo drawing in the page's own (unflipped) coordinates: between
 * begin and end, ctx->cr has the matrix it was handed. */
void     lb_plot_cairo_begin     (LbPlotCtx  *ctx);
void     lb_plot_cairo_end       (LbPlotCtx  *ctx);
/* Text at a point in px: @just 0 left, 0.5 centre, 1 right; @angle in degrees,
 * anticlockwise; the point is the text's vertical centre. Restores the viewport. */
void     lb_plot_text_px         (LbPlotCtx  *ctx,
                                  double      x,
                                  double      y,
                                  double      angle,
                                  double      just,
                                  double      rel,
                                  const char *text);
void     lb_plot_set_rgba        (double      r,
                                  double      g,
                                  double      b,
                                  double      a);
/* Light grid lines at the major ticks of the current viewport. */
void     lb_plot_grid            (LbPlotCtx  *ctx);
/* Frame, outward ticks, and numbers on the bottom / left when asked. */
void     lb_plot_frame           (LbPlotCtx  *ctx,
                                  gboolean    x_numbers,
                                  gboolean    y_numbers);
/* Axis labels beside the current viewport: @x_gap / @y_gap px from the box. */
void     lb_plot_axis_labels     (LbPlotCtx  *ctx,
                                  const char *x_label,
                                  double      x_gap,
                                  const char *y_label,
                                  double      y_gap);
/* The chart's title, centred at the top of the page; returns the px it used. */
double   lb_plot_title           (LbPlotCtx  *ctx,
                                  const char *title);
/* Width in px of the y-axis numbers PLplot writes for [ymin, ymax]. */
double   lb_plot_y_numbers_width (LbPlotCtx  *ctx,
                                  double      ymin,
                                  double      ymax);
/* A world range that PLplot can draw: finite, increasing, within
 * +-LB_PLOT_MAX_WORLD, widened when empty or below double precision, with
 * @pad x its span added at both ends. */
#define LB_PLOT_MAX_WORLD 1e150
void     lb_plot_nice_range      (double     *lo,
                                  double     *hi,
                                  double      pad);
/* A vertical colour bar in @rect (px) from @vmin (bottom) to @vmax with @label. */
void     lb_plot_colorbar        (LbPlotCtx       *ctx,
                                  LbColormap       cmap,
                                  double           vmin,
                                  double           vmax,
                                  const char      *label,
                                  const LbRect    *rect);

/* --- points (scatter, scatter matrix) --- */

typedef struct
{
  const double  *x;        /* world coordinates, n */
  const double  *y;
  gsize          n;
  const double  *radius;   /* px per point, or NULL for @fixed_radius */
  double         fixed_radius;
  const guint8  *color;    /* index into @palette per point, or NULL for palette[0] */
  const guint32 *palette;  /* 0xRRGGBB, 256 entries */
  double         alpha;
} LbPoints;

/* Draws @points as anti-aliased discs in the current viewport, clipped to it,
 * alpha accumulating as each point is composited in order. Raster targets get
 * one image (the points blended in software); vector targets get paths. */
void     lb_plot_points          (LbPlotCtx      *ctx,
                                  const LbPoints *points);

/* --- histograms (histogram, grid, scatter-matrix diagonal) --- */

typedef struct
{
  char   *column;    /* the column name */
  double  lo;        /* first edge */
  double  hi;        /* last edge */
  guint   n_bins;
  gsize   n_values;  /* non-missing values counted */
  gsize  *counts;    /* n_bins */
} LbHistogramData;

gboolean lb_histogram_data_init  (LbHistogramData *data,
                                  LbColumn        *column,
                                  LbBinRule        rule,
                                  guint            n_bins,
                                  GError         **error);
void     lb_histogram_data_clear (LbHistogramData *data);
/* Bars of @data in the current viewport (x in data units): a count of 0 at
 * world y @base, the largest count at @top. */
void     lb_histogram_draw_bars  (LbPlotCtx             *ctx,
                                  const LbHistogramData *data,
                                  double                 base,
                                  double                 top);
gsize    lb_histogram_data_max   (const LbHistogramData *data);

/* Column lookups with the plots/ error messages. */
LbColumn *lb_chart_lookup_numeric (LbTable     *table,
                                   const char  *name,
                                   GError     **error);

/* --- marks shared by the model charts (lb-plot-marks.c) --- */

typedef enum
{
  LB_MARKER_CIRCLE,
  LB_MARKER_SQUARE,
  LB_MARKER_TRIANGLE,
  LB_MARKER_DIAMOND,
  LB_MARKER_TRIANGLE_DOWN,
  LB_MARKER_N,
} LbMarker;

/* cairo source 0xRRGGBB at @alpha */
void     lb_plot_cairo_rgb       (cairo_t    *cr,
                                  guint32     rgb,
                                  double      alpha);
/* Adds the path of @marker of radius @r (px) centred at (@x, @y). */
void     lb_plot_marker_path     (cairo_t    *cr,
                                  LbMarker    marker,
                                  double      x,
                                  double      y,
                                  double      r);
/* Clips ctx->cr to the current viewport (between cairo_begin and _end). */
void     lb_plot_clip_viewport   (LbPlotCtx  *ctx);
/* @rgb mixed with white: @t = 0 gives @rgb, 1 white. */
guint32  lb_color_lighten        (guint32     rgb,
                                  double      t);

typedef enum
{
  LB_LEGEND_LINE,
  LB_LEGEND_DASHED,
  LB_LEGEND_MARKER,
  LB_LEGEND_LINE_MARKER,
  LB_LEGEND_BOX,
} LbLegendKind;

typedef struct
{
  const char   *label;
  guint32       rgb;
  LbLegendKind  kind;
  LbMarker      marker;
  double        alpha;    /* of a box; 0 = 1 */
} LbLegendEntry;

/* A framed legend inside the current viewport, in corner @corner (0 top
 * left, 1 top right, 2 bottom left, 3 bottom right). */
void     lb_plot_legend          (LbPlotCtx           *ctx,
                                  const LbLegendEntry *entries,
                                  guint                n,
                                  guint                corner);
/* Of the four corners of the current viewport, the one where the fewest of
 * the (world) points fall in a box of a third of each side. */
guint    lb_plot_emptiest_corner (LbPlotCtx           *ctx,
                                  const double        *x,
                                  const double        *y,
                                  gsize                n);
/* One plot box under @top with room for the y numbers and the labels (and
 * @right px on the right): sets the viewport to [xlo, xhi] x [ylo, yhi]
 * (made drawable by lb_plot_nice_range) and draws the grid. FALSE when the
 * page is too small for a box. */
gboolean lb_plot_xy_box          (LbPlotCtx           *ctx,
                                  double               top,
                                  double               xlo,
                                  double               xhi,
                                  double               ylo,
                                  double               yhi,
                                  const char          *x_label,
                                  const char          *y_label,
                                  double               right);
/* After the data: the frame with numbers and the axis labels of that box. */
void     lb_plot_xy_finish       (LbPlotCtx           *ctx,
                                  const char          *x_label,
                                  const char          *y_label);
/* Contour lines of @z (ny x nx row-major, z[j * nx + i] at x0 + i (x1 - x0) /
 * (nx - 1), y0 + j (y1 - y0) / (ny - 1)) at @levels, in the current viewport
 * (PLplot's plcont, clipped to it), in @rgb, @width px, dashed or solid. */
void     lb_plot_contour         (LbPlotCtx           *ctx,
                                  const double        *z,
                                  guint                nx,
                                  guint                ny,
                                  double               x0,
                                  double               x1,
                                  double               y0,
                                  double               y1,
                                  const double        *levels,
                                  guint                n_levels,
                                  guint32              rgb,
                                  double               width,
                                  gboolean             dashed);
/* A tick label for @v the way the charts write values (%.4g, "−" sign). */
void     lb_plot_format_value    (char                *buf,
                                  gsize                size,
                                  double               v);

/* The text lines of tree node @node in a tree chart, joined by "\n" as
 * scikit-learn's export_graphviz writes them (for tests); NULL when the node
 * is not drawn (deeper than max_depth) or @chart is not a tree chart. */
char    *lb_chart_tree_node_text (LbChart             *chart,
                                  guint                node);

/* The global PLplot lock (lb-plot-lock.c). */
void     lb_plot_lock            (void);
void     lb_plot_unlock          (void);

G_END_DECLS
