/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-prepare-page.c: LbPreparePage, the "Prepare the data" step. It edits a
 * copy of the workbench's "pipeline" JSON (groups → steps, remainder) and
 * stores every change back, so the project file holds exactly what is shown;
 * the preview fits that preparation on the training rows in a job with the
 * engine code `learnbench run` uses (lb_project_build_preparation /
 * lb_project_fit_preparation), and a newer edit cancels an older preview.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-prepare-page.h"
#include "lb-ui-util.h"

#define PREVIEW_ROWS 10
#define PREVIEW_MAX_COLS 60

typedef enum
{
  GROUP_NUMERIC,
  GROUP_CATEGORICAL,
  GROUP_CHOSEN,
} GroupKind;

/* What a preview job computes (on the worker) and hands back. */
typedef struct
{
  LbWorkbench *workbench;
  LbProject   *project;
  guint64      generation;
  /* results */
  gsize        n_rows;
  gsize        n_cols;
  char       **names;     /* n_cols */
  double      *values;    /* MIN (n_rows, PREVIEW_ROWS) x n_cols */
  GPtrArray   *group_columns;  /* (element-type GStrv) each group's columns */
} Preview;

struct _LbPreparePage
{
  GtkWidget     parent_instance;

  LbWorkbench  *workbench;
  gulong        changed_id;
  JsonObject   *pipeline;      /* the page's copy (NULL: none) */
  gboolean      storing;

  GtkWidget    *paned;
  GtkWidget    *banner;
  GtkWidget    *banner_label;
  GtkWidget    *empty_box;
  GtkWidget    *editor_box;
  GtkWidget    *groups_box;
  GtkWidget    *remainder_dropdown;
  GtkWidget    *combined_check;
  GtkWidget    *form_frame;
  GtkWidget    *form_title;
  GtkWidget    *form_holder;
  GtkWidget    *form;          /* LbParamForm of the selected step, or NULL */
  int           sel_group;
  int           sel_step;
  GtkWidget    *diagram;
  GtkWidget    *shape_label;
  GtkWidget    *preview_holder;
  GtkWidget    *preview_spinner;
  GtkWidget    *preview_hint;

  char         *error;
  LbGeneration  generation;
  LbJob        *job;
  Preview      *preview;       /* the last finished preview, or NULL */
  guint         restart_id;
};

G_DEFINE_FINAL_TYPE (LbPreparePage, lb_prepare_page, GTK_TYPE_WIDGET)

enum
{
  PREVIEW_DONE,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void rebuild_editor (LbPreparePage *self);
static void schedule_preview (LbPreparePage *self);
static void diagram_resize (LbPreparePage *self);

/* --- the preview record --- */

static void
preview_free (gpointer data)
{
  Preview *p = data;

  if (p == NULL)
    return;
  g_clear_object (&p->workbench);
  g_clear_pointer (&p->project, lb_project_unref);
  g_strfreev (p->names);
  g_free (p->values);
  g_clear_pointer (&p->group_columns, g_ptr_array_unref);
  g_free (p);
}

/* --- banner --- */

static void
set_error (LbPreparePage *self,
           const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->banner_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->banner, message != NULL);
}

/* --- the pipeline JSON --- */

static JsonArray *
groups_of (JsonObject *pipeline)
{
  if (pipeline == NULL || !json_object_has_member (pipeline, "groups"))
    return NULL;
  return json_object_get_array_member (pipeline, "groups");
}

static JsonObject *
group_at (LbPreparePage *self,
          guint          g)
{
  JsonArray *groups = groups_of (self->pipeline);

  if (groups == NULL || g >= json_array_get_length (groups))
    return NULL;
  return json_array_get_object_element (groups, g);
}

static JsonArray *
steps_of (JsonObject *group)
{
  if (!json_object_has_member (group, "steps"))
    json_object_set_array_member (group, "steps", json_array_new ());
  return json_object_get_array_member (group, "steps");
}

static GroupKind
group_kind (JsonObject *group)
{
  const char *kind = json_object_get_string_member_with_default (group, "kind", NULL);

  if (json_object_has_member (group, "columns"))
    return GROUP_CHOSEN;
  if (g_strcmp0 (kind, "categorical") == 0)
    return GROUP_CATEGORICAL;
  return GROUP_NUMERIC;
}

/* A name not used by the other steps of the group: the book's names for the
 * chapter 2 steps ("imputer", "attribs_adder", "std_scaler", "onehot"), the
 * lower-case class name for others, with "_2" … when repeated. The names
 * appear in search parameters ("prep.num.imputer.strategy"). */
static char *
unique_step_name (JsonArray  *steps,
                  const char *estimator)
{
  static const char * const book[][2] = {
    { "SimpleImputer", "imputer" }, { "ExpressionTransformer", "attribs_adder" },
    { "StandardScaler", "std_scaler" }, { "OneHotEncoder", "onehot" }, { "MinMaxScaler", "min_max_scaler" },
    { "OrdinalEncoder", "ordinal" }, { "PolynomialFeatures", "poly_features" },
  };
  g_autofree char *base = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (book) && base == NULL; i++)
    if (g_str_equal (book[i][0], estimator))
      base = g_strdup (book[i][1]);
  if (base == NULL)
    base = g_ascii_strdown (estimator, -1);

  for (guint k = 1; ; k++)
    {
      g_autofree char *name = k == 1 ? g_strdup (base) : g_strdup_printf ("%s_%u", base, k);
      gboolean used = FALSE;

      for (guint i = 0; i < json_array_get_length (steps); i++)
        used |= g_strcmp0 (json_object_get_string_member_with_default (
                             json_array_get_object_element (steps, i), "name", ""), name) == 0;
      if (!used)
        return g_steal_pointer (&name);
    }
}

static char *
unique_group_name (JsonArray  *groups,
                   const char *base)
{
  for (guint k = 1; ; k++)
    {
      g_autofree char *name = k == 1 ? g_strdup (base) : g_strdup_printf ("%s_%u", base, k);
      gboolean used = FALSE;

      for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
        used |= g_strcmp0 (json_object_get_string_member_with_default (
                             json_array_get_object_element (groups, i), "name", ""), name) == 0;
      if (!used)
        return g_steal_pointer (&name);
    }
}

static JsonObject *
new_step (JsonArray  *steps,
          const char *estimator,
          JsonObject *params)
{
  JsonObject *step = json_object_new ();
  g_autofree char *name = unique_step_name (steps, estimator);

  json_object_set_string_member (step, "name", name);
  json_object_set_string_member (step, "estimator", estimator);
  json_object_set_object_member (step, "params", params != NULL ? json_object_ref (params) : json_object_new ());
  return step;
}

/* Stores the page's copy in the workbench (the preview restarts from its
 * "changed"). */
static void
store (LbPreparePage *self)
{
  self->storing = TRUE;
  lb_workbench_set_pipeline (self->workbench, self->pipeline);
  self->storing = FALSE;
  diagram_resize (self);
  schedule_preview (self);
}

/* --- columns of the workbench's data --- */

static gboolean
is_excluded (LbPreparePage *self,
             const char    *name)
{
  const char *target = lb_workbench_get_target (self->workbench);

  return g_strcmp0 (name, target) == 0 ||
         g_strv_contains (lb_workbench_get_drop (self->workbench), name);
}

