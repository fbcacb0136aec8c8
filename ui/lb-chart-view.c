/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-view.c: LbChartView shows one LbChart. plots/ renders it on the main
 * thread into a cached image surface of the widget's size; redraws paint the
 * cache, and while the user resizes, a slow chart is painted stretched and
 * rendered again once the size settles. A label replaces the chart when there
 * is nothing to draw, and an "Export…" button writes PNG / SVG / PDF.
 * Ctrl + scroll (or the zoom buttons) zooms around the pointer by rendering
 * the chart on a larger page; dragging pans it (a big tree diagram).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-chart-view.h"

/* A render slower than this is not repeated on every frame of a resize. */
#define SLOW_RENDER_US    (16 * 1000)
/* How long the size must stay put before a slow chart is rendered again. */
#define RESIZE_SETTLE_MS  150
/* Export size when the view is too small to be a sensible page. */
#define EXPORT_MIN_WIDTH  640
#define EXPORT_MIN_HEIGHT 480
/* Zoom limits: the page stays under lb_chart_render's 1e5; an export of a
 * zoomed view, under 16384 (a PNG that size is already 1 GiB of pixels). */
#define ZOOM_MAX          40.0
#define ZOOM_PAGE_MAX     90000.0
#define EXPORT_PAGE_MAX   16384.0

struct _LbChartView
{
  GtkWidget             parent_instance;

  GtkWidget            *overlay;
  GtkWidget            *area;
  GtkWidget            *message_label;
  GtkWidget            *export_button;
  GtkWidget            *status_label;

  LbChart              *chart;
  char                 *message;        /* set by the owner; shown without a chart */
  char                 *render_error;   /* why the current chart cannot be drawn */

  cairo_surface_t      *cache;          /* the chart at cache_width x cache_height */
  int                   cache_width;
  int                   cache_height;
  int                   cache_scale;
  double                cache_zoom;
  double                cache_pan_x;
  double                cache_pan_y;
  gint64                last_render_us;
  guint                 settle_id;
  gboolean              render_now;

  guint                 draw_count;
  guint                 status_id;
  GtkFileChooserNative *chooser;
  GtkFileFilter        *filters[3];
  gboolean              pointer_inside;

  GtkWidget            *zoom_box;
  double                zoom;           /* 1: the chart fits the view */
  double                pan_x;          /* the view's top left on the zoomed page */
  double                pan_y;
  double                drag_pan_x;
  double                drag_pan_y;

  LbGeneration          build_generation;  /* bumped by every new chart or message */
  GCancellable         *build_cancellable;
};

G_DEFINE_FINAL_TYPE (LbChartView, lb_chart_view, GTK_TYPE_WIDGET)

static const char *const export_suffixes[3] = { "png", "svg", "pdf" };

static void update_zoom_buttons (LbChartView *self);
static void clamp_pan           (LbChartView *self);

/* --- the cache --- */

static void
lb_chart_view_invalidate (LbChartView *self)
{
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->render_now = FALSE;
  self->last_render_us = 0;
}

static void
lb_chart_view_update_visibility (LbChartView *self)
{
  const char *text = NULL;

  if (self->chart == NULL)
    text = self->message != NULL ? self->message : _("Nothing to show yet");
  else if (self->render_error != NULL)
    text = self->render_error;

  gtk_label_set_text (GTK_LABEL (self->message_label), text != NULL ? text : "");
  gtk_widget_set_visible (self->message_label, text != NULL);
  gtk_widget_set_visible (self->export_button,
                          self->chart != NULL && self->render_error == NULL);
  if (self->zoom_box != NULL)
    update_zoom_buttons (self);

  if (self->chart != NULL && lb_chart_get_title (self->chart) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    lb_chart_get_title (self->chart),
                                    -1);
}

