/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-tree-builder.c: CART as scikit-learn 1.2.1 grows it (same stopping
 * rules, feature drawing, 1e-7 "equal values" step, midpoint thresholds on
 * float32 X, proxy improvements), but fast: each feature is sorted ONCE per
 * fit, a node keeps its samples in every feature's order, and a split
 * partitions those lists stably (no sort per node). Extra-trees need no order:
 * one list of samples, one random threshold per drawn feature.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-engine-error.h"
#include "lb-tree-builder-private.h"

#define FEATURE_THRESHOLD 1e-7   /* scikit-learn's: values closer than this are one value */
#define EPSILON DBL_EPSILON
#define CANCEL_WORK (1u << 20)   /* sample-feature visits between cancellation checks */

/* --- criterion sums --- */

/* Node statistics: class counts (k of them) or sum / sum of squares. */
typedef struct
{
  double w;       /* weighted samples */
  double sum;     /* regression: Σ w y */
  double sq;      /* regression: Σ w y² */
  double *count;  /* classification: (k) Σ w per class */
} Stats;

static double
log2_sk (double x)
{
  return log (x) / M_LN2;
}

static double
class_impurity (LbTreeCriterion crit,
                const double   *count,
                guint           k,
                double          w)
{
  if (crit == LB_TREE_CRITERION_GINI)
    {
      double sq = 0;

      for (guint c = 0; c < k; c++)
        sq += count[c] * count[c];
      return 1.0 - sq / (w * w);
    }
  else
    {
      double e = 0;

      for (guint c = 0; c < k; c++)
        if (count[c] > 0.0)
          {
            double f = count[c] / w;

            e -= f * log2_sk (f);
          }
      return e;
    }
}

/* --- the builder --- */

typedef struct
{
  guint  feature;
  guint  pos;            /* samples [start, pos) go left; pos = end: no split */
  double threshold;
  double improvement;
  double impurity_left;
  double impurity_right;
} Split;

typedef struct
{
  const LbTreeData   *d;
  const LbTreeParams *prm;
  double             *w;         /* (n) weights */
  guint               m;         /* samples with weight > 0 */
  guint               k;         /* classes (0: regression) */
  guint              *idx;       /* best: (p, m) node lists per feature; random: (m) */
  guint              *tmp;       /* (m) */
  guint8             *left;      /* (n) side marks */
  guint              *features;  /* (p) drawing order, constants first */
  double             *buf;       /* classification scratch: 3k */
  double              total_w;
  double              min_weight_leaf;
  gsize               work;      /* visits since the last cancellation check */
  GCancellable       *cancellable;
  gboolean            cancelled; /* seen inside a big node: stop growing */
  LbRng              *rng;
  GArray             *nodes;     /* LbTreeNode */
  GArray             *values;    /* double */
} Builder;

static double
node_value_and_stats (Builder *b,
                      guint    start,
                      guint    end,
                      double  *count,
                      double  *sum,
                      double  *sq)
{
  const guint *s = b->idx;   /* feature 0's list holds the node's samples (any order will do) */
  double w_total = 0, su = 0, sqs = 0;

  if (b->k > 0)
    memset (count, 0, b->k * sizeof (double));
  for (guint q = start; q < end; q++)
    {
      guint i = s[q];
      double wi = b->w[i];

      w_total += wi;
      if (b->k > 0)
        count[(guint) b->d->y[i]] += wi;
      else
        {
          su += wi * b->d->y[i];
          sqs += wi * b->d->y[i] * b->d->y[i];
        }
    }
  *sum = su;
  *sq = sqs;
  return w_total;
}

static double
impurity_of (Builder      *b,
             const double *count,
             double        w,
             double        sum,
             double        sq)
{
  if (b->k > 0)
    return class_impurity (b->prm->criterion, count, b->k, w);
  return sq / w - (sum / w) * (sum / w);
}