/* Feature columns of @kind (LB_COLUMN_NUMERIC / _CATEGORICAL) in table order. */
static GStrv
feature_columns (LbPreparePage *self,
                 int            kind)
{
  LbTable *table = lb_workbench_get_train_table (self->workbench);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint c = 0; table != NULL && c < lb_table_get_n_columns (table); c++)
    {
      LbColumn *column = lb_table_get_column (table, c);

      if (is_excluded (self, lb_column_get_name (column)))
        continue;
      if (kind < 0 ? lb_column_get_kind (column) != LB_COLUMN_TEXT : (int) lb_column_get_kind (column) == kind)
        g_strv_builder_add (b, lb_column_get_name (column));
    }
  return g_strv_builder_end (b);
}

/* --- the preview job --- */

static void
preview_thread (LbJob        *job,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Preview *p = task_data;
  LbProjectData data = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LbEstimator) prep = NULL;
  g_autoptr(LbMatrix) X = NULL;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  gsize shown;

  lb_fit_context_set_cancellable (ctx, cancellable);
  lb_fit_context_set_seed (ctx, p->project->seed);
  lb_job_report_progress (job, 0.05, _("Selecting the training rows"));
  if (!lb_workbench_prepare_data (p->workbench, p->project, &data, cancellable, &error))
    goto fail;
  p->group_columns = data.groups != NULL ? g_ptr_array_ref (data.groups) : NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    goto fail;
  prep = lb_project_build_preparation (p->project, &data, &error);
  if (prep == NULL && error != NULL)
    goto fail;
  lb_job_report_progress (job, 0.3, _("Fitting the preparation on the training rows"));
  X = lb_project_fit_preparation (prep, &data, ctx, &error);
  if (X == NULL)
    goto fail;
  p->n_rows = lb_matrix_get_n_rows (X);
  p->n_cols = lb_matrix_get_n_cols (X);
  p->names = g_new0 (char *, p->n_cols + 1);
  for (gsize c = 0; c < p->n_cols; c++)
    {
      const char *name = lb_matrix_get_column_name (X, c);

      p->names[c] = name != NULL ? g_strdup (name) : g_strdup_printf ("x%zu", c);
    }
  shown = MIN (p->n_rows, PREVIEW_ROWS);
  p->values = g_memdup2 (lb_matrix_get_const_data (X), shown * p->n_cols * sizeof (double));
  lb_project_data_clear (&data);
  lb_job_return_boolean (job, TRUE);
  return;

fail:
  lb_project_data_clear (&data);
  lb_job_return_error (job, g_steal_pointer (&error));
}

/* The line above the preview when there is none to show. */
static void
update_hint (LbPreparePage *self)
{
  if (lb_workbench_get_table (self->workbench) == NULL)
    gtk_label_set_text (GTK_LABEL (self->preview_hint), _("Open a data set first."));
  else if (lb_workbench_get_target (self->workbench) == NULL)
    gtk_label_set_text (GTK_LABEL (self->preview_hint),
                        _("Choose the target (the value to predict) in “Frame the problem”."));
  else if (self->pipeline == NULL)
    gtk_label_set_text (GTK_LABEL (self->preview_hint),
                        _("The first rows of the prepared training data appear here, with their column names, "
                          "as soon as there is a preparation."));
  else
    gtk_label_set_text (GTK_LABEL (self->preview_hint), "");
  gtk_widget_set_visible (self->preview_hint, *gtk_label_get_text (GTK_LABEL (self->preview_hint)) != '\0');
}

static void
show_preview (LbPreparePage *self)
{
  Preview *p = self->preview;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) row_labels = NULL;
  g_autofree gboolean *numeric = NULL;
  GtkWidget *child;
  gsize shown, cols;
  g_autofree char *rows_text = NULL;
  g_autofree char *cols_text = NULL;
  g_autofree char *shape = NULL;

  update_hint (self);
  while ((child = gtk_widget_get_first_child (self->preview_holder)) != NULL)
    gtk_box_remove (GTK_BOX (self->preview_holder), child);
  if (p == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->shape_label), "");
      return;
    }
  rows_text = lb_ui_format_count (p->n_rows);
  cols_text = lb_ui_format_count (p->n_cols);
  shape = g_strdup_printf (_("Prepared training matrix: %s rows × %s columns (fitted on the training rows only)"),
                           rows_text, cols_text);
  gtk_label_set_text (GTK_LABEL (self->shape_label), shape);

  shown = MIN (p->n_rows, PREVIEW_ROWS);
  cols = MIN (p->n_cols, PREVIEW_MAX_COLS);
  cells = g_ptr_array_new_with_free_func (g_free);
  row_labels = g_ptr_array_new_with_free_func (g_free);
  numeric = g_new (gboolean, cols);
  for (gsize c = 0; c < cols; c++)
    numeric[c] = TRUE;
  for (gsize r = 0; r < shown; r++)
    {
      g_ptr_array_add (row_labels, g_strdup_printf ("%zu", r));
      for (gsize c = 0; c < cols; c++)
        {
          double x = p->values[r * p->n_cols + c];
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          if (isnan (x))
            g_ptr_array_add (cells, g_strdup ("NaN"));
          else
            g_ptr_array_add (cells, g_strdup (g_ascii_formatd (buf, sizeof buf, "%.4g", x)));
        }
    }
  g_ptr_array_add (row_labels, NULL);
  {
    GtkWidget *grid = lb_ui_string_grid_new ((guint) shown, (guint) cols,
                                             (const char * const *) p->names,
                                             (const char * const *) row_labels->pdata,
                                             (const char * const *) cells->pdata, numeric);

    gtk_widget_set_vexpand (grid, TRUE);
    gtk_box_append (GTK_BOX (self->preview_holder), grid);
  }
  if (p->n_cols > cols)
    {
      g_autofree char *more = g_strdup_printf (_("(the first %u of %u columns are shown)"),
                                               (guint) cols, (guint) p->n_cols);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->preview_holder), label);
    }
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(LbPreparePage) self = g_weak_ref_get (ref);
  LbJob *job = lb_job_from_result (result);
  Preview *p = g_object_get_data (G_OBJECT (job), "lb-preview");
  g_autoptr(GError) error = NULL;
  gboolean ok = lb_job_propagate_boolean (result, &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL)
    return;
  if (self->job == job)
    g_clear_object (&self->job);
  if (p == NULL || !lb_generation_is_current (&self->generation, p->generation))
    {
      g_signal_emit (self, signals[PREVIEW_DONE], 0, FALSE);
      return;  /* stale: a newer preview runs or ran */
    }
  gtk_spinner_stop (GTK_SPINNER (self->preview_spinner));
  gtk_widget_set_visible (self->preview_spinner, FALSE);
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("The preparation failed: %s"), error->message);

          set_error (self, text);
        }
      g_clear_pointer (&self->preview, preview_free);
      show_preview (self);
      gtk_widget_queue_draw (self->diagram);
      g_signal_emit (self, signals[PREVIEW_DONE], 0, FALSE);
      return;
    }
  set_error (self, NULL);
  /* Keep the result: steal it from the job's task data. */
  g_clear_pointer (&self->preview, preview_free);
  self->preview = g_new0 (Preview, 1);
  *self->preview = *p;
  memset (p, 0, sizeof *p);
  self->preview->generation = self->generation.value;
  show_preview (self);
  gtk_widget_queue_draw (self->diagram);
  lb_workbench_set_step_done (self->workbench, LB_STEP_PREPARE, TRUE);
  g_signal_emit (self, signals[PREVIEW_DONE], 0, TRUE);
}

