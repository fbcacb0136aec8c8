/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-curves.c: learning_curve / validation_curve and LbCurve against
 * scikit-learn 1.2.1 (tests/engine/reference/select-cv.py: data exact in
 * binary, KFold(4)), streaming per point, parallel == serial, errors.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-test-util.h"

/* Least squares / Cholesky on 3 features: ~1e-14 agreement expected; 1e-8
 * relative leaves room for BLAS summation order. Stds of nearly equal
 * scores lose digits to cancellation: 1e-6 there. */
#define CURVE_RTOL 1e-8

static void
assert_close (double got,
              double want,
              double rtol)
{
  if (!(fabs (got - want) <= rtol * fabs (want)))
    g_error ("got %.17g, want %.17g (rtol %g)", got, want, rtol);
}

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

typedef struct
{
  guint calls;
  guint last_done;
} PointLog;

static void
on_point (const LbCurvePoint *p,
          gpointer            user_data)
{
  PointLog *log = user_data;

  log->calls++;
  log->last_done = p->n_done;
  g_assert_cmpuint (p->index, <, p->n_points);
  g_assert_false (isnan (p->val_mean));
}

/* learning_curve(LinearRegression(), X, y, cv=KFold(4), train_sizes=[0.25,
 * 0.5, 0.75, 1.0], scoring="neg_root_mean_squared_error"): sizes 6 13 20 27. */
static void
test_learning_curve (void)
{
  static const double sizes[] = { 0.25, 0.5, 0.75, 1.0 };
  static const double x_ref[] = { 6, 13, 20, 27 };
  static const double train_ref[] = { -0.19807584810821002, -0.18486169571840966,
                                      -0.19500831207084826, -0.2010894738322168 };
  static const double val_ref[] = { -0.22550278899233756, -0.2560283843719402,
                                    -0.2334436867526902, -0.21693079867162246 };
  static const double val_std_ref[] = { 0.022893216650488026, 0.02516118651600074,
                                        0.01308075763628796, 0.011757168109719034 };
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) est = new_estimator ("LinearRegression");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (4, FALSE, 0);
  g_autoptr(LbFitContext) two = lb_fit_context_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCurve) curve = NULL;
  g_autoptr(LbCurve) again = NULL;
  g_autoptr(JsonNode) json = NULL;
  PointLog log = { 0 };

  make_data (&X, &y);
  curve = lb_learning_curve (est, X, y, cv, sizes, 4, TRUE, "neg_root_mean_squared_error",
                             on_point, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_curve_get_kind (curve), ==, LB_CURVE_LEARNING);
  g_assert_cmpstr (lb_curve_get_x_name (curve), ==, "train_size");
  g_assert_cmpuint (lb_curve_get_n_points (curve), ==, 4);
  g_assert_cmpuint (lb_curve_get_n_splits (curve), ==, 4);
  g_assert_cmpmem (lb_curve_get_x (curve), sizeof x_ref, x_ref, sizeof x_ref);
  for (guint p = 0; p < 4; p++)
    {
      assert_close (lb_curve_get_train_mean (curve)[p], train_ref[p], CURVE_RTOL);
      assert_close (lb_curve_get_val_mean (curve)[p], val_ref[p], CURVE_RTOL);
      assert_close (lb_curve_get_val_std (curve)[p], val_std_ref[p], 1e-6);
    }
  assert_close (lb_curve_get_val_score (curve, 1, 2), -0.28314806677253435, CURVE_RTOL);
  g_assert_null (lb_curve_get_x_label (curve, 0));
  g_assert_cmpuint (log.calls, ==, 4);
  g_assert_cmpuint (log.last_done, ==, 4);

  /* the same with 2 threads, bit for bit */
  lb_fit_context_set_n_threads (two, 2);
  again = lb_learning_curve (est, X, y, cv, sizes, 4, TRUE, "neg_root_mean_squared_error",
                             NULL, NULL, two, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < 4; p++)
    for (guint s = 0; s < 4; s++)
      {
        g_assert_cmpfloat (lb_curve_get_val_score (curve, p, s), ==, lb_curve_get_val_score (again, p, s));
        g_assert_cmpfloat (lb_curve_get_train_score (curve, p, s), ==, lb_curve_get_train_score (again, p, s));
      }

  json = lb_curve_to_json (curve);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "kind"), ==, "learning");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json),
                                                                        "val_scores")), ==, 4);
}

