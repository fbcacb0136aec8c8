/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-pipeline.c: LbPipeline. Steps are fitted in place, in order, each on the
 * previous step's output, with a child context per step (progress slice i/n,
 * the pipeline's own seed). The steps' description is the "steps" parameter
 * (a JSON array), which is how clone, get_params and model files see them.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-pipeline.h"
#include "lb-estimator-private.h"

typedef struct
{
  char        *name;
  LbEstimator *estimator;
} Step;

struct _LbPipeline
{
  LbEstimator  parent_instance;
  GPtrArray   *steps;  /* Step */
};

G_DEFINE_FINAL_TYPE (LbPipeline, lb_pipeline, LB_TYPE_ESTIMATOR)

enum { PROP_0, PROP_STEPS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->name);
  g_clear_object (&step->estimator);
  g_free (step);
}

static Step *
find_step (LbPipeline *self,
           const char *name)
{
  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = self->steps->pdata[i];

      if (g_str_equal (step->name, name))
        return step;
    }
  return NULL;
}

static gboolean
check_step_name (GPtrArray  *steps,
                 const char *name,
                 GError    **error)
{
  if (name == NULL || *name == '\0' || strchr (name, '.') != NULL ||
      strstr (name, "__") != NULL || g_str_equal (name, "steps"))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("‘%s’ cannot name a step: use a non-empty name without ‘.’ or ‘__’, "
                     "other than ‘steps’"), name != NULL ? name : "");
      return FALSE;
    }
  for (guint i = 0; i < steps->len; i++)
    if (g_str_equal (((Step *) steps->pdata[i])->name, name))
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                     _("Two steps are called ‘%s’: step names must be unique"), name);
        return FALSE;
      }
  return TRUE;
}

/* --- the steps as JSON --- */

/* @json: the steps array. Returns a new array of Step, or NULL with an error
 * naming the step. */
static GPtrArray *
parse_steps (JsonNode  *json,
             GError   **error)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (step_free);
  JsonArray *array;

  if (json == NULL || JSON_NODE_HOLDS_NULL (json))
    return g_steal_pointer (&steps);
  if (!JSON_NODE_HOLDS_ARRAY (json))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("steps: must be a list of {\"name\", \"estimator\", \"params\"}"));
      return NULL;
    }
  array = json_node_get_array (json);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local = NULL;
      const char *name = NULL;
      LbEstimator *estimator;
      Step *step;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonNode *n = json_object_get_member (json_node_get_object (node), "name");

          if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
            name = json_node_get_string (n);
        }
      if (name == NULL)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("steps[%u]: a step is an object with a \"name\" and an \"estimator\""), i);
          return NULL;
        }
      if (!check_step_name (steps, name, &local))
        {
          g_set_error (error, LB_ENGINE_ERROR, local->code, "steps[%u]: %s", i, local->message);
          return NULL;
        }
      estimator = lb_estimator_new_from_json (node, &local);
      if (estimator == NULL)
        {
          g_set_error (error, local->domain, local->code, "steps[%u] (%s): %s", i, name, local->message);
          return NULL;
        }
      step = g_new0 (Step, 1);
      step->name = g_strdup (name);
      step->estimator = estimator;
      g_ptr_array_add (steps, step);
    }
  return g_steal_pointer (&steps);
}

JsonNode *
lb_pipeline_to_json (LbPipeline *self)
{
  JsonArray *array;
  JsonNode *node;

  g_return_val_if_fail (LB_IS_PIPELINE (self), NULL);
  array = json_array_new ();
  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = self->steps->pdata[i];
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "name", step->name);
      json_object_set_string_member (object, "estimator", lb_estimator_get_spec_name (step->estimator));
      json_object_set_member (object, "params", lb_estimator_get_params (step->estimator));
      json_array_add_object_element (array, object);
    }
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

static void
replace_steps (LbPipeline *self,
               GPtrArray  *steps)
{
  lb_estimator_clear_fitted (LB_ESTIMATOR (self));
  g_ptr_array_unref (self->steps);
  self->steps = steps;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
}

/* --- public API --- */

LbPipeline *
lb_pipeline_new (void)
{
  return g_object_new (LB_TYPE_PIPELINE, NULL);
}

