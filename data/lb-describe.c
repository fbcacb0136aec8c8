/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-describe.c: describe() and quantiles of a numeric column, bit for bit as
 * pandas 1.5.3 computes them: numpy's buffered pairwise sums for the mean and
 * the variance, numpy's "linear" quantiles. The order statistics come from a
 * histogram and a selection inside the few buckets that hold them. describe()
 * reads a column twice: the sum with count/min/max, then the deviations with
 * the histogram (plus the gathering of those buckets).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "lb-profile.h"

/* --- sums, as numpy's pairwise summation (missing values count as 0) --- */

/* numpy's pairwise_sum over @n values: 8 accumulators for blocks up to 128,
 * halves (at a multiple of 8) above. @sq: sum (x - center)^2 instead of x. */
#define LB_PW_BLOCKSIZE 128

static inline double
pw_value (double x,
          gboolean sq,
          double center)
{
  if (isnan (x))
    return 0.0;
  if (sq)
    {
      double d = center - x;

      return d * d;
    }
  return x;
}

/* What a pass over the values may learn on the way, block by block while
 * each block of at most 128 values is still in the L1 cache (so describe()
 * reads each column twice, not five times): the count, min and max of the
 * non-NaN values, and the histogram order_statistics() needs. */
typedef struct
{
  gsize    count;
  double   min;
  double   max;
} Extent;

/* Equal-width bins over [min, max]: about 16 values a bin, 1k to 64k bins
 * (a small column's histogram stays small: memory counts, see issue 2). */
static inline gsize
n_bins_for (gsize count)
{
  return CLAMP (count / 16, (gsize) 1024, (gsize) 65536);
}

typedef struct
{
  guint32 *hist;     /* n_bins counts */
  gsize    n_bins;
  double   min;
  double   scale;    /* n_bins / (max - min) */
} Histogram;

/* x -> its bin: (x - min) * scale is monotone in floating point, so bins are
 * ordered like values */
static inline gsize
bin_of (double x,
        double min,
        double scale,
        gsize  n_bins)
{
  gsize b = (gsize) ((x - min) * scale);

  return b < n_bins ? b : n_bins - 1;
}

static void
visit_block (const double *a,
             gsize         n,
             Extent       *extent,
             Histogram    *histogram)
{
  if (extent != NULL)
    {
      double min = extent->min, max = extent->max;
      gsize count = 0;

      for (gsize i = 0; i < n; i++)
        {
          double x = a[i];

          count += x == x;
          min = x < min ? x : min;
          max = x > max ? x : max;
        }
      extent->count += count;
      extent->min = min;
      extent->max = max;
    }
  if (histogram != NULL)
    for (gsize i = 0; i < n; i++)
      if (!isnan (a[i]))
        histogram->hist[bin_of (a[i], histogram->min, histogram->scale, histogram->n_bins)]++;
}

static double
pairwise_sum (const double *a,
              gsize         n,
              gboolean      sq,
              double        center,
              Extent       *extent,
              Histogram    *histogram)
{
  if (n <= LB_PW_BLOCKSIZE && (extent != NULL || histogram != NULL))
    visit_block (a, n, extent, histogram);
  if (n < 8)
    {
      /* numpy starts from -0.0 here; 0.0 only differs for an all -0.0 sum */
      double res = 0.0;

      for (gsize i = 0; i < n; i++)
        res += pw_value (a[i], sq, center);
      return res;
    }
  else if (n <= LB_PW_BLOCKSIZE)
    {
      double r[8];
      double res;
      gsize i;

      for (int k = 0; k < 8; k++)
        r[k] = pw_value (a[k], sq, center);
      for (i = 8; i < n - (n % 8); i += 8)
        for (int k = 0; k < 8; k++)
          r[k] += pw_value (a[i + k], sq, center);
      res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++)
        res += pw_value (a[i], sq, center);
      return res;
    }
  else
    {
      gsize n2 = n / 2;

      n2 -= n2 % 8;
      return pairwise_sum (a, n2, sq, center, extent, histogram)
             + pairwise_sum (a + n2, n - n2, sq, center, extent, histogram);
    }
}

