/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-gd-regressor.c: the book's gradient-descent variants for linear
 * regression (chapter 4), line by line: θ₀ ~ N(0, 1); batch GD takes
 * θ ← θ - η·(2/m)·Xbᵀ(Xbθ - y) n_iterations times; stochastic GD takes m
 * steps per epoch on a sample drawn with replacement, η = schedule(epoch·m + i);
 * mini-batch GD deals a fresh permutation into batches each epoch, η =
 * schedule(t) with t counting batches from 1, gradient (2/size)·Xᵢᵀ(Xᵢθ - yᵢ).
 * Random draws come from LbRng (not numpy's stream).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <cblas.h>

#include "lb-gd-regressor.h"
#include "lb-linear-model-private.h"

#define MAX_PATH_STEPS 200000

struct _LbGdRegressor
{
  LbEstimator parent_instance;

  LbGdMethod   method;
  LbGdSchedule schedule;
  double       eta;
  double       t0;
  double       t1;
  guint        n_iterations;
  guint        n_epochs;
  guint        batch_size;
  gboolean     fit_intercept;

  /* learned */
  guint     n_features;
  double   *theta;        /* (off + n_features): [θ₀] θ₁ … */
  LbMatrix *path;
  gboolean  path_per_step;
  GArray   *costs;
};

G_DEFINE_TYPE (LbGdRegressor, lb_gd_regressor, LB_TYPE_ESTIMATOR)

G_DEFINE_ENUM_TYPE (LbGdMethod, lb_gd_method,
  G_DEFINE_ENUM_VALUE (LB_GD_METHOD_BATCH, "batch"),
  G_DEFINE_ENUM_VALUE (LB_GD_METHOD_STOCHASTIC, "stochastic"),
  G_DEFINE_ENUM_VALUE (LB_GD_METHOD_MINI_BATCH, "mini-batch"))

G_DEFINE_ENUM_TYPE (LbGdSchedule, lb_gd_schedule,
  G_DEFINE_ENUM_VALUE (LB_GD_SCHEDULE_CONSTANT, "constant"),
  G_DEFINE_ENUM_VALUE (LB_GD_SCHEDULE_INVERSE, "inverse"))

enum
{
  PROP_0,
  PROP_METHOD,
  PROP_SCHEDULE,
  PROP_ETA,
  PROP_T0,
  PROP_T1,
  PROP_N_ITERATIONS,
  PROP_N_EPOCHS,
  PROP_BATCH_SIZE,
  PROP_FIT_INTERCEPT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- fitting --- */

typedef struct
{
  const double *X;    /* (m, p) */
  const double *y;    /* (m) */
  gsize         m;
  gsize         p;
  gsize         off;  /* 1 with an intercept θ₀ */
  double       *theta;
  double       *grad;
  double       *r;    /* residuals of the current batch */
} Gd;

/* Gradient (2/k)·Xbᵢᵀ(Xbᵢθ - yᵢ) over rows @rows (k of them, all when NULL)
 * into gd->grad; returns the MSE of those rows before the step. */
static double
gradient (Gd          *gd,
          const guint *rows,
          gsize        k)
{
  const double *w = gd->theta + gd->off;
  double b = gd->off ? gd->theta[0] : 0.0, sse = 0.0;

  memset (gd->grad, 0, (gd->off + gd->p) * sizeof (double));
  if (rows == NULL)
    {
      /* whole set through BLAS: r = Xw + b - y; grad_w = (2/m) Xᵀr */
      for (gsize i = 0; i < gd->m; i++)
        gd->r[i] = b - gd->y[i];
      cblas_dgemv (CblasRowMajor, CblasNoTrans, (int) gd->m, (int) gd->p, 1.0, gd->X, (int) gd->p,
                   w, 1, 1.0, gd->r, 1);
      cblas_dgemv (CblasRowMajor, CblasTrans, (int) gd->m, (int) gd->p, 2.0 / gd->m, gd->X, (int) gd->p,
                   gd->r, 1, 0.0, gd->grad + gd->off, 1);
      for (gsize i = 0; i < gd->m; i++)
        {
          sse += gd->r[i] * gd->r[i];
          if (gd->off)
            gd->grad[0] += 2.0 / gd->m * gd->r[i];
        }
      return sse / gd->m;
    }
  for (gsize k2 = 0; k2 < k; k2++)
    {
      const double *x = gd->X + (gsize) rows[k2] * gd->p;
      double r = cblas_ddot ((int) gd->p, x, 1, w, 1) + b - gd->y[rows[k2]];

      sse += r * r;
      cblas_daxpy ((int) gd->p, 2.0 / k * r, x, 1, gd->grad + gd->off, 1);
      if (gd->off)
        gd->grad[0] += 2.0 / k * r;
    }
  return sse / k;
}

static double
full_mse (Gd *gd)
{
  const double *w = gd->theta + gd->off;
  double b = gd->off ? gd->theta[0] : 0.0, sse = 0.0;

  for (gsize i = 0; i < gd->m; i++)
    gd->r[i] = b - gd->y[i];
  cblas_dgemv (CblasRowMajor, CblasNoTrans, (int) gd->m, (int) gd->p, 1.0, gd->X, (int) gd->p,
               w, 1, 1.0, gd->r, 1);
  for (gsize i = 0; i < gd->m; i++)
    sse += gd->r[i] * gd->r[i];
  return sse / gd->m;
}

static double
rate (LbGdRegressor *self,
      double         t)
{
  return self->schedule == LB_GD_SCHEDULE_CONSTANT ? self->eta : self->t0 / (t + self->t1);
}

static gboolean
lb_gd_regressor_fit (LbEstimator  *estimator,
                     LbMatrix     *X,
                     LbMatrix     *y,
                     LbFitContext *ctx,
                     GError      **error)
{
  LbGdRegressor *self = LB_GD_REGRESSOR (estimator);
  gsize m = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  gsize off = self->fit_intercept ? 1 : 0, q = off + p;
  gsize batch = MIN ((gsize) self->batch_size, m);
  guint n_epochs = self->method == LB_GD_METHOD_BATCH ? self->n_iterations : self->n_epochs;
  gsize steps_per_epoch = self->method == LB_GD_METHOD_BATCH ? 1
                          : self->method == LB_GD_METHOD_STOCHASTIC ? m : (m + batch - 1) / batch;
  guint64 total_steps = (guint64) n_epochs * steps_per_epoch;
  gboolean per_step = total_steps <= MAX_PATH_STEPS;
  g_autofree double *theta = g_new (double, q);
  g_autofree double *grad = g_new (double, q);
  g_autofree double *r = g_new (double, m);
  g_autofree guint *perm = g_new (guint, m);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) costs = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) names = g_new0 (char *, q + 1);
  double t_batch = 0.0, epoch_cost = 0.0;
  gboolean has_validation = lb_fit_context_get_validation (ctx, NULL, NULL);
  LbRng rng;
  Gd gd = { lb_matrix_get_const_data (X), lb_matrix_get_const_data (y), m, p, off, theta, grad, r };

  lb_fit_context_init_rng (ctx, &rng, 0);
  for (gsize j = 0; j < q; j++)
    theta[j] = lb_rng_normal (&rng);   /* the book: theta = np.random.randn(2, 1) */
  g_array_append_vals (path, theta, q);
  for (gsize i = 0; i < m; i++)
    perm[i] = (guint) i;

  for (guint epoch = 0; epoch < n_epochs; epoch++)
    {
      epoch_cost = 0.0;
      if ((epoch & 63) == 0 || self->method != LB_GD_METHOD_BATCH)
        if (lb_fit_context_check_cancelled (ctx, error))
          return FALSE;
      if (self->method == LB_GD_METHOD_MINI_BATCH)
        lb_rng_shuffle (&rng, perm, m);

      for (gsize s = 0; s < steps_per_epoch; s++)
        {
          double cost, eta;
          guint one;

          switch (self->method)
            {
            case LB_GD_METHOD_BATCH:
              cost = gradient (&gd, NULL, m);
              eta = rate (self, epoch);
              break;
            case LB_GD_METHOD_STOCHASTIC:
              one = (guint) lb_rng_below (&rng, m);
              cost = gradient (&gd, &one, 1);
              eta = rate (self, (double) epoch * m + s);
              break;
            default:
              t_batch += 1.0;
              cost = gradient (&gd, perm + s * batch, MIN (batch, m - s * batch));
              eta = rate (self, t_batch);
              break;
            }
          cblas_daxpy ((int) q, -eta, grad, 1, theta, 1);
          if (!isfinite (cblas_dasum ((int) q, theta, 1)))
            {
              g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_CONVERGENCE,
                           _("gradient descent diverged at epoch %u: lower the learning rate "
                             "or scale the features"), epoch + 1);
              return FALSE;
            }
          epoch_cost += cost / steps_per_epoch;
          if (per_step)
            {
              g_array_append_vals (path, theta, q);
              g_array_append_val (costs, cost);
            }
        }
      if (!per_step)
        {
          g_array_append_vals (path, theta, q);
          g_array_append_val (costs, epoch_cost);
        }
      /* with a validation part (the live training view) every epoch reports
       * its training and validation MSE */
      if (self->method != LB_GD_METHOD_BATCH || (epoch & 63) == 63 || epoch + 1 == n_epochs || has_validation)
        {
          LbFitEvent ev = { .fraction = (double) (epoch + 1) / n_epochs, .epoch = epoch + 1,
                            .iteration = epoch + 1, .loss = full_mse (&gd), .val_score = NAN };

          if (has_validation)
            ev.val_score = lb_fit_context_validation_mse (ctx, theta + off, off ? theta[0] : 0.0, p);
          lb_fit_context_report (ctx, &ev);
        }
    }

  g_clear_pointer (&self->theta, g_free);
  g_clear_pointer (&self->path, lb_matrix_unref);
  g_clear_pointer (&self->costs, g_array_unref);
  self->theta = g_steal_pointer (&theta);
  self->n_features = (guint) p;
  self->path = lb_matrix_new_from_data (path->len / q, q, (const double *) path->data);
  for (gsize j = 0; j < q; j++)
    names[j] = g_strdup_printf ("theta%" G_GSIZE_FORMAT, j + 1 - off);
  lb_matrix_set_column_names (self->path, (const char * const *) names);
  self->path_per_step = per_step;
  self->costs = g_steal_pointer (&costs);
  return TRUE;
}

