# SPDX-License-Identifier: GPL-3.0-or-later
# Reference for tests/ui/test-shortlist-page.c /learnbench/ui/ShortlistPage/housing:
# the book's chapter 2 preparation fitted on the reference split's training rows,
# then learning_curve(LinearRegression(), cv=KFold(10), default sizes) in RMSE.
# Run: /usr/bin/python3 tests/ui/reference/shortlist_housing_curve.py
import numpy as np, pandas as pd
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler, OneHotEncoder, FunctionTransformer
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import learning_curve, KFold
df = pd.read_csv("/work/shared/datasets/housing/housing.csv")
tr = np.loadtxt("/work/shared/reference/splits/housing_train_idx.txt", dtype=int)
d = df.iloc[tr]
y = d["median_house_value"].values
X = d.drop(columns=["median_house_value"])
num = [c for c in X.columns if c != "ocean_proximity"]
def add(a):
    tr_, hh, pop, tb = a[:, num.index("total_rooms")], a[:, num.index("households")], a[:, num.index("population")], a[:, num.index("total_bedrooms")]
    return np.c_[a, tr_/hh, pop/hh, tb/tr_]
prep = ColumnTransformer([("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("add", FunctionTransformer(add)), ("sc", StandardScaler())]), num), ("cat", OneHotEncoder(), ["ocean_proximity"])])
Xp = prep.fit_transform(X)
sizes, trs, vs = learning_curve(LinearRegression(), Xp, y, cv=KFold(10), scoring="neg_root_mean_squared_error", train_sizes=np.linspace(0.1,1,5))
print(sizes); print([repr(v) for v in (-vs).mean(1)]); print([repr(v) for v in (-trs).mean(1)])
