/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-project.c: reads and validates a project file (the format is described
 * in lb-project.h and examples/README.md): the top level, data, split,
 * pipeline and models here; evaluation, search and predict in
 * lb-project-evaluation.c. The walker of lb-project-keys.c carries the key
 * path ("models[1].params") so that every error says where the mistake is;
 * unknown keys are errors too, since a typo ("n_split") silently ignored
 * would give a run the user did not ask for.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "lb-project-private.h"

G_DEFINE_BOXED_TYPE (LbProject, lb_project, lb_project_ref, lb_project_unref)

/* --- frees --- */

static void
step_free (gpointer data)
{
  LbProjectStep *step = data;

  g_free (step->name);
  g_free (step->estimator);
  g_clear_pointer (&step->params, json_object_unref);
  g_free (step);
}

static void
group_free (gpointer data)
{
  LbProjectGroup *group = data;

  g_free (group->name);
  g_strfreev (group->columns);
  g_free (group->kind);
  g_clear_pointer (&group->steps, g_ptr_array_unref);
  g_free (group);
}

LbProject *
lb_project_ref (LbProject *project)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_atomic_ref_count_inc (&project->ref_count);
  return project;
}

void
lb_project_unref (LbProject *project)
{
  g_return_if_fail (project != NULL);
  if (!g_atomic_ref_count_dec (&project->ref_count))
    return;
  g_free (project->file);
  g_free (project->base_dir);
  g_free (project->name);
  g_free (project->description);
  g_free (project->data_path);
  g_free (project->data_sample);
  g_free (project->data_help);
  g_free (project->data_labels);
  g_free (project->positive_class);
  g_free (project->target);
  g_strfreev (project->drop);
  g_free (project->split.column);
  g_free (project->split.bins);
  g_free (project->split.train_file);
  g_free (project->split.test_file);
  g_clear_pointer (&project->groups, g_ptr_array_unref);
  g_clear_pointer (&project->models, g_ptr_array_unref);
  g_free (project->scoring);
  g_clear_pointer (&project->workbench, json_object_unref);
  g_free (project->search.model);
  g_clear_pointer (&project->search.grid, json_array_unref);
  g_clear_pointer (&project->search.distributions, json_object_unref);
  g_free (project->search.scoring);
  g_clear_pointer (&project->predict, json_array_unref);
  g_free (project->save_model);
  g_free (project);
}

/* --- paths --- */

char *
lb_project_dup_test_data_dir (void)
{
  const char *env = g_getenv ("LEARNBENCH_TEST_DATA");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_canonicalize_filename ("../shared/datasets", LB_SOURCE_DIR);
}

char *
lb_project_resolve_path (const char *value,
                         const char *base_dir,
                         const char *key,
                         GError    **error)
{
  static const char var[] = "${LEARNBENCH_TEST_DATA}";
  g_autoptr (GString) out = g_string_new (NULL);
  const char *p = value;
  g_autofree char *cwd = NULL;

  if (*value == '\0')
    {
      lb_project_fail (error, key, _("must not be empty"));
      return NULL;
    }
  while (*p != '\0')
    {
      const char *dollar = strchr (p, '$');

      if (dollar == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, dollar - p);
      if (g_str_has_prefix (dollar, var))
        {
          g_autofree char *dir = lb_project_dup_test_data_dir ();

          g_string_append (out, dir);
          p = dollar + strlen (var);
        }
      else
        {
          lb_project_fail (error, key, _("“%s”: the only variable a path may use is %s"), value, var);
          return NULL;
        }
    }
  if (g_path_is_absolute (out->str))
    return g_canonicalize_filename (out->str, NULL);
  if (base_dir == NULL)
    base_dir = cwd = g_get_current_dir ();
  return g_canonicalize_filename (out->str, base_dir);
}

/* --- steps --- */

LbEstimator *
lb_project_step_build (const LbProjectStep *step,
                       GError             **error)
{
  g_autoptr (LbEstimator) estimator = NULL;

  lb_estimators_register_builtin ();
  estimator = lb_estimator_new_by_name (step->estimator, error);
  if (estimator == NULL)
    return NULL;
  if (!lb_estimator_set_params (estimator, step->params, error))
    return NULL;
  return g_steal_pointer (&estimator);
}

