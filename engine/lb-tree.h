/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-tree.h: LbTree, a fitted CART tree as plain arrays (scikit-learn's
 * tree_ layout): what decision trees, forests, extra-trees and boosting
 * build, what predicts, what the model file stores, and what the tree
 * diagram (plots/) draws. Immutable once built; refcounted.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_TREE_LEAF (-1)

typedef struct
{
  int    left;                /* child node index, LB_TREE_LEAF for a leaf */
  int    right;
  int    feature;             /* LB_TREE_LEAF for a leaf */
  double threshold;           /* x[feature] <= threshold goes left */
  double impurity;            /* criterion value at the node */
  guint  n_samples;           /* training samples reaching the node */
  double weighted_n_samples;  /* their total sample weight */
} LbTreeNode;

typedef struct _LbTree LbTree;

struct _LbTree
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  guint       n_nodes;        /* node 0 is the root */
  LbTreeNode *nodes;
  guint       n_values;       /* per node: n_classes (classifier) or 1 (regressor) */
  double     *values;         /* n_nodes * n_values: weighted class counts / mean target */
  guint       n_features;
  guint       n_classes;      /* 0 for a regressor */
  guint       max_depth;      /* depth of the deepest leaf (root = 0) */
  char       *criterion;      /* "gini", "entropy", "squared_error" … */
};

LbTree *lb_tree_ref   (LbTree *tree);
void    lb_tree_unref (LbTree *tree);

/* An all-zero tree of @n_nodes nodes (builders and loaders fill it in). */
LbTree       *lb_tree_new           (guint         n_nodes,
                                     guint         n_features,
                                     guint         n_classes,
                                     const char   *criterion);
/* The leaf sample @x (n_features values) falls into. Like scikit-learn,
 * x[feature] is compared as a float32: (float) x <= threshold goes left. */
guint         lb_tree_apply         (const LbTree *tree,
                                     const double *x);
/* That leaf's value row (n_values: class counts or the mean target). */
const double *lb_tree_predict_value (const LbTree *tree,
                                     const double *x);
/* Number of leaves. */
guint         lb_tree_get_n_leaves  (const LbTree *tree);

/* Adds this tree's impurity decrease per feature (not normalised) into
 * @out (n_features); returns the root's weighted sample count. */
double        lb_tree_add_importances (const LbTree *tree,
                                       double       *out);

/* Several trees (a forest) as one model-file state: the node arrays of all
 * trees concatenated, doubles stored exactly. */
JsonNode     *lb_trees_to_state     (LbTree * const *trees,
                                     guint          n_trees);
/* Checks every length, index, feature and count (a tampered file is
 * LB_ENGINE_ERROR_FILE, never a crash); returns a GPtrArray of LbTree. */
GPtrArray    *lb_trees_from_state   (JsonNode      *state,
                                     guint          n_features,
                                     guint          n_classes,
                                     GError       **error);

/* The @i-th tree of a fitted decision tree / forest / extra-trees model
 * (transfer none); NULL when not fitted or not a tree model. */
LbTree       *lb_estimator_get_tree    (LbEstimator *est,
                                        guint        i);
/* 0 when not fitted or not a tree model. */
guint         lb_estimator_get_n_trees (LbEstimator *est);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbTree, lb_tree_unref)

G_END_DECLS
