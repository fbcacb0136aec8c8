/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-job.c: LbJob, one piece of background work, and LbJobRunner, the engine's
 * own GThreadPool that runs them. The worker only ever touches a small
 * mutex-protected progress slot; the owner's main context drains it through a
 * single pending GSource (idle, or a short timeout to cap the rate), so a
 * worker reporting a million times costs the UI a handful of wake-ups.
 * The result travels in a GTask whose callback runs on the owner's context.
 */
#include "config.h"

#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <glib/gi18n-lib.h>

#include "lb-job.h"

/* OpenBLAS threads are not budgeted here yet: jobs of this issue (loading,
 * profiling) do not call BLAS. When fitting arrives, the runner should split
 * the cores between pool threads and openblas_set_num_threads(). */

struct _LbJob
{
  GObject              parent_instance;

  char                *title;
  GTask               *task;         /* its callback is job_task_done () */
  GMainContext        *context;      /* the owner's: thread-default at lb_job_new () */
  GCancellable        *cancellable;  /* never NULL */
  GAsyncReadyCallback  callback;
  gpointer             user_data;
  LbJobFunc            func;

  /* --- owner side: touched on @context only --- */
  double               fraction;
  char                *message;
  gboolean             completed;

  /* --- shared with the worker, under @lock --- */
  GMutex               lock;
  gboolean             has_pending;
  double               pending_fraction;
  char                *pending_message;  /* NULL: unchanged since the last dispatch */
  GSource             *progress_source;  /* the one pending wake-up, or NULL */
  gint64               last_dispatch;    /* monotonic µs */
  gint64               start_time;       /* 0 until a pool thread picks the job up */
  gint64               end_time;         /* 0 until lb_job_return_*() */
  gboolean             returned;
};

G_DEFINE_FINAL_TYPE (LbJob, lb_job, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_FRACTION,
  PROP_MESSAGE,
  PROP_COMPLETED,
  PROP_CANCELLABLE,
  N_PROPS
};

enum
{
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GQuark job_quark;

static void runner_push (LbJob *job);

/* --- GObject --- */

static void
lb_job_finalize (GObject *object)
{
  LbJob *job = LB_JOB (object);

  /* A pending progress source holds a job ref, so one is left here only when
   * its context was torn down without running it. */
  if (job->progress_source != NULL)
    {
      g_source_destroy (job->progress_source);
      g_clear_pointer (&job->progress_source, g_source_unref);
    }

  g_clear_object (&job->task);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->title, g_free);
  g_clear_pointer (&job->message, g_free);
  g_clear_pointer (&job->pending_message, g_free);
  g_mutex_clear (&job->lock);

  G_OBJECT_CLASS (lb_job_parent_class)->finalize (object);
}

static void
lb_job_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  LbJob *job = LB_JOB (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, job->title);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, job->fraction);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, job->message);
      break;
    case PROP_COMPLETED:
      g_value_set_boolean (value, job->completed);
      break;
    case PROP_CANCELLABLE:
      g_value_set_object (value, job->cancellable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_job_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  LbJob *job = LB_JOB (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (job->title);
      job->title = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_job_class_init (LbJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lb_job_finalize;
  object_class->get_property = lb_job_get_property;
  object_class->set_property = lb_job_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* -1 while unknown, else 0..1 */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, -1.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETED] =
    g_param_spec_boolean ("completed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCELLABLE] =
    g_param_spec_object ("cancellable", NULL, NULL, G_TYPE_CANCELLABLE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* LbJob::progress (job, fraction, message): after the properties changed. */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_STRING);

  job_quark = g_quark_from_static_string ("lb-job");
}

static void
lb_job_init (LbJob *job)
{
  g_mutex_init (&job->lock);
}

/* --- progress: worker -> owner --- */

/* Owner's context. Takes what the worker left in the slot and re-emits it. */
static void
job_flush_progress (LbJob *job)
{
  GSource *source;
  gboolean has_pending;
  double fraction;
  g_autofree char *message = NULL;

  g_mutex_lock (&job->lock);
  has_pending = job->has_pending;
  fraction = job->pending_fraction;
  message = g_steal_pointer (&job->pending_message);
  job->has_pending = FALSE;
  source = g_steal_pointer (&job->progress_source);
  job->last_dispatch = g_get_monotonic_time ();
  g_mutex_unlock (&job->lock);

  /* Destroyed outside the lock: its destroy notify drops a job ref. */
  if (source != NULL)
    {
      g_source_destroy (source);
      g_source_unref (source);
    }
  if (!has_pending)
    return;

  g_object_freeze_notify (G_OBJECT (job));
  if (fraction < 0)
    fraction = -1.0;
  else if (fraction > 1)
    fraction = 1.0;
  if (fraction != job->fraction)
    {
      job->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_FRACTION]);
    }
  if (message != NULL && g_strcmp0 (message, job->message) != 0)
    {
      g_free (job->message);
      job->message = g_steal_pointer (&message);
      g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_MESSAGE]);
    }
  g_object_thaw_notify (G_OBJECT (job));

  g_signal_emit (job, signals[SIGNAL_PROGRESS], 0, job->fraction, job->message);
}

