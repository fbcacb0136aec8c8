/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-perceptron.h: LbPerceptron, scikit-learn's Perceptron: Rosenblatt's
 * perceptron, i.e. SGD with the perceptron loss, a constant learning rate of 1
 * and no penalty by default.
 */
#pragma once

#include "lb-estimator.h"
#include "lb-sgd.h"

G_BEGIN_DECLS

#define LB_TYPE_PERCEPTRON (lb_perceptron_get_type ())
G_DECLARE_FINAL_TYPE (LbPerceptron, lb_perceptron, LB, PERCEPTRON, LbEstimator)

LbEstimator  *lb_perceptron_new           (void);
/* Learned weights: *n_rows rows of *n_features (one row for a regressor or a
 * binary classifier, one per class for one-vs-rest), and n_rows intercepts. */
const double *lb_perceptron_get_coef      (LbPerceptron *self,
                                           guint        *n_rows,
                                           guint        *n_features);
const double *lb_perceptron_get_intercept (LbPerceptron *self);
/* Epochs run by the last fit (scikit-learn's n_iter_). */
guint         lb_perceptron_get_n_iter    (LbPerceptron *self);

G_END_DECLS
