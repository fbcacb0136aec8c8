/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-cv-splitter.c: fold assignment of LbCvSplitter against scikit-learn
 * 1.2.1: small cases from tests/engine/reference/select-splits.py and the
 * Fashion-MNIST fold files of ../shared/reference/splits (StratifiedKFold(3)
 * on all 60 000 training labels == 0, and on the first 10 000 labels).
 * Fold ids are integers: every comparison is exact.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <zlib.h>

#include "lb-engine.h"
#include "lb-cv-splitter.h"
#include "lb-test-util.h"

static gint32 *
fold_ids_from_splits (GPtrArray *splits,
                      gsize      n)
{
  gint32 *fold = g_new (gint32, n);

  for (gsize i = 0; i < n; i++)
    fold[i] = -1;
  for (guint f = 0; f < splits->len; f++)
    {
      gsize n_test, n_train;
      const guint *test = lb_split_get_test (g_ptr_array_index (splits, f), &n_test);
      const guint *train = lb_split_get_train (g_ptr_array_index (splits, f), &n_train);

      g_assert_cmpuint (n_test + n_train, ==, n);
      for (gsize i = 0; i < n_test; i++)
        {
          g_assert_cmpint (fold[test[i]], ==, -1);   /* tested once only */
          fold[test[i]] = (gint32) f;
          if (i > 0)
            g_assert_cmpuint (test[i - 1], <, test[i]);   /* sorted, like sklearn's masks */
        }
      for (gsize i = 1; i < n_train; i++)
        g_assert_cmpuint (train[i - 1], <, train[i]);
    }
  return fold;
}

/* KFold(10) over 16512 rows: [1652, 1652, 1651 x 8]; KFold(3) on 7 rows:
 * test folds [0, 1, 2], [3, 4], [5, 6]. */
static void
test_kfold (void)
{
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (10, FALSE, 0);
  g_autoptr(LbCvSplitter) cv3 = lb_cv_splitter_new_kfold (3, FALSE, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) splits = lb_cv_splitter_split (cv, 16512, NULL, &error);
  g_autoptr(GPtrArray) small = NULL;
  g_autofree gint32 *fold = NULL;
  static const gint32 exp_small[] = { 0, 0, 0, 1, 1, 2, 2 };

  g_assert_no_error (error);
  g_assert_cmpuint (splits->len, ==, 10);
  for (guint f = 0; f < 10; f++)
    {
      LbSplit *s = g_ptr_array_index (splits, f);

      g_assert_cmpuint (lb_split_get_n_test (s), ==, f < 2 ? 1652 : 1651);
      /* contiguous */
      g_assert_cmpuint (lb_split_get_test (s, NULL)[0], ==, f < 2 ? 1652 * f : 1652 * 2 + 1651 * (f - 2));
    }
  g_free (fold_ids_from_splits (splits, 16512));

  small = lb_cv_splitter_split (cv3, 7, NULL, &error);
  g_assert_no_error (error);
  fold = fold_ids_from_splits (small, 7);
  g_assert_cmpmem (fold, sizeof exp_small, exp_small, sizeof exp_small);
}

static void
test_kfold_shuffled (void)
{
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_kfold (4, TRUE, 7);
  g_autoptr(GPtrArray) a = lb_cv_splitter_split (cv, 103, NULL, NULL);
  g_autoptr(GPtrArray) b = lb_cv_splitter_split (cv, 103, NULL, NULL);
  g_autofree gint32 *fa = fold_ids_from_splits (a, 103);
  g_autofree gint32 *fb = fold_ids_from_splits (b, 103);
  gsize contiguous = 0;

  g_assert_cmpmem (fa, 103 * sizeof (gint32), fb, 103 * sizeof (gint32));   /* seeded */
  for (guint f = 0; f < 4; f++)
    g_assert_cmpuint (lb_split_get_n_test (g_ptr_array_index (a, f)), ==, f < 3 ? 26 : 25);
  for (gsize i = 1; i < 103; i++)
    contiguous += fa[i] == fa[i - 1];
  g_assert_cmpuint (contiguous, <, 60);   /* un-shuffled would give 99 */
}

