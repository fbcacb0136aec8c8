/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-one-hot-encoder.c: scikit-learn 1.2's OneHotEncoder with
 * categories='auto', dense output, drop None/'first'/'if_binary' and
 * handle_unknown 'error'/'ignore'. A missing value seen during fit is a
 * category of its own, last, as in sklearn; one not seen is unknown.
 * (Not here: explicit category lists, min_frequency / max_categories.)
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-one-hot-encoder.h"
#include "lb-prep-private.h"

struct _LbOneHotEncoder
{
  LbEstimator parent_instance;

  /* hyper-parameters */
  LbOneHotHandleUnknown handle_unknown;
  LbOneHotDrop          drop;

  /* learned state */
  guint             n_features;
  LbPrepCategories *cats;      /* (n_features) */
  int              *drop_idx;  /* (n_features): the dropped category, or -1 */
};

G_DEFINE_TYPE (LbOneHotEncoder, lb_one_hot_encoder, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_HANDLE_UNKNOWN,
  PROP_DROP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
lb_one_hot_handle_unknown_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { LB_ONE_HOT_HANDLE_UNKNOWN_ERROR, "LB_ONE_HOT_HANDLE_UNKNOWN_ERROR", "error" },
        { LB_ONE_HOT_HANDLE_UNKNOWN_IGNORE, "LB_ONE_HOT_HANDLE_UNKNOWN_IGNORE", "ignore" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("LbOneHotHandleUnknown"), values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

GType
lb_one_hot_drop_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { LB_ONE_HOT_DROP_NONE, "LB_ONE_HOT_DROP_NONE", "none" },
        { LB_ONE_HOT_DROP_FIRST, "LB_ONE_HOT_DROP_FIRST", "first" },
        { LB_ONE_HOT_DROP_IF_BINARY, "LB_ONE_HOT_DROP_IF_BINARY", "if_binary" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("LbOneHotDrop"), values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

/* --- learned state --- */

static void
lb_one_hot_encoder_reset (LbEstimator *estimator)
{
  LbOneHotEncoder *self = LB_ONE_HOT_ENCODER (estimator);

  lb_prep_categories_free_all (g_steal_pointer (&self->cats), self->n_features);
  g_clear_pointer (&self->drop_idx, g_free);
  self->n_features = 0;
}

static guint
n_categories (LbOneHotEncoder *self,
              guint            j)
{
  return self->cats[j].n_values + (self->cats[j].has_missing ? 1 : 0);
}

static void
compute_drop (LbOneHotEncoder *self)
{
  for (guint j = 0; j < self->n_features; j++)
    {
      guint k = n_categories (self, j);

      self->drop_idx[j] = -1;
      if (self->drop == LB_ONE_HOT_DROP_FIRST && k > 0)
        self->drop_idx[j] = 0;
      else if (self->drop == LB_ONE_HOT_DROP_IF_BINARY && k == 2)
        self->drop_idx[j] = 0;
    }
}

static gsize
n_outputs (LbOneHotEncoder *self)
{
  gsize total = 0;

  for (guint j = 0; j < self->n_features; j++)
    total += n_categories (self, j) - (self->drop_idx[j] >= 0 ? 1 : 0);
  return total;
}

static gboolean
lb_one_hot_encoder_fit (LbEstimator  *estimator,
                        LbMatrix     *X,
                        LbMatrix     *y,
                        LbFitContext *ctx,
                        GError      **error)
{
  LbOneHotEncoder *self = LB_ONE_HOT_ENCODER (estimator);
  guint d = (guint) lb_matrix_get_n_cols (X);

  self->n_features = d;
  self->cats = g_new0 (LbPrepCategories, MAX (d, 1));
  self->drop_idx = g_new0 (int, MAX (d, 1));
  for (guint j = 0; j < d; j++)
    {
      if (lb_prep_cancelled (ctx, error))
        return FALSE;
      if (!lb_prep_categories_fit (&self->cats[j], X, j, error))
        return FALSE;
      lb_prep_report (ctx, (j + 1.0) / d);
    }
  compute_drop (self);
  return TRUE;
}

/* --- transform --- */

static char **
lb_one_hot_encoder_get_feature_names_out (LbEstimator        *estimator,
                                          const char * const *names_in,
                                          guint               n_in)
{
  LbOneHotEncoder *self = LB_ONE_HOT_ENCODER (estimator);
  GPtrArray *names;

  if (self->cats == NULL || n_in != self->n_features)
    return NULL;
  names = g_ptr_array_new ();
  for (guint j = 0; j < n_in; j++)
    for (guint k = 0; k < n_categories (self, j); k++)
      if ((int) k != self->drop_idx[j])
        {
          g_autofree char *value = lb_prep_categories_dup_name (&self->cats[j], k);

          g_ptr_array_add (names, g_strconcat (names_in[j], "=", value, NULL));
        }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static LbMatrix *
lb_one_hot_encoder_transform (LbEstimator *estimator,
                              LbMatrix    *X,
                              GError     **error)
{
  LbOneHotEncoder *self = LB_ONE_HOT_ENCODER (estimator);
  gsize n = lb_matrix_get_n_rows (X), n_out = n_outputs (self), base = 0;
  double *out;
  g_autofree int *codes = NULL;
  g_autoptr (LbMatrix) result = lb_prep_new_output (X, self->n_features, n_out, error);   /* zero-filled */

  if (result == NULL)
    return NULL;
  out = lb_matrix_get_data (result);
  codes = g_new (int, MAX (n, 1));

  for (guint j = 0; j < self->n_features; j++)
    {
      const LbPrepCategories *cats = &self->cats[j];
      int drop = self->drop_idx[j];

      if (!lb_prep_categories_encode (cats, X, j, codes, error))
        return NULL;
      for (gsize i = 0; i < n; i++)
        {
          int k = codes[i];

          if (k == (int) cats->n_values && !cats->has_missing)
            k = -1;   /* a missing value never seen during fit is unknown */
          if (k < 0)
            {
              if (self->handle_unknown == LB_ONE_HOT_HANDLE_UNKNOWN_ERROR)
                {
                  g_autofree char *text = lb_prep_dup_cell_text (X, i, j);

                  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                               _("Column ‘%s’ has the category ‘%s’ in row %zu"
                                 ", which was not seen during fit: set handle_unknown to ignore "
                                 "to encode unseen categories as all zeros"),
                               lb_matrix_get_column_name (X, j), text, i + 1);
                  return NULL;
                }
              continue;   /* ignore: all zeros */
            }
          if (k == drop)
            continue;
          out[i * n_out + base + (gsize) (drop >= 0 && k > drop ? k - 1 : k)] = 1.0;
        }
      base += n_categories (self, j) - (drop >= 0 ? 1 : 0);
    }
  g_assert (base == n_out);
  lb_prep_name_output (estimator, X, result);
  return g_steal_pointer (&result);
}

/* --- state --- */

static JsonNode *
lb_one_hot_encoder_save_state (LbEstimator *estimator,
                               GError     **error)
{
  LbOneHotEncoder *self = LB_ONE_HOT_ENCODER (estimator);

  return lb_prep_categories_save (self->cats, self->n_features);
}

static gboolean
lb_one_hot_encoder_load_state (LbEstimator *estimator,
                               JsonNode    *state,
                               GError     **error)
{
  LbOneHotEncoder *self = LB_ONE_HOT_ENCODER (estimator);
  guint d;
  LbPrepCategories *cats = lb_prep_categories_load (estimator, state, "OneHotEncoder", &d, error);

  if (cats == NULL)
    return FALSE;
  lb_one_hot_encoder_reset (estimator);
  self->n_features = d;
  self->cats = cats;
  self->drop_idx = g_new0 (int, MAX (d, 1));
  compute_drop (self);
  return TRUE;
}

static JsonNode *
lb_one_hot_encoder_describe_state (LbEstimator *estimator)
{
  LbOneHotEncoder *self = LB_ONE_HOT_ENCODER (estimator);

  if (self->cats == NULL)
    return NULL;
  return lb_prep_categories_describe (self->cats, self->n_features);
}

/* --- GObject --- */

static void
lb_one_hot_encoder_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LbOneHotEncoder *self = LB_ONE_HOT_ENCODER (object);

  switch (prop_id)
    {
    case PROP_HANDLE_UNKNOWN:
      g_value_set_enum (value, self->handle_unknown);
      break;
    case PROP_DROP:
      g_value_set_enum (value, self->drop);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_one_hot_encoder_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LbOneHotEncoder *self = LB_ONE_HOT_ENCODER (object);
  int v;

  switch (prop_id)
    {
    case PROP_HANDLE_UNKNOWN:
      v = (int) self->handle_unknown;
      lb_prep_set_int (object, &v, g_value_get_enum (value), pspec);
      self->handle_unknown = v;
      break;
    case PROP_DROP:
      v = (int) self->drop;
      lb_prep_set_int (object, &v, g_value_get_enum (value), pspec);
      self->drop = v;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_one_hot_encoder_finalize (GObject *object)
{
  lb_one_hot_encoder_reset (LB_ESTIMATOR (object));
  G_OBJECT_CLASS (lb_one_hot_encoder_parent_class)->finalize (object);
}

static void
lb_one_hot_encoder_class_init (LbOneHotEncoderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *estimator_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_one_hot_encoder_get_property;
  object_class->set_property = lb_one_hot_encoder_set_property;
  object_class->finalize = lb_one_hot_encoder_finalize;

  estimator_class->name = "OneHotEncoder";
  estimator_class->flags = LB_ESTIMATOR_TRANSFORMER | LB_ESTIMATOR_ALLOW_NAN;
  estimator_class->fit = lb_one_hot_encoder_fit;
  estimator_class->reset = lb_one_hot_encoder_reset;
  estimator_class->transform = lb_one_hot_encoder_transform;
  estimator_class->get_feature_names_out = lb_one_hot_encoder_get_feature_names_out;
  estimator_class->save_state = lb_one_hot_encoder_save_state;
  estimator_class->load_state = lb_one_hot_encoder_load_state;
  estimator_class->describe_state = lb_one_hot_encoder_describe_state;

  properties[PROP_HANDLE_UNKNOWN] =
    g_param_spec_enum ("handle-unknown", N_("Unknown categories"),
                       N_("What a category never seen during fit becomes: an error, or a row of zeros (ignore)"),
                       LB_TYPE_ONE_HOT_HANDLE_UNKNOWN, LB_ONE_HOT_HANDLE_UNKNOWN_ERROR, flags);
  properties[PROP_DROP] =
    g_param_spec_enum ("drop", N_("Drop"),
                       N_("Leave out one column per feature (the first category), which a linear model without a penalty may need because the columns of a feature always add up to 1"),
                       LB_TYPE_ONE_HOT_DROP, LB_ONE_HOT_DROP_NONE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_one_hot_encoder_init (LbOneHotEncoder *self)
{
}

/* --- public --- */

LbEstimator *
lb_one_hot_encoder_new (void)
{
  return g_object_new (LB_TYPE_ONE_HOT_ENCODER, NULL);
}

char **
lb_one_hot_encoder_dup_categories (LbOneHotEncoder *self,
                                   guint            feature)
{
  g_return_val_if_fail (LB_IS_ONE_HOT_ENCODER (self), NULL);
  g_return_val_if_fail (self->cats != NULL && feature < self->n_features, NULL);
  return lb_prep_categories_dup_names (&self->cats[feature]);
}
