/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-linear-svc.c: LinearSVC as scikit-learn 1.2.1 (liblinear's
 * L2R_L1LOSS_SVC_DUAL / L2R_L2LOSS_SVC_DUAL): one binary problem for two
 * classes (+1 = the second), one-vs-rest otherwise; intercept =
 * intercept_scaling × the bias feature's weight. Not converging within
 * max_iter is reported as an event message, like scikit-learn's
 * ConvergenceWarning.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-linear-model-private.h"
#include "lb-linear-svc.h"
#include "lb-linear-svm.h"
#include "lb-svm-private.h"

G_DEFINE_ENUM_TYPE (LbLinearSvcLoss, lb_linear_svc_loss,
  G_DEFINE_ENUM_VALUE (LB_LINEAR_SVC_LOSS_HINGE, "hinge"),
  G_DEFINE_ENUM_VALUE (LB_LINEAR_SVC_LOSS_SQUARED_HINGE, "squared_hinge"))

struct _LbLinearSvc
{
  LbEstimator parent_instance;

  LbLinearSvcLoss loss;
  double          tol;
  double          C;
  gboolean        fit_intercept;
  double          intercept_scaling;
  guint           max_iter;

  guint           n_out;
  guint           n_features;
  double         *coef;       /* (n_out, n_features) */
  double         *intercept;  /* (n_out) */
  guint           n_iter;
};

