/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-profile.c: describe(), quantiles, value counts, correlations, info()
 * and the row sample: closed-form answers on small tables, and pandas 1.5.3's
 * own numbers on housing.csv (sources given beside each table of numbers).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lb-csv-reader.h"
#include "lb-data-error.h"
#include "lb-profile.h"
#include "lb-rng.h"
#include "lb-test-util.h"

/* |a - b| <= rel * |b| (with NaN == NaN) */
static void
assert_close (double a, double b, double rel, const char *what)
{
  if (isnan (b))
    {
      if (!isnan (a))
        g_error ("%s: got %.17g, expected NaN", what, a);
      return;
    }
  if (!(fabs (a - b) <= rel * fabs (b)))
    g_error ("%s: got %.17g, expected %.17g (relative tolerance %g)", what, a, b, rel);
}

static LbColumn *
numeric (const char *name, const double *values, gsize n)
{
  return lb_column_new_numeric (name, g_memdup2 (values, MAX (n, 1) * sizeof (double)), n);
}

static LbTable *
table_of (LbColumn *first, ...)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr(GError) error = NULL;
  LbTable *table;
  va_list ap;

  va_start (ap, first);
  for (LbColumn *c = first; c != NULL; c = va_arg (ap, LbColumn *))
    g_ptr_array_add (columns, c);
  va_end (ap);
  table = lb_table_new (columns, &error);
  g_assert_no_error (error);
  return table;
}

static LbTable *
load_housing (void)
{
  g_autofree char *path = lb_test_data_file ("housing/housing.csv");
  g_autoptr(GError) error = NULL;
  LbTable *table;

  if (path == NULL)
    return NULL;
  table = lb_csv_read_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_rows (table), ==, 20640);
  return table;
}

/* --- closed forms --- */

/* 1..n shuffled (and with NaNs between): numpy's linear quantile at q is
 * 1 + (n - 1) q exactly. n = 10 takes the small path, n = 100001 the
 * histogram path. */
static void
test_quantiles_of_range (void)
{
  static const gsize sizes[] = { 1, 2, 10, 4097, 100001 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gsize n = sizes[s], m = n + n / 3;
      g_autofree double *values = g_new (double, m);
      g_autofree guint *perm = g_new (guint, m);
      g_autoptr(LbColumn) column = NULL;
      LbNumericSummary d;
      LbRng rng;

      for (gsize i = 0; i < m; i++)
        perm[i] = i;
      lb_rng_init (&rng, n);
      lb_rng_shuffle (&rng, perm, m);
      for (gsize i = 0; i < m; i++)
        values[i] = perm[i] < n ? perm[i] + 1.0 : NAN;
      column = numeric ("x", values, m);

      g_assert_true (lb_column_describe (column, &d));
      g_assert_cmpuint (d.count, ==, n);
      g_assert_cmpfloat (d.min, ==, 1.0);
      g_assert_cmpfloat (d.max, ==, n);
      /* the mean of 1..n is (n + 1) / 2; the sum is exact in doubles here */
      g_assert_cmpfloat (d.mean, ==, (n + 1) / 2.0);
      /* sample variance of 1..n: n (n + 1) / 12; 1e-13 relative for rounding */
      if (n >= 2)
        assert_close (d.std, sqrt (n * (n + 1) / 12.0), 1e-13, "std of 1..n");
      else
        g_assert_true (isnan (d.std));
      /* quarters of n - 1 are exact binary fractions: exact equality */
      g_assert_cmpfloat (d.q25, ==, 1 + (n - 1) * 0.25);
      g_assert_cmpfloat (d.q50, ==, 1 + (n - 1) * 0.5);
      g_assert_cmpfloat (d.q75, ==, 1 + (n - 1) * 0.75);
      for (double q = 0.0; q <= 1.0; q += 0.0625)
        assert_close (lb_column_quantile (column, q), 1 + (n - 1) * q, 1e-15, "quantile of 1..n");
      /* a q whose position is not a binary fraction: 1e-12 relative */
      assert_close (lb_column_quantile (column, 0.123), 1 + (n - 1) * 0.123, 1e-12, "quantile 0.123");
    }
}

