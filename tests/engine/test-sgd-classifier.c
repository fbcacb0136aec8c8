/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-sgd-classifier.c: SGDClassifier against scikit-learn 1.2.1.
 * Deterministic (shuffle=False): four loss/penalty/schedule combinations on
 * a binary and a 3-class (one-vs-rest) problem from
 * fixtures/linear-reference.json must give scikit-learn's weights, epochs,
 * predictions and probabilities. Shuffled: the random streams differ, so on
 * Fashion-MNIST ("T-shirt/top or not", the book's chapter 3) we judge
 * statistically. scikit-learn's 3-fold CV accuracy (StratifiedKFold(3), the
 * reference fold file) over random_state 0 … 9 and 42
 * (tests/engine/reference/sgd-fmnist-seeds.py): mean 0.95643, standard
 * deviation 0.0014, range 0.95407 … 0.95913 (0.95913 is random_state=42, the
 * W3 reference); single folds 0.9488 … 0.9607. Ours, seeds 42 … 46: 0.95633,
 * 0.95790, 0.95588, 0.95128 (one fold at 0.939), 0.95802. We require each
 * seed within ±1 % of scikit-learn's mean and the mean over our seeds within
 * ±0.4 % (≈ 3 standard deviations): 2 seeds by default (6 fits), 5 with
 * -m slow.
 */
#include "config.h"

#include "lb-test-util.h"
#include "linear-test-util.h"

typedef struct
{
  const char *name;
  const char *params[10];
  double      rtol;
} Config;

/* "optimal" with alpha 1e-4 starts at eta = 10: the weights reach O(50) and
 * hinge updates are ±eta·x, so rounding differences stay relative ~1e-12;
 * we allow 1e-8. */
static const Config configs[] = {
  { "hinge_l2_optimal", { NULL }, 1e-8 },
  { "log_en_optimal", { "loss", "log_loss", "penalty", "elasticnet", "alpha", "0.001", NULL }, 1e-8 },
  { "mhuber_l1_invscaling", { "loss", "modified_huber", "penalty", "l1", "learning_rate", "invscaling",
                              "eta0", "0.1" }, 1e-8 },
  { "sqhinge_none_constant", { "loss", "squared_hinge", "penalty", "none", "learning_rate", "constant",
                               "eta0", "0.01", NULL }, 1e-8 },
};

static LbEstimator *
make (const Config *c,
      gboolean      fixed_epochs)
{
  LbEstimator *sgd = lb_sgd_classifier_new ();

  for (guint k = 0; k < G_N_ELEMENTS (c->params) && c->params[k] != NULL; k += 2)
    set_param (sgd, c->params[k], c->params[k + 1]);
  set_param (sgd, "shuffle", "false");
  if (fixed_epochs)
    {
      set_param (sgd, "max_iter", "10");
      set_param (sgd, "tol", "-1");
    }
  return sgd;
}

static void
check_weights (LbEstimator *sgd,
               const char  *key,
               guint        n_rows,
               double       rtol)
{
  const double *coef;
  guint rows, p;

  coef = lb_sgd_classifier_get_coef (LB_SGD_CLASSIFIER (sgd), &rows, &p);
  g_assert_cmpuint (rows, ==, n_rows);
  assert_close_ref (coef, rows * p, key, "coef", rtol, 1e-10);
  assert_close_ref (lb_sgd_classifier_get_intercept (LB_SGD_CLASSIFIER (sgd)), rows, key, "intercept", rtol, 1e-10);
  g_assert_cmpint (lb_sgd_classifier_get_n_iter (LB_SGD_CLASSIFIER (sgd)), ==, linear_ref_int (key, "n_iter"));
}

