/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cv-result.c: LbCvResult, per-fold scores and timings with numpy-style
 * summaries. Means and stds use numpy's pairwise summation (8-way unrolled
 * blocks) so a mean of 10 fold scores is the very double numpy prints.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-cv-result.h"
#include "lb-json-private.h"

struct _LbCvResult
{
  gatomicrefcount ref_count;
  char           *scoring;
  guint           n_folds;
  gboolean        has_train;
  double         *train;
  double         *test;
  double         *fit;
  double         *score;
  LbEstimator   **estimators;   /* NULL or n_folds refs */
  LbFailedFits    failures;
};

G_DEFINE_BOXED_TYPE (LbCvResult, lb_cv_result, lb_cv_result_ref, lb_cv_result_unref)

/* --- numpy's reductions --- */

/* numpy's pairwise_sum for doubles (PW_BLOCKSIZE 128). */
static double
pairwise_sum (const double *a,
              gsize         n)
{
  if (n < 8)
    {
      double res = 0.0;

      for (gsize i = 0; i < n; i++)
        res += a[i];
      return res;
    }
  else if (n <= 128)
    {
      double r[8], res;
      gsize i;

      for (int j = 0; j < 8; j++)
        r[j] = a[j];
      for (i = 8; i < n - (n % 8); i += 8)
        for (int j = 0; j < 8; j++)
          r[j] += a[i + j];
      res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++)
        res += a[i];
      return res;
    }
  else
    {
      gsize n2 = n / 2;

      n2 -= n2 % 8;
      return pairwise_sum (a, n2) + pairwise_sum (a + n2, n - n2);
    }
}

double
lb_mean (const double *values,
         gsize         n)
{
  if (n == 0)
    return NAN;
  return pairwise_sum (values, n) / (double) n;
}

double
lb_std_population (const double *values,
                   gsize         n)
{
  g_autofree double *sq = NULL;
  double mean;

  if (n == 0)
    return NAN;
  mean = lb_mean (values, n);
  sq = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    {
      double d = values[i] - mean;

      sq[i] = d * d;
    }
  return sqrt (pairwise_sum (sq, n) / (double) n);
}

/* --- the value --- */

static double *
dup_or_fill (const double *src,
             guint         n,
             double        fill)
{
  double *out = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    out[i] = src != NULL ? src[i] : fill;
  return out;
}

LbCvResult *
lb_cv_result_new (const char   *scoring,
                  guint         n_folds,
                  const double *train_scores,
                  const double *test_scores,
                  const double *fit_seconds,
                  const double *score_seconds)
{
  LbCvResult *result;

  g_return_val_if_fail (test_scores != NULL || n_folds == 0, NULL);

  result = g_new0 (LbCvResult, 1);
  g_atomic_ref_count_init (&result->ref_count);
  result->scoring = g_strdup (scoring != NULL ? scoring : "");
  result->n_folds = n_folds;
  result->has_train = train_scores != NULL;
  result->train = dup_or_fill (train_scores, n_folds, NAN);
  result->test = dup_or_fill (test_scores, n_folds, NAN);
  result->fit = dup_or_fill (fit_seconds, n_folds, 0.0);
  result->score = dup_or_fill (score_seconds, n_folds, 0.0);
  return result;
}

LbCvResult *
lb_cv_result_ref (LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_ref_count_inc (&result->ref_count);
  return result;
}

void
lb_cv_result_unref (LbCvResult *result)
{
  g_return_if_fail (result != NULL);

  if (g_atomic_ref_count_dec (&result->ref_count))
    {
      if (result->estimators != NULL)
        for (guint i = 0; i < result->n_folds; i++)
          g_clear_object (&result->estimators[i]);
      g_free (result->estimators);
      g_free (result->failures.warning);
      g_free (result->scoring);
      g_free (result->train);
      g_free (result->test);
      g_free (result->fit);
      g_free (result->score);
      g_free (result);
    }
}

const char *
lb_cv_result_get_scoring (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->scoring;
}

guint
lb_cv_result_get_n_folds (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_folds;
}

