/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-workbench.c: the project open in a window, as the project file's JSON
 * pieces plus the window-only state ("workbench": task, notes, checklist,
 * seal and unseal log, results, page states). The split's rows come from the
 * engine's own split code and the data preparation from the engine's runner,
 * so what the window shows is what `learnbench run` computes for the saved
 * file. Saves are atomic: a failed save leaves the old file as it was.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lb-workbench.h"

struct _LbWorkbench
{
  GObject parent_instance;

  GMutex      table_lock;    /* guards the table pointer for prepare_data's job */
  LbTable    *table;
  LbTable    *train_table;   /* cache */
  char       *data_path;
  char       *data_sample;
  JsonObject *data_options;  /* "data" members besides path / sample, kept as loaded */

  char       *name;
  char       *description;
  guint64     seed;
  char       *target;
  LbTask      task;
  char       *scoring;
  char       *positive_class;
  char       *notes;
  char      **drop;

  JsonObject *split;         /* NULL: no test set */
  LbSplit    *split_rows;
  gboolean    sealed;
  JsonArray  *unseal_log;

  JsonObject *pipeline;
  JsonArray  *models;
  JsonObject *evaluation;
  JsonObject *search;
  JsonObject *extra;         /* top-level keys the window does not edit ("predict", "save_model") */

  JsonObject *results;
  JsonObject *pages;
  GHashTable *done;

  char       *file;
  char       *autosave_of;   /* read from an autosave */
  gboolean    dirty;
  guint       loading;       /* > 0 while a project loads: no dirtying */
};

G_DEFINE_FINAL_TYPE (LbWorkbench, lb_workbench, G_TYPE_OBJECT)
G_DEFINE_QUARK (lb-workbench-error-quark, lb_workbench_error)

enum { SIGNAL_CHANGED, SIGNAL_JOB_STARTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const steps[] = {
  LB_STEP_FRAME, LB_STEP_DATA, LB_STEP_EXPLORE, LB_STEP_PREPARE,
  LB_STEP_SHORTLIST, LB_STEP_FINETUNE, LB_STEP_PRESENT, LB_STEP_LAUNCH, NULL
};

/* --- JSON helpers --- */

static JsonNode *
deep_copy_node (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *src = json_node_get_object (node);
      JsonObject *dst = json_object_new ();
      JsonNode *copy = json_node_new (JSON_NODE_OBJECT);
      g_autoptr (GList) members = json_object_get_members (src);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (dst, l->data, deep_copy_node (json_object_get_member (src, l->data)));
      json_node_take_object (copy, dst);
      return copy;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *src = json_node_get_array (node);
      JsonArray *dst = json_array_sized_new (json_array_get_length (src));
      JsonNode *copy = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < json_array_get_length (src); i++)
        json_array_add_element (dst, deep_copy_node (json_array_get_element (src, i)));
      json_node_take_array (copy, dst);
      return copy;
    }
  return json_node_copy (node);
}

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) copy = NULL;

  if (object == NULL)
    return NULL;
  node = json_node_init_object (json_node_alloc (), object);
  copy = deep_copy_node (node);
  return json_object_ref (json_node_get_object (copy));
}

static JsonArray *
copy_array (JsonArray *array)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) copy = NULL;

  if (array == NULL)
    return NULL;
  node = json_node_init_array (json_node_alloc (), array);
  copy = deep_copy_node (node);
  return json_array_ref (json_node_get_array (copy));
}

static void
set_object_member (JsonObject *target,
                   const char *member,
                   JsonObject *value)
{
  if (value != NULL)
    json_object_set_object_member (target, member, copy_object (value));
}

/* --- tasks and scorers --- */

const char *
lb_task_to_string (LbTask task)
{
  switch (task)
    {
    case LB_TASK_REGRESSION: return "regression";
    case LB_TASK_BINARY:     return "binary";
    case LB_TASK_MULTICLASS: return "multiclass";
    case LB_TASK_NONE:
    default:                 return "none";
    }
}

LbTask
lb_task_from_string (const char *name)
{
  if (g_strcmp0 (name, "regression") == 0)
    return LB_TASK_REGRESSION;
  if (g_strcmp0 (name, "binary") == 0)
    return LB_TASK_BINARY;
  if (g_strcmp0 (name, "multiclass") == 0)
    return LB_TASK_MULTICLASS;
  return LB_TASK_NONE;
}

const char *
lb_task_get_label (LbTask task)
{
  switch (task)
    {
    case LB_TASK_REGRESSION: return _("Regression (predict a value)");
    case LB_TASK_BINARY:     return _("Binary classification (two classes)");
    case LB_TASK_MULTICLASS: return _("Multiclass classification");
    case LB_TASK_NONE:
    default:                 return _("No task yet");
    }
}

static const char * const regression_scorings[] = {
  "neg_root_mean_squared_error", "neg_mean_absolute_error", "r2", "neg_mean_squared_error",
  "neg_median_absolute_error", "explained_variance", NULL
};
static const char * const binary_scorings[] = {
  "f1", "accuracy", "precision", "recall", "roc_auc", "average_precision", "neg_log_loss",
  "balanced_accuracy", NULL
};
static const char * const multiclass_scorings[] = {
  "accuracy", "balanced_accuracy", "f1_macro", "f1_weighted", "precision_macro", "recall_macro",
  "roc_auc_ovr", "neg_log_loss", NULL
};
static const char * const no_scorings[] = { NULL };

const char * const *
lb_task_list_scorings (LbTask task)
{
  switch (task)
    {
    case LB_TASK_REGRESSION: return regression_scorings;
    case LB_TASK_BINARY:     return binary_scorings;
    case LB_TASK_MULTICLASS: return multiclass_scorings;
    case LB_TASK_NONE:
    default:                 return no_scorings;
    }
}

