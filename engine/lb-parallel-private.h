/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-parallel-private.h: the task loop under cross-validation, searches and
 * curves: n independent tasks (fold, candidate × fold, size × fold) run on up
 * to n_workers threads (the caller's included). A task writes only its own
 * slot of the output, so results never depend on the number of workers.
 */
#pragma once

#include <gio/gio.h>

#include "lb-fit-context.h"

G_BEGIN_DECLS

/* Runs task @index; FALSE with @error set stops the loop. */
typedef gboolean (*LbParallelTaskFunc) (guint     index,
                                        gpointer  data,
                                        GError  **error);

/* Runs tasks 0..n_tasks-1 on MIN (n_workers, n_tasks) threads. On failure the
 * error of the lowest failing task index is returned (others stop taking new
 * tasks); when @cancellable fires before every task ran, G_IO_ERROR_CANCELLED.
 * BLAS threads are part of the budget (lb-blas.h): while the tasks run, BLAS
 * uses at most @inner_threads threads, and 1 when several workers run (each
 * calling a process-global, multi-threaded BLAS would oversubscribe the
 * cores). So a serial run and a parallel one make the same BLAS calls on one
 * BLAS thread each, and their doubles agree bit for bit. */
gboolean lb_parallel_run          (guint               n_tasks,
                                   guint               n_workers,
                                   guint               inner_threads,
                                   GCancellable       *cancellable,
                                   LbParallelTaskFunc  func,
                                   gpointer            data,
                                   GError            **error);

/* How many workers a context's thread budget gives @n_tasks tasks, and the
 * BLAS / inner threads each of them may use (budget split, at least 1). */
guint    lb_parallel_n_workers    (LbFitContext       *ctx,
                                   guint               n_tasks);
guint    lb_parallel_inner_threads (LbFitContext      *ctx,
                                   guint               n_workers);

/* scikit-learn's error_score=nan: a fit that fails (for any reason but
 * cancellation) gives NaN scores and a warning event, and the run goes on;
 * only when every fit failed is the run an error. The kept error is the one
 * of the lowest task index, so it does not depend on the thread count. */
typedef struct
{
  GMutex  lock;
  GError *first;
  guint   first_index;
  guint   n_failed;
} LbFailures;

void     lb_failures_init         (LbFailures         *failures);
void     lb_failures_clear        (LbFailures         *failures);
/* TRUE: *error (task @index's, prefixed with what failed) was reported to
 * @ctx as a warning event and absorbed (cleared; the task records NaN and
 * returns TRUE). FALSE: a cancellation, which must stop the run (*error kept). */
gboolean lb_failures_absorb       (LbFailures         *failures,
                                   LbFitContext       *ctx,
                                   guint               index,
                                   GError            **error);
/* The kept error's message (NULL when nothing failed); valid until clear. */
const char *lb_failures_get_message (LbFailures      *failures);
/* After a run of @n_tasks: FALSE with @error set ("all 5 fits failed: …")
 * when every task failed. */
gboolean lb_failures_check        (LbFailures         *failures,
                                   guint               n_tasks,
                                   GError            **error);

/* Seconds from a monotonic start (g_get_monotonic_time ()). */
double   lb_parallel_seconds_since (gint64             start_us);

G_END_DECLS
