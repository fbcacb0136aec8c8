/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-ridge.c: Ridge regression like scikit-learn 1.2 (dense X, no sample
 * weights): centre X and y when fit_intercept, then solve
 * (XcᵀXc + αI) w = Xcᵀyc by Cholesky — or its dual (XcXcᵀ + αI) d = yc,
 * w = Xcᵀd, when p > n — or by SVD, w = V·diag(s/(s²+α))·Uᵀyc over s > 1e-15.
 * "sag"/"saga" give the exact minimiser those iterative solvers approach.
 * A singular Cholesky system (alpha = 0, collinear X) falls back to the SVD.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <cblas.h>
#include <lapacke.h>

#include "lb-linear-model-private.h"
#include "lb-prep-private.h"
#include "lb-ridge.h"

struct _LbRidge
{
  LbEstimator parent_instance;

  double        alpha;
  gboolean      fit_intercept;
  LbRidgeSolver solver;

  guint   n_features;
  double *coef;
  double  intercept;
};

G_DEFINE_TYPE (LbRidge, lb_ridge, LB_TYPE_ESTIMATOR)

G_DEFINE_ENUM_TYPE (LbRidgeSolver, lb_ridge_solver,
  G_DEFINE_ENUM_VALUE (LB_RIDGE_SOLVER_AUTO, "auto"),
  G_DEFINE_ENUM_VALUE (LB_RIDGE_SOLVER_SVD, "svd"),
  G_DEFINE_ENUM_VALUE (LB_RIDGE_SOLVER_CHOLESKY, "cholesky"),
  G_DEFINE_ENUM_VALUE (LB_RIDGE_SOLVER_SAG, "sag"),
  G_DEFINE_ENUM_VALUE (LB_RIDGE_SOLVER_SAGA, "saga"))

enum
{
  PROP_0,
  PROP_ALPHA,
  PROP_FIT_INTERCEPT,
  PROP_SOLVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- solvers (Xc column-major (n, p), yc (n)) --- */

/* FALSE without an error when the system is not positive definite. */
static gboolean
solve_cholesky (const double *Xc,
                const double *yc,
                gsize         n,
                gsize         p,
                double        alpha,
                double       *w)
{
  lapack_int info;

  if (p <= n)
    {
      g_autofree double *A = g_new0 (double, p * p);

      /* A = XcᵀXc + αI (upper, column-major), w = Xcᵀyc */
      cblas_dsyrk (CblasColMajor, CblasUpper, CblasTrans, (int) p, (int) n, 1.0, Xc, (int) n, 0.0, A, (int) p);
      for (gsize j = 0; j < p; j++)
        A[j * p + j] += alpha;
      cblas_dgemv (CblasColMajor, CblasTrans, (int) n, (int) p, 1.0, Xc, (int) n, yc, 1, 0.0, w, 1);
      info = LAPACKE_dposv (LAPACK_COL_MAJOR, 'U', (lapack_int) p, 1, A, (lapack_int) p, w, (lapack_int) p);
      return info == 0;
    }
  else
    {
      /* Dual: K = XcXcᵀ + αI (n, n), d = K⁻¹yc, w = Xcᵀd */
      g_autofree double *K = g_new0 (double, n * n);
      g_autofree double *d = g_memdup2 (yc, n * sizeof (double));

      cblas_dsyrk (CblasColMajor, CblasUpper, CblasNoTrans, (int) n, (int) p, 1.0, Xc, (int) n, 0.0, K, (int) n);
      for (gsize i = 0; i < n; i++)
        K[i * n + i] += alpha;
      info = LAPACKE_dposv (LAPACK_COL_MAJOR, 'U', (lapack_int) n, 1, K, (lapack_int) n, d, (lapack_int) n);
      if (info != 0)
        return FALSE;
      cblas_dgemv (CblasColMajor, CblasTrans, (int) n, (int) p, 1.0, Xc, (int) n, d, 1, 0.0, w, 1);
      return TRUE;
    }
}

static gboolean
solve_svd (const double *Xc,
           const double *yc,
           gsize         n,
           gsize         p,
           double        alpha,
           double       *w,
           GError      **error)
{
  gsize r = MIN (n, p);
  g_autofree double *A = g_memdup2 (Xc, n * p * sizeof (double));
  g_autofree double *s = g_new0 (double, MAX (r, 1));
  g_autofree double *U = g_new0 (double, MAX (n * r, 1));
  g_autofree double *Vt = g_new0 (double, MAX (r * p, 1));
  g_autofree double *uy = g_new0 (double, MAX (r, 1));
  lapack_int info;

  /* Xc = U (n, r) · diag(s) · Vt (r, p), all column-major */
  info = LAPACKE_dgesdd (LAPACK_COL_MAJOR, 'S', (lapack_int) n, (lapack_int) p, A, (lapack_int) n,
                         s, U, (lapack_int) n, Vt, (lapack_int) r);
  if (info != 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_SINGULAR,
                   _("the SVD did not converge (LAPACK dgesdd info %d)"), (int) info);
      return FALSE;
    }
  cblas_dgemv (CblasColMajor, CblasTrans, (int) n, (int) r, 1.0, U, (int) n, yc, 1, 0.0, uy, 1);
  for (gsize k = 0; k < r; k++)
    uy[k] = s[k] > 1e-15 ? uy[k] * s[k] / (s[k] * s[k] + alpha) : 0.0;
  /* w = Vtᵀ · uy */
  cblas_dgemv (CblasColMajor, CblasTrans, (int) r, (int) p, 1.0, Vt, (int) r, uy, 1, 0.0, w, 1);
  return TRUE;
}

