/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-engine-error.c: the GError domain of engine/ ("lb-engine-error-quark").
 * The codes are listed in lb-engine-error.h; messages are built where things
 * fail, naming the parameter or the column.
 */
#include "config.h"

#include "lb-engine-error.h"

G_DEFINE_QUARK (lb-engine-error-quark, lb_engine_error)
