/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-tree.c: a fitted decision tree as the book's Figure 6-1: a box per
 * node with the lines scikit-learn's export_graphviz writes (split, impurity,
 * samples, value, class), filled with the majority class's colour, lighter
 * the less pure the node. Leaves take consecutive slots and parents sit over
 * their children's middle, so boxes never overlap; deep trees can be cut at
 * a depth, the cut subtrees drawn as "(…)" boxes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-chart-private.h"

#define MAX_SHOWN 50000
#define MAX_NATURAL 30000

typedef struct
{
  int       node;     /* index in the tree, -1 for a "(…)" stub */
  int       parent;   /* index in shown, -1 for the root */
  guint     depth;
  double    x;        /* slot units: leaves at 0.5, 1.5, … */
  char     *text;     /* lines joined by '\n' */
  guint     n_lines;
  guint32   fill;
  gboolean  is_left;  /* the left ("True") child of its parent */
} Shown;

typedef struct
{
  LbChart  parent;
  LbTree  *tree;
  GArray  *shown;      /* Shown */
  guint    n_slots;
  guint    n_levels;
  guint    max_lines;
  double   widest;     /* the widest text line in px at a 10.5 px font, measured once */
} LbTreeChart;

/* Python's str (round (v, precision)): fixed decimals, trailing zeros
 * dropped but one kept ("3.0") */
static char *
format_rounded (double v,
                int    precision)
{
  char *s = g_strdup_printf ("%.*f", precision, v);
  char *dot = strchr (s, '.');

  if (dot != NULL)
    {
      char *end = s + strlen (s) - 1;
      while (end > dot + 1 && *end == '0')
        *end-- = '\0';
    }
  else
    {
      char *t = g_strconcat (s, ".0", NULL);
      g_free (s);
      s = t;
    }
  if (strcmp (s, "-0.0") == 0)
    {
      g_free (s);
      s = g_strdup ("0.0");
    }
  return s;
}

static char *
node_text (const LbTree              *tree,
           guint                      i,
           const LbTreeChartOptions  *opt,
           guint                     *n_lines)
{
  const LbTreeNode *nd = &tree->nodes[i];
  const double *value = tree->values + (gsize) i * tree->n_values;
  int precision = opt->precision > 0 ? opt->precision : 3;
  GString *s = g_string_new (NULL);
  g_autofree char *imp = format_rounded (nd->impurity, precision);

  *n_lines = 0;
  if (nd->left != LB_TREE_LEAF)
    {
      g_autofree char *thr = format_rounded (nd->threshold, precision);
      g_autofree char *fallback = g_strdup_printf ("x[%d]", nd->feature);
      const char *name = opt->feature_names != NULL && opt->feature_names[nd->feature] != NULL
                         ? opt->feature_names[nd->feature] : fallback;
      g_string_append_printf (s, "%s <= %s\n", name, thr);
      (*n_lines)++;
    }
  g_string_append_printf (s, "%s = %s\n", tree->criterion != NULL ? tree->criterion : "impurity", imp);
  g_string_append_printf (s, "samples = %u\n", nd->n_samples);
  *n_lines += 2;
  if (tree->n_classes > 0)
    {
      gboolean integral = TRUE;
      guint best = 0;
      for (guint c = 0; c < tree->n_values; c++)
        {
          integral &= value[c] == floor (value[c]);
          if (value[c] > value[best])
            best = c;
        }
      g_string_append (s, "value = [");
      for (guint c = 0; c < tree->n_values; c++)
        {
          g_autofree char *v = integral ? g_strdup_printf ("%.0f", value[c]) : format_rounded (value[c], precision);
          g_string_append_printf (s, "%s%s", c > 0 ? ", " : "", v);
        }
      g_string_append (s, "]\n");
      if (opt->class_names != NULL && opt->class_names[best] != NULL)
        g_string_append_printf (s, "class = %s", opt->class_names[best]);
      else
        g_string_append_printf (s, "class = %u", best);
      *n_lines += 2;
    }
  else
    {
      g_autofree char *v = format_rounded (value[0], precision);
      g_string_append_printf (s, "value = %s", v);
      (*n_lines)++;
    }
  return g_string_free (s, FALSE);
}

