/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svm-solver.c: SMO as libsvm's Solver does it (the same working-set
 * selection, update clipping, shrinking, gradient reconstruction and rho),
 * so the dual solution is libsvm's; kernel rows are computed a row at a time
 * with BLAS and kept, in single precision as libsvm keeps them, in an LRU
 * cache indexed by data row. Variables are swapped in place as libsvm swaps
 * them, so the order of ties — and thus the iterates — is libsvm's.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cblas.h>
#include <glib/gi18n-lib.h>

#include "lb-engine-error.h"
#include "lb-svm-solver.h"

#define TAU 1e-12

enum { LOWER_BOUND, UPPER_BOUND, FREE };

/* --- the kernel-row cache: data row → float row of K over all data rows --- */

typedef struct
{
  const LbSvmKernel *kernel;
  const double      *X;
  gsize              n, p;
  double            *sq;        /* ‖x_i‖² */
  double            *tmp;       /* one row in double */
  float            **rows;      /* (n) cached row or NULL */
  guint             *prev;      /* LRU list over data rows; n is the sentinel */
  guint             *next;
  gsize              n_cached;
  gsize              max_rows;
  guint64            n_computed;
  const float       *K;         /* the caller's whole matrix, or NULL */
} Cache;

static void
cache_init (Cache             *c,
            const LbSvmProblem *problem)
{
  double bytes = MAX (problem->cache_mb, 1.0) * 1024.0 * 1024.0;

  c->kernel = problem->kernel;
  c->X = problem->X;
  c->n = problem->n_data;
  c->p = problem->p;
  c->sq = g_new (double, c->n);
  lb_svm_row_norms (c->X, c->n, c->p, c->sq);
  c->tmp = g_new (double, c->n);
  c->rows = g_new0 (float *, c->n);
  c->prev = g_new (guint, c->n + 1);
  c->next = g_new (guint, c->n + 1);
  c->prev[c->n] = c->next[c->n] = (guint) c->n;
  c->n_cached = 0;
  /* at least two rows: the solver holds Q_i and Q_j at once */
  c->max_rows = (gsize) MAX (2.0, MIN ((double) c->n, bytes / ((double) c->n * sizeof (float))));
  c->n_computed = 0;
  c->K = problem->K;
}

static void
cache_clear (Cache *c)
{
  for (gsize i = 0; i < c->n; i++)
    g_free (c->rows[i]);
  g_free (c->rows);
  g_free (c->prev);
  g_free (c->next);
  g_free (c->sq);
  g_free (c->tmp);
}

static void
lru_unlink (Cache *c,
            guint  i)
{
  c->next[c->prev[i]] = c->next[i];
  c->prev[c->next[i]] = c->prev[i];
}

static void
lru_push_front (Cache *c,
                guint  i)
{
  guint s = (guint) c->n;

  c->next[i] = c->next[s];
  c->prev[i] = s;
  c->prev[c->next[s]] = i;
  c->next[s] = i;
}

/* Row @i of K (float, n values). */
static const float *
cache_row (Cache *c,
           guint  i)
{
  float *row;

  if (c->K != NULL)
    return c->K + (gsize) i * c->n;
  row = c->rows[i];
  if (row != NULL)
    {
      lru_unlink (c, i);
      lru_push_front (c, i);
      return row;
    }
  if (c->n_cached >= c->max_rows)
    {
      guint victim = c->prev[c->n];   /* least recently used */

      lru_unlink (c, victim);
      row = c->rows[victim];
      c->rows[victim] = NULL;
      c->n_cached--;
    }
  else
    row = g_new (float, c->n);
  lb_svm_kernel_matrix (c->kernel, c->X + (gsize) i * c->p, c->sq + i, 1,
                        c->X, c->sq, c->n, c->p, c->tmp);
  for (gsize j = 0; j < c->n; j++)
    row[j] = (float) c->tmp[j];
  c->rows[i] = row;
  c->n_cached++;
  c->n_computed++;
  lru_push_front (c, i);
  return row;
}