/* ndarray.sum(): numpy's reduction runs through its iterator's buffer of
 * 8192 elements, each chunk summed pairwise and added to the running total
 * (checked against numpy 1.24 on every column of housing.csv: bit-identical,
 * where one pairwise sum over the whole column is not) */
#define LB_NUMPY_BUFSIZE 8192

static double
numpy_sum (const double *a,
           gsize         n,
           gboolean      sq,
           double        center,
           Extent       *extent,
           Histogram    *histogram)
{
  double total = 0.0;

  for (gsize i = 0; i < n; i += LB_NUMPY_BUFSIZE)
    total += pairwise_sum (a + i, MIN (n - i, (gsize) LB_NUMPY_BUFSIZE), sq, center, extent, histogram);
  return total;
}

/* --- selection --- */

static inline void
swap_d (double *a, gsize i, gsize j)
{
  double t = a[i];

  a[i] = a[j];
  a[j] = t;
}

static int
compare_doubles (const void *pa,
                 const void *pb)
{
  double a = *(const double *) pa, b = *(const double *) pb;

  return (a > b) - (a < b);
}

/* The @k-th smallest of a[0..n) (no NaN), reordering @a. Quickselect with a
 * median-of-three pivot and a three-way partition (many equal values are
 * common in real columns); after 2 log2(n) rounds it sorts what is left. */
static double
select_kth (double *a,
            gsize   n,
            gsize   k)
{
  gsize lo = 0, hi = n;  /* the answer lies in [lo, hi) */
  int budget = 2 * g_bit_storage (n) + 8;

  g_assert (k < n);

  while (hi - lo > 16)
    {
      gsize mid = lo + (hi - lo) / 2;
      double x = a[lo], y = a[mid], z = a[hi - 1], pivot;
      gsize lt = lo, i = lo, gt = hi;

      if (budget-- == 0)
        {
          qsort (a + lo, hi - lo, sizeof (double), compare_doubles);
          return a[k];
        }

      pivot = (x < y) ? ((y < z) ? y : (x < z ? z : x)) : ((x < z) ? x : (y < z ? z : y));
      /* [lo, lt) < pivot, [lt, i) == pivot, [gt, hi) > pivot */
      while (i < gt)
        {
          if (a[i] < pivot)
            swap_d (a, lt++, i++);
          else if (a[i] > pivot)
            swap_d (a, i, --gt);
          else
            i++;
        }
      if (k < lt)
        hi = lt;
      else if (k >= gt)
        lo = gt;
      else
        return pivot;
    }

  /* insertion sort of the small rest */
  for (gsize i = lo + 1; i < hi; i++)
    {
      double v = a[i];
      gsize j = i;

      while (j > lo && a[j - 1] > v)
        {
          a[j] = a[j - 1];
          j--;
        }
      a[j] = v;
    }
  return a[k];
}

/* Whether order_statistics() bins the values (else it selects on a copy). */
static gboolean
histogram_usable (gsize  count,
                  double min,
                  double max)
{
  double scale = (double) n_bins_for (count) / (max - min);

  return count >= 4096 && isfinite (min) && isfinite (max) && isfinite (scale) && max > min;
}

/* The order statistics @ranks (each < @count) of the non-NaN values of
 * data[0..n). @min and @max are the extremes of those values. A histogram of
 * n_bins_for (count) equal-width bins over [min, max] (see bin_of) tells
 * which bin holds each rank; only those bins are gathered and searched.
 * Skewed or tiny data falls back to selection on a copy of all the values.
 * @given: that histogram when the caller made it on an earlier pass (see
 * histogram_usable), else NULL. */
