#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# classify-reference.py: regenerates the scikit-learn 1.2.1 reference numbers
# used by test-logistic-regression.c (run with Debian's /usr/bin/python3);
# with --write-iris (from the source root) it writes tests/engine/fixtures/iris.csv.
# Each block prints the C array literal pasted into the test. "Tight" fits use
# newton-cg at tol 1e-10: lbfgs stops on scipy's relative-decrease rule (factr)
# a little before the minimiser (coefficients ~1e-4 away on iris), newton-cg
# reaches it to ~1e-9.
import sys

import numpy as np
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

X, y = load_iris(return_X_y=True)

if "--write-iris" in sys.argv:
    # tests/engine/fixtures/iris.csv: scikit-learn's copy of the iris data
    iris = load_iris()
    with open("tests/engine/fixtures/iris.csv", "w") as f:
        f.write("sepal_length,sepal_width,petal_length,petal_width,species\n")
        for x, t in zip(iris.data, iris.target):
            f.write(",".join(repr(float(v)) for v in x) + "," + iris.target_names[t] + "\n")
    sys.exit(0)

def show(name, m):
    print(f"/* {name}: n_iter {list(m.n_iter_)} */")
    print("coef", ", ".join(repr(v) for v in m.coef_.ravel()))
    print("intercept", ", ".join(repr(v) for v in m.intercept_))

# 1. all 4 features, multinomial, C=1, converged tightly (tol 1e-10)
m = LogisticRegression(multi_class="multinomial", solver="newton-cg", tol=1e-10, max_iter=1000).fit(X, y)
show("iris4 multinomial C=1 tight", m)
print("proba row 0, 50, 100", m.predict_proba(X[[0, 50, 100]]).ravel().tolist())
from scipy.special import logsumexp
W = np.c_[m.coef_, m.intercept_]
Z = X @ W[:, :4].T + W[:, 4]
print("objective", repr((logsumexp(Z, axis=1) - Z[np.arange(150), y]).sum() + 0.5 * (W[:, :4] ** 2).sum()))

# 2. all 4 features, one-vs-rest, C=0.5, tight
m = LogisticRegression(multi_class="ovr", C=0.5, solver="newton-cg", tol=1e-10, max_iter=1000).fit(X, y)
show("iris4 ovr C=0.5 tight", m)
print("proba row 0, 50, 100", m.predict_proba(X[[0, 50, 100]]).ravel().tolist())

# 3. versicolor vs virginica on petal length/width, no penalty, tight
mask = y > 0
m = LogisticRegression(penalty="none", solver="newton-cg", tol=1e-10, max_iter=1000).fit(X[mask][:, 2:], y[mask])
show("iris petal versicolor/virginica penalty=none tight", m)

# 4. binary multinomial (2 classes) on petal width, C=1, tight
t = (y == 2).astype(int)
m = LogisticRegression(multi_class="multinomial", solver="newton-cg", tol=1e-10, max_iter=1000).fit(X[:, 3:], t)
show("iris petal width virginica multinomial tight", m)
print("proba [1.7],[1.5]", m.predict_proba([[1.7], [1.5]]).ravel().tolist())

# 5. no intercept, multinomial, sepal features, C=1, tight
m = LogisticRegression(fit_intercept=False, solver="newton-cg", tol=1e-10, max_iter=1000).fit(X[:, :2], y)
show("iris sepal multinomial no intercept tight", m)

# 6. W4 (reference-results.jsonl) at scikit-learn's defaults, and tight
for tol in (1e-4, 1e-10):
    m = LogisticRegression(tol=tol, max_iter=10000, random_state=42).fit(X[:, 3:], t)
    show(f"W4 virginica petal width C=1 tol={tol}", m)
    m = LogisticRegression(multi_class="multinomial", C=10, tol=tol, max_iter=10000,
                           random_state=42).fit(X[:, 2:], y)
    show(f"W4 softmax petal C=10 tol={tol}", m)
    print("proba [5,2]", m.predict_proba([[5, 2]]).ravel().tolist())

# 7. Fashion-MNIST, first 3000 training images / 255, multinomial, C=0.01,
#    newton-cg tight: exercises the blocked, multi-threaded objective (784 features).
import gzip
d = "/usr/share/datasets/fashion-mnist/"
with gzip.open(d + "train-images-idx3-ubyte.gz") as f:
    Xf = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)[:3000] / 255.0
with gzip.open(d + "train-labels-idx1-ubyte.gz") as f:
    yf = np.frombuffer(f.read(), np.uint8, offset=8)[:3000]
m = LogisticRegression(C=0.01, solver="newton-cg", tol=1e-10, max_iter=1000).fit(Xf, yf)
print(f"/* fmnist 3000 C=0.01 newton-cg tight: n_iter {list(m.n_iter_)} */")
print("coef[:, 400:403]", ", ".join(repr(v) for v in m.coef_[:, 400:403].ravel()))
print("intercept", ", ".join(repr(v) for v in m.intercept_))
print("train accuracy", repr(m.score(Xf, yf)))
