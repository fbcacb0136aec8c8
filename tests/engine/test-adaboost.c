/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-adaboost.c: AdaBoostClassifier with decision stumps reproduces
 * scikit-learn 1.2.1's staged decision function, estimator weights and
 * errors, probabilities and feature importances on REFERENCE.md W7's moons
 * (SAMME.R as the book, and SAMME), to 1e-10: the stumps are deterministic
 * (continuous features, no tied splits), so every round picks the same split.
 * Also: staged predictions, events per round, cancel, model-file round trip;
 * AdaBoostRegressor (R2) within scikit-learn's spread across seeds, and its
 * weighted median checked by hand.
 * Reference numbers: tests/engine/reference/ensembles-reference.py adaboost.
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"
#include "lb-test-w7.h"

typedef struct
{
  const char *algorithm;
  guint       n_estimators;
  double      learning_rate;
  double      accuracy;
  guint       stages[4];
  double      d4[4][4];    /* first 4 test rows' decision function per stage */
  double      dsum[4];     /* its sum over the 125 test rows */
  double      weights[3];
  double      errors[3];
  double      proba2[4];
  double      importances[2];
} Case;

static const Case cases[] = {
  { "SAMME.R", 200, 0.5, 0.896, { 1, 2, 10, 200 },
    { { 1.2261735143061272, -1.9972034434428632, -1.9972034434428632, 1.2261735143061272 },
      { 0.28681209893979853, -1.3248763799346968, -1.3248763799346968, 1.617062790632823 },
      { 0.008489640909345359, -0.1365970696329718, -0.1365970696329718, 1.6457376013068719 },
      { 0.002117017030968825, 0.004231719108909744, -0.00882964903367054, 0.3425595022232615 } },
    { -43.35430513442252, -15.902710634613545, 13.051380602621252, -2.6947525918974273 },
    { 1.0, 1.0, 1.0 }, { 0.18133333333333332, 0.2751293743264882, 0.2833409605090431 },
    { 0.49947074593992363, 0.5005292540600763, 0.49894207180150485, 0.5010579281984952 },
    { 0.535, 0.465 } },
  { "SAMME", 60, 0.7, 0.904, { 1, 2, 10, 60 },
    { { 1.0, -1.0, -1.0, 1.0 },
      { 0.19087410985364373, -1.0, -1.0, 1.0 },
      { 0.00023300500133610624, -0.39370490791878376, -0.39370490791878376, 0.7224186221162516 },
      { 0.004141211121944821, -0.06014476248617073, -0.06014476248617073, 0.44506770339024054 } },
    { 3.0, -24.510280264976114, -9.30679160436359, 0.495312409642462 },
    { 1.055138029687763, 0.716901551922484, 0.6060521213268348 },
    { 0.18133333333333332, 0.2642207771219292, 0.29613133153183324 },
    { 0.49896469869909954, 0.5010353013009005, 0.515031659610372, 0.48496834038962805 },
    { 0.613975033662048, 0.3860249663379522 } },
};

static LbEstimator *
make_case (const Case *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf (
    "{\"estimator\": \"AdaBoostClassifier\", \"params\": {\"estimator\": {\"estimator\": "
    "\"DecisionTreeClassifier\", \"params\": {\"max_depth\": 1}}, \"n_estimators\": %u, "
    "\"algorithm\": \"%s\", \"learning_rate\": %.17g}}", c->n_estimators, c->algorithm, c->learning_rate);
  g_autoptr(JsonNode) spec = json_from_string (json, &error);
  LbEstimator *est;

  g_assert_no_error (error);
  est = lb_estimator_new_from_json (spec, &error);
  g_assert_no_error (error);
  return est;
}

static guint n_events;

static void
count_event (const LbFitEvent *event,
             gpointer          user_data)
{
  if (event->message == NULL)
    n_events++;
}

