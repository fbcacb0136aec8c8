#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# svm-reference.py: regenerates tests/engine/fixtures/svm-reference.json, the
# scikit-learn 1.2.1 (libsvm / liblinear inside) numbers that test-svc.c,
# test-svr.c and test-linear-svc.c compare against. Run from the source root
# with Debian's /usr/bin/python3:
#   /usr/bin/python3 tests/engine/reference/svm-reference.py
# The data sets are the book's chapter-5 generated ones (make_moons, the
# seeded quadratic / linear SVR data, scikit-learn's iris), written in full
# into the JSON so the C tests need nothing else. X is already standardised
# where the book standardises (the tests check the SVM, not the scaler).
import json

import numpy as np
from sklearn.datasets import load_iris, make_moons
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC, SVR, LinearSVC, LinearSVR

out = {}

def svc_case(name, X, y, probes, **params):
    m = SVC(**params).fit(X, y)
    case = {
        "params": params,
        "X": X.tolist(), "y": [int(v) for v in y], "probes": probes.tolist(),
        "support": m.support_.tolist(),
        "n_support": m.n_support_.tolist(),
        "intercept": m.intercept_.tolist(),
        "dual_coef": m.dual_coef_.tolist(),
        "gamma": float(m._gamma),
        "train_accuracy": float(m.score(X, y)),
        "decision_train": m.decision_function(X).tolist(),
        "decision_probes": m.decision_function(probes).tolist(),
        "predict_train": m.predict(X).tolist(),
    }
    if len(m.classes_) > 2:
        m2 = SVC(decision_function_shape="ovo", **params).fit(X, y)
        case["decision_train_ovo"] = m2.decision_function(X).tolist()
    if params.get("kernel") == "linear":
        case["coef"] = m.coef_.tolist()
    out[name] = case

# moons, as the book (W5): make_moons(100, noise=0.15, random_state=42), standardised
X, y = make_moons(n_samples=100, noise=0.15, random_state=42)
sc = StandardScaler().fit(X)
Xs = sc.transform(X)
probes = sc.transform(np.array([[0, 0], [1, 0.5], [-1, 1], [2, -0.5], [0.5, -0.25]]))
svc_case("moons_poly3_coef0_1_C5", Xs, y, probes, kernel="poly", degree=3, coef0=1, C=5)
svc_case("moons_rbf_gamma5_C0.001", Xs, y, probes, kernel="rbf", gamma=5, C=0.001)
svc_case("moons_rbf_scale_C1", Xs, y, probes, kernel="rbf", gamma="scale", C=1)
svc_case("moons_sigmoid_auto_C1", Xs, y, probes, kernel="sigmoid", gamma="auto", coef0=0.5, C=1)
svc_case("moons_linear_C10", Xs, y, probes, kernel="linear", C=10)
# class_weight="balanced" on an imbalanced subset (50 of class 0, 15 of class 1)
sub = np.r_[np.flatnonzero(y == 0), np.flatnonzero(y == 1)[:15]]
svc_case("moons_imbalanced_rbf_balanced", Xs[sub], y[sub], probes, kernel="rbf", gamma="scale", C=1,
         class_weight="balanced")
# a larger set (1000 rows): kernel rows computed up front in blocks, or through
# the LRU cache when cache_size is small (the C test runs both)
X1, y1 = make_moons(n_samples=1000, noise=0.3, random_state=42)
svc_case("moons1000_rbf_scale_C1", X1, y1, X1[:5], kernel="rbf", gamma="scale", C=1)

# iris, all four features (raw), three classes
iris = load_iris()
Xi, yi = iris.data, iris.target
probes_i = Xi[[0, 25, 50, 75, 100, 125, 149]] + 0.05
svc_case("iris_rbf_scale_C1", Xi, yi, probes_i, kernel="rbf", gamma="scale", C=1)
svc_case("iris_poly2_C0.5", Xi, yi, probes_i, kernel="poly", degree=2, gamma=0.1, coef0=1.0, C=0.5)
svc_case("iris_linear_C1", Xi, yi, probes_i, kernel="linear", C=1)

# three classes of 200 rows (pairs of 400): SVC shares each class's own kernel block between its pairs
from sklearn.datasets import make_classification
Xc, yc = make_classification(n_samples=600, n_features=6, n_informative=4, n_classes=3, random_state=0)
svc_case("classif600_3class_rbf_C1", Xc, yc, Xc[:5] + 0.1, kernel="rbf", gamma="scale", C=1)

# probability on iris (Platt scaling with libsvm's internal 5-fold CV)
m = SVC(kernel="rbf", gamma="scale", C=1, probability=True, random_state=42).fit(Xi, yi)
out["iris_rbf_probability"] = {"proba_train": m.predict_proba(Xi).tolist(),
                               "probA": m.probA_.tolist(), "probB": m.probB_.tolist()}

