/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-gradient-boosting-util.c: the hyper-parameters, properties, feature
 * importances and described scores that the gradient boosting classifier and
 * regressor share (see lb-gradient-boosting-private.h).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-gradient-boosting-private.h"
#include "lb-ensemble-private.h"
#include "lb-tree.h"

void
lb_gb_params_init (LbGbParams *hp)
{
  hp->n_estimators = 100;
  hp->learning_rate = 0.1;
  hp->max_depth = 3;
  hp->min_samples_split = 2;
  hp->min_samples_leaf = 1;
  hp->max_leaf_nodes = 0;
  hp->subsample = 1.0;
  hp->n_iter_no_change = 0;
  hp->validation_fraction = 0.1;
  hp->tol = 1e-4;
}

void
lb_gb_install_properties (GObjectClass *object_class)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *properties[LB_GB_N_PROPS] = { NULL, };

  properties[LB_GB_PROP_N_ESTIMATORS] =
    g_param_spec_uint ("n-estimators", N_("Trees"),
                       N_("How many boosting stages: each adds a tree fitted to the residuals"),
                       1, 100000, 100, flags);
  properties[LB_GB_PROP_LEARNING_RATE] =
    g_param_spec_double ("learning-rate", N_("Learning rate"),
                         N_("Shrinks each tree's contribution: lower needs more trees but "
                            "generalises better (shrinkage)"),
                         0.0, G_MAXDOUBLE, 0.1, flags);
  properties[LB_GB_PROP_MAX_DEPTH] =
    g_param_spec_uint ("max-depth", N_("Maximum depth"),
                       N_("Depth of each tree (0 = no limit)"),
                       0, 1000, 3, flags);
  properties[LB_GB_PROP_MIN_SAMPLES_SPLIT] =
    g_param_spec_uint ("min-samples-split", N_("Minimum samples to split"),
                       N_("A node with fewer training samples than this becomes a leaf"),
                       2, G_MAXINT, 2, flags);
  properties[LB_GB_PROP_MIN_SAMPLES_LEAF] =
    g_param_spec_uint ("min-samples-leaf", N_("Minimum samples per leaf"),
                       N_("Every leaf keeps at least this many training samples"),
                       1, G_MAXINT, 1, flags);
  properties[LB_GB_PROP_MAX_LEAF_NODES] =
    g_param_spec_uint ("max-leaf-nodes", N_("Maximum leaves"),
                       N_("Grow each tree best-first up to this many leaves (0 = no limit)"),
                       0, G_MAXINT, 0, flags);
  properties[LB_GB_PROP_SUBSAMPLE] =
    g_param_spec_double ("subsample", N_("Subsample"),
                         N_("Fraction of the rows each tree is fitted on (below 1: stochastic "
                            "gradient boosting)"),
                         1e-9, 1.0, 1.0, flags);
  properties[LB_GB_PROP_N_ITER_NO_CHANGE] =
    g_param_spec_uint ("n-iter-no-change", N_("Early stopping rounds"),
                       N_("Stop when the validation error has not improved for this many "
                          "trees (0 = never stop early)"),
                       0, 100000, 0, flags);
  properties[LB_GB_PROP_VALIDATION_FRACTION] =
    g_param_spec_double ("validation-fraction", N_("Validation fraction"),
                         N_("Share of the training rows held out to decide early stopping"),
                         1e-9, 0.999, 0.1, flags);
  properties[LB_GB_PROP_TOL] =
    g_param_spec_double ("tol", N_("Tolerance"),
                         N_("How much the validation error must improve to count as better"),
                         0.0, G_MAXDOUBLE, 1e-4, flags);
  g_object_class_install_properties (object_class, LB_GB_N_PROPS, properties);
}

gboolean
lb_gb_params_get (const LbGbParams *hp,
                  guint             prop_id,
                  GValue           *value)
{
  switch (prop_id)
    {
    case LB_GB_PROP_N_ESTIMATORS: g_value_set_uint (value, hp->n_estimators); break;
    case LB_GB_PROP_LEARNING_RATE: g_value_set_double (value, hp->learning_rate); break;
    case LB_GB_PROP_MAX_DEPTH: g_value_set_uint (value, hp->max_depth); break;
    case LB_GB_PROP_MIN_SAMPLES_SPLIT: g_value_set_uint (value, hp->min_samples_split); break;
    case LB_GB_PROP_MIN_SAMPLES_LEAF: g_value_set_uint (value, hp->min_samples_leaf); break;
    case LB_GB_PROP_MAX_LEAF_NODES: g_value_set_uint (value, hp->max_leaf_nodes); break;
    case LB_GB_PROP_SUBSAMPLE: g_value_set_double (value, hp->subsample); break;
    case LB_GB_PROP_N_ITER_NO_CHANGE: g_value_set_uint (value, hp->n_iter_no_change); break;
    case LB_GB_PROP_VALIDATION_FRACTION: g_value_set_double (value, hp->validation_fraction); break;
    case LB_GB_PROP_TOL: g_value_set_double (value, hp->tol); break;
    default:
      return FALSE;
    }
  return TRUE;
}

