/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-coordinate-descent.c: the coordinate descent behind Lasso and
 * ElasticNet, step for step scikit-learn 1.2's enet_coordinate_descent
 * (dense, cyclic or random order, duality-gap stopping), plus the pieces the
 * two estimators share: properties, centring, prediction and model state.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <cblas.h>

#include "lb-coordinate-descent-private.h"
#include "lb-linear-model-private.h"

G_DEFINE_ENUM_TYPE (LbCdSelection, lb_cd_selection,
  G_DEFINE_ENUM_VALUE (LB_CD_SELECTION_CYCLIC, "cyclic"),
  G_DEFINE_ENUM_VALUE (LB_CD_SELECTION_RANDOM, "random"))

/* --- the solver --- */

gboolean
lb_enet_coordinate_descent (double       *w,
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
                            guint        *n_iter_out,
                            double       *gap_out,
                            gboolean     *converged,
                            GError      **error)
{
  g_autofree double *norm_cols = g_new0 (double, p);
  g_autofree double *R = g_new (double, n);
  g_autofree double *XtA = g_new (double, p);
  double d_w_tol = tol;
  double gap = tol + 1.0;
  guint n_iter = 0;

  *converged = FALSE;
  for (gsize j = 0; j < p; j++)
    norm_cols[j] = cblas_ddot ((int) n, X + j * n, 1, X + j * n, 1);
  /* R = y - Xw */
  memcpy (R, y, n * sizeof (double));
  cblas_dgemv (CblasColMajor, CblasNoTrans, (int) n, (int) p, -1.0, X, (int) n, w, 1, 1.0, R, 1);
  tol *= cblas_ddot ((int) n, y, 1, y, 1);

  for (n_iter = 0; n_iter < max_iter; n_iter++)
    {
      double w_max = 0.0, d_w_max = 0.0;

      if (lb_fit_context_check_cancelled (ctx, error))
        return FALSE;

      for (gsize f = 0; f < p; f++)
        {
          gsize j = rng != NULL ? (gsize) lb_rng_below (rng, p) : f;
          const double *xj = X + j * n;
          double w_j = w[j], tmp;

          if (norm_cols[j] == 0.0)
            continue;
          if (w_j != 0.0)
            cblas_daxpy ((int) n, w_j, xj, 1, R, 1);       /* R += w_j x_j */
          tmp = cblas_ddot ((int) n, xj, 1, R, 1);
          if (positive && tmp < 0)
            w[j] = 0.0;
          else
            w[j] = copysign (fmax (fabs (tmp) - l1_reg, 0.0), tmp) / (norm_cols[j] + l2_reg);
          if (w[j] != 0.0)
            cblas_daxpy ((int) n, -w[j], xj, 1, R, 1);     /* R -= w_j x_j */
          d_w_max = fmax (d_w_max, fabs (w[j] - w_j));
          w_max = fmax (w_max, fabs (w[j]));
        }

      if (w_max == 0.0 || d_w_max / w_max < d_w_tol || n_iter == max_iter - 1)
        {
          /* The biggest step was small: the duality gap decides. */
          double dual_norm = 0.0, R_norm2, w_norm2, l1_norm = 0.0, cst, A_norm2;

          memcpy (XtA, w, p * sizeof (double));
          cblas_dgemv (CblasColMajor, CblasTrans, (int) n, (int) p, 1.0, X, (int) n, R, 1, -l2_reg, XtA, 1);
          for (gsize j = 0; j < p; j++)
            {
              double v = positive ? XtA[j] : fabs (XtA[j]);
              if (j == 0 || v > dual_norm)
                dual_norm = v;
              l1_norm += fabs (w[j]);
            }
          R_norm2 = cblas_ddot ((int) n, R, 1, R, 1);
          w_norm2 = cblas_ddot ((int) p, w, 1, w, 1);
          if (dual_norm > l1_reg)
            {
              cst = l1_reg / dual_norm;
              A_norm2 = R_norm2 * cst * cst;
              gap = 0.5 * (R_norm2 + A_norm2);
            }
          else
            {
              cst = 1.0;
              gap = R_norm2;
            }
          gap += l1_reg * l1_norm - cst * cblas_ddot ((int) n, R, 1, y, 1)
                 + 0.5 * l2_reg * (1.0 + cst * cst) * w_norm2;
          if (gap < tol)
            {
              *converged = TRUE;
              break;
            }
        }
      if ((n_iter & 15) == 0)
        lb_fit_context_report_fraction (ctx, (double) (n_iter + 1) / max_iter);
    }
  *n_iter_out = MIN (n_iter + 1, max_iter);
  *gap_out = gap;
  return TRUE;
}

