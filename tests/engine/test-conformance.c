/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-conformance.c: the estimator contract, checked on EVERY registered
 * estimator (lb_estimator_list_registered) plus a few composed cases. For each:
 * a seeded dataset fitting its flags (regression / 3-class classification /
 * positive features for transformers); predict before fit is NOT_FITTED; clone
 * is unfitted with equal get_params; every parameter round-trips through
 * get_params → set_params and through its text form → set_param_string on a
 * fresh instance; two fits with the same context seed give bit-identical
 * outputs; a cancelled context fails with G_IO_ERROR_CANCELLED (iterative
 * ones are also cancelled mid-fit from their first event); NaN in X fails
 * unless ALLOW_NAN; a wrong feature count fails; save_state/load_state and a
 * model file round trip give bit-identical outputs; probabilities sum to 1.
 *
 * Estimators that need parameters to be usable (a pipeline's steps, the
 * expression transformer's expressions) get them from the table below.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-engine.h"
#include "lb-test-estimators.h"

#define N_SAMPLES  90
#define N_FEATURES 4

typedef struct
{
  char *path;
  char *name;     /* registered estimator name */
  char *params;   /* JSON object or NULL */
} Case;

/* Parameters that make an estimator usable on the conformance data. */
static const struct
{
  const char *name;
  const char *variant;  /* NULL: the registered type's own case */
  const char *params;
} configs[] = {
  { "Pipeline", NULL,
    "{\"steps\": [{\"name\": \"center\", \"estimator\": \"TestCenter\"},"
    "             {\"name\": \"model\", \"estimator\": \"TestSlope\", \"params\": {\"slope\": 0.5}}]}" },
  { "Pipeline", "classifier",
    "{\"steps\": [{\"name\": \"center\", \"estimator\": \"TestCenter\"},"
    "             {\"name\": \"model\", \"estimator\": \"TestCentroid\"}]}" },
  { "Pipeline", "nested",
    "{\"steps\": [{\"name\": \"prep\", \"estimator\": \"ColumnTransformer\", \"params\": {"
    "                \"transformers\": [{\"name\": \"c\", \"columns\": [\"f0\", \"f2\"], \"estimator\": \"Pipeline\","
    "                                    \"params\": {\"steps\": [{\"name\": \"center\", \"estimator\": \"TestCenter\"}]}}],"
    "                \"remainder\": \"passthrough\"}},"
    "             {\"name\": \"model\", \"estimator\": \"TestSlope\"}]}" },
  { "ColumnTransformer", NULL,
    "{\"transformers\": [{\"name\": \"c\", \"columns\": [\"f0\", \"f2\"], \"estimator\": \"TestCenter\"},"
    "                    {\"name\": \"p\", \"columns\": [\"f1\"], \"estimator\": \"passthrough\"}],"
    " \"remainder\": \"passthrough\"}" },
  { "ExpressionTransformer", NULL, "{\"expressions\": [\"ratio = f0 / f1\", \"sum = f2 + f3\"]}" },
  /* real steps, when their estimators are registered */
  { "Pipeline", "scaler-sgd-classifier",
    "{\"steps\": [{\"name\": \"scaler\", \"estimator\": \"StandardScaler\"},"
    "             {\"name\": \"model\", \"estimator\": \"SGDClassifier\"}]}" },
  { "Pipeline", "imputer-scaler-linear",
    "{\"steps\": [{\"name\": \"imputer\", \"estimator\": \"SimpleImputer\", \"params\": {\"strategy\": \"median\"}},"
    "             {\"name\": \"scaler\", \"estimator\": \"StandardScaler\"},"
    "             {\"name\": \"model\", \"estimator\": \"LinearRegression\"}]}" },
  /* ensembles: members to vote, and few, small members (not KNN, whose state is the data)
   * so the hostile-state sweep stays short */
  { "VotingClassifier", NULL,
    "{\"voting\": \"soft\", \"estimators\": [{\"name\": \"lr\", \"estimator\": \"LogisticRegression\"},"
    "                                        {\"name\": \"prior\", \"estimator\": \"DummyClassifier\"}]}" },
  { "VotingRegressor", NULL,
    "{\"estimators\": [{\"name\": \"lin\", \"estimator\": \"LinearRegression\"},"
    "                 {\"name\": \"ridge\", \"estimator\": \"Ridge\"}]}" },
  { "BaggingClassifier", NULL, "{\"n_estimators\": 3, \"oob_score\": true}" },
  { "BaggingRegressor", NULL, "{\"n_estimators\": 3, \"max_features\": 0.5}" },
  { "AdaBoostClassifier", NULL, "{\"n_estimators\": 3}" },
  { "AdaBoostRegressor", NULL, "{\"n_estimators\": 3}" },
  { "GradientBoostingRegressor", NULL, "{\"n_estimators\": 3}" },
  { "GradientBoostingClassifier", NULL, "{\"n_estimators\": 1, \"max_depth\": 2}" },
  { "XGBRegressor", NULL, "{\"n_estimators\": 5}" },
  { "XGBClassifier", NULL, "{\"n_estimators\": 5}" },
  { "StackingClassifier", NULL,
    "{\"cv\": 3, \"estimators\": [{\"name\": \"lr\", \"estimator\": \"LogisticRegression\"},"
    "                             {\"name\": \"prior\", \"estimator\": \"DummyClassifier\"}]}" },
  { "StackingRegressor", NULL,
    "{\"cv\": 3, \"passthrough\": true, \"estimators\": [{\"name\": \"lin\", \"estimator\": \"LinearRegression\"},"
    "                                                 {\"name\": \"mean\", \"estimator\": \"DummyRegressor\"}]}" },
};

/* --- data --- */

static const char *feature_names[] = { "f0", "f1", "f2", "f3", NULL };

/* X: (90, 4), positive (log / sqrt transformers accept it); y per kind. */
static void
make_data (gboolean    classification,
           LbMatrix  **X_out,
           LbMatrix  **y_out)
{
  LbMatrix *X = lb_matrix_new (N_SAMPLES, N_FEATURES);
  LbMatrix *y = lb_matrix_new (N_SAMPLES, 1);
  const char *classes[] = { "alpha", "beta", "gamma", NULL };
  LbRng rng;

  lb_rng_init (&rng, 20240601);
  for (guint i = 0; i < N_SAMPLES; i++)
    {
      guint c = i % 3;

      for (guint j = 0; j < N_FEATURES; j++)
        {
          double centre = classification ? 2.0 + 1.5 * ((c + j) % 3) : 1.75;

          LB_MATRIX_AT (X, i, j) = centre + (classification ? 0.4 : 1.25) * (2 * lb_rng_uniform (&rng) - 1);
        }
      if (classification)
        LB_MATRIX_AT (y, i, 0) = c;
      else
        LB_MATRIX_AT (y, i, 0) = 1.5 * LB_MATRIX_AT (X, i, 0) - 2.0 * LB_MATRIX_AT (X, i, 1) +
                                 0.5 * LB_MATRIX_AT (X, i, 2) + 0.1 * lb_rng_normal (&rng);
    }
  lb_matrix_set_column_names (X, feature_names);
  if (classification)
    lb_matrix_set_categories (y, 0, classes);
  *X_out = X;
  *y_out = y;
}

static LbEstimator *
make_estimator (const Case *c)
{
  g_autoptr(GError) error = NULL;
  LbEstimator *est = lb_estimator_new_by_name (c->name, &error);

  g_assert_no_error (error);
  if (c->params != NULL)
    {
      g_autoptr(JsonNode) params = json_from_string (c->params, &error);

      g_assert_no_error (error);
      g_assert_true (lb_estimator_set_params (est, json_node_get_object (params), &error));
      g_assert_no_error (error);
    }
  return est;
}

static gboolean
is_predictor (LbEstimator *est)
{
  return lb_estimator_is_regressor (est) || lb_estimator_is_classifier (est);
}

/* What the estimator outputs on X: predictions, or the transform. */
static LbMatrix *
output (LbEstimator *est,
        LbMatrix    *X,
        GError     **error)
{
  return is_predictor (est) ? lb_estimator_predict (est, X, error)
                            : lb_estimator_transform (est, X, error);
}

static void
assert_same_output (LbMatrix *a,
                    LbMatrix *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (lb_matrix_get_n_rows (a), ==, lb_matrix_get_n_rows (b));
  g_assert_cmpuint (lb_matrix_get_n_cols (a), ==, lb_matrix_get_n_cols (b));
  /* bit-identical (NaN included): same seed, same data, same code */
  g_assert_cmpmem (lb_matrix_get_const_data (a),
                   lb_matrix_get_n_rows (a) * lb_matrix_get_n_cols (a) * sizeof (double),
                   lb_matrix_get_const_data (b),
                   lb_matrix_get_n_rows (b) * lb_matrix_get_n_cols (b) * sizeof (double));
}

static gboolean
fit_seeded (LbEstimator *est,
            LbMatrix    *X,
            LbMatrix    *y,
            guint64      seed,
            GError     **error)
{
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();

  lb_fit_context_set_seed (ctx, seed);
  return lb_estimator_fit (est, X, y, ctx, error);
}

/* --- the checks --- */

static void
check_params_round_trip (const Case  *c,
                         LbEstimator *est)
{
  g_autoptr(JsonNode) params = lb_estimator_get_params (est);
  g_autoptr(LbEstimator) fresh = lb_estimator_new_by_name (c->name, NULL);
  g_autoptr(LbEstimator) fresh_text = lb_estimator_new_by_name (c->name, NULL);
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object = json_node_get_object (params);

  /* JSON: get_params → set_params on a fresh instance → equal */
  g_assert_true (lb_estimator_set_params (fresh, object, &error));
  g_assert_no_error (error);
  back = lb_estimator_get_params (fresh);
  g_assert_true (json_node_equal (params, back));

  /* text: each parameter as the CLI / UI would type it */
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) again = NULL;

      if (JSON_NODE_HOLDS_NULL (value))
        continue;
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (value));
      else
        text = json_to_string (value, FALSE);
      if (!lb_estimator_set_param_string (fresh_text, l->data, text, &error))
        g_error ("%s: set_param_string (%s, %s): %s", c->name, (const char *) l->data, text,
                 error->message);
      again = lb_estimator_get_param (fresh_text, l->data, &error);
      g_assert_no_error (error);
      if (!json_node_equal (value, again))
        {
          g_autofree char *a = json_to_string (value, FALSE);
          g_autofree char *b = json_to_string (again, FALSE);

          g_error ("%s: parameter %s: %s became %s through its text form", c->name,
                   (const char *) l->data, a, b);
        }
    }
}

