#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# scikit-learn 1.2.1's SGDRegressor(penalty="l2", max_iter=1000, tol=1e-3) on
# the book's regularised data (W4, ch4_regularized.csv): the spread of its
# prediction at x = 1.5 and of n_iter_ over random_state 0 … 199, used by
# test-sgd-regressor.c. Output (2026-11-30): mean 1.46661, std 0.0019,
# n_iter_ 21 … 23.
#
#   /usr/bin/python3 tests/engine/reference/sgd-w4-seeds.py
import warnings

import numpy as np
import pandas as pd
from sklearn.linear_model import SGDRegressor

warnings.simplefilter("ignore")
d = pd.read_csv("/work/shared/reference/data/ch4_regularized.csv")
X, y = d[["x"]].values, d["y"].values
pred, its = [], []
for s in range(200):
    m = SGDRegressor(penalty="l2", max_iter=1000, tol=1e-3, random_state=s).fit(X, y)
    pred.append(m.predict([[1.5]])[0])
    its.append(m.n_iter_)
pred = np.array(pred)
print("mean", pred.mean(), "std", pred.std(), "n_iter", sorted(set(its)))
