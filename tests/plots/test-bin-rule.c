/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-bin-rule.c: the histogram bin rules and the counts behind the bars,
 * checked bin for bin against numpy.histogram (numpy 1.24.2, Debian 12) on a
 * fixture and, when present, on the book's housing.csv.
 */
#include "config.h"

#include "lb-plot-test-util.h"
#include "lb-chart-private.h"  /* LbHistogramData: the counts behind the bars */

/* --- bin rules --- */

static void
test_bin_rules (void)
{
  double v[200], w[] = { 0.1, 0.2, 0.2, 0.3, 0.7, NAN };

  for (guint i = 0; i < 200; i++)
    v[i] = ((i * 37) % 101) / 7.0 + (i % 5) * (i % 5);

  /* numpy 1.24.2: len (np.histogram_bin_edges (v, bins=RULE)) - 1; exact integers */
  g_assert_cmpuint (lb_bin_rule_count_bins (LB_BIN_RULE_STURGES, v, 200, 0), ==, 9);
  g_assert_cmpuint (lb_bin_rule_count_bins (LB_BIN_RULE_SCOTT, v, 200, 0), ==, 7);
  g_assert_cmpuint (lb_bin_rule_count_bins (LB_BIN_RULE_FREEDMAN_DIACONIS, v, 200, 0), ==, 9);
  g_assert_cmpuint (lb_bin_rule_count_bins (LB_BIN_RULE_SQRT, v, 200, 0), ==, 15);
  /* the NaN is ignored, as np.histogram on the finite values */
  g_assert_cmpuint (lb_bin_rule_count_bins (LB_BIN_RULE_STURGES, w, 6, 0), ==, 4);
  g_assert_cmpuint (lb_bin_rule_count_bins (LB_BIN_RULE_SCOTT, w, 6, 0), ==, 2);
  g_assert_cmpuint (lb_bin_rule_count_bins (LB_BIN_RULE_FREEDMAN_DIACONIS, w, 6, 0), ==, 6);
  g_assert_cmpuint (lb_bin_rule_count_bins (LB_BIN_RULE_SQRT, w, 6, 0), ==, 3);
  g_assert_cmpuint (lb_bin_rule_count_bins (LB_BIN_RULE_FIXED, w, 6, 0), ==, 50);
  g_assert_cmpuint (lb_bin_rule_count_bins (LB_BIN_RULE_FIXED, w, 6, 12), ==, 12);

  {
    LbBinRule rule = LB_BIN_RULE_FIXED;
    g_assert_true (lb_bin_rule_from_string ("fd", &rule));
    g_assert_cmpint (rule, ==, LB_BIN_RULE_FREEDMAN_DIACONIS);
    g_assert_true (lb_bin_rule_from_string ("Sturges", &rule));
    g_assert_cmpint (rule, ==, LB_BIN_RULE_STURGES);
    g_assert_false (lb_bin_rule_from_string ("golden", &rule));
  }
}

/* The counts behind the bars equal numpy.histogram's, bin for bin (exact
 * integers; numpy 1.24.2 / pandas 1.5.3 as in Debian 12). */
static void
check_counts (LbTable     *table,
              const char  *column,
              LbBinRule    rule,
              guint        n_bins,
              const gsize *expected,
              guint        n_expected)
{
  LbHistogramData data;
  g_autoptr (GError) error = NULL;

  g_assert_true (lb_histogram_data_init (&data, lb_table_get_column_by_name (table, column),
                                         rule, n_bins, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data.n_bins, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (data.counts[i], ==, expected[i]);
  lb_histogram_data_clear (&data);
}

static void
test_histogram_counts_numpy (void)
{
  double v[200];
  g_autoptr (LbTable) fixture = NULL;
  g_autofree char *path = NULL;
  g_autoptr (LbTable) housing = NULL;
  g_autoptr (GError) error = NULL;
  /* np.histogram (v, bins=7) */
  static const gsize v7[] = { 21, 35, 50, 37, 24, 20, 13 };
  /* np.histogram (housing.median_income, bins=50) */
  static const gsize income50[] = {
    50, 163, 347, 675, 1012, 1341, 1363, 1592, 1524, 1616, 1513, 1259, 1401, 990, 935, 812,
    715, 582, 398, 483, 310, 280, 168, 147, 155, 137, 109, 86, 60, 36, 28, 23, 33, 58, 36,
    35, 27, 10, 14, 7, 12, 10, 7, 8, 10, 4, 2, 3, 2, 52,
  };
  /* np.histogram (housing.housing_median_age, bins="sturges") */
  static const gsize age_sturges[] = {
    315, 579, 675, 794, 1695, 2235, 1293, 1663, 1420, 1499, 2990, 1300, 968, 1003, 620, 1591,
  };

  for (guint i = 0; i < 200; i++)
    v[i] = ((i * 37) % 101) / 7.0 + (i % 5) * (i % 5);
  fixture = table_of (numeric_column ("v", v, 200), NULL);
  check_counts (fixture, "v", LB_BIN_RULE_FIXED, 7, v7, G_N_ELEMENTS (v7));

  path = lb_test_data_file ("housing/housing.csv");
  if (path == NULL)
    return;
  housing = lb_load_table (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  check_counts (housing, "median_income", LB_BIN_RULE_FIXED, 50, income50, G_N_ELEMENTS (income50));
  check_counts (housing, "housing_median_age", LB_BIN_RULE_STURGES, 0, age_sturges, G_N_ELEMENTS (age_sturges));
  /* np.histogram (housing.total_bedrooms.dropna (), bins="fd"): 251 bins, 20433 values */
  {
    LbHistogramData data;
    gsize total = 0;
    static const gsize first[] = { 153, 149, 180, 183, 264, 359, 388, 569, 649, 784 };

    g_assert_true (lb_histogram_data_init (&data, lb_table_get_column_by_name (housing, "total_bedrooms"),
                                           LB_BIN_RULE_FREEDMAN_DIACONIS, 0, NULL));
    g_assert_cmpuint (data.n_bins, ==, 251);
    for (guint i = 0; i < data.n_bins; i++)
      total += data.counts[i];
    g_assert_cmpuint (total, ==, 20433);
    g_assert_cmpuint (data.n_values, ==, 20433);
    for (guint i = 0; i < G_N_ELEMENTS (first); i++)
      g_assert_cmpuint (data.counts[i], ==, first[i]);
    g_assert_cmpuint (data.counts[250], ==, 1);
    lb_histogram_data_clear (&data);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/plots/BinRule/count-bins", test_bin_rules);
  g_test_add_func ("/learnbench/plots/BinRule/counts-like-numpy", test_histogram_counts_numpy);

  return g_test_run ();
}
