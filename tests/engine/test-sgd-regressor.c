/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-sgd-regressor.c: SGDRegressor against scikit-learn 1.2.1. With
 * shuffle=False scikit-learn's SGD is deterministic, so the same algorithm
 * must give the same weights to rounding (fixtures/linear-reference.json:
 * four loss/penalty/schedule combinations, 20 epochs with tol=None, and the
 * same settings with tol-based stopping, which must stop at the same epoch).
 * With shuffling the random streams differ; there we judge statistically.
 */
#include "config.h"

#include "lb-test-util.h"
#include "linear-test-util.h"

typedef struct
{
  const char *name;
  const char *params[10];   /* name, value pairs */
  double      rtol;
} Config;

static const Config configs[] = {
  { "default", { NULL }, 1e-9 },
  { "huber_en_constant", { "loss", "huber", "penalty", "elasticnet", "learning_rate", "constant", "eta0", "0.01", NULL }, 1e-9 },
  { "epsins_l1_adaptive", { "loss", "epsilon_insensitive", "penalty", "l1", "learning_rate", "adaptive",
                            "eta0", "0.05", "alpha", "0.01" }, 1e-9 },
  /* "optimal" with alpha 0.01 starts at eta = sqrt(10) ≈ 3.2 on a squared loss
   * with ||x||² ≈ 2.6: the first steps multiply any rounding difference by
   * |1 - 2·eta·||x||²| ≈ 15, so only ~1e-8 absolute (1e-6 relative) survives. */
  { "sqepsins_none_optimal", { "loss", "squared_epsilon_insensitive", "penalty", "none",
                               "learning_rate", "optimal", "alpha", "0.01", NULL }, 1e-6 },
};

/* Same arithmetic in the same order except BLAS's summation order inside a
 * 5-term dot product: weights agree to 1e-9 relative after 20 epochs (except
 * the expansive configuration noted above), and the tol rule stops at the
 * same epoch. */
static void
test_deterministic (void)
{
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X1");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y1");

  for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
    for (guint with_tol = 0; with_tol < 2; with_tol++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(LbEstimator) sgd = lb_sgd_regressor_new ();
        g_autofree char *key = g_strdup_printf ("sgdreg_%s%s", with_tol ? "tol_" : "", configs[c].name);
        const double *coef;
        guint rows, p;

        for (guint k = 0; k < G_N_ELEMENTS (configs[c].params) && configs[c].params[k] != NULL; k += 2)
          set_param (sgd, configs[c].params[k], configs[c].params[k + 1]);
        set_param (sgd, "shuffle", "false");
        if (!with_tol)
          {
            set_param (sgd, "max_iter", "20");
            set_param (sgd, "tol", "-1");   /* scikit-learn's tol=None */
          }
        g_assert_true (lb_estimator_fit (sgd, X, y, NULL, &error));
        g_assert_no_error (error);
        coef = lb_sgd_regressor_get_coef (LB_SGD_REGRESSOR (sgd), &rows, &p);
        g_assert_cmpuint (rows, ==, 1);
        assert_close_ref (coef, p, key, "coef", configs[c].rtol, 1e-12);
        assert_close_ref (lb_sgd_regressor_get_intercept (LB_SGD_REGRESSOR (sgd)), 1, key, "intercept",
                          configs[c].rtol, 1e-12);
        g_assert_cmpint (lb_sgd_regressor_get_n_iter (LB_SGD_REGRESSOR (sgd)), ==, linear_ref_int (key, "n_iter"));
      }
}

/* W4 (REFERENCE.md): SGDRegressor(max_iter=1000, tol=1e-3, penalty=None,
 * eta0=0.1, random_state=42) on the book's linear data gave θ = [4.2437,
 * 2.8251] after 11 epochs; the least-squares optimum is [4.2151, 2.7701].
 * Our stream differs, so we ask for statistical agreement over 5 seeds:
 * each fit within 0.15 of the optimum in every coordinate (sklearn's own
 * result is 0.055 away; the spread of SGD's end point at eta ~ 0.1/t^0.25 is
 * a few hundredths) and the mean of the 5 within 0.06. */
