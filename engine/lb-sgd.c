/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-sgd.c: stochastic gradient descent as scikit-learn 1.2's _plain_sgd
 * (dense data): per sample p = w·x + b, eta from the schedule ("optimal":
 * 1/(alpha (t0 + t - 1)) with Bottou's t0 heuristic), the loss derivative
 * clipped to ±1e12, L2 shrinkage through a weight scale, truncated-gradient
 * L1 (Tsuruoka et al.), and the epoch-level stopping rule (no improvement
 * of the training loss by tol·n, or of the validation score by tol, for
 * n_iter_no_change epochs). Intercept decay is 1 (scikit-learn's value for
 * dense data). Shuffling replays one random sequence of swaps every epoch,
 * as scikit-learn's dataset.shuffle(seed) does (it matters: fresh
 * permutations gave ~0.4 % lower accuracy on Fashion-MNIST). Only the
 * random stream differs: ours is LbRng. Deviation: with early stopping the
 * validation score uses the true weights (scikit-learn 1.2 scores the
 * unscaled weight array, ignoring its L2 weight scale).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <cblas.h>

#include "lb-linear-model-private.h"
#include "lb-sgd-private.h"

#define MAX_DLOSS 1e12
#define WSCALE_THRESHOLD 1e-9

/* --- losses: value and derivative in p, as scikit-learn's _sgd_fast --- */

static inline double
sgd_loss (LbSgdLoss loss,
          double    eps,
          double    p,
          double    y)
{
  double z, r;

  switch (loss)
    {
    case LB_SGD_LOSS_HINGE:
      z = p * y;
      return z <= 1.0 ? 1.0 - z : 0.0;
    case LB_SGD_LOSS_PERCEPTRON:
      z = p * y;
      return z <= 0.0 ? -z : 0.0;
    case LB_SGD_LOSS_SQUARED_HINGE:
      z = 1.0 - p * y;
      return z > 0.0 ? z * z : 0.0;
    case LB_SGD_LOSS_LOG_LOSS:
      z = p * y;
      if (z > 18.0)
        return exp (-z);
      if (z < -18.0)
        return -z;
      return log1p (exp (-z));
    case LB_SGD_LOSS_MODIFIED_HUBER:
      z = p * y;
      if (z >= 1.0)
        return 0.0;
      if (z >= -1.0)
        return (1.0 - z) * (1.0 - z);
      return -4.0 * z;
    case LB_SGD_LOSS_SQUARED_ERROR:
      return 0.5 * (p - y) * (p - y);
    case LB_SGD_LOSS_HUBER:
      r = fabs (p - y);
      return r <= eps ? 0.5 * r * r : eps * r - 0.5 * eps * eps;
    case LB_SGD_LOSS_EPSILON_INSENSITIVE:
      r = fabs (y - p) - eps;
      return r > 0.0 ? r : 0.0;
    case LB_SGD_LOSS_SQUARED_EPSILON_INSENSITIVE:
      r = fabs (y - p) - eps;
      return r > 0.0 ? r * r : 0.0;
    }
  g_assert_not_reached ();
}

static inline double
sgd_dloss (LbSgdLoss loss,
           double    eps,
           double    p,
           double    y)
{
  double z, r;

  switch (loss)
    {
    case LB_SGD_LOSS_HINGE:
      return p * y <= 1.0 ? -y : 0.0;
    case LB_SGD_LOSS_PERCEPTRON:
      return p * y <= 0.0 ? -y : 0.0;
    case LB_SGD_LOSS_SQUARED_HINGE:
      z = 1.0 - p * y;
      return z > 0.0 ? -2.0 * y * z : 0.0;
    case LB_SGD_LOSS_LOG_LOSS:
      z = p * y;
      if (z > 18.0)
        return -y * exp (-z);
      if (z < -18.0)
        return -y;
      return -y / (exp (z) + 1.0);
    case LB_SGD_LOSS_MODIFIED_HUBER:
      z = p * y;
      if (z >= 1.0)
        return 0.0;
      if (z >= -1.0)
        return 2.0 * (1.0 - z) * -y;
      return -4.0 * y;
    case LB_SGD_LOSS_SQUARED_ERROR:
      return p - y;
    case LB_SGD_LOSS_HUBER:
      r = p - y;
      if (fabs (r) <= eps)
        return r;
      return r > 0.0 ? eps : -eps;
    case LB_SGD_LOSS_EPSILON_INSENSITIVE:
      if (y - p > eps)
        return -1.0;
      if (p - y > eps)
        return 1.0;
      return 0.0;
    case LB_SGD_LOSS_SQUARED_EPSILON_INSENSITIVE:
      z = y - p;
      if (z > eps)
        return -2.0 * (z - eps);
      if (z < -eps)
        return 2.0 * (-z - eps);
      return 0.0;
    }
  g_assert_not_reached ();
}

