/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-job-bar.c: the job bar follows an LbJob: a quick job never shows (no
 * flicker), a slow one shows its title and progress, Cancel cancels the job
 * and says so at once, and a finished job hides the bar.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "lb-job-bar.h"

/* Reports progress 0.1 … 1.0 over ~@task_data ms, stopping when cancelled. */
static void
slow_func (LbJob *job, gpointer task_data, GCancellable *cancellable)
{
  guint ms = GPOINTER_TO_UINT (task_data);

  for (guint i = 1; i <= 10; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          lb_job_return_error (job, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                         "cancelled"));
          return;
        }
      g_usleep (ms * 100);
      lb_job_report_progress (job, i / 10.0, "step");
    }
  lb_job_return_boolean (job, TRUE);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} Outcome;

static void
done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = lb_job_propagate_boolean (result, &outcome->error);
  outcome->done = TRUE;
}

static void
spin_until_done (Outcome *outcome, double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!outcome->done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  /* let notify::completed reach the bar */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
spin_for (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

static void
cancel_requested_cb (LbJobBar *bar, LbJob *job, gpointer user_data)
{
  guint *requests = user_data;

  g_assert_true (LB_IS_JOB (job));
  (*requests)++;
}

static void
test_quick_job_hidden (void)
{
  GtkWidget *bar = g_object_ref_sink (lb_job_bar_new ());
  Outcome outcome = { 0 };
  g_autoptr (LbJob) job = lb_job_new ("quick", NULL, NULL, done_cb, &outcome);

  lb_job_set_task_data (job, GUINT_TO_POINTER (5), NULL);  /* ~5 ms */
  lb_job_run (job, slow_func);
  lb_job_bar_set_job (LB_JOB_BAR (bar), job);
  g_assert_false (lb_job_bar_get_revealed (LB_JOB_BAR (bar)));
  spin_until_done (&outcome, 5.0);
  g_assert_true (outcome.ok);
  g_assert_null (lb_job_bar_get_job (LB_JOB_BAR (bar)));
  spin_for (0.3);
  g_assert_false (lb_job_bar_get_revealed (LB_JOB_BAR (bar)));
  g_object_unref (bar);
}

static void
test_slow_job_shown_then_cancelled (void)
{
  GtkWidget *bar = g_object_ref_sink (lb_job_bar_new ());
  Outcome outcome = { 0 };
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (LbJob) job = lb_job_new ("Loading big.csv", NULL, cancellable, done_cb, &outcome);
  guint requests = 0;

  g_signal_connect (bar, "cancel-requested", G_CALLBACK (cancel_requested_cb), &requests);
  lb_job_set_task_data (job, GUINT_TO_POINTER (3000), NULL);  /* ~3 s */
  lb_job_run (job, slow_func);
  lb_job_bar_set_job (LB_JOB_BAR (bar), job);
  spin_for (0.5);
  g_assert_true (lb_job_bar_get_revealed (LB_JOB_BAR (bar)));
  g_assert_nonnull (strstr (lb_job_bar_get_text (LB_JOB_BAR (bar)), "Loading big.csv"));

  lb_job_bar_cancel (LB_JOB_BAR (bar));
  g_assert_cmpuint (requests, ==, 1);
  g_assert_true (g_cancellable_is_cancelled (lb_job_get_cancellable (job)));
  spin_until_done (&outcome, 2.0);
  g_assert_true (outcome.done);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&outcome.error);
  /* the finished job leaves the bar */
  g_assert_null (lb_job_bar_get_job (LB_JOB_BAR (bar)));
  g_object_unref (bar);
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run under xvfb-run");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/learnbench/ui/JobBar/no-display", test_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/learnbench/ui/JobBar/quick-job-hidden", test_quick_job_hidden);
  g_test_add_func ("/learnbench/ui/JobBar/slow-job-shown-then-cancelled",
                   test_slow_job_shown_then_cancelled);
  return g_test_run ();
}
