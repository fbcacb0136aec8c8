/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cv-splitter.c: fold assignment. The un-shuffled K-folds reproduce
 * scikit-learn 1.2.1's _iter_test_indices / _make_test_folds rule for rule;
 * shuffling uses LbRng (other rows than numpy's, same fold sizes). Every
 * splitter goes through "test-fold id per row" when its test sets partition
 * the rows, so train and test indices come out sorted, as scikit-learn's masks.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-cv-splitter.h"
#include "lb-engine-error.h"

struct _LbCvSplitter
{
  gatomicrefcount ref_count;
  LbCvKind        kind;
  guint           n_splits;
  gboolean        shuffle;
  guint64         seed;
  double          test_size;
  gint32         *test_fold;     /* PREDEFINED */
  gsize           n_test_fold;
  GPtrArray      *given;         /* GIVEN: (element-type LbSplit) */
};

G_DEFINE_BOXED_TYPE (LbCvSplitter, lb_cv_splitter, lb_cv_splitter_ref, lb_cv_splitter_unref)

/* --- construction --- */

static LbCvSplitter *
splitter_new (LbCvKind kind,
              guint    n_splits,
              gboolean shuffle,
              guint64  seed,
              double   test_size)
{
  LbCvSplitter *cv = g_new0 (LbCvSplitter, 1);

  g_atomic_ref_count_init (&cv->ref_count);
  cv->kind = kind;
  cv->n_splits = n_splits;
  cv->shuffle = shuffle;
  cv->seed = seed;
  cv->test_size = test_size;
  return cv;
}

LbCvSplitter *
lb_cv_splitter_new_kfold (guint    n_splits,
                          gboolean shuffle,
                          guint64  seed)
{
  return splitter_new (LB_CV_KFOLD, n_splits, shuffle, seed, NAN);
}

LbCvSplitter *
lb_cv_splitter_new_stratified_kfold (guint    n_splits,
                                     gboolean shuffle,
                                     guint64  seed)
{
  return splitter_new (LB_CV_STRATIFIED_KFOLD, n_splits, shuffle, seed, NAN);
}

LbCvSplitter *
lb_cv_splitter_new_shuffle_split (guint   n_splits,
                                  double  test_size,
                                  guint64 seed)
{
  return splitter_new (LB_CV_SHUFFLE_SPLIT, n_splits, TRUE, seed, test_size);
}

LbCvSplitter *
lb_cv_splitter_new_stratified_shuffle_split (guint   n_splits,
                                             double  test_size,
                                             guint64 seed)
{
  return splitter_new (LB_CV_STRATIFIED_SHUFFLE_SPLIT, n_splits, TRUE, seed, test_size);
}

LbCvSplitter *
lb_cv_splitter_new_predefined (const gint32 *test_fold,
                               gsize         n)
{
  LbCvSplitter *cv;

  g_return_val_if_fail (test_fold != NULL || n == 0, NULL);

  cv = splitter_new (LB_CV_PREDEFINED, 0, FALSE, 0, NAN);
  cv->test_fold = g_memdup2 (test_fold, MAX (n, 1) * sizeof (gint32));
  cv->n_test_fold = n;
  return cv;
}

LbCvSplitter *
lb_cv_splitter_new_given (GPtrArray *splits)
{
  LbCvSplitter *cv;

  g_return_val_if_fail (splits != NULL, NULL);

  cv = splitter_new (LB_CV_GIVEN, splits->len, FALSE, 0, NAN);
  cv->given = g_ptr_array_new_full (splits->len, (GDestroyNotify) lb_split_unref);
  for (guint i = 0; i < splits->len; i++)
    g_ptr_array_add (cv->given, lb_split_ref (g_ptr_array_index (splits, i)));
  return cv;
}

LbCvSplitter *
lb_cv_splitter_new_default (guint        n_splits,
                            LbEstimator *estimator)
{
  if (estimator != NULL && lb_estimator_is_classifier (estimator))
    return lb_cv_splitter_new_stratified_kfold (n_splits, FALSE, 0);
  return lb_cv_splitter_new_kfold (n_splits, FALSE, 0);
}

LbCvSplitter *
lb_cv_splitter_ref (LbCvSplitter *cv)
{
  g_return_val_if_fail (cv != NULL, NULL);

  g_atomic_ref_count_inc (&cv->ref_count);
  return cv;
}

void
lb_cv_splitter_unref (LbCvSplitter *cv)
{
  g_return_if_fail (cv != NULL);

  if (g_atomic_ref_count_dec (&cv->ref_count))
    {
      g_free (cv->test_fold);
      g_clear_pointer (&cv->given, g_ptr_array_unref);
      g_free (cv);
    }
}

LbCvKind
lb_cv_splitter_get_kind (LbCvSplitter *cv)
{
  g_return_val_if_fail (cv != NULL, LB_CV_KFOLD);
  return cv->kind;
}

guint
lb_cv_splitter_get_n_splits (LbCvSplitter *cv)
{
  g_return_val_if_fail (cv != NULL, 0);
  return cv->n_splits;
}

gboolean
lb_cv_splitter_get_shuffle (LbCvSplitter *cv)
{
  g_return_val_if_fail (cv != NULL, FALSE);
  return cv->shuffle;
}

guint64
lb_cv_splitter_get_seed (LbCvSplitter *cv)
{
  g_return_val_if_fail (cv != NULL, 0);
  return cv->seed;
}

double
lb_cv_splitter_get_test_size (LbCvSplitter *cv)
{
  g_return_val_if_fail (cv != NULL, NAN);
  return cv->test_size;
}

gboolean
lb_cv_splitter_needs_labels (LbCvSplitter *cv)
{
  g_return_val_if_fail (cv != NULL, FALSE);
  return cv->kind == LB_CV_STRATIFIED_KFOLD || cv->kind == LB_CV_STRATIFIED_SHUFFLE_SPLIT;
}

char *
lb_cv_splitter_to_string (LbCvSplitter *cv)
{
  g_return_val_if_fail (cv != NULL, NULL);

  switch (cv->kind)
    {
    case LB_CV_KFOLD:
    case LB_CV_STRATIFIED_KFOLD:
      return g_strdup_printf ("%s(n_splits=%u, shuffle=%s)",
                              cv->kind == LB_CV_KFOLD ? "KFold" : "StratifiedKFold",
                              cv->n_splits, cv->shuffle ? "True" : "False");
    case LB_CV_SHUFFLE_SPLIT:
    case LB_CV_STRATIFIED_SHUFFLE_SPLIT:
      return g_strdup_printf ("%s(n_splits=%u, test_size=%g)",
                              cv->kind == LB_CV_SHUFFLE_SPLIT ? "ShuffleSplit"
                                                              : "StratifiedShuffleSplit",
                              cv->n_splits, cv->test_size);
    case LB_CV_PREDEFINED:
      return g_strdup ("PredefinedSplit()");
    case LB_CV_GIVEN:
    default:
      return g_strdup_printf ("GivenSplits(n_splits=%u)", cv->n_splits);
    }
}

/* --- labels --- */

/* Codes by order of first appearance (StratifiedKFold's y_encoded); the
 * number of classes in *n_classes. Exact comparison of the values. */
static guint *
encode_by_appearance (const double *labels,
                      gsize         n,
                      guint        *n_classes,
                      GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree guint *codes = g_new (guint, MAX (n, 1));
  guint k = 0;

  for (gsize r = 0; r < n; r++)
    {
      double v = labels[r] == 0.0 ? 0.0 : labels[r];   /* -0.0 == 0.0 */
      gint64 key;
      gpointer found;

      if (isnan (v))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("row %zu: the class label is missing"), r);
          return NULL;
        }
      memcpy (&key, &v, sizeof key);
      if (g_hash_table_lookup_extended (seen, &key, NULL, &found))
        codes[r] = GPOINTER_TO_UINT (found);
      else
        {
          g_hash_table_insert (seen, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (k));
          codes[r] = k++;
        }
    }
  *n_classes = k;
  return g_steal_pointer (&codes);
}

