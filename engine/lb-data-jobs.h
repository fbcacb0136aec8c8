/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-data-jobs.h: loading and profiling a table as LbJobs, for the UI and the
 * CLI. Each _async returns the job (transfer full) so the caller can bind its
 * "fraction"/"message" properties, connect to "progress" and cancel it; the
 * job keeps itself alive until the callback has run, so dropping the returned
 * ref at once is fine. @callback runs on the caller's thread-default context
 * with source_object NULL; pass a weak ref (not the owner itself) as user data
 * when the owner may go away first.
 */
#pragma once

#include "lb-data.h"
#include "lb-job.h"

G_BEGIN_DECLS

/* lb_load_table () (a file path or "sample:NAME") on the job runner. */
LbJob     *lb_load_table_async   (const char           *path,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
/* transfer full; NULL with @error set (G_IO_ERROR_CANCELLED when cancelled). */
LbTable   *lb_load_table_finish  (GAsyncResult         *result,
                                  GError              **error);

/* lb_profile_compute () of @table (a ref is taken) on the job runner. */
LbJob     *lb_profile_async      (LbTable              *table,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
/* transfer full (lb_profile_free) */
LbProfile *lb_profile_finish     (GAsyncResult         *result,
                                  GError              **error);

G_END_DECLS
