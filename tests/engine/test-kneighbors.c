/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-kneighbors.c: KNeighborsClassifier / KNeighborsRegressor against
 * scikit-learn 1.2.1 on iris at 8 probe points chosen without ties at the k-th
 * place (tests/engine/reference/kneighbors-reference.py prints every number).
 * Distances come from the same dot-product formula, so they agree to a few
 * ulps of the squared distance: 1e-12 relative on probabilities and means.
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"
#include "lb-test-iris.h"

static const double probes[] = {
  5.5, 4.8, 1.4, 0.2, 4.2, 2.6, 1.3, 0.5, 5.8, 3.8, 6.7, 2.4, 6.4, 2.3, 4.9, 2.1,
  4.0, 3.3, 1.0, 0.1, 5.7, 3.3, 5.0, 1.6, 5.0, 3.7, 1.1, 1.0, 6.4, 3.1, 5.3, 1.8,
};

static LbEstimator *
fit_knn (GType       type,
         LbMatrix   *X,
         LbMatrix   *y,
         const char *k,
         const char *weights,
         const char *p)
{
  g_autoptr (GError) error = NULL;
  LbEstimator *est = g_object_new (type, NULL);

  g_assert_true (lb_estimator_set_param_string (est, "n_neighbors", k, &error));
  g_assert_true (lb_estimator_set_param_string (est, "weights", weights, &error));
  g_assert_true (lb_estimator_set_param_string (est, "p", p, &error));
  g_assert_true (lb_estimator_fit (est, X, y, NULL, &error));
  g_assert_no_error (error);
  return est;
}

