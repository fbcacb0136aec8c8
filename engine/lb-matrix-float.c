/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-matrix-float.c: LbMatrixFloat — allocation (64-byte aligned, like
 * LbMatrix), conversion to and from double matrices with range checks, row
 * gathering for mini-batches, and products through cblas_sgemm.
 */
#include "config.h"

#include <cblas.h>
#include <float.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lb-engine-error.h"
#include "lb-matrix-float.h"

#define ALIGNMENT 64

struct _LbMatrixFloat
{
  gatomicrefcount ref_count;
  gsize           n_rows;
  gsize           n_cols;
  float          *data;    /* n_rows * n_cols (at least one slot), aligned */
  char          **names;   /* NULL or n_cols strings */
};

G_DEFINE_BOXED_TYPE (LbMatrixFloat, lb_matrix_float, lb_matrix_float_ref, lb_matrix_float_unref)

static LbMatrixFloat *
float_alloc (gsize     n_rows,
             gsize     n_cols,
             gboolean  zero,
             GError  **error)
{
  LbMatrixFloat *m;
  void *mem = NULL;
  gsize n, bytes;

  if ((n_cols != 0 && n_rows > G_MAXSIZE / n_cols)
      || n_rows * n_cols > (gsize) G_MAXSSIZE / sizeof (float) - ALIGNMENT)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                   _("A %zu × %zu matrix is too large"), n_rows, n_cols);
      return NULL;
    }
  n = n_rows * n_cols;
  bytes = MAX (n, 1) * sizeof (float);
  bytes = (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  if (posix_memalign (&mem, ALIGNMENT, bytes) != 0 || mem == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                   _("Not enough memory for a %zu × %zu matrix (%zu MiB)"),
                   n_rows, n_cols, bytes >> 20);
      return NULL;
    }
  if (zero)
    memset (mem, 0, bytes);
  m = g_new0 (LbMatrixFloat, 1);
  g_atomic_ref_count_init (&m->ref_count);
  m->n_rows = n_rows;
  m->n_cols = n_cols;
  m->data = mem;
  return m;
}

LbMatrixFloat *
lb_matrix_float_try_new (gsize    n_rows,
                         gsize    n_cols,
                         GError **error)
{
  return float_alloc (n_rows, n_cols, TRUE, error);
}

LbMatrixFloat *
lb_matrix_float_new_from_data (gsize        n_rows,
                               gsize        n_cols,
                               const float *data)
{
  g_autoptr (GError) error = NULL;
  LbMatrixFloat *m = float_alloc (n_rows, n_cols, data == NULL, &error);

  if (m == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  if (data != NULL && n_rows * n_cols > 0)
    memcpy (m->data, data, n_rows * n_cols * sizeof (float));
  return m;
}

LbMatrixFloat *
lb_matrix_float_ref (LbMatrixFloat *m)
{
  g_return_val_if_fail (m != NULL, NULL);
  g_atomic_ref_count_inc (&m->ref_count);
  return m;
}

void
lb_matrix_float_unref (LbMatrixFloat *m)
{
  g_return_if_fail (m != NULL);
  if (!g_atomic_ref_count_dec (&m->ref_count))
    return;
  free (m->data);
  g_strfreev (m->names);
  g_free (m);
}

gsize
lb_matrix_float_get_n_rows (const LbMatrixFloat *m)
{
  g_return_val_if_fail (m != NULL, 0);
  return m->n_rows;
}

gsize
lb_matrix_float_get_n_cols (const LbMatrixFloat *m)
{
  g_return_val_if_fail (m != NULL, 0);
  return m->n_cols;
}

float *
lb_matrix_float_get_data (LbMatrixFloat *m)
{
  g_return_val_if_fail (m != NULL, NULL);
  return m->data;
}

const float *
lb_matrix_float_get_const_data (const LbMatrixFloat *m)
{
  g_return_val_if_fail (m != NULL, NULL);
  return m->data;
}

const char * const *
lb_matrix_float_get_column_names (const LbMatrixFloat *m)
{
  g_return_val_if_fail (m != NULL, NULL);
  return (const char * const *) m->names;
}

LbMatrixFloat *
lb_matrix_float_new_from_matrix (const LbMatrix *source,
                                 GError        **error)
{
  gsize n_rows, n_cols, n;
  const double *x;
  const char * const *names;
  LbMatrixFloat *m;

  g_return_val_if_fail (source != NULL, NULL);
  n_rows = lb_matrix_get_n_rows (source);
  n_cols = lb_matrix_get_n_cols (source);
  x = lb_matrix_get_const_data (source);
  n = n_rows * n_cols;
  for (gsize k = 0; k < n; k++)
    if (isfinite (x[k]) && fabs (x[k]) > FLT_MAX
        && !isfinite ((float) x[k]))
      {
        g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                     _("the value %g in row %zu, column %zu is too large for single precision "
                       "(at most about 3.4e38): scale the data first"),
                     x[k], k / n_cols + 1, k % n_cols + 1);
        return NULL;
      }
  m = float_alloc (n_rows, n_cols, FALSE, error);
  if (m == NULL)
    return NULL;
  for (gsize k = 0; k < n; k++)
    m->data[k] = (float) x[k];   /* round to nearest (the FPU's default mode) */
  names = lb_matrix_get_column_names (source);
  if (names != NULL)
    m->names = g_strdupv ((char **) names);
  return m;
}

