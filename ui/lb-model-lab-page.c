/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-model-lab-page.c: LbModelLabPage. Fit runs as a job: split 75 / 25,
 * fit with a context whose events (one per boosting round, epoch…) are
 * queued under a lock and drawn by a 100 ms timer, then the decision grid
 * or the regression curve is computed on the same worker. Charts are made
 * on the main thread from the result; the fitted model is kept so the tree
 * picker can show any tree of a forest without refitting.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lb-decision-grid.h"
#include "lb-engine.h"
#include "lb-model-lab-page.h"
#include "lb-param-form.h"
#include "lb-tree.h"
#include "lb-workbench.h"

#define TEST_FRACTION 0.25
#define CURVE_POINTS  300
#define TREE_DEPTH    5     /* levels drawn before "…" boxes; the diagram zooms */

typedef struct
{
  const char *id;
  const char *label;
  gboolean    classification;
  const char *x1, *x2, *target;   /* the table's columns (x2 NULL: 1-D) */
} DataSet;

static const DataSet data_sets[] = {
  { "moons", N_("Moons (2 classes)"), TRUE, "x1", "x2", "label" },
  { "iris", N_("Iris petals (3 species)"), TRUE, "petal_length", "petal_width", "species" },
  { "circles", N_("Circles (2 classes)"), TRUE, "x1", "x2", "label" },
  { "blobs", N_("Blobs (3 classes)"), TRUE, "x1", "x2", "label" },
  { "quadratic", N_("Quadratic (regression)"), FALSE, "x", NULL, "y" },
  { "linear", N_("Linear (regression)"), FALSE, "x", NULL, "y" },
};

typedef struct
{
  guint  iteration;
  double loss;
  double val;
} Round;

/* Shared by the page and the worker (refcounted with g_rc_box). */
typedef struct
{
  GMutex   lock;
  GArray  *rounds;        /* (element-type Round), appended by the worker */
  gboolean changed;
} Channel;

static void
channel_clear (gpointer data)
{
  Channel *c = data;

  g_mutex_clear (&c->lock);
  g_array_unref (c->rounds);
}

typedef struct
{
  GWeakRef    page;
  guint64     generation;
  Channel    *channel;
  char       *estimator;
  JsonObject *params;
  gboolean    classification;
  LbMatrix   *X;           /* (n, 1 or 2) */
  LbMatrix   *y;           /* (n, 1): values or class codes with categories */
  guint64     seed;
} FitTask;

static void
fit_task_free (gpointer data)
{
  FitTask *t = data;

  g_weak_ref_clear (&t->page);
  g_rc_box_release_full (t->channel, channel_clear);
  g_free (t->estimator);
  json_object_unref (t->params);
  lb_matrix_unref (t->X);
  lb_matrix_unref (t->y);
  g_free (t);
}

typedef struct
{
  LbEstimator    *fitted;
  double          train_score;
  double          test_score;
  LbDecisionGrid *grid;          /* classifiers */
  double         *curve_x;       /* regressors */
  double         *curve_y;
  JsonNode       *described;     /* describe_state, or NULL */
  double          seconds;
} FitResult;

static void
fit_result_free (gpointer data)
{
  FitResult *r = data;

  g_clear_object (&r->fitted);
  g_clear_pointer (&r->grid, lb_decision_grid_unref);
  g_free (r->curve_x);
  g_free (r->curve_y);
  g_clear_pointer (&r->described, json_node_unref);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitResult, fit_result_free)

struct _LbModelLabPage
{
  GtkWidget     parent_instance;

  GtkWidget    *paned;
  GtkWidget    *data_dropdown;
  GtkWidget    *n_spin;
  GtkWidget    *noise_spin;
  GtkWidget    *seed_spin;
  GtkWidget    *model_dropdown;
  GtkStringList *model_names;
  GtkWidget    *form_box;
  GtkWidget    *form;           /* LbParamForm, or NULL */
  GtkWidget    *fit_button;
  GtkWidget    *cancel_button;
  GtkWidget    *status;
  GtkWidget    *tree_spin;
  GtkWidget    *charts;         /* GtkNotebook */
  LbChartView  *model_view;
  LbChartView  *tree_view;
  LbChartView  *importance_view;
  LbChartView  *rounds_view;

  LbTable      *table;          /* the generated data */
  LbMatrix     *X;
  LbMatrix     *y;
  LbJob        *job;
  LbGeneration  generation;
  Channel      *channel;
  guint         poll_id;
  FitResult    *result;
  guint         n_rounds;
  char         *status_text;

  /* the project's training data, on two columns the learner chooses */
  LbWorkbench  *workbench;
  gulong        workbench_changed_id;
  GtkWidget    *x_dropdown;
  GtkWidget    *y_dropdown;
  GtkWidget    *x_row_label;
  GtkWidget    *y_row_label;
  GtkStringList *columns;
  DataSet       project_set;      /* its strings point into the fields below */
  char         *project_x1;
  char         *project_x2;
  char         *project_target;
};

G_DEFINE_FINAL_TYPE (LbModelLabPage, lb_model_lab_page, GTK_TYPE_WIDGET)

#define PROJECT_DATA G_N_ELEMENTS (data_sets)   /* the last entry of the data dropdown */

static gboolean
project_selected (LbModelLabPage *self)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (self->data_dropdown)) == PROJECT_DATA;
}

static const DataSet *
current_data (LbModelLabPage *self)
{
  if (project_selected (self))
    return &self->project_set;
  return &data_sets[gtk_drop_down_get_selected (GTK_DROP_DOWN (self->data_dropdown))];
}

static void
set_status (LbModelLabPage *self,
            const char     *text)
{
  g_free (self->status_text);
  self->status_text = g_strdup (text);
  gtk_label_set_text (GTK_LABEL (self->status), text != NULL ? text : "");
}

/* --- data --- */

static const char *
selected_column (GtkWidget *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* The project's training rows on the chosen columns (x, and y for a
 * classification task) and its target; rows with a missing value are left
 * out, as a model could not use them. */
