/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-xgboost.c: XGBRegressor / XGBClassifier through XGBoost's C API give
 * what xgboost 1.7.4's Python package gives with the same parameters (the
 * same library underneath: agreement to 1e-6, float32 rounding aside); rounds
 * stream as events, Cancel stops between rounds, early stopping keeps the best
 * round, and a damaged model in a model file is refused before XGBoost reads it.
 * Reference numbers: tests/engine/reference/ensembles-reference.py xgboost.
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"
#include "lb-test-w7.h"

#ifdef LB_HAVE_XGBOOST

static LbEstimator *
make (const char *name,
      const char *params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) spec = NULL;
  g_autofree char *text = g_strdup_printf ("{\"estimator\": \"%s\", \"params\": %s}", name, params);
  LbEstimator *est;

  spec = json_from_string (text, &error);
  g_assert_no_error (error);
  est = lb_estimator_new_from_json (spec, &error);
  g_assert_no_error (error);
  return est;
}

static void
fit (LbEstimator *est,
     LbW7Data    *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();

  lb_fit_context_set_seed (ctx, 42);   /* random_state=42 */
  lb_fit_context_set_n_threads (ctx, 1);  /* n_jobs=1 */
  g_assert_true (lb_estimator_fit (est, d->X_train, d->y_train, ctx, &error));
  g_assert_no_error (error);
}

/* float32 outputs: 1e-6 absolute (the predictions are ~1; float32 spacing 6e-8) */
static void
check_values (LbMatrix     *m,
              guint         col,
              const double *first5,
              double        sum)
{
  double s = 0.0;

  for (gsize i = 0; i < lb_matrix_get_n_rows (m); i++)
    s += LB_MATRIX_AT (m, i, col);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpfloat_with_epsilon (LB_MATRIX_AT (m, i, col), first5[i], 1e-6);
  g_assert_cmpfloat_with_epsilon (s, sum, 1e-5);
}

static void
test_classifier_moons (gconstpointer data)
{
  const char *method = data;
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) est = NULL;
  g_autoptr(LbMatrix) proba = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) desc = NULL;
  g_autofree char *params = g_strdup_printf ("{\"tree_method\": \"%s\"}", method);
  JsonArray *imp;
  /* ensembles-reference.py xgboost: XGBClassifier(random_state=42, n_jobs=1, tree_method=…) */
  static const double hist5[] = { 0.7860053181648254, 0.15449121594429016, 0.3281194567680359,
                                  0.9993422627449036, 0.9092715382575989 };
  static const double exact5[] = { 0.730674147605896, 0.44224631786346436, 0.08003532886505127,
                                   0.9990527033805847, 0.9824833869934082 };
  gboolean hist = g_str_equal (method, "hist");

  if (!lb_w7_moons (&d))
    return;
  est = make ("XGBClassifier", params);
  fit (est, &d);
  proba = lb_estimator_predict_proba (est, d.X_test, &error);
  g_assert_no_error (error);
  check_values (proba, 1, hist ? hist5 : exact5, hist ? 56.54238490376156 : 58.28456679312512);
  /* accuracy 0.864 / 0.872: exact counts of 125 test rows */
  g_assert_cmpfloat_with_epsilon (lb_w7_accuracy (est, d.X_test, d.y_test), hist ? 0.864 : 0.872, 1e-12);
  /* feature_importances_ (gain, normalised): float32 values, 1e-6 */
  desc = lb_estimator_describe_state (est);
  imp = json_object_get_array_member (json_node_get_object (desc), "feature_importances_");
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (imp, 0),
                                  hist ? 0.3706114888191223 : 0.39417406916618347, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (imp, 1),
                                  hist ? 0.6293885111808777 : 0.6058259606361389, 1e-6);
  lb_w7_data_clear (&d);
}