static void
test_moons (gconstpointer data)
{
  const Case *c = data;
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) est = NULL, back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(LbMatrix) proba = NULL, proba2 = NULL;
  g_autoptr(JsonNode) desc = NULL, state = NULL;
  LbAdaBoostClassifier *ada;
  JsonObject *o;

  if (lb_estimator_lookup ("DecisionTreeClassifier") == G_TYPE_INVALID)
    {
      g_test_skip ("DecisionTreeClassifier is not registered");
      return;
    }
  if (!lb_w7_moons (&d))
    return;
  est = make_case (c);
  ada = LB_ADABOOST_CLASSIFIER (est);
  n_events = 0;
  lb_fit_context_set_event_func (ctx, count_event, NULL, NULL);
  g_assert_true (lb_estimator_fit (est, d.X_train, d.y_train, ctx, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lb_adaboost_classifier_get_n_rounds (ada), ==, c->n_estimators);
  g_assert_cmpuint (n_events, ==, c->n_estimators);
  /* accuracy on the 125 test rows: exact */
  g_assert_cmpfloat (lb_w7_accuracy (est, d.X_test, d.y_test), ==, c->accuracy);

  for (guint s = 0; s < 4; s++)
    {
      g_autoptr(LbMatrix) df = lb_adaboost_classifier_staged_decision_function (ada, d.X_test, c->stages[s],
                                                                                &error);
      g_autoptr(LbMatrix) pred = lb_adaboost_classifier_staged_predict (ada, d.X_test, c->stages[s], &error);
      double sum = 0.0;

      g_assert_no_error (error);
      for (guint i = 0; i < 125; i++)
        {
          sum += lb_matrix_get_const_data (df)[i];
          g_assert_cmpfloat (lb_matrix_get_const_data (pred)[i], ==, lb_matrix_get_const_data (df)[i] > 0);
        }
      /* 1e-10 per value; the sum of 125 values 1e-8 */
      for (guint i = 0; i < 4; i++)
        g_assert_cmpfloat_with_epsilon (lb_matrix_get_const_data (df)[i], c->d4[s][i], 1e-10);
      g_assert_cmpfloat_with_epsilon (sum, c->dsum[s], 1e-8);
    }

  desc = lb_estimator_describe_state (est);
  o = json_node_get_object (desc);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat_with_epsilon (json_array_get_double_element (json_object_get_array_member (o, "estimator_weights_"), i),
                                      c->weights[i], 1e-12);
      g_assert_cmpfloat_with_epsilon (json_array_get_double_element (json_object_get_array_member (o, "estimator_errors_"), i),
                                      c->errors[i], 1e-12);
    }
  for (guint j = 0; j < 2; j++)
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (json_object_get_array_member (o, "feature_importances_"), j),
                                    c->importances[j], 1e-10);

  proba = lb_estimator_predict_proba (est, d.X_test, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (lb_matrix_get_const_data (proba)[i], c->proba2[i], 1e-10);

  state = lb_estimator_save_state (est, &error);
  g_assert_no_error (error);
  back = lb_estimator_clone (est);
  g_assert_true (lb_estimator_load_state (back, state, &error));
  g_assert_no_error (error);
  proba2 = lb_estimator_predict_proba (back, d.X_test, &error);
  g_assert_cmpmem (lb_matrix_get_const_data (proba), 250 * sizeof (double),
                   lb_matrix_get_const_data (proba2), 250 * sizeof (double));
  lb_w7_data_clear (&d);
}

