/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-sgd-classifier.h: LbSgdClassifier, scikit-learn's SGDClassifier: a linear
 * classifier (linear SVM, logistic regression…) trained by stochastic gradient
 * descent, one-vs-rest for more than two classes.
 */
#pragma once

#include "lb-estimator.h"
#include "lb-sgd.h"

G_BEGIN_DECLS

#define LB_TYPE_SGD_CLASSIFIER (lb_sgd_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbSgdClassifier, lb_sgd_classifier, LB, SGD_CLASSIFIER, LbEstimator)

LbEstimator  *lb_sgd_classifier_new           (void);
/* Learned weights: *n_rows rows of *n_features (one row for a regressor or a
 * binary classifier, one per class for one-vs-rest), and n_rows intercepts. */
const double *lb_sgd_classifier_get_coef      (LbSgdClassifier *self,
                                               guint           *n_rows,
                                               guint           *n_features);
const double *lb_sgd_classifier_get_intercept (LbSgdClassifier *self);
/* Epochs run by the last fit (scikit-learn's n_iter_). */
guint         lb_sgd_classifier_get_n_iter    (LbSgdClassifier *self);

G_END_DECLS