static gboolean
settle_cb (gpointer user_data)
{
  LbChartView *self = user_data;

  self->settle_id = 0;
  self->render_now = TRUE;
  gtk_widget_queue_draw (self->area);
  return G_SOURCE_REMOVE;
}

/* Renders the chart at @width x @height into a new cache; FALSE (and the
 * error shown) when the chart has nothing to draw. */
static gboolean
lb_chart_view_render_cache (LbChartView *self,
                            int          width,
                            int          height,
                            int          scale)
{
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 start;
  gboolean ok;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  start = g_get_monotonic_time ();
  cairo_translate (cr, -self->pan_x, -self->pan_y);
  ok = lb_chart_render (self->chart, cr, width * self->zoom, height * self->zoom, &error);
  self->last_render_us = g_get_monotonic_time () - start;
  cairo_destroy (cr);

  if (!ok)
    {
      cairo_surface_destroy (surface);
      g_free (self->render_error);
      self->render_error = g_strdup_printf (_("This chart cannot be drawn: %s"), error->message);
      lb_chart_view_update_visibility (self);
      return FALSE;
    }

  g_clear_pointer (&self->cache, cairo_surface_destroy);
  self->cache = surface;
  self->cache_width = width;
  self->cache_height = height;
  self->cache_scale = scale;
  self->cache_zoom = self->zoom;
  self->cache_pan_x = self->pan_x;
  self->cache_pan_y = self->pan_y;
  self->draw_count++;
  return TRUE;
}

static void
draw_func (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  LbChartView *self = user_data;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  gboolean fits;

  if (self->chart == NULL || self->render_error != NULL || width < 2 || height < 2)
    return;
  clamp_pan (self);  /* the view may have shrunk */

  fits = self->cache != NULL
         && self->cache_width == width
         && self->cache_height == height
         && self->cache_scale == scale
         && self->cache_zoom == self->zoom
         && self->cache_pan_x == self->pan_x
         && self->cache_pan_y == self->pan_y;

  /* Zoomed or panned only: a slow chart shows its old picture moved and
   * scaled to match, and renders once the pointer rests. */
  if (!fits && self->cache != NULL && !self->render_now && self->last_render_us > SLOW_RENDER_US
      && self->cache_width == width && self->cache_height == height && self->cache_scale == scale)
    {
      double k = self->zoom / self->cache_zoom;

      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (RESIZE_SETTLE_MS, settle_cb, self);
      cairo_save (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_translate (cr, self->cache_pan_x * k - self->pan_x, self->cache_pan_y * k - self->pan_y);
      cairo_scale (cr, k, k);
      cairo_set_source_surface (cr, self->cache, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      return;
    }

  if (!fits)
    {
      /* A slow chart in the middle of a resize: stretch the old picture and
       * render once the size has settled. */
      if (self->cache != NULL && !self->render_now && self->last_render_us > SLOW_RENDER_US)
        {
          g_clear_handle_id (&self->settle_id, g_source_remove);
          self->settle_id = g_timeout_add (RESIZE_SETTLE_MS, settle_cb, self);
          cairo_save (cr);
          cairo_scale (cr,
                       (double) width / self->cache_width,
                       (double) height / self->cache_height);
          cairo_set_source_surface (cr, self->cache, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          return;
        }
      self->render_now = FALSE;
      if (!lb_chart_view_render_cache (self, width, height, scale))
        return;
    }

  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);
}

/* --- export --- */

static gboolean
hide_status_cb (gpointer user_data)
{
  LbChartView *self = user_data;

  self->status_id = 0;
  gtk_widget_set_visible (self->status_label, FALSE);
  return G_SOURCE_REMOVE;
}

static void
lb_chart_view_show_status (LbChartView *self,
                           const char  *text,
                           gboolean     is_error)
{
  g_clear_handle_id (&self->status_id, g_source_remove);
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
  if (is_error)
    gtk_widget_add_css_class (self->status_label, "error");
  else
    gtk_widget_remove_css_class (self->status_label, "error");
  gtk_widget_set_visible (self->status_label, TRUE);
  /* An error stays until the next export or chart; a success fades away. */
  if (!is_error)
    self->status_id = g_timeout_add_seconds (5, hide_status_cb, self);
}

static gboolean
has_export_suffix (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_suffixes); i++)
    {
      g_autofree char *dot = g_strconcat (".", export_suffixes[i], NULL);
      g_autofree char *lower = g_ascii_strdown (path, -1);

      if (g_str_has_suffix (lower, dot))
        return TRUE;
    }
  return FALSE;
}

