/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-job-bar.c: follows an LbJob through notify::fraction / notify::message
 * (delivered on the main loop by the job runner, coalesced) and a 250 ms tick
 * for the clock. Holds a ref to the job only while showing it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-job-bar.h"

struct _LbJobBar
{
  GtkWidget  parent_instance;

  GtkWidget *revealer;
  GtkWidget *spinner;
  GtkWidget *title;
  GtkWidget *message;
  GtkWidget *progress;
  GtkWidget *clock;
  GtkWidget *cancel;

  LbJob     *job;
  gulong     fraction_handler;
  gulong     message_handler;
  gulong     completed_handler;
  guint      tick_id;
  guint      flash_id;
  guint      reveal_id;
  char      *text;
};

G_DEFINE_FINAL_TYPE (LbJobBar, lb_job_bar, GTK_TYPE_WIDGET)

#define REVEAL_DELAY_MS 150

enum
{
  SIGNAL_CANCEL_REQUESTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* "1:05" */
static char *
format_duration (double seconds)
{
  guint s = (guint) MAX (0.0, round (seconds));

  if (s >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", s / 3600, (s / 60) % 60, s % 60);
  return g_strdup_printf ("%u:%02u", s / 60, s % 60);
}

static void
update_clock (LbJobBar *self)
{
  g_autofree char *elapsed = NULL;
  g_autofree char *text = NULL;
  double eta;

  if (self->job == NULL)
    return;
  elapsed = format_duration (lb_job_get_elapsed (self->job));
  eta = lb_job_get_eta (self->job);
  /* an estimate from the first half second is noise */
  if (eta >= 0.5 && lb_job_get_elapsed (self->job) >= 0.5)
    {
      g_autofree char *left = format_duration (eta);
      /* Translators: elapsed time, then the estimated time left, e.g. "0:03 · about 0:05 left" */
      text = g_strdup_printf (_("%s · about %s left"), elapsed, left);
    }
  else
    text = g_strdup (elapsed);
  gtk_label_set_text (GTK_LABEL (self->clock), text);
}

static void
update_progress (LbJobBar *self)
{
  double fraction;
  const char *message;

  if (self->job == NULL)
    return;
  fraction = lb_job_get_fraction (self->job);
  message = lb_job_get_message (self->job);
  if (fraction >= 0.0)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), CLAMP (fraction, 0.0, 1.0));
  else
    gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->progress));
  gtk_label_set_text (GTK_LABEL (self->message), message != NULL ? message : "");
  g_free (self->text);
  self->text = g_strdup_printf ("%s %s", lb_job_get_title (self->job),
                                message != NULL ? message : "");
  update_clock (self);
}

static void
job_notify_cb (GObject    *object,
               GParamSpec *pspec,
               gpointer    user_data)
{
  update_progress (LB_JOB_BAR (user_data));
}

static void
job_completed_cb (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  LbJobBar *self = LB_JOB_BAR (user_data);

  if (LB_JOB (object) == self->job && lb_job_get_completed (self->job))
    lb_job_bar_set_job (self, NULL);
}

static gboolean
tick_cb (gpointer user_data)
{
  LbJobBar *self = user_data;

  if (self->job != NULL && lb_job_get_fraction (self->job) < 0.0)
    gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->progress));
  update_clock (self);
  return G_SOURCE_CONTINUE;
}

static void
release_job (LbJobBar *self)
{
  if (self->job == NULL)
    return;
  g_clear_signal_handler (&self->fraction_handler, self->job);
  g_clear_signal_handler (&self->message_handler, self->job);
  g_clear_signal_handler (&self->completed_handler, self->job);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  g_clear_object (&self->job);
}

static gboolean
reveal_cb (gpointer user_data)
{
  LbJobBar *self = user_data;

  self->reveal_id = 0;
  if (self->job != NULL)
    gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
  return G_SOURCE_REMOVE;
}

void
lb_job_bar_set_job (LbJobBar *self,
                    LbJob    *job)
{
  g_return_if_fail (LB_IS_JOB_BAR (self));
  g_return_if_fail (job == NULL || LB_IS_JOB (job));

  if (job == self->job)
    return;
  release_job (self);
  g_clear_handle_id (&self->flash_id, g_source_remove);

  if (job == NULL)
    {
      gtk_spinner_stop (GTK_SPINNER (self->spinner));
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
      g_clear_pointer (&self->text, g_free);
      return;
    }

  if (lb_job_get_completed (job))
    {
      lb_job_bar_set_job (self, NULL);
      return;
    }
  self->job = g_object_ref (job);
  self->fraction_handler = g_signal_connect (job, "notify::fraction",
                                             G_CALLBACK (job_notify_cb), self);
  self->message_handler = g_signal_connect (job, "notify::message",
                                            G_CALLBACK (job_notify_cb), self);
  self->completed_handler = g_signal_connect (job, "notify::completed",
                                              G_CALLBACK (job_completed_cb), self);
  self->tick_id = g_timeout_add (250, tick_cb, self);

  gtk_label_set_text (GTK_LABEL (self->title), lb_job_get_title (job));
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0.0);
  gtk_widget_set_visible (self->progress, TRUE);
  gtk_widget_set_visible (self->cancel, TRUE);
  gtk_widget_set_visible (self->clock, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, TRUE);
  update_progress (self);
  /* Most jobs (a small file, a profile) end within a frame or two: showing
   * the bar only for jobs still running after REVEAL_DELAY_MS avoids a flicker
   * on every load. */
  if (gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer)))
    return;
  self->reveal_id = g_timeout_add (REVEAL_DELAY_MS, reveal_cb, self);
}

