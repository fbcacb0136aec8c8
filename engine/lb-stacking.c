/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-stacking.c: LbStacking, scikit-learn 1.2.1's stacking: each named
 * estimator is cloned and fitted on all of X; its out-of-fold outputs
 * (lb_cross_val_predict with cv folds: StratifiedKFold for a classifier,
 * KFold otherwise, not shuffled) become the blender's features; the
 * classifier's method is predict_proba, else decision_function, else
 * predict ("auto"), and two-class probabilities keep only the second
 * column. With passthrough X follows them. The blender is then fitted on
 * those features and y.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lb-stacking.h"
#include "lb-cross-validate.h"
#include "lb-cv-splitter.h"
#include "lb-ensemble-private.h"
#include "lb-estimator-private.h"

typedef struct
{
  GPtrArray     *estimators;     /* LbNamedEstimator: the parameter */
  LbEstimator   *final;          /* parameter, may be NULL */
  guint          cv;
  LbStackMethod  stack_method;
  gboolean       passthrough;

  GPtrArray     *fitted;         /* LbEstimator per estimator; NULL when unfitted */
  LbPredictMethod *methods;      /* per estimator */
  LbEstimator   *final_fitted;
} LbStackingPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LbStacking, lb_stacking, LB_TYPE_ESTIMATOR)

G_DEFINE_ENUM_TYPE (LbStackMethod, lb_stack_method,
  G_DEFINE_ENUM_VALUE (LB_STACK_METHOD_AUTO, "auto"),
  G_DEFINE_ENUM_VALUE (LB_STACK_METHOD_PREDICT_PROBA, "predict_proba"),
  G_DEFINE_ENUM_VALUE (LB_STACK_METHOD_DECISION_FUNCTION, "decision_function"),
  G_DEFINE_ENUM_VALUE (LB_STACK_METHOD_PREDICT, "predict"))

enum { PROP_0, PROP_ESTIMATORS, PROP_FINAL_ESTIMATOR, PROP_CV, PROP_STACK_METHOD, PROP_PASSTHROUGH, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
clear_fitted (LbStackingPrivate *priv)
{
  g_clear_pointer (&priv->fitted, g_ptr_array_unref);
  g_clear_pointer (&priv->methods, g_free);
  g_clear_object (&priv->final_fitted);
}

static gboolean
resolve_method (LbStacking      *self,
                LbEstimator     *est,
                LbPredictMethod *out,
                GError         **error)
{
  LbStackingPrivate *priv = lb_stacking_get_instance_private (self);
  LbEstimatorClass *klass = LB_ESTIMATOR_GET_CLASS (est);

  if (!lb_estimator_is_classifier (LB_ESTIMATOR (self)))
    {
      *out = LB_PREDICT_METHOD_PREDICT;
      return TRUE;
    }
  switch (priv->stack_method)
    {
    case LB_STACK_METHOD_AUTO:
      *out = klass->predict_proba != NULL ? LB_PREDICT_METHOD_PREDICT_PROBA
           : klass->decision_function != NULL ? LB_PREDICT_METHOD_DECISION_FUNCTION
           : LB_PREDICT_METHOD_PREDICT;
      return TRUE;
    case LB_STACK_METHOD_PREDICT_PROBA:
      *out = LB_PREDICT_METHOD_PREDICT_PROBA;
      break;
    case LB_STACK_METHOD_DECISION_FUNCTION:
      *out = LB_PREDICT_METHOD_DECISION_FUNCTION;
      break;
    default:
      *out = LB_PREDICT_METHOD_PREDICT;
      return TRUE;
    }
  if ((*out == LB_PREDICT_METHOD_PREDICT_PROBA && klass->predict_proba == NULL) ||
      (*out == LB_PREDICT_METHOD_DECISION_FUNCTION && klass->decision_function == NULL))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("stack_method: %s has no %s"), lb_estimator_get_name (est),
                   lb_predict_method_to_string (*out));
      return FALSE;
    }
  return TRUE;
}

