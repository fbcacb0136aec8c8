/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-idx-reader.c: MNIST's IDX files (plain or gzip, read through zlib's
 * gzread, which passes plain files through). The header is big-endian; every
 * declared size is checked against the data that is really there before a
 * table is allocated, so a hostile header cannot ask for gigabytes.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <zlib.h>

#include <glib/gi18n-lib.h>

#include "lb-data-error.h"
#include "lb-idx-reader.h"

#define IDX_MAGIC_IMAGES 0x00000803u  /* unsigned bytes, 3 dimensions */
#define IDX_MAGIC_LABELS 0x00000801u  /* unsigned bytes, 1 dimension */
/* refuse more than 2^31 cells (16 GiB of doubles): a header, not a data set */
#define IDX_MAX_CELLS    (G_GUINT64_CONSTANT (1) << 31)
#define IDX_MAX_SIDE     4096u
#define IDX_CHUNK        (1u << 20)

static const char * const fashion_mnist_classes[] = {
  "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
  "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot", NULL,
};

const char * const *
lb_fashion_mnist_class_names (void)
{
  return fashion_mnist_classes;
}

/* --- reading --- */

typedef struct
{
  gzFile      gz;
  const char *path;
} IdxFile;

static void
idx_file_close (IdxFile *file)
{
  if (file->gz != NULL)
    gzclose (file->gz);
  file->gz = NULL;
}

static gboolean
idx_file_open (IdxFile     *file,
               const char  *path,
               GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  file->path = path;
  file->gz = gzopen (path, "rb");
  if (file->gz == NULL)
    {
      int saved = errno;

      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO,
                   _("Cannot open “%s”: %s"), display,
                   saved != 0 ? g_strerror (saved) : _("out of memory"));
      return FALSE;
    }
  gzbuffer (file->gz, 256 * 1024);
  return TRUE;
}

/* Reads up to @len bytes; returns how many came, or -1 with @error set. */
static gssize
idx_file_read (IdxFile     *file,
               guint8      *buffer,
               gsize        len,
               GError     **error)
{
  gsize done = 0;

  while (done < len)
    {
      unsigned int want = (unsigned int) MIN (len - done, (gsize) IDX_CHUNK);
      int got = gzread (file->gz, buffer + done, want);

      if (got < 0)
        {
          int errnum = 0;
          const char *msg = gzerror (file->gz, &errnum);
          g_autofree char *display = g_filename_display_name (file->path);

          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                       _("“%s” is damaged: %s"), display, msg);
          return -1;
        }
      if (got == 0)
        {
          int errnum = 0;
          const char *msg = gzerror (file->gz, &errnum);

          /* a gzip stream cut short ends with Z_BUF_ERROR, not an error */
          if (errnum != Z_OK && errnum != Z_BUF_ERROR)
            {
              g_autofree char *display = g_filename_display_name (file->path);

              g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                           _("“%s” is damaged: %s"), display, msg);
              return -1;
            }
          break;
        }
      done += got;
    }
  return done;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads the header: magic and @n_dims sizes. */
static gboolean
read_header (IdxFile     *file,
             guint32      expected_magic,
             guint32     *dims,
             guint        n_dims,
             GError     **error)
{
  guint8 header[16];
  gsize len = 4 + 4 * n_dims;
  gssize got;
  guint32 magic;
  g_autofree char *display = g_filename_display_name (file->path);

  got = idx_file_read (file, header, len, error);
  if (got < 0)
    return FALSE;
  if (got < 4)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                   _("“%s” is not an IDX file: it is too short"), display);
      return FALSE;
    }
  magic = read_be32 (header);
  if (magic != expected_magic)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                   expected_magic == IDX_MAGIC_IMAGES
                     ? _("“%s” is not an IDX images file: magic number 0x%08x, expected 0x%08x")
                     : _("“%s” is not an IDX labels file: magic number 0x%08x, expected 0x%08x"),
                   display, magic, expected_magic);
      return FALSE;
    }
  if ((gsize) got < len)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                   _("IDX file “%s” is truncated inside its header"), display);
      return FALSE;
    }
  for (guint d = 0; d < n_dims; d++)
    dims[d] = read_be32 (header + 4 + 4 * d);
  return TRUE;
}

/* Reads exactly @len bytes into a buffer that grows only as data arrives
 * (so a lying header costs nothing), checking @cancellable per chunk.
 * @what names the payload in the truncation message. */
