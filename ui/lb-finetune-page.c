/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-finetune-page.c: the checklist's "Fine-tune" step. The search space is
 * written into the workbench as the project's "search" and run by the
 * engine's project runner (lb_project_run_search), so the best parameters
 * and score equal `learnbench run`'s for the saved project; candidates
 * stream into the table from the fitting thread. The final evaluation
 * unseals the test set and scores the refit best pipeline with the same code
 * (lb_project_score_test), then computes the plots' curves in a job; the
 * threshold the learner drags is recomputed on the main thread from the
 * cached test scores. Results go to the workbench as "search" and "final".
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lb-blas.h"
#include "lb-finetune-charts.h"
#include "lb-finetune-page.h"
#include "lb-pipeline.h"
#include "lb-project-private.h"
#include "lb-project-run.h"
#include "lb-table-row.h"
#include "lb-ui-util.h"

#define MAX_CURVE_POINTS  400
#define MAX_STORED_POINTS 2000
#define TABLE_MAX_ROWS    200

enum
{
  VIEW_IMPORTANCES,
  VIEW_PREDICTION,
  VIEW_RESIDUALS,
  VIEW_CONFUSION,
  VIEW_ERRORS,
  VIEW_THRESHOLD,
  VIEW_PR,
  VIEW_ROC,
  N_VIEWS
};

enum
{
  SIGNAL_JOB_STARTED,
  SIGNAL_SEARCH_DONE,
  SIGNAL_EVALUATION_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One row of the search space: a parameter and its values (a JSON list) or,
 * for a randomized search, a distribution ({"uniform": [low, high]}). */
typedef struct
{
  char     *param;
  char     *text;
  JsonNode *value;
} SpaceRow;

static void
space_row_free (gpointer data)
{
  SpaceRow *row = data;

  g_free (row->param);
  g_free (row->text);
  g_clear_pointer (&row->value, json_node_unref);
  g_free (row);
}

/* A finished candidate as the table shows it. */
typedef struct
{
  guint  index;
  char  *params;   /* JSON text */
  double mean, std;
  guint  rank;     /* 0 while streaming (computed from the rows so far) */
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *c = data;

  if (c == NULL)
    return;   /* moved out of the stream's queue */
  g_free (c->params);
  g_free (c);
}

/* Candidates carried from the fitting thread to the main loop. */
typedef struct
{
  gatomicrefcount ref_count;
  GMutex          lock;
  GPtrArray      *pending;     /* (element-type Candidate) */
  gboolean        scheduled;
  GWeakRef        page;
  guint64         generation;
  char           *model;       /* the searched model's name */
} Stream;

static Stream *
stream_ref (Stream *stream)
{
  g_atomic_ref_count_inc (&stream->ref_count);
  return stream;
}

static void
stream_unref (Stream *stream)
{
  if (!g_atomic_ref_count_dec (&stream->ref_count))
    return;
  g_mutex_clear (&stream->lock);
  g_ptr_array_unref (stream->pending);
  g_weak_ref_clear (&stream->page);
  g_free (stream->model);
  g_free (stream);
}

/* What the search job hands back; kept for the final evaluation. */
typedef struct
{
  gatomicrefcount       ref_count;
  LbProject            *project;
  LbProjectData         data;
  LbEstimator          *prep;        /* unfitted, or NULL */
  LbMatrix             *X_prepared;
  LbProjectModelResult *m;           /* m->fitted: the refit best pipeline */
  JsonNode             *search;      /* the "search" result */
} Outcome;

static Outcome *
outcome_ref (Outcome *o)
{
  g_atomic_ref_count_inc (&o->ref_count);
  return o;
}

static void
outcome_unref (Outcome *o)
{
  if (o == NULL || !g_atomic_ref_count_dec (&o->ref_count))
    return;
  g_clear_pointer (&o->m, lb_project_model_result_free);
  lb_project_data_clear (&o->data);
  g_clear_object (&o->prep);
  g_clear_pointer (&o->X_prepared, lb_matrix_unref);
  g_clear_pointer (&o->search, json_node_unref);
  g_clear_pointer (&o->project, lb_project_unref);
  g_free (o);
}

/* What the final evaluation job hands back. */
typedef struct
{
  JsonNode *final;
  double   *y_true;    /* binary: 0 / 1 per test row */
  double   *scores;    /* binary: the positive class's score per test row */
  gsize     n;
  double    test_score, rmse_low, rmse_high;
} FinalOutcome;

static void
final_outcome_free (gpointer data)
{
  FinalOutcome *f = data;

  g_clear_pointer (&f->final, json_node_unref);
  g_free (f->y_true);
  g_free (f->scores);
  g_free (f);
}

struct _LbFinetunePage
{
  GtkWidget      parent_instance;

  LbWorkbench   *workbench;
  gulong         changed_id;
  guint          updating;

  GtkWidget     *scroll;
  GtkWidget     *banner;
  GtkWidget     *banner_label;
  GtkWidget     *model_dropdown;
  GtkStringList *model_names;
  GtkWidget     *kind_dropdown;
  GtkWidget     *n_iter_spin;
  GtkWidget     *param_dropdown;
  GtkStringList *param_names;
  GtkWidget     *values_entry;
  GtkWidget     *space_list;
  GtkWidget     *run_button;
  GtkWidget     *cancel_button;
  GtkWidget     *status_label;
  GtkWidget     *best_label;
  GtkWidget     *table_box;
  GListStore    *table_store;    /* (element-type LbTableRow) */
  GPtrArray     *sorted;         /* the candidates best first (borrowed) */
  GtkWidget     *evaluate_button;
  GtkWidget     *score_label;
  GtkWidget     *notebook;
  GtkWidget     *threshold_spin;
  GtkWidget     *threshold_label;
  LbChartView   *views[N_VIEWS];

  GPtrArray     *space;          /* (element-type SpaceRow) */
  GPtrArray     *candidates;     /* (element-type Candidate), as received */
  char          *scoring;        /* the search's scorer, for display */
  LbGeneration   generation;
  LbJob         *job;
  Stream        *stream;
  Outcome       *outcome;
  FinalOutcome  *final;          /* cached scores of the last evaluation, or NULL */
  double         threshold;
  guint          confusion[4];   /* tn, fp, fn, tp at the threshold */
  char          *error_text;
  char          *threshold_text;
  double         drag_start_x;
  double         area[4];        /* the threshold plot's box (x0, x1 as page fractions; wx0, wx1) */
  gboolean       has_area;
};

G_DEFINE_FINAL_TYPE (LbFinetunePage, lb_finetune_page, GTK_TYPE_WIDGET)

static void refresh_models   (LbFinetunePage *self);
static void refresh_params   (LbFinetunePage *self);
static void refresh_results  (LbFinetunePage *self);
static void update_buttons   (LbFinetunePage *self);
static void rebuild_table    (LbFinetunePage *self);
static JsonNode *keep_shortlist (LbFinetunePage *self);
static void restore_shortlist (LbFinetunePage *self,
                               JsonNode       *kept);

/* --- the banner --- */

static void
show_error (LbFinetunePage *self,
            const char     *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->banner_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->banner, message != NULL);
}

static void
banner_close_cb (GtkButton      *button,
                 LbFinetunePage *self)
{
  show_error (self, NULL);
}

/* --- small helpers --- */

static char *
format_score (const char *scoring,
              double      value)
{
  if (isnan (value))
    return g_strdup ("–");
  return g_strdup_printf ("%.6g", lb_finetune_display_score (scoring, value));
}

static char *
node_to_text (JsonNode *node)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

static JsonObject *
result_object (LbFinetunePage *self,
               const char     *key)
{
  JsonNode *node = lb_workbench_get_result (self->workbench, key);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
selected_string (GtkWidget *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));

  return item != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

static gboolean
select_string (GtkWidget     *dropdown,
               GtkStringList *list,
               const char    *value)
{
  for (guint i = 0; value != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), value) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_random (LbFinetunePage *self)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind_dropdown)) == 1;
}

/* The workbench's model object named @name, or NULL. */
static JsonObject *
find_model (LbFinetunePage *self,
            const char     *name)
{
  JsonArray *models = lb_workbench_get_models (self->workbench);

  for (guint i = 0; models != NULL && name != NULL && i < json_array_get_length (models); i++)
    {
      JsonObject *m = json_array_get_object_element (models, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (m, "name", NULL), name) == 0)
        return m;
    }
  return NULL;
}

/* --- values typed by the learner --- */

static JsonNode *
parse_scalar (const char *token)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  char *end = NULL;
  double v;

  if (g_ascii_strcasecmp (token, "true") == 0 || g_ascii_strcasecmp (token, "false") == 0)
    {
      json_node_set_boolean (node, g_ascii_strcasecmp (token, "true") == 0);
      return node;
    }
  if (g_ascii_strcasecmp (token, "null") == 0 || g_ascii_strcasecmp (token, "none") == 0)
    {
      json_node_init_null (node);
      return node;
    }
  v = g_ascii_strtod (token, &end);
  if (end != token && *end == '\0' && isfinite (v))
    {
      if (strpbrk (token, ".eE") == NULL && fabs (v) < 1e15)
        json_node_set_int (node, (gint64) v);
      else
        json_node_set_double (node, v);
      return node;
    }
  if ((token[0] == '"' || token[0] == '\'') && strlen (token) >= 2 && token[strlen (token) - 1] == token[0])
    {
      g_autofree char *inner = g_strndup (token + 1, strlen (token) - 2);

      json_node_set_string (node, inner);
      return node;
    }
  json_node_set_string (node, token);
  return node;
}

/* "0.1, 1, 10" → [0.1, 1, 10]; "loguniform(1e-3, 10)" → {"loguniform": [0.001, 10]}. */
static JsonNode *
parse_values (const char *text,
              gboolean    random,
              GError    **error)
{
  static const char * const dists[] = { "uniform", "loguniform", "randint", NULL };
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto (GStrv) tokens = NULL;
  JsonArray *array;
  JsonNode *node;

  if (*copy == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Type the values to try, separated by commas (e.g. 0.1, 1, 10)."));
      return NULL;
    }
  for (guint d = 0; dists[d] != NULL; d++)
    {
      gsize len = strlen (dists[d]);
      char *open, *end = NULL;
      double low, high;

      if (g_ascii_strncasecmp (copy, dists[d], len) != 0 || (copy[len] != '(' && copy[len] != ' '))
        continue;
      open = strchr (copy, '(');
      if (open == NULL || copy[strlen (copy) - 1] != ')')
        break;
      low = g_ascii_strtod (open + 1, &end);
      while (end != NULL && *end == ' ')
        end++;
      if (end == NULL || *end != ',')
        break;
      high = g_ascii_strtod (end + 1, &end);
      while (end != NULL && *end == ' ')
        end++;
      if (end == NULL || *end != ')')
        break;
      if (!random)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is a distribution: choose a randomized search, or type a list of values."), copy);
          return NULL;
        }
      {
        JsonObject *object = json_object_new ();
        JsonArray *range = json_array_new ();

        if (d == 2)
          {
            json_array_add_int_element (range, (gint64) low);
            json_array_add_int_element (range, (gint64) high);
          }
        else
          {
            json_array_add_double_element (range, low);
            json_array_add_double_element (range, high);
          }
        json_object_set_array_member (object, dists[d], range);
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
        return node;
      }
    }
  if (strchr (copy, '(') != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Cannot read “%s”: write uniform(low, high), loguniform(low, high) or randint(low, high)."), copy);
      return NULL;
    }
  tokens = g_strsplit (copy, ",", -1);
  array = json_array_new ();
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      char *token = g_strstrip (tokens[i]);

      if (*token == '\0')
        {
          json_array_unref (array);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Value %u of “%s” is empty."), i + 1, copy);
          return NULL;
        }
      json_array_add_element (array, parse_scalar (token));
    }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

