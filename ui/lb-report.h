/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-report.h: the Present page's report — a snapshot of the workbench
 * (framing, data, test set and seal log, pipeline, shortlist, search, final
 * evaluation) as sections of paragraphs, tables, numbers and charts, written
 * as one self-contained HTML file (PNG data URIs, inline styles) or a paged
 * PDF. The snapshot is taken on the main thread (cheap: JSON copies and chart
 * descriptions); the writing (describe(), rendering the plots) may run in a
 * job.
 */
#pragma once

#include "lb-workbench.h"

G_BEGIN_DECLS

typedef struct _LbReport LbReport;

typedef enum
{
  LB_REPORT_TEXT,     /* a paragraph */
  LB_REPORT_NUMBER,   /* "label: value", with an id (HTML data-value) */
  LB_REPORT_TABLE,    /* rows of cells, the first row the header */
  LB_REPORT_CHART,    /* a plot */
} LbReportBlockKind;

/* Main thread. */
LbReport    *lb_report_new            (LbWorkbench  *workbench);
void         lb_report_free           (LbReport     *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbReport, lb_report_free)

/* Fills in what takes time (the training set's describe()). Any thread;
 * the writers call it when it was not. */
gboolean     lb_report_compute        (LbReport     *report,
                                       GCancellable *cancellable,
                                       GError      **error);

/* The sections' titles (NULL-terminated, owned). */
char       **lb_report_dup_sections   (LbReport     *report);
guint        lb_report_get_n_sections (LbReport     *report);
const char  *lb_report_get_section    (LbReport     *report,
                                       guint         section);
guint        lb_report_get_n_blocks   (LbReport     *report,
                                       guint         section);
/* A block: its kind, and the text (a paragraph; a number's "label: value";
 * a table as tab-separated lines; a chart's title). */
LbReportBlockKind lb_report_get_block (LbReport     *report,
                                       guint         section,
                                       guint         block,
                                       const char  **text);
/* The number with @id ("test-score", "best-score", "rmse-low", "rmse-high",
 * "cv-mean-MODEL"), NaN when the report has none. */
double       lb_report_get_number     (LbReport     *report,
                                       const char   *id);
guint        lb_report_get_n_charts   (LbReport     *report);

gboolean     lb_report_write_html     (LbReport     *report,
                                       const char   *path,
                                       GCancellable *cancellable,
                                       GError      **error);
gboolean     lb_report_write_pdf      (LbReport     *report,
                                       const char   *path,
                                       GCancellable *cancellable,
                                       GError      **error);

G_END_DECLS