/* --- one binary / regression problem --- */

typedef struct
{
  const double *X;        /* (n, d) row-major */
  gsize         n;
  gsize         d;
  const double *y;        /* (n): ±1 (classification) or targets */
  const guint  *train;    /* rows learned from */
  gsize         n_train;
  const guint  *val;      /* validation rows (early stopping) */
  gsize         n_val;
  gboolean      classification;
} SgdProblem;

/* Accuracy of sign(p) (classification) or R² (regression) on the validation rows. */
static double
validation_score (const SgdProblem *pb,
                  const double     *w,
                  double            b)
{
  double correct = 0.0, ss_res = 0.0, ss_tot = 0.0, mean = 0.0;

  if (!pb->classification)
    {
      for (gsize k = 0; k < pb->n_val; k++)
        mean += pb->y[pb->val[k]];
      mean /= (double) pb->n_val;
    }
  for (gsize k = 0; k < pb->n_val; k++)
    {
      guint i = pb->val[k];
      double p = cblas_ddot ((int) pb->d, w, 1, pb->X + (gsize) i * pb->d, 1) + b;

      if (pb->classification)
        correct += ((p > 0.0 ? 1.0 : -1.0) == pb->y[i]);
      else
        {
          ss_res += (pb->y[i] - p) * (pb->y[i] - p);
          ss_tot += (pb->y[i] - mean) * (pb->y[i] - mean);
        }
    }
  if (pb->classification)
    return correct / (double) pb->n_val;
  if (ss_tot == 0.0)
    return ss_res == 0.0 ? 1.0 : 0.0;
  return 1.0 - ss_res / ss_tot;
}

