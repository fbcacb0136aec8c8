/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-split-panel.c: "Create a test set". The form builds the project file's
 * "split" object and hands it to the workbench, which computes the rows with
 * the engine's split code (the rows `learnbench run` uses). For a stratified
 * split the book's proportions table is computed by a small job (binning,
 * both splits, counts) and shown as overall / stratified / random % with the
 * % errors. The seal line says what the rest of the checklist may see.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-split-panel.h"
#include "lb-ui-util.h"

#define N_COLS 6

struct _LbSplitPanel
{
  GtkWidget      parent_instance;

  LbWorkbench   *workbench;
  gulong         changed_id;
  gboolean       updating;

  GtkWidget     *box;
  GtkWidget     *random_check;
  GtkWidget     *stratified_check;
  GtkWidget     *id_check;
  GtkWidget     *size_spin;
  GtkWidget     *seed_spin;
  GtkWidget     *seed_row;
  GtkWidget     *strat_box;
  GtkWidget     *strat_drop;
  GtkStringList *strat_columns;
  GtkWidget     *edges_entry;
  GtkWidget     *id_box;
  GtkWidget     *id_drop;
  GtkStringList *id_columns;        /* "(row index)" first */
  GtkWidget     *error_label;
  GtkWidget     *create_button;
  GtkWidget     *remove_button;
  GtkWidget     *status_icon;
  GtkWidget     *status_label;
  GtkWidget     *log_label;
  GtkWidget     *table_box;
  GtkWidget     *table_grid;
  GtkWidget     *table_note;
  GtkWidget     *confirm_dialog;

  char          *error;
  char         **cells;             /* n_bins x N_COLS */
  guint          n_bins;
  LbJob         *job;
  LbGeneration   generation;
  guint          preview_id;        /* debounce while typing */
};

G_DEFINE_FINAL_TYPE (LbSplitPanel, lb_split_panel, GTK_TYPE_WIDGET)

/* --- the form → a "split" object --- */

static const char *
current_method (LbSplitPanel *self)
{
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->stratified_check)))
    return "stratified";
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->id_check)))
    return "id_hash";
  return "random";
}

static const char *
selected_string (GtkWidget     *drop,
                 GtkStringList *list)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop));

  return i < g_list_model_get_n_items (G_LIST_MODEL (list)) ? gtk_string_list_get_string (list, i) : NULL;
}

static JsonObject *
build_split (LbSplitPanel *self,
             GError      **error)
{
  g_autoptr (JsonObject) split = json_object_new ();
  const char *method = current_method (self);

  json_object_set_string_member (split, "kind", method);
  json_object_set_double_member (split, "test_size", gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->size_spin)));
  if (strcmp (method, "stratified") == 0)
    {
      const char *column = selected_string (self->strat_drop, self->strat_columns);
      g_autoptr (GArray) edges = NULL;
      JsonArray *bins = json_array_new ();

      if (column == NULL)
        {
          json_array_unref (bins);
          g_set_error (error, LB_WORKBENCH_ERROR, LB_WORKBENCH_ERROR_INVALID,
                       _("Choose the numeric column to stratify on."));
          return NULL;
        }
      edges = lb_parse_bin_edges (gtk_editable_get_text (GTK_EDITABLE (self->edges_entry)), error);
      if (edges == NULL)
        {
          json_array_unref (bins);
          return NULL;
        }
      for (guint i = 0; i < edges->len; i++)
        {
          double e = g_array_index (edges, double, i);

          /* JSON has no infinity: the project file writes "inf" */
          if (isinf (e))
            json_array_add_string_element (bins, e > 0 ? "inf" : "-inf");
          else
            json_array_add_double_element (bins, e);
        }
      json_object_set_string_member (split, "column", column);
      json_object_set_array_member (split, "bins", bins);
    }
  else if (strcmp (method, "id_hash") == 0)
    {
      guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->id_drop));

      if (i > 0 && i != GTK_INVALID_LIST_POSITION)
        json_object_set_string_member (split, "column", gtk_string_list_get_string (self->id_columns, i));
    }
  return g_steal_pointer (&split);
}