/* A valid value other than the default for a simple parameter, or NULL. */
static JsonNode *
other_value (GParamSpec *pspec)
{
  GType t = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    return json_node_init_boolean (json_node_alloc (), !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
  if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      GParamSpecDouble *d = G_PARAM_SPEC_DOUBLE (pspec);
      double v = d->default_value + 0.5;

      if (!(v <= d->maximum))
        v = d->minimum > -G_MAXDOUBLE ? d->minimum : d->default_value - 0.5;
      return v == d->default_value ? NULL : json_node_init_double (json_node_alloc (), v);
    }
  if (G_IS_PARAM_SPEC_INT (pspec) || G_IS_PARAM_SPEC_UINT (pspec) || G_IS_PARAM_SPEC_INT64 (pspec))
    {
      gint64 def, min, max;

      if (G_IS_PARAM_SPEC_INT (pspec))
        def = G_PARAM_SPEC_INT (pspec)->default_value, min = G_PARAM_SPEC_INT (pspec)->minimum,
        max = G_PARAM_SPEC_INT (pspec)->maximum;
      else if (G_IS_PARAM_SPEC_UINT (pspec))
        def = G_PARAM_SPEC_UINT (pspec)->default_value, min = G_PARAM_SPEC_UINT (pspec)->minimum,
        max = G_PARAM_SPEC_UINT (pspec)->maximum;
      else
        def = G_PARAM_SPEC_INT64 (pspec)->default_value, min = G_PARAM_SPEC_INT64 (pspec)->minimum,
        max = G_PARAM_SPEC_INT64 (pspec)->maximum;
      if (def < max)
        return json_node_init_int (json_node_alloc (), def + 1);
      if (def > min)
        return json_node_init_int (json_node_alloc (), def - 1);
      return NULL;
    }
  if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GParamSpecEnum *e = G_PARAM_SPEC_ENUM (pspec);

      for (guint i = 0; i < e->enum_class->n_values; i++)
        if (e->enum_class->values[i].value != e->default_value)
          return json_node_init_string (json_node_alloc (), e->enum_class->values[i].value_nick);
      return NULL;
    }
  if (t == G_TYPE_STRING)
    return json_node_init_string (json_node_alloc (), "conformance");
  return NULL;
}