static guint8 *
read_payload (IdxFile       *file,
              gsize          len,
              const char    *what,
              gboolean       check_end,
              LbProgressFunc progress,
              gpointer       progress_data,
              double         progress_from,
              double         progress_to,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  while (bytes->len < len)
    {
      gsize want = MIN (len - bytes->len, (gsize) IDX_CHUNK);
      guint old = bytes->len;
      gssize got;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_byte_array_set_size (bytes, old + want);
      got = idx_file_read (file, bytes->data + old, want, error);
      if (got < 0)
        return NULL;
      g_byte_array_set_size (bytes, old + got);
      if ((gsize) got < want)
        break;
      if (progress != NULL)
        progress (progress_from + (progress_to - progress_from) * bytes->len / len,
                  NULL, progress_data);
    }
  if (bytes->len < len)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                   /* TRANSLATORS: "expected 47040000 bytes of pixels, found 1000" */
                   _("IDX file is truncated: expected %zu bytes of %s, found %u"),
                   len, what, bytes->len);
      return NULL;
    }
  if (check_end)
    {
      guint8 extra[1];
      gssize got = idx_file_read (file, extra, 1, error);

      if (got < 0)
        return NULL;
      if (got > 0)
        {
          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                       _("IDX file has more data than its header declares (%zu bytes of %s)"),
                       len, what);
          return NULL;
        }
    }
  if (len == 0)
    return g_malloc (1);
  return g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* --- the table --- */

static LbTable *
idx_read (const char          *images_path,
          const char          *labels_path,
          const char * const  *class_names,
          gsize                max_rows,
          LbProgressFunc       progress,
          gpointer             progress_data,
          GCancellable        *cancellable,
          GError             **error)
{
  IdxFile images = { NULL, }, labels = { NULL, };
  guint32 dims[3], n_labels = 0;
  gsize n_rows, n_pixels;
  g_autofree guint8 *pixels = NULL;
  g_autofree guint8 *label_bytes = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  gboolean all_rows;
  LbTable *table = NULL;

  if (!idx_file_open (&images, images_path, error))
    goto out;
  if (!read_header (&images, IDX_MAGIC_IMAGES, dims, 3, error))
    goto out;
  if (dims[1] == 0 || dims[2] == 0 || dims[1] > IDX_MAX_SIDE || dims[2] > IDX_MAX_SIDE)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                   _("IDX images of %u × %u pixels are not supported"), dims[1], dims[2]);
      goto out;
    }
  if (dims[0] == 0)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_EMPTY, _("The IDX file holds no image"));
      goto out;
    }
  n_pixels = (gsize) dims[1] * dims[2];
  all_rows = max_rows == 0 || max_rows >= dims[0];
  n_rows = all_rows ? dims[0] : max_rows;
  if ((guint64) n_rows * n_pixels > IDX_MAX_CELLS)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_TOO_LARGE,
                   _("%zu images of %u × %u pixels are too many to load at once; load fewer rows"),
                   n_rows, dims[1], dims[2]);
      goto out;
    }

  if (labels_path != NULL)
    {
      if (!idx_file_open (&labels, labels_path, error))
        goto out;
      if (!read_header (&labels, IDX_MAGIC_LABELS, &n_labels, 1, error))
        goto out;
      if (n_labels != dims[0])
        {
          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_MALFORMED,
                       _("The labels file has %u labels but the images file has %u images"),
                       n_labels, dims[0]);
          goto out;
        }
    }

  pixels = read_payload (&images, n_rows * n_pixels, _("pixels"), all_rows,
                         progress, progress_data, 0.0, 0.7, cancellable, error);
  if (pixels == NULL)
    goto out;
  if (labels_path != NULL)
    {
      label_bytes = read_payload (&labels, n_rows, _("labels"), all_rows,
                                  NULL, NULL, 0.0, 0.0, cancellable, error);
      if (label_bytes == NULL)
        goto out;
    }

  /* pixel columns: a transpose of the row-major bytes, a block of rows at a
   * time so both sides stay in cache */
  {
    double **cols = g_new (double *, n_pixels);
    const gsize block = 256;

    for (gsize p = 0; p < n_pixels; p++)
      cols[p] = g_try_new (double, MAX (n_rows, 1));
    for (gsize p = 0; p < n_pixels; p++)
      if (cols[p] == NULL)
        {
          for (gsize q = 0; q < n_pixels; q++)
            g_free (cols[q]);
          g_free (cols);
          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_TOO_LARGE,
                       _("Not enough memory for %zu images"), n_rows);
          goto out;
        }
    for (gsize r0 = 0; r0 < n_rows; r0 += block)
      {
        gsize r1 = MIN (n_rows, r0 + block);

        for (gsize p = 0; p < n_pixels; p++)
          {
            double *dst = cols[p];

            for (gsize r = r0; r < r1; r++)
              dst[r] = pixels[r * n_pixels + p];
          }
        if ((r0 / block) % 16 == 0)
          {
            if (g_cancellable_is_cancelled (cancellable))
              break;
            if (progress != NULL)
              progress (0.7 + 0.3 * r1 / n_rows, NULL, progress_data);
          }
      }
    for (gsize p = 0; p < n_pixels; p++)
      {
        g_autofree char *name = g_strdup_printf ("pixel%" G_GSIZE_FORMAT, p);

        g_ptr_array_add (columns, lb_column_new_numeric (name, cols[p], n_rows));
      }
    g_free (cols);
    if (g_cancellable_set_error_if_cancelled (cancellable, error))
      goto out;
  }

  if (label_bytes != NULL)
    {
      gint32 *codes = g_new (gint32, MAX (n_rows, 1));
      guint max_label = 0;
      char **categories;

      for (gsize r = 0; r < n_rows; r++)
        max_label = MAX (max_label, label_bytes[r]);
      if (class_names != NULL && max_label >= g_strv_length ((char **) class_names))
        {
          g_free (codes);
          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_MALFORMED,
                       _("Label %u is not one of the %u classes"), max_label,
                       g_strv_length ((char **) class_names));
          goto out;
        }
      for (gsize r = 0; r < n_rows; r++)
        codes[r] = label_bytes[r];
      if (class_names != NULL)
        categories = g_strdupv ((char **) class_names);
      else
        {
          /* MNIST digits and other IDX sets: the classes are their numbers */
          categories = g_new0 (char *, max_label + 2);
          for (guint k = 0; k <= max_label; k++)
            categories[k] = g_strdup_printf ("%u", k);
        }
      g_ptr_array_add (columns, lb_column_new_categorical ("label", codes, n_rows, categories));
    }

  table = lb_table_new (columns, error);
  if (progress != NULL && table != NULL)
    progress (1.0, NULL, progress_data);

