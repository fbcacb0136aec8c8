/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-matrix.c: LbMatrix, a refcounted, 64-byte aligned, row-major block of
 * doubles with optional column names and per-column category names. The
 * payload is allocated with posix_memalign so that a refused allocation is a
 * GError (LB_ENGINE_ERROR_TOO_LARGE), not an abort.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <math.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include <glib/gi18n-lib.h>

#include "lb-engine-error.h"
#include "lb-matrix.h"

#define LB_MATRIX_ALIGN 64
/* from 8 MiB on, aligned to (transparent) huge pages */
#define LB_MATRIX_HUGE       ((gsize) 8 << 20)
#define LB_MATRIX_HUGE_ALIGN ((gsize) 2 << 20)

struct _LbMatrix
{
  gatomicrefcount  ref_count;
  gsize            n_rows;
  gsize            n_cols;
  double          *data;        /* n_rows * n_cols (at least one slot), aligned */
  char           **names;       /* NULL or n_cols strings */
  char          ***categories;  /* NULL or n_cols entries, each NULL or a GStrv */
  gint             finite;      /* 1: every value was checked finite since the last
                                 * writable access (atomic; see lb_matrix_is_all_finite) */
};

G_DEFINE_BOXED_TYPE (LbMatrix, lb_matrix, lb_matrix_ref, lb_matrix_unref)

/* --- allocation --- */

static LbMatrix *
matrix_alloc (gsize     n_rows,
              gsize     n_cols,
              gboolean  zero,
              GError  **error)
{
  LbMatrix *m;
  gsize n, bytes;
  void *mem = NULL;

  if (n_cols != 0 && n_rows > G_MAXSIZE / n_cols)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                   _("A %zu × %zu matrix is too large"),
                   n_rows, n_cols);
      return NULL;
    }
  n = n_rows * n_cols;
  /* No allocation beyond PTRDIFF_MAX can succeed: refuse it before asking. */
  if (n > (gsize) G_MAXSSIZE / sizeof (double) - LB_MATRIX_ALIGN)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                   _("A %zu × %zu matrix is too large"),
                   n_rows, n_cols);
      return NULL;
    }
  bytes = MAX (n, 1) * sizeof (double);
  if (posix_memalign (&mem, bytes >= LB_MATRIX_HUGE ? LB_MATRIX_HUGE_ALIGN : LB_MATRIX_ALIGN, bytes) != 0
      || mem == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                   _("Not enough memory for a %zu × %zu"
                     " matrix (%zu MiB)"),
                   n_rows, n_cols, bytes >> 20);
      return NULL;
    }
#ifdef MADV_HUGEPAGE
  /* A big matrix is filled page by page right away; 2 MiB pages fault 512×
   * less often than 4 KiB ones (where the kernel's policy is "madvise"). */
  if (bytes >= LB_MATRIX_HUGE)
    madvise (mem, bytes & ~(gsize) (LB_MATRIX_HUGE_ALIGN - 1), MADV_HUGEPAGE);
#endif
  if (zero)
    memset (mem, 0, bytes);

  m = g_new0 (LbMatrix, 1);
  g_atomic_ref_count_init (&m->ref_count);
  m->n_rows = n_rows;
  m->n_cols = n_cols;
  m->data = mem;
  return m;
}

LbMatrix *
lb_matrix_try_new (gsize    n_rows,
                   gsize    n_cols,
                   GError **error)
{
  return matrix_alloc (n_rows, n_cols, TRUE, error);
}

LbMatrix *
lb_matrix_new (gsize n_rows,
               gsize n_cols)
{
  g_autoptr(GError) error = NULL;
  LbMatrix *m = matrix_alloc (n_rows, n_cols, TRUE, &error);

  if (m == NULL)
    g_warning ("%s", error->message);
  return m;
}

LbMatrix *
lb_matrix_new_uninitialized (gsize n_rows,
                             gsize n_cols)
{
  g_autoptr(GError) error = NULL;
  LbMatrix *m = matrix_alloc (n_rows, n_cols, FALSE, &error);

  if (m == NULL)
    g_warning ("%s", error->message);
  return m;
}

LbMatrix *
lb_matrix_new_from_data (gsize         n_rows,
                         gsize         n_cols,
                         const double *data)
{
  LbMatrix *m;

  /* every element is copied below; without data (a programmer error) zeros */
  m = data != NULL ? lb_matrix_new_uninitialized (n_rows, n_cols)
                    : lb_matrix_new (n_rows, n_cols);
  g_return_val_if_fail (data != NULL || n_rows * n_cols == 0, m);
  if (m != NULL && n_rows * n_cols > 0)
    memcpy (m->data, data, n_rows * n_cols * sizeof (double));
  return m;
}