static gboolean
lb_ridge_fit (LbEstimator  *estimator,
              LbMatrix     *X,
              LbMatrix     *y,
              LbFitContext *ctx,
              GError      **error)
{
  LbRidge *self = LB_RIDGE (estimator);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  const double *yv = lb_matrix_get_const_data (y);
  g_autofree double *x_mean = g_new0 (double, MAX (p, 1));
  g_autofree double *Xc = NULL;
  g_autofree double *yc = g_new (double, MAX (n, 1));
  g_autofree double *w = g_new0 (double, MAX (p, 1));
  double y_mean;
  gboolean ok;

  if (lb_fit_context_check_cancelled (ctx, error))
    return FALSE;
  Xc = g_try_malloc (MAX (n * p, 1) * sizeof (double));
  if (Xc == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                           _("not enough memory for the ridge problem"));
      return FALSE;
    }
  lb_linear_means (lb_matrix_get_const_data (X), yv, n, p, self->fit_intercept, x_mean, &y_mean);
  lb_linear_center_colmajor (lb_matrix_get_const_data (X), n, p, x_mean, Xc);
  for (gsize i = 0; i < n; i++)
    yc[i] = yv[i] - y_mean;

  if (self->solver == LB_RIDGE_SOLVER_SVD)
    ok = solve_svd (Xc, yc, n, p, self->alpha, w, error);
  else
    {
      ok = solve_cholesky (Xc, yc, n, p, self->alpha, w);
      if (!ok)
        {
          LbFitEvent ev = { .fraction = -1, .loss = NAN, .val_score = NAN,
                            .message = _("singular matrix: using the SVD (least-squares) solution instead") };
          lb_fit_context_report (ctx, &ev);
          ok = solve_svd (Xc, yc, n, p, self->alpha, w, error);
        }
    }
  if (!ok)
    return FALSE;

  g_clear_pointer (&self->coef, g_free);
  self->coef = g_steal_pointer (&w);
  self->n_features = (guint) p;
  self->intercept = self->fit_intercept ? y_mean - cblas_ddot ((int) p, x_mean, 1, self->coef, 1) : 0.0;
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static void
lb_ridge_reset (LbEstimator *estimator)
{
  LbRidge *self = LB_RIDGE (estimator);

  g_clear_pointer (&self->coef, g_free);
  self->n_features = 0;
  self->intercept = 0.0;
}

static LbMatrix *
lb_ridge_predict (LbEstimator *estimator,
                  LbMatrix    *X,
                  GError     **error)
{
  LbRidge *self = LB_RIDGE (estimator);

  return lb_linear_predict_one (X, self->coef, self->intercept, self->n_features,
                                _("this Ridge is not fitted yet"), error);
}

