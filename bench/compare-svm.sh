#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# compare-svm.sh: kernel SVC side by side with scikit-learn 1.2.1 (Debian's
# python3-sklearn, libsvm inside), the W5 experiment of REFERENCE.md:
# SVC(kernel="rbf", C=1, gamma="scale") fitted on the first 10 000
# Fashion-MNIST training images (/255), predicting the 10 000 test images.
# Each peer runs in its own process, reads and scales the data untimed, then
# times fit() and predict() alone — wall and process CPU seconds (on a shared
# machine the CPU seconds are the steadier figure) — with test accuracy beside
# them. scikit-learn's SVC is single-threaded; Learnbench runs once per thread
# budget in THREADS (its pairs of classes are fitted in parallel). REPEAT runs
# per peer (default 1: a run takes ~30 s for scikit-learn); the minimum of
# each time is reported. Ratios > 1 mean Learnbench is faster.
#
# Usage: bench/compare-svm.sh [SVM_BENCH_BINARY]   (or `ninja -C BUILD bench-svm`)
# Environment: REPEAT (default 1), N_TRAIN (default 10000), THREADS (default "1 2").
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
exe=${1:-}
if [ -z "$exe" ]; then
  for candidate in "$top"/build/bench/svm-bench "$top"/build-*/bench/svm-bench; do
    if [ -x "$candidate" ]; then exe=$candidate; break; fi
  done
fi
if [ -z "$exe" ] || [ ! -x "$exe" ]; then
  echo "compare-svm: no svm-bench binary; build first (ninja -C BUILD bench/svm-bench) or pass its path" >&2
  exit 1
fi
python=/usr/bin/python3  # Debian's, with python3-sklearn
if ! "$python" -c 'import sklearn' 2>/dev/null; then
  echo "compare-svm: scikit-learn is missing; install it with: sudo apt-get install python3-sklearn" >&2
  exit 1
fi
fmnist=/usr/share/datasets/fashion-mnist
if [ ! -f "$fmnist/train-images-idx3-ubyte.gz" ]; then
  echo "compare-svm: Fashion-MNIST is absent (sudo apt-get install dataset-fashion-mnist)" >&2
  exit 1
fi
repeat=${REPEAT:-1}
n_train=${N_TRAIN:-10000}
threads=${THREADS:-1 2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

i=0
while [ "$i" -lt "$repeat" ]; do
  echo "compare-svm: scikit-learn run $((i + 1))/$repeat …" >&2
  "$python" - "$fmnist" "$n_train" >> "$work/sk.jsonl" <<'PYEOF'
import gzip, json, sys, time
import numpy as np
from sklearn.svm import SVC
d, n = sys.argv[1], int(sys.argv[2])
def idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)
X = idx(d + "/train-images-idx3-ubyte.gz", 16).reshape(-1, 784)[:n].astype(np.float64) / 255.0
y = idx(d + "/train-labels-idx1-ubyte.gz", 8)[:n]
Xt = idx(d + "/t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float64) / 255.0
yt = idx(d + "/t10k-labels-idx1-ubyte.gz", 8)
m = SVC(kernel="rbf", C=1, gamma="scale")
t0, c0 = time.perf_counter(), time.process_time(); m.fit(X, y)
fit, fit_cpu = time.perf_counter() - t0, time.process_time() - c0
t0, c0 = time.perf_counter(), time.process_time(); p = m.predict(Xt)
pred, pred_cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"n_train": n, "threads": 1, "fit_seconds": round(fit, 3), "predict_seconds": round(pred, 3),
                  "fit_cpu_seconds": round(fit_cpu, 3), "predict_cpu_seconds": round(pred_cpu, 3),
                  "test_accuracy": round(float((p == yt).mean()), 4), "n_support": int(m.n_support_.sum()),
                  "gamma": float(m._gamma)}))
PYEOF
  for t in $threads; do
    echo "compare-svm: learnbench ($t thread(s)) run $((i + 1))/$repeat …" >&2
    "$exe" "$n_train" "$t" >> "$work/lb.jsonl"
  done
  i=$((i + 1))
done

"$python" - "$work/sk.jsonl" "$work/lb.jsonl" <<'PYEOF'
import json, sys
sk = [json.loads(l) for l in open(sys.argv[1])]
lb = [json.loads(l) for l in open(sys.argv[2])]
def best(runs, key):
    return min(r[key] for r in runs)
print(f"SVC(rbf, C=1, gamma='scale') on {sk[0]['n_train']} Fashion-MNIST images, test on 10 000 "
      f"({len(sk)} run(s) each, minimum times)")
print(f"{'':16} {'fit s':>7} {'(cpu)':>7} {'predict s':>9} {'(cpu)':>7} {'accuracy':>8} {'n_SV':>5} {'gamma':>11}")
rows = [("scikit-learn", sk)]
for t in sorted({r["threads"] for r in lb}):
    rows.append((f"learnbench {t}T", [r for r in lb if r["threads"] == t]))
for name, runs in rows:
    r = runs[0]
    print(f"{name:16} {best(runs, 'fit_seconds'):7.2f} {best(runs, 'fit_cpu_seconds'):7.2f} "
          f"{best(runs, 'predict_seconds'):9.2f} {best(runs, 'predict_cpu_seconds'):7.2f} "
          f"{r['test_accuracy']:8.4f} {r['n_support']:5d} {r['gamma']:11.7g}")
for name, runs in rows[1:]:
    print(f"ratio {name[11:]:10} {best(sk, 'fit_seconds') / best(runs, 'fit_seconds'):7.2f} "
          f"{best(sk, 'fit_cpu_seconds') / best(runs, 'fit_cpu_seconds'):7.2f} "
          f"{best(sk, 'predict_seconds') / best(runs, 'predict_seconds'):9.2f} "
          f"{best(sk, 'predict_cpu_seconds') / best(runs, 'predict_cpu_seconds'):7.2f}"
          "   (scikit-learn / learnbench: > 1 = learnbench faster)")
PYEOF
