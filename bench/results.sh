#!/usr/bin/env bash
# Results benchmark: the seed contest with 5,000, 10,000 and 100,000 contestants in content/results.csv.
#
#   bench/results.sh                               # sizes 5000 10000 100000, 5 timed runs each after one warm-up
#   SIZES="10000" RUNS=9 bench/results.sh
#   JINGSAI_BIN=/path/to/jingsai bench/results.sh  # a binary built elsewhere; no cargo build
#   BASE_BIN=/path/to/old/jingsai bench/results.sh # also the binary before a change, run alternately with
#                                                  # the new one in the same minutes (BASE_SIZES, default 5000 10000)
#
# `jingsai build` of the generated contest on tmpfs into an empty output folder, with the results file and
# without it (the same contest, so the difference is what the results cost: read, check, rank, the
# results pages, the results PDF and the xlsx and csv downloads). Each binary has its own PDF cache, filled
# by a build without results (the notice and the forms come from it, as in any rebuild):
#   cold  - a copy of that cache before every run: the results PDF is drawn (results published for the
#           first time, or changed);
#   warm  - one copy kept across the runs: the results PDF comes from the cache (a rebuild after any
#           other edit).
# Per size: median wall time, median CPU time (user + sys), peak RSS (the largest of the runs), the size of
# results.pdf and the cost over the contest without results. The load average is printed before each
# size: other work on the machine inflates wall time most.
#
# The generated sheet has the columns staff send (序号, 姓名, 身份证号, 手机号, 参赛单位, 赛项, 组别,
# 理论成绩, 实操成绩, 实操用时, 状态, 荣誉), 3 tracks x 2 groups, 1% absent, 1% disqualified, 2% honour
# holders, two contestants per unit. See bench/README.md for the numbers measured here.
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_ROOT=${BENCH_ROOT:-/dev/shm/jingsai-results-bench}
SIZES=${SIZES:-"5000 10000 100000"}
BASE_SIZES=${BASE_SIZES:-"5000 10000"}
RUNS=${RUNS:-5}
# Passed to every build: the wall-clock budget (120 s by default) would stop the binary before issue 14 at
# 10,000 rows on a loaded machine, and a busy machine is what these runs often share.
BUILD_ARGS=${BUILD_ARGS:-"--time-limit 1800"}

