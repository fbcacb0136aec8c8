/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-expression-transformer.h: LbExpressionTransformer, the book's "combined
 * attributes" as a pipeline step: keeps its input columns and appends one
 * column per "name = expression" over the input column names, e.g.
 * "rooms_per_household = total_rooms / households" (grammar: lb-expression.h;
 * an expression may use the columns added before it). Missing values and
 * division by zero give NaN.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

#define LB_TYPE_EXPRESSION_TRANSFORMER (lb_expression_transformer_get_type ())
G_DECLARE_FINAL_TYPE (LbExpressionTransformer, lb_expression_transformer, LB, EXPRESSION_TRANSFORMER, LbEstimator)

/* @expressions: NULL-terminated "name = expression" entries. */
LbEstimator *lb_expression_transformer_new (const char * const *expressions);

G_END_DECLS
