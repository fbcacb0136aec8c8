/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-view.h: a widget that shows one LbChart (drawn by plots/ into the
 * GtkDrawingArea's cairo_t on the main thread), with a placeholder message when
 * there is nothing to draw and an "Export…" menu (PNG / SVG / PDF).
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-plots.h"

G_BEGIN_DECLS

#define LB_TYPE_CHART_VIEW (lb_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LbChartView, lb_chart_view, LB, CHART_VIEW, GtkWidget)

GtkWidget *lb_chart_view_new         (void);
/* @chart may be NULL (shows the placeholder). */
void       lb_chart_view_set_chart   (LbChartView *self,
                                      LbChart     *chart);
LbChart   *lb_chart_view_get_chart   (LbChartView *self);
/* Shown instead of a chart (an error or a hint), e.g. "Choose two columns". */
void       lb_chart_view_set_message (LbChartView *self,
                                      const char  *message);
/* Opens a file chooser and exports the chart; errors are shown in the view. */
void       lb_chart_view_export      (LbChartView *self);
/* Number of times the chart was actually drawn (for tests). */
guint      lb_chart_view_get_draw_count (LbChartView *self);
/* Exports to @path (.png / .svg / .pdf) at the view's size (at least 640 x 480)
 * and shows the outcome in the view, as the Export button does after its dialog. */
gboolean   lb_chart_view_export_to_file (LbChartView *self,
                                         const char  *path,
                                         GError     **error);
/* The text shown instead of a chart (a hint, or why it cannot be drawn), or
 * NULL while a chart is on show. */
const char *lb_chart_view_get_shown_message (LbChartView *self);
/* The outcome of the last export ("Saved …" or the error) while shown, or NULL. */
const char *lb_chart_view_get_status  (LbChartView *self);

/* Zoom: 1 shows the whole chart in the view; more renders it on a page that
 * many times larger, keeping the chart point under the view point (@x, @y)
 * in place (clamped to 1 … 40 and a 90000 px page; an export of a zoomed
 * view is the zoomed page, up to 16384 px). Ctrl + wheel, the zoom
 * buttons and dragging (to pan) do the same for the user. */
void        lb_chart_view_set_zoom    (LbChartView *self,
                                       double       zoom,
                                       double       x,
                                       double       y);
double      lb_chart_view_get_zoom    (LbChartView *self);

/* Builds a chart from @data; on a pool thread when @background (never touch
 * GTK there). Returns NULL and sets @error when there is nothing to draw. */
typedef LbChart *(*LbChartBuildFunc) (gpointer   data,
                                      GError   **error);
/* Shows the chart @func builds: at once, or with @background as a job while
 * the current chart stays on show (or the view says "Drawing…"). A later
 * chart, message or build supersedes it; @destroy frees @data (on any thread). */
void        lb_chart_view_build       (LbChartView      *self,
                                       LbChartBuildFunc  func,
                                       gpointer          data,
                                       GDestroyNotify    destroy,
                                       gboolean          background);

G_END_DECLS
