/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-housing.c: California housing on request, as scikit-learn's fetchers do.
 * The download runs curl (or wget) as a subprocess that a cancel kills; the
 * tarball is read by a small ustar reader over zlib that only ever extracts
 * housing.csv into memory (no archive name becomes a path), whose SHA-256 is
 * checked before anything is written to the cache.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <zlib.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lb-csv-reader.h"
#include "lb-data-error.h"
#include "lb-housing.h"

/* sha256sum of the book's housing.csv (20,640 rows, 1,423,529 bytes) */
#define HOUSING_CSV_SHA256 "8a3727f4cf54ac1a327f69b1d5b4db54c5834ea81c6e4efc0d163300022a685e"
/* the real file is 1.4 MB: anything past this is not it */
#define HOUSING_MAX_CSV (64u * 1024 * 1024)

static char *
cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "learnbench", "housing", NULL);
}

char *
lb_housing_cache_path (void)
{
  g_autofree char *dir = cache_dir ();

  return g_build_filename (dir, "housing.csv", NULL);
}

static char *
sha256_of (const guint8 *data,
           gsize         len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

gboolean
lb_housing_is_cached (void)
{
  g_autofree char *path = lb_housing_cache_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

const char *
lb_housing_url (void)
{
  const char *url = g_getenv ("LEARNBENCH_HOUSING_URL");

  return url != NULL && *url != '\0' ? url : LB_HOUSING_URL;
}

/* --- download --- */

typedef struct
{
  GSubprocess    *process;
  GCancellable   *cancellable;
  const char     *part_path;
  LbProgressFunc  progress;
  gpointer        progress_data;
  gboolean        done;
  gboolean        killed;
  gint64          last_size;  /* last size reported, -1 before the first */
  char           *stderr_text;
  GError         *error;
} Download;

static void
download_communicated (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Download *download = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, NULL,
                                        &download->stderr_text, &download->error);
  download->done = TRUE;
}

/* every 50 ms: kill the downloader if the user cancelled, else report the
 * bytes so far (the total is unknown) */
static gboolean
download_tick (gpointer user_data)
{
  Download *download = user_data;
  GStatBuf st;

  if (g_cancellable_is_cancelled (download->cancellable) && !download->killed)
    {
      g_subprocess_force_exit (download->process);
      download->killed = TRUE;
    }
  if (download->progress != NULL && g_stat (download->part_path, &st) == 0
      && st.st_size != download->last_size)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *message = g_strdup_printf (_("Downloading California housing: %s"), size);

      download->last_size = st.st_size;
      download->progress (-1.0, message, download->progress_data);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
download_with_program (const char    *url,
                       const char    *part_path,
                       LbProgressFunc progress,
                       gpointer       progress_data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *curl = g_find_program_in_path ("curl");
  g_autofree char *wget = curl == NULL ? g_find_program_in_path ("wget") : NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) tick = NULL;
  Download download = { 0, };
  gboolean ok = FALSE;

  if (curl != NULL)
    download.process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                         error, curl, "--fail", "--silent", "--show-error",
                                         "--location", "--max-filesize", "100000000",
                                         "--output", part_path, "--url", url, NULL);
  else if (wget != NULL && !g_str_has_prefix (url, "file:"))
    download.process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                         error, wget, "--quiet", "--output-document", part_path,
                                         "--", url, NULL);
  else
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO,
                   _("Cannot download California housing: neither curl nor wget is installed "
                     "(install the Debian package curl)"));
      return FALSE;
    }
  if (download.process == NULL)
    return FALSE;

  download.cancellable = cancellable;
  download.part_path = part_path;
  download.progress = progress;
  download.progress_data = progress_data;
  download.last_size = -1;

  /* a private main context on this (worker) thread: the subprocess's
   * completion and our ticks run here, not on the UI's loop */
  g_main_context_push_thread_default (context);
  g_subprocess_communicate_utf8_async (download.process, NULL, NULL, download_communicated, &download);
  tick = g_timeout_source_new (50);
  g_source_set_callback (tick, download_tick, &download, NULL);
  g_source_attach (tick, context);
  while (!download.done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (tick);
  /* reap: the process has closed its pipes; wait for its exit status */
  g_subprocess_wait (download.process, NULL, NULL);
  g_main_context_pop_thread_default (context);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    ;
  else if (download.error != NULL)
    g_propagate_error (error, g_steal_pointer (&download.error));
  else if (!g_subprocess_get_successful (download.process))
    {
      g_autofree char *detail = g_strstrip (g_strdup (download.stderr_text != NULL ? download.stderr_text : ""));

      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO,
                   _("Cannot download California housing from %s: %s"), url,
                   *detail != '\0' ? detail : _("the download program failed"));
    }
  else
    ok = TRUE;

  g_clear_error (&download.error);
  g_free (download.stderr_text);
  g_object_unref (download.process);
  if (!ok)
    g_unlink (part_path);
  return ok;
}