out:
  idx_file_close (&images);
  idx_file_close (&labels);
  return table;
}

/* Fashion-MNIST's class names go with files that say so in their path (the
 * Debian package's directory, or a file the user named "fashion…"). */
static gboolean
looks_like_fashion_mnist (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return strstr (lower, "fashion") != NULL;
}

LbTable *
lb_idx_read (const char      *images_path,
             const char      *labels_path,
             gsize            max_rows,
             LbProgressFunc   progress,
             gpointer         progress_data,
             GCancellable    *cancellable,
             GError         **error)
{
  g_return_val_if_fail (images_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return idx_read (images_path, labels_path,
                   looks_like_fashion_mnist (images_path) ? fashion_mnist_classes : NULL,
                   max_rows, progress, progress_data, cancellable, error);
}

LbTable *
lb_fashion_mnist_load (gboolean         train,
                       gsize            max_rows,
                       LbProgressFunc   progress,
                       gpointer         progress_data,
                       GCancellable    *cancellable,
                       GError         **error)
{
  const char *prefix = train ? "train" : "t10k";
  g_autofree char *images_name = g_strdup_printf ("%s-images-idx3-ubyte.gz", prefix);
  g_autofree char *labels_name = g_strdup_printf ("%s-labels-idx1-ubyte.gz", prefix);
  g_autofree char *images = g_build_filename (LB_FASHION_MNIST_DIR, images_name, NULL);
  g_autofree char *labels = g_build_filename (LB_FASHION_MNIST_DIR, labels_name, NULL);
  LbTable *table;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (images, G_FILE_TEST_EXISTS) || !g_file_test (labels, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO,
                   _("Fashion-MNIST is not installed: install the Debian package dataset-fashion-mnist"));
      return NULL;
    }
  table = idx_read (images, labels, fashion_mnist_classes, max_rows,
                    progress, progress_data, cancellable, error);
  if (table != NULL)
    {
      LbTable *named = lb_table_with_source (table, train ? "Fashion-MNIST (train)" : "Fashion-MNIST (test)");

      lb_table_unref (table);
      table = named;
    }
  return table;
}