/* Absolute sizes, repeats collapsing; bad sizes are errors naming the range. */
static void
test_learning_sizes (void)
{
  static const double absolute[] = { 20, 5, 5, 1 };
  static const double too_big[] = { 28 };
  static const double bad_fraction[] = { 0.0, 0.5 };
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) est = new_estimator ("LinearRegression");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (4, FALSE, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCurve) curve = NULL;
  LbCurve *none;

  make_data (&X, &y);
  curve = lb_learning_curve (est, X, y, cv, absolute, 4, FALSE, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_curve_get_n_points (curve), ==, 3);
  g_assert_cmpfloat (lb_curve_get_x (curve)[0], ==, 1);
  g_assert_cmpfloat (lb_curve_get_x (curve)[2], ==, 20);
  g_assert_cmpstr (lb_curve_get_scoring (curve), ==, "r2");

  none = lb_learning_curve (est, X, y, cv, too_big, 1, FALSE, NULL, NULL, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_nonnull (strstr (error->message, "27"));
  g_clear_error (&error);
  none = lb_learning_curve (est, X, y, cv, bad_fraction, 2, TRUE, NULL, NULL, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
}

/* validation_curve(Ridge(), X, y, param_name="alpha", param_range=[0.1, 1,
 * 10, 100], cv=KFold(4), scoring="r2") */
static void
test_validation_curve (void)
{
  static const double train_ref[] = { 0.9853283405820836, 0.9761615073946355,
                                      0.8240605707419042, 0.2969456583800976 };
  static const double val_ref[] = { 0.9829132364155042, 0.9736850247970508,
                                    0.8154667450512483, 0.28245612550440996 };
  static const double val_std_ref[] = { 0.00309198149613423, 0.00862114864646182,
                                        0.02200464185285001, 0.015708819555302473 };
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) est = new_estimator ("Ridge");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (4, FALSE, 0);
  g_autoptr(JsonNode) values = json_from_string ("[0.1, 1, 10, 100]", NULL);
  g_autoptr(JsonNode) bad = json_from_string ("[1, -2]", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCurve) curve = NULL;
  LbCurve *none;
  PointLog log = { 0 };

  make_data (&X, &y);
  curve = lb_validation_curve (est, X, y, "alpha", json_node_get_array (values), cv, "r2",
                               on_point, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_curve_get_kind (curve), ==, LB_CURVE_VALIDATION);
  g_assert_cmpstr (lb_curve_get_x_name (curve), ==, "alpha");
  g_assert_cmpfloat (lb_curve_get_x (curve)[1], ==, 1.0);   /* an int in JSON, a number on x */
  for (guint p = 0; p < 4; p++)
    {
      assert_close (lb_curve_get_train_mean (curve)[p], train_ref[p], CURVE_RTOL);
      assert_close (lb_curve_get_val_mean (curve)[p], val_ref[p], CURVE_RTOL);
      assert_close (lb_curve_get_val_std (curve)[p], val_std_ref[p], 1e-6);
    }
  g_assert_cmpuint (log.calls, ==, 4);
  g_assert_false (lb_estimator_is_fitted (est));

  none = lb_validation_curve (est, X, y, "alpha", json_node_get_array (bad), cv, "r2",
                              NULL, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_nonnull (strstr (error->message, "alpha"));
}

/* Non-numeric values are plotted by position with their text as labels. */
static void
test_validation_labels (void)
{
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) est = new_estimator ("Ridge");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (3, FALSE, 0);
  g_autoptr(JsonNode) values = json_from_string ("[true, false]", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCurve) curve = NULL;

  make_data (&X, &y);
  curve = lb_validation_curve (est, X, y, "fit_intercept", json_node_get_array (values), cv, NULL,
                               NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (lb_curve_get_x (curve)[1], ==, 1.0);
  g_assert_cmpstr (lb_curve_get_x_label (curve, 0), ==, "true");
  g_assert_cmpstr (lb_curve_get_x_label (curve, 1), ==, "false");
  /* with an intercept the fit is better on this data (sklearn's grid above agrees) */
  g_assert_cmpfloat (lb_curve_get_val_mean (curve)[0], >, lb_curve_get_val_mean (curve)[1]);
}

/* A classifier's learning curve on rows sorted by class: the first m rows of
 * a training split hold one class for small m, those fits fail and score NaN
 * (scikit-learn: error_score=nan + FitFailedWarning), the rest are numbers. */
static void
test_learning_curve_failed_fits (void)
{
  static const double sizes[] = { 3, 40 };
  g_autoptr(LbMatrix) X = lb_matrix_new (60, 1);
  g_autoptr(LbMatrix) y = lb_matrix_new (60, 1);
  g_autoptr(LbEstimator) est = new_estimator ("LogisticRegression");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_stratified_kfold (3, FALSE, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCurve) curve = NULL;

  for (guint i = 0; i < 60; i++)
    {
      LB_MATRIX_AT (X, i, 0) = i;
      LB_MATRIX_AT (y, i, 0) = i >= 30;
    }
  curve = lb_learning_curve (est, X, y, cv, sizes, 2, FALSE, "accuracy", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < 3; s++)
    {
      g_assert_true (isnan (lb_curve_get_val_score (curve, 0, s)));
      g_assert_false (isnan (lb_curve_get_val_score (curve, 1, s)));
    }
  g_assert_cmpuint (lb_curve_get_n_failed (curve), ==, 3);
  g_assert_true (g_str_has_prefix (lb_curve_get_warning (curve), "point 1, fold 1: "));
}

/* --- W4: the book's learning curves (chapter 4) --- */

/* train_test_split(np.arange(100), test_size=0.2, random_state=10) */
static const guint w4_train[] = {
  90, 70, 50, 44, 76, 55, 21, 61, 6, 63, 42, 34, 84, 52, 35, 39, 45, 4, 5, 48, 32, 20, 83, 58, 47, 80,
  17, 67, 81, 7, 87, 97, 98, 99, 24, 10, 96, 86, 56, 71, 23, 22, 91, 94, 18, 27, 88, 57, 31, 65, 12, 82,
  30, 75, 25, 13, 69, 77, 85, 51, 49, 78, 72, 33, 62, 54, 11, 16, 36, 40, 0, 73, 8, 29, 93, 89, 28, 64,
  15, 9 };
static const guint w4_val[] = {
  19, 14, 43, 37, 66, 3, 79, 41, 38, 68, 2, 1, 60, 53, 95, 74, 92, 26, 59, 46 };

/* The W4 line @metric of reference-results.jsonl ({"train_sizes", "train_rmse", "val_rmse"}). */
static JsonObject *
w4_reference (const char *metric)
{
  g_autofree char *path = lb_test_reference_file ("reference-results.jsonl");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (path == NULL)
    return NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"W4_linear_models\"") != NULL && strstr (lines[i], metric) != NULL)
      {
        g_autoptr(JsonNode) node = json_from_string (lines[i], NULL);
        JsonObject *obj = json_node_get_object (node);

        if (g_strcmp0 (json_object_get_string_member (obj, "metric"), metric) == 0)
          return json_object_ref (json_object_get_object_member (obj, "value"));
      }
  g_test_skip ("reference-results.jsonl has no such W4 line");
  return NULL;
}