static void
test_w4_statistical (void)
{
  g_autofree char *path = lb_test_reference_file ("data/ch4_linear.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;
  g_autoptr(LbMatrix) X = NULL;
  g_autoptr(LbMatrix) y = NULL;
  double mean0 = 0.0, mean1 = 0.0;

  if (path == NULL)
    return;
  table = lb_load_table (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  X = lb_matrix_new_from_column (lb_table_get_column_by_name (table, "x"), &error);
  y = lb_matrix_new_from_column (lb_table_get_column_by_name (table, "y"), &error);
  g_assert_no_error (error);

  for (guint seed = 0; seed < 5; seed++)
    {
      g_autoptr(LbEstimator) sgd = lb_sgd_regressor_new ();
      g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
      double b, w;

      lb_fit_context_set_seed (ctx, seed);
      set_param (sgd, "penalty", "none");
      set_param (sgd, "eta0", "0.1");
      g_assert_true (lb_estimator_fit (sgd, X, y, ctx, &error));
      g_assert_no_error (error);
      b = lb_sgd_regressor_get_intercept (LB_SGD_REGRESSOR (sgd))[0];
      w = lb_sgd_regressor_get_coef (LB_SGD_REGRESSOR (sgd), NULL, NULL)[0];
      assert_close (b, 4.215096157546747, 0, 0.15, "theta0");
      assert_close (w, 2.7701133864384837, 0, 0.15, "theta1");
      g_assert_cmpuint (lb_sgd_regressor_get_n_iter (LB_SGD_REGRESSOR (sgd)), <, 100);
      mean0 += b / 5;
      mean1 += w / 5;
    }
  assert_close (mean0, 4.215096157546747, 0, 0.06, "mean theta0");
  assert_close (mean1, 2.7701133864384837, 0, 0.06, "mean theta1");
}

/* warm_start: 5 fits of one epoch each (shuffle=False, tol=None) continue
 * from the previous weights with the schedule restarted (t_ = 1), as
 * scikit-learn does: its weights after the same 5 fits to 1e-9. Without
 * warm_start the fifth fit equals the first. */
static void
test_warm_start (void)
{
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X1");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y1");
  g_autoptr(LbEstimator) warm = lb_sgd_regressor_new ();
  g_autoptr(LbEstimator) cold = lb_sgd_regressor_new ();
  g_autoptr(LbEstimator) once = lb_sgd_regressor_new ();
  g_autoptr(GError) error = NULL;
  LbEstimator *all[3] = { warm, cold, once };

  for (guint e = 0; e < 3; e++)
    {
      set_param (all[e], "shuffle", "false");
      set_param (all[e], "max_iter", "1");
      set_param (all[e], "tol", "-1");
    }
  set_param (warm, "warm_start", "true");
  for (guint k = 0; k < 5; k++)
    {
      g_assert_true (lb_estimator_fit (warm, X, y, NULL, &error));
      g_assert_true (lb_estimator_fit (cold, X, y, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (lb_estimator_fit (once, X, y, NULL, &error));
  g_assert_no_error (error);
  assert_close_ref (lb_sgd_regressor_get_coef (LB_SGD_REGRESSOR (warm), NULL, NULL), 5,
                    "sgdreg_warm5", "coef", 1e-9, 1e-12);
  assert_close_ref (lb_sgd_regressor_get_intercept (LB_SGD_REGRESSOR (warm)), 1,
                    "sgdreg_warm5", "intercept", 1e-9, 1e-12);
  g_assert_cmpmem (lb_sgd_regressor_get_coef (LB_SGD_REGRESSOR (cold), NULL, NULL), 5 * sizeof (double),
                   lb_sgd_regressor_get_coef (LB_SGD_REGRESSOR (once), NULL, NULL), 5 * sizeof (double));
}

/* W4's regularised data (20 points): SGDRegressor(penalty="l2", max_iter=1000,
 * tol=1e-3) predicts 1.4701258815531335 at x = 1.5 with random_state=42
 * (reference-results.jsonl). Over random_state 0 … 199 scikit-learn's
 * predictions have mean 1.46661 and standard deviation 0.0019 (ours over
 * seeds 100 … 299: 1.46637, 0.0021), and runs stop after 21 … 23 epochs
 * (tests/engine/reference/sgd-w4-seeds.py). The schedule stops SGD far from
 * the ridge optimum (1.5507), so this checks the schedule and the stopping
 * rule: for 10 seeds each prediction within ±0.01 (5 sd) of that mean, the
 * mean of ours within ±0.003 (4 standard errors), every run stopping after
 * 20 … 26 epochs. */
static void
test_w4_regularized (void)
{
  g_autofree char *path = lb_test_reference_file ("data/ch4_regularized.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;
  g_autoptr(LbMatrix) X = NULL;
  g_autoptr(LbMatrix) y = NULL;
  double at = 1.5, mean = 0.0;
  g_autoptr(LbMatrix) x15 = lb_matrix_new_from_data (1, 1, &at);

  if (path == NULL)
    return;
  table = lb_load_table (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  X = lb_matrix_new_from_column (lb_table_get_column_by_name (table, "x"), &error);
  y = lb_matrix_new_from_column (lb_table_get_column_by_name (table, "y"), &error);
  g_assert_no_error (error);
  for (guint seed = 0; seed < 10; seed++)
    {
      g_autoptr(LbEstimator) sgd = lb_sgd_regressor_new ();
      g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
      g_autoptr(LbMatrix) p = NULL;
      guint n_iter;

      lb_fit_context_set_seed (ctx, seed);
      g_assert_true (lb_estimator_fit (sgd, X, y, ctx, &error));
      g_assert_no_error (error);
      p = lb_estimator_predict (sgd, x15, &error);
      g_assert_no_error (error);
      n_iter = lb_sgd_regressor_get_n_iter (LB_SGD_REGRESSOR (sgd));
      g_test_message ("seed %u: %.5f after %u epochs", seed, LB_MATRIX_AT (p, 0, 0), n_iter);
      assert_close (LB_MATRIX_AT (p, 0, 0), 1.46661, 0, 0.01, "prediction at 1.5");
      g_assert_cmpuint (n_iter, >=, 20);
      g_assert_cmpuint (n_iter, <=, 26);
      mean += LB_MATRIX_AT (p, 0, 0) / 10;
    }
  assert_close (mean, 1.46661, 0, 0.003, "mean prediction at 1.5");
}

/* The same seed gives the same weights; early stopping holds out data and
 * reports a validation score (R²) per epoch; eta0 = 0 is refused. */
static void
on_event (const LbFitEvent *ev,
          gpointer          user_data)
{
  guint *n_scores = user_data;

  if (!isnan (ev->val_score))
    {
      g_assert_cmpfloat (ev->val_score, <=, 1.0);
      (*n_scores)++;
    }
}

static void
test_seed_and_early_stopping (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbMatrix) X = linear_ref_matrix ("X1");
  g_autoptr(LbMatrix) y = linear_ref_matrix ("y1");
  g_autoptr(LbEstimator) a = lb_sgd_regressor_new ();
  g_autoptr(LbEstimator) b = lb_sgd_regressor_new ();
  g_autoptr(LbEstimator) es = lb_sgd_regressor_new ();
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  guint n_scores = 0, p;

  g_assert_true (lb_estimator_fit (a, X, y, NULL, &error));
  g_assert_true (lb_estimator_fit (b, X, y, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (lb_sgd_regressor_get_coef (LB_SGD_REGRESSOR (a), NULL, &p), 5 * sizeof (double),
                   lb_sgd_regressor_get_coef (LB_SGD_REGRESSOR (b), NULL, NULL), 5 * sizeof (double));

  lb_fit_context_set_event_func (ctx, on_event, &n_scores, NULL);
  set_param (es, "early_stopping", "true");
  g_assert_true (lb_estimator_fit (es, X, y, ctx, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_scores, ==, lb_sgd_regressor_get_n_iter (LB_SGD_REGRESSOR (es)));
  g_assert_cmpuint (n_scores, >=, 6);   /* at least n_iter_no_change + 1 epochs */

  set_param (es, "eta0", "0");
  g_assert_false (lb_estimator_fit (es, X, y, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_nonnull (strstr (error->message, "eta0"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/SGDRegressor/deterministic", test_deterministic);
  g_test_add_func ("/learnbench/engine/SGDRegressor/w4-statistical", test_w4_statistical);
  g_test_add_func ("/learnbench/engine/SGDRegressor/warm-start", test_warm_start);
  g_test_add_func ("/learnbench/engine/SGDRegressor/w4-regularized", test_w4_regularized);
  g_test_add_func ("/learnbench/engine/SGDRegressor/seed-early-stopping", test_seed_and_early_stopping);
  return g_test_run ();
}