/* --- the model --- */

void
lb_cd_model_init (LbCdModel *m,
                  double     l1_ratio)
{
  memset (m, 0, sizeof *m);
  m->alpha = 1.0;
  m->l1_ratio = l1_ratio;
  m->fit_intercept = TRUE;
  m->max_iter = 1000;
  m->tol = 1e-4;
  m->selection = LB_CD_SELECTION_CYCLIC;
  m->positive = FALSE;
}

void
lb_cd_model_reset (LbCdModel *m)
{
  g_clear_pointer (&m->coef, g_free);
  m->n_features = 0;
  m->intercept = 0.0;
  m->n_iter = 0;
  m->dual_gap = 0.0;
}

gboolean
lb_cd_model_fit (LbCdModel    *m,
                 LbMatrix     *X,
                 LbMatrix     *y,
                 LbFitContext *ctx,
                 GError      **error)
{
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  const double *yv = lb_matrix_get_const_data (y);
  g_autofree double *x_mean = g_new0 (double, p);
  g_autofree double *Xc = g_try_malloc (n * p * sizeof (double));
  g_autofree double *yc = g_new (double, n);
  g_autofree double *w = g_new0 (double, p);
  double y_mean, gap;
  guint n_iter = 0;
  gboolean converged;
  LbRng rng;

  if (Xc == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                           _("not enough memory for coordinate descent"));
      return FALSE;
    }
  lb_linear_means (lb_matrix_get_const_data (X), yv, n, p, m->fit_intercept, x_mean, &y_mean);
  lb_linear_center_colmajor (lb_matrix_get_const_data (X), n, p, x_mean, Xc);
  for (gsize i = 0; i < n; i++)
    yc[i] = yv[i] - y_mean;
  lb_fit_context_init_rng (ctx, &rng, 0);

  /* scikit-learn scales the penalties by n: objective ½||y - Xw||² + n·(…) */
  if (!lb_enet_coordinate_descent (w, m->alpha * m->l1_ratio * n, m->alpha * (1.0 - m->l1_ratio) * n,
                                   Xc, yc, n, p, m->max_iter, m->tol,
                                   m->selection == LB_CD_SELECTION_RANDOM ? &rng : NULL,
                                   m->positive, ctx, &n_iter, &gap, &converged, error))
    return FALSE;
  if (!converged)
    {
      LbFitEvent ev = { .fraction = 1.0, .epoch = n_iter, .iteration = n_iter, .loss = NAN, .val_score = NAN,
                        .message = _("coordinate descent did not converge: raise max_iter, or scale the features") };
      lb_fit_context_report (ctx, &ev);
    }
  lb_cd_model_reset (m);
  m->coef = g_steal_pointer (&w);
  m->n_features = (guint) p;
  m->intercept = m->fit_intercept ? y_mean - cblas_ddot ((int) p, x_mean, 1, m->coef, 1) : 0.0;
  m->n_iter = n_iter;
  m->dual_gap = gap;
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

LbMatrix *
lb_cd_model_predict (LbCdModel *m,
                     LbMatrix  *X,
                     GError   **error)
{
  return lb_linear_predict_one (X, m->coef, m->intercept, m->n_features,
                                _("the model is not fitted yet"), error);
}

JsonNode *
lb_cd_model_save_state (LbCdModel *m)
{
  JsonNode *node = lb_linear_coef_to_json (m->n_features, m->coef, m->intercept);
  JsonObject *obj = json_node_get_object (node);

  json_object_set_int_member (obj, "n_iter", m->n_iter);
  json_object_set_double_member (obj, "dual_gap", m->dual_gap);
  return node;
}

gboolean
lb_cd_model_load_state (LbCdModel *m,
                        JsonNode  *state,
                        GError   **error)
{
  g_autofree double *coef = NULL;
  guint64 p, n_iter;
  double b, gap;
  JsonObject *obj = lb_linear_coef_from_json (state, &p, &coef, &b, error);

  if (obj == NULL
      || !lb_linear_json_get_uint (obj, "n_iter", 0, G_MAXUINT, &n_iter, error)
      || !lb_linear_json_get_double (obj, "dual_gap", &gap, error))
    return FALSE;
  lb_cd_model_reset (m);
  m->coef = g_steal_pointer (&coef);
  m->n_features = (guint) p;
  m->intercept = b;
  m->n_iter = (guint) n_iter;
  m->dual_gap = gap;
  return TRUE;
}

