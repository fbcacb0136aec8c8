/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-frame-page.c: "Frame the problem": the book's first checklist step as a
 * form over the LbWorkbench — name, target, task (detected, changeable),
 * performance measure (the scorers that fit the task), positive class for a
 * binary task, and notes. Every choice goes straight to the workbench; the
 * page redraws from it on "changed", so a project opened later shows the same.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-frame-page.h"

#define MAX_POSITIVE_CHOICES 50

struct _LbFramePage
{
  GtkWidget    parent_instance;

  LbWorkbench *workbench;
  gulong       changed_id;
  gboolean     updating;

  GtkWidget   *scrolled;
  GtkWidget   *name_entry;
  GtkWidget   *target_drop;
  GtkStringList *targets;         /* "" first: none chosen */
  GtkWidget   *task_drop;
  GtkWidget   *detected_label;
  GtkWidget   *scoring_drop;
  GtkStringList *scoring_labels;
  GPtrArray   *scorings;          /* names, parallel to scoring_labels */
  GtkWidget   *scoring_note;
  GtkWidget   *positive_label;
  GtkWidget   *positive_drop;
  GtkStringList *positives;
  GtkWidget   *positive_note;
  GtkWidget   *notes_view;
  GtkWidget   *no_data_note;
};

G_DEFINE_FINAL_TYPE (LbFramePage, lb_frame_page, GTK_TYPE_WIDGET)

static const LbTask tasks[] = { LB_TASK_REGRESSION, LB_TASK_BINARY, LB_TASK_MULTICLASS };

/* --- helpers --- */

/* Gives @drop a model with @strings, unless it shows exactly those already:
 * replacing the model of a dropdown while it notifies its selection (a
 * choice here → the workbench → this redraw) makes GTK 4.8 spin. */
static void
set_strings (GtkWidget      *drop,
             GtkStringList **list,
             GPtrArray      *strings)
{
  guint n = *list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (*list)) : 0;
  gboolean same = n == strings->len;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (*list, i), g_ptr_array_index (strings, i)) == 0;
  if (same)
    return;
  g_ptr_array_add (strings, NULL);
  *list = gtk_string_list_new ((const char * const *) strings->pdata);
  g_ptr_array_remove_index (strings, strings->len - 1);
  gtk_drop_down_set_model (GTK_DROP_DOWN (drop), G_LIST_MODEL (*list));
  g_object_unref (*list);  /* the dropdown holds it */
}

static void
set_selected (GtkWidget *drop,
              guint      position)
{
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop)) != position)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), position);
}

static int
string_list_find (GtkStringList *list,
                  const char    *value)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), value) == 0)
      return (int) i;
  return -1;
}

/* The values a binary target can call positive: its categories, or the
 * distinct values of a numeric column (a few). */
static GPtrArray *
positive_candidates (LbTable    *table,
                     const char *target)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  LbColumn *column = table != NULL && target != NULL ? lb_table_get_column_by_name (table, target) : NULL;

  if (column == NULL)
    return values;
  if (lb_column_get_kind (column) == LB_COLUMN_CATEGORICAL)
    {
      const char * const *categories = lb_column_get_categories (column);

      for (guint i = 0; i < lb_column_get_n_categories (column) && i < MAX_POSITIVE_CHOICES; i++)
        g_ptr_array_add (values, g_strdup (categories[i]));
    }
  else if (lb_column_get_kind (column) == LB_COLUMN_NUMERIC)
    {
      g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (gsize i = 0; i < lb_column_get_n_rows (column) && values->len < MAX_POSITIVE_CHOICES; i++)
        {
          char *text;

          if (lb_column_is_missing (column, i))
            continue;
          text = lb_column_format_value (column, i);
          if (g_hash_table_add (seen, text))
            g_ptr_array_add (values, g_strdup (text));
        }
    }
  return values;
}

/* --- redraw from the workbench --- */

