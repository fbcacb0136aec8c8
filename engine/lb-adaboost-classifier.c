/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-adaboost-classifier.c: LbAdaBoostClassifier with scikit-learn 1.2.1's
 * algorithm, step for step (weights start at 1/n and are clipped at machine
 * epsilon each round; SAMME weighs each estimator by lr·(log((1−err)/err) +
 * log(k−1)) and multiplies the wrong rows' weights by its exponential; SAMME.R
 * moves every weight by the estimator's log-probability of the true class;
 * boosting stops on a perfect round or a worse-than-chance SAMME round), so
 * with deterministic base estimators the staged predictions are
 * scikit-learn's to rounding.
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-adaboost-classifier.h"
#include "lb-adaboost-private.h"
#include "lb-ensemble-private.h"
#include "lb-estimator-private.h"

struct _LbAdaBoostClassifier
{
  LbEstimator parent_instance;

  LbEstimator        *base;
  guint               n_estimators;
  double              learning_rate;
  LbAdaBoostAlgorithm algorithm;

  GPtrArray          *estimators;  /* fitted, NULL when unfitted */
  double             *weights;     /* per kept estimator */
  double             *errors;
};

G_DEFINE_FINAL_TYPE (LbAdaBoostClassifier, lb_adaboost_classifier, LB_TYPE_ESTIMATOR)

G_DEFINE_ENUM_TYPE (LbAdaBoostAlgorithm, lb_adaboost_algorithm,
  G_DEFINE_ENUM_VALUE (LB_ADABOOST_SAMME_R, "SAMME.R"),
  G_DEFINE_ENUM_VALUE (LB_ADABOOST_SAMME, "SAMME"))

