/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-dummy-regressor.c: DummyRegressor as scikit-learn 1.2.1: the constant is
 * mean(y), numpy's median, numpy's linear-interpolation percentile, or the
 * user's constant.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-dummy-regressor.h"
#include "lb-linear-model-private.h"

struct _LbDummyRegressor
{
  LbEstimator parent_instance;

  LbDummyRegressorStrategy strategy;
  double                   quantile;
  double                   constant;

  gboolean fitted;
  double   value;
};

G_DEFINE_TYPE (LbDummyRegressor, lb_dummy_regressor, LB_TYPE_ESTIMATOR)

G_DEFINE_ENUM_TYPE (LbDummyRegressorStrategy, lb_dummy_regressor_strategy,
  G_DEFINE_ENUM_VALUE (LB_DUMMY_REGRESSOR_MEAN, "mean"),
  G_DEFINE_ENUM_VALUE (LB_DUMMY_REGRESSOR_MEDIAN, "median"),
  G_DEFINE_ENUM_VALUE (LB_DUMMY_REGRESSOR_QUANTILE, "quantile"),
  G_DEFINE_ENUM_VALUE (LB_DUMMY_REGRESSOR_CONSTANT, "constant"))

enum
{
  PROP_0,
  PROP_STRATEGY,
  PROP_QUANTILE,
  PROP_CONSTANT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* numpy.percentile(v, 100·q) with the default "linear" method */
static double
quantile_of (const double *v,
             gsize         n,
             double        q)
{
  g_autofree double *s = g_memdup2 (v, n * sizeof (double));
  double pos, frac;
  gsize lo;

  qsort (s, n, sizeof (double), compare_double);
  pos = q * (double) (n - 1);
  lo = (gsize) floor (pos);
  frac = pos - (double) lo;
  if (lo + 1 >= n)
    return s[n - 1];
  return s[lo] + frac * (s[lo + 1] - s[lo]);
}

static gboolean
lb_dummy_regressor_fit (LbEstimator  *estimator,
                        LbMatrix     *X,
                        LbMatrix     *y,
                        LbFitContext *ctx,
                        GError      **error)
{
  LbDummyRegressor *self = LB_DUMMY_REGRESSOR (estimator);
  const double *v = lb_matrix_get_const_data (y);
  gsize n = lb_matrix_get_n_rows (y);

  switch (self->strategy)
    {
    case LB_DUMMY_REGRESSOR_MEAN:
      {
        double s = 0.0;

        for (gsize i = 0; i < n; i++)
          s += v[i];
        self->value = s / (double) n;
      }
      break;
    case LB_DUMMY_REGRESSOR_MEDIAN:
      self->value = quantile_of (v, n, 0.5);
      break;
    case LB_DUMMY_REGRESSOR_QUANTILE:
      self->value = quantile_of (v, n, self->quantile);
      break;
    case LB_DUMMY_REGRESSOR_CONSTANT:
      self->value = self->constant;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  self->fitted = TRUE;
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static void
lb_dummy_regressor_reset (LbEstimator *estimator)
{
  LbDummyRegressor *self = LB_DUMMY_REGRESSOR (estimator);

  self->fitted = FALSE;
  self->value = NAN;
}

static LbMatrix *
lb_dummy_regressor_predict (LbEstimator *estimator,
                            LbMatrix    *X,
                            GError     **error)
{
  LbDummyRegressor *self = LB_DUMMY_REGRESSOR (estimator);
  gsize n = lb_matrix_get_n_rows (X);
  LbMatrix *out;

  if (!self->fitted)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                           _("this DummyRegressor is not fitted yet"));
      return NULL;
    }
  out = lb_matrix_try_new (n, 1, error);
  if (out == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    lb_matrix_get_data (out)[i] = self->value;
  return out;
}

static JsonNode *
lb_dummy_regressor_save_state (LbEstimator *estimator,
                               GError     **error)
{
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_double_member (obj, "constant", LB_DUMMY_REGRESSOR (estimator)->value);
  json_node_take_object (node, obj);
  return node;
}

static gboolean
lb_dummy_regressor_load_state (LbEstimator *estimator,
                               JsonNode    *state,
                               GError     **error)
{
  LbDummyRegressor *self = LB_DUMMY_REGRESSOR (estimator);
  JsonObject *obj = lb_linear_json_object (state, error);
  double v;

  if (obj == NULL || !lb_linear_json_get_double (obj, "constant", &v, error))
    return FALSE;
  self->value = v;
  self->fitted = TRUE;
  return TRUE;
}

static JsonNode *
lb_dummy_regressor_describe_state (LbEstimator *estimator)
{
  return LB_DUMMY_REGRESSOR (estimator)->fitted ? lb_dummy_regressor_save_state (estimator, NULL)
                                                : NULL;
}

static void
lb_dummy_regressor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LbDummyRegressor *self = LB_DUMMY_REGRESSOR (object);

  switch (prop_id)
    {
    case PROP_STRATEGY: g_value_set_enum (value, self->strategy); break;
    case PROP_QUANTILE: g_value_set_double (value, self->quantile); break;
    case PROP_CONSTANT: g_value_set_double (value, self->constant); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_dummy_regressor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LbDummyRegressor *self = LB_DUMMY_REGRESSOR (object);

  switch (prop_id)
    {
    case PROP_STRATEGY:
      if (self->strategy != (LbDummyRegressorStrategy) g_value_get_enum (value))
        {
          self->strategy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_QUANTILE:
      if (self->quantile != g_value_get_double (value))
        {
          self->quantile = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CONSTANT:
      if (self->constant != g_value_get_double (value))
        {
          self->constant = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_dummy_regressor_class_init (LbDummyRegressorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_dummy_regressor_get_property;
  object_class->set_property = lb_dummy_regressor_set_property;

  est_class->name = "DummyRegressor";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y;
  est_class->fit = lb_dummy_regressor_fit;
  est_class->reset = lb_dummy_regressor_reset;
  est_class->predict = lb_dummy_regressor_predict;
  est_class->save_state = lb_dummy_regressor_save_state;
  est_class->load_state = lb_dummy_regressor_load_state;
  est_class->describe_state = lb_dummy_regressor_describe_state;

  properties[PROP_STRATEGY] =
    g_param_spec_enum ("strategy", N_("Strategy"),
                       N_("The constant to predict: the training mean, median, a quantile "
                          "or a value you give"),
                       LB_TYPE_DUMMY_REGRESSOR_STRATEGY, LB_DUMMY_REGRESSOR_MEAN, flags);
  /* scikit-learn's default is None (required with "quantile"); 0.5 = the median */
  properties[PROP_QUANTILE] =
    g_param_spec_double ("quantile", N_("Quantile"),
                         N_("Which quantile of the training targets to predict with the "
                            "quantile strategy (0.5 is the median)"),
                         0.0, 1.0, 0.5, flags);
  properties[PROP_CONSTANT] =
    g_param_spec_double ("constant", N_("Constant"),
                         N_("The value predicted by the constant strategy"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_dummy_regressor_init (LbDummyRegressor *self)
{
  self->strategy = LB_DUMMY_REGRESSOR_MEAN;
  self->quantile = 0.5;
  self->value = NAN;
}

LbEstimator *
lb_dummy_regressor_new (void)
{
  return g_object_new (LB_TYPE_DUMMY_REGRESSOR, NULL);
}

double
lb_dummy_regressor_get_constant (LbDummyRegressor *self)
{
  g_return_val_if_fail (LB_IS_DUMMY_REGRESSOR (self), NAN);
  return self->fitted ? self->value : NAN;
}
