/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-fit-context.c: LbFitContext, what a fit gets besides data. A child
 * context (a fold, a candidate) keeps a ref to its parent and forwards events
 * to the root's sink with its fraction mapped into [from, to]; the root
 * serialises calls to the sink with a mutex, since folds fit in parallel.
 */
#include "config.h"

#include <math.h>

#include "lb-fit-context.h"

struct _LbFitContext
{
  gatomicrefcount  ref_count;
  LbFitContext    *parent;       /* NULL for a root */
  double           from, to;     /* our [0, 1] in the parent's fraction */
  GCancellable    *cancellable;
  guint64          seed;
  guint            n_threads;
  LbMatrix        *val_X;        /* a validation part (lb_fit_context_set_validation) */
  LbMatrix        *val_y;

  /* root only */
  GMutex           sink_lock;
  LbFitEventFunc   func;
  gpointer         user_data;
  GDestroyNotify   destroy;
};

G_DEFINE_BOXED_TYPE (LbFitContext, lb_fit_context, lb_fit_context_ref, lb_fit_context_unref)

LbFitContext *
lb_fit_context_new (void)
{
  LbFitContext *ctx = g_new0 (LbFitContext, 1);

  g_atomic_ref_count_init (&ctx->ref_count);
  g_mutex_init (&ctx->sink_lock);
  ctx->from = 0.0;
  ctx->to = 1.0;
  ctx->seed = 42;
  ctx->n_threads = 1;
  return ctx;
}

LbFitContext *
lb_fit_context_ref (LbFitContext *ctx)
{
  g_return_val_if_fail (ctx != NULL, NULL);
  g_atomic_ref_count_inc (&ctx->ref_count);
  return ctx;
}

void
lb_fit_context_unref (LbFitContext *ctx)
{
  g_return_if_fail (ctx != NULL);
  if (!g_atomic_ref_count_dec (&ctx->ref_count))
    return;
  if (ctx->destroy != NULL)
    ctx->destroy (ctx->user_data);
  g_clear_object (&ctx->cancellable);
  g_clear_pointer (&ctx->val_X, lb_matrix_unref);
  g_clear_pointer (&ctx->val_y, lb_matrix_unref);
  g_clear_pointer (&ctx->parent, lb_fit_context_unref);
  g_mutex_clear (&ctx->sink_lock);
  g_free (ctx);
}