static void
cancel_on_event (const LbFitEvent *event,
                 gpointer          user_data)
{
  if (event->iteration == 5)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_and_weights_required (void)
{
  LbW7Data d = { 0 };
  g_autoptr(LbEstimator) est = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(GCancellable) cancel = g_cancellable_new ();

  if (lb_estimator_lookup ("DecisionTreeClassifier") == G_TYPE_INVALID)
    {
      g_test_skip ("DecisionTreeClassifier is not registered");
      return;
    }
  if (!lb_w7_moons (&d))
    return;
  est = make_case (&cases[0]);
  lb_fit_context_set_cancellable (ctx, cancel);
  lb_fit_context_set_event_func (ctx, cancel_on_event, cancel, NULL);
  g_assert_false (lb_estimator_fit (est, d.X_train, d.y_train, ctx, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (lb_estimator_is_fitted (est));
  g_clear_error (&error);

  /* a base estimator without sample weights cannot be boosted */
  g_assert_true (lb_estimator_set_param_string (est, "estimator", "KNeighborsClassifier", &error));
  g_assert_false (lb_estimator_fit (est, d.X_train, d.y_train, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED);
  lb_w7_data_clear (&d);
}

/* AdaBoostRegressor draws its bootstraps from our generator, not numpy's: agreement is "within
 * scikit-learn's spread" — its test MSE over random_state 0..29 on the quadratic data
 * (ensembles-reference.py adaboost-regressor), with a 20 % margin (30 seeds do not reach the
 * tails), for 4 seeds of ours and each loss. */
static void
test_regressor_spread (void)
{
  static const struct { const char *loss; double lo, hi; } ranges[] = {
    { "linear", 0.003406609181927528, 0.0072877539236452125 },
    { "square", 0.0028034804460761753, 0.004228557823300677 },
    { "exponential", 0.003434795868855632, 0.004530414998208194 },
  };
  LbW7Data d = { 0 };

  if (lb_estimator_lookup ("DecisionTreeRegressor") == G_TYPE_INVALID)
    {
      g_test_skip ("DecisionTreeRegressor is not registered");
      return;
    }
  if (!lb_w7_quadratic (&d))
    return;
  for (guint l = 0; l < G_N_ELEMENTS (ranges); l++)
    for (guint64 seed = 1; seed <= 4; seed++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *json = g_strdup_printf ("{\"estimator\": \"AdaBoostRegressor\", \"params\":"
                                                 " {\"n_estimators\": 50, \"loss\": \"%s\"}}", ranges[l].loss);
        g_autoptr(JsonNode) spec = json_from_string (json, NULL);
        g_autoptr(LbEstimator) est = lb_estimator_new_from_json (spec, &error);
        g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
        g_autoptr(LbMatrix) pred = NULL, staged = NULL, back_pred = NULL;
        g_autoptr(JsonNode) state = NULL;
        g_autoptr(LbEstimator) back = NULL;
        LbAdaBoostRegressor *ada = LB_ADABOOST_REGRESSOR (est);
        double mse = 0.0;

        lb_fit_context_set_seed (ctx, seed);
        g_assert_true (lb_estimator_fit (est, d.X_train, d.y_train, ctx, &error));
        g_assert_no_error (error);
        pred = lb_estimator_predict (est, d.X_test, &error);
        for (guint i = 0; i < 25; i++)
          mse += pow (lb_matrix_get_const_data (pred)[i] - lb_matrix_get_const_data (d.y_test)[i], 2) / 25;
        g_test_message ("%s, seed %" G_GUINT64_FORMAT ": %u rounds, test MSE %g", ranges[l].loss, seed,
                        lb_adaboost_regressor_get_n_rounds (ada), mse);
        g_assert_cmpfloat (mse, >=, ranges[l].lo * 0.8);
        g_assert_cmpfloat (mse, <=, ranges[l].hi * 1.2);
        /* the last stage is the model's prediction, and a model file keeps it */
        staged = lb_adaboost_regressor_staged_predict (ada, d.X_test, lb_adaboost_regressor_get_n_rounds (ada),
                                                       &error);
        g_assert_no_error (error);
        g_assert_cmpmem (lb_matrix_get_const_data (pred), 25 * sizeof (double),
                         lb_matrix_get_const_data (staged), 25 * sizeof (double));
        state = lb_estimator_save_state (est, &error);
        back = lb_estimator_clone (est);
        g_assert_true (lb_estimator_load_state (back, state, &error));
        g_assert_no_error (error);
        back_pred = lb_estimator_predict (back, d.X_test, &error);
        g_assert_cmpmem (lb_matrix_get_const_data (pred), 25 * sizeof (double),
                         lb_matrix_get_const_data (back_pred), 25 * sizeof (double));
      }
  lb_w7_data_clear (&d);
}

/* The weighted median by hand: three constant "rounds" (DummyRegressor with constants 1, 5, 3)
 * weighted through the model file state the way scikit-learn's _get_median_predict reads them. */
static void
test_regressor_weighted_median (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbEstimator) est = lb_adaboost_regressor_new ();
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(LbMatrix) X = lb_matrix_new (2, 1), y = lb_matrix_new (2, 1), pred = NULL;
  static const double constants[] = { 1, 5, 3 };
  /* sorted 1 (w .2), 3 (w .3), 5 (w .5): cumulative .2, .5, 1.0; half of 1.0 is reached at 3 */
  static const double weights[] = { 0.2, 0.5, 0.3 };
  JsonArray *children = json_array_new ();
  JsonObject *model;

  lb_matrix_get_data (y)[1] = 1.0;
  g_assert_true (lb_estimator_set_param_string (est, "estimator", "DummyRegressor", &error));
  g_assert_true (lb_estimator_set_param_string (est, "n_estimators", "1", &error));
  g_assert_true (lb_estimator_fit (est, X, y, NULL, &error));
  state = lb_estimator_save_state (est, &error);
  g_assert_no_error (error);
  model = json_object_get_object_member (json_node_get_object (state), "model");
  for (guint e = 0; e < 3; e++)
    {
      g_autoptr(LbEstimator) dummy = lb_estimator_new_by_name ("DummyRegressor", &error);
      g_autoptr(GError) local = NULL;
      JsonObject *child = json_object_new ();
      g_autofree char *constant = g_strdup_printf ("%g", constants[e]);

      g_assert_true (lb_estimator_set_param_string (dummy, "strategy", "constant", &local));
      g_assert_true (lb_estimator_set_param_string (dummy, "constant", constant, &local));
      g_assert_true (lb_estimator_fit (dummy, X, y, NULL, &local));
      json_object_set_member (child, "spec", lb_estimator_to_json (dummy));
      json_object_set_member (child, "state", lb_estimator_save_state (dummy, &local));
      json_array_add_object_element (children, child);
    }
  json_object_set_array_member (model, "estimators", children);
  json_object_set_member (model, "weights", lb_state_from_doubles (weights, 3));
  json_object_set_member (model, "errors", lb_state_from_doubles (weights, 3));
  g_assert_true (lb_estimator_load_state (est, state, &error));
  g_assert_no_error (error);
  pred = lb_estimator_predict (est, X, &error);
  g_assert_cmpfloat (lb_matrix_get_const_data (pred)[0], ==, 3.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/learnbench/engine/AdaBoostClassifier/moons-samme.r", &cases[0], test_moons);
  g_test_add_data_func ("/learnbench/engine/AdaBoostClassifier/moons-samme", &cases[1], test_moons);
  g_test_add_func ("/learnbench/engine/AdaBoostClassifier/cancel", test_cancel_and_weights_required);
  g_test_add_func ("/learnbench/engine/AdaBoostRegressor/spread", test_regressor_spread);
  g_test_add_func ("/learnbench/engine/AdaBoostRegressor/weighted-median", test_regressor_weighted_median);
  return g_test_run ();
}
