/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-loader.h: open any data file the user gives us by its content/extension:
 * .csv .tsv .txt (and .gz of those), IDX (.idx*-ubyte[.gz]), and the built-in
 * samples ("sample:moons" …). This is what the UI and the CLI call.
 */
#pragma once

#include "lb-csv-reader.h"

G_BEGIN_DECLS

LbTable *lb_load_table (const char      *path,
                        LbProgressFunc   progress,
                        gpointer         progress_data,
                        GCancellable    *cancellable,
                        GError         **error);

G_END_DECLS
