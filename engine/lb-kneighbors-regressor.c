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
#include "lb-kneighbors-private.h"

struct _LbKNeighborsRegressor
{
  LbEstimator parent_instance;

  LbKnnParams  params;

  LbMatrix    *X_fit;   /* (n_fit, p), a reference to the training matrix */
  double      *y_fit;   /* (n_fit) targets */
};

G_DEFINE_TYPE (LbKNeighborsRegressor, lb_kneighbors_regressor, LB_TYPE_ESTIMATOR)

static gboolean
lb_kneighbors_regressor_fit (LbEstimator  *estimator,
                          LbMatrix     *X,
                          LbMatrix     *y,
                          LbFitContext *ctx,
                          GError      **error)
{
  LbKNeighborsRegressor *self = LB_KNEIGHBORS_REGRESSOR (estimator);

  lb_kneighbors_remember (&self->X_fit, &self->y_fit, X, y);
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static void
lb_kneighbors_regressor_reset (LbEstimator *estimator)
{
  LbKNeighborsRegressor *self = LB_KNEIGHBORS_REGRESSOR (estimator);

  lb_kneighbors_forget (&self->X_fit, &self->y_fit);
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
  return lb_kneighbors_matrices (self->X_fit, "KNeighborsRegressor", X, self->params.n_neighbors,
                                 self->params.p, distances, indices, error);
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
  guint k = self->params.n_neighbors;
  gsize n = lb_matrix_get_n_rows (X);
  LbMatrix *out;

  /* indices (n, k) and distances (n, k) of the neighbours of X's rows */
  if (!lb_kneighbors_query_new (self->X_fit, "KNeighborsRegressor", X, k, self->params.p,
                                &ind, &dist, error))
    return NULL;
  out = lb_matrix_new (n, 1);
  w = g_new (double, k);
  for (gsize i = 0; i < n; i++)
    {
      double s = 0.0, sw = 0.0;

      lb_kneighbors_weights (dist + i * k, k, self->params.weights, w);
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

  return lb_kneighbors_state_to_json (self->X_fit, self->y_fit);
}

static gboolean
lb_kneighbors_regressor_load_state (LbEstimator *estimator,
                                 JsonNode    *state,
                                 GError     **error)
{
  LbKNeighborsRegressor *self = LB_KNEIGHBORS_REGRESSOR (estimator);

  return lb_kneighbors_state_from_json (state, FALSE, &self->X_fit, &self->y_fit, error);
}

static JsonNode *
lb_kneighbors_regressor_describe_state (LbEstimator *estimator)
{
  return lb_kneighbors_describe_state (LB_KNEIGHBORS_REGRESSOR (estimator)->X_fit);
}

/* --- properties --- */

static void
lb_kneighbors_regressor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  lb_kneighbors_get_property (object, &LB_KNEIGHBORS_REGRESSOR (object)->params, prop_id, value, pspec);
}

static void
lb_kneighbors_regressor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  lb_kneighbors_set_property (object, &LB_KNEIGHBORS_REGRESSOR (object)->params, prop_id, value, pspec);
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

  lb_kneighbors_install_properties (object_class,
                                    N_("How many of the closest training samples are averaged: few follow "
                                       "the data closely, many give smoother predictions"));
}

static void
lb_kneighbors_regressor_init (LbKNeighborsRegressor *self)
{
  lb_kneighbors_params_init (&self->params);
}

LbEstimator *
lb_kneighbors_regressor_new (void)
{
  return g_object_new (LB_TYPE_KNEIGHBORS_REGRESSOR, NULL);
}