/* scikit-learn's impurity_improvement (and FriedmanMSE's own). */
static double
improvement_of (Builder *b,
                double   w_node,
                double   imp,
                double   wl,
                double   wr,
                double   il,
                double   ir,
                double   suml,
                double   sumr)
{
  if (b->prm->criterion == LB_TREE_CRITERION_FRIEDMAN_MSE)
    {
      double diff = wr * suml - wl * sumr;

      return diff * diff / (wl * wr * w_node);
    }
  return (w_node / b->total_w) * (imp - wr / w_node * ir - wl / w_node * il);
}

/* The proxy scikit-learn compares candidates by. */
static inline double
proxy_of (Builder      *b,
          double        wl,
          double        wr,
          double        suml,
          double        sumr,
          const double *cl,
          const double *cr)
{
  switch (b->prm->criterion)
    {
    case LB_TREE_CRITERION_SQUARED_ERROR:
      return suml * suml / wl + sumr * sumr / wr;
    case LB_TREE_CRITERION_FRIEDMAN_MSE:
      {
        double diff = wr * suml - wl * sumr;

        return diff * diff / (wl * wr);
      }
    default:
      return -wr * class_impurity (b->prm->criterion, cr, b->k, wr)
             - wl * class_impurity (b->prm->criterion, cl, b->k, wl);
    }
}

/* Children impurities (and the improvement) of samples [start, pos) | [pos, end)
 * listed in @s. */
static void
finish_split (Builder     *b,
              const guint *s,
              guint        start,
              guint        end,
              double       w_node,
              double       imp,
              Split       *best)
{
  double wl = 0, suml = 0, sql = 0, sumt = 0, sqt = 0;
  double *cl = b->buf, *ct = b->buf + b->k, *cr = b->buf + 2 * b->k;
  double wr, sumr;

  if (b->k > 0)
    {
      memset (cl, 0, b->k * sizeof (double));
      memset (ct, 0, b->k * sizeof (double));
    }
  for (guint q = start; q < end; q++)
    {
      guint i = s[q];
      double wi = b->w[i], yi = b->d->y[i];

      if (b->k > 0)
        {
          ct[(guint) yi] += wi;
          if (q < best->pos)
            {
              cl[(guint) yi] += wi;
              wl += wi;
            }
        }
      else
        {
          sumt += wi * yi;
          sqt += wi * yi * yi;
          if (q < best->pos)
            {
              wl += wi;
              suml += wi * yi;
              sql += wi * yi * yi;
            }
        }
    }
  wr = w_node - wl;
  if (b->k > 0)
    {
      for (guint c = 0; c < b->k; c++)
        cr[c] = ct[c] - cl[c];
      best->impurity_left = class_impurity (b->prm->criterion, cl, b->k, wl);
      best->impurity_right = class_impurity (b->prm->criterion, cr, b->k, wr);
    }
  else
    {
      sumr = sumt - suml;
      best->impurity_left = sql / wl - (suml / wl) * (suml / wl);
      best->impurity_right = (sqt - sql) / wr - (sumr / wr) * (sumr / wr);
    }
  sumr = sumt - suml;
  best->improvement = improvement_of (b, w_node, imp, wl, wr, best->impurity_left,
                                      best->impurity_right, suml, sumr);
}

/* Best split of feature @f over the node (samples sorted by f). FALSE when f
 * is constant in the node. */