/**
 * lb_chart_view_export_to_file:
 * Writes the chart to @path (.png, .svg or .pdf) at the view's size (at least
 * 640 x 480 points) and shows the outcome in the view.
 */
gboolean
lb_chart_view_export_to_file (LbChartView  *self,
                              const char   *path,
                              GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;
  int width, height;

  g_return_val_if_fail (LB_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (&local_error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA,
                           _("There is no chart to export."));
    }
  else
    {
      width = gtk_widget_get_width (self->area);
      height = gtk_widget_get_height (self->area);
      if (width < EXPORT_MIN_WIDTH || height < EXPORT_MIN_HEIGHT)
        {
          double k = MAX ((double) EXPORT_MIN_WIDTH / MAX (width, 1),
                          (double) EXPORT_MIN_HEIGHT / MAX (height, 1));

          /* Keep the on-screen proportions unless the view is degenerate. */
          if (width < 50 || height < 50)
            width = EXPORT_MIN_WIDTH * 3 / 2, height = EXPORT_MIN_HEIGHT * 3 / 2;
          else
            width = (int) (width * k + 0.5), height = (int) (height * k + 0.5);
        }
      /* zoomed in: the whole zoomed page (a big tree at a readable size) */
      if (self->zoom > 1)
        {
          double z = MIN (self->zoom, EXPORT_PAGE_MAX / MAX (width, height));
          width = (int) (width * MAX (z, 1) + 0.5);
          height = (int) (height * MAX (z, 1) + 0.5);
        }
      lb_chart_export (self->chart, path, width, height, &local_error);
    }

  basename = g_path_get_basename (path);
  if (local_error != NULL)
    {
      text = g_strdup_printf (_("Could not export “%s”: %s"), basename, local_error->message);
      lb_chart_view_show_status (self, text, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  text = g_strdup_printf (_("Saved “%s”"), basename);
  lb_chart_view_show_status (self, text, FALSE);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  LbChartView *self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);

  if (path != NULL)
    {
      /* No known extension typed: take the one of the chosen filter. */
      if (!has_export_suffix (path))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
          const char *suffix = export_suffixes[0];
          char *with_suffix;

          for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
            if (filter == self->filters[i])
              suffix = export_suffixes[i];
          with_suffix = g_strconcat (path, ".", suffix, NULL);
          g_free (path);
          path = with_suffix;
        }
      lb_chart_view_export_to_file (self, path, NULL);
    }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static char *
suggested_file_name (LbChartView *self)
{
  const char *title = self->chart != NULL ? lb_chart_get_title (self->chart) : NULL;
  GString *name = g_string_new (NULL);

  if (title != NULL)
    {
      for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c) || c == '-' || c == '_')
            g_string_append_unichar (name, c);
          else if (name->len > 0 && name->str[name->len - 1] != '-')
            g_string_append_c (name, '-');
        }
      while (name->len > 0 && name->str[name->len - 1] == '-')
        g_string_truncate (name, name->len - 1);
    }
  if (name->len == 0)
    g_string_append (name, _("chart"));
  g_string_append (name, ".png");
  return g_string_free (name, FALSE);
}

