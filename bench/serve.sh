#!/usr/bin/env bash
# Save-to-served latency of `jingsai serve`: the time from writing a file until the new text is served
# over HTTP, median (and min, p90, max) of RUNS edits, with 1,000 and 10,000 notices, for a notice edit and
# for a form (.typ) edit.
#
#   bench/serve.sh                        # SIZES="1000 10000" RUNS=20
#   SIZES=1000 RUNS=50 bench/serve.sh
#   JINGSAI_BIN=/path/to/jingsai bench/serve.sh
#
# Everything lives on tmpfs under $BENCH_ROOT (default /dev/shm/jingsai-serve-bench). Targets: notice edit
# under 50 ms, form edit under 100 ms. This script makes the contests and runs the server; the edits and
# the timing are bench/serve_latency.py's.
set -euo pipefail
export LC_ALL=C
export JINGSAI_LANG=en   # the lines read below are the English ones ("serving http://...")

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_ROOT=${BENCH_ROOT:-/dev/shm/jingsai-serve-bench}
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-20}
SEED=${SEED:-20251016}
CHARS=${CHARS:-400}

mkdir -p "$BENCH_ROOT"
BIN="$BENCH_ROOT/jingsai"
# shellcheck source=bench/binary.sh
source "$REPO/bench/binary.sh"
copy_binary "$BIN"

SERVER_PID=""
cleanup() { [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

: >"$BENCH_ROOT/results.md"
{
  echo "jingsai serve latency: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $RUNS edits per row"
  echo
  echo "| notices | edit | median ms | min ms | p90 ms | max ms | target ms |"
  echo "|--------:|------|----------:|-------:|-------:|-------:|----------:|"
} | tee -a "$BENCH_ROOT/results.md"

for n in $SIZES; do
  dir="$BENCH_ROOT/$n"
  rm -rf "$dir"
  mkdir -p "$dir/content/notices" "$dir/forms"
  cp "$REPO/content/contest.yaml" "$dir/content/contest.yaml"
  python3 "$REPO/bench/gen_notices.py" "$n" "$dir/content/notices" --seed "$SEED" --chars "$CHARS" 2>/dev/null
  # A form layout override to edit: the registration form's own document, as jingsai generates it.
  cat > "$dir/forms/registration.typ" <<'TYP'
#import "form.typ": *
#let form = json("/forms/registration.json")
#let attachment = data.attachments.find(a => a.form == "registration")
#set document(title: attachment.title, author: data.notice.issuer_full)
#set text(lang: "zh", region: "cn", font: song, size: 10.5pt)
#set page(paper: "a4", margin: (top: 16mm, bottom: 14mm, x: 18mm))
#form-body(form, attachment)
TYP

  log="$BENCH_ROOT/$n.log"
  "$BIN" serve "$dir" --port 0 2>"$log" &
  SERVER_PID=$!
  for _ in $(seq 600); do grep -q '^serving http://' "$log" && break; sleep 0.1; done
  address=$(sed -n 's|^serving http://\([^/]*\)/.*|\1|p' "$log")
  [[ -n $address ]] || { cat "$log" >&2; echo "serve did not start" >&2; exit 1; }

  # Edits a notice and the form RUNS + 1 times each and prints one table row for each (see the docstring).
  python3 "$REPO/bench/serve_latency.py" "$dir" "$address" "$RUNS" "$n" | tee -a "$BENCH_ROOT/results.md"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  grep -q '^error' "$log" && { echo "the server reported errors:" >&2; grep -A3 '^error' "$log" >&2; }
done
echo >&2
echo "saved to $BENCH_ROOT/results.md" >&2
