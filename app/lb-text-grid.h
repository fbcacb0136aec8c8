/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-text-grid.h: a small table of strings printed with aligned columns, for
 * the CLI's info() / describe() / bench output. Widths count terminal cells
 * (a CJK character takes two), so Chinese headers line up too.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LbTextGrid LbTextGrid;

LbTextGrid *lb_text_grid_new              (guint        n_columns);
void        lb_text_grid_free             (LbTextGrid  *grid);
/* Columns @first..@last (inclusive) are right-aligned (numbers). */
void        lb_text_grid_set_right_aligned (LbTextGrid *grid,
                                           guint        first,
                                           guint        last);
/* Exactly n_columns strings (copied); NULL prints as empty. */
void        lb_text_grid_add_row          (LbTextGrid  *grid,
                                           ...);
void        lb_text_grid_add_row_strv     (LbTextGrid  *grid,
                                           const char * const *cells);
/* A line of dashes under each column (pandas' info() style). */
void        lb_text_grid_add_rule         (LbTextGrid  *grid);
void        lb_text_grid_print            (LbTextGrid  *grid,
                                           GString     *out);
/* Terminal cells taken by a UTF-8 string. */
guint       lb_text_width                 (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbTextGrid, lb_text_grid_free)

G_END_DECLS
