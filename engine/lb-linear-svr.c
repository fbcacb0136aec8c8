/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-linear-svr.c: LinearSVR as scikit-learn 1.2.1 (liblinear's
 * L2R_L1LOSS_SVR_DUAL / L2R_L2LOSS_SVR_DUAL): the intercept is
 * intercept_scaling × the bias feature's weight; not converging within
 * max_iter is reported as an event message (scikit-learn's ConvergenceWarning).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-linear-model-private.h"
#include "lb-linear-svm.h"
#include "lb-svm-private.h"
#include "lb-linear-svr.h"

G_DEFINE_ENUM_TYPE (LbLinearSvrLoss, lb_linear_svr_loss,
  G_DEFINE_ENUM_VALUE (LB_LINEAR_SVR_LOSS_EPSILON_INSENSITIVE, "epsilon_insensitive"),
  G_DEFINE_ENUM_VALUE (LB_LINEAR_SVR_LOSS_SQUARED_EPSILON_INSENSITIVE, "squared_epsilon_insensitive"))

struct _LbLinearSvr
{
  LbEstimator parent_instance;

  double          epsilon;
  double          tol;
  double          C;
  LbLinearSvrLoss loss;
  gboolean        fit_intercept;
  double          intercept_scaling;
  guint           max_iter;

  guint           n_features;
  double         *coef;       /* (n_features), NULL when unfitted */
  double          intercept;
  guint           n_iter;
};

G_DEFINE_TYPE (LbLinearSvr, lb_linear_svr, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_EPSILON,
  PROP_TOL,
  PROP_C,
  PROP_LOSS,
  PROP_FIT_INTERCEPT,
  PROP_INTERCEPT_SCALING,
  PROP_MAX_ITER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lb_linear_svr_reset (LbEstimator *estimator)
{
  LbLinearSvr *self = LB_LINEAR_SVR (estimator);

  g_clear_pointer (&self->coef, g_free);
}

static gboolean
lb_linear_svr_fit (LbEstimator  *estimator,
                   LbMatrix     *X,
                   LbMatrix     *y,
                   LbFitContext *ctx,
                   GError      **error)
{
  LbLinearSvr *self = LB_LINEAR_SVR (estimator);
  gsize p = lb_matrix_get_n_cols (X);
  g_autofree double *w = g_new (double, p + 1);
  LbLinearSvmProblem problem = { 0 };
  gboolean converged = FALSE;
  guint n_iter = 0;

  problem.X = lb_matrix_get_const_data (X);
  problem.n = lb_matrix_get_n_rows (X);
  problem.p = p;
  problem.bias = self->fit_intercept ? self->intercept_scaling : -1.0;
  problem.y = lb_matrix_get_const_data (y);
  problem.C = self->C;
  problem.epsilon = self->epsilon;
  problem.squared = self->loss == LB_LINEAR_SVR_LOSS_SQUARED_EPSILON_INSENSITIVE;
  problem.tol = self->tol;
  problem.max_iter = self->max_iter;
  problem.ctx = ctx;
  problem.stream = 0;
  if (!lb_linear_svm_solve_svr (&problem, w, &n_iter, &converged, error))
    return FALSE;
  if (!converged)
    {
      LbFitEvent event = { -1.0, 0, n_iter, NAN, NAN, _("LinearSVR did not converge: increase max_iter") };

      lb_fit_context_report (ctx, &event);
    }
  self->n_features = (guint) p;
  self->intercept = self->fit_intercept ? self->intercept_scaling * w[p] : 0.0;
  self->coef = g_memdup2 (w, MAX (p, 1) * sizeof (double));
  self->n_iter = n_iter;
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static LbMatrix *
lb_linear_svr_predict (LbEstimator *estimator,
                       LbMatrix    *X,
                       GError     **error)
{
  LbLinearSvr *self = LB_LINEAR_SVR (estimator);

  return lb_linear_decision (X, self->coef, &self->intercept, 1, self->n_features, error);
}

static JsonNode *
lb_linear_svr_save_state (LbEstimator *estimator,
                          GError     **error)
{
  LbLinearSvr *self = LB_LINEAR_SVR (estimator);
  JsonObject *obj = json_object_new ();

  json_object_set_member (obj, "coef", lb_state_from_doubles (self->coef, self->n_features));
  json_object_set_member (obj, "intercept", lb_state_from_doubles (&self->intercept, 1));
  json_object_set_int_member (obj, "n_iter", self->n_iter);
  return json_node_init_object (json_node_alloc (), obj);
}

static gboolean
lb_linear_svr_load_state (LbEstimator *estimator,
                          JsonNode    *state,
                          GError     **error)
{
  LbLinearSvr *self = LB_LINEAR_SVR (estimator);
  guint p = lb_estimator_get_n_features_in (estimator);
  g_autofree double *coef = g_new (double, MAX (p, 1));
  JsonObject *obj = lb_linear_json_object (state, error);
  double intercept;
  gint64 n_iter;

  if (obj == NULL || !lb_state_get_int (obj, "n_iter", 0, G_MAXINT32, &n_iter, error) ||
      !lb_linear_svm_state_doubles (obj, "coef", coef, p, error) ||
      !lb_linear_svm_state_doubles (obj, "intercept", &intercept, 1, error))
    return FALSE;
  lb_linear_svr_reset (estimator);
  self->n_features = p;
  self->coef = g_steal_pointer (&coef);
  self->intercept = intercept;
  self->n_iter = (guint) n_iter;
  return TRUE;
}

static JsonNode *
lb_linear_svr_describe_state (LbEstimator *estimator)
{
  LbLinearSvr *self = LB_LINEAR_SVR (estimator);
  JsonObject *obj;

  if (self->coef == NULL)
    return NULL;
  obj = json_object_new ();
  json_object_set_member (obj, "coef_", lb_linear_json_doubles (self->coef, self->n_features));
  json_object_set_double_member (obj, "intercept_", self->intercept);
  json_object_set_int_member (obj, "n_iter_", self->n_iter);
  return json_node_init_object (json_node_alloc (), obj);
}

static void
lb_linear_svr_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LbLinearSvr *self = LB_LINEAR_SVR (object);

  switch (prop_id)
    {
    case PROP_EPSILON:           g_value_set_double (value, self->epsilon); break;
    case PROP_TOL:               g_value_set_double (value, self->tol); break;
    case PROP_C:                 g_value_set_double (value, self->C); break;
    case PROP_LOSS:              g_value_set_enum (value, self->loss); break;
    case PROP_FIT_INTERCEPT:     g_value_set_boolean (value, self->fit_intercept); break;
    case PROP_INTERCEPT_SCALING: g_value_set_double (value, self->intercept_scaling); break;
    case PROP_MAX_ITER:          g_value_set_uint (value, self->max_iter); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_linear_svr_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LbLinearSvr *self = LB_LINEAR_SVR (object);

  switch (prop_id)
    {
    case PROP_EPSILON:           SET_FIELD (epsilon, g_value_get_double); break;
    case PROP_TOL:               SET_FIELD (tol, g_value_get_double); break;
    case PROP_C:                 SET_FIELD (C, g_value_get_double); break;
    case PROP_LOSS:              SET_FIELD (loss, (LbLinearSvrLoss) g_value_get_enum); break;
    case PROP_FIT_INTERCEPT:     SET_FIELD (fit_intercept, g_value_get_boolean); break;
    case PROP_INTERCEPT_SCALING: SET_FIELD (intercept_scaling, g_value_get_double); break;
    case PROP_MAX_ITER:          SET_FIELD (max_iter, g_value_get_uint); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_linear_svr_finalize (GObject *object)
{
  lb_linear_svr_reset (LB_ESTIMATOR (object));
  G_OBJECT_CLASS (lb_linear_svr_parent_class)->finalize (object);
}

static void
lb_linear_svr_class_init (LbLinearSvrClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_linear_svr_get_property;
  object_class->set_property = lb_linear_svr_set_property;
  object_class->finalize = lb_linear_svr_finalize;

  est_class->name = "LinearSVR";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE;
  est_class->fit = lb_linear_svr_fit;
  est_class->reset = lb_linear_svr_reset;
  est_class->predict = lb_linear_svr_predict;
  est_class->save_state = lb_linear_svr_save_state;
  est_class->load_state = lb_linear_svr_load_state;
  est_class->describe_state = lb_linear_svr_describe_state;

  properties[PROP_EPSILON] =
    g_param_spec_double ("epsilon", N_("Epsilon"),
                         N_("The width of the street: errors smaller than epsilon cost nothing"),
                         0.0, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_TOL] =
    g_param_spec_double ("tol", N_("Tolerance"),
                         N_("Stop when the violation falls below this fraction of its first value"),
                         G_MINDOUBLE, G_MAXDOUBLE, 1e-4, flags);
  properties[PROP_C] =
    g_param_spec_double ("C", N_("C"),
                         N_("How much errors beyond epsilon cost: small C gives a flatter, more "
                            "regularised function"),
                         G_MINDOUBLE, G_MAXDOUBLE, 1.0, flags);
  properties[PROP_LOSS] =
    g_param_spec_enum ("loss", N_("Loss"),
                       N_("epsilon_insensitive: errors beyond epsilon cost linearly; "
                          "squared_epsilon_insensitive: quadratically"),
                       LB_TYPE_LINEAR_SVR_LOSS, LB_LINEAR_SVR_LOSS_EPSILON_INSENSITIVE, flags);
  lb_linear_svm_intercept_pspecs (properties, PROP_FIT_INTERCEPT, PROP_INTERCEPT_SCALING,
                                  PROP_MAX_ITER, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_linear_svr_init (LbLinearSvr *self)
{
  self->epsilon = 0.0;
  self->tol = 1e-4;
  self->C = 1.0;
  self->loss = LB_LINEAR_SVR_LOSS_EPSILON_INSENSITIVE;
  self->fit_intercept = TRUE;
  self->intercept_scaling = 1.0;
  self->max_iter = 1000;
}

LbEstimator *
lb_linear_svr_new (void)
{
  return g_object_new (LB_TYPE_LINEAR_SVR, NULL);
}

const double *
lb_linear_svr_get_coef (LbLinearSvr *self,
                        guint       *n_features)
{
  g_return_val_if_fail (LB_IS_LINEAR_SVR (self), NULL);
  if (n_features != NULL)
    *n_features = self->coef != NULL ? self->n_features : 0;
  return self->coef;
}

double
lb_linear_svr_get_intercept (LbLinearSvr *self)
{
  g_return_val_if_fail (LB_IS_LINEAR_SVR (self), NAN);
  return self->coef != NULL ? self->intercept : NAN;
}
