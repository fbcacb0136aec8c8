/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-fit-validation.c: the validation part an LbFitContext can carry for
 * the live training view. lb_fit_context_validation_mse against a hand
 * computation; children see their ancestors' part; the GD regressor then
 * reports every epoch with val_score = the validation MSE of that epoch's θ
 * (recomputed here from its recorded path), and without a part it reports
 * as before (every 64th batch epoch, no val_score).
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"
#include "lb-test-util.h"

static void
test_mse (void)
{
  /* X = [[1, 2], [3, 4]], y = [1, 2], w = [0.5, -1], b = 2: predictions 0.5
   * and -0.5, residuals -0.5 and -2.5, MSE (0.25 + 6.25) / 2 = 3.25 */
  static const double x[4] = { 1, 2, 3, 4 }, t[2] = { 1, 2 }, w[2] = { 0.5, -1 };
  g_autoptr (LbMatrix) X = lb_matrix_new_from_data (2, 2, x);
  g_autoptr (LbMatrix) y = lb_matrix_new_from_data (2, 1, t);
  g_autoptr (LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr (LbFitContext) child = NULL;
  g_autoptr (LbFitContext) grandchild = NULL;
  LbMatrix *got_X = NULL, *got_y = NULL;

  g_assert_false (lb_fit_context_get_validation (ctx, NULL, NULL));
  g_assert_true (isnan (lb_fit_context_validation_mse (ctx, w, 2.0, 2)));
  lb_fit_context_set_validation (ctx, X, y);
  g_assert_cmpfloat (lb_fit_context_validation_mse (ctx, w, 2.0, 2), ==, 3.25);
  g_assert_true (isnan (lb_fit_context_validation_mse (ctx, w, 2.0, 1)));   /* wrong width */
  child = lb_fit_context_new_child (ctx, 3, 0.0, 0.5);
  grandchild = lb_fit_context_new_child (child, 1, 0.0, 1.0);
  g_assert_true (lb_fit_context_get_validation (grandchild, &got_X, &got_y));
  g_assert_true (got_X == X && got_y == y);
  g_assert_cmpfloat (lb_fit_context_validation_mse (grandchild, w, 2.0, 2), ==, 3.25);
  lb_fit_context_set_validation (ctx, NULL, NULL);
  g_assert_false (lb_fit_context_get_validation (grandchild, NULL, NULL));
}

typedef struct
{
  GArray *epochs;   /* guint */
  GArray *loss;     /* double */
  GArray *val;      /* double */
} Events;

static void
on_event (const LbFitEvent *event,
          gpointer          user_data)
{
  Events *e = user_data;

  if (event->epoch == 0)
    return;
  g_array_append_val (e->epochs, event->epoch);
  g_array_append_val (e->loss, event->loss);
  g_array_append_val (e->val, event->val_score);
}

/* y = 4 + 3x + 0.3 sin(7i) on x = i / 20: 80 rows train, 20 validate */
static void
make_data (gsize       n,
           gsize       offset,
           LbMatrix  **X,
           LbMatrix  **y)
{
  g_autofree double *x = g_new (double, n), *t = g_new (double, n);

  for (gsize k = 0; k < n; k++)
    {
      gsize i = k + offset;

      x[k] = i / 20.0;
      t[k] = 4 + 3 * x[k] + 0.3 * sin (7.0 * i);
    }
  *X = lb_matrix_new_from_data (n, 1, x);
  *y = lb_matrix_new_from_data (n, 1, t);
}

static void
run_gd (gboolean  with_validation,
        Events   *e,
        LbMatrix *X_val,
        LbMatrix *y_val,
        LbEstimator **out)
{
  g_autoptr (LbMatrix) X = NULL;
  g_autoptr (LbMatrix) y = NULL;
  g_autoptr (LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr (GError) error = NULL;
  LbEstimator *gd = lb_estimator_new_by_name ("GDRegressor", &error);

  g_assert_no_error (error);
  g_assert_true (lb_estimator_set_param_string (gd, "eta", "0.1", &error));
  g_assert_true (lb_estimator_set_param_string (gd, "n_iterations", "200", &error));
  g_assert_no_error (error);
  make_data (80, 0, &X, &y);
  lb_fit_context_set_event_func (ctx, on_event, e, NULL);
  if (with_validation)
    lb_fit_context_set_validation (ctx, X_val, y_val);
  g_assert_true (lb_estimator_fit (gd, X, y, ctx, &error));
  g_assert_no_error (error);
  *out = gd;
}

static void
test_gd_regressor (void)
{
  Events e = { g_array_new (FALSE, FALSE, sizeof (guint)), g_array_new (FALSE, FALSE, sizeof (double)),
               g_array_new (FALSE, FALSE, sizeof (double)) };
  g_autoptr (LbMatrix) X_val = NULL;
  g_autoptr (LbMatrix) y_val = NULL;
  g_autoptr (LbEstimator) gd = NULL;
  g_autoptr (LbEstimator) plain = NULL;
  LbMatrix *path;
  const double *xv, *tv;

  lb_estimators_register_builtin ();
  make_data (20, 80, &X_val, &y_val);
  run_gd (TRUE, &e, X_val, y_val, &gd);
  g_assert_cmpuint (e.epochs->len, ==, 200);     /* every epoch */
  path = lb_gd_regressor_get_path (LB_GD_REGRESSOR (gd));
  g_assert_cmpuint (lb_matrix_get_n_rows (path), ==, 201);
  xv = lb_matrix_get_const_data (X_val);
  tv = lb_matrix_get_const_data (y_val);
  for (guint k = 0; k < e.epochs->len; k++)
    {
      guint epoch = g_array_index (e.epochs, guint, k);
      double theta0 = LB_MATRIX_AT (path, epoch, 0), theta1 = LB_MATRIX_AT (path, epoch, 1), sse = 0;

      g_assert_cmpuint (epoch, ==, k + 1);
      /* θ after epoch e is path row e; the MSE recomputed in plain loops:
       * the same sums in the same order, so 1e-12 relative is rounding only */
      for (guint i = 0; i < 20; i++)
        sse += (theta0 + theta1 * xv[i] - tv[i]) * (theta0 + theta1 * xv[i] - tv[i]);
      g_assert_cmpfloat_with_epsilon (g_array_index (e.val, double, k), sse / 20,
                                      1e-12 * MAX (1.0, sse / 20));
      g_assert_true (isfinite (g_array_index (e.loss, double, k)));
    }
  /* converging on the same line: the last validation MSE is near the noise's
   * (0.3² / 2 = 0.045 for sin² averaging 1/2; loose: 0.2) */
  g_assert_cmpfloat (g_array_index (e.val, double, 199), <, 0.2);

  /* without a part: as before */
  g_array_set_size (e.epochs, 0);
  g_array_set_size (e.loss, 0);
  g_array_set_size (e.val, 0);
  run_gd (FALSE, &e, NULL, NULL, &plain);
  g_assert_cmpuint (e.epochs->len, ==, 4);       /* epochs 64, 128, 192 and the last */
  g_assert_cmpuint (g_array_index (e.epochs, guint, 0), ==, 64);
  g_assert_cmpuint (g_array_index (e.epochs, guint, 3), ==, 200);
  for (guint k = 0; k < 4; k++)
    g_assert_true (isnan (g_array_index (e.val, double, k)));
  /* the part only watches: the same fit */
  {
    guint n1, n2;
    const double *t1 = lb_gd_regressor_get_theta (LB_GD_REGRESSOR (gd), &n1);
    const double *t2 = lb_gd_regressor_get_theta (LB_GD_REGRESSOR (plain), &n2);

    g_assert_cmpuint (n1, ==, n2);
    g_assert_cmpmem (t1, n1 * sizeof (double), t2, n2 * sizeof (double));
  }
  g_array_unref (e.epochs);
  g_array_unref (e.loss);
  g_array_unref (e.val);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/FitContext/validation-mse", test_mse);
  g_test_add_func ("/learnbench/engine/GdRegressor/validation-events", test_gd_regressor);
  return g_test_run ();
}
