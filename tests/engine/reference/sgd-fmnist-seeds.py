#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# scikit-learn 1.2.1's SGDClassifier 3-fold CV accuracy on Fashion-MNIST
# "T-shirt/top or not" (X/255, StratifiedKFold(3) without shuffling) for a few
# random_state values: the seed-to-seed spread test-sgd-classifier.c allows for.
# Output (2026-11-30): seed, mean accuracy, per-fold accuracies, n_iter_, seconds
#   0 0.95735 [0.95805, 0.9591, 0.9549] [51, 56, 49]
#   1 0.95618 [0.95625, 0.95225, 0.96005] [45, 59, 43]
#   2 0.95773 [0.95755, 0.95985, 0.9558] [60, 44, 54]
#   3 0.95562 [0.9557, 0.9584, 0.95275] [49, 49, 58]
#   4 0.95407 [0.95415, 0.95095, 0.9571] [53, 51, 38]
#   5 0.95500 [0.9488, 0.9607, 0.9555] [50, 57, 45]
#   6 0.95767 [0.95635, 0.95805, 0.9586] [41, 47, 49]
#   7 0.95580 [0.95845, 0.9584, 0.95055] [40, 54, 58]
#   8 0.95692 [0.95895, 0.9557, 0.9561] [51, 52, 53]
#   9 0.95522 [0.9535, 0.95915, 0.953] [46, 44, 63]
#   42 0.95913 [0.9583, 0.96045, 0.95865] [47, 55, 45] (= reference-results.jsonl W3)
#   mean over the 11 seeds 0.9564257575757577, population std 0.0014
#
#   /usr/bin/python3 tests/engine/reference/sgd-fmnist-seeds.py [SEED ...]

import gzip
import sys
import time
import warnings

import numpy as np
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import StratifiedKFold

warnings.simplefilter("ignore")
d = "/usr/share/datasets/fashion-mnist/"
with gzip.open(d + "train-images-idx3-ubyte.gz") as f:
    X = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784) / 255.0
with gzip.open(d + "train-labels-idx1-ubyte.gz") as f:
    y = np.frombuffer(f.read(), np.uint8, offset=8) == 0
for seed in [int(s) for s in sys.argv[1:]] or [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 42]:
    accs, its, ts = [], [], []
    for tr, te in StratifiedKFold(3).split(X, y):
        m = SGDClassifier(random_state=seed)
        t = time.perf_counter()
        m.fit(X[tr], y[tr])
        ts.append(time.perf_counter() - t)
        accs.append((m.predict(X[te]) == y[te]).mean())
        its.append(m.n_iter_)
    print(seed, np.mean(accs), accs, its, np.round(ts, 2), flush=True)