void
lb_chart_view_export (LbChartView *self)
{
  GtkRoot *root;
  g_autofree char *name = NULL;
  static const char *const filter_names[3] = { N_("PNG image"), N_("SVG drawing"), N_("PDF document") };

  g_return_if_fail (LB_IS_CHART_VIEW (self));

  if (self->chart == NULL)
    {
      lb_chart_view_show_status (self, _("There is no chart to export."), TRUE);
      return;
    }
  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(filter_names[i]));
      gtk_file_filter_add_suffix (filter, export_suffixes[i]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
      self->filters[i] = filter;   /* owned by the chooser */
      g_object_unref (filter);
    }
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), self->filters[0]);
  name = suggested_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_clicked_cb (LbChartView *self)
{
  lb_chart_view_export (self);
}

/* The Export button stays out of the chart's way until the pointer (or the
 * keyboard focus) is on the view. */
static void
update_export_opacity (LbChartView *self)
{
  gboolean show = self->pointer_inside || gtk_widget_has_focus (self->export_button);

  gtk_widget_set_opacity (self->export_button, show ? 1.0 : 0.0);
  gtk_widget_set_opacity (self->zoom_box, show || self->zoom > 1 ? 1.0 : 0.0);
}

static void
pointer_enter_cb (LbChartView *self)
{
  self->pointer_inside = TRUE;
  update_export_opacity (self);
}

static void
pointer_leave_cb (LbChartView *self)
{
  self->pointer_inside = FALSE;
  update_export_opacity (self);
}

