/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-launch-page.c: LbLaunchPage, the "Launch" step. Saving fits the chosen
 * model's whole pipeline on the training rows in a job — with Fine-tune's
 * best parameters when that model was searched, as `learnbench run` refits
 * it — and writes it with the metadata `learnbench predict` reads. The drift
 * check reads a new file in a job and compares each column with the training
 * rows by the population stability index (engine/lb-drift.h).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-chart-view.h"
#include "lb-drift.h"
#include "lb-launch-page.h"
#include "lb-ui-util.h"

/* Rows the drift list shows at most (wide image tables have 784 columns):
 * every shifted column, then stable ones up to this many. */
#define MAX_LISTED 300

/* One compared column. */
typedef struct
{
  char    *name;
  gboolean numeric;
  char    *note;          /* "now text" …, or NULL */
  LbDrift *drift;         /* NULL when it could not be compared */
} DriftRow;

/* A drift job's input and output. */
typedef struct
{
  char      *path;
  LbTable   *train;       /* the training rows (a ref) */
  char      *target;
  char     **drop;
  guint64    generation;
  /* results */
  LbTable   *fresh;
  GPtrArray *rows;        /* (element-type DriftRow) */
  char     **missing;
  char     **extra;
} Compare;

/* A save job's input. */
typedef struct
{
  LbWorkbench *workbench;
  LbProject   *project;
  guint        index;
  JsonObject  *best;      /* best parameters (model's own names, "prep.…" for the preparation), or NULL */
  char        *path;
  guint64      generation;
} Save;

struct _LbLaunchPage
{
  GtkWidget    parent_instance;

  LbWorkbench *workbench;
  gulong       changed_id;

  GtkWidget   *scroll;
  GtkWidget   *banner;
  GtkWidget   *banner_label;
  GtkWidget   *model_dropdown;
  GtkStringList *model_names;
  GtkWidget   *model_note;
  GtkWidget   *save_button;
  GtkWidget   *saved_label;
  GtkWidget   *command_label;
  GtkWidget   *compare_button;
  GtkWidget   *compare_summary;
  GtkWidget   *columns_label;
  GtkWidget   *drift_list;
  GtkWidget   *chart_view;
  GtkWidget   *spinner;

  guint        model_index;
  gboolean     model_chosen;
  char        *saved_path;
  char        *compared_path;
  char        *error;
  char        *selected;

  LbGeneration save_generation;
  LbGeneration compare_generation;
  LbJob       *save_job;
  LbJob       *compare_job;
  Compare     *compare;   /* the last finished comparison */
};

G_DEFINE_FINAL_TYPE (LbLaunchPage, lb_launch_page, GTK_TYPE_WIDGET)

enum
{
  MODEL_SAVED,
  COMPARE_DONE,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void update_command (LbLaunchPage *self);
static void update_busy (LbLaunchPage *self);

/* --- records --- */

static void
drift_row_free (gpointer data)
{
  DriftRow *row = data;

  g_free (row->name);
  g_free (row->note);
  lb_drift_free (row->drift);
  g_free (row);
}

static void
compare_free (gpointer data)
{
  Compare *c = data;

  if (c == NULL)
    return;
  g_free (c->path);
  g_clear_pointer (&c->train, lb_table_unref);
  g_free (c->target);
  g_strfreev (c->drop);
  g_clear_pointer (&c->fresh, lb_table_unref);
  g_clear_pointer (&c->rows, g_ptr_array_unref);
  g_strfreev (c->missing);
  g_strfreev (c->extra);
  g_free (c);
}

static void
save_free (gpointer data)
{
  Save *s = data;

  if (s == NULL)
    return;
  g_clear_object (&s->workbench);
  g_clear_pointer (&s->project, lb_project_unref);
  g_clear_pointer (&s->best, json_object_unref);
  g_free (s->path);
  g_free (s);
}

/* --- banner --- */

static void
set_error (LbLaunchPage *self,
           const char   *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->banner_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->banner, message != NULL);
}

/* --- which model --- */

static JsonArray *
models (LbLaunchPage *self)
{
  return lb_workbench_get_models (self->workbench);
}

static const char *
model_name (LbLaunchPage *self,
            guint         index)
{
  JsonArray *list = models (self);

  if (list == NULL || index >= json_array_get_length (list))
    return NULL;
  return json_object_get_string_member_with_default (json_array_get_object_element (list, index), "name", NULL);
}

/* The model Fine-tune worked on ("final", else "search"), or NULL. */
static const char *
tuned_model (LbLaunchPage *self)
{
  static const char * const keys[] = { "final", "search", NULL };

  for (guint i = 0; keys[i] != NULL; i++)
    {
      JsonNode *node = lb_workbench_get_result (self->workbench, keys[i]);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
          json_object_has_member (json_node_get_object (node), "model"))
        return json_object_get_string_member_with_default (json_node_get_object (node), "model", NULL);
    }
  return NULL;
}

/* Fine-tune's best parameters for model @name (transfer none), or NULL. */
static JsonObject *
best_params_for (LbLaunchPage *self,
                 const char   *name)
{
  static const char * const keys[] = { "final", "search", NULL };

  for (guint i = 0; keys[i] != NULL && name != NULL; i++)
    {
      JsonNode *node = lb_workbench_get_result (self->workbench, keys[i]);
      JsonObject *o;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      o = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (o, "model", NULL), name) == 0 &&
          json_object_has_member (o, "best_params") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "best_params")))
        return json_object_get_object_member (o, "best_params");
    }
  return NULL;
}

