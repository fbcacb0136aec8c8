/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-param-form.c: LbParamForm generated from real estimators (Ridge,
 * SimpleImputer, ExpressionTransformer, SGDRegressor) and from two small test
 * estimators (a string parameter with declared choices and one whose choices
 * are found by probing; a meta-estimator holding another estimator): the
 * right editor per type, values differing from the defaults, the engine's
 * errors shown on the row, reset, log-scale steps, and "changed".
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-param-form.h"
#include "lb-test-util.h"

/* --- a test estimator with a text parameter whose choices it declares, and
 * one with a JSON parameter whose choices the form probes --- */

#define TEST_TYPE_CHOOSY (test_choosy_get_type ())
G_DECLARE_FINAL_TYPE (TestChoosy, test_choosy, TEST, CHOOSY, LbEstimator)

struct _TestChoosy
{
  LbEstimator parent_instance;
  char       *kernel;
  JsonNode   *gamma;
  LbEstimator *inner;
};

G_DEFINE_FINAL_TYPE (TestChoosy, test_choosy, LB_TYPE_ESTIMATOR)

enum { PROP_0, PROP_KERNEL, PROP_GAMMA, PROP_INNER, N_PROPS };

static void
test_choosy_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  TestChoosy *self = TEST_CHOOSY (object);

  switch (id)
    {
    case PROP_KERNEL: g_value_set_string (value, self->kernel); break;
    case PROP_GAMMA: g_value_set_boxed (value, self->gamma); break;
    case PROP_INNER: g_value_set_object (value, self->inner); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
test_choosy_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  TestChoosy *self = TEST_CHOOSY (object);

  switch (id)
    {
    case PROP_KERNEL:
      g_free (self->kernel);
      self->kernel = g_value_dup_string (value);
      break;
    case PROP_GAMMA:
      g_clear_pointer (&self->gamma, json_node_unref);
      self->gamma = g_value_dup_boxed (value);
      break;
    case PROP_INNER:
      g_clear_object (&self->inner);
      self->inner = g_value_dup_object (value);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

/* gamma: a positive number, "scale" or "auto" (as scikit-learn's SVC). */
static gboolean
test_choosy_check_param_value (LbEstimator *est, GParamSpec *pspec, const GValue *value, GError **error)
{
  if (g_str_equal (pspec->name, "gamma"))
    {
      JsonNode *node = g_value_get_boxed (value);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING &&
          (g_str_equal (json_node_get_string (node), "scale") ||
           g_str_equal (json_node_get_string (node), "auto")))
        return TRUE;
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) != G_TYPE_STRING && json_node_get_double (node) > 0)
        return TRUE;
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   "gamma must be \"scale\", \"auto\" or a positive number");
      return FALSE;
    }
  if (g_str_equal (pspec->name, "kernel"))
    {
      const char *s = g_value_get_string (value);

      if (s == NULL || !(g_str_equal (s, "rbf") || g_str_equal (s, "linear")))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       "kernel must be rbf or linear");
          return FALSE;
        }
    }
  return TRUE;
}

static void
test_choosy_finalize (GObject *object)
{
  TestChoosy *self = TEST_CHOOSY (object);

  g_free (self->kernel);
  g_clear_pointer (&self->gamma, json_node_unref);
  g_clear_object (&self->inner);
  G_OBJECT_CLASS (test_choosy_parent_class)->finalize (object);
}

static const char *kernel_choices[] = { "rbf", "linear", NULL };