const char *
lb_workbench_scoring_label (const char *scoring)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "neg_root_mean_squared_error", N_("RMSE (root mean squared error)") },
    { "neg_mean_absolute_error",     N_("MAE (mean absolute error)") },
    { "neg_mean_squared_error",      N_("MSE (mean squared error)") },
    { "neg_median_absolute_error",   N_("Median absolute error") },
    { "r2",                          N_("R² (coefficient of determination)") },
    { "explained_variance",          N_("Explained variance") },
    { "accuracy",                    N_("Accuracy") },
    { "balanced_accuracy",           N_("Balanced accuracy") },
    { "precision",                   N_("Precision") },
    { "recall",                      N_("Recall") },
    { "f1",                          N_("F1 score") },
    { "precision_macro",             N_("Precision (macro average)") },
    { "recall_macro",                N_("Recall (macro average)") },
    { "f1_macro",                    N_("F1 (macro average)") },
    { "f1_weighted",                 N_("F1 (weighted average)") },
    { "roc_auc",                     N_("ROC AUC") },
    { "roc_auc_ovr",                 N_("ROC AUC (one vs rest)") },
    { "average_precision",           N_("Average precision (PR AUC)") },
    { "neg_log_loss",                N_("Log loss") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].name, scoring) == 0)
      return _(labels[i].label);
  return scoring;
}

LbTask
lb_workbench_detect_task (LbTable    *table,
                          const char *column_name,
                          char      **positive_class)
{
  LbColumn *column;

  if (positive_class != NULL)
    *positive_class = NULL;
  if (table == NULL || column_name == NULL)
    return LB_TASK_NONE;
  column = lb_table_get_column_by_name (table, column_name);
  if (column == NULL)
    return LB_TASK_NONE;
  switch (lb_column_get_kind (column))
    {
    case LB_COLUMN_CATEGORICAL:
      return lb_column_get_n_categories (column) <= 2 ? LB_TASK_BINARY : LB_TASK_MULTICLASS;
    case LB_COLUMN_NUMERIC:
      {
        const double *v = lb_column_get_numeric (column);
        gsize n = lb_column_get_n_rows (column);
        double a = NAN, b = NAN;
        gsize ia = 0, ib = 0;
        gboolean more = FALSE;

        /* exactly two distinct values (0 / 1): classes, the greater positive */
        for (gsize i = 0; i < n && !more; i++)
          {
            if (isnan (v[i]) || v[i] == a || v[i] == b)
              continue;
            if (isnan (a))
              a = v[i], ia = i;
            else if (isnan (b))
              b = v[i], ib = i;
            else
              more = TRUE;
          }
        if (!more && !isnan (b))
          {
            if (positive_class != NULL)
              *positive_class = lb_column_format_value (column, a > b ? ia : ib);  /* as the engine compares */
            return LB_TASK_BINARY;
          }
        return LB_TASK_REGRESSION;
      }
    case LB_COLUMN_TEXT:
    default:
      return LB_TASK_NONE;
    }
}

/* --- steps --- */

const char * const *
lb_workbench_list_steps (void)
{
  return steps;
}

const char *
lb_workbench_step_title (const char *step)
{
  static const struct { const char *step; const char *title; } titles[] = {
    { LB_STEP_FRAME,     N_("Frame the problem") },
    { LB_STEP_DATA,      N_("Get the data") },
    { LB_STEP_EXPLORE,   N_("Explore") },
    { LB_STEP_PREPARE,   N_("Prepare") },
    { LB_STEP_SHORTLIST, N_("Shortlist models") },
    { LB_STEP_FINETUNE,  N_("Fine-tune") },
    { LB_STEP_PRESENT,   N_("Present") },
    { LB_STEP_LAUNCH,    N_("Launch") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].step, step) == 0)
      return _(titles[i].title);
  return step;
}

/* --- changes --- */

static void
emit_changed_full (LbWorkbench *self,
                   guint        flags,
                   gboolean     dirtying)
{
  if (self->loading > 0)
    return;
  if (dirtying && (flags & ~LB_WORKBENCH_CHANGED_FILE) != 0 && !self->dirty)
    {
      self->dirty = TRUE;
      flags |= LB_WORKBENCH_CHANGED_FILE;
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, flags);
}

static void
emit_changed (LbWorkbench *self,
              guint        flags)
{
  emit_changed_full (self, flags, TRUE);
}

void
lb_workbench_track_job (LbWorkbench *self,
                        LbJob       *job)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));
  g_return_if_fail (LB_IS_JOB (job));

  g_signal_emit (self, signals[SIGNAL_JOB_STARTED], 0, job);
}

/* --- lifecycle --- */

static void
clear_state (LbWorkbench *self)
{
  g_mutex_lock (&self->table_lock);
  g_clear_pointer (&self->table, lb_table_unref);
  g_mutex_unlock (&self->table_lock);
  g_clear_pointer (&self->train_table, lb_table_unref);
  g_clear_pointer (&self->data_path, g_free);
  g_clear_pointer (&self->data_sample, g_free);
  g_clear_pointer (&self->data_options, json_object_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->scoring, g_free);
  g_clear_pointer (&self->positive_class, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->drop, g_strfreev);
  g_clear_pointer (&self->split, json_object_unref);
  g_clear_pointer (&self->split_rows, lb_split_unref);
  g_clear_pointer (&self->unseal_log, json_array_unref);
  g_clear_pointer (&self->pipeline, json_object_unref);
  g_clear_pointer (&self->models, json_array_unref);
  g_clear_pointer (&self->evaluation, json_object_unref);
  g_clear_pointer (&self->search, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->results, json_object_unref);
  g_clear_pointer (&self->pages, json_object_unref);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->autosave_of, g_free);

  self->seed = 42;
  self->task = LB_TASK_NONE;
  self->sealed = FALSE;
  self->dirty = FALSE;
  self->drop = g_new0 (char *, 1);
  self->unseal_log = json_array_new ();
  self->models = json_array_new ();
  self->evaluation = json_object_new ();
  self->extra = json_object_new ();
  self->results = json_object_new ();
  self->pages = json_object_new ();
  g_hash_table_remove_all (self->done);
}

static void
lb_workbench_finalize (GObject *object)
{
  LbWorkbench *self = LB_WORKBENCH (object);

  clear_state (self);
  g_clear_pointer (&self->drop, g_strfreev);
  g_clear_pointer (&self->unseal_log, json_array_unref);
  g_clear_pointer (&self->models, json_array_unref);
  g_clear_pointer (&self->evaluation, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->results, json_object_unref);
  g_clear_pointer (&self->pages, json_object_unref);
  g_hash_table_unref (self->done);
  g_mutex_clear (&self->table_lock);
  G_OBJECT_CLASS (lb_workbench_parent_class)->finalize (object);
}

