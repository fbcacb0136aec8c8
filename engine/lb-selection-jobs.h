/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-selection-jobs.h: cross-validation, searches and curves as LbJobs, for
 * the UI. Each _async snapshots its inputs on the calling thread (the
 * estimator is cloned, matrices and splitters are referenced) and returns the
 * job (transfer full) so the caller can bind "fraction"/"message", connect to
 * "progress" and cancel it. Progress: the fraction of finished fits and a
 * message per finished fold / candidate / point. The optional per-fold /
 * per-candidate / per-point callback runs on the fitting thread (queue,
 * don't draw; pass a weak ref as its data when the owner may go away).
 * @ctx may be NULL; its seed and thread budget are used, not its
 * cancellable (the job's is) nor its event sink (the job's progress is).
 */
#pragma once

#include "lb-cross-validate.h"
#include "lb-curves.h"
#include "lb-job.h"
#include "lb-search.h"

G_BEGIN_DECLS

LbJob          *lb_cross_validate_async   (LbEstimator          *estimator,
                                           LbMatrix             *X,
                                           LbMatrix             *y,
                                           LbCvSplitter         *cv,
                                           const char           *scoring,
                                           LbCvFlags             flags,
                                           LbCvFoldFunc          fold_func,
                                           gpointer              fold_data,
                                           LbFitContext         *ctx,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* transfer full; NULL with @error set (G_IO_ERROR_CANCELLED when cancelled). */
LbCvResult     *lb_cross_validate_finish  (GAsyncResult         *result,
                                           GError              **error);

/* lb_search_candidates () on the runner; @candidates (element-type
 * JsonObject) are referenced and must not change afterwards. */
LbJob          *lb_search_async           (LbEstimator          *estimator,
                                           LbMatrix             *X,
                                           LbMatrix             *y,
                                           GPtrArray            *candidates,
                                           LbCvSplitter         *cv,
                                           const char           *scoring,
                                           LbSearchFlags         flags,
                                           LbSearchCandidateFunc func,
                                           gpointer              func_data,
                                           LbFitContext         *ctx,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
LbSearchResult *lb_search_finish          (GAsyncResult         *result,
                                           GError              **error);

/* lb_learning_curve () (@train_sizes copied; NULL = the default sizes). */
LbJob          *lb_learning_curve_async   (LbEstimator          *estimator,
                                           LbMatrix             *X,
                                           LbMatrix             *y,
                                           LbCvSplitter         *cv,
                                           const double         *train_sizes,
                                           guint                 n_sizes,
                                           gboolean              fractions,
                                           const char           *scoring,
                                           LbCurvePointFunc      func,
                                           gpointer              func_data,
                                           LbFitContext         *ctx,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* lb_validation_curve () (@values referenced; must not change afterwards). */
LbJob          *lb_validation_curve_async (LbEstimator          *estimator,
                                           LbMatrix             *X,
                                           LbMatrix             *y,
                                           const char           *param_name,
                                           JsonArray            *values,
                                           LbCvSplitter         *cv,
                                           const char           *scoring,
                                           LbCurvePointFunc      func,
                                           gpointer              func_data,
                                           LbFitContext         *ctx,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* For both curve jobs. */
LbCurve        *lb_curve_finish           (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
