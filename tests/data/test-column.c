/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-column.c: LbColumn — the three kinds, missing values, shortest
 * round-trip formatting, renaming without copying, refcounting across threads.
 */
#include "config.h"

#include <math.h>
#include <sys/mman.h>

#include "lb-data.h"

static void
test_numeric (void)
{
  double *values = g_new (double, 4);
  g_autoptr(LbColumn) column = NULL;

  values[0] = 1.5;
  values[1] = NAN;
  values[2] = -2.0;
  values[3] = 0.1;
  column = lb_column_new_numeric ("x", values, 4);

  g_assert_cmpstr (lb_column_get_name (column), ==, "x");
  g_assert_cmpint (lb_column_get_kind (column), ==, LB_COLUMN_NUMERIC);
  g_assert_cmpuint (lb_column_get_n_rows (column), ==, 4);
  g_assert_true (lb_column_get_numeric (column) == values);
  g_assert_null (lb_column_get_codes (column));
  g_assert_null (lb_column_get_text (column));
  g_assert_null (lb_column_get_categories (column));
  g_assert_false (lb_column_is_missing (column, 0));
  g_assert_true (lb_column_is_missing (column, 1));
  g_assert_cmpuint (lb_column_count_missing (column), ==, 1);
  g_assert_cmpuint (lb_column_get_memory_size (column), ==, 4 * sizeof (double));
}

/* Values in a mapping of their own (as the CSV reader hands over big
 * columns): read as any other, a renamed copy shares them, and the last
 * unref unmaps them (were they passed to g_free, valgrind and ASan would
 * report an invalid free). */
