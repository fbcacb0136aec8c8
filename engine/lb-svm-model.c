/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svm-model.c: a fitted kernel SVM in libsvm's layout: decision values a
 * block of rows at a time (K(block, SVs) from one dgemm, then each pair's
 * sums), libsvm's one-vs-one vote, and the model-file state with every
 * length and value checked on load.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-engine-error.h"
#include "lb-estimator.h"
#include "lb-svm-model.h"

#define BLOCK 256

guint
lb_svm_model_n_pairs (const LbSvmModel *model)
{
  return model->regression ? 1 : model->n_classes * (model->n_classes - 1) / 2;
}

void
lb_svm_model_free (LbSvmModel *model)
{
  if (model == NULL)
    return;
  g_free (model->sv);
  g_free (model->sv_sq);
  g_free (model->support);
  g_free (model->n_support);
  g_free (model->sv_coef);
  g_free (model->rho);
  g_free (model->prob_a);
  g_free (model->prob_b);
  g_free (model);
}

void
lb_svm_model_decision (const LbSvmModel *model,
                       const double     *X,
                       gsize             n,
                       double           *out)
{
  guint p = model->n_features, k = model->n_classes, n_pairs = lb_svm_model_n_pairs (model);
  gsize n_sv = model->n_sv;
  g_autofree double *K = g_new (double, (gsize) BLOCK * MAX (n_sv, 1));
  g_autofree double *x_sq = g_new (double, BLOCK);
  g_autofree gsize *start = g_new0 (gsize, k + 1);

  if (!model->regression)
    for (guint c = 0; c < k; c++)
      start[c + 1] = start[c] + model->n_support[c];

  for (gsize b = 0; b < n; b += BLOCK)
    {
      gsize nb = MIN ((gsize) BLOCK, n - b);

      lb_svm_row_norms (X + b * p, nb, p, x_sq);
      lb_svm_kernel_matrix (&model->kernel, X + b * p, x_sq, nb, model->sv, model->sv_sq, n_sv, p, K);
      for (gsize r = 0; r < nb; r++)
        {
          const double *kr = K + r * n_sv;
          double *o = out + (b + r) * n_pairs;

          if (model->regression)
            {
              double sum = 0.0;

              for (gsize s = 0; s < n_sv; s++)
                sum += model->sv_coef[s] * kr[s];
              o[0] = sum - model->rho[0];
              continue;
            }
          for (guint i = 0, q = 0; i < k; i++)
            for (guint j = i + 1; j < k; j++, q++)
              {
                const double *coef1 = model->sv_coef + (gsize) (j - 1) * n_sv;
                const double *coef2 = model->sv_coef + (gsize) i * n_sv;
                double sum = 0.0;

                for (gsize s = start[i]; s < start[i + 1]; s++)
                  sum += coef1[s] * kr[s];
                for (gsize s = start[j]; s < start[j + 1]; s++)
                  sum += coef2[s] * kr[s];
                o[q] = sum - model->rho[q];
              }
        }
    }
}

void
lb_svm_model_vote (const LbSvmModel *model,
                   const double     *dec,
                   gsize             n,
                   double           *out)
{
  guint k = model->n_classes, n_pairs = lb_svm_model_n_pairs (model);
  g_autofree guint *votes = g_new (guint, k);

  for (gsize r = 0; r < n; r++)
    {
      guint best = 0;

      memset (votes, 0, k * sizeof (guint));
      for (guint i = 0, q = 0; i < k; i++)
        for (guint j = i + 1; j < k; j++, q++)
          votes[dec[r * n_pairs + q] > 0 ? i : j]++;
      for (guint c = 1; c < k; c++)
        if (votes[c] > votes[best])
          best = c;
      out[r] = best;
    }
}

double *
lb_svm_model_linear_coef (const LbSvmModel *model)
{
  guint p = model->n_features, k = model->n_classes, n_pairs = lb_svm_model_n_pairs (model);
  gsize n_sv = model->n_sv;
  double *W = g_new0 (double, (gsize) n_pairs * p);

  if (model->regression)
    {
      for (gsize s = 0; s < n_sv; s++)
        for (guint f = 0; f < p; f++)
          W[f] += model->sv_coef[s] * model->sv[s * p + f];
      return W;
    }
  {
    g_autofree gsize *start = g_new0 (gsize, k + 1);

    for (guint c = 0; c < k; c++)
      start[c + 1] = start[c] + model->n_support[c];
    for (guint i = 0, q = 0; i < k; i++)
      for (guint j = i + 1; j < k; j++, q++)
        {
          double *w = W + (gsize) q * p;

          for (gsize s = start[i]; s < start[i + 1]; s++)
            for (guint f = 0; f < p; f++)
              w[f] += model->sv_coef[(gsize) (j - 1) * n_sv + s] * model->sv[s * p + f];
          for (gsize s = start[j]; s < start[j + 1]; s++)
            for (guint f = 0; f < p; f++)
              w[f] += model->sv_coef[(gsize) i * n_sv + s] * model->sv[s * p + f];
        }
  }
  return W;
}