static guint32
node_fill (const LbTree *tree,
           guint         i,
           double        vmin,
           double        vmax)
{
  const double *value = tree->values + (gsize) i * tree->n_values;

  if (tree->n_classes > 0)
    {
      double total = 0, p1 = 0, p2 = 0, alpha;
      guint best = 0;

      for (guint c = 0; c < tree->n_values; c++)
        {
          total += value[c];
          if (value[c] > value[best])
            best = c;
        }
      for (guint c = 0; c < tree->n_values; c++)
        {
          double p = total > 0 ? value[c] / total : 0;
          if (p > p1)
            {
              p2 = p1;
              p1 = p;
            }
          else if (p > p2)
            p2 = p;
        }
      /* export_graphviz's alpha: how far the top class leads the second */
      alpha = p2 < 1 ? (p1 - p2) / (1 - p2) : 0;
      return lb_color_lighten (lb_palette_category (best), 1 - 0.7 * alpha);
    }
  else
    {
      double t = vmax > vmin ? (value[0] - vmin) / (vmax - vmin) : 0.5;
      return lb_color_lighten (0xe58139, 1 - 0.75 * t);
    }
}

/* Depth-first placement: returns the x (slot units) of the shown node it adds. */
static double
place (LbTreeChart              *self,
       const LbTreeChartOptions *opt,
       int                       node,
       int                       parent,
       guint                     depth,
       gboolean                  is_left,
       double                    vmin,
       double                    vmax)
{
  const LbTree *tree = self->tree;
  Shown sh = { 0 };
  guint index = self->shown->len;
  gboolean cut;

  sh.node = node;
  sh.parent = parent;
  sh.depth = depth;
  sh.is_left = is_left;
  self->n_levels = MAX (self->n_levels, depth + 1);
  if (node < 0)
    {
      sh.text = g_strdup ("(…)");
      sh.n_lines = 1;
      sh.fill = 0xeeeeee;
      sh.x = self->n_slots++ + 0.5;
      g_array_append_val (self->shown, sh);
      return sh.x;
    }
  sh.text = node_text (tree, node, opt, &sh.n_lines);
  sh.fill = node_fill (tree, node, vmin, vmax);
  self->max_lines = MAX (self->max_lines, sh.n_lines);
  g_array_append_val (self->shown, sh);

  if (tree->nodes[node].left == LB_TREE_LEAF)
    {
      g_array_index (self->shown, Shown, index).x = self->n_slots++ + 0.5;
      return g_array_index (self->shown, Shown, index).x;
    }
  cut = opt->max_depth > 0 && depth >= opt->max_depth;
  {
    double xl = place (self, opt, cut ? -1 : tree->nodes[node].left, index, depth + 1, TRUE, vmin, vmax);
    double xr = place (self, opt, cut ? -1 : tree->nodes[node].right, index, depth + 1, FALSE, vmin, vmax);
    g_array_index (self->shown, Shown, index).x = (xl + xr) / 2;
    return (xl + xr) / 2;
  }
}

typedef struct
{
  double box_w, line_h, box_h, slot_w, level_h, natural_w, natural_h;
} Metrics;

#define MEASURE_FONT_PX 10.5

/* The widest line of all boxes at a MEASURE_FONT_PX font (once per chart:
 * thousands of nodes are too many to measure on every frame). */
static double
measure_widest (LbTreeChart *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  LbPlotCtx ctx = { 0 };
  double widest = 0;

  ctx.cr = cairo_create (surface);
  cairo_get_matrix (ctx.cr, &ctx.base);
  ctx.scale = 1.0;
  ctx.font_px = MEASURE_FONT_PX;
  for (guint i = 0; i < self->shown->len; i++)
    {
      g_auto (GStrv) lines = g_strsplit (g_array_index (self->shown, Shown, i).text, "\n", -1);
      for (guint k = 0; lines[k] != NULL; k++)
        widest = MAX (widest, lb_plot_text_width (&ctx, lines[k], 1.0));
    }
  cairo_destroy (ctx.cr);
  cairo_surface_destroy (surface);
  return widest;
}

/* Sizes at text scale 1 of @ctx */
static void
measure (LbTreeChart *self,
         LbPlotCtx   *ctx,
         Metrics     *m)
{
  double font = ctx->font_px, widest = self->widest * font / MEASURE_FONT_PX;

  m->box_w = widest + font * 1.6;
  m->line_h = font * 1.75;
  m->box_h = m->line_h * self->max_lines + font * 0.9;
  m->slot_w = m->box_w + font * 1.2;
  m->level_h = m->box_h + font * 3.4;
  m->natural_w = self->n_slots * m->slot_w;
  m->natural_h = self->n_levels * m->level_h - font * 3.4;
}

