/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cli-plot.c: `learnbench plot KIND FILE [options] -o OUT.{png,svg,pdf}`.
 * Loads a file (or "sample:NAME"), builds the chart KIND asks for with the
 * options given, and exports it with no display. Wires only: every check on
 * the data is the chart's, and its message is printed as it is. The model
 * kinds fit a classifier on two columns (decision regions), read a saved
 * tree model (its diagram) or compare one column of two files (drift).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-cli-private.h"
#include "lb-plots.h"

typedef struct
{
  char    *output;
  char    *column;
  char    *x;
  char    *y;
  char    *color;
  char    *size;
  double   alpha;
  double   size_scale;
  int      max_points;
  int      bins;
  char    *bin_rule;
  char    *columns;
  int      width;
  int      height;
  char    *title;
  int      image_width;
  int      image_height;
  char    *label;
  int      count;
  char    *target;
  char    *model;
  GStrv    params;
  gboolean margins;
  int      resolution;
  int      max_depth;
  char    *with;
} PlotArgs;

static void
plot_args_clear (PlotArgs *a)
{
  g_free (a->output);
  g_free (a->column);
  g_free (a->x);
  g_free (a->y);
  g_free (a->color);
  g_free (a->size);
  g_free (a->bin_rule);
  g_free (a->columns);
  g_free (a->title);
  g_free (a->label);
  g_free (a->target);
  g_free (a->model);
  g_strfreev (a->params);
  g_free (a->with);
}

static const struct
{
  const char *name;
  const char *help;
} kinds[] = {
  { "histogram",      N_("one numeric column (--column, --bins, --bin-rule)") },
  { "histograms",     N_("every numeric column in a grid (--bins)") },
  { "scatter",        N_("--x against --y, with --color, --size, --alpha") },
  { "bar",            N_("value counts of a categorical column (--column)") },
  { "correlation",    N_("correlation heat map (all numeric columns, or --columns)") },
  { "scatter-matrix", N_("every pair of --columns a,b,c, histograms on the diagonal") },
  { "images",         N_("a grid of pictures with their labels (--label, --count)") },
  { "regions",        N_("decision regions of --model fitted on --x, --y to --target (--param, --margins)") },
  { "tree",           N_("the diagram of a saved decision tree model FILE (--max-depth)") },
  { "drift",          N_("--column of FILE against the same column of --with FILE2") },
};

/* A NULL-terminated list from "a,b,c" (blanks around names dropped). */
static GStrv
split_columns (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);
      if (*name != '\0')
        g_ptr_array_add (out, g_strdup (name));
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

/* A numeric column by name, with the plots layer's messages. */
static LbColumn *
numeric_column (LbTable     *table,
                const char  *name,
                GError     **error)
{
  LbColumn *column = lb_table_get_column_by_name (table, name != NULL ? name : "");

  if (column == NULL)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("There is no column “%s”"),
                   name != NULL ? name : "");
      return NULL;
    }
  if (lb_column_get_kind (column) != LB_COLUMN_NUMERIC)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("Column “%s” is not numeric"), name);
      return NULL;
    }
  return column;
}

/* `regions`: fits --model on the rows where --x, --y and --target are all
 * present, predicts over a grid, draws the regions and the points (and an
 * SVC's support vectors). */