static void
test_binary (void)
{
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X3");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y3");

  for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
    for (guint with_tol = 0; with_tol < 2; with_tol++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(LbEstimator) sgd = make (&configs[c], !with_tol);
        g_autofree char *key = g_strdup_printf ("sgdclf_%s%s", with_tol ? "tol_" : "", configs[c].name);
        g_autoptr(LbMatrix) pred = NULL;
        g_autoptr(LbMatrix) dec = NULL;

        g_assert_true (lb_estimator_fit (sgd, X, y, NULL, &error));
        g_assert_no_error (error);
        check_weights (sgd, key, 1, configs[c].rtol);

        /* predict = decision > 0 → class 1 */
        pred = lb_estimator_predict (sgd, X, &error);
        dec = lb_estimator_decision_function (sgd, X, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (lb_matrix_get_n_cols (dec), ==, 1);
        for (guint i = 0; i < 200; i++)
          g_assert_cmpfloat (LB_MATRIX_AT (pred, i, 0), ==, LB_MATRIX_AT (dec, i, 0) > 0 ? 1.0 : 0.0);
      }
}

/* One-vs-rest on 3 classes: 3 weight rows, predictions equal to sklearn's
 * (all 200), probabilities (log_loss, modified_huber) to 1e-8; the same
 * weights when the problems run in parallel. */
static void
test_multiclass (void)
{
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X3");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y3m");

  for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbEstimator) sgd = make (&configs[c], TRUE);
      g_autofree char *key = g_strdup_printf ("sgdclf_multi_%s", configs[c].name);
      g_autoptr(LbMatrix) pred = NULL;
      g_autoptr(LbMatrix) proba = NULL;
      g_autofree double *ref_pred = NULL;
      guint n;

      g_assert_true (lb_estimator_fit (sgd, X, y, NULL, &error));
      g_assert_no_error (error);
      check_weights (sgd, key, 3, configs[c].rtol);
      /* the one-vs-rest problems on 2 threads: the same weights, bit for bit */
      {
        g_autoptr(LbEstimator) par = make (&configs[c], TRUE);
        g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
        guint rows, p;

        lb_fit_context_set_n_threads (ctx, 2);
        g_assert_true (lb_estimator_fit (par, X, y, ctx, &error));
        g_assert_no_error (error);
        g_assert_cmpmem (lb_sgd_classifier_get_coef (LB_SGD_CLASSIFIER (par), &rows, &p), 12 * sizeof (double),
                         lb_sgd_classifier_get_coef (LB_SGD_CLASSIFIER (sgd), NULL, NULL), 12 * sizeof (double));
        g_assert_cmpmem (lb_sgd_classifier_get_intercept (LB_SGD_CLASSIFIER (par)), 3 * sizeof (double),
                         lb_sgd_classifier_get_intercept (LB_SGD_CLASSIFIER (sgd)), 3 * sizeof (double));
      }
      pred = lb_estimator_predict (sgd, X, &error);
      g_assert_no_error (error);
      ref_pred = linear_ref_values (key, "predict", &n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpfloat (LB_MATRIX_AT (pred, i, 0), ==, ref_pred[i]);

      proba = lb_estimator_predict_proba (sgd, X, &error);
      if (json_object_has_member (json_object_get_object_member (linear_ref (), key), "proba_first3"))
        {
          g_assert_no_error (error);
          assert_close_ref (lb_matrix_get_const_data (proba), 9, key, "proba_first3", 1e-8, 1e-12);
        }
      else
        {
          g_assert_null (proba);
          g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED);
        }
    }
}

/* --- Fashion-MNIST, statistical --- */

/* mean of scikit-learn's 3-fold accuracies for random_state 0 … 9 and 42 */
#define SKLEARN_MEAN_ACCURACY 0.9564257575757577