static void
update_models (LbLaunchPage *self)
{
  JsonArray *list = models (self);
  guint n = list != NULL ? json_array_get_length (list) : 0;
  const char *tuned = tuned_model (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint chosen = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *name = model_name (self, i);

      g_ptr_array_add (names, (gpointer) (name != NULL ? name : "?"));
      if (!self->model_chosen && tuned != NULL && g_strcmp0 (name, tuned) == 0)
        chosen = i;
    }
  if (self->model_chosen && self->model_index < n)
    chosen = self->model_index;
  g_ptr_array_add (names, NULL);
  g_object_set_data (G_OBJECT (self->model_dropdown), "lb-updating", GINT_TO_POINTER (1));
  gtk_string_list_splice (self->model_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model_names)),
                          (const char * const *) names->pdata);
  if (n > 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->model_dropdown), chosen);
  g_object_set_data (G_OBJECT (self->model_dropdown), "lb-updating", NULL);
  self->model_index = chosen;
  gtk_widget_set_sensitive (self->save_button, n > 0 && self->save_job == NULL);
  if (n == 0)
    gtk_label_set_text (GTK_LABEL (self->model_note),
                        _("No model yet: shortlist one in “Shortlist models” first."));
  else
    {
      const char *name = model_name (self, chosen);
      g_autofree char *text = NULL;

      if (best_params_for (self, name) != NULL)
        text = g_strdup_printf (_("“%s” with the best parameters Fine-tune found, fitted on every training row "
                                  "(preparation included), as `learnbench run` saves it."), name);
      else
        text = g_strdup_printf (_("“%s” with its parameters, fitted on every training row (preparation "
                                  "included), as `learnbench run` saves it."), name);
      gtk_label_set_text (GTK_LABEL (self->model_note), text);
    }
}

static void
model_selected_cb (GtkDropDown  *dd,
                   GParamSpec   *pspec,
                   LbLaunchPage *self)
{
  if (g_object_get_data (G_OBJECT (dd), "lb-updating") != NULL)
    return;
  lb_launch_page_set_model (self, gtk_drop_down_get_selected (dd));
}

/* --- saving --- */

static void
save_thread (LbJob        *job,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Save *s = task_data;
  LbProjectData data = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LbEstimator) prep = NULL;
  g_autoptr(LbEstimator) model = NULL;
  g_autoptr(LbEstimator) full = NULL;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(JsonObject) metadata = NULL;
  const LbProjectStep *step = g_ptr_array_index (s->project->models, s->index);

  lb_fit_context_set_cancellable (ctx, cancellable);
  lb_fit_context_set_seed (ctx, s->project->seed);
  lb_job_report_progress (job, 0.05, _("Selecting the training rows"));
  if (!lb_workbench_prepare_data (s->workbench, s->project, &data, cancellable, &error))
    goto fail;
  prep = lb_project_build_preparation (s->project, &data, &error);
  if (prep == NULL && error != NULL)
    goto fail;
  model = lb_project_step_build (step, &error);
  if (model == NULL)
    goto fail;
  if (s->best != NULL)
    {
      /* Fine-tune's best candidate: the model's own parameters, and the
       * preparation's ("prep.num.imputer.strategy" / "prep__…"). */
      g_autoptr(GList) members = json_object_get_members (s->best);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *key = l->data;
          JsonNode *value = json_object_get_member (s->best, key);
          gboolean is_prep = g_str_has_prefix (key, "prep.") || g_str_has_prefix (key, "prep__");

          if (is_prep && prep != NULL)
            {
              if (!lb_estimator_set_param (prep, key + (key[4] == '.' ? 5 : 6), value, &error))
                goto fail;
            }
          else if (!is_prep && !lb_estimator_set_param (model, key, value, &error))
            goto fail;
        }
    }
  full = lb_project_wrap_model (prep, model, step->name, &error);
  if (full == NULL)
    goto fail;
  lb_job_report_progress (job, 0.2, _("Fitting the pipeline on the training rows"));
  if (!lb_estimator_fit (full, data.X_train, data.y_train, ctx, &error))
    goto fail;
  lb_job_report_progress (job, 0.9, _("Writing the model file"));
  metadata = lb_project_make_metadata (s->project, &data);
  if (!lb_model_file_save_full (full, metadata, s->path, &error))
    goto fail;
  lb_project_data_clear (&data);
  lb_job_return_boolean (job, TRUE);
  return;

fail:
  lb_project_data_clear (&data);
  lb_job_return_error (job, g_steal_pointer (&error));
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(LbLaunchPage) self = g_weak_ref_get (ref);
  LbJob *job = lb_job_from_result (result);
  Save *s = g_object_get_data (G_OBJECT (job), "lb-save");
  g_autoptr(GError) error = NULL;
  gboolean ok = lb_job_propagate_boolean (result, &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL)
    return;
  if (self->save_job == job)
    g_clear_object (&self->save_job);
  update_busy (self);
  if (!lb_generation_is_current (&self->save_generation, s->generation))
    return;
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("The model could not be saved: %s"), error->message);

          set_error (self, text);
        }
      g_signal_emit (self, signals[MODEL_SAVED], 0, NULL);
      return;
    }
  set_error (self, NULL);
  g_free (self->saved_path);
  self->saved_path = g_strdup (s->path);
  {
    g_autofree char *text = g_strdup_printf (_("Saved to %s"), s->path);

    gtk_label_set_text (GTK_LABEL (self->saved_label), text);
  }
  update_command (self);
  lb_workbench_set_step_done (self->workbench, LB_STEP_LAUNCH, TRUE);
  g_signal_emit (self, signals[MODEL_SAVED], 0, self->saved_path);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  LbLaunchPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          if (!g_str_has_suffix (path, ".lbmodel"))
            {
              char *with = g_strconcat (path, ".lbmodel", NULL);

              g_free (path);
              path = with;
            }
          lb_launch_page_save_model (self, path);
        }
    }
  g_object_unref (dialog);
}