static void
refresh_targets (LbFramePage *self)
{
  LbTable *table = lb_workbench_get_table (self->workbench);
  const char *target = lb_workbench_get_target (self->workbench);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  int selected;

  g_ptr_array_add (names, (gpointer) _("(choose the column to predict)"));
  if (table != NULL)
    for (guint c = 0; c < lb_table_get_n_columns (table); c++)
      {
        LbColumn *column = lb_table_get_column (table, c);

        if (lb_column_get_kind (column) != LB_COLUMN_TEXT)
          g_ptr_array_add (names, (gpointer) lb_column_get_name (column));
      }
  else if (target != NULL)
    g_ptr_array_add (names, (gpointer) target);  /* a project whose data is still loading */
  set_strings (self->target_drop, &self->targets, names);
  selected = target != NULL ? string_list_find (self->targets, target) : 0;
  set_selected (self->target_drop, selected > 0 ? (guint) selected : 0);
  gtk_widget_set_visible (self->no_data_note, table == NULL);
}

static void
refresh_task (LbFramePage *self)
{
  LbTask task = lb_workbench_get_task (self->workbench);
  LbTask detected = lb_workbench_detect_task (lb_workbench_get_table (self->workbench),
                                              lb_workbench_get_target (self->workbench), NULL);
  g_autofree char *text = NULL;

  gtk_widget_set_sensitive (self->task_drop, lb_workbench_get_target (self->workbench) != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    if (tasks[i] == task)
      set_selected (self->task_drop, i);
  if (detected == LB_TASK_NONE)
    text = g_strdup (lb_workbench_get_target (self->workbench) == NULL
                       ? _("Choose the target first: the task is detected from it.")
                       : _("Open the data to detect the task."));
  else if (detected == task)
    /* Translators: under the task dropdown: "Detected from the target: Regression (predict a value)." */
    text = g_strdup_printf (_("Detected from the target: %s."), lb_task_get_label (detected));
  else
    text = g_strdup_printf (_("Changed by you (the target looks like: %s)."), lb_task_get_label (detected));
  gtk_label_set_text (GTK_LABEL (self->detected_label), text);
}

static void
refresh_scoring (LbFramePage *self)
{
  LbTask task = lb_workbench_get_task (self->workbench);
  const char *scoring = lb_workbench_get_scoring (self->workbench);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  int selected = -1;

  g_ptr_array_set_size (self->scorings, 0);
  for (const char * const *s = lb_task_list_scorings (task); *s != NULL; s++)
    {
      g_ptr_array_add (self->scorings, g_strdup (*s));
      g_ptr_array_add (labels, (gpointer) lb_workbench_scoring_label (*s));
      if (g_strcmp0 (*s, scoring) == 0)
        selected = (int) self->scorings->len - 1;
    }
  /* a measure set in the file that the task does not list is still shown */
  if (selected < 0 && scoring != NULL)
    {
      g_ptr_array_add (self->scorings, g_strdup (scoring));
      g_ptr_array_add (labels, (gpointer) lb_workbench_scoring_label (scoring));
      selected = (int) self->scorings->len - 1;
    }
  set_strings (self->scoring_drop, &self->scoring_labels, labels);
  gtk_widget_set_sensitive (self->scoring_drop, self->scorings->len > 0);
  if (selected >= 0)
    set_selected (self->scoring_drop, (guint) selected);
  if (scoring != NULL)
    {
      g_autofree char *note = NULL;

      /* Translators: under the measure: "scikit-learn's name: neg_root_mean_squared_error · greater is better (errors are negated)" */
      note = g_strdup_printf (_("scikit-learn’s name: %s · %s"), scoring,
                              g_str_has_prefix (scoring, "neg_")
                                ? _("scores are negated errors, so greater is better")
                                : _("greater is better"));
      gtk_label_set_text (GTK_LABEL (self->scoring_note), note);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->scoring_note), "");
}

static void
refresh_positive (LbFramePage *self)
{
  gboolean binary = lb_workbench_get_task (self->workbench) == LB_TASK_BINARY;
  const char *positive = lb_workbench_get_positive_class (self->workbench);
  g_autoptr (GPtrArray) values = NULL;
  int selected;

  gtk_widget_set_visible (self->positive_label, binary);
  gtk_widget_set_visible (self->positive_drop, binary);
  gtk_widget_set_visible (self->positive_note, binary);
  if (!binary)
    return;
  values = positive_candidates (lb_workbench_get_table (self->workbench),
                                lb_workbench_get_target (self->workbench));
  if (positive != NULL && !g_ptr_array_find_with_equal_func (values, positive, g_str_equal, NULL))
    g_ptr_array_insert (values, 0, g_strdup (positive));
  g_ptr_array_insert (values, 0, g_strdup (_("(the second class)")));
  set_strings (self->positive_drop, &self->positives, values);
  selected = positive != NULL ? string_list_find (self->positives, positive) : 0;
  set_selected (self->positive_drop, selected > 0 ? (guint) selected : 0);
}

