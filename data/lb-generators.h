/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-generators.h: the book's synthetic data sets, seeded (the same seed gives
 * the same table on every machine and thread count). Definitions follow
 * scikit-learn's make_moons / make_circles / make_blobs / make_swiss_roll and
 * the book's chapter 4 data; the random stream is ours (lb-rng), so values
 * are not numpy's.
 */
#pragma once

#include "lb-table.h"

G_BEGIN_DECLS

/* y = 4 + 3 x + N(0, 1), x ~ U(0, 2): columns x, y */
LbTable *lb_generate_linear     (gsize n, guint64 seed);
/* y = 0.5 x^2 + x + 2 + N(0, 1), x ~ U(-3, 3): columns x, y */
LbTable *lb_generate_quadratic  (gsize n, guint64 seed);
/* columns x1, x2, label (categorical "0"/"1") */
LbTable *lb_generate_moons      (gsize n, double noise, guint64 seed);
LbTable *lb_generate_circles    (gsize n, double noise, double factor, guint64 seed);
/* @centers clusters with std @cluster_std in @n_features dims, centres U(-10, 10) */
LbTable *lb_generate_blobs      (gsize n, guint n_features, guint centers, double cluster_std, guint64 seed);
/* columns x1, x2, x3, t */
LbTable *lb_generate_swiss_roll (gsize n, double noise, guint64 seed);

/* The samples offered in the UI and accepted as "sample:NAME" by lb_load_table. */
typedef struct
{
  const char *id;        /* "moons" */
  const char *title;     /* translatable (N_()) */
  const char *summary;   /* translatable (N_()) */
} LbSampleInfo;

const LbSampleInfo *lb_samples_list  (guint *n_samples);
LbTable            *lb_sample_load   (const char *id, GCancellable *cancellable, GError **error);

G_END_DECLS
