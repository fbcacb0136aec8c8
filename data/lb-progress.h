/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-progress.h: how long operations of data/ report progress. The callback
 * runs on the thread doing the work (a job runner thread), so it must only
 * queue the event (engine/lb-job.c does that); it must not touch the UI.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @fraction: 0..1, or a negative value when unknown. @message may be NULL. */
typedef void (*LbProgressFunc) (double      fraction,
                                const char *message,
                                gpointer    user_data);

G_END_DECLS
