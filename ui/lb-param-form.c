/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-param-form.c: LbParamForm, a form generated from an estimator's
 * GParamSpecs. Each edit is checked by the engine itself
 * (lb_estimator_set_param_string on a clone), so the form never disagrees
 * with a project file or the CLI; the refused text stays in its row with the
 * engine's message under it, and the last accepted value is what the form
 * reports. Doubles that span decades step ×10 on a log scale.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-param-form.h"

typedef enum
{
  ROW_INT,
  ROW_DOUBLE,
  ROW_LOG_DOUBLE,
  ROW_BOOL,
  ROW_ENUM,
  ROW_CHOICE,     /* text / JSON with fixed choices: dropdown + "other" entry */
  ROW_ENTRY,      /* free text, JSON */
  ROW_LINES,      /* a list of strings: one per line */
  ROW_ESTIMATOR,  /* a nested estimator: registered name + its own form */
} RowKind;

typedef struct
{
  LbParamForm *form;
  GParamSpec  *pspec;
  char        *name;        /* sklearn form: "max_iter" */
  RowKind      kind;
  JsonNode    *default_value;
  GtkWidget   *label;
  GtkWidget   *editor;      /* what the learner edits */
  GtkWidget   *entry;       /* ROW_CHOICE: the free-text entry next to the dropdown */
  GtkWidget   *reset;
  GtkWidget   *error_label;
  GtkWidget   *nested_box;  /* ROW_ESTIMATOR */
  GtkWidget   *nested_form;
  char       **choices;     /* ROW_ENUM / ROW_CHOICE / ROW_ESTIMATOR: the dropdown's values */
  guint        n_choices;
  gboolean     choice_has_other;
  gboolean     soft_error;  /* the value is kept; the fit-time checks refuse the combination */
  char        *error;
  double       log_floor;   /* ROW_LOG_DOUBLE: adjustment value meaning 0 (when allowed) */
  gboolean     log_zero_ok;
} Row;

struct _LbParamForm
{
  GtkWidget    parent_instance;

  GtkWidget   *grid;
  LbEstimator *work;        /* the accepted values */
  LbEstimator *defaults;    /* a fresh instance of the same class */
  GPtrArray   *rows;        /* Row* */
  guint        updating;    /* > 0 while the form itself writes into editors */
};

G_DEFINE_FINAL_TYPE (LbParamForm, lb_param_form, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static const char *other_choice = N_("Other…");

/* --- helpers --- */

static char *
sklearn_name (const char *name)
{
  char *c = g_strdup (name);

  for (char *p = c; *p != '\0'; p++)
    if (*p == '-')
      *p = '_';
  return c;
}

static const char *
translate (const char *text)
{
  return text != NULL && *text != '\0' ? g_dgettext (GETTEXT_PACKAGE, text) : "";
}

/* "0.001", "1e-06", "100": short and exact enough for an edit box. */
static char *
format_double (double x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isinf (x))
    return g_strdup (x > 0 ? "inf" : "-inf");
  for (int digits = 6; digits <= 17; digits++)
    {
      char fmt[8];

      g_snprintf (fmt, sizeof fmt, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, fmt, x);
      if (g_ascii_strtod (buf, NULL) == x)
        break;
    }
  return g_strdup (buf);
}

/* A parameter value as the text lb_estimator_set_param_string reads back. */
static char *
node_to_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType t = json_node_get_value_type (node);

      if (t == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (t == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? "true" : "false");
      if (t == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (t == G_TYPE_DOUBLE)
        return format_double (json_node_get_double (node));
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      /* A list of plain strings without commas reads back from "a, b". */
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) s = g_string_new (NULL);
      gboolean plain = TRUE;

      for (guint i = 0; i < json_array_get_length (array) && plain; i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING ||
              strchr (json_node_get_string (e), ',') != NULL)
            plain = FALSE;
          else
            g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", json_node_get_string (e));
        }
      if (plain && json_array_get_length (array) > 0)
        return g_string_free (g_steal_pointer (&s), FALSE);
    }
  return json_to_string (node, FALSE);
}

static GType
spec_type (GParamSpec *pspec)
{
  return G_PARAM_SPEC_VALUE_TYPE (pspec);
}

static gboolean
is_estimator_spec (GParamSpec *pspec)
{
  return g_type_is_a (spec_type (pspec), LB_TYPE_ESTIMATOR);
}