static void
order_statistics (const double *data,
                  gsize         n,
                  gsize         count,
                  double        min,
                  double        max,
                  const gsize  *ranks,
                  guint         n_ranks,
                  const guint32 *given,
                  double       *out)
{
  gsize n_bins = n_bins_for (count);
  double scale = (double) n_bins / (max - min);
  g_autofree guint32 *owned = NULL;
  const guint32 *hist = given;
  g_autofree guint8 *slot_of_bin = NULL;
  gsize bin_of_rank[8], base_of_rank[8];
  guint32 slot_bins[8];
  double *slot_data[8] = { NULL, };
  gsize slot_fill[8] = { 0, };
  guint n_slots = 0;
  gsize gathered = 0;

  g_assert (n_ranks <= 8);

  if (!histogram_usable (count, min, max))
    goto fallback;

  if (hist == NULL)
    {
      owned = g_new0 (guint32, n_bins);
      for (gsize i = 0; i < n; i++)
        if (!isnan (data[i]))
          owned[bin_of (data[i], min, scale, n_bins)]++;
      hist = owned;
    }

  for (guint r = 0; r < n_ranks; r++)
    {
      gsize cum = 0, b = 0;

      while (cum + hist[b] <= ranks[r])
        cum += hist[b++];
      bin_of_rank[r] = b;
      base_of_rank[r] = cum;
    }

  slot_of_bin = g_new0 (guint8, n_bins);
  for (guint r = 0; r < n_ranks; r++)
    {
      gsize b = bin_of_rank[r];

      if (slot_of_bin[b] == 0)
        {
          slot_bins[n_slots] = b;
          slot_of_bin[b] = ++n_slots;
          gathered += hist[b];
        }
    }
  if (gathered > count / 4)
    goto fallback;  /* the values crowd into few bins: one copy is as good */

  for (guint s = 0; s < n_slots; s++)
    slot_data[s] = g_new (double, hist[slot_bins[s]]);
  for (gsize i = 0; i < n; i++)
    {
      double x = data[i];
      guint s;

      if (isnan (x))
        continue;
      s = slot_of_bin[bin_of (x, min, scale, n_bins)];
      if (s != 0)
        slot_data[s - 1][slot_fill[s - 1]++] = x;
    }
  for (guint r = 0; r < n_ranks; r++)
    {
      guint s = slot_of_bin[bin_of_rank[r]] - 1;

      g_assert (slot_fill[s] == hist[slot_bins[s]]);
      out[r] = select_kth (slot_data[s], slot_fill[s], ranks[r] - base_of_rank[r]);
    }
  for (guint s = 0; s < n_slots; s++)
    g_free (slot_data[s]);
  return;

fallback:
  {
    g_autofree double *copy = g_new (double, MAX (count, 1));
    gsize m = 0;

    for (gsize i = 0; i < n; i++)
      if (!isnan (data[i]))
        copy[m++] = data[i];
    g_assert (m == count);
    for (guint r = 0; r < n_ranks; r++)
      out[r] = select_kth (copy, count, ranks[r]);
  }
}

