#!/usr/bin/env bash
# Build benchmark for `jingsai build`: wall time and peak RSS for 100, 1,000 and 10,000 notices.
#
#   bench/build.sh                      # all sizes, 5 timed runs per mode after one warm-up
#   SIZES="10000" RUNS=9 bench/build.sh # one size, more runs
#   JINGSAI_BIN=/path/to/jingsai bench/build.sh   # a binary built elsewhere, no cargo build
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
INDEX_BUDGET=${INDEX_BUDGET:-30}

case "$BENCH_ROOT" in
  /dev/shm/*) ;;
  *) echo "warning: BENCH_ROOT=$BENCH_ROOT is not on /dev/shm; disk speed will be part of the numbers" >&2 ;;
esac

# --- the measuring tool ------------------------------------------------------------------------------
# Peak RSS comes from GNU time (`/usr/bin/time -f %M`), installed with apt-get when missing. A small python3
# runner spawns it and waits with os.wait4, which gives wall time and CPU time (user + sys of time and the
# build, time's own share is about a millisecond) to the microsecond. Without GNU time, ru_maxrss of the
# python runner's child is used instead; its floor is then the runner's own RSS (about 10 MiB), since the
# high-water mark survives exec.
if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time for peak RSS ..." >&2
  if command -v apt-get >/dev/null && [[ $(id -u) -eq 0 ]]; then
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; } || true
  fi
  [[ -x /usr/bin/time ]] || echo "note: GNU time unavailable; peak RSS from os.wait4 (floor about 10 MiB)" >&2
fi

# --- the binary, built once ---------------------------------------------------------------------------
mkdir -p "$BENCH_ROOT"
BIN="$BENCH_ROOT/jingsai"
if [[ -n ${JINGSAI_BIN:-} ]]; then              # benchmark a binary built elsewhere (another branch)
  cp "$JINGSAI_BIN" "$BIN"
  COMMIT="$(basename "$JINGSAI_BIN") (JINGSAI_BIN)"
else
  echo "== cargo build --release" >&2
  (cd "$REPO" && cargo build --release --quiet --bin jingsai)
  # A private copy, so a concurrent `cargo build` in the repo cannot swap the binary between runs.
  TARGET_DIR=${CARGO_TARGET_DIR:-target}
  case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO/$TARGET_DIR" ;; esac
  cp "$TARGET_DIR/release/jingsai" "$BIN"
  COMMIT=$(cd "$REPO" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
  DIRTY=$(cd "$REPO" && git status --porcelain -- src templates Cargo.toml Cargo.lock 2>/dev/null | head -1)
  [[ -n "$DIRTY" ]] && COMMIT="$COMMIT+dirty"
fi

TMP=$(mktemp -d "$BENCH_ROOT/run.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# The PDF cache of the runs, on tmpfs: emptied before every cold build, kept for the rebuilds.
export JINGSAI_CACHE_DIR="$TMP/pdf-cache"

# timed_build DIR OUT -> prints "wall_s peak_rss_kib cpu_s"; the build's messages go to $TMP/err
timed_build() {
  python3 "$TMP/run.py" "$TMP" "$BIN" build "$1" --output "$2" \
    || { cat "$TMP/err" >&2; echo "build failed" >&2; exit 1; }
}
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

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -g | tail -1; }
minimum() { sort -g | head -1; }

load() { cut -d' ' -f1-3 /proc/loadavg; }

# The files of an output folder with their inode and modification time, jingsai's own bookkeeping files
# (.jingsai-manifest, .jingsai-lock) left out. Every file jingsai writes is renamed into place, so a
# rewritten file has a new inode: two equal listings mean no file was written in between.
files_of() { (cd "$1" && find . -type f ! -name '.jingsai-*' -printf '%P %i %T@\n' | sort); }
names_of() { (cd "$1" && find . -type f ! -name '.jingsai-*' -printf '%P\n' | sort); }

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
if not re.search(r"<h[2-6] id=", article) or "<ul>" not in article: problems.append("heading or list missing")
paragraphs = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", article, re.S)]
if len(paragraphs) < 2: problems.append("paragraphs missing")
if any(re.search(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]\s+[\u4e00-\u9fff]", p) for p in paragraphs):
    problems.append("a soft break between Chinese characters became a space")
if problems:
    sys.exit(f"output check failed for {pages[0]}: " + "; ".join(problems))
PY
}

declare -A INDEX PAGES FILES MIB COLD COLD_MIN COLD_MAX REB REB_MIN REB_MAX RSS_COLD RSS_REB CPU_COLD CPU_REB

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
  # The build's summary line on the search index: bytes and % of the HTML of the pages it covers.
  INDEX[$n]=$(grep -m1 '^search index ' "$TMP/err" | sed 's/^search index `search-index.js`: //' || true)
  check_output "$out"
  names_of "$out" >"$TMP/names"

  : >"$TMP/cold"
  for ((r = 1; r <= RUNS; r++)); do
    rm -rf "$out" "$JINGSAI_CACHE_DIR"          # cold: empty output folder and PDF cache, every file written
    timed_build "$dir" "$out" >>"$TMP/cold"
  done
  # Each build's exit status is checked by timed_build; the output is checked by looking at the files.
  names_of "$out" | cmp -s - "$TMP/names" || { echo "a cold build made other files than the warm-up" >&2; exit 1; }
  files_of "$out" >"$TMP/before"
  : >"$TMP/reb"
  for ((r = 1; r <= RUNS; r++)); do             # rebuild: same input into the existing output
    timed_build "$dir" "$out" >>"$TMP/reb"
  done
  files_of "$out" | cmp -s - "$TMP/before" || {
    echo "a rebuild of the same input rewrote, added or removed files:" >&2
    files_of "$out" | diff "$TMP/before" - | head -10 >&2
    exit 1
  }

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
  echo "| notices | cold s (min–max) | rebuild s (min–max) | CPU s cold / rebuild | RSS MiB cold / rebuild | cold s per 1000 | CPU s per 1000 (cold) |"
  echo "|--------:|-----------------:|--------------------:|---------------------:|-----------------------:|----------------:|----------------------:|"
  for n in $SIZES; do
    printf "| %s | %.3f (%.3f–%.3f) | %.3f (%.3f–%.3f) | %.3f / %.3f | %s / %s | %.3f | %.3f |\n" "$n" \
      "${COLD[$n]}" "${COLD_MIN[$n]}" "${COLD_MAX[$n]}" "${REB[$n]}" "${REB_MIN[$n]}" "${REB_MAX[$n]}" \
      "${CPU_COLD[$n]}" "${CPU_REB[$n]}" "$(mib "${RSS_COLD[$n]}")" "$(mib "${RSS_REB[$n]}")" \
      "$(awk -v t="${COLD[$n]}" -v n="$n" 'BEGIN { print t * 1000 / n }')" \
      "$(awk -v t="${CPU_COLD[$n]}" -v n="$n" 'BEGIN { print t * 1000 / n }')"
  done
  echo
  # Linearity: the marginal cost per 1000 notices between successive sizes (which cancels the fixed
  # start-up cost) should stay flat. CPU time is checked too: it is far less disturbed than wall time when
  # other processes share the cores.
  read -r -a sizes <<<"$SIZES"
  echo "marginal cost per 1000 notices (cold wall / rebuild wall / cold CPU):"
  for ((i = 1; i < ${#sizes[@]}; i++)); do
    a=${sizes[i-1]} b=${sizes[i]}
    awk -v a="$a" -v b="$b" -v ta="${COLD[$a]}" -v tb="${COLD[$b]}" -v ra="${REB[$a]}" -v rb="${REB[$b]}" \
        -v ca="${CPU_COLD[$a]}" -v cb="${CPU_COLD[$b]}" 'BEGIN {
      k = 1000 / (b - a)
      printf "  %6d -> %-6d %.3f / %.3f / %.3f s\n", a, b, (tb - ta) * k, (rb - ra) * k, (cb - ca) * k }'
  done
  if (( ${#sizes[@]} >= 3 )); then
    a=${sizes[-3]} b=${sizes[-2]} c=${sizes[-1]}
    awk -v a="$a" -v b="$b" -v c="$c" \
        -v ta="${COLD[$a]}" -v tb="${COLD[$b]}" -v tc="${COLD[$c]}" \
        -v ra="${REB[$a]}" -v rb="${REB[$b]}" -v rc="${REB[$c]}" \
        -v ca="${CPU_COLD[$a]}" -v cb="${CPU_COLD[$b]}" -v cc="${CPU_COLD[$c]}" 'BEGIN {
      w = ((tc - tb) / (c - b)) / ((tb - ta) / (b - a))
      r = ((rc - rb) / (c - b)) / ((rb - ra) / (b - a))
      u = ((cc - cb) / (c - b)) / ((cb - ca) / (b - a))
      printf "linearity: marginal cost %d->%d vs %d->%d: %.2fx cold wall, %.2fx rebuild wall, %.2fx cold CPU; ", b, c, a, b, w, r, u
      print ((w < 1.15 && r < 1.15 && u < 1.15) ? "linear (all < 1.15x)" : "SUPER-LINEAR (>= 1.15x): something grows faster than the notice count")
    }'
  fi
  echo "search index (search-index.js; budget: under ${INDEX_BUDGET}% of the HTML it covers):"
  for n in $SIZES; do
    pct=$(sed -n 's/^[0-9]* bytes, \([0-9.]*\)%.*/\1/p' <<<"${INDEX[$n]}")
    printf "  %6d notices: %s: %s\n" "$n" "${INDEX[$n]:-missing}" \
      "$(awk -v p="${pct:-100}" -v b="$INDEX_BUDGET" 'BEGIN { print (p < b ? "PASS" : "FAIL") }')"
  done
  if [[ " $SIZES " == *" 10000 "* ]]; then
    peak=$(( RSS_COLD[10000] > RSS_REB[10000] ? RSS_COLD[10000] : RSS_REB[10000] ))
    awk -v t="${COLD[10000]}" -v m="$(mib "$peak")" -v tt="$TARGET_S" -v tm="$TARGET_MIB" 'BEGIN {
      printf "target (10,000 notices < %s s and < %s MiB): %.3f s %s, %.1f MiB %s\n", tt, tm,
        t, (t < tt ? "PASS" : "FAIL"), m, (m < tm ? "PASS" : "FAIL") }'
  fi
  if awk -v l="${LOAD_AFTER%% *}" -v c="$(nproc)" 'BEGIN { exit !(l >= c / 2) }'; then
    echo "note: 1-minute load average ${LOAD_AFTER%% *} on $(nproc) cores while measuring: other processes shared the cores,"
    echo "      so wall times are inflated and noisy (CPU s is the steadier figure). Re-run on a quiet machine to confirm."
  fi
} | tee "$BENCH_ROOT/results.md"
