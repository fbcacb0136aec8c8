/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-json-private.h: the few JsonBuilder helpers the engine's result types
 * (LbCurve, LbCvResult, LbSearchResult) share when they write themselves as
 * JSON: numbers with NaN / ±Inf as null (JSON has neither), strided vectors
 * and row-major matrices as arrays of arrays; and, beyond JSON, the count of
 * failed fits with its warning that each of them carries and their per-row
 * mean / std summaries.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* @v, or null when it is not finite. */
void lb_json_add_number (JsonBuilder  *b,
                         double        v);
/* "name": [v[0], v[stride], … v[(n-1)·stride]] */
void lb_json_add_vector (JsonBuilder  *b,
                         const char   *name,
                         const double *v,
                         guint         n,
                         guint         stride);
/* "name": [[row 0], [row 1] …] of a row-major rows × cols matrix. */
void lb_json_add_rows   (JsonBuilder  *b,
                         const char   *name,
                         const double *m,
                         guint         rows,
                         guint         cols);

/* --- failed fits (error_score = nan) of a result: how many, the first error --- */
typedef struct
{
  guint  n_failed;
  char  *warning;
} LbFailedFits;

void lb_failed_fits_set      (LbFailedFits       *failures,
                              guint               n_failed,
                              const char         *warning);
/* "n_failed": n, "warning": "…" — only when a fit failed. */
void lb_json_add_failed_fits (JsonBuilder        *b,
                              const LbFailedFits *failures);

/* Per row of a row-major @rows × @cols matrix @m: numpy's mean and std
 * (ddof 0) into new arrays (g_free); all NaN when @m is NULL. */
void lb_summarise_rows       (const double       *m,
                              guint               rows,
                              guint               cols,
                              double            **mean,
                              double            **std);

G_END_DECLS
