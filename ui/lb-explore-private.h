/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-explore-private.h: small pieces the Explore page's sections share:
 * column-name dropdowns (GtkDropDown over a GtkStringList, with an optional
 * "None" first item), the column lists they offer, and labels laid out alike.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-plots.h"

G_BEGIN_DECLS

/* TRUE when every name is a numeric column of @table. */
gboolean     lb_explore_has_numeric_columns (LbTable            *table,
                                             const char * const *names,
                                             guint               n);
gboolean     lb_explore_is_numeric_column   (LbTable            *table,
                                             const char         *name);
/* Names of the numeric columns, then (with @categorical) the categorical
 * ones, NULL-terminated; the strings are borrowed from @table (g_free the array). */
const char **lb_explore_column_names        (LbTable            *table,
                                             gboolean            numeric,
                                             gboolean            categorical,
                                             guint              *n_out);

GtkWidget   *lb_explore_dropdown_new        (void);
/* Replaces the items; @none_label (translated) comes first when non-NULL. */
void         lb_explore_dropdown_set_names  (GtkWidget          *dropdown,
                                             const char * const *names,
                                             guint               n,
                                             const char         *none_label);
/* The chosen column name, or NULL for "None" / nothing. */
const char  *lb_explore_dropdown_get_name   (GtkWidget          *dropdown);
/* Selects @name (NULL: "None" or the first item); FALSE when not offered. */
gboolean     lb_explore_dropdown_select     (GtkWidget          *dropdown,
                                             const char         *name);

/* A bold caption above @widget, its mnemonic pointing at it. */
GtkWidget   *lb_explore_labelled            (const char         *mnemonic,
                                             GtkWidget          *widget);
/* A dim, wrapping label, hidden until lb_explore_set_note() gives it text. */
GtkWidget   *lb_explore_note_new            (void);
void         lb_explore_set_note            (GtkWidget          *label,
                                             const char         *text);
/* The column of controls beside a chart. */
GtkWidget   *lb_explore_side_panel_new      (void);
/* A correlation as pandas prints it: "%.6f", "NaN". */
char        *lb_explore_format_correlation  (double              r);

/* --- charts, built in the background for big tables --- */

typedef enum
{
  LB_EXPLORE_HISTOGRAM,        /* columns[0], n = bins */
  LB_EXPLORE_HISTOGRAM_GRID,   /* n = bins */
  LB_EXPLORE_SCATTER,          /* x, y, color_by, size_by, alpha, max_points */
  LB_EXPLORE_CORRELATION,      /* columns (NULL: every numeric one) */
  LB_EXPLORE_SCATTER_MATRIX,   /* columns */
  LB_EXPLORE_IMAGE_GRID,       /* n = images of 28 x 28 pixels, label column "label" */
} LbExploreChartKind;

/* What to draw, owning copies of everything, so it can travel to a worker. */
typedef struct
{
  LbExploreChartKind  kind;
  LbTable            *table;
  guint               n;
  char               *x;
  char               *y;
  char               *color_by;
  char               *size_by;
  double              alpha;
  gsize               max_points;
  char              **columns;
  char               *title;
} LbExploreChart;

LbExploreChart *lb_explore_chart_new   (LbExploreChartKind  kind,
                                        LbTable            *table);
void            lb_explore_chart_free  (LbExploreChart     *request);
/* Shows @request (taken) in @view: built at once for a small table, as a job
 * (the view says "Drawing…") for a big one. */
void            lb_explore_chart_show  (LbExploreChart     *request,
                                        GtkWidget          *view);
/* Tables this big have their charts built off the main thread. */
gboolean        lb_explore_is_big      (LbTable            *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbExploreChart, lb_explore_chart_free)

G_END_DECLS
