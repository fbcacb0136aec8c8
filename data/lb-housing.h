/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-housing.h: California housing on request, as scikit-learn's fetchers do:
 * download the book's housing.tgz into the user's cache dir, verify its
 * SHA-256, unpack housing.csv, load it. Nothing is downloaded unless asked.
 */
#pragma once

#include "lb-progress.h"
#include "lb-table.h"

G_BEGIN_DECLS

#define LB_HOUSING_URL "https://raw.githubusercontent.com/ageron/handson-ml2/master/datasets/housing/housing.tgz"

/* $XDG_CACHE_HOME/learnbench/housing/housing.csv */
char    *lb_housing_cache_path (void);
/* TRUE when housing.csv is in the cache (lb_sample_load can open it). */
gboolean lb_housing_is_cached  (void);
/* The address lb_housing_fetch uses: $LEARNBENCH_HOUSING_URL when set (tests
 * point it at a file:// tarball), else LB_HOUSING_URL. */
const char *lb_housing_url     (void);
/* Downloads (curl, else wget, as a subprocess that cancelling kills) when not
 * cached, unpacks housing.csv, verifies its SHA-256 (LB_DATA_ERROR_CHECKSUM
 * and nothing kept when it differs), loads. Runs a private main context: call
 * it from a worker thread. */
LbTable *lb_housing_fetch      (LbProgressFunc   progress,
                                gpointer         progress_data,
                                GCancellable    *cancellable,
                                GError         **error);
/* The same from another address (https, http or file). */
LbTable *lb_housing_fetch_url  (const char      *url,
                                LbProgressFunc   progress,
                                gpointer         progress_data,
                                GCancellable    *cancellable,
                                GError         **error);

G_END_DECLS