static void
test_choosy_class_init (TestChoosyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *props[N_PROPS] = { NULL };

  object_class->get_property = test_choosy_get_property;
  object_class->set_property = test_choosy_set_property;
  object_class->finalize = test_choosy_finalize;
  est_class->name = "TestChoosy";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y;
  est_class->check_param_value = test_choosy_check_param_value;
  props[PROP_KERNEL] = g_param_spec_string ("kernel", "Kernel", "The kernel", "rbf", flags);
  props[PROP_GAMMA] = g_param_spec_boxed ("gamma", "Gamma", "Kernel width", JSON_TYPE_NODE, flags);
  props[PROP_INNER] = g_param_spec_object ("estimator", "Estimator", "The inner model",
                                           LB_TYPE_ESTIMATOR, flags);
  g_param_spec_set_qdata (props[PROP_KERNEL], g_quark_from_static_string ("lb-param-choices"),
                          (gpointer) kernel_choices);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
test_choosy_init (TestChoosy *self)
{
  self->kernel = g_strdup ("rbf");
  self->gamma = json_node_init_string (json_node_alloc (), "scale");
  self->inner = lb_estimator_new_by_name ("Ridge", NULL);
}

/* --- helpers --- */

static guint n_changed;

static void
changed_cb (LbParamForm *form,
            gpointer     data)
{
  n_changed++;
}

static LbParamForm *
form_for (const char *name)
{
  g_autoptr(LbEstimator) est = lb_estimator_new_by_name (name, NULL);
  GtkWidget *form;

  g_assert_nonnull (est);
  form = lb_param_form_new (est);
  g_object_ref_sink (form);
  g_signal_connect (form, "changed", G_CALLBACK (changed_cb), NULL);
  n_changed = 0;
  return LB_PARAM_FORM (form);
}

static char *
params_text (LbParamForm *form)
{
  g_autoptr(JsonObject) params = lb_param_form_dup_params (form);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), params);

  return json_to_string (node, FALSE);
}

/* --- tests --- */

static void
test_rows_and_editors (void)
{
  g_autoptr(LbParamForm) form = form_for ("Ridge");
  g_autofree char *text = NULL;

  g_assert_cmpuint (lb_param_form_get_n_rows (form), >=, 3);
  g_assert_cmpstr (lb_param_form_get_row_name (form, 0), ==, "alpha");
  g_assert_true (GTK_IS_SPIN_BUTTON (lb_param_form_get_editor (form, "alpha")));
  g_assert_true (GTK_IS_SWITCH (lb_param_form_get_editor (form, "fit_intercept")));
  g_assert_true (GTK_IS_DROP_DOWN (lb_param_form_get_editor (form, "solver")));
  g_assert_null (lb_param_form_get_editor (form, "no_such"));
  /* Tooltips are the blurbs. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (lb_param_form_get_editor (form, "alpha")), ==,
                   "Strength of the L2 penalty: larger values shrink the weights more");
  /* Defaults: nothing differs. */
  text = params_text (form);
  g_assert_cmpstr (text, ==, "{}");
  g_assert_true (lb_param_form_get_valid (form));
  g_assert_true (lb_param_spec_is_log_scale (g_object_class_find_property (
                   g_type_class_peek (lb_estimator_lookup ("Ridge")), "alpha")));
}

static void
test_values_and_errors (void)
{
  g_autoptr(LbParamForm) form = form_for ("Ridge");
  g_autofree char *text = NULL;
  g_autofree char *alpha = NULL;

  g_assert_true (lb_param_form_set_value (form, "alpha", "10"));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (lb_param_form_set_value (form, "fit_intercept", "false"));
  g_assert_true (lb_param_form_set_value (form, "solver", "svd"));
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (lb_param_form_get_editor (form, "fit_intercept"))));
  text = params_text (form);
  g_assert_cmpstr (text, ==, "{\"alpha\":10.0,\"fit_intercept\":false,\"solver\":\"svd\"}");

  /* The engine's own message, and the last accepted value kept. */
  g_assert_false (lb_param_form_set_value (form, "alpha", "-1"));
  g_assert_cmpstr (lb_param_form_get_error (form, "alpha"), ==, "alpha must be >= 0 (got -1)");
  g_assert_false (lb_param_form_get_valid (form));
  alpha = lb_param_form_dup_value (form, "alpha");
  g_assert_cmpstr (alpha, ==, "10");
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_false (lb_param_form_set_value (form, "alpha", "abc"));
  g_assert_nonnull (lb_param_form_get_error (form, "alpha"));
  g_assert_false (lb_param_form_set_value (form, "solver", "newton"));
  g_assert_nonnull (strstr (lb_param_form_get_error (form, "solver"), "svd"));

  /* A good value clears the error. */
  g_assert_true (lb_param_form_set_value (form, "alpha", "0.5"));
  g_assert_null (lb_param_form_get_error (form, "alpha"));
  g_assert_true (lb_param_form_set_value (form, "solver", "auto"));
  g_assert_true (lb_param_form_get_valid (form));

  /* Reset to the default. */
  g_assert_true (lb_param_form_reset_value (form, "alpha"));
  g_clear_pointer (&alpha, g_free);
  alpha = lb_param_form_dup_value (form, "alpha");
  g_assert_cmpstr (alpha, ==, "1");
  g_clear_pointer (&text, g_free);
  text = params_text (form);
  g_assert_cmpstr (text, ==, "{\"fit_intercept\":false}");
}

