#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# trees-reference.py: writes tests/engine/fixtures/trees-reference.json, the
# scikit-learn 1.2.1 reference for test-decision-tree.c. Run from the source
# root with Debian's /usr/bin/python3:
#   /usr/bin/python3 tests/engine/reference/trees-reference.py
# Each case is fitted with random_state 0..19; "deterministic" says whether
# all 20 trees were identical (then no tie between features was broken by
# scikit-learn's random feature order, and our tree must equal it, floats
# to 1e-12 relative: sums follow the sample order, which follows the feature order).
# Otherwise "stable" lists the arrays that were the same for all 20 seeds
# (ties between features that cut the samples the same way change only
# feature / threshold), "stable_nodes" the nodes whose feature and threshold
# never changed, and "stable_predict" / "stable_proba" whether the training
# predictions / probabilities did not.
import json

import numpy as np
from sklearn.datasets import load_iris, make_moons
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

iris = load_iris()
Xm, ym = make_moons(n_samples=200, noise=0.25, random_state=53)
rng = np.random.RandomState(42)
Xq = rng.rand(200, 1) - 0.5                         # the book's chapter 6 quadratic data
yq = (Xq ** 2).ravel() + 0.025 * rng.randn(200)
Xr = rng.rand(150, 3)                               # 3-feature regression
yr = np.sin(3 * Xr[:, 0]) + Xr[:, 1] ** 2 + 0.1 * rng.randn(150)

datasets = {
    "iris": (iris.data, iris.target),
    "moons": (Xm, ym),
    "quadratic": (Xq, yq),
    "sine3": (Xr, yr),
}

cases = [
    ("iris-gini", "iris", "C", {}, None),
    ("iris-entropy-depth3", "iris", "C", {"criterion": "entropy", "max_depth": 3}, None),
    ("iris-weighted", "iris", "C", {"min_samples_leaf": 2}, "w"),
    ("moons-gini", "moons", "C", {}, None),
    ("moons-leaf5", "moons", "C", {"min_samples_leaf": 5}, None),
    ("moons-maxleaf8", "moons", "C", {"max_leaf_nodes": 8}, None),
    ("moons-entropy-split10", "moons", "C", {"criterion": "entropy", "min_samples_split": 10,
                                             "min_impurity_decrease": 0.002}, None),
    ("quadratic-depth2", "quadratic", "R", {"max_depth": 2}, None),
    ("quadratic-full", "quadratic", "R", {}, None),
    ("quadratic-leaf10", "quadratic", "R", {"min_samples_leaf": 10}, None),
    ("sine3-depth4", "sine3", "R", {"max_depth": 4}, None),
    ("sine3-friedman-maxleaf12", "sine3", "R", {"criterion": "friedman_mse", "max_leaf_nodes": 12}, None),
    ("sine3-weighted", "sine3", "R", {"max_depth": 5}, "w"),
    ("moons-ccp", "moons", "C", {"ccp_alpha": 0.005}, None),
    ("moons-maxleaf20-ccp", "moons", "C", {"max_leaf_nodes": 20, "ccp_alpha": 0.003}, None),
    ("quadratic-ccp", "quadratic", "R", {"ccp_alpha": 0.00002}, None),
    ("sine3-ccp", "sine3", "R", {"ccp_alpha": 0.002}, None),
]

def tree_dict(m):
    t = m.tree_
    return {
        "left": t.children_left.tolist(), "right": t.children_right.tolist(),
        "feature": t.feature.tolist(), "threshold": t.threshold.tolist(),
        "impurity": t.impurity.tolist(), "n_samples": t.n_node_samples.tolist(),
        "weighted_n_samples": t.weighted_n_node_samples.tolist(),
        "value": t.value.reshape(t.node_count, -1).tolist(),
    }

out = {"datasets": {}, "cases": []}
for name, (X, y) in datasets.items():
    out["datasets"][name] = {"X": X.tolist(), "y": [float(v) for v in y]}
for name, ds, kind, params, weights in cases:
    X, y = datasets[ds]
    sw = (1.0 + np.arange(len(y)) % 3) if weights else None
    Model = DecisionTreeClassifier if kind == "C" else DecisionTreeRegressor
    fits = [Model(random_state=s, **params).fit(X, y, sample_weight=sw) for s in range(20)]
    dicts = [tree_dict(f) for f in fits]
    def same(a, b):
        # summation order follows the feature order, so sums differ in the last bits
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        return a.shape == b.shape and np.allclose(a, b, rtol=1e-12, atol=1e-14)
    deterministic = all(same(d[k], dicts[0][k]) for d in dicts for k in dicts[0])
    stable = [k for k in dicts[0] if all(same(d[k], dicts[0][k]) for d in dicts)]
    stable_nodes = []
    if "left" in stable:
        stable_nodes = [i for i in range(len(dicts[0]["left"]))
                        if all(d["feature"][i] == dicts[0]["feature"][i] and
                               d["threshold"][i] == dicts[0]["threshold"][i] for d in dicts)]
    preds = [f.predict(X).tolist() for f in fits]
    stable_predict = all(same(p, preds[0]) for p in preds)
    stable_proba = kind == "C" and all(same(f.predict_proba(X), fits[0].predict_proba(X)) for f in fits)
    m = fits[0]
    case = {"name": name, "dataset": ds, "classifier": kind == "C", "params": params,
            "weighted": weights is not None, "deterministic": deterministic,
            "stable": stable, "stable_nodes": stable_nodes, "stable_predict": stable_predict,
            "stable_proba": stable_proba,
            "tree": dicts[0], "max_depth": int(m.get_depth()), "n_leaves": int(m.get_n_leaves()),
            "predict": m.predict(X).tolist(),
            "feature_importances": m.feature_importances_.tolist()}
    if kind == "C":
        case["predict_proba"] = m.predict_proba(X).tolist()
    out["cases"].append(case)
    print(name, "deterministic" if deterministic else "TIES", "nodes", m.tree_.node_count,
          "stable", stable, len(stable_nodes), stable_predict, stable_proba)

# Forests: scores over seeds 0..9 (our random draws differ from numpy's, so
# ours is judged against this spread). Moons: 200 samples, noise 0.25; sine3.
from sklearn.ensemble import (ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier,
                              RandomForestRegressor)
from sklearn.model_selection import KFold, cross_val_score
forests = {}
def spread(name, values):
    forests[name] = {"mean": float(np.mean(values)), "std": float(np.std(values)),
                     "min": float(np.min(values)), "max": float(np.max(values))}
    print(name, forests[name])
spread("rfc_moons_oob", [RandomForestClassifier(100, oob_score=True, random_state=s).fit(Xm, ym).oob_score_
                         for s in range(10)])
spread("rfr_sine3_oob", [RandomForestRegressor(100, oob_score=True, random_state=s).fit(Xr, yr).oob_score_
                         for s in range(10)])
spread("etc_moons_cv5", [cross_val_score(ExtraTreesClassifier(100, random_state=s), Xm, ym, cv=KFold(5),
                                         scoring="accuracy").mean() for s in range(10)])
spread("etr_sine3_cv5", [cross_val_score(ExtraTreesRegressor(100, random_state=s), Xr, yr, cv=KFold(5),
                                         scoring="r2").mean() for s in range(10)])
spread("rfc_moons_sqrt_cv5", [cross_val_score(RandomForestClassifier(100, random_state=s), Xm, ym, cv=KFold(5),
                                              scoring="accuracy").mean() for s in range(10)])
out["forests"] = forests

with open("tests/engine/fixtures/trees-reference.json", "w") as f:
    json.dump(out, f)