static void
lb_matrix_clear_categories (LbMatrix *m)
{
  if (m->categories == NULL)
    return;
  for (gsize j = 0; j < m->n_cols; j++)
    g_strfreev (m->categories[j]);
  g_clear_pointer (&m->categories, g_free);
}

LbMatrix *
lb_matrix_ref (LbMatrix *m)
{
  g_return_val_if_fail (m != NULL, NULL);
  g_atomic_ref_count_inc (&m->ref_count);
  return m;
}

void
lb_matrix_unref (LbMatrix *m)
{
  g_return_if_fail (m != NULL);
  if (!g_atomic_ref_count_dec (&m->ref_count))
    return;
  free (m->data);
  g_strfreev (m->names);
  lb_matrix_clear_categories (m);
  g_free (m);
}

/* --- accessors --- */

gsize
lb_matrix_get_n_rows (const LbMatrix *m)
{
  g_return_val_if_fail (m != NULL, 0);
  return m->n_rows;
}

gsize
lb_matrix_get_n_cols (const LbMatrix *m)
{
  g_return_val_if_fail (m != NULL, 0);
  return m->n_cols;
}

double *
lb_matrix_get_data (LbMatrix *m)
{
  g_return_val_if_fail (m != NULL, NULL);
  /* a writer may change any value: the finite check must run again */
  g_atomic_int_set (&m->finite, 0);
  return m->data;
}

const double *
lb_matrix_get_const_data (const LbMatrix *m)
{
  g_return_val_if_fail (m != NULL, NULL);
  return m->data;
}

/* --- metadata --- */

const char * const *
lb_matrix_get_column_names (const LbMatrix *m)
{
  g_return_val_if_fail (m != NULL, NULL);
  return (const char * const *) m->names;
}

const char *
lb_matrix_get_column_name (const LbMatrix *m,
                           guint           col)
{
  char key[32];

  g_return_val_if_fail (m != NULL, NULL);
  g_return_val_if_fail (col < m->n_cols, NULL);
  if (m->names != NULL)
    return m->names[col];
  g_snprintf (key, sizeof key, "x%u", col);
  return g_intern_string (key);  /* thread-safe, lives forever: "x3" */
}

void
lb_matrix_set_column_names (LbMatrix           *m,
                            const char * const *names)
{
  g_return_if_fail (m != NULL);
  g_strfreev (m->names);
  m->names = NULL;
  if (names == NULL)
    return;
  m->names = g_new0 (char *, m->n_cols + 1);
  for (gsize j = 0; j < m->n_cols; j++)
    m->names[j] = g_strdup (names[j] != NULL ? names[j] : "");
}

const char * const *
lb_matrix_get_categories (const LbMatrix *m,
                          guint           col)
{
  g_return_val_if_fail (m != NULL, NULL);
  g_return_val_if_fail (col < m->n_cols, NULL);
  if (m->categories == NULL)
    return NULL;
  return (const char * const *) m->categories[col];
}

void
lb_matrix_set_categories (LbMatrix           *m,
                          guint               col,
                          const char * const *categories)
{
  g_return_if_fail (m != NULL);
  g_return_if_fail (col < m->n_cols);
  if (m->categories == NULL)
    {
      if (categories == NULL)
        return;
      m->categories = g_new0 (char **, m->n_cols);
    }
  g_strfreev (m->categories[col]);
  m->categories[col] = g_strdupv ((char **) categories);
}

/* Copies the metadata of @src column @from into @dst column @to. */
static void
copy_column_meta (LbMatrix       *dst,
                  guint           to,
                  const LbMatrix *src,
                  guint           from)
{
  if (src->names != NULL)
    {
      if (dst->names == NULL)
        {
          dst->names = g_new0 (char *, dst->n_cols + 1);
          for (gsize j = 0; j < dst->n_cols; j++)
            dst->names[j] = g_strdup_printf ("x%" G_GSIZE_FORMAT, j);
        }
      g_free (dst->names[to]);
      dst->names[to] = g_strdup (src->names[from]);
    }
  if (src->categories != NULL && src->categories[from] != NULL)
    lb_matrix_set_categories (dst, to, (const char * const *) src->categories[from]);
}

static void
copy_all_meta (LbMatrix       *dst,
               const LbMatrix *src)
{
  g_assert (dst->n_cols == src->n_cols);
  lb_matrix_set_column_names (dst, (const char * const *) src->names);
  if (src->categories != NULL)
    for (guint j = 0; j < src->n_cols; j++)
      if (src->categories[j] != NULL)
        lb_matrix_set_categories (dst, j, (const char * const *) src->categories[j]);
}

/* --- derived matrices --- */

