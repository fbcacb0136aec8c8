/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-shortlist-private.h: what the Shortlist page's files share — the
 * channel that carries fold scores, curve points and epochs from the fitting
 * threads to the main thread (queued, drained by one idle at a time), and
 * the snapshot a job prepares the training data from.
 */
#pragma once

#include <gtk/gtk.h>

#include "lb-engine.h"
#include "lb-job.h"
#include "lb-shortlist-page.h"

G_BEGIN_DECLS

typedef enum
{
  LB_SHORTLIST_MSG_MODEL_START,
  LB_SHORTLIST_MSG_FOLD,
  LB_SHORTLIST_MSG_MODEL_DONE,
  LB_SHORTLIST_MSG_MODEL_FAILED,
  LB_SHORTLIST_MSG_CURVE_POINT,
  LB_SHORTLIST_MSG_EPOCH,
} LbShortlistMsgKind;

typedef struct
{
  LbShortlistMsgKind kind;
  guint     model;       /* row */
  guint     fold;        /* FOLD: 0-based; EPOCH: the epoch (1-based) */
  guint     n_folds;
  double    score;       /* FOLD: the test score; EPOCH: the training score */
  double    value;       /* FOLD: fit seconds; EPOCH: the validation score */
  double    x;           /* CURVE_POINT: training rows */
  double    train_mean, train_std, val_mean, val_std;
  JsonNode *json;        /* MODEL_DONE: the model's `learnbench run --json` object */
  char     *message;     /* MODEL_FAILED */
} LbShortlistMsg;

typedef struct _LbShortlistChannel LbShortlistChannel;

typedef void (*LbShortlistDispatch) (gpointer        page,
                                     guint64         generation,
                                     LbShortlistMsg *msg);

/* Created on the main thread; posting is thread-safe. */
LbShortlistChannel *lb_shortlist_channel_new   (gpointer             page,
                                                guint64              generation,
                                                LbShortlistDispatch  dispatch);
LbShortlistChannel *lb_shortlist_channel_ref   (LbShortlistChannel  *channel);
void                lb_shortlist_channel_unref (LbShortlistChannel  *channel);
/* Takes @msg (a g_new0'd LbShortlistMsg). */
void                lb_shortlist_channel_post  (LbShortlistChannel  *channel,
                                                LbShortlistMsg      *msg);
/* Main thread: hands every queued message to the dispatcher now. */
void                lb_shortlist_channel_drain (LbShortlistChannel  *channel);
guint64             lb_shortlist_channel_get_generation (LbShortlistChannel *channel);
/* The page, or NULL once it is gone (transfer full). */
gpointer            lb_shortlist_channel_dup_page (LbShortlistChannel *channel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbShortlistChannel, lb_shortlist_channel_unref)

/* --- the jobs (lb-shortlist-jobs.c) --- */

typedef enum
{
  LB_SHORTLIST_JOB_CV,       /* fit + train score + CV of every model, as `learnbench run` */
  LB_SHORTLIST_JOB_CURVES,   /* learning curves of every model */
  LB_SHORTLIST_JOB_TRAIN,    /* one iterative model, epoch by epoch, with a validation part */
} LbShortlistJobKind;

typedef struct
{
  LbShortlistJobKind  kind;
  LbProject          *project;      /* built from the workbench (models in row order) */
  LbTable            *table;        /* every row; the project's split picks the training rows */
  LbShortlistChannel *channel;
  guint               model;        /* TRAIN: the model's index */
  double              validation_fraction;  /* TRAIN */
  guint               max_epochs;   /* TRAIN */
} LbShortlistJobData;

void   lb_shortlist_job_data_free (gpointer data);
/* Takes @data. The result: CV: a JsonNode {"models": [per model, as
 * `learnbench run --json`], "n_train", "features", "scoring"}; CURVES, TRAIN:
 * a boolean (lb_job_propagate_boolean). */
LbJob *lb_shortlist_job_start     (LbShortlistJobData  *data,
                                   const char          *title,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
/* Threads the jobs fit with. */
guint  lb_shortlist_job_threads   (void);

G_END_DECLS