/* --- state --- */

static JsonNode *
uints_node (const guint *values,
            gsize        n)
{
  g_autofree double *d = g_new (double, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    d[i] = values[i];
  return lb_state_from_doubles (d, n);
}

JsonNode *
lb_svm_model_save (const LbSvmModel *model)
{
  JsonObject *obj = json_object_new ();
  guint n_pairs = lb_svm_model_n_pairs (model);

  json_object_set_int_member (obj, "kernel", model->kernel.type);
  json_object_set_int_member (obj, "degree", model->kernel.degree);
  json_object_set_member (obj, "gamma", lb_state_from_doubles (&model->kernel.gamma, 1));
  json_object_set_member (obj, "coef0", lb_state_from_doubles (&model->kernel.coef0, 1));
  json_object_set_int_member (obj, "n_sv", model->n_sv);
  json_object_set_member (obj, "support", uints_node (model->support, model->n_sv));
  if (!model->regression)
    json_object_set_member (obj, "n_support", uints_node (model->n_support, model->n_classes));
  json_object_set_member (obj, "support_vectors",
                          lb_state_from_doubles (model->sv, model->n_sv * model->n_features));
  json_object_set_member (obj, "sv_coef",
                          lb_state_from_doubles (model->sv_coef, (model->n_classes - 1) * model->n_sv));
  json_object_set_member (obj, "rho", lb_state_from_doubles (model->rho, n_pairs));
  if (model->prob_a != NULL)
    {
      json_object_set_member (obj, "prob_a", lb_state_from_doubles (model->prob_a, n_pairs));
      json_object_set_member (obj, "prob_b", lb_state_from_doubles (model->prob_b, n_pairs));
    }
  return json_node_init_object (json_node_alloc (), obj);
}

static gboolean
file_error (GError    **error,
            const char *what)
{
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
               _("the model state's %s is not valid"), what);
  return FALSE;
}

static gboolean
get_finite (JsonObject *obj,
            const char *name,
            double     *out,
            gsize       n,
            GError    **error)
{
  JsonNode *node = lb_state_get_member (obj, name, JSON_NODE_VALUE, error);

  if (node == NULL || !lb_state_to_doubles (node, out, n, name, error))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!isfinite (out[i]))
      return file_error (error, name);
  return TRUE;
}

static guint *
get_uints (JsonObject *obj,
           const char *name,
           gsize       n,
           GError    **error)
{
  g_autofree double *d = g_new (double, MAX (n, 1));
  g_autofree guint *u = g_new (guint, MAX (n, 1));

  if (!get_finite (obj, name, d, n, error))
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      if (!(d[i] >= 0 && d[i] <= G_MAXINT32 && d[i] == floor (d[i])))
        {
          file_error (error, name);
          return NULL;
        }
      u[i] = (guint) d[i];
    }
  return g_steal_pointer (&u);
}

