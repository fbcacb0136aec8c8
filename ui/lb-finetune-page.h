/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-finetune-page.h: the checklist's "Fine-tune" step. The learner picks one
 * of the shortlisted models, builds a grid or randomized search space over
 * any parameter of the whole pipeline (preprocessing steps included), runs it
 * as a job that fills a live table of candidates, sees the best parameters
 * and the refit model's feature importances, then runs the final evaluation
 * on the (unsealed) test set: the test score with the 95 % interval, the
 * regression plots or, for classifiers, the confusion matrix, the threshold
 * the learner drags, the PR curve and the ROC curves of the shortlist.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-chart-view.h"
#include "lb-workbench.h"

G_BEGIN_DECLS

#define LB_TYPE_FINETUNE_PAGE (lb_finetune_page_get_type ())
G_DECLARE_FINAL_TYPE (LbFinetunePage, lb_finetune_page, LB, FINETUNE_PAGE, GtkWidget)

/* Signals:
 *   "job-started" (LbJob *job): the search or the final evaluation started
 *     (for the window's job bar).
 *   "search-done" (gboolean success): the search ended (FALSE: failed or
 *     cancelled; the candidates received so far stay).
 *   "evaluation-done" (gboolean success): the final evaluation ended. */
GtkWidget   *lb_finetune_page_new             (LbWorkbench    *workbench);

/* --- hooks for tests and the end-to-end test --- */
/* Chooses the searched model by its name in the workbench's models. */
gboolean     lb_finetune_page_set_model       (LbFinetunePage *self,
                                               const char     *name);
const char  *lb_finetune_page_get_model       (LbFinetunePage *self);
/* Grid (FALSE) or randomized (TRUE) search with @n_iter candidates. */
void         lb_finetune_page_set_random      (LbFinetunePage *self,
                                               gboolean        random,
                                               guint           n_iter);
/* The pipeline parameters offered in the space editor: the model's own
 * ("alpha") and the preparation's ("prep.num.imputer.strategy"). */
char       **lb_finetune_page_dup_parameters  (LbFinetunePage *self);
/* Adds a row to the space: @values is what the user types ("0.1, 1, 10",
 * "median, mean", "true, false"), or for a randomized search a distribution
 * "uniform(0, 1)", "loguniform(1e-3, 10)", "randint(1, 20)". FALSE with the
 * message the editor shows when the text cannot be read. */
gboolean     lb_finetune_page_add_parameter   (LbFinetunePage *self,
                                               const char     *parameter,
                                               const char     *values,
                                               GError        **error);
void         lb_finetune_page_clear_space     (LbFinetunePage *self);
/* Presses Run search (FALSE and the banner's message when it cannot start). */
gboolean     lb_finetune_page_run_search      (LbFinetunePage *self,
                                               GError        **error);
void         lb_finetune_page_cancel          (LbFinetunePage *self);
gboolean     lb_finetune_page_is_running      (LbFinetunePage *self);
/* Candidates in the table (sorted best first) and one of them: its
 * parameters as JSON text, mean and std of the score (the scorer's sign). */
guint        lb_finetune_page_get_n_candidates (LbFinetunePage *self);
char        *lb_finetune_page_dup_candidate   (LbFinetunePage *self,
                                               guint           row,
                                               double         *mean,
                                               double         *std,
                                               guint          *rank);
/* After the search: the best parameters (the project's keys) and score;
 * NULL / NaN before. */
JsonObject  *lb_finetune_page_get_best_params (LbFinetunePage *self);
double       lb_finetune_page_get_best_score  (LbFinetunePage *self);
/* Feature importances shown (0 when the model has none). */
guint        lb_finetune_page_get_n_importances (LbFinetunePage *self);
/* Unseals the test set (the reason is recorded; @confirmed skips the
 * confirmation dialog, as a test must) and runs the final evaluation. */
gboolean     lb_finetune_page_evaluate        (LbFinetunePage *self,
                                               gboolean        confirmed,
                                               GError        **error);
/* The test score (the scorer's sign) and, for regression, the 95 %
 * t-interval of the RMSE (NaN otherwise); NaN before the evaluation. */
double       lb_finetune_page_get_test_score  (LbFinetunePage *self,
                                               double         *rmse_low,
                                               double         *rmse_high);
/* Binary classification: the decision threshold (as if dragged on the plot)
 * and the confusion counts, precision, recall, F1 shown for it. */
gboolean     lb_finetune_page_set_threshold   (LbFinetunePage *self,
                                               double          threshold);
double       lb_finetune_page_get_threshold   (LbFinetunePage *self);
gboolean     lb_finetune_page_get_confusion   (LbFinetunePage *self,
                                               guint          *tn,
                                               guint          *fp,
                                               guint          *fn,
                                               guint          *tp);
/* The text under the threshold plot ("Precision 0.91 · Recall 0.88 · F1 0.89"). */
const char  *lb_finetune_page_get_threshold_text (LbFinetunePage *self);
/* Chart views: "importances", "prediction", "residuals", "confusion",
 * "errors", "threshold", "pr", "roc". */
LbChartView *lb_finetune_page_get_chart_view  (LbFinetunePage *self,
                                               const char     *which);
/* The banner's message, or NULL when hidden. */
const char  *lb_finetune_page_get_error       (LbFinetunePage *self);

G_END_DECLS
