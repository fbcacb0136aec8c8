/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-kneighbors.h: what the k-nearest-neighbours models share: the weights
 * option and a brute-force neighbour query (Euclidean distances through one
 * dgemm per chunk of queries, as scikit-learn's brute force; Manhattan and
 * other Minkowski distances by direct sums).
 */
#pragma once

#include "lb-matrix.h"

G_BEGIN_DECLS

typedef enum
{
  LB_KNN_WEIGHTS_UNIFORM,   /* "uniform": every neighbour counts the same */
  LB_KNN_WEIGHTS_DISTANCE,  /* "distance": weight 1/d; exact matches take all the weight */
} LbKnnWeights;

#define LB_TYPE_KNN_WEIGHTS (lb_knn_weights_get_type ())
GType    lb_knn_weights_get_type (void) G_GNUC_CONST;

/* The @k nearest rows of @X_fit (n_fit, p) for every row of @X (n, p): their
 * indices @ind and distances @dist, both (n, k) row-major, sorted by increasing
 * distance; equal distances keep the lower training index first (scikit-learn
 * leaves that order unspecified). @p_norm >= 1: 2 Euclidean, 1 Manhattan.
 * Fails when k > n_fit or the shapes differ. */
gboolean lb_kneighbors_query     (const LbMatrix *X_fit,
                                  const LbMatrix *X,
                                  guint           k,
                                  double          p_norm,
                                  guint          *ind,
                                  double         *dist,
                                  GError        **error);

/* lb_kneighbors_query into newly allocated (n, k) arrays (g_free them), for a
 * model @X_fit (NULL: not fitted yet — the error names @model). */
gboolean lb_kneighbors_query_new (const LbMatrix *X_fit,
                                  const char     *model,
                                  const LbMatrix *X,
                                  guint           k,
                                  double          p_norm,
                                  guint         **ind,
                                  double        **dist,
                                  GError        **error);
/* The public kneighbors() of both models: distances and indices as (n, k)
 * matrices (either may be NULL). */
gboolean lb_kneighbors_matrices  (const LbMatrix *X_fit,
                                  const char     *model,
                                  const LbMatrix *X,
                                  guint           k,
                                  double          p_norm,
                                  LbMatrix      **distances,
                                  LbMatrix      **indices,
                                  GError        **error);

/* Weights of one query's @k neighbours from their distances (scikit-learn's
 * _get_weights: 1/d, and when some d == 0 those get 1 and the others 0). */
void     lb_kneighbors_weights   (const double   *dist,
                                  guint           k,
                                  LbKnnWeights    weights,
                                  double         *w);

G_END_DECLS
