/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-function-transformer.c: an element-wise function as a stateless
 * transformer. Unlike numpy (which warns and returns -inf for log(0)), a
 * finite value that gives a non-finite result is an error naming the row and
 * column, because the next step would refuse the infinity with a less useful
 * message. Missing values stay missing.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-function-transformer.h"
#include "lb-prep-private.h"

struct _LbFunctionTransformer
{
  LbEstimator parent_instance;

  LbFunction func;
  guint      n_features;
};

G_DEFINE_TYPE (LbFunctionTransformer, lb_function_transformer, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_FUNC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue function_values[] = {
  { LB_FUNCTION_IDENTITY, "LB_FUNCTION_IDENTITY", "identity" },
  { LB_FUNCTION_LOG, "LB_FUNCTION_LOG", "log" },
  { LB_FUNCTION_LOG1P, "LB_FUNCTION_LOG1P", "log1p" },
  { LB_FUNCTION_LOG2, "LB_FUNCTION_LOG2", "log2" },
  { LB_FUNCTION_LOG10, "LB_FUNCTION_LOG10", "log10" },
  { LB_FUNCTION_EXP, "LB_FUNCTION_EXP", "exp" },
  { LB_FUNCTION_EXPM1, "LB_FUNCTION_EXPM1", "expm1" },
  { LB_FUNCTION_SQRT, "LB_FUNCTION_SQRT", "sqrt" },
  { LB_FUNCTION_SQUARE, "LB_FUNCTION_SQUARE", "square" },
  { LB_FUNCTION_RECIPROCAL, "LB_FUNCTION_RECIPROCAL", "reciprocal" },
  { LB_FUNCTION_ABS, "LB_FUNCTION_ABS", "abs" },
  { 0, NULL, NULL },
};

GType
lb_function_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType type = g_enum_register_static (g_intern_static_string ("LbFunction"), function_values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

double
lb_function_apply (LbFunction func,
                   double     x)
{
  switch (func)
    {
    case LB_FUNCTION_LOG:
      return log (x);
    case LB_FUNCTION_LOG1P:
      return log1p (x);
    case LB_FUNCTION_LOG2:
      return log2 (x);
    case LB_FUNCTION_LOG10:
      return log10 (x);
    case LB_FUNCTION_EXP:
      return exp (x);
    case LB_FUNCTION_EXPM1:
      return expm1 (x);
    case LB_FUNCTION_SQRT:
      return sqrt (x);
    case LB_FUNCTION_SQUARE:
      return x * x;
    case LB_FUNCTION_RECIPROCAL:
      return 1.0 / x;
    case LB_FUNCTION_ABS:
      return fabs (x);
    case LB_FUNCTION_IDENTITY:
    default:
      return x;
    }
}

static const char *
function_nick (LbFunction func)
{
  for (guint i = 0; function_values[i].value_nick != NULL; i++)
    if (function_values[i].value == (int) func)
      return function_values[i].value_nick;
  return "?";
}

static void
lb_function_transformer_reset (LbEstimator *estimator)
{
  LB_FUNCTION_TRANSFORMER (estimator)->n_features = 0;
}

static gboolean
lb_function_transformer_fit (LbEstimator  *estimator,
                             LbMatrix     *X,
                             LbMatrix     *y,
                             LbFitContext *ctx,
                             GError      **error)
{
  LB_FUNCTION_TRANSFORMER (estimator)->n_features = (guint) lb_matrix_get_n_cols (X);
  lb_prep_report (ctx, 1.0);
  return TRUE;
}

static LbMatrix *
lb_function_transformer_transform (LbEstimator *estimator,
                                   LbMatrix    *X,
                                   GError     **error)
{
  LbFunctionTransformer *self = LB_FUNCTION_TRANSFORMER (estimator);
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  const double *x = lb_matrix_get_const_data (X);
  g_autoptr (LbMatrix) result = lb_prep_new_output (X, self->n_features, d, error);
  double *out;

  if (result == NULL)
    return NULL;
  out = lb_matrix_get_data (result);
  for (gsize i = 0; i < n * d; i++)
    {
      double v = lb_function_apply (self->func, x[i]);

      if (!isfinite (v) && isfinite (x[i]))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("%s(%g) in row %zu, column ‘%s’ is not a finite number%s"),
                       function_nick (self->func), x[i], i / d + 1,
                       lb_matrix_get_column_name (X, (guint) (i % d)),
                       self->func == LB_FUNCTION_LOG ? _(": use log1p for data with zeros") : "");
          return NULL;
        }
      out[i] = v;
    }
  lb_prep_name_output (estimator, X, result);
  return g_steal_pointer (&result);
}

static JsonNode *
lb_function_transformer_save_state (LbEstimator *estimator,
                                    GError     **error)
{
  return lb_prep_vectors_to_json (LB_FUNCTION_TRANSFORMER (estimator)->n_features, NULL, 0);
}

static gboolean
lb_function_transformer_load_state (LbEstimator *estimator,
                                    JsonNode    *state,
                                    GError     **error)
{
  return lb_prep_vectors_from_json (estimator, state, "FunctionTransformer",
                                    &LB_FUNCTION_TRANSFORMER (estimator)->n_features, NULL, 0, error);
}

static void
lb_function_transformer_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LbFunctionTransformer *self = LB_FUNCTION_TRANSFORMER (object);

  switch (prop_id)
    {
    case PROP_FUNC:
      g_value_set_enum (value, self->func);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_function_transformer_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LbFunctionTransformer *self = LB_FUNCTION_TRANSFORMER (object);
  int v;

  switch (prop_id)
    {
    case PROP_FUNC:
      v = (int) self->func;
      lb_prep_set_int (object, &v, g_value_get_enum (value), pspec);
      self->func = v;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_function_transformer_class_init (LbFunctionTransformerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *estimator_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_function_transformer_get_property;
  object_class->set_property = lb_function_transformer_set_property;

  estimator_class->name = "FunctionTransformer";
  estimator_class->flags = LB_ESTIMATOR_TRANSFORMER | LB_ESTIMATOR_ALLOW_NAN;
  estimator_class->fit = lb_function_transformer_fit;
  estimator_class->reset = lb_function_transformer_reset;
  estimator_class->transform = lb_function_transformer_transform;
  estimator_class->get_feature_names_out = lb_prep_feature_names_same;
  estimator_class->save_state = lb_function_transformer_save_state;
  estimator_class->load_state = lb_function_transformer_load_state;

  properties[PROP_FUNC] =
    g_param_spec_enum ("func", N_("Function"),
                       N_("The function applied to every value; log or log1p makes a heavy-tailed attribute more bell-shaped"),
                       LB_TYPE_FUNCTION, LB_FUNCTION_IDENTITY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_function_transformer_init (LbFunctionTransformer *self)
{
}

LbEstimator *
lb_function_transformer_new (LbFunction func)
{
  return g_object_new (LB_TYPE_FUNCTION_TRANSFORMER, "func", func, NULL);
}
