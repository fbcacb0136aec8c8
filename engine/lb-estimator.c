/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-estimator.c: LbEstimator's wrappers — the one place where input is
 * validated, cancellation is checked at entry, classes are learned from y and
 * the learned base state (n_features_in, feature names, classes) is kept.
 * Parameters by name and clone live in lb-estimator-params.c (one value's
 * conversion in lb-param-value.c), model state in lb-estimator-state.c, the
 * registry in lb-estimator-registry.c.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-estimator.h"
#include "lb-estimator-private.h"

typedef struct
{
  gboolean  fitted;
  guint     n_features_in;
  char    **feature_names_in;  /* NULL or n_features_in names */
  char    **classes;           /* NULL or n_classes names */
  guint     n_classes;
} LbEstimatorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LbEstimator, lb_estimator, G_TYPE_OBJECT)

static void
lb_estimator_finalize (GObject *object)
{
  LbEstimatorPrivate *priv = lb_estimator_get_instance_private (LB_ESTIMATOR (object));

  g_strfreev (priv->feature_names_in);
  g_strfreev (priv->classes);
  G_OBJECT_CLASS (lb_estimator_parent_class)->finalize (object);
}

static void
lb_estimator_class_init (LbEstimatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lb_estimator_finalize;
}

static void
lb_estimator_init (LbEstimator *self)
{
}

/* --- basic queries --- */

const char *
lb_estimator_get_name (LbEstimator *self)
{
  const char *name;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  name = LB_ESTIMATOR_GET_CLASS (self)->name;
  return name != NULL ? name : G_OBJECT_TYPE_NAME (self);
}

LbEstimatorFlags
lb_estimator_get_flags (LbEstimator *self)
{
  LbEstimatorClass *klass;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), 0);
  klass = LB_ESTIMATOR_GET_CLASS (self);
  return klass->get_flags != NULL ? klass->get_flags (self) : klass->flags;
}

gboolean
lb_estimator_is_classifier (LbEstimator *self)
{
  return (lb_estimator_get_flags (self) & LB_ESTIMATOR_CLASSIFIER) != 0;
}

gboolean
lb_estimator_is_regressor (LbEstimator *self)
{
  return (lb_estimator_get_flags (self) & LB_ESTIMATOR_REGRESSOR) != 0;
}

gboolean
lb_estimator_is_transformer (LbEstimator *self)
{
  return (lb_estimator_get_flags (self) & LB_ESTIMATOR_TRANSFORMER) != 0;
}

gboolean
lb_estimator_is_fitted (LbEstimator *self)
{
  LbEstimatorPrivate *priv;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), FALSE);
  priv = lb_estimator_get_instance_private (self);
  return priv->fitted;
}

guint
lb_estimator_get_n_features_in (LbEstimator *self)
{
  LbEstimatorPrivate *priv;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), 0);
  priv = lb_estimator_get_instance_private (self);
  return priv->n_features_in;
}

const char * const *
lb_estimator_get_feature_names_in (LbEstimator *self)
{
  LbEstimatorPrivate *priv;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  priv = lb_estimator_get_instance_private (self);
  return (const char * const *) priv->feature_names_in;
}

const char * const *
lb_estimator_get_classes (LbEstimator *self)
{
  LbEstimatorPrivate *priv;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  priv = lb_estimator_get_instance_private (self);
  return (const char * const *) priv->classes;
}

guint
lb_estimator_get_n_classes (LbEstimator *self)
{
  LbEstimatorPrivate *priv;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), 0);
  priv = lb_estimator_get_instance_private (self);
  return priv->n_classes;
}

void
lb_estimator_set_classes (LbEstimator        *self,
                          const char * const *classes,
                          guint               n_classes)
{
  LbEstimatorPrivate *priv;

  g_return_if_fail (LB_IS_ESTIMATOR (self));
  g_return_if_fail (classes != NULL || n_classes == 0);
  priv = lb_estimator_get_instance_private (self);
  if (priv->classes == (char **) classes)
    return;
  g_strfreev (priv->classes);
  priv->classes = NULL;
  priv->n_classes = n_classes;
  if (n_classes == 0)
    return;
  priv->classes = g_new0 (char *, n_classes + 1);
  for (guint k = 0; k < n_classes; k++)
    priv->classes[k] = g_strdup (classes[k]);
}

LbEstimator *
lb_estimator_get_child (LbEstimator *self,
                        const char  *name)
{
  LbEstimatorClass *klass;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  klass = LB_ESTIMATOR_GET_CLASS (self);
  return klass->get_child != NULL ? klass->get_child (self, name) : NULL;
}

/* --- private helpers shared with the sibling files --- */