/* When every row fits in the cache, computes them all up front, 64 rows per
 * dgemm: compute-bound blocks run several times faster than the
 * memory-bound row-at-a-time dgemv, and the solver usually needs a good part
 * of the rows anyway (shrinking and gradient reconstruction touch many).
 * FALSE when cancelled between blocks. */
#define PRECOMPUTE_BLOCK 64

static gboolean
cache_precompute (Cache        *c,
                  GCancellable *cancellable)
{
  g_autofree double *block = NULL;

  if (c->K != NULL || c->max_rows < c->n || c->n < 2 * PRECOMPUTE_BLOCK)
    return TRUE;
  block = g_new (double, PRECOMPUTE_BLOCK * c->n);
  for (gsize b = 0; b < c->n; b += PRECOMPUTE_BLOCK)
    {
      gsize nb = MIN ((gsize) PRECOMPUTE_BLOCK, c->n - b), m = b + nb;

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      /* K is symmetric: this block of rows against rows 0 .. m−1 only, the
       * rest of these rows is filled by the later blocks' mirror image */
      lb_svm_kernel_matrix (c->kernel, c->X + b * c->p, c->sq + b, nb, c->X, c->sq, m, c->p, block);
      for (gsize r = 0; r < nb; r++)
        {
          float *row = g_new (float, c->n);

          for (gsize j = 0; j < m; j++)
            row[j] = (float) block[r * m + j];
          c->rows[b + r] = row;
          c->n_cached++;
          c->n_computed++;
          lru_push_front (c, (guint) (b + r));
        }
      for (gsize j = 0; j < b; j++)
        {
          float *row = c->rows[j];

          for (gsize r = 0; r < nb; r++)
            row[b + r] = (float) block[r * m + j];
        }
    }
  return TRUE;
}

/* --- the solver state (arrays indexed by position; swapped as libsvm does) --- */

typedef struct
{
  gsize   l;
  gsize   active_size;
  double *y;
  guint  *kid;
  double *G;
  double *G_bar;
  double *alpha;
  char   *status;
  double *p;
  double *C;
  double *QD;
  guint  *active_set;
  gboolean unshrink;
  double  eps;
  Cache   cache;
} Solver;

static inline double
Q (Solver      *s,
   const float *Ki,
   gsize        i,
   gsize        k)
{
  return s->y[i] * s->y[k] * (double) Ki[s->kid[k]];
}

static void
update_status (Solver *s,
               gsize   i)
{
  if (s->alpha[i] >= s->C[i])
    s->status[i] = UPPER_BOUND;
  else if (s->alpha[i] <= 0)
    s->status[i] = LOWER_BOUND;
  else
    s->status[i] = FREE;
}

#define IS_UPPER(s, i) ((s)->status[i] == UPPER_BOUND)
#define IS_LOWER(s, i) ((s)->status[i] == LOWER_BOUND)
#define IS_FREE(s, i)  ((s)->status[i] == FREE)

#define SWAP(type, a, b) G_STMT_START { type t_ = (a); (a) = (b); (b) = t_; } G_STMT_END

static void
swap_index (Solver *s,
            gsize   i,
            gsize   j)
{
  SWAP (double, s->y[i], s->y[j]);
  SWAP (guint, s->kid[i], s->kid[j]);
  SWAP (double, s->G[i], s->G[j]);
  SWAP (char, s->status[i], s->status[j]);
  SWAP (double, s->alpha[i], s->alpha[j]);
  SWAP (double, s->p[i], s->p[j]);
  SWAP (guint, s->active_set[i], s->active_set[j]);
  SWAP (double, s->G_bar[i], s->G_bar[j]);
  SWAP (double, s->C[i], s->C[j]);
  SWAP (double, s->QD[i], s->QD[j]);
}

