/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * prep-test-util.h: what the preprocessing tests share: building small
 * matrices (with names and category columns), comparing a matrix with
 * scikit-learn's numbers (|a - b| <= atol + rtol * |b|, NaN == NaN), and a
 * save_state -> JSON text -> load_state round trip.
 */
#pragma once

#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-engine.h"

/* (n, d) row-major @data; @names NULL or d names. */
static inline LbMatrix *
prep_matrix (gsize               n,
             gsize               d,
             const double       *data,
             const char * const *names)
{
  LbMatrix *m = lb_matrix_new_from_data (n, d, data);

  if (names != NULL)
    lb_matrix_set_column_names (m, names);
  return m;
}

static inline void
prep_assert_close (const double *got,
                   const double *want,
                   gsize         n,
                   double        rtol,
                   double        atol,
                   const char   *what)
{
  for (gsize i = 0; i < n; i++)
    {
      gboolean ok;

      if (isnan (want[i]))
        ok = isnan (got[i]);
      else
        ok = fabs (got[i] - want[i]) <= atol + rtol * fabs (want[i]);
      if (!ok)
        g_error ("%s[%" G_GSIZE_FORMAT "]: got %.17g, want %.17g (rtol %g, atol %g)",
                 what, i, got[i], want[i], rtol, atol);
    }
}

static inline void
prep_assert_matrix (LbMatrix     *m,
                    gsize         n,
                    gsize         d,
                    const double *want,
                    double        rtol,
                    double        atol,
                    const char   *what)
{
  g_assert_nonnull (m);
  g_assert_cmpuint (lb_matrix_get_n_rows (m), ==, n);
  g_assert_cmpuint (lb_matrix_get_n_cols (m), ==, d);
  prep_assert_close (lb_matrix_get_const_data (m), want, n * d, rtol, atol, what);
}

static inline void
prep_assert_names (LbMatrix           *m,
                   const char * const *want)
{
  guint n = g_strv_length ((char **) want);

  g_assert_cmpuint (lb_matrix_get_n_cols (m), ==, n);
  for (guint j = 0; j < n; j++)
    g_assert_cmpstr (lb_matrix_get_column_name (m, j), ==, want[j]);
}

/* save_state -> JSON text -> parse -> load_state into a clone. */
static inline LbEstimator *
prep_round_trip (LbEstimator *est)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) state = lb_estimator_save_state (est, &error);
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) parsed = NULL;
  LbEstimator *copy;

  g_assert_no_error (error);
  g_assert_nonnull (state);
  text = json_to_string (state, FALSE);
  parsed = json_from_string (text, &error);
  g_assert_no_error (error);
  copy = lb_estimator_clone (est);
  g_assert_false (lb_estimator_is_fitted (copy));
  g_assert_true (lb_estimator_load_state (copy, parsed, &error));
  g_assert_no_error (error);
  g_assert_true (lb_estimator_is_fitted (copy));
  return copy;
}

/* Both transforms of @X are bit-identical (NaN where NaN). */
static inline void
prep_assert_same_transform (LbEstimator *a,
                            LbEstimator *b,
                            LbMatrix    *X)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) ta = lb_estimator_transform (a, X, &error);
  g_autoptr (LbMatrix) tb = NULL;

  g_assert_no_error (error);
  tb = lb_estimator_transform (b, X, &error);
  g_assert_no_error (error);
  prep_assert_matrix (tb, lb_matrix_get_n_rows (ta), lb_matrix_get_n_cols (ta),
                      lb_matrix_get_const_data (ta), 0, 0, "round trip");
  for (guint j = 0; j < lb_matrix_get_n_cols (ta); j++)
    g_assert_cmpstr (lb_matrix_get_column_name (ta, j), ==, lb_matrix_get_column_name (tb, j));
}

/* A hostile state (every member replaced by a wrong kind, lists shortened)
 * must give LB_ENGINE_ERROR_FILE, never a crash. */
static inline void
prep_assert_bad_states_fail (LbEstimator *fitted)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) state = lb_estimator_save_state (fitted, &error);
  JsonObject *root;
  JsonNode *model;
  g_autoptr (GList) members = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  /* json_node_copy shares objects: spoil copies parsed from the text */
  text = json_to_string (state, FALSE);
  root = json_node_get_object (state);
  model = json_object_get_member (root, "model");
  g_assert_nonnull (model);
  members = json_object_get_members (json_node_get_object (model));
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;

      for (int variant = 0; variant < 3; variant++)
        {
          g_autoptr (JsonNode) bad = json_from_string (text, NULL);
          JsonObject *bad_model = json_node_get_object (json_object_get_member (json_node_get_object (bad), "model"));
          JsonNode *value = json_object_get_member (bad_model, member);
          g_autoptr (LbEstimator) copy = lb_estimator_clone (fitted);
          g_autoptr (GError) local = NULL;

          if (variant == 0)
            json_object_set_string_member (bad_model, member, "garbage");
          else if (variant == 1)
            json_object_remove_member (bad_model, member);
          else if (JSON_NODE_HOLDS_ARRAY (value) && json_array_get_length (json_node_get_array (value)) > 0)
            json_array_remove_element (json_node_get_array (value), 0);
          else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
            json_object_set_int_member (bad_model, member, json_node_get_int (value) + 7);
          else
            continue;
          if (lb_estimator_load_state (copy, bad, &local))
            g_error ("a state with member ‘%s’ spoiled (variant %d) loaded without an error", member, variant);
          g_assert_nonnull (local);
        }
    }
}
