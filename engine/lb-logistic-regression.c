/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-logistic-regression.c: LogisticRegression like scikit-learn 1.2.1 with
 * the lbfgs / newton-cg solvers: same objective (summed loss + ||W||²/2C),
 * same start (zeros), same stopping rule (max |gradient| <= tol, max_iter),
 * same multi_class rules and the same predict_proba (softmax for multinomial,
 * normalised sigmoids for one-vs-rest). The objective is in lb-logistic-loss.c.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-linear-model-private.h"
#include "lb-logistic-private.h"
#include "lb-logistic-regression.h"

struct _LbLogisticRegression
{
  LbEstimator parent_instance;

  /* hyper-parameters */
  LbLogisticPenalty penalty;
  double            C;
  double            tol;
  guint             max_iter;
  LbLogisticSolver  solver;
  LbMultiClass      multi_class;
  gboolean          fit_intercept;

  /* learned state */
  guint     n_outputs;     /* 1 (two classes) or n_classes */
  guint     n_features;
  gboolean  multinomial;   /* softmax probabilities (else one-vs-rest sigmoids) */
  double   *coef;          /* (n_outputs, n_features) */
  double   *intercept;     /* (n_outputs) */
  guint     n_iter;
};

G_DEFINE_TYPE (LbLogisticRegression, lb_logistic_regression, LB_TYPE_ESTIMATOR)

G_DEFINE_ENUM_TYPE (LbLogisticPenalty, lb_logistic_penalty,
  G_DEFINE_ENUM_VALUE (LB_LOGISTIC_PENALTY_L2, "l2"),
  G_DEFINE_ENUM_VALUE (LB_LOGISTIC_PENALTY_NONE, "none"))

G_DEFINE_ENUM_TYPE (LbLogisticSolver, lb_logistic_solver,
  G_DEFINE_ENUM_VALUE (LB_LOGISTIC_SOLVER_LBFGS, "lbfgs"),
  G_DEFINE_ENUM_VALUE (LB_LOGISTIC_SOLVER_NEWTON_CG, "newton-cg"))

G_DEFINE_ENUM_TYPE (LbMultiClass, lb_multi_class,
  G_DEFINE_ENUM_VALUE (LB_MULTI_CLASS_AUTO, "auto"),
  G_DEFINE_ENUM_VALUE (LB_MULTI_CLASS_OVR, "ovr"),
  G_DEFINE_ENUM_VALUE (LB_MULTI_CLASS_MULTINOMIAL, "multinomial"))

enum
{
  PROP_0,
  PROP_PENALTY,
  PROP_C,
  PROP_TOL,
  PROP_MAX_ITER,
  PROP_SOLVER,
  PROP_MULTI_CLASS,
  PROP_FIT_INTERCEPT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- fit --- */

/* One solver run on @prob from zeros; fills @w (k × q). */
static gboolean
solve (LbLogisticRegression *self,
       LbLogisticProblem    *prob,
       double               *w,
       gboolean             *converged,
       GError              **error)
{
  gboolean ok;

  lb_logistic_problem_init (prob);
  memset (w, 0, lb_logistic_n_params (prob) * sizeof (double));
  if (self->solver == LB_LOGISTIC_SOLVER_NEWTON_CG)
    ok = lb_logistic_solve_newton_cg (prob, w, self->max_iter, self->tol, converged);
  else
    ok = lb_logistic_solve_lbfgs (prob, w, self->max_iter, self->tol, converged);
  if (!ok)
    {
      if (prob->error != NULL)
        g_propagate_error (error, g_steal_pointer (&prob->error));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Operation was cancelled"));
    }
  self->n_iter = MAX (self->n_iter, prob->n_iter);
  lb_logistic_problem_clear (prob);
  return ok;
}

static gboolean
lb_logistic_regression_fit (LbEstimator  *estimator,
                            LbMatrix     *X,
                            LbMatrix     *y,
                            LbFitContext *ctx,
                            GError      **error)
{
  LbLogisticRegression *self = LB_LOGISTIC_REGRESSION (estimator);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  guint n_classes = lb_estimator_get_n_classes (estimator);
  gboolean multinomial, all_converged = TRUE;
  LbLogisticProblem prob = { 0 };
  g_autofree double *w = NULL, *coef = NULL, *intercept = NULL;
  guint n_out;

  multinomial = self->multi_class == LB_MULTI_CLASS_MULTINOMIAL
                || (self->multi_class == LB_MULTI_CLASS_AUTO && n_classes > 2);
  n_out = n_classes == 2 ? 1 : n_classes;

  prob.X = lb_matrix_get_const_data (X);
  prob.y = lb_matrix_get_const_data (y);
  prob.n = n;
  prob.p = p;
  prob.l2 = self->penalty == LB_LOGISTIC_PENALTY_L2 ? 1.0 / self->C : 0.0;
  prob.fit_intercept = self->fit_intercept;
  prob.ctx = ctx;

  coef = g_try_new0 (double, (gsize) n_out * p);
  intercept = g_new0 (double, n_out);
  w = g_try_new0 (double, (gsize) MAX (n_classes, 2) * (p + 1));
  if (coef == NULL || w == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                           _("not enough memory for the logistic regression weights"));
      return FALSE;
    }
  self->n_iter = 0;