/* StratifiedKFold(3).split(X, y) with y below: fold ids
 * [0,0,0,0,0,0,1,0,0,1,1,1,2,1,1,2,2,1,2,2,2,2]; StratifiedKFold(4) on
 * [5.0]*7 + [-1.0]*3 + [5.0]*4 + [2.0]*5 (sklearn warns: a class of 3 < 4):
 * [0,0,0,1,1,1,2,0,1,3,2,2,3,3,0,1,2,2,3]. */
static void
test_stratified_small (void)
{
  static const double y3[] = { 2, 0, 0, 1, 2, 2, 0, 1, 1, 1, 2, 0, 0, 2, 1, 1, 0, 2, 2, 2, 1, 0 };
  static const gint32 exp3[] = { 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 2, 1, 1, 2, 2, 1, 2, 2, 2, 2 };
  static const double y4[] = { 5, 5, 5, 5, 5, 5, 5, -1, -1, -1, 5, 5, 5, 5, 2, 2, 2, 2, 2 };
  static const gint32 exp4[] = { 0, 0, 0, 1, 1, 1, 2, 0, 1, 3, 2, 2, 3, 3, 0, 1, 2, 2, 3 };
  g_autoptr(LbCvSplitter) cv3 = lb_cv_splitter_new_stratified_kfold (3, FALSE, 0);
  g_autoptr(LbCvSplitter) cv4 = lb_cv_splitter_new_stratified_kfold (4, FALSE, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) s3 = lb_cv_splitter_split (cv3, G_N_ELEMENTS (y3), y3, &error);
  g_autoptr(GPtrArray) s4 = NULL;
  g_autofree gint32 *f3 = NULL, *f4 = NULL, *direct = NULL;

  g_assert_no_error (error);
  f3 = fold_ids_from_splits (s3, G_N_ELEMENTS (y3));
  g_assert_cmpmem (f3, sizeof exp3, exp3, sizeof exp3);
  direct = lb_cv_splitter_fold_ids (cv3, G_N_ELEMENTS (y3), y3, &error);
  g_assert_cmpmem (direct, sizeof exp3, exp3, sizeof exp3);

  s4 = lb_cv_splitter_split (cv4, G_N_ELEMENTS (y4), y4, &error);
  g_assert_no_error (error);
  f4 = fold_ids_from_splits (s4, G_N_ELEMENTS (y4));
  g_assert_cmpmem (f4, sizeof exp4, exp4, sizeof exp4);
}

