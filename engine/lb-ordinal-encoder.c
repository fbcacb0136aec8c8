/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-ordinal-encoder.c: scikit-learn 1.2's OrdinalEncoder with
 * categories='auto': codes are positions in the sorted categories seen during
 * fit; missing values seen during fit stay NaN (encoded_missing_value = nan),
 * missing values not seen count as unknown, as in sklearn.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-ordinal-encoder.h"
#include "lb-prep-private.h"

struct _LbOrdinalEncoder
{
  LbEstimator parent_instance;

  /* hyper-parameters */
  LbOrdinalHandleUnknown handle_unknown;
  double                 unknown_value;

  /* learned state */
  guint             n_features;
  LbPrepCategories *cats;   /* (n_features) */
};

G_DEFINE_TYPE (LbOrdinalEncoder, lb_ordinal_encoder, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_HANDLE_UNKNOWN,
  PROP_UNKNOWN_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
lb_ordinal_handle_unknown_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { LB_ORDINAL_HANDLE_UNKNOWN_ERROR, "LB_ORDINAL_HANDLE_UNKNOWN_ERROR", "error" },
        { LB_ORDINAL_HANDLE_UNKNOWN_USE_ENCODED_VALUE, "LB_ORDINAL_HANDLE_UNKNOWN_USE_ENCODED_VALUE",
          "use_encoded_value" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("LbOrdinalHandleUnknown"), values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

static void
lb_ordinal_encoder_reset (LbEstimator *estimator)
{
  LbOrdinalEncoder *self = LB_ORDINAL_ENCODER (estimator);

  lb_prep_categories_free_all (g_steal_pointer (&self->cats), self->n_features);
  self->n_features = 0;
}

static gboolean
lb_ordinal_encoder_check_params (LbEstimator *estimator,
                                 GError     **error)
{
  LbOrdinalEncoder *self = LB_ORDINAL_ENCODER (estimator);

  if (self->handle_unknown == LB_ORDINAL_HANDLE_UNKNOWN_USE_ENCODED_VALUE
      && !isnan (self->unknown_value) && self->unknown_value != floor (self->unknown_value))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("unknown_value must be a whole number when handle_unknown is use_encoded_value (got %g)"),
                   self->unknown_value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
lb_ordinal_encoder_fit (LbEstimator  *estimator,
                        LbMatrix     *X,
                        LbMatrix     *y,
                        LbFitContext *ctx,
                        GError      **error)
{
  LbOrdinalEncoder *self = LB_ORDINAL_ENCODER (estimator);
  guint d = (guint) lb_matrix_get_n_cols (X);

  self->n_features = d;
  self->cats = g_new0 (LbPrepCategories, MAX (d, 1));
  for (guint j = 0; j < d; j++)
    {
      if (lb_prep_cancelled (ctx, error))
        return FALSE;
      if (!lb_prep_categories_fit (&self->cats[j], X, j, error))
        return FALSE;
      if (self->handle_unknown == LB_ORDINAL_HANDLE_UNKNOWN_USE_ENCODED_VALUE
          && self->unknown_value >= 0 && self->unknown_value < self->cats[j].n_values)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("unknown_value %g is already the code of a category of column ‘%s’: "
                         "use a negative value such as -1"),
                       self->unknown_value, lb_matrix_get_column_name (X, j));
          return FALSE;
        }
      lb_prep_report (ctx, (j + 1.0) / d);
    }
  return TRUE;
}

static LbMatrix *
lb_ordinal_encoder_transform (LbEstimator *estimator,
                              LbMatrix    *X,
                              GError     **error)
{
  LbOrdinalEncoder *self = LB_ORDINAL_ENCODER (estimator);
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  double *out;
  g_autofree int *codes = NULL;
  g_autoptr (LbMatrix) result = lb_prep_new_output (X, self->n_features, d, error);

  if (result == NULL)
    return NULL;
  out = lb_matrix_get_data (result);
  codes = g_new (int, MAX (n, 1));
  for (guint j = 0; j < d; j++)
    {
      const LbPrepCategories *cats = &self->cats[j];

      if (!lb_prep_categories_encode (cats, X, j, codes, error))
        return NULL;
      for (gsize i = 0; i < n; i++)
        {
          int k = codes[i];

          if (k == (int) cats->n_values && !cats->has_missing)
            k = -1;   /* missing, never seen during fit: unknown */
          if (k < 0)
            {
              if (self->handle_unknown == LB_ORDINAL_HANDLE_UNKNOWN_ERROR)
                {
                  g_autofree char *text = lb_prep_dup_cell_text (X, i, j);

                  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                               _("Column ‘%s’ has the category ‘%s’ in row %zu"
                                 ", which was not seen during fit: set handle_unknown to "
                                 "use_encoded_value to give unseen categories unknown_value"),
                               lb_matrix_get_column_name (X, j), text, i + 1);
                  return NULL;
                }
              out[i * d + j] = self->unknown_value;
            }
          else if (k == (int) cats->n_values)
            out[i * d + j] = NAN;   /* encoded_missing_value */
          else
            out[i * d + j] = k;
        }
    }
  lb_prep_name_output (estimator, X, result);
  return g_steal_pointer (&result);
}

