/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-matrix.c: LbMatrix — allocation (aligned, zeroed, overflow refused),
 * row/column selection and stacking with their metadata, transpose, the
 * non-finite scan and conversion from LbTable columns. All values are small
 * integers or copies, so equality is exact.
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"

static void
test_new (void)
{
  g_autoptr(LbMatrix) m = lb_matrix_new (3, 5);
  g_autoptr(GError) error = NULL;
  LbMatrix *huge;

  g_assert_cmpuint (lb_matrix_get_n_rows (m), ==, 3);
  g_assert_cmpuint (lb_matrix_get_n_cols (m), ==, 5);
  g_assert_cmpuint ((guintptr) lb_matrix_get_data (m) % 64, ==, 0);
  for (guint k = 0; k < 15; k++)
    g_assert_cmpfloat (lb_matrix_get_const_data (m)[k], ==, 0.0);
  g_assert_null (lb_matrix_get_column_names (m));
  g_assert_cmpstr (lb_matrix_get_column_name (m, 3), ==, "x3");
  g_assert_null (lb_matrix_get_categories (m, 0));

  huge = lb_matrix_try_new (G_MAXSIZE / 2, 3, &error);
  g_assert_null (huge);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  huge = lb_matrix_try_new ((gsize) 1 << 40, (gsize) 1 << 20, &error);  /* 8 EiB: refused */
  g_assert_null (huge);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE);
}

static LbMatrix *
make_2x3 (void)
{
  const double v[] = { 1, 2, 3, 4, 5, 6 };
  const char *names[] = { "a", "b", "c", NULL };
  const char *cats[] = { "no", "yes", NULL };
  LbMatrix *m = lb_matrix_new_from_data (2, 3, v);

  lb_matrix_set_column_names (m, names);
  lb_matrix_set_categories (m, 2, cats);
  return m;
}

static void
test_select (void)
{
  g_autoptr(LbMatrix) m = make_2x3 ();
  g_autoptr(LbMatrix) c = lb_matrix_copy (m);
  const guint rows[] = { 1, 1, 0 };
  const guint cols[] = { 2, 0 };
  g_autoptr(LbMatrix) r = lb_matrix_take_rows (m, rows, 3);
  g_autoptr(LbMatrix) k = lb_matrix_take_cols (m, cols, 2);
  g_autoptr(LbMatrix) t = lb_matrix_transpose (m);
  g_autoptr(LbMatrix) h = lb_matrix_hstack (k, m);

  LB_MATRIX_AT (c, 0, 0) = 100;  /* a copy is independent */
  g_assert_cmpfloat (LB_MATRIX_AT (m, 0, 0), ==, 1);
  g_assert_cmpstr (lb_matrix_get_column_name (c, 1), ==, "b");
  g_assert_cmpstr (lb_matrix_get_categories (c, 2)[1], ==, "yes");

  g_assert_cmpuint (lb_matrix_get_n_rows (r), ==, 3);
  g_assert_cmpfloat (LB_MATRIX_AT (r, 0, 0), ==, 4);
  g_assert_cmpfloat (LB_MATRIX_AT (r, 1, 2), ==, 6);
  g_assert_cmpfloat (LB_MATRIX_AT (r, 2, 1), ==, 2);
  g_assert_cmpstr (lb_matrix_get_column_name (r, 2), ==, "c");

  g_assert_cmpuint (lb_matrix_get_n_cols (k), ==, 2);
  g_assert_cmpfloat (LB_MATRIX_AT (k, 0, 0), ==, 3);
  g_assert_cmpfloat (LB_MATRIX_AT (k, 1, 1), ==, 4);
  g_assert_cmpstr (lb_matrix_get_column_name (k, 0), ==, "c");
  g_assert_cmpstr (lb_matrix_get_categories (k, 0)[0], ==, "no");
  g_assert_null (lb_matrix_get_categories (k, 1));

  g_assert_cmpuint (lb_matrix_get_n_rows (t), ==, 3);
  g_assert_cmpfloat (LB_MATRIX_AT (t, 2, 1), ==, 6);
  g_assert_cmpfloat (LB_MATRIX_AT (t, 0, 1), ==, 4);

  g_assert_cmpuint (lb_matrix_get_n_cols (h), ==, 5);
  g_assert_cmpfloat (LB_MATRIX_AT (h, 1, 4), ==, 6);
  g_assert_cmpfloat (LB_MATRIX_AT (h, 1, 1), ==, 4);
  g_assert_cmpstr (lb_matrix_get_column_name (h, 3), ==, "b");
  g_assert_nonnull (lb_matrix_get_categories (h, 0));
  g_assert_nonnull (lb_matrix_get_categories (h, 4));
  g_assert_null (lb_matrix_get_categories (h, 1));
}

