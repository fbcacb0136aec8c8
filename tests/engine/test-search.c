/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-search.c: grid and randomized search against scikit-learn 1.2.1's
 * GridSearchCV (numbers from tests/engine/reference/select-cv.py: Ridge on
 * data exact in binary, KFold(4), neg_mean_squared_error), candidate order,
 * ranks, refit, streaming, parallel == serial, and the search-space rules.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-search.h"
#include "lb-test-util.h"

/* Ridge(solver="auto") is a Cholesky solve of a 3 x 3 system on both sides:
 * agreement ~1e-14; 1e-8 relative allows another summation order in BLAS. */
#define SEARCH_RTOL 1e-8

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

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

#define RIDGE_GRID "{\"fit_intercept\": [true, false], \"alpha\": [0.01, 0.1, 1.0, 10.0, 100.0]}"

/* ParameterGrid: keys sorted (alpha < fit_intercept), the last varies fastest. */
static void
test_grid_expand (void)
{
  g_autoptr(JsonNode) grid = parse (RIDGE_GRID);
  g_autoptr(JsonNode) two = parse ("[{\"a\": [1, 2]}, {\"b\": [\"x\"], \"a\": [3]}, {}]");
  g_autoptr(JsonNode) bad = parse ("{\"alpha\": []}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) c = lb_param_grid_expand (grid, &error);
  g_autoptr(GPtrArray) d = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (c->len, ==, 10);
  g_assert_cmpfloat (json_object_get_double_member (g_ptr_array_index (c, 0), "alpha"), ==, 0.01);
  g_assert_true (json_object_get_boolean_member (g_ptr_array_index (c, 0), "fit_intercept"));
  g_assert_false (json_object_get_boolean_member (g_ptr_array_index (c, 1), "fit_intercept"));
  g_assert_cmpfloat (json_object_get_double_member (g_ptr_array_index (c, 2), "alpha"), ==, 0.1);
  g_assert_cmpfloat (json_object_get_double_member (g_ptr_array_index (c, 9), "alpha"), ==, 100.0);

  d = lb_param_grid_expand (two, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (d->len, ==, 4);   /* 2 + 1 + the empty dict's {} */
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (d, 2), "a"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (d, 2), "b"), ==, "x");
  g_assert_cmpuint (json_object_get_size (g_ptr_array_index (d, 3)), ==, 0);

  none = lb_param_grid_expand (bad, &error);
  g_assert_null (none);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_nonnull (strstr (error->message, "alpha"));
}

typedef struct
{
  guint calls;
  guint seen_mask;
  guint last_done;
} CandLog;

static void
on_candidate (const LbSearchCandidate *c,
              gpointer                 user_data)
{
  CandLog *log = user_data;

  log->calls++;
  log->seen_mask |= 1u << c->index;
  log->last_done = c->n_done;
  g_assert_cmpuint (c->n_splits, ==, 4);
  g_assert_cmpfloat (c->mean_test, ==, (c->test_scores[0] + c->test_scores[1]
                                        + c->test_scores[2] + c->test_scores[3]) / 4);
}

/* GridSearchCV(Ridge(), grid, cv=KFold(4), scoring="neg_mean_squared_error",
 * return_train_score=True): mean / std / rank per candidate, best index 2
 * ({alpha: 0.1, fit_intercept: True}), best_estimator_.predict([[1, 1, 1]]). */
