/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-sgd-params.c: the hyper-parameters of the SGD models (SGDClassifier,
 * SGDRegressor, Perceptron): their GEnum types, scikit-learn's defaults per
 * model, the property table and the checks ranges cannot express.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lb-sgd-private.h"

G_DEFINE_ENUM_TYPE (LbSgdClassifierLoss, lb_sgd_classifier_loss,
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_HINGE, "hinge"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_LOG_LOSS, "log_loss"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_MODIFIED_HUBER, "modified_huber"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_SQUARED_HINGE, "squared_hinge"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_PERCEPTRON, "perceptron"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_SQUARED_ERROR, "squared_error"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_HUBER, "huber"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_EPSILON_INSENSITIVE, "epsilon_insensitive"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_SQUARED_EPSILON_INSENSITIVE, "squared_epsilon_insensitive"))

G_DEFINE_ENUM_TYPE (LbSgdRegressorLoss, lb_sgd_regressor_loss,
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_SQUARED_ERROR, "squared_error"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_HUBER, "huber"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_EPSILON_INSENSITIVE, "epsilon_insensitive"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LOSS_SQUARED_EPSILON_INSENSITIVE, "squared_epsilon_insensitive"))

G_DEFINE_ENUM_TYPE (LbSgdPenalty, lb_sgd_penalty,
  G_DEFINE_ENUM_VALUE (LB_SGD_PENALTY_NONE, "none"),
  G_DEFINE_ENUM_VALUE (LB_SGD_PENALTY_L2, "l2"),
  G_DEFINE_ENUM_VALUE (LB_SGD_PENALTY_L1, "l1"),
  G_DEFINE_ENUM_VALUE (LB_SGD_PENALTY_ELASTICNET, "elasticnet"))

G_DEFINE_ENUM_TYPE (LbSgdLearningRate, lb_sgd_learning_rate,
  G_DEFINE_ENUM_VALUE (LB_SGD_LEARNING_RATE_CONSTANT, "constant"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LEARNING_RATE_OPTIMAL, "optimal"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LEARNING_RATE_INVSCALING, "invscaling"),
  G_DEFINE_ENUM_VALUE (LB_SGD_LEARNING_RATE_ADAPTIVE, "adaptive"))

static gboolean
loss_is_classification (LbSgdLoss loss)
{
  return loss <= LB_SGD_LOSS_PERCEPTRON;
}

/* --- hyper-parameters --- */

void
lb_sgd_model_init (LbSgdModel *m,
                   LbSgdKind   kind)
{
  LbSgdParams *P = &m->params;

  memset (m, 0, sizeof *m);
  m->kind = kind;
  P->penalty = LB_SGD_PENALTY_L2;
  P->alpha = 1e-4;
  P->l1_ratio = 0.15;
  P->fit_intercept = TRUE;
  P->max_iter = 1000;
  P->tol = 1e-3;
  P->shuffle = TRUE;
  P->epsilon = 0.1;
  P->early_stopping = FALSE;
  P->validation_fraction = 0.1;
  P->n_iter_no_change = 5;
  P->warm_start = FALSE;
  switch (kind)
    {
    case LB_SGD_KIND_CLASSIFIER:
      P->loss = LB_SGD_LOSS_HINGE;
      P->learning_rate = LB_SGD_LEARNING_RATE_OPTIMAL;
      P->eta0 = 0.0;
      P->power_t = 0.5;
      break;
    case LB_SGD_KIND_REGRESSOR:
      P->loss = LB_SGD_LOSS_SQUARED_ERROR;
      P->learning_rate = LB_SGD_LEARNING_RATE_INVSCALING;
      P->eta0 = 0.01;
      P->power_t = 0.25;
      break;
    case LB_SGD_KIND_PERCEPTRON:
      P->loss = LB_SGD_LOSS_PERCEPTRON;
      P->penalty = LB_SGD_PENALTY_NONE;
      P->learning_rate = LB_SGD_LEARNING_RATE_CONSTANT;
      P->eta0 = 1.0;
      P->power_t = 0.5;
      break;
    }
}