/* file:// without curl: GIO copies it */
static gboolean
download_with_gio (const char    *url,
                   const char    *part_path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFile) source = g_file_new_for_uri (url);
  g_autoptr(GFile) dest = g_file_new_for_path (part_path);

  return g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error);
}

/* --- ustar over gzip --- */

/* An octal field of a tar header; FALSE when it is not one. */
static gboolean
parse_octal (const guint8 *field,
             gsize         len,
             guint64      *out)
{
  guint64 value = 0;
  gsize i = 0;
  gboolean any = FALSE;

  while (i < len && field[i] == ' ')
    i++;
  for (; i < len && field[i] >= '0' && field[i] <= '7'; i++)
    {
      if (value > (G_MAXUINT64 >> 3))
        return FALSE;
      value = (value << 3) | (field[i] - '0');
      any = TRUE;
    }
  for (; i < len; i++)
    if (field[i] != ' ' && field[i] != '\0')
      return FALSE;
  *out = value;
  return any;
}

static gboolean
header_checksum_ok (const guint8 *h)
{
  guint64 stored, sum = 0;

  if (!parse_octal (h + 148, 8, &stored))
    return FALSE;
  for (int i = 0; i < 512; i++)
    sum += (i >= 148 && i < 156) ? ' ' : h[i];
  return sum == stored;
}

static gssize
gz_read_all (gzFile  gz,
             guint8 *buffer,
             gsize   len)
{
  gsize done = 0;

  while (done < len)
    {
      int got = gzread (gz, buffer + done, (unsigned int) MIN (len - done, (gsize) (1u << 20)));

      if (got < 0)
        return -1;
      if (got == 0)
        break;
      done += got;
    }
  return done;
}

static void
set_archive_error (GError     **error,
                   const char  *detail)
{
  g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
               _("The downloaded housing.tgz is not a valid archive: %s"), detail);
}

/* housing.csv from the archive at @path, in memory. Entries named
 * "housing.csv" or ".../housing.csv" (regular files) are taken; every other
 * entry is skipped unread. */
static GBytes *
extract_housing_csv (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gzFile gz = gzopen (path, "rb");
  guint8 header[512];
  GBytes *result = NULL;

  if (gz == NULL)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO,
                   _("Cannot open the downloaded housing.tgz"));
      return NULL;
    }

  for (;;)
    {
      char name[256 + 156];
      guint64 size, padded;
      gssize got;
      char type;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      got = gz_read_all (gz, header, 512);
      if (got != 512)
        {
          set_archive_error (error, _("it ends before housing.csv"));
          break;
        }
      /* a zero block ends the archive */
      {
        gboolean zero = TRUE;

        for (int i = 0; i < 512 && zero; i++)
          zero = header[i] == 0;
        if (zero)
          {
            set_archive_error (error, _("it holds no housing.csv"));
            break;
          }
      }
      if (!header_checksum_ok (header) || !parse_octal (header + 124, 12, &size))
        {
          set_archive_error (error, _("a header is damaged"));
          break;
        }
      type = header[156];
      /* POSIX ustar: prefix (155 bytes at 345) + "/" + name (100 bytes); GNU
       * tar's "ustar  " headers keep other fields there */
      if (memcmp (header + 257, "ustar\0", 6) == 0 && header[345] != '\0')
        g_snprintf (name, sizeof name, "%.155s/%.100s", (const char *) header + 345, (const char *) header);
      else
        g_snprintf (name, sizeof name, "%.100s", (const char *) header);

      if ((type == '0' || type == '\0')
          && (strcmp (name, "housing.csv") == 0 || g_str_has_suffix (name, "/housing.csv")))
        {
          guint8 *data;

          if (size > HOUSING_MAX_CSV)
            {
              g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_TOO_LARGE,
                           _("housing.csv in the download is %" PRIu64 " bytes: too large to be it"),
                           size);
              break;
            }
          data = g_malloc (MAX (size, 1));
          got = gz_read_all (gz, data, size);
          if (got < 0 || (guint64) got != size)
            {
              g_free (data);
              set_archive_error (error, _("housing.csv is truncated"));
              break;
            }
          result = g_bytes_new_take (data, size);
          break;
        }

      /* skip the entry's data, rounded up to whole blocks */
      padded = (size + 511) / 512 * 512;
      while (padded > 0)
        {
          guint8 skip[4096];
          gsize want = MIN (padded, sizeof skip);

          got = gz_read_all (gz, skip, want);
          if (got < 0 || (gsize) got != want)
            break;
          padded -= want;
        }
      if (padded > 0)
        {
          set_archive_error (error, _("it ends inside an entry"));
          break;
        }
    }
  gzclose (gz);
  return result;
}

