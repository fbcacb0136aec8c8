/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-hbars.c: named values as horizontal bars sorted from the largest
 * (at the top) down, each with its name on the left and its value at the
 * bar's end: feature importances of a forest, coefficients, permutation
 * scores. Negative values grow left of a zero line.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "lb-chart-private.h"

typedef struct
{
  LbChart   parent;
  guint     n;
  char    **names;    /* n, sorted by value, largest first */
  double   *values;
  char     *value_label;
} LbHBarsChart;

static void
hbars_render (LbChart   *chart,
              LbPlotCtx *ctx)
{
  LbHBarsChart *self = (LbHBarsChart *) chart;
  double font = ctx->font_px;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double names_w = 0, label_rel = 1.0, xlo = 0, xhi = 0, value_w, bar_h;
  LbRect box;

  for (guint i = 0; i < self->n; i++)
    {
      names_w = MAX (names_w, lb_plot_text_width (ctx, self->names[i], 1.0));
      xlo = MIN (xlo, self->values[i]);
      xhi = MAX (xhi, self->values[i]);
    }
  if (names_w > ctx->width * 0.35)
    {
      label_rel = MAX (0.5, ctx->width * 0.35 / names_w);
      names_w *= label_rel;
    }
  value_w = lb_plot_text_width (ctx, "-0.0000", 0.9);
  box.x = names_w + font * 1.6;
  box.y = top;
  box.width = ctx->width - box.x - font * 1.6 - value_w;
  box.height = ctx->height - top - font * 2.8 - (self->value_label != NULL ? font * 2.2 : 0);
  if (box.width < 8 || box.height < 8)
    return;
  bar_h = box.height / self->n;
  if (bar_h < font * 1.3)
    label_rel = MIN (label_rel, MAX (0.4, bar_h / (font * 1.3)));
  if (xhi == xlo)
    xhi = 1;
  if (xhi > 0)
    xhi += (xhi - xlo) * 0.04;  /* the longest bar short of the frame */
  lb_plot_nice_range (&xlo, &xhi, 0);
  if (xlo < 0)
    xlo -= (xhi - xlo) * 0.12;  /* room for the values of negative bars */
  lb_plot_set_viewport (ctx, &box, xlo, xhi, self->n, 0);
  plcol0 (LB_PLOT_COLOR_GRID);
  plwidth (0.8 * ctx->scale);
  plbox ("g", ctx->xtick, 0, "", 0, 0);
  plwidth (1.0);

  lb_plot_cairo_begin (ctx);
  for (guint i = 0; i < self->n; i++)
    {
      double x0, y0, x1, y1;
      lb_plot_world_to_user (ctx, 0, i + 0.12, &x0, &y0);
      lb_plot_world_to_user (ctx, self->values[i], i + 0.88, &x1, &y1);
      cairo_rectangle (ctx->cr, MIN (x0, x1), y0, fabs (x1 - x0), y1 - y0);
    }
  lb_plot_cairo_rgb (ctx->cr, 0x1f77b4, 1);
  cairo_fill (ctx->cr);
  lb_plot_cairo_end (ctx);

  plcol0 (LB_PLOT_COLOR_AXIS);
  plwidth (0.9 * ctx->scale);
  plbox ("bc", 0, 0, "bc", 0, 0);
  plbox ("binst", ctx->xtick, 0, "", 0, 0);
  plwidth (1.0);
  plcol0 (LB_PLOT_COLOR_TEXT);
  for (guint i = 0; i < self->n; i++)
    {
      char text[32];
      double ux, uy, vx, vy;

      lb_plot_world_to_user (ctx, xlo, i + 0.5, &ux, &uy);
      lb_plot_text_px (ctx, ux - font * 0.6, uy, 0, 1.0, label_rel, self->names[i]);
      if (bar_h >= font * 0.9)
        {
          lb_plot_format_value (text, sizeof text, self->values[i]);
          lb_plot_world_to_user (ctx, self->values[i], i + 0.5, &vx, &vy);
          lb_plot_text_px (ctx, vx + (self->values[i] < 0 ? -font * 0.4 : font * 0.4), vy, 0,
                           self->values[i] < 0 ? 1.0 : 0.0, MIN (0.9, label_rel), text);
        }
    }
  if (self->value_label != NULL)
    lb_plot_text_px (ctx, box.x + box.width / 2, box.y + box.height + font * 3.6, 0, 0.5, 1.0, self->value_label);
}

static void
hbars_free (LbChart *chart)
{
  LbHBarsChart *self = (LbHBarsChart *) chart;

  g_strfreev (self->names);
  g_free (self->values);
  g_free (self->value_label);
}

static const LbChartClass hbars_class = {
  "bars", hbars_render, hbars_free, NULL,
};

typedef struct
{
  double value;
  gsize  index;
} Item;

static int
compare_items (const void *a,
               const void *b)
{
  const Item *x = a, *y = b;

  /* largest first; equal values keep their order */
  if (x->value != y->value)
    return x->value < y->value ? 1 : -1;
  return (x->index > y->index) - (x->index < y->index);
}

LbChart *
lb_chart_new_bars (const char * const  *names,
                   const double        *values,
                   gsize                n,
                   guint                max_bars,
                   const char          *value_label,
                   GError             **error)
{
  LbHBarsChart *self;
  g_autofree Item *items = NULL;
  gsize kept = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n > 0 && values == NULL)
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("No values were given"));
      return NULL;
    }
  items = g_new (Item, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    if (isfinite (values[i]) && fabs (values[i]) <= LB_PLOT_MAX_WORLD)
      items[kept++] = (Item) { values[i], i };
  if (kept == 0)
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA, _("There are no values to draw"));
      return NULL;
    }
  qsort (items, kept, sizeof (Item), compare_items);
  if (max_bars > 0 && kept > max_bars)
    kept = max_bars;
  kept = MIN (kept, 500);

  self = (LbHBarsChart *) lb_chart_alloc (&hbars_class, sizeof *self, NULL);
  self->n = (guint) kept;
  self->names = g_new0 (char *, kept + 1);
  self->values = g_new (double, kept);
  for (gsize i = 0; i < kept; i++)
    {
      gsize src = items[i].index;
      self->values[i] = items[i].value;
      self->names[i] = names != NULL && names[src] != NULL ? g_strdup (names[src]) : g_strdup_printf ("x%zu", src);
    }
  self->value_label = g_strdup (value_label);
  return &self->parent;
}
