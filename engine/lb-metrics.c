/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-metrics.c: the metrics of lb-metrics.h, written to give the numbers
 * scikit-learn 1.2.1 gives (same tie handling in the curves, same zero-division
 * conventions, same clipping in log loss). Scorers by name are in
 * lb-scoring.c; the Student-t quantile in lb-student-t.c.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-metrics.h"

/* --- regression --- */

double
lb_mean_squared_error (const double *y_true,
                       const double *y_pred,
                       gsize         n)
{
  double sum = 0.0;

  g_return_val_if_fail (n > 0, NAN);
  for (gsize i = 0; i < n; i++)
    {
      double d = y_true[i] - y_pred[i];
      sum += d * d;
    }
  return sum / (double) n;
}

double
lb_root_mean_squared_error (const double *y_true,
                            const double *y_pred,
                            gsize         n)
{
  return sqrt (lb_mean_squared_error (y_true, y_pred, n));
}

double
lb_mean_absolute_error (const double *y_true,
                        const double *y_pred,
                        gsize         n)
{
  double sum = 0.0;

  g_return_val_if_fail (n > 0, NAN);
  for (gsize i = 0; i < n; i++)
    sum += fabs (y_true[i] - y_pred[i]);
  return sum / (double) n;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
lb_median_absolute_error (const double *y_true,
                          const double *y_pred,
                          gsize         n)
{
  g_autofree double *d = NULL;

  g_return_val_if_fail (n > 0, NAN);
  d = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    d[i] = fabs (y_true[i] - y_pred[i]);
  qsort (d, n, sizeof (double), compare_double);
  /* numpy's median: the mean of the two middle values for an even count */
  return n % 2 == 1 ? d[n / 2] : 0.5 * (d[n / 2 - 1] + d[n / 2]);
}

static double
mean_of (const double *v,
         gsize         n)
{
  double sum = 0.0;

  for (gsize i = 0; i < n; i++)
    sum += v[i];
  return sum / (double) n;
}

/* scikit-learn's force_finite rule for a zero denominator */
static double
finite_ratio_score (double numerator,
                    double denominator)
{
  if (denominator == 0.0)
    return numerator == 0.0 ? 1.0 : 0.0;
  return 1.0 - numerator / denominator;
}

double
lb_r2_score (const double *y_true,
             const double *y_pred,
             gsize         n)
{
  double mean, ss_res = 0.0, ss_tot = 0.0;

  g_return_val_if_fail (n > 0, NAN);
  mean = mean_of (y_true, n);
  for (gsize i = 0; i < n; i++)
    {
      double r = y_true[i] - y_pred[i], t = y_true[i] - mean;
      ss_res += r * r;
      ss_tot += t * t;
    }
  return finite_ratio_score (ss_res, ss_tot);
}

double
lb_explained_variance_score (const double *y_true,
                             const double *y_pred,
                             gsize         n)
{
  double mean_true, mean_diff = 0.0, var_diff = 0.0, var_true = 0.0;

  g_return_val_if_fail (n > 0, NAN);
  mean_true = mean_of (y_true, n);
  for (gsize i = 0; i < n; i++)
    mean_diff += y_true[i] - y_pred[i];
  mean_diff /= (double) n;
  for (gsize i = 0; i < n; i++)
    {
      double d = y_true[i] - y_pred[i] - mean_diff, t = y_true[i] - mean_true;
      var_diff += d * d;
      var_true += t * t;
    }
  return finite_ratio_score (var_diff / (double) n, var_true / (double) n);
}

/* --- classification from predicted codes --- */

double
lb_accuracy_score (const double *y_true,
                   const double *y_pred,
                   gsize         n)
{
  gsize hits = 0;

  g_return_val_if_fail (n > 0, NAN);
  for (gsize i = 0; i < n; i++)
    hits += y_true[i] == y_pred[i];
  return (double) hits / (double) n;
}

/* A code as a class index, or -1 when it is none of 0..n_classes-1. */
static int
class_index (double code,
             guint  n_classes)
{
  if (!(code >= 0.0) || code >= (double) n_classes || code != floor (code))
    return -1;
  return (int) code;
}

LbMatrix *
lb_confusion_matrix (const double *y_true,
                     const double *y_pred,
                     gsize         n,
                     guint         n_classes)
{
  LbMatrix *cm;
  double *c;

  g_return_val_if_fail (n_classes > 0, NULL);
  cm = lb_matrix_new (n_classes, n_classes);
  c = lb_matrix_get_data (cm);
  for (gsize i = 0; i < n; i++)
    {
      int t = class_index (y_true[i], n_classes);
      int p = class_index (y_pred[i], n_classes);

      if (t >= 0 && p >= 0)
        c[(gsize) t * n_classes + p] += 1.0;
    }
  return cm;
}

double
lb_balanced_accuracy_score (const double *y_true,
                            const double *y_pred,
                            gsize         n,
                            guint         n_classes)
{
  g_autoptr (LbMatrix) cm = NULL;
  const double *c;
  double sum = 0.0;
  guint n_present = 0;

  g_return_val_if_fail (n > 0 && n_classes > 0, NAN);
  cm = lb_confusion_matrix (y_true, y_pred, n, n_classes);
  c = lb_matrix_get_const_data (cm);
  for (guint k = 0; k < n_classes; k++)
    {
      double support = 0.0;

      for (guint j = 0; j < n_classes; j++)
        support += c[k * n_classes + j];
      /* scikit-learn skips classes absent from y_true (with a warning) */
      if (support > 0.0)
        {
          sum += c[k * n_classes + k] / support;
          n_present++;
        }
    }
  return n_present > 0 ? sum / n_present : NAN;
}

static double
safe_div (double a,
          double b)
{
  return b != 0.0 ? a / b : 0.0;   /* zero_division="warn" → 0 */
}

static double
f_from (double p,
        double r)
{
  return p + r != 0.0 ? 2.0 * p * r / (p + r) : 0.0;
}

gboolean
lb_precision_recall_f1 (const double *y_true,
                        const double *y_pred,
                        gsize         n,
                        guint         n_classes,
                        LbAverage     average,
                        guint         pos_label,
                        double       *precision,
                        double       *recall,
                        double       *f1,
                        GError      **error)
{
  g_autofree double *tp = NULL, *n_pred = NULL, *n_true = NULL;
  double p = 0.0, r = 0.0, f = 0.0;

  g_return_val_if_fail (n_classes > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("Cannot compute precision or recall of zero samples"));
      return FALSE;
    }
  tp = g_new0 (double, n_classes);
  n_pred = g_new0 (double, n_classes);
  n_true = g_new0 (double, n_classes);
  for (gsize i = 0; i < n; i++)
    {
      int t = class_index (y_true[i], n_classes);
      int q = class_index (y_pred[i], n_classes);

      if (t < 0 || q < 0)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("Sample %" G_GSIZE_FORMAT " has label %g, expected a class code "
                         "between 0 and %u"),
                       i, t < 0 ? y_true[i] : y_pred[i], n_classes - 1);
          return FALSE;
        }
      n_true[t] += 1.0;
      n_pred[q] += 1.0;
      if (t == q)
        tp[t] += 1.0;
    }

  switch (average)
    {
    case LB_AVERAGE_BINARY:
      if (n_classes > 2)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("The target has %u classes but the average is \"binary\": "
                         "choose micro, macro or weighted averaging"), n_classes);
          return FALSE;
        }
      if (pos_label >= n_classes)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                       _("The positive label %u is not a class"), pos_label);
          return FALSE;
        }
      p = safe_div (tp[pos_label], n_pred[pos_label]);
      r = safe_div (tp[pos_label], n_true[pos_label]);
      f = f_from (p, r);
      break;

    case LB_AVERAGE_MICRO:
      {
        double stp = 0.0, spred = 0.0, strue = 0.0;

        for (guint k = 0; k < n_classes; k++)
          {
            stp += tp[k];
            spred += n_pred[k];
            strue += n_true[k];
          }
        p = safe_div (stp, spred);
        r = safe_div (stp, strue);
        f = f_from (p, r);
      }
      break;

    case LB_AVERAGE_MACRO:
    case LB_AVERAGE_WEIGHTED:
      {
        double wsum = 0.0;

        /* scikit-learn averages over the labels present in y_true or y_pred */
        for (guint k = 0; k < n_classes; k++)
          {
            double pk, rk, w;

            if (n_true[k] == 0.0 && n_pred[k] == 0.0)
              continue;
            pk = safe_div (tp[k], n_pred[k]);
            rk = safe_div (tp[k], n_true[k]);
            w = average == LB_AVERAGE_MACRO ? 1.0 : n_true[k];
            p += w * pk;
            r += w * rk;
            f += w * f_from (pk, rk);
            wsum += w;
          }
        if (wsum == 0.0)
          p = r = f = 0.0;
        else
          {
            p /= wsum;
            r /= wsum;
            f /= wsum;
          }
      }
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  if (precision != NULL)
    *precision = p;
  if (recall != NULL)
    *recall = r;
  if (f1 != NULL)
    *f1 = f;
  return TRUE;
}