static void
make_project_data (LbModelLabPage *self)
{
  LbTable *train = self->workbench != NULL ? lb_workbench_get_train_table (self->workbench) : NULL;
  const char *target = self->workbench != NULL ? lb_workbench_get_target (self->workbench) : NULL;
  LbTask task = self->workbench != NULL ? lb_workbench_get_task (self->workbench) : LB_TASK_NONE;
  gboolean classification = task == LB_TASK_BINARY || task == LB_TASK_MULTICLASS;
  const char *x1 = selected_column (self->x_dropdown);
  const char *x2 = selected_column (self->y_dropdown);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbMatrix) X = NULL;
  g_autoptr (LbMatrix) y = NULL;
  g_autoptr (GArray) keep = g_array_new (FALSE, FALSE, sizeof (guint));
  guint cols[2];
  guint n_cols = 0;

  g_clear_pointer (&self->X, lb_matrix_unref);
  g_clear_pointer (&self->y, lb_matrix_unref);
  if (train == NULL || target == NULL || task == LB_TASK_NONE)
    {
      set_status (self, _("Open a data set and choose its target on the Frame page first."));
      return;
    }
  if (x1 == NULL || (classification && (x2 == NULL || g_str_equal (x1, x2))))
    {
      set_status (self, classification ? _("Choose two different numeric columns to draw the classes on.")
                                       : _("Choose a numeric column to draw the predictions over."));
      return;
    }
  g_free (self->project_x1);
  g_free (self->project_x2);
  g_free (self->project_target);
  self->project_x1 = g_strdup (x1);
  self->project_x2 = classification ? g_strdup (x2) : NULL;
  self->project_target = g_strdup (target);
  self->project_set = (DataSet) { "project", NULL, classification,
                                  self->project_x1, self->project_x2, self->project_target };
  cols[n_cols++] = (guint) lb_table_find_column (train, x1);
  if (classification)
    cols[n_cols++] = (guint) lb_table_find_column (train, x2);
  X = lb_matrix_new_from_table (train, cols, n_cols, &error);
  if (X != NULL)
    y = lb_matrix_new_from_column (lb_table_get_column_by_name (train, target), &error);
  if (X == NULL || y == NULL)
    {
      set_status (self, error->message);
      return;
    }
  for (guint i = 0; i < lb_matrix_get_n_rows (X); i++)
    {
      gboolean ok = isfinite (LB_MATRIX_AT (y, i, 0));

      for (guint j = 0; j < n_cols && ok; j++)
        ok = isfinite (LB_MATRIX_AT (X, i, j));
      if (ok)
        g_array_append_val (keep, i);
    }
  if (keep->len < 10)
    {
      set_status (self, _("Fewer than 10 training rows have values in these columns."));
      return;
    }
  self->X = lb_matrix_take_rows (X, (const guint *) (void *) keep->data, keep->len);
  self->y = lb_matrix_take_rows (y, (const guint *) (void *) keep->data, keep->len);
  set_status (self, NULL);
}

/* Offers the project's numeric columns but the target. */
static void
refresh_columns (LbModelLabPage *self)
{
  LbTable *train = self->workbench != NULL ? lb_workbench_get_train_table (self->workbench) : NULL;
  const char *target = self->workbench != NULL ? lb_workbench_get_target (self->workbench) : NULL;
  g_autofree char *x1 = g_strdup (selected_column (self->x_dropdown));
  g_autofree char *x2 = g_strdup (selected_column (self->y_dropdown));
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  guint n = 0, i1 = 0, i2 = 1;

  if (train != NULL)
    for (guint c = 0; c < lb_table_get_n_columns (train); c++)
      {
        LbColumn *column = lb_table_get_column (train, c);
        const char *name = lb_column_get_name (column);

        if (lb_column_get_kind (column) != LB_COLUMN_NUMERIC || g_strcmp0 (name, target) == 0)
          continue;
        gtk_string_list_append (list, name);
        if (g_strcmp0 (name, x1) == 0)
          i1 = n;
        if (g_strcmp0 (name, x2) == 0)
          i2 = n;
        n++;
      }
  g_set_object (&self->columns, list);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->x_dropdown), G_LIST_MODEL (list));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->y_dropdown), G_LIST_MODEL (list));
  if (n > 0)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->x_dropdown), MIN (i1, n - 1));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->y_dropdown), MIN (i2, n - 1));
    }
}

static void
make_data (LbModelLabPage *self)
{
  const DataSet *d = current_data (self);
  gsize n = (gsize) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->n_spin));
  double noise = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->noise_spin));
  guint64 seed = (guint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->seed_spin));
  g_autoptr (GError) error = NULL;
  LbTable *t;
  guint cols[2];
  guint n_cols;

  if (project_selected (self))
    {
      make_project_data (self);
      return;
    }
  if (g_str_equal (d->id, "iris"))
    {
      t = lb_sample_load ("iris", NULL, &error);
      if (t == NULL)
        {
          set_status (self, error->message);
          return;
        }
    }
  else if (g_str_equal (d->id, "moons"))
    t = lb_generate_moons (n, noise, seed);
  else if (g_str_equal (d->id, "circles"))
    t = lb_generate_circles (n, noise, 0.5, seed);
  else if (g_str_equal (d->id, "blobs"))
    t = lb_generate_blobs (n, 2, 3, 1.0 + 4.0 * noise, seed);
  else if (g_str_equal (d->id, "quadratic"))
    t = lb_generate_quadratic (n, seed);
  else
    t = lb_generate_linear (n, seed);
  g_clear_pointer (&self->table, lb_table_unref);
  g_clear_pointer (&self->X, lb_matrix_unref);
  g_clear_pointer (&self->y, lb_matrix_unref);
  self->table = t;
  cols[0] = (guint) lb_table_find_column (t, d->x1);
  n_cols = 1;
  if (d->x2 != NULL)
    cols[n_cols++] = (guint) lb_table_find_column (t, d->x2);
  self->y = lb_matrix_new_from_column (lb_table_get_column_by_name (t, d->target), &error);
  if (self->y != NULL)
    self->X = lb_matrix_new_from_table (t, cols, n_cols, &error);
  if (self->X == NULL || self->y == NULL)
    set_status (self, error->message);
}

