/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-tree-model-private.h: LbTreeModel's instance data, shared by
 * lb-tree-model.c (fit, predict, state) and lb-tree-model-params.c (the
 * hyper-parameters as GObject properties).
 */
#pragma once

#include "lb-tree-model.h"

G_BEGIN_DECLS

typedef struct
{
  /* hyper-parameters */
  int       criterion;              /* LbTreeClassCriterion or LbTreeRegCriterion */
  LbTreeSplitter splitter;
  int       max_depth;              /* 0: none */
  int       min_samples_split;
  int       min_samples_leaf;
  double    min_weight_fraction_leaf;
  char     *max_features;           /* NULL / "sqrt" / "log2" / "auto" / "4" / "0.5" */
  int       max_leaf_nodes;         /* 0: none */
  double    min_impurity_decrease;
  int       random_state;           /* -1: the run's seed */
  int       n_estimators;
  gboolean  bootstrap;
  gboolean  oob_score;
  double    max_samples;            /* 0: none; (0, 1] fraction; > 1 count */
  double    ccp_alpha;

  /* learned */
  GPtrArray *trees;                 /* LbTree */
  guint      n_features;
  guint      n_classes;
  double    *importances;           /* (n_features) */
  double     oob_score_value;       /* NaN when not computed */
} LbTreeModelPrivate;

LbTreeModelPrivate *lb_tree_model_get_priv (LbTreeModel *self);

/* Installs the properties of a tree model of @kind, with scikit-learn's
 * defaults, and the get/set_property that serve them. */
void lb_tree_model_install_properties (GObjectClass    *object_class,
                                       LbTreeModelKind  kind);

G_END_DECLS