/* Setting a parameter changes what get_param reports (no setter ignores its value). */
static void
check_params_stored (const Case *c)
{
  g_autoptr(LbEstimator) probe = lb_estimator_new_by_name (c->name, NULL);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (probe), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autoptr(LbEstimator) fresh = NULL;
      g_autoptr(JsonNode) value = NULL;
      g_autoptr(JsonNode) back = NULL;
      g_autoptr(GError) error = NULL;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      value = other_value (pspecs[i]);
      if (value == NULL)
        continue;
      fresh = lb_estimator_new_by_name (c->name, NULL);
      if (!lb_estimator_set_param (fresh, pspecs[i]->name, value, &error))
        g_error ("%s: set_param (%s) to a valid non-default value: %s", c->name,
                 pspecs[i]->name, error->message);
      back = lb_estimator_get_param (fresh, pspecs[i]->name, &error);
      g_assert_no_error (error);
      if (!json_node_equal (value, back))
        {
          g_autofree char *a = json_to_string (value, FALSE);
          g_autofree char *b = json_to_string (back, FALSE);

          g_error ("%s: parameter %s set to %s reads back %s", c->name, pspecs[i]->name, a, b);
        }
    }
}

/* --- hostile states: every node of a saved model's state, mutated --- */

typedef struct
{
  JsonNode *parent;   /* an object or array node */
  char     *member;   /* in an object parent */
  guint     index;    /* in an array parent */
  JsonNode *node;
  char     *path;     /* "state.model.coef", for the failure message */
} Site;