static void
save_clicked_cb (GtkButton    *button,
                 LbLaunchPage *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Save the trained pipeline"),
                                 GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  const char *name = model_name (self, self->model_index);
  g_autofree char *suggested = g_strdup_printf ("%s.lbmodel", name != NULL ? name : "model");

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* --- the command --- */

/* @arg as the shell reads it: bare when it has no special character. */
static char *
shell_arg (const char *arg)
{
  for (const char *p = arg; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("_./-+=:,@%", *p) == NULL)
      return g_shell_quote (arg);
  return *arg != '\0' ? g_strdup (arg) : g_shell_quote (arg);
}

static char *
build_command (LbLaunchPage *self)
{
  const char *model = self->saved_path != NULL ? self->saved_path : "MODEL.lbmodel";
  const char *data = self->compared_path != NULL ? self->compared_path
                     : lb_workbench_get_data_path (self->workbench) != NULL
                       ? lb_workbench_get_data_path (self->workbench) : "DATA.csv";
  g_autofree char *dir = g_path_get_dirname (data);
  g_autofree char *out = g_build_filename (g_str_equal (dir, ".") ? "" : dir, "predictions.csv", NULL);
  g_autofree char *q_model = shell_arg (model);
  g_autofree char *q_data = shell_arg (data);
  g_autofree char *q_out = shell_arg (out);

  return g_strdup_printf ("learnbench predict %s %s -o %s", q_model, q_data, q_out);
}

static void
update_command (LbLaunchPage *self)
{
  g_autofree char *command = build_command (self);

  gtk_label_set_text (GTK_LABEL (self->command_label), command);
}

static void
copy_clicked_cb (GtkButton    *button,
                 LbLaunchPage *self)
{
  g_autofree char *command = build_command (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), command);
}

/* --- drift --- */

static gboolean
is_feature (Compare    *c,
            const char *name)
{
  return g_strcmp0 (name, c->target) != 0 && !g_strv_contains ((const char * const *) c->drop, name);
}

static void
compare_thread (LbJob        *job,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Compare *c = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) extra = g_strv_builder_new ();
  guint n_cols;

  c->fresh = lb_load_table (c->path, lb_job_progress_func, job, cancellable, &error);
  if (c->fresh == NULL)
    {
      lb_job_return_error (job, g_steal_pointer (&error));
      return;
    }
  c->rows = g_ptr_array_new_with_free_func (drift_row_free);
  n_cols = lb_table_get_n_columns (c->train);
  for (guint j = 0; j < n_cols; j++)
    {
      LbColumn *tc = lb_table_get_column (c->train, j);
      const char *name = lb_column_get_name (tc);
      LbColumn *nc;
      DriftRow *row;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          lb_job_return_error (job, g_steal_pointer (&error));
          return;
        }
      if (!is_feature (c, name) || lb_column_get_kind (tc) == LB_COLUMN_TEXT)
        continue;
      nc = lb_table_get_column_by_name (c->fresh, name);
      if (nc == NULL)
        {
          g_strv_builder_add (missing, name);
          continue;
        }
      row = g_new0 (DriftRow, 1);
      row->name = g_strdup (name);
      row->numeric = lb_column_get_kind (tc) == LB_COLUMN_NUMERIC;
      if (row->numeric && lb_column_get_kind (nc) == LB_COLUMN_NUMERIC)
        row->drift = lb_drift_numeric (lb_column_get_numeric (tc), lb_column_get_n_rows (tc),
                                       lb_column_get_numeric (nc), lb_column_get_n_rows (nc), 10);
      else if (!row->numeric && lb_column_get_kind (nc) == LB_COLUMN_CATEGORICAL)
        {
          /* The new data's category names onto the training codes; unseen
           * ones share one extra bin. */
          guint k = lb_column_get_n_categories (tc);
          const char * const *train_names = lb_column_get_categories (tc);
          const char * const *new_names = lb_column_get_categories (nc);
          guint nk = lb_column_get_n_categories (nc);
          g_autofree gint32 *map = g_new (gint32, MAX (nk, 1));
          const gint32 *codes = lb_column_get_codes (nc);
          gsize n = lb_column_get_n_rows (nc);
          g_autofree gint32 *mapped = g_new (gint32, MAX (n, 1));

          for (guint a = 0; a < nk; a++)
            {
              map[a] = (gint32) k;
              for (guint b = 0; b < k; b++)
                if (g_str_equal (new_names[a], train_names[b]))
                  map[a] = (gint32) b;
            }
          for (gsize i = 0; i < n; i++)
            mapped[i] = codes[i] < 0 ? -1 : map[codes[i]];
          row->drift = lb_drift_categorical (lb_column_get_codes (tc), lb_column_get_n_rows (tc),
                                             mapped, n, k);
        }
      else
        row->note = g_strdup (row->numeric ? _("numbers in training, not in the new data")
                                           : _("categories in training, not in the new data"));
      if (row->drift == NULL && row->note == NULL)
        row->note = g_strdup (_("no value to compare"));
      g_ptr_array_add (c->rows, row);
    }
  for (guint j = 0; j < lb_table_get_n_columns (c->fresh); j++)
    {
      const char *name = lb_column_get_name (lb_table_get_column (c->fresh, j));

      if (lb_table_get_column_by_name (c->train, name) == NULL)
        g_strv_builder_add (extra, name);
    }
  c->missing = g_strv_builder_end (missing);
  c->extra = g_strv_builder_end (extra);
  lb_job_return_boolean (job, TRUE);
}

