/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-test-iris.h: loads tests/engine/fixtures/iris.csv (scikit-learn's
 * load_iris, 150 rows, written by `tests/engine/reference/classify-reference.py
 * --write-iris`) as X (chosen columns) and y (species codes: setosa 0,
 * versicolor 1, virginica 2). Header-only, for the classify tests.
 */
#pragma once

#include "lb-engine.h"
#include "lb-test-util.h"

static inline LbTable *
lb_test_iris_table (void)
{
  g_autofree char *path = g_build_filename (LB_SOURCE_DIR, "tests", "engine", "fixtures",
                                            "iris.csv", NULL);
  g_autoptr (GError) error = NULL;
  LbTable *table = lb_csv_read_file (path, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpuint (lb_table_get_n_rows (table), ==, 150);
  return table;
}

/* X from columns [first, last] (0 sepal_length … 3 petal_width). */
static inline LbMatrix *
lb_test_iris_X (guint first,
                guint last)
{
  g_autoptr (LbTable) table = lb_test_iris_table ();
  g_autoptr (GError) error = NULL;
  guint cols[4];
  LbMatrix *X;

  for (guint j = first; j <= last; j++)
    cols[j - first] = j;
  X = lb_matrix_new_from_table (table, cols, last - first + 1, &error);
  g_assert_no_error (error);
  return X;
}

/* Species as codes 0..2 with category names. */
static inline LbMatrix *
lb_test_iris_y (void)
{
  g_autoptr (LbTable) table = lb_test_iris_table ();
  g_autoptr (GError) error = NULL;
  LbMatrix *y = lb_matrix_new_from_column (lb_table_get_column (table, 4), &error);

  g_assert_no_error (error);
  return y;
}

/* y == code as 0/1 doubles, no categories. */
static inline LbMatrix *
lb_test_iris_y_is (double code)
{
  g_autoptr (LbMatrix) y = lb_test_iris_y ();
  LbMatrix *t = lb_matrix_new (150, 1);

  for (guint i = 0; i < 150; i++)
    lb_matrix_get_data (t)[i] = lb_matrix_get_const_data (y)[i] == code;
  return t;
}

/* |a - b| <= atol + rtol·|b| for every element, with a message naming the index. */
static inline void
lb_test_assert_close (const double *a,
                      const double *b,
                      gsize         n,
                      double        rtol,
                      double        atol)
{
  for (gsize i = 0; i < n; i++)
    if (!(fabs (a[i] - b[i]) <= atol + rtol * fabs (b[i])))
      {
        g_autofree char *msg = g_strdup_printf ("element %" G_GSIZE_FORMAT ": got %.17g, "
                                                "expected %.17g (rtol %g, atol %g)",
                                                i, a[i], b[i], rtol, atol);
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, msg);
      }
}
