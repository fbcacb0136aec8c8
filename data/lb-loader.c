/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-loader.c: one entry point for "open this": a built-in sample
 * ("sample:moons"), an IDX file (by its magic number, gzip or not; an images
 * file brings its sibling labels file), or else a CSV/TSV text file. Known
 * binary formats are named in the error instead of being parsed as text.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <zlib.h>

#include "lb-data-error.h"
#include "lb-generators.h"
#include "lb-idx-reader.h"
#include "lb-loader.h"

#define IDX_IMAGES_MAGIC 0x00000803u
#define IDX_LABELS_MAGIC 0x00000801u

/* The first bytes of @path, inflated when it is gzip. */
static gboolean
read_head (const char  *path,
           guint8      *head,
           gsize        size,
           gsize       *n_read,
           GError     **error)
{
  gzFile file = gzopen (path, "rb");
  int n;

  if (file == NULL)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO, _("cannot open %s: %s"),
                   path, g_strerror (errno));
      return FALSE;
    }
  /* gzread reads plain files as they are */
  n = gzread (file, head, (unsigned) size);
  gzclose (file);
  *n_read = n > 0 ? (gsize) n : 0;
  return TRUE;
}

static const char *
binary_kind (const guint8 *head,
             gsize         len)
{
  static const struct { const char *magic; gsize len; const char *kind; } kinds[] = {
    { "PK\x03\x04", 4, "ZIP (or Excel .xlsx)" },
    { "PAR1", 4, "Parquet" },
    { "\x89PNG", 4, "PNG" },
    { "\xff\xd8\xff", 3, "JPEG" },
    { "%PDF", 4, "PDF" },
    { "\x7f" "ELF", 4, "program (ELF)" },
    { "\xd0\xcf\x11\xe0", 4, "Excel .xls (OLE)" },
    { "SQLite format 3", 15, "SQLite" },
    { "\x93NUMPY", 6, "NumPy .npy" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (len >= kinds[i].len && memcmp (head, kinds[i].magic, kinds[i].len) == 0)
      return kinds[i].kind;
  return NULL;
}

/* "x/train-images-idx3-ubyte.gz" -> "x/train-labels-idx1-ubyte.gz" when it exists */
static char *
sibling (const char *path,
         const char *from,
         const char *to)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  const char *at = strstr (base, from);
  g_autofree char *other_base = NULL;
  char *other;

  if (at == NULL)
    return NULL;
  other_base = g_strdup_printf ("%.*s%s%s", (int) (at - base), base, to, at + strlen (from));
  other = g_build_filename (dir, other_base, NULL);
  if (!g_file_test (other, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&other, g_free);
  return other;
}

/* Tables from files are labelled with the file's name. */
static LbTable *
with_file_source (LbTable    *table,
                  const char *path)
{
  g_autofree char *base = NULL;
  LbTable *named;

  if (table == NULL || lb_table_get_source (table) != NULL)
    return table;
  base = g_path_get_basename (path);
  named = lb_table_with_source (table, base);
  lb_table_unref (table);
  return named;
}

LbTable *
lb_load_table (const char      *path,
               LbProgressFunc   progress,
               gpointer         progress_data,
               GCancellable    *cancellable,
               GError         **error)
{
  guint8 head[16];
  gsize n_head = 0;
  guint32 magic;
  const char *kind;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_str_has_prefix (path, "sample:"))
    {
      LbTable *table = lb_sample_load (path + strlen ("sample:"), cancellable, error);

      if (table != NULL && progress != NULL)
        progress (1.0, NULL, progress_data);
      return table;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO, _("cannot open %s: %s"),
                   path, g_strerror (ENOENT));
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT, _("%s is a folder, not a data file"), path);
      return NULL;
    }
  if (!read_head (path, head, sizeof head, &n_head, error))
    return NULL;

  magic = n_head >= 4 ? ((guint32) head[0] << 24 | (guint32) head[1] << 16 | (guint32) head[2] << 8 | head[3]) : 0;
  if (magic == IDX_IMAGES_MAGIC)
    {
      g_autofree char *labels = sibling (path, "images-idx3", "labels-idx1");

      return with_file_source (lb_idx_read (path, labels, 0, progress, progress_data, cancellable, error), path);
    }
  if (magic == IDX_LABELS_MAGIC)
    {
      g_autofree char *images = sibling (path, "labels-idx1", "images-idx3");

      if (images == NULL)
        {
          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                       _("%s holds only labels: open its images file (…-images-idx3-ubyte)"), path);
          return NULL;
        }
      return with_file_source (lb_idx_read (images, path, 0, progress, progress_data, cancellable, error), images);
    }
  if (strstr (path, "-ubyte") != NULL)
    /* named like IDX but without its magic: let the IDX reader say what is wrong */
    return lb_idx_read (path, NULL, 0, progress, progress_data, cancellable, error);

  kind = binary_kind (head, n_head);
  if (kind != NULL)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                   _("%s is a %s file; Learnbench reads CSV/TSV text (optionally .gz) and IDX files"),
                   path, kind);
      return NULL;
    }
  return lb_csv_read_file (path, NULL, progress, progress_data, cancellable, error);
}
