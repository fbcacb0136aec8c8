/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svm-kernel.c: libsvm's four kernels, evaluated a block at a time: the
 * dot products of a block of rows against another come from one dgemm, then
 * the kernel's function is applied element-wise. rbf uses libsvm's own
 * formula exp(−γ(‖a‖² + ‖b‖² − 2a·b)) so kernel values agree with it.
 */
#include "config.h"

#include <math.h>

#include <cblas.h>
#include <glib/gi18n-lib.h>

#include "lb-engine-error.h"
#include "lb-svm-kernel.h"

G_DEFINE_ENUM_TYPE (LbSvmKernelType, lb_svm_kernel_type,
  G_DEFINE_ENUM_VALUE (LB_SVM_KERNEL_LINEAR, "linear"),
  G_DEFINE_ENUM_VALUE (LB_SVM_KERNEL_POLY, "poly"),
  G_DEFINE_ENUM_VALUE (LB_SVM_KERNEL_RBF, "rbf"),
  G_DEFINE_ENUM_VALUE (LB_SVM_KERNEL_SIGMOID, "sigmoid"))

double
lb_svm_powi (double base,
             int    times)
{
  double tmp = base, ret = 1.0;

  for (int t = times; t > 0; t /= 2)
    {
      if (t % 2 == 1)
        ret *= tmp;
      tmp = tmp * tmp;
    }
  return ret;
}

void
lb_svm_row_norms (const double *A,
                  gsize         n,
                  gsize         p,
                  double       *out)
{
  for (gsize i = 0; i < n; i++)
    {
      const double *a = A + i * p;
      double s = 0.0;

      /* the same summation order as libsvm's dense dot */
      for (gsize j = 0; j < p; j++)
        s += a[j] * a[j];
      out[i] = s;
    }
}

void
lb_svm_kernel_apply (const LbSvmKernel *kernel,
                     double            *dot,
                     gsize              n,
                     double             sq_a,
                     const double      *sq_b)
{
  switch (kernel->type)
    {
    case LB_SVM_KERNEL_LINEAR:
      break;
    case LB_SVM_KERNEL_POLY:
      for (gsize j = 0; j < n; j++)
        dot[j] = lb_svm_powi (kernel->gamma * dot[j] + kernel->coef0, kernel->degree);
      break;
    case LB_SVM_KERNEL_RBF:
      for (gsize j = 0; j < n; j++)
        dot[j] = exp (-kernel->gamma * (sq_a + sq_b[j] - 2.0 * dot[j]));
      break;
    case LB_SVM_KERNEL_SIGMOID:
      for (gsize j = 0; j < n; j++)
        dot[j] = tanh (kernel->gamma * dot[j] + kernel->coef0);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
lb_svm_kernel_matrix (const LbSvmKernel *kernel,
                      const double      *A,
                      const double      *a_sq,
                      gsize              na,
                      const double      *B,
                      const double      *b_sq,
                      gsize              nb,
                      gsize              p,
                      double            *out)
{
  if (na == 0 || nb == 0)
    return;
  if (p == 0)
    {
      for (gsize i = 0; i < na * nb; i++)
        out[i] = 0.0;
    }
  else if (na == 1)
    cblas_dgemv (CblasRowMajor, CblasNoTrans, (int) nb, (int) p, 1.0, B, (int) p, A, 1, 0.0, out, 1);
  else
    cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasTrans, (int) na, (int) nb, (int) p,
                 1.0, A, (int) p, B, (int) p, 0.0, out, (int) nb);
  for (gsize i = 0; i < na; i++)
    lb_svm_kernel_apply (kernel, out + i * nb, nb, a_sq != NULL ? a_sq[i] : 0.0, b_sq);
}

/* --- gamma --- */

JsonNode *
lb_svm_gamma_default (void)
{
  return json_node_init_string (json_node_alloc (), "scale");
}

gboolean
lb_svm_gamma_check (JsonNode *gamma,
                    GError  **error)
{
  if (gamma != NULL && JSON_NODE_HOLDS_VALUE (gamma))
    {
      GType t = json_node_get_value_type (gamma);

      if (t == G_TYPE_STRING &&
          (g_strcmp0 (json_node_get_string (gamma), "scale") == 0 ||
           g_strcmp0 (json_node_get_string (gamma), "auto") == 0))
        return TRUE;
      if ((t == G_TYPE_DOUBLE || t == G_TYPE_INT64) &&
          isfinite (json_node_get_double (gamma)) && json_node_get_double (gamma) > 0)
        return TRUE;
    }
  g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("gamma must be \"scale\", \"auto\" or a number > 0"));
  return FALSE;
}

double
lb_svm_gamma_resolve (JsonNode     *gamma,
                      const double *X,
                      gsize         n,
                      gsize         p)
{
  if (JSON_NODE_HOLDS_VALUE (gamma) && json_node_get_value_type (gamma) == G_TYPE_STRING)
    {
      double mean = 0.0, var = 0.0;
      gsize count = n * p;

      if (g_strcmp0 (json_node_get_string (gamma), "auto") == 0)
        return 1.0 / (double) p;
      /* scale: 1 / (p · X.var()), numpy's two-pass variance over every value */
      for (gsize i = 0; i < count; i++)
        mean += X[i];
      mean /= (double) count;
      for (gsize i = 0; i < count; i++)
        var += (X[i] - mean) * (X[i] - mean);
      var /= (double) count;
      return var != 0.0 ? 1.0 / ((double) p * var) : 1.0;
    }
  return json_node_get_double (gamma);
}
