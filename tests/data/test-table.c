/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-table.c: LbTable — construction checks, lookup by name, derived tables
 * that share their unchanged columns, taking rows, the source label.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-data.h"

static LbColumn *
numeric (const char *name, gsize n, double start)
{
  double *values = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    values[i] = start + i;
  return lb_column_new_numeric (name, values, n);
}

static LbColumn *
categorical (const char *name)
{
  gint32 *codes = g_new (gint32, 3);
  char **categories = g_new0 (char *, 3);

  categories[0] = g_strdup ("a");
  categories[1] = g_strdup ("b");
  codes[0] = 1;
  codes[1] = -1;
  codes[2] = 0;
  return lb_column_new_categorical (name, codes, 3, categories);
}

static LbColumn *
text (const char *name)
{
  char **values = g_new (char *, 3);

  values[0] = g_strdup ("x");
  values[1] = g_strdup ("y");
  values[2] = NULL;
  return lb_column_new_text (name, values, 3);
}

static LbTable *
make_table (void)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr(GError) error = NULL;
  LbTable *table;

  g_ptr_array_add (columns, numeric ("n", 3, 10));
  g_ptr_array_add (columns, categorical ("c"));
  g_ptr_array_add (columns, text ("t"));
  table = lb_table_new (columns, &error);
  g_assert_no_error (error);
  return table;
}

static void
test_new (void)
{
  g_autoptr(LbTable) table = make_table ();
  g_autoptr(GArray) numeric_columns = NULL;

  g_assert_cmpuint (lb_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (lb_table_get_n_columns (table), ==, 3);
  g_assert_cmpint (lb_table_find_column (table, "c"), ==, 1);
  g_assert_cmpint (lb_table_find_column (table, "nope"), ==, -1);
  g_assert_null (lb_table_get_column_by_name (table, "nope"));
  g_assert_true (lb_table_get_column_by_name (table, "t") == lb_table_get_column (table, 2));
  g_assert_null (lb_table_get_source (table));

  numeric_columns = lb_table_dup_numeric_columns (table);
  g_assert_cmpuint (numeric_columns->len, ==, 1);
  g_assert_cmpuint (g_array_index (numeric_columns, guint, 0), ==, 0);

  g_assert_cmpuint (lb_table_get_memory_size (table), ==,
                    lb_column_get_memory_size (lb_table_get_column (table, 0))
                    + lb_column_get_memory_size (lb_table_get_column (table, 1))
                    + lb_column_get_memory_size (lb_table_get_column (table, 2)));
  g_assert_true (g_type_is_a (LB_TYPE_TABLE, G_TYPE_BOXED));
}

static void
test_new_errors (void)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr(GError) error = NULL;
  LbTable *table;

  table = lb_table_new (columns, &error);
  g_assert_null (table);
  g_assert_error (error, LB_DATA_ERROR, LB_DATA_ERROR_EMPTY);
  g_clear_error (&error);

  g_ptr_array_add (columns, numeric ("a", 3, 0));
  g_ptr_array_add (columns, numeric ("b", 4, 0));
  table = lb_table_new (columns, &error);
  g_assert_null (table);
  g_assert_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "'b'"));
  g_clear_error (&error);

  g_ptr_array_remove_index (columns, 1);
  g_ptr_array_add (columns, numeric ("a", 3, 0));
  table = lb_table_new (columns, &error);
  g_assert_null (table);
  g_assert_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "'a'"));
}

static void
test_with_column (void)
{
  g_autoptr(LbTable) table = make_table ();
  g_autoptr(LbTable) added = NULL;
  g_autoptr(LbTable) replaced = NULL;
  g_autoptr(LbColumn) extra = numeric ("ratio", 3, 0.5);
  g_autoptr(LbColumn) replacement = numeric ("n", 3, 100);
  g_autoptr(LbColumn) too_short = numeric ("short", 2, 0);
  g_autoptr(GError) error = NULL;

  added = lb_table_with_column (table, extra, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_columns (added), ==, 4);
  g_assert_cmpuint (lb_table_get_n_columns (table), ==, 3);
  /* unchanged columns are shared, not copied */
  for (guint i = 0; i < 3; i++)
    g_assert_true (lb_table_get_column (added, i) == lb_table_get_column (table, i));
  g_assert_true (lb_table_get_column (added, 3) == extra);
  g_assert_cmpint (lb_table_find_column (added, "ratio"), ==, 3);

  replaced = lb_table_with_column (added, replacement, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_table_get_n_columns (replaced), ==, 4);
  g_assert_true (lb_table_get_column (replaced, 0) == replacement);
  g_assert_cmpfloat (lb_column_get_numeric (lb_table_get_column (added, 0))[0], ==, 10.0);

  g_assert_null (lb_table_with_column (table, too_short, &error));
  g_assert_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID);
}

static void
test_take_rows (void)
{
  g_autoptr(LbTable) table = make_table ();
  g_autoptr(LbTable) source = lb_table_with_source (table, "fixture.csv");
  guint rows[] = { 2, 0, 0, 1 };
  g_autoptr(LbTable) taken = lb_table_take_rows (source, rows, G_N_ELEMENTS (rows));
  LbColumn *n = lb_table_get_column (taken, 0);
  LbColumn *c = lb_table_get_column (taken, 1);
  LbColumn *t = lb_table_get_column (taken, 2);
  double expected_n[] = { 12, 10, 10, 11 };
  gint32 expected_c[] = { 0, 1, 1, -1 };

  g_assert_cmpstr (lb_table_get_source (source), ==, "fixture.csv");
  g_assert_cmpstr (lb_table_get_source (taken), ==, "fixture.csv");
  g_assert_cmpuint (lb_table_get_n_rows (taken), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpfloat (lb_column_get_numeric (n)[i], ==, expected_n[i]);
      g_assert_cmpint (lb_column_get_codes (c)[i], ==, expected_c[i]);
    }
  g_assert_cmpuint (lb_column_get_n_categories (c), ==, 2);
  g_assert_cmpstr (lb_column_get_text (t)[0], ==, NULL);
  g_assert_cmpstr (lb_column_get_text (t)[1], ==, "x");
  g_assert_cmpstr (lb_column_get_text (t)[3], ==, "y");
  g_assert_cmpuint (lb_column_count_missing (t), ==, 1);
  g_assert_cmpuint (lb_column_count_missing (c), ==, 1);

  /* no rows at all is a valid, empty table */
  {
    g_autoptr(LbTable) empty = lb_table_take_rows (table, NULL, 0);

    g_assert_cmpuint (lb_table_get_n_rows (empty), ==, 0);
    g_assert_cmpuint (lb_table_get_n_columns (empty), ==, 3);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/data/Table/new", test_new);
  g_test_add_func ("/learnbench/data/Table/new-errors", test_new_errors);
  g_test_add_func ("/learnbench/data/Table/with-column", test_with_column);
  g_test_add_func ("/learnbench/data/Table/take-rows", test_take_rows);
  return g_test_run ();
}
