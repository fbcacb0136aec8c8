/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-split.c: LbSplit and the book's train/test splits against scikit-learn
 * 1.2.1 / pandas 1.5.3. Reference numbers from
 * tests/engine/reference/select-splits.py (run with /usr/bin/python3); sizes,
 * counts and indices are integers, so every check is exact.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lb-engine.h"
#include "lb-split.h"
#include "lb-test-util.h"

/* Every row 0..n-1 exactly once over train + test. */
static void
assert_partition (const LbSplit *split,
                  gsize          n)
{
  g_autofree guint8 *seen = g_new0 (guint8, n);
  gsize n_train, n_test;
  const guint *train = lb_split_get_train (split, &n_train);
  const guint *test = lb_split_get_test (split, &n_test);

  g_assert_cmpuint (n_train + n_test, ==, n);
  for (gsize i = 0; i < n_train; i++)
    {
      g_assert_cmpuint (train[i], <, n);
      g_assert_false (seen[train[i]]);
      seen[train[i]] = 1;
    }
  for (gsize i = 0; i < n_test; i++)
    {
      g_assert_cmpuint (test[i], <, n);
      g_assert_false (seen[test[i]]);
      seen[test[i]] = 1;
    }
}

/* train_test_split(np.arange(n), test_size=ts, shuffle=False):
 * (10, 0.25) -> 7 / 3, first test row 7; (100, 17) -> 83 / 17; (7, 0.5) -> 3 / 4. */
static void
test_train_test_sizes (void)
{
  static const struct { gsize n; double ts; gsize n_train, n_test; } cases[] = {
    { 10, 0.25, 7, 3 }, { 100, 17, 83, 17 }, { 7, 0.5, 3, 4 }, { 20640, 0.2, 16512, 4128 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbSplit) split = lb_split_train_test (cases[c].n, cases[c].ts, FALSE, 0, &error);
      const guint *test;

      g_assert_no_error (error);
      g_assert_cmpuint (lb_split_get_n_train (split), ==, cases[c].n_train);
      g_assert_cmpuint (lb_split_get_n_test (split), ==, cases[c].n_test);
      test = lb_split_get_test (split, NULL);
      g_assert_cmpuint (test[0], ==, cases[c].n_train);   /* un-shuffled: the last rows test */
      assert_partition (split, cases[c].n);
    }
}

static void
test_train_test_shuffled (void)
{
  g_autoptr(LbSplit) a = lb_split_train_test (1000, 0.2, TRUE, 42, NULL);
  g_autoptr(LbSplit) b = lb_split_train_test (1000, 0.2, TRUE, 42, NULL);
  g_autoptr(LbSplit) c = lb_split_train_test (1000, 0.2, TRUE, 43, NULL);
  gsize in_order = 0;

  assert_partition (a, 1000);
  g_assert_cmpuint (lb_split_get_n_test (a), ==, 200);
  /* same seed, same rows; another seed, other rows */
  g_assert_cmpmem (lb_split_get_test (a, NULL), 200 * sizeof (guint),
                   lb_split_get_test (b, NULL), 200 * sizeof (guint));
  g_assert_true (memcmp (lb_split_get_test (a, NULL), lb_split_get_test (c, NULL),
                         200 * sizeof (guint)) != 0);
  /* shuffled: the test rows are not simply the last 200 */
  for (gsize i = 0; i < 200; i++)
    in_order += lb_split_get_test (a, NULL)[i] >= 800;
  g_assert_cmpuint (in_order, <, 100);
}

static void
test_train_test_errors (void)
{
  static const double bad[] = { 0.0, -0.1, 1.5, 10, 11, NAN };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbSplit) split = lb_split_train_test (10, bad[i], FALSE, 0, &error);

      g_assert_null (split);
      g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
      g_assert_nonnull (strstr (error->message, "test_size"));
    }
}

/* pd.cut([0, 0.5, 1.5, 1.5000001, 3.0, 6, 7, nan, -1], [0, 1.5, 3, 4.5, 6, inf],
 *        labels=False) -> [nan, 0, 0, 1, 1, 3, 4, nan, nan] */