LbMatrix *
lb_matrix_copy (const LbMatrix *m)
{
  LbMatrix *c;

  g_return_val_if_fail (m != NULL, NULL);
  c = lb_matrix_new_from_data (m->n_rows, m->n_cols, m->data);
  if (c != NULL)
    {
      copy_all_meta (c, m);
      g_atomic_int_set (&c->finite, g_atomic_int_get (&m->finite));
    }
  return c;
}

LbMatrix *
lb_matrix_take_rows (const LbMatrix *m,
                     const guint    *rows,
                     gsize           n_rows)
{
  LbMatrix *r;
  gboolean all_valid = TRUE;

  g_return_val_if_fail (m != NULL, NULL);
  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);
  /* every row is copied below, unless an index is out of range (a programmer
   * error, reported below): then the rows not copied stay zero, as before */
  for (gsize i = 0; i < n_rows && all_valid; i++)
    all_valid = rows[i] < m->n_rows;
  r = all_valid ? lb_matrix_new_uninitialized (n_rows, m->n_cols)
                : lb_matrix_new (n_rows, m->n_cols);
  if (r == NULL)
    return NULL;
  for (gsize i = 0; i < n_rows; i++)
    {
      g_return_val_if_fail (rows[i] < m->n_rows, r);
      memcpy (r->data + i * m->n_cols, m->data + (gsize) rows[i] * m->n_cols,
              m->n_cols * sizeof (double));
    }
  copy_all_meta (r, m);
  /* rows of a matrix known finite are finite (a cross-validation fold) */
  g_atomic_int_set (&r->finite, all_valid && g_atomic_int_get (&m->finite));
  return r;
}

LbMatrix *
lb_matrix_take_cols (const LbMatrix *m,
                     const guint    *cols,
                     gsize           n_cols)
{
  LbMatrix *r;

  g_return_val_if_fail (m != NULL, NULL);
  g_return_val_if_fail (cols != NULL || n_cols == 0, NULL);
  for (gsize j = 0; j < n_cols; j++)
    g_return_val_if_fail (cols[j] < m->n_cols, NULL);
  r = lb_matrix_new_uninitialized (m->n_rows, n_cols);   /* every element written below */
  if (r == NULL)
    return NULL;
  for (gsize i = 0; i < m->n_rows; i++)
    {
      const double *src = m->data + i * m->n_cols;
      double *dst = r->data + i * n_cols;

      for (gsize j = 0; j < n_cols; j++)
        dst[j] = src[cols[j]];
    }
  for (gsize j = 0; j < n_cols; j++)
    copy_column_meta (r, j, m, cols[j]);
  return r;
}

LbMatrix *
lb_matrix_hstack (const LbMatrix *a,
                  const LbMatrix *b)
{
  LbMatrix *r;

  g_return_val_if_fail (a != NULL && b != NULL, NULL);
  g_return_val_if_fail (a->n_rows == b->n_rows, NULL);
  r = lb_matrix_new_uninitialized (a->n_rows, a->n_cols + b->n_cols);   /* every element written below */
  if (r == NULL)
    return NULL;
  for (gsize i = 0; i < a->n_rows; i++)
    {
      memcpy (r->data + i * r->n_cols, a->data + i * a->n_cols, a->n_cols * sizeof (double));
      memcpy (r->data + i * r->n_cols + a->n_cols, b->data + i * b->n_cols,
              b->n_cols * sizeof (double));
    }
  if (a->names != NULL || b->names != NULL)
    {
      r->names = g_new0 (char *, r->n_cols + 1);
      for (guint j = 0; j < a->n_cols; j++)
        r->names[j] = g_strdup (lb_matrix_get_column_name (a, j));
      for (guint j = 0; j < b->n_cols; j++)
        r->names[a->n_cols + j] = g_strdup (lb_matrix_get_column_name (b, j));
    }
  if (a->categories != NULL)
    for (guint j = 0; j < a->n_cols; j++)
      if (a->categories[j] != NULL)
        lb_matrix_set_categories (r, j, (const char * const *) a->categories[j]);
  if (b->categories != NULL)
    for (guint j = 0; j < b->n_cols; j++)
      if (b->categories[j] != NULL)
        lb_matrix_set_categories (r, a->n_cols + j, (const char * const *) b->categories[j]);
  return r;
}

LbMatrix *
lb_matrix_transpose (const LbMatrix *m)
{
  LbMatrix *t;

  g_return_val_if_fail (m != NULL, NULL);
  t = lb_matrix_new_uninitialized (m->n_cols, m->n_rows);   /* every element written below */
  if (t == NULL)
    return NULL;
  for (gsize i = 0; i < m->n_rows; i++)
    for (gsize j = 0; j < m->n_cols; j++)
      t->data[j * m->n_rows + i] = m->data[i * m->n_cols + j];
  return t;
}

