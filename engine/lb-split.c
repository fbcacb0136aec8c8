/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-split.c: train/test partitions of row indices. The sizes follow
 * scikit-learn's rules exactly (ceil of the test fraction, _approximate_mode
 * per stratum); the shuffles come from LbRng, so the rows themselves differ
 * from numpy's — a split from index files reproduces an external one exactly.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <zlib.h>

#include <glib/gi18n-lib.h>

#include "lb-engine-error.h"
#include "lb-split.h"

struct _LbSplit
{
  gatomicrefcount ref_count;
  guint          *train;
  gsize           n_train;
  guint          *test;
  gsize           n_test;
};

G_DEFINE_BOXED_TYPE (LbSplit, lb_split, lb_split_ref, lb_split_unref)

/* --- the value --- */

/* Takes ownership of both arrays. */
static LbSplit *
split_take (guint *train,
            gsize  n_train,
            guint *test,
            gsize  n_test)
{
  LbSplit *split = g_new0 (LbSplit, 1);

  g_atomic_ref_count_init (&split->ref_count);
  split->train = train;
  split->n_train = n_train;
  split->test = test;
  split->n_test = n_test;
  return split;
}

LbSplit *
lb_split_new (const guint *train,
              gsize        n_train,
              const guint *test,
              gsize        n_test)
{
  g_return_val_if_fail (train != NULL || n_train == 0, NULL);
  g_return_val_if_fail (test != NULL || n_test == 0, NULL);

  return split_take (n_train > 0 ? g_memdup2 (train, n_train * sizeof (guint)) : NULL, n_train,
                     n_test > 0 ? g_memdup2 (test, n_test * sizeof (guint)) : NULL, n_test);
}

LbSplit *
lb_split_ref (LbSplit *split)
{
  g_return_val_if_fail (split != NULL, NULL);

  g_atomic_ref_count_inc (&split->ref_count);
  return split;
}

void
lb_split_unref (LbSplit *split)
{
  g_return_if_fail (split != NULL);

  if (g_atomic_ref_count_dec (&split->ref_count))
    {
      g_free (split->train);
      g_free (split->test);
      g_free (split);
    }
}

const guint *
lb_split_get_train (const LbSplit *split,
                    gsize         *n_train)
{
  g_return_val_if_fail (split != NULL, NULL);

  if (n_train != NULL)
    *n_train = split->n_train;
  return split->train;
}

const guint *
lb_split_get_test (const LbSplit *split,
                   gsize         *n_test)
{
  g_return_val_if_fail (split != NULL, NULL);

  if (n_test != NULL)
    *n_test = split->n_test;
  return split->test;
}

gsize
lb_split_get_n_train (const LbSplit *split)
{
  g_return_val_if_fail (split != NULL, 0);
  return split->n_train;
}

gsize
lb_split_get_n_test (const LbSplit *split)
{
  g_return_val_if_fail (split != NULL, 0);
  return split->n_test;
}

static gboolean
check_indices (const guint *idx,
               gsize        n,
               gsize        n_samples,
               GError     **error)
{
  for (gsize i = 0; i < n; i++)
    if (idx[i] >= n_samples)
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                     _("row index %u is out of range: the data has %zu rows"),
                     idx[i], n_samples);
        return FALSE;
      }
  return TRUE;
}

gboolean
lb_split_check (const LbSplit *split,
                gsize          n_samples,
                GError       **error)
{
  g_return_val_if_fail (split != NULL, FALSE);

  return check_indices (split->train, split->n_train, n_samples, error)
         && check_indices (split->test, split->n_test, n_samples, error);
}

/* --- sizes --- */

