/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-window.h: the main window: a header bar (Open, Samples, Recent, Export,
 * the project menu: New, Open project…, Save, Save As), a sidebar that is the
 * book's eight-step checklist with a done mark per step, a stack of pages, an
 * error banner, the job bar and the status area (device, threads). It holds
 * the LbWorkbench (the project) and hands each page what it may see: the
 * training rows once a test set exists. Loading runs as an LbJob, never on
 * the main thread; unsaved work is autosaved every 30 s and offered back
 * after a crash.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-data-page.h"
#include "lb-job-bar.h"
#include "lb-workbench.h"

G_BEGIN_DECLS

#define LB_TYPE_WINDOW (lb_window_get_type ())
G_DECLARE_FINAL_TYPE (LbWindow, lb_window, LB, WINDOW, GtkApplicationWindow)

/* @application may be NULL (tests). */
LbWindow      *lb_window_new                (GtkApplication *application);
/* A window on an existing project (shared: the application rebuilds its
 * windows this way when the language changes). */
LbWindow      *lb_window_new_for_workbench  (GtkApplication *application,
                                             LbWorkbench    *workbench);

/* Loads @file as a job; errors show in the window's banner. */
void           lb_window_open_file          (LbWindow       *self,
                                             GFile          *file);
/* A built-in sample by id (lb_samples_list); California housing is
 * downloaded after asking when it is not cached yet. */
void           lb_window_open_sample        (LbWindow       *self,
                                             const char     *id);
void           lb_window_show_open_dialog   (LbWindow       *self);

/* Gives @table (may be NULL) to every page. */
void           lb_window_set_table          (LbWindow       *self,
                                             LbTable        *table);
LbTable       *lb_window_get_table          (LbWindow       *self);

/* The project shown in the window. */
LbWorkbench   *lb_window_get_workbench      (LbWindow       *self);
/* Shows @job in the job bar (progress, ETA, Cancel). Pages do not call this:
 * they call lb_workbench_track_job (), which the window listens to. */
void           lb_window_track_job          (LbWindow       *self,
                                             LbJob          *job);

/* --- project files --- */
/* File > New: forgets the project (asks nothing: the caller asked). */
void           lb_window_new_project        (LbWindow       *self);
/* Reads a project file and loads its data as a job; a missing data file
 * shows a banner with "Locate…" instead of failing. FALSE + @error when the
 * project file itself cannot be read (also shown in the error banner). */
gboolean       lb_window_open_project       (LbWindow       *self,
                                             GFile          *file,
                                             GError        **error);
/* Save (@path NULL: the current file; FALSE with no error when there is none
 * yet: the Save As dialog is shown). Errors also show in the banner. */
gboolean       lb_window_save_project       (LbWindow       *self,
                                             const char     *path,
                                             GError        **error);
void           lb_window_show_open_project_dialog (LbWindow *self);
void           lb_window_show_save_as_dialog (LbWindow      *self);
/* The data file the open project names but which is not there (NULL when
 * none is missing); lb_window_locate_data () gives the replacement. */
const char    *lb_window_get_missing_data   (LbWindow       *self);
void           lb_window_locate_data        (LbWindow       *self,
                                             GFile          *file);

/* --- autosave and recovery --- */
/* Writes the autosave now (the 30 s timer calls it while the project is
 * dirty): $XDG_STATE_HOME/learnbench/autosave/, locked while this window
 * lives, removed when the window closes or the project is saved. */
gboolean       lb_window_autosave           (LbWindow       *self,
                                             GError        **error);
const char    *lb_window_get_autosave_path  (LbWindow       *self);
/* An autosave left by a session that was killed, offered in a banner (NULL: none). */
const char    *lb_window_get_recoverable    (LbWindow       *self);
gboolean       lb_window_recover            (LbWindow       *self,
                                             GError        **error);
void           lb_window_discard_recoverable (LbWindow      *self);

/* --- for tests --- */
GtkWidget     *lb_window_get_page           (LbWindow       *self,
                                             const char     *step);
/* Whether the sidebar shows @step's done mark. */
gboolean       lb_window_get_step_marked    (LbWindow       *self,
                                             const char     *step);
const char    *lb_window_get_status_text    (LbWindow       *self);
const char    *lb_window_get_title_text     (LbWindow       *self);
/* The "save changes?" dialog while shown, else NULL. */
GtkWidget     *lb_window_get_close_dialog   (LbWindow       *self);

/* One of the LB_STEP_* names. */
void           lb_window_show_page          (LbWindow       *self,
                                             const char     *name);
const char    *lb_window_get_visible_page   (LbWindow       *self);

/* A plain-words error above the pages; NULL hides it. */
void           lb_window_show_error         (LbWindow       *self,
                                             const char     *message);
/* The banner's text while it is shown, else NULL. */
const char    *lb_window_get_error_message  (LbWindow       *self);

/* --- for tests --- */
LbDataPage    *lb_window_get_data_page      (LbWindow       *self);
GtkWidget     *lb_window_get_explore_page   (LbWindow       *self);
LbJobBar      *lb_window_get_job_bar        (LbWindow       *self);
GtkDropTarget *lb_window_get_drop_target    (LbWindow       *self);
/* The running load job, NULL when none. */
LbJob         *lb_window_get_load_job       (LbWindow       *self);

G_END_DECLS
