/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-explore-private.h: small pieces the Explore page's sections share:
 * column-name dropdowns (GtkDropDown over a GtkStringList, with an optional
 * "None" first item), the column lists they offer, and labels laid out alike.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-plots.h"

G_BEGIN_DECLS

/* TRUE when every name is a numeric column of @table. */
gboolean     lb_explore_has_numeric_columns (LbTable            *table,
                                             const char * const *names,
                                             guint               n);
gboolean     lb_explore_is_numeric_column   (LbTable            *table,
                                             const char         *name);
/* Names of the numeric columns, then (with @categorical) the categorical
 * ones, NULL-terminated; the strings are borrowed from @table (g_free the array). */
const char **lb_explore_column_names        (LbTable            *table,
                                             gboolean            numeric,
                                             gboolean            categorical,
                                             guint              *n_out);

GtkWidget   *lb_explore_dropdown_new        (void);
/* Replaces the items; @none_label (translated) comes first when non-NULL. */
void         lb_explore_dropdown_set_names  (GtkWidget          *dropdown,
                                             const char * const *names,
                                             guint               n,
                                             const char         *none_label);
/* The chosen column name, or NULL for "None" / nothing. */
const char  *lb_explore_dropdown_get_name   (GtkWidget          *dropdown);
/* Selects @name (NULL: "None" or the first item); FALSE when not offered. */
gboolean     lb_explore_dropdown_select     (GtkWidget          *dropdown,
                                             const char         *name);

/* A bold caption above @widget, its mnemonic pointing at it. */
GtkWidget   *lb_explore_labelled            (const char         *mnemonic,
                                             GtkWidget          *widget);
/* A dim, wrapping label, hidden until lb_explore_set_note() gives it text. */
GtkWidget   *lb_explore_note_new            (void);
void         lb_explore_set_note            (GtkWidget          *label,
                                             const char         *text);
/* The column of controls beside a chart. */
GtkWidget   *lb_explore_side_panel_new      (void);
/* Shows @chart in @view, or the message of the @error that kept it from being built. */
void         lb_explore_show_chart          (GtkWidget          *view,
                                             LbChart            *chart,
                                             const GError       *error);
/* A correlation as pandas prints it: "%.6f", "NaN". */
char        *lb_explore_format_correlation  (double              r);

G_END_DECLS
