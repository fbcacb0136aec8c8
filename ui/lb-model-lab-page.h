/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-model-lab-page.h: the models lab (chapters 5–7, for teaching): pick a
 * generated data set (moons, circles, blobs for classifiers; quadratic or
 * linear 1-D data for regressors) and any registered model with its
 * generated parameter form; Fit trains it as a job with a 75 / 25 split and
 * shows the book's pictures: decision regions with SVM margins and support
 * vectors, or the regression curve over the feature; the tree diagram (any
 * tree of a forest); feature importances; the per-round curve of iterative
 * models (boosting), live; train / test scores and the OOB score.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-chart-view.h"
#include "lb-workbench.h"

G_BEGIN_DECLS

#define LB_TYPE_MODEL_LAB_PAGE (lb_model_lab_page_get_type ())
G_DECLARE_FINAL_TYPE (LbModelLabPage, lb_model_lab_page, LB, MODEL_LAB_PAGE, GtkWidget)

GtkWidget   *lb_model_lab_page_new             (void);
/* Offers "the project's training data" (its target, two chosen numeric
 * columns) besides the generated sets; NULL: none. */
void         lb_model_lab_page_set_workbench   (LbModelLabPage *self,
                                                LbWorkbench    *workbench);

/* --- hooks for tests and scripted demos --- */
/* Data sets: "moons", "iris", "circles", "blobs", "quadratic", "linear", "project".
 * FALSE when unknown. */
gboolean     lb_model_lab_page_set_data        (LbModelLabPage *self,
                                                const char     *data);
/* Selects the project's data on columns @x and @y (@y NULL for regression);
 * FALSE when a column is not offered or the data cannot be used. */
gboolean     lb_model_lab_page_set_columns     (LbModelLabPage *self,
                                                const char     *x,
                                                const char     *y);
/* Chooses a registered model (it must suit the data: classifier / regressor). */
gboolean     lb_model_lab_page_set_model       (LbModelLabPage *self,
                                                const char     *estimator);
/* Types a value into the model's form (see lb_param_form_set_value). */
gboolean     lb_model_lab_page_set_param       (LbModelLabPage *self,
                                                const char     *name,
                                                const char     *value);
/* Presses Fit / Cancel. */
void         lb_model_lab_page_fit             (LbModelLabPage *self);
void         lb_model_lab_page_cancel          (LbModelLabPage *self);
gboolean     lb_model_lab_page_is_busy         (LbModelLabPage *self);
/* Scores of the last fit (accuracy, or RMSE for regressors); NaN before. */
double       lb_model_lab_page_get_train_score (LbModelLabPage *self);
double       lb_model_lab_page_get_test_score  (LbModelLabPage *self);
/* Per-round points drawn in the live curve so far. */
guint        lb_model_lab_page_get_n_rounds    (LbModelLabPage *self);
const char  *lb_model_lab_page_get_status      (LbModelLabPage *self);
/* "model" (regions or curve), "tree", "importances", "rounds". */
LbChartView *lb_model_lab_page_get_chart_view  (LbModelLabPage *self,
                                                const char     *name);

G_END_DECLS
