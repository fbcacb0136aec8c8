/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-data-error.c: the GError domain of data/ ("lb-data-error-quark"). The
 * codes are listed in lb-data-error.h; the messages are built where they fail.
 */
#include "config.h"

#include "lb-data-error.h"

G_DEFINE_QUARK (lb-data-error-quark, lb_data_error)
