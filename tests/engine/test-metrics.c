/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-metrics.c: lb-metrics.h against scikit-learn 1.2.1 and scipy 1.10.1.
 * Every expected number was printed by tests/engine/reference/metrics-reference.py
 * on the same arrays. The metrics are closed-form sums, so they must agree to
 * rounding: 1e-12 relative unless said otherwise.
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"
#include "lb-test-iris.h"

#define RTOL 1e-12

static void
assert_close (double got,
              double expected,
              double rtol)
{
  lb_test_assert_close (&got, &expected, 1, rtol, 1e-15);
}

/* --- regression --- */

static const double reg_true[] = { 3, -0.5, 2, 7, 4.2, 1.1 };
static const double reg_pred[] = { 2.5, 0.0, 2, 8, 3.9, 1.5 };

static void
test_regression (void)
{
  assert_close (lb_mean_squared_error (reg_true, reg_pred, 6), 0.2916666666666667, RTOL);
  assert_close (lb_root_mean_squared_error (reg_true, reg_pred, 6), 0.5400617248673217, RTOL);
  assert_close (lb_mean_absolute_error (reg_true, reg_pred, 6), 0.45, RTOL);
  assert_close (lb_median_absolute_error (reg_true, reg_pred, 6), 0.44999999999999996, RTOL);
  assert_close (lb_r2_score (reg_true, reg_pred, 6), 0.9486200822078684, RTOL);
  assert_close (lb_explained_variance_score (reg_true, reg_pred, 6), 0.9545410060677236, RTOL);
}

static void
test_r2_constant_target (void)
{
  const double t[] = { 2, 2, 2 }, exact[] = { 2, 2, 2 }, off[] = { 2, 3, 2 };

  /* scikit-learn's force_finite: 1 for a perfect fit, else 0 */
  g_assert_cmpfloat (lb_r2_score (t, exact, 3), ==, 1.0);
  g_assert_cmpfloat (lb_r2_score (t, off, 3), ==, 0.0);
}

/* --- classification from predictions --- */

static const double cls_true[] = { 0, 1, 2, 2, 1, 0, 1, 2, 0, 2, 1, 1 };
static const double cls_pred[] = { 0, 2, 2, 2, 1, 0, 0, 2, 1, 2, 1, 0 };

static void
test_multiclass (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) cm = NULL;
  const double cm_ref[] = { 2, 1, 0, 2, 2, 1, 0, 0, 4 };
  const struct { LbAverage avg; double p, r, f; } cases[] = {
    { LB_AVERAGE_MICRO, 0.6666666666666666, 0.6666666666666666, 0.6666666666666666 },
    { LB_AVERAGE_MACRO, 0.6555555555555556, 0.6888888888888888, 0.6534391534391535 },
    { LB_AVERAGE_WEIGHTED, 0.6694444444444444, 0.6666666666666666, 0.6474867724867726 },
  };

  assert_close (lb_accuracy_score (cls_true, cls_pred, 12), 0.6666666666666666, RTOL);
  assert_close (lb_balanced_accuracy_score (cls_true, cls_pred, 12, 3), 0.6888888888888888, RTOL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double p, r, f;

      g_assert_true (lb_precision_recall_f1 (cls_true, cls_pred, 12, 3, cases[i].avg, 1,
                                             &p, &r, &f, &error));
      g_assert_no_error (error);
      assert_close (p, cases[i].p, RTOL);
      assert_close (r, cases[i].r, RTOL);
      assert_close (f, cases[i].f, RTOL);
    }
  /* a fourth class absent from y_true and y_pred is not averaged (scikit-learn
   * averages over the labels present) */
  assert_close (lb_precision_score (cls_true, cls_pred, 12, 4, LB_AVERAGE_MACRO, &error),
                0.6555555555555556, RTOL);
  g_assert_no_error (error);

  cm = lb_confusion_matrix (cls_true, cls_pred, 12, 3);
  g_assert_cmpmem (lb_matrix_get_const_data (cm), sizeof cm_ref, cm_ref, sizeof cm_ref);

  /* binary averaging of a 3-class target is an error, as in scikit-learn */
  g_assert_true (isnan (lb_f1_score (cls_true, cls_pred, 12, 3, LB_AVERAGE_BINARY, &error)));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
}