/* --- the search space editor --- */

static void
remove_row_cb (GtkButton      *button,
               LbFinetunePage *self)
{
  const char *param = g_object_get_data (G_OBJECT (button), "param");

  for (guint i = 0; i < self->space->len; i++)
    {
      SpaceRow *row = g_ptr_array_index (self->space, i);

      if (g_strcmp0 (row->param, param) == 0)
        {
          g_ptr_array_remove_index (self->space, i);
          break;
        }
    }
  refresh_params (self);
}

static void
rebuild_space_list (LbFinetunePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->space_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->space_list), child);
  for (guint i = 0; i < self->space->len; i++)
    {
      SpaceRow *row = g_ptr_array_index (self->space, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *name = gtk_label_new (row->param);
      GtkWidget *values = gtk_label_new (row->text);
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_xalign (GTK_LABEL (values), 0);
      gtk_label_set_ellipsize (GTK_LABEL (values), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (values, TRUE);
      gtk_widget_set_tooltip_text (remove, _("Remove this parameter from the search"));
      g_object_set_data_full (G_OBJECT (remove), "param", g_strdup (row->param), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_row_cb), self);
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), values);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_list_box_append (GTK_LIST_BOX (self->space_list), box);
    }
  gtk_widget_set_visible (self->space_list, self->space->len > 0);
}

gboolean
lb_finetune_page_add_parameter (LbFinetunePage *self,
                                const char     *parameter,
                                const char     *values,
                                GError        **error)
{
  g_autoptr (GError) local = NULL;
  JsonNode *node;
  SpaceRow *row;

  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), FALSE);
  g_return_val_if_fail (parameter != NULL, FALSE);

  node = parse_values (values, is_random (self), &local);
  if (node == NULL)
    {
      show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  for (guint i = 0; i < self->space->len; i++)
    {
      SpaceRow *old = g_ptr_array_index (self->space, i);

      if (g_strcmp0 (old->param, parameter) == 0)
        {
          g_ptr_array_remove_index (self->space, i);
          break;
        }
    }
  row = g_new0 (SpaceRow, 1);
  row->param = g_strdup (parameter);
  row->text = g_strstrip (g_strdup (values));
  row->value = node;
  g_ptr_array_add (self->space, row);
  show_error (self, NULL);
  rebuild_space_list (self);
  update_buttons (self);
  return TRUE;
}

void
lb_finetune_page_clear_space (LbFinetunePage *self)
{
  g_return_if_fail (LB_IS_FINETUNE_PAGE (self));

  g_ptr_array_set_size (self->space, 0);
  rebuild_space_list (self);
  update_buttons (self);
}

static void
add_clicked_cb (GtkButton      *button,
                LbFinetunePage *self)
{
  const char *param = selected_string (self->param_dropdown);

  if (param == NULL)
    {
      show_error (self, _("Choose a parameter first."));
      return;
    }
  if (lb_finetune_page_add_parameter (self, param, gtk_editable_get_text (GTK_EDITABLE (self->values_entry)), NULL))
    gtk_editable_set_text (GTK_EDITABLE (self->values_entry), "");
}

static void
entry_activate_cb (GtkEntry       *entry,
                   LbFinetunePage *self)
{
  add_clicked_cb (NULL, self);
}

/* The scalar hyper-parameters of @estimator (name, params) with their blurbs. */
static void
add_estimator_params (GPtrArray  *names,
                      GPtrArray  *blurbs,
                      const char *estimator_name,
                      JsonObject *params,
                      const char *prefix)
{
  g_autoptr (LbEstimator) estimator = lb_estimator_new_by_name (estimator_name, NULL);
  g_autoptr (JsonNode) all = NULL;
  g_autoptr (GList) members = NULL;

  if (estimator == NULL)
    return;
  if (params != NULL)
    {
      g_autoptr (GList) given = json_object_get_members (params);

      for (GList *l = given; l != NULL; l = l->next)
        lb_estimator_set_param (estimator, l->data, json_object_get_member (params, l->data), NULL);
    }
  all = lb_estimator_get_params (estimator);
  if (all == NULL || !JSON_NODE_HOLDS_OBJECT (all))
    return;
  members = json_object_get_members (json_node_get_object (all));
  members = g_list_sort (members, (GCompareFunc) g_strcmp0);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (json_node_get_object (all), l->data);
      g_autofree char *canon = g_strdelimit (g_strdup (l->data), "_", '-');
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (estimator), canon);

      if (!JSON_NODE_HOLDS_VALUE (value) && !JSON_NODE_HOLDS_NULL (value))
        continue;   /* nested estimators, lists */
      g_ptr_array_add (names, g_strconcat (prefix, l->data, NULL));
      g_ptr_array_add (blurbs, g_strdup (pspec != NULL ? g_param_spec_get_blurb (pspec) : NULL));
    }
}

/* The parameters offered: the chosen model's, then the preparation's. */
static void
list_parameters (LbFinetunePage *self,
                 GPtrArray      *names,
                 GPtrArray      *blurbs)
{
  JsonObject *model = find_model (self, lb_finetune_page_get_model (self));
  JsonObject *pipeline = lb_workbench_get_pipeline (self->workbench);
  JsonArray *groups = pipeline != NULL && json_object_has_member (pipeline, "groups")
                      ? json_object_get_array_member (pipeline, "groups") : NULL;

  if (model != NULL)
    add_estimator_params (names, blurbs, json_object_get_string_member_with_default (model, "estimator", ""),
                          json_object_has_member (model, "params")
                          ? json_object_get_object_member (model, "params") : NULL, "");
  for (guint g = 0; groups != NULL && g < json_array_get_length (groups); g++)
    {
      JsonObject *group = json_array_get_object_element (groups, g);
      JsonArray *steps = json_object_has_member (group, "steps") ? json_object_get_array_member (group, "steps") : NULL;

      for (guint s = 0; steps != NULL && s < json_array_get_length (steps); s++)
        {
          JsonObject *step = json_array_get_object_element (steps, s);
          g_autofree char *prefix = g_strdup_printf ("prep.%s.%s.",
                                                     json_object_get_string_member_with_default (group, "name", "?"),
                                                     json_object_get_string_member_with_default (step, "name", "?"));

          add_estimator_params (names, blurbs, json_object_get_string_member_with_default (step, "estimator", ""),
                                json_object_has_member (step, "params")
                                ? json_object_get_object_member (step, "params") : NULL, prefix);
        }
    }
}

char **
lb_finetune_page_dup_parameters (LbFinetunePage *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GPtrArray) blurbs = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), NULL);
  list_parameters (self, names, blurbs);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_steal (names, NULL);
}

static void
param_selected_cb (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   LbFinetunePage *self)
{
  GPtrArray *blurbs = g_object_get_data (G_OBJECT (dropdown), "blurbs");
  guint selected = gtk_drop_down_get_selected (dropdown);
  /* no parameters yet (an empty project): no blurb */
  const char *blurb = blurbs != NULL && selected < blurbs->len ? g_ptr_array_index (blurbs, selected) : NULL;

  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), blurb);
}

static void
refresh_params (LbFinetunePage *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *blurbs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *previous = g_strdup (selected_string (self->param_dropdown));

  list_parameters (self, names, blurbs);
  g_ptr_array_add (names, NULL);
  g_object_set_data_full (G_OBJECT (self->param_dropdown), "blurbs", blurbs, (GDestroyNotify) g_ptr_array_unref);
  gtk_string_list_splice (self->param_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->param_names)),
                          (const char * const *) names->pdata);
  if (!select_string (self->param_dropdown, self->param_names, previous) && names->len > 1)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->param_dropdown), 0);
  param_selected_cb (GTK_DROP_DOWN (self->param_dropdown), NULL, self);
  rebuild_space_list (self);
  update_buttons (self);
}

/* --- models --- */

const char *
lb_finetune_page_get_model (LbFinetunePage *self)
{
  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), NULL);
  return selected_string (self->model_dropdown);
}

gboolean
lb_finetune_page_set_model (LbFinetunePage *self,
                            const char     *name)
{
  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), FALSE);
  if (!select_string (self->model_dropdown, self->model_names, name))
    return FALSE;
  refresh_params (self);
  return TRUE;
}

static void
model_selected_cb (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   LbFinetunePage *self)
{
  if (self->updating > 0)
    return;
  /* another model's parameters do not apply */
  g_ptr_array_set_size (self->space, 0);
  refresh_params (self);
}

static void
refresh_models (LbFinetunePage *self)
{
  JsonArray *models = lb_workbench_get_models (self->workbench);
  JsonObject *search = lb_workbench_get_search (self->workbench);
  g_autofree char *previous = g_strdup (selected_string (self->model_dropdown));
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; models != NULL && i < json_array_get_length (models); i++)
    g_ptr_array_add (names, (gpointer) json_object_get_string_member_with_default (
                       json_array_get_object_element (models, i), "name", "?"));
  g_ptr_array_add (names, NULL);
  self->updating++;
  gtk_string_list_splice (self->model_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model_names)),
                          (const char * const *) names->pdata);
  if (!select_string (self->model_dropdown, self->model_names, previous)
      && !(search != NULL && select_string (self->model_dropdown, self->model_names,
                                            json_object_get_string_member_with_default (search, "model", NULL))))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->model_dropdown), 0);
  self->updating--;
  refresh_params (self);
}

/* A value as the learner typed it: 0.1 (not 0.10000000000000001), median, true. */
static void
append_value (GString  *out,
              JsonNode *v)
{
  if (JSON_NODE_HOLDS_NULL (v))
    g_string_append (out, "null");
  else if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
    g_string_append (out, json_node_get_string (v));
  else if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (v) ? "true" : "false");
  else if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (v));
  else if (JSON_NODE_HOLDS_VALUE (v))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      /* the shortest text that reads back as the same double */
      g_ascii_formatd (buf, sizeof buf, "%.15g", json_node_get_double (v));
      if (g_ascii_strtod (buf, NULL) != json_node_get_double (v))
        g_ascii_dtostr (buf, sizeof buf, json_node_get_double (v));
      g_string_append (out, buf);
    }
  else
    {
      g_autofree char *text = node_to_text (v);

      g_string_append (out, text);
    }
}

/* A space row's value list ("0.1, 1, 10") or distribution ("loguniform(0.01, 10)"). */
static char *
space_text (JsonNode *value)
{
  GString *out = g_string_new (NULL);

  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_value (out, json_array_get_element (array, i));
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (value) && json_object_get_size (json_node_get_object (value)) == 1)
    {
      g_autoptr (GList) members = json_object_get_members (json_node_get_object (value));
      JsonNode *range = json_object_get_member (json_node_get_object (value), members->data);

      g_string_append_printf (out, "%s(", (const char *) members->data);
      for (guint i = 0; JSON_NODE_HOLDS_ARRAY (range) && i < json_array_get_length (json_node_get_array (range)); i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_value (out, json_array_get_element (json_node_get_array (range), i));
        }
      g_string_append_c (out, ')');
    }
  else
    append_value (out, value);
  return g_string_free (out, FALSE);
}

