/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-param-form.h: LbParamForm, a form generated from an estimator's
 * hyper-parameters (its GParamSpecs): one row per parameter with the control
 * its type calls for, the nick as label, the blurb as tooltip and behind an
 * info button, a reset-to-default button, and the engine's own error shown
 * inline when a value is refused. Every page that lets the learner set
 * parameters (Prepare, Shortlist, Fine-tune) uses it, so a form always offers
 * exactly what lb_estimator_set_param accepts.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-engine.h"

G_BEGIN_DECLS

#define LB_TYPE_PARAM_FORM (lb_param_form_get_type ())
G_DECLARE_FINAL_TYPE (LbParamForm, lb_param_form, LB, PARAM_FORM, GtkWidget)

/* A form for @estimator's own parameters (a nested estimator parameter, such
 * as a Bagging's "estimator", is a choice of registered estimator plus that
 * estimator's own form). The form works on a private clone: @estimator is not
 * modified. The values shown start from @estimator's current values. */
GtkWidget   *lb_param_form_new             (LbEstimator *estimator);

/* The estimator's registered name ("Ridge"). */
const char  *lb_param_form_get_estimator_name (LbParamForm *self);

/* The values that differ from the class defaults, as a project file's
 * "params" object (sklearn names: "max_iter"; nested estimators as
 * {"estimator", "params"}). A value the engine refuses (out of range, not a
 * choice) is never kept: its row shows the error and the last accepted value
 * is reported. A value that is fine alone but that the fit-time checks refuse
 * with the others (a solver that cannot do that penalty) is kept, so the
 * learner can change the other one next; the row shows why and
 * lb_param_form_get_valid is FALSE meanwhile. Transfer full; never NULL. */
JsonObject  *lb_param_form_dup_params      (LbParamForm *self);

/* Resets every row to its default, then applies @params (NULL: defaults only).
 * Unknown or refused members are reported on their row / ignored; does not
 * emit "changed". */
void         lb_param_form_set_params      (LbParamForm *self,
                                            JsonObject  *params);

/* Types @text into the row of @name (sklearn or GObject name) as a learner
 * would: TRUE when the engine accepted it, FALSE when refused (the row then
 * shows the error, see lb_param_form_get_error) or @name is not a row.
 * Emits "changed" when the value changed. For tests and scripted use. */
gboolean     lb_param_form_set_value       (LbParamForm *self,
                                            const char  *name,
                                            const char  *text);
/* The value shown in row @name as text (as lb_estimator_set_param_string
 * reads it), or NULL when no such row. Transfer full. */
char        *lb_param_form_dup_value       (LbParamForm *self,
                                            const char  *name);
/* The error shown on row @name, NULL when its value is valid. */
const char  *lb_param_form_get_error       (LbParamForm *self,
                                            const char  *name);
/* Presses row @name's reset button; FALSE when no such row. */
gboolean     lb_param_form_reset_value     (LbParamForm *self,
                                            const char  *name);
/* TRUE when every row holds a value the engine accepted. */
gboolean     lb_param_form_get_valid       (LbParamForm *self);
/* Number of rows and their parameter names (sklearn form), in display order. */
guint        lb_param_form_get_n_rows      (LbParamForm *self);
const char  *lb_param_form_get_row_name    (LbParamForm *self,
                                            guint        i);
/* The widget that edits row @name (a GtkSpinButton, GtkSwitch, GtkDropDown
 * or GtkEntry), or NULL; transfer none. For tests. */
GtkWidget   *lb_param_form_get_editor      (LbParamForm *self,
                                            const char  *name);

/* A fresh estimator with the form's valid values (transfer full). */
LbEstimator *lb_param_form_dup_estimator   (LbParamForm *self);

/* Signal "changed" (no arguments): a value was edited, reset, or a nested
 * estimator was replaced (not emitted by lb_param_form_set_params). */

/* --- helpers shared with the pages --- */
/* TRUE for doubles that span decades (alpha, C, gamma, learning rates, tol):
 * the spin button then steps ×10 / ÷10 instead of linearly. */
gboolean     lb_param_spec_is_log_scale    (GParamSpec  *pspec);
/* The fixed text choices of a string / JSON parameter of @estimator (gamma:
 * "scale", "auto"; max_features: "sqrt", "log2"), NULL when it has none.
 * An estimator declares them, without any UI header, as a NULL-terminated
 * static string array in the spec's qdata, in class_init:
 *   static const char *gamma_choices[] = { "scale", "auto", NULL };
 *   g_param_spec_set_qdata (pspec, g_quark_from_static_string ("lb-param-choices"),
 *                           (gpointer) gamma_choices);
 * Otherwise the usual scikit-learn words are probed with
 * lb_estimator_set_param_string on a clone: those accepted while a nonsense
 * word is refused are the choices. Transfer full. */
char       **lb_param_spec_dup_choices (LbEstimator *estimator,
                                        GParamSpec  *pspec);

G_END_DECLS
