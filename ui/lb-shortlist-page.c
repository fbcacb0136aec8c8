/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-shortlist-page.c: the checklist's "Shortlist models" step. Left: the
 * models (each with its parameter form) and the cross-validation settings,
 * stored in the workbench as the project file's "models" and "evaluation".
 * Right: the comparison table and fold-score plot that fill in as folds
 * finish, the learning curves, and the live training curve of an iterative
 * model. The work runs in lb-shortlist-jobs.c; results arrive through an
 * LbShortlistChannel and the charts are redrawn at most 20 times a second.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-chart-view.h"
#include "lb-param-form.h"
#include "lb-shortlist-private.h"
#include "lb-ui-util.h"

#define REDRAW_INTERVAL_MS 50      /* charts: at most 20 redraws a second */
#define DEFAULT_VALIDATION 0.2
#define MAX_LIVE_EPOCHS    1000

typedef enum
{
  ROW_WAITING,
  ROW_RUNNING,
  ROW_DONE,
  ROW_CANCELLED,
  ROW_FAILED,
} RowState;

static const char *const row_state_ids[] = { "waiting", "running", "done", "cancelled", "failed" };

enum { COL_MODEL, COL_MEAN, COL_FIT, COL_STATE, COL_FOLDS, N_COLS };

typedef struct
{
  double x, train_mean, train_std, val_mean, val_std;
} CurvePoint;

/* One row of the comparison table (a model of the last run). */
typedef struct
{
  char      *name;
  char      *estimator;
  char      *scoring;
  double    *scores;        /* n_folds, NaN until that fold finishes */
  guint      n_done;
  double     mean, std;
  double     fit_seconds;   /* NaN until done */
  RowState   state;
  char      *message;       /* why it failed */
  GArray    *curve;         /* (element-type CurvePoint), by index */
  GtkWidget *cells[N_COLS];
} ResultRow;

/* One model in the list on the left. */
typedef struct
{
  LbShortlistPage *page;
  char            *estimator;
  JsonObject      *params;     /* used while no form exists */
  GtkWidget       *row;        /* GtkListBoxRow */
  GtkWidget       *name_entry;
  GtkWidget       *form;       /* LbParamForm */
} ModelEntry;

typedef enum
{
  JOB_NONE,
  JOB_CV,
  JOB_CURVES,
  JOB_TRAIN,
} JobKind;

struct _LbShortlistPage
{
  GtkWidget      parent_instance;

  LbWorkbench   *workbench;
  gulong         changed_id;
  char          *split_evaluation;   /* what the results depend on in split + evaluation */
  gboolean       storing;       /* our own workbench edit: ignore its "changed" */

  GtkWidget     *box;
  GtkWidget     *banner;
  GtkWidget     *banner_label;
  char          *error;

  /* models */
  GtkWidget     *estimator_choice;
  GtkStringList *offered;
  GtkWidget     *model_list;
  GPtrArray     *entries;       /* (element-type ModelEntry) */

  /* cross-validation */
  GtkWidget     *folds_spin;
  GtkWidget     *shuffle_switch;
  GtkWidget     *seed_spin;
  char          *frame_target;   /* the framing last seen */
  char          *frame_scoring;
  LbTask         frame_task;
  GtkWidget     *stratified_check;
  GtkWidget     *prepare_choice;

  GtkWidget     *run_button;
  GtkWidget     *cancel_button;
  GtkWidget     *curves_button;
  GtkWidget     *train_button;
  GtkWidget     *status_label;
  GtkWidget     *progress_label;
  char          *status;

  /* results */
  GtkWidget     *results_stack;
  GtkWidget     *table_grid;
  GtkWidget     *table_note;
  GtkWidget     *fold_view;
  GtkWidget     *curves_view;
  GtkWidget     *live_view;
  GtkWidget     *live_label;
  GPtrArray     *rows;          /* (element-type ResultRow) */
  guint          n_folds;
  char          *run_scoring;   /* the scoring of the last run */

  /* live training */
  char          *live_name;
  gboolean       live_is_loss;
  GArray        *live_epochs;   /* (element-type double) x */
  GArray        *live_train;
  GArray        *live_val;
  guint          live_best;     /* 1-based epoch, 0: none */

  /* jobs */
  JobKind        job_kind;
  LbJob         *job;
  LbGeneration   generation;
  guint          redraw_id;
  guint          dirty;         /* 1: folds, 2: curves, 4: live */
};

G_DEFINE_FINAL_TYPE (LbShortlistPage, lb_shortlist_page, GTK_TYPE_WIDGET)

enum { SIGNAL_JOB_STARTED, SIGNAL_RUN_DONE, SIGNAL_CURVES_DONE, SIGNAL_TRAIN_DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void store_models     (LbShortlistPage *self);
static void store_evaluation (LbShortlistPage *self);
static void update_buttons   (LbShortlistPage *self);

/* --- scores as the learner reads them --- */

/* neg_ scorers are shown as the positive error, as the book prints RMSE. */
static gboolean
is_negated (const char *scoring)
{
  return scoring != NULL && g_str_has_prefix (scoring, "neg_");
}

static double
shown (const char *scoring,
       double      value)
{
  return is_negated (scoring) ? -value : value;
}

static const char *
score_label (const char *scoring)
{
  if (scoring == NULL)
    return _("score");
  if (g_strcmp0 (scoring, "neg_root_mean_squared_error") == 0)
    return _("RMSE");
  if (g_strcmp0 (scoring, "neg_mean_squared_error") == 0)
    return _("MSE");
  if (g_strcmp0 (scoring, "neg_mean_absolute_error") == 0)
    return _("MAE");
  if (g_strcmp0 (scoring, "neg_log_loss") == 0)
    return _("log loss");
  if (g_strcmp0 (scoring, "accuracy") == 0)
    return _("accuracy");
  if (g_strcmp0 (scoring, "r2") == 0)
    return "R²";
  if (is_negated (scoring))
    return scoring + 4;
  return scoring;
}

static char *
format_number (double value)
{
  if (isnan (value))
    return g_strdup ("–");
  if (fabs (value) >= 1000)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.4g", value);
}

/* --- the banner --- */

static void
show_error (LbShortlistPage *self,
            const char      *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->banner_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->banner, message != NULL);
}

static void
banner_close_cb (GtkButton       *button,
                 LbShortlistPage *self)
{
  show_error (self, NULL);
}

/* --- the comparison table --- */

static void
result_row_free (gpointer data)
{
  ResultRow *row = data;

  g_free (row->name);
  g_free (row->estimator);
  g_free (row->scoring);
  g_free (row->scores);
  g_free (row->message);
  g_array_unref (row->curve);
  g_free (row);
}

static ResultRow *
result_row_new (const char *name,
                const char *estimator,
                const char *scoring,
                guint       n_folds)
{
  ResultRow *row = g_new0 (ResultRow, 1);

  row->name = g_strdup (name);
  row->estimator = g_strdup (estimator);
  row->scoring = g_strdup (scoring);
  row->scores = g_new (double, MAX (n_folds, 1));
  for (guint f = 0; f < n_folds; f++)
    row->scores[f] = NAN;
  row->mean = row->std = row->fit_seconds = NAN;
  row->curve = g_array_new (FALSE, TRUE, sizeof (CurvePoint));
  return row;
}

/* mean and population std (ddof = 0, as LbCvResult) of the finished folds */
static void
row_recompute (ResultRow *row,
               guint      n_folds)
{
  double sum = 0, sq = 0;
  guint n = 0;

  for (guint f = 0; f < n_folds; f++)
    if (isfinite (row->scores[f]))
      {
        sum += row->scores[f];
        n++;
      }
  if (n == 0)
    {
      row->mean = row->std = NAN;
      return;
    }
  row->mean = sum / n;
  for (guint f = 0; f < n_folds; f++)
    if (isfinite (row->scores[f]))
      sq += (row->scores[f] - row->mean) * (row->scores[f] - row->mean);
  row->std = sqrt (sq / n);
}

static char *
row_mean_text (ResultRow *row)
{
  g_autofree char *mean = NULL;
  g_autofree char *std = NULL;

  if (isnan (row->mean))
    return g_strdup ("–");
  mean = format_number (shown (row->scoring, row->mean));
  std = format_number (row->std);
  return g_strdup_printf ("%s ± %s", mean, std);
}

static const char *
row_state_text (ResultRow *row)
{
  switch (row->state)
    {
    case ROW_WAITING: return _("waiting");
    case ROW_RUNNING: return _("running");
    case ROW_DONE: return _("done");
    case ROW_CANCELLED: return _("cancelled");
    case ROW_FAILED:
    default: return _("failed");
    }
}

static void
table_update_row (LbShortlistPage *self,
                  guint            i)
{
  ResultRow *row = g_ptr_array_index (self->rows, i);
  g_autofree char *mean = row_mean_text (row);
  g_autoptr (GString) folds = g_string_new (NULL);
  g_autofree char *fit = NULL;

  for (guint f = 0; f < self->n_folds; f++)
    {
      g_autofree char *v = format_number (shown (row->scoring, row->scores[f]));

      if (f > 0)
        g_string_append (folds, "  ");
      g_string_append (folds, v);
    }
  if (isnan (row->fit_seconds))
    fit = g_strdup ("–");
  else
    {
      g_autofree char *seconds = g_strdup_printf ("%.2f", row->fit_seconds);

      /* TRANSLATORS: a duration in seconds ("0.12 s") */
      fit = g_strdup_printf (_("%s s"), seconds);
    }
  gtk_label_set_text (GTK_LABEL (row->cells[COL_MODEL]), row->name);
  gtk_widget_set_tooltip_text (row->cells[COL_MODEL], row->estimator);
  gtk_label_set_text (GTK_LABEL (row->cells[COL_MEAN]), mean);
  gtk_label_set_text (GTK_LABEL (row->cells[COL_FOLDS]), folds->str);
  gtk_label_set_text (GTK_LABEL (row->cells[COL_FIT]), fit);
  gtk_label_set_text (GTK_LABEL (row->cells[COL_STATE]), row_state_text (row));
  gtk_widget_set_tooltip_text (row->cells[COL_STATE], row->message);
  if (row->state == ROW_CANCELLED || row->state == ROW_FAILED)
    gtk_widget_add_css_class (row->cells[COL_STATE], "error");
  else
    gtk_widget_remove_css_class (row->cells[COL_STATE], "error");
}