static void
test_non_finite (void)
{
  g_autoptr(LbMatrix) m = make_2x3 ();
  gsize row = 99, col = 99;

  g_assert_false (lb_matrix_has_non_finite (m, &row, &col));
  LB_MATRIX_AT (m, 1, 1) = NAN;
  g_assert_true (lb_matrix_has_non_finite (m, &row, &col));
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (col, ==, 1);
  LB_MATRIX_AT (m, 1, 1) = 0;
  LB_MATRIX_AT (m, 0, 2) = -INFINITY;
  g_assert_true (lb_matrix_has_non_finite (m, &row, &col));
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpuint (col, ==, 2);
}

static LbTable *
make_table (void)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  double *num = g_new (double, 3);
  gint32 *codes = g_new (gint32, 3);
  char **cats = g_new0 (char *, 3);
  char **text = g_new0 (char *, 4);

  num[0] = 1.5, num[1] = NAN, num[2] = -2;
  codes[0] = 1, codes[1] = -1, codes[2] = 0;
  cats[0] = g_strdup ("INLAND"), cats[1] = g_strdup ("NEAR BAY");
  text[0] = g_strdup ("x"), text[1] = g_strdup ("y"), text[2] = g_strdup ("z");
  g_ptr_array_add (columns, lb_column_new_numeric ("income", num, 3));
  g_ptr_array_add (columns, lb_column_new_categorical ("ocean", codes, 3, cats));
  g_ptr_array_add (columns, lb_column_new_text ("note", text, 3));
  return lb_table_new (columns, NULL);
}

