/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-gd-lab-page.c: LbGdLabPage. Each tab's settings start a job (the
 * engine's lb-lab.h computations) that supersedes the tab's previous one;
 * results come back to the main thread and become charts. Playing the
 * gradient descent only reveals more of a path already computed, so it
 * costs a chart rebuild per frame, never a fit.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-engine.h"
#include "lb-gd-lab-page.h"
#include "lb-lab.h"

#define N_POINTS   100
#define GRID       60
#define PLAY_MS    40
#define PLAY_TICKS 150   /* a path plays in about PLAY_TICKS frames */

typedef enum
{
  TAB_DESCENT,
  TAB_DEGREE,
  TAB_REGULARIZATION,
  N_TABS
} Tab;

static const char * const tab_names[N_TABS] = { "descent", "degree", "regularization" };

struct _LbGdLabPage
{
  GtkWidget      parent_instance;

  GtkWidget     *notebook;
  GtkWidget     *status[N_TABS];
  LbJob         *job[N_TABS];
  LbGeneration   generation[N_TABS];

  /* gradient descent */
  GtkWidget     *method;
  GtkWidget     *eta;
  GtkWidget     *schedule;
  GtkWidget     *t0;
  GtkWidget     *t1;
  GtkWidget     *steps;
  GtkWidget     *steps_label;
  GtkWidget     *batch;
  GtkWidget     *seed;
  GtkWidget     *play_button;
  GtkWidget     *step_button;
  LbChartView   *descent_fit;
  LbChartView   *descent_cost;
  double        *linear_x, *linear_y;
  LbGdLabResult *descent;
  guint          shown;            /* the step on show */
  guint          play_id;

  /* polynomial degree */
  GtkWidget     *degree;
  GtkWidget     *degree_seed;
  LbChartView   *degree_fit;
  LbChartView   *degree_curves;
  double        *quad_x, *quad_y;
  LbPolyLabResult *poly;

  /* regularization */
  GtkWidget     *reg_model;
  GtkWidget     *reg_alpha;         /* log10 alpha */
  GtkWidget     *reg_degree;
  LbChartView   *reg_fit;
  LbChartView   *reg_paths;
  LbRegLabResult *reg;

  char          *status_text[N_TABS];
};

G_DEFINE_FINAL_TYPE (LbGdLabPage, lb_gd_lab_page, GTK_TYPE_WIDGET)

/* --- small helpers --- */

static void
set_status (LbGdLabPage *self,
            Tab          tab,
            const char  *text)
{
  g_free (self->status_text[tab]);
  self->status_text[tab] = g_strdup (text);
  gtk_label_set_text (GTK_LABEL (self->status[tab]), text != NULL ? text : "");
}

static void
generate (gboolean  quadratic,
          guint64   seed,
          double  **x,
          double  **y)
{
  g_autoptr (LbTable) t = quadratic ? lb_generate_quadratic (N_POINTS, seed)
                                    : lb_generate_linear (N_POINTS, seed);

  g_free (*x);
  g_free (*y);
  *x = g_memdup2 (lb_column_get_numeric (lb_table_get_column_by_name (t, "x")), N_POINTS * sizeof (double));
  *y = g_memdup2 (lb_column_get_numeric (lb_table_get_column_by_name (t, "y")), N_POINTS * sizeof (double));
}

static GtkWidget *
spin (double min,
      double max,
      double step,
      guint  digits,
      double value)
{
  GtkWidget *w = gtk_spin_button_new_with_range (min, max, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (w), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (w), value);
  return w;
}

static void
grid_row (GtkWidget  *grid,
          int         row,
          const char *label,
          GtkWidget  *control,
          const char *tooltip)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (l), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), control);
  gtk_grid_attach (GTK_GRID (grid), l, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), control, 1, row, 1, 1);
  if (tooltip != NULL)
    {
      gtk_widget_set_tooltip_text (l, tooltip);
      gtk_widget_set_tooltip_text (control, tooltip);
    }
}

static GtkWidget *
titled_chart (const char   *title,
              LbChartView **view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  *view = LB_CHART_VIEW (lb_chart_view_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (*view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (*view), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (*view), 320, 260);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*view));
  return box;
}

/* A tab: settings on the left, two charts and a status line on the right. */
static GtkWidget *
tab_layout (LbGdLabPage *self,
            Tab          tab,
            GtkWidget   *settings,
            GtkWidget   *chart_a,
            GtkWidget   *chart_b)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *charts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 12);
  gtk_widget_set_margin_bottom (outer, 12);
  gtk_box_set_homogeneous (GTK_BOX (charts), TRUE);
  gtk_box_append (GTK_BOX (charts), chart_a);
  gtk_box_append (GTK_BOX (charts), chart_b);
  gtk_widget_set_vexpand (charts, TRUE);
  self->status[tab] = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->status[tab]), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->status[tab]), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->status[tab]), TRUE);
  gtk_box_append (GTK_BOX (right), charts);
  gtk_box_append (GTK_BOX (right), self->status[tab]);
  gtk_widget_set_hexpand (right, TRUE);
  gtk_widget_set_valign (settings, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (outer), settings);
  gtk_box_append (GTK_BOX (outer), right);
  return outer;
}

