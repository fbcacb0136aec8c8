/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-decision-grid.h: a fitted classifier's predictions over a grid of two
 * features (their range plus a margin): the class of every cell and, for a
 * binary model with a decision function, its value there. What the decision
 * regions chart (plots/) draws: Figures 5-4, 5-7, 5-9 of the book.
 */
#pragma once

#include <gio/gio.h>

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef struct _LbDecisionGrid LbDecisionGrid;

struct _LbDecisionGrid
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  guint    nx, ny;        /* cells along feature 1 (x) and feature 2 (y), >= 2 */
  double   x0, x1;        /* x of the first and last column of cell centres */
  double   y0, y1;        /* y of the first and last row of cell centres */
  guint    n_classes;
  char   **class_names;   /* n_classes names, NULL-terminated (the classifier's classes) */
  guint   *classes;       /* ny * nx predicted class codes, row j (y) major: [j * nx + i] */
  double  *decision;      /* NULL, or ny * nx decision_function values (binary models
                           * that have one: > 0 means class 1) */
};

typedef struct
{
  guint  resolution;      /* cells per axis; 0 = 200 */
  double margin;          /* fraction of the data's span added on each side; 0 = 0.1 */
  double x_min, x_max;    /* x_min == x_max (e.g. both 0): from the data and the margin */
  double y_min, y_max;    /* idem */
} LbDecisionGridOptions;

/* Predicts with @fitted (a fitted classifier taking exactly 2 features) over
 * the grid spanning the finite values of @x and @y (n >= 1) plus the margin,
 * in row blocks so @cancellable is checked often. Fails on an unfitted model,
 * a regressor, n_features_in != 2, a cancel (G_IO_ERROR_CANCELLED) or a failed
 * predict. @options may be NULL. */
LbDecisionGrid *lb_decision_grid_compute (LbEstimator                  *fitted,
                                          const double                 *x,
                                          const double                 *y,
                                          gsize                         n,
                                          const LbDecisionGridOptions  *options,
                                          GCancellable                 *cancellable,
                                          GError                      **error);

LbDecisionGrid *lb_decision_grid_ref   (LbDecisionGrid *grid);
void            lb_decision_grid_unref (LbDecisionGrid *grid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbDecisionGrid, lb_decision_grid_unref)

G_END_DECLS