static const char *
level_text (int level)
{
  switch (level)
    {
    case 0: return _("stable");
    case 1: return _("moderate shift");
    default: return _("large shift");
    }
}

static char *
format_psi (double psi)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.3f", psi));
}

static void
show_chart (LbLaunchPage *self)
{
  Compare *c = self->compare;
  LbColumn *tc, *nc;
  g_autoptr(LbChart) chart = NULL;
  g_autoptr(GError) error = NULL;

  if (c == NULL || self->selected == NULL)
    {
      lb_chart_view_set_chart (LB_CHART_VIEW (self->chart_view), NULL);
      lb_chart_view_set_message (LB_CHART_VIEW (self->chart_view),
                                 _("Open a new data file to compare it with the training rows."));
      return;
    }
  tc = lb_table_get_column_by_name (c->train, self->selected);
  nc = lb_table_get_column_by_name (c->fresh, self->selected);
  if (tc == NULL || nc == NULL)
    return;
  if (lb_column_get_kind (tc) == LB_COLUMN_NUMERIC && lb_column_get_kind (nc) == LB_COLUMN_NUMERIC)
    chart = lb_chart_new_histogram_overlay (lb_column_get_numeric (tc), lb_column_get_n_rows (tc), _("training"),
                                            lb_column_get_numeric (nc), lb_column_get_n_rows (nc), _("new data"),
                                            self->selected, 0, &error);
  else
    {
      /* Categories: the two shares side by side, per category. */
      DriftRow *row = NULL;

      for (guint i = 0; i < c->rows->len; i++)
        if (g_str_equal (((DriftRow *) c->rows->pdata[i])->name, self->selected))
          row = c->rows->pdata[i];
      if (row != NULL && row->drift != NULL)
        {
          const char * const *cats = lb_column_get_categories (tc);
          guint k = lb_column_get_n_categories (tc);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          g_autofree double *values = g_new (double, 2 * row->drift->n_bins);

          for (guint b = 0; b < row->drift->n_bins; b++)
            {
              const char *label = b < k ? cats[b]
                                  : row->drift->has_missing && b == row->drift->n_bins - 1 ? _("(missing)")
                                  : _("(unseen)");

              g_ptr_array_add (names, g_strdup_printf (_("%s — training"), label));
              g_ptr_array_add (names, g_strdup_printf (_("%s — new data"), label));
              values[2 * b] = row->drift->expected[b];
              values[2 * b + 1] = row->drift->actual[b];
            }
          g_ptr_array_add (names, NULL);
          chart = lb_chart_new_bars ((const char * const *) names->pdata, values, 2 * row->drift->n_bins, 40,
                                     _("share of rows"), &error);
        }
    }
  if (chart != NULL)
    lb_chart_view_set_chart (LB_CHART_VIEW (self->chart_view), chart);
  else
    lb_chart_view_set_message (LB_CHART_VIEW (self->chart_view),
                               error != NULL ? error->message : _("Nothing to draw for this column."));
}

static void
row_selected_cb (GtkListBox    *box,
                 GtkListBoxRow *row,
                 LbLaunchPage  *self)
{
  const char *name = row != NULL ? g_object_get_data (G_OBJECT (row), "lb-column") : NULL;

  if (name == NULL || g_strcmp0 (name, self->selected) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (name);
  show_chart (self);
}

static GtkWidget *
cell (const char *text,
      int         width_chars,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "lb-numeric");
  return label;
}

static const char *
psi_tooltip (void)
{
  return _("Population stability index: Σ (new share − training share) × ln (new share / training share) "
           "over bins — the training deciles for numbers, the categories for categories; missing values "
           "are a bin of their own and an empty bin counts as a share of 0.0001. Below 0.1 the column is "
           "stable, from 0.1 to 0.25 it moved moderately, from 0.25 on it moved a lot: a model trained on "
           "the old data may now be wrong there.");
}

