/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-attribute-form.h: the Explore page's "add a combined attribute": a name,
 * an expression over numeric columns (total_rooms / households, see
 * data/lb-expression.h) and Add; errors in plain words beside the form, the
 * new column's histogram below it.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-chart-view.h"

G_BEGIN_DECLS

#define LB_TYPE_ATTRIBUTE_FORM (lb_attribute_form_get_type ())
G_DECLARE_FINAL_TYPE (LbAttributeForm, lb_attribute_form, LB, ATTRIBUTE_FORM, GtkWidget)

GtkWidget   *lb_attribute_form_new            (void);
/* The table expressions read. With @same_data FALSE (another data set) the
 * last result and error are cleared. */
void         lb_attribute_form_set_table      (LbAttributeForm *self,
                                               LbTable         *table,
                                               gboolean         same_data);
/* The column whose correlation with a new attribute is reported (may be NULL). */
void         lb_attribute_form_set_target     (LbAttributeForm *self,
                                               const char      *target);
/* Fills the form and presses Add. Signal "attribute-added" (LbTable *new_table)
 * follows a success. */
void         lb_attribute_form_add            (LbAttributeForm *self,
                                               const char      *name,
                                               const char      *expression);
/* The error shown beside the form, or NULL. */
const char  *lb_attribute_form_get_error      (LbAttributeForm *self);
LbChartView *lb_attribute_form_get_chart_view (LbAttributeForm *self);

G_END_DECLS