static void
set_error (LbSplitPanel *self,
           const char   *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

/* --- the proportions table --- */

typedef struct
{
  LbTable *table;
  char    *column;
  GArray  *edges;
  double   test_size;
  guint64  seed;
} PreviewTask;

typedef struct
{
  GWeakRef panel;
  guint64  generation;
} PreviewRequest;

static void
preview_task_free (gpointer data)
{
  PreviewTask *task = data;

  lb_table_unref (task->table);
  g_free (task->column);
  g_array_unref (task->edges);
  g_free (task);
}

static void
preview_job_func (LbJob        *job,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  PreviewTask *task = task_data;
  GError *error = NULL;
  LbProportions *p;

  p = lb_proportions_compute (task->table, task->column, (const double *) task->edges->data,
                              task->edges->len, task->test_size, task->seed, &error);
  if (p == NULL)
    lb_job_return_error (job, error);
  else
    lb_job_return_pointer (job, p, (GDestroyNotify) lb_proportions_free);
}

static char *
bin_label (const double *edges,
           guint         i)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

  /* pd.cut's right-closed interval: (0, 1.5] */
  if (isinf (edges[i]))
    g_strlcpy (a, edges[i] > 0 ? "∞" : "−∞", sizeof a);
  else
    g_ascii_formatd (a, sizeof a, "%g", edges[i]);
  if (isinf (edges[i + 1]))
    g_strlcpy (b, edges[i + 1] > 0 ? "∞" : "−∞", sizeof b);
  else
    g_ascii_formatd (b, sizeof b, "%g", edges[i + 1]);
  return g_strdup_printf ("(%s, %s]", a, b);
}

static void
clear_table (LbSplitPanel *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->cells, g_strfreev);
  self->n_bins = 0;
  while ((child = gtk_widget_get_first_child (self->table_grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->table_grid), child);
}

static void
show_table (LbSplitPanel  *self,
            LbProportions *p,
            GArray        *edges)
{
  static const char *titles[N_COLS] = {
    N_("Category"), N_("Overall %"), N_("Stratified %"), N_("Random %"),
    N_("Strat. error %"), N_("Rand. error %"),
  };

  clear_table (self);
  self->n_bins = p->n_bins;
  self->cells = g_new0 (char *, (gsize) p->n_bins * N_COLS + 1);
  for (guint c = 0; c < N_COLS; c++)
    {
      GtkWidget *label = gtk_label_new (_(titles[c]));

      gtk_widget_add_css_class (label, "lb-heading");
      gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0.0 : 1.0);
      gtk_grid_attach (GTK_GRID (self->table_grid), label, c, 0, 1, 1);
    }
  for (guint b = 0; b < p->n_bins; b++)
    {
      double o = p->n_overall > 0 ? (double) p->overall[b] / p->n_overall : NAN;
      double s = p->n_stratified > 0 ? (double) p->stratified[b] / p->n_stratified : NAN;
      double r = p->n_random > 0 ? (double) p->random[b] / p->n_random : NAN;
      char **row = self->cells + (gsize) b * N_COLS;

      /* the book's table: proportions, and 100 * x / overall - 100 */
      row[0] = bin_label ((const double *) edges->data, b);
      row[1] = g_strdup_printf ("%.2f", 100 * o);
      row[2] = g_strdup_printf ("%.2f", 100 * s);
      row[3] = g_strdup_printf ("%.2f", 100 * r);
      row[4] = o > 0 ? g_strdup_printf ("%+.2f", 100 * s / o - 100) : g_strdup ("—");
      row[5] = o > 0 ? g_strdup_printf ("%+.2f", 100 * r / o - 100) : g_strdup ("—");
      for (guint c = 0; c < N_COLS; c++)
        {
          GtkWidget *label = gtk_label_new (row[c]);

          gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0.0 : 1.0);
          if (c > 0)
            gtk_widget_add_css_class (label, "lb-numeric");
          gtk_grid_attach (GTK_GRID (self->table_grid), label, c, b + 1, 1, 1);
        }
    }
  {
    g_autofree char *n = lb_ui_format_count (p->n_overall);
    g_autofree char *t = lb_ui_format_count (p->n_stratified);
    g_autofree char *note = NULL;

    /* Translators: under the proportions table */
    note = g_strdup_printf (_("Share of each category in all %s rows and in the %s test rows of each "
                              "method. Stratified sampling keeps the shares; a purely random test set "
                              "can be skewed (the book, chapter 2)."), n, t);
    gtk_label_set_text (GTK_LABEL (self->table_note), note);
  }
  gtk_widget_set_visible (self->table_box, TRUE);
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PreviewRequest *request = user_data;
  g_autoptr (LbSplitPanel) self = g_weak_ref_get (&request->panel);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProportions) p = lb_job_propagate_pointer (result, &error);
  guint64 generation = request->generation;

  g_weak_ref_clear (&request->panel);
  g_free (request);
  if (self == NULL || !lb_generation_is_current (&self->generation, generation))
    return;  /* stale: the form changed meanwhile */
  g_clear_object (&self->job);
  if (p == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      gtk_widget_set_visible (self->table_box, FALSE);
      return;
    }
  {
    g_autoptr (GArray) edges = lb_parse_bin_edges (gtk_editable_get_text (GTK_EDITABLE (self->edges_entry)), NULL);

    if (edges != NULL && edges->len == p->n_bins + 1)
      show_table (self, p, edges);
  }
}

