/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-tree-model-params.c: the hyper-parameters of the tree estimators as
 * GObject properties, with scikit-learn's names, ranges and per-model
 * defaults (max_features "sqrt" for forest classifiers, 1.0 for forest
 * regressors, all features for single trees; no bootstrap for extra-trees),
 * and blurbs that say what each knob does to the trees.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-tree-model-private.h"

G_DEFINE_ENUM_TYPE (LbTreeClassCriterion, lb_tree_class_criterion,
  G_DEFINE_ENUM_VALUE (LB_TREE_CLASS_CRITERION_GINI, "gini"),
  G_DEFINE_ENUM_VALUE (LB_TREE_CLASS_CRITERION_ENTROPY, "entropy"),
  G_DEFINE_ENUM_VALUE (LB_TREE_CLASS_CRITERION_LOG_LOSS, "log_loss"))

G_DEFINE_ENUM_TYPE (LbTreeRegCriterion, lb_tree_reg_criterion,
  G_DEFINE_ENUM_VALUE (LB_TREE_REG_CRITERION_SQUARED_ERROR, "squared_error"),
  G_DEFINE_ENUM_VALUE (LB_TREE_REG_CRITERION_FRIEDMAN_MSE, "friedman_mse"))

G_DEFINE_ENUM_TYPE (LbTreeSplitter, lb_tree_splitter,
  G_DEFINE_ENUM_VALUE (LB_TREE_SPLITTER_BEST, "best"),
  G_DEFINE_ENUM_VALUE (LB_TREE_SPLITTER_RANDOM, "random"))

enum
{
  PROP_0,
  PROP_N_ESTIMATORS,
  PROP_CRITERION,
  PROP_SPLITTER,
  PROP_MAX_DEPTH,
  PROP_MIN_SAMPLES_SPLIT,
  PROP_MIN_SAMPLES_LEAF,
  PROP_MIN_WEIGHT_FRACTION_LEAF,
  PROP_MAX_FEATURES,
  PROP_MAX_LEAF_NODES,
  PROP_MIN_IMPURITY_DECREASE,
  PROP_BOOTSTRAP,
  PROP_OOB_SCORE,
  PROP_MAX_SAMPLES,
  PROP_RANDOM_STATE,
  PROP_CCP_ALPHA,
};

/* --- properties --- */

