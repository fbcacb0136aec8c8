/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-xgboost.c: LbXGBoost, XGBRegressor / XGBClassifier over XGBoost's C API
 * the way xgboost.sklearn (1.7) drives it: the same parameters, X handed over
 * as float64 through the array interface (XGBoost casts to float32 as Python
 * does), one XGBoosterUpdateOneIter per round (each round's metrics reported,
 * cancel checked between rounds), early stopping on a held-out fraction with
 * prediction up to the best round, and the model kept in model files as
 * XGBoost's UBJSON with its length and SHA-256 checked before XGBoost sees it.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <xgboost/c_api.h>

#include "lb-xgboost.h"
#include "lb-estimator-private.h"

typedef struct
{
  /* parameters */
  guint           n_estimators;
  guint           max_depth;
  double          learning_rate;
  double          subsample;
  double          colsample_bytree;
  double          reg_lambda;
  double          reg_alpha;
  double          gamma;
  double          min_child_weight;
  LbXGBTreeMethod tree_method;
  guint           max_bin;
  guint           early_stopping_rounds;
  double          validation_fraction;

  /* learned */
  BoosterHandle   booster;
  guint           n_rounds;
  int             best_iteration;   /* -1: predict with every round */
  GArray         *train_metric;     /* double per round */
  GArray         *valid_metric;
  guint           nthread;
} LbXGBoostPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LbXGBoost, lb_xgboost, LB_TYPE_ESTIMATOR)

G_DEFINE_ENUM_TYPE (LbXGBTreeMethod, lb_xgb_tree_method,
  G_DEFINE_ENUM_VALUE (LB_XGB_TREE_AUTO, "auto"),
  G_DEFINE_ENUM_VALUE (LB_XGB_TREE_EXACT, "exact"),
  G_DEFINE_ENUM_VALUE (LB_XGB_TREE_APPROX, "approx"),
  G_DEFINE_ENUM_VALUE (LB_XGB_TREE_HIST, "hist"))

enum
{
  PROP_0,
  PROP_N_ESTIMATORS,
  PROP_MAX_DEPTH,
  PROP_LEARNING_RATE,
  PROP_SUBSAMPLE,
  PROP_COLSAMPLE_BYTREE,
  PROP_REG_LAMBDA,
  PROP_REG_ALPHA,
  PROP_GAMMA,
  PROP_MIN_CHILD_WEIGHT,
  PROP_TREE_METHOD,
  PROP_MAX_BIN,
  PROP_EARLY_STOPPING_ROUNDS,
  PROP_VALIDATION_FRACTION,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static gboolean
xgb_check (int      rc,
           GError **error)
{
  if (rc == 0)
    return TRUE;
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
               _("XGBoost: %s"), XGBGetLastError ());
  return FALSE;
}

static void
clear_fitted (LbXGBoostPrivate *priv)
{
  if (priv->booster != NULL)
    XGBoosterFree (priv->booster);
  priv->booster = NULL;
  priv->n_rounds = 0;
  priv->best_iteration = -1;
  g_array_set_size (priv->train_metric, 0);
  g_array_set_size (priv->valid_metric, 0);
}

/* A DMatrix over @n rows of X (row-major doubles), without copying them
 * first: XGBoost reads the float64 array interface as xgboost.DMatrix (numpy) does. */
static DMatrixHandle
make_dmatrix (const double *data,
              gsize         n,
              gsize         p,
              const double *labels,
              guint         nthread,
              GError      **error)
{
  char iface[256], config[96];
  DMatrixHandle h = NULL;

  g_snprintf (iface, sizeof iface,
              "{\"data\": [%" G_GUINTPTR_FORMAT ", true], \"shape\": [%zu, %zu], "
              "\"typestr\": \"<f8\", \"version\": 3}",
              (guintptr) data, n, p);
  g_snprintf (config, sizeof config, "{\"missing\": NaN, \"nthread\": %u}", nthread);
  if (!xgb_check (XGDMatrixCreateFromDense (iface, config, &h), error))
    return NULL;
  if (labels != NULL)
    {
      g_autofree float *f = g_new (float, MAX (n, 1));

      for (gsize i = 0; i < n; i++)
        f[i] = (float) labels[i];
      if (!xgb_check (XGDMatrixSetFloatInfo (h, "label", f, n), error))
        {
          XGDMatrixFree (h);
          return NULL;
        }
    }
  return h;
}