/* 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squared deviations 32, so the
 * sample std is sqrt (32 / 7); quartile positions 1.75, 3.5, 5.25 give
 * 4, 4.5, 5.5. */
static void
test_known_std (void)
{
  static const double values[] = { 9, 4, 2, 5, 4, NAN, 7, 4, 5 };
  g_autoptr(LbColumn) column = numeric ("v", values, G_N_ELEMENTS (values));
  LbNumericSummary d;

  g_assert_true (lb_column_describe (column, &d));
  g_assert_cmpuint (d.count, ==, 8);
  g_assert_cmpfloat (d.mean, ==, 5.0);
  assert_close (d.std, sqrt (32.0 / 7.0), 1e-15, "std");
  g_assert_cmpfloat (d.min, ==, 2.0);
  g_assert_cmpfloat (d.q25, ==, 4.0);
  g_assert_cmpfloat (d.q50, ==, 4.5);
  g_assert_cmpfloat (d.q75, ==, 5.5);
  g_assert_cmpfloat (d.max, ==, 9.0);
}

static void
test_missing_and_single (void)
{
  static const double none[] = { NAN, NAN, NAN };
  static const double one[] = { NAN, -3.5, NAN };
  g_autoptr(LbColumn) empty = numeric ("e", none, 3);
  g_autoptr(LbColumn) single = numeric ("s", one, 3);
  g_autoptr(LbColumn) text = lb_column_new_text ("t", g_new0 (char *, 2), 1);
  LbNumericSummary d;

  /* all missing: count 0, every statistic NaN (pandas gives NaN too) */
  g_assert_true (lb_column_describe (empty, &d));
  g_assert_cmpuint (d.count, ==, 0);
  g_assert_true (isnan (d.mean) && isnan (d.std) && isnan (d.min) && isnan (d.q25)
                 && isnan (d.q50) && isnan (d.q75) && isnan (d.max));
  g_assert_true (isnan (lb_column_quantile (empty, 0.5)));

  /* one value: std NaN (ddof = 1), everything else that value */
  g_assert_true (lb_column_describe (single, &d));
  g_assert_cmpuint (d.count, ==, 1);
  g_assert_cmpfloat (d.mean, ==, -3.5);
  g_assert_true (isnan (d.std));
  g_assert_cmpfloat (d.min, ==, -3.5);
  g_assert_cmpfloat (d.q25, ==, -3.5);
  g_assert_cmpfloat (d.q50, ==, -3.5);
  g_assert_cmpfloat (d.q75, ==, -3.5);
  g_assert_cmpfloat (d.max, ==, -3.5);

  /* not numeric: no summary */
  g_assert_false (lb_column_describe (text, &d));
}

/* Many equal values (the fallback path) and a wide outlier (a skewed
 * histogram): compared with a full sort and numpy's formula. */
