/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-drift.c: the population stability index per column (see lb-drift.h).
 * Plain counting: quantiles of the sorted training values, then a binary
 * search per value; no GTK, no allocation beyond the shares.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "lb-drift.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* numpy.quantile (method "linear") of sorted @v. */
static double
quantile_sorted (const double *v,
                 gsize         n,
                 double        q)
{
  double pos = q * (double) (n - 1);
  gsize lo = (gsize) floor (pos);
  double frac = pos - (double) lo;

  if (lo + 1 >= n)
    return v[n - 1];
  return v[lo] + frac * (v[lo + 1] - v[lo]);
}

/* The number of edges strictly below @x (numpy.searchsorted side="left"). */
static guint
bin_of (const double *edges,
        guint         n_edges,
        double        x)
{
  guint lo = 0, hi = n_edges;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (edges[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
finish (LbDrift *d)
{
  d->psi = 0.0;
  d->total_variation = 0.0;
  for (guint i = 0; i < d->n_bins; i++)
    {
      double e = MAX (d->expected[i], LB_DRIFT_EPSILON);
      double a = MAX (d->actual[i], LB_DRIFT_EPSILON);

      d->psi += (a - e) * log (a / e);
      d->total_variation += 0.5 * fabs (d->actual[i] - d->expected[i]);
    }
}

LbDrift *
lb_drift_numeric (const double *train,
                  gsize         n_train,
                  const double *fresh,
                  gsize         n_new,
                  guint         n_quantile_bins)
{
  g_autofree double *sorted = NULL;
  gsize n_finite = 0, train_missing = 0, new_missing = 0;
  LbDrift *d;
  guint n_value_bins;

  g_return_val_if_fail (n_quantile_bins >= 2, NULL);
  if (n_train == 0 || n_new == 0)
    return NULL;
  sorted = g_new (double, n_train);
  for (gsize i = 0; i < n_train; i++)
    if (isnan (train[i]))
      train_missing++;
    else
      sorted[n_finite++] = train[i];
  if (n_finite == 0)
    return NULL;
  qsort (sorted, n_finite, sizeof (double), compare_doubles);
  for (gsize i = 0; i < n_new; i++)
    new_missing += isnan (fresh[i]) ? 1 : 0;

  d = g_new0 (LbDrift, 1);
  d->edges = g_new (double, n_quantile_bins - 1);
  for (guint k = 1; k < n_quantile_bins; k++)
    {
      double q = quantile_sorted (sorted, n_finite, (double) k / n_quantile_bins);

      if (d->n_edges == 0 || q > d->edges[d->n_edges - 1])
        d->edges[d->n_edges++] = q;
    }
  n_value_bins = d->n_edges + 1;
  d->has_missing = train_missing > 0 || new_missing > 0;
  d->n_bins = n_value_bins + (d->has_missing ? 1 : 0);
  d->expected = g_new0 (double, d->n_bins);
  d->actual = g_new0 (double, d->n_bins);
  for (gsize i = 0; i < n_train; i++)
    d->expected[isnan (train[i]) ? n_value_bins : bin_of (d->edges, d->n_edges, train[i])] += 1.0;
  for (gsize i = 0; i < n_new; i++)
    d->actual[isnan (fresh[i]) ? n_value_bins : bin_of (d->edges, d->n_edges, fresh[i])] += 1.0;
  for (guint i = 0; i < d->n_bins; i++)
    {
      d->expected[i] /= (double) n_train;
      d->actual[i] /= (double) n_new;
    }
  finish (d);
  return d;
}

LbDrift *
lb_drift_categorical (const gint32 *train_codes,
                      gsize         n_train,
                      const gint32 *new_codes,
                      gsize         n_new,
                      guint         n_categories)
{
  LbDrift *d;
  gboolean missing = FALSE, unseen = FALSE;
  guint n_value_bins;

  if (n_train == 0 || n_new == 0)
    return NULL;
  for (gsize i = 0; i < n_train; i++)
    missing |= train_codes[i] < 0;
  for (gsize i = 0; i < n_new; i++)
    {
      missing |= new_codes[i] < 0;
      unseen |= new_codes[i] >= (gint32) n_categories;
    }
  d = g_new0 (LbDrift, 1);
  n_value_bins = n_categories + (unseen ? 1 : 0);
  d->has_missing = missing;
  d->n_bins = n_value_bins + (missing ? 1 : 0);
  d->expected = g_new0 (double, MAX (d->n_bins, 1));
  d->actual = g_new0 (double, MAX (d->n_bins, 1));
  for (gsize i = 0; i < n_train; i++)
    d->expected[train_codes[i] < 0 ? n_value_bins : MIN ((guint) train_codes[i], n_value_bins - 1)] += 1.0;
  for (gsize i = 0; i < n_new; i++)
    d->actual[new_codes[i] < 0 ? n_value_bins : MIN ((guint) new_codes[i], n_value_bins - 1)] += 1.0;
  for (guint i = 0; i < d->n_bins; i++)
    {
      d->expected[i] /= (double) n_train;
      d->actual[i] /= (double) n_new;
    }
  finish (d);
  return d;
}

int
lb_drift_level (double psi)
{
  if (psi >= LB_DRIFT_LARGE)
    return 2;
  if (psi >= LB_DRIFT_MODERATE)
    return 1;
  return 0;
}

void
lb_drift_free (LbDrift *drift)
{
  if (drift == NULL)
    return;
  g_free (drift->edges);
  g_free (drift->expected);
  g_free (drift->actual);
  g_free (drift);
}
