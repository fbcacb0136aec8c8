/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-lab.c: the chapter 4 lab's computations (see lb-lab.h). The cost
 * surface of the 1-D linear model is a quadratic in (θ0, θ1) whose
 * coefficients are the data's moments, so each grid value costs a handful of
 * flops; the models are the engine's own estimators, fitted for real.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-engine-error.h"
#include "lb-estimator.h"
#include "lb-lab.h"
#include "lb-pipeline.h"
#include "lb-polynomial-features.h"
#include "lb-rng.h"

/* --- helpers --- */

typedef struct
{
  double n, sx, sxx, sy, syy, sxy;
} Moments;

static void
moments_init (Moments      *m,
              const double *x,
              const double *y,
              gsize         n)
{
  *m = (Moments) { (double) n, 0, 0, 0, 0, 0 };
  for (gsize i = 0; i < n; i++)
    {
      m->sx += x[i];
      m->sxx += x[i] * x[i];
      m->sy += y[i];
      m->syy += y[i] * y[i];
      m->sxy += x[i] * y[i];
    }
}

/* mean((θ0 + θ1 x − y)²) from the moments */
static double
moments_cost (const Moments *m,
              double         t0,
              double         t1)
{
  double s = m->n * t0 * t0 + t1 * t1 * m->sxx + m->syy
             + 2 * t0 * t1 * m->sx - 2 * t0 * m->sy - 2 * t1 * m->sxy;

  return MAX (s, 0.0) / m->n;
}

static LbMatrix *
column_matrix (const double *v,
               gsize         n,
               const char   *name)
{
  const char *names[] = { name, NULL };
  LbMatrix *m = lb_matrix_new_from_data (n, 1, v);

  lb_matrix_set_column_names (m, names);
  return m;
}

static gboolean
check_data (const double *x,
            const double *y,
            gsize         n,
            gsize         min_n,
            GError      **error)
{
  if (n < min_n)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("the lab needs at least %zu points (it has %zu)"), min_n, n);
      return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    if (!isfinite (x[i]) || !isfinite (y[i]))
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                     _("point %zu is missing or infinite"), i + 1);
        return FALSE;
      }
  return TRUE;
}

/* PolynomialFeatures(degree, no bias) → StandardScaler → @model */
static LbEstimator *
poly_pipeline (guint         degree,
               LbEstimator  *model,
               GError      **error)
{
  g_autoptr (LbPipeline) pipeline = lb_pipeline_new ();
  g_autoptr (LbEstimator) poly = lb_polynomial_features_new ((int) degree);
  g_autoptr (LbEstimator) scaler = lb_estimator_new_by_name ("StandardScaler", error);

  if (scaler == NULL)
    return NULL;
  g_object_set (poly, "include-bias", FALSE, NULL);
  if (!lb_pipeline_append (pipeline, "poly", poly, error)
      || !lb_pipeline_append (pipeline, "scaler", scaler, error)
      || !lb_pipeline_append (pipeline, "model", model, error))
    return NULL;
  return LB_ESTIMATOR (g_steal_pointer (&pipeline));
}

/* @n_curve points evenly over [min x, max x] and the model's predictions there. */
static gboolean
predict_curve (LbEstimator  *model,
               const double *x,
               gsize         n,
               guint         n_curve,
               double      **curve_x,
               double      **curve_y,
               GError      **error)
{
  double lo = x[0], hi = x[0];
  g_autofree double *cx = g_new (double, n_curve);
  g_autoptr (LbMatrix) X = NULL;
  g_autoptr (LbMatrix) p = NULL;

  for (gsize i = 1; i < n; i++)
    {
      lo = MIN (lo, x[i]);
      hi = MAX (hi, x[i]);
    }
  for (guint i = 0; i < n_curve; i++)
    cx[i] = lo + (hi - lo) * i / (n_curve - 1);
  X = column_matrix (cx, n_curve, "x");
  p = lb_estimator_predict (model, X, error);
  if (p == NULL)
    return FALSE;
  *curve_y = g_memdup2 (lb_matrix_get_const_data (p), n_curve * sizeof (double));
  *curve_x = g_steal_pointer (&cx);
  return TRUE;
}

/* --- gradient descent --- */