/* ../shared/reference W4_linear_models learning_curve_linreg and
 * learning_curve_poly10: data/ch4_quadratic.csv, the split above, for m = 1..80
 * fit on the first m training rows; RMSE on those rows and on the 20
 * validation rows. Our learning curve on that one given split, absolute
 * sizes 1..80, must give the same numbers. */
static void
check_w4_curve (const char *metric,
                LbEstimator *model,
                guint        first_m,
                double       rtol)
{
  g_autofree char *csv = lb_test_reference_file ("data/ch4_quadratic.csv");
  g_autoptr(JsonObject) ref = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbSplit) split = NULL;
  g_autoptr(GPtrArray) splits = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_split_unref);
  g_autoptr(LbCvSplitter) cv = NULL;
  g_autoptr(LbCurve) curve = NULL;
  double sizes[80];
  guint zero = 0;
  JsonArray *train_rmse, *val_rmse;

  if (csv == NULL || (ref = w4_reference (metric)) == NULL)
    return;
  table = lb_load_table (csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  X = lb_matrix_new_from_table (table, &zero, 1, &error);
  g_assert_no_error (error);
  y = lb_matrix_new_from_column (lb_table_get_column_by_name (table, "y"), &error);
  g_assert_no_error (error);
  g_ptr_array_add (splits, lb_split_new (w4_train, 80, w4_val, 20));
  cv = lb_cv_splitter_new_given (splits);
  for (guint m = 0; m < 80; m++)
    sizes[m] = m + 1;
  curve = lb_learning_curve (model, X, y, cv, sizes, 80, FALSE, "neg_root_mean_squared_error",
                             NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_curve_get_n_points (curve), ==, 80);
  train_rmse = json_object_get_array_member (ref, "train_rmse");
  val_rmse = json_object_get_array_member (ref, "val_rmse");
  for (guint m = first_m; m <= 80; m++)
    {
      double tr = -lb_curve_get_train_score (curve, m - 1, 0);
      double va = -lb_curve_get_val_score (curve, m - 1, 0);
      double tr_ref = json_array_get_double_element (train_rmse, m - 1);
      double va_ref = json_array_get_double_element (val_rmse, m - 1);

      /* an exact fit (m <= 2 for a line) leaves ~1e-16 of rounding: 1e-12 absolute */
      if (!(fabs (tr - tr_ref) <= 1e-12 + rtol * fabs (tr_ref)) || !(fabs (va - va_ref) <= rtol * va_ref))
        g_error ("%s m=%u: train %.17g vs %.17g, val %.17g vs %.17g", metric, m, tr, tr_ref, va, va_ref);
    }
}