static void
test_classifier (void)
{
  g_autoptr (LbMatrix) X = lb_test_iris_X (0, 3);
  g_autoptr (LbMatrix) y = lb_test_iris_y ();
  g_autoptr (LbMatrix) P = lb_matrix_new_from_data (8, 4, probes);
  const struct { const char *k, *w, *p; double pred[8]; double proba[24]; } cases[] = {
    { "5", "uniform", "2", { 0, 0, 2, 2, 0, 2, 0, 2 },
      { 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.2, 0.8, 1, 0, 0, 0, 0.4, 0.6, 1, 0, 0, 0, 0, 1 } },
    { "5", "distance", "2", { 0, 0, 2, 2, 0, 2, 0, 2 },
      { 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.1569092767097727, 0.8430907232902274, 1, 0, 0,
        0, 0.42080702077718923, 0.5791929792228109, 1, 0, 0, 0, 0, 1 } },
    { "3", "uniform", "1", { 0, 0, 2, 2, 0, 1, 0, 2 },
      { 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.3333333333333333, 0.6666666666666666, 1, 0, 0,
        0, 0.6666666666666666, 0.3333333333333333, 1, 0, 0, 0, 0, 1 } },
    { "7", "distance", "2", { 0, 0, 2, 2, 0, 2, 0, 2 },
      { 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.12333708578313743, 0.8766629142168626, 1, 0, 0,
        0, 0.4442571150228275, 0.5557428849771725, 1, 0, 0, 0, 0.09572847294622193,
        0.9042715270537781 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (LbEstimator) est = fit_knn (LB_TYPE_KNEIGHBORS_CLASSIFIER, X, y,
                                             cases[c].k, cases[c].w, cases[c].p);
      g_autoptr (GError) error = NULL;
      g_autoptr (LbMatrix) pred = lb_estimator_predict (est, P, &error);
      g_autoptr (LbMatrix) proba = lb_estimator_predict_proba (est, P, &error);

      g_assert_no_error (error);
      g_assert_cmpmem (lb_matrix_get_const_data (pred), 8 * sizeof (double),
                       cases[c].pred, 8 * sizeof (double));
      lb_test_assert_close (lb_matrix_get_const_data (proba), cases[c].proba, 24, 1e-12, 1e-15);
    }
}

static void
test_kneighbors (void)
{
  g_autoptr (LbMatrix) X = lb_test_iris_X (0, 3);
  g_autoptr (LbMatrix) y = lb_test_iris_y ();
  g_autoptr (LbMatrix) P = lb_matrix_new_from_data (8, 4, probes);
  g_autoptr (LbEstimator) est = fit_knn (LB_TYPE_KNEIGHBORS_CLASSIFIER, X, y, "5", "uniform", "2");
  g_autoptr (LbMatrix) dist = NULL, ind = NULL;
  g_autoptr (GError) error = NULL;
  const double dist_ref[] = {
    0.49999999999999967, 0.5999999999999996, 0.7745966692414835, 0.877496438739212, 0.9327379053088813,
    0.46904157598234303, 0.4795831523312719, 0.5385164807134504, 0.6082762530298219, 0.7000000000000002,
    1.0, 1.272792206135786, 1.407124727947029, 1.4177446878757822, 1.4212670403551895,
    0.3162277660168382, 0.5099019513592788, 0.6, 0.62449979983984, 0.6403124237432851,
    0.4358898943540671, 0.5196152422706635, 0.5916079783099618, 0.6782329983125266, 0.7000000000000001,
    0.360555127546399, 0.4242640687119284, 0.5099019513592783, 0.5477225575051656, 0.5916079783099616,
    0.670820393249937, 0.7280109889280517, 0.7549834435270749, 0.7745966692414834, 0.7937253933193771,
    0.20000000000000018, 0.24494897427831785, 0.2645751311064588, 0.31622776601683794, 0.3741657386773942 };
  const double ind_ref[] = { 15, 33, 32, 14, 16, 41, 8, 38, 13, 42, 100, 136, 104, 143, 148,
                             146, 123, 111, 126, 72, 13, 42, 38, 22, 8, 70, 149, 138, 127, 85,
                             43, 21, 40, 16, 17, 137, 116, 147, 110, 103 };

  g_assert_true (lb_kneighbors_classifier_kneighbors (LB_KNEIGHBORS_CLASSIFIER (est), P,
                                                      &dist, &ind, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (lb_matrix_get_const_data (ind), sizeof ind_ref, ind_ref, sizeof ind_ref);
  /* d² = ||x||² - 2x·y + ||y||² cancels: a few 1e-16 absolute on d², so 1e-12
   * relative on d at these sizes */
  lb_test_assert_close (lb_matrix_get_const_data (dist), dist_ref, 40, 1e-12, 1e-14);
}

static void
test_regressor (void)
{
  g_autoptr (LbMatrix) X = lb_test_iris_X (0, 2);
  g_autoptr (LbMatrix) y = lb_test_iris_X (3, 3);
  const guint cols[] = { 0, 1, 2 };
  g_autoptr (LbMatrix) P4 = lb_matrix_new_from_data (8, 4, probes);
  g_autoptr (LbMatrix) P = lb_matrix_take_cols (P4, cols, 3);
  g_autoptr (LbEstimator) uniform = fit_knn (LB_TYPE_KNEIGHBORS_REGRESSOR, X, y, "3", "uniform", "2");
  g_autoptr (LbEstimator) distance = fit_knn (LB_TYPE_KNEIGHBORS_REGRESSOR, X, y, "5", "distance", "2");
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) pu = lb_estimator_predict (uniform, P, &error);
  g_autoptr (LbMatrix) pd = lb_estimator_predict (distance, P, &error);
  const double ref_u[] = { 0.23333333333333336, 0.2333333333333333, 2.3666666666666667,
                           1.7333333333333334, 0.16666666666666666, 1.8, 0.19999999999999998,
                           2.033333333333333 };
  const double ref_d[] = { 0.27116629618490473, 0.2015853057658303, 2.3529897149333907,
                           1.6521085876735595, 0.17423566609253885, 1.8960360525983795,
                           0.22120468258756473, 2.04089723749632 };
  const guint row10[] = { 10 };
  g_autoptr (LbMatrix) X10 = lb_matrix_take_rows (X, row10, 1);
  g_autoptr (LbMatrix) p10 = NULL;

  g_assert_no_error (error);
  lb_test_assert_close (lb_matrix_get_const_data (pu), ref_u, 8, 1e-12, 0);
  /* probe 5 has a tie between its 5th and 6th neighbours (0.5196…): skipped */
  for (guint i = 0; i < 8; i++)
    if (i != 5)
      lb_test_assert_close (lb_matrix_get_const_data (pd) + i, ref_d + i, 1, 1e-12, 0);
  /* a training row itself: distance 0 takes all the weight */
  p10 = lb_estimator_predict (distance, X10, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (lb_matrix_get_const_data (p10)[0], ==, 0.2);
}

static void
test_errors (void)
{
  g_autoptr (LbMatrix) X = lb_test_iris_X (0, 3);
  g_autoptr (LbMatrix) y = lb_test_iris_y ();
  g_autoptr (LbMatrix) X2 = lb_test_iris_X (0, 1);
  g_autoptr (LbMatrix) P = lb_matrix_new_from_data (8, 4, probes);
  g_autoptr (LbEstimator) est = fit_knn (LB_TYPE_KNEIGHBORS_CLASSIFIER, X, y, "151", "uniform", "2");
  g_autoptr (LbEstimator) est2 = fit_knn (LB_TYPE_KNEIGHBORS_CLASSIFIER, X, y, "5", "uniform", "2");
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) out = NULL;

  /* more neighbours than training samples: refused at predict, as scikit-learn */
  out = lb_estimator_predict (est, P, &error);
  g_assert_null (out);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);
  out = lb_estimator_predict (est2, X2, &error);
  g_assert_null (out);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (lb_estimator_set_param_string (est2, "n_neighbors", "0", &error));
  g_assert_nonnull (error);
}

static void
test_state (void)
{
  g_autoptr (LbMatrix) X = lb_test_iris_X (0, 3);
  g_autoptr (LbMatrix) y = lb_test_iris_y ();
  g_autoptr (LbMatrix) P = lb_matrix_new_from_data (8, 4, probes);
  g_autoptr (LbEstimator) est = fit_knn (LB_TYPE_KNEIGHBORS_CLASSIFIER, X, y, "5", "distance", "2");
  LbEstimatorClass *klass = LB_ESTIMATOR_GET_CLASS (est);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) state = klass->save_state (est, &error);
  g_autoptr (LbEstimator) copy = lb_kneighbors_classifier_new ();
  g_autoptr (LbMatrix) a = NULL, b = NULL;

  g_assert_true (klass->load_state (copy, state, &error));
  g_assert_no_error (error);
  /* the copy has no classes until the model file sets them: compare neighbours */
  g_assert_true (lb_kneighbors_classifier_kneighbors (LB_KNEIGHBORS_CLASSIFIER (est), P, &a, NULL, &error));
  g_assert_true (lb_kneighbors_classifier_kneighbors (LB_KNEIGHBORS_CLASSIFIER (copy), P, &b, NULL, &error));
  g_assert_cmpmem (lb_matrix_get_const_data (a), 40 * sizeof (double),
                   lb_matrix_get_const_data (b), 40 * sizeof (double));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/KNeighborsClassifier/iris", test_classifier);
  g_test_add_func ("/learnbench/engine/KNeighborsClassifier/kneighbors", test_kneighbors);
  g_test_add_func ("/learnbench/engine/KNeighborsClassifier/errors", test_errors);
  g_test_add_func ("/learnbench/engine/KNeighborsClassifier/state", test_state);
  g_test_add_func ("/learnbench/engine/KNeighborsRegressor/iris", test_regressor);
  return g_test_run ();
}