/* Recomputes the table for the form as it is (stratified only). */
static void
start_preview (LbSplitPanel *self)
{
  LbTable *table = lb_workbench_get_table (self->workbench);
  const char *column = selected_string (self->strat_drop, self->strat_columns);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) edges = NULL;
  PreviewTask *task;
  PreviewRequest *request;

  lb_generation_next (&self->generation);
  if (self->job != NULL)
    lb_job_cancel (self->job);
  g_clear_object (&self->job);
  clear_table (self);
  gtk_widget_set_visible (self->table_box, FALSE);
  if (table == NULL || strcmp (current_method (self), "stratified") != 0 || column == NULL)
    return;
  edges = lb_parse_bin_edges (gtk_editable_get_text (GTK_EDITABLE (self->edges_entry)), &error);
  if (edges == NULL)
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
  task = g_new0 (PreviewTask, 1);
  task->table = lb_table_ref (table);
  task->column = g_strdup (column);
  task->edges = g_steal_pointer (&edges);
  task->test_size = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->size_spin));
  task->seed = (guint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->seed_spin));
  request = g_new0 (PreviewRequest, 1);
  g_weak_ref_init (&request->panel, self);
  request->generation = self->generation.value;
  self->job = lb_job_new (_("Comparing category proportions"), NULL, NULL, preview_done_cb, request);
  lb_job_set_task_data (self->job, task, preview_task_free);
  lb_job_run (self->job, preview_job_func);
  lb_workbench_track_job (self->workbench, self->job);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  LbSplitPanel *self = user_data;

  self->preview_id = 0;
  start_preview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (LbSplitPanel *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (250, preview_timeout_cb, self);
}

/* --- redraw from the workbench --- */

static void
update_method_widgets (LbSplitPanel *self)
{
  const char *method = current_method (self);

  gtk_widget_set_visible (self->strat_box, strcmp (method, "stratified") == 0);
  gtk_widget_set_visible (self->id_box, strcmp (method, "id_hash") == 0);
  /* the id hash does not use the seed: it is what makes it stable */
  gtk_widget_set_sensitive (self->seed_row, strcmp (method, "id_hash") != 0);
}