static gboolean
spec_range (GParamSpec *pspec,
            double     *lo,
            double     *hi)
{
  if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      *lo = G_PARAM_SPEC_DOUBLE (pspec)->minimum;
      *hi = G_PARAM_SPEC_DOUBLE (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_FLOAT (pspec))
    {
      *lo = G_PARAM_SPEC_FLOAT (pspec)->minimum;
      *hi = G_PARAM_SPEC_FLOAT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      *lo = G_PARAM_SPEC_INT (pspec)->minimum;
      *hi = G_PARAM_SPEC_INT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      *lo = G_PARAM_SPEC_UINT (pspec)->minimum;
      *hi = G_PARAM_SPEC_UINT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      *lo = (double) G_PARAM_SPEC_INT64 (pspec)->minimum;
      *hi = (double) G_PARAM_SPEC_INT64 (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_UINT64 (pspec))
    {
      *lo = (double) G_PARAM_SPEC_UINT64 (pspec)->minimum;
      *hi = (double) G_PARAM_SPEC_UINT64 (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_LONG (pspec))
    {
      *lo = (double) G_PARAM_SPEC_LONG (pspec)->minimum;
      *hi = (double) G_PARAM_SPEC_LONG (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_ULONG (pspec))
    {
      *lo = (double) G_PARAM_SPEC_ULONG (pspec)->minimum;
      *hi = (double) G_PARAM_SPEC_ULONG (pspec)->maximum;
    }
  else
    return FALSE;
  return TRUE;
}

static gboolean
spec_is_integer (GParamSpec *pspec)
{
  return G_IS_PARAM_SPEC_INT (pspec) || G_IS_PARAM_SPEC_UINT (pspec) ||
         G_IS_PARAM_SPEC_INT64 (pspec) || G_IS_PARAM_SPEC_UINT64 (pspec) ||
         G_IS_PARAM_SPEC_LONG (pspec) || G_IS_PARAM_SPEC_ULONG (pspec);
}

gboolean
lb_param_spec_is_log_scale (GParamSpec *pspec)
{
  /* Penalties, kernel widths, tolerances and learning rates: the book tries
   * them in decades (0.01, 0.1, 1, 10 …). */
  static const char * const decade_names[] = {
    "alpha", "c", "gamma", "tol", "eta0", "learning-rate", "lambda", "reg-lambda",
    "reg-alpha", "l2-reg", "epsilon-insensitive", "var-smoothing", "eta", "nu-scale",
    "power-t-scale", "min-impurity-decrease", "ccp-alpha", NULL
  };
  double lo, hi;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);
  if (!(G_IS_PARAM_SPEC_DOUBLE (pspec) || G_IS_PARAM_SPEC_FLOAT (pspec)) ||
      !spec_range (pspec, &lo, &hi))
    return FALSE;
  if (lo < 0.0 || hi < 10.0)
    return FALSE;
  return g_strv_contains (decade_names, pspec->name);
}

/* The checks a fit makes of the parameters alone (the check_params vfunc:
 * what ranges cannot say, e.g. a tree's max_features "sqrt" / "log2" / a
 * number): a fit on an empty X stops right after them, at "X is empty". */
static gboolean
params_check (LbEstimator *estimator,
              GError     **error)
{
  g_autoptr(LbMatrix) empty = lb_matrix_new (0, 0);
  g_autoptr(GError) local = NULL;

  if (lb_estimator_fit (estimator, empty, NULL, NULL, &local))
    return TRUE;
  if (g_error_matches (local, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA) ||
      g_error_matches (local, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Is the word @word a value @estimator takes for @pspec (a JSON parameter
 * receives it as a JSON string)? @current_ok: @estimator itself passes the
 * fit-time checks. */
static gboolean
accepts_word (LbEstimator *estimator,
              GParamSpec  *pspec,
              const char  *word,
              gboolean     current_ok)
{
  g_autoptr(LbEstimator) probe = lb_estimator_clone (estimator);
  g_autoptr(JsonNode) node = NULL;
  gboolean ok;

  if (spec_type (pspec) != JSON_TYPE_NODE)
    ok = lb_estimator_set_param_string (probe, pspec->name, word, NULL);
  else
    {
      node = json_node_init_string (json_node_alloc (), word);
      ok = lb_estimator_set_param (probe, pspec->name, node, NULL);
    }
  return ok && (!current_ok || params_check (probe, NULL));
}

char **
lb_param_spec_dup_choices (LbEstimator *estimator,
                           GParamSpec  *pspec)
{
  static const char * const words[] = {
    "auto", "scale", "sqrt", "log2", "balanced", "none", "mean", "median",
    "most_frequent", "constant", "linear", "poly", "rbf", "sigmoid", "precomputed",
    "gini", "entropy", "log_loss", "squared_error", "absolute_error", "friedman_mse",
    "poisson", "best", "random", "uniform", "distance", "ovr", "ovo", "multinomial",
    "SAMME", "SAMME.R", "hinge", "squared_hinge", "l1", "l2", "elasticnet",
    "constant", "optimal", "invscaling", "adaptive", "exact", NULL
  };
  static GHashTable *probed;   /* GParamSpec * → choices (NULL: none) */
  const char * const *declared;
  GType t;
  g_autoptr(GPtrArray) found = NULL;
  char **choices = NULL;
  gboolean current_ok;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator), NULL);
  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), NULL);

  declared = g_param_spec_get_qdata (pspec, g_quark_from_static_string ("lb-param-choices"));
  if (declared != NULL)
    return g_strdupv ((char **) declared);

  t = spec_type (pspec);
  if (t != G_TYPE_STRING && t != JSON_TYPE_NODE)
    return NULL;
  /* Probing costs ~40 clones: once per parameter of a class (the answer is
   * the class's, not the instance's). Main thread only, like every widget. */
  if (probed == NULL)
    probed = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_strfreev);
  if (g_hash_table_contains (probed, pspec))
    {
      char **cached = g_hash_table_lookup (probed, pspec);

      return cached != NULL ? g_strdupv (cached) : NULL;
    }
  current_ok = params_check (estimator, NULL);
  if (!accepts_word (estimator, pspec, "lb-no-such-choice-7f3", current_ok))
    {
      /* Not free text: the usual words it takes are its choices. */
      found = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; words[i] != NULL; i++)
        {
          gboolean dup = FALSE;

          for (guint j = 0; j < found->len; j++)
            dup |= g_str_equal (found->pdata[j], words[i]);
          if (!dup && accepts_word (estimator, pspec, words[i], current_ok))
            g_ptr_array_add (found, g_strdup (words[i]));
        }
      if (found->len > 0)
        {
          g_ptr_array_add (found, NULL);
          choices = (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
        }
    }
  g_hash_table_insert (probed, pspec, choices);
  return choices != NULL ? g_strdupv (choices) : NULL;
}

/* --- rows --- */

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->default_value, json_node_unref);
  g_free (row->name);
  g_strfreev (row->choices);
  g_free (row->error);
  g_free (row);
}

static Row *
find_row (LbParamForm *self,
          const char  *name)
{
  g_autofree char *sk = sklearn_name (name);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];

      if (g_str_equal (row->name, sk))
        return row;
    }
  return NULL;
}

static JsonNode *
current_node (LbParamForm *self,
              Row         *row)
{
  return lb_estimator_get_param (self->work, row->pspec->name, NULL);
}