enum { PROP_0, PROP_ESTIMATOR, PROP_N_ESTIMATORS, PROP_LEARNING_RATE, PROP_ALGORITHM, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
clear_fitted (LbAdaBoostClassifier *self)
{
  g_clear_pointer (&self->estimators, g_ptr_array_unref);
  g_clear_pointer (&self->weights, g_free);
  g_clear_pointer (&self->errors, g_free);
}

/* Class codes (in our classes) predicted by @child. */
static LbMatrix *
child_codes (LbEstimator *self,
             LbEstimator *child,
             LbMatrix    *X,
             GError     **error)
{
  g_autoptr(LbMatrix) pred = lb_estimator_predict (child, X, error);
  g_autofree int *map = NULL;
  gsize n = lb_matrix_get_n_rows (X);

  if (pred == NULL || (map = lb_ensemble_class_map (self, child, error)) == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    lb_matrix_get_data (pred)[i] = map[(int) lb_matrix_get_const_data (pred)[i]];
  return g_steal_pointer (&pred);
}

/* scikit-learn's _samme_proba: (k − 1)·(log p − mean log p), p clipped at eps. Adds to @acc. */
static gboolean
add_samme_proba (LbEstimator *self,
                 LbEstimator *child,
                 LbMatrix    *X,
                 LbMatrix    *acc,
                 GError     **error)
{
  g_autoptr(LbMatrix) p = lb_ensemble_child_proba (self, child, X, error);
  guint k = lb_estimator_get_n_classes (self);
  gsize n = lb_matrix_get_n_rows (X);
  g_autofree double *lp = g_new (double, k);

  if (p == NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      double s = 0.0;

      for (guint c = 0; c < k; c++)
        {
          lp[c] = log (MAX (LB_MATRIX_AT (p, i, c), DBL_EPSILON));
          s += lp[c];
        }
      for (guint c = 0; c < k; c++)
        LB_MATRIX_AT (acc, i, c) += (k - 1) * (lp[c] - (1.0 / k) * s);
    }
  return TRUE;
}

static gboolean
lb_adaboost_classifier_fit_weighted (LbEstimator  *est,
                                     LbMatrix     *X,
                                     LbMatrix     *y,
                                     LbMatrix     *sample_weight,
                                     LbFitContext *ctx,
                                     GError      **error)
{
  LbAdaBoostClassifier *self = LB_ADABOOST_CLASSIFIER (est);
  gsize n = lb_matrix_get_n_rows (X);
  guint k = lb_estimator_get_n_classes (est);
  const double *yv = lb_matrix_get_const_data (y);
  g_autoptr(LbMatrix) y_named = lb_ensemble_named_y (est, y);
  g_autoptr(LbMatrix) w = lb_matrix_new (n, 1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree double *weights = g_new0 (double, self->n_estimators);
  g_autofree double *errors = g_new0 (double, self->n_estimators);
  g_autofree gboolean *zero = g_new0 (gboolean, n);
  g_autofree guint8 *incorrect = g_new0 (guint8, n);
  double *wv = lb_matrix_get_data (w);
  double total = 0.0;

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
      g_autoptr(LbMatrix) proba = NULL;
      g_autoptr(LbMatrix) pred = NULL;
      double err = 0.0, wsum = 0.0, ew = 1.0;
      LbFitEvent event = { 0 };

      if (lb_fit_context_check_cancelled (ctx, error))
        return FALSE;
      for (gsize i = 0; i < n; i++)
        wv[i] = zero[i] ? 0.0 : MAX (wv[i], DBL_EPSILON);
      child = lb_ensemble_new_base (self->base, "DecisionTreeClassifier", "{\"max_depth\": 1}", error);
      if (child == NULL)
        return FALSE;
      child_ctx = lb_ensemble_member_context (ctx, iboost);
      if (!lb_estimator_fit_weighted (child, X, y_named, w, child_ctx, error))
        {
          if (error != NULL && *error != NULL &&
              !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (error, _("estimator %u: "), iboost);
          return FALSE;
        }

      if (self->algorithm == LB_ADABOOST_SAMME_R)
        {
          proba = lb_ensemble_child_proba (est, child, X, error);
          if (proba == NULL)
            return FALSE;
          for (gsize i = 0; i < n; i++)
            {
              guint best = 0;

              for (guint c = 1; c < k; c++)
                if (LB_MATRIX_AT (proba, i, c) > LB_MATRIX_AT (proba, i, best))
                  best = c;
              incorrect[i] = best != (guint) yv[i];
            }
        }
      else
        {
          pred = child_codes (est, child, X, error);
          if (pred == NULL)
            return FALSE;
          for (gsize i = 0; i < n; i++)
            incorrect[i] = lb_matrix_get_const_data (pred)[i] != yv[i];
        }
      /* np.average (incorrect, weights=w) */
      for (gsize i = 0; i < n; i++)
        {
          err += wv[i] * incorrect[i];
          wsum += wv[i];
        }
      err /= wsum;

      if (err <= 0)
        {
          /* a perfect round: kept with weight 1, and boosting stops */
          weights[kept->len] = 1.0;
          errors[kept->len] = 0.0;
          g_ptr_array_add (kept, g_steal_pointer (&child));
          break;
        }
      if (self->algorithm == LB_ADABOOST_SAMME)
        {
          if (err >= 1.0 - 1.0 / k)
            {
              if (kept->len == 0)
                {
                  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                               _("estimator: the base estimator is worse than random, "
                                 "the ensemble cannot be fitted"));
                  return FALSE;
                }
              break;
            }
          ew = self->learning_rate * (log ((1.0 - err) / err) + log (k - 1.0));
          if (!last)
            for (gsize i = 0; i < n; i++)
              wv[i] = exp (log (wv[i]) + ew * incorrect[i] * (wv[i] > 0));
        }
      else
        {
          double factor = -1.0 * self->learning_rate * ((k - 1.0) / k);

          for (gsize i = 0; i < n; i++)
            {
              double s = 0.0, wi;

              /* xlogy (y_coding, proba): y_coding is 1 for the true class, −1/(k−1) otherwise */
              for (guint c = 0; c < k; c++)
                {
                  double coding = c == (guint) yv[i] ? 1.0 : -1.0 / (k - 1);

                  s += coding * log (MAX (LB_MATRIX_AT (proba, i, c), DBL_EPSILON));
                }
              wi = factor * s;
              if (!last)
                wv[i] *= exp (wi * ((wv[i] > 0) || (wi < 0)));
            }
          ew = 1.0;
        }
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
lb_adaboost_classifier_reset (LbEstimator *est)
{
  clear_fitted (LB_ADABOOST_CLASSIFIER (est));
}

/* The (n, k) sum of the first @n_stages rounds' contributions, divided by their weights. */
static LbMatrix *
staged_scores (LbAdaBoostClassifier *self,
               LbMatrix             *X,
               guint                 n_stages,
               GError              **error)
{
  LbEstimator *est = LB_ESTIMATOR (self);
  guint k = lb_estimator_get_n_classes (est);
  gsize n = lb_matrix_get_n_rows (X);
  g_autoptr(LbMatrix) acc = lb_matrix_new (n, k);
  double norm = 0.0;

  for (guint e = 0; e < n_stages; e++)
    {
      LbEstimator *child = self->estimators->pdata[e];

      norm += self->weights[e];
      if (self->algorithm == LB_ADABOOST_SAMME_R)
        {
          if (!add_samme_proba (est, child, X, acc, error))
            return NULL;
        }
      else
        {
          g_autoptr(LbMatrix) pred = child_codes (est, child, X, error);

          if (pred == NULL)
            return NULL;
          for (gsize i = 0; i < n; i++)
            LB_MATRIX_AT (acc, i, (guint) lb_matrix_get_const_data (pred)[i]) += self->weights[e];
        }
    }
  for (gsize i = 0; i < n * k; i++)
    lb_matrix_get_data (acc)[i] /= norm;
  return g_steal_pointer (&acc);
}

static LbMatrix *
decision_from_scores (LbMatrix *scores,
                      guint     k)
{
  gsize n = lb_matrix_get_n_rows (scores);
  LbMatrix *out;

  if (k > 2)
    return lb_matrix_ref (scores);
  out = lb_matrix_new (n, 1);
  for (gsize i = 0; i < n; i++)
    lb_matrix_get_data (out)[i] = -LB_MATRIX_AT (scores, i, 0) + LB_MATRIX_AT (scores, i, 1);
  return out;
}

static LbMatrix *
predict_from_decision (LbMatrix *decision,
                       guint     k)
{
  gsize n = lb_matrix_get_n_rows (decision);
  LbMatrix *out = lb_matrix_new (n, 1);

  for (gsize i = 0; i < n; i++)
    {
      guint best = 0;

      if (k == 2)
        best = lb_matrix_get_const_data (decision)[i] > 0;
      else
        for (guint c = 1; c < k; c++)
          if (LB_MATRIX_AT (decision, i, c) > LB_MATRIX_AT (decision, i, best))
            best = c;
      lb_matrix_get_data (out)[i] = best;
    }
  return out;
}

static LbMatrix *
lb_adaboost_classifier_decision_function (LbEstimator *est,
                                          LbMatrix    *X,
                                          GError     **error)
{
  LbAdaBoostClassifier *self = LB_ADABOOST_CLASSIFIER (est);
  g_autoptr(LbMatrix) scores = staged_scores (self, X, self->estimators->len, error);

  return scores != NULL ? decision_from_scores (scores, lb_estimator_get_n_classes (est)) : NULL;
}

static LbMatrix *
lb_adaboost_classifier_predict (LbEstimator *est,
                                LbMatrix    *X,
                                GError     **error)
{
  g_autoptr(LbMatrix) d = lb_adaboost_classifier_decision_function (est, X, error);

  return d != NULL ? predict_from_decision (d, lb_estimator_get_n_classes (est)) : NULL;
}

static LbMatrix *
lb_adaboost_classifier_predict_proba (LbEstimator *est,
                                      LbMatrix    *X,
                                      GError     **error)
{
  guint k = lb_estimator_get_n_classes (est);
  g_autoptr(LbMatrix) d = lb_adaboost_classifier_decision_function (est, X, error);
  gsize n = lb_matrix_get_n_rows (X);
  g_autofree double *z = g_new (double, k);
  LbMatrix *out;

  if (d == NULL)
    return NULL;
  out = lb_matrix_new (n, k);
  for (gsize i = 0; i < n; i++)
    {
      double max = -INFINITY, s = 0.0;

      /* _compute_proba_from_decision: binary [−d, d]/2, else d/(k − 1); softmax */
      for (guint c = 0; c < k; c++)
        {
          if (k == 2)
            z[c] = (c == 0 ? -1.0 : 1.0) * lb_matrix_get_const_data (d)[i] / 2;
          else
            z[c] = LB_MATRIX_AT (d, i, c) / (k - 1);
          max = MAX (max, z[c]);
        }
      for (guint c = 0; c < k; c++)
        s += (z[c] = exp (z[c] - max));
      for (guint c = 0; c < k; c++)
        LB_MATRIX_AT (out, i, c) = z[c] / s;
    }
  return out;
}

static JsonNode *
lb_adaboost_classifier_save_state (LbEstimator *est,
                                   GError     **error)
{
  LbAdaBoostClassifier *self = LB_ADABOOST_CLASSIFIER (est);

  return lb_adaboost_save_state (self->estimators, self->weights, self->errors, error);
}

static gboolean
lb_adaboost_classifier_load_state (LbEstimator *est,
                                   JsonNode    *state,
                                   GError     **error)
{
  LbAdaBoostClassifier *self = LB_ADABOOST_CLASSIFIER (est);
  g_autofree double *weights = NULL, *errors = NULL;
  g_autoptr(GPtrArray) children = lb_adaboost_load_state (state, self->base, "DecisionTreeClassifier",
                                                          "{\"max_depth\": 1}", &weights,
                                                          &errors, error);

  if (children == NULL)
    return FALSE;
  for (guint e = 0; e < children->len; e++)
    {
      g_autoptr(GError) local = NULL;
      g_autofree int *map = lb_ensemble_class_map (est, children->pdata[e], &local);

      if (map == NULL || lb_estimator_get_n_features_in (children->pdata[e]) !=
                         lb_estimator_get_n_features_in (est) || !isfinite (weights[e]))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                       _("AdaBoost estimator %u does not fit the model's classes or features"), e);
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
lb_adaboost_classifier_describe_state (LbEstimator *est)
{
  LbAdaBoostClassifier *self = LB_ADABOOST_CLASSIFIER (est);

  return lb_adaboost_describe_state (est, self->estimators, self->weights, self->errors);
}

/* --- GObject --- */

static void
lb_adaboost_classifier_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LbAdaBoostClassifier *self = LB_ADABOOST_CLASSIFIER (object);

  switch (prop_id)
    {
    case PROP_ESTIMATOR: g_value_set_object (value, self->base); break;
    case PROP_N_ESTIMATORS: g_value_set_uint (value, self->n_estimators); break;
    case PROP_LEARNING_RATE: g_value_set_double (value, self->learning_rate); break;
    case PROP_ALGORITHM: g_value_set_enum (value, self->algorithm); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_adaboost_classifier_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LbAdaBoostClassifier *self = LB_ADABOOST_CLASSIFIER (object);

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
    case PROP_ALGORITHM:
      if (self->algorithm != (LbAdaBoostAlgorithm) g_value_get_enum (value))
        {
          self->algorithm = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_adaboost_classifier_finalize (GObject *object)
{
  LbAdaBoostClassifier *self = LB_ADABOOST_CLASSIFIER (object);

  clear_fitted (self);
  g_clear_object (&self->base);
  G_OBJECT_CLASS (lb_adaboost_classifier_parent_class)->finalize (object);
}

static void
lb_adaboost_classifier_class_init (LbAdaBoostClassifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_adaboost_classifier_get_property;
  object_class->set_property = lb_adaboost_classifier_set_property;
  object_class->finalize = lb_adaboost_classifier_finalize;

  est_class->name = "AdaBoostClassifier";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE |
                     LB_ESTIMATOR_SAMPLE_WEIGHT;
  est_class->fit_weighted = lb_adaboost_classifier_fit_weighted;
  est_class->reset = lb_adaboost_classifier_reset;
  est_class->predict = lb_adaboost_classifier_predict;
  est_class->predict_proba = lb_adaboost_classifier_predict_proba;
  est_class->decision_function = lb_adaboost_classifier_decision_function;
  est_class->save_state = lb_adaboost_classifier_save_state;
  est_class->load_state = lb_adaboost_classifier_load_state;
  est_class->describe_state = lb_adaboost_classifier_describe_state;

  properties[PROP_ESTIMATOR] =
    g_param_spec_object ("estimator", N_("Estimator"),
                         N_("The weak learner boosted, fitted with sample weights "
                            "(null: a decision stump, a tree of depth 1)"),
                         LB_TYPE_ESTIMATOR, flags);
  properties[PROP_N_ESTIMATORS] =
    g_param_spec_uint ("n-estimators", N_("Estimators"),
                       N_("The most boosting rounds (fewer when a round is perfect)"),
                       1, 100000, 50, flags);
  properties[PROP_LEARNING_RATE] =
    g_param_spec_double ("learning-rate", N_("Learning rate"),
                         N_("Shrinks each estimator's weight: lower needs more rounds"),
                         1e-12, G_MAXDOUBLE, 1.0, flags);
  properties[PROP_ALGORITHM] =
    g_param_spec_enum ("algorithm", N_("Algorithm"),
                       N_("SAMME.R boosts with probabilities, SAMME with predicted classes"),
                       LB_TYPE_ADABOOST_ALGORITHM, LB_ADABOOST_SAMME_R, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_adaboost_classifier_init (LbAdaBoostClassifier *self)
{
  self->n_estimators = 50;
  self->learning_rate = 1.0;
  self->algorithm = LB_ADABOOST_SAMME_R;
}

LbEstimator *
lb_adaboost_classifier_new (void)
{
  return g_object_new (LB_TYPE_ADABOOST_CLASSIFIER, NULL);
}

guint
lb_adaboost_classifier_get_n_rounds (LbAdaBoostClassifier *self)
{
  g_return_val_if_fail (LB_IS_ADABOOST_CLASSIFIER (self), 0);
  return self->estimators != NULL ? self->estimators->len : 0;
}

LbMatrix *
lb_adaboost_classifier_staged_decision_function (LbAdaBoostClassifier *self,
                                                 LbMatrix             *X,
                                                 guint                 n_stages,
                                                 GError              **error)
{
  g_autoptr(LbMatrix) scores = NULL;

  g_return_val_if_fail (LB_IS_ADABOOST_CLASSIFIER (self), NULL);
  if (!lb_adaboost_check_stage (LB_ESTIMATOR (self), self->estimators, X, n_stages, error))
    return NULL;
  scores = staged_scores (self, X, n_stages, error);
  return scores != NULL ? decision_from_scores (scores, lb_estimator_get_n_classes (LB_ESTIMATOR (self)))
                        : NULL;
}

LbMatrix *
lb_adaboost_classifier_staged_predict (LbAdaBoostClassifier *self,
                                       LbMatrix             *X,
                                       guint                 n_stages,
                                       GError              **error)
{
  g_autoptr(LbMatrix) d = lb_adaboost_classifier_staged_decision_function (self, X, n_stages, error);

  return d != NULL ? predict_from_decision (d, lb_estimator_get_n_classes (LB_ESTIMATOR (self))) : NULL;
}