static void
test_grid_search_ridge (void)
{
  static const double mean_ref[] = {
    -0.04648256553686231, -0.052759553234791604, -0.04641765205567558, -0.052772574155831545,
    -0.07236803043931471, -0.07542784295144539, -0.5193190828080556, -0.48505406004900675,
    -1.9911143091486876, -2.0814815202964194 };
  static const double std_ref[] = {
    0.006361756933173155, 0.006513939591205346, 0.009228277874890717, 0.009164421482176898,
    0.02925768511144975, 0.027238555174768513, 0.14131427249079656, 0.11543868221559543,
    0.3990066258050363, 0.5139714759765488 };
  static const double split0_ref[] = {
    -0.04128184980645435, -0.05425127896649371, -0.04151283309506959, -0.05475616046135645,
    -0.062146094593607704, -0.06927491807443129, -0.3003336070651662, -0.30159977439025665,
    -1.3642230848703523, -1.246165689957521 };
  static const double train_ref[] = {
    -0.04008841287691806, -0.04802835226550145, -0.04046755532404518, -0.04833793536215969,
    -0.06573200473986451, -0.07059546102680805, -0.4852644763102424, -0.4570165110156539,
    -1.9436758979981419, -2.0367063148832685 };
  static const guint rank_ref[] = { 2, 3, 1, 4, 5, 6, 8, 7, 9, 10 };
  static const guint sorted_ref[] = { 2, 0, 1, 3, 4, 5, 7, 6, 8, 9 };
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) ridge = new_estimator ("Ridge");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (4, FALSE, 0);
  g_autoptr(JsonNode) grid = parse (RIDGE_GRID);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbSearchResult) res = NULL;
  g_autoptr(LbMatrix) probe = lb_matrix_new (1, 3);
  g_autoptr(LbMatrix) pred = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree guint *sorted = NULL;
  JsonObject *best, *cv_results;
  CandLog log = { 0 };

  make_data (&X, &y);
  res = lb_grid_search (ridge, X, y, grid, cv, "neg_mean_squared_error",
                        LB_SEARCH_REFIT | LB_SEARCH_RETURN_TRAIN_SCORE,
                        on_candidate, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_search_result_get_n_candidates (res), ==, 10);
  g_assert_cmpuint (lb_search_result_get_n_splits (res), ==, 4);
  for (guint c = 0; c < 10; c++)
    {
      assert_close (lb_search_result_get_mean_test (res, c), mean_ref[c], SEARCH_RTOL);
      assert_close (lb_search_result_get_std_test (res, c), std_ref[c], 1e-7);
      assert_close (lb_search_result_get_split_test_score (res, c, 0), split0_ref[c], SEARCH_RTOL);
      assert_close (lb_search_result_get_mean_train (res, c), train_ref[c], SEARCH_RTOL);
      g_assert_cmpuint (lb_search_result_get_rank (res, c), ==, rank_ref[c]);
    }
  g_assert_cmpuint (lb_search_result_get_best_index (res), ==, 2);
  best = lb_search_result_get_best_params (res);
  g_assert_cmpfloat (json_object_get_double_member (best, "alpha"), ==, 0.1);
  g_assert_true (json_object_get_boolean_member (best, "fit_intercept"));
  assert_close (lb_search_result_get_best_score (res), -0.04641765205567558, SEARCH_RTOL);
  sorted = lb_search_result_dup_sorted_indices (res);
  g_assert_cmpmem (sorted, sizeof sorted_ref, sorted_ref, sizeof sorted_ref);

  /* refit on all 37 rows: predict([[1, 1, 1]]) = 0.08727890705876007 */
  g_assert_nonnull (lb_search_result_get_best_estimator (res));
  LB_MATRIX_AT (probe, 0, 0) = LB_MATRIX_AT (probe, 0, 1) = LB_MATRIX_AT (probe, 0, 2) = 1.0;
  pred = lb_estimator_predict (lb_search_result_get_best_estimator (res), probe, &error);
  g_assert_no_error (error);
  assert_close (LB_MATRIX_AT (pred, 0, 0), 0.08727890705876007, SEARCH_RTOL);
  g_assert_false (lb_estimator_is_fitted (ridge));

  g_assert_cmpuint (log.calls, ==, 10);
  g_assert_cmpuint (log.seen_mask, ==, 0x3ff);
  g_assert_cmpuint (log.last_done, ==, 10);

  json = lb_search_result_to_json (res);
  cv_results = json_object_get_object_member (json_node_get_object (json), "cv_results");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cv_results, "params")), ==, 10);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (cv_results, "rank_test_score"), 2), ==, 1);
  g_assert_true (json_object_has_member (cv_results, "split3_test_score"));
  g_assert_true (json_object_has_member (cv_results, "mean_train_score"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json), "best_index"), ==, 2);
}

/* GridSearchCV(Pipeline([("poly", PolynomialFeatures(include_bias=False)),
 * ("model", Ridge())]), {"poly__degree": [1, 2], "model__alpha": [0.1, 10.0]},
 * cv=KFold(3), scoring="r2"): nested names, candidates in sorted-key order. */