  if (multinomial)
    {
      gboolean converged;
      gsize q = p + (self->fit_intercept ? 1 : 0);

      /* softmax over all classes (for two classes too: scikit-learn then
       * keeps the second class's row, and predict_proba uses softmax(-d, d)) */
      prob.k = n_classes;
      if (!solve (self, &prob, w, &converged, error))
        return FALSE;
      all_converged = converged;
      for (guint c = 0; c < n_out; c++)
        {
          guint src = n_classes == 2 ? 1 : c;

          memcpy (coef + (gsize) c * p, w + (gsize) src * q, p * sizeof (double));
          intercept[c] = self->fit_intercept ? w[src * q + p] : 0.0;
        }
    }
  else
    {
      /* one binary problem per class; for two classes only "class 1 vs 0" */
      for (guint c = 0; c < n_out; c++)
        {
          gboolean converged;

          prob.k = 1;
          prob.pos_code = n_classes == 2 ? 1.0 : (double) c;
          if (!solve (self, &prob, w, &converged, error))
            return FALSE;
          all_converged &= converged;
          memcpy (coef + (gsize) c * p, w, p * sizeof (double));
          intercept[c] = self->fit_intercept ? w[p] : 0.0;
        }
    }

  if (!all_converged)
    {
      /* scikit-learn's ConvergenceWarning: not fatal, the model is usable */
      g_autofree char *msg =
        self->n_iter >= self->max_iter
          ? g_strdup_printf (_("The solver did not converge in %u iterations: increase "
                               "max_iter or scale the data"), self->max_iter)
          : g_strdup_printf (_("The solver stopped after %u iterations, before the gradient "
                               "fell below tol: rounding limits the precision (the model is "
                               "usable)"), self->n_iter);
      LbFitEvent ev = { .fraction = 1.0, .iteration = self->n_iter,
                        .loss = NAN, .val_score = NAN, .message = msg };
      lb_fit_context_report (ctx, &ev);
    }
  else
    lb_fit_context_report_fraction (ctx, 1.0);

  g_clear_pointer (&self->coef, g_free);
  g_clear_pointer (&self->intercept, g_free);
  self->coef = g_steal_pointer (&coef);
  self->intercept = g_steal_pointer (&intercept);
  self->n_outputs = n_out;
  self->n_features = (guint) p;
  self->multinomial = multinomial;
  return TRUE;
}

static void
lb_logistic_regression_reset (LbEstimator *estimator)
{
  LbLogisticRegression *self = LB_LOGISTIC_REGRESSION (estimator);

  g_clear_pointer (&self->coef, g_free);
  g_clear_pointer (&self->intercept, g_free);
  self->n_outputs = 0;
  self->n_features = 0;
  self->multinomial = FALSE;
  self->n_iter = 0;
}

/* --- predict --- */

static gboolean
check_fitted (LbLogisticRegression *self,
              GError              **error)
{
  guint n_classes = lb_estimator_get_n_classes (LB_ESTIMATOR (self));

  if (self->coef == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                           _("this LogisticRegression is not fitted yet"));
      return FALSE;
    }
  if (n_classes != (self->n_outputs == 1 ? 2 : self->n_outputs))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("this LogisticRegression has %u weight rows for %u classes"),
                   self->n_outputs, n_classes);
      return FALSE;
    }
  return TRUE;
}