static void
lb_workbench_class_init (LbWorkbenchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lb_workbench_finalize;

  /* "changed" (guint flags): LbWorkbenchChanged bits of what changed. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* "job-started" (LbJob *job): show @job in the window's job bar. */
  signals[SIGNAL_JOB_STARTED] = g_signal_new ("job-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, LB_TYPE_JOB);
}

static void
lb_workbench_init (LbWorkbench *self)
{
  g_mutex_init (&self->table_lock);
  self->done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  clear_state (self);
}

LbWorkbench *
lb_workbench_new (void)
{
  return g_object_new (LB_TYPE_WORKBENCH, NULL);
}

void
lb_workbench_reset (LbWorkbench *self)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));

  clear_state (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) 0x3ff);
}

/* --- the split's rows --- */

static char *
dup_base_dir (LbWorkbench *self)
{
  return self->file != NULL ? g_path_get_dirname (self->file) : g_get_current_dir ();
}

/* Parses @split (a "split" object) as the engine would; NULL object = none. */
static gboolean
parse_split (LbWorkbench    *self,
             JsonObject     *split,
             LbProjectSplit *out,
             GError        **error)
{
  g_autoptr (JsonObject) root = json_object_new ();
  g_autofree char *base_dir = dup_base_dir (self);

  if (split != NULL)
    json_object_set_object_member (root, "split", json_object_ref (split));
  return lb_project_split_parse (root, base_dir, out, error);
}

static LbSplit *
compute_rows (LbWorkbench *self,
              JsonObject  *split,
              GError     **error)
{
  LbProjectSplit parsed = { 0 };
  LbSplit *rows;
  const char *help = self->data_options != NULL && json_object_has_member (self->data_options, "help")
                       ? json_object_get_string_member (self->data_options, "help") : NULL;

  if (!parse_split (self, split, &parsed, error))
    {
      lb_project_split_clear (&parsed);
      return NULL;
    }
  if (self->table == NULL)
    {
      lb_project_split_clear (&parsed);
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_NO_DATA, _("Open a data set first."));
      return NULL;
    }
  rows = lb_project_split_rows (&parsed, self->seed, help, self->table, error);
  lb_project_split_clear (&parsed);
  return rows;
}

/* Recomputes the rows for the current table and seed; drops the split when
 * it no longer applies (its column went away). */
static void
refresh_split (LbWorkbench *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->split_rows, lb_split_unref);
  g_clear_pointer (&self->train_table, lb_table_unref);
  if (self->split == NULL || self->table == NULL)
    return;
  self->split_rows = compute_rows (self, self->split, &error);
  if (self->split_rows == NULL)
    {
      g_message ("the test set no longer applies: %s", error->message);
      g_clear_pointer (&self->split, json_object_unref);
      self->sealed = FALSE;
    }
}

gboolean
lb_workbench_set_split (LbWorkbench *self,
                        JsonObject  *split,
                        GError     **error)
{
  LbProjectSplit parsed = { 0 };
  gboolean none;

  g_return_val_if_fail (LB_IS_WORKBENCH (self), FALSE);

  if (!parse_split (self, split, &parsed, error))
    {
      lb_project_split_clear (&parsed);
      return FALSE;
    }
  none = parsed.kind == LB_PROJECT_SPLIT_NONE;
  lb_project_split_clear (&parsed);
  if (!none && self->table != NULL)
    {
      LbSplit *rows = compute_rows (self, split, error);

      if (rows == NULL)
        return FALSE;
      g_clear_pointer (&self->split_rows, lb_split_unref);
      self->split_rows = rows;
    }
  else
    g_clear_pointer (&self->split_rows, lb_split_unref);
  g_clear_pointer (&self->train_table, lb_table_unref);
  g_clear_pointer (&self->split, json_object_unref);
  self->split = none ? NULL : copy_object (split);
  /* A new test set is sealed: nothing shows its rows until step 6. */
  self->sealed = !none;
  emit_changed (self, LB_WORKBENCH_CHANGED_SPLIT);
  return TRUE;
}

JsonObject *
lb_workbench_get_split (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->split;
}

LbSplit *
lb_workbench_get_split_rows (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->split_rows;
}

gsize
lb_workbench_get_n_test (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), 0);
  return self->split_rows != NULL ? lb_split_get_n_test (self->split_rows) : 0;
}

gboolean
lb_workbench_get_sealed (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), FALSE);
  return self->split != NULL && self->sealed;
}

gboolean
lb_workbench_get_ever_unsealed (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), FALSE);
  return json_array_get_length (self->unseal_log) > 0;
}

void
lb_workbench_unseal (LbWorkbench *self,
                     const char  *reason)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *time = NULL;
  JsonObject *entry;

  g_return_if_fail (LB_IS_WORKBENCH (self));
  if (self->split == NULL || !self->sealed)
    return;
  now = g_date_time_new_now_utc ();
  time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");  /* ISO 8601, to the second */
  entry = json_object_new ();
  json_object_set_string_member (entry, "time", time);
  json_object_set_string_member (entry, "reason", reason != NULL ? reason : "");
  json_array_add_object_element (self->unseal_log, entry);
  self->sealed = FALSE;
  emit_changed (self, LB_WORKBENCH_CHANGED_SPLIT);
}

JsonArray *
lb_workbench_get_unseal_log (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->unseal_log;
}

LbTable *
lb_workbench_dup_test_table (LbWorkbench *self,
                             GError     **error)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);

  if (self->table == NULL)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_NO_DATA, _("Open a data set first."));
      return NULL;
    }
  if (self->split_rows == NULL || lb_split_get_n_test (self->split_rows) == 0)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                   _("There is no test set: create one in “Get the data”."));
      return NULL;
    }
  if (self->sealed)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_SEALED,
                   _("The test set is sealed: only the final evaluation in “Fine-tune” opens it."));
      return NULL;
    }
  return lb_split_take_test_table (self->split_rows, self->table);
}

/* --- data --- */

static gboolean
same_columns (LbTable *a,
              LbTable *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  /* a table with extra columns (a combined attribute) still applies */
  for (guint c = 0; c < lb_table_get_n_columns (a); c++)
    if (lb_table_find_column (b, lb_column_get_name (lb_table_get_column (a, c))) < 0)
      return FALSE;
  return TRUE;
}