/* The project the preview runs: the workbench's, with a placeholder model
 * when none was shortlisted yet (a project needs one; the preview fits no
 * model). */
static LbProject *
build_preview_project (LbPreparePage *self,
                       GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *base_dir = NULL;
  const char *file = lb_workbench_get_file (self->workbench);
  LbTask task = lb_workbench_get_task (self->workbench);

  if (lb_workbench_get_table (self->workbench) == NULL)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_NO_DATA, _("Open a data set first."));
      return NULL;
    }
  if (lb_workbench_get_target (self->workbench) == NULL)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_NO_TARGET,
                   _("Choose the target (the value to predict) in “Frame the problem”."));
      return NULL;
    }
  root = lb_workbench_to_json (self->workbench);
  object = json_node_get_object (root);
  json_object_remove_member (object, "search");
  json_object_remove_member (object, "predict");
  json_object_remove_member (object, "save_model");
  json_object_remove_member (object, "workbench");
  {
    JsonArray *models = json_array_new ();
    JsonObject *model = json_object_new ();

    json_object_set_string_member (model, "name", "preview");
    json_object_set_string_member (model, "estimator",
                                   task == LB_TASK_BINARY || task == LB_TASK_MULTICLASS
                                     ? "DummyClassifier" : "DummyRegressor");
    json_array_add_object_element (models, model);
    json_object_set_array_member (object, "models", models);
  }
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  base_dir = file != NULL ? g_path_get_dirname (file) : g_get_current_dir ();
  return lb_project_load_from_data (text, -1, base_dir, error);
}

static void
start_preview (LbPreparePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProject) project = NULL;
  Preview *p;
  GWeakRef *ref;
  guint64 generation = lb_generation_next (&self->generation);

  if (self->job != NULL)
    {
      lb_job_cancel (self->job);
      g_clear_object (&self->job);
    }
  if (self->pipeline == NULL || lb_workbench_get_table (self->workbench) == NULL)
    {
      gtk_spinner_stop (GTK_SPINNER (self->preview_spinner));
      gtk_widget_set_visible (self->preview_spinner, FALSE);
      return;
    }
  project = build_preview_project (self, &error);
  if (project == NULL)
    {
      set_error (self, error->message);
      g_clear_pointer (&self->preview, preview_free);
      show_preview (self);
      gtk_spinner_stop (GTK_SPINNER (self->preview_spinner));
      gtk_widget_set_visible (self->preview_spinner, FALSE);
      g_signal_emit (self, signals[PREVIEW_DONE], 0, FALSE);
      return;
    }
  p = g_new0 (Preview, 1);
  p->workbench = g_object_ref (self->workbench);
  p->project = g_steal_pointer (&project);
  p->generation = generation;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->job = lb_job_new (_("Previewing the prepared data"), NULL, NULL, preview_done_cb, ref);
  g_object_ref (self->job);
  lb_job_set_task_data (self->job, p, preview_free);
  g_object_set_data (G_OBJECT (self->job), "lb-preview", p);
  gtk_widget_set_visible (self->preview_spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->preview_spinner));
  lb_workbench_track_job (self->workbench, self->job);
  lb_job_run (self->job, preview_thread);
}

static gboolean
restart_timeout_cb (gpointer data)
{
  LbPreparePage *self = data;

  self->restart_id = 0;
  start_preview (self);
  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (typing in a form): wait a little, then preview. */
static void
schedule_preview (LbPreparePage *self)
{
  lb_generation_next (&self->generation);  /* a running preview is stale now */
  if (self->job != NULL)
    {
      lb_job_cancel (self->job);
      g_clear_object (&self->job);
    }
  g_clear_handle_id (&self->restart_id, g_source_remove);
  self->restart_id = g_timeout_add (150, restart_timeout_cb, self);
}

/* --- the step form --- */

static void
form_changed_cb (LbParamForm   *form,
                 LbPreparePage *self)
{
  JsonObject *group = group_at (self, (guint) self->sel_group);
  JsonArray *steps;
  JsonObject *step;

  if (group == NULL)
    return;
  steps = steps_of (group);
  if ((guint) self->sel_step >= json_array_get_length (steps))
    return;
  step = json_array_get_object_element (steps, self->sel_step);
  json_object_set_object_member (step, "params", lb_param_form_dup_params (form));
  store (self);
}

static void
show_form (LbPreparePage *self)
{
  JsonObject *group = group_at (self, self->sel_group >= 0 ? (guint) self->sel_group : G_MAXUINT);
  JsonArray *steps = group != NULL ? steps_of (group) : NULL;
  JsonObject *step;
  g_autoptr(LbEstimator) est = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->form != NULL)
    {
      gtk_box_remove (GTK_BOX (self->form_holder), self->form);
      self->form = NULL;
    }
  if (steps == NULL || self->sel_step < 0 || (guint) self->sel_step >= json_array_get_length (steps))
    {
      gtk_widget_set_visible (self->form_frame, FALSE);
      return;
    }
  step = json_array_get_object_element (steps, self->sel_step);
  est = lb_estimator_new_by_name (json_object_get_string_member_with_default (step, "estimator", ""), &error);
  if (est == NULL)
    {
      set_error (self, error->message);
      gtk_widget_set_visible (self->form_frame, FALSE);
      return;
    }
  title = g_strdup_printf (_("Step “%s” (%s) of group “%s”"),
                           json_object_get_string_member_with_default (step, "name", ""),
                           lb_estimator_get_name (est),
                           json_object_get_string_member_with_default (group, "name", ""));
  gtk_label_set_text (GTK_LABEL (self->form_title), title);
  self->form = lb_param_form_new (est);
  if (json_object_has_member (step, "params"))
    lb_param_form_set_params (LB_PARAM_FORM (self->form), json_object_get_object_member (step, "params"));
  g_signal_connect (self->form, "changed", G_CALLBACK (form_changed_cb), self);
  gtk_box_append (GTK_BOX (self->form_holder), self->form);
  gtk_widget_set_visible (self->form_frame, TRUE);
}

/* --- the groups editor --- */

static void
step_select_cb (GtkButton     *button,
                LbPreparePage *self)
{
  lb_prepare_page_select_step (self,
                               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lb-group")),
                               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lb-step")));
}

static void
step_action_cb (GtkButton     *button,
                LbPreparePage *self)
{
  guint g = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lb-group"));
  guint s = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lb-step"));
  int action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lb-action"));

  if (action == 0)
    lb_prepare_page_remove_step (self, g, s);
  else
    lb_prepare_page_move_step (self, g, s, action);
}

static void
group_remove_cb (GtkButton     *button,
                 LbPreparePage *self)
{
  guint g = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lb-group"));
  JsonArray *groups = groups_of (self->pipeline);

  if (groups == NULL || g >= json_array_get_length (groups))
    return;
  json_array_remove_element (groups, g);
  self->sel_group = -1;
  self->sel_step = -1;
  rebuild_editor (self);
  store (self);
}

static void
add_step_cb (GtkButton     *button,
             LbPreparePage *self)
{
  guint g = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lb-group"));
  GtkDropDown *dd = g_object_get_data (G_OBJECT (button), "lb-dropdown");
  GtkStringObject *item = gtk_drop_down_get_selected_item (dd);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  if (!lb_prepare_page_add_step (self, g, gtk_string_object_get_string (item), &error))
    set_error (self, error->message);
}

static void
kind_changed_cb (GtkDropDown   *dd,
                 GParamSpec    *pspec,
                 LbPreparePage *self)
{
  guint g = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dd), "lb-group"));
  JsonObject *group = group_at (self, g);
  GroupKind kind = (GroupKind) gtk_drop_down_get_selected (GTK_DROP_DOWN (dd));

  if (group == NULL || kind == group_kind (group))
    return;
  json_object_remove_member (group, "kind");
  json_object_remove_member (group, "columns");
  if (kind == GROUP_NUMERIC)
    json_object_set_string_member (group, "kind", "numeric");
  else if (kind == GROUP_CATEGORICAL)
    json_object_set_string_member (group, "kind", "categorical");
  else
    {
      /* Start from the group's current columns when known, else the first feature. */
      g_auto(GStrv) all = feature_columns (self, -1);
      JsonArray *columns = json_array_new ();

      if (all[0] != NULL)
        json_array_add_string_element (columns, all[0]);
      json_object_set_array_member (group, "columns", columns);
    }
  rebuild_editor (self);
  store (self);
}

