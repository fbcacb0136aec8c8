/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-kneighbors.c: the brute-force neighbour search of lb-kneighbors.h.
 * Euclidean: d² = ||x||² - 2·x·y + ||y||² with the cross term from dgemm over
 * chunks of queries (a few MiB of distances at a time), clamped at 0; then a
 * bounded max-heap per query keeps the k smallest (distance, index) pairs.
 * Also the shared parameters and remembered training set of
 * lb-kneighbors-private.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cblas.h>
#include <glib/gi18n-lib.h>

#include "lb-engine-error.h"
#include "lb-kneighbors.h"
#include "lb-kneighbors-private.h"
#include "lb-linear-model-private.h"
#include "lb-prep-private.h"

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

/* --- the remembered training set --- */

void
lb_kneighbors_remember (LbMatrix      **X_fit,
                        double        **y_fit,
                        LbMatrix       *X,
                        const LbMatrix *y)
{
  lb_kneighbors_forget (X_fit, y_fit);
  *X_fit = lb_matrix_ref (X);
  *y_fit = g_memdup2 (lb_matrix_get_const_data (y), lb_matrix_get_n_rows (y) * sizeof (double));
}

void
lb_kneighbors_forget (LbMatrix **X_fit,
                      double   **y_fit)
{
  g_clear_pointer (X_fit, lb_matrix_unref);
  g_clear_pointer (y_fit, g_free);
}

JsonNode *
lb_kneighbors_state_to_json (const LbMatrix *X_fit,
                             const double   *y_fit)
{
  gsize n = lb_matrix_get_n_rows (X_fit), p = lb_matrix_get_n_cols (X_fit);
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (obj, "n_samples", n);
  json_object_set_int_member (obj, "n_features", p);
  json_object_set_member (obj, "X", lb_linear_json_doubles (lb_matrix_get_const_data (X_fit), n * p));
  json_object_set_member (obj, "y", lb_linear_json_doubles (y_fit, n));
  json_node_take_object (node, obj);
  return node;
}

gboolean
lb_kneighbors_state_from_json (JsonNode  *state,
                               gboolean   class_codes,
                               LbMatrix **X_fit,
                               double   **y_fit,
                               GError   **error)
{
  JsonObject *obj = lb_linear_json_object (state, error);
  g_autoptr (LbMatrix) X = NULL;
  g_autofree double *y = NULL;
  guint64 n, p;

  if (obj == NULL
      || !lb_linear_json_get_uint (obj, "n_samples", 1, G_MAXINT32, &n, error)
      || !lb_linear_json_get_uint (obj, "n_features", 1, G_MAXINT32, &p, error))
    return FALSE;
  if (n * p > (guint64) G_MAXINT32)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                           _("the model state's training set is too large"));
      return FALSE;
    }
  X = lb_matrix_try_new (n, p, error);
  if (X == NULL)
    return FALSE;
  y = g_new (double, n);
  if (!lb_linear_json_get_doubles (obj, "X", lb_matrix_get_data (X), n * p, error)
      || !lb_linear_json_get_doubles (obj, "y", y, n, error))
    return FALSE;
  if (class_codes)
    for (guint64 i = 0; i < n; i++)
      if (!(y[i] >= 0 && y[i] < G_MAXINT32) || y[i] != floor (y[i]))
        {
          g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                               _("the model state's class codes are not whole numbers >= 0"));
          return FALSE;
        }
  lb_kneighbors_forget (X_fit, y_fit);
  *X_fit = g_steal_pointer (&X);
  *y_fit = g_steal_pointer (&y);
  return TRUE;
}

JsonNode *
lb_kneighbors_describe_state (const LbMatrix *X_fit)
{
  JsonObject *obj;
  JsonNode *node;

  if (X_fit == NULL)
    return NULL;
  /* the training set itself is too big to show */
  obj = json_object_new ();
  node = json_node_new (JSON_NODE_OBJECT);
  json_object_set_int_member (obj, "n_samples_fit", lb_matrix_get_n_rows (X_fit));
  json_node_take_object (node, obj);
  return node;
}

/* --- hyper-parameters --- */

enum
{
  PROP_0,
  PROP_N_NEIGHBORS,
  PROP_WEIGHTS,
  PROP_P,
};

void
lb_kneighbors_params_init (LbKnnParams *params)
{
  params->n_neighbors = 5;
  params->weights = LB_KNN_WEIGHTS_UNIFORM;
  params->p = 2.0;
}

void
lb_kneighbors_install_properties (GObjectClass *klass,
                                  const char   *n_neighbors_blurb)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  g_object_class_install_property (klass, PROP_N_NEIGHBORS,
    g_param_spec_uint ("n-neighbors", N_("Neighbours"), n_neighbors_blurb,
                       1, G_MAXINT32, 5, flags));
  g_object_class_install_property (klass, PROP_WEIGHTS,
    g_param_spec_enum ("weights", N_("Weights"),
                       N_("uniform: every neighbour counts the same; distance: closer "
                          "neighbours count more (1/distance)"),
                       LB_TYPE_KNN_WEIGHTS, LB_KNN_WEIGHTS_UNIFORM, flags));
  g_object_class_install_property (klass, PROP_P,
    g_param_spec_double ("p", N_("Minkowski p"),
                         N_("The distance's power: 2 is the straight-line (Euclidean) "
                            "distance, 1 the city-block (Manhattan) distance"),
                         1.0, 1e6, 2.0, flags));
}

void
lb_kneighbors_get_property (GObject           *object,
                            const LbKnnParams *params,
                            guint              prop_id,
                            GValue            *value,
                            GParamSpec        *pspec)
{
  switch (prop_id)
    {
    case PROP_N_NEIGHBORS: g_value_set_uint (value, params->n_neighbors); break;
    case PROP_WEIGHTS:     g_value_set_enum (value, params->weights); break;
    case PROP_P:           g_value_set_double (value, params->p); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
lb_kneighbors_set_property (GObject      *object,
                            LbKnnParams  *params,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  int v;

  switch (prop_id)
    {
    case PROP_N_NEIGHBORS:
      if (params->n_neighbors != g_value_get_uint (value))
        {
          params->n_neighbors = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WEIGHTS:
      v = (int) params->weights;
      lb_prep_set_int (object, &v, g_value_get_enum (value), pspec);
      params->weights = v;
      break;
    case PROP_P:   /* >= 1: neither NaN nor -0 */
      lb_prep_set_double (object, &params->p, g_value_get_double (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}