static void
secondary_click_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    LbChartView     *self)
{
  if (self->chart == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  lb_chart_view_export (self);
}

/* Whatever was being built in the background will be dropped when it ends. */
static void
lb_chart_view_supersede_builds (LbChartView *self)
{
  lb_generation_next (&self->build_generation);
  g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
}

/* --- zoom and pan --- */

static double
zoom_limit (LbChartView *self)
{
  int w = MAX (gtk_widget_get_width (self->area), 1), h = MAX (gtk_widget_get_height (self->area), 1);

  return MAX (1.0, MIN (ZOOM_MAX, ZOOM_PAGE_MAX / MAX (w, h)));
}

static void
clamp_pan (LbChartView *self)
{
  double w = gtk_widget_get_width (self->area), h = gtk_widget_get_height (self->area);

  self->pan_x = CLAMP (self->pan_x, 0, MAX (0, w * self->zoom - w));
  self->pan_y = CLAMP (self->pan_y, 0, MAX (0, h * self->zoom - h));
  /* whole pixels: the cache is reused only at the very same offset */
  self->pan_x = floor (self->pan_x);
  self->pan_y = floor (self->pan_y);
}

static void
update_zoom_buttons (LbChartView *self)
{
  gtk_widget_set_visible (self->zoom_box, self->chart != NULL && self->render_error == NULL);
}

/**
 * lb_chart_view_set_zoom:
 * Zooms to @zoom (1 = the chart fits the view; clamped to 1 … 40, and to a
 * page of 90000 px) keeping the chart point under the view point (@x, @y) in
 * place.
 */
void
lb_chart_view_set_zoom (LbChartView *self,
                        double       zoom,
                        double       x,
                        double       y)
{
  double old;

  g_return_if_fail (LB_IS_CHART_VIEW (self));

  old = self->zoom;
  zoom = CLAMP (isfinite (zoom) ? zoom : 1.0, 1.0, zoom_limit (self));
  if (zoom == old)
    return;
  self->pan_x = (self->pan_x + x) * zoom / old - x;
  self->pan_y = (self->pan_y + y) * zoom / old - y;
  self->zoom = zoom;
  clamp_pan (self);
  gtk_widget_queue_draw (self->area);
}

double
lb_chart_view_get_zoom (LbChartView *self)
{
  g_return_val_if_fail (LB_IS_CHART_VIEW (self), 1.0);
  return self->zoom;
}

static void
zoom_step (LbChartView *self,
           double       factor)
{
  lb_chart_view_set_zoom (self, self->zoom * factor,
                          gtk_widget_get_width (self->area) / 2.0,
                          gtk_widget_get_height (self->area) / 2.0);
}

static void
zoom_in_cb (LbChartView *self)
{
  zoom_step (self, 1.5);
}

static void
zoom_out_cb (LbChartView *self)
{
  zoom_step (self, 1 / 1.5);
}

static void
zoom_fit_cb (LbChartView *self)
{
  lb_chart_view_set_zoom (self, 1.0, 0, 0);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           LbChartView              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = 0, y = 0;

  if (self->chart == NULL)
    return FALSE;
  if ((state & GDK_CONTROL_MASK) == 0)
    {
      /* a zoomed chart scrolls like a page; a fitted one leaves the wheel to the page */
      if (self->zoom <= 1)
        return FALSE;
      self->pan_x += dx * 40;
      self->pan_y += dy * 40;
      clamp_pan (self);
      gtk_widget_queue_draw (self->area);
      return TRUE;
    }
  {
    GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
    if (event == NULL || !gdk_event_get_position (event, &x, &y))
      {
        x = gtk_widget_get_width (self->area) / 2.0;
        y = gtk_widget_get_height (self->area) / 2.0;
      }
  }
  lb_chart_view_set_zoom (self, self->zoom * pow (1.2, -dy), x, y);
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               LbChartView    *self)
{
  if (self->zoom <= 1)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_pan_x = self->pan_x;
  self->drag_pan_y = self->pan_y;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                LbChartView    *self)
{
  self->pan_x = self->drag_pan_x - dx;
  self->pan_y = self->drag_pan_y - dy;
  clamp_pan (self);
  gtk_widget_queue_draw (self->area);
}

/* --- public API --- */

GtkWidget *
lb_chart_view_new (void)
{
  return g_object_new (LB_TYPE_CHART_VIEW, NULL);
}

void
lb_chart_view_set_chart (LbChartView *self,
                         LbChart     *chart)
{
  g_return_if_fail (LB_IS_CHART_VIEW (self));

  lb_chart_view_supersede_builds (self);

  /* a new chart of the same kind (a live curve, a re-fitted tree) keeps the
   * zoom; anything else starts fitted to the view */
  if (chart == NULL || self->chart == NULL
      || g_strcmp0 (lb_chart_get_kind (chart), lb_chart_get_kind (self->chart)) != 0)
    {
      self->zoom = 1.0;
      self->pan_x = self->pan_y = 0;
    }

  if (chart != NULL)
    lb_chart_ref (chart);
  g_clear_pointer (&self->chart, lb_chart_unref);
  self->chart = chart;
  g_clear_pointer (&self->render_error, g_free);
  if (chart != NULL)
    g_clear_pointer (&self->message, g_free);

  g_clear_handle_id (&self->status_id, g_source_remove);
  gtk_widget_set_visible (self->status_label, FALSE);

  lb_chart_view_invalidate (self);
  lb_chart_view_update_visibility (self);
  gtk_widget_queue_draw (self->area);
}

LbChart *
lb_chart_view_get_chart (LbChartView *self)
{
  g_return_val_if_fail (LB_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
lb_chart_view_set_message (LbChartView *self,
                           const char  *message)
{
  g_return_if_fail (LB_IS_CHART_VIEW (self));

  lb_chart_view_set_chart (self, NULL);
  g_free (self->message);
  self->message = g_strdup (message);
  lb_chart_view_update_visibility (self);
}

/* --- building a chart in the background --- */

typedef struct
{
  LbChartBuildFunc func;
  gpointer         data;
  GDestroyNotify   destroy;
} BuildTask;

typedef struct
{
  GWeakRef view;
  guint64  generation;
} BuildCall;

static void
build_task_free (BuildTask *task)
{
  if (task->destroy != NULL)
    task->destroy (task->data);
  g_free (task);
}

static void
build_job_func (LbJob        *job,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BuildTask *task = task_data;
  GError *error = NULL;
  LbChart *chart = task->func (task->data, &error);

  if (chart != NULL)
    lb_job_return_pointer (job, chart, (GDestroyNotify) lb_chart_unref);
  else
    lb_job_return_error (job, error);
}

static void
build_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  BuildCall *call = user_data;
  g_autoptr (LbChartView) self = g_weak_ref_get (&call->view);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = lb_job_propagate_pointer (result, &error);

  if (self != NULL && lb_generation_is_current (&self->build_generation, call->generation))
    {
      g_clear_object (&self->build_cancellable);
      if (chart != NULL)
        lb_chart_view_set_chart (self, chart);
      else
        lb_chart_view_set_message (self, error->message);
    }
  g_weak_ref_clear (&call->view);
  g_free (call);
}

/**
 * lb_chart_view_build:
 * Shows the chart @func builds from @data: at once, or with @background on
 * the engine's thread pool (the current chart stays meanwhile, or the view
 * says "Drawing…"). A chart or message set before the build ends supersedes
 * it; @destroy frees @data.
 */
void
lb_chart_view_build (LbChartView      *self,
                     LbChartBuildFunc  func,
                     gpointer          data,
                     GDestroyNotify    destroy,
                     gboolean          background)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbJob) job = NULL;
  BuildTask *task;
  BuildCall *call;

  g_return_if_fail (LB_IS_CHART_VIEW (self));
  g_return_if_fail (func != NULL);

  if (!background)
    {
      g_autoptr (LbChart) chart = func (data, &error);

      if (destroy != NULL)
        destroy (data);
      if (chart != NULL)
        lb_chart_view_set_chart (self, chart);
      else
        lb_chart_view_set_message (self, error->message);
      return;
    }

  /* The chart on show stays until its successor is ready (no flicker while
   * a slider moves); an empty view says what is happening. */
  if (self->chart != NULL && self->render_error == NULL)
    lb_chart_view_supersede_builds (self);
  else
    lb_chart_view_set_message (self, _("Drawing…"));
  task = g_new0 (BuildTask, 1);
  task->func = func;
  task->data = data;
  task->destroy = destroy;
  call = g_new0 (BuildCall, 1);
  g_weak_ref_init (&call->view, self);
  call->generation = self->build_generation.value;
  self->build_cancellable = g_cancellable_new ();

  job = lb_job_new (_("Drawing a chart"), NULL, self->build_cancellable, build_done_cb, call);
  lb_job_set_task_data (job, task, (GDestroyNotify) build_task_free);
  lb_job_run (job, build_job_func);
}

