/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-attribute-form.c: LbAttributeForm, "add a combined attribute". The
 * expression is evaluated by data/ (lb_expression_evaluate) into a new table
 * that shares the old columns; the form only checks the name, shows errors in
 * plain words, and reports the new column's missing values and correlation.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-attribute-form.h"
#include "lb-explore-private.h"
#include "lb-ui-util.h"

/* Column buttons offered for insertion into the expression. */
#define MAX_COLUMN_BUTTONS 100

struct _LbAttributeForm
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *name_entry;
  GtkWidget *expr_entry;
  GtkWidget *error_label;
  GtkWidget *result_label;
  GtkWidget *columns;
  GtkWidget *chart_view;

  LbTable   *table;
  char      *target;
};

G_DEFINE_FINAL_TYPE (LbAttributeForm, lb_attribute_form, GTK_TYPE_WIDGET)

enum
{
  ATTRIBUTE_ADDED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
set_error (LbAttributeForm *self,
           const char      *text,
           GtkWidget       *focus)
{
  lb_explore_set_note (self->error_label, text);
  if (text != NULL)
    gtk_widget_set_visible (self->result_label, FALSE);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static gboolean
is_identifier (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static void
insert_column_cb (GtkButton       *button,
                  LbAttributeForm *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "lb-column");
  g_autofree char *text = is_identifier (name) ? g_strdup (name) : g_strdup_printf ("`%s`", name);
  int position = gtk_editable_get_position (GTK_EDITABLE (self->expr_entry));

  gtk_editable_insert_text (GTK_EDITABLE (self->expr_entry), text, -1, &position);
  gtk_widget_grab_focus (self->expr_entry);
  gtk_editable_set_position (GTK_EDITABLE (self->expr_entry), position);
}

/* "Added …": its missing values, and its correlation with the target, which
 * is what the book looks at next. */
static char *
describe_result (LbAttributeForm *self,
                 LbTable         *table,
                 LbColumn        *column)
{
  gsize missing = lb_column_count_missing (column);
  const char *name = lb_column_get_name (column);
  g_autofree char *count = lb_ui_format_count (missing);
  g_autofree char *missing_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s value is missing",
                                                                "%s values are missing",
                                                                missing),
                                                   count);
  int t = self->target != NULL ? lb_table_find_column (table, self->target) : -1;
  int c = lb_table_find_column (table, name);

  if (t >= 0 && c >= 0)
    {
      guint pair[2] = { (guint) t, (guint) c };
      g_autofree double *m = lb_table_correlation (table, pair, 2, NULL, NULL);

      if (m != NULL)
        {
          g_autofree char *r = lb_explore_format_correlation (m[1]);

          return g_strdup_printf (_("Added “%s” (%s). Its correlation with %s is %s."),
                                  name, missing_text, self->target, r);
        }
    }
  return g_strdup_printf (_("Added “%s” (%s)."), name, missing_text);
}

static void
add_clicked_cb (LbAttributeForm *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbColumn) column = NULL;
  g_autoptr (LbTable) new_table = NULL;
  LbExploreChart *request;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autofree char *expression = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->expr_entry))));
  g_autofree char *text = NULL;

  if (self->table == NULL)
    {
      set_error (self, _("Open a data set first."), NULL);
      return;
    }
  if (*name == '\0')
    {
      set_error (self, _("Give the new column a name, for example rooms_per_house."), self->name_entry);
      return;
    }
  if (lb_table_find_column (self->table, name) >= 0)
    {
      text = g_strdup_printf (_("There is already a column named “%s”: choose another name."), name);
      set_error (self, text, self->name_entry);
      return;
    }
  if (*expression == '\0')
    {
      set_error (self, _("Write an expression, for example total_rooms / households."), self->expr_entry);
      return;
    }

  column = lb_expression_evaluate (self->table, expression, name, &error);
  if (column != NULL)
    new_table = lb_table_with_column (self->table, column, &error);
  if (new_table == NULL)
    {
      text = g_strdup_printf (_("Cannot compute “%s”: %s"), expression, error->message);
      set_error (self, text, self->expr_entry);
      return;
    }

  set_error (self, NULL, NULL);
  text = describe_result (self, new_table, column);
  gtk_label_set_text (GTK_LABEL (self->result_label), text);
  gtk_widget_set_visible (self->result_label, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->expr_entry), "");

  request = lb_explore_chart_new (LB_EXPLORE_HISTOGRAM, new_table);
  request->columns = g_new0 (char *, 2);
  request->columns[0] = g_strdup (name);
  request->n = 50;   /* the book's bins=50 */
  lb_explore_chart_show (request, self->chart_view);

  lb_attribute_form_set_table (self, new_table, TRUE);
  g_signal_emit (self, signals[ATTRIBUTE_ADDED], 0, new_table);
}

/* --- public API --- */

GtkWidget *
lb_attribute_form_new (void)
{
  return g_object_new (LB_TYPE_ATTRIBUTE_FORM, NULL);
}

