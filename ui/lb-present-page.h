/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-present-page.h: the checklist's "Present" step. A preview of the report
 * (its sections and numbers) built from the workbench — the framing, the
 * data, the test set and its seal log, the pipeline, the shortlist, the
 * search and the final evaluation — and its export as one self-contained
 * HTML file (plots embedded as PNG data URIs, styles inline) or a paged PDF.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-workbench.h"

G_BEGIN_DECLS

#define LB_TYPE_PRESENT_PAGE (lb_present_page_get_type ())
G_DECLARE_FINAL_TYPE (LbPresentPage, lb_present_page, LB, PRESENT_PAGE, GtkWidget)

/* Signals:
 *   "job-started" (LbJob *job): an export started (for the window's job bar).
 *   "export-done" (gboolean success): the export the Save button started ended. */
GtkWidget   *lb_present_page_new          (LbWorkbench   *workbench);

/* Writes the report synchronously (the plots are rendered on this thread):
 * for tests and the end-to-end test. */
gboolean     lb_present_page_export_html  (LbPresentPage *self,
                                           const char    *path,
                                           GError       **error);
gboolean     lb_present_page_export_pdf   (LbPresentPage *self,
                                           const char    *path,
                                           GError       **error);
/* The same as a job (what Save report… does): "export-done" tells the end. */
void         lb_present_page_export_async (LbPresentPage *self,
                                           const char    *path);
/* The preview's section titles in order (NULL-terminated, owned). */
char       **lb_present_page_dup_sections (LbPresentPage *self);
/* The banner's message (an export that failed), or NULL. */
const char  *lb_present_page_get_error    (LbPresentPage *self);

G_END_DECLS
