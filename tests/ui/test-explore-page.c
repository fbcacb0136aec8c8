/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-explore-page.c: LbExplorePage in a real window under Xvfb: the empty
 * state, the histogram grid drawn, the scatter following its dropdowns, the
 * correlations to a target sorted as pandas sorts them (synchronously and as
 * a job), and "add a combined attribute" (the new table, and errors).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-explore-page.h"
#include "lb-test-util.h"

#define N_ROWS 500

typedef struct
{
  GtkWidget     *window;
  LbExplorePage *page;
  LbTable       *table;
  LbTable       *emitted;
  guint          n_emitted;
} Fixture;

/* a = 1..n, b = (i mod 7) - 3 (so a zero every 7th row), c = 2a + 1,
 * d = -a, label = "red"/"blue"/"green". */
static LbTable *
make_table (gsize n)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  double *a = g_new (double, n), *b = g_new (double, n), *c = g_new (double, n), *d = g_new (double, n);
  gint32 *codes = g_new (gint32, n);
  char **categories = g_new0 (char *, 4);

  categories[0] = g_strdup ("red");
  categories[1] = g_strdup ("blue");
  categories[2] = g_strdup ("green");
  for (gsize i = 0; i < n; i++)
    {
      a[i] = (double) (i + 1);
      b[i] = (double) ((int) (i % 7) - 3);
      c[i] = 2.0 * a[i] + 1.0;
      d[i] = -a[i];
      codes[i] = (gint32) (i % 3);
    }
  g_ptr_array_add (columns, lb_column_new_numeric ("a", a, n));
  g_ptr_array_add (columns, lb_column_new_numeric ("b", b, n));
  g_ptr_array_add (columns, lb_column_new_numeric ("c", c, n));
  g_ptr_array_add (columns, lb_column_new_numeric ("d", d, n));
  g_ptr_array_add (columns, lb_column_new_categorical ("label", codes, n, categories));
  return lb_table_new (columns, NULL);
}

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

