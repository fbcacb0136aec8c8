/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-table-sort.h: the row order of a table sorted by one column, as pandas'
 * sort_values(kind="stable", na_position="last") gives it: equal values keep
 * their order, missing values go last in both directions. Numbers compare by
 * value, categories and text by their strings (byte order). Runs as a job.
 */
#pragma once

#include "lb-engine.h"

G_BEGIN_DECLS

/* The order (n_rows guint row indices, transfer full); NULL with @error set
 * when cancelled. Call on any thread. */
GArray *lb_table_sort_rows        (LbTable              *table,
                                   guint                 column,
                                   gboolean              descending,
                                   GCancellable         *cancellable,
                                   GError              **error);

LbJob  *lb_table_sort_rows_async  (LbTable              *table,
                                   guint                 column,
                                   gboolean              descending,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
GArray *lb_table_sort_rows_finish (GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
