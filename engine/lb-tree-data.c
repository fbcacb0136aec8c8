/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-tree-data.c: what every tree of one fit reads: X as float32 columns
 * (scikit-learn's precision, so thresholds agree) and, for the best
 * splitter, each feature's sample order, sorted once per fit by a radix sort
 * on the floats' bits.
 */
#include "config.h"

#include <string.h>

#include "lb-tree-builder-private.h"

/* A float's bits as an unsigned key with the same order (no NaN here). */
static inline guint32
float_key (float f)
{
  guint32 u;

  memcpy (&u, &f, sizeof u);
  return (u & 0x80000000u) ? ~u : u | 0x80000000u;
}

/* Sample ids 0..n-1 by increasing x (ties by id): LSD radix sort, 4 passes
 * of 8 bits over the keys, stable, O(n) per feature. */
static void
argsort_floats (const float *x,
                gsize        n,
                guint       *out,
                guint       *tmp_idx,
                guint32     *keys,
                guint32     *tmp_keys)
{
  guint *src = out, *dst = tmp_idx;
  guint32 *ksrc = keys, *kdst = tmp_keys;

  for (gsize i = 0; i < n; i++)
    {
      src[i] = (guint) i;
      ksrc[i] = float_key (x[i]);
    }
  for (guint shift = 0; shift < 32; shift += 8)
    {
      gsize count[257] = { 0 };

      for (gsize i = 0; i < n; i++)
        count[((ksrc[i] >> shift) & 0xff) + 1]++;
      if (count[((ksrc[0] >> shift) & 0xff) + 1] == n)
        continue;   /* every key has this digit: the pass would change nothing */
      for (guint b = 0; b < 256; b++)
        count[b + 1] += count[b];
      for (gsize i = 0; i < n; i++)
        {
          gsize at = count[(ksrc[i] >> shift) & 0xff]++;

          dst[at] = src[i];
          kdst[at] = ksrc[i];
        }
      { guint *t = src; src = dst; dst = t; }
      { guint32 *t = ksrc; ksrc = kdst; kdst = t; }
    }
  if (src != out)
    memcpy (out, src, n * sizeof (guint));
}

LbTreeData *
lb_tree_data_new (LbMatrix     *X,
                  LbMatrix     *y,
                  guint         n_classes,
                  gboolean      presort,
                  GCancellable *cancellable,
                  GError      **error)
{
  LbTreeData *d = g_new0 (LbTreeData, 1);
  const double *x = lb_matrix_get_const_data (X);

  d->n = lb_matrix_get_n_rows (X);
  d->p = lb_matrix_get_n_cols (X);
  d->n_classes = n_classes;
  d->Xf = g_new (float, d->n * d->p);
  for (gsize i = 0; i < d->n; i++)
    for (gsize j = 0; j < d->p; j++)
      d->Xf[j * d->n + i] = (float) x[i * d->p + j];
  d->y = g_memdup2 (lb_matrix_get_const_data (y), d->n * sizeof (double));
  if (presort)
    {
      g_autofree guint *tmp_idx = g_new (guint, MAX (d->n, 1));
      g_autofree guint32 *keys = g_new (guint32, MAX (d->n, 1));
      g_autofree guint32 *tmp_keys = g_new (guint32, MAX (d->n, 1));

      d->order = g_new (guint, d->n * d->p);
      for (gsize j = 0; j < d->p; j++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              lb_tree_data_free (d);
              return NULL;
            }
          argsort_floats (d->Xf + j * d->n, d->n, d->order + j * d->n, tmp_idx, keys, tmp_keys);
        }
    }
  return d;
}

void
lb_tree_data_free (LbTreeData *d)
{
  if (d == NULL)
    return;
  g_free (d->Xf);
  g_free (d->order);
  g_free (d->y);
  g_free (d);
}

