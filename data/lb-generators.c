/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-generators.c: the book's synthetic data sets. Shapes follow
 * scikit-learn 1.2.1 (make_moons, make_circles, make_blobs, make_swiss_roll:
 * same formulas, same class sizes, rows shuffled, noise added after the
 * shuffle) and chapter 4's linear / quadratic data; the random numbers are
 * lb-rng's, so a seed gives the same table everywhere.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-generators.h"
#include "lb-rng.h"

/* --- helpers --- */

/* numpy.linspace (start, stop, n, endpoint) element @i */
static double
linspace (double   start,
          double   stop,
          gsize    n,
          gboolean endpoint,
          gsize    i)
{
  gsize div = endpoint ? n - 1 : n;
  double step;

  if (div == 0)
    return start;
  if (endpoint && i == n - 1)
    return stop;
  step = (stop - start) / (double) div;
  return (double) i * step + start;
}

static LbColumn *
label_column (const guint *labels,
              gsize        n,
              guint        n_classes)
{
  gint32 *codes = g_new (gint32, MAX (n, 1));
  char **categories = g_new0 (char *, n_classes + 1);

  for (gsize i = 0; i < n; i++)
    codes[i] = labels[i];
  for (guint k = 0; k < n_classes; k++)
    categories[k] = g_strdup_printf ("%u", k);
  return lb_column_new_categorical ("label", codes, n, categories);
}

/* Builds a table from @n_cols numeric arrays (taken) plus an optional label
 * column; generators cannot fail once their arguments are checked. */
static LbTable *
make_table (const char * const *names,
            double            **cols,
            guint               n_cols,
            LbColumn           *label,
            gsize               n,
            const char         *source)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;

  for (guint c = 0; c < n_cols; c++)
    g_ptr_array_add (columns, lb_column_new_numeric (names[c], cols[c], n));
  if (label != NULL)
    g_ptr_array_add (columns, label);
  table = lb_table_new (columns, &error);
  g_assert_no_error (error);
  return lb_table_with_source (table, source);
}

