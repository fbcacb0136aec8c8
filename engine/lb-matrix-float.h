/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-matrix-float.h: LbMatrixFloat, the single-precision sibling of LbMatrix
 * for what trades precision for speed and memory: neural-network weights,
 * activations and mini-batches (and, later, the GPU backend's buffers). Dense,
 * row-major, 64-byte aligned, refcounted, immutable once shared. Converts to
 * and from LbMatrix; products go through OpenBLAS's sgemm.
 */
#pragma once

#include <glib-object.h>

#include "lb-matrix.h"

G_BEGIN_DECLS

typedef struct _LbMatrixFloat LbMatrixFloat;

#define LB_TYPE_MATRIX_FLOAT (lb_matrix_float_get_type ())
GType          lb_matrix_float_get_type    (void) G_GNUC_CONST;

/* Zero-filled; NULL with LB_ENGINE_ERROR_TOO_LARGE when rows × cols
 * overflows or memory runs out. */
LbMatrixFloat *lb_matrix_float_try_new     (gsize          n_rows,
                                            gsize          n_cols,
                                            GError       **error);
LbMatrixFloat *lb_matrix_float_new_from_data (gsize        n_rows,
                                            gsize          n_cols,
                                            const float   *data);    /* copied, row-major */
LbMatrixFloat *lb_matrix_float_ref         (LbMatrixFloat *m);
void           lb_matrix_float_unref       (LbMatrixFloat *m);

gsize          lb_matrix_float_get_n_rows  (const LbMatrixFloat *m);
gsize          lb_matrix_float_get_n_cols  (const LbMatrixFloat *m);
float         *lb_matrix_float_get_data    (LbMatrixFloat *m);
const float   *lb_matrix_float_get_const_data (const LbMatrixFloat *m);

/* Each value rounded to the nearest float. A finite double beyond float's
 * range (|x| > 3.4e38) is LB_ENGINE_ERROR_INVALID_DATA naming its position
 * (NaN and ±Inf stay what they are). Column names are kept. */
LbMatrixFloat *lb_matrix_float_new_from_matrix (const LbMatrix *m,
                                            GError       **error);
/* Exact (every float is a double). */
LbMatrix      *lb_matrix_float_to_matrix   (const LbMatrixFloat *m);
/* Rows @rows in that order (a mini-batch). */
LbMatrixFloat *lb_matrix_float_take_rows   (const LbMatrixFloat *m,
                                            const guint   *rows,
                                            gsize          n_rows);
/* A new C = alpha · op(A) · op(B) (op = transpose when asked), by sgemm;
 * NULL with LB_ENGINE_ERROR_INVALID_DATA when the inner sizes differ. */
LbMatrixFloat *lb_matrix_float_multiply    (const LbMatrixFloat *a,
                                            gboolean       transpose_a,
                                            const LbMatrixFloat *b,
                                            gboolean       transpose_b,
                                            float          alpha,
                                            GError       **error);

const char * const *lb_matrix_float_get_column_names (const LbMatrixFloat *m);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbMatrixFloat, lb_matrix_float_unref)

G_END_DECLS