static gboolean
row_is_default (LbParamForm *self,
                Row         *row)
{
  g_autoptr(JsonNode) now = current_node (self, row);

  if (now == NULL || row->default_value == NULL)
    return now == row->default_value;
  return json_node_equal (now, row->default_value);
}

static void
row_set_error (Row        *row,
               const char *message)
{
  g_free (row->error);
  row->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (row->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (row->error_label, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (row->editor, "error");
  else
    gtk_widget_remove_css_class (row->editor, "error");
  if (row->entry != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (row->entry, "error");
      else
        gtk_widget_remove_css_class (row->entry, "error");
    }
}

static void
row_update_reset (LbParamForm *self,
                  Row         *row)
{
  gtk_widget_set_sensitive (row->reset, row->error != NULL || !row_is_default (self, row));
}

/* --- log-scale spin buttons: the adjustment holds log10 (value) --- */

static double
log_adjust_to_value (Row    *row,
                     double  a)
{
  if (row->log_zero_ok && a <= row->log_floor + 1e-9)
    return 0.0;
  return pow (10.0, a);
}

static char *
log_text (Row    *row,
          double  a)
{
  double x = log_adjust_to_value (row, a);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (x == 0.0)
    return g_strdup ("0");
  /* 6 significant digits: steps land on 0.001, 0.01 …; typed values keep theirs. */
  g_ascii_formatd (buf, sizeof buf, "%.6g", x);
  return g_strdup (buf);
}

static int
log_spin_input_cb (GtkSpinButton *spin,
                   double        *new_value,
                   Row           *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double x = g_ascii_strtod (text, &end);
  GtkAdjustment *adj = gtk_spin_button_get_adjustment (spin);

  if (end == text || (end != NULL && *g_strchug (end) != '\0') || isnan (x) || x < 0.0)
    return GTK_INPUT_ERROR;
  if (x == 0.0)
    *new_value = row->log_zero_ok ? row->log_floor : gtk_adjustment_get_lower (adj);
  else
    *new_value = log10 (x);
  return TRUE;
}

static gboolean
log_spin_output_cb (GtkSpinButton *spin,
                    Row           *row)
{
  g_autofree char *text = log_text (row, gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin)));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* The row's editor value as text for lb_estimator_set_param_string. */
static char *
row_editor_text (Row *row)
{
  switch (row->kind)
    {
    case ROW_INT:
      return g_strdup_printf ("%.0f", gtk_spin_button_get_value (GTK_SPIN_BUTTON (row->editor)));
    case ROW_DOUBLE:
      return format_double (gtk_spin_button_get_value (GTK_SPIN_BUTTON (row->editor)));
    case ROW_LOG_DOUBLE:
      return log_text (row, gtk_spin_button_get_value (GTK_SPIN_BUTTON (row->editor)));
    case ROW_BOOL:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (row->editor)) ? "true" : "false");
    case ROW_ENUM:
    case ROW_ESTIMATOR:
      {
        guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->editor));

        return i < row->n_choices ? g_strdup (row->choices[i]) : NULL;
      }
    case ROW_CHOICE:
      {
        guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->editor));

        if (i < row->n_choices)
          return g_strdup (row->choices[i]);
        return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->entry)));
      }
    case ROW_ENTRY:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->editor)));
    case ROW_LINES:
      {
        /* Non-empty lines as a JSON list (an item may hold commas). */
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->editor));
        GtkTextIter start, end;
        g_autofree char *text = NULL;
        g_auto(GStrv) lines = NULL;
        JsonArray *array = json_array_new ();
        g_autoptr(JsonNode) node = NULL;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        lines = g_strsplit (text, "\n", -1);
        for (guint i = 0; lines[i] != NULL; i++)
          if (*g_strstrip (lines[i]) != '\0')
            json_array_add_string_element (array, lines[i]);
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return json_to_string (node, FALSE);
      }
    default:
      g_assert_not_reached ();
    }
}

/* The items of a list value, one per line. */
static char *
node_to_lines (JsonNode *node)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
            g_string_append_printf (s, "%s%s", i > 0 ? "\n" : "", json_node_get_string (e));
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void rebuild_nested (LbParamForm *self, Row *row);

/* Shows the accepted value of @row in its editor. */
static void
row_show_value (LbParamForm *self,
                Row         *row)
{
  g_autoptr(JsonNode) node = current_node (self, row);
  g_autofree char *text = node_to_text (node);

  self->updating++;
  switch (row->kind)
    {
    case ROW_INT:
    case ROW_DOUBLE:
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->editor), json_node_get_double (node));
      break;
    case ROW_LOG_DOUBLE:
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
        {
          double x = json_node_get_double (node);
          GtkAdjustment *adj = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (row->editor));

          gtk_adjustment_set_value (adj, x > 0.0 ? log10 (x) : row->log_floor);
          /* Show the exact value, not the 4-digit rounding of its log. */
          gtk_editable_set_text (GTK_EDITABLE (row->editor), text);
        }
      break;
    case ROW_BOOL:
      gtk_switch_set_active (GTK_SWITCH (row->editor),
                             node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_boolean (node));
      break;
    case ROW_ENUM:
    case ROW_CHOICE:
    case ROW_ESTIMATOR:
      {
        guint pos = GTK_INVALID_LIST_POSITION;
        const char *key = text;

        if (row->kind == ROW_ESTIMATOR)
          {
            key = "null";
            if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
              key = json_object_get_string_member_with_default (json_node_get_object (node),
                                                                "estimator", "null");
          }
        for (guint i = 0; i < row->n_choices; i++)
          if (g_str_equal (row->choices[i], key))
            pos = i;
        if (row->kind == ROW_CHOICE)
          {
            if (pos == GTK_INVALID_LIST_POSITION)
              {
                pos = row->n_choices;  /* "Other…" */
                gtk_editable_set_text (GTK_EDITABLE (row->entry), text);
              }
            gtk_widget_set_visible (row->entry, pos == row->n_choices);
          }
        if (pos != GTK_INVALID_LIST_POSITION)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (row->editor), pos);
        if (row->kind == ROW_ESTIMATOR)
          rebuild_nested (self, row);
      }
      break;
    case ROW_ENTRY:
      gtk_editable_set_text (GTK_EDITABLE (row->editor), text);
      break;
    case ROW_LINES:
      {
        g_autofree char *lines = node_to_lines (node);

        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->editor)), lines, -1);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  self->updating--;
  row->soft_error = FALSE;
  row_set_error (row, NULL);
  row_update_reset (self, row);
}