static void
refresh_columns (LbSplitPanel *self)
{
  LbTable *table = lb_workbench_get_table (self->workbench);
  g_autoptr (GStrvBuilder) numeric = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  g_auto (GStrv) numeric_names = NULL, id_names = NULL;
  int income = -1, n = 0;

  g_strv_builder_add (ids, _("(row index)"));
  if (table != NULL)
    for (guint c = 0; c < lb_table_get_n_columns (table); c++)
      {
        LbColumn *column = lb_table_get_column (table, c);

        if (lb_column_get_kind (column) == LB_COLUMN_NUMERIC)
          {
            if (g_strcmp0 (lb_column_get_name (column), "median_income") == 0)
              income = n;
            g_strv_builder_add (numeric, lb_column_get_name (column));
            n++;
          }
        g_strv_builder_add (ids, lb_column_get_name (column));
      }
  numeric_names = g_strv_builder_end (numeric);
  id_names = g_strv_builder_end (ids);
  gtk_string_list_splice (self->strat_columns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->strat_columns)),
                          (const char * const *) numeric_names);
  gtk_string_list_splice (self->id_columns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->id_columns)),
                          (const char * const *) id_names);
  /* the book's choice, when the data is the book's */
  if (income >= 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->strat_drop), (guint) income);
}

/* Shows the workbench's split in the form. */
static void
refresh_form (LbSplitPanel *self)
{
  JsonObject *split = lb_workbench_get_split (self->workbench);
  const char *kind = split != NULL ? json_object_get_string_member_with_default (split, "kind", "random") : NULL;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seed_spin), (double) lb_workbench_get_seed (self->workbench));
  if (split == NULL)
    return;
  if (json_object_has_member (split, "test_size"))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->size_spin),
                               json_object_get_double_member (split, "test_size"));
  if (g_strcmp0 (kind, "stratified") == 0)
    {
      JsonArray *bins = json_object_get_array_member (split, "bins");
      g_autoptr (GString) text = g_string_new (NULL);
      const char *column = json_object_get_string_member_with_default (split, "column", NULL);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->strat_columns));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->stratified_check), TRUE);
      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (gtk_string_list_get_string (self->strat_columns, i), column) == 0)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->strat_drop), i);
      for (guint i = 0; bins != NULL && i < json_array_get_length (bins); i++)
        {
          JsonNode *e = json_array_get_element (bins, i);
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          if (i > 0)
            g_string_append (text, ", ");
          if (json_node_get_value_type (e) == G_TYPE_STRING)
            g_string_append (text, json_node_get_string (e));
          else
            g_string_append (text, g_ascii_formatd (buffer, sizeof buffer, "%g", json_node_get_double (e)));
        }
      gtk_editable_set_text (GTK_EDITABLE (self->edges_entry), text->str);
    }
  else if (g_strcmp0 (kind, "id_hash") == 0)
    {
      const char *column = json_object_get_string_member_with_default (split, "column", NULL);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->id_columns));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->id_check), TRUE);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->id_drop), 0);
      for (guint i = 1; column != NULL && i < n; i++)
        if (g_strcmp0 (gtk_string_list_get_string (self->id_columns, i), column) == 0)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->id_drop), i);
    }
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->random_check), TRUE);
}

