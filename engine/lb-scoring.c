/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-scoring.c: scorers by scikit-learn's names ("neg_mean_squared_error",
 * "accuracy", "roc_auc"…), with its sign convention (greater is better, errors
 * negated) and its choice of model output (predict, predict_proba or
 * decision_function). Used by cross-validation, searches and project files.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-metrics.h"

typedef enum
{
  S_MSE, S_RMSE, S_MAE, S_MEDAE, S_R2, S_EXPVAR,
  S_ACCURACY, S_BALANCED_ACCURACY, S_PRECISION, S_RECALL, S_F1,
  S_ROC_AUC, S_ROC_AUC_OVR, S_AVERAGE_PRECISION, S_LOG_LOSS,
} ScorerKind;

typedef struct
{
  const char   *name;
  ScorerKind    kind;
  LbAverage     average;
  double        sign;          /* +1, or -1 for the neg_ scorers */
  gboolean      greater_is_better;
  LbScorerNeeds needs;
  gboolean      classification;
} Scorer;

static const Scorer scorers[] = {
  { "neg_mean_squared_error",      S_MSE,    0, -1, TRUE, LB_SCORER_NEEDS_PREDICT, FALSE },
  { "neg_root_mean_squared_error", S_RMSE,   0, -1, TRUE, LB_SCORER_NEEDS_PREDICT, FALSE },
  { "neg_mean_absolute_error",     S_MAE,    0, -1, TRUE, LB_SCORER_NEEDS_PREDICT, FALSE },
  { "neg_median_absolute_error",   S_MEDAE,  0, -1, TRUE, LB_SCORER_NEEDS_PREDICT, FALSE },
  { "r2",                          S_R2,     0, +1, TRUE, LB_SCORER_NEEDS_PREDICT, FALSE },
  { "explained_variance",          S_EXPVAR, 0, +1, TRUE, LB_SCORER_NEEDS_PREDICT, FALSE },
  /* raw errors (not scikit-learn scorer names): lower is better */
  { "mse",                         S_MSE,    0, +1, FALSE, LB_SCORER_NEEDS_PREDICT, FALSE },
  { "rmse",                        S_RMSE,   0, +1, FALSE, LB_SCORER_NEEDS_PREDICT, FALSE },
  { "mae",                         S_MAE,    0, +1, FALSE, LB_SCORER_NEEDS_PREDICT, FALSE },
  { "accuracy",          S_ACCURACY,          0, +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "balanced_accuracy", S_BALANCED_ACCURACY, 0, +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "precision",          S_PRECISION, LB_AVERAGE_BINARY,   +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "precision_micro",    S_PRECISION, LB_AVERAGE_MICRO,    +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "precision_macro",    S_PRECISION, LB_AVERAGE_MACRO,    +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "precision_weighted", S_PRECISION, LB_AVERAGE_WEIGHTED, +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "recall",             S_RECALL,    LB_AVERAGE_BINARY,   +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "recall_micro",       S_RECALL,    LB_AVERAGE_MICRO,    +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "recall_macro",       S_RECALL,    LB_AVERAGE_MACRO,    +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "recall_weighted",    S_RECALL,    LB_AVERAGE_WEIGHTED, +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "f1",                 S_F1,        LB_AVERAGE_BINARY,   +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "f1_micro",           S_F1,        LB_AVERAGE_MICRO,    +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "f1_macro",           S_F1,        LB_AVERAGE_MACRO,    +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "f1_weighted",        S_F1,        LB_AVERAGE_WEIGHTED, +1, TRUE, LB_SCORER_NEEDS_PREDICT, TRUE },
  { "roc_auc",            S_ROC_AUC,           0, +1, TRUE, LB_SCORER_NEEDS_THRESHOLD, TRUE },
  { "roc_auc_ovr",        S_ROC_AUC_OVR,       0, +1, TRUE, LB_SCORER_NEEDS_PROBA, TRUE },
  { "average_precision",  S_AVERAGE_PRECISION, 0, +1, TRUE, LB_SCORER_NEEDS_THRESHOLD, TRUE },
  { "neg_log_loss",       S_LOG_LOSS,          0, -1, TRUE, LB_SCORER_NEEDS_PROBA, TRUE },
};