gboolean
lb_cv_result_has_train_scores (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);
  return result->has_train;
}

const double *
lb_cv_result_get_test_scores (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->test;
}

const double *
lb_cv_result_get_train_scores (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->train;
}

const double *
lb_cv_result_get_fit_seconds (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->fit;
}

const double *
lb_cv_result_get_score_seconds (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->score;
}

double
lb_cv_result_get_test_score (const LbCvResult *result,
                             guint             fold)
{
  g_return_val_if_fail (result != NULL && fold < result->n_folds, NAN);
  return result->test[fold];
}

double
lb_cv_result_get_train_score (const LbCvResult *result,
                              guint             fold)
{
  g_return_val_if_fail (result != NULL && fold < result->n_folds, NAN);
  return result->train[fold];
}

double
lb_cv_result_get_mean_test (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NAN);
  return lb_mean (result->test, result->n_folds);
}

double
lb_cv_result_get_std_test (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NAN);
  return lb_std_population (result->test, result->n_folds);
}

double
lb_cv_result_get_mean_train (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NAN);
  return result->has_train ? lb_mean (result->train, result->n_folds) : NAN;
}

double
lb_cv_result_get_std_train (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NAN);
  return result->has_train ? lb_std_population (result->train, result->n_folds) : NAN;
}

double
lb_cv_result_get_mean_fit_seconds (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NAN);
  return lb_mean (result->fit, result->n_folds);
}

double
lb_cv_result_get_total_fit_seconds (const LbCvResult *result)
{
  double total = 0.0;

  g_return_val_if_fail (result != NULL, NAN);
  for (guint i = 0; i < result->n_folds; i++)
    total += result->fit[i];
  return total;
}

LbEstimator *
lb_cv_result_get_estimator (const LbCvResult *result,
                            guint             fold)
{
  g_return_val_if_fail (result != NULL && fold < result->n_folds, NULL);
  return result->estimators != NULL ? result->estimators[fold] : NULL;
}

void
lb_cv_result_set_estimators (LbCvResult   *result,
                             LbEstimator **estimators)
{
  g_return_if_fail (result != NULL && estimators != NULL);
  g_return_if_fail (result->estimators == NULL);

  result->estimators = g_new0 (LbEstimator *, MAX (result->n_folds, 1));
  for (guint i = 0; i < result->n_folds; i++)
    result->estimators[i] = estimators[i] != NULL ? g_object_ref (estimators[i]) : NULL;
}

guint
lb_cv_result_get_n_failed (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->failures.n_failed;
}

const char *
lb_cv_result_get_warning (const LbCvResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->failures.warning;
}

void
lb_cv_result_set_failures (LbCvResult *result,
                           guint       n_failed,
                           const char *warning)
{
  g_return_if_fail (result != NULL);

  lb_failed_fits_set (&result->failures, n_failed, warning);
}

/* --- JSON --- */

JsonNode *
lb_cv_result_to_json (const LbCvResult *result)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (result != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "scoring");
  json_builder_add_string_value (b, result->scoring);
  lb_json_add_vector (b, "test_scores", result->test, result->n_folds, 1);
  if (result->has_train)
    lb_json_add_vector (b, "train_scores", result->train, result->n_folds, 1);
  lb_json_add_vector (b, "fit_seconds", result->fit, result->n_folds, 1);
  lb_json_add_vector (b, "score_seconds", result->score, result->n_folds, 1);
  json_builder_set_member_name (b, "mean_test");
  lb_json_add_number (b, lb_cv_result_get_mean_test (result));
  json_builder_set_member_name (b, "std_test");
  lb_json_add_number (b, lb_cv_result_get_std_test (result));
  if (result->has_train)
    {
      json_builder_set_member_name (b, "mean_train");
      lb_json_add_number (b, lb_cv_result_get_mean_train (result));
      json_builder_set_member_name (b, "std_train");
      lb_json_add_number (b, lb_cv_result_get_std_train (result));
    }
  lb_json_add_failed_fits (b, &result->failures);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
