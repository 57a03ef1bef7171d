#!/usr/bin/env bash
# What the PDF cache saves: `jingsai build` and `jingsai check` of the seed contest with N generated
# notices, with an empty cache, a warm cache and no cache (wall time, CPU time, peak RSS).
#
#   bench/pdfcache.sh                          # N = 1000 and 10000, 5 timed runs per mode
#   SIZES="1000" RUNS=9 bench/pdfcache.sh
#   JINGSAI_BIN=/path/to/jingsai bench/pdfcache.sh
#
# Modes, each after one discarded warm-up of its own kind:
#   build cold      empty output folder, empty cache: every file written, every PDF compiled
#   build warm      same input into the existing output, cache filled: no PDF compiled, no file written
#   build no-cache  same input into the existing output with --no-cache (what every rebuild cost before)
#   check cold      empty cache;  check warm: cache filled;  check no-cache: --no-cache
# Everything lives on tmpfs under $BENCH_ROOT (default /dev/shm/jingsai-pdfcache).
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_ROOT=${BENCH_ROOT:-/dev/shm/jingsai-pdfcache}
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
SEED=${SEED:-20251016}

mkdir -p "$BENCH_ROOT"
BIN="$BENCH_ROOT/jingsai"
# shellcheck source=bench/binary.sh
source "$REPO/bench/binary.sh"
copy_binary "$BIN"
COMMIT=$(cd "$REPO" && git rev-parse --short HEAD 2>/dev/null || echo unknown)

TMP=$(mktemp -d "$BENCH_ROOT/run.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export JINGSAI_CACHE_DIR="$TMP/pdf-cache"

# timed ARGS.. -> "wall_s peak_rss_kib cpu_s" (GNU time for the peak RSS when installed)
cat >"$TMP/run.py" <<'PY'
import os, sys, time
tmp, argv = sys.argv[1], sys.argv[2:]
gnu_time = os.access("/usr/bin/time", os.X_OK)
if gnu_time:
    argv = ["/usr/bin/time", "-f", "%M", "-o", f"{tmp}/rss"] + argv
fd = os.open(f"{tmp}/err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
t0 = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, fd, 2)])
_, status, ru = os.wait4(pid, 0)
t1 = time.perf_counter()
os.close(fd)
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit(1)
rss = int(open(f"{tmp}/rss").read().split()[-1]) if gnu_time else ru.ru_maxrss
print(f"{t1 - t0:.4f} {rss} {ru.ru_utime + ru.ru_stime:.3f}")
PY
timed() { python3 "$TMP/run.py" "$TMP" "$BIN" "$@" || { cat "$TMP/err" >&2; echo "failed: $*" >&2; exit 1; }; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -g | tail -1; }
pdf_line() { grep -E '^(PDF|PDFs)[:：]' "$TMP/err" || true; }

# measure LABEL PREPARE ARGS..: one warm-up and RUNS timed runs, PREPARE (a shell command) before each.
measure() {
  local label=$1 prepare=$2; shift 2
  eval "$prepare"; timed "$@" >/dev/null
  : >"$TMP/times"
  for ((r = 1; r <= RUNS; r++)); do eval "$prepare"; timed "$@" >>"$TMP/times"; done
  printf "| %s | %s | %.3f | %.3f | %.1f | %s |\n" "$n" "$label" \
    "$(cut -d' ' -f1 "$TMP/times" | median)" "$(cut -d' ' -f3 "$TMP/times" | median)" \
    "$(cut -d' ' -f2 "$TMP/times" | maximum | awk '{ print $1 / 1024 }')" "$(pdf_line)"
}

{
  echo "jingsai PDF cache benchmark: commit $COMMIT, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load before $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$RUNS timed runs per mode after one warm-up; median wall and CPU (user + sys) seconds, peak RSS = max"
  echo
  echo "| notices | mode | wall s | CPU s | peak RSS MiB | PDFs (last run) |"
  echo "|--------:|------|-------:|------:|-------------:|-----------------|"
  for n in $SIZES; do
    dir="$BENCH_ROOT/$n" out="$BENCH_ROOT/$n-output"
    rm -rf "$dir" "$out"
    mkdir -p "$dir/content/notices"
    cp "$REPO/content/contest.yaml" "$dir/content/contest.yaml"
    python3 "$REPO/bench/gen_notices.py" "$n" "$dir/content/notices" --seed "$SEED" 2>/dev/null
    measure "build cold" 'rm -rf "$out" "$JINGSAI_CACHE_DIR"' build "$dir" --output "$out"
    measure "build warm" ':' build "$dir" --output "$out"
    measure "build no-cache" ':' build --no-cache "$dir" --output "$out"
    measure "check cold" 'rm -rf "$JINGSAI_CACHE_DIR"' check "$dir"
    measure "check warm" ':' check "$dir"
    measure "check no-cache" ':' check --no-cache "$dir"
  done
  echo
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) on $(nproc) cores"
} | tee "$BENCH_ROOT/results.md"
