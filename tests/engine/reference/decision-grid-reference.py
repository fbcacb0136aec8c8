#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference numbers for tests/engine/test-decision-grid.c (scikit-learn 1.2.1):
# the book's moons (make_moons(100, noise=0.15, random_state=42), the shared
# w5_moons csv), a 50 x 50 grid over each feature's range +- 10 % of its span,
# KNeighborsClassifier(5) and LogisticRegression() predictions over it.
#   /usr/bin/python3 tests/engine/reference/decision-grid-reference.py
import os
import numpy as np, pandas as pd
from sklearn.neighbors import KNeighborsClassifier
from sklearn.linear_model import LogisticRegression

here = os.path.dirname(os.path.abspath(__file__))
d = pd.read_csv(os.path.join(here, "..", "..", "..", "..", "shared", "reference", "data",
                             "w5_moons_n100_noise0.15_rs42.csv"))
X = d[["x1", "x2"]].values
y = d["y"].values
lo, hi = X.min(0), X.max(0)
span = hi - lo
x0, y0 = lo - 0.1 * span
x1, y1 = hi + 0.1 * span
print("range", repr(x0), repr(x1), repr(y0), repr(y1))
xs = np.linspace(x0, x1, 50)
ys = np.linspace(y0, y1, 50)
gx, gy = np.meshgrid(xs, ys)          # row j = y, column i = x
G = np.c_[gx.ravel(), gy.ravel()]
knn = KNeighborsClassifier(5).fit(X, y)
pk = knn.predict(G)
print("knn class-1 cells", int(pk.sum()), "row 0:", "".join(map(str, pk[:50])))
print("knn row 25:", "".join(map(str, pk[25 * 50:26 * 50])))
lr = LogisticRegression().fit(X, y)
dl = lr.decision_function(G)
print("logistic class-1 cells", int((dl > 0).sum()))
for (j, i) in [(0, 0), (0, 49), (49, 0), (49, 49), (25, 25)]:
    print("logistic decision at row", j, "col", i, repr(dl[j * 50 + i]))
