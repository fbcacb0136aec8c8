/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-project.h: LbProject, a Learnbench project file (JSON, read with
 * json-glib): where the data is, the target, the split, the preparation
 * pipeline (column groups -> steps), the models, how to evaluate them, an
 * optional hyper-parameter search. Loading validates everything a run would
 * trip on, and every error names the key path ("models[1].params.alpha: alpha
 * must be >= 0 (got -1)"), so a learner can fix the file. The format is
 * documented in examples/README.md; the summary:
 *
 *   {
 *     "format": "learnbench-project", "version": 1,          required
 *     "name": "…", "description": "…", "seed": 42,           optional
 *     "data": { "path": "${LEARNBENCH_TEST_DATA}/housing/housing.csv"
 *               | "sample": "moons",
 *               "help": "how to get the file", "delimiter": ",",
 *               "labels": "…-labels-idx1-ubyte.gz", "max_rows": 10000,
 *               "thousands": ",", "encoding": "utf-8" | "latin1" },
 *     "target": "median_house_value", "positive_class": "T-shirt/top",
 *     "drop": ["column", …],                                 optional
 *     "split": { "kind": "none" | "random" | "stratified" | "id_hash" | "index_files", … },
 *     "pipeline": { "groups": [ { "name": "num", "columns": [..] | "kind": "numeric",
 *                                 "steps": [ { "name": "imputer", "estimator": "SimpleImputer",
 *                                              "params": { "strategy": "median" } } ] } ],
 *                   "remainder": "drop" | "passthrough" },
 *     "models": [ { "name": "lin_reg", "estimator": "LinearRegression", "params": {} } ],
 *     "evaluation": { "scoring": "neg_root_mean_squared_error", "train_score": true,
 *                     "cv": { "kind": "kfold", "n_splits": 10, "shuffle": false },
 *                     "prepare": "once" | "per_fold", "test": false },
 *     "search": { "model": "…", "kind": "grid" | "random", "grid": [ {…} ], … },
 *               (keys: the model's parameters, or "prep.GROUP.STEP.PARAM" for a
 *                preparation step's: the whole pipeline is then searched per fold)
 *     "predict": [ { "GDP per capita": 22587 } ],
 *     "save_model": "out.lbmodel",
 *     "workbench": { … }          optional: what the window saves (lb-workbench.h); not run
 *   }
 *
 * Paths: "${LEARNBENCH_TEST_DATA}" expands to that environment variable, or,
 * when it is unset, to ../shared/datasets beside the source tree (the repo's
 * examples); any other relative path is relative to the project file.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_PROJECT_FORMAT  "learnbench-project"
#define LB_PROJECT_VERSION 1

typedef enum
{
  LB_PROJECT_SPLIT_NONE,         /* every row trains; no test set */
  LB_PROJECT_SPLIT_RANDOM,       /* train_test_split (test_size, seed) */
  LB_PROJECT_SPLIT_STRATIFIED,   /* stratified shuffle split on a column binned by edges */
  LB_PROJECT_SPLIT_ID_HASH,      /* crc32 of an id column (the book's test_set_check) */
  LB_PROJECT_SPLIT_INDEX_FILES,  /* row numbers from two files, kept in the given order */
} LbProjectSplitKind;

typedef struct
{
  LbProjectSplitKind kind;
  double  test_size;      /* RANDOM, STRATIFIED, ID_HASH: fraction in (0, 1) */
  char   *column;         /* STRATIFIED: the binned column; ID_HASH: the id column (NULL: the row number) */
  double *bins;           /* STRATIFIED: edges, right-closed (pd.cut); inf allowed */
  guint   n_bins;         /* number of edges (>= 2) */
  char   *train_file;     /* INDEX_FILES: resolved paths */
  char   *test_file;      /*   (test_file may be NULL: no test set) */
} LbProjectSplit;

typedef struct
{
  char       *name;       /* unique within its list */
  char       *estimator;  /* a registered estimator name */
  JsonObject *params;     /* never NULL (empty when none) */
} LbProjectStep;

typedef struct
{
  char      *name;
  char     **columns;     /* NULL-terminated; NULL when selected by kind */
  char      *kind;        /* "numeric" | "categorical" | NULL */
  GPtrArray *steps;       /* (element-type LbProjectStep); may be empty (passthrough) */
} LbProjectGroup;

typedef enum
{
  LB_PROJECT_PREPARE_ONCE,      /* the book's way: fit the preparation on the whole training set, then CV the model */
  LB_PROJECT_PREPARE_PER_FOLD,  /* refit the whole pipeline in every fold (no leakage) */
} LbProjectPrepare;

typedef enum
{
  LB_PROJECT_CV_NONE,
  LB_PROJECT_CV_AUTO,              /* "cv": 10 — scikit-learn's rule: StratifiedKFold for a classifier, else KFold (un-shuffled) */
  LB_PROJECT_CV_KFOLD,
  LB_PROJECT_CV_STRATIFIED_KFOLD,
  LB_PROJECT_CV_SHUFFLE_SPLIT,
} LbProjectCvKind;

typedef struct
{
  LbProjectCvKind kind;
  guint    n_splits;
  gboolean shuffle;
  double   test_size;     /* SHUFFLE_SPLIT */
} LbProjectCv;

typedef enum
{
  LB_PROJECT_SEARCH_NONE,
  LB_PROJECT_SEARCH_GRID,
  LB_PROJECT_SEARCH_RANDOM,
} LbProjectSearchKind;

typedef struct
{
  LbProjectSearchKind kind;
  char       *model;          /* name of one of the models */
  JsonArray  *grid;           /* GRID: list of {param: [values]} objects */
  JsonObject *distributions;  /* RANDOM: {param: [values] | {"uniform"|"loguniform"|"randint": [low, high]}} (lb-search.h's form) */
  guint       n_iter;         /* RANDOM */
  LbProjectCv cv;             /* defaults to evaluation.cv (or 5-fold) */
  char       *scoring;        /* defaults to evaluation.scoring */
  gboolean    refit;
} LbProjectSearch;

typedef struct _LbProject LbProject;

struct _LbProject
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  char           *file;          /* the project file (absolute), NULL when from a string */
  char           *base_dir;      /* relative paths are resolved here */
  char           *name;
  char           *description;
  guint64         seed;

  char           *data_path;     /* resolved; NULL when data_sample is set */
  char           *data_sample;   /* "moons" … */
  char           *data_help;     /* how to get the file, or NULL */
  char           *data_labels;   /* IDX labels file (resolved) beside an IDX images path, or NULL */
  gsize           data_max_rows; /* IDX: read only the first rows (0 = all) */
  char            delimiter;     /* 0 = detect */
  char            thousands;     /* 0 = none */
  gboolean        latin1;

  char           *target;
  char           *positive_class; /* NULL, or y = (target == this): a binary "False"/"True" target */
  char          **drop;          /* NULL-terminated, maybe empty */
  LbProjectSplit  split;

  GPtrArray      *groups;        /* (element-type LbProjectGroup); empty = no pipeline */
  gboolean        remainder_passthrough;

  GPtrArray      *models;        /* (element-type LbProjectStep), at least one */

  char           *scoring;       /* "neg_root_mean_squared_error" (regression) / "accuracy" default */
  gboolean        train_score;
  LbProjectCv     cv;
  LbProjectPrepare prepare;
  gboolean        test;

  LbProjectSearch search;
  JsonArray      *predict;       /* rows to predict (objects column -> value), or NULL */
  char           *save_model;    /* resolved path, or NULL */
  JsonObject     *workbench;     /* the window's state (task, notes, checklist, seal log,
                                  * results…), kept as read; NULL when absent. A run ignores it. */
};

#define LB_TYPE_PROJECT (lb_project_get_type ())
GType       lb_project_get_type        (void) G_GNUC_CONST;

/* Reads and validates @path. Errors: I/O (G_IO_ERROR / G_FILE_ERROR), JSON
 * syntax ("line 3: …"), and LB_ENGINE_ERROR_FILE for a wrong format/version or
 * a bad key ("split.test_size: must be between 0 and 1 (got 1.5)"); an unknown
 * estimator or parameter is LB_ENGINE_ERROR_UNKNOWN / _INVALID_PARAM, also
 * naming the key path. The data file itself is not opened here. */
LbProject  *lb_project_load            (const char  *path,
                                        GError     **error);
/* The same from text; relative paths are resolved against @base_dir (NULL:
 * the current directory). */
LbProject  *lb_project_load_from_data  (const char  *data,
                                        gssize       length,
                                        const char  *base_dir,
                                        GError     **error);
LbProject  *lb_project_ref             (LbProject   *project);
void        lb_project_unref           (LbProject   *project);

/* Expands ${LEARNBENCH_TEST_DATA} in @value and resolves it against
 * @base_dir. @key names the setting for the error ("data.path"). */
char       *lb_project_resolve_path    (const char  *value,
                                        const char  *base_dir,
                                        const char  *key,
                                        GError     **error);
/* Where ${LEARNBENCH_TEST_DATA} points now (the variable, or the default). */
char       *lb_project_dup_test_data_dir (void);

/* A new, unfitted estimator for a step/model (name + params, validated). */
LbEstimator *lb_project_step_build     (const LbProjectStep *step,
                                        GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbProject, lb_project_unref)

G_END_DECLS