void
lb_attribute_form_set_table (LbAttributeForm *self,
                             LbTable         *table,
                             gboolean         same_data)
{
  g_autofree const char **numeric = NULL;
  GtkWidget *child;
  guint n = 0;

  g_return_if_fail (LB_IS_ATTRIBUTE_FORM (self));

  if (table == self->table)
    return;
  if (table != NULL)
    lb_table_ref (table);
  g_clear_pointer (&self->table, lb_table_unref);
  self->table = table;

  if (!same_data)
    {
      set_error (self, NULL, NULL);
      gtk_widget_set_visible (self->result_label, FALSE);
      lb_chart_view_set_message (LB_CHART_VIEW (self->chart_view),
                                 _("The histogram of the new column appears here."));
    }

  while ((child = gtk_widget_get_first_child (self->columns)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->columns), child);
  if (table != NULL)
    numeric = lb_explore_column_names (table, TRUE, FALSE, &n);
  for (guint i = 0; i < MIN (n, MAX_COLUMN_BUTTONS); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (numeric[i]);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Insert this column into the expression"));
      g_object_set_data_full (G_OBJECT (button), "lb-column", g_strdup (numeric[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (insert_column_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->columns), button);
    }
}

void
lb_attribute_form_set_target (LbAttributeForm *self,
                              const char      *target)
{
  g_return_if_fail (LB_IS_ATTRIBUTE_FORM (self));

  g_free (self->target);
  self->target = g_strdup (target);
}

void
lb_attribute_form_add (LbAttributeForm *self,
                       const char      *name,
                       const char      *expression)
{
  g_return_if_fail (LB_IS_ATTRIBUTE_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
  gtk_editable_set_text (GTK_EDITABLE (self->expr_entry), expression);
  add_clicked_cb (self);
}

const char *
lb_attribute_form_get_error (LbAttributeForm *self)
{
  g_return_val_if_fail (LB_IS_ATTRIBUTE_FORM (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->error_label));
}

LbChartView *
lb_attribute_form_get_chart_view (LbAttributeForm *self)
{
  g_return_val_if_fail (LB_IS_ATTRIBUTE_FORM (self), NULL);
  return LB_CHART_VIEW (self->chart_view);
}

/* --- GObject --- */

static void
lb_attribute_form_dispose (GObject *object)
{
  LbAttributeForm *self = LB_ATTRIBUTE_FORM (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (lb_attribute_form_parent_class)->dispose (object);
}

static void
lb_attribute_form_finalize (GObject *object)
{
  LbAttributeForm *self = LB_ATTRIBUTE_FORM (object);

  g_clear_pointer (&self->table, lb_table_unref);
  g_free (self->target);

  G_OBJECT_CLASS (lb_attribute_form_parent_class)->finalize (object);
}

static void
lb_attribute_form_class_init (LbAttributeFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_attribute_form_dispose;
  object_class->finalize = lb_attribute_form_finalize;

  /**
   * LbAttributeForm::attribute-added:
   * @new_table: the table with the new column appended
   */
  signals[ATTRIBUTE_ADDED] = g_signal_new ("attribute-added",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, LB_TYPE_TABLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lbattributeform");
}

static void
lb_attribute_form_init (LbAttributeForm *self)
{
  GtkWidget *form = gtk_grid_new ();
  GtkWidget *explain, *name_label, *expr_label, *add_button, *columns_window;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  explain = gtk_label_new (_("A combined attribute is a new column computed from others, "
                             "such as the number of rooms per household. Use + − * /, "
                             "parentheses and log, log1p, exp, sqrt, abs, pow; write a name "
                             "with spaces between `back quotes`. Click a column below to "
                             "insert it."));
  gtk_label_set_wrap (GTK_LABEL (explain), TRUE);
  gtk_label_set_xalign (GTK_LABEL (explain), 0);
  gtk_widget_add_css_class (explain, "dim-label");

  self->name_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->name_entry), "rooms_per_house");
  self->expr_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->expr_entry), "total_rooms / households");
  gtk_widget_set_hexpand (self->expr_entry, TRUE);
  add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (add_button, "suggested-action");
  name_label = gtk_label_new_with_mnemonic (_("_Name"));
  expr_label = gtk_label_new_with_mnemonic (_("_Expression"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (name_label), self->name_entry);
  gtk_label_set_mnemonic_widget (GTK_LABEL (expr_label), self->expr_entry);
  gtk_label_set_xalign (GTK_LABEL (name_label), 1);
  gtk_label_set_xalign (GTK_LABEL (expr_label), 1);

  self->error_label = lb_explore_note_new ();
  gtk_widget_remove_css_class (self->error_label, "dim-label");
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_label_set_selectable (GTK_LABEL (self->error_label), TRUE);
  self->result_label = lb_explore_note_new ();
  gtk_widget_remove_css_class (self->result_label, "dim-label");

  gtk_grid_set_row_spacing (GTK_GRID (form), 6);
  gtk_grid_set_column_spacing (GTK_GRID (form), 8);
  gtk_grid_attach (GTK_GRID (form), name_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (form), self->name_entry, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (form), expr_label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (form), self->expr_entry, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (form), add_button, 2, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (form), self->error_label, 1, 2, 2, 1);
  gtk_grid_attach (GTK_GRID (form), self->result_label, 1, 3, 2, 1);

  self->columns = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->columns), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->columns), 12);

  g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect_swapped (self->expr_entry, "activate", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect_swapped (self->name_entry, "activate", G_CALLBACK (add_clicked_cb), self);

  self->chart_view = lb_chart_view_new ();
  lb_chart_view_set_message (LB_CHART_VIEW (self->chart_view),
                             _("The histogram of the new column appears here."));
  gtk_widget_set_vexpand (self->chart_view, TRUE);

  gtk_widget_set_margin_start (explain, 12);
  gtk_widget_set_margin_end (explain, 12);
  gtk_widget_set_margin_top (explain, 12);
  gtk_widget_set_margin_start (form, 12);
  gtk_widget_set_margin_end (form, 12);
  columns_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (columns_window),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (columns_window), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (columns_window), 110);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (columns_window), self->columns);
  gtk_widget_set_margin_start (columns_window, 8);
  gtk_widget_set_margin_end (columns_window, 8);
  gtk_box_append (GTK_BOX (self->box), explain);
  gtk_box_append (GTK_BOX (self->box), form);
  gtk_box_append (GTK_BOX (self->box), columns_window);
  gtk_box_append (GTK_BOX (self->box), self->chart_view);
}
