/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-project-private.h: what the project's files share. The parser
 * (lb-project.c, lb-project-evaluation.c) reads JSON through the walker of
 * lb-project-keys.c, whose errors name the key path. The runner has a data
 * side (lb-project-data.c: the table, the split, the feature columns, X and y
 * of each part), a model side (lb-project-run.c) and its results
 * (lb-project-result.c).
 */
#pragma once

#include "lb-cv-result.h"
#include "lb-cv-splitter.h"
#include "lb-project.h"
#include "lb-project-run.h"
#include "lb-search-result.h"
#include "lb-split.h"

G_BEGIN_DECLS

/* --- the JSON walker (lb-project-keys.c) --- */
/* Sets LB_ENGINE_ERROR_FILE "KEY: message"; returns FALSE. */
gboolean    lb_project_fail             (GError            **error,
                                         const char         *key,
                                         const char         *format,
                                         ...) G_GNUC_PRINTF (3, 4);
/* "parent.member" (or "member" at the top). */
char       *lb_project_key_join         (const char         *parent,
                                         const char         *member);
/* "an object", "a list", "a string" … for messages. */
const char *lb_project_node_kind        (JsonNode           *node);
gboolean    lb_project_is_number        (JsonNode           *node);
/* Every member of @object must be in @allowed (NULL-terminated). */
gboolean    lb_project_check_keys       (JsonObject         *object,
                                         const char         *key,
                                         const char * const *allowed,
                                         GError            **error);
/* NULL when absent (an error only when @required) or not an object. */
JsonObject *lb_project_get_object       (JsonObject         *parent,
                                         const char         *parent_key,
                                         const char         *member,
                                         gboolean            required,
                                         GError            **error);
/* The getters leave *out alone when the member is absent. */
gboolean    lb_project_get_string       (JsonObject         *parent,
                                         const char         *parent_key,
                                         const char         *member,
                                         gboolean            required,
                                         char              **out,
                                         GError            **error);
gboolean    lb_project_get_boolean      (JsonObject         *parent,
                                         const char         *parent_key,
                                         const char         *member,
                                         gboolean           *out,
                                         GError            **error);
/* In [@min, @max], or (@min, @max) when @open. */
gboolean    lb_project_get_double       (JsonObject         *parent,
                                         const char         *parent_key,
                                         const char         *member,
                                         double              min,
                                         double              max,
                                         gboolean            open,
                                         double             *out,
                                         GError            **error);
gboolean    lb_project_get_uint         (JsonObject         *parent,
                                         const char         *parent_key,
                                         const char         *member,
                                         guint               min,
                                         guint               max,
                                         guint              *out,
                                         GError            **error);
/* A string or a number, as text. */
gboolean    lb_project_get_scalar_string (JsonObject        *parent,
                                         const char         *member,
                                         char              **out,
                                         GError            **error);
/* Non-empty strings without repeats. */
gboolean    lb_project_get_string_list  (JsonObject         *parent,
                                         const char         *parent_key,
                                         const char         *member,
                                         gboolean            allow_empty,
                                         char             ***out,
                                         GError            **error);
/* The index of @value in @names, or -1 after an error listing them. */
int         lb_project_choose           (const char         *key,
                                         const char         *value,
                                         const char * const *names,
                                         GError            **error);

/* --- sections parsed in lb-project-evaluation.c (after "models") --- */
gboolean    lb_project_parse_evaluation (LbProject          *project,
                                         JsonObject         *root,
                                         GError            **error);
gboolean    lb_project_parse_search     (LbProject          *project,
                                         JsonObject         *root,
                                         GError            **error);
gboolean    lb_project_parse_predict    (LbProject          *project,
                                         JsonObject         *root,
                                         GError            **error);

/* --- the runner --- */

typedef struct
{
  LbTable   *table;          /* every row read */
  LbSplit   *split;          /* train / test row numbers (test may be empty) */
  GArray    *features;       /* (element-type guint) table columns fed to the pipeline, table order */
  GPtrArray *groups;         /* (element-type GStrv): the columns of each pipeline group */
  LbMatrix  *X_train;        /* (n_train, n_features), names and categories kept */
  LbMatrix  *y_train;        /* (n_train, 1) */
  LbMatrix  *X_test;         /* NULL without a test set */
  LbMatrix  *y_test;
  LbMatrix  *X_predict;      /* the project's "predict" rows, or NULL */
  gboolean   classification; /* the target holds classes */
} LbProjectData;

/* Frees an LbProjectModelResult. */
void     lb_project_model_result_free (gpointer     data);

gboolean lb_project_data_prepare (LbProject     *project,
                                  LbProjectData *data,
                                  GCancellable  *cancellable,
                                  GError       **error);
void     lb_project_data_clear   (LbProjectData *data);
/* lb_project_data_prepare on @table (already read; referenced): the window
 * prepares its own table without reading the file again. */
