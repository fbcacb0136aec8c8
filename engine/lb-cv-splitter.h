/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cv-splitter.h: LbCvSplitter, how cross-validation cuts the rows into
 * folds: KFold, StratifiedKFold, ShuffleSplit, StratifiedShuffleSplit, fold
 * ids given per row (PredefinedSplit) or an explicit list of splits.
 * Without shuffling the folds are scikit-learn 1.2.1's exactly (contiguous
 * K-folds, the first n % k one row larger; StratifiedKFold's per-class
 * round-robin allocation dealt in blocks), so fold-by-fold scores compare.
 * Immutable and refcounted once made.
 */
#pragma once

#include "lb-estimator.h"
#include "lb-matrix.h"
#include "lb-split.h"

G_BEGIN_DECLS

typedef enum
{
  LB_CV_KFOLD,
  LB_CV_STRATIFIED_KFOLD,
  LB_CV_SHUFFLE_SPLIT,
  LB_CV_STRATIFIED_SHUFFLE_SPLIT,
  LB_CV_PREDEFINED,     /* a test-fold id per row (-1: always in training) */
  LB_CV_GIVEN,          /* an explicit list of LbSplits */
} LbCvKind;

typedef struct _LbCvSplitter LbCvSplitter;

#define LB_TYPE_CV_SPLITTER (lb_cv_splitter_get_type ())
GType         lb_cv_splitter_get_type     (void) G_GNUC_CONST;

/* n_splits >= 2 for the K-folds (checked when splitting, with the data size). */
LbCvSplitter *lb_cv_splitter_new_kfold    (guint         n_splits,
                                           gboolean      shuffle,
                                           guint64       seed);
LbCvSplitter *lb_cv_splitter_new_stratified_kfold (guint  n_splits,
                                           gboolean      shuffle,
                                           guint64       seed);
/* @test_size as lb_split_resolve_test_size (scikit-learn's default is 0.1). */
LbCvSplitter *lb_cv_splitter_new_shuffle_split (guint    n_splits,
                                           double        test_size,
                                           guint64       seed);
LbCvSplitter *lb_cv_splitter_new_stratified_shuffle_split (guint n_splits,
                                           double        test_size,
                                           guint64       seed);
/* @test_fold: n values, the fold each row is tested in (-1: never tested);
 * folds are the distinct ids >= 0 in increasing order. Copied. */
LbCvSplitter *lb_cv_splitter_new_predefined (const gint32 *test_fold,
                                           gsize         n);
/* @splits: (element-type LbSplit), referenced. */
LbCvSplitter *lb_cv_splitter_new_given    (GPtrArray    *splits);
/* scikit-learn's check_cv (cv=@n_splits): StratifiedKFold for a classifier,
 * KFold otherwise, both un-shuffled. @estimator may be NULL (KFold). */
LbCvSplitter *lb_cv_splitter_new_default  (guint         n_splits,
                                           LbEstimator  *estimator);

LbCvSplitter *lb_cv_splitter_ref          (LbCvSplitter *cv);
void          lb_cv_splitter_unref        (LbCvSplitter *cv);

LbCvKind      lb_cv_splitter_get_kind     (LbCvSplitter *cv);
/* The number of splits it makes (for PREDEFINED: known only with the data, 0 here). */
guint         lb_cv_splitter_get_n_splits (LbCvSplitter *cv);
gboolean      lb_cv_splitter_get_shuffle  (LbCvSplitter *cv);
guint64       lb_cv_splitter_get_seed     (LbCvSplitter *cv);
double        lb_cv_splitter_get_test_size (LbCvSplitter *cv);
/* TRUE when the kind needs class labels (the stratified ones). */
gboolean      lb_cv_splitter_needs_labels (LbCvSplitter *cv);
/* scikit-learn-like text ("StratifiedKFold(n_splits=3, shuffle=False)"), untranslated. */
char         *lb_cv_splitter_to_string    (LbCvSplitter *cv);

/* The splits for @n_samples rows. @labels (n values: class codes or any
 * values compared exactly; NaN is an error) is needed by the stratified
 * kinds and ignored by the others. Returns (element-type LbSplit); errors
 * (LB_ENGINE_ERROR_INVALID_PARAM / _INVALID_DATA) say what is wrong
 * ("cannot make 10 folds from 7 rows"). Test rows are in increasing order,
 * train rows too, except for the shuffle-split kinds (random order, as
 * scikit-learn) and GIVEN (as given). */
GPtrArray    *lb_cv_splitter_split        (LbCvSplitter *cv,
                                           gsize         n_samples,
                                           const double *labels,
                                           GError      **error);
/* The same from matrices: n_samples from X, labels from y's single column. */
GPtrArray    *lb_cv_splitter_split_matrix (LbCvSplitter *cv,
                                           LbMatrix     *X,
                                           LbMatrix     *y,
                                           GError      **error);

/* The test-fold id of every row for splitters whose test sets partition the
 * rows (KFold, StratifiedKFold, PREDEFINED): n values, as scikit-learn's
 * _make_test_folds (the reference fold files). NULL + error otherwise. */
gint32       *lb_cv_splitter_fold_ids     (LbCvSplitter *cv,
                                           gsize         n_samples,
                                           const double *labels,
                                           GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbCvSplitter, lb_cv_splitter_unref)

G_END_DECLS
