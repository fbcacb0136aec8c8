/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-idx-reader.c: the IDX reader on files this test writes (valid, gzip,
 * truncated, bad magic, lying headers) and on Debian's Fashion-MNIST, whose
 * sums were computed by numpy reading the same files.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <zlib.h>

#include <glib/gstdio.h>

#include "lb-data-error.h"
#include "lb-generators.h"
#include "lb-idx-reader.h"
#include "lb-test-util.h"

static char *tmp_dir;

/* --- fixtures --- */

static void
put_be32 (GByteArray *bytes, guint32 v)
{
  guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };

  g_byte_array_append (bytes, b, 4);
}

/* n images of rows x cols, pixel (i, p) = (7 i + p) % 256; labels i % 3 */
static GByteArray *
images_bytes (guint32 magic, guint32 n, guint32 rows, guint32 cols, gsize n_written)
{
  GByteArray *bytes = g_byte_array_new ();

  put_be32 (bytes, magic);
  put_be32 (bytes, n);
  put_be32 (bytes, rows);
  put_be32 (bytes, cols);
  for (gsize i = 0; i < n_written; i++)
    for (gsize p = 0; p < (gsize) rows * cols; p++)
      {
        guint8 v = (7 * i + p) % 256;

        g_byte_array_append (bytes, &v, 1);
      }
  return bytes;
}

static GByteArray *
labels_bytes (guint32 n, gsize n_written)
{
  GByteArray *bytes = g_byte_array_new ();

  put_be32 (bytes, 0x00000801);
  put_be32 (bytes, n);
  for (gsize i = 0; i < n_written; i++)
    {
      guint8 v = i % 3;

      g_byte_array_append (bytes, &v, 1);
    }
  return bytes;
}

static char *
write_fixture (const char *name, GByteArray *bytes, gboolean gzip)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  if (gzip)
    {
      gzFile gz = gzopen (path, "wb");

      g_assert_nonnull (gz);
      g_assert_cmpint (gzwrite (gz, bytes->data, bytes->len), ==, (int) bytes->len);
      g_assert_cmpint (gzclose (gz), ==, Z_OK);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, (const char *) bytes->data, bytes->len, &error);
      g_assert_no_error (error);
    }
  g_byte_array_unref (bytes);
  return path;
}

/* --- small files --- */

static void
check_small_table (LbTable *table, gsize n, gboolean with_labels)
{
  g_assert_cmpuint (lb_table_get_n_rows (table), ==, n);
  g_assert_cmpuint (lb_table_get_n_columns (table), ==, 12 + (with_labels ? 1 : 0));
  for (guint p = 0; p < 12; p++)
    {
      LbColumn *column = lb_table_get_column (table, p);
      g_autofree char *name = g_strdup_printf ("pixel%u", p);
      const double *v = lb_column_get_numeric (column);

      g_assert_cmpstr (lb_column_get_name (column), ==, name);
      for (gsize i = 0; i < n; i++)
        g_assert_cmpfloat (v[i], ==, (7 * i + p) % 256);
    }
  if (with_labels)
    {
      LbColumn *label = lb_table_get_column_by_name (table, "label");
      const gint32 *codes = lb_column_get_codes (label);

      g_assert_cmpint (lb_column_get_kind (label), ==, LB_COLUMN_CATEGORICAL);
      for (gsize i = 0; i < n; i++)
        g_assert_cmpint (codes[i], ==, (gint32) (i % 3));
      /* no Fashion-MNIST in the name: the classes are the numbers */
      g_assert_cmpuint (lb_column_get_n_categories (label), ==, 3);
      g_assert_cmpstr (lb_column_get_categories (label)[2], ==, "2");
    }
}

