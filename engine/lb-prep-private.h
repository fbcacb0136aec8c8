/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-prep-private.h: helpers shared by the preprocessing transformers
 * (imputer, scalers, encoders, polynomial / expression / function
 * transformers): exact JSON for learned state (NaN and ±Inf included, every
 * length checked on load; whole per-feature vector states), the output matrix
 * of a transform, output column names, value formatting for names.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lb-estimator.h"

G_BEGIN_DECLS

/* --- learned state as JSON --- */
/* Doubles as JSON numbers (json-glib writes them round-trip exact); NaN, Inf
 * and -Inf as the strings "nan", "inf", "-inf". */
JsonNode *lb_prep_doubles_to_json      (const double *values,
                                        gsize         n);
/* Reads member @member of @object as @n doubles into a new array; errors
 * (LB_ENGINE_ERROR_FILE) name the member when it is absent, not an array, of
 * another length, or holds something else than a number. */
double   *lb_prep_doubles_from_json    (JsonObject   *object,
                                        const char   *member,
                                        gsize         n,
                                        GError      **error);
/* Strings; a NULL entry is written as JSON null. */
JsonNode *lb_prep_strings_to_json      (const char * const *values,
                                        gsize         n);
/* Reads @member as an array of strings (null allowed when @allow_null) of any
 * length up to @max_n; the result is NULL-terminated only when no entry is
 * null, so use *@n_out. */
char    **lb_prep_strings_from_json    (JsonObject   *object,
                                        const char   *member,
                                        gsize         max_n,
                                        gboolean      allow_null,
                                        gsize        *n_out,
                                        GError      **error);
/* An integer member in [@min, @max]. */
gboolean  lb_prep_uint_from_json       (JsonObject   *object,
                                        const char   *member,
                                        guint64       min,
                                        guint64       max,
                                        guint64      *out,
                                        GError      **error);
/* "n_features_in" of a state object, which must agree with what the
 * estimator's wrapper already restored (lb_estimator_get_n_features_in). */
gboolean  lb_prep_n_features_from_json (LbEstimator  *self,
                                        JsonObject   *object,
                                        guint64      *out,
                                        GError      **error);
/* The state object itself (an error when @state is not a JSON object). */
JsonObject *lb_prep_state_object       (JsonNode     *state,
                                        const char   *estimator,
                                        GError      **error);

/* --- learned state made of per-feature vectors (the scalers) --- */
typedef struct
{
  const char *member;  /* its name in the saved state */
  double    **field;   /* where the estimator keeps its n_features doubles */
} LbPrepVector;

/* {"n_features_in": @n_features, then each vector under its member}. */
JsonNode *lb_prep_vectors_to_json      (guint         n_features,
                                        const LbPrepVector *vectors,
                                        guint         n_vectors);
/* Reads what _to_json wrote for @estimator (n_features_in checked against
 * the wrapper's, every length checked); only when all of it reads are the
 * old arrays freed, replaced and *@n_features set. */
gboolean  lb_prep_vectors_from_json    (LbEstimator  *self,
                                        JsonNode     *state,
                                        const char   *estimator,
                                        guint        *n_features,
                                        const LbPrepVector *vectors,
                                        guint         n_vectors,
                                        GError      **error);
/* A new JSON node holding @object (for describe_state). */
JsonNode *lb_prep_object_node          (JsonObject   *object);

/* --- names --- */
/* The shortest of %.15g/%.16g/%.17g that reads back as @value; "nan",
 * "inf", "-inf" for the non-finite ones. */
char     *lb_prep_format_double        (double        value);
/* Input column names of @X (x0, x1 … where unnamed), n_cols of them,
 * NULL-terminated. */
char    **lb_prep_dup_names            (const LbMatrix *X);
/* Names the columns of @out with @self's get_feature_names_out of @X's names. */
void      lb_prep_name_output          (LbEstimator  *self,
                                        const LbMatrix *X,
                                        LbMatrix     *out);
/* Checks that @X has @n_features columns (transform of a fitted model). */
gboolean  lb_prep_check_n_features     (const LbMatrix *X,
                                        guint         n_features,
                                        GError      **error);
/* The output of a transform: checks @X as lb_prep_check_n_features does,
 * then a new zero-filled matrix of @X's rows and @n_cols columns. */
LbMatrix *lb_prep_new_output           (const LbMatrix *X,
                                        guint         n_features,
                                        gsize         n_cols,
                                        GError      **error);