/* --- binary scores (with ties) --- */

static const double bin_true[] = { 0, 0, 1, 1, 0, 1, 1, 0, 1, 0 };
static const double bin_score[] = { 0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.35, 0.2, 0.6, 0.7 };

static void
test_binary (void)
{
  g_autoptr (GError) error = NULL;
  double pred[10], p, r, f;

  for (guint i = 0; i < 10; i++)
    pred[i] = bin_score[i] > 0.5;
  g_assert_true (lb_precision_recall_f1 (bin_true, pred, 10, 2, LB_AVERAGE_BINARY, 1,
                                         &p, &r, &f, &error));
  g_assert_no_error (error);
  assert_close (p, 0.75, RTOL);
  assert_close (r, 0.6, RTOL);
  assert_close (f, 0.6666666666666665, RTOL);
}

static void
assert_curve (LbMatrix     *curve,
              const double *expected,
              gsize         n_rows)
{
  g_assert_nonnull (curve);
  g_assert_cmpuint (lb_matrix_get_n_rows (curve), ==, n_rows);
  g_assert_cmpuint (lb_matrix_get_n_cols (curve), ==, 3);
  for (gsize i = 0; i < n_rows * 3; i++)
    {
      double got = lb_matrix_get_const_data (curve)[i];

      if (isnan (expected[i]))
        g_assert_true (isnan (got));
      else
        assert_close (got, expected[i], RTOL);
    }
}

static void
test_roc_curve (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) roc = lb_roc_curve (bin_true, bin_score, 10, TRUE, &error);
  g_autoptr (LbMatrix) all = NULL;
  /* columns fpr, tpr, threshold; the first threshold is max + 1 (1.2.1) */
  const double expected[] = { 0.0, 0.0, 1.9, 0.0, 0.2, 0.9, 0.0, 0.4, 0.8, 0.2, 0.4, 0.7,
                              0.2, 0.6, 0.6, 0.6, 0.6, 0.4, 0.6, 1.0, 0.35, 1.0, 1.0, 0.1 };

  g_assert_no_error (error);
  assert_curve (roc, expected, 8);
  g_assert_cmpstr (lb_matrix_get_column_name (roc, 0), ==, "fpr");
  all = lb_roc_curve (bin_true, bin_score, 10, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_get_n_rows (all), ==, 9);
  assert_close (lb_roc_auc_score (bin_true, bin_score, 10, &error), 0.72, RTOL);
  g_assert_no_error (error);
}

static void
test_pr_curve (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) pr = lb_precision_recall_curve (bin_true, bin_score, 10, &error);
  /* columns precision, recall, threshold; the last row (1, 0) has no threshold */
  const double expected[] = { 0.5, 1.0, 0.1, 0.5555555555555556, 1.0, 0.2, 0.625, 1.0, 0.35,
                              0.5, 0.6, 0.4, 0.75, 0.6, 0.6, 0.6666666666666666, 0.4, 0.7,
                              1.0, 0.4, 0.8, 1.0, 0.2, 0.9, 1.0, 0.0, NAN };

  g_assert_no_error (error);
  assert_curve (pr, expected, 9);
  assert_close (lb_average_precision_score (bin_true, bin_score, 10, &error), 0.8, RTOL);
  g_assert_no_error (error);
}

static void
test_one_class_auc (void)
{
  const double t[] = { 1, 1, 1 }, s[] = { 0.2, 0.5, 0.9 };
  g_autoptr (GError) error = NULL;

  g_assert_true (isnan (lb_roc_auc_score (t, s, 3, &error)));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
}

/* --- probabilities --- */

static const double prob_true[] = { 0, 1, 2, 2, 1, 0 };
static const double prob[] = { 0.7, 0.2, 0.1, 0.1, 0.6, 0.3, 0.2, 0.2, 0.6,
                               0.0, 0.5, 0.5, 0.3, 0.3, 0.4, 0.5, 0.5, 0.0 };