static void
lb_tree_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LbTreeModelPrivate *priv = lb_tree_model_get_priv (LB_TREE_MODEL (object));

  switch (prop_id)
    {
    case PROP_N_ESTIMATORS: g_value_set_int (value, priv->n_estimators); break;
    case PROP_CRITERION: g_value_set_enum (value, priv->criterion); break;
    case PROP_SPLITTER: g_value_set_enum (value, priv->splitter); break;
    case PROP_MAX_DEPTH: g_value_set_int (value, priv->max_depth); break;
    case PROP_MIN_SAMPLES_SPLIT: g_value_set_int (value, priv->min_samples_split); break;
    case PROP_MIN_SAMPLES_LEAF: g_value_set_int (value, priv->min_samples_leaf); break;
    case PROP_MIN_WEIGHT_FRACTION_LEAF: g_value_set_double (value, priv->min_weight_fraction_leaf); break;
    case PROP_MAX_FEATURES: g_value_set_string (value, priv->max_features); break;
    case PROP_MAX_LEAF_NODES: g_value_set_int (value, priv->max_leaf_nodes); break;
    case PROP_MIN_IMPURITY_DECREASE: g_value_set_double (value, priv->min_impurity_decrease); break;
    case PROP_BOOTSTRAP: g_value_set_boolean (value, priv->bootstrap); break;
    case PROP_OOB_SCORE: g_value_set_boolean (value, priv->oob_score); break;
    case PROP_MAX_SAMPLES: g_value_set_double (value, priv->max_samples); break;
    case PROP_RANDOM_STATE: g_value_set_int (value, priv->random_state); break;
    case PROP_CCP_ALPHA: g_value_set_double (value, priv->ccp_alpha); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define SET_IF_CHANGED(field, getter) \
  G_STMT_START { \
    if (priv->field != getter (value)) \
      { \
        priv->field = getter (value); \
        g_object_notify_by_pspec (object, pspec); \
      } \
  } G_STMT_END

static void
lb_tree_model_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LbTreeModelPrivate *priv = lb_tree_model_get_priv (LB_TREE_MODEL (object));

  switch (prop_id)
    {
    case PROP_N_ESTIMATORS: SET_IF_CHANGED (n_estimators, g_value_get_int); break;
    case PROP_CRITERION: SET_IF_CHANGED (criterion, g_value_get_enum); break;
    case PROP_SPLITTER: SET_IF_CHANGED (splitter, (LbTreeSplitter) g_value_get_enum); break;
    case PROP_MAX_DEPTH: SET_IF_CHANGED (max_depth, g_value_get_int); break;
    case PROP_MIN_SAMPLES_SPLIT: SET_IF_CHANGED (min_samples_split, g_value_get_int); break;
    case PROP_MIN_SAMPLES_LEAF: SET_IF_CHANGED (min_samples_leaf, g_value_get_int); break;
    case PROP_MIN_WEIGHT_FRACTION_LEAF: SET_IF_CHANGED (min_weight_fraction_leaf, g_value_get_double); break;
    case PROP_MAX_FEATURES:
      if (g_strcmp0 (priv->max_features, g_value_get_string (value)) != 0)
        {
          g_free (priv->max_features);
          priv->max_features = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MAX_LEAF_NODES: SET_IF_CHANGED (max_leaf_nodes, g_value_get_int); break;
    case PROP_MIN_IMPURITY_DECREASE: SET_IF_CHANGED (min_impurity_decrease, g_value_get_double); break;
    case PROP_BOOTSTRAP: SET_IF_CHANGED (bootstrap, g_value_get_boolean); break;
    case PROP_OOB_SCORE: SET_IF_CHANGED (oob_score, g_value_get_boolean); break;
    case PROP_MAX_SAMPLES: SET_IF_CHANGED (max_samples, g_value_get_double); break;
    case PROP_RANDOM_STATE: SET_IF_CHANGED (random_state, g_value_get_int); break;
    case PROP_CCP_ALPHA: SET_IF_CHANGED (ccp_alpha, g_value_get_double); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
lb_tree_model_install_properties (GObjectClass    *object_class,
                                  LbTreeModelKind  kind)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | G_PARAM_CONSTRUCT;
  gboolean classifier = (kind & LB_TREE_MODEL_CLASSIFIER) != 0;
  gboolean forest = (kind & LB_TREE_MODEL_FOREST) != 0;
  gboolean extra = (kind & LB_TREE_MODEL_EXTRA) != 0;
  const char *mf_default = !forest ? NULL : classifier ? "sqrt" : "1.0";

  object_class->get_property = lb_tree_model_get_property;
  object_class->set_property = lb_tree_model_set_property;
  if (forest)
    g_object_class_install_property (object_class, PROP_N_ESTIMATORS,
      g_param_spec_int ("n-estimators", N_("Trees"),
                        N_("How many trees vote: more trees give steadier predictions but take longer; "
                           "the error stops improving after a while, it never gets worse"),
                        1, 100000, 100, flags));
  if (classifier)
    g_object_class_install_property (object_class, PROP_CRITERION,
      g_param_spec_enum ("criterion", N_("Criterion"),
                         N_("How impure a node is: gini (the chance of mislabelling a random sample) or "
                            "entropy / log_loss (the information needed); they rarely give different trees"),
                         lb_tree_class_criterion_get_type (), LB_TREE_CLASS_CRITERION_GINI, flags));
  else
    g_object_class_install_property (object_class, PROP_CRITERION,
      g_param_spec_enum ("criterion", N_("Criterion"),
                         N_("What a split minimises: squared_error (the variance of each side) or "
                            "friedman_mse (the same with Friedman's improvement score)"),
                         lb_tree_reg_criterion_get_type (), LB_TREE_REG_CRITERION_SQUARED_ERROR, flags));
  if (!forest)
    g_object_class_install_property (object_class, PROP_SPLITTER,
      g_param_spec_enum ("splitter", N_("Splitter"),
                         N_("best tries every threshold of the drawn features; random draws one threshold "
                            "per feature (faster, more random trees)"),
                         lb_tree_splitter_get_type (), LB_TREE_SPLITTER_BEST, flags));
  g_object_class_install_property (object_class, PROP_MAX_DEPTH,
    g_param_spec_int ("max-depth", N_("Maximum depth"),
                      N_("Deepest level a tree may grow to (0 = no limit, grow until the leaves are pure). "
                         "Shallower trees fit less of the noise: the main way to regularise a tree"),
                      0, G_MAXINT, 0, flags));
  g_object_class_install_property (object_class, PROP_MIN_SAMPLES_SPLIT,
    g_param_spec_int ("min-samples-split", N_("Minimum samples to split"),
                      N_("A node with fewer training samples than this becomes a leaf"),
                      2, G_MAXINT, 2, flags));
  g_object_class_install_property (object_class, PROP_MIN_SAMPLES_LEAF,
    g_param_spec_int ("min-samples-leaf", N_("Minimum samples per leaf"),
                      N_("Every leaf keeps at least this many training samples: larger values smooth the "
                         "predictions"),
                      1, G_MAXINT, 1, flags));
  g_object_class_install_property (object_class, PROP_MIN_WEIGHT_FRACTION_LEAF,
    g_param_spec_double ("min-weight-fraction-leaf", N_("Minimum weight fraction per leaf"),
                         N_("Like minimum samples per leaf, as a fraction of the total sample weight"),
                         0.0, 0.5, 0.0, flags));
  g_object_class_install_property (object_class, PROP_MAX_FEATURES,
    g_param_spec_string ("max-features", N_("Features per split"),
                         N_("How many features each split may look at, drawn at random: sqrt, log2, a count "
                            "(4), a fraction (0.5) or none (all). Fewer features make more diverse trees"),
                         mf_default, flags));
  g_object_class_install_property (object_class, PROP_MAX_LEAF_NODES,
    g_param_spec_int ("max-leaf-nodes", N_("Maximum leaves"),
                      N_("Grow best-first (the split that reduces impurity most goes first) up to this many "
                         "leaves; 0 = no limit"),
                      0, G_MAXINT, 0, flags));
  g_object_class_install_property (object_class, PROP_MIN_IMPURITY_DECREASE,
    g_param_spec_double ("min-impurity-decrease", N_("Minimum impurity decrease"),
                         N_("Split a node only if it lowers the weighted impurity by at least this much"),
                         0.0, G_MAXDOUBLE, 0.0, flags));
  if (forest)
    {
      g_object_class_install_property (object_class, PROP_BOOTSTRAP,
        g_param_spec_boolean ("bootstrap", N_("Bootstrap"),
                              N_("Train each tree on a sample drawn with replacement (bagging); off: every "
                                 "tree sees the whole training set"),
                              !extra, flags));
      g_object_class_install_property (object_class, PROP_OOB_SCORE,
        g_param_spec_boolean ("oob-score", N_("Out-of-bag score"),
                              N_("Score each training sample with the trees that did not see it: a free "
                                 "validation score (needs bootstrap)"),
                              FALSE, flags));
      g_object_class_install_property (object_class, PROP_MAX_SAMPLES,
        g_param_spec_double ("max-samples", N_("Samples per tree"),
                             N_("Bootstrap sample size: a fraction (0.5) or a count (1000) of the training "
                                "set; 0 = as many as the training set"),
                             0.0, G_MAXINT32, 0.0, flags));
    }
  g_object_class_install_property (object_class, PROP_CCP_ALPHA,
    g_param_spec_double ("ccp-alpha", N_("Pruning strength (ccp_alpha)"),
                         N_("Minimal cost-complexity pruning after growth: a subtree is cut back to a leaf "
                            "when it lowers the impurity by less than ccp_alpha per extra leaf; 0 = no pruning"),
                         0.0, G_MAXDOUBLE, 0.0, flags));
  g_object_class_install_property (object_class, PROP_RANDOM_STATE,
    g_param_spec_int ("random-state", N_("Random seed"),
                      N_("Seed of the feature draws and bootstrap samples (-1 = the run's seed). The same "
                         "seed gives the same trees on any number of threads"),
                      -1, G_MAXINT, -1, flags));
}
