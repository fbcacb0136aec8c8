/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-window-private.h: LbWindow's fields, shared by lb-window.c (behaviour),
 * lb-window-chrome.c (header bar, sidebar, shortcuts window), lb-window-load.c
 * (tables as jobs) and lb-window-project.c (project files, autosave,
 * recovery, the missing data file).
 */
#pragma once

#include "lb-window.h"

G_BEGIN_DECLS

#define LB_N_STEPS 8
#define LB_N_LABS  2   /* "gd-lab", "model-lab": pages outside the checklist */

struct _LbWindow
{
  GtkApplicationWindow parent_instance;

  LbWorkbench   *workbench;
  gulong         changed_id;
  gulong         job_started_id;

  GtkWidget     *title;
  GtkWidget     *subtitle;
  GtkWidget     *sidebar;
  GtkWidget     *step_rows[LB_N_STEPS];
  GtkWidget     *step_marks[LB_N_STEPS];
  GtkWidget     *dataset_card;
  GtkWidget     *dataset_label;
  GtkWidget     *status_label;
  GtkWidget     *stack;
  GtkWidget     *banner;
  GtkWidget     *banner_label;
  GtkWidget     *missing_banner;
  GtkWidget     *missing_label;
  GtkWidget     *recover_banner;
  GtkWidget     *recover_label;
  LbJobBar      *job_bar;
  LbDataPage    *data_page;
  GtkWidget     *explore_page;
  GtkWidget     *pages[LB_N_STEPS];      /* NULL until built (on first show) */
  GtkWidget     *page_slots[LB_N_STEPS]; /* the stack's children, holding the pages */
  GtkWidget     *labs_list;              /* the teaching labs under the checklist */
  GtkWidget     *lab_slots[LB_N_LABS];
  GtkWidget     *lab_pages[LB_N_LABS];
  GMenu         *recent_menu;
  GtkDropTarget *drop_target;

  LbJob         *load_job;
  LbGeneration   load_generation;
  char          *error_message;
  gulong         recent_changed_id;

  /* project files */
  char          *missing_data;     /* the project's data file that is not there, or NULL */
  char          *autosave_path;    /* this window's autosave file, once written */
  int            autosave_fd;      /* holds an flock on it while the window lives (-1: none) */
  guint          autosave_id;      /* the 30 s timer */
  char          *recover_path;     /* an autosave left by a killed session, offered */
  GtkWidget     *close_dialog;
  gboolean       close_confirmed;
  gboolean       explore_has_extra; /* Explore shows a combined attribute the project lacks */
};

/* Recent files are those Learnbench opened (GtkRecentManager, app name). */
#define RECENT_APP_NAME "Learnbench"
#define RECENT_MAX 8

#define LB_AUTOSAVE_SECONDS 30

GtkWidget *lb_window_build_header        (LbWindow *self);
GtkWidget *lb_window_build_sidebar       (LbWindow *self);
GtkWidget *lb_window_build_shortcuts     (void);
void       lb_window_rebuild_recent_menu (LbWindow *self);
/* The done marks and titles follow the workbench. */
void       lb_window_update_checklist    (LbWindow *self);
void       lb_window_update_status       (LbWindow *self);
/* The labs' stack names and titles (translated). */
const char *lb_window_lab_name           (guint     i);
const char *lb_window_lab_title          (guint     i);

/* lb-window-load.c: loads the data of the project just opened (path or
 * sample) as a job, keeping its framing. */
void       lb_window_load_project_data   (LbWindow   *self);
void       lb_window_start_data_load     (LbWindow   *self,
                                          const char *path,
                                          const char *sample,
                                          const char *display_name);

/* lb-window-project.c */
void       lb_window_project_init        (LbWindow *self);
void       lb_window_project_dispose     (LbWindow *self);
void       lb_window_project_changed     (LbWindow *self,
                                          guint     flags);
void       lb_window_update_title        (LbWindow *self);
void       lb_window_install_project_actions (GtkWidgetClass *widget_class);

G_END_DECLS