static void
test_errors (void)
{
  static const double y[] = { 0, 1, 0, 1, 0, 1 };
  static const double y_nan[] = { 0, 1, NAN, 1, 0, 1 };
  g_autoptr(LbCvSplitter) one = lb_cv_splitter_new_kfold (1, FALSE, 0);
  g_autoptr(LbCvSplitter) ten = lb_cv_splitter_new_kfold (10, FALSE, 0);
  g_autoptr(LbCvSplitter) strat = lb_cv_splitter_new_stratified_kfold (4, FALSE, 0);
  g_autoptr(LbCvSplitter) strat2 = lb_cv_splitter_new_stratified_kfold (2, FALSE, 0);
  g_autoptr(LbCvSplitter) ss = lb_cv_splitter_new_shuffle_split (3, 1.5, 0);
  g_autoptr(GError) error = NULL;

  g_assert_null (lb_cv_splitter_split (one, 6, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);
  g_assert_null (lb_cv_splitter_split (ten, 7, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_assert_nonnull (strstr (error->message, "10 folds from 7 rows"));
  g_clear_error (&error);
  /* every class (3 members each) smaller than 4 folds */
  g_assert_null (lb_cv_splitter_split (strat, 6, y, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);
  g_assert_null (lb_cv_splitter_split (strat2, 6, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (lb_cv_splitter_split (strat2, 6, y_nan, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "row 2"));
  g_clear_error (&error);
  g_assert_null (lb_cv_splitter_split (ss, 6, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);
  g_assert_null (lb_cv_splitter_fold_ids (ss, 6, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED);
}

/* ShuffleSplit(5, test_size=0.25) on 10 rows: 3 test rows each (ceil 2.5),
 * train = the other 7; StratifiedShuffleSplit keeps the class balance. */
static void
test_shuffle_split (void)
{
  static const double y[] = { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
  g_autoptr(LbCvSplitter) ss = lb_cv_splitter_new_shuffle_split (5, 0.25, 3);
  g_autoptr(LbCvSplitter) sss = lb_cv_splitter_new_stratified_shuffle_split (4, 0.5, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = lb_cv_splitter_split (ss, 10, NULL, &error);
  g_autoptr(GPtrArray) b = lb_cv_splitter_split (ss, 10, NULL, &error);
  g_autoptr(GPtrArray) c = NULL;
  gboolean all_same = TRUE;

  g_assert_no_error (error);
  g_assert_cmpuint (a->len, ==, 5);
  for (guint s = 0; s < 5; s++)
    {
      LbSplit *sa = g_ptr_array_index (a, s), *sb = g_ptr_array_index (b, s);

      g_assert_cmpuint (lb_split_get_n_test (sa), ==, 3);
      g_assert_cmpuint (lb_split_get_n_train (sa), ==, 7);
      g_assert_cmpmem (lb_split_get_test (sa, NULL), 3 * sizeof (guint),
                       lb_split_get_test (sb, NULL), 3 * sizeof (guint));
      if (s > 0 && memcmp (lb_split_get_test (sa, NULL),
                           lb_split_get_test (g_ptr_array_index (a, 0), NULL), 3 * sizeof (guint)) != 0)
        all_same = FALSE;
    }
  g_assert_false (all_same);

  /* 6 of class 0, 14 of class 1, half to test: 3 + 7 in each part */
  c = lb_cv_splitter_split (sss, 20, y, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < 4; s++)
    {
      gsize n_test, zeros = 0;
      const guint *test = lb_split_get_test (g_ptr_array_index (c, s), &n_test);

      g_assert_cmpuint (n_test, ==, 10);
      for (gsize i = 0; i < n_test; i++)
        zeros += y[test[i]] == 0;
      g_assert_cmpuint (zeros, ==, 3);
    }
}

static void
test_predefined_and_given (void)
{
  static const gint32 ids[] = { 1, -1, 0, 1, 0, 2, -1 };
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_predefined (ids, 7);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) splits = lb_cv_splitter_split (cv, 7, NULL, &error);
  g_autoptr(LbCvSplitter) given = NULL;
  g_autoptr(GPtrArray) again = NULL;
  static const guint train1[] = { 1, 2, 4, 5, 6 };

  g_assert_no_error (error);
  g_assert_cmpuint (splits->len, ==, 3);
  g_assert_cmpmem (lb_split_get_train (g_ptr_array_index (splits, 1), NULL), sizeof train1,
                   train1, sizeof train1);
  g_assert_null (lb_cv_splitter_split (cv, 8, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  given = lb_cv_splitter_new_given (splits);
  g_assert_cmpuint (lb_cv_splitter_get_n_splits (given), ==, 3);
  again = lb_cv_splitter_split (given, 7, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_index (again, 2) == g_ptr_array_index (splits, 2));
  g_assert_null (lb_cv_splitter_split (given, 5, NULL, &error));   /* row 6 out of range */
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
}

static void
test_to_string (void)
{
  g_autoptr(LbCvSplitter) a = lb_cv_splitter_new_stratified_kfold (3, FALSE, 0);
  g_autoptr(LbCvSplitter) b = lb_cv_splitter_new_default (10, NULL);
  g_autofree char *sa = lb_cv_splitter_to_string (a);
  g_autofree char *sb = lb_cv_splitter_to_string (b);

  g_assert_cmpstr (sa, ==, "StratifiedKFold(n_splits=3, shuffle=False)");
  g_assert_cmpstr (sb, ==, "KFold(n_splits=10, shuffle=False)");
  g_assert_true (lb_cv_splitter_needs_labels (a));
  g_assert_false (lb_cv_splitter_needs_labels (b));
}

/* --- Fashion-MNIST reference folds --- */

static guint8 *
read_fmnist_labels (gsize *n)
{
  g_autofree char *path = g_build_filename (LB_FASHION_MNIST_DIR, "train-labels-idx1-ubyte.gz", NULL);
  guint8 header[8];
  guint8 *labels;
  gzFile f;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Fashion-MNIST is absent: install the Debian package dataset-fashion-mnist");
      return NULL;
    }
  f = gzopen (path, "rb");
  g_assert_nonnull (f);
  g_assert_cmpint (gzread (f, header, 8), ==, 8);
  *n = ((gsize) header[4] << 24) | ((gsize) header[5] << 16) | ((gsize) header[6] << 8) | header[7];
  g_assert_cmpuint (*n, ==, 60000);
  labels = g_malloc (*n);
  g_assert_cmpint (gzread (f, labels, (unsigned) *n), ==, (int) *n);
  gzclose (f);
  return labels;
}

static gint32 *
read_fold_file (const char *relative,
                gsize       n)
{
  g_autofree char *path = lb_test_reference_file (relative);
  g_autofree char *text = NULL;
  g_autoptr(GArray) ids = NULL;
  gint32 *out;

  if (path == NULL)
    return NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  ids = lb_split_parse_indices (text, relative, NULL);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, n);
  out = g_new (gint32, n);
  for (gsize i = 0; i < n; i++)
    out[i] = (gint32) g_array_index (ids, guint, i);
  return out;
}

static void
check_reference_folds (const char *relative,
                       gsize       n,
                       gboolean    binary0)
{
  gsize n_all = 0;
  g_autofree guint8 *labels = read_fmnist_labels (&n_all);
  g_autofree gint32 *expected = NULL;
  g_autofree double *y = NULL;
  g_autofree gint32 *fold = NULL;
  g_autofree gint32 *via_splits = NULL;
  g_autoptr(LbCvSplitter) cv = lb_cv_splitter_new_stratified_kfold (3, FALSE, 0);
  g_autoptr(GPtrArray) splits = NULL;
  g_autoptr(GError) error = NULL;

  if (labels == NULL || (expected = read_fold_file (relative, n)) == NULL)
    return;
  y = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    y[i] = binary0 ? (labels[i] == 0) : labels[i];
  fold = lb_cv_splitter_fold_ids (cv, n, y, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (fold, n * sizeof (gint32), expected, n * sizeof (gint32));
  splits = lb_cv_splitter_split (cv, n, y, &error);
  g_assert_no_error (error);
  via_splits = fold_ids_from_splits (splits, n);
  g_assert_cmpmem (via_splits, n * sizeof (gint32), expected, n * sizeof (gint32));
}

static void
test_fmnist_binary0 (void)
{
  check_reference_folds ("splits/fmnist_binary0_cv3_fold.txt", 60000, TRUE);
}

static void
test_fmnist_multiclass (void)
{
  check_reference_folds ("splits/fmnist_first10k_multiclass_cv3_fold.txt", 10000, FALSE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/engine/CvSplitter/kfold", test_kfold);
  g_test_add_func ("/learnbench/engine/CvSplitter/kfold-shuffled", test_kfold_shuffled);
  g_test_add_func ("/learnbench/engine/CvSplitter/stratified-small", test_stratified_small);
  g_test_add_func ("/learnbench/engine/CvSplitter/errors", test_errors);
  g_test_add_func ("/learnbench/engine/CvSplitter/shuffle-split", test_shuffle_split);
  g_test_add_func ("/learnbench/engine/CvSplitter/predefined-and-given", test_predefined_and_given);
  g_test_add_func ("/learnbench/engine/CvSplitter/to-string", test_to_string);
  g_test_add_func ("/learnbench/engine/CvSplitter/fmnist-binary0", test_fmnist_binary0);
  g_test_add_func ("/learnbench/engine/CvSplitter/fmnist-multiclass", test_fmnist_multiclass);

  return g_test_run ();
}