/* Applies @text for @row to @target the way the learner means it: "null"
 * for no nested estimator, a bare word in a JSON parameter as a string. */
static gboolean
row_apply (Row         *row,
           LbEstimator *target,
           const char  *text,
           GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) parsed = NULL;

  if (row->kind == ROW_ESTIMATOR && g_str_equal (text, "null"))
    {
      g_autoptr(JsonNode) node = json_node_init_null (json_node_alloc ());

      return lb_estimator_set_param (target, row->pspec->name, node, error);
    }
  if (lb_estimator_set_param_string (target, row->pspec->name, text, &local))
    return TRUE;
  if (spec_type (row->pspec) == JSON_TYPE_NODE &&
      g_error_matches (local, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM) &&
      (parsed = json_from_string (text, NULL)) == NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

      if (lb_estimator_set_param (target, row->pspec->name, node, NULL))
        return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Checks @text with the engine on a clone of the form's estimator. */
static gboolean
row_accepts (LbParamForm *self,
             Row         *row,
             const char  *text,
             GError     **error)
{
  g_autoptr(LbEstimator) probe = lb_estimator_clone (self->work);

  return row_apply (row, probe, text, error);
}

/* After @row's value was stored: the fit-time checks of the whole set
 * (check_params) — a combination they refuse ("l1 needs the liblinear or
 * saga solver") is shown on @row, and cleared from every row once a later
 * edit makes the set valid again. The value stays, so the learner can fix
 * the other parameter next. */
static void
revalidate (LbParamForm *self,
            Row         *row)
{
  g_autoptr(GError) error = NULL;

  if (!params_check (self->work, &error))
    {
      row_set_error (row, error->message);
      row->soft_error = TRUE;
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *other = self->rows->pdata[i];

      if (other->soft_error)
        {
          other->soft_error = FALSE;
          row_set_error (other, NULL);
          row_update_reset (self, other);
        }
    }
}

/* Checks @text and stores it when accepted; TRUE when accepted. Emits
 * "changed" when the value changed. */
static gboolean
row_commit_text (LbParamForm *self,
                 Row         *row,
                 const char  *text,
                 gboolean     emit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  if (text == NULL)
    return FALSE;
  if (!row_accepts (self, row, text, &error))
    {
      row_set_error (row, error->message);
      row_update_reset (self, row);
      return FALSE;
    }
  before = current_node (self, row);
  row_apply (row, self->work, text, NULL);
  after = current_node (self, row);
  row->soft_error = FALSE;
  row_set_error (row, NULL);
  revalidate (self, row);
  row_update_reset (self, row);
  if (row->kind == ROW_ESTIMATOR)
    rebuild_nested (self, row);
  if (emit && !(before != NULL && after != NULL && json_node_equal (before, after)))
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Live check while typing (spin buttons commit on activate / focus-out). */
static void
spin_text_changed_cb (GtkEditable *editable,
                      Row         *row)
{
  LbParamForm *self = row->form;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (editable);

  if (self->updating > 0 || *text == '\0')
    return;
  if (!row_accepts (self, row, text, &error))
    row_set_error (row, error->message);
  else
    row_set_error (row, NULL);
  row_update_reset (self, row);
}

static void
spin_value_changed_cb (GtkSpinButton *spin,
                       Row           *row)
{
  g_autofree char *text = NULL;

  if (row->form->updating > 0)
    return;
  text = row_editor_text (row);
  row_commit_text (row->form, row, text, TRUE);
}

static void
switch_active_cb (GObject    *object,
                  GParamSpec *pspec,
                  Row        *row)
{
  g_autofree char *text = NULL;

  if (row->form->updating > 0)
    return;
  text = row_editor_text (row);
  row_commit_text (row->form, row, text, TRUE);
}

static void
dropdown_selected_cb (GObject    *object,
                      GParamSpec *pspec,
                      Row        *row)
{
  g_autofree char *text = NULL;

  if (row->form->updating > 0)
    return;
  if (row->kind == ROW_CHOICE)
    {
      gboolean other = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->editor)) >= row->n_choices;

      gtk_widget_set_visible (row->entry, other);
      if (other)
        {
          gtk_widget_grab_focus (row->entry);
          if (*gtk_editable_get_text (GTK_EDITABLE (row->entry)) == '\0')
            return;
        }
    }
  text = row_editor_text (row);
  row_commit_text (row->form, row, text, TRUE);
}

static void
entry_changed_cb (GtkEditable *editable,
                  Row         *row)
{
  g_autofree char *text = NULL;

  if (row->form->updating > 0)
    return;
  text = row_editor_text (row);
  row_commit_text (row->form, row, text, TRUE);
}

static void
lines_changed_cb (GtkTextBuffer *buffer,
                  Row           *row)
{
  g_autofree char *text = NULL;

  if (row->form->updating > 0)
    return;
  text = row_editor_text (row);
  row_commit_text (row->form, row, text, TRUE);
}

static void
reset_clicked_cb (GtkButton *button,
                  Row       *row)
{
  LbParamForm *self = row->form;
  g_autoptr(JsonNode) before = current_node (self, row);

  if (row->default_value != NULL)
    lb_estimator_set_param (self->work, row->pspec->name, row->default_value, NULL);
  row_show_value (self, row);
  revalidate (self, row);
  {
    g_autoptr(JsonNode) after = current_node (self, row);

    if (!(before != NULL && after != NULL && json_node_equal (before, after)))
      g_signal_emit (self, signals[CHANGED], 0);
  }
}