static GtkWidget *
settings_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_size_request (grid, 260, -1);
  return grid;
}

/* --- jobs --- */

typedef struct
{
  Tab             tab;
  guint64         generation;
  GWeakRef        page;
  double         *x, *y;
  LbGdLabSettings gd;
  guint           degree;
  guint64         seed;
  gboolean        lasso;
  double          alpha;
} LabTask;

static void
lab_task_free (gpointer data)
{
  LabTask *t = data;

  g_weak_ref_clear (&t->page);
  g_free (t->x);
  g_free (t->y);
  g_free (t);
}

static void
lab_worker (LbJob        *job,
            gpointer      task_data,
            GCancellable *cancellable)
{
  LabTask *t = task_data;
  GError *error = NULL;
  gpointer result = NULL;
  GDestroyNotify destroy = NULL;

  switch (t->tab)
    {
    case TAB_DESCENT:
      result = lb_gd_lab_run (t->x, t->y, N_POINTS, &t->gd, GRID, cancellable, &error);
      destroy = (GDestroyNotify) lb_gd_lab_result_free;
      break;
    case TAB_DEGREE:
      result = lb_poly_lab_run (t->x, t->y, N_POINTS, t->degree, t->seed, cancellable, &error);
      destroy = (GDestroyNotify) lb_poly_lab_result_free;
      break;
    case TAB_REGULARIZATION:
    default:
      result = lb_reg_lab_run (t->x, t->y, N_POINTS, t->lasso, t->degree, t->alpha,
                               1e-5, 1e3, 40, cancellable, &error);
      destroy = (GDestroyNotify) lb_reg_lab_result_free;
      break;
    }
  if (result == NULL)
    lb_job_return_error (job, error);
  else
    lb_job_return_pointer (job, result, destroy);
}

static void show_descent (LbGdLabPage *self);
static void show_degree (LbGdLabPage *self);
static void show_regularization (LbGdLabPage *self);

static void
lab_done (GObject      *source,
          GAsyncResult *res,
          gpointer      user_data)
{
  LbJob *job = lb_job_from_result (res);
  LabTask *t = g_object_get_data (G_OBJECT (job), "lb-lab-task");
  g_autoptr (LbGdLabPage) self = g_weak_ref_get (&t->page);
  g_autoptr (GError) error = NULL;
  gpointer result = lb_job_propagate_pointer (res, &error);
  Tab tab = t->tab;

  if (self == NULL || !lb_generation_is_current (&self->generation[tab], t->generation))
    {
      if (result != NULL)
        {
          if (tab == TAB_DESCENT)
            lb_gd_lab_result_free (result);
          else if (tab == TAB_DEGREE)
            lb_poly_lab_result_free (result);
          else
            lb_reg_lab_result_free (result);
        }
      return;
    }
  g_clear_object (&self->job[tab]);
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, tab, error->message);
      return;
    }
  switch (tab)
    {
    case TAB_DESCENT:
      g_clear_pointer (&self->descent, lb_gd_lab_result_free);
      self->descent = result;
      self->shown = 0;
      show_descent (self);
      break;
    case TAB_DEGREE:
      g_clear_pointer (&self->poly, lb_poly_lab_result_free);
      self->poly = result;
      show_degree (self);
      break;
    case TAB_REGULARIZATION:
    default:
      g_clear_pointer (&self->reg, lb_reg_lab_result_free);
      self->reg = result;
      show_regularization (self);
      break;
    }
}

/* Starts @t (taken) for its tab, superseding the tab's previous job. */
static void
start (LbGdLabPage *self,
       LabTask     *t)
{
  static const char *titles[N_TABS] = {
    N_("Running gradient descent"),
    N_("Fitting the polynomial and its learning curves"),
    N_("Fitting the regularization path"),
  };
  LbJob *job;

  if (self->job[t->tab] != NULL)
    {
      lb_job_cancel (self->job[t->tab]);
      g_clear_object (&self->job[t->tab]);
    }
  t->generation = lb_generation_next (&self->generation[t->tab]);
  g_weak_ref_init (&t->page, self);
  job = lb_job_new (_(titles[t->tab]), NULL, NULL, lab_done, NULL);
  g_object_set_data_full (G_OBJECT (job), "lb-lab-task", t, lab_task_free);
  /* the worker reads the same task (the job outlives both) */
  lb_job_set_task_data (job, t, NULL);
  self->job[t->tab] = g_object_ref (job);
  lb_job_run (job, lab_worker);
  g_object_unref (job);
}

/* --- gradient descent --- */

static void
stop_playing (LbGdLabPage *self)
{
  if (self->play_id != 0)
    {
      g_source_remove (self->play_id);
      self->play_id = 0;
    }
  gtk_button_set_label (GTK_BUTTON (self->play_button), _("_Play"));
}

