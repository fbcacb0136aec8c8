/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-explore-page.h: the checklist's "Explore" step: histogram grid, scatter
 * with x / y / colour / size / alpha selectors (the housing map), correlation
 * matrix and correlations to a target sorted, scatter matrix of chosen
 * columns, and "add a combined attribute" from an expression.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-plots.h"
#include "lb-chart-view.h"

G_BEGIN_DECLS

#define LB_TYPE_EXPLORE_PAGE (lb_explore_page_get_type ())
G_DECLARE_FINAL_TYPE (LbExplorePage, lb_explore_page, LB, EXPLORE_PAGE, GtkWidget)

GtkWidget *lb_explore_page_new       (void);
/* @table may be NULL (empty state: "Open a data set first"). */
void       lb_explore_page_set_table (LbExplorePage *self,
                                      LbTable       *table);
LbTable   *lb_explore_page_get_table (LbExplorePage *self);

/* Signal "table-changed" (LbTable *new_table): emitted after the user added a
 * combined attribute; the window passes the new table to every page. */

/* Sections: "histograms", "scatter", "correlations", "matrix", "combine",
 * "images" (only for tables of 28 x 28 images: pixel0..pixel783 + label). */
void         lb_explore_page_set_section    (LbExplorePage *self,
                                             const char    *section);
LbChartView *lb_explore_page_get_chart_view (LbExplorePage *self,
                                             const char    *section);
/* Selects the scatter's columns in its dropdowns (NULL colour/size: none);
 * FALSE when a name is not offered. */
gboolean     lb_explore_page_set_scatter_columns (LbExplorePage *self,
                                                  const char    *x,
                                                  const char    *y,
                                                  const char    *color_by,
                                                  const char    *size_by);
/* Fills the "combined attribute" form and presses Add. */
void         lb_explore_page_add_attribute  (LbExplorePage *self,
                                             const char    *name,
                                             const char    *expression);
/* The error shown next to the form, or NULL. */
const char  *lb_explore_page_get_attribute_error (LbExplorePage *self);
/* The target of the correlation list; FALSE when not a numeric column. */
gboolean     lb_explore_page_set_target     (LbExplorePage *self,
                                             const char    *target);
/* The correlation list as shown (sorted descending, NaN last); empty until
 * the correlations section was shown (and its job, for big tables, is done). */
guint        lb_explore_page_get_n_correlations (LbExplorePage *self);
const char  *lb_explore_page_get_correlation    (LbExplorePage *self,
                                                 guint          i,
                                                 double        *r);

G_END_DECLS