/* Fits w (d), *b from zero. Reports epochs into [from, to] of the fit. */
static gboolean
sgd_plain (const LbSgdParams *P,
           const SgdProblem  *pb,
           double            *w,
           double            *b,
           LbRng             *rng,
           LbFitContext      *ctx,
           double             from,
           double             to,
           guint             *n_iter_out,
           double            *t_out,
           GError           **error)
{
  const gsize d = pb->d;
  g_autofree guint *order = g_memdup2 (pb->train, MAX (pb->n_train, 1) * sizeof (guint));
  g_autofree double *q = NULL;
  g_autofree guint *swaps = NULL;
  double wscale = 1.0, eta = P->eta0, t = 1.0, u = 0.0, intercept = 0.0;
  double l1_ratio = P->l1_ratio, optimal_init = 0.0;
  double best_loss = INFINITY, best_score = -INFINITY;
  guint no_improvement = 0, epoch;
  gboolean has_tol = P->tol >= 0.0;
  const gboolean l2_shrink = P->penalty == LB_SGD_PENALTY_L2 || P->penalty == LB_SGD_PENALTY_ELASTICNET;
  const gboolean l1_trunc = P->penalty == LB_SGD_PENALTY_L1 || P->penalty == LB_SGD_PENALTY_ELASTICNET;

  /* w and *b hold the starting point (zeros, or the previous fit's with warm_start) */
  intercept = *b;
  if (P->penalty == LB_SGD_PENALTY_L2)
    l1_ratio = 0.0;
  else if (P->penalty == LB_SGD_PENALTY_L1)
    l1_ratio = 1.0;
  if (l1_trunc)
    q = g_new0 (double, d);
  if (P->shuffle && pb->n_train > 1)
    {
      /* scikit-learn reshuffles with the same seed every epoch: the same
       * sequence of swaps, replayed on the current order. */
      swaps = g_new (guint, pb->n_train);
      for (gsize i = 0; i + 1 < pb->n_train; i++)
        swaps[i] = (guint) (i + lb_rng_below (rng, pb->n_train - i));
    }

  if (P->learning_rate == LB_SGD_LEARNING_RATE_OPTIMAL)
    {
      /* Bottou's heuristic: t0 such that the first eta suits a typical weight. */
      double typw = sqrt (1.0 / sqrt (P->alpha));
      double initial_eta0 = typw / MAX (1.0, sgd_dloss (P->loss, P->epsilon, -typw, 1.0));
      optimal_init = 1.0 / (initial_eta0 * P->alpha);
    }

  for (epoch = 0; epoch < P->max_iter; epoch++)
    {
      double sumloss = 0.0;
      gboolean stop = FALSE;

      if (lb_fit_context_check_cancelled (ctx, error))
        return FALSE;
      if (swaps != NULL)
        for (gsize i = 0; i + 1 < pb->n_train; i++)
          {
            guint tmp = order[i];
            order[i] = order[swaps[i]];
            order[swaps[i]] = tmp;
          }

      for (gsize k = 0; k < pb->n_train; k++)
        {
          const double *x = pb->X + (gsize) order[k] * d;
          double y = pb->y[order[k]];
          double p = cblas_ddot ((int) d, w, 1, x, 1) * wscale + intercept;
          double dloss, update;

          if (k + 2 < pb->n_train)
            {
              /* rows come in random order, which defeats the hardware prefetcher:
               * ask for the row after next into L2 (measured on Fashion-MNIST:
               * ~25 % less time per epoch; into L1 was slower than nothing) */
              const char *next = (const char *) (pb->X + (gsize) order[k + 2] * d);
              for (gsize off = 0; off < d * sizeof (double); off += 64)
                __builtin_prefetch (next + off, 0, 1);
            }
          if (P->learning_rate == LB_SGD_LEARNING_RATE_OPTIMAL)
            eta = 1.0 / (P->alpha * (optimal_init + t - 1.0));
          else if (P->learning_rate == LB_SGD_LEARNING_RATE_INVSCALING)
            eta = P->eta0 / pow (t, P->power_t);

          sumloss += sgd_loss (P->loss, P->epsilon, p, y);
          dloss = CLAMP (sgd_dloss (P->loss, P->epsilon, p, y), -MAX_DLOSS, MAX_DLOSS);
          update = -eta * dloss;

          if (l2_shrink)
            {
              /* never scale to negative values: set the weights to zero instead */
              wscale *= MAX (0.0, 1.0 - (1.0 - l1_ratio) * eta * P->alpha);
              if (wscale < WSCALE_THRESHOLD)
                {
                  cblas_dscal ((int) d, wscale, w, 1);
                  wscale = 1.0;
                }
            }
          if (update != 0.0)
            {
              cblas_daxpy ((int) d, update / wscale, x, 1, w, 1);
              if (P->fit_intercept)
                intercept += update;   /* intercept_decay = 1 for dense data */
            }
          if (l1_trunc)
            {
              /* truncated gradient: cumulative penalty u, applied so far q */
              u += l1_ratio * eta * P->alpha;
              for (gsize j = 0; j < d; j++)
                {
                  double z = w[j];
                  if (wscale * z > 0.0)
                    w[j] = MAX (0.0, w[j] - (u + q[j]) / wscale);
                  else if (wscale * z < 0.0)
                    w[j] = MIN (0.0, w[j] + (u - q[j]) / wscale);
                  q[j] += wscale * (w[j] - z);
                }
            }
          t += 1.0;
        }

      /* floating-point over/underflow */
      if (!isfinite (intercept) || !isfinite (cblas_dasum ((int) d, w, 1)))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_CONVERGENCE,
                       _("floating-point overflow at epoch %u: scale the inputs (StandardScaler "
                         "or MinMaxScaler) or lower eta0"), epoch + 1);
          return FALSE;
        }

      {
        LbFitEvent ev = { .fraction = from + (to - from) * (epoch + 1) / (double) P->max_iter,
                          .epoch = epoch + 1, .iteration = epoch + 1,
                          .loss = pb->n_train > 0 ? sumloss / pb->n_train : NAN,
                          .val_score = NAN, .message = NULL };

        if (P->early_stopping)
          {
            double score;

            if (wscale != 1.0)
              {
                cblas_dscal ((int) d, wscale, w, 1);
                wscale = 1.0;
              }
            score = validation_score (pb, w, intercept);
            ev.val_score = score;
            if (has_tol && score < best_score + P->tol)
              no_improvement++;
            else
              no_improvement = 0;
            if (score > best_score)
              best_score = score;
          }
        else
          {
            if (has_tol && sumloss > best_loss - P->tol * (double) pb->n)
              no_improvement++;
            else
              no_improvement = 0;
            if (sumloss < best_loss)
              best_loss = sumloss;
          }
        lb_fit_context_report (ctx, &ev);
      }

      if (no_improvement >= P->n_iter_no_change)
        {
          if (P->learning_rate == LB_SGD_LEARNING_RATE_ADAPTIVE && eta > 1e-6)
            {
              eta /= 5.0;
              no_improvement = 0;
            }
          else
            stop = TRUE;
        }
      if (stop)
        {
          epoch++;
          break;
        }
    }

  if (wscale != 1.0)
    cblas_dscal ((int) d, wscale, w, 1);
  *b = intercept;
  *n_iter_out = MIN (epoch, P->max_iter);
  *t_out = t;
  return TRUE;
}

