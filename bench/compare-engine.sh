#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# compare-engine.sh: the engine side by side with scikit-learn 1.2.1 (Debian's
# python3-sklearn), same data, same settings, each peer in its own process:
#   1. LinearRegression fit, and 10-fold CV (KFold, not shuffled), on the
#      prepared housing matrix (the chapter 2 pipeline applied by scikit-learn
#      to the reference training rows, written to a CSV both peers read);
#   2. SGDClassifier, binary "T-shirt/top or not", 3-fold stratified CV on the
#      60 000 Fashion-MNIST training images scaled by MinMaxScaler;
#   3. LogisticRegression (multinomial, lbfgs, C=1, max_iter=100) fitted on the
#      same 60 000 images; training accuracy.
# Both peers are timed alike: the data is read and prepared once, untimed, then
# the model's fit and its cross-validation are timed in that warm process —
# scikit-learn with time.perf_counter() around fit() / cross_val_score(),
# Learnbench with `learnbench bench fit PROJECT` (the same project
# `learnbench run` runs; its scores are printed beside the times). Housing
# timings are the median of REPEAT runs on each side; Fashion-MNIST's are one
# run each. Ratios > 1 mean Learnbench is faster.
#
# Usage: bench/compare-engine.sh [LEARNBENCH_BINARY]   (or `ninja -C BUILD bench-engine`)
# Environment: LEARNBENCH_TEST_DATA (the book's data sets; default
# ../shared/datasets beside the source tree), REPEAT (default 5), ONLY
# (housing | sgd | softmax: run one workload).
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
  echo "compare-engine: no learnbench binary; build first or pass its path" >&2
  exit 1
fi
python=/usr/bin/python3  # Debian's, with python3-sklearn (a pyenv python3 on PATH lacks it)
if ! "$python" -c 'import sklearn, pandas' 2>/dev/null; then
  echo "compare-engine: scikit-learn is missing; install it with: sudo apt-get install python3-sklearn python3-pandas" >&2
  exit 1
fi
repeat=${REPEAT:-5}
only=${ONLY:-}
datasets=${LEARNBENCH_TEST_DATA:-$top/../shared/datasets}
reference=$datasets/../reference
fmnist=/usr/share/datasets/fashion-mnist
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
results=$work/results.txt
: > "$results"

# One line per measurement: workload|peer|seconds|score
record() { echo "$1|$2|$3|$4" >> "$results"; }

# `learnbench bench fit` on a project: prints "FIT_SECONDS CV_SECONDS SCORE"
# (medians of $2 runs; SCORE = the CV mean, or the train score without CV).
learnbench_bench() {
  "$exe" bench fit "$1" --repeat "$2" --json > "$work/bench.json"
  "$python" - "$work/bench.json" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))["models"][0]
score = m["cv_mean"] if m["cv_mean"] is not None else m["train_score"]
print(m["fit_seconds"], m["cv_seconds"], score)
EOF
}

# --- 1. LinearRegression on the prepared housing data ---
if [ -z "$only" ] || [ "$only" = housing ]; then
  if [ -f "$datasets/housing/housing.csv" ] && [ -f "$reference/splits/housing_train_idx.txt" ]; then
    echo "compare-engine: housing (LinearRegression fit + 10-fold CV) …" >&2
    "$python" - "$datasets/housing/housing.csv" "$reference/splits/housing_train_idx.txt" \
      "$work/housing_prepared.csv" "$repeat" > "$work/sk-housing.txt" <<'EOF'
import sys, time, statistics
import numpy as np, pandas as pd
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler, OneHotEncoder, FunctionTransformer
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import cross_val_score
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
fit, cv = [], []
for _ in range(int(sys.argv[4])):
    t = time.perf_counter(); m = LinearRegression().fit(X, y); fit.append(time.perf_counter() - t)
    t = time.perf_counter(); s = cross_val_score(LinearRegression(), X, y, scoring="neg_mean_squared_error", cv=10)
    cv.append(time.perf_counter() - t)
rmse = np.sqrt(np.mean((m.predict(X) - y) ** 2))
print(statistics.median(fit), rmse)
print(statistics.median(cv), np.sqrt(-s).mean())
EOF
    cat > "$work/housing.json" <<EOF
{ "format": "learnbench-project", "version": 1, "name": "bench: housing prepared",
  "data": { "path": "$work/housing_prepared.csv" }, "target": "y",
  "models": [ { "name": "lin_reg", "estimator": "LinearRegression" } ],
  "evaluation": { "scoring": "rmse", "cv": 10 } }
EOF
    set -- $(sed -n 1p "$work/sk-housing.txt"); record "LinearRegression fit (housing, 16512x16)" sklearn "$1" "train RMSE $2"
    set -- $(sed -n 2p "$work/sk-housing.txt"); record "LinearRegression 10-fold CV (housing)" sklearn "$1" "mean fold RMSE $2"
    "$exe" run "$work/housing.json" --json --quiet > "$work/h.json"
    lb_train=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["models"][0]["train_score"])' "$work/h.json")
    set -- $(learnbench_bench "$work/housing.json" "$repeat")
    record "LinearRegression fit (housing, 16512x16)" learnbench "$1" "train RMSE $lb_train"
    record "LinearRegression 10-fold CV (housing)" learnbench "$2" "mean fold RMSE $3"
  else
    echo "compare-engine: housing.csv or the reference split is absent (set LEARNBENCH_TEST_DATA): skipping" >&2
  fi