static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
sorted_quantile (const double *sorted, gsize n, double q)
{
  double v = (n - 1) * q, a, b, t;
  gsize i = (gsize) floor (v);

  if (i >= n - 1)
    return sorted[n - 1];
  a = sorted[i];
  b = sorted[i + 1];
  t = v - i;
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

static void
test_against_sort (void)
{
  const gsize n = 200003;
  for (int kind = 0; kind < 4; kind++)
    {
      g_autofree double *values = g_new (double, n);
      g_autofree double *sorted = NULL;
      g_autoptr(LbColumn) column = NULL;
      LbNumericSummary d;
      gsize m = 0;
      LbRng rng;

      lb_rng_init (&rng, 100 + kind);
      for (gsize i = 0; i < n; i++)
        {
          double u = lb_rng_uniform (&rng);

          switch (kind)
            {
            case 0: values[i] = lb_rng_normal (&rng); break;              /* smooth */
            case 1: values[i] = floor (u * 5);  break;                     /* 5 distinct values */
            case 2: values[i] = i == 7 ? 1e300 : exp (10 * u); break;      /* one huge outlier */
            default: values[i] = u < 0.1 ? NAN : (u < 0.2 ? -INFINITY : u); /* -inf and NaN */
            }
        }
      column = numeric ("x", values, n);
      sorted = g_new (double, n);
      for (gsize i = 0; i < n; i++)
        if (!isnan (values[i]))
          sorted[m++] = values[i];
      qsort (sorted, m, sizeof (double), cmp_double);

      g_assert_true (lb_column_describe (column, &d));
      g_assert_cmpuint (d.count, ==, m);
      g_assert_cmpfloat (d.min, ==, sorted[0]);
      g_assert_cmpfloat (d.max, ==, sorted[m - 1]);
      /* the same order statistics and the same formula: bit-identical */
      g_assert_cmpfloat (d.q25, ==, sorted_quantile (sorted, m, 0.25));
      g_assert_cmpfloat (d.q50, ==, sorted_quantile (sorted, m, 0.5));
      g_assert_cmpfloat (d.q75, ==, sorted_quantile (sorted, m, 0.75));
      g_assert_cmpfloat (lb_column_quantile (column, 0.9), ==, sorted_quantile (sorted, m, 0.9));
    }
}

/* --- housing.csv against pandas 1.5.3 --- */

/* pandas 1.5.3 df.describe() on housing.csv, copied from
 * ../shared/reference/reference-results.jsonl (metric "describe_20640_rows").
 * Columns: count, mean, std, min, 25%, 50%, 75%, max. */
static const struct
{
  const char *name;
  double      v[8];
} housing_describe[] = {
  { "longitude", { 20640.0, -119.56970445736432, 2.0035317235025882, -124.35, -121.8, -118.49, -118.01, -114.31 } },
  { "latitude", { 20640.0, 35.63186143410853, 2.1359523974571153, 32.54, 33.93, 34.26, 37.71, 41.95 } },
  { "housing_median_age", { 20640.0, 28.639486434108527, 12.58555761211165, 1.0, 18.0, 29.0, 37.0, 52.0 } },
  { "total_rooms", { 20640.0, 2635.7630813953488, 2181.615251582795, 2.0, 1447.75, 2127.0, 3148.0, 39320.0 } },
  { "total_bedrooms", { 20433.0, 537.8705525375618, 421.3850700740323, 1.0, 296.0, 435.0, 647.0, 6445.0 } },
  { "population", { 20640.0, 1425.4767441860465, 1132.462121765341, 3.0, 787.0, 1166.0, 1725.0, 35682.0 } },
  { "households", { 20640.0, 499.5396802325581, 382.32975283161073, 1.0, 280.0, 409.0, 605.0, 6082.0 } },
  { "median_income", { 20640.0, 3.8706710029069766, 1.8998217179452688, 0.4999, 2.5633999999999997, 3.5347999999999997, 4.74325, 15.0001 } },
  { "median_house_value", { 20640.0, 206855.81690891474, 115395.61587441387, 14999.0, 119600.0, 179700.0, 264725.0, 500001.0 } },
};

static void
check_summary (const LbNumericSummary *d, guint k)
{
  const double *e = housing_describe[k].v;
  const char *name = housing_describe[k].name;
  g_autofree char *what = NULL;

  g_assert_cmpfloat (d->count, ==, e[0]);
  /* the issue asks for 1e-12 relative agreement with pandas */
  what = g_strdup_printf ("%s mean", name);
  assert_close (d->mean, e[1], 1e-12, what);
  g_free (what);
  what = g_strdup_printf ("%s std", name);
  assert_close (d->std, e[2], 1e-12, what);
  g_free (what);
  what = g_strdup_printf ("%s min/quartiles/max", name);
  assert_close (d->min, e[3], 1e-12, what);
  assert_close (d->q25, e[4], 1e-12, what);
  assert_close (d->q50, e[5], 1e-12, what);
  assert_close (d->q75, e[6], 1e-12, what);
  assert_close (d->max, e[7], 1e-12, what);
}

static void
test_housing_describe (void)
{
  g_autoptr(LbTable) table = load_housing ();

  if (table == NULL)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (housing_describe); k++)
    {
      LbColumn *column = lb_table_get_column_by_name (table, housing_describe[k].name);
      LbNumericSummary d;

      g_assert_nonnull (column);
      g_assert_true (lb_column_describe (column, &d));
      check_summary (&d, k);
    }
}

