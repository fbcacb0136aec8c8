/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-job-bar.h: the strip at the bottom of the window that shows the running
 * LbJob: its title and message, a progress bar, elapsed time and an ETA, and a
 * Cancel button. Cancel emits "cancel-requested" at once (so the owner can
 * drop the job's result and free the UI) and cancels the job.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-engine.h"

G_BEGIN_DECLS

#define LB_TYPE_JOB_BAR (lb_job_bar_get_type ())
G_DECLARE_FINAL_TYPE (LbJobBar, lb_job_bar, LB, JOB_BAR, GtkWidget)

GtkWidget *lb_job_bar_new     (void);
/* Shows @job (NULL hides the bar). The bar follows its progress until
 * lb_job_bar_set_job() is called again. */
void       lb_job_bar_set_job (LbJobBar *self,
                               LbJob    *job);
LbJob     *lb_job_bar_get_job (LbJobBar *self);
/* What a click on Cancel does (for tests and the Escape shortcut). */
void       lb_job_bar_cancel  (LbJobBar *self);
/* A short note shown for a few seconds when no job runs ("Loading cancelled"). */
void       lb_job_bar_flash   (LbJobBar   *self,
                               const char *message);
/* Whether the bar is (being) shown; a job is shown only once it has run for
 * 150 ms, so quick jobs do not make the window flicker. */
gboolean   lb_job_bar_get_revealed (LbJobBar *self);
/* The text of the progress line, for tests. */
const char *lb_job_bar_get_text (LbJobBar *self);

G_END_DECLS
