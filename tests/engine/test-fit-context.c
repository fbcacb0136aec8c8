/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-fit-context.c: LbFitContext — defaults, cancellation, child contexts
 * (seed streams that depend only on (seed, index), fractions mapped into the
 * parent's range, events reaching the root's sink) and seeded RNGs.
 */
#include "config.h"

#include <math.h>

#include "lb-engine.h"

typedef struct
{
  guint  n;
  double fraction[8];
  double loss[8];
} Events;

static void
on_event (const LbFitEvent *event,
          gpointer          user_data)
{
  Events *ev = user_data;

  if (ev->n < G_N_ELEMENTS (ev->fraction))
    {
      ev->fraction[ev->n] = event->fraction;
      ev->loss[ev->n] = event->loss;
    }
  ev->n++;
}

static void
test_defaults (void)
{
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (lb_fit_context_get_seed (ctx), ==, 42);
  g_assert_cmpuint (lb_fit_context_get_n_threads (ctx), ==, 1);
  g_assert_null (lb_fit_context_get_cancellable (ctx));
  g_assert_false (lb_fit_context_check_cancelled (ctx, &error));
  g_assert_no_error (error);
  lb_fit_context_report_fraction (ctx, 0.5);  /* no sink: nothing happens */
  g_assert_false (lb_fit_context_check_cancelled (NULL, &error));
}

static void
test_cancel (void)
{
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(LbFitContext) child = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  lb_fit_context_set_cancellable (ctx, cancellable);
  child = lb_fit_context_new_child (ctx, 3, 0.0, 0.5);
  g_assert_false (lb_fit_context_check_cancelled (child, &error));
  g_cancellable_cancel (cancellable);
  g_assert_true (lb_fit_context_check_cancelled (ctx, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (lb_fit_context_check_cancelled (child, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_children (void)
{
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(LbFitContext) a = NULL;
  g_autoptr(LbFitContext) a2 = NULL;
  g_autoptr(LbFitContext) b = NULL;
  g_autoptr(LbFitContext) grandchild = NULL;
  Events ev = { 0, };
  LbFitEvent event = { 0, };
  LbRng r1, r2;

  lb_fit_context_set_event_func (ctx, on_event, &ev, NULL);
  lb_fit_context_set_seed (ctx, 7);
  lb_fit_context_set_n_threads (ctx, 4);
  a = lb_fit_context_new_child (ctx, 0, 0.5, 1.0);
  a2 = lb_fit_context_new_child (ctx, 0, 0.0, 0.1);
  b = lb_fit_context_new_child (ctx, 1, 0.0, 0.5);
  g_assert_cmpuint (lb_fit_context_get_seed (a), ==, lb_fit_context_get_seed (a2));
  g_assert_cmpuint (lb_fit_context_get_seed (a), !=, lb_fit_context_get_seed (b));
  g_assert_cmpuint (lb_fit_context_get_seed (a), !=, 7);
  g_assert_cmpuint (lb_fit_context_get_n_threads (a), ==, 4);

  /* fractions: 0.5 of a → 0.75 of the root; 0.5 of (0.5 of b) → 0.125 */
  event.fraction = 0.5;
  event.loss = 2.0;
  event.val_score = NAN;
  lb_fit_context_report (a, &event);
  grandchild = lb_fit_context_new_child (b, 0, 0.0, 0.5);
  lb_fit_context_report (grandchild, &event);
  event.fraction = -1;  /* unknown stays unknown */
  lb_fit_context_report (b, &event);
  g_assert_cmpuint (ev.n, ==, 3);
  g_assert_cmpfloat (ev.fraction[0], ==, 0.75);
  g_assert_cmpfloat (ev.loss[0], ==, 2.0);
  g_assert_cmpfloat (ev.fraction[1], ==, 0.125);
  g_assert_cmpfloat (ev.fraction[2], ==, -1);

  /* RNG streams: same context and stream → same numbers */
  lb_fit_context_init_rng (a, &r1, 5);
  lb_fit_context_init_rng (a2, &r2, 5);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpuint (lb_rng_next (&r1), ==, lb_rng_next (&r2));
  lb_fit_context_init_rng (a, &r1, 5);
  lb_fit_context_init_rng (a, &r2, 6);
  g_assert_cmpuint (lb_rng_next (&r1), !=, lb_rng_next (&r2));
}

static void
free_counter (gpointer data)
{
  (*(int *) data)++;
}

static void
test_destroy (void)
{
  int freed = 0;
  LbFitContext *ctx = lb_fit_context_new ();
  LbFitContext *child = lb_fit_context_new_child (ctx, 0, 0, 1);

  lb_fit_context_set_event_func (ctx, on_event, &freed, free_counter);
  lb_fit_context_unref (ctx);
  g_assert_cmpint (freed, ==, 0);  /* the child keeps the root alive */
  lb_fit_context_unref (child);
  g_assert_cmpint (freed, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/engine/FitContext/defaults", test_defaults);
  g_test_add_func ("/learnbench/engine/FitContext/cancel", test_cancel);
  g_test_add_func ("/learnbench/engine/FitContext/children", test_children);
  g_test_add_func ("/learnbench/engine/FitContext/destroy", test_destroy);
  return g_test_run ();
}
