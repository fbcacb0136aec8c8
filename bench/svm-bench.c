/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * svm-bench.c: times SVC(kernel="rbf", C=1, gamma="scale") on Fashion-MNIST as
 * REFERENCE.md's W5 does: fit on the first N (default 10 000) training images
 * scaled by 1/255, predict the 10 000 test images, report the test accuracy.
 * Prints one JSON object; bench/compare-svm.sh puts it beside scikit-learn.
 * Usage: svm-bench [N_TRAIN [THREADS]]   (THREADS: the fit context's budget;
 * the pairs of classes are fitted in parallel; default 1)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "lb-data.h"
#include "lb-engine.h"

/* CPU seconds of the whole process (all threads): the machine may be shared. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static gboolean
load (gboolean   train,
      gsize      max_rows,
      LbMatrix **X_out,
      LbMatrix **y_out,
      GError   **error)
{
  g_autoptr(LbTable) table = lb_fashion_mnist_load (train, max_rows, NULL, NULL, NULL, error);
  g_autofree guint *pixels = NULL;
  int label;
  guint n_cols, k = 0;
  LbMatrix *X;

  if (table == NULL)
    return FALSE;
  label = lb_table_find_column (table, "label");
  n_cols = lb_table_get_n_columns (table);
  pixels = g_new (guint, n_cols);
  for (guint c = 0; c < n_cols; c++)
    if ((int) c != label)
      pixels[k++] = c;
  X = lb_matrix_new_from_table (table, pixels, k, error);
  if (X == NULL)
    return FALSE;
  for (gsize i = 0; i < lb_matrix_get_n_rows (X) * lb_matrix_get_n_cols (X); i++)
    lb_matrix_get_data (X)[i] /= 255.0;
  *X_out = X;
  *y_out = lb_matrix_new_from_column (lb_table_get_column (table, (guint) label), error);
  return *y_out != NULL;
}

int
main (int argc, char **argv)
{
  gsize n_train = argc > 1 ? (gsize) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  guint threads = argc > 2 ? (guint) CLAMP (g_ascii_strtoull (argv[2], NULL, 10), 1, 64) : 1;
  g_autoptr(LbFitContext) ctx = lb_fit_context_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LbMatrix) X = NULL, y = NULL, Xt = NULL, yt = NULL, pred = NULL, yt_codes = NULL;
  g_autoptr(LbEstimator) svc = NULL;
  gsize correct = 0, n_sv = 0;
  gint64 t0;
  double fit_s, predict_s, c0, fit_cpu, predict_cpu;

  lb_blas_park_helper_threads ();
  lb_estimators_register_builtin ();
  if (!load (TRUE, n_train, &X, &y, &error) || !load (FALSE, 0, &Xt, &yt, &error))
    {
      fprintf (stderr, "svm-bench: %s\n", error->message);
      return 1;
    }
  svc = lb_estimator_new_by_name ("SVC", &error);
  if (!lb_estimator_set_param_string (svc, "C", "1", &error) ||
      !lb_estimator_set_param_string (svc, "gamma", "scale", &error))
    {
      fprintf (stderr, "svm-bench: %s\n", error->message);
      return 1;
    }
  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  lb_fit_context_set_n_threads (ctx, threads);
  if (!lb_estimator_fit (svc, X, y, ctx, &error))
    {
      fprintf (stderr, "svm-bench: %s\n", error->message);
      return 1;
    }
  fit_s = (g_get_monotonic_time () - t0) / 1e6;
  fit_cpu = cpu_seconds () - c0;
  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  pred = lb_estimator_predict (svc, Xt, &error);
  predict_s = (g_get_monotonic_time () - t0) / 1e6;
  predict_cpu = cpu_seconds () - c0;
  yt_codes = pred != NULL ? lb_estimator_encode_y (svc, yt, &error) : NULL;
  if (yt_codes == NULL)
    {
      fprintf (stderr, "svm-bench: %s\n", error->message);
      return 1;
    }
  for (gsize i = 0; i < lb_matrix_get_n_rows (pred); i++)
    correct += lb_matrix_get_const_data (pred)[i] == lb_matrix_get_const_data (yt_codes)[i];
  lb_svc_get_support (LB_SVC (svc), &n_sv);
  printf ("{\"n_train\": %zu, \"threads\": %u, \"fit_seconds\": %.3f, \"predict_seconds\": %.3f, "
          "\"fit_cpu_seconds\": %.3f, \"predict_cpu_seconds\": %.3f, "
          "\"test_accuracy\": %.4f, \"n_support\": %zu, \"gamma\": %.9g}\n",
          lb_matrix_get_n_rows (X), threads, fit_s, predict_s, fit_cpu, predict_cpu, (double) correct / lb_matrix_get_n_rows (pred), n_sv,
          lb_svc_get_gamma (LB_SVC (svc)));
  return 0;
}