static LbChart *
make_regions_chart (LbTable   *table,
                    PlotArgs  *a,
                    GError   **error)
{
  LbColumn *cx, *cy, *ct;
  g_autoptr (LbEstimator) est = NULL;
  g_autoptr (LbMatrix) all_y = NULL;
  g_autoptr (LbMatrix) X = NULL;
  g_autoptr (LbMatrix) y = NULL;
  g_autoptr (LbMatrix) codes = NULL;
  g_autoptr (LbDecisionGrid) grid = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *px = NULL;
  g_autofree double *py = NULL;
  g_autofree guint *pc = NULL;
  g_autofree double *sx = NULL;
  g_autofree double *sy = NULL;
  LbDecisionGridOptions gopt = { 0 };
  LbDecisionRegionsOptions opt = { 0 };
  const double *vx, *vy, *vt;
  gsize n_rows;

  if ((cx = numeric_column (table, a->x, error)) == NULL
      || (cy = numeric_column (table, a->y, error)) == NULL)
    return NULL;
  ct = lb_table_get_column_by_name (table, a->target);
  if (ct == NULL)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, _("There is no column “%s”"), a->target);
      return NULL;
    }
  all_y = lb_matrix_new_from_column (ct, error);
  if (all_y == NULL)
    return NULL;
  vx = lb_column_get_numeric (cx);
  vy = lb_column_get_numeric (cy);
  vt = lb_matrix_get_const_data (all_y);
  n_rows = lb_table_get_n_rows (table);
  for (guint i = 0; i < n_rows; i++)
    if (isfinite (vx[i]) && isfinite (vy[i]) && isfinite (vt[i]))
      g_array_append_val (rows, i);
  X = lb_matrix_new (rows->len, 2);
  for (guint k = 0; k < rows->len; k++)
    {
      guint i = g_array_index (rows, guint, k);
      LB_MATRIX_AT (X, k, 0) = vx[i];
      LB_MATRIX_AT (X, k, 1) = vy[i];
    }
  {
    const char *names[3] = { a->x, a->y, NULL };
    lb_matrix_set_column_names (X, names);
  }
  y = lb_matrix_take_rows (all_y, (const guint *) (gpointer) rows->data, rows->len);

  lb_estimators_register_builtin ();
  est = lb_estimator_new_by_name (a->model != NULL ? a->model : "SVC", error);
  if (est == NULL)
    return NULL;
  for (guint i = 0; a->params != NULL && a->params[i] != NULL; i++)
    {
      g_auto (GStrv) kv = g_strsplit (a->params[i], "=", 2);
      if (g_strv_length (kv) != 2)
        {
          g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                       _("A parameter is NAME=VALUE, not “%s”"), a->params[i]);
          return NULL;
        }
      if (!lb_estimator_set_param_string (est, g_strstrip (kv[0]), g_strstrip (kv[1]), error))
        return NULL;
    }
  if (!lb_estimator_fit (est, X, y, NULL, error))
    return NULL;
  gopt.resolution = (guint) a->resolution;
  px = g_new (double, MAX (rows->len, 1));
  py = g_new (double, MAX (rows->len, 1));
  for (guint k = 0; k < rows->len; k++)
    {
      px[k] = LB_MATRIX_AT (X, k, 0);
      py[k] = LB_MATRIX_AT (X, k, 1);
    }
  grid = lb_decision_grid_compute (est, px, py, rows->len, &gopt, NULL, error);
  if (grid == NULL)
    return NULL;
  codes = lb_estimator_encode_y (est, y, error);
  if (codes == NULL)
    return NULL;
  pc = g_new (guint, MAX (rows->len, 1));
  for (guint k = 0; k < rows->len; k++)
    {
      double c = lb_matrix_get_const_data (codes)[k];
      pc[k] = isfinite (c) && c >= 0 ? (guint) c : G_MAXUINT;
    }
  opt.x = px;
  opt.y = py;
  opt.point_class = pc;
  opt.n = rows->len;
  opt.x_label = a->x;
  opt.y_label = a->y;
  opt.show_margins = a->margins;
  if (LB_IS_SVC (est))
    {
      gsize n_sv = 0;
      const guint *support = lb_svc_get_support (LB_SVC (est), &n_sv);
      sx = g_new (double, MAX (n_sv, 1));
      sy = g_new (double, MAX (n_sv, 1));
      for (gsize k = 0; k < n_sv; k++)
        {
          sx[k] = px[support[k]];
          sy[k] = py[support[k]];
        }
      opt.sv_x = sx;
      opt.sv_y = sy;
      opt.n_sv = n_sv;
    }
  return lb_chart_new_decision_regions (grid, &opt, error);
}

