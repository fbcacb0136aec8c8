/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-adaboost-regressor.c: LbAdaBoostRegressor with scikit-learn 1.2.1's
 * AdaBoost.R2, step for step: weights start at 1/n (clipped at machine
 * epsilon each round); a bootstrap of n rows is drawn with probabilities
 * proportional to the weights (numpy's choice: the weights' cumulative sum
 * searched with uniform draws — from our generator, so the rows differ from
 * scikit-learn's); the errors |pred − y| over the rows with weight, divided by
 * their maximum, go through the loss; err = Σ w·loss; a perfect round stops
 * boosting, a round with err ≥ 0.5 is dropped (unless it is the only one) and
 * stops it; else β = err / (1 − err), the estimator weighs lr·log (1/β) and
 * each weight is multiplied by β^((1 − loss)·lr). Predictions are the
 * weighted median of the rounds' predictions.
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-adaboost-regressor.h"
#include "lb-adaboost-private.h"
#include "lb-ensemble-private.h"
#include "lb-estimator-private.h"

struct _LbAdaBoostRegressor
{
  LbEstimator parent_instance;

  LbEstimator        *base;
  guint               n_estimators;
  double              learning_rate;
  LbAdaBoostLoss      loss;

  GPtrArray          *estimators;  /* fitted, NULL when unfitted */
  double             *weights;     /* per kept estimator */
  double             *errors;
};

G_DEFINE_FINAL_TYPE (LbAdaBoostRegressor, lb_adaboost_regressor, LB_TYPE_ESTIMATOR)

G_DEFINE_ENUM_TYPE (LbAdaBoostLoss, lb_adaboost_loss,
  G_DEFINE_ENUM_VALUE (LB_ADABOOST_LOSS_LINEAR, "linear"),
  G_DEFINE_ENUM_VALUE (LB_ADABOOST_LOSS_SQUARE, "square"),
  G_DEFINE_ENUM_VALUE (LB_ADABOOST_LOSS_EXPONENTIAL, "exponential"))

enum { PROP_0, PROP_ESTIMATOR, PROP_N_ESTIMATORS, PROP_LEARNING_RATE, PROP_LOSS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
clear_fitted (LbAdaBoostRegressor *self)
{
  g_clear_pointer (&self->estimators, g_ptr_array_unref);
  g_clear_pointer (&self->weights, g_free);
  g_clear_pointer (&self->errors, g_free);
}

static int
compare_pred (const void *a,
              const void *b,
              void       *data)
{
  const double *p = data;
  double x = p[*(const guint *) a], y = p[*(const guint *) b];

  return (x > y) - (x < y);
}

static gboolean
lb_adaboost_regressor_fit_weighted (LbEstimator  *est,
                                    LbMatrix     *X,
                                    LbMatrix     *y,
                                    LbMatrix     *sample_weight,
                                    LbFitContext *ctx,
                                    GError      **error)
{
  LbAdaBoostRegressor *self = LB_ADABOOST_REGRESSOR (est);
  gsize n = lb_matrix_get_n_rows (X);
  const double *yv = lb_matrix_get_const_data (y);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree double *weights = g_new0 (double, self->n_estimators);
  g_autofree double *errors = g_new0 (double, self->n_estimators);
  g_autofree double *wv = g_new (double, n);
  g_autofree double *cdf = g_new (double, n);
  g_autofree double *loss = g_new (double, n);
  g_autofree gboolean *zero = g_new0 (gboolean, n);
  g_autofree guint *rows = g_new (guint, n);
  double total = 0.0;
  LbRng rng;

  lb_fit_context_init_rng (ctx, &rng, 0);
  for (gsize i = 0; i < n; i++)
    {
      wv[i] = sample_weight != NULL ? lb_matrix_get_const_data (sample_weight)[i] : 1.0;
      total += wv[i];
    }
  for (gsize i = 0; i < n; i++)
    {
      wv[i] /= total;
      zero[i] = wv[i] == 0.0;
    }

  for (guint iboost = 0; iboost < self->n_estimators; iboost++)
    {
      gboolean last = iboost == self->n_estimators - 1;
      g_autoptr(LbFitContext) child_ctx = NULL;
      g_autoptr(LbEstimator) child = NULL;
      g_autoptr(LbMatrix) Xb = NULL, yb = NULL, pred = NULL;
      double err = 0.0, err_max = 0.0, beta, ew;
      LbFitEvent event = { 0 };

      if (lb_fit_context_check_cancelled (ctx, error))
        return FALSE;
      for (gsize i = 0; i < n; i++)
        wv[i] = zero[i] ? 0.0 : MAX (wv[i], DBL_EPSILON);
      /* numpy's choice (n, replace=True, p=w): cdf / cdf[-1], searchsorted (side="right") */
      for (gsize i = 0; i < n; i++)
        cdf[i] = (i > 0 ? cdf[i - 1] : 0.0) + wv[i];
      for (gsize i = 0; i < n; i++)
        cdf[i] /= cdf[n - 1];
      for (gsize r = 0; r < n; r++)
        {
          double u = lb_rng_uniform (&rng);
          gsize lo = 0, hi = n;

          while (lo < hi)
            {
              gsize mid = (lo + hi) / 2;

              if (cdf[mid] <= u)
                lo = mid + 1;
              else
                hi = mid;
            }
          rows[r] = (guint) MIN (lo, n - 1);
        }
      Xb = lb_matrix_take_rows (X, rows, n);
      yb = lb_matrix_take_rows (y, rows, n);
      child = lb_ensemble_new_base (self->base, "DecisionTreeRegressor", "{\"max_depth\": 3}", error);
      if (child == NULL)
        return FALSE;
      if (!lb_estimator_is_regressor (child))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("estimator: %s is not a regressor"), lb_estimator_get_name (child));
          return FALSE;
        }
      child_ctx = lb_ensemble_member_context (ctx, iboost);
      if (!lb_estimator_fit (child, Xb, yb, child_ctx, error))
        {
          if (error != NULL && *error != NULL &&
              !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (error, _("estimator %u: "), iboost);
          return FALSE;
        }
      pred = lb_estimator_predict (child, X, error);
      if (pred == NULL)
        return FALSE;
      for (gsize i = 0; i < n; i++)
        {
          loss[i] = fabs (lb_matrix_get_const_data (pred)[i] - yv[i]);
          if (wv[i] > 0)
            err_max = MAX (err_max, loss[i]);
        }
      for (gsize i = 0; i < n; i++)
        {
          if (err_max != 0)
            loss[i] /= err_max;
          if (self->loss == LB_ADABOOST_LOSS_SQUARE)
            loss[i] *= loss[i];
          else if (self->loss == LB_ADABOOST_LOSS_EXPONENTIAL)
            loss[i] = 1.0 - exp (-loss[i]);
          if (wv[i] > 0)
            err += wv[i] * loss[i];
        }
      if (err <= 0)
        {
          weights[kept->len] = 1.0;
          errors[kept->len] = 0.0;
          g_ptr_array_add (kept, g_steal_pointer (&child));
          break;
        }
      if (err >= 0.5)
        {
          /* scikit-learn drops the round unless it is the only one (then kept with weight 0) */
          if (kept->len == 0)
            {
              errors[0] = err;
              g_ptr_array_add (kept, g_steal_pointer (&child));
            }
          break;
        }
      beta = err / (1.0 - err);
      ew = self->learning_rate * log (1.0 / beta);
      if (!last)
        for (gsize i = 0; i < n; i++)
          if (wv[i] > 0)
            wv[i] *= pow (beta, (1.0 - loss[i]) * self->learning_rate);
      weights[kept->len] = ew;
      errors[kept->len] = err;
      g_ptr_array_add (kept, g_steal_pointer (&child));

      event.fraction = (double) (iboost + 1) / self->n_estimators;
      event.iteration = iboost + 1;
      event.loss = err;
      event.val_score = NAN;
      lb_fit_context_report (ctx, &event);

      total = 0.0;
      for (gsize i = 0; i < n; i++)
        total += wv[i];
      if (!isfinite (total))
        {
          LbFitEvent warn = { .fraction = -1, .loss = NAN, .val_score = NAN,
                              .message = _("Sample weights overflowed: boosting stopped early; "
                                           "try a lower learning rate") };

          lb_fit_context_report (ctx, &warn);
          break;
        }
      if (total <= 0)
        break;
      if (!last)
        for (gsize i = 0; i < n; i++)
          wv[i] /= total;
    }

  clear_fitted (self);
  self->estimators = g_steal_pointer (&kept);
  self->weights = g_steal_pointer (&weights);
  self->errors = g_steal_pointer (&errors);
  return TRUE;
}

static void
lb_adaboost_regressor_reset (LbEstimator *est)
{
  clear_fitted (LB_ADABOOST_REGRESSOR (est));
}

/* _get_median_predict: per row, the rounds' predictions sorted, the first whose
 * cumulative weight reaches half the total. */
static LbMatrix *
median_predict (LbAdaBoostRegressor *self,
                LbMatrix            *X,
                guint                limit,
                GError             **error)
{
  gsize n = lb_matrix_get_n_rows (X);
  g_autoptr(LbMatrix) all = lb_matrix_new (n, limit);
  g_autofree guint *order = g_new (guint, limit);
  g_autofree double *row = g_new (double, limit);
  LbMatrix *out;

  for (guint e = 0; e < limit; e++)
    {
      g_autoptr(LbMatrix) p = lb_estimator_predict (self->estimators->pdata[e], X, error);

      if (p == NULL)
        return NULL;
      for (gsize i = 0; i < n; i++)
        LB_MATRIX_AT (all, i, e) = lb_matrix_get_const_data (p)[i];
    }
  out = lb_matrix_new (n, 1);
  for (gsize i = 0; i < n; i++)
    {
      double cum = 0.0, total = 0.0;
      guint pick = limit - 1;

      for (guint e = 0; e < limit; e++)
        {
          row[e] = LB_MATRIX_AT (all, i, e);
          order[e] = e;
          total += self->weights[e];
        }
      g_qsort_with_data (order, limit, sizeof (guint), compare_pred, row);
      for (guint e = 0; e < limit; e++)
        {
          cum += self->weights[order[e]];
          if (cum >= 0.5 * total)
            {
              pick = e;
              break;
            }
        }
      lb_matrix_get_data (out)[i] = row[order[pick]];
    }
  return out;
}

static LbMatrix *
lb_adaboost_regressor_predict (LbEstimator *est,
                               LbMatrix    *X,
                               GError     **error)
{
  LbAdaBoostRegressor *self = LB_ADABOOST_REGRESSOR (est);

  return median_predict (self, X, self->estimators->len, error);
}

static JsonNode *
lb_adaboost_regressor_save_state (LbEstimator *est,
                                   GError     **error)
{
  LbAdaBoostRegressor *self = LB_ADABOOST_REGRESSOR (est);

  return lb_adaboost_save_state (self->estimators, self->weights, self->errors, error);
}

static gboolean
lb_adaboost_regressor_load_state (LbEstimator *est,
                                   JsonNode    *state,
                                   GError     **error)
{
  LbAdaBoostRegressor *self = LB_ADABOOST_REGRESSOR (est);
  g_autofree double *weights = NULL, *errors = NULL;
  g_autoptr(GPtrArray) children = lb_adaboost_load_state (state, self->base, "DecisionTreeRegressor",
                                                          "{\"max_depth\": 3}", &weights,
                                                          &errors, error);

  if (children == NULL)
    return FALSE;
  for (guint e = 0; e < children->len; e++)
    {
      if (!lb_estimator_is_regressor (children->pdata[e]) ||
          lb_estimator_get_n_features_in (children->pdata[e]) != lb_estimator_get_n_features_in (est) ||
          !isfinite (weights[e]))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                       _("AdaBoost estimator %u does not fit the model's features"), e);
          return FALSE;
        }
    }
  clear_fitted (self);
  self->estimators = g_steal_pointer (&children);
  self->weights = g_steal_pointer (&weights);
  self->errors = g_steal_pointer (&errors);
  return TRUE;
}

