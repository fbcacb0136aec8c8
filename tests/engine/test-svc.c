/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-svc.c: SVC against scikit-learn 1.2.1's (libsvm 3.x inside) on the
 * book's chapter-5 experiments and iris (fixtures/svm-reference.json, from
 * /usr/bin/python3 tests/engine/reference/svm-reference.py): decision values
 * on every training row and the probes to 1e-4 (our SMO takes libsvm's
 * path; what is left is the kernel's rounding in the last bits), the same
 * support vectors, the same predictions; "ovr" / "ovo" shapes; gamma
 * "scale"; Platt probabilities judged statistically (our CV folds differ);
 * and cancelling a long fit returns within 200 ms.
 */
#include "config.h"

#include "lb-test-util.h"
#include "svm-test-util.h"

/* Tolerance on decision values: 1e-4 (the brief's libsvm agreement). */
#define DECISION_TOL 1e-4

static void
check_case (const char *name)
{
  JsonObject *c = svm_ref_case (name);
  g_autoptr(LbEstimator) svc = svm_ref_estimator ("SVC", c);
  g_autoptr(LbMatrix) X = svm_ref_matrix (c, "X");
  g_autoptr(LbMatrix) y = svm_ref_matrix (c, "y");
  g_autoptr(LbMatrix) probes = svm_ref_matrix (c, "probes");
  g_autoptr(LbMatrix) dec = NULL;
  g_autoptr(LbMatrix) dec_probes = NULL;
  g_autoptr(LbMatrix) ref = svm_ref_matrix (c, "decision_train");
  g_autoptr(LbMatrix) ref_probes = svm_ref_matrix (c, "decision_probes");
  g_autoptr(LbMatrix) ref_pred = svm_ref_matrix (c, "predict_train");
  g_autoptr(LbMatrix) pred = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *support = json_object_get_array_member (c, "support");
  JsonArray *n_support = json_object_get_array_member (c, "n_support");
  const guint *sup, *ns;
  gsize n_sv;
  guint k;

  g_assert_true (lb_estimator_fit (svc, X, y, NULL, &error));
  g_assert_no_error (error);

  /* gamma as libsvm was given it (scale / auto resolved): 1e-12 relative */
  g_assert_cmpfloat_with_epsilon (lb_svc_get_gamma (LB_SVC (svc)),
                                  json_object_get_double_member (c, "gamma"),
                                  1e-12 * json_object_get_double_member (c, "gamma"));

  dec = lb_estimator_decision_function (svc, X, &error);
  g_assert_no_error (error);
  dec_probes = lb_estimator_decision_function (svc, probes, &error);
  g_assert_no_error (error);
  g_test_message ("%s: max |delta decision| train %.3g probes %.3g", name,
                  svm_max_abs_diff (dec, ref), svm_max_abs_diff (dec_probes, ref_probes));
  g_assert_cmpfloat (svm_max_abs_diff (dec, ref), <, DECISION_TOL);
  g_assert_cmpfloat (svm_max_abs_diff (dec_probes, ref_probes), <, DECISION_TOL);

  /* the same support vectors, in libsvm's order (grouped by class) */
  sup = lb_svc_get_support (LB_SVC (svc), &n_sv);
  g_assert_cmpuint (n_sv, ==, json_array_get_length (support));
  for (guint i = 0; i < n_sv; i++)
    g_assert_cmpuint (sup[i], ==, json_array_get_int_element (support, i));
  ns = lb_svc_get_n_support (LB_SVC (svc), &k);
  g_assert_cmpuint (k, ==, json_array_get_length (n_support));
  for (guint i = 0; i < k; i++)
    g_assert_cmpuint (ns[i], ==, json_array_get_int_element (n_support, i));

  pred = lb_estimator_predict (svc, X, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (svm_max_abs_diff (pred, ref_pred), ==, 0.0);

  /* the ovo shape: libsvm's pairwise values */
  if (json_object_has_member (c, "decision_train_ovo"))
    {
      g_autoptr(LbMatrix) ref_ovo = svm_ref_matrix (c, "decision_train_ovo");
      g_autoptr(LbMatrix) ovo = NULL;

      g_assert_true (lb_estimator_set_param_string (svc, "decision_function_shape", "ovo", &error));
      ovo = lb_estimator_decision_function (svc, X, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (svm_max_abs_diff (ovo, ref_ovo), <, DECISION_TOL);
    }

  /* describe_state: intercept_ and dual_coef_ in scikit-learn's signs (1e-4) */
  {
    g_autoptr(JsonNode) state = lb_estimator_describe_state (svc);
    JsonObject *s = json_node_get_object (state);
    JsonArray *ic = json_object_get_array_member (s, "intercept_");
    JsonArray *ric = json_object_get_array_member (c, "intercept");

    g_assert_cmpuint (json_array_get_length (ic), ==, json_array_get_length (ric));
    for (guint i = 0; i < json_array_get_length (ic); i++)
      g_assert_cmpfloat_with_epsilon (json_array_get_double_element (ic, i),
                                      json_array_get_double_element (ric, i), DECISION_TOL);
    {
      JsonArray *dc = json_object_get_array_member (s, "dual_coef_");
      JsonArray *rdc = json_object_get_array_member (c, "dual_coef");

      g_assert_cmpuint (json_array_get_length (dc), ==, json_array_get_length (rdc));
      for (guint i = 0; i < json_array_get_length (dc); i++)
        {
          JsonArray *a = json_array_get_array_element (dc, i);
          JsonArray *b = json_array_get_array_element (rdc, i);

          g_assert_cmpuint (json_array_get_length (a), ==, json_array_get_length (b));
          for (guint j = 0; j < json_array_get_length (b); j++)
            g_assert_cmpfloat_with_epsilon (json_array_get_double_element (a, j),
                                            json_array_get_double_element (b, j), DECISION_TOL);
        }
    }
    if (json_object_has_member (c, "coef"))
      {
        JsonArray *coef = json_object_get_array_member (s, "coef_");
        JsonArray *rcoef = json_object_get_array_member (c, "coef");

        g_assert_cmpuint (json_array_get_length (coef), ==, json_array_get_length (rcoef));
        for (guint i = 0; i < json_array_get_length (coef); i++)
          {
            JsonArray *a = json_array_get_array_element (coef, i);
            JsonArray *b = json_array_get_array_element (rcoef, i);

            for (guint j = 0; j < json_array_get_length (b); j++)
              g_assert_cmpfloat_with_epsilon (json_array_get_double_element (a, j),
                                              json_array_get_double_element (b, j), DECISION_TOL);
          }
      }
  }
}

/* W5: moons, StandardScaler → SVC(kernel="poly", degree=3, coef0=1, C=5):
 * REFERENCE.md's probes [1.4219, -1.6513, -9.4483, 10.501, 1.4826], train accuracy 0.98 */
static void
test_moons_poly (void)
{
  check_case ("moons_poly3_coef0_1_C5");
}

/* W5: moons, SVC(kernel="rbf", gamma=5, C=0.001): probes
 * [0.0059724, -0.0034865, -0.00055004, 0.0030065, 0.0068527], accuracy 0.97 */
static void
test_moons_rbf (void)
{
  check_case ("moons_rbf_gamma5_C0.001");
}

static void
test_moons_rbf_scale (void)
{
  check_case ("moons_rbf_scale_C1");
}

static void
test_moons_sigmoid_auto (void)
{
  check_case ("moons_sigmoid_auto_C1");
}

static void
test_moons_linear (void)
{
  check_case ("moons_linear_C10");
}

/* class_weight "balanced": C · n / (k · n_c) per class, as libsvm's weighted C */
static void
test_class_weight (void)
{
  check_case ("moons_imbalanced_rbf_balanced");
}

static void
test_iris_rbf (void)
{
  check_case ("iris_rbf_scale_C1");
}

static void
test_iris_poly (void)
{
  check_case ("iris_poly2_C0.5");
}

static void
test_iris_linear (void)
{
  check_case ("iris_linear_C1");
}

/* 1000 rows: the kernel matrix is computed up front (64-row blocks, its
 * mirror image filled in); with cache_size 1 MB only 262 rows fit and the
 * LRU cache evicts — both must give libsvm's values (1e-4). */
static void
test_moons1000 (void)
{
  check_case ("moons1000_rbf_scale_C1");
}

/* Three classes of 200 rows: each class's own kernel block is computed once
 * and shared by its two pairs (the pair matrices assembled from blocks). */
static void
test_three_classes_blocks (void)
{
  check_case ("classif600_3class_rbf_C1");
}

static void
test_moons1000_small_cache (void)
{
  JsonObject *c = svm_ref_case ("moons1000_rbf_scale_C1");
  g_autoptr(LbEstimator) svc = svm_ref_estimator ("SVC", c);
  g_autoptr(LbMatrix) X = svm_ref_matrix (c, "X");
  g_autoptr(LbMatrix) y = svm_ref_matrix (c, "y");
  g_autoptr(LbMatrix) ref = svm_ref_matrix (c, "decision_train");
  g_autoptr(LbMatrix) dec = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lb_estimator_set_param_string (svc, "cache_size", "1", &error));
  g_assert_true (lb_estimator_fit (svc, X, y, NULL, &error));
  dec = lb_estimator_decision_function (svc, X, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (svm_max_abs_diff (dec, ref), <, DECISION_TOL);
}

/* Without shrinking libsvm takes another path to the same optimum: the
 * decision values still agree to 1e-3 (the solver's tol is 1e-3). */
static void
test_no_shrinking (void)
{
  JsonObject *c = svm_ref_case ("iris_rbf_scale_C1");
  g_autoptr(LbEstimator) svc = svm_ref_estimator ("SVC", c);
  g_autoptr(LbMatrix) X = svm_ref_matrix (c, "X");
  g_autoptr(LbMatrix) y = svm_ref_matrix (c, "y");
  g_autoptr(LbMatrix) ref = svm_ref_matrix (c, "decision_train");
  g_autoptr(LbMatrix) dec = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lb_estimator_set_param_string (svc, "shrinking", "false", &error));
  g_assert_true (lb_estimator_set_param_string (svc, "cache_size", "1", &error));
  g_assert_true (lb_estimator_fit (svc, X, y, NULL, &error));
  dec = lb_estimator_decision_function (svc, X, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (svm_max_abs_diff (dec, ref), <, 1e-3);
}

/* Platt scaling: libsvm's 5-fold CV uses its rand(), we use our RNG, so the
 * probabilities differ by the fold draw. Judged statistically: the mean
 * |Δp| over iris is below 0.03 and the most probable class agrees on >= 97 %
 * of the rows; rows sum to 1 (1e-12). */
static void
test_probability (void)
{
  JsonObject *c = svm_ref_case ("iris_rbf_scale_C1");
  JsonObject *pc = svm_ref_case ("iris_rbf_probability");
  g_autoptr(LbEstimator) svc = svm_ref_estimator ("SVC", c);
  g_autoptr(LbMatrix) X = svm_ref_matrix (c, "X");
  g_autoptr(LbMatrix) y = svm_ref_matrix (c, "y");
  g_autoptr(LbMatrix) ref = svm_ref_matrix (pc, "proba_train");
  g_autoptr(LbMatrix) proba = NULL;
  g_autoptr(GError) error = NULL;
  double sum_abs = 0.0;
  guint agree = 0, n = lb_matrix_get_n_rows (X);

  g_assert_true (lb_estimator_fit (svc, X, y, NULL, &error));
  proba = lb_estimator_predict_proba (svc, X, &error);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_null (proba);

  g_assert_true (lb_estimator_set_param_string (svc, "probability", "true", &error));
  g_assert_true (lb_estimator_fit (svc, X, y, NULL, &error));
  g_assert_no_error (error);
  proba = lb_estimator_predict_proba (svc, X, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      double s = 0.0;
      guint a = 0, b = 0;

      for (guint j = 0; j < 3; j++)
        {
          s += LB_MATRIX_AT (proba, i, j);
          sum_abs += fabs (LB_MATRIX_AT (proba, i, j) - LB_MATRIX_AT (ref, i, j));
          if (LB_MATRIX_AT (proba, i, j) > LB_MATRIX_AT (proba, i, a))
            a = j;
          if (LB_MATRIX_AT (ref, i, j) > LB_MATRIX_AT (ref, i, b))
            b = j;
        }
      g_assert_cmpfloat_with_epsilon (s, 1.0, 1e-12);
      agree += a == b;
    }
  g_test_message ("probability: mean |delta p| %.4f, argmax agreement %u / %u", sum_abs / (3 * n), agree, n);
  g_assert_cmpfloat (sum_abs / (3 * n), <, 0.03);
  g_assert_cmpuint (agree, >=, (guint) (0.97 * n));
}

/* The pairs of classes fit in parallel with a thread budget: the model is
 * bit-identical to the serial one (each pair writes only its own slots; the
 * Platt CV draws come from one RNG stream per pair). */
static void
test_threads (void)
{
  JsonObject *c = svm_ref_case ("iris_rbf_scale_C1");
  g_autoptr(LbMatrix) X = svm_ref_matrix (c, "X");
  g_autoptr(LbMatrix) y = svm_ref_matrix (c, "y");
  LbMatrix *out[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;

  for (guint t = 0; t < 2; t++)
    {
      g_autoptr(LbEstimator) svc = svm_ref_estimator ("SVC", c);
      g_autoptr(LbFitContext) ctx = lb_fit_context_new ();

      lb_fit_context_set_n_threads (ctx, t + 1);
      g_assert_true (lb_estimator_set_param_string (svc, "probability", "true", &error));
      g_assert_true (lb_estimator_fit (svc, X, y, ctx, &error));
      g_assert_no_error (error);
      out[t] = lb_estimator_predict_proba (svc, X, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpmem (lb_matrix_get_const_data (out[0]), 150 * 3 * sizeof (double),
                   lb_matrix_get_const_data (out[1]), 150 * 3 * sizeof (double));
  lb_matrix_unref (out[0]);
  lb_matrix_unref (out[1]);
}

/* gamma: "scale", "auto" or a number > 0, from JSON or typed text. */
static void
test_gamma_param (void)
{
  g_autoptr(LbEstimator) svc = lb_svc_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) five = json_node_init_double (json_node_alloc (), 5.0);
  g_autoptr(JsonNode) back = NULL;

  g_assert_true (lb_estimator_set_param_string (svc, "gamma", "auto", &error));
  g_assert_no_error (error);
  g_assert_true (lb_estimator_set_param_string (svc, "gamma", "0.25", &error));
  back = lb_estimator_get_param (svc, "gamma", &error);
  g_assert_cmpfloat (json_node_get_double (back), ==, 0.25);
  g_assert_true (lb_estimator_set_param (svc, "gamma", five, &error));
  g_assert_no_error (error);
  g_assert_false (lb_estimator_set_param_string (svc, "gamma", "bogus", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);
  g_assert_false (lb_estimator_set_param_string (svc, "gamma", "-1", &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
}

/* --- cancel --- */

typedef struct
{
  LbEstimator  *svc;
  LbMatrix     *X;
  LbMatrix     *y;
  LbFitContext *ctx;
  gboolean      ok;
  GError       *error;
  gint64        finished;
} FitJob;

static gpointer
fit_thread (gpointer data)
{
  FitJob *job = data;

  job->ok = lb_estimator_fit (job->svc, job->X, job->y, job->ctx, &job->error);
  job->finished = g_get_monotonic_time ();
  return NULL;
}

/* A fit that takes seconds (6000 noisy rows, random labels, C = 100) is
 * cancelled after 0.3 s and must return G_IO_ERROR_CANCELLED within 200 ms
 * (measured from the cancel to the fit's return, on its thread). */
static void
check_cancel (guint n_classes)
{
  g_autoptr(LbEstimator) svc = lb_svc_new ();
  g_autoptr(LbMatrix) X = lb_matrix_new (6000, 20);
  g_autoptr(LbMatrix) y = lb_matrix_new (6000, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  FitJob job = { svc, X, y, ctx, FALSE, NULL, 0 };
  GThread *thread;
  gint64 cancelled_at;
  LbRng rng;

  lb_rng_init (&rng, 7);
  for (gsize i = 0; i < 6000; i++)
    {
      for (gsize j = 0; j < 20; j++)
        LB_MATRIX_AT (X, i, j) = lb_rng_normal (&rng);
      LB_MATRIX_AT (y, i, 0) = (double) lb_rng_below (&rng, n_classes);
    }
  g_object_set (svc, "C", 100.0, NULL);
  lb_fit_context_set_cancellable (ctx, cancellable);
  thread = g_thread_new ("svc-fit", fit_thread, &job);
  g_usleep (300000);
  cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);
  g_assert_false (job.ok);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&job.error);
  g_test_message ("cancel returned after %.1f ms", (job.finished - cancelled_at) / 1000.0);
  /* the bound, 200 ms; AddressSanitizer slows everything ~5 times: 1 s there */
#if defined(__SANITIZE_ADDRESS__)
  g_assert_cmpint (job.finished - cancelled_at, <, 1000000);
#else
  g_assert_cmpint (job.finished - cancelled_at, <, 200000);
#endif
  g_assert_false (lb_estimator_is_fitted (svc));
}

static void
test_cancel (void)
{
  check_cancel (2);
}

/* three classes: cancelled while the classes' kernel blocks or the pairs run */
static void
test_cancel_multiclass (void)
{
  check_cancel (3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/SVC/moons-poly", test_moons_poly);
  g_test_add_func ("/learnbench/engine/SVC/moons-rbf", test_moons_rbf);
  g_test_add_func ("/learnbench/engine/SVC/moons-rbf-scale", test_moons_rbf_scale);
  g_test_add_func ("/learnbench/engine/SVC/moons-sigmoid-auto", test_moons_sigmoid_auto);
  g_test_add_func ("/learnbench/engine/SVC/moons-linear", test_moons_linear);
  g_test_add_func ("/learnbench/engine/SVC/class-weight", test_class_weight);
  g_test_add_func ("/learnbench/engine/SVC/iris-rbf", test_iris_rbf);
  g_test_add_func ("/learnbench/engine/SVC/iris-poly", test_iris_poly);
  g_test_add_func ("/learnbench/engine/SVC/iris-linear", test_iris_linear);
  g_test_add_func ("/learnbench/engine/SVC/moons1000", test_moons1000);
  g_test_add_func ("/learnbench/engine/SVC/moons1000-small-cache", test_moons1000_small_cache);
  g_test_add_func ("/learnbench/engine/SVC/three-classes-blocks", test_three_classes_blocks);
  g_test_add_func ("/learnbench/engine/SVC/no-shrinking", test_no_shrinking);
  g_test_add_func ("/learnbench/engine/SVC/probability", test_probability);
  g_test_add_func ("/learnbench/engine/SVC/threads", test_threads);
  g_test_add_func ("/learnbench/engine/SVC/gamma-param", test_gamma_param);
  g_test_add_func ("/learnbench/engine/SVC/cancel", test_cancel);
  g_test_add_func ("/learnbench/engine/SVC/cancel-multiclass", test_cancel_multiclass);
  return g_test_run ();
}