static gboolean
scan_best (Builder    *b,
           guint       f,
           guint       start,
           guint       end,
           double      w_node,
           const Stats *tot,
           double     *best_proxy,
           Split      *best)
{
  const guint *s = b->idx + (gsize) f * b->m;
  const float *xf = b->d->Xf + (gsize) f * b->d->n;
  const double *y = b->d->y, *w = b->w;
  guint msl = b->prm->min_samples_leaf;
  double mwl = b->min_weight_leaf;
  double wl = 0, suml = 0;
  double *cl = b->buf, *cr = b->buf + 2 * b->k;
  guint k = b->k;

  if ((double) xf[s[end - 1]] <= (double) xf[s[start]] + FEATURE_THRESHOLD)
    return FALSE;
  if (k > 0)
    memset (cl, 0, k * sizeof (double));
  for (guint q = start; q + 1 < end; q++)
    {
      guint i = s[q];
      double v = xf[i], vn = xf[s[q + 1]];
      double proxy;
      guint pos = q + 1;

      wl += w[i];
      if (k > 0)
        cl[(guint) y[i]] += w[i];
      else
        suml += w[i] * y[i];
      if (vn <= v + FEATURE_THRESHOLD)
        continue;
      if (pos - start < msl || end - pos < msl)
        continue;
      if (wl < mwl || w_node - wl < mwl)
        continue;
      if (k > 0)
        for (guint c = 0; c < k; c++)
          cr[c] = tot->count[c] - cl[c];
      proxy = proxy_of (b, wl, w_node - wl, suml, tot->sum - suml, cl, cr);
      if (proxy > *best_proxy)
        {
          *best_proxy = proxy;
          best->feature = f;
          best->pos = pos;
          best->threshold = v / 2.0 + vn / 2.0;
          if (best->threshold == vn || isinf (best->threshold))
            best->threshold = v;
        }
    }
  return TRUE;
}

/* Extra-trees: one threshold drawn uniformly in (min, max) of f over the
 * node. FALSE when f is constant in the node. */