/* Output @m of estimator @est for X as blender columns (binary probabilities: the second only). */
static LbMatrix *
member_output (LbStacking      *self,
               LbEstimator     *est,
               LbPredictMethod  m,
               LbMatrix        *X,
               GError         **error)
{
  LbEstimator *parent = LB_ESTIMATOR (self);
  g_autoptr(LbMatrix) out = NULL;

  switch (m)
    {
    case LB_PREDICT_METHOD_PREDICT_PROBA:
      out = lb_ensemble_child_proba (parent, est, X, error);
      break;
    case LB_PREDICT_METHOD_DECISION_FUNCTION:
      out = lb_estimator_decision_function (est, X, error);
      break;
    default:
      out = lb_estimator_predict (est, X, error);
      if (out != NULL && lb_estimator_is_classifier (parent))
        {
          g_autofree int *map = lb_ensemble_class_map (parent, est, error);

          if (map == NULL)
            return NULL;
          for (gsize i = 0; i < lb_matrix_get_n_rows (out); i++)
            lb_matrix_get_data (out)[i] = map[(int) lb_matrix_get_const_data (out)[i]];
          lb_matrix_set_categories (out, 0, NULL);
        }
      break;
    }
  if (out == NULL)
    return NULL;
  if (m == LB_PREDICT_METHOD_PREDICT_PROBA && lb_matrix_get_n_cols (out) == 2)
    {
      guint one = 1;

      return lb_matrix_take_cols (out, &one, 1);
    }
  return g_steal_pointer (&out);
}

static LbMatrix *
stack_columns (GPtrArray *blocks,
               LbMatrix  *X,
               gboolean   passthrough)
{
  g_autoptr(LbMatrix) all = NULL;

  for (guint b = 0; b < blocks->len; b++)
    {
      LbMatrix *block = blocks->pdata[b];

      if (all == NULL)
        all = lb_matrix_copy (block);
      else
        {
          LbMatrix *next = lb_matrix_hstack (all, block);

          lb_matrix_unref (all);
          all = next;
        }
    }
  if (passthrough)
    {
      LbMatrix *next = lb_matrix_hstack (all, X);

      lb_matrix_unref (all);
      all = next;
    }
  lb_matrix_set_column_names (all, NULL);
  for (guint j = 0; j < lb_matrix_get_n_cols (all); j++)
    lb_matrix_set_categories (all, j, NULL);
  return g_steal_pointer (&all);
}