static void
show_comparison (LbLaunchPage *self)
{
  Compare *c = self->compare;
  GtkWidget *child;
  guint flagged = 0, n_hidden = 0, stable_room;
  GtkListBoxRow *first_flagged = NULL, *first = NULL;

  while ((child = gtk_widget_get_first_child (self->drift_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->drift_list), child);
  if (c == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->compare_summary), "");
      gtk_label_set_text (GTK_LABEL (self->columns_label), "");
      show_chart (self);
      return;
    }
  {
    /* The header row. */
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *psi = cell (_("PSI"), 6, TRUE);

    gtk_box_append (GTK_BOX (box), cell (_("Column"), 18, FALSE));
    gtk_box_append (GTK_BOX (box), cell (_("Kind"), 9, FALSE));
    gtk_box_append (GTK_BOX (box), psi);
    gtk_box_append (GTK_BOX (box), cell (_("Verdict"), 12, FALSE));
    gtk_box_append (GTK_BOX (box), cell (_("Total variation"), 9, TRUE));
    gtk_widget_set_tooltip_text (psi, psi_tooltip ());
    gtk_widget_set_tooltip_text (gtk_widget_get_last_child (box),
                                 _("Total variation distance: half the sum of the differences between the two shares "
                                   "of each bin, from 0 (same) to 1 (nothing in common)"));
    for (child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
      gtk_widget_add_css_class (child, "lb-heading");
    gtk_list_box_append (GTK_LIST_BOX (self->drift_list), box);
    gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (box)), FALSE);
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (box)), FALSE);
  }
  {
    guint n_flagged = 0;

    for (guint i = 0; i < c->rows->len; i++)
      {
        DriftRow *row = c->rows->pdata[i];

        n_flagged += row->drift != NULL && lb_drift_level (row->drift->psi) >= 1 ? 1 : 0;
      }
    stable_room = n_flagged >= MAX_LISTED ? 0 : MAX_LISTED - n_flagged;
  }
  for (guint i = 0; i < c->rows->len; i++)
    {
      DriftRow *row = c->rows->pdata[i];
      GtkWidget *box;
      g_autofree char *psi = row->drift != NULL ? format_psi (row->drift->psi) : g_strdup ("—");
      g_autofree char *tv = row->drift != NULL ? format_psi (row->drift->total_variation) : g_strdup ("—");
      int level = row->drift != NULL ? lb_drift_level (row->drift->psi) : -1;
      GtkWidget *verdict;
      GtkWidget *list_row;

      if (level < 1)
        {
          if (stable_room == 0)
            {
              n_hidden++;
              continue;
            }
          stable_room--;
        }
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      verdict = cell (level >= 0 ? level_text (level) : row->note, 12, FALSE);

      gtk_box_append (GTK_BOX (box), cell (row->name, 18, FALSE));
      gtk_box_append (GTK_BOX (box), cell (row->numeric ? _("numeric") : _("categorical"), 9, FALSE));
      gtk_box_append (GTK_BOX (box), cell (psi, 6, TRUE));
      gtk_box_append (GTK_BOX (box), verdict);
      gtk_box_append (GTK_BOX (box), cell (tv, 9, TRUE));
      if (level < 0)
        gtk_widget_set_tooltip_text (verdict, row->note);
      if (level == 2)
        gtk_widget_add_css_class (verdict, "error");
      else if (level == 1)
        gtk_widget_add_css_class (verdict, "warning");
      else if (level < 0)
        gtk_widget_add_css_class (verdict, "dim-label");
      gtk_widget_set_tooltip_text (box, psi_tooltip ());
      gtk_list_box_append (GTK_LIST_BOX (self->drift_list), box);
      list_row = gtk_widget_get_parent (box);
      g_object_set_data_full (G_OBJECT (list_row), "lb-column", g_strdup (row->name), g_free);
      if (first == NULL)
        first = GTK_LIST_BOX_ROW (list_row);
      if (level >= 1)
        {
          flagged++;
          if (first_flagged == NULL)
            first_flagged = GTK_LIST_BOX_ROW (list_row);
        }
    }
  if (n_hidden > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "… and %u more stable column",
                                                            "… and %u more stable columns", n_hidden),
                                               n_hidden);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (GTK_LIST_BOX (self->drift_list), label);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
    }
  {
    g_autofree char *base = g_path_get_basename (c->path);
    g_autofree char *rows_text = lb_ui_format_count (lb_table_get_n_rows (c->fresh));
    g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%s: %s rows; %u column shifted (PSI ≥ 0.1).",
                                                             "%s: %s rows; %u columns shifted (PSI ≥ 0.1).",
                                                             flagged),
                                                base, rows_text, flagged);
    g_autoptr(GString) columns = g_string_new (NULL);

    gtk_label_set_text (GTK_LABEL (self->compare_summary), summary);
    if (c->missing[0] != NULL)
      {
        g_autofree char *list = g_strjoinv (", ", c->missing);

        g_string_append_printf (columns, _("Missing from the new data (the model needs them): %s."), list);
      }
    if (c->extra[0] != NULL)
      {
        g_autofree char *list = g_strjoinv (", ", c->extra);

        if (columns->len > 0)
          g_string_append_c (columns, '\n');
        g_string_append_printf (columns, _("Not in the training data (ignored): %s."), list);
      }
    if (columns->len == 0)
      g_string_append (columns, _("The new data has every training column and no other."));
    gtk_label_set_text (GTK_LABEL (self->columns_label), columns->str);
  }
  /* Show the first shifted column (else the first). */
  if (first_flagged != NULL || first != NULL)
    {
      GtkListBoxRow *row = first_flagged != NULL ? first_flagged : first;

      g_clear_pointer (&self->selected, g_free);
      gtk_list_box_select_row (GTK_LIST_BOX (self->drift_list), row);
      if (self->selected == NULL)
        row_selected_cb (GTK_LIST_BOX (self->drift_list), row, self);
    }
}

