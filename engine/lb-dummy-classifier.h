/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-dummy-classifier.h: LbDummyClassifier, scikit-learn's DummyClassifier: a
 * baseline that ignores X: always the most frequent class, or random classes
 * drawn from the training class frequencies (stratified) or uniformly. The
 * accuracy a classifier must beat (the book's "never 5" classifier).
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_DUMMY_CLASSIFIER_PRIOR,          /* "prior": most frequent; proba = class frequencies */
  LB_DUMMY_CLASSIFIER_MOST_FREQUENT,  /* "most_frequent": proba one-hot */
  LB_DUMMY_CLASSIFIER_STRATIFIED,     /* "stratified": random draws ∝ frequencies */
  LB_DUMMY_CLASSIFIER_UNIFORM,        /* "uniform": random classes */
} LbDummyClassifierStrategy;

#define LB_TYPE_DUMMY_CLASSIFIER_STRATEGY (lb_dummy_classifier_strategy_get_type ())
GType lb_dummy_classifier_strategy_get_type (void) G_GNUC_CONST;

#define LB_TYPE_DUMMY_CLASSIFIER (lb_dummy_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbDummyClassifier, lb_dummy_classifier, LB, DUMMY_CLASSIFIER, LbEstimator)

LbEstimator  *lb_dummy_classifier_new             (void);
/* class_prior_: the training frequency of each class (n_classes values). */
const double *lb_dummy_classifier_get_class_prior (LbDummyClassifier *self);

G_END_DECLS
