/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-search-result.c: LbSearchResult. Summaries follow scikit-learn 1.2.1's
 * BaseSearchCV._format_results: numpy means / population stds per candidate,
 * rank = rankdata(-mean, method="min") with NaN means tied with the worst,
 * best_index_ = the first candidate of rank 1.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-cv-result.h"
#include "lb-metrics.h"
#include "lb-json-private.h"
#include "lb-search-result.h"

struct _LbSearchResult
{
  gatomicrefcount ref_count;
  char           *scoring;
  GPtrArray      *params;        /* (element-type JsonObject) */
  guint           n_cand;
  guint           n_splits;
  double         *test;          /* (n_cand, n_splits) */
  double         *train;         /* NULL or (n_cand, n_splits) */
  double         *fit;
  double         *score;
  double         *mean_test, *std_test, *mean_train, *std_train;
  double         *mean_fit, *std_fit, *mean_score, *std_score;
  guint          *rank;
  guint           best;
  LbEstimator    *best_estimator;
  double          refit_seconds;
  LbFailedFits    failures;
};

G_DEFINE_BOXED_TYPE (LbSearchResult, lb_search_result, lb_search_result_ref, lb_search_result_unref)

static double *
dup_matrix (const double *src,
            gsize         n)
{
  return src != NULL ? g_memdup2 (src, MAX (n, 1) * sizeof (double)) : NULL;
}

static void
compute_ranks (LbSearchResult *res)
{
  g_autofree double *means = g_new (double, MAX (res->n_cand, 1));
  double min_mean = INFINITY;
  gboolean all_nan = TRUE;
  /* A positive error ("rmse", "mae"): the smallest is the best, as
   * scikit-learn's neg_ scorers rank it. */
  double sign = res->scoring == NULL || lb_scoring_greater_is_better (res->scoring) ? 1.0 : -1.0;

  res->rank = g_new (guint, MAX (res->n_cand, 1));
  for (guint c = 0; c < res->n_cand; c++)
    if (!isnan (res->mean_test[c]))
      {
        all_nan = FALSE;
        min_mean = MIN (min_mean, sign * res->mean_test[c]);
      }
  for (guint c = 0; c < res->n_cand; c++)
    means[c] = isnan (res->mean_test[c]) ? min_mean - 1.0 : sign * res->mean_test[c];

  /* rankdata(-means, method="min"): 1 + the number of strictly better means */
  for (guint c = 0; c < res->n_cand; c++)
    {
      guint better = 0;

      if (all_nan)
        {
          res->rank[c] = 1;
          continue;
        }
      for (guint o = 0; o < res->n_cand; o++)
        better += means[o] > means[c];
      res->rank[c] = better + 1;
    }
  res->best = 0;
  for (guint c = 0; c < res->n_cand; c++)
    if (res->rank[c] < res->rank[res->best])
      res->best = c;
}

LbSearchResult *
lb_search_result_new (const char   *scoring,
                      GPtrArray    *params,
                      guint         n_splits,
                      const double *test_scores,
                      const double *train_scores,
                      const double *fit_seconds,
                      const double *score_seconds)
{
  LbSearchResult *res;
  gsize n;

  g_return_val_if_fail (params != NULL && params->len > 0, NULL);
  g_return_val_if_fail (test_scores != NULL && fit_seconds != NULL, NULL);
  g_return_val_if_fail (n_splits > 0, NULL);

  res = g_new0 (LbSearchResult, 1);
  g_atomic_ref_count_init (&res->ref_count);
  res->scoring = g_strdup (scoring != NULL ? scoring : "");
  res->n_cand = params->len;
  res->n_splits = n_splits;
  res->params = g_ptr_array_new_full (params->len, (GDestroyNotify) json_object_unref);
  for (guint c = 0; c < params->len; c++)
    g_ptr_array_add (res->params, json_object_ref (g_ptr_array_index (params, c)));
  n = (gsize) res->n_cand * n_splits;
  res->test = dup_matrix (test_scores, n);
  res->train = dup_matrix (train_scores, n);
  res->fit = dup_matrix (fit_seconds, n);
  res->score = score_seconds != NULL ? dup_matrix (score_seconds, n) : g_new0 (double, n);
  lb_summarise_rows (res->test, res->n_cand, n_splits, &res->mean_test, &res->std_test);
  lb_summarise_rows (res->train, res->n_cand, n_splits, &res->mean_train, &res->std_train);
  lb_summarise_rows (res->fit, res->n_cand, n_splits, &res->mean_fit, &res->std_fit);
  lb_summarise_rows (res->score, res->n_cand, n_splits, &res->mean_score, &res->std_score);
  compute_ranks (res);
  res->refit_seconds = NAN;
  return res;
}

