/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svc.c: SVC as scikit-learn 1.2.1 (libsvm's C-SVC): each pair of classes
 * (i < j, in class order) is one binary problem, class i's rows first then
 * class j's, class i labelled +1 — libsvm's own arrangement, so the SMO
 * solver (lb-svm-solver.c) walks the same path and the decision values agree
 * with libsvm's. predict is libsvm's vote; decision_function "ovr" is
 * scikit-learn's transformation of the pairwise values; probabilities are
 * libsvm's Platt scaling (5-fold CV decision values per pair, then Wu-Lin-Weng
 * pairwise coupling) with our own fold shuffle. The pairs are fitted in
 * parallel within the fit context's thread budget; when the kernel matrices
 * fit the cache, each class's own block is computed once for all its pairs.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-parallel-private.h"
#include "lb-svc.h"
#include "lb-svm-model.h"
#include "lb-svm-private.h"
#include "lb-svm-solver.h"

G_DEFINE_ENUM_TYPE (LbSvcShape, lb_svc_shape,
  G_DEFINE_ENUM_VALUE (LB_SVC_SHAPE_OVR, "ovr"),
  G_DEFINE_ENUM_VALUE (LB_SVC_SHAPE_OVO, "ovo"))

G_DEFINE_ENUM_TYPE (LbSvcClassWeight, lb_svc_class_weight,
  G_DEFINE_ENUM_VALUE (LB_SVC_CLASS_WEIGHT_NONE, "none"),
  G_DEFINE_ENUM_VALUE (LB_SVC_CLASS_WEIGHT_BALANCED, "balanced"))

struct _LbSvc
{
  LbEstimator parent_instance;

  double           C;
  LbSvmKernelType  kernel;
  guint            degree;
  JsonNode        *gamma;
  double           coef0;
  gboolean         shrinking;
  gboolean         probability;
  double           tol;
  double           cache_size;
  int              max_iter;
  LbSvcShape       shape;
  LbSvcClassWeight class_weight;

  LbSvmModel      *model;
};

