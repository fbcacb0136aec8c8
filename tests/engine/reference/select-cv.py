#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference numbers for tests/engine/test-cross-validate.c, test-search.c and
# test-curves.c (scikit-learn 1.2.1; run with Debian's /usr/bin/python3).
# The data are exact in binary floating point, so C builds the same matrix:
#   x1 = (7 i mod 13) / 4, x2 = (i^2 mod 11) / 8, x3 = (3 i mod 5) / 2,
#   y  = 1.5 x1 - 2 x2 + 0.25 x3 + ((5 i) mod 7) / 10,  i = 0 .. 36
import numpy as np
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.model_selection import (KFold, cross_validate, cross_val_predict,
                                     GridSearchCV, learning_curve, validation_curve)

n = 37
i = np.arange(n)
X = np.c_[(7 * i % 13) / 4, (i * i % 11) / 8, (3 * i % 5) / 2]
y = 1.5 * X[:, 0] - 2 * X[:, 1] + 0.25 * X[:, 2] + (5 * i % 7) / 10
np.set_printoptions(precision=17)

r = cross_validate(LinearRegression(), X, y, cv=KFold(5), scoring="neg_mean_squared_error",
                   return_train_score=True)
print("cv5 LinearRegression neg_mse test", [repr(v) for v in r["test_score"]])
print("  train", [repr(v) for v in r["train_score"]])
print("  mean", repr(r["test_score"].mean()), "std", repr(r["test_score"].std()))
r = cross_validate(LinearRegression(), X, y, cv=KFold(5), scoring="r2")
print("cv5 r2 test", [repr(v) for v in r["test_score"]])
p = cross_val_predict(LinearRegression(), X, y, cv=KFold(5))
print("cross_val_predict first/last", repr(p[0]), repr(p[17]), repr(p[36]))

g = GridSearchCV(Ridge(), {"alpha": [0.01, 0.1, 1.0, 10.0, 100.0], "fit_intercept": [True, False]},
                 cv=KFold(4), scoring="neg_mean_squared_error", return_train_score=True)
g.fit(X, y)
cr = g.cv_results_
print("grid params", cr["params"])
print("grid mean_test", [repr(v) for v in cr["mean_test_score"]])
print("grid std_test", [repr(v) for v in cr["std_test_score"]])
print("grid rank", cr["rank_test_score"].tolist())
print("grid best", g.best_params_, repr(g.best_score_), "index", g.best_index_)
print("grid best predict x=(1,1,1)", repr(g.best_estimator_.predict([[1.0, 1.0, 1.0]])[0]))
print("grid split0", [repr(v) for v in cr["split0_test_score"]])
print("grid mean_train", [repr(v) for v in cr["mean_train_score"]])

sizes, tr, te = learning_curve(LinearRegression(), X, y, cv=KFold(4),
                               train_sizes=[0.25, 0.5, 0.75, 1.0],
                               scoring="neg_root_mean_squared_error")
print("learning sizes", sizes.tolist())
print("learning train mean", [repr(v) for v in tr.mean(axis=1)])
print("learning val mean", [repr(v) for v in te.mean(axis=1)])
print("learning val std", [repr(v) for v in te.std(axis=1)])
print("learning val [1][2]", repr(te[1][2]))

tr, te = validation_curve(Ridge(), X, y, param_name="alpha", param_range=[0.1, 1.0, 10.0, 100.0],
                          cv=KFold(4), scoring="r2")
print("validation train mean", [repr(v) for v in tr.mean(axis=1)])
print("validation val mean", [repr(v) for v in te.mean(axis=1)])
print("validation val std", [repr(v) for v in te.std(axis=1)])

# Classification: iris petal length & width (tests/engine/fixtures/iris.csv),
# LogisticRegression(C=10) (lbfgs, multinomial), cv=5 = StratifiedKFold(5).
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, StratifiedKFold
iris = load_iris()
Xi = iris.data[:, 2:4]
yi = iris.target
print("iris cv5 accuracy", [repr(v) for v in cross_val_score(LogisticRegression(C=10), Xi, yi, cv=5)])
folds = np.empty(150, int)
for f, (_, te) in enumerate(StratifiedKFold(5).split(Xi, yi)):
    folds[te] = f
print("iris StratifiedKFold(5) fold of rows 0, 10, 49, 50, 149", folds[[0, 10, 49, 50, 149]].tolist())
pp = cross_val_predict(LogisticRegression(C=10), Xi, yi, cv=5, method="predict_proba")
print("iris cross_val_predict proba rows 0, 70, 133", [repr(v) for v in pp[[0, 70, 133]].ravel()])
print("iris roc_auc_ovr cv5", [repr(v) for v in cross_val_score(LogisticRegression(C=10), Xi, yi, cv=5, scoring="roc_auc_ovr")])
pr = cross_val_predict(LogisticRegression(C=10), Xi, yi, cv=5)
print("iris cross_val_predict mistakes", np.nonzero(pr != yi)[0].tolist())

# A pipeline in a grid search (nested parameter names)
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import PolynomialFeatures
pipe = Pipeline([("poly", PolynomialFeatures(include_bias=False)), ("model", Ridge())])
g = GridSearchCV(pipe, {"poly__degree": [1, 2], "model__alpha": [0.1, 10.0]}, cv=KFold(3), scoring="r2")
g.fit(X, y)
print("pipeline grid params", g.cv_results_["params"])
print("pipeline grid mean_test", [repr(v) for v in g.cv_results_["mean_test_score"]])
print("pipeline grid best", g.best_params_, g.best_index_)

# Binary scorers: iris petal length & width, virginica vs rest, LogisticRegression(), cv=5
yb = (yi == 2).astype(int)
for sc in ["roc_auc", "f1", "neg_log_loss"]:
    print("iris binary", sc, [repr(v) for v in cross_val_score(LogisticRegression(), Xi, yb, cv=5, scoring=sc)])
d = cross_val_predict(LogisticRegression(), Xi, yb, cv=5, method="decision_function")
print("iris binary decision_function rows 0, 70, 149", repr(d[0]), repr(d[70]), repr(d[149]))