static void
test_from_table (void)
{
  g_autoptr(LbTable) table = make_table ();
  const guint cols[] = { 1, 0 };
  g_autoptr(LbMatrix) m = NULL;
  g_autoptr(LbMatrix) y = NULL;
  g_autoptr(GError) error = NULL;

  m = lb_matrix_new_from_table (table, cols, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_get_n_rows (m), ==, 3);
  g_assert_cmpfloat (LB_MATRIX_AT (m, 0, 0), ==, 1);
  g_assert_true (isnan (LB_MATRIX_AT (m, 1, 0)));  /* missing category → NaN */
  g_assert_cmpfloat (LB_MATRIX_AT (m, 2, 0), ==, 0);
  g_assert_cmpfloat (LB_MATRIX_AT (m, 0, 1), ==, 1.5);
  g_assert_true (isnan (LB_MATRIX_AT (m, 1, 1)));
  g_assert_cmpstr (lb_matrix_get_column_name (m, 0), ==, "ocean");
  g_assert_cmpstr (lb_matrix_get_categories (m, 0)[1], ==, "NEAR BAY");
  g_assert_null (lb_matrix_get_categories (m, 1));

  g_assert_null (lb_matrix_new_from_table (table, NULL, 0, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "‘note’ holds text"));
  g_clear_error (&error);

  y = lb_matrix_new_from_column (lb_table_get_column (table, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_get_n_cols (y), ==, 1);
  g_assert_cmpfloat (LB_MATRIX_AT (y, 2, 0), ==, -2);
  g_assert_cmpstr (lb_matrix_get_column_name (y, 0), ==, "income");
}

/* Matrices made with lb_matrix_new_uninitialized (copy, take_rows/cols,
 * hstack, transpose) must have every element written: checked on a matrix
 * big enough (> 8 MiB) to take the huge-page allocation path. The pattern
 * has no zero, so a slot left as the allocator gave it (fresh pages are
 * zero) is caught; values are small integers, so equality is exact. */
static double
pattern (gsize i,
         gsize j)
{
  return (double) (i * 7 + j * 3 + 1);
}

static void
test_large_copies (void)
{
  const gsize n = 1100, d = 1000;   /* 8.8 MB */
  g_autoptr(LbMatrix) m = lb_matrix_new_uninitialized (n, d);
  g_autofree guint *rows = g_new (guint, n);
  guint cols[3] = { 999, 0, 500 };
  g_autoptr(LbMatrix) c = NULL, r = NULL, k = NULL, h = NULL, t = NULL;

  g_assert_nonnull (m);
  g_assert_cmpuint (lb_matrix_get_n_rows (m), ==, n);
  g_assert_cmpuint (lb_matrix_get_n_cols (m), ==, d);
  g_assert_cmpuint ((guintptr) lb_matrix_get_data (m) % 64, ==, 0);
  for (gsize i = 0; i < n; i++)
    for (gsize j = 0; j < d; j++)
      LB_MATRIX_AT (m, i, j) = pattern (i, j);
  for (gsize i = 0; i < n; i++)
    rows[i] = (guint) (n - 1 - i);

  c = lb_matrix_copy (m);
  r = lb_matrix_take_rows (m, rows, n);
  k = lb_matrix_take_cols (m, cols, 3);
  h = lb_matrix_hstack (m, k);
  t = lb_matrix_transpose (m);
  g_assert_cmpuint (lb_matrix_get_n_cols (h), ==, d + 3);
  for (gsize i = 0; i < n; i++)
    {
      for (gsize j = 0; j < d; j++)
        {
          g_assert_cmpfloat (LB_MATRIX_AT (c, i, j), ==, pattern (i, j));
          g_assert_cmpfloat (LB_MATRIX_AT (r, i, j), ==, pattern (n - 1 - i, j));
          g_assert_cmpfloat (LB_MATRIX_AT (h, i, j), ==, pattern (i, j));
          g_assert_cmpfloat (LB_MATRIX_AT (t, j, i), ==, pattern (i, j));
        }
      for (gsize j = 0; j < 3; j++)
        {
          g_assert_cmpfloat (LB_MATRIX_AT (k, i, j), ==, pattern (i, cols[j]));
          g_assert_cmpfloat (LB_MATRIX_AT (h, i, d + j), ==, pattern (i, cols[j]));
        }
    }
}

/* The remembered "all finite" answer: right after a check, forgotten when a
 * writer takes the data, kept by rows taken from a finite matrix. */
static void
test_all_finite_cache (void)
{
  const double values[] = { 1, 2, 3, 4, 5, 6 };
  const guint rows[] = { 2, 0 };
  g_autoptr(LbMatrix) m = lb_matrix_new_from_data (3, 2, values);
  g_autoptr(LbMatrix) fold = NULL;
  g_autoptr(LbMatrix) unknown = NULL;

  g_assert_true (lb_matrix_is_all_finite (m));
  fold = lb_matrix_take_rows (m, rows, 2);
  g_assert_true (lb_matrix_is_all_finite (fold));
  lb_matrix_get_data (m)[3] = NAN;              /* a writer: the answer is recomputed */
  g_assert_false (lb_matrix_is_all_finite (m));
  g_assert_true (lb_matrix_has_non_finite (m, NULL, NULL));
  unknown = lb_matrix_take_rows (m, rows, 2);   /* rows 2 and 0: finite, found by scanning */
  g_assert_true (lb_matrix_is_all_finite (unknown));
  lb_matrix_get_data (m)[3] = INFINITY;
  g_assert_false (lb_matrix_is_all_finite (m));
  lb_matrix_get_data (m)[3] = 4;
  g_assert_true (lb_matrix_is_all_finite (m));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/Matrix/new", test_new);
  g_test_add_func ("/learnbench/engine/Matrix/select", test_select);
  g_test_add_func ("/learnbench/engine/Matrix/non-finite", test_non_finite);
  g_test_add_func ("/learnbench/engine/Matrix/from-table", test_from_table);
  g_test_add_func ("/learnbench/engine/Matrix/large-copies", test_large_copies);
  g_test_add_func ("/learnbench/engine/Matrix/all-finite-cache", test_all_finite_cache);
  return g_test_run ();
}
