/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-column-detail.h: the per-column detail on the "Get the data" page:
 * describe() numbers and a histogram for a numeric column, value counts and a
 * bar chart for a categorical one.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-plots.h"
#include "lb-chart-view.h"

G_BEGIN_DECLS

#define LB_TYPE_COLUMN_DETAIL (lb_column_detail_get_type ())
G_DECLARE_FINAL_TYPE (LbColumnDetail, lb_column_detail, LB, COLUMN_DETAIL, GtkWidget)

GtkWidget *lb_column_detail_new        (void);
/* Shows column @index of @table (NULL table clears it). */
void       lb_column_detail_set_column (LbColumnDetail *self,
                                        LbTable        *table,
                                        int             index);
/* The chart view under the numbers (histogram or value-counts bars). */
LbChartView *lb_column_detail_get_chart_view (LbColumnDetail *self);
/* "name · dtype" (pandas' dtype names: float64, category, object). */
const char  *lb_column_detail_get_title      (LbColumnDetail *self);
/* The rows shown, "key\tvalue" each: the eight describe() numbers as pandas
 * prints them ("mean\t3.870671"), or the value counts ("INLAND\t6,551"). */
char       **lb_column_detail_dup_rows       (LbColumnDetail *self);

G_END_DECLS
