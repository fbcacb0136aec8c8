/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-min-max-scaler.c: scikit-learn 1.2's MinMaxScaler on a dense matrix:
 * scale_ = (range_max - range_min) / (data_max - data_min) (a range below
 * 10 eps counts as 0 and gives scale 1), min_ = range_min - data_min * scale_,
 * transform = x * scale_ + min_ in that order, as sklearn computes it.
 * feature_range is a JSON list [min, max] (a JsonNode property).
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-min-max-scaler.h"
#include "lb-prep-private.h"

struct _LbMinMaxScaler
{
  LbEstimator parent_instance;

  /* hyper-parameters */
  JsonNode *feature_range;   /* [min, max] */
  gboolean  clip;

  /* learned state */
  guint   n_features;
  double *data_min;  /* (n_features) */
  double *data_max;
  double *scale;
  double *min;
};

/* the learned state as saved */
#define STATE_VECTORS(self) { { "data_min", &(self)->data_min }, { "data_max", &(self)->data_max }, \
                              { "scale", &(self)->scale }, { "min", &(self)->min } }

G_DEFINE_TYPE (LbMinMaxScaler, lb_min_max_scaler, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_FEATURE_RANGE,
  PROP_CLIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static JsonNode *
range_node (double lo,
            double hi)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  json_array_add_double_element (array, lo);
  json_array_add_double_element (array, hi);
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

static gboolean
number_of (JsonNode *node,
           double   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_INT64
      && json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return FALSE;
  *out = json_node_get_double (node);
  return isfinite (*out);
}

/* The range, or FALSE when feature_range is not [a, b] with a < b. */
static gboolean
get_range (LbMinMaxScaler *self,
           double         *lo,
           double         *hi)
{
  JsonArray *array;

  if (self->feature_range == NULL || !JSON_NODE_HOLDS_ARRAY (self->feature_range))
    return FALSE;
  array = json_node_get_array (self->feature_range);
  return json_array_get_length (array) == 2
         && number_of (json_array_get_element (array, 0), lo)
         && number_of (json_array_get_element (array, 1), hi)
         && *lo < *hi;
}

static gboolean
lb_min_max_scaler_check_params (LbEstimator *estimator,
                                GError     **error)
{
  LbMinMaxScaler *self = LB_MIN_MAX_SCALER (estimator);
  double lo, hi;

  if (!get_range (self, &lo, &hi))
    {
      g_autofree char *text = self->feature_range != NULL
                                ? json_to_string (self->feature_range, FALSE)
                                : g_strdup ("null");

      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("feature_range must be a list of two numbers [min, max] with min < max (got %s)"),
                   text);
      return FALSE;
    }
  return TRUE;
}

/* --- fit --- */

static void
lb_min_max_scaler_reset (LbEstimator *estimator)
{
  LbMinMaxScaler *self = LB_MIN_MAX_SCALER (estimator);

  g_clear_pointer (&self->data_min, g_free);
  g_clear_pointer (&self->data_max, g_free);
  g_clear_pointer (&self->scale, g_free);
  g_clear_pointer (&self->min, g_free);
  self->n_features = 0;
}

static gboolean
lb_min_max_scaler_fit (LbEstimator  *estimator,
                       LbMatrix     *X,
                       LbMatrix     *y,
                       LbFitContext *ctx,
                       GError      **error)
{
  LbMinMaxScaler *self = LB_MIN_MAX_SCALER (estimator);
  const double *x = lb_matrix_get_const_data (X);
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  double lo = 0, hi = 1;

  if (!get_range (self, &lo, &hi))
    return lb_min_max_scaler_check_params (estimator, error);

  self->n_features = (guint) d;
  self->data_min = g_new (double, MAX (d, 1));
  self->data_max = g_new (double, MAX (d, 1));
  self->scale = g_new (double, MAX (d, 1));
  self->min = g_new (double, MAX (d, 1));
  for (gsize j = 0; j < d; j++)
    {
      self->data_min[j] = NAN;  /* stays NaN for a column with no value (numpy's nanmin) */
      self->data_max[j] = NAN;
    }
  for (gsize i = 0; i < n; i++)
    for (gsize j = 0; j < d; j++)
      {
        double v = x[i * d + j];

        if (isnan (v))
          continue;
        if (isnan (self->data_min[j]) || v < self->data_min[j])
          self->data_min[j] = v;
        if (isnan (self->data_max[j]) || v > self->data_max[j])
          self->data_max[j] = v;
      }
  if (lb_prep_cancelled (ctx, error))
    return FALSE;
  for (gsize j = 0; j < d; j++)
    {
      double range = self->data_max[j] - self->data_min[j];

      if (range < 10 * DBL_EPSILON)   /* _handle_zeros_in_scale */
        range = 1.0;
      self->scale[j] = (hi - lo) / range;
      self->min[j] = lo - self->data_min[j] * self->scale[j];
    }
  lb_prep_report (ctx, 1.0);
  return TRUE;
}