/* a random permutation of 0..n-1 (sklearn's shuffle of the rows) */
static guint *
permutation (LbRng *rng,
             gsize  n)
{
  guint *perm = g_new (guint, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    perm[i] = i;
  lb_rng_shuffle (rng, perm, n);
  return perm;
}

/* --- chapter 4 --- */

LbTable *
lb_generate_linear (gsize   n,
                    guint64 seed)
{
  static const char * const names[] = { "x", "y" };
  double *cols[2] = { g_new (double, MAX (n, 1)), g_new (double, MAX (n, 1)) };
  LbRng rng;

  g_return_val_if_fail (n > 0, NULL);

  lb_rng_init (&rng, seed);
  /* X = 2 * rand (m, 1); y = 4 + 3 X + randn (m, 1) */
  for (gsize i = 0; i < n; i++)
    cols[0][i] = 2.0 * lb_rng_uniform (&rng);
  for (gsize i = 0; i < n; i++)
    cols[1][i] = 4.0 + 3.0 * cols[0][i] + lb_rng_normal (&rng);
  return make_table (names, cols, 2, NULL, n, "linear");
}

LbTable *
lb_generate_quadratic (gsize   n,
                       guint64 seed)
{
  static const char * const names[] = { "x", "y" };
  double *cols[2] = { g_new (double, MAX (n, 1)), g_new (double, MAX (n, 1)) };
  LbRng rng;

  g_return_val_if_fail (n > 0, NULL);

  lb_rng_init (&rng, seed);
  /* X = 6 * rand (m, 1) - 3; y = 0.5 X^2 + X + 2 + randn (m, 1) */
  for (gsize i = 0; i < n; i++)
    cols[0][i] = 6.0 * lb_rng_uniform (&rng) - 3.0;
  for (gsize i = 0; i < n; i++)
    {
      double x = cols[0][i];

      cols[1][i] = 0.5 * x * x + x + 2.0 + lb_rng_normal (&rng);
    }
  return make_table (names, cols, 2, NULL, n, "quadratic");
}

/* --- scikit-learn's shapes --- */

/* Two classes of points on curves: the first n / 2 rows (class 0) from
 * @outer, the rest (class 1) from @inner; then shuffled; then noise. */
typedef void (*CurveFunc) (gsize i, gsize n_class, double param, double *x, double *y);

static LbTable *
two_classes (gsize       n,
             double      noise,
             double      param,
             CurveFunc   outer,
             CurveFunc   inner,
             guint64     seed,
             const char *source)
{
  static const char * const names[] = { "x1", "x2" };
  gsize n_out = n / 2, n_in = n - n_out;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree guint *labels = g_new (guint, n);
  g_autofree guint *perm = NULL;
  double *cols[2] = { g_new (double, n), g_new (double, n) };
  LbRng rng;

  for (gsize i = 0; i < n_out; i++)
    {
      outer (i, n_out, param, &x[i], &y[i]);
      labels[i] = 0;
    }
  for (gsize i = 0; i < n_in; i++)
    {
      inner (i, n_in, param, &x[n_out + i], &y[n_out + i]);
      labels[n_out + i] = 1;
    }

  lb_rng_init (&rng, seed);
  perm = permutation (&rng, n);
  {
    g_autofree guint *shuffled = g_new (guint, n);

    for (gsize i = 0; i < n; i++)
      {
        cols[0][i] = x[perm[i]];
        cols[1][i] = y[perm[i]];
        shuffled[i] = labels[perm[i]];
      }
    memcpy (labels, shuffled, n * sizeof (guint));
  }
  /* generator.normal (scale=noise, size=(n, 2)): row-major */
  if (noise > 0.0)
    for (gsize i = 0; i < n; i++)
      {
        cols[0][i] += noise * lb_rng_normal (&rng);
        cols[1][i] += noise * lb_rng_normal (&rng);
      }
  return make_table (names, cols, 2, label_column (labels, n, 2), n, source);
}

static void
moon_outer (gsize i, gsize n_class, double param, double *x, double *y)
{
  double t = linspace (0.0, G_PI, n_class, TRUE, i);

  *x = cos (t);
  *y = sin (t);
}

static void
moon_inner (gsize i, gsize n_class, double param, double *x, double *y)
{
  double t = linspace (0.0, G_PI, n_class, TRUE, i);

  *x = 1.0 - cos (t);
  *y = 1.0 - sin (t) - 0.5;
}

LbTable *
lb_generate_moons (gsize   n,
                   double  noise,
                   guint64 seed)
{
  g_return_val_if_fail (n >= 2, NULL);
  g_return_val_if_fail (noise >= 0.0, NULL);

  return two_classes (n, noise, 0.0, moon_outer, moon_inner, seed, "moons");
}

static void
circle_outer (gsize i, gsize n_class, double factor, double *x, double *y)
{
  double t = linspace (0.0, 2.0 * G_PI, n_class, FALSE, i);

  *x = cos (t);
  *y = sin (t);
}

static void
circle_inner (gsize i, gsize n_class, double factor, double *x, double *y)
{
  double t = linspace (0.0, 2.0 * G_PI, n_class, FALSE, i);

  *x = cos (t) * factor;
  *y = sin (t) * factor;
}

LbTable *
lb_generate_circles (gsize   n,
                     double  noise,
                     double  factor,
                     guint64 seed)
{
  g_return_val_if_fail (n >= 2, NULL);
  g_return_val_if_fail (noise >= 0.0, NULL);
  /* scikit-learn: "'factor' has to be between 0 and 1" */
  g_return_val_if_fail (factor >= 0.0 && factor < 1.0, NULL);

  return two_classes (n, noise, factor, circle_outer, circle_inner, seed, "circles");
}

LbTable *
lb_generate_blobs (gsize   n,
                   guint   n_features,
                   guint   centers,
                   double  cluster_std,
                   guint64 seed)
{
  g_autofree double *centres = NULL;
  g_autofree double *x = NULL;
  g_autofree guint *labels = NULL;
  g_autofree guint *perm = NULL;
  g_autofree guint *shuffled = NULL;
  g_autofree double **cols = NULL;
  g_auto(GStrv) names = NULL;
  gsize row = 0;
  LbRng rng;
  LbTable *table;

  g_return_val_if_fail (n > 0, NULL);
  g_return_val_if_fail (n_features > 0 && n_features <= 1000, NULL);
  g_return_val_if_fail (centers > 0 && centers <= 1000, NULL);
  g_return_val_if_fail (cluster_std >= 0.0, NULL);

  lb_rng_init (&rng, seed);
  /* centers = generator.uniform (-10, 10, size=(centers, n_features)) */
  centres = g_new (double, (gsize) centers * n_features);
  for (gsize k = 0; k < (gsize) centers * n_features; k++)
    centres[k] = -10.0 + 20.0 * lb_rng_uniform (&rng);

  /* n // centers points per centre, the first n % centers get one more */
  x = g_new (double, n * n_features);
  labels = g_new (guint, n);
  for (guint c = 0; c < centers; c++)
    {
      gsize n_c = n / centers + (c < n % centers ? 1 : 0);

      for (gsize i = 0; i < n_c; i++, row++)
        {
          for (guint f = 0; f < n_features; f++)
            x[row * n_features + f] = centres[(gsize) c * n_features + f]
                                      + cluster_std * lb_rng_normal (&rng);
          labels[row] = c;
        }
    }
  g_assert (row == n);

  perm = permutation (&rng, n);
  shuffled = g_new (guint, n);
  cols = g_new (double *, n_features);
  names = g_new0 (char *, n_features + 1);
  for (guint f = 0; f < n_features; f++)
    {
      cols[f] = g_new (double, n);
      names[f] = g_strdup_printf ("x%u", f + 1);
      for (gsize i = 0; i < n; i++)
        cols[f][i] = x[perm[i] * n_features + f];
    }
  for (gsize i = 0; i < n; i++)
    shuffled[i] = labels[perm[i]];

  table = make_table ((const char * const *) names, cols, n_features,
                      label_column (shuffled, n, centers), n, "blobs");
  return table;
}

LbTable *
lb_generate_swiss_roll (gsize   n,
                        double  noise,
                        guint64 seed)
{
  static const char * const names[] = { "x1", "x2", "x3", "t" };
  double *cols[4];
  LbRng rng;

  g_return_val_if_fail (n > 0, NULL);
  g_return_val_if_fail (noise >= 0.0, NULL);

  for (int c = 0; c < 4; c++)
    cols[c] = g_new (double, n);
  lb_rng_init (&rng, seed);
  /* t = 1.5 pi (1 + 2 U); height = 21 U; (t cos t, height, t sin t) + noise N(0, 1) */
  for (gsize i = 0; i < n; i++)
    cols[3][i] = 1.5 * G_PI * (1.0 + 2.0 * lb_rng_uniform (&rng));
  for (gsize i = 0; i < n; i++)
    cols[1][i] = 21.0 * lb_rng_uniform (&rng);
  for (gsize i = 0; i < n; i++)
    {
      double t = cols[3][i];

      cols[0][i] = t * cos (t);
      cols[2][i] = t * sin (t);
    }
  if (noise > 0.0)
    for (int c = 0; c < 3; c++)
      for (gsize i = 0; i < n; i++)
        cols[c][i] += noise * lb_rng_normal (&rng);
  return make_table (names, cols, 4, NULL, n, "swiss-roll");
}