static void
test_grid_search_pipeline (void)
{
  static const double mean_ref[] = { 0.9832733427315811, 0.9813137579390321,
                                     0.7930650877079133, 0.9119586753861312 };
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbPipeline) pipe = lb_pipeline_new ();
  g_autoptr(LbEstimator) poly = new_estimator ("PolynomialFeatures");
  g_autoptr(LbEstimator) ridge = new_estimator ("Ridge");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (3, FALSE, 0);
  g_autoptr(JsonNode) grid = parse ("{\"poly__degree\": [1, 2], \"model__alpha\": [0.1, 10.0]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbSearchResult) res = NULL;

  make_data (&X, &y);
  g_assert_true (lb_estimator_set_param_string (poly, "include_bias", "false", &error));
  g_assert_true (lb_pipeline_append (pipe, "poly", poly, &error));
  g_assert_true (lb_pipeline_append (pipe, "model", ridge, &error));
  g_assert_no_error (error);
  res = lb_grid_search (LB_ESTIMATOR (pipe), X, y, grid, cv, "r2", LB_SEARCH_REFIT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_search_result_get_n_candidates (res), ==, 4);
  g_assert_cmpint (json_object_get_int_member (lb_search_result_get_params (res, 1), "poly__degree"), ==, 2);
  for (guint c = 0; c < 4; c++)
    assert_close (lb_search_result_get_mean_test (res, c), mean_ref[c], SEARCH_RTOL);
  g_assert_cmpuint (lb_search_result_get_best_index (res), ==, 0);
  g_assert_true (LB_IS_PIPELINE (lb_search_result_get_best_estimator (res)));
  g_assert_true (lb_estimator_is_fitted (lb_search_result_get_best_estimator (res)));
}

/* Serial and 2 threads: bit-identical (SGD: the per-fold seeds are fixed). */
static void
test_parallel_equals_serial (void)
{
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) sgd = new_estimator ("SGDRegressor");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (3, FALSE, 0);
  g_autoptr(JsonNode) grid = parse ("{\"alpha\": [0.0001, 0.01, 1.0]}");
  g_autoptr(LbFitContext) one = lb_fit_context_new ();
  g_autoptr(LbFitContext) two = lb_fit_context_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbSearchResult) a = NULL, b = NULL;

  make_data (&X, &y);
  lb_fit_context_set_n_threads (two, 2);
  a = lb_grid_search (sgd, X, y, grid, cv, "r2", 0, NULL, NULL, one, &error);
  g_assert_no_error (error);
  b = lb_grid_search (sgd, X, y, grid, cv, "r2", 0, NULL, NULL, two, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < 3; c++)
    for (guint s = 0; s < 3; s++)
      g_assert_cmpfloat (lb_search_result_get_split_test_score (a, c, s), ==,
                         lb_search_result_get_split_test_score (b, c, s));
  g_assert_null (lb_search_result_get_best_estimator (a));   /* no refit asked */
}

