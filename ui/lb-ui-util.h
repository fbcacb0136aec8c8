/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-ui-util.h: small helpers the ui/ pages share: number formatting the way
 * pandas prints describe(), thousands grouping, the application stylesheet,
 * and a read-only grid of strings (used by info() and describe()).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A describe() statistic as pandas prints it: "%.6f", or "%.6e" for very large
 * or very small magnitudes; "NaN" for NaN. */
char      *lb_ui_format_statistic (double       value);
/* 20640 -> "20,640" */
char      *lb_ui_format_count     (guint64      value);
/* Installs the application's stylesheet on the default display (once). */
void       lb_ui_install_css      (void);

/* A GtkColumnView (inside a GtkScrolledWindow, which is returned) showing a
 * grid of @n_rows x @n_cols strings; @cells is row-major and is copied.
 * @titles: @n_cols header titles; @numeric: per column, TRUE right-aligns.
 * When @row_labels is non-NULL a first, bold column shows them. */
GtkWidget *lb_ui_string_grid_new  (guint               n_rows,
                                   guint               n_cols,
                                   const char * const *titles,
                                   const char * const *row_labels,
                                   const char * const *cells,
                                   const gboolean     *numeric);
/* The GtkColumnView inside a widget made by lb_ui_string_grid_new. */
GtkColumnView *lb_ui_string_grid_get_view (GtkWidget *grid);

/* Finds the first descendant of @widget (itself included) of @type, or NULL;
 * with @mapped_only only widgets currently on screen are considered. */
GtkWidget *lb_ui_find_descendant  (GtkWidget   *widget,
                                   GType        type,
                                   gboolean     mapped_only);

G_END_DECLS
