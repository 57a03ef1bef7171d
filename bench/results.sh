#!/usr/bin/env bash
# Results benchmark: a contest with 1,000 and 10,000 contestants in content/results.csv.
#
#   bench/results.sh                       # sizes 1000 and 10000, 5 timed runs each after one warm-up
#   SIZES="10000" RUNS=9 bench/results.sh
#
# Two measurements:
# 1. `jingsai build` of the generated contest on tmpfs, with the results file and without it (the same
#    contest, so the difference is what the results cost: read, check, rank, 7 pages, xlsx and csv).
#    Median wall time and peak RSS (GNU time, when installed).
# 2. The phases inside the process, from the ignored test `bench_10k` in tests/results.rs: read the CSV,
#    check and rank, write the xlsx and csv downloads.
#
# The generated sheet has the columns staff send (序号, 姓名, 身份证号, 手机号, 参赛单位, 赛项, 组别,
# 理论成绩, 实操成绩, 实操用时, 状态, 荣誉), 3 tracks x 2 groups, 1% absent, 1% disqualified, 2% honour
# holders, two contestants per unit. See bench/README.md for the numbers measured here.
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_ROOT=${BENCH_ROOT:-/dev/shm/jingsai-results-bench}
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}

mkdir -p "$BENCH_ROOT"
echo "== cargo build --release" >&2
(cd "$REPO" && cargo build --release --quiet --bin jingsai)
BIN="$BENCH_ROOT/jingsai"
TARGET_DIR=${CARGO_TARGET_DIR:-target}
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO/$TARGET_DIR" ;; esac
cp "$TARGET_DIR/release/jingsai" "$BIN"
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

# median_build DIR -> "median_wall_s max_rss_mib"
median_build() {
  python3 - "$BIN" "$1" "$TMP/out" "$RUNS" <<'PY'
import os, statistics, subprocess, sys, time
binary, contest, out, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
gnu_time = os.access("/usr/bin/time", os.X_OK)
walls, rss = [], []
for i in range(runs + 1):
    subprocess.run(["rm", "-rf", out], check=True)
    argv = [binary, "build", contest, "--output", out]
    if gnu_time:
        argv = ["/usr/bin/time", "-f", "%M", "-o", out + ".rss"] + argv
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, stderr=subprocess.DEVNULL)
    t1 = time.perf_counter()
    if i == 0:
        continue  # warm-up
    walls.append(t1 - t0)
    if gnu_time:
        rss.append(int(open(out + ".rss").read().split()[-1]) / 1024)
print(f"{statistics.median(walls):.3f} {max(rss) if rss else float('nan'):.0f}")
PY
}

printf '%-12s %-22s %-22s %s\n' contestants "with results (s, MiB)" "without (s, MiB)" "results cost (s)"
for n in $SIZES; do
  dir="$TMP/contest-$n"
  generate "$n" "$dir"
  read -r with_s with_mib < <(median_build "$dir")
  mv "$dir/content/results.csv" "$TMP/results-$n.csv"
  read -r without_s without_mib < <(median_build "$dir")
  cost=$(python3 -c "print(f'{$with_s - $without_s:.3f}')")
  printf '%-12s %-22s %-22s %s\n' "$n" "$with_s, $with_mib" "$without_s, $without_mib" "$cost"
done

echo
echo "== phases in process (tests/results.rs bench_10k)"
(cd "$REPO" && RESULTS_BENCH_N=10000 cargo test --release --quiet --test results -- --ignored bench_10k --nocapture 2>/dev/null) \
  | sed -n "/^bench_10k:/,/whole/p"