/* --- nested estimators --- */

static void
nested_changed_cb (LbParamForm *nested,
                   Row         *row)
{
  LbParamForm *self = row->form;
  g_autoptr(JsonObject) params = lb_param_form_dup_params (nested);
  g_autoptr(JsonObject) spec = json_object_new ();
  g_autoptr(JsonNode) node = NULL;

  json_object_set_string_member (spec, "estimator", lb_param_form_get_estimator_name (nested));
  json_object_set_object_member (spec, "params", json_object_ref (params));
  node = json_node_init_object (json_node_alloc (), spec);
  if (lb_estimator_set_param (self->work, row->pspec->name, node, NULL))
    {
      row_update_reset (self, row);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static void
rebuild_nested (LbParamForm *self,
                Row         *row)
{
  g_autoptr(LbEstimator) child = NULL;

  if (row->nested_form != NULL)
    {
      /* Keep the form when it already edits this estimator's class. */
      g_object_get (self->work, row->pspec->name, &child, NULL);
      if (child != NULL &&
          g_str_equal (lb_param_form_get_estimator_name (LB_PARAM_FORM (row->nested_form)),
                       lb_estimator_get_name (child)))
        {
          g_autoptr(JsonNode) params = lb_estimator_get_params (child);

          lb_param_form_set_params (LB_PARAM_FORM (row->nested_form), json_node_get_object (params));
          return;
        }
      gtk_box_remove (GTK_BOX (row->nested_box), row->nested_form);
      row->nested_form = NULL;
      g_clear_object (&child);
    }
  g_object_get (self->work, row->pspec->name, &child, NULL);
  gtk_widget_set_visible (row->nested_box, child != NULL);
  if (child == NULL)
    return;
  row->nested_form = lb_param_form_new (child);
  g_signal_connect (row->nested_form, "changed", G_CALLBACK (nested_changed_cb), row);
  gtk_box_append (GTK_BOX (row->nested_box), row->nested_form);
}

/* --- building --- */

static void
add_spin (Row        *row,
          GParamSpec *pspec,
          JsonNode   *current)
{
  double lo = 0, hi = 0, value = 0, step, page;
  guint digits;
  GtkAdjustment *adj;

  spec_range (pspec, &lo, &hi);
  if (current != NULL && JSON_NODE_HOLDS_VALUE (current))
    value = json_node_get_double (current);

  if (row->kind == ROW_INT)
    {
      step = 1;
      page = hi - lo >= 100 ? 10 : 1;
      digits = 0;
    }
  else if (row->kind == ROW_LOG_DOUBLE)
    {
      double log_lo, log_hi;

      /* One arrow press is one decade, as in the book's grids; 0, when
       * allowed, sits at the bottom (1e-12 would be indistinguishable). */
      row->log_zero_ok = lo <= 0.0;
      log_lo = lo > 0.0 ? log10 (lo) : -12.0;
      log_hi = isfinite (hi) && hi < 1e300 ? log10 (hi) : 12.0;
      log_hi = MIN (log_hi, 12.0);
      row->log_floor = log_lo;
      lo = log_lo;
      hi = log_hi;
      value = value > 0.0 ? log10 (value) : log_lo;
      step = 1.0;
      page = 1.0;
      digits = 4;
    }
  else
    {
      double span = hi - lo;

      /* Fractions (0..1: l1_ratio, subsample) step by 0.05; wider ranges by 0.1. */
      if (span <= 1.0)
        {
          step = 0.05;
          page = 0.1;
          digits = 3;
        }
      else
        {
          step = 0.1;
          page = 1.0;
          digits = 3;
        }
      if (value != 0.0 && fabs (value) < 1e-3)
        digits = 8;
    }
  adj = gtk_adjustment_new (value, lo, hi, step, page, 0.0);
  row->editor = gtk_spin_button_new (adj, step, digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (row->editor), FALSE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (row->editor), GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->editor), 10);
  if (row->kind == ROW_LOG_DOUBLE)
    {
      g_signal_connect (row->editor, "input", G_CALLBACK (log_spin_input_cb), row);
      g_signal_connect (row->editor, "output", G_CALLBACK (log_spin_output_cb), row);
    }
  g_signal_connect (row->editor, "value-changed", G_CALLBACK (spin_value_changed_cb), row);
  g_signal_connect (row->editor, "changed", G_CALLBACK (spin_text_changed_cb), row);
}

static GtkWidget *
dropdown_from_strings (const char * const *items)
{
  return gtk_drop_down_new_from_strings (items);
}

/* "Range: 0 to 1 · Default: 0.5": what a learner wants to know besides the blurb. */
static char *
describe_range (Row *row)
{
  g_autofree char *def = node_to_text (row->default_value);
  double lo, hi;

  if (spec_range (row->pspec, &lo, &hi))
    {
      g_autofree char *lo_text = spec_is_integer (row->pspec) ? g_strdup_printf ("%.0f", lo) : format_double (lo);
      g_autofree char *hi_text = NULL;

      if (hi >= 1e300 || (spec_is_integer (row->pspec) && hi >= (double) G_MAXINT))
        hi_text = g_strdup ("∞");
      else
        hi_text = spec_is_integer (row->pspec) ? g_strdup_printf ("%.0f", hi) : format_double (hi);
      return g_strdup_printf (_("Range: %s to %s · Default: %s"), lo_text, hi_text, def);
    }
  if (row->kind == ROW_ENUM || row->kind == ROW_CHOICE)
    {
      g_autofree char *list = g_strjoinv (", ", row->choices);

      return g_strdup_printf (_("Choices: %s · Default: %s"), list, def);
    }
  return g_strdup_printf (_("Default: %s"), def);
}

static GtkWidget *
info_button_new (Row *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *blurb = gtk_label_new (translate (g_param_spec_get_blurb (row->pspec)));
  g_autofree char *range_text = describe_range (row);
  GtkWidget *range = gtk_label_new (range_text);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>  <tt>%s</tt>",
                                                     translate (g_param_spec_get_nick (row->pspec)),
                                                     row->name);
  g_autofree char *tip = g_strdup_printf (_("About %s"), translate (g_param_spec_get_nick (row->pspec)));

  gtk_label_set_markup (GTK_LABEL (title), markup);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  for (GtkWidget **l = (GtkWidget *[]) { blurb, range, NULL }; *l != NULL; l++)
    {
      gtk_label_set_wrap (GTK_LABEL (*l), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (*l), 48);
      gtk_label_set_xalign (GTK_LABEL (*l), 0);
    }
  gtk_widget_add_css_class (range, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), blurb);
  gtk_box_append (GTK_BOX (box), range);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "dialog-information-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static int
