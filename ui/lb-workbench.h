/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-workbench.h: LbWorkbench, the state of the project open in a window —
 * the data, the framing (target, task, measure, notes), the test set and its
 * seal, the pipeline, the models, the evaluation and search settings, the
 * results the pages computed, and which checklist steps are done. Pages read
 * and edit it and redraw on its "changed" signal; it converts to and from
 * the project JSON that `learnbench run` reads (engine/lb-project.h), with
 * the window-only state under the "workbench" key, so the window and the
 * command line always run the same project.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lb-data.h"
#include "lb-engine.h"
#include "lb-project-private.h"

G_BEGIN_DECLS

#define LB_TYPE_WORKBENCH (lb_workbench_get_type ())
G_DECLARE_FINAL_TYPE (LbWorkbench, lb_workbench, LB, WORKBENCH, GObject)

#define LB_WORKBENCH_ERROR (lb_workbench_error_quark ())
GQuark lb_workbench_error_quark (void);

typedef enum
{
  LB_WORKBENCH_ERROR_SEALED,     /* the test set is sealed */
  LB_WORKBENCH_ERROR_NO_DATA,    /* no table yet */
  LB_WORKBENCH_ERROR_NO_TARGET,  /* no target chosen yet */
  LB_WORKBENCH_ERROR_INVALID,    /* a setting the project file would refuse (message names it) */
} LbWorkbenchError;

typedef enum
{
  LB_TASK_NONE,
  LB_TASK_REGRESSION,
  LB_TASK_BINARY,
  LB_TASK_MULTICLASS,
} LbTask;

/* The detail of the "changed" signal (guint flags): what changed. */
typedef enum
{
  LB_WORKBENCH_CHANGED_DATA       = 1 << 0,  /* table / data source */
  LB_WORKBENCH_CHANGED_FRAME      = 1 << 1,  /* target, task, scoring, notes, positive class */
  LB_WORKBENCH_CHANGED_SPLIT      = 1 << 2,  /* test set created / removed, sealed / unsealed */
  LB_WORKBENCH_CHANGED_PIPELINE   = 1 << 3,
  LB_WORKBENCH_CHANGED_MODELS     = 1 << 4,
  LB_WORKBENCH_CHANGED_EVALUATION = 1 << 5,
  LB_WORKBENCH_CHANGED_SEARCH     = 1 << 6,
  LB_WORKBENCH_CHANGED_RESULTS    = 1 << 7,
  LB_WORKBENCH_CHANGED_CHECKLIST  = 1 << 8,
  LB_WORKBENCH_CHANGED_FILE       = 1 << 9,  /* file name, dirty flag */
} LbWorkbenchChanged;

/* The checklist steps (page names in the window's stack, in order). */
#define LB_STEP_FRAME     "frame"
#define LB_STEP_DATA      "data"
#define LB_STEP_EXPLORE   "explore"
#define LB_STEP_PREPARE   "prepare"
#define LB_STEP_SHORTLIST "shortlist"
#define LB_STEP_FINETUNE  "finetune"
#define LB_STEP_PRESENT   "present"
#define LB_STEP_LAUNCH    "launch"

LbWorkbench *lb_workbench_new               (void);
/* Forgets everything (File > New). */
void         lb_workbench_reset             (LbWorkbench *self);

/* --- data --- */
/* @path: the file it came from (NULL for a sample); @sample: "moons"… or NULL.
 * A new table with the same columns keeps target, pipeline and models; a
 * different one resets what no longer applies. A combined attribute added in
 * Explore comes back here as a new table with the same source. */
void         lb_workbench_set_data          (LbWorkbench *self,
                                             LbTable     *table,
                                             const char  *path,
                                             const char  *sample);
LbTable     *lb_workbench_get_table         (LbWorkbench *self);  /* every row, or NULL */
const char  *lb_workbench_get_data_path     (LbWorkbench *self);
const char  *lb_workbench_get_data_sample   (LbWorkbench *self);
/* What the learner may look at: the training rows once a test set exists,
 * else every row (transfer none; NULL without data). */
LbTable     *lb_workbench_get_train_table   (LbWorkbench *self);

/* --- framing --- */
const char  *lb_workbench_get_target        (LbWorkbench *self);
/* Sets the target and detects the task (numeric with many values →
 * regression; 2 classes → binary; more → multiclass) and a default scoring. */
void         lb_workbench_set_target        (LbWorkbench *self,
                                             const char  *column);
LbTask       lb_workbench_get_task          (LbWorkbench *self);
void         lb_workbench_set_task          (LbWorkbench *self,
                                             LbTask       task);
/* A scorer name of engine/lb-metrics.h ("neg_root_mean_squared_error",
 * "neg_mean_absolute_error", "r2", "accuracy", "f1", "roc_auc" …). */
