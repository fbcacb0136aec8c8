/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-expression.c: combined attributes. Small tables with answers worked
 * out by hand, the book's rooms_per_household on housing.csv (rows checked
 * against the file and pandas), and every kind of error with its position.
 */
#include "config.h"

#include <math.h>

#include "lb-csv-reader.h"
#include "lb-data-error.h"
#include "lb-expression.h"
#include "lb-profile.h"
#include "lb-test-util.h"

static LbTable *
small_table (void)
{
  static const double rooms[] = { 880, 7099, NAN, 10, 6 };
  static const double households[] = { 126, 1138, 5, 0, 3 };
  static const double weird[] = { 1, 2, 3, 4, 5 };
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr(GError) error = NULL;
  gint32 *codes = g_new0 (gint32, 5);
  LbTable *table;

  g_ptr_array_add (columns, lb_column_new_numeric ("total_rooms", g_memdup2 (rooms, sizeof rooms), 5));
  g_ptr_array_add (columns, lb_column_new_numeric ("households", g_memdup2 (households, sizeof households), 5));
  g_ptr_array_add (columns, lb_column_new_numeric ("odd name (m²)", g_memdup2 (weird, sizeof weird), 5));
  g_ptr_array_add (columns, lb_column_new_numeric ("人口", g_memdup2 (weird, sizeof weird), 5));
  g_ptr_array_add (columns, lb_column_new_categorical ("ocean_proximity", codes, 5,
                                                       g_strsplit ("NEAR BAY", ",", -1)));
  table = lb_table_new (columns, &error);
  g_assert_no_error (error);
  return table;
}

static const double *
evaluate (LbTable *table, const char *expression, LbColumn **out)
{
  g_autoptr(GError) error = NULL;

  *out = lb_expression_evaluate (table, expression, "result", &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
  g_assert_cmpstr (lb_column_get_name (*out), ==, "result");
  g_assert_cmpint (lb_column_get_kind (*out), ==, LB_COLUMN_NUMERIC);
  g_assert_cmpuint (lb_column_get_n_rows (*out), ==, lb_table_get_n_rows (table));
  return lb_column_get_numeric (*out);
}

/* rooms / households: 880 / 126 and 7099 / 1138 as C computes them (one
 * correctly rounded division: exact equality); NaN propagates; x / 0 is NaN */
static void
test_ratio (void)
{
  g_autoptr(LbTable) table = small_table ();
  g_autoptr(LbColumn) column = NULL;
  const double *v = evaluate (table, "total_rooms / households", &column);

  g_assert_cmpfloat (v[0], ==, 880.0 / 126.0);
  g_assert_cmpfloat (v[1], ==, 7099.0 / 1138.0);
  g_assert_true (isnan (v[2]));
  g_assert_true (isnan (v[3]));
  g_assert_cmpfloat (v[4], ==, 2.0);
}

/* precedence, unary minus, parentheses, functions, back-quoted names */
static void
test_arithmetic (void)
{
  g_autoptr(LbTable) table = small_table ();
  struct { const char *expr; double row4; } cases[] = {
    /* row 4: total_rooms = 6, households = 3, odd = 5 */
    { "1 + 2 * 3", 7 },
    { "(1 + 2) * 3", 9 },
    { "2 - 3 - 4", -5 },                        /* left associative */
    { "24 / 4 / 2", 3 },
    { "-households", -3 },
    { "- -households", 3 },
    { "-2 * -households", 6 },
    { "+households", 3 },
    { "total_rooms - households * 2", 0 },
    { "pow(households, 2) + sqrt(16)", 13 },
    { "abs(1 - total_rooms)", 5 },
    { "exp(0) + log(1) + log1p(0)", 1 },
    { "`odd name (m²)` * 2", 10 },
    { "人口 / households", 5.0 / 3.0 },       /* letters of any script are a name */
    { "  households\t*\n1.5e1 ", 45 },
    { ".5 * total_rooms", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LbColumn) column = NULL;
      const double *v = evaluate (table, cases[i].expr, &column);

      if (v[4] != cases[i].row4)
        g_error ("'%s': row 4 is %.17g, expected %.17g", cases[i].expr, v[4], cases[i].row4);
    }

  /* non-finite results are NaN: log(0), sqrt(-1), exp overflow */
  {
    g_autoptr(LbColumn) column = NULL;
    const double *v = evaluate (table, "log(households - 3) + sqrt(-1) + exp(1000)", &column);

    g_assert_true (isnan (v[4]));
  }
}

static void
assert_fails (LbTable *table, const char *expression, const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbColumn) column = lb_expression_evaluate (table, expression, "r", &error);

  g_assert_null (column);
  g_assert_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID);
  if (g_strcmp0 (error->message, message) != 0)
    g_error ("'%s': message \"%s\", expected \"%s\"", expression, error->message, message);
}

