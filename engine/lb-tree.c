/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-tree.c: LbTree, a fitted CART tree as scikit-learn's tree_ arrays:
 * memory, prediction (descend from the root comparing float32 features to
 * double thresholds, as scikit-learn does) and the model-file state of one
 * or many trees, with every length, index and count checked on load.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-tree.h"

LbTree *
lb_tree_new (guint       n_nodes,
             guint       n_features,
             guint       n_classes,
             const char *criterion)
{
  LbTree *tree = g_new0 (LbTree, 1);

  g_atomic_ref_count_init (&tree->ref_count);
  tree->n_nodes = n_nodes;
  tree->nodes = g_new0 (LbTreeNode, MAX (n_nodes, 1));
  tree->n_values = n_classes > 0 ? n_classes : 1;
  tree->values = g_new0 (double, (gsize) MAX (n_nodes, 1) * tree->n_values);
  tree->n_features = n_features;
  tree->n_classes = n_classes;
  tree->criterion = g_strdup (criterion);
  return tree;
}

LbTree *
lb_tree_ref (LbTree *tree)
{
  g_return_val_if_fail (tree != NULL, NULL);
  g_atomic_ref_count_inc (&tree->ref_count);
  return tree;
}

void
lb_tree_unref (LbTree *tree)
{
  g_return_if_fail (tree != NULL);
  if (g_atomic_ref_count_dec (&tree->ref_count))
    {
      g_free (tree->nodes);
      g_free (tree->values);
      g_free (tree->criterion);
      g_free (tree);
    }
}

guint
lb_tree_apply (const LbTree *tree,
               const double *x)
{
  guint i = 0;

  /* children always have larger indices than their parent (checked on
   * load), so this ends */
  while (tree->nodes[i].left != LB_TREE_LEAF)
    {
      const LbTreeNode *node = &tree->nodes[i];

      i = (double) (float) x[node->feature] <= node->threshold ? (guint) node->left : (guint) node->right;
    }
  return i;
}

const double *
lb_tree_predict_value (const LbTree *tree,
                       const double *x)
{
  return tree->values + (gsize) lb_tree_apply (tree, x) * tree->n_values;
}

guint
lb_tree_get_n_leaves (const LbTree *tree)
{
  guint n = 0;

  for (guint i = 0; i < tree->n_nodes; i++)
    n += tree->nodes[i].left == LB_TREE_LEAF;
  return n;
}

/* --- model-file state ---
 * {"n_trees", "n_nodes": [per tree], then per node, all trees concatenated:
 *  "left", "right", "feature", "threshold", "impurity", "n_samples",
 *  "weighted_n_samples", and "values" (n_values per node)}.
 * Integers travel as exact doubles too (one helper, one check). */