static gboolean
lb_stacking_fit (LbEstimator  *est,
                 LbMatrix     *X,
                 LbMatrix     *y,
                 LbFitContext *ctx,
                 GError      **error)
{
  LbStacking *self = LB_STACKING (est);
  LbStackingPrivate *priv = lb_stacking_get_instance_private (self);
  gboolean classifier = lb_estimator_is_classifier (est);
  g_autoptr(LbMatrix) y_fit = classifier ? lb_ensemble_named_y (est, y) : lb_matrix_ref (y);
  g_autoptr(GPtrArray) fitted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_matrix_unref);
  g_autofree LbPredictMethod *methods = g_new0 (LbPredictMethod, MAX (priv->estimators->len, 1));
  g_autoptr(LbEstimator) final = NULL;
  g_autoptr(LbMatrix) meta = NULL;
  g_autoptr(LbFitContext) final_ctx = NULL;
  guint n = priv->estimators->len;

  if (n == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("estimators: %s needs at least one estimator"), lb_estimator_get_name (est));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      LbNamedEstimator *item = priv->estimators->pdata[i];
      g_autoptr(LbEstimator) copy = lb_estimator_clone (item->estimator);
      g_autoptr(LbEstimator) oof_model = lb_estimator_clone (item->estimator);
      g_autoptr(LbFitContext) child = lb_ensemble_member_context (ctx, i);
      g_autoptr(LbCvSplitter) cv = NULL;
      LbMatrix *oof;
      LbFitEvent event = { 0 };

      if (classifier != lb_estimator_is_classifier (copy))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       classifier ? _("estimators: ‘%s’ (%s) is not a classifier")
                                  : _("estimators: ‘%s’ (%s) is not a regressor"),
                       item->name, lb_estimator_get_name (copy));
          return FALSE;
        }
      if (!resolve_method (self, copy, &methods[i], error) ||
          !lb_estimator_fit (copy, X, y_fit, child, error))
        goto member_failed;
      cv = lb_cv_splitter_new_default (priv->cv, est);
      oof = lb_cross_val_predict (oof_model, X, y_fit, cv, methods[i], NULL, NULL, child, error);
      if (oof == NULL)
        goto member_failed;
      if (methods[i] == LB_PREDICT_METHOD_PREDICT_PROBA && lb_matrix_get_n_cols (oof) == 2)
        {
          guint one = 1;
          LbMatrix *col = lb_matrix_take_cols (oof, &one, 1);

          lb_matrix_unref (oof);
          oof = col;
        }
      g_ptr_array_add (blocks, oof);
      g_ptr_array_add (fitted, g_steal_pointer (&copy));
      event.fraction = (double) (i + 1) / (n + 1);
      event.iteration = i + 1;
      event.loss = NAN;
      event.val_score = NAN;
      lb_fit_context_report (ctx, &event);
      continue;

    member_failed:
      if (error != NULL && *error != NULL && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (error, _("estimator ‘%s’: "), item->name);
      return FALSE;
    }

  meta = stack_columns (blocks, X, priv->passthrough);
  final = lb_ensemble_new_base (priv->final, LB_STACKING_GET_CLASS (self)->default_final, NULL, error);
  if (final == NULL)
    return FALSE;
  final_ctx = lb_ensemble_member_context (ctx, n);
  if (!lb_estimator_fit (final, meta, y_fit, final_ctx, error))
    {
      if (error != NULL && *error != NULL && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (error, _("final_estimator: "));
      return FALSE;
    }
  clear_fitted (priv);
  priv->fitted = g_steal_pointer (&fitted);
  priv->methods = g_steal_pointer (&methods);
  priv->final_fitted = g_steal_pointer (&final);
  return TRUE;
}

static void
lb_stacking_reset (LbEstimator *est)
{
  clear_fitted (lb_stacking_get_instance_private (LB_STACKING (est)));
}

LbMatrix *
lb_stacking_transform (LbStacking *self,
                       LbMatrix   *X,
                       GError    **error)
{
  LbStackingPrivate *priv;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) lb_matrix_unref);

  g_return_val_if_fail (LB_IS_STACKING (self), NULL);
  priv = lb_stacking_get_instance_private (self);
  if (priv->fitted == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                   _("This %s is not fitted yet: call fit before using it"),
                   lb_estimator_get_name (LB_ESTIMATOR (self)));
      return NULL;
    }
  for (guint i = 0; i < priv->fitted->len; i++)
    {
      LbMatrix *out = member_output (self, priv->fitted->pdata[i], priv->methods[i], X, error);

      if (out == NULL)
        return NULL;
      g_ptr_array_add (blocks, out);
    }
  return stack_columns (blocks, X, priv->passthrough);
}

static LbMatrix *
lb_stacking_predict (LbEstimator *est,
                     LbMatrix    *X,
                     GError     **error)
{
  LbStackingPrivate *priv = lb_stacking_get_instance_private (LB_STACKING (est));
  g_autoptr(LbMatrix) meta = lb_stacking_transform (LB_STACKING (est), X, error);
  g_autoptr(LbMatrix) out = NULL;

  if (meta == NULL || (out = lb_estimator_predict (priv->final_fitted, meta, error)) == NULL)
    return NULL;
  if (lb_estimator_is_classifier (est))
    {
      g_autofree int *map = lb_ensemble_class_map (est, priv->final_fitted, error);

      if (map == NULL)
        return NULL;
      for (gsize i = 0; i < lb_matrix_get_n_rows (out); i++)
        lb_matrix_get_data (out)[i] = map[(int) lb_matrix_get_const_data (out)[i]];
    }
  return g_steal_pointer (&out);
}

