#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# prep-reference.py: the scikit-learn 1.2.1 numbers the preprocessing tests
# (tests/engine/test-{simple-imputer,standard-scaler,min-max-scaler,
# one-hot-encoder,ordinal-encoder,polynomial-features}.c) compare with.
# Run with Debian's python:  /usr/bin/python3 tests/engine/reference/prep-reference.py
# Every printed line is "case: value" with repr() floats (round-trip exact).
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import (MinMaxScaler, OneHotEncoder, OrdinalEncoder,
                                   PolynomialFeatures, StandardScaler)

warnings.simplefilter("ignore")
nan = np.nan
print("sklearn", sklearn.__version__, "numpy", np.__version__)


def show(name, value):
    if isinstance(value, np.ndarray):
        value = value.tolist()
    print(f"{name}: {value!r}")


# --- SimpleImputer: 6 rows, column 0 has 4 values (even count: median = mean of
# the middle two), column 1 has 5 (odd), column 2 has a tie for most_frequent,
# column 3 is empty (dropped unless keep_empty_features) ---
X_imp = np.array([[1.0, nan, 3.0, nan],
                  [2.5, 5.0, nan, nan],
                  [nan, 7.0, 3.0, nan],
                  [10.0, 6.0, 4.0, nan],
                  [nan, 0.5, 4.0, nan],
                  [4.0, 6.0, -1.0, nan]])
for strategy in ["mean", "median", "most_frequent", "constant"]:
    imp = SimpleImputer(strategy=strategy).fit(X_imp)
    show(f"imputer {strategy} statistics_", imp.statistics_)
    show(f"imputer {strategy} transform", imp.transform(X_imp))
imp = SimpleImputer(strategy="constant", fill_value=-2.5).fit(X_imp)
show("imputer constant -2.5 transform", imp.transform(X_imp))
imp = SimpleImputer(strategy="median", keep_empty_features=True).fit(X_imp)
show("imputer median keep_empty statistics_", imp.statistics_)
show("imputer median keep_empty transform", imp.transform(X_imp))
imp = SimpleImputer(strategy="mean", add_indicator=True).fit(X_imp)
show("imputer mean add_indicator names", imp.get_feature_names_out(["a", "b", "c", "d"]))
show("imputer mean add_indicator transform", imp.transform(X_imp))
show("imputer mean add_indicator transform new",
     imp.transform(np.array([[nan, 1.0, nan, 2.0], [3.0, nan, 1.0, nan]])))
# text column, most_frequent tie -> the smallest ("a")
Xs = np.array([["b"], [None], ["a"], ["b"], ["a"]], dtype=object)
imp = SimpleImputer(strategy="most_frequent", missing_values=None).fit(Xs)
show("imputer text most_frequent", imp.transform(Xs).ravel())
imp = SimpleImputer(strategy="constant", missing_values=None).fit(Xs)
show("imputer text constant", imp.transform(Xs).ravel())

# --- StandardScaler ---
X_sc = np.array([[1.0, 5.0, 2.0, 0.1],
                 [2.0, 5.0, nan, 0.1],
                 [4.0, 5.0, 7.0, 0.1],
                 [10.0, 5.0, -1.0, 0.1],
                 [-3.5, 5.0, 0.25, 0.1]])
s = StandardScaler().fit(X_sc)
show("scaler mean_", s.mean_)
show("scaler var_", s.var_)
show("scaler scale_", s.scale_)
show("scaler n_samples_seen_", s.n_samples_seen_)
show("scaler transform", s.transform(X_sc))
show("scaler with_mean=False transform", StandardScaler(with_mean=False).fit(X_sc).transform(X_sc))
show("scaler with_std=False transform", StandardScaler(with_std=False).fit(X_sc).transform(X_sc))
show("scaler transform new", s.transform(np.array([[0.0, 6.0, 1.0, 0.2]])))

# --- MinMaxScaler ---
X_mm = np.array([[1.0, 5.0, 2.0],
                 [2.0, 5.0, nan],
                 [4.0, 5.0, 7.0],
                 [10.0, 5.0, -1.0]])
