#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# kneighbors-reference.py: scikit-learn 1.2.1 KNeighbors* and Dummy* numbers for
# test-kneighbors.c and test-dummy.c (Debian's /usr/bin/python3). The probe
# points are chosen so that no two training samples tie at the k-th place
# (scikit-learn leaves the order of exact ties unspecified).
import numpy as np
from sklearn.datasets import load_iris
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor, NearestNeighbors
from sklearn.dummy import DummyClassifier, DummyRegressor

X, y = load_iris(return_X_y=True)
def r(v):
    return ", ".join(repr(float(x)) for x in np.ravel(v))

rng = np.random.RandomState(0)
probes = []
nn = NearestNeighbors(n_neighbors=8).fit(X)
while len(probes) < 8:
    q = np.round(X[rng.randint(150)] + rng.normal(0, 0.3, 4), 1)
    d, _ = nn.kneighbors([q])
    if len(set(np.round(d[0], 12))) == 8:   # all 8 nearest at distinct distances
        probes.append(q)
probes = np.array(probes)
print("probes", r(probes))
for k, w, p in [(5, "uniform", 2), (5, "distance", 2), (3, "uniform", 1), (7, "distance", 2)]:
    m = KNeighborsClassifier(n_neighbors=k, weights=w, p=p).fit(X, y)
    print("clf", k, w, p, "pred", r(m.predict(probes)))
    print("clf", k, w, p, "proba", r(m.predict_proba(probes)))
d, i = KNeighborsClassifier(n_neighbors=5).fit(X, y).kneighbors(probes)
print("kneighbors dist", r(d))
print("kneighbors ind", r(i))
# regressor: petal width from the other three features
Xr, yr = X[:, :3], X[:, 3]
nn = NearestNeighbors(n_neighbors=8).fit(Xr)
d, _ = nn.kneighbors(probes[:, :3])
print("regressor probes distinct distances:", all(len(set(np.round(row, 12))) == 8 for row in d))
for k, w in [(3, "uniform"), (5, "distance")]:
    m = KNeighborsRegressor(n_neighbors=k, weights=w).fit(Xr, yr)
    print("reg", k, w, r(m.predict(probes[:, :3])))
# exact match: distance weights give the matching sample all the weight
m = KNeighborsRegressor(n_neighbors=5, weights="distance").fit(Xr, yr)
print("reg exact row 10", r(m.predict(Xr[[10]])), "y", yr[10])
# dummies
print("dummy reg mean/median/q0.9", r([DummyRegressor().fit(Xr, yr).predict(Xr[:1])[0],
      DummyRegressor(strategy="median").fit(Xr, yr).predict(Xr[:1])[0],
      DummyRegressor(strategy="quantile", quantile=0.9).fit(Xr, yr).predict(Xr[:1])[0]]))
yb = y[:120]   # 50 setosa, 50 versicolor, 20 virginica
m = DummyClassifier().fit(X[:120], yb)
print("dummy clf prior proba", r(m.predict_proba(X[:1])), "pred", m.predict(X[:1]))
print("dummy accuracy", m.score(X[:120], yb))
