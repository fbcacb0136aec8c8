/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-split.h: LbSplit, one train/test partition of row indices (immutable,
 * refcounted), and the ways chapter 2 of the book makes one: a seeded
 * train/test split, a stratified shuffle split on a column binned like
 * pd.cut, the stable id-hash split (crc32 of the id, the book's
 * test_set_check), and a split read from files of row indices, kept in order.
 */
#pragma once

#include <glib-object.h>

#include "lb-data.h"

G_BEGIN_DECLS

typedef struct _LbSplit LbSplit;

#define LB_TYPE_SPLIT (lb_split_get_type ())
GType         lb_split_get_type           (void) G_GNUC_CONST;

/* Copies both index arrays (either may be empty). Indices are row numbers. */
LbSplit      *lb_split_new                (const guint  *train,
                                           gsize         n_train,
                                           const guint  *test,
                                           gsize         n_test);
LbSplit      *lb_split_ref                (LbSplit      *split);
void          lb_split_unref              (LbSplit      *split);

const guint  *lb_split_get_train          (const LbSplit *split,
                                           gsize        *n_train);
const guint  *lb_split_get_test           (const LbSplit *split,
                                           gsize        *n_test);
gsize         lb_split_get_n_train        (const LbSplit *split);
gsize         lb_split_get_n_test         (const LbSplit *split);
/* Fails (LB_ENGINE_ERROR_INVALID_DATA) when an index is >= @n_samples. */
gboolean      lb_split_check              (const LbSplit *split,
                                           gsize         n_samples,
                                           GError      **error);

/* --- test sizes as scikit-learn reads them --- */
/* @test_size in (0, 1): a fraction, n_test = ceil(test_size * n); an integral
 * value >= 1: that many rows. n_train = n - n_test. Errors name the value. */
gboolean      lb_split_resolve_test_size  (gsize         n_samples,
                                           double        test_size,
                                           gsize        *n_test,
                                           GError      **error);

/* --- the book's splits --- */
/* train_test_split: without @shuffle the first n_train rows train and the
 * rest test (as scikit-learn); with it, a permutation from LbRng seeded by
 * @seed (test = its first n_test entries). The rows differ from
 * scikit-learn's (another random generator); the sizes do not. */
LbSplit      *lb_split_train_test         (gsize         n_samples,
                                           double        test_size,
                                           gboolean      shuffle,
                                           guint64       seed,
                                           GError      **error);

/* pd.cut (right-closed bins, include_lowest=False): code i when
 * edges[i] < v <= edges[i + 1]; -1 when NaN or outside. Edges (n_edges >= 2)
 * must increase strictly; +-INFINITY is fine. */
gboolean      lb_split_bin_values         (const double *values,
                                           gsize         n,
                                           const double *edges,
                                           guint         n_edges,
                                           gint32       *codes,
                                           GError      **error);

/* StratifiedShuffleSplit(n_splits=1): per stratum (codes >= 0; -1 is an
 * error naming the row) the train and test counts of scikit-learn's
 * _approximate_mode, so the per-stratum sizes equal scikit-learn's; which
 * rows go where follows LbRng (ties among equal remainders too). */
LbSplit      *lb_split_stratified_shuffle (const gint32 *strata,
                                           gsize         n,
                                           double        test_size,
                                           guint64       seed,
                                           GError      **error);
/* The two above together: stratify on @values binned by @edges (income_cat). */
LbSplit      *lb_split_stratified_by_bins (const double *values,
                                           gsize         n,
                                           const double *edges,
                                           guint         n_edges,
                                           double        test_size,
                                           guint64       seed,
                                           GError      **error);

/* The book's test_set_check: a row is in the test set when
 * crc32(the id as 8 little-endian bytes of an int64) < test_ratio * 2^32.
 * Stable when rows are added. Rows keep their order in both parts.
 * @ids NULL: the row number is the id (the book's reset_index()). */
LbSplit      *lb_split_id_hash            (const gint64 *ids,
                                           gsize         n,
                                           double        test_ratio,
                                           GError      **error);
/* Ids from a column: numeric values truncated to int64 as np.int64 () does
 * (NaN is an error naming the row); text and categorical values hash their
 * UTF-8 bytes. */
LbSplit      *lb_split_id_hash_column     (LbColumn     *column,
                                           double        test_ratio,
                                           GError      **error);
/* crc32 (zlib's) of an int64 id, as the book's crc32(np.int64(id)). */
guint32       lb_split_id_crc32           (gint64        id);

/* Row indices read from two text files (one 0-based index per line, blank
 * lines ignored), kept in the file order. Parse errors (LB_ENGINE_ERROR_FILE)
 * name the file and line; an index >= @n_samples or repeated anywhere is an
 * error (LB_ENGINE_ERROR_INVALID_DATA). */
LbSplit      *lb_split_new_from_index_files (const char *train_path,
                                           const char   *test_path,
                                           gsize         n_samples,
                                           GError      **error);
/* The parser behind it: @text (NUL-terminated) → indices; @name for messages. */
GArray       *lb_split_parse_indices      (const char   *text,
                                           const char   *name,
                                           GError      **error);

/* The training / test part of a table (rows in split order). */
LbTable      *lb_split_take_train_table   (const LbSplit *split,
                                           LbTable      *table);
LbTable      *lb_split_take_test_table    (const LbSplit *split,
                                           LbTable      *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbSplit, lb_split_unref)

G_END_DECLS