static void
column_toggled_cb (GtkCheckButton *check,
                   LbPreparePage  *self)
{
  guint g = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "lb-group"));
  const char *name = g_object_get_data (G_OBJECT (check), "lb-column");
  JsonObject *group = group_at (self, g);
  JsonArray *old, *columns;
  gboolean active = gtk_check_button_get_active (check);

  if (group == NULL || !json_object_has_member (group, "columns"))
    return;
  old = json_object_get_array_member (group, "columns");
  columns = json_array_new ();
  /* Keep the table's order. */
  {
    g_auto(GStrv) all = feature_columns (self, -1);

    for (guint i = 0; all[i] != NULL; i++)
      {
        gboolean was = FALSE;

        for (guint j = 0; j < json_array_get_length (old); j++)
          was |= g_strcmp0 (json_array_get_string_element (old, j), all[i]) == 0;
        if (g_str_equal (all[i], name) ? active : was)
          json_array_add_string_element (columns, all[i]);
      }
  }
  json_object_set_array_member (group, "columns", columns);
  {
    /* Update the button's label without rebuilding (the popover stays open). */
    GtkWidget *label = g_object_get_data (G_OBJECT (check), "lb-summary");
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns",
                                                          json_array_get_length (columns)),
                                             json_array_get_length (columns));

    gtk_menu_button_set_label (GTK_MENU_BUTTON (label), text);
  }
  store (self);
}

static GtkWidget *
columns_button_new (LbPreparePage *self,
                    guint          g,
                    JsonObject    *group)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  JsonArray *chosen = json_object_get_array_member (group, "columns");
  g_auto(GStrv) all = feature_columns (self, -1);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns",
                                                        json_array_get_length (chosen)),
                                           json_array_get_length (chosen));

  for (guint i = 0; all[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (all[i]);
      gboolean on = FALSE;

      for (guint j = 0; j < json_array_get_length (chosen); j++)
        on |= g_strcmp0 (json_array_get_string_element (chosen, j), all[i]) == 0;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      g_object_set_data (G_OBJECT (check), "lb-group", GUINT_TO_POINTER (g));
      g_object_set_data_full (G_OBJECT (check), "lb-column", g_strdup (all[i]), g_free);
      g_object_set_data (G_OBJECT (check), "lb-summary", button);
      g_signal_connect (check, "toggled", G_CALLBACK (column_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), box);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), 360);
  gtk_popover_set_child (GTK_POPOVER (popover), scroll);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), text);
  gtk_widget_set_tooltip_text (button, _("The columns this group prepares"));
  return button;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *b = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (b, "flat");
  gtk_widget_set_tooltip_text (b, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return b;
}

static GtkWidget *
group_widget (LbPreparePage *self,
              guint          g,
              JsonObject    *group)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (json_object_get_string_member_with_default (group, "name", ""));
  const char *kinds[] = { N_("Numeric columns"), N_("Categorical columns"), N_("Chosen columns"), NULL };
  const char *kinds_tr[4];
  GtkWidget *kind_dd;
  GtkWidget *remove;
  JsonArray *steps = steps_of (group);
  g_auto(GStrv) transformers = lb_prepare_page_dup_transformers (self);
  GtkWidget *add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add_dd, *add_button;

  for (guint i = 0; i < 4; i++)
    kinds_tr[i] = kinds[i] != NULL ? _(kinds[i]) : NULL;
  gtk_widget_add_css_class (title, "lb-heading");
  gtk_box_append (GTK_BOX (header), title);
  kind_dd = gtk_drop_down_new_from_strings (kinds_tr);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind_dd), group_kind (group));
  gtk_widget_set_tooltip_text (kind_dd, _("Which columns go through this group's steps: every numeric one, every categorical one, or the ones you choose"));
  g_object_set_data (G_OBJECT (kind_dd), "lb-group", GUINT_TO_POINTER (g));
  g_signal_connect (kind_dd, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  gtk_box_append (GTK_BOX (header), kind_dd);
  if (group_kind (group) == GROUP_CHOSEN)
    gtk_box_append (GTK_BOX (header), columns_button_new (self, g, group));
  else
    {
      g_auto(GStrv) cols = feature_columns (self, group_kind (group) == GROUP_NUMERIC
                                                  ? LB_COLUMN_NUMERIC : LB_COLUMN_CATEGORICAL);
      g_autofree char *joined = g_strjoinv (", ", cols);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns",
                                                             g_strv_length (cols)),
                                                g_strv_length (cols));
      GtkWidget *label = gtk_label_new (count);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, joined);
      gtk_box_append (GTK_BOX (header), label);
    }
  remove = icon_button ("user-trash-symbolic", _("Remove this group"));
  gtk_widget_set_hexpand (remove, TRUE);
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  g_object_set_data (G_OBJECT (remove), "lb-group", GUINT_TO_POINTER (g));
  g_signal_connect (remove, "clicked", G_CALLBACK (group_remove_cb), self);
  gtk_box_append (GTK_BOX (header), remove);
  gtk_box_append (GTK_BOX (box), header);

  if (json_array_get_length (steps) == 0)
    {
      GtkWidget *label = gtk_label_new (_("No step: the columns pass through unchanged."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }
  for (guint s = 0; s < json_array_get_length (steps); s++)
    {
      JsonObject *step = json_array_get_object_element (steps, s);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      g_autofree char *text = g_strdup_printf ("%u. %s — %s", s + 1,
                                               json_object_get_string_member_with_default (step, "name", ""),
                                               json_object_get_string_member_with_default (step, "estimator", ""));
      GtkWidget *select = gtk_button_new_with_label (text);
      GtkWidget *up = icon_button ("go-up-symbolic", _("Move this step earlier"));
      GtkWidget *down = icon_button ("go-down-symbolic", _("Move this step later"));
      GtkWidget *del = icon_button ("list-remove-symbolic", _("Remove this step"));
      GtkWidget *buttons[] = { select, up, down, del };
      int actions[] = { 0, -1, 1, 0 };

      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (select))), 0);
      gtk_widget_set_hexpand (select, TRUE);
      gtk_widget_set_tooltip_text (select, _("Show this step's parameters"));
      if ((int) g == self->sel_group && (int) s == self->sel_step)
        gtk_widget_add_css_class (select, "suggested-action");
      gtk_widget_set_sensitive (up, s > 0);
      gtk_widget_set_sensitive (down, s + 1 < json_array_get_length (steps));
      for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
        {
          g_object_set_data (G_OBJECT (buttons[i]), "lb-group", GUINT_TO_POINTER (g));
          g_object_set_data (G_OBJECT (buttons[i]), "lb-step", GUINT_TO_POINTER (s));
          g_object_set_data (G_OBJECT (buttons[i]), "lb-action", GINT_TO_POINTER (actions[i]));
          gtk_box_append (GTK_BOX (row), buttons[i]);
        }
      g_signal_connect (select, "clicked", G_CALLBACK (step_select_cb), self);
      for (guint i = 1; i < G_N_ELEMENTS (buttons); i++)
        g_signal_connect (buttons[i], "clicked", G_CALLBACK (step_action_cb), self);
      gtk_box_append (GTK_BOX (box), row);
    }

  add_dd = gtk_drop_down_new_from_strings ((const char * const *) transformers);
  gtk_widget_set_hexpand (add_dd, TRUE);
  gtk_widget_set_tooltip_text (add_dd, _("A transformer to append to this group"));
  add_button = gtk_button_new_with_mnemonic (_("_Add step"));
  g_object_set_data (G_OBJECT (add_button), "lb-group", GUINT_TO_POINTER (g));
  g_object_set_data (G_OBJECT (add_button), "lb-dropdown", add_dd);
  g_signal_connect (add_button, "clicked", G_CALLBACK (add_step_cb), self);
  gtk_box_append (GTK_BOX (add_box), add_dd);
  gtk_box_append (GTK_BOX (add_box), add_button);
  gtk_box_append (GTK_BOX (box), add_box);

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_frame_set_child (GTK_FRAME (frame), box);
  return frame;
}

