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
#include "lb-matrix.h"
#include "lb-tree.h"
#include "lb-decision-grid.h"

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

/* ====================================================================== */
/* Charts of the workbench flow and of the models (issues 4 and 5).        */
/* Every constructor below COPIES what it is given (the caller may free it */
/* at once), checks it, and fails with LB_PLOTS_ERROR_INVALID on bad       */
/* arguments. NaN values are skipped (a gap in a line). Like the others,   */
/* these charts may be made on any thread and rendered on another.         */
/* ====================================================================== */

/* --- lines: loss / learning / validation curves, ROC, PR, threshold --- */

typedef enum
{
  LB_LINE_STYLE_LINES,         /* solid line */
  LB_LINE_STYLE_POINTS,        /* markers only (training points under predictions) */
  LB_LINE_STYLE_LINES_POINTS,  /* line with a marker at each point */
  LB_LINE_STYLE_DASHED,        /* dashed line */
} LbLineStyle;

typedef struct
{
  const char   *label;   /* legend text ("SVC (AUC = 0.97)"); NULL: not in the legend */
  const double *x;       /* n values each; NaN in x or y breaks the line */
  const double *y;
  gsize         n;       /* may be 0 (a live curve before its first epoch) */
  LbLineStyle   style;
  const double *y_low;   /* nullable: with y_high, a translucent band in the series' */
  const double *y_high;  /* colour between them at each x (mean -+ std of a learning curve) */
  int           color;   /* 0: automatic (the palette colour of the series' index);
                         * k > 0: palette colour k - 1; -1: grey */
} LbLineSeries;

typedef struct
{
  const char *x_label;
  const char *y_label;
  gboolean    log_x;          /* log10 x axis (validation curve over C, gamma…); x <= 0 skipped */
  double      x_min, x_max;   /* x_min == x_max (e.g. both 0): automatic range */
  double      y_min, y_max;   /* idem */
  gboolean    mark_best;      /* draw a marker and its "(x, y)" value at ... */
  guint       best_series;    /* ... series[best_series] point best_index */
  gsize       best_index;
  gboolean    show_vline;     /* a vertical dashed line at vline_x (a threshold) */
  double      vline_x;
  const char *vline_label;    /* nullable, written beside the line */
  gboolean    diagonal;       /* the dotted y = x line over the view (ROC chance line) */
} LbLinesOptions;

/* Several series on one pair of axes, a legend (in the corner with the least
 * data) when any series has a label. @options may be NULL (all defaults).
 * A chart with no finite point at all draws empty axes (the given ranges, or
 * 0..1), so a live curve can be shown before its first value. */
LbChart *lb_chart_new_lines          (const LbLineSeries    *series,
                                      guint                  n_series,
                                      const LbLinesOptions  *options,
                                      GError               **error);

/* --- confusion matrix --- */

typedef enum
{
  LB_CONFUSION_COUNTS,   /* the counts, darker when larger */
  LB_CONFUSION_ERRORS,   /* the book's error analysis: each row divided by its sum,
                          * the diagonal set to 0, so the colours show the errors */
} LbConfusionMode;

/* @counts: k x k (as lb_confusion_matrix() gives: row = true class, column =
 * predicted), k >= 1; @labels: k class names (NULL: "0", "1", …). The values
 * are written in the cells when the cells are large enough for them. */
LbChart *lb_chart_new_confusion      (LbMatrix            *counts,
                                      const char * const  *labels,
                                      LbConfusionMode      mode,
                                      GError             **error);

/* --- cross-validation fold scores of several models --- */

/* @scores: n_models x n_folds row-major (NaN: that fold has not finished
 * yet); one column per model (x axis = @model_names), the folds as points,
 * the mean as a bar-tick with a -+ 1 std whisker. @score_label: the y label
 * ("RMSE", "accuracy"). */
LbChart *lb_chart_new_fold_scores    (const char * const  *model_names,
                                      const double        *scores,
                                      guint                n_models,
                                      guint                n_folds,
                                      const char          *score_label,
                                      GError             **error);

/* --- sorted horizontal bars (feature importances) --- */

/* Bars sorted by value, the largest at the top, each with its name on the
 * left and its value at the end; @max_bars > 0 keeps the largest ones only.
 * NaN values are left out. */
LbChart *lb_chart_new_bars           (const char * const  *names,
                                      const double        *values,
                                      gsize                n,
                                      guint                max_bars,
                                      const char          *value_label,
                                      GError             **error);

/* --- two samples of one column on the same bins (drift view) --- */

/* Densities (area 1 each) of the finite values of @a and @b over common
 * bins spanning both (@n_bins 0: Freedman-Diaconis on the two together,
 * capped at 100), drawn translucent one over the other with a legend
 * (@label_a, @label_b: "training", "new data"). Fails with NO_DATA when either
 * sample has no finite value. */
LbChart *lb_chart_new_histogram_overlay (const double     *a,
                                         gsize             n_a,
                                         const char       *label_a,
                                         const double     *b,
                                         gsize             n_b,
                                         const char       *label_b,
                                         const char       *x_label,
                                         guint             n_bins,
                                         GError          **error);

/* --- regression: predicted vs actual, residuals --- */

typedef enum
{
  LB_PREDICTION_VS_ACTUAL,   /* x = actual, y = predicted, with the line y = x */
  LB_PREDICTION_RESIDUALS,   /* x = predicted, y = actual - predicted, with y = 0 */
} LbPredictionMode;

