/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-ensemble-private.h: what the ensemble meta-estimators (bagging, voting,
 * stacking, boosting) share: named estimator lists as a JSON parameter (the
 * way a pipeline holds its steps), the base estimator chosen by name, child
 * class codes mapped back to the ensemble's, fitted children saved in and
 * loaded from model files, and feature importances averaged over children.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef struct
{
  char        *name;
  LbEstimator *estimator;
} LbNamedEstimator;

/* --- named lists: [{"name", "estimator", "params"}, …] --- */
/* A new GPtrArray of LbNamedEstimator (empty for NULL / JSON null), or NULL
 * with an error naming the element and @param. */
GPtrArray   *lb_ensemble_parse_list      (JsonNode     *json,
                                          const char   *param,
                                          GError      **error);
JsonNode    *lb_ensemble_list_to_json    (GPtrArray    *list);
LbEstimator *lb_ensemble_list_find       (GPtrArray    *list,
                                          const char   *name);
gboolean     lb_ensemble_list_replace    (GPtrArray    *list,
                                          const char   *name,
                                          LbEstimator  *estimator,
                                          GError      **error);

/* An unfitted copy of @base, or (when NULL) a new @default_name with the
 * parameters in @default_params (a JSON object text, or NULL). */
LbEstimator *lb_ensemble_new_base        (LbEstimator  *base,
                                          const char   *default_name,
                                          const char   *default_params,
                                          GError      **error);

/* @y: codes 0..k-1 of @parent's classes; a copy carrying the class names as
 * its categories, so a child fitted on any subset learns names. */
LbMatrix    *lb_ensemble_named_y         (LbEstimator  *parent,
                                          LbMatrix     *y);
/* For each class of the fitted @child, the index of the class of the same
 * name in @parent (g_free). NULL with an error when a name is unknown. */
int         *lb_ensemble_class_map       (LbEstimator  *parent,
                                          LbEstimator  *child,
                                          GError      **error);

/* --- fitted children in model files: [{"spec": to_json, "state": save_state}] --- */
JsonNode    *lb_ensemble_save_children   (LbEstimator * const *children,
                                          guint         n,
                                          GError      **error);
/* A new GPtrArray of fitted estimators (g_object_unref'd): clones of
 * @templates (one for every child when @n_templates is 1, else one per child
 * and the counts must match) with the saved states loaded. The file's "spec"
 * must name the template's estimator; its parameters are ignored, so a
 * tampered file cannot give a member other hyper-parameters. */
GPtrArray   *lb_ensemble_load_children   (JsonNode            *node,
                                          const char          *what,
                                          LbEstimator * const *templates,
                                          guint                n_templates,
                                          GError             **error);

/* Adds weight × the child's "feature_importances_" (describe_state) to
 * @sum (n_features). FALSE when the child has none of that length. */
gboolean     lb_ensemble_add_importances (LbEstimator  *child,
                                          double        weight,
                                          double       *sum,
                                          guint         n_features);
/* The importances as a JSON array in feature order (feature_names_in_ names them). */
JsonNode    *lb_ensemble_importances_json (LbEstimator *self,
                                           const double *values,
                                           guint        n_features);

/* @parent's probabilities from @child's predict_proba, columns mapped to
 * @parent's classes (a class @child never saw gets 0). */
LbMatrix    *lb_ensemble_child_proba     (LbEstimator  *parent,
                                          LbEstimator  *child,
                                          LbMatrix     *X,
                                          GError      **error);

/* A context for member @index of an ensemble: @ctx's cancellable and thread
 * budget, the seed lb_fit_context_new_child derives for @index, and no event
 * sink (a member's own progress would make the ensemble's jump about; the
 * ensemble reports one event per member or round itself). */
LbFitContext *lb_ensemble_member_context (LbFitContext *ctx,
                                          guint64       index);

G_END_DECLS