static void
compare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(LbLaunchPage) self = g_weak_ref_get (ref);
  LbJob *job = lb_job_from_result (result);
  Compare *c = g_object_get_data (G_OBJECT (job), "lb-compare");
  g_autoptr(GError) error = NULL;
  gboolean ok = lb_job_propagate_boolean (result, &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL)
    return;
  if (self->compare_job == job)
    g_clear_object (&self->compare_job);
  update_busy (self);
  if (!lb_generation_is_current (&self->compare_generation, c->generation))
    return;
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("The new data could not be compared: %s"), error->message);

          set_error (self, text);
        }
      g_signal_emit (self, signals[COMPARE_DONE], 0, FALSE);
      return;
    }
  set_error (self, NULL);
  g_clear_pointer (&self->compare, compare_free);
  self->compare = g_new0 (Compare, 1);
  *self->compare = *c;
  memset (c, 0, sizeof *c);
  g_free (self->compared_path);
  self->compared_path = g_strdup (self->compare->path);
  update_command (self);
  show_comparison (self);
  {
    /* Kept with the project for the report: per column PSI and verdict. */
    g_autoptr(JsonObject) drift = json_object_new ();
    JsonArray *columns = json_array_new ();

    json_object_set_string_member (drift, "file", self->compare->path);
    json_object_set_string_member (drift, "statistic", "psi");
    for (guint i = 0; i < self->compare->rows->len; i++)
      {
        DriftRow *row = self->compare->rows->pdata[i];
        JsonObject *o = json_object_new ();

        json_object_set_string_member (o, "column", row->name);
        json_object_set_boolean_member (o, "numeric", row->numeric);
        if (row->drift != NULL)
          {
            json_object_set_double_member (o, "psi", row->drift->psi);
            json_object_set_double_member (o, "total_variation", row->drift->total_variation);
            json_object_set_int_member (o, "level", lb_drift_level (row->drift->psi));
          }
        json_array_add_object_element (columns, o);
      }
    json_object_set_array_member (drift, "columns", columns);
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), drift);

      lb_workbench_set_result (self->workbench, "drift", node);
    }
  }
  g_signal_emit (self, signals[COMPARE_DONE], 0, TRUE);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  LbLaunchPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        lb_launch_page_compare_file (self, path);
    }
  g_object_unref (dialog);
}

static void
compare_clicked_cb (GtkButton    *button,
                    LbLaunchPage *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Open new data to compare"),
                                 GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
update_busy (LbLaunchPage *self)
{
  gboolean busy = self->save_job != NULL || self->compare_job != NULL;

  gtk_widget_set_visible (self->spinner, busy);
  if (busy)
    gtk_spinner_start (GTK_SPINNER (self->spinner));
  else
    gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_sensitive (self->save_button, self->save_job == NULL &&
                            models (self) != NULL && json_array_get_length (models (self)) > 0);
  gtk_widget_set_sensitive (self->compare_button, self->compare_job == NULL &&
                            lb_workbench_get_train_table (self->workbench) != NULL);
}

/* --- workbench --- */

static void
workbench_changed_cb (LbWorkbench  *workbench,
                      guint         flags,
                      LbLaunchPage *self)
{
  if (flags & (LB_WORKBENCH_CHANGED_MODELS | LB_WORKBENCH_CHANGED_RESULTS | LB_WORKBENCH_CHANGED_SEARCH))
    update_models (self);
  if (flags & (LB_WORKBENCH_CHANGED_DATA | LB_WORKBENCH_CHANGED_SPLIT | LB_WORKBENCH_CHANGED_FRAME))
    {
      /* The comparison was against other training rows. */
      lb_generation_next (&self->compare_generation);
      g_clear_pointer (&self->compare, compare_free);
      g_clear_pointer (&self->selected, g_free);
      show_comparison (self);
    }
  if (flags & (LB_WORKBENCH_CHANGED_DATA | LB_WORKBENCH_CHANGED_FILE))
    update_command (self);
  update_busy (self);
}

/* --- GObject --- */

static void
lb_launch_page_dispose (GObject *object)
{
  LbLaunchPage *self = LB_LAUNCH_PAGE (object);

  if (self->save_job != NULL)
    lb_job_cancel (self->save_job);
  if (self->compare_job != NULL)
    lb_job_cancel (self->compare_job);
  g_clear_object (&self->save_job);
  g_clear_object (&self->compare_job);
  if (self->workbench != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->workbench);
  g_clear_object (&self->workbench);
  g_clear_pointer (&self->scroll, gtk_widget_unparent);
  G_OBJECT_CLASS (lb_launch_page_parent_class)->dispose (object);
}

static void
lb_launch_page_finalize (GObject *object)
{
  LbLaunchPage *self = LB_LAUNCH_PAGE (object);

  g_clear_pointer (&self->compare, compare_free);
  g_free (self->saved_path);
  g_free (self->compared_path);
  g_free (self->error);
  g_free (self->selected);
  G_OBJECT_CLASS (lb_launch_page_parent_class)->finalize (object);
}

static void
lb_launch_page_class_init (LbLaunchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lb_launch_page_dispose;
  object_class->finalize = lb_launch_page_finalize;
  signals[MODEL_SAVED] = g_signal_new ("model-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[COMPARE_DONE] = g_signal_new ("compare-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "lb-title-2");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 8);
  return label;
}