static void
refresh_status (LbSplitPanel *self)
{
  LbTable *table = lb_workbench_get_table (self->workbench);
  gsize n_test = lb_workbench_get_n_test (self->workbench);
  JsonArray *log = lb_workbench_get_unseal_log (self->workbench);
  g_autofree char *text = NULL;
  g_autoptr (GString) log_text = g_string_new (NULL);

  gtk_widget_set_sensitive (self->create_button, table != NULL);
  gtk_widget_set_visible (self->remove_button, lb_workbench_get_split (self->workbench) != NULL);
  if (lb_workbench_get_split (self->workbench) == NULL || table == NULL)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), "dialog-information-symbolic");
      text = g_strdup (table == NULL ? _("Open a data set first.")
                                     : _("No test set yet: every row is used for training, and no score "
                                         "will be an honest estimate of new data."));
    }
  else
    {
      g_autofree char *n = lb_ui_format_count (n_test);
      g_autofree char *m = lb_ui_format_count (lb_table_get_n_rows (table) - n_test);

      if (lb_workbench_get_sealed (self->workbench))
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), "changes-prevent-symbolic");
          /* Translators: the padlock line: "Sealed: the 4,128 test rows are set aside. …16,512 training rows…" */
          text = g_strdup_printf (_("Sealed: the %s test rows are set aside. Explore and every later step "
                                    "see only the %s training rows, until the final evaluation in "
                                    "“Fine-tune” opens the test set."), n, m);
        }
      else
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), "changes-allow-symbolic");
          text = g_strdup_printf (_("Unsealed: the %s test rows were opened for the final evaluation. "
                                    "Scores on them are no longer a fresh estimate if you keep tuning."), n);
        }
    }
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
  for (guint i = 0; i < json_array_get_length (log); i++)
    {
      JsonObject *entry = json_array_get_object_element (log, i);

      /* Translators: one line of the unseal log: "Opened 2026-11-30T18:40:02Z: final evaluation" */
      g_string_append_printf (log_text, _("Opened %s: %s"),
                              json_object_get_string_member_with_default (entry, "time", "?"),
                              json_object_get_string_member_with_default (entry, "reason", ""));
      g_string_append_c (log_text, '\n');
    }
  if (log_text->len > 0)
    g_string_truncate (log_text, log_text->len - 1);
  gtk_label_set_text (GTK_LABEL (self->log_label), log_text->str);
  gtk_widget_set_visible (self->log_label, log_text->len > 0);
}

static void
workbench_changed_cb (LbWorkbench  *workbench,
                      guint         flags,
                      LbSplitPanel *self)
{
  if (!(flags & (LB_WORKBENCH_CHANGED_DATA | LB_WORKBENCH_CHANGED_SPLIT)))
    return;
  self->updating = TRUE;
  if (flags & LB_WORKBENCH_CHANGED_DATA)
    refresh_columns (self);
  refresh_form (self);
  update_method_widgets (self);
  self->updating = FALSE;
  refresh_status (self);
  if (flags & LB_WORKBENCH_CHANGED_DATA)
    start_preview (self);
}

/* --- actions --- */

static gboolean
apply_split (LbSplitPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) split = build_split (self, &error);

  if (split == NULL)
    {
      set_error (self, error->message);
      return FALSE;
    }
  lb_workbench_set_seed (self->workbench, (guint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->seed_spin)));
  if (!lb_workbench_set_split (self->workbench, split, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }
  set_error (self, NULL);
  lb_workbench_set_step_done (self->workbench, LB_STEP_DATA, TRUE);
  return TRUE;
}

static void
confirm_response_cb (GtkDialog    *dialog,
                     int           response,
                     LbSplitPanel *self)
{
  self->confirm_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    apply_split (self);
}

gboolean
lb_split_panel_create (LbSplitPanel *self)
{
  g_return_val_if_fail (LB_IS_SPLIT_PANEL (self), FALSE);

  /* The test set was looked at: a new one after that is a warning. */
  if (lb_workbench_get_split (self->workbench) != NULL && lb_workbench_get_ever_unsealed (self->workbench))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog;

      if (self->confirm_dialog != NULL)
        return FALSE;
      dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                       GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                       _("Replace a test set you have already opened?"));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
        _("The final evaluation has seen the current test set. Choosing a new split after that lets "
          "what you learned from the test scores leak into the model, so the next test score will be "
          "too optimistic. The project keeps the record of every opening."));
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Replace"), GTK_RESPONSE_ACCEPT);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
      g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), self);
      self->confirm_dialog = dialog;
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }
  return apply_split (self);
}