/* `tree`: the first tree of a saved tree model (or of a pipeline ending in one). */
static LbChart *
make_tree_chart (const char  *path,
                 PlotArgs    *a,
                 GError     **error)
{
  g_autoptr (LbEstimator) est = NULL;
  LbEstimator *model;
  LbTree *tree;
  LbTreeChartOptions opt = { 0 };

  lb_estimators_register_builtin ();
  est = lb_model_file_load (path, error);
  if (est == NULL)
    return NULL;
  model = est;
  /* a pipeline: its last step ("model" in our projects) */
  if (lb_estimator_get_n_trees (model) == 0 && lb_estimator_get_child (est, "model") != NULL)
    model = lb_estimator_get_child (est, "model");
  tree = lb_estimator_get_n_trees (model) > 0 ? lb_estimator_get_tree (model, 0) : NULL;
  if (tree == NULL)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID,
                   _("%s is not a tree model: there is no tree to draw"), lb_estimator_get_name (model));
      return NULL;
    }
  opt.feature_names = lb_estimator_get_feature_names_in (model);
  if (lb_estimator_is_classifier (model))
    opt.class_names = lb_estimator_get_classes (model);
  opt.max_depth = (guint) a->max_depth;
  return lb_chart_new_tree (tree, &opt, error);
}

/* `drift`: one column of two files, as densities on shared bins. */
static LbChart *
make_drift_chart (LbTable   *table,
                  PlotArgs  *a,
                  GError   **error)
{
  g_autoptr (LbTable) other = lb_load_table (a->with, NULL, NULL, NULL, error);
  g_autofree char *name_b = NULL;
  LbColumn *ca, *cb;

  if (other == NULL)
    return NULL;
  if ((ca = numeric_column (table, a->column, error)) == NULL
      || (cb = numeric_column (other, a->column, error)) == NULL)
    return NULL;
  name_b = g_path_get_basename (a->with);
  return lb_chart_new_histogram_overlay (lb_column_get_numeric (ca), lb_column_get_n_rows (ca), _("training"),
                                         lb_column_get_numeric (cb), lb_column_get_n_rows (cb), name_b,
                                         a->column, (guint) a->bins, error);
}

static LbChart *
make_chart (const char  *kind,
            LbTable     *table,
            PlotArgs    *a,
            LbBinRule    rule,
            GError     **error)
{
  if (strcmp (kind, "histogram") == 0)
    return lb_chart_new_histogram (table, a->column, rule, (guint) a->bins, error);
  if (strcmp (kind, "histograms") == 0)
    return lb_chart_new_histogram_grid (table, (guint) a->bins, error);
  if (strcmp (kind, "scatter") == 0)
    {
      LbScatterOptions options = {
        .x = a->x, .y = a->y, .color_by = a->color, .size_by = a->size,
        .alpha = a->alpha, .size_scale = a->size_scale, .max_points = (gsize) a->max_points,
      };
      return lb_chart_new_scatter (table, &options, error);
    }
  if (strcmp (kind, "bar") == 0)
    return lb_chart_new_value_counts (table, a->column, error);
  if (strcmp (kind, "correlation") == 0)
    {
      g_auto (GStrv) names = a->columns != NULL ? split_columns (a->columns) : NULL;
      return lb_chart_new_correlation (table, (const char * const *) names, error);
    }
  if (strcmp (kind, "scatter-matrix") == 0)
    {
      g_auto (GStrv) names = split_columns (a->columns);
      return lb_chart_new_scatter_matrix (table, (const char * const *) names, error);
    }
  if (strcmp (kind, "images") == 0)
    {
      const char *label = a->label;
      if (label == NULL && lb_table_find_column (table, "label") >= 0)
        label = "label";
      return lb_chart_new_image_grid (table, (guint) a->image_width, (guint) a->image_height,
                                      label, (guint) a->count, error);
    }
  if (strcmp (kind, "regions") == 0)
    return make_regions_chart (table, a, error);
  if (strcmp (kind, "drift") == 0)
    return make_drift_chart (table, a, error);
  g_assert_not_reached ();
}