void
lb_fit_context_set_cancellable (LbFitContext *ctx,
                                GCancellable *cancellable)
{
  g_return_if_fail (ctx != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_set_object (&ctx->cancellable, cancellable);
}

GCancellable *
lb_fit_context_get_cancellable (LbFitContext *ctx)
{
  g_return_val_if_fail (ctx != NULL, NULL);
  return ctx->cancellable;
}

void
lb_fit_context_set_event_func (LbFitContext  *ctx,
                               LbFitEventFunc func,
                               gpointer       user_data,
                               GDestroyNotify destroy)
{
  g_return_if_fail (ctx != NULL);
  g_return_if_fail (ctx->parent == NULL);  /* children forward to their root */
  g_mutex_lock (&ctx->sink_lock);
  if (ctx->destroy != NULL)
    ctx->destroy (ctx->user_data);
  ctx->func = func;
  ctx->user_data = user_data;
  ctx->destroy = destroy;
  g_mutex_unlock (&ctx->sink_lock);
}

void
lb_fit_context_set_seed (LbFitContext *ctx,
                         guint64       seed)
{
  g_return_if_fail (ctx != NULL);
  ctx->seed = seed;
}

guint64
lb_fit_context_get_seed (LbFitContext *ctx)
{
  g_return_val_if_fail (ctx != NULL, 0);
  return ctx->seed;
}

void
lb_fit_context_set_n_threads (LbFitContext *ctx,
                              guint         n_threads)
{
  g_return_if_fail (ctx != NULL);
  ctx->n_threads = MAX (n_threads, 1);
}

guint
lb_fit_context_get_n_threads (LbFitContext *ctx)
{
  g_return_val_if_fail (ctx != NULL, 1);
  return ctx->n_threads;
}

LbFitContext *
lb_fit_context_new_child (LbFitContext *ctx,
                          guint64       index,
                          double        from,
                          double        to)
{
  LbFitContext *child;
  LbRng rng;

  g_return_val_if_fail (ctx != NULL, NULL);
  child = lb_fit_context_new ();
  child->parent = lb_fit_context_ref (ctx);
  child->from = CLAMP (from, 0.0, 1.0);
  child->to = CLAMP (to, child->from, 1.0);
  if (ctx->cancellable != NULL)
    child->cancellable = g_object_ref (ctx->cancellable);
  /* A stream of the parent's seed: depends on (seed, index) only. */
  lb_rng_init_stream (&rng, ctx->seed, index);
  child->seed = lb_rng_next (&rng);
  child->n_threads = ctx->n_threads;
  return child;
}

gboolean
lb_fit_context_check_cancelled (LbFitContext  *ctx,
                                GError       **error)
{
  if (ctx == NULL)
    return FALSE;
  return g_cancellable_set_error_if_cancelled (ctx->cancellable, error);
}

gboolean
lb_fit_context_has_listener (LbFitContext *ctx)
{
  gboolean listening;

  if (ctx == NULL)
    return FALSE;
  while (ctx->parent != NULL)
    ctx = ctx->parent;
  g_mutex_lock (&ctx->sink_lock);
  listening = ctx->func != NULL;
  g_mutex_unlock (&ctx->sink_lock);
  return listening;
}

void
lb_fit_context_report (LbFitContext     *ctx,
                       const LbFitEvent *event)
{
  LbFitEvent mapped;

  g_return_if_fail (event != NULL);
  if (ctx == NULL)
    return;

  mapped = *event;
  while (ctx->parent != NULL)
    {
      if (mapped.fraction >= 0.0)
        mapped.fraction = ctx->from + (ctx->to - ctx->from) * CLAMP (mapped.fraction, 0.0, 1.0);
      ctx = ctx->parent;
    }

  g_mutex_lock (&ctx->sink_lock);
  if (ctx->func != NULL)
    ctx->func (&mapped, ctx->user_data);
  g_mutex_unlock (&ctx->sink_lock);
}

void
lb_fit_context_report_fraction (LbFitContext *ctx,
                                double        fraction)
{
  LbFitEvent event = { 0, };

  event.fraction = fraction;
  event.loss = NAN;
  event.val_score = NAN;
  lb_fit_context_report (ctx, &event);
}

void
lb_fit_context_init_rng (LbFitContext *ctx,
                         LbRng        *rng,
                         guint64       stream)
{
  g_return_if_fail (rng != NULL);
  lb_rng_init_stream (rng, ctx != NULL ? ctx->seed : 42, stream);
}

void
lb_fit_context_set_validation (LbFitContext *ctx,
                               LbMatrix     *X,
                               LbMatrix     *y)
{
  g_return_if_fail (ctx != NULL);
  g_return_if_fail ((X == NULL) == (y == NULL));
  g_return_if_fail (X == NULL || lb_matrix_get_n_rows (X) == lb_matrix_get_n_rows (y));
  if (X != NULL)
    lb_matrix_ref (X);
  if (y != NULL)
    lb_matrix_ref (y);
  g_clear_pointer (&ctx->val_X, lb_matrix_unref);
  g_clear_pointer (&ctx->val_y, lb_matrix_unref);
  ctx->val_X = X;
  ctx->val_y = y;
}

gboolean
lb_fit_context_get_validation (LbFitContext *ctx,
                               LbMatrix    **X,
                               LbMatrix    **y)
{
  for (; ctx != NULL; ctx = ctx->parent)
    if (ctx->val_X != NULL)
      {
        if (X != NULL)
          *X = ctx->val_X;
        if (y != NULL)
          *y = ctx->val_y;
        return TRUE;
      }
  return FALSE;
}

double
lb_fit_context_validation_mse (LbFitContext *ctx,
                               const double *w,
                               double        intercept,
                               gsize         n_features)
{
  LbMatrix *X, *y;
  const double *x, *t;
  gsize n;
  double sse = 0.0;

  if (!lb_fit_context_get_validation (ctx, &X, &y) || lb_matrix_get_n_cols (X) != n_features)
    return NAN;
  n = lb_matrix_get_n_rows (X);
  if (n == 0)
    return NAN;
  x = lb_matrix_get_const_data (X);
  t = lb_matrix_get_const_data (y);
  for (gsize i = 0; i < n; i++)
    {
      double r = intercept - t[i * lb_matrix_get_n_cols (y)];

      for (gsize j = 0; j < n_features; j++)
        r += x[i * n_features + j] * w[j];
      sse += r * r;
    }
  return sse / n;
}