gboolean
lb_pipeline_append (LbPipeline  *self,
                    const char  *name,
                    LbEstimator *step,
                    GError     **error)
{
  Step *s;

  g_return_val_if_fail (LB_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (LB_IS_ESTIMATOR (step), FALSE);
  g_return_val_if_fail (step != LB_ESTIMATOR (self), FALSE);
  if (!check_step_name (self->steps, name, error))
    return FALSE;
  s = g_new0 (Step, 1);
  s->name = g_strdup (name);
  s->estimator = g_object_ref (step);
  g_ptr_array_add (self->steps, s);
  lb_estimator_clear_fitted (LB_ESTIMATOR (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
  return TRUE;
}

gboolean
lb_pipeline_set_step (LbPipeline  *self,
                      const char  *name,
                      LbEstimator *step,
                      GError     **error)
{
  Step *s;

  g_return_val_if_fail (LB_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (LB_IS_ESTIMATOR (step), FALSE);
  s = find_step (self, name);
  if (s == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
                   _("The pipeline has no step ‘%s’"), name);
      return FALSE;
    }
  g_set_object (&s->estimator, step);
  lb_estimator_clear_fitted (LB_ESTIMATOR (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
  return TRUE;
}

guint
lb_pipeline_get_n_steps (LbPipeline *self)
{
  g_return_val_if_fail (LB_IS_PIPELINE (self), 0);
  return self->steps->len;
}

LbEstimator *
lb_pipeline_get_step (LbPipeline *self,
                      guint       index)
{
  g_return_val_if_fail (LB_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return ((Step *) self->steps->pdata[index])->estimator;
}

const char *
lb_pipeline_get_step_name (LbPipeline *self,
                           guint       index)
{
  g_return_val_if_fail (LB_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return ((Step *) self->steps->pdata[index])->name;
}

LbEstimator *
lb_pipeline_get_step_by_name (LbPipeline *self,
                              const char *name)
{
  Step *s;

  g_return_val_if_fail (LB_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  s = find_step (self, name);
  return s != NULL ? s->estimator : NULL;
}

LbEstimator *
lb_pipeline_get_final_step (LbPipeline *self)
{
  g_return_val_if_fail (LB_IS_PIPELINE (self), NULL);
  if (self->steps->len == 0)
    return NULL;
  return ((Step *) self->steps->pdata[self->steps->len - 1])->estimator;
}

LbPipeline *
lb_pipeline_new_from_json (JsonNode *json,
                           GError  **error)
{
  g_autoptr(GPtrArray) steps = NULL;
  LbPipeline *self;
  JsonNode *array = json;

  g_return_val_if_fail (json != NULL, NULL);
  if (JSON_NODE_HOLDS_OBJECT (json))
    {
      JsonObject *object = json_node_get_object (json);
      JsonNode *params = json_object_get_member (object, "params");
      JsonNode *name = json_object_get_member (object, "estimator");

      if (name != NULL && JSON_NODE_HOLDS_VALUE (name) &&
          json_node_get_value_type (name) == G_TYPE_STRING &&
          !g_str_equal (json_node_get_string (name), "Pipeline"))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("estimator: expected ‘Pipeline’, got ‘%s’"), json_node_get_string (name));
          return NULL;
        }
      if (params != NULL && JSON_NODE_HOLDS_OBJECT (params))
        object = json_node_get_object (params);
      array = json_object_get_member (object, "steps");
      if (array == NULL)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("A pipeline needs \"steps\""));
          return NULL;
        }
    }
  steps = parse_steps (array, error);
  if (steps == NULL)
    return NULL;
  self = lb_pipeline_new ();
  replace_steps (self, g_steal_pointer (&steps));
  return self;
}

LbMatrix *
lb_pipeline_transform_to_final (LbPipeline *self,
                                LbMatrix   *X,
                                GError    **error)
{
  g_autoptr(LbMatrix) Xt = NULL;

  g_return_val_if_fail (LB_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (X != NULL, NULL);
  if (!lb_estimator_is_fitted (LB_ESTIMATOR (self)))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                   _("This %s is not fitted yet: call fit before using it"), "Pipeline");
      return NULL;
    }
  Xt = lb_matrix_ref (X);
  for (guint i = 0; i + 1 < self->steps->len; i++)
    {
      Step *step = self->steps->pdata[i];
      LbMatrix *next = lb_estimator_transform (step->estimator, Xt, error);

      if (next == NULL)
        {
          g_prefix_error (error, _("step ‘%s’: "), step->name);
          return NULL;
        }
      lb_matrix_unref (Xt);
      Xt = next;
    }
  return g_steal_pointer (&Xt);
}

/* --- vfuncs --- */

static LbEstimatorFlags
lb_pipeline_get_flags (LbEstimator *est)
{
  LbPipeline *self = LB_PIPELINE (est);
  LbEstimatorFlags flags, last;

  if (self->steps->len == 0)
    return 0;
  last = lb_estimator_get_flags (lb_pipeline_get_final_step (self));
  flags = last & (LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_TRANSFORMER);
  flags |= lb_estimator_get_flags (lb_pipeline_get_step (self, 0)) & LB_ESTIMATOR_ALLOW_NAN;
  for (guint i = 0; i < self->steps->len; i++)
    flags |= lb_estimator_get_flags (lb_pipeline_get_step (self, i)) &
             (LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE);
  return flags;
}

static gboolean
lb_pipeline_fit (LbEstimator  *est,
                 LbMatrix     *X,
                 LbMatrix     *y,
                 LbFitContext *ctx,
                 GError      **error)
{
  LbPipeline *self = LB_PIPELINE (est);
  g_autoptr(LbMatrix) Xt = NULL;
  guint n = self->steps->len;

  if (n == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("The pipeline has no steps"));
      return FALSE;
    }
  Xt = lb_matrix_ref (X);
  for (guint i = 0; i < n; i++)
    {
      Step *step = self->steps->pdata[i];
      g_autoptr(LbFitContext) child = lb_fit_context_new_child (ctx, i, (double) i / n,
                                                                (double) (i + 1) / n);
      gboolean ok;

      /* Every step sees the pipeline's seed: a model fits as it would alone. */
      lb_fit_context_set_seed (child, lb_fit_context_get_seed (ctx));
      if (i + 1 < n)
        {
          LbMatrix *next = lb_estimator_fit_transform (step->estimator, Xt, y, child, error);

          ok = next != NULL;
          if (ok)
            {
              lb_matrix_unref (Xt);
              Xt = next;
            }
        }
      else
        ok = lb_estimator_fit (step->estimator, Xt, y, child, error);
      if (!ok)
        {
          if (error != NULL && *error != NULL &&
              !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (error, _("step ‘%s’: "), step->name);
          return FALSE;
        }
      lb_fit_context_report_fraction (child, 1.0);
    }
  return TRUE;
}

static LbMatrix *
final_call (LbPipeline *self,
            LbMatrix   *X,
            LbMatrix *(*func) (LbEstimator *, LbMatrix *, GError **),
            GError    **error)
{
  g_autoptr(LbMatrix) Xt = lb_pipeline_transform_to_final (self, X, error);

  if (Xt == NULL)
    return NULL;
  return func (lb_pipeline_get_final_step (self), Xt, error);
}

static LbMatrix *
lb_pipeline_predict (LbEstimator *est, LbMatrix *X, GError **error)
{
  return final_call (LB_PIPELINE (est), X, lb_estimator_predict, error);
}

static LbMatrix *
lb_pipeline_predict_proba (LbEstimator *est, LbMatrix *X, GError **error)
{
  return final_call (LB_PIPELINE (est), X, lb_estimator_predict_proba, error);
}

static LbMatrix *
lb_pipeline_decision_function (LbEstimator *est, LbMatrix *X, GError **error)
{
  return final_call (LB_PIPELINE (est), X, lb_estimator_decision_function, error);
}

static LbMatrix *
lb_pipeline_transform (LbEstimator *est, LbMatrix *X, GError **error)
{
  return final_call (LB_PIPELINE (est), X, lb_estimator_transform, error);
}

static char **
lb_pipeline_get_feature_names_out (LbEstimator        *est,
                                   const char * const *names_in,
                                   guint               n_in)
{
  LbPipeline *self = LB_PIPELINE (est);
  g_auto(GStrv) names = g_new0 (char *, n_in + 1);

  for (guint j = 0; j < n_in; j++)
    names[j] = g_strdup (names_in[j]);
  for (guint i = 0; i < self->steps->len; i++)
    {
      char **next = lb_estimator_get_feature_names_out (lb_pipeline_get_step (self, i),
                                                        (const char * const *) names,
                                                        g_strv_length (names));

      if (next == NULL)
        return NULL;
      g_strfreev (names);
      names = next;
    }
  return g_steal_pointer (&names);
}

static JsonNode *
lb_pipeline_save_state (LbEstimator *est,
                        GError     **error)
{
  LbPipeline *self = LB_PIPELINE (est);
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = self->steps->pdata[i];
      JsonNode *state = lb_estimator_save_state (step->estimator, error);

      if (state == NULL)
        {
          g_prefix_error (error, _("step ‘%s’: "), step->name);
          json_array_unref (array);
          return NULL;
        }
      json_array_add_element (array, state);
    }
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

static gboolean
lb_pipeline_load_state (LbEstimator *est,
                        JsonNode    *state,
                        GError     **error)
{
  LbPipeline *self = LB_PIPELINE (est);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (state) ||
      json_array_get_length (array = json_node_get_array (state)) != self->steps->len)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The pipeline's state must list one state per step (%u)"), self->steps->len);
      return FALSE;
    }
  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = self->steps->pdata[i];

      if (!lb_estimator_load_state (step->estimator, json_array_get_element (array, i), error))
        {
          g_prefix_error (error, _("step ‘%s’: "), step->name);
          return FALSE;
        }
    }
  /* The last step's classes are the pipeline's (load_state of the base set them
   * from the file; they must agree). */
  if (lb_estimator_is_classifier (est))
    {
      const char * const *a = lb_estimator_get_classes (est);
      const char * const *b = lb_estimator_get_classes (lb_pipeline_get_final_step (self));

      if (a == NULL || b == NULL || !g_strv_equal (a, b))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                       _("The pipeline's classes differ from its model's"));
          return FALSE;
        }
    }
  return TRUE;
}