compare_pspecs (gconstpointer a,
                gconstpointer b)
{
  GParamSpec *pa = *(GParamSpec **) a;
  GParamSpec *pb = *(GParamSpec **) b;
  guint da = g_type_depth (pa->owner_type), db = g_type_depth (pb->owner_type);

  if (da != db)
    return da < db ? -1 : 1;
  return pa->param_id < pb->param_id ? -1 : pa->param_id > pb->param_id ? 1 : 0;
}

static void
estimator_choices (Row        *row,
                   GParamSpec *pspec,
                   JsonNode   *default_value,
                   LbEstimator *parent)
{
  /* A regressor's part regresses, a classifier's classifies. */
  LbEstimatorFlags want = lb_estimator_is_classifier (parent) ? LB_ESTIMATOR_CLASSIFIER
                          : lb_estimator_is_regressor (parent) ? LB_ESTIMATOR_REGRESSOR
                          : (LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_CLASSIFIER);
  g_autoptr(GArray) types = lb_estimator_list_registered ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (default_value == NULL || JSON_NODE_HOLDS_NULL (default_value))
    g_ptr_array_add (names, g_strdup ("null"));
  for (guint i = 0; i < types->len; i++)
    {
      GType t = g_array_index (types, GType, i);
      LbEstimatorClass *klass;

      if (!g_type_is_a (t, spec_type (pspec)) || G_TYPE_IS_ABSTRACT (t))
        continue;
      klass = g_type_class_ref (t);
      /* A meta-estimator's part predicts: transformers and containers are not offered. */
      if ((klass->flags & want) != 0 &&
          !(klass->flags & LB_ESTIMATOR_TRANSFORMER))
        g_ptr_array_add (names, g_strdup (klass->name));
      g_type_class_unref (klass);
    }
  g_ptr_array_add (names, NULL);
  row->n_choices = names->len - 1;
  row->choices = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
build_row (LbParamForm *self,
           GParamSpec  *pspec,
           int          grid_row)
{
  g_autoptr(JsonNode) current = NULL;
  Row *row;
  GType t = spec_type (pspec);
  GtkWidget *editor_box;
  const char *blurb = translate (g_param_spec_get_blurb (pspec));
  g_autofree char *reset_tip = NULL;
  g_autofree char *def_text = NULL;

  current = lb_estimator_get_param (self->work, pspec->name, NULL);
  if (current == NULL)
    return;  /* no JSON form: not a parameter */

  row = g_new0 (Row, 1);
  row->form = self;
  row->pspec = pspec;
  row->name = sklearn_name (pspec->name);
  row->default_value = lb_estimator_get_param (self->defaults, pspec->name, NULL);
  g_ptr_array_add (self->rows, row);

  if (is_estimator_spec (pspec))
    row->kind = ROW_ESTIMATOR;
  else if (t == G_TYPE_BOOLEAN)
    row->kind = ROW_BOOL;
  else if (G_TYPE_FUNDAMENTAL (t) == G_TYPE_ENUM)
    row->kind = ROW_ENUM;
  else if (spec_is_integer (pspec))
    row->kind = ROW_INT;
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec) || G_IS_PARAM_SPEC_FLOAT (pspec))
    {
      double x = current != NULL && JSON_NODE_HOLDS_VALUE (current) &&
                 json_node_get_value_type (current) != G_TYPE_STRING
                   ? json_node_get_double (current) : NAN;

      if (!isfinite (x))
        row->kind = ROW_ENTRY;  /* inf / nan do not fit a spin button */
      else
        row->kind = lb_param_spec_is_log_scale (pspec) ? ROW_LOG_DOUBLE : ROW_DOUBLE;
    }
  else
    {
      row->choices = lb_param_spec_dup_choices (self->work, pspec);
      row->n_choices = row->choices != NULL ? g_strv_length (row->choices) : 0;
      row->kind = row->n_choices > 0 ? ROW_CHOICE : t == G_TYPE_STRV ? ROW_LINES : ROW_ENTRY;
    }

  switch (row->kind)
    {
    case ROW_INT:
    case ROW_DOUBLE:
    case ROW_LOG_DOUBLE:
      add_spin (row, pspec, current);
      break;
    case ROW_BOOL:
      row->editor = gtk_switch_new ();
      gtk_widget_set_halign (row->editor, GTK_ALIGN_START);
      gtk_widget_set_valign (row->editor, GTK_ALIGN_CENTER);
      g_signal_connect (row->editor, "notify::active", G_CALLBACK (switch_active_cb), row);
      break;
    case ROW_ENUM:
      {
        GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

        row->n_choices = klass->n_values;
        row->choices = g_new0 (char *, klass->n_values + 1);
        for (guint i = 0; i < klass->n_values; i++)
          row->choices[i] = g_strdup (klass->values[i].value_nick);
        row->editor = dropdown_from_strings ((const char * const *) row->choices);
        g_signal_connect (row->editor, "notify::selected", G_CALLBACK (dropdown_selected_cb), row);
      }
      break;
    case ROW_CHOICE:
      {
        g_autoptr(GPtrArray) items = g_ptr_array_new ();

        for (guint i = 0; i < row->n_choices; i++)
          g_ptr_array_add (items, row->choices[i]);
        g_ptr_array_add (items, (gpointer) _(other_choice));
        g_ptr_array_add (items, NULL);
        row->choice_has_other = TRUE;
        row->editor = dropdown_from_strings ((const char * const *) items->pdata);
        row->entry = gtk_entry_new ();
        gtk_editable_set_width_chars (GTK_EDITABLE (row->entry), 8);
        gtk_widget_set_tooltip_text (row->entry, blurb);
        gtk_widget_set_hexpand (row->entry, TRUE);
        g_signal_connect (row->editor, "notify::selected", G_CALLBACK (dropdown_selected_cb), row);
        g_signal_connect (row->entry, "changed", G_CALLBACK (entry_changed_cb), row);
      }
      break;
    case ROW_ESTIMATOR:
      estimator_choices (row, pspec, row->default_value, self->work);
      row->editor = dropdown_from_strings ((const char * const *) row->choices);
      g_signal_connect (row->editor, "notify::selected", G_CALLBACK (dropdown_selected_cb), row);
      break;
    case ROW_ENTRY:
      row->editor = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (row->editor), 14);
      g_signal_connect (row->editor, "changed", G_CALLBACK (entry_changed_cb), row);
      break;
    case ROW_LINES:
      row->editor = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (row->editor), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (row->editor), FALSE);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (row->editor), 6);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (row->editor), 4);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (row->editor), 4);
      gtk_widget_set_size_request (row->editor, -1, 64);
      gtk_widget_add_css_class (row->editor, "card");
      g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->editor)), "changed",
                        G_CALLBACK (lines_changed_cb), row);
      break;
    default:
      g_assert_not_reached ();
    }

  row->label = gtk_label_new (translate (g_param_spec_get_nick (pspec)));
  gtk_label_set_xalign (GTK_LABEL (row->label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (row->label), row->editor);
  gtk_label_set_ellipsize (GTK_LABEL (row->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (row->label), 28);
  gtk_widget_set_tooltip_text (row->label, blurb);
  gtk_widget_set_tooltip_text (row->editor, blurb);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->editor),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, blurb, -1);
  gtk_widget_set_hexpand (row->editor, row->kind != ROW_BOOL);

  editor_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (editor_box), row->editor);
  if (row->entry != NULL)
    gtk_box_append (GTK_BOX (editor_box), row->entry);

  def_text = node_to_text (row->default_value);
  reset_tip = g_strdup_printf (_("Back to the default (%s)"), def_text);
  row->reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_add_css_class (row->reset, "flat");
  gtk_widget_set_tooltip_text (row->reset, reset_tip);
  gtk_widget_set_valign (row->reset, GTK_ALIGN_CENTER);
  g_signal_connect (row->reset, "clicked", G_CALLBACK (reset_clicked_cb), row);

  row->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (row->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (row->error_label), 0);
  gtk_widget_add_css_class (row->error_label, "error");
  gtk_widget_add_css_class (row->error_label, "lb-caption");
  gtk_widget_set_visible (row->error_label, FALSE);

  gtk_grid_attach (GTK_GRID (self->grid), row->label, 0, grid_row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), editor_box, 1, grid_row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), info_button_new (row), 2, grid_row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), row->reset, 3, grid_row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), row->error_label, 1, grid_row + 1, 3, 1);

  if (row->kind == ROW_ESTIMATOR)
    {
      row->nested_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_margin_start (row->nested_box, 18);
      gtk_widget_add_css_class (row->nested_box, "card");
      gtk_grid_attach (GTK_GRID (self->grid), row->nested_box, 0, grid_row + 2, 4, 1);
    }
  row_show_value (self, row);
}

