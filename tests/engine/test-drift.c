/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-drift.c: the population stability index of lb-drift.h against a
 * closed form and against numpy (tests/engine/reference/drift-reference.py,
 * run with /usr/bin/python3): continuous values with missing ones, discrete
 * values with repeated deciles, categories with missing and unseen ones.
 */
#include "config.h"

#include <math.h>

#include "lb-drift.h"
#include "lb-test-util.h"

/* Closed form: training 1..10 split at its median 5.5 (two bins, shares ½ ½);
 * new data with 8 of 10 values low: PSI = 0.3 ln 1.6 + 0.3 ln 2.5 = 0.3 ln 4. */
static void
test_closed_form (void)
{
  double train[10], fresh[10] = { 1, 2, 3, 4, 5, 1, 2, 3, 9, 10 };
  g_autoptr(LbDrift) d = NULL;

  for (guint i = 0; i < 10; i++)
    train[i] = i + 1;
  d = lb_drift_numeric (train, 10, fresh, 10, 2);
  g_assert_nonnull (d);
  g_assert_cmpuint (d->n_edges, ==, 1);
  g_assert_cmpfloat (d->edges[0], ==, 5.5);
  g_assert_false (d->has_missing);
  /* Tolerance 1e-15: two logarithms. */
  g_assert_cmpfloat_with_epsilon (d->psi, 0.3 * log (4.0), 1e-15);
  g_assert_cmpfloat_with_epsilon (d->total_variation, 0.3, 1e-15);
  g_assert_cmpint (lb_drift_level (d->psi), ==, 2);
  g_assert_cmpint (lb_drift_level (0.1), ==, 1);
  g_assert_cmpint (lb_drift_level (0.0999), ==, 0);
}

static void
make_continuous (double *train,
                 double *fresh)
{
  for (guint i = 0; i < 500; i++)
    train[i] = i % 50 == 0 ? NAN : ((i * 37) % 101) / 7.0;
  for (guint j = 0; j < 300; j++)
    fresh[j] = j % 40 == 0 ? NAN : ((j * 37) % 101) / 7.0 * 1.1 + 0.3;
}

static void
test_numpy_continuous (void)
{
  double train[500], fresh[300];
  /* drift-reference.py: "continuous psi … tv …" and "edges" */
  static const double edges[] = { 1.414285714285715, 2.82857142857143, 4.285714285714286, 5.714285714285714,
                                  7.142857142857143, 8.571428571428571, 10.0, 11.428571428571429,
                                  12.857142857142858 };
  g_autoptr(LbDrift) d = NULL;
  g_autoptr(LbDrift) same = NULL;

  make_continuous (train, fresh);
  d = lb_drift_numeric (train, 500, fresh, 300, 10);
  g_assert_cmpuint (d->n_edges, ==, 9);
  /* Tolerance 1e-13: one interpolation per edge. */
  for (guint i = 0; i < 9; i++)
    g_assert_cmpfloat_with_epsilon (d->edges[i], edges[i], 1e-13);
  g_assert_true (d->has_missing);
  g_assert_cmpuint (d->n_bins, ==, 11);
  /* Tolerance 1e-12: sums of 11 terms. */
  g_assert_cmpfloat_with_epsilon (d->psi, 0.1008722340804999, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->total_variation, 0.11266666666666669, 1e-12);
  same = lb_drift_numeric (train, 500, train, 500, 10);
  g_assert_cmpfloat (same->psi, ==, 0.0);
}

static void
test_numpy_discrete (void)
{
  double train[500], fresh[300];
  g_autoptr(LbDrift) d = NULL;

  for (guint i = 0; i < 500; i++)
    train[i] = i % 4;
  for (guint j = 0; j < 300; j++)
    fresh[j] = j % 3;
  d = lb_drift_numeric (train, 500, fresh, 300, 10);
  /* drift-reference.py: "discrete psi 2.0271496162259326 tv 0.24999999999999997 edges [0, 1, 1.5, 2, 3]" */
  g_assert_cmpuint (d->n_edges, ==, 5);
  g_assert_cmpfloat (d->edges[2], ==, 1.5);
  g_assert_cmpfloat_with_epsilon (d->psi, 2.0271496162259326, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->total_variation, 0.25, 1e-12);
}

static void
test_numpy_categorical (void)
{
  gint32 train[500], fresh[300];
  g_autoptr(LbDrift) d = NULL;

  for (guint i = 0; i < 500; i++)
    train[i] = (gint32) (i % 3);
  for (guint j = 0; j < 300; j++)
    fresh[j] = (gint32) ((j * j) % 5) - 1;   /* -1 missing, 0, 3 unseen */
  d = lb_drift_categorical (train, 500, fresh, 300, 3);
  g_assert_true (d->has_missing);
  g_assert_cmpuint (d->n_bins, ==, 5);
  /* drift-reference.py: "categorical psi 10.248237635965666 tv 0.66600000000000004" */
  g_assert_cmpfloat_with_epsilon (d->psi, 10.248237635965666, 1e-11);
  g_assert_cmpfloat_with_epsilon (d->total_variation, 0.666, 1e-12);
}

static void
test_empty (void)
{
  double nan_only[3] = { NAN, NAN, NAN }, one[1] = { 1 };

  g_assert_null (lb_drift_numeric (nan_only, 3, one, 1, 10));
  g_assert_null (lb_drift_numeric (one, 1, one, 0, 10));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/Drift/closed-form", test_closed_form);
  g_test_add_func ("/learnbench/engine/Drift/numpy-continuous", test_numpy_continuous);
  g_test_add_func ("/learnbench/engine/Drift/numpy-discrete", test_numpy_discrete);
  g_test_add_func ("/learnbench/engine/Drift/numpy-categorical", test_numpy_categorical);
  g_test_add_func ("/learnbench/engine/Drift/empty", test_empty);
  return g_test_run ();
}
