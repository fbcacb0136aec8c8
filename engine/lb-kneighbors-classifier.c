/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-kneighbors-classifier.c: KNeighborsClassifier as scikit-learn 1.2.1 with the
 * brute-force search: the class with the most (or the most
 * weight of) votes among the k nearest training samples, the smallest class on
 * a tie (scipy's mode, as scikit-learn).
 * Equal distances at the k-th place: the lower training index wins here;
 * scikit-learn's order among exact ties is an implementation detail.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-kneighbors-classifier.h"
#include "lb-linear-model-private.h"

struct _LbKNeighborsClassifier
{
  LbEstimator parent_instance;

  guint        n_neighbors;
  LbKnnWeights weights;
  double       p;

  LbMatrix    *X_fit;   /* (n_fit, p), a reference to the training matrix */
  double      *y_fit;   /* (n_fit) class codes */
};

G_DEFINE_TYPE (LbKNeighborsClassifier, lb_kneighbors_classifier, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_N_NEIGHBORS,
  PROP_WEIGHTS,
  PROP_P,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
lb_kneighbors_classifier_fit (LbEstimator  *estimator,
                          LbMatrix     *X,
                          LbMatrix     *y,
                          LbFitContext *ctx,
                          GError      **error)
{
  LbKNeighborsClassifier *self = LB_KNEIGHBORS_CLASSIFIER (estimator);

  /* fitting is remembering (the matrix is immutable once shared) */
  g_clear_pointer (&self->X_fit, lb_matrix_unref);
  g_clear_pointer (&self->y_fit, g_free);
  self->X_fit = lb_matrix_ref (X);
  self->y_fit = g_memdup2 (lb_matrix_get_const_data (y), lb_matrix_get_n_rows (y) * sizeof (double));
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static void
lb_kneighbors_classifier_reset (LbEstimator *estimator)
{
  LbKNeighborsClassifier *self = LB_KNEIGHBORS_CLASSIFIER (estimator);

  g_clear_pointer (&self->X_fit, lb_matrix_unref);
  g_clear_pointer (&self->y_fit, g_free);
}

/* indices (n, k) and distances (n, k) of the neighbours of X's rows */
static gboolean
query (LbKNeighborsClassifier *self,
       LbMatrix *X,
       guint   **ind,
       double  **dist,
       GError  **error)
{
  return lb_kneighbors_query_new (self->X_fit, "KNeighborsClassifier", X, self->n_neighbors, self->p,
                                  ind, dist, error);
}

gboolean
lb_kneighbors_classifier_kneighbors (LbKNeighborsClassifier *self,
                                 LbMatrix        *X,
                                 LbMatrix       **distances,
                                 LbMatrix       **indices,
                                 GError         **error)
{
  g_return_val_if_fail (LB_IS_KNEIGHBORS_CLASSIFIER (self), FALSE);
  g_return_val_if_fail (X != NULL, FALSE);
  return lb_kneighbors_matrices (self->X_fit, "KNeighborsClassifier", X, self->n_neighbors, self->p,
                                 distances, indices, error);
}

/* --- predict: (weighted) votes --- */

/* votes (n, n_classes): the summed weights of each class among the neighbours */
static LbMatrix *
votes (LbKNeighborsClassifier *self,
       LbMatrix               *X,
       GError                **error)
{
  g_autofree guint *ind = NULL;
  g_autofree double *dist = NULL, *w = NULL;
  guint k = self->n_neighbors, n_classes = lb_estimator_get_n_classes (LB_ESTIMATOR (self));
  gsize n = lb_matrix_get_n_rows (X);
  LbMatrix *out;
  double *o;

  if (!query (self, X, &ind, &dist, error))
    return NULL;
  out = lb_matrix_new (n, n_classes);
  o = lb_matrix_get_data (out);
  w = g_new (double, k);
  for (gsize i = 0; i < n; i++)
    {
      lb_kneighbors_weights (dist + i * k, k, self->weights, w);
      for (guint j = 0; j < k; j++)
        {
          double c = self->y_fit[ind[i * k + j]];

          if (c >= 0 && c < n_classes)
            o[i * n_classes + (guint) c] += w[j];
        }
    }
  return out;
}

static LbMatrix *
lb_kneighbors_classifier_predict (LbEstimator *estimator,
                                  LbMatrix    *X,
                                  GError     **error)
{
  g_autoptr (LbMatrix) v = votes (LB_KNEIGHBORS_CLASSIFIER (estimator), X, error);
  guint n_classes = lb_estimator_get_n_classes (estimator);
  gsize n;
  LbMatrix *out;

  if (v == NULL)
    return NULL;
  n = lb_matrix_get_n_rows (v);
  out = lb_matrix_new (n, 1);
  for (gsize i = 0; i < n; i++)
    {
      const double *row = lb_matrix_get_const_data (v) + i * n_classes;
      guint best = 0;

      /* scipy's mode / weighted_mode: the smallest class among equal counts */
      for (guint c = 1; c < n_classes; c++)
        if (row[c] > row[best])
          best = c;
      lb_matrix_get_data (out)[i] = best;
    }
  return out;
}

static LbMatrix *
lb_kneighbors_classifier_predict_proba (LbEstimator *estimator,
                                        LbMatrix    *X,
                                        GError     **error)
{
  LbMatrix *v = votes (LB_KNEIGHBORS_CLASSIFIER (estimator), X, error);
  guint n_classes = lb_estimator_get_n_classes (estimator);

  if (v == NULL)
    return NULL;
  /* normalise each row of votes to probabilities */
  for (gsize i = 0; i < lb_matrix_get_n_rows (v); i++)
    {
      double *row = lb_matrix_get_data (v) + i * n_classes, s = 0.0;

      for (guint c = 0; c < n_classes; c++)
        s += row[c];
      for (guint c = 0; c < n_classes; c++)
        row[c] = s > 0 ? row[c] / s : 0.0;
    }
  return v;
}

/* --- state: the remembered training set --- */

static JsonNode *
lb_kneighbors_classifier_save_state (LbEstimator *estimator,
                                 GError     **error)
{
  LbKNeighborsClassifier *self = LB_KNEIGHBORS_CLASSIFIER (estimator);
  gsize n = lb_matrix_get_n_rows (self->X_fit), p = lb_matrix_get_n_cols (self->X_fit);
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (obj, "n_samples", n);
  json_object_set_int_member (obj, "n_features", p);
  json_object_set_member (obj, "X", lb_linear_json_doubles (lb_matrix_get_const_data (self->X_fit), n * p));
  json_object_set_member (obj, "y", lb_linear_json_doubles (self->y_fit, n));
  json_node_take_object (node, obj);
  return node;
}

static gboolean
lb_kneighbors_classifier_load_state (LbEstimator *estimator,
                                 JsonNode    *state,
                                 GError     **error)
{
  LbKNeighborsClassifier *self = LB_KNEIGHBORS_CLASSIFIER (estimator);
  JsonObject *obj = lb_linear_json_object (state, error);
  g_autoptr (LbMatrix) X = NULL;
  g_autofree double *y = NULL;
  guint64 n, p;

  if (obj == NULL
      || !lb_linear_json_get_uint (obj, "n_samples", 1, G_MAXINT32, &n, error)
      || !lb_linear_json_get_uint (obj, "n_features", 1, G_MAXINT32, &p, error))
    return FALSE;
  if (n * p > (guint64) G_MAXINT32)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                           _("the model state's training set is too large"));
      return FALSE;
    }
  X = lb_matrix_try_new (n, p, error);
  if (X == NULL)
    return FALSE;
  y = g_new (double, n);
  if (!lb_linear_json_get_doubles (obj, "X", lb_matrix_get_data (X), n * p, error)
      || !lb_linear_json_get_doubles (obj, "y", y, n, error))
    return FALSE;
  for (guint64 i = 0; i < n; i++)
    if (!(y[i] >= 0 && y[i] < G_MAXINT32) || y[i] != floor (y[i]))
      {
        g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                             _("the model state's class codes are not whole numbers >= 0"));
        return FALSE;
      }
  lb_kneighbors_classifier_reset (estimator);
  self->X_fit = g_steal_pointer (&X);
  self->y_fit = g_steal_pointer (&y);
  return TRUE;
}

