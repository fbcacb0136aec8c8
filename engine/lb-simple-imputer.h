/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-simple-imputer.h: LbSimpleImputer, scikit-learn's SimpleImputer: fills
 * the missing values (NaN) of each column with a statistic learned from the
 * training rows — the mean, the median (as numpy: the mean of the two middle
 * values for an even count), the most frequent value (the smallest on a tie)
 * or a constant. Columns of categories take most_frequent or constant.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_IMPUTER_STRATEGY_MEAN,
  LB_IMPUTER_STRATEGY_MEDIAN,
  LB_IMPUTER_STRATEGY_MOST_FREQUENT,
  LB_IMPUTER_STRATEGY_CONSTANT,
} LbImputerStrategy;

#define LB_TYPE_IMPUTER_STRATEGY (lb_imputer_strategy_get_type ())
GType lb_imputer_strategy_get_type (void) G_GNUC_CONST;

#define LB_TYPE_SIMPLE_IMPUTER (lb_simple_imputer_get_type ())
G_DECLARE_FINAL_TYPE (LbSimpleImputer, lb_simple_imputer, LB, SIMPLE_IMPUTER, LbEstimator)

LbEstimator  *lb_simple_imputer_new            (LbImputerStrategy strategy);

/* After fit: one value per input feature (sklearn's statistics_): NaN for a
 * feature with no value at all, and for a column of categories (whose
 * statistic is a category name: lb_simple_imputer_get_statistic_name). */
const double *lb_simple_imputer_get_statistics (LbSimpleImputer *self);
const char   *lb_simple_imputer_get_statistic_name (LbSimpleImputer *self,
                                                guint            feature);

G_END_DECLS