static void
tree_render (LbChart   *chart,
             LbPlotCtx *ctx)
{
  LbTreeChart *self = (LbTreeChart *) chart;
  double font = ctx->font_px;
  double top = lb_plot_title (ctx, lb_chart_get_title (chart));
  double margin = font * 1.0, avail_w, avail_h, s, ox, oy;
  double vis_x0, vis_y0, vis_x1, vis_y1;
  Metrics m;

  measure (self, ctx, &m);
  avail_w = ctx->width - 2 * margin;
  avail_h = ctx->height - top - margin;
  if (avail_w < 8 || avail_h < 8)
    return;
  s = MIN (MIN (avail_w / m.natural_w, avail_h / m.natural_h), 1.25);
  ox = margin + (avail_w - m.natural_w * s) / 2;
  oy = top;

  lb_plot_cairo_begin (ctx);
  /* a zoomed view shows a window on the page: only what falls in it is drawn */
  cairo_clip_extents (ctx->cr, &vis_x0, &vis_y0, &vis_x1, &vis_y1);
  /* edges from the bottom of a parent to the top of each child */
  cairo_set_line_width (ctx->cr, MAX (0.4, 1.2 * s * ctx->scale));
  cairo_set_source_rgb (ctx->cr, 0.35, 0.35, 0.35);
  for (guint i = 0; i < self->shown->len; i++)
    {
      const Shown *c = &g_array_index (self->shown, Shown, i);
      const Shown *p;
      if (c->parent < 0)
        continue;
      p = &g_array_index (self->shown, Shown, c->parent);
      if (MAX (p->x, c->x) * m.slot_w * s + ox < vis_x0 || MIN (p->x, c->x) * m.slot_w * s + ox > vis_x1
          || oy + p->depth * m.level_h * s > vis_y1 || oy + c->depth * m.level_h * s < vis_y0)
        continue;
      cairo_move_to (ctx->cr, ox + p->x * m.slot_w * s, oy + (p->depth * m.level_h + m.box_h) * s);
      cairo_line_to (ctx->cr, ox + c->x * m.slot_w * s, oy + c->depth * m.level_h * s);
    }
  cairo_stroke (ctx->cr);
  for (guint i = 0; i < self->shown->len; i++)
    {
      const Shown *n = &g_array_index (self->shown, Shown, i);
      double h = n->node < 0 ? m.line_h + font * 0.9 : m.box_h;
      double w = n->node < 0 ? MIN (m.box_w, font * 5) : m.box_w;
      double x = ox + (n->x * m.slot_w - w / 2) * s, y = oy + n->depth * m.level_h * s;
      double r = MIN (font * 0.6 * s, w * s / 4);

      if (x > vis_x1 || x + w * s < vis_x0 || y > vis_y1 || y + h * s < vis_y0)
        continue;
      if (w * s < 6)
        {
          /* a few pixels wide: a plain block is all that shows */
          cairo_rectangle (ctx->cr, x, y, w * s, h * s);
          lb_plot_cairo_rgb (ctx->cr, n->fill, 1);
          cairo_fill (ctx->cr);
          continue;
        }
      cairo_new_sub_path (ctx->cr);
      cairo_arc (ctx->cr, x + w * s - r, y + r, r, -G_PI / 2, 0);
      cairo_arc (ctx->cr, x + w * s - r, y + h * s - r, r, 0, G_PI / 2);
      cairo_arc (ctx->cr, x + r, y + h * s - r, r, G_PI / 2, G_PI);
      cairo_arc (ctx->cr, x + r, y + r, r, G_PI, 1.5 * G_PI);
      cairo_close_path (ctx->cr);
      lb_plot_cairo_rgb (ctx->cr, n->fill, 1);
      cairo_fill_preserve (ctx->cr);
      cairo_set_source_rgb (ctx->cr, 0.25, 0.25, 0.25);
      cairo_set_line_width (ctx->cr, MAX (0.4, 1.0 * s * ctx->scale));
      cairo_stroke (ctx->cr);
    }
  lb_plot_cairo_end (ctx);

  /* text only when it can be read: 4 px letters and up */
  if (font * s < 4)
    return;
  plcol0 (LB_PLOT_COLOR_TEXT);
  for (guint i = 0; i < self->shown->len; i++)
    {
      const Shown *n = &g_array_index (self->shown, Shown, i);
      g_auto (GStrv) lines = NULL;
      double cx = ox + n->x * m.slot_w * s, y = oy + (n->depth * m.level_h + font * 0.45 + m.line_h / 2) * s;

      if (cx + m.box_w * s / 2 < vis_x0 || cx - m.box_w * s / 2 > vis_x1
          || y - m.line_h * s > vis_y1 || y + m.box_h * s < vis_y0)
        continue;
      lines = g_strsplit (n->text, "\n", -1);

      for (guint k = 0; lines[k] != NULL; k++)
        lb_plot_text_px (ctx, cx, y + k * m.line_h * s, 0, 0.5, s, lines[k]);
    }
  /* scikit-learn marks the root's two edges */
  if (self->shown->len > 1)
    {
      const Shown *root = &g_array_index (self->shown, Shown, 0);
      for (guint i = 1; i < self->shown->len; i++)
        {
          const Shown *c = &g_array_index (self->shown, Shown, i);
          double px, py, cx, cy;
          if (c->parent != 0)
            continue;
          px = ox + root->x * m.slot_w * s;
          py = oy + m.box_h * s;
          cx = ox + c->x * m.slot_w * s;
          cy = oy + m.level_h * s;
          lb_plot_text_px (ctx, (px + cx) / 2 + (c->is_left ? -font * s : font * s), (py + cy) / 2, 0,
                           c->is_left ? 1.0 : 0.0, 0.9 * s, c->is_left ? _("True") : _("False"));
        }
    }
}

