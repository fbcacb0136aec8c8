/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-elastic-net.c: ElasticNet: least squares with mixed L1 and L2 penalties,
 * fitted by scikit-learn's coordinate descent (lb-coordinate-descent.c holds
 * the solver, the properties and the state this type shares).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-coordinate-descent-private.h"
#include "lb-elastic-net.h"

struct _LbElasticNet
{
  LbEstimator parent_instance;
  LbCdModel   cd;
};

G_DEFINE_TYPE (LbElasticNet, lb_elastic_net, LB_TYPE_ESTIMATOR)

static gboolean
lb_elastic_net_fit (LbEstimator  *estimator,
                    LbMatrix     *X,
                    LbMatrix     *y,
                    LbFitContext *ctx,
                    GError      **error)
{
  return lb_cd_model_fit (&LB_ELASTIC_NET (estimator)->cd, X, y, ctx, error);
}

static void
lb_elastic_net_reset (LbEstimator *estimator)
{
  lb_cd_model_reset (&LB_ELASTIC_NET (estimator)->cd);
}

static LbMatrix *
lb_elastic_net_predict (LbEstimator *estimator,
                        LbMatrix    *X,
                        GError     **error)
{
  return lb_cd_model_predict (&LB_ELASTIC_NET (estimator)->cd, X, error);
}

static JsonNode *
lb_elastic_net_save_state (LbEstimator *estimator,
                           GError     **error)
{
  return lb_cd_model_save_state (&LB_ELASTIC_NET (estimator)->cd);
}

static gboolean
lb_elastic_net_load_state (LbEstimator *estimator,
                           JsonNode    *state,
                           GError     **error)
{
  return lb_cd_model_load_state (&LB_ELASTIC_NET (estimator)->cd, state, error);
}

static JsonNode *
lb_elastic_net_describe_state (LbEstimator *estimator)
{
  LbElasticNet *self = LB_ELASTIC_NET (estimator);

  return self->cd.coef != NULL ? lb_cd_model_save_state (&self->cd) : NULL;
}

static void
lb_elastic_net_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  lb_cd_get_property (&LB_ELASTIC_NET (object)->cd, object, prop_id, value, pspec);
}

static void
lb_elastic_net_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  lb_cd_set_property (&LB_ELASTIC_NET (object)->cd, object, prop_id, value, pspec);
}

static void
lb_elastic_net_finalize (GObject *object)
{
  lb_cd_model_reset (&LB_ELASTIC_NET (object)->cd);
  G_OBJECT_CLASS (lb_elastic_net_parent_class)->finalize (object);
}

static void
lb_elastic_net_class_init (LbElasticNetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  object_class->get_property = lb_elastic_net_get_property;
  object_class->set_property = lb_elastic_net_set_property;
  object_class->finalize = lb_elastic_net_finalize;

  est_class->name = "ElasticNet";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE;
  est_class->fit = lb_elastic_net_fit;
  est_class->reset = lb_elastic_net_reset;
  est_class->predict = lb_elastic_net_predict;
  est_class->save_state = lb_elastic_net_save_state;
  est_class->load_state = lb_elastic_net_load_state;
  est_class->describe_state = lb_elastic_net_describe_state;

  lb_cd_install_properties (object_class, TRUE);
}

static void
lb_elastic_net_init (LbElasticNet *self)
{
  lb_cd_model_init (&self->cd, 0.5);
}

LbEstimator *
lb_elastic_net_new (void)
{
  return g_object_new (LB_TYPE_ELASTIC_NET, NULL);
}

const double *
lb_elastic_net_get_coef (LbElasticNet *self,
                         guint   *n_features)
{
  g_return_val_if_fail (LB_IS_ELASTIC_NET (self), NULL);
  if (n_features != NULL)
    *n_features = self->cd.coef != NULL ? self->cd.n_features : 0;
  return self->cd.coef;
}

double
lb_elastic_net_get_intercept (LbElasticNet *self)
{
  g_return_val_if_fail (LB_IS_ELASTIC_NET (self), 0.0);
  return self->cd.intercept;
}

guint
lb_elastic_net_get_n_iter (LbElasticNet *self)
{
  g_return_val_if_fail (LB_IS_ELASTIC_NET (self), 0);
  return self->cd.n_iter;
}
