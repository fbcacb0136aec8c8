/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-generators.c: the synthetic data sets. Determinism (same seed, same
 * bits), different seeds differ, the exact geometry scikit-learn's
 * definitions imply when there is no noise, and statistical checks whose
 * tolerances are stated in standard errors. Also the samples list.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-data-error.h"
#include "lb-generators.h"
#include "lb-housing.h"
#include "lb-idx-reader.h"
#include "lb-test-util.h"

static const double *
col (LbTable *table, const char *name)
{
  LbColumn *column = lb_table_get_column_by_name (table, name);

  g_assert_nonnull (column);
  g_assert_cmpint (lb_column_get_kind (column), ==, LB_COLUMN_NUMERIC);
  return lb_column_get_numeric (column);
}

static const gint32 *
labels (LbTable *table)
{
  LbColumn *column = lb_table_get_column_by_name (table, "label");

  g_assert_nonnull (column);
  g_assert_cmpint (lb_column_get_kind (column), ==, LB_COLUMN_CATEGORICAL);
  return lb_column_get_codes (column);
}

/* every numeric column bit-identical */
static gboolean
tables_equal (LbTable *a, LbTable *b)
{
  if (lb_table_get_n_columns (a) != lb_table_get_n_columns (b)
      || lb_table_get_n_rows (a) != lb_table_get_n_rows (b))
    return FALSE;
  for (guint c = 0; c < lb_table_get_n_columns (a); c++)
    {
      LbColumn *x = lb_table_get_column (a, c), *y = lb_table_get_column (b, c);
      gsize n = lb_table_get_n_rows (a);

      if (lb_column_get_kind (x) == LB_COLUMN_NUMERIC)
        {
          if (memcmp (lb_column_get_numeric (x), lb_column_get_numeric (y), n * sizeof (double)) != 0)
            return FALSE;
        }
      else if (memcmp (lb_column_get_codes (x), lb_column_get_codes (y), n * sizeof (gint32)) != 0)
        return FALSE;
    }
  return TRUE;
}

typedef LbTable *(*Make) (guint64 seed);
static LbTable *make_linear (guint64 s) { return lb_generate_linear (200, s); }
static LbTable *make_quadratic (guint64 s) { return lb_generate_quadratic (200, s); }
static LbTable *make_moons (guint64 s) { return lb_generate_moons (200, 0.1, s); }
static LbTable *make_circles (guint64 s) { return lb_generate_circles (200, 0.1, 0.5, s); }
static LbTable *make_blobs (guint64 s) { return lb_generate_blobs (200, 3, 4, 1.0, s); }
static LbTable *make_roll (guint64 s) { return lb_generate_swiss_roll (200, 0.1, s); }

static void
test_determinism (void)
{
  Make makers[] = { make_linear, make_quadratic, make_moons, make_circles, make_blobs, make_roll };

  for (guint i = 0; i < G_N_ELEMENTS (makers); i++)
    {
      g_autoptr(LbTable) a = makers[i] (42);
      g_autoptr(LbTable) b = makers[i] (42);
      g_autoptr(LbTable) c = makers[i] (43);

      g_assert_true (tables_equal (a, b));
      g_assert_false (tables_equal (a, c));
    }
}

