/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-correlation-panel.c: LbCorrelationPanel, the correlation heat map and the
 * sorted correlations with a target. The list needs one pass per numeric
 * column (pairwise complete, lb_table_correlation); above 2M cells it runs as
 * an LbJob, held by a weak ref and a generation so a stale result is dropped.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "lb-correlation-panel.h"
#include "lb-explore-private.h"

/* Above this many cells (rows x numeric columns) the list is computed in a job. */
#define SYNC_CELLS          2000000
/* The heat map writes its values in the cells: more columns would not be legible. */
#define HEATMAP_MAX_COLUMNS 20

typedef struct
{
  guint   n;
  char  **names;    /* n */
  double *r;        /* n, sorted descending, NaN last */
} Correlations;

struct _LbCorrelationPanel
{
  GtkWidget      parent_instance;

  GtkWidget     *paned;
  GtkWidget     *chart_view;
  GtkWidget     *target_dropdown;
  GtkWidget     *list;
  GtkWidget     *status;
  GtkWidget     *spinner;

  LbTable       *table;
  gboolean       updating;
  LbGeneration   generation;
  GCancellable  *cancellable;
  Correlations  *correlations;
};

G_DEFINE_FINAL_TYPE (LbCorrelationPanel, lb_correlation_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TARGET,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* --- computing --- */

static void
correlations_free (Correlations *c)
{
  if (c == NULL)
    return;
  g_strfreev (c->names);
  g_free (c->r);
  g_free (c);
}

static int
compare_correlations (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const double *r = user_data;
  double ra = r[*(const guint *) a], rb = r[*(const guint *) b];

  if (isnan (ra) || isnan (rb))
    return isnan (ra) - isnan (rb);       /* NaN last, as pandas' sort_values */
  return ra < rb ? 1 : ra > rb ? -1 : 0;  /* descending */
}

/* corr_matrix[target].sort_values(ascending=False) over @columns. */
static Correlations *
compute_correlations (LbTable       *table,
                      guint          target,
                      GArray        *columns,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree double *r = g_new (double, columns->len);
  g_autofree guint *order = g_new (guint, columns->len);
  Correlations *result;

  for (guint i = 0; i < columns->len; i++)
    {
      guint pair[2] = { target, g_array_index (columns, guint, i) };
      g_autofree double *m = lb_table_correlation (table, pair, 2, cancellable, error);

      if (m == NULL)
        return NULL;
      r[i] = m[1];   /* 2 x 2, row-major: [0][1] */
      order[i] = i;
    }
  g_qsort_with_data (order, (int) columns->len, sizeof (guint), compare_correlations, r);

  result = g_new0 (Correlations, 1);
  result->n = columns->len;
  result->names = g_new0 (char *, columns->len + 1);
  result->r = g_new (double, columns->len);
  for (guint i = 0; i < columns->len; i++)
    {
      LbColumn *column = lb_table_get_column (table, g_array_index (columns, guint, order[i]));

      result->names[i] = g_strdup (lb_column_get_name (column));
      result->r[i] = r[order[i]];
    }
  return result;
}

typedef struct
{
  LbTable *table;
  guint    target;
  GArray  *columns;  /* guint */
} CorrelationTask;

static void
correlation_task_free (CorrelationTask *task)
{
  lb_table_unref (task->table);
  g_array_unref (task->columns);
  g_free (task);
}

static void
correlation_job_func (LbJob        *job,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  CorrelationTask *task = task_data;
  GError *error = NULL;
  Correlations *result;

  result = compute_correlations (task->table, task->target, task->columns, cancellable, &error);
  if (result == NULL)
    lb_job_return_error (job, error);
  else
    lb_job_return_pointer (job, result, (GDestroyNotify) correlations_free);
}

/* --- showing --- */

static void
set_status (LbCorrelationPanel *self,
            const char         *text,
            gboolean            is_error)
{
  lb_explore_set_note (self->status, text);
  if (is_error)
    {
      gtk_widget_remove_css_class (self->status, "dim-label");
      gtk_widget_add_css_class (self->status, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->status, "error");
      gtk_widget_add_css_class (self->status, "dim-label");
    }
}

static void
set_busy (LbCorrelationPanel *self,
          gboolean            busy)
{
  gtk_widget_set_visible (self->spinner, busy);
  if (busy)
    gtk_spinner_start (GTK_SPINNER (self->spinner));
  else
    gtk_spinner_stop (GTK_SPINNER (self->spinner));
}

/* Takes @result (may be NULL: the list is emptied). */
static void
show_correlations (LbCorrelationPanel *self,
                   Correlations       *result)
{
  GtkWidget *child;

  set_busy (self, FALSE);
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  g_clear_pointer (&self->correlations, correlations_free);
  self->correlations = result;
  if (result == NULL)
    return;

  for (guint i = 0; i < result->n; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *name = gtk_label_new (result->names[i]);
      g_autofree char *value_text = lb_explore_format_correlation (result->r[i]);
      GtkWidget *value = gtk_label_new (value_text);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_add_css_class (value, "monospace");
      gtk_widget_set_margin_start (row, 8);
      gtk_widget_set_margin_end (row, 8);
      gtk_widget_set_margin_top (row, 3);
      gtk_widget_set_margin_bottom (row, 3);
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), value);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
}

