/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-shortlist-page.h: the checklist's "Shortlist models" step. The learner
 * picks several models (each with its parameter form), sets the
 * cross-validation, and one job cross-validates them all on the workbench's
 * prepared training data exactly as `learnbench run` does, filling a
 * comparison table and a fold-score plot as folds finish; learning curves
 * and a live per-epoch training view (iterative models) on request.
 *
 * What it stores in the workbench: "models" and "evaluation" (the project
 * file's form; "evaluation.cv" = {"kind": "kfold" | "stratified_kfold",
 * "n_splits", "shuffle"}, "prepare": "once" | "per_fold", "train_score":
 * true), and after a complete run the result "shortlist" = {"models": [one
 * object per model exactly as `learnbench run --json` prints it: "name",
 * "estimator", "params", "scoring", "train_score", "cv_scores", "cv_mean",
 * "cv_std", "fit_seconds", … (test_score stays null: the test set is
 * sealed)], "n_train", "features"}. Scores keep the scorer's sign
 * (neg_root_mean_squared_error is negative); the page shows the positive
 * error. The result is dropped when the models or settings change.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-workbench.h"

G_BEGIN_DECLS

#define LB_TYPE_SHORTLIST_PAGE (lb_shortlist_page_get_type ())
G_DECLARE_FINAL_TYPE (LbShortlistPage, lb_shortlist_page, LB, SHORTLIST_PAGE, GtkWidget)

/* Signals:
 *   "job-started" (LbJob *job): a CV run, learning curves or a live training
 *     started (for the window's job bar).
 *   "run-done" (gboolean success): the CV run ended (success FALSE: failed or
 *     cancelled; the rows computed so far stay).
 *   "curves-done" (gboolean success), "train-done" (gboolean success): the
 *     same for the learning curves and the live training. */
GtkWidget   *lb_shortlist_page_new            (LbWorkbench     *workbench);

/* --- hooks for tests and the end-to-end test --- */
/* Adds a model of @estimator (a registered name) with @params (NULL: the
 * defaults) and an automatic unique name; FALSE with @error when unknown or a
 * parameter is refused. Stored in the workbench at once. */
gboolean     lb_shortlist_page_add_model      (LbShortlistPage *self,
                                               const char      *estimator,
                                               JsonObject      *params,
                                               GError         **error);
/* Removes the model at @index (in the list's order). */
void         lb_shortlist_page_remove_model   (LbShortlistPage *self,
                                               guint            index);
guint        lb_shortlist_page_get_n_models   (LbShortlistPage *self);
/* The estimator names offered for the workbench's task (NULL-terminated, owned). */
char       **lb_shortlist_page_dup_offered    (LbShortlistPage *self);
/* CV settings as the form shows them: @n_splits folds, @shuffle (with the
 * project's seed), @stratified (classifiers), @per_fold (FALSE: prepare once,
 * the book's way). Stored in the workbench's evaluation. */
void         lb_shortlist_page_set_cv         (LbShortlistPage *self,
                                               guint            n_splits,
                                               gboolean         shuffle,
                                               gboolean         stratified,
                                               gboolean         per_fold);
/* Presses Run (FALSE and the banner's message in @error when it cannot start). */
gboolean     lb_shortlist_page_run            (LbShortlistPage *self,
                                               GError         **error);
/* Presses Cancel on whichever job of the page runs. */
void         lb_shortlist_page_cancel         (LbShortlistPage *self);
gboolean     lb_shortlist_page_is_running     (LbShortlistPage *self);
/* The comparison table as shown: one row per model. @mean / @std: the score
 * in the workbench's scoring's sign (NaN while no fold has finished);
 * @n_folds_done: folds finished; the state: "waiting", "running", "done",
 * "cancelled" or "failed". */
guint        lb_shortlist_page_get_n_rows     (LbShortlistPage *self);
const char  *lb_shortlist_page_get_row        (LbShortlistPage *self,
                                               guint            row,
                                               double          *mean,
                                               double          *std,
                                               guint           *n_folds_done,
                                               const char     **state);
/* The text in the table's mean ± std cell (the positive error for neg_ scorers). */
char        *lb_shortlist_page_dup_row_text   (LbShortlistPage *self,
                                               guint            row);
/* The banner's message, or NULL when hidden. */
const char  *lb_shortlist_page_get_error      (LbShortlistPage *self);
/* Learning curves of every model (the button). */
gboolean     lb_shortlist_page_run_curves     (LbShortlistPage *self,
                                               GError         **error);
/* Points of model @row's learning curve received so far. */
guint        lb_shortlist_page_get_n_curve_points (LbShortlistPage *self,
                                                   guint            row);
/* Point @index of model @row's learning curve: training rows, mean
 * training and validation scores (the scorer's sign); FALSE when not there yet. */
gboolean     lb_shortlist_page_get_curve_point (LbShortlistPage *self,
                                                guint            row,
                                                guint            index,
                                                double          *x,
                                                double          *train_mean,
                                                double          *val_mean);
/* Fits model @row (iterative) with a validation part held out, drawing the
 * live curve (the "Train" button). */
gboolean     lb_shortlist_page_train          (LbShortlistPage *self,
                                               guint            row,
                                               GError         **error);
/* Epoch events received by the live view so far, and the best epoch (0: none). */
guint        lb_shortlist_page_get_n_epochs   (LbShortlistPage *self,
                                               guint           *best_epoch);
/* The status line under the buttons ("Trains on the CPU, 2 threads"). */
const char  *lb_shortlist_page_get_status     (LbShortlistPage *self);
/* The chart views: "folds", "curves", "live". */
GtkWidget   *lb_shortlist_page_get_chart_view (LbShortlistPage *self,
                                               const char      *which);

G_END_DECLS