static gboolean
job_progress_dispatch (gpointer data)
{
  g_autoptr (LbJob) job = g_object_ref (LB_JOB (data));

  job_flush_progress (job);
  return G_SOURCE_REMOVE;
}

void
lb_job_report_progress (LbJob      *job,
                        double      fraction,
                        const char *message)
{
  g_return_if_fail (LB_IS_JOB (job));

  g_mutex_lock (&job->lock);
  if (job->returned)
    {
      g_mutex_unlock (&job->lock);
      return;
    }
  job->has_pending = TRUE;
  job->pending_fraction = fraction;
  if (message != NULL && g_strcmp0 (message, job->pending_message) != 0)
    {
      g_free (job->pending_message);
      job->pending_message = g_strdup (message);
    }
  if (job->progress_source == NULL)
    {
      /* The one wake-up: at once when the last dispatch is old enough, else
       * when LB_JOB_PROGRESS_INTERVAL_MS have passed since it. */
      gint64 now = g_get_monotonic_time ();
      gint64 wait_us = job->last_dispatch + LB_JOB_PROGRESS_INTERVAL_MS * 1000 - now;
      gint64 wait_ms = (wait_us + 999) / 1000;  /* rounded up: never early */
      GSource *source = wait_ms > 0 ? g_timeout_source_new ((guint) wait_ms) : g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_static_name (source, "[learnbench] job progress");
      g_source_set_callback (source, job_progress_dispatch, g_object_ref (job), g_object_unref);
      job->progress_source = source;
      g_source_attach (source, job->context);
    }
  g_mutex_unlock (&job->lock);
}

void
lb_job_progress_func (double      fraction,
                      const char *message,
                      gpointer    job)
{
  lb_job_report_progress (LB_JOB (job), fraction, message);
}

/* --- results --- */

/* Owner's context: the GTask completed. Hands the result to the owner's callback. */
static void
job_task_done (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LbJob *job = user_data;  /* the ref taken by lb_job_run () */

  /* Every report happened before the worker returned: show the last one first. */
  job_flush_progress (job);

  job->completed = TRUE;
  if (job->callback != NULL)
    job->callback (source_object, result, job->user_data);
  g_object_notify_by_pspec (G_OBJECT (job), properties[PROP_COMPLETED]);

  g_object_unref (job);
}

static gboolean
job_mark_returned (LbJob *job)
{
  gboolean first;

  g_mutex_lock (&job->lock);
  first = !job->returned;
  job->returned = TRUE;
  if (first)
    job->end_time = g_get_monotonic_time ();
  g_mutex_unlock (&job->lock);

  if (!first)
    g_critical ("job “%s” returned a result twice", job->title);
  return first;
}