/* --- the model list --- */

static gboolean
suits (GType    type,
       gboolean classification)
{
  LbEstimatorClass *klass = g_type_class_ref (type);
  gboolean ok = classification ? (klass->flags & LB_ESTIMATOR_CLASSIFIER) != 0
                               : (klass->flags & LB_ESTIMATOR_REGRESSOR) != 0;

  g_type_class_unref (klass);
  return ok;
}

static const char *
selected_model (LbModelLabPage *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->model_dropdown));

  if (i == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->model_names, i);
}

static void
rebuild_form (LbModelLabPage *self)
{
  const char *name = selected_model (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbEstimator) estimator = NULL;

  if (self->form != NULL)
    {
      gtk_box_remove (GTK_BOX (self->form_box), self->form);
      self->form = NULL;
    }
  if (name == NULL)
    return;
  estimator = lb_estimator_new_by_name (name, &error);
  if (estimator == NULL)
    {
      set_status (self, error->message);
      return;
    }
  self->form = lb_param_form_new (estimator);
  gtk_box_append (GTK_BOX (self->form_box), self->form);
}

static void
rebuild_models (LbModelLabPage *self)
{
  const DataSet *d = current_data (self);
  g_autoptr (GArray) types = lb_estimator_list_registered ();
  const char *previous = selected_model (self);
  g_autofree char *keep = g_strdup (previous);
  guint select = 0, n = 0;
  const char *preferred = d->classification ? "DecisionTreeClassifier" : "DecisionTreeRegressor";
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < types->len; i++)
    {
      GType type = g_array_index (types, GType, i);
      LbEstimatorClass *klass;

      if (!suits (type, d->classification))
        continue;
      klass = g_type_class_ref (type);
      gtk_string_list_append (list, klass->name);
      if (g_strcmp0 (klass->name, keep) == 0)
        select = n;
      else if (keep == NULL && g_strcmp0 (klass->name, preferred) == 0)
        select = n;
      g_type_class_unref (klass);
      n++;
    }
  /* keep the previous choice when it still fits, else the tree */
  if (keep != NULL && !suits (lb_estimator_lookup (keep), d->classification))
    for (guint i = 0; i < n; i++)
      if (g_strcmp0 (gtk_string_list_get_string (list, i), preferred) == 0)
        select = i;
  g_set_object (&self->model_names, list);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->model_dropdown), G_LIST_MODEL (list));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->model_dropdown), n > 0 ? select : GTK_INVALID_LIST_POSITION);
  rebuild_form (self);
}

/* --- the fit job --- */

static void
on_event (const LbFitEvent *event,
          gpointer          user_data)
{
  Channel *c = user_data;
  Round round;

  if (isnan (event->loss) && isnan (event->val_score))
    return;
  round.iteration = event->epoch > 0 ? event->epoch : event->iteration;
  round.loss = event->loss;
  round.val = event->val_score;
  g_mutex_lock (&c->lock);
  g_array_append_val (c->rounds, round);
  c->changed = TRUE;
  g_mutex_unlock (&c->lock);
}

static double
score (LbEstimator *model,
       LbMatrix    *X,
       LbMatrix    *y,
       gboolean     classification,
       GError     **error)
{
  double s = lb_score_by_name (classification ? "accuracy" : "neg_root_mean_squared_error",
                               model, X, y, error);

  return classification ? s : -s;
}

static void
fit_worker (LbJob        *job,
            gpointer      task_data,
            GCancellable *cancellable)
{
  FitTask *t = task_data;
  g_autoptr (FitResult) r = NULL;
  g_autoptr (LbEstimator) model = NULL;
  g_autoptr (LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr (LbMatrix) X_train = NULL;
  g_autoptr (LbMatrix) y_train = NULL;
  g_autoptr (LbMatrix) X_test = NULL;
  g_autoptr (LbMatrix) y_test = NULL;
  g_autofree guint *order = NULL;
  GError *error = NULL;
  gsize n = lb_matrix_get_n_rows (t->X), n_test = (gsize) ceil (TEST_FRACTION * n);
  gint64 start;
  LbRng rng;

  model = lb_estimator_new_by_name (t->estimator, &error);
  if (model == NULL || !lb_estimator_set_params (model, t->params, &error))
    {
      lb_job_return_error (job, error);
      return;
    }
  order = g_new (guint, n);
  for (gsize i = 0; i < n; i++)
    order[i] = (guint) i;
  lb_rng_init (&rng, t->seed);
  lb_rng_shuffle (&rng, order, n);
  X_test = lb_matrix_take_rows (t->X, order, n_test);
  y_test = lb_matrix_take_rows (t->y, order, n_test);
  X_train = lb_matrix_take_rows (t->X, order + n_test, n - n_test);
  y_train = lb_matrix_take_rows (t->y, order + n_test, n - n_test);

  lb_fit_context_set_seed (ctx, t->seed);
  lb_fit_context_set_cancellable (ctx, cancellable);
  lb_fit_context_set_n_threads (ctx, lb_job_runner_get_max_threads ());
  lb_fit_context_set_event_func (ctx, on_event, t->channel, NULL);
  start = g_get_monotonic_time ();
  if (!lb_estimator_fit (model, X_train, y_train, ctx, &error))
    {
      lb_job_return_error (job, error);
      return;
    }
  r = g_new0 (FitResult, 1);
  r->seconds = (g_get_monotonic_time () - start) / 1e6;
  r->train_score = score (model, X_train, y_train, t->classification, &error);
  if (error == NULL)
    r->test_score = score (model, X_test, y_test, t->classification, &error);
  if (error == NULL && t->classification)
    {
      g_autofree double *x = g_new (double, n);
      g_autofree double *y = g_new (double, n);

      for (gsize i = 0; i < n; i++)
        {
          x[i] = LB_MATRIX_AT (t->X, i, 0);
          y[i] = LB_MATRIX_AT (t->X, i, 1);
        }
      r->grid = lb_decision_grid_compute (model, x, y, n, NULL, cancellable, &error);
    }
  else if (error == NULL)
    {
      double lo = INFINITY, hi = -INFINITY;
      g_autoptr (LbMatrix) grid = lb_matrix_new (CURVE_POINTS, 1);
      g_autoptr (LbMatrix) p = NULL;
      const char *names[] = { lb_matrix_get_column_name (t->X, 0), NULL };

      for (gsize i = 0; i < n; i++)
        {
          lo = MIN (lo, LB_MATRIX_AT (t->X, i, 0));
          hi = MAX (hi, LB_MATRIX_AT (t->X, i, 0));
        }
      for (guint i = 0; i < CURVE_POINTS; i++)
        LB_MATRIX_AT (grid, i, 0) = lo + (hi - lo) * i / (CURVE_POINTS - 1);
      lb_matrix_set_column_names (grid, names);
      p = lb_estimator_predict (model, grid, &error);
      if (p != NULL)
        {
          r->curve_x = g_memdup2 (lb_matrix_get_const_data (grid), CURVE_POINTS * sizeof (double));
          r->curve_y = g_memdup2 (lb_matrix_get_const_data (p), CURVE_POINTS * sizeof (double));
        }
    }
  if (error != NULL)
    {
      lb_job_return_error (job, error);
      return;
    }
  r->described = lb_estimator_describe_state (model);
  r->fitted = g_steal_pointer (&model);
  lb_job_return_pointer (job, g_steal_pointer (&r), fit_result_free);
}

/* --- charts --- */

static double *
json_doubles (JsonNode *node,
              guint    *n)
{
  JsonArray *array;
  double *v;

  *n = 0;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  v = g_new (double, MAX (json_array_get_length (array), 1));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (e))
        {
          g_free (v);
          return NULL;
        }
      v[i] = json_node_get_double (e);
    }
  *n = json_array_get_length (array);
  return v;
}