static void
test_log_loss_and_ovr_auc (void)
{
  g_autoptr (LbMatrix) P = lb_matrix_new_from_data (6, 3, prob);
  g_autoptr (GError) error = NULL;

  /* the zero probabilities are clipped to DBL_EPSILON as scikit-learn's eps="auto" */
  assert_close (lb_log_loss (prob_true, P, &error), 0.6614322261527569, RTOL);
  g_assert_no_error (error);
  assert_close (lb_roc_auc_ovr_score (prob_true, P, &error), 0.9166666666666666, RTOL);
  g_assert_no_error (error);
}

/* --- Student t and the book's interval --- */

static void
test_student_t (void)
{
  const struct { double p, df, t; } ppf[] = {
    { 0.975, 1, 12.706204736432095 },
    { 0.975, 4127, 1.9605389676490623 },
    { 0.95, 10, 1.8124611228107335 },
    { 0.6, 3.5, 0.2732654540496292 },
    { 0.999, 2, 22.32712476997542 },
    { 1e-6, 5, -24.771029720535676 },
    { 0.5000001, 30, 2.5276002193917644e-07 },
  };
  const struct { double t, df, p; } cdf[] = {
    { -2.5, 3, 0.04385332350403277 },
    { 0.3, 7.5, 0.6138386707156109 },
    { 12.0, 2, 0.9965635331614208 },
  };

  /* scipy uses Boost's inverse incomplete beta; ours bisects to the last bit
   * of x, and t = sqrt(df (1 - x) / x) amplifies x's rounding: 1e-10 relative */
  for (guint i = 0; i < G_N_ELEMENTS (ppf); i++)
    assert_close (lb_student_t_ppf (ppf[i].p, ppf[i].df), ppf[i].t, 1e-10);
  for (guint i = 0; i < G_N_ELEMENTS (cdf); i++)
    assert_close (lb_student_t_cdf (cdf[i].t, cdf[i].df), cdf[i].p, 1e-12);
  g_assert_cmpfloat (lb_student_t_ppf (0.5, 3), ==, 0.0);
  g_assert_true (isinf (lb_student_t_ppf (1.0, 3)));
}

static void
test_rmse_interval (void)
{
  double yt[20], yp[20], lo, hi;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 20; i++)
    {
      yt[i] = i;
      yp[i] = i + 3 * sin ((double) i);
    }
  g_assert_true (lb_rmse_confidence_interval (yt, yp, 20, 0.95, &lo, &hi, &error));
  g_assert_no_error (error);
  assert_close (lo, 1.6448270782964352, 1e-10);
  assert_close (hi, 2.410774915975301, 1e-10);
  g_assert_false (lb_rmse_confidence_interval (yt, yp, 1, 0.95, &lo, &hi, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
}

/* --- scorers by name --- */

static void
test_scorer_names (void)
{
  g_autoptr (LbMatrix) yt = lb_matrix_new_from_data (6, 1, reg_true);
  g_autoptr (LbMatrix) yp = lb_matrix_new_from_data (6, 1, reg_pred);
  g_autoptr (LbMatrix) ct = lb_matrix_new_from_data (12, 1, cls_true);
  g_autoptr (LbMatrix) cp = lb_matrix_new_from_data (12, 1, cls_pred);
  g_autoptr (GError) error = NULL;

  g_assert_true (lb_scoring_is_known ("neg_root_mean_squared_error"));
  g_assert_false (lb_scoring_is_known ("mean_squared_error"));
  g_assert_true (lb_scoring_greater_is_better ("neg_mean_squared_error"));
  g_assert_false (lb_scoring_greater_is_better ("rmse"));
  g_assert_cmpint (lb_scoring_get_needs ("roc_auc"), ==, LB_SCORER_NEEDS_THRESHOLD);
  g_assert_cmpint (lb_scoring_get_needs ("neg_log_loss"), ==, LB_SCORER_NEEDS_PROBA);
  for (const char * const *n = lb_scoring_list_names (); *n != NULL; n++)
    g_assert_true (lb_scoring_is_known (*n));

  /* the neg_ scorers are minus the error */
  assert_close (lb_score_outputs ("neg_mean_squared_error", yt, yp, 0, &error),
                -0.2916666666666667, RTOL);
  assert_close (lb_score_outputs ("neg_root_mean_squared_error", yt, yp, 0, &error),
                -0.5400617248673217, RTOL);
  assert_close (lb_score_outputs ("rmse", yt, yp, 0, &error), 0.5400617248673217, RTOL);
  assert_close (lb_score_outputs ("r2", yt, yp, 0, &error), 0.9486200822078684, RTOL);
  assert_close (lb_score_outputs ("f1_macro", ct, cp, 3, &error), 0.6534391534391535, RTOL);
  assert_close (lb_score_outputs ("precision_weighted", ct, cp, 3, &error), 0.6694444444444444, RTOL);
  g_assert_no_error (error);

  g_assert_true (isnan (lb_score_outputs ("accuracy_typo", ct, cp, 3, &error)));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN);
}

