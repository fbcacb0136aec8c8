/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-estimator.h: LbEstimator, scikit-learn's estimator contract as a GObject
 * class. Hyper-parameters are GObject properties (readable, writable,
 * G_PARAM_EXPLICIT_NOTIFY, with ranges, defaults and translatable nick/blurb):
 * get/set, clone, JSON, grid search and the UI's forms all come from the same
 * GParamSpecs. Setting a property never fits; fit() validates then learns;
 * learned state lives apart from the properties (reset by a new fit); clone()
 * gives an unfitted copy with equal properties (nested estimators cloned deep).
 *
 * X is an LbMatrix (n_samples, n_features); y an LbMatrix (n_samples, 1):
 * values for regression, class codes 0..k-1 with category names for
 * classification (lb_matrix_new_from_column makes it from a table column).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lb-engine-error.h"
#include "lb-fit-context.h"
#include "lb-matrix.h"

G_BEGIN_DECLS

typedef enum
{
  LB_ESTIMATOR_REGRESSOR   = 1 << 0,
  LB_ESTIMATOR_CLASSIFIER  = 1 << 1,
  LB_ESTIMATOR_TRANSFORMER = 1 << 2,
  LB_ESTIMATOR_ALLOW_NAN   = 1 << 3,  /* fit/transform accept NaN in X (imputers) */
  LB_ESTIMATOR_NEEDS_Y     = 1 << 4,  /* fit fails without y (every predictor) */
  LB_ESTIMATOR_ITERATIVE   = 1 << 5,  /* reports per-epoch / per-iteration events */
  LB_ESTIMATOR_SAMPLE_WEIGHT = 1 << 6, /* fit_weighted vfunc: sample weights (trees, boosting) */
} LbEstimatorFlags;

#define LB_TYPE_ESTIMATOR (lb_estimator_get_type ())
G_DECLARE_DERIVABLE_TYPE (LbEstimator, lb_estimator, LB, ESTIMATOR, GObject)

struct _LbEstimatorClass
{
  GObjectClass parent_class;

  /* --- set in class_init --- */
  const char      *name;         /* "LinearRegression": registry and file name, untranslated */
  LbEstimatorFlags flags;

  /* --- vfuncs; NULL = not supported (the wrapper sets LB_ENGINE_ERROR_NOT_SUPPORTED) --- */
  /* Checks hyper-parameters that ranges cannot express; set an error naming the parameter. */
  gboolean  (*check_params)      (LbEstimator *self, GError **error);
  /* Learns. X is validated (shape, finiteness unless ALLOW_NAN; y present when NEEDS_Y;
   * at least 2 classes for a classifier) before this is called. */
  gboolean  (*fit)               (LbEstimator *self, LbMatrix *X, LbMatrix *y,
                                  LbFitContext *ctx, GError **error);
  /* Drops learned state (called before each fit and by clone). */
  void      (*reset)             (LbEstimator *self);
  LbMatrix *(*predict)           (LbEstimator *self, LbMatrix *X, GError **error);  /* (n, 1) */
  LbMatrix *(*predict_proba)     (LbEstimator *self, LbMatrix *X, GError **error);  /* (n, k) */
  LbMatrix *(*decision_function) (LbEstimator *self, LbMatrix *X, GError **error);  /* (n, 1) binary, (n, k) */
  LbMatrix *(*transform)         (LbEstimator *self, LbMatrix *X, GError **error);
  /* Output column names of a transformer given the input names (n_in of them). */
  char    **(*get_feature_names_out) (LbEstimator *self, const char * const *names_in, guint n_in);
  /* Learned state to/from JSON (model files). */
  JsonNode *(*save_state)        (LbEstimator *self, GError **error);
  gboolean  (*load_state)        (LbEstimator *self, JsonNode *state, GError **error);
  /* Learned attributes for display (coef_, intercept_, feature_importances_ …):
   * a JSON object; NULL when none. */
  JsonNode *(*describe_state)    (LbEstimator *self);
  /* Nested estimators by name (a pipeline's steps, a column transformer's
   * groups), transfer none; NULL when none has that name. Used by the
   * "a.b" / "a__b" parameter paths. NULL vfunc = no children. */
  LbEstimator *(*get_child)      (LbEstimator *self, const char *name);
  /* Flags of this instance when they depend on its parts (a pipeline is a
   * classifier when its last step is). NULL = the class's flags. */
  LbEstimatorFlags (*get_flags)  (LbEstimator *self);
  /* Checks a value before lb_estimator_set_param* stores it, for values whose
   * validity ranges cannot express (a pipeline's "steps" JSON); set an error
   * naming the parameter. NULL = ranges only. */
  gboolean  (*check_param_value) (LbEstimator *self, GParamSpec *pspec,
                                  const GValue *value, GError **error);
  /* Replaces the nested estimator @name (see get_child) — scikit-learn's
   * pipe.set_params(model=Ridge()); lb_estimator_set_param ("model", spec)
   * calls it. NULL = children cannot be replaced. */
  gboolean  (*set_child)         (LbEstimator *self, const char *name,
                                  LbEstimator *child, GError **error);

