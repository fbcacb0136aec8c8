/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-cross-validate.c: cross_validate / cross_val_predict and LbCvResult
 * against scikit-learn 1.2.1 (numbers from tests/engine/reference/select-cv.py,
 * synthetic data exact in binary so both sides see the same matrix), the W2
 * housing 10-fold CV RMSEs of ../shared/reference, parallel == serial, the
 * per-fold callback and cancellation.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-cross-validate.h"
#include "lb-test-util.h"
#include "lb-test-iris.h"

/* LinearRegression is least squares through LAPACK's dgelsd on both sides
 * (scipy.linalg.lstsq there); on this well-conditioned 37 x 3 problem the
 * scores agree to ~1e-13 — 1e-9 relative leaves room for BLAS summation order. */
#define CV_RTOL 1e-9

static void
assert_close (double got,
              double want,
              double rtol)
{
  if (!(fabs (got - want) <= rtol * fabs (want)))
    g_error ("got %.17g, want %.17g (rtol %g)", got, want, rtol);
}

/* select-cv.py's data: x1 = (7i mod 13)/4, x2 = (i² mod 11)/8, x3 = (3i mod 5)/2,
 * y = 1.5 x1 - 2 x2 + 0.25 x3 + ((5i) mod 7)/10, i = 0..36. */
static void
make_data (LbMatrix **X,
           LbMatrix **y)
{
  *X = lb_matrix_new (37, 3);
  *y = lb_matrix_new (37, 1);
  for (int i = 0; i < 37; i++)
    {
      double x1 = (7 * i % 13) / 4.0, x2 = (i * i % 11) / 8.0, x3 = (3 * i % 5) / 2.0;

      LB_MATRIX_AT (*X, i, 0) = x1;
      LB_MATRIX_AT (*X, i, 1) = x2;
      LB_MATRIX_AT (*X, i, 2) = x3;
      LB_MATRIX_AT (*y, i, 0) = 1.5 * x1 - 2 * x2 + 0.25 * x3 + (5 * i % 7) / 10.0;
    }
}

static LbEstimator *
new_estimator (const char *name)
{
  g_autoptr(GError) error = NULL;
  LbEstimator *est;

  lb_estimators_register_builtin ();
  est = lb_estimator_new_by_name (name, &error);
  g_assert_no_error (error);
  return est;
}

/* cross_validate(LinearRegression(), X, y, cv=KFold(5),
 *                scoring="neg_mean_squared_error", return_train_score=True) */
static void
test_linear_kfold (void)
{
  static const double test_ref[] = { -0.04876963043077845, -0.0457677377817869, -0.04252166228550734,
                                     -0.05416633961129248, -0.04649454687934233 };
  static const double train_ref[] = { -0.03899131319719039, -0.04022915118776387, -0.041278802902057286,
                                      -0.03973922919836869, -0.040277445426570864 };
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) est = new_estimator ("LinearRegression");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (5, FALSE, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCvResult) res = NULL;
  g_autoptr(JsonNode) json = NULL;

  make_data (&X, &y);
  res = lb_cross_validate (est, X, y, cv, "neg_mean_squared_error", LB_CV_RETURN_TRAIN_SCORE,
                           NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_cv_result_get_n_folds (res), ==, 5);
  g_assert_cmpstr (lb_cv_result_get_scoring (res), ==, "neg_mean_squared_error");
  for (guint f = 0; f < 5; f++)
    {
      assert_close (lb_cv_result_get_test_score (res, f), test_ref[f], CV_RTOL);
      assert_close (lb_cv_result_get_train_score (res, f), train_ref[f], CV_RTOL);
      g_assert_cmpfloat (lb_cv_result_get_fit_seconds (res)[f], >=, 0.0);
    }
  /* numpy: mean -0.047543983397741504, std (ddof 0) 0.0038687953504286123 */
  assert_close (lb_cv_result_get_mean_test (res), -0.047543983397741504, CV_RTOL);
  assert_close (lb_cv_result_get_std_test (res), 0.0038687953504286123, 1e-7);
  g_assert_false (lb_estimator_is_fitted (est));   /* folds fit clones */

  json = lb_cv_result_to_json (res);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json),
                                                                        "test_scores")), ==, 5);
  g_assert_true (json_object_has_member (json_node_get_object (json), "train_scores"));
}