static gboolean
set_param (BoosterHandle b,
           const char   *name,
           const char   *value,
           GError      **error)
{
  return xgb_check (XGBoosterSetParam (b, name, value), error);
}

static gboolean
set_param_double (BoosterHandle b,
                  const char   *name,
                  double        value,
                  GError      **error)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  return set_param (b, name, g_ascii_dtostr (text, sizeof text, value), error);
}

static gboolean
set_param_uint (BoosterHandle b,
                const char   *name,
                guint         value,
                GError      **error)
{
  char text[24];

  g_snprintf (text, sizeof text, "%u", value);
  return set_param (b, name, text, error);
}

static gboolean
configure (LbXGBoost    *self,
           BoosterHandle b,
           guint64       seed,
           GError      **error)
{
  LbXGBoostPrivate *priv = lb_xgboost_get_instance_private (self);
  LbEstimator *est = LB_ESTIMATOR (self);
  static const char *methods[] = { "auto", "exact", "approx", "hist" };
  guint k = lb_estimator_get_n_classes (est);

  if (lb_estimator_is_classifier (est))
    {
      if (k > 2)
        {
          if (!set_param (b, "objective", "multi:softprob", error) ||
              !set_param_uint (b, "num_class", k, error))
            return FALSE;
        }
      else if (!set_param (b, "objective", "binary:logistic", error))
        return FALSE;
    }
  else if (!set_param (b, "objective", "reg:squarederror", error))
    return FALSE;
  return set_param_uint (b, "max_depth", priv->max_depth, error) &&
         set_param_double (b, "eta", priv->learning_rate, error) &&
         set_param_double (b, "subsample", priv->subsample, error) &&
         set_param_double (b, "colsample_bytree", priv->colsample_bytree, error) &&
         set_param_double (b, "lambda", priv->reg_lambda, error) &&
         set_param_double (b, "alpha", priv->reg_alpha, error) &&
         set_param_double (b, "gamma", priv->gamma, error) &&
         set_param_double (b, "min_child_weight", priv->min_child_weight, error) &&
         set_param (b, "tree_method", methods[priv->tree_method], error) &&
         set_param_uint (b, "max_bin", priv->max_bin, error) &&
         set_param_uint (b, "seed", (guint) (seed & 0x7fffffff), error) &&
         set_param_uint (b, "nthread", priv->nthread, error) &&
         set_param (b, "verbosity", "0", error);
}

/* "[3]\ttrain-rmse:1.5\tvalid-rmse:2.5": the value after "@name-…:". */
static double
parse_metric (const char *text,
              const char *name)
{
  g_autofree char *key = g_strdup_printf ("\t%s-", name);
  const char *p = strstr (text, key);

  if (p == NULL || (p = strchr (p, ':')) == NULL)
    return NAN;
  return g_ascii_strtod (p + 1, NULL);
}