void
lb_estimator_clear_fitted (LbEstimator *self)
{
  LbEstimatorPrivate *priv = lb_estimator_get_instance_private (self);
  LbEstimatorClass *klass = LB_ESTIMATOR_GET_CLASS (self);

  if (klass->reset != NULL)
    klass->reset (self);
  priv->fitted = FALSE;
  priv->n_features_in = 0;
  g_clear_pointer (&priv->feature_names_in, g_strfreev);
  g_clear_pointer (&priv->classes, g_strfreev);
  priv->n_classes = 0;
}

void
lb_estimator_set_fitted_shape (LbEstimator        *self,
                               guint               n_features_in,
                               const char * const *feature_names_in)
{
  LbEstimatorPrivate *priv = lb_estimator_get_instance_private (self);

  priv->n_features_in = n_features_in;
  g_clear_pointer (&priv->feature_names_in, g_strfreev);
  if (feature_names_in != NULL)
    {
      priv->feature_names_in = g_new0 (char *, n_features_in + 1);
      for (guint j = 0; j < n_features_in; j++)
        priv->feature_names_in[j] = g_strdup (feature_names_in[j]);
    }
}

void
lb_estimator_mark_fitted (LbEstimator *self)
{
  LbEstimatorPrivate *priv = lb_estimator_get_instance_private (self);

  priv->fitted = TRUE;
}

/* --- validation --- */

static gboolean
check_X (LbEstimator *self,
         LbMatrix    *X,
         GError     **error)
{
  gboolean allow_nan = (lb_estimator_get_flags (self) & LB_ESTIMATOR_ALLOW_NAN) != 0;
  const double *x = lb_matrix_get_const_data (X);
  gsize n = lb_matrix_get_n_rows (X) * lb_matrix_get_n_cols (X);

  if (lb_matrix_is_all_finite (X))
    return TRUE;
  for (gsize k = 0; k < n; k++)
    {
      if (isfinite (x[k]) || (allow_nan && isnan (x[k])))
        continue;

      gsize row = k / lb_matrix_get_n_cols (X);
      guint col = k % lb_matrix_get_n_cols (X);

      if (isnan (x[k]))
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                     _("X has a missing value (NaN) in row %zu, column ‘%s’: "
                       "%s cannot handle it — impute or drop missing values first"),
                     row + 1, lb_matrix_get_column_name (X, col), lb_estimator_get_name (self));
      else
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                     _("X has an infinite value in row %zu, column ‘%s’"),
                     row + 1, lb_matrix_get_column_name (X, col));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_fitted_X (LbEstimator *self,
                LbMatrix    *X,
                GError     **error)
{
  LbEstimatorPrivate *priv = lb_estimator_get_instance_private (self);

  if (!priv->fitted)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                   _("This %s is not fitted yet: call fit before using it"),
                   lb_estimator_get_name (self));
      return FALSE;
    }
  if (lb_matrix_get_n_cols (X) != priv->n_features_in)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("X has %zu features, the model was fitted with %u"),
                   lb_matrix_get_n_cols (X), priv->n_features_in);
      return FALSE;
    }
  return check_X (self, X, error);
}

/* --- fit --- */

gboolean
lb_estimator_supports_sample_weight (LbEstimator *self)
{
  g_return_val_if_fail (LB_IS_ESTIMATOR (self), FALSE);

  return (lb_estimator_get_flags (self) & LB_ESTIMATOR_SAMPLE_WEIGHT) != 0
         && LB_ESTIMATOR_GET_CLASS (self)->fit_weighted != NULL;
}

/* Weights: one finite, non-negative value per row, not all zero. */
static gboolean
check_sample_weight (LbEstimator *self,
                     LbMatrix    *X,
                     LbMatrix    *sample_weight,
                     GError     **error)
{
  const double *w = lb_matrix_get_const_data (sample_weight);
  gsize n = lb_matrix_get_n_rows (sample_weight);
  double total = 0.0;

  if (!lb_estimator_supports_sample_weight (self))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                   _("%s cannot learn with sample weights"), lb_estimator_get_name (self));
      return FALSE;
    }
  if (lb_matrix_get_n_cols (sample_weight) != 1 || n != lb_matrix_get_n_rows (X))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("the sample weights must be one column with one value per row of X "
                     "(%zu rows), not %zu by %zu"),
                   lb_matrix_get_n_rows (X), n, lb_matrix_get_n_cols (sample_weight));
      return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      if (!isfinite (w[i]) || w[i] < 0.0)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("sample weight %zu is %g: weights must be finite and not negative"),
                       i + 1, w[i]);
          return FALSE;
        }
      total += w[i];
    }
  if (!(total > 0.0))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("every sample weight is zero: nothing to learn from"));
      return FALSE;
    }
  return TRUE;
}