/* cross_validate(..., scoring="r2") (default scorer of a regressor too) */
static void
test_default_scoring (void)
{
  static const double ref[] = { 0.9708586574463056, 0.9879543725869376, 0.9851350703040863,
                                0.9736586875649729, 0.9849774054575784 };
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) est = new_estimator ("LinearRegression");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (5, FALSE, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCvResult) res = NULL;

  make_data (&X, &y);
  res = lb_cross_validate (est, X, y, cv, NULL, LB_CV_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_cv_result_get_scoring (res), ==, "r2");
  g_assert_false (lb_cv_result_has_train_scores (res));
  g_assert_true (isnan (lb_cv_result_get_train_score (res, 0)));
  for (guint f = 0; f < 5; f++)
    assert_close (lb_cv_result_get_test_score (res, f), ref[f], CV_RTOL);
}

typedef struct
{
  guint calls;
  guint last_done;
  guint seen_mask;
} FoldLog;

static void
on_fold (const LbCvFold *fold,
         gpointer        user_data)
{
  FoldLog *log = user_data;

  log->calls++;
  log->last_done = fold->n_done;
  log->seen_mask |= 1u << fold->fold;
  g_assert_cmpuint (fold->n_folds, ==, 10);
  g_assert_cmpuint (fold->n_test, ==, fold->fold < 7 ? 4 : 3);
  g_assert_false (isnan (fold->test_score));
}

/* The same folds on 1 and 2 threads give bit-identical scores; the callback
 * sees every fold once. SGD (seeded per fold from the context) checks that
 * random streams do not depend on the thread count either. */
static void
test_parallel_equals_serial (void)
{
  const char *names[] = { "LinearRegression", "SGDRegressor" };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autoptr(LbMatrix) X = NULL, y = NULL;
      g_autoptr(LbEstimator) est = new_estimator (names[k]);
      g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (10, FALSE, 0);
      g_autoptr(LbFitContext) serial = lb_fit_context_new ();
      g_autoptr(LbFitContext) parallel = lb_fit_context_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(LbCvResult) a = NULL, b = NULL;
      FoldLog log = { 0 };

      make_data (&X, &y);
      lb_fit_context_set_n_threads (parallel, 2);
      a = lb_cross_validate (est, X, y, cv, "neg_root_mean_squared_error", LB_CV_RETURN_TRAIN_SCORE,
                             NULL, NULL, serial, &error);
      g_assert_no_error (error);
      b = lb_cross_validate (est, X, y, cv, "neg_root_mean_squared_error", LB_CV_RETURN_TRAIN_SCORE,
                             on_fold, &log, parallel, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (lb_cv_result_get_test_scores (a), 10 * sizeof (double),
                       lb_cv_result_get_test_scores (b), 10 * sizeof (double));
      g_assert_cmpmem (lb_cv_result_get_train_scores (a), 10 * sizeof (double),
                       lb_cv_result_get_train_scores (b), 10 * sizeof (double));
      g_assert_cmpuint (log.calls, ==, 10);
      g_assert_cmpuint (log.last_done, ==, 10);
      g_assert_cmpuint (log.seen_mask, ==, 0x3ff);
    }
}

