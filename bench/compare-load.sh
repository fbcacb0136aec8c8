#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# compare-load.sh: load + describe of housing.csv and of a 1,000,000-row file
# made from it, side by side: `learnbench bench load`, pandas (read_csv, then
# describe(), timed apart) and R data.table's fread (the load alone, 2 threads).
# Each peer runs in its own process; times are medians, memory is the peak RSS
# (VmHWM) of that process. The 1M-row file follows REFERENCE.md W1: the header,
# then data line (i mod 20640) of housing.csv for i = 0 … 999 999, verbatim.
#
# Usage: bench/compare-load.sh [LEARNBENCH_BINARY]
#   (or `ninja -C BUILD bench-load`). Environment: LEARNBENCH_TEST_DATA (the
#   book's data sets; default ../shared/datasets beside the source tree),
#   REPEAT_SMALL (default 7) and REPEAT_LARGE (default 3): repetitions in one
#   process; ROUNDS (default 3): how many times the peers take turns. Times
#   shown are the median over rounds of each process's median, and the best run.
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
  echo "compare-load: no learnbench binary; build first or pass its path" >&2
  exit 1
fi
repeat_small=${REPEAT_SMALL:-7}
repeat_large=${REPEAT_LARGE:-3}
rounds=${ROUNDS:-3}
python=/usr/bin/python3  # Debian's, with python3-pandas (a pyenv python3 on PATH lacks it)

datasets=${LEARNBENCH_TEST_DATA:-$top/../shared/datasets}
housing=$datasets/housing/housing.csv
if [ ! -f "$housing" ]; then
  echo "compare-load: $housing is absent (set LEARNBENCH_TEST_DATA to the book's data sets): skipping"
  exit 0
fi

# --- peers: install when missing (as root), or say how ---
need_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "compare-load: installing $1 …" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$1" >/dev/null 2>&1 || true
  else
    echo "compare-load: $2 missing; install it with: sudo apt-get install $1" >&2
  fi
}
have_pandas() { [ -x "$python" ] && "$python" -c 'import pandas' 2>/dev/null; }
have_fread() { command -v Rscript >/dev/null && Rscript -e 'suppressMessages(library(data.table))' >/dev/null 2>&1; }
have_pandas || need_install python3-pandas "pandas (/usr/bin/python3)"
have_fread || need_install r-cran-data.table "R data.table"
use_pandas=no; have_pandas && use_pandas=yes
use_fread=no; have_fread && use_fread=yes
if [ ! -x "$python" ]; then
  echo "compare-load: $python is needed to print the table (apt-get install python3)" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/learnbench-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# --- the 1M-row file (W1) ---
awk 'NR == 1 { print; next } { line[n++] = $0 } END { for (i = 0; i < 1000000; i++) print line[i % n] }' \
  "$housing" > "$tmp/housing_1M.csv"

# --- the peers' timing programs ---
cat > "$tmp/pandas_load.py" <<'EOF'
import gc, json, statistics, sys, time
import pandas as pd

def status(key):
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith(key + ':'):
                return int(line.split()[1]) * 1024
    return 0

path, n = sys.argv[1], int(sys.argv[2])
baseline = status('VmRSS')
loads, describes, totals = [], [], []
for _ in range(n):
    t0 = time.perf_counter()
    df = pd.read_csv(path)
    t1 = time.perf_counter()
    d = df.describe()
    t2 = time.perf_counter()
    loads.append(t1 - t0); describes.append(t2 - t1); totals.append(t2 - t0)
    rows, numeric = len(df), d.shape[1]
    del df, d
    gc.collect()
print(json.dumps({"load_s": statistics.median(loads), "describe_s": statistics.median(describes),
                  "total_s": statistics.median(totals), "min_load_s": min(loads), "min_total_s": min(totals), "rows": rows, "numeric_columns": numeric,
                  "peak_rss_bytes": status('VmHWM'), "baseline_rss_bytes": baseline,
                  "version": pd.__version__}))
EOF
cat > "$tmp/fread_load.R" <<'EOF'
suppressMessages(library(data.table))
setDTthreads(2)
args <- commandArgs(TRUE)
path <- args[1]; n <- as.integer(args[2])
status <- function(key) {
  line <- grep(paste0("^", key, ":"), readLines("/proc/self/status"), value = TRUE)
  as.numeric(strsplit(trimws(sub(paste0(key, ":"), "", line)), " +")[[1]][1]) * 1024
}
baseline <- status("VmRSS")
times <- numeric(n)
for (i in seq_len(n)) {
  t0 <- Sys.time()
  dt <- fread(path, showProgress = FALSE)
  times[i] <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
  rows <- nrow(dt)
  rm(dt); invisible(gc())
}
cat(sprintf('{"load_s": %.6f, "min_load_s": %.6f, "rows": %d, "threads": %d, "peak_rss_bytes": %.0f, "baseline_rss_bytes": %.0f, "version": "%s"}\n',
            median(times), min(times), rows, getDTthreads(), status("VmHWM"), baseline,
            as.character(packageVersion("data.table"))))