/* One {name, estimator, params} object; @default_name when "name" is absent. */
static LbProjectStep *
parse_step (JsonNode   *node,
            const char *key,
            const char *default_name,
            GError    **error)
{
  static const char * const keys[] = { "name", "estimator", "params", NULL };
  g_autoptr (LbEstimator) estimator = NULL;
  LbProjectStep *step;
  JsonObject *object, *params;
  g_autofree char *ekey = lb_project_key_join (key, "estimator");

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      lb_project_fail (error, key, _("must be an object, not %s"), lb_project_node_kind (node));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!lb_project_check_keys (object, key, keys, error))
    return NULL;

  step = g_new0 (LbProjectStep, 1);
  if (!lb_project_get_string (object, key, "estimator", TRUE, &step->estimator, error)
      || !lb_project_get_string (object, key, "name", FALSE, &step->name, error))
    {
      step_free (step);
      return NULL;
    }
  if (step->name == NULL)
    step->name = g_strdup (default_name != NULL ? default_name : step->estimator);

  params = json_object_get_member (object, "params") != NULL
             ? lb_project_get_object (object, key, "params", FALSE, error) : NULL;
  if (params == NULL && json_object_get_member (object, "params") != NULL)
    {
      step_free (step);
      return NULL;
    }
  step->params = params != NULL ? json_object_ref (params) : json_object_new ();

  /* Build it once: an unknown name or a bad value is caught now, not
   * half-way through a run. */
  lb_estimators_register_builtin ();
  estimator = lb_estimator_new_by_name (step->estimator, error);
  if (estimator == NULL)
    {
      g_prefix_error (error, "%s: ", ekey);
      step_free (step);
      return NULL;
    }
  {
    g_autoptr (GList) members = json_object_get_members (step->params);

    for (GList *l = members; l != NULL; l = l->next)
      {
        JsonNode *value = json_object_get_member (step->params, l->data);

        if (!lb_estimator_set_param (estimator, l->data, value, error))
          {
            g_prefix_error (error, "%s.params.%s: ", key, (const char *) l->data);
            step_free (step);
            return NULL;
          }
      }
  }
  return step;
}

