/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cv-result.h: LbCvResult, the outcome of one cross-validation — per fold
 * the train score, test score, fit and score seconds — with the mean and the
 * population standard deviation (numpy's std, ddof = 0) over the folds. An
 * immutable, refcounted value the UI, the plots and the project runner share.
 * LbCvFold is what the per-fold callback sees while the folds still run.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lb-estimator.h"

G_BEGIN_DECLS

/* One finished fold, passed to an LbCvFoldFunc. Scores follow the scorer's
 * sign (greater is better: "neg_mean_squared_error" is negative). */
typedef struct
{
  guint   fold;            /* 0-based */
  guint   n_folds;
  gsize   n_train;
  gsize   n_test;
  double  train_score;     /* NaN unless train scores were asked for */
  double  test_score;
  double  fit_seconds;
  double  score_seconds;
  guint   n_done;          /* folds finished so far, this one included */
} LbCvFold;

/* Called on the fitting thread that finished the fold (never two at once). */
typedef void (*LbCvFoldFunc) (const LbCvFold *fold,
                              gpointer        user_data);

typedef struct _LbCvResult LbCvResult;

#define LB_TYPE_CV_RESULT (lb_cv_result_get_type ())
GType         lb_cv_result_get_type        (void) G_GNUC_CONST;

/* @train_scores may be NULL (not computed: NaN); the others have @n_folds
 * values (@score_seconds may be NULL: 0). Copied. @scoring: the scorer's name. */
LbCvResult   *lb_cv_result_new             (const char   *scoring,
                                            guint         n_folds,
                                            const double *train_scores,
                                            const double *test_scores,
                                            const double *fit_seconds,
                                            const double *score_seconds);
LbCvResult   *lb_cv_result_ref             (LbCvResult   *result);
void          lb_cv_result_unref           (LbCvResult   *result);

const char   *lb_cv_result_get_scoring     (const LbCvResult *result);
guint         lb_cv_result_get_n_folds     (const LbCvResult *result);
gboolean      lb_cv_result_has_train_scores (const LbCvResult *result);
/* n_folds values each (borrowed). */
const double *lb_cv_result_get_test_scores (const LbCvResult *result);
const double *lb_cv_result_get_train_scores (const LbCvResult *result);   /* NaN when absent */
const double *lb_cv_result_get_fit_seconds (const LbCvResult *result);
const double *lb_cv_result_get_score_seconds (const LbCvResult *result);
double        lb_cv_result_get_test_score  (const LbCvResult *result,
                                            guint         fold);
double        lb_cv_result_get_train_score (const LbCvResult *result,
                                            guint         fold);

double        lb_cv_result_get_mean_test   (const LbCvResult *result);
double        lb_cv_result_get_std_test    (const LbCvResult *result);   /* ddof = 0 */
double        lb_cv_result_get_mean_train  (const LbCvResult *result);   /* NaN when absent */
double        lb_cv_result_get_std_train   (const LbCvResult *result);
double        lb_cv_result_get_mean_fit_seconds (const LbCvResult *result);
double        lb_cv_result_get_total_fit_seconds (const LbCvResult *result);

/* The fold's fitted estimator when the cross-validation kept them (NULL otherwise). */
LbEstimator  *lb_cv_result_get_estimator   (const LbCvResult *result,
                                            guint         fold);
/* For cross_validate: attach the fitted fold estimators (n_folds, referenced).
 * Only before the result is shared. */
void          lb_cv_result_set_estimators  (LbCvResult   *result,
                                            LbEstimator **estimators);

/* Fits that failed (scikit-learn's error_score=nan: their scores are NaN):
 * how many, and the first one's message (a translated sentence naming the
 * fold; NULL when none failed). The setter is for cross_validate, before the
 * result is shared. */
guint         lb_cv_result_get_n_failed    (const LbCvResult *result);
const char   *lb_cv_result_get_warning     (const LbCvResult *result);
void          lb_cv_result_set_failures    (LbCvResult   *result,
                                            guint         n_failed,
                                            const char   *warning);

/* {"scoring", "test_scores": [...], "train_scores": [...] (when present),
 *  "fit_seconds": [...], "score_seconds": [...], "mean_test", "std_test",
 *  "mean_train", "std_train", ("n_failed", "warning" when a fit failed)}. */
JsonNode     *lb_cv_result_to_json         (const LbCvResult *result);

/* numpy's mean and std (ddof = 0) of n values (pairwise-free: n is small);
 * NaN when n == 0 or a value is NaN. */
double        lb_mean                      (const double *values,
                                            gsize         n);
double        lb_std_population            (const double *values,
                                            gsize         n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbCvResult, lb_cv_result_unref)

G_END_DECLS