double
lb_precision_score (const double *y_true,
                    const double *y_pred,
                    gsize         n,
                    guint         n_classes,
                    LbAverage     average,
                    GError      **error)
{
  double v;

  if (!lb_precision_recall_f1 (y_true, y_pred, n, n_classes, average, 1, &v, NULL, NULL, error))
    return NAN;
  return v;
}

double
lb_recall_score (const double *y_true,
                 const double *y_pred,
                 gsize         n,
                 guint         n_classes,
                 LbAverage     average,
                 GError      **error)
{
  double v;

  if (!lb_precision_recall_f1 (y_true, y_pred, n, n_classes, average, 1, NULL, &v, NULL, error))
    return NAN;
  return v;
}

double
lb_f1_score (const double *y_true,
             const double *y_pred,
             gsize         n,
             guint         n_classes,
             LbAverage     average,
             GError      **error)
{
  double v;

  if (!lb_precision_recall_f1 (y_true, y_pred, n, n_classes, average, 1, NULL, NULL, &v, error))
    return NAN;
  return v;
}

/* --- ranking metrics --- */

typedef struct
{
  const double *score;
} SortByScore;

/* Descending score; ties keep the reverse of their input order, as
 * numpy's argsort(kind="mergesort")[::-1] does. */
static int
compare_desc (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SortByScore *s = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double x = s->score[i], y = s->score[j];

  if (x != y)
    return x < y ? 1 : -1;
  return (i < j) - (i > j);
}

