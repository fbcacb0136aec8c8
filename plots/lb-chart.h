/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart.h: a chart *description* (what to draw, from which data) apart from
 * any widget. lb_chart_render() draws it with PLplot's extcairo device into a
 * cairo_t it is handed (a GtkDrawingArea's, or an off-screen surface); the same
 * code exports PNG / SVG / PDF with no display. A chart is checked and its
 * numbers computed when it is made (bins, the points kept, the correlation
 * matrix) and it keeps no reference to the table, so it can be built on one
 * thread (a job) and drawn on another. PLplot is not thread-safe: every
 * render takes the one global plot lock.
 */
#pragma once

#include <cairo.h>

#include "lb-data.h"

G_BEGIN_DECLS

#define LB_PLOTS_ERROR (lb_plots_error_quark ())
typedef enum
{
  LB_PLOTS_ERROR_NO_DATA,     /* nothing to draw: empty column, all missing */
  LB_PLOTS_ERROR_INVALID,     /* unknown column, wrong column kind, bad option */
  LB_PLOTS_ERROR_EXPORT,      /* cannot write the file, unknown extension */
} LbPlotsError;
GQuark lb_plots_error_quark (void);

typedef enum
{
  LB_BIN_RULE_FIXED,    /* the given number of bins */
  LB_BIN_RULE_STURGES,
  LB_BIN_RULE_SCOTT,
  LB_BIN_RULE_FREEDMAN_DIACONIS,
  LB_BIN_RULE_SQRT,
} LbBinRule;

/* No rule gives more bins than this (numpy has no cap; a tiny IQR would). */
#define LB_HISTOGRAM_MAX_BINS 10000

/* "fixed", "sturges", "scott", "fd" (or "freedman-diaconis"), "sqrt"; FALSE if unknown. */
gboolean lb_bin_rule_from_string (const char    *text,
                                  LbBinRule     *rule);
/* The number of bins @rule gives the finite values of @values, as
 * numpy.histogram_bin_edges does (ceil (range / width), 1 when the width is 0).
 * LB_BIN_RULE_FIXED gives @n_bins (50 when 0). */
guint    lb_bin_rule_count_bins  (LbBinRule      rule,
                                  const double  *values,
                                  gsize          n_values,
                                  guint          n_bins);

typedef struct _LbChart LbChart;

#define LB_TYPE_CHART (lb_chart_get_type ())
GType    lb_chart_get_type (void) G_GNUC_CONST;

LbChart *lb_chart_ref      (LbChart *chart);
void     lb_chart_unref    (LbChart *chart);

/* Histogram of one numeric column. @n_bins is used by LB_BIN_RULE_FIXED (default 50). */
LbChart *lb_chart_new_histogram      (LbTable     *table,
                                      const char  *column,
                                      LbBinRule    rule,
                                      guint        n_bins,
                                      GError     **error);
/* The book's Figure 2-8: a grid of histograms of every numeric column. */
LbChart *lb_chart_new_histogram_grid (LbTable     *table,
                                      guint        n_bins,
                                      GError     **error);

typedef struct
{
  const char *x;
  const char *y;
  const char *color_by;   /* NULL: one colour; numeric: cmap + colour bar; categorical: legend */
  const char *size_by;    /* NULL: fixed size; numeric: area proportional to value */
  double      alpha;      /* 0..1; 0 means default (0.4 when many points, else 1) */
  double      size_scale; /* with size_by: a point's area in px^2 = value x size_scale
                           * (matplotlib's s; the book's population / 100 is 0.01);
                           * 0 = the median value gets 12 px^2. Without size_by:
                           * multiplies the default area (20 px^2); 0 = 1 */
  gsize       max_points; /* 0 = all rows; else a seeded sample of that many rows */
} LbScatterOptions;

LbChart *lb_chart_new_scatter        (LbTable                 *table,
                                      const LbScatterOptions  *options,
                                      GError                 **error);
/* Bar chart of a categorical/text column's value counts. */
LbChart *lb_chart_new_value_counts   (LbTable     *table,
                                      const char  *column,
                                      GError     **error);
/* Correlation heat map with the values written in the cells (numeric columns,
 * or those named in @columns, NULL-terminated, when non-NULL). */
LbChart *lb_chart_new_correlation    (LbTable            *table,
                                      const char * const *columns,
                                      GError            **error);
/* Scatter matrix of @columns (NULL-terminated, >= 2), histograms on the diagonal. */
LbChart *lb_chart_new_scatter_matrix (LbTable            *table,
                                      const char * const *columns,
                                      GError            **error);
/* A grid of images (rows of @table holding width*height pixel columns in
 * 0..255 and a label column), e.g. Fashion-MNIST, with labels as captions. */
LbChart *lb_chart_new_image_grid     (LbTable     *table,
                                      guint        width,
                                      guint        height,
                                      const char  *label_column,
                                      guint        n_images,
                                      GError     **error);

/* Title above the chart (a default is derived from the data). */
void        lb_chart_set_title       (LbChart     *chart,
                                      const char  *title);
const char *lb_chart_get_title       (LbChart     *chart);

/* Draws into @cr over (0, 0, @width, @height) in user units, painting that
 * rectangle's background first (below 48 x 36 only the background). Any
 * thread may call it: renders are serialised by the one PLplot lock. Fails
 * only on a cairo_t in an error state, a size under 1 or over 1e5, or a
 * missing PLplot cairo driver (the data were checked when the chart was made).
 * The cairo state of @cr is restored afterwards. */
gboolean lb_chart_render             (LbChart     *chart,
                                      cairo_t     *cr,
                                      double       width,
                                      double       height,
                                      GError     **error);
/* Writes @path (.png, .svg or .pdf, by extension) at @width x @height points. */
gboolean lb_chart_export             (LbChart     *chart,
                                      const char  *path,
                                      int          width,
                                      int          height,
                                      GError     **error);

/* Micro-benchmark for `learnbench bench plots`: renders a seeded scatter of
 * @n_points (x, y, numeric colour with colour bar, numeric size, alpha 0.4)
 * into a 1280x800 image surface @repeats times (1 warm-up render first).
 * Returns the median milliseconds of the whole render; @points_ms (nullable)
 * gets the median of the part spent compositing the points. */
double   lb_chart_bench_scatter_ms  (guint        n_points,
                                     guint        repeats,
                                     double      *points_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbChart, lb_chart_unref)

G_END_DECLS