LbMatrix *
lb_matrix_float_to_matrix (const LbMatrixFloat *m)
{
  g_autoptr (GError) error = NULL;
  LbMatrix *out;
  double *y;
  gsize n;

  g_return_val_if_fail (m != NULL, NULL);
  out = lb_matrix_try_new (m->n_rows, m->n_cols, &error);
  if (out == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  y = lb_matrix_get_data (out);
  n = m->n_rows * m->n_cols;
  for (gsize k = 0; k < n; k++)
    y[k] = m->data[k];
  if (m->names != NULL)
    lb_matrix_set_column_names (out, (const char * const *) m->names);
  return out;
}

LbMatrixFloat *
lb_matrix_float_take_rows (const LbMatrixFloat *m,
                           const guint         *rows,
                           gsize                n_rows)
{
  g_autoptr (GError) error = NULL;
  LbMatrixFloat *out;

  g_return_val_if_fail (m != NULL, NULL);
  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);
  for (gsize i = 0; i < n_rows; i++)
    g_return_val_if_fail (rows[i] < m->n_rows, NULL);
  out = float_alloc (n_rows, m->n_cols, FALSE, &error);
  if (out == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  for (gsize i = 0; i < n_rows; i++)
    memcpy (out->data + i * m->n_cols, m->data + (gsize) rows[i] * m->n_cols,
            m->n_cols * sizeof (float));
  if (m->names != NULL)
    out->names = g_strdupv (m->names);
  return out;
}

LbMatrixFloat *
lb_matrix_float_multiply (const LbMatrixFloat *a,
                          gboolean             transpose_a,
                          const LbMatrixFloat *b,
                          gboolean             transpose_b,
                          float                alpha,
                          GError             **error)
{
  gsize m_rows, inner_a, inner_b, n_cols;
  LbMatrixFloat *c;

  g_return_val_if_fail (a != NULL && b != NULL, NULL);
  m_rows = transpose_a ? a->n_cols : a->n_rows;
  inner_a = transpose_a ? a->n_rows : a->n_cols;
  inner_b = transpose_b ? b->n_cols : b->n_rows;
  n_cols = transpose_b ? b->n_rows : b->n_cols;
  if (inner_a != inner_b)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("cannot multiply a %zu × %zu matrix by a %zu × %zu one"),
                   m_rows, inner_a, inner_b, n_cols);
      return NULL;
    }
  if (m_rows > G_MAXINT || n_cols > G_MAXINT || inner_a > G_MAXINT)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                   _("A %zu × %zu matrix is too large"), m_rows, n_cols);
      return NULL;
    }
  c = float_alloc (m_rows, n_cols, TRUE, error);
  if (c == NULL)
    return NULL;
  if (m_rows > 0 && n_cols > 0 && inner_a > 0)
    cblas_sgemm (CblasRowMajor, transpose_a ? CblasTrans : CblasNoTrans,
                 transpose_b ? CblasTrans : CblasNoTrans,
                 (int) m_rows, (int) n_cols, (int) inner_a, alpha,
                 a->data, (int) MAX (a->n_cols, 1), b->data, (int) MAX (b->n_cols, 1),
                 0.0f, c->data, (int) MAX (n_cols, 1));
  return c;
}