/* The space of the workbench's saved search (a reopened project). */
static void
load_saved_search (LbFinetunePage *self)
{
  JsonObject *search = lb_workbench_get_search (self->workbench);
  gboolean random;
  JsonObject *space = NULL;
  g_autoptr (GList) members = NULL;

  if (search == NULL)
    return;
  random = g_strcmp0 (json_object_get_string_member_with_default (search, "kind", "grid"), "random") == 0;
  self->updating++;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind_dropdown), random ? 1 : 0);
  if (json_object_has_member (search, "n_iter"))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->n_iter_spin), json_object_get_int_member (search, "n_iter"));
  select_string (self->model_dropdown, self->model_names, json_object_get_string_member_with_default (search, "model", NULL));
  self->updating--;
  if (random && json_object_has_member (search, "distributions"))
    space = json_object_get_object_member (search, "distributions");
  else if (!random && json_object_has_member (search, "grid"))
    {
      JsonNode *grid = json_object_get_member (search, "grid");

      if (JSON_NODE_HOLDS_OBJECT (grid))
        space = json_node_get_object (grid);
      else if (JSON_NODE_HOLDS_ARRAY (grid) && json_array_get_length (json_node_get_array (grid)) > 0)
        space = json_array_get_object_element (json_node_get_array (grid), 0);
    }
  g_ptr_array_set_size (self->space, 0);
  if (space != NULL)
    members = json_object_get_members (space);
  for (GList *l = members; l != NULL; l = l->next)
    {
      SpaceRow *row = g_new0 (SpaceRow, 1);
      JsonNode *value = json_object_get_member (space, l->data);

      row->param = g_strdup (l->data);
      row->value = json_node_copy (value);
      row->text = space_text (value);
      g_ptr_array_add (self->space, row);
    }
  refresh_params (self);
}

/* --- the candidates table --- */

static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const Candidate *ca = *(Candidate * const *) a, *cb = *(Candidate * const *) b;
  const char *scoring = user_data;
  double sa = lb_finetune_display_score (scoring, ca->mean), sb = lb_finetune_display_score (scoring, cb->mean);
  gboolean lower_better = scoring != NULL && (g_str_has_prefix (scoring, "neg_") || !lb_scoring_greater_is_better (scoring));

  if (ca->rank != 0 && cb->rank != 0 && ca->rank != cb->rank)
    return ca->rank < cb->rank ? -1 : 1;
  if (isnan (sa) != isnan (sb))
    return isnan (sa) ? 1 : -1;
  if (sa != sb && !isnan (sa))
    return (lower_better ? sa < sb : sa > sb) ? -1 : 1;
  return ca->index < cb->index ? -1 : ca->index > cb->index;
}

/* The table: a column view over LbTableRow indices into self->sorted; a
 * refresh re-sorts and replaces the rows (GTK rebinds the visible ones, a
 * few milliseconds however long the search). */
static char *
cell_text (LbFinetunePage *self,
           guint           row,
           guint           column)
{
  Candidate *c;

  if (row >= self->sorted->len)
    return g_strdup ("");
  c = g_ptr_array_index (self->sorted, row);
  switch (column)
    {
    case 0:
      return g_strdup_printf ("%u", c->rank != 0 ? c->rank : row + 1);
    case 1:
      return format_score (self->scoring, c->mean);
    case 2:
      return isnan (c->std) ? g_strdup ("–") : g_strdup_printf ("%.4g", c->std);
    default:
      return g_strdup (c->params);
    }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column < 3 ? 1.0 : 0.0);
  if (column == 3)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LbFinetunePage           *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  LbTableRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = cell_text (self, lb_table_row_get_index (row), column);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == 3)
    gtk_widget_set_tooltip_text (label, text);
}

static GtkWidget *
table_new (LbFinetunePage *self)
{
  static const char * const titles[] = { N_("Rank"), N_("Mean score"), N_("Std"), N_("Parameters") };
  /* narrow number columns: the parameters need the room ("max_features = 6, n_estimators = 10") */
  static const int widths[] = { 48, 96, 72, -1 };
  GtkSingleSelection *selection;
  GtkWidget *view, *scrolled;

  self->table_store = g_list_store_new (LB_TYPE_TABLE_ROW);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->table_store)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  gtk_widget_add_css_class (view, "data-table");
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      column = gtk_column_view_column_new (_(titles[c]), factory);
      if (widths[c] > 0)
        gtk_column_view_column_set_fixed_width (column, widths[c]);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, -1, 300);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void
rebuild_table (LbFinetunePage *self)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) before = g_ptr_array_copy (self->sorted, NULL, NULL);
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->table_store));
  guint n, first = 0;

  g_ptr_array_set_size (self->sorted, 0);
  for (guint i = 0; i < self->candidates->len; i++)
    g_ptr_array_add (self->sorted, g_ptr_array_index (self->candidates, i));
  g_ptr_array_sort_with_data (self->sorted, compare_candidates, self->scoring);
  n = MIN (self->sorted->len, TABLE_MAX_ROWS);
  /* only the rows from the first that changed are rebound */
  while (first < n && first < old && first < before->len
         && g_ptr_array_index (before, first) == g_ptr_array_index (self->sorted, first))
    first++;
  for (guint i = first; i < n; i++)
    g_ptr_array_add (rows, lb_table_row_new (i));
  g_list_store_splice (self->table_store, first, old - MIN (first, old), rows->pdata, rows->len);
}

static gboolean
stream_flush (gpointer user_data)
{
  Stream *stream = user_data;
  g_autoptr (LbFinetunePage) self = g_weak_ref_get (&stream->page);
  g_autoptr (GPtrArray) got = NULL;

  g_mutex_lock (&stream->lock);
  got = g_steal_pointer (&stream->pending);
  stream->pending = g_ptr_array_new_with_free_func (candidate_free);
  stream->scheduled = FALSE;
  g_mutex_unlock (&stream->lock);
  if (self == NULL || !lb_generation_is_current (&self->generation, stream->generation))
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < got->len; i++)
    g_ptr_array_add (self->candidates, g_steal_pointer (&got->pdata[i]));
  rebuild_table (self);
  return G_SOURCE_REMOVE;
}

/* The job ended: what the stream still holds goes to the table now, and
 * the stream is retired (a flush still pending finds it stale). */
static void
stream_drain (LbFinetunePage *self)
{
  Stream *stream = self->stream;

  if (stream == NULL)
    return;
  g_mutex_lock (&stream->lock);
  for (guint i = 0; i < stream->pending->len; i++)
    g_ptr_array_add (self->candidates, g_steal_pointer (&stream->pending->pdata[i]));
  g_ptr_array_set_size (stream->pending, 0);
  stream->generation = 0;   /* never current: generations start at 1 */
  g_mutex_unlock (&stream->lock);
  g_clear_pointer (&self->stream, stream_unref);
}

/* On the fitting thread. */
static void
on_candidate (const LbSearchCandidate *candidate,
              gpointer                 user_data)
{
  Stream *stream = user_data;
  Candidate *c = g_new0 (Candidate, 1);
  gboolean schedule;

  c->index = candidate->index;
  c->params = lb_finetune_format_params (candidate->params, stream->model);
  c->mean = candidate->mean_test;
  c->std = candidate->std_test;
  g_mutex_lock (&stream->lock);
  g_ptr_array_add (stream->pending, c);
  schedule = !stream->scheduled;
  stream->scheduled = TRUE;
  g_mutex_unlock (&stream->lock);
  if (schedule)   /* a burst of candidates costs one refresh */
    g_timeout_add_full (G_PRIORITY_DEFAULT, 100, stream_flush, stream_ref (stream), (GDestroyNotify) stream_unref);
}

/* --- the search job --- */

typedef struct
{
  LbWorkbench *workbench;
  LbProject   *project;
  Stream      *stream;
} SearchTask;

static void
search_task_free (gpointer data)
{
  SearchTask *t = data;

  g_clear_object (&t->workbench);
  g_clear_pointer (&t->project, lb_project_unref);
  g_clear_pointer (&t->stream, stream_unref);
  g_free (t);
}

static void
forward_event (const LbFitEvent *event,
               gpointer          user_data)
{
  if (event->fraction >= 0 || event->message != NULL)
    lb_job_report_progress (user_data, event->fraction, event->message);
}

static LbFitContext *
job_context (LbJob        *job,
             LbProject    *project,
             GCancellable *cancellable)
{
  LbFitContext *ctx = lb_fit_context_new ();

  lb_fit_context_set_seed (ctx, project->seed);
  lb_fit_context_set_cancellable (ctx, cancellable);
  lb_fit_context_set_n_threads (ctx, lb_job_runner_get_max_threads ());
  lb_fit_context_set_event_func (ctx, forward_event, job, NULL);
  return ctx;
}

/* The model inside a fitted pipeline (Pipeline(prep, model) or the model). */
static LbEstimator *
final_step (LbEstimator *fitted)
{
  if (LB_IS_PIPELINE (fitted))
    return lb_pipeline_get_final_step (LB_PIPELINE (fitted));
  return fitted;
}

/* The names of the model's input columns (the prepared features). */
static char **
prepared_names (Outcome *o)
{
  LbMatrix *X = o->data.X_train;
  const char * const *names_in = lb_matrix_get_column_names (X);
  g_autoptr (GStrvBuilder) builder = NULL;

  if (LB_IS_PIPELINE (o->m->fitted) && lb_pipeline_get_n_steps (LB_PIPELINE (o->m->fitted)) > 1)
    {
      LbEstimator *prep = lb_pipeline_get_step (LB_PIPELINE (o->m->fitted), 0);
      char **out = lb_estimator_get_feature_names_out (prep, names_in, lb_matrix_get_n_cols (X));

      if (out != NULL)
        return out;
      X = o->X_prepared;
    }
  builder = g_strv_builder_new ();
  for (guint c = 0; c < lb_matrix_get_n_cols (X); c++)
    {
      const char *name = lb_matrix_get_column_name (X, c);
      g_autofree char *fallback = g_strdup_printf ("x%u", c);

      g_strv_builder_add (builder, name != NULL ? name : fallback);
    }
  return g_strv_builder_end (builder);
}

/* {"kind": "feature_importances" | "coefficients", "names", "values"} or NULL. */
static JsonObject *
make_importances (Outcome *o)
{
  g_autoptr (JsonNode) state = lb_estimator_describe_state (final_step (o->m->fitted));
  g_auto (GStrv) names = NULL;
  JsonObject *object, *imp;
  JsonNode *values = NULL;
  const char *kind = NULL;
  JsonArray *names_array;

  if (state == NULL || !JSON_NODE_HOLDS_OBJECT (state))
    return NULL;
  object = json_node_get_object (state);
  if (json_object_has_member (object, "feature_importances_"))
    {
      values = json_object_get_member (object, "feature_importances_");
      kind = "feature_importances";
    }
  else if (json_object_has_member (object, "coef_") || json_object_has_member (object, "coef"))
    {
      /* the models' states name it "coef" (flat) or "coef_" */
      values = json_object_get_member (object, json_object_has_member (object, "coef_") ? "coef_" : "coef");
      kind = "coefficients";
      /* one row of a 2-D coef_ (a binary classifier); several rows: none */
      if (JSON_NODE_HOLDS_ARRAY (values) && json_array_get_length (json_node_get_array (values)) > 0
          && JSON_NODE_HOLDS_ARRAY (json_array_get_element (json_node_get_array (values), 0)))
        {
          if (json_array_get_length (json_node_get_array (values)) != 1)
            return NULL;
          values = json_array_get_element (json_node_get_array (values), 0);
        }
    }
  if (values == NULL || !JSON_NODE_HOLDS_ARRAY (values))
    return NULL;
  names = prepared_names (o);
  if (names == NULL || g_strv_length (names) != json_array_get_length (json_node_get_array (values)))
    return NULL;
  imp = json_object_new ();
  json_object_set_string_member (imp, "kind", kind);
  names_array = json_array_new ();
  for (guint i = 0; names[i] != NULL; i++)
    json_array_add_string_element (names_array, names[i]);
  json_object_set_array_member (imp, "names", names_array);
  json_object_set_member (imp, "values", json_node_copy (values));
  return imp;
}