static void
table_rebuild (LbShortlistPage *self)
{
  GtkGrid *grid = GTK_GRID (self->table_grid);
  GtkWidget *child;
  const char *scoring = self->run_scoring;
  g_autofree char *mean_title = NULL;
  const char *titles[N_COLS];

  while ((child = gtk_widget_get_first_child (self->table_grid)) != NULL)
    gtk_grid_remove (grid, child);
  mean_title = g_strdup_printf (_("%s (mean ± std)"), score_label (scoring));
  titles[COL_MODEL] = _("Model");
  titles[COL_MEAN] = mean_title;
  titles[COL_FOLDS] = _("Fold scores");
  titles[COL_FIT] = _("Fit time");
  titles[COL_STATE] = _("State");
  for (guint c = 0; c < N_COLS; c++)
    {
      GtkWidget *label = gtk_label_new (titles[c]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "lb-heading");
      gtk_grid_attach (grid, label, c, 0, 1, 1);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      ResultRow *row = g_ptr_array_index (self->rows, i);

      for (guint c = 0; c < N_COLS; c++)
        {
          row->cells[c] = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (row->cells[c]), 0);
          gtk_label_set_selectable (GTK_LABEL (row->cells[c]), c == COL_MEAN || c == COL_FOLDS);
          if (c == COL_MEAN || c == COL_FOLDS || c == COL_FIT)
            gtk_widget_add_css_class (row->cells[c], "lb-numeric");
          if (c == COL_FOLDS)
            gtk_widget_add_css_class (row->cells[c], "lb-caption");
          gtk_grid_attach (grid, row->cells[c], c, i + 1, 1, 1);
        }
      table_update_row (self, i);
    }
}

/* --- charts --- */

static LbChart *
make_fold_chart (LbShortlistPage *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autofree double *scores = NULL;
  g_autoptr (GError) error = NULL;
  LbChart *chart;

  if (self->rows->len == 0 || self->n_folds == 0)
    return NULL;
  scores = g_new (double, self->rows->len * self->n_folds);
  for (guint i = 0; i < self->rows->len; i++)
    {
      ResultRow *row = g_ptr_array_index (self->rows, i);

      g_ptr_array_add (names, row->name);
      for (guint f = 0; f < self->n_folds; f++)
        scores[i * self->n_folds + f] = shown (row->scoring, row->scores[f]);
    }
  g_ptr_array_add (names, NULL);
  chart = lb_chart_new_fold_scores ((const char * const *) names->pdata, scores, self->rows->len,
                                    self->n_folds, score_label (self->run_scoring), &error);
  if (chart != NULL)
    lb_chart_set_title (chart, _("Cross-validation scores per fold"));
  return chart;
}

static LbChart *
make_curves_chart (LbShortlistPage *self)
{
  g_autoptr (GArray) series = g_array_new (FALSE, TRUE, sizeof (LbLineSeries));
  g_autoptr (GPtrArray) buffers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  LbLinesOptions options = { 0 };
  LbChart *chart;

  for (guint i = 0; i < self->rows->len; i++)
    {
      ResultRow *row = g_ptr_array_index (self->rows, i);
      guint n = row->curve->len;
      double *x = g_new (double, MAX (n, 1)), *t = g_new (double, MAX (n, 1)), *v = g_new (double, MAX (n, 1));
      double *tl = g_new (double, MAX (n, 1)), *th = g_new (double, MAX (n, 1));
      double *vl = g_new (double, MAX (n, 1)), *vh = g_new (double, MAX (n, 1));
      LbLineSeries train = { 0 }, val = { 0 };

      for (guint k = 0; k < n; k++)
        {
          CurvePoint *p = &g_array_index (row->curve, CurvePoint, k);

          x[k] = p->x;
          t[k] = shown (row->scoring, p->train_mean);
          v[k] = shown (row->scoring, p->val_mean);
          tl[k] = t[k] - p->train_std;
          th[k] = t[k] + p->train_std;
          vl[k] = v[k] - p->val_std;
          vh[k] = v[k] + p->val_std;
        }
      g_ptr_array_add (buffers, x);
      g_ptr_array_add (buffers, t);
      g_ptr_array_add (buffers, v);
      g_ptr_array_add (buffers, tl);
      g_ptr_array_add (buffers, th);
      g_ptr_array_add (buffers, vl);
      g_ptr_array_add (buffers, vh);
      g_ptr_array_add (buffers, g_strdup_printf (_("%s: training"), row->name));
      g_ptr_array_add (buffers, g_strdup_printf (_("%s: validation"), row->name));
      train.label = g_ptr_array_index (buffers, buffers->len - 2);
      train.x = x;
      train.y = t;
      train.n = n;
      train.style = LB_LINE_STYLE_DASHED;
      train.y_low = tl;
      train.y_high = th;
      train.color = (int) i + 1;
      val = train;
      val.label = g_ptr_array_index (buffers, buffers->len - 1);
      val.y = v;
      val.y_low = vl;
      val.y_high = vh;
      val.style = LB_LINE_STYLE_LINES_POINTS;
      g_array_append_val (series, train);
      g_array_append_val (series, val);
    }
  if (series->len == 0)
    return NULL;
  options.x_label = _("Training rows");
  options.y_label = score_label (self->run_scoring);
  chart = lb_chart_new_lines ((LbLineSeries *) series->data, series->len, &options, &error);
  if (chart != NULL)
    lb_chart_set_title (chart, _("Learning curves"));
  return chart;
}

/* The best epoch (1-based, 0: none) of the validation curve, else of the training one. */
static guint
live_best_epoch (LbShortlistPage *self)
{
  GArray *values = self->live_val;
  gboolean lower = self->live_is_loss || is_negated (self->run_scoring);
  guint best = 0;
  gboolean any_val = FALSE;

  for (guint k = 0; k < self->live_val->len; k++)
    any_val |= isfinite (g_array_index (self->live_val, double, k));
  if (!any_val)
    values = self->live_train;
  for (guint k = 0; k < values->len; k++)
    {
      double v = g_array_index (values, double, k);

      if (!isfinite (v))
        continue;
      /* values are stored as shown: errors (lower is better) or scores */
      if (best == 0 || (lower ? v < g_array_index (values, double, best - 1)
                              : v > g_array_index (values, double, best - 1)))
        best = k + 1;
    }
  return best;
}

static LbChart *
make_live_chart (LbShortlistPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  LbLineSeries series[2] = { { 0 } };
  LbLinesOptions options = { 0 };
  guint n_series = 1;
  gboolean any_val = FALSE;
  LbChart *chart;

  for (guint k = 0; k < self->live_val->len; k++)
    any_val |= isfinite (g_array_index (self->live_val, double, k));
  series[0].label = self->live_is_loss ? _("training loss") : _("training set");
  series[0].x = (const double *) self->live_epochs->data;
  series[0].y = (const double *) self->live_train->data;
  series[0].n = self->live_epochs->len;
  series[0].style = LB_LINE_STYLE_LINES;
  series[0].color = 1;
  if (any_val)
    {
      series[1] = series[0];
      series[1].label = self->live_is_loss ? _("validation loss") : _("validation set");
      series[1].y = (const double *) self->live_val->data;
      series[1].color = 2;
      n_series = 2;
    }
  options.x_label = _("Epoch");
  options.y_label = self->live_is_loss ? _("loss") : score_label (self->run_scoring);
  if (self->job_kind != JOB_TRAIN && self->live_best > 0)
    {
      options.mark_best = TRUE;
      options.best_series = n_series - 1;
      options.best_index = self->live_best - 1;
    }
  chart = lb_chart_new_lines (series, n_series, &options, &error);
  if (self->job_kind == JOB_TRAIN)
    title = g_strdup_printf (_("Training %s"), self->live_name != NULL ? self->live_name : "");
  else
    title = g_strdup_printf (_("%s, epoch by epoch"), self->live_name != NULL ? self->live_name : "");
  if (chart != NULL)
    lb_chart_set_title (chart, title);
  return chart;
}