LbSearchResult *
lb_search_result_ref (LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_ref_count_inc (&result->ref_count);
  return result;
}

void
lb_search_result_unref (LbSearchResult *result)
{
  g_return_if_fail (result != NULL);

  if (!g_atomic_ref_count_dec (&result->ref_count))
    return;
  g_free (result->scoring);
  g_ptr_array_unref (result->params);
  g_free (result->test);
  g_free (result->train);
  g_free (result->fit);
  g_free (result->score);
  g_free (result->mean_test);
  g_free (result->std_test);
  g_free (result->mean_train);
  g_free (result->std_train);
  g_free (result->mean_fit);
  g_free (result->std_fit);
  g_free (result->mean_score);
  g_free (result->std_score);
  g_free (result->rank);
  g_clear_object (&result->best_estimator);
  g_free (result->failures.warning);
  g_free (result);
}

void
lb_search_result_set_best_estimator (LbSearchResult *result,
                                     LbEstimator    *estimator,
                                     double          refit_seconds)
{
  g_return_if_fail (result != NULL);

  g_set_object (&result->best_estimator, estimator);
  result->refit_seconds = refit_seconds;
}

/* --- getters --- */

#define CHECK_CAND(res, c, val) \
  g_return_val_if_fail ((res) != NULL && (c) < (res)->n_cand, (val))

const char *
lb_search_result_get_scoring (const LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->scoring;
}

guint
lb_search_result_get_n_candidates (const LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_cand;
}

guint
lb_search_result_get_n_splits (const LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->n_splits;
}

JsonObject *
lb_search_result_get_params (const LbSearchResult *result,
                             guint                 candidate)
{
  CHECK_CAND (result, candidate, NULL);
  return g_ptr_array_index (result->params, candidate);
}

double
lb_search_result_get_mean_test (const LbSearchResult *result,
                                guint                 candidate)
{
  CHECK_CAND (result, candidate, NAN);
  return result->mean_test[candidate];
}

double
lb_search_result_get_std_test (const LbSearchResult *result,
                               guint                 candidate)
{
  CHECK_CAND (result, candidate, NAN);
  return result->std_test[candidate];
}

double
lb_search_result_get_mean_train (const LbSearchResult *result,
                                 guint                 candidate)
{
  CHECK_CAND (result, candidate, NAN);
  return result->mean_train[candidate];
}

double
lb_search_result_get_std_train (const LbSearchResult *result,
                                guint                 candidate)
{
  CHECK_CAND (result, candidate, NAN);
  return result->std_train[candidate];
}

double
lb_search_result_get_split_test_score (const LbSearchResult *result,
                                       guint                 candidate,
                                       guint                 split)
{
  CHECK_CAND (result, candidate, NAN);
  g_return_val_if_fail (split < result->n_splits, NAN);
  return result->test[(gsize) candidate * result->n_splits + split];
}

double
lb_search_result_get_mean_fit_seconds (const LbSearchResult *result,
                                       guint                 candidate)
{
  CHECK_CAND (result, candidate, NAN);
  return result->mean_fit[candidate];
}

guint
lb_search_result_get_rank (const LbSearchResult *result,
                           guint                 candidate)
{
  CHECK_CAND (result, candidate, 0);
  return result->rank[candidate];
}

gboolean
lb_search_result_has_train_scores (const LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);
  return result->train != NULL;
}

guint
lb_search_result_get_best_index (const LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->best;
}

JsonObject *
lb_search_result_get_best_params (const LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return g_ptr_array_index (result->params, result->best);
}

double
lb_search_result_get_best_score (const LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NAN);
  return result->mean_test[result->best];
}

LbEstimator *
lb_search_result_get_best_estimator (const LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->best_estimator;
}

double
lb_search_result_get_refit_seconds (const LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NAN);
  return result->refit_seconds;
}

guint
lb_search_result_get_n_failed (const LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->failures.n_failed;
}

const char *
lb_search_result_get_warning (const LbSearchResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->failures.warning;
}