static void
test_set_params (void)
{
  g_autoptr(LbParamForm) form = form_for ("SimpleImputer");
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(LbEstimator) est = NULL;
  g_autoptr(JsonNode) strategy = NULL;
  g_autofree char *text = NULL;

  json_object_set_string_member (params, "strategy", "median");
  json_object_set_boolean_member (params, "add_indicator", TRUE);
  lb_param_form_set_params (form, params);
  g_assert_cmpuint (n_changed, ==, 0);
  text = params_text (form);
  g_assert_cmpstr (text, ==, "{\"strategy\":\"median\",\"add_indicator\":true}");
  /* The dropdown shows it. */
  {
    GtkDropDown *dd = GTK_DROP_DOWN (lb_param_form_get_editor (form, "strategy"));
    GtkStringObject *item = gtk_drop_down_get_selected_item (dd);

    g_assert_cmpstr (gtk_string_object_get_string (item), ==, "median");
  }
  est = lb_param_form_dup_estimator (form);
  strategy = lb_estimator_get_param (est, "strategy", NULL);
  g_assert_cmpstr (json_node_get_string (strategy), ==, "median");

  /* Back to the defaults. */
  lb_param_form_set_params (form, NULL);
  g_clear_pointer (&text, g_free);
  text = params_text (form);
  g_assert_cmpstr (text, ==, "{}");
}

/* Editing through the widgets, as a learner does. */
static void
test_widgets_edit (void)
{
  g_autoptr(LbParamForm) form = form_for ("Ridge");
  GtkSpinButton *spin = GTK_SPIN_BUTTON (lb_param_form_get_editor (form, "alpha"));
  g_autofree char *alpha = NULL;
  g_autofree char *text = NULL;

  /* The arrows step one decade: 1 → 10 → 100, and back to 1 → 0.1. */
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 0);
  alpha = lb_param_form_dup_value (form, "alpha");
  g_assert_cmpstr (alpha, ==, "10");
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 0);
  g_clear_pointer (&alpha, g_free);
  alpha = lb_param_form_dup_value (form, "alpha");
  g_assert_cmpstr (alpha, ==, "100");
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_BACKWARD, 0);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_BACKWARD, 0);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_BACKWARD, 0);
  g_clear_pointer (&alpha, g_free);
  alpha = lb_param_form_dup_value (form, "alpha");
  g_assert_cmpstr (alpha, ==, "0.1");
  g_assert_cmpuint (n_changed, ==, 5);

  gtk_switch_set_active (GTK_SWITCH (lb_param_form_get_editor (form, "fit_intercept")), FALSE);
  g_assert_cmpuint (n_changed, ==, 6);
  {
    /* (json-glib prints 0.1 as 0.10000000000000001: compare the double.) */
    g_autoptr(JsonObject) params = lb_param_form_dup_params (form);

    g_assert_cmpuint (json_object_get_size (params), ==, 2);
    g_assert_cmpfloat (json_object_get_double_member (params, "alpha"), ==, 0.1);
    g_assert_false (json_object_get_boolean_member (params, "fit_intercept"));
  }
  (void) text;
}

