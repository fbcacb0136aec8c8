/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-expression.h: "combined attributes" from a simple arithmetic expression
 * over numeric columns, as in the book: total_rooms / households. Grammar:
 * numbers, column names (bare identifiers or `back-quoted names`), + - * /,
 * unary minus, parentheses, and the functions log, log1p, exp, sqrt, abs, pow.
 * Missing values propagate (NaN); division by zero gives NaN, never Inf; so
 * does any other non-finite result (log(0), overflow of exp or pow).
 * Column names may hold letters, digits, '_' and '.'; others go in `back quotes`.
 */
#pragma once

#include "lb-table.h"

G_BEGIN_DECLS

/* Evaluates @expression over @table; the new numeric column is named @name.
 * Errors (LB_DATA_ERROR_INVALID) name the position and the problem:
 * "unknown column 'total_room' at 1", "column 'ocean_proximity' is not numeric". */
LbColumn *lb_expression_evaluate (LbTable     *table,
                                  const char  *expression,
                                  const char  *name,
                                  GError     **error);

G_END_DECLS