static gboolean
lb_xgboost_fit (LbEstimator  *est,
                LbMatrix     *X,
                LbMatrix     *y,
                LbFitContext *ctx,
                GError      **error)
{
  LbXGBoost *self = LB_XGBOOST (est);
  LbXGBoostPrivate *priv = lb_xgboost_get_instance_private (self);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  gboolean early = priv->early_stopping_rounds > 0;
  gboolean listening;
  g_autoptr(LbMatrix) X_train = NULL, y_train = NULL, X_valid = NULL, y_valid = NULL;
  DMatrixHandle dmats[2] = { NULL, NULL };
  const char *names[2] = { "train", "valid" };
  BoosterHandle booster = NULL;
  double best = INFINITY;
  int best_round = -1;
  gboolean ok = FALSE;

  clear_fitted (priv);
  priv->nthread = MAX (lb_fit_context_get_n_threads (ctx), 1);
  if (early)
    {
      /* the held-out rows: a seeded shuffle, the last ceil (fraction · n) of it */
      gsize n_valid = (gsize) ceil (priv->validation_fraction * (double) n);
      g_autofree guint *perm = g_new (guint, n);
      LbRng rng;

      if (n_valid < 1 || n_valid >= n)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("validation_fraction: %g of %zu rows leaves no training or no "
                         "validation rows"), priv->validation_fraction, n);
          return FALSE;
        }
      for (gsize i = 0; i < n; i++)
        perm[i] = (guint) i;
      lb_fit_context_init_rng (ctx, &rng, 0);
      lb_rng_shuffle (&rng, perm, n);
      X_train = lb_matrix_take_rows (X, perm, n - n_valid);
      y_train = lb_matrix_take_rows (y, perm, n - n_valid);
      X_valid = lb_matrix_take_rows (X, perm + (n - n_valid), n_valid);
      y_valid = lb_matrix_take_rows (y, perm + (n - n_valid), n_valid);
    }
  else
    {
      X_train = lb_matrix_ref (X);
      y_train = lb_matrix_ref (y);
    }

  dmats[0] = make_dmatrix (lb_matrix_get_const_data (X_train), lb_matrix_get_n_rows (X_train), p,
                           lb_matrix_get_const_data (y_train), priv->nthread, error);
  if (dmats[0] == NULL)
    goto out;
  if (early)
    {
      dmats[1] = make_dmatrix (lb_matrix_get_const_data (X_valid), lb_matrix_get_n_rows (X_valid), p,
                               lb_matrix_get_const_data (y_valid), priv->nthread, error);
      if (dmats[1] == NULL)
        goto out;
    }
  if (!xgb_check (XGBoosterCreate (dmats, early ? 2 : 1, &booster), error) ||
      !configure (self, booster, lb_fit_context_get_seed (ctx), error))
    goto out;

  listening = lb_fit_context_has_listener (ctx);
  for (guint round = 0; round < priv->n_estimators; round++)
    {
      const char *eval = NULL;
      LbFitEvent event = { 0 };
      double train_m, valid_m;

      if (lb_fit_context_check_cancelled (ctx, error))
        goto out;
      if (!xgb_check (XGBoosterUpdateOneIter (booster, (int) round, dmats[0]), error))
        goto out;
      /* the round's metrics cost about a fifth of a round: only when early
       * stopping needs them or someone draws the curve (as xgboost.train
       * evaluates only when given evals) */
      if (early || listening)
        {
          if (!xgb_check (XGBoosterEvalOneIter (booster, (int) round, dmats, names, early ? 2 : 1, &eval),
                          error))
            goto out;
          train_m = parse_metric (eval, "train");
          valid_m = early ? parse_metric (eval, "valid") : NAN;
        }
      else
        train_m = valid_m = NAN;
      g_array_append_val (priv->train_metric, train_m);
      g_array_append_val (priv->valid_metric, valid_m);
      priv->n_rounds = round + 1;

      event.fraction = (double) (round + 1) / priv->n_estimators;
      event.epoch = round + 1;
      event.iteration = round + 1;
      event.loss = train_m;
      event.val_score = valid_m;
      lb_fit_context_report (ctx, &event);

      if (early)
        {
          /* xgboost.callback.EarlyStopping: strictly better, patience in rounds */
          if (valid_m < best)
            {
              best = valid_m;
              best_round = (int) round;
            }
          else if ((int) round - best_round >= (int) priv->early_stopping_rounds)
            break;
        }
    }
  priv->booster = g_steal_pointer (&booster);
  priv->best_iteration = early ? best_round : -1;
  ok = TRUE;

out:
  if (booster != NULL)
    XGBoosterFree (booster);
  for (guint i = 0; i < 2; i++)
    if (dmats[i] != NULL)
      XGDMatrixFree (dmats[i]);
  if (!ok)
    clear_fitted (priv);
  return ok;
}

static void
lb_xgboost_reset (LbEstimator *est)
{
  clear_fitted (lb_xgboost_get_instance_private (LB_XGBOOST (est)));
}