static gboolean
reconstruct_gradient (Solver       *s,
                      GCancellable *cancellable)
{
  gsize l = s->l, active = s->active_size, nr_free = 0;

  if (active == l)
    return TRUE;
  for (gsize j = active; j < l; j++)
    s->G[j] = s->G_bar[j] + s->p[j];
  for (gsize j = 0; j < active; j++)
    if (IS_FREE (s, j))
      nr_free++;
  if ((double) nr_free * l > 2.0 * active * (l - active))
    {
      for (gsize i = active; i < l; i++)
        {
          const float *Ki = cache_row (&s->cache, s->kid[i]);

          if (i % 64 == 0 && g_cancellable_is_cancelled (cancellable))
            return FALSE;
          for (gsize j = 0; j < active; j++)
            if (IS_FREE (s, j))
              s->G[i] += s->alpha[j] * Q (s, Ki, i, j);
        }
    }
  else
    {
      for (gsize i = 0; i < active; i++)
        if (IS_FREE (s, i))
          {
            const float *Ki = cache_row (&s->cache, s->kid[i]);
            double alpha_i = s->alpha[i];

            if (i % 64 == 0 && g_cancellable_is_cancelled (cancellable))
              return FALSE;
            for (gsize j = active; j < l; j++)
              s->G[j] += alpha_i * Q (s, Ki, i, j);
          }
    }
  return TRUE;
}

/* WSS3; 1 when optimal. */
static int
select_working_set (Solver *s,
                    gsize  *out_i,
                    gsize  *out_j,
                    double *gap)
{
  double Gmax = -INFINITY, Gmax2 = -INFINITY, obj_diff_min = INFINITY;
  gssize Gmax_idx = -1, Gmin_idx = -1;
  const float *Ki = NULL;
  gsize active = s->active_size;

  for (gsize t = 0; t < active; t++)
    {
      if (s->y[t] == +1)
        {
          if (!IS_UPPER (s, t) && -s->G[t] >= Gmax)
            {
              Gmax = -s->G[t];
              Gmax_idx = t;
            }
        }
      else
        {
          if (!IS_LOWER (s, t) && s->G[t] >= Gmax)
            {
              Gmax = s->G[t];
              Gmax_idx = t;
            }
        }
    }
  if (Gmax_idx != -1)
    Ki = cache_row (&s->cache, s->kid[Gmax_idx]);

  for (gsize j = 0; j < active; j++)
    {
      if (s->y[j] == +1)
        {
          if (!IS_LOWER (s, j))
            {
              double grad_diff = Gmax + s->G[j];

              if (s->G[j] >= Gmax2)
                Gmax2 = s->G[j];
              if (grad_diff > 0)
                {
                  gsize i = Gmax_idx;
                  double quad_coef = s->QD[i] + s->QD[j] - 2.0 * s->y[i] * Q (s, Ki, i, j);
                  double obj_diff = quad_coef > 0 ? -(grad_diff * grad_diff) / quad_coef
                                                  : -(grad_diff * grad_diff) / TAU;

                  if (obj_diff <= obj_diff_min)
                    {
                      Gmin_idx = j;
                      obj_diff_min = obj_diff;
                    }
                }
            }
        }
      else
        {
          if (!IS_UPPER (s, j))
            {
              double grad_diff = Gmax - s->G[j];

              if (-s->G[j] >= Gmax2)
                Gmax2 = -s->G[j];
              if (grad_diff > 0)
                {
                  gsize i = Gmax_idx;
                  double quad_coef = s->QD[i] + s->QD[j] + 2.0 * s->y[i] * Q (s, Ki, i, j);
                  double obj_diff = quad_coef > 0 ? -(grad_diff * grad_diff) / quad_coef
                                                  : -(grad_diff * grad_diff) / TAU;

                  if (obj_diff <= obj_diff_min)
                    {
                      Gmin_idx = j;
                      obj_diff_min = obj_diff;
                    }
                }
            }
        }
    }
  *gap = Gmax + Gmax2;
  if (Gmax + Gmax2 < s->eps || Gmin_idx == -1)
    return 1;
  *out_i = Gmax_idx;
  *out_j = Gmin_idx;
  return 0;
}

static gboolean
be_shrunk (Solver *s,
           gsize   i,
           double  Gmax1,
           double  Gmax2)
{
  if (IS_UPPER (s, i))
    return s->y[i] == +1 ? -s->G[i] > Gmax1 : -s->G[i] > Gmax2;
  if (IS_LOWER (s, i))
    return s->y[i] == +1 ? s->G[i] > Gmax2 : s->G[i] > Gmax1;
  return FALSE;
}