static void
lb_gd_regressor_reset (LbEstimator *estimator)
{
  LbGdRegressor *self = LB_GD_REGRESSOR (estimator);

  g_clear_pointer (&self->theta, g_free);
  g_clear_pointer (&self->path, lb_matrix_unref);
  g_clear_pointer (&self->costs, g_array_unref);
  self->n_features = 0;
}

static LbMatrix *
lb_gd_regressor_predict (LbEstimator *estimator,
                         LbMatrix    *X,
                         GError     **error)
{
  LbGdRegressor *self = LB_GD_REGRESSOR (estimator);
  double b;

  if (self->theta == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                           _("the model is not fitted yet"));
      return NULL;
    }
  b = self->fit_intercept ? self->theta[0] : 0.0;
  return lb_linear_decision (X, self->theta + (self->fit_intercept ? 1 : 0), &b, 1, self->n_features, error);
}

/* --- state: θ only (the path is a record of the fit, not needed to predict) --- */

static JsonNode *
lb_gd_regressor_save_state (LbEstimator *estimator,
                            GError     **error)
{
  LbGdRegressor *self = LB_GD_REGRESSOR (estimator);
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  gsize q = self->n_features + (self->fit_intercept ? 1 : 0);

  json_object_set_int_member (obj, "n_features", self->n_features);
  json_object_set_boolean_member (obj, "fit_intercept", self->fit_intercept);
  json_object_set_member (obj, "theta", lb_linear_json_doubles (self->theta, q));
  json_node_take_object (node, obj);
  return node;
}