static void
refresh (LbFramePage *self)
{
  const char *name = lb_workbench_get_name (self->workbench);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  g_autofree char *notes = NULL;
  GtkTextIter start, end;

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)), name != NULL ? name : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name != NULL ? name : "");
  refresh_targets (self);
  refresh_task (self);
  refresh_scoring (self);
  refresh_positive (self);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (notes, lb_workbench_get_notes (self->workbench)) != 0)
    gtk_text_buffer_set_text (buffer, lb_workbench_get_notes (self->workbench), -1);
  self->updating = FALSE;
}

static void
workbench_changed_cb (LbWorkbench *workbench,
                      guint        flags,
                      LbFramePage *self)
{
  if (flags & (LB_WORKBENCH_CHANGED_DATA | LB_WORKBENCH_CHANGED_FRAME | LB_WORKBENCH_CHANGED_EVALUATION))
    refresh (self);
}

/* The step is done once a target and a measure are chosen. */
static void
update_done (LbFramePage *self)
{
  lb_workbench_set_step_done (self->workbench, LB_STEP_FRAME,
                              lb_workbench_get_target (self->workbench) != NULL
                              && lb_workbench_get_scoring (self->workbench) != NULL);
}

/* --- edits --- */

static void
name_changed_cb (GtkEditable *entry,
                 LbFramePage *self)
{
  if (!self->updating)
    lb_workbench_set_name (self->workbench, gtk_editable_get_text (entry));
}

static void
target_selected_cb (GtkDropDown *drop,
                    GParamSpec  *pspec,
                    LbFramePage *self)
{
  guint i = gtk_drop_down_get_selected (drop);

  if (self->updating || i == GTK_INVALID_LIST_POSITION)
    return;
  lb_workbench_set_target (self->workbench, i == 0 ? NULL : gtk_string_list_get_string (self->targets, i));
  update_done (self);
}

static void
task_selected_cb (GtkDropDown *drop,
                  GParamSpec  *pspec,
                  LbFramePage *self)
{
  guint i = gtk_drop_down_get_selected (drop);

  if (self->updating || i >= G_N_ELEMENTS (tasks))
    return;
  lb_workbench_set_task (self->workbench, tasks[i]);
  update_done (self);
}

static void
scoring_selected_cb (GtkDropDown *drop,
                     GParamSpec  *pspec,
                     LbFramePage *self)
{
  guint i = gtk_drop_down_get_selected (drop);

  if (self->updating || i >= self->scorings->len)
    return;
  lb_workbench_set_scoring (self->workbench, g_ptr_array_index (self->scorings, i));
  update_done (self);
}

static void
positive_selected_cb (GtkDropDown *drop,
                      GParamSpec  *pspec,
                      LbFramePage *self)
{
  guint i = gtk_drop_down_get_selected (drop);

  if (self->updating || i == GTK_INVALID_LIST_POSITION)
    return;
  lb_workbench_set_positive_class (self->workbench, i == 0 ? NULL : gtk_string_list_get_string (self->positives, i));
}

static void
notes_changed_cb (GtkTextBuffer *buffer,
                  LbFramePage   *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->updating = TRUE;
  lb_workbench_set_notes (self->workbench, text);
  self->updating = FALSE;
}

/* --- for tests --- */

gboolean
lb_frame_page_choose_target (LbFramePage *self,
                             const char  *column)
{
  int i;

  g_return_val_if_fail (LB_IS_FRAME_PAGE (self), FALSE);

  i = string_list_find (self->targets, column);
  if (i <= 0)
    return FALSE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->target_drop), (guint) i);
  return TRUE;
}

gboolean
lb_frame_page_choose_task (LbFramePage *self,
                           LbTask       task)
{
  g_return_val_if_fail (LB_IS_FRAME_PAGE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    if (tasks[i] == task && gtk_widget_get_sensitive (self->task_drop))
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->task_drop), i);
        return TRUE;
      }
  return FALSE;
}