static void
site_free (gpointer data)
{
  Site *site = data;

  g_free (site->member);
  g_free (site->path);
  g_free (site);
}

static void
collect_sites (JsonNode   *parent,
               const char *member,
               guint       index,
               JsonNode   *node,
               const char *path,
               GPtrArray  *out)
{
  Site *site = g_new0 (Site, 1);

  site->path = g_strdup (path);
  site->parent = parent;
  site->member = g_strdup (member);
  site->index = index;
  site->node = node;
  g_ptr_array_add (out, site);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *sub = g_strdup_printf ("%s.%s", path, (const char *) l->data);

          collect_sites (node, l->data, 0, json_object_get_member (json_node_get_object (node), l->data),
                         sub, out);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);

          collect_sites (node, NULL, i, json_array_get_element (array, i), sub, out);
        }
    }
}

/* Puts @replacement (ownership taken) where @site's node was. (json-glib
 * 1.6 cannot re-initialise a node to another kind in place.) */
static void
replace_node (Site     *site,
              JsonNode *replacement)
{
  if (site->member != NULL)
    {
      json_object_set_member (json_node_get_object (site->parent), site->member, replacement);
      return;
    }
  {
    JsonArray *array = json_node_get_array (site->parent);
    g_autoptr(GPtrArray) tail = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

    while (json_array_get_length (array) > site->index + 1)
      {
        guint last = json_array_get_length (array) - 1;

        g_ptr_array_add (tail, json_node_ref (json_array_get_element (array, last)));
        json_array_remove_element (array, last);
      }
    json_array_remove_element (array, site->index);
    json_array_add_element (array, replacement);
    for (guint i = tail->len; i > 0; i--)
      json_array_add_element (array, json_node_ref (tail->pdata[i - 1]));
  }
}

