/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-frame-page.h: the checklist's "Frame the problem" step: the project's
 * name, the target (what to predict), the task detected from it (and
 * changeable), the performance measure offered for that task, the positive
 * class of a binary task, and free notes — all kept in the LbWorkbench and
 * saved with the project.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-workbench.h"

G_BEGIN_DECLS

#define LB_TYPE_FRAME_PAGE (lb_frame_page_get_type ())
G_DECLARE_FINAL_TYPE (LbFramePage, lb_frame_page, LB, FRAME_PAGE, GtkWidget)

GtkWidget   *lb_frame_page_new              (LbWorkbench *workbench);

/* --- for tests: what the widgets show, and choosing as a user would --- */
/* Selects @column in the target dropdown; FALSE when it is not offered. */
gboolean     lb_frame_page_choose_target    (LbFramePage *self,
                                             const char  *column);
gboolean     lb_frame_page_choose_task      (LbFramePage *self,
                                             LbTask       task);
/* Selects a scorer by name in the measure dropdown; FALSE when not offered. */
gboolean     lb_frame_page_choose_scoring   (LbFramePage *self,
                                             const char  *scoring);
/* The scorer names the measure dropdown offers now (NULL-terminated, transfer full). */
GStrv        lb_frame_page_dup_scorings     (LbFramePage *self);
/* Whether the positive-class row is shown, and its choices. */
gboolean     lb_frame_page_get_positive_visible (LbFramePage *self);
gboolean     lb_frame_page_choose_positive_class (LbFramePage *self,
                                                  const char  *value);
/* Replaces the notes' text as typing would. */
void         lb_frame_page_set_notes_text   (LbFramePage *self,
                                             const char  *text);
/* The "detected: …" line under the task. */
const char  *lb_frame_page_get_detected_text (LbFramePage *self);

G_END_DECLS