/* --- test folds of the partitioning kinds --- */

static gboolean
check_n_splits (LbCvSplitter *cv,
                gsize         n_samples,
                GError      **error)
{
  if (cv->n_splits < 2)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("cross-validation needs at least 2 folds (got n_splits=%u)"), cv->n_splits);
      return FALSE;
    }
  if (cv->n_splits > n_samples)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("cannot make %u folds from %zu rows"),
                   cv->n_splits, n_samples);
      return FALSE;
    }
  return TRUE;
}

/* KFold: contiguous blocks of (optionally shuffled) indices; the first
 * n % k folds have one row more. */
static gint32 *
kfold_test_folds (LbCvSplitter *cv,
                  gsize         n)
{
  g_autofree guint *indices = g_new (guint, MAX (n, 1));
  gint32 *fold = g_new (gint32, MAX (n, 1));
  gsize pos = 0;

  for (gsize i = 0; i < n; i++)
    indices[i] = (guint) i;
  if (cv->shuffle)
    {
      LbRng rng;

      lb_rng_init (&rng, cv->seed);
      lb_rng_shuffle (&rng, indices, n);
    }
  for (guint f = 0; f < cv->n_splits; f++)
    {
      gsize size = n / cv->n_splits + (f < n % cv->n_splits ? 1 : 0);

      for (gsize i = 0; i < size; i++)
        fold[indices[pos + i]] = (gint32) f;
      pos += size;
    }
  return fold;
}