static void
test_integer_and_linear (void)
{
  g_autoptr(LbParamForm) form = form_for ("SGDRegressor");
  GtkSpinButton *spin = GTK_SPIN_BUTTON (lb_param_form_get_editor (form, "max_iter"));
  GtkAdjustment *adj = gtk_spin_button_get_adjustment (spin);
  GtkSpinButton *ratio = GTK_SPIN_BUTTON (lb_param_form_get_editor (form, "l1_ratio"));
  g_autofree char *text = NULL;

  /* An integer: whole steps within the spec's range. */
  g_assert_cmpuint (gtk_spin_button_get_digits (spin), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_lower (adj), ==, 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_step_increment (adj), ==, 1.0);
  g_assert_false (lb_param_form_set_value (form, "max_iter", "0"));
  g_assert_false (lb_param_form_set_value (form, "max_iter", "2.5"));
  g_assert_true (lb_param_form_set_value (form, "max_iter", "500"));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 500.0);
  /* A fraction in [0, 1]: linear, 0.05 steps; tol may be negative: linear. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (ratio)), ==, 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_step_increment (gtk_spin_button_get_adjustment (ratio)), ==, 0.05);
  g_assert_false (lb_param_spec_is_log_scale (g_object_class_find_property (
                    g_type_class_peek (lb_estimator_lookup ("SGDRegressor")), "tol")));
  gtk_spin_button_spin (ratio, GTK_SPIN_STEP_FORWARD, 0);
  text = lb_param_form_dup_value (form, "l1_ratio");
  g_assert_cmpstr (text, ==, "0.2");  /* default 0.15 + 0.05 */
}

static void
test_list_lines (void)
{
  g_autoptr(LbParamForm) form = form_for ("ExpressionTransformer");
  GtkWidget *view = lb_param_form_get_editor (form, "expressions");
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;

  /* One expression per line (an item may hold a comma). */
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "rooms = total_rooms / households\n\n  b = max(x, 2)  \n", -1);
  g_assert_null (lb_param_form_get_error (form, "expressions"));
  g_assert_cmpuint (n_changed, ==, 1);
  text = params_text (form);
  g_assert_cmpstr (text, ==, "{\"expressions\":[\"rooms = total_rooms / households\",\"b = max(x, 2)\"]}");
  /* The scripted form: a comma list, shown one per line. */
  g_assert_true (lb_param_form_set_value (form, "expressions", "a = x + 1, c = y"));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    value = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  }
  g_assert_cmpstr (value, ==, "a = x + 1\nc = y");
}

static void
test_choices (void)
{
  g_autoptr(TestChoosy) est = g_object_new (TEST_TYPE_CHOOSY, NULL);
  g_autoptr(LbParamForm) form = NULL;
  g_auto(GStrv) probed = NULL;
  g_auto(GStrv) declared = NULL;
  g_autofree char *text = NULL;
  GParamSpec *gamma = g_object_class_find_property (G_OBJECT_GET_CLASS (est), "gamma");
  GParamSpec *kernel = g_object_class_find_property (G_OBJECT_GET_CLASS (est), "kernel");

  declared = lb_param_spec_dup_choices (LB_ESTIMATOR (est), kernel);
  g_assert_nonnull (declared);
  {
    g_autofree char *joined = g_strjoinv (",", declared);

    g_assert_cmpstr (joined, ==, "rbf,linear");
  }
  probed = lb_param_spec_dup_choices (LB_ESTIMATOR (est), gamma);
  g_assert_nonnull (probed);
  g_assert_cmpuint (g_strv_length (probed), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) probed, "scale"));
  g_assert_true (g_strv_contains ((const char * const *) probed, "auto"));

  form = LB_PARAM_FORM (g_object_ref_sink (lb_param_form_new (LB_ESTIMATOR (est))));
  g_assert_true (GTK_IS_DROP_DOWN (lb_param_form_get_editor (form, "gamma")));
  g_assert_true (GTK_IS_DROP_DOWN (lb_param_form_get_editor (form, "kernel")));
  /* A number is typed in "Other…"; a bad word is refused with the engine's words. */
  g_assert_true (lb_param_form_set_value (form, "gamma", "5"));
  g_assert_true (lb_param_form_set_value (form, "kernel", "linear"));
  g_assert_false (lb_param_form_set_value (form, "gamma", "-2"));
  g_assert_cmpstr (lb_param_form_get_error (form, "gamma"), ==,
                   "gamma must be \"scale\", \"auto\" or a positive number");
  g_assert_true (lb_param_form_set_value (form, "gamma", "auto"));
  text = params_text (form);
  g_assert_cmpstr (text, ==, "{\"kernel\":\"linear\",\"gamma\":\"auto\"}");
}