static JsonNode *
lb_kneighbors_classifier_describe_state (LbEstimator *estimator)
{
  LbKNeighborsClassifier *self = LB_KNEIGHBORS_CLASSIFIER (estimator);
  JsonObject *obj;
  JsonNode *node;

  if (self->X_fit == NULL)
    return NULL;
  /* the training set itself is too big to show */
  obj = json_object_new ();
  node = json_node_new (JSON_NODE_OBJECT);
  json_object_set_int_member (obj, "n_samples_fit", lb_matrix_get_n_rows (self->X_fit));
  json_node_take_object (node, obj);
  return node;
}

/* --- properties --- */

static void
lb_kneighbors_classifier_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LbKNeighborsClassifier *self = LB_KNEIGHBORS_CLASSIFIER (object);

  switch (prop_id)
    {
    case PROP_N_NEIGHBORS: g_value_set_uint (value, self->n_neighbors); break;
    case PROP_WEIGHTS:     g_value_set_enum (value, self->weights); break;
    case PROP_P:           g_value_set_double (value, self->p); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_kneighbors_classifier_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LbKNeighborsClassifier *self = LB_KNEIGHBORS_CLASSIFIER (object);

  switch (prop_id)
    {
    case PROP_N_NEIGHBORS:
      if (self->n_neighbors != g_value_get_uint (value))
        {
          self->n_neighbors = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WEIGHTS:
      if (self->weights != (LbKnnWeights) g_value_get_enum (value))
        {
          self->weights = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_P:
      if (self->p != g_value_get_double (value))
        {
          self->p = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_kneighbors_classifier_finalize (GObject *object)
{
  lb_kneighbors_classifier_reset (LB_ESTIMATOR (object));
  G_OBJECT_CLASS (lb_kneighbors_classifier_parent_class)->finalize (object);
}

static void
lb_kneighbors_classifier_class_init (LbKNeighborsClassifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_kneighbors_classifier_get_property;
  object_class->set_property = lb_kneighbors_classifier_set_property;
  object_class->finalize = lb_kneighbors_classifier_finalize;

  est_class->name = "KNeighborsClassifier";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y;
  est_class->fit = lb_kneighbors_classifier_fit;
  est_class->reset = lb_kneighbors_classifier_reset;
  est_class->predict = lb_kneighbors_classifier_predict;
  est_class->predict_proba = lb_kneighbors_classifier_predict_proba;
  est_class->save_state = lb_kneighbors_classifier_save_state;
  est_class->load_state = lb_kneighbors_classifier_load_state;
  est_class->describe_state = lb_kneighbors_classifier_describe_state;

  properties[PROP_N_NEIGHBORS] =
    g_param_spec_uint ("n-neighbors", N_("Neighbours"),
                       N_("How many of the closest training samples vote: few follow "
                          "the data closely, many give smoother predictions"),
                       1, G_MAXINT32, 5, flags);
  properties[PROP_WEIGHTS] =
    g_param_spec_enum ("weights", N_("Weights"),
                       N_("uniform: every neighbour counts the same; distance: closer "
                          "neighbours count more (1/distance)"),
                       LB_TYPE_KNN_WEIGHTS, LB_KNN_WEIGHTS_UNIFORM, flags);
  properties[PROP_P] =
    g_param_spec_double ("p", N_("Minkowski p"),
                         N_("The distance's power: 2 is the straight-line (Euclidean) "
                            "distance, 1 the city-block (Manhattan) distance"),
                         1.0, 1e6, 2.0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_kneighbors_classifier_init (LbKNeighborsClassifier *self)
{
  self->n_neighbors = 5;
  self->weights = LB_KNN_WEIGHTS_UNIFORM;
  self->p = 2.0;
}

LbEstimator *
lb_kneighbors_classifier_new (void)
{
  return g_object_new (LB_TYPE_KNEIGHBORS_CLASSIFIER, NULL);
}