static void
test_regressor_quadratic (void)
{
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) a = NULL, b = NULL;
  g_autoptr(LbMatrix) pa = NULL, pb = NULL;
  g_autoptr(GError) error = NULL;
  /* XGBRegressor(n_estimators=20, max_depth=2, learning_rate=0.5, random_state=42, n_jobs=1,
   * tree_method="exact") */
  static const double a5[] = { 0.1650225669145584, 0.1650225669145584, -0.02073446661233902,
                               0.1650225669145584, 0.04458066448569298 };
  /* XGBRegressor(30, max_depth=3, subsample=0.7, reg_lambda=2, reg_alpha=0.1, gamma=0.01,
   * min_child_weight=2, random_state=42, n_jobs=1, tree_method="hist", max_bin=64) */
  static const double b5[] = { 0.16891008615493774, 0.16891008615493774, 0.02924189902842045,
                               0.11612240970134735, 0.04930165782570839 };

  if (!lb_w7_quadratic (&d))
    return;
  a = make ("XGBRegressor", "{\"n_estimators\": 20, \"max_depth\": 2, \"learning_rate\": 0.5,"
                            " \"tree_method\": \"exact\"}");
  fit (a, &d);
  pa = lb_estimator_predict (a, d.X_test, &error);
  g_assert_no_error (error);
  check_values (pa, 0, a5, 6.310530704446137);

  b = make ("XGBRegressor", "{\"n_estimators\": 30, \"max_depth\": 3, \"subsample\": 0.7,"
                            " \"reg_lambda\": 2, \"reg_alpha\": 0.1, \"gamma\": 0.01,"
                            " \"min_child_weight\": 2, \"tree_method\": \"hist\", \"max_bin\": 64}");
  fit (b, &d);
  pb = lb_estimator_predict (b, d.X_test, &error);
  g_assert_no_error (error);
  check_values (pb, 0, b5, 6.480568632483482);
  lb_w7_data_clear (&d);
}

typedef struct
{
  guint         n_events;
  double        last_loss;
  GCancellable *cancel_at_3;
} Events;

static void
on_event (const LbFitEvent *event,
          gpointer          user_data)
{
  Events *e = user_data;

  e->n_events++;
  g_assert_cmpuint (event->iteration, ==, e->n_events);
  g_assert_true (isfinite (event->loss));
  e->last_loss = event->loss;
  if (e->cancel_at_3 != NULL && e->n_events == 3)
    g_cancellable_cancel (e->cancel_at_3);
}

static void
test_rounds_events_cancel (void)
{
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) est = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  Events e = { 0 };

  if (!lb_w7_quadratic (&d))
    return;
  est = make ("XGBRegressor", "{\"n_estimators\": 25}");
  lb_fit_context_set_event_func (ctx, on_event, &e, NULL);
  g_assert_true (lb_estimator_fit (est, d.X_train, d.y_train, ctx, &error));
  g_assert_cmpuint (e.n_events, ==, 25);
  /* the last event's train RMSE is the metric XGBoost reports for the model */
  g_assert_cmpfloat (e.last_loss, ==, lb_xgboost_get_train_metric (LB_XGBOOST (est), 24));

  /* cancelled from the third round's event: stops before the fourth */
  e = (Events) { .cancel_at_3 = cancel };
  lb_fit_context_set_cancellable (ctx, cancel);
  g_assert_false (lb_estimator_fit (est, d.X_train, d.y_train, ctx, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (e.n_events, ==, 3);
  g_assert_false (lb_estimator_is_fitted (est));
  lb_w7_data_clear (&d);
}

static void
test_early_stopping (void)
{
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) est = NULL;
  g_autoptr(GError) error = NULL;
  LbXGBoost *xgb;
  guint n, best;

  if (!lb_w7_moons (&d))
    return;
  /* eta 0.3, depth 6 on 375 noisy moons rows overfits within a few dozen rounds */
  est = make ("XGBClassifier", "{\"n_estimators\": 500, \"early_stopping_rounds\": 10,"
                               " \"validation_fraction\": 0.2}");
  fit (est, &d);
  xgb = LB_XGBOOST (est);
  n = lb_xgboost_get_n_rounds (xgb);
  g_assert_cmpint (lb_xgboost_get_best_iteration (xgb), >=, 0);
  best = (guint) lb_xgboost_get_best_iteration (xgb);
  /* stopped exactly 10 rounds after the best, which is the minimum validation logloss */
  g_assert_cmpuint (n, <, 500);
  g_assert_cmpuint (n, ==, best + 11);
  for (guint r = 0; r < n; r++)
    g_assert_cmpfloat (lb_xgboost_get_valid_metric (xgb, r), >=, lb_xgboost_get_valid_metric (xgb, best));
  for (guint r = 0; r < best; r++)
    g_assert_cmpfloat (lb_xgboost_get_valid_metric (xgb, r), >, lb_xgboost_get_valid_metric (xgb, best));
  (void) error;
  lb_w7_data_clear (&d);
}