void
lb_workbench_set_data (LbWorkbench *self,
                       LbTable     *table,
                       const char  *path,
                       const char  *sample)
{
  guint flags = LB_WORKBENCH_CHANGED_DATA;
  gboolean keep, dirtying;

  g_return_if_fail (LB_IS_WORKBENCH (self));

  /* Only a change of what the project records dirties it: the same file
   * again (a project's data arriving, a combined attribute kept in memory)
   * does not, nor does a first data set in an empty window. */
  dirtying = (g_strcmp0 (path, self->data_path) != 0 || g_strcmp0 (sample, self->data_sample) != 0)
             && (self->data_path != NULL || self->data_sample != NULL || self->file != NULL
                 || self->target != NULL);

  /* Keep the framing when the columns still apply: the same file again, a
   * combined attribute, or the first table of a project just opened. */
  keep = self->table == NULL || same_columns (self->table, table);
  if (table != NULL && self->target != NULL && lb_table_find_column (table, self->target) < 0)
    keep = FALSE;

  if (g_strcmp0 (path, self->data_path) != 0 || g_strcmp0 (sample, self->data_sample) != 0)
    {
      g_clear_pointer (&self->data_options, json_object_unref);
      g_free (self->data_path);
      self->data_path = g_strdup (path);
      g_free (self->data_sample);
      self->data_sample = g_strdup (sample);
    }

  g_mutex_lock (&self->table_lock);
  if (table != NULL)
    lb_table_ref (table);
  g_clear_pointer (&self->table, lb_table_unref);
  self->table = table;
  g_mutex_unlock (&self->table_lock);

  if (!keep)
    {
      g_clear_pointer (&self->target, g_free);
      g_clear_pointer (&self->positive_class, g_free);
      g_clear_pointer (&self->scoring, g_free);
      json_object_remove_member (self->evaluation, "scoring");
      self->task = LB_TASK_NONE;
      g_clear_pointer (&self->split, json_object_unref);
      self->sealed = FALSE;
      g_clear_pointer (&self->results, json_object_unref);
      self->results = json_object_new ();
      flags |= LB_WORKBENCH_CHANGED_FRAME | LB_WORKBENCH_CHANGED_SPLIT | LB_WORKBENCH_CHANGED_RESULTS;
    }
  {
    gboolean had_split = self->split != NULL;

    refresh_split (self);
    if (had_split)
      flags |= LB_WORKBENCH_CHANGED_SPLIT;
  }
  if (table != NULL && self->target != NULL && self->task == LB_TASK_NONE)
    {
      g_autofree char *positive = NULL;

      self->task = lb_workbench_detect_task (table, self->target, &positive);
      flags |= LB_WORKBENCH_CHANGED_FRAME;
    }
  emit_changed_full (self, flags, dirtying);
}

LbTable *
lb_workbench_get_table (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->table;
}

const char *
lb_workbench_get_data_path (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->data_path;
}

const char *
lb_workbench_get_data_sample (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->data_sample;
}

LbTable *
lb_workbench_get_train_table (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);

  if (self->table == NULL)
    return NULL;
  if (self->split_rows == NULL || lb_split_get_n_test (self->split_rows) == 0)
    return self->table;
  if (self->train_table == NULL)
    {
      g_autoptr (LbTable) rows = lb_split_take_train_table (self->split_rows, self->table);
      const char *source = lb_table_get_source (self->table);
      g_autofree char *label = NULL;

      /* Translators: a table's source label: "housing.csv (training set)" */
      label = g_strdup_printf (_("%s (training set)"), source != NULL ? source : _("data"));
      self->train_table = lb_table_with_source (rows, label);
    }
  return self->train_table;
}

/* --- framing --- */

const char *
lb_workbench_get_target (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->target;
}

static void
set_scoring_internal (LbWorkbench *self,
                      const char  *scoring)
{
  g_free (self->scoring);
  self->scoring = g_strdup (scoring);
  if (scoring != NULL)
    json_object_set_string_member (self->evaluation, "scoring", scoring);
  else
    json_object_remove_member (self->evaluation, "scoring");
}

/* The default scorer when the current one does not fit the task. */
static void
fit_scoring_to_task (LbWorkbench *self)
{
  const char * const *list = lb_task_list_scorings (self->task);

  if (self->scoring != NULL && g_strv_contains (list, self->scoring))
    return;
  set_scoring_internal (self, list[0]);
}

void
lb_workbench_set_target (LbWorkbench *self,
                         const char  *column)
{
  g_autofree char *positive = NULL;

  g_return_if_fail (LB_IS_WORKBENCH (self));

  if (column != NULL && *column == '\0')
    column = NULL;
  g_free (self->target);
  self->target = g_strdup (column);
  self->task = lb_workbench_detect_task (self->table, column, &positive);
  g_free (self->positive_class);
  self->positive_class = g_steal_pointer (&positive);
  if (column == NULL)
    set_scoring_internal (self, NULL);
  else
    fit_scoring_to_task (self);
  emit_changed (self, LB_WORKBENCH_CHANGED_FRAME);
}

LbTask
lb_workbench_get_task (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), LB_TASK_NONE);
  return self->task;
}

void
lb_workbench_set_task (LbWorkbench *self,
                       LbTask       task)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));

  if (task == self->task)
    return;
  self->task = task;
  if (task != LB_TASK_BINARY)
    g_clear_pointer (&self->positive_class, g_free);
  else if (self->positive_class == NULL)
    {
      g_autofree char *positive = NULL;

      if (lb_workbench_detect_task (self->table, self->target, &positive) == LB_TASK_BINARY)
        self->positive_class = g_steal_pointer (&positive);
    }
  fit_scoring_to_task (self);
  emit_changed (self, LB_WORKBENCH_CHANGED_FRAME);
}

const char *
lb_workbench_get_scoring (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->scoring;
}

void
lb_workbench_set_scoring (LbWorkbench *self,
                          const char  *scoring)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));

  if (g_strcmp0 (scoring, self->scoring) == 0)
    return;
  set_scoring_internal (self, scoring);
  emit_changed (self, LB_WORKBENCH_CHANGED_FRAME | LB_WORKBENCH_CHANGED_EVALUATION);
}

const char *
lb_workbench_get_positive_class (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->positive_class;
}

void
lb_workbench_set_positive_class (LbWorkbench *self,
                                 const char  *positive_class)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));

  if (g_strcmp0 (positive_class, self->positive_class) == 0)
    return;
  g_free (self->positive_class);
  self->positive_class = g_strdup (positive_class);
  emit_changed (self, LB_WORKBENCH_CHANGED_FRAME);
}