static gboolean
do_shrinking (Solver       *s,
              GCancellable *cancellable)
{
  double Gmax1 = -INFINITY;  /* max { −y_i ∇f_i | i ∈ I_up } */
  double Gmax2 = -INFINITY;  /* max { y_i ∇f_i | i ∈ I_low } */

  for (gsize i = 0; i < s->active_size; i++)
    {
      if (s->y[i] == +1)
        {
          if (!IS_UPPER (s, i) && -s->G[i] >= Gmax1)
            Gmax1 = -s->G[i];
          if (!IS_LOWER (s, i) && s->G[i] >= Gmax2)
            Gmax2 = s->G[i];
        }
      else
        {
          if (!IS_UPPER (s, i) && -s->G[i] >= Gmax2)
            Gmax2 = -s->G[i];
          if (!IS_LOWER (s, i) && s->G[i] >= Gmax1)
            Gmax1 = s->G[i];
        }
    }
  if (!s->unshrink && Gmax1 + Gmax2 <= s->eps * 10)
    {
      s->unshrink = TRUE;
      if (!reconstruct_gradient (s, cancellable))
        return FALSE;
      s->active_size = s->l;
    }
  for (gsize i = 0; i < s->active_size; i++)
    if (be_shrunk (s, i, Gmax1, Gmax2))
      {
        s->active_size--;
        while (s->active_size > i)
          {
            if (!be_shrunk (s, s->active_size, Gmax1, Gmax2))
              {
                swap_index (s, i, s->active_size);
                break;
              }
            s->active_size--;
          }
      }
  return TRUE;
}

static double
calculate_rho (Solver *s)
{
  double ub = INFINITY, lb = -INFINITY, sum_free = 0.0;
  gsize nr_free = 0;

  for (gsize i = 0; i < s->active_size; i++)
    {
      double yG = s->y[i] * s->G[i];

      if (IS_UPPER (s, i))
        {
          if (s->y[i] == -1)
            ub = MIN (ub, yG);
          else
            lb = MAX (lb, yG);
        }
      else if (IS_LOWER (s, i))
        {
          if (s->y[i] == +1)
            ub = MIN (ub, yG);
          else
            lb = MAX (lb, yG);
        }
      else
        {
          nr_free++;
          sum_free += yG;
        }
    }
  return nr_free > 0 ? sum_free / nr_free : (ub + lb) / 2;
}

static void
solver_free (Solver *s)
{
  g_free (s->y);
  g_free (s->kid);
  g_free (s->G);
  g_free (s->G_bar);
  g_free (s->alpha);
  g_free (s->status);
  g_free (s->p);
  g_free (s->C);
  g_free (s->QD);
  g_free (s->active_set);
  cache_clear (&s->cache);
}

static void
report (const LbSvmProblem *problem,
        gint64              iter,
        double              gap,
        double              gap0)
{
  LbFitEvent event = { 0 };
  double done = 0.0;

  if (problem->ctx == NULL)
    return;
  /* the KKT gap falls from gap0 to eps roughly geometrically */
  if (gap < problem->eps)
    done = 1.0;
  else if (gap0 > problem->eps)
    done = CLAMP (log (gap0 / gap) / log (gap0 / problem->eps), 0.0, 0.99);
  event.fraction = problem->progress_from + done * (problem->progress_to - problem->progress_from);
  event.iteration = (guint) MIN (iter, (gint64) G_MAXUINT);
  event.loss = gap;
  event.val_score = NAN;
  lb_fit_context_report (problem->ctx, &event);
}