static void
test_nested (void)
{
  g_autoptr(TestChoosy) est = g_object_new (TEST_TYPE_CHOOSY, NULL);
  g_autoptr(LbParamForm) form = NULL;
  g_autofree char *text = NULL;
  g_autoptr(LbEstimator) copy = NULL;
  g_autoptr(JsonNode) inner = NULL;

  form = LB_PARAM_FORM (g_object_ref_sink (lb_param_form_new (LB_ESTIMATOR (est))));
  g_assert_true (GTK_IS_DROP_DOWN (lb_param_form_get_editor (form, "estimator")));
  g_assert_true (lb_param_form_set_value (form, "estimator", "Lasso"));
  copy = lb_param_form_dup_estimator (form);
  inner = lb_estimator_get_param (copy, "estimator", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (inner), "estimator"), ==, "Lasso");
  text = params_text (form);
  g_assert_cmpstr (text, ==, "{\"estimator\":{\"estimator\":\"Lasso\",\"params\":{}}}");
  g_assert_false (lb_param_form_set_value (form, "estimator", "NoSuchModel"));
  /* The original is untouched. */
  g_assert_cmpstr (lb_estimator_get_name (TEST_CHOOSY (est)->inner), ==, "Ridge");
}

/* A value fine alone that the fit-time checks refuse with the others is
 * kept with the engine's message; fixing the other parameter clears it. */
static void
test_combination (void)
{
  g_autoptr(LbParamForm) form = form_for ("SGDRegressor");
  g_autofree char *text = NULL;

  g_assert_true (lb_param_form_set_value (form, "eta0", "0"));
  g_assert_cmpstr (lb_param_form_get_error (form, "eta0"), ==,
                   "eta0 must be > 0 with this learning_rate (got 0)");
  g_assert_false (lb_param_form_get_valid (form));
  g_assert_true (lb_param_form_set_value (form, "learning_rate", "optimal"));
  g_assert_null (lb_param_form_get_error (form, "eta0"));
  g_assert_null (lb_param_form_get_error (form, "learning_rate"));
  g_assert_true (lb_param_form_get_valid (form));
  text = params_text (form);
  g_assert_cmpstr (text, ==, "{\"learning_rate\":\"optimal\",\"eta0\":0.0}");  /* row order */
}

/* Every registered estimator gets a form without warnings, with a row per
 * parameter that has a JSON form, and defaults that round-trip ("{}"). */
static void
test_every_estimator (void)
{
  g_autoptr(GArray) types = lb_estimator_list_registered ();

  for (guint i = 0; i < types->len; i++)
    {
      g_autoptr(LbEstimator) est = g_object_new (g_array_index (types, GType, i), NULL);
      g_autoptr(LbParamForm) form = LB_PARAM_FORM (g_object_ref_sink (lb_param_form_new (est)));
      g_autoptr(JsonObject) params = lb_param_form_dup_params (form);
      g_autoptr(LbEstimator) copy = lb_param_form_dup_estimator (form);
      g_autoptr(JsonNode) a = lb_estimator_get_params (est);
      g_autoptr(JsonNode) b = lb_estimator_get_params (copy);

      if (g_test_verbose ())
        g_test_message ("%s: %u rows", lb_estimator_get_name (est), lb_param_form_get_n_rows (form));
      g_assert_cmpuint (json_object_get_size (params), ==, 0);
      g_assert_true (lb_param_form_get_valid (form));
      g_assert_true (json_node_equal (a, b));
    }
}

/* Issue 5's text choices, when those estimators are registered: SVC's gamma
 * ("scale" / "auto" or a number), a tree's max_features ("sqrt" / "log2"). */
