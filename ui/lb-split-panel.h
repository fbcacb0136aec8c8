/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-split-panel.h: "Create a test set", the second half of the checklist's
 * "Get the data" step: random (test size, seed), stratified on a column
 * binned by edges you type (the book's income_cat), or a stable id hash (an
 * id column or the row index); the book's table of category proportions
 * (overall / stratified / random, with % errors); then the test set is
 * sealed (a padlock) until Fine-tune's final evaluation unseals it, which the
 * project records.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-workbench.h"

G_BEGIN_DECLS

#define LB_TYPE_SPLIT_PANEL (lb_split_panel_get_type ())
G_DECLARE_FINAL_TYPE (LbSplitPanel, lb_split_panel, LB, SPLIT_PANEL, GtkWidget)

GtkWidget   *lb_split_panel_new             (LbWorkbench  *workbench);

/* --- for tests: fill the form as a user would, press the buttons, read it --- */
/* "random", "stratified" or "id_hash" */
void         lb_split_panel_set_method      (LbSplitPanel *self,
                                             const char   *method);
void         lb_split_panel_set_test_size   (LbSplitPanel *self,
                                             double        test_size);
void         lb_split_panel_set_seed        (LbSplitPanel *self,
                                             guint64       seed);
/* The binned column (stratified) or the id column (id_hash; NULL: the row
 * index); FALSE when it is not offered. */
gboolean     lb_split_panel_set_column      (LbSplitPanel *self,
                                             const char   *column);
void         lb_split_panel_set_edges       (LbSplitPanel *self,
                                             const char   *edges);
/* Presses "Create the test set"; FALSE when the form is refused (the
 * message is then shown next to it: lb_split_panel_get_error). When a test
 * set was already unsealed, a confirmation is asked first (returns FALSE;
 * lb_split_panel_get_confirm_dialog). */
gboolean     lb_split_panel_create          (LbSplitPanel *self);
void         lb_split_panel_remove          (LbSplitPanel *self);
const char  *lb_split_panel_get_error       (LbSplitPanel *self);
GtkWidget   *lb_split_panel_get_confirm_dialog (LbSplitPanel *self);
/* The proportions table's cell text (row: a bin, col: 0 bin, 1 overall %,
 * 2 stratified %, 3 random %, 4 stratified error %, 5 random error %), NULL
 * while it is not computed (its job runs). */
const char  *lb_split_panel_get_cell        (LbSplitPanel *self,
                                             guint         row,
                                             guint         col);
guint        lb_split_panel_get_n_bins      (LbSplitPanel *self);
/* The running proportions job, or NULL. */
LbJob       *lb_split_panel_get_job         (LbSplitPanel *self);
/* The seal line ("Sealed: 4,128 test rows…"). */
const char  *lb_split_panel_get_status      (LbSplitPanel *self);

G_END_DECLS
