/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-idx-reader.h: the IDX format of MNIST / Fashion-MNIST (optionally gzip).
 * An images file (magic 0x00000803) and a labels file (0x00000801) become one
 * table: pixel columns "pixel0" … (numeric, raw 0..255) and a "label" column
 * (categorical, named classes for Fashion-MNIST).
 */
#pragma once

#include "lb-progress.h"
#include "lb-table.h"

G_BEGIN_DECLS

#define LB_FASHION_MNIST_DIR "/usr/share/datasets/fashion-mnist"

/* @labels_path may be NULL (then no label column). @max_rows = 0 reads all
 * (and then data past the declared size is an error). The label categories
 * are Fashion-MNIST's class names when @images_path contains "fashion" (any
 * case), else the label numbers ("0" … "9" for MNIST digits). Sizes are
 * checked against the data before the table is allocated; more than 2^31
 * cells is LB_DATA_ERROR_TOO_LARGE. */
LbTable *lb_idx_read (const char      *images_path,
                      const char      *labels_path,
                      gsize            max_rows,
                      LbProgressFunc   progress,
                      gpointer         progress_data,
                      GCancellable    *cancellable,
                      GError         **error);

/* Fashion-MNIST from Debian's dataset-fashion-mnist: @train TRUE = 60k train
 * images, FALSE = 10k test images. A clear error when the package is missing. */
LbTable *lb_fashion_mnist_load (gboolean         train,
                                gsize            max_rows,
                                LbProgressFunc   progress,
                                gpointer         progress_data,
                                GCancellable    *cancellable,
                                GError         **error);

/* The class names of Fashion-MNIST ("T-shirt/top" …), 10 entries, untranslated. */
const char * const *lb_fashion_mnist_class_names (void);

G_END_DECLS