  /* Learns with sample weights (@sample_weight: (n, 1), finite, >= 0, sum > 0,
   * validated by the wrapper; NULL = all ones). Set by estimators with the
   * SAMPLE_WEIGHT flag; when fit is NULL, lb_estimator_fit calls this with NULL. */
  gboolean  (*fit_weighted)      (LbEstimator *self, LbMatrix *X, LbMatrix *y,
                                  LbMatrix *sample_weight, LbFitContext *ctx,
                                  GError **error);

  gpointer padding[3];
};

/* --- the contract (wrappers validate, then call the vfuncs) ---
 *
 * lb_estimator_fit checks, in order: cancellation (so every fit, iterative or
 * not, honours a cancelled context at entry), check_params, X non-empty and
 * finite (NaN allowed with ALLOW_NAN; ±Inf never), y present when NEEDS_Y or
 * CLASSIFIER, y's length, y finite. It then resets, records n_features_in and
 * the feature names, and for a CLASSIFIER records the classes (the labels
 * present in y: y's category names in category order, or its distinct values
 * sorted and formatted shortest-exact, "0", "2.5") and hands the vfunc a y
 * RE-ENCODED as codes 0..k-1 of those classes (k = lb_estimator_get_n_classes
 * () >= 2, every class present). Scoring a classifier against a y must go
 * through lb_estimator_encode_y (y's codes are not the model's when a fold
 * lacks a class or y is numeric).
 * Bad input is refused before anything changes (a previous fit stays usable,
 * as in scikit-learn); a vfunc fit that fails leaves the estimator unfitted.
 * A classifier's predict vfunc returns those codes; the wrapper attaches the
 * class names as the output column's categories.
 * Predict/transform wrappers check fitted (NOT_FITTED), n_features
 * (INVALID_DATA) and finiteness; transform names its output columns with
 * get_feature_names_out when the vfunc left them unnamed.
 */
const char  *lb_estimator_get_name          (LbEstimator  *self);
LbEstimatorFlags lb_estimator_get_flags     (LbEstimator  *self);
gboolean     lb_estimator_is_classifier     (LbEstimator  *self);
gboolean     lb_estimator_is_regressor      (LbEstimator  *self);
gboolean     lb_estimator_is_transformer    (LbEstimator  *self);

/* @ctx may be NULL (a default context). @y may be NULL for unsupervised transformers. */
gboolean     lb_estimator_fit               (LbEstimator  *self,
                                             LbMatrix     *X,
                                             LbMatrix     *y,
                                             LbFitContext *ctx,
                                             GError      **error);
/* lb_estimator_fit with sample weights (@sample_weight NULL = unweighted).
 * An estimator without the SAMPLE_WEIGHT flag refuses non-NULL weights with
 * LB_ENGINE_ERROR_NOT_SUPPORTED; bad weights (length, NaN, negative, all
 * zero) are LB_ENGINE_ERROR_INVALID_DATA. */
gboolean     lb_estimator_fit_weighted      (LbEstimator  *self,
                                             LbMatrix     *X,
                                             LbMatrix     *y,
                                             LbMatrix     *sample_weight,
                                             LbFitContext *ctx,
                                             GError      **error);
gboolean     lb_estimator_supports_sample_weight (LbEstimator *self);
gboolean     lb_estimator_is_fitted         (LbEstimator  *self);
guint        lb_estimator_get_n_features_in (LbEstimator  *self);
/* Class names learned from y (classifiers), NULL otherwise. */
const char * const *lb_estimator_get_classes (LbEstimator *self);
guint        lb_estimator_get_n_classes     (LbEstimator  *self);

LbMatrix    *lb_estimator_predict           (LbEstimator  *self, LbMatrix *X, GError **error);
LbMatrix    *lb_estimator_predict_proba     (LbEstimator  *self, LbMatrix *X, GError **error);
LbMatrix    *lb_estimator_decision_function (LbEstimator  *self, LbMatrix *X, GError **error);
LbMatrix    *lb_estimator_transform         (LbEstimator  *self, LbMatrix *X, GError **error);
LbMatrix    *lb_estimator_fit_transform     (LbEstimator  *self, LbMatrix *X, LbMatrix *y,
                                             LbFitContext *ctx, GError **error);
char       **lb_estimator_get_feature_names_out (LbEstimator *self,
                                             const char * const *names_in,
                                             guint         n_in);
JsonNode    *lb_estimator_describe_state    (LbEstimator  *self);

/* An unfitted copy with equal hyper-parameters (nested estimators deep-cloned). */
LbEstimator *lb_estimator_clone             (LbEstimator  *self);

