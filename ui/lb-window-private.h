/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-window-private.h: LbWindow's fields, shared by lb-window.c (behaviour)
 * and lb-window-chrome.c (header bar, sidebar, shortcuts window).
 */
#pragma once

#include "lb-window.h"

G_BEGIN_DECLS

struct _LbWindow
{
  GtkApplicationWindow parent_instance;

  GtkWidget     *title;
  GtkWidget     *subtitle;
  GtkWidget     *sidebar;
  GtkWidget     *dataset_card;
  GtkWidget     *dataset_label;
  GtkWidget     *stack;
  GtkWidget     *banner;
  GtkWidget     *banner_label;
  LbJobBar      *job_bar;
  LbDataPage    *data_page;
  GtkWidget     *explore_page;
  GMenu         *recent_menu;
  GtkDropTarget *drop_target;

  LbTable       *table;
  LbJob         *load_job;
  LbGeneration   load_generation;
  char          *error_message;
  gulong         recent_changed_id;
};

/* Recent files are those Learnbench opened (GtkRecentManager, app name). */
#define RECENT_APP_NAME "Learnbench"
#define RECENT_MAX 8

GtkWidget *lb_window_build_header        (LbWindow *self);
GtkWidget *lb_window_build_sidebar       (LbWindow *self);
GtkWidget *lb_window_build_shortcuts     (void);
void       lb_window_rebuild_recent_menu (LbWindow *self);

G_END_DECLS
