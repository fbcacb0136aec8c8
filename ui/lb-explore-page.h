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

G_END_DECLS