static void
test_w4_learning_curve_linear (void)
{
  g_autoptr(LbEstimator) lin = new_estimator ("LinearRegression");

  /* least squares on (m, 1): 1e-9 relative (see CURVE_RTOL) */
  check_w4_curve ("learning_curve_linreg", lin, 1, 1e-9);
}

static void
test_w4_learning_curve_poly10 (void)
{
  g_autoptr(LbPipeline) pipe = lb_pipeline_new ();
  g_autoptr(LbEstimator) poly = new_estimator ("PolynomialFeatures");
  g_autoptr(LbEstimator) lin = new_estimator ("LinearRegression");
  g_autoptr(GError) error = NULL;

  g_assert_true (lb_estimator_set_param_string (poly, "degree", "10", &error));
  g_assert_true (lb_estimator_set_param_string (poly, "include_bias", "false", &error));
  g_assert_no_error (error);
  g_assert_true (lb_pipeline_append (pipe, "poly_features", poly, &error));
  g_assert_true (lb_pipeline_append (pipe, "lin_reg", lin, &error));
  g_assert_no_error (error);
  /* x^10 reaches 5.9e4: the design is ill-conditioned and the reference says
   * only m >~ 20 is portable; from m = 20 on, 1e-5 relative */
  check_w4_curve ("learning_curve_poly10", LB_ESTIMATOR (pipe), 20, 1e-5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/engine/Curves/learning-curve", test_learning_curve);
  g_test_add_func ("/learnbench/engine/Curves/learning-sizes", test_learning_sizes);
  g_test_add_func ("/learnbench/engine/Curves/failed-fits", test_learning_curve_failed_fits);
  g_test_add_func ("/learnbench/engine/Curves/w4-linear", test_w4_learning_curve_linear);
  g_test_add_func ("/learnbench/engine/Curves/w4-poly10", test_w4_learning_curve_poly10);
  g_test_add_func ("/learnbench/engine/Curves/validation-curve", test_validation_curve);
  g_test_add_func ("/learnbench/engine/Curves/validation-labels", test_validation_labels);

  return g_test_run ();
}
