/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-dummy-classifier.c: DummyClassifier as scikit-learn 1.2.1: learns the
 * class frequencies; "prior"/"most_frequent" predict the most frequent class
 * (the first on ties, numpy's argmax), "stratified"/"uniform" draw classes from
 * the fit's seed — the same draws on every predict call, like an int
 * random_state (our RNG, so not scikit-learn's draws).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-dummy-classifier.h"
#include "lb-linear-model-private.h"

struct _LbDummyClassifier
{
  LbEstimator parent_instance;

  LbDummyClassifierStrategy strategy;

  guint    n_classes;
  double  *class_prior;   /* (n_classes) */
  guint64  seed;
};

G_DEFINE_TYPE (LbDummyClassifier, lb_dummy_classifier, LB_TYPE_ESTIMATOR)

G_DEFINE_ENUM_TYPE (LbDummyClassifierStrategy, lb_dummy_classifier_strategy,
  G_DEFINE_ENUM_VALUE (LB_DUMMY_CLASSIFIER_PRIOR, "prior"),
  G_DEFINE_ENUM_VALUE (LB_DUMMY_CLASSIFIER_MOST_FREQUENT, "most_frequent"),
  G_DEFINE_ENUM_VALUE (LB_DUMMY_CLASSIFIER_STRATIFIED, "stratified"),
  G_DEFINE_ENUM_VALUE (LB_DUMMY_CLASSIFIER_UNIFORM, "uniform"))

enum
{
  PROP_0,
  PROP_STRATEGY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
lb_dummy_classifier_fit (LbEstimator  *estimator,
                         LbMatrix     *X,
                         LbMatrix     *y,
                         LbFitContext *ctx,
                         GError      **error)
{
  LbDummyClassifier *self = LB_DUMMY_CLASSIFIER (estimator);
  guint k = lb_estimator_get_n_classes (estimator);
  const double *v = lb_matrix_get_const_data (y);
  gsize n = lb_matrix_get_n_rows (y);

  g_free (self->class_prior);
  self->class_prior = g_new0 (double, k);
  self->n_classes = k;
  for (gsize i = 0; i < n; i++)
    self->class_prior[(guint) v[i]] += 1.0;
  for (guint c = 0; c < k; c++)
    self->class_prior[c] /= (double) n;
  self->seed = lb_fit_context_get_seed (ctx);
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static void
lb_dummy_classifier_reset (LbEstimator *estimator)
{
  LbDummyClassifier *self = LB_DUMMY_CLASSIFIER (estimator);

  g_clear_pointer (&self->class_prior, g_free);
  self->n_classes = 0;
}

static guint
most_frequent (LbDummyClassifier *self)
{
  guint best = 0;

  for (guint c = 1; c < self->n_classes; c++)
    if (self->class_prior[c] > self->class_prior[best])
      best = c;
  return best;
}

/* Class of sample i: the strategy's rule; @rng advanced for the random ones. */
static guint
draw (LbDummyClassifier *self,
      LbRng             *rng)
{
  switch (self->strategy)
    {
    case LB_DUMMY_CLASSIFIER_STRATIFIED:
      {
        double u = lb_rng_uniform (rng), acc = 0.0;

        for (guint c = 0; c < self->n_classes; c++)
          {
            acc += self->class_prior[c];
            if (u < acc)
              return c;
          }
        return most_frequent (self);   /* u ≥ Σ prior by rounding */
      }
    case LB_DUMMY_CLASSIFIER_UNIFORM:
      return (guint) lb_rng_below (rng, self->n_classes);
    case LB_DUMMY_CLASSIFIER_PRIOR:
    case LB_DUMMY_CLASSIFIER_MOST_FREQUENT:
    default:
      return most_frequent (self);
    }
}

static gboolean
check_fitted (LbDummyClassifier *self,
              GError           **error)
{
  if (self->class_prior == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                           _("this DummyClassifier is not fitted yet"));
      return FALSE;
    }
  if (self->n_classes != lb_estimator_get_n_classes (LB_ESTIMATOR (self)))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("this DummyClassifier has %u class frequencies for %u classes"),
                   self->n_classes, lb_estimator_get_n_classes (LB_ESTIMATOR (self)));
      return FALSE;
    }
  return TRUE;
}

static LbMatrix *
lb_dummy_classifier_predict (LbEstimator *estimator,
                             LbMatrix    *X,
                             GError     **error)
{
  LbDummyClassifier *self = LB_DUMMY_CLASSIFIER (estimator);
  gsize n = lb_matrix_get_n_rows (X);
  LbMatrix *out;
  LbRng rng;

  if (!check_fitted (self, error))
    return NULL;
  out = lb_matrix_try_new (n, 1, error);
  if (out == NULL)
    return NULL;
  lb_rng_init_stream (&rng, self->seed, 0);
  for (gsize i = 0; i < n; i++)
    lb_matrix_get_data (out)[i] = draw (self, &rng);
  return out;
}

static LbMatrix *
lb_dummy_classifier_predict_proba (LbEstimator *estimator,
                                   LbMatrix    *X,
                                   GError     **error)
{
  LbDummyClassifier *self = LB_DUMMY_CLASSIFIER (estimator);
  gsize n = lb_matrix_get_n_rows (X);
  guint k = self->n_classes;
  LbMatrix *out;
  double *o;
  LbRng rng;

  if (!check_fitted (self, error))
    return NULL;
  out = lb_matrix_try_new (n, k, error);
  if (out == NULL)
    return NULL;
  o = lb_matrix_get_data (out);
  lb_rng_init_stream (&rng, self->seed, 0);
  for (gsize i = 0; i < n; i++)
    {
      double *row = o + i * k;

      switch (self->strategy)
        {
        case LB_DUMMY_CLASSIFIER_PRIOR:
          memcpy (row, self->class_prior, k * sizeof (double));
          break;
        case LB_DUMMY_CLASSIFIER_UNIFORM:
          for (guint c = 0; c < k; c++)
            row[c] = 1.0 / k;
          break;
        case LB_DUMMY_CLASSIFIER_MOST_FREQUENT:
        case LB_DUMMY_CLASSIFIER_STRATIFIED:
        default:
          /* one-hot of the predicted class (the same draws as predict) */
          row[draw (self, &rng)] = 1.0;
          break;
        }
    }
  return out;
}

static JsonNode *
lb_dummy_classifier_save_state (LbEstimator *estimator,
                                GError     **error)
{
  LbDummyClassifier *self = LB_DUMMY_CLASSIFIER (estimator);
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, self->seed);

  json_object_set_int_member (obj, "n_classes", self->n_classes);
  json_object_set_member (obj, "class_prior", lb_linear_json_doubles (self->class_prior, self->n_classes));
  /* as text: a 64-bit seed does not survive a JSON double */
  json_object_set_string_member (obj, "seed", seed);
  json_node_take_object (node, obj);
  return node;
}