/**
 * lb_chart_view_get_shown_message:
 * The text shown instead of a chart (a hint, or why the chart cannot be
 * drawn), or NULL while a chart is on show.
 */
const char *
lb_chart_view_get_shown_message (LbChartView *self)
{
  g_return_val_if_fail (LB_IS_CHART_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->message_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->message_label));
}

/**
 * lb_chart_view_get_status:
 * The outcome of the last export ("Saved …" or the error), or NULL.
 */
const char *
lb_chart_view_get_status (LbChartView *self)
{
  g_return_val_if_fail (LB_IS_CHART_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->status_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->status_label));
}

guint
lb_chart_view_get_draw_count (LbChartView *self)
{
  g_return_val_if_fail (LB_IS_CHART_VIEW (self), 0);
  return self->draw_count;
}

/* --- GObject --- */

static void
lb_chart_view_dispose (GObject *object)
{
  LbChartView *self = LB_CHART_VIEW (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_handle_id (&self->status_id, g_source_remove);
  lb_generation_next (&self->build_generation);
  g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  lb_chart_view_invalidate (self);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);

  G_OBJECT_CLASS (lb_chart_view_parent_class)->dispose (object);
}

static void
lb_chart_view_finalize (GObject *object)
{
  LbChartView *self = LB_CHART_VIEW (object);

  g_clear_pointer (&self->chart, lb_chart_unref);
  g_free (self->message);
  g_free (self->render_error);

  G_OBJECT_CLASS (lb_chart_view_parent_class)->finalize (object);
}

