/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-gd-lab-page.h: the gradient descent lab (chapter 4, for teaching), in
 * three tabs: gradient descent on 1-D data (batch, stochastic or mini-batch;
 * learning rate and schedule) with the fitted line moving and the parameter
 * path drawn over the cost contours, step by step or playing; a polynomial
 * degree slider with the fit and its learning curves; a regularization
 * slider for ridge / lasso with the coefficient paths.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-chart-view.h"

G_BEGIN_DECLS

#define LB_TYPE_GD_LAB_PAGE (lb_gd_lab_page_get_type ())
G_DECLARE_FINAL_TYPE (LbGdLabPage, lb_gd_lab_page, LB, GD_LAB_PAGE, GtkWidget)

GtkWidget   *lb_gd_lab_page_new            (void);

/* Tabs: "descent", "degree", "regularization". */
void         lb_gd_lab_page_set_tab        (LbGdLabPage *self,
                                            const char  *tab);

/* --- hooks for tests (and the keyboard: the buttons call these) --- */
/* TRUE while a computation runs (any tab). */
gboolean     lb_gd_lab_page_is_busy        (LbGdLabPage *self);
/* Gradient descent: method 0 batch, 1 stochastic, 2 mini-batch. */
void         lb_gd_lab_page_set_method     (LbGdLabPage *self,
                                            guint        method);
void         lb_gd_lab_page_set_eta        (LbGdLabPage *self,
                                            double       eta);
/* Steps in the current path (0 before the first run) and the one shown. */
guint        lb_gd_lab_page_get_n_steps    (LbGdLabPage *self);
guint        lb_gd_lab_page_get_step       (LbGdLabPage *self);
void         lb_gd_lab_page_step           (LbGdLabPage *self);   /* one step forward */
void         lb_gd_lab_page_play           (LbGdLabPage *self,
                                            gboolean     play);
void         lb_gd_lab_page_rewind         (LbGdLabPage *self);
/* θ at the step shown, and the cost there. */
void         lb_gd_lab_page_get_theta      (LbGdLabPage *self,
                                            double      *theta0,
                                            double      *theta1,
                                            double      *cost);
/* Polynomial degree and regularization tabs. */
void         lb_gd_lab_page_set_degree     (LbGdLabPage *self,
                                            guint        degree);
/* The validation RMSE at the largest training size (NaN before a run). */
double       lb_gd_lab_page_get_final_val_rmse (LbGdLabPage *self);
void         lb_gd_lab_page_set_alpha      (LbGdLabPage *self,
                                            gboolean     lasso,
                                            double       alpha);
/* The line shown in the status of each tab (errors too). */
const char  *lb_gd_lab_page_get_status     (LbGdLabPage *self,
                                            const char  *tab);
/* Chart views: "descent-fit", "descent-cost", "degree-fit", "degree-curves",
 * "regularization-fit", "regularization-paths". */
LbChartView *lb_gd_lab_page_get_chart_view (LbGdLabPage *self,
                                            const char  *name);

G_END_DECLS
