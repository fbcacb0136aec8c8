/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-project-run.h: runs an LbProject headless — load the data, split it,
 * fit the preparation pipeline, then per model: train score, cross-validation
 * fold scores, test score, predictions for the project's "predict" rows, and
 * the hyper-parameter search when the project has one. Synchronous
 * (lb_project_run, for tests and the CLI's worker) or as a job with progress.
 * The result converts to the JSON object `learnbench run --json` prints.
 */
#pragma once

#include "lb-estimator.h"
#include "lb-job.h"
#include "lb-project.h"

G_BEGIN_DECLS

typedef struct
{
  char       *name;          /* the project's model name */
  char       *estimator;     /* "LinearRegression" */
  JsonNode   *params;        /* every hyper-parameter of the model (get_params) */
  char       *scoring;       /* the scorer used ("rmse", "accuracy" …) */
  double      train_score;   /* NaN when not asked */
  GArray     *cv_scores;     /* (element-type double), empty without CV */
  double      cv_mean;       /* NaN without CV */
  double      cv_std;        /* population std (numpy's, ddof = 0) */
  double      test_score;    /* NaN when not asked */
  double      test_rmse_low; /* the book's 95 % t-interval of the test RMSE (regressors; else NaN) */
  double      test_rmse_high;
  double      fit_seconds;   /* the fit (preparation + model) on the whole training set */
  double      cv_seconds;    /* wall time of the cross-validation (NaN without) */
  JsonArray  *predictions;   /* the "predict" rows' predictions (numbers or class names), or NULL */
  LbEstimator *fitted;       /* the whole pipeline (preparation + model), fitted on the training rows */
  /* search (only on the searched model) */
  JsonNode   *best_params;   /* NULL when no search */
  double      best_score;
  JsonNode   *cv_results;    /* list of {params, mean_test_score, std_test_score, rank_test_score} */
} LbProjectModelResult;

typedef struct _LbProjectResult LbProjectResult;

struct _LbProjectResult
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  LbProject *project;
  gsize      n_rows;          /* rows read */
  gsize      n_train;
  gsize      n_test;          /* 0 without a test set */
  char     **feature_names;   /* the prepared matrix's columns (NULL-terminated) */
  GPtrArray *models;          /* (element-type LbProjectModelResult), in project order */
  double     seconds;         /* the whole run */
  /* What a saved model needs to read new data (stored as the model file's
   * metadata): {"project", "target", "features": [input column names, in
   * order], "categories": {column: [names]}, "classification": bool}. */
  JsonObject *metadata;
};

#define LB_TYPE_PROJECT_RESULT (lb_project_result_get_type ())
GType            lb_project_result_get_type (void) G_GNUC_CONST;
LbProjectResult *lb_project_result_ref      (LbProjectResult *result);
void             lb_project_result_unref    (LbProjectResult *result);

/* The project's data as a table (CSV options, IDX labels, samples). A missing
 * file is G_IO_ERROR_NOT_FOUND with a message naming the key, the file, and
 * how to get it ("data.help", and where ${LEARNBENCH_TEST_DATA} points). */
LbTable         *lb_project_load_data       (LbProject       *project,
                                             GCancellable    *cancellable,
                                             GError         **error);

/* Runs @project on this thread. @ctx (NULL: a default one seeded with the
 * project's seed) carries the cancellable, the thread budget and the progress sink. */
LbProjectResult *lb_project_run             (LbProject       *project,
                                             LbFitContext    *ctx,
                                             GError         **error);
/* The same as a job on the engine's runner; progress as the job's fraction
 * and message ("lin_reg: fold 3 of 10"). */
LbJob           *lb_project_run_async       (LbProject       *project,
                                             GCancellable    *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer         user_data);
LbProjectResult *lb_project_run_finish      (GAsyncResult    *result,
                                             GError         **error);

/* The object `learnbench run --json` prints: {"project", "n_rows", "n_train",
 * "n_test", "features", "seconds", "models": [{"name", "estimator", "params",
 * "scoring", "train_score", "cv_scores", "cv_mean", "cv_std", "test_score",
 * "test_rmse_95ci", "fit_seconds", "predictions", "best_params", "best_score",
 * "cv_results"}]}; absent numbers are null. */
JsonNode        *lb_project_result_to_json  (LbProjectResult *result);

/* Saves the fitted pipeline of model @name (NULL: the searched model, else
 * the first) as a model file for `learnbench predict`. */
gboolean         lb_project_result_save_model (LbProjectResult *result,
                                             const char      *name,
                                             const char      *path,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbProjectResult, lb_project_result_unref)

G_END_DECLS
