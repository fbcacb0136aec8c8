/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-search.h: hyper-parameter search — scikit-learn's GridSearchCV and
 * RandomizedSearchCV. A search space is JSON, as in a project file:
 *   grid: {"alpha": [0.1, 1, 10], "fit_intercept": [true, false]} or a list
 *         of such objects (expanded like ParameterGrid: keys sorted, the
 *         last key varying fastest);
 *   distributions: the same, where a value may also be
 *         {"uniform": [low, high]}, {"loguniform": [low, high]} or
 *         {"randint": [low, high]} (integers, high excluded, as scipy's randint).
 * Every (candidate, split) fit runs on the context's thread budget; results
 * do not depend on the number of threads (each fold's seed comes from the
 * fold index, the same for every candidate, as a fixed random_state).
 */
#pragma once

#include "lb-cv-splitter.h"
#include "lb-search-result.h"

G_BEGIN_DECLS

typedef enum
{
  LB_SEARCH_FLAGS_NONE         = 0,
  LB_SEARCH_REFIT              = 1 << 0,  /* fit the best candidate on all the data */
  LB_SEARCH_RETURN_TRAIN_SCORE = 1 << 1,
} LbSearchFlags;

/* (element-type JsonObject): the candidates of a grid, in scikit-learn's order.
 * Errors (LB_ENGINE_ERROR_INVALID_PARAM) name the key ("grid: 'alpha' needs a
 * non-empty list of values"). */
GPtrArray      *lb_param_grid_expand          (JsonNode     *grid,
                                               GError      **error);
/* @n_iter candidates drawn from @distributions with LbRng(@seed). When every
 * value is a list, candidates are drawn from the grid without replacement
 * (at most its size), as scikit-learn's ParameterSampler; otherwise each key
 * (sorted) draws independently. Values differ from scipy's draws (another RNG). */
GPtrArray      *lb_param_distributions_sample (JsonNode     *distributions,
                                               guint         n_iter,
                                               guint64       seed,
                                               GError      **error);

/* Cross-validates every candidate (clone + set_params) on the same splits.
 * Every candidate's parameters are checked on a clone before anything is
 * fitted, so a bad value fails at once with the parameter's name. @cv NULL:
 * 5 folds (stratified for a classifier); @scoring NULL: the estimator's
 * default. @func (may be NULL) runs when a candidate's last split finishes.
 * A fit that fails scores NaN (a warning event to @ctx; the candidate ranks
 * last, lb_search_result_get_warning says why), as scikit-learn's
 * error_score=nan; only when every fit failed is the search an error. The
 * refit of the best candidate must succeed. */
LbSearchResult *lb_search_candidates          (LbEstimator  *estimator,
                                               LbMatrix     *X,
                                               LbMatrix     *y,
                                               GPtrArray    *candidates,
                                               LbCvSplitter *cv,
                                               const char   *scoring,
                                               LbSearchFlags flags,
                                               LbSearchCandidateFunc func,
                                               gpointer      user_data,
                                               LbFitContext *ctx,
                                               GError      **error);
LbSearchResult *lb_grid_search                (LbEstimator  *estimator,
                                               LbMatrix     *X,
                                               LbMatrix     *y,
                                               JsonNode     *grid,
                                               LbCvSplitter *cv,
                                               const char   *scoring,
                                               LbSearchFlags flags,
                                               LbSearchCandidateFunc func,
                                               gpointer      user_data,
                                               LbFitContext *ctx,
                                               GError      **error);
/* Candidates drawn with the context's seed (42 by default). */
LbSearchResult *lb_randomized_search          (LbEstimator  *estimator,
                                               LbMatrix     *X,
                                               LbMatrix     *y,
                                               JsonNode     *distributions,
                                               guint         n_iter,
                                               LbCvSplitter *cv,
                                               const char   *scoring,
                                               LbSearchFlags flags,
                                               LbSearchCandidateFunc func,
                                               gpointer      user_data,
                                               LbFitContext *ctx,
                                               GError      **error);

G_END_DECLS
