/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-project-evaluation.c: the project file's "evaluation", "search" and
 * "predict" sections: cross-validation settings, scorer names, search spaces
 * whose every value is tried on the model when the file loads, and the rows
 * to predict.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "lb-metrics.h"
#include "lb-project-private.h"

static gboolean
parse_cv (JsonObject  *parent,
          const char  *parent_key,
          LbProjectCv *cv,
          GError     **error)
{
  static const char * const keys[] = { "kind", "n_splits", "shuffle", "test_size", NULL };
  static const char * const kinds[] = { "none", "auto", "kfold", "stratified_kfold", "shuffle_split", NULL };
  JsonNode *node = json_object_get_member (parent, "cv");
  g_autofree char *key = lb_project_key_join (parent_key, "cv");
  g_autofree char *kind = NULL;
  JsonObject *object;
  int k;

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 n = json_node_get_int (node);

      if (n < 2 || n > 1000)
        return lb_project_fail (error, key, _("must be between 2 and 1000 folds (got %" PRId64 ")"), n);
      cv->kind = LB_PROJECT_CV_AUTO;
      cv->n_splits = (guint) n;
      cv->shuffle = FALSE;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return lb_project_fail (error, key, _("must be a number of folds or an object, not %s"), lb_project_node_kind (node));
  object = json_node_get_object (node);
  if (!lb_project_check_keys (object, key, keys, error)
      || !lb_project_get_string (object, key, "kind", TRUE, &kind, error))
    return FALSE;
  {
    g_autofree char *kkey = lb_project_key_join (key, "kind");

    k = lb_project_choose (kkey, kind, kinds, error);
  }
  if (k < 0)
    return FALSE;
  cv->kind = (LbProjectCvKind) k;
  cv->n_splits = cv->kind == LB_PROJECT_CV_SHUFFLE_SPLIT ? 10 : 5;
  cv->test_size = 0.1;
  cv->shuffle = FALSE;
  if (!lb_project_get_uint (object, key, "n_splits", cv->kind == LB_PROJECT_CV_SHUFFLE_SPLIT ? 1 : 2,
                            1000, &cv->n_splits, error)
      || !lb_project_get_boolean (object, key, "shuffle", &cv->shuffle, error)
      || !lb_project_get_double (object, key, "test_size", 0.0, 1.0, TRUE, &cv->test_size, error))
    return FALSE;
  return TRUE;
}

static gboolean
check_scoring (const char *key,
               const char *scoring,
               GError    **error)
{
  g_autofree char *list = NULL;

  if (scoring == NULL || lb_scoring_is_known (scoring))
    return TRUE;
  list = g_strjoinv (", ", (char **) lb_scoring_list_names ());
  return lb_project_fail (error, key, _("unknown scoring “%s” (known: %s)"), scoring, list);
}

gboolean
lb_project_parse_evaluation (LbProject  *project,
                             JsonObject *root,
                             GError    **error)
{
  static const char * const keys[] = { "scoring", "train_score", "cv", "prepare", "test", NULL };
  static const char * const prepares[] = { "once", "per_fold", NULL };
  g_autofree char *prepare = NULL;
  JsonObject *object;

  project->train_score = TRUE;
  project->cv.kind = LB_PROJECT_CV_NONE;
  project->prepare = LB_PROJECT_PREPARE_ONCE;
  if (json_object_get_member (root, "evaluation") == NULL)
    return TRUE;
  object = lb_project_get_object (root, "", "evaluation", FALSE, error);
  if (object == NULL || !lb_project_check_keys (object, "evaluation", keys, error)
      || !lb_project_get_string (object, "evaluation", "scoring", FALSE, &project->scoring, error)
      || !lb_project_get_boolean (object, "evaluation", "train_score", &project->train_score, error)
      || !lb_project_get_boolean (object, "evaluation", "test", &project->test, error)
      || !lb_project_get_string (object, "evaluation", "prepare", FALSE, &prepare, error)
      || !parse_cv (object, "evaluation", &project->cv, error)
      || !check_scoring ("evaluation.scoring", project->scoring, error))
    return FALSE;
  if (prepare != NULL)
    {
      int p = lb_project_choose ("evaluation.prepare", prepare, prepares, error);

      if (p < 0)
        return FALSE;
      project->prepare = (LbProjectPrepare) p;
    }
  if (project->test && project->split.kind == LB_PROJECT_SPLIT_NONE)
    return lb_project_fail (error, "evaluation.test", _("there is no test set: add a “split”"));
  if (project->test && project->split.kind == LB_PROJECT_SPLIT_INDEX_FILES
      && project->split.test_file == NULL)
    return lb_project_fail (error, "evaluation.test", _("there is no test set: give “split.test”"));
  return TRUE;
}