static void
build_rows (LbParamForm *self)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;
  int grid_row = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self->work), &n_pspecs);
  qsort (pspecs, n_pspecs, sizeof (GParamSpec *), compare_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      guint before = self->rows->len;

      if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspec->flags & (G_PARAM_DEPRECATED | G_PARAM_CONSTRUCT_ONLY)) != 0)
        continue;
      build_row (self, pspec, grid_row);
      if (self->rows->len > before)
        grid_row += 3;
    }
  if (self->rows->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("This step has no parameters to set."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, 0, 4, 1);
    }
}

/* --- GObject --- */

static void
lb_param_form_dispose (GObject *object)
{
  LbParamForm *self = LB_PARAM_FORM (object);

  g_clear_pointer (&self->grid, gtk_widget_unparent);
  G_OBJECT_CLASS (lb_param_form_parent_class)->dispose (object);
}

static void
lb_param_form_finalize (GObject *object)
{
  LbParamForm *self = LB_PARAM_FORM (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->work);
  g_clear_object (&self->defaults);
  G_OBJECT_CLASS (lb_param_form_parent_class)->finalize (object);
}

static void
lb_param_form_class_init (LbParamFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_param_form_dispose;
  object_class->finalize = lb_param_form_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lb-param-form");
}

static void
lb_param_form_init (LbParamForm *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 8);
  gtk_widget_set_margin_start (self->grid, 6);
  gtk_widget_set_margin_end (self->grid, 6);
  gtk_widget_set_margin_top (self->grid, 6);
  gtk_widget_set_margin_bottom (self->grid, 6);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
}

/* --- public API --- */

GtkWidget *
lb_param_form_new (LbEstimator *estimator)
{
  LbParamForm *self;

  g_return_val_if_fail (LB_IS_ESTIMATOR (estimator), NULL);

  self = g_object_new (LB_TYPE_PARAM_FORM, NULL);
  self->work = lb_estimator_clone (estimator);
  self->defaults = g_object_new (G_OBJECT_TYPE (estimator), NULL);
  build_rows (self);
  return GTK_WIDGET (self);
}

const char *
lb_param_form_get_estimator_name (LbParamForm *self)
{
  g_return_val_if_fail (LB_IS_PARAM_FORM (self), NULL);
  return lb_estimator_get_name (self->work);
}

