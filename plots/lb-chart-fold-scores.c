/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-fold-scores.c: the shortlist's comparison picture: per model its
 * k-fold validation scores as points, their mean as a tick and -+ one
 * standard deviation (numpy's, ddof = 0, as the book prints scores.std()) as
 * a whisker, one column per model. Folds still running are NaN and missing.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-chart-private.h"

typedef struct
{
  LbChart   parent;
  guint     n_models;
  guint     n_folds;
  char    **names;
  double   *scores;   /* n_models x n_folds */
  char     *label;
} LbFoldScoresChart;

static gboolean
model_stats (const LbFoldScoresChart *self,
             guint                    m,
             double                  *mean,
             double                  *std)
{
  double sum = 0, ss = 0;
  guint n = 0;

  for (guint f = 0; f < self->n_folds; f++)
    {
      double v = self->scores[m * self->n_folds + f];
      if (isfinite (v))
        {
          sum += v;
          n++;
        }
    }
  if (n == 0)
    return FALSE;
  *mean = sum / n;
  for (guint f = 0; f < self->n_folds; f++)
    {
      double v = self->scores[m * self->n_folds + f];
      if (isfinite (v))
        ss += (v - *mean) * (v - *mean);
    }
  *std = sqrt (ss / n);
  return TRUE;
}

static void
fold_scores_render (LbChart   *chart,
                    LbPlotCtx *ctx)
{
  LbFoldScoresChart *self = (LbFoldScoresChart *) chart;
  double font = ctx->font_px;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double ylo = INFINITY, yhi = -INFINITY, names_w = 0, numbers_w, left, bottom, col_w;
  gboolean rotate;
  double name_rel = 1.0;
  LbRect box;

  for (guint m = 0; m < self->n_models; m++)
    {
      double mean, std;
      for (guint f = 0; f < self->n_folds; f++)
        {
          double v = self->scores[m * self->n_folds + f];
          if (isfinite (v))
            {
              ylo = MIN (ylo, v);
              yhi = MAX (yhi, v);
            }
        }
      if (model_stats (self, m, &mean, &std))
        {
          ylo = MIN (ylo, mean - std);
          yhi = MAX (yhi, mean + std);
        }
      names_w = MAX (names_w, lb_plot_text_width (ctx, self->names[m], 1.0));
    }
  if (!(ylo <= yhi))
    {
      ylo = 0;
      yhi = 1;
    }
  lb_plot_nice_range (&ylo, &yhi, 0.08);

  numbers_w = lb_plot_y_numbers_width (ctx, ylo, yhi);
  left = font * 1.2 + numbers_w + font * 1.4 + (self->label != NULL ? font * 2.2 : 0);
  col_w = (ctx->width - left - font * 2.4) / self->n_models;
  /* names side by side, a little smaller if need be; else standing up */
  if (names_w > col_w * 0.92 && names_w * 0.78 <= col_w * 0.92)
    name_rel = col_w * 0.92 / names_w;
  rotate = names_w * name_rel > col_w * 0.92;
  bottom = rotate ? MIN (names_w, ctx->height * 0.3) + font * 2.0 : font * 3.0;
  box.x = left;
  box.y = top;
  box.width = ctx->width - left - font * 2.4;
  box.height = ctx->height - top - bottom;
  if (box.width < 8 || box.height < 8)
    return;
  lb_plot_set_viewport (ctx, &box, -0.5, self->n_models - 0.5, ylo, yhi);
  plcol0 (LB_PLOT_COLOR_GRID);
  plwidth (0.8 * ctx->scale);
  plbox ("", 0, 0, "g", ctx->ytick, 0);
  plwidth (1.0);

  lb_plot_cairo_begin (ctx);
  lb_plot_clip_viewport (ctx);
  for (guint m = 0; m < self->n_models; m++)
    {
      guint32 rgb = lb_palette_category (m);
      double mean, std, ux, uy, ux1, uy1;

      if (model_stats (self, m, &mean, &std))
        {
          /* the whisker with caps, then the mean's tick */
          cairo_set_source_rgb (ctx->cr, 0.2, 0.2, 0.2);
          cairo_set_line_width (ctx->cr, 1.5 * ctx->scale);
          lb_plot_world_to_user (ctx, m, mean - std, &ux, &uy);
          lb_plot_world_to_user (ctx, m, mean + std, &ux1, &uy1);
          cairo_move_to (ctx->cr, ux, uy);
          cairo_line_to (ctx->cr, ux1, uy1);
          for (guint e = 0; e < 2; e++)
            {
              double cy = e == 0 ? uy : uy1;
              cairo_move_to (ctx->cr, ux - col_w * 0.08, cy);
              cairo_line_to (ctx->cr, ux + col_w * 0.08, cy);
            }
          cairo_stroke (ctx->cr);
          lb_plot_world_to_user (ctx, m, mean, &ux, &uy);
          cairo_set_line_width (ctx->cr, 3.0 * ctx->scale);
          cairo_move_to (ctx->cr, ux - col_w * 0.22, uy);
          cairo_line_to (ctx->cr, ux + col_w * 0.22, uy);
          cairo_stroke (ctx->cr);
        }
      /* the folds spread a little sideways so equal scores stay visible */
      for (guint f = 0; f < self->n_folds; f++)
        {
          double v = self->scores[m * self->n_folds + f];
          double dx = self->n_folds > 1 ? ((double) f / (self->n_folds - 1) - 0.5) * 0.3 : 0;
          if (!isfinite (v))
            continue;
          lb_plot_world_to_user (ctx, m + dx, v, &ux, &uy);
          lb_plot_marker_path (ctx->cr, LB_MARKER_CIRCLE, ux, uy, 5.0 * ctx->scale);
        }
      lb_plot_cairo_rgb (ctx->cr, rgb, 1);
      cairo_fill (ctx->cr);
    }
  lb_plot_cairo_end (ctx);

  plcol0 (LB_PLOT_COLOR_AXIS);
  plwidth (0.9 * ctx->scale);
  plbox ("bc", 0, 0, "bc", 0, 0);
  plbox ("", 0, 0, "binstv", ctx->ytick, 0);
  plwidth (1.0);
  plcol0 (LB_PLOT_COLOR_TEXT);
  for (guint m = 0; m < self->n_models; m++)
    {
      double ux, uy, rel = 1.0;
      lb_plot_world_to_user (ctx, m, ylo, &ux, &uy);
      if (rotate)
        {
          if (names_w > ctx->height * 0.3)
            rel = MAX (0.5, ctx->height * 0.3 / names_w);
          lb_plot_text_px (ctx, ux, uy + font * 0.8, 90, 1.0, MIN (rel, MAX (0.5, col_w / (font * 1.6))),
                           self->names[m]);
        }
      else
        lb_plot_text_px (ctx, ux, uy + font * 1.4, 0, 0.5, name_rel, self->names[m]);
    }
  if (self->label != NULL)
    lb_plot_text_px (ctx, box.x - numbers_w - font * 2.4, box.y + box.height / 2, 90, 0.5, 1.0, self->label);
}

static void
fold_scores_free (LbChart *chart)
{
  LbFoldScoresChart *self = (LbFoldScoresChart *) chart;

  g_strfreev (self->names);
  g_free (self->scores);
  g_free (self->label);
}

static const LbChartClass fold_scores_class = {
  "fold-scores", fold_scores_render, fold_scores_free, NULL,
};

LbChart *
lb_chart_new_fold_scores (const char * const  *model_names,
                          const double        *scores,
                          guint                n_models,
                          guint                n_folds,
                          const char          *score_label,
                          GError             **error)
{
  LbFoldScoresChart *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_models == 0 || n_folds == 0 || scores == NULL || n_models > 200 || n_folds > 10000)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("Fold scores need 1 to 200 models and at least one fold (got %u models, %u folds)"),
                   n_models, n_folds);
      return NULL;
    }
  self = (LbFoldScoresChart *) lb_chart_alloc (&fold_scores_class, sizeof *self,
                                               _("Cross-validation scores per model"));
  self->n_models = n_models;
  self->n_folds = n_folds;
  self->scores = g_memdup2 (scores, (gsize) n_models * n_folds * sizeof (double));
  self->names = g_new0 (char *, n_models + 1);
  for (guint m = 0; m < n_models; m++)
    self->names[m] = model_names != NULL && model_names[m] != NULL ? g_strdup (model_names[m])
                                                                    : g_strdup_printf (_("Model %u"), m + 1);
  self->label = g_strdup (score_label);
  return &self->parent;
}