/* Checks that every value of a grid / list can be set on the model. */
static gboolean
check_values (LbEstimator *estimator,
              const char  *key,
              const char  *param,
              JsonArray   *values,
              GError     **error)
{
  if (json_array_get_length (values) == 0)
    return lb_project_fail (error, key, _("the list of values is empty"));
  for (guint i = 0; i < json_array_get_length (values); i++)
    if (!lb_estimator_set_param (estimator, param, json_array_get_element (values, i), error))
      {
        g_prefix_error (error, "%s[%u]: ", key, i);
        return FALSE;
      }
  return TRUE;
}

/* The next component of a parameter path ("num" of "num.imputer.strategy"
 * or "num__imputer__strategy"); *rest moves past its separator. */
static char *
path_head (const char **rest)
{
  const char *dot = strchr (*rest, '.');
  const char *dunder = strstr (*rest, "__");
  const char *sep = dot == NULL ? dunder : dunder == NULL ? dot : MIN (dot, dunder);
  char *head;

  if (sep == NULL)
    return NULL;
  head = g_strndup (*rest, sep - *rest);
  *rest = sep + (sep == dot ? 1 : 2);
  return head;
}

/* A search key naming the preparation: "prep.GROUP.STEP.PARAM" (or with
 * "__"): every value must be acceptable to that step of that group. */
static gboolean
check_prep_values (LbProject  *project,
                   const char *key,
                   const char *param,
                   JsonArray  *values,
                   GError    **error)
{
  const char *rest = param;
  g_autofree char *prep = path_head (&rest);
  g_autofree char *group_name = path_head (&rest);
  g_autofree char *step_name = path_head (&rest);

  if (group_name == NULL || step_name == NULL || *rest == '\0')
    return lb_project_fail (error, key, _("a preparation parameter is named “prep.GROUP.STEP.PARAMETER” "
                                          "(e.g. “prep.num.imputer.strategy”)"));
  for (guint g = 0; project->groups != NULL && g < project->groups->len; g++)
    {
      const LbProjectGroup *group = g_ptr_array_index (project->groups, g);

      if (strcmp (group->name, group_name) != 0)
        continue;
      for (guint i = 0; i < group->steps->len; i++)
        {
          const LbProjectStep *step = g_ptr_array_index (group->steps, i);
          g_autoptr (LbEstimator) estimator = NULL;

          if (strcmp (step->name, step_name) != 0)
            continue;
          estimator = lb_project_step_build (step, error);
          if (estimator == NULL)
            return FALSE;
          return check_values (estimator, key, rest, values, error);
        }
      return lb_project_fail (error, key, _("the pipeline group “%s” has no step named “%s”"),
                              group_name, step_name);
    }
  return lb_project_fail (error, key, _("the pipeline has no group named “%s”"), group_name);
}

/* check_values on the model, or on a preparation step for "prep.…" keys. */
static gboolean
check_param_values (LbProject   *project,
                    LbEstimator *estimator,
                    const char  *key,
                    const char  *param,
                    JsonArray   *values,
                    GError     **error)
{
  if (g_str_has_prefix (param, "prep.") || g_str_has_prefix (param, "prep__"))
    return check_prep_values (project, key, param, values, error);
  return check_values (estimator, key, param, values, error);
}

static const LbProjectStep *
find_model (LbProject  *project,
            const char *name)
{
  for (guint i = 0; i < project->models->len; i++)
    {
      const LbProjectStep *m = g_ptr_array_index (project->models, i);

      if (strcmp (m->name, name) == 0)
        return m;
    }
  return NULL;
}

