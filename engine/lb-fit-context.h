/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-fit-context.h: what a fit is given besides the data: a GCancellable, a
 * progress sink (per-epoch / per-iteration events: loss, validation score), a
 * seed, a thread budget. Refcounted; shared by the estimators of a pipeline
 * and by the folds of a cross-validation (each fold gets a derived context
 * with its own seed stream and a slice of the progress range).
 */
#pragma once

#include <gio/gio.h>

#include "lb-data.h"
#include "lb-matrix.h"

G_BEGIN_DECLS

typedef struct
{
  double      fraction;    /* 0..1 of this fit, < 0 unknown */
  guint       epoch;       /* 0 when not iterative */
  guint       iteration;   /* step / iteration / tree / fold index */
  double      loss;        /* training loss (NaN when none) */
  double      val_score;   /* validation loss or score (NaN when none) */
  const char *message;     /* NULL or a translated sentence ("did not converge") */
} LbFitEvent;

/* Called on the fitting thread; queue, don't draw. */
typedef void (*LbFitEventFunc) (const LbFitEvent *event,
                                gpointer          user_data);

typedef struct _LbFitContext LbFitContext;

#define LB_TYPE_FIT_CONTEXT (lb_fit_context_get_type ())
GType          lb_fit_context_get_type        (void) G_GNUC_CONST;

LbFitContext  *lb_fit_context_new             (void);           /* seed 42, 1 thread, no sink */
LbFitContext  *lb_fit_context_ref             (LbFitContext  *ctx);
void           lb_fit_context_unref           (LbFitContext  *ctx);

void           lb_fit_context_set_cancellable (LbFitContext  *ctx,
                                               GCancellable  *cancellable);
GCancellable  *lb_fit_context_get_cancellable (LbFitContext  *ctx);
void           lb_fit_context_set_event_func  (LbFitContext  *ctx,
                                               LbFitEventFunc func,
                                               gpointer       user_data,
                                               GDestroyNotify destroy);
void           lb_fit_context_set_seed        (LbFitContext  *ctx,
                                               guint64        seed);
guint64        lb_fit_context_get_seed        (LbFitContext  *ctx);
void           lb_fit_context_set_n_threads   (LbFitContext  *ctx,
                                               guint          n_threads);
guint          lb_fit_context_get_n_threads   (LbFitContext  *ctx);

/* A child for sub-task @index (a fold, a candidate, a tree): same cancellable,
 * seed derived from (seed, index), events mapped into [@from, @to] of the parent's fraction. */
LbFitContext  *lb_fit_context_new_child       (LbFitContext  *ctx,
                                               guint64        index,
                                               double         from,
                                               double         to);

/* TRUE (and G_IO_ERROR_CANCELLED set) when cancelled: call per epoch / batch / fold. */
gboolean       lb_fit_context_check_cancelled (LbFitContext  *ctx,
                                               GError       **error);
/* Whether anyone receives this context's events (its root has an event
 * function): an estimator may skip computing per-round metrics nobody sees. */
gboolean       lb_fit_context_has_listener    (LbFitContext  *ctx);
void           lb_fit_context_report          (LbFitContext  *ctx,
                                               const LbFitEvent *event);
/* Shorthand: a fraction (and optional message) only. */
void           lb_fit_context_report_fraction (LbFitContext  *ctx,
                                               double         fraction);
/* A validation part held out by the caller (the live training view): an
 * iterative estimator that can score its current state on it puts that score
 * in its events' val_score, in the unit of .loss (the GD regressor: the
 * validation MSE beside the training MSE, every epoch). Children see their
 * ancestors' part. @X (n, d) and @y (n, 1) are referenced; NULL clears. */
void           lb_fit_context_set_validation  (LbFitContext  *ctx,
                                               LbMatrix      *X,
                                               LbMatrix      *y);
/* TRUE and the part (transfer none) when this context or an ancestor has one. */
gboolean       lb_fit_context_get_validation  (LbFitContext  *ctx,
                                               LbMatrix     **X,
                                               LbMatrix     **y);
/* The mean squared error of the linear prediction X w + @intercept on the
 * validation part (@w: @n_features values); NaN without a part or when its
 * width is not @n_features. */
double         lb_fit_context_validation_mse  (LbFitContext  *ctx,
                                               const double  *w,
                                               double         intercept,
                                               gsize          n_features);
/* An LbRng seeded from the context (stream @stream). */
void           lb_fit_context_init_rng        (LbFitContext  *ctx,
                                               LbRng         *rng,
                                               guint64        stream);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbFitContext, lb_fit_context_unref)

G_END_DECLS
