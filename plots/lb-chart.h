/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart.h: a chart *description* (what to draw, from which data) apart from
 * any widget. lb_chart_render() draws it with PLplot's extcairo device into a
 * cairo_t it is handed (a GtkDrawingArea's, or an off-screen surface); the same
 * code exports PNG / SVG / PDF with no display. Charts hold refs to immutable
 * LbTables, so a chart can be built on one thread and drawn on another.
 * PLplot is not thread-safe: every render takes the one global plot lock.
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
  double      size_scale; /* multiplies sizes; 0 = default */
  gsize       max_points; /* 0 = all rows */
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

/* Draws into @cr over (0, 0, @width, @height) in user units. Fails only when
 * there is nothing to draw. The cairo state of @cr is restored afterwards. */
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbChart, lb_chart_unref)

G_END_DECLS
