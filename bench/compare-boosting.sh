#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# compare-boosting.sh: XGBRegressor through Learnbench's wrapper of XGBoost's
# C API vs xgboost.XGBRegressor used directly from Python (Debian's
# python3-xgboost 1.7.4: the same libxgboost underneath), on the prepared
# housing training set (the chapter 2 pipeline applied by scikit-learn to the
# reference training rows, written to a CSV both peers read), with the same
# parameters (100 rounds, depth 6, eta 0.3, tree_method hist / 256 bins,
# random_state 42) and the same thread count (every core: n_jobs = nthread).
# Both fit in a warm process after an untimed read; medians of REPEAT fits.
# The goal is the wrapper's overhead (driving rounds one at a time, reporting
# each round's RMSE, checking Cancel) at most 5 %: the ratio printed is
# learnbench time / Python time (1.00 = no overhead), with the train RMSEs.
#
# Usage: bench/compare-boosting.sh [LEARNBENCH_BINARY]   (or `ninja -C BUILD bench-boosting`)
# Environment: LEARNBENCH_TEST_DATA (default ../shared/datasets beside the
# source tree), REPEAT (default 5), METHOD (hist | exact; default hist).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
exe=${1:-}
if [ -z "$exe" ]; then
  for candidate in "$top"/build/app/learnbench "$top"/build-*/app/learnbench; do
    if [ -x "$candidate" ]; then exe=$candidate; break; fi
  done
fi
if [ -z "$exe" ] || [ ! -x "$exe" ]; then
  echo "compare-boosting: no learnbench binary; build first or pass its path" >&2
  exit 1
fi
python=/usr/bin/python3  # Debian's, with python3-xgboost and python3-sklearn
if ! "$python" -c 'import xgboost, sklearn, pandas' 2>/dev/null; then
  echo "compare-boosting: needs python3-xgboost, python3-sklearn and python3-pandas" >&2
  exit 1
fi
repeat=${REPEAT:-5}
threads=$(nproc)  # learnbench bench fit uses every core; Python gets as many
method=${METHOD:-hist}
datasets=${LEARNBENCH_TEST_DATA:-$top/../shared/datasets}
reference=$datasets/../reference
if [ ! -f "$datasets/housing/housing.csv" ] || [ ! -f "$reference/splits/housing_train_idx.txt" ]; then
  echo "compare-boosting: housing.csv or the reference split is absent (set LEARNBENCH_TEST_DATA)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

echo "compare-boosting: XGBRegressor ($method, $threads threads) on prepared housing, Python …" >&2
"$python" - "$datasets/housing/housing.csv" "$reference/splits/housing_train_idx.txt" \
  "$work/housing_prepared.csv" "$repeat" "$threads" "$method" > "$work/py.txt" <<'EOF'
import sys, time, statistics
import numpy as np, pandas as pd
import xgboost
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler, OneHotEncoder, FunctionTransformer
housing = pd.read_csv(sys.argv[1])
train = housing.iloc[np.loadtxt(sys.argv[2], dtype=int)]
y = train.pop("median_house_value").values
num = list(train.columns[:8])
def add(X):  # the book's CombinedAttributesAdder
    return np.c_[X, X[:, 3] / X[:, 6], X[:, 5] / X[:, 6], X[:, 4] / X[:, 3]]
prep = ColumnTransformer([
    ("num", Pipeline([("imputer", SimpleImputer(strategy="median")), ("add", FunctionTransformer(add)),
                      ("scaler", StandardScaler())]), num),
    ("cat", OneHotEncoder(), ["ocean_proximity"])])
X = prep.fit_transform(train)
out = pd.DataFrame(X, columns=["f%d" % i for i in range(X.shape[1])])
out["y"] = y
out.to_csv(sys.argv[3], index=False, float_format="%.17g")
X = out.drop(columns="y").to_numpy()  # what Learnbench reads back: the same doubles
times = []
for _ in range(int(sys.argv[4])):
    m = xgboost.XGBRegressor(random_state=42, n_jobs=int(sys.argv[5]), tree_method=sys.argv[6])
    t = time.perf_counter(); m.fit(X, y); times.append(time.perf_counter() - t)
print(statistics.median(times), np.sqrt(np.mean((m.predict(X) - y) ** 2)))
EOF
cat > "$work/xgb.json" <<EOF
{ "format": "learnbench-project", "version": 1, "name": "bench: XGBRegressor on prepared housing",
  "seed": 42, "data": { "path": "$work/housing_prepared.csv" }, "target": "y",
  "models": [ { "name": "xgb", "estimator": "XGBRegressor", "params": { "tree_method": "$method" } } ],
  "evaluation": { "scoring": "rmse", "train_score": true } }
EOF
echo "compare-boosting: … Learnbench" >&2
"$exe" bench fit "$work/xgb.json" --repeat "$repeat" --json > "$work/lb.json"
"$python" - "$work/py.txt" "$work/lb.json" "$threads" "$method" "$repeat" <<'EOF'
import json, sys
py_s, py_rmse = map(float, open(sys.argv[1]).read().split())
m = json.load(open(sys.argv[2]))["models"][0]
lb_s, lb_rmse = m["fit_seconds"], m["train_score"]
print("| XGBRegressor %s, 100 rounds, %s threads, 16512x16 (median of %s) | fit s | train RMSE |"
      % (sys.argv[4], sys.argv[3], sys.argv[5]))
print("|---|---|---|")
print("| xgboost 1.7.4 from Python | %.4g | %.6g |" % (py_s, py_rmse))
print("| learnbench (C API, round by round) | %.4g | %.6g |" % (lb_s, lb_rmse))
print("overhead ratio learnbench / python = %.3f (goal <= 1.05)" % (lb_s / py_s))
EOF
