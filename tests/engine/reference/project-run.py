#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# project-run.py: writes tests/engine/fixtures/project-small.csv (24 rows, a
# seeded toy regression with a missing value, a categorical and a text column)
# and prints the scikit-learn 1.2.1 numbers test-project-run.c checks:
#   /usr/bin/python3 tests/engine/reference/project-run.py [--write-fixture]
import os, sys
import numpy as np, pandas as pd
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.model_selection import cross_val_score, GridSearchCV, KFold

here = os.path.dirname(os.path.abspath(__file__))
fixture = os.path.join(here, "..", "fixtures", "project-small.csv")
if "--write-fixture" in sys.argv:
    rng = np.random.RandomState(7)
    n = 24
    x1 = np.round(rng.uniform(0, 10, n), 3)
    x2 = np.round(rng.normal(5, 2, n), 3)
    color = rng.choice(["red", "green", "blue"], n)
    y = np.round(3 * x1 - 2 * x2 + np.where(color == "red", 4.0, 0.0) + rng.normal(0, 1, n), 3)
    x2[[3, 17]] = np.nan
    with open(fixture, "w") as f:
        f.write("name,x1,x2,color,y\n")
        for i in range(n):
            f.write("item%02d,%r,%s,%s,%r\n" % (i, x1[i], "" if np.isnan(x2[i]) else repr(x2[i]), color[i], y[i]))

d = pd.read_csv(fixture)
y = d.pop("y").values
X = d.drop(columns=["name"])
prep = ColumnTransformer([
    ("num", Pipeline([("imputer", SimpleImputer(strategy="median")), ("scaler", StandardScaler())]), ["x1", "x2"]),
    ("cat", OneHotEncoder(), ["color"])])
full = Pipeline([("prep", prep), ("model", LinearRegression())]).fit(X, y)
print("train_rmse", repr(np.sqrt(np.mean((full.predict(X) - y) ** 2))))
rows = pd.DataFrame({"x1": [2.5, 7.0], "x2": [4.0, np.nan], "color": ["red", "blue"]})
print("predictions", [repr(v) for v in full.predict(rows)])
Xp = prep.fit_transform(X)
once = np.sqrt(-cross_val_score(LinearRegression(), Xp, y, scoring="neg_mean_squared_error", cv=KFold(3)))
print("cv_once", [repr(v) for v in once])
per_fold = np.sqrt(-cross_val_score(Pipeline([("prep", prep), ("model", LinearRegression())]), X, y,
                                     scoring="neg_mean_squared_error", cv=KFold(3)))
print("cv_per_fold", [repr(v) for v in per_fold])
grid = GridSearchCV(Ridge(), {"alpha": [0.1, 1.0, 10.0]}, cv=KFold(3), scoring="neg_mean_squared_error").fit(Xp, y)
print("grid_best", grid.best_params_, repr(grid.best_score_), [repr(v) for v in grid.cv_results_["mean_test_score"]])