#define N_MUTATIONS 7

/* Applies mutation @m at @site; FALSE when it does not apply. */
static gboolean
mutate (Site  *site,
        guint  m)
{
  JsonNode *node = site->node;

  switch (m)
    {
    case 0:
      replace_node (site, json_node_init_null (json_node_alloc ()));
      return TRUE;
    case 1:
      replace_node (site, json_node_init_string (json_node_alloc (), "AAAA"));
      return TRUE;
    case 5:
      {
        JsonObject *empty = json_object_new ();

        replace_node (site, json_node_init_object (json_node_alloc (), empty));
        json_object_unref (empty);
      }
      return TRUE;
    case 6:
      replace_node (site, json_node_init_int (json_node_alloc (), 0));
      return TRUE;
    default:
      break;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType t = json_node_get_value_type (node);

      if (t == G_TYPE_INT64)
        {
          const gint64 v[] = { json_node_get_int (node) + 1, -1, G_MAXINT32 };

          json_node_set_int (node, v[m - 2]);
          return TRUE;
        }
      if (t == G_TYPE_DOUBLE)
        {
          const double v[] = { 2 * json_node_get_double (node) + 1, -1e308, NAN };

          json_node_set_double (node, v[m - 2]);
          return TRUE;
        }
      if (t == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);
          g_autofree char *v = m == 2 ? g_strndup (text, strlen (text) / 2)
                             : m == 3 ? g_strconcat (text, "AAAAAAAA", NULL)
                             : g_strdup ("");

          json_node_set_string (node, v);
          return TRUE;
        }
      if (t == G_TYPE_BOOLEAN && m == 2)
        {
          json_node_set_boolean (node, !json_node_get_boolean (node));
          return TRUE;
        }
      return FALSE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      if (n == 0)
        return FALSE;
      if (m == 2)
        json_array_remove_element (array, n - 1);
      else if (m == 3)
        json_array_add_element (array, json_from_string ("[1]", NULL));
      else
        while (json_array_get_length (array) > 0)
          json_array_remove_element (array, 0);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);
      g_autofree char *victim = NULL;

      if (members == NULL || m > 3)
        return FALSE;
      victim = g_strdup (m == 2 ? members->data : g_list_last (members)->data);
      json_object_remove_member (object, victim);
      return TRUE;
    }
  return FALSE;
}

/* A file whose state was tampered with either loads (and then works or
 * fails cleanly) or is refused with LB_ENGINE_ERROR_FILE: never a crash or an
 * out-of-bounds read (run under valgrind / ASan to see the latter). */
static void
check_hostile_states (LbEstimator *est,
                      LbMatrix    *X)
{
  g_autoptr(JsonNode) good = lb_model_file_to_json (est, NULL, NULL);
  g_autofree char *good_text = json_to_string (good, FALSE);
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (site_free);
  guint n_sites, n_loaded = 0, n_tried = 0;
  JsonNode *est_node = json_object_get_member (json_node_get_object (good), "estimator");

  collect_sites (est_node, "state", 0, json_object_get_member (json_node_get_object (est_node), "state"),
                 "state", sites);
  n_sites = sites->len;
  for (guint k = 0; k < n_sites; k++)
    for (guint m = 0; m < N_MUTATIONS; m++)
      {
        g_autoptr(JsonNode) copy = json_from_string (good_text, NULL);  /* deep, unlike json_node_copy */
        g_autoptr(GPtrArray) copy_sites = g_ptr_array_new_with_free_func (site_free);
        g_autoptr(LbEstimator) loaded = NULL;
        g_autoptr(GError) error = NULL;
        JsonNode *copy_est = json_object_get_member (json_node_get_object (copy), "estimator");

        collect_sites (copy_est, "state", 0,
                       json_object_get_member (json_node_get_object (copy_est), "state"), "state", copy_sites);
        g_assert_cmpuint (copy_sites->len, ==, n_sites);
        if (!mutate (copy_sites->pdata[k], m))
          continue;
        n_tried++;
        /* shown with --verbose: the last line before a crash names the culprit */
        g_test_message ("%s: mutation %u of %s", lb_estimator_get_name (est), m,
                        ((Site *) copy_sites->pdata[k])->path);
        loaded = lb_model_file_from_json (copy, NULL, &error);
        if (loaded == NULL)
          {
            g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE);
            continue;
          }
        n_loaded++;
        if (lb_estimator_get_n_features_in (loaded) == lb_matrix_get_n_cols (X))
          {
            g_autoptr(LbMatrix) out = output (loaded, X, &error);

            g_assert_true (out != NULL || error != NULL);
          }
      }
  g_test_message ("%u tampered states, %u still loaded", n_tried, n_loaded);
}