/* The "search" result: settings, best, candidates sorted by rank, importances. */
static JsonNode *
make_search_result (Outcome *o)
{
  const LbProjectSearch *search = &o->project->search;
  JsonObject *root = json_object_new ();
  JsonObject *cv = json_node_get_object (o->m->cv_results);
  JsonArray *params = json_object_get_array_member (cv, "params");
  JsonArray *means = json_object_get_array_member (cv, "mean_test_score");
  JsonArray *stds = json_object_get_array_member (cv, "std_test_score");
  JsonArray *ranks = json_object_get_array_member (cv, "rank_test_score");
  g_autofree guint *order = g_new (guint, MAX (json_array_get_length (params), 1));
  guint n = json_array_get_length (params);
  JsonArray *candidates = json_array_new ();
  JsonObject *imp;
  JsonNode *node;

  json_object_set_string_member (root, "model", o->m->name);
  json_object_set_string_member (root, "estimator", o->m->estimator);
  json_object_set_string_member (root, "kind", search->kind == LB_PROJECT_SEARCH_RANDOM ? "random" : "grid");
  json_object_set_string_member (root, "scoring", search->scoring != NULL ? search->scoring : o->m->scoring);
  json_object_set_member (root, "best_params", json_node_copy (o->m->best_params));
  json_object_set_double_member (root, "best_score", o->m->best_score);
  json_object_set_double_member (root, "train_score", o->m->train_score);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  /* by rank, ties in listing order (insertion sort: a few hundred at most) */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && json_array_get_int_element (ranks, order[j]) < json_array_get_int_element (ranks, order[j - 1]); j--)
      {
        guint t = order[j];

        order[j] = order[j - 1];
        order[j - 1] = t;
      }
  for (guint i = 0; i < n; i++)
    {
      JsonObject *c = json_object_new ();

      json_object_set_member (c, "params", json_node_copy (json_array_get_element (params, order[i])));
      json_object_set_member (c, "mean", json_node_copy (json_array_get_element (means, order[i])));
      json_object_set_member (c, "std", json_node_copy (json_array_get_element (stds, order[i])));
      json_object_set_int_member (c, "rank", json_array_get_int_element (ranks, order[i]));
      json_array_add_object_element (candidates, c);
    }
  json_object_set_array_member (root, "candidates", candidates);
  imp = make_importances (o);
  if (imp != NULL)
    json_object_set_object_member (root, "importances", imp);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}

static void
search_job (LbJob        *job,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SearchTask *t = task_data;
  g_autoptr (LbFitContext) ctx = job_context (job, t->project, cancellable);
  g_autoptr (LbBlasLimit) blas = lb_blas_limit_push (lb_fit_context_get_n_threads (ctx));
  Outcome *o = g_new0 (Outcome, 1);
  GError *error = NULL;

  g_atomic_ref_count_init (&o->ref_count);
  o->project = lb_project_ref (t->project);
  lb_job_report_progress (job, 0.0, _("Preparing the data"));
  if (!lb_workbench_prepare_data (t->workbench, t->project, &o->data, cancellable, &error))
    goto fail;
  o->prep = lb_project_build_preparation (t->project, &o->data, &error);
  if (o->prep == NULL && error != NULL)
    goto fail;
  o->X_prepared = lb_project_fit_preparation (o->prep, &o->data, ctx, &error);
  if (o->X_prepared == NULL)
    goto fail;
  o->m = lb_project_run_search (t->project, &o->data, o->prep, o->X_prepared, LB_PROJECT_PART_NO_CV,
                                on_candidate, t->stream, ctx, &error);
  if (o->m == NULL)
    goto fail;
  o->search = make_search_result (o);
  lb_job_return_pointer (job, o, (GDestroyNotify) outcome_unref);
  return;

fail:
  outcome_unref (o);
  lb_job_return_error (job, error);
}

typedef struct
{
  GWeakRef page;
  guint64  generation;
} JobCallback;

static JobCallback *
job_callback_new (LbFinetunePage *self)
{
  JobCallback *cb = g_new0 (JobCallback, 1);

  g_weak_ref_init (&cb->page, self);
  cb->generation = self->generation.value;
  return cb;
}

static void
job_callback_free (JobCallback *cb)
{
  g_weak_ref_clear (&cb->page);
  g_free (cb);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  JobCallback *cb = user_data;
  g_autoptr (LbFinetunePage) self = g_weak_ref_get (&cb->page);
  g_autoptr (GError) error = NULL;
  Outcome *o = lb_job_propagate_pointer (result, &error);
  gboolean current = self != NULL && lb_generation_is_current (&self->generation, cb->generation);

  job_callback_free (cb);
  if (!current)
    {
      outcome_unref (o);
      return;
    }
  g_clear_object (&self->job);
  stream_drain (self);
  if (o == NULL)
    {
      rebuild_table (self);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (GTK_LABEL (self->status_label),
                            _("Cancelled: the candidates finished so far stay in the table."));
      else
        {
          gtk_label_set_text (GTK_LABEL (self->status_label), "");
          show_error (self, error->message);
        }
      update_buttons (self);
      g_signal_emit (self, signals[SIGNAL_SEARCH_DONE], 0, FALSE);
      return;
    }
  outcome_unref (self->outcome);
  self->outcome = o;
  gtk_label_set_text (GTK_LABEL (self->status_label), "");
  self->updating++;
  lb_workbench_set_result (self->workbench, "search", o->search);
  self->updating--;
  refresh_results (self);
  update_buttons (self);
  g_signal_emit (self, signals[SIGNAL_SEARCH_DONE], 0, TRUE);
}

/* The project "search" object of the editor's state. */
static JsonObject *
make_search_object (LbFinetunePage *self,
                    GError        **error)
{
  JsonObject *search, *space;
  const char *model = lb_finetune_page_get_model (self);
  gboolean random = is_random (self);

  if (model == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Shortlist a model first (in “Shortlist models”)."));
      return NULL;
    }
  if (self->space->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Add at least one parameter with the values to try."));
      return NULL;
    }
  search = json_object_new ();
  space = json_object_new ();
  json_object_set_string_member (search, "model", model);
  json_object_set_string_member (search, "kind", random ? "random" : "grid");
  for (guint i = 0; i < self->space->len; i++)
    {
      SpaceRow *row = g_ptr_array_index (self->space, i);

      if (!random && !JSON_NODE_HOLDS_ARRAY (row->value))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” has a distribution: a grid search needs a list of values."), row->param);
          json_object_unref (space);
          json_object_unref (search);
          return NULL;
        }
      json_object_set_member (space, row->param, json_node_copy (row->value));
    }
  json_object_set_object_member (search, random ? "distributions" : "grid", space);
  if (random)
    json_object_set_int_member (search, "n_iter",
                                gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->n_iter_spin)));
  return search;
}

static void
clear_results (LbFinetunePage *self)
{
  self->has_area = FALSE;
  g_clear_pointer (&self->outcome, outcome_unref);
  g_clear_pointer (&self->final, final_outcome_free);
  g_ptr_array_set_size (self->sorted, 0);
  g_ptr_array_set_size (self->candidates, 0);
}

gboolean
lb_finetune_page_run_search (LbFinetunePage *self,
                             GError        **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (JsonObject) search = NULL;
  g_autoptr (LbProject) project = NULL;
  g_autofree char *title = NULL;
  SearchTask *task;
  Stream *stream;

  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), FALSE);

  if (self->job != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("A job of this page is running."));
      return FALSE;
    }
  search = make_search_object (self, &local);
  if (search != NULL)
    {
      JsonObject *previous = lb_workbench_get_search (self->workbench);
      g_autoptr (JsonObject) kept = previous != NULL ? json_object_ref (previous) : NULL;

      self->updating++;
      lb_workbench_set_search (self->workbench, search);
      project = lb_workbench_build_project (self->workbench, &local);
      /* a search the project file would refuse is not kept: the saved
       * project must still load in `learnbench run` */
      if (project == NULL)
        lb_workbench_set_search (self->workbench, kept);
      self->updating--;
    }
  if (project == NULL)
    {
      show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  show_error (self, NULL);
  clear_results (self);
  self->updating++;
  lb_workbench_set_result (self->workbench, "search", NULL);
  lb_workbench_set_result (self->workbench, "final", NULL);
  self->updating--;
  lb_generation_next (&self->generation);
  g_free (self->scoring);
  self->scoring = g_strdup (project->search.scoring != NULL ? project->search.scoring : project->scoring);
  refresh_results (self);

  stream = g_new0 (Stream, 1);
  g_atomic_ref_count_init (&stream->ref_count);
  g_mutex_init (&stream->lock);
  stream->pending = g_ptr_array_new_with_free_func (candidate_free);
  g_weak_ref_init (&stream->page, self);
  stream->generation = self->generation.value;
  stream->model = g_strdup (project->search.model);
  g_clear_pointer (&self->stream, stream_unref);
  self->stream = stream;

  task = g_new0 (SearchTask, 1);
  task->workbench = g_object_ref (self->workbench);
  task->project = lb_project_ref (project);
  task->stream = stream_ref (stream);
  title = g_strdup_printf (_("Searching %s"), project->search.model);
  self->job = lb_job_new (title, NULL, NULL, search_done_cb, job_callback_new (self));
  lb_job_set_task_data (self->job, task, search_task_free);
  g_object_ref (self->job);
  lb_job_run (self->job, search_job);
  gtk_label_set_text (GTK_LABEL (self->status_label), _("Searching…"));
  update_buttons (self);
  lb_workbench_track_job (self->workbench, self->job);
  g_signal_emit (self, signals[SIGNAL_JOB_STARTED], 0, self->job);
  return TRUE;
}

void
lb_finetune_page_cancel (LbFinetunePage *self)
{
  g_return_if_fail (LB_IS_FINETUNE_PAGE (self));
  if (self->job != NULL)
    lb_job_cancel (self->job);
}

gboolean
lb_finetune_page_is_running (LbFinetunePage *self)
{
  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), FALSE);
  return self->job != NULL;
}

static void
run_clicked_cb (GtkButton      *button,
                LbFinetunePage *self)
{
  lb_finetune_page_run_search (self, NULL);
}

static void
cancel_clicked_cb (GtkButton      *button,
                   LbFinetunePage *self)
{
  lb_finetune_page_cancel (self);
}

/* --- the final evaluation --- */

typedef struct
{
  Outcome *outcome;
  LbTask   task;
  char    *target;
} EvalTask;

static void
eval_task_free (gpointer data)
{
  EvalTask *t = data;

  outcome_unref (t->outcome);
  g_free (t->target);
  g_free (t);
}

/* At most @max evenly spaced indices of 0..n-1, the first and the last kept. */
static JsonArray *
thin (const double *values,
      gsize         n,
      gsize         stride,
      gsize         max)
{
  JsonArray *array = json_array_new ();
  double step = n > max ? (double) (n - 1) / (max - 1) : 1.0;
  gsize count = n > max ? max : n;

  for (gsize k = 0; k < count; k++)
    {
      gsize i = n > max ? (gsize) llround (k * step) : k;
      double v = values[i * stride];

      if (isfinite (v))
        json_array_add_double_element (array, v);
      else
        json_array_add_null_element (array);
    }
  return array;
}