static gboolean
redraw_cb (gpointer data)
{
  LbShortlistPage *self = data;
  guint dirty = self->dirty;

  self->redraw_id = 0;
  self->dirty = 0;
  if (dirty & 1)
    {
      g_autoptr (LbChart) chart = make_fold_chart (self);

      lb_chart_view_set_chart (LB_CHART_VIEW (self->fold_view), chart);
    }
  if (dirty & 2)
    {
      g_autoptr (LbChart) chart = make_curves_chart (self);

      if (chart != NULL)
        lb_chart_view_set_chart (LB_CHART_VIEW (self->curves_view), chart);
    }
  if (dirty & 4)
    {
      if (self->live_epochs->len == 0 && self->job_kind != JOB_TRAIN && self->live_name != NULL)
        {
          /* forests and coordinate descent report progress, not a loss */
          g_autofree char *message = g_strdup_printf (_("%s reports no loss per epoch or round: there is no "
                                                        "curve to draw"), self->live_name);

          lb_chart_view_set_message (LB_CHART_VIEW (self->live_view), message);
        }
      else
        {
          g_autoptr (LbChart) chart = make_live_chart (self);

          lb_chart_view_set_chart (LB_CHART_VIEW (self->live_view), chart);
        }
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_redraw (LbShortlistPage *self,
                 guint            what)
{
  self->dirty |= what;
  if (self->redraw_id == 0)
    self->redraw_id = g_timeout_add (REDRAW_INTERVAL_MS, redraw_cb, self);
}

/* --- messages from the jobs --- */

static void
dispatch_msg (gpointer        page,
              guint64         generation,
              LbShortlistMsg *msg)
{
  LbShortlistPage *self = page;
  ResultRow *row;

  if (!lb_generation_is_current (&self->generation, generation))
    return;
  if (msg->kind == LB_SHORTLIST_MSG_EPOCH)
    {
      double x = msg->fold;
      double train = msg->n_folds == 1 ? msg->score : shown (self->run_scoring, msg->score);
      double val = msg->n_folds == 1 ? msg->value : shown (self->run_scoring, msg->value);

      self->live_is_loss = msg->n_folds == 1;
      g_array_append_val (self->live_epochs, x);
      g_array_append_val (self->live_train, train);
      g_array_append_val (self->live_val, val);
      schedule_redraw (self, 4);
      return;
    }
  if (msg->model >= self->rows->len)
    return;
  row = g_ptr_array_index (self->rows, msg->model);
  switch (msg->kind)
    {
    case LB_SHORTLIST_MSG_MODEL_START:
      if (self->job_kind == JOB_CV)
        {
          row->state = ROW_RUNNING;
          table_update_row (self, msg->model);
        }
      break;
    case LB_SHORTLIST_MSG_FOLD:
      if (msg->fold < self->n_folds)
        {
          if (isnan (row->scores[msg->fold]))
            row->n_done++;
          row->scores[msg->fold] = msg->score;
          row_recompute (row, self->n_folds);
          table_update_row (self, msg->model);
          schedule_redraw (self, 1);
        }
      break;
    case LB_SHORTLIST_MSG_MODEL_DONE:
      {
        JsonObject *o = json_node_get_object (msg->json);
        JsonArray *scores = json_object_get_array_member (o, "cv_scores");

        for (guint f = 0; f < self->n_folds && scores != NULL && f < json_array_get_length (scores); f++)
          row->scores[f] = json_array_get_double_element (scores, f);
        row->n_done = scores != NULL ? json_array_get_length (scores) : 0;
        row_recompute (row, self->n_folds);
        g_free (row->scoring);
        row->scoring = g_strdup (json_object_get_string_member_with_default (o, "scoring", NULL));
        row->fit_seconds = json_object_get_double_member_with_default (o, "fit_seconds", NAN);
        row->state = ROW_DONE;
        table_update_row (self, msg->model);
        schedule_redraw (self, 1);
      }
      break;
    case LB_SHORTLIST_MSG_MODEL_FAILED:
      row->state = ROW_FAILED;
      g_free (row->message);
      row->message = g_strdup (msg->message);
      table_update_row (self, msg->model);
      break;
    case LB_SHORTLIST_MSG_CURVE_POINT:
      {
        CurvePoint p = { msg->x, msg->train_mean, msg->train_std, msg->val_mean, msg->val_std };

        if (row->curve->len <= msg->fold)
          g_array_set_size (row->curve, msg->fold + 1);
        g_array_index (row->curve, CurvePoint, msg->fold) = p;
        schedule_redraw (self, 2);
      }
      break;
    case LB_SHORTLIST_MSG_EPOCH:
    default:
      break;
    }
}

/* --- jobs --- */

static void
job_message_cb (LbJob           *job,
                GParamSpec      *pspec,
                LbShortlistPage *self)
{
  const char *message = lb_job_get_message (job);

  gtk_label_set_text (GTK_LABEL (self->progress_label), message != NULL ? message : "");
}

static void
finish_job (LbShortlistPage *self)
{
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_func (self->job, job_message_cb, self);
  g_clear_object (&self->job);
  self->job_kind = JOB_NONE;
  gtk_label_set_text (GTK_LABEL (self->progress_label), "");
  update_buttons (self);
}

/* Rows that did not finish keep their scores and say why. */
static void
mark_unfinished (LbShortlistPage *self,
                 RowState         state,
                 const char      *message)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ResultRow *row = g_ptr_array_index (self->rows, i);

      if (row->state == ROW_WAITING || row->state == ROW_RUNNING)
        {
          row->state = state;
          g_free (row->message);
          row->message = g_strdup (message);
          table_update_row (self, i);
        }
    }
}

static void
cv_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (LbShortlistChannel) channel = user_data;
  g_autoptr (LbShortlistPage) self = lb_shortlist_channel_dup_page (channel);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = lb_job_propagate_pointer (result, &error);
  gboolean current;

  if (self == NULL)
    return;
  current = lb_generation_is_current (&self->generation, lb_shortlist_channel_get_generation (channel));
  if (current)
    {
      lb_shortlist_channel_drain (channel);   /* every fold before the verdict */
      finish_job (self);
      if (node != NULL)
        {
          self->storing = TRUE;
          lb_workbench_set_result (self->workbench, "shortlist", node);
          lb_workbench_set_step_done (self->workbench, LB_STEP_SHORTLIST, TRUE);
          self->storing = FALSE;
          gtk_widget_set_visible (self->table_note, FALSE);
        }
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mark_unfinished (self, ROW_CANCELLED, _("Cancelled before this model finished"));
      else
        {
          mark_unfinished (self, ROW_FAILED, error->message);
          show_error (self, error->message);
        }
      schedule_redraw (self, 1);
    }
  g_signal_emit (self, signals[SIGNAL_RUN_DONE], 0, current && node != NULL);
}

static void
curves_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (LbShortlistChannel) channel = user_data;
  g_autoptr (LbShortlistPage) self = lb_shortlist_channel_dup_page (channel);
  g_autoptr (GError) error = NULL;
  gboolean ok = lb_job_propagate_boolean (result, &error);
  gboolean current;

  if (self == NULL)
    return;
  current = lb_generation_is_current (&self->generation, lb_shortlist_channel_get_generation (channel));
  if (current)
    {
      lb_shortlist_channel_drain (channel);
      finish_job (self);
      if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      schedule_redraw (self, 2);
    }
  g_signal_emit (self, signals[SIGNAL_CURVES_DONE], 0, current && ok);
}

static void
train_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (LbShortlistChannel) channel = user_data;
  g_autoptr (LbShortlistPage) self = lb_shortlist_channel_dup_page (channel);
  g_autoptr (GError) error = NULL;
  gboolean ok = lb_job_propagate_boolean (result, &error);
  gboolean current;

  if (self == NULL)
    return;
  current = lb_generation_is_current (&self->generation, lb_shortlist_channel_get_generation (channel));
  if (current)
    {
      lb_shortlist_channel_drain (channel);
      finish_job (self);
      self->live_best = live_best_epoch (self);
      if (self->live_best > 0)
        {
          g_autofree char *value = format_number (g_array_index (self->live_val, double, self->live_best - 1));
          g_autofree char *text = NULL;

          if (!isfinite (g_array_index (self->live_val, double, self->live_best - 1)))
            {
              g_free (value);
              value = format_number (g_array_index (self->live_train, double, self->live_best - 1));
            }
          text = g_strdup_printf (_("Best epoch: %u (%s)"), self->live_best, value);
          gtk_label_set_text (GTK_LABEL (self->live_label), text);
        }
      if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      schedule_redraw (self, 4);
    }
  g_signal_emit (self, signals[SIGNAL_TRAIN_DONE], 0, current && ok);
}

/* Snapshot of the inputs (on the main thread); NULL with @error when a job cannot start. */
static LbShortlistJobData *
snapshot (LbShortlistPage     *self,
          LbShortlistJobKind   kind,
          GError             **error)
{
  LbShortlistJobData *d;
  LbTable *table = lb_workbench_get_table (self->workbench);
  LbProject *project;

  if (self->job != NULL)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID, _("A job of this page is running"));
      return NULL;
    }
  if (table == NULL)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_NO_DATA, _("Open a data set first"));
      return NULL;
    }
  if (lb_workbench_get_target (self->workbench) == NULL)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_NO_TARGET,
                   _("Choose the target in “Frame the problem” first"));
      return NULL;
    }
  if (self->entries->len == 0)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID, _("Add a model first"));
      return NULL;
    }
  store_models (self);
  store_evaluation (self);
  project = lb_workbench_build_project (self->workbench, error);
  if (project == NULL)
    return NULL;
  if (project->models->len != self->entries->len)
    {
      lb_project_unref (project);
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                   _("Every model needs a unique, non-empty name"));
      return NULL;
    }
  d = g_new0 (LbShortlistJobData, 1);
  d->kind = kind;
  d->project = project;
  d->table = lb_table_ref (table);
  return d;
}

static void
start_job (LbShortlistPage    *self,
           LbShortlistJobData *d,
           JobKind             kind,
           const char         *title,
           GAsyncReadyCallback callback)
{
  guint64 generation = lb_generation_next (&self->generation);

  d->channel = lb_shortlist_channel_new (self, generation, dispatch_msg);
  self->job_kind = kind;
  self->job = lb_shortlist_job_start (d, title, callback, lb_shortlist_channel_ref (d->channel));
  g_signal_connect (self->job, "notify::message", G_CALLBACK (job_message_cb), self);
  show_error (self, NULL);
  update_buttons (self);
  g_signal_emit (self, signals[SIGNAL_JOB_STARTED], 0, self->job);
  lb_workbench_track_job (self->workbench, self->job);
}

