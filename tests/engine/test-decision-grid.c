/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-decision-grid.c: a fitted classifier evaluated over a grid of its two
 * features, against scikit-learn 1.2.1 on the book's moons (the shared
 * w5_moons csv): numbers from
 *   /usr/bin/python3 tests/engine/reference/decision-grid-reference.py
 * KNeighborsClassifier(5) is exact (same cells); LogisticRegression's
 * decision values agree to 1e-3 (lbfgs stops at a tolerance). Also the
 * refusals, given ranges, and a cancel.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-decision-grid.h"
#include "lb-test-util.h"

typedef struct
{
  LbMatrix *X;
  LbMatrix *y;
  double    f1[100];
  double    f2[100];
} Moons;

static gboolean
load_moons (Moons *m)
{
  g_autofree char *path = lb_test_reference_file ("data/w5_moons_n100_noise0.15_rs42.csv");
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  if (path == NULL)
    return FALSE;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  m->X = lb_matrix_new (100, 2);
  m->y = lb_matrix_new (100, 1);
  for (guint i = 1; lines[i] != NULL && n < 100; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], ",", 3);
      if (g_strv_length (f) != 3)
        continue;
      m->f1[n] = LB_MATRIX_AT (m->X, n, 0) = g_ascii_strtod (f[0], NULL);
      m->f2[n] = LB_MATRIX_AT (m->X, n, 1) = g_ascii_strtod (f[1], NULL);
      LB_MATRIX_AT (m->y, n, 0) = g_ascii_strtod (f[2], NULL);
      n++;
    }
  g_assert_cmpuint (n, ==, 100);
  return TRUE;
}

static void
moons_clear (Moons *m)
{
  g_clear_pointer (&m->X, lb_matrix_unref);
  g_clear_pointer (&m->y, lb_matrix_unref);
}

static LbEstimator *
fitted (const char *name,
        Moons      *m)
{
  g_autoptr (GError) error = NULL;
  LbEstimator *est = lb_estimator_new_by_name (name, &error);

  g_assert_no_error (error);
  g_assert_true (lb_estimator_fit (est, m->X, m->y, NULL, &error));
  g_assert_no_error (error);
  return est;
}

static void
test_knn_exact (void)
{
  /* "knn class-1 cells 1251", and rows 0 and 25 cell by cell */
  static const char row0[] = "00000000000011111111111111111111111111111111111111";
  static const char row25[] = "00000000000000111111111000000000000011111111111111";
  LbDecisionGridOptions opt = { 50, 0, 0, 0, 0, 0 };
  Moons m = { 0 };
  g_autoptr (LbEstimator) knn = NULL;
  g_autoptr (LbDecisionGrid) grid = NULL;
  g_autoptr (GError) error = NULL;
  guint ones = 0;

  if (!load_moons (&m))
    return;
  knn = fitted ("KNeighborsClassifier", &m);
  grid = lb_decision_grid_compute (knn, m.f1, m.f2, 100, &opt, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grid->nx, ==, 50);
  g_assert_cmpuint (grid->ny, ==, 50);
  g_assert_cmpuint (grid->n_classes, ==, 2);
  g_assert_null (grid->decision);    /* no decision function */
  /* range: min / max -+ 0.1 span, as numpy (1e-12: a sum or two of doubles) */
  g_assert_cmpfloat (fabs (grid->x0 - -1.640155219417303), <, 1e-12);
  g_assert_cmpfloat (fabs (grid->x1 - 2.777520351725269), <, 1e-12);
  g_assert_cmpfloat (fabs (grid->y0 - -0.8411683800703953), <, 1e-12);
  g_assert_cmpfloat (fabs (grid->y1 - 1.4631392255244142), <, 1e-12);
  for (guint k = 0; k < 2500; k++)
    ones += grid->classes[k];
  g_assert_cmpuint (ones, ==, 1251);
  for (guint i = 0; i < 50; i++)
    {
      g_assert_cmpuint (grid->classes[i], ==, (guint) (row0[i] - '0'));
      g_assert_cmpuint (grid->classes[25 * 50 + i], ==, (guint) (row25[i] - '0'));
    }
  g_assert_cmpstr (grid->class_names[1], ==, "1");
  moons_clear (&m);
}