/* The positive class's score of each row: the decision function, else P(1). */
static double *
binary_scores (LbEstimator *fitted,
               LbMatrix    *X,
               const char **kind,
               GError     **error)
{
  g_autoptr (LbMatrix) scores = NULL;
  gsize n = lb_matrix_get_n_rows (X);
  double *out;
  gsize col;

  scores = lb_estimator_decision_function (fitted, X, NULL);
  *kind = "decision_function";
  if (scores == NULL)
    {
      scores = lb_estimator_predict_proba (fitted, X, error);
      *kind = "predict_proba";
      if (scores == NULL)
        return NULL;
    }
  col = lb_matrix_get_n_cols (scores) >= 2 ? 1 : 0;
  out = g_new (double, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    out[i] = lb_matrix_get_const_data (scores)[i * lb_matrix_get_n_cols (scores) + col];
  return out;
}

static JsonObject *
roc_entry (const char   *model,
           const double *y_true,
           const double *scores,
           gsize         n,
           GError      **error)
{
  g_autoptr (LbMatrix) curve = lb_roc_curve (y_true, scores, n, TRUE, error);
  JsonObject *roc;
  double auc;

  if (curve == NULL)
    return NULL;
  auc = lb_roc_auc_score (y_true, scores, n, error);
  if (isnan (auc))
    return NULL;
  roc = json_object_new ();
  json_object_set_string_member (roc, "model", model);
  json_object_set_double_member (roc, "auc", auc);
  json_object_set_array_member (roc, "fpr", thin (lb_matrix_get_const_data (curve), lb_matrix_get_n_rows (curve), 3, MAX_CURVE_POINTS));
  json_object_set_array_member (roc, "tpr", thin (lb_matrix_get_const_data (curve) + 1, lb_matrix_get_n_rows (curve), 3, MAX_CURVE_POINTS));
  return roc;
}

static gboolean
evaluate_binary (EvalTask     *t,
                 FinalOutcome *f,
                 JsonObject   *final,
                 LbFitContext *ctx,
                 GError      **error)
{
  Outcome *o = t->outcome;
  LbMatrix *X_test = o->data.X_test;
  const double *y = lb_matrix_get_const_data (o->data.y_test);
  g_autoptr (LbMatrix) pr = NULL;
  JsonObject *curve, *pr_curve;
  JsonArray *rocs;
  const char *kind;
  gsize m;

  f->n = lb_matrix_get_n_rows (X_test);
  f->y_true = g_new (double, MAX (f->n, 1));
  for (gsize i = 0; i < f->n; i++)
    f->y_true[i] = y[i] == 1.0 ? 1.0 : 0.0;
  f->scores = binary_scores (o->m->fitted, X_test, &kind, error);
  if (f->scores == NULL)
    return FALSE;
  json_object_set_string_member (final, "score_kind", kind);
  json_object_set_double_member (final, "threshold_default", strcmp (kind, "predict_proba") == 0 ? 0.5 : 0.0);

  pr = lb_precision_recall_curve (f->y_true, f->scores, f->n, error);
  if (pr == NULL)
    return FALSE;
  m = lb_matrix_get_n_rows (pr);
  /* precision and recall versus threshold: the rows with a threshold */
  curve = json_object_new ();
  json_object_set_array_member (curve, "threshold", thin (lb_matrix_get_const_data (pr) + 2, m - 1, 3, MAX_CURVE_POINTS));
  json_object_set_array_member (curve, "precision", thin (lb_matrix_get_const_data (pr), m - 1, 3, MAX_CURVE_POINTS));
  json_object_set_array_member (curve, "recall", thin (lb_matrix_get_const_data (pr) + 1, m - 1, 3, MAX_CURVE_POINTS));
  json_object_set_object_member (final, "threshold_curve", curve);
  pr_curve = json_object_new ();
  json_object_set_array_member (pr_curve, "precision", thin (lb_matrix_get_const_data (pr), m, 3, MAX_CURVE_POINTS));
  json_object_set_array_member (pr_curve, "recall", thin (lb_matrix_get_const_data (pr) + 1, m, 3, MAX_CURVE_POINTS));
  json_object_set_double_member (pr_curve, "average_precision",
                                 lb_average_precision_score (f->y_true, f->scores, f->n, NULL));
  json_object_set_object_member (final, "pr_curve", pr_curve);

  /* ROC curves: the searched model and every other shortlisted classifier,
   * each fitted on the training rows as `learnbench run` fits it */
  rocs = json_array_new ();
  json_object_set_array_member (final, "roc", rocs);
  for (guint i = 0; i < o->project->models->len; i++)
    {
      const LbProjectStep *step = g_ptr_array_index (o->project->models, i);
      LbProjectModelResult *other = NULL;
      g_autofree double *scores = NULL;
      const double *use = f->scores;
      const char *other_kind;
      JsonObject *roc;

      if (strcmp (step->name, o->m->name) != 0)
        {
          g_autoptr (GError) local = NULL;
          g_autofree char *message = g_strdup_printf (_("Fitting %s for its ROC curve"), step->name);
          LbFitEvent event = { 0.5 + 0.5 * i / o->project->models->len, 0, 0, NAN, NAN, message };

          if (lb_fit_context_check_cancelled (ctx, error))
            return FALSE;
          lb_fit_context_report (ctx, &event);
          other = lb_project_run_model (o->project, &o->data, i, o->prep, o->X_prepared, LB_PROJECT_PART_NO_CV,
                                        NULL, NULL, ctx, &local);
          if (other == NULL)
            {
              if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                {
                  g_propagate_error (error, g_steal_pointer (&local));
                  return FALSE;
                }
              continue;   /* a model that cannot fit here has no curve */
            }
          if (!lb_estimator_is_classifier (other->fitted))
            {
              lb_project_model_result_free (other);
              continue;
            }
          scores = binary_scores (other->fitted, X_test, &other_kind, NULL);
          lb_project_model_result_free (other);
          if (scores == NULL)
            continue;
          use = scores;
        }
      roc = roc_entry (step->name, f->y_true, use, f->n, NULL);
      if (roc != NULL)
        {
          /* the searched model's curve first */
          if (strcmp (step->name, o->m->name) == 0)
            {
              JsonArray *reordered = json_array_new ();

              json_array_add_object_element (reordered, roc);
              for (guint r = 0; r < json_array_get_length (rocs); r++)
                json_array_add_element (reordered, json_node_copy (json_array_get_element (rocs, r)));
              rocs = reordered;
              json_object_set_array_member (final, "roc", rocs);
            }
          else
            json_array_add_object_element (rocs, roc);
        }
    }
  return TRUE;
}

static void
eval_job (LbJob        *job,
          gpointer      task_data,
          GCancellable *cancellable)
{
  EvalTask *t = task_data;
  Outcome *o = t->outcome;
  g_autoptr (LbFitContext) ctx = job_context (job, o->project, cancellable);
  g_autoptr (LbBlasLimit) blas = lb_blas_limit_push (lb_fit_context_get_n_threads (ctx));
  LbProjectModelResult scored = { 0 };
  FinalOutcome *f = g_new0 (FinalOutcome, 1);
  JsonObject *final = json_object_new ();
  g_autoptr (LbMatrix) predicted = NULL;
  GError *error = NULL;
  gsize n;

  f->final = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (f->final, final);
  lb_job_report_progress (job, 0.0, _("Scoring the test set"));
  /* the numbers `learnbench run` prints with "evaluation.test": true */
  scored.scoring = o->m->scoring;
  scored.fitted = o->m->fitted;
  scored.test_score = scored.test_rmse_low = scored.test_rmse_high = NAN;
  if (!lb_project_score_test (&o->data, &scored, &error))
    goto fail;
  f->test_score = scored.test_score;
  f->rmse_low = scored.test_rmse_low;
  f->rmse_high = scored.test_rmse_high;
  json_object_set_string_member (final, "model", o->m->name);
  json_object_set_string_member (final, "estimator", o->m->estimator);
  json_object_set_string_member (final, "scoring", o->m->scoring);
  json_object_set_string_member (final, "task", lb_task_to_string (t->task));
  json_object_set_string_member (final, "target", t->target);
  json_object_set_double_member (final, "test_score", f->test_score);
  if (!isnan (f->rmse_low))
    {
      JsonArray *ci = json_array_new ();

      json_array_add_double_element (ci, f->rmse_low);
      json_array_add_double_element (ci, f->rmse_high);
      json_object_set_array_member (final, "test_rmse_95ci", ci);
    }
  else
    json_object_set_null_member (final, "test_rmse_95ci");
  if (o->m->best_params != NULL)
    json_object_set_member (final, "best_params", json_node_copy (o->m->best_params));
  n = lb_matrix_get_n_rows (o->data.X_test);
  json_object_set_int_member (final, "n_test", n);

  predicted = lb_estimator_predict (o->m->fitted, o->data.X_test, &error);
  if (predicted == NULL)
    goto fail;
  if (!lb_estimator_is_classifier (o->m->fitted))
    {
      JsonObject *points = json_object_new ();

      json_object_set_array_member (points, "y_true", thin (lb_matrix_get_const_data (o->data.y_test), n, 1, MAX_STORED_POINTS));
      json_object_set_array_member (points, "y_pred", thin (lb_matrix_get_const_data (predicted), n, 1, MAX_STORED_POINTS));
      json_object_set_int_member (points, "n_total", n);
      json_object_set_object_member (final, "points", points);
    }
  else
    {
      const char * const *classes = lb_matrix_get_categories (o->data.y_test, 0);
      guint k = classes != NULL ? g_strv_length ((char **) classes) : lb_estimator_get_n_classes (o->m->fitted);
      g_autoptr (LbMatrix) counts = NULL;
      JsonArray *rows = json_array_new (), *names = json_array_new ();

      if (classes == NULL)
        classes = lb_estimator_get_classes (o->m->fitted);
      k = MAX (k, 2);
      counts = lb_confusion_matrix (lb_matrix_get_const_data (o->data.y_test), lb_matrix_get_const_data (predicted), n, k);
      for (guint i = 0; i < k; i++)
        {
          json_array_add_array_element (rows, lb_json_array_new_doubles (lb_matrix_get_const_data (counts) + i * k, k));
          g_autofree char *code = g_strdup_printf ("%u", i);

          if (classes != NULL && i < g_strv_length ((char **) classes))
            json_array_add_string_element (names, classes[i]);
          else
            json_array_add_string_element (names, code);
        }
      json_object_set_array_member (final, "confusion", rows);
      json_object_set_array_member (final, "classes", names);
      if (k == 2 && !evaluate_binary (t, f, final, ctx, &error))
        goto fail;
    }
  lb_job_return_pointer (job, f, final_outcome_free);
  return;

fail:
  final_outcome_free (f);
  lb_job_return_error (job, error);
}

/* Counts at the threshold (score >= threshold is positive, as the PR curve). */
static void
apply_threshold (LbFinetunePage *self,
                 double          threshold,
                 gboolean        store)
{
  JsonObject *final, *at;
  g_autoptr (JsonNode) copy = NULL;
  double precision, recall, f1;
  guint c[4] = { 0, 0, 0, 0 };

  if (self->final == NULL || self->final->scores == NULL)
    return;
  self->threshold = threshold;
  for (gsize i = 0; i < self->final->n; i++)
    {
      gboolean positive = self->final->scores[i] >= threshold;
      gboolean truth = self->final->y_true[i] == 1.0;

      c[(truth ? 2 : 0) + (positive ? 1 : 0)]++;
    }
  memcpy (self->confusion, c, sizeof c);
  precision = c[3] + c[1] > 0 ? (double) c[3] / (c[3] + c[1]) : NAN;
  recall = c[3] + c[2] > 0 ? (double) c[3] / (c[3] + c[2]) : NAN;
  f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : NAN;
  g_free (self->threshold_text);
  self->threshold_text = g_strdup_printf (_("Threshold %.4g: precision %.3f · recall %.3f · F1 %.3f "
                                            "(TN %u, FP %u, FN %u, TP %u)"),
                                          threshold, precision, recall, f1, c[0], c[1], c[2], c[3]);
  gtk_label_set_text (GTK_LABEL (self->threshold_label), self->threshold_text);

  /* the stored result follows (a copy: the workbench holds the old one) */
  copy = json_node_copy (self->final->final);
  final = json_node_get_object (copy);
  json_object_set_double_member (final, "threshold", threshold);
  at = json_object_new ();
  json_object_set_int_member (at, "tn", c[0]);
  json_object_set_int_member (at, "fp", c[1]);
  json_object_set_int_member (at, "fn", c[2]);
  json_object_set_int_member (at, "tp", c[3]);
  json_object_set_double_member (at, "precision", precision);
  json_object_set_double_member (at, "recall", recall);
  json_object_set_double_member (at, "f1", f1);
  json_object_set_object_member (final, "at_threshold", at);
  json_node_unref (self->final->final);
  self->final->final = json_node_ref (copy);

  for (guint v = VIEW_CONFUSION; v <= VIEW_PR; v++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LbChart) chart = lb_finetune_chart_build (result_object (self, "search"), final,
                                                           lb_finetune_chart_list ()[v], threshold, &error);

      if (chart != NULL)
        lb_chart_view_set_chart (self->views[v], chart);
    }
  if (store)
    {
      self->updating++;
      lb_workbench_set_result (self->workbench, "final", copy);
      self->updating--;
    }
  if (self->threshold_spin != NULL
      && gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->threshold_spin)) != threshold)
    {
      self->updating++;
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->threshold_spin), threshold);
      self->updating--;
    }
}