static void
lb_pipeline_reset (LbEstimator *est)
{
  /* The steps keep their own learned state until they are refitted; the
   * pipeline itself holds nothing else. */
}

static JsonNode *
lb_pipeline_describe_state (LbEstimator *est)
{
  LbPipeline *self = LB_PIPELINE (est);
  JsonObject *object = json_object_new ();
  JsonNode *node;

  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = self->steps->pdata[i];
      JsonNode *d = lb_estimator_describe_state (step->estimator);

      if (d != NULL)
        json_object_set_member (object, step->name, d);
    }
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static LbEstimator *
lb_pipeline_get_child (LbEstimator *est,
                       const char  *name)
{
  return lb_pipeline_get_step_by_name (LB_PIPELINE (est), name);
}

static gboolean
lb_pipeline_set_child (LbEstimator *est,
                       const char  *name,
                       LbEstimator *child,
                       GError     **error)
{
  return lb_pipeline_set_step (LB_PIPELINE (est), name, child, error);
}

static gboolean
lb_pipeline_check_param_value (LbEstimator  *est,
                               GParamSpec   *pspec,
                               const GValue *value,
                               GError      **error)
{
  if (pspec == properties[PROP_STEPS])
    {
      g_autoptr(GPtrArray) steps = parse_steps (g_value_get_boxed (value), error);

      return steps != NULL;
    }
  return TRUE;
}