/* StratifiedKFold 1.2.1: classes coded by first appearance; the sorted codes
 * are dealt round robin to the folds (allocation[f][c] = how many of class c
 * fold f gets); within a class rows keep their order and go to fold 0, then
 * 1, … in blocks of that size (the block order shuffled when asked). */
static gint32 *
stratified_test_folds (LbCvSplitter *cv,
                       gsize         n,
                       const double *labels,
                       GError      **error)
{
  g_autofree guint *codes = NULL;
  g_autofree gsize *counts = NULL;
  g_autofree gsize *alloc = NULL;
  g_autofree gint32 *class_folds = NULL;
  g_autofree gsize *next = NULL;
  g_autoptr(GPtrArray) per_class = NULL;
  g_autofree gint32 *fold = NULL;
  guint n_classes = 0, k = cv->n_splits;
  gsize start = 0, min_count = G_MAXSIZE;
  gboolean all_too_small = TRUE;
  LbRng rng;

  if (labels == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("a stratified split needs class labels (y)"));
      return NULL;
    }
  if ((codes = encode_by_appearance (labels, n, &n_classes, error)) == NULL)
    return NULL;
  counts = g_new0 (gsize, n_classes);
  for (gsize r = 0; r < n; r++)
    counts[codes[r]]++;
  for (guint c = 0; c < n_classes; c++)
    {
      min_count = MIN (min_count, counts[c]);
      if (counts[c] >= k)
        all_too_small = FALSE;
    }
  if (all_too_small)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("n_splits=%u cannot be greater than the number of members in each class"), k);
      return NULL;
    }
  if (min_count < k)
    g_debug ("StratifiedKFold: the least populated class has only %" G_GSIZE_FORMAT
             " members, fewer than n_splits=%u", min_count, k);

  /* Sorted codes: class c occupies positions [start, start + counts[c]);
   * fold f receives the positions p with p % k == f. */
  alloc = g_new0 (gsize, (gsize) k * n_classes);
  for (guint c = 0; c < n_classes; c++)
    {
      for (guint f = 0; f < k; f++)
        {
          gsize first = start + ((f + k - start % k) % k);   /* first p >= start, p % k == f */
          gsize end = start + counts[c];

          alloc[(gsize) f * n_classes + c] = first < end ? (end - first + k - 1) / k : 0;
        }
      start += counts[c];
    }

  /* Per class, the fold of its i-th member (in row order). */
  lb_rng_init (&rng, cv->seed);
  per_class = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < n_classes; c++)
    {
      gint32 *folds_for_class = g_new (gint32, MAX (counts[c], 1));
      gsize pos = 0;

      for (guint f = 0; f < k; f++)
        for (gsize i = 0; i < alloc[(gsize) f * n_classes + c]; i++)
          folds_for_class[pos++] = (gint32) f;
      g_assert (pos == counts[c]);
      if (cv->shuffle)
        for (gsize i = counts[c]; i > 1; i--)
          {
            gsize j = (gsize) lb_rng_below (&rng, i);
            gint32 tmp = folds_for_class[i - 1];

            folds_for_class[i - 1] = folds_for_class[j];
            folds_for_class[j] = tmp;
          }
      g_ptr_array_add (per_class, folds_for_class);
    }

  fold = g_new (gint32, MAX (n, 1));
  next = g_new0 (gsize, n_classes);
  for (gsize r = 0; r < n; r++)
    {
      const gint32 *ff = g_ptr_array_index (per_class, codes[r]);

      fold[r] = ff[next[codes[r]]++];
    }
  return g_steal_pointer (&fold);
}

gint32 *
lb_cv_splitter_fold_ids (LbCvSplitter *cv,
                         gsize         n_samples,
                         const double *labels,
                         GError      **error)
{
  g_return_val_if_fail (cv != NULL, NULL);

  switch (cv->kind)
    {
    case LB_CV_KFOLD:
      if (!check_n_splits (cv, n_samples, error))
        return NULL;
      return kfold_test_folds (cv, n_samples);
    case LB_CV_STRATIFIED_KFOLD:
      if (!check_n_splits (cv, n_samples, error))
        return NULL;
      return stratified_test_folds (cv, n_samples, labels, error);
    case LB_CV_PREDEFINED:
      if (cv->n_test_fold != n_samples)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("the fold ids cover %zu rows, the data has %zu"),
                       cv->n_test_fold, n_samples);
          return NULL;
        }
      return g_memdup2 (cv->test_fold, MAX (n_samples, 1) * sizeof (gint32));
    case LB_CV_SHUFFLE_SPLIT:
    case LB_CV_STRATIFIED_SHUFFLE_SPLIT:
    case LB_CV_GIVEN:
    default:
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                   _("this splitter's test sets do not partition the rows"));
      return NULL;
    }
}