static void
lb_chart_view_class_init (LbChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_chart_view_dispose;
  object_class->finalize = lb_chart_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lbchartview");
}

static void
lb_chart_view_init (LbChartView *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_widget_set_size_request (self->area, 160, 120);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_func, self, NULL);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), self->area);

  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->message_label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (self->message_label), 60);
  gtk_widget_set_halign (self->message_label, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->message_label, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (self->message_label, 24);
  gtk_widget_set_margin_end (self->message_label, 24);
  gtk_widget_add_css_class (self->message_label, "dim-label");
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->message_label);

  self->export_button = gtk_button_new_from_icon_name ("document-save-as-symbolic");
  gtk_widget_set_tooltip_text (self->export_button, _("Export the chart as PNG, SVG or PDF…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export…"), -1);
  gtk_widget_add_css_class (self->export_button, "flat");
  gtk_widget_add_css_class (self->export_button, "circular");
  gtk_widget_set_halign (self->export_button, GTK_ALIGN_END);
  gtk_widget_set_valign (self->export_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->export_button, 4);
  gtk_widget_set_margin_end (self->export_button, 4);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->export_button);
  gtk_widget_set_opacity (self->export_button, 0.0);
  g_signal_connect_swapped (self->export_button, "notify::has-focus", G_CALLBACK (update_export_opacity), self);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "enter", G_CALLBACK (pointer_enter_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (pointer_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  /* A right click on the chart exports it too. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_click_cb), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (click));

  /* zoom: ctrl + wheel around the pointer, buttons, drag to pan */
  self->zoom = 1.0;
  {
    static const struct { const char *icon; const char *tip; void (*cb) (LbChartView *); } buttons[3] = {
      { "zoom-out-symbolic", N_("Zoom out (Ctrl + wheel)"), zoom_out_cb },
      { "zoom-original-symbolic", N_("Fit the chart to the view"), zoom_fit_cb },
      { "zoom-in-symbolic", N_("Zoom in (Ctrl + wheel)"), zoom_in_cb },
    };
    GtkEventController *scroll;
    GtkGesture *drag;

    self->zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_widget_add_css_class (self->zoom_box, "linked");
    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      {
        GtkWidget *button = gtk_button_new_from_icon_name (buttons[i].icon);
        gtk_widget_set_tooltip_text (button, _(buttons[i].tip));
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _(buttons[i].tip), -1);
        gtk_widget_add_css_class (button, "flat");
        g_signal_connect_swapped (button, "clicked", G_CALLBACK (buttons[i].cb), self);
        g_signal_connect_swapped (button, "notify::has-focus", G_CALLBACK (update_export_opacity), self);
        gtk_box_append (GTK_BOX (self->zoom_box), button);
      }
    gtk_widget_set_halign (self->zoom_box, GTK_ALIGN_START);
    gtk_widget_set_valign (self->zoom_box, GTK_ALIGN_START);
    gtk_widget_set_margin_top (self->zoom_box, 4);
    gtk_widget_set_margin_start (self->zoom_box, 4);
    gtk_widget_set_opacity (self->zoom_box, 0.0);
    gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->zoom_box);

    scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
    g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
    gtk_widget_add_controller (self->area, scroll);
    drag = gtk_gesture_drag_new ();
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
    g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
    g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
    gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (drag));
  }

  self->status_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->status_label), TRUE);
  gtk_widget_set_halign (self->status_label, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->status_label, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (self->status_label, 6);
  gtk_widget_add_css_class (self->status_label, "osd");
  gtk_widget_add_css_class (self->status_label, "lb-chart-status");
  gtk_widget_set_visible (self->status_label, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->status_label);

  lb_chart_view_update_visibility (self);
}