G_DEFINE_TYPE (LbSvc, lb_svc, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_C,
  PROP_KERNEL,
  PROP_DEGREE,
  PROP_GAMMA,
  PROP_COEF0,
  PROP_SHRINKING,
  PROP_PROBABILITY,
  PROP_TOL,
  PROP_CACHE_SIZE,
  PROP_MAX_ITER,
  PROP_DECISION_FUNCTION_SHAPE,
  PROP_CLASS_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- fit --- */

/* One binary C-SVC problem on @Xs (l, p): rows with y = +1 first. @alpha
 * receives y·α (libsvm's sv_coef), @rho the offset. */
static gboolean
train_binary (LbSvc             *self,
              const LbSvmKernel *kernel,
              const double      *Xs,
              gsize              l,
              gsize              p,
              const double      *y,
              double             Cp,
              double             Cn,
              const float       *K,
              LbFitContext      *ctx,
              double             from,
              double             to,
              double            *alpha,
              double            *rho,
              GError           **error)
{
  g_autofree guint *kid = g_new (guint, l);
  g_autofree double *lin = g_new (double, l);
  g_autofree double *C = g_new (double, l);
  LbSvmProblem problem = { 0 };
  LbSvmSolution solution = { 0 };

  for (gsize t = 0; t < l; t++)
    {
      kid[t] = (guint) t;
      lin[t] = -1.0;
      C[t] = y[t] > 0 ? Cp : Cn;
      alpha[t] = 0.0;
    }
  problem.kernel = kernel;
  problem.X = Xs;
  problem.n_data = l;
  problem.p = p;
  problem.l = l;
  problem.kid = kid;
  problem.y = y;
  problem.lin = lin;
  problem.C = C;
  problem.eps = self->tol;
  problem.shrinking = self->shrinking;
  problem.cache_mb = self->cache_size;
  problem.K = K;
  problem.max_iter = self->max_iter;
  problem.ctx = ctx;
  problem.progress_from = from;
  problem.progress_to = to;
  if (!lb_svm_solve (&problem, alpha, &solution, error))
    return FALSE;
  for (gsize t = 0; t < l; t++)
    alpha[t] *= y[t];
  *rho = solution.rho;
  return TRUE;
}

/* libsvm's sigmoid_train: Platt's A, B with Lin, Lin & Weng's safeguards. */
static void
sigmoid_train (gsize         l,
               const double *dec,
               const double *labels,
               double       *A_out,
               double       *B_out)
{
  double prior1 = 0, prior0 = 0, A, B, fval = 0.0;
  double hi, lo, min_step = 1e-10, sigma = 1e-12, eps = 1e-5;
  g_autofree double *t = g_new (double, l);

  for (gsize i = 0; i < l; i++)
    {
      if (labels[i] > 0)
        prior1 += 1;
      else
        prior0 += 1;
    }
  hi = (prior1 + 1.0) / (prior1 + 2.0);
  lo = 1 / (prior0 + 2.0);
  A = 0.0;
  B = log ((prior0 + 1.0) / (prior1 + 1.0));
  for (gsize i = 0; i < l; i++)
    {
      double fApB = dec[i] * A + B;

      t[i] = labels[i] > 0 ? hi : lo;
      fval += fApB >= 0 ? t[i] * fApB + log1p (exp (-fApB)) : (t[i] - 1) * fApB + log1p (exp (fApB));
    }
  for (int iter = 0; iter < 100; iter++)
    {
      double h11 = sigma, h22 = sigma, h21 = 0.0, g1 = 0.0, g2 = 0.0;
      double det, dA, dB, gd, stepsize;

      for (gsize i = 0; i < l; i++)
        {
          double fApB = dec[i] * A + B, pp, q, d1, d2;

          if (fApB >= 0)
            {
              pp = exp (-fApB) / (1.0 + exp (-fApB));
              q = 1.0 / (1.0 + exp (-fApB));
            }
          else
            {
              pp = 1.0 / (1.0 + exp (fApB));
              q = exp (fApB) / (1.0 + exp (fApB));
            }
          d2 = pp * q;
          h11 += dec[i] * dec[i] * d2;
          h22 += d2;
          h21 += dec[i] * d2;
          d1 = t[i] - pp;
          g1 += dec[i] * d1;
          g2 += d1;
        }
      if (fabs (g1) < eps && fabs (g2) < eps)
        break;
      det = h11 * h22 - h21 * h21;
      dA = -(h22 * g1 - h21 * g2) / det;
      dB = -(-h21 * g1 + h11 * g2) / det;
      gd = g1 * dA + g2 * dB;
      for (stepsize = 1; stepsize >= min_step; stepsize /= 2.0)
        {
          double newA = A + stepsize * dA, newB = B + stepsize * dB, newf = 0.0;

          for (gsize i = 0; i < l; i++)
            {
              double fApB = dec[i] * newA + newB;

              newf += fApB >= 0 ? t[i] * fApB + log1p (exp (-fApB))
                                : (t[i] - 1) * fApB + log1p (exp (fApB));
            }
          if (newf < fval + 0.0001 * stepsize * gd)
            {
              A = newA;
              B = newB;
              fval = newf;
              break;
            }
        }
      if (stepsize < min_step)
        break;
    }
  *A_out = A;
  *B_out = B;
}

static double
sigmoid_predict (double dec,
                 double A,
                 double B)
{
  double fApB = dec * A + B;

  return fApB >= 0 ? exp (-fApB) / (1.0 + exp (-fApB)) : 1.0 / (1 + exp (fApB));
}

/* libsvm's svm_binary_svc_probability: decision values of 5-fold CV, then
 * the sigmoid. The shuffle is ours (LbRng), not libsvm's rand(). */
static gboolean
binary_probability (LbSvc             *self,
                    const LbSvmKernel *kernel,
                    const double      *Xs,
                    gsize              l,
                    gsize              p,
                    const double      *y,
                    double             Cp,
                    double             Cn,
                    LbFitContext      *ctx,
                    LbRng             *rng,
                    double             from,
                    double             to,
                    double            *A,
                    double            *B,
                    GError           **error)
{
  const guint nr_fold = 5;
  g_autofree guint *perm = g_new (guint, l);
  g_autofree double *dec = g_new (double, l);
  g_autofree double *sub_X = g_new (double, l * p);
  g_autofree double *sub_y = g_new (double, l);
  g_autofree double *alpha = g_new (double, l);
  g_autofree double *k_row = g_new (double, l);
  g_autofree double *sq = g_new (double, l + 1);

  for (gsize i = 0; i < l; i++)
    perm[i] = (guint) i;
  lb_rng_shuffle (rng, perm, l);
  for (guint f = 0; f < nr_fold; f++)
    {
      gsize begin = f * l / nr_fold, end = (f + 1) * l / nr_fold, k = 0, p_count = 0, n_count = 0;
      double rho = 0.0;

      /* the training part, +1 rows first (libsvm's grouping of the labels) */
      for (int pass = 0; pass < 2; pass++)
        for (gsize j = 0; j < l; j++)
          if ((j < begin || j >= end) && (y[perm[j]] > 0) == (pass == 0))
            {
              memcpy (sub_X + k * p, Xs + (gsize) perm[j] * p, p * sizeof (double));
              sub_y[k++] = y[perm[j]];
              if (pass == 0)
                p_count++;
              else
                n_count++;
            }
      if (p_count == 0 || n_count == 0)
        {
          for (gsize j = begin; j < end; j++)
            dec[perm[j]] = p_count > 0 ? 1 : n_count > 0 ? -1 : 0;
          continue;
        }
      if (!train_binary (self, kernel, sub_X, k, p, sub_y, Cp, Cn, NULL, ctx,
                         from + (to - from) * f / nr_fold, from + (to - from) * (f + 1) / nr_fold,
                         alpha, &rho, error))
        return FALSE;
      lb_svm_row_norms (sub_X, k, p, sq);
      for (gsize j = begin; j < end; j++)
        {
          const double *x = Xs + (gsize) perm[j] * p;
          double sum = 0.0;

          lb_svm_row_norms (x, 1, p, sq + l);
          lb_svm_kernel_matrix (kernel, x, sq + l, 1, sub_X, sq, k, p, k_row);
          for (gsize s = 0; s < k; s++)
            sum += alpha[s] * k_row[s];
          dec[perm[j]] = sum - rho;
        }
    }
  sigmoid_train (l, dec, y, A, B);
  return TRUE;
}

/* @out (na, nb) = K(A, B) in single precision, 64 rows of A per dgemm;
 * FALSE when @cancellable fired between blocks. */
static gboolean
kernel_block_float (const LbSvmKernel *kernel,
                    const double      *A,
                    const double      *a_sq,
                    gsize              na,
                    const double      *B,
                    const double      *b_sq,
                    gsize              nb,
                    gsize              p,
                    float             *out,
                    GCancellable      *cancellable)
{
  g_autofree double *tmp = g_new (double, 64 * MAX (nb, 1));

  for (gsize r = 0; r < na; r += 64)
    {
      gsize m = MIN ((gsize) 64, na - r);

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      lb_svm_kernel_matrix (kernel, A + r * p, a_sq + r, m, B, b_sq, nb, p, tmp);
      for (gsize e = 0; e < m * nb; e++)
        out[r * nb + e] = (float) tmp[e];
    }
  return TRUE;
}

/* The pairs of classes as parallel tasks: each writes only its own slots. */
typedef struct
{
  const double      *Xg;        /* the rows grouped by class (n, p), or NULL */
  const double      *sq;        /* their squared norms */
  float            **self_K;    /* (k) K within each class (c_c, c_c), or NULL */
  LbSvc             *self;
  const LbSvmKernel *kernel;
  const double      *x;
  gsize              p;
  guint              k;
  guint              n_pairs;
  const gsize       *count;
  const gsize       *start;
  const guint       *perm;
  const double      *weighted_C;
  LbFitContext      *ctx;
  guint             *pair_i;    /* (n_pairs) */
  guint             *pair_j;
  double           **alphas;    /* (n_pairs) y·α over class i's then class j's rows */
  double            *rho;
  double            *prob_a;    /* NULL without probability */
  double            *prob_b;
} PairTasks;

static gboolean
train_pair (guint     q,
            gpointer  data,
            GError  **error)
{
  PairTasks *t = data;
  LbSvc *self = t->self;
  guint i = t->pair_i[q], j = t->pair_j[q];
  gsize ci = t->count[i], cj = t->count[j], l = ci + cj, p = t->p;
  g_autofree double *Xs = g_new (double, l * p);
  g_autofree double *ys = g_new (double, l);
  g_autoptr(LbFitContext) child = lb_fit_context_new_child (t->ctx, q, (double) q / t->n_pairs,
                                                            (double) (q + 1) / t->n_pairs);
  double mid = self->probability ? 0.5 : 0.0;

  t->alphas[q] = g_new (double, l);
  for (gsize r = 0; r < l; r++)
    {
      guint row = t->perm[r < ci ? t->start[i] + r : t->start[j] + (r - ci)];

      memcpy (Xs + r * p, t->x + (gsize) row * p, p * sizeof (double));
      ys[r] = r < ci ? +1.0 : -1.0;
    }
  if (self->probability)
    {
      LbRng rng;

      /* one stream per pair: the same draws whatever the thread count */
      lb_fit_context_init_rng (t->ctx, &rng, q);
      if (!binary_probability (self, t->kernel, Xs, l, p, ys, t->weighted_C[i], t->weighted_C[j], child, &rng,
                               0.0, mid, &t->prob_a[q], &t->prob_b[q], error))
        return FALSE;
    }
  if (t->self_K != NULL)
    {
      /* the pair's kernel matrix from the two classes' own blocks and their
       * cross block: [K_ii K_ij; K_ji K_jj] */
      g_autofree float *K = g_new (float, l * l);
      g_autofree float *cross = g_new (float, ci * cj);
      const float *Si = t->self_K[i], *Sj = t->self_K[j];

      if (!kernel_block_float (t->kernel, t->Xg + t->start[i] * p, t->sq + t->start[i], ci,
                               t->Xg + t->start[j] * p, t->sq + t->start[j], cj, p, cross,
                               lb_fit_context_get_cancellable (t->ctx)))
        return !lb_fit_context_check_cancelled (t->ctx, error);
      /* 64 rows at a time, checking the cancellable (a pair's matrix may be
       * hundreds of megabytes); the transposed cross block in 64-row strips */
      for (gsize r = 0; r < ci; r++)
        {
          if (r % 64 == 0 && g_cancellable_is_cancelled (lb_fit_context_get_cancellable (t->ctx)))
            return !lb_fit_context_check_cancelled (t->ctx, error);
          memcpy (K + r * l, Si + r * ci, ci * sizeof (float));
          memcpy (K + r * l + ci, cross + r * cj, cj * sizeof (float));
        }
      for (gsize rb = 0; rb < cj; rb += 64)
        {
          gsize re = MIN (rb + 64, cj);

          if (g_cancellable_is_cancelled (lb_fit_context_get_cancellable (t->ctx)))
            return !lb_fit_context_check_cancelled (t->ctx, error);
          for (gsize c = 0; c < ci; c++)
            {
              const float *src = cross + c * cj;

              for (gsize r = rb; r < re; r++)
                K[(ci + r) * l + c] = src[r];
            }
          for (gsize r = rb; r < re; r++)
            memcpy (K + (ci + r) * l + ci, Sj + r * cj, cj * sizeof (float));
        }
      return train_binary (self, t->kernel, Xs, l, p, ys, t->weighted_C[i], t->weighted_C[j], K, child,
                           mid, 1.0, t->alphas[q], &t->rho[q], error);
    }
  return train_binary (self, t->kernel, Xs, l, p, ys, t->weighted_C[i], t->weighted_C[j], NULL, child,
                       mid, 1.0, t->alphas[q], &t->rho[q], error);
}

static gboolean
self_block (guint     c,
            gpointer  data,
            GError  **error)
{
  PairTasks *t = data;
  gsize cc = t->count[c];
  const double *A = t->Xg + t->start[c] * t->p;

  t->self_K[c] = g_new (float, MAX (cc * cc, 1));
  if (!kernel_block_float (t->kernel, A, t->sq + t->start[c], cc, A, t->sq + t->start[c], cc, t->p,
                           t->self_K[c], lb_fit_context_get_cancellable (t->ctx)))
    return !lb_fit_context_check_cancelled (t->ctx, error);
  return TRUE;
}

static void
free_self_blocks (float **blocks,
                  guint   k)
{
  for (guint c = 0; blocks != NULL && c < k; c++)
    g_free (blocks[c]);
  g_free (blocks);
}

static gboolean
lb_svc_fit (LbEstimator  *estimator,
            LbMatrix     *X,
            LbMatrix     *y,
            LbFitContext *ctx,
            GError      **error)
{
  LbSvc *self = LB_SVC (estimator);
  gsize n = lb_matrix_get_n_rows (X), p = lb_matrix_get_n_cols (X);
  guint k = lb_estimator_get_n_classes (estimator), n_pairs = k * (k - 1) / 2, n_workers;
  const double *x = lb_matrix_get_const_data (X), *yc = lb_matrix_get_const_data (y);
  g_autofree gsize *count = g_new0 (gsize, k);
  g_autofree gsize *start = g_new0 (gsize, k + 1);
  g_autofree guint *perm = g_new (guint, n);
  g_autofree gboolean *nonzero = g_new0 (gboolean, n);
  g_autofree double *weighted_C = g_new (double, k);
  g_autofree double *rho = g_new (double, n_pairs);
  g_autofree double *prob_a = self->probability ? g_new (double, n_pairs) : NULL;
  g_autofree double *prob_b = self->probability ? g_new (double, n_pairs) : NULL;
  g_autofree guint *pair_i = g_new (guint, n_pairs);
  g_autofree guint *pair_j = g_new (guint, n_pairs);
  g_autoptr(GPtrArray) alphas = g_ptr_array_new_full (n_pairs, g_free);
  g_autoptr(LbSvmModel) m = g_new0 (LbSvmModel, 1);
  LbSvmKernel kernel;
  PairTasks tasks;

  /* libsvm's svm_group_classes: rows grouped by class, in order within a class */
  for (gsize i = 0; i < n; i++)
    count[(guint) yc[i]]++;
  for (guint c = 0; c < k; c++)
    start[c + 1] = start[c] + count[c];
  {
    g_autofree gsize *fill = g_memdup2 (start, k * sizeof (gsize));

    for (gsize i = 0; i < n; i++)
      perm[fill[(guint) yc[i]]++] = (guint) i;
  }
  for (guint c = 0; c < k; c++)
    weighted_C[c] = self->class_weight == LB_SVC_CLASS_WEIGHT_BALANCED
                    ? self->C * (double) n / ((double) k * (double) count[c]) : self->C;

  kernel.type = self->kernel;
  kernel.degree = (int) self->degree;
  kernel.gamma = lb_svm_gamma_resolve (self->gamma, x, n, p);
  kernel.coef0 = self->coef0;

  for (guint i = 0, q = 0; i < k; i++)
    for (guint j = i + 1; j < k; j++, q++)
      {
        pair_i[q] = i;
        pair_j[q] = j;
      }
  g_ptr_array_set_size (alphas, n_pairs);
  tasks = (PairTasks) { NULL, NULL, NULL, self, &kernel, x, p, k, n_pairs, count, start, perm, weighted_C, ctx,
                        pair_i, pair_j, (double **) alphas->pdata, rho, prob_a, prob_b };

  /* Several classes whose kernel matrices fit the cache: each class's own
   * block K(X_c, X_c) is computed once and shared by its k − 1 pairs (a pair
   * then computes only its cross block) instead of every pair computing its
   * whole matrix — 45 % fewer kernel values on ten classes. */
  {
    double bytes = self->cache_size * 1024.0 * 1024.0, self_bytes = 0.0;
    gsize l_max = 0;

    for (guint q = 0; q < n_pairs; q++)
      l_max = MAX (l_max, count[pair_i[q]] + count[pair_j[q]]);
    for (guint c = 0; c < k; c++)
      self_bytes += 4.0 * count[c] * count[c];
    if (k > 2 && l_max >= 128 && 4.0 * l_max * l_max <= bytes && self_bytes <= bytes)
      {
        double *Xg = g_new (double, MAX (n * p, 1));
        double *sq = g_new (double, MAX (n, 1));

        for (gsize r = 0; r < n; r++)
          memcpy (Xg + r * p, x + (gsize) perm[r] * p, p * sizeof (double));
        lb_svm_row_norms (Xg, n, p, sq);
        tasks.Xg = Xg;
        tasks.sq = sq;
        tasks.self_K = g_new0 (float *, k);
        n_workers = lb_parallel_n_workers (ctx, k);
        if (!lb_parallel_run (k, n_workers, lb_parallel_inner_threads (ctx, n_workers),
                              lb_fit_context_get_cancellable (ctx), self_block, &tasks, error))
          {
            free_self_blocks (tasks.self_K, k);
            g_free (Xg);
            g_free (sq);
            return FALSE;
          }
      }
  }
  n_workers = lb_parallel_n_workers (ctx, n_pairs);
  if (!lb_parallel_run (n_pairs, n_workers, lb_parallel_inner_threads (ctx, n_workers),
                        lb_fit_context_get_cancellable (ctx), train_pair, &tasks, error))
    {
      free_self_blocks (tasks.self_K, k);
      g_free ((double *) tasks.Xg);
      g_free ((double *) tasks.sq);
      return FALSE;
    }
  free_self_blocks (tasks.self_K, k);
  g_free ((double *) tasks.Xg);
  g_free ((double *) tasks.sq);
  for (guint q = 0; q < n_pairs; q++)
    {
      const double *alpha = alphas->pdata[q];
      guint i = pair_i[q], j = pair_j[q];

      for (gsize t = 0; t < count[i]; t++)
        if (fabs (alpha[t]) > 0)
          nonzero[start[i] + t] = TRUE;
      for (gsize t = 0; t < count[j]; t++)
        if (fabs (alpha[count[i] + t]) > 0)
          nonzero[start[j] + t] = TRUE;
    }

  /* the model, in libsvm's layout */
  m->kernel = kernel;
  m->regression = FALSE;
  m->n_classes = k;
  m->n_features = (guint) p;
  m->n_support = g_new0 (guint, k);
  for (guint c = 0; c < k; c++)
    for (gsize t = start[c]; t < start[c + 1]; t++)
      if (nonzero[t])
        {
          m->n_support[c]++;
          m->n_sv++;
        }
  m->support = g_new (guint, MAX (m->n_sv, 1));
  m->sv = g_new (double, MAX (m->n_sv * p, 1));
  m->sv_sq = g_new (double, MAX (m->n_sv, 1));
  m->sv_coef = g_new0 (double, MAX ((k - 1) * m->n_sv, 1));
  {
    g_autofree gsize *nz_start = g_new0 (gsize, k + 1);
    gsize s = 0;

    for (guint c = 0; c < k; c++)
      nz_start[c + 1] = nz_start[c] + m->n_support[c];
    for (gsize t = 0; t < n; t++)
      if (nonzero[t])
        {
          m->support[s] = perm[t];
          memcpy (m->sv + s * p, x + (gsize) perm[t] * p, p * sizeof (double));
          s++;
        }
    for (guint i = 0, q = 0; i < k; i++)
      for (guint j = i + 1; j < k; j++, q++)
        {
          const double *alpha = alphas->pdata[q];
          gsize ci = count[i], cj = count[j], w;

          w = nz_start[i];
          for (gsize t = 0; t < ci; t++)
            if (nonzero[start[i] + t])
              m->sv_coef[(gsize) (j - 1) * m->n_sv + w++] = alpha[t];
          w = nz_start[j];
          for (gsize t = 0; t < cj; t++)
            if (nonzero[start[j] + t])
              m->sv_coef[(gsize) i * m->n_sv + w++] = alpha[ci + t];
        }
  }
  lb_svm_row_norms (m->sv, m->n_sv, p, m->sv_sq);
  m->rho = g_steal_pointer (&rho);
  m->prob_a = g_steal_pointer (&prob_a);
  m->prob_b = g_steal_pointer (&prob_b);

  lb_svm_model_free (self->model);
  self->model = g_steal_pointer (&m);
  lb_fit_context_report_fraction (ctx, 1.0);
  return TRUE;
}

static void
lb_svc_reset (LbEstimator *estimator)
{
  LbSvc *self = LB_SVC (estimator);

  g_clear_pointer (&self->model, lb_svm_model_free);
}

static gboolean
lb_svc_check_params (LbEstimator *estimator,
                     GError     **error)
{
  return lb_svm_gamma_check (LB_SVC (estimator)->gamma, error);
}

static gboolean
lb_svc_check_param_value (LbEstimator  *estimator,
                          GParamSpec   *pspec,
                          const GValue *value,
                          GError      **error)
{
  if (pspec == properties[PROP_GAMMA])
    return lb_svm_gamma_check (g_value_get_boxed (value), error);
  return TRUE;
}

/* --- predict --- */

static double *
pairwise (LbSvc    *self,
          LbMatrix *X)
{
  gsize n = lb_matrix_get_n_rows (X);
  double *dec = g_new (double, MAX (n * lb_svm_model_n_pairs (self->model), 1));

  lb_svm_model_decision (self->model, lb_matrix_get_const_data (X), n, dec);
  return dec;
}

static LbMatrix *
lb_svc_predict (LbEstimator *estimator,
                LbMatrix    *X,
                GError     **error)
{
  LbSvc *self = LB_SVC (estimator);
  g_autofree double *dec = pairwise (self, X);
  LbMatrix *out = lb_matrix_new (lb_matrix_get_n_rows (X), 1);

  lb_svm_model_vote (self->model, dec, lb_matrix_get_n_rows (X), lb_matrix_get_data (out));
  return out;
}

static LbMatrix *
lb_svc_decision_function (LbEstimator *estimator,
                          LbMatrix    *X,
                          GError     **error)
{
  LbSvc *self = LB_SVC (estimator);
  guint k = self->model->n_classes, n_pairs = lb_svm_model_n_pairs (self->model);
  gsize n = lb_matrix_get_n_rows (X);
  g_autofree double *dec = pairwise (self, X);
  LbMatrix *out;
  double *o;

  if (k == 2)
    {
      /* scikit-learn's sign: positive for the second class */
      out = lb_matrix_new (n, 1);
      o = lb_matrix_get_data (out);
      for (gsize r = 0; r < n; r++)
        o[r] = -dec[r];
      return out;
    }
  if (self->shape == LB_SVC_SHAPE_OVO)
    return lb_matrix_new_from_data (n, n_pairs, dec);
  /* scikit-learn's _ovr_decision_function (dec < 0, −dec, k) */
  out = lb_matrix_new (n, k);
  o = lb_matrix_get_data (out);
  {
    g_autofree double *conf = g_new (double, k);

    for (gsize r = 0; r < n; r++)
      {
        double *row = o + r * k;

        memset (conf, 0, k * sizeof (double));
        for (guint i = 0, q = 0; i < k; i++)
          for (guint j = i + 1; j < k; j++, q++)
            {
              double d = dec[r * n_pairs + q];

              conf[i] -= -d;
              conf[j] += -d;
              row[d < 0 ? j : i] += 1;
            }
        for (guint c = 0; c < k; c++)
          row[c] += conf[c] / (3 * (fabs (conf[c]) + 1));
      }
  }
  return out;
}

/* libsvm's multiclass_probability (Wu, Lin & Weng's method 2). */
static void
multiclass_probability (guint         k,
                        const double *r,
                        double       *pr)
{
  g_autofree double *Qm = g_new0 (double, k * k);
  g_autofree double *Qp = g_new (double, k);
  double eps = 0.005 / k;
  guint max_iter = MAX (100, k);

  for (guint t = 0; t < k; t++)
    {
      pr[t] = 1.0 / k;
      for (guint j = 0; j < t; j++)
        {
          Qm[t * k + t] += r[j * k + t] * r[j * k + t];
          Qm[t * k + j] = Qm[j * k + t];
        }
      for (guint j = t + 1; j < k; j++)
        {
          Qm[t * k + t] += r[j * k + t] * r[j * k + t];
          Qm[t * k + j] = -r[j * k + t] * r[t * k + j];
        }
    }
  for (guint iter = 0; iter < max_iter; iter++)
    {
      double pQp = 0, max_error = 0;

      for (guint t = 0; t < k; t++)
        {
          Qp[t] = 0;
          for (guint j = 0; j < k; j++)
            Qp[t] += Qm[t * k + j] * pr[j];
          pQp += pr[t] * Qp[t];
        }
      for (guint t = 0; t < k; t++)
        max_error = MAX (max_error, fabs (Qp[t] - pQp));
      if (max_error < eps)
        break;
      for (guint t = 0; t < k; t++)
        {
          double diff = (-Qp[t] + pQp) / Qm[t * k + t];

          pr[t] += diff;
          pQp = (pQp + diff * (diff * Qm[t * k + t] + 2 * Qp[t])) / (1 + diff) / (1 + diff);
          for (guint j = 0; j < k; j++)
            {
              Qp[j] = (Qp[j] + diff * Qm[t * k + j]) / (1 + diff);
              pr[j] /= (1 + diff);
            }
        }
    }
}

static LbMatrix *
lb_svc_predict_proba (LbEstimator *estimator,
                      LbMatrix    *X,
                      GError     **error)
{
  LbSvc *self = LB_SVC (estimator);
  guint k = self->model->n_classes, n_pairs = lb_svm_model_n_pairs (self->model);
  gsize n = lb_matrix_get_n_rows (X);
  g_autofree double *dec = NULL;
  g_autofree double *r = g_new (double, k * k);
  LbMatrix *out;
  const double min_prob = 1e-7;

  if (self->model->prob_a == NULL)
    {
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_NOT_SUPPORTED,
                           _("SVC gives probabilities only when fitted with probability=true"));
      return NULL;
    }
  dec = pairwise (self, X);
  out = lb_matrix_new (n, k);
  for (gsize row = 0; row < n; row++)
    {
      double *o = lb_matrix_get_data (out) + row * k;

      for (guint i = 0, q = 0; i < k; i++)
        for (guint j = i + 1; j < k; j++, q++)
          {
            double pij = sigmoid_predict (dec[row * n_pairs + q], self->model->prob_a[q], self->model->prob_b[q]);

            r[i * k + j] = MIN (MAX (pij, min_prob), 1 - min_prob);
            r[j * k + i] = 1 - r[i * k + j];
          }
      if (k == 2)
        {
          o[0] = r[0 * k + 1];
          o[1] = r[1 * k + 0];
        }
      else
        multiclass_probability (k, r, o);
    }
  return out;
}