/* The rows of a new run or curve job (one per model, in order). */
static void
reset_rows (LbShortlistPage *self,
            LbProject       *project)
{
  g_ptr_array_set_size (self->rows, 0);
  g_free (self->run_scoring);
  self->run_scoring = g_strdup (project->scoring);
  self->n_folds = project->cv.kind != LB_PROJECT_CV_NONE ? project->cv.n_splits : 0;
  for (guint i = 0; i < project->models->len; i++)
    {
      const LbProjectStep *step = g_ptr_array_index (project->models, i);
      g_autoptr (LbEstimator) model = lb_estimator_new_by_name (step->estimator, NULL);
      const char *scoring = project->scoring;

      if (scoring == NULL && model != NULL)
        scoring = lb_scoring_default_for (model);
      if (self->run_scoring == NULL && scoring != NULL)
        self->run_scoring = g_strdup (scoring);
      g_ptr_array_add (self->rows, result_row_new (step->name, step->estimator, scoring, self->n_folds));
    }
  table_rebuild (self);
  gtk_widget_set_visible (self->table_note, FALSE);
}

gboolean
lb_shortlist_page_run (LbShortlistPage *self,
                       GError         **error)
{
  LbShortlistJobData *d;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), FALSE);
  d = snapshot (self, LB_SHORTLIST_JOB_CV, &local);
  if (d == NULL)
    {
      show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  reset_rows (self, d->project);
  schedule_redraw (self, 1 | 2);
  gtk_stack_set_visible_child_name (GTK_STACK (self->results_stack), "comparison");
  start_job (self, d, JOB_CV, _("Cross-validating the shortlist"), cv_done_cb);
  return TRUE;
}

gboolean
lb_shortlist_page_run_curves (LbShortlistPage *self,
                              GError         **error)
{
  LbShortlistJobData *d;
  g_autoptr (GError) local = NULL;
  gboolean same = TRUE;

  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), FALSE);
  d = snapshot (self, LB_SHORTLIST_JOB_CURVES, &local);
  if (d == NULL)
    {
      show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* keep the table when it shows these models, else start fresh rows */
  same = self->rows->len == d->project->models->len;
  for (guint i = 0; same && i < self->rows->len; i++)
    {
      ResultRow *row = g_ptr_array_index (self->rows, i);
      const LbProjectStep *step = g_ptr_array_index (d->project->models, i);

      same = g_strcmp0 (row->name, step->name) == 0 && g_strcmp0 (row->estimator, step->estimator) == 0;
    }
  if (!same)
    reset_rows (self, d->project);
  for (guint i = 0; i < self->rows->len; i++)
    g_array_set_size (((ResultRow *) g_ptr_array_index (self->rows, i))->curve, 0);
  schedule_redraw (self, 2);
  gtk_stack_set_visible_child_name (GTK_STACK (self->results_stack), "curves");
  start_job (self, d, JOB_CURVES, _("Learning curves of the shortlist"), curves_done_cb);
  return TRUE;
}

gboolean
lb_shortlist_page_train (LbShortlistPage *self,
                         guint            row,
                         GError         **error)
{
  LbShortlistJobData *d;
  g_autoptr (GError) local = NULL;
  g_autoptr (LbEstimator) model = NULL;
  const LbProjectStep *step;
  g_autofree char *title = NULL;

  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), FALSE);
  if (row >= self->entries->len)
    {
      g_set_error (&local, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID, _("Select a model first"));
      goto fail;
    }
  d = snapshot (self, LB_SHORTLIST_JOB_TRAIN, &local);
  if (d == NULL)
    goto fail;
  step = g_ptr_array_index (d->project->models, row);
  model = lb_project_step_build (step, &local);
  if (model == NULL || (lb_estimator_get_flags (model) & LB_ESTIMATOR_ITERATIVE) == 0)
    {
      if (local == NULL)
        g_set_error (&local, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                     _("%s does not learn epoch by epoch: choose an iterative model (SGD, gradient descent, "
                       "logistic regression, perceptron, boosting)"), step->estimator);
      lb_shortlist_job_data_free (d);
      goto fail;
    }
  d->model = row;
  d->validation_fraction = DEFAULT_VALIDATION;
  d->max_epochs = 100;
  {
    g_autoptr (JsonNode) fraction = lb_estimator_get_param (model, "validation_fraction", NULL);
    g_autoptr (JsonNode) max_iter = lb_estimator_get_param (model, "max_iter", NULL);

    if (fraction != NULL && JSON_NODE_HOLDS_VALUE (fraction))
      d->validation_fraction = json_node_get_double (fraction);
    if (max_iter != NULL && JSON_NODE_HOLDS_VALUE (max_iter))
      d->max_epochs = (guint) CLAMP (json_node_get_int (max_iter), 1, MAX_LIVE_EPOCHS);
  }
  g_free (self->run_scoring);
  self->run_scoring = g_strdup (d->project->scoring != NULL ? d->project->scoring
                                : lb_scoring_default_for (model));
  g_free (self->live_name);
  self->live_name = g_strdup (step->name);
  g_array_set_size (self->live_epochs, 0);
  g_array_set_size (self->live_train, 0);
  g_array_set_size (self->live_val, 0);
  self->live_best = 0;
  self->live_is_loss = FALSE;
  gtk_label_set_text (GTK_LABEL (self->live_label), "");
  schedule_redraw (self, 4);
  gtk_stack_set_visible_child_name (GTK_STACK (self->results_stack), "live");
  title = g_strdup_printf (_("Training %s"), step->name);
  start_job (self, d, JOB_TRAIN, title, train_done_cb);
  return TRUE;

fail:
  show_error (self, local->message);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

void
lb_shortlist_page_cancel (LbShortlistPage *self)
{
  g_return_if_fail (LB_IS_SHORTLIST_PAGE (self));
  if (self->job != NULL)
    lb_job_cancel (self->job);
}

gboolean
lb_shortlist_page_is_running (LbShortlistPage *self)
{
  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), FALSE);
  return self->job != NULL;
}

/* --- the models --- */

static void
model_entry_free (gpointer data)
{
  ModelEntry *entry = data;

  g_free (entry->estimator);
  g_clear_pointer (&entry->params, json_object_unref);
  g_free (entry);
}

static JsonObject *
entry_params (ModelEntry *entry)
{
  if (entry->form != NULL)
    return lb_param_form_dup_params (LB_PARAM_FORM (entry->form));
  return entry->params != NULL ? json_object_ref (entry->params) : json_object_new ();
}

static void
store_models (LbShortlistPage *self)
{
  g_autoptr (JsonArray) models = json_array_new ();
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->entries->len; i++)
    {
      ModelEntry *entry = g_ptr_array_index (self->entries, i);
      const char *name = gtk_editable_get_text (GTK_EDITABLE (entry->name_entry));
      JsonObject *model;

      if (name[0] == '\0' || !g_hash_table_add (names, (gpointer) name))
        {
          gtk_widget_add_css_class (entry->name_entry, "error");
          continue;     /* the project would refuse it: keep the others */
        }
      gtk_widget_remove_css_class (entry->name_entry, "error");
      model = json_object_new ();
      json_object_set_string_member (model, "name", name);
      json_object_set_string_member (model, "estimator", entry->estimator);
      json_object_set_object_member (model, "params", entry_params (entry));
      json_array_add_object_element (models, model);
    }
  self->storing = TRUE;
  lb_workbench_set_models (self->workbench, models);
  self->storing = FALSE;
}

static void
entry_changed_cb (gpointer    source,
                  ModelEntry *entry)
{
  store_models (entry->page);
}

static void
entry_remove_cb (GtkButton  *button,
                 ModelEntry *entry)
{
  LbShortlistPage *self = entry->page;
  guint index;

  if (g_ptr_array_find (self->entries, entry, &index))
    lb_shortlist_page_remove_model (self, index);
}

static char *
default_name (LbShortlistPage *self,
              const char      *estimator)
{
  /* the names the book gives its models */
  static const char *const book[][2] = {
    { "LinearRegression", "lin_reg" }, { "DecisionTreeRegressor", "tree_reg" },
    { "RandomForestRegressor", "forest_reg" }, { "SGDRegressor", "sgd_reg" },
    { "SGDClassifier", "sgd_clf" }, { "LogisticRegression", "log_reg" },
    { "RandomForestClassifier", "forest_clf" }, { "DecisionTreeClassifier", "tree_clf" },
    { "KNeighborsClassifier", "knn_clf" }, { "SVC", "svm_clf" }, { "LinearSVC", "svm_clf" },
    { "SVR", "svm_reg" }, { "LinearSVR", "svm_reg" }, { "Ridge", "ridge_reg" }, { "Lasso", "lasso_reg" },
    { "ElasticNet", "elastic_net" }, { "GDRegressor", "gd_reg" }, { "Perceptron", "per_clf" },
  };
  g_autoptr (GString) base = g_string_new (NULL);
  char *name;

  for (guint i = 0; i < G_N_ELEMENTS (book) && base->len == 0; i++)
    if (strcmp (book[i][0], estimator) == 0)
      g_string_assign (base, book[i][1]);
  /* else "KNeighborsRegressor" -> "k_neighbors_regressor", "XGBRegressor" -> "xgb_regressor" */
  if (base->len == 0)
    for (const char *c = estimator; *c != '\0'; c++)
      {
        if (g_ascii_isupper (*c) && c != estimator
            && (g_ascii_islower (c[-1]) || (g_ascii_isupper (c[-1]) && g_ascii_islower (c[1]))))
          g_string_append_c (base, '_');
        g_string_append_c (base, g_ascii_tolower (*c));
      }
  name = g_strdup (base->str);
  for (guint k = 2; ; k++)
    {
      gboolean taken = FALSE;

      for (guint i = 0; i < self->entries->len && !taken; i++)
        {
          ModelEntry *entry = g_ptr_array_index (self->entries, i);

          taken = g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry->name_entry)), name) == 0;
        }
      if (!taken)
        return name;
      g_free (name);
      name = g_strdup_printf ("%s_%u", base->str, k);
    }
}