m = MinMaxScaler().fit(X_mm)
show("minmax data_min_", m.data_min_)
show("minmax data_max_", m.data_max_)
show("minmax scale_", m.scale_)
show("minmax min_", m.min_)
show("minmax transform", m.transform(X_mm))
m = MinMaxScaler(feature_range=(-1, 3)).fit(X_mm)
show("minmax (-1,3) scale_", m.scale_)
show("minmax (-1,3) min_", m.min_)
show("minmax (-1,3) transform", m.transform(X_mm))
show("minmax (-1,3) transform new", m.transform(np.array([[20.0, 6.0, 3.0]])))
m = MinMaxScaler(feature_range=(-1, 3), clip=True).fit(X_mm)
show("minmax (-1,3) clip transform new", m.transform(np.array([[20.0, 6.0, 3.0], [-5.0, 0.0, -9.0]])))

# --- OneHotEncoder / OrdinalEncoder ---
df = pd.DataFrame({"ocean": ["NEAR BAY", "<1H OCEAN", "INLAND", "NEAR BAY", "ISLAND"],
                   "n": [3.0, 1.0, 2.5, 1.0, 3.0]})
e = OneHotEncoder(sparse_output=False).fit(df)
show("onehot categories_", [c.tolist() for c in e.categories_])
show("onehot names", e.get_feature_names_out())
show("onehot transform", e.transform(df))
e = OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit(df)
show("onehot ignore transform unknown",
     e.transform(pd.DataFrame({"ocean": ["X", "INLAND"], "n": [2.5, 7.0]})))
e = OneHotEncoder(sparse_output=False, drop="first").fit(df)
show("onehot drop=first names", e.get_feature_names_out())
show("onehot drop=first transform", e.transform(df))
e = OneHotEncoder(sparse_output=False, drop="if_binary").fit(
    pd.DataFrame({"b": ["y", "n", "y"], "c": ["p", "q", "r"]}))
show("onehot drop=if_binary names", e.get_feature_names_out())
Xn = np.array([[1.0], [nan], [0.5], [1.0]])
e = OneHotEncoder(sparse_output=False).fit(Xn)
show("onehot nan categories_", [c.tolist() for c in e.categories_])
show("onehot nan transform", e.transform(Xn))
o = OrdinalEncoder().fit(df)
show("ordinal transform", o.transform(df))
o = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(df)
show("ordinal unknown transform", o.transform(pd.DataFrame({"ocean": ["X"], "n": [7.0]})))
o = OrdinalEncoder().fit(Xn)
show("ordinal nan transform", o.transform(Xn))

# --- PolynomialFeatures ---
X_p = np.array([[2.0, 3.0, 5.0], [-1.0, 0.5, 4.0], [0.1, 0.7, -0.3]])
for kw in [dict(), dict(degree=3), dict(interaction_only=True), dict(include_bias=False),
           dict(degree=3, interaction_only=True, include_bias=False), dict(degree=0)]:
    p = PolynomialFeatures(**kw).fit(X_p)
    show(f"poly {kw} names", p.get_feature_names_out(["a", "b", "c"]))
    show(f"poly {kw} transform", p.transform(X_p))

# --- FunctionTransformer (numpy's element-wise functions) ---
x_f = np.array([0.5, 1.0, 2.5, 1e-10, 300.0])
for f in ["log", "log1p", "log2", "log10", "exp", "expm1", "sqrt", "square", "reciprocal"]:
    show(f"function {f}", getattr(np, f)(x_f))

# --- the book's combined attributes on three housing-like rows ---
rooms = np.array([880.0, 7099.0, 1467.0])
bedrooms = np.array([129.0, 1106.0, nan])
households = np.array([126.0, 1138.0, 0.0])
population = np.array([322.0, 2401.0, 496.0])
show("combined rooms_per_household", rooms / households)
show("combined bedrooms_per_room", bedrooms / rooms)
show("combined population_per_household", population / households)