static gboolean fit_internal (LbEstimator *self, LbMatrix *X, LbMatrix *y,
                              LbMatrix *sample_weight, LbFitContext *ctx, GError **error);

gboolean
lb_estimator_fit (LbEstimator  *self,
                  LbMatrix     *X,
                  LbMatrix     *y,
                  LbFitContext *ctx,
                  GError      **error)
{
  return fit_internal (self, X, y, NULL, ctx, error);
}

gboolean
lb_estimator_fit_weighted (LbEstimator  *self,
                           LbMatrix     *X,
                           LbMatrix     *y,
                           LbMatrix     *sample_weight,
                           LbFitContext *ctx,
                           GError      **error)
{
  return fit_internal (self, X, y, sample_weight, ctx, error);
}

static gboolean
fit_internal (LbEstimator  *self,
              LbMatrix     *X,
              LbMatrix     *y,
              LbMatrix     *sample_weight,
              LbFitContext *ctx,
              GError      **error)
{
  LbEstimatorClass *klass;
  LbEstimatorFlags flags;
  g_autoptr(LbFitContext) own_ctx = NULL;
  g_autoptr(LbMatrix) y_fit = NULL;
  gboolean ok;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), FALSE);
  g_return_val_if_fail (X != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = LB_ESTIMATOR_GET_CLASS (self);
  flags = lb_estimator_get_flags (self);
  if (ctx == NULL)
    ctx = own_ctx = lb_fit_context_new ();

  /* Every fit honours a cancelled context, iterative or not. */
  if (lb_fit_context_check_cancelled (ctx, error))
    return FALSE;

  if (klass->fit == NULL && klass->fit_weighted == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                   _("%s cannot be fitted"), lb_estimator_get_name (self));
      return FALSE;
    }
  if (klass->check_params != NULL && !klass->check_params (self, error))
    return FALSE;

  if (lb_matrix_get_n_rows (X) == 0 || lb_matrix_get_n_cols (X) == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("X is empty (%zu rows, %zu columns): "
                     "%s needs at least one sample and one feature"),
                   lb_matrix_get_n_rows (X), lb_matrix_get_n_cols (X),
                   lb_estimator_get_name (self));
      return FALSE;
    }
  if (lb_matrix_get_n_cols (X) > G_MAXUINT)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                   _("X has too many features"));
      return FALSE;
    }
  if (!check_X (self, X, error))
    return FALSE;
  if (sample_weight != NULL && !check_sample_weight (self, X, sample_weight, error))
    return FALSE;

  if (y == NULL && (flags & (LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_CLASSIFIER)))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("%s needs a target y to learn from"), lb_estimator_get_name (self));
      return FALSE;
    }
  if (y != NULL)
    {
      gsize row;

      if (lb_matrix_get_n_rows (y) != lb_matrix_get_n_rows (X))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("X has %zu rows but y has %zu"),
                       lb_matrix_get_n_rows (X), lb_matrix_get_n_rows (y));
          return FALSE;
        }
      if (lb_matrix_get_n_cols (y) != 1)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("y must be a single column (it has %zu)"),
                       lb_matrix_get_n_cols (y));
          return FALSE;
        }
      if (lb_matrix_has_non_finite (y, &row, NULL))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("y has a missing or infinite value in row %zu"
                         ": drop those rows first"), row + 1);
          return FALSE;
        }
    }

  lb_estimator_clear_fitted (self);
  if ((flags & LB_ESTIMATOR_CLASSIFIER) != 0)
    {
      y_fit = lb_estimator_encode_classes (self, y, error);
      if (y_fit == NULL)
        {
          lb_estimator_clear_fitted (self);
          return FALSE;
        }
    }
  else if (y != NULL)
    y_fit = lb_matrix_ref (y);
  lb_estimator_set_fitted_shape (self, lb_matrix_get_n_cols (X), lb_matrix_get_column_names (X));

  if (sample_weight != NULL || klass->fit == NULL)
    ok = klass->fit_weighted (self, X, y_fit, sample_weight, ctx, error);
  else
    ok = klass->fit (self, X, y_fit, ctx, error);
  if (!ok)
    {
      lb_estimator_clear_fitted (self);
      return FALSE;
    }
  lb_estimator_mark_fitted (self);
  return TRUE;
}

/* --- predict / transform --- */

typedef LbMatrix *(*PredictFunc) (LbEstimator *self, LbMatrix *X, GError **error);