/* --- validation split (early stopping) --- */

/* Marks ceil(fraction·n) rows (per class when @codes, like a stratified
 * shuffle split) as validation; fills @train and @val. */
static gboolean
make_validation_split (const LbSgdParams *P,
                       gsize              n,
                       const guint       *codes,
                       guint              n_classes,
                       LbFitContext      *ctx,
                       guint             *train,
                       gsize             *n_train,
                       guint             *val,
                       gsize             *n_val,
                       GError           **error)
{
  g_autofree guint8 *is_val = g_new0 (guint8, n);
  LbRng rng;

  *n_train = *n_val = 0;
  if (!P->early_stopping)
    {
      for (gsize i = 0; i < n; i++)
        train[(*n_train)++] = (guint) i;
      return TRUE;
    }
  lb_fit_context_init_rng (ctx, &rng, G_MAXUINT32);
  for (guint c = 0; c < MAX (n_classes, 1); c++)
    {
      g_autofree guint *rows = g_new (guint, n);
      gsize m = 0, take;

      for (gsize i = 0; i < n; i++)
        if (codes == NULL || codes[i] == c)
          rows[m++] = (guint) i;
      lb_rng_shuffle (&rng, rows, m);
      take = (gsize) ceil (P->validation_fraction * (double) m);
      for (gsize k = 0; k < take; k++)
        is_val[rows[k]] = 1;
    }
  for (gsize i = 0; i < n; i++)
    {
      if (is_val[i])
        val[(*n_val)++] = (guint) i;
      else
        train[(*n_train)++] = (guint) i;
    }
  if (*n_train == 0 || *n_val == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("splitting %zu samples with validation_fraction %g leaves "
                     "an empty training or validation set"), n, P->validation_fraction);
      return FALSE;
    }
  return TRUE;
}

static void
warn_not_converged (LbSgdModel   *m,
                    LbFitContext *ctx)
{
  if (m->params.tol >= 0.0 && m->n_iter >= m->params.max_iter)
    {
      LbFitEvent ev = { .fraction = 1.0, .epoch = m->n_iter, .iteration = m->n_iter,
                        .loss = NAN, .val_score = NAN,
                        .message = _("maximum number of epochs reached before convergence: "
                                     "consider raising max_iter") };
      lb_fit_context_report (ctx, &ev);
    }
}

/* --- the model --- */

void
lb_sgd_model_reset (LbSgdModel *m)
{
  if (m->params.warm_start && m->coef != NULL)
    {
      g_free (m->warm_coef);
      g_free (m->warm_intercept);
      m->warm_coef = g_steal_pointer (&m->coef);
      m->warm_intercept = g_steal_pointer (&m->intercept);
      m->warm_rows = m->n_rows;
      m->warm_features = m->n_features;
    }
  g_clear_pointer (&m->coef, g_free);
  g_clear_pointer (&m->intercept, g_free);
  m->n_features = 0;
  m->n_rows = 0;
  m->n_iter = 0;
  m->t = 0.0;
}