/* --- transform --- */

static LbMatrix *
lb_min_max_scaler_transform (LbEstimator *estimator,
                             LbMatrix    *X,
                             GError     **error)
{
  LbMinMaxScaler *self = LB_MIN_MAX_SCALER (estimator);
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  const double *x = lb_matrix_get_const_data (X);
  double lo = 0, hi = 1;
  gboolean clip = self->clip && get_range (self, &lo, &hi);
  g_autoptr (LbMatrix) result = lb_prep_new_output (X, self->n_features, d, error);
  double *out;

  if (result == NULL)
    return NULL;
  out = lb_matrix_get_data (result);
  for (gsize i = 0; i < n; i++)
    {
      const double *row = x + i * d;
      double *o = out + i * d;

      /* sklearn: X *= scale_; X += min_ (two roundings, like numpy) */
      for (gsize j = 0; j < d; j++)
        {
          double p = row[j] * self->scale[j];

          o[j] = p + self->min[j];
        }
      if (clip)
        for (gsize j = 0; j < d; j++)
          if (!isnan (o[j]))
            o[j] = CLAMP (o[j], lo, hi);
    }
  lb_prep_name_output (estimator, X, result);
  return g_steal_pointer (&result);
}

/* --- state --- */

static JsonNode *
lb_min_max_scaler_save_state (LbEstimator *estimator,
                              GError     **error)
{
  LbMinMaxScaler *self = LB_MIN_MAX_SCALER (estimator);
  const LbPrepVector vectors[] = STATE_VECTORS (self);

  return lb_prep_vectors_to_json (self->n_features, vectors, G_N_ELEMENTS (vectors));
}

static gboolean
lb_min_max_scaler_load_state (LbEstimator *estimator,
                              JsonNode    *state,
                              GError     **error)
{
  LbMinMaxScaler *self = LB_MIN_MAX_SCALER (estimator);
  const LbPrepVector vectors[] = STATE_VECTORS (self);

  return lb_prep_vectors_from_json (estimator, state, "MinMaxScaler", &self->n_features,
                                    vectors, G_N_ELEMENTS (vectors), error);
}

static JsonNode *
lb_min_max_scaler_describe_state (LbEstimator *estimator)
{
  LbMinMaxScaler *self = LB_MIN_MAX_SCALER (estimator);
  JsonObject *object;
  g_autofree double *range = NULL;

  if (self->scale == NULL)
    return NULL;
  range = g_new (double, MAX (self->n_features, 1));
  for (guint j = 0; j < self->n_features; j++)
    range[j] = self->data_max[j] - self->data_min[j];
  object = json_object_new ();
  json_object_set_member (object, "data_min_", lb_prep_doubles_to_json (self->data_min, self->n_features));
  json_object_set_member (object, "data_max_", lb_prep_doubles_to_json (self->data_max, self->n_features));
  json_object_set_member (object, "data_range_", lb_prep_doubles_to_json (range, self->n_features));
  json_object_set_member (object, "scale_", lb_prep_doubles_to_json (self->scale, self->n_features));
  json_object_set_member (object, "min_", lb_prep_doubles_to_json (self->min, self->n_features));
  return lb_prep_object_node (object);
}

