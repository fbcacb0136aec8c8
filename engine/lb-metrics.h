/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-metrics.h: scikit-learn's metrics (regression errors, R², accuracy,
 * precision / recall / F1, confusion matrix, PR and ROC curves, AUC, log
 * loss), the book's 95 % t-interval of a test RMSE with the Student-t quantile
 * it needs, and scorers looked up by scikit-learn's scoring names.
 *
 * Class labels are class codes 0..k-1 stored as doubles (as in y matrices and
 * a classifier's predict output). "Binary" metrics treat code 1 as the
 * positive class (scikit-learn's pos_label=1 for 0/1 or False/True labels).
 */
#pragma once

#include "lb-estimator.h"
#include "lb-matrix.h"

G_BEGIN_DECLS

/* --- regression (y_true, y_pred: n values) --- */
double    lb_mean_squared_error       (const double *y_true,
                                       const double *y_pred,
                                       gsize         n);
double    lb_root_mean_squared_error  (const double *y_true,
                                       const double *y_pred,
                                       gsize         n);
double    lb_mean_absolute_error      (const double *y_true,
                                       const double *y_pred,
                                       gsize         n);
double    lb_median_absolute_error    (const double *y_true,
                                       const double *y_pred,
                                       gsize         n);
/* 1 - SS_res / SS_tot; like scikit-learn (force_finite): a constant y_true
 * gives 1.0 for a perfect prediction, else 0.0. */
double    lb_r2_score                 (const double *y_true,
                                       const double *y_pred,
                                       gsize         n);
double    lb_explained_variance_score (const double *y_true,
                                       const double *y_pred,
                                       gsize         n);

/* --- classification from predicted codes --- */
double    lb_accuracy_score           (const double *y_true,
                                       const double *y_pred,
                                       gsize         n);
/* Mean of the per-class recalls (classes present in y_true). */
double    lb_balanced_accuracy_score  (const double *y_true,
                                       const double *y_pred,
                                       gsize         n,
                                       guint         n_classes);

typedef enum
{
  LB_AVERAGE_BINARY,    /* the positive class (code pos_label) only */
  LB_AVERAGE_MICRO,     /* global TP / FP / FN counts */
  LB_AVERAGE_MACRO,     /* unweighted mean over classes */
  LB_AVERAGE_WEIGHTED,  /* mean weighted by each class's support in y_true */
} LbAverage;

/* Precision, recall and F1 (any output may be NULL). Classes are the codes
 * 0..n_classes-1; as scikit-learn (zero_division="warn"), a 0/0 ratio counts
 * as 0. LB_AVERAGE_BINARY with n_classes > 2 is an error, as in scikit-learn. */
gboolean  lb_precision_recall_f1      (const double *y_true,
                                       const double *y_pred,
                                       gsize         n,
                                       guint         n_classes,
                                       LbAverage     average,
                                       guint         pos_label,
                                       double       *precision,
                                       double       *recall,
                                       double       *f1,
                                       GError      **error);
/* Shorthands: NaN and @error set on failure. */
double    lb_precision_score          (const double *y_true,
                                       const double *y_pred,
                                       gsize         n,
                                       guint         n_classes,
                                       LbAverage     average,
                                       GError      **error);
double    lb_recall_score             (const double *y_true,
                                       const double *y_pred,
                                       gsize         n,
                                       guint         n_classes,
                                       LbAverage     average,
                                       GError      **error);
double    lb_f1_score                 (const double *y_true,
                                       const double *y_pred,
                                       gsize         n,
                                       guint         n_classes,
                                       LbAverage     average,
                                       GError      **error);

/* (n_classes, n_classes) counts: row = true class, column = predicted class
 * (scikit-learn's [[TN, FP], [FN, TP]] for binary). Codes outside
 * 0..n_classes-1 are ignored. */
LbMatrix *lb_confusion_matrix         (const double *y_true,
                                       const double *y_pred,
                                       gsize         n,
                                       guint         n_classes);

/* --- ranking metrics from scores (decision_function or P(positive)) --- */
/* Binary: y_true in {0, 1} (code 1 positive). Errors when only one class is
 * present ("Only one class present in y_true: ROC AUC is not defined"). */
double    lb_roc_auc_score            (const double *y_true,
                                       const double *y_score,
                                       gsize         n,
                                       GError      **error);
/* Multiclass one-vs-rest, macro average over the classes: proba (n, n_classes). */
double    lb_roc_auc_ovr_score        (const double *y_true,
                                       const LbMatrix *proba,
                                       GError      **error);
/* scikit-learn 1.2.1's roc_curve (drop_intermediate=TRUE): an (m, 3) matrix
 * with columns "fpr", "tpr", "threshold"; the first threshold is
 * max(score) + 1 as in 1.2.1 (the point (0, 0)). */
LbMatrix *lb_roc_curve                (const double *y_true,
                                       const double *y_score,
                                       gsize         n,
                                       gboolean      drop_intermediate,
                                       GError      **error);
/* scikit-learn 1.2.1's precision_recall_curve: an (m + 1, 3) matrix with
 * columns "precision", "recall", "threshold" in increasing threshold order;
 * the last row is (1, 0, NaN) (scikit-learn returns one threshold fewer). */
LbMatrix *lb_precision_recall_curve   (const double *y_true,
                                       const double *y_score,
                                       gsize         n,
                                       GError      **error);
/* Area under a curve by the trapezoidal rule (x monotonic). */
double    lb_auc                      (const double *x,
                                       const double *y,
                                       gsize         n);
/* Average precision (step-wise area under the PR curve, as scikit-learn). */
double    lb_average_precision_score  (const double *y_true,
                                       const double *y_score,
                                       gsize         n,
                                       GError      **error);

/* Cross-entropy: proba (n, n_classes) rows renormalised, clipped to
 * [eps, 1 - eps] with eps = DBL_EPSILON (scikit-learn 1.2.1's eps="auto"). */
double    lb_log_loss                 (const double *y_true,
                                       const LbMatrix *proba,
                                       GError      **error);

/* --- the book's confidence interval of a test RMSE --- */
/* Student-t CDF and quantile (inverse) with @df degrees of freedom (> 0);
 * checked against scipy.stats.t.cdf / t.ppf. */
double    lb_student_t_cdf            (double        t,
                                       double        df);
double    lb_student_t_ppf            (double        p,
                                       double        df);
/* Regularized incomplete beta I_x(a, b) and its inverse in x. */
double    lb_incomplete_beta          (double        a,
                                       double        b,
                                       double        x);
double    lb_incomplete_beta_inv      (double        a,
                                       double        b,
                                       double        p);
/* sqrt(scipy.stats.t.interval(confidence, n-1, loc=mean(se), scale=sem(se)))
 * where se = (y_pred - y_true)²; n >= 2. */
gboolean  lb_rmse_confidence_interval (const double *y_true,
                                       const double *y_pred,
                                       gsize         n,
                                       double        confidence,
                                       double       *low,
                                       double       *high,
                                       GError      **error);

/* --- scorers by scikit-learn's names --- */
/* What a scorer needs from the estimator. */
typedef enum
{
  LB_SCORER_NEEDS_PREDICT,    /* predict (codes or values) */
  LB_SCORER_NEEDS_PROBA,      /* predict_proba (n, k) */
  LB_SCORER_NEEDS_THRESHOLD,  /* decision_function, else predict_proba[:, 1] (binary) / proba (ovr) */
} LbScorerNeeds;

/* Known names: "neg_mean_squared_error", "neg_root_mean_squared_error",
 * "neg_mean_absolute_error", "neg_median_absolute_error", "r2",
 * "explained_variance", "accuracy", "balanced_accuracy", "precision", "recall",
 * "f1" (binary, positive class = code 1), their "_micro", "_macro",
 * "_weighted" variants, "roc_auc" (binary), "roc_auc_ovr" (macro),
 * "average_precision", "neg_log_loss". Signs as scikit-learn: the "neg_"
 * scorers return minus the error, so greater is always better. */
gboolean  lb_scoring_is_known             (const char *scoring);
/* NULL-terminated, static. */
const char * const *lb_scoring_list_names (void);
/* TRUE for every scikit-learn scorer ("neg_" already flipped the sign);
 * FALSE only for the raw error names accepted as aliases ("mse", "rmse",
 * "mae": lower is better). */
gboolean  lb_scoring_greater_is_better    (const char *scoring);
LbScorerNeeds lb_scoring_get_needs        (const char *scoring);
/* TRUE when the scorer is meant for classifiers. */
gboolean  lb_scoring_is_classification    (const char *scoring);
/* The default scorer of an estimator: "accuracy" for a classifier, "r2" otherwise. */
const char *lb_scoring_default_for        (LbEstimator *est);

/* Score a fitted estimator on (X, y), as scikit-learn's get_scorer(name)(est, X, y).
 * @scoring NULL = the estimator's default. NaN and @error set on failure
 * (unknown name, a probability scorer on a model without predict_proba…). */
double    lb_score_by_name                (const char   *scoring,
                                           LbEstimator  *est,
                                           LbMatrix     *X,
                                           LbMatrix     *y,
                                           GError      **error);
/* Score from already-computed outputs (cross_val_predict): @y_out is the
 * predict output (n, 1) for LB_SCORER_NEEDS_PREDICT, predict_proba (n, k) for
 * NEEDS_PROBA, and decision_function (n, 1) or predict_proba (n, k) for
 * NEEDS_THRESHOLD. @n_classes: number of classes (0 for regression). */
double    lb_score_outputs                (const char   *scoring,
                                           LbMatrix     *y_true,
                                           LbMatrix     *y_out,
                                           guint         n_classes,
                                           GError      **error);

G_END_DECLS
