/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-lasso.c: the Lasso: least squares with an L1 penalty (ElasticNet with l1_ratio = 1),
 * fitted by scikit-learn's coordinate descent (lb-coordinate-descent.c holds
 * the solver, the properties and the state this type shares).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-coordinate-descent-private.h"
#include "lb-lasso.h"

struct _LbLasso
{
  LbEstimator parent_instance;
  LbCdModel   cd;
};

G_DEFINE_TYPE (LbLasso, lb_lasso, LB_TYPE_ESTIMATOR)

static gboolean
lb_lasso_fit (LbEstimator  *estimator,
              LbMatrix     *X,
              LbMatrix     *y,
              LbFitContext *ctx,
              GError      **error)
{
  return lb_cd_model_fit (&LB_LASSO (estimator)->cd, X, y, ctx, error);
}

static void
lb_lasso_reset (LbEstimator *estimator)
{
  lb_cd_model_reset (&LB_LASSO (estimator)->cd);
}

static LbMatrix *
lb_lasso_predict (LbEstimator *estimator,
                  LbMatrix    *X,
                  GError     **error)
{
  return lb_cd_model_predict (&LB_LASSO (estimator)->cd, X, error);
}

static JsonNode *
lb_lasso_save_state (LbEstimator *estimator,
                     GError     **error)
{
  return lb_cd_model_save_state (&LB_LASSO (estimator)->cd);
}

static gboolean
lb_lasso_load_state (LbEstimator *estimator,
                     JsonNode    *state,
                     GError     **error)
{
  return lb_cd_model_load_state (&LB_LASSO (estimator)->cd, state, error);
}

static JsonNode *
lb_lasso_describe_state (LbEstimator *estimator)
{
  LbLasso *self = LB_LASSO (estimator);

  return self->cd.coef != NULL ? lb_cd_model_save_state (&self->cd) : NULL;
}

static void
lb_lasso_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  lb_cd_get_property (&LB_LASSO (object)->cd, object, prop_id, value, pspec);
}

static void
lb_lasso_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  lb_cd_set_property (&LB_LASSO (object)->cd, object, prop_id, value, pspec);
}

static void
lb_lasso_finalize (GObject *object)
{
  lb_cd_model_reset (&LB_LASSO (object)->cd);
  G_OBJECT_CLASS (lb_lasso_parent_class)->finalize (object);
}

static void
lb_lasso_class_init (LbLassoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  object_class->get_property = lb_lasso_get_property;
  object_class->set_property = lb_lasso_set_property;
  object_class->finalize = lb_lasso_finalize;

  est_class->name = "Lasso";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE;
  est_class->fit = lb_lasso_fit;
  est_class->reset = lb_lasso_reset;
  est_class->predict = lb_lasso_predict;
  est_class->save_state = lb_lasso_save_state;
  est_class->load_state = lb_lasso_load_state;
  est_class->describe_state = lb_lasso_describe_state;

  lb_cd_install_properties (object_class, FALSE);
}

static void
lb_lasso_init (LbLasso *self)
{
  lb_cd_model_init (&self->cd, 1.0);
}

LbEstimator *
lb_lasso_new (void)
{
  return g_object_new (LB_TYPE_LASSO, NULL);
}

const double *
lb_lasso_get_coef (LbLasso *self,
                   guint   *n_features)
{
  g_return_val_if_fail (LB_IS_LASSO (self), NULL);
  if (n_features != NULL)
    *n_features = self->cd.coef != NULL ? self->cd.n_features : 0;
  return self->cd.coef;
}

double
lb_lasso_get_intercept (LbLasso *self)
{
  g_return_val_if_fail (LB_IS_LASSO (self), 0.0);
  return self->cd.intercept;
}

guint
lb_lasso_get_n_iter (LbLasso *self)
{
  g_return_val_if_fail (LB_IS_LASSO (self), 0);
  return self->cd.n_iter;
}
