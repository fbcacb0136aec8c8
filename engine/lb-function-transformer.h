/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-function-transformer.h: LbFunctionTransformer, scikit-learn's
 * FunctionTransformer for the functions a learner reaches for: log, log1p,
 * sqrt, exp … applied to every value (the book's log of a heavy-tailed
 * attribute). Column names are kept (feature_names_out = "one-to-one").
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_FUNCTION_IDENTITY,
  LB_FUNCTION_LOG,
  LB_FUNCTION_LOG1P,
  LB_FUNCTION_LOG2,
  LB_FUNCTION_LOG10,
  LB_FUNCTION_EXP,
  LB_FUNCTION_EXPM1,
  LB_FUNCTION_SQRT,
  LB_FUNCTION_SQUARE,
  LB_FUNCTION_RECIPROCAL,
  LB_FUNCTION_ABS,
} LbFunction;

#define LB_TYPE_FUNCTION (lb_function_get_type ())
GType lb_function_get_type (void) G_GNUC_CONST;

#define LB_TYPE_FUNCTION_TRANSFORMER (lb_function_transformer_get_type ())
G_DECLARE_FINAL_TYPE (LbFunctionTransformer, lb_function_transformer, LB, FUNCTION_TRANSFORMER, LbEstimator)

LbEstimator *lb_function_transformer_new (LbFunction func);
/* The function itself (NaN stays NaN). */
double       lb_function_apply           (LbFunction func,
                                          double     x);

G_END_DECLS