static JsonNode *
described_member (FitResult  *r,
                  const char *name)
{
  if (r->described == NULL || !JSON_NODE_HOLDS_OBJECT (r->described))
    return NULL;
  return json_object_get_member (json_node_get_object (r->described), name);
}

static void
draw_rounds (LbModelLabPage *self)
{
  g_autoptr (GArray) copy = NULL;
  g_autofree double *x = NULL;
  g_autofree double *loss = NULL;
  g_autofree double *val = NULL;
  g_autoptr (LbChart) chart = NULL;
  g_autoptr (GError) error = NULL;
  gboolean any_val = FALSE, any_loss = FALSE;
  LbLineSeries series[2];
  LbLinesOptions options = { 0 };
  guint n_series = 0;

  if (self->channel == NULL)
    return;
  g_mutex_lock (&self->channel->lock);
  copy = g_array_copy (self->channel->rounds);
  self->channel->changed = FALSE;
  g_mutex_unlock (&self->channel->lock);
  self->n_rounds = copy->len;
  if (copy->len == 0)
    {
      lb_chart_view_set_message (self->rounds_view,
                                 _("This model reports no per-round loss (boosting and "
                                   "gradient-descent models do)."));
      return;
    }
  x = g_new (double, copy->len);
  loss = g_new (double, copy->len);
  val = g_new (double, copy->len);
  for (guint i = 0; i < copy->len; i++)
    {
      Round *r = &g_array_index (copy, Round, i);

      x[i] = (double) (r->iteration > 0 ? r->iteration : i + 1);
      loss[i] = r->loss;
      val[i] = r->val;
      any_loss |= !isnan (r->loss);
      any_val |= !isnan (r->val);
    }
  if (any_loss)
    series[n_series++] = (LbLineSeries) { _("training loss"), x, loss, copy->len,
                                          LB_LINE_STYLE_LINES, NULL, NULL, 1 };
  if (any_val)
    series[n_series++] = (LbLineSeries) { _("validation"), x, val, copy->len,
                                          LB_LINE_STYLE_LINES, NULL, NULL, 2 };
  options.x_label = _("round");
  options.y_label = _("loss");
  chart = lb_chart_new_lines (series, n_series, &options, &error);
  if (chart != NULL)
    lb_chart_view_set_chart (self->rounds_view, chart);
  else
    lb_chart_view_set_message (self->rounds_view, error->message);
}

static gboolean
poll_rounds (gpointer user_data)
{
  LbModelLabPage *self = user_data;
  gboolean changed;

  g_mutex_lock (&self->channel->lock);
  changed = self->channel->changed;
  g_mutex_unlock (&self->channel->lock);
  if (changed)
    draw_rounds (self);
  return G_SOURCE_CONTINUE;
}

static void
draw_tree (LbModelLabPage *self)
{
  FitResult *r = self->result;
  guint n_trees = r != NULL && r->fitted != NULL ? lb_estimator_get_n_trees (r->fitted) : 0;
  guint index;
  LbTree *tree;
  g_autoptr (LbChart) chart = NULL;
  g_autoptr (GError) error = NULL;
  const DataSet *d = current_data (self);
  const char *features[] = { d->x1, d->x2, NULL };
  LbTreeChartOptions options = { 0 };

  gtk_widget_set_sensitive (self->tree_spin, n_trees > 1);
  if (n_trees == 0)
    {
      lb_chart_view_set_message (self->tree_view, _("This model has no decision tree to draw."));
      return;
    }
  gtk_spin_button_set_range (GTK_SPIN_BUTTON (self->tree_spin), 1, MAX (n_trees, 1));
  index = (guint) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->tree_spin)) - 1;
  tree = lb_estimator_get_tree (r->fitted, MIN (index, n_trees - 1));
  if (tree == NULL)
    {
      lb_chart_view_set_message (self->tree_view, _("This model has no decision tree to draw."));
      return;
    }
  options.feature_names = features;
  options.class_names = lb_estimator_is_classifier (r->fitted) ? lb_estimator_get_classes (r->fitted) : NULL;
  options.max_depth = TREE_DEPTH;
  chart = lb_chart_new_tree (tree, &options, &error);
  if (chart != NULL)
    lb_chart_view_set_chart (self->tree_view, chart);
  else
    lb_chart_view_set_message (self->tree_view, error->message);
}

