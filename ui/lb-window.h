/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-window.h: the main window: a header bar (Open, Samples, Recent, Export),
 * a sidebar that is the book's checklist (only the steps that are built), a
 * stack of pages, an error banner and the job bar. It owns the current LbTable
 * and hands it to every page; loading runs as an LbJob, never on the main thread.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-data-page.h"
#include "lb-job-bar.h"

G_BEGIN_DECLS

#define LB_TYPE_WINDOW (lb_window_get_type ())
G_DECLARE_FINAL_TYPE (LbWindow, lb_window, LB, WINDOW, GtkApplicationWindow)

/* @application may be NULL (tests). */
LbWindow      *lb_window_new                (GtkApplication *application);

/* Loads @file as a job; errors show in the window's banner. */
void           lb_window_open_file          (LbWindow       *self,
                                             GFile          *file);
/* A built-in sample by id (lb_samples_list); California housing is
 * downloaded after asking when it is not cached yet. */
void           lb_window_open_sample        (LbWindow       *self,
                                             const char     *id);
void           lb_window_show_open_dialog   (LbWindow       *self);

/* Gives @table (may be NULL) to every page. */
void           lb_window_set_table          (LbWindow       *self,
                                             LbTable        *table);
LbTable       *lb_window_get_table          (LbWindow       *self);

/* "data" or "explore" */
void           lb_window_show_page          (LbWindow       *self,
                                             const char     *name);
const char    *lb_window_get_visible_page   (LbWindow       *self);

/* A plain-words error above the pages; NULL hides it. */
void           lb_window_show_error         (LbWindow       *self,
                                             const char     *message);
/* The banner's text while it is shown, else NULL. */
const char    *lb_window_get_error_message  (LbWindow       *self);

/* --- for tests --- */
LbDataPage    *lb_window_get_data_page      (LbWindow       *self);
GtkWidget     *lb_window_get_explore_page   (LbWindow       *self);
LbJobBar      *lb_window_get_job_bar        (LbWindow       *self);
GtkDropTarget *lb_window_get_drop_target    (LbWindow       *self);
/* The running load job, NULL when none. */
LbJob         *lb_window_get_load_job       (LbWindow       *self);

G_END_DECLS