/* Ordinary least squares of y on x with its standard errors. */
static void
least_squares (const double *x, const double *y, gsize n,
               double *slope, double *intercept, double *se_slope, double *se_intercept)
{
  double mx = 0, my = 0, sxx = 0, sxy = 0, rss = 0, s2;

  for (gsize i = 0; i < n; i++)
    {
      mx += x[i];
      my += y[i];
    }
  mx /= n;
  my /= n;
  for (gsize i = 0; i < n; i++)
    {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
  *slope = sxy / sxx;
  *intercept = my - *slope * mx;
  for (gsize i = 0; i < n; i++)
    {
      double r = y[i] - *intercept - *slope * x[i];

      rss += r * r;
    }
  s2 = rss / (n - 2);
  *se_slope = sqrt (s2 / sxx);
  *se_intercept = sqrt (s2 * (1.0 / n + mx * mx / sxx));
}

/* y = 4 + 3x + N(0, 1), x ~ U(0, 2): least squares recovers 3 and 4 within 3
 * standard errors (n = 10000: about 0.035 and 0.04); residual variance 1
 * within 5 standard errors (sqrt (2 / n)); x in [0, 2). */
static void
test_linear (void)
{
  const gsize n = 10000;
  g_autoptr(LbTable) t = lb_generate_linear (n, 2024);
  const double *x = col (t, "x"), *y = col (t, "y");
  double slope, intercept, se_s, se_i, rss = 0;

  g_assert_cmpuint (lb_table_get_n_rows (t), ==, n);
  for (gsize i = 0; i < n; i++)
    g_assert_true (x[i] >= 0 && x[i] < 2);
  least_squares (x, y, n, &slope, &intercept, &se_s, &se_i);
  g_assert_cmpfloat_with_epsilon (slope, 3.0, 3 * se_s);
  g_assert_cmpfloat_with_epsilon (intercept, 4.0, 3 * se_i);
  for (gsize i = 0; i < n; i++)
    rss += (y[i] - 4 - 3 * x[i]) * (y[i] - 4 - 3 * x[i]);
  g_assert_cmpfloat_with_epsilon (rss / n, 1.0, 5 * sqrt (2.0 / n));
}

/* y - (0.5 x^2 + x + 2) is N(0, 1): mean within 5 standard errors, variance
 * within 5 standard errors; x in [-3, 3) with mean 0 within 5 standard errors
 * (sqrt (3 / n)). */
static void
test_quadratic (void)
{
  const gsize n = 10000;
  g_autoptr(LbTable) t = lb_generate_quadratic (n, 7);
  const double *x = col (t, "x"), *y = col (t, "y");
  double s = 0, s2 = 0, mx = 0;

  for (gsize i = 0; i < n; i++)
    {
      double e = y[i] - (0.5 * x[i] * x[i] + x[i] + 2);

      g_assert_true (x[i] >= -3 && x[i] < 3);
      s += e;
      s2 += e * e;
      mx += x[i];
    }
  g_assert_cmpfloat_with_epsilon (s / n, 0.0, 5 / sqrt (n));
  g_assert_cmpfloat_with_epsilon (s2 / n, 1.0, 5 * sqrt (2.0 / n));
  g_assert_cmpfloat_with_epsilon (mx / n, 0.0, 5 * sqrt (3.0 / n));
}

/* Without noise, make_moons' points lie on the two half circles:
 * class 0 on x^2 + y^2 = 1, y >= 0; class 1 on (x - 1)^2 + (y - 0.5)^2 = 1,
 * y <= 0.5; both include their end points (linspace with endpoint). Class
 * sizes n // 2 and n - n // 2. 1e-12: cos/sin rounding. */
static void
test_moons (void)
{
  const gsize n = 501;
  g_autoptr(LbTable) t = lb_generate_moons (n, 0.0, 1);
  const double *x = col (t, "x1"), *y = col (t, "x2");
  const gint32 *k = labels (t);
  gsize n0 = 0, n1 = 0;
  gboolean outer_start = FALSE, outer_end = FALSE, inner_start = FALSE, inner_end = FALSE;
  gboolean shuffled = FALSE;

  for (gsize i = 0; i < n; i++)
    {
      if (k[i] == 0)
        {
          n0++;
          g_assert_cmpfloat_with_epsilon (x[i] * x[i] + y[i] * y[i], 1.0, 1e-12);
          g_assert_cmpfloat (y[i], >=, -1e-12);
          outer_start |= x[i] == 1.0 && y[i] == 0.0;
          outer_end |= fabs (x[i] + 1.0) < 1e-15;
        }
      else
        {
          g_assert_cmpint (k[i], ==, 1);
          n1++;
          g_assert_cmpfloat_with_epsilon ((x[i] - 1) * (x[i] - 1) + (y[i] - 0.5) * (y[i] - 0.5), 1.0, 1e-12);
          g_assert_cmpfloat (y[i], <=, 0.5 + 1e-12);
          inner_start |= x[i] == 0.0 && y[i] == 0.5;
          inner_end |= fabs (x[i] - 2.0) < 1e-15;
        }
      if (i > 0 && k[i] != k[i - 1])
        shuffled = TRUE;
    }
  g_assert_cmpuint (n0, ==, n / 2);
  g_assert_cmpuint (n1, ==, n - n / 2);
  g_assert_true (outer_start && outer_end && inner_start && inner_end);
  g_assert_true (shuffled);

  /* with noise 0.3, the distance to the curve's circle has a spread of about
   * the noise: the mean squared radial error is below 2 noise^2 (a loose,
   * safe bound: for a N(0, s^2 I) offset it is about s^2) */
  {
    g_autoptr(LbTable) noisy = lb_generate_moons (5000, 0.3, 1);
    const double *nx = col (noisy, "x1"), *ny = col (noisy, "x2");
    const gint32 *nk = labels (noisy);
    double sum = 0;

    for (gsize i = 0; i < 5000; i++)
      {
        double cx = nk[i] == 0 ? 0.0 : 1.0, cy = nk[i] == 0 ? 0.0 : 0.5;
        double r = hypot (nx[i] - cx, ny[i] - cy) - 1.0;

        sum += r * r;
      }
    g_assert_cmpfloat (sum / 5000, >, 0.5 * 0.09);
    g_assert_cmpfloat (sum / 5000, <, 2 * 0.09);
  }
}

/* circles: the outer class on the unit circle, the inner on radius factor,
 * evenly spaced (no endpoint): the angles of class 0 are 2 pi i / n0 */
static void
test_circles (void)
{
  const gsize n = 400;
  g_autoptr(LbTable) t = lb_generate_circles (n, 0.0, 0.3, 5);
  const double *x = col (t, "x1"), *y = col (t, "x2");
  const gint32 *k = labels (t);
  gsize n0 = 0;
  double sum_x = 0, sum_y = 0;

  for (gsize i = 0; i < n; i++)
    {
      double r = hypot (x[i], y[i]);
      double steps = atan2 (y[i], x[i]) / (2 * G_PI / (n / 2));

      g_assert_cmpfloat_with_epsilon (r, k[i] == 0 ? 1.0 : 0.3, 1e-12);
      /* on the grid of n / 2 angles */
      g_assert_cmpfloat_with_epsilon (steps, round (steps), 1e-9);
      n0 += k[i] == 0;
      sum_x += x[i];
      sum_y += y[i];
    }
  g_assert_cmpuint (n0, ==, n / 2);
  /* evenly spaced points on circles sum to 0 */
  g_assert_cmpfloat_with_epsilon (sum_x, 0.0, 1e-10);
  g_assert_cmpfloat_with_epsilon (sum_y, 0.0, 1e-10);
}

/* blobs: class sizes n // k (+1 for the first n % k), centres in [-10, 10),
 * and each cluster's mean within 5 standard errors (std / sqrt (n_c)) of the
 * mean of the others' ... we do not know the centres, so: each cluster's
 * spread about its own mean has variance std^2 within 5 standard errors, and
 * the cluster means lie in [-10 - 5 se, 10 + 5 se]. */
static void
test_blobs (void)
{
  const gsize n = 9001;
  const guint k = 3, d = 2;
  const double std = 0.5;
  g_autoptr(LbTable) t = lb_generate_blobs (n, d, k, std, 99);
  const double *x[2] = { col (t, "x1"), col (t, "x2") };
  const gint32 *lab = labels (t);
  double mean[3][2] = { { 0 } }, var[3] = { 0 };
  gsize count[3] = { 0 };

  g_assert_cmpuint (lb_table_get_n_columns (t), ==, 3);
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpint (lab[i], >=, 0);
      g_assert_cmpint (lab[i], <, 3);
      count[lab[i]]++;
      for (guint f = 0; f < d; f++)
        mean[lab[i]][f] += x[f][i];
    }
  g_assert_cmpuint (count[0], ==, 3001);
  g_assert_cmpuint (count[1], ==, 3000);
  g_assert_cmpuint (count[2], ==, 3000);
  for (guint c = 0; c < k; c++)
    for (guint f = 0; f < d; f++)
      {
        mean[c][f] /= count[c];
        g_assert_cmpfloat (fabs (mean[c][f]), <, 10 + 5 * std / sqrt (count[c]));
      }
  for (gsize i = 0; i < n; i++)
    for (guint f = 0; f < d; f++)
      var[lab[i]] += (x[f][i] - mean[lab[i]][f]) * (x[f][i] - mean[lab[i]][f]);
  for (guint c = 0; c < k; c++)
    {
      gsize m = count[c] * d;

      /* variance of a sample variance of normals: 2 s^4 / m */
      g_assert_cmpfloat_with_epsilon (var[c] / m, std * std, 5 * sqrt (2.0 / m) * std * std);
    }
  /* with std 0 every point is its centre, and the centres are the first
   * numbers drawn: U(-10, 10), so distinct and in range */
  {
    g_autoptr(LbTable) z = lb_generate_blobs (10, 4, 5, 0.0, 3);
    const gint32 *zl = labels (z);

    for (gsize i = 0; i < 10; i++)
      for (gsize j = 0; j < 10; j++)
        for (guint f = 0; f < 4; f++)
          {
            g_autofree char *name = g_strdup_printf ("x%u", f + 1);
            const double *v = col (z, name);

            g_assert_true (v[i] >= -10 && v[i] < 10);
            if (zl[i] == zl[j])
              g_assert_cmpfloat (v[i], ==, v[j]);
            else if (f == 0)
              g_assert_cmpfloat (v[i], !=, v[j]);
          }
  }
}

