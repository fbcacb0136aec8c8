#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# compare-trees.sh: Learnbench's random forest side by side with scikit-learn
# 1.2.1 (n_jobs=2) on the book's prepared housing training set (the chapter 2
# pipeline applied by scikit-learn to the reference training rows, written to
# a CSV both peers read):
#   1. RandomForestRegressor(n_estimators=100, random_state=42) fit;
#   2. its 10-fold CV (KFold, not shuffled): 1000 trees;
#   3. the book's grid search: GridSearchCV(RandomForestRegressor(random_state=42),
#      n_estimators [3, 10, 30] x max_features [2, 4, 6, 8] + bootstrap False x
#      n_estimators [3, 10] x max_features [2, 3, 4], cv=5, neg MSE, refit) —
#      90 fits + the refit.
# scikit-learn is timed with time.perf_counter() in a warm process (data read
# once, untimed); Learnbench's fit and CV with `learnbench bench fit` (warm,
# the same project `learnbench run` runs), its grid search as the wall time of
# `learnbench run --json` on a project holding only the search (loading the
# prepared CSV, ~0.1 s, included). Fit times: median of REPEAT runs; CV and
# grid: median of CV_REPEAT runs. Both peers use 2 threads. Ratios > 1 mean
# Learnbench is faster.
#
# Usage: bench/compare-trees.sh [LEARNBENCH_BINARY]   (or `ninja -C BUILD bench-trees`)
# Environment: LEARNBENCH_TEST_DATA (default ../shared/datasets beside the
# source tree), REPEAT (default 3), CV_REPEAT (default 1), ONLY (fit | cv | grid).
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
  echo "compare-trees: no learnbench binary; build first or pass its path" >&2
  exit 1
fi
python=/usr/bin/python3  # Debian's, with python3-sklearn
if ! "$python" -c 'import sklearn, pandas' 2>/dev/null; then
  echo "compare-trees: scikit-learn is missing; install it with: sudo apt-get install python3-sklearn python3-pandas" >&2
  exit 1
fi
repeat=${REPEAT:-3}
cv_repeat=${CV_REPEAT:-1}
only=${ONLY:-}
datasets=${LEARNBENCH_TEST_DATA:-$top/../shared/datasets}
reference=$datasets/../reference
if [ ! -f "$datasets/housing/housing.csv" ] || [ ! -f "$reference/splits/housing_train_idx.txt" ]; then
  echo "compare-trees: housing.csv or the reference split is absent (set LEARNBENCH_TEST_DATA)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
results=$work/results.txt
: > "$results"
record() { echo "$1|$2|$3|$4" >> "$results"; }
want() { [ -z "$only" ] || [ "$only" = "$1" ]; }

# --- scikit-learn: prepare (untimed), write the CSV, time the three workloads ---
echo "compare-trees: scikit-learn (n_jobs=2) …" >&2
"$python" - "$datasets/housing/housing.csv" "$reference/splits/housing_train_idx.txt" \
  "$work/housing_prepared.csv" "$repeat" "$cv_repeat" "$only" > "$work/sk.txt" <<'EOF'
import sys, time, statistics
import numpy as np, pandas as pd
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler, OneHotEncoder, FunctionTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import cross_val_score, GridSearchCV
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
repeat, cv_repeat, only = int(sys.argv[4]), int(sys.argv[5]), sys.argv[6] if len(sys.argv) > 6 else ""
rmse = lambda s: np.sqrt(-s)
if only in ("", "fit"):
    fit = []
    for _ in range(repeat):
        t = time.perf_counter(); m = RandomForestRegressor(n_estimators=100, random_state=42, n_jobs=2).fit(X, y)
        fit.append(time.perf_counter() - t)
    print("fit", statistics.median(fit), "train RMSE %.1f" % np.sqrt(np.mean((m.predict(X) - y) ** 2)))
if only in ("", "cv"):
    cv = []
    for _ in range(cv_repeat):
        t = time.perf_counter()
        s = cross_val_score(RandomForestRegressor(n_estimators=100, random_state=42, n_jobs=2), X, y,
                            scoring="neg_mean_squared_error", cv=10)
        cv.append(time.perf_counter() - t)
    print("cv", statistics.median(cv), "mean fold RMSE %.1f" % rmse(s).mean())
if only in ("", "grid"):
    grid = [{"n_estimators": [3, 10, 30], "max_features": [2, 4, 6, 8]},
            {"bootstrap": [False], "n_estimators": [3, 10], "max_features": [2, 3, 4]}]
    times = []
    for _ in range(cv_repeat):
        t = time.perf_counter()
        gs = GridSearchCV(RandomForestRegressor(random_state=42), grid, cv=5,
                          scoring="neg_mean_squared_error", n_jobs=2).fit(X, y)
        times.append(time.perf_counter() - t)
    bp = gs.best_params_
    print("grid", statistics.median(times), "best %s RMSE %.1f" % (
        ",".join("%s=%s" % (k, bp[k]) for k in sorted(bp)), np.sqrt(-gs.best_score_)))
