/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-gd-lab-page.c: the gradient descent lab in a real window under Xvfb:
 * the first runs fill every chart; Step / Play / Rewind walk the path (θ
 * moves towards least squares, the cost falls for batch GD at η = 0.1); too
 * large a rate is called out as divergence; the degree slider reruns the
 * learning curves (degree 1 validates worse than degree 2 on quadratic
 * data); lasso with a huge α zeroes every coefficient. The numbers
 * themselves are checked against closed forms in tests/engine/test-lab.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-gd-lab-page.h"
#include "lb-test-util.h"

typedef struct
{
  GtkWidget   *window;
  LbGdLabPage *page;
} Fixture;

static gboolean
wait_idle (LbGdLabPage *page)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* let queued changes start their jobs, then wait for them */
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  while (lb_gd_lab_page_is_busy (page) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return !lb_gd_lab_page_is_busy (page);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 700);
  f->page = LB_GD_LAB_PAGE (lb_gd_lab_page_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_idle (f->page));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_first_runs (Fixture       *f,
                 gconstpointer  data)
{
  const char *views[] = { "descent-fit", "descent-cost", "degree-fit", "degree-curves",
                          "regularization-fit", "regularization-paths" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      LbChartView *view = lb_gd_lab_page_get_chart_view (f->page, views[i]);

      g_assert_nonnull (view);
      g_assert_nonnull (lb_chart_view_get_chart (view));
    }
  g_assert_cmpuint (lb_gd_lab_page_get_n_steps (f->page), ==, 50);   /* batch, 50 iterations */
  g_assert_cmpuint (lb_gd_lab_page_get_step (f->page), ==, 0);
  g_assert_nonnull (strstr (lb_gd_lab_page_get_status (f->page, "descent"), "Step 0 of 50"));
}

static void
test_step_play_rewind (Fixture       *f,
                       gconstpointer  data)
{
  double a0, a1, c0, b0, b1, c1;
  gint64 end;

  lb_gd_lab_page_get_theta (f->page, &a0, &a1, &c0);
  lb_gd_lab_page_step (f->page);
  g_assert_cmpuint (lb_gd_lab_page_get_step (f->page), ==, 1);
  lb_gd_lab_page_get_theta (f->page, &b0, &b1, &c1);
  g_assert_true (a0 != b0 || a1 != b1);
  g_assert_cmpfloat (c1, <, c0);

  lb_gd_lab_page_play (f->page, TRUE);
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (lb_gd_lab_page_get_step (f->page) < 50 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (lb_gd_lab_page_get_step (f->page), ==, 50);
  lb_gd_lab_page_get_theta (f->page, &b0, &b1, &c1);
  g_assert_cmpfloat (c1, <, c0);

  lb_gd_lab_page_rewind (f->page);
  g_assert_cmpuint (lb_gd_lab_page_get_step (f->page), ==, 0);
}

static void
test_divergence (Fixture       *f,
                 gconstpointer  data)
{
  lb_gd_lab_page_set_eta (f->page, 1.5);
  g_assert_true (wait_idle (f->page));
  g_assert_nonnull (strstr (lb_gd_lab_page_get_status (f->page, "descent"), "diverges"));
  lb_gd_lab_page_set_eta (f->page, 0.1);
  g_assert_true (wait_idle (f->page));
  g_assert_null (strstr (lb_gd_lab_page_get_status (f->page, "descent"), "diverges"));

  /* stochastic: 50 epochs of 100 single-sample steps */
  lb_gd_lab_page_set_method (f->page, 1);
  g_assert_true (wait_idle (f->page));
  g_assert_cmpuint (lb_gd_lab_page_get_n_steps (f->page), ==, 5000);
}

static void
test_degree (Fixture       *f,
             gconstpointer  data)
{
  double quadratic, line;

  quadratic = lb_gd_lab_page_get_final_val_rmse (f->page);   /* degree 2 by default */
  lb_gd_lab_page_set_degree (f->page, 1);
  g_assert_true (wait_idle (f->page));
  line = lb_gd_lab_page_get_final_val_rmse (f->page);
  g_assert_cmpfloat (line, >, quadratic);
  g_assert_nonnull (strstr (lb_gd_lab_page_get_status (f->page, "degree"), "Degree 1"));
}

static void
test_lasso (Fixture       *f,
            gconstpointer  data)
{
  lb_gd_lab_page_set_alpha (f->page, TRUE, 1000);
  g_assert_true (wait_idle (f->page));
  g_assert_nonnull (strstr (lb_gd_lab_page_get_status (f->page, "regularization"),
                            "10 of 10 coefficients are exactly zero"));
  lb_gd_lab_page_set_alpha (f->page, FALSE, 1e-5);
  g_assert_true (wait_idle (f->page));
  g_assert_nonnull (strstr (lb_gd_lab_page_get_status (f->page, "regularization"),
                            "0 of 10 coefficients"));
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run under Xvfb (meson test does)");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/learnbench/ui/GdLabPage/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add ("/learnbench/ui/GdLabPage/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("first-runs", test_first_runs);
  ADD ("step-play-rewind", test_step_play_rewind);
  ADD ("divergence", test_divergence);
  ADD ("degree", test_degree);
  ADD ("lasso", test_lasso);
  return g_test_run ();
}