/* Appends a row for @model (configured) named @name; does not store. */
static void
append_entry (LbShortlistPage *self,
              LbEstimator     *model,
              const char      *name,
              JsonObject      *params)
{
  ModelEntry *entry = g_new0 (ModelEntry, 1);
  GtkWidget *box, *header, *label, *remove, *expander;
  g_autofree char *tooltip = NULL;

  entry->page = self;
  entry->estimator = g_strdup (lb_estimator_get_name (model));
  entry->params = params != NULL ? json_object_ref (params) : json_object_new ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  entry->name_entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry->name_entry), name);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry->name_entry), 18);
  gtk_widget_set_tooltip_text (entry->name_entry, _("The model's name in the project and the report"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Model name"), -1);
  label = gtk_label_new (entry->estimator);
  gtk_widget_add_css_class (label, "lb-heading");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  tooltip = g_strdup_printf (_("Remove %s from the shortlist"), name);
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_box_append (GTK_BOX (header), entry->name_entry);
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (header), remove);
  gtk_box_append (GTK_BOX (box), header);

  entry->form = lb_param_form_new (model);
  if (params != NULL)
    lb_param_form_set_params (LB_PARAM_FORM (entry->form), params);
  expander = gtk_expander_new_with_mnemonic (_("_Parameters"));
  gtk_expander_set_child (GTK_EXPANDER (expander), entry->form);
  gtk_box_append (GTK_BOX (box), expander);

  entry->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (entry->row), box);
  gtk_list_box_append (GTK_LIST_BOX (self->model_list), entry->row);
  g_ptr_array_add (self->entries, entry);

  g_signal_connect (entry->name_entry, "changed", G_CALLBACK (entry_changed_cb), entry);
  g_signal_connect (entry->form, "changed", G_CALLBACK (entry_changed_cb), entry);
  g_signal_connect (remove, "clicked", G_CALLBACK (entry_remove_cb), entry);
  if (self->entries->len == 1)
    gtk_list_box_select_row (GTK_LIST_BOX (self->model_list), GTK_LIST_BOX_ROW (entry->row));
}

gboolean
lb_shortlist_page_add_model (LbShortlistPage *self,
                             const char      *estimator,
                             JsonObject      *params,
                             GError         **error)
{
  g_autoptr (LbEstimator) model = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), FALSE);
  lb_estimators_register_builtin ();
  model = lb_estimator_new_by_name (estimator, error);
  if (model == NULL)
    return FALSE;
  if (!lb_estimator_is_regressor (model) && !lb_estimator_is_classifier (model))
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                   _("%s is not a model (it does not predict)"), estimator);
      return FALSE;
    }
  if (params != NULL && !lb_estimator_set_params (model, params, error))
    return FALSE;
  name = default_name (self, estimator);
  append_entry (self, model, name, params);
  store_models (self);
  update_buttons (self);
  return TRUE;
}

void
lb_shortlist_page_remove_model (LbShortlistPage *self,
                                guint            index)
{
  ModelEntry *entry;

  g_return_if_fail (LB_IS_SHORTLIST_PAGE (self));
  g_return_if_fail (index < self->entries->len);
  entry = g_ptr_array_index (self->entries, index);
  gtk_list_box_remove (GTK_LIST_BOX (self->model_list), entry->row);
  g_ptr_array_remove_index (self->entries, index);
  store_models (self);
  update_buttons (self);
}

guint
lb_shortlist_page_get_n_models (LbShortlistPage *self)
{
  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), 0);
  return self->entries->len;
}

static void
clear_entries (LbShortlistPage *self)
{
  GtkListBoxRow *row;

  /* rows only: the placeholder is a child too */
  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->model_list), 0)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->model_list), GTK_WIDGET (row));
  g_ptr_array_set_size (self->entries, 0);
}

/* The list from the workbench's "models" (a project opened). */
static void
load_models (LbShortlistPage *self)
{
  JsonArray *models = lb_workbench_get_models (self->workbench);

  clear_entries (self);
  for (guint i = 0; models != NULL && i < json_array_get_length (models); i++)
    {
      JsonObject *spec = json_array_get_object_element (models, i);
      const char *estimator = json_object_get_string_member_with_default (spec, "estimator", NULL);
      const char *name = json_object_get_string_member_with_default (spec, "name", estimator);
      JsonObject *params = json_object_has_member (spec, "params")
                           ? json_object_get_object_member (spec, "params") : NULL;
      g_autoptr (LbEstimator) model = estimator != NULL ? lb_estimator_new_by_name (estimator, NULL) : NULL;

      if (model == NULL)
        continue;
      if (params != NULL)
        lb_estimator_set_params (model, params, NULL);
      append_entry (self, model, name, params);
    }
  update_buttons (self);
}

static gboolean
is_classification (LbShortlistPage *self)
{
  LbTask task = lb_workbench_get_task (self->workbench);

  return task == LB_TASK_BINARY || task == LB_TASK_MULTICLASS;
}

char **
lb_shortlist_page_dup_offered (LbShortlistPage *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GArray) types = NULL;
  LbTask task;

  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), NULL);
  lb_estimators_register_builtin ();
  task = lb_workbench_get_task (self->workbench);
  types = lb_estimator_list_registered ();
  for (guint i = 0; i < types->len; i++)
    {
      GType type = g_array_index (types, GType, i);
      LbEstimatorClass *klass = g_type_class_ref (type);
      LbEstimatorFlags flags = klass->flags;
      gboolean fits;

      if (task == LB_TASK_REGRESSION)
        fits = (flags & LB_ESTIMATOR_REGRESSOR) != 0;
      else if (task == LB_TASK_BINARY || task == LB_TASK_MULTICLASS)
        fits = (flags & LB_ESTIMATOR_CLASSIFIER) != 0;
      else
        fits = (flags & (LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_CLASSIFIER)) != 0;
      if (fits && klass->name != NULL)
        g_strv_builder_add (builder, klass->name);
      g_type_class_unref (klass);
    }
  return g_strv_builder_end (builder);
}

static void
refresh_offered (LbShortlistPage *self)
{
  g_auto (GStrv) names = lb_shortlist_page_dup_offered (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->offered));
  guint preferred = 0;

  gtk_string_list_splice (self->offered, 0, n, (const char * const *) names);
  /* the book starts with a linear model */
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], is_classification (self) ? "SGDClassifier" : "LinearRegression") == 0)
      preferred = i;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->estimator_choice), preferred);
  gtk_widget_set_sensitive (self->stratified_check, is_classification (self));
}

static void
add_clicked_cb (GtkButton       *button,
                LbShortlistPage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (self->estimator_choice));
  g_autoptr (GError) error = NULL;

  if (item == NULL)
    return;
  if (!lb_shortlist_page_add_model (self, gtk_string_object_get_string (item), NULL, &error))
    show_error (self, error->message);
}

/* --- cross-validation settings --- */

static void
store_evaluation (LbShortlistPage *self)
{
  JsonObject *old = lb_workbench_get_evaluation (self->workbench);
  g_autoptr (JsonObject) evaluation = json_object_new ();
  JsonObject *cv = json_object_new ();
  gboolean stratified = is_classification (self)
                        && gtk_check_button_get_active (GTK_CHECK_BUTTON (self->stratified_check));
  const char *scoring = lb_workbench_get_scoring (self->workbench);

  /* keep what other pages set (e.g. "test" after the final evaluation) */
  if (old != NULL)
    {
      g_autoptr (GList) members = json_object_get_members (old);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (evaluation, l->data, json_node_copy (json_object_get_member (old, l->data)));
    }
  json_object_set_string_member (cv, "kind", stratified ? "stratified_kfold" : "kfold");
  json_object_set_int_member (cv, "n_splits",
                              gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->folds_spin)));
  json_object_set_boolean_member (cv, "shuffle", gtk_switch_get_active (GTK_SWITCH (self->shuffle_switch)));
  json_object_set_object_member (evaluation, "cv", cv);
  json_object_set_string_member (evaluation, "prepare",
                                 gtk_drop_down_get_selected (GTK_DROP_DOWN (self->prepare_choice)) == 1
                                 ? "per_fold" : "once");
  json_object_set_boolean_member (evaluation, "train_score", TRUE);
  if (scoring != NULL)
    json_object_set_string_member (evaluation, "scoring", scoring);
  self->storing = TRUE;
  lb_workbench_set_evaluation (self->workbench, evaluation);
  self->storing = FALSE;
}