/* The test scores and plots sit below the search results: at 1280×800 they
 * start under the window's edge, so bring the evaluation into view when it
 * ends (a learner who pressed Evaluate should see its outcome). */
static void
scroll_to_evaluation (LbFinetunePage *self)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroll));
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : viewport;
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroll));
  graphene_rect_t bounds;

  if (content != NULL && gtk_widget_compute_bounds (self->evaluate_button, content, &bounds))
    gtk_adjustment_set_value (vadj, MAX (0.0, bounds.origin.y - 48.0));
}

static void
eval_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  JobCallback *cb = user_data;
  g_autoptr (LbFinetunePage) self = g_weak_ref_get (&cb->page);
  g_autoptr (GError) error = NULL;
  FinalOutcome *f = lb_job_propagate_pointer (result, &error);
  gboolean current = self != NULL && lb_generation_is_current (&self->generation, cb->generation);
  JsonObject *evaluation;

  job_callback_free (cb);
  if (!current)
    {
      if (f != NULL)
        final_outcome_free (f);
      return;
    }
  g_clear_object (&self->job);
  gtk_label_set_text (GTK_LABEL (self->status_label), "");
  if (f == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      update_buttons (self);
      g_signal_emit (self, signals[SIGNAL_EVALUATION_DONE], 0, FALSE);
      return;
    }
  g_clear_pointer (&self->final, final_outcome_free);
  self->final = f;
  self->has_area = FALSE;   /* a new threshold axis */
  self->updating++;
  lb_workbench_set_result (self->workbench, "final", f->final);
  /* the saved project now scores the test set too, as `learnbench run` will */
  evaluation = lb_workbench_get_evaluation (self->workbench);
  {
    g_autoptr (JsonObject) copy = json_object_new ();

    if (evaluation != NULL)
      {
        g_autoptr (GList) members = json_object_get_members (evaluation);

        for (GList *l = members; l != NULL; l = l->next)
          json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (evaluation, l->data)));
      }
    json_object_set_boolean_member (copy, "test", TRUE);
    {
      g_autoptr (JsonNode) shortlist = keep_shortlist (self);

      lb_workbench_set_evaluation (self->workbench, copy);
      restore_shortlist (self, shortlist);
    }
  }
  lb_workbench_set_step_done (self->workbench, LB_STEP_FINETUNE, TRUE);
  self->updating--;
  if (f->scores != NULL)
    {
      double t = json_object_get_double_member_with_default (json_node_get_object (f->final), "threshold_default", 0);

      self->updating++;
      gtk_spin_button_set_range (GTK_SPIN_BUTTON (self->threshold_spin), -1e9, 1e9);
      self->updating--;
      apply_threshold (self, t, TRUE);
    }
  refresh_results (self);
  update_buttons (self);
  scroll_to_evaluation (self);
  g_signal_emit (self, signals[SIGNAL_EVALUATION_DONE], 0, TRUE);
}

/* Unsealing and "evaluation.test" change nothing the shortlist's
 * cross-validation used, but a page that listens may drop its stored
 * "shortlist" result on those flags: it is kept across them. */
static JsonNode *
keep_shortlist (LbFinetunePage *self)
{
  JsonNode *node = lb_workbench_get_result (self->workbench, "shortlist");

  return node != NULL ? json_node_ref (node) : NULL;
}

static void
restore_shortlist (LbFinetunePage *self,
                   JsonNode       *kept)
{
  if (kept != NULL && lb_workbench_get_result (self->workbench, "shortlist") == NULL)
    lb_workbench_set_result (self->workbench, "shortlist", kept);
}

static void
start_evaluation (LbFinetunePage *self)
{
  g_autofree char *reason = NULL;
  g_autofree char *title = NULL;
  EvalTask *task;

  reason = g_strdup_printf (_("final evaluation of %s"), self->outcome->m->name);
  self->updating++;
  if (lb_workbench_get_sealed (self->workbench))
    {
      g_autoptr (JsonNode) shortlist = keep_shortlist (self);

      lb_workbench_unseal (self->workbench, reason);
      restore_shortlist (self, shortlist);
    }
  self->updating--;
  g_clear_pointer (&self->final, final_outcome_free);
  lb_generation_next (&self->generation);
  task = g_new0 (EvalTask, 1);
  task->outcome = outcome_ref (self->outcome);
  task->task = lb_workbench_get_task (self->workbench);
  task->target = g_strdup (lb_workbench_get_target (self->workbench));
  title = g_strdup_printf (_("Evaluating %s on the test set"), self->outcome->m->name);
  self->job = lb_job_new (title, NULL, NULL, eval_done_cb, job_callback_new (self));
  lb_job_set_task_data (self->job, task, eval_task_free);
  g_object_ref (self->job);
  lb_job_run (self->job, eval_job);
  gtk_label_set_text (GTK_LABEL (self->status_label), _("Evaluating on the test set…"));
  update_buttons (self);
  lb_workbench_track_job (self->workbench, self->job);
  g_signal_emit (self, signals[SIGNAL_JOB_STARTED], 0, self->job);
}

static void
confirm_response_cb (GtkDialog      *dialog,
                     int             response,
                     LbFinetunePage *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT && self->outcome != NULL && self->job == NULL)
    start_evaluation (self);
  g_object_unref (self);
}

gboolean
lb_finetune_page_evaluate (LbFinetunePage *self,
                           gboolean        confirmed,
                           GError        **error)
{
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), FALSE);

  if (self->job != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("A job of this page is running."));
      return FALSE;
    }
  if (self->outcome == NULL
      || self->outcome->data.X_test == NULL || lb_matrix_get_n_rows (self->outcome->data.X_test) == 0)
    {
      const char *message = self->outcome == NULL
                            ? _("Run the search first: the final evaluation scores its best model.")
                            : _("There is no test set: create one in “Get the data”.");

      show_error (self, message);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
      return FALSE;
    }
  if (confirmed || !lb_workbench_get_sealed (self->workbench))
    {
      start_evaluation (self);
      return TRUE;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Unseal the test set?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The test set estimates how the model will do on new data only if "
                                              "nothing was chosen by looking at it. Do this once, at the end: "
                                              "tuning the model after seeing the test score would make that "
                                              "score optimistic. The unsealing is recorded in the project."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Unseal and evaluate"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
evaluate_clicked_cb (GtkButton      *button,
                     LbFinetunePage *self)
{
  lb_finetune_page_evaluate (self, FALSE, NULL);
}

/* --- the threshold --- */

gboolean
lb_finetune_page_set_threshold (LbFinetunePage *self,
                                double          threshold)
{
  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), FALSE);
  if (self->final == NULL || self->final->scores == NULL || !isfinite (threshold))
    return FALSE;
  apply_threshold (self, threshold, TRUE);
  return TRUE;
}

double
lb_finetune_page_get_threshold (LbFinetunePage *self)
{
  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), NAN);
  return self->final != NULL && self->final->scores != NULL ? self->threshold : NAN;
}

gboolean
lb_finetune_page_get_confusion (LbFinetunePage *self,
                                guint          *tn,
                                guint          *fp,
                                guint          *fn,
                                guint          *tp)
{
  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), FALSE);
  if (self->final == NULL || self->final->scores == NULL)
    return FALSE;
  *tn = self->confusion[0];
  *fp = self->confusion[1];
  *fn = self->confusion[2];
  *tp = self->confusion[3];
  return TRUE;
}

const char *
lb_finetune_page_get_threshold_text (LbFinetunePage *self)
{
  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), NULL);
  return self->threshold_text;
}

static void
threshold_spin_cb (GtkSpinButton  *spin,
                   LbFinetunePage *self)
{
  if (self->updating == 0)
    lb_finetune_page_set_threshold (self, gtk_spin_button_get_value (spin));
}

/* The pointer's x on the threshold plot as a threshold (NaN outside). */
static double
threshold_at (LbFinetunePage *self,
              GtkWidget      *area,
              double          x)
{
  LbChart *chart = lb_chart_view_get_chart (self->views[VIEW_THRESHOLD]);
  double x0, x1, wx0, wx1, width = gtk_widget_get_width (area), t;

  /* the chart on show may be a new one not drawn yet (each move rebuilds
   * it): its axis is the same, so the last box drawn still maps */
  if (chart != NULL && lb_chart_get_plot_area (chart, &x0, &x1, &wx0, &wx1) && x1 > x0)
    {
      self->area[0] = x0;
      self->area[1] = x1;
      self->area[2] = wx0;
      self->area[3] = wx1;
      self->has_area = TRUE;
    }
  if (!self->has_area || width <= 0)
    return NAN;
  x0 = self->area[0];
  x1 = self->area[1];
  wx0 = self->area[2];
  wx1 = self->area[3];
  t = wx0 + (x / width - x0) / (x1 - x0) * (wx1 - wx0);
  return CLAMP (t, MIN (wx0, wx1), MAX (wx0, wx1));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               LbFinetunePage *self)
{
  GtkWidget *area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  double t = threshold_at (self, area, x);

  self->drag_start_x = x;
  if (!isnan (t) && self->final != NULL && self->final->scores != NULL)
    apply_threshold (self, t, FALSE);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                LbFinetunePage *self)
{
  GtkWidget *area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  double t = threshold_at (self, area, self->drag_start_x + dx);

  if (!isnan (t) && self->final != NULL && self->final->scores != NULL)
    apply_threshold (self, t, FALSE);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             LbFinetunePage *self)
{
  if (self->final != NULL && self->final->scores != NULL)
    apply_threshold (self, self->threshold, TRUE);
}

/* --- what is shown --- */

static void
set_view (LbFinetunePage *self,
          guint           v,
          JsonObject     *search,
          JsonObject     *final)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = lb_finetune_chart_build (search, final, lb_finetune_chart_list ()[v], NAN, &error);

  if (chart != NULL)
    lb_chart_view_set_chart (self->views[v], chart);
  else
    lb_chart_view_set_message (self->views[v], error->message);
}