gboolean
lb_sgd_check_params (LbSgdModel *m,
                     GError    **error)
{
  const LbSgdParams *P = &m->params;

  if (m->kind == LB_SGD_KIND_REGRESSOR && loss_is_classification (P->loss))
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                           _("loss must be a regression loss for SGDRegressor"));
      return FALSE;
    }
  if (P->learning_rate != LB_SGD_LEARNING_RATE_OPTIMAL && P->eta0 <= 0.0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("eta0 must be > 0 with this learning_rate (got %g)"), P->eta0);
      return FALSE;
    }
  if (P->learning_rate == LB_SGD_LEARNING_RATE_OPTIMAL && P->alpha <= 0.0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("alpha must be > 0 since learning_rate is 'optimal' (got %g)"), P->alpha);
      return FALSE;
    }
  if (P->early_stopping && (P->validation_fraction <= 0.0 || P->validation_fraction >= 1.0))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("validation_fraction must be between 0 and 1, exclusive (got %g)"),
                   P->validation_fraction);
      return FALSE;
    }
  return TRUE;
}

void
lb_sgd_install_properties (GObjectClass *klass,
                           LbSgdKind     kind)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  LbSgdModel defaults;

  lb_sgd_model_init (&defaults, kind);
#define D defaults.params

  if (kind == LB_SGD_KIND_CLASSIFIER)
    g_object_class_install_property (klass, LB_SGD_PROP_LOSS,
      g_param_spec_enum ("loss", N_("Loss"),
                         N_("What each sample costs: hinge gives a linear SVM, log_loss a logistic "
                            "regression, modified_huber a smooth hinge that also gives probabilities"),
                         LB_TYPE_SGD_CLASSIFIER_LOSS, D.loss, flags));
  else if (kind == LB_SGD_KIND_REGRESSOR)
    g_object_class_install_property (klass, LB_SGD_PROP_LOSS,
      g_param_spec_enum ("loss", N_("Loss"),
                         N_("What each error costs: squared_error is ordinary least squares, huber "
                            "and epsilon_insensitive are less sensitive to outliers"),
                         LB_TYPE_SGD_REGRESSOR_LOSS, D.loss, flags));
  g_object_class_install_property (klass, LB_SGD_PROP_PENALTY,
    g_param_spec_enum ("penalty", N_("Penalty"),
                       N_("Regularisation: l2 shrinks all weights, l1 sets some to zero, "
                          "elasticnet mixes both"),
                       LB_TYPE_SGD_PENALTY, D.penalty, flags));
  g_object_class_install_property (klass, LB_SGD_PROP_ALPHA,
    g_param_spec_double ("alpha", N_("Alpha"),
                         N_("Strength of the penalty; with the optimal schedule it also sets the learning rate"),
                         0.0, G_MAXDOUBLE, D.alpha, flags));
  g_object_class_install_property (klass, LB_SGD_PROP_L1_RATIO,
    g_param_spec_double ("l1-ratio", N_("L1 ratio"),
                         N_("Share of L1 in the elasticnet penalty: 0 is pure L2, 1 is pure L1"),
                         0.0, 1.0, D.l1_ratio, flags));
  g_object_class_install_property (klass, LB_SGD_PROP_FIT_INTERCEPT,
    g_param_spec_boolean ("fit-intercept", N_("Fit intercept"),
                          N_("Learn a bias term; turn off only when the data is already centred"),
                          D.fit_intercept, flags));
  g_object_class_install_property (klass, LB_SGD_PROP_MAX_ITER,
    g_param_spec_uint ("max-iter", N_("Maximum epochs"),
                       N_("Most passes over the training data"),
                       1, G_MAXINT32, D.max_iter, flags));
  g_object_class_install_property (klass, LB_SGD_PROP_TOL,
    g_param_spec_double ("tol", N_("Tolerance"),
                         N_("Stop when an epoch improves the loss by less than tol (per sample) "
                            "n_iter_no_change times in a row; a negative value never stops early"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, D.tol, flags));
  g_object_class_install_property (klass, LB_SGD_PROP_SHUFFLE,
    g_param_spec_boolean ("shuffle", N_("Shuffle"),
                          N_("Visit the training samples in a new random order every epoch"),
                          D.shuffle, flags));
  if (kind != LB_SGD_KIND_PERCEPTRON)
    {
      g_object_class_install_property (klass, LB_SGD_PROP_EPSILON,
        g_param_spec_double ("epsilon", N_("Epsilon"),
                             N_("Width of the error band the huber and epsilon-insensitive losses tolerate"),
                             0.0, G_MAXDOUBLE, D.epsilon, flags));
      g_object_class_install_property (klass, LB_SGD_PROP_LEARNING_RATE,
        g_param_spec_enum ("learning-rate", N_("Learning rate"),
                           N_("The learning schedule: constant, optimal 1/(alpha(t+t0)), invscaling "
                              "eta0/t^power_t, or adaptive (divide by 5 when stuck)"),
                           LB_TYPE_SGD_LEARNING_RATE, D.learning_rate, flags));
      g_object_class_install_property (klass, LB_SGD_PROP_POWER_T,
        g_param_spec_double ("power-t", N_("Power t"),
                             N_("Exponent of the invscaling schedule"),
                             -G_MAXDOUBLE, G_MAXDOUBLE, D.power_t, flags));
    }
  g_object_class_install_property (klass, LB_SGD_PROP_ETA0,
    g_param_spec_double ("eta0", N_("Initial learning rate"),
                         N_("Step size of the constant, invscaling and adaptive schedules"),
                         0.0, G_MAXDOUBLE, D.eta0, flags));
  g_object_class_install_property (klass, LB_SGD_PROP_EARLY_STOPPING,
    g_param_spec_boolean ("early-stopping", N_("Early stopping"),
                          N_("Hold out validation_fraction of the training data and stop when its "
                             "score stops improving"),
                          D.early_stopping, flags));
  g_object_class_install_property (klass, LB_SGD_PROP_VALIDATION_FRACTION,
    g_param_spec_double ("validation-fraction", N_("Validation fraction"),
                         N_("Share of the training data held out for early stopping"),
                         0.0, 1.0, D.validation_fraction, flags));
  g_object_class_install_property (klass, LB_SGD_PROP_N_ITER_NO_CHANGE,
    g_param_spec_uint ("n-iter-no-change", N_("Epochs without change"),
                       N_("How many epochs without improvement end the training"),
                       1, G_MAXINT32, D.n_iter_no_change, flags));
  g_object_class_install_property (klass, LB_SGD_PROP_WARM_START,
    g_param_spec_boolean ("warm-start", N_("Warm start"),
                          N_("Start each fit from the weights of the previous one instead of zeros "
                             "(with max_iter = 1: one more epoch per fit, the book's early stopping)"),
                          D.warm_start, flags));
#undef D
}