#define SET_FIELD(field, getter)                          \
  G_STMT_START {                                          \
    if (hp->field != getter (value))                      \
      {                                                   \
        hp->field = getter (value);                       \
        g_object_notify_by_pspec (object, pspec);         \
      }                                                   \
  } G_STMT_END

gboolean
lb_gb_params_set (LbGbParams   *hp,
                  GObject      *object,
                  guint         prop_id,
                  const GValue *value,
                  GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case LB_GB_PROP_N_ESTIMATORS: SET_FIELD (n_estimators, g_value_get_uint); break;
    case LB_GB_PROP_LEARNING_RATE: SET_FIELD (learning_rate, g_value_get_double); break;
    case LB_GB_PROP_MAX_DEPTH: SET_FIELD (max_depth, g_value_get_uint); break;
    case LB_GB_PROP_MIN_SAMPLES_SPLIT: SET_FIELD (min_samples_split, g_value_get_uint); break;
    case LB_GB_PROP_MIN_SAMPLES_LEAF: SET_FIELD (min_samples_leaf, g_value_get_uint); break;
    case LB_GB_PROP_MAX_LEAF_NODES: SET_FIELD (max_leaf_nodes, g_value_get_uint); break;
    case LB_GB_PROP_SUBSAMPLE: SET_FIELD (subsample, g_value_get_double); break;
    case LB_GB_PROP_N_ITER_NO_CHANGE: SET_FIELD (n_iter_no_change, g_value_get_uint); break;
    case LB_GB_PROP_VALIDATION_FRACTION: SET_FIELD (validation_fraction, g_value_get_double); break;
    case LB_GB_PROP_TOL: SET_FIELD (tol, g_value_get_double); break;
    default:
      return FALSE;
    }
  return TRUE;
}

/* scikit-learn's feature_importances_: the mean over trees with a split of
 * each tree's un-normalised impurity decrease per feature (divided by the
 * root's weight), normalised to sum 1. */
gboolean
lb_gb_importances (GPtrArray *trees,
                   guint      p,
                   double    *out)
{
  guint n_relevant = 0;
  double total = 0.0;

  memset (out, 0, p * sizeof (double));
  for (guint t = 0; t < trees->len; t++)
    {
      LbTree *tree = lb_estimator_get_tree (trees->pdata[t], 0);

      if (tree == NULL)
        return FALSE;
      if (tree->n_nodes <= 1)
        continue;
      n_relevant++;
      for (guint k = 0; k < tree->n_nodes; k++)
        {
          const LbTreeNode *nd = &tree->nodes[k];
          const LbTreeNode *l, *r;

          if (nd->left == LB_TREE_LEAF)
            continue;
          l = &tree->nodes[nd->left];
          r = &tree->nodes[nd->right];
          out[nd->feature] += (nd->weighted_n_samples * nd->impurity -
                               l->weighted_n_samples * l->impurity -
                               r->weighted_n_samples * r->impurity) /
                              tree->nodes[0].weighted_n_samples;
        }
    }
  if (n_relevant == 0)
    return FALSE;
  for (guint j = 0; j < p; j++)
    total += (out[j] /= n_relevant);
  if (total <= 0)
    return FALSE;
  for (guint j = 0; j < p; j++)
    out[j] /= total;
  return TRUE;
}

void
lb_gb_describe_scores (JsonObject  *object,
                       LbEstimator *est,
                       GPtrArray   *trees,
                       GArray      *train_score,
                       GArray      *valid_score)
{
  guint p = lb_estimator_get_n_features_in (est);
  g_autofree double *imp = g_new (double, MAX (p, 1));
  JsonArray *train = json_array_new ();
  JsonArray *valid = json_array_new ();

  for (guint t = 0; t < train_score->len; t++)
    {
      json_array_add_double_element (train, g_array_index (train_score, double, t));
      if (isfinite (g_array_index (valid_score, double, t)))
        json_array_add_double_element (valid, g_array_index (valid_score, double, t));
    }
  json_object_set_array_member (object, "train_score_", train);
  json_object_set_array_member (object, "validation_score_", valid);
  if (lb_gb_importances (trees, p, imp))
    json_object_set_member (object, "feature_importances_", lb_ensemble_importances_json (est, imp, p));
}