const char *
lb_workbench_get_notes (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->notes != NULL ? self->notes : "";
}

void
lb_workbench_set_notes (LbWorkbench *self,
                        const char  *notes)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));

  if (g_strcmp0 (notes != NULL ? notes : "", lb_workbench_get_notes (self)) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (notes);
  emit_changed (self, LB_WORKBENCH_CHANGED_FRAME);
}

const char *
lb_workbench_get_name (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->name;
}

void
lb_workbench_set_name (LbWorkbench *self,
                       const char  *name)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));

  if (name != NULL && *name == '\0')
    name = NULL;
  if (g_strcmp0 (name, self->name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  emit_changed (self, LB_WORKBENCH_CHANGED_FRAME);
}

guint64
lb_workbench_get_seed (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), 42);
  return self->seed;
}

void
lb_workbench_set_seed (LbWorkbench *self,
                       guint64      seed)
{
  guint flags = LB_WORKBENCH_CHANGED_EVALUATION;

  g_return_if_fail (LB_IS_WORKBENCH (self));

  if (seed == self->seed)
    return;
  self->seed = MIN (seed, (guint64) G_MAXINT64);
  if (self->split != NULL)
    {
      refresh_split (self);
      flags |= LB_WORKBENCH_CHANGED_SPLIT;
    }
  emit_changed (self, flags);
}

const char * const *
lb_workbench_get_drop (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return (const char * const *) self->drop;
}

void
lb_workbench_set_drop (LbWorkbench        *self,
                       const char * const *columns)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));

  g_strfreev (self->drop);
  self->drop = columns != NULL ? g_strdupv ((char **) columns) : g_new0 (char *, 1);
  emit_changed (self, LB_WORKBENCH_CHANGED_PIPELINE);
}

/* --- pipeline, models, evaluation, search --- */

JsonObject *
lb_workbench_get_pipeline (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->pipeline;
}

void
lb_workbench_set_pipeline (LbWorkbench *self,
                           JsonObject  *pipeline)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));

  g_clear_pointer (&self->pipeline, json_object_unref);
  self->pipeline = copy_object (pipeline);
  emit_changed (self, LB_WORKBENCH_CHANGED_PIPELINE);
}

JsonArray *
lb_workbench_get_models (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->models;
}

void
lb_workbench_set_models (LbWorkbench *self,
                         JsonArray   *models)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));

  g_clear_pointer (&self->models, json_array_unref);
  self->models = models != NULL ? copy_array (models) : json_array_new ();
  emit_changed (self, LB_WORKBENCH_CHANGED_MODELS);
}

JsonObject *
lb_workbench_get_evaluation (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->evaluation;
}

void
lb_workbench_set_evaluation (LbWorkbench *self,
                             JsonObject  *evaluation)
{
  guint flags = LB_WORKBENCH_CHANGED_EVALUATION;

  g_return_if_fail (LB_IS_WORKBENCH (self));

  g_clear_pointer (&self->evaluation, json_object_unref);
  self->evaluation = evaluation != NULL ? copy_object (evaluation) : json_object_new ();
  /* the scorer lives in both places: the frame's measure is evaluation.scoring */
  if (json_object_has_member (self->evaluation, "scoring"))
    {
      const char *scoring = json_object_get_string_member (self->evaluation, "scoring");

      if (g_strcmp0 (scoring, self->scoring) != 0)
        flags |= LB_WORKBENCH_CHANGED_FRAME;
      g_free (self->scoring);
      self->scoring = g_strdup (scoring);
    }
  else if (self->scoring != NULL)
    json_object_set_string_member (self->evaluation, "scoring", self->scoring);
  emit_changed (self, flags);
}

JsonObject *
lb_workbench_get_search (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->search;
}

void
lb_workbench_set_search (LbWorkbench *self,
                         JsonObject  *search)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));

  g_clear_pointer (&self->search, json_object_unref);
  self->search = copy_object (search);
  emit_changed (self, LB_WORKBENCH_CHANGED_SEARCH);
}

/* --- results, page states, checklist --- */

JsonNode *
lb_workbench_get_result (LbWorkbench *self,
                         const char  *key)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return json_object_get_member (self->results, key);
}

void
lb_workbench_set_result (LbWorkbench *self,
                         const char  *key,
                         JsonNode    *value)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));
  g_return_if_fail (key != NULL);

  if (value != NULL)
    json_object_set_member (self->results, key, json_node_ref (value));
  else if (json_object_has_member (self->results, key))
    json_object_remove_member (self->results, key);
  else
    return;
  emit_changed (self, LB_WORKBENCH_CHANGED_RESULTS);
}

JsonNode *
lb_workbench_get_page_state (LbWorkbench *self,
                             const char  *step)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return json_object_get_member (self->pages, step);
}

void
lb_workbench_set_page_state (LbWorkbench *self,
                             const char  *step,
                             JsonNode    *state)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));
  g_return_if_fail (step != NULL);

  if (state != NULL)
    json_object_set_member (self->pages, step, json_node_ref (state));
  else if (json_object_has_member (self->pages, step))
    json_object_remove_member (self->pages, step);
  else
    return;
  /* a view's state is saved with the project but is not a change of the work */
  if (!self->dirty && self->loading == 0)
    {
      self->dirty = TRUE;
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) LB_WORKBENCH_CHANGED_FILE);
    }
}

gboolean
lb_workbench_get_step_done (LbWorkbench *self,
                            const char  *step)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), FALSE);
  return step != NULL && g_hash_table_contains (self->done, step);
}

void
lb_workbench_set_step_done (LbWorkbench *self,
                            const char  *step,
                            gboolean     done)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));
  g_return_if_fail (step != NULL && g_strv_contains (steps, step));

  if (done == lb_workbench_get_step_done (self, step))
    return;
  if (done)
    g_hash_table_add (self->done, g_strdup (step));
  else
    g_hash_table_remove (self->done, step);
  emit_changed (self, LB_WORKBENCH_CHANGED_CHECKLIST);
}

/* --- to JSON --- */

/* ${LEARNBENCH_TEST_DATA}/… for a file under the book's data folder, so that
 * the project opens on another machine with the data elsewhere. */
