/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-prepare-page.h: the checklist's "Prepare the data" step: a pipeline
 * builder on the workbench's "pipeline" (column groups → steps, remainder),
 * each step's parameters in an LbParamForm, a diagram of the pipeline, and a
 * live preview of the prepared training matrix (first rows, column names,
 * shape) computed as a job with the same engine code `learnbench run` uses.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-param-form.h"
#include "lb-workbench.h"

G_BEGIN_DECLS

#define LB_TYPE_PREPARE_PAGE (lb_prepare_page_get_type ())
G_DECLARE_FINAL_TYPE (LbPreparePage, lb_prepare_page, LB, PREPARE_PAGE, GtkWidget)

/* Signals:
 *   "preview-done" (gboolean success): a preview job ended (FALSE: failed,
 *     cancelled or stale; the banner says why when it failed). */
GtkWidget   *lb_prepare_page_new                  (LbWorkbench   *workbench);

/* --- hooks for tests and the end-to-end test --- */
/* The book's preparation: numeric → SimpleImputer(median) → StandardScaler
 * (with @combined: first an ExpressionTransformer adding rooms_per_house,
 * bedrooms_ratio and people_per_house when those columns exist),
 * categorical → OneHotEncoder(handle_unknown=ignore); the target and the
 * dropped columns excluded. Stored in the workbench (starts a preview). */
void         lb_prepare_page_use_default_pipeline (LbPreparePage *self,
                                                   gboolean       combined);
/* The pipeline as shown (transfer none; NULL: none yet). */
JsonObject  *lb_prepare_page_get_pipeline         (LbPreparePage *self);
guint        lb_prepare_page_get_n_groups         (LbPreparePage *self);
guint        lb_prepare_page_get_n_steps          (LbPreparePage *self,
                                                   guint          group);
/* Appends a group named @name (made unique) selecting either every column of
 * @kind ("numeric" / "categorical") or, with @kind NULL, @columns; it has no
 * step yet. Returns its index. */
guint        lb_prepare_page_add_group            (LbPreparePage *self,
                                                   const char    *name,
                                                   const char    *kind,
                                                   const char * const *columns);
/* Appends a step of @estimator (a registered transformer) to @group; FALSE
 * with @error when unknown or not a transformer. */
gboolean     lb_prepare_page_add_step             (LbPreparePage *self,
                                                   guint          group,
                                                   const char    *estimator,
                                                   GError       **error);
void         lb_prepare_page_remove_step          (LbPreparePage *self,
                                                   guint          group,
                                                   guint          step);
/* Moves a step up (@delta -1) or down (+1) within its group. */
void         lb_prepare_page_move_step            (LbPreparePage *self,
                                                   guint          group,
                                                   guint          step,
                                                   int            delta);
/* Selects a step: its form is shown (and returned; transfer none). */
LbParamForm *lb_prepare_page_select_step          (LbPreparePage *self,
                                                   guint          group,
                                                   guint          step);
/* The transformers offered in "Add a step" (NULL-terminated; transfer full). */
char       **lb_prepare_page_dup_transformers     (LbPreparePage *self);
/* TRUE while a preview job runs. */
gboolean     lb_prepare_page_is_previewing        (LbPreparePage *self);
/* The last finished preview's shape; FALSE when none is shown. */
gboolean     lb_prepare_page_get_preview_shape    (LbPreparePage *self,
                                                   gsize         *n_rows,
                                                   gsize         *n_cols);
/* The preview's column @i ("ocean_proximity_INLAND"…), NULL past the end. */
const char  *lb_prepare_page_get_preview_column   (LbPreparePage *self,
                                                   guint          i);
/* Value (row, col) of the preview's first rows (NaN past the end). */
double       lb_prepare_page_get_preview_value    (LbPreparePage *self,
                                                   guint          row,
                                                   guint          col);
/* The banner's message, NULL when hidden. */
const char  *lb_prepare_page_get_error            (LbPreparePage *self);

G_END_DECLS
