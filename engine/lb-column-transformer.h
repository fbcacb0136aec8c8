/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-column-transformer.h: LbColumnTransformer, scikit-learn's
 * ColumnTransformer: groups of input columns, selected by name from the input
 * matrix's column names (or "x3" for an unnamed column), each sent through
 * its transformer (often a pipeline); the outputs are stacked side by side in
 * group order, then the remainder (columns no group took) is dropped or
 * passed through. Output names are "group__feature" (scikit-learn's
 * verbose_feature_names_out=True) or just "feature" when that is off.
 *
 * The groups are the "transformers" parameter, a JSON array
 *   [{"name": "num", "columns": ["a", "b"], "estimator": "StandardScaler",
 *     "params": {…}}, {"name": "keep", "columns": […], "estimator": "passthrough"}, …]
 * ("passthrough" / "drop" for no transformer), so get_params / clone see them.
 * A group's parameter is "transformers.num.with_mean" or "num__with_mean".
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_REMAINDER_DROP,
  LB_REMAINDER_PASSTHROUGH,
} LbRemainder;

#define LB_TYPE_REMAINDER (lb_remainder_get_type ())
GType lb_remainder_get_type (void) G_GNUC_CONST;

#define LB_TYPE_COLUMN_TRANSFORMER (lb_column_transformer_get_type ())
G_DECLARE_FINAL_TYPE (LbColumnTransformer, lb_column_transformer, LB, COLUMN_TRANSFORMER, LbEstimator)

LbColumnTransformer *lb_column_transformer_new (void);
/* Adds a group: @columns (n_columns names, copied) through @transformer (a
 * ref is taken; NULL = pass the columns through unchanged). @name: unique,
 * non-empty, without '.' or "__". */
gboolean     lb_column_transformer_add_group   (LbColumnTransformer *self,
                                                const char          *name,
                                                const char * const  *columns,
                                                guint                n_columns,
                                                LbEstimator         *transformer,
                                                GError             **error);
void         lb_column_transformer_set_remainder_passthrough (LbColumnTransformer *self,
                                                gboolean             passthrough);
gboolean     lb_column_transformer_get_remainder_passthrough (LbColumnTransformer *self);
guint        lb_column_transformer_get_n_groups (LbColumnTransformer *self);
const char  *lb_column_transformer_get_group_name (LbColumnTransformer *self,
                                                guint                index);
/* NULL for a passthrough / drop group; transfer none */
LbEstimator *lb_column_transformer_get_group_transformer (LbColumnTransformer *self,
                                                guint                index);
/* NULL-terminated; transfer none */
const char * const *lb_column_transformer_get_group_columns (LbColumnTransformer *self,
                                                guint                index);

/* From the transformers array above, or {"transformers": […], "remainder":
 * "drop"|"passthrough", "verbose_feature_names_out": bool} (or the
 * lb_estimator_to_json form). Errors name the group. */
LbColumnTransformer *lb_column_transformer_new_from_json (JsonNode *json,
                                                GError             **error);

G_END_DECLS