/* --- fetch --- */

LbTable *
lb_housing_fetch_url (const char     *url,
                      LbProgressFunc  progress,
                      gpointer        progress_data,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autofree char *dir = cache_dir ();
  g_autofree char *csv_path = lb_housing_cache_path ();
  g_autofree char *part_path = g_build_filename (dir, "housing.tgz.part", NULL);
  g_autoptr(LbTable) table = NULL;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* a cached copy is trusted only when it still has the right checksum */
  if (g_file_test (csv_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (csv_path, FALSE, NULL);
      g_autofree char *sum = mapped != NULL
        ? sha256_of ((const guint8 *) g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped))
        : NULL;

      if (sum == NULL || strcmp (sum, HOUSING_CSV_SHA256) != 0)
        g_unlink (csv_path);
    }

  if (!g_file_test (csv_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GBytes) csv = NULL;
      g_autofree char *sum = NULL;
      gboolean downloaded;

      if (!g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://")
          && !g_str_has_prefix (url, "file://"))
        {
          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                       _("Cannot download from “%s”: only https, http and file addresses are supported"), url);
          return NULL;
        }
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO,
                       _("Cannot create the cache folder “%s”: %s"), dir, g_strerror (saved));
          return NULL;
        }

      if (progress != NULL)
        progress (-1.0, _("Downloading California housing"), progress_data);
      {
        g_autofree char *curl = g_find_program_in_path ("curl");

        if (curl == NULL && g_str_has_prefix (url, "file://"))
          downloaded = download_with_gio (url, part_path, cancellable, error);
        else
          downloaded = download_with_program (url, part_path, progress, progress_data,
                                              cancellable, error);
      }
      if (!downloaded)
        return NULL;

      if (progress != NULL)
        progress (0.8, _("Unpacking California housing"), progress_data);
      csv = extract_housing_csv (part_path, cancellable, error);
      if (csv == NULL)
        {
          g_unlink (part_path);
          return NULL;
        }
      sum = sha256_of (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
      if (strcmp (sum, HOUSING_CSV_SHA256) != 0)
        {
          g_unlink (part_path);
          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_CHECKSUM,
                       _("The downloaded housing.csv is damaged (SHA-256 %s, expected %s); "
                         "it was deleted: try again"), sum, HOUSING_CSV_SHA256);
          return NULL;
        }
      if (!g_file_set_contents (csv_path, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), error))
        {
          g_unlink (part_path);
          return NULL;
        }
      g_unlink (part_path);
    }

  if (progress != NULL)
    progress (0.9, _("Loading California housing"), progress_data);
  table = lb_csv_read_file (csv_path, NULL, NULL, NULL, cancellable, error);
  if (table == NULL)
    return NULL;
  if (progress != NULL)
    progress (1.0, NULL, progress_data);
  return lb_table_with_source (table, "housing.csv");
}

LbTable *
lb_housing_fetch (LbProgressFunc  progress,
                  gpointer        progress_data,
                  GCancellable   *cancellable,
                  GError        **error)
{
  return lb_housing_fetch_url (lb_housing_url (), progress, progress_data, cancellable, error);
}