static LbMatrix *
lb_logistic_regression_decision_function (LbEstimator *estimator,
                                          LbMatrix    *X,
                                          GError     **error)
{
  LbLogisticRegression *self = LB_LOGISTIC_REGRESSION (estimator);

  if (!check_fitted (self, error))
    return NULL;
  return lb_linear_decision (X, self->coef, self->intercept, self->n_outputs,
                             self->n_features, error);
}

static LbMatrix *
lb_logistic_regression_predict (LbEstimator *estimator,
                                LbMatrix    *X,
                                GError     **error)
{
  LbLogisticRegression *self = LB_LOGISTIC_REGRESSION (estimator);
  g_autoptr (LbMatrix) d = lb_logistic_regression_decision_function (estimator, X, error);
  gsize n;
  guint k;
  LbMatrix *out;
  const double *dv;
  double *o;

  if (d == NULL)
    return NULL;
  n = lb_matrix_get_n_rows (d);
  k = self->n_outputs;
  out = lb_matrix_new (n, 1);
  o = lb_matrix_get_data (out);
  dv = lb_matrix_get_const_data (d);
  for (gsize i = 0; i < n; i++)
    {
      if (k == 1)
        o[i] = dv[i] > 0.0 ? 1.0 : 0.0;
      else
        {
          guint best = 0;

          /* numpy's argmax: the first maximum */
          for (guint c = 1; c < k; c++)
            if (dv[i * k + c] > dv[i * k + best])
              best = c;
          o[i] = best;
        }
    }
  return out;
}

static LbMatrix *
lb_logistic_regression_predict_proba (LbEstimator *estimator,
                                      LbMatrix    *X,
                                      GError     **error)
{
  LbLogisticRegression *self = LB_LOGISTIC_REGRESSION (estimator);
  g_autoptr (LbMatrix) d = lb_logistic_regression_decision_function (estimator, X, error);
  guint k, K;
  gsize n;
  LbMatrix *out;
  const double *dv;
  double *o;

  if (d == NULL)
    return NULL;
  n = lb_matrix_get_n_rows (d);
  k = self->n_outputs;
  K = k == 1 ? 2 : k;
  out = lb_matrix_new (n, K);
  o = lb_matrix_get_data (out);
  dv = lb_matrix_get_const_data (d);
  for (gsize i = 0; i < n; i++)
    {
      double *row = o + i * K;

      if (k == 1)
        {
          /* multinomial: softmax(-d, d) = sigmoid(2d); one-vs-rest: sigmoid(d) */
          double z = self->multinomial ? 2.0 * dv[i] : dv[i];
          double s = z >= 0 ? 1.0 / (1.0 + exp (-z)) : exp (z) / (1.0 + exp (z));

          row[0] = 1.0 - s;
          row[1] = s;
        }
      else if (self->multinomial)
        {
          double zmax = -INFINITY, sum = 0.0;

          for (guint c = 0; c < K; c++)
            zmax = MAX (zmax, dv[i * K + c]);
          for (guint c = 0; c < K; c++)
            sum += row[c] = exp (dv[i * K + c] - zmax);
          for (guint c = 0; c < K; c++)
            row[c] /= sum;
        }
      else
        {
          double sum = 0.0;

          /* one-vs-rest: each class's sigmoid, normalised to sum to 1 */
          for (guint c = 0; c < K; c++)
            sum += row[c] = 1.0 / (1.0 + exp (-dv[i * K + c]));
          for (guint c = 0; c < K; c++)
            row[c] /= sum;
        }
    }
  return out;
}

/* --- state --- */

static JsonNode *
lb_logistic_regression_save_state (LbEstimator *estimator,
                                   GError     **error)
{
  LbLogisticRegression *self = LB_LOGISTIC_REGRESSION (estimator);
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (obj, "n_outputs", self->n_outputs);
  json_object_set_int_member (obj, "n_features", self->n_features);
  json_object_set_boolean_member (obj, "multinomial", self->multinomial);
  json_object_set_member (obj, "coef",
                          lb_linear_json_doubles (self->coef, (gsize) self->n_outputs * self->n_features));
  json_object_set_member (obj, "intercept", lb_linear_json_doubles (self->intercept, self->n_outputs));
  json_object_set_int_member (obj, "n_iter", self->n_iter);
  json_node_take_object (node, obj);
  return node;
}