/* get_feature_names_out of a transformer whose columns keep their names. */
char    **lb_prep_feature_names_same   (LbEstimator  *self,
                                        const char * const *names_in,
                                        guint         n_in);

/* --- categories of one column (OneHotEncoder, OrdinalEncoder) --- */
/* sklearn's categories='auto': the distinct values seen during fit, sorted —
 * category names (byte order, = Python's code point order) for a column of
 * category codes, numbers otherwise; a missing value seen during fit is one
 * more category, last ("nan"). */
typedef struct
{
  gboolean categorical;  /* names (a column of codes) or numbers */
  guint    n_values;     /* categories apart from the missing one */
  char   **names;        /* categorical: n_values names, NULL-terminated */
  double  *values;       /* numeric: n_values sorted distinct values */
  gboolean has_missing;  /* NaN seen during fit: category n_values */
} LbPrepCategories;

gboolean  lb_prep_categories_fit       (LbPrepCategories *cats,
                                        const LbMatrix *X,
                                        guint         col,
                                        GError      **error);
void      lb_prep_categories_clear     (LbPrepCategories *cats);
/* Per row of column @col of @X: 0..n_values-1 for a known category,
 * n_values for a missing value (whether or not one was seen during fit), -1
 * for a category unseen during fit. Errors: a column of codes where numbers
 * were seen during fit (or the reverse), a code outside its categories. */
gboolean  lb_prep_categories_encode    (const LbPrepCategories *cats,
                                        const LbMatrix *X,
                                        guint         col,
                                        int          *codes,
                                        GError      **error);
/* Category @k (0..n_values, n_values = the missing one) as text. */
char     *lb_prep_categories_dup_name  (const LbPrepCategories *cats,
                                        guint         k);
/* The text of the value of row @row, column @col, for error messages. */
char     *lb_prep_dup_cell_text        (const LbMatrix *X,
                                        gsize         row,
                                        guint         col);
JsonNode *lb_prep_categories_to_json   (const LbPrepCategories *cats);
/* From what _to_json wrote; a hostile node is LB_ENGINE_ERROR_FILE. */
gboolean  lb_prep_categories_from_json (LbPrepCategories *cats,
                                        JsonNode     *node,
                                        GError      **error);
/* Every category (the missing one last, if seen) as text, NULL-terminated. */
char    **lb_prep_categories_dup_names (const LbPrepCategories *cats);
/* The encoders' learned state: @n columns of categories. */
void      lb_prep_categories_free_all  (LbPrepCategories *cats,
                                        guint         n);
/* {"n_features_in": @n, "categories": [one per column]}. */
JsonNode *lb_prep_categories_save      (const LbPrepCategories *cats,
                                        guint         n);
/* Reads what _save wrote for @estimator (n_features_in checked against the
 * wrapper's): a new array of *@n_out columns (at least one allocated), or
 * NULL with LB_ENGINE_ERROR_FILE. */
LbPrepCategories *lb_prep_categories_load (LbEstimator *self,
                                        JsonNode     *state,
                                        const char   *estimator,
                                        guint        *n_out,
                                        GError      **error);
/* describe_state: {"categories_": [names of each column's categories]}. */
JsonNode *lb_prep_categories_describe  (const LbPrepCategories *cats,
                                        guint         n);

/* --- small numeric helpers --- */
/* qsort / bsearch comparator for doubles (NaN last). */
int       lb_prep_compare_doubles      (const void   *a,
                                        const void   *b);

/* Cancellation / progress with a context that may be NULL. */
static inline gboolean
lb_prep_cancelled (LbFitContext *ctx,
                   GError      **error)
{
  return ctx != NULL && lb_fit_context_check_cancelled (ctx, error);
}

static inline void
lb_prep_report (LbFitContext *ctx,
                double        fraction)
{
  if (ctx != NULL)
    lb_fit_context_report_fraction (ctx, fraction);
}

/* Property setters that notify only on change (G_PARAM_EXPLICIT_NOTIFY). */
void      lb_prep_set_boolean          (GObject      *object,
                                        gboolean     *field,
                                        gboolean      value,
                                        GParamSpec   *pspec);
void      lb_prep_set_double           (GObject      *object,
                                        double       *field,
                                        double        value,
                                        GParamSpec   *pspec);
void      lb_prep_set_int              (GObject      *object,
                                        int          *field,
                                        int           value,
                                        GParamSpec   *pspec);

G_END_DECLS