typedef struct
{
  GWeakRef panel;
  guint64  generation;
} CorrelationCall;

static void
correlation_done_cb (GObject      *source,
                     GAsyncResult *res,
                     gpointer      user_data)
{
  CorrelationCall *call = user_data;
  g_autoptr (LbCorrelationPanel) self = g_weak_ref_get (&call->panel);
  g_autoptr (GError) error = NULL;
  Correlations *result = lb_job_propagate_pointer (res, &error);

  if (self != NULL && lb_generation_is_current (&self->generation, call->generation))
    {
      show_correlations (self, result);
      if (result == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Could not compute the correlations: %s"),
                                                   error->message);
          set_status (self, text, TRUE);
        }
      else
        set_status (self, NULL, FALSE);
    }
  else
    correlations_free (result);

  g_weak_ref_clear (&call->panel);
  g_free (call);
}

static void
cancel_running (LbCorrelationPanel *self)
{
  lb_generation_next (&self->generation);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
}

static void
refresh_list (LbCorrelationPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) numeric = NULL;
  const char *target_name = lb_explore_dropdown_get_name (self->target_dropdown);
  int target = target_name != NULL ? lb_table_find_column (self->table, target_name) : -1;
  CorrelationTask *task;
  CorrelationCall *call;
  g_autoptr (LbJob) job = NULL;

  cancel_running (self);
  show_correlations (self, NULL);
  if (target < 0)
    {
      set_status (self, _("Choose a numeric target column."), FALSE);
      return;
    }

  numeric = lb_table_dup_numeric_columns (self->table);
  if ((guint64) lb_table_get_n_rows (self->table) * numeric->len <= SYNC_CELLS)
    {
      Correlations *result = compute_correlations (self->table, (guint) target, numeric, NULL, &error);

      show_correlations (self, result);
      if (result == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Could not compute the correlations: %s"),
                                                   error->message);
          set_status (self, text, TRUE);
        }
      else
        set_status (self, NULL, FALSE);
      return;
    }

  task = g_new0 (CorrelationTask, 1);
  task->table = lb_table_ref (self->table);
  task->target = (guint) target;
  task->columns = g_array_ref (numeric);
  call = g_new0 (CorrelationCall, 1);
  g_weak_ref_init (&call->panel, self);
  call->generation = self->generation.value;
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  set_status (self, _("Computing the correlations…"), FALSE);
  job = lb_job_new (_("Computing correlations"), NULL, self->cancellable, correlation_done_cb, call);
  lb_job_set_task_data (job, task, (GDestroyNotify) correlation_task_free);
  lb_job_run (job, correlation_job_func);
}

static void
target_changed_cb (LbCorrelationPanel *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
  if (self->table != NULL && !self->updating)
    refresh_list (self);
}

/* --- public API --- */

GtkWidget *
lb_correlation_panel_new (void)
{
  return g_object_new (LB_TYPE_CORRELATION_PANEL, NULL);
}

void
lb_correlation_panel_set_table (LbCorrelationPanel *self,
                                LbTable            *table,
                                gboolean            keep_target)
{
  g_autofree char *target = NULL;
  g_autofree const char **numeric = NULL;
  guint n = 0;

  g_return_if_fail (LB_IS_CORRELATION_PANEL (self));

  target = g_strdup (lb_explore_dropdown_get_name (self->target_dropdown));
  cancel_running (self);
  show_correlations (self, NULL);
  set_status (self, NULL, FALSE);
  if (table != NULL)
    lb_table_ref (table);
  g_clear_pointer (&self->table, lb_table_unref);
  self->table = table;

  if (table != NULL)
    numeric = lb_explore_column_names (table, TRUE, FALSE, &n);
  self->updating = TRUE;
  lb_explore_dropdown_set_names (self->target_dropdown, numeric, n, NULL);
  if (!(keep_target && lb_explore_dropdown_select (self->target_dropdown, target))
      && !lb_explore_dropdown_select (self->target_dropdown, "median_house_value")
      && n > 0)
    lb_explore_dropdown_select (self->target_dropdown, numeric[n - 1]);  /* usually the target */
  self->updating = FALSE;

  if (table == NULL)
    lb_chart_view_set_chart (LB_CHART_VIEW (self->chart_view), NULL);
}