/* Splits from fold ids: fold f tests the rows with id f; the rest (ids != f,
 * including -1) train. Folds are the distinct ids >= 0, increasing. */
static GPtrArray *
splits_from_fold_ids (const gint32 *fold,
                      gsize         n,
                      GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_split_unref);
  g_autofree guint *train = g_new (guint, MAX (n, 1));
  g_autofree guint *test = g_new (guint, MAX (n, 1));
  gint32 max_id = -1;

  for (gsize r = 0; r < n; r++)
    max_id = MAX (max_id, fold[r]);
  for (gint32 f = 0; f <= max_id; f++)
    {
      gsize n_tr = 0, n_te = 0;

      for (gsize r = 0; r < n; r++)
        {
          if (fold[r] == f)
            test[n_te++] = (guint) r;
          else
            train[n_tr++] = (guint) r;
        }
      if (n_te > 0)
        g_ptr_array_add (out, lb_split_new (train, n_tr, test, n_te));
    }
  if (out->len == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("the fold ids name no test fold"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* --- splitting --- */

GPtrArray *
lb_cv_splitter_split (LbCvSplitter *cv,
                      gsize         n_samples,
                      const double *labels,
                      GError      **error)
{
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (cv != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_samples > G_MAXUINT)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                   _("too many rows to split (%zu)"), n_samples);
      return NULL;
    }

  switch (cv->kind)
    {
    case LB_CV_KFOLD:
    case LB_CV_STRATIFIED_KFOLD:
    case LB_CV_PREDEFINED:
      {
        g_autofree gint32 *fold = lb_cv_splitter_fold_ids (cv, n_samples, labels, error);

        if (fold == NULL)
          return NULL;
        return splits_from_fold_ids (fold, n_samples, error);
      }

    case LB_CV_SHUFFLE_SPLIT:
    case LB_CV_STRATIFIED_SHUFFLE_SPLIT:
      {
        g_autofree gint32 *strata = NULL;

        if (cv->n_splits < 1)
          {
            g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                         _("n_splits must be >= 1 (got %u)"), cv->n_splits);
            return NULL;
          }
        if (cv->kind == LB_CV_STRATIFIED_SHUFFLE_SPLIT)
          {
            g_autofree guint *codes = NULL;
            guint n_classes;

            if (labels == NULL)
              {
                g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                             _("a stratified split needs class labels (y)"));
                return NULL;
              }
            if ((codes = encode_by_appearance (labels, n_samples, &n_classes, error)) == NULL)
              return NULL;
            strata = g_new (gint32, MAX (n_samples, 1));
            for (gsize r = 0; r < n_samples; r++)
              strata[r] = (gint32) codes[r];
          }
        out = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_split_unref);
        for (guint s = 0; s < cv->n_splits; s++)
          {
            LbRng rng;
            guint64 seed;
            LbSplit *split;

            /* each split its own stream of the seed: split s never depends on n_splits */
            lb_rng_init_stream (&rng, cv->seed, s);
            seed = lb_rng_next (&rng);
            if (strata != NULL)
              split = lb_split_stratified_shuffle (strata, n_samples, cv->test_size, seed, error);
            else
              split = lb_split_train_test (n_samples, cv->test_size, TRUE, seed, error);
            if (split == NULL)
              return NULL;
            g_ptr_array_add (out, split);
          }
        return g_steal_pointer (&out);
      }

    case LB_CV_GIVEN:
    default:
      out = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_split_unref);
      for (guint s = 0; s < cv->given->len; s++)
        {
          LbSplit *split = g_ptr_array_index (cv->given, s);

          if (!lb_split_check (split, n_samples, error))
            return NULL;
          g_ptr_array_add (out, lb_split_ref (split));
        }
      if (out->len == 0)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("the list of splits is empty"));
          return NULL;
        }
      return g_steal_pointer (&out);
    }
}

GPtrArray *
lb_cv_splitter_split_matrix (LbCvSplitter *cv,
                             LbMatrix     *X,
                             LbMatrix     *y,
                             GError      **error)
{
  gsize n;

  g_return_val_if_fail (cv != NULL && X != NULL, NULL);

  n = lb_matrix_get_n_rows (X);
  if (y != NULL && (lb_matrix_get_n_rows (y) != n || lb_matrix_get_n_cols (y) != 1))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("y has %zu rows and %zu"
                     " columns, expected %zu rows and 1 column"),
                   lb_matrix_get_n_rows (y), lb_matrix_get_n_cols (y), n);
      return NULL;
    }
  return lb_cv_splitter_split (cv, n, y != NULL ? lb_matrix_get_const_data (y) : NULL, error);
}