static gboolean
lb_gd_regressor_load_state (LbEstimator *estimator,
                            JsonNode    *state,
                            GError     **error)
{
  LbGdRegressor *self = LB_GD_REGRESSOR (estimator);
  JsonObject *obj = lb_linear_json_object (state, error);
  g_autofree double *theta = NULL;
  JsonNode *fi;
  guint64 p;
  gsize q;

  if (obj == NULL || !lb_linear_json_get_uint (obj, "n_features", 1, G_MAXINT32, &p, error))
    return FALSE;
  fi = json_object_get_member (obj, "fit_intercept");
  if (fi == NULL || !JSON_NODE_HOLDS_VALUE (fi) || json_node_get_value_type (fi) != G_TYPE_BOOLEAN
      || json_node_get_boolean (fi) != self->fit_intercept)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                           _("model state 'fit_intercept': missing or different from the parameter"));
      return FALSE;
    }
  q = p + (self->fit_intercept ? 1 : 0);
  theta = lb_linear_json_dup_doubles (obj, "theta", q, error);
  if (theta == NULL)
    return FALSE;
  lb_gd_regressor_reset (estimator);
  self->theta = g_steal_pointer (&theta);
  self->n_features = (guint) p;
  return TRUE;
}

static JsonNode *
lb_gd_regressor_describe_state (LbEstimator *estimator)
{
  return LB_GD_REGRESSOR (estimator)->theta != NULL ? lb_gd_regressor_save_state (estimator, NULL) : NULL;
}

