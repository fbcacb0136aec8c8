/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-search-result.h: LbSearchResult, what a grid or randomized search found:
 * per candidate its parameters (a JSON object), per-split test (and train)
 * scores, their mean / population std, fit times and scikit-learn's rank
 * (rankdata(-mean, "min"), NaN ranked last); the best candidate and, after a
 * refit, the best estimator. Immutable and refcounted once returned.
 * LbSearchCandidate is what the per-candidate callback sees while it runs.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lb-estimator.h"

G_BEGIN_DECLS

/* One finished candidate (all its splits), passed to an LbSearchCandidateFunc. */
typedef struct
{
  guint         index;           /* candidate number, in the order they were listed */
  guint         n_candidates;
  JsonObject   *params;          /* borrowed */
  guint         n_splits;
  const double *test_scores;     /* n_splits, borrowed */
  double        mean_test;
  double        std_test;
  double        mean_train;      /* NaN unless train scores were asked for */
  double        mean_fit_seconds;
  guint         n_done;          /* candidates finished so far, this one included */
} LbSearchCandidate;

/* Called on the fitting thread that finished the candidate (never two at once). */
typedef void (*LbSearchCandidateFunc) (const LbSearchCandidate *candidate,
                                       gpointer                 user_data);

typedef struct _LbSearchResult LbSearchResult;

#define LB_TYPE_SEARCH_RESULT (lb_search_result_get_type ())
GType           lb_search_result_get_type     (void) G_GNUC_CONST;

/* @params: (element-type JsonObject), referenced. Score and time arrays are
 * row-major (n_candidates, n_splits) and copied; @train_scores and
 * @score_seconds may be NULL. Means, stds, ranks and the best index are
 * computed here. */
LbSearchResult *lb_search_result_new          (const char   *scoring,
                                               GPtrArray    *params,
                                               guint         n_splits,
                                               const double *test_scores,
                                               const double *train_scores,
                                               const double *fit_seconds,
                                               const double *score_seconds);
LbSearchResult *lb_search_result_ref          (LbSearchResult *result);
void            lb_search_result_unref        (LbSearchResult *result);
/* Before the result is shared: the refitted best estimator and its fit time. */
void            lb_search_result_set_best_estimator (LbSearchResult *result,
                                               LbEstimator  *estimator,
                                               double        refit_seconds);

const char     *lb_search_result_get_scoring  (const LbSearchResult *result);
guint           lb_search_result_get_n_candidates (const LbSearchResult *result);
guint           lb_search_result_get_n_splits (const LbSearchResult *result);
JsonObject     *lb_search_result_get_params   (const LbSearchResult *result,
                                               guint         candidate);
double          lb_search_result_get_mean_test (const LbSearchResult *result,
                                               guint         candidate);
double          lb_search_result_get_std_test (const LbSearchResult *result,
                                               guint         candidate);
double          lb_search_result_get_mean_train (const LbSearchResult *result,
                                               guint         candidate);  /* NaN when absent */
double          lb_search_result_get_std_train (const LbSearchResult *result,
                                               guint         candidate);
double          lb_search_result_get_split_test_score (const LbSearchResult *result,
                                               guint         candidate,
                                               guint         split);
double          lb_search_result_get_mean_fit_seconds (const LbSearchResult *result,
                                               guint         candidate);
guint           lb_search_result_get_rank     (const LbSearchResult *result,
                                               guint         candidate);   /* 1 = best */
gboolean        lb_search_result_has_train_scores (const LbSearchResult *result);

/* The first candidate of rank 1 (scikit-learn's best_index_). */
guint           lb_search_result_get_best_index (const LbSearchResult *result);
JsonObject     *lb_search_result_get_best_params (const LbSearchResult *result);
double          lb_search_result_get_best_score (const LbSearchResult *result);
/* NULL unless the search refitted. */
LbEstimator    *lb_search_result_get_best_estimator (const LbSearchResult *result);
double          lb_search_result_get_refit_seconds (const LbSearchResult *result);

/* Fits that failed (NaN scores, as scikit-learn's error_score=nan): how many
 * and the first one's message (NULL when none). Setter: before sharing. */
guint           lb_search_result_get_n_failed (const LbSearchResult *result);
const char     *lb_search_result_get_warning  (const LbSearchResult *result);
void            lb_search_result_set_failures (LbSearchResult *result,
                                               guint         n_failed,
                                               const char   *warning);

/* Candidate indices from best to worst (by rank; ties in listing order). g_free it. */
guint          *lb_search_result_dup_sorted_indices (const LbSearchResult *result);

/* {"scoring", "best_index", "best_params", "best_score", "refit_seconds",
 *  "cv_results": {"params": [...], "mean_test_score": [...],
 *  "std_test_score": [...], "rank_test_score": [...], "split0_test_score": [...] …,
 *  "mean_fit_time": [...], "std_fit_time": [...], "mean_score_time": [...],
 *  ("mean_train_score", "std_train_score", "splitK_train_score")}} —
 * scikit-learn's cv_results_ keys; NaN becomes null. */
JsonNode       *lb_search_result_to_json      (const LbSearchResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbSearchResult, lb_search_result_unref)

G_END_DECLS
