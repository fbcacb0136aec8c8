/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-csv-writer.c: lb_csv_write_file writes what the reader reads back to
 * the same table (quotes, newlines, missing values, every double bit-exact),
 * atomically, and fails cleanly where it cannot write.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lb-data.h"
#include "lb-test-util.h"

static LbTable *
make_table (void)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  const gsize n = 300;
  double *x = g_new (double, n);
  gint32 *codes = g_new (gint32, n);
  char **categories = g_new0 (char *, 3);
  char **text = g_new (char *, n);
  g_autoptr(GError) error = NULL;
  LbTable *table;

  categories[0] = g_strdup ("NEAR BAY");
  categories[1] = g_strdup ("<1H, OCEAN");
  for (gsize i = 0; i < n; i++)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);

      memcpy (&x[i], &bits, sizeof (double));
      if (!isfinite (x[i]) || i % 17 == 0)
        x[i] = i % 34 == 0 ? NAN : 0.1 * (double) i;
      codes[i] = i % 5 == 0 ? -1 : (gint32) (i % 2);
      text[i] = i % 7 == 0 ? NULL : g_strdup_printf ("say \"%zu\",\nthen stop", i);
    }
  g_ptr_array_add (columns, lb_column_new_numeric ("x value", x, n));
  g_ptr_array_add (columns, lb_column_new_categorical ("place", codes, n, categories));
  g_ptr_array_add (columns, lb_column_new_text ("note, quoted", text, n));
  table = lb_table_new (columns, &error);
  g_assert_no_error (error);
  return table;
}

static void
test_round_trip (void)
{
  g_autoptr(LbTable) table = make_table ();
  g_autofree char *dir = g_dir_make_tmp ("lb-csv-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) back = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_true (lb_csv_write_file (table, path, &error));
  g_assert_no_error (error);
  /* no temporary file is left beside it */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  back = lb_csv_read_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_rows (back), ==, 300);
  for (guint c = 0; c < 3; c++)
    g_assert_cmpstr (lb_column_get_name (lb_table_get_column (back, c)), ==,
                     lb_column_get_name (lb_table_get_column (table, c)));
  for (gsize r = 0; r < 300; r++)
    {
      double a = lb_column_get_numeric (lb_table_get_column (table, 0))[r];
      double b = lb_column_get_numeric (lb_table_get_column (back, 0))[r];

      g_assert_true ((isnan (a) && isnan (b)) || memcmp (&a, &b, sizeof a) == 0);
      for (guint c = 1; c < 3; c++)
        {
          g_autofree char *want = lb_column_format_value (lb_table_get_column (table, c), r);
          g_autofree char *got = lb_column_format_value (lb_table_get_column (back, c), r);

          g_assert_cmpstr (want, ==, got);
        }
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(LbTable) table = make_table ();
  g_autoptr(GError) error = NULL;

  g_assert_false (lb_csv_write_file (table, "/nonexistent-dir/out.csv", &error));
  g_assert_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/out.csv"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/data/CsvWriter/round-trip", test_round_trip);
  g_test_add_func ("/learnbench/data/CsvWriter/unwritable", test_unwritable);
  return g_test_run ();
}