static void
draw_result (LbModelLabPage *self)
{
  FitResult *r = self->result;
  const DataSet *d = current_data (self);
  g_autoptr (LbChart) chart = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree double *importances = NULL;
  g_autofree char *text = NULL;
  guint n_imp = 0;
  JsonNode *oob;
  gsize n = lb_matrix_get_n_rows (self->X);

  if (d->classification && r->grid != NULL)
    {
      g_autofree double *x = g_new (double, n);
      g_autofree double *y = g_new (double, n);
      g_autofree guint *cls = g_new (guint, n);
      /* the model's own class codes (y may hold numbers, or classes a fold lacked) */
      g_autoptr (LbMatrix) codes = lb_estimator_encode_y (r->fitted, self->y, NULL);
      g_autofree double *sv_x = NULL;
      g_autofree double *sv_y = NULL;
      JsonNode *sv = described_member (r, "support_vectors_");
      LbDecisionRegionsOptions options = { 0 };
      gsize n_sv = 0;

      for (gsize i = 0; i < n; i++)
        {
          x[i] = LB_MATRIX_AT (self->X, i, 0);
          y[i] = LB_MATRIX_AT (self->X, i, 1);
          cls[i] = codes != NULL && isfinite (LB_MATRIX_AT (codes, i, 0)) ? (guint) LB_MATRIX_AT (codes, i, 0) : G_MAXUINT;
        }
      if (sv != NULL && JSON_NODE_HOLDS_ARRAY (sv))
        {
          JsonArray *rows = json_node_get_array (sv);

          sv_x = g_new (double, MAX (json_array_get_length (rows), 1));
          sv_y = g_new (double, MAX (json_array_get_length (rows), 1));
          for (guint i = 0; i < json_array_get_length (rows); i++)
            {
              guint len;
              g_autofree double *row = json_doubles (json_array_get_element (rows, i), &len);

              if (row == NULL || len != 2)
                continue;
              sv_x[n_sv] = row[0];
              sv_y[n_sv] = row[1];
              n_sv++;
            }
        }
      options.x = x;
      options.y = y;
      options.point_class = cls;
      options.n = n;
      options.x_label = d->x1;
      options.y_label = d->x2;
      options.sv_x = sv_x;
      options.sv_y = sv_y;
      options.n_sv = n_sv;
      options.show_margins = n_sv > 0;
      chart = lb_chart_new_decision_regions (r->grid, &options, &error);
    }
  else if (!d->classification && r->curve_x != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("%s predictions"), lb_estimator_get_name (r->fitted));
      LbLineSeries series[2] = {
        { _("data"), lb_matrix_get_const_data (self->X), lb_matrix_get_const_data (self->y), n,
          LB_LINE_STYLE_POINTS, NULL, NULL, -1 },
        { label, r->curve_x, r->curve_y, CURVE_POINTS, LB_LINE_STYLE_LINES, NULL, NULL, 1 },
      };
      LbLinesOptions options = { 0 };

      options.x_label = d->x1;
      options.y_label = d->target;
      chart = lb_chart_new_lines (series, 2, &options, &error);
    }
  if (chart != NULL)
    lb_chart_view_set_chart (self->model_view, chart);
  else if (error != NULL)
    lb_chart_view_set_message (self->model_view, error->message);

  draw_tree (self);

  importances = json_doubles (described_member (r, "feature_importances_"), &n_imp);
  if (importances != NULL && n_imp == lb_matrix_get_n_cols (self->X))
    {
      const char *names[] = { d->x1, d->x2 };
      g_autoptr (LbChart) bars = NULL;
      g_autoptr (GError) bars_error = NULL;

      bars = lb_chart_new_bars (names, importances, n_imp, 0,
                                _("importance"), &bars_error);
      if (bars != NULL)
        lb_chart_view_set_chart (self->importance_view, bars);
      else
        lb_chart_view_set_message (self->importance_view, bars_error->message);
    }
  else
    lb_chart_view_set_message (self->importance_view,
                               _("This model has no feature importances (trees, forests and "
                                 "boosting have them)."));
  draw_rounds (self);

  oob = described_member (r, "oob_score_");
  text = g_strdup_printf (d->classification
                          ? _("%s: training accuracy %.4f, test accuracy %.4f (%.0f %% of the "
                              "points held out), fitted in %.3g s.")
                          : _("%s: training RMSE %.4f, test RMSE %.4f (%.0f %% of the points held "
                              "out), fitted in %.3g s."),
                          lb_estimator_get_name (r->fitted), r->train_score, r->test_score,
                          100 * TEST_FRACTION, r->seconds);
  if (oob != NULL && JSON_NODE_HOLDS_VALUE (oob))
    {
      g_autofree char *more = g_strdup_printf (_(" Out-of-bag score: %.4f."), json_node_get_double (oob));
      g_autofree char *joined = g_strconcat (text, more, NULL);

      set_status (self, joined);
    }
  else
    set_status (self, text);
}

static void
job_finished (LbModelLabPage *self)
{
  g_clear_object (&self->job);
  if (self->poll_id != 0)
    {
      g_source_remove (self->poll_id);
      self->poll_id = 0;
    }
  gtk_widget_set_sensitive (self->fit_button, TRUE);
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
}

