/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-housing.c: the California housing fetcher without a network: the
 * download address points at file:// tarballs this test builds (with tar)
 * from ../shared/datasets/housing/housing.csv, a damaged copy, a truncated
 * archive, and a FIFO that never delivers (to cancel a running download).
 * Each test has its own empty XDG cache (G_TEST_OPTION_ISOLATE_DIRS).
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "lb-data-error.h"
#include "lb-generators.h"
#include "lb-housing.h"
#include "lb-test-util.h"

static char *work_dir;

/* A tarball at WORK/@name holding @entry with the bytes @contents. */
static char *
make_tgz (const char *name, const char *entry, GBytes *contents)
{
  g_autofree char *stage = g_build_filename (work_dir, "stage", NULL);
  g_autofree char *entry_path = g_build_filename (stage, entry, NULL);
  g_autofree char *entry_dir = g_path_get_dirname (entry_path);
  g_autofree char *out = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted_out = g_shell_quote (out);
  g_autofree char *quoted_stage = g_shell_quote (stage);
  g_autofree char *quoted_entry = g_shell_quote (entry);
  g_autofree char *command = NULL;
  int status = 0;

  g_assert_cmpint (g_mkdir_with_parents (entry_dir, 0700), ==, 0);
  g_file_set_contents (entry_path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), &error);
  g_assert_no_error (error);
  command = g_strdup_printf ("tar -czf %s -C %s %s", quoted_out, quoted_stage, quoted_entry);
  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (entry_path);
  return g_steal_pointer (&out);
}

