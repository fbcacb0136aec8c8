/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-application.h: LbApplication, the GtkApplication of the workbench
 * (org.learnbench.Learnbench). It opens files given on the command line,
 * `--sample NAME` opens a built-in sample, and it owns the app-wide actions
 * (open, about, quit) and their shortcuts.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LB_TYPE_APPLICATION (lb_application_get_type ())
G_DECLARE_FINAL_TYPE (LbApplication, lb_application, LB, APPLICATION, GtkApplication)

LbApplication *lb_application_new (void);

G_END_DECLS
