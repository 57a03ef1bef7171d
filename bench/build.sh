#!/usr/bin/env bash
# Build benchmark for `jingsai build`: wall time and peak RSS for 100, 1,000 and 10,000 notices.
#
#   bench/build.sh                      # all sizes, 5 timed runs per mode after one warm-up
#   SIZES="10000" RUNS=9 bench/build.sh # one size, more runs
#
# Everything it generates lives on tmpfs under $BENCH_ROOT (default /dev/shm/jingsai-bench), so the
# throttled disk is out of the measurement. See bench/README.md for what is measured and the targets.
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_ROOT=${BENCH_ROOT:-/dev/shm/jingsai-bench}
SIZES=${SIZES:-"100 1000 10000"}
RUNS=${RUNS:-5}                 # timed runs per mode (cold, rebuild), after one discarded warm-up
SEED=${SEED:-20251016}
CHARS=${CHARS:-400}             # Chinese characters per notice, about
TARGET_S=${TARGET_S:-0.45}      # for 10,000 notices
TARGET_MIB=${TARGET_MIB:-100}

case "$BENCH_ROOT" in
  /dev/shm/*) ;;
  *) echo "warning: BENCH_ROOT=$BENCH_ROOT is not on /dev/shm; disk speed will be part of the numbers" >&2 ;;
esac

# --- the measuring tool ------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time for peak RSS ..." >&2
  if command -v apt-get >/dev/null && [[ $(id -u) -eq 0 ]]; then
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; } || true
  fi
fi
USE_GNU_TIME=1
[[ -x /usr/bin/time ]] || { USE_GNU_TIME=0; echo "note: /usr/bin/time unavailable; using python3 os.wait4 for RSS" >&2; }

# --- the binary, built once ---------------------------------------------------------------------------
echo "== cargo build --release" >&2
(cd "$REPO" && cargo build --release --quiet)
mkdir -p "$BENCH_ROOT"
# A private copy, so a concurrent `cargo build` in the repo cannot swap the binary between runs.
BIN="$BENCH_ROOT/jingsai"
cp "$REPO/target/release/jingsai" "$BIN"
COMMIT=$(cd "$REPO" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(cd "$REPO" && git status --porcelain -- src templates Cargo.toml Cargo.lock 2>/dev/null | head -1)
[[ -n "$DIRTY" ]] && COMMIT="$COMMIT+dirty"

TMP=$(mktemp -d "$BENCH_ROOT/run.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# timed_build DIR OUT -> prints "wall_s peak_rss_kib cpu_s", build messages in $TMP/err
timed_build() {
  local dir=$1 out=$2 t0 t1 rss u s
  if [[ $USE_GNU_TIME == 1 ]]; then
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%M %U %S' -o "$TMP/time" "$BIN" build "$dir" --output "$out" 2>"$TMP/err" \
      || { cat "$TMP/err" >&2; echo "build failed" >&2; exit 1; }
    t1=$EPOCHREALTIME
    read -r rss u s < "$TMP/time"
    awk -v a="$t0" -v b="$t1" -v r="$rss" -v u="$u" -v s="$s" 'BEGIN { printf "%.4f %d %.2f\n", b - a, r, u + s }'
  else
    python3 - "$BIN" "$dir" "$out" "$TMP/err" <<'PY'
import os, subprocess, sys, time
binary, d, out, err = sys.argv[1:]
with open(err, "wb") as e:
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "build", d, "--output", out], stderr=e)
    _, status, ru = os.wait4(p.pid, 0)
    t1 = time.perf_counter()
if status != 0:
    sys.exit("build failed")
print(f"{t1 - t0:.4f} {ru.ru_maxrss} {ru.ru_utime + ru.ru_stime:.2f}")
PY
  fi
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -g | tail -1; }
minimum() { sort -g | head -1; }

load() { cut -d' ' -f1-3 /proc/loadavg; }

# Checks the rendered output of one notice: the link survived, soft breaks between Chinese vanished.
check_output() {
  local out=$1
  python3 - "$out" <<'PY'
import glob, re, sys
out = sys.argv[1]
pages = sorted(glob.glob(f"{out}/notices/*-notice-*.html"))
html = open(pages[0], encoding="utf-8").read()
article = html[html.index("<article"):html.index("</article>")]
problems = []
if 'href="../registration.html"' not in article: problems.append("link to ../registration.html missing")
if "<h2" not in article or "<ul>" not in article: problems.append("heading or list missing")
paragraphs = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", article, re.S)]
if len(paragraphs) < 2: problems.append("paragraphs missing")
if any(re.search(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]\s+[\u4e00-\u9fff]", p) for p in paragraphs):
    problems.append("a soft break between Chinese characters became a space")
if problems:
    sys.exit(f"output check failed for {pages[0]}: " + "; ".join(problems))
PY
}

declare -A PAGES FILES MIB COLD COLD_MIN COLD_MAX REB REB_MIN REB_MAX RSS_COLD RSS_REB CPU_COLD CPU_REB

echo "== binary $COMMIT, $(nproc) cores, load before: $(load)" >&2
for n in $SIZES; do
  dir="$BENCH_ROOT/$n"
  out="$BENCH_ROOT/$n-output"
  rm -rf "$dir" "$out"
  mkdir -p "$dir/content/notices"
  cp "$REPO/content/contest.yaml" "$dir/content/contest.yaml"
  python3 "$REPO/bench/gen_notices.py" "$n" "$dir/content/notices" --seed "$SEED" --chars "$CHARS" 2>"$TMP/gen"
  echo "== N=$n: $(cat "$TMP/gen")" >&2

  timed_build "$dir" "$out" >/dev/null          # warm-up, discarded
  check_output "$out"

  : >"$TMP/cold"
  for ((r = 1; r <= RUNS; r++)); do
    rm -rf "$out"                                # cold: empty output folder, every file written
    timed_build "$dir" "$out" >>"$TMP/cold"
  done
  grep -q " 0 unchanged" "$TMP/err" || { echo "cold build did not write every file: $(cat "$TMP/err")" >&2; exit 1; }
  : >"$TMP/reb"
  for ((r = 1; r <= RUNS; r++)); do             # rebuild: same input into the existing output
    timed_build "$dir" "$out" >>"$TMP/reb"
  done
  grep -q ": 0 written" "$TMP/err" || { echo "rebuild rewrote files: $(cat "$TMP/err")" >&2; exit 1; }

  PAGES[$n]=$(find "$out" -type f -name '*.html' | wc -l)
  FILES[$n]=$(find "$out" -type f ! -name '.jingsai-manifest' | wc -l)
  MIB[$n]=$(find "$out" -type f ! -name '.jingsai-manifest' -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1048576 }')
  COLD[$n]=$(cut -d' ' -f1 "$TMP/cold" | median)
  COLD_MIN[$n]=$(cut -d' ' -f1 "$TMP/cold" | minimum)
  COLD_MAX[$n]=$(cut -d' ' -f1 "$TMP/cold" | maximum)
  REB[$n]=$(cut -d' ' -f1 "$TMP/reb" | median)
  REB_MIN[$n]=$(cut -d' ' -f1 "$TMP/reb" | minimum)
  REB_MAX[$n]=$(cut -d' ' -f1 "$TMP/reb" | maximum)
  RSS_COLD[$n]=$(cut -d' ' -f2 "$TMP/cold" | maximum)
  RSS_REB[$n]=$(cut -d' ' -f2 "$TMP/reb" | maximum)
  CPU_COLD[$n]=$(cut -d' ' -f3 "$TMP/cold" | median)
  CPU_REB[$n]=$(cut -d' ' -f3 "$TMP/reb" | median)
  echo "   cold $(tr '\n' ' ' <"$TMP/cold" | awk '{ for (i = 1; i <= NF; i += 3) printf "%ss ", $i }')| rebuild $(awk '{ printf "%ss ", $1 }' "$TMP/reb")" >&2
done
LOAD_AFTER=$(load)

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

{
  echo
  echo "jingsai build benchmark: commit $COMMIT, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $LOAD_AFTER (1/5/15 min)"
  echo "$RUNS timed runs per mode after one warm-up; median wall time; peak RSS = max over the runs"
  echo
  echo "| notices | pages written | files | output MiB | median build s | peak RSS MiB |"
  echo "|--------:|--------------:|------:|-----------:|---------------:|-------------:|"
  for n in $SIZES; do
    peak=$(( RSS_COLD[$n] > RSS_REB[$n] ? RSS_COLD[$n] : RSS_REB[$n] ))
    printf "| %s | %s | %s | %s | %.3f | %s |\n" "$n" "${PAGES[$n]}" "${FILES[$n]}" "${MIB[$n]}" "${COLD[$n]}" "$(mib "$peak")"
  done
  echo
  echo "median build s is the cold build (empty output folder, every file written)."
  echo
  echo "| notices | cold s (min–max) | rebuild s (min–max) | CPU s cold / rebuild | RSS MiB cold / rebuild | cold s per 1000 | rebuild s per 1000 |"
  echo "|--------:|-----------------:|--------------------:|---------------------:|-----------------------:|----------------:|-------------------:|"
  for n in $SIZES; do
    printf "| %s | %.3f (%.3f–%.3f) | %.3f (%.3f–%.3f) | %s / %s | %s / %s | %.3f | %.3f |\n" "$n" \
      "${COLD[$n]}" "${COLD_MIN[$n]}" "${COLD_MAX[$n]}" "${REB[$n]}" "${REB_MIN[$n]}" "${REB_MAX[$n]}" \
      "${CPU_COLD[$n]}" "${CPU_REB[$n]}" "$(mib "${RSS_COLD[$n]}")" "$(mib "${RSS_REB[$n]}")" \
      "$(awk -v t="${COLD[$n]}" -v n="$n" 'BEGIN { print t * 1000 / n }')" \
      "$(awk -v t="${REB[$n]}" -v n="$n" 'BEGIN { print t * 1000 / n }')"
  done
  echo
  # Linearity: time per 1000 notices at the largest size against the next smaller one (the smallest size
  # is dominated by fixed start-up cost).
  read -r -a sizes <<<"$SIZES"
  if (( ${#sizes[@]} >= 2 )); then
    big=${sizes[-1]} small=${sizes[-2]}
    awk -v tb="${COLD[$big]}" -v ts="${COLD[$small]}" -v rb="${REB[$big]}" -v rs="${REB[$small]}" \
        -v nb="$big" -v ns="$small" 'BEGIN {
      c = (tb / nb) / (ts / ns); r = (rb / nb) / (rs / ns)
      printf "linearity: time per notice at %d is %.2fx (cold) and %.2fx (rebuild) that at %d; ", nb, c, r, ns
      print ((c < 1.3 && r < 1.3) ? "linear (<1.3x)" : "SUPER-LINEAR (>=1.3x): something grows faster than the notice count")
      # marginal cost between the two sizes
      printf "marginal cost: %.3f s (cold), %.3f s (rebuild) per 1000 notices between %d and %d\n",
        (tb - ts) * 1000 / (nb - ns), (rb - rs) * 1000 / (nb - ns), ns, nb
    }'
  fi
  if [[ " $SIZES " == *" 10000 "* ]]; then
    peak=$(( RSS_COLD[10000] > RSS_REB[10000] ? RSS_COLD[10000] : RSS_REB[10000] ))
    awk -v t="${COLD[10000]}" -v m="$(mib "$peak")" -v tt="$TARGET_S" -v tm="$TARGET_MIB" 'BEGIN {
      printf "target (10,000 notices < %s s and < %s MiB): %.3f s %s, %.1f MiB %s\n", tt, tm,
        t, (t < tt ? "PASS" : "FAIL"), m, (m < tm ? "PASS" : "FAIL") }'
  fi
  case "$LOAD_AFTER" in
    0.*) ;;
    *) echo "note: load average $LOAD_AFTER while measuring; other processes may have shared the cores. Re-run to confirm." ;;
  esac
} | tee "$BENCH_ROOT/results.md"