void
lb_gd_lab_result_free (LbGdLabResult *result)
{
  if (result == NULL)
    return;
  g_free (result->theta0);
  g_free (result->theta1);
  g_free (result->cost);
  g_free (result->z);
  g_free (result);
}

LbGdLabResult *
lb_gd_lab_run (const double           *x,
               const double           *y,
               gsize                   n,
               const LbGdLabSettings  *settings,
               guint                   grid,
               GCancellable           *cancellable,
               GError                **error)
{
  g_autoptr (LbGdLabResult) r = g_new0 (LbGdLabResult, 1);
  g_autoptr (LbEstimator) gd = lb_gd_regressor_new ();
  g_autoptr (LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr (LbMatrix) X = NULL;
  g_autoptr (LbMatrix) Y = NULL;
  LbMatrix *path;
  Moments m;
  double det, t0_lo, t1_lo, reach;

  g_return_val_if_fail (settings != NULL, NULL);
  if (!check_data (x, y, n, 2, error))
    return NULL;
  moments_init (&m, x, y, n);
  det = m.n * m.sxx - m.sx * m.sx;
  if (!(fabs (det) > 1e-12 * m.n * m.sxx))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_SINGULAR,
                   _("every x is the same: the slope cannot be learned"));
      return NULL;
    }
  /* the normal equation, for the optimum drawn on the surface */
  r->best_theta1 = (m.n * m.sxy - m.sx * m.sy) / det;
  r->best_theta0 = (m.sy - r->best_theta1 * m.sx) / m.n;
  r->best_cost = moments_cost (&m, r->best_theta0, r->best_theta1);

  g_object_set (gd,
                "method", settings->method,
                "schedule", settings->schedule,
                "eta", settings->eta,
                "t0", settings->t0,
                "t1", settings->t1,
                "batch-size", MAX (settings->batch_size, 1u),
                NULL);
  if (settings->method == LB_GD_METHOD_BATCH)
    g_object_set (gd, "n-iterations", MAX (settings->n_epochs, 1u), NULL);
  else
    g_object_set (gd, "n-epochs", MAX (settings->n_epochs, 1u), NULL);
  lb_fit_context_set_seed (ctx, settings->seed);
  lb_fit_context_set_cancellable (ctx, cancellable);
  X = column_matrix (x, n, "x");
  Y = column_matrix (y, n, "y");
  if (!lb_estimator_fit (gd, X, Y, ctx, error))
    return NULL;

  path = lb_gd_regressor_get_path (LB_GD_REGRESSOR (gd));
  r->n_path = (guint) lb_matrix_get_n_rows (path);
  r->theta0 = g_new (double, r->n_path);
  r->theta1 = g_new (double, r->n_path);
  r->cost = g_new (double, r->n_path);
  for (guint k = 0; k < r->n_path; k++)
    {
      r->theta0[k] = LB_MATRIX_AT (path, k, 0);
      r->theta1[k] = LB_MATRIX_AT (path, k, 1);
      r->cost[k] = isfinite (r->theta0[k]) && isfinite (r->theta1[k])
                   ? moments_cost (&m, r->theta0[k], r->theta1[k]) : INFINITY;
    }

  /* The surface: centred on the optimum (the bottom of the bowl in the
   * middle), wide enough for the path — but a diverging path (too large a
   * rate) would zoom the bowl away, so the frame reaches at most 4× as far
   * as the starting point is. */
  reach = MAX (fabs (r->theta0[0] - r->best_theta0), fabs (r->theta1[0] - r->best_theta1));
  reach = MAX (reach, 1.0);
  t0_lo = t1_lo = 0.25;   /* half-widths, at least */
  for (guint k = 0; k < r->n_path; k++)
    {
      double a = fabs (r->theta0[k] - r->best_theta0), b = fabs (r->theta1[k] - r->best_theta1);

      if (isnan (a) || isnan (b))
        continue;
      t0_lo = MAX (t0_lo, MIN (a, 4 * reach));
      t1_lo = MAX (t1_lo, MIN (b, 4 * reach));
    }
  r->x0 = r->best_theta0 - 1.15 * t0_lo;
  r->x1 = r->best_theta0 + 1.15 * t0_lo;
  r->y0 = r->best_theta1 - 1.15 * t1_lo;
  r->y1 = r->best_theta1 + 1.15 * t1_lo;
  r->nx = r->ny = MAX (grid, 2u);
  r->z = g_new (double, (gsize) r->nx * r->ny);
  for (guint j = 0; j < r->ny; j++)
    for (guint i = 0; i < r->nx; i++)
      r->z[(gsize) j * r->nx + i] = moments_cost (&m, r->x0 + (r->x1 - r->x0) * i / (r->nx - 1),
                                                 r->y0 + (r->y1 - r->y0) * j / (r->ny - 1));
  return g_steal_pointer (&r);
}

