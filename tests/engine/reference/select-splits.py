#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference numbers for tests/engine/test-split.c and test-cv-splitter.c
# (scikit-learn 1.2.1, numpy 1.24.2; run with Debian's /usr/bin/python3).
import zlib
import numpy as np
from sklearn.model_selection import KFold, StratifiedKFold, ShuffleSplit, train_test_split
from sklearn.utils import _approximate_mode

# train_test_split sizes (test = ceil(test_size * n))
for n, ts in [(10, 0.25), (20640, 0.2), (7, 0.5), (100, 17)]:
    tr, te = train_test_split(np.arange(n), test_size=ts, shuffle=False)
    print("train_test_split", n, ts, len(tr), len(te), "first test", te[0])

# _approximate_mode without ties: housing income_cat counts (pd.cut of the 20640 rows)
counts = np.array([822, 6581, 7236, 3639, 2362])
n_i = _approximate_mode(counts, 16512, 42)
t_i = _approximate_mode(counts - n_i, 4128, 42)
print("housing strata train", n_i.tolist(), "test", t_i.tolist())
counts = np.array([5, 37, 12, 46])
n_i = _approximate_mode(counts, 70, 0)
t_i = _approximate_mode(counts - n_i, 30, 0)
print("strata [5,37,12,46] train", n_i.tolist(), "test", t_i.tolist())

# the book's test_set_check on row ids 0..20639, test_ratio 0.2
ids = np.arange(20640)
in_test = np.array([zlib.crc32(np.int64(i)) & 0xffffffff < 0.2 * 2**32 for i in ids])
te = ids[in_test]
print("id hash: n_test", len(te), "first", te[:5].tolist(), "sum", int(te.sum()))
print("crc32(np.int64(123456789012))", zlib.crc32(np.int64(123456789012)), "crc32(np.int64(-5))", zlib.crc32(np.int64(-5)))

# KFold(10) over 16512 rows: fold sizes
print("KFold sizes", [len(te) for _, te in KFold(10).split(np.zeros(16512))])
print("KFold(3) on 7", [te.tolist() for _, te in KFold(3).split(np.zeros(7))])

# StratifiedKFold with uneven classes, labels in order of appearance 2, 0, 1
y = np.array([2, 0, 0, 1, 2, 2, 0, 1, 1, 1, 2, 0, 0, 2, 1, 1, 0, 2, 2, 2, 1, 0])
folds = np.empty(len(y), int)
for f, (_, te) in enumerate(StratifiedKFold(3).split(np.zeros(len(y)), y)):
    folds[te] = f
print("StratifiedKFold(3) fold ids", folds.tolist())
y = np.array([5.0] * 7 + [-1.0] * 3 + [5.0] * 4 + [2.0] * 5)
folds = np.empty(len(y), int)
for f, (_, te) in enumerate(StratifiedKFold(4).split(np.zeros(len(y)), y)):
    folds[te] = f
print("StratifiedKFold(4) fold ids", folds.tolist())
