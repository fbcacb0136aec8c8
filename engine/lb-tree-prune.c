/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-tree-prune.c: scikit-learn's minimal cost-complexity pruning
 * (ccp_alpha): cut the weakest link (the subtree with the smallest impurity
 * decrease per extra leaf) while that is at most ccp_alpha, then renumber the
 * kept nodes in preorder, as scikit-learn rebuilds a pruned tree.
 */
#include "config.h"

#include <string.h>

#include "lb-tree-builder-private.h"

/* --- minimal cost-complexity pruning (scikit-learn's ccp_alpha) --- */

LbTree *
lb_tree_prune (const LbTree *tree,
               double        ccp_alpha)
{
  guint n = tree->n_nodes, n_out = 0;
  double total_w = tree->nodes[0].weighted_n_samples;
  g_autofree double *r_node = g_new (double, n);
  g_autofree double *r_branch = g_new0 (double, n);
  g_autofree guint *n_leaves = g_new0 (guint, n);
  g_autofree int *parent = g_new (int, n);
  g_autofree guint8 *leaf = g_new0 (guint8, n);      /* a leaf of the pruned subtree */
  g_autofree guint8 *gone = g_new0 (guint8, n);      /* removed by pruning */
  g_autofree guint *stack = g_new (guint, n);
  g_autofree int *new_id = g_new (int, n);
  guint top = 0;
  LbTree *out;

  for (guint i = 0; i < n; i++)
    parent[i] = -1;
  for (guint i = 0; i < n; i++)
    {
      r_node[i] = tree->nodes[i].weighted_n_samples * tree->nodes[i].impurity / total_w;
      if (tree->nodes[i].left != LB_TREE_LEAF)
        parent[tree->nodes[i].left] = parent[tree->nodes[i].right] = (int) i;
      else
        leaf[i] = 1;
    }
  /* children come after their parent: sum leaves upwards */
  for (guint i = n; i-- > 0;)
    if (leaf[i])
      {
        n_leaves[i] = 1;
        r_branch[i] = r_node[i];
      }
    else
      {
        n_leaves[i] = n_leaves[tree->nodes[i].left] + n_leaves[tree->nodes[i].right];
        r_branch[i] = r_branch[tree->nodes[i].left] + r_branch[tree->nodes[i].right];
      }

  /* prune the weakest link (smallest effective alpha, the first of equals)
   * while its alpha is at most ccp_alpha */
  while (!leaf[0])
    {
      double best_alpha = G_MAXDOUBLE;
      int best = -1;

      for (guint i = 0; i < n; i++)
        if (!gone[i] && !leaf[i])
          {
            double a = (r_node[i] - r_branch[i]) / (n_leaves[i] - 1);

            if (a < best_alpha)
              {
                best_alpha = a;
                best = (int) i;
              }
          }
      if (best < 0 || ccp_alpha < best_alpha)
        break;
      /* drop best's descendants; best becomes a leaf; fix its ancestors */
      top = 0;
      stack[top++] = tree->nodes[best].left;
      stack[top++] = tree->nodes[best].right;
      while (top > 0)
        {
          guint i = stack[--top];

          gone[i] = 1;
          if (tree->nodes[i].left != LB_TREE_LEAF)
            {
              stack[top++] = tree->nodes[i].left;
              stack[top++] = tree->nodes[i].right;
            }
        }
      {
        guint removed_leaves = n_leaves[best] - 1;
        double delta = r_branch[best] - r_node[best];

        leaf[best] = 1;
        n_leaves[best] = 1;
        r_branch[best] = r_node[best];
        for (int a = parent[best]; a >= 0; a = parent[a])
          {
            n_leaves[a] -= removed_leaves;
            r_branch[a] -= delta;
          }
      }
    }

  /* the kept nodes in preorder (left first), as scikit-learn rebuilds them */
  for (guint i = 0; i < n; i++)
    n_out += !gone[i];
  out = lb_tree_new (n_out, tree->n_features, tree->n_classes, tree->criterion);
  top = 0;
  stack[top++] = 0;
  n_out = 0;
  while (top > 0)
    {
      guint i = stack[--top];
      guint id = n_out++;
      LbTreeNode *node = &out->nodes[id];

      new_id[i] = (int) id;
      *node = tree->nodes[i];
      if (parent[i] >= 0)
        {
          LbTreeNode *pn = &out->nodes[new_id[parent[i]]];

          if (tree->nodes[parent[i]].left == (int) i)
            pn->left = (int) id;
          else
            pn->right = (int) id;
        }
      memcpy (out->values + (gsize) id * out->n_values, tree->values + (gsize) i * tree->n_values,
              out->n_values * sizeof (double));
      if (leaf[i])
        {
          node->left = node->right = node->feature = LB_TREE_LEAF;
          node->threshold = -2.0;
        }
      else
        {
          stack[top++] = tree->nodes[i].right;
          stack[top++] = tree->nodes[i].left;
        }
    }
  {
    g_autofree guint *depth = g_new0 (guint, MAX (out->n_nodes, 1));

    for (guint i = 0; i < out->n_nodes; i++)
      {
        out->max_depth = MAX (out->max_depth, depth[i]);
        if (out->nodes[i].left != LB_TREE_LEAF)
          depth[out->nodes[i].left] = depth[out->nodes[i].right] = depth[i] + 1;
      }
  }
  return out;
}