static gboolean
scan_random (Builder     *b,
             guint        f,
             guint        start,
             guint        end,
             double       w_node,
             const Stats *tot,
             double      *best_proxy,
             Split       *best)
{
  const guint *s = b->idx;
  const float *xf = b->d->Xf + (gsize) f * b->d->n;
  const double *y = b->d->y, *w = b->w;
  float lo = xf[s[start]], hi = lo;
  double thr, wl = 0, suml = 0, proxy;
  double *cl = b->buf, *cr = b->buf + 2 * b->k;
  guint k = b->k, nl = 0;

  for (guint q = start + 1; q < end; q++)
    {
      float v = xf[s[q]];

      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  if ((double) hi <= (double) lo + FEATURE_THRESHOLD)
    return FALSE;
  thr = (double) lo + ((double) hi - (double) lo) * lb_rng_uniform (b->rng);
  if (thr == hi)
    thr = lo;
  if (k > 0)
    memset (cl, 0, k * sizeof (double));
  for (guint q = start; q < end; q++)
    {
      guint i = s[q];

      if ((double) xf[i] <= thr)
        {
          nl++;
          wl += w[i];
          if (k > 0)
            cl[(guint) y[i]] += w[i];
          else
            suml += w[i] * y[i];
        }
    }
  if (nl < b->prm->min_samples_leaf || (end - start) - nl < b->prm->min_samples_leaf)
    return TRUE;
  if (wl < b->min_weight_leaf || w_node - wl < b->min_weight_leaf)
    return TRUE;
  if (k > 0)
    for (guint c = 0; c < k; c++)
      cr[c] = tot->count[c] - cl[c];
  proxy = proxy_of (b, wl, w_node - wl, suml, tot->sum - suml, cl, cr);
  if (proxy > *best_proxy)
    {
      *best_proxy = proxy;
      best->feature = f;
      best->pos = start + nl;
      best->threshold = thr;
    }
  return TRUE;
}

/* Stable partition of s[start, end) by the side marks: left first. */
static void
partition_list (Builder *b,
                guint   *s,
                guint    start,
                guint    end)
{
  guint nl = start, nr = 0;

  for (guint q = start; q < end; q++)
    {
      guint i = s[q];

      if (b->left[i])
        s[nl++] = i;
      else
        b->tmp[nr++] = i;
    }
  memcpy (s + nl, b->tmp, nr * sizeof (guint));
}

/* scikit-learn's node_split: draw features (constants first in b->features,
 * *n_constant of them known from the parent) until max_features non-constant
 * ones were seen, keep the best proxy, then split the sample lists. */
static void
node_split (Builder     *b,
            guint        start,
            guint        end,
            double       w_node,
            double       imp,
            const Stats *tot,
            guint       *n_constant,
            Split       *best)
{
  guint p = (guint) b->d->p;
  guint f_i = p, n_found = 0, n_drawn = 0, n_known = *n_constant, n_total = n_known;
  guint n_visited = 0;
  double best_proxy = -INFINITY;
  guint *F = b->features;

  best->pos = end;
  best->feature = 0;
  best->threshold = 0;
  while (f_i > n_total && (n_visited < b->prm->max_features || n_visited <= n_found + n_drawn))
    {
      guint f_j, f;
      gboolean varies;

      n_visited++;
      /* a big node takes long per feature: look for a cancel between features */
      if (end - start >= 65536 && g_cancellable_is_cancelled (b->cancellable))
        {
          b->cancelled = TRUE;
          best->pos = end;
          return;
        }
      f_j = n_drawn + (guint) lb_rng_below (b->rng, f_i - n_found - n_drawn);
      if (f_j < n_known)
        {
          guint t = F[n_drawn];

          F[n_drawn] = F[f_j];
          F[f_j] = t;
          n_drawn++;
          continue;
        }
      f_j += n_found;
      f = F[f_j];
      varies = b->prm->random_splitter
               ? scan_random (b, f, start, end, w_node, tot, &best_proxy, best)
               : scan_best (b, f, start, end, w_node, tot, &best_proxy, best);
      if (!varies)
        {
          F[f_j] = F[n_total];
          F[n_total] = f;
          n_found++;
          n_total++;
          continue;
        }
      f_i--;
      F[f_j] = F[f_i];
      F[f_i] = f;
    }
  if (best->pos >= end)
    {
      *n_constant = n_total;
      return;
    }

  /* mark the sides, then keep every list in order, children contiguous */
  if (b->prm->random_splitter)
    {
      const float *xf = b->d->Xf + (gsize) best->feature * b->d->n;

      for (guint q = start; q < end; q++)
        b->left[b->idx[q]] = (double) xf[b->idx[q]] <= best->threshold;
      partition_list (b, b->idx, start, end);
    }
  else
    {
      const guint *sf = b->idx + (gsize) best->feature * b->m;

      for (guint q = start; q < end; q++)
        b->left[sf[q]] = q < best->pos;
      /* A feature constant here stays constant below: its list is never read
       * again (the children know it as a constant), so it need not be kept
       * in order — except feature 0's, which also lists the node's samples.
       * Constants found now join the known ones (F's front). Depth-first
       * growth only: best-first forgets constants between nodes, as
       * scikit-learn's does. */
      for (guint c = 0; c < p; c++)
        {
          guint g = F[c];

          if (g == best->feature)
            continue;
          if (c >= n_total && g != 0 && b->prm->max_leaf_nodes == 0)
            {
              const guint *sg = b->idx + (gsize) g * b->m;
              const float *xg = b->d->Xf + (gsize) g * b->d->n;

              if ((double) xg[sg[end - 1]] <= (double) xg[sg[start]] + FEATURE_THRESHOLD)
                {
                  F[c] = F[n_total];
                  F[n_total++] = g;
                  continue;
                }
            }
          else if (c < n_total && g != 0 && b->prm->max_leaf_nodes == 0)
            continue;
          partition_list (b, b->idx + (gsize) g * b->m, start, end);
        }
    }
  *n_constant = n_total;
  finish_split (b, b->idx, start, end, w_node, imp, best);
}

typedef struct
{
  guint  start, end, depth;
  int    parent;
  gboolean is_left;
  double impurity;   /* NaN: compute (the root) */
  guint  n_constant;
  guint *constants;  /* (n_constant) features known constant here, owned */
} StackRecord;

/* Puts the node's known-constant features first in the drawing order, the
 * others after them in index order. (scikit-learn keeps one order for the
 * whole tree, so a feature found constant deep in a left subtree can take a
 * parent's constant's place when the right sibling is split; rebuilding the
 * order per node keeps every non-constant feature drawable.) */
static void
restore_features (Builder     *b,
                  const guint *constants,
                  guint        n_constant)
{
  guint p = (guint) b->d->p, at = n_constant;

  for (guint c = 0; c < n_constant; c++)
    b->features[c] = constants[c];
  for (guint f = 0; f < p; f++)
    {
      gboolean is_const = FALSE;

      for (guint c = 0; c < n_constant && !is_const; c++)
        is_const = constants[c] == f;
      if (!is_const)
        b->features[at++] = f;
    }
}

/* Appends a node; returns its index. */
static guint
add_node (Builder      *b,
          int           parent,
          gboolean      is_left,
          gboolean      is_leaf,
          const Split  *split,
          double        impurity,
          guint         n_samples,
          double        w_node,
          const Stats  *st)
{
  LbTreeNode node = { LB_TREE_LEAF, LB_TREE_LEAF, LB_TREE_LEAF, -2.0, impurity, n_samples, w_node };
  guint id = b->nodes->len;

  if (!is_leaf)
    {
      node.feature = (int) split->feature;
      node.threshold = split->threshold;
    }
  g_array_append_val (b->nodes, node);
  if (parent >= 0)
    {
      LbTreeNode *pn = &g_array_index (b->nodes, LbTreeNode, parent);

      if (is_left)
        pn->left = (int) id;
      else
        pn->right = (int) id;
    }
  if (b->k > 0)
    g_array_append_vals (b->values, st->count, b->k);
  else
    {
      double mean = st->sum / w_node;

      g_array_append_val (b->values, mean);
    }
  return id;
}

/* The node's stats, impurity (computed at the root, else handed down), leaf
 * test and split: scikit-learn's _add_split_node, both builders. */
static gboolean
evaluate_node (Builder *b,
               guint    start,
               guint    end,
               guint    depth,
               double  *impurity,
               guint   *n_constant,
               Stats   *st,
               Split   *split)
{
  const LbTreeParams *prm = b->prm;
  guint n_node = end - start;
  gboolean is_leaf;

  b->work += (gsize) n_node * (b->prm->random_splitter ? b->prm->max_features : b->d->p);
  st->w = node_value_and_stats (b, start, end, st->count, &st->sum, &st->sq);
  if (isnan (*impurity))
    *impurity = impurity_of (b, st->count, st->w, st->sum, st->sq);
  is_leaf = depth >= prm->max_depth || n_node < prm->min_samples_split || n_node < 2 * prm->min_samples_leaf ||
            st->w < 2 * b->min_weight_leaf || *impurity <= EPSILON;
  split->pos = end;
  if (!is_leaf)
    {
      node_split (b, start, end, st->w, *impurity, st, n_constant, split);
      is_leaf = split->pos >= end || split->improvement + EPSILON < prm->min_impurity_decrease;
    }
  return is_leaf;
}

static gboolean
build_depth_first (Builder      *b,
                   GCancellable *cancellable,
                   GError      **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (StackRecord));
  StackRecord root = { 0, b->m, 0, -1, FALSE, NAN, 0, NULL };
  g_autofree double *count = g_new0 (double, MAX (b->k, 1));

  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      StackRecord r = g_array_index (stack, StackRecord, stack->len - 1);
      Stats st = { .count = count };
      Split split = { 0 };
      gboolean is_leaf;
      guint id;

      g_array_set_size (stack, stack->len - 1);
      restore_features (b, r.constants, r.n_constant);
      g_free (r.constants);
      if (b->cancelled ||
          (b->work >= CANCEL_WORK && (b->work = 0, g_cancellable_set_error_if_cancelled (cancellable, error))))
        {
          if (b->cancelled)
            g_cancellable_set_error_if_cancelled (cancellable, error);
          for (guint i = 0; i < stack->len; i++)
            g_free (g_array_index (stack, StackRecord, i).constants);
          return FALSE;
        }
      is_leaf = evaluate_node (b, r.start, r.end, r.depth, &r.impurity, &r.n_constant, &st, &split);
      id = add_node (b, r.parent, r.is_left, is_leaf, &split, r.impurity, r.end - r.start, st.w, &st);
      if (!is_leaf)
        {
          StackRecord right = { split.pos, r.end, r.depth + 1, (int) id, FALSE, split.impurity_right, r.n_constant,
                                g_memdup2 (b->features, r.n_constant * sizeof (guint)) };
          StackRecord left = { r.start, split.pos, r.depth + 1, (int) id, TRUE, split.impurity_left, r.n_constant,
                               g_memdup2 (b->features, r.n_constant * sizeof (guint)) };

          g_array_append_val (stack, right);
          g_array_append_val (stack, left);
        }
    }
  return TRUE;
}

