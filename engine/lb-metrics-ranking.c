/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-metrics-ranking.c: the metrics of lb-metrics.h that rank scores or judge
 * probabilities: ROC and precision-recall curves (scikit-learn 1.2.1's
 * _binary_clf_curve, same tie handling and threshold conventions), AUC,
 * average precision, one-vs-rest AUC and log loss.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-metrics.h"

/* A code as a class index, or -1 when it is none of 0..n_classes-1. */
static int
class_index (double code,
             guint  n_classes)
{
  if (!(code >= 0.0) || code >= (double) n_classes || code != floor (code))
    return -1;
  return (int) code;
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
                       _("Sample %zu has label %g: a binary curve needs "
                         "labels 0 and 1"), i, y_true[i]);
          return 0;
        }
      if (!isfinite (y_score[i]))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("Sample %zu has a non-finite score"), i);
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
                         "ROC AUC: row %zu sums to %g, not 1"), i, row);
          return NAN;
        }
      if (class_index (y_true[i], k) < 0)
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("Sample %zu has label %g, expected a class code "
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
                       _("Sample %zu has label %g, expected a class code "
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
