/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-data-jobs.c: loading and profiling as jobs (lb_load_table_async,
 * lb_profile_async). Values are checked against closed forms of generated
 * files; a big load shows progress on the main loop and stops within 200 ms
 * of Cancel; errors from the reader reach the callback unchanged.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "lb-engine.h"
#include "lb-test-util.h"

typedef struct
{
  gboolean   done;
  LbTable   *table;
  LbProfile *profile;
  GError    *error;
  guint      n_progress;
  double     last_fraction;
  gboolean   monotonic;
  gint64     done_time;
} LoadState;

static void
load_state_clear (LoadState *s)
{
  g_clear_pointer (&s->table, lb_table_unref);
  g_clear_pointer (&s->profile, lb_profile_free);
  g_clear_error (&s->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadState, load_state_clear)

static void
wait_for (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      if (!*flag)
        g_usleep (200);
    }
}

static void
on_progress (LbJob      *job,
             double      fraction,
             const char *message,
             gpointer    user_data)
{
  LoadState *s = user_data;

  if (fraction >= 0 && fraction < s->last_fraction)
    s->monotonic = FALSE;
  if (fraction >= 0)
    s->last_fraction = fraction;
  s->n_progress++;
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadState *s = user_data;

  s->table = lb_load_table_finish (result, &s->error);
  s->done_time = g_get_monotonic_time ();
  s->done = TRUE;
}

static void
profile_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadState *s = user_data;

  s->profile = lb_profile_finish (result, &s->error);
  s->done = TRUE;
}

/* Rows "i,i/2,cat" for i < n: column sums have closed forms. */
static char *
write_counting_file (guint n)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("learnbench-XXXXXX.csv", &path, &error);
  FILE *f;

  g_assert_no_error (error);
  f = fdopen (fd, "w");
  g_assert_nonnull (f);
  fputs ("i,half,kind\n", f);
  for (guint i = 0; i < n; i++)
    fprintf (f, "%u,%u.%u,%s\n", i, i / 2, (i % 2) * 5, i % 3 == 0 ? "three" : "other");
  g_assert_cmpint (fclose (f), ==, 0);
  return path;
}

static void
test_load_and_profile (void)
{
  const guint n = 50000;
  g_autofree char *path = write_counting_file (n);
  g_auto (LoadState) s = { .monotonic = TRUE };
  g_autoptr (LbJob) job = NULL;
  g_autoptr (LbJob) pjob = NULL;
  LbColumn *col;
  const double *i_col, *half;
  double sum_i = 0, sum_half = 0;
  LbTable *table;
  int kind;

  job = lb_load_table_async (path, NULL, load_done, &s);
  g_assert_nonnull (job);
  g_signal_connect (job, "progress", G_CALLBACK (on_progress), &s);
  g_assert_nonnull (lb_job_get_title (job));
  wait_for (&s.done);
  g_assert_no_error (s.error);
  g_assert_nonnull (s.table);
  g_assert_true (s.monotonic);
  g_assert_cmpuint (lb_table_get_n_rows (s.table), ==, n);
  g_assert_cmpuint (lb_table_get_n_columns (s.table), ==, 3);

  i_col = lb_column_get_numeric (lb_table_get_column_by_name (s.table, "i"));
  half = lb_column_get_numeric (lb_table_get_column_by_name (s.table, "half"));
  g_assert_nonnull (i_col);
  g_assert_nonnull (half);
  for (guint r = 0; r < n; r++)
    {
      sum_i += i_col[r];
      sum_half += half[r];
    }
  /* integers below 2^53: sums are exact. sum i = n(n-1)/2; half = i/2 exactly. */
  g_assert_cmpfloat (sum_i, ==, (double) n * (n - 1) / 2);
  g_assert_cmpfloat (sum_half, ==, (double) n * (n - 1) / 4);

  /* profile the loaded table as a job */
  table = g_steal_pointer (&s.table);
  s.done = FALSE;
  pjob = lb_profile_async (table, NULL, profile_done, &s);
  lb_table_unref (table);  /* the job holds its own ref */
  wait_for (&s.done);
  g_assert_no_error (s.error);
  g_assert_nonnull (s.profile);
  col = lb_table_get_column_by_name (s.profile->table, "i");
  g_assert_nonnull (col);
  {
    int c = lb_table_find_column (s.profile->table, "i");
    const LbNumericSummary *sum = &s.profile->summaries[c];

    /* 0..n-1: mean (n-1)/2, median (n-1)/2, min 0, max n-1, quartiles (n-1)/4, 3(n-1)/4
     * (linear interpolation at (n-1)q); std = sqrt(n(n+1)/12), rtol 1e-12 for the sums' rounding */
    g_assert_cmpuint (sum->count, ==, n);
    g_assert_cmpfloat (fabs (sum->mean - (n - 1) / 2.0), <=, 1e-12 * n);
    g_assert_cmpfloat (sum->q50, ==, (n - 1) / 2.0);
    g_assert_cmpfloat (sum->q25, ==, (n - 1) / 4.0);
    g_assert_cmpfloat (sum->q75, ==, 3 * (n - 1) / 4.0);
    g_assert_cmpfloat (sum->min, ==, 0.0);
    g_assert_cmpfloat (sum->max, ==, n - 1.0);
    g_assert_cmpfloat (fabs (sum->std - sqrt ((double) n * (n + 1) / 12.0)), <=,
                       1e-12 * sqrt ((double) n * (n + 1) / 12.0));
  }
  kind = lb_table_find_column (s.profile->table, "kind");
  g_assert_cmpint (kind, >=, 0);
  g_assert_nonnull (s.profile->counts[kind]);
  g_assert_cmpuint (s.profile->counts[kind]->n_values, ==, 2);
  g_assert_cmpstr (s.profile->counts[kind]->values[0], ==, "other");
  g_assert_cmpuint (s.profile->counts[kind]->counts[0], ==, n - (n + 2) / 3);

  g_unlink (path);
}

