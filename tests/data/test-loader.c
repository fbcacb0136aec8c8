/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-loader.c: lb_load_table sends each input to the right reader (CSV,
 * gzip CSV, IDX images with their sibling labels, samples) and answers
 * folders, missing files and binary files with a clear error.
 */
#include "config.h"

#include <string.h>

#include "lb-data.h"
#include "lb-test-util.h"

static LbTable *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = lb_test_fixture (name);

  return lb_load_table (path, NULL, NULL, NULL, error);
}

static void
test_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbTable) plain = load_fixture ("csv-quoting.csv", &error);
  g_autoptr(LbTable) gzipped = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_rows (plain), ==, 4);
  g_assert_cmpstr (lb_table_get_source (plain), ==, "csv-quoting.csv");
  gzipped = load_fixture ("csv-gzip.csv.gz", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_rows (gzipped), ==, 2000);
}

static void
check_idx (LbTable *table)
{
  LbColumn *label;
  /* the fixture: 3 images of 2x2 pixels, labels 1 0 1 (tests/data/fixtures) */
  const double pixel3[] = { 20, 4, 0 };

  g_assert_cmpuint (lb_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (lb_table_get_n_columns (table), ==, 5);
  for (guint r = 0; r < 3; r++)
    g_assert_cmpfloat (lb_column_get_numeric (lb_table_get_column (table, 3))[r], ==, pixel3[r]);
  g_assert_cmpfloat (lb_column_get_numeric (lb_table_get_column (table, 1))[0], ==, 255);
  label = lb_table_get_column_by_name (table, "label");
  g_assert_nonnull (label);
  g_assert_cmpint (lb_column_get_kind (label), ==, LB_COLUMN_CATEGORICAL);
  g_assert_cmpint (lb_column_get_codes (label)[0], ==, lb_column_get_codes (label)[2]);
  g_assert_cmpint (lb_column_get_codes (label)[0], !=, lb_column_get_codes (label)[1]);
}

static void
test_idx (void)
{
  const char *names[] = {
    "loader-tiny-images-idx3-ubyte", "loader-tiny-labels-idx1-ubyte",
    "loader-gz-images-idx3-ubyte.gz", "loader-gz-labels-idx1-ubyte.gz",
  };

  /* an images file finds its labels; a labels file finds its images */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbTable) table = load_fixture (names[i], &error);

      g_assert_no_error (error);
      check_idx (table);
      g_assert_nonnull (lb_table_get_source (table));
    }
}

static void
test_errors (void)
{
  struct { const char *name; int code; const char *needle; } cases[] = {
    { "", LB_DATA_ERROR_FORMAT, "folder" },
    { "no-such-file.csv", LB_DATA_ERROR_IO, "no-such-file.csv" },
    { "csv-binary.bin", LB_DATA_ERROR_FORMAT, "PNG" },
    { "loader-garbage.dat", LB_DATA_ERROR_FORMAT, "not a text file" },
    { "csv-truncated.csv.gz", LB_DATA_ERROR_FORMAT, "truncated" },
    { "csv-ragged-more.csv", LB_DATA_ERROR_MALFORMED, "line 17" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LbTable) table = load_fixture (cases[i].name, &error);

      g_assert_null (table);
      g_assert_error (error, LB_DATA_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

static void
test_samples (void)
{
  g_autoptr(GError) error = NULL;
  guint n_samples = 0;
  const LbSampleInfo *samples = lb_samples_list (&n_samples);

  g_assert_cmpuint (n_samples, >, 0);
  for (guint i = 0; i < n_samples; i++)
    {
      g_autofree char *path = g_strconcat ("sample:", samples[i].id, NULL);
      g_autoptr(LbTable) table = NULL;

      /* Fashion-MNIST may be absent on a build machine: then its error is fine */
      table = lb_load_table (path, NULL, NULL, NULL, &error);
      if (table == NULL)
        {
          g_assert_nonnull (error);
          g_test_message ("%s: %s", path, error->message);
          g_clear_error (&error);
          continue;
        }
      g_assert_cmpuint (lb_table_get_n_rows (table), >, 0);
    }
  g_assert_null (lb_load_table ("sample:no-such-sample", NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/data/Loader/csv", test_csv);
  g_test_add_func ("/learnbench/data/Loader/idx", test_idx);
  g_test_add_func ("/learnbench/data/Loader/errors", test_errors);
  g_test_add_func ("/learnbench/data/Loader/samples", test_samples);
  return g_test_run ();
}
