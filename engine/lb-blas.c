/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-blas.c: BLAS thread limits as a list of held limits under one mutex.
 * Restoring never relies on "the value before me" (wrong as soon as two
 * regions overlap on different threads): the count is recomputed from what
 * is still held, and OpenBLAS is told only when it changes.
 */
#include "config.h"

#include <cblas.h>

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
