/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-linear-regression.c: ordinary least squares like scikit-learn 1.2's
 * LinearRegression: centre X and y (fit_intercept), solve min ||Xc w - yc||
 * with dgelsd and rcond = machine epsilon (SciPy's lstsq default), then
 * intercept = mean(y) - mean(X)·w. Tall, well-conditioned problems take a
 * Gram-matrix shortcut with the same result (see fit_gram). The normal-equation solver is the book's
 * formula on [1 | X], kept for teaching; it refuses a singular XbᵀXb.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include <cblas.h>
#include <lapacke.h>

#include "lb-blas.h"
#include "lb-linear-model-private.h"
#include "lb-prep-private.h"
#include "lb-linear-regression.h"

struct _LbLinearRegression
{
  LbEstimator parent_instance;

  /* hyper-parameters */
  gboolean fit_intercept;
  LbLinearRegressionSolver solver;

  /* learned state */
  guint   n_features;
  double *coef;       /* (n_features) */
  double  intercept;
  guint   rank;
  guint   n_singular;
  double *singular;   /* (n_singular), lstsq only */
};

G_DEFINE_TYPE (LbLinearRegression, lb_linear_regression, LB_TYPE_ESTIMATOR)

G_DEFINE_ENUM_TYPE (LbLinearRegressionSolver, lb_linear_regression_solver,
  G_DEFINE_ENUM_VALUE (LB_LINEAR_REGRESSION_SOLVER_LSTSQ, "lstsq"),
  G_DEFINE_ENUM_VALUE (LB_LINEAR_REGRESSION_SOLVER_NORMAL_EQUATION, "normal-equation"))

enum
{
  PROP_0,
  PROP_FIT_INTERCEPT,
  PROP_SOLVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- fitting --- */

/* Rows [i0, i0 + m) of X - x_mean into B, row-major (m, p): the blocks the
 * Gram shortcut streams X through, so that it never copies all of X. */
static void
center_block (const double *X,
              gsize         i0,
              gsize         m,
              gsize         p,
              const double *x_mean,
              double       *B)
{
  for (gsize i = 0; i < m; i++)
    {
      const double *row = X + (i0 + i) * p;
      double *out = B + i * p;

      for (gsize j = 0; j < p; j++)
        out[j] = row[j] - x_mean[j];
    }
}

/* The fast path for tall problems (n ≥ 2p): the least-squares solution from
 * the eigen-decomposition of the Gram matrix G = XcᵀXc (one dsyrk pass over
 * the data instead of an SVD of it). Exact in the subspace it keeps when that
 * subspace is well conditioned (every kept eigenvalue ≥ 1e-8·λmax, i.e.
 * cond(X) ≤ 1e4 there: error ≤ ~1e-8 relative, typically 1e-14); directions
 * whose singular value, measured on Xc itself, is ≤ 1e-10·s_max are exact
 * collinearities (one-hot columns beside the intercept) and are dropped as
 * dgelsd drops them, giving the same minimum-norm solution. Anything between
 * (nearly but not exactly collinear) returns FALSE: dgelsd decides. X is
 * read in centred blocks of rows: no n×p copy of it is made. */
static gboolean
fit_gram (LbLinearRegression *self,
          const double       *X,      /* row-major (n, p), not centred */
          const double       *y,      /* (n) */
          const double       *x_mean, /* (p) */
          double              y_mean,
          gsize               n,
          gsize               p)
{
  gsize block = MIN (CLAMP (400000 / (p * sizeof (double)), 64, 8000), n);   /* ~400 KB of rows */
  g_autofree double *G = g_new0 (double, p * p);
  g_autofree double *lambda = g_new (double, p);
  g_autofree double *c = g_new (double, p);
  g_autofree double *B = g_new (double, block * p);
  g_autofree double *v = g_new (double, block);
  g_autofree double *w = g_new0 (double, p);
  g_autofree double *sv = g_new (double, p);
  g_autofree gboolean *keep = g_new0 (gboolean, p);
  double lmax, smax;
  guint rank = 0;

  /* G = XcᵀXc, c = Xcᵀyc, a block of rows at a time (B read as the
   * column-major (p, m) matrix Bᵀ: G += Bᵀ·B, c += Bᵀ·yc) */
  for (gsize i0 = 0; i0 < n; i0 += block)
    {
      gsize m = MIN (block, n - i0);
      double beta = i0 == 0 ? 0.0 : 1.0;

      center_block (X, i0, m, p, x_mean, B);
      for (gsize i = 0; i < m; i++)
        v[i] = y[i0 + i] - y_mean;
      cblas_dsyrk (CblasColMajor, CblasUpper, CblasNoTrans, (int) p, (int) m, 1.0, B, (int) p, beta, G, (int) p);
      cblas_dgemv (CblasColMajor, CblasNoTrans, (int) p, (int) m, 1.0, B, (int) p, v, 1, beta, c, 1);
    }
  /* eigenvalues ascending, eigenvectors in the columns of G */
  if (LAPACKE_dsyevd (LAPACK_COL_MAJOR, 'V', 'U', (lapack_int) p, G, (lapack_int) p, lambda) != 0)
    return FALSE;
  lmax = lambda[p - 1];
  if (!(lmax > 0.0))
    return FALSE;
  smax = sqrt (lmax);
  for (gsize i = 0; i < p; i++)
    {
      if (lambda[i] >= 1e-8 * lmax)
        {
          keep[i] = TRUE;
          sv[i] = sqrt (lambda[i]);
          rank++;
          continue;
        }
      /* measure this direction's singular value on Xc: ||Xc·vᵢ|| =
       * ||X·vᵢ − (x̄·vᵢ)·1||, a block of rows at a time (one BLAS pass over
       * X, no centred copy) */
      const double *vi = G + i * p;
      double shift = cblas_ddot ((int) p, x_mean, 1, vi, 1);
      double ss = 0.0;

      for (gsize i0 = 0; i0 < n; i0 += block)
        {
          gsize m = MIN (block, n - i0);

          cblas_dgemv (CblasRowMajor, CblasNoTrans, (int) m, (int) p, 1.0, X + i0 * p, (int) p,
                       vi, 1, 0.0, v, 1);
          for (gsize r = 0; r < m; r++)
            ss += (v[r] - shift) * (v[r] - shift);
        }
      sv[i] = sqrt (ss);
      if (sv[i] > 1e-10 * smax)
        return FALSE;
    }
  /* w = Σ kept vᵢ (vᵢᵀ Xcᵀyc) / λᵢ */
  for (gsize i = 0; i < p; i++)
    if (keep[i])
      cblas_daxpy ((int) p, cblas_ddot ((int) p, G + i * p, 1, c, 1) / lambda[i], G + i * p, 1, w, 1);

  self->coef = g_steal_pointer (&w);
  self->rank = rank;
  /* singular values in decreasing order, as LAPACK gives them */
  self->singular = g_new (double, p);
  self->n_singular = (guint) p;
  for (gsize i = 0; i < p; i++)
    self->singular[i] = sv[p - 1 - i];
  return TRUE;
}

static gboolean
fit_lstsq (LbLinearRegression *self,
           const double       *X,
           const double       *y,
           gsize               n,
           gsize               p,
           GError            **error)
{
  g_autofree double *x_mean = g_new0 (double, MAX (p, 1));
  gsize ldb = MAX (n, p);
  g_autofree double *A = NULL;
  g_autofree double *b = NULL;
  gsize ns = MIN (n, p);
  double y_mean;
  lapack_int rank = 0;
  lapack_int info;

  lb_linear_means (X, y, n, p, self->fit_intercept, x_mean, &y_mean);
  if (p > 0 && n >= 2 * p && p <= 4096 && fit_gram (self, X, y, x_mean, y_mean, n, p))
    {
      self->intercept = self->fit_intercept ? y_mean - cblas_ddot ((int) p, x_mean, 1, self->coef, 1) : 0.0;
      return TRUE;
    }

  A = g_try_malloc (MAX (n * p, 1) * sizeof (double));
  b = g_try_malloc0 (MAX (ldb, 1) * sizeof (double));
  if (A == NULL || b == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                           _("not enough memory for the least-squares problem"));
      return FALSE;
    }
  lb_linear_center_colmajor (X, n, p, x_mean, A);
  for (gsize i = 0; i < n; i++)
    b[i] = y[i] - y_mean;

  self->singular = g_new0 (double, MAX (ns, 1));
  self->n_singular = (guint) ns;
  /* A: column-major (n, p); b: ldb values, the solution in its first p. */
  info = LAPACKE_dgelsd (LAPACK_COL_MAJOR, (lapack_int) n, (lapack_int) p, 1,
                         A, (lapack_int) MAX (n, 1), b, (lapack_int) MAX (ldb, 1),
                         self->singular, DBL_EPSILON, &rank);
  if (info != 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_SINGULAR,
                   _("the least-squares solver (SVD) did not converge (LAPACK dgelsd info %d)"),
                   (int) info);
      return FALSE;
    }
  self->rank = (guint) rank;
  self->coef = g_new (double, MAX (p, 1));
  memcpy (self->coef, b, p * sizeof (double));
  self->intercept = self->fit_intercept ? y_mean - cblas_ddot ((int) p, x_mean, 1, self->coef, 1) : 0.0;
  return TRUE;
}

