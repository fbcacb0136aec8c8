/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart.c: the boxed, refcounted LbChart and the one render path every
 * kind goes through: paint the background, take the PLplot lock, start an
 * extcairo page on the caller's cairo_t, fix text sizes, let the kind draw,
 * end the page, give the cairo_t back as it was.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-chart-private.h"

G_DEFINE_BOXED_TYPE (LbChart, lb_chart, lb_chart_ref, lb_chart_unref)

LbChart *
lb_chart_alloc (const LbChartClass *klass,
                gsize               size,
                const char         *default_title)
{
  LbChart *chart;

  g_assert (size >= sizeof (LbChart));
  chart = g_malloc0 (size);
  g_atomic_ref_count_init (&chart->ref_count);
  chart->klass = klass;
  chart->default_title = g_strdup (default_title);
  return chart;
}

LbChart *
lb_chart_ref (LbChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_atomic_ref_count_inc (&chart->ref_count);
  return chart;
}

void
lb_chart_unref (LbChart *chart)
{
  g_return_if_fail (chart != NULL);
  if (!g_atomic_ref_count_dec (&chart->ref_count))
    return;
  if (chart->klass->free != NULL)
    chart->klass->free (chart);
  g_free (chart->title);
  g_free (chart->default_title);
  g_free (chart);
}

void
lb_chart_set_title (LbChart    *chart,
                    const char *title)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->title);
  chart->title = g_strdup (title);
}

const char *
lb_chart_get_title (LbChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->title != NULL ? chart->title : chart->default_title;
}

static GMutex area_lock;

gboolean
lb_chart_get_plot_area (LbChart *chart,
                        double  *x0,
                        double  *x1,
                        double  *wx0,
                        double  *wx1)
{
  gboolean has;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_mutex_lock (&area_lock);   /* a render on another thread writes them */
  has = chart->has_area;
  if (has)
    {
      *x0 = chart->area_x0;
      *x1 = chart->area_x1;
      *wx0 = chart->area_wx0;
      *wx1 = chart->area_wx1;
    }
  g_mutex_unlock (&area_lock);
  return has;
}

const char *
lb_chart_get_kind (LbChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->klass->name;
}

void
lb_chart_get_natural_size (LbChart *chart,
                           int     *width,
                           int     *height)
{
  int w = 1000, h = 700;

  g_return_if_fail (chart != NULL);
  if (chart->klass->natural_size != NULL)
    chart->klass->natural_size (chart, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

LbColumn *
lb_chart_lookup_numeric (LbTable     *table,
                         const char  *name,
                         GError     **error)
{
  LbColumn *column;

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                           _("No column was given"));
      return NULL;
    }
  column = lb_table_get_column_by_name (table, name);
  if (column == NULL)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("There is no column “%s”"), name);
      return NULL;
    }
  if (lb_column_get_kind (column) != LB_COLUMN_NUMERIC)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("Column “%s” is not numeric"), name);
      return NULL;
    }
  return column;
}

/* --- rendering --- */

static void
set_palette (void)
{
  plscmap0n (LB_PLOT_COLOR_N);
  plscol0 (LB_PLOT_COLOR_BACKGROUND, 255, 255, 255);
  plscol0 (LB_PLOT_COLOR_TEXT, 0x22, 0x22, 0x22);
  plscol0 (LB_PLOT_COLOR_GRID, 0xe2, 0xe2, 0xe2);
  plscol0 (LB_PLOT_COLOR_AXIS, 0x44, 0x44, 0x44);
  plscol0 (LB_PLOT_COLOR_BAR, 0x1f, 0x77, 0xb4);
}

/* Without the extcairo driver plinit() would ask on stdin for a device:
 * look for it first (once), with the lock held. */
static gboolean
have_extcairo (void)
{
  static gsize checked = 0;
  static gboolean found = FALSE;

  if (g_once_init_enter (&checked))
    {
      const char *menus[128], *names[128];
      const char **pm = menus, **pn = names;
      int n = G_N_ELEMENTS (names);

      plgDevs (&pm, &pn, &n);
      for (int i = 0; i < n && i < (int) G_N_ELEMENTS (names); i++)
        if (names[i] != NULL && strcmp (names[i], "extcairo") == 0)
          found = TRUE;
      g_once_init_leave (&checked, 1);
    }
  return found;
}