void
lb_search_result_set_failures (LbSearchResult *result,
                               guint           n_failed,
                               const char     *warning)
{
  g_return_if_fail (result != NULL);

  lb_failed_fits_set (&result->failures, n_failed, warning);
}

static gint
compare_by_rank (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const LbSearchResult *result = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  guint ra = result->rank[ia], rb = result->rank[ib];

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;   /* ties by listing order: a total order */
}

guint *
lb_search_result_dup_sorted_indices (const LbSearchResult *result)
{
  guint *idx;

  g_return_val_if_fail (result != NULL, NULL);

  idx = g_new (guint, MAX (result->n_cand, 1));
  for (guint c = 0; c < result->n_cand; c++)
    idx[c] = c;
  g_qsort_with_data (idx, (gint) result->n_cand, sizeof (guint), compare_by_rank,
                     (gpointer) result);
  return idx;
}

/* --- JSON --- */

/* json_node_copy () shares objects and arrays; the JSON we hand out must not
 * alias our candidates' parameters (the caller may edit it). */
static JsonNode *
deep_copy (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *src = json_node_get_object (node);
      g_autoptr(JsonObject) dst = json_object_new ();
      GList *members = json_object_get_members (src);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (dst, l->data, deep_copy (json_object_get_member (src, l->data)));
      g_list_free (members);
      return json_node_init_object (json_node_alloc (), dst);
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *src = json_node_get_array (node);
      g_autoptr(JsonArray) dst = json_array_sized_new (json_array_get_length (src));

      for (guint i = 0; i < json_array_get_length (src); i++)
        json_array_add_element (dst, deep_copy (json_array_get_element (src, i)));
      return json_node_init_array (json_node_alloc (), dst);
    }
  return json_node_copy (node);
}

static JsonNode *
params_node (JsonObject *params)
{
  g_autoptr(JsonNode) shallow = json_node_init_object (json_node_alloc (), params);

  return deep_copy (shallow);
}

JsonNode *
lb_search_result_to_json (const LbSearchResult *result)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (result != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "scoring");
  json_builder_add_string_value (b, result->scoring);
  json_builder_set_member_name (b, "best_index");
  json_builder_add_int_value (b, result->best);
  json_builder_set_member_name (b, "best_params");
  json_builder_add_value (b, params_node (lb_search_result_get_best_params (result)));
  json_builder_set_member_name (b, "best_score");
  lb_json_add_number (b, lb_search_result_get_best_score (result));
  json_builder_set_member_name (b, "refit_seconds");
  lb_json_add_number (b, result->refit_seconds);
  lb_json_add_failed_fits (b, &result->failures);

  json_builder_set_member_name (b, "cv_results");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "params");
  json_builder_begin_array (b);
  for (guint c = 0; c < result->n_cand; c++)
    json_builder_add_value (b, params_node (g_ptr_array_index (result->params, c)));
  json_builder_end_array (b);
  lb_json_add_vector (b, "mean_test_score", result->mean_test, result->n_cand, 1);
  lb_json_add_vector (b, "std_test_score", result->std_test, result->n_cand, 1);
  json_builder_set_member_name (b, "rank_test_score");
  json_builder_begin_array (b);
  for (guint c = 0; c < result->n_cand; c++)
    json_builder_add_int_value (b, result->rank[c]);
  json_builder_end_array (b);
  for (guint s = 0; s < result->n_splits; s++)
    {
      g_autofree char *name = g_strdup_printf ("split%u_test_score", s);

      lb_json_add_vector (b, name, result->test + s, result->n_cand, result->n_splits);
    }
  if (result->train != NULL)
    {
      lb_json_add_vector (b, "mean_train_score", result->mean_train, result->n_cand, 1);
      lb_json_add_vector (b, "std_train_score", result->std_train, result->n_cand, 1);
      for (guint s = 0; s < result->n_splits; s++)
        {
          g_autofree char *name = g_strdup_printf ("split%u_train_score", s);

          lb_json_add_vector (b, name, result->train + s, result->n_cand, result->n_splits);
        }
    }
  lb_json_add_vector (b, "mean_fit_time", result->mean_fit, result->n_cand, 1);
  lb_json_add_vector (b, "std_fit_time", result->std_fit, result->n_cand, 1);
  lb_json_add_vector (b, "mean_score_time", result->mean_score, result->n_cand, 1);
  lb_json_add_vector (b, "std_score_time", result->std_score, result->n_cand, 1);
  json_builder_end_object (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}
