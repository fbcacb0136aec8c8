/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-data-page-private.h: LbDataPage's fields, shared by lb-data-page.c (the
 * page, its profile job) and lb-data-page-profile.c (the info() and
 * describe() panels).
 */
#pragma once

#include "lb-data-page.h"
#include "lb-workbench.h"

G_BEGIN_DECLS

struct _LbDataPage
{
  GtkWidget     parent_instance;

  GtkWidget    *state_stack;     /* "empty" | "loaded" */
  GtkWidget    *title;
  GtkWidget    *subtitle;
  GtkWidget    *view_stack;      /* "table" | "info" | "describe" | "split" */
  LbTableView  *table_view;
  GtkWidget    *wide_note;
  GtkWidget    *info_box;
  GtkWidget    *describe_box;
  GtkWidget    *detail;
  GtkWidget    *detail_title;

  LbTable      *table;
  LbProfile    *profile;
  int           selected;
  char        **describe_cells;  /* 8 x describe_cols, row-major */
  guint         describe_cols;

  LbJob        *profile_job;
  LbGeneration  generation;

  LbWorkbench  *workbench;       /* NULL until the window gives it */
  GtkWidget    *split_panel;     /* "Create a test set", in view_stack as "split" */
};

void       lb_data_page_fill_info            (LbDataPage *self);
void       lb_data_page_fill_describe        (LbDataPage *self);
/* Shown in both panels instead of the grids (cancelled, failed). */
void       lb_data_page_show_profile_message (LbDataPage *self,
                                              const char *text);
GtkWidget *lb_data_page_placeholder_new      (const char *text,
                                              gboolean    busy);
void       lb_data_page_clear_box            (GtkWidget  *box);

G_END_DECLS
