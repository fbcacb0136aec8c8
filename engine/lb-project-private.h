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

#include "lb-project.h"
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

G_END_DECLS