/* pandas 1.5.3 on housing.csv, produced with:
 *   /usr/bin/python3 -c "import pandas as pd; df = pd.read_csv('housing.csv');
 *     c = df.corr(numeric_only=True); [print(', '.join(repr(float(v)) for v in r) + ',')
 *     for r in c.values]"
 * Column order: the nine numeric columns as in the file. */
static const double housing_corr[9][9] = {
  { 1.0, -0.9246644339150368, -0.10819681311244447, 0.044567977716652225, 0.06960802175408133, 0.09977322287464555, 0.055310092782393315, -0.015175865414177295, -0.0459666151179817, },
  { -0.9246644339150368, 1.0, 0.011172673530611294, -0.03609959585612548, -0.06698283471949555, -0.10878474737766855, -0.07103543319190864, -0.0798091274597217, -0.1441602768746574, },
  { -0.10819681311244447, 0.011172673530611294, 1.0, -0.3612622012223127, -0.32045104175060396, -0.29624423977353637, -0.3029160093572136, -0.11903398993785673, 0.10562341249321065, },
  { 0.044567977716652225, -0.03609959585612548, -0.3612622012223127, 1.0, 0.9303795046865031, 0.8571259728659829, 0.9184844926543111, 0.1980496450846092, 0.1341531138065627, },
  { 0.06960802175408133, -0.06698283471949555, -0.32045104175060396, 0.9303795046865031, 1.0, 0.8777467431529311, 0.9797282708045709, -0.007722849511009086, 0.0496861802473462, },
  { 0.09977322287464555, -0.10878474737766855, -0.29624423977353637, 0.8571259728659829, 0.8777467431529311, 1.0, 0.9072222660959659, 0.004834345627653126, -0.024649678888894865, },
  { 0.055310092782393315, -0.07103543319190864, -0.3029160093572136, 0.9184844926543111, 0.9797282708045709, 0.9072222660959659, 1.0, 0.013033052400705658, 0.0658426505700564, },
  { -0.015175865414177295, -0.0798091274597217, -0.11903398993785673, 0.1980496450846092, -0.007722849511009086, 0.004834345627653126, 0.013033052400705658, 1.0, 0.6880752079585577, },
  { -0.0459666151179817, -0.1441602768746574, 0.10562341249321065, 0.1341531138065627, 0.0496861802473462, -0.024649678888894865, 0.0658426505700564, 0.6880752079585577, 1.0, },
};

static void
test_housing_correlation (void)
{
  g_autoptr(LbTable) table = load_housing ();
  g_autoptr(GArray) numeric_columns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *r = NULL;

  if (table == NULL)
    return;
  numeric_columns = lb_table_dup_numeric_columns (table);
  g_assert_cmpuint (numeric_columns->len, ==, 9);
  r = lb_table_correlation (table, (const guint *) (void *) numeric_columns->data, 9, NULL, &error);
  g_assert_no_error (error);
  /* pandas updates the sums row by row (Welford), we centre in a second
   * pass: the two roundings differ by a few ulps of the centred sums, so
   * 1e-12 absolute on values in [-1, 1] */
  for (int a = 0; a < 9; a++)
    for (int b = 0; b < 9; b++)
      g_assert_cmpfloat_with_epsilon (r[a * 9 + b], housing_corr[a][b], 1e-12);
}