static void
test_logistic_decision (void)
{
  /* "logistic decision at row j col i": 1e-3 (lbfgs tolerance) */
  static const struct { guint j, i; double d; } ref[] = {
    { 0, 0, 0.6269557902658998 }, { 0, 49, 5.633511765626275 }, { 49, 0, -5.846807894562694 },
    { 49, 49, -0.8402519192023183 }, { 25, 25, -0.12161957170768126 },
  };
  LbDecisionGridOptions opt = { 50, 0, 0, 0, 0, 0 };
  Moons m = { 0 };
  g_autoptr (LbEstimator) lr = NULL;
  g_autoptr (LbDecisionGrid) grid = NULL;
  g_autoptr (GError) error = NULL;
  guint ones = 0;

  if (!load_moons (&m))
    return;
  lr = fitted ("LogisticRegression", &m);
  grid = lb_decision_grid_compute (lr, m.f1, m.f2, 100, &opt, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (grid->decision);
  for (guint k = 0; k < G_N_ELEMENTS (ref); k++)
    {
      double d = grid->decision[ref[k].j * 50 + ref[k].i];
      g_test_message ("decision (%u, %u): %.6f, scikit-learn %.6f", ref[k].j, ref[k].i, d, ref[k].d);
      g_assert_cmpfloat (fabs (d - ref[k].d), <, 1e-3);
    }
  /* the classes follow the sign of the decision; 1209 class-1 cells */
  for (guint k = 0; k < 2500; k++)
    {
      ones += grid->classes[k];
      if (fabs (grid->decision[k]) > 1e-6)
        g_assert_cmpuint (grid->classes[k], ==, grid->decision[k] > 0 ? 1 : 0);
    }
  g_assert_cmpuint (ones, ==, 1209);
  moons_clear (&m);
}

static void
test_refusals_and_cancel (void)
{
  Moons m = { 0 };
  g_autoptr (LbEstimator) knn = NULL;
  g_autoptr (LbEstimator) unfitted = NULL;
  g_autoptr (LbEstimator) reg = NULL;
  g_autoptr (GCancellable) cancel = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  LbDecisionGridOptions opt = { 10, 0, -3, 3, -2, 2 };
  LbDecisionGrid *grid;

  if (!load_moons (&m))
    return;
  unfitted = lb_estimator_new_by_name ("KNeighborsClassifier", NULL);
  g_assert_null (lb_decision_grid_compute (unfitted, m.f1, m.f2, 100, NULL, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED);
  g_clear_error (&error);

  reg = fitted ("LinearRegression", &m);
  g_assert_null (lb_decision_grid_compute (reg, m.f1, m.f2, 100, NULL, NULL, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM);
  g_clear_error (&error);

  /* given ranges replace the data's */
  knn = fitted ("KNeighborsClassifier", &m);
  grid = lb_decision_grid_compute (knn, NULL, NULL, 0, &opt, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (grid->x0, ==, -3);
  g_assert_cmpfloat (grid->y1, ==, 2);
  g_assert_cmpuint (grid->nx, ==, 10);
  lb_decision_grid_unref (grid);

  g_cancellable_cancel (cancel);
  g_assert_null (lb_decision_grid_compute (knn, m.f1, m.f2, 100, NULL, cancel, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  moons_clear (&m);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  lb_estimators_register_builtin ();

  g_test_add_func ("/learnbench/engine/DecisionGrid/knn-exact", test_knn_exact);
  g_test_add_func ("/learnbench/engine/DecisionGrid/logistic-decision", test_logistic_decision);
  g_test_add_func ("/learnbench/engine/DecisionGrid/refusals-and-cancel", test_refusals_and_cancel);

  return g_test_run ();
}