static void
run_descent (LbGdLabPage *self)
{
  LabTask *t = g_new0 (LabTask, 1);
  guint method = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->method));

  stop_playing (self);
  t->tab = TAB_DESCENT;
  generate (FALSE, (guint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->seed)),
            &self->linear_x, &self->linear_y);
  t->x = g_memdup2 (self->linear_x, N_POINTS * sizeof (double));
  t->y = g_memdup2 (self->linear_y, N_POINTS * sizeof (double));
  t->gd.method = method == 0 ? LB_GD_METHOD_BATCH : method == 1 ? LB_GD_METHOD_STOCHASTIC : LB_GD_METHOD_MINI_BATCH;
  t->gd.schedule = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->schedule)) == 0
                   ? LB_GD_SCHEDULE_CONSTANT : LB_GD_SCHEDULE_INVERSE;
  t->gd.eta = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->eta));
  t->gd.t0 = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->t0));
  t->gd.t1 = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->t1));
  t->gd.n_epochs = (guint) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->steps));
  t->gd.batch_size = (guint) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->batch));
  t->gd.seed = (guint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->seed));
  gtk_label_set_text_with_mnemonic (GTK_LABEL (self->steps_label),
                                    method == 0 ? _("_Iterations") : _("_Epochs"));
  gtk_widget_set_sensitive (self->batch, method == 2);
  gtk_widget_set_sensitive (self->eta, gtk_drop_down_get_selected (GTK_DROP_DOWN (self->schedule)) == 0);
  gtk_widget_set_sensitive (self->t0, gtk_drop_down_get_selected (GTK_DROP_DOWN (self->schedule)) == 1);
  gtk_widget_set_sensitive (self->t1, gtk_drop_down_get_selected (GTK_DROP_DOWN (self->schedule)) == 1);
  set_status (self, TAB_DESCENT, _("Running gradient descent…"));
  start (self, t);
}

static void
show_descent (LbGdLabPage *self)
{
  LbGdLabResult *r = self->descent;
  g_autoptr (LbChart) fit = NULL;
  g_autoptr (LbChart) cost = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  double lo = 0, hi = 2, lx[2], ly[2], bx[2], by[2];
  guint k;

  if (r == NULL)
    return;
  k = MIN (self->shown, r->n_path - 1);
  for (guint i = 0; i < N_POINTS; i++)
    {
      lo = i == 0 ? self->linear_x[i] : MIN (lo, self->linear_x[i]);
      hi = i == 0 ? self->linear_x[i] : MAX (hi, self->linear_x[i]);
    }
  lx[0] = bx[0] = lo;
  lx[1] = bx[1] = hi;
  ly[0] = r->theta0[k] + r->theta1[k] * lo;
  ly[1] = r->theta0[k] + r->theta1[k] * hi;
  by[0] = r->best_theta0 + r->best_theta1 * lo;
  by[1] = r->best_theta0 + r->best_theta1 * hi;
  {
    g_autofree char *now = g_strdup_printf (_("after %u steps"), k);
    LbLineSeries series[3] = {
      { _("training data"), self->linear_x, self->linear_y, N_POINTS, LB_LINE_STYLE_POINTS, NULL, NULL, -1 },
      { _("least squares (normal equation)"), bx, by, 2, LB_LINE_STYLE_DASHED, NULL, NULL, 3 },
      { now, lx, ly, 2, LB_LINE_STYLE_LINES, NULL, NULL, 1 },
    };
    LbLinesOptions options = { 0 };
    double ymin = self->linear_y[0], ymax = self->linear_y[0];

    for (guint i = 1; i < N_POINTS; i++)
      {
        ymin = MIN (ymin, self->linear_y[i]);
        ymax = MAX (ymax, self->linear_y[i]);
      }
    options.x_label = "x";
    options.y_label = "y";
    options.y_min = ymin - 0.25 * (ymax - ymin);   /* fixed, so a wild line does not rescale */
    options.y_max = ymax + 0.25 * (ymax - ymin);
    fit = lb_chart_new_lines (series, 3, &options, &error);
  }
  if (fit != NULL)
    lb_chart_view_set_chart (self->descent_fit, fit);
  else
    lb_chart_view_set_message (self->descent_fit, error->message);
  g_clear_error (&error);

  cost = lb_chart_new_contour_path (r->z, r->nx, r->ny, r->x0, r->x1, r->y0, r->y1,
                                    r->theta0, r->theta1, (gsize) k + 1,
                                    "θ₀", "θ₁", 0, &error);
  if (cost != NULL)
    lb_chart_view_set_chart (self->descent_cost, cost);
  else
    lb_chart_view_set_message (self->descent_cost, error->message);

  text = g_strdup_printf (_("Step %u of %u: θ₀ = %.4g, θ₁ = %.4g, cost (MSE) = %.4g. "
                            "Least squares: θ₀ = %.4g, θ₁ = %.4g, MSE = %.4g."),
                          k, r->n_path - 1, r->theta0[k], r->theta1[k], r->cost[k],
                          r->best_theta0, r->best_theta1, r->best_cost);
  if (!isfinite (r->cost[r->n_path - 1]) || r->cost[r->n_path - 1] > 100 * r->cost[0])
    {
      g_autofree char *warn = g_strconcat (text, " ", _("The cost grows: this learning rate is too "
                                                        "large and gradient descent diverges."), NULL);
      set_status (self, TAB_DESCENT, warn);
    }
  else
    set_status (self, TAB_DESCENT, text);
  gtk_widget_set_sensitive (self->step_button, k + 1 < r->n_path);
}

