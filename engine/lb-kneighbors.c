/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-kneighbors.c: the brute-force neighbour search of lb-kneighbors.h.
 * Euclidean: d² = ||x||² - 2·x·y + ||y||² with the cross term from dgemm over
 * chunks of queries (a few MiB of distances at a time), clamped at 0; then a
 * bounded max-heap per query keeps the k smallest (distance, index) pairs.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cblas.h>
#include <glib/gi18n-lib.h>

#include "lb-engine-error.h"
#include "lb-kneighbors.h"

G_DEFINE_ENUM_TYPE (LbKnnWeights, lb_knn_weights,
  G_DEFINE_ENUM_VALUE (LB_KNN_WEIGHTS_UNIFORM, "uniform"),
  G_DEFINE_ENUM_VALUE (LB_KNN_WEIGHTS_DISTANCE, "distance"))

/* (d, i) "greater" than (e, j): the order the heap keeps its maximum by */
static inline gboolean
pair_greater (double d, guint i,
              double e, guint j)
{
  return d > e || (d == e && i > j);
}

/* Max-heap of k (distance, index) pairs, root = the worst kept neighbour. */
static void
heap_sift_down (double *hd,
                guint  *hi,
                guint   k,
                guint   pos)
{
  for (;;)
    {
      guint l = 2 * pos + 1, r = l + 1, top = pos;

      if (l < k && pair_greater (hd[l], hi[l], hd[top], hi[top]))
        top = l;
      if (r < k && pair_greater (hd[r], hi[r], hd[top], hi[top]))
        top = r;
      if (top == pos)
        return;
      {
        double td = hd[pos];
        guint ti = hi[pos];

        hd[pos] = hd[top]; hi[pos] = hi[top];
        hd[top] = td; hi[top] = ti;
      }
      pos = top;
    }
}

/* k smallest of row d (n_fit values), sorted ascending into ind/dist. */
static void
select_k (const double *d,
          gsize         n_fit,
          guint         k,
          guint        *ind,
          double       *dist)
{
  /* fill with the first k, heapify, then replace the root when smaller */
  for (guint j = 0; j < k; j++)
    {
      dist[j] = d[j];
      ind[j] = j;
    }
  for (guint j = k / 2; j-- > 0;)
    heap_sift_down (dist, ind, k, j);
  for (gsize j = k; j < n_fit; j++)
    if (pair_greater (dist[0], ind[0], d[j], (guint) j))
      {
        dist[0] = d[j];
        ind[0] = (guint) j;
        heap_sift_down (dist, ind, k, 0);
      }
  /* heap sort: repeatedly move the maximum to the end */
  for (guint end = k; end-- > 1;)
    {
      double td = dist[0];
      guint ti = ind[0];

      dist[0] = dist[end]; ind[0] = ind[end];
      dist[end] = td; ind[end] = ti;
      heap_sift_down (dist, ind, end, 0);
    }
}