gboolean
lb_project_parse_search (LbProject  *project,
                         JsonObject *root,
                         GError    **error)
{
  static const char * const keys[] = { "model", "kind", "grid", "distributions", "n_iter",
                                       "cv", "scoring", "refit", NULL };
  static const char * const kinds[] = { "grid", "random", NULL };
  LbProjectSearch *search = &project->search;
  g_autoptr (LbEstimator) estimator = NULL;
  g_autofree char *kind = NULL;
  const LbProjectStep *model;
  JsonObject *object;
  int k;

  search->kind = LB_PROJECT_SEARCH_NONE;
  search->refit = TRUE;
  search->n_iter = 10;
  if (json_object_get_member (root, "search") == NULL)
    return TRUE;
  object = lb_project_get_object (root, "", "search", FALSE, error);
  if (object == NULL || !lb_project_check_keys (object, "search", keys, error)
      || !lb_project_get_string (object, "search", "model", TRUE, &search->model, error)
      || !lb_project_get_string (object, "search", "kind", TRUE, &kind, error)
      || !lb_project_get_string (object, "search", "scoring", FALSE, &search->scoring, error)
      || !lb_project_get_boolean (object, "search", "refit", &search->refit, error)
      || !lb_project_get_uint (object, "search", "n_iter", 1, 100000, &search->n_iter, error)
      || !check_scoring ("search.scoring", search->scoring, error))
    return FALSE;
  k = lb_project_choose ("search.kind", kind, kinds, error);
  if (k < 0)
    return FALSE;
  search->kind = k == 0 ? LB_PROJECT_SEARCH_GRID : LB_PROJECT_SEARCH_RANDOM;
  model = find_model (project, search->model);
  if (model == NULL)
    return lb_project_fail (error, "search.model", _("no model is named “%s”"), search->model);
  estimator = lb_project_step_build (model, error);
  if (estimator == NULL)
    return FALSE;

  search->cv = project->cv;
  if (search->cv.kind == LB_PROJECT_CV_NONE)
    {
      search->cv.kind = LB_PROJECT_CV_AUTO;
      search->cv.n_splits = 5;
    }
  if (!parse_cv (object, "search", &search->cv, error))
    return FALSE;
  if (search->cv.kind == LB_PROJECT_CV_NONE)
    return lb_project_fail (error, "search.cv", _("a search needs cross-validation"));

  if (search->kind == LB_PROJECT_SEARCH_GRID)
    {
      JsonNode *grid = json_object_get_member (object, "grid");
      JsonArray *array;

      if (json_object_get_member (object, "distributions") != NULL)
        return lb_project_fail (error, "search.distributions", _("does not apply to a grid search (use “grid”)"));
      if (grid == NULL)
        return lb_project_fail (error, "search.grid", _("missing (required for a grid search)"));
      /* One object is a grid; a list of objects is a list of grids (scikit-learn's). */
      if (JSON_NODE_HOLDS_OBJECT (grid))
        {
          array = json_array_new ();
          json_array_add_element (array, json_node_copy (grid));
        }
      else if (JSON_NODE_HOLDS_ARRAY (grid) && json_array_get_length (json_node_get_array (grid)) > 0)
        array = json_array_ref (json_node_get_array (grid));
      else
        return lb_project_fail (error, "search.grid", _("must be an object or a non-empty list of objects"));
      search->grid = array;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          g_autofree char *key = g_strdup_printf ("search.grid[%u]", i);
          g_autoptr (GList) members = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return lb_project_fail (error, key, _("must be an object, not %s"), lb_project_node_kind (node));
          members = json_object_get_members (json_node_get_object (node));
          if (members == NULL)
            return lb_project_fail (error, key, _("names no parameter"));
          for (GList *l = members; l != NULL; l = l->next)
            {
              JsonNode *values = json_object_get_member (json_node_get_object (node), l->data);
              g_autofree char *pkey = lb_project_key_join (key, l->data);

              if (!JSON_NODE_HOLDS_ARRAY (values))
                return lb_project_fail (error, pkey, _("must be a list of values, not %s"), lb_project_node_kind (values));
              if (!check_param_values (project, estimator, pkey, l->data, json_node_get_array (values), error))
                return FALSE;
            }
        }
    }
  else
    {
      JsonObject *dists;
      g_autoptr (GList) members = NULL;

      if (json_object_get_member (object, "grid") != NULL)
        return lb_project_fail (error, "search.grid", _("does not apply to a random search (use “distributions”)"));
      dists = lb_project_get_object (object, "search", "distributions", TRUE, error);
      if (dists == NULL)
        return FALSE;
      search->distributions = json_object_ref (dists);
      members = json_object_get_members (dists);
      if (members == NULL)
        return lb_project_fail (error, "search.distributions", _("names no parameter"));
      for (GList *l = members; l != NULL; l = l->next)
        {
          static const char * const dkinds[] = { "uniform", "loguniform", "randint", NULL };
          JsonNode *d = json_object_get_member (dists, l->data);
          g_autofree char *dkey = lb_project_key_join ("search.distributions", l->data);
          g_autoptr (GList) dmembers = NULL;
          double low, high;
          JsonObject *dobj;
          JsonNode *range;
          int dk;

          if (JSON_NODE_HOLDS_ARRAY (d))
            {
              if (!check_param_values (project, estimator, dkey, l->data, json_node_get_array (d), error))
                return FALSE;
              continue;
            }
          /* {"uniform" | "loguniform" | "randint": [low, high]} */
          if (!JSON_NODE_HOLDS_OBJECT (d) || json_object_get_size (json_node_get_object (d)) != 1)
            return lb_project_fail (error, dkey, _("must be a list of values or one of {\"uniform\": [low, high]}, "
                                        "{\"loguniform\": [low, high]}, {\"randint\": [low, high]}"));
          dobj = json_node_get_object (d);
          dmembers = json_object_get_members (dobj);
          {
            g_autofree char *kkey = lb_project_key_join (dkey, dmembers->data);

            dk = lb_project_choose (kkey, dmembers->data, dkinds, error);
            if (dk < 0)
              return FALSE;
            range = json_object_get_member (dobj, dmembers->data);
            if (!JSON_NODE_HOLDS_ARRAY (range) || json_array_get_length (json_node_get_array (range)) != 2
                || !lb_project_is_number (json_array_get_element (json_node_get_array (range), 0))
                || !lb_project_is_number (json_array_get_element (json_node_get_array (range), 1)))
              return lb_project_fail (error, kkey, _("must be [low, high] (two numbers)"));
          }
          low = json_array_get_double_element (json_node_get_array (range), 0);
          high = json_array_get_double_element (json_node_get_array (range), 1);
          if (!(high > low))
            return lb_project_fail (error, dkey, _("“high” (%g) must be greater than “low” (%g)"), high, low);
          if (dk == 1 && !(low > 0))
            return lb_project_fail (error, dkey, _("a log-uniform distribution needs low > 0 (got %g)"), low);
          if (dk == 2 && (low != floor (low) || high != floor (high)))
            return lb_project_fail (error, dkey, _("an integer distribution needs whole low and high (high excluded)"));
          {
            g_autoptr (JsonArray) probe = json_array_new ();

            /* Both ends must be acceptable values of the parameter. */
            if (dk == 2)
              {
                json_array_add_int_element (probe, (gint64) low);
                json_array_add_int_element (probe, (gint64) high - 1);
              }
            else
              {
                json_array_add_double_element (probe, low);
                json_array_add_double_element (probe, high);
              }
            if (!check_param_values (project, estimator, dkey, l->data, probe, error))
              return FALSE;
          }
        }
    }
  return TRUE;
}

gboolean
lb_project_parse_predict (LbProject  *project,
                          JsonObject *root,
                          GError    **error)
{
  JsonNode *node = json_object_get_member (root, "predict");
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return lb_project_fail (error, "predict", _("must be a non-empty list of rows (objects: column → value)"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *row = json_array_get_element (array, i);
      g_autofree char *key = g_strdup_printf ("predict[%u]", i);
      g_autoptr (GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (row))
        return lb_project_fail (error, key, _("must be an object (column → value), not %s"), lb_project_node_kind (row));
      members = json_object_get_members (json_node_get_object (row));
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *v = json_object_get_member (json_node_get_object (row), l->data);
          g_autofree char *vkey = lb_project_key_join (key, l->data);

          if (!JSON_NODE_HOLDS_NULL (v) && !lb_project_is_number (v)
              && !(JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING))
            return lb_project_fail (error, vkey, _("must be a number, a string or null, not %s"), lb_project_node_kind (v));
        }
    }
  project->predict = json_array_ref (array);
  return TRUE;
}
