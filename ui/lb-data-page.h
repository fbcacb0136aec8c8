/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-data-page.h: the checklist's "Get the data" step. Without a table: an
 * empty state with Open and the sample data sets. With one: the virtualized
 * table, info(), describe() (computed by a profile job) and the detail of the
 * chosen column; with a workbench, a "Test set" view: "Create a test set"
 * (lb-split-panel.h). Once a test set exists the window hands this page the
 * training rows only.
 *
 * Signals: "open-requested" (), "sample-requested" (const char *id),
 * "job-started" (LbJob *job) for the window's job bar.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-engine.h"
#include "lb-table-view.h"
#include "lb-workbench.h"

G_BEGIN_DECLS

#define LB_TYPE_DATA_PAGE (lb_data_page_get_type ())
G_DECLARE_FINAL_TYPE (LbDataPage, lb_data_page, LB, DATA_PAGE, GtkWidget)

GtkWidget   *lb_data_page_new             (void);
/* @table may be NULL (the empty state). Starts the profile job. */
void         lb_data_page_set_table       (LbDataPage *self,
                                           LbTable    *table);
LbTable     *lb_data_page_get_table       (LbDataPage *self);
LbTableView *lb_data_page_get_table_view  (LbDataPage *self);
/* The profile of the current table, NULL until its job is done. */
LbProfile   *lb_data_page_get_profile     (LbDataPage *self);
/* Shows column @index in the detail panel. */
void         lb_data_page_select_column   (LbDataPage *self,
                                           int         index);
int          lb_data_page_get_selected_column (LbDataPage *self);
/* Adds the "Test set" view ("split") working on @workbench (once). */
void         lb_data_page_set_workbench   (LbDataPage  *self,
                                           LbWorkbench *workbench);
/* The "Create a test set" panel (an LbSplitPanel), NULL without a workbench. */
GtkWidget   *lb_data_page_get_split_panel (LbDataPage *self);
/* "table", "info", "describe" or "split" */
void         lb_data_page_show_view       (LbDataPage *self,
                                           const char *name);
/* The describe() grid's cell text (row: 0 count … 7 max; col: the n-th
 * numeric column shown), NULL before the profile is done. For tests. */
char        *lb_data_page_dup_describe_cell (LbDataPage *self,
                                             guint       row,
                                             guint       col);

G_END_DECLS
