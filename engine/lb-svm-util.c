/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svm-util.c: the pieces SVC/SVR and LinearSVC/LinearSVR share (see
 * lb-svm-private.h), kept in one place so the twins cannot drift apart in
 * their properties' ranges, texts or state checks.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-estimator.h"
#include "lb-svm-private.h"

void
lb_svm_set_gamma (JsonNode    **gamma,
                  GObject      *object,
                  GParamSpec   *pspec,
                  const GValue *value)
{
  JsonNode *node = g_value_get_boxed (value);

  node = node == NULL ? lb_svm_gamma_default () : json_node_copy (node);
  if (*gamma == NULL || !json_node_equal (*gamma, node))
    {
      g_clear_pointer (gamma, json_node_unref);
      *gamma = node;
      g_object_notify_by_pspec (object, pspec);
    }
  else
    json_node_unref (node);
}

void
lb_svm_kernel_pspecs (GParamSpec **props,
                      guint        kernel,
                      guint        degree,
                      guint        gamma,
                      guint        coef0,
                      guint        shrinking,
                      guint        tol,
                      guint        cache_size,
                      GParamFlags  flags)
{
  props[kernel] =
    g_param_spec_enum ("kernel", N_("Kernel"),
                       N_("The similarity between samples: linear, polynomial, Gaussian RBF or sigmoid"),
                       LB_TYPE_SVM_KERNEL_TYPE, LB_SVM_KERNEL_RBF, flags);
  props[degree] =
    g_param_spec_uint ("degree", N_("Degree"),
                       N_("The polynomial kernel's degree"),
                       0, 100, 3, flags);
  props[gamma] =
    g_param_spec_boxed ("gamma", N_("Gamma"),
                        N_("The kernel's scale for rbf, poly and sigmoid: \"scale\" = 1 / (features × "
                           "variance of X), \"auto\" = 1 / features, or a number > 0; larger gamma "
                           "gives a wigglier boundary"),
                        JSON_TYPE_NODE, flags);
  props[coef0] =
    g_param_spec_double ("coef0", N_("Coef0"),
                         N_("The constant term of the poly and sigmoid kernels"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
  props[shrinking] =
    g_param_spec_boolean ("shrinking", N_("Shrinking"),
                          N_("Set aside samples that look settled at their bounds (faster, same result)"),
                          TRUE, flags);
  props[tol] =
    g_param_spec_double ("tol", N_("Tolerance"),
                         N_("Stop when the optimality gap falls below this"),
                         G_MINDOUBLE, G_MAXDOUBLE, 1e-3, flags);
  props[cache_size] =
    g_param_spec_double ("cache-size", N_("Cache size (MB)"),
                         N_("Memory for kernel rows during the fit"),
                         1.0, 1e7, 200.0, flags);
}

JsonNode *
lb_svm_model_describe_node (const LbSvmModel *model)
{
  JsonObject *obj;

  if (model == NULL)
    return NULL;
  obj = json_object_new ();
  lb_svm_model_describe (model, obj);
  return json_node_init_object (json_node_alloc (), obj);
}

const double *
lb_svm_model_get_sv (const LbSvmModel *model,
                     gsize            *n_sv,
                     guint            *n_features)
{
  if (n_sv != NULL)
    *n_sv = model != NULL ? model->n_sv : 0;
  if (n_features != NULL)
    *n_features = model != NULL ? model->n_features : 0;
  return model != NULL ? model->sv : NULL;
}

const guint *
lb_svm_model_get_support (const LbSvmModel *model,
                          gsize            *n_sv)
{
  if (n_sv != NULL)
    *n_sv = model != NULL ? model->n_sv : 0;
  return model != NULL ? model->support : NULL;
}

void
lb_linear_svm_intercept_pspecs (GParamSpec **props,
                                guint        fit_intercept,
                                guint        intercept_scaling,
                                guint        max_iter,
                                GParamFlags  flags)
{
  props[fit_intercept] =
    g_param_spec_boolean ("fit-intercept", N_("Fit intercept"),
                          N_("Learn a bias term (regularised, as liblinear does)"),
                          TRUE, flags);
  props[intercept_scaling] =
    g_param_spec_double ("intercept-scaling", N_("Intercept scaling"),
                         N_("The value of the constant feature whose weight is the intercept; "
                            "larger values regularise the intercept less"),
                         G_MINDOUBLE, G_MAXDOUBLE, 1.0, flags);
  props[max_iter] =
    g_param_spec_uint ("max-iter", N_("Maximum iterations"),
                       N_("Passes over the data at most"),
                       1, G_MAXINT32, 1000, flags);
}

gboolean
lb_linear_svm_state_doubles (JsonObject *obj,
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
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                     _("the model state's %s is not valid"), name);
        return FALSE;
      }
  return TRUE;
}