static void
fit_done (GObject      *source,
          GAsyncResult *res,
          gpointer      user_data)
{
  LbJob *job = lb_job_from_result (res);
  FitTask *t = g_object_get_data (G_OBJECT (job), "lb-fit-task");
  g_autoptr (LbModelLabPage) self = g_weak_ref_get (&t->page);
  g_autoptr (GError) error = NULL;
  FitResult *r = lb_job_propagate_pointer (res, &error);

  if (self == NULL || !lb_generation_is_current (&self->generation, t->generation))
    {
      if (r != NULL)
        fit_result_free (r);
      return;
    }
  job_finished (self);
  if (r == NULL)
    {
      set_status (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                        ? _("Cancelled: the previous pictures stay.") : error->message);
      draw_rounds (self);
      return;
    }
  g_clear_pointer (&self->result, fit_result_free);
  self->result = r;
  draw_result (self);
}

void
lb_model_lab_page_fit (LbModelLabPage *self)
{
  FitTask *t;
  LbJob *job;
  const char *name;

  g_return_if_fail (LB_IS_MODEL_LAB_PAGE (self));
  name = selected_model (self);
  if (name == NULL || self->X == NULL || self->form == NULL)
    return;
  if (!lb_param_form_get_valid (LB_PARAM_FORM (self->form)))
    {
      set_status (self, _("A parameter has a value the model refuses: see the form."));
      return;
    }
  if (self->job != NULL)
    {
      lb_job_cancel (self->job);
      job_finished (self);
    }
  if (self->channel != NULL)
    g_rc_box_release_full (self->channel, channel_clear);
  self->channel = g_rc_box_new0 (Channel);
  g_mutex_init (&self->channel->lock);
  self->channel->rounds = g_array_new (FALSE, FALSE, sizeof (Round));
  self->n_rounds = 0;

  t = g_new0 (FitTask, 1);
  g_weak_ref_init (&t->page, self);
  t->generation = lb_generation_next (&self->generation);
  t->channel = g_rc_box_acquire (self->channel);
  t->estimator = g_strdup (name);
  t->params = lb_param_form_dup_params (LB_PARAM_FORM (self->form));
  t->classification = current_data (self)->classification;
  t->X = lb_matrix_ref (self->X);
  t->y = lb_matrix_ref (self->y);
  t->seed = (guint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->seed_spin));
  job = lb_job_new (_("Fitting the model"), NULL, NULL, fit_done, NULL);
  g_object_set_data_full (G_OBJECT (job), "lb-fit-task", t, fit_task_free);
  lb_job_set_task_data (job, t, NULL);
  self->job = g_object_ref (job);
  self->poll_id = g_timeout_add (100, poll_rounds, self);
  gtk_widget_set_sensitive (self->fit_button, FALSE);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  set_status (self, _("Fitting…"));
  lb_job_run (job, fit_worker);
  g_object_unref (job);
}

void
lb_model_lab_page_cancel (LbModelLabPage *self)
{
  g_return_if_fail (LB_IS_MODEL_LAB_PAGE (self));
  if (self->job != NULL)
    lb_job_cancel (self->job);
}

/* --- construction --- */

/* The column choices show only for the project's data (the second one only
 * for classes). */
static void
update_project_rows (LbModelLabPage *self)
{
  gboolean project = project_selected (self);
  LbTask task = self->workbench != NULL ? lb_workbench_get_task (self->workbench) : LB_TASK_NONE;
  gboolean two = task == LB_TASK_BINARY || task == LB_TASK_MULTICLASS;

  gtk_widget_set_visible (self->x_dropdown, project);
  gtk_widget_set_visible (self->x_row_label, project);
  gtk_widget_set_visible (self->y_dropdown, project && two);
  gtk_widget_set_visible (self->y_row_label, project && two);
}

static void
data_changed (LbModelLabPage *self)
{
  const DataSet *d = current_data (self);
  gboolean generated = !g_str_equal (d->id, "iris");

  gtk_widget_set_sensitive (self->noise_spin, d->classification && generated && !project_selected (self));
  gtk_widget_set_sensitive (self->n_spin, generated && !project_selected (self));
  update_project_rows (self);
  make_data (self);
  rebuild_models (self);
}

static void
model_changed (LbModelLabPage *self)
{
  rebuild_form (self);
}

static GtkWidget *
chart_tab (LbChartView **view)
{
  *view = LB_CHART_VIEW (lb_chart_view_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (*view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (*view), TRUE);
  return GTK_WIDGET (*view);
}

static void
lb_model_lab_page_dispose (GObject *object)
{
  LbModelLabPage *self = LB_MODEL_LAB_PAGE (object);

  if (self->job != NULL)
    lb_job_cancel (self->job);
  g_clear_object (&self->job);
  if (self->poll_id != 0)
    {
      g_source_remove (self->poll_id);
      self->poll_id = 0;
    }
  if (self->workbench != NULL)
    {
      g_clear_signal_handler (&self->workbench_changed_id, self->workbench);
      g_clear_object (&self->workbench);
    }
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  G_OBJECT_CLASS (lb_model_lab_page_parent_class)->dispose (object);
}

static void
lb_model_lab_page_finalize (GObject *object)
{
  LbModelLabPage *self = LB_MODEL_LAB_PAGE (object);

  g_clear_pointer (&self->result, fit_result_free);
  if (self->channel != NULL)
    g_rc_box_release_full (self->channel, channel_clear);
  g_clear_pointer (&self->table, lb_table_unref);
  g_clear_pointer (&self->X, lb_matrix_unref);
  g_clear_pointer (&self->y, lb_matrix_unref);
  g_clear_object (&self->model_names);
  g_clear_object (&self->columns);
  g_free (self->project_x1);
  g_free (self->project_x2);
  g_free (self->project_target);
  g_free (self->status_text);
  G_OBJECT_CLASS (lb_model_lab_page_parent_class)->finalize (object);
}

static void
lb_model_lab_page_class_init (LbModelLabPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_model_lab_page_dispose;
  object_class->finalize = lb_model_lab_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
labelled (GtkWidget  *grid,
          int         row,
          const char *text,
          GtkWidget  *control,
          const char *tooltip)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_widget_set_tooltip_text (control, tooltip);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), control, 1, row, 1, 1);
  gtk_widget_set_hexpand (control, TRUE);
  return control;
}