static guint n_events;
static guint n_events_after_cancel;
static GCancellable *cancel_on_event;

static void
on_event (const LbFitEvent *event,
          gpointer          user_data)
{
  n_events++;
  if (cancel_on_event != NULL)
    {
      if (g_cancellable_is_cancelled (cancel_on_event))
        n_events_after_cancel++;
      g_cancellable_cancel (cancel_on_event);
    }
}

static void
test_conformance (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(LbEstimator) est = make_estimator (c);
  LbEstimatorFlags flags = lb_estimator_get_flags (est);
  gboolean classification = (flags & LB_ESTIMATOR_CLASSIFIER) != 0;
  g_autoptr(LbMatrix) X = NULL;
  g_autoptr(LbMatrix) y_full = NULL;
  LbMatrix *y;
  g_autoptr(LbMatrix) out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true ((flags & (LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_TRANSFORMER)) != 0);
  make_data (classification, &X, &y_full);
  y = (flags & (LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_REGRESSOR)) ? y_full : NULL;

  /* unfitted */
  g_assert_false (lb_estimator_is_fitted (est));
  g_assert_null (output (est, X, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED);
  g_clear_error (&error);
  g_assert_null (lb_estimator_save_state (est, &error));
  g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED);
  g_clear_error (&error);

  /* fit */
  if (!fit_seeded (est, X, y, 7, &error))
    g_error ("%s: fit failed: %s", c->path, error->message);
  g_assert_true (lb_estimator_is_fitted (est));
  g_assert_cmpuint (lb_estimator_get_n_features_in (est), ==, N_FEATURES);
  out = output (est, X, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lb_matrix_get_n_rows (out), ==, N_SAMPLES);
  if (is_predictor (est))
    g_assert_cmpuint (lb_matrix_get_n_cols (out), ==, 1);
  if (classification)
    {
      g_assert_cmpuint (lb_estimator_get_n_classes (est), ==, 3);
      g_assert_cmpstr (lb_estimator_get_classes (est)[2], ==, "gamma");
      for (guint i = 0; i < N_SAMPLES; i++)
        {
          double v = LB_MATRIX_AT (out, i, 0);

          g_assert_true (v == 0 || v == 1 || v == 2);
        }
      g_assert_nonnull (lb_matrix_get_categories (out, 0));
    }
  {
    g_autoptr(JsonNode) described = lb_estimator_describe_state (est);

    g_assert_true (described == NULL || JSON_NODE_HOLDS_OBJECT (described));
  }

  /* probabilities, when offered */
  {
    g_autoptr(LbMatrix) proba = lb_estimator_predict_proba (est, X, &error);

    if (proba == NULL)
      {
        g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED);
        g_clear_error (&error);
      }
    else
      {
        g_assert_cmpuint (lb_matrix_get_n_cols (proba), ==, lb_estimator_get_n_classes (est));
        for (guint i = 0; i < N_SAMPLES; i++)
          {
            double s = 0;

            for (guint k = 0; k < lb_matrix_get_n_cols (proba); k++)
              {
                g_assert_cmpfloat (LB_MATRIX_AT (proba, i, k), >=, 0.0);
                g_assert_cmpfloat (LB_MATRIX_AT (proba, i, k), <=, 1.0);
                s += LB_MATRIX_AT (proba, i, k);
              }
            /* a sum of 3 doubles each rounded once: 1e-12 is ~5000 ulps of room */
            g_assert_cmpfloat_with_epsilon (s, 1.0, 1e-12);
          }
      }
  }

  /* clone: unfitted, equal parameters */
  {
    g_autoptr(LbEstimator) copy = lb_estimator_clone (est);
    g_autoptr(JsonNode) a = lb_estimator_get_params (est);
    g_autoptr(JsonNode) b = lb_estimator_get_params (copy);

    g_assert_true (G_OBJECT_TYPE (copy) == G_OBJECT_TYPE (est));
    g_assert_false (lb_estimator_is_fitted (copy));
    g_assert_true (json_node_equal (a, b));
  }

  check_params_round_trip (c, est);
  check_params_stored (c);

  /* determinism: two clones, the same seed → identical outputs; a refit too */
  {
    g_autoptr(LbEstimator) a = lb_estimator_clone (est);
    g_autoptr(LbEstimator) b = lb_estimator_clone (est);
    g_autoptr(LbMatrix) oa = NULL;
    g_autoptr(LbMatrix) ob = NULL;
    g_autoptr(LbMatrix) again = NULL;

    g_assert_true (fit_seeded (a, X, y, 7, &error));
    g_assert_true (fit_seeded (b, X, y, 7, &error));
    oa = output (a, X, &error);
    ob = output (b, X, &error);
    assert_same_output (oa, ob);
    assert_same_output (oa, out);
    g_assert_true (fit_seeded (a, X, y, 7, &error));
    again = output (a, X, &error);
    assert_same_output (again, out);
  }

  /* cancelled before the fit starts: every estimator */
  {
    g_autoptr(LbEstimator) copy = lb_estimator_clone (est);
    g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    lb_fit_context_set_cancellable (ctx, cancellable);
    g_assert_false (lb_estimator_fit (copy, X, y, ctx, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_false (lb_estimator_is_fitted (copy));
  }

  /* iterative: events arrive, and a cancel from the first event stops it */
  if (flags & LB_ESTIMATOR_ITERATIVE)
    {
      g_autoptr(LbEstimator) copy = lb_estimator_clone (est);
      g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      gboolean ok;

      n_events = 0;
      lb_fit_context_set_event_func (ctx, on_event, NULL, NULL);
      g_assert_true (lb_estimator_fit (copy, X, y, ctx, &error));
      g_assert_cmpuint (n_events, >, 0);

      n_events = n_events_after_cancel = 0;
      cancel_on_event = cancellable;
      lb_fit_context_set_cancellable (ctx, cancellable);
      ok = lb_estimator_fit (copy, X, y, ctx, &error);
      cancel_on_event = NULL;
      /* Either it stopped with CANCELLED, or it had finished at its first
       * event (converged at once) and reported at most one more (the end). */
      if (!ok)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      else
        g_assert_cmpuint (n_events_after_cancel, <=, 1);
      g_clear_error (&error);
    }

  /* NaN in X */
  {
    g_autoptr(LbEstimator) copy = lb_estimator_clone (est);
    g_autoptr(LbMatrix) Xnan = lb_matrix_copy (X);

    LB_MATRIX_AT (Xnan, 3, 1) = NAN;
    if (!(flags & LB_ESTIMATOR_ALLOW_NAN))
      {
        g_assert_false (lb_estimator_fit (copy, Xnan, y, NULL, &error));
        g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
        g_clear_error (&error);
        g_assert_null (output (est, Xnan, &error));
        g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
        g_clear_error (&error);
      }
    else if (!lb_estimator_fit (copy, Xnan, y, NULL, &error))
      {
        /* allowed at the door, refused further in (a pipeline's model): an error, not a crash */
        g_assert_nonnull (error);
        g_clear_error (&error);
      }
  }

  /* wrong number of features */
  {
    g_autoptr(LbMatrix) extra = lb_matrix_new (N_SAMPLES, 1);
    g_autoptr(LbMatrix) wide = lb_matrix_hstack (X, extra);
    const guint cols[] = { 0, 1, 2 };
    g_autoptr(LbMatrix) narrow = lb_matrix_take_cols (X, cols, 3);

    g_assert_null (output (est, wide, &error));
    g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
    g_clear_error (&error);
    g_assert_null (output (est, narrow, &error));
    g_assert_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA);
    g_clear_error (&error);
  }

  /* learned state: save_state → load_state, and through a model file's text */
  {
    g_autoptr(JsonNode) state = lb_estimator_save_state (est, &error);
    g_autoptr(LbEstimator) loaded = make_estimator (c);
    g_autoptr(LbMatrix) o1 = NULL;
    g_autoptr(JsonNode) file = NULL;
    g_autofree char *text = NULL;
    g_autoptr(LbEstimator) from_file = NULL;
    g_autoptr(LbMatrix) o2 = NULL;

    g_assert_no_error (error);
    g_assert_true (lb_estimator_load_state (loaded, state, &error));
    g_assert_no_error (error);
    o1 = output (loaded, X, &error);
    g_assert_no_error (error);
    assert_same_output (o1, out);
    if (classification)
      g_assert_true (g_strv_equal (lb_estimator_get_classes (loaded), lb_estimator_get_classes (est)));

    file = lb_model_file_to_json (est, NULL, &error);
    g_assert_no_error (error);
    text = json_to_string (file, TRUE);
    from_file = lb_model_file_load_from_data (text, strlen (text), NULL, &error);
    g_assert_no_error (error);
    o2 = output (from_file, X, &error);
    g_assert_no_error (error);
    assert_same_output (o2, out);
  }

  check_hostile_states (est, X);
}

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->path);
  g_free (c->name);
  g_free (c->params);
  g_free (c);
}