static void
test_search_errors (void)
{
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) ridge = new_estimator ("Ridge");
  g_autoptr(JsonNode) bad_value = parse ("{\"alpha\": [1.0, -1.0]}");
  g_autoptr(JsonNode) bad_name = parse ("{\"alpah\": [1.0]}");
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(JsonNode) grid = parse (RIDGE_GRID);
  g_autoptr(GError) error = NULL;
  LbSearchResult *res;

  make_data (&X, &y);
  res = lb_grid_search (ridge, X, y, bad_value, NULL, NULL, 0, NULL, NULL, NULL, &error);
  g_assert_null (res);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_nonnull (strstr (error->message, "candidate 2"));
  g_clear_error (&error);

  res = lb_grid_search (ridge, X, y, bad_name, NULL, NULL, 0, NULL, NULL, NULL, &error);
  g_assert_null (res);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  lb_fit_context_set_cancellable (ctx, cancellable);
  res = lb_grid_search (ridge, X, y, grid, NULL, NULL, 0, NULL, NULL, ctx, &error);
  g_assert_null (res);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ParameterSampler's rules with our RNG: lists only -> distinct grid points
 * (at most the grid's size); distributions -> values inside their ranges;
 * same seed, same candidates. */
static void
test_sampling (void)
{
  g_autoptr(JsonNode) lists = parse ("{\"a\": [1, 2, 3], \"b\": [true, false]}");
  g_autoptr(JsonNode) dists = parse ("{\"alpha\": {\"loguniform\": [0.001, 10]},"
                                     " \"max_iter\": {\"randint\": [5, 8]},"
                                     " \"eta0\": {\"uniform\": [0.5, 0.75]},"
                                     " \"fit_intercept\": [true, false]}");
  g_autoptr(JsonNode) bad = parse ("{\"alpha\": {\"loguniform\": [0, 1]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = lb_param_distributions_sample (lists, 100, 1, &error);
  g_autoptr(GPtrArray) s1 = NULL, s2 = NULL, none = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean saw[3] = { FALSE, FALSE, FALSE };

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 6);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), g_ptr_array_index (all, i));

      g_assert_true (g_hash_table_add (seen, json_to_string (node, FALSE)));
    }

  s1 = lb_param_distributions_sample (dists, 200, 7, &error);
  g_assert_no_error (error);
  s2 = lb_param_distributions_sample (dists, 200, 7, &error);
  g_assert_cmpuint (s1->len, ==, 200);
  for (guint i = 0; i < 200; i++)
    {
      JsonObject *c = g_ptr_array_index (s1, i), *d = g_ptr_array_index (s2, i);
      double alpha = json_object_get_double_member (c, "alpha");
      double eta0 = json_object_get_double_member (c, "eta0");
      gint64 it = json_object_get_int_member (c, "max_iter");

      g_assert_cmpfloat (alpha, >=, 0.001);
      g_assert_cmpfloat (alpha, <, 10);
      g_assert_cmpfloat (eta0, >=, 0.5);
      g_assert_cmpfloat (eta0, <, 0.75);
      g_assert_cmpint (it, >=, 5);
      g_assert_cmpint (it, <, 8);
      saw[it - 5] = TRUE;
      g_assert_cmpfloat (alpha, ==, json_object_get_double_member (d, "alpha"));
    }
  g_assert_true (saw[0] && saw[1] && saw[2]);

  none = lb_param_distributions_sample (bad, 3, 1, &error);
  g_assert_null (none);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_nonnull (strstr (error->message, "alpha"));
}

/* A randomized search over Ridge's alpha: every candidate's mean equals the
 * plain cross-validation of that alpha (the search adds no arithmetic). */
static void
test_randomized_search (void)
{
  g_autoptr(LbMatrix) X = NULL, y = NULL;
  g_autoptr(LbEstimator) ridge = new_estimator ("Ridge");
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (4, FALSE, 0);
  g_autoptr(JsonNode) dists = parse ("{\"alpha\": {\"loguniform\": [0.01, 100]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbSearchResult) res = NULL;

  make_data (&X, &y);
  res = lb_randomized_search (ridge, X, y, dists, 5, cv, "neg_mean_squared_error", LB_SEARCH_REFIT,
                              NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_search_result_get_n_candidates (res), ==, 5);
  for (guint c = 0; c < 5; c++)
    {
      g_autoptr(LbEstimator) one = lb_estimator_clone (ridge);
      g_autoptr(LbCvResult) cvr = NULL;

      g_assert_true (lb_estimator_set_params (one, lb_search_result_get_params (res, c), NULL));
      cvr = lb_cross_validate (one, X, y, cv, "neg_mean_squared_error", 0, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (lb_cv_result_get_mean_test (cvr), ==, lb_search_result_get_mean_test (res, c));
      if (lb_search_result_get_rank (res, c) == 1)
        g_assert_cmpuint (c, ==, lb_search_result_get_best_index (res));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/engine/Search/grid-expand", test_grid_expand);
  g_test_add_func ("/learnbench/engine/Search/grid-search-ridge", test_grid_search_ridge);
  g_test_add_func ("/learnbench/engine/Search/grid-search-pipeline", test_grid_search_pipeline);
  g_test_add_func ("/learnbench/engine/Search/parallel-equals-serial", test_parallel_equals_serial);
  g_test_add_func ("/learnbench/engine/Search/errors", test_search_errors);
  g_test_add_func ("/learnbench/engine/Search/sampling", test_sampling);
  g_test_add_func ("/learnbench/engine/Search/randomized", test_randomized_search);

  return g_test_run ();
}