static gboolean
play_tick (gpointer user_data)
{
  LbGdLabPage *self = user_data;
  guint advance;

  if (self->descent == NULL)
    return G_SOURCE_CONTINUE;   /* the path is being computed */
  advance = MAX (1u, self->descent->n_path / PLAY_TICKS);
  self->shown = MIN (self->shown + advance, self->descent->n_path - 1);
  show_descent (self);
  if (self->shown + 1 >= self->descent->n_path)
    {
      self->play_id = 0;
      gtk_button_set_label (GTK_BUTTON (self->play_button), _("_Play"));
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
lb_gd_lab_page_play (LbGdLabPage *self,
                     gboolean     play)
{
  g_return_if_fail (LB_IS_GD_LAB_PAGE (self));

  if (!play)
    {
      stop_playing (self);
      return;
    }
  if (self->play_id != 0)
    return;
  if (self->descent != NULL && self->shown + 1 >= self->descent->n_path)
    self->shown = 0;   /* at the end: play again from the start */
  self->play_id = g_timeout_add (PLAY_MS, play_tick, self);
  gtk_button_set_label (GTK_BUTTON (self->play_button), _("_Pause"));
}

static void
play_clicked (LbGdLabPage *self)
{
  lb_gd_lab_page_play (self, self->play_id == 0);
}

void
lb_gd_lab_page_step (LbGdLabPage *self)
{
  g_return_if_fail (LB_IS_GD_LAB_PAGE (self));

  stop_playing (self);
  if (self->descent == NULL || self->shown + 1 >= self->descent->n_path)
    return;
  self->shown++;
  show_descent (self);
}

void
lb_gd_lab_page_rewind (LbGdLabPage *self)
{
  g_return_if_fail (LB_IS_GD_LAB_PAGE (self));

  stop_playing (self);
  self->shown = 0;
  show_descent (self);
}

/* --- polynomial degree --- */

static void
run_degree (LbGdLabPage *self)
{
  LabTask *t = g_new0 (LabTask, 1);

  t->tab = TAB_DEGREE;
  t->seed = (guint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->degree_seed));
  generate (TRUE, t->seed, &self->quad_x, &self->quad_y);
  t->x = g_memdup2 (self->quad_x, N_POINTS * sizeof (double));
  t->y = g_memdup2 (self->quad_y, N_POINTS * sizeof (double));
  t->degree = (guint) lround (gtk_range_get_value (GTK_RANGE (self->degree)));
  set_status (self, TAB_DEGREE, _("Fitting…"));
  start (self, t);
}

static void
show_degree (LbGdLabPage *self)
{
  LbPolyLabResult *r = self->poly;
  g_autoptr (LbChart) fit = NULL;
  g_autoptr (LbChart) curves = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *model = NULL;
  g_autofree char *text = NULL;
  guint degree = (guint) lround (gtk_range_get_value (GTK_RANGE (self->degree)));
  double ymin = self->quad_y[0], ymax = self->quad_y[0];

  if (r == NULL)
    return;
  for (guint i = 1; i < N_POINTS; i++)
    {
      ymin = MIN (ymin, self->quad_y[i]);
      ymax = MAX (ymax, self->quad_y[i]);
    }
  model = g_strdup_printf (_("degree %u polynomial"), degree);
  {
    LbLineSeries series[2] = {
      { _("training data"), self->quad_x, self->quad_y, N_POINTS, LB_LINE_STYLE_POINTS, NULL, NULL, -1 },
      { model, r->curve_x, r->curve_y, r->n_curve, LB_LINE_STYLE_LINES, NULL, NULL, 1 },
    };
    LbLinesOptions options = { 0 };

    options.x_label = "x";
    options.y_label = "y";
    options.y_min = ymin - 0.2 * (ymax - ymin);   /* a wild high-degree curve is clipped */
    options.y_max = ymax + 0.2 * (ymax - ymin);
    fit = lb_chart_new_lines (series, 2, &options, &error);
  }
  if (fit != NULL)
    lb_chart_view_set_chart (self->degree_fit, fit);
  else
    lb_chart_view_set_message (self->degree_fit, error->message);
  g_clear_error (&error);
  {
    LbLineSeries series[2] = {
      { _("training"), r->sizes, r->train_rmse, r->n_sizes, LB_LINE_STYLE_LINES_POINTS, NULL, NULL, 2 },
      { _("validation"), r->sizes, r->val_rmse, r->n_sizes, LB_LINE_STYLE_LINES, NULL, NULL, 3 },
    };
    LbLinesOptions options = { 0 };

    options.x_label = _("training set size");
    options.y_label = "RMSE";
    options.y_min = 0;
    options.y_max = 3;   /* the book's Figures 4-15 and 4-16 */
    curves = lb_chart_new_lines (series, 2, &options, &error);
  }
  if (curves != NULL)
    lb_chart_view_set_chart (self->degree_curves, curves);
  else
    lb_chart_view_set_message (self->degree_curves, error->message);
  text = g_strdup_printf (_("Degree %u: with all %u training samples, training RMSE %.3f and "
                            "validation RMSE %.3f (%u validation samples). A large gap between the "
                            "curves means over-fitting; both high and close means under-fitting."),
                          degree, r->n_sizes, r->train_rmse[r->n_sizes - 1],
                          r->val_rmse[r->n_sizes - 1], r->n_val);
  set_status (self, TAB_DEGREE, text);
}

/* --- regularization --- */

static double
current_alpha (LbGdLabPage *self)
{
  return pow (10.0, gtk_range_get_value (GTK_RANGE (self->reg_alpha)));
}

static void
run_regularization (LbGdLabPage *self)
{
  LabTask *t = g_new0 (LabTask, 1);

  t->tab = TAB_REGULARIZATION;
  generate (TRUE, 42, &self->quad_x, &self->quad_y);
  t->x = g_memdup2 (self->quad_x, N_POINTS * sizeof (double));
  t->y = g_memdup2 (self->quad_y, N_POINTS * sizeof (double));
  t->lasso = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->reg_model)) == 1;
  t->alpha = current_alpha (self);
  t->degree = (guint) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->reg_degree));
  set_status (self, TAB_REGULARIZATION, _("Fitting…"));
  start (self, t);
}

