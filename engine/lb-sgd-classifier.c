/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-sgd-classifier.c: SGDClassifier — a linear classifier (linear SVM,
 * logistic regression…) trained by stochastic gradient descent, one-vs-rest
 * for more than two classes.
 * The SGD loop, properties and state live in lb-sgd.c (shared with the other
 * SGD models); this file binds them to the estimator contract.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-sgd-private.h"
#include "lb-sgd-classifier.h"

struct _LbSgdClassifier
{
  LbEstimator parent_instance;
  LbSgdModel  sgd;
};

G_DEFINE_TYPE (LbSgdClassifier, lb_sgd_classifier, LB_TYPE_ESTIMATOR)

static gboolean
lb_sgd_classifier_check_params (LbEstimator *estimator,
                                GError     **error)
{
  return lb_sgd_check_params (&LB_SGD_CLASSIFIER (estimator)->sgd, error);
}

static gboolean
lb_sgd_classifier_fit (LbEstimator  *estimator,
                       LbMatrix     *X,
                       LbMatrix     *y,
                       LbFitContext *ctx,
                       GError      **error)
{
  return lb_sgd_model_fit_classifier (&LB_SGD_CLASSIFIER (estimator)->sgd, X, y,
                                      lb_estimator_get_n_classes (estimator), ctx, error);
}

static void
lb_sgd_classifier_reset (LbEstimator *estimator)
{
  lb_sgd_model_reset (&LB_SGD_CLASSIFIER (estimator)->sgd);
}

static LbMatrix *
lb_sgd_classifier_predict (LbEstimator *estimator,
                           LbMatrix    *X,
                           GError     **error)
{
  return lb_sgd_model_predict_class (&LB_SGD_CLASSIFIER (estimator)->sgd, X, error);
}

static LbMatrix *
lb_sgd_classifier_decision_function (LbEstimator *estimator,
                                     LbMatrix    *X,
                                     GError     **error)
{
  return lb_sgd_model_decision (&LB_SGD_CLASSIFIER (estimator)->sgd, X, error);
}

static LbMatrix *
lb_sgd_classifier_predict_proba (LbEstimator *estimator,
                                 LbMatrix    *X,
                                 GError     **error)
{
  return lb_sgd_model_predict_proba (&LB_SGD_CLASSIFIER (estimator)->sgd, X,
                                     lb_estimator_get_n_classes (estimator), error);
}

static JsonNode *
lb_sgd_classifier_save_state (LbEstimator *estimator,
                              GError     **error)
{
  return lb_sgd_model_save_state (&LB_SGD_CLASSIFIER (estimator)->sgd);
}

static gboolean
lb_sgd_classifier_load_state (LbEstimator *estimator,
                              JsonNode    *state,
                              GError     **error)
{
  return lb_sgd_model_load_state (&LB_SGD_CLASSIFIER (estimator)->sgd, state, error);
}

static JsonNode *
lb_sgd_classifier_describe_state (LbEstimator *estimator)
{
  LbSgdClassifier *self = LB_SGD_CLASSIFIER (estimator);

  return self->sgd.coef != NULL ? lb_sgd_model_save_state (&self->sgd) : NULL;
}

static void
lb_sgd_classifier_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  lb_sgd_get_property (&LB_SGD_CLASSIFIER (object)->sgd, object, prop_id, value, pspec);
}

static void
lb_sgd_classifier_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  lb_sgd_set_property (&LB_SGD_CLASSIFIER (object)->sgd, object, prop_id, value, pspec);
}

static void
lb_sgd_classifier_finalize (GObject *object)
{
  lb_sgd_model_clear (&LB_SGD_CLASSIFIER (object)->sgd);
  G_OBJECT_CLASS (lb_sgd_classifier_parent_class)->finalize (object);
}

static void
lb_sgd_classifier_class_init (LbSgdClassifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  object_class->get_property = lb_sgd_classifier_get_property;
  object_class->set_property = lb_sgd_classifier_set_property;
  object_class->finalize = lb_sgd_classifier_finalize;

  est_class->name = "SGDClassifier";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE;
  est_class->check_params = lb_sgd_classifier_check_params;
  est_class->fit = lb_sgd_classifier_fit;
  est_class->reset = lb_sgd_classifier_reset;
  est_class->predict = lb_sgd_classifier_predict;
  est_class->decision_function = lb_sgd_classifier_decision_function;
  est_class->predict_proba = lb_sgd_classifier_predict_proba;
  est_class->save_state = lb_sgd_classifier_save_state;
  est_class->load_state = lb_sgd_classifier_load_state;
  est_class->describe_state = lb_sgd_classifier_describe_state;

  lb_sgd_install_properties (object_class, LB_SGD_KIND_CLASSIFIER);
}

static void
lb_sgd_classifier_init (LbSgdClassifier *self)
{
  lb_sgd_model_init (&self->sgd, LB_SGD_KIND_CLASSIFIER);
}

LbEstimator *
lb_sgd_classifier_new (void)
{
  return g_object_new (LB_TYPE_SGD_CLASSIFIER, NULL);
}

const double *
lb_sgd_classifier_get_coef (LbSgdClassifier *self,
                            guint           *n_rows,
                            guint           *n_features)
{
  g_return_val_if_fail (LB_IS_SGD_CLASSIFIER (self), NULL);
  if (n_rows != NULL)
    *n_rows = self->sgd.n_rows;
  if (n_features != NULL)
    *n_features = self->sgd.coef != NULL ? self->sgd.n_features : 0;
  return self->sgd.coef;
}

const double *
lb_sgd_classifier_get_intercept (LbSgdClassifier *self)
{
  g_return_val_if_fail (LB_IS_SGD_CLASSIFIER (self), NULL);
  return self->sgd.intercept;
}

guint
lb_sgd_classifier_get_n_iter (LbSgdClassifier *self)
{
  g_return_val_if_fail (LB_IS_SGD_CLASSIFIER (self), 0);
  return self->sgd.n_iter;
}