static GtkWidget *
paragraph (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
lb_launch_page_init (LbLaunchPage *self)
{
  GtkWidget *box, *row, *label, *button, *title, *split, *left, *list_scroll;

  lb_ui_install_css ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (box, "lb-page-header");

  title = gtk_label_new (_("Launch"));
  gtk_widget_add_css_class (title, "lb-title-1");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);
  label = paragraph (_("Save the trained pipeline, run it on new data from the command line, and watch the new "
                       "data for drift: when it no longer looks like the training data, the model's scores no "
                       "longer hold."));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  self->banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->banner, "card");
  self->banner_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->banner_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->banner_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->banner_label), TRUE);
  gtk_widget_add_css_class (self->banner_label, "error");
  gtk_widget_set_hexpand (self->banner_label, TRUE);
  gtk_widget_set_margin_top (self->banner_label, 6);
  gtk_widget_set_margin_bottom (self->banner_label, 6);
  gtk_box_append (GTK_BOX (self->banner), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_box_append (GTK_BOX (self->banner), self->banner_label);
  gtk_widget_set_visible (self->banner, FALSE);
  gtk_box_append (GTK_BOX (box), self->banner);

  /* 1. Save. */
  gtk_box_append (GTK_BOX (box), heading (_("Save the trained pipeline")));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  label = gtk_label_new_with_mnemonic (_("_Model:"));
  gtk_box_append (GTK_BOX (row), label);
  self->model_names = gtk_string_list_new (NULL);
  self->model_dropdown = gtk_drop_down_new (G_LIST_MODEL (self->model_names), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->model_dropdown);
  g_signal_connect (self->model_dropdown, "notify::selected", G_CALLBACK (model_selected_cb), self);
  gtk_box_append (GTK_BOX (row), self->model_dropdown);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save model…"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), self->save_button);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_box_append (GTK_BOX (row), self->spinner);
  gtk_box_append (GTK_BOX (box), row);
  self->model_note = paragraph ("");
  gtk_widget_add_css_class (self->model_note, "dim-label");
  gtk_box_append (GTK_BOX (box), self->model_note);
  self->saved_label = paragraph ("");
  gtk_label_set_selectable (GTK_LABEL (self->saved_label), TRUE);
  gtk_box_append (GTK_BOX (box), self->saved_label);

  /* 2. The command. */
  gtk_box_append (GTK_BOX (box), heading (_("Predict from the command line")));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->command_label = gtk_label_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (self->command_label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->command_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->command_label), PANGO_WRAP_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->command_label), 0);
  gtk_widget_add_css_class (self->command_label, "monospace");
  gtk_widget_add_css_class (self->command_label, "card");
  gtk_widget_set_hexpand (self->command_label, TRUE);
  gtk_box_append (GTK_BOX (row), self->command_label);
  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_tooltip_text (button, _("Copy the command"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy the command"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (box), row);
  label = paragraph (_("It reads the columns the model was trained on (by name; other columns are ignored) and "
                       "writes one “prediction” column."));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  /* 3. Drift. */
  gtk_box_append (GTK_BOX (box), heading (_("Check new data for drift")));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->compare_button = gtk_button_new_with_mnemonic (_("_Open new data…"));
  g_signal_connect (self->compare_button, "clicked", G_CALLBACK (compare_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), self->compare_button);
  self->compare_summary = paragraph ("");
  gtk_widget_set_hexpand (self->compare_summary, TRUE);
  gtk_box_append (GTK_BOX (row), self->compare_summary);
  gtk_box_append (GTK_BOX (box), row);
  self->columns_label = paragraph ("");
  gtk_box_append (GTK_BOX (box), self->columns_label);

  split = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->drift_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->drift_list), GTK_SELECTION_SINGLE);
  g_signal_connect (self->drift_list, "row-selected", G_CALLBACK (row_selected_cb), self);
  list_scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroll), self->drift_list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (list_scroll, 470, 320);
  gtk_widget_set_vexpand (list_scroll, TRUE);
  gtk_box_append (GTK_BOX (left), list_scroll);
  gtk_box_append (GTK_BOX (split), left);
  self->chart_view = lb_chart_view_new ();
  gtk_widget_set_hexpand (self->chart_view, TRUE);
  gtk_widget_set_size_request (self->chart_view, 320, 320);
  gtk_box_append (GTK_BOX (split), self->chart_view);
  gtk_box_append (GTK_BOX (box), split);

  self->scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroll), box);
  gtk_widget_set_parent (self->scroll, GTK_WIDGET (self));
}

/* --- public API --- */

GtkWidget *
lb_launch_page_new (LbWorkbench *workbench)
{
  LbLaunchPage *self;

  g_return_val_if_fail (LB_IS_WORKBENCH (workbench), NULL);
  self = g_object_new (LB_TYPE_LAUNCH_PAGE, NULL);
  self->workbench = g_object_ref (workbench);
  self->changed_id = g_signal_connect (workbench, "changed", G_CALLBACK (workbench_changed_cb), self);
  update_models (self);
  update_command (self);
  show_comparison (self);
  update_busy (self);
  return GTK_WIDGET (self);
}

void
lb_launch_page_set_model (LbLaunchPage *self,
                          guint         index)
{
  g_return_if_fail (LB_IS_LAUNCH_PAGE (self));
  self->model_index = index;
  self->model_chosen = TRUE;
  update_models (self);
}