static void
refresh_results (LbFinetunePage *self)
{
  JsonObject *search = result_object (self, "search");
  JsonObject *final = result_object (self, "final");
  gboolean regression = lb_workbench_get_task (self->workbench) == LB_TASK_REGRESSION;
  gboolean binary = lb_workbench_get_task (self->workbench) == LB_TASK_BINARY;
  g_autofree char *best = NULL;
  GtkStack *stack = GTK_STACK (self->notebook);

  /* the table: the stored candidates once the search is done */
  if (search != NULL && self->job == NULL)
    {
      JsonArray *cands = json_object_get_array_member (search, "candidates");

      g_free (self->scoring);
      self->scoring = g_strdup (json_object_get_string_member_with_default (search, "scoring", NULL));
      g_ptr_array_set_size (self->sorted, 0);
      g_ptr_array_set_size (self->candidates, 0);
      for (guint i = 0; cands != NULL && i < json_array_get_length (cands); i++)
        {
          JsonObject *co = json_array_get_object_element (cands, i);
          Candidate *c = g_new0 (Candidate, 1);
          JsonNode *mean = json_object_get_member (co, "mean"), *std = json_object_get_member (co, "std");

          c->index = i;
          c->params = lb_finetune_format_params (json_object_get_object_member (co, "params"),
                                                 json_object_get_string_member_with_default (search, "model", NULL));
          c->mean = mean != NULL && JSON_NODE_HOLDS_VALUE (mean) ? json_node_get_double (mean) : NAN;
          c->std = std != NULL && JSON_NODE_HOLDS_VALUE (std) ? json_node_get_double (std) : NAN;
          c->rank = json_object_get_int_member_with_default (co, "rank", 0);
          g_ptr_array_add (self->candidates, c);
        }
    }
  rebuild_table (self);
  if (search != NULL)
    {
      g_autofree char *params = lb_finetune_format_params (json_object_get_object_member (search, "best_params"), NULL);
      g_autofree char *score = format_score (self->scoring,
                                             json_object_get_double_member_with_default (search, "best_score", NAN));

      best = g_strdup_printf (_("Best parameters: %s — mean cross-validation %s %s"), params,
                              lb_workbench_scoring_label (self->scoring), score);
    }
  gtk_label_set_text (GTK_LABEL (self->best_label), best != NULL ? best : _("Run a search to see the best parameters."));
  set_view (self, VIEW_IMPORTANCES, search, final);

  if (final != NULL)
    {
      const char *scoring = json_object_get_string_member_with_default (final, "scoring", NULL);
      g_autofree char *score = format_score (scoring, json_object_get_double_member_with_default (final, "test_score", NAN));
      JsonNode *ci = json_object_get_member (final, "test_rmse_95ci");
      g_autofree char *text = NULL;

      if (ci != NULL && JSON_NODE_HOLDS_ARRAY (ci))
        text = g_strdup_printf (_("Test %s of %s: %s — 95 %% confidence interval of the RMSE [%.6g, %.6g]"),
                                lb_workbench_scoring_label (scoring),
                                json_object_get_string_member_with_default (final, "model", ""), score,
                                json_array_get_double_element (json_node_get_array (ci), 0),
                                json_array_get_double_element (json_node_get_array (ci), 1));
      else
        text = g_strdup_printf (_("Test %s of %s: %s"), lb_workbench_scoring_label (scoring),
                                json_object_get_string_member_with_default (final, "model", ""), score);
      gtk_label_set_text (GTK_LABEL (self->score_label), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->score_label),
                        lb_workbench_get_sealed (self->workbench)
                        ? _("The test set is sealed. Evaluate once, when the model is chosen.")
                        : _("Not evaluated on the test set yet."));
  for (guint v = VIEW_PREDICTION; v < N_VIEWS; v++)
    {
      GtkStackPage *page = gtk_stack_get_page (stack, gtk_stack_get_child_by_name (stack, lb_finetune_chart_list ()[v]));
      gboolean shown = v <= VIEW_RESIDUALS ? regression
                       : v <= VIEW_ERRORS ? !regression
                       : binary;

      gtk_stack_page_set_visible (page, shown);
      if (shown && !(self->final != NULL && self->final->scores != NULL && v >= VIEW_CONFUSION && v <= VIEW_PR))
        set_view (self, v, search, final);
    }
  /* GTK 4.8's stack keeps showing a page hidden with gtk_stack_page_set_visible
   * (it picks the next child by its widget's visibility, which a hidden page
   * keeps): a classification showed the empty "Predicted vs actual" page with
   * no tab pressed. Show the first page of the task instead. */
  {
    GtkWidget *current = gtk_stack_get_visible_child (stack);

    if (current == NULL || !gtk_stack_page_get_visible (gtk_stack_get_page (stack, current)))
      for (guint v = VIEW_PREDICTION; v < N_VIEWS; v++)
        {
          GtkWidget *child = gtk_stack_get_child_by_name (stack, lb_finetune_chart_list ()[v]);

          if (gtk_stack_page_get_visible (gtk_stack_get_page (stack, child)))
            {
              gtk_stack_set_visible_child (stack, child);
              break;
            }
        }
  }
  if (self->final != NULL && self->final->scores != NULL)
    apply_threshold (self, self->threshold, FALSE);
  else if (final != NULL && json_object_has_member (final, "at_threshold"))
    {
      /* a reopened project: the stored threshold's numbers */
      JsonObject *at = json_object_get_object_member (final, "at_threshold");

      g_free (self->threshold_text);
      self->threshold_text = g_strdup_printf (_("Threshold %.4g: precision %.3f · recall %.3f · F1 %.3f "
                                                "(TN %u, FP %u, FN %u, TP %u)"),
                                              json_object_get_double_member_with_default (final, "threshold", NAN),
                                              json_object_get_double_member_with_default (at, "precision", NAN),
                                              json_object_get_double_member_with_default (at, "recall", NAN),
                                              json_object_get_double_member_with_default (at, "f1", NAN),
                                              (guint) json_object_get_int_member_with_default (at, "tn", 0),
                                              (guint) json_object_get_int_member_with_default (at, "fp", 0),
                                              (guint) json_object_get_int_member_with_default (at, "fn", 0),
                                              (guint) json_object_get_int_member_with_default (at, "tp", 0));
      gtk_label_set_text (GTK_LABEL (self->threshold_label), self->threshold_text);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->threshold_label), "");
}

static void
update_buttons (LbFinetunePage *self)
{
  gboolean running = self->job != NULL;
  gboolean random = is_random (self);

  gtk_widget_set_sensitive (self->run_button, !running && self->space->len > 0
                            && lb_finetune_page_get_model (self) != NULL);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_widget_set_sensitive (self->evaluate_button, !running && self->outcome != NULL);
  gtk_widget_set_sensitive (self->n_iter_spin, random);
  gtk_widget_set_sensitive (self->threshold_spin, self->final != NULL && self->final->scores != NULL);
}

static void
kind_changed_cb (GtkDropDown    *dropdown,
                 GParamSpec     *pspec,
                 LbFinetunePage *self)
{
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->values_entry),
                                  is_random (self) ? _("0.1, 1, 10 — or loguniform(0.001, 10), uniform(0, 1), randint(1, 20)")
                                                   : _("values separated by commas: 0.1, 1, 10 or median, mean"));
  update_buttons (self);
}

void
lb_finetune_page_set_random (LbFinetunePage *self,
                             gboolean        random,
                             guint           n_iter)
{
  g_return_if_fail (LB_IS_FINETUNE_PAGE (self));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind_dropdown), random ? 1 : 0);
  if (n_iter > 0)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->n_iter_spin), n_iter);
}

static void
workbench_changed_cb (LbWorkbench    *workbench,
                      guint           flags,
                      LbFinetunePage *self)
{
  const guint stale = LB_WORKBENCH_CHANGED_DATA | LB_WORKBENCH_CHANGED_FRAME | LB_WORKBENCH_CHANGED_SPLIT
                      | LB_WORKBENCH_CHANGED_PIPELINE | LB_WORKBENCH_CHANGED_MODELS
                      | LB_WORKBENCH_CHANGED_EVALUATION | LB_WORKBENCH_CHANGED_SEARCH;

  if (self->updating > 0)
    return;
  if ((flags & stale) != 0)
    {
      /* what was computed no longer matches the project: drop it (a running
       * job's result too) */
      if (self->job != NULL)
        {
          lb_job_cancel (self->job);
          g_clear_object (&self->job);
          gtk_label_set_text (GTK_LABEL (self->status_label), "");
        }
      lb_generation_next (&self->generation);
      clear_results (self);
    }
  if ((flags & (LB_WORKBENCH_CHANGED_MODELS | LB_WORKBENCH_CHANGED_PIPELINE | LB_WORKBENCH_CHANGED_DATA)) != 0)
    refresh_models (self);
  if ((flags & LB_WORKBENCH_CHANGED_SEARCH) != 0)
    load_saved_search (self);
  if ((flags & (stale | LB_WORKBENCH_CHANGED_RESULTS)) != 0)
    {
      refresh_results (self);
      update_buttons (self);
    }
}

guint
lb_finetune_page_get_n_candidates (LbFinetunePage *self)
{
  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), 0);
  return self->candidates->len;
}

char *
lb_finetune_page_dup_candidate (LbFinetunePage *self,
                                guint           row,
                                double         *mean,
                                double         *std,
                                guint          *rank)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
  Candidate *c;

  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), NULL);
  if (row >= self->candidates->len)
    return NULL;
  for (guint i = 0; i < self->candidates->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (self->candidates, i));
  g_ptr_array_sort_with_data (sorted, compare_candidates, self->scoring);
  c = g_ptr_array_index (sorted, row);
  if (mean != NULL)
    *mean = c->mean;
  if (std != NULL)
    *std = c->std;
  if (rank != NULL)
    *rank = c->rank != 0 ? c->rank : row + 1;
  return g_strdup (c->params);
}

JsonObject *
lb_finetune_page_get_best_params (LbFinetunePage *self)
{
  JsonObject *search;

  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), NULL);
  search = result_object (self, "search");
  return search != NULL && json_object_has_member (search, "best_params")
         ? json_object_get_object_member (search, "best_params") : NULL;
}

double
lb_finetune_page_get_best_score (LbFinetunePage *self)
{
  JsonObject *search;

  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), NAN);
  search = result_object (self, "search");
  return search != NULL ? json_object_get_double_member_with_default (search, "best_score", NAN) : NAN;
}

guint
lb_finetune_page_get_n_importances (LbFinetunePage *self)
{
  JsonObject *search, *imp;

  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), 0);
  search = result_object (self, "search");
  imp = search != NULL && json_object_has_member (search, "importances")
        ? json_object_get_object_member (search, "importances") : NULL;
  return imp != NULL ? json_array_get_length (json_object_get_array_member (imp, "values")) : 0;
}

double
lb_finetune_page_get_test_score (LbFinetunePage *self,
                                 double         *rmse_low,
                                 double         *rmse_high)
{
  JsonObject *final;
  JsonNode *ci;

  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), NAN);
  final = result_object (self, "final");
  ci = final != NULL ? json_object_get_member (final, "test_rmse_95ci") : NULL;
  if (rmse_low != NULL)
    *rmse_low = ci != NULL && JSON_NODE_HOLDS_ARRAY (ci) ? json_array_get_double_element (json_node_get_array (ci), 0) : NAN;
  if (rmse_high != NULL)
    *rmse_high = ci != NULL && JSON_NODE_HOLDS_ARRAY (ci) ? json_array_get_double_element (json_node_get_array (ci), 1) : NAN;
  return final != NULL ? json_object_get_double_member_with_default (final, "test_score", NAN) : NAN;
}

LbChartView *
lb_finetune_page_get_chart_view (LbFinetunePage *self,
                                 const char     *which)
{
  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), NULL);
  for (guint v = 0; v < N_VIEWS; v++)
    if (g_strcmp0 (lb_finetune_chart_list ()[v], which) == 0)
      return self->views[v];
  return NULL;
}

