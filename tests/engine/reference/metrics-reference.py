#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# metrics-reference.py: scikit-learn 1.2.1 / scipy 1.10.1 values for
# test-metrics.c (run with Debian's /usr/bin/python3). The inputs are the
# arrays written in the test; every printed number is pasted there.
import numpy as np
from scipy import stats
from sklearn import metrics as M

def r(v):
    return ", ".join(repr(float(x)) for x in np.ravel(v))

# regression
yt = np.array([3, -0.5, 2, 7, 4.2, 1.1]); yp = np.array([2.5, 0.0, 2, 8, 3.9, 1.5])
print("regression", r([M.mean_squared_error(yt, yp), M.mean_squared_error(yt, yp, squared=False),
                       M.mean_absolute_error(yt, yp), M.median_absolute_error(yt, yp),
                       M.r2_score(yt, yp), M.explained_variance_score(yt, yp)]))

# multiclass predictions
ct = np.array([0, 1, 2, 2, 1, 0, 1, 2, 0, 2, 1, 1]); cp = np.array([0, 2, 2, 2, 1, 0, 0, 2, 1, 2, 1, 0])
print("accuracy", r([M.accuracy_score(ct, cp), M.balanced_accuracy_score(ct, cp)]))
for avg in ("micro", "macro", "weighted"):
    print(avg, r([M.precision_score(ct, cp, average=avg), M.recall_score(ct, cp, average=avg),
                  M.f1_score(ct, cp, average=avg)]))
print("confusion", r(M.confusion_matrix(ct, cp)))
# a class never predicted nor present (code 3 of 4) is left out of macro averages
print("macro, 4 classes", r([M.precision_score(ct, cp, average="macro", labels=None)]))

# binary scores with ties
bt = np.array([0, 0, 1, 1, 0, 1, 1, 0, 1, 0])
bs = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.35, 0.2, 0.6, 0.7])
bp = (bs > 0.5).astype(int)
print("binary prf", r([M.precision_score(bt, bp), M.recall_score(bt, bp), M.f1_score(bt, bp)]))
fpr, tpr, thr = M.roc_curve(bt, bs)
print("roc", len(fpr), r(np.c_[fpr, tpr, thr]))
fpr, tpr, thr = M.roc_curve(bt, bs, drop_intermediate=False)
print("roc all", len(fpr))
p, rc, thr = M.precision_recall_curve(bt, bs)
print("pr", len(p), r(np.c_[p, rc, np.r_[thr, np.nan]]))
print("auc ap", r([M.roc_auc_score(bt, bs), M.average_precision_score(bt, bs)]))

# multiclass probabilities
pt = np.array([0, 1, 2, 2, 1, 0])
pp = np.array([[0.7, 0.2, 0.1], [0.1, 0.6, 0.3], [0.2, 0.2, 0.6],
               [0.0, 0.5, 0.5], [0.3, 0.3, 0.4], [0.5, 0.5, 0.0]])
print("log_loss", r([M.log_loss(pt, pp)]))
print("roc_auc_ovr", r([M.roc_auc_score(pt, pp, multi_class="ovr")]))

# Student t
for p_, df in [(0.975, 1), (0.975, 4127), (0.95, 10), (0.6, 3.5), (0.999, 2), (1e-6, 5), (0.5000001, 30)]:
    print("t.ppf", p_, df, repr(stats.t.ppf(p_, df)))
for t_, df in [(-2.5, 3), (0.3, 7.5), (12.0, 2)]:
    print("t.cdf", t_, df, repr(stats.t.cdf(t_, df)))

# the book's interval on y = i, prediction i + 3 sin(i), i = 0..19
yt = np.arange(20.0); yp = yt + 3 * np.sin(yt)
se = (yp - yt) ** 2
print("ci95", r(np.sqrt(stats.t.interval(0.95, len(se) - 1, loc=se.mean(), scale=stats.sem(se)))))

# scorers by name on a fitted pipeline: StandardScaler → LogisticRegression() on iris
from sklearn.datasets import load_iris
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import get_scorer
X, y = load_iris(return_X_y=True)
m = make_pipeline(StandardScaler(), LogisticRegression()).fit(X, y)
for s in ["accuracy", "f1_macro", "precision_weighted", "neg_log_loss", "roc_auc_ovr"]:
    print("pipeline scorer", s, repr(get_scorer(s)(m, X, y)), "n_iter", m[-1].n_iter_)
