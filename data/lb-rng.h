/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-rng.h: the project's seedable random numbers (xoshiro256** seeded through
 * splitmix64). A stream depends only on its seed, never on thread counts; derive
 * per-task streams with lb_rng_init_stream (seed, task_index).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct { guint64 s[4]; } LbRng;

void    lb_rng_init        (LbRng *rng, guint64 seed);
void    lb_rng_init_stream (LbRng *rng, guint64 seed, guint64 stream);
guint64 lb_rng_next        (LbRng *rng);
double  lb_rng_uniform     (LbRng *rng);                 /* [0, 1) */
guint64 lb_rng_below       (LbRng *rng, guint64 bound);  /* [0, bound), unbiased */
double  lb_rng_normal      (LbRng *rng);                 /* N(0, 1) */
void    lb_rng_shuffle     (LbRng *rng, guint *values, gsize n);

G_END_DECLS