/* --- properties --- */

static void
lb_gd_regressor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LbGdRegressor *self = LB_GD_REGRESSOR (object);

  switch (prop_id)
    {
    case PROP_METHOD:        g_value_set_enum (value, self->method); break;
    case PROP_SCHEDULE:      g_value_set_enum (value, self->schedule); break;
    case PROP_ETA:           g_value_set_double (value, self->eta); break;
    case PROP_T0:            g_value_set_double (value, self->t0); break;
    case PROP_T1:            g_value_set_double (value, self->t1); break;
    case PROP_N_ITERATIONS:  g_value_set_uint (value, self->n_iterations); break;
    case PROP_N_EPOCHS:      g_value_set_uint (value, self->n_epochs); break;
    case PROP_BATCH_SIZE:    g_value_set_uint (value, self->batch_size); break;
    case PROP_FIT_INTERCEPT: g_value_set_boolean (value, self->fit_intercept); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define SET_IF_CHANGED(field, v) \
  G_STMT_START { if ((field) != (v)) { (field) = (v); g_object_notify_by_pspec (object, pspec); } } G_STMT_END

static void
lb_gd_regressor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LbGdRegressor *self = LB_GD_REGRESSOR (object);

  switch (prop_id)
    {
    case PROP_METHOD:        SET_IF_CHANGED (self->method, (LbGdMethod) g_value_get_enum (value)); break;
    case PROP_SCHEDULE:      SET_IF_CHANGED (self->schedule, (LbGdSchedule) g_value_get_enum (value)); break;
    case PROP_ETA:           SET_IF_CHANGED (self->eta, g_value_get_double (value)); break;
    case PROP_T0:            SET_IF_CHANGED (self->t0, g_value_get_double (value)); break;
    case PROP_T1:            SET_IF_CHANGED (self->t1, g_value_get_double (value)); break;
    case PROP_N_ITERATIONS:  SET_IF_CHANGED (self->n_iterations, g_value_get_uint (value)); break;
    case PROP_N_EPOCHS:      SET_IF_CHANGED (self->n_epochs, g_value_get_uint (value)); break;
    case PROP_BATCH_SIZE:    SET_IF_CHANGED (self->batch_size, g_value_get_uint (value)); break;
    case PROP_FIT_INTERCEPT: SET_IF_CHANGED (self->fit_intercept, g_value_get_boolean (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_gd_regressor_finalize (GObject *object)
{
  lb_gd_regressor_reset (LB_ESTIMATOR (object));
  G_OBJECT_CLASS (lb_gd_regressor_parent_class)->finalize (object);
}

static void
lb_gd_regressor_class_init (LbGdRegressorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_gd_regressor_get_property;
  object_class->set_property = lb_gd_regressor_set_property;
  object_class->finalize = lb_gd_regressor_finalize;

  est_class->name = "GDRegressor";
  est_class->flags = LB_ESTIMATOR_REGRESSOR | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE;
  est_class->fit = lb_gd_regressor_fit;
  est_class->reset = lb_gd_regressor_reset;
  est_class->predict = lb_gd_regressor_predict;
  est_class->save_state = lb_gd_regressor_save_state;
  est_class->load_state = lb_gd_regressor_load_state;
  est_class->describe_state = lb_gd_regressor_describe_state;

  properties[PROP_METHOD] =
    g_param_spec_enum ("method", N_("Method"),
                       N_("Batch uses every sample for each step, stochastic one random sample, "
                          "mini-batch a small random batch"),
                       LB_TYPE_GD_METHOD, LB_GD_METHOD_BATCH, flags);
  properties[PROP_SCHEDULE] =
    g_param_spec_enum ("schedule", N_("Learning schedule"),
                       N_("Keep the learning rate eta constant, or shrink it as t0 / (t + t1) so "
                          "the steps settle at the minimum"),
                       LB_TYPE_GD_SCHEDULE, LB_GD_SCHEDULE_CONSTANT, flags);
  properties[PROP_ETA] =
    g_param_spec_double ("eta", N_("Learning rate"),
                         N_("Step size of the constant schedule: too small is slow, too large diverges"),
                         1e-12, G_MAXDOUBLE, 0.1, flags);
  properties[PROP_T0] =
    g_param_spec_double ("t0", N_("t0"),
                         N_("Numerator of the schedule t0 / (t + t1)"),
                         1e-12, G_MAXDOUBLE, 5.0, flags);
  properties[PROP_T1] =
    g_param_spec_double ("t1", N_("t1"),
                         N_("Offset of the schedule t0 / (t + t1): the first rate is t0 / t1"),
                         1e-12, G_MAXDOUBLE, 50.0, flags);
  properties[PROP_N_ITERATIONS] =
    g_param_spec_uint ("n-iterations", N_("Iterations"),
                       N_("Number of steps of batch gradient descent"),
                       1, G_MAXINT32, 1000, flags);
  properties[PROP_N_EPOCHS] =
    g_param_spec_uint ("n-epochs", N_("Epochs"),
                       N_("Passes over the data for stochastic and mini-batch gradient descent"),
                       1, G_MAXINT32, 50, flags);
  properties[PROP_BATCH_SIZE] =
    g_param_spec_uint ("batch-size", N_("Batch size"),
                       N_("Samples per step of mini-batch gradient descent"),
                       1, G_MAXINT32, 20, flags);
  properties[PROP_FIT_INTERCEPT] =
    g_param_spec_boolean ("fit-intercept", N_("Fit intercept"),
                          N_("Learn a bias term θ₀ (the column of ones the book adds to X)"),
                          TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_gd_regressor_init (LbGdRegressor *self)
{
  self->method = LB_GD_METHOD_BATCH;
  self->schedule = LB_GD_SCHEDULE_CONSTANT;
  self->eta = 0.1;
  self->t0 = 5.0;
  self->t1 = 50.0;
  self->n_iterations = 1000;
  self->n_epochs = 50;
  self->batch_size = 20;
  self->fit_intercept = TRUE;
}

/* --- public --- */

LbEstimator *
lb_gd_regressor_new (void)
{
  return g_object_new (LB_TYPE_GD_REGRESSOR, NULL);
}

const double *
lb_gd_regressor_get_theta (LbGdRegressor *self,
                           guint         *n_theta)
{
  g_return_val_if_fail (LB_IS_GD_REGRESSOR (self), NULL);
  if (n_theta != NULL)
    *n_theta = self->theta != NULL ? self->n_features + (self->fit_intercept ? 1 : 0) : 0;
  return self->theta;
}

LbMatrix *
lb_gd_regressor_get_path (LbGdRegressor *self)
{
  g_return_val_if_fail (LB_IS_GD_REGRESSOR (self), NULL);
  return self->path;
}

gboolean
lb_gd_regressor_get_path_per_step (LbGdRegressor *self)
{
  g_return_val_if_fail (LB_IS_GD_REGRESSOR (self), FALSE);
  return self->path_per_step;
}

const double *
lb_gd_regressor_get_costs (LbGdRegressor *self,
                           guint         *n_costs)
{
  g_return_val_if_fail (LB_IS_GD_REGRESSOR (self), NULL);
  if (n_costs != NULL)
    *n_costs = self->costs != NULL ? self->costs->len : 0;
  return self->costs != NULL ? (const double *) self->costs->data : NULL;
}