/* --- state --- */

static JsonNode *
lb_ordinal_encoder_save_state (LbEstimator *estimator,
                               GError     **error)
{
  LbOrdinalEncoder *self = LB_ORDINAL_ENCODER (estimator);

  return lb_prep_categories_save (self->cats, self->n_features);
}

static gboolean
lb_ordinal_encoder_load_state (LbEstimator *estimator,
                               JsonNode    *state,
                               GError     **error)
{
  LbOrdinalEncoder *self = LB_ORDINAL_ENCODER (estimator);
  guint d;
  LbPrepCategories *cats = lb_prep_categories_load (estimator, state, "OrdinalEncoder", &d, error);

  if (cats == NULL)
    return FALSE;
  lb_ordinal_encoder_reset (estimator);
  self->n_features = d;
  self->cats = cats;
  return TRUE;
}

static JsonNode *
lb_ordinal_encoder_describe_state (LbEstimator *estimator)
{
  LbOrdinalEncoder *self = LB_ORDINAL_ENCODER (estimator);

  if (self->cats == NULL)
    return NULL;
  return lb_prep_categories_describe (self->cats, self->n_features);
}

/* --- GObject --- */

static void
lb_ordinal_encoder_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LbOrdinalEncoder *self = LB_ORDINAL_ENCODER (object);

  switch (prop_id)
    {
    case PROP_HANDLE_UNKNOWN:
      g_value_set_enum (value, self->handle_unknown);
      break;
    case PROP_UNKNOWN_VALUE:
      g_value_set_double (value, self->unknown_value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_ordinal_encoder_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LbOrdinalEncoder *self = LB_ORDINAL_ENCODER (object);
  int v;

  switch (prop_id)
    {
    case PROP_HANDLE_UNKNOWN:
      v = (int) self->handle_unknown;
      lb_prep_set_int (object, &v, g_value_get_enum (value), pspec);
      self->handle_unknown = v;
      break;
    case PROP_UNKNOWN_VALUE:
      lb_prep_set_double (object, &self->unknown_value, g_value_get_double (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_ordinal_encoder_finalize (GObject *object)
{
  lb_ordinal_encoder_reset (LB_ESTIMATOR (object));
  G_OBJECT_CLASS (lb_ordinal_encoder_parent_class)->finalize (object);
}

static void
lb_ordinal_encoder_class_init (LbOrdinalEncoderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *estimator_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_ordinal_encoder_get_property;
  object_class->set_property = lb_ordinal_encoder_set_property;
  object_class->finalize = lb_ordinal_encoder_finalize;

  estimator_class->name = "OrdinalEncoder";
  estimator_class->flags = LB_ESTIMATOR_TRANSFORMER | LB_ESTIMATOR_ALLOW_NAN;
  estimator_class->check_params = lb_ordinal_encoder_check_params;
  estimator_class->fit = lb_ordinal_encoder_fit;
  estimator_class->reset = lb_ordinal_encoder_reset;
  estimator_class->transform = lb_ordinal_encoder_transform;
  estimator_class->get_feature_names_out = lb_prep_feature_names_same;
  estimator_class->save_state = lb_ordinal_encoder_save_state;
  estimator_class->load_state = lb_ordinal_encoder_load_state;
  estimator_class->describe_state = lb_ordinal_encoder_describe_state;

  properties[PROP_HANDLE_UNKNOWN] =
    g_param_spec_enum ("handle-unknown", N_("Unknown categories"),
                       N_("What a category never seen during fit becomes: an error, or the number unknown_value (use_encoded_value)"),
                       LB_TYPE_ORDINAL_HANDLE_UNKNOWN, LB_ORDINAL_HANDLE_UNKNOWN_ERROR, flags);
  properties[PROP_UNKNOWN_VALUE] =
    g_param_spec_double ("unknown-value", N_("Unknown value"),
                         N_("The code given to unseen categories when handle_unknown is use_encoded_value; it must not be the code of a real category"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, -1.0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_ordinal_encoder_init (LbOrdinalEncoder *self)
{
  self->unknown_value = -1.0;
}

/* --- public --- */

LbEstimator *
lb_ordinal_encoder_new (void)
{
  return g_object_new (LB_TYPE_ORDINAL_ENCODER, NULL);
}

char **
lb_ordinal_encoder_dup_categories (LbOrdinalEncoder *self,
                                   guint             feature)
{
  g_return_val_if_fail (LB_IS_ORDINAL_ENCODER (self), NULL);
  g_return_val_if_fail (self->cats != NULL && feature < self->n_features, NULL);
  return lb_prep_categories_dup_names (&self->cats[feature]);
}