static void
test_bin_values (void)
{
  static const double values[] = { 0, 0.5, 1.5, 1.5000001, 3.0, 6, 7, NAN, -1 };
  static const double edges[] = { 0, 1.5, 3, 4.5, 6, INFINITY };
  static const gint32 expected[] = { -1, 0, 0, 1, 1, 3, 4, -1, -1 };
  static const double bad_edges[] = { 0, 3, 3 };
  gint32 codes[G_N_ELEMENTS (values)];
  g_autoptr(GError) error = NULL;

  g_assert_true (lb_split_bin_values (values, G_N_ELEMENTS (values), edges, G_N_ELEMENTS (edges),
                                      codes, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (codes, sizeof codes, expected, sizeof expected);

  g_assert_false (lb_split_bin_values (values, 3, bad_edges, 3, codes, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
}

/* Per-stratum counts of train / test. */
static void
count_strata (const LbSplit *split,
              const gint32  *strata,
              guint          n_strata,
              gsize         *train_counts,
              gsize         *test_counts)
{
  gsize n_train, n_test;
  const guint *train = lb_split_get_train (split, &n_train);
  const guint *test = lb_split_get_test (split, &n_test);

  memset (train_counts, 0, n_strata * sizeof (gsize));
  memset (test_counts, 0, n_strata * sizeof (gsize));
  for (gsize i = 0; i < n_train; i++)
    train_counts[strata[train[i]]]++;
  for (gsize i = 0; i < n_test; i++)
    test_counts[strata[test[i]]]++;
}

/* _approximate_mode([5, 37, 12, 46], 70) = [4, 26, 8, 32]; of the remaining
 * [1, 11, 4, 14], 30 draws take them all. Rows of stratum s are interleaved. */
static void
test_stratified_counts (void)
{
  static const gsize sizes[] = { 5, 37, 12, 46 };
  static const gsize exp_train[] = { 4, 26, 8, 32 }, exp_test[] = { 1, 11, 4, 14 };
  gint32 strata[100];
  gsize train_counts[4], test_counts[4], k = 0;
  gsize left[4];

  memcpy (left, sizes, sizeof left);
  while (k < 100)
    for (guint s = 0; s < 4; s++)
      if (left[s] > 0)
        {
          left[s]--;
          strata[k++] = (gint32) s;
        }

  for (guint64 seed = 0; seed < 5; seed++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbSplit) split = lb_split_stratified_shuffle (strata, 100, 30, seed, &error);

      g_assert_no_error (error);
      assert_partition (split, 100);
      count_strata (split, strata, 4, train_counts, test_counts);
      g_assert_cmpmem (train_counts, sizeof train_counts, exp_train, sizeof exp_train);
      g_assert_cmpmem (test_counts, sizeof test_counts, exp_test, sizeof exp_test);
    }
}

static void
test_stratified_errors (void)
{
  static const gint32 lonely[] = { 0, 0, 0, 1, 0, 0 };
  static const gint32 missing[] = { 0, 0, -1, 1, 1, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LbSplit) split = lb_split_stratified_shuffle (lonely, 6, 2, 0, &error);

  g_assert_null (split);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  split = lb_split_stratified_shuffle (missing, 6, 2, 0, &error);
  g_assert_null (split);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "row 2"));
}

/* The book's split on housing: income_cat = pd.cut(median_income, [0, 1.5, 3,
 * 4.5, 6, inf]) has counts [822, 6581, 7236, 3639, 2362]; scikit-learn's
 * StratifiedShuffleSplit(test_size=0.2) takes [165, 1316, 1447, 728, 472] of
 * them for the test set — the reference test indices hold exactly those, and
 * so must our split (the rows differ: another RNG). */
static void
test_housing_income_cat (void)
{
  static const double edges[] = { 0, 1.5, 3.0, 4.5, 6, INFINITY };
  static const gsize exp_all[] = { 822, 6581, 7236, 3639, 2362 };
  static const gsize exp_test[] = { 165, 1316, 1447, 728, 472 };
  g_autofree char *path = lb_test_data_file ("housing/housing.csv");
  g_autofree char *train_idx = NULL, *test_idx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;
  g_autoptr(LbSplit) ours = NULL;
  g_autoptr(LbSplit) ref = NULL;
  g_autofree gint32 *codes = NULL;
  gsize all[5] = { 0 }, train_counts[5], test_counts[5];
  const double *income;
  gsize n;

  if (path == NULL)
    return;
  if ((train_idx = lb_test_reference_file ("splits/housing_train_idx.txt")) == NULL
      || (test_idx = lb_test_reference_file ("splits/housing_test_idx.txt")) == NULL)
    return;
  table = lb_load_table (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  n = lb_table_get_n_rows (table);
  g_assert_cmpuint (n, ==, 20640);
  income = lb_column_get_numeric (lb_table_get_column_by_name (table, "median_income"));
  codes = g_new (gint32, n);
  g_assert_true (lb_split_bin_values (income, n, edges, 6, codes, &error));
  for (gsize r = 0; r < n; r++)
    {
      g_assert_cmpint (codes[r], >=, 0);
      all[codes[r]]++;
    }
  g_assert_cmpmem (all, sizeof all, exp_all, sizeof exp_all);

  ref = lb_split_new_from_index_files (train_idx, test_idx, n, &error);
  g_assert_no_error (error);
  assert_partition (ref, n);
  g_assert_cmpuint (lb_split_get_train (ref, NULL)[0], ==, 12655);   /* file order kept */
  count_strata (ref, codes, 5, train_counts, test_counts);
  g_assert_cmpmem (test_counts, sizeof test_counts, exp_test, sizeof exp_test);

  ours = lb_split_stratified_by_bins (income, n, edges, 6, 0.2, 42, &error);
  g_assert_no_error (error);
  assert_partition (ours, n);
  count_strata (ours, codes, 5, train_counts, test_counts);
  g_assert_cmpmem (test_counts, sizeof test_counts, exp_test, sizeof exp_test);
}

/* zlib.crc32(np.int64(i)) & 0xffffffff < 0.2 * 2**32 over i = 0..20639:
 * 4128 test rows, the first 2, 5, 12, 16, 23, their sum 42595779;
 * crc32(np.int64(123456789012)) = 3509336801, crc32(np.int64(-5)) = 2769211878. */
static void
test_id_hash (void)
{
  static const guint first[] = { 2, 5, 12, 16, 23 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LbSplit) split = lb_split_id_hash (NULL, 20640, 0.2, &error);
  const guint *test;
  guint64 sum = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (lb_split_id_crc32 (G_GINT64_CONSTANT (123456789012)), ==, 3509336801u);
  g_assert_cmpuint (lb_split_id_crc32 (-5), ==, 2769211878u);
  assert_partition (split, 20640);
  g_assert_cmpuint (lb_split_get_n_test (split), ==, 4128);
  test = lb_split_get_test (split, NULL);
  g_assert_cmpmem (test, sizeof first, first, sizeof first);
  for (gsize i = 0; i < 4128; i++)
    sum += test[i];
  g_assert_cmpuint (sum, ==, 42595779);

  /* stable: the first 1000 rows get the same answer when more rows exist */
  {
    g_autoptr(LbSplit) small = lb_split_id_hash (NULL, 1000, 0.2, NULL);
    gsize n_small = lb_split_get_n_test (small);

    g_assert_cmpmem (lb_split_get_test (small, NULL), n_small * sizeof (guint),
                     test, n_small * sizeof (guint));
  }
}

/* Ids from a numeric column truncate toward zero like np.int64: 123456789012.7
 * -> crc 3509336801 (0.817 of 2^32, train at 0.7), -5.2 -> -5 -> 2769211878
 * (0.645, test). A missing id is an error naming the row. */
static void
test_id_hash_column (void)
{
  static const double ids[] = { 123456789012.7, -5.2 };
  static const double holes[] = { 1, NAN };
  g_autoptr(LbColumn) column = lb_column_new_numeric ("id", g_memdup2 (ids, sizeof ids), 2);
  g_autoptr(LbColumn) with_nan = lb_column_new_numeric ("id", g_memdup2 (holes, sizeof holes), 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbSplit) split = lb_split_id_hash_column (column, 0.7, &error);
  g_autoptr(LbSplit) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (lb_split_get_n_train (split), ==, 1);
  g_assert_cmpuint (lb_split_get_train (split, NULL)[0], ==, 0);
  g_assert_cmpuint (lb_split_get_test (split, NULL)[0], ==, 1);

  none = lb_split_id_hash_column (with_nan, 0.2, &error);
  g_assert_null (none);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "row 1"));
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_index_files (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("lb-split-XXXXXX", NULL);
  g_autofree char *train = NULL, *test = NULL, *bad = NULL, *dup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbSplit) split = NULL;
  static const guint exp_train[] = { 4, 0, 3 }, exp_test[] = { 2, 1 };

  g_assert_nonnull (tmpdir);
  train = write_temp (tmpdir, "train.txt", "4\n0\n\n3\n");
  test = write_temp (tmpdir, "test.txt", "2\r\n1");
  bad = write_temp (tmpdir, "bad.txt", "2\n1\nx7\n");
  dup = write_temp (tmpdir, "dup.txt", "2\n4\n");

  split = lb_split_new_from_index_files (train, test, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (lb_split_get_train (split, NULL), 3 * sizeof (guint), exp_train, sizeof exp_train);
  g_assert_cmpmem (lb_split_get_test (split, NULL), 2 * sizeof (guint), exp_test, sizeof exp_test);
  g_clear_pointer (&split, lb_split_unref);

  split = lb_split_new_from_index_files (train, bad, 5, &error);
  g_assert_null (split);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  split = lb_split_new_from_index_files (train, dup, 5, &error);   /* 4 in both */
  g_assert_null (split);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  split = lb_split_new_from_index_files (train, test, 4, &error);  /* row 4 of 4 */
  g_assert_null (split);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  split = lb_split_new_from_index_files (train, "/nonexistent/idx.txt", 5, &error);
  g_assert_null (split);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);

  g_unlink (train);
  g_unlink (test);
  g_unlink (bad);
  g_unlink (dup);
  g_rmdir (tmpdir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/engine/Split/train-test-sizes", test_train_test_sizes);
  g_test_add_func ("/learnbench/engine/Split/train-test-shuffled", test_train_test_shuffled);
  g_test_add_func ("/learnbench/engine/Split/train-test-errors", test_train_test_errors);
  g_test_add_func ("/learnbench/engine/Split/bin-values", test_bin_values);
  g_test_add_func ("/learnbench/engine/Split/stratified-counts", test_stratified_counts);
  g_test_add_func ("/learnbench/engine/Split/stratified-errors", test_stratified_errors);
  g_test_add_func ("/learnbench/engine/Split/housing-income-cat", test_housing_income_cat);
  g_test_add_func ("/learnbench/engine/Split/id-hash", test_id_hash);
  g_test_add_func ("/learnbench/engine/Split/id-hash-column", test_id_hash_column);
  g_test_add_func ("/learnbench/engine/Split/index-files", test_index_files);

  return g_test_run ();
}