static void
rebuild_editor (LbPreparePage *self)
{
  GtkWidget *child;
  JsonArray *groups = groups_of (self->pipeline);
  gboolean has_data = lb_workbench_get_table (self->workbench) != NULL &&
                      lb_workbench_get_target (self->workbench) != NULL;

  while ((child = gtk_widget_get_first_child (self->groups_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->groups_box), child);
  gtk_widget_set_visible (self->empty_box, self->pipeline == NULL);
  gtk_widget_set_visible (self->editor_box, self->pipeline != NULL);
  gtk_widget_set_sensitive (self->empty_box, has_data);
  for (guint g = 0; groups != NULL && g < json_array_get_length (groups); g++)
    gtk_box_append (GTK_BOX (self->groups_box), group_widget (self, g, json_array_get_object_element (groups, g)));
  if (self->pipeline != NULL)
    {
      gboolean passthrough = g_strcmp0 (json_object_get_string_member_with_default (self->pipeline, "remainder", "drop"),
                                        "passthrough") == 0;

      g_object_set_data (G_OBJECT (self->remainder_dropdown), "lb-updating", GINT_TO_POINTER (1));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->remainder_dropdown), passthrough ? 1 : 0);
      g_object_set_data (G_OBJECT (self->remainder_dropdown), "lb-updating", NULL);
    }
  show_form (self);
  diagram_resize (self);
  update_hint (self);
}

static void
remainder_changed_cb (GtkDropDown   *dd,
                      GParamSpec    *pspec,
                      LbPreparePage *self)
{
  if (self->pipeline == NULL || g_object_get_data (G_OBJECT (dd), "lb-updating") != NULL)
    return;
  json_object_set_string_member (self->pipeline, "remainder",
                                 gtk_drop_down_get_selected (dd) == 1 ? "passthrough" : "drop");
  store (self);
}

static void
add_group_cb (GtkButton     *button,
              LbPreparePage *self)
{
  g_auto(GStrv) all = feature_columns (self, -1);
  const char *first[] = { all[0], NULL };

  if (self->pipeline == NULL)
    return;
  lb_prepare_page_add_group (self, "cols", NULL, first);
}

static void
use_default_cb (GtkButton     *button,
                LbPreparePage *self)
{
  lb_prepare_page_use_default_pipeline (self, gtk_check_button_get_active (GTK_CHECK_BUTTON (self->combined_check)));
}

/* --- the diagram: one lane per group, its steps as boxes, merging into the matrix --- */

static void
draw_box (cairo_t     *cr,
          GtkWidget   *widget,
          double       x,
          double       y,
          double       w,
          double       h,
          const char  *text,
          const GdkRGBA *fill,
          const GdkRGBA *fg)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int tw, th;
  double r = 6;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, fill);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  pango_layout_get_pixel_size (layout, &tw, &th);
  if (tw > w - 4)
    {
      /* A long class name in a narrow box: a smaller font before wrapping. */
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_width (layout, (int) ((w - 4) * PANGO_SCALE));
  pango_layout_set_height (layout, (int) ((h - 4) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &tw, &th);
  gdk_cairo_set_source_rgba (cr, fg);
  cairo_move_to (cr, x + 2, y + (h - th) / 2);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
draw_arrow (cairo_t *cr,
            double   x0,
            double   y0,
            double   x1,
            double   y1)
{
  double a = atan2 (y1 - y0, x1 - x0);

  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - 7 * cos (a - 0.4), y1 - 7 * sin (a - 0.4));
  cairo_line_to (cr, x1 - 7 * cos (a + 0.4), y1 - 7 * sin (a + 0.4));
  cairo_close_path (cr);
  cairo_fill (cr);
}

#define LANE_H 52.0
#define OUT_H 40.0

/* Lanes of the diagram (groups, plus "other columns" when passed through). */
static guint
diagram_lanes (LbPreparePage *self,
               guint         *max_steps)
{
  JsonArray *groups = groups_of (self->pipeline);
  guint n_groups = groups != NULL ? json_array_get_length (groups) : 0;
  gboolean passthrough = self->pipeline != NULL &&
    g_strcmp0 (json_object_get_string_member_with_default (self->pipeline, "remainder", "drop"), "passthrough") == 0;

  *max_steps = 1;
  for (guint g = 0; g < n_groups; g++)
    *max_steps = MAX (*max_steps, json_array_get_length (steps_of (json_array_get_object_element (groups, g))));
  return n_groups + (passthrough && n_groups > 0 ? 1 : 0);
}

/* One lane per group: its name (and column count once previewed), its steps
 * as boxes, arrows into the prepared matrix. Narrow: the matrix goes below. */
static void
diagram_draw (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  LbPreparePage *self = data;
  JsonArray *groups = groups_of (self->pipeline);
  guint n_groups = groups != NULL ? json_array_get_length (groups) : 0;
  guint max_steps, n_lanes = diagram_lanes (self, &max_steps);
  GdkRGBA fg, lane_fill = { 0.21, 0.52, 0.89, 0.12 }, step_fill = { 0.21, 0.52, 0.89, 0.28 },
          out_fill = { 0.18, 0.76, 0.49, 0.30 };
  double label_w = 112, out_w = 128, step_w, gap = 16, x_out, y_out, lanes_h;
  gboolean below;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  if (n_lanes == 0)
    return;
  lanes_h = LANE_H * n_lanes;
  step_w = (width - out_w - 12 - label_w - gap * (max_steps + 1)) / max_steps;
  below = step_w < 96;
  if (below)
    step_w = (width - 30 - label_w - gap * max_steps) / max_steps;
  step_w = CLAMP (step_w, 40, 150);
  x_out = width - out_w - 6;
  y_out = below ? 4 + lanes_h + 12 : 4 + lanes_h / 2 - OUT_H / 2;
  cairo_set_line_width (cr, 1.5);
  for (guint g = 0; g < n_lanes; g++)
    {
      double y = 4 + g * LANE_H, h = LANE_H - 8, x = 6;
      g_autofree char *label = NULL;

      if (g < n_groups)
        {
          JsonObject *group = json_array_get_object_element (groups, g);
          JsonArray *steps = steps_of (group);
          guint n_cols = 0;

          if (self->preview != NULL && self->preview->group_columns != NULL &&
              g < self->preview->group_columns->len)
            n_cols = g_strv_length (g_ptr_array_index (self->preview->group_columns, g));
          if (n_cols > 0)
            label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u column)", "%s (%u columns)", n_cols),
                                     json_object_get_string_member_with_default (group, "name", ""), n_cols);
          else
            label = g_strdup (json_object_get_string_member_with_default (group, "name", ""));
          draw_box (cr, GTK_WIDGET (area), x, y, label_w, h, label, &lane_fill, &fg);
          x += label_w;
          for (guint s = 0; s < json_array_get_length (steps); s++)
            {
              JsonObject *step = json_array_get_object_element (steps, s);

              gdk_cairo_set_source_rgba (cr, &fg);
              draw_arrow (cr, x + 2, y + h / 2, x + gap - 2, y + h / 2);
              x += gap;
              draw_box (cr, GTK_WIDGET (area), x, y, step_w, h,
                        json_object_get_string_member_with_default (step, "estimator", ""),
                        &step_fill, &fg);
              x += step_w;
            }
        }
      else
        {
          draw_box (cr, GTK_WIDGET (area), x, y, label_w, h, _("other columns"), &lane_fill, &fg);
          x += label_w;
        }
      gdk_cairo_set_source_rgba (cr, &fg);
      if (below)
        {
          /* Into a bus down the right edge, which ends in the matrix box. */
          cairo_move_to (cr, x + 2, y + h / 2);
          cairo_line_to (cr, width - 12, y + h / 2);
          cairo_stroke (cr);
          if (g == 0)
            draw_arrow (cr, width - 12, y + h / 2, width - 12, y_out - 2);
        }
      else
        draw_arrow (cr, x + 2, y + h / 2, x_out - 2, y_out + OUT_H / 2);
    }
  {
    g_autofree char *out = NULL;

    if (self->preview != NULL)
      out = g_strdup_printf (_("matrix: %u columns"), (guint) self->preview->n_cols);
    else
      out = g_strdup (_("prepared matrix"));
    draw_box (cr, GTK_WIDGET (area), x_out, y_out, out_w, OUT_H, out, &out_fill, &fg);
  }
}