void
lb_sgd_model_clear (LbSgdModel *m)
{
  m->params.warm_start = FALSE;
  lb_sgd_model_reset (m);
  g_clear_pointer (&m->warm_coef, g_free);
  g_clear_pointer (&m->warm_intercept, g_free);
}

/* Zero weights, or — warm_start with a previous fit of the same shape — its
 * weights (scikit-learn's coef_init = coef_; t_ restarts at 1 either way). */
static gboolean
alloc_state (LbSgdModel *m,
             guint       n_rows,
             gsize       d,
             GError    **error)
{
  lb_sgd_model_reset (m);
  m->coef = g_try_malloc0 (MAX ((gsize) n_rows * d, 1) * sizeof (double));
  m->intercept = g_new0 (double, n_rows);
  if (m->coef == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                           _("not enough memory for the weights"));
      return FALSE;
    }
  if (m->params.warm_start && m->warm_coef != NULL && m->warm_rows == n_rows && m->warm_features == d)
    {
      memcpy (m->coef, m->warm_coef, (gsize) n_rows * d * sizeof (double));
      memcpy (m->intercept, m->warm_intercept, n_rows * sizeof (double));
    }
  g_clear_pointer (&m->warm_coef, g_free);
  g_clear_pointer (&m->warm_intercept, g_free);
  m->n_rows = n_rows;
  m->n_features = (guint) d;
  return TRUE;
}

/* One-vs-rest problem r (a task of the classifier fit; may run on a pool thread). */
typedef struct
{
  LbSgdModel       *m;
  const SgdProblem *base;      /* X, split; y filled per task */
  const guint      *codes;
  guint             n_rows;
  LbFitContext     *ctx;
  GMutex            lock;
  GError           *error;     /* the first failure */
  guint            *n_iter;    /* (n_rows) */
  double           *t;         /* (n_rows) */
} OvrRun;

static void
ovr_task (gpointer data,
          gpointer user_data)
{
  OvrRun *run = user_data;
  guint r = GPOINTER_TO_UINT (data) - 1;
  guint positive = run->n_rows == 1 ? 1 : r;
  gsize n = run->base->n, d = run->base->d;
  g_autofree double *yb = g_new (double, n);
  g_autoptr(LbFitContext) child = lb_fit_context_new_child (run->ctx, r, (double) r / run->n_rows,
                                                            (double) (r + 1) / run->n_rows);
  SgdProblem pb = *run->base;
  GError *error = NULL;
  LbRng rng;

  g_mutex_lock (&run->lock);
  if (run->error != NULL)
    {
      g_mutex_unlock (&run->lock);
      return;
    }
  g_mutex_unlock (&run->lock);

  for (gsize i = 0; i < n; i++)
    yb[i] = run->codes[i] == positive ? 1.0 : -1.0;
  pb.y = yb;
  /* stream r of the fit's seed: the same weights whatever the thread count */
  lb_fit_context_init_rng (run->ctx, &rng, r);
  if (!sgd_plain (&run->m->params, &pb, run->m->coef + (gsize) r * d, &run->m->intercept[r], &rng,
                  child, 0.0, 1.0, &run->n_iter[r], &run->t[r], &error))
    {
      g_mutex_lock (&run->lock);
      if (run->error == NULL)
        run->error = error;
      else
        g_error_free (error);
      g_mutex_unlock (&run->lock);
    }
}

