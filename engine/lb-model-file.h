/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-model-file.h: a fitted estimator (a pipeline, usually) saved as a
 * versioned JSON file:
 *   {"format": "learnbench-model", "version": 1,
 *    "metadata": {…caller's…},
 *    "estimator": {"name": "Pipeline", "params": {…get_params…},
 *                  "state": {…lb_estimator_save_state…}}}
 * Doubles are exact (base64 of little-endian bytes in states; "%.17g" in
 * params). Loading validates everything — shapes against payload lengths,
 * names against the registry, nesting depth — so a corrupt, truncated or
 * hostile file is LB_ENGINE_ERROR_FILE, never a crash.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_MODEL_FILE_FORMAT  "learnbench-model"
#define LB_MODEL_FILE_VERSION 1
/* Files above this size are refused before reading (1 GiB). */
#define LB_MODEL_FILE_MAX_SIZE ((gsize) 1 << 30)

/* @estimator must be fitted. Written atomically (g_file_set_contents). */
gboolean     lb_model_file_save       (LbEstimator  *estimator,
                                       const char   *path,
                                       GError      **error);
/* @metadata (nullable): a JSON object stored as "metadata" (the target name,
 * the project, a score…). */
gboolean     lb_model_file_save_full  (LbEstimator  *estimator,
                                       JsonObject   *metadata,
                                       const char   *path,
                                       GError      **error);
/* A fitted estimator (transfer full). */
LbEstimator *lb_model_file_load       (const char   *path,
                                       GError      **error);
/* @metadata_out (nullable): the metadata object (transfer full; NULL when absent). */
LbEstimator *lb_model_file_load_full  (const char   *path,
                                       JsonObject  **metadata_out,
                                       GError      **error);

/* The same in memory. */
JsonNode    *lb_model_file_to_json    (LbEstimator  *estimator,
                                       JsonObject   *metadata,
                                       GError      **error);
LbEstimator *lb_model_file_from_json  (JsonNode     *root,
                                       JsonObject  **metadata_out,
                                       GError      **error);
LbEstimator *lb_model_file_load_from_data (const char *data,
                                       gsize         length,
                                       JsonObject  **metadata_out,
                                       GError      **error);

G_END_DECLS
