/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-linear-model.c: shared pieces of the linear models (see
 * lb-linear-model-private.h). Prediction is one dgemv/dgemm; centring
 * follows scikit-learn's _preprocess_data (column means, no scaling).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <cblas.h>

#include "lb-blas.h"
#include "lb-linear-model-private.h"

/* --- centring --- */

void
lb_linear_means (const double *X,
                 const double *y,
                 gsize         n,
                 gsize         p,
                 gboolean      fit_intercept,
                 double       *x_mean,
                 double       *y_mean)
{
  memset (x_mean, 0, p * sizeof (double));
  *y_mean = 0.0;
  if (!fit_intercept || n == 0)
    return;

  /* x̄ = Xᵀ·1 / n in one BLAS pass (row-major X read as the column-major
   * p × n matrix Xᵀ) */
  if (p > 0)
    {
      g_autofree double *ones = g_new (double, n);

      for (gsize i = 0; i < n; i++)
        ones[i] = 1.0;
      cblas_dgemv (CblasColMajor, CblasNoTrans, (int) p, (int) n, 1.0 / (double) n, X, (int) p,
                   ones, 1, 0.0, x_mean, 1);
    }

  if (y != NULL)
    {
      double s = 0.0;
      for (gsize i = 0; i < n; i++)
        s += y[i];
      *y_mean = s / (double) n;
    }
}

void
lb_linear_center_colmajor (const double *X,
                           gsize         n,
                           gsize         p,
                           const double *x_mean,
                           double       *Xc)
{
  for (gsize i = 0; i < n; i++)
    {
      const double *row = X + i * p;
      for (gsize j = 0; j < p; j++)
        Xc[j * n + i] = row[j] - x_mean[j];
    }
}

/* --- prediction --- */

LbMatrix *
lb_linear_decision (LbMatrix     *X,
                    const double *W,
                    const double *b,
                    guint         k,
                    guint         p,
                    GError      **error)
{
  gsize n = lb_matrix_get_n_rows (X);
  g_autoptr (LbBlasLimit) blas_limit = NULL;
  LbMatrix *out;
  double *o;

  if (lb_matrix_get_n_cols (X) != p)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("X has %u features, the model was fitted with %u"),
                   (guint) lb_matrix_get_n_cols (X), p);
      return NULL;
    }
  out = lb_matrix_try_new (n, k, error);
  if (out == NULL)
    return NULL;
  o = lb_matrix_get_data (out);
  for (gsize i = 0; i < n; i++)
    memcpy (o + i * k, b, k * sizeof (double));
  if (n == 0 || p == 0)
    return out;

  /* out (n, k) += X (n, p) · Wᵀ (p, k); small products on one BLAS thread */
  blas_limit = lb_blas_limit_push_small (2.0 * (double) n * (double) p * (double) k);
  if (k == 1)
    cblas_dgemv (CblasRowMajor, CblasNoTrans, (int) n, (int) p, 1.0,
                 lb_matrix_get_const_data (X), (int) p, W, 1, 1.0, o, 1);
  else
    cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasTrans, (int) n, (int) k, (int) p,
                 1.0, lb_matrix_get_const_data (X), (int) p, W, (int) p, 1.0, o, (int) k);
  return out;
}

/* --- JSON state --- */

JsonNode *
lb_linear_json_doubles (const double *values,
                        gsize         n)
{
  JsonArray *array = json_array_sized_new ((guint) n);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (gsize i = 0; i < n; i++)
    json_array_add_double_element (array, values[i]);
  json_node_take_array (node, array);
  return node;
}

static void
set_file_error (GError    **error,
                const char *name,
                const char *what)
{
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
               _("model state '%s': %s"), name, what);
}

