/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-launch-page.h: the checklist's "Launch" step: save the trained pipeline
 * as a .lbmodel (the final model of Fine-tune, or the chosen model's whole
 * pipeline fitted on the training rows as a job), the exact `learnbench
 * predict` command for it, and a drift check: a new data file compared with
 * the training rows column by column (population stability index, flagged
 * at 0.1 and 0.25) with overlaid histograms of the selected column.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-workbench.h"

G_BEGIN_DECLS

#define LB_TYPE_LAUNCH_PAGE (lb_launch_page_get_type ())
G_DECLARE_FINAL_TYPE (LbLaunchPage, lb_launch_page, LB, LAUNCH_PAGE, GtkWidget)

/* Signals:
 *   "model-saved" (const char *path_or_null): saving ended (NULL: failed or
 *     cancelled; see lb_launch_page_get_error).
 *   "compare-done" (gboolean success): the drift comparison ended. */
GtkWidget   *lb_launch_page_new                (LbWorkbench  *workbench);

/* --- hooks for tests and the end-to-end test --- */
/* Which model is saved: the index in the workbench's models (default: the
 * one Fine-tune searched, else the first). */
void         lb_launch_page_set_model          (LbLaunchPage *self,
                                                guint         index);
/* Saves to @path: the workbench's fitted final model when there is one,
 * otherwise fits the model's whole pipeline on the training rows as a job
 * first. Ends with "model-saved". */
void         lb_launch_page_save_model         (LbLaunchPage *self,
                                                const char   *path);
/* The file last saved, NULL before. */
const char  *lb_launch_page_get_saved_path     (LbLaunchPage *self);
/* The `learnbench predict MODEL DATA -o OUT.csv` command shown (transfer full). */
char        *lb_launch_page_dup_command        (LbLaunchPage *self);
/* Reads @path as a job and compares it with the training rows; ends with
 * "compare-done". */
void         lb_launch_page_compare_file       (LbLaunchPage *self,
                                                const char   *path);
gboolean     lb_launch_page_is_busy            (LbLaunchPage *self);
/* The drift table as shown: per common column its statistic (PSI) and
 * whether it is numeric; @level 0 (< 0.1), 1 (0.1 – 0.25), 2 (>= 0.25). */
guint        lb_launch_page_get_n_drift_rows   (LbLaunchPage *self);
const char  *lb_launch_page_get_drift_row      (LbLaunchPage *self,
                                                guint         i,
                                                double       *psi,
                                                int          *level);
/* Columns of the training data missing from the new file, and extra ones
 * (NULL-terminated; transfer none; NULL before a comparison). */
const char * const *lb_launch_page_get_missing_columns (LbLaunchPage *self);
const char * const *lb_launch_page_get_extra_columns   (LbLaunchPage *self);
/* Selects the column whose histograms are overlaid; FALSE when not compared. */
gboolean     lb_launch_page_select_column      (LbLaunchPage *self,
                                                const char   *column);
/* The banner's message, NULL when hidden. */
const char  *lb_launch_page_get_error          (LbLaunchPage *self);

G_END_DECLS
