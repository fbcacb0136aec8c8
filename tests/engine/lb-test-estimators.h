/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-test-estimators.h: three tiny estimators with closed-form results, for
 * testing the estimator contract, pipelines and model files without depending
 * on the real models: a centring transformer (x - mean), a regressor
 * (ŷ = mean(y) + slope·(x0 - mean(x0)), slope a hyper-parameter) and a
 * nearest-centroid classifier. Header-only: include it in one test file.
 */
#pragma once

#include <math.h>

#include "lb-engine.h"

/* --- LbTestCenter: x - mean(x) (with_mean), ALLOW_NAN ignores NaN in the mean --- */

#define LB_TYPE_TEST_CENTER (lb_test_center_get_type ())
G_DECLARE_FINAL_TYPE (LbTestCenter, lb_test_center, LB, TEST_CENTER, LbEstimator)

struct _LbTestCenter
{
  LbEstimator parent_instance;
  gboolean    with_mean;
  double     *mean;   /* n_features_in */
};

G_DEFINE_FINAL_TYPE (LbTestCenter, lb_test_center, LB_TYPE_ESTIMATOR)

enum { CENTER_PROP_0, CENTER_PROP_WITH_MEAN };

static void
lb_test_center_reset (LbEstimator *est)
{
  g_clear_pointer (&LB_TEST_CENTER (est)->mean, g_free);
}

static gboolean
lb_test_center_fit (LbEstimator *est, LbMatrix *X, LbMatrix *y, LbFitContext *ctx, GError **error)
{
  LbTestCenter *self = LB_TEST_CENTER (est);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  const double *x = lb_matrix_get_const_data (X);

  self->mean = g_new0 (double, p);
  for (gsize j = 0; j < p; j++)
    {
      double s = 0;
      gsize count = 0;

      for (gsize i = 0; i < n; i++)
        if (!isnan (x[i * p + j]))
          s += x[i * p + j], count++;
      self->mean[j] = self->with_mean && count > 0 ? s / count : 0.0;
    }
  return TRUE;
}

static LbMatrix *
lb_test_center_transform (LbEstimator *est, LbMatrix *X, GError **error)
{
  LbTestCenter *self = LB_TEST_CENTER (est);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  LbMatrix *out = lb_matrix_copy (X);
  double *o = lb_matrix_get_data (out);

  for (gsize i = 0; i < n; i++)
    for (gsize j = 0; j < p; j++)
      o[i * p + j] -= self->mean[j];
  return out;
}

static char **
lb_test_center_names_out (LbEstimator *est, const char * const *names_in, guint n_in)
{
  char **out = g_new0 (char *, n_in + 1);

  for (guint j = 0; j < n_in; j++)
    out[j] = g_strdup (names_in[j]);
  return out;
}

static JsonNode *
lb_test_center_save (LbEstimator *est, GError **error)
{
  return lb_state_from_doubles (LB_TEST_CENTER (est)->mean, lb_estimator_get_n_features_in (est));
}

static gboolean
lb_test_center_load (LbEstimator *est, JsonNode *state, GError **error)
{
  LbTestCenter *self = LB_TEST_CENTER (est);
  guint p = lb_estimator_get_n_features_in (est);

  self->mean = g_new0 (double, p);
  return lb_state_to_doubles (state, self->mean, p, "mean", error);
}

static void
lb_test_center_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  if (id == CENTER_PROP_WITH_MEAN)
    g_value_set_boolean (value, LB_TEST_CENTER (object)->with_mean);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
}

static void
lb_test_center_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  if (id == CENTER_PROP_WITH_MEAN)
    LB_TEST_CENTER (object)->with_mean = g_value_get_boolean (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
}

static void
lb_test_center_finalize (GObject *object)
{
  g_free (LB_TEST_CENTER (object)->mean);
  G_OBJECT_CLASS (lb_test_center_parent_class)->finalize (object);
}

