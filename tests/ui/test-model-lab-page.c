/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-model-lab-page.c: the models lab in a real window under Xvfb: a
 * decision tree on moons draws its regions, its diagram and its feature
 * importances, with a training accuracy above the held-out one; a regression
 * tree draws its step curve over the quadratic data; a boosting model
 * streams one training-loss point per round; Cancel stops a big forest and
 * keeps the page usable. Models that this build lacks are skipped. (The
 * models' numbers are checked against scikit-learn in tests/engine.)
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-model-lab-page.h"
#include "lb-test-util.h"
#include "lb-workbench.h"

typedef struct
{
  GtkWidget      *window;
  LbModelLabPage *page;
} Fixture;

static gboolean
wait_idle (LbModelLabPage *page)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (lb_model_lab_page_is_busy (page) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  return !lb_model_lab_page_is_busy (page);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  lb_estimators_register_builtin ();
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 750);
  f->page = LB_MODEL_LAB_PAGE (lb_model_lab_page_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
need (const char *estimator)
{
  if (lb_estimator_lookup (estimator) != G_TYPE_INVALID)
    return TRUE;
  g_test_skip_printf ("%s is not in this build", estimator);
  return FALSE;
}

static void
test_tree_on_moons (Fixture       *f,
                    gconstpointer  data)
{
  double train, test;

  if (!need ("DecisionTreeClassifier"))
    return;
  g_assert_true (lb_model_lab_page_set_data (f->page, "moons"));
  g_assert_true (lb_model_lab_page_set_model (f->page, "DecisionTreeClassifier"));
  g_assert_true (lb_model_lab_page_set_param (f->page, "max_depth", "4"));
  lb_model_lab_page_fit (f->page);
  g_assert_true (wait_idle (f->page));
  train = lb_model_lab_page_get_train_score (f->page);
  test = lb_model_lab_page_get_test_score (f->page);
  g_assert_cmpfloat (train, >, 0.85);
  g_assert_cmpfloat (train, <=, 1.0);
  g_assert_cmpfloat (test, >, 0.7);
  g_assert_nonnull (lb_chart_view_get_chart (lb_model_lab_page_get_chart_view (f->page, "model")));
  g_assert_nonnull (lb_chart_view_get_chart (lb_model_lab_page_get_chart_view (f->page, "tree")));
  g_assert_nonnull (lb_chart_view_get_chart (lb_model_lab_page_get_chart_view (f->page, "importances")));
  g_assert_nonnull (strstr (lb_model_lab_page_get_status (f->page), "training accuracy"));

  /* a regressor is not offered for classes */
  g_assert_false (lb_model_lab_page_set_model (f->page, "DecisionTreeRegressor"));
}

static void
test_svc_on_moons (Fixture       *f,
                   gconstpointer  data)
{
  if (!need ("SVC"))
    return;
  g_assert_true (lb_model_lab_page_set_data (f->page, "moons"));
  g_assert_true (lb_model_lab_page_set_model (f->page, "SVC"));
  lb_model_lab_page_fit (f->page);
  g_assert_true (wait_idle (f->page));
  g_assert_cmpfloat (lb_model_lab_page_get_test_score (f->page), >, 0.8);
  g_assert_nonnull (lb_chart_view_get_chart (lb_model_lab_page_get_chart_view (f->page, "model")));
  /* an SVC has no tree */
  g_assert_null (lb_chart_view_get_chart (lb_model_lab_page_get_chart_view (f->page, "tree")));
}

static void
test_regression_tree (Fixture       *f,
                      gconstpointer  data)
{
  if (!need ("DecisionTreeRegressor"))
    return;
  g_assert_true (lb_model_lab_page_set_data (f->page, "quadratic"));
  g_assert_true (lb_model_lab_page_set_model (f->page, "DecisionTreeRegressor"));
  g_assert_true (lb_model_lab_page_set_param (f->page, "max_depth", "2"));
  lb_model_lab_page_fit (f->page);
  g_assert_true (wait_idle (f->page));
  /* four leaves cannot follow the noise (sd 1) nor the curve exactly */
  g_assert_cmpfloat (lb_model_lab_page_get_train_score (f->page), >, 0.8);
  g_assert_cmpfloat (lb_model_lab_page_get_train_score (f->page), <, 3.0);
  g_assert_nonnull (lb_chart_view_get_chart (lb_model_lab_page_get_chart_view (f->page, "model")));
  g_assert_nonnull (strstr (lb_model_lab_page_get_status (f->page), "training RMSE"));
}

static void
test_boosting_rounds (Fixture       *f,
                      gconstpointer  data)
{
  const char *model = lb_estimator_lookup ("GradientBoostingRegressor") != G_TYPE_INVALID
                      ? "GradientBoostingRegressor" : "XGBRegressor";

  if (!need (model))
    return;
  g_assert_true (lb_model_lab_page_set_data (f->page, "quadratic"));
  g_assert_true (lb_model_lab_page_set_model (f->page, model));
  g_assert_true (lb_model_lab_page_set_param (f->page, "n_estimators", "30"));
  lb_model_lab_page_fit (f->page);
  g_assert_true (wait_idle (f->page));
  g_assert_cmpuint (lb_model_lab_page_get_n_rounds (f->page), >=, 30);
  g_assert_nonnull (lb_chart_view_get_chart (lb_model_lab_page_get_chart_view (f->page, "rounds")));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  gint64 start;

  if (!need ("RandomForestClassifier"))
    return;
  g_assert_true (lb_model_lab_page_set_data (f->page, "moons"));
  g_assert_true (lb_model_lab_page_set_model (f->page, "RandomForestClassifier"));
  g_assert_true (lb_model_lab_page_set_param (f->page, "n_estimators", "5000"));
  lb_model_lab_page_fit (f->page);
  g_assert_true (lb_model_lab_page_is_busy (f->page));
  g_usleep (50000);
  start = g_get_monotonic_time ();
  lb_model_lab_page_cancel (f->page);
  g_assert_true (wait_idle (f->page));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (lb_model_lab_page_get_status (f->page), "Cancelled"));
}

/* The project's own training rows on two chosen columns: the decision
 * regions of its classes, or the predictions over one column. */
static void
test_project_data (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (LbWorkbench) workbench = lb_workbench_new ();
  g_autoptr (LbTable) moons = lb_generate_moons (300, 0.2, 7);
  g_autoptr (LbTable) quadratic = lb_generate_quadratic (200, 7);

  if (!need ("DecisionTreeRegressor"))
    return;
  /* no data yet: the page says what it needs */
  lb_model_lab_page_set_workbench (f->page, workbench);
  g_assert_true (lb_model_lab_page_set_data (f->page, "project"));
  g_assert_nonnull (strstr (lb_model_lab_page_get_status (f->page), "Frame page"));

  lb_workbench_set_data (workbench, moons, NULL, "moons");
  lb_workbench_set_target (workbench, "label");
  g_assert_cmpint (lb_workbench_get_task (workbench), ==, LB_TASK_BINARY);
  g_assert_false (lb_model_lab_page_set_columns (f->page, "x1", "no-such-column"));
  g_assert_true (lb_model_lab_page_set_columns (f->page, "x1", "x2"));
  g_assert_true (lb_model_lab_page_set_model (f->page, "LogisticRegression"));
  lb_model_lab_page_fit (f->page);
  g_assert_true (wait_idle (f->page));
  /* a straight boundary on the moons: well above chance, below a tree's fit */
  g_assert_cmpfloat (lb_model_lab_page_get_test_score (f->page), >, 0.75);
  g_assert_nonnull (lb_chart_view_get_chart (lb_model_lab_page_get_chart_view (f->page, "model")));

  lb_workbench_set_data (workbench, quadratic, NULL, "quadratic");
  lb_workbench_set_target (workbench, "y");
  g_assert_cmpint (lb_workbench_get_task (workbench), ==, LB_TASK_REGRESSION);
  g_assert_true (lb_model_lab_page_set_columns (f->page, "x", NULL));
  g_assert_true (lb_model_lab_page_set_model (f->page, "DecisionTreeRegressor"));
  g_assert_true (lb_model_lab_page_set_param (f->page, "max_depth", "3"));
  lb_model_lab_page_fit (f->page);
  g_assert_true (wait_idle (f->page));
  g_assert_cmpfloat (lb_model_lab_page_get_train_score (f->page), <, 2.0);
  g_assert_nonnull (strstr (lb_model_lab_page_get_status (f->page), "training RMSE"));
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
      g_test_add_func ("/learnbench/ui/ModelLabPage/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add ("/learnbench/ui/ModelLabPage/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("tree-on-moons", test_tree_on_moons);
  ADD ("svc-on-moons", test_svc_on_moons);
  ADD ("regression-tree", test_regression_tree);
  ADD ("boosting-rounds", test_boosting_rounds);
  ADD ("cancel", test_cancel);
  ADD ("project-data", test_project_data);
  return g_test_run ();
}