const char  *lb_workbench_get_scoring       (LbWorkbench *self);
void         lb_workbench_set_scoring       (LbWorkbench *self,
                                             const char  *scoring);
const char  *lb_workbench_get_positive_class (LbWorkbench *self); /* NULL: none */
void         lb_workbench_set_positive_class (LbWorkbench *self,
                                             const char  *positive_class);
const char  *lb_workbench_get_notes         (LbWorkbench *self);
void         lb_workbench_set_notes         (LbWorkbench *self,
                                             const char  *notes);

/* --- the test set --- */
/* @split: the project file's "split" object (kind random / stratified /
 * id_hash / index_files / none). The rows are computed with the same engine
 * code `learnbench run` uses; a new test set is sealed. */
gboolean     lb_workbench_set_split         (LbWorkbench *self,
                                             JsonObject  *split,
                                             GError     **error);
JsonObject  *lb_workbench_get_split         (LbWorkbench *self);  /* NULL: none */
LbSplit     *lb_workbench_get_split_rows    (LbWorkbench *self);  /* NULL: none */
gboolean     lb_workbench_get_sealed        (LbWorkbench *self);
/* Unseals and records the time and @reason in the project ("final evaluation"). */
void         lb_workbench_unseal            (LbWorkbench *self,
                                             const char  *reason);
JsonArray   *lb_workbench_get_unseal_log    (LbWorkbench *self);  /* [{ "time", "reason" }] */
/* The test rows: LB_WORKBENCH_ERROR_SEALED while sealed (transfer full). */
LbTable     *lb_workbench_dup_test_table    (LbWorkbench *self,
                                             GError     **error);

/* --- pipeline, models, evaluation, search: JSON in the project file's form
 * (engine/lb-project.h). The setters take a reference / copy; the getters
 * return the workbench's own (transfer none; do not modify). --- */
JsonObject  *lb_workbench_get_pipeline      (LbWorkbench *self);  /* {"groups": […], "remainder": …} or NULL */
void         lb_workbench_set_pipeline      (LbWorkbench *self,
                                             JsonObject  *pipeline);
JsonArray   *lb_workbench_get_models        (LbWorkbench *self);  /* [{"name","estimator","params"}], maybe empty */
void         lb_workbench_set_models        (LbWorkbench *self,
                                             JsonArray   *models);
JsonObject  *lb_workbench_get_evaluation    (LbWorkbench *self);  /* {"cv": {…}, "prepare": …} */
void         lb_workbench_set_evaluation    (LbWorkbench *self,
                                             JsonObject  *evaluation);
JsonObject  *lb_workbench_get_search        (LbWorkbench *self);  /* NULL: none */
void         lb_workbench_set_search        (LbWorkbench *self,
                                             JsonObject  *search);

/* --- the project --- */
/* The project JSON (transfer full) as `learnbench run` reads it, plus the
 * "workbench" object (task, notes, checklist, seal log, results). */
JsonNode    *lb_workbench_to_json           (LbWorkbench *self);
/* The engine's project for what is set now (validated: errors name the key);
 * the data file is not read again. @base_dir: where relative paths resolve
 * (NULL: the project file's folder or the current one). */
LbProject   *lb_workbench_build_project     (LbWorkbench *self,
                                             GError     **error);
/* Everything `learnbench run` would prepare before fitting models — the
 * split, the dropped columns, the pipeline's input matrices (the pipeline is
 * not fitted) — from the workbench's table, without reading the file again.
 * Heavy for big tables: call it from a job. */
gboolean     lb_workbench_prepare_data      (LbWorkbench   *self,
                                             LbProject     *project,
                                             LbProjectData *out,
                                             GCancellable  *cancellable,
                                             GError       **error);

/* --- results the pages computed, kept for the report and saved with the
 * project under "workbench.results": "shortlist", "search", "final",
 * "drift"… (transfer none / taken by reference). --- */
JsonNode    *lb_workbench_get_result        (LbWorkbench *self,
                                             const char  *key);
void         lb_workbench_set_result        (LbWorkbench *self,
                                             const char  *key,
                                             JsonNode    *value);

/* --- the checklist --- */
gboolean     lb_workbench_get_step_done     (LbWorkbench *self,
                                             const char  *step);
void         lb_workbench_set_step_done     (LbWorkbench *self,
                                             const char  *step,
                                             gboolean     done);

/* --- the file --- */
const char  *lb_workbench_get_file          (LbWorkbench *self);  /* NULL: never saved */
gboolean     lb_workbench_get_dirty         (LbWorkbench *self);
/* Atomic (write a temporary file, fsync, rename); a failure leaves the old
 * file intact and the workbench dirty. */
gboolean     lb_workbench_save              (LbWorkbench *self,
                                             const char  *path,
                                             GError     **error);
/* Reads the project (not its data: the window loads that as a job and then
 * calls lb_workbench_set_data; a missing data file asks the user). */
