/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-blas.c: BLAS thread limits as a list of held limits under one mutex.
 * Restoring never relies on "the value before me" (wrong as soon as two
 * regions overlap on different threads): the count is recomputed from what
 * is still held, and OpenBLAS is told only when it changes.
 */
#include "config.h"

#include <cblas.h>
#include <dlfcn.h>

#include "lb-blas.h"

struct _LbBlasLimit
{
  guint max_threads;
};

static GMutex   blas_lock;
static gboolean blas_initialised;   /* under blas_lock */
static guint    blas_startup;       /* OpenBLAS's own choice, capped */
static guint    blas_default;       /* used while no limit is held */
static guint    blas_current;       /* what OpenBLAS was last told */
static GSList  *blas_limits;        /* of LbBlasLimit *, the held ones */
static int     *blas_cpu_number;    /* OpenBLAS's count, once its helpers are parked */

/* Called with blas_lock held: tells OpenBLAS the smallest held limit (or the
 * default) when that differs from what it uses now. */
static void
blas_apply_locked (void)
{
  guint n = blas_default;

  for (GSList *l = blas_limits; l != NULL; l = l->next)
    n = MIN (n, ((LbBlasLimit *) l->data)->max_threads);
  n = MAX (n, 1);
  if (n != blas_current)
    {
      /* openblas_set_num_threads would restart parked helpers (to spin for
       * 0.1 s); up to the startup count, the count alone is what it sets.
       * A threaded call restarts them when it needs them. */
      if (blas_cpu_number != NULL && n <= blas_startup)
        *blas_cpu_number = (int) n;
      else
        openblas_set_num_threads ((int) n);
      blas_current = n;
    }
}

/* Called with blas_lock held. */
static void
blas_init_locked (void)
{
  int n;

  if (blas_initialised)
    return;
  n = openblas_get_num_threads ();
  blas_startup = CLAMP ((guint) MAX (n, 1), 1, MAX (g_get_num_processors (), 1));
  blas_default = blas_startup;
  blas_current = (guint) MAX (n, 1);
  blas_initialised = TRUE;
  blas_apply_locked ();   /* the cap, when OpenBLAS chose more */
}

guint
lb_blas_get_default_threads (void)
{
  guint n;

  g_mutex_lock (&blas_lock);
  blas_init_locked ();
  n = blas_default;
  g_mutex_unlock (&blas_lock);
  return n;
}

void
lb_blas_set_default_threads (guint n_threads)
{
  g_mutex_lock (&blas_lock);
  blas_init_locked ();
  blas_default = n_threads > 0 ? n_threads : blas_startup;
  blas_apply_locked ();
  g_mutex_unlock (&blas_lock);
}

guint
lb_blas_get_threads (void)
{
  guint n;

  g_mutex_lock (&blas_lock);
  blas_init_locked ();
  blas_apply_locked ();
  n = blas_current;
  g_mutex_unlock (&blas_lock);
  return n;
}

LbBlasLimit *
lb_blas_limit_push (guint max_threads)
{
  LbBlasLimit *limit = g_new (LbBlasLimit, 1);

  limit->max_threads = MAX (max_threads, 1);
  g_mutex_lock (&blas_lock);
  blas_init_locked ();
  blas_limits = g_slist_prepend (blas_limits, limit);
  blas_apply_locked ();
  g_mutex_unlock (&blas_lock);
  return limit;
}

void
lb_blas_limit_pop (LbBlasLimit *limit)
{
  gboolean found;

  g_return_if_fail (limit != NULL);

  g_mutex_lock (&blas_lock);
  found = g_slist_find (blas_limits, limit) != NULL;
  blas_limits = g_slist_remove (blas_limits, limit);
  blas_apply_locked ();
  g_mutex_unlock (&blas_lock);
  g_return_if_fail (found);   /* popped twice, or never pushed: leave it alone */
  g_free (limit);
}

/* Below this many flops (a few ms of one core) a second BLAS thread never
 * pays for waking it: 14 860×16 dsyrk is ~3.8e6. */
#define LB_BLAS_SMALL_FLOPS 3.0e7

LbBlasLimit *
lb_blas_limit_push_small (double flops)
{
  return flops < LB_BLAS_SMALL_FLOPS ? lb_blas_limit_push (1) : NULL;
}

void
lb_blas_park_helper_threads (void)
{
  /* OpenBLAS's own fork preparation; not in cblas.h, so looked up: absent
   * from other BLAS libraries, where this does nothing. */
  int (*shutdown) (void) = (int (*) (void)) dlsym (RTLD_DEFAULT, "blas_thread_shutdown_");
  int *cpu_number = dlsym (RTLD_DEFAULT, "blas_cpu_number");

  if (shutdown == NULL || cpu_number == NULL)
    return;
  g_mutex_lock (&blas_lock);
  blas_init_locked ();
  shutdown ();
  blas_cpu_number = cpu_number;
  g_mutex_unlock (&blas_lock);
}