static void
show_regularization (LbGdLabPage *self)
{
  LbRegLabResult *r = self->reg;
  g_autoptr (LbChart) fit = NULL;
  g_autoptr (LbChart) paths = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *model = NULL;
  g_autofree char *text = NULL;
  g_autofree LbLineSeries *series = NULL;
  g_autofree double *column = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gboolean lasso = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->reg_model)) == 1;
  double alpha = current_alpha (self);
  guint zeros = 0;

  if (r == NULL)
    return;
  model = g_strdup_printf (lasso ? _("lasso, α = %.3g") : _("ridge, α = %.3g"), alpha);
  {
    LbLineSeries data[2] = {
      { _("training data"), self->quad_x, self->quad_y, N_POINTS, LB_LINE_STYLE_POINTS, NULL, NULL, -1 },
      { model, r->curve_x, r->curve_y, r->n_curve, LB_LINE_STYLE_LINES, NULL, NULL, 1 },
    };
    LbLinesOptions options = { 0 };

    options.x_label = "x";
    options.y_label = "y";
    fit = lb_chart_new_lines (data, 2, &options, &error);
  }
  if (fit != NULL)
    lb_chart_view_set_chart (self->reg_fit, fit);
  else
    lb_chart_view_set_message (self->reg_fit, error->message);
  g_clear_error (&error);

  /* one series per coefficient: its value over the alphas */
  series = g_new0 (LbLineSeries, r->n_coef);
  column = g_new (double, (gsize) r->n_coef * r->n_alphas);
  for (guint j = 0; j < r->n_coef; j++)
    {
      double *values = column + (gsize) j * r->n_alphas;

      for (guint a = 0; a < r->n_alphas; a++)
        values[a] = r->coef[(gsize) a * r->n_coef + j];
      g_ptr_array_add (labels, j == 0 ? g_strdup ("x") : g_strdup_printf ("x^%u", j + 1));
      series[j] = (LbLineSeries) { g_ptr_array_index (labels, j), r->alphas, values, r->n_alphas,
                                   LB_LINE_STYLE_LINES, NULL, NULL, 0 };
    }
  {
    LbLinesOptions options = { 0 };

    options.x_label = "α";
    options.y_label = _("coefficient (standardized features)");
    options.log_x = TRUE;
    options.show_vline = TRUE;
    options.vline_x = alpha;
    options.vline_label = "α";
    paths = lb_chart_new_lines (series, r->n_coef, &options, &error);
  }
  if (paths != NULL)
    lb_chart_view_set_chart (self->reg_paths, paths);
  else
    lb_chart_view_set_message (self->reg_paths, error->message);

  /* how many coefficients the chosen alpha zeroes (lasso's feature selection) */
  {
    guint nearest = 0;

    for (guint a = 1; a < r->n_alphas; a++)
      if (fabs (log (r->alphas[a]) - log (alpha)) < fabs (log (r->alphas[nearest]) - log (alpha)))
        nearest = a;
    for (guint j = 0; j < r->n_coef; j++)
      zeros += r->coef[(gsize) nearest * r->n_coef + j] == 0.0;
  }
  text = g_strdup_printf (_("%s on polynomial features of degree %u: training RMSE %.3f. "
                            "%u of %u coefficients are exactly zero near this α."),
                          model, r->n_coef, r->train_rmse, zeros, r->n_coef);
  set_status (self, TAB_REGULARIZATION, text);
}

/* --- construction --- */

