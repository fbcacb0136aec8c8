/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-polynomial-features.c: scikit-learn 1.2's PolynomialFeatures (dense,
 * integer degree). The columns are built the way sklearn builds them: a
 * degree-d term (a, b, c …) is the degree-(d-1) term (b, c …) times x_a, so
 * the products are rounded exactly like sklearn's, and come in its order
 * (combinations with replacement of the feature indices, degree by degree).
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-polynomial-features.h"
#include "lb-prep-private.h"

/* more output columns than this is surely a mistake (and a huge matrix) */
#define MAX_OUTPUT_FEATURES (1u << 24)

struct _LbPolynomialFeatures
{
  LbEstimator parent_instance;

  /* hyper-parameters */
  int      degree;
  gboolean interaction_only;
  gboolean include_bias;

  /* learned state: output column c (after the bias) = out[tail[c]] * x[head[c]],
   * or x[head[c]] when tail[c] < 0 */
  guint  n_features;
  guint  n_output;
  guint *head;   /* (n_output) */
  int   *tail;   /* (n_output) */
};

G_DEFINE_TYPE (LbPolynomialFeatures, lb_polynomial_features, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_DEGREE,
  PROP_INTERACTION_ONLY,
  PROP_INCLUDE_BIAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lb_polynomial_features_reset (LbEstimator *estimator)
{
  LbPolynomialFeatures *self = LB_POLYNOMIAL_FEATURES (estimator);

  g_clear_pointer (&self->head, g_free);
  g_clear_pointer (&self->tail, g_free);
  self->n_features = 0;
  self->n_output = 0;
}

static gboolean
lb_polynomial_features_check_params (LbEstimator *estimator,
                                     GError     **error)
{
  LbPolynomialFeatures *self = LB_POLYNOMIAL_FEATURES (estimator);

  if (self->degree == 0 && !self->include_bias)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("degree 0 without include_bias would give no column at all: "
                     "set degree >= 1 or include_bias"));
      return FALSE;
    }
  return TRUE;
}

/* Builds head/tail for @n features with the current parameters (sklearn's
 * index bookkeeping in PolynomialFeatures.transform). */
static gboolean
build_terms (LbPolynomialFeatures *self,
             guint                 n,
             GError              **error)
{
  g_autoptr (GArray) head = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) tail = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree gsize *index = NULL;
  g_autofree gsize *new_index = NULL;
  gsize n_index;
  gsize current;

  if (self->include_bias)
    {
      guint h = 0;
      int t = -2;   /* the bias */

      g_array_append_val (head, h);
      g_array_append_val (tail, t);
    }
  if (self->degree >= 1)
    {
      index = g_new (gsize, n + 1);
      new_index = g_new (gsize, n + 1);
      for (guint a = 0; a < n; a++)
        {
          int t = -1;

          index[a] = head->len;
          g_array_append_val (head, a);
          g_array_append_val (tail, t);
        }
      index[n] = head->len;
      n_index = n + 1;
      current = head->len;

      for (int d = 2; d <= self->degree; d++)
        {
          gsize end = index[n_index - 1];
          gsize n_new = 0;

          for (guint a = 0; a < n && a + 1 < n_index; a++)
            {
              gsize start = index[a];
              gsize next;

              new_index[n_new++] = current;
              if (self->interaction_only)
                start += index[a + 1] - index[a];
              next = current + end - start;
              if (next <= current)
                break;
              if (next > MAX_OUTPUT_FEATURES)
                {
                  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                               _("PolynomialFeatures of degree %d on %u features would make more than %u columns: "
                                 "lower the degree or use fewer features"),
                               self->degree, n, MAX_OUTPUT_FEATURES);
                  return FALSE;
                }
              for (gsize t = start; t < end; t++)
                {
                  int ti = (int) t;

                  g_array_append_val (head, a);
                  g_array_append_val (tail, ti);
                }
              current = next;
            }
          new_index[n_new++] = current;
          memcpy (index, new_index, n_new * sizeof (gsize));
          n_index = n_new;
        }
    }
  self->n_features = n;
  self->n_output = head->len;
  self->head = (guint *) g_array_free (g_steal_pointer (&head), FALSE);
  self->tail = (int *) g_array_free (g_steal_pointer (&tail), FALSE);
  return TRUE;
}