static void
test_valid (void)
{
  for (int gzip = 0; gzip < 2; gzip++)
    {
      g_autofree char *images = write_fixture (gzip ? "valid-images.gz" : "valid-images",
                                               images_bytes (0x803, 40, 3, 4, 40), gzip);
      g_autofree char *labels = write_fixture (gzip ? "valid-labels.gz" : "valid-labels",
                                               labels_bytes (40, 40), gzip);
      g_autoptr(GError) error = NULL;
      g_autoptr(LbTable) table = lb_idx_read (images, labels, 0, NULL, NULL, NULL, &error);
      g_autoptr(LbTable) no_labels = NULL;
      g_autoptr(LbTable) first = NULL;

      g_assert_no_error (error);
      check_small_table (table, 40, TRUE);

      no_labels = lb_idx_read (images, NULL, 0, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      check_small_table (no_labels, 40, FALSE);

      first = lb_idx_read (images, labels, 7, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      check_small_table (first, 7, TRUE);
    }
}

static void
assert_read_fails (const char *images, const char *labels, gsize max_rows,
                   int code, const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = lb_idx_read (images, labels, max_rows, NULL, NULL, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, LB_DATA_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("message \"%s\" does not say \"%s\"", error->message, message_part);
}

static void
test_malformed (void)
{
  g_autofree char *labels = write_fixture ("labels-40", labels_bytes (40, 40), FALSE);
  g_autofree char *truncated = write_fixture ("truncated", images_bytes (0x803, 40, 3, 4, 10), FALSE);
  g_autofree char *truncated_gz = write_fixture ("truncated.gz", images_bytes (0x803, 40, 3, 4, 10), TRUE);
  g_autofree char *bad_magic = write_fixture ("bad-magic", images_bytes (0x801, 40, 3, 4, 40), FALSE);
  g_autofree char *extra = NULL;
  g_autofree char *lying = write_fixture ("lying", images_bytes (0x803, 0xFFFFFFFFu, 28, 28, 2), TRUE);
  g_autofree char *huge_side = write_fixture ("huge-side", images_bytes (0x803, 1, 100000, 100000, 0), FALSE);
  g_autofree char *header_cut = NULL;
  g_autofree char *short_labels = write_fixture ("labels-39", labels_bytes (40, 39), FALSE);
  g_autofree char *other_count = write_fixture ("labels-30", labels_bytes (30, 30), FALSE);
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-file", NULL);
  g_autofree char *not_gzip = NULL;
  g_autofree char *empty = write_fixture ("empty", images_bytes (0x803, 0, 3, 4, 0), FALSE);

  {
    GByteArray *bytes = images_bytes (0x803, 40, 3, 4, 40);
    guint8 junk[5] = { 1, 2, 3, 4, 5 };

    g_byte_array_append (bytes, junk, 5);
    extra = write_fixture ("extra", bytes, FALSE);
  }
  {
    GByteArray *bytes = images_bytes (0x803, 40, 3, 4, 0);

    g_byte_array_set_size (bytes, 9);
    header_cut = write_fixture ("header-cut", bytes, FALSE);
  }
  {
    /* gzip magic, then garbage: zlib reports a damaged stream */
    GByteArray *bytes = g_byte_array_new ();
    static const guint8 junk[] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

    g_byte_array_append (bytes, junk, sizeof junk);
    not_gzip = write_fixture ("damaged.gz", bytes, FALSE);
  }

  /* 40 images of 12 pixels declared, 10 present */
  assert_read_fails (truncated, labels, 0, LB_DATA_ERROR_FORMAT,
                     "IDX file is truncated: expected 480 bytes of pixels, found 120");
  assert_read_fails (truncated_gz, labels, 0, LB_DATA_ERROR_FORMAT,
                     "IDX file is truncated: expected 480 bytes of pixels, found 120");
  /* reading only the first 10 images of it is fine */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LbTable) t = lb_idx_read (truncated, labels, 10, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    check_small_table (t, 10, TRUE);
  }
  assert_read_fails (bad_magic, NULL, 0, LB_DATA_ERROR_FORMAT, "magic number 0x00000801, expected 0x00000803");
  assert_read_fails (labels, NULL, 0, LB_DATA_ERROR_FORMAT, "is not an IDX images file");
  assert_read_fails (truncated, truncated, 0, LB_DATA_ERROR_FORMAT, "is not an IDX labels file");
  assert_read_fails (extra, NULL, 0, LB_DATA_ERROR_FORMAT, "more data than its header declares");
  /* 4 billion 28 x 28 images declared: refused before anything is allocated */
  assert_read_fails (lying, NULL, 0, LB_DATA_ERROR_TOO_LARGE, "too many");
  /* ... and with a row limit, the data that is not there is reported */
  assert_read_fails (lying, NULL, 1000, LB_DATA_ERROR_FORMAT,
                     "IDX file is truncated: expected 784000 bytes of pixels, found 1568");
  assert_read_fails (huge_side, NULL, 0, LB_DATA_ERROR_FORMAT, "100000 × 100000");
  assert_read_fails (header_cut, NULL, 0, LB_DATA_ERROR_FORMAT, "truncated inside its header");
  /* a labels file shorter than declared still gives its first 10 labels */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LbTable) t = lb_idx_read (truncated, short_labels, 10, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    check_small_table (t, 10, TRUE);
  }
  assert_read_fails (truncated, other_count, 0, LB_DATA_ERROR_MALFORMED,
                     "The labels file has 30 labels but the images file has 40 images");
  assert_read_fails (missing, NULL, 0, LB_DATA_ERROR_IO, "No such file");
  assert_read_fails (not_gzip, NULL, 0, LB_DATA_ERROR_FORMAT, "damaged");
  assert_read_fails (empty, NULL, 0, LB_DATA_ERROR_EMPTY, "no image");
}

static void
test_short_labels (void)
{
  g_autofree char *images = write_fixture ("images-40", images_bytes (0x803, 40, 3, 4, 40), FALSE);
  g_autofree char *labels = write_fixture ("labels-short", labels_bytes (40, 39), TRUE);

  assert_read_fails (images, labels, 0, LB_DATA_ERROR_FORMAT,
                     "IDX file is truncated: expected 40 bytes of labels, found 39");
}

static void
test_cancel (void)
{
  g_autofree char *images = write_fixture ("cancel", images_bytes (0x803, 40, 3, 4, 40), FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (lb_idx_read (images, NULL, 0, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* --- Fashion-MNIST (Debian's dataset-fashion-mnist) --- */

/* numpy on the same files (/usr/bin/python3, numpy 1.24.2):
 *   img = np.frombuffer(gzip.open('train-images-idx3-ubyte.gz').read(), np.uint8, offset=16).reshape(-1, 784)
 *   lab = np.frombuffer(gzip.open('train-labels-idx1-ubyte.gz').read(), np.uint8, offset=8)
 *   img.sum() = 3431114169, img[0].sum() = 76247, img[59999].sum() = 16684,
 *   img[:, 400].sum() = 6281639, lab[:10] = 9 0 0 3 0 2 7 2 5 5,
 *   np.bincount(lab) = 6000 x 10; img[:10000].sum() = 572388787;
 *   t10k: img.sum() = 573469082, lab[:5] = 9 2 1 1 6 */
static gboolean
have_fashion_mnist (void)
{
  g_autofree char *path = g_build_filename (LB_FASHION_MNIST_DIR, "train-images-idx3-ubyte.gz", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Fashion-MNIST is absent: install the Debian package dataset-fashion-mnist");
      return FALSE;
    }
  return TRUE;
}

static double
table_pixel_sum (LbTable *table, gsize first_row, gsize last_row)
{
  double sum = 0;  /* integers below 2^53: exact */

  for (guint p = 0; p < 784; p++)
    {
      const double *v = lb_column_get_numeric (lb_table_get_column (table, p));

      for (gsize i = first_row; i < last_row; i++)
        sum += v[i];
    }
  return sum;
}

static void
progress_cb (double fraction, const char *message, gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_fashion_mnist_train (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) table = NULL;
  const char * const *names = lb_fashion_mnist_class_names ();
  LbColumn *label;
  const gint32 *codes;
  gsize counts[10] = { 0 };
  static const gint32 first_labels[] = { 9, 0, 0, 3, 0, 2, 7, 2, 5, 5 };
  double last = 0.0;
  const double *pixel400;
  double sum400 = 0;

  if (!have_fashion_mnist ())
    return;
  table = lb_fashion_mnist_load (TRUE, 0, progress_cb, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (lb_table_get_n_rows (table), ==, 60000);
  g_assert_cmpuint (lb_table_get_n_columns (table), ==, 785);
  g_assert_cmpstr (lb_column_get_name (lb_table_get_column (table, 0)), ==, "pixel0");
  g_assert_cmpstr (lb_column_get_name (lb_table_get_column (table, 783)), ==, "pixel783");

  label = lb_table_get_column_by_name (table, "label");
  g_assert_cmpuint (lb_column_get_n_categories (label), ==, 10);
  for (int k = 0; k < 10; k++)
    g_assert_cmpstr (lb_column_get_categories (label)[k], ==, names[k]);
  g_assert_cmpstr (names[0], ==, "T-shirt/top");
  g_assert_cmpstr (names[9], ==, "Ankle boot");
  g_assert_null (names[10]);
  codes = lb_column_get_codes (label);
  for (int i = 0; i < 10; i++)
    g_assert_cmpint (codes[i], ==, first_labels[i]);
  {
    g_autofree char *first = lb_column_format_value (label, 0);

    g_assert_cmpstr (first, ==, "Ankle boot");
  }
  for (gsize i = 0; i < 60000; i++)
    counts[codes[i]]++;
  for (int k = 0; k < 10; k++)
    g_assert_cmpuint (counts[k], ==, 6000);

  g_assert_cmpfloat (table_pixel_sum (table, 0, 60000), ==, 3431114169.0);
  g_assert_cmpfloat (table_pixel_sum (table, 0, 1), ==, 76247.0);
  g_assert_cmpfloat (table_pixel_sum (table, 59999, 60000), ==, 16684.0);
  pixel400 = lb_column_get_numeric (lb_table_get_column_by_name (table, "pixel400"));
  for (gsize i = 0; i < 60000; i++)
    sum400 += pixel400[i];
  g_assert_cmpfloat (sum400, ==, 6281639.0);
}

static void
test_fashion_mnist_test_and_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) test_set = NULL;
  g_autoptr(LbTable) sample = NULL;
  static const gint32 first_labels[] = { 9, 2, 1, 1, 6 };
  const gint32 *codes;

  if (!have_fashion_mnist ())
    return;
  test_set = lb_fashion_mnist_load (FALSE, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_rows (test_set), ==, 10000);
  g_assert_cmpfloat (table_pixel_sum (test_set, 0, 10000), ==, 573469082.0);
  codes = lb_column_get_codes (lb_table_get_column_by_name (test_set, "label"));
  for (int i = 0; i < 5; i++)
    g_assert_cmpint (codes[i], ==, first_labels[i]);

  /* the sample: the first 10000 training images */
  sample = lb_sample_load ("fashion-mnist", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_rows (sample), ==, 10000);
  g_assert_cmpfloat (table_pixel_sum (sample, 0, 10000), ==, 572388787.0);

  /* the generic reader names the classes too: the path says fashion-mnist */
  {
    g_autofree char *images = g_build_filename (LB_FASHION_MNIST_DIR, "t10k-images-idx3-ubyte.gz", NULL);
    g_autofree char *labels = g_build_filename (LB_FASHION_MNIST_DIR, "t10k-labels-idx1-ubyte.gz", NULL);
    g_autoptr(LbTable) t = lb_idx_read (images, labels, 3, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (lb_column_get_categories (lb_table_get_column_by_name (t, "label"))[9], ==, "Ankle boot");
  }
}

int
main (int argc, char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("learnbench-idx-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/learnbench/data/LbIdxReader/valid", test_valid);
  g_test_add_func ("/learnbench/data/LbIdxReader/malformed", test_malformed);
  g_test_add_func ("/learnbench/data/LbIdxReader/short-labels", test_short_labels);
  g_test_add_func ("/learnbench/data/LbIdxReader/cancel", test_cancel);
  g_test_add_func ("/learnbench/data/LbIdxReader/fashion-mnist-train", test_fashion_mnist_train);
  g_test_add_func ("/learnbench/data/LbIdxReader/fashion-mnist-test-and-sample", test_fashion_mnist_test_and_sample);
  result = g_test_run ();

  /* remove the fixtures */
  {
    GDir *dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

        g_unlink (path);
      }
    if (dir != NULL)
      g_dir_close (dir);
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  return result;
}