gboolean
lb_sgd_model_fit_classifier (LbSgdModel   *m,
                             LbMatrix     *X,
                             LbMatrix     *y,
                             guint         n_classes,
                             LbFitContext *ctx,
                             GError      **error)
{
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  const double *yv = lb_matrix_get_const_data (y);
  g_autofree guint *codes = g_new (guint, n);
  g_autofree guint *train = g_new (guint, n);
  g_autofree guint *val = g_new (guint, n);
  guint n_rows = n_classes == 2 ? 1 : n_classes;
  g_autofree guint *n_iter = g_new0 (guint, n_rows);
  g_autofree double *t = g_new0 (double, n_rows);
  guint n_threads = MIN (lb_fit_context_get_n_threads (ctx), n_rows);
  OvrRun run = { m, NULL, NULL, n_rows, ctx, { 0 }, NULL, n_iter, t };
  SgdProblem pb;

  for (gsize i = 0; i < n; i++)
    codes[i] = (guint) yv[i];
  pb.X = lb_matrix_get_const_data (X);
  pb.n = n;
  pb.d = d;
  pb.y = NULL;
  pb.classification = TRUE;
  if (!make_validation_split (&m->params, n, codes, n_classes, ctx, train, &pb.n_train, val, &pb.n_val, error))
    return FALSE;
  pb.train = train;
  pb.val = val;
  if (!alloc_state (m, n_rows, d, error))
    return FALSE;

  /* One-vs-rest: problem r separates class r (+1, or class 1 when binary)
   * from the rest; problems run in parallel within the thread budget. */
  run.base = &pb;
  run.codes = codes;
  g_mutex_init (&run.lock);
  if (n_threads > 1)
    {
      GThreadPool *pool = g_thread_pool_new (ovr_task, &run, (int) n_threads, TRUE, NULL);

      for (guint r = 0; r < n_rows; r++)
        g_thread_pool_push (pool, GUINT_TO_POINTER (r + 1), NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }
  else
    for (guint r = 0; r < n_rows && run.error == NULL; r++)
      ovr_task (GUINT_TO_POINTER (r + 1), &run);
  g_mutex_clear (&run.lock);
  if (run.error != NULL)
    {
      g_propagate_error (error, run.error);
      lb_sgd_model_reset (m);
      return FALSE;
    }
  for (guint r = 0; r < n_rows; r++)
    m->n_iter = MAX (m->n_iter, n_iter[r]);
  /* scikit-learn's t_: that of the binary problem, or after one-vs-rest
   * 1 + max n_iter · n_samples */
  m->t = n_rows > 1 ? 1.0 + (double) m->n_iter * (double) n : t[0];
  warn_not_converged (m, ctx);
  return TRUE;
}

gboolean
lb_sgd_model_fit_regressor (LbSgdModel   *m,
                            LbMatrix     *X,
                            LbMatrix     *y,
                            LbFitContext *ctx,
                            GError      **error)
{
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  g_autofree guint *train = g_new (guint, n);
  g_autofree guint *val = g_new (guint, n);
  SgdProblem pb;
  LbRng rng;

  pb.X = lb_matrix_get_const_data (X);
  pb.n = n;
  pb.d = d;
  pb.y = lb_matrix_get_const_data (y);
  pb.classification = FALSE;
  if (!make_validation_split (&m->params, n, NULL, 0, ctx, train, &pb.n_train, val, &pb.n_val, error))
    return FALSE;
  pb.train = train;
  pb.val = val;
  if (!alloc_state (m, 1, d, error))
    return FALSE;
  lb_fit_context_init_rng (ctx, &rng, 0);
  if (!sgd_plain (&m->params, &pb, m->coef, m->intercept, &rng, ctx, 0.0, 1.0, &m->n_iter, &m->t, error))
    {
      lb_sgd_model_reset (m);
      return FALSE;
    }
  warn_not_converged (m, ctx);
  return TRUE;
}

LbMatrix *
lb_sgd_model_decision (LbSgdModel *m,
                       LbMatrix   *X,
                       GError    **error)
{
  if (m->coef == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_FITTED,
                           _("the model is not fitted yet"));
      return NULL;
    }
  return lb_linear_decision (X, m->coef, m->intercept, m->n_rows, m->n_features, error);
}

LbMatrix *
lb_sgd_model_predict_class (LbSgdModel *m,
                            LbMatrix   *X,
                            GError    **error)
{
  g_autoptr(LbMatrix) scores = lb_sgd_model_decision (m, X, error);
  gsize n, k;
  LbMatrix *out;
  const double *s;
  double *o;

  if (scores == NULL)
    return NULL;
  n = lb_matrix_get_n_rows (scores);
  k = lb_matrix_get_n_cols (scores);
  out = lb_matrix_new (n, 1);
  s = lb_matrix_get_const_data (scores);
  o = lb_matrix_get_data (out);
  for (gsize i = 0; i < n; i++)
    {
      if (k == 1)
        o[i] = s[i] > 0.0 ? 1.0 : 0.0;
      else
        {
          gsize best = 0;
          for (gsize c = 1; c < k; c++)
            if (s[i * k + c] > s[i * k + best])
              best = c;
          o[i] = (double) best;
        }
    }
  return out;
}