static gboolean
fit_normal_equation (LbLinearRegression *self,
                     const double       *X,
                     const double       *y,
                     gsize               n,
                     gsize               p,
                     GError            **error)
{
  /* The book's θ = (XbᵀXb)⁻¹ Xbᵀ y with Xb = [1 | X] (or X alone). */
  gsize off = self->fit_intercept ? 1 : 0;
  gsize q = p + off;
  g_autofree double *Xb = g_try_malloc (MAX (n * q, 1) * sizeof (double));
  g_autofree double *G = g_new0 (double, q * q);
  g_autofree double *theta = g_new0 (double, q);
  lapack_int info;

  if (Xb == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                           _("not enough memory for the normal equation"));
      return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      if (off)
        Xb[i * q] = 1.0;
      memcpy (Xb + i * q + off, X + i * p, p * sizeof (double));
    }
  /* G = Xbᵀ Xb (upper triangle, row-major), theta = Xbᵀ y */
  cblas_dsyrk (CblasRowMajor, CblasUpper, CblasTrans, (int) q, (int) n, 1.0, Xb, (int) q, 0.0, G, (int) q);
  cblas_dgemv (CblasRowMajor, CblasTrans, (int) n, (int) q, 1.0, Xb, (int) q, y, 1, 0.0, theta, 1);
  info = LAPACKE_dposv (LAPACK_ROW_MAJOR, 'U', (lapack_int) q, 1, G, (lapack_int) q, theta, 1);
  if (info > 0)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_SINGULAR,
                           _("XᵀX is singular (some features are collinear or there are fewer samples "
                             "than features): the normal equation has no unique solution; use the "
                             "lstsq solver"));
      return FALSE;
    }
  if (info < 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_SINGULAR,
                   _("LAPACK dposv failed (info %d)"), (int) info);
      return FALSE;
    }
  self->coef = g_new (double, MAX (p, 1));
  memcpy (self->coef, theta + off, p * sizeof (double));
  self->intercept = off ? theta[0] : 0.0;
  self->rank = (guint) MIN (n, p);
  return TRUE;
}

