# Regenerates the scikit-learn reference numbers in tests/engine/test-pipeline.c
# and test-column-transformer.c. Run with Debian's python3 (scikit-learn 1.2.1):
#   /usr/bin/python3 tests/engine/reference/pipeline_reference.py
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

np.set_printoptions(precision=17)

# test-pipeline.c: imputer(median) → scaler → linear regression
X = np.array([[1.0, 10.0], [2.0, np.nan], [3.0, 35.0], [4.0, 41.0],
              [np.nan, 52.0], [6.0, 58.0], [7.0, 75.0]])
y = np.array([3.1, 4.9, 7.2, 8.8, 11.1, 13.0, 15.2])
Xnew = np.array([[2.5, 30.0], [np.nan, 12.0]])
pipe = Pipeline([("imputer", SimpleImputer(strategy="median")),
                 ("scaler", StandardScaler()),
                 ("model", LinearRegression())])
pipe.fit(X, y)
print("pipeline predict", repr(pipe.predict(Xnew)))
print("pipeline coef", repr(pipe.named_steps["model"].coef_), repr(pipe.named_steps["model"].intercept_))

# test-column-transformer.c: scaled numbers + one-hot category, remainder passthrough
df = pd.DataFrame({"a": [1.0, 2.0, 4.0, 8.0],
                   "b": [5.0, 3.0, 1.0, 0.5],
                   "c": pd.Categorical(["x", "y", "x", "z"]),
                   "d": [9.0, 8.0, 7.0, 6.0]})
ct = ColumnTransformer([("num", StandardScaler(), ["b", "a"]),
                        ("cat", OneHotEncoder(), ["c"])],
                       remainder="passthrough")
out = ct.fit_transform(df)
print("ct out", repr(np.asarray(out)))
print("ct names", list(ct.get_feature_names_out()))
