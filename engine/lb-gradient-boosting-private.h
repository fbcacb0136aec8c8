/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-gradient-boosting-private.h: what GradientBoostingClassifier and
 * GradientBoostingRegressor share: their ten hyper-parameters (one struct,
 * one set of GObject properties with the same names, ranges and defaults),
 * scikit-learn's feature_importances_ over the fitted trees, and the scores
 * and importances part of describe_state.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef struct
{
  guint    n_estimators;
  double   learning_rate;
  guint    max_depth;
  guint    min_samples_split;
  guint    min_samples_leaf;
  guint    max_leaf_nodes;
  double   subsample;
  guint    n_iter_no_change;
  double   validation_fraction;
  double   tol;
} LbGbParams;

/* Property ids 1..LB_GB_N_PROPS-1, in the order they are installed. */
enum
{
  LB_GB_PROP_0,
  LB_GB_PROP_N_ESTIMATORS,
  LB_GB_PROP_LEARNING_RATE,
  LB_GB_PROP_MAX_DEPTH,
  LB_GB_PROP_MIN_SAMPLES_SPLIT,
  LB_GB_PROP_MIN_SAMPLES_LEAF,
  LB_GB_PROP_MAX_LEAF_NODES,
  LB_GB_PROP_SUBSAMPLE,
  LB_GB_PROP_N_ITER_NO_CHANGE,
  LB_GB_PROP_VALIDATION_FRACTION,
  LB_GB_PROP_TOL,
  LB_GB_N_PROPS
};

void      lb_gb_params_init             (LbGbParams          *hp);
void      lb_gb_install_properties      (GObjectClass        *object_class);
/* FALSE when @prop_id is not one of the LB_GB_PROP_* ids. */
gboolean  lb_gb_params_get              (const LbGbParams    *hp,
                                         guint                prop_id,
                                         GValue              *value);
/* Sets the field and notifies @object when it changed. */
gboolean  lb_gb_params_set              (LbGbParams          *hp,
                                         GObject             *object,
                                         guint                prop_id,
                                         const GValue        *value,
                                         GParamSpec          *pspec);

/* scikit-learn's feature_importances_ over @trees (fitted decision trees):
 * the mean over trees with a split of each tree's impurity decrease per
 * feature, normalised to sum 1. FALSE when there is none. */
gboolean  lb_gb_importances             (GPtrArray           *trees,
                                         guint                p,
                                         double              *out);
/* Adds "train_score_", "validation_score_" (the finite ones) and, when
 * defined, "feature_importances_" of @est to @object. */
void      lb_gb_describe_scores         (JsonObject          *object,
                                         LbEstimator         *est,
                                         GPtrArray           *trees,
                                         GArray              *train_score,
                                         GArray              *valid_score);

G_END_DECLS