static void
test_errors_and_cancel (void)
{
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbMatrix) short_y = lb_matrix_new (5, 1);
  g_autoptr(LbEstimator) est = new_estimator ("LinearRegression");
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  LbCvResult *res;

  make_data (&X, &y);
  res = lb_cross_validate (est, X, y, NULL, "neg_made_up_error", 0, NULL, NULL, NULL, &error);
  g_assert_null (res);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_nonnull (strstr (error->message, "neg_made_up_error"));
  g_clear_error (&error);

  res = lb_cross_validate (est, X, short_y, NULL, NULL, 0, NULL, NULL, NULL, &error);
  g_assert_null (res);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  lb_fit_context_set_cancellable (ctx, cancellable);
  lb_fit_context_set_n_threads (ctx, 2);
  res = lb_cross_validate (est, X, y, NULL, NULL, 0, NULL, NULL, ctx, &error);
  g_assert_null (res);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
cancel_after_first (const LbCvFold *fold,
                    gpointer        user_data)
{
  g_cancellable_cancel (user_data);
}

/* Cancelling while the folds run stops before the next fold; a fold whose
 * training rows hold one class fails with the fold named. */
static void
test_cancel_midway_and_fold_error (void)
{
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbMatrix) y2 = lb_matrix_new (20, 1);
  g_autoptr(LbMatrix) X2 = lb_matrix_new (20, 1);
  g_autoptr(LbEstimator) lin = new_estimator ("LinearRegression");
  g_autoptr(LbEstimator) logistic = new_estimator ("LogisticRegression");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (10, FALSE, 0);
  g_autoptr(LbCvSplitter) cv2 = lb_cv_splitter_new_kfold (2, FALSE, 0);
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  LbCvResult *res;
  FoldLog log = { 0 };

  make_data (&X, &y);
  lb_fit_context_set_cancellable (ctx, cancellable);
  res = lb_cross_validate (lin, X, y, cv, NULL, 0, cancel_after_first, cancellable, ctx, &error);
  g_assert_null (res);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* after a cancel the same call without it runs every fold */
  res = lb_cross_validate (lin, X, y, cv, NULL, 0, on_fold, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log.calls, ==, 10);
  lb_cv_result_unref (res);

  for (guint i = 0; i < 20; i++)
    {
      LB_MATRIX_AT (X2, i, 0) = i;
      LB_MATRIX_AT (y2, i, 0) = i < 10 ? 0 : 1;   /* KFold(2): each training half has one class */
    }
  res = lb_cross_validate (logistic, X2, y2, cv2, "accuracy", 0, NULL, NULL, NULL, &error);
  g_assert_null (res);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "all 2 fits failed: fold 1: "));
  g_clear_error (&error);

  /* KFold(4) with the 5 class-0 rows first: only fold 1 trains on one class.
   * As scikit-learn's error_score=nan it scores NaN with a warning; the others run. */
  for (guint i = 0; i < 20; i++)
    LB_MATRIX_AT (y2, i, 0) = i < 5 ? 0 : 1;
  {
    g_autoptr(LbCvSplitter) cv4 = lb_cv_splitter_new_kfold (4, FALSE, 0);
    g_autoptr(LbCvResult) partial = NULL;
    g_autoptr(LbFitContext) two = lb_fit_context_new ();

    lb_fit_context_set_n_threads (two, 2);
    partial = lb_cross_validate (logistic, X2, y2, cv4, "accuracy", 0, NULL, NULL, two, &error);
    g_assert_no_error (error);
    g_assert_true (isnan (lb_cv_result_get_test_score (partial, 0)));
    for (guint f = 1; f < 4; f++)
      g_assert_false (isnan (lb_cv_result_get_test_score (partial, f)));
    g_assert_cmpuint (lb_cv_result_get_n_failed (partial), ==, 1);
    g_assert_true (g_str_has_prefix (lb_cv_result_get_warning (partial), "fold 1: "));
    g_assert_true (isnan (lb_cv_result_get_mean_test (partial)));   /* as numpy's mean */
  }
}

/* cross_val_predict(LinearRegression(), X, y, cv=KFold(5)): rows 0, 17, 36
 * = 0.22303016055267522, 0.43142228008829026, 0.3349166516416825. */