static LbMatrix *
call_predict (LbEstimator *self,
              LbMatrix    *X,
              PredictFunc  func,
              const char  *what,
              GError     **error)
{
  LbMatrix *out;

  if (func == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                   _("%s has no %s"), lb_estimator_get_name (self), what);
      return NULL;
    }
  if (!check_fitted_X (self, X, error))
    return NULL;
  out = func (self, X, error);
  g_return_val_if_fail (out != NULL || error == NULL || *error != NULL, NULL);
  if (out != NULL && lb_matrix_get_n_rows (out) != lb_matrix_get_n_rows (X))
    {
      g_critical ("%s's %s returned %" G_GSIZE_FORMAT " rows for %" G_GSIZE_FORMAT,
                  lb_estimator_get_name (self), what, lb_matrix_get_n_rows (out),
                  lb_matrix_get_n_rows (X));
    }
  return out;
}

LbMatrix *
lb_estimator_predict (LbEstimator *self,
                      LbMatrix    *X,
                      GError     **error)
{
  LbMatrix *out;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  g_return_val_if_fail (X != NULL, NULL);
  out = call_predict (self, X, LB_ESTIMATOR_GET_CLASS (self)->predict, "predict", error);
  if (out != NULL && lb_estimator_is_classifier (self) &&
      lb_matrix_get_n_cols (out) == 1 && lb_matrix_get_categories (out, 0) == NULL)
    lb_matrix_set_categories (out, 0, lb_estimator_get_classes (self));
  return out;
}

static void
name_class_columns (LbEstimator *self,
                    LbMatrix    *out)
{
  if (out != NULL && lb_matrix_get_column_names (out) == NULL &&
      lb_matrix_get_n_cols (out) == lb_estimator_get_n_classes (self))
    lb_matrix_set_column_names (out, lb_estimator_get_classes (self));
}

LbMatrix *
lb_estimator_predict_proba (LbEstimator *self,
                            LbMatrix    *X,
                            GError     **error)
{
  LbMatrix *out;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  g_return_val_if_fail (X != NULL, NULL);
  out = call_predict (self, X, LB_ESTIMATOR_GET_CLASS (self)->predict_proba,
                      "predict_proba", error);
  name_class_columns (self, out);
  return out;
}

LbMatrix *
lb_estimator_decision_function (LbEstimator *self,
                                LbMatrix    *X,
                                GError     **error)
{
  LbMatrix *out;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  g_return_val_if_fail (X != NULL, NULL);
  out = call_predict (self, X, LB_ESTIMATOR_GET_CLASS (self)->decision_function,
                      "decision_function", error);
  name_class_columns (self, out);
  return out;
}

LbMatrix *
lb_estimator_transform (LbEstimator *self,
                        LbMatrix    *X,
                        GError     **error)
{
  LbMatrix *out;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  g_return_val_if_fail (X != NULL, NULL);
  out = call_predict (self, X, LB_ESTIMATOR_GET_CLASS (self)->transform, "transform", error);
  if (out != NULL && lb_matrix_get_column_names (out) == NULL)
    {
      g_auto(GStrv) names_in = g_new0 (char *, lb_matrix_get_n_cols (X) + 1);
      g_auto(GStrv) names_out = NULL;

      for (guint j = 0; j < lb_matrix_get_n_cols (X); j++)
        names_in[j] = g_strdup (lb_matrix_get_column_name (X, j));
      names_out = lb_estimator_get_feature_names_out (self, (const char * const *) names_in,
                                                      lb_matrix_get_n_cols (X));
      if (names_out != NULL && g_strv_length (names_out) == lb_matrix_get_n_cols (out))
        lb_matrix_set_column_names (out, (const char * const *) names_out);
    }
  return out;
}

LbMatrix *
lb_estimator_fit_transform (LbEstimator  *self,
                            LbMatrix     *X,
                            LbMatrix     *y,
                            LbFitContext *ctx,
                            GError      **error)
{
  if (!lb_estimator_fit (self, X, y, ctx, error))
    return NULL;
  return lb_estimator_transform (self, X, error);
}

char **
lb_estimator_get_feature_names_out (LbEstimator        *self,
                                    const char * const *names_in,
                                    guint               n_in)
{
  LbEstimatorClass *klass;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  klass = LB_ESTIMATOR_GET_CLASS (self);
  if (klass->get_feature_names_out == NULL)
    return NULL;
  return klass->get_feature_names_out (self, names_in, n_in);
}

JsonNode *
lb_estimator_describe_state (LbEstimator *self)
{
  LbEstimatorClass *klass;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  klass = LB_ESTIMATOR_GET_CLASS (self);
  if (!lb_estimator_is_fitted (self) || klass->describe_state == NULL)
    return NULL;
  return klass->describe_state (self);
}
