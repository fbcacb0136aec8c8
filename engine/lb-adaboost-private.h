/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-adaboost-private.h: what AdaBoostClassifier and AdaBoostRegressor share:
 * their fitted rounds (estimators, weights, errors) in model files and in
 * describe_state, with the weighted mean of the members' importances.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

/* {"estimators": [...], "weights": [...], "errors": [...]} */
JsonNode   *lb_adaboost_save_state      (GPtrArray     *estimators,
                                         const double  *weights,
                                         const double  *errors,
                                         GError       **error);
/* The rounds saved by lb_adaboost_save_state, members loaded into clones of
 * lb_ensemble_new_base (@base, @default_name, @default_params); NULL with an
 * error when the state is malformed or holds no round. The caller checks that
 * each member fits the model. */
GPtrArray  *lb_adaboost_load_state      (JsonNode      *state,
                                         LbEstimator   *base,
                                         const char    *default_name,
                                         const char    *default_params,
                                         double       **weights,
                                         double       **errors,
                                         GError       **error);
/* n_estimators_, estimator_weights_, estimator_errors_ and (when all
 * members have them) the weighted mean feature_importances_; NULL when
 * @estimators is NULL. */
JsonNode   *lb_adaboost_describe_state  (LbEstimator   *est,
                                         GPtrArray     *estimators,
                                         const double  *weights,
                                         const double  *errors);
/* staged_*: the model is fitted, 1 <= @n_stages <= its rounds, and @X has
 * its features. */
gboolean    lb_adaboost_check_stage     (LbEstimator   *est,
                                         GPtrArray     *estimators,
                                         LbMatrix      *X,
                                         guint          n_stages,
                                         GError       **error);

G_END_DECLS
