/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-rng.c: LbRng against the published test vectors of xoshiro256** and
 * splitmix64, plus distribution checks with stated tolerances.
 */
#include "config.h"

#include <math.h>

#include "lb-rng.h"
#include "lb-test-util.h"

/* xoshiro256** from the state {1, 2, 3, 4}: the first ten outputs as listed
 * in the test vectors of rand_xoshiro (Rust), which were produced by Vigna's
 * reference C code. */
static void
test_xoshiro_vector (void)
{
  static const guint64 expected[] = {
    G_GUINT64_CONSTANT (11520), G_GUINT64_CONSTANT (0), G_GUINT64_CONSTANT (1509978240),
    G_GUINT64_CONSTANT (1215971899390074240), G_GUINT64_CONSTANT (1216172134540287360),
    G_GUINT64_CONSTANT (607988272756665600), G_GUINT64_CONSTANT (16172922978634559625),
    G_GUINT64_CONSTANT (8476171486693032832), G_GUINT64_CONSTANT (10595114339597558777),
    G_GUINT64_CONSTANT (2904607092377533576),
  };
  LbRng rng = { { 1, 2, 3, 4 } };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (lb_rng_next (&rng), ==, expected[i]);
}

/* lb_rng_init seeds the four words with splitmix64's first four outputs;
 * splitmix64 from 1234567: the reference vector (Vigna's splitmix64.c). */
static void
test_splitmix_seeding (void)
{
  LbRng rng;

  lb_rng_init (&rng, 1234567);
  g_assert_cmpuint (rng.s[0], ==, G_GUINT64_CONSTANT (6457827717110365317));
  g_assert_cmpuint (rng.s[1], ==, G_GUINT64_CONSTANT (3203168211198807973));
  g_assert_cmpuint (rng.s[2], ==, G_GUINT64_CONSTANT (9817491932198370423));
  g_assert_cmpuint (rng.s[3], ==, G_GUINT64_CONSTANT (4593380528125082431));
}

static void
test_streams (void)
{
  LbRng a, b, c;
  guint same = 0;

  /* the same (seed, stream) is the same stream; others differ */
  lb_rng_init_stream (&a, 42, 0);
  lb_rng_init_stream (&b, 42, 0);
  for (int i = 0; i < 100; i++)
    g_assert_cmpuint (lb_rng_next (&a), ==, lb_rng_next (&b));
  lb_rng_init_stream (&a, 42, 0);
  lb_rng_init_stream (&b, 42, 1);
  lb_rng_init_stream (&c, 43, 0);
  for (int i = 0; i < 100; i++)
    {
      guint64 x = lb_rng_next (&a), y = lb_rng_next (&b), z = lb_rng_next (&c);

      same += (x == y) + (x == z) + (y == z);
    }
  g_assert_cmpuint (same, ==, 0);
}

/* n = 10^6 uniforms: mean 1/2 and variance 1/12. The standard error of the
 * mean is sqrt(1/12 / n) = 2.9e-4; we allow 5 of them (1.4e-3). */
static void
test_uniform (void)
{
  const gsize n = 1000000;
  double sum = 0.0, sum2 = 0.0;
  LbRng rng;

  lb_rng_init (&rng, 7);
  for (gsize i = 0; i < n; i++)
    {
      double u = lb_rng_uniform (&rng);

      g_assert_true (u >= 0.0 && u < 1.0);
      sum += u;
      sum2 += u * u;
    }
  g_assert_cmpfloat_with_epsilon (sum / n, 0.5, 5 * sqrt (1.0 / 12 / n));
  /* var of u^2 is 4/45; 5 standard errors on E[u^2] = 1/3 */
  g_assert_cmpfloat_with_epsilon (sum2 / n, 1.0 / 3.0, 5 * sqrt (4.0 / 45 / n));
}

/* N(0, 1): mean within 5 standard errors (5 / sqrt(n)), variance within 5
 * standard errors of the sample variance (sqrt(2 / n)), and the share beyond
 * 1.96 within 5 binomial standard errors of 5 %. */