/* --- properties --- */

void
lb_cd_install_properties (GObjectClass *klass,
                          gboolean      with_l1_ratio)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  g_object_class_install_property (klass, LB_CD_PROP_ALPHA,
    g_param_spec_double ("alpha", N_("Alpha"),
                         with_l1_ratio
                           ? N_("Overall strength of the penalty: larger values shrink the weights more")
                           : N_("Strength of the L1 penalty: larger values set more weights to exactly zero"),
                         0.0, G_MAXDOUBLE, 1.0, flags));
  if (with_l1_ratio)
    g_object_class_install_property (klass, LB_CD_PROP_L1_RATIO,
      g_param_spec_double ("l1-ratio", N_("L1 ratio"),
                           N_("Mix of the penalties: 0 is pure L2 (ridge), 1 is pure L1 (lasso)"),
                           0.0, 1.0, 0.5, flags));
  g_object_class_install_property (klass, LB_CD_PROP_FIT_INTERCEPT,
    g_param_spec_boolean ("fit-intercept", N_("Fit intercept"),
                          N_("Learn a bias term θ₀ (never penalised); turn off only for centred data"),
                          TRUE, flags));
  g_object_class_install_property (klass, LB_CD_PROP_MAX_ITER,
    g_param_spec_uint ("max-iter", N_("Maximum iterations"),
                       N_("Most passes over the features before giving up on convergence"),
                       1, G_MAXINT32, 1000, flags));
  g_object_class_install_property (klass, LB_CD_PROP_TOL,
    g_param_spec_double ("tol", N_("Tolerance"),
                         N_("Stop when the duality gap falls below tol times the squared norm of y"),
                         0.0, G_MAXDOUBLE, 1e-4, flags));
  g_object_class_install_property (klass, LB_CD_PROP_SELECTION,
    g_param_spec_enum ("selection", N_("Selection"),
                       N_("Visit the features in order (cyclic) or at random, which can converge faster"),
                       LB_TYPE_CD_SELECTION, LB_CD_SELECTION_CYCLIC, flags));
  g_object_class_install_property (klass, LB_CD_PROP_POSITIVE,
    g_param_spec_boolean ("positive", N_("Positive"),
                          N_("Force every weight to be zero or positive"),
                          FALSE, flags));
}

void
lb_cd_get_property (LbCdModel  *m,
                    GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case LB_CD_PROP_ALPHA:         g_value_set_double (value, m->alpha); break;
    case LB_CD_PROP_L1_RATIO:      g_value_set_double (value, m->l1_ratio); break;
    case LB_CD_PROP_FIT_INTERCEPT: g_value_set_boolean (value, m->fit_intercept); break;
    case LB_CD_PROP_MAX_ITER:      g_value_set_uint (value, m->max_iter); break;
    case LB_CD_PROP_TOL:           g_value_set_double (value, m->tol); break;
    case LB_CD_PROP_SELECTION:     g_value_set_enum (value, m->selection); break;
    case LB_CD_PROP_POSITIVE:      g_value_set_boolean (value, m->positive); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define SET_IF_CHANGED(field, v) \
  G_STMT_START { if ((field) != (v)) { (field) = (v); g_object_notify_by_pspec (object, pspec); } } G_STMT_END

void
lb_cd_set_property (LbCdModel    *m,
                    GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case LB_CD_PROP_ALPHA:         SET_IF_CHANGED (m->alpha, g_value_get_double (value)); break;
    case LB_CD_PROP_L1_RATIO:      SET_IF_CHANGED (m->l1_ratio, g_value_get_double (value)); break;
    case LB_CD_PROP_FIT_INTERCEPT: SET_IF_CHANGED (m->fit_intercept, g_value_get_boolean (value)); break;
    case LB_CD_PROP_MAX_ITER:      SET_IF_CHANGED (m->max_iter, g_value_get_uint (value)); break;
    case LB_CD_PROP_TOL:           SET_IF_CHANGED (m->tol, g_value_get_double (value)); break;
    case LB_CD_PROP_SELECTION:     SET_IF_CHANGED (m->selection, (LbCdSelection) g_value_get_enum (value)); break;
    case LB_CD_PROP_POSITIVE:      SET_IF_CHANGED (m->positive, g_value_get_boolean (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}
