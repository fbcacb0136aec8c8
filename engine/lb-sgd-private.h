/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-sgd-private.h: the SGD engine SGDClassifier, SGDRegressor and
 * Perceptron share: hyper-parameters and learned state (LbSgdModel, embedded
 * in each instance struct), their property table, and the per-sample loop of
 * scikit-learn's _plain_sgd (dense).
 */
#pragma once

#include "lb-estimator.h"
#include "lb-sgd.h"

G_BEGIN_DECLS

typedef enum
{
  LB_SGD_KIND_CLASSIFIER,
  LB_SGD_KIND_REGRESSOR,
  LB_SGD_KIND_PERCEPTRON,
} LbSgdKind;

typedef enum
{
  LB_SGD_PROP_0,
  LB_SGD_PROP_LOSS,
  LB_SGD_PROP_PENALTY,
  LB_SGD_PROP_ALPHA,
  LB_SGD_PROP_L1_RATIO,
  LB_SGD_PROP_FIT_INTERCEPT,
  LB_SGD_PROP_MAX_ITER,
  LB_SGD_PROP_TOL,
  LB_SGD_PROP_SHUFFLE,
  LB_SGD_PROP_EPSILON,
  LB_SGD_PROP_LEARNING_RATE,
  LB_SGD_PROP_ETA0,
  LB_SGD_PROP_POWER_T,
  LB_SGD_PROP_EARLY_STOPPING,
  LB_SGD_PROP_VALIDATION_FRACTION,
  LB_SGD_PROP_N_ITER_NO_CHANGE,
  LB_SGD_PROP_WARM_START,
  LB_SGD_N_PROPS
} LbSgdProp;

typedef struct
{
  LbSgdLoss         loss;
  LbSgdPenalty      penalty;
  double            alpha;
  double            l1_ratio;
  gboolean          fit_intercept;
  guint             max_iter;
  double            tol;              /* < 0: no tolerance stopping (scikit-learn's None) */
  gboolean          shuffle;
  double            epsilon;
  LbSgdLearningRate learning_rate;
  double            eta0;
  double            power_t;
  gboolean          early_stopping;
  double            validation_fraction;
  guint             n_iter_no_change;
  gboolean          warm_start;
} LbSgdParams;

typedef struct
{
  LbSgdKind   kind;
  LbSgdParams params;

  /* learned state: n_rows = 1 for a regressor or a binary classifier, else n_classes */
  guint       n_features;
  guint       n_rows;
  double     *coef;        /* (n_rows, n_features) */
  double     *intercept;   /* (n_rows) */
  guint       n_iter;      /* epochs (max over the one-vs-rest problems) */
  double      t;           /* scikit-learn's t_: updates done + 1 */

  /* warm_start: the previous fit's weights, kept across the reset before a fit */
  guint       warm_rows;
  guint       warm_features;
  double     *warm_coef;
  double     *warm_intercept;
} LbSgdModel;

void      lb_sgd_model_init         (LbSgdModel   *m,
                                     LbSgdKind     kind);
/* Drops the learned state (kept aside as the next fit's start when warm_start). */
void      lb_sgd_model_reset        (LbSgdModel   *m);
/* Frees everything, the warm-start copy included (finalize). */
void      lb_sgd_model_clear        (LbSgdModel   *m);
void      lb_sgd_install_properties (GObjectClass *klass,
                                     LbSgdKind     kind);
void      lb_sgd_get_property       (LbSgdModel   *m,
                                     GObject      *object,
                                     guint         prop_id,
                                     GValue       *value,
                                     GParamSpec   *pspec);
void      lb_sgd_set_property       (LbSgdModel   *m,
                                     GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec);
gboolean  lb_sgd_check_params       (LbSgdModel   *m,
                                     GError      **error);

/* Classifiers: y holds codes 0..n_classes-1 (the base class encoded them).
 * Binary: one problem, +1 for class 1; more classes: one-vs-rest. */
gboolean  lb_sgd_model_fit_classifier (LbSgdModel   *m,
                                       LbMatrix     *X,
                                       LbMatrix     *y,
                                       guint         n_classes,
                                       LbFitContext *ctx,
                                       GError      **error);
gboolean  lb_sgd_model_fit_regressor  (LbSgdModel   *m,
                                       LbMatrix     *X,
                                       LbMatrix     *y,
                                       LbFitContext *ctx,
                                       GError      **error);
/* (n, n_rows) raw scores X·coefᵀ + intercept. */
LbMatrix *lb_sgd_model_decision     (LbSgdModel   *m,
                                     LbMatrix     *X,
                                     GError      **error);
/* Class codes (n, 1): score > 0 (binary) or the first largest score. */
LbMatrix *lb_sgd_model_predict_class (LbSgdModel  *m,
                                      LbMatrix    *X,
                                      GError     **error);
/* log_loss and modified_huber only, as scikit-learn; n_classes columns. */
LbMatrix *lb_sgd_model_predict_proba (LbSgdModel  *m,
                                      LbMatrix    *X,
                                      guint        n_classes,
                                      GError     **error);
JsonNode *lb_sgd_model_save_state   (LbSgdModel   *m);
gboolean  lb_sgd_model_load_state   (LbSgdModel   *m,
                                     JsonNode     *state,
                                     GError      **error);

G_END_DECLS
