/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-pipeline.h: LbPipeline, scikit-learn's Pipeline: named steps, each a
 * transformer but the last, and itself an estimator. fit = fit_transform
 * through the steps, then fit the last; predict / transform go through.
 *
 * The steps are the "steps" parameter, a JSON array
 *   [{"name": "scaler", "estimator": "StandardScaler", "params": {…}}, …]
 * so get_params / set_params / clone see them (clone rebuilds every step from
 * its description through the registry: deep, unfitted). A step's parameter
 * is "steps.scaler.with_mean" or "scaler__with_mean".
 * The pipeline's flags follow its steps: a classifier when the last step is,
 * NaN allowed when the first step allows it.
 * All steps see the pipeline's context seed, so a model in a pipeline fits as
 * it would alone on the transformed data.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_TYPE_PIPELINE (lb_pipeline_get_type ())
G_DECLARE_FINAL_TYPE (LbPipeline, lb_pipeline, LB, PIPELINE, LbEstimator)

LbPipeline  *lb_pipeline_new            (void);
/* Appends @step (a ref is taken) under @name: non-empty, unique, without '.'
 * or "__", not "steps". */
gboolean     lb_pipeline_append         (LbPipeline   *self,
                                         const char   *name,
                                         LbEstimator  *step,
                                         GError      **error);
/* Replaces the step called @name (a ref is taken). */
gboolean     lb_pipeline_set_step       (LbPipeline   *self,
                                         const char   *name,
                                         LbEstimator  *step,
                                         GError      **error);
guint        lb_pipeline_get_n_steps    (LbPipeline   *self);
/* transfer none */
LbEstimator *lb_pipeline_get_step       (LbPipeline   *self,
                                         guint         index);
const char  *lb_pipeline_get_step_name  (LbPipeline   *self,
                                         guint         index);
/* NULL when absent; transfer none */
LbEstimator *lb_pipeline_get_step_by_name (LbPipeline *self,
                                         const char   *name);
/* The last step (the model), NULL when empty; transfer none. */
LbEstimator *lb_pipeline_get_final_step (LbPipeline   *self);

/* From the steps array above, or an object {"steps": [...]} (what
 * lb_estimator_to_json gives for a pipeline: {"estimator": "Pipeline",
 * "params": {"steps": [...]}} is accepted too). Errors name the step:
 * "steps[1] (model): alpha must be >= 0 (got -1)". */
LbPipeline  *lb_pipeline_new_from_json  (JsonNode     *json,
                                         GError      **error);
/* The steps array (transfer full). */
JsonNode    *lb_pipeline_to_json        (LbPipeline   *self);

/* X through every fitted step but the last (the data the model sees). */
LbMatrix    *lb_pipeline_transform_to_final (LbPipeline *self,
                                         LbMatrix     *X,
                                         GError      **error);

G_END_DECLS
