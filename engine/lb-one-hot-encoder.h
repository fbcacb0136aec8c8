/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-one-hot-encoder.h: LbOneHotEncoder, scikit-learn's OneHotEncoder (dense
 * output): one 0/1 column per category seen during fit, sorted, named
 * "column=category" ("ocean_proximity=INLAND"). A column of category codes is
 * matched by category name; a numeric column by value. Unseen categories are
 * an error, or all zeros with handle_unknown = ignore.
 */
#pragma once

#include "lb-estimator.h"

G_BEGIN_DECLS

typedef enum
{
  LB_ONE_HOT_HANDLE_UNKNOWN_ERROR,
  LB_ONE_HOT_HANDLE_UNKNOWN_IGNORE,
} LbOneHotHandleUnknown;

#define LB_TYPE_ONE_HOT_HANDLE_UNKNOWN (lb_one_hot_handle_unknown_get_type ())
GType lb_one_hot_handle_unknown_get_type (void) G_GNUC_CONST;

typedef enum
{
  LB_ONE_HOT_DROP_NONE,       /* keep every category (JSON null) */
  LB_ONE_HOT_DROP_FIRST,      /* drop each feature's first category */
  LB_ONE_HOT_DROP_IF_BINARY,  /* drop the first category of two-category features */
} LbOneHotDrop;

#define LB_TYPE_ONE_HOT_DROP (lb_one_hot_drop_get_type ())
GType lb_one_hot_drop_get_type (void) G_GNUC_CONST;

#define LB_TYPE_ONE_HOT_ENCODER (lb_one_hot_encoder_get_type ())
G_DECLARE_FINAL_TYPE (LbOneHotEncoder, lb_one_hot_encoder, LB, ONE_HOT_ENCODER, LbEstimator)

LbEstimator *lb_one_hot_encoder_new            (void);

/* After fit: the categories of input feature @feature, as text (sklearn's
 * categories_[feature]; "nan" last when a missing value was seen). */
char       **lb_one_hot_encoder_dup_categories (LbOneHotEncoder *self,
                                                guint            feature);

G_END_DECLS
