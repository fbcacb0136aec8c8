#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# forest-housing-seeds.py: the across-seed spread of scikit-learn 1.2.1's
# 10-fold CV RMSE of RandomForestRegressor(n_estimators=100) on the book's
# prepared housing training set (W2 of ../shared/reference/REFERENCE.md), used
# by test-random-forest.c. Run with Debian's python (takes ~1 min per seed):
#   /usr/bin/python3 tests/engine/reference/forest-housing-seeds.py [seeds…]
# Prints per seed: the mean and population std of the 10 fold RMSEs.
import os
import sys

import numpy as np

ref = os.environ.get("LEARNBENCH_REFERENCE",
                     os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "reference"))
sys.path.insert(0, os.path.abspath(ref))
import reference  # noqa: E402
from sklearn.ensemble import RandomForestRegressor  # noqa: E402
from sklearn.model_selection import cross_val_score  # noqa: E402

H = reference.housing_prepare()
Xp = H["pipeline"].fit_transform(H["X"])
y = H["y"].values
seeds = [int(s) for s in sys.argv[1:]] or [0, 1, 2, 3]
means = []
for seed in seeds:
    s = cross_val_score(RandomForestRegressor(n_estimators=100, random_state=seed, n_jobs=2), Xp, y,
                        scoring="neg_mean_squared_error", cv=10)
    r = np.sqrt(-s)
    means.append(r.mean())
    print(f"seed {seed}: mean {r.mean():.1f} std {r.std():.1f} folds {np.round(r, 1).tolist()}", flush=True)
print(f"across seeds: mean of means {np.mean(means):.1f}, std of means {np.std(means):.1f}, "
      f"min {np.min(means):.1f}, max {np.max(means):.1f}")