static void
test_load_sample (void)
{
  g_auto (LoadState) s = { .monotonic = TRUE };
  g_autoptr (LbJob) job = lb_load_table_async ("sample:moons", NULL, load_done, &s);

  wait_for (&s.done);
  g_assert_no_error (s.error);
  g_assert_nonnull (s.table);
  g_assert_cmpint (lb_table_find_column (s.table, "x1"), >=, 0);
}

static void
test_load_error (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("learnbench-XXXXXX.csv", &path, &error);
  g_auto (LoadState) s = { .monotonic = TRUE };
  g_autoptr (LbTable) sync_table = NULL;
  g_autoptr (GError) sync_error = NULL;
  g_autoptr (LbJob) job = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (write (fd, "a,b\n1,2\n3\n", 10), ==, 10);
  close (fd);

  /* the job reports exactly what the synchronous reader says */
  sync_table = lb_load_table (path, NULL, NULL, NULL, &sync_error);
  g_assert_null (sync_table);
  g_assert_nonnull (sync_error);

  job = lb_load_table_async (path, NULL, load_done, &s);
  wait_for (&s.done);
  g_assert_null (s.table);
  g_assert_error (s.error, sync_error->domain, sync_error->code);
  g_assert_cmpstr (s.error->message, ==, sync_error->message);
  g_unlink (path);
}

/* The issue: "Loading a big file shows progress and a Cancel that works within 200 ms". */
static void
test_load_cancel (void)
{
  g_autofree char *path = write_counting_file (3000000);  /* ~50 MB */
  g_auto (LoadState) s = { .monotonic = TRUE };
  g_autoptr (LbJob) job = NULL;
  gint64 cancel_time, deadline;

  job = lb_load_table_async (path, NULL, load_done, &s);
  g_signal_connect (job, "progress", G_CALLBACK (on_progress), &s);
  /* wait for the reader to be well under way */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!s.done && !(s.last_fraction > 0.05))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
  if (s.done)
    {
      g_unlink (path);
      g_test_skip ("the file loaded before progress passed 5 %: nothing to cancel");
      return;
    }
  cancel_time = g_get_monotonic_time ();
  lb_job_cancel (job);
  wait_for (&s.done);
  g_test_message ("progress events: %u; cancel -> callback %.1f ms", s.n_progress,
                  (s.done_time - cancel_time) / 1000.0);
  g_assert_error (s.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (s.table);
  g_assert_cmpint (s.done_time - cancel_time, <, 200 * 1000);
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/engine/LbDataJobs/load-and-profile", test_load_and_profile);
  g_test_add_func ("/learnbench/engine/LbDataJobs/load-sample", test_load_sample);
  g_test_add_func ("/learnbench/engine/LbDataJobs/load-error", test_load_error);
  g_test_add_func ("/learnbench/engine/LbDataJobs/load-cancel", test_load_cancel);
  return g_test_run ();
}