JsonNode *
lb_trees_to_state (LbTree * const *trees,
                   guint           n_trees)
{
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree double *counts = g_new (double, MAX (n_trees, 1));
  gsize total = 0, total_values = 0, at = 0, at_v = 0;
  g_autofree double *left = NULL, *right = NULL, *feature = NULL, *threshold = NULL;
  g_autofree double *impurity = NULL, *n_samples = NULL, *weighted = NULL, *values = NULL;

  for (guint t = 0; t < n_trees; t++)
    {
      counts[t] = trees[t]->n_nodes;
      total += trees[t]->n_nodes;
      total_values += (gsize) trees[t]->n_nodes * trees[t]->n_values;
    }
  left = g_new (double, MAX (total, 1));
  right = g_new (double, MAX (total, 1));
  feature = g_new (double, MAX (total, 1));
  threshold = g_new (double, MAX (total, 1));
  impurity = g_new (double, MAX (total, 1));
  n_samples = g_new (double, MAX (total, 1));
  weighted = g_new (double, MAX (total, 1));
  values = g_new (double, MAX (total_values, 1));
  for (guint t = 0; t < n_trees; t++)
    {
      const LbTree *tree = trees[t];

      for (guint i = 0; i < tree->n_nodes; i++, at++)
        {
          left[at] = tree->nodes[i].left;
          right[at] = tree->nodes[i].right;
          feature[at] = tree->nodes[i].feature;
          threshold[at] = tree->nodes[i].threshold;
          impurity[at] = tree->nodes[i].impurity;
          n_samples[at] = tree->nodes[i].n_samples;
          weighted[at] = tree->nodes[i].weighted_n_samples;
        }
      memcpy (values + at_v, tree->values, (gsize) tree->n_nodes * tree->n_values * sizeof (double));
      at_v += (gsize) tree->n_nodes * tree->n_values;
    }
  json_object_set_int_member (obj, "n_trees", n_trees);
  json_object_set_string_member (obj, "criterion", n_trees > 0 ? trees[0]->criterion : "");
  json_object_set_member (obj, "n_nodes", lb_state_from_doubles (counts, n_trees));
  json_object_set_member (obj, "left", lb_state_from_doubles (left, total));
  json_object_set_member (obj, "right", lb_state_from_doubles (right, total));
  json_object_set_member (obj, "feature", lb_state_from_doubles (feature, total));
  json_object_set_member (obj, "threshold", lb_state_from_doubles (threshold, total));
  json_object_set_member (obj, "impurity", lb_state_from_doubles (impurity, total));
  json_object_set_member (obj, "n_samples", lb_state_from_doubles (n_samples, total));
  json_object_set_member (obj, "weighted_n_samples", lb_state_from_doubles (weighted, total));
  json_object_set_member (obj, "values", lb_state_from_doubles (values, total_values));
  json_node_take_object (node, obj);
  return node;
}

static gboolean
file_error (GError    **error,
            const char *what)
{
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
               _("the saved tree is damaged (%s)"), what);
  return FALSE;
}

/* Depth of every node from its parent (parents come first). */
static guint
compute_max_depth (const LbTree *tree)
{
  g_autofree guint *depth = g_new0 (guint, MAX (tree->n_nodes, 1));
  guint max_depth = 0;

  for (guint i = 0; i < tree->n_nodes; i++)
    {
      const LbTreeNode *n = &tree->nodes[i];

      max_depth = MAX (max_depth, depth[i]);
      if (n->left != LB_TREE_LEAF)
        depth[n->left] = depth[n->right] = depth[i] + 1;
    }
  return max_depth;
}