static JsonNode *
lb_ridge_save_state (LbEstimator *estimator,
                     GError     **error)
{
  LbRidge *self = LB_RIDGE (estimator);

  return lb_linear_coef_to_json (self->n_features, self->coef, self->intercept);
}

static gboolean
lb_ridge_load_state (LbEstimator *estimator,
                     JsonNode    *state,
                     GError     **error)
{
  LbRidge *self = LB_RIDGE (estimator);
  g_autofree double *coef = NULL;
  guint64 p;
  double b;

  if (lb_linear_coef_from_json (state, &p, &coef, &b, error) == NULL)
    return FALSE;
  lb_ridge_reset (estimator);
  self->coef = g_steal_pointer (&coef);
  self->n_features = (guint) p;
  self->intercept = b;
  return TRUE;
}

static JsonNode *
lb_ridge_describe_state (LbEstimator *estimator)
{
  return LB_RIDGE (estimator)->coef != NULL ? lb_ridge_save_state (estimator, NULL) : NULL;
}

/* --- properties --- */

static void
lb_ridge_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LbRidge *self = LB_RIDGE (object);

  switch (prop_id)
    {
    case PROP_ALPHA:
      g_value_set_double (value, self->alpha);
      break;
    case PROP_FIT_INTERCEPT:
      g_value_set_boolean (value, self->fit_intercept);
      break;
    case PROP_SOLVER:
      g_value_set_enum (value, self->solver);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_ridge_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LbRidge *self = LB_RIDGE (object);
  int v;

  switch (prop_id)
    {
    case PROP_ALPHA:
      if (self->alpha != g_value_get_double (value))
        {
          self->alpha = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FIT_INTERCEPT:
      lb_prep_set_boolean (object, &self->fit_intercept, g_value_get_boolean (value), pspec);
      break;
    case PROP_SOLVER:
      v = (int) self->solver;
      lb_prep_set_int (object, &v, g_value_get_enum (value), pspec);
      self->solver = v;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_ridge_finalize (GObject *object)
{
  g_free (LB_RIDGE (object)->coef);
  G_OBJECT_CLASS (lb_ridge_parent_class)->finalize (object);
}

static void
lb_ridge_class_init (LbRidgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_ridge_get_property;
  object_class->set_property = lb_ridge_set_property;
  object_class->finalize = lb_ridge_finalize;

  est_class->name = "Ridge";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y;
  est_class->fit = lb_ridge_fit;
  est_class->reset = lb_ridge_reset;
  est_class->predict = lb_ridge_predict;
  est_class->save_state = lb_ridge_save_state;
  est_class->load_state = lb_ridge_load_state;
  est_class->describe_state = lb_ridge_describe_state;

  properties[PROP_ALPHA] =
    g_param_spec_double ("alpha", N_("Alpha"),
                         N_("Strength of the L2 penalty: larger values shrink the weights more"),
                         0.0, G_MAXDOUBLE, 1.0, flags);
  properties[PROP_FIT_INTERCEPT] =
    g_param_spec_boolean ("fit-intercept", N_("Fit intercept"),
                          N_("Learn a bias term θ₀ (never penalised); turn off only for centred data"),
                          TRUE, flags);
  properties[PROP_SOLVER] =
    g_param_spec_enum ("solver", N_("Solver"),
                       N_("How the closed form is computed: Cholesky of XᵀX + αI or an SVD; "
                          "sag and saga give the exact solution those iterative solvers approach"),
                       LB_TYPE_RIDGE_SOLVER, LB_RIDGE_SOLVER_AUTO, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_ridge_init (LbRidge *self)
{
  self->alpha = 1.0;
  self->fit_intercept = TRUE;
  self->solver = LB_RIDGE_SOLVER_AUTO;
}

LbEstimator *
lb_ridge_new (void)
{
  return g_object_new (LB_TYPE_RIDGE, NULL);
}

const double *
lb_ridge_get_coef (LbRidge *self,
                   guint   *n_features)
{
  g_return_val_if_fail (LB_IS_RIDGE (self), NULL);
  if (n_features != NULL)
    *n_features = self->coef != NULL ? self->n_features : 0;
  return self->coef;
}

double
lb_ridge_get_intercept (LbRidge *self)
{
  g_return_val_if_fail (LB_IS_RIDGE (self), 0.0);
  return self->intercept;
}