static GPtrArray *
parse_step_list (JsonObject *parent,
                 const char *parent_key,
                 const char *member,
                 gboolean    required,
                 GError    **error)
{
  JsonNode *node = json_object_get_member (parent, member);
  g_autofree char *key = lb_project_key_join (parent_key, member);
  g_autoptr (GPtrArray) steps = g_ptr_array_new_with_free_func (step_free);
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (node == NULL)
    {
      if (required)
        {
          lb_project_fail (error, key, _("missing (required)"));
          return NULL;
        }
      return g_steal_pointer (&steps);
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      lb_project_fail (error, key, _("must be a list, not %s"), lb_project_node_kind (node));
      return NULL;
    }
  array = json_node_get_array (node);
  if (required && json_array_get_length (array) == 0)
    {
      lb_project_fail (error, key, _("must name at least one"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *ikey = g_strdup_printf ("%s[%u]", key, i);
      LbProjectStep *step = parse_step (json_array_get_element (array, i), ikey, NULL, error);

      if (step == NULL)
        return NULL;
      g_ptr_array_add (steps, step);
      if (!g_hash_table_add (names, step->name))
        {
          g_autofree char *nkey = lb_project_key_join (ikey, "name");

          lb_project_fail (error, nkey, _("the name “%s” is used twice"), step->name);
          return NULL;
        }
    }
  return g_steal_pointer (&steps);
}

/* --- sections --- */

static gboolean
parse_data (LbProject  *project,
            JsonObject *root,
            GError    **error)
{
  static const char * const keys[] = { "path", "sample", "help", "delimiter", "thousands", "encoding",
                                       "labels", "max_rows", NULL };
  static const char * const encodings[] = { "utf-8", "latin1", NULL };
  JsonObject *data = lb_project_get_object (root, "", "data", TRUE, error);
  g_autofree char *path = NULL, *delimiter = NULL, *thousands = NULL, *encoding = NULL;
  g_autofree char *labels = NULL;
  guint max_rows = 0;

  if (data == NULL || !lb_project_check_keys (data, "data", keys, error))
    return FALSE;
  if (!lb_project_get_string (data, "data", "path", FALSE, &path, error)
      || !lb_project_get_string (data, "data", "sample", FALSE, &project->data_sample, error)
      || !lb_project_get_string (data, "data", "help", FALSE, &project->data_help, error)
      || !lb_project_get_string (data, "data", "delimiter", FALSE, &delimiter, error)
      || !lb_project_get_string (data, "data", "thousands", FALSE, &thousands, error)
      || !lb_project_get_string (data, "data", "encoding", FALSE, &encoding, error)
      || !lb_project_get_string (data, "data", "labels", FALSE, &labels, error)
      || !lb_project_get_uint (data, "data", "max_rows", 1, G_MAXINT32, &max_rows, error))
    return FALSE;
  project->data_max_rows = max_rows;
  if (max_rows > 0 && labels == NULL)
    return lb_project_fail (error, "data.max_rows", _("applies to IDX files only (with “labels”)"));
  if (labels != NULL)
    {
      if (path == NULL)
        return lb_project_fail (error, "data.labels", _("goes with an IDX images “path”"));
      project->data_labels = lb_project_resolve_path (labels, project->base_dir, "data.labels", error);
      if (project->data_labels == NULL)
        return FALSE;
    }
  if ((path == NULL) == (project->data_sample == NULL))
    return lb_project_fail (error, "data", _("give either “path” or “sample”"));
  if (delimiter != NULL)
    {
      if (strcmp (delimiter, "\\t") == 0 || strcmp (delimiter, "tab") == 0)
        project->delimiter = '\t';
      else if (strlen (delimiter) == 1 && strchr (",;\t|", delimiter[0]) != NULL)
        project->delimiter = delimiter[0];
      else
        return lb_project_fail (error, "data.delimiter", _("must be one of , ; | or \"\\t\" (got “%s”)"), delimiter);
    }
  if (thousands != NULL)
    {
      if (strlen (thousands) != 1 || strchr (",. '", thousands[0]) == NULL)
        return lb_project_fail (error, "data.thousands", _("must be one of , . ' or a space (got “%s”)"), thousands);
      project->thousands = thousands[0];
    }
  if (encoding != NULL)
    {
      int e = lb_project_choose ("data.encoding", encoding, encodings, error);

      if (e < 0)
        return FALSE;
      project->latin1 = e == 1;
    }
  if (path != NULL && g_str_has_prefix (path, "sample:"))
    {
      /* "path": "sample:moons" is the same as "sample": "moons" (as lb_load_table reads it) */
      if (project->data_labels != NULL || project->delimiter != 0 || project->thousands != 0 || project->latin1)
        return lb_project_fail (error, "data", _("a built-in sample takes no file options"));
      project->data_sample = g_strdup (path + strlen ("sample:"));
    }
  else if (path != NULL)
    {
      project->data_path = lb_project_resolve_path (path, project->base_dir, "data.path", error);
      if (project->data_path == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Bin edges: numbers, or "inf" / "-inf" (JSON has no infinity). */
static gboolean
parse_bins (LbProjectSplit *split,
            JsonObject     *object,
            GError        **error)
{
  JsonNode *node = json_object_get_member (object, "bins");
  JsonArray *array;
  guint n;

  if (node == NULL)
    return lb_project_fail (error, "split.bins", _("missing (required for a stratified split)"));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return lb_project_fail (error, "split.bins", _("must be a list of numbers, not %s"), lb_project_node_kind (node));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < 2)
    return lb_project_fail (error, "split.bins", _("needs at least 2 edges (got %u)"), n);
  split->bins = g_new (double, n);
  split->n_bins = n;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autofree char *key = g_strdup_printf ("split.bins[%u]", i);

      if (lb_project_is_number (e))
        split->bins[i] = json_node_get_double (e);
      else if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING
               && (g_ascii_strcasecmp (json_node_get_string (e), "inf") == 0
                   || g_ascii_strcasecmp (json_node_get_string (e), "-inf") == 0))
        split->bins[i] = json_node_get_string (e)[0] == '-' ? -INFINITY : INFINITY;
      else
        return lb_project_fail (error, key, _("must be a number or \"inf\", not %s"), lb_project_node_kind (e));
      if (i > 0 && !(split->bins[i] > split->bins[i - 1]))
        return lb_project_fail (error, key, _("edges must increase (%g after %g)"),
                                split->bins[i], split->bins[i - 1]);
    }
  return TRUE;
}

void
lb_project_split_clear (LbProjectSplit *split)
{
  g_clear_pointer (&split->column, g_free);
  g_clear_pointer (&split->bins, g_free);
  g_clear_pointer (&split->train_file, g_free);
  g_clear_pointer (&split->test_file, g_free);
  memset (split, 0, sizeof *split);
}

static gboolean
parse_split (LbProject  *project,
             JsonObject *root,
             GError    **error)
{
  return lb_project_split_parse (root, project->base_dir, &project->split, error);
}

gboolean
lb_project_split_parse (JsonObject     *root,
                        const char     *base_dir,
                        LbProjectSplit *split,
                        GError        **error)
{
  static const char * const keys[] = { "kind", "test_size", "column", "bins", "train", "test", NULL };
  static const char * const kinds[] = { "none", "random", "stratified", "id_hash", "index_files", NULL };
  JsonObject *object;
  g_autofree char *kind = NULL, *train = NULL, *test = NULL;
  int k;

  split->kind = LB_PROJECT_SPLIT_NONE;
  split->test_size = 0.2;
  if (json_object_get_member (root, "split") == NULL)
    return TRUE;
  object = lb_project_get_object (root, "", "split", FALSE, error);
  if (object == NULL || !lb_project_check_keys (object, "split", keys, error)
      || !lb_project_get_string (object, "split", "kind", TRUE, &kind, error))
    return FALSE;
  k = lb_project_choose ("split.kind", kind, kinds, error);
  if (k < 0)
    return FALSE;
  split->kind = (LbProjectSplitKind) k;

  /* Only the keys of this kind: a "bins" on a random split is a mistake. */
  {
    static const char * const by_kind[][4] = {
      { NULL },
      { "test_size", NULL },
      { "test_size", "column", "bins", NULL },
      { "test_size", "column", NULL },
      { "train", "test", NULL },
    };
    g_autoptr (GList) members = json_object_get_members (object);

    for (GList *l = members; l != NULL; l = l->next)
      if (strcmp (l->data, "kind") != 0 && !g_strv_contains (by_kind[k], l->data))
        {
          g_autofree char *key = lb_project_key_join ("split", l->data);

          return lb_project_fail (error, key, _("does not apply to a “%s” split"), kind);
        }
  }

  if (!lb_project_get_double (object, "split", "test_size", 0.0, 1.0, TRUE, &split->test_size, error))
    return FALSE;
  switch (split->kind)
    {
    case LB_PROJECT_SPLIT_STRATIFIED:
      if (!lb_project_get_string (object, "split", "column", TRUE, &split->column, error)
          || !parse_bins (split, object, error))
        return FALSE;
      break;
    case LB_PROJECT_SPLIT_ID_HASH:
      /* without "column" the row number is the id (the book's reset_index ()) */
      if (!lb_project_get_string (object, "split", "column", FALSE, &split->column, error))
        return FALSE;
      break;
    case LB_PROJECT_SPLIT_INDEX_FILES:
      if (!lb_project_get_string (object, "split", "train", TRUE, &train, error)
          || !lb_project_get_string (object, "split", "test", FALSE, &test, error))
        return FALSE;
      split->train_file = lb_project_resolve_path (train, base_dir, "split.train", error);
      if (split->train_file == NULL)
        return FALSE;
      if (test != NULL)
        {
          split->test_file = lb_project_resolve_path (test, base_dir, "split.test", error);
          if (split->test_file == NULL)
            return FALSE;
        }
      break;
    case LB_PROJECT_SPLIT_NONE:
    case LB_PROJECT_SPLIT_RANDOM:
    default:
      break;
    }
  return TRUE;
}

static gboolean
parse_pipeline (LbProject  *project,
                JsonObject *root,
                GError    **error)
{
  static const char * const keys[] = { "groups", "remainder", NULL };
  static const char * const group_keys[] = { "name", "columns", "kind", "steps", NULL };
  static const char * const kinds[] = { "numeric", "categorical", NULL };
  static const char * const remainders[] = { "drop", "passthrough", NULL };
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *remainder = NULL;
  JsonObject *object;
  JsonNode *groups;
  JsonArray *array;

  project->groups = g_ptr_array_new_with_free_func (group_free);
  if (json_object_get_member (root, "pipeline") == NULL)
    return TRUE;
  object = lb_project_get_object (root, "", "pipeline", FALSE, error);
  if (object == NULL || !lb_project_check_keys (object, "pipeline", keys, error)
      || !lb_project_get_string (object, "pipeline", "remainder", FALSE, &remainder, error))
    return FALSE;
  if (remainder != NULL)
    {
      int r = lb_project_choose ("pipeline.remainder", remainder, remainders, error);

      if (r < 0)
        return FALSE;
      project->remainder_passthrough = r == 1;
    }
  groups = json_object_get_member (object, "groups");
  if (groups == NULL)
    return lb_project_fail (error, "pipeline.groups", _("missing (required)"));
  if (!JSON_NODE_HOLDS_ARRAY (groups))
    return lb_project_fail (error, "pipeline.groups", _("must be a list, not %s"), lb_project_node_kind (groups));
  array = json_node_get_array (groups);
  if (json_array_get_length (array) == 0)
    return lb_project_fail (error, "pipeline.groups", _("must name at least one group"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *key = g_strdup_printf ("pipeline.groups[%u]", i);
      LbProjectGroup *group;
      JsonObject *g;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return lb_project_fail (error, key, _("must be an object, not %s"), lb_project_node_kind (node));
      g = json_node_get_object (node);
      if (!lb_project_check_keys (g, key, group_keys, error))
        return FALSE;
      group = g_new0 (LbProjectGroup, 1);
      g_ptr_array_add (project->groups, group);
      if (!lb_project_get_string (g, key, "name", TRUE, &group->name, error)
          || !lb_project_get_string_list (g, key, "columns", FALSE, &group->columns, error)
          || !lb_project_get_string (g, key, "kind", FALSE, &group->kind, error))
        return FALSE;
      if ((group->columns == NULL) == (group->kind == NULL))
        return lb_project_fail (error, key, _("give either “columns” (a list of names) or “kind” (numeric or categorical)"));
      if (group->kind != NULL)
        {
          g_autofree char *kkey = lb_project_key_join (key, "kind");

          if (lb_project_choose (kkey, group->kind, kinds, error) < 0)
            return FALSE;
        }
      if (!g_hash_table_add (names, group->name))
        {
          g_autofree char *nkey = lb_project_key_join (key, "name");

          return lb_project_fail (error, nkey, _("the name “%s” is used twice"), group->name);
        }
      group->steps = parse_step_list (g, key, "steps", FALSE, error);
      if (group->steps == NULL)
        return FALSE;
    }
  return TRUE;
}

/* --- loading --- */

static LbProject *
project_from_root (JsonNode   *root_node,
                   const char *file,
                   const char *base_dir,
                   GError    **error)
{
  static const char * const keys[] = { "format", "version", "name", "description", "seed", "data",
                                       "target", "positive_class", "drop", "split", "pipeline", "models", "evaluation",
                                       "search", "predict", "save_model", "workbench", NULL };
  g_autoptr (LbProject) project = g_new0 (LbProject, 1);
  g_autofree char *format = NULL, *save_model = NULL;
  JsonObject *root;
  JsonNode *version, *seed;

  g_atomic_ref_count_init (&project->ref_count);
  project->file = g_strdup (file);
  project->base_dir = base_dir != NULL ? g_strdup (base_dir) : g_get_current_dir ();
  project->seed = 42;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("a project file holds one JSON object"));
      return NULL;
    }
  root = json_node_get_object (root_node);
  if (!lb_project_get_string (root, "", "format", TRUE, &format, error))
    return NULL;
  if (strcmp (format, LB_PROJECT_FORMAT) != 0)
    {
      lb_project_fail (error, "format", _("“%s” is not a Learnbench project (expected “%s”)"),
                       format, LB_PROJECT_FORMAT);
      return NULL;
    }
  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      lb_project_fail (error, "version", _("missing or not a whole number"));
      return NULL;
    }
  if (json_node_get_int (version) != LB_PROJECT_VERSION)
    {
      lb_project_fail (error, "version", _("version %" PRId64 " is not supported (this Learnbench reads version %d)"),
                       json_node_get_int (version), LB_PROJECT_VERSION);
      return NULL;
    }
  if (!lb_project_check_keys (root, "", keys, error)
      || !lb_project_get_string (root, "", "name", FALSE, &project->name, error)
      || !lb_project_get_string (root, "", "description", FALSE, &project->description, error)
      || !lb_project_get_string (root, "", "target", TRUE, &project->target, error)
      || !lb_project_get_scalar_string (root, "positive_class", &project->positive_class, error)
      || !lb_project_get_string_list (root, "", "drop", TRUE, &project->drop, error))
    return NULL;
  if (project->drop == NULL)
    project->drop = g_new0 (char *, 1);
  if (g_strv_contains ((const char * const *) project->drop, project->target))
    {
      lb_project_fail (error, "drop", _("the target “%s” cannot be dropped"), project->target);
      return NULL;
    }
  seed = json_object_get_member (root, "seed");
  if (seed != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (seed) || json_node_get_value_type (seed) != G_TYPE_INT64
          || json_node_get_int (seed) < 0)
        {
          lb_project_fail (error, "seed", _("must be a whole number >= 0"));
          return NULL;
        }
      project->seed = (guint64) json_node_get_int (seed);
    }

  if (!parse_data (project, root, error)
      || !parse_split (project, root, error)
      || !parse_pipeline (project, root, error))
    return NULL;
  project->models = parse_step_list (root, "", "models", TRUE, error);
  if (project->models == NULL
      || !lb_project_parse_evaluation (project, root, error)
      || !lb_project_parse_search (project, root, error)
      || !lb_project_parse_predict (project, root, error)
      || !lb_project_get_string (root, "", "save_model", FALSE, &save_model, error))
    return NULL;
  if (save_model != NULL)
    {
      project->save_model = lb_project_resolve_path (save_model, project->base_dir, "save_model", error);
      if (project->save_model == NULL)
        return NULL;
    }
  if (json_object_get_member (root, "workbench") != NULL)
    {
      /* The window's own state: only its shape is checked; a run ignores it. */
      JsonObject *workbench = lb_project_get_object (root, "", "workbench", FALSE, error);

      if (workbench == NULL)
        return NULL;
      project->workbench = json_object_ref (workbench);
    }
  return g_steal_pointer (&project);
}

LbProject *
lb_project_load_from_data (const char *data,
                           gssize      length,
                           const char *base_dir,
                           GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  g_return_val_if_fail (data != NULL, NULL);
  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  return project_from_root (json_parser_get_root (parser), NULL, base_dir, error);
}

LbProject *
lb_project_load (const char *path,
                 GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *absolute = NULL, *dir = NULL;
  LbProject *project;

  g_return_val_if_fail (path != NULL, NULL);
  absolute = g_canonicalize_filename (path, NULL);
  if (!json_parser_load_from_mapped_file (parser, absolute, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  dir = g_path_get_dirname (absolute);
  project = project_from_root (json_parser_get_root (parser), absolute, dir, error);
  if (project == NULL)
    g_prefix_error (error, "%s: ", path);
  return project;
}