static GtkWidget *
build_descent (LbGdLabPage *self)
{
  static const char *methods[] = { N_("Batch"), N_("Stochastic"), N_("Mini-batch"), NULL };
  static const char *schedules[] = { N_("Constant rate η"), N_("Schedule t0 / (t + t1)"), NULL };
  const char *methods_t[4], *schedules_t[3];
  GtkWidget *grid = settings_grid ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *rewind;
  LbChartView *fit, *cost;
  GtkWidget *chart_a, *chart_b;
  int row = 0;

  for (guint i = 0; i < 4; i++)
    methods_t[i] = methods[i] != NULL ? _(methods[i]) : NULL;
  for (guint i = 0; i < 3; i++)
    schedules_t[i] = schedules[i] != NULL ? _(schedules[i]) : NULL;
  self->method = gtk_drop_down_new_from_strings (methods_t);
  self->schedule = gtk_drop_down_new_from_strings (schedules_t);
  self->eta = spin (0.001, 2.0, 0.01, 3, 0.1);
  self->t0 = spin (0.1, 100, 1, 1, 5);
  self->t1 = spin (1, 1000, 5, 0, 50);
  self->steps = spin (1, 2000, 1, 0, 50);
  self->batch = spin (1, N_POINTS, 1, 0, 20);
  self->seed = spin (0, 1e6, 1, 0, 42);
  grid_row (grid, row++, _("_Method"), self->method,
            _("Batch: each step uses every training sample. Stochastic: one random sample per "
              "step. Mini-batch: small random batches per step."));
  grid_row (grid, row++, _("_Learning rate η"), self->eta,
            _("How far each step moves against the gradient. Too small: slow. Too large: it "
              "overshoots and diverges."));
  grid_row (grid, row++, _("Sc_hedule"), self->schedule,
            _("A constant rate, or the book's learning schedule that shrinks the rate as the "
              "steps go on (simulated annealing), so stochastic steps settle."));
  grid_row (grid, row++, "t0", self->t0, _("The schedule's numerator."));
  grid_row (grid, row++, "t1", self->t1, _("The schedule's offset: the first rate is t0 / t1."));
  grid_row (grid, row, _("_Iterations"), self->steps,
            _("Batch: the number of steps. Stochastic and mini-batch: the number of passes "
              "(epochs) over the data."));
  self->steps_label = gtk_grid_get_child_at (GTK_GRID (grid), 0, row++);
  grid_row (grid, row++, _("_Batch size"), self->batch, _("Samples per mini-batch step."));
  grid_row (grid, row++, _("_Seed"), self->seed,
            _("The seed of the data and of the random sample order: the same seed gives the same run."));

  self->step_button = gtk_button_new_with_mnemonic (_("S_tep"));
  gtk_widget_set_tooltip_text (self->step_button, _("One step forward"));
  self->play_button = gtk_button_new_with_mnemonic (_("_Play"));
  rewind = gtk_button_new_with_mnemonic (_("_Rewind"));
  gtk_box_append (GTK_BOX (buttons), self->step_button);
  gtk_box_append (GTK_BOX (buttons), self->play_button);
  gtk_box_append (GTK_BOX (buttons), rewind);
  gtk_grid_attach (GTK_GRID (grid), buttons, 0, row++, 2, 1);
  g_signal_connect_swapped (self->step_button, "clicked", G_CALLBACK (lb_gd_lab_page_step), self);
  g_signal_connect_swapped (self->play_button, "clicked", G_CALLBACK (play_clicked), self);
  g_signal_connect_swapped (rewind, "clicked", G_CALLBACK (lb_gd_lab_page_rewind), self);

  g_signal_connect_swapped (self->method, "notify::selected", G_CALLBACK (run_descent), self);
  g_signal_connect_swapped (self->schedule, "notify::selected", G_CALLBACK (run_descent), self);
  g_signal_connect_swapped (self->eta, "value-changed", G_CALLBACK (run_descent), self);
  g_signal_connect_swapped (self->t0, "value-changed", G_CALLBACK (run_descent), self);
  g_signal_connect_swapped (self->t1, "value-changed", G_CALLBACK (run_descent), self);
  g_signal_connect_swapped (self->steps, "value-changed", G_CALLBACK (run_descent), self);
  g_signal_connect_swapped (self->batch, "value-changed", G_CALLBACK (run_descent), self);
  g_signal_connect_swapped (self->seed, "value-changed", G_CALLBACK (run_descent), self);

  chart_a = titled_chart (_("The data and the model at this step"), &fit);
  chart_b = titled_chart (_("The cost and the path of θ"), &cost);
  self->descent_fit = fit;
  self->descent_cost = cost;
  return tab_layout (self, TAB_DESCENT, grid, chart_a, chart_b);
}

