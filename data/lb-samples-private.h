/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-samples-private.h: data embedded for the built-in samples
 * (lb-samples.c): the iris CSV text (lb-iris-data.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

extern const char lb_iris_csv[];

G_END_DECLS
