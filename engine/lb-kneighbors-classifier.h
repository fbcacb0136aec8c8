/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-kneighbors-classifier.h: LbKNeighborsClassifier, scikit-learn's KNeighborsClassifier:
 * remembers the training set and votes among the n_neighbors closest training
 * samples (brute force, Minkowski distance).
 */
#pragma once

#include "lb-estimator.h"
#include "lb-kneighbors.h"

G_BEGIN_DECLS

#define LB_TYPE_KNEIGHBORS_CLASSIFIER (lb_kneighbors_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbKNeighborsClassifier, lb_kneighbors_classifier, LB, KNEIGHBORS_CLASSIFIER, LbEstimator)

LbEstimator *lb_kneighbors_classifier_new        (void);
/* The n_neighbors nearest training rows of each row of X: indices and
 * distances, (n, n_neighbors) each, nearest first (scikit-learn's kneighbors). */
gboolean     lb_kneighbors_classifier_kneighbors (LbKNeighborsClassifier *self,
                                              LbMatrix        *X,
                                              LbMatrix       **distances,
                                              LbMatrix       **indices,
                                              GError         **error);

G_END_DECLS
