/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-dummy.c: DummyRegressor / DummyClassifier against scikit-learn 1.2.1
 * on iris (tests/engine/reference/kneighbors-reference.py prints the numbers)
 * and, for the random strategies, against their defining frequencies.
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"
#include "lb-test-iris.h"

static void
test_regressor (void)
{
  g_autoptr (LbMatrix) X = lb_test_iris_X (0, 2);
  g_autoptr (LbMatrix) y = lb_test_iris_X (3, 3);
  const struct { const char *strategy, *param, *value; double expected; } cases[] = {
    /* mean / numpy median / numpy percentile 90 of petal width */
    { "mean", NULL, NULL, 1.1993333333333336 },
    { "median", NULL, NULL, 1.3 },
    { "quantile", "quantile", "0.9", 2.2 },
    { "constant", "constant", "-4.5", -4.5 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (LbEstimator) est = lb_dummy_regressor_new ();
      g_autoptr (GError) error = NULL;
      g_autoptr (LbMatrix) pred = NULL;

      g_assert_true (lb_estimator_set_param_string (est, "strategy", cases[c].strategy, &error));
      if (cases[c].param != NULL)
        g_assert_true (lb_estimator_set_param_string (est, cases[c].param, cases[c].value, &error));
      g_assert_true (lb_estimator_fit (est, X, y, NULL, &error));
      g_assert_no_error (error);
      pred = lb_estimator_predict (est, X, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (lb_matrix_get_n_rows (pred), ==, 150);
      /* a mean of 150 values: 1e-14 relative; the others are exact data values */
      for (guint i = 0; i < 150; i++)
        lb_test_assert_close (lb_matrix_get_const_data (pred) + i, &cases[c].expected, 1, 1e-14, 0);
    }
}

static void
test_classifier_prior (void)
{
  g_autoptr (LbMatrix) X3 = lb_test_iris_X (0, 3);
  g_autoptr (LbMatrix) y3 = lb_test_iris_y ();
  guint rows[120];
  g_autoptr (LbMatrix) X = NULL, y = NULL, proba = NULL;
  g_autoptr (LbEstimator) est = lb_dummy_classifier_new ();
  g_autoptr (GError) error = NULL;
  const double prior[] = { 0.4166666666666667, 0.4166666666666667, 0.16666666666666666 };

  /* the first 120 rows: 50 setosa, 50 versicolor, 20 virginica */
  for (guint i = 0; i < 120; i++)
    rows[i] = i;
  X = lb_matrix_take_rows (X3, rows, 120);
  y = lb_matrix_take_rows (y3, rows, 120);
  g_assert_true (lb_estimator_fit (est, X, y, NULL, &error));
  g_assert_no_error (error);
  lb_test_assert_close (lb_dummy_classifier_get_class_prior (LB_DUMMY_CLASSIFIER (est)), prior, 3, 1e-15, 0);
  proba = lb_estimator_predict_proba (est, X, &error);
  g_assert_no_error (error);
  lb_test_assert_close (lb_matrix_get_const_data (proba) + 3 * 7, prior, 3, 1e-15, 0);
  /* most frequent with a tie: the first class (numpy's argmax) → accuracy 50/120 */
  g_assert_cmpfloat (lb_score_by_name ("accuracy", est, X, y, &error), ==, 0.4166666666666667);
  g_assert_no_error (error);
}

static void
test_classifier_random (void)
{
  g_autoptr (LbMatrix) X0 = lb_test_iris_X (0, 0);
  g_autoptr (LbMatrix) y0 = lb_test_iris_y ();
  g_autoptr (GError) error = NULL;
  /* 150 rows repeated 200 times = 30 000 draws, a third of each class */
  guint *rows = g_new (guint, 30000);
  g_autoptr (LbMatrix) X = NULL, y = NULL;

  for (guint i = 0; i < 30000; i++)
    rows[i] = i % 150;
  X = lb_matrix_take_rows (X0, rows, 30000);
  y = lb_matrix_take_rows (y0, rows, 30000);
  g_free (rows);

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr (LbEstimator) est = lb_dummy_classifier_new ();
      g_autoptr (LbMatrix) p1 = NULL, p2 = NULL;
      double counts[3] = { 0 };

      g_assert_true (lb_estimator_set_param_string (est, "strategy", s == 0 ? "stratified" : "uniform", &error));
      g_assert_true (lb_estimator_fit (est, X, y, NULL, &error));
      p1 = lb_estimator_predict (est, X, &error);
      p2 = lb_estimator_predict (est, X, &error);
      g_assert_no_error (error);
      /* the same draws on every call (an int random_state) */
      g_assert_cmpmem (lb_matrix_get_const_data (p1), 30000 * sizeof (double),
                       lb_matrix_get_const_data (p2), 30000 * sizeof (double));
      for (guint i = 0; i < 30000; i++)
        counts[(guint) lb_matrix_get_const_data (p1)[i]] += 1;
      /* each class has p = 1/3: binomial sd = sqrt(30000·(1/3)(2/3)) = 81.6;
       * 5 sd (408) fails by chance with probability < 1e-6 */
      for (guint c = 0; c < 3; c++)
        g_assert_cmpfloat (fabs (counts[c] - 10000), <, 408);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/DummyRegressor/strategies", test_regressor);
  g_test_add_func ("/learnbench/engine/DummyClassifier/prior", test_classifier_prior);
  g_test_add_func ("/learnbench/engine/DummyClassifier/random", test_classifier_random);
  return g_test_run ();
}