static char *
portable_data_path (const char *path)
{
  g_autofree char *dir = lb_project_dup_test_data_dir ();
  g_autofree char *canonical = g_canonicalize_filename (dir, NULL);
  gsize n = strlen (canonical);

  if (n > 1 && strncmp (path, canonical, n) == 0 && path[n] == '/')
    return g_strconcat ("${LEARNBENCH_TEST_DATA}", path + n, NULL);
  return g_strdup (path);
}

JsonNode *
lb_workbench_to_json (LbWorkbench *self)
{
  g_autoptr (JsonObject) root = json_object_new ();
  JsonObject *data = json_object_new ();
  JsonObject *wb = json_object_new ();
  JsonObject *evaluation;
  JsonArray *checklist = json_array_new ();
  g_autoptr (GList) extra = NULL;

  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);

  json_object_set_string_member (root, "format", LB_PROJECT_FORMAT);
  json_object_set_int_member (root, "version", LB_PROJECT_VERSION);
  if (self->name != NULL)
    json_object_set_string_member (root, "name", self->name);
  if (self->description != NULL)
    json_object_set_string_member (root, "description", self->description);
  json_object_set_int_member (root, "seed", (gint64) self->seed);

  if (self->data_path != NULL)
    {
      g_autofree char *path = portable_data_path (self->data_path);

      json_object_set_string_member (data, "path", path);
    }
  else if (self->data_sample != NULL)
    json_object_set_string_member (data, "sample", self->data_sample);
  if (self->data_options != NULL)
    {
      g_autoptr (GList) members = json_object_get_members (self->data_options);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (data, l->data,
                                deep_copy_node (json_object_get_member (self->data_options, l->data)));
    }
  json_object_set_object_member (root, "data", data);

  if (self->target != NULL)
    json_object_set_string_member (root, "target", self->target);
  if (self->task == LB_TASK_BINARY && self->positive_class != NULL)
    json_object_set_string_member (root, "positive_class", self->positive_class);
  if (self->drop[0] != NULL)
    {
      JsonArray *drop = json_array_new ();

      for (guint i = 0; self->drop[i] != NULL; i++)
        json_array_add_string_element (drop, self->drop[i]);
      json_object_set_array_member (root, "drop", drop);
    }
  set_object_member (root, "split", self->split);
  set_object_member (root, "pipeline", self->pipeline);
  json_object_set_array_member (root, "models", copy_array (self->models));
  evaluation = copy_object (self->evaluation);
  if (self->scoring != NULL)
    json_object_set_string_member (evaluation, "scoring", self->scoring);
  json_object_set_object_member (root, "evaluation", evaluation);
  set_object_member (root, "search", self->search);
  extra = json_object_get_members (self->extra);
  for (GList *l = extra; l != NULL; l = l->next)
    json_object_set_member (root, l->data, deep_copy_node (json_object_get_member (self->extra, l->data)));

  /* the window's own state */
  json_object_set_string_member (wb, "task", lb_task_to_string (self->task));
  json_object_set_string_member (wb, "notes", lb_workbench_get_notes (self));
  for (guint i = 0; steps[i] != NULL; i++)
    if (g_hash_table_contains (self->done, steps[i]))
      json_array_add_string_element (checklist, steps[i]);
  json_object_set_array_member (wb, "checklist", checklist);
  json_object_set_boolean_member (wb, "sealed", lb_workbench_get_sealed (self));
  json_object_set_array_member (wb, "unseal_log", copy_array (self->unseal_log));
  json_object_set_object_member (wb, "results", copy_object (self->results));
  json_object_set_object_member (wb, "pages", copy_object (self->pages));
  json_object_set_object_member (root, "workbench", wb);

  return json_node_init_object (json_node_alloc (), root);
}

char *
lb_workbench_to_data (LbWorkbench *self,
                      gsize       *length)
{
  g_autoptr (JsonNode) root = lb_workbench_to_json (self);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  char *text;
  gsize n;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &n);
  /* end with a newline, as a text file should */
  text = g_realloc (text, n + 2);
  text[n] = '\n';
  text[n + 1] = '\0';
  if (length != NULL)
    *length = n + 1;
  return text;
}

LbProject *
lb_workbench_build_project (LbWorkbench *self,
                            GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *base_dir = NULL;
  gsize length;

  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);

  if (self->data_path == NULL && self->data_sample == NULL)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_NO_DATA, _("Open a data set first."));
      return NULL;
    }
  if (self->target == NULL)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_NO_TARGET,
                   _("Choose the target (the value to predict) in “Frame the problem”."));
      return NULL;
    }
  if (self->task == LB_TASK_BINARY && self->positive_class == NULL && self->table != NULL)
    {
      LbColumn *column = lb_table_get_column_by_name (self->table, self->target);

      if (column != NULL && lb_column_get_kind (column) == LB_COLUMN_CATEGORICAL
          && lb_column_get_n_categories (column) > 2)
        {
          g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                       _("positive_class: “%s” has more than two classes; choose the positive one in “Frame the problem”."),
                       self->target);
          return NULL;
        }
    }
  text = lb_workbench_to_data (self, &length);
  base_dir = dup_base_dir (self);
  return lb_project_load_from_data (text, (gssize) length, base_dir, error);
}

gboolean
lb_workbench_prepare_data (LbWorkbench   *self,
                           LbProject     *project,
                           LbProjectData *out,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr (LbTable) table = NULL;

  g_return_val_if_fail (LB_IS_WORKBENCH (self), FALSE);
  g_return_val_if_fail (project != NULL && out != NULL, FALSE);

  g_mutex_lock (&self->table_lock);
  table = self->table != NULL ? lb_table_ref (self->table) : NULL;
  g_mutex_unlock (&self->table_lock);
  if (table == NULL)
    {
      memset (out, 0, sizeof *out);
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_NO_DATA, _("Open a data set first."));
      return FALSE;
    }
  return lb_project_data_prepare_table (project, table, out, cancellable, error);
}

/* --- files --- */

const char *
lb_workbench_get_file (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->file;
}

gboolean
lb_workbench_get_dirty (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), FALSE);
  return self->dirty;
}

const char *
lb_workbench_get_autosave_of (LbWorkbench *self)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), NULL);
  return self->autosave_of;
}

void
lb_workbench_set_file (LbWorkbench *self,
                       const char  *path,
                       gboolean     dirty)
{
  g_return_if_fail (LB_IS_WORKBENCH (self));

  g_free (self->file);
  self->file = path != NULL ? g_canonicalize_filename (path, NULL) : NULL;
  self->dirty = dirty;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) LB_WORKBENCH_CHANGED_FILE);
}

