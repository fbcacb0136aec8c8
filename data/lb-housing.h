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
/* Downloads (GIO, https) when not cached, verifies, unpacks, loads. */
LbTable *lb_housing_fetch      (LbProgressFunc   progress,
                                gpointer         progress_data,
                                GCancellable    *cancellable,
                                GError         **error);

G_END_DECLS