/* --- polynomial degree --- */

void
lb_poly_lab_result_free (LbPolyLabResult *result)
{
  if (result == NULL)
    return;
  g_free (result->curve_x);
  g_free (result->curve_y);
  g_free (result->sizes);
  g_free (result->train_rmse);
  g_free (result->val_rmse);
  g_free (result);
}

static double
rmse_of (LbEstimator  *model,
         LbMatrix     *X,
         LbMatrix     *y,
         GError      **error)
{
  g_autoptr (LbMatrix) p = lb_estimator_predict (model, X, error);
  const double *a, *b;
  double s = 0.0;
  gsize n;

  if (p == NULL)
    return NAN;
  a = lb_matrix_get_const_data (p);
  b = lb_matrix_get_const_data (y);
  n = lb_matrix_get_n_rows (y);
  for (gsize i = 0; i < n; i++)
    s += (a[i] - b[i]) * (a[i] - b[i]);
  return sqrt (s / n);
}

LbPolyLabResult *
lb_poly_lab_run (const double  *x,
                 const double  *y,
                 gsize          n,
                 guint          degree,
                 guint64        seed,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr (LbPolyLabResult) r = g_new0 (LbPolyLabResult, 1);
  g_autoptr (LbEstimator) full = NULL;
  g_autoptr (LbEstimator) linear = NULL;
  g_autoptr (LbMatrix) X = NULL;
  g_autoptr (LbMatrix) Y = NULL;
  g_autoptr (LbMatrix) X_val = NULL;
  g_autoptr (LbMatrix) Y_val = NULL;
  g_autofree guint *order = NULL;
  g_autoptr (LbFitContext) ctx = lb_fit_context_new ();
  LbRng rng;
  gsize n_val, n_train;

  if (degree < 1 || degree > 60)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("the degree must be between 1 and 60 (got %u)"), degree);
      return NULL;
    }
  if (!check_data (x, y, n, 5, error))
    return NULL;
  lb_fit_context_set_cancellable (ctx, cancellable);
  X = column_matrix (x, n, "x");
  Y = column_matrix (y, n, "y");

  /* the fit on every point, for the curve */
  linear = lb_estimator_new_by_name ("LinearRegression", error);
  if (linear == NULL)
    return NULL;
  full = poly_pipeline (degree, linear, error);
  if (full == NULL || !lb_estimator_fit (full, X, Y, ctx, error))
    return NULL;
  r->n_curve = 200;
  if (!predict_curve (full, x, n, r->n_curve, &r->curve_x, &r->curve_y, error))
    return NULL;

  /* the book's plot_learning_curves: an 80 / 20 split, then m = 1 … n_train */
  order = g_new (guint, n);
  for (gsize i = 0; i < n; i++)
    order[i] = (guint) i;
  lb_rng_init (&rng, seed);
  lb_rng_shuffle (&rng, order, n);
  n_val = MAX ((gsize) ceil (0.2 * n), 1);
  n_train = n - n_val;
  r->n_val = (guint) n_val;
  X_val = lb_matrix_take_rows (X, order + n_train, n_val);
  Y_val = lb_matrix_take_rows (Y, order + n_train, n_val);
  r->n_sizes = (guint) n_train;
  r->sizes = g_new (double, n_train);
  r->train_rmse = g_new (double, n_train);
  r->val_rmse = g_new (double, n_train);
  for (gsize m = 1; m <= n_train; m++)
    {
      g_autoptr (LbMatrix) Xm = lb_matrix_take_rows (X, order, m);
      g_autoptr (LbMatrix) Ym = lb_matrix_take_rows (Y, order, m);
      g_autoptr (LbEstimator) model = lb_estimator_clone (full);

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !lb_estimator_fit (model, Xm, Ym, ctx, error))
        return NULL;
      r->sizes[m - 1] = (double) m;
      r->train_rmse[m - 1] = rmse_of (model, Xm, Ym, error);
      r->val_rmse[m - 1] = rmse_of (model, X_val, Y_val, error);
      if (isnan (r->train_rmse[m - 1]) || isnan (r->val_rmse[m - 1]))
        return NULL;
    }
  return g_steal_pointer (&r);
}