gboolean
lb_split_resolve_test_size (gsize    n_samples,
                            double   test_size,
                            gsize   *n_test,
                            GError **error)
{
  double count;

  g_return_val_if_fail (n_test != NULL, FALSE);

  if (!(test_size > 0.0) || !isfinite (test_size)
      || (test_size >= 1.0 && test_size != floor (test_size)))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("test_size must be a fraction in (0, 1) or a whole number of rows (got %g)"),
                   test_size);
      return FALSE;
    }
  count = test_size < 1.0 ? ceil (test_size * (double) n_samples) : test_size;
  if (count >= (double) n_samples)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("test_size=%g leaves no training rows out of %zu"),
                   test_size, n_samples);
      return FALSE;
    }
  *n_test = (gsize) count;
  return TRUE;
}

static guint *
range_new (gsize n)
{
  guint *idx = g_new (guint, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    idx[i] = (guint) i;
  return idx;
}

LbSplit *
lb_split_train_test (gsize     n_samples,
                     double    test_size,
                     gboolean  shuffle,
                     guint64   seed,
                     GError  **error)
{
  g_autofree guint *perm = NULL;
  gsize n_test, n_train;

  g_return_val_if_fail (n_samples <= G_MAXUINT, NULL);

  if (!lb_split_resolve_test_size (n_samples, test_size, &n_test, error))
    return NULL;
  n_train = n_samples - n_test;
  perm = range_new (n_samples);
  if (!shuffle)
    return lb_split_new (perm, n_train, perm + n_train, n_test);

  /* scikit-learn's ShuffleSplit: test = permutation[:n_test], train = the rest */
  {
    LbRng rng;

    lb_rng_init (&rng, seed);
    lb_rng_shuffle (&rng, perm, n_samples);
  }
  return lb_split_new (perm + n_test, n_train, perm, n_test);
}

/* --- binning and stratification --- */

gboolean
lb_split_bin_values (const double *values,
                     gsize         n,
                     const double *edges,
                     guint         n_edges,
                     gint32       *codes,
                     GError      **error)
{
  g_return_val_if_fail (values != NULL || n == 0, FALSE);
  g_return_val_if_fail (codes != NULL || n == 0, FALSE);

  if (edges == NULL || n_edges < 2)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("bins need at least two edges"));
      return FALSE;
    }
  for (guint i = 0; i + 1 < n_edges; i++)
    if (!(edges[i] < edges[i + 1]))
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                     _("bin edges must increase strictly (edge %u is %g, edge %u is %g)"),
                     i, edges[i], i + 1, edges[i + 1]);
        return FALSE;
      }

  for (gsize r = 0; r < n; r++)
    {
      double v = values[r];
      guint lo = 0, hi = n_edges - 1;

      codes[r] = -1;
      if (isnan (v) || !(v > edges[0]) || v > edges[n_edges - 1])
        continue;
      /* smallest k with v <= edges[k]; then the bin is k - 1 */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (v <= edges[mid])
            hi = mid;
          else
            lo = mid + 1;
        }
      codes[r] = (gint32) lo - 1;
    }
  return TRUE;
}

/* scikit-learn's _approximate_mode: floor of the proportional allocation, then
 * one more for the largest remainders; ties broken at random. */
static void
approximate_mode (const gsize *counts,
                  guint        n_classes,
                  gsize        n_draws,
                  LbRng       *rng,
                  gsize       *out)
{
  g_autofree double *remainder = g_new (double, n_classes);
  g_autofree guint *order = g_new (guint, n_classes);
  gsize total = 0, floored_sum = 0, need;

  for (guint c = 0; c < n_classes; c++)
    total += counts[c];
  for (guint c = 0; c < n_classes; c++)
    {
      /* same operation order as numpy: counts / counts.sum() * n_draws */
      double continuous = (double) counts[c] / (double) total * (double) n_draws;
      double fl = floor (continuous);

      out[c] = (gsize) fl;
      remainder[c] = continuous - fl;
      floored_sum += out[c];
    }
  need = n_draws > floored_sum ? n_draws - floored_sum : 0;

  while (need > 0)
    {
      double best = -1.0;
      guint n_ties = 0;

      /* the largest remainder not handed out yet, and the classes that have it */
      for (guint c = 0; c < n_classes; c++)
        if (remainder[c] >= 0.0 && remainder[c] > best)
          best = remainder[c];
      if (best < 0.0)
        break;
      for (guint c = 0; c < n_classes; c++)
        if (remainder[c] == best)
          {
            order[n_ties++] = c;
            remainder[c] = -1.0;
          }
      /* choose min(n_ties, need) of them without replacement */
      for (guint k = 0; k < n_ties && need > 0; k++)
        {
          guint j = k + (guint) lb_rng_below (rng, n_ties - k);
          guint tmp = order[k];

          order[k] = order[j];
          order[j] = tmp;
          out[order[k]]++;
          need--;
        }
    }
}