/* scikit-learn's _binary_clf_curve: cumulative false / true positives at each
 * distinct score, in decreasing score order. Returns the number of thresholds. */
static gsize
binary_clf_curve (const double *y_true,
                  const double *y_score,
                  gsize         n,
                  double      **fps_out,
                  double      **tps_out,
                  double      **thr_out,
                  GError      **error)
{
  g_autofree guint *order = NULL;
  double *fps, *tps, *thr;
  SortByScore s = { y_score };
  double cum_tp = 0.0;
  gsize m = 0;

  if (n == 0)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("Cannot compute a curve from zero samples"));
      return 0;
    }
  if (n > G_MAXINT)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                   _("Too many samples for a curve"));
      return 0;
    }
  for (gsize i = 0; i < n; i++)
    {
      if (y_true[i] != 0.0 && y_true[i] != 1.0)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("Sample %" G_GSIZE_FORMAT " has label %g: a binary curve needs "
                         "labels 0 and 1"), i, y_true[i]);
          return 0;
        }
      if (!isfinite (y_score[i]))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("Sample %" G_GSIZE_FORMAT " has a non-finite score"), i);
          return 0;
        }
    }

  order = g_new (guint, n);
  for (gsize i = 0; i < n; i++)
    order[i] = (guint) i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_desc, &s);

  fps = g_new (double, n);
  tps = g_new (double, n);
  thr = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    {
      cum_tp += y_true[order[i]];
      if (i + 1 == n || y_score[order[i + 1]] != y_score[order[i]])
        {
          tps[m] = cum_tp;
          fps[m] = (double) (i + 1) - cum_tp;
          thr[m] = y_score[order[i]];
          m++;
        }
    }
  *fps_out = fps;
  *tps_out = tps;
  *thr_out = thr;
  return m;
}

