/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-test-w7.h: REFERENCE.md W7's small data files (moons, the quadratic
 * curve) for the ensemble tests, read into X / y matrices with the train and
 * test rows in the order train_test_split returned them (the "pos" column),
 * as tests/engine/reference/ensembles-reference.py reads them.
 */
#pragma once

#include <stdlib.h>

#include "lb-engine.h"
#include "lb-test-util.h"

typedef struct
{
  LbMatrix *X_train, *y_train, *X_test, *y_test;
} LbW7Data;

static inline void
lb_w7_data_clear (LbW7Data *d)
{
  g_clear_pointer (&d->X_train, lb_matrix_unref);
  g_clear_pointer (&d->y_train, lb_matrix_unref);
  g_clear_pointer (&d->X_test, lb_matrix_unref);
  g_clear_pointer (&d->y_test, lb_matrix_unref);
}

/* Columns: @n_x features, then y, set, pos. FALSE (test skipped) when absent. */
static inline gboolean
lb_w7_data_load (const char *file,
                 guint       n_x,
                 LbW7Data   *d)
{
  g_autofree char *rel = g_build_filename ("data", file, NULL);
  g_autofree char *path = lb_test_reference_file (rel);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_set[2] = { 0, 0 };
  LbMatrix *X[2], *y[2];

  if (path == NULL)
    return FALSE;
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      n_set[strstr (lines[i], ",test,") != NULL]++;
  for (guint s = 0; s < 2; s++)
    {
      X[s] = lb_matrix_new (n_set[s], n_x);
      y[s] = lb_matrix_new (n_set[s], 1);
    }
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      guint s, pos;

      if (*lines[i] == '\0')
        continue;
      f = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (f), ==, n_x + 3);
      s = g_str_equal (f[n_x + 1], "test");
      pos = (guint) strtoul (f[n_x + 2], NULL, 10);
      g_assert_cmpuint (pos, <, n_set[s]);
      for (guint j = 0; j < n_x; j++)
        LB_MATRIX_AT (X[s], pos, j) = g_ascii_strtod (f[j], NULL);
      LB_MATRIX_AT (y[s], pos, 0) = g_ascii_strtod (f[n_x], NULL);
    }
  d->X_train = X[0];
  d->y_train = y[0];
  d->X_test = X[1];
  d->y_test = y[1];
  return TRUE;
}

static inline gboolean
lb_w7_moons (LbW7Data *d)
{
  return lb_w7_data_load ("w7_moons_n500_noise0.3_rs42.csv", 2, d);
}

static inline gboolean
lb_w7_quadratic (LbW7Data *d)
{
  return lb_w7_data_load ("w7_gbrt_quadratic_m100_seed42.csv", 1, d);
}

/* Accuracy of @est's predictions on (X, y) (y in the estimator's class codes). */
static inline double
lb_w7_accuracy (LbEstimator *est,
                LbMatrix    *X,
                LbMatrix    *y)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbMatrix) pred = lb_estimator_predict (est, X, &error);
  g_autoptr(LbMatrix) codes = NULL;
  gsize n = lb_matrix_get_n_rows (X), right = 0;

  g_assert_no_error (error);
  codes = lb_estimator_encode_y (est, y, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < n; i++)
    right += lb_matrix_get_const_data (pred)[i] == lb_matrix_get_const_data (codes)[i];
  return (double) right / (double) n;
}

/* Runs model @model of examples/ch7-boosting.json alone (the chapter 2
 * preparation on the reference split) with one thread, and returns its test
 * RMSE; NaN (test skipped) when the housing data is absent. */
static inline double
lb_w7_housing_test_rmse (const char *model)
{
  g_autofree char *path = g_build_filename (LB_SOURCE_DIR, "examples", "ch7-boosting.json", NULL);
  g_autofree char *dir = g_build_filename (LB_SOURCE_DIR, "examples", NULL);
  g_autofree char *csv = lb_test_data_file ("housing/housing.csv");
  g_autofree char *text = NULL, *idx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(LbProject) project = NULL;
  g_autoptr(LbProjectResult) result = NULL;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  JsonArray *models, *kept;
  LbProjectModelResult *m;

  if (csv == NULL || (idx = lb_test_reference_file ("splits/housing_train_idx.txt")) == NULL)
    return NAN;
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  models = json_object_get_array_member (json_node_get_object (root), "models");
  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonObject *o = json_array_get_object_element (models, i);

      if (g_str_equal (json_object_get_string_member (o, "name"), model))
        json_array_add_object_element (kept, json_object_ref (o));
    }
  g_assert_cmpuint (json_array_get_length (kept), ==, 1);
  json_object_set_array_member (json_node_get_object (root), "models", kept);
  g_clear_pointer (&text, g_free);
  text = json_to_string (root, FALSE);
  project = lb_project_load_from_data (text, -1, dir, &error);
  g_assert_no_error (error);
  lb_fit_context_set_seed (ctx, 42);
  lb_fit_context_set_n_threads (ctx, 1);
  result = lb_project_run (project, ctx, &error);
  g_assert_no_error (error);
  m = g_ptr_array_index (result->models, 0);
  return m->test_score;
}
