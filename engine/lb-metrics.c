/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-metrics.c: the regression and label metrics of lb-metrics.h, written to
 * give the numbers scikit-learn 1.2.1 gives (force_finite R², zero_division
 * as "warn" = 0, macro averages over the labels present). Curves, AUC and log
 * loss are in lb-metrics-ranking.c, scorers by name in lb-scoring.c, the
 * Student-t quantile in lb-student-t.c.
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
                       _("Sample %zu has label %g, expected a class code "
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
