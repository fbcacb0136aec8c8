/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-prep-categories.c: the categories of one column for OneHotEncoder and
 * OrdinalEncoder — sklearn's categories='auto' (sorted distinct values seen
 * during fit, missing last) — matched by *name* for columns of category codes,
 * so a matrix whose category list differs at transform time still encodes right;
 * and the encoders' learned state (one list per column) as JSON.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-prep-private.h"

/* --- categories of one column --- */

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

void
lb_prep_categories_clear (LbPrepCategories *cats)
{
  g_clear_pointer (&cats->names, g_strfreev);
  g_clear_pointer (&cats->values, g_free);
  cats->n_values = 0;
  cats->has_missing = FALSE;
  cats->categorical = FALSE;
}

static gboolean
check_code (const LbMatrix *X,
            gsize           row,
            guint           col,
            double          v,
            guint           n_cats,
            GError        **error)
{
  if (v >= 0 && v < n_cats && v == floor (v))
    return TRUE;
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
               _("Column ‘%s’ holds categories, but row %zu has the code %g"),
               lb_matrix_get_column_name (X, col), row + 1, v);
  return FALSE;
}

gboolean
lb_prep_categories_fit (LbPrepCategories *cats,
                        const LbMatrix   *X,
                        guint             col,
                        GError          **error)
{
  const double *x = lb_matrix_get_const_data (X);
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  const char * const *names = lb_matrix_get_categories (X, col);

  lb_prep_categories_clear (cats);
  if (names != NULL)
    {
      guint n_cats = g_strv_length ((char **) names);
      g_autofree gboolean *seen = g_new0 (gboolean, MAX (n_cats, 1));
      GPtrArray *found = g_ptr_array_new ();

      cats->categorical = TRUE;
      for (gsize i = 0; i < n; i++)
        {
          double v = x[i * d + col];

          if (isnan (v))
            cats->has_missing = TRUE;
          else if (!check_code (X, i, col, v, n_cats, error))
            {
              g_ptr_array_free (found, TRUE);
              return FALSE;
            }
          else
            seen[(gsize) v] = TRUE;
        }
      for (guint c = 0; c < n_cats; c++)
        if (seen[c])
          g_ptr_array_add (found, g_strdup (names[c]));
      qsort (found->pdata, found->len, sizeof (char *), compare_strings);
      /* two codes with the same name (should not happen) count once */
      for (guint c = 1; c < found->len;)
        if (strcmp (found->pdata[c], found->pdata[c - 1]) == 0)
          g_ptr_array_remove_index (found, c);
        else
          c++;
      cats->n_values = found->len;
      g_ptr_array_add (found, NULL);
      cats->names = (char **) g_ptr_array_free (found, FALSE);
    }
  else
    {
      g_autofree double *v = g_new (double, MAX (n, 1));
      gsize m = 0, k = 0;

      for (gsize i = 0; i < n; i++)
        if (isnan (x[i * d + col]))
          cats->has_missing = TRUE;
        else
          v[m++] = x[i * d + col];
      qsort (v, m, sizeof (double), lb_prep_compare_doubles);
      for (gsize i = 0; i < m; i++)
        if (k == 0 || v[i] != v[k - 1])   /* -0 and 0 are one value, as in np.unique */
          v[k++] = v[i];
      if (k > G_MAXINT)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                       _("Column ‘%s’ has too many distinct values"),
                       lb_matrix_get_column_name (X, col));
          return FALSE;
        }
      cats->n_values = (guint) k;
      cats->values = g_renew (double, g_steal_pointer (&v), MAX (k, 1));
    }
  return TRUE;
}

gboolean
lb_prep_categories_encode (const LbPrepCategories *cats,
                           const LbMatrix         *X,
                           guint                   col,
                           int                    *codes,
                           GError                **error)
{
  const double *x = lb_matrix_get_const_data (X);
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  const char * const *names = lb_matrix_get_categories (X, col);

  if ((names != NULL) != cats->categorical)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   cats->categorical
                     ? _("Column ‘%s’ held categories during fit, but holds numbers now")
                     : _("Column ‘%s’ held numbers during fit, but holds categories now"),
                   lb_matrix_get_column_name (X, col));
      return FALSE;
    }
  if (cats->categorical)
    {
      guint n_cats = g_strv_length ((char **) names);
      g_autofree int *map = g_new (int, MAX (n_cats, 1));
      g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; k < cats->n_values; k++)
        g_hash_table_insert (index, cats->names[k], GUINT_TO_POINTER (k + 1));
      for (guint c = 0; c < n_cats; c++)
        map[c] = (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, names[c])) - 1;
      for (gsize i = 0; i < n; i++)
        {
          double v = x[i * d + col];

          if (isnan (v))
            codes[i] = (int) cats->n_values;
          else if (!check_code (X, i, col, v, n_cats, error))
            return FALSE;
          else
            codes[i] = map[(gsize) v];
        }
    }
  else
    for (gsize i = 0; i < n; i++)
      {
        double v = x[i * d + col];
        const double *hit;

        if (isnan (v))
          {
            codes[i] = (int) cats->n_values;
            continue;
          }
        hit = bsearch (&v, cats->values, cats->n_values, sizeof (double), lb_prep_compare_doubles);
        codes[i] = hit != NULL ? (int) (hit - cats->values) : -1;
      }
  return TRUE;
}

char *
lb_prep_categories_dup_name (const LbPrepCategories *cats,
                             guint                   k)
{
  g_return_val_if_fail (k <= cats->n_values, NULL);
  if (k == cats->n_values)
    return g_strdup ("nan");
  if (cats->categorical)
    return g_strdup (cats->names[k]);
  return lb_prep_format_double (cats->values[k]);
}

