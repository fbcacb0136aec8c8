/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-matrix-float.c: LbMatrixFloat — aligned zeroed allocation, overflow
 * refused, conversion from doubles rounding to nearest (checked against C's
 * own (float) cast, the IEEE rounding) and back exactly, the out-of-range
 * error, mini-batch rows, and sgemm products against a product computed in
 * double (tolerance: k · 2⁻²³ · Σ|aᵢ||bᵢ|, the forward error bound of a
 * float dot product of length k).
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include "lb-engine.h"

static void
test_new (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrixFloat) m = lb_matrix_float_try_new (3, 5, &error);
  LbMatrixFloat *huge;

  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_float_get_n_rows (m), ==, 3);
  g_assert_cmpuint (lb_matrix_float_get_n_cols (m), ==, 5);
  g_assert_cmpuint ((guintptr) lb_matrix_float_get_data (m) % 64, ==, 0);
  for (guint k = 0; k < 15; k++)
    g_assert_cmpfloat (lb_matrix_float_get_const_data (m)[k], ==, 0.0f);
  huge = lb_matrix_float_try_new (G_MAXSIZE / 2, 3, &error);
  g_assert_null (huge);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE);
}

static void
test_convert (void)
{
  const double values[] = { 0.1, -2.5, 1.0 / 3.0, 16777217.0, 1e-40, -0.0, NAN, INFINITY, 3.0e38, 1e-50 };
  const char *names[] = { "a", "b", NULL };
  g_autoptr (LbMatrix) d = lb_matrix_new_from_data (5, 2, values);
  g_autoptr (LbMatrixFloat) f = NULL;
  g_autoptr (LbMatrix) back = NULL;
  g_autoptr (GError) error = NULL;
  const float *x;

  lb_matrix_set_column_names (d, names);
  f = lb_matrix_float_new_from_matrix (d, &error);
  g_assert_no_error (error);
  x = lb_matrix_float_get_const_data (f);
  for (guint k = 0; k < 10; k++)
    {
      float expected = (float) values[k];

      if (isnan (values[k]))
        g_assert_true (isnan (x[k]));
      else
        g_assert_true (memcmp (&x[k], &expected, sizeof (float)) == 0);   /* bit for bit, -0 kept */
    }
  g_assert_cmpfloat (x[3], ==, 16777216.0f);   /* 2^24 + 1 rounds to even */
  g_assert_cmpstr (lb_matrix_float_get_column_names (f)[1], ==, "b");

  back = lb_matrix_float_to_matrix (f);
  for (guint k = 0; k < 10; k++)
    if (!isnan (values[k]))
      g_assert_cmpfloat (lb_matrix_get_const_data (back)[k], ==, (double) x[k]);
  g_assert_cmpstr (lb_matrix_get_column_name (back, 0), ==, "a");
}

static void
test_out_of_range (void)
{
  const double values[] = { 1.0, 2.0, 1e39, 4.0 };
  g_autoptr (LbMatrix) d = lb_matrix_new_from_data (2, 2, values);
  g_autoptr (GError) error = NULL;
  LbMatrixFloat *f = lb_matrix_float_new_from_matrix (d, &error);

  g_assert_null (f);
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "row 2, column 1"));
}

static void
test_take_rows (void)
{
  const float values[] = { 1, 2, 3, 4, 5, 6 };
  const guint rows[] = { 2, 0, 2 };
  g_autoptr (LbMatrixFloat) m = lb_matrix_float_new_from_data (3, 2, values);
  g_autoptr (LbMatrixFloat) batch = lb_matrix_float_take_rows (m, rows, 3);
  const float expected[] = { 5, 6, 1, 2, 5, 6 };

  g_assert_cmpuint (lb_matrix_float_get_n_rows (batch), ==, 3);
  for (guint k = 0; k < 6; k++)
    g_assert_cmpfloat (lb_matrix_float_get_const_data (batch)[k], ==, expected[k]);
}

static void
check_product (gsize    m,
               gsize    k,
               gsize    n,
               gboolean ta,
               gboolean tb)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autofree float *a = g_new (float, m * k);
  g_autofree float *b = g_new (float, k * n);
  g_autoptr (LbMatrixFloat) A = NULL;
  g_autoptr (LbMatrixFloat) B = NULL;
  g_autoptr (LbMatrixFloat) C = NULL;
  g_autoptr (GError) error = NULL;

  for (gsize i = 0; i < m * k; i++)
    a[i] = (float) g_rand_double_range (rand, -1, 1);
  for (gsize i = 0; i < k * n; i++)
    b[i] = (float) g_rand_double_range (rand, -1, 1);
  /* A is stored as (k, m) when transposed, B as (n, k) */
  A = lb_matrix_float_new_from_data (ta ? k : m, ta ? m : k, a);
  B = lb_matrix_float_new_from_data (tb ? n : k, tb ? k : n, b);
  C = lb_matrix_float_multiply (A, ta, B, tb, 0.5f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_float_get_n_rows (C), ==, m);
  g_assert_cmpuint (lb_matrix_float_get_n_cols (C), ==, n);
  for (gsize i = 0; i < m; i++)
    for (gsize j = 0; j < n; j++)
      {
        double exact = 0.0, magnitude = 0.0;

        for (gsize l = 0; l < k; l++)
          {
            double x = ta ? a[l * m + i] : a[i * k + l];
            double y = tb ? b[j * k + l] : b[l * n + j];

            exact += x * y;
            magnitude += fabs (x * y);
          }
        g_assert_cmpfloat (fabs (lb_matrix_float_get_const_data (C)[i * n + j] - 0.5 * exact), <=,
                           0.5 * k * FLT_EPSILON * magnitude + 1e-30);
      }
}

static void
test_multiply (void)
{
  g_autoptr (LbMatrixFloat) a = NULL;
  g_autoptr (LbMatrixFloat) b = NULL;
  g_autoptr (GError) error = NULL;

  check_product (7, 33, 5, FALSE, FALSE);
  check_product (64, 128, 32, TRUE, FALSE);
  check_product (16, 300, 10, FALSE, TRUE);
  check_product (9, 4, 11, TRUE, TRUE);

  a = lb_matrix_float_try_new (2, 3, &error);
  b = lb_matrix_float_try_new (2, 3, &error);
  g_assert_null (lb_matrix_float_multiply (a, FALSE, b, FALSE, 1.0f, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/MatrixFloat/new", test_new);
  g_test_add_func ("/learnbench/engine/MatrixFloat/convert", test_convert);
  g_test_add_func ("/learnbench/engine/MatrixFloat/out-of-range", test_out_of_range);
  g_test_add_func ("/learnbench/engine/MatrixFloat/take-rows", test_take_rows);
  g_test_add_func ("/learnbench/engine/MatrixFloat/multiply", test_multiply);
  return g_test_run ();
}