GPtrArray *
lb_trees_from_state (JsonNode *state,
                     guint     n_features,
                     guint     n_classes,
                     GError  **error)
{
  static const char *names[] = { "left", "right", "feature", "threshold", "impurity",
                                 "n_samples", "weighted_n_samples" };
  JsonObject *obj;
  JsonNode *member;
  gint64 n_trees;
  const char *criterion;
  g_autofree double *counts = NULL;
  double *arrays[G_N_ELEMENTS (names)] = { NULL };
  g_autofree double *values = NULL;
  g_autoptr(GPtrArray) trees = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_tree_unref);
  guint n_values = n_classes > 0 ? n_classes : 1;
  gsize total = 0, at = 0;
  gboolean ok = FALSE;

  if (state == NULL || !JSON_NODE_HOLDS_OBJECT (state))
    {
      file_error (error, "state");
      return NULL;
    }
  obj = json_node_get_object (state);
  if (!lb_state_get_int (obj, "n_trees", 1, 1000000, &n_trees, error))
    return NULL;
  member = lb_state_get_member (obj, "criterion", JSON_NODE_VALUE, error);
  if (member == NULL)
    return NULL;
  if (json_node_get_value_type (member) != G_TYPE_STRING)
    {
      file_error (error, "criterion");
      return NULL;
    }
  criterion = json_node_get_string (member);
  counts = g_new (double, n_trees);
  member = lb_state_get_member (obj, "n_nodes", JSON_NODE_VALUE, error);
  if (member == NULL || !lb_state_to_doubles (member, counts, n_trees, "n_nodes", error))
    return NULL;
  for (gint64 t = 0; t < n_trees; t++)
    {
      if (!(counts[t] >= 1 && counts[t] <= G_MAXINT32 && counts[t] == floor (counts[t])))
        {
          file_error (error, "n_nodes");
          return NULL;
        }
      total += (gsize) counts[t];
      if (total > G_MAXINT32)
        {
          file_error (error, "n_nodes");
          return NULL;
        }
    }

  /* before allocating: the stored text must be long enough for the counts
   * claimed (a tampered n_nodes must not make us allocate gigabytes) */
  member = json_object_get_member (obj, "left");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING ||
      strlen (json_node_get_string (member)) / 4 * 3 < total * 8)
    {
      file_error (error, "n_nodes");
      return NULL;
    }
  for (guint a = 0; a < G_N_ELEMENTS (names); a++)
    {
      arrays[a] = g_new (double, total);
      member = lb_state_get_member (obj, names[a], JSON_NODE_VALUE, error);
      if (member == NULL || !lb_state_to_doubles (member, arrays[a], total, names[a], error))
        goto out;
    }
  values = g_new (double, total * n_values);
  member = lb_state_get_member (obj, "values", JSON_NODE_VALUE, error);
  if (member == NULL || !lb_state_to_doubles (member, values, total * n_values, "values", error))
    goto out;

  for (gint64 t = 0; t < n_trees; t++)
    {
      guint n_nodes = (guint) counts[t];
      LbTree *tree = lb_tree_new (n_nodes, n_features, n_classes, criterion);

      g_ptr_array_add (trees, tree);
      for (guint i = 0; i < n_nodes; i++, at++)
        {
          LbTreeNode *n = &tree->nodes[i];
          double l = arrays[0][at], r = arrays[1][at], f = arrays[2][at], ns = arrays[5][at];

          if (l == LB_TREE_LEAF && r == LB_TREE_LEAF && f == LB_TREE_LEAF)
            n->left = n->right = n->feature = LB_TREE_LEAF;
          else if (l > i && l < n_nodes && r > i && r < n_nodes && l != r &&
                   l == floor (l) && r == floor (r) && f >= 0 && f < n_features && f == floor (f))
            {
              n->left = (int) l;
              n->right = (int) r;
              n->feature = (int) f;
            }
          else
            {
              file_error (error, "node links");
              goto out;
            }
          if (!(ns >= 0 && ns <= G_MAXUINT32 && ns == floor (ns)))
            {
              file_error (error, "n_samples");
              goto out;
            }
          n->threshold = arrays[3][at];
          n->impurity = arrays[4][at];
          n->n_samples = (guint) ns;
          n->weighted_n_samples = arrays[6][at];
        }
      /* a node must be reached once: each non-root node is some node's child */
      {
        g_autofree guint8 *seen = g_new0 (guint8, n_nodes);

        for (guint i = 0; i < n_nodes; i++)
          if (tree->nodes[i].left != LB_TREE_LEAF)
            {
              if (seen[tree->nodes[i].left]++ || seen[tree->nodes[i].right]++)
                {
                  file_error (error, "node links");
                  goto out;
                }
            }
      }
      memcpy (tree->values, values + (at - n_nodes) * n_values, (gsize) n_nodes * n_values * sizeof (double));
      tree->max_depth = compute_max_depth (tree);
    }
  ok = TRUE;

out:
  for (guint a = 0; a < G_N_ELEMENTS (names); a++)
    g_free (arrays[a]);
  return ok ? g_steal_pointer (&trees) : NULL;
}

/* --- impurity-based importances --- */

double
lb_tree_add_importances (const LbTree *tree,
                         double       *out)
{
  for (guint i = 0; i < tree->n_nodes; i++)
    {
      const LbTreeNode *n = &tree->nodes[i];

      if (n->left != LB_TREE_LEAF)
        {
          const LbTreeNode *l = &tree->nodes[n->left], *r = &tree->nodes[n->right];

          out[n->feature] += n->weighted_n_samples * n->impurity
                             - l->weighted_n_samples * l->impurity
                             - r->weighted_n_samples * r->impurity;
        }
    }
  return tree->nodes[0].weighted_n_samples;
}
