/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-voting-private.h: what VotingClassifier and VotingRegressor share: the
 * "weights" parameter, the check that every member is of the right kind,
 * fitting a clone of each member, the fitted members in model files and in
 * describe_state, and the "estimators" / "weights" properties' plumbing.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

/* @weights: NULL, JSON null or @n non-negative numbers (any count when @n
 * is G_MAXUINT). */
gboolean    lb_voting_check_weights      (JsonNode      *weights,
                                          guint          n,
                                          GError       **error);
/* The weight of member @i (1 when @weights is NULL or null). */
double      lb_voting_weight_of          (JsonNode      *weights,
                                          guint          i);
/* check_params: at least one member, all classifiers (or all regressors),
 * and weights that fit them. */
gboolean    lb_voting_check_members      (LbEstimator   *est,
                                          GPtrArray     *estimators,
                                          JsonNode      *weights,
                                          gboolean       classifiers,
                                          GError       **error);
/* A new GPtrArray of fitted clones of the LbNamedEstimator in @estimators,
 * each fitted on (@X, @y) with @ctx's seed, or NULL with an error. */
GPtrArray  *lb_voting_fit_members        (GPtrArray     *estimators,
                                          LbMatrix      *X,
                                          LbMatrix      *y,
                                          LbFitContext  *ctx,
                                          GError       **error);
/* The fitted members saved by save_state, one per member of @estimators. */
GPtrArray  *lb_voting_load_members       (LbEstimator   *est,
                                          GPtrArray     *estimators,
                                          JsonNode      *state,
                                          GError       **error);
JsonNode   *lb_voting_describe           (GPtrArray     *estimators,
                                          GPtrArray     *fitted);
LbEstimator *lb_voting_find_fitted       (GPtrArray     *estimators,
                                          GPtrArray     *fitted,
                                          const char    *name);

/* --- properties --- */
gboolean    lb_voting_set_child          (LbEstimator   *est,
                                          GPtrArray     *estimators,
                                          GParamSpec    *estimators_pspec,
                                          const char    *name,
                                          LbEstimator   *child,
                                          GError       **error);
gboolean    lb_voting_check_param_value  (GParamSpec    *pspec,
                                          const GValue  *value,
                                          GParamSpec    *estimators_pspec,
                                          GParamSpec    *weights_pspec,
                                          GError       **error);
void        lb_voting_set_estimators     (LbEstimator   *est,
                                          GPtrArray    **estimators,
                                          const GValue  *value,
                                          GParamSpec    *pspec);
void        lb_voting_set_weights        (GObject       *object,
                                          JsonNode     **weights,
                                          const GValue  *value,
                                          GParamSpec    *pspec);

G_END_DECLS