# SVR as the book (W5): np.random.seed(42); X = 2 rand(100,1) - 1; y = 0.2 + 0.1X + 0.5X² + randn/10
np.random.seed(42)
m_ = 100
Xq = 2 * np.random.rand(m_, 1) - 1
yq = (0.2 + 0.1 * Xq + 0.5 * Xq ** 2 + np.random.randn(m_, 1) / 10).ravel()
def svr_case(name, X, y, probes, **params):
    m = SVR(**params).fit(X, y)
    out[name] = {"params": params, "X": X.tolist(), "y": y.tolist(), "probes": probes.tolist(),
                 "support": m.support_.tolist(), "intercept": m.intercept_.tolist(),
                 "dual_coef": m.dual_coef_.tolist(), "gamma": float(m._gamma),
                 "predict_train": m.predict(X).tolist(), "predict_probes": m.predict(probes).tolist()}
pq = np.array([[0.0], [0.5], [-0.5]])
svr_case("svr_poly2_C100_eps0.1", Xq, yq, pq, kernel="poly", degree=2, C=100, epsilon=0.1, gamma="scale")
svr_case("svr_rbf_C10_eps0.05", Xq, yq, pq, kernel="rbf", C=10, epsilon=0.05, gamma="scale")

# LinearSVC, iris petal length / width, virginica, standardised (W5)
Xp = Xi[:, 2:4]
yv = (yi == 2).astype(int)
scp = StandardScaler().fit(Xp)
Xps = scp.transform(Xp)
def objective(m, X, y, loss, C, scaling=1.0):
    w = m.coef_.ravel(); b = m.intercept_[0] / scaling
    z = (2 * y - 1) * (X @ w + m.intercept_[0])
    h = np.maximum(0, 1 - z)
    return float(0.5 * (w @ w + b * b) + C * (h.sum() if loss == "hinge" else (h * h).sum()))
def lsvc_case(name, X, y, **params):
    m = LinearSVC(random_state=42, **params).fit(X, y)
    case = {"params": params, "X": X.tolist(), "y": [int(v) for v in y],
            "coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(),
            "n_iter": int(m.n_iter_), "train_accuracy": float(m.score(X, y)),
            "decision_train": m.decision_function(X).tolist()}
    if len(np.unique(y)) == 2:
        case["objective"] = objective(m, X, y, params.get("loss", "squared_hinge"), params.get("C", 1.0))
    # the minimiser, for judging agreement: the same problem solved to tol 1e-12
    t = LinearSVC(random_state=42, **dict(params, tol=1e-12, max_iter=1000000)).fit(X, y)
    case["coef_tight"] = t.coef_.tolist()
    case["intercept_tight"] = t.intercept_.tolist()
    if len(np.unique(y)) == 2:
        case["objective_tight"] = objective(t, X, y, params.get("loss", "squared_hinge"), params.get("C", 1.0))
    out[name] = case
lsvc_case("linear_svc_iris_virginica_hinge_C1", Xps, yv, C=1, loss="hinge")
lsvc_case("linear_svc_iris_virginica_sqhinge_C1", Xps, yv, C=1)
lsvc_case("linear_svc_iris_ovr_sqhinge_C1", StandardScaler().fit_transform(Xi), yi, C=1)
# W5: moons → PolynomialFeatures(3) → StandardScaler → LinearSVC(C=10, hinge); scikit-learn stops
# at max_iter=1000 unconverged (the book's ConvergenceWarning), so only the optimum is comparable
from sklearn.preprocessing import PolynomialFeatures
Xm3 = StandardScaler().fit_transform(PolynomialFeatures(3).fit_transform(X))
lsvc_case("linear_svc_moons_poly3_hinge_C10", Xm3, y, C=10, loss="hinge")

# LinearSVR (W5): np.random.seed(42); X = 2 rand(50,1); y = 4 + 3X + randn(50,1)
np.random.seed(42)
Xl = 2 * np.random.rand(50, 1)
yl = (4 + 3 * Xl + np.random.randn(50, 1)).ravel()
def lsvr_case(name, X, y, **params):
    m = LinearSVR(random_state=42, **params).fit(X, y)
    t = LinearSVR(random_state=42, **dict(params, tol=1e-12, max_iter=1000000)).fit(X, y)
    out[name] = {"params": params, "X": X.tolist(), "y": y.tolist(),
                 "coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(),
                 "coef_tight": t.coef_.tolist(), "intercept_tight": t.intercept_.tolist(),
                 "predict_train": m.predict(X).tolist()}
lsvr_case("linear_svr_eps1.5", Xl, yl, epsilon=1.5)
lsvr_case("linear_svr_sq_eps0.5_C10", Xl, yl, epsilon=0.5, C=10, loss="squared_epsilon_insensitive")

with open("tests/engine/fixtures/svm-reference.json", "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
print("wrote tests/engine/fixtures/svm-reference.json:", ", ".join(out))