static void
set_curve_names (LbMatrix   *m,
                 const char *a,
                 const char *b,
                 const char *c)
{
  const char *names[] = { a, b, c, NULL };

  lb_matrix_set_column_names (m, names);
}

LbMatrix *
lb_roc_curve (const double *y_true,
              const double *y_score,
              gsize         n,
              gboolean      drop_intermediate,
              GError      **error)
{
  g_autofree double *fps = NULL, *tps = NULL, *thr = NULL;
  g_autofree gsize *keep = NULL;
  LbMatrix *curve;
  double *c;
  gsize m, n_keep = 0;

  m = binary_clf_curve (y_true, y_score, n, &fps, &tps, &thr, error);
  if (m == 0)
    return NULL;

  keep = g_new (gsize, m);
  for (gsize i = 0; i < m; i++)
    {
      /* drop points where the second differences of both fps and tps vanish
       * (collinear with their neighbours), as roc_curve(drop_intermediate=True) */
      if (drop_intermediate && m > 2 && i > 0 && i + 1 < m
          && fps[i - 1] - 2 * fps[i] + fps[i + 1] == 0.0
          && tps[i - 1] - 2 * tps[i] + tps[i + 1] == 0.0)
        continue;
      keep[n_keep++] = i;
    }

  curve = lb_matrix_new (n_keep + 1, 3);
  c = lb_matrix_get_data (curve);
  /* the (0, 0) point, threshold max + 1 as scikit-learn 1.2.1 */
  c[0] = 0.0;
  c[1] = 0.0;
  c[2] = thr[0] + 1.0;
  for (gsize k = 0; k < n_keep; k++)
    {
      gsize i = keep[k];
      /* fps[m-1] or tps[m-1] == 0 gives NaN, as scikit-learn (with a warning) */
      c[(k + 1) * 3 + 0] = fps[m - 1] > 0 ? fps[i] / fps[m - 1] : NAN;
      c[(k + 1) * 3 + 1] = tps[m - 1] > 0 ? tps[i] / tps[m - 1] : NAN;
      c[(k + 1) * 3 + 2] = thr[i];
    }
  set_curve_names (curve, "fpr", "tpr", "threshold");
  return curve;
}

LbMatrix *
lb_precision_recall_curve (const double *y_true,
                           const double *y_score,
                           gsize         n,
                           GError      **error)
{
  g_autofree double *fps = NULL, *tps = NULL, *thr = NULL;
  LbMatrix *curve;
  double *c;
  gsize m;

  m = binary_clf_curve (y_true, y_score, n, &fps, &tps, &thr, error);
  if (m == 0)
    return NULL;

  curve = lb_matrix_new (m + 1, 3);
  c = lb_matrix_get_data (curve);
  /* reversed: increasing threshold, decreasing recall */
  for (gsize k = 0; k < m; k++)
    {
      gsize i = m - 1 - k;
      double ps = tps[i] + fps[i];

      c[k * 3 + 0] = ps != 0.0 ? tps[i] / ps : 0.0;
      c[k * 3 + 1] = tps[m - 1] == 0.0 ? 1.0 : tps[i] / tps[m - 1];
      c[k * 3 + 2] = thr[i];
    }
  c[m * 3 + 0] = 1.0;
  c[m * 3 + 1] = 0.0;
  c[m * 3 + 2] = NAN;
  set_curve_names (curve, "precision", "recall", "threshold");
  return curve;
}

double
lb_auc (const double *x,
        const double *y,
        gsize         n)
{
  double area = 0.0;

  g_return_val_if_fail (n >= 2, NAN);
  for (gsize i = 1; i < n; i++)
    area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
  /* a decreasing x (direction -1 in scikit-learn) gives a positive area too */
  return fabs (area);
}

double
lb_roc_auc_score (const double *y_true,
                  const double *y_score,
                  gsize         n,
                  GError      **error)
{
  g_autoptr (LbMatrix) curve = NULL;
  g_autofree double *x = NULL, *y = NULL;
  gboolean has0 = FALSE, has1 = FALSE;
  const double *c;
  gsize m;

  for (gsize i = 0; i < n; i++)
    {
      has0 |= y_true[i] == 0.0;
      has1 |= y_true[i] == 1.0;
    }
  if (!(has0 && has1))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("Only one class present in y_true: ROC AUC is not defined"));
      return NAN;
    }
  curve = lb_roc_curve (y_true, y_score, n, TRUE, error);
  if (curve == NULL)
    return NAN;
  m = lb_matrix_get_n_rows (curve);
  c = lb_matrix_get_const_data (curve);
  x = g_new (double, m);
  y = g_new (double, m);
  for (gsize i = 0; i < m; i++)
    {
      x[i] = c[i * 3];
      y[i] = c[i * 3 + 1];
    }
  return lb_auc (x, y, m);
}