gboolean
lb_svm_solve (const LbSvmProblem *problem,
              double             *alpha,
              LbSvmSolution      *solution,
              GError            **error)
{
  Solver solver = { 0 }, *s = &solver;
  GCancellable *cancellable = problem->ctx != NULL ? lb_fit_context_get_cancellable (problem->ctx) : NULL;
  gsize l = problem->l;
  gint64 iter = 0, max_iter, counter;
  double gap = INFINITY, gap0 = -1.0;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (l > 0, FALSE);

  s->l = l;
  s->active_size = l;
  s->eps = problem->eps;
  s->y = g_memdup2 (problem->y, l * sizeof (double));
  s->kid = g_memdup2 (problem->kid, l * sizeof (guint));
  s->p = g_memdup2 (problem->lin, l * sizeof (double));
  s->C = g_memdup2 (problem->C, l * sizeof (double));
  s->alpha = g_memdup2 (alpha, l * sizeof (double));
  s->G = g_new (double, l);
  s->G_bar = g_new0 (double, l);
  s->status = g_new (char, l);
  s->QD = g_new (double, l);
  s->active_set = g_new (guint, l);
  cache_init (&s->cache, problem);

  for (gsize i = 0; i < l; i++)
    {
      double d = s->cache.sq[s->kid[i]];

      /* K(x, x) as libsvm's kernel_function (i, i) gives it */
      lb_svm_kernel_apply (problem->kernel, &d, 1, s->cache.sq[s->kid[i]], &s->cache.sq[s->kid[i]]);
      s->QD[i] = d;
      update_status (s, i);
      s->active_set[i] = (guint) i;
      s->G[i] = s->p[i];
    }
  if (!cache_precompute (&s->cache, cancellable))
    {
      solver_free (s);
      return !lb_fit_context_check_cancelled (problem->ctx, error);
    }
  for (gsize i = 0; i < l; i++)
    if (!IS_LOWER (s, i))
      {
        const float *Ki = cache_row (&s->cache, s->kid[i]);

        for (gsize j = 0; j < l; j++)
          s->G[j] += s->alpha[i] * Q (s, Ki, i, j);
        if (IS_UPPER (s, i))
          for (gsize j = 0; j < l; j++)
            s->G_bar[j] += s->C[i] * Q (s, Ki, i, j);
      }

  max_iter = problem->max_iter > 0 ? problem->max_iter
                                   : MAX ((gint64) 10000000, l > G_MAXINT / 100 ? (gint64) G_MAXINT : (gint64) (100 * l));
  counter = MIN ((gint64) l, 1000) + 1;

  while (iter < max_iter)
    {
      gsize i = 0, j = 0;
      const float *Ki, *Kj;
      double C_i, C_j, old_alpha_i, old_alpha_j, delta_alpha_i, delta_alpha_j;
      gboolean ui, uj;

      if (g_cancellable_is_cancelled (cancellable))   /* an atomic read: every iteration */
        {
          cancelled = TRUE;
          break;
        }
      if (--counter == 0)
        {
          counter = MIN ((gint64) l, 1000);
          if (problem->shrinking && !do_shrinking (s, cancellable))
            {
              cancelled = TRUE;
              break;
            }
          report (problem, iter, gap, gap0);
        }

      if (select_working_set (s, &i, &j, &gap) != 0)
        {
          /* reconstruct the whole gradient, then look again */
          if (!reconstruct_gradient (s, cancellable))
            {
              cancelled = TRUE;
              break;
            }
          s->active_size = l;
          if (select_working_set (s, &i, &j, &gap) != 0)
            break;
          counter = 1;   /* shrink at the next iteration */
        }
      if (gap0 < 0)
        gap0 = gap;

      ++iter;

      /* update alpha[i] and alpha[j], handling the bounds carefully */
      Ki = cache_row (&s->cache, s->kid[i]);
      Kj = cache_row (&s->cache, s->kid[j]);
      C_i = s->C[i];
      C_j = s->C[j];
      old_alpha_i = s->alpha[i];
      old_alpha_j = s->alpha[j];

      if (s->y[i] != s->y[j])
        {
          double quad_coef = s->QD[i] + s->QD[j] + 2 * Q (s, Ki, i, j);
          double delta, diff;

          if (quad_coef <= 0)
            quad_coef = TAU;
          delta = (-s->G[i] - s->G[j]) / quad_coef;
          diff = s->alpha[i] - s->alpha[j];
          s->alpha[i] += delta;
          s->alpha[j] += delta;

          if (diff > 0)
            {
              if (s->alpha[j] < 0)
                {
                  s->alpha[j] = 0;
                  s->alpha[i] = diff;
                }
            }
          else
            {
              if (s->alpha[i] < 0)
                {
                  s->alpha[i] = 0;
                  s->alpha[j] = -diff;
                }
            }
          if (diff > C_i - C_j)
            {
              if (s->alpha[i] > C_i)
                {
                  s->alpha[i] = C_i;
                  s->alpha[j] = C_i - diff;
                }
            }
          else
            {
              if (s->alpha[j] > C_j)
                {
                  s->alpha[j] = C_j;
                  s->alpha[i] = C_j + diff;
                }
            }
        }
      else
        {
          double quad_coef = s->QD[i] + s->QD[j] - 2 * Q (s, Ki, i, j);
          double delta, sum;

          if (quad_coef <= 0)
            quad_coef = TAU;
          delta = (s->G[i] - s->G[j]) / quad_coef;
          sum = s->alpha[i] + s->alpha[j];
          s->alpha[i] -= delta;
          s->alpha[j] += delta;

          if (sum > C_i)
            {
              if (s->alpha[i] > C_i)
                {
                  s->alpha[i] = C_i;
                  s->alpha[j] = sum - C_i;
                }
            }
          else
            {
              if (s->alpha[j] < 0)
                {
                  s->alpha[j] = 0;
                  s->alpha[i] = sum;
                }
            }
          if (sum > C_j)
            {
              if (s->alpha[j] > C_j)
                {
                  s->alpha[j] = C_j;
                  s->alpha[i] = sum - C_j;
                }
            }
          else
            {
              if (s->alpha[i] < 0)
                {
                  s->alpha[i] = 0;
                  s->alpha[j] = sum;
                }
            }
        }

      /* update G */
      delta_alpha_i = s->alpha[i] - old_alpha_i;
      delta_alpha_j = s->alpha[j] - old_alpha_j;
      {
        double yi = s->y[i], yj = s->y[j];
        const double *y = s->y;
        const guint *kid = s->kid;
        double *G = s->G;
        gsize active = s->active_size;

        for (gsize k = 0; k < active; k++)
          G[k] += (yi * y[k] * (double) Ki[kid[k]]) * delta_alpha_i
                  + (yj * y[k] * (double) Kj[kid[k]]) * delta_alpha_j;
      }

      /* update alpha_status and G_bar */
      ui = IS_UPPER (s, i);
      uj = IS_UPPER (s, j);
      update_status (s, i);
      update_status (s, j);
      if (ui != IS_UPPER (s, i))
        {
          Ki = cache_row (&s->cache, s->kid[i]);
          for (gsize k = 0; k < l; k++)
            s->G_bar[k] += (ui ? -C_i : C_i) * Q (s, Ki, i, k);
        }
      if (uj != IS_UPPER (s, j))
        {
          Kj = cache_row (&s->cache, s->kid[j]);
          for (gsize k = 0; k < l; k++)
            s->G_bar[k] += (uj ? -C_j : C_j) * Q (s, Kj, j, k);
        }
    }

  if (cancelled)
    {
      solver_free (s);
      return !lb_fit_context_check_cancelled (problem->ctx, error);
    }

  solution->max_iter_reached = iter >= max_iter;
  if (iter >= max_iter && s->active_size < l)
    {
      reconstruct_gradient (s, NULL);
      s->active_size = l;
    }
  solution->rho = calculate_rho (s);
  {
    double v = 0.0;

    for (gsize i = 0; i < l; i++)
      v += s->alpha[i] * (s->G[i] + s->p[i]);
    solution->obj = v / 2;
  }
  for (gsize i = 0; i < l; i++)
    alpha[s->active_set[i]] = s->alpha[i];
  solution->n_iter = iter;
  report (problem, iter, 0.0, gap0 > 0 ? gap0 : 1.0);
  solver_free (s);
  return TRUE;
}