static void
lb_test_center_class_init (LbTestCenterClass *klass)
{
  GObjectClass *oc = G_OBJECT_CLASS (klass);
  LbEstimatorClass *ec = LB_ESTIMATOR_CLASS (klass);

  oc->get_property = lb_test_center_get_property;
  oc->set_property = lb_test_center_set_property;
  oc->finalize = lb_test_center_finalize;
  ec->name = "TestCenter";
  ec->flags = LB_ESTIMATOR_TRANSFORMER | LB_ESTIMATOR_ALLOW_NAN;
  ec->fit = lb_test_center_fit;
  ec->reset = lb_test_center_reset;
  ec->transform = lb_test_center_transform;
  ec->get_feature_names_out = lb_test_center_names_out;
  ec->save_state = lb_test_center_save;
  ec->load_state = lb_test_center_load;
  g_object_class_install_property (oc, CENTER_PROP_WITH_MEAN,
    g_param_spec_boolean ("with-mean", "with mean", "Subtract the mean", TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
lb_test_center_init (LbTestCenter *self)
{
  self->with_mean = TRUE;
}

/* --- LbTestSlope: ŷ = mean(y) + slope·(x0 - mean(x0)) --- */

typedef enum { LB_TEST_SLOPE_PLAIN, LB_TEST_SLOPE_HALF } LbTestSlopeMode;

static GType
lb_test_slope_mode_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { LB_TEST_SLOPE_PLAIN, "LB_TEST_SLOPE_PLAIN", "plain" },
    { LB_TEST_SLOPE_HALF, "LB_TEST_SLOPE_HALF", "half" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("LbTestSlopeMode", values));
  return type;
}

#define LB_TYPE_TEST_SLOPE (lb_test_slope_get_type ())
G_DECLARE_FINAL_TYPE (LbTestSlope, lb_test_slope, LB, TEST_SLOPE, LbEstimator)

struct _LbTestSlope
{
  LbEstimator     parent_instance;
  double          slope;
  int             max_iter;
  LbTestSlopeMode mode;
  char           *label;
  double          mean_x0, mean_y;
};

G_DEFINE_FINAL_TYPE (LbTestSlope, lb_test_slope, LB_TYPE_ESTIMATOR)

enum { SLOPE_PROP_0, SLOPE_PROP_SLOPE, SLOPE_PROP_MAX_ITER, SLOPE_PROP_MODE, SLOPE_PROP_LABEL };

static gboolean
lb_test_slope_fit (LbEstimator *est, LbMatrix *X, LbMatrix *y, LbFitContext *ctx, GError **error)
{
  LbTestSlope *self = LB_TEST_SLOPE (est);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  const double *x = lb_matrix_get_const_data (X), *t = lb_matrix_get_const_data (y);
  double sx = 0, sy = 0;

  for (gsize i = 0; i < n; i++)
    sx += x[i * p], sy += t[i];
  self->mean_x0 = sx / n;
  self->mean_y = sy / n;
  return TRUE;
}

static LbMatrix *
lb_test_slope_predict (LbEstimator *est, LbMatrix *X, GError **error)
{
  LbTestSlope *self = LB_TEST_SLOPE (est);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  LbMatrix *out = lb_matrix_new (n, 1);
  double k = self->mode == LB_TEST_SLOPE_HALF ? 0.5 * self->slope : self->slope;

  for (gsize i = 0; i < n; i++)
    lb_matrix_get_data (out)[i] = self->mean_y + k * (lb_matrix_get_const_data (X)[i * p] - self->mean_x0);
  return out;
}

static JsonNode *
lb_test_slope_save (LbEstimator *est, GError **error)
{
  double v[2] = { LB_TEST_SLOPE (est)->mean_x0, LB_TEST_SLOPE (est)->mean_y };

  return lb_state_from_doubles (v, 2);
}

static gboolean
lb_test_slope_load (LbEstimator *est, JsonNode *state, GError **error)
{
  double v[2];

  if (!lb_state_to_doubles (state, v, 2, "means", error))
    return FALSE;
  LB_TEST_SLOPE (est)->mean_x0 = v[0];
  LB_TEST_SLOPE (est)->mean_y = v[1];
  return TRUE;
}

static gboolean
lb_test_slope_check_params (LbEstimator *est, GError **error)
{
  if (LB_TEST_SLOPE (est)->slope == 13)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   "slope must not be 13 (got 13)");
      return FALSE;
    }
  return TRUE;
}

