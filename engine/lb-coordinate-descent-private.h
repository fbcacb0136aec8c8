/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-coordinate-descent-private.h: what Lasso and ElasticNet share: their
 * hyper-parameters and learned state (LbCdModel, embedded in both instance
 * structs), the property table, and scikit-learn's coordinate descent with its
 * duality-gap stopping rule.
 */
#pragma once

#include "lb-elastic-net.h"

G_BEGIN_DECLS

typedef enum
{
  LB_CD_PROP_0,
  LB_CD_PROP_ALPHA,
  LB_CD_PROP_L1_RATIO,
  LB_CD_PROP_FIT_INTERCEPT,
  LB_CD_PROP_MAX_ITER,
  LB_CD_PROP_TOL,
  LB_CD_PROP_SELECTION,
  LB_CD_PROP_POSITIVE,
  LB_CD_N_PROPS
} LbCdProp;

typedef struct
{
  /* hyper-parameters */
  double      alpha;
  double      l1_ratio;
  gboolean    fit_intercept;
  guint       max_iter;
  double      tol;
  LbCdSelection selection;
  gboolean    positive;

  /* learned state */
  guint       n_features;
  double     *coef;       /* (n_features) */
  double      intercept;
  guint       n_iter;
  double      dual_gap;
} LbCdModel;

void      lb_cd_model_init          (LbCdModel    *m,
                                     double        l1_ratio);
void      lb_cd_model_reset         (LbCdModel    *m);
/* Installs the properties on @klass; l1_ratio only when @with_l1_ratio (Lasso fixes it to 1). */
void      lb_cd_install_properties  (GObjectClass *klass,
                                     gboolean      with_l1_ratio);
void      lb_cd_get_property        (LbCdModel    *m,
                                     GObject      *object,
                                     guint         prop_id,
                                     GValue       *value,
                                     GParamSpec   *pspec);
void      lb_cd_set_property        (LbCdModel    *m,
                                     GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec);

gboolean  lb_cd_model_fit           (LbCdModel    *m,
                                     LbMatrix     *X,
                                     LbMatrix     *y,
                                     LbFitContext *ctx,
                                     GError      **error);
LbMatrix *lb_cd_model_predict       (LbCdModel    *m,
                                     LbMatrix     *X,
                                     GError      **error);
JsonNode *lb_cd_model_save_state    (LbCdModel    *m);
gboolean  lb_cd_model_load_state    (LbCdModel    *m,
                                     JsonNode     *state,
                                     GError      **error);

/* scikit-learn's enet_coordinate_descent (dense): minimises
 * ½||y - Xw||² + l1_reg·||w||₁ + ½·l2_reg·||w||² over w (in: start, out:
 * result). X column-major (n, p). @rng NULL = cyclic order, else random
 * coordinates. Stops when the largest step is below tol·max|w| and the
 * duality gap is below tol·||y||². Returns the number of passes; *@gap the
 * last duality gap; *@converged whether it stopped on the gap. FALSE with
 * @error only when cancelled. */
gboolean  lb_enet_coordinate_descent (double       *w,
                                      double        l1_reg,
                                      double        l2_reg,
                                      const double *X,
                                      const double *y,
                                      gsize         n,
                                      gsize         p,
                                      guint         max_iter,
                                      double        tol,
                                      LbRng        *rng,
                                      gboolean      positive,
                                      LbFitContext *ctx,
                                      guint        *n_iter,
                                      double       *gap,
                                      gboolean     *converged,
                                      GError      **error);

G_END_DECLS