int
main (int argc, char **argv)
{
  g_autoptr(GArray) types = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);

  g_test_init (&argc, &argv, NULL);
  lb_test_estimators_register ();
  types = lb_estimator_list_registered ();

  for (guint i = 0; i < types->len; i++)
    {
      LbEstimatorClass *klass = g_type_class_peek (g_array_index (types, GType, i));
      Case *c = g_new0 (Case, 1);

      c->name = g_strdup (klass->name);
      c->path = g_strdup_printf ("/learnbench/engine/Conformance/%s", klass->name);
      for (guint k = 0; k < G_N_ELEMENTS (configs); k++)
        if (configs[k].variant == NULL && g_str_equal (configs[k].name, klass->name))
          c->params = g_strdup (configs[k].params);
      g_ptr_array_add (cases, c);
    }
  for (guint k = 0; k < G_N_ELEMENTS (configs); k++)
    {
      Case *c;

      if (configs[k].variant == NULL)
        continue;
      /* a composed case runs only when every estimator it names is registered */
      {
        g_autoptr(JsonNode) params = json_from_string (configs[k].params, NULL);
        g_autoptr(LbEstimator) probe = lb_estimator_new_by_name (configs[k].name, NULL);

        if (probe == NULL || !lb_estimator_set_params (probe, json_node_get_object (params), NULL))
          {
            g_test_message ("skipping %s/%s: an estimator it names is not registered",
                            configs[k].name, configs[k].variant);
            continue;
          }
      }
      c = g_new0 (Case, 1);
      c->name = g_strdup (configs[k].name);
      c->params = g_strdup (configs[k].params);
      c->path = g_strdup_printf ("/learnbench/engine/Conformance/%s/%s", configs[k].name, configs[k].variant);
      g_ptr_array_add (cases, c);
    }
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = cases->pdata[i];

      g_test_add_data_func (c->path, c, test_conformance);
    }
  return g_test_run ();
}
