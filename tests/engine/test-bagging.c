/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-bagging.c: BaggingClassifier / BaggingRegressor. Our row and column
 * draws come from our own random streams, not numpy's, so agreement with
 * scikit-learn 1.2.1 is "within its spread across seeds": for each setting,
 * scikit-learn's min..max over random_state 0..29 (test accuracy / R², OOB
 * score) must contain ours for several seeds. Also: the thread count does not
 * change the result, progress reaches 1 once per member, Cancel stops the fit,
 * a model file round trip predicts the same.
 * Reference numbers: tests/engine/reference/ensembles-reference.py bagging.
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

static void
fit_seeded (LbEstimator *est,
            LbW7Data    *d,
            guint64      seed,
            guint        n_threads)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();

  lb_fit_context_set_seed (ctx, seed);
  lb_fit_context_set_n_threads (ctx, n_threads);
  g_assert_true (lb_estimator_fit (est, d->X_train, d->y_train, ctx, &error));
  g_assert_no_error (error);
}

/* a small slack of one test row (1/125) around scikit-learn's 30-seed range */
#define ROW (1.0 / 125)

static void
test_classifier_spread (void)
{
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) est = NULL, pasting = NULL;

  if (!lb_w7_moons (&d))
    return;
  est = make ("{\"estimator\": \"BaggingClassifier\", \"params\": {\"estimator\": "
              "{\"estimator\": \"KNeighborsClassifier\", \"params\": {\"n_neighbors\": 15}},"
              " \"n_estimators\": 50, \"max_samples\": 100, \"oob_score\": true}}");
  pasting = make ("{\"estimator\": \"BaggingClassifier\", \"params\": {\"estimator\": "
                  "{\"estimator\": \"KNeighborsClassifier\", \"params\": {\"n_neighbors\": 15}},"
                  " \"n_estimators\": 50, \"max_samples\": 0.5, \"bootstrap\": false, \"max_features\": 0.5}}");
  for (guint64 seed = 1; seed <= 4; seed++)
    {
      double acc, oob;

      fit_seeded (est, &d, seed, 2);
      acc = lb_w7_accuracy (est, d.X_test, d.y_test);
      oob = lb_bagging_get_oob_score (LB_BAGGING (est));
      g_test_message ("seed %" G_GUINT64_FORMAT ": accuracy %g, oob %g", seed, acc, oob);
      /* scikit-learn, random_state 0..29: accuracy 0.888 .. 0.92, OOB 0.90667 .. 0.92533 */
      g_assert_cmpfloat (acc, >=, 0.888 - ROW);
      g_assert_cmpfloat (acc, <=, 0.92 + ROW);
      g_assert_cmpfloat (oob, >=, 0.9066666666666666 - 1.0 / 375 * 3);
      g_assert_cmpfloat (oob, <=, 0.9253333333333333 + 1.0 / 375 * 3);

      fit_seeded (pasting, &d, seed, 1);
      acc = lb_w7_accuracy (pasting, d.X_test, d.y_test);
      g_test_message ("  pasting, one feature of two: accuracy %g", acc);
      /* scikit-learn: 0.816 .. 0.904 */
      g_assert_cmpfloat (acc, >=, 0.816 - ROW);
      g_assert_cmpfloat (acc, <=, 0.904 + ROW);
    }
  lb_w7_data_clear (&d);
}

static void
test_regressor_spread (void)
{
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) est = NULL;

  if (!lb_w7_quadratic (&d))
    return;
  est = make ("{\"estimator\": \"BaggingRegressor\", \"params\": {\"estimator\": "
              "{\"estimator\": \"KNeighborsRegressor\", \"params\": {\"n_neighbors\": 3}},"
              " \"n_estimators\": 30, \"oob_score\": true}}");
  for (guint64 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbMatrix) pred = NULL;
      double mean = 0.0, ss_res = 0.0, ss_tot = 0.0, r2, oob;
      gsize n = lb_matrix_get_n_rows (d.y_test);

      fit_seeded (est, &d, seed, 2);
      pred = lb_estimator_predict (est, d.X_test, &error);
      g_assert_no_error (error);
      for (gsize i = 0; i < n; i++)
        mean += LB_MATRIX_AT (d.y_test, i, 0) / n;
      for (gsize i = 0; i < n; i++)
        {
          ss_res += pow (LB_MATRIX_AT (d.y_test, i, 0) - LB_MATRIX_AT (pred, i, 0), 2);
          ss_tot += pow (LB_MATRIX_AT (d.y_test, i, 0) - mean, 2);
        }
      r2 = 1 - ss_res / ss_tot;
      oob = lb_bagging_get_oob_score (LB_BAGGING (est));
      g_test_message ("seed %" G_GUINT64_FORMAT ": R² %g, oob %g", seed, r2, oob);
      /* scikit-learn over 30 seeds: test R² 0.95477 .. 0.96084, OOB 0.93797 .. 0.94811;
       * slack 0.005 (30 seeds do not reach the tails) */
      g_assert_cmpfloat (r2, >=, 0.9547696927623233 - 0.005);
      g_assert_cmpfloat (r2, <=, 0.9608387012265961 + 0.005);
      g_assert_cmpfloat (oob, >=, 0.9379748058169975 - 0.005);
      g_assert_cmpfloat (oob, <=, 0.9481052449171063 + 0.005);
    }
  lb_w7_data_clear (&d);
}

static void
count_event (const LbFitEvent *event,
             gpointer          user_data)
{
  guint *n = user_data;

  g_atomic_int_inc (n);
}

