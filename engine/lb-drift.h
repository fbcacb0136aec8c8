/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-drift.h: how far new data has moved from the training data, one column
 * at a time (the Launch step's drift check). The population stability index
 * PSI = Σ (aᵢ − eᵢ) · ln (aᵢ / eᵢ) over bins, with eᵢ the training share and
 * aᵢ the new data's share of bin i. Numeric columns use the training deciles
 * as bin edges (numpy's linear quantiles; a value equal to an edge belongs to
 * the lower bin); categorical columns use their categories; missing values
 * are a bin of their own when either side has any. A share of 0 counts as
 * LB_DRIFT_EPSILON so the logarithm stays finite. The usual reading: below
 * 0.1 stable, 0.1 to 0.25 a moderate shift, 0.25 or more a large one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LB_DRIFT_EPSILON   1e-4
#define LB_DRIFT_MODERATE  0.1
#define LB_DRIFT_LARGE     0.25

typedef struct
{
  guint   n_bins;        /* including the missing-value bin when present */
  double *edges;         /* n_edges inner edges (numeric), ascending, unique */
  guint   n_edges;
  gboolean has_missing;  /* the last bin holds the missing values */
  double *expected;      /* n_bins training shares (sum 1) */
  double *actual;        /* n_bins new-data shares (sum 1) */
  double  psi;
  double  total_variation; /* ½ Σ |aᵢ − eᵢ| */
} LbDrift;

/* PSI of a numeric column on the training quantiles (@n_quantile_bins: 10 for
 * deciles). NULL when @train has no finite value (or @n_new is 0). */
LbDrift *lb_drift_numeric       (const double *train,
                                 gsize         n_train,
                                 const double *fresh,
                                 gsize         n_new,
                                 guint         n_quantile_bins);
/* PSI of category codes: @train_codes in 0..@n_categories-1 or -1 (missing);
 * @new_codes the same codes (map the new data's names onto the training's
 * first; a category unseen in training is code @n_categories, one more bin). */
LbDrift *lb_drift_categorical   (const gint32 *train_codes,
                                 gsize         n_train,
                                 const gint32 *new_codes,
                                 gsize         n_new,
                                 guint         n_categories);
/* 0 stable, 1 moderate (>= 0.1), 2 large (>= 0.25). */
int      lb_drift_level         (double        psi);
void     lb_drift_free          (LbDrift      *drift);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbDrift, lb_drift_free)

G_END_DECLS
