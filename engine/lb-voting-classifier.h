/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-voting-classifier.h: LbVotingClassifier, scikit-learn's VotingClassifier:
 * several named classifiers fitted on the same data; "hard" voting takes the
 * majority of their predicted classes, "soft" the argmax of their averaged
 * probabilities (the book's chapter 7 experiment on moons).
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_VOTING_HARD,  /* "hard" */
  LB_VOTING_SOFT,  /* "soft" */
} LbVoting;

#define LB_TYPE_VOTING (lb_voting_get_type ())
GType lb_voting_get_type (void) G_GNUC_CONST;

#define LB_TYPE_VOTING_CLASSIFIER (lb_voting_classifier_get_type ())
G_DECLARE_FINAL_TYPE (LbVotingClassifier, lb_voting_classifier, LB, VOTING_CLASSIFIER, LbEstimator)

LbEstimator *lb_voting_classifier_new (void);
/* The fitted copy of the estimator @name (NULL before fit or when unknown). */
LbEstimator *lb_voting_classifier_get_fitted (LbVotingClassifier *self,
                                              const char         *name);

G_END_DECLS