EOF

# --- run ---
# The peers take turns, ROUNDS times, so a busy moment on a shared machine
# does not fall on one of them only.
run_one() {  # FILE REPEAT LABEL
  file=$1; n=$2; label=$3
  round=1
  while [ $round -le "$rounds" ]; do
    "$exe" bench load "$file" --repeat "$n" --json > "$tmp/$label.learnbench.$round.json"
    if [ $use_pandas = yes ]; then
      "$python" "$tmp/pandas_load.py" "$file" "$n" > "$tmp/$label.pandas.$round.json"
    fi
    if [ $use_fread = yes ]; then
      Rscript "$tmp/fread_load.R" "$file" "$n" > "$tmp/$label.fread.$round.json"
    fi
    round=$((round + 1))
  done
}
echo "compare-load: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); learnbench = $exe"
echo "compare-load: timing housing.csv ($rounds rounds of $repeat_small runs each) …"
run_one "$housing" "$repeat_small" small
echo "compare-load: timing housing_1M.csv ($(wc -c < "$tmp/housing_1M.csv") bytes, $rounds rounds of $repeat_large runs each) …"
run_one "$tmp/housing_1M.csv" "$repeat_large" large

"$python" - "$tmp" <<'EOF'
import json, os, statistics, sys

tmp = sys.argv[1]

def read(label, peer):
    rounds = []
    for name in sorted(os.listdir(tmp)):
        if name.startswith(f"{label}.{peer}.") and name.endswith(".json"):
            with open(os.path.join(tmp, name)) as f:
                rounds.append(json.load(f))
    if not rounds:
        return None
    merged = dict(rounds[0])
    for key in ("load_s", "describe_s", "total_s"):
        if key in merged:
            merged[key] = statistics.median(r[key] for r in rounds)
    for key in ("min_load_s", "min_total_s"):
        if key in merged:
            merged[key] = min(r[key] for r in rounds)
    # memory: the worst round
    worst = max(rounds, key=lambda r: r["peak_rss_bytes"] - min(r["baseline_rss_bytes"], r["peak_rss_bytes"]))
    merged["peak_rss_bytes"], merged["baseline_rss_bytes"] = worst["peak_rss_bytes"], worst["baseline_rss_bytes"]
    merged["rounds"] = len(rounds)
    return merged

def mb(b):
    return f"{b / 1e6:.1f}"

def secs(s):
    return "-" if s is None else f"{s:.4f}"

for label, title in (("small", "housing.csv"), ("large", "housing_1M.csv")):
    lb, pd, fr = read(label, "learnbench"), read(label, "pandas"), read(label, "fread")
    payload = lb["payload_bytes"]
    print()
    print(f"== {title}: {lb['rows']} rows x {lb['columns']} columns, {lb['file_bytes']} bytes; "
          f"numeric payload {mb(payload)} MB ({lb['rows']} x {lb['numeric_columns']} x 8); "
          f"{lb['rounds']} rounds x median of {lb['repeat']} ==")
    header = (f"{'':36}{'load s':>9}{'describe s':>12}{'total s':>9}{'best s':>9}"
              f"{'peak MB':>9}{'growth MB':>11}{'growth/payload':>16}")
    print(header)
    print("-" * len(header))
    def row(name, d, describe=True):
        growth = d["peak_rss_bytes"] - min(d["baseline_rss_bytes"], d["peak_rss_bytes"])
        best = d.get('min_total_s') if describe else d.get('min_load_s')
        print(f"{name:36}{secs(d['load_s']):>9}{secs(d.get('describe_s') if describe else None):>12}"
              f"{secs(d.get('total_s') if describe else None):>9}{secs(best):>9}{mb(d['peak_rss_bytes']):>9}"
              f"{mb(growth):>11}{growth / payload:>15.2f}x")
    row("learnbench", lb)
    if pd:
        row(f"pandas {pd['version']}", pd)
    if fr:
        row(f"data.table {fr['version']} fread ({fr['threads']} thr)", fr, describe=False)
    print()
    if pd:
        speedup = pd["total_s"] / lb["total_s"]
        best = pd["min_total_s"] / lb["min_total_s"]
        print(f"  load + describe vs pandas: {speedup:.1f}x faster (best runs: {best:.1f}x) "
              f"(goal >= 3x: {'met' if speedup >= 3 else 'NOT met'})")
    if fr:
        ratio = fr["load_s"] / lb["total_s"]
        best = fr["min_load_s"] / lb["min_total_s"]
        print(f"  load + describe vs fread's load alone: {ratio:.2f}x (best runs: {best:.2f}x) "
              f"(goal >= 1, no slower: {'met' if ratio >= 1 else 'NOT met'})")
    growth = (lb["peak_rss_bytes"] - min(lb["baseline_rss_bytes"], lb["peak_rss_bytes"])) / payload
    print(f"  memory: peak RSS {lb['peak_rss_bytes'] / payload:.2f}x the payload, "
          f"growth while loading {growth:.2f}x (goal <= 1.5x: {'met' if growth <= 1.5 else 'NOT met'})")
EOF
