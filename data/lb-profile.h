/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-profile.h: pandas-style profiling of an LbTable. Definitions follow
 * pandas 1.5.3 exactly: count = non-missing values; mean; std is the sample
 * standard deviation (ddof = 1); quartiles interpolate linearly between order
 * statistics at position (count - 1) * q; Pearson correlation is computed on
 * pairwise-complete rows.
 */
#pragma once

#include "lb-table.h"

G_BEGIN_DECLS

/* info(): one per column */
typedef struct
{
  char         *name;
  LbColumnKind  kind;
  gsize         non_null;
  gsize         memory;  /* bytes */
} LbColumnInfo;

/* describe() of a numeric column. All NaN when count == 0; std NaN when count < 2. */
typedef struct
{
  gsize  count;
  double mean;
  double std;
  double min;
  double q25;
  double q50;
  double q75;
  double max;
} LbNumericSummary;

/* value counts of a categorical (or text) column, sorted by count descending,
 * ties in order of first appearance (as pandas does). Missing values are not counted. */
typedef struct
{
  guint   n_values;
  char  **values;  /* n_values */
  gsize  *counts;  /* n_values */
} LbValueCounts;

void              lb_column_info_clear       (LbColumnInfo       *info);
GArray           *lb_table_info              (LbTable            *table);  /* of LbColumnInfo, with clear func */

gboolean          lb_column_describe         (LbColumn           *column,
                                              LbNumericSummary   *out);
/* Linear-interpolation quantile of the non-missing values (q in [0, 1]). */
double            lb_column_quantile         (LbColumn           *column,
                                              double              q);

LbValueCounts    *lb_column_value_counts     (LbColumn           *column);
void              lb_value_counts_free       (LbValueCounts      *counts);

/* Pearson correlation matrix (n x n, row-major, g_free) of the numeric columns
 * @columns (indices into @table). NaN where fewer than 2 complete pairs or zero variance. */
double           *lb_table_correlation       (LbTable            *table,
                                              const guint        *columns,
                                              guint               n_columns,
                                              GCancellable       *cancellable,
                                              GError            **error);

/* A seeded sample of min(@n, n_rows) distinct row indices, ascending (for plots). */
GArray           *lb_table_sample_rows       (LbTable            *table,
                                              gsize               n,
                                              guint64             seed);

/* The whole profile, as one job computes it. */
typedef struct _LbProfile LbProfile;
struct _LbProfile
{
  LbTable          *table;
  GArray           *info;       /* LbColumnInfo per column */
  LbNumericSummary *summaries;  /* per column; valid where kind == NUMERIC */
  LbValueCounts   **counts;     /* per column; non-NULL where kind != NUMERIC */
};

LbProfile        *lb_profile_compute         (LbTable            *table,
                                              GCancellable       *cancellable,
                                              GError            **error);
void              lb_profile_free            (LbProfile          *profile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbValueCounts, lb_value_counts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbProfile, lb_profile_free)

G_END_DECLS