static void
test_numeric_mapped (void)
{
  const gsize n = 100000;
  gsize bytes = n * sizeof (double);
  double *values = mmap (NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_autoptr(LbColumn) column = NULL;
  g_autoptr(LbColumn) renamed = NULL;

  g_assert_true (values != MAP_FAILED);
  for (gsize i = 0; i < n; i++)
    values[i] = i % 10 == 3 ? NAN : (double) i / 4;
  column = lb_column_new_numeric_mapped ("m", values, n, bytes);
  g_assert_true (lb_column_get_numeric (column) == values);
  g_assert_cmpuint (lb_column_get_n_rows (column), ==, n);
  g_assert_cmpuint (lb_column_count_missing (column), ==, n / 10);
  g_assert_cmpfloat (lb_column_get_numeric (column)[n - 1], ==, (double) (n - 1) / 4);
  g_assert_cmpuint (lb_column_get_memory_size (column), ==, bytes);
  renamed = lb_column_new_renamed (column, "r");
  g_clear_pointer (&column, lb_column_unref);
  g_assert_true (lb_column_get_numeric (renamed) == values);
  g_assert_true (lb_column_is_missing (renamed, 3));
}

static void
test_format (void)
{
  /* Expected strings: the first of %.15g, %.16g, %.17g that reads back as the
   * same double; they agree with Python 3 repr() except for C's exponent form
   * and the subnormal 5e-324 (Python finds a shorter 1-digit form). */
  struct { double value; const char *text; } cases[] = {
    { 0.1, "0.1" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 2.0 / 3.0, "0.6666666666666666" },
    { -452600.0, "-452600" },
    { 1e300, "1e+300" },
    { 5e-324, "4.94065645841247e-324" },
    { 0.30000000000000004, "0.30000000000000004" },
    { -122.23, "-122.23" },
    { INFINITY, "inf" },
    { -INFINITY, "-inf" },
    { NAN, "" },
  };
  double *values = g_new (double, G_N_ELEMENTS (cases));
  g_autoptr(LbColumn) column = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    values[i] = cases[i].value;
  column = lb_column_new_numeric ("v", values, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lb_column_format_value (column, i);

      g_assert_cmpstr (text, ==, cases[i].text);
      if (isfinite (cases[i].value))
        g_assert_true (g_ascii_strtod (text, NULL) == cases[i].value);
    }
}

static void
test_categorical (void)
{
  gint32 *codes = g_new (gint32, 5);
  char **categories = g_new0 (char *, 3);
  g_autoptr(LbColumn) column = NULL;
  g_autofree char *first = NULL;
  g_autofree char *missing = NULL;

  categories[0] = g_strdup ("INLAND");
  categories[1] = g_strdup ("NEAR BAY");
  codes[0] = 0;
  codes[1] = 1;
  codes[2] = -1;
  codes[3] = 1;
  codes[4] = 0;
  column = lb_column_new_categorical ("ocean", codes, 5, categories);

  g_assert_cmpint (lb_column_get_kind (column), ==, LB_COLUMN_CATEGORICAL);
  g_assert_cmpuint (lb_column_get_n_categories (column), ==, 2);
  g_assert_cmpstr (lb_column_get_categories (column)[1], ==, "NEAR BAY");
  g_assert_null (lb_column_get_categories (column)[2]);
  g_assert_true (lb_column_get_codes (column) == codes);
  g_assert_null (lb_column_get_numeric (column));
  g_assert_true (lb_column_is_missing (column, 2));
  g_assert_false (lb_column_is_missing (column, 3));
  g_assert_cmpuint (lb_column_count_missing (column), ==, 1);
  first = lb_column_format_value (column, 1);
  missing = lb_column_format_value (column, 2);
  g_assert_cmpstr (first, ==, "NEAR BAY");
  g_assert_cmpstr (missing, ==, "");
  /* 5 codes + two strings with their NUL and pointer */
  g_assert_cmpuint (lb_column_get_memory_size (column), ==,
                    5 * 4 + (7 + sizeof (char *)) + (9 + sizeof (char *)));
}

static void
test_text (void)
{
  char **values = g_new (char *, 3);
  g_autoptr(LbColumn) column = NULL;
  g_autofree char *formatted = NULL;

  values[0] = g_strdup ("a, \"quoted\" text");
  values[1] = NULL;
  values[2] = g_strdup ("");
  column = lb_column_new_text ("notes", values, 3);

  g_assert_cmpint (lb_column_get_kind (column), ==, LB_COLUMN_TEXT);
  g_assert_true (lb_column_is_missing (column, 1));
  g_assert_false (lb_column_is_missing (column, 2));
  g_assert_cmpuint (lb_column_count_missing (column), ==, 1);
  formatted = lb_column_format_value (column, 0);
  g_assert_cmpstr (formatted, ==, "a, \"quoted\" text");
  g_assert_cmpuint (lb_column_get_memory_size (column), ==, 3 * sizeof (char *) + 17 + 1);
}

static void
test_renamed (void)
{
  double *values = g_new (double, 2);
  LbColumn *column;
  g_autoptr(LbColumn) renamed = NULL;
  g_autoptr(LbColumn) twice = NULL;

  values[0] = 1;
  values[1] = 2;
  column = lb_column_new_numeric ("a", values, 2);
  renamed = lb_column_new_renamed (column, "b");
  twice = lb_column_new_renamed (renamed, "c");
  /* the renamed copies outlive the original and still see its data */
  lb_column_unref (column);
  g_assert_cmpstr (lb_column_get_name (renamed), ==, "b");
  g_assert_cmpstr (lb_column_get_name (twice), ==, "c");
  g_assert_true (lb_column_get_numeric (renamed) == values);
  g_assert_true (lb_column_get_numeric (twice) == values);
  g_assert_cmpfloat (lb_column_get_numeric (twice)[1], ==, 2.0);
}

static gpointer
ref_unref_many (gpointer data)
{
  for (int i = 0; i < 100000; i++)
    lb_column_unref (lb_column_ref (data));
  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(LbColumn) column = lb_column_new_numeric ("x", g_new0 (double, 1), 1);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("ref", ref_unref_many, column);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  /* still alive with one reference: a miscount would crash or leak under ASan */
  g_assert_cmpuint (lb_column_get_n_rows (column), ==, 1);
  g_assert_true (g_type_is_a (LB_TYPE_COLUMN, G_TYPE_BOXED));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/data/Column/numeric", test_numeric);
  g_test_add_func ("/learnbench/data/Column/numeric-mapped", test_numeric_mapped);
  g_test_add_func ("/learnbench/data/Column/format", test_format);
  g_test_add_func ("/learnbench/data/Column/categorical", test_categorical);
  g_test_add_func ("/learnbench/data/Column/text", test_text);
  g_test_add_func ("/learnbench/data/Column/renamed", test_renamed);
  g_test_add_func ("/learnbench/data/Column/threads", test_threads);
  return g_test_run ();
}
