/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-builtin.c: the list of built-in estimators, registered by scikit-learn
 * name on first use of the registry. Adding an estimator = one line in the
 * marked list below (and its header in lb-engine.h).
 */
#include "config.h"

#include "lb-engine.h"

static void
register_all (void)
{
  /* ======== BUILT-IN ESTIMATORS: one line each, `lb_estimator_register (LB_TYPE_X);` ======== */
  /* --- core --- */
  lb_estimator_register (LB_TYPE_PIPELINE);
  lb_estimator_register (LB_TYPE_COLUMN_TRANSFORMER);
  /* --- preprocessing (prep) --- */
  lb_estimator_register (LB_TYPE_SIMPLE_IMPUTER);
  lb_estimator_register (LB_TYPE_STANDARD_SCALER);
  lb_estimator_register (LB_TYPE_MIN_MAX_SCALER);
  lb_estimator_register (LB_TYPE_ONE_HOT_ENCODER);
  lb_estimator_register (LB_TYPE_ORDINAL_ENCODER);
  lb_estimator_register (LB_TYPE_POLYNOMIAL_FEATURES);
  lb_estimator_register (LB_TYPE_EXPRESSION_TRANSFORMER);
  lb_estimator_register (LB_TYPE_FUNCTION_TRANSFORMER);
  /* --- linear models (linear) --- */
  lb_estimator_register (LB_TYPE_LINEAR_REGRESSION);
  lb_estimator_register (LB_TYPE_GD_REGRESSOR);
  lb_estimator_register (LB_TYPE_RIDGE);
  lb_estimator_register (LB_TYPE_LASSO);
  lb_estimator_register (LB_TYPE_ELASTIC_NET);
  lb_estimator_register (LB_TYPE_SGD_CLASSIFIER);
  lb_estimator_register (LB_TYPE_SGD_REGRESSOR);
  lb_estimator_register (LB_TYPE_PERCEPTRON);
  /* --- classifiers, neighbours, baselines (classify) --- */
  lb_estimator_register (LB_TYPE_LOGISTIC_REGRESSION);
  lb_estimator_register (LB_TYPE_KNEIGHBORS_CLASSIFIER);
  lb_estimator_register (LB_TYPE_KNEIGHBORS_REGRESSOR);
  lb_estimator_register (LB_TYPE_DUMMY_CLASSIFIER);
  lb_estimator_register (LB_TYPE_DUMMY_REGRESSOR);
  /* --- ensembles and boosting (ensembles) --- */
  lb_estimator_register (LB_TYPE_VOTING_CLASSIFIER);
  lb_estimator_register (LB_TYPE_VOTING_REGRESSOR);
  lb_estimator_register (LB_TYPE_BAGGING_CLASSIFIER);
  lb_estimator_register (LB_TYPE_BAGGING_REGRESSOR);
  lb_estimator_register (LB_TYPE_ADABOOST_CLASSIFIER);
  lb_estimator_register (LB_TYPE_ADABOOST_REGRESSOR);
  lb_estimator_register (LB_TYPE_GRADIENT_BOOSTING_REGRESSOR);
  lb_estimator_register (LB_TYPE_GRADIENT_BOOSTING_CLASSIFIER);
  lb_estimator_register (LB_TYPE_STACKING_CLASSIFIER);
  lb_estimator_register (LB_TYPE_STACKING_REGRESSOR);
#ifdef LB_HAVE_XGBOOST
  lb_estimator_register (LB_TYPE_XGB_REGRESSOR);
  lb_estimator_register (LB_TYPE_XGB_CLASSIFIER);
#endif
  /* --- support vector machines (svm) --- */
  lb_estimator_register (LB_TYPE_SVC);
  lb_estimator_register (LB_TYPE_SVR);
  lb_estimator_register (LB_TYPE_LINEAR_SVC);
  lb_estimator_register (LB_TYPE_LINEAR_SVR);
  /* --- decision trees, random forests, extra-trees (trees) --- */
  lb_estimator_register (LB_TYPE_DECISION_TREE_CLASSIFIER);
  lb_estimator_register (LB_TYPE_DECISION_TREE_REGRESSOR);
  lb_estimator_register (LB_TYPE_RANDOM_FOREST_CLASSIFIER);
  lb_estimator_register (LB_TYPE_RANDOM_FOREST_REGRESSOR);
  lb_estimator_register (LB_TYPE_EXTRA_TREES_CLASSIFIER);
  lb_estimator_register (LB_TYPE_EXTRA_TREES_REGRESSOR);
  /* ======== end of the list ======== */
}

void
lb_estimators_register_builtin (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      register_all ();
      g_once_init_leave (&done, 1);
    }
}