/* XGBoost's output for X: (n) for regression and binary, (n, k) for softprob. */
static LbMatrix *
raw_predict (LbXGBoost *self,
             LbMatrix  *X,
             guint      n_out,
             GError   **error)
{
  LbXGBoostPrivate *priv = lb_xgboost_get_instance_private (self);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  char iface[256], config[256];
  const bst_ulong *shape = NULL;
  bst_ulong dim = 0;
  const float *result = NULL;
  LbMatrix *out;
  bst_ulong total = 1;

  g_snprintf (iface, sizeof iface,
              "{\"data\": [%" G_GUINTPTR_FORMAT ", true], \"shape\": [%zu, %zu], "
              "\"typestr\": \"<f8\", \"version\": 3}",
              (guintptr) lb_matrix_get_const_data (X), n, p);
  g_snprintf (config, sizeof config,
              "{\"type\": 0, \"training\": false, \"iteration_begin\": 0, \"iteration_end\": %d, "
              "\"strict_shape\": false, \"cache_id\": 0, \"missing\": NaN}",
              priv->best_iteration >= 0 ? priv->best_iteration + 1 : 0);
  if (!xgb_check (XGBoosterPredictFromDense (priv->booster, iface, config, NULL, &shape, &dim, &result),
                  error))
    return NULL;
  for (bst_ulong d = 0; d < dim; d++)
    total *= shape[d];
  if (total != (bst_ulong) n * n_out)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("XGBoost returned %zu values for %zu rows"), (gsize) total, n);
      return NULL;
    }
  out = lb_matrix_new (n, n_out);
  for (gsize i = 0; i < n * n_out; i++)
    lb_matrix_get_data (out)[i] = result[i];
  return out;
}

static LbMatrix *
lb_xgboost_predict_proba (LbEstimator *est,
                          LbMatrix    *X,
                          GError     **error)
{
  guint k = lb_estimator_get_n_classes (est);
  g_autoptr(LbMatrix) raw = raw_predict (LB_XGBOOST (est), X, k > 2 ? k : 1, error);
  gsize n = lb_matrix_get_n_rows (X);
  LbMatrix *out;

  if (raw == NULL)
    return NULL;
  if (k > 2)
    {
      /* softprob rows are float32 and sum to 1 only to ~1e-7: renormalised in double */
      for (gsize i = 0; i < n; i++)
        {
          double s = 0.0;

          for (guint c = 0; c < k; c++)
            s += LB_MATRIX_AT (raw, i, c);
          for (guint c = 0; c < k; c++)
            LB_MATRIX_AT (raw, i, c) /= s;
        }
      return g_steal_pointer (&raw);
    }
  out = lb_matrix_new (n, 2);
  for (gsize i = 0; i < n; i++)
    {
      double p1 = lb_matrix_get_const_data (raw)[i];

      /* XGBClassifier.predict_proba: [1 − p, p] (1 − p in double, so rows sum to 1 exactly) */
      LB_MATRIX_AT (out, i, 0) = 1.0 - p1;
      LB_MATRIX_AT (out, i, 1) = p1;
    }
  return out;
}

static LbMatrix *
lb_xgboost_predict (LbEstimator *est,
                    LbMatrix    *X,
                    GError     **error)
{
  gsize n = lb_matrix_get_n_rows (X);
  guint k;
  g_autoptr(LbMatrix) raw = NULL;
  LbMatrix *out;

  if (!lb_estimator_is_classifier (est))
    return raw_predict (LB_XGBOOST (est), X, 1, error);
  k = lb_estimator_get_n_classes (est);
  raw = raw_predict (LB_XGBOOST (est), X, k > 2 ? k : 1, error);
  if (raw == NULL)
    return NULL;
  out = lb_matrix_new (n, 1);
  for (gsize i = 0; i < n; i++)
    {
      guint best = 0;

      if (k == 2)
        best = lb_matrix_get_const_data (raw)[i] > 0.5;
      else
        for (guint c = 1; c < k; c++)
          if (LB_MATRIX_AT (raw, i, c) > LB_MATRIX_AT (raw, i, best))
            best = c;
      lb_matrix_get_data (out)[i] = best;
    }
  return out;
}

/* --- model files --- */