gboolean
lb_kneighbors_query (const LbMatrix *X_fit,
                     const LbMatrix *X,
                     guint           k,
                     double          p_norm,
                     guint          *ind,
                     double         *dist,
                     GError        **error)
{
  gsize n_fit = lb_matrix_get_n_rows (X_fit), n = lb_matrix_get_n_rows (X);
  gsize p = lb_matrix_get_n_cols (X_fit);
  const double *F = lb_matrix_get_const_data (X_fit), *Q = lb_matrix_get_const_data (X);
  g_autofree double *fnorm = NULL, *D = NULL;
  gsize chunk;

  g_return_val_if_fail (k > 0 && p_norm >= 1.0, FALSE);

  if (lb_matrix_get_n_cols (X) != p)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("X has %u features, the model was fitted with %u"),
                   (guint) lb_matrix_get_n_cols (X), (guint) p);
      return FALSE;
    }
  if (k > n_fit)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("n_neighbors (%u) must not exceed the number of training samples (%zu)"), k, n_fit);
      return FALSE;
    }
  if (n_fit > G_MAXUINT)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                           _("too many training samples for a neighbour search"));
      return FALSE;
    }

  /* ~4 MiB of distances per chunk of queries */
  chunk = CLAMP ((gsize) (1 << 19) / MAX (n_fit, 1), 1, MAX (n, 1));
  D = g_try_new (double, chunk * n_fit);
  if (D == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                           _("not enough memory for the neighbour distances"));
      return FALSE;
    }
  if (p_norm == 2.0)
    {
      fnorm = g_new (double, MAX (n_fit, 1));
      for (gsize j = 0; j < n_fit; j++)
        fnorm[j] = cblas_ddot ((int) p, F + j * p, 1, F + j * p, 1);
    }

  for (gsize i0 = 0; i0 < n; i0 += chunk)
    {
      gsize rows = MIN (chunk, n - i0);

      if (p_norm == 2.0)
        {
          /* D = -2·Q_c·Fᵀ + ||q||² + ||f||², clamped at 0 */
          cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasTrans, (int) rows, (int) n_fit, (int) p,
                       -2.0, Q + i0 * p, (int) p, F, (int) p, 0.0, D, (int) n_fit);
          for (gsize i = 0; i < rows; i++)
            {
              const double *q = Q + (i0 + i) * p;
              double qn = cblas_ddot ((int) p, q, 1, q, 1);
              double *row = D + i * n_fit;

              for (gsize j = 0; j < n_fit; j++)
                row[j] = MAX (row[j] + qn + fnorm[j], 0.0);
            }
        }
      else
        {
          for (gsize i = 0; i < rows; i++)
            {
              const double *q = Q + (i0 + i) * p;

              for (gsize j = 0; j < n_fit; j++)
                {
                  const double *f = F + j * p;
                  double s = 0.0;

                  if (p_norm == 1.0)
                    for (gsize c = 0; c < p; c++)
                      s += fabs (q[c] - f[c]);
                  else
                    for (gsize c = 0; c < p; c++)
                      s += pow (fabs (q[c] - f[c]), p_norm);
                  D[i * n_fit + j] = s;
                }
            }
        }
      for (gsize i = 0; i < rows; i++)
        {
          guint *ri = ind + (i0 + i) * k;
          double *rd = dist + (i0 + i) * k;

          select_k (D + i * n_fit, n_fit, k, ri, rd);
          /* the selection ran on d² (Euclidean) or Σ|.|^p: take the root now */
          for (guint j = 0; j < k; j++)
            rd[j] = p_norm == 2.0 ? sqrt (rd[j]) : p_norm == 1.0 ? rd[j] : pow (rd[j], 1.0 / p_norm);
        }
    }
  return TRUE;
}

void
lb_kneighbors_weights (const double *dist,
                       guint         k,
                       LbKnnWeights  weights,
                       double       *w)
{
  gboolean exact = FALSE;

  for (guint j = 0; j < k; j++)
    exact |= dist[j] == 0.0;
  for (guint j = 0; j < k; j++)
    {
      if (weights == LB_KNN_WEIGHTS_UNIFORM)
        w[j] = 1.0;
      else if (exact)
        w[j] = dist[j] == 0.0 ? 1.0 : 0.0;
      else
        w[j] = 1.0 / dist[j];
    }
}

/* --- what both models' predict and kneighbors share --- */

gboolean
lb_kneighbors_query_new (const LbMatrix *X_fit,
                         const char     *model,
                         const LbMatrix *X,
                         guint           k,
                         double          p_norm,
                         guint         **ind,
                         double        **dist,
                         GError        **error)
{
  gsize n = lb_matrix_get_n_rows (X);

  if (X_fit == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                   _("this %s is not fitted yet"), model);
      return FALSE;
    }
  *ind = g_try_new (guint, MAX (n * k, 1));
  *dist = g_try_new (double, MAX (n * k, 1));
  if (*ind == NULL || *dist == NULL)
    {
      g_clear_pointer (ind, g_free);
      g_clear_pointer (dist, g_free);
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                           _("not enough memory for the neighbour lists"));
      return FALSE;
    }
  if (!lb_kneighbors_query (X_fit, X, k, p_norm, *ind, *dist, error))
    {
      g_clear_pointer (ind, g_free);
      g_clear_pointer (dist, g_free);
      return FALSE;
    }
  return TRUE;
}

gboolean
lb_kneighbors_matrices (const LbMatrix *X_fit,
                        const char     *model,
                        const LbMatrix *X,
                        guint           k,
                        double          p_norm,
                        LbMatrix      **distances,
                        LbMatrix      **indices,
                        GError        **error)
{
  g_autofree guint *ind = NULL;
  g_autofree double *dist = NULL;
  gsize n = lb_matrix_get_n_rows (X);

  if (!lb_kneighbors_query_new (X_fit, model, X, k, p_norm, &ind, &dist, error))
    return FALSE;
  if (distances != NULL)
    *distances = lb_matrix_new_from_data (n, k, dist);
  if (indices != NULL)
    {
      *indices = lb_matrix_new (n, k);
      for (gsize i = 0; i < n * k; i++)
        lb_matrix_get_data (*indices)[i] = ind[i];
    }
  return TRUE;
}