static void
tree_natural_size (LbChart *chart,
                   int     *width,
                   int     *height)
{
  LbTreeChart *self = (LbTreeChart *) chart;
  LbPlotCtx ctx = { 0 };
  Metrics m;

  ctx.scale = 1.0;
  ctx.font_px = MEASURE_FONT_PX;
  measure (self, &ctx, &m);
  /* the margins and title the render adds */
  *width = (int) CLAMP (ceil (m.natural_w + 2 * 10.5), 400, MAX_NATURAL);
  *height = (int) CLAMP (ceil (m.natural_h + 10.5 * 4.2), 300, MAX_NATURAL);
}

static void
tree_free (LbChart *chart)
{
  LbTreeChart *self = (LbTreeChart *) chart;

  for (guint i = 0; i < self->shown->len; i++)
    g_free (g_array_index (self->shown, Shown, i).text);
  g_array_unref (self->shown);
  lb_tree_unref (self->tree);
}

static const LbChartClass tree_class = {
  "tree", tree_render, tree_free, tree_natural_size,
};

char *
lb_chart_tree_node_text (LbChart *chart,
                         guint    node)
{
  LbTreeChart *self = (LbTreeChart *) chart;

  g_return_val_if_fail (chart != NULL, NULL);
  if (chart->klass != &tree_class)
    return NULL;
  for (guint i = 0; i < self->shown->len; i++)
    if (g_array_index (self->shown, Shown, i).node == (int) node)
      return g_strdup (g_array_index (self->shown, Shown, i).text);
  return NULL;
}

/* Children after their parent (as every builder numbers them) rules out
 * cycles; counts the nodes a walk to @max_depth would show. */
static gboolean
check_tree (const LbTree  *tree,
            guint          max_depth,
            GError       **error)
{
  g_autofree guint *depth = g_new0 (guint, tree->n_nodes);
  gsize shown = 0;

  for (guint i = 0; i < tree->n_nodes; i++)
    {
      const LbTreeNode *nd = &tree->nodes[i];
      gboolean leaf = nd->left == LB_TREE_LEAF;

      if (leaf != (nd->right == LB_TREE_LEAF)
          || (!leaf && (nd->left <= (int) i || nd->right <= (int) i
                        || nd->left >= (int) tree->n_nodes || nd->right >= (int) tree->n_nodes
                        || nd->feature < 0 || (guint) nd->feature >= tree->n_features)))
        {
          g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                       _("Tree node %u has invalid children or feature"), i);
          return FALSE;
        }
      if (!leaf)
        {
          depth[nd->left] = depth[i] + 1;
          depth[nd->right] = depth[i] + 1;
        }
      if (max_depth == 0 || depth[i] <= max_depth + 1)
        shown++;
    }
  if (shown > MAX_SHOWN)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("The tree has too many nodes to draw (%zu): choose a maximum depth"), shown);
      return FALSE;
    }
  return TRUE;
}

LbChart *
lb_chart_new_tree (LbTree                    *tree,
                   const LbTreeChartOptions  *options,
                   GError                   **error)
{
  LbTreeChartOptions opt = { 0 };
  LbTreeChart *self;
  double vmin = INFINITY, vmax = -INFINITY;

  g_return_val_if_fail (tree != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options != NULL)
    opt = *options;
  if (tree->n_nodes == 0 || tree->nodes == NULL || tree->values == NULL || tree->n_values == 0)
    {
      g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA, _("The tree has no nodes"));
      return NULL;
    }
  if (opt.precision < 0 || opt.precision > 15)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("Invalid precision %d"), opt.precision);
      return NULL;
    }
  if (!check_tree (tree, opt.max_depth, error))
    return NULL;
  if (tree->n_classes == 0)
    for (guint i = 0; i < tree->n_nodes; i++)
      {
        vmin = MIN (vmin, tree->values[(gsize) i * tree->n_values]);
        vmax = MAX (vmax, tree->values[(gsize) i * tree->n_values]);
      }

  self = (LbTreeChart *) lb_chart_alloc (&tree_class, sizeof *self, NULL);
  self->tree = lb_tree_ref (tree);
  self->shown = g_array_new (FALSE, TRUE, sizeof (Shown));
  place (self, &opt, 0, -1, 0, FALSE, vmin, vmax);
  self->widest = measure_widest (self);
  return &self->parent;
}
