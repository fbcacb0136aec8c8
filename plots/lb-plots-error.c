/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-plots-error.c: the GError domain of the plots/ layer (no data to draw,
 * an invalid request, an export that cannot be written).
 */
#include "config.h"

#include "lb-chart.h"

G_DEFINE_QUARK (lb-plots-error-quark, lb_plots_error)