static void
cancel_on_event (const LbFitEvent *event,
                 gpointer          user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_threads_state_cancel (void)
{
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) a = NULL, b = NULL, back = NULL;
  g_autoptr(LbMatrix) pa = NULL, pb = NULL, pc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  guint n_events = 0;

  if (!lb_w7_moons (&d))
    return;
  a = make ("{\"estimator\": \"BaggingClassifier\", \"params\": {\"estimator\": \"LogisticRegression\","
            " \"n_estimators\": 12, \"max_features\": 0.5, \"bootstrap_features\": true}}");
  b = lb_estimator_clone (a);
  fit_seeded (a, &d, 7, 1);
  fit_seeded (b, &d, 7, 2);
  pa = lb_estimator_predict_proba (a, d.X_test, &error);
  pb = lb_estimator_predict_proba (b, d.X_test, &error);
  g_assert_no_error (error);
  /* one worker or two: the same doubles */
  g_assert_cmpmem (lb_matrix_get_const_data (pa), 250 * sizeof (double),
                   lb_matrix_get_const_data (pb), 250 * sizeof (double));

  state = lb_estimator_save_state (a, &error);
  g_assert_no_error (error);
  back = lb_estimator_clone (a);
  g_assert_true (lb_estimator_load_state (back, state, &error));
  g_assert_no_error (error);
  pc = lb_estimator_predict_proba (back, d.X_test, &error);
  g_assert_cmpmem (lb_matrix_get_const_data (pa), 250 * sizeof (double),
                   lb_matrix_get_const_data (pc), 250 * sizeof (double));

  /* one event per member */
  lb_fit_context_set_event_func (ctx, count_event, &n_events, NULL);
  g_assert_true (lb_estimator_fit (a, d.X_train, d.y_train, ctx, &error));
  g_assert_cmpuint (n_events, >=, 12);

  /* cancelled from the first member's event: fails with CANCELLED and is unfitted */
  g_clear_pointer (&ctx, lb_fit_context_unref);
  ctx = lb_fit_context_new ();
  lb_fit_context_set_event_func (ctx, cancel_on_event, cancel, NULL);
  lb_fit_context_set_cancellable (ctx, cancel);
  g_assert_false (lb_estimator_fit (a, d.X_train, d.y_train, ctx, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (lb_estimator_is_fitted (a));
  g_clear_error (&error);

  /* a regressor inside a classifier is refused with the parameter named */
  g_assert_true (lb_estimator_set_param_string (b, "estimator", "Ridge", &error));
  g_assert_false (lb_estimator_fit (b, d.X_train, d.y_train, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  lb_w7_data_clear (&d);
}

/* REFERENCE.md W7: BaggingClassifier(DecisionTreeClassifier(random_state=42), n_estimators=500,
 * max_samples=100, bootstrap=True, random_state=42) test accuracy 0.904 (a single tree: 0.856).
 * Ours draws other samples: within scikit-learn's spread over random_state 0..9
 * (ensembles-reference.py bagging-trees: 0.904 .. 0.92). */
#define BAG_TREES_MIN 0.904
#define BAG_TREES_MAX 0.92
static void
test_trees_book (void)
{
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) est = NULL;
  double acc;

  if (lb_estimator_lookup ("DecisionTreeClassifier") == G_TYPE_INVALID)
    {
      g_test_skip ("DecisionTreeClassifier is not registered");
      return;
    }
  if (!lb_w7_moons (&d))
    return;
  est = make ("{\"estimator\": \"BaggingClassifier\", \"params\": {"
              " \"n_estimators\": 500, \"max_samples\": 100, \"oob_score\": true}}");
  fit_seeded (est, &d, 42, 2);
  acc = lb_w7_accuracy (est, d.X_test, d.y_test);
  g_test_message ("500 bagged trees: accuracy %g, oob %g", acc, lb_bagging_get_oob_score (LB_BAGGING (est)));
  g_assert_cmpfloat (acc, >=, BAG_TREES_MIN - ROW);
  g_assert_cmpfloat (acc, <=, BAG_TREES_MAX + ROW);
  /* and better than one tree (0.856), the book's point */
  g_assert_cmpfloat (acc, >, 0.856);
  lb_w7_data_clear (&d);
}

/* "estimator__max_depth" / "estimator.max_depth" reach the nested model (grid search paths);
 * a clone copies it deep. */
static void
test_nested_params (void)
{
  g_autoptr(LbEstimator) est = make ("{\"estimator\": \"BaggingClassifier\", \"params\": {\"estimator\": "
                                     "\"LogisticRegression\"}}");
  g_autoptr(LbEstimator) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) v = NULL, w = NULL;

  g_assert_true (lb_estimator_set_param_string (est, "estimator__C", "0.25", &error));
  g_assert_no_error (error);
  v = lb_estimator_get_param (est, "estimator.C", &error);
  g_assert_cmpfloat (json_node_get_double (v), ==, 0.25);
  copy = lb_estimator_clone (est);
  g_assert_true (lb_estimator_set_param_string (est, "estimator__C", "4", &error));
  w = lb_estimator_get_param (copy, "estimator__C", &error);
  g_assert_cmpfloat (json_node_get_double (w), ==, 0.25);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/BaggingClassifier/spread", test_classifier_spread);
  g_test_add_func ("/learnbench/engine/BaggingClassifier/threads-state-cancel", test_threads_state_cancel);
  g_test_add_func ("/learnbench/engine/BaggingClassifier/trees-book", test_trees_book);
  g_test_add_func ("/learnbench/engine/BaggingRegressor/spread", test_regressor_spread);
  g_test_add_func ("/learnbench/engine/BaggingClassifier/nested-params", test_nested_params);
  return g_test_run ();
}