static void
lb_model_lab_page_init (LbModelLabPage *self)
{
  const char *data_labels[G_N_ELEMENTS (data_sets) + 2];
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *tree_tab = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *tree_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *tree_label;

  lb_estimators_register_builtin ();
  self->project_set = (DataSet) { "project", NULL, FALSE, "", NULL, "" };
  for (guint i = 0; i < G_N_ELEMENTS (data_sets); i++)
    data_labels[i] = _(data_sets[i].label);
  data_labels[PROJECT_DATA] = _("The project's training data");
  data_labels[PROJECT_DATA + 1] = NULL;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  self->data_dropdown = labelled (grid, 0, _("_Data"), gtk_drop_down_new_from_strings (data_labels),
                                  _("A generated data set: 2-D classes for classifiers, 1-D curves "
                                    "for regressors."));
  self->n_spin = labelled (grid, 1, _("_Points"), gtk_spin_button_new_with_range (20, 5000, 10),
                           _("How many points to generate."));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->n_spin), 200);
  self->noise_spin = labelled (grid, 2, _("_Noise"), gtk_spin_button_new_with_range (0, 1, 0.05),
                               _("The spread of the classes: more noise, more overlap."));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->noise_spin), 0.15);
  self->seed_spin = labelled (grid, 3, _("_Seed"), gtk_spin_button_new_with_range (0, 1e6, 1),
                              _("The seed of the data, of the 75 / 25 split and of the model."));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seed_spin), 42);
  self->x_dropdown = labelled (grid, 4, _("_X column"), gtk_drop_down_new (NULL, NULL),
                               _("The project's column on the horizontal axis (a feature)."));
  self->y_dropdown = labelled (grid, 5, _("_Y column"), gtk_drop_down_new (NULL, NULL),
                               _("The project's column on the vertical axis (a second feature, for classes)."));
  self->x_row_label = gtk_grid_get_child_at (GTK_GRID (grid), 0, 4);
  self->y_row_label = gtk_grid_get_child_at (GTK_GRID (grid), 0, 5);
  self->model_dropdown = labelled (grid, 6, _("_Model"), gtk_drop_down_new (NULL, NULL),
                                   _("Every model that suits the data. Its parameters follow."));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->model_dropdown), TRUE);

  self->form_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->form_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  self->fit_button = gtk_button_new_with_mnemonic (_("_Fit"));
  gtk_widget_add_css_class (self->fit_button, "suggested-action");
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
  gtk_box_append (GTK_BOX (buttons), self->fit_button);
  gtk_box_append (GTK_BOX (buttons), self->cancel_button);
  gtk_box_append (GTK_BOX (left), grid);
  gtk_box_append (GTK_BOX (left), scroller);
  gtk_box_append (GTK_BOX (left), buttons);
  gtk_widget_set_size_request (left, 330, -1);
  gtk_widget_set_margin_start (left, 12);
  gtk_widget_set_margin_top (left, 12);
  gtk_widget_set_margin_bottom (left, 12);

  self->charts = gtk_notebook_new ();
  gtk_notebook_append_page (GTK_NOTEBOOK (self->charts), chart_tab (&self->model_view),
                            gtk_label_new_with_mnemonic (_("_Predictions")));
  self->tree_spin = gtk_spin_button_new_with_range (1, 1, 1);
  tree_label = gtk_label_new_with_mnemonic (_("T_ree"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (tree_label), self->tree_spin);
  gtk_widget_set_tooltip_text (self->tree_spin, _("Which tree of the ensemble to draw."));
  gtk_box_append (GTK_BOX (tree_bar), tree_label);
  gtk_box_append (GTK_BOX (tree_bar), self->tree_spin);
  gtk_box_append (GTK_BOX (tree_tab), tree_bar);
  gtk_box_append (GTK_BOX (tree_tab), chart_tab (&self->tree_view));
  gtk_notebook_append_page (GTK_NOTEBOOK (self->charts), tree_tab,
                            gtk_label_new_with_mnemonic (_("_Tree diagram")));
  gtk_notebook_append_page (GTK_NOTEBOOK (self->charts), chart_tab (&self->importance_view),
                            gtk_label_new_with_mnemonic (_("Feature _importances")));
  gtk_notebook_append_page (GTK_NOTEBOOK (self->charts), chart_tab (&self->rounds_view),
                            gtk_label_new_with_mnemonic (_("Training _rounds")));
  gtk_widget_set_vexpand (self->charts, TRUE);
  self->status = gtk_label_new (_("Choose data and a model, then press Fit."));
  gtk_label_set_xalign (GTK_LABEL (self->status), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->status), TRUE);
  gtk_box_append (GTK_BOX (right), self->charts);
  gtk_box_append (GTK_BOX (right), self->status);
  gtk_widget_set_margin_end (right, 12);
  gtk_widget_set_margin_top (right, 12);
  gtk_widget_set_margin_bottom (right, 12);

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), left);
  gtk_paned_set_end_child (GTK_PANED (self->paned), right);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));

  lb_chart_view_set_message (self->model_view, _("Press Fit to train the model and draw it."));
  lb_chart_view_set_message (self->tree_view, _("Fit a tree, a forest or boosting to see a tree."));
  lb_chart_view_set_message (self->importance_view, _("Fit a model to see its feature importances."));
  lb_chart_view_set_message (self->rounds_view, _("Fit a boosting model to watch its rounds."));

  update_project_rows (self);
  make_data (self);
  rebuild_models (self);
  g_signal_connect_swapped (self->data_dropdown, "notify::selected", G_CALLBACK (data_changed), self);
  g_signal_connect_swapped (self->x_dropdown, "notify::selected", G_CALLBACK (make_data), self);
  g_signal_connect_swapped (self->y_dropdown, "notify::selected", G_CALLBACK (make_data), self);
  g_signal_connect_swapped (self->n_spin, "value-changed", G_CALLBACK (make_data), self);
  g_signal_connect_swapped (self->noise_spin, "value-changed", G_CALLBACK (make_data), self);
  g_signal_connect_swapped (self->seed_spin, "value-changed", G_CALLBACK (make_data), self);
  g_signal_connect_swapped (self->model_dropdown, "notify::selected", G_CALLBACK (model_changed), self);
  g_signal_connect_swapped (self->fit_button, "clicked", G_CALLBACK (lb_model_lab_page_fit), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (lb_model_lab_page_cancel), self);
  g_signal_connect_swapped (self->tree_spin, "value-changed", G_CALLBACK (draw_tree), self);
}