LbSvmModel *
lb_svm_model_load (JsonNode  *node,
                   gboolean   regression,
                   guint      n_classes,
                   guint      n_features,
                   GError   **error)
{
  g_autoptr(LbSvmModel) m = g_new0 (LbSvmModel, 1);
  JsonObject *obj;
  gint64 v;
  guint n_pairs;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      file_error (error, "state");
      return NULL;
    }
  obj = json_node_get_object (node);
  m->regression = regression;
  m->n_classes = regression ? 2 : n_classes;
  m->n_features = n_features;
  if (m->n_classes < 2 || n_features == 0)
    {
      file_error (error, "shape");
      return NULL;
    }
  n_pairs = lb_svm_model_n_pairs (m);
  if (!lb_state_get_int (obj, "kernel", LB_SVM_KERNEL_LINEAR, LB_SVM_KERNEL_SIGMOID, &v, error))
    return NULL;
  m->kernel.type = (LbSvmKernelType) v;
  if (!lb_state_get_int (obj, "degree", 0, 1000, &v, error))
    return NULL;
  m->kernel.degree = (int) v;
  if (!get_finite (obj, "gamma", &m->kernel.gamma, 1, error) ||
      !get_finite (obj, "coef0", &m->kernel.coef0, 1, error))
    return NULL;
  /* a bound on the stored vectors, so a tampered count cannot ask for terabytes */
  if (!lb_state_get_int (obj, "n_sv", 0, G_MAXINT32 / MAX (n_features, m->n_classes), &v, error))
    return NULL;
  m->n_sv = (gsize) v;
  m->support = get_uints (obj, "support", m->n_sv, error);
  if (m->support == NULL)
    return NULL;
  if (!regression)
    {
      gsize total = 0;

      m->n_support = get_uints (obj, "n_support", m->n_classes, error);
      if (m->n_support == NULL)
        return NULL;
      for (guint c = 0; c < m->n_classes; c++)
        total += m->n_support[c];
      if (total != m->n_sv)
        {
          file_error (error, "n_support");
          return NULL;
        }
    }
  m->sv = g_new (double, MAX (m->n_sv * n_features, 1));
  m->sv_coef = g_new (double, MAX ((m->n_classes - 1) * m->n_sv, 1));
  m->rho = g_new (double, n_pairs);
  if (!get_finite (obj, "support_vectors", m->sv, m->n_sv * n_features, error) ||
      !get_finite (obj, "sv_coef", m->sv_coef, (m->n_classes - 1) * m->n_sv, error) ||
      !get_finite (obj, "rho", m->rho, n_pairs, error))
    return NULL;
  if (json_object_has_member (obj, "prob_a") || json_object_has_member (obj, "prob_b"))
    {
      m->prob_a = g_new (double, n_pairs);
      m->prob_b = g_new (double, n_pairs);
      if (!get_finite (obj, "prob_a", m->prob_a, n_pairs, error) ||
          !get_finite (obj, "prob_b", m->prob_b, n_pairs, error))
        return NULL;
    }
  m->sv_sq = g_new (double, MAX (m->n_sv, 1));
  lb_svm_row_norms (m->sv, m->n_sv, n_features, m->sv_sq);
  return g_steal_pointer (&m);
}

/* --- describe --- */

static JsonNode *
array_node (const double *v,
            gsize         n,
            double        sign)
{
  JsonArray *a = json_array_sized_new ((guint) n);

  for (gsize i = 0; i < n; i++)
    json_array_add_double_element (a, sign * v[i]);
  return json_node_init_array (json_node_alloc (), a);
}

static JsonNode *
rows_node (const double *v,
           gsize         rows,
           gsize         cols,
           double        sign)
{
  JsonArray *a = json_array_sized_new ((guint) rows);

  for (gsize r = 0; r < rows; r++)
    json_array_add_element (a, array_node (v + r * cols, cols, sign));
  return json_node_init_array (json_node_alloc (), a);
}

void
lb_svm_model_describe (const LbSvmModel *model,
                       JsonObject       *obj)
{
  guint n_pairs = lb_svm_model_n_pairs (model);
  /* scikit-learn flips a binary SVC so that positive means the second class */
  double sign = (!model->regression && model->n_classes == 2) ? -1.0 : 1.0;
  g_autofree double *intercept = g_new (double, n_pairs);
  JsonArray *support = json_array_sized_new ((guint) model->n_sv);

  for (gsize s = 0; s < model->n_sv; s++)
    json_array_add_int_element (support, model->support[s]);
  json_object_set_array_member (obj, "support_", support);
  json_object_set_member (obj, "support_vectors_", rows_node (model->sv, model->n_sv, model->n_features, 1.0));
  if (!model->regression)
    {
      JsonArray *ns = json_array_sized_new (model->n_classes);

      for (guint c = 0; c < model->n_classes; c++)
        json_array_add_int_element (ns, model->n_support[c]);
      json_object_set_array_member (obj, "n_support_", ns);
    }
  json_object_set_member (obj, "dual_coef_", rows_node (model->sv_coef, model->n_classes - 1, model->n_sv, sign));
  for (guint q = 0; q < n_pairs; q++)
    intercept[q] = -model->rho[q];
  json_object_set_member (obj, "intercept_", array_node (intercept, n_pairs, sign));
  json_object_set_member (obj, "gamma_", json_node_init_double (json_node_alloc (), model->kernel.gamma));
  if (model->kernel.type == LB_SVM_KERNEL_LINEAR)
    {
      g_autofree double *W = lb_svm_model_linear_coef (model);

      json_object_set_member (obj, "coef_", rows_node (W, n_pairs, model->n_features, sign));
    }
}