gboolean
lb_frame_page_choose_scoring (LbFramePage *self,
                              const char  *scoring)
{
  g_return_val_if_fail (LB_IS_FRAME_PAGE (self), FALSE);

  for (guint i = 0; i < self->scorings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->scorings, i), scoring) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->scoring_drop), i);
        return TRUE;
      }
  return FALSE;
}

GStrv
lb_frame_page_dup_scorings (LbFramePage *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LB_IS_FRAME_PAGE (self), NULL);

  for (guint i = 0; i < self->scorings->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->scorings, i));
  return g_strv_builder_end (builder);
}

gboolean
lb_frame_page_get_positive_visible (LbFramePage *self)
{
  g_return_val_if_fail (LB_IS_FRAME_PAGE (self), FALSE);

  return gtk_widget_get_visible (self->positive_drop);
}

gboolean
lb_frame_page_choose_positive_class (LbFramePage *self,
                                     const char  *value)
{
  int i;

  g_return_val_if_fail (LB_IS_FRAME_PAGE (self), FALSE);

  i = string_list_find (self->positives, value);
  if (i <= 0)
    return FALSE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->positive_drop), (guint) i);
  return TRUE;
}

void
lb_frame_page_set_notes_text (LbFramePage *self,
                              const char  *text)
{
  g_return_if_fail (LB_IS_FRAME_PAGE (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)), text, -1);
}

const char *
lb_frame_page_get_detected_text (LbFramePage *self)
{
  g_return_val_if_fail (LB_IS_FRAME_PAGE (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->detected_label));
}

/* --- construction --- */

static GtkWidget *
caption_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "lb-caption");
  return label;
}

static GtkWidget *
row_label_new (const char *mnemonic,
               GtkWidget  *target)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "lb-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  return label;
}

static void
lb_frame_page_dispose (GObject *object)
{
  LbFramePage *self = LB_FRAME_PAGE (object);

  if (self->workbench != NULL)
    g_clear_signal_handler (&self->changed_id, self->workbench);
  g_clear_object (&self->workbench);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_pointer (&self->scorings, g_ptr_array_unref);
  G_OBJECT_CLASS (lb_frame_page_parent_class)->dispose (object);
}

