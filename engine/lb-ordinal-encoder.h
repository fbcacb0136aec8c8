/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-ordinal-encoder.h: LbOrdinalEncoder, scikit-learn's OrdinalEncoder:
 * each category becomes its position 0, 1, 2 … in the sorted list of the
 * categories seen during fit; a missing value stays missing (NaN). Unseen
 * categories are an error, or unknown_value with handle_unknown =
 * use_encoded_value.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_ORDINAL_HANDLE_UNKNOWN_ERROR,
  LB_ORDINAL_HANDLE_UNKNOWN_USE_ENCODED_VALUE,
} LbOrdinalHandleUnknown;

#define LB_TYPE_ORDINAL_HANDLE_UNKNOWN (lb_ordinal_handle_unknown_get_type ())
GType lb_ordinal_handle_unknown_get_type (void) G_GNUC_CONST;

#define LB_TYPE_ORDINAL_ENCODER (lb_ordinal_encoder_get_type ())
G_DECLARE_FINAL_TYPE (LbOrdinalEncoder, lb_ordinal_encoder, LB, ORDINAL_ENCODER, LbEstimator)

LbEstimator *lb_ordinal_encoder_new            (void);

/* After fit: the categories of input feature @feature as text (sklearn's
 * categories_[feature]; "nan" last when a missing value was seen). */
char       **lb_ordinal_encoder_dup_categories (LbOrdinalEncoder *self,
                                                guint             feature);

G_END_DECLS