static const char * const scorer_names[] = {
  "neg_mean_squared_error", "neg_root_mean_squared_error", "neg_mean_absolute_error",
  "neg_median_absolute_error", "r2", "explained_variance", "mse", "rmse", "mae",
  "accuracy", "balanced_accuracy",
  "precision", "precision_micro", "precision_macro", "precision_weighted",
  "recall", "recall_micro", "recall_macro", "recall_weighted",
  "f1", "f1_micro", "f1_macro", "f1_weighted",
  "roc_auc", "roc_auc_ovr", "average_precision", "neg_log_loss",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (scorer_names) == G_N_ELEMENTS (scorers) + 1);

static const Scorer *
find_scorer (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (scorers); i++)
    if (strcmp (scorers[i].name, name) == 0)
      return &scorers[i];
  return NULL;
}

static const Scorer *
find_scorer_or_error (const char *name,
                      GError    **error)
{
  const Scorer *s = find_scorer (name);

  if (s == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) scorer_names);
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
                   _("Unknown scoring '%s'; known: %s"), name ? name : "(null)", known);
    }
  return s;
}

gboolean
lb_scoring_is_known (const char *scoring)
{
  return find_scorer (scoring) != NULL;
}

const char * const *
lb_scoring_list_names (void)
{
  return scorer_names;
}

gboolean
lb_scoring_greater_is_better (const char *scoring)
{
  const Scorer *s = find_scorer (scoring);

  return s == NULL || s->greater_is_better;
}

LbScorerNeeds
lb_scoring_get_needs (const char *scoring)
{
  const Scorer *s = find_scorer (scoring);

  return s != NULL ? s->needs : LB_SCORER_NEEDS_PREDICT;
}

gboolean
lb_scoring_is_classification (const char *scoring)
{
  const Scorer *s = find_scorer (scoring);

  return s != NULL && s->classification;
}

const char *
lb_scoring_default_for (LbEstimator *est)
{
  return est != NULL && lb_estimator_is_classifier (est) ? "accuracy" : "r2";
}

/* Highest class code in y + 1, at least @n_classes. */
static guint
count_classes (const double *y,
               gsize         n,
               guint         n_classes)
{
  for (gsize i = 0; i < n; i++)
    if (y[i] >= n_classes && y[i] < G_MAXUINT)
      n_classes = (guint) y[i] + 1;
  return n_classes;
}

static double
score_outputs (const Scorer *s,
               LbMatrix     *y_true,
               LbMatrix     *y_out,
               guint         n_classes,
               GError      **error)
{
  gsize n = lb_matrix_get_n_rows (y_true);
  const double *t = lb_matrix_get_const_data (y_true);
  const double *o = lb_matrix_get_const_data (y_out);
  guint k_out = lb_matrix_get_n_cols (y_out);
  double v;

  if (lb_matrix_get_n_cols (y_true) != 1 || lb_matrix_get_n_rows (y_out) != n || n == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("Scoring '%s' needs one target column and one output row per sample"),
                   s->name);
      return NAN;
    }
  if (s->needs == LB_SCORER_NEEDS_PREDICT && k_out != 1)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("Scoring '%s' needs one prediction per sample (got %u columns)"),
                   s->name, k_out);
      return NAN;
    }
  if (s->classification)
    n_classes = count_classes (t, n, MAX (n_classes, 2));

  switch (s->kind)
    {
    case S_MSE:    v = lb_mean_squared_error (t, o, n); break;
    case S_RMSE:   v = lb_root_mean_squared_error (t, o, n); break;
    case S_MAE:    v = lb_mean_absolute_error (t, o, n); break;
    case S_MEDAE:  v = lb_median_absolute_error (t, o, n); break;
    case S_R2:     v = lb_r2_score (t, o, n); break;
    case S_EXPVAR: v = lb_explained_variance_score (t, o, n); break;
    case S_ACCURACY: v = lb_accuracy_score (t, o, n); break;
    case S_BALANCED_ACCURACY:
      v = lb_balanced_accuracy_score (t, o, n, count_classes (o, n, n_classes));
      break;
    case S_PRECISION:
    case S_RECALL:
    case S_F1:
      {
        double p, r, f;

        if (!lb_precision_recall_f1 (t, o, n, count_classes (o, n, n_classes), s->average, 1,
                                     &p, &r, &f, error))
          return NAN;
        v = s->kind == S_PRECISION ? p : s->kind == S_RECALL ? r : f;
      }
      break;
    case S_ROC_AUC:
    case S_AVERAGE_PRECISION:
      {
        g_autofree double *score = NULL;

        if (n_classes > 2)
          {
            g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                         _("Scoring '%s' is for binary targets (this one has %u classes): "
                           "use roc_auc_ovr"), s->name, n_classes);
            return NAN;
          }
        if (k_out != 1 && k_out != 2)
          {
            g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                         _("Scoring '%s' needs one score per sample or two probability "
                           "columns (got %u columns)"), s->name, k_out);
            return NAN;
          }
        score = g_new (double, n);
        for (gsize i = 0; i < n; i++)
          score[i] = k_out == 1 ? o[i] : o[i * 2 + 1];
        v = s->kind == S_ROC_AUC ? lb_roc_auc_score (t, score, n, error)
                                 : lb_average_precision_score (t, score, n, error);
      }
      break;
    case S_ROC_AUC_OVR:
      v = lb_roc_auc_ovr_score (t, y_out, error);
      break;
    case S_LOG_LOSS:
      v = lb_log_loss (t, y_out, error);
      break;
    default:
      g_return_val_if_reached (NAN);
    }
  if (isnan (v))
    return NAN;
  return s->sign * v;
}