G_DEFINE_TYPE (LbLinearSvc, lb_linear_svc, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_LOSS,
  PROP_TOL,
  PROP_C,
  PROP_FIT_INTERCEPT,
  PROP_INTERCEPT_SCALING,
  PROP_MAX_ITER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lb_linear_svc_reset (LbEstimator *estimator)
{
  LbLinearSvc *self = LB_LINEAR_SVC (estimator);

  g_clear_pointer (&self->coef, g_free);
  g_clear_pointer (&self->intercept, g_free);
  self->n_out = 0;
}

static gboolean
lb_linear_svc_fit (LbEstimator  *estimator,
                   LbMatrix     *X,
                   LbMatrix     *y,
                   LbFitContext *ctx,
                   GError      **error)
{
  LbLinearSvc *self = LB_LINEAR_SVC (estimator);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  guint k = lb_estimator_get_n_classes (estimator), n_out = k == 2 ? 1 : k;
  g_autofree double *ys = g_new (double, n);
  g_autofree double *w = g_new (double, p + 1);
  g_autofree double *coef = g_new (double, (gsize) n_out * p);
  g_autofree double *intercept = g_new0 (double, n_out);
  gboolean all_converged = TRUE;
  guint max_n_iter = 0;
  LbLinearSvmProblem problem = { 0 };

  problem.X = lb_matrix_get_const_data (X);
  problem.n = n;
  problem.p = p;
  problem.bias = self->fit_intercept ? self->intercept_scaling : -1.0;
  problem.y = ys;
  problem.C = self->C;
  problem.squared = self->loss == LB_LINEAR_SVC_LOSS_SQUARED_HINGE;
  problem.tol = self->tol;
  problem.max_iter = self->max_iter;
  for (guint c = 0; c < n_out; c++)
    {
      guint positive = k == 2 ? 1 : c, n_iter = 0;
      gboolean converged = FALSE;
      g_autoptr(LbFitContext) child = lb_fit_context_new_child (ctx, c, (double) c / n_out,
                                                                (double) (c + 1) / n_out);

      for (gsize i = 0; i < n; i++)
        ys[i] = (guint) lb_matrix_get_const_data (y)[i] == positive ? 1.0 : -1.0;
      problem.ctx = child;
      problem.stream = c;
      if (!lb_linear_svm_solve_svc (&problem, w, &n_iter, &converged, error))
        return FALSE;
      memcpy (coef + (gsize) c * p, w, p * sizeof (double));
      intercept[c] = self->fit_intercept ? self->intercept_scaling * w[p] : 0.0;
      all_converged = all_converged && converged;
      max_n_iter = MAX (max_n_iter, n_iter);
    }
  if (!all_converged)
    {
      LbFitEvent event = { -1.0, 0, max_n_iter, NAN, NAN,
                           _("LinearSVC did not converge: increase max_iter") };

      lb_fit_context_report (ctx, &event);
    }
  self->n_out = n_out;
  self->n_features = (guint) p;
  self->coef = g_steal_pointer (&coef);
  self->intercept = g_steal_pointer (&intercept);
  self->n_iter = max_n_iter;
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static LbMatrix *
lb_linear_svc_decision_function (LbEstimator *estimator,
                                 LbMatrix    *X,
                                 GError     **error)
{
  LbLinearSvc *self = LB_LINEAR_SVC (estimator);

  return lb_linear_decision (X, self->coef, self->intercept, self->n_out, self->n_features, error);
}

static LbMatrix *
lb_linear_svc_predict (LbEstimator *estimator,
                       LbMatrix    *X,
                       GError     **error)
{
  LbLinearSvc *self = LB_LINEAR_SVC (estimator);
  g_autoptr(LbMatrix) d = lb_linear_svc_decision_function (estimator, X, error);
  gsize n;
  LbMatrix *out;

  if (d == NULL)
    return NULL;
  n = lb_matrix_get_n_rows (d);
  out = lb_matrix_new (n, 1);
  for (gsize i = 0; i < n; i++)
    {
      const double *row = lb_matrix_get_const_data (d) + i * self->n_out;
      guint best = 0;

      if (self->n_out == 1)
        best = row[0] > 0 ? 1 : 0;
      else
        for (guint c = 1; c < self->n_out; c++)
          if (row[c] > row[best])
            best = c;
      lb_matrix_get_data (out)[i] = best;
    }
  return out;
}

static JsonNode *
lb_linear_svc_save_state (LbEstimator *estimator,
                          GError     **error)
{
  LbLinearSvc *self = LB_LINEAR_SVC (estimator);
  JsonObject *obj = json_object_new ();

  json_object_set_int_member (obj, "n_out", self->n_out);
  json_object_set_member (obj, "coef", lb_state_from_doubles (self->coef, (gsize) self->n_out * self->n_features));
  json_object_set_member (obj, "intercept", lb_state_from_doubles (self->intercept, self->n_out));
  json_object_set_int_member (obj, "n_iter", self->n_iter);
  return json_node_init_object (json_node_alloc (), obj);
}

static gboolean
lb_linear_svc_load_state (LbEstimator *estimator,
                          JsonNode    *state,
                          GError     **error)
{
  LbLinearSvc *self = LB_LINEAR_SVC (estimator);
  guint k = lb_estimator_get_n_classes (estimator), n_out = k == 2 ? 1 : k;
  guint p = lb_estimator_get_n_features_in (estimator);
  g_autofree double *coef = NULL;
  g_autofree double *intercept = NULL;
  JsonObject *obj = lb_linear_json_object (state, error);
  gint64 v, n_iter;

  if (obj == NULL || !lb_state_get_int (obj, "n_out", n_out, n_out, &v, error) ||
      !lb_state_get_int (obj, "n_iter", 0, G_MAXINT32, &n_iter, error))
    return FALSE;
  coef = g_new (double, (gsize) n_out * MAX (p, 1));
  intercept = g_new (double, n_out);
  if (!lb_linear_svm_state_doubles (obj, "coef", coef, (gsize) n_out * p, error) ||
      !lb_linear_svm_state_doubles (obj, "intercept", intercept, n_out, error))
    return FALSE;
  lb_linear_svc_reset (estimator);
  self->n_out = n_out;
  self->n_features = p;
  self->coef = g_steal_pointer (&coef);
  self->intercept = g_steal_pointer (&intercept);
  self->n_iter = (guint) n_iter;
  return TRUE;
}

static JsonNode *
lb_linear_svc_describe_state (LbEstimator *estimator)
{
  LbLinearSvc *self = LB_LINEAR_SVC (estimator);
  JsonObject *obj;
  JsonArray *coef;

  if (self->coef == NULL)
    return NULL;
  obj = json_object_new ();
  coef = json_array_new ();
  for (guint c = 0; c < self->n_out; c++)
    json_array_add_element (coef, lb_linear_json_doubles (self->coef + (gsize) c * self->n_features,
                                                          self->n_features));
  json_object_set_array_member (obj, "coef_", coef);
  json_object_set_member (obj, "intercept_", lb_linear_json_doubles (self->intercept, self->n_out));
  json_object_set_int_member (obj, "n_iter_", self->n_iter);
  return json_node_init_object (json_node_alloc (), obj);
}

static void
lb_linear_svc_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LbLinearSvc *self = LB_LINEAR_SVC (object);

  switch (prop_id)
    {
    case PROP_LOSS:              g_value_set_enum (value, self->loss); break;
    case PROP_TOL:               g_value_set_double (value, self->tol); break;
    case PROP_C:                 g_value_set_double (value, self->C); break;
    case PROP_FIT_INTERCEPT:     g_value_set_boolean (value, self->fit_intercept); break;
    case PROP_INTERCEPT_SCALING: g_value_set_double (value, self->intercept_scaling); break;
    case PROP_MAX_ITER:          g_value_set_uint (value, self->max_iter); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_linear_svc_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LbLinearSvc *self = LB_LINEAR_SVC (object);

  switch (prop_id)
    {
    case PROP_LOSS:              SET_FIELD (loss, (LbLinearSvcLoss) g_value_get_enum); break;
    case PROP_TOL:               SET_FIELD (tol, g_value_get_double); break;
    case PROP_C:                 SET_FIELD (C, g_value_get_double); break;
    case PROP_FIT_INTERCEPT:     SET_FIELD (fit_intercept, g_value_get_boolean); break;
    case PROP_INTERCEPT_SCALING: SET_FIELD (intercept_scaling, g_value_get_double); break;
    case PROP_MAX_ITER:          SET_FIELD (max_iter, g_value_get_uint); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_linear_svc_finalize (GObject *object)
{
  lb_linear_svc_reset (LB_ESTIMATOR (object));
  G_OBJECT_CLASS (lb_linear_svc_parent_class)->finalize (object);
}

static void
lb_linear_svc_class_init (LbLinearSvcClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_linear_svc_get_property;
  object_class->set_property = lb_linear_svc_set_property;
  object_class->finalize = lb_linear_svc_finalize;

  est_class->name = "LinearSVC";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE;
  est_class->fit = lb_linear_svc_fit;
  est_class->reset = lb_linear_svc_reset;
  est_class->predict = lb_linear_svc_predict;
  est_class->decision_function = lb_linear_svc_decision_function;
  est_class->save_state = lb_linear_svc_save_state;
  est_class->load_state = lb_linear_svc_load_state;
  est_class->describe_state = lb_linear_svc_describe_state;

  properties[PROP_LOSS] =
    g_param_spec_enum ("loss", N_("Loss"),
                       N_("hinge: the standard SVM loss; squared_hinge: its square (smoother, "
                          "scikit-learn's default)"),
                       LB_TYPE_LINEAR_SVC_LOSS, LB_LINEAR_SVC_LOSS_SQUARED_HINGE, flags);
  properties[PROP_TOL] =
    g_param_spec_double ("tol", N_("Tolerance"),
                         N_("Stop when the projected gradient's spread falls below this"),
                         G_MINDOUBLE, G_MAXDOUBLE, 1e-4, flags);
  properties[PROP_C] =
    g_param_spec_double ("C", N_("C"),
                         N_("How much margin violations cost: small C gives a wider, softer "
                            "margin (more regularisation)"),
                         G_MINDOUBLE, G_MAXDOUBLE, 1.0, flags);
  lb_linear_svm_intercept_pspecs (properties, PROP_FIT_INTERCEPT, PROP_INTERCEPT_SCALING,
                                  PROP_MAX_ITER, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_linear_svc_init (LbLinearSvc *self)
{
  self->loss = LB_LINEAR_SVC_LOSS_SQUARED_HINGE;
  self->tol = 1e-4;
  self->C = 1.0;
  self->fit_intercept = TRUE;
  self->intercept_scaling = 1.0;
  self->max_iter = 1000;
}

LbEstimator *
lb_linear_svc_new (void)
{
  return g_object_new (LB_TYPE_LINEAR_SVC, NULL);
}

const double *
lb_linear_svc_get_coef (LbLinearSvc *self,
                        guint       *n_out,
                        guint       *n_features)
{
  g_return_val_if_fail (LB_IS_LINEAR_SVC (self), NULL);
  if (n_out != NULL)
    *n_out = self->n_out;
  if (n_features != NULL)
    *n_features = self->n_features;
  return self->coef;
}

const double *
lb_linear_svc_get_intercept (LbLinearSvc *self,
                             guint       *n_out)
{
  g_return_val_if_fail (LB_IS_LINEAR_SVC (self), NULL);
  if (n_out != NULL)
    *n_out = self->n_out;
  return self->intercept;
}