/* --- best-first (max_leaf_nodes) --- */

typedef struct
{
  guint  node_id, start, end, pos, depth;
  gboolean is_leaf;
  double improvement, impurity_left, impurity_right;
} Frontier;

static void
add_split_node (Builder  *b,
                guint     start,
                guint     end,
                double    impurity,
                int       parent,
                gboolean  is_left,
                guint     depth,
                double   *count,
                Frontier *res)
{
  Stats st = { .count = count };
  Split split = { 0 };
  guint n_constant = 0;
  gboolean is_leaf = evaluate_node (b, start, end, depth, &impurity, &n_constant, &st, &split);

  res->node_id = add_node (b, parent, is_left, is_leaf, &split, impurity, end - start, st.w, &st);
  res->start = start;
  res->end = end;
  res->depth = depth;
  res->is_leaf = is_leaf;
  res->pos = is_leaf ? end : split.pos;
  res->improvement = is_leaf ? 0.0 : split.improvement;
  res->impurity_left = is_leaf ? impurity : split.impurity_left;
  res->impurity_right = is_leaf ? impurity : split.impurity_right;
}

static gboolean
build_best_first (Builder      *b,
                  GCancellable *cancellable,
                  GError      **error)
{
  g_autoptr(GArray) frontier = g_array_new (FALSE, FALSE, sizeof (Frontier));
  g_autofree double *count = g_new0 (double, MAX (b->k, 1));
  guint max_split_nodes = b->prm->max_leaf_nodes - 1;
  Frontier rec;

  add_split_node (b, 0, b->m, NAN, -1, FALSE, 0, count, &rec);
  g_array_append_val (frontier, rec);
  while (frontier->len > 0)
    {
      guint best = 0;
      LbTreeNode *node;

      /* the record with the largest improvement (the first of equals) */
      for (guint i = 1; i < frontier->len; i++)
        if (g_array_index (frontier, Frontier, i).improvement > g_array_index (frontier, Frontier, best).improvement)
          best = i;
      rec = g_array_index (frontier, Frontier, best);
      g_array_remove_index (frontier, best);
      if (b->cancelled)
        return !g_cancellable_set_error_if_cancelled (cancellable, error);
      if (b->work >= CANCEL_WORK && (b->work = 0, g_cancellable_set_error_if_cancelled (cancellable, error)))
        return FALSE;
      node = &g_array_index (b->nodes, LbTreeNode, rec.node_id);
      if (rec.is_leaf || max_split_nodes == 0)
        {
          node->left = node->right = node->feature = LB_TREE_LEAF;
          node->threshold = -2.0;
        }
      else
        {
          Frontier l, r;

          max_split_nodes--;
          add_split_node (b, rec.start, rec.pos, rec.impurity_left, (int) rec.node_id, TRUE, rec.depth + 1, count, &l);
          add_split_node (b, rec.pos, rec.end, rec.impurity_right, (int) rec.node_id, FALSE, rec.depth + 1, count, &r);
          g_array_append_val (frontier, l);
          g_array_append_val (frontier, r);
        }
    }
  return TRUE;
}