static gboolean
is_vector_surface (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return TRUE;
    default:
      return FALSE;
    }
}

GArray *
lb_chart_rows_to_draw (LbTable *table,
                       gsize    max_points)
{
  gsize n_rows = lb_table_get_n_rows (table);
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), MIN (n_rows, max_points > 0 ? max_points : n_rows));

  if (max_points > 0 && max_points < n_rows)
    {
      g_autoptr (GArray) sample = lb_table_sample_rows (table, max_points, 42);
      guint size = g_array_get_element_size (sample);

      /* the sample's element type is the data layer's: read either width */
      for (guint i = 0; i < sample->len; i++)
        {
          guint row = size == sizeof (guint64) ? (guint) g_array_index (sample, guint64, i)
                                               : g_array_index (sample, guint, i);
          g_array_append_val (rows, row);
        }
    }
  else
    for (guint i = 0; i < n_rows; i++)
      g_array_append_val (rows, i);
  return rows;
}

gboolean
lb_chart_render (LbChart  *chart,
                 cairo_t  *cr,
                 double    width,
                 double    height,
                 GError  **error)
{
  return lb_chart_render_timed (chart, cr, width, height, NULL, error);
}

gboolean
lb_chart_render_timed (LbChart  *chart,
                       cairo_t  *cr,
                       double    width,
                       double    height,
                       gint64   *points_us,
                       GError  **error)
{
  LbPlotCtx ctx = { 0 };
  PLFLT px0, px1, py0, py1;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_EXPORT,
                   _("Cannot draw: %s"), cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }
  if (!(width >= 1 && height >= 1) || width > 1e5 || height > 1e5)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("Cannot draw a chart of %g × %g"), width, height);
      return FALSE;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* too small to hold anything legible: the background is all there is */
  if (width < 48 || height < 36)
    {
      cairo_restore (cr);
      return TRUE;
    }

  ctx.cr = cr;
  ctx.width = width;
  ctx.height = height;
  ctx.vector = is_vector_surface (cr);
  cairo_get_matrix (cr, &ctx.base);
  /* text and markers grow a little with the page, within reason, so that a
   * thumbnail stays legible and a full-screen chart is not spidery */
  ctx.scale = CLAMP (sqrt (width * height / (1000.0 * 700.0)), 0.72, 1.35);
  ctx.font_px = 10.5 * ctx.scale;

  lb_plot_lock ();
  if (!have_extcairo ())
    {
      lb_plot_unlock ();
      cairo_restore (cr);
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_EXPORT,
                           _("PLplot’s cairo driver is missing: install plplot-driver-cairo"));
      return FALSE;
    }
  plsdev ("extcairo");
  plspage (0, 0, (PLINT) ceil (width), (PLINT) ceil (height), 0, 0);
  set_palette ();
  plinit ();
  pl_cmd (PLESC_DEVINIT, cr);
  pladv (0);

  plgspa (&px0, &px1, &py0, &py1);
  ctx.px_per_mm = px1 - px0 > 0 ? ceil (width) / (px1 - px0) : 72.0 / 25.4;
  lb_plot_set_text (&ctx, 1.0);
  plsmaj (4.5 * ctx.scale / ctx.px_per_mm, 1.0);
  plsmin (2.5 * ctx.scale / ctx.px_per_mm, 1.0);
  plsxax (7, 0);
  plsyax (7, 0);
  plfont (1);

  chart->klass->render (chart, &ctx);
  if (ctx.viewport.width > 0 && ctx.wx1 != ctx.wx0)
    {
      g_mutex_lock (&area_lock);
      chart->area_x0 = ctx.viewport.x / width;
      chart->area_x1 = (ctx.viewport.x + ctx.viewport.width) / width;
      chart->area_wx0 = ctx.wx0;
      chart->area_wx1 = ctx.wx1;
      chart->has_area = TRUE;
      g_mutex_unlock (&area_lock);
    }

  plend1 ();
  lb_plot_unlock ();
  if (points_us != NULL)
    *points_us = ctx.points_us;

  cairo_restore (cr);
  return TRUE;
}