static GBytes *
housing_bytes (void)
{
  g_autofree char *path = lb_test_data_file ("housing/housing.csv");
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  if (path == NULL)
    return NULL;
  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static char *
file_url (const char *path)
{
  return g_filename_to_uri (path, NULL, NULL);
}

/* nothing but (maybe) housing.csv in the cache folder: no .part left over */
static void
assert_cache_holds (gboolean csv)
{
  g_autofree char *csv_path = lb_housing_cache_path ();
  g_autofree char *dir = g_path_get_dirname (csv_path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_assert_cmpstr (name, ==, "housing.csv");
      n++;
    }
  g_assert_cmpuint (n, ==, csv ? 1 : 0);
  g_assert_cmpint (lb_housing_is_cached (), ==, csv);
}

static void
progress_cb (double fraction, const char *message, gpointer data)
{
  guint *calls = data;

  g_assert_cmpfloat (fraction, <=, 1.0);
  (*calls)++;
}

static void
test_fetch (void)
{
  g_autoptr(GBytes) csv = housing_bytes ();
  g_autofree char *tgz = NULL;
  g_autofree char *url = NULL;
  g_autofree char *cache = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;
  g_autoptr(LbTable) again = NULL;
  g_autoptr(LbTable) sample = NULL;
  guint calls = 0;

  if (csv == NULL)
    return;
  cache = lb_housing_cache_path ();
  g_assert_true (g_str_has_prefix (cache, g_get_user_cache_dir ()));
  g_assert_true (g_str_has_suffix (cache, "/learnbench/housing/housing.csv"));
  assert_cache_holds (FALSE);

  /* the book's tarball holds housing.csv at its top; "./housing/" too */
  tgz = make_tgz ("housing.tgz", "housing/housing.csv", csv);
  url = file_url (tgz);
  table = lb_housing_fetch_url (url, progress_cb, &calls, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_rows (table), ==, 20640);
  g_assert_cmpuint (lb_table_get_n_columns (table), ==, 10);
  g_assert_cmpuint (calls, >=, 2);
  assert_cache_holds (TRUE);
  {
    g_autoptr(GMappedFile) cached = g_mapped_file_new (cache, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpmem (g_mapped_file_get_contents (cached), g_mapped_file_get_length (cached),
                     g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  }

  /* cached: no download (the address does not even exist) */
  again = lb_housing_fetch_url ("file:///nonexistent/housing.tgz", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_rows (again), ==, 20640);

  /* and the sample loads it now */
  sample = lb_sample_load ("california-housing", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_rows (sample), ==, 20640);
}

/* LEARNBENCH_HOUSING_URL redirects lb_housing_fetch; a top-level entry */
static void
test_fetch_env (void)
{
  g_autoptr(GBytes) csv = housing_bytes ();
  g_autofree char *tgz = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;

  if (csv == NULL)
    return;
  g_assert_cmpstr (lb_housing_url (), ==, LB_HOUSING_URL);
  tgz = make_tgz ("top.tgz", "housing.csv", csv);
  url = file_url (tgz);
  g_setenv ("LEARNBENCH_HOUSING_URL", url, TRUE);
  g_assert_cmpstr (lb_housing_url (), ==, url);
  table = lb_housing_fetch (NULL, NULL, NULL, &error);
  g_unsetenv ("LEARNBENCH_HOUSING_URL");
  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_rows (table), ==, 20640);
  assert_cache_holds (TRUE);
}

/* one changed byte: the SHA-256 differs, nothing is kept; a damaged file in
 * the cache is not trusted either */
static void
test_bad_checksum (void)
{
  g_autoptr(GBytes) csv = housing_bytes ();
  g_autofree char *tgz = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;
  g_autofree guint8 *bad = NULL;
  g_autoptr(GBytes) bad_bytes = NULL;
  gsize len;

  if (csv == NULL)
    return;
  len = g_bytes_get_size (csv);
  bad = g_memdup2 (g_bytes_get_data (csv, NULL), len);
  bad[len / 2] ^= 1;
  bad_bytes = g_bytes_new (bad, len);
  tgz = make_tgz ("bad.tgz", "housing.csv", bad_bytes);
  url = file_url (tgz);

  table = lb_housing_fetch_url (url, NULL, NULL, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, LB_DATA_ERROR, LB_DATA_ERROR_CHECKSUM);
  g_assert_nonnull (strstr (error->message, "8a3727f4cf54ac1a327f69b1d5b4db54c5834ea81c6e4efc0d163300022a685e"));
  assert_cache_holds (FALSE);
  g_clear_error (&error);

  /* a damaged cached copy is deleted and the download tried again */
  {
    g_autofree char *cache = lb_housing_cache_path ();
    g_autofree char *dir = g_path_get_dirname (cache);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_file_set_contents (cache, (const char *) bad, len, &error);
    g_assert_no_error (error);
    assert_cache_holds (TRUE);
    table = lb_housing_fetch_url ("file:///nonexistent/housing.tgz", NULL, NULL, NULL, &error);
    g_assert_null (table);
    g_assert_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO);
    assert_cache_holds (FALSE);
  }
}

static void
assert_fetch_fails (const char *url, int code, const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = lb_housing_fetch_url (url, NULL, NULL, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, LB_DATA_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("message \"%s\" does not say \"%s\"", error->message, message_part);
  assert_cache_holds (FALSE);
}

static void
test_bad_archives (void)
{
  g_autoptr(GBytes) csv = housing_bytes ();
  g_autoptr(GBytes) other = g_bytes_new_static ("a,b\n1,2\n", 8);
  g_autofree char *good = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *garbage = g_build_filename (work_dir, "garbage.tgz", NULL);
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;

  if (csv == NULL)
    return;

  /* the archive cut at half its size: housing.csv is incomplete */
  good = make_tgz ("good.tgz", "housing.csv", csv);
  {
    char *data = NULL;
    gsize len = 0;

    g_file_get_contents (good, &data, &len, &error);
    g_assert_no_error (error);
    truncated = g_build_filename (work_dir, "truncated.tgz", NULL);
    g_file_set_contents (truncated, data, len / 2, &error);
    g_assert_no_error (error);
    g_free (data);
  }
  url = file_url (truncated);
  assert_fetch_fails (url, LB_DATA_ERROR_FORMAT, "housing.csv is truncated");
  g_clear_pointer (&url, g_free);

  /* an archive without housing.csv (other.csv, and a traversal name that is
   * never used as a path) */
  wrong = make_tgz ("wrong.tgz", "data/other.csv", other);
  url = file_url (wrong);
  assert_fetch_fails (url, LB_DATA_ERROR_FORMAT, "holds no housing.csv");
  g_clear_pointer (&url, g_free);

  /* not an archive at all */
  g_file_set_contents (garbage, "<html>404</html>\n", -1, &error);
  g_assert_no_error (error);
  url = file_url (garbage);
  assert_fetch_fails (url, LB_DATA_ERROR_FORMAT, "not a valid archive");
  g_clear_pointer (&url, g_free);

  /* nothing there: curl's own message */
  assert_fetch_fails ("file:///nonexistent/housing.tgz", LB_DATA_ERROR_IO, "Cannot download");
  /* no other schemes */
  assert_fetch_fails ("ftp://example.org/housing.tgz", LB_DATA_ERROR_INVALID, "only https");
}

/* A download that never ends (curl waits on a FIFO nobody writes) is killed
 * by cancelling: the call returns G_IO_ERROR_CANCELLED within a second of
 * the cancel, and leaves nothing behind. */
static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static gpointer
fetch_thread (gpointer data)
{
  GCancellable *cancellable = data;
  g_autofree char *fifo = g_build_filename (work_dir, "never.tgz", NULL);
  g_autofree char *url = file_url (fifo);
  GError *error = NULL;
  LbTable *table = lb_housing_fetch_url (url, NULL, NULL, cancellable, &error);

  g_assert_null (table);
  return error;
}

static void
test_cancel (void)
{
  g_autofree char *curl = g_find_program_in_path ("curl");
  g_autofree char *fifo = g_build_filename (work_dir, "never.tgz", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GThread *thread;
  gint64 cancelled_at;

  if (curl == NULL)
    {
      g_test_skip ("curl is not installed: the download cannot block on a FIFO");
      return;
    }
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  thread = g_thread_new ("fetch", fetch_thread, cancellable);
  g_usleep (300 * 1000);
  cancelled_at = g_get_monotonic_time ();
  cancel_later (cancellable);
  error = g_thread_join (thread);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - cancelled_at, <, G_USEC_PER_SEC);
  assert_cache_holds (FALSE);
  g_unlink (fifo);

  /* cancelled before it starts: nothing is run */
  g_clear_error (&error);
  g_assert_null (lb_housing_fetch_url ("file:///nonexistent/housing.tgz", NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  int result;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_unsetenv ("LEARNBENCH_HOUSING_URL");
  work_dir = g_dir_make_tmp ("learnbench-housing-XXXXXX", NULL);
  g_assert_nonnull (work_dir);

  g_test_add_func ("/learnbench/data/LbHousing/fetch", test_fetch);
  g_test_add_func ("/learnbench/data/LbHousing/fetch-env", test_fetch_env);
  g_test_add_func ("/learnbench/data/LbHousing/bad-checksum", test_bad_checksum);
  g_test_add_func ("/learnbench/data/LbHousing/bad-archives", test_bad_archives);
  g_test_add_func ("/learnbench/data/LbHousing/cancel", test_cancel);
  result = g_test_run ();

  {
    g_autofree char *command = g_strdup_printf ("rm -rf %s", work_dir);

    if (g_str_has_prefix (work_dir, g_get_tmp_dir ()))
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    g_free (work_dir);
  }
  return result;
}
