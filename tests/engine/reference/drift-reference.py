# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for tests/engine/test-drift.c: the population stability
# index computed with numpy the way lb-drift.h defines it (training deciles by
# numpy's linear quantiles, a value equal to an edge in the lower bin, missing
# values as their own bin, shares floored at 1e-4).
# Run: /usr/bin/python3 tests/engine/reference/drift-reference.py
import numpy as np

EPS = 1e-4

def psi(e, a):
    e = np.maximum(e, EPS); a = np.maximum(a, EPS)
    return float(np.sum((a - e) * np.log(a / e)))

def numeric(train, new, k=10):
    t = train[~np.isnan(train)]
    edges = np.unique(np.quantile(t, np.arange(1, k) / k))
    def shares(x):
        b = np.searchsorted(edges, x[~np.isnan(x)], side='left')
        c = np.bincount(b, minlength=len(edges) + 1).astype(float)
        miss = np.isnan(x).sum()
        return c, miss
    ce, me = shares(train); ca, ma = shares(new)
    if me or ma:
        ce = np.append(ce, me); ca = np.append(ca, ma)
    e = ce / len(train); a = ca / len(new)
    return psi(e, a), 0.5 * float(np.abs(a - e).sum()), edges

def categorical(tc, nc, k):
    unseen = (nc >= k).any()
    nv = k + (1 if unseen else 0)
    def shares(c):
        c = np.where(c < 0, nv, np.minimum(c, nv - 1))
        return np.bincount(c, minlength=nv + 1).astype(float)
    e = shares(tc); a = shares(nc)
    if e[nv] == 0 and a[nv] == 0:
        e = e[:nv]; a = a[:nv]
    e /= len(tc); a /= len(nc)
    return psi(e, a), 0.5 * float(np.abs(a - e).sum())

i = np.arange(500)
train = ((i * 37) % 101) / 7.0
train[i % 50 == 0] = np.nan
j = np.arange(300)
new = ((j * 37) % 101) / 7.0 * 1.1 + 0.3
new[j % 40 == 0] = np.nan
p, tv, edges = numeric(train, new)
print("continuous psi %.17g tv %.17g" % (p, tv))
print("edges", [float("%.17g" % x) for x in edges])
# identical distributions: psi 0
print("same psi %.17g" % numeric(train, train)[0])
# discrete values (repeated deciles)
dt = (i % 4).astype(float); dn = (j % 3).astype(float)
p, tv, edges = numeric(dt, dn)
print("discrete psi %.17g tv %.17g edges %s" % (p, tv, list(edges)))
# categories: training codes i % 3; new codes (j*j) % 5 - 1 (-1 missing, 3 unseen)
tc = i % 3; nc = (j * j) % 5 - 1
nc = np.where(nc == 3, 3, nc)
p, tv = categorical(tc, nc, 3)
print("categorical psi %.17g tv %.17g" % (p, tv))