LbSplit *
lb_split_stratified_shuffle (const gint32 *strata,
                             gsize         n,
                             double        test_size,
                             guint64       seed,
                             GError      **error)
{
  g_autofree gsize *counts = NULL;
  g_autofree gsize *n_i = NULL;
  g_autofree gsize *t_i = NULL;
  g_autofree gsize *remaining = NULL;
  g_autofree gsize *start = NULL;
  g_autofree guint *by_class = NULL;
  g_autofree guint *train = NULL;
  g_autofree guint *test = NULL;
  gsize n_test, n_train, n_tr = 0, n_te = 0;
  guint n_classes = 0;
  LbRng rng;

  g_return_val_if_fail (strata != NULL || n == 0, NULL);
  g_return_val_if_fail (n <= G_MAXUINT, NULL);

  if (!lb_split_resolve_test_size (n, test_size, &n_test, error))
    return NULL;
  n_train = n - n_test;

  for (gsize r = 0; r < n; r++)
    {
      if (strata[r] < 0)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("row %zu falls in no stratum (missing or outside the bins)"),
                       r);
          return NULL;
        }
      n_classes = MAX (n_classes, (guint) strata[r] + 1);
    }
  counts = g_new0 (gsize, MAX (n_classes, 1));
  for (gsize r = 0; r < n; r++)
    counts[strata[r]]++;

  /* Empty codes are not classes (np.unique sees only the values present):
   * compact them away, keeping the code order. */
  {
    g_autofree gint32 *compact = g_new (gint32, MAX (n_classes, 1));
    guint k = 0;

    for (guint c = 0; c < n_classes; c++)
      {
        compact[c] = counts[c] > 0 ? (gint32) k : -1;
        if (counts[c] > 0)
          counts[k++] = counts[c];
      }
    n_classes = k;
    by_class = g_new (guint, MAX (n, 1));
    start = g_new0 (gsize, n_classes + 1);
    for (guint c = 0; c < n_classes; c++)
      start[c + 1] = start[c] + counts[c];
    /* stable grouping by class: np.argsort (kind="mergesort") */
    {
      g_autofree gsize *fill = g_memdup2 (start, (n_classes + 1) * sizeof (gsize));

      for (gsize r = 0; r < n; r++)
        by_class[fill[compact[strata[r]]]++] = (guint) r;
    }
  }

  for (guint c = 0; c < n_classes; c++)
    if (counts[c] < 2)
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                     _("a stratum has only 1 row: each needs at least 2 for a stratified split"));
        return NULL;
      }
  if (n_train < n_classes || n_test < n_classes)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("the training set (%zu rows) and the test set (%zu"
                     " rows) each need at least one row per stratum (%u strata)"),
                   n_train, n_test, n_classes);
      return NULL;
    }

  lb_rng_init (&rng, seed);
  n_i = g_new (gsize, MAX (n_classes, 1));
  t_i = g_new (gsize, MAX (n_classes, 1));
  remaining = g_new (gsize, MAX (n_classes, 1));
  approximate_mode (counts, n_classes, n_train, &rng, n_i);
  for (guint c = 0; c < n_classes; c++)
    remaining[c] = counts[c] - n_i[c];
  approximate_mode (remaining, n_classes, n_test, &rng, t_i);

  train = g_new (guint, MAX (n_train, 1));
  test = g_new (guint, MAX (n_test, 1));
  for (guint c = 0; c < n_classes; c++)
    {
      guint *members = by_class + start[c];

      lb_rng_shuffle (&rng, members, counts[c]);
      memcpy (train + n_tr, members, n_i[c] * sizeof (guint));
      n_tr += n_i[c];
      memcpy (test + n_te, members + n_i[c], t_i[c] * sizeof (guint));
      n_te += t_i[c];
    }
  g_assert (n_tr == n_train && n_te == n_test);
  lb_rng_shuffle (&rng, train, n_train);
  lb_rng_shuffle (&rng, test, n_test);
  return split_take (g_steal_pointer (&train), n_train, g_steal_pointer (&test), n_test);
}