static void
test_normal (void)
{
  const gsize n = 1000000;
  double sum = 0.0, sum2 = 0.0;
  gsize tails = 0;
  LbRng rng;

  lb_rng_init (&rng, 11);
  for (gsize i = 0; i < n; i++)
    {
      double z = lb_rng_normal (&rng);

      g_assert_true (isfinite (z));
      sum += z;
      sum2 += z * z;
      tails += fabs (z) > 1.959963984540054;
    }
  g_assert_cmpfloat_with_epsilon (sum / n, 0.0, 5 / sqrt (n));
  g_assert_cmpfloat_with_epsilon (sum2 / n, 1.0, 5 * sqrt (2.0 / n));
  g_assert_cmpfloat_with_epsilon ((double) tails / n, 0.05, 5 * sqrt (0.05 * 0.95 / n));
}

/* lb_rng_below (7): each value's frequency within 5 binomial standard errors
 * of 1/7, and never out of range. bound = 2^63 + 1 exercises the rejection. */
static void
test_below (void)
{
  const gsize n = 700000;
  gsize counts[7] = { 0, };
  guint64 big = (G_GUINT64_CONSTANT (1) << 63) + 1;
  LbRng rng;

  lb_rng_init (&rng, 3);
  for (gsize i = 0; i < n; i++)
    {
      guint64 v = lb_rng_below (&rng, 7);

      g_assert_cmpuint (v, <, 7);
      counts[v]++;
    }
  for (int k = 0; k < 7; k++)
    g_assert_cmpfloat_with_epsilon ((double) counts[k] / n, 1.0 / 7,
                                    5 * sqrt (1.0 / 7 * 6.0 / 7 / n));
  for (int i = 0; i < 1000; i++)
    g_assert_cmpuint (lb_rng_below (&rng, big), <, big);
  g_assert_cmpuint (lb_rng_below (&rng, 1), ==, 0);
}

/* a shuffle is a permutation; over 60000 shuffles of 3 elements each of the
 * 6 orders appears 1/6 of the time (within 5 binomial standard errors) */
static void
test_shuffle (void)
{
  const int trials = 60000;
  int orders[6] = { 0, };
  guint values[100];
  gboolean seen[100] = { FALSE, };
  LbRng rng;

  lb_rng_init (&rng, 5);
  for (guint i = 0; i < 100; i++)
    values[i] = i;
  lb_rng_shuffle (&rng, values, 100);
  for (guint i = 0; i < 100; i++)
    {
      g_assert_cmpuint (values[i], <, 100);
      g_assert_false (seen[values[i]]);
      seen[values[i]] = TRUE;
    }

  for (int t = 0; t < trials; t++)
    {
      guint v[3] = { 0, 1, 2 };

      lb_rng_shuffle (&rng, v, 3);
      orders[v[0] * 2 + (v[1] > v[2] ? 1 : 0)]++;
    }
  for (int k = 0; k < 6; k++)
    g_assert_cmpfloat_with_epsilon ((double) orders[k] / trials, 1.0 / 6,
                                    5 * sqrt (1.0 / 6 * 5.0 / 6 / trials));
  lb_rng_shuffle (&rng, NULL, 0);  /* nothing to do, no crash */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/data/LbRng/xoshiro-vector", test_xoshiro_vector);
  g_test_add_func ("/learnbench/data/LbRng/splitmix-seeding", test_splitmix_seeding);
  g_test_add_func ("/learnbench/data/LbRng/streams", test_streams);
  g_test_add_func ("/learnbench/data/LbRng/uniform", test_uniform);
  g_test_add_func ("/learnbench/data/LbRng/normal", test_normal);
  g_test_add_func ("/learnbench/data/LbRng/below", test_below);
  g_test_add_func ("/learnbench/data/LbRng/shuffle", test_shuffle);
  return g_test_run ();
}
