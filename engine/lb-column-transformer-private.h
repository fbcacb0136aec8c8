/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-column-transformer-private.h: LbColumnTransformer's instance and the
 * functions lb-column-transformer.c shares with lb-column-transformer-json.c
 * (the groups as JSON, the learned state).
 */
#pragma once

#include "lb-column-transformer.h"

G_BEGIN_DECLS

typedef enum { LB_COLUMN_GROUP_TRANSFORM, LB_COLUMN_GROUP_PASSTHROUGH, LB_COLUMN_GROUP_DROP } LbColumnGroupKind;

typedef struct
{
  char         *name;
  char        **columns;      /* NULL-terminated */
  LbColumnGroupKind     kind;
  LbEstimator  *transformer;  /* LB_COLUMN_GROUP_TRANSFORM only */
  /* learned */
  GArray       *indices;      /* guint, into X */
} LbColumnGroup;

struct _LbColumnTransformer
{
  LbEstimator  parent_instance;
  GPtrArray   *groups;        /* LbColumnGroup */
  LbRemainder  remainder;
  gboolean     verbose_names;
  /* learned */
  GArray      *remainder_indices;  /* guint */
};

void       lb_column_transformer_group_free      (gpointer             group);
/* @name must be usable and not yet taken in @groups. */
gboolean   lb_column_transformer_check_group_name (GPtrArray          *groups,
                                                  const char         *name,
                                                  GError            **error);
/* The "transformers" JSON → a new array of LbColumnGroup (errors name the group). */
GPtrArray *lb_column_transformer_parse_groups    (JsonNode           *json,
                                                  GError            **error);
JsonNode  *lb_column_transformer_groups_to_json  (LbColumnTransformer *self);
JsonNode  *lb_column_transformer_save_state      (LbEstimator        *est,
                                                  GError            **error);
gboolean   lb_column_transformer_load_state      (LbEstimator        *est,
                                                  JsonNode           *state,
                                                  GError            **error);

G_END_DECLS
