/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-tree-model.h: LbTreeModel, the abstract base of the six tree
 * estimators (decision tree, random forest, extra-trees; classifier and
 * regressor). A decision tree is a forest of one tree without bootstrap; the
 * subclasses only choose their name, flags, properties and defaults.
 */
#pragma once

#include "lb-estimator.h"
#include "lb-tree.h"

G_BEGIN_DECLS

#define LB_TYPE_TREE_MODEL (lb_tree_model_get_type ())
G_DECLARE_DERIVABLE_TYPE (LbTreeModel, lb_tree_model, LB, TREE_MODEL, LbEstimator)

struct _LbTreeModelClass
{
  LbEstimatorClass parent_class;

  gboolean is_forest;          /* n_estimators, bootstrap, max_samples, oob_score */
  gboolean is_extra;           /* extra-trees: random splits */
};

typedef enum
{
  LB_TREE_CLASS_CRITERION_GINI,
  LB_TREE_CLASS_CRITERION_ENTROPY,
  LB_TREE_CLASS_CRITERION_LOG_LOSS,
} LbTreeClassCriterion;

typedef enum
{
  LB_TREE_REG_CRITERION_SQUARED_ERROR,
  LB_TREE_REG_CRITERION_FRIEDMAN_MSE,
} LbTreeRegCriterion;

typedef enum
{
  LB_TREE_SPLITTER_BEST,
  LB_TREE_SPLITTER_RANDOM,
} LbTreeSplitter;

GType lb_tree_class_criterion_get_type (void) G_GNUC_CONST;
GType lb_tree_reg_criterion_get_type   (void) G_GNUC_CONST;
GType lb_tree_splitter_get_type        (void) G_GNUC_CONST;

typedef enum
{
  LB_TREE_MODEL_CLASSIFIER = 1 << 0,
  LB_TREE_MODEL_FOREST     = 1 << 1,   /* else a single tree with a splitter */
  LB_TREE_MODEL_EXTRA      = 1 << 2,   /* extra-trees: random splits, no bootstrap by default */
} LbTreeModelKind;

/* Called from a subclass's class_init: sets the vfuncs and installs the
 * properties with that kind's scikit-learn defaults. */
void lb_tree_model_class_setup (LbEstimatorClass *klass,
                                const char       *name,
                                LbTreeModelKind   kind);

G_END_DECLS
