/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-sgd.h: the option types shared by SGDClassifier, SGDRegressor and
 * Perceptron (scikit-learn's stochastic gradient descent): losses, penalties
 * and learning-rate schedules, as GEnum types whose nicks are scikit-learn's
 * strings ("hinge", "l2", "optimal").
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every loss; a classifier accepts all of them, a regressor the last four.
 * The GTypes differ (LB_TYPE_SGD_CLASSIFIER_LOSS lists all nine values,
 * LB_TYPE_SGD_REGRESSOR_LOSS the regression ones) so forms offer the right ones. */
typedef enum
{
  LB_SGD_LOSS_HINGE,                        /* "hinge": linear SVM */
  LB_SGD_LOSS_LOG_LOSS,                     /* "log_loss": logistic regression */
  LB_SGD_LOSS_MODIFIED_HUBER,               /* "modified_huber" */
  LB_SGD_LOSS_SQUARED_HINGE,                /* "squared_hinge" */
  LB_SGD_LOSS_PERCEPTRON,                   /* "perceptron": hinge with threshold 0 */
  LB_SGD_LOSS_SQUARED_ERROR,                /* "squared_error": ½(p - y)² */
  LB_SGD_LOSS_HUBER,                        /* "huber" */
  LB_SGD_LOSS_EPSILON_INSENSITIVE,          /* "epsilon_insensitive" */
  LB_SGD_LOSS_SQUARED_EPSILON_INSENSITIVE,  /* "squared_epsilon_insensitive" */
} LbSgdLoss;

typedef enum
{
  LB_SGD_PENALTY_NONE,        /* "none" (scikit-learn's None) */
  LB_SGD_PENALTY_L2,          /* "l2" */
  LB_SGD_PENALTY_L1,          /* "l1" */
  LB_SGD_PENALTY_ELASTICNET,  /* "elasticnet" */
} LbSgdPenalty;

typedef enum
{
  LB_SGD_LEARNING_RATE_CONSTANT,    /* "constant": eta = eta0 */
  LB_SGD_LEARNING_RATE_OPTIMAL,     /* "optimal": eta = 1 / (alpha (t + t0)) */
  LB_SGD_LEARNING_RATE_INVSCALING,  /* "invscaling": eta = eta0 / t^power_t */
  LB_SGD_LEARNING_RATE_ADAPTIVE,    /* "adaptive": eta0, divided by 5 when progress stalls */
} LbSgdLearningRate;

#define LB_TYPE_SGD_CLASSIFIER_LOSS (lb_sgd_classifier_loss_get_type ())
GType lb_sgd_classifier_loss_get_type (void) G_GNUC_CONST;
#define LB_TYPE_SGD_REGRESSOR_LOSS (lb_sgd_regressor_loss_get_type ())
GType lb_sgd_regressor_loss_get_type (void) G_GNUC_CONST;
#define LB_TYPE_SGD_PENALTY (lb_sgd_penalty_get_type ())
GType lb_sgd_penalty_get_type (void) G_GNUC_CONST;
#define LB_TYPE_SGD_LEARNING_RATE (lb_sgd_learning_rate_get_type ())
GType lb_sgd_learning_rate_get_type (void) G_GNUC_CONST;

G_END_DECLS