static void
test_cross_val_predict (void)
{
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) est = new_estimator ("LinearRegression");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (5, FALSE, 0);
  g_autoptr(LbCvSplitter) ss = lb_cv_splitter_new_shuffle_split (3, 0.2, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbMatrix) pred = NULL;
  LbMatrix *none;
  LbPredictMethod method;

  make_data (&X, &y);
  pred = lb_cross_val_predict (est, X, y, cv, LB_PREDICT_METHOD_PREDICT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_get_n_rows (pred), ==, 37);
  g_assert_cmpuint (lb_matrix_get_n_cols (pred), ==, 1);
  assert_close (LB_MATRIX_AT (pred, 0, 0), 0.22303016055267522, CV_RTOL);
  assert_close (LB_MATRIX_AT (pred, 17, 0), 0.43142228008829026, CV_RTOL);
  assert_close (LB_MATRIX_AT (pred, 36, 0), 0.3349166516416825, CV_RTOL);

  none = lb_cross_val_predict (est, X, y, ss, LB_PREDICT_METHOD_PREDICT, NULL, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);

  none = lb_cross_val_predict (est, X, y, cv, LB_PREDICT_METHOD_PREDICT_PROBA, NULL, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  g_assert_true (lb_predict_method_from_string ("decision_function", &method, NULL));
  g_assert_cmpint (method, ==, LB_PREDICT_METHOD_DECISION_FUNCTION);
  g_assert_cmpstr (lb_predict_method_to_string (method), ==, "decision_function");
  g_assert_false (lb_predict_method_from_string ("predict_log", &method, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
}

/* numpy's mean / std (ddof 0) of 10 values, pairwise summation:
 * np.mean / np.std of [0.1 * k + 1e-3 * k * k for k in 1..10]
 * = 0.5885 / 0.31890602063931 (printed by numpy 1.24.2). */
static void
test_summary_numpy (void)
{
  double v[10];
  g_autoptr(LbCvResult) res = NULL;

  for (int k = 1; k <= 10; k++)
    v[k - 1] = 0.1 * k + 1e-3 * k * k;
  res = lb_cv_result_new ("r2", 10, NULL, v, v, NULL);
  g_assert_cmpfloat (lb_cv_result_get_mean_test (res), ==, lb_mean (v, 10));
  assert_close (lb_mean (v, 10), 0.5885, 1e-15);
  assert_close (lb_std_population (v, 10), 0.31890602063931, 1e-14);
  g_assert_true (isnan (lb_cv_result_get_mean_train (res)));
  g_assert_true (isnan (lb_mean (v, 0)));
}

/* Binary scorers by name (virginica vs rest, LogisticRegression() C=1, cv=5 =
 * StratifiedKFold): roc_auc / f1 are exact functions of the ranking / the
 * predictions (1e-12); neg_log_loss and decision_function depend on the lbfgs
 * optimum (tol 1e-4 on both sides): 1e-3 relative. */
static void
test_iris_binary_scorers (void)
{
  static const double auc_ref[] = { 1.0, 1.0, 1.0, 0.9875, 1.0 };
  static const double f1_ref[] = { 0.9473684210526316, 0.9473684210526316, 1.0, 0.9090909090909091,
                                   0.9523809523809523 };
  static const double ll_ref[] = { -0.06601387677756686, -0.07060552824465689, -0.1566305687502598,
                                   -0.23675687354334707, -0.1609219457591307 };
  g_autoptr(LbMatrix) X = lb_test_iris_X (2, 3);
  g_autoptr(LbMatrix) y = lb_test_iris_y_is (2);
  g_autoptr(LbEstimator) est = new_estimator ("LogisticRegression");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_stratified_kfold (5, FALSE, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCvResult) auc = NULL, f1 = NULL, ll = NULL;
  g_autoptr(LbMatrix) dec = NULL;

  auc = lb_cross_validate (est, X, y, cv, "roc_auc", 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  f1 = lb_cross_validate (est, X, y, cv, "f1", 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ll = lb_cross_validate (est, X, y, cv, "neg_log_loss", 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint f = 0; f < 5; f++)
    {
      assert_close (lb_cv_result_get_test_score (auc, f), auc_ref[f], 1e-12);
      assert_close (lb_cv_result_get_test_score (f1, f), f1_ref[f], 1e-12);
      assert_close (lb_cv_result_get_test_score (ll, f), ll_ref[f], 1e-3);
    }

  /* cross_val_predict(..., method="decision_function"): rows 0, 70, 149 */
  dec = lb_cross_val_predict (est, X, y, cv, LB_PREDICT_METHOD_DECISION_FUNCTION, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_get_n_cols (dec), ==, 1);
  assert_close (LB_MATRIX_AT (dec, 0, 0), -13.271671117320304, 1e-3);
  assert_close (LB_MATRIX_AT (dec, 70, 0), 0.35015303035806156, 1e-2);   /* near 0: relative error grows */
  assert_close (LB_MATRIX_AT (dec, 149, 0), 0.899810956406963, 1e-3);
}

/* --- W2: the book's chapter 2 linear model, 10-fold CV --- */

/* ../shared/reference W2_housing_pipeline, lin_reg_cv10_rmse: the prepared
 * (16512, 16) training matrix (median imputer -> 3 ratios -> StandardScaler,
 * one-hot ocean_proximity), rows in the splitter's order from
 * splits/housing_train_idx.txt, cross_val_score(LinearRegression(), …,
 * scoring="neg_mean_squared_error", cv=10) = un-shuffled KFold(10). Required:
 * each fold RMSE to 1e-6 relative (issue 3). */
static void
test_w2_housing_linear_cv10 (void)
{
  static const double folds_ref[] = {
    71762.76364394206, 64114.991663591, 67771.17124355726, 68635.19072082045, 66846.14089488103,
    72528.03725384998, 73997.08050232659, 68802.33629334369, 66443.28836883698, 70139.79923955735 };
  static const char *numeric[] = {
    "longitude", "latitude", "housing_median_age", "total_rooms", "total_bedrooms",
    "population", "households", "median_income", NULL };
  static const char *ratios[] = {
    "rooms_per_household = total_rooms / households",
    "population_per_household = population / households",
    "bedrooms_per_room = total_bedrooms / total_rooms", NULL };
  g_autofree char *csv = lb_test_data_file ("housing/housing.csv");
  g_autofree char *train_idx = NULL, *test_idx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL, train = NULL;
  g_autoptr(LbSplit) split = NULL;
  g_autoptr(LbMatrix) num = NULL, cat = NULL, y = NULL;
  g_autoptr(LbMatrix) imputed = NULL, combined = NULL, scaled = NULL, onehot = NULL, X = NULL;
  g_autoptr(LbEstimator) imputer = NULL, combine = NULL, scaler = NULL, encoder = NULL;
  g_autoptr(LbEstimator) lin = new_estimator ("LinearRegression");
  g_autoptr(LbCvSplitter) cv = NULL;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(LbCvResult) res = NULL;
  double rmse[10], worst = 0.0;
  guint cols[8], ocean;
  gint64 t0;

  if (csv == NULL)
    return;
  if ((train_idx = lb_test_reference_file ("splits/housing_train_idx.txt")) == NULL
      || (test_idx = lb_test_reference_file ("splits/housing_test_idx.txt")) == NULL)
    return;
  table = lb_load_table (csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  split = lb_split_new_from_index_files (train_idx, test_idx, lb_table_get_n_rows (table), &error);
  g_assert_no_error (error);
  train = lb_split_take_train_table (split, table);
  for (guint j = 0; j < 8; j++)
    cols[j] = (guint) lb_table_find_column (train, numeric[j]);
  ocean = (guint) lb_table_find_column (train, "ocean_proximity");
  num = lb_matrix_new_from_table (train, cols, 8, &error);
  g_assert_no_error (error);
  cat = lb_matrix_new_from_table (train, &ocean, 1, &error);
  g_assert_no_error (error);
  y = lb_matrix_new_from_column (lb_table_get_column_by_name (train, "median_house_value"), &error);
  g_assert_no_error (error);

  imputer = lb_simple_imputer_new (LB_IMPUTER_STRATEGY_MEDIAN);
  combine = lb_expression_transformer_new (ratios);
  scaler = lb_standard_scaler_new ();
  encoder = lb_one_hot_encoder_new ();
  imputed = lb_estimator_fit_transform (imputer, num, NULL, NULL, &error);
  g_assert_no_error (error);
  combined = lb_estimator_fit_transform (combine, imputed, NULL, NULL, &error);
  g_assert_no_error (error);
  scaled = lb_estimator_fit_transform (scaler, combined, NULL, NULL, &error);
  g_assert_no_error (error);
  onehot = lb_estimator_fit_transform (encoder, cat, NULL, NULL, &error);
  g_assert_no_error (error);
  X = lb_matrix_hstack (scaled, onehot);
  g_assert_cmpuint (lb_matrix_get_n_cols (X), ==, 16);

  cv = lb_cv_splitter_new_default (10, lin);   /* a regressor: KFold(10), no shuffle */
  lb_fit_context_set_n_threads (ctx, 2);
  t0 = g_get_monotonic_time ();
  res = lb_cross_validate (lin, X, y, cv, "neg_root_mean_squared_error", 0, NULL, NULL, ctx, &error);
  g_assert_no_error (error);
  g_test_message ("W2 LinearRegression 10-fold CV on 2 threads: %.1f ms",
                  (g_get_monotonic_time () - t0) / 1000.0);
  for (guint f = 0; f < 10; f++)
    {
      rmse[f] = -lb_cv_result_get_test_score (res, f);
      assert_close (rmse[f], folds_ref[f], 1e-6);
      worst = MAX (worst, fabs (rmse[f] - folds_ref[f]) / folds_ref[f]);
    }
  g_test_message ("W2 fold RMSEs: largest relative difference to scikit-learn %.2g", worst);
  /* numpy: mean 69104.07998247063, std (ddof 0) 2880.3282098180644 */
  assert_close (lb_mean (rmse, 10), 69104.07998247063, 1e-6);
  assert_close (lb_std_population (rmse, 10), 2880.3282098180644, 1e-5);

  /* one thread gives the very same doubles as two */
  {
    g_autoptr(LbCvResult) serial = NULL;

    serial = lb_cross_validate (lin, X, y, cv, "neg_root_mean_squared_error", 0, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (lb_cv_result_get_test_scores (serial), 10 * sizeof (double),
                     lb_cv_result_get_test_scores (res), 10 * sizeof (double));
  }
}

/* --- classification: iris petal length & width, LogisticRegression(C=10) --- */

/* cross_val_score(LogisticRegression(C=10), X, y, cv=5): a classifier gets
 * StratifiedKFold(5) and "accuracy" by default. Accuracies are k/30: exact
 * as long as the same rows are misclassified (margins here are >= 0.16). */
static void
test_iris_classifier (void)
{
  static const double acc_ref[] = { 0.9666666666666667, 0.9666666666666667, 0.9333333333333333,
                                    0.9333333333333333, 1.0 };
  static const double auc_ref[] = { 0.9933333333333335, 1.0, 0.9950000000000001, 0.9966666666666667, 1.0 };
  /* cross_val_predict(..., method="predict_proba") rows 0, 70, 133 */
  static const double proba_ref[] = {
    0.9964374137692797, 0.0035625862306628026, 5.742891919931161e-14,
    1.2266063534595922e-05, 0.3093792123079096, 0.6906085216285559,
    4.56553122775934e-06, 0.5825041567963636, 0.41749127767240873 };
  static const guint proba_rows[] = { 0, 70, 133 };
  static const guint mistakes_ref[] = { 70, 77, 83, 106, 119, 133 };
  g_autoptr(LbMatrix) X = lb_test_iris_X (2, 3);
  g_autoptr(LbMatrix) y = lb_test_iris_y ();
  g_autoptr(LbEstimator) est = new_estimator ("LogisticRegression");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCvResult) acc = NULL, auc = NULL;
  g_autoptr(LbMatrix) proba = NULL, pred = NULL;
  guint n_mistakes = 0;

  g_assert_true (lb_estimator_set_param_string (est, "C", "10", &error));
  g_assert_no_error (error);
  acc = lb_cross_validate (est, X, y, NULL, NULL, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_cv_result_get_scoring (acc), ==, "accuracy");
  g_assert_cmpuint (lb_cv_result_get_n_folds (acc), ==, 5);
  for (guint f = 0; f < 5; f++)
    assert_close (lb_cv_result_get_test_score (acc, f), acc_ref[f], 1e-15);

  /* AUC depends only on the order of the probabilities: 1e-9 */
  auc = lb_cross_validate (est, X, y, NULL, "roc_auc_ovr", 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint f = 0; f < 5; f++)
    assert_close (lb_cv_result_get_test_score (auc, f), auc_ref[f], 1e-9);

  /* lbfgs stops at tol = 1e-4 on both sides: probabilities agree to ~1e-4; 1e-3 absolute */
  proba = lb_cross_val_predict (est, X, y, NULL, LB_PREDICT_METHOD_PREDICT_PROBA, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_get_n_cols (proba), ==, 3);
  for (guint i = 0; i < 3; i++)
    for (guint k = 0; k < 3; k++)
      g_assert_cmpfloat_with_epsilon (LB_MATRIX_AT (proba, proba_rows[i], k), proba_ref[i * 3 + k], 1e-3);

  pred = lb_cross_val_predict (est, X, y, NULL, LB_PREDICT_METHOD_PREDICT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lb_matrix_get_categories (pred, 0));
  g_assert_cmpstr (lb_matrix_get_categories (pred, 0)[2], ==, "virginica");
  for (guint r = 0; r < 150; r++)
    if (LB_MATRIX_AT (pred, r, 0) != LB_MATRIX_AT (y, r, 0))
      {
        g_assert_cmpuint (n_mistakes, <, G_N_ELEMENTS (mistakes_ref));
        g_assert_cmpuint (r, ==, mistakes_ref[n_mistakes]);
        n_mistakes++;
      }
  g_assert_cmpuint (n_mistakes, ==, G_N_ELEMENTS (mistakes_ref));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/engine/CrossValidate/linear-kfold", test_linear_kfold);
  g_test_add_func ("/learnbench/engine/CrossValidate/default-scoring", test_default_scoring);
  g_test_add_func ("/learnbench/engine/CrossValidate/parallel-equals-serial", test_parallel_equals_serial);
  g_test_add_func ("/learnbench/engine/CrossValidate/errors-and-cancel", test_errors_and_cancel);
  g_test_add_func ("/learnbench/engine/CrossValidate/cancel-midway-and-fold-error", test_cancel_midway_and_fold_error);
  g_test_add_func ("/learnbench/engine/CrossValidate/cross-val-predict", test_cross_val_predict);
  g_test_add_func ("/learnbench/engine/CrossValidate/iris-classifier", test_iris_classifier);
  g_test_add_func ("/learnbench/engine/CrossValidate/iris-binary-scorers", test_iris_binary_scorers);
  g_test_add_func ("/learnbench/engine/CrossValidate/w2-housing-linear-cv10", test_w2_housing_linear_cv10);
  g_test_add_func ("/learnbench/engine/CvResult/summary-numpy", test_summary_numpy);

  return g_test_run ();
}