gboolean     lb_workbench_load_project      (LbWorkbench *self,
                                             const char  *path,
                                             GError     **error);

/* --- added by WB (the window's needs; pages may use them too) --- */

/* Signals (besides "changed" (guint flags)):
 *   "job-started" (LbJob *job): a page started a background job; the window
 *   shows it in its job bar (progress, ETA, Cancel). Pages call
 *   lb_workbench_track_job () — the one way to show a job. */
void         lb_workbench_track_job         (LbWorkbench *self,
                                             LbJob       *job);

/* The project's "name" (NULL: none; the window's title then shows the file
 * name) and top-level "seed" (default 42: the split, CV shuffles, models). */
const char  *lb_workbench_get_name          (LbWorkbench *self);
void         lb_workbench_set_name          (LbWorkbench *self,
                                             const char  *name);
guint64      lb_workbench_get_seed          (LbWorkbench *self);
void         lb_workbench_set_seed          (LbWorkbench *self,
                                             guint64      seed);
/* The project's "drop" columns (NULL-terminated, never NULL). */
const char * const *lb_workbench_get_drop   (LbWorkbench *self);
void         lb_workbench_set_drop          (LbWorkbench *self,
                                             const char * const *columns);

/* The test set's row count (0 without one) and whether it was ever unsealed
 * (changing the split afterwards deserves a warning). */
gsize        lb_workbench_get_n_test        (LbWorkbench *self);
gboolean     lb_workbench_get_ever_unsealed (LbWorkbench *self);

/* A page's own view state (choices, positions), saved under
 * "workbench.pages.<step>"; NULL when none (transfer none / taken by reference). */
JsonNode    *lb_workbench_get_page_state    (LbWorkbench *self,
                                             const char  *step);
void         lb_workbench_set_page_state    (LbWorkbench *self,
                                             const char  *step,
                                             JsonNode    *state);

/* The steps in order (NULL-terminated, static) and their titles (translated). */
const char * const *lb_workbench_list_steps (void);
const char  *lb_workbench_step_title        (const char  *step);

/* Tasks: "regression" / "binary" / "multiclass" ("none" for LB_TASK_NONE). */
const char  *lb_task_to_string              (LbTask       task);
LbTask       lb_task_from_string            (const char  *name);
const char  *lb_task_get_label              (LbTask       task);  /* translated */
/* What lb_workbench_set_target detects for @column of @table;
 * @positive_class (out, nullable, transfer full): for a numeric 0/1-like
 * target, the greater value (the engine then learns classes). */
LbTask       lb_workbench_detect_task       (LbTable     *table,
                                             const char  *column,
                                             char       **positive_class);
/* The scorers offered for @task (NULL-terminated, static; the first is the
 * default) and a scorer's label for people ("RMSE", "ROC AUC"; translated). */
const char * const *lb_task_list_scorings   (LbTask       task);
const char  *lb_workbench_scoring_label     (const char  *scoring);

/* The book's table of category proportions (chapter 2): @column of @table
 * binned by @edges (pd.cut, right-closed), counted over every row, over the
 * test rows of a stratified split and over those of a random split (both
 * with @test_size and @seed, through the engine's split code). Each array
 * gets n_edges - 1 counts (guint64); the totals are the row / test counts. */
typedef struct
{
  guint    n_bins;
  guint64 *overall;      /* per bin, every row */
  guint64 *stratified;   /* per bin, the stratified split's test rows */
  guint64 *random;       /* per bin, the random split's test rows */
  guint64  n_overall, n_stratified, n_random;
} LbProportions;

LbProportions *lb_proportions_compute       (LbTable      *table,
                                             const char   *column,
                                             const double *edges,
                                             guint         n_edges,
                                             double        test_size,
                                             guint64       seed,
                                             GError      **error);
void           lb_proportions_free          (LbProportions *proportions);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbProportions, lb_proportions_free)
/* "0, 1.5, 3, 4.5, 6, inf" → edges (strictly increasing; "inf", "-inf"). */
GArray        *lb_parse_bin_edges           (const char   *text,
                                             GError      **error);

/* The file: writes the project to @path (atomically) without changing the
 * workbench's file name or dirty flag (the window's autosave). */
gboolean     lb_workbench_save_copy         (LbWorkbench *self,
                                             const char  *path,
                                             GError     **error);
/* The file an autosave (lb_workbench_save_copy) was made for, once it is
 * loaded again (NULL: none, or never saved). */
const char  *lb_workbench_get_autosave_of   (LbWorkbench *self);
/* After recovering an autosave: the file the work belongs to (NULL: never
 * saved) and dirty, since it was not saved there. */
void         lb_workbench_set_file          (LbWorkbench *self,
                                             const char  *path,
                                             gboolean     dirty);
/* The project as text (what lb_workbench_save writes). */
char        *lb_workbench_to_data           (LbWorkbench *self,
                                             gsize       *length);

G_END_DECLS