/* The diagram's height follows its lanes (and the matrix box below them). */
static void
diagram_resize (LbPreparePage *self)
{
  guint max_steps, n_lanes = diagram_lanes (self, &max_steps);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->diagram),
                                       n_lanes == 0 ? 10 : (int) (8 + LANE_H * n_lanes + 12 + OUT_H + 4));
  gtk_widget_queue_draw (self->diagram);
}

/* --- workbench --- */

static void
load_from_workbench (LbPreparePage *self)
{
  JsonObject *pipeline = lb_workbench_get_pipeline (self->workbench);

  g_clear_pointer (&self->pipeline, json_object_unref);
  if (pipeline != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), pipeline);
      g_autoptr(JsonNode) copy = json_node_copy (node);

      /* A deep copy: json_node_copy shares the object, so go through text. */
      g_autofree char *text = json_to_string (copy, FALSE);
      g_autoptr(JsonNode) parsed = json_from_string (text, NULL);

      self->pipeline = json_object_ref (json_node_get_object (parsed));
      if (!json_object_has_member (self->pipeline, "groups"))
        json_object_set_array_member (self->pipeline, "groups", json_array_new ());
    }
  self->sel_group = -1;
  self->sel_step = -1;
  rebuild_editor (self);
}

static void
workbench_changed_cb (LbWorkbench   *workbench,
                      guint          flags,
                      LbPreparePage *self)
{
  if (self->storing)
    return;
  if (flags & (LB_WORKBENCH_CHANGED_PIPELINE | LB_WORKBENCH_CHANGED_DATA | LB_WORKBENCH_CHANGED_FRAME))
    load_from_workbench (self);
  if (flags & (LB_WORKBENCH_CHANGED_PIPELINE | LB_WORKBENCH_CHANGED_DATA | LB_WORKBENCH_CHANGED_FRAME |
               LB_WORKBENCH_CHANGED_SPLIT))
    {
      set_error (self, NULL);
      g_clear_pointer (&self->preview, preview_free);
      show_preview (self);
      schedule_preview (self);
    }
}

/* --- GObject --- */

static void
lb_prepare_page_dispose (GObject *object)
{
  LbPreparePage *self = LB_PREPARE_PAGE (object);

  g_clear_handle_id (&self->restart_id, g_source_remove);
  if (self->job != NULL)
    lb_job_cancel (self->job);
  g_clear_object (&self->job);
  if (self->workbench != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->workbench);
  g_clear_object (&self->workbench);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  G_OBJECT_CLASS (lb_prepare_page_parent_class)->dispose (object);
}

static void
lb_prepare_page_finalize (GObject *object)
{
  LbPreparePage *self = LB_PREPARE_PAGE (object);

  g_clear_pointer (&self->pipeline, json_object_unref);
  g_clear_pointer (&self->preview, preview_free);
  g_free (self->error);
  G_OBJECT_CLASS (lb_prepare_page_parent_class)->finalize (object);
}

