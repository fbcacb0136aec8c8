/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-correlation-panel.h: the Explore page's correlations: the heat map of the
 * numeric columns and, beside it, every column's correlation with a chosen
 * target sorted descending, as the book's
 * corr_matrix["median_house_value"].sort_values(ascending=False).
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-chart-view.h"

G_BEGIN_DECLS

#define LB_TYPE_CORRELATION_PANEL (lb_correlation_panel_get_type ())
G_DECLARE_FINAL_TYPE (LbCorrelationPanel, lb_correlation_panel, LB, CORRELATION_PANEL, GtkWidget)

GtkWidget   *lb_correlation_panel_new            (void);
/* Offers @table's numeric columns as targets, keeping the chosen one when
 * @keep_target and it still exists (else median_house_value, else the last
 * numeric column). Draws nothing until lb_correlation_panel_refresh(). */
void         lb_correlation_panel_set_table      (LbCorrelationPanel *self,
                                                  LbTable            *table,
                                                  gboolean            keep_target);
/* Builds the heat map and computes the sorted list: synchronously for up to
 * 2M cells (rows x numeric columns), else as a job whose result arrives later. */
void         lb_correlation_panel_refresh        (LbCorrelationPanel *self);
/* FALSE when @target is not a numeric column of the table. */
gboolean     lb_correlation_panel_set_target     (LbCorrelationPanel *self,
                                                  const char         *target);
/* Property "target" (string), notified whenever the choice changes. */
const char  *lb_correlation_panel_get_target     (LbCorrelationPanel *self);
LbChartView *lb_correlation_panel_get_chart_view (LbCorrelationPanel *self);
/* The list as shown: sorted descending, NaN last; empty while computing. */
guint        lb_correlation_panel_get_n_correlations (LbCorrelationPanel *self);
const char  *lb_correlation_panel_get_correlation    (LbCorrelationPanel *self,
                                                      guint               i,
                                                      double             *r);

G_END_DECLS