static void
test_score_estimator (void)
{
  g_autoptr (LbMatrix) X = lb_test_iris_X (0, 3);
  g_autoptr (LbMatrix) y = lb_test_iris_y ();
  g_autoptr (LbMatrix) yv = lb_test_iris_y_is (2);
  g_autoptr (LbEstimator) dummy = lb_dummy_regressor_new ();
  g_autoptr (LbEstimator) logreg = lb_logistic_regression_new ();
  g_autoptr (GError) error = NULL;
  double auc_threshold, auc_proba;
  g_autoptr (LbMatrix) proba = NULL;

  /* DummyRegressor(mean) on petal width: neg MSE = -var(petal width), R² = 0 */
  {
    g_autoptr (LbMatrix) target = lb_test_iris_X (3, 3);
    double mean = 0, var = 0;

    for (guint i = 0; i < 150; i++)
      mean += lb_matrix_get_const_data (target)[i] / 150;
    for (guint i = 0; i < 150; i++)
      var += pow (lb_matrix_get_const_data (target)[i] - mean, 2) / 150;
    g_assert_true (lb_estimator_fit (dummy, X, target, NULL, &error));
    assert_close (lb_score_by_name ("neg_mean_squared_error", dummy, X, target, &error), -var, 1e-12);
    assert_close (lb_score_by_name (NULL, dummy, X, target, &error), 0.0, 0);
    g_assert_no_error (error);
    /* a classification scorer on a regressor is refused */
    g_assert_true (isnan (lb_score_by_name ("accuracy", dummy, X, target, &error)));
    g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
    g_clear_error (&error);
  }

  /* roc_auc from decision_function equals the AUC of predict_proba[:, 1] */
  g_assert_true (lb_estimator_fit (logreg, X, yv, NULL, &error));
  auc_threshold = lb_score_by_name ("roc_auc", logreg, X, yv, &error);
  g_assert_no_error (error);
  proba = lb_estimator_predict_proba (logreg, X, &error);
  auc_proba = lb_score_outputs ("roc_auc", yv, proba, 2, &error);
  g_assert_no_error (error);
  assert_close (auc_threshold, auc_proba, 1e-12);
  g_assert_cmpfloat (auc_threshold, >, 0.99);

  /* a model fitted on versicolor/virginica only (its codes 0, 1 are y's 1, 2):
   * scored through the class names, and setosa (never seen) counts as wrong */
  {
    guint rows[100];
    g_autoptr (LbMatrix) X2 = NULL, y2 = NULL;
    g_autoptr (LbEstimator) dummy_clf = lb_dummy_classifier_new ();
    double acc2, acc_all, f1;

    for (guint i = 0; i < 100; i++)
      rows[i] = 50 + i;
    X2 = lb_matrix_take_rows (X, rows, 100);
    y2 = lb_matrix_take_rows (y, rows, 100);
    g_assert_true (lb_estimator_fit (dummy_clf, X2, y2, NULL, &error));
    /* prior strategy, a 50/50 tie: always the first class, versicolor */
    acc2 = lb_score_by_name ("accuracy", dummy_clf, X2, y2, &error);
    acc_all = lb_score_by_name ("accuracy", dummy_clf, X, y, &error);
    /* macro F1 over setosa (never predicted: 0), versicolor (P 1/3, R 1: 0.5),
     * virginica (0): 1/6, as scikit-learn's f1_score(average="macro") */
    f1 = lb_score_by_name ("f1_macro", dummy_clf, X, y, &error);
    g_assert_no_error (error);
    assert_close (acc2, 0.5, RTOL);
    assert_close (acc_all, 1.0 / 3.0, RTOL);
    assert_close (f1, 1.0 / 6.0, RTOL);
    g_assert_true (isnan (lb_score_by_name ("neg_log_loss", dummy_clf, X, y, &error)));
    g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
    g_clear_error (&error);
  }

  /* roc_auc on 3 classes is refused (use roc_auc_ovr), as scikit-learn */
  g_assert_true (lb_estimator_fit (logreg, X, y, NULL, &error));
  g_assert_true (isnan (lb_score_by_name ("roc_auc", logreg, X, y, &error)));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);
  g_assert_cmpfloat (lb_score_by_name ("roc_auc_ovr", logreg, X, y, &error), >, 0.99);
  g_assert_cmpfloat (lb_score_by_name ("neg_log_loss", logreg, X, y, &error), <, 0.0);
  g_assert_no_error (error);
}

