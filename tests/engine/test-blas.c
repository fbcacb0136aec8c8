/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-blas.c: the BLAS thread budget (lb-blas.h) — limits nest, may be
 * released out of order and from several threads at once, always leave
 * OpenBLAS at the default afterwards; and lb_parallel_run holds BLAS to one
 * thread while several workers run (to the inner budget with one worker).
 */
#include "config.h"

#include <cblas.h>
#include <math.h>

#include "lb-engine.h"
#include "lb-parallel-private.h"

/* What OpenBLAS itself reports must always equal what lb-blas says. */
static void
assert_blas_threads (guint expected)
{
  g_assert_cmpuint (lb_blas_get_threads (), ==, expected);
  g_assert_cmpint (openblas_get_num_threads (), ==, (int) expected);
}

static void
test_default (void)
{
  guint def = lb_blas_get_default_threads ();

  g_assert_cmpuint (def, >=, 1);
  g_assert_cmpuint (def, <=, MAX (g_get_num_processors (), 1));
  assert_blas_threads (def);

  lb_blas_set_default_threads (1);
  assert_blas_threads (1);
  lb_blas_set_default_threads (3);
  assert_blas_threads (3);
  lb_blas_set_default_threads (0);            /* back to the startup value */
  g_assert_cmpuint (lb_blas_get_default_threads (), ==, def);
  assert_blas_threads (def);
}

static void
test_nested (void)
{
  guint def = lb_blas_get_default_threads ();
  LbBlasLimit *outer, *inner, *wide;

  outer = lb_blas_limit_push (1);
  assert_blas_threads (1);
  wide = lb_blas_limit_push (64);             /* a wider limit never raises */
  assert_blas_threads (1);
  inner = lb_blas_limit_push (1);
  /* released out of order: the outer one first, as when two overlapping
   * regions end in the other order; a save/restore scheme would put the
   * default back here while @inner is still held */
  lb_blas_limit_pop (outer);
  assert_blas_threads (1);
  lb_blas_limit_pop (inner);
  assert_blas_threads (MIN (def, 64));
  lb_blas_limit_pop (wide);
  assert_blas_threads (def);

  /* a default changed under a limit applies once the limit is gone */
  {
    g_autoptr(LbBlasLimit) held = lb_blas_limit_push (1);

    lb_blas_set_default_threads (2);
    assert_blas_threads (1);
  }
  assert_blas_threads (2);
  lb_blas_set_default_threads (0);
  assert_blas_threads (def);
}

/* --- many threads taking limits at once --- */

typedef struct
{
  gint violations;   /* atomic: a thread saw more BLAS threads than it held */
} Hammer;

static gpointer
hammer_thread (gpointer user_data)
{
  Hammer *h = user_data;

  for (guint i = 0; i < 2000; i++)
    {
      LbBlasLimit *a = lb_blas_limit_push (1 + i % 3);
      LbBlasLimit *b = lb_blas_limit_push (1);

      if (openblas_get_num_threads () != 1)
        g_atomic_int_inc (&h->violations);
      if (i % 2 == 0)
        {
          lb_blas_limit_pop (a);
          lb_blas_limit_pop (b);
        }
      else
        {
          lb_blas_limit_pop (b);
          if (openblas_get_num_threads () > (int) (1 + i % 3))
            g_atomic_int_inc (&h->violations);
          lb_blas_limit_pop (a);
        }
    }
  return NULL;
}

static void
test_threads (void)
{
  Hammer h = { 0 };
  GThread *threads[6];

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("hammer", hammer_thread, &h);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_thread_join (threads[t]);
  g_assert_cmpint (h.violations, ==, 0);
  assert_blas_threads (lb_blas_get_default_threads ());
}

/* --- lb_parallel_run --- */

typedef struct
{
  int seen[16];   /* openblas_get_num_threads () inside each task */
} Seen;

static gboolean
record_task (guint     index,
             gpointer  data,
             GError  **error)
{
  Seen *s = data;

  s->seen[index] = openblas_get_num_threads ();
  g_usleep (1000);   /* let the workers overlap */
  return TRUE;
}

static void
test_parallel_run (void)
{
  guint def = lb_blas_get_default_threads ();
  g_autoptr(GError) error = NULL;
  Seen s = { { 0 } };

  /* several workers: BLAS on one thread for every task */
  g_assert_true (lb_parallel_run (16, 2, 4, NULL, record_task, &s, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 16; i++)
    g_assert_cmpint (s.seen[i], ==, 1);
  assert_blas_threads (def);

  /* one worker: BLAS may use the inner budget, never more than the default */
  g_assert_true (lb_parallel_run (16, 1, 2, NULL, record_task, &s, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 16; i++)
    g_assert_cmpint (s.seen[i], ==, (int) MIN (def, 2));
  g_assert_true (lb_parallel_run (4, 1, 1, NULL, record_task, &s, &error));
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (s.seen[i], ==, 1);
  assert_blas_threads (def);

  /* nested: a parallel region inside a task of another */
  {
    g_autoptr(LbBlasLimit) outer = lb_blas_limit_push (1);

    g_assert_true (lb_parallel_run (16, 1, 8, NULL, record_task, &s, &error));
    for (guint i = 0; i < 16; i++)
      g_assert_cmpint (s.seen[i], ==, 1);
  }
  assert_blas_threads (def);
}

/* Parking OpenBLAS's helper threads, then the counts and products after it:
 * the limits still apply, and a threaded dgemm (which restarts the helpers)
 * gives what a one-thread one gives (to 1e-12 relative: only the split of
 * the output between threads differs). Last: it parks this process's BLAS. */
static void
test_parked (void)
{
  guint def = lb_blas_get_default_threads ();
  const int n = 300;
  g_autofree double *a = g_new (double, n * n);
  g_autofree double *c1 = g_new0 (double, n * n);
  g_autofree double *c2 = g_new0 (double, n * n);
  LbBlasLimit *limit;

  for (int i = 0; i < n * n; i++)
    a[i] = (i % 97) / 97.0 - 0.5;
  limit = lb_blas_limit_push (1);
  cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasTrans, n, n, n, 1.0, a, n, a, n, 0.0, c1, n);
  lb_blas_limit_pop (limit);

  lb_blas_park_helper_threads ();
  assert_blas_threads (def);
  limit = lb_blas_limit_push_small (1e3);      /* small work: one thread */
  g_assert_nonnull (limit);
  assert_blas_threads (1);
  lb_blas_limit_pop (limit);
  assert_blas_threads (def);
  g_assert_null (lb_blas_limit_push_small (1e12));   /* large work: no limit */
  assert_blas_threads (def);

  cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasTrans, n, n, n, 1.0, a, n, a, n, 0.0, c2, n);
  for (int i = 0; i < n * n; i++)
    g_assert_cmpfloat_with_epsilon (c2[i], c1[i], 1e-12 * MAX (fabs (c1[i]), 1.0));
  assert_blas_threads (def);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/engine/Blas/default", test_default);
  g_test_add_func ("/learnbench/engine/Blas/nested", test_nested);
  g_test_add_func ("/learnbench/engine/Blas/threads", test_threads);
  g_test_add_func ("/learnbench/engine/Blas/parallel-run", test_parallel_run);
  g_test_add_func ("/learnbench/engine/Blas/parked", test_parked);

  return g_test_run ();
}
