/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-estimator-private.h: what lb-estimator.c shares with its sibling files
 * (parameters in lb-estimator-params.c, learned state in lb-estimator-state.c).
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

/* Forget everything learned (base fields and the subclass's reset vfunc). */
void     lb_estimator_clear_fitted      (LbEstimator  *self);
/* Set the base part of the learned state; load_state uses it. */
void     lb_estimator_set_fitted_shape  (LbEstimator  *self,
                                         guint         n_features_in,
                                         const char * const *feature_names_in);
void     lb_estimator_mark_fitted       (LbEstimator  *self);
/* The name that lb_estimator_new_by_name () turns back into this type: the
 * class's registered name, or the GType name for an unregistered subclass. */
const char *lb_estimator_get_spec_name  (LbEstimator  *self);
/* Learns the classes from @y (n, 1) and returns y as codes 0..k-1 of them;
 * fails when y has fewer than two classes or bad category codes. */
LbMatrix *lb_estimator_encode_classes   (LbEstimator  *self,
                                         LbMatrix     *y,
                                         GError      **error);
/* "1" for 1.0, "0.1" for 0.1: the shortest text that reads back exactly. */
char    *lb_estimator_format_label      (double        value);

/* --- lb-param-value.c: one parameter value ↔ JSON / text --- */
/* "max-iter" → "max_iter" */
char     *lb_param_sklearn_name         (const char   *name);
gboolean  lb_param_is_estimator         (GParamSpec   *pspec);
/* @value is initialised to the spec's type on success. */
gboolean  lb_param_value_from_json      (GParamSpec   *pspec,
                                         JsonNode     *node,
                                         GValue       *value,
                                         GError      **error);
gboolean  lb_param_value_from_string    (GParamSpec   *pspec,
                                         const char   *text,
                                         GValue       *value,
                                         GError      **error);
/* NULL for a type JSON cannot hold. */
JsonNode *lb_param_value_to_json        (GParamSpec   *pspec,
                                         const GValue *value);

G_END_DECLS