/* get_scorer(name)(pipeline, X, y) of scikit-learn on a fitted
 * StandardScaler → LogisticRegression() pipeline (metrics-reference.py) */
static void
test_scorers_on_pipeline (void)
{
  g_autoptr (LbMatrix) X = lb_test_iris_X (0, 3);
  g_autoptr (LbMatrix) y = lb_test_iris_y ();
  g_autoptr (LbPipeline) pipe = lb_pipeline_new ();
  g_autoptr (GError) error = NULL;
  const struct { const char *name; double expected, rtol; } cases[] = {
    /* label scorers: the same predictions give the same ratios */
    { "accuracy", 0.9733333333333334, 1e-12 },
    { "f1_macro", 0.9733226623982927, 1e-12 },
    { "precision_weighted", 0.9738247863247864, 1e-12 },
    /* log loss moves with the coefficients; both lbfgs runs stop within
     * tol 1e-4 of the minimiser, where the loss is flat to second order
     * (measured: equal to 1e-16): 1e-9 relative */
    { "neg_log_loss", -0.1295422131138184, 1e-9 },
    { "roc_auc_ovr", 0.9984666666666667, 1e-12 },
  };

  lb_estimators_register_builtin ();
  g_assert_true (lb_pipeline_append (pipe, "scale", lb_estimator_new_by_name ("StandardScaler", &error), &error));
  g_assert_true (lb_pipeline_append (pipe, "clf", lb_logistic_regression_new (), &error));
  g_assert_true (lb_estimator_fit (LB_ESTIMATOR (pipe), X, y, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double v = lb_score_by_name (cases[i].name, LB_ESTIMATOR (pipe), X, y, &error);

      g_assert_no_error (error);
      assert_close (v, cases[i].expected, cases[i].rtol);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/metrics/regression", test_regression);
  g_test_add_func ("/learnbench/engine/metrics/r2-constant-target", test_r2_constant_target);
  g_test_add_func ("/learnbench/engine/metrics/multiclass", test_multiclass);
  g_test_add_func ("/learnbench/engine/metrics/binary", test_binary);
  g_test_add_func ("/learnbench/engine/metrics/roc-curve", test_roc_curve);
  g_test_add_func ("/learnbench/engine/metrics/pr-curve", test_pr_curve);
  g_test_add_func ("/learnbench/engine/metrics/one-class-auc", test_one_class_auc);
  g_test_add_func ("/learnbench/engine/metrics/log-loss-ovr-auc", test_log_loss_and_ovr_auc);
  g_test_add_func ("/learnbench/engine/metrics/student-t", test_student_t);
  g_test_add_func ("/learnbench/engine/metrics/rmse-interval", test_rmse_interval);
  g_test_add_func ("/learnbench/engine/metrics/scorer-names", test_scorer_names);
  g_test_add_func ("/learnbench/engine/metrics/score-estimator", test_score_estimator);
  g_test_add_func ("/learnbench/engine/metrics/scorers-on-pipeline", test_scorers_on_pipeline);
  return g_test_run ();
}