static void
test_fashion_mnist (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;
  g_autoptr(LbMatrix) X = NULL;
  g_autoptr(LbMatrix) y = NULL;
  g_autofree guint *cols = NULL;
  g_autofree char *fold_path = lb_test_reference_file ("splits/fmnist_binary0_cv3_fold.txt");
  g_autofree char *fold_text = NULL;
  g_auto(GStrv) fold_lines = NULL;
  LbColumn *label;
  double mean_all = 0.0;
  guint n_seeds;
  gsize n;

  if (fold_path == NULL)
    return;
  if (!g_file_test (LB_FASHION_MNIST_DIR "/train-images-idx3-ubyte.gz", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("dataset-fashion-mnist is not installed");
      return;
    }
  table = lb_fashion_mnist_load (TRUE, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  n = lb_table_get_n_rows (table);
  cols = g_new (guint, 784);
  for (guint j = 0; j < 784; j++)
    cols[j] = j;
  X = lb_matrix_new_from_table (table, cols, 784, &error);
  g_assert_no_error (error);
  {
    double *x = lb_matrix_get_data (X);
    for (gsize k = 0; k < n * 784; k++)
      x[k] /= 255.0;
  }
  label = lb_table_get_column_by_name (table, "label");
  {
    g_autoptr(LbMatrix) codes = lb_matrix_new_from_column (label, &error);
    g_assert_no_error (error);
    y = lb_matrix_new (n, 1);
    for (gsize i = 0; i < n; i++)   /* the book's y == 0: True (1) for T-shirt/top */
      LB_MATRIX_AT (y, i, 0) = LB_MATRIX_AT (codes, i, 0) == 0.0 ? 1.0 : 0.0;
  }

  /* scikit-learn's StratifiedKFold(3) fold of every row */
  g_assert_true (g_file_get_contents (fold_path, &fold_text, NULL, &error));
  fold_lines = g_strsplit (fold_text, "\n", -1);

  n_seeds = g_test_slow () ? 5 : 2;
  for (guint seed = 0; seed < n_seeds; seed++)
    {
      double mean_acc = 0.0;

      for (guint f = 0; f < 3; f++)
        {
          g_autofree guint *train = g_new (guint, n);
          g_autofree guint *test = g_new (guint, n);
          gsize n_train = 0, n_test = 0, correct = 0;
          g_autoptr(LbMatrix) Xtr = NULL;
          g_autoptr(LbMatrix) ytr = NULL;
          g_autoptr(LbMatrix) Xte = NULL;
          g_autoptr(LbMatrix) pred = NULL;
          g_autoptr(LbEstimator) sgd = lb_sgd_classifier_new ();
          g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
          gint64 t0;
          double fit_s;

          for (gsize i = 0; i < n; i++)
            {
              if ((guint) g_ascii_strtoull (fold_lines[i], NULL, 10) == f)
                test[n_test++] = (guint) i;
              else
                train[n_train++] = (guint) i;
            }
          Xtr = lb_matrix_take_rows (X, train, n_train);
          ytr = lb_matrix_take_rows (y, train, n_train);
          Xte = lb_matrix_take_rows (X, test, n_test);
          lb_fit_context_set_seed (ctx, 42 + seed);
          t0 = g_get_monotonic_time ();
          g_assert_true (lb_estimator_fit (sgd, Xtr, ytr, ctx, &error));
          g_assert_no_error (error);
          fit_s = (g_get_monotonic_time () - t0) / 1e6;
          g_test_message ("seed %u fold %u: fit %.2f s, %u epochs, %.1f ms per epoch", 42 + seed, f, fit_s,
                          lb_sgd_classifier_get_n_iter (LB_SGD_CLASSIFIER (sgd)),
                          1e3 * fit_s / lb_sgd_classifier_get_n_iter (LB_SGD_CLASSIFIER (sgd)));
          pred = lb_estimator_predict (sgd, Xte, &error);
          g_assert_no_error (error);
          for (gsize k = 0; k < n_test; k++)
            correct += LB_MATRIX_AT (pred, k, 0) == LB_MATRIX_AT (y, test[k], 0);
          mean_acc += (double) correct / n_test / 3.0;
        }
      g_test_message ("seed %u: 3-fold accuracy %.5f (scikit-learn over 11 seeds: 0.95643)", 42 + seed, mean_acc);
      assert_close (mean_acc, SKLEARN_MEAN_ACCURACY, 0, 0.01, "3-fold CV accuracy");
      mean_all += mean_acc / n_seeds;
    }
  assert_close (mean_all, SKLEARN_MEAN_ACCURACY, 0, 0.004, "mean over seeds");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/SGDClassifier/binary", test_binary);
  g_test_add_func ("/learnbench/engine/SGDClassifier/multiclass", test_multiclass);
  g_test_add_func ("/learnbench/engine/SGDClassifier/fashion-mnist", test_fashion_mnist);
  return g_test_run ();
}