const char *
lb_finetune_page_get_error (LbFinetunePage *self)
{
  g_return_val_if_fail (LB_IS_FINETUNE_PAGE (self), NULL);
  return gtk_widget_get_visible (self->banner) ? self->error_text : NULL;
}

/* --- the widget --- */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "title-4");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
explanation (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

static GtkWidget *
new_view (LbFinetunePage *self,
          guint           v,
          int             height)
{
  GtkWidget *view = lb_chart_view_new ();

  gtk_widget_set_size_request (view, -1, height);
  gtk_widget_set_hexpand (view, TRUE);
  self->views[v] = LB_CHART_VIEW (view);
  return view;
}

static void
build_ui (LbFinetunePage *self)
{
  static const char * const kinds[] = { N_("Grid search"), N_("Randomized search"), NULL };
  static const char * const tab_titles[] = {
    N_("Predicted vs actual"), N_("Residuals"), N_("Confusion matrix"), N_("Errors"),
    N_("Precision / recall vs threshold"), N_("PR curve"), N_("ROC curves"),
  };
  const char *translated_kinds[3] = { _(kinds[0]), _(kinds[1]), NULL };
  GtkWidget *box, *row, *label, *button, *results, *close, *threshold_box, *area;
  GtkGesture *drag;

  self->scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroll, GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroll), box);

  gtk_box_append (GTK_BOX (box), heading (_("Fine-tune the model")));
  gtk_box_append (GTK_BOX (box), explanation (_("Search the hyper-parameters of one shortlisted model — and of the "
                                                "preparation steps (“prep.GROUP.STEP.PARAMETER”) — by cross-validation "
                                                "on the training set, then evaluate the best model once on the test set.")));

  /* the banner */
  self->banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->banner, "error");
  self->banner_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->banner_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->banner_label), 0);
  gtk_widget_set_hexpand (self->banner_label, TRUE);
  close = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_tooltip_text (close, _("Hide this message"));
  g_signal_connect (close, "clicked", G_CALLBACK (banner_close_cb), self);
  gtk_box_append (GTK_BOX (self->banner), self->banner_label);
  gtk_box_append (GTK_BOX (self->banner), close);
  gtk_widget_set_visible (self->banner, FALSE);
  gtk_box_append (GTK_BOX (box), self->banner);

  /* model and kind */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  label = gtk_label_new_with_mnemonic (_("_Model:"));
  self->model_names = gtk_string_list_new (NULL);
  self->model_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->model_names)), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->model_dropdown);
  gtk_widget_set_tooltip_text (self->model_dropdown, _("One of the models of “Shortlist models”"));
  g_signal_connect (self->model_dropdown, "notify::selected", G_CALLBACK (model_selected_cb), self);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), self->model_dropdown);
  self->kind_dropdown = gtk_drop_down_new_from_strings (translated_kinds);
  gtk_widget_set_tooltip_text (self->kind_dropdown,
                               _("Grid: every combination of the values. Randomized: a number of candidates drawn "
                                 "from the values or distributions."));
  g_signal_connect (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  gtk_box_append (GTK_BOX (row), self->kind_dropdown);
  label = gtk_label_new_with_mnemonic (_("_Candidates:"));
  self->n_iter_spin = gtk_spin_button_new_with_range (1, 10000, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->n_iter_spin), 10);
  gtk_widget_set_tooltip_text (self->n_iter_spin, _("How many candidates a randomized search draws (n_iter)"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->n_iter_spin);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), self->n_iter_spin);
  gtk_box_append (GTK_BOX (box), row);

  /* the space editor */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  label = gtk_label_new_with_mnemonic (_("_Parameter:"));
  self->param_names = gtk_string_list_new (NULL);
  self->param_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->param_names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->param_dropdown), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->param_dropdown);
  g_signal_connect (self->param_dropdown, "notify::selected", G_CALLBACK (param_selected_cb), self);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), self->param_dropdown);
  label = gtk_label_new_with_mnemonic (_("_Values:"));
  self->values_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->values_entry, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->values_entry);
  g_signal_connect (self->values_entry, "activate", G_CALLBACK (entry_activate_cb), self);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), self->values_entry);
  button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_tooltip_text (button, _("Add the parameter and its values to the search space"));
  g_signal_connect (button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (box), row);
  self->space_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->space_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->space_list, "boxed-list");
  gtk_widget_set_visible (self->space_list, FALSE);
  gtk_box_append (GTK_BOX (box), self->space_list);

  /* run */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->run_button = gtk_button_new_with_mnemonic (_("_Run search"));
  gtk_widget_add_css_class (self->run_button, "suggested-action");
  g_signal_connect (self->run_button, "clicked", G_CALLBACK (run_clicked_cb), self);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  self->status_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->status_label, "dim-label");
  gtk_box_append (GTK_BOX (row), self->run_button);
  gtk_box_append (GTK_BOX (row), self->cancel_button);
  gtk_box_append (GTK_BOX (row), self->status_label);
  gtk_box_append (GTK_BOX (box), row);

  /* the search's results */
  self->best_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->best_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->best_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->best_label), TRUE);
  gtk_box_append (GTK_BOX (box), self->best_label);
  results = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->table_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (self->table_box, TRUE);
  gtk_box_append (GTK_BOX (self->table_box), table_new (self));
  gtk_box_append (GTK_BOX (results), self->table_box);
  gtk_box_append (GTK_BOX (results), new_view (self, VIEW_IMPORTANCES, 360));
  gtk_widget_set_hexpand (GTK_WIDGET (self->views[VIEW_IMPORTANCES]), FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self->views[VIEW_IMPORTANCES]), 540, 360);
  gtk_box_append (GTK_BOX (box), results);

  /* the final evaluation */
  gtk_box_append (GTK_BOX (box), heading (_("Final evaluation on the test set")));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->evaluate_button = gtk_button_new_with_mnemonic (_("_Evaluate on the test set…"));
  gtk_widget_set_tooltip_text (self->evaluate_button,
                               _("Unseals the test set (recorded in the project) and scores the best model on it"));
  g_signal_connect (self->evaluate_button, "clicked", G_CALLBACK (evaluate_clicked_cb), self);
  self->score_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->score_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->score_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->score_label), TRUE);
  gtk_widget_set_hexpand (self->score_label, TRUE);
  gtk_box_append (GTK_BOX (row), self->evaluate_button);
  gtk_box_append (GTK_BOX (row), self->score_label);
  gtk_box_append (GTK_BOX (box), row);

  /* a stack, not a notebook: GTK 4.8's notebook fails hiding a page before it is shown */
  self->notebook = gtk_stack_new ();
  {
    GtkWidget *switcher = gtk_stack_switcher_new ();

    gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->notebook));
    gtk_widget_set_halign (switcher, GTK_ALIGN_START);
    gtk_box_append (GTK_BOX (box), switcher);
  }
  for (guint v = VIEW_PREDICTION; v < N_VIEWS; v++)
    {
      GtkWidget *child = new_view (self, v, 440);

      if (v == VIEW_THRESHOLD)
        {
          GtkWidget *tl;

          threshold_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          gtk_box_append (GTK_BOX (threshold_box), child);
          row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
          tl = gtk_label_new_with_mnemonic (_("_Threshold:"));
          self->threshold_spin = gtk_spin_button_new_with_range (-1e9, 1e9, 0.01);
          gtk_spin_button_set_digits (GTK_SPIN_BUTTON (self->threshold_spin), 4);
          gtk_widget_set_tooltip_text (self->threshold_spin,
                                       _("A row whose score is at least the threshold is predicted positive. "
                                         "Drag on the plot, or type a value."));
          gtk_label_set_mnemonic_widget (GTK_LABEL (tl), self->threshold_spin);
          g_signal_connect (self->threshold_spin, "value-changed", G_CALLBACK (threshold_spin_cb), self);
          self->threshold_label = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (self->threshold_label), 0);
          gtk_label_set_selectable (GTK_LABEL (self->threshold_label), TRUE);
          gtk_box_append (GTK_BOX (row), tl);
          gtk_box_append (GTK_BOX (row), self->threshold_spin);
          gtk_box_append (GTK_BOX (row), self->threshold_label);
          gtk_box_append (GTK_BOX (threshold_box), row);
          child = threshold_box;
        }
      gtk_stack_add_titled (GTK_STACK (self->notebook), child, lb_finetune_chart_list ()[v],
                            _(tab_titles[v - VIEW_PREDICTION]));
    }
  gtk_box_append (GTK_BOX (box), self->notebook);

  /* dragging the threshold on its plot */
  area = lb_ui_find_descendant (GTK_WIDGET (self->views[VIEW_THRESHOLD]), GTK_TYPE_DRAWING_AREA, FALSE);
  drag = gtk_gesture_drag_new ();
  g_object_set_data (G_OBJECT (drag), "lb-threshold-drag", GINT_TO_POINTER (1));   /* for tests */
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (area != NULL ? area : GTK_WIDGET (self->views[VIEW_THRESHOLD]),
                             GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (area != NULL ? area : GTK_WIDGET (self->views[VIEW_THRESHOLD]), "col-resize");
  kind_changed_cb (NULL, NULL, self);
}

static void
lb_finetune_page_dispose (GObject *object)
{
  LbFinetunePage *self = LB_FINETUNE_PAGE (object);

  if (self->job != NULL)
    lb_job_cancel (self->job);
  g_clear_object (&self->job);
  lb_generation_next (&self->generation);
  g_clear_signal_handler (&self->changed_id, self->workbench);
  g_clear_pointer (&self->scroll, gtk_widget_unparent);
  g_clear_object (&self->model_names);
  g_clear_object (&self->param_names);
  clear_results (self);
  g_clear_object (&self->table_store);
  g_clear_pointer (&self->stream, stream_unref);
  g_clear_object (&self->workbench);
  G_OBJECT_CLASS (lb_finetune_page_parent_class)->dispose (object);
}

static void
lb_finetune_page_finalize (GObject *object)
{
  LbFinetunePage *self = LB_FINETUNE_PAGE (object);

  g_ptr_array_unref (self->space);
  g_ptr_array_unref (self->sorted);
  g_ptr_array_unref (self->candidates);
  g_free (self->scoring);
  g_free (self->error_text);
  g_free (self->threshold_text);
  G_OBJECT_CLASS (lb_finetune_page_parent_class)->finalize (object);
}

static void
lb_finetune_page_class_init (LbFinetunePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_finetune_page_dispose;
  object_class->finalize = lb_finetune_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[SIGNAL_JOB_STARTED] =
    g_signal_new ("job-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);
  signals[SIGNAL_SEARCH_DONE] =
    g_signal_new ("search-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[SIGNAL_EVALUATION_DONE] =
    g_signal_new ("evaluation-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
lb_finetune_page_init (LbFinetunePage *self)
{
  self->space = g_ptr_array_new_with_free_func (space_row_free);
  self->candidates = g_ptr_array_new_with_free_func (candidate_free);
  self->sorted = g_ptr_array_new ();
  self->threshold = NAN;
  build_ui (self);
}

GtkWidget *
lb_finetune_page_new (LbWorkbench *workbench)
{
  LbFinetunePage *self;

  g_return_val_if_fail (LB_IS_WORKBENCH (workbench), NULL);

  self = g_object_new (LB_TYPE_FINETUNE_PAGE, NULL);
  self->workbench = g_object_ref (workbench);
  self->changed_id = g_signal_connect (workbench, "changed", G_CALLBACK (workbench_changed_cb), self);
  refresh_models (self);
  load_saved_search (self);
  refresh_results (self);
  update_buttons (self);
  return GTK_WIDGET (self);
}
