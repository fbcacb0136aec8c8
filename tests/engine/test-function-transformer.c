/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-function-transformer.c: LbFunctionTransformer against numpy 1.24.2
 * (what sklearn's FunctionTransformer(np.log) etc. computes). Reference:
 * /usr/bin/python3 tests/engine/reference/prep-reference.py (lines
 * "function …"). libm and numpy may differ by an ulp: 2e-16 relative.
 */
#include "config.h"

#include "prep-test-util.h"

static const double x_f[] = { 0.5, 1.0, 2.5, 1e-10, 300.0 };

static const struct
{
  const char *func;
  double      want[5];
} cases[] = {
  { "log", { -0.6931471805599453, 0.0, 0.916290731874155, -23.025850929940457, 5.703782474656201 } },
  { "log1p", { 0.4054651081081644, 0.6931471805599453, 1.252762968495368, 9.999999999500001e-11, 5.707110264748875 } },
  { "log2", { -1.0, 0.0, 1.3219280948873624, -33.219280948873624, 8.228818690495881 } },
  { "log10", { -0.3010299956639812, 0.0, 0.3979400086720376, -10.0, 2.4771212547196626 } },
  { "exp", { 1.6487212707001282, 2.718281828459045, 12.182493960703473, 1.0000000001, 1.9424263952412558e+130 } },
  { "expm1", { 0.6487212707001282, 1.7182818284590453, 11.182493960703473, 1.00000000005e-10, 1.9424263952412558e+130 } },
  { "sqrt", { 0.7071067811865476, 1.0, 1.5811388300841898, 1e-05, 17.320508075688775 } },
  { "square", { 0.25, 1.0, 6.25, 1.0000000000000001e-20, 90000.0 } },
  { "reciprocal", { 2.0, 1.0, 0.4, 10000000000.0, 0.0033333333333333335 } },
  { "identity", { 0.5, 1.0, 2.5, 1e-10, 300.0 } },
};

static void
test_functions (void)
{
  static const char *names[] = { "v", NULL };
  g_autoptr (LbMatrix) X = prep_matrix (5, 1, x_f, names);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (LbEstimator) ft = lb_estimator_new_by_name ("FunctionTransformer", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (LbMatrix) T = NULL;

      g_assert_true (lb_estimator_set_param_string (ft, "func", cases[c].func, &error));
      g_assert_no_error (error);
      T = lb_estimator_fit_transform (ft, X, NULL, NULL, &error);
      g_assert_no_error (error);
      prep_assert_matrix (T, 5, 1, cases[c].want, 2e-16, 0, cases[c].func);
      prep_assert_names (T, names);   /* one-to-one names */
    }
}

static void
test_errors (void)
{
  static const double x[] = { 1.0, NAN, 0.0 };
  static const char *names[] = { "population", NULL };
  g_autoptr (LbMatrix) X = prep_matrix (3, 1, x, names);
  g_autoptr (LbMatrix) X2 = prep_matrix (2, 1, x, names);
  g_autoptr (LbEstimator) ft = lb_function_transformer_new (LB_FUNCTION_LOG);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) T = NULL;

  /* log(0): numpy warns and returns -inf; we refuse, naming row and column */
  g_assert_true (lb_estimator_fit (ft, X, NULL, NULL, &error));
  g_assert_null (lb_estimator_transform (ft, X, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "row 3"));
  g_assert_nonnull (strstr (error->message, "population"));
  g_clear_error (&error);
  /* a missing value stays missing */
  T = lb_estimator_transform (ft, X2, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (LB_MATRIX_AT (T, 0, 0), ==, 0.0);
  g_assert_true (isnan (LB_MATRIX_AT (T, 1, 0)));
  g_assert_false (lb_estimator_set_param_string (ft, "func", "cube", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
}

static void
test_state (void)
{
  g_autoptr (LbMatrix) X = prep_matrix (5, 1, x_f, NULL);
  g_autoptr (LbEstimator) ft = lb_function_transformer_new (LB_FUNCTION_LOG1P);
  g_autoptr (LbEstimator) copy = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (lb_estimator_fit (ft, X, NULL, NULL, &error));
  g_assert_no_error (error);
  copy = prep_round_trip (ft);
  prep_assert_same_transform (ft, copy, X);
  prep_assert_bad_states_fail (ft);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/FunctionTransformer/functions", test_functions);
  g_test_add_func ("/learnbench/engine/FunctionTransformer/errors", test_errors);
  g_test_add_func ("/learnbench/engine/FunctionTransformer/state", test_state);
  return g_test_run ();
}