char *
lb_prep_dup_cell_text (const LbMatrix *X,
                       gsize           row,
                       guint           col)
{
  const char * const *names = lb_matrix_get_categories (X, col);
  double v = lb_matrix_get_const_data (X)[row * lb_matrix_get_n_cols (X) + col];

  if (names != NULL && v >= 0 && v < g_strv_length ((char **) names) && v == floor (v))
    return g_strdup (names[(gsize) v]);
  return lb_prep_format_double (v);
}

JsonNode *
lb_prep_categories_to_json (const LbPrepCategories *cats)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "kind", cats->categorical ? "categorical" : "numeric");
  if (cats->categorical)
    json_object_set_member (object, "categories",
                            lb_prep_strings_to_json ((const char * const *) cats->names, cats->n_values));
  else
    json_object_set_member (object, "categories", lb_prep_doubles_to_json (cats->values, cats->n_values));
  json_object_set_boolean_member (object, "has_missing", cats->has_missing);
  json_node_take_object (node, object);
  return node;
}

gboolean
lb_prep_categories_from_json (LbPrepCategories *cats,
                              JsonNode         *node,
                              GError          **error)
{
  JsonObject *object;
  JsonNode *member;
  const char *kind;

  lb_prep_categories_clear (cats);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  object = json_node_get_object (node);
  member = json_object_get_member (object, "kind");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member)
      || json_node_get_value_type (member) != G_TYPE_STRING)
    goto bad;
  kind = json_node_get_string (member);
  member = json_object_get_member (object, "has_missing");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member)
      || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
    goto bad;
  cats->has_missing = json_node_get_boolean (member);
  member = json_object_get_member (object, "categories");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member)
      || json_array_get_length (json_node_get_array (member)) > G_MAXINT)
    goto bad;

  if (strcmp (kind, "categorical") == 0)
    {
      gsize n = 0;

      cats->categorical = TRUE;
      cats->names = lb_prep_strings_from_json (object, "categories", G_MAXINT, FALSE, &n, error);
      if (cats->names == NULL)
        return FALSE;
      cats->n_values = (guint) n;
      return TRUE;
    }
  if (strcmp (kind, "numeric") == 0)
    {
      gsize n = json_array_get_length (json_node_get_array (member));

      cats->values = lb_prep_doubles_from_json (object, "categories", n, error);
      if (cats->values == NULL)
        return FALSE;
      cats->n_values = (guint) n;
      /* the lookup is a binary search: insist on sorted, distinct, not NaN */
      for (gsize k = 0; k < n; k++)
        if (isnan (cats->values[k]) || (k > 0 && !(cats->values[k - 1] < cats->values[k])))
          {
            lb_prep_categories_clear (cats);
            goto bad;
          }
      return TRUE;
    }

bad:
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
               _("The model state holds a malformed list of categories"));
  return FALSE;
}

char **
lb_prep_categories_dup_names (const LbPrepCategories *cats)
{
  guint k = cats->n_values + (cats->has_missing ? 1 : 0);
  char **names = g_new0 (char *, k + 1);

  for (guint c = 0; c < k; c++)
    names[c] = lb_prep_categories_dup_name (cats, c);
  return names;
}

/* --- the encoders' learned state --- */

void
lb_prep_categories_free_all (LbPrepCategories *cats,
                             guint             n)
{
  if (cats == NULL)
    return;
  for (guint j = 0; j < n; j++)
    lb_prep_categories_clear (&cats[j]);
  g_free (cats);
}

JsonNode *
lb_prep_categories_save (const LbPrepCategories *cats,
                         guint                   n)
{
  JsonObject *object = json_object_new ();
  JsonArray *features = json_array_new ();

  for (guint j = 0; j < n; j++)
    json_array_add_element (features, lb_prep_categories_to_json (&cats[j]));
  json_object_set_int_member (object, "n_features_in", n);
  json_object_set_array_member (object, "categories", features);
  return lb_prep_object_node (object);
}

LbPrepCategories *
lb_prep_categories_load (LbEstimator *self,
                         JsonNode    *state,
                         const char  *estimator,
                         guint       *n_out,
                         GError     **error)
{
  JsonObject *object = lb_prep_state_object (state, estimator, error);
  JsonNode *member;
  JsonArray *features;
  LbPrepCategories *cats;
  guint64 d;

  if (object == NULL || !lb_prep_n_features_from_json (self, object, &d, error))
    return NULL;
  member = json_object_get_member (object, "categories");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member)
      || json_array_get_length (json_node_get_array (member)) != d)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The model state's list ‘%s’ does not have one entry per feature"), "categories");
      return NULL;
    }
  features = json_node_get_array (member);
  cats = g_new0 (LbPrepCategories, MAX (d, 1));
  for (guint j = 0; j < d; j++)
    if (!lb_prep_categories_from_json (&cats[j], json_array_get_element (features, j), error))
      {
        lb_prep_categories_free_all (cats, (guint) d);
        return NULL;
      }
  *n_out = (guint) d;
  return cats;
}

JsonNode *
lb_prep_categories_describe (const LbPrepCategories *cats,
                             guint                   n)
{
  JsonObject *object = json_object_new ();
  JsonArray *all = json_array_new ();

  for (guint j = 0; j < n; j++)
    {
      g_auto (GStrv) names = lb_prep_categories_dup_names (&cats[j]);

      json_array_add_element (all, lb_prep_strings_to_json ((const char * const *) names,
                                                            g_strv_length (names)));
    }
  json_object_set_array_member (object, "categories_", all);
  return lb_prep_object_node (object);
}