static void
test_errors (void)
{
  g_autoptr(LbTable) table = small_table ();

  /* messages as the header documents them; positions are characters from 1 */
  assert_fails (table, "total_room / households", "unknown column 'total_room' at 1");
  assert_fails (table, "households + ocean_proximity", "column 'ocean_proximity' is not numeric at 14");
  assert_fails (table, "`odd name (m²)` + nope", "unknown column 'nope' at 19");
  assert_fails (table, "", "the expression is empty");
  assert_fails (table, "   ", "the expression is empty");
  assert_fails (table, "households +", "the expression ends too early at 13");
  assert_fails (table, "households households", "unexpected 'h' at 12");
  assert_fails (table, "(households", "missing ')' for the '(' at 1");
  assert_fails (table, "households)", "unexpected ')' at 11");
  assert_fails (table, "2 ** 3", "unexpected '*' at 4");
  assert_fails (table, "3x", "unexpected 'x' at 2");
  assert_fails (table, "foo(1)", "unknown function 'foo' at 1");
  assert_fails (table, "pow(1)", "'pow' takes 2 arguments, at 1");
  assert_fails (table, "sqrt(1, 2)", "'sqrt' takes 1 argument, at 1");
  assert_fails (table, "`households", "the quoted name at 1 has no closing '`'");
  assert_fails (table, "households # 2", "unexpected '#' at 12");
  assert_fails (table, "1 + ²", "unexpected '²' at 5");
  assert_fails (table, "人口 + 人", "unknown column '人' at 6");
}

/* The book: housing["rooms_per_household"] = housing["total_rooms"] /
 * housing["households"]. Row 0 of housing.csv has total_rooms 880 and
 * households 126; row 20639 has 2785 and 530 (read from the file). The
 * column's describe() equals pandas 1.5.3's, produced with
 *   /usr/bin/python3 -c "import pandas as pd; df = pd.read_csv('housing.csv');
 *     print((df.total_rooms / df.households).describe().to_dict())" */
static void
test_housing_rooms_per_household (void)
{
  g_autofree char *path = lb_test_data_file ("housing/housing.csv");
  g_autoptr(LbTable) table = NULL;
  g_autoptr(LbColumn) column = NULL;
  g_autoptr(GError) error = NULL;
  const double *v;
  LbNumericSummary d;

  if (path == NULL)
    return;
  table = lb_csv_read_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  v = evaluate (table, "total_rooms / households", &column);
  g_assert_cmpfloat (v[0], ==, 880.0 / 126.0);
  g_assert_cmpfloat (v[20639], ==, 2785.0 / 530.0);
  g_assert_true (lb_column_describe (column, &d));
  g_assert_cmpuint (d.count, ==, 20640);
  /* 1e-12 relative, as for describe() of the file's own columns */
  g_assert_cmpfloat_with_epsilon (d.mean, 5.428999742190376, 1e-12 * 5.43);
  g_assert_cmpfloat_with_epsilon (d.std, 2.4741731394243187, 1e-12 * 2.47);
  g_assert_cmpfloat (d.min, ==, 0.8461538461538461);
  g_assert_cmpfloat_with_epsilon (d.q25, 4.440716235896959, 1e-12 * 4.44);
  g_assert_cmpfloat_with_epsilon (d.q50, 5.229128787878788, 1e-12 * 5.23);
  g_assert_cmpfloat_with_epsilon (d.q75, 6.052380952380952, 1e-12 * 6.05);
  g_assert_cmpfloat (d.max, ==, 141.9090909090909);

  /* the new column goes into a new table, as the Explore page does */
  {
    g_autoptr(LbTable) with = lb_table_with_column (table, column, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (lb_table_get_n_columns (with), ==, lb_table_get_n_columns (table) + 1);
    g_assert_true (lb_table_get_column_by_name (with, "result") == column);
  }
  /* total_bedrooms has 207 missing values: they stay missing */
  {
    g_autoptr(LbColumn) ratio = lb_expression_evaluate (table, "total_bedrooms / total_rooms",
                                                        "bedrooms_ratio", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (lb_column_count_missing (ratio), ==, 207);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/data/LbExpression/ratio", test_ratio);
  g_test_add_func ("/learnbench/data/LbExpression/arithmetic", test_arithmetic);
  g_test_add_func ("/learnbench/data/LbExpression/errors", test_errors);
  g_test_add_func ("/learnbench/data/LbExpression/housing-rooms-per-household", test_housing_rooms_per_household);
  return g_test_run ();
}