/* TRUE when none of @x is ±inf or NaN (the only doubles whose exponent bits
 * are all ones): a branch-free OR over four lanes, several values a cycle. */
static gboolean
all_finite (const double *x,
            gsize         n)
{
  const guint64 exp_mask = G_GUINT64_CONSTANT (0x7ff0000000000000);
  guint64 bad0 = 0, bad1 = 0, bad2 = 0, bad3 = 0;
  gsize k = 0;

  for (; k + 4 <= n; k += 4)
    {
      guint64 b[4];

      memcpy (b, x + k, sizeof b);
      bad0 |= (~b[0] & exp_mask) == 0;
      bad1 |= (~b[1] & exp_mask) == 0;
      bad2 |= (~b[2] & exp_mask) == 0;
      bad3 |= (~b[3] & exp_mask) == 0;
    }
  for (; k < n; k++)
    bad0 |= !isfinite (x[k]);
  return (bad0 | bad1 | bad2 | bad3) == 0;
}

gboolean
lb_matrix_is_all_finite (const LbMatrix *m)
{
  LbMatrix *mutable_m = (LbMatrix *) m;   /* only the cached flag changes */

  g_return_val_if_fail (m != NULL, FALSE);
  if (g_atomic_int_get (&mutable_m->finite))
    return TRUE;
  if (!all_finite (m->data, m->n_rows * m->n_cols))
    return FALSE;
  g_atomic_int_set (&mutable_m->finite, 1);
  return TRUE;
}

gboolean
lb_matrix_has_non_finite (const LbMatrix *m,
                          gsize          *row,
                          gsize          *col)
{
  gsize n;

  g_return_val_if_fail (m != NULL, FALSE);
  n = m->n_rows * m->n_cols;
  for (gsize k = 0; k < n; k++)
    if (!isfinite (m->data[k]))
      {
        if (row != NULL)
          *row = k / m->n_cols;
        if (col != NULL)
          *col = k % m->n_cols;
        return TRUE;
      }
  return FALSE;
}

/* --- tables --- */

static gboolean
fill_from_column (LbMatrix  *m,
                  guint      col,
                  LbColumn  *column,
                  GError   **error)
{
  gsize n = lb_column_get_n_rows (column);

  switch (lb_column_get_kind (column))
    {
    case LB_COLUMN_NUMERIC:
      {
        const double *v = lb_column_get_numeric (column);

        for (gsize i = 0; i < n; i++)
          m->data[i * m->n_cols + col] = v[i];
      }
      return TRUE;
    case LB_COLUMN_CATEGORICAL:
      {
        const gint32 *codes = lb_column_get_codes (column);

        for (gsize i = 0; i < n; i++)
          m->data[i * m->n_cols + col] = codes[i] < 0 ? NAN : (double) codes[i];
        lb_matrix_set_categories (m, col, lb_column_get_categories (column));
      }
      return TRUE;
    case LB_COLUMN_TEXT:
    default:
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                   _("Column ‘%s’ holds text: make it categorical or drop it before modelling"),
                   lb_column_get_name (column));
      return FALSE;
    }
}

LbMatrix *
lb_matrix_new_from_table (LbTable     *table,
                          const guint *columns,
                          guint        n_columns,
                          GError     **error)
{
  g_autoptr(LbMatrix) m = NULL;
  g_autofree char **names = NULL;
  gsize n_rows;

  g_return_val_if_fail (table != NULL, NULL);
  if (columns == NULL)
    n_columns = lb_table_get_n_columns (table);
  n_rows = lb_table_get_n_rows (table);
  m = lb_matrix_try_new (n_rows, n_columns, error);
  if (m == NULL)
    return NULL;

  names = g_new0 (char *, n_columns + 1);
  for (guint j = 0; j < n_columns; j++)
    {
      guint index = columns != NULL ? columns[j] : j;
      LbColumn *column;

      g_return_val_if_fail (index < lb_table_get_n_columns (table), NULL);
      column = lb_table_get_column (table, index);
      names[j] = (char *) lb_column_get_name (column);
      if (!fill_from_column (m, j, column, error))
        return NULL;
    }
  lb_matrix_set_column_names (m, (const char * const *) names);
  return g_steal_pointer (&m);
}

LbMatrix *
lb_matrix_new_from_column (LbColumn  *column,
                           GError   **error)
{
  g_autoptr(LbMatrix) m = NULL;
  const char *names[2] = { NULL, NULL };

  g_return_val_if_fail (column != NULL, NULL);
  m = lb_matrix_try_new (lb_column_get_n_rows (column), 1, error);
  if (m == NULL)
    return NULL;
  if (!fill_from_column (m, 0, column, error))
    return NULL;
  names[0] = lb_column_get_name (column);
  lb_matrix_set_column_names (m, names);
  return g_steal_pointer (&m);
}