void
lb_job_return_pointer (LbJob          *job,
                       gpointer        result,
                       GDestroyNotify  destroy)
{
  g_return_if_fail (LB_IS_JOB (job));

  if (!job_mark_returned (job))
    {
      if (destroy != NULL && result != NULL)
        destroy (result);
      return;
    }
  g_task_return_pointer (job->task, result, destroy);
}

void
lb_job_return_boolean (LbJob    *job,
                       gboolean  result)
{
  g_return_if_fail (LB_IS_JOB (job));

  if (job_mark_returned (job))
    g_task_return_boolean (job->task, result);
}

void
lb_job_return_error (LbJob  *job,
                     GError *error)
{
  g_return_if_fail (LB_IS_JOB (job));
  g_return_if_fail (error != NULL);

  if (!job_mark_returned (job))
    {
      g_error_free (error);
      return;
    }
  g_task_return_error (job->task, error);
}

gpointer
lb_job_propagate_pointer (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (lb_job_from_result (result) != NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
lb_job_propagate_boolean (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (lb_job_from_result (result) != NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

LbJob *
lb_job_from_result (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_object_get_qdata (G_OBJECT (result), job_quark);
}

/* --- construction, the owner's API --- */

LbJob *
lb_job_new (const char          *title,
            gpointer             source_object,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  LbJob *job;

  g_return_val_if_fail (source_object == NULL || G_IS_OBJECT (source_object), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  job = g_object_new (LB_TYPE_JOB, "title", title, NULL);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  job->context = g_main_context_ref_thread_default ();
  job->callback = callback;
  job->user_data = user_data;
  /* The task's user data is the job; lb_job_run () takes the ref it needs. */
  job->task = g_task_new (source_object, job->cancellable, job_task_done, job);
  g_task_set_source_tag (job->task, lb_job_new);
  if (title != NULL)
    g_task_set_name (job->task, title);
  g_object_set_qdata (G_OBJECT (job->task), job_quark, job);
  return job;
}

void
lb_job_set_task_data (LbJob          *job,
                      gpointer        task_data,
                      GDestroyNotify  destroy)
{
  g_return_if_fail (LB_IS_JOB (job));
  g_return_if_fail (job->func == NULL);

  g_task_set_task_data (job->task, task_data, destroy);
}

void
lb_job_run (LbJob     *job,
            LbJobFunc  func)
{
  g_return_if_fail (LB_IS_JOB (job));
  g_return_if_fail (func != NULL);
  g_return_if_fail (job->func == NULL);

  job->func = func;
  g_object_ref (job);  /* released by job_task_done () */
  runner_push (job);
}

const char *
lb_job_get_title (LbJob *job)
{
  g_return_val_if_fail (LB_IS_JOB (job), NULL);
  return job->title;
}

double
lb_job_get_fraction (LbJob *job)
{
  g_return_val_if_fail (LB_IS_JOB (job), 0.0);
  return job->fraction;
}

const char *
lb_job_get_message (LbJob *job)
{
  g_return_val_if_fail (LB_IS_JOB (job), NULL);
  return job->message;
}

GCancellable *
lb_job_get_cancellable (LbJob *job)
{
  g_return_val_if_fail (LB_IS_JOB (job), NULL);
  return job->cancellable;
}

void
lb_job_cancel (LbJob *job)
{
  g_return_if_fail (LB_IS_JOB (job));
  g_cancellable_cancel (job->cancellable);
}

gboolean
lb_job_get_completed (LbJob *job)
{
  g_return_val_if_fail (LB_IS_JOB (job), FALSE);
  return job->completed;
}

double
lb_job_get_elapsed (LbJob *job)
{
  gint64 start, end;

  g_return_val_if_fail (LB_IS_JOB (job), 0.0);

  g_mutex_lock (&job->lock);
  start = job->start_time;
  end = job->end_time;
  g_mutex_unlock (&job->lock);

  if (start == 0)
    return 0.0;
  if (end == 0)
    end = g_get_monotonic_time ();
  return (double) (end - start) / G_USEC_PER_SEC;
}

double
lb_job_get_eta (LbJob *job)
{
  double f;

  g_return_val_if_fail (LB_IS_JOB (job), -1.0);

  if (job->completed)
    return 0.0;
  f = job->fraction;
  if (!(f > 0.0))
    return -1.0;
  if (f >= 1.0)
    return 0.0;
  /* The rate so far, extrapolated: elapsed * remaining / done. */
  return lb_job_get_elapsed (job) * (1.0 - f) / f;
}

/* --- the runner: one GThreadPool for the whole engine --- */

static GMutex runner_lock;
static GCond runner_idle_cond;
static GThreadPool *runner_pool;
static guint runner_max_threads;   /* 0: not chosen yet */
static guint runner_outstanding;   /* queued or running */

/* Workers run at a lower priority (nice + 5) than the thread that owns the
 * window: when every core trains, the kernel still gives the main loop the
 * CPU it needs to draw, so the window does not stall behind its own jobs.
 * Threads the worker starts (parallel folds, trees) inherit the value. */
static void
lower_worker_priority (void)
{
#ifdef __linux__
  static __thread gboolean lowered;

  if (!lowered)
    {
      lowered = TRUE;
      if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 5) != 0)
        g_debug ("could not lower the worker's priority: %s", g_strerror (errno));
    }
#endif
}

static void
runner_thread_func (gpointer data,
                    gpointer pool_data)
{
  LbJob *job = data;  /* the ref taken by runner_push () */
  GError *error = NULL;

  lower_worker_priority ();

  g_mutex_lock (&job->lock);
  job->start_time = g_get_monotonic_time ();
  g_mutex_unlock (&job->lock);

  /* A job cancelled while it waited in the queue never starts. */
  if (g_cancellable_set_error_if_cancelled (job->cancellable, &error))
    lb_job_return_error (job, error);
  else
    {
      job->func (job, g_task_get_task_data (job->task), job->cancellable);

      g_mutex_lock (&job->lock);
      gboolean returned = job->returned;
      g_mutex_unlock (&job->lock);
      if (!returned)
        {
          g_critical ("job “%s” ended without lb_job_return_*()", job->title);
          lb_job_return_error (job, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 _("The task “%s” ended without a result."),
                                                 job->title != NULL ? job->title : ""));
        }
    }

  g_object_unref (job);

  g_mutex_lock (&runner_lock);
  g_assert (runner_outstanding > 0);
  if (--runner_outstanding == 0)
    g_cond_broadcast (&runner_idle_cond);
  g_mutex_unlock (&runner_lock);
}

static void
runner_push (LbJob *job)
{
  g_mutex_lock (&runner_lock);
  if (runner_pool == NULL)
    {
      if (runner_max_threads == 0)
        runner_max_threads = MAX (1u, g_get_num_processors ());
      /* Shared (non-exclusive) threads: a pool that never fails to create. */
      runner_pool = g_thread_pool_new (runner_thread_func, NULL,
                                       (int) runner_max_threads, FALSE, NULL);
    }
  runner_outstanding++;
  g_thread_pool_push (runner_pool, g_object_ref (job), NULL);
  g_mutex_unlock (&runner_lock);
}

void
lb_job_runner_set_max_threads (guint n)
{
  g_return_if_fail (n > 0);

  g_mutex_lock (&runner_lock);
  runner_max_threads = n;
  if (runner_pool != NULL)
    g_thread_pool_set_max_threads (runner_pool, (int) n, NULL);
  g_mutex_unlock (&runner_lock);
}

guint
lb_job_runner_get_max_threads (void)
{
  guint n;

  g_mutex_lock (&runner_lock);
  n = runner_max_threads != 0 ? runner_max_threads : MAX (1u, g_get_num_processors ());
  g_mutex_unlock (&runner_lock);
  return n;
}

void
lb_job_runner_wait_idle (void)
{
  g_mutex_lock (&runner_lock);
  while (runner_outstanding > 0)
    g_cond_wait (&runner_idle_cond, &runner_lock);
  g_mutex_unlock (&runner_lock);
}