static JsonNode *
lb_adaboost_regressor_describe_state (LbEstimator *est)
{
  LbAdaBoostRegressor *self = LB_ADABOOST_REGRESSOR (est);

  return lb_adaboost_describe_state (est, self->estimators, self->weights, self->errors);
}

/* --- GObject --- */

static void
lb_adaboost_regressor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LbAdaBoostRegressor *self = LB_ADABOOST_REGRESSOR (object);

  switch (prop_id)
    {
    case PROP_ESTIMATOR: g_value_set_object (value, self->base); break;
    case PROP_N_ESTIMATORS: g_value_set_uint (value, self->n_estimators); break;
    case PROP_LEARNING_RATE: g_value_set_double (value, self->learning_rate); break;
    case PROP_LOSS: g_value_set_enum (value, self->loss); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_adaboost_regressor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LbAdaBoostRegressor *self = LB_ADABOOST_REGRESSOR (object);

  switch (prop_id)
    {
    case PROP_ESTIMATOR:
      if (g_set_object (&self->base, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_N_ESTIMATORS:
      if (self->n_estimators != g_value_get_uint (value))
        {
          self->n_estimators = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LEARNING_RATE:
      if (self->learning_rate != g_value_get_double (value))
        {
          self->learning_rate = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LOSS:
      if (self->loss != (LbAdaBoostLoss) g_value_get_enum (value))
        {
          self->loss = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_adaboost_regressor_finalize (GObject *object)
{
  LbAdaBoostRegressor *self = LB_ADABOOST_REGRESSOR (object);

  clear_fitted (self);
  g_clear_object (&self->base);
  G_OBJECT_CLASS (lb_adaboost_regressor_parent_class)->finalize (object);
}

static void
lb_adaboost_regressor_class_init (LbAdaBoostRegressorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_adaboost_regressor_get_property;
  object_class->set_property = lb_adaboost_regressor_set_property;
  object_class->finalize = lb_adaboost_regressor_finalize;

  est_class->name = "AdaBoostRegressor";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE |
                     LB_ESTIMATOR_SAMPLE_WEIGHT;
  est_class->fit_weighted = lb_adaboost_regressor_fit_weighted;
  est_class->reset = lb_adaboost_regressor_reset;
  est_class->predict = lb_adaboost_regressor_predict;
  est_class->save_state = lb_adaboost_regressor_save_state;
  est_class->load_state = lb_adaboost_regressor_load_state;
  est_class->describe_state = lb_adaboost_regressor_describe_state;

  properties[PROP_ESTIMATOR] =
    g_param_spec_object ("estimator", N_("Estimator"),
                         N_("The regressor boosted, fitted on weighted bootstrap samples "
                            "(null: a decision tree of depth 3)"),
                         LB_TYPE_ESTIMATOR, flags);
  properties[PROP_N_ESTIMATORS] =
    g_param_spec_uint ("n-estimators", N_("Estimators"),
                       N_("The most boosting rounds (fewer when a round is perfect)"),
                       1, 100000, 50, flags);
  properties[PROP_LEARNING_RATE] =
    g_param_spec_double ("learning-rate", N_("Learning rate"),
                         N_("Shrinks each estimator's weight: lower needs more rounds"),
                         1e-12, G_MAXDOUBLE, 1.0, flags);
  properties[PROP_LOSS] =
    g_param_spec_enum ("loss", N_("Loss"),
                       N_("How a row's error (divided by the largest) grows its weight: linear, "
                          "square or exponential"),
                       LB_TYPE_ADABOOST_LOSS, LB_ADABOOST_LOSS_LINEAR, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_adaboost_regressor_init (LbAdaBoostRegressor *self)
{
  self->n_estimators = 50;
  self->learning_rate = 1.0;
  self->loss = LB_ADABOOST_LOSS_LINEAR;
}

LbEstimator *
lb_adaboost_regressor_new (void)
{
  return g_object_new (LB_TYPE_ADABOOST_REGRESSOR, NULL);
}

guint
lb_adaboost_regressor_get_n_rounds (LbAdaBoostRegressor *self)
{
  g_return_val_if_fail (LB_IS_ADABOOST_REGRESSOR (self), 0);
  return self->estimators != NULL ? self->estimators->len : 0;
}

LbMatrix *
lb_adaboost_regressor_staged_predict (LbAdaBoostRegressor *self,
                                      LbMatrix            *X,
                                      guint                n_stages,
                                      GError             **error)
{
  g_return_val_if_fail (LB_IS_ADABOOST_REGRESSOR (self), NULL);
  if (!lb_adaboost_check_stage (LB_ESTIMATOR (self), self->estimators, X, n_stages, error))
    return NULL;
  return median_predict (self, X, n_stages, error);
}
