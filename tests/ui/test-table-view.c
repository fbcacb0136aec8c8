/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-table-view.c: the lazy table model and the table view over a million
 * rows: the model makes no object per row up front, items carry their index,
 * and scrolling page by page through 1M rows keeps up with the frame clock.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "lb-table-model.h"
#include "lb-table-sort.h"
#include "lb-table-view.h"
#include "lb-ui-util.h"

static void
test_model_lazy (void)
{
  g_autoptr (LbTable) table = lb_generate_linear (1000000, 42);
  g_autoptr (LbTableModel) model = lb_table_model_new (table);
  g_autoptr (LbTableModel) empty = lb_table_model_new (NULL);
  g_autoptr (LbTableRow) first = NULL;
  g_autoptr (LbTableRow) last = NULL;
  g_autoptr (LbTableRow) again = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == LB_TYPE_TABLE_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (empty)), ==, 0);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  last = g_list_model_get_item (G_LIST_MODEL (model), 999999);
  g_assert_cmpuint (lb_table_row_get_index (first), ==, 0);
  g_assert_cmpuint (lb_table_row_get_index (last), ==, 999999);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 1000000));
  /* items are made on demand: asking twice gives two small objects, no cache */
  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (again != first);
  g_assert_true (lb_table_model_get_table (model) == table);
}

static void
test_format (void)
{
  struct { double v; const char *text; } cases[] = {
    { 20640.0, "20640.000000" },      /* pandas: count of housing.csv */
    { -119.569704, "-119.569704" },
    { 0.0, "0.000000" },
    { 1e10, "1.000000e+10" },
    { 2.5e-5, "2.500000e-05" },
    { NAN, "NaN" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lb_ui_format_statistic (cases[i].v);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *a = lb_ui_format_count (20640);
    g_autofree char *b = lb_ui_format_count (1000000);
    g_autofree char *c = lb_ui_format_count (999);
    g_assert_cmpstr (a, ==, "20,640");
    g_assert_cmpstr (b, ==, "1,000,000");
    g_assert_cmpstr (c, ==, "999");
  }
}

/* small table: v = 3, NaN, 1, 3, 2 ; name = "b", "a", NULL, "c", "a" */
static LbTable *
sort_fixture (void)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  double *v = g_new (double, 5);
  char **names = g_new0 (char *, 6);
  g_autoptr (GError) error = NULL;
  LbTable *table;

  v[0] = 3; v[1] = NAN; v[2] = 1; v[3] = 3; v[4] = 2;
  names[0] = g_strdup ("b"); names[1] = g_strdup ("a"); names[2] = NULL;
  names[3] = g_strdup ("c"); names[4] = g_strdup ("a");
  g_ptr_array_add (columns, lb_column_new_numeric ("v", v, 5));
  g_ptr_array_add (columns, lb_column_new_text ("name", names, 5));
  table = lb_table_new (columns, &error);
  g_assert_no_error (error);
  return table;
}

static void
assert_order (GArray *order, const guint *expected, guint n)
{
  g_assert_cmpuint (order->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (order, guint, i), ==, expected[i]);
}

/* Reference: pandas 1.5.3, df.sort_values(col, ascending=…, kind="stable") on the
 * same frame gives [2, 4, 0, 3, 1], [0, 3, 4, 2, 1] and, for "name", [1, 4, 0, 3, 2]. */
