/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-kneighbors-private.h: what KNeighborsClassifier and KNeighborsRegressor
 * share apart from the query of lb-kneighbors.h: their hyper-parameters
 * (n-neighbors, weights, p) and their learned state — the remembered training
 * set — with its model-file form (every length checked on load).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lb-kneighbors.h"
#include "lb-matrix.h"

G_BEGIN_DECLS

/* --- hyper-parameters: GObject properties 1..3 of both models --- */
typedef struct
{
  guint        n_neighbors;
  LbKnnWeights weights;
  double       p;
} LbKnnParams;

void      lb_kneighbors_params_init     (LbKnnParams    *params);
/* Installs "n-neighbors" (its blurb @n_neighbors_blurb, an N_() string),
 * "weights" and "p" as properties 1, 2 and 3 of @klass. */
void      lb_kneighbors_install_properties (GObjectClass *klass,
                                         const char     *n_neighbors_blurb);
void      lb_kneighbors_get_property    (GObject        *object,
                                         const LbKnnParams *params,
                                         guint           prop_id,
                                         GValue         *value,
                                         GParamSpec     *pspec);
/* Sets and notifies on change (G_PARAM_EXPLICIT_NOTIFY). */
void      lb_kneighbors_set_property    (GObject        *object,
                                         LbKnnParams    *params,
                                         guint           prop_id,
                                         const GValue   *value,
                                         GParamSpec     *pspec);

/* --- the remembered training set --- */

/* Fitting is remembering: a reference to @X (immutable once shared) and a
 * copy of @y's values; the old ones are dropped. */
void      lb_kneighbors_remember        (LbMatrix      **X_fit,
                                         double        **y_fit,
                                         LbMatrix       *X,
                                         const LbMatrix *y);
void      lb_kneighbors_forget          (LbMatrix      **X_fit,
                                         double        **y_fit);
/* {"n_samples", "n_features", "X" (row-major), "y"}. */
JsonNode *lb_kneighbors_state_to_json   (const LbMatrix *X_fit,
                                         const double   *y_fit);
/* Reads what _to_json wrote (with @class_codes, y must hold whole numbers
 * >= 0); only when all of it reads are *@X_fit and *@y_fit replaced. */
gboolean  lb_kneighbors_state_from_json (JsonNode       *state,
                                         gboolean        class_codes,
                                         LbMatrix      **X_fit,
                                         double        **y_fit,
                                         GError        **error);
/* describe_state: the number of remembered samples (NULL when not fitted). */
JsonNode *lb_kneighbors_describe_state  (const LbMatrix *X_fit);

G_END_DECLS