int
lb_cli_plot (int    argc,
             char **argv)
{
  PlotArgs a = {
    .alpha = 0, .bins = 0, .width = 1000, .height = 700,
    .image_width = 28, .image_height = 28, .count = 0,
  };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output, N_("Write the chart to FILE (.png, .svg or .pdf)"), N_("FILE") },
    { "column", 'c', 0, G_OPTION_ARG_STRING, &a.column, N_("The column of a histogram or a bar chart"), N_("NAME") },
    { "x", 'x', 0, G_OPTION_ARG_STRING, &a.x, N_("The column on the horizontal axis"), N_("NAME") },
    { "y", 'y', 0, G_OPTION_ARG_STRING, &a.y, N_("The column on the vertical axis"), N_("NAME") },
    { "color", 0, 0, G_OPTION_ARG_STRING, &a.color, N_("Colour the points by this column"), N_("NAME") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &a.size, N_("Size the points by this column (area proportional to it)"), N_("NAME") },
    { "alpha", 0, 0, G_OPTION_ARG_DOUBLE, &a.alpha, N_("Opacity of the points, 0 to 1 (default: 0.4 for many points)"), N_("A") },
    { "size-scale", 0, 0, G_OPTION_ARG_DOUBLE, &a.size_scale, N_("Point area in px² per unit of the size column (the book: 0.01)"), N_("K") },
    { "max-points", 0, 0, G_OPTION_ARG_INT, &a.max_points, N_("Draw a seeded sample of at most N rows"), N_("N") },
    { "bins", 0, 0, G_OPTION_ARG_INT, &a.bins, N_("Number of bins (default 50)"), N_("N") },
    { "bin-rule", 0, 0, G_OPTION_ARG_STRING, &a.bin_rule, N_("fixed, sturges, scott, fd or sqrt (default fixed)"), N_("RULE") },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &a.columns, N_("Columns of a correlation map or a scatter matrix"), N_("A,B,C") },
    { "width", 'W', 0, G_OPTION_ARG_INT, &a.width, N_("Width in pixels (points for SVG / PDF), default 1000"), N_("N") },
    { "height", 'H', 0, G_OPTION_ARG_INT, &a.height, N_("Height in pixels (points for SVG / PDF), default 700"), N_("N") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &a.title, N_("Title above the chart"), N_("TEXT") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &a.label, N_("Column of the captions of pictures (default: “label”)"), N_("NAME") },
    { "count", 'n', 0, G_OPTION_ARG_INT, &a.count, N_("Number of pictures (default 40)"), N_("N") },
    { "image-width", 0, 0, G_OPTION_ARG_INT, &a.image_width, N_("Width of one picture in pixels (default 28)"), N_("N") },
    { "image-height", 0, 0, G_OPTION_ARG_INT, &a.image_height, N_("Height of one picture in pixels (default 28)"), N_("N") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &a.target, N_("The class column of decision regions"), N_("NAME") },
    { "model", 0, 0, G_OPTION_ARG_STRING, &a.model, N_("The classifier of decision regions (default SVC)"), N_("CLASS") },
    { "param", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &a.params, N_("A parameter of the model (repeat it)"), N_("NAME=VALUE") },
    { "margins", 0, 0, G_OPTION_ARG_NONE, &a.margins, N_("Draw an SVM’s margins (decision = ±1)"), NULL },
    { "resolution", 0, 0, G_OPTION_ARG_INT, &a.resolution, N_("Grid cells per axis of decision regions (default 200)"), N_("N") },
    { "max-depth", 0, 0, G_OPTION_ARG_INT, &a.max_depth, N_("Draw a tree down to this depth only"), N_("N") },
    { "with", 0, 0, G_OPTION_ARG_FILENAME, &a.with, N_("The second data file of a drift chart"), N_("FILE2") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("KIND FILE -o OUTPUT"));
  g_auto (GStrv) args = lb_cli_args_dup (argc, argv, "plot");
  g_autoptr (GError) error = NULL;
  g_autoptr (LbTable) table = NULL;
  g_autoptr (LbChart) chart = NULL;
  g_autoptr (GString) description = g_string_new (NULL);
  LbBinRule rule = LB_BIN_RULE_FIXED;
  const char *kind, *file;
  gboolean known = FALSE;
  int status = 0;

  g_option_context_set_summary (context,
                                _("Draw a chart of a data file (CSV, TSV, .gz, IDX) or of a sample "
                                  "(“sample:moons”) into a PNG, SVG or PDF file."));
  g_string_append_printf (description, "%s\n", _("Kinds:"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_string_append_printf (description, "  %-15s %s\n", kinds[i].name, _(kinds[i].help));
  g_string_append_printf (description, "\n%s\n  %s\n",
                          _("The book's housing map:"),
                          "learnbench plot scatter housing.csv --x longitude --y latitude "
                          "--color median_house_value --size population --size-scale 0.01 "
                          "--alpha 0.4 -o map.png");
  g_option_context_set_description (context, description->str);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      status = lb_cli_usage_error (context, error->message);
      goto out;
    }
  if (g_strv_length (args) != 3)
    {
      status = lb_cli_usage_error (context, _("Give a chart kind and one file."));
      goto out;
    }
  kind = args[1];
  file = args[2];
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    known |= strcmp (kind, kinds[i].name) == 0;
  if (!known)
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown chart kind “%s”."), kind);
      status = lb_cli_usage_error (context, msg);
      goto out;
    }
  if (a.output == NULL)
    {
      status = lb_cli_usage_error (context, _("Give the output file with -o FILE.png (or .svg, .pdf)."));
      goto out;
    }
  if (a.bin_rule != NULL && !lb_bin_rule_from_string (a.bin_rule, &rule))
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown bin rule “%s”: use fixed, sturges, scott, fd or sqrt."), a.bin_rule);
      status = lb_cli_usage_error (context, msg);
      goto out;
    }
  if (a.bins < 0 || a.max_points < 0 || a.count < 0 || a.image_width <= 0 || a.image_height <= 0
      || a.resolution < 0 || a.max_depth < 0)
    {
      status = lb_cli_usage_error (context, _("Counts and sizes must be positive numbers."));
      goto out;
    }
  if ((strcmp (kind, "histogram") == 0 || strcmp (kind, "bar") == 0) && a.column == NULL)
    {
      status = lb_cli_usage_error (context, _("Give the column with --column NAME."));
      goto out;
    }
  if (strcmp (kind, "scatter") == 0 && (a.x == NULL || a.y == NULL))
    {
      status = lb_cli_usage_error (context, _("Give both axes with --x NAME --y NAME."));
      goto out;
    }
  if (strcmp (kind, "scatter-matrix") == 0 && a.columns == NULL)
    {
      status = lb_cli_usage_error (context, _("Give the columns with --columns A,B,C."));
      goto out;
    }

  if (strcmp (kind, "regions") == 0 && (a.x == NULL || a.y == NULL || a.target == NULL))
    {
      status = lb_cli_usage_error (context, _("Give the two features and the classes with --x NAME --y NAME --target NAME."));
      goto out;
    }
  if (strcmp (kind, "drift") == 0 && (a.column == NULL || a.with == NULL))
    {
      status = lb_cli_usage_error (context, _("Give the column and the second file with --column NAME --with FILE2."));
      goto out;
    }

  if (strcmp (kind, "tree") == 0)
    {
      chart = make_tree_chart (file, &a, &error);
      /* a big tree gets the page it needs (within what -W / -H allow) */
      if (chart != NULL)
        {
          int nw, nh;
          lb_chart_get_natural_size (chart, &nw, &nh);
          a.width = MAX (a.width, MIN (nw, 16384));
          a.height = MAX (a.height, MIN (nh, 16384));
        }
    }
  else
    {
      table = lb_load_table (file, NULL, NULL, NULL, &error);
      if (table == NULL)
        {
          status = lb_cli_failure (error);
          goto out;
        }
      chart = make_chart (kind, table, &a, rule, &error);
    }
  if (chart == NULL)
    {
      status = lb_cli_failure (error);
      goto out;
    }
  if (a.title != NULL)
    lb_chart_set_title (chart, a.title);
  if (!lb_chart_export (chart, a.output, a.width, a.height, &error))
    {
      status = lb_cli_failure (error);
      goto out;
    }

out:
  plot_args_clear (&a);
  return status;
}
