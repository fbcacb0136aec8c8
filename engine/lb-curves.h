/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-curves.h: scikit-learn's learning_curve and validation_curve. A learning
 * curve fits on the first m rows of each training split (m from fractions of
 * the largest training split or absolute counts, as _translate_train_sizes)
 * and scores on those m rows and on the split's test rows; a validation curve
 * fits one clone per value of one hyper-parameter. Both stream one callback
 * per finished point and run every (point, split) fit on the context's
 * thread budget with results independent of it. A fit that fails scores NaN
 * (a warning event; lb_curve_get_warning), as scikit-learn's error_score=nan;
 * only when every fit failed is the curve an error.
 */
#pragma once

#include "lb-curve.h"
#include "lb-cv-splitter.h"

G_BEGIN_DECLS

/* @train_sizes: n_sizes fractions in (0, 1] (@fractions TRUE) or row counts
 * in [1, largest training split]; NULL = scikit-learn's default
 * linspace(0.1, 1.0, 5). Repeated sizes collapse (sorted, unique). @cv NULL:
 * 5 folds (stratified for a classifier). @scoring NULL: the default. */
LbCurve *lb_learning_curve   (LbEstimator     *estimator,
                              LbMatrix        *X,
                              LbMatrix        *y,
                              LbCvSplitter    *cv,
                              const double    *train_sizes,
                              guint            n_sizes,
                              gboolean         fractions,
                              const char      *scoring,
                              LbCurvePointFunc func,
                              gpointer         user_data,
                              LbFitContext    *ctx,
                              GError         **error);

/* @values: the values of @param_name (a JSON array; numbers become the x
 * values, anything else is plotted by position with its text as the label).
 * Each value is checked on a clone before fitting. */
LbCurve *lb_validation_curve (LbEstimator     *estimator,
                              LbMatrix        *X,
                              LbMatrix        *y,
                              const char      *param_name,
                              JsonArray       *values,
                              LbCvSplitter    *cv,
                              const char      *scoring,
                              LbCurvePointFunc func,
                              gpointer         user_data,
                              LbFitContext    *ctx,
                              GError         **error);

G_END_DECLS