LbJob *
lb_job_bar_get_job (LbJobBar *self)
{
  g_return_val_if_fail (LB_IS_JOB_BAR (self), NULL);

  return self->job;
}

gboolean
lb_job_bar_get_revealed (LbJobBar *self)
{
  g_return_val_if_fail (LB_IS_JOB_BAR (self), FALSE);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer));
}

const char *
lb_job_bar_get_text (LbJobBar *self)
{
  g_return_val_if_fail (LB_IS_JOB_BAR (self), NULL);

  return self->text;
}

void
lb_job_bar_cancel (LbJobBar *self)
{
  g_autoptr (LbJob) job = NULL;

  g_return_if_fail (LB_IS_JOB_BAR (self));

  if (self->job == NULL)
    return;
  job = g_object_ref (self->job);
  lb_job_cancel (job);
  g_signal_emit (self, signals[SIGNAL_CANCEL_REQUESTED], 0, job);
}

static gboolean
flash_done_cb (gpointer user_data)
{
  LbJobBar *self = user_data;

  self->flash_id = 0;
  if (self->job == NULL)
    gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
  return G_SOURCE_REMOVE;
}

void
lb_job_bar_flash (LbJobBar   *self,
                  const char *message)
{
  g_return_if_fail (LB_IS_JOB_BAR (self));

  if (self->job != NULL)
    return;
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_visible (self->progress, FALSE);
  gtk_widget_set_visible (self->cancel, FALSE);
  gtk_widget_set_visible (self->clock, FALSE);
  gtk_label_set_text (GTK_LABEL (self->title), message);
  gtk_label_set_text (GTK_LABEL (self->message), "");
  g_free (self->text);
  self->text = g_strdup (message);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  self->flash_id = g_timeout_add_seconds (4, flash_done_cb, self);
}

static void
cancel_clicked_cb (GtkButton *button,
                   LbJobBar  *self)
{
  lb_job_bar_cancel (self);
}

/* --- GObject --- */

static void
lb_job_bar_dispose (GObject *object)
{
  LbJobBar *self = LB_JOB_BAR (object);

  release_job (self);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  g_clear_pointer (&self->revealer, gtk_widget_unparent);
  g_clear_pointer (&self->text, g_free);
  G_OBJECT_CLASS (lb_job_bar_parent_class)->dispose (object);
}

static void
lb_job_bar_class_init (LbJobBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_job_bar_dispose;

  /* (LbJob *job): the user asked to cancel @job; its result should be dropped. */
  signals[SIGNAL_CANCEL_REQUESTED] =
    g_signal_new ("cancel-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LB_TYPE_JOB);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lb-job-bar");
}

static void
lb_job_bar_init (LbJobBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_revealer_set_transition_duration (GTK_REVEALER (self->revealer), 150);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));
  gtk_widget_add_css_class (box, "lb-job-bar");
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);

  self->spinner = gtk_spinner_new ();
  gtk_box_append (GTK_BOX (box), self->spinner);

  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "lb-heading");
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->title), 40);
  /* at 1280×800, next to the status text, the title was cut to "Cross-…ortlist" */
  gtk_label_set_width_chars (GTK_LABEL (self->title), 22);
  gtk_box_append (GTK_BOX (texts), self->title);
  self->message = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->message, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (self->message), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0.0);
  gtk_widget_set_hexpand (self->message, TRUE);
  gtk_box_append (GTK_BOX (texts), self->message);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  self->progress = gtk_progress_bar_new ();
  gtk_widget_set_size_request (self->progress, 160, -1);
  gtk_widget_set_valign (self->progress, GTK_ALIGN_CENTER);
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (self->progress), 0.1);
  gtk_box_append (GTK_BOX (box), self->progress);

  self->clock = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->clock, "lb-numeric");
  gtk_widget_add_css_class (self->clock, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (self->clock), 18);
  gtk_label_set_xalign (GTK_LABEL (self->clock), 1.0);
  gtk_box_append (GTK_BOX (box), self->clock);

  self->cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_tooltip_text (self->cancel, _("Stop this job (Esc)"));
  g_signal_connect (self->cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->cancel);
}

GtkWidget *
lb_job_bar_new (void)
{
  return g_object_new (LB_TYPE_JOB_BAR, NULL);
}