static gboolean
write_atomically (LbWorkbench *self,
                  const char  *path,
                  gboolean     autosave,
                  GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr (GError) local = NULL;

  if (autosave)
    {
      /* the file the work belongs to, so a recovery knows where to save it */
      g_autoptr (JsonNode) root = lb_workbench_to_json (self);
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      JsonObject *wb = json_object_get_object_member (json_node_get_object (root), "workbench");

      if (self->file != NULL)
        json_object_set_string_member (wb, "autosave_of", self->file);
      else
        json_object_set_null_member (wb, "autosave_of");
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, &length);
    }
  else
    text = lb_workbench_to_data (self, &length);
  /* A temporary file beside @path, fsync'ed, then renamed over it: the old
   * file stays whole until the new one is complete on disk. */
  if (!g_file_set_contents_full (path, text, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local))
    {
      g_set_error (error, local->domain, local->code,
                   _("The project was not saved, and the file on disk is unchanged: %s"), local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
lb_workbench_save (LbWorkbench *self,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *old_file = NULL;

  g_return_val_if_fail (LB_IS_WORKBENCH (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  absolute = g_canonicalize_filename (path, NULL);
  /* the data path may be written relative to the project: set the file first */
  old_file = g_steal_pointer (&self->file);
  self->file = g_strdup (absolute);
  if (!write_atomically (self, absolute, FALSE, error))
    {
      g_free (self->file);
      self->file = g_steal_pointer (&old_file);
      return FALSE;
    }
  self->dirty = FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) LB_WORKBENCH_CHANGED_FILE);
  return TRUE;
}

gboolean
lb_workbench_save_copy (LbWorkbench *self,
                        const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (LB_IS_WORKBENCH (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_atomically (self, path, TRUE, error);
}

/* --- loading --- */

static gboolean
fail_key (GError    **error,
          const char *path,
          const char *message)
{
  g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID, "%s: %s", path, message);
  return FALSE;
}

static JsonObject *
member_object (JsonObject *root,
               const char *member)
{
  JsonNode *node = json_object_get_member (root, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
member_string (JsonObject *root,
               const char *member)
{
  JsonNode *node = json_object_get_member (root, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

/* Reads what the window saved, also when the project is not complete yet (no
 * target, no model): `learnbench run` would refuse such a file, the window
 * carries on with it. A complete project is validated as the engine does. */
gboolean
lb_workbench_load_project (LbWorkbench *self,
                           const char  *path,
                           GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *absolute = NULL;
  g_autofree char *base_dir = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  LbProjectSplit parsed = { 0 };
  JsonObject *root, *data, *wb;
  JsonNode *node;
  const char *string;
  gsize length;

  g_return_val_if_fail (LB_IS_WORKBENCH (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  absolute = g_canonicalize_filename (path, NULL);
  base_dir = g_path_get_dirname (absolute);
  if (!g_file_get_contents (absolute, &text, &length, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, text, (gssize) length, &local))
    return fail_key (error, path, local->message);
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail_key (error, path, _("a project file holds one JSON object"));
  root = json_node_get_object (node);
  if (g_strcmp0 (member_string (root, "format"), LB_PROJECT_FORMAT) != 0)
    return fail_key (error, path, _("this is not a Learnbench project (“format” is not “learnbench-project”)"));
  data = member_object (root, "data");
  if (data == NULL)
    return fail_key (error, path, _("data: missing (required)"));

  /* a complete project must be one `learnbench run` accepts */
  if (json_object_has_member (root, "target") && json_object_has_member (root, "models")
      && json_array_get_length (json_object_get_array_member (root, "models")) > 0)
    {
      g_autoptr (LbProject) project = lb_project_load_from_data (text, (gssize) length, base_dir, &local);

      if (project == NULL)
        return fail_key (error, path, local->message);
    }
  {
    g_autoptr (JsonObject) split_root = json_object_new ();
    JsonObject *split = member_object (root, "split");

    if (split != NULL)
      json_object_set_object_member (split_root, "split", json_object_ref (split));
    if (!lb_project_split_parse (split_root, base_dir, &parsed, &local))
      {
        lb_project_split_clear (&parsed);
        return fail_key (error, path, local->message);
      }
  }

  /* Take it in. */
  self->loading++;
  clear_state (self);
  self->file = g_strdup (absolute);
  self->name = g_strdup (member_string (root, "name"));
  self->description = g_strdup (member_string (root, "description"));
  if (json_object_has_member (root, "seed"))
    self->seed = (guint64) MAX (json_object_get_int_member (root, "seed"), 0);

  if ((string = member_string (data, "path")) != NULL && !g_str_has_prefix (string, "sample:"))
    {
      self->data_path = lb_project_resolve_path (string, base_dir, "data.path", &local);
      if (self->data_path == NULL)
        {
          self->loading--;
          lb_project_split_clear (&parsed);
          return fail_key (error, path, local->message);
        }
    }
  else if (string != NULL)
    self->data_sample = g_strdup (string + strlen ("sample:"));
  else
    self->data_sample = g_strdup (member_string (data, "sample"));
  self->data_options = copy_object (data);
  json_object_remove_member (self->data_options, "path");
  json_object_remove_member (self->data_options, "sample");

  self->target = g_strdup (member_string (root, "target"));
  node = json_object_get_member (root, "positive_class");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    self->positive_class = json_node_get_value_type (node) == G_TYPE_STRING
                             ? g_strdup (json_node_get_string (node))
                             : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_object_has_member (root, "drop"))
    {
      JsonArray *drop = json_object_get_array_member (root, "drop");
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; drop != NULL && i < json_array_get_length (drop); i++)
        g_strv_builder_add (builder, json_array_get_string_element (drop, i));
      g_strfreev (self->drop);
      self->drop = g_strv_builder_end (builder);
    }
  if (parsed.kind != LB_PROJECT_SPLIT_NONE)
    self->split = copy_object (member_object (root, "split"));
  lb_project_split_clear (&parsed);
  self->pipeline = copy_object (member_object (root, "pipeline"));
  if (json_object_has_member (root, "models"))
    {
      json_array_unref (self->models);
      self->models = copy_array (json_object_get_array_member (root, "models"));
    }
  if (member_object (root, "evaluation") != NULL)
    {
      json_object_unref (self->evaluation);
      self->evaluation = copy_object (member_object (root, "evaluation"));
      self->scoring = g_strdup (member_string (self->evaluation, "scoring"));
    }
  self->search = copy_object (member_object (root, "search"));
  for (guint i = 0; i < 2; i++)
    {
      const char *key = i == 0 ? "predict" : "save_model";

      if (json_object_has_member (root, key))
        json_object_set_member (self->extra, key, deep_copy_node (json_object_get_member (root, key)));
    }

  wb = member_object (root, "workbench");
  if (wb != NULL)
    {
      JsonObject *object;
      JsonNode *member;

      self->task = lb_task_from_string (member_string (wb, "task"));
      self->autosave_of = g_strdup (member_string (wb, "autosave_of"));
      self->notes = g_strdup (member_string (wb, "notes"));
      member = json_object_get_member (wb, "checklist");
      if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *done = json_node_get_array (member);

          for (guint i = 0; i < json_array_get_length (done); i++)
            {
              const char *step = json_array_get_string_element (done, i);

              if (step != NULL && g_strv_contains (steps, step))
                g_hash_table_add (self->done, g_strdup (step));
            }
        }
      self->sealed = self->split != NULL
                     && (!json_object_has_member (wb, "sealed") || json_object_get_boolean_member (wb, "sealed"));
      member = json_object_get_member (wb, "unseal_log");
      if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        {
          json_array_unref (self->unseal_log);
          self->unseal_log = copy_array (json_node_get_array (member));
        }
      if ((object = member_object (wb, "results")) != NULL)
        {
          json_object_unref (self->results);
          self->results = copy_object (object);
        }
      if ((object = member_object (wb, "pages")) != NULL)
        {
          json_object_unref (self->pages);
          self->pages = copy_object (object);
        }
    }
  else
    self->sealed = self->split != NULL;
  if (self->target != NULL && self->task == LB_TASK_NONE)
    self->task = self->positive_class != NULL ? LB_TASK_BINARY : LB_TASK_NONE;  /* detected once the data is in */
  self->dirty = FALSE;
  self->loading--;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) 0x3ff);
  return TRUE;
}

/* --- the proportions table --- */

void
lb_proportions_free (LbProportions *p)
{
  if (p == NULL)
    return;
  g_free (p->overall);
  g_free (p->stratified);
  g_free (p->random);
  g_free (p);
}

static void
count_bins (const gint32 *codes,
            const guint  *rows,
            gsize         n_rows,
            guint64      *counts,
            guint64      *total)
{
  for (gsize i = 0; i < n_rows; i++)
    {
      gint32 c = codes[rows != NULL ? rows[i] : i];

      if (c >= 0)
        counts[c]++;
    }
  *total = n_rows;
}

LbProportions *
lb_proportions_compute (LbTable      *table,
                        const char   *column_name,
                        const double *edges,
                        guint         n_edges,
                        double        test_size,
                        guint64       seed,
                        GError      **error)
{
  g_autoptr (LbProportions) p = NULL;
  g_autoptr (LbSplit) stratified = NULL;
  g_autoptr (LbSplit) random = NULL;
  g_autofree gint32 *codes = NULL;
  LbColumn *column;
  const guint *rows;
  gsize n, n_rows;

  g_return_val_if_fail (table != NULL && column_name != NULL, NULL);

  column = lb_table_get_column_by_name (table, column_name);
  if (column == NULL || lb_column_get_kind (column) != LB_COLUMN_NUMERIC)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                   _("“%s” is not a numeric column, so it cannot be binned."), column_name);
      return NULL;
    }
  n = lb_table_get_n_rows (table);
  codes = g_new (gint32, MAX (n, 1));
  if (!lb_split_bin_values (lb_column_get_numeric (column), n, edges, n_edges, codes, error))
    return NULL;
  /* the same calls `learnbench run` makes for "stratified" and "random" */
  stratified = lb_split_stratified_by_bins (lb_column_get_numeric (column), n, edges, n_edges,
                                            test_size, seed, error);
  if (stratified == NULL)
    return NULL;
  random = lb_split_train_test (n, test_size, TRUE, seed, error);
  if (random == NULL)
    return NULL;

  p = g_new0 (LbProportions, 1);
  p->n_bins = n_edges - 1;
  p->overall = g_new0 (guint64, p->n_bins);
  p->stratified = g_new0 (guint64, p->n_bins);
  p->random = g_new0 (guint64, p->n_bins);
  count_bins (codes, NULL, n, p->overall, &p->n_overall);
  rows = lb_split_get_test (stratified, &n_rows);
  count_bins (codes, rows, n_rows, p->stratified, &p->n_stratified);
  rows = lb_split_get_test (random, &n_rows);
  count_bins (codes, rows, n_rows, p->random, &p->n_random);
  return g_steal_pointer (&p);
}

GArray *
lb_parse_bin_edges (const char *text,
                    GError    **error)
{
  g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto (GStrv) parts = NULL;

  if (text == NULL)
    text = "";
  parts = g_strsplit_set (text, ",; ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *s = g_strstrip (parts[i]);
      double v;
      char *end = NULL;

      if (*s == '\0')
        continue;
      if (g_ascii_strcasecmp (s, "inf") == 0 || g_ascii_strcasecmp (s, "+inf") == 0
          || strcmp (s, "∞") == 0)
        v = INFINITY;
      else if (g_ascii_strcasecmp (s, "-inf") == 0 || strcmp (s, "-∞") == 0)
        v = -INFINITY;
      else
        {
          v = g_ascii_strtod (s, &end);
          if (end == s || *end != '\0' || isnan (v))
            {
              g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                           _("“%s” is not a number (write edges like 0, 1.5, 3, inf)."), s);
              return NULL;
            }
        }
      if (edges->len > 0 && !(v > g_array_index (edges, double, edges->len - 1)))
        {
          g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                       _("The edges must increase (%g comes after %g)."),
                       v, g_array_index (edges, double, edges->len - 1));
          return NULL;
        }
      g_array_append_val (edges, v);
    }
  if (edges->len < 2)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                   _("Type at least two edges, e.g. 0, 1.5, 3, 4.5, 6, inf."));
      return NULL;
    }
  return g_steal_pointer (&edges);
}
