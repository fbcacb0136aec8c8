/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-estimator-classes.c: a classifier's classes. At fit they are learned
 * from y (its category names, or its distinct values as shortest-exact text)
 * and y is re-encoded as codes 0..k-1 of them; for scoring, any y is mapped
 * onto a fitted classifier's classes by name.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-estimator.h"
#include "lb-estimator-private.h"

char *
lb_estimator_format_label (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0.0)
    value = 0.0;  /* no "-0" class */
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

LbMatrix *
lb_estimator_encode_classes (LbEstimator *self,
                LbMatrix    *y,
                GError     **error)
{
  const double *v = lb_matrix_get_const_data (y);
  gsize n = lb_matrix_get_n_rows (y);
  const char * const *categories = lb_matrix_get_categories (y, 0);
  g_autoptr(LbMatrix) codes = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  double *out;

  codes = lb_matrix_try_new (n, 1, error);
  if (codes == NULL)
    return NULL;
  out = lb_matrix_get_data (codes);

  if (categories != NULL)
    {
      guint n_cat = g_strv_length ((char **) categories);
      g_autofree int *map = g_new (int, MAX (n_cat, 1));

      for (guint c = 0; c < n_cat; c++)
        map[c] = -1;
      for (gsize i = 0; i < n; i++)
        {
          if (v[i] != floor (v[i]) || v[i] < 0 || v[i] >= n_cat)
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                           _("y has an invalid category code %g in row %zu"),
                           v[i], i + 1);
              return NULL;
            }
          map[(gsize) v[i]] = 0;
        }
      for (guint c = 0; c < n_cat; c++)
        if (map[c] == 0)
          {
            map[c] = names->len;
            g_ptr_array_add (names, g_strdup (categories[c]));
          }
      for (gsize i = 0; i < n; i++)
        out[i] = map[(gsize) v[i]];
    }
  else
    {
      g_autofree double *sorted = g_memdup2 (v, MAX (n, 1) * sizeof (double));
      g_autofree double *distinct = NULL;
      gsize n_distinct = 0;

      qsort (sorted, n, sizeof (double), compare_doubles);
      distinct = g_new (double, MAX (n, 1));
      for (gsize i = 0; i < n; i++)
        if (n_distinct == 0 || sorted[i] != distinct[n_distinct - 1])
          distinct[n_distinct++] = sorted[i];
      for (gsize c = 0; c < n_distinct; c++)
        g_ptr_array_add (names, lb_estimator_format_label (distinct[c]));
      for (gsize i = 0; i < n; i++)
        {
          double *hit = bsearch (&v[i], distinct, n_distinct, sizeof (double), compare_doubles);

          g_assert (hit != NULL);
          out[i] = (double) (hit - distinct);
        }
    }

  if (names->len < 2)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("y has only one class (‘%s’): a classifier needs at least two"),
                   names->len > 0 ? (const char *) names->pdata[0] : "");
      return NULL;
    }
  g_ptr_array_add (names, NULL);
  lb_estimator_set_classes (self, (const char * const *) names->pdata, names->len - 1);
  lb_matrix_set_categories (codes, 0, (const char * const *) names->pdata);
  {
    const char *yname[2] = { lb_matrix_get_column_name (y, 0), NULL };

    lb_matrix_set_column_names (codes, yname);
  }
  return g_steal_pointer (&codes);
}

LbMatrix *
lb_estimator_encode_y (LbEstimator *self,
                       LbMatrix    *y,
                       GError     **error)
{
  const char * const *classes;
  guint n_classes;
  const char * const *categories;
  const double *v;
  g_autoptr(LbMatrix) out = NULL;
  g_autoptr(GHashTable) index = NULL;
  gsize n;

  g_return_val_if_fail (LB_IS_ESTIMATOR (self), NULL);
  g_return_val_if_fail (y != NULL, NULL);
  classes = lb_estimator_get_classes (self);
  n_classes = lb_estimator_get_n_classes (self);
  if (classes == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                   _("This %s has no classes: it is not a fitted classifier"),
                   lb_estimator_get_name (self));
      return NULL;
    }
  if (lb_matrix_get_n_cols (y) != 1)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("y must be a single column (it has %zu)"),
                   lb_matrix_get_n_cols (y));
      return NULL;
    }

  index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < n_classes; k++)
    g_hash_table_insert (index, (gpointer) classes[k], GUINT_TO_POINTER (k + 1));

  n = lb_matrix_get_n_rows (y);
  out = lb_matrix_try_new (n, 1, error);
  if (out == NULL)
    return NULL;
  v = lb_matrix_get_const_data (y);
  categories = lb_matrix_get_categories (y, 0);
  {
    guint n_cat = categories != NULL ? g_strv_length ((char **) categories) : 0;
    double *o = lb_matrix_get_data (out);

    for (gsize i = 0; i < n; i++)
      {
        gpointer hit = NULL;

        if (isnan (v[i]))
          hit = NULL;
        else if (categories != NULL)
          {
            if (v[i] >= 0 && v[i] < n_cat && v[i] == floor (v[i]))
              hit = g_hash_table_lookup (index, categories[(gsize) v[i]]);
          }
        else
          {
            g_autofree char *label = lb_estimator_format_label (v[i]);

            hit = g_hash_table_lookup (index, label);
          }
        o[i] = hit != NULL ? (double) (GPOINTER_TO_UINT (hit) - 1) : NAN;
      }
  }
  lb_matrix_set_categories (out, 0, classes);
  return g_steal_pointer (&out);
}
