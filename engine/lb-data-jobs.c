/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-data-jobs.c: lb_load_table () and lb_profile_compute () wrapped as
 * LbJobs. The worker gets only immutable inputs (a path string, a table ref)
 * and forwards the reader's progress to the job, which the owner's main loop
 * re-emits.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lb-data-jobs.h"

/* Which wrapper made a job, so a _finish is not handed another job's result. */
static const char kind_load[] = "load";
static const char kind_profile[] = "profile";

static GQuark
data_job_kind_quark (void)
{
  return g_quark_from_static_string ("lb-data-job-kind");
}

static gboolean
data_job_is (GAsyncResult *result,
             gconstpointer kind)
{
  LbJob *job;

  if (!G_IS_TASK (result))
    return FALSE;
  job = lb_job_from_result (result);
  return job != NULL && g_object_get_qdata (G_OBJECT (job), data_job_kind_quark ()) == kind;
}

/* --- loading --- */

static void
load_worker (LbJob        *job,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  LbTable *table;

  table = lb_load_table (path, lb_job_progress_func, job, cancellable, &error);
  if (table == NULL)
    lb_job_return_error (job, error);
  else
    lb_job_return_pointer (job, table, (GDestroyNotify) lb_table_unref);
}

LbJob *
lb_load_table_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  LbJob *job;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_str_has_prefix (path, "sample:") ? g_strdup (path + strlen ("sample:"))
                                             : g_path_get_basename (path);
  /* Translators: %s is a file name ("housing.csv") or a sample ("moons") */
  title = g_strdup_printf (_("Loading %s"), name);
  job = lb_job_new (title, NULL, cancellable, callback, user_data);
  g_object_set_qdata (G_OBJECT (job), data_job_kind_quark (), (gpointer) kind_load);
  lb_job_set_task_data (job, g_strdup (path), g_free);
  lb_job_run (job, load_worker);
  return job;
}

LbTable *
lb_load_table_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (data_job_is (result, (gpointer) kind_load), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return lb_job_propagate_pointer (result, error);
}

/* --- profiling --- */

static void
profile_worker (LbJob        *job,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LbTable *table = task_data;
  GError *error = NULL;
  LbProfile *profile;

  lb_job_report_progress (job, -1.0, _("Computing statistics"));
  profile = lb_profile_compute (table, cancellable, &error);
  if (profile == NULL)
    lb_job_return_error (job, error);
  else
    lb_job_return_pointer (job, profile, (GDestroyNotify) lb_profile_free);
}

LbJob *
lb_profile_async (LbTable             *table,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autofree char *title = NULL;
  const char *source;
  LbJob *job;

  g_return_val_if_fail (table != NULL, NULL);

  source = lb_table_get_source (table);
  if (source != NULL)
    /* Translators: %s is a file name ("housing.csv") */
    title = g_strdup_printf (_("Profiling %s"), source);
  else
    title = g_strdup (_("Profiling the table"));
  job = lb_job_new (title, NULL, cancellable, callback, user_data);
  g_object_set_qdata (G_OBJECT (job), data_job_kind_quark (), (gpointer) kind_profile);
  lb_job_set_task_data (job, lb_table_ref (table), (GDestroyNotify) lb_table_unref);
  lb_job_run (job, profile_worker);
  return job;
}

LbProfile *
lb_profile_finish (GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (data_job_is (result, (gpointer) kind_profile), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return lb_job_propagate_pointer (result, error);
}