static JsonNode *
lb_xgboost_save_state (LbEstimator *est,
                       GError     **error)
{
  LbXGBoostPrivate *priv = lb_xgboost_get_instance_private (LB_XGBOOST (est));
  bst_ulong len = 0;
  const char *buf = NULL;
  g_autofree char *b64 = NULL;
  g_autofree char *sum = NULL;
  JsonObject *object;
  JsonNode *node;

  if (!xgb_check (XGBoosterSaveModelToBuffer (priv->booster, "{\"format\": \"ubj\"}", &len, &buf),
                  error))
    return NULL;
  b64 = g_base64_encode ((const guchar *) buf, len);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) buf, len);
  object = json_object_new ();
  json_object_set_string_member (object, "format", "ubj");
  json_object_set_int_member (object, "length", (gint64) len);
  json_object_set_string_member (object, "sha256", sum);
  json_object_set_string_member (object, "booster", b64);
  json_object_set_int_member (object, "n_rounds", priv->n_rounds);
  json_object_set_int_member (object, "best_iteration", priv->best_iteration);
  json_object_set_member (object, "train_metric",
                          lb_state_from_doubles ((const double *) priv->train_metric->data,
                                                 priv->train_metric->len));
  json_object_set_member (object, "valid_metric",
                          lb_state_from_doubles ((const double *) priv->valid_metric->data,
                                                 priv->valid_metric->len));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static gboolean
lb_xgboost_load_state (LbEstimator *est,
                       JsonNode    *state,
                       GError     **error)
{
  LbXGBoostPrivate *priv = lb_xgboost_get_instance_private (LB_XGBOOST (est));
  JsonObject *object;
  JsonNode *member;
  gint64 length, n_rounds, best;
  g_autofree guchar *bytes = NULL;
  g_autofree char *sum = NULL;
  g_autofree double *train = NULL, *valid = NULL;
  const char *format, *expected;
  BoosterHandle booster = NULL;
  bst_ulong n_features = 0;
  gsize len = 0;

  if (!JSON_NODE_HOLDS_OBJECT (state))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE, _("The XGBoost state must be an object"));
      return FALSE;
    }
  object = json_node_get_object (state);
  if ((member = lb_state_get_member (object, "format", JSON_NODE_VALUE, error)) == NULL)
    return FALSE;
  format = json_node_get_string (member);
  if (format == NULL || !g_str_equal (format, "ubj"))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The XGBoost model must be stored as \"ubj\""));
      return FALSE;
    }
  if (!lb_state_get_int (object, "length", 1, G_MAXINT32, &length, error) ||
      /* bounded by n_estimators' maximum: the metric arrays below are allocated from it */
      !lb_state_get_int (object, "n_rounds", 1, 100000, &n_rounds, error) ||
      !lb_state_get_int (object, "best_iteration", -1, n_rounds - 1, &best, error) ||
      (member = lb_state_get_member (object, "sha256", JSON_NODE_VALUE, error)) == NULL)
    return FALSE;
  expected = json_node_get_string (member);
  if ((member = lb_state_get_member (object, "booster", JSON_NODE_VALUE, error)) == NULL)
    return FALSE;
  if (json_node_get_string (member) == NULL || expected == NULL)
    goto corrupt;
  bytes = g_base64_decode (json_node_get_string (member), &len);
  if ((gint64) len != length)
    goto corrupt;
  /* XGBoost is not built to survive hostile bytes: check them before it reads them. */
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, len);
  if (!g_str_equal (sum, expected))
    goto corrupt;
  train = g_new (double, n_rounds);
  valid = g_new (double, n_rounds);
  if (!lb_state_to_doubles (json_object_get_member (object, "train_metric"), train, n_rounds,
                            "train_metric", error) ||
      !lb_state_to_doubles (json_object_get_member (object, "valid_metric"), valid, n_rounds,
                            "valid_metric", error))
    return FALSE;
  if (!xgb_check (XGBoosterCreate (NULL, 0, &booster), error))
    return FALSE;
  if (XGBoosterLoadModelFromBuffer (booster, bytes, len) != 0 ||
      XGBoosterGetNumFeature (booster, &n_features) != 0 ||
      n_features != lb_estimator_get_n_features_in (est))
    {
      XGBoosterFree (booster);
      goto corrupt;
    }
  XGBoosterSetParam (booster, "nthread", "1");
  clear_fitted (priv);
  priv->booster = booster;
  priv->n_rounds = (guint) n_rounds;
  priv->best_iteration = (int) best;
  priv->nthread = 1;
  g_array_append_vals (priv->train_metric, train, n_rounds);
  g_array_append_vals (priv->valid_metric, valid, n_rounds);
  return TRUE;