static gboolean
lb_logistic_regression_load_state (LbEstimator *estimator,
                                   JsonNode    *state,
                                   GError     **error)
{
  LbLogisticRegression *self = LB_LOGISTIC_REGRESSION (estimator);
  JsonObject *obj = lb_linear_json_object (state, error);
  g_autofree double *coef = NULL, *intercept = NULL;
  guint64 k, p, n_iter;
  JsonNode *mn;

  if (obj == NULL
      || !lb_linear_json_get_uint (obj, "n_outputs", 1, 1u << 16, &k, error)
      || !lb_linear_json_get_uint (obj, "n_features", 1, G_MAXINT32, &p, error)
      || !lb_linear_json_get_uint (obj, "n_iter", 0, G_MAXUINT32, &n_iter, error))
    return FALSE;
  mn = json_object_get_member (obj, "multinomial");
  if (mn == NULL || json_node_get_value_type (mn) != G_TYPE_BOOLEAN)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                           _("the model state has no boolean 'multinomial'"));
      return FALSE;
    }
  if (k * p > (guint64) G_MAXINT32)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                           _("the model state's coefficient matrix is too large"));
      return FALSE;
    }
  coef = g_new (double, k * p);
  intercept = g_new (double, k);
  if (!lb_linear_json_get_doubles (obj, "coef", coef, k * p, error)
      || !lb_linear_json_get_doubles (obj, "intercept", intercept, k, error))
    return FALSE;
  lb_logistic_regression_reset (estimator);
  self->coef = g_steal_pointer (&coef);
  self->intercept = g_steal_pointer (&intercept);
  self->n_outputs = (guint) k;
  self->n_features = (guint) p;
  self->multinomial = json_node_get_boolean (mn);
  self->n_iter = (guint) n_iter;
  return TRUE;
}

static JsonNode *
lb_logistic_regression_describe_state (LbEstimator *estimator)
{
  return LB_LOGISTIC_REGRESSION (estimator)->coef != NULL
           ? lb_logistic_regression_save_state (estimator, NULL) : NULL;
}

/* --- properties --- */

