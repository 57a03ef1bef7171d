#!/usr/bin/env bash
# Roster benchmark: `jingsai roster` reading 5,000 returned registration PDFs (filled with pypdf from the
# registration form `build` makes for the seed contest), on tmpfs.
#
#   bench/roster.sh                              # 5,000 files, 3 timed runs after one warm-up
#   COUNT=1000 RUNS=5 bench/roster.sh
#   JINGSAI_BIN=/path/to/jingsai bench/roster.sh # a binary built elsewhere; no cargo build
#
# A filled form is about 1.7 MB (the fields carry a GB 2312 subset of a CJK font), so 5,000 distinct files
# would take 8.5 GB: DISTINCT (default 250) different people are filled with pypdf and the other files
# are hard links to them (read as separate files, from the page cache). The links repeat people, so the
# run also finds the same person twice, over the quota and so on: the checks and the reports are timed
# too. Prints wall time, CPU time (user + sys) and peak RSS of each run, and the load average.
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_ROOT=${BENCH_ROOT:-/dev/shm/jingsai-roster-bench}
COUNT=${COUNT:-5000}
DISTINCT=${DISTINCT:-250}
RUNS=${RUNS:-3}
PYTHON=${JINGSAI_PYTHON:-python3}

rm -rf "$BENCH_ROOT"
mkdir -p "$BENCH_ROOT"
BIN="$BENCH_ROOT/jingsai"
# shellcheck source=bench/binary.sh
source "$REPO/bench/binary.sh"
copy_binary "$BIN"

CONTEST="$BENCH_ROOT/contest"
mkdir -p "$CONTEST"
cp -r "$REPO/content" "$CONTEST/"
[ -d "$REPO/forms" ] && cp -r "$REPO/forms" "$CONTEST/"
[ -d "$REPO/templates" ] && cp -r "$REPO/templates" "$CONTEST/"
# A quota no unit of the generated batch exceeds.
sed -i 's/^    per_unit: 2$/    per_unit: 100000/' "$CONTEST/content/contest.yaml"
"$BIN" build "$CONTEST" --no-system-fonts >/dev/null 2>&1

RETURNED="$BENCH_ROOT/returned"
mkdir -p "$RETURNED/filled"
echo "== filling $DISTINCT registration forms with pypdf" >&2
"$PYTHON" - "$CONTEST/output/downloads/registration-form.pdf" "$RETURNED/filled" "$DISTINCT" <<'PY'
import sys, pypdf
template, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
C = "10X98765432"
tracks = ["ai-trainer", "service-robot", "genai-operator"]
for n in range(count):
    first = "120101%04d%02d%02d%03d" % (1980 + n % 20, 1 + n % 12, 1 + n % 28, n % 1000)
    number = first + C[sum(int(d) * w for d, w in zip(first, W)) % 11]
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(template))
    writer.update_page_form_field_values(None, {
        "name": "选手%d" % n, "unit": "单位%d" % (n % 500), "id-number": number,
        "mobile": "139%08d" % n, "track-" + tracks[n % 3]: "/Yes", "group-staff": "/Yes",
        "sex-" + ("male" if n % 2 == 1 else "female"): "/Yes",
        "fill-date-year": "2025", "fill-date-month": "10", "fill-date-day": "20",
    }, auto_regenerate=False)
    writer.write("%s/%05d.pdf" % (out, n))
PY
for i in $(seq 0 $((COUNT - 1))); do
  ln "$RETURNED/filled/$(printf %05d $((i % DISTINCT))).pdf" "$RETURNED/$(printf %05d "$i").pdf"
done
rm -r "$RETURNED/filled"
BYTES=$(find "$RETURNED" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s / 1048576}')
echo "== $(ls "$RETURNED" | wc -l) files, $BYTES MiB to read; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

run() {
  rm -rf "$BENCH_ROOT/out"
  /usr/bin/time -f "%e %U %S %M" -o "$BENCH_ROOT/time" \
    "$BIN" roster "$CONTEST" --from "$RETURNED" --out "$BENCH_ROOT/out" >/dev/null 2>"$BENCH_ROOT/stderr"
  read -r wall user sys rss <"$BENCH_ROOT/time"
  echo "wall ${wall} s, cpu $(echo "$user + $sys" | bc) s, peak RSS $((rss / 1024)) MiB; $(tail -1 "$BENCH_ROOT/stderr")"
}
run >/dev/null
for _ in $(seq 1 "$RUNS"); do run; done