static void
test_issue5_choices (void)
{
  struct { const char *estimator, *param, *choice; } cases[] = {
    { "SVC", "gamma", "auto" },
    { "DecisionTreeClassifier", "max_features", "sqrt" },
  };
  guint tried = 0;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(LbEstimator) est = NULL;
      g_autoptr(LbParamForm) form = NULL;
      g_autoptr(JsonObject) params = NULL;

      if (lb_estimator_lookup (cases[c].estimator) == G_TYPE_INVALID)
        continue;
      tried++;
      est = lb_estimator_new_by_name (cases[c].estimator, NULL);
      form = LB_PARAM_FORM (g_object_ref_sink (lb_param_form_new (est)));
      g_assert_true (GTK_IS_DROP_DOWN (lb_param_form_get_editor (form, cases[c].param)));
      g_assert_true (lb_param_form_set_value (form, cases[c].param, cases[c].choice));
      params = lb_param_form_dup_params (form);
      g_assert_cmpstr (json_object_get_string_member (params, cases[c].param), ==, cases[c].choice);
      /* Refused at once (SVC checks the value) or kept and flagged by the
       * fit-time checks (the tree's check_params): either way, shown. */
      lb_param_form_set_value (form, cases[c].param, "no-such-word");
      g_assert_nonnull (lb_param_form_get_error (form, cases[c].param));
      g_assert_false (lb_param_form_get_valid (form));
    }
  if (tried == 0)
    g_test_skip ("SVC and DecisionTreeClassifier are not registered in this build");
}

/* A real meta-estimator (issue 5's BaggingRegressor, when registered): its
 * "estimator" offers regressors only, and a choice lands in the params. */
static void
test_bagging (void)
{
  g_autoptr(LbEstimator) est = NULL;
  g_autoptr(LbParamForm) form = NULL;
  g_autofree char *text = NULL;
  GtkDropDown *dd;
  GListModel *items;
  gboolean has_ridge = FALSE;

  if (lb_estimator_lookup ("BaggingRegressor") == G_TYPE_INVALID)
    {
      g_test_skip ("BaggingRegressor is not registered in this build");
      return;
    }
  est = lb_estimator_new_by_name ("BaggingRegressor", NULL);
  form = LB_PARAM_FORM (g_object_ref_sink (lb_param_form_new (est)));
  dd = GTK_DROP_DOWN (lb_param_form_get_editor (form, "estimator"));
  g_assert_true (GTK_IS_DROP_DOWN (dd));
  items = gtk_drop_down_get_model (dd);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);
      const char *name = gtk_string_object_get_string (item);

      has_ridge |= g_str_equal (name, "Ridge");
      g_assert_cmpstr (name, !=, "LogisticRegression");
      g_assert_cmpstr (name, !=, "StandardScaler");
    }
  g_assert_true (has_ridge);
  g_assert_true (lb_param_form_set_value (form, "estimator", "Ridge"));
  text = params_text (form);
  g_assert_cmpstr (text, ==, "{\"estimator\":{\"estimator\":\"Ridge\",\"params\":{}}}");
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run the ui suite under xvfb-run");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/learnbench/ui/ParamForm/no-display", test_no_display);
      return g_test_run ();
    }
  lb_estimators_register_builtin ();
  lb_estimator_register (TEST_TYPE_CHOOSY);
  g_test_add_func ("/learnbench/ui/ParamForm/rows-and-editors", test_rows_and_editors);
  g_test_add_func ("/learnbench/ui/ParamForm/values-and-errors", test_values_and_errors);
  g_test_add_func ("/learnbench/ui/ParamForm/set-params", test_set_params);
  g_test_add_func ("/learnbench/ui/ParamForm/widgets-edit", test_widgets_edit);
  g_test_add_func ("/learnbench/ui/ParamForm/integer-and-linear", test_integer_and_linear);
  g_test_add_func ("/learnbench/ui/ParamForm/list-lines", test_list_lines);
  g_test_add_func ("/learnbench/ui/ParamForm/choices", test_choices);
  g_test_add_func ("/learnbench/ui/ParamForm/nested", test_nested);
  g_test_add_func ("/learnbench/ui/ParamForm/combination", test_combination);
  g_test_add_func ("/learnbench/ui/ParamForm/every-estimator", test_every_estimator);
  g_test_add_func ("/learnbench/ui/ParamForm/issue5-choices", test_issue5_choices);
  g_test_add_func ("/learnbench/ui/ParamForm/bagging", test_bagging);
  return g_test_run ();
}
