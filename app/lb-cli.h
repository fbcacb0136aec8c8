/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cli.h: the headless sub-commands of the `learnbench` binary. Each takes
 * the arguments after its name (argv[0] = the sub-command) and returns the
 * process exit status (0 ok, 1 failure with a message on stderr, 2 usage).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int lb_cli_describe (int argc, char **argv);
int lb_cli_plot     (int argc, char **argv);
int lb_cli_bench    (int argc, char **argv);
int lb_cli_run      (int argc, char **argv);
int lb_cli_predict  (int argc, char **argv);

G_END_DECLS
