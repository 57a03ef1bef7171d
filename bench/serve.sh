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
# under 50 ms, form edit under 100 ms.
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_ROOT=${BENCH_ROOT:-/dev/shm/jingsai-serve-bench}
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-20}
SEED=${SEED:-20251016}
CHARS=${CHARS:-400}

mkdir -p "$BENCH_ROOT"
BIN="$BENCH_ROOT/jingsai"
if [[ -n ${JINGSAI_BIN:-} ]]; then
  cp "$JINGSAI_BIN" "$BIN"
else
  echo "== cargo build --release" >&2
  (cd "$REPO" && cargo build --release --quiet)
  cp "$REPO/target/release/jingsai" "$BIN"
fi

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
  # A form override to edit: the built-in registration form, copied.
  cp "$REPO/src/pdf/builtin/registration.typ" "$dir/forms/registration.typ"

  log="$BENCH_ROOT/$n.log"
  "$BIN" serve "$dir" --port 0 2>"$log" &
  SERVER_PID=$!
  for _ in $(seq 600); do grep -q '^serving http://' "$log" && break; sleep 0.1; done
  address=$(sed -n 's|^serving http://\([^/]*\)/.*|\1|p' "$log")
  [[ -n $address ]] || { cat "$log" >&2; echo "serve did not start" >&2; exit 1; }

  python3 - "$dir" "$address" "$RUNS" "$n" <<'PY' | tee -a "$BENCH_ROOT/results.md"
import http.client, os, sys, time, glob
root, address, runs, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
host, port = address.rsplit(":", 1)
conn = http.client.HTTPConnection(host, int(port), timeout=30)

def get(path):
    global conn
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        return r.status, r.read()
    except (http.client.HTTPException, OSError):
        conn.close()
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        return get(path)

def measure(path, url, make, marker):
    original = open(path, encoding="utf-8").read()
    times = []
    for k in range(runs + 1):                     # the first edit is a warm-up
        text, want = make(original, k), marker(k).encode()
        t0 = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        while True:
            status, body = get(url)
            if status == 200 and want in body:
                break
            if time.perf_counter() - t0 > 60:
                sys.exit(f"{url}: {marker(k)} not served within 60 s")
        if k:
            times.append((time.perf_counter() - t0) * 1000)
        time.sleep(0.15)                          # let the watcher settle between edits
    with open(path, "w", encoding="utf-8") as f:
        f.write(original)
    time.sleep(0.5)
    times.sort()
    median = (times[(len(times) - 1) // 2] + times[len(times) // 2]) / 2
    p90 = times[min(len(times) - 1, int(round(0.9 * (len(times) - 1))))]
    return median, times[0], p90, times[-1]

notice = sorted(glob.glob(f"{root}/content/notices/*.md"))[len(glob.glob(f"{root}/content/notices/*.md")) // 2]
slug = os.path.basename(notice)[:-3]
row = measure(notice, f"/notices/{slug}.html",
              lambda t, k: t.replace("\n---\n", f"\n---\n\n基准测试第BENCH-{k}次修改。\n", 1),
              lambda k: f"BENCH-{k}")
print(f"| {n} | notice (.md) | {row[0]:.1f} | {row[1]:.1f} | {row[2]:.1f} | {row[3]:.1f} | 50 |", flush=True)

form = f"{root}/forms/registration.typ"
row = measure(form, "/downloads/registration-form.pdf",
              lambda t, k: t.replace('#registration-form(attachment)',
                                     f'#set document(keywords: ("BENCH-{k}",))\n#registration-form(attachment)', 1),
              lambda k: f"BENCH-{k}")
print(f"| {n} | form (.typ) | {row[0]:.1f} | {row[1]:.1f} | {row[2]:.1f} | {row[3]:.1f} | 100 |", flush=True)
PY
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  grep -q '^error' "$log" && { echo "the server reported errors:" >&2; grep -A3 '^error' "$log" >&2; }
done
echo >&2
echo "saved to $BENCH_ROOT/results.md" >&2
