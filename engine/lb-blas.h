/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-blas.h: the engine's one hand on OpenBLAS's thread count. That count is
 * process-global (openblas_set_num_threads), so code running k > 1 threads of
 * its own that each call BLAS holds a limit for that time instead of setting
 * it: BLAS then uses the smallest limit held anywhere, or the default when no
 * limit is held. Limits nest and may be taken on any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The BLAS threads used while no limit is held. Unless set, it is what
 * OpenBLAS chose at startup (OPENBLAS_NUM_THREADS, else its core count),
 * capped at the processors this process may run on (g_get_num_processors). */
guint        lb_blas_get_default_threads (void);
/* Sets that default (0: back to the startup value); applies now when no
 * limit is held, else once the last limit is released. */
void         lb_blas_set_default_threads (guint n_threads);
/* The BLAS thread count in force now. */
guint        lb_blas_get_threads         (void);

/* While held, BLAS uses at most @max_threads threads (at least 1). Take one
 * before starting threads that call BLAS and release it after joining them:
 * k workers × n BLAS threads would oversubscribe the cores, and OpenBLAS's
 * spinning helper threads make that far worse than running serially. */
typedef struct _LbBlasLimit LbBlasLimit;

LbBlasLimit *lb_blas_limit_push          (guint        max_threads);
void         lb_blas_limit_pop           (LbBlasLimit *limit);

/* For one small BLAS/LAPACK call sequence of about @flops floating-point
 * operations: a limit of 1 thread when that is below what a second thread
 * pays off for (tiny dgemv/dsyrk/dgelsd only wake OpenBLAS's helper thread,
 * which then spins for ~0.1 s stealing a core), else NULL (no limit). Pop a
 * non-NULL result with lb_blas_limit_pop (g_autoptr does both). */
LbBlasLimit *lb_blas_limit_push_small    (double       flops);

/* OpenBLAS (pthreads build) starts its helper threads when it is loaded, and
 * each spins in sched_yield for ~0.1 s before sleeping, with nothing to do:
 * on a 2-core machine that takes a core from the program's first 0.1 s.
 * This stops them; OpenBLAS starts them again on the first call that wants
 * more than one thread (as it does after fork()). Does nothing with another
 * BLAS. Call it only while no other thread can be inside BLAS: at program
 * start, before any thread is started. */
void         lb_blas_park_helper_threads (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbBlasLimit, lb_blas_limit_pop)

G_END_DECLS