void
lb_launch_page_save_model (LbLaunchPage *self,
                           const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProject) project = NULL;
  Save *s;
  GWeakRef *ref;
  guint64 generation;
  JsonObject *best;

  g_return_if_fail (LB_IS_LAUNCH_PAGE (self));
  g_return_if_fail (path != NULL);

  generation = lb_generation_next (&self->save_generation);
  if (self->save_job != NULL)
    {
      lb_job_cancel (self->save_job);
      g_clear_object (&self->save_job);
    }
  project = lb_workbench_build_project (self->workbench, &error);
  if (project != NULL && self->model_index >= project->models->len)
    {
      g_clear_pointer (&project, lb_project_unref);
      g_set_error (&error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                   _("No model yet: shortlist one in “Shortlist models” first."));
    }
  if (project == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The model could not be saved: %s"), error->message);

      set_error (self, text);
      g_signal_emit (self, signals[MODEL_SAVED], 0, NULL);
      return;
    }
  s = g_new0 (Save, 1);
  s->workbench = g_object_ref (self->workbench);
  s->project = g_steal_pointer (&project);
  s->index = self->model_index;
  best = best_params_for (self, model_name (self, self->model_index));
  if (best != NULL)
    {
      /* A deep copy: the worker reads it while the page may change. */
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), best);
      g_autofree char *text = json_to_string (node, FALSE);
      g_autoptr(JsonNode) copy = json_from_string (text, NULL);

      s->best = json_object_ref (json_node_get_object (copy));
    }
  s->path = g_strdup (path);
  s->generation = generation;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->save_job = lb_job_new (_("Fitting and saving the model"), NULL, NULL, save_done_cb, ref);
  g_object_ref (self->save_job);
  lb_job_set_task_data (self->save_job, s, save_free);
  g_object_set_data (G_OBJECT (self->save_job), "lb-save", s);
  lb_workbench_track_job (self->workbench, self->save_job);
  lb_job_run (self->save_job, save_thread);
  update_busy (self);
}

const char *
lb_launch_page_get_saved_path (LbLaunchPage *self)
{
  g_return_val_if_fail (LB_IS_LAUNCH_PAGE (self), NULL);
  return self->saved_path;
}

char *
lb_launch_page_dup_command (LbLaunchPage *self)
{
  g_return_val_if_fail (LB_IS_LAUNCH_PAGE (self), NULL);
  return build_command (self);
}

void
lb_launch_page_compare_file (LbLaunchPage *self,
                             const char   *path)
{
  LbTable *train;
  Compare *c;
  GWeakRef *ref;
  g_autofree char *title = NULL;
  g_autofree char *base = NULL;

  g_return_if_fail (LB_IS_LAUNCH_PAGE (self));
  g_return_if_fail (path != NULL);

  c = g_new0 (Compare, 1);
  c->generation = lb_generation_next (&self->compare_generation);
  if (self->compare_job != NULL)
    {
      lb_job_cancel (self->compare_job);
      g_clear_object (&self->compare_job);
    }
  train = lb_workbench_get_train_table (self->workbench);
  if (train == NULL)
    {
      compare_free (c);
      set_error (self, _("Open a data set first."));
      g_signal_emit (self, signals[COMPARE_DONE], 0, FALSE);
      return;
    }
  c->path = g_strdup (path);
  c->train = lb_table_ref (train);
  c->target = g_strdup (lb_workbench_get_target (self->workbench));
  c->drop = g_strdupv ((char **) lb_workbench_get_drop (self->workbench));
  base = g_path_get_basename (path);
  title = g_strdup_printf (_("Comparing %s with the training data"), base);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->compare_job = lb_job_new (title, NULL, NULL, compare_done_cb, ref);
  g_object_ref (self->compare_job);
  lb_job_set_task_data (self->compare_job, c, compare_free);
  g_object_set_data (G_OBJECT (self->compare_job), "lb-compare", c);
  lb_workbench_track_job (self->workbench, self->compare_job);
  lb_job_run (self->compare_job, compare_thread);
  update_busy (self);
}

gboolean
lb_launch_page_is_busy (LbLaunchPage *self)
{
  g_return_val_if_fail (LB_IS_LAUNCH_PAGE (self), FALSE);
  return self->save_job != NULL || self->compare_job != NULL;
}

guint
lb_launch_page_get_n_drift_rows (LbLaunchPage *self)
{
  g_return_val_if_fail (LB_IS_LAUNCH_PAGE (self), 0);
  return self->compare != NULL ? self->compare->rows->len : 0;
}

const char *
lb_launch_page_get_drift_row (LbLaunchPage *self,
                              guint         i,
                              double       *psi,
                              int          *level)
{
  DriftRow *row;

  g_return_val_if_fail (LB_IS_LAUNCH_PAGE (self), NULL);
  if (self->compare == NULL || i >= self->compare->rows->len)
    return NULL;
  row = self->compare->rows->pdata[i];
  if (psi != NULL)
    *psi = row->drift != NULL ? row->drift->psi : NAN;
  if (level != NULL)
    *level = row->drift != NULL ? lb_drift_level (row->drift->psi) : -1;
  return row->name;
}

const char * const *
lb_launch_page_get_missing_columns (LbLaunchPage *self)
{
  g_return_val_if_fail (LB_IS_LAUNCH_PAGE (self), NULL);
  return self->compare != NULL ? (const char * const *) self->compare->missing : NULL;
}

const char * const *
lb_launch_page_get_extra_columns (LbLaunchPage *self)
{
  g_return_val_if_fail (LB_IS_LAUNCH_PAGE (self), NULL);
  return self->compare != NULL ? (const char * const *) self->compare->extra : NULL;
}

gboolean
lb_launch_page_select_column (LbLaunchPage *self,
                              const char   *column)
{
  g_return_val_if_fail (LB_IS_LAUNCH_PAGE (self), FALSE);
  if (self->compare == NULL)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (self->drift_list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "lb-column"), column) == 0)
      {
        gtk_list_box_select_row (GTK_LIST_BOX (self->drift_list), GTK_LIST_BOX_ROW (child));
        return TRUE;
      }
  return FALSE;
}

const char *
lb_launch_page_get_error (LbLaunchPage *self)
{
  g_return_val_if_fail (LB_IS_LAUNCH_PAGE (self), NULL);
  return self->error;
}