static gboolean
lb_polynomial_features_fit (LbEstimator  *estimator,
                            LbMatrix     *X,
                            LbMatrix     *y,
                            LbFitContext *ctx,
                            GError      **error)
{
  LbPolynomialFeatures *self = LB_POLYNOMIAL_FEATURES (estimator);

  if (!build_terms (self, (guint) lb_matrix_get_n_cols (X), error))
    return FALSE;
  lb_prep_report (ctx, 1.0);
  return TRUE;
}

static LbMatrix *
lb_polynomial_features_transform (LbEstimator *estimator,
                                  LbMatrix    *X,
                                  GError     **error)
{
  LbPolynomialFeatures *self = LB_POLYNOMIAL_FEATURES (estimator);
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X), m = self->n_output;
  const double *x = lb_matrix_get_const_data (X);
  g_autoptr (LbMatrix) result = lb_prep_new_output (X, self->n_features, m, error);
  double *out;

  if (result == NULL)
    return NULL;
  out = lb_matrix_get_data (result);
  for (gsize i = 0; i < n; i++)
    {
      const double *row = x + i * d;
      double *o = out + i * m;

      for (gsize c = 0; c < m; c++)
        {
          int t = self->tail[c];

          if (t == -2)
            o[c] = 1.0;
          else if (t == -1)
            o[c] = row[self->head[c]];
          else
            o[c] = o[t] * row[self->head[c]];   /* tails come earlier in the row */
        }
    }
  lb_prep_name_output (estimator, X, result);
  return g_steal_pointer (&result);
}

/* "x0^2 x1": powers of the features of term @c, in feature order. */
static char *
term_name (LbPolynomialFeatures *self,
           const char * const   *names_in,
           gsize                 c)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GArray) idx = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->tail[c] == -2)
    return g_strdup ("1");
  for (int t = (int) c; t >= 0; t = self->tail[t])
    g_array_append_val (idx, self->head[t]);   /* heads come out in non-decreasing order */
  for (guint k = 0; k < idx->len;)
    {
      guint f = g_array_index (idx, guint, k);
      guint power = 0;

      while (k < idx->len && g_array_index (idx, guint, k) == f)
        {
          power++;
          k++;
        }
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, names_in[f]);
      if (power > 1)
        g_string_append_printf (s, "^%u", power);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char **
lb_polynomial_features_get_feature_names_out (LbEstimator        *estimator,
                                              const char * const *names_in,
                                              guint               n_in)
{
  LbPolynomialFeatures *self = LB_POLYNOMIAL_FEATURES (estimator);
  char **names;

  if (self->head == NULL || n_in != self->n_features)
    return NULL;
  names = g_new0 (char *, self->n_output + 1);
  for (gsize c = 0; c < self->n_output; c++)
    names[c] = term_name (self, names_in, c);
  return names;
}

/* --- state: the terms follow from the parameters; keep the counts to check --- */

static JsonNode *
lb_polynomial_features_save_state (LbEstimator *estimator,
                                   GError     **error)
{
  LbPolynomialFeatures *self = LB_POLYNOMIAL_FEATURES (estimator);
  JsonNode *node = lb_prep_vectors_to_json (self->n_features, NULL, 0);

  json_object_set_int_member (json_node_get_object (node), "n_output_features", self->n_output);
  return node;
}

static gboolean
lb_polynomial_features_load_state (LbEstimator *estimator,
                                   JsonNode    *state,
                                   GError     **error)
{
  LbPolynomialFeatures *self = LB_POLYNOMIAL_FEATURES (estimator);
  JsonObject *object = lb_prep_state_object (state, "PolynomialFeatures", error);
  guint64 d, m;

  if (object == NULL
      || !lb_prep_n_features_from_json (estimator, object, &d, error)
      || !lb_prep_uint_from_json (object, "n_output_features", 0, MAX_OUTPUT_FEATURES, &m, error)
      || !lb_polynomial_features_check_params (estimator, error))
    return FALSE;
  if (d > MAX_OUTPUT_FEATURES)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The model state has too many features (%" PRIu64 ")"), d);
      return FALSE;
    }
  lb_polynomial_features_reset (estimator);
  if (!build_terms (self, (guint) d, error))
    {
      lb_polynomial_features_reset (estimator);
      g_prefix_error (error, "%s", _("The model state does not fit its parameters: "));
      if (error != NULL)
        (*error)->code = LB_ENGINE_ERROR_FILE;
      return FALSE;
    }
  if (self->n_output != m)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The model state says %" PRIu64 " output columns, its parameters give %u"),
                   m, self->n_output);
      lb_polynomial_features_reset (estimator);
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
lb_polynomial_features_describe_state (LbEstimator *estimator)
{
  LbPolynomialFeatures *self = LB_POLYNOMIAL_FEATURES (estimator);
  JsonObject *object;

  if (self->head == NULL)
    return NULL;
  object = json_object_new ();
  json_object_set_int_member (object, "n_output_features_", self->n_output);
  return lb_prep_object_node (object);
}