JsonObject *
lb_param_form_dup_params (LbParamForm *self)
{
  JsonObject *params;

  g_return_val_if_fail (LB_IS_PARAM_FORM (self), NULL);
  params = json_object_new ();
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      JsonNode *now;

      if (row_is_default (self, row))
        continue;
      if (row->nested_form != NULL)
        {
          JsonObject *spec = json_object_new ();

          json_object_set_string_member (spec, "estimator",
                                         lb_param_form_get_estimator_name (LB_PARAM_FORM (row->nested_form)));
          json_object_set_object_member (spec, "params",
                                         lb_param_form_dup_params (LB_PARAM_FORM (row->nested_form)));
          json_object_set_object_member (params, row->name, spec);
          continue;
        }
      now = current_node (self, row);
      if (now != NULL)
        json_object_set_member (params, row->name, now);
    }
  return params;
}

void
lb_param_form_set_params (LbParamForm *self,
                          JsonObject  *params)
{
  g_autoptr(GList) members = NULL;

  g_return_if_fail (LB_IS_PARAM_FORM (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];

      if (row->default_value != NULL)
        lb_estimator_set_param (self->work, row->pspec->name, row->default_value, NULL);
    }
  if (params != NULL)
    members = json_object_get_members (params);
  for (GList *l = members; l != NULL; l = l->next)
    lb_estimator_set_param (self->work, l->data, json_object_get_member (params, l->data), NULL);
  for (guint i = 0; i < self->rows->len; i++)
    row_show_value (self, self->rows->pdata[i]);
  /* Members the engine refused: show them on their row. */
  for (GList *l = members; l != NULL; l = l->next)
    {
      Row *row = find_row (self, l->data);
      g_autoptr(GError) error = NULL;
      g_autoptr(LbEstimator) probe = NULL;

      if (row == NULL)
        continue;
      probe = lb_estimator_clone (self->work);
      if (!lb_estimator_set_param (probe, row->pspec->name, json_object_get_member (params, l->data), &error))
        {
          row_set_error (row, error->message);
          row_update_reset (self, row);
        }
    }
}

gboolean
lb_param_form_set_value (LbParamForm *self,
                         const char  *name,
                         const char  *text)
{
  Row *row;
  gboolean ok;

  g_return_val_if_fail (LB_IS_PARAM_FORM (self), FALSE);
  g_return_val_if_fail (name != NULL && text != NULL, FALSE);

  row = find_row (self, name);
  if (row == NULL)
    return FALSE;
  ok = row_commit_text (self, row, text, TRUE);
  if (ok)
    {
      row_show_value (self, row);
      revalidate (self, row);
    }
  else
    {
      /* Leave the refused text in the editor, as typed. */
      self->updating++;
      if (row->kind == ROW_ENTRY)
        gtk_editable_set_text (GTK_EDITABLE (row->editor), text);
      else if (row->kind == ROW_CHOICE)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (row->editor), row->n_choices);
          gtk_widget_set_visible (row->entry, TRUE);
          gtk_editable_set_text (GTK_EDITABLE (row->entry), text);
        }
      else if (row->kind == ROW_INT || row->kind == ROW_DOUBLE || row->kind == ROW_LOG_DOUBLE)
        gtk_editable_set_text (GTK_EDITABLE (row->editor), text);
      self->updating--;
      {
        g_autoptr(GError) error = NULL;

        if (!row_accepts (self, row, text, &error))
          row_set_error (row, error->message);
      }
    }
  return ok;
}

char *
lb_param_form_dup_value (LbParamForm *self,
                         const char  *name)
{
  Row *row;
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (LB_IS_PARAM_FORM (self), NULL);
  row = find_row (self, name);
  if (row == NULL)
    return NULL;
  node = current_node (self, row);
  if (row->kind == ROW_ESTIMATOR)
    return node != NULL ? json_to_string (node, FALSE) : g_strdup ("null");
  return node_to_text (node);
}

const char *
lb_param_form_get_error (LbParamForm *self,
                         const char  *name)
{
  Row *row;

  g_return_val_if_fail (LB_IS_PARAM_FORM (self), NULL);
  row = find_row (self, name);
  return row != NULL ? row->error : NULL;
}

gboolean
lb_param_form_reset_value (LbParamForm *self,
                           const char  *name)
{
  Row *row;

  g_return_val_if_fail (LB_IS_PARAM_FORM (self), FALSE);
  row = find_row (self, name);
  if (row == NULL)
    return FALSE;
  g_signal_emit_by_name (row->reset, "clicked");
  return TRUE;
}

gboolean
lb_param_form_get_valid (LbParamForm *self)
{
  g_return_val_if_fail (LB_IS_PARAM_FORM (self), FALSE);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];

      if (row->error != NULL)
        return FALSE;
      if (row->nested_form != NULL && !lb_param_form_get_valid (LB_PARAM_FORM (row->nested_form)))
        return FALSE;
    }
  return TRUE;
}

guint
lb_param_form_get_n_rows (LbParamForm *self)
{
  g_return_val_if_fail (LB_IS_PARAM_FORM (self), 0);
  return self->rows->len;
}

const char *
lb_param_form_get_row_name (LbParamForm *self,
                            guint        i)
{
  g_return_val_if_fail (LB_IS_PARAM_FORM (self), NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);
  return ((Row *) self->rows->pdata[i])->name;
}

GtkWidget *
lb_param_form_get_editor (LbParamForm *self,
                          const char  *name)
{
  Row *row;

  g_return_val_if_fail (LB_IS_PARAM_FORM (self), NULL);
  row = find_row (self, name);
  return row != NULL ? row->editor : NULL;
}

LbEstimator *
lb_param_form_dup_estimator (LbParamForm *self)
{
  g_return_val_if_fail (LB_IS_PARAM_FORM (self), NULL);
  return lb_estimator_clone (self->work);
}
