#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# project-search-prep.py: prints the scikit-learn 1.2.1 numbers that
# test-project-search-prep.c checks: a grid search over a preprocessing
# parameter ("prep.num.imputer.strategy") and the model's alpha on the whole
# pipeline, refitted per fold, on tests/engine/fixtures/project-small.csv:
#   /usr/bin/python3 tests/engine/reference/project-search-prep.py
import os
import numpy as np, pandas as pd
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score

here = os.path.dirname(os.path.abspath(__file__))
d = pd.read_csv(os.path.join(here, "..", "fixtures", "project-small.csv"))
y = d.pop("y").values
X = d.drop(columns=["name"])
prep = ColumnTransformer([
    ("num", Pipeline([("imputer", SimpleImputer(strategy="median")), ("scaler", StandardScaler())]), ["x1", "x2"]),
    ("cat", OneHotEncoder(handle_unknown="ignore"), ["color"])])
full = Pipeline([("prep", prep), ("ridge", Ridge())])
grid = GridSearchCV(full, {"prep__num__imputer__strategy": ["median", "mean"], "ridge__alpha": [0.1, 10.0]},
                    cv=KFold(3), scoring="neg_root_mean_squared_error").fit(X, y)
print("params", grid.cv_results_["params"])
print("mean_test_score", [repr(v) for v in grid.cv_results_["mean_test_score"]])
print("best", grid.best_params_, repr(grid.best_score_))
best = grid.best_estimator_
print("train_rmse", repr(np.sqrt(np.mean((best.predict(X) - y) ** 2))))
# the project's cross-validation of the best candidate ("prepare": "once"): the
# best preparation fitted on every training row, then 3-fold CV of the model
Xp = best.named_steps["prep"].fit_transform(X)
cv = np.sqrt(-cross_val_score(Ridge(alpha=grid.best_params_["ridge__alpha"]), Xp, y,
                              scoring="neg_mean_squared_error", cv=KFold(3)))
print("cv_once", [repr(v) for v in cv])