/* --- state --- */

static JsonNode *
lb_svc_save_state (LbEstimator *estimator,
                   GError     **error)
{
  return lb_svm_model_save (LB_SVC (estimator)->model);
}

static gboolean
lb_svc_load_state (LbEstimator *estimator,
                   JsonNode    *state,
                   GError     **error)
{
  LbSvc *self = LB_SVC (estimator);
  LbSvmModel *m = lb_svm_model_load (state, FALSE, lb_estimator_get_n_classes (estimator),
                                     lb_estimator_get_n_features_in (estimator), error);

  if (m == NULL)
    return FALSE;
  lb_svm_model_free (self->model);
  self->model = m;
  return TRUE;
}

static JsonNode *
lb_svc_describe_state (LbEstimator *estimator)
{
  return lb_svm_model_describe_node (LB_SVC (estimator)->model);
}

/* --- properties --- */

static void
lb_svc_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  LbSvc *self = LB_SVC (object);

  switch (prop_id)
    {
    case PROP_C:            g_value_set_double (value, self->C); break;
    case PROP_KERNEL:       g_value_set_enum (value, self->kernel); break;
    case PROP_DEGREE:       g_value_set_uint (value, self->degree); break;
    case PROP_GAMMA:        g_value_set_boxed (value, self->gamma); break;
    case PROP_COEF0:        g_value_set_double (value, self->coef0); break;
    case PROP_SHRINKING:    g_value_set_boolean (value, self->shrinking); break;
    case PROP_PROBABILITY:  g_value_set_boolean (value, self->probability); break;
    case PROP_TOL:          g_value_set_double (value, self->tol); break;
    case PROP_CACHE_SIZE:   g_value_set_double (value, self->cache_size); break;
    case PROP_MAX_ITER:     g_value_set_int (value, self->max_iter); break;
    case PROP_DECISION_FUNCTION_SHAPE: g_value_set_enum (value, self->shape); break;
    case PROP_CLASS_WEIGHT: g_value_set_enum (value, self->class_weight); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_svc_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  LbSvc *self = LB_SVC (object);

  switch (prop_id)
    {
    case PROP_C:            SET_FIELD (C, g_value_get_double); break;
    case PROP_KERNEL:       SET_FIELD (kernel, (LbSvmKernelType) g_value_get_enum); break;
    case PROP_DEGREE:       SET_FIELD (degree, g_value_get_uint); break;
    case PROP_GAMMA:        lb_svm_set_gamma (&self->gamma, object, pspec, value); break;
    case PROP_COEF0:        SET_FIELD (coef0, g_value_get_double); break;
    case PROP_SHRINKING:    SET_FIELD (shrinking, g_value_get_boolean); break;
    case PROP_PROBABILITY:  SET_FIELD (probability, g_value_get_boolean); break;
    case PROP_TOL:          SET_FIELD (tol, g_value_get_double); break;
    case PROP_CACHE_SIZE:   SET_FIELD (cache_size, g_value_get_double); break;
    case PROP_MAX_ITER:     SET_FIELD (max_iter, g_value_get_int); break;
    case PROP_DECISION_FUNCTION_SHAPE: SET_FIELD (shape, (LbSvcShape) g_value_get_enum); break;
    case PROP_CLASS_WEIGHT: SET_FIELD (class_weight, (LbSvcClassWeight) g_value_get_enum); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_svc_finalize (GObject *object)
{
  LbSvc *self = LB_SVC (object);

  g_clear_pointer (&self->model, lb_svm_model_free);
  g_clear_pointer (&self->gamma, json_node_unref);
  G_OBJECT_CLASS (lb_svc_parent_class)->finalize (object);
}

static void
lb_svc_class_init (LbSvcClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *est_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_svc_get_property;
  object_class->set_property = lb_svc_set_property;
  object_class->finalize = lb_svc_finalize;

  est_class->name = "SVC";
  est_class->flags = LB_ESTIMATOR_CLASSIFIER | LB_ESTIMATOR_NEEDS_Y | LB_ESTIMATOR_ITERATIVE;
  est_class->check_params = lb_svc_check_params;
  est_class->check_param_value = lb_svc_check_param_value;
  est_class->fit = lb_svc_fit;
  est_class->reset = lb_svc_reset;
  est_class->predict = lb_svc_predict;
  est_class->predict_proba = lb_svc_predict_proba;
  est_class->decision_function = lb_svc_decision_function;
  est_class->save_state = lb_svc_save_state;
  est_class->load_state = lb_svc_load_state;
  est_class->describe_state = lb_svc_describe_state;

  properties[PROP_C] =
    g_param_spec_double ("C", N_("C"),
                         N_("How much margin violations cost: small C gives a wider, softer "
                            "margin (more regularisation), large C fits the training data closer"),
                         G_MINDOUBLE, G_MAXDOUBLE, 1.0, flags);
  lb_svm_kernel_pspecs (properties, PROP_KERNEL, PROP_DEGREE, PROP_GAMMA, PROP_COEF0,
                        PROP_SHRINKING, PROP_TOL, PROP_CACHE_SIZE, flags);
  properties[PROP_PROBABILITY] =
    g_param_spec_boolean ("probability", N_("Probabilities"),
                          N_("Also fit Platt scaling by an internal 5-fold cross-validation so the model "
                             "gives class probabilities (about six times slower)"),
                          FALSE, flags);
  properties[PROP_MAX_ITER] =
    g_param_spec_int ("max-iter", N_("Maximum iterations"),
                      N_("A limit on solver iterations per pair of classes; -1: none"),
                      -1, G_MAXINT, -1, flags);
  properties[PROP_DECISION_FUNCTION_SHAPE] =
    g_param_spec_enum ("decision-function-shape", N_("Decision function shape"),
                       N_("With more than two classes: ovr gives one score per class, ovo one "
                          "score per pair of classes"),
                       LB_TYPE_SVC_SHAPE, LB_SVC_SHAPE_OVR, flags);
  properties[PROP_CLASS_WEIGHT] =
    g_param_spec_enum ("class-weight", N_("Class weights"),
                       N_("balanced: raise C for rare classes in proportion to how rare they are"),
                       LB_TYPE_SVC_CLASS_WEIGHT, LB_SVC_CLASS_WEIGHT_NONE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_svc_init (LbSvc *self)
{
  self->C = 1.0;
  self->kernel = LB_SVM_KERNEL_RBF;
  self->degree = 3;
  self->gamma = lb_svm_gamma_default ();
  self->coef0 = 0.0;
  self->shrinking = TRUE;
  self->probability = FALSE;
  self->tol = 1e-3;
  self->cache_size = 200.0;
  self->max_iter = -1;
  self->shape = LB_SVC_SHAPE_OVR;
  self->class_weight = LB_SVC_CLASS_WEIGHT_NONE;
}

LbEstimator *
lb_svc_new (void)
{
  return g_object_new (LB_TYPE_SVC, NULL);
}

const double *
lb_svc_get_support_vectors (LbSvc *self,
                            gsize *n_sv,
                            guint *n_features)
{
  g_return_val_if_fail (LB_IS_SVC (self), NULL);
  return lb_svm_model_get_sv (self->model, n_sv, n_features);
}

const guint *
lb_svc_get_support (LbSvc *self,
                    gsize *n_sv)
{
  g_return_val_if_fail (LB_IS_SVC (self), NULL);
  return lb_svm_model_get_support (self->model, n_sv);
}

const guint *
lb_svc_get_n_support (LbSvc *self,
                      guint *n_classes)
{
  g_return_val_if_fail (LB_IS_SVC (self), NULL);
  if (n_classes != NULL)
    *n_classes = self->model != NULL ? self->model->n_classes : 0;
  return self->model != NULL ? self->model->n_support : NULL;
}

double
lb_svc_get_gamma (LbSvc *self)
{
  g_return_val_if_fail (LB_IS_SVC (self), NAN);
  return self->model != NULL ? self->model->kernel.gamma : NAN;
}