static void
lb_prepare_page_class_init (LbPreparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lb_prepare_page_dispose;
  object_class->finalize = lb_prepare_page_finalize;
  signals[PREVIEW_DONE] = g_signal_new ("preview-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
section_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "lb-heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
lb_prepare_page_init (LbPreparePage *self)
{
  GtkWidget *left_scroll, *left, *right, *header, *title, *intro, *row, *label, *button;
  const char *remainders[] = { N_("Drop them"), N_("Pass them through"), NULL };
  const char *remainders_tr[] = { _(remainders[0]), _(remainders[1]), NULL };

  lb_ui_install_css ();
  self->sel_group = -1;
  self->sel_step = -1;

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));
  gtk_paned_set_position (GTK_PANED (self->paned), 500);

  /* Left: the builder and the selected step's form. */
  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_add_css_class (left, "lb-page-header");
  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  title = gtk_label_new (_("Prepare the data"));
  gtk_widget_add_css_class (title, "lb-title-2");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  intro = gtk_label_new (_("Models need numbers without gaps on comparable scales. Each group of columns goes through "
                           "its steps in order; the results are put side by side. Everything is fitted on the "
                           "training rows only, so the test set stays unseen."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), intro);
  gtk_box_append (GTK_BOX (left), header);

  self->banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->banner, "card");
  self->banner_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->banner_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->banner_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->banner_label), TRUE);
  gtk_widget_add_css_class (self->banner_label, "error");
  gtk_widget_set_margin_start (self->banner_label, 8);
  gtk_widget_set_hexpand (self->banner_label, TRUE);
  gtk_widget_set_margin_top (self->banner_label, 6);
  gtk_widget_set_margin_bottom (self->banner_label, 6);
  gtk_box_append (GTK_BOX (self->banner), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_box_append (GTK_BOX (self->banner), self->banner_label);
  gtk_widget_set_visible (self->banner, FALSE);
  gtk_box_append (GTK_BOX (left), self->banner);

  /* The start: the book's proposal. */
  self->empty_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  label = gtk_label_new (_("No preparation yet. Start from the book's: numeric columns → fill gaps with the median → "
                           "standardize; categorical columns → one-hot encode. You can change every step afterwards."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (self->empty_box), label);
  self->combined_check = gtk_check_button_new_with_mnemonic (_("Also add the _combined attributes (rooms per household…) when the columns exist"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->combined_check), TRUE);
  gtk_box_append (GTK_BOX (self->empty_box), self->combined_check);
  button = gtk_button_new_with_mnemonic (_("_Use the book's preparation"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect (button, "clicked", G_CALLBACK (use_default_cb), self);
  gtk_box_append (GTK_BOX (self->empty_box), button);
  gtk_box_append (GTK_BOX (left), self->empty_box);

  self->editor_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->groups_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (self->editor_box), self->groups_box);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  button = gtk_button_new_with_mnemonic (_("Add a _group"));
  g_signal_connect (button, "clicked", G_CALLBACK (add_group_cb), self);
  gtk_box_append (GTK_BOX (row), button);
  label = gtk_label_new_with_mnemonic (_("Columns in no group:"));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (row), label);
  self->remainder_dropdown = gtk_drop_down_new_from_strings (remainders_tr);
  gtk_widget_set_tooltip_text (self->remainder_dropdown,
                               _("What happens to feature columns that no group selects (scikit-learn's remainder)"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->remainder_dropdown);
  g_signal_connect (self->remainder_dropdown, "notify::selected", G_CALLBACK (remainder_changed_cb), self);
  gtk_box_append (GTK_BOX (row), self->remainder_dropdown);
  gtk_box_append (GTK_BOX (self->editor_box), row);
  button = gtk_button_new_with_mnemonic (_("Start again from the _book's preparation"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (use_default_cb), self);
  gtk_box_append (GTK_BOX (self->editor_box), button);

  self->form_frame = gtk_frame_new (NULL);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

    self->form_title = section_title ("");
    gtk_widget_set_margin_start (self->form_title, 8);
    gtk_widget_set_margin_top (self->form_title, 6);
    self->form_holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    gtk_box_append (GTK_BOX (box), self->form_title);
    gtk_box_append (GTK_BOX (box), self->form_holder);
    gtk_frame_set_child (GTK_FRAME (self->form_frame), box);
  }
  gtk_widget_set_visible (self->form_frame, FALSE);
  gtk_box_append (GTK_BOX (self->editor_box), self->form_frame);
  gtk_box_append (GTK_BOX (left), self->editor_box);

  left_scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (left_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (left_scroll), left);
  gtk_widget_set_size_request (left_scroll, 420, -1);
  gtk_paned_set_start_child (GTK_PANED (self->paned), left_scroll);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);

  /* Right: diagram and preview. */
  right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (right, "lb-page-header");
  gtk_box_append (GTK_BOX (right), section_title (_("Pipeline")));
  self->diagram = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->diagram), 10);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->diagram), diagram_draw, self, NULL);
  gtk_box_append (GTK_BOX (right), self->diagram);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (row), section_title (_("Preview")));
  self->preview_spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->preview_spinner, FALSE);
  gtk_box_append (GTK_BOX (row), self->preview_spinner);
  gtk_box_append (GTK_BOX (right), row);
  self->shape_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->shape_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->shape_label), TRUE);
  gtk_box_append (GTK_BOX (right), self->shape_label);
  self->preview_hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->preview_hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->preview_hint), 0);
  gtk_widget_add_css_class (self->preview_hint, "dim-label");
  gtk_box_append (GTK_BOX (right), self->preview_hint);
  self->preview_holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_vexpand (self->preview_holder, TRUE);
  gtk_box_append (GTK_BOX (right), self->preview_holder);
  gtk_paned_set_end_child (GTK_PANED (self->paned), right);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_widget_set_size_request (right, 360, -1);
}

/* --- public API --- */

GtkWidget *
lb_prepare_page_new (LbWorkbench *workbench)
{
  LbPreparePage *self;

  g_return_val_if_fail (LB_IS_WORKBENCH (workbench), NULL);
  self = g_object_new (LB_TYPE_PREPARE_PAGE, NULL);
  self->workbench = g_object_ref (workbench);
  self->changed_id = g_signal_connect (workbench, "changed", G_CALLBACK (workbench_changed_cb), self);
  load_from_workbench (self);
  if (self->pipeline != NULL)
    schedule_preview (self);
  return GTK_WIDGET (self);
}

void
lb_prepare_page_use_default_pipeline (LbPreparePage *self,
                                      gboolean       combined)
{
  JsonObject *pipeline = json_object_new ();
  JsonArray *groups = json_array_new ();
  g_auto(GStrv) numeric = NULL;
  g_auto(GStrv) categorical = NULL;

  g_return_if_fail (LB_IS_PREPARE_PAGE (self));

  numeric = feature_columns (self, LB_COLUMN_NUMERIC);
  categorical = feature_columns (self, LB_COLUMN_CATEGORICAL);
  if (numeric[0] != NULL)
    {
      JsonObject *group = json_object_new ();
      JsonArray *steps = json_array_new ();
      JsonObject *params = json_object_new ();

      json_object_set_string_member (group, "name", "num");
      json_object_set_string_member (group, "kind", "numeric");
      json_object_set_string_member (params, "strategy", "median");
      json_array_add_object_element (steps, new_step (steps, "SimpleImputer", params));
      json_object_unref (params);
      json_object_set_array_member (group, "steps", steps);
      /* The book's combined attributes (chapter 2), when the housing columns are there. */
      if (combined && g_strv_contains ((const char * const *) numeric, "total_rooms") &&
          g_strv_contains ((const char * const *) numeric, "households") &&
          g_strv_contains ((const char * const *) numeric, "population") &&
          g_strv_contains ((const char * const *) numeric, "total_bedrooms"))
        {
          JsonArray *expressions = json_array_new ();
          JsonObject *eparams = json_object_new ();

          json_array_add_string_element (expressions, "rooms_per_household = total_rooms / households");
          json_array_add_string_element (expressions, "population_per_household = population / households");
          json_array_add_string_element (expressions, "bedrooms_per_room = total_bedrooms / total_rooms");
          json_object_set_array_member (eparams, "expressions", expressions);
          json_array_add_object_element (steps, new_step (steps, "ExpressionTransformer", eparams));
          json_object_unref (eparams);
        }
      json_array_add_object_element (steps, new_step (steps, "StandardScaler", NULL));
      json_array_add_object_element (groups, group);
    }
  if (categorical[0] != NULL)
    {
      JsonObject *group = json_object_new ();
      JsonArray *steps = json_array_new ();
      JsonObject *params = json_object_new ();

      json_object_set_string_member (group, "name", "cat");
      json_object_set_string_member (group, "kind", "categorical");
      /* A category the training rows never showed must not stop predictions. */
      json_object_set_string_member (params, "handle_unknown", "ignore");
      json_array_add_object_element (steps, new_step (steps, "OneHotEncoder", params));
      json_object_unref (params);
      json_object_set_array_member (group, "steps", steps);
      json_array_add_object_element (groups, group);
    }
  json_object_set_array_member (pipeline, "groups", groups);
  json_object_set_string_member (pipeline, "remainder", "drop");
  g_clear_pointer (&self->pipeline, json_object_unref);
  self->pipeline = pipeline;
  self->sel_group = -1;
  self->sel_step = -1;
  set_error (self, NULL);
  rebuild_editor (self);
  store (self);
}

