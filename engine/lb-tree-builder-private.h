/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-tree-builder-private.h: the CART builder shared by decision trees,
 * random forests, extra-trees (and anything that needs a weighted tree):
 * scikit-learn 1.2's depth-first and best-first builders, best and random
 * splitters, gini / entropy / squared_error / friedman_mse. X is read as
 * float32 like scikit-learn, so thresholds are the same doubles.
 */
#pragma once

#include <gio/gio.h>

#include "lb-matrix.h"
#include "lb-tree.h"

G_BEGIN_DECLS

typedef enum
{
  LB_TREE_CRITERION_GINI,
  LB_TREE_CRITERION_ENTROPY,        /* also "log_loss" */
  LB_TREE_CRITERION_SQUARED_ERROR,
  LB_TREE_CRITERION_FRIEDMAN_MSE,
} LbTreeCriterion;

/* Resolved hyper-parameters (counts, not fractions). */
typedef struct
{
  LbTreeCriterion criterion;
  gboolean        random_splitter;        /* extra-trees: one random threshold per feature */
  guint           max_depth;              /* G_MAXUINT: no limit */
  guint           min_samples_split;      /* >= 2 */
  guint           min_samples_leaf;       /* >= 1 */
  double          min_weight_fraction_leaf;
  guint           max_leaf_nodes;         /* 0: no limit (depth-first growth) */
  guint           max_features;           /* 1..n_features */
  double          min_impurity_decrease;
} LbTreeParams;

/* What every tree of one fit reads (immutable while trees grow, so trees
 * can grow on several threads at once). */
typedef struct
{
  gsize   n, p;
  float  *Xf;         /* (p, n) column-major, float32 as scikit-learn */
  guint  *order;      /* (p, n): per feature, sample ids by increasing value; NULL if not needed */
  double *y;          /* (n) targets, or class codes 0..k-1 */
  guint   n_classes;  /* 0 for regression */
} LbTreeData;

/* NULL (and G_IO_ERROR_CANCELLED) when cancelled while sorting. */
LbTreeData *lb_tree_data_new  (LbMatrix     *X,
                               LbMatrix     *y,
                               guint         n_classes,
                               gboolean      presort,
                               GCancellable *cancellable,
                               GError      **error);
void        lb_tree_data_free (LbTreeData *data);

/* Grows one tree on the samples with @weights > 0 (@weights: (n) or NULL for
 * all ones). Draws from @rng. Checks @cancellable every few nodes. */
LbTree     *lb_tree_build     (const LbTreeData   *data,
                               const LbTreeParams *params,
                               const double       *weights,
                               LbRng              *rng,
                               GCancellable       *cancellable,
                               GError            **error);

/* scikit-learn's minimal cost-complexity pruning: a new tree where every
 * subtree whose effective alpha is <= @ccp_alpha became a leaf (nodes
 * renumbered in preorder). */
LbTree     *lb_tree_prune     (const LbTree *tree,
                               double        ccp_alpha);

G_END_DECLS