GtkWidget *
lb_model_lab_page_new (void)
{
  return g_object_new (LB_TYPE_MODEL_LAB_PAGE, NULL);
}

static void
workbench_changed_cb (LbWorkbench    *workbench,
                      guint           flags,
                      LbModelLabPage *self)
{
  if ((flags & (LB_WORKBENCH_CHANGED_DATA | LB_WORKBENCH_CHANGED_FRAME | LB_WORKBENCH_CHANGED_SPLIT)) == 0)
    return;
  refresh_columns (self);
  if (project_selected (self))
    {
      update_project_rows (self);
      make_data (self);
      rebuild_models (self);
    }
}

void
lb_model_lab_page_set_workbench (LbModelLabPage *self,
                                 LbWorkbench    *workbench)
{
  g_return_if_fail (LB_IS_MODEL_LAB_PAGE (self));
  g_return_if_fail (workbench == NULL || LB_IS_WORKBENCH (workbench));

  if (self->workbench != NULL)
    {
      g_clear_signal_handler (&self->workbench_changed_id, self->workbench);
      g_clear_object (&self->workbench);
    }
  if (workbench != NULL)
    {
      self->workbench = g_object_ref (workbench);
      self->workbench_changed_id = g_signal_connect (workbench, "changed",
                                                     G_CALLBACK (workbench_changed_cb), self);
    }
  workbench_changed_cb (workbench, LB_WORKBENCH_CHANGED_DATA, self);
}

gboolean
lb_model_lab_page_set_columns (LbModelLabPage *self,
                               const char     *x,
                               const char     *y)
{
  guint n;
  gboolean found_x = FALSE, found_y = y == NULL;

  g_return_val_if_fail (LB_IS_MODEL_LAB_PAGE (self), FALSE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->data_dropdown), PROJECT_DATA);
  n = self->columns != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->columns)) : 0;
  for (guint i = 0; i < n; i++)
    {
      const char *name = gtk_string_list_get_string (self->columns, i);

      if (g_strcmp0 (name, x) == 0)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->x_dropdown), i);
          found_x = TRUE;
        }
      if (y != NULL && g_strcmp0 (name, y) == 0)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->y_dropdown), i);
          found_y = TRUE;
        }
    }
  make_data (self);
  return found_x && found_y && self->X != NULL;
}

/* --- hooks --- */

gboolean
lb_model_lab_page_set_data (LbModelLabPage *self,
                            const char     *data)
{
  g_return_val_if_fail (LB_IS_MODEL_LAB_PAGE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (data_sets); i++)
    if (g_strcmp0 (data, data_sets[i].id) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->data_dropdown), i);
        return TRUE;
      }
  if (g_strcmp0 (data, "project") == 0)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->data_dropdown), PROJECT_DATA);
      return TRUE;
    }
  return FALSE;
}

gboolean
lb_model_lab_page_set_model (LbModelLabPage *self,
                             const char     *estimator)
{
  guint n;

  g_return_val_if_fail (LB_IS_MODEL_LAB_PAGE (self), FALSE);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model_names));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->model_names, i), estimator) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->model_dropdown), i);
        return TRUE;
      }
  return FALSE;
}

gboolean
lb_model_lab_page_set_param (LbModelLabPage *self,
                             const char     *name,
                             const char     *value)
{
  g_return_val_if_fail (LB_IS_MODEL_LAB_PAGE (self), FALSE);
  return self->form != NULL && lb_param_form_set_value (LB_PARAM_FORM (self->form), name, value);
}

gboolean
lb_model_lab_page_is_busy (LbModelLabPage *self)
{
  g_return_val_if_fail (LB_IS_MODEL_LAB_PAGE (self), FALSE);
  return self->job != NULL;
}

double
lb_model_lab_page_get_train_score (LbModelLabPage *self)
{
  g_return_val_if_fail (LB_IS_MODEL_LAB_PAGE (self), NAN);
  return self->result != NULL ? self->result->train_score : NAN;
}

double
lb_model_lab_page_get_test_score (LbModelLabPage *self)
{
  g_return_val_if_fail (LB_IS_MODEL_LAB_PAGE (self), NAN);
  return self->result != NULL ? self->result->test_score : NAN;
}

guint
lb_model_lab_page_get_n_rounds (LbModelLabPage *self)
{
  g_return_val_if_fail (LB_IS_MODEL_LAB_PAGE (self), 0);
  return self->n_rounds;
}

const char *
lb_model_lab_page_get_status (LbModelLabPage *self)
{
  g_return_val_if_fail (LB_IS_MODEL_LAB_PAGE (self), NULL);
  return self->status_text;
}

LbChartView *
lb_model_lab_page_get_chart_view (LbModelLabPage *self,
                                  const char     *name)
{
  g_return_val_if_fail (LB_IS_MODEL_LAB_PAGE (self), NULL);

  if (g_strcmp0 (name, "model") == 0)
    return self->model_view;
  if (g_strcmp0 (name, "tree") == 0)
    return self->tree_view;
  if (g_strcmp0 (name, "importances") == 0)
    return self->importance_view;
  if (g_strcmp0 (name, "rounds") == 0)
    return self->rounds_view;
  return NULL;
}