gboolean lb_project_data_prepare_table (LbProject     *project,
                                        LbTable       *table,
                                        LbProjectData *data,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* --- the split alone (the window's "Create a test set") --- */
/* Parses @root's "split" member (absent: kind none) into @split, as a project
 * file would; relative index files resolve against @base_dir. */
gboolean lb_project_split_parse  (JsonObject          *root,
                                  const char          *base_dir,
                                  LbProjectSplit      *split,
                                  GError             **error);
void     lb_project_split_clear  (LbProjectSplit      *split);
/* The train / test rows of @table for @split and @seed: exactly the rows
 * `learnbench run` uses. @data_help: the project's "data.help" or NULL. */
LbSplit *lb_project_split_rows   (const LbProjectSplit *split,
                                  guint64               seed,
                                  const char           *data_help,
                                  LbTable              *table,
                                  GError              **error);

/* The project's pipeline groups as an unfitted ColumnTransformer over
 * @data's matrices; NULL (and no error) when the project has no pipeline. */
LbEstimator *lb_project_build_preparation (LbProject     *project,
                                           LbProjectData *data,
                                           GError       **error);

/* --- one model of a run, for the window's Shortlist (lb-project-run.c) ---
 * The same code lb_project_run runs, in parts, so the window's numbers equal
 * `learnbench run`'s for the saved project. */
typedef enum
{
  LB_PROJECT_PART_NONE    = 0,
  LB_PROJECT_PART_SEARCH  = 1 << 0,  /* run the project's search on its model first */
  LB_PROJECT_PART_TEST    = 1 << 1,  /* score the test rows (when evaluation.test) */
  LB_PROJECT_PART_PREDICT = 1 << 2,  /* predict the "predict" rows */
  LB_PROJECT_PART_ALL     = 0x7,
  LB_PROJECT_PART_NO_CV   = 1 << 3,  /* skip the model's cross-validation (the Fine-tune page) */
} LbProjectPartFlags;

/* The fitted preparation's output on the training rows (@prep is cloned;
 * NULL @prep: X_train, referenced), as lb_project_run computes it: what
 * "prepare": "once" cross-validates. */
LbMatrix    *lb_project_fit_preparation   (LbEstimator       *prep,
                                           LbProjectData     *data,
                                           LbFitContext      *ctx,
                                           GError           **error);
/* The project's CV splitter for @cv (NULL for kind none). */
LbCvSplitter *lb_project_make_cv          (const LbProjectCv *cv,
                                           guint64            seed,
                                           LbEstimator       *estimator);
/* Pipeline(prep, model) named ("prep", @model_name), or @model referenced
 * when @prep is NULL. */
LbEstimator *lb_project_wrap_model        (LbEstimator       *prep,
                                           LbEstimator       *model,
                                           const char        *model_name,
                                           GError           **error);
/* What lb_project_run computes for model @index (fit on the training rows,
 * train score, cross-validation; test / predict / search per @flags). @ctx
 * must carry the project's seed (lb_project_run's context); @fold_func (may
 * be NULL) runs on the fitting thread after each CV fold. */
LbProjectModelResult *lb_project_run_model (LbProject        *project,
                                           LbProjectData     *data,
                                           guint              index,
                                           LbEstimator       *prep,
                                           LbMatrix          *X_prepared,
                                           LbProjectPartFlags flags,
                                           LbCvFoldFunc       fold_func,
                                           gpointer           fold_data,
                                           LbFitContext      *ctx,
                                           GError           **error);
/* The project's searched model as lb_project_run computes it (the search
 * then the fit of the best candidate on the training rows, as
 * m->fitted; cross-validation and test per @flags, LB_PROJECT_PART_SEARCH
 * implied), with @candidate_func (may be NULL) called on the fitting thread
 * as each candidate finishes. For the window's Fine-tune page. */
LbProjectModelResult *lb_project_run_search (LbProject            *project,
                                             LbProjectData        *data,
                                             LbEstimator          *prep,
                                             LbMatrix             *X_prepared,
                                             LbProjectPartFlags    flags,
                                             LbSearchCandidateFunc candidate_func,
                                             gpointer              candidate_data,
                                             LbFitContext         *ctx,
                                             GError              **error);
/* Scores @m->fitted on @data's test rows into @m->test_score and, for a
 * regressor, @m->test_rmse_low / _high (the book's 95 % t-interval): the
 * code `learnbench run` runs when "evaluation.test" is true. */
gboolean     lb_project_score_test        (LbProjectData        *data,
                                           LbProjectModelResult *m,
                                           GError              **error);
/* What a saved model file needs to read new data, as lb_project_run stores
 * it (its "metadata": project, target, features, categories,
 * classification); transfer full. For the window's Launch page. */
JsonObject  *lb_project_make_metadata     (LbProject            *project,
                                           LbProjectData        *data);
/* One model's object of `learnbench run --json` (lb-project-result.c). */
JsonNode    *lb_project_model_result_to_json (const LbProjectModelResult *m);

G_END_DECLS