EOF

# --- Learnbench ---
cat > "$work/forest.json" <<EOF
{ "format": "learnbench-project", "version": 1, "name": "bench: forest on prepared housing", "seed": 42,
  "data": { "path": "$work/housing_prepared.csv" }, "target": "y",
  "models": [ { "name": "forest_reg", "estimator": "RandomForestRegressor",
                "params": { "n_estimators": 100, "random_state": 42 } } ],
  "evaluation": { "scoring": "rmse", "cv": 10, "train_score": true } }
EOF
cat > "$work/grid.json" <<EOF
{ "format": "learnbench-project", "version": 1, "name": "bench: the book's forest grid", "seed": 42,
  "data": { "path": "$work/housing_prepared.csv" }, "target": "y",
  "models": [ { "name": "forest_reg", "estimator": "RandomForestRegressor", "params": { "random_state": 42 } } ],
  "evaluation": { "scoring": "rmse", "train_score": false },
  "search": { "model": "forest_reg", "kind": "grid",
              "grid": [ { "n_estimators": [3, 10, 30], "max_features": [2, 4, 6, 8] },
                        { "bootstrap": [false], "n_estimators": [3, 10], "max_features": [2, 3, 4] } ],
              "cv": 5, "scoring": "neg_mean_squared_error", "refit": true } }
EOF
while read -r what seconds score; do
  case $what in
    fit) record "RandomForestRegressor(100) fit (housing 16512x16)" sklearn "$seconds" "$score" ;;
    cv) record "RandomForestRegressor(100) 10-fold CV (1000 trees)" sklearn "$seconds" "$score" ;;
    grid) record "GridSearchCV forest, 18 candidates x 5 folds + refit" sklearn "$seconds" "$score" ;;
  esac
done < "$work/sk.txt"

if want fit || want cv; then
  echo "compare-trees: learnbench bench fit …" >&2
  n=$repeat
  want fit || n=$cv_repeat
  "$exe" bench fit "$work/forest.json" --repeat "$n" --json > "$work/bench.json"
  set -- $("$python" -c '
import json, sys
m = json.load(open(sys.argv[1]))["models"][0]
print(m["fit_seconds"], m["cv_seconds"], m["train_score"], m["cv_mean"])' "$work/bench.json")
  want fit && record "RandomForestRegressor(100) fit (housing 16512x16)" learnbench "$1" "$(printf 'train RMSE %.1f' "$3")"
  want cv && record "RandomForestRegressor(100) 10-fold CV (1000 trees)" learnbench "$2" "$(printf 'mean fold RMSE %.1f' "$4")"
fi
if want grid; then
  echo "compare-trees: learnbench run (grid search) …" >&2
  : > "$work/grid-times.txt"
  i=0
  while [ "$i" -lt "$cv_repeat" ]; do
    start=$("$python" -c 'import time; print(time.perf_counter())')
    "$exe" run "$work/grid.json" --json --quiet > "$work/grid-out.json"
    "$python" - "$start" "$work/grid-out.json" >> "$work/grid-times.txt" <<'EOF'
import json, sys, time, math
elapsed = time.perf_counter() - float(sys.argv[1])
m = [m for m in json.load(open(sys.argv[2]))["models"] if m.get("best_params")][0]
bp = m["best_params"]
print(elapsed, "best %s RMSE %.1f" % (",".join("%s=%s" % (k, bp[k]) for k in sorted(bp)
                                               if k in ("n_estimators", "max_features", "bootstrap")),
                                      math.sqrt(-m["best_score"])))
EOF
    i=$((i + 1))
  done
  set -- $(sort -n "$work/grid-times.txt" | sed -n "$(( (cv_repeat + 1) / 2 ))p")
  t=$1; shift
  record "GridSearchCV forest, 18 candidates x 5 folds + refit" learnbench "$t" "$*"
fi

# --- the table ---
"$python" - "$results" <<'EOF'
import sys
rows = [line.rstrip("\n").split("|") for line in open(sys.argv[1]) if line.strip()]
by = {}
for workload, peer, seconds, score in rows:
    by.setdefault(workload, {})[peer] = (float(seconds), score)
print("| workload | scikit-learn 1.2.1 (n_jobs=2) | learnbench (2 threads) | speed-up |")
print("|---|---|---|---|")
for workload, peers in by.items():
    sk = peers.get("sklearn"); lb = peers.get("learnbench")
    fmt = lambda p: "%.4g s (%s)" % p if p else "–"
    ratio = "%.2f×" % (sk[0] / lb[0]) if sk and lb and lb[0] > 0 else "–"
    print("| %s | %s | %s | %s |" % (workload, fmt(sk), fmt(lb), ratio))
EOF