gboolean
lb_linear_json_get_doubles (JsonObject *obj,
                            const char *name,
                            double     *out,
                            gsize       n,
                            GError    **error)
{
  JsonNode *node = json_object_get_member (obj, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_file_error (error, name, _("missing or not an array"));
      return FALSE;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) != n)
    {
      g_autofree char *msg = g_strdup_printf (_("expected %zu values, found %u"),
                                              n, json_array_get_length (array));
      set_file_error (error, name, msg);
      return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (array, (guint) i);
      GType t = JSON_NODE_HOLDS_VALUE (e) ? json_node_get_value_type (e) : G_TYPE_INVALID;

      if (t != G_TYPE_DOUBLE && t != G_TYPE_INT64)
        {
          set_file_error (error, name, _("holds something that is not a number"));
          return FALSE;
        }
      out[i] = json_node_get_double (e);
      if (!isfinite (out[i]))
        {
          set_file_error (error, name, _("holds a value that is not finite"));
          return FALSE;
        }
    }
  return TRUE;
}

double *
lb_linear_json_dup_doubles (JsonObject *obj,
                            const char *name,
                            gsize       n,
                            GError    **error)
{
  JsonNode *node = json_object_get_member (obj, name);
  g_autofree double *out = NULL;

  /* check the length first: @n may be a hostile file's number */
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (json_node_get_array (node)) != n)
    {
      set_file_error (error, name, _("missing, not an array, or of the wrong length"));
      return NULL;
    }
  out = g_new (double, MAX (n, 1));
  if (!lb_linear_json_get_doubles (obj, name, out, n, error))
    return NULL;
  return g_steal_pointer (&out);
}

gboolean
lb_linear_json_get_double (JsonObject *obj,
                           const char *name,
                           double     *out,
                           GError    **error)
{
  JsonNode *node = json_object_get_member (obj, name);
  GType t = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (t != G_TYPE_DOUBLE && t != G_TYPE_INT64)
    {
      set_file_error (error, name, _("missing or not a number"));
      return FALSE;
    }
  *out = json_node_get_double (node);
  if (!isfinite (*out))
    {
      set_file_error (error, name, _("not finite"));
      return FALSE;
    }
  return TRUE;
}

gboolean
lb_linear_json_get_uint (JsonObject *obj,
                         const char *name,
                         guint64     min,
                         guint64     max,
                         guint64    *out,
                         GError    **error)
{
  JsonNode *node = json_object_get_member (obj, name);
  gint64 v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_file_error (error, name, _("missing or not an integer"));
      return FALSE;
    }
  v = json_node_get_int (node);
  if (v < 0 || (guint64) v < min || (guint64) v > max)
    {
      set_file_error (error, name, _("out of range"));
      return FALSE;
    }
  *out = (guint64) v;
  return TRUE;
}

JsonObject *
lb_linear_json_object (JsonNode *state,
                       GError  **error)
{
  if (state == NULL || !JSON_NODE_HOLDS_OBJECT (state))
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                           _("model state is not a JSON object"));
      return NULL;
    }
  return json_node_get_object (state);
}

/* --- one-output regressors --- */

LbMatrix *
lb_linear_predict_one (LbMatrix     *X,
                       const double *coef,
                       double        intercept,
                       guint         n_features,
                       const char   *not_fitted,
                       GError      **error)
{
  if (coef == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED, not_fitted);
      return NULL;
    }
  return lb_linear_decision (X, coef, &intercept, 1, n_features, error);
}

JsonNode *
lb_linear_coef_to_json (guint         n_features,
                        const double *coef,
                        double        intercept)
{
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (obj, "n_features", n_features);
  json_object_set_member (obj, "coef", lb_linear_json_doubles (coef, n_features));
  json_object_set_double_member (obj, "intercept", intercept);
  json_node_take_object (node, obj);
  return node;
}

JsonObject *
lb_linear_coef_from_json (JsonNode *state,
                          guint64  *n_features,
                          double  **coef,
                          double   *intercept,
                          GError  **error)
{
  JsonObject *obj = lb_linear_json_object (state, error);
  g_autofree double *values = NULL;

  if (obj == NULL || !lb_linear_json_get_uint (obj, "n_features", 1, G_MAXINT32, n_features, error))
    return NULL;
  values = lb_linear_json_dup_doubles (obj, "coef", *n_features, error);
  if (values == NULL || !lb_linear_json_get_double (obj, "intercept", intercept, error))
    return NULL;
  *coef = g_steal_pointer (&values);
  return obj;
}