void
lb_split_panel_remove (LbSplitPanel *self)
{
  g_return_if_fail (LB_IS_SPLIT_PANEL (self));

  lb_workbench_set_split (self->workbench, NULL, NULL);
}

static void
form_changed_cb (LbSplitPanel *self)
{
  if (self->updating)
    return;
  update_method_widgets (self);
  set_error (self, NULL);
  schedule_preview (self);
}

/* --- for tests --- */

void
lb_split_panel_set_method (LbSplitPanel *self,
                           const char   *method)
{
  g_return_if_fail (LB_IS_SPLIT_PANEL (self));

  if (g_strcmp0 (method, "stratified") == 0)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->stratified_check), TRUE);
  else if (g_strcmp0 (method, "id_hash") == 0)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->id_check), TRUE);
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->random_check), TRUE);
}

void
lb_split_panel_set_test_size (LbSplitPanel *self,
                              double        test_size)
{
  g_return_if_fail (LB_IS_SPLIT_PANEL (self));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->size_spin), test_size);
}

void
lb_split_panel_set_seed (LbSplitPanel *self,
                         guint64       seed)
{
  g_return_if_fail (LB_IS_SPLIT_PANEL (self));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seed_spin), (double) seed);
}

gboolean
lb_split_panel_set_column (LbSplitPanel *self,
                           const char   *column)
{
  gboolean stratified;
  GtkStringList *list;
  guint n;

  g_return_val_if_fail (LB_IS_SPLIT_PANEL (self), FALSE);

  stratified = strcmp (current_method (self), "stratified") == 0;
  list = stratified ? self->strat_columns : self->id_columns;
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (!stratified && column == NULL)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->id_drop), 0);
      return TRUE;
    }
  for (guint i = stratified ? 0 : 1; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), column) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (stratified ? self->strat_drop : self->id_drop), i);
        return TRUE;
      }
  return FALSE;
}

void
lb_split_panel_set_edges (LbSplitPanel *self,
                          const char   *edges)
{
  g_return_if_fail (LB_IS_SPLIT_PANEL (self));
  gtk_editable_set_text (GTK_EDITABLE (self->edges_entry), edges);
}

const char *
lb_split_panel_get_error (LbSplitPanel *self)
{
  g_return_val_if_fail (LB_IS_SPLIT_PANEL (self), NULL);
  return self->error;
}

GtkWidget *
lb_split_panel_get_confirm_dialog (LbSplitPanel *self)
{
  g_return_val_if_fail (LB_IS_SPLIT_PANEL (self), NULL);
  return self->confirm_dialog;
}

const char *
lb_split_panel_get_cell (LbSplitPanel *self,
                         guint         row,
                         guint         col)
{
  g_return_val_if_fail (LB_IS_SPLIT_PANEL (self), NULL);

  if (self->cells == NULL || row >= self->n_bins || col >= N_COLS)
    return NULL;
  return self->cells[(gsize) row * N_COLS + col];
}

guint
lb_split_panel_get_n_bins (LbSplitPanel *self)
{
  g_return_val_if_fail (LB_IS_SPLIT_PANEL (self), 0);
  return self->n_bins;
}

LbJob *
lb_split_panel_get_job (LbSplitPanel *self)
{
  g_return_val_if_fail (LB_IS_SPLIT_PANEL (self), NULL);

  /* a preview waiting for its debounce counts as running */
  if (self->preview_id != 0)
    {
      g_clear_handle_id (&self->preview_id, g_source_remove);
      start_preview (self);
    }
  return self->job;
}

const char *
lb_split_panel_get_status (LbSplitPanel *self)
{
  g_return_val_if_fail (LB_IS_SPLIT_PANEL (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->status_label));
}

/* --- construction --- */

static GtkWidget *
caption_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 90);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "lb-caption");
  return label;
}