static void
test_housing_value_counts (void)
{
  g_autoptr(LbTable) table = load_housing ();
  g_autoptr(LbValueCounts) counts = NULL;
  /* pandas 1.5.3: df['ocean_proximity'].value_counts().to_dict() (same
   * /usr/bin/python3 session as above) */
  static const char *names[] = { "<1H OCEAN", "INLAND", "NEAR OCEAN", "NEAR BAY", "ISLAND" };
  static const gsize expected[] = { 9136, 6551, 2658, 2290, 5 };

  if (table == NULL)
    return;
  counts = lb_column_value_counts (lb_table_get_column_by_name (table, "ocean_proximity"));
  g_assert_nonnull (counts);
  g_assert_cmpuint (counts->n_values, ==, 5);
  for (int k = 0; k < 5; k++)
    {
      g_assert_cmpstr (counts->values[k], ==, names[k]);
      g_assert_cmpuint (counts->counts[k], ==, expected[k]);
    }
}

static void
test_housing_info_and_profile (void)
{
  g_autoptr(LbTable) table = load_housing ();
  g_autoptr(GArray) info = NULL;
  g_autoptr(LbProfile) profile = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  if (table == NULL)
    return;
  info = lb_table_info (table);
  g_assert_cmpuint (info->len, ==, 10);
  for (guint c = 0; c < info->len; c++)
    {
      LbColumnInfo *ci = &g_array_index (info, LbColumnInfo, c);
      LbColumn *column = lb_table_get_column (table, c);

      g_assert_cmpstr (ci->name, ==, lb_column_get_name (column));
      g_assert_cmpuint (ci->memory, ==, lb_column_get_memory_size (column));
      /* pandas' info(): 20433 non-null total_bedrooms, 20640 elsewhere */
      g_assert_cmpuint (ci->non_null, ==, strcmp (ci->name, "total_bedrooms") == 0 ? 20433 : 20640);
      if (c < 9)
        {
          g_assert_cmpint (ci->kind, ==, LB_COLUMN_NUMERIC);
          g_assert_cmpuint (ci->memory, >=, 20640 * sizeof (double));
        }
      else
        g_assert_cmpint (ci->kind, !=, LB_COLUMN_NUMERIC);
    }

  profile = lb_profile_compute (table, NULL, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < 9; k++)
    {
      g_assert_null (profile->counts[k]);
      check_summary (&profile->summaries[k], k);
    }
  g_assert_nonnull (profile->counts[9]);
  g_assert_cmpuint (profile->counts[9]->counts[0], ==, 9136);
  g_assert_cmpuint (profile->info->len, ==, 10);

  g_cancellable_cancel (cancelled);
  g_assert_null (lb_profile_compute (table, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (lb_table_correlation (table, (const guint[]) { 0, 1 }, 2, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* --- small tables --- */

/* ties keep the order of first appearance; missing values are not counted */
static void
test_value_counts_ties (void)
{
  char **text = g_new0 (char *, 8);
  gint32 *codes = g_new (gint32, 7);
  g_autoptr(LbColumn) t = NULL;
  g_autoptr(LbColumn) c = NULL;
  g_autoptr(LbValueCounts) tc = NULL;
  g_autoptr(LbValueCounts) cc = NULL;
  static const char *raw[] = { "b", "a", NULL, "b", "c", "a", "d" };
  static const gint32 raw_codes[] = { 2, 0, -1, 0, 2, 1, 2 };
  char **categories = g_strsplit ("x,y,z,never", ",", -1);

  for (int i = 0; i < 7; i++)
    text[i] = g_strdup (raw[i]);
  memcpy (codes, raw_codes, sizeof raw_codes);
  t = lb_column_new_text ("t", text, 7);
  c = lb_column_new_categorical ("c", codes, 7, categories);

  tc = lb_column_value_counts (t);
  g_assert_cmpuint (tc->n_values, ==, 4);
  g_assert_cmpstr (tc->values[0], ==, "b");
  g_assert_cmpstr (tc->values[1], ==, "a");
  g_assert_cmpstr (tc->values[2], ==, "c");
  g_assert_cmpstr (tc->values[3], ==, "d");
  g_assert_cmpuint (tc->counts[0], ==, 2);
  g_assert_cmpuint (tc->counts[1], ==, 2);
  g_assert_cmpuint (tc->counts[2], ==, 1);

  /* z: 3; x: 2; y: 1; "never" has no row and is left out */
  cc = lb_column_value_counts (c);
  g_assert_cmpuint (cc->n_values, ==, 3);
  g_assert_cmpstr (cc->values[0], ==, "z");
  g_assert_cmpstr (cc->values[1], ==, "x");
  g_assert_cmpstr (cc->values[2], ==, "y");
  g_assert_cmpuint (cc->counts[0], ==, 3);
  g_assert_cmpuint (cc->counts[1], ==, 2);
  g_assert_cmpuint (cc->counts[2], ==, 1);
}

/* pairwise-complete Pearson r, closed forms:
 *   x = 1, 2, 3 and y = 1, 3, 2: centred sums sxy = 1, sxx = syy = 2, r = 0.5;
 *   rows with a NaN in either column are dropped for that pair only. */
static void
test_correlation_closed_form (void)
{
  static const double x[] = { 1, 2, 3, NAN, 10 };
  static const double y[] = { 1, 3, 2, 5, NAN };
  static const double z[] = { 2, 4, 6, 8, 20 };   /* 2x where x exists */
  static const double k[] = { 7, 7, 7, 7, 7 };    /* constant: no correlation */
  static const double w[] = { NAN, NAN, 1, NAN, NAN };
  g_autoptr(LbTable) table = table_of (numeric ("x", x, 5), numeric ("y", y, 5),
                                       numeric ("z", z, 5), numeric ("k", k, 5),
                                       numeric ("w", w, 5), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree double *r = lb_table_correlation (table, (const guint[]) { 0, 1, 2, 3, 4 }, 5, NULL, &error);
  double ryz;

  g_assert_no_error (error);
  /* 1e-15: a handful of exact operations and one sqrt */
  g_assert_cmpfloat_with_epsilon (r[0 * 5 + 1], 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (r[1 * 5 + 0], 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (r[0 * 5 + 2], 1.0, 1e-15);
  g_assert_cmpfloat (r[0], ==, 1.0);
  /* y and z over rows 0..3: y = 1 3 2 5, z = 2 4 6 8: sxy = 11, syy = 8.75,
   * szz = 20: r = 11 / sqrt (175) */
  ryz = 11.0 / sqrt (175.0);
  g_assert_cmpfloat_with_epsilon (r[1 * 5 + 2], ryz, 1e-15);
  for (int i = 0; i < 5; i++)
    {
      g_assert_true (isnan (r[3 * 5 + i]));  /* zero variance */
      g_assert_true (isnan (r[4 * 5 + i]));  /* fewer than 2 pairs */
    }

  /* a non-numeric column is an error */
  {
    g_autoptr(LbTable) t2 = table_of (numeric ("x", x, 5),
                                      lb_column_new_text ("s", g_new0 (char *, 6), 5), NULL);
    g_assert_null (lb_table_correlation (t2, (const guint[]) { 0, 1 }, 2, NULL, &error));
    g_assert_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID);
  }
}

/* n distinct ascending rows; the same seed the same rows; each row chosen
 * with probability n / N: over 4000 seeds, row 0's frequency for 10 of 100
 * is 0.1 within 5 binomial standard errors (0.024) */
static void
test_sample_rows (void)
{
  g_autofree double *v = g_new0 (double, 100);
  g_autoptr(LbTable) table = table_of (numeric ("v", v, 100), NULL);
  g_autoptr(GArray) a = lb_table_sample_rows (table, 10, 1);
  g_autoptr(GArray) b = lb_table_sample_rows (table, 10, 1);
  g_autoptr(GArray) c = lb_table_sample_rows (table, 10, 2);
  g_autoptr(GArray) all = lb_table_sample_rows (table, 1000, 1);
  int hits = 0;

  g_assert_cmpuint (a->len, ==, 10);
  for (guint i = 1; i < a->len; i++)
    g_assert_cmpuint (g_array_index (a, guint, i - 1), <, g_array_index (a, guint, i));
  g_assert_cmpmem (a->data, a->len * sizeof (guint), b->data, b->len * sizeof (guint));
  g_assert_false (memcmp (a->data, c->data, 10 * sizeof (guint)) == 0);
  g_assert_cmpuint (all->len, ==, 100);
  for (guint i = 0; i < 100; i++)
    g_assert_cmpuint (g_array_index (all, guint, i), ==, i);

  for (guint64 seed = 0; seed < 4000; seed++)
    {
      g_autoptr(GArray) s = lb_table_sample_rows (table, 10, seed);

      hits += g_array_index (s, guint, 0) == 0;
    }
  g_assert_cmpfloat_with_epsilon (hits / 4000.0, 0.1, 5 * sqrt (0.1 * 0.9 / 4000));
}

/* --- the figure the issue sets: 9 numeric columns x 1M rows --- */

static void
test_profile_million (void)
{
  const gsize n = 1000000;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr(LbTable) table = NULL;
  g_autoptr(LbProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0, best = G_MAXINT64;
  LbRng rng;

  lb_rng_init (&rng, 9);
  for (int c = 0; c < 9; c++)
    {
      double *v = g_new (double, n);
      g_autofree char *name = g_strdup_printf ("c%d", c);

      for (gsize i = 0; i < n; i++)
        v[i] = c % 3 == 0 ? floor (lb_rng_uniform (&rng) * 50) : exp (lb_rng_normal (&rng)) * 1000;
      g_ptr_array_add (columns, lb_column_new_numeric (name, v, n));
    }
  table = lb_table_new (columns, &error);
  g_assert_no_error (error);
  for (int run = 0; run < 5; run++)
    {
      g_clear_pointer (&profile, lb_profile_free);
      t0 = g_get_monotonic_time ();
      profile = lb_profile_compute (table, NULL, &error);
      best = MIN (best, g_get_monotonic_time () - t0);
      g_assert_no_error (error);
    }
  g_test_message ("profile of 9 numeric columns x 1M rows: best of 5 %.1f ms", best / 1000.0);
  g_test_minimized_result (best / 1e6, "profile 9 x 1M: %.4f s", best / 1e6);
  for (int c = 0; c < 9; c++)
    {
      LbNumericSummary d;

      lb_column_describe (lb_table_get_column (table, c), &d);
      g_assert_cmpmem (&d, sizeof d, &profile->summaries[c], sizeof d);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/data/LbProfile/quantiles-of-range", test_quantiles_of_range);
  g_test_add_func ("/learnbench/data/LbProfile/known-std", test_known_std);
  g_test_add_func ("/learnbench/data/LbProfile/missing-and-single", test_missing_and_single);
  g_test_add_func ("/learnbench/data/LbProfile/against-sort", test_against_sort);
  g_test_add_func ("/learnbench/data/LbProfile/housing-describe", test_housing_describe);
  g_test_add_func ("/learnbench/data/LbProfile/housing-correlation", test_housing_correlation);
  g_test_add_func ("/learnbench/data/LbProfile/housing-value-counts", test_housing_value_counts);
  g_test_add_func ("/learnbench/data/LbProfile/housing-info-and-profile", test_housing_info_and_profile);
  g_test_add_func ("/learnbench/data/LbProfile/value-counts-ties", test_value_counts_ties);
  g_test_add_func ("/learnbench/data/LbProfile/correlation-closed-form", test_correlation_closed_form);
  g_test_add_func ("/learnbench/data/LbProfile/sample-rows", test_sample_rows);
  g_test_add_func ("/learnbench/data/LbProfile/profile-million", test_profile_million);
  return g_test_run ();
}