static void
lb_test_slope_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  LbTestSlope *self = LB_TEST_SLOPE (object);

  switch (id)
    {
    case SLOPE_PROP_SLOPE: g_value_set_double (value, self->slope); break;
    case SLOPE_PROP_MAX_ITER: g_value_set_int (value, self->max_iter); break;
    case SLOPE_PROP_MODE: g_value_set_enum (value, self->mode); break;
    case SLOPE_PROP_LABEL: g_value_set_string (value, self->label); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
lb_test_slope_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  LbTestSlope *self = LB_TEST_SLOPE (object);

  switch (id)
    {
    case SLOPE_PROP_SLOPE: self->slope = g_value_get_double (value); break;
    case SLOPE_PROP_MAX_ITER: self->max_iter = g_value_get_int (value); break;
    case SLOPE_PROP_MODE: self->mode = g_value_get_enum (value); break;
    case SLOPE_PROP_LABEL: g_free (self->label); self->label = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
lb_test_slope_finalize (GObject *object)
{
  g_free (LB_TEST_SLOPE (object)->label);
  G_OBJECT_CLASS (lb_test_slope_parent_class)->finalize (object);
}

static void
lb_test_slope_class_init (LbTestSlopeClass *klass)
{
  GObjectClass *oc = G_OBJECT_CLASS (klass);
  LbEstimatorClass *ec = LB_ESTIMATOR_CLASS (klass);
  GParamFlags f = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  oc->get_property = lb_test_slope_get_property;
  oc->set_property = lb_test_slope_set_property;
  oc->finalize = lb_test_slope_finalize;
  ec->name = "TestSlope";
  ec->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y;
  ec->fit = lb_test_slope_fit;
  ec->check_params = lb_test_slope_check_params;
  ec->predict = lb_test_slope_predict;
  ec->save_state = lb_test_slope_save;
  ec->load_state = lb_test_slope_load;
  g_object_class_install_property (oc, SLOPE_PROP_SLOPE,
    g_param_spec_double ("slope", "slope", "Slope on x0", 0.0, 100.0, 1.0, f));
  g_object_class_install_property (oc, SLOPE_PROP_MAX_ITER,
    g_param_spec_int ("max-iter", "max iter", "Unused count", 1, 1000, 100, f));
  g_object_class_install_property (oc, SLOPE_PROP_MODE,
    g_param_spec_enum ("mode", "mode", "Halve the slope or not", lb_test_slope_mode_get_type (),
                       LB_TEST_SLOPE_PLAIN, f));
  g_object_class_install_property (oc, SLOPE_PROP_LABEL,
    g_param_spec_string ("label", "label", "A free text", NULL, f));
}

static void
lb_test_slope_init (LbTestSlope *self)
{
  self->slope = 1.0;
  self->max_iter = 100;
}

/* --- LbTestCentroid: nearest class mean (ties to the lower class) --- */

#define LB_TYPE_TEST_CENTROID (lb_test_centroid_get_type ())
G_DECLARE_FINAL_TYPE (LbTestCentroid, lb_test_centroid, LB, TEST_CENTROID, LbEstimator)

struct _LbTestCentroid
{
  LbEstimator parent_instance;
  LbMatrix   *centroids;  /* (n_classes, n_features) */
};

G_DEFINE_FINAL_TYPE (LbTestCentroid, lb_test_centroid, LB_TYPE_ESTIMATOR)

static void
lb_test_centroid_reset (LbEstimator *est)
{
  g_clear_pointer (&LB_TEST_CENTROID (est)->centroids, lb_matrix_unref);
}

static gboolean
lb_test_centroid_fit (LbEstimator *est, LbMatrix *X, LbMatrix *y, LbFitContext *ctx, GError **error)
{
  LbTestCentroid *self = LB_TEST_CENTROID (est);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  guint k = lb_estimator_get_n_classes (est);
  g_autofree double *count = g_new0 (double, k);
  double *c;

  self->centroids = lb_matrix_new (k, p);
  c = lb_matrix_get_data (self->centroids);
  for (gsize i = 0; i < n; i++)
    {
      gsize cls = (gsize) lb_matrix_get_const_data (y)[i];

      count[cls]++;
      for (gsize j = 0; j < p; j++)
        c[cls * p + j] += lb_matrix_get_const_data (X)[i * p + j];
    }
  for (guint a = 0; a < k; a++)
    for (gsize j = 0; j < p; j++)
      c[a * p + j] /= count[a];
  return TRUE;
}

static LbMatrix *
lb_test_centroid_predict (LbEstimator *est, LbMatrix *X, GError **error)
{
  LbTestCentroid *self = LB_TEST_CENTROID (est);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  guint k = lb_estimator_get_n_classes (est);
  LbMatrix *out = lb_matrix_new (n, 1);

  for (gsize i = 0; i < n; i++)
    {
      double best = INFINITY;
      guint arg = 0;

      for (guint a = 0; a < k; a++)
        {
          double d = 0;

          for (gsize j = 0; j < p; j++)
            {
              double e = lb_matrix_get_const_data (X)[i * p + j] -
                         lb_matrix_get_const_data (self->centroids)[a * p + j];
              d += e * e;
            }
          if (d < best)
            best = d, arg = a;
        }
      lb_matrix_get_data (out)[i] = arg;
    }
  return out;
}

static JsonNode *
lb_test_centroid_save (LbEstimator *est, GError **error)
{
  return lb_state_from_matrix (LB_TEST_CENTROID (est)->centroids);
}

static gboolean
lb_test_centroid_load (LbEstimator *est, JsonNode *state, GError **error)
{
  LbTestCentroid *self = LB_TEST_CENTROID (est);

  self->centroids = lb_state_to_matrix (state, lb_estimator_get_n_classes (est),
                                        lb_estimator_get_n_features_in (est), "centroids", error);
  return self->centroids != NULL;
}

static void
lb_test_centroid_finalize (GObject *object)
{
  g_clear_pointer (&LB_TEST_CENTROID (object)->centroids, lb_matrix_unref);
  G_OBJECT_CLASS (lb_test_centroid_parent_class)->finalize (object);
}

static void
lb_test_centroid_class_init (LbTestCentroidClass *klass)
{
  LbEstimatorClass *ec = LB_ESTIMATOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lb_test_centroid_finalize;
  ec->name = "TestCentroid";
  ec->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y;
  ec->fit = lb_test_centroid_fit;
  ec->reset = lb_test_centroid_reset;
  ec->predict = lb_test_centroid_predict;
  ec->save_state = lb_test_centroid_save;
  ec->load_state = lb_test_centroid_load;
}

static void
lb_test_centroid_init (LbTestCentroid *self)
{
}

static inline void
lb_test_estimators_register (void)
{
  lb_estimator_register (LB_TYPE_TEST_CENTER);
  lb_estimator_register (LB_TYPE_TEST_SLOPE);
  lb_estimator_register (LB_TYPE_TEST_CENTROID);
}