/* --- hyper-parameters by name (grid search, project files, UI) --- */
/* "alpha", or "steps.model.alpha" / "model__alpha" for nested estimators.
 * Value from JSON / text; errors name the parameter and the accepted range.
 * A nested estimator's own name ("model") replaces it: the value is an
 * estimator spec ("Ridge" or {"estimator": "Ridge", "params": {…}}), and
 * get_param ("model") gives that spec. */
gboolean     lb_estimator_set_param         (LbEstimator  *self,
                                             const char   *name,
                                             JsonNode     *value,
                                             GError      **error);
gboolean     lb_estimator_set_param_string  (LbEstimator  *self,
                                             const char   *name,
                                             const char   *value,
                                             GError      **error);
JsonNode    *lb_estimator_get_param         (LbEstimator  *self,
                                             const char   *name,
                                             GError      **error);
/* All hyper-parameters as a JSON object (nested ones as objects). */
JsonNode    *lb_estimator_get_params        (LbEstimator  *self);
gboolean     lb_estimator_set_params        (LbEstimator  *self,
                                             JsonObject   *params,
                                             GError      **error);

/* --- for subclasses --- */
/* Called by a classifier's fit to record the classes (from y's categories or
 * the sorted distinct values of y). */
void         lb_estimator_set_classes       (LbEstimator  *self,
                                             const char * const *classes,
                                             guint         n_classes);

/* --- learned state (model files, conformance) --- */
/* The fitted state as JSON: {"n_features_in", "feature_names_in"?, "classes"?,
 * "model": the subclass's save_state}. NOT_FITTED before fit. */
JsonNode    *lb_estimator_save_state        (LbEstimator  *self,
                                             GError      **error);
/* Restores what lb_estimator_save_state wrote (validated: a bad node is
 * LB_ENGINE_ERROR_FILE); the estimator is fitted afterwards. */
gboolean     lb_estimator_load_state        (LbEstimator  *self,
                                             JsonNode     *state,
                                             GError      **error);

/* --- description as JSON (project files, pipeline steps, model files) --- */
/* {"estimator": "Ridge", "params": {…get_params…}} */
JsonNode    *lb_estimator_to_json           (LbEstimator  *self);
/* From "Ridge" (a string node) or {"estimator": "Ridge", "params": {…}}
 * (a "name" member is allowed and ignored). Errors name the bad key. */
LbEstimator *lb_estimator_new_from_json     (JsonNode     *spec,
                                             GError      **error);

/* --- more of the contract --- */
/* The column names of the X it was fitted on (NULL when X had none). */
const char * const *lb_estimator_get_feature_names_in (LbEstimator *self);
/* Nested estimator @name (see the get_child vfunc); transfer none. */
LbEstimator *lb_estimator_get_child         (LbEstimator  *self,
                                             const char   *name);
/* y (n, 1) as this fitted classifier's class codes 0..k-1 (matched by class
 * name: y's categories, or its values formatted like the classes); a label the
 * classifier never saw becomes NaN. For scoring predictions against y. */
LbMatrix    *lb_estimator_encode_y          (LbEstimator  *self,
                                             LbMatrix     *y,
                                             GError      **error);

/* --- helpers for save_state / load_state: doubles are stored exactly, as
 * base64 of their little-endian bytes; every length is checked on load and a
 * mismatch is LB_ENGINE_ERROR_FILE naming @what. --- */
JsonNode    *lb_state_from_doubles          (const double *values,
                                             gsize         n);
gboolean     lb_state_to_doubles            (JsonNode     *node,
                                             double       *values,
                                             gsize         n,
                                             const char   *what,
                                             GError      **error);
/* {"rows", "cols", "data", "names"?}: column names are kept, categories are not. */
JsonNode    *lb_state_from_matrix           (const LbMatrix *m);
/* @n_rows / @n_cols: the expected shape, or G_MAXSIZE for "any". */
LbMatrix    *lb_state_to_matrix             (JsonNode     *node,
                                             gsize         n_rows,
                                             gsize         n_cols,
                                             const char   *what,
                                             GError      **error);
/* Member @name of a state object (an error naming it when absent or of the
 * wrong kind). */
gboolean     lb_state_get_double            (JsonObject   *state,
                                             const char   *name,
                                             double       *value,
                                             GError      **error);
gboolean     lb_state_get_int               (JsonObject   *state,
                                             const char   *name,
                                             gint64        min,
                                             gint64        max,
                                             gint64       *value,
                                             GError      **error);
JsonNode    *lb_state_get_member            (JsonObject   *state,
                                             const char   *name,
                                             JsonNodeType  type,
                                             GError      **error);

/* --- registry --- */
void         lb_estimator_register          (GType         type);   /* class name → type */
/* Registers every built-in estimator (idempotent). */
void         lb_estimators_register_builtin (void);
GType        lb_estimator_lookup            (const char   *name);   /* G_TYPE_INVALID if unknown */
LbEstimator *lb_estimator_new_by_name       (const char   *name,
                                             GError      **error);
/* (element-type GType) sorted by name */
GArray      *lb_estimator_list_registered   (void);

G_END_DECLS