static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
table_changed_cb (LbExplorePage *page,
                  LbTable       *table,
                  Fixture       *f)
{
  g_clear_pointer (&f->emitted, lb_table_unref);
  f->emitted = lb_table_ref (table);
  f->n_emitted++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->table = make_table (N_ROWS);
  g_assert_nonnull (f->table);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  f->page = LB_EXPLORE_PAGE (lb_explore_page_new ());
  g_signal_connect (f->page, "table-changed", G_CALLBACK (table_changed_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_pointer (&f->emitted, lb_table_unref);
  lb_table_unref (f->table);
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *stack = gtk_widget_get_first_child (GTK_WIDGET (f->page));

  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_null (lb_explore_page_get_table (f->page));

  lb_explore_page_set_table (f->page, f->table);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "content");
  g_assert_true (lb_explore_page_get_table (f->page) == f->table);

  lb_explore_page_set_table (f->page, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
}

static void
test_histograms_drawn (Fixture       *f,
                       gconstpointer  data)
{
  LbChartView *view = lb_explore_page_get_chart_view (f->page, "histograms");

  lb_explore_page_set_table (f->page, f->table);
  g_assert_nonnull (lb_chart_view_get_chart (view));
  g_assert_true (spin_until_drawn (view, 0));
  g_assert_null (lb_chart_view_get_shown_message (view));
}

static void
test_scatter_follows_dropdowns (Fixture       *f,
                                gconstpointer  data)
{
  LbChartView *view = lb_explore_page_get_chart_view (f->page, "scatter");
  LbChart *before;
  GtkWidget *x_dropdown;
  guint count;

  lb_explore_page_set_table (f->page, f->table);
  lb_explore_page_set_section (f->page, "scatter");
  g_assert_true (spin_until_drawn (view, 0));
  before = lb_chart_view_get_chart (view);
  g_assert_nonnull (before);
  count = lb_chart_view_get_draw_count (view);

  /* The first dropdown on show is X: a user picks its third column. */
  x_dropdown = find_mapped (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (x_dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (x_dropdown), 2);
  g_assert_true (lb_chart_view_get_chart (view) != before);
  g_assert_true (spin_until_drawn (view, count));

  /* And through the page's own call, colour and size included. */
  before = lb_chart_view_get_chart (view);
  count = lb_chart_view_get_draw_count (view);
  g_assert_true (lb_explore_page_set_scatter_columns (f->page, "a", "d", "label", "c"));
  g_assert_true (lb_chart_view_get_chart (view) != before);
  g_assert_true (spin_until_drawn (view, count));
  g_assert_false (lb_explore_page_set_scatter_columns (f->page, "a", "no such column", NULL, NULL));
}

static void
test_combined_attribute (Fixture       *f,
                         gconstpointer  data)
{
  LbColumn *a, *b, *ratio;
  const double *av, *bv, *rv;

  lb_explore_page_set_table (f->page, f->table);
  lb_explore_page_set_section (f->page, "combine");
  lb_explore_page_add_attribute (f->page, "a_per_b", "a / b");

  g_assert_null (lb_explore_page_get_attribute_error (f->page));
  g_assert_cmpuint (f->n_emitted, ==, 1);
  g_assert_nonnull (f->emitted);
  g_assert_cmpuint (lb_table_get_n_columns (f->emitted), ==, lb_table_get_n_columns (f->table) + 1);
  g_assert_true (lb_explore_page_get_table (f->page) == f->emitted);

  a = lb_table_get_column_by_name (f->emitted, "a");
  b = lb_table_get_column_by_name (f->emitted, "b");
  ratio = lb_table_get_column_by_name (f->emitted, "a_per_b");
  g_assert_nonnull (ratio);
  g_assert_cmpint (lb_column_get_kind (ratio), ==, LB_COLUMN_NUMERIC);
  av = lb_column_get_numeric (a);
  bv = lb_column_get_numeric (b);
  rv = lb_column_get_numeric (ratio);
  for (gsize i = 0; i < N_ROWS; i++)
    {
      if (bv[i] == 0.0)
        g_assert_true (isnan (rv[i]));   /* lb-expression.h: x / 0 is NaN, never Inf */
      else
        g_assert_cmpfloat (rv[i], ==, av[i] / bv[i]);   /* the same IEEE division: exact */
    }

  /* The new column is offered to the scatter at once. */
  g_assert_true (lb_explore_page_set_scatter_columns (f->page, "a_per_b", "a", NULL, NULL));
}

static void
test_bad_expression (Fixture       *f,
                     gconstpointer  data)
{
  lb_explore_page_set_table (f->page, f->table);
  lb_explore_page_set_section (f->page, "combine");

  lb_explore_page_add_attribute (f->page, "bad", "a / nope");
  g_assert_nonnull (lb_explore_page_get_attribute_error (f->page));
  g_assert_nonnull (strstr (lb_explore_page_get_attribute_error (f->page), "nope"));
  g_assert_cmpuint (f->n_emitted, ==, 0);
  g_assert_true (lb_explore_page_get_table (f->page) == f->table);

  lb_explore_page_add_attribute (f->page, "bad", "a / label");   /* not numeric */
  g_assert_nonnull (lb_explore_page_get_attribute_error (f->page));
  lb_explore_page_add_attribute (f->page, "bad", "(a + ");
  g_assert_nonnull (lb_explore_page_get_attribute_error (f->page));
  lb_explore_page_add_attribute (f->page, "a", "b * 2");          /* the name is taken */
  g_assert_nonnull (strstr (lb_explore_page_get_attribute_error (f->page), "“a”"));
  lb_explore_page_add_attribute (f->page, "", "b * 2");           /* no name */
  g_assert_nonnull (lb_explore_page_get_attribute_error (f->page));
  g_assert_cmpuint (f->n_emitted, ==, 0);
  g_assert_true (lb_explore_page_get_table (f->page) == f->table);

  /* A good one afterwards clears the error. */
  lb_explore_page_add_attribute (f->page, "twice_b", "b * 2");
  g_assert_null (lb_explore_page_get_attribute_error (f->page));
  g_assert_cmpuint (f->n_emitted, ==, 1);
}

/* c = 2a + 1 and d = -a: r = 1 and -1 up to rounding (1e-12). b is periodic:
 * its r with a is small (numpy: 0.0035 for 500 rows) and lies between. */
static void
check_synthetic_correlations (LbExplorePage *page)
{
  const char *name;
  double r;

  g_assert_cmpuint (lb_explore_page_get_n_correlations (page), ==, 4);
  name = lb_explore_page_get_correlation (page, 0, &r);
  g_assert_true (g_str_equal (name, "a") || g_str_equal (name, "c"));
  g_assert_cmpfloat_with_epsilon (r, 1.0, 1e-12);
  name = lb_explore_page_get_correlation (page, 1, &r);
  g_assert_true (g_str_equal (name, "a") || g_str_equal (name, "c"));
  g_assert_cmpfloat_with_epsilon (r, 1.0, 1e-12);
  name = lb_explore_page_get_correlation (page, 2, &r);
  g_assert_cmpstr (name, ==, "b");
  g_assert_cmpfloat (fabs (r), <, 0.1);
  name = lb_explore_page_get_correlation (page, 3, &r);
  g_assert_cmpstr (name, ==, "d");
  g_assert_cmpfloat_with_epsilon (r, -1.0, 1e-12);
  g_assert_null (lb_explore_page_get_correlation (page, 4, NULL));
}

static void
test_correlations_sorted (Fixture       *f,
                          gconstpointer  data)
{
  lb_explore_page_set_table (f->page, f->table);
  g_assert_true (lb_explore_page_set_target (f->page, "a"));
  lb_explore_page_set_section (f->page, "correlations");
  g_assert_true (spin_until_drawn (lb_explore_page_get_chart_view (f->page, "correlations"), 0));
  /* 500 rows: computed at once */
  check_synthetic_correlations (f->page);
}

/* 600,000 rows x 4 numeric columns (> 2M cells): the list is computed by a
 * job; it is empty at first and arrives on the main loop. */
static void
test_correlations_job_synthetic (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (LbTable) big = make_table (600000);
  gint64 end;

  lb_explore_page_set_table (f->page, big);
  g_assert_true (lb_explore_page_set_target (f->page, "a"));
  lb_explore_page_set_section (f->page, "correlations");
  g_assert_cmpuint (lb_explore_page_get_n_correlations (f->page), ==, 0);
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (lb_explore_page_get_n_correlations (f->page) == 0 && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  check_synthetic_correlations (f->page);

  /* The scatter matrix of so many rows draws a sample, and draws. */
  lb_explore_page_set_section (f->page, "matrix");
  g_assert_true (spin_until_drawn (lb_explore_page_get_chart_view (f->page, "matrix"), 0));
}

/* pandas 1.5.3 (Debian python3-pandas), housing.csv:
 * housing.corr(numeric_only=True)["median_house_value"].sort_values(ascending=False) */
static const struct { const char *name; double r; } housing_corr[] = {
  { "median_house_value",  1.0 },
  { "median_income",       0.6880752079585577 },
  { "total_rooms",         0.1341531138065627 },
  { "housing_median_age",  0.10562341249321065 },
  { "households",          0.0658426505700564 },
  { "total_bedrooms",      0.0496861802473462 },
  { "population",         -0.024649678888894865 },
  { "longitude",          -0.0459666151179817 },
  { "latitude",           -0.1441602768746574 },
};

static void
check_housing_correlations (LbExplorePage *page)
{
  g_assert_cmpuint (lb_explore_page_get_n_correlations (page), ==, G_N_ELEMENTS (housing_corr));
  for (guint i = 0; i < G_N_ELEMENTS (housing_corr); i++)
    {
      double r;
      const char *name = lb_explore_page_get_correlation (page, i, &r);

      g_assert_cmpstr (name, ==, housing_corr[i].name);
      /* 1e-12 relative: summation order differs from pandas' */
      g_assert_cmpfloat (fabs (r - housing_corr[i].r), <=, 1e-12 * fabs (housing_corr[i].r));
    }
}

static LbTable *
load_housing (void)
{
  g_autofree char *path = lb_test_data_file ("housing/housing.csv");
  g_autoptr (GError) error = NULL;
  LbTable *table;

  if (path == NULL)
    return NULL;
  table = lb_csv_read_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return table;
}

static void
test_housing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (LbTable) housing = load_housing ();
  LbChartView *scatter;

  if (housing == NULL)
    return;
  lb_explore_page_set_table (f->page, housing);

  /* The book's choices are the defaults. */
  lb_explore_page_set_section (f->page, "correlations");
  check_housing_correlations (f->page);

  lb_explore_page_set_section (f->page, "scatter");
  scatter = lb_explore_page_get_chart_view (f->page, "scatter");
  g_assert_true (spin_until_drawn (scatter, 0));
  g_assert_null (lb_chart_view_get_shown_message (scatter));

  lb_explore_page_set_section (f->page, "matrix");
  g_assert_true (spin_until_drawn (lb_explore_page_get_chart_view (f->page, "matrix"), 0));

  /* The book's combined attributes. */
  lb_explore_page_add_attribute (f->page, "rooms_per_house", "total_rooms / households");
  g_assert_null (lb_explore_page_get_attribute_error (f->page));
  lb_explore_page_add_attribute (f->page, "bedrooms_ratio", "total_bedrooms / total_rooms");
  g_assert_null (lb_explore_page_get_attribute_error (f->page));
  g_assert_cmpuint (f->n_emitted, ==, 2);
  g_assert_cmpuint (lb_table_get_n_columns (f->emitted), ==, 12);
}

/* More than 2M cells: the correlations run as a job and arrive later. */
static void
test_correlations_job (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (LbTable) housing = load_housing ();
  g_autoptr (GArray) rows = NULL;
  g_autoptr (LbTable) big = NULL;
  gint64 end;

  if (housing == NULL)
    return;
  /* housing repeated 13 times (268,320 rows x 9 numeric > 2M cells): the
   * same correlations as housing itself. */
  rows = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < 13; k++)
    for (guint i = 0; i < lb_table_get_n_rows (housing); i++)
      g_array_append_val (rows, i);
  big = lb_table_take_rows (housing, (const guint *) rows->data, rows->len);

  lb_explore_page_set_table (f->page, big);
  lb_explore_page_set_section (f->page, "correlations");
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (lb_explore_page_get_n_correlations (f->page) == 0 && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  /* Repetition changes the sums' rounding: 1e-10 relative here. */
  g_assert_cmpuint (lb_explore_page_get_n_correlations (f->page), ==, G_N_ELEMENTS (housing_corr));
  for (guint i = 0; i < G_N_ELEMENTS (housing_corr); i++)
    {
      double r;
      const char *name = lb_explore_page_get_correlation (f->page, i, &r);

      g_assert_cmpstr (name, ==, housing_corr[i].name);
      g_assert_cmpfloat (fabs (r - housing_corr[i].r), <=, 1e-10 * fabs (housing_corr[i].r));
    }
}

/* 784 pixel columns + a label: the Images section appears, every section
 * draws, and the page still fits a 1280 x 800 window beside a sidebar. */
static void
test_wide_image_table (Fixture       *f,
                       gconstpointer  data)
{
  static const char *const sections[] = { "images", "histograms", "scatter", "correlations", "matrix" };
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr (LbTable) images = NULL;
  const gsize n = 40;
  gint32 *codes = g_new (gint32, n);
  char **categories = g_new0 (char *, 3);
  int min_width, min_height;

  for (guint p = 0; p < 784; p++)
    {
      g_autofree char *name = g_strdup_printf ("pixel%u", p);
      double *v = g_new (double, n);

      for (gsize i = 0; i < n; i++)
        v[i] = (double) ((i * 37 + p * 11) % 256);
      g_ptr_array_add (columns, lb_column_new_numeric (name, v, n));
    }
  categories[0] = g_strdup ("Coat");
  categories[1] = g_strdup ("Bag");
  for (gsize i = 0; i < n; i++)
    codes[i] = (gint32) (i % 2);
  g_ptr_array_add (columns, lb_column_new_categorical ("label", codes, n, categories));
  images = lb_table_new (columns, NULL);
  g_assert_nonnull (images);

  lb_explore_page_set_table (f->page, images);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      LbChartView *view = lb_explore_page_get_chart_view (f->page, sections[i]);

      lb_explore_page_set_section (f->page, sections[i]);
      g_assert_true (spin_until_drawn (view, 0));
      g_assert_null (lb_chart_view_get_shown_message (view));
    }

  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 1000);
  g_assert_cmpint (min_height, <=, 700);
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
      g_test_add_func ("/learnbench/ui/ExplorePage/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add ("/learnbench/ui/ExplorePage/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("empty-state", test_empty_state);
  ADD ("histograms-drawn", test_histograms_drawn);
  ADD ("scatter-follows-dropdowns", test_scatter_follows_dropdowns);
  ADD ("combined-attribute", test_combined_attribute);
  ADD ("bad-expression", test_bad_expression);
  ADD ("correlations-sorted", test_correlations_sorted);
  ADD ("correlations-job-synthetic", test_correlations_job_synthetic);
  ADD ("housing", test_housing);
  ADD ("correlations-job", test_correlations_job);
  ADD ("wide-image-table", test_wide_image_table);
#undef ADD
  return g_test_run ();
}