/* Points of (@y_true, @y_pred), n >= 1, pairs with NaN skipped; translucent
 * when there are many. @target: the target's name, used in the axis labels. */
LbChart *lb_chart_new_prediction     (const double        *y_true,
                                      const double        *y_pred,
                                      gsize                n,
                                      LbPredictionMode     mode,
                                      const char          *target,
                                      GError             **error);

/* --- the tree diagram (Figure 6-1) --- */

typedef struct
{
  const char * const *feature_names;  /* tree->n_features names; NULL: "x[0]", … */
  const char * const *class_names;    /* tree->n_classes names; NULL: "0", "1", … */
  guint               max_depth;      /* deepest level drawn (root = 0); deeper subtrees
                                       * become a "…" box; 0 = the whole tree */
  int                 precision;      /* decimals of thresholds / impurity / values,
                                       * trailing zeros dropped, as scikit-learn's
                                       * export_graphviz; 0 = 3 (its default) */
} LbTreeChartOptions;

/* A box per node: the split ("petal length (cm) <= 2.45", leaves none), the
 * impurity ("gini = 0.5"), samples, value, and for a classifier the majority
 * class, filled with that class's colour (lighter when the node is impure);
 * regressor boxes are shaded by their value. Laid out as a tidy tree, no two
 * boxes overlapping. @options may be NULL. Takes a ref on @tree. */
LbChart *lb_chart_new_tree           (LbTree                    *tree,
                                      const LbTreeChartOptions  *options,
                                      GError                   **error);

/* The kind of chart ("lines", "tree", "histogram", …): a view keeps its zoom
 * when a chart is replaced by one of the same kind (a live curve). */
const char *lb_chart_get_kind        (LbChart             *chart);

/* The size (points) at which @chart's text is readable at its normal size:
 * for a tree, wide enough for its leaves side by side; for the other kinds
 * 1000 x 700. A view can render at this size and let the user zoom and pan. */
void     lb_chart_get_natural_size   (LbChart             *chart,
                                      int                 *width,
                                      int                 *height);

/* --- decision regions of a classifier on two features (Figures 5-4, 5-7, 5-9) --- */

typedef struct
{
  const double       *x;              /* the points: n feature-1 values */
  const double       *y;              /* feature-2 values */
  const guint        *point_class;    /* class code 0..k-1 of each point (NaN-free); */
  gsize               n;              /* points with a code >= k are drawn grey */
  const char * const *class_names;    /* k names for the legend; NULL: the grid's */
  const char         *x_label;
  const char         *y_label;
  const double       *sv_x;           /* nullable: support vectors, circled */
  const double       *sv_y;
  gsize               n_sv;
  gboolean            show_margins;   /* with a decision function: the dashed -+1 contours */
} LbDecisionRegionsOptions;

/* Filled translucent class regions from @grid (the classes' palette
 * colours), the points coloured by class with a marker shape per class, and
 * when @grid has decision values the solid boundary (decision = 0) and, with
 * show_margins, the dashed margins (decision = -+1). @options may be NULL
 * (regions only). Takes a ref on @grid. */
LbChart *lb_chart_new_decision_regions (LbDecisionGrid                  *grid,
                                        const LbDecisionRegionsOptions  *options,
                                        GError                         **error);

/* --- cost surface with a parameter path (gradient descent lab) --- */

/* @z: ny x nx row-major, z[j * nx + i] at theta0 = x0 + i (x1 - x0) / (nx - 1),
 * theta1 = y0 + j (y1 - y0) / (ny - 1) (nx, ny >= 2); drawn as @n_levels
 * contour lines (0: 12), spaced geometrically when all z > 0 (a cost bowl),
 * else evenly. The path (@path_x, @path_y, @n_path points, may be 0) is drawn
 * over it as a polyline with a dot per step and the last point marked. */
LbChart *lb_chart_new_contour_path   (const double        *z,
                                      guint                nx,
                                      guint                ny,
                                      double               x0,
                                      double               x1,
                                      double               y0,
                                      double               y1,
                                      const double        *path_x,
                                      const double        *path_y,
                                      gsize                n_path,
                                      const char          *x_label,
                                      const char          *y_label,
                                      guint                n_levels,
                                      GError             **error);

/* Where the last render put its (last) plot box, for mapping a pointer to
 * data: its left and right edges as fractions of the page width (@x0, @x1)
 * and the world x values there (@wx0, @wx1). FALSE before the first render
 * (added by the Fine-tune page, which lets the user drag a threshold). */
gboolean lb_chart_get_plot_area      (LbChart     *chart,
                                      double      *x0,
                                      double      *x1,
                                      double      *wx0,
                                      double      *wx1);

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

/* Micro-benchmark of the tree diagram: a complete binary tree of at least
 * @n_nodes nodes (2^k - 1), rendered into 1280x800 @repeats times (after a
 * warm-up); returns the median ms of the fitted view, and @zoomed_ms (nullable)
 * that of the same view zoomed 4x at the top middle (a 1280x800 window on a 4x page, as
 * LbChartView draws it). */
double   lb_chart_bench_tree_ms     (guint        n_nodes,
                                     guint        repeats,
                                     double      *zoomed_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbChart, lb_chart_unref)

G_END_DECLS
