# SPDX-License-Identifier: GPL-3.0-or-later
# The numbers of tests/ui/test-shortlist-page.c's generated data set:
# 200 rows, x1 = i / 10, x2 = (7 i) mod 13, c = "a"/"b"/"c" (i mod 3),
# y = 3 x1 - 2 x2 + 5 sin(i) + {a: 0, b: 10, c: -5}[c]; no test set;
# StandardScaler on (x1, x2) + OneHotEncoder on c, fitted once on every row
# (the book's way), then cross_val_score(KFold(5), un-shuffled) as RMSE.
# Run: /usr/bin/python3 tests/ui/reference/shortlist.py
import math
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.model_selection import KFold, cross_val_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler
import pandas as pd

n = 200
cats = ["a", "b", "c"]
shift = {"a": 0.0, "b": 10.0, "c": -5.0}
rows = []
for i in range(n):
    x1 = i / 10
    x2 = (7 * i) % 13
    c = cats[i % 3]
    y = 3 * x1 - 2 * x2 + 5 * math.sin(i) + shift[c]
    rows.append((x1, x2, c, y))
df = pd.DataFrame(rows, columns=["x1", "x2", "c", "y"])
prep = ColumnTransformer([("num", StandardScaler(), ["x1", "x2"]), ("cat", OneHotEncoder(), ["c"])])
X = prep.fit_transform(df[["x1", "x2", "c"]])
y = df["y"].values
for name, model in [("LinearRegression", LinearRegression()), ("Ridge(alpha=1)", Ridge(alpha=1.0))]:
    scores = cross_val_score(model, X, y, cv=KFold(5), scoring="neg_root_mean_squared_error")
    model.fit(X, y)
    train = math.sqrt(np.mean((model.predict(X) - y) ** 2))
    print(name, "folds", [repr(float(s)) for s in scores], "mean", repr(float(scores.mean())),
          "std", repr(float(scores.std())), "train_rmse", repr(train))