/* --- GObject --- */

static void
lb_pipeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LbPipeline *self = LB_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_STEPS:
      g_value_take_boxed (value, lb_pipeline_to_json (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_pipeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LbPipeline *self = LB_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_STEPS:
      {
        g_autoptr(GError) error = NULL;
        GPtrArray *steps = parse_steps (g_value_get_boxed (value), &error);

        if (steps == NULL)
          {
            /* lb_estimator_set_param checks first; only direct g_object_set gets here. */
            g_critical ("Pipeline: invalid steps: %s", error->message);
            return;
          }
        replace_steps (self, steps);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_pipeline_finalize (GObject *object)
{
  g_ptr_array_unref (LB_PIPELINE (object)->steps);
  G_OBJECT_CLASS (lb_pipeline_parent_class)->finalize (object);
}

static void
lb_pipeline_class_init (LbPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);

  object_class->get_property = lb_pipeline_get_property;
  object_class->set_property = lb_pipeline_set_property;
  object_class->finalize = lb_pipeline_finalize;

  est_class->name = "Pipeline";
  est_class->flags = 0;  /* from the steps: get_flags */
  est_class->get_flags = lb_pipeline_get_flags;
  est_class->fit = lb_pipeline_fit;
  est_class->reset = lb_pipeline_reset;
  est_class->predict = lb_pipeline_predict;
  est_class->predict_proba = lb_pipeline_predict_proba;
  est_class->decision_function = lb_pipeline_decision_function;
  est_class->transform = lb_pipeline_transform;
  est_class->get_feature_names_out = lb_pipeline_get_feature_names_out;
  est_class->save_state = lb_pipeline_save_state;
  est_class->load_state = lb_pipeline_load_state;
  est_class->describe_state = lb_pipeline_describe_state;
  est_class->get_child = lb_pipeline_get_child;
  est_class->check_param_value = lb_pipeline_check_param_value;
  est_class->set_child = lb_pipeline_set_child;

  properties[PROP_STEPS] =
    g_param_spec_boxed ("steps", N_("Steps"),
                        N_("The named steps, in order: transformers, then the model"),
                        JSON_TYPE_NODE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_pipeline_init (LbPipeline *self)
{
  self->steps = g_ptr_array_new_with_free_func (step_free);
}