static gboolean
lb_linear_regression_fit (LbEstimator  *estimator,
                          LbMatrix     *X,
                          LbMatrix     *y,
                          LbFitContext *ctx,
                          GError      **error)
{
  LbLinearRegression *self = LB_LINEAR_REGRESSION (estimator);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  gboolean ok;
  /* a Gram pass or an SVD costs ~2·n·p² flops: small ones stay on one BLAS thread */
  g_autoptr (LbBlasLimit) blas_limit = NULL;

  if (lb_fit_context_check_cancelled (ctx, error))
    return FALSE;
  blas_limit = lb_blas_limit_push_small (2.0 * (double) n * (double) p * (double) p);
  if (self->solver == LB_LINEAR_REGRESSION_SOLVER_NORMAL_EQUATION)
    ok = fit_normal_equation (self, lb_matrix_get_const_data (X), lb_matrix_get_const_data (y), n, p, error);
  else
    ok = fit_lstsq (self, lb_matrix_get_const_data (X), lb_matrix_get_const_data (y), n, p, error);
  if (!ok)
    {
      g_clear_pointer (&self->coef, g_free);
      g_clear_pointer (&self->singular, g_free);
      self->n_singular = 0;
      return FALSE;
    }
  self->n_features = (guint) p;
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static void
lb_linear_regression_reset (LbEstimator *estimator)
{
  LbLinearRegression *self = LB_LINEAR_REGRESSION (estimator);

  g_clear_pointer (&self->coef, g_free);
  g_clear_pointer (&self->singular, g_free);
  self->n_singular = 0;
  self->n_features = 0;
  self->intercept = 0.0;
  self->rank = 0;
}

static LbMatrix *
lb_linear_regression_predict (LbEstimator *estimator,
                              LbMatrix    *X,
                              GError     **error)
{
  LbLinearRegression *self = LB_LINEAR_REGRESSION (estimator);

  return lb_linear_predict_one (X, self->coef, self->intercept, self->n_features,
                                _("this LinearRegression is not fitted yet"), error);
}

/* --- state --- */

static JsonNode *
lb_linear_regression_save_state (LbEstimator *estimator,
                                 GError     **error)
{
  LbLinearRegression *self = LB_LINEAR_REGRESSION (estimator);
  JsonNode *node = lb_linear_coef_to_json (self->n_features, self->coef, self->intercept);
  JsonObject *obj = json_node_get_object (node);

  json_object_set_int_member (obj, "rank", self->rank);
  json_object_set_member (obj, "singular", lb_linear_json_doubles (self->singular, self->singular ? self->n_singular : 0));
  return node;
}

static gboolean
lb_linear_regression_load_state (LbEstimator *estimator,
                                 JsonNode    *state,
                                 GError     **error)
{
  LbLinearRegression *self = LB_LINEAR_REGRESSION (estimator);
  guint64 p, rank;
  JsonNode *sing;
  guint ns;
  g_autofree double *coef = NULL;
  g_autofree double *singular = NULL;
  double intercept;
  JsonObject *obj = lb_linear_coef_from_json (state, &p, &coef, &intercept, error);

  if (obj == NULL || !lb_linear_json_get_uint (obj, "rank", 0, p, &rank, error))
    return FALSE;
  sing = json_object_get_member (obj, "singular");
  ns = sing != NULL && JSON_NODE_HOLDS_ARRAY (sing) ? json_array_get_length (json_node_get_array (sing)) : 0;
  if (ns > p)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                           _("model state 'singular': more values than features"));
      return FALSE;
    }
  if (ns > 0)
    {
      singular = lb_linear_json_dup_doubles (obj, "singular", ns, error);
      if (singular == NULL)
        return FALSE;
    }
  lb_linear_regression_reset (estimator);
  self->n_features = (guint) p;
  self->coef = g_steal_pointer (&coef);
  self->intercept = intercept;
  self->rank = (guint) rank;
  self->singular = g_steal_pointer (&singular);
  self->n_singular = ns;
  return TRUE;
}

