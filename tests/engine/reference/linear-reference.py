#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates tests/engine/fixtures/linear-reference.json: small deterministic
# problems (the data is stored in the file, so C and numpy read identical
# doubles) and scikit-learn 1.2.1's results on them for the linear models.
# SGD runs use shuffle=False, which makes scikit-learn's SGD deterministic, so
# our implementation must reproduce it to rounding.
#
#   /usr/bin/python3 tests/engine/reference/linear-reference.py
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import (ElasticNet, Lasso, LinearRegression,
                                  Perceptron, Ridge, SGDClassifier,
                                  SGDRegressor)

warnings.simplefilter("ignore")
assert sklearn.__version__ == "1.2.1", sklearn.__version__

i = np.arange(60)[:, None]
j = np.arange(5)[None, :]
X1 = np.sin(0.37 * i * (j + 1) ** 1.5 + j) + 0.1 * j
y1 = 1.5 + X1 @ np.array([2.0, -1.0, 0.0, 0.5, 3.0]) + 0.3 * np.cos(2.1 * i[:, 0])

i = np.arange(8)[:, None]
j = np.arange(12)[None, :]
X2 = np.cos(0.37 * i * j + 0.5 * i + 0.2 * j)
y2 = np.sin(np.arange(8) * 0.9) * 2 + 1

i = np.arange(200)[:, None]
j = np.arange(4)[None, :]
X3 = np.sin(1.1 * i * (j + 1) + 0.7 * j * j) * (1 + j)
s = X3[:, 0] + 0.5 * X3[:, 1] - 0.4 * X3[:, 2] + 0.3 * np.sin(5.3 * i[:, 0])
y3 = (s > 0).astype(float)
scores = np.stack([s, X3[:, 3] - 0.5 * X3[:, 1], -X3[:, 0] + 0.2 * X3[:, 2]], axis=1)
y3m = scores.argmax(axis=1).astype(float)

out = {"sklearn": sklearn.__version__,
       "X1": X1.tolist(), "y1": y1.tolist(),
       "X2": X2.tolist(), "y2": y2.tolist(),
       "X3": X3.tolist(), "y3": y3.tolist(), "y3m": y3m.tolist()}


def lin(m):
    return {"coef": np.ravel(m.coef_).tolist(), "intercept": np.ravel(m.intercept_).tolist(),
            "n_iter": int(np.max(getattr(m, "n_iter_", 0) or 0))}


out["linreg_X1"] = lin(LinearRegression().fit(X1, y1))
Xd = np.hstack([X1, X1[:, :1]])           # a duplicated column: rank deficient
out["linreg_dup_X1"] = lin(LinearRegression().fit(Xd, y1))
out["linreg_X2"] = lin(LinearRegression().fit(X2, y2))      # p > n: dgelsd's minimum norm
Xn = np.hstack([X1, X1[:, :1] + 1e-7 * np.cos(3.1 * np.arange(60))[:, None]])  # nearly collinear
out["X1near"] = Xn.tolist()
out["linreg_near_X1"] = lin(LinearRegression().fit(Xn, y1))
out["ridge_chol_X1"] = lin(Ridge(alpha=1.0, solver="cholesky").fit(X1, y1))
out["ridge_svd_X1"] = lin(Ridge(alpha=1.0, solver="svd").fit(X1, y1))
out["ridge_chol_X2"] = lin(Ridge(alpha=0.5, solver="cholesky").fit(X2, y2))
out["lasso_X1"] = lin(Lasso(alpha=0.05).fit(X1, y1))
out["lasso_big_X1"] = lin(Lasso(alpha=0.5).fit(X1, y1))
out["enet_X1"] = lin(ElasticNet(alpha=0.05, l1_ratio=0.3).fit(X1, y1))
out["enet_tol_X1"] = lin(ElasticNet(alpha=0.01, l1_ratio=0.7, tol=1e-6, max_iter=5000).fit(X1, y1))

sgd_reg = {
    "default": dict(),
    "huber_en_constant": dict(loss="huber", penalty="elasticnet", learning_rate="constant", eta0=0.01),
    "epsins_l1_adaptive": dict(loss="epsilon_insensitive", penalty="l1", learning_rate="adaptive", eta0=0.05, alpha=0.01),
    "sqepsins_none_optimal": dict(loss="squared_epsilon_insensitive", penalty=None, learning_rate="optimal", alpha=0.01),
}
for name, kw in sgd_reg.items():
    m = SGDRegressor(shuffle=False, max_iter=20, tol=None, **kw).fit(X1, y1)
    out["sgdreg_" + name] = lin(m)
    m = SGDRegressor(shuffle=False, **kw).fit(X1, y1)   # tol stopping
    out["sgdreg_tol_" + name] = lin(m)

# warm_start: 5 fits of one epoch each; t_ restarts at 1 every fit (invscaling)
m = SGDRegressor(shuffle=False, max_iter=1, tol=None, warm_start=True)
for _ in range(5):
    m.fit(X1, y1)
out["sgdreg_warm5"] = lin(m)

sgd_clf = {
    "hinge_l2_optimal": dict(),
    "log_en_optimal": dict(loss="log_loss", penalty="elasticnet", alpha=0.001),
    "mhuber_l1_invscaling": dict(loss="modified_huber", penalty="l1", learning_rate="invscaling", eta0=0.1),
    "sqhinge_none_constant": dict(loss="squared_hinge", penalty=None, learning_rate="constant", eta0=0.01),
}
for name, kw in sgd_clf.items():
    out["sgdclf_" + name] = lin(SGDClassifier(shuffle=False, max_iter=10, tol=None, **kw).fit(X3, y3))
    out["sgdclf_tol_" + name] = lin(SGDClassifier(shuffle=False, **kw).fit(X3, y3))
    m = SGDClassifier(shuffle=False, max_iter=10, tol=None, **kw).fit(X3, y3m)
    r = lin(m)
    if kw.get("loss") in ("log_loss", "modified_huber"):
        r["proba_first3"] = m.predict_proba(X3[:3]).ravel().tolist()
    r["predict"] = m.predict(X3).tolist()
    out["sgdclf_multi_" + name] = r
out["perceptron"] = lin(Perceptron(shuffle=False, max_iter=10, tol=None).fit(X3, y3))
out["perceptron_tol"] = lin(Perceptron(shuffle=False).fit(X3, y3))

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "linear-reference.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", os.path.normpath(path))
