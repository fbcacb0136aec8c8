/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-column-detail.c: LbColumnDetail under Xvfb: describe() of a numeric
 * column printed exactly as pandas prints it, value counts of a categorical
 * column in pandas' order, a chart drawn for each, and a cleared state.
 */
#include "config.h"

#include <string.h>

#include "lb-column-detail.h"
#include "lb-test-util.h"

typedef struct
{
  GtkWidget      *window;
  LbColumnDetail *detail;
} Fixture;

static gboolean
spin_until_drawn (LbChartView *view,
                  guint        more_than)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (lb_chart_view_get_draw_count (view) <= more_than && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return lb_chart_view_get_draw_count (view) > more_than;
}

static void
check_rows (LbColumnDetail     *detail,
            const char * const *expected)
{
  g_auto (GStrv) rows = lb_column_detail_dup_rows (detail);

  g_assert_cmpstrv (rows, expected);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  f->detail = LB_COLUMN_DETAIL (lb_column_detail_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->detail));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

/* a = 1, 2, 3, 4, NaN and kind = x, y, x, x, missing: by hand (and pandas)
 * describe() is count 4, mean 2.5, std sqrt(5/3) = 1.290994, quartiles
 * 1.75 / 2.5 / 3.25; value_counts() is x 3, y 1 (largest first). */
static void
test_small_table (Fixture       *f,
                  gconstpointer  data)
{
  static const char *const numeric_rows[] = {
    "count\t4.000000", "mean\t2.500000", "std\t1.290994", "min\t1.000000",
    "25%\t1.750000", "50%\t2.500000", "75%\t3.250000", "max\t4.000000", NULL,
  };
  static const char *const count_rows[] = { "x\t3", "y\t1", NULL };
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr (LbTable) table = NULL;
  g_auto (GStrv) empty = NULL;
  double *a = g_new (double, 5);
  gint32 *codes = g_new (gint32, 5);
  char **categories = g_new0 (char *, 3);
  LbChartView *view = lb_column_detail_get_chart_view (f->detail);
  guint count;

  a[0] = 1, a[1] = 2, a[2] = 3, a[3] = 4, a[4] = NAN;
  categories[0] = g_strdup ("x");
  categories[1] = g_strdup ("y");
  codes[0] = 0, codes[1] = 1, codes[2] = 0, codes[3] = 0, codes[4] = -1;
  g_ptr_array_add (columns, lb_column_new_numeric ("a", a, 5));
  g_ptr_array_add (columns, lb_column_new_categorical ("kind", codes, 5, categories));
  table = lb_table_new (columns, NULL);
  g_assert_nonnull (table);

  lb_column_detail_set_column (f->detail, table, 0);
  g_assert_cmpstr (lb_column_detail_get_title (f->detail), ==, "a · float64");
  check_rows (f->detail, numeric_rows);
  g_assert_true (spin_until_drawn (view, 0));

  count = lb_chart_view_get_draw_count (view);
  lb_column_detail_set_column (f->detail, table, 1);
  g_assert_cmpstr (lb_column_detail_get_title (f->detail), ==, "kind · category");
  check_rows (f->detail, count_rows);
  g_assert_true (spin_until_drawn (view, count));

  lb_column_detail_set_column (f->detail, NULL, -1);
  empty = lb_column_detail_dup_rows (f->detail);
  g_assert_cmpuint (g_strv_length (empty), ==, 0);
  g_assert_null (lb_chart_view_get_chart (view));
}

/* pandas 1.5.3 (Debian python3-pandas) on housing.csv:
 * housing["median_income"].describe(), housing["total_bedrooms"].describe()
 * and housing["ocean_proximity"].value_counts(). */
static void
test_housing (Fixture       *f,
              gconstpointer  data)
{
  static const char *const income[] = {
    "count\t20640.000000", "mean\t3.870671", "std\t1.899822", "min\t0.499900",
    "25%\t2.563400", "50%\t3.534800", "75%\t4.743250", "max\t15.000100", NULL,
  };
  static const char *const bedrooms[] = {
    "count\t20433.000000", "mean\t537.870553", "std\t421.385070", "min\t1.000000",
    "25%\t296.000000", "50%\t435.000000", "75%\t647.000000", "max\t6445.000000", NULL,
  };
  static const char *const ocean[] = {
    "<1H OCEAN\t9,136", "INLAND\t6,551", "NEAR OCEAN\t2,658", "NEAR BAY\t2,290", "ISLAND\t5", NULL,
  };
  g_autofree char *path = lb_test_data_file ("housing/housing.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (LbTable) housing = NULL;

  if (path == NULL)
    return;
  housing = lb_csv_read_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  lb_column_detail_set_column (f->detail, housing, lb_table_find_column (housing, "median_income"));
  check_rows (f->detail, income);
  lb_column_detail_set_column (f->detail, housing, lb_table_find_column (housing, "total_bedrooms"));
  check_rows (f->detail, bedrooms);
  lb_column_detail_set_column (f->detail, housing, lb_table_find_column (housing, "ocean_proximity"));
  check_rows (f->detail, ocean);
  g_assert_true (spin_until_drawn (lb_column_detail_get_chart_view (f->detail), 0));
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run the ui suite under xvfb-run");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/learnbench/ui/ColumnDetail/no-display", test_no_display);
      return g_test_run ();
    }

  g_test_add ("/learnbench/ui/ColumnDetail/small-table", Fixture, NULL,
              fixture_set_up, test_small_table, fixture_tear_down);
  g_test_add ("/learnbench/ui/ColumnDetail/housing", Fixture, NULL,
              fixture_set_up, test_housing, fixture_tear_down);
  return g_test_run ();
}