static void
test_state_round_trip_and_damage (void)
{
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) est = NULL, back = NULL, bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(LbMatrix) p1 = NULL, p2 = NULL;
  JsonObject *model;
  g_autofree guchar *bytes = NULL;
  g_autofree char *b64 = NULL;
  gsize len;

  if (!lb_w7_moons (&d))
    return;
  est = make ("XGBClassifier", "{\"n_estimators\": 30, \"early_stopping_rounds\": 5}");
  fit (est, &d);
  state = lb_estimator_save_state (est, &error);
  g_assert_no_error (error);
  back = lb_estimator_clone (est);
  g_assert_true (lb_estimator_load_state (back, state, &error));
  g_assert_no_error (error);
  p1 = lb_estimator_predict_proba (est, d.X_test, &error);
  p2 = lb_estimator_predict_proba (back, d.X_test, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (lb_matrix_get_const_data (p1), 125 * 2 * sizeof (double),
                   lb_matrix_get_const_data (p2), 125 * 2 * sizeof (double));

  /* flip one byte of the booster: the checksum refuses it before XGBoost parses it */
  model = json_object_get_object_member (json_node_get_object (state), "model");
  bytes = g_base64_decode (json_object_get_string_member (model, "booster"), &len);
  bytes[len / 2] ^= 0x5a;
  b64 = g_base64_encode (bytes, len);
  json_object_set_string_member (model, "booster", b64);
  bad = lb_estimator_clone (est);
  g_assert_false (lb_estimator_load_state (bad, state, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
  g_clear_error (&error);

  /* garbage with a matching checksum and length: XGBoost's own parser must fail, not crash */
  {
    static const guchar junk[] = "{Lpretend this is a booster";
    g_autofree char *jb64 = g_base64_encode (junk, sizeof junk);
    g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, junk, sizeof junk);

    json_object_set_string_member (model, "booster", jb64);
    json_object_set_string_member (model, "sha256", sum);
    json_object_set_int_member (model, "length", sizeof junk);
    g_assert_false (lb_estimator_load_state (bad, state, &error));
    g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
  }
  lb_w7_data_clear (&d);
}

/* REFERENCE.md W7 housing_xgboost_test_rmse: xgboost.XGBRegressor(random_state=42, n_jobs=2,
 * tree_method="hist") on the W2-prepared housing data, test RMSE 44751.9 (printed to 6 digits:
 * ±0.05). The same library on the same float32-cast matrix: agreement to the printed digit. */
static void
test_housing (void)
{
  double rmse = lb_w7_housing_test_rmse ("xgb_hist");

  if (isnan (rmse))
    return;
  g_test_message ("housing XGBRegressor (hist) test RMSE %.3f", rmse);
  g_assert_cmpfloat_with_epsilon (rmse, 44751.9, 0.05);
}

#endif

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#ifdef LB_HAVE_XGBOOST
  g_test_add_data_func ("/learnbench/engine/XGBClassifier/moons-hist", "hist", test_classifier_moons);
  g_test_add_data_func ("/learnbench/engine/XGBClassifier/moons-exact", "exact", test_classifier_moons);
  g_test_add_func ("/learnbench/engine/XGBRegressor/quadratic", test_regressor_quadratic);
  g_test_add_func ("/learnbench/engine/XGBRegressor/events-cancel", test_rounds_events_cancel);
  g_test_add_func ("/learnbench/engine/XGBClassifier/early-stopping", test_early_stopping);
  g_test_add_func ("/learnbench/engine/XGBClassifier/state", test_state_round_trip_and_damage);
  g_test_add_func ("/learnbench/engine/XGBRegressor/housing", test_housing);
#endif
  return g_test_run ();
}