/* --- GObject --- */

static void
lb_polynomial_features_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LbPolynomialFeatures *self = LB_POLYNOMIAL_FEATURES (object);

  switch (prop_id)
    {
    case PROP_DEGREE:
      g_value_set_int (value, self->degree);
      break;
    case PROP_INTERACTION_ONLY:
      g_value_set_boolean (value, self->interaction_only);
      break;
    case PROP_INCLUDE_BIAS:
      g_value_set_boolean (value, self->include_bias);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_polynomial_features_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LbPolynomialFeatures *self = LB_POLYNOMIAL_FEATURES (object);

  switch (prop_id)
    {
    case PROP_DEGREE:
      lb_prep_set_int (object, &self->degree, g_value_get_int (value), pspec);
      break;
    case PROP_INTERACTION_ONLY:
      lb_prep_set_boolean (object, &self->interaction_only, g_value_get_boolean (value), pspec);
      break;
    case PROP_INCLUDE_BIAS:
      lb_prep_set_boolean (object, &self->include_bias, g_value_get_boolean (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_polynomial_features_finalize (GObject *object)
{
  lb_polynomial_features_reset (LB_ESTIMATOR (object));
  G_OBJECT_CLASS (lb_polynomial_features_parent_class)->finalize (object);
}

static void
lb_polynomial_features_class_init (LbPolynomialFeaturesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *estimator_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_polynomial_features_get_property;
  object_class->set_property = lb_polynomial_features_set_property;
  object_class->finalize = lb_polynomial_features_finalize;

  estimator_class->name = "PolynomialFeatures";
  estimator_class->flags = LB_ESTIMATOR_TRANSFORMER;
  estimator_class->check_params = lb_polynomial_features_check_params;
  estimator_class->fit = lb_polynomial_features_fit;
  estimator_class->reset = lb_polynomial_features_reset;
  estimator_class->transform = lb_polynomial_features_transform;
  estimator_class->get_feature_names_out = lb_polynomial_features_get_feature_names_out;
  estimator_class->save_state = lb_polynomial_features_save_state;
  estimator_class->load_state = lb_polynomial_features_load_state;
  estimator_class->describe_state = lb_polynomial_features_describe_state;

  properties[PROP_DEGREE] =
    g_param_spec_int ("degree", N_("Degree"),
                      N_("The highest power of the products added: 2 adds every square and every product of two features"),
                      0, 64, 2, flags);
  properties[PROP_INTERACTION_ONLY] =
    g_param_spec_boolean ("interaction-only", N_("Interactions only"),
                          N_("Only add products of different features (x0 x1), no powers of one feature (x0^2)"),
                          FALSE, flags);
  properties[PROP_INCLUDE_BIAS] =
    g_param_spec_boolean ("include-bias", N_("Include bias"),
                          N_("Add a first column of ones (the degree-0 term), which a model with its own intercept does not need"),
                          TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_polynomial_features_init (LbPolynomialFeatures *self)
{
  self->degree = 2;
  self->include_bias = TRUE;
}

/* --- public --- */

LbEstimator *
lb_polynomial_features_new (int degree)
{
  return g_object_new (LB_TYPE_POLYNOMIAL_FEATURES, "degree", degree, NULL);
}

guint
lb_polynomial_features_get_n_output_features (LbPolynomialFeatures *self)
{
  g_return_val_if_fail (LB_IS_POLYNOMIAL_FEATURES (self), 0);
  return self->n_output;
}