double
lb_roc_auc_ovr_score (const double   *y_true,
                      const LbMatrix *proba,
                      GError        **error)
{
  gsize n = lb_matrix_get_n_rows (proba);
  guint k = lb_matrix_get_n_cols (proba);
  const double *p = lb_matrix_get_const_data (proba);
  g_autofree double *bin = g_new (double, n);
  g_autofree double *col = g_new (double, n);
  double sum = 0.0;

  if (k < 3)
    {
      if (k == 2)
        {
          for (gsize i = 0; i < n; i++)
            col[i] = p[i * 2 + 1];
          return lb_roc_auc_score (y_true, col, n, error);
        }
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("One-vs-rest ROC AUC needs a probability column per class"));
      return NAN;
    }
  for (gsize i = 0; i < n; i++)
    {
      double row = 0.0;

      for (guint j = 0; j < k; j++)
        row += p[i * k + j];
      /* scikit-learn: np.allclose(1, sum) (rtol 1e-5, atol 1e-8) */
      if (fabs (row - 1.0) > 1e-8 + 1e-5)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("Target scores need to be probabilities for multiclass "
                         "ROC AUC: row %" G_GSIZE_FORMAT " sums to %g, not 1"), i, row);
          return NAN;
        }
      if (class_index (y_true[i], k) < 0)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("Sample %" G_GSIZE_FORMAT " has label %g, expected a class code "
                         "between 0 and %u"), i, y_true[i], k - 1);
          return NAN;
        }
    }
  for (guint j = 0; j < k; j++)
    {
      double a;

      for (gsize i = 0; i < n; i++)
        {
          bin[i] = y_true[i] == (double) j;
          col[i] = p[i * k + j];
        }
      a = lb_roc_auc_score (bin, col, n, error);
      if (isnan (a))
        return NAN;
      sum += a;
    }
  return sum / k;
}

double
lb_average_precision_score (const double *y_true,
                            const double *y_score,
                            gsize         n,
                            GError      **error)
{
  g_autoptr (LbMatrix) curve = lb_precision_recall_curve (y_true, y_score, n, error);
  const double *c;
  double ap = 0.0;
  gsize m;

  if (curve == NULL)
    return NAN;
  m = lb_matrix_get_n_rows (curve);
  c = lb_matrix_get_const_data (curve);
  /* -sum(diff(recall) * precision[:-1]) */
  for (gsize i = 0; i + 1 < m; i++)
    ap -= (c[(i + 1) * 3 + 1] - c[i * 3 + 1]) * c[i * 3];
  return ap;
}

double
lb_log_loss (const double   *y_true,
             const LbMatrix *proba,
             GError        **error)
{
  gsize n = lb_matrix_get_n_rows (proba);
  guint k = lb_matrix_get_n_cols (proba);
  const double *p = lb_matrix_get_const_data (proba);
  const double eps = DBL_EPSILON;
  double total = 0.0;

  if (n == 0 || k < 2)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("Log loss needs at least one sample and two probability columns"));
      return NAN;
    }
  for (gsize i = 0; i < n; i++)
    {
      int t = class_index (y_true[i], k);
      double row = 0.0;

      if (t < 0)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("Sample %" G_GSIZE_FORMAT " has label %g, expected a class code "
                         "between 0 and %u"), i, y_true[i], k - 1);
          return NAN;
        }
      /* clip each probability, then renormalise the row (scikit-learn 1.2.1) */
      for (guint j = 0; j < k; j++)
        row += CLAMP (p[i * k + j], eps, 1.0 - eps);
      total -= log (CLAMP (p[i * k + t], eps, 1.0 - eps) / row);
    }
  return total / (double) n;
}