fi

# --- 2 and 3. Fashion-MNIST ---
fmnist_ok=no
[ -f "$fmnist/train-images-idx3-ubyte.gz" ] && fmnist_ok=yes
if [ "$fmnist_ok" = no ] && { [ -z "$only" ] || [ "$only" = sgd ] || [ "$only" = softmax ]; }; then
  echo "compare-engine: Fashion-MNIST is absent (sudo apt-get install dataset-fashion-mnist): skipping" >&2
fi
fmnist_project() {
  # $1 name, $2 model JSON, $3 evaluation JSON
  cat <<EOF
{ "format": "learnbench-project", "version": 1, "name": "bench: $1", "seed": 42,
  "data": { "path": "$fmnist/train-images-idx3-ubyte.gz", "labels": "$fmnist/train-labels-idx1-ubyte.gz" },
  "target": "label", $4
  "pipeline": { "groups": [ { "name": "pixels", "kind": "numeric",
                              "steps": [ { "name": "scale", "estimator": "MinMaxScaler" } ] } ] },
  "models": [ $2 ], "evaluation": $3 }
EOF
}
sk_fmnist() {
  "$python" - "$fmnist" "$1" <<'EOF'
import sys, time, gzip, warnings
import numpy as np
from sklearn.exceptions import ConvergenceWarning
warnings.filterwarnings("ignore", category=ConvergenceWarning)  # both peers stop at max_iter=100
from sklearn.preprocessing import MinMaxScaler
from sklearn.linear_model import SGDClassifier, LogisticRegression
from sklearn.model_selection import cross_val_score
def idx(path, offset):
    with gzip.open(path) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)
d = sys.argv[1]
X = idx(d + "/train-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float64)
y = idx(d + "/train-labels-idx1-ubyte.gz", 8)
X = MinMaxScaler().fit_transform(X)
if sys.argv[2] == "sgd":
    t = time.perf_counter()
    s = cross_val_score(SGDClassifier(random_state=42), X, y == 0, cv=3, scoring="accuracy")
    print(time.perf_counter() - t, s.mean())
else:
    t = time.perf_counter()
    m = LogisticRegression(multi_class="multinomial", solver="lbfgs", C=1.0, max_iter=100, random_state=42).fit(X, y)
    print(time.perf_counter() - t, (m.predict(X) == y).mean())
EOF
}
if [ "$fmnist_ok" = yes ] && { [ -z "$only" ] || [ "$only" = sgd ]; }; then
  echo "compare-engine: Fashion-MNIST SGDClassifier 3-fold CV …" >&2
  fmnist_project "sgd" '{ "name": "sgd", "estimator": "SGDClassifier" }' \
    '{ "scoring": "accuracy", "cv": 3, "train_score": false }' '"positive_class": "T-shirt/top",' > "$work/sgd.json"
  set -- $(sk_fmnist sgd); record "SGDClassifier binary, 3-fold CV (FMNIST 60000x784)" sklearn "$1" "accuracy $2"
  set -- $(learnbench_bench "$work/sgd.json" 1); record "SGDClassifier binary, 3-fold CV (FMNIST 60000x784)" learnbench "$2" "accuracy $3"
fi
if [ "$fmnist_ok" = yes ] && { [ -z "$only" ] || [ "$only" = softmax ]; }; then
  echo "compare-engine: Fashion-MNIST softmax LogisticRegression fit …" >&2
  fmnist_project "softmax" '{ "name": "softmax", "estimator": "LogisticRegression", "params": { "multi_class": "multinomial", "solver": "lbfgs", "C": 1, "max_iter": 100 } }' \
    '{ "scoring": "accuracy", "train_score": true }' '' > "$work/softmax.json"
  set -- $(sk_fmnist softmax); record "LogisticRegression softmax fit (FMNIST 60000x784)" sklearn "$1" "train accuracy $2"
  set -- $(learnbench_bench "$work/softmax.json" 1); record "LogisticRegression softmax fit (FMNIST 60000x784)" learnbench "$1" "train accuracy $3"
fi

# --- the table ---
"$python" - "$results" <<'EOF'
import sys
rows = [line.rstrip("\n").split("|") for line in open(sys.argv[1]) if line.strip()]
by = {}
for workload, peer, seconds, score in rows:
    by.setdefault(workload, {})[peer] = (float(seconds), score)
print("| workload | scikit-learn 1.2.1 | learnbench | speed-up |")
print("|---|---|---|---|")
for workload, peers in by.items():
    sk = peers.get("sklearn"); lb = peers.get("learnbench")
    fmt = lambda p: "%.4g s (%s)" % p if p else "–"
    ratio = "%.2f×" % (sk[0] / lb[0]) if sk and lb and lb[0] > 0 else "–"
    print("| %s | %s | %s | %s |" % (workload, fmt(sk), fmt(lb), ratio))
EOF