static LbMatrix *
lb_stacking_predict_proba (LbEstimator *est,
                           LbMatrix    *X,
                           GError     **error)
{
  LbStackingPrivate *priv = lb_stacking_get_instance_private (LB_STACKING (est));
  g_autoptr(LbMatrix) meta = lb_stacking_transform (LB_STACKING (est), X, error);

  if (meta == NULL)
    return NULL;
  return lb_ensemble_child_proba (est, priv->final_fitted, meta, error);
}

static JsonNode *
lb_stacking_save_state (LbEstimator *est,
                        GError     **error)
{
  LbStackingPrivate *priv = lb_stacking_get_instance_private (LB_STACKING (est));
  JsonNode *members = lb_ensemble_save_children ((LbEstimator * const *) priv->fitted->pdata,
                                                 priv->fitted->len, error);
  JsonNode *final = NULL;
  JsonObject *object;
  JsonArray *methods;
  JsonNode *node;

  if (members == NULL ||
      (final = lb_ensemble_save_children (&priv->final_fitted, 1, error)) == NULL)
    {
      if (members != NULL)
        json_node_unref (members);
      return NULL;
    }
  object = json_object_new ();
  json_object_set_member (object, "estimators", members);
  json_object_set_member (object, "final_estimator", final);
  methods = json_array_new ();
  for (guint i = 0; i < priv->fitted->len; i++)
    json_array_add_string_element (methods, lb_predict_method_to_string (priv->methods[i]));
  json_object_set_array_member (object, "stack_methods", methods);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static gboolean
lb_stacking_load_state (LbEstimator *est,
                        JsonNode    *state,
                        GError     **error)
{
  LbStacking *self = LB_STACKING (est);
  LbStackingPrivate *priv = lb_stacking_get_instance_private (self);
  g_autoptr(GPtrArray) members = NULL, final = NULL;
  g_autoptr(LbEstimator) final_template = NULL;
  g_autofree LbEstimator **templates = NULL;
  g_autofree LbPredictMethod *methods = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *names;
  guint n_meta = 0;

  if (!JSON_NODE_HOLDS_OBJECT (state))
    goto bad;
  object = json_node_get_object (state);
  if (priv->estimators->len == 0)
    goto bad;
  templates = g_new (LbEstimator *, priv->estimators->len);
  for (guint i = 0; i < priv->estimators->len; i++)
    templates[i] = ((LbNamedEstimator *) priv->estimators->pdata[i])->estimator;
  if ((node = lb_state_get_member (object, "estimators", JSON_NODE_ARRAY, error)) == NULL ||
      (members = lb_ensemble_load_children (node, "estimators", templates, priv->estimators->len,
                                            error)) == NULL ||
      (final_template = lb_ensemble_new_base (priv->final, LB_STACKING_GET_CLASS (self)->default_final,
                                              NULL, error)) == NULL ||
      (node = lb_state_get_member (object, "final_estimator", JSON_NODE_ARRAY, error)) == NULL ||
      (final = lb_ensemble_load_children (node, "final_estimator", &final_template, 1, error)) == NULL ||
      (node = lb_state_get_member (object, "stack_methods", JSON_NODE_ARRAY, error)) == NULL)
    return FALSE;
  names = json_node_get_array (node);
  if (members->len == 0 || final->len != 1 || json_array_get_length (names) != members->len)
    goto bad;
  methods = g_new (LbPredictMethod, members->len);
  for (guint i = 0; i < members->len; i++)
    {
      LbEstimator *m = members->pdata[i];
      JsonNode *e = json_array_get_element (names, i);
      LbEstimatorClass *klass = LB_ESTIMATOR_GET_CLASS (m);

      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING ||
          !lb_predict_method_from_string (json_node_get_string (e), &methods[i], NULL) ||
          lb_estimator_get_n_features_in (m) != lb_estimator_get_n_features_in (est) ||
          lb_estimator_is_classifier (m) != lb_estimator_is_classifier (est) ||
          (methods[i] == LB_PREDICT_METHOD_PREDICT_PROBA && klass->predict_proba == NULL) ||
          (methods[i] == LB_PREDICT_METHOD_DECISION_FUNCTION && klass->decision_function == NULL))
        goto bad;
      if (lb_estimator_is_classifier (est))
        {
          g_autofree int *map = lb_ensemble_class_map (est, m, NULL);
          guint k = lb_estimator_get_n_classes (est);

          if (map == NULL || lb_estimator_get_n_classes (m) != k)
            goto bad;
          n_meta += methods[i] == LB_PREDICT_METHOD_PREDICT ? 1 : k == 2 ? 1 : k;
        }
      else
        n_meta += 1;
    }
  if (priv->passthrough)
    n_meta += lb_estimator_get_n_features_in (est);
  if (lb_estimator_get_n_features_in (final->pdata[0]) != n_meta ||
      lb_estimator_is_classifier (final->pdata[0]) != lb_estimator_is_classifier (est))
    goto bad;
  if (lb_estimator_is_classifier (est))
    {
      g_autofree int *map = lb_ensemble_class_map (est, final->pdata[0], NULL);

      if (map == NULL)
        goto bad;
    }
  clear_fitted (priv);
  priv->fitted = g_steal_pointer (&members);
  priv->methods = g_steal_pointer (&methods);
  priv->final_fitted = g_object_ref (final->pdata[0]);
  return TRUE;

bad:
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
               _("The stacking state does not fit the model (estimators, methods or blender)"));
  return FALSE;
}

