/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-stacking.c: StackingClassifier / StackingRegressor against
 * scikit-learn 1.2.1 on REFERENCE.md W7's moons and quadratic data: the same
 * un-shuffled (stratified) 5 folds give the same out-of-fold predictions, so
 * the blender learns the same coefficients. Also passthrough, nested
 * parameters, a model-file round trip.
 * Reference numbers: tests/engine/reference/ensembles-reference.py stacking.
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"
#include "lb-test-w7.h"

static LbEstimator *
make (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) spec = json_from_string (json, &error);
  LbEstimator *est;

  g_assert_no_error (error);
  est = lb_estimator_new_from_json (spec, &error);
  g_assert_no_error (error);
  return est;
}

#define CLASSIFIER(passthrough) \
  "{\"estimator\": \"StackingClassifier\", \"params\": {\"passthrough\": " passthrough ", \"estimators\": [" \
  " {\"name\": \"lr\", \"estimator\": \"LogisticRegression\"}," \
  " {\"name\": \"knn\", \"estimator\": \"KNeighborsClassifier\", \"params\": {\"n_neighbors\": 15}}]," \
  " \"final_estimator\": \"LogisticRegression\", \"cv\": 5}}"

static void
test_classifier_moons (void)
{
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) est = NULL, pass = NULL, back = NULL;
  g_autoptr(LbMatrix) proba = NULL, proba2 = NULL, pp = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) desc = NULL, state = NULL;
  JsonArray *coef;
  /* StackingClassifier([lr, knn15], final_estimator=LogisticRegression(), cv=5); the logistic
   * regressions stop ~1e-6 from scikit-learn's optimum (lbfgs tolerances): 1e-5 */
  static const double proba4[] = { 0.4077539699428886, 0.2344898544185579, 0.40094828062855287,
                                   0.9605806649632581 };

  if (!lb_w7_moons (&d))
    return;
  est = make (CLASSIFIER ("false"));
  g_assert_true (lb_estimator_fit (est, d.X_train, d.y_train, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (lb_w7_accuracy (est, d.X_test, d.y_test), ==, 0.88);
  proba = lb_estimator_predict_proba (est, d.X_test, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (LB_MATRIX_AT (proba, i, 1), proba4[i], 1e-5);
  desc = lb_estimator_describe_state (lb_stacking_get_final_estimator (LB_STACKING (est)));
  coef = json_object_get_array_member (json_node_get_object (desc), "coef");
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (coef, 0), 1.5169436148822775, 1e-4);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (coef, 1), 4.7476735986649174, 1e-4);

  pass = make (CLASSIFIER ("true"));
  g_assert_true (lb_estimator_fit (pass, d.X_train, d.y_train, NULL, &error));
  pp = lb_estimator_predict_proba (pass, d.X_test, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (LB_MATRIX_AT (pp, 0, 1), 0.4216458504207394, 1e-5);
  g_assert_cmpfloat_with_epsilon (LB_MATRIX_AT (pp, 1, 1), 0.22203423226082786, 1e-5);

  state = lb_estimator_save_state (est, &error);
  g_assert_no_error (error);
  back = lb_estimator_clone (est);
  g_assert_true (lb_estimator_load_state (back, state, &error));
  g_assert_no_error (error);
  proba2 = lb_estimator_predict_proba (back, d.X_test, &error);
  g_assert_cmpmem (lb_matrix_get_const_data (proba), 250 * sizeof (double),
                   lb_matrix_get_const_data (proba2), 250 * sizeof (double));

  /* nested parameters reach the members and the blender */
  g_assert_true (lb_estimator_set_param_string (est, "estimators.knn.n_neighbors", "5", &error));
  g_assert_true (lb_estimator_set_param_string (est, "final_estimator__C", "0.5", &error));
  g_assert_no_error (error);
  lb_w7_data_clear (&d);
}

static void
test_regressor_quadratic (void)
{
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) est = NULL;
  g_autoptr(LbMatrix) pred = NULL;
  g_autoptr(GError) error = NULL;
  double sum = 0.0;
  /* StackingRegressor([LinearRegression, KNeighborsRegressor(3)], final_estimator=Ridge(1.0), cv=5):
   * closed-form members and blender, 1e-10 */
  static const double pred4[] = { 0.19305981901760072, 0.21759508870118247, 0.018136109944452722,
                                  0.18201559345955012 };

  if (!lb_w7_quadratic (&d))
    return;
  est = make ("{\"estimator\": \"StackingRegressor\", \"params\": {\"estimators\": ["
              " {\"name\": \"lin\", \"estimator\": \"LinearRegression\"},"
              " {\"name\": \"knn\", \"estimator\": \"KNeighborsRegressor\", \"params\": {\"n_neighbors\": 3}}],"
              " \"cv\": 5}}");
  g_assert_true (lb_estimator_fit (est, d.X_train, d.y_train, NULL, &error));
  g_assert_no_error (error);
  pred = lb_estimator_predict (est, d.X_test, &error);
  for (guint i = 0; i < 25; i++)
    sum += lb_matrix_get_const_data (pred)[i];
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (lb_matrix_get_const_data (pred)[i], pred4[i], 1e-10);
  g_assert_cmpfloat_with_epsilon (sum, 6.548514572190286, 1e-9);
  lb_w7_data_clear (&d);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/StackingClassifier/moons", test_classifier_moons);
  g_test_add_func ("/learnbench/engine/StackingRegressor/quadratic", test_regressor_quadratic);
  return g_test_run ();
}