static GtkWidget *
build_degree (LbGdLabPage *self)
{
  GtkWidget *grid = settings_grid ();
  LbChartView *fit, *curves;
  GtkWidget *chart_a, *chart_b;

  self->degree = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 1, 30, 1);
  gtk_range_set_value (GTK_RANGE (self->degree), 2);
  gtk_scale_set_digits (GTK_SCALE (self->degree), 0);
  gtk_scale_set_draw_value (GTK_SCALE (self->degree), TRUE);
  gtk_widget_set_hexpand (self->degree, TRUE);
  self->degree_seed = spin (0, 1e6, 1, 0, 42);
  grid_row (grid, 0, _("_Degree"), self->degree,
            _("The polynomial's degree. The data is quadratic (y = 0.5x² + x + 2 + noise): degree 1 "
              "under-fits, 2 is right, high degrees over-fit."));
  grid_row (grid, 1, _("_Seed"), self->degree_seed,
            _("The seed of the data and of the 80 / 20 split of the learning curves."));
  g_signal_connect_swapped (self->degree, "value-changed", G_CALLBACK (run_degree), self);
  g_signal_connect_swapped (self->degree_seed, "value-changed", G_CALLBACK (run_degree), self);
  chart_a = titled_chart (_("Polynomial regression"), &fit);
  chart_b = titled_chart (_("Learning curves"), &curves);
  self->degree_fit = fit;
  self->degree_curves = curves;
  return tab_layout (self, TAB_DEGREE, grid, chart_a, chart_b);
}

static GtkWidget *
build_regularization (LbGdLabPage *self)
{
  static const char *models[] = { N_("Ridge (ℓ2)"), N_("Lasso (ℓ1)"), NULL };
  const char *models_t[3];
  GtkWidget *grid = settings_grid ();
  LbChartView *fit, *paths;
  GtkWidget *chart_a, *chart_b;

  for (guint i = 0; i < 3; i++)
    models_t[i] = models[i] != NULL ? _(models[i]) : NULL;
  self->reg_model = gtk_drop_down_new_from_strings (models_t);
  self->reg_alpha = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, -5, 3, 0.1);
  gtk_range_set_value (GTK_RANGE (self->reg_alpha), 0);
  gtk_scale_set_digits (GTK_SCALE (self->reg_alpha), 1);
  gtk_scale_set_draw_value (GTK_SCALE (self->reg_alpha), TRUE);
  gtk_widget_set_hexpand (self->reg_alpha, TRUE);
  self->reg_degree = spin (1, 20, 1, 0, 10);
  grid_row (grid, 0, _("_Model"), self->reg_model,
            _("Ridge shrinks every coefficient a little; lasso drives some exactly to zero (it "
              "selects features)."));
  grid_row (grid, 1, _("log₁₀ _α"), self->reg_alpha,
            _("The regularization strength α on a log scale: 0 means α = 1. Larger α: a flatter, "
              "simpler model."));
  grid_row (grid, 2, _("_Degree"), self->reg_degree,
            _("Degree of the polynomial features the model regularizes (the book uses 10)."));
  g_signal_connect_swapped (self->reg_model, "notify::selected", G_CALLBACK (run_regularization), self);
  g_signal_connect_swapped (self->reg_alpha, "value-changed", G_CALLBACK (run_regularization), self);
  g_signal_connect_swapped (self->reg_degree, "value-changed", G_CALLBACK (run_regularization), self);
  chart_a = titled_chart (_("The regularized fit"), &fit);
  chart_b = titled_chart (_("Coefficient paths"), &paths);
  self->reg_fit = fit;
  self->reg_paths = paths;
  return tab_layout (self, TAB_REGULARIZATION, grid, chart_a, chart_b);
}

static void
lb_gd_lab_page_dispose (GObject *object)
{
  LbGdLabPage *self = LB_GD_LAB_PAGE (object);

  if (self->play_id != 0)
    {
      g_source_remove (self->play_id);
      self->play_id = 0;
    }
  for (guint t = 0; t < N_TABS; t++)
    if (self->job[t] != NULL)
      {
        lb_job_cancel (self->job[t]);
        g_clear_object (&self->job[t]);
      }
  g_clear_pointer (&self->notebook, gtk_widget_unparent);
  G_OBJECT_CLASS (lb_gd_lab_page_parent_class)->dispose (object);
}

static void
lb_gd_lab_page_finalize (GObject *object)
{
  LbGdLabPage *self = LB_GD_LAB_PAGE (object);

  g_clear_pointer (&self->descent, lb_gd_lab_result_free);
  g_clear_pointer (&self->poly, lb_poly_lab_result_free);
  g_clear_pointer (&self->reg, lb_reg_lab_result_free);
  g_free (self->linear_x);
  g_free (self->linear_y);
  g_free (self->quad_x);
  g_free (self->quad_y);
  for (guint t = 0; t < N_TABS; t++)
    g_free (self->status_text[t]);
  G_OBJECT_CLASS (lb_gd_lab_page_parent_class)->finalize (object);
}