static void
load_evaluation (LbShortlistPage *self)
{
  JsonObject *evaluation = lb_workbench_get_evaluation (self->workbench);
  JsonObject *cv = evaluation != NULL && json_object_has_member (evaluation, "cv")
                   && JSON_NODE_HOLDS_OBJECT (json_object_get_member (evaluation, "cv"))
                   ? json_object_get_object_member (evaluation, "cv") : NULL;
  const char *prepare = evaluation != NULL
                        ? json_object_get_string_member_with_default (evaluation, "prepare", "once") : "once";
  gboolean classification = is_classification (self);
  guint n_splits = classification ? 3 : 10;    /* the book: cv=3 (chapter 3), cv=10 (chapter 2) */
  gboolean shuffle = FALSE, stratified = classification, storing;

  if (cv != NULL)
    {
      n_splits = (guint) json_object_get_int_member_with_default (cv, "n_splits", n_splits);
      shuffle = json_object_get_boolean_member_with_default (cv, "shuffle", FALSE);
      stratified = g_strcmp0 (json_object_get_string_member_with_default (cv, "kind", ""),
                              "stratified_kfold") == 0
                   || (classification && g_strcmp0 (json_object_get_string_member_with_default (cv, "kind", ""),
                                                     "auto") == 0);
    }
  storing = self->storing;
  self->storing = TRUE;   /* the widgets' signals must not write back */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->folds_spin), n_splits);
  gtk_switch_set_active (GTK_SWITCH (self->shuffle_switch), shuffle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->stratified_check), stratified);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->prepare_choice), g_strcmp0 (prepare, "per_fold") == 0);
  self->storing = storing;
}

static void
cv_changed_cb (GObject         *object,
               GParamSpec      *pspec,
               LbShortlistPage *self)
{
  if (!self->storing)
    store_evaluation (self);
}

/* The project's seed: the CV shuffle's, but also the test split's, so it
 * can only change while no test set exists. */
static void
update_seed (LbShortlistPage *self)
{
  JsonObject *split = lb_workbench_get_split (self->workbench);
  gboolean has_split = split != NULL
                       && g_strcmp0 (json_object_get_string_member_with_default (split, "kind", "none"), "none") != 0;

  gboolean storing = self->storing;

  self->storing = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seed_spin), (double) lb_workbench_get_seed (self->workbench));
  self->storing = storing;
  gtk_widget_set_sensitive (self->seed_spin, !has_split);
  gtk_widget_set_tooltip_text (self->seed_spin,
                               has_split
                               ? _("The project's seed; it also drew the test set, so it is fixed now")
                               : _("The project's seed: the shuffle of the folds, and later the test split "
                                   "and the models' randomness"));
}

static void
seed_changed_cb (GtkSpinButton   *spin,
                 GParamSpec      *pspec,
                 LbShortlistPage *self)
{
  if (self->storing)
    return;
  self->storing = TRUE;
  lb_workbench_set_seed (self->workbench, (guint64) gtk_spin_button_get_value (spin));
  self->storing = FALSE;
}

void
lb_shortlist_page_set_cv (LbShortlistPage *self,
                          guint            n_splits,
                          gboolean         shuffle,
                          gboolean         stratified,
                          gboolean         per_fold)
{
  g_return_if_fail (LB_IS_SHORTLIST_PAGE (self));
  self->storing = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->folds_spin), n_splits);
  gtk_switch_set_active (GTK_SWITCH (self->shuffle_switch), shuffle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->stratified_check), stratified);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->prepare_choice), per_fold ? 1 : 0);
  self->storing = FALSE;
  store_evaluation (self);
}

/* --- buttons --- */

static gboolean
selected_is_iterative (LbShortlistPage *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->model_list));
  int index = selected != NULL ? gtk_list_box_row_get_index (selected) : -1;
  ModelEntry *entry;
  GType type;
  LbEstimatorClass *klass;
  gboolean iterative;

  if (index < 0 || (guint) index >= self->entries->len)
    return FALSE;
  entry = g_ptr_array_index (self->entries, index);
  type = lb_estimator_lookup (entry->estimator);
  if (type == G_TYPE_INVALID)
    return FALSE;
  klass = g_type_class_ref (type);
  iterative = (klass->flags & LB_ESTIMATOR_ITERATIVE) != 0;
  g_type_class_unref (klass);
  return iterative;
}

static void
update_buttons (LbShortlistPage *self)
{
  gboolean running = self->job != NULL;
  gboolean ready = self->entries->len > 0 && lb_workbench_get_table (self->workbench) != NULL;

  gtk_widget_set_sensitive (self->run_button, ready && !running);
  gtk_widget_set_sensitive (self->curves_button, ready && !running);
  gtk_widget_set_sensitive (self->train_button, ready && !running && selected_is_iterative (self));
  gtk_widget_set_sensitive (self->cancel_button, running);
}

static void
run_clicked_cb (GtkButton       *button,
                LbShortlistPage *self)
{
  lb_shortlist_page_run (self, NULL);
}

static void
curves_clicked_cb (GtkButton       *button,
                   LbShortlistPage *self)
{
  lb_shortlist_page_run_curves (self, NULL);
}

static void
train_clicked_cb (GtkButton       *button,
                  LbShortlistPage *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->model_list));

  lb_shortlist_page_train (self, selected != NULL ? (guint) gtk_list_box_row_get_index (selected) : G_MAXUINT,
                           NULL);
}

static void
cancel_clicked_cb (GtkButton       *button,
                   LbShortlistPage *self)
{
  lb_shortlist_page_cancel (self);
}

static void
selection_changed_cb (GtkListBox      *list,
                      GtkListBoxRow   *row,
                      LbShortlistPage *self)
{
  update_buttons (self);
}

/* --- results saved with the project --- */

/* Shows the workbench's "shortlist" result (a project opened). */
static void
load_result (LbShortlistPage *self)
{
  JsonNode *node = lb_workbench_get_result (self->workbench, "shortlist");
  JsonArray *models;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || !json_object_has_member (json_node_get_object (node), "models"))
    return;
  models = json_object_get_array_member (json_node_get_object (node), "models");
  g_ptr_array_set_size (self->rows, 0);
  self->n_folds = 0;
  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonArray *scores = json_object_get_array_member (json_array_get_object_element (models, i), "cv_scores");

      if (scores != NULL)
        self->n_folds = MAX (self->n_folds, json_array_get_length (scores));
    }
  g_clear_pointer (&self->run_scoring, g_free);
  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonObject *o = json_array_get_object_element (models, i);
      JsonArray *scores = json_object_get_array_member (o, "cv_scores");
      ResultRow *row = result_row_new (json_object_get_string_member_with_default (o, "name", "?"),
                                       json_object_get_string_member_with_default (o, "estimator", "?"),
                                       json_object_get_string_member_with_default (o, "scoring", NULL),
                                       self->n_folds);

      for (guint f = 0; scores != NULL && f < json_array_get_length (scores); f++)
        row->scores[f] = json_array_get_double_element (scores, f);
      row->n_done = scores != NULL ? json_array_get_length (scores) : 0;
      row_recompute (row, self->n_folds);
      row->fit_seconds = json_object_get_double_member_with_default (o, "fit_seconds", NAN);
      row->state = ROW_DONE;
      if (self->run_scoring == NULL)
        self->run_scoring = g_strdup (row->scoring);
      g_ptr_array_add (self->rows, row);
    }
  table_rebuild (self);
  schedule_redraw (self, 1);
}

/* What the last "changed" saw of the framing: notes alone change nothing here. */
static gboolean
frame_changed (LbShortlistPage *self)
{
  const char *target = lb_workbench_get_target (self->workbench);
  const char *scoring = lb_workbench_get_scoring (self->workbench);
  LbTask task = lb_workbench_get_task (self->workbench);
  gboolean changed = g_strcmp0 (target, self->frame_target) != 0 || g_strcmp0 (scoring, self->frame_scoring) != 0
                     || task != self->frame_task;

  g_free (self->frame_target);
  self->frame_target = g_strdup (target);
  g_free (self->frame_scoring);
  self->frame_scoring = g_strdup (scoring);
  self->frame_task = task;
  return changed;
}

/* The inputs changed: a running job's result would be stale, the stored
 * result no longer matches the project. */
static void
inputs_changed (LbShortlistPage *self)
{
  if (self->job != NULL)
    {
      gboolean cv = self->job_kind == JOB_CV;

      lb_job_cancel (self->job);
      lb_generation_next (&self->generation);
      if (cv)
        mark_unfinished (self, ROW_CANCELLED, _("The inputs changed during the run"));
      finish_job (self);
      if (cv)
        show_error (self, _("The models or settings changed during the run: run it again"));
    }
  if (self->rows->len > 0)
    gtk_widget_set_visible (self->table_note, TRUE);
  if (lb_workbench_get_result (self->workbench, "shortlist") != NULL)
    {
      gboolean storing = self->storing;

      self->storing = TRUE;
      lb_workbench_set_result (self->workbench, "shortlist", NULL);
      self->storing = storing;
    }
}

/* The test split's definition and the evaluation settings without "test"
 * as one text: unsealing the test set, or the final evaluation asking
 * `learnbench run` for the test score, changes neither, and must not drop
 * the cross-validation results they do not affect. */
static char *
split_evaluation_signature (LbShortlistPage *self)
{
  JsonObject *split = lb_workbench_get_split (self->workbench);
  JsonObject *evaluation = lb_workbench_get_evaluation (self->workbench);
  g_autoptr (JsonNode) split_node = NULL;
  g_autoptr (JsonNode) evaluation_node = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (split != NULL)
    {
      split_node = json_node_init_object (json_node_alloc (), split);
      a = json_to_string (split_node, FALSE);
    }
  if (evaluation != NULL)
    {
      /* a new object without "test" (json_node_copy would share the
       * workbench's own object) */
      g_autoptr (JsonObject) rest = json_object_new ();
      g_autoptr (GList) members = json_object_get_members (evaluation);

      for (GList *l = members; l != NULL; l = l->next)
        if (strcmp (l->data, "test") != 0)
          json_object_set_member (rest, l->data, json_node_copy (json_object_get_member (evaluation, l->data)));
      evaluation_node = json_node_init_object (json_node_alloc (), rest);
      b = json_to_string (evaluation_node, FALSE);
    }
  return g_strdup_printf ("%s|%s", a != NULL ? a : "", b != NULL ? b : "");
}