double
lb_score_outputs (const char *scoring,
                  LbMatrix   *y_true,
                  LbMatrix   *y_out,
                  guint       n_classes,
                  GError    **error)
{
  const Scorer *s;

  g_return_val_if_fail (y_true != NULL && y_out != NULL, NAN);
  g_return_val_if_fail (error == NULL || *error == NULL, NAN);

  s = find_scorer_or_error (scoring, error);
  if (s == NULL)
    return NAN;
  return score_outputs (s, y_true, y_out, n_classes, error);
}

double
lb_score_by_name (const char  *scoring,
                  LbEstimator *est,
                  LbMatrix    *X,
                  LbMatrix    *y,
                  GError     **error)
{
  const Scorer *s;
  g_autoptr (LbMatrix) out = NULL;
  g_autoptr (LbMatrix) y_codes = NULL;
  guint n_classes = 0;

  g_return_val_if_fail (LB_IS_ESTIMATOR (est), NAN);
  g_return_val_if_fail (X != NULL && y != NULL, NAN);
  g_return_val_if_fail (error == NULL || *error == NULL, NAN);

  if (scoring == NULL)
    scoring = lb_scoring_default_for (est);
  s = find_scorer_or_error (scoring, error);
  if (s == NULL)
    return NAN;

  if (s->classification && !lb_estimator_is_classifier (est))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("Scoring '%s' is for classifiers; %s is not one"),
                   s->name, lb_estimator_get_name (est));
      return NAN;
    }
  if (lb_estimator_is_classifier (est))
    {
      gsize n_unseen = 0;
      double *codes;

      /* y's codes are not the model's when a fold lacked a class or y is
       * numeric: match by class name */
      n_classes = lb_estimator_get_n_classes (est);
      y_codes = lb_estimator_encode_y (est, y, error);
      if (y_codes == NULL)
        return NAN;
      codes = lb_matrix_get_data (y_codes);
      for (gsize i = 0; i < lb_matrix_get_n_rows (y_codes); i++)
        if (isnan (codes[i]))
          {
            /* a class the model never saw: an extra label it never predicts
             * (scikit-learn counts it among the labels of y_true) */
            codes[i] = n_classes;
            n_unseen++;
          }
      if (n_unseen > 0 && s->needs != LB_SCORER_NEEDS_PREDICT)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("Scoring '%s' needs a score for every class, but %zu"
                         " samples of y have a class the model never saw in training"),
                       s->name, n_unseen);
          return NAN;
        }
      if (n_unseen > 0)
        n_classes++;
      y = y_codes;
    }

  switch (s->needs)
    {
    case LB_SCORER_NEEDS_PREDICT:
      out = lb_estimator_predict (est, X, error);
      break;
    case LB_SCORER_NEEDS_PROBA:
      out = lb_estimator_predict_proba (est, X, error);
      break;
    case LB_SCORER_NEEDS_THRESHOLD:
      {
        g_autoptr (GError) local = NULL;

        /* scikit-learn's _ThresholdScorer: decision_function, else predict_proba */
        out = lb_estimator_decision_function (est, X, &local);
        if (out == NULL && g_error_matches (local, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED))
          out = lb_estimator_predict_proba (est, X, error);
        else if (out == NULL)
          g_propagate_error (error, g_steal_pointer (&local));
      }
      break;
    default:
      g_return_val_if_reached (NAN);
    }
  if (out == NULL)
    return NAN;
  return score_outputs (s, y, out, n_classes, error);
}