mkdir -p "$BENCH_ROOT"
BIN="$BENCH_ROOT/jingsai"
# shellcheck source=bench/binary.sh
source "$REPO/bench/binary.sh"
copy_binary "$BIN"
if [ -n "${BASE_BIN:-}" ]; then cp "$BASE_BIN" "$BENCH_ROOT/jingsai-base"; fi
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
TMP=$(mktemp -d "$BENCH_ROOT/run.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

generate() { # generate N DIR
  mkdir -p "$2/content"
  cp -r "$REPO/tests/fixtures/results/seed/content/notices" "$2/content/"
  cp "$REPO/tests/fixtures/results/seed/content/contest.yaml" "$2/content/"
  python3 - "$1" "$2/content/results.csv" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
r = random.Random(20251205)
tracks = ["人工智能训练师", "服务机器人应用技术员", "生成式人工智能系统应用员"]
groups = ["职工组", "学生组"]
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("序号,姓名,身份证号,手机号,参赛单位,赛项,组别,理论成绩,实操成绩,实操用时,状态,荣誉\r\n")
    for i in range(n):
        x = r.random()
        status = "缺考" if x < 0.01 else "取消资格" if x < 0.02 else ""
        honour = "海河工匠" if r.random() < 0.02 else ""
        f.write(f"{i + 1},选手{i},1201011990{i:08d},138{i:08d},参赛单位{i // 2},{tracks[i % 3]},{groups[(i // 3) % 2]},"
                f"{r.randint(50, 99)}.{r.randint(0, 9)},{r.randint(40, 99)}.{r.randint(0, 99):02d},"
                f"{r.randint(2, 3)}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d},{status},{honour}\r\n")
PY
}

# runs MODE CONTEST BINARY... -> one line per binary: "wall_s cpu_s max_rss_mib pdf_kib", medians of RUNS
# builds after one warm-up each; the binaries take turns, so they share the machine's load. Binary i uses
# the PDF cache $TMP/cache-i: a fresh copy of $TMP/base-i before every run (MODE cold), or one copy made
# now and kept (MODE warm).
runs() {
  python3 - "$TMP" "$RUNS" "$BUILD_ARGS" "$@" <<'PY'
import os, shutil, statistics, subprocess, sys, time
tmp, runs, extra, mode, contest, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4], sys.argv[5], sys.argv[6:]
out = os.path.join(tmp, "out")
walls = {b: [] for b in binaries}; cpus = {b: [] for b in binaries}; rss = {b: [] for b in binaries}
pdf = {b: 0 for b in binaries}
def fresh_cache(i):
    cache = os.path.join(tmp, f"cache-{i}")
    shutil.rmtree(cache, ignore_errors=True)
    shutil.copytree(os.path.join(tmp, f"base-{i}"), cache)
    return cache
caches = {b: fresh_cache(i) for i, b in enumerate(binaries)}
for r in range(runs + 1):
    for i, b in enumerate(binaries):
        shutil.rmtree(out, ignore_errors=True)
        if mode == "cold":
            caches[b] = fresh_cache(i)
        env = dict(os.environ, JINGSAI_CACHE_DIR=caches[b])
        argv = ["/usr/bin/time", "-f", "%M", "-o", out + ".rss", b, "build", contest, "--output", out] + extra
        t0 = time.perf_counter()
        quiet = [(os.POSIX_SPAWN_OPEN, fd, "/dev/null", os.O_WRONLY, 0) for fd in (1, 2)]
        pid = os.posix_spawn(argv[0], argv, env, file_actions=quiet)
        _, status, usage = os.wait4(pid, 0)
        t1 = time.perf_counter()
        if status != 0:
            sys.exit(f"{b} build {contest} failed")
        if r == 0:
            continue  # warm-up
        walls[b].append(t1 - t0)
        cpus[b].append(usage.ru_utime + usage.ru_stime)
        rss[b].append(int(open(out + ".rss").read().split()[-1]) / 1024)
        p = os.path.join(out, "results", "results.pdf")
        pdf[b] = os.path.getsize(p) // 1024 if os.path.exists(p) else 0
for b in binaries:
    print(f"{statistics.median(walls[b]):.3f} {statistics.median(cpus[b]):.3f} {max(rss[b]):.0f} {pdf[b]}")
PY
}

printf '%-8s %-6s %-5s %-24s %-24s %-22s %s\n' rows binary mode "with results (s, CPU s, MiB)" "without (s, CPU s, MiB)" "cost (s, CPU s, MiB)" "results.pdf KiB"
for n in $SIZES; do
  dir="$TMP/contest-$n"
  generate "$n" "$dir"
  bins=("$BIN"); names=(now)
  if [ -n "${BASE_BIN:-}" ] && [[ " $BASE_SIZES " == *" $n "* ]]; then
    bins+=("$BENCH_ROOT/jingsai-base"); names+=(before)
  fi
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  mv "$dir/content/results.csv" "$TMP/results-$n.csv"
  for i in "${!bins[@]}"; do
    rm -rf "$TMP/base-$i" "$TMP/out"
    JINGSAI_CACHE_DIR="$TMP/base-$i" "${bins[$i]}" build "$dir" --output "$TMP/out" >/dev/null 2>&1
  done
  mapfile -t without < <(runs warm "$dir" "${bins[@]}")
  mv "$TMP/results-$n.csv" "$dir/content/results.csv"
  for mode in cold warm; do
    mapfile -t with < <(runs "$mode" "$dir" "${bins[@]}")
    for i in "${!bins[@]}"; do
      read -r ws wc wm wp <<<"${with[$i]}"
      read -r os oc om _ <<<"${without[$i]}"
      cost=$(python3 -c "print(f'{$ws - $os:.3f}, {$wc - $oc:.3f}, {$wm - $om:.0f}')")
      printf '%-8s %-6s %-5s %-24s %-24s %-22s %s\n' "$n" "${names[$i]}" "$mode" "$ws, $wc, $wm" "$os, $oc, $om" "$cost" "$wp"
    done
  done
done