JsonObject *
lb_prepare_page_get_pipeline (LbPreparePage *self)
{
  g_return_val_if_fail (LB_IS_PREPARE_PAGE (self), NULL);
  return self->pipeline;
}

guint
lb_prepare_page_get_n_groups (LbPreparePage *self)
{
  JsonArray *groups;

  g_return_val_if_fail (LB_IS_PREPARE_PAGE (self), 0);
  groups = groups_of (self->pipeline);
  return groups != NULL ? json_array_get_length (groups) : 0;
}

guint
lb_prepare_page_get_n_steps (LbPreparePage *self,
                             guint          group)
{
  JsonObject *g;

  g_return_val_if_fail (LB_IS_PREPARE_PAGE (self), 0);
  g = group_at (self, group);
  return g != NULL ? json_array_get_length (steps_of (g)) : 0;
}

guint
lb_prepare_page_add_group (LbPreparePage      *self,
                           const char         *name,
                           const char         *kind,
                           const char * const *columns)
{
  JsonArray *groups;
  JsonObject *group = json_object_new ();
  g_autofree char *unique = NULL;

  g_return_val_if_fail (LB_IS_PREPARE_PAGE (self), 0);
  if (self->pipeline == NULL)
    {
      self->pipeline = json_object_new ();
      json_object_set_array_member (self->pipeline, "groups", json_array_new ());
      json_object_set_string_member (self->pipeline, "remainder", "drop");
    }
  groups = groups_of (self->pipeline);
  unique = unique_group_name (groups, name != NULL ? name : "cols");
  json_object_set_string_member (group, "name", unique);
  if (kind != NULL)
    json_object_set_string_member (group, "kind", kind);
  else
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
        json_array_add_string_element (array, columns[i]);
      json_object_set_array_member (group, "columns", array);
    }
  json_object_set_array_member (group, "steps", json_array_new ());
  json_array_add_object_element (groups, group);
  rebuild_editor (self);
  store (self);
  return json_array_get_length (groups) - 1;
}

gboolean
lb_prepare_page_add_step (LbPreparePage *self,
                          guint          group,
                          const char    *estimator,
                          GError       **error)
{
  JsonObject *g;
  JsonArray *steps;
  g_autoptr(LbEstimator) est = NULL;

  g_return_val_if_fail (LB_IS_PREPARE_PAGE (self), FALSE);
  g = group_at (self, group);
  if (g == NULL)
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID, _("There is no group %u"), group + 1);
      return FALSE;
    }
  est = lb_estimator_new_by_name (estimator, error);
  if (est == NULL)
    return FALSE;
  if (!lb_estimator_is_transformer (est))
    {
      g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                   _("%s is not a transformer: models are chosen in “Shortlist models”"), estimator);
      return FALSE;
    }
  steps = steps_of (g);
  json_array_add_object_element (steps, new_step (steps, lb_estimator_get_name (est), NULL));
  self->sel_group = (int) group;
  self->sel_step = (int) json_array_get_length (steps) - 1;
  rebuild_editor (self);
  store (self);
  return TRUE;
}

void
lb_prepare_page_remove_step (LbPreparePage *self,
                             guint          group,
                             guint          step)
{
  JsonObject *g;
  JsonArray *steps;

  g_return_if_fail (LB_IS_PREPARE_PAGE (self));
  g = group_at (self, group);
  if (g == NULL || step >= json_array_get_length (steps_of (g)))
    return;
  steps = steps_of (g);
  json_array_remove_element (steps, step);
  if (self->sel_group == (int) group)
    self->sel_step = -1;
  rebuild_editor (self);
  store (self);
}

void
lb_prepare_page_move_step (LbPreparePage *self,
                           guint          group,
                           guint          step,
                           int            delta)
{
  JsonObject *g;
  JsonArray *steps, *moved;
  guint n, to;

  g_return_if_fail (LB_IS_PREPARE_PAGE (self));
  g = group_at (self, group);
  if (g == NULL)
    return;
  steps = steps_of (g);
  n = json_array_get_length (steps);
  if (step >= n || (delta < 0 && step == 0) || (delta > 0 && step + 1 >= n))
    return;
  to = delta < 0 ? step - 1 : step + 1;
  moved = json_array_new ();
  for (guint i = 0; i < n; i++)
    {
      guint from = i == to ? step : i == step ? to : i;

      json_array_add_element (moved, json_node_copy (json_array_get_element (steps, from)));
    }
  json_object_set_array_member (g, "steps", moved);
  if (self->sel_group == (int) group && self->sel_step == (int) step)
    self->sel_step = (int) to;
  rebuild_editor (self);
  store (self);
}

LbParamForm *
lb_prepare_page_select_step (LbPreparePage *self,
                             guint          group,
                             guint          step)
{
  g_return_val_if_fail (LB_IS_PREPARE_PAGE (self), NULL);
  self->sel_group = (int) group;
  self->sel_step = (int) step;
  rebuild_editor (self);
  return self->form != NULL ? LB_PARAM_FORM (self->form) : NULL;
}

char **
lb_prepare_page_dup_transformers (LbPreparePage *self)
{
  g_autoptr(GArray) types = lb_estimator_list_registered ();
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; i < types->len; i++)
    {
      LbEstimatorClass *klass = g_type_class_ref (g_array_index (types, GType, i));

      /* Preparation steps: transformers that are not containers (Pipeline, ColumnTransformer). */
      if ((klass->flags & LB_ESTIMATOR_TRANSFORMER) != 0 && klass->name != NULL &&
          !g_str_equal (klass->name, "Pipeline") && !g_str_equal (klass->name, "ColumnTransformer"))
        g_strv_builder_add (b, klass->name);
      g_type_class_unref (klass);
    }
  return g_strv_builder_end (b);
}

gboolean
lb_prepare_page_is_previewing (LbPreparePage *self)
{
  g_return_val_if_fail (LB_IS_PREPARE_PAGE (self), FALSE);
  return self->job != NULL || self->restart_id != 0;
}

gboolean
lb_prepare_page_get_preview_shape (LbPreparePage *self,
                                   gsize         *n_rows,
                                   gsize         *n_cols)
{
  g_return_val_if_fail (LB_IS_PREPARE_PAGE (self), FALSE);
  if (self->preview == NULL)
    return FALSE;
  if (n_rows != NULL)
    *n_rows = self->preview->n_rows;
  if (n_cols != NULL)
    *n_cols = self->preview->n_cols;
  return TRUE;
}

const char *
lb_prepare_page_get_preview_column (LbPreparePage *self,
                                    guint          i)
{
  g_return_val_if_fail (LB_IS_PREPARE_PAGE (self), NULL);
  if (self->preview == NULL || i >= self->preview->n_cols)
    return NULL;
  return self->preview->names[i];
}

double
lb_prepare_page_get_preview_value (LbPreparePage *self,
                                   guint          row,
                                   guint          col)
{
  g_return_val_if_fail (LB_IS_PREPARE_PAGE (self), NAN);
  if (self->preview == NULL || col >= self->preview->n_cols ||
      row >= MIN (self->preview->n_rows, PREVIEW_ROWS))
    return NAN;
  return self->preview->values[(gsize) row * self->preview->n_cols + col];
}

const char *
lb_prepare_page_get_error (LbPreparePage *self)
{
  g_return_val_if_fail (LB_IS_PREPARE_PAGE (self), NULL);
  return self->error;
}
