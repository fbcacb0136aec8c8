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
#include "lb-kneighbors-private.h"

struct _LbKNeighborsClassifier
{
  LbEstimator parent_instance;

  LbKnnParams  params;

  LbMatrix    *X_fit;   /* (n_fit, p), a reference to the training matrix */
  double      *y_fit;   /* (n_fit) class codes */
};

G_DEFINE_TYPE (LbKNeighborsClassifier, lb_kneighbors_classifier, LB_TYPE_ESTIMATOR)

static gboolean
lb_kneighbors_classifier_fit (LbEstimator  *estimator,
                          LbMatrix     *X,
                          LbMatrix     *y,
                          LbFitContext *ctx,
                          GError      **error)
{
  LbKNeighborsClassifier *self = LB_KNEIGHBORS_CLASSIFIER (estimator);

  lb_kneighbors_remember (&self->X_fit, &self->y_fit, X, y);
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static void
lb_kneighbors_classifier_reset (LbEstimator *estimator)
{
  LbKNeighborsClassifier *self = LB_KNEIGHBORS_CLASSIFIER (estimator);

  lb_kneighbors_forget (&self->X_fit, &self->y_fit);
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
  return lb_kneighbors_matrices (self->X_fit, "KNeighborsClassifier", X, self->params.n_neighbors,
                                 self->params.p, distances, indices, error);
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
  guint k = self->params.n_neighbors, n_classes = lb_estimator_get_n_classes (LB_ESTIMATOR (self));
  gsize n = lb_matrix_get_n_rows (X);
  LbMatrix *out;
  double *o;

  /* indices (n, k) and distances (n, k) of the neighbours of X's rows */
  if (!lb_kneighbors_query_new (self->X_fit, "KNeighborsClassifier", X, k, self->params.p,
                                &ind, &dist, error))
    return NULL;
  out = lb_matrix_new (n, n_classes);
  o = lb_matrix_get_data (out);
  w = g_new (double, k);
  for (gsize i = 0; i < n; i++)
    {
      lb_kneighbors_weights (dist + i * k, k, self->params.weights, w);
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

  return lb_kneighbors_state_to_json (self->X_fit, self->y_fit);
}

static gboolean
lb_kneighbors_classifier_load_state (LbEstimator *estimator,
                                 JsonNode    *state,
                                 GError     **error)
{
  LbKNeighborsClassifier *self = LB_KNEIGHBORS_CLASSIFIER (estimator);

  return lb_kneighbors_state_from_json (state, TRUE, &self->X_fit, &self->y_fit, error);
}

static JsonNode *
lb_kneighbors_classifier_describe_state (LbEstimator *estimator)
{
  return lb_kneighbors_describe_state (LB_KNEIGHBORS_CLASSIFIER (estimator)->X_fit);
}

/* --- properties --- */

static void
lb_kneighbors_classifier_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  lb_kneighbors_get_property (object, &LB_KNEIGHBORS_CLASSIFIER (object)->params, prop_id, value, pspec);
}

static void
lb_kneighbors_classifier_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  lb_kneighbors_set_property (object, &LB_KNEIGHBORS_CLASSIFIER (object)->params, prop_id, value, pspec);
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

  lb_kneighbors_install_properties (object_class,
                                    N_("How many of the closest training samples vote: few follow "
                                       "the data closely, many give smoother predictions"));
}

static void
lb_kneighbors_classifier_init (LbKNeighborsClassifier *self)
{
  lb_kneighbors_params_init (&self->params);
}

LbEstimator *
lb_kneighbors_classifier_new (void)
{
  return g_object_new (LB_TYPE_KNEIGHBORS_CLASSIFIER, NULL);
}