/* numpy's _lerp: exact at both ends, symmetric around t = 0.5 */
static inline double
numpy_lerp (double a,
            double b,
            double t)
{
  double diff = b - a;

  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

/* Quantiles @qs (sorted or not, at most 4) by numpy's "linear" method on the
 * @count non-missing values; virtual index (count - 1) * q. */
static void
quantiles (const double *data,
           gsize         n,
           gsize         count,
           double        min,
           double        max,
           const double *qs,
           guint         n_qs,
           const guint32 *hist,
           double       *out)
{
  gsize ranks[8];
  double values[8];
  double gammas[4];
  guint n_ranks = 0;

  g_assert (n_qs <= 4);

  for (guint i = 0; i < n_qs; i++)
    {
      double virtual_index = (double) (count - 1) * qs[i];
      gsize prev, next;

      if (virtual_index >= (double) (count - 1))
        {
          prev = next = count - 1;
          gammas[i] = 0.0;
        }
      else if (virtual_index <= 0.0)
        {
          prev = 0;
          next = MIN (1, count - 1);
          gammas[i] = 0.0;
        }
      else
        {
          prev = (gsize) floor (virtual_index);
          next = prev + 1;
          gammas[i] = virtual_index - (double) prev;
        }
      ranks[n_ranks++] = prev;
      ranks[n_ranks++] = next;
    }

  /* the extremes are known: no need to select them */
  for (guint r = 0; r < n_ranks; r++)
    values[r] = NAN;
  {
    gsize todo[8];
    guint todo_index[8];
    guint n_todo = 0;
    double found[8];

    for (guint r = 0; r < n_ranks; r++)
      {
        if (ranks[r] == 0)
          values[r] = min;
        else if (ranks[r] == count - 1)
          values[r] = max;
        else
          {
            todo_index[n_todo] = r;
            todo[n_todo++] = ranks[r];
          }
      }
    if (n_todo > 0)
      order_statistics (data, n, count, min, max, todo, n_todo, hist, found);
    for (guint t = 0; t < n_todo; t++)
      values[todo_index[t]] = found[t];
  }

  for (guint i = 0; i < n_qs; i++)
    out[i] = numpy_lerp (values[2 * i], values[2 * i + 1], gammas[i]);
}

/* count, min, max of the non-NaN values */
static gsize
count_min_max (const double *data,
               gsize         n,
               double       *min_out,
               double       *max_out)
{
  double min = INFINITY, max = -INFINITY;
  gsize count = 0;

  for (gsize i = 0; i < n; i++)
    {
      double x = data[i];

      if (isnan (x))
        continue;
      count++;
      if (x < min)
        min = x;
      if (x > max)
        max = x;
    }
  *min_out = min;
  *max_out = max;
  return count;
}

/* --- describe --- */

gboolean
lb_column_describe (LbColumn         *column,
                    LbNumericSummary *out)
{
  static const double qs[3] = { 0.25, 0.5, 0.75 };
  const double *data;
  gsize n, count;
  double min, max, sum, q[3];
  Extent extent;
  Histogram histogram;
  g_autofree guint32 *hist = NULL;

  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  data = lb_column_get_numeric (column);
  if (data == NULL)
    return FALSE;
  n = lb_column_get_n_rows (column);

  /* pass 1: the sum, and count, min, max on the way */
  extent.count = 0;
  extent.min = INFINITY;
  extent.max = -INFINITY;
  /* pandas' nanmean / nanvar: sum over the array with missing set to 0 */
  sum = numpy_sum (data, n, FALSE, 0.0, &extent, NULL);
  count = extent.count;
  min = extent.min;
  max = extent.max;
  out->count = count;
  if (count == 0)
    {
      out->mean = out->std = out->min = out->q25 = out->q50 = out->q75 = out->max = NAN;
      return TRUE;
    }

  /* pass 2: the squared deviations, and the quantiles' histogram on the way */
  out->mean = sum / (double) count;
  if (histogram_usable (count, min, max))
    {
      histogram.n_bins = n_bins_for (count);
      hist = g_new0 (guint32, histogram.n_bins);
      histogram.hist = hist;
      histogram.min = min;
      histogram.scale = (double) histogram.n_bins / (max - min);
    }
  if (count >= 2)
    out->std = sqrt (numpy_sum (data, n, TRUE, out->mean, NULL, hist != NULL ? &histogram : NULL)
                     / (double) (count - 1));
  else
    out->std = NAN;
  g_assert (hist == NULL || count >= 2);
  out->min = min;
  out->max = max;
  quantiles (data, n, count, min, max, qs, 3, hist, q);
  out->q25 = q[0];
  out->q50 = q[1];
  out->q75 = q[2];
  return TRUE;
}

double
lb_column_quantile (LbColumn *column,
                    double    q)
{
  const double *data;
  gsize n, count;
  double min, max, result;

  g_return_val_if_fail (column != NULL, NAN);
  g_return_val_if_fail (q >= 0.0 && q <= 1.0, NAN);

  data = lb_column_get_numeric (column);
  if (data == NULL)
    return NAN;
  n = lb_column_get_n_rows (column);
  count = count_min_max (data, n, &min, &max);
  if (count == 0)
    return NAN;
  quantiles (data, n, count, min, max, &q, 1, NULL, &result);
  return result;
}