LbSplit *
lb_split_stratified_by_bins (const double *values,
                             gsize         n,
                             const double *edges,
                             guint         n_edges,
                             double        test_size,
                             guint64       seed,
                             GError      **error)
{
  g_autofree gint32 *codes = g_new (gint32, MAX (n, 1));

  if (!lb_split_bin_values (values, n, edges, n_edges, codes, error))
    return NULL;
  for (gsize r = 0; r < n; r++)
    if (codes[r] < 0)
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                     _("row %zu: the value %g lies outside the bins (%g, %g]"),
                     r, values[r], edges[0], edges[n_edges - 1]);
        return NULL;
      }
  return lb_split_stratified_shuffle (codes, n, test_size, seed, error);
}

/* --- the id-hash split --- */

guint32
lb_split_id_crc32 (gint64 id)
{
  guint8 bytes[8];
  guint64 u = (guint64) id;

  for (int i = 0; i < 8; i++)
    bytes[i] = (guint8) (u >> (8 * i));   /* little-endian, like np.int64's buffer here */
  return (guint32) crc32 (0L, bytes, 8);
}

static gboolean
check_ratio (double   test_ratio,
             GError **error)
{
  if (!(test_ratio > 0.0 && test_ratio < 1.0))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("test_ratio must be in (0, 1) (got %g)"), test_ratio);
      return FALSE;
    }
  return TRUE;
}

/* Partitions rows by the flags in @in_test, keeping row order. */
static LbSplit *
split_from_flags (const gboolean *in_test,
                  gsize           n)
{
  guint *train = g_new (guint, MAX (n, 1));
  guint *test = g_new (guint, MAX (n, 1));
  gsize n_tr = 0, n_te = 0;

  for (gsize r = 0; r < n; r++)
    {
      if (in_test[r])
        test[n_te++] = (guint) r;
      else
        train[n_tr++] = (guint) r;
    }
  return split_take (train, n_tr, test, n_te);
}

LbSplit *
lb_split_id_hash (const gint64 *ids,
                  gsize         n,
                  double        test_ratio,
                  GError      **error)
{
  g_autofree gboolean *in_test = NULL;
  /* the book compares crc32 (…) & 0xffffffff < test_ratio * 2**32 in doubles */
  double limit = test_ratio * 4294967296.0;

  g_return_val_if_fail (n <= G_MAXUINT, NULL);

  if (!check_ratio (test_ratio, error))
    return NULL;
  in_test = g_new (gboolean, MAX (n, 1));
  for (gsize r = 0; r < n; r++)
    in_test[r] = (double) lb_split_id_crc32 (ids != NULL ? ids[r] : (gint64) r) < limit;
  return split_from_flags (in_test, n);
}