static GtkWidget *
labelled (const char *mnemonic,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static void
lb_split_panel_dispose (GObject *object)
{
  LbSplitPanel *self = LB_SPLIT_PANEL (object);

  lb_generation_next (&self->generation);
  if (self->job != NULL)
    lb_job_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  if (self->confirm_dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->confirm_dialog));
      self->confirm_dialog = NULL;
    }
  if (self->workbench != NULL)
    g_clear_signal_handler (&self->changed_id, self->workbench);
  g_clear_object (&self->workbench);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->cells, g_strfreev);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (lb_split_panel_parent_class)->dispose (object);
}

static void
lb_split_panel_class_init (LbSplitPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_split_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lb_split_panel_init (LbSplitPanel *self)
{
  GtkWidget *title = gtk_label_new (_("Create a test set"));
  GtkWidget *methods = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *settings = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *table_title;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_margin_start (self->box, 18);
  gtk_widget_set_margin_end (self->box, 18);
  gtk_widget_set_margin_top (self->box, 14);
  gtk_widget_set_margin_bottom (self->box, 14);

  gtk_widget_add_css_class (title, "lb-title-2");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_box_append (GTK_BOX (self->box), title);
  gtk_box_append (GTK_BOX (self->box),
                  caption_new (_("Set some rows aside now, before exploring: if you look at them, your "
                                 "brain picks patterns that will make the final estimate too optimistic "
                                 "(data snooping). The test set is then sealed until the end.")));

  self->random_check = gtk_check_button_new_with_mnemonic (_("_Random"));
  gtk_widget_set_tooltip_text (self->random_check, _("train_test_split: a seeded shuffle, then the first rows test"));
  self->stratified_check = gtk_check_button_new_with_mnemonic (_("_Stratified on a column"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->stratified_check), GTK_CHECK_BUTTON (self->random_check));
  gtk_widget_set_tooltip_text (self->stratified_check,
                               _("StratifiedShuffleSplit: each category of the binned column keeps its share "
                                 "in the test set (the book’s income_cat)"));
  self->id_check = gtk_check_button_new_with_mnemonic (_("Stable _id hash"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->id_check), GTK_CHECK_BUTTON (self->random_check));
  gtk_widget_set_tooltip_text (self->id_check,
                               /* xgettext: no-c-format */
                               _("A row is in the test set when the crc32 of its id is below 20 % of 2³²: it "
                                 "stays there when the data set is refreshed (the book’s test_set_check)"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->stratified_check), TRUE);
  gtk_box_append (GTK_BOX (methods), self->random_check);
  gtk_box_append (GTK_BOX (methods), self->stratified_check);
  gtk_box_append (GTK_BOX (methods), self->id_check);
  gtk_box_append (GTK_BOX (self->box), methods);

  self->size_spin = gtk_spin_button_new_with_range (0.05, 0.5, 0.05);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (self->size_spin), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->size_spin), 0.2);
  gtk_widget_set_tooltip_text (self->size_spin, _("The share of rows set aside for the test set (0.2 = 20 %)"));
  gtk_box_append (GTK_BOX (settings), labelled (_("Test si_ze"), self->size_spin));
  self->seed_spin = gtk_spin_button_new_with_range (0, G_MAXINT32, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seed_spin), 42);
  gtk_widget_set_tooltip_text (self->seed_spin,
                               _("The project’s random seed: the same seed gives the same test set every time "
                                 "(and in “learnbench run”)"));
  self->seed_row = labelled (_("S_eed"), self->seed_spin);
  gtk_box_append (GTK_BOX (settings), self->seed_row);
  gtk_box_append (GTK_BOX (self->box), settings);

  self->strat_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  self->strat_columns = gtk_string_list_new (NULL);
  self->strat_drop = gtk_drop_down_new (G_LIST_MODEL (self->strat_columns), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->strat_drop), TRUE);
  gtk_widget_set_tooltip_text (self->strat_drop, _("The numeric column whose categories the test set must represent"));
  gtk_box_append (GTK_BOX (self->strat_box), labelled (_("Co_lumn"), self->strat_drop));
  self->edges_entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (self->edges_entry), "0, 1.5, 3, 4.5, 6, inf");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->edges_entry), 28);
  gtk_widget_set_tooltip_text (self->edges_entry,
                               _("Bin edges, increasing, right-closed as pd.cut: “0, 1.5, 3, 4.5, 6, inf” "
                                 "makes the book’s five income categories"));
  gtk_box_append (GTK_BOX (self->strat_box), labelled (_("Bin e_dges"), self->edges_entry));
  gtk_box_append (GTK_BOX (self->box), self->strat_box);

  self->id_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->id_columns = gtk_string_list_new (NULL);
  self->id_drop = gtk_drop_down_new (G_LIST_MODEL (self->id_columns), NULL);
  gtk_widget_set_tooltip_text (self->id_drop,
                               _("A column that never changes for a row; the row index works while rows are only "
                                 "ever appended"));
  gtk_box_append (GTK_BOX (self->id_box), labelled (_("_Id column"), self->id_drop));
  gtk_box_append (GTK_BOX (self->box), self->id_box);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->error_label);

  self->create_button = gtk_button_new_with_mnemonic (_("_Create the test set"));
  gtk_widget_add_css_class (self->create_button, "suggested-action");
  g_signal_connect_swapped (self->create_button, "clicked", G_CALLBACK (lb_split_panel_create), self);
  self->remove_button = gtk_button_new_with_mnemonic (_("Re_move it"));
  gtk_widget_set_tooltip_text (self->remove_button, _("Train on every row again (no test set)"));
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (lb_split_panel_remove), self);
  gtk_box_append (GTK_BOX (buttons), self->create_button);
  gtk_box_append (GTK_BOX (buttons), self->remove_button);
  gtk_box_append (GTK_BOX (self->box), buttons);

  self->status_icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (self->status_icon), 24);
  gtk_widget_set_valign (self->status_icon, GTK_ALIGN_START);
  self->status_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->status_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->status_label), 90);
  gtk_box_append (GTK_BOX (status), self->status_icon);
  gtk_box_append (GTK_BOX (status), self->status_label);
  gtk_box_append (GTK_BOX (self->box), status);
  self->log_label = caption_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (self->log_label), TRUE);
  gtk_box_append (GTK_BOX (self->box), self->log_label);

  self->table_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  table_title = gtk_label_new (_("Category proportions in the test set"));
  gtk_widget_add_css_class (table_title, "lb-heading");
  gtk_label_set_xalign (GTK_LABEL (table_title), 0.0);
  gtk_box_append (GTK_BOX (self->table_box), table_title);
  self->table_grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->table_grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->table_grid), 4);
  gtk_box_append (GTK_BOX (self->table_box), self->table_grid);
  self->table_note = caption_new (NULL);
  gtk_box_append (GTK_BOX (self->table_box), self->table_note);
  gtk_widget_set_visible (self->table_box, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->table_box);

  g_signal_connect_swapped (self->random_check, "toggled", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->stratified_check, "toggled", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->id_check, "toggled", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->size_spin, "value-changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->seed_spin, "value-changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->strat_drop, "notify::selected", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->edges_entry, "changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->id_drop, "notify::selected", G_CALLBACK (form_changed_cb), self);
  update_method_widgets (self);
}

GtkWidget *
lb_split_panel_new (LbWorkbench *workbench)
{
  LbSplitPanel *self;

  g_return_val_if_fail (LB_IS_WORKBENCH (workbench), NULL);

  self = g_object_new (LB_TYPE_SPLIT_PANEL, NULL);
  self->workbench = g_object_ref (workbench);
  self->changed_id = g_signal_connect (workbench, "changed", G_CALLBACK (workbench_changed_cb), self);
  workbench_changed_cb (workbench, LB_WORKBENCH_CHANGED_DATA | LB_WORKBENCH_CHANGED_SPLIT, self);
  return GTK_WIDGET (self);
}
