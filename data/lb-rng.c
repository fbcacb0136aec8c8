/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-rng.c: xoshiro256** (Blackman & Vigna) seeded through splitmix64. Every
 * random number in Learnbench comes from here, so a seed names one stream on
 * every machine: no libc rand(), no dependence on thread counts.
 */
#include "config.h"

#include <math.h>

#include "lb-rng.h"

static inline guint64
rotl (guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

void
lb_rng_init (LbRng   *rng,
             guint64  seed)
{
  guint64 state = seed;

  g_return_if_fail (rng != NULL);

  /* splitmix64 never yields four zero words in a row, so the state is valid */
  for (int i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&state);
}

/* A stream per task: the seed and the stream index are mixed through
 * splitmix64 before seeding, so neighbouring streams are unrelated. */
void
lb_rng_init_stream (LbRng   *rng,
                    guint64  seed,
                    guint64  stream)
{
  guint64 a = seed;
  guint64 b = stream ^ G_GUINT64_CONSTANT (0x6a09e667f3bcc909);

  g_return_if_fail (rng != NULL);

  lb_rng_init (rng, splitmix64 (&a) ^ rotl (splitmix64 (&b), 17));
}

guint64
lb_rng_next (LbRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* 53 random bits: every double of the form k / 2^53, k in [0, 2^53) */
double
lb_rng_uniform (LbRng *rng)
{
  return (double) (lb_rng_next (rng) >> 11) * 0x1.0p-53;
}

/* Rejection on the low residues: the accepted range is a multiple of @bound,
 * so every value in [0, bound) is equally likely. */
guint64
lb_rng_below (LbRng   *rng,
              guint64  bound)
{
  guint64 threshold;

  g_return_val_if_fail (bound > 0, 0);

  threshold = (-bound) % bound;  /* 2^64 mod bound */
  for (;;)
    {
      guint64 r = lb_rng_next (rng);

      if (r >= threshold)
        return r % bound;
    }
}

/* Box–Muller, one value per call (the state has no room for a spare, and a
 * cached spare would make a stream depend on how it was consumed). */
double
lb_rng_normal (LbRng *rng)
{
  double u1 = 1.0 - lb_rng_uniform (rng);  /* (0, 1]: log is finite */
  double u2 = lb_rng_uniform (rng);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

/* Fisher–Yates */
void
lb_rng_shuffle (LbRng *rng,
                guint *values,
                gsize  n)
{
  g_return_if_fail (n == 0 || values != NULL);

  for (gsize i = n; i > 1; i--)
    {
      gsize j = lb_rng_below (rng, i);
      guint tmp = values[i - 1];

      values[i - 1] = values[j];
      values[j] = tmp;
    }
}