static void
lb_logistic_regression_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LbLogisticRegression *self = LB_LOGISTIC_REGRESSION (object);

  switch (prop_id)
    {
    case PROP_PENALTY:       g_value_set_enum (value, self->penalty); break;
    case PROP_C:             g_value_set_double (value, self->C); break;
    case PROP_TOL:           g_value_set_double (value, self->tol); break;
    case PROP_MAX_ITER:      g_value_set_uint (value, self->max_iter); break;
    case PROP_SOLVER:        g_value_set_enum (value, self->solver); break;
    case PROP_MULTI_CLASS:   g_value_set_enum (value, self->multi_class); break;
    case PROP_FIT_INTERCEPT: g_value_set_boolean (value, self->fit_intercept); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define SET_IF_CHANGED(field, getter)            \
  G_STMT_START {                                  \
    if (self->field != getter (value))            \
      {                                           \
        self->field = getter (value);             \
        g_object_notify_by_pspec (object, pspec); \
      }                                           \
  } G_STMT_END

static void
lb_logistic_regression_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LbLogisticRegression *self = LB_LOGISTIC_REGRESSION (object);

  switch (prop_id)
    {
    case PROP_PENALTY:       SET_IF_CHANGED (penalty, (LbLogisticPenalty) g_value_get_enum); break;
    case PROP_C:             SET_IF_CHANGED (C, g_value_get_double); break;
    case PROP_TOL:           SET_IF_CHANGED (tol, g_value_get_double); break;
    case PROP_MAX_ITER:      SET_IF_CHANGED (max_iter, g_value_get_uint); break;
    case PROP_SOLVER:        SET_IF_CHANGED (solver, (LbLogisticSolver) g_value_get_enum); break;
    case PROP_MULTI_CLASS:   SET_IF_CHANGED (multi_class, (LbMultiClass) g_value_get_enum); break;
    case PROP_FIT_INTERCEPT: SET_IF_CHANGED (fit_intercept, g_value_get_boolean); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_logistic_regression_finalize (GObject *object)
{
  LbLogisticRegression *self = LB_LOGISTIC_REGRESSION (object);

  g_free (self->coef);
  g_free (self->intercept);
  G_OBJECT_CLASS (lb_logistic_regression_parent_class)->finalize (object);
}

static void
lb_logistic_regression_class_init (LbLogisticRegressionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_logistic_regression_get_property;
  object_class->set_property = lb_logistic_regression_set_property;
  object_class->finalize = lb_logistic_regression_finalize;

  est_class->name = "LogisticRegression";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE;
  est_class->fit = lb_logistic_regression_fit;
  est_class->reset = lb_logistic_regression_reset;
  est_class->predict = lb_logistic_regression_predict;
  est_class->predict_proba = lb_logistic_regression_predict_proba;
  est_class->decision_function = lb_logistic_regression_decision_function;
  est_class->save_state = lb_logistic_regression_save_state;
  est_class->load_state = lb_logistic_regression_load_state;
  est_class->describe_state = lb_logistic_regression_describe_state;

  properties[PROP_PENALTY] =
    g_param_spec_enum ("penalty", N_("Penalty"),
                       N_("Regularisation of the weights: l2 shrinks them towards zero, "
                          "none fits the training data as closely as possible"),
                       LB_TYPE_LOGISTIC_PENALTY, LB_LOGISTIC_PENALTY_L2, flags);
  properties[PROP_C] =
    g_param_spec_double ("C", N_("C"),
                         N_("Inverse of the regularisation strength: smaller values "
                            "mean a stronger penalty and a simpler model"),
                         DBL_MIN, G_MAXDOUBLE, 1.0, flags);
  properties[PROP_TOL] =
    g_param_spec_double ("tol", N_("Tolerance"),
                         N_("The solver stops when no gradient component is larger than this"),
                         0.0, G_MAXDOUBLE, 1e-4, flags);
  properties[PROP_MAX_ITER] =
    g_param_spec_uint ("max-iter", N_("Maximum iterations"),
                       N_("Upper bound on the solver's iterations; raise it when the "
                          "solver warns that it did not converge"),
                       0, G_MAXINT32, 100, flags);
  properties[PROP_SOLVER] =
    g_param_spec_enum ("solver", N_("Solver"),
                       N_("lbfgs follows the gradient with a memory of past steps; "
                          "newton-cg uses the curvature (Hessian) too"),
                       LB_TYPE_LOGISTIC_SOLVER, LB_LOGISTIC_SOLVER_LBFGS, flags);
  properties[PROP_MULTI_CLASS] =
    g_param_spec_enum ("multi-class", N_("Multi-class"),
                       N_("multinomial learns one softmax model over all classes; ovr one "
                          "binary model per class; auto picks multinomial for 3+ classes"),
                       LB_TYPE_MULTI_CLASS, LB_MULTI_CLASS_AUTO, flags);
  properties[PROP_FIT_INTERCEPT] =
    g_param_spec_boolean ("fit-intercept", N_("Fit intercept"),
                          N_("Learn a bias term per class (never penalised)"),
                          TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_logistic_regression_init (LbLogisticRegression *self)
{
  self->penalty = LB_LOGISTIC_PENALTY_L2;
  self->C = 1.0;
  self->tol = 1e-4;
  self->max_iter = 100;
  self->solver = LB_LOGISTIC_SOLVER_LBFGS;
  self->multi_class = LB_MULTI_CLASS_AUTO;
  self->fit_intercept = TRUE;
}

LbEstimator *
lb_logistic_regression_new (void)
{
  return g_object_new (LB_TYPE_LOGISTIC_REGRESSION, NULL);
}

const double *
lb_logistic_regression_get_coef (LbLogisticRegression *self,
                                 guint                *n_outputs,
                                 guint                *n_features)
{
  g_return_val_if_fail (LB_IS_LOGISTIC_REGRESSION (self), NULL);
  if (n_outputs != NULL)
    *n_outputs = self->coef != NULL ? self->n_outputs : 0;
  if (n_features != NULL)
    *n_features = self->coef != NULL ? self->n_features : 0;
  return self->coef;
}

const double *
lb_logistic_regression_get_intercept (LbLogisticRegression *self)
{
  g_return_val_if_fail (LB_IS_LOGISTIC_REGRESSION (self), NULL);
  return self->intercept;
}

guint
lb_logistic_regression_get_n_iter (LbLogisticRegression *self)
{
  g_return_val_if_fail (LB_IS_LOGISTIC_REGRESSION (self), 0);
  return self->n_iter;
}