LbMatrix *
lb_sgd_model_predict_proba (LbSgdModel *m,
                            LbMatrix   *X,
                            guint       n_classes,
                            GError    **error)
{
  g_autoptr(LbMatrix) scores = NULL;
  gboolean is_log = m->params.loss == LB_SGD_LOSS_LOG_LOSS;
  LbMatrix *out;
  const double *s;
  double *o;
  gsize n;

  if (!is_log && m->params.loss != LB_SGD_LOSS_MODIFIED_HUBER)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                           _("probabilities need loss log_loss or modified_huber"));
      return NULL;
    }
  if (m->coef != NULL && (m->n_rows == 1 ? n_classes != 2 : m->n_rows != n_classes))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("the model has %u weight rows for %u classes"), m->n_rows, n_classes);
      return NULL;
    }
  scores = lb_sgd_model_decision (m, X, error);
  if (scores == NULL)
    return NULL;
  n = lb_matrix_get_n_rows (scores);
  out = lb_matrix_new (n, n_classes);
  s = lb_matrix_get_const_data (scores);
  o = lb_matrix_get_data (out);
  for (gsize i = 0; i < n; i++)
    {
      double *row = o + i * n_classes;

      if (m->n_rows == 1)
        {
          double pr = is_log ? 1.0 / (1.0 + exp (-s[i])) : (CLAMP (s[i], -1.0, 1.0) + 1.0) / 2.0;
          row[0] = 1.0 - pr;
          row[1] = pr;
        }
      else
        {
          double sum = 0.0;
          for (guint c = 0; c < n_classes; c++)
            {
              double v = s[i * n_classes + c];
              row[c] = is_log ? 1.0 / (1.0 + exp (-v)) : (CLAMP (v, -1.0, 1.0) + 1.0) / 2.0;
              sum += row[c];
            }
          for (guint c = 0; c < n_classes; c++)
            row[c] = sum > 0.0 ? row[c] / sum : 1.0 / n_classes;
        }
    }
  return out;
}

JsonNode *
lb_sgd_model_save_state (LbSgdModel *m)
{
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (obj, "n_features", m->n_features);
  json_object_set_int_member (obj, "n_rows", m->n_rows);
  json_object_set_member (obj, "coef", lb_linear_json_doubles (m->coef, (gsize) m->n_rows * m->n_features));
  json_object_set_member (obj, "intercept", lb_linear_json_doubles (m->intercept, m->n_rows));
  json_object_set_int_member (obj, "n_iter", m->n_iter);
  json_object_set_double_member (obj, "t", m->t);
  json_node_take_object (node, obj);
  return node;
}

gboolean
lb_sgd_model_load_state (LbSgdModel *m,
                         JsonNode   *state,
                         GError    **error)
{
  JsonObject *obj = lb_linear_json_object (state, error);
  g_autofree double *coef = NULL;
  g_autofree double *b = NULL;
  guint64 d, rows, n_iter;
  double t;

  if (obj == NULL
      || !lb_linear_json_get_uint (obj, "n_features", 1, G_MAXINT32, &d, error)
      || !lb_linear_json_get_uint (obj, "n_rows", 1, 65536, &rows, error)
      || !lb_linear_json_get_uint (obj, "n_iter", 0, G_MAXUINT, &n_iter, error)
      || !lb_linear_json_get_double (obj, "t", &t, error))
    return FALSE;
  if (d * rows > (guint64) G_MAXINT32)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                           _("model state: too many weights"));
      return FALSE;
    }
  coef = lb_linear_json_dup_doubles (obj, "coef", d * rows, error);
  if (coef == NULL)
    return FALSE;
  b = lb_linear_json_dup_doubles (obj, "intercept", rows, error);
  if (b == NULL)
    return FALSE;
  lb_sgd_model_reset (m);
  m->coef = g_steal_pointer (&coef);
  m->intercept = g_steal_pointer (&b);
  m->n_features = (guint) d;
  m->n_rows = (guint) rows;
  m->n_iter = (guint) n_iter;
  m->t = t;
  return TRUE;
}