/* --- regularization --- */

void
lb_reg_lab_result_free (LbRegLabResult *result)
{
  if (result == NULL)
    return;
  g_free (result->alphas);
  g_free (result->coef);
  g_free (result->curve_x);
  g_free (result->curve_y);
  g_free (result);
}

/* The "coef" array of a linear model's describe_state (@n numbers). */
static gboolean
read_coef (JsonNode *state,
           double   *coef,
           guint     n)
{
  JsonNode *node;
  JsonArray *array;

  if (state == NULL || !JSON_NODE_HOLDS_OBJECT (state))
    return FALSE;
  node = json_object_get_member (json_node_get_object (state), "coef");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *v = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (v) || json_node_get_value_type (v) != G_TYPE_DOUBLE)
        return FALSE;
      coef[i] = json_node_get_double (v);
    }
  return TRUE;
}

static LbEstimator *
regularized (gboolean  lasso,
             double    alpha,
             GError  **error)
{
  LbEstimator *model = lb_estimator_new_by_name (lasso ? "Lasso" : "Ridge", error);

  if (model == NULL)
    return NULL;
  g_object_set (model, "alpha", alpha, NULL);
  if (lasso)
    g_object_set (model, "max-iter", 100000u, NULL);
  return model;
}

LbRegLabResult *
lb_reg_lab_run (const double  *x,
                const double  *y,
                gsize          n,
                gboolean       lasso,
                guint          degree,
                double         alpha,
                double         alpha_min,
                double         alpha_max,
                guint          n_alphas,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr (LbRegLabResult) r = g_new0 (LbRegLabResult, 1);
  g_autoptr (LbMatrix) X = NULL;
  g_autoptr (LbMatrix) Y = NULL;
  g_autoptr (LbFitContext) ctx = lb_fit_context_new ();

  if (degree < 1 || degree > 60)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("the degree must be between 1 and 60 (got %u)"), degree);
      return NULL;
    }
  if (!(alpha_min > 0 && alpha_max > alpha_min && alpha >= 0 && n_alphas >= 2))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("the alphas must be positive and increasing"));
      return NULL;
    }
  if (!check_data (x, y, n, 2, error))
    return NULL;
  lb_fit_context_set_cancellable (ctx, cancellable);
  X = column_matrix (x, n, "x");
  Y = column_matrix (y, n, "y");

  r->n_alphas = n_alphas;
  r->n_coef = degree;
  r->alphas = g_new (double, n_alphas);
  r->coef = g_new (double, (gsize) n_alphas * degree);
  for (guint a = 0; a <= n_alphas; a++)
    {
      /* a < n_alphas: the path; a == n_alphas: the chosen alpha */
      double value = a < n_alphas
                     ? exp (log (alpha_min) + (log (alpha_max) - log (alpha_min)) * a / (n_alphas - 1))
                     : alpha;
      g_autoptr (LbEstimator) model = regularized (lasso, value, error);
      g_autoptr (LbEstimator) pipeline = NULL;
      g_autoptr (JsonNode) state = NULL;
      LbEstimator *final;

      if (model == NULL)
        return NULL;
      pipeline = poly_pipeline (degree, model, error);
      if (pipeline == NULL || g_cancellable_set_error_if_cancelled (cancellable, error)
          || !lb_estimator_fit (pipeline, X, Y, ctx, error))
        return NULL;
      if (a == n_alphas)
        {
          r->train_rmse = rmse_of (pipeline, X, Y, error);
          if (isnan (r->train_rmse)
              || !predict_curve (pipeline, x, n, 200, &r->curve_x, &r->curve_y, error))
            return NULL;
          r->n_curve = 200;
          break;
        }
      r->alphas[a] = value;
      final = lb_pipeline_get_final_step (LB_PIPELINE (pipeline));
      state = lb_estimator_describe_state (final);
      if (!read_coef (state, r->coef + (gsize) a * degree, degree))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("the model did not report its coefficients"));
          return NULL;
        }
    }
  return g_steal_pointer (&r);
}