/* --- GObject --- */

static void
lb_min_max_scaler_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LbMinMaxScaler *self = LB_MIN_MAX_SCALER (object);

  switch (prop_id)
    {
    case PROP_FEATURE_RANGE:
      g_value_set_boxed (value, self->feature_range);
      break;
    case PROP_CLIP:
      g_value_set_boolean (value, self->clip);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_min_max_scaler_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LbMinMaxScaler *self = LB_MIN_MAX_SCALER (object);

  switch (prop_id)
    {
    case PROP_FEATURE_RANGE:
      {
        JsonNode *node = g_value_get_boxed (value);

        if (node == self->feature_range
            || (node != NULL && self->feature_range != NULL && json_node_equal (node, self->feature_range)))
          break;
        g_clear_pointer (&self->feature_range, json_node_unref);
        self->feature_range = node != NULL ? json_node_copy (node) : NULL;
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_CLIP:
      lb_prep_set_boolean (object, &self->clip, g_value_get_boolean (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_min_max_scaler_finalize (GObject *object)
{
  LbMinMaxScaler *self = LB_MIN_MAX_SCALER (object);

  lb_min_max_scaler_reset (LB_ESTIMATOR (object));
  g_clear_pointer (&self->feature_range, json_node_unref);
  G_OBJECT_CLASS (lb_min_max_scaler_parent_class)->finalize (object);
}

static void
lb_min_max_scaler_class_init (LbMinMaxScalerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *estimator_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_min_max_scaler_get_property;
  object_class->set_property = lb_min_max_scaler_set_property;
  object_class->finalize = lb_min_max_scaler_finalize;

  estimator_class->name = "MinMaxScaler";
  estimator_class->flags = LB_ESTIMATOR_TRANSFORMER | LB_ESTIMATOR_ALLOW_NAN;
  estimator_class->check_params = lb_min_max_scaler_check_params;
  estimator_class->fit = lb_min_max_scaler_fit;
  estimator_class->reset = lb_min_max_scaler_reset;
  estimator_class->transform = lb_min_max_scaler_transform;
  estimator_class->get_feature_names_out = lb_prep_feature_names_same;
  estimator_class->save_state = lb_min_max_scaler_save_state;
  estimator_class->load_state = lb_min_max_scaler_load_state;
  estimator_class->describe_state = lb_min_max_scaler_describe_state;

  properties[PROP_FEATURE_RANGE] =
    g_param_spec_boxed ("feature-range", N_("Feature range"),
                        N_("The interval [min, max] every column is mapped onto: its smallest training value becomes min, its largest max"),
                        JSON_TYPE_NODE, flags);
  properties[PROP_CLIP] =
    g_param_spec_boolean ("clip", N_("Clip"),
                          N_("Bound transformed values to the feature range, even for new data outside the training range"),
                          FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_min_max_scaler_init (LbMinMaxScaler *self)
{
  self->feature_range = range_node (0, 1);
}

/* --- public --- */

LbEstimator *
lb_min_max_scaler_new (double range_min,
                       double range_max)
{
  g_autoptr (JsonNode) range = range_node (range_min, range_max);

  return g_object_new (LB_TYPE_MIN_MAX_SCALER, "feature-range", range, NULL);
}

const double *
lb_min_max_scaler_get_data_min (LbMinMaxScaler *self)
{
  g_return_val_if_fail (LB_IS_MIN_MAX_SCALER (self), NULL);
  return self->data_min;
}

const double *
lb_min_max_scaler_get_data_max (LbMinMaxScaler *self)
{
  g_return_val_if_fail (LB_IS_MIN_MAX_SCALER (self), NULL);
  return self->data_max;
}

const double *
lb_min_max_scaler_get_scale (LbMinMaxScaler *self)
{
  g_return_val_if_fail (LB_IS_MIN_MAX_SCALER (self), NULL);
  return self->scale;
}

const double *
lb_min_max_scaler_get_min (LbMinMaxScaler *self)
{
  g_return_val_if_fail (LB_IS_MIN_MAX_SCALER (self), NULL);
  return self->min;
}