void
lb_correlation_panel_refresh (LbCorrelationPanel *self)
{
  g_autofree const char **names = NULL;
  guint n;

  g_return_if_fail (LB_IS_CORRELATION_PANEL (self));

  if (self->table == NULL)
    return;

  names = lb_explore_column_names (self->table, TRUE, FALSE, &n);
  if (n < 2)
    {
      lb_chart_view_set_message (LB_CHART_VIEW (self->chart_view),
                                 _("Correlations need at least two numeric columns."));
    }
  else
    {
      LbExploreChart *request = lb_explore_chart_new (LB_EXPLORE_CORRELATION, self->table);

      /* The first ones; the list beside it has them all. */
      request->columns = g_new0 (char *, MIN (n, HEATMAP_MAX_COLUMNS) + 1);
      for (guint i = 0; i < MIN (n, HEATMAP_MAX_COLUMNS); i++)
        request->columns[i] = g_strdup (names[i]);
      lb_explore_chart_show (request, self->chart_view);
    }
  refresh_list (self);
}

gboolean
lb_correlation_panel_set_target (LbCorrelationPanel *self,
                                 const char         *target)
{
  g_return_val_if_fail (LB_IS_CORRELATION_PANEL (self), FALSE);
  return target != NULL && lb_explore_dropdown_select (self->target_dropdown, target);
}

const char *
lb_correlation_panel_get_target (LbCorrelationPanel *self)
{
  g_return_val_if_fail (LB_IS_CORRELATION_PANEL (self), NULL);
  return lb_explore_dropdown_get_name (self->target_dropdown);
}

LbChartView *
lb_correlation_panel_get_chart_view (LbCorrelationPanel *self)
{
  g_return_val_if_fail (LB_IS_CORRELATION_PANEL (self), NULL);
  return LB_CHART_VIEW (self->chart_view);
}

guint
lb_correlation_panel_get_n_correlations (LbCorrelationPanel *self)
{
  g_return_val_if_fail (LB_IS_CORRELATION_PANEL (self), 0);
  return self->correlations != NULL ? self->correlations->n : 0;
}

const char *
lb_correlation_panel_get_correlation (LbCorrelationPanel *self,
                                      guint               i,
                                      double             *r)
{
  g_return_val_if_fail (LB_IS_CORRELATION_PANEL (self), NULL);

  if (self->correlations == NULL || i >= self->correlations->n)
    return NULL;
  if (r != NULL)
    *r = self->correlations->r[i];
  return self->correlations->names[i];
}

/* --- GObject --- */

static void
lb_correlation_panel_dispose (GObject *object)
{
  LbCorrelationPanel *self = LB_CORRELATION_PANEL (object);

  lb_generation_next (&self->generation);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->paned, gtk_widget_unparent);

  G_OBJECT_CLASS (lb_correlation_panel_parent_class)->dispose (object);
}

static void
lb_correlation_panel_finalize (GObject *object)
{
  LbCorrelationPanel *self = LB_CORRELATION_PANEL (object);

  g_clear_pointer (&self->table, lb_table_unref);
  g_clear_pointer (&self->correlations, correlations_free);

  G_OBJECT_CLASS (lb_correlation_panel_parent_class)->finalize (object);
}

static void
lb_correlation_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LbCorrelationPanel *self = LB_CORRELATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_string (value, lb_correlation_panel_get_target (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_correlation_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LbCorrelationPanel *self = LB_CORRELATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      lb_correlation_panel_set_target (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_correlation_panel_class_init (LbCorrelationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_correlation_panel_dispose;
  object_class->finalize = lb_correlation_panel_finalize;
  object_class->get_property = lb_correlation_panel_get_property;
  object_class->set_property = lb_correlation_panel_set_property;

  /* The column the list correlates with (NULL when the table has none). */
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                 | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lbcorrelationpanel");
}

static void
lb_correlation_panel_init (LbCorrelationPanel *self)
{
  GtkWidget *panel = lb_explore_side_panel_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *status_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *explain;

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));

  self->chart_view = lb_chart_view_new ();
  self->target_dropdown = lb_explore_dropdown_new ();
  g_signal_connect_swapped (self->target_dropdown, "notify::selected",
                            G_CALLBACK (target_changed_cb), self);

  explain = gtk_label_new (_("Pearson's r of every numeric column with the target, "
                             "largest first: near 1 or −1 is a strong linear relation, "
                             "near 0 none (there may still be a non-linear one)."));
  gtk_label_set_wrap (GTK_LABEL (explain), TRUE);
  gtk_label_set_xalign (GTK_LABEL (explain), 0);
  gtk_widget_add_css_class (explain, "dim-label");

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  self->status = lb_explore_note_new ();
  gtk_box_append (GTK_BOX (status_row), self->spinner);
  gtk_box_append (GTK_BOX (status_row), self->status);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (panel), lb_explore_labelled (_("Correlation _with"), self->target_dropdown));
  gtk_box_append (GTK_BOX (panel), explain);
  gtk_box_append (GTK_BOX (panel), status_row);
  gtk_box_append (GTK_BOX (panel), scrolled);
  gtk_widget_set_size_request (panel, 280, -1);

  gtk_paned_set_start_child (GTK_PANED (self->paned), self->chart_view);
  gtk_paned_set_end_child (GTK_PANED (self->paned), panel);
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
}
