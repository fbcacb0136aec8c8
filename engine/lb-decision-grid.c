/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-decision-grid.c: a fitted two-feature classifier evaluated over a grid
 * spanning its data plus a margin — the predicted class per cell and, for a
 * binary model with a decision function, its value — in blocks of rows so a
 * cancel is seen within one block. What the decision regions chart draws.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-decision-grid.h"
#include "lb-engine-error.h"

#define DEFAULT_RESOLUTION 200
#define MAX_RESOLUTION     2000
#define ROWS_PER_BLOCK     8

LbDecisionGrid *
lb_decision_grid_ref (LbDecisionGrid *grid)
{
  g_return_val_if_fail (grid != NULL, NULL);
  g_atomic_ref_count_inc (&grid->ref_count);
  return grid;
}

void
lb_decision_grid_unref (LbDecisionGrid *grid)
{
  g_return_if_fail (grid != NULL);
  if (!g_atomic_ref_count_dec (&grid->ref_count))
    return;
  g_strfreev (grid->class_names);
  g_free (grid->classes);
  g_free (grid->decision);
  g_free (grid);
}

static gboolean
axis_range (const double *v,
            gsize         n,
            double        margin,
            double        given_min,
            double        given_max,
            double       *lo,
            double       *hi)
{
  if (given_min != given_max)
    {
      if (!(given_min < given_max) || !isfinite (given_min) || !isfinite (given_max))
        return FALSE;
      *lo = given_min;
      *hi = given_max;
      return TRUE;
    }
  *lo = INFINITY;
  *hi = -INFINITY;
  for (gsize i = 0; i < n; i++)
    if (isfinite (v[i]))
      {
        *lo = MIN (*lo, v[i]);
        *hi = MAX (*hi, v[i]);
      }
  if (!(*lo <= *hi) || !isfinite (*hi - *lo))
    return FALSE;
  {
    double span = *hi - *lo;
    if (span == 0)
      span = MAX (fabs (*lo), 1.0);
    *lo -= span * margin;
    *hi += span * margin;
  }
  return TRUE;
}

LbDecisionGrid *
lb_decision_grid_compute (LbEstimator                  *fitted,
                          const double                 *x,
                          const double                 *y,
                          gsize                         n,
                          const LbDecisionGridOptions  *options,
                          GCancellable                 *cancellable,
                          GError                      **error)
{
  LbDecisionGridOptions opt = { 0 };
  g_autoptr (LbDecisionGrid) grid = NULL;
  const char * const *classes;
  const char * const *names;
  gboolean want_decision;
  double x0, x1, y0, y1;
  guint res;

  g_return_val_if_fail (LB_IS_ESTIMATOR (fitted), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options != NULL)
    opt = *options;
  res = opt.resolution > 0 ? opt.resolution : DEFAULT_RESOLUTION;
  if (res < 2 || res > MAX_RESOLUTION || opt.margin < 0 || !isfinite (opt.margin))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("A decision grid needs 2 to %d cells per axis and a margin of 0 or more"), MAX_RESOLUTION);
      return NULL;
    }
  if (!lb_estimator_is_classifier (fitted))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("%s is not a classifier: decision regions need one"), lb_estimator_get_name (fitted));
      return NULL;
    }
  if (!lb_estimator_is_fitted (fitted))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                   _("%s is not fitted yet"), lb_estimator_get_name (fitted));
      return NULL;
    }
  if (lb_estimator_get_n_features_in (fitted) != 2)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("Decision regions need a model of exactly 2 features; this one takes %u"),
                   lb_estimator_get_n_features_in (fitted));
      return NULL;
    }
  if (n == 0 && (opt.x_min == opt.x_max || opt.y_min == opt.y_max))
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                           _("Decision regions need points or given ranges"));
      return NULL;
    }
  if (!axis_range (x, n, opt.margin > 0 ? opt.margin : 0.1, opt.x_min, opt.x_max, &x0, &x1)
      || !axis_range (y, n, opt.margin > 0 ? opt.margin : 0.1, opt.y_min, opt.y_max, &y0, &y1))
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                           _("The two features have no finite range to span"));
      return NULL;
    }

  grid = g_new0 (LbDecisionGrid, 1);
  g_atomic_ref_count_init (&grid->ref_count);
  grid->nx = grid->ny = res;
  grid->x0 = x0;
  grid->x1 = x1;
  grid->y0 = y0;
  grid->y1 = y1;
  grid->n_classes = lb_estimator_get_n_classes (fitted);
  grid->class_names = g_new0 (char *, grid->n_classes + 1);
  classes = lb_estimator_get_classes (fitted);
  for (guint c = 0; c < grid->n_classes; c++)
    grid->class_names[c] = g_strdup (classes != NULL && classes[c] != NULL ? classes[c] : "?");
  grid->classes = g_new0 (guint, (gsize) res * res);
  want_decision = grid->n_classes == 2 && LB_ESTIMATOR_GET_CLASS (fitted)->decision_function != NULL;
  if (want_decision)
    grid->decision = g_new0 (double, (gsize) res * res);
  names = lb_estimator_get_feature_names_in (fitted);

  for (guint j0 = 0; j0 < res; j0 += ROWS_PER_BLOCK)
    {
      guint rows = MIN (ROWS_PER_BLOCK, res - j0);
      g_autoptr (LbMatrix) X = lb_matrix_new ((gsize) rows * res, 2);
      g_autoptr (LbMatrix) pred = NULL;
      double *d = lb_matrix_get_data (X);
      const double *p;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      for (guint r = 0; r < rows; r++)
        for (guint i = 0; i < res; i++)
          {
            gsize k = (gsize) r * res + i;
            d[k * 2] = x0 + (x1 - x0) * i / (res - 1);
            d[k * 2 + 1] = y0 + (y1 - y0) * (j0 + r) / (res - 1);
          }
      if (names != NULL)
        lb_matrix_set_column_names (X, names);
      pred = lb_estimator_predict (fitted, X, error);
      if (pred == NULL)
        return NULL;
      p = lb_matrix_get_const_data (pred);
      for (gsize k = 0; k < (gsize) rows * res; k++)
        {
          double c = p[k];
          grid->classes[(gsize) j0 * res + k] = isfinite (c) && c >= 0 && c < grid->n_classes ? (guint) c : 0;
        }
      if (want_decision)
        {
          g_autoptr (LbMatrix) dec = lb_estimator_decision_function (fitted, X, error);
          if (dec == NULL)
            return NULL;
          if (lb_matrix_get_n_cols (dec) != 1)
            {
              g_clear_pointer (&grid->decision, g_free);
              want_decision = FALSE;
              continue;
            }
          memcpy (grid->decision + (gsize) j0 * res, lb_matrix_get_const_data (dec),
                  (gsize) rows * res * sizeof (double));
        }
    }
  return g_steal_pointer (&grid);
}