corrupt:
  g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
               _("The XGBoost model in the file is damaged (length, checksum or content)"));
  return FALSE;
}

/* feature_importances_ as xgboost.sklearn: get_score (@type) per "fN", 0 for
 * unused features, normalised to sum 1. */
static JsonNode *
importances (LbXGBoostPrivate *priv,
             guint             p,
             const char       *type)
{
  g_autofree char *config = g_strdup_printf ("{\"importance_type\": \"%s\"}", type);
  g_autofree double *values = g_new0 (double, MAX (p, 1));
  bst_ulong n_out = 0, dim = 0;
  const char **features = NULL;
  const bst_ulong *shape = NULL;
  const float *scores = NULL;
  JsonArray *array;
  JsonNode *node;
  double total = 0.0;

  if (XGBoosterFeatureScore (priv->booster, config, &n_out, &features, &dim, &shape, &scores) != 0)
    return NULL;
  for (bst_ulong i = 0; i < n_out; i++)
    {
      guint64 j;

      if (features[i][0] == 'f' && g_ascii_string_to_unsigned (features[i] + 1, 10, 0, p - 1, &j, NULL))
        values[j] = scores[i];
    }
  for (guint j = 0; j < p; j++)
    total += values[j];
  array = json_array_new ();
  for (guint j = 0; j < p; j++)
    json_array_add_double_element (array, total > 0 ? (double) (float) values[j] / total : 0.0);
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

static JsonNode *
lb_xgboost_describe_state (LbEstimator *est)
{
  LbXGBoostPrivate *priv = lb_xgboost_get_instance_private (LB_XGBOOST (est));
  guint p = lb_estimator_get_n_features_in (est);
  JsonObject *object;
  JsonNode *node, *imp;
  JsonArray *train, *valid;

  if (priv->booster == NULL)
    return NULL;
  object = json_object_new ();
  json_object_set_int_member (object, "n_rounds", priv->n_rounds);
  if (priv->best_iteration >= 0)
    json_object_set_int_member (object, "best_iteration", priv->best_iteration);
  if ((imp = importances (priv, p, "gain")) != NULL)
    json_object_set_member (object, "feature_importances_", imp);
  if ((imp = importances (priv, p, "weight")) != NULL)
    json_object_set_member (object, "feature_importances_weight", imp);
  train = json_array_new ();
  valid = json_array_new ();
  for (guint i = 0; i < priv->n_rounds; i++)
    {
      double t = g_array_index (priv->train_metric, double, i);
      double v = g_array_index (priv->valid_metric, double, i);

      if (isfinite (t))
        json_array_add_double_element (train, t);
      if (isfinite (v))
        json_array_add_double_element (valid, v);
    }
  json_object_set_array_member (object, "train_metric", train);
  json_object_set_array_member (object, "valid_metric", valid);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

/* --- GObject --- */

static void
lb_xgboost_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LbXGBoostPrivate *priv = lb_xgboost_get_instance_private (LB_XGBOOST (object));

  switch (prop_id)
    {
    case PROP_N_ESTIMATORS: g_value_set_uint (value, priv->n_estimators); break;
    case PROP_MAX_DEPTH: g_value_set_uint (value, priv->max_depth); break;
    case PROP_LEARNING_RATE: g_value_set_double (value, priv->learning_rate); break;
    case PROP_SUBSAMPLE: g_value_set_double (value, priv->subsample); break;
    case PROP_COLSAMPLE_BYTREE: g_value_set_double (value, priv->colsample_bytree); break;
    case PROP_REG_LAMBDA: g_value_set_double (value, priv->reg_lambda); break;
    case PROP_REG_ALPHA: g_value_set_double (value, priv->reg_alpha); break;
    case PROP_GAMMA: g_value_set_double (value, priv->gamma); break;
    case PROP_MIN_CHILD_WEIGHT: g_value_set_double (value, priv->min_child_weight); break;
    case PROP_TREE_METHOD: g_value_set_enum (value, priv->tree_method); break;
    case PROP_MAX_BIN: g_value_set_uint (value, priv->max_bin); break;
    case PROP_EARLY_STOPPING_ROUNDS: g_value_set_uint (value, priv->early_stopping_rounds); break;
    case PROP_VALIDATION_FRACTION: g_value_set_double (value, priv->validation_fraction); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define SET_FIELD(field, getter)                          \
  G_STMT_START {                                          \
    if (priv->field != getter (value))                    \
      {                                                   \
        priv->field = getter (value);                     \
        g_object_notify_by_pspec (object, pspec);         \
      }                                                   \
  } G_STMT_END

static void
lb_xgboost_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LbXGBoostPrivate *priv = lb_xgboost_get_instance_private (LB_XGBOOST (object));

  switch (prop_id)
    {
    case PROP_N_ESTIMATORS: SET_FIELD (n_estimators, g_value_get_uint); break;
    case PROP_MAX_DEPTH: SET_FIELD (max_depth, g_value_get_uint); break;
    case PROP_LEARNING_RATE: SET_FIELD (learning_rate, g_value_get_double); break;
    case PROP_SUBSAMPLE: SET_FIELD (subsample, g_value_get_double); break;
    case PROP_COLSAMPLE_BYTREE: SET_FIELD (colsample_bytree, g_value_get_double); break;
    case PROP_REG_LAMBDA: SET_FIELD (reg_lambda, g_value_get_double); break;
    case PROP_REG_ALPHA: SET_FIELD (reg_alpha, g_value_get_double); break;
    case PROP_GAMMA: SET_FIELD (gamma, g_value_get_double); break;
    case PROP_MIN_CHILD_WEIGHT: SET_FIELD (min_child_weight, g_value_get_double); break;
    case PROP_TREE_METHOD: SET_FIELD (tree_method, (LbXGBTreeMethod) g_value_get_enum); break;
    case PROP_MAX_BIN: SET_FIELD (max_bin, g_value_get_uint); break;
    case PROP_EARLY_STOPPING_ROUNDS: SET_FIELD (early_stopping_rounds, g_value_get_uint); break;
    case PROP_VALIDATION_FRACTION: SET_FIELD (validation_fraction, g_value_get_double); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_xgboost_finalize (GObject *object)
{
  LbXGBoostPrivate *priv = lb_xgboost_get_instance_private (LB_XGBOOST (object));

  clear_fitted (priv);
  g_array_unref (priv->train_metric);
  g_array_unref (priv->valid_metric);
  G_OBJECT_CLASS (lb_xgboost_parent_class)->finalize (object);
}

static void
lb_xgboost_class_init (LbXGBoostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_xgboost_get_property;
  object_class->set_property = lb_xgboost_set_property;
  object_class->finalize = lb_xgboost_finalize;

  est_class->fit = lb_xgboost_fit;
  est_class->reset = lb_xgboost_reset;
  est_class->predict = lb_xgboost_predict;
  est_class->predict_proba = lb_xgboost_predict_proba;  /* XGBRegressor clears it */
  est_class->save_state = lb_xgboost_save_state;
  est_class->load_state = lb_xgboost_load_state;
  est_class->describe_state = lb_xgboost_describe_state;

  properties[PROP_N_ESTIMATORS] =
    g_param_spec_uint ("n-estimators", N_("Boosting rounds"),
                       N_("How many trees are added, one per round"),
                       1, 100000, 100, flags);
  properties[PROP_MAX_DEPTH] =
    g_param_spec_uint ("max-depth", N_("Maximum depth"),
                       N_("The deepest a tree may grow (0: no limit, with the hist method)"),
                       0, 64, 6, flags);
  properties[PROP_LEARNING_RATE] =
    g_param_spec_double ("learning-rate", N_("Learning rate"),
                         N_("Shrinks each new tree's contribution (XGBoost's eta)"),
                         0.0, 1.0, 0.3, flags);
  properties[PROP_SUBSAMPLE] =
    g_param_spec_double ("subsample", N_("Row subsample"),
                         N_("Fraction of the rows drawn for each tree"),
                         1e-6, 1.0, 1.0, flags);
  properties[PROP_COLSAMPLE_BYTREE] =
    g_param_spec_double ("colsample-bytree", N_("Column subsample"),
                         N_("Fraction of the columns drawn for each tree"),
                         1e-6, 1.0, 1.0, flags);
  properties[PROP_REG_LAMBDA] =
    g_param_spec_double ("reg-lambda", N_("L2 penalty"),
                         N_("L2 regularisation of the leaf weights (XGBoost's lambda)"),
                         0.0, G_MAXDOUBLE, 1.0, flags);
  properties[PROP_REG_ALPHA] =
    g_param_spec_double ("reg-alpha", N_("L1 penalty"),
                         N_("L1 regularisation of the leaf weights (XGBoost's alpha)"),
                         0.0, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_GAMMA] =
    g_param_spec_double ("gamma", N_("Minimum split loss"),
                         N_("The loss reduction a split must bring to be made"),
                         0.0, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_MIN_CHILD_WEIGHT] =
    g_param_spec_double ("min-child-weight", N_("Minimum child weight"),
                         N_("The smallest sum of instance weights (hessian) a leaf may hold"),
                         0.0, G_MAXDOUBLE, 1.0, flags);
  properties[PROP_TREE_METHOD] =
    g_param_spec_enum ("tree-method", N_("Tree method"),
                       N_("How splits are searched: exact, approximate, or histograms"),
                       LB_TYPE_XGB_TREE_METHOD, LB_XGB_TREE_AUTO, flags);
  properties[PROP_MAX_BIN] =
    g_param_spec_uint ("max-bin", N_("Maximum bins"),
                       N_("Histogram bins per feature (hist and approx methods)"),
                       2, 65536, 256, flags);
  properties[PROP_EARLY_STOPPING_ROUNDS] =
    g_param_spec_uint ("early-stopping-rounds", N_("Early stopping rounds"),
                       N_("Stop when the validation metric has not improved for this many "
                          "rounds (0: never stop early)"),
                       0, 100000, 0, flags);
  properties[PROP_VALIDATION_FRACTION] =
    g_param_spec_double ("validation-fraction", N_("Validation fraction"),
                         N_("Share of the training rows held out to decide early stopping"),
                         0.0, 0.9, 0.1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_xgboost_init (LbXGBoost *self)
{
  LbXGBoostPrivate *priv = lb_xgboost_get_instance_private (self);

  priv->n_estimators = 100;
  priv->max_depth = 6;
  priv->learning_rate = 0.3;
  priv->subsample = 1.0;
  priv->colsample_bytree = 1.0;
  priv->reg_lambda = 1.0;
  priv->min_child_weight = 1.0;
  priv->tree_method = LB_XGB_TREE_AUTO;
  priv->max_bin = 256;
  priv->validation_fraction = 0.1;
  priv->best_iteration = -1;
  priv->nthread = 1;
  priv->train_metric = g_array_new (FALSE, FALSE, sizeof (double));
  priv->valid_metric = g_array_new (FALSE, FALSE, sizeof (double));
}

guint
lb_xgboost_get_n_rounds (LbXGBoost *self)
{
  g_return_val_if_fail (LB_IS_XGBOOST (self), 0);
  return ((LbXGBoostPrivate *) lb_xgboost_get_instance_private (self))->n_rounds;
}

int
lb_xgboost_get_best_iteration (LbXGBoost *self)
{
  g_return_val_if_fail (LB_IS_XGBOOST (self), -1);
  return ((LbXGBoostPrivate *) lb_xgboost_get_instance_private (self))->best_iteration;
}

double
lb_xgboost_get_train_metric (LbXGBoost *self,
                             guint      round)
{
  LbXGBoostPrivate *priv;

  g_return_val_if_fail (LB_IS_XGBOOST (self), NAN);
  priv = lb_xgboost_get_instance_private (self);
  g_return_val_if_fail (round < priv->n_rounds, NAN);
  return g_array_index (priv->train_metric, double, round);
}

double
lb_xgboost_get_valid_metric (LbXGBoost *self,
                             guint      round)
{
  LbXGBoostPrivate *priv;

  g_return_val_if_fail (LB_IS_XGBOOST (self), NAN);
  priv = lb_xgboost_get_instance_private (self);
  g_return_val_if_fail (round < priv->n_rounds, NAN);
  return g_array_index (priv->valid_metric, double, round);
}
