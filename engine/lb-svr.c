/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svr.c: SVR as scikit-learn 1.2.1 (libsvm's ε-SVR): variables t < n are
 * α⁺ (y = +1, linear term ε − y_t), t >= n are α⁻ (y = −1, ε + y_t), both on
 * data row t mod n, solved by lb-svm-solver.c along libsvm's path;
 * coefficients α⁺ − α⁻, support vectors where they are non-zero.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-svm-model.h"
#include "lb-svm-private.h"
#include "lb-svm-solver.h"
#include "lb-svr.h"

struct _LbSvr
{
  LbEstimator parent_instance;

  LbSvmKernelType kernel;
  guint           degree;
  JsonNode       *gamma;
  double          coef0;
  double          tol;
  double          C;
  double          epsilon;
  gboolean        shrinking;
  double          cache_size;
  int             max_iter;

  LbSvmModel     *model;
};

G_DEFINE_TYPE (LbSvr, lb_svr, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_KERNEL,
  PROP_DEGREE,
  PROP_GAMMA,
  PROP_COEF0,
  PROP_TOL,
  PROP_C,
  PROP_EPSILON,
  PROP_SHRINKING,
  PROP_CACHE_SIZE,
  PROP_MAX_ITER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
lb_svr_fit (LbEstimator  *estimator,
            LbMatrix     *X,
            LbMatrix     *y,
            LbFitContext *ctx,
            GError      **error)
{
  LbSvr *self = LB_SVR (estimator);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X), l = 2 * n, s = 0;
  const double *x = lb_matrix_get_const_data (X), *yv = lb_matrix_get_const_data (y);
  g_autofree guint *kid = g_new (guint, l);
  g_autofree double *ys = g_new (double, l);
  g_autofree double *lin = g_new (double, l);
  g_autofree double *C = g_new (double, l);
  g_autofree double *alpha2 = g_new0 (double, l);
  g_autoptr(LbSvmModel) m = g_new0 (LbSvmModel, 1);
  LbSvmKernel kernel;
  LbSvmProblem problem = { 0 };
  LbSvmSolution solution = { 0 };

  kernel.type = self->kernel;
  kernel.degree = (int) self->degree;
  kernel.gamma = lb_svm_gamma_resolve (self->gamma, x, n, p);
  kernel.coef0 = self->coef0;
  for (gsize i = 0; i < n; i++)
    {
      kid[i] = kid[i + n] = (guint) i;
      ys[i] = +1.0;
      ys[i + n] = -1.0;
      lin[i] = self->epsilon - yv[i];
      lin[i + n] = self->epsilon + yv[i];
      C[i] = C[i + n] = self->C;
    }
  problem.kernel = &kernel;
  problem.X = x;
  problem.n_data = n;
  problem.p = p;
  problem.l = l;
  problem.kid = kid;
  problem.y = ys;
  problem.lin = lin;
  problem.C = C;
  problem.eps = self->tol;
  problem.shrinking = self->shrinking;
  problem.cache_mb = self->cache_size;
  problem.max_iter = self->max_iter;
  problem.ctx = ctx;
  problem.progress_from = 0.0;
  problem.progress_to = 1.0;
  if (!lb_svm_solve (&problem, alpha2, &solution, error))
    return FALSE;

  m->kernel = kernel;
  m->regression = TRUE;
  m->n_classes = 2;
  m->n_features = (guint) p;
  for (gsize i = 0; i < n; i++)
    if (fabs (alpha2[i] - alpha2[i + n]) > 0)
      m->n_sv++;
  m->support = g_new (guint, MAX (m->n_sv, 1));
  m->sv = g_new (double, MAX (m->n_sv * p, 1));
  m->sv_sq = g_new (double, MAX (m->n_sv, 1));
  m->sv_coef = g_new (double, MAX (m->n_sv, 1));
  for (gsize i = 0; i < n; i++)
    {
      double a = alpha2[i] - alpha2[i + n];

      if (fabs (a) > 0)
        {
          m->support[s] = (guint) i;
          m->sv_coef[s] = a;
          memcpy (m->sv + s * p, x + i * p, p * sizeof (double));
          s++;
        }
    }
  lb_svm_row_norms (m->sv, m->n_sv, p, m->sv_sq);
  m->rho = g_new (double, 1);
  m->rho[0] = solution.rho;
  lb_svm_model_free (self->model);
  self->model = g_steal_pointer (&m);
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static void
lb_svr_reset (LbEstimator *estimator)
{
  g_clear_pointer (&LB_SVR (estimator)->model, lb_svm_model_free);
}

static gboolean
lb_svr_check_params (LbEstimator *estimator,
                     GError     **error)
{
  return lb_svm_gamma_check (LB_SVR (estimator)->gamma, error);
}

static gboolean
lb_svr_check_param_value (LbEstimator  *estimator,
                          GParamSpec   *pspec,
                          const GValue *value,
                          GError      **error)
{
  if (pspec == properties[PROP_GAMMA])
    return lb_svm_gamma_check (g_value_get_boxed (value), error);
  return TRUE;
}

static LbMatrix *
lb_svr_predict (LbEstimator *estimator,
                LbMatrix    *X,
                GError     **error)
{
  LbSvr *self = LB_SVR (estimator);
  LbMatrix *out = lb_matrix_new (lb_matrix_get_n_rows (X), 1);

  lb_svm_model_decision (self->model, lb_matrix_get_const_data (X), lb_matrix_get_n_rows (X),
                         lb_matrix_get_data (out));
  return out;
}

static JsonNode *
lb_svr_save_state (LbEstimator *estimator,
                   GError     **error)
{
  return lb_svm_model_save (LB_SVR (estimator)->model);
}

static gboolean
lb_svr_load_state (LbEstimator *estimator,
                   JsonNode    *state,
                   GError     **error)
{
  LbSvr *self = LB_SVR (estimator);
  LbSvmModel *m = lb_svm_model_load (state, TRUE, 2, lb_estimator_get_n_features_in (estimator), error);

  if (m == NULL)
    return FALSE;
  lb_svm_model_free (self->model);
  self->model = m;
  return TRUE;
}

static JsonNode *
lb_svr_describe_state (LbEstimator *estimator)
{
  return lb_svm_model_describe_node (LB_SVR (estimator)->model);
}

static void
lb_svr_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  LbSvr *self = LB_SVR (object);

  switch (prop_id)
    {
    case PROP_KERNEL:     g_value_set_enum (value, self->kernel); break;
    case PROP_DEGREE:     g_value_set_uint (value, self->degree); break;
    case PROP_GAMMA:      g_value_set_boxed (value, self->gamma); break;
    case PROP_COEF0:      g_value_set_double (value, self->coef0); break;
    case PROP_TOL:        g_value_set_double (value, self->tol); break;
    case PROP_C:          g_value_set_double (value, self->C); break;
    case PROP_EPSILON:    g_value_set_double (value, self->epsilon); break;
    case PROP_SHRINKING:  g_value_set_boolean (value, self->shrinking); break;
    case PROP_CACHE_SIZE: g_value_set_double (value, self->cache_size); break;
    case PROP_MAX_ITER:   g_value_set_int (value, self->max_iter); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_svr_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  LbSvr *self = LB_SVR (object);

  switch (prop_id)
    {
    case PROP_KERNEL:     SET_FIELD (kernel, (LbSvmKernelType) g_value_get_enum); break;
    case PROP_DEGREE:     SET_FIELD (degree, g_value_get_uint); break;
    case PROP_GAMMA:      lb_svm_set_gamma (&self->gamma, object, pspec, value); break;
    case PROP_COEF0:      SET_FIELD (coef0, g_value_get_double); break;
    case PROP_TOL:        SET_FIELD (tol, g_value_get_double); break;
    case PROP_C:          SET_FIELD (C, g_value_get_double); break;
    case PROP_EPSILON:    SET_FIELD (epsilon, g_value_get_double); break;
    case PROP_SHRINKING:  SET_FIELD (shrinking, g_value_get_boolean); break;
    case PROP_CACHE_SIZE: SET_FIELD (cache_size, g_value_get_double); break;
    case PROP_MAX_ITER:   SET_FIELD (max_iter, g_value_get_int); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_svr_finalize (GObject *object)
{
  LbSvr *self = LB_SVR (object);

  g_clear_pointer (&self->model, lb_svm_model_free);
  g_clear_pointer (&self->gamma, json_node_unref);
  G_OBJECT_CLASS (lb_svr_parent_class)->finalize (object);
}

static void
lb_svr_class_init (LbSvrClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_svr_get_property;
  object_class->set_property = lb_svr_set_property;
  object_class->finalize = lb_svr_finalize;

  est_class->name = "SVR";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE;
  est_class->check_params = lb_svr_check_params;
  est_class->check_param_value = lb_svr_check_param_value;
  est_class->fit = lb_svr_fit;
  est_class->reset = lb_svr_reset;
  est_class->predict = lb_svr_predict;
  est_class->save_state = lb_svr_save_state;
  est_class->load_state = lb_svr_load_state;
  est_class->describe_state = lb_svr_describe_state;

  lb_svm_kernel_pspecs (properties, PROP_KERNEL, PROP_DEGREE, PROP_GAMMA, PROP_COEF0,
                        PROP_SHRINKING, PROP_TOL, PROP_CACHE_SIZE, flags);
  properties[PROP_C] =
    g_param_spec_double ("C", N_("C"),
                         N_("How much errors beyond epsilon cost: small C gives a flatter, more "
                            "regularised function"),
                         G_MINDOUBLE, G_MAXDOUBLE, 1.0, flags);
  properties[PROP_EPSILON] =
    g_param_spec_double ("epsilon", N_("Epsilon"),
                         N_("The width of the street: errors smaller than epsilon cost nothing"),
                         0.0, G_MAXDOUBLE, 0.1, flags);
  properties[PROP_MAX_ITER] =
    g_param_spec_int ("max-iter", N_("Maximum iterations"),
                      N_("A limit on solver iterations; -1: none"),
                      -1, G_MAXINT, -1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_svr_init (LbSvr *self)
{
  self->kernel = LB_SVM_KERNEL_RBF;
  self->degree = 3;
  self->gamma = lb_svm_gamma_default ();
  self->coef0 = 0.0;
  self->tol = 1e-3;
  self->C = 1.0;
  self->epsilon = 0.1;
  self->shrinking = TRUE;
  self->cache_size = 200.0;
  self->max_iter = -1;
}

LbEstimator *
lb_svr_new (void)
{
  return g_object_new (LB_TYPE_SVR, NULL);
}

const double *
lb_svr_get_support_vectors (LbSvr *self,
                            gsize *n_sv,
                            guint *n_features)
{
  g_return_val_if_fail (LB_IS_SVR (self), NULL);
  return lb_svm_model_get_sv (self->model, n_sv, n_features);
}

const guint *
lb_svr_get_support (LbSvr *self,
                    gsize *n_sv)
{
  g_return_val_if_fail (LB_IS_SVR (self), NULL);
  return lb_svm_model_get_support (self->model, n_sv);
}

double
lb_svr_get_gamma (LbSvr *self)
{
  g_return_val_if_fail (LB_IS_SVR (self), NAN);
  return self->model != NULL ? self->model->kernel.gamma : NAN;
}
