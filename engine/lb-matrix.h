/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-matrix.h: LbMatrix, the dense row-major double matrix every numeric part
 * of engine/ works on (through OpenBLAS / LAPACKE). 64-byte aligned,
 * refcounted, and — like LbTable — treated as immutable once shared: an
 * estimator never writes into a matrix it was given.
 *
 * A matrix may carry column metadata: names ("ocean_proximity=INLAND") and,
 * for a column of category codes (0..k-1 as doubles, NaN = missing), the
 * category names. That is how categorical data flows through a pipeline and
 * how classifiers learn class names from y.
 */
#pragma once

#include <glib-object.h>

#include "lb-data.h"

G_BEGIN_DECLS

typedef struct _LbMatrix LbMatrix;

#define LB_TYPE_MATRIX (lb_matrix_get_type ())
GType         lb_matrix_get_type          (void) G_GNUC_CONST;

/* Zero-filled. Fails (returns NULL, sets LB_ENGINE_ERROR_TOO_LARGE) only when
 * rows * cols overflows or the allocation fails — use lb_matrix_try_new then. */
LbMatrix     *lb_matrix_new               (gsize         n_rows,
                                           gsize         n_cols);
LbMatrix     *lb_matrix_try_new           (gsize         n_rows,
                                           gsize         n_cols,
                                           GError      **error);
/* Like lb_matrix_new, but the values are left as the allocator gave them
 * (garbage): only for code that writes every element before anyone reads
 * one. It saves a pass over memory (for a Fashion-MNIST training fold, a
 * quarter of a gigabyte) where a matrix is filled by copying. */
LbMatrix     *lb_matrix_new_uninitialized (gsize         n_rows,
                                           gsize         n_cols);
LbMatrix     *lb_matrix_new_from_data     (gsize         n_rows,
                                           gsize         n_cols,
                                           const double *data);   /* copied, row-major */
LbMatrix     *lb_matrix_ref               (LbMatrix     *m);
void          lb_matrix_unref             (LbMatrix     *m);

gsize         lb_matrix_get_n_rows        (const LbMatrix *m);
gsize         lb_matrix_get_n_cols        (const LbMatrix *m);
/* Row-major data, n_rows * n_cols values; writable only by the matrix's maker
 * before it is shared. */
double       *lb_matrix_get_data          (LbMatrix     *m);
const double *lb_matrix_get_const_data    (const LbMatrix *m);
#define LB_MATRIX_AT(m, i, j) (lb_matrix_get_data (m)[(gsize) (i) * lb_matrix_get_n_cols (m) + (j)])

LbMatrix     *lb_matrix_copy              (const LbMatrix *m);          /* data + metadata */
/* Rows @rows (repeats allowed), in that order; metadata kept. */
LbMatrix     *lb_matrix_take_rows         (const LbMatrix *m,
                                           const guint  *rows,
                                           gsize         n_rows);
/* Columns @cols, in that order; metadata kept. */
LbMatrix     *lb_matrix_take_cols         (const LbMatrix *m,
                                           const guint  *cols,
                                           gsize         n_cols);
/* [a | b] side by side (same number of rows); metadata kept. */
LbMatrix     *lb_matrix_hstack            (const LbMatrix *a,
                                           const LbMatrix *b);
LbMatrix     *lb_matrix_transpose         (const LbMatrix *m);
/* TRUE when no value is NaN or ±Inf. The answer is remembered until the next
 * lb_matrix_get_data () (the writable accessor), and rows taken from a
 * matrix known finite are known finite: a model refitted on the same X, or
 * on its cross-validation folds, does not scan it again. */
gboolean      lb_matrix_is_all_finite     (const LbMatrix *m);
/* Any NaN / ±Inf? (first offending position in *row / *col when non-NULL) */
gboolean      lb_matrix_has_non_finite    (const LbMatrix *m,
                                           gsize        *row,
                                           gsize        *col);

/* --- column metadata (optional) --- */
/* NULL when the matrix has no names; else n_cols names. */
const char * const *lb_matrix_get_column_names (const LbMatrix *m);
const char   *lb_matrix_get_column_name   (const LbMatrix *m,
                                           guint         col);    /* "x3" when unnamed */
void          lb_matrix_set_column_names  (LbMatrix     *m,
                                           const char * const *names);
/* NULL unless column @col holds category codes. */
const char * const *lb_matrix_get_categories (const LbMatrix *m,
                                           guint         col);
void          lb_matrix_set_categories    (LbMatrix     *m,
                                           guint         col,
                                           const char * const *categories);

/* --- tables --- */
/* Columns @columns of @table (all when NULL): numeric as values (NaN kept),
 * categorical as codes with their categories; text columns are refused
 * (LB_ENGINE_ERROR_INVALID_DATA "column 'name' holds text"). */
LbMatrix     *lb_matrix_new_from_table    (LbTable      *table,
                                           const guint  *columns,
                                           guint         n_columns,
                                           GError      **error);
/* y from one column: numeric → values; categorical → codes with categories. */
LbMatrix     *lb_matrix_new_from_column   (LbColumn     *column,
                                           GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbMatrix, lb_matrix_unref)

G_END_DECLS
