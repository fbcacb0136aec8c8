/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-shortlist-channel.c: carries what the Shortlist page's jobs produce
 * (fold scores, curve points, epochs) from the fitting threads to the main
 * thread: a locked queue and at most one pending idle, so a burst of folds
 * costs one wake-up, and the page (held weakly) may go away meanwhile.
 */
#include "config.h"

#include "lb-shortlist-private.h"

struct _LbShortlistChannel
{
  gatomicrefcount     ref_count;
  GMutex              lock;
  GQueue              queue;        /* (element-type LbShortlistMsg) */
  gboolean            pending;      /* an idle is scheduled */
  GWeakRef            page;
  guint64             generation;
  LbShortlistDispatch dispatch;
  GMainContext       *context;
};

static void
msg_free (gpointer data)
{
  LbShortlistMsg *msg = data;

  g_clear_pointer (&msg->json, json_node_unref);
  g_free (msg->message);
  g_free (msg);
}

LbShortlistChannel *
lb_shortlist_channel_new (gpointer            page,
                          guint64             generation,
                          LbShortlistDispatch dispatch)
{
  LbShortlistChannel *channel = g_new0 (LbShortlistChannel, 1);

  g_atomic_ref_count_init (&channel->ref_count);
  g_mutex_init (&channel->lock);
  g_queue_init (&channel->queue);
  g_weak_ref_init (&channel->page, page);
  channel->generation = generation;
  channel->dispatch = dispatch;
  channel->context = g_main_context_ref_thread_default ();
  return channel;
}

LbShortlistChannel *
lb_shortlist_channel_ref (LbShortlistChannel *channel)
{
  g_atomic_ref_count_inc (&channel->ref_count);
  return channel;
}

void
lb_shortlist_channel_unref (LbShortlistChannel *channel)
{
  if (!g_atomic_ref_count_dec (&channel->ref_count))
    return;
  g_queue_clear_full (&channel->queue, msg_free);
  g_weak_ref_clear (&channel->page);
  g_mutex_clear (&channel->lock);
  g_main_context_unref (channel->context);
  g_free (channel);
}

guint64
lb_shortlist_channel_get_generation (LbShortlistChannel *channel)
{
  return channel->generation;
}

gpointer
lb_shortlist_channel_dup_page (LbShortlistChannel *channel)
{
  return g_weak_ref_get (&channel->page);
}

void
lb_shortlist_channel_drain (LbShortlistChannel *channel)
{
  g_autoptr (GObject) page = g_weak_ref_get (&channel->page);
  GQueue taken = G_QUEUE_INIT;
  LbShortlistMsg *msg;

  g_mutex_lock (&channel->lock);
  taken = channel->queue;
  g_queue_init (&channel->queue);
  channel->pending = FALSE;
  g_mutex_unlock (&channel->lock);

  while ((msg = g_queue_pop_head (&taken)) != NULL)
    {
      if (page != NULL)
        channel->dispatch (page, channel->generation, msg);
      msg_free (msg);
    }
}

static gboolean
drain_idle (gpointer data)
{
  lb_shortlist_channel_drain (data);
  return G_SOURCE_REMOVE;
}

void
lb_shortlist_channel_post (LbShortlistChannel *channel,
                           LbShortlistMsg     *msg)
{
  gboolean schedule;

  g_mutex_lock (&channel->lock);
  g_queue_push_tail (&channel->queue, msg);
  schedule = !channel->pending;
  channel->pending = TRUE;
  g_mutex_unlock (&channel->lock);
  if (schedule)
    {
      /* never g_main_context_invoke: it may run the dispatch on this thread */
      g_autoptr (GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, drain_idle, lb_shortlist_channel_ref (channel),
                             (GDestroyNotify) lb_shortlist_channel_unref);
      g_source_set_static_name (source, "[learnbench] shortlist channel");
      g_source_attach (source, channel->context);
    }
}