/* FALSE when only the seal or evaluation.test changed. */
static gboolean
split_evaluation_changed (LbShortlistPage *self)
{
  g_autofree char *now = split_evaluation_signature (self);
  gboolean changed = g_strcmp0 (now, self->split_evaluation) != 0;

  g_free (self->split_evaluation);
  self->split_evaluation = g_steal_pointer (&now);
  return changed;
}

static void
workbench_changed_cb (LbWorkbench     *workbench,
                      guint            flags,
                      LbShortlistPage *self)
{
  const guint inputs = LB_WORKBENCH_CHANGED_DATA | LB_WORKBENCH_CHANGED_SPLIT | LB_WORKBENCH_CHANGED_PIPELINE
                       | LB_WORKBENCH_CHANGED_MODELS | LB_WORKBENCH_CHANGED_EVALUATION;
  gboolean framing = (flags & (LB_WORKBENCH_CHANGED_FRAME | LB_WORKBENCH_CHANGED_DATA)) != 0 && frame_changed (self);

  /* a project opened, or File > New: every flag at once */
  if ((flags & 0x3ff) == 0x3ff)
    {
      if (self->job != NULL)
        {
          lb_job_cancel (self->job);
          lb_generation_next (&self->generation);
          finish_job (self);
        }
      show_error (self, NULL);
      split_evaluation_changed (self);
      refresh_offered (self);
      load_models (self);
      load_evaluation (self);
      update_seed (self);
      g_ptr_array_set_size (self->rows, 0);
      table_rebuild (self);
      load_result (self);
      gtk_widget_set_visible (self->table_note, FALSE);
      schedule_redraw (self, 1 | 2);
      update_buttons (self);
      return;
    }
  if (framing)
    refresh_offered (self);
  if (!self->storing)
    {
      if ((flags & LB_WORKBENCH_CHANGED_MODELS) != 0)
        load_models (self);
      if ((flags & LB_WORKBENCH_CHANGED_EVALUATION) != 0 || framing)
        load_evaluation (self);
    }
  if ((flags & (LB_WORKBENCH_CHANGED_SPLIT | LB_WORKBENCH_CHANGED_EVALUATION | LB_WORKBENCH_CHANGED_DATA)) != 0)
    update_seed (self);
  if ((flags & (LB_WORKBENCH_CHANGED_SPLIT | LB_WORKBENCH_CHANGED_EVALUATION)) != 0)
    {
      gboolean changed = split_evaluation_changed (self);   /* also remembers the new one */

      if (!changed && !framing
          && (flags & inputs & ~(LB_WORKBENCH_CHANGED_SPLIT | LB_WORKBENCH_CHANGED_EVALUATION)) == 0)
        flags &= ~(LB_WORKBENCH_CHANGED_SPLIT | LB_WORKBENCH_CHANGED_EVALUATION);
    }
  if ((flags & inputs) != 0 || framing)
    inputs_changed (self);
  if ((flags & LB_WORKBENCH_CHANGED_RESULTS) != 0 && !self->storing && self->job == NULL)
    load_result (self);
  update_buttons (self);
}

/* --- the widget --- */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "lb-title-2");
  return label;
}

static GtkWidget *
labelled (GtkWidget  *grid,
          int         row,
          const char *text,
          GtkWidget  *widget,
          const char *tooltip)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_set_tooltip_text (widget, tooltip);
  gtk_widget_set_halign (widget, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  return widget;
}

static void
install_css (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

      /* a selected model keeps its form readable: a tint, not the accent fill */
      gtk_css_provider_load_from_data (provider,
                                       "lbshortlistpage .lb-model-list > row:selected {"
                                       "  background-color: alpha(#3584e4, 0.12); color: inherit; }\n"
                                       "lbshortlistpage .lb-model-list > row {"
                                       "  border-bottom: 1px solid alpha(currentColor, 0.12); }\n", -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&done, 1);
    }
}

static void
build (LbShortlistPage *self)
{
  GtkWidget *paned, *left_scroll, *left, *row, *button, *grid, *buttons, *right, *switcher, *page, *scroll;
  g_autofree char *status = NULL;
  static const char *const prepares[] = { N_("Once (the book's way)"),
                                          N_("In every fold (no leakage)"), NULL };
  const char *translated[3] = { _(prepares[0]), _(prepares[1]), NULL };

  lb_ui_install_css ();
  install_css ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* the banner */
  self->banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (self->banner, "lb-page-header");
  self->banner_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->banner_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->banner_label), 0);
  gtk_widget_set_hexpand (self->banner_label, TRUE);
  gtk_widget_add_css_class (self->banner_label, "error");
  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_tooltip_text (button, _("Hide this message"));
  g_signal_connect (button, "clicked", G_CALLBACK (banner_close_cb), self);
  gtk_box_append (GTK_BOX (self->banner), self->banner_label);
  gtk_box_append (GTK_BOX (self->banner), button);
  gtk_widget_set_visible (self->banner, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->banner);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (self->box), paned);

  /* left: models and settings */
  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_set_margin_start (left, 18);
  gtk_widget_set_margin_end (left, 12);
  gtk_widget_set_margin_top (left, 14);
  gtk_widget_set_margin_bottom (left, 14);
  gtk_box_append (GTK_BOX (left), heading (_("Shortlist models")));
  {
    GtkWidget *intro = gtk_label_new (_("Try several kinds of models quickly with their default settings, "
                                        "compare them with cross-validation, and keep the two to five most "
                                        "promising for fine-tuning."));

    gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
    gtk_label_set_xalign (GTK_LABEL (intro), 0);
    gtk_label_set_max_width_chars (GTK_LABEL (intro), 44);
    gtk_widget_add_css_class (intro, "dim-label");
    gtk_box_append (GTK_BOX (left), intro);
  }
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->offered = gtk_string_list_new (NULL);
  self->estimator_choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->offered)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->estimator_choice), TRUE);
  gtk_widget_set_hexpand (self->estimator_choice, TRUE);
  gtk_widget_set_tooltip_text (self->estimator_choice, _("The models that fit the task of the target"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->estimator_choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Model to add"), -1);
  button = gtk_button_new_with_mnemonic (_("_Add model"));
  g_signal_connect (button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), self->estimator_choice);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (left), row);

  self->model_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->model_list), GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (self->model_list, "lb-model-list");
  {
    GtkWidget *placeholder = gtk_label_new (_("No model yet: choose one above and press Add model"));

    gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_widget_set_margin_start (placeholder, 12);
    gtk_widget_set_margin_end (placeholder, 12);
    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_list_box_set_placeholder (GTK_LIST_BOX (self->model_list), placeholder);
  }
  g_signal_connect (self->model_list, "row-selected", G_CALLBACK (selection_changed_cb), self);
  gtk_box_append (GTK_BOX (left), self->model_list);

  gtk_box_append (GTK_BOX (left), heading (_("Cross-validation")));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  self->folds_spin = labelled (grid, 0, _("_Folds (k)"), gtk_spin_button_new_with_range (2, 50, 1),
                               _("The training set is cut into k parts; each model is trained k times on "
                                 "k - 1 of them and scored on the one left out"));
  self->shuffle_switch = labelled (grid, 1, _("_Shuffle before cutting"), gtk_switch_new (),
                                   _("Shuffle the rows (with the project's seed) before cutting them into "
                                     "folds; the book does not"));
  self->seed_spin = labelled (grid, 2, _("S_eed"), gtk_spin_button_new_with_range (0, G_MAXINT32, 1), NULL);
  g_signal_connect (self->seed_spin, "notify::value", G_CALLBACK (seed_changed_cb), self);
  self->stratified_check = labelled (grid, 3, _("S_tratified"), gtk_check_button_new (),
                                     _("Keep the class proportions of the whole training set in every fold "
                                       "(classification)"));
  self->prepare_choice = labelled (grid, 4, _("_Preparation"), gtk_drop_down_new_from_strings (translated),
                                   _("Fit the preparation pipeline once on the whole training set and "
                                     "cross-validate the model on its output (the book's way, slightly "
                                     "optimistic), or refit the whole pipeline in every fold"));
  gtk_box_append (GTK_BOX (left), grid);
  g_signal_connect (self->folds_spin, "notify::value", G_CALLBACK (cv_changed_cb), self);
  g_signal_connect (self->shuffle_switch, "notify::active", G_CALLBACK (cv_changed_cb), self);
  g_signal_connect (self->stratified_check, "notify::active", G_CALLBACK (cv_changed_cb), self);
  g_signal_connect (self->prepare_choice, "notify::selected", G_CALLBACK (cv_changed_cb), self);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->run_button = gtk_button_new_with_mnemonic (_("_Run cross-validation"));
  gtk_widget_add_css_class (self->run_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->run_button, _("Cross-validate every model as one job, on the "
                                                   "prepared training set, as `learnbench run` does"));
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect (self->run_button, "clicked", G_CALLBACK (run_clicked_cb), self);
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->run_button);
  gtk_box_append (GTK_BOX (buttons), self->cancel_button);
  gtk_box_append (GTK_BOX (left), buttons);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->curves_button = gtk_button_new_with_mnemonic (_("_Learning curves"));
  gtk_widget_set_tooltip_text (self->curves_button, _("Score every model trained on growing parts of the "
                                                      "training set (slower: k fits per size)"));
  self->train_button = gtk_button_new_with_mnemonic (_("_Train selected, live"));
  gtk_widget_set_tooltip_text (self->train_button, _("Fit the selected iterative model with a validation "
                                                     "part held out and watch both curves epoch by epoch"));
  g_signal_connect (self->curves_button, "clicked", G_CALLBACK (curves_clicked_cb), self);
  g_signal_connect (self->train_button, "clicked", G_CALLBACK (train_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->curves_button);
  gtk_box_append (GTK_BOX (buttons), self->train_button);
  gtk_box_append (GTK_BOX (left), buttons);

  self->status = g_strdup_printf (_("Trains on the CPU (OpenBLAS), %u threads"), lb_shortlist_job_threads ());
  self->status_label = gtk_label_new (self->status);
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 0);
  gtk_widget_add_css_class (self->status_label, "dim-label");
  gtk_box_append (GTK_BOX (left), self->status_label);
  self->progress_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->progress_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->progress_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (left), self->progress_label);

  left_scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (left_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (left_scroll), left);
  gtk_widget_set_size_request (left_scroll, 380, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), left_scroll);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  /* right: results */
  right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (right, 12);
  gtk_widget_set_margin_end (right, 18);
  gtk_widget_set_margin_top (right, 14);
  gtk_widget_set_margin_bottom (right, 14);
  self->results_stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->results_stack, TRUE);
  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->results_stack));
  gtk_widget_set_halign (switcher, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (right), switcher);
  gtk_box_append (GTK_BOX (right), self->results_stack);

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->table_grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->table_grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->table_grid), 4);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), 220);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), self->table_grid);
  gtk_box_append (GTK_BOX (page), scroll);
  self->table_note = gtk_label_new (_("The models or settings changed since these scores were computed: "
                                      "run again before you rely on them"));
  gtk_label_set_wrap (GTK_LABEL (self->table_note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->table_note), 0);
  gtk_widget_add_css_class (self->table_note, "dim-label");
  gtk_widget_set_visible (self->table_note, FALSE);
  gtk_box_append (GTK_BOX (page), self->table_note);
  self->fold_view = lb_chart_view_new ();
  gtk_widget_set_vexpand (self->fold_view, TRUE);
  lb_chart_view_set_message (LB_CHART_VIEW (self->fold_view),
                             _("Run the cross-validation: each fold's score appears here as it finishes"));
  gtk_box_append (GTK_BOX (page), self->fold_view);
  gtk_stack_add_titled (GTK_STACK (self->results_stack), page, "comparison", _("Comparison"));

  self->curves_view = lb_chart_view_new ();
  lb_chart_view_set_message (LB_CHART_VIEW (self->curves_view),
                             _("Press Learning curves: each model's training and validation scores for "
                               "growing training sets appear here"));
  gtk_stack_add_titled (GTK_STACK (self->results_stack), self->curves_view, "curves", _("Learning curves"));

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->live_view = lb_chart_view_new ();
  gtk_widget_set_vexpand (self->live_view, TRUE);
  lb_chart_view_set_message (LB_CHART_VIEW (self->live_view),
                             _("Select an iterative model (SGD, gradient descent, logistic regression, "
                               "perceptron, boosting) and press Train selected, live"));
  self->live_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->live_label), 0);
  gtk_box_append (GTK_BOX (page), self->live_view);
  gtk_box_append (GTK_BOX (page), self->live_label);
  gtk_stack_add_titled (GTK_STACK (self->results_stack), page, "live", _("Live training"));

  gtk_paned_set_end_child (GTK_PANED (paned), right);
  gtk_paned_set_position (GTK_PANED (paned), 420);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), TRUE);
}

