/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-job.h: a unit of background work (load a file, profile a table, fit, CV).
 * A job is a GTask run on the engine's thread pool (LbJobRunner) with a
 * GCancellable; the worker reports progress, which is queued and re-emitted on
 * the main context the job was created on, with at most one wake-up pending.
 * The job's result arrives through the usual GAsyncReadyCallback.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LB_TYPE_JOB (lb_job_get_type ())
G_DECLARE_FINAL_TYPE (LbJob, lb_job, LB, JOB, GObject)

/* Runs on a pool thread. Must end with lb_job_return_* exactly once. */
typedef void (*LbJobFunc) (LbJob        *job,
                           gpointer      task_data,
                           GCancellable *cancellable);

/* @title: translated, shown in the UI ("Loading housing.csv"). @source_object
 * may be NULL; @callback is called on the creating thread's main context
 * (the thread-default one), never from inside lb_job_run (). The task refs
 * @source_object until then: an owner that may go away first passes NULL and
 * a GWeakRef in @user_data, and drops stale results with an LbGeneration.
 * @cancellable NULL: the job makes its own, so lb_job_cancel () always works;
 * a cancelled job's result is G_IO_ERROR_CANCELLED. */
LbJob        *lb_job_new              (const char          *title,
                                       gpointer             source_object,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
void          lb_job_set_task_data    (LbJob               *job,
                                       gpointer             task_data,
                                       GDestroyNotify       destroy);
/* Queues the job on the default runner; the job keeps itself alive until done. */
void          lb_job_run              (LbJob               *job,
                                       LbJobFunc            func);

/* --- for the worker --- */
/* Thread-safe; coalesced: the main loop sees the latest fraction/message, at
 * most once per LB_JOB_PROGRESS_INTERVAL_MS, as notify::fraction,
 * notify::message and the "progress" signal (double fraction, const char *message).
 * @fraction < 0 means "unknown"; a NULL @message keeps the previous one. The
 * last report is always delivered before the job's callback runs. */
#define LB_JOB_PROGRESS_INTERVAL_MS 16
void          lb_job_report_progress  (LbJob               *job,
                                       double               fraction,
                                       const char          *message);
/* An LbProgressFunc (data/lb-progress.h) that forwards to lb_job_report_progress;
 * pass the job as its user data. */
void          lb_job_progress_func    (double               fraction,
                                       const char          *message,
                                       gpointer             job);
void          lb_job_return_pointer   (LbJob               *job,
                                       gpointer             result,
                                       GDestroyNotify       destroy);
void          lb_job_return_boolean   (LbJob               *job,
                                       gboolean             result);
void          lb_job_return_error     (LbJob               *job,
                                       GError              *error);

/* --- for the owner (main thread) --- */
const char   *lb_job_get_title        (LbJob               *job);
double        lb_job_get_fraction     (LbJob               *job);  /* property "fraction" */
const char   *lb_job_get_message      (LbJob               *job);  /* property "message" */
GCancellable *lb_job_get_cancellable  (LbJob               *job);
void          lb_job_cancel           (LbJob               *job);
/* Seconds since the job started running; the ETA estimate from fraction. */
double        lb_job_get_elapsed      (LbJob               *job);
double        lb_job_get_eta          (LbJob               *job);  /* < 0 when unknown */
/* TRUE once the result has been delivered (property "completed"). */
gboolean      lb_job_get_completed    (LbJob               *job);

/* The job of an LbJob's GAsyncResult (the result *is* the job's GTask). */
gpointer      lb_job_propagate_pointer (GAsyncResult       *result,
                                        GError            **error);
gboolean      lb_job_propagate_boolean (GAsyncResult       *result,
                                        GError            **error);
LbJob        *lb_job_from_result       (GAsyncResult       *result);

/* --- the pool --- */
/* Threads in the pool (default: number of cores). Set before the first job. */
void          lb_job_runner_set_max_threads (guint n);
guint         lb_job_runner_get_max_threads (void);
/* Blocks until every queued job has finished (for the CLI and tests). */
void          lb_job_runner_wait_idle (void);

/* A generation counter for "stale results are dropped": an owner bumps it
 * when it starts a new run and compares on completion. */
typedef struct { guint64 value; } LbGeneration;
static inline guint64 lb_generation_next (LbGeneration *g) { return ++g->value; }
static inline gboolean lb_generation_is_current (LbGeneration *g, guint64 v) { return g->value == v; }

G_END_DECLS
