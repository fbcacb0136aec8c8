/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cli-private.h: what the CLI sub-commands share: argument copying for
 * GOptionContext, and the two ways a command fails (usage: exit 2; a run-time
 * error: one sentence on stderr, exit 1).
 */
#pragma once

#include <glib.h>

#include "lb-text-grid.h"

G_BEGIN_DECLS

/* A NULL-terminated copy of argv for g_option_context_parse_strv (); sets the
 * program name to "learnbench @command" so --help reads right. */
GStrv  lb_cli_args_dup      (int             argc,
                             char          **argv,
                             const char     *command);
/* Prints @message and a hint to --help on stderr; returns 2. */
int    lb_cli_usage_error   (GOptionContext *context,
                             const char     *message);
/* Prints @error's message on stderr; returns 1. */
int    lb_cli_failure       (const GError   *error);
/* Peak resident memory of this process in bytes (VmHWM), 0 when unknown. */
guint64 lb_cli_peak_rss     (void);
/* Current resident memory in bytes (VmRSS), 0 when unknown. */
guint64 lb_cli_current_rss  (void);

/* JSON output: a quoted, escaped UTF-8 string; a double in "%.17g" (exact
 * round trip), null for NaN and infinities (JSON has neither). */
void   lb_cli_json_append_string (GString    *out,
                                  const char *s);
void   lb_cli_json_append_double (GString    *out,
                                  double      value);

/* `learnbench bench fit PROJECT` (lb-cli-bench-fit.c). */
int    lb_cli_bench_fit          (int          argc,
                                  char       **argv);

G_END_DECLS
