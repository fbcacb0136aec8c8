/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * svm-test-util.h: access to tests/engine/fixtures/svm-reference.json (the
 * data and the scikit-learn 1.2.1 / libsvm / liblinear results written by
 * tests/engine/reference/svm-reference.py) for the SVM tests.
 */
#pragma once

#include <math.h>

#include <json-glib/json-glib.h>

#include "lb-engine.h"

static JsonParser *svm_ref_parser;

static inline JsonObject *
svm_ref_case (const char *name)
{
  if (svm_ref_parser == NULL)
    {
      g_autofree char *path = g_build_filename (LB_SOURCE_DIR, "tests", "engine", "fixtures",
                                                "svm-reference.json", NULL);
      g_autoptr(GError) error = NULL;

      svm_ref_parser = json_parser_new ();
      json_parser_load_from_file (svm_ref_parser, path, &error);
      g_assert_no_error (error);
    }
  g_assert_true (json_object_has_member (json_node_get_object (json_parser_get_root (svm_ref_parser)), name));
  return json_object_get_object_member (json_node_get_object (json_parser_get_root (svm_ref_parser)), name);
}

/* Member @member of a case as a matrix: a list of lists (n, p) or of numbers (n, 1). */
static inline LbMatrix *
svm_ref_matrix (JsonObject *c,
                const char *member)
{
  JsonArray *rows = json_object_get_array_member (c, member);
  guint n = json_array_get_length (rows);
  JsonNode *first = json_array_get_element (rows, 0);
  guint p = JSON_NODE_HOLDS_ARRAY (first) ? json_array_get_length (json_node_get_array (first)) : 1;
  LbMatrix *m = lb_matrix_new (n, p);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (rows, i);

      for (guint j = 0; j < p; j++)
        LB_MATRIX_AT (m, i, j) = JSON_NODE_HOLDS_ARRAY (e)
                                 ? json_array_get_double_element (json_node_get_array (e), j)
                                 : json_node_get_double (e);
    }
  return m;
}

/* An estimator @name with the case's "params" (scikit-learn names). */
static inline LbEstimator *
svm_ref_estimator (const char *name,
                   JsonObject *c)
{
  g_autoptr(GError) error = NULL;
  LbEstimator *est = lb_estimator_new_by_name (name, &error);

  g_assert_no_error (error);
  g_assert_true (lb_estimator_set_params (est, json_object_get_object_member (c, "params"), &error));
  g_assert_no_error (error);
  return est;
}

/* max |a − b| over equal-shaped matrices. */
static inline double
svm_max_abs_diff (LbMatrix *a,
                  LbMatrix *b)
{
  double worst = 0.0;

  g_assert_cmpuint (lb_matrix_get_n_rows (a), ==, lb_matrix_get_n_rows (b));
  g_assert_cmpuint (lb_matrix_get_n_cols (a), ==, lb_matrix_get_n_cols (b));
  for (gsize i = 0; i < lb_matrix_get_n_rows (a) * lb_matrix_get_n_cols (a); i++)
    worst = MAX (worst, fabs (lb_matrix_get_const_data (a)[i] - lb_matrix_get_const_data (b)[i]));
  return worst;
}