static JsonNode *
lb_linear_regression_describe_state (LbEstimator *estimator)
{
  LbLinearRegression *self = LB_LINEAR_REGRESSION (estimator);

  if (self->coef == NULL)
    return NULL;
  return lb_linear_regression_save_state (estimator, NULL);
}

/* --- properties --- */

static void
lb_linear_regression_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LbLinearRegression *self = LB_LINEAR_REGRESSION (object);

  switch (prop_id)
    {
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
lb_linear_regression_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LbLinearRegression *self = LB_LINEAR_REGRESSION (object);
  int v;

  switch (prop_id)
    {
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
lb_linear_regression_finalize (GObject *object)
{
  LbLinearRegression *self = LB_LINEAR_REGRESSION (object);

  g_free (self->coef);
  g_free (self->singular);
  G_OBJECT_CLASS (lb_linear_regression_parent_class)->finalize (object);
}

static void
lb_linear_regression_class_init (LbLinearRegressionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_linear_regression_get_property;
  object_class->set_property = lb_linear_regression_set_property;
  object_class->finalize = lb_linear_regression_finalize;

  est_class->name = "LinearRegression";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y;
  est_class->fit = lb_linear_regression_fit;
  est_class->reset = lb_linear_regression_reset;
  est_class->predict = lb_linear_regression_predict;
  est_class->save_state = lb_linear_regression_save_state;
  est_class->load_state = lb_linear_regression_load_state;
  est_class->describe_state = lb_linear_regression_describe_state;

  properties[PROP_FIT_INTERCEPT] =
    g_param_spec_boolean ("fit-intercept", N_("Fit intercept"),
                          N_("Learn a bias term θ₀; turn off only when the data is already centred"),
                          TRUE, flags);
  properties[PROP_SOLVER] =
    g_param_spec_enum ("solver", N_("Solver"),
                       N_("lstsq solves by SVD and copes with collinear features; "
                          "normal-equation is the book's closed form (XᵀX)⁻¹Xᵀy"),
                       LB_TYPE_LINEAR_REGRESSION_SOLVER, LB_LINEAR_REGRESSION_SOLVER_LSTSQ, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_linear_regression_init (LbLinearRegression *self)
{
  self->fit_intercept = TRUE;
  self->solver = LB_LINEAR_REGRESSION_SOLVER_LSTSQ;
}

/* --- public --- */

LbEstimator *
lb_linear_regression_new (void)
{
  return g_object_new (LB_TYPE_LINEAR_REGRESSION, NULL);
}

const double *
lb_linear_regression_get_coef (LbLinearRegression *self,
                               guint              *n_features)
{
  g_return_val_if_fail (LB_IS_LINEAR_REGRESSION (self), NULL);
  if (n_features != NULL)
    *n_features = self->coef != NULL ? self->n_features : 0;
  return self->coef;
}

double
lb_linear_regression_get_intercept (LbLinearRegression *self)
{
  g_return_val_if_fail (LB_IS_LINEAR_REGRESSION (self), 0.0);
  return self->intercept;
}

guint
lb_linear_regression_get_rank (LbLinearRegression *self)
{
  g_return_val_if_fail (LB_IS_LINEAR_REGRESSION (self), 0);
  return self->rank;
}

const double *
lb_linear_regression_get_singular (LbLinearRegression *self,
                                   guint              *n_values)
{
  g_return_val_if_fail (LB_IS_LINEAR_REGRESSION (self), NULL);
  if (n_values != NULL)
    *n_values = self->singular != NULL ? self->n_singular : 0;
  return self->singular;
}