static void
lb_frame_page_class_init (LbFramePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_frame_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lb_frame_page_init (LbFramePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (_("Frame the problem"));
  GtkWidget *intro;
  GtkWidget *task_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *scoring_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *positive_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *notes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *notes_scroll = gtk_scrolled_window_new ();
  GtkStringList *task_labels = gtk_string_list_new (NULL);
  int row = 0;

  self->scorings = g_ptr_array_new_with_free_func (g_free);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_size_request (box, 560, -1);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (title, "lb-title-1");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_box_append (GTK_BOX (box), title);
  intro = caption_new (_("Step 1 of the book’s checklist: say what you want to predict and how "
                         "success is measured, before looking closely at the data. The choices "
                         "here are saved with the project and used by every later step."));
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 80);
  gtk_box_append (GTK_BOX (box), intro);
  self->no_data_note = caption_new (_("Open a data set in “Get the data” to list its columns."));
  gtk_box_append (GTK_BOX (box), self->no_data_note);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 14);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_widget_set_margin_top (grid, 8);

  self->name_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->name_entry), _("e.g. California housing prices"));
  gtk_widget_set_hexpand (self->name_entry, TRUE);
  gtk_widget_set_tooltip_text (self->name_entry, _("The project’s name, shown in the title and the report"));
  g_signal_connect (self->name_entry, "changed", G_CALLBACK (name_changed_cb), self);
  gtk_grid_attach (GTK_GRID (grid), row_label_new (_("_Name"), self->name_entry), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->name_entry, 1, row++, 1, 1);

  self->targets = gtk_string_list_new (NULL);
  self->target_drop = gtk_drop_down_new (G_LIST_MODEL (self->targets), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->target_drop), TRUE);
  gtk_widget_set_tooltip_text (self->target_drop,
                               _("The column the model learns to predict (the label): "
                                 "median_house_value for the housing prices"));
  g_signal_connect (self->target_drop, "notify::selected", G_CALLBACK (target_selected_cb), self);
  gtk_grid_attach (GTK_GRID (grid), row_label_new (_("_Target"), self->target_drop), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->target_drop, 1, row++, 1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    gtk_string_list_append (task_labels, lb_task_get_label (tasks[i]));
  self->task_drop = gtk_drop_down_new (G_LIST_MODEL (task_labels), NULL);
  gtk_widget_set_tooltip_text (self->task_drop,
                               _("Regression predicts a number; classification predicts a class. "
                                 "Detected from the target; change it when the detection is wrong."));
  g_signal_connect (self->task_drop, "notify::selected", G_CALLBACK (task_selected_cb), self);
  self->detected_label = caption_new (NULL);
  gtk_box_append (GTK_BOX (task_box), self->task_drop);
  gtk_box_append (GTK_BOX (task_box), self->detected_label);
  gtk_grid_attach (GTK_GRID (grid), row_label_new (_("T_ask"), self->task_drop), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), task_box, 1, row++, 1, 1);

  self->scoring_labels = gtk_string_list_new (NULL);
  self->scoring_drop = gtk_drop_down_new (G_LIST_MODEL (self->scoring_labels), NULL);
  gtk_widget_set_tooltip_text (self->scoring_drop,
                               _("How a model is scored in cross-validation, the search and the final "
                                 "test: RMSE for regression (the book’s choice), accuracy, F1 or ROC AUC "
                                 "for classification"));
  g_signal_connect (self->scoring_drop, "notify::selected", G_CALLBACK (scoring_selected_cb), self);
  self->scoring_note = caption_new (NULL);
  gtk_box_append (GTK_BOX (scoring_box), self->scoring_drop);
  gtk_box_append (GTK_BOX (scoring_box), self->scoring_note);
  gtk_grid_attach (GTK_GRID (grid), row_label_new (_("_Measure"), self->scoring_drop), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), scoring_box, 1, row++, 1, 1);

  self->positives = gtk_string_list_new (NULL);
  self->positive_drop = gtk_drop_down_new (G_LIST_MODEL (self->positives), NULL);
  gtk_widget_set_tooltip_text (self->positive_drop,
                               _("The class that counts as “positive” for precision, recall, F1 and "
                                 "ROC: the model learns target == this class"));
  g_signal_connect (self->positive_drop, "notify::selected", G_CALLBACK (positive_selected_cb), self);
  self->positive_note = caption_new (_("Every other class becomes “negative” (the book’s 5-detector)."));
  gtk_box_append (GTK_BOX (positive_box), self->positive_drop);
  gtk_box_append (GTK_BOX (positive_box), self->positive_note);
  self->positive_label = row_label_new (_("_Positive class"), self->positive_drop);
  gtk_grid_attach (GTK_GRID (grid), self->positive_label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), positive_box, 1, row++, 1, 1);

  self->notes_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->notes_view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on (a keyboard user would otherwise be trapped typing tabs) */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->notes_view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->notes_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->notes_view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->notes_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->notes_view), 6);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)), "changed",
                    G_CALLBACK (notes_changed_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (notes_scroll), self->notes_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (notes_scroll), 160);
  gtk_widget_add_css_class (notes_scroll, "frame");
  gtk_box_append (GTK_BOX (notes_box), notes_scroll);
  gtk_box_append (GTK_BOX (notes_box),
                  caption_new (_("The book’s questions: what is the business objective? How will the "
                                 "predictions be used? What is done today, and how well? Is a "
                                 "prediction or a ranking needed? What error is acceptable?")));
  gtk_grid_attach (GTK_GRID (grid), row_label_new (_("N_otes"), self->notes_view), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), notes_box, 1, row++, 1, 1);

  gtk_box_append (GTK_BOX (box), grid);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), box);
}

GtkWidget *
lb_frame_page_new (LbWorkbench *workbench)
{
  LbFramePage *self;

  g_return_val_if_fail (LB_IS_WORKBENCH (workbench), NULL);

  self = g_object_new (LB_TYPE_FRAME_PAGE, NULL);
  self->workbench = g_object_ref (workbench);
  self->changed_id = g_signal_connect (workbench, "changed", G_CALLBACK (workbench_changed_cb), self);
  refresh (self);
  return GTK_WIDGET (self);
}
