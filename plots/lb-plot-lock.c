/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-plot-lock.c: the one global PLplot lock. PLplot keeps a global current
 * stream and is not thread-safe, so every render holds this mutex from
 * plinit() to plend1(); charts may then be drawn from any thread.
 */
#include "config.h"

#include "lb-chart-private.h"

static GMutex plot_mutex;

void
lb_plot_lock (void)
{
  g_mutex_lock (&plot_mutex);
}

void
lb_plot_unlock (void)
{
  g_mutex_unlock (&plot_mutex);
}