static void
test_sort_rows (void)
{
  g_autoptr (LbTable) table = sort_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) asc = lb_table_sort_rows (table, 0, FALSE, NULL, &error);
  g_autoptr (GArray) desc = lb_table_sort_rows (table, 0, TRUE, NULL, &error);
  g_autoptr (GArray) text = lb_table_sort_rows (table, 1, FALSE, NULL, &error);
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (GArray) none = NULL;
  /* ties (rows 0 and 3 hold 3; rows 1 and 4 hold "a") keep their order; missing last */
  const guint asc_rows[] = { 2, 4, 0, 3, 1 };
  const guint desc_rows[] = { 0, 3, 4, 2, 1 };
  const guint text_rows[] = { 1, 4, 0, 3, 2 };

  g_assert_no_error (error);
  assert_order (asc, asc_rows, 5);
  assert_order (desc, desc_rows, 5);
  assert_order (text, text_rows, 5);

  g_cancellable_cancel (cancelled);
  none = lb_table_sort_rows (table, 0, FALSE, cancelled, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
view_sorted (LbTableView *view)
{
  return lb_table_view_get_sort_column (view, NULL) >= 0;
}

static void
job_started_cb (LbTableView *view, LbJob *job, gpointer user_data)
{
  *(LbJob **) user_data = job;
}

/* The view sorts through the header menu's action, as a job, and shows the order */
static void
test_view_sort (void)
{
  g_autoptr (LbTable) table = sort_fixture ();
  GtkWidget *view = g_object_ref_sink (lb_table_view_new ());
  LbJob *started = NULL;
  gint64 end;
  gboolean descending = FALSE;
  GListModel *columns;

  lb_table_view_set_table (LB_TABLE_VIEW (view), table);
  columns = gtk_column_view_get_columns (lb_table_view_get_column_view (LB_TABLE_VIEW (view)));
  {
    g_autoptr (GtkColumnViewColumn) v = g_list_model_get_item (columns, 1);
    g_assert_nonnull (gtk_column_view_column_get_header_menu (v));
  }
  g_signal_connect (view, "job-started", G_CALLBACK (job_started_cb), &started);

  g_assert_true (gtk_widget_activate_action (view, "table.sort", "(ub)", 0, TRUE));
  /* the sort runs as a job, announced for the window's job bar */
  g_assert_true (LB_IS_JOB (started));
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!view_sorted (LB_TABLE_VIEW (view)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_cmpint (lb_table_view_get_sort_column (LB_TABLE_VIEW (view), &descending), ==, 0);
  g_assert_true (descending);
  {
    GListModel *model = lb_table_view_get_model (LB_TABLE_VIEW (view));
    const guint expected[] = { 0, 3, 4, 2, 1 };
    g_autoptr (GtkColumnViewColumn) v = g_list_model_get_item (columns, 1);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
    for (guint i = 0; i < 5; i++)
      {
        g_autoptr (LbTableRow) row = g_list_model_get_item (model, i);
        g_assert_cmpuint (lb_table_row_get_index (row), ==, expected[i]);
      }
    g_assert_cmpstr (gtk_column_view_column_get_title (v), ==, "v ↓");
  }

  g_assert_true (gtk_widget_activate_action (view, "table.unsort", NULL));
  g_assert_cmpint (lb_table_view_get_sort_column (LB_TABLE_VIEW (view), NULL), ==, -1);
  {
    g_autoptr (LbTableRow) row = g_list_model_get_item (lb_table_view_get_model (LB_TABLE_VIEW (view)), 0);
    g_autoptr (GtkColumnViewColumn) v = g_list_model_get_item (columns, 1);
    g_assert_cmpuint (lb_table_row_get_index (row), ==, 0);
    g_assert_cmpstr (gtk_column_view_column_get_title (v), ==, "v");
  }
  g_object_unref (view);
}

static guint paints;

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  paints++;
}

static void
spin_for (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

static void
test_scroll_million (void)
{
  g_autoptr (LbTable) table = lb_generate_linear (1000000, 7);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = lb_table_view_new ();
  GtkScrollable *scrollable;
  GtkAdjustment *adj;
  GdkFrameClock *clock;
  const guint n_pages = 60;
  gint64 t0, t1;
  double per_page_ms;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  lb_table_view_set_table (LB_TABLE_VIEW (view), table);
  gtk_window_present (GTK_WINDOW (window));
  spin_for (0.5);

  g_assert_cmpuint (g_list_model_get_n_items (lb_table_view_get_model (LB_TABLE_VIEW (view))), ==, 1000000);
  scrollable = GTK_SCROLLABLE (lb_table_view_get_column_view (LB_TABLE_VIEW (view)));
  adj = gtk_scrollable_get_vadjustment (scrollable);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, 100 * gtk_adjustment_get_page_size (adj));

  clock = gtk_widget_get_frame_clock (window);
  g_assert_nonnull (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  /* jump a page at a time through the whole table (each step shows ~30 new
   * rows) and wait for each frame to be painted */
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n_pages; i++)
    {
      guint before = paints;
      double value = (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj))
                     * (i + 1) / n_pages;
      gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

      gtk_adjustment_set_value (adj, value);
      while (paints == before && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (paints, >, before);
    }
  t1 = g_get_monotonic_time ();
  per_page_ms = (t1 - t0) / 1000.0 / n_pages;
  g_test_message ("1M rows: %.2f ms per scrolled page (frame clock paced at ~16.7 ms)",
                  per_page_ms);
  /* A frame is 16.7 ms at 60 Hz and the frame clock paces paints to it; an
   * eager model (a million objects, or measuring every row) takes seconds.
   * 50 ms allows for a loaded shared test machine and software rendering. */
  g_assert_cmpfloat (per_page_ms, <, 50.0);

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* 100 columns c0 … c99: the view shows 60, the first 50 and the last 10 */
static void
test_wide_table (void)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_column_unref);
  g_autoptr (LbTable) table = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *view = g_object_ref_sink (lb_table_view_new ());
  GListModel *view_columns;

  for (guint c = 0; c < 100; c++)
    {
      g_autofree char *name = g_strdup_printf ("c%u", c);
      double *values = g_new (double, 3);

      for (guint r = 0; r < 3; r++)
        values[r] = c * 10 + r;
      g_ptr_array_add (columns, lb_column_new_numeric (name, values, 3));
    }
  table = lb_table_new (columns, &error);
  g_assert_no_error (error);
  lb_table_view_set_table (LB_TABLE_VIEW (view), table);
  g_assert_cmpuint (lb_table_view_get_n_shown_columns (LB_TABLE_VIEW (view)), ==,
                    LB_TABLE_VIEW_MAX_COLUMNS);
  view_columns = gtk_column_view_get_columns (lb_table_view_get_column_view (LB_TABLE_VIEW (view)));
  /* + 1: the row-number column comes first */
  g_assert_cmpuint (g_list_model_get_n_items (view_columns), ==, LB_TABLE_VIEW_MAX_COLUMNS + 1);
  {
    g_autoptr (GtkColumnViewColumn) first = g_list_model_get_item (view_columns, 1);
    g_autoptr (GtkColumnViewColumn) head_end = g_list_model_get_item (view_columns, 50);
    g_autoptr (GtkColumnViewColumn) tail_start = g_list_model_get_item (view_columns, 51);
    g_autoptr (GtkColumnViewColumn) last = g_list_model_get_item (view_columns, 60);

    g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "c0");
    g_assert_cmpstr (gtk_column_view_column_get_title (head_end), ==, "c49");
    g_assert_cmpstr (gtk_column_view_column_get_title (tail_start), ==, "c90");
    g_assert_cmpstr (gtk_column_view_column_get_title (last), ==, "c99");
  }
  g_object_unref (view);
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run under xvfb-run");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/ui/TableModel/lazy", test_model_lazy);
  g_test_add_func ("/learnbench/ui/UiUtil/format", test_format);
  g_test_add_func ("/learnbench/ui/TableSort/rows", test_sort_rows);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/learnbench/ui/TableView/no-display", test_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/learnbench/ui/TableView/wide-table", test_wide_table);
  g_test_add_func ("/learnbench/ui/TableView/sort", test_view_sort);
  g_test_add_func ("/learnbench/ui/TableView/scroll-million", test_scroll_million);
  return g_test_run ();
}
