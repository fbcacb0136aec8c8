/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-perceptron.c: Perceptron — Rosenblatt's perceptron, i.e. SGD with the
 * perceptron loss, a constant learning rate of 1 and no penalty by default.
 * The SGD loop, properties and state live in lb-sgd.c (shared with the other
 * SGD models); this file binds them to the estimator contract.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-sgd-private.h"
#include "lb-perceptron.h"

struct _LbPerceptron
{
  LbEstimator parent_instance;
  LbSgdModel  sgd;
};

G_DEFINE_TYPE (LbPerceptron, lb_perceptron, LB_TYPE_ESTIMATOR)

static gboolean
lb_perceptron_check_params (LbEstimator *estimator,
                            GError     **error)
{
  return lb_sgd_check_params (&LB_PERCEPTRON (estimator)->sgd, error);
}

static gboolean
lb_perceptron_fit (LbEstimator  *estimator,
                   LbMatrix     *X,
                   LbMatrix     *y,
                   LbFitContext *ctx,
                   GError      **error)
{
  return lb_sgd_model_fit_classifier (&LB_PERCEPTRON (estimator)->sgd, X, y,
                                      lb_estimator_get_n_classes (estimator), ctx, error);
}

static void
lb_perceptron_reset (LbEstimator *estimator)
{
  lb_sgd_model_reset (&LB_PERCEPTRON (estimator)->sgd);
}

static LbMatrix *
lb_perceptron_predict (LbEstimator *estimator,
                       LbMatrix    *X,
                       GError     **error)
{
  return lb_sgd_model_predict_class (&LB_PERCEPTRON (estimator)->sgd, X, error);
}

static LbMatrix *
lb_perceptron_decision_function (LbEstimator *estimator,
                                 LbMatrix    *X,
                                 GError     **error)
{
  return lb_sgd_model_decision (&LB_PERCEPTRON (estimator)->sgd, X, error);
}

static JsonNode *
lb_perceptron_save_state (LbEstimator *estimator,
                          GError     **error)
{
  return lb_sgd_model_save_state (&LB_PERCEPTRON (estimator)->sgd);
}

static gboolean
lb_perceptron_load_state (LbEstimator *estimator,
                          JsonNode    *state,
                          GError     **error)
{
  return lb_sgd_model_load_state (&LB_PERCEPTRON (estimator)->sgd, state, error);
}

static JsonNode *
lb_perceptron_describe_state (LbEstimator *estimator)
{
  LbPerceptron *self = LB_PERCEPTRON (estimator);

  return self->sgd.coef != NULL ? lb_sgd_model_save_state (&self->sgd) : NULL;
}

static void
lb_perceptron_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  lb_sgd_get_property (&LB_PERCEPTRON (object)->sgd, object, prop_id, value, pspec);
}

static void
lb_perceptron_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  lb_sgd_set_property (&LB_PERCEPTRON (object)->sgd, object, prop_id, value, pspec);
}

static void
lb_perceptron_finalize (GObject *object)
{
  lb_sgd_model_clear (&LB_PERCEPTRON (object)->sgd);
  G_OBJECT_CLASS (lb_perceptron_parent_class)->finalize (object);
}

static void
lb_perceptron_class_init (LbPerceptronClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  object_class->get_property = lb_perceptron_get_property;
  object_class->set_property = lb_perceptron_set_property;
  object_class->finalize = lb_perceptron_finalize;

  est_class->name = "Perceptron";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE;
  est_class->check_params = lb_perceptron_check_params;
  est_class->fit = lb_perceptron_fit;
  est_class->reset = lb_perceptron_reset;
  est_class->predict = lb_perceptron_predict;
  est_class->decision_function = lb_perceptron_decision_function;
  est_class->save_state = lb_perceptron_save_state;
  est_class->load_state = lb_perceptron_load_state;
  est_class->describe_state = lb_perceptron_describe_state;

  lb_sgd_install_properties (object_class, LB_SGD_KIND_PERCEPTRON);
}

static void
lb_perceptron_init (LbPerceptron *self)
{
  lb_sgd_model_init (&self->sgd, LB_SGD_KIND_PERCEPTRON);
}

LbEstimator *
lb_perceptron_new (void)
{
  return g_object_new (LB_TYPE_PERCEPTRON, NULL);
}

const double *
lb_perceptron_get_coef (LbPerceptron *self,
                        guint        *n_rows,
                        guint        *n_features)
{
  g_return_val_if_fail (LB_IS_PERCEPTRON (self), NULL);
  if (n_rows != NULL)
    *n_rows = self->sgd.n_rows;
  if (n_features != NULL)
    *n_features = self->sgd.coef != NULL ? self->sgd.n_features : 0;
  return self->sgd.coef;
}

const double *
lb_perceptron_get_intercept (LbPerceptron *self)
{
  g_return_val_if_fail (LB_IS_PERCEPTRON (self), NULL);
  return self->sgd.intercept;
}

guint
lb_perceptron_get_n_iter (LbPerceptron *self)
{
  g_return_val_if_fail (LB_IS_PERCEPTRON (self), 0);
  return self->sgd.n_iter;
}