static void
lb_shortlist_page_dispose (GObject *object)
{
  LbShortlistPage *self = LB_SHORTLIST_PAGE (object);

  if (self->job != NULL)
    {
      lb_generation_next (&self->generation);
      lb_job_cancel (self->job);
      g_signal_handlers_disconnect_by_func (self->job, job_message_cb, self);
      g_clear_object (&self->job);
    }
  g_clear_handle_id (&self->redraw_id, g_source_remove);
  if (self->workbench != NULL)
    g_clear_signal_handler (&self->changed_id, self->workbench);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->workbench);
  g_clear_object (&self->offered);
  G_OBJECT_CLASS (lb_shortlist_page_parent_class)->dispose (object);
}

static void
lb_shortlist_page_finalize (GObject *object)
{
  LbShortlistPage *self = LB_SHORTLIST_PAGE (object);

  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->live_epochs);
  g_array_unref (self->live_train);
  g_array_unref (self->live_val);
  g_free (self->live_name);
  g_free (self->run_scoring);
  g_free (self->frame_target);
  g_free (self->frame_scoring);
  g_free (self->split_evaluation);
  g_free (self->error);
  g_free (self->status);
  G_OBJECT_CLASS (lb_shortlist_page_parent_class)->finalize (object);
}

static void
lb_shortlist_page_class_init (LbShortlistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_shortlist_page_dispose;
  object_class->finalize = lb_shortlist_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lbshortlistpage");

  signals[SIGNAL_JOB_STARTED] =
    g_signal_new ("job-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LB_TYPE_JOB);
  signals[SIGNAL_RUN_DONE] =
    g_signal_new ("run-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[SIGNAL_CURVES_DONE] =
    g_signal_new ("curves-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[SIGNAL_TRAIN_DONE] =
    g_signal_new ("train-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
lb_shortlist_page_init (LbShortlistPage *self)
{
  self->entries = g_ptr_array_new_with_free_func (model_entry_free);
  self->rows = g_ptr_array_new_with_free_func (result_row_free);
  self->live_epochs = g_array_new (FALSE, FALSE, sizeof (double));
  self->live_train = g_array_new (FALSE, FALSE, sizeof (double));
  self->live_val = g_array_new (FALSE, FALSE, sizeof (double));
  build (self);
}

GtkWidget *
lb_shortlist_page_new (LbWorkbench *workbench)
{
  LbShortlistPage *self;

  g_return_val_if_fail (LB_IS_WORKBENCH (workbench), NULL);
  self = g_object_new (LB_TYPE_SHORTLIST_PAGE, NULL);
  self->workbench = g_object_ref (workbench);
  self->changed_id = g_signal_connect (workbench, "changed", G_CALLBACK (workbench_changed_cb), self);
  self->split_evaluation = split_evaluation_signature (self);
  frame_changed (self);
  refresh_offered (self);
  load_models (self);
  load_evaluation (self);
  update_seed (self);
  load_result (self);
  update_buttons (self);
  return GTK_WIDGET (self);
}

/* --- hooks --- */

guint
lb_shortlist_page_get_n_rows (LbShortlistPage *self)
{
  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), 0);
  return self->rows->len;
}

const char *
lb_shortlist_page_get_row (LbShortlistPage *self,
                           guint            i,
                           double          *mean,
                           double          *std,
                           guint           *n_folds_done,
                           const char     **state)
{
  ResultRow *row;

  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);
  row = g_ptr_array_index (self->rows, i);
  if (mean != NULL)
    *mean = row->mean;
  if (std != NULL)
    *std = row->std;
  if (n_folds_done != NULL)
    *n_folds_done = row->n_done;
  if (state != NULL)
    *state = row_state_ids[row->state];
  return row->name;
}

char *
lb_shortlist_page_dup_row_text (LbShortlistPage *self,
                                guint            i)
{
  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);
  return row_mean_text (g_ptr_array_index (self->rows, i));
}

const char *
lb_shortlist_page_get_error (LbShortlistPage *self)
{
  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), NULL);
  return self->error;
}

guint
lb_shortlist_page_get_n_curve_points (LbShortlistPage *self,
                                      guint            i)
{
  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), 0);
  g_return_val_if_fail (i < self->rows->len, 0);
  return ((ResultRow *) g_ptr_array_index (self->rows, i))->curve->len;
}

gboolean
lb_shortlist_page_get_curve_point (LbShortlistPage *self,
                                   guint            i,
                                   guint            index,
                                   double          *x,
                                   double          *train_mean,
                                   double          *val_mean)
{
  ResultRow *row;
  CurvePoint *p;

  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), FALSE);
  if (i >= self->rows->len)
    return FALSE;
  row = g_ptr_array_index (self->rows, i);
  if (index >= row->curve->len)
    return FALSE;
  p = &g_array_index (row->curve, CurvePoint, index);
  if (x != NULL)
    *x = p->x;
  if (train_mean != NULL)
    *train_mean = p->train_mean;
  if (val_mean != NULL)
    *val_mean = p->val_mean;
  return p->x > 0;
}

guint
lb_shortlist_page_get_n_epochs (LbShortlistPage *self,
                                guint           *best_epoch)
{
  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), 0);
  if (best_epoch != NULL)
    *best_epoch = self->live_best;
  return self->live_epochs->len;
}

const char *
lb_shortlist_page_get_status (LbShortlistPage *self)
{
  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), NULL);
  return self->status;
}

GtkWidget *
lb_shortlist_page_get_chart_view (LbShortlistPage *self,
                                  const char      *which)
{
  g_return_val_if_fail (LB_IS_SHORTLIST_PAGE (self), NULL);
  if (g_strcmp0 (which, "folds") == 0)
    return self->fold_view;
  if (g_strcmp0 (which, "curves") == 0)
    return self->curves_view;
  if (g_strcmp0 (which, "live") == 0)
    return self->live_view;
  return NULL;
}