LbSplit *
lb_split_id_hash_column (LbColumn *column,
                         double    test_ratio,
                         GError  **error)
{
  g_autofree gboolean *in_test = NULL;
  double limit = test_ratio * 4294967296.0;
  gsize n;

  g_return_val_if_fail (column != NULL, NULL);

  if (!check_ratio (test_ratio, error))
    return NULL;
  n = lb_column_get_n_rows (column);
  in_test = g_new (gboolean, MAX (n, 1));
  for (gsize r = 0; r < n; r++)
    {
      guint32 h;

      if (lb_column_is_missing (column, r))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("row %zu: the id column '%s' is missing a value"),
                       r, lb_column_get_name (column));
          return NULL;
        }
      if (lb_column_get_kind (column) == LB_COLUMN_NUMERIC)
        {
          double v = lb_column_get_numeric (column)[r];

          if (!isfinite (v) || fabs (v) >= 9.2e18)
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                           _("row %zu: the id %g cannot be an integer id"), r, v);
              return NULL;
            }
          h = lb_split_id_crc32 ((gint64) v);   /* truncation toward zero, as np.int64 () */
        }
      else
        {
          g_autofree char *text = lb_column_format_value (column, r);

          h = (guint32) crc32 (0L, (const Bytef *) text, (uInt) strlen (text));
        }
      in_test[r] = (double) h < limit;
    }
  return split_from_flags (in_test, n);
}

/* --- index files --- */

GArray *
lb_split_parse_indices (const char *text,
                        const char *name,
                        GError    **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text;
  guint line = 1;

  g_return_val_if_fail (text != NULL, NULL);

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      gsize len = end != NULL ? (gsize) (end - p) : strlen (p);
      g_autofree char *field = g_strstrip (g_strndup (p, len));

      if (*field != '\0')
        {
          guint64 v = 0;

          if (!g_ascii_string_to_unsigned (field, 10, 0, G_MAXUINT - 1, &v, NULL))
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                           _("%s line %u: '%.40s' is not a row index"), name, line, field);
              return NULL;
            }
          guint index = (guint) v;

          g_array_append_val (out, index);
        }
      if (end == NULL)
        break;
      p = end + 1;
      line++;
    }
  return g_steal_pointer (&out);
}

static GArray *
read_indices (const char *path,
              GError    **error)
{
  g_autofree char *text = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, &text, NULL, &local))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("cannot read the index file %s: %s"), path, local->message);
      return NULL;
    }
  return lb_split_parse_indices (text, base, error);
}

LbSplit *
lb_split_new_from_index_files (const char *train_path,
                               const char *test_path,
                               gsize       n_samples,
                               GError    **error)
{
  g_autoptr(GArray) train = NULL;
  g_autoptr(GArray) test = NULL;
  g_autofree guint8 *seen = NULL;
  GArray *parts[2];

  g_return_val_if_fail (train_path != NULL && test_path != NULL, NULL);

  if ((train = read_indices (train_path, error)) == NULL
      || (test = read_indices (test_path, error)) == NULL)
    return NULL;

  parts[0] = train;
  parts[1] = test;
  seen = g_new0 (guint8, MAX (n_samples, 1));
  for (int k = 0; k < 2; k++)
    for (guint i = 0; i < parts[k]->len; i++)
      {
        guint row = g_array_index (parts[k], guint, i);

        if (row >= n_samples)
          {
            g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                         _("%s: row index %u is out of range: the data has %zu rows"),
                         k == 0 ? train_path : test_path, row, n_samples);
            return NULL;
          }
        if (seen[row])
          {
            g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                         _("%s: row index %u appears twice in the split"),
                         k == 0 ? train_path : test_path, row);
            return NULL;
          }
        seen[row] = 1;
      }
  return lb_split_new ((const guint *) train->data, train->len,
                       (const guint *) test->data, test->len);
}

/* --- applying it --- */

LbTable *
lb_split_take_train_table (const LbSplit *split,
                           LbTable       *table)
{
  g_return_val_if_fail (split != NULL && table != NULL, NULL);
  return lb_table_take_rows (table, split->train, split->n_train);
}

LbTable *
lb_split_take_test_table (const LbSplit *split,
                          LbTable       *table)
{
  g_return_val_if_fail (split != NULL && table != NULL, NULL);
  return lb_table_take_rows (table, split->test, split->n_test);
}
