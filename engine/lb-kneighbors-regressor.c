/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-kneighbors-regressor.c: KNeighborsRegressor as scikit-learn 1.2.1 with the
 * brute-force search: the mean (or 1/distance-weighted mean)
 * of the targets of the k nearest training samples.
 * Equal distances at the k-th place: the lower training index wins here;
 * scikit-learn's order among exact ties is an implementation detail.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-kneighbors-regressor.h"
#include "lb-linear-model-private.h"

struct _LbKNeighborsRegressor
{
  LbEstimator parent_instance;

  guint        n_neighbors;
  LbKnnWeights weights;
  double       p;

  LbMatrix    *X_fit;   /* (n_fit, p), a reference to the training matrix */
  double      *y_fit;   /* (n_fit) targets */
};

G_DEFINE_TYPE (LbKNeighborsRegressor, lb_kneighbors_regressor, LB_TYPE_ESTIMATOR)

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
lb_kneighbors_regressor_fit (LbEstimator  *estimator,
                          LbMatrix     *X,
                          LbMatrix     *y,
                          LbFitContext *ctx,
                          GError      **error)
{
  LbKNeighborsRegressor *self = LB_KNEIGHBORS_REGRESSOR (estimator);

  /* fitting is remembering (the matrix is immutable once shared) */
  g_clear_pointer (&self->X_fit, lb_matrix_unref);
  g_clear_pointer (&self->y_fit, g_free);
  self->X_fit = lb_matrix_ref (X);
  self->y_fit = g_memdup2 (lb_matrix_get_const_data (y), lb_matrix_get_n_rows (y) * sizeof (double));
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static void
lb_kneighbors_regressor_reset (LbEstimator *estimator)
{
  LbKNeighborsRegressor *self = LB_KNEIGHBORS_REGRESSOR (estimator);

  g_clear_pointer (&self->X_fit, lb_matrix_unref);
  g_clear_pointer (&self->y_fit, g_free);
}

/* indices (n, k) and distances (n, k) of the neighbours of X's rows */
static gboolean
query (LbKNeighborsRegressor *self,
       LbMatrix *X,
       guint   **ind,
       double  **dist,
       GError  **error)
{
  return lb_kneighbors_query_new (self->X_fit, "KNeighborsRegressor", X, self->n_neighbors, self->p,
                                  ind, dist, error);
}

gboolean
lb_kneighbors_regressor_kneighbors (LbKNeighborsRegressor *self,
                                 LbMatrix        *X,
                                 LbMatrix       **distances,
                                 LbMatrix       **indices,
                                 GError         **error)
{
  g_return_val_if_fail (LB_IS_KNEIGHBORS_REGRESSOR (self), FALSE);
  g_return_val_if_fail (X != NULL, FALSE);
  return lb_kneighbors_matrices (self->X_fit, "KNeighborsRegressor", X, self->n_neighbors, self->p,
                                 distances, indices, error);
}

/* --- predict: (weighted) mean of the neighbours' targets --- */

static LbMatrix *
lb_kneighbors_regressor_predict (LbEstimator *estimator,
                                 LbMatrix    *X,
                                 GError     **error)
{
  LbKNeighborsRegressor *self = LB_KNEIGHBORS_REGRESSOR (estimator);
  g_autofree guint *ind = NULL;
  g_autofree double *dist = NULL, *w = NULL;
  guint k = self->n_neighbors;
  gsize n = lb_matrix_get_n_rows (X);
  LbMatrix *out;

  if (!query (self, X, &ind, &dist, error))
    return NULL;
  out = lb_matrix_new (n, 1);
  w = g_new (double, k);
  for (gsize i = 0; i < n; i++)
    {
      double s = 0.0, sw = 0.0;

      lb_kneighbors_weights (dist + i * k, k, self->weights, w);
      for (guint j = 0; j < k; j++)
        {
          s += w[j] * self->y_fit[ind[i * k + j]];
          sw += w[j];
        }
      lb_matrix_get_data (out)[i] = s / sw;
    }
  return out;
}

/* --- state: the remembered training set --- */

static JsonNode *
lb_kneighbors_regressor_save_state (LbEstimator *estimator,
                                 GError     **error)
{
  LbKNeighborsRegressor *self = LB_KNEIGHBORS_REGRESSOR (estimator);
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
lb_kneighbors_regressor_load_state (LbEstimator *estimator,
                                 JsonNode    *state,
                                 GError     **error)
{
  LbKNeighborsRegressor *self = LB_KNEIGHBORS_REGRESSOR (estimator);
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

  lb_kneighbors_regressor_reset (estimator);
  self->X_fit = g_steal_pointer (&X);
  self->y_fit = g_steal_pointer (&y);
  return TRUE;
}

static JsonNode *
lb_kneighbors_regressor_describe_state (LbEstimator *estimator)
{
  LbKNeighborsRegressor *self = LB_KNEIGHBORS_REGRESSOR (estimator);
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
lb_kneighbors_regressor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LbKNeighborsRegressor *self = LB_KNEIGHBORS_REGRESSOR (object);

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
lb_kneighbors_regressor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LbKNeighborsRegressor *self = LB_KNEIGHBORS_REGRESSOR (object);

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
lb_kneighbors_regressor_finalize (GObject *object)
{
  lb_kneighbors_regressor_reset (LB_ESTIMATOR (object));
  G_OBJECT_CLASS (lb_kneighbors_regressor_parent_class)->finalize (object);
}

static void
lb_kneighbors_regressor_class_init (LbKNeighborsRegressorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_kneighbors_regressor_get_property;
  object_class->set_property = lb_kneighbors_regressor_set_property;
  object_class->finalize = lb_kneighbors_regressor_finalize;

  est_class->name = "KNeighborsRegressor";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y;
  est_class->fit = lb_kneighbors_regressor_fit;
  est_class->reset = lb_kneighbors_regressor_reset;
  est_class->predict = lb_kneighbors_regressor_predict;

  est_class->save_state = lb_kneighbors_regressor_save_state;
  est_class->load_state = lb_kneighbors_regressor_load_state;
  est_class->describe_state = lb_kneighbors_regressor_describe_state;

  properties[PROP_N_NEIGHBORS] =
    g_param_spec_uint ("n-neighbors", N_("Neighbours"),
                       N_("How many of the closest training samples are averaged: few follow "
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
lb_kneighbors_regressor_init (LbKNeighborsRegressor *self)
{
  self->n_neighbors = 5;
  self->weights = LB_KNN_WEIGHTS_UNIFORM;
  self->p = 2.0;
}

LbEstimator *
lb_kneighbors_regressor_new (void)
{
  return g_object_new (LB_TYPE_KNEIGHBORS_REGRESSOR, NULL);
}
