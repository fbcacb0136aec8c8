/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-lab.c: the chapter 4 lab's computations against closed forms: batch
 * gradient descent converges to the normal equation's θ (to 1e-8 after
 * 2000 steps at eta 0.1 on x ∈ [0, 2): the error shrinks by (1 − eta·λmin)
 * per step), its cost never rises, the costs along the path and the surface
 * equal the MSE computed directly (1e-12 relative); the degree-1 polynomial
 * is the least-squares line (1e-9); learning curves have one point per
 * training size with a perfect fit while m ≤ degree + 1; ridge's
 * coefficient norm never grows with alpha and tends to the unregularized
 * fit, lasso's coefficients all vanish for a huge alpha.
 */
#include "config.h"

#include <math.h>

#include "lb-data.h"
#include "lb-engine.h"
#include "lb-lab.h"

typedef struct
{
  double *x, *y;
  gsize   n;
} Data;

static void
data_init (Data     *d,
           gboolean  quadratic)
{
  g_autoptr (LbTable) t = quadratic ? lb_generate_quadratic (100, 42) : lb_generate_linear (100, 42);
  LbColumn *x = lb_table_get_column_by_name (t, "x");
  LbColumn *y = lb_table_get_column_by_name (t, "y");

  d->n = lb_table_get_n_rows (t);
  d->x = g_new (double, d->n);
  d->y = g_new (double, d->n);
  for (gsize i = 0; i < d->n; i++)
    {
      d->x[i] = lb_column_get_numeric (x)[i];
      d->y[i] = lb_column_get_numeric (y)[i];
    }
}

static void
data_clear (Data *d)
{
  g_free (d->x);
  g_free (d->y);
}

static void
least_squares (const Data *d,
               double     *b0,
               double     *b1)
{
  double sx = 0, sy = 0, sxx = 0, sxy = 0, n = (double) d->n;

  for (gsize i = 0; i < d->n; i++)
    {
      sx += d->x[i];
      sy += d->y[i];
      sxx += d->x[i] * d->x[i];
      sxy += d->x[i] * d->y[i];
    }
  *b1 = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  *b0 = (sy - *b1 * sx) / n;
}

static double
mse (const Data *d,
     double      t0,
     double      t1)
{
  double s = 0;

  for (gsize i = 0; i < d->n; i++)
    s += (t0 + t1 * d->x[i] - d->y[i]) * (t0 + t1 * d->x[i] - d->y[i]);
  return s / d->n;
}

static void
test_gradient_descent (void)
{
  Data d;
  LbGdLabSettings s = { LB_GD_METHOD_BATCH, LB_GD_SCHEDULE_CONSTANT, 0.1, 5, 50, 2000, 20, 42 };
  g_autoptr (LbGdLabResult) r = NULL;
  g_autoptr (GError) error = NULL;
  double b0, b1;

  data_init (&d, FALSE);
  least_squares (&d, &b0, &b1);
  r = lb_gd_lab_run (d.x, d.y, d.n, &s, 40, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->n_path, ==, 2001);
  g_assert_cmpfloat_with_epsilon (r->best_theta0, b0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->best_theta1, b1, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->theta0[r->n_path - 1], b0, 1e-8);
  g_assert_cmpfloat_with_epsilon (r->theta1[r->n_path - 1], b1, 1e-8);
  for (guint k = 0; k < r->n_path; k++)
    {
      g_assert_cmpfloat (fabs (r->cost[k] - mse (&d, r->theta0[k], r->theta1[k])), <=, 1e-12 * r->cost[k]);
      if (k > 0)
        g_assert_cmpfloat (r->cost[k], <=, r->cost[k - 1] * (1 + 1e-12));   /* rounding at the optimum */
    }
  /* the surface spans the path and the optimum, and is the MSE */
  g_assert_cmpuint (r->nx, ==, 40);
  g_assert_cmpfloat (r->x0, <, b0);
  g_assert_cmpfloat (r->x1, >, b0);
  g_assert_cmpfloat (r->x0, <=, r->theta0[0]);
  g_assert_cmpfloat (r->y0, <=, r->theta1[0]);
  for (guint j = 0; j < r->ny; j += 7)
    for (guint i = 0; i < r->nx; i += 5)
      {
        double t0 = r->x0 + (r->x1 - r->x0) * i / (r->nx - 1);
        double t1 = r->y0 + (r->y1 - r->y0) * j / (r->ny - 1);
        double want = mse (&d, t0, t1);

        g_assert_cmpfloat (fabs (r->z[j * r->nx + i] - want), <=, 1e-12 * want);
      }
  data_clear (&d);
}

