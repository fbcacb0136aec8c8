/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-standard-scaler.c: scikit-learn 1.2's StandardScaler on a dense matrix.
 * Mean and variance follow sklearn's _incremental_mean_and_var for one batch:
 * mean = sum / n, var = (sum (x - mean)^2 - (sum (x - mean))^2 / n) / n, NaN
 * skipped per column; a column whose variance is within rounding of 0
 * (_is_constant_feature) gets scale 1, so it becomes 0, not NaN.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-prep-private.h"
#include "lb-standard-scaler.h"

struct _LbStandardScaler
{
  LbEstimator parent_instance;

  /* hyper-parameters */
  gboolean with_mean;
  gboolean with_std;

  /* learned state */
  guint   n_features;
  double *mean;            /* (n_features) */
  double *var;             /* (n_features) */
  double *scale;           /* (n_features) */
  double *n_samples_seen;  /* (n_features): non-missing values per column */
};

/* the learned state as saved */
#define STATE_VECTORS(self) { { "mean", &(self)->mean }, { "var", &(self)->var }, \
                              { "scale", &(self)->scale }, { "n_samples_seen", &(self)->n_samples_seen } }

G_DEFINE_TYPE (LbStandardScaler, lb_standard_scaler, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_WITH_MEAN,
  PROP_WITH_STD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- fit --- */

static void
lb_standard_scaler_reset (LbEstimator *estimator)
{
  LbStandardScaler *self = LB_STANDARD_SCALER (estimator);

  g_clear_pointer (&self->mean, g_free);
  g_clear_pointer (&self->var, g_free);
  g_clear_pointer (&self->scale, g_free);
  g_clear_pointer (&self->n_samples_seen, g_free);
  self->n_features = 0;
}

static void
alloc_state (LbStandardScaler *self,
             guint             d)
{
  self->n_features = d;
  self->mean = g_new0 (double, MAX (d, 1));
  self->var = g_new0 (double, MAX (d, 1));
  self->scale = g_new0 (double, MAX (d, 1));
  self->n_samples_seen = g_new0 (double, MAX (d, 1));
}

/* sklearn's _is_constant_feature + _handle_zeros_in_scale */
static double
scale_of (double var,
          double mean,
          double n)
{
  double upper = n * DBL_EPSILON * var + (n * mean * DBL_EPSILON) * (n * mean * DBL_EPSILON);

  if (var <= upper)
    return 1.0;
  return sqrt (var);
}

static gboolean
lb_standard_scaler_fit (LbEstimator  *estimator,
                        LbMatrix     *X,
                        LbMatrix     *y,
                        LbFitContext *ctx,
                        GError      **error)
{
  LbStandardScaler *self = LB_STANDARD_SCALER (estimator);
  const double *x = lb_matrix_get_const_data (X);
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  g_autofree double *correction = g_new0 (double, MAX (d, 1));
  g_autofree double *squares = g_new0 (double, MAX (d, 1));

  alloc_state (self, (guint) d);

  /* pass 1: sums and counts, row by row (numpy's axis-0 order on C data) */
  for (gsize i = 0; i < n; i++)
    {
      const double *row = x + i * d;

      for (gsize j = 0; j < d; j++)
        if (!isnan (row[j]))
          {
            self->mean[j] += row[j];
            self->n_samples_seen[j] += 1;
          }
    }
  for (gsize j = 0; j < d; j++)
    self->mean[j] = self->n_samples_seen[j] > 0 ? self->mean[j] / self->n_samples_seen[j] : NAN;

  if (lb_prep_cancelled (ctx, error))
    return FALSE;
  lb_prep_report (ctx, 0.5);

  /* pass 2: centred sums and squares */
  for (gsize i = 0; i < n; i++)
    {
      const double *row = x + i * d;

      for (gsize j = 0; j < d; j++)
        if (!isnan (row[j]))
          {
            double t = row[j] - self->mean[j];

            correction[j] += t;
            squares[j] += t * t;
          }
    }
  for (gsize j = 0; j < d; j++)
    {
      double m = self->n_samples_seen[j];

      if (m > 0)
        self->var[j] = (squares[j] - correction[j] * correction[j] / m) / m;
      else
        self->var[j] = NAN;
      self->scale[j] = isnan (self->var[j]) ? NAN : scale_of (self->var[j], self->mean[j], m);
    }
  lb_prep_report (ctx, 1.0);
  return TRUE;
}

/* --- transform --- */

static LbMatrix *
lb_standard_scaler_transform (LbEstimator *estimator,
                              LbMatrix    *X,
                              GError     **error)
{
  LbStandardScaler *self = LB_STANDARD_SCALER (estimator);
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  const double *x = lb_matrix_get_const_data (X);
  g_autoptr (LbMatrix) result = lb_prep_new_output (X, self->n_features, d, error);
  double *out;

  if (result == NULL)
    return NULL;
  out = lb_matrix_get_data (result);
  /* sklearn: X -= mean_; X /= scale_ (a division, not a product with 1/scale_,
   * so the results round the same); one loop per case so each vectorises */
  for (gsize i = 0; i < n; i++)
    {
      const double *row = x + i * d;
      double *o = out + i * d;

      if (self->with_mean && self->with_std)
        for (gsize j = 0; j < d; j++)
          o[j] = (row[j] - self->mean[j]) / self->scale[j];
      else if (self->with_mean)
        for (gsize j = 0; j < d; j++)
          o[j] = row[j] - self->mean[j];
      else if (self->with_std)
        for (gsize j = 0; j < d; j++)
          o[j] = row[j] / self->scale[j];
      else
        memcpy (o, row, d * sizeof (double));
    }
  lb_prep_name_output (estimator, X, result);
  return g_steal_pointer (&result);
}

/* --- state --- */

static JsonNode *
lb_standard_scaler_save_state (LbEstimator *estimator,
                               GError     **error)
{
  LbStandardScaler *self = LB_STANDARD_SCALER (estimator);
  const LbPrepVector vectors[] = STATE_VECTORS (self);

  return lb_prep_vectors_to_json (self->n_features, vectors, G_N_ELEMENTS (vectors));
}

static gboolean
lb_standard_scaler_load_state (LbEstimator *estimator,
                               JsonNode    *state,
                               GError     **error)
{
  LbStandardScaler *self = LB_STANDARD_SCALER (estimator);
  const LbPrepVector vectors[] = STATE_VECTORS (self);

  return lb_prep_vectors_from_json (estimator, state, "StandardScaler", &self->n_features,
                                    vectors, G_N_ELEMENTS (vectors), error);
}

static JsonNode *
lb_standard_scaler_describe_state (LbEstimator *estimator)
{
  LbStandardScaler *self = LB_STANDARD_SCALER (estimator);
  JsonObject *object;

  if (self->mean == NULL)
    return NULL;
  object = json_object_new ();
  if (self->with_mean || self->with_std)
    json_object_set_member (object, "mean_", lb_prep_doubles_to_json (self->mean, self->n_features));
  if (self->with_std)
    {
      json_object_set_member (object, "var_", lb_prep_doubles_to_json (self->var, self->n_features));
      json_object_set_member (object, "scale_", lb_prep_doubles_to_json (self->scale, self->n_features));
    }
  json_object_set_member (object, "n_samples_seen_",
                          lb_prep_doubles_to_json (self->n_samples_seen, self->n_features));
  return lb_prep_object_node (object);
}

/* --- GObject --- */

static void
lb_standard_scaler_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LbStandardScaler *self = LB_STANDARD_SCALER (object);

  switch (prop_id)
    {
    case PROP_WITH_MEAN:
      g_value_set_boolean (value, self->with_mean);
      break;
    case PROP_WITH_STD:
      g_value_set_boolean (value, self->with_std);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_standard_scaler_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LbStandardScaler *self = LB_STANDARD_SCALER (object);

  switch (prop_id)
    {
    case PROP_WITH_MEAN:
      lb_prep_set_boolean (object, &self->with_mean, g_value_get_boolean (value), pspec);
      break;
    case PROP_WITH_STD:
      lb_prep_set_boolean (object, &self->with_std, g_value_get_boolean (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_standard_scaler_finalize (GObject *object)
{
  lb_standard_scaler_reset (LB_ESTIMATOR (object));
  G_OBJECT_CLASS (lb_standard_scaler_parent_class)->finalize (object);
}

static void
lb_standard_scaler_class_init (LbStandardScalerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *estimator_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_standard_scaler_get_property;
  object_class->set_property = lb_standard_scaler_set_property;
  object_class->finalize = lb_standard_scaler_finalize;

  estimator_class->name = "StandardScaler";
  estimator_class->flags = LB_ESTIMATOR_TRANSFORMER | LB_ESTIMATOR_ALLOW_NAN;
  estimator_class->fit = lb_standard_scaler_fit;
  estimator_class->reset = lb_standard_scaler_reset;
  estimator_class->transform = lb_standard_scaler_transform;
  estimator_class->get_feature_names_out = lb_prep_feature_names_same;
  estimator_class->save_state = lb_standard_scaler_save_state;
  estimator_class->load_state = lb_standard_scaler_load_state;
  estimator_class->describe_state = lb_standard_scaler_describe_state;

  properties[PROP_WITH_MEAN] =
    g_param_spec_boolean ("with-mean", N_("Centre"),
                          N_("Subtract each column's mean, so every feature is centred on 0"),
                          TRUE, flags);
  properties[PROP_WITH_STD] =
    g_param_spec_boolean ("with-std", N_("Scale"),
                          N_("Divide each column by its standard deviation, so every feature has unit variance"),
                          TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_standard_scaler_init (LbStandardScaler *self)
{
  self->with_mean = TRUE;
  self->with_std = TRUE;
}

/* --- public --- */

LbEstimator *
lb_standard_scaler_new (void)
{
  return g_object_new (LB_TYPE_STANDARD_SCALER, NULL);
}

const double *
lb_standard_scaler_get_mean (LbStandardScaler *self)
{
  g_return_val_if_fail (LB_IS_STANDARD_SCALER (self), NULL);
  return self->mean;
}

const double *
lb_standard_scaler_get_var (LbStandardScaler *self)
{
  g_return_val_if_fail (LB_IS_STANDARD_SCALER (self), NULL);
  return self->var;
}

const double *
lb_standard_scaler_get_scale (LbStandardScaler *self)
{
  g_return_val_if_fail (LB_IS_STANDARD_SCALER (self), NULL);
  return self->scale;
}
