/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-parallel.c: a minimal work-sharing loop. Workers take the next task index
 * from an atomic counter; the caller's thread is one of them, so a budget of
 * 1 thread is plain serial code. Nested inside an LbJob it needs no pool slot.
 * BLAS is held to the inner budget meanwhile, 1 thread with several workers.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-blas.h"
#include "lb-parallel-private.h"

typedef struct
{
  guint               n_tasks;
  gint                next;          /* atomic */
  gint                stop;          /* atomic */
  GCancellable       *cancellable;
  LbParallelTaskFunc  func;
  gpointer            data;
  GMutex              lock;
  GError             *error;         /* of the lowest failing index */
  guint               error_index;
  guint               n_done;        /* under lock */
} Loop;

static gpointer
worker (gpointer user_data)
{
  Loop *loop = user_data;

  for (;;)
    {
      GError *local = NULL;
      guint index;

      if (g_atomic_int_get (&loop->stop)
          || (loop->cancellable != NULL && g_cancellable_is_cancelled (loop->cancellable)))
        break;
      index = (guint) g_atomic_int_add (&loop->next, 1);
      if (index >= loop->n_tasks)
        break;
      if (!loop->func (index, loop->data, &local))
        {
          g_mutex_lock (&loop->lock);
          if (loop->error == NULL || index < loop->error_index)
            {
              g_clear_error (&loop->error);
              loop->error = local;
              loop->error_index = index;
              local = NULL;
            }
          g_mutex_unlock (&loop->lock);
          g_clear_error (&local);
          g_atomic_int_set (&loop->stop, 1);
          break;
        }
      g_mutex_lock (&loop->lock);
      loop->n_done++;
      g_mutex_unlock (&loop->lock);
    }
  return NULL;
}

gboolean
lb_parallel_run (guint               n_tasks,
                 guint               n_workers,
                 guint               inner_threads,
                 GCancellable       *cancellable,
                 LbParallelTaskFunc  func,
                 gpointer            data,
                 GError            **error)
{
  Loop loop = { 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  LbBlasLimit *blas_limit = NULL;
  gboolean ok;

  g_return_val_if_fail (func != NULL, FALSE);

  loop.n_tasks = n_tasks;
  loop.cancellable = cancellable;
  loop.func = func;
  loop.data = data;
  g_mutex_init (&loop.lock);

  n_workers = CLAMP (n_workers, 1, MAX (n_tasks, 1));
  /* The budget is shared with BLAS: k workers each running multi-threaded
   * BLAS would oversubscribe the cores, so BLAS runs on 1 thread until every
   * worker is joined (held before the first worker starts); a single worker
   * may use the inner budget. */
  blas_limit = lb_blas_limit_push (n_workers > 1 ? 1 : MAX (inner_threads, 1));
  for (guint w = 1; w < n_workers; w++)
    {
      GThread *t = g_thread_try_new ("lb-parallel", worker, &loop, NULL);

      if (t != NULL)   /* no thread: fewer workers, same results */
        g_ptr_array_add (threads, t);
    }
  worker (&loop);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_clear_pointer (&blas_limit, lb_blas_limit_pop);

  if (loop.error != NULL)
    {
      g_propagate_error (error, loop.error);
      ok = FALSE;
    }
  else if (loop.n_done < n_tasks)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      ok = FALSE;
    }
  else
    ok = TRUE;
  g_mutex_clear (&loop.lock);
  return ok;
}

guint
lb_parallel_n_workers (LbFitContext *ctx,
                       guint         n_tasks)
{
  guint budget = ctx != NULL ? lb_fit_context_get_n_threads (ctx) : 1;

  return CLAMP (budget, 1, MAX (n_tasks, 1));
}

guint
lb_parallel_inner_threads (LbFitContext *ctx,
                           guint         n_workers)
{
  guint budget = ctx != NULL ? lb_fit_context_get_n_threads (ctx) : 1;

  return MAX (budget / MAX (n_workers, 1), 1);
}

double
lb_parallel_seconds_since (gint64 start_us)
{
  return (double) (g_get_monotonic_time () - start_us) / G_USEC_PER_SEC;
}

/* --- failed fits --- */

void
lb_failures_init (LbFailures *failures)
{
  g_mutex_init (&failures->lock);
  failures->first = NULL;
  failures->first_index = 0;
  failures->n_failed = 0;
}

void
lb_failures_clear (LbFailures *failures)
{
  g_clear_error (&failures->first);
  g_mutex_clear (&failures->lock);
}

gboolean
lb_failures_absorb (LbFailures   *failures,
                    LbFitContext *ctx,
                    guint         index,
                    GError      **error)
{
  LbFitEvent event = { .fraction = -1.0, .iteration = index, .loss = NAN, .val_score = NAN };

  g_return_val_if_fail (error != NULL && *error != NULL, FALSE);

  if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  event.message = (*error)->message;
  lb_fit_context_report (ctx, &event);
  g_mutex_lock (&failures->lock);
  failures->n_failed++;
  if (failures->first == NULL || index < failures->first_index)
    {
      g_clear_error (&failures->first);
      failures->first = g_steal_pointer (error);
      failures->first_index = index;
    }
  g_mutex_unlock (&failures->lock);
  g_clear_error (error);
  return TRUE;
}

const char *
lb_failures_get_message (LbFailures *failures)
{
  return failures->first != NULL ? failures->first->message : NULL;
}

gboolean
lb_failures_check (LbFailures *failures,
                   guint       n_tasks,
                   GError    **error)
{
  if (n_tasks == 0 || failures->n_failed < n_tasks || failures->first == NULL)
    return TRUE;
  g_set_error (error, failures->first->domain, failures->first->code,
               _("all %u fits failed: %s"), n_tasks, failures->first->message);
  return FALSE;
}
