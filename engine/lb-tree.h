/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-tree.h: LbTree, a fitted CART tree as plain arrays (scikit-learn's
 * tree_ layout): what decision trees, forests, extra-trees and boosting
 * build, what predicts, what the model file stores, and what the tree
 * diagram (plots/) draws. Immutable once built; refcounted.
 */
#pragma once

#include <glib.h>

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbTree, lb_tree_unref)

G_END_DECLS