static void
lb_gd_lab_page_class_init (LbGdLabPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_gd_lab_page_dispose;
  object_class->finalize = lb_gd_lab_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lb_gd_lab_page_init (LbGdLabPage *self)
{
  lb_estimators_register_builtin ();
  self->notebook = gtk_notebook_new ();
  gtk_widget_set_parent (self->notebook, GTK_WIDGET (self));
  gtk_notebook_append_page (GTK_NOTEBOOK (self->notebook), build_descent (self),
                            gtk_label_new_with_mnemonic (_("_Gradient descent")));
  gtk_notebook_append_page (GTK_NOTEBOOK (self->notebook), build_degree (self),
                            gtk_label_new_with_mnemonic (_("Polynomial _degree")));
  gtk_notebook_append_page (GTK_NOTEBOOK (self->notebook), build_regularization (self),
                            gtk_label_new_with_mnemonic (_("Regulari_zation")));
  run_descent (self);
  run_degree (self);
  run_regularization (self);
}

GtkWidget *
lb_gd_lab_page_new (void)
{
  return g_object_new (LB_TYPE_GD_LAB_PAGE, NULL);
}

/* --- hooks --- */

void
lb_gd_lab_page_set_tab (LbGdLabPage *self,
                        const char  *tab)
{
  g_return_if_fail (LB_IS_GD_LAB_PAGE (self));

  for (guint t = 0; t < N_TABS; t++)
    if (g_strcmp0 (tab, tab_names[t]) == 0)
      gtk_notebook_set_current_page (GTK_NOTEBOOK (self->notebook), (int) t);
}

gboolean
lb_gd_lab_page_is_busy (LbGdLabPage *self)
{
  g_return_val_if_fail (LB_IS_GD_LAB_PAGE (self), FALSE);

  for (guint t = 0; t < N_TABS; t++)
    if (self->job[t] != NULL)
      return TRUE;
  return FALSE;
}

void
lb_gd_lab_page_set_method (LbGdLabPage *self,
                           guint        method)
{
  g_return_if_fail (LB_IS_GD_LAB_PAGE (self) && method < 3);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->method), method);
}

void
lb_gd_lab_page_set_eta (LbGdLabPage *self,
                        double       eta)
{
  g_return_if_fail (LB_IS_GD_LAB_PAGE (self));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->eta), eta);
}

guint
lb_gd_lab_page_get_n_steps (LbGdLabPage *self)
{
  g_return_val_if_fail (LB_IS_GD_LAB_PAGE (self), 0);
  return self->descent != NULL ? self->descent->n_path - 1 : 0;
}

guint
lb_gd_lab_page_get_step (LbGdLabPage *self)
{
  g_return_val_if_fail (LB_IS_GD_LAB_PAGE (self), 0);
  return self->descent != NULL ? MIN (self->shown, self->descent->n_path - 1) : 0;
}

void
lb_gd_lab_page_get_theta (LbGdLabPage *self,
                          double      *theta0,
                          double      *theta1,
                          double      *cost)
{
  guint k;

  g_return_if_fail (LB_IS_GD_LAB_PAGE (self));
  if (self->descent == NULL)
    {
      *theta0 = *theta1 = *cost = NAN;
      return;
    }
  k = lb_gd_lab_page_get_step (self);
  *theta0 = self->descent->theta0[k];
  *theta1 = self->descent->theta1[k];
  *cost = self->descent->cost[k];
}

void
lb_gd_lab_page_set_degree (LbGdLabPage *self,
                           guint        degree)
{
  g_return_if_fail (LB_IS_GD_LAB_PAGE (self));
  gtk_range_set_value (GTK_RANGE (self->degree), degree);
}

double
lb_gd_lab_page_get_final_val_rmse (LbGdLabPage *self)
{
  g_return_val_if_fail (LB_IS_GD_LAB_PAGE (self), NAN);
  return self->poly != NULL ? self->poly->val_rmse[self->poly->n_sizes - 1] : NAN;
}

void
lb_gd_lab_page_set_alpha (LbGdLabPage *self,
                          gboolean     lasso,
                          double       alpha)
{
  g_return_if_fail (LB_IS_GD_LAB_PAGE (self) && alpha > 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->reg_model), lasso ? 1 : 0);
  gtk_range_set_value (GTK_RANGE (self->reg_alpha), log10 (alpha));
}

const char *
lb_gd_lab_page_get_status (LbGdLabPage *self,
                           const char  *tab)
{
  g_return_val_if_fail (LB_IS_GD_LAB_PAGE (self), NULL);

  for (guint t = 0; t < N_TABS; t++)
    if (g_strcmp0 (tab, tab_names[t]) == 0)
      return self->status_text[t];
  return NULL;
}

LbChartView *
lb_gd_lab_page_get_chart_view (LbGdLabPage *self,
                               const char  *name)
{
  g_return_val_if_fail (LB_IS_GD_LAB_PAGE (self), NULL);

  if (g_strcmp0 (name, "descent-fit") == 0)
    return self->descent_fit;
  if (g_strcmp0 (name, "descent-cost") == 0)
    return self->descent_cost;
  if (g_strcmp0 (name, "degree-fit") == 0)
    return self->degree_fit;
  if (g_strcmp0 (name, "degree-curves") == 0)
    return self->degree_curves;
  if (g_strcmp0 (name, "regularization-fit") == 0)
    return self->reg_fit;
  if (g_strcmp0 (name, "regularization-paths") == 0)
    return self->reg_paths;
  return NULL;
}