LbTree *
lb_tree_build (const LbTreeData   *d,
               const LbTreeParams *prm,
               const double       *weights,
               LbRng              *rng,
               GCancellable       *cancellable,
               GError            **error)
{
  Builder b = { 0 };
  static const char *crit_names[] = { "gini", "entropy", "squared_error", "friedman_mse" };
  guint p = (guint) d->p;
  LbTree *tree = NULL;
  gboolean ok;

  g_return_val_if_fail (prm->random_splitter || d->order != NULL, NULL);
  b.d = d;
  b.prm = prm;
  b.k = d->n_classes;
  b.rng = rng;
  b.w = g_new (double, d->n);
  for (gsize i = 0; i < d->n; i++)
    {
      b.w[i] = weights != NULL ? weights[i] : 1.0;
      if (b.w[i] > 0)
        {
          b.m++;
          b.total_w += b.w[i];
        }
    }
  if (b.m == 0)
    {
      g_free (b.w);
      g_set_error_literal (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                           _("no sample has a positive weight"));
      return NULL;
    }
  b.min_weight_leaf = prm->min_weight_fraction_leaf * b.total_w;
  if (prm->random_splitter)
    {
      b.idx = g_new (guint, b.m);
      for (gsize i = 0, q = 0; i < d->n; i++)
        if (b.w[i] > 0)
          b.idx[q++] = (guint) i;
    }
  else
    {
      b.idx = g_new (guint, (gsize) b.m * p);
      for (guint f = 0; f < p; f++)
        {
          const guint *o = d->order + (gsize) f * d->n;
          guint *s = b.idx + (gsize) f * b.m;

          for (gsize i = 0, q = 0; i < d->n; i++)
            if (b.w[o[i]] > 0)
              s[q++] = o[i];
        }
    }
  b.tmp = g_new (guint, b.m);
  b.left = g_new0 (guint8, d->n);
  b.features = g_new (guint, MAX (p, 1));
  for (guint f = 0; f < p; f++)
    b.features[f] = f;
  b.buf = g_new0 (double, 3 * MAX (b.k, 1));
  b.nodes = g_array_new (FALSE, FALSE, sizeof (LbTreeNode));
  b.values = g_array_new (FALSE, FALSE, sizeof (double));

  b.cancellable = cancellable;
  ok = prm->max_leaf_nodes > 0 ? build_best_first (&b, cancellable, error)
                               : build_depth_first (&b, cancellable, error);
  if (ok && b.cancelled)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (ok)
    {
      guint n_values = b.k > 0 ? b.k : 1;

      tree = lb_tree_new (b.nodes->len, p, b.k, crit_names[prm->criterion]);
      memcpy (tree->nodes, b.nodes->data, b.nodes->len * sizeof (LbTreeNode));
      memcpy (tree->values, b.values->data, (gsize) b.nodes->len * n_values * sizeof (double));
      {
        g_autofree guint *depth = g_new0 (guint, b.nodes->len);

        for (guint i = 0; i < tree->n_nodes; i++)
          {
            tree->max_depth = MAX (tree->max_depth, depth[i]);
            if (tree->nodes[i].left != LB_TREE_LEAF)
              depth[tree->nodes[i].left] = depth[tree->nodes[i].right] = depth[i] + 1;
          }
      }
    }
  g_free (b.w);
  g_free (b.idx);
  g_free (b.tmp);
  g_free (b.left);
  g_free (b.features);
  g_free (b.buf);
  g_array_unref (b.nodes);
  g_array_unref (b.values);
  return tree;
}