/* Swiss roll: t in [1.5 pi, 4.5 pi), x1 = t cos t, x3 = t sin t exactly
 * without noise, x2 in [0, 21) */
static void
test_swiss_roll (void)
{
  const gsize n = 2000;
  g_autoptr(LbTable) t = lb_generate_swiss_roll (n, 0.0, 8);
  const double *x1 = col (t, "x1"), *x2 = col (t, "x2"), *x3 = col (t, "x3"), *tt = col (t, "t");
  double mean_t = 0;

  for (gsize i = 0; i < n; i++)
    {
      g_assert_true (tt[i] >= 1.5 * G_PI && tt[i] < 4.5 * G_PI);
      g_assert_true (x2[i] >= 0 && x2[i] < 21);
      g_assert_cmpfloat (x1[i], ==, tt[i] * cos (tt[i]));
      g_assert_cmpfloat (x3[i], ==, tt[i] * sin (tt[i]));
      mean_t += tt[i];
    }
  /* t is uniform on [1.5 pi, 4.5 pi): mean 3 pi, sd 3 pi / sqrt (3) */
  g_assert_cmpfloat_with_epsilon (mean_t / n, 3 * G_PI, 5 * (3 * G_PI / sqrt (3)) / sqrt (n));
}

static void
test_samples (void)
{
  guint n = 0;
  const LbSampleInfo *samples = lb_samples_list (&n);
  static const char *expected[] = { "california-housing", "fashion-mnist", "iris", "moons", "circles",
                                    "blobs", "linear", "quadratic", "swiss-roll" };

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbTable) table = NULL;

      g_assert_cmpstr (samples[i].id, ==, expected[i]);
      g_assert_true (samples[i].title != NULL && *samples[i].title != '\0');
      g_assert_true (samples[i].summary != NULL && *samples[i].summary != '\0');

      if (strcmp (samples[i].id, "fashion-mnist") == 0)
        continue;  /* 10000 x 785: covered by test-idx-reader */
      table = lb_sample_load (samples[i].id, NULL, &error);
      if (strcmp (samples[i].id, "california-housing") == 0)
        {
          /* the test runs with an isolated, empty cache: not downloaded */
          g_assert_false (lb_housing_is_cached ());
          g_assert_null (table);
          g_assert_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (lb_table_get_n_rows (table), >=, 100);
      if (strcmp (samples[i].id, "iris") == 0)
        {
          /* load_iris: 150 rows, 4 measurements, 3 species of 50; first row 5.1, 3.5, 1.4, 0.2 */
          LbColumn *species = lb_table_get_column_by_name (table, "species");

          g_assert_cmpuint (lb_table_get_n_rows (table), ==, 150);
          g_assert_cmpuint (lb_table_get_n_columns (table), ==, 5);
          g_assert_cmpfloat (lb_column_get_numeric (lb_table_get_column (table, 0))[0], ==, 5.1);
          g_assert_cmpfloat (lb_column_get_numeric (lb_table_get_column (table, 3))[149], ==, 1.8);
          g_assert_nonnull (species);
          g_assert_cmpuint (g_strv_length ((char **) lb_column_get_categories (species)), ==, 3);
        }
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LbTable) moons = lb_sample_load ("moons", NULL, &error);
    g_autoptr(LbTable) again = lb_sample_load ("moons", NULL, &error);

    g_assert_cmpuint (lb_table_get_n_rows (moons), ==, 500);
    g_assert_true (tables_equal (moons, again));
    g_assert_null (lb_sample_load ("no-such-sample", NULL, &error));
    g_assert_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/learnbench/data/LbGenerators/determinism", test_determinism);
  g_test_add_func ("/learnbench/data/LbGenerators/linear", test_linear);
  g_test_add_func ("/learnbench/data/LbGenerators/quadratic", test_quadratic);
  g_test_add_func ("/learnbench/data/LbGenerators/moons", test_moons);
  g_test_add_func ("/learnbench/data/LbGenerators/circles", test_circles);
  g_test_add_func ("/learnbench/data/LbGenerators/blobs", test_blobs);
  g_test_add_func ("/learnbench/data/LbGenerators/swiss-roll", test_swiss_roll);
  g_test_add_func ("/learnbench/data/LbGenerators/samples", test_samples);
  return g_test_run ();
}