static gboolean
lb_dummy_classifier_load_state (LbEstimator *estimator,
                                JsonNode    *state,
                                GError     **error)
{
  LbDummyClassifier *self = LB_DUMMY_CLASSIFIER (estimator);
  JsonObject *obj = lb_linear_json_object (state, error);
  g_autofree double *prior = NULL;
  JsonNode *seed_node;
  const char *seed;
  guint64 k, seed_value;

  if (obj == NULL || !lb_linear_json_get_uint (obj, "n_classes", 2, 1u << 20, &k, error))
    return FALSE;
  prior = g_new (double, k);
  if (!lb_linear_json_get_doubles (obj, "class_prior", prior, k, error))
    return FALSE;
  seed_node = json_object_get_member (obj, "seed");
  seed = seed_node != NULL && json_node_get_value_type (seed_node) == G_TYPE_STRING
           ? json_node_get_string (seed_node) : NULL;
  if (seed == NULL || !g_ascii_string_to_unsigned (seed, 10, 0, G_MAXUINT64, &seed_value, NULL))
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                           _("the model state has no valid 'seed'"));
      return FALSE;
    }
  for (guint c = 0; c < k; c++)
    if (!(prior[c] >= 0.0 && prior[c] <= 1.0))
      {
        g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                             _("the model state's class frequencies are not between 0 and 1"));
        return FALSE;
      }
  lb_dummy_classifier_reset (estimator);
  self->class_prior = g_steal_pointer (&prior);
  self->n_classes = (guint) k;
  self->seed = seed_value;
  return TRUE;
}

static JsonNode *
lb_dummy_classifier_describe_state (LbEstimator *estimator)
{
  return LB_DUMMY_CLASSIFIER (estimator)->class_prior != NULL
           ? lb_dummy_classifier_save_state (estimator, NULL) : NULL;
}

static void
lb_dummy_classifier_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LbDummyClassifier *self = LB_DUMMY_CLASSIFIER (object);

  switch (prop_id)
    {
    case PROP_STRATEGY:
      g_value_set_enum (value, self->strategy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_dummy_classifier_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LbDummyClassifier *self = LB_DUMMY_CLASSIFIER (object);

  switch (prop_id)
    {
    case PROP_STRATEGY:
      if (self->strategy != (LbDummyClassifierStrategy) g_value_get_enum (value))
        {
          self->strategy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_dummy_classifier_finalize (GObject *object)
{
  g_free (LB_DUMMY_CLASSIFIER (object)->class_prior);
  G_OBJECT_CLASS (lb_dummy_classifier_parent_class)->finalize (object);
}

static void
lb_dummy_classifier_class_init (LbDummyClassifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_dummy_classifier_get_property;
  object_class->set_property = lb_dummy_classifier_set_property;
  object_class->finalize = lb_dummy_classifier_finalize;

  est_class->name = "DummyClassifier";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y;
  est_class->fit = lb_dummy_classifier_fit;
  est_class->reset = lb_dummy_classifier_reset;
  est_class->predict = lb_dummy_classifier_predict;
  est_class->predict_proba = lb_dummy_classifier_predict_proba;
  est_class->save_state = lb_dummy_classifier_save_state;
  est_class->load_state = lb_dummy_classifier_load_state;
  est_class->describe_state = lb_dummy_classifier_describe_state;

  properties[PROP_STRATEGY] =
    g_param_spec_enum ("strategy", N_("Strategy"),
                       N_("How the baseline guesses without looking at the features: the most "
                          "frequent class, or random classes drawn by frequency or uniformly"),
                       LB_TYPE_DUMMY_CLASSIFIER_STRATEGY, LB_DUMMY_CLASSIFIER_PRIOR, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_dummy_classifier_init (LbDummyClassifier *self)
{
  self->strategy = LB_DUMMY_CLASSIFIER_PRIOR;
}

LbEstimator *
lb_dummy_classifier_new (void)
{
  return g_object_new (LB_TYPE_DUMMY_CLASSIFIER, NULL);
}

const double *
lb_dummy_classifier_get_class_prior (LbDummyClassifier *self)
{
  g_return_val_if_fail (LB_IS_DUMMY_CLASSIFIER (self), NULL);
  return self->class_prior;
}