static JsonNode *
lb_stacking_describe_state (LbEstimator *est)
{
  LbStackingPrivate *priv = lb_stacking_get_instance_private (LB_STACKING (est));
  JsonObject *object, *children;
  JsonNode *node, *d;

  if (priv->fitted == NULL)
    return NULL;
  object = json_object_new ();
  children = json_object_new ();
  for (guint i = 0; i < priv->fitted->len; i++)
    {
      d = lb_estimator_describe_state (priv->fitted->pdata[i]);
      json_object_set_member (children, ((LbNamedEstimator *) priv->estimators->pdata[i])->name,
                              d != NULL ? d : json_node_init_null (json_node_alloc ()));
    }
  json_object_set_object_member (object, "named_estimators_", children);
  d = lb_estimator_describe_state (priv->final_fitted);
  json_object_set_member (object, "final_estimator_", d != NULL ? d : json_node_init_null (json_node_alloc ()));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static LbEstimator *
lb_stacking_get_child (LbEstimator *est,
                       const char  *name)
{
  LbStackingPrivate *priv = lb_stacking_get_instance_private (LB_STACKING (est));

  /* "estimators.lr.C" as "steps.model.alpha" */
  if (g_str_equal (name, "estimators"))
    return est;
  return lb_ensemble_list_find (priv->estimators, name);
}

static gboolean
lb_stacking_set_child (LbEstimator *est,
                       const char  *name,
                       LbEstimator *child,
                       GError     **error)
{
  LbStackingPrivate *priv = lb_stacking_get_instance_private (LB_STACKING (est));

  if (!lb_ensemble_list_replace (priv->estimators, name, child, error))
    return FALSE;
  lb_estimator_clear_fitted (est);
  g_object_notify_by_pspec (G_OBJECT (est), properties[PROP_ESTIMATORS]);
  return TRUE;
}

static gboolean
lb_stacking_check_param_value (LbEstimator  *est,
                               GParamSpec   *pspec,
                               const GValue *value,
                               GError      **error)
{
  if (pspec == properties[PROP_ESTIMATORS])
    {
      g_autoptr(GPtrArray) list = lb_ensemble_parse_list (g_value_get_boxed (value), "estimators", error);

      return list != NULL;
    }
  return TRUE;
}

/* --- GObject --- */

static void
lb_stacking_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LbStackingPrivate *priv = lb_stacking_get_instance_private (LB_STACKING (object));

  switch (prop_id)
    {
    case PROP_ESTIMATORS: g_value_take_boxed (value, lb_ensemble_list_to_json (priv->estimators)); break;
    case PROP_FINAL_ESTIMATOR: g_value_set_object (value, priv->final); break;
    case PROP_CV: g_value_set_uint (value, priv->cv); break;
    case PROP_STACK_METHOD: g_value_set_enum (value, priv->stack_method); break;
    case PROP_PASSTHROUGH: g_value_set_boolean (value, priv->passthrough); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_stacking_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LbStackingPrivate *priv = lb_stacking_get_instance_private (LB_STACKING (object));

  switch (prop_id)
    {
    case PROP_ESTIMATORS:
      {
        g_autoptr(GError) error = NULL;
        GPtrArray *list = lb_ensemble_parse_list (g_value_get_boxed (value), "estimators", &error);

        if (list == NULL)
          {
            g_critical ("%s: %s", G_OBJECT_TYPE_NAME (object), error->message);
            return;
          }
        g_ptr_array_unref (priv->estimators);
        priv->estimators = list;
        lb_estimator_clear_fitted (LB_ESTIMATOR (object));
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_FINAL_ESTIMATOR:
      if (g_set_object (&priv->final, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CV:
      if (priv->cv != g_value_get_uint (value))
        {
          priv->cv = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STACK_METHOD:
      if (priv->stack_method != (LbStackMethod) g_value_get_enum (value))
        {
          priv->stack_method = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PASSTHROUGH:
      if (priv->passthrough != g_value_get_boolean (value))
        {
          priv->passthrough = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_stacking_finalize (GObject *object)
{
  LbStackingPrivate *priv = lb_stacking_get_instance_private (LB_STACKING (object));

  clear_fitted (priv);
  g_ptr_array_unref (priv->estimators);
  g_clear_object (&priv->final);
  G_OBJECT_CLASS (lb_stacking_parent_class)->finalize (object);
}

static void
lb_stacking_class_init (LbStackingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_stacking_get_property;
  object_class->set_property = lb_stacking_set_property;
  object_class->finalize = lb_stacking_finalize;

  est_class->fit = lb_stacking_fit;
  est_class->reset = lb_stacking_reset;
  est_class->predict = lb_stacking_predict;
  est_class->predict_proba = lb_stacking_predict_proba;  /* StackingRegressor clears it */
  est_class->save_state = lb_stacking_save_state;
  est_class->load_state = lb_stacking_load_state;
  est_class->describe_state = lb_stacking_describe_state;
  est_class->get_child = lb_stacking_get_child;
  est_class->set_child = lb_stacking_set_child;
  est_class->check_param_value = lb_stacking_check_param_value;

  properties[PROP_ESTIMATORS] =
    g_param_spec_boxed ("estimators", N_("Estimators"),
                        N_("The named models whose out-of-fold predictions the blender learns from"),
                        JSON_TYPE_NODE, flags);
  properties[PROP_FINAL_ESTIMATOR] =
    g_param_spec_object ("final-estimator", N_("Blender"),
                         N_("The model trained on the estimators' predictions (null: logistic "
                            "regression for classes, ridge regression for values)"),
                         LB_TYPE_ESTIMATOR, flags);
  properties[PROP_CV] =
    g_param_spec_uint ("cv", N_("Folds"),
                       N_("Folds of the cross-validation that makes the out-of-fold predictions"),
                       2, 1000, 5, flags);
  properties[PROP_STACK_METHOD] =
    g_param_spec_enum ("stack-method", N_("Stack method"),
                       N_("What each classifier passes on: probabilities, decision values or "
                          "predicted classes (auto: the first it has)"),
                       LB_TYPE_STACK_METHOD, LB_STACK_METHOD_AUTO, flags);
  properties[PROP_PASSTHROUGH] =
    g_param_spec_boolean ("passthrough", N_("Pass the features through"),
                          N_("Give the blender the original features too"),
                          FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_stacking_init (LbStacking *self)
{
  LbStackingPrivate *priv = lb_stacking_get_instance_private (self);

  priv->estimators = lb_ensemble_parse_list (NULL, "estimators", NULL);
  priv->cv = 5;
}

LbEstimator *
lb_stacking_get_final_estimator (LbStacking *self)
{
  g_return_val_if_fail (LB_IS_STACKING (self), NULL);
  return ((LbStackingPrivate *) lb_stacking_get_instance_private (self))->final_fitted;
}