void
lb_sgd_get_property (LbSgdModel *m,
                     GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  LbSgdParams *P = &m->params;

  switch (prop_id)
    {
    case LB_SGD_PROP_LOSS:                g_value_set_enum (value, P->loss); break;
    case LB_SGD_PROP_PENALTY:             g_value_set_enum (value, P->penalty); break;
    case LB_SGD_PROP_ALPHA:               g_value_set_double (value, P->alpha); break;
    case LB_SGD_PROP_L1_RATIO:            g_value_set_double (value, P->l1_ratio); break;
    case LB_SGD_PROP_FIT_INTERCEPT:       g_value_set_boolean (value, P->fit_intercept); break;
    case LB_SGD_PROP_MAX_ITER:            g_value_set_uint (value, P->max_iter); break;
    case LB_SGD_PROP_TOL:                 g_value_set_double (value, P->tol); break;
    case LB_SGD_PROP_SHUFFLE:             g_value_set_boolean (value, P->shuffle); break;
    case LB_SGD_PROP_EPSILON:             g_value_set_double (value, P->epsilon); break;
    case LB_SGD_PROP_LEARNING_RATE:       g_value_set_enum (value, P->learning_rate); break;
    case LB_SGD_PROP_ETA0:                g_value_set_double (value, P->eta0); break;
    case LB_SGD_PROP_POWER_T:             g_value_set_double (value, P->power_t); break;
    case LB_SGD_PROP_EARLY_STOPPING:      g_value_set_boolean (value, P->early_stopping); break;
    case LB_SGD_PROP_VALIDATION_FRACTION: g_value_set_double (value, P->validation_fraction); break;
    case LB_SGD_PROP_N_ITER_NO_CHANGE:    g_value_set_uint (value, P->n_iter_no_change); break;
    case LB_SGD_PROP_WARM_START:          g_value_set_boolean (value, P->warm_start); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define SET_IF_CHANGED(field, v) \
  G_STMT_START { if ((field) != (v)) { (field) = (v); g_object_notify_by_pspec (object, pspec); } } G_STMT_END

void
lb_sgd_set_property (LbSgdModel   *m,
                     GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  LbSgdParams *P = &m->params;

  switch (prop_id)
    {
    case LB_SGD_PROP_LOSS:                SET_IF_CHANGED (P->loss, (LbSgdLoss) g_value_get_enum (value)); break;
    case LB_SGD_PROP_PENALTY:             SET_IF_CHANGED (P->penalty, (LbSgdPenalty) g_value_get_enum (value)); break;
    case LB_SGD_PROP_ALPHA:               SET_IF_CHANGED (P->alpha, g_value_get_double (value)); break;
    case LB_SGD_PROP_L1_RATIO:            SET_IF_CHANGED (P->l1_ratio, g_value_get_double (value)); break;
    case LB_SGD_PROP_FIT_INTERCEPT:       SET_IF_CHANGED (P->fit_intercept, g_value_get_boolean (value)); break;
    case LB_SGD_PROP_MAX_ITER:            SET_IF_CHANGED (P->max_iter, g_value_get_uint (value)); break;
    case LB_SGD_PROP_TOL:                 SET_IF_CHANGED (P->tol, g_value_get_double (value)); break;
    case LB_SGD_PROP_SHUFFLE:             SET_IF_CHANGED (P->shuffle, g_value_get_boolean (value)); break;
    case LB_SGD_PROP_EPSILON:             SET_IF_CHANGED (P->epsilon, g_value_get_double (value)); break;
    case LB_SGD_PROP_LEARNING_RATE:       SET_IF_CHANGED (P->learning_rate, (LbSgdLearningRate) g_value_get_enum (value)); break;
    case LB_SGD_PROP_ETA0:                SET_IF_CHANGED (P->eta0, g_value_get_double (value)); break;
    case LB_SGD_PROP_POWER_T:             SET_IF_CHANGED (P->power_t, g_value_get_double (value)); break;
    case LB_SGD_PROP_EARLY_STOPPING:      SET_IF_CHANGED (P->early_stopping, g_value_get_boolean (value)); break;
    case LB_SGD_PROP_VALIDATION_FRACTION: SET_IF_CHANGED (P->validation_fraction, g_value_get_double (value)); break;
    case LB_SGD_PROP_N_ITER_NO_CHANGE:    SET_IF_CHANGED (P->n_iter_no_change, g_value_get_uint (value)); break;
    case LB_SGD_PROP_WARM_START:          SET_IF_CHANGED (P->warm_start, g_value_get_boolean (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}
