/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cross-validate.h: scikit-learn's cross_validate and cross_val_predict.
 * Each fold fits an unfitted clone of the estimator on its training rows
 * (a child LbFitContext: same cancellable, seed derived from the fold index)
 * and is scored by name (lb-metrics.h). Folds run in parallel on the
 * context's thread budget; results are identical to a serial run.
 */
#pragma once

#include "lb-cv-result.h"
#include "lb-cv-splitter.h"
#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_CV_FLAGS_NONE         = 0,
  LB_CV_RETURN_TRAIN_SCORE = 1 << 0,  /* also score each fold on its training rows */
  LB_CV_RETURN_ESTIMATORS  = 1 << 1,  /* keep the fitted fold estimators in the result */
} LbCvFlags;

/* @cv NULL: 5 folds as scikit-learn's cv=None (StratifiedKFold for a
 * classifier, KFold otherwise). @scoring NULL: the estimator's default
 * ("accuracy" / "r2"). @fold_func (may be NULL) is called once per finished
 * fold. @ctx may be NULL (1 thread, seed 42). Cancellation (the context's
 * cancellable) gives G_IO_ERROR_CANCELLED. A fold whose fit or score fails
 * scores NaN, with a warning event to @ctx and lb_cv_result_get_warning (),
 * as scikit-learn's error_score=nan; only when every fold failed is it an
 * error ("all 5 fits failed: fold 1: …"). */
LbCvResult  *lb_cross_validate        (LbEstimator   *estimator,
                                       LbMatrix      *X,
                                       LbMatrix      *y,
                                       LbCvSplitter  *cv,
                                       const char    *scoring,
                                       LbCvFlags      flags,
                                       LbCvFoldFunc   fold_func,
                                       gpointer       user_data,
                                       LbFitContext  *ctx,
                                       GError       **error);

typedef enum
{
  LB_PREDICT_METHOD_PREDICT,
  LB_PREDICT_METHOD_PREDICT_PROBA,
  LB_PREDICT_METHOD_DECISION_FUNCTION,
} LbPredictMethod;

/* "predict", "predict_proba", "decision_function" (and '-' spellings). */
gboolean     lb_predict_method_from_string (const char  *name,
                                            LbPredictMethod *method,
                                            GError     **error);
const char  *lb_predict_method_to_string   (LbPredictMethod method);

/* Out-of-fold outputs: row i holds what the model that did not see row i
 * says about it. The test folds must partition the rows (KFold,
 * StratifiedKFold, predefined folds covering every row); else
 * LB_ENGINE_ERROR_INVALID_PARAM. Shape: (n, 1) for predict (class codes keep
 * y's categories) and a binary decision_function, (n, k) for predict_proba
 * and a multiclass decision_function (every fold must see all k classes). */
LbMatrix    *lb_cross_val_predict     (LbEstimator   *estimator,
                                       LbMatrix      *X,
                                       LbMatrix      *y,
                                       LbCvSplitter  *cv,
                                       LbPredictMethod method,
                                       LbCvFoldFunc   fold_func,
                                       gpointer       user_data,
                                       LbFitContext  *ctx,
                                       GError       **error);

/* --- helpers shared by searches and curves --- */
/* The scorer's name: @scoring checked (LB_ENGINE_ERROR_INVALID_PARAM naming
 * it when unknown), or the estimator's default. Static / interned string. */
const char  *lb_cv_resolve_scoring    (LbEstimator   *estimator,
                                       const char    *scoring,
                                       GError       **error);
/* The splits of @cv (NULL = default 5 folds for @estimator) over (X, y). */
GPtrArray   *lb_cv_make_splits        (LbEstimator   *estimator,
                                       LbCvSplitter  *cv,
                                       LbMatrix      *X,
                                       LbMatrix      *y,
                                       GError       **error);

G_END_DECLS