static void
test_gradient_descent_diverges (void)
{
  Data d;
  LbGdLabSettings s = { LB_GD_METHOD_BATCH, LB_GD_SCHEDULE_CONSTANT, 1.5, 5, 50, 50, 20, 42 };
  g_autoptr (LbGdLabResult) r = NULL;
  g_autoptr (GError) error = NULL;

  data_init (&d, FALSE);
  r = lb_gd_lab_run (d.x, d.y, d.n, &s, 20, NULL, &error);
  g_assert_no_error (error);
  /* eta 1.5 > 2 / λmax: the cost explodes, the frame stays near the bowl */
  g_assert_cmpfloat (r->cost[r->n_path - 1], >, 1e6 * r->cost[0]);
  g_assert_true (isfinite (r->x0) && isfinite (r->x1) && isfinite (r->y0) && isfinite (r->y1));
  g_assert_cmpfloat (r->x1 - r->x0, <, 100);
  data_clear (&d);
}

static void
test_polynomial (void)
{
  Data d;
  g_autoptr (LbPolyLabResult) line = NULL;
  g_autoptr (LbPolyLabResult) quad = NULL;
  g_autoptr (GError) error = NULL;
  double b0, b1;

  data_init (&d, TRUE);
  least_squares (&d, &b0, &b1);
  line = lb_poly_lab_run (d.x, d.y, d.n, 1, 42, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (line->n_curve, ==, 200);
  for (guint i = 0; i < line->n_curve; i += 37)
    g_assert_cmpfloat_with_epsilon (line->curve_y[i], b0 + b1 * line->curve_x[i], 1e-9);
  g_assert_cmpuint (line->n_val, ==, 20);
  g_assert_cmpuint (line->n_sizes, ==, 80);
  /* two points fit a line exactly */
  g_assert_cmpfloat (line->train_rmse[0], <, 1e-9);
  g_assert_cmpfloat (line->train_rmse[1], <, 1e-9);

  quad = lb_poly_lab_run (d.x, d.y, d.n, 2, 42, NULL, &error);
  g_assert_no_error (error);
  /* the right degree: both errors end near the noise's standard deviation (1) */
  g_assert_cmpfloat (quad->train_rmse[79], >, 0.7);
  g_assert_cmpfloat (quad->train_rmse[79], <, 1.3);
  g_assert_cmpfloat (quad->val_rmse[79], >, 0.6);
  g_assert_cmpfloat (quad->val_rmse[79], <, 1.4);
  /* and the straight line underfits: its validation error is larger */
  g_assert_cmpfloat (line->val_rmse[79], >, quad->val_rmse[79]);

  g_assert_null (lb_poly_lab_run (d.x, d.y, d.n, 0, 42, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  data_clear (&d);
}

static void
test_regularization (void)
{
  Data d;
  g_autoptr (LbRegLabResult) ridge = NULL;
  g_autoptr (LbRegLabResult) lasso = NULL;
  g_autoptr (LbPolyLabResult) plain = NULL;
  g_autoptr (GError) error = NULL;
  double previous = INFINITY;

  data_init (&d, TRUE);
  ridge = lb_reg_lab_run (d.x, d.y, d.n, FALSE, 5, 1e-10, 1e-10, 1e4, 15, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ridge->n_coef, ==, 5);
  g_assert_cmpfloat_with_epsilon (ridge->alphas[0], 1e-10, 1e-20);
  g_assert_cmpfloat_with_epsilon (ridge->alphas[14], 1e4, 1e-8);
  for (guint a = 0; a < ridge->n_alphas; a++)
    {
      double norm = 0;

      for (guint j = 0; j < ridge->n_coef; j++)
        norm += ridge->coef[a * ridge->n_coef + j] * ridge->coef[a * ridge->n_coef + j];
      g_assert_cmpfloat (norm, <=, previous * (1 + 1e-9));
      previous = norm;
    }
  /* alpha → 0: the unregularized polynomial fit (degree 5) */
  plain = lb_poly_lab_run (d.x, d.y, d.n, 5, 42, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 200; i += 40)
    g_assert_cmpfloat (fabs (ridge->curve_y[i] - plain->curve_y[i]), <, 1e-5);

  lasso = lb_reg_lab_run (d.x, d.y, d.n, TRUE, 5, 1e3, 1e-3, 1e3, 5, NULL, &error);
  g_assert_no_error (error);
  for (guint j = 0; j < lasso->n_coef; j++)
    g_assert_cmpfloat (lasso->coef[4 * lasso->n_coef + j], ==, 0.0);
  data_clear (&d);
}

static void
test_cancel (void)
{
  Data d;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  data_init (&d, TRUE);
  g_cancellable_cancel (cancellable);
  g_assert_null (lb_poly_lab_run (d.x, d.y, d.n, 3, 42, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  data_clear (&d);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lb_estimators_register_builtin ();
  g_test_add_func ("/learnbench/engine/Lab/gradient-descent", test_gradient_descent);
  g_test_add_func ("/learnbench/engine/Lab/gradient-descent-diverges", test_gradient_descent_diverges);
  g_test_add_func ("/learnbench/engine/Lab/polynomial", test_polynomial);
  g_test_add_func ("/learnbench/engine/Lab/regularization", test_regularization);
  g_test_add_func ("/learnbench/engine/Lab/cancel", test_cancel);
  return g_test_run ();
}
