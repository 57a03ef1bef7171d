#!/usr/bin/env bash
# The results target of issue 14, side by side: what a 5,000-row results sheet adds to a jingsai build
# (cold: the results PDF drawn; warm: from the cache), against what a 5,000-row table page adds to a Hugo
# build, on the same machine in the same minutes (the runs take turns).
#
#   bench/hugo.sh                                   # 5,000 rows, 7 timed runs after one warm-up
#   ROWS=10000 RUNS=9 JINGSAI_BIN=/path/to/jingsai bench/hugo.sh
#
# Hugo is Debian's package (installed with apt-get when missing). Its site is one page whose template
# prints every row of a JSON data file as a table row of nine cells (名次 to 总成绩); the cost is the build
# with the data file minus the build without it. jingsai's contest is `bench/results.sh`'s (the seed
# contest with a generated sheet); its cost is the build with `content/results.csv` minus the build
# without it, each from a copy of a PDF cache filled beforehand less the results PDF. Output on tmpfs.
set -euo pipefail
export LC_ALL=C.UTF-8

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=${BENCH_ROOT:-/dev/shm/jingsai-hugo-bench}
ROWS=${ROWS:-5000}
RUNS=${RUNS:-7}
command -v hugo >/dev/null || apt-get install -y hugo >/dev/null
rm -rf "$ROOT" && mkdir -p "$ROOT"
BIN="$ROOT/jingsai"
# shellcheck source=bench/binary.sh
source "$REPO/bench/binary.sh"
copy_binary "$BIN"

# The jingsai contest, with the sheet `bench/results.sh` generates.
mkdir -p "$ROOT/contest/content"
cp -r "$REPO/tests/fixtures/results/seed/content/notices" "$REPO/tests/fixtures/results/seed/content/contest.yaml" \
  "$ROOT/contest/content/"
sed -n '/^  python3 - "\$1" "\$2\/content\/results.csv" <<.PY.$/,/^PY$/p' "$REPO/bench/results.sh" | sed '1d;$d' \
  > "$ROOT/generate.py"
python3 "$ROOT/generate.py" "$ROWS" "$ROOT/contest/content/results.csv"

# The Hugo site.
mkdir -p "$ROOT/hugo/layouts" "$ROOT/hugo/data"
printf 'baseURL = "/"\ntitle = "成绩公布"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n' \
  > "$ROOT/hugo/config.toml"
cat > "$ROOT/hugo/layouts/index.html" <<'HTML'
<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head><body>
<h1>{{ .Site.Title }}</h1>
{{ with .Site.Data.results }}<table><thead><tr><th>名次</th><th>姓名</th><th>参赛单位</th><th>赛项</th><th>组别</th><th>理论成绩</th><th>实操成绩</th><th>用时</th><th>总成绩</th></tr></thead><tbody>
{{ range .rows }}<tr><td>{{ .rank }}</td><td>{{ .name }}</td><td>{{ .unit }}</td><td>{{ .track }}</td><td>{{ .group }}</td><td>{{ .theory }}</td><td>{{ .practical }}</td><td>{{ .time }}</td><td>{{ .total }}</td></tr>
{{ end }}</tbody></table>{{ end }}
</body></html>
HTML
python3 - "$ROOT" <<'PY'
import csv, json, sys
root = sys.argv[1]
with open(f"{root}/contest/content/results.csv", encoding="utf-8") as f:
    rows = list(csv.reader(f))[1:]
data = [dict(rank=i + 1, name=r[1], unit=r[4], track=r[5], group=r[6], theory=r[7], practical=r[8],
             time=r[9], total=f"{float(r[7]) * 0.2 + float(r[8]) * 0.8:.2f}") for i, r in enumerate(rows)]
json.dump({"rows": data}, open(f"{root}/results.json", "w"), ensure_ascii=False)
PY

python3 - "$ROOT" "$RUNS" <<'PY'
import os, shutil, statistics, subprocess, sys, time
root, runs = sys.argv[1], int(sys.argv[2])
contest, sheet, aside = f"{root}/contest", f"{root}/contest/content/results.csv", f"{root}/results.csv"
def timed(argv, cwd=None, env=None):
    t = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
def jingsai(cache):
    shutil.rmtree(f"{root}/out", ignore_errors=True)
    env = dict(os.environ, JINGSAI_CACHE_DIR=cache)
    return timed([f"{root}/jingsai", "build", contest, "--output", f"{root}/out", "--time-limit", "1800"], env=env)
def hugo(with_data):
    data = f"{root}/hugo/data/results.json"
    if with_data:
        shutil.copy(f"{root}/results.json", data)
    elif os.path.exists(data):
        os.remove(data)
    shutil.rmtree(f"{root}/hout", ignore_errors=True)
    return timed(["hugo", "--quiet", "-d", f"{root}/hout"], cwd=f"{root}/hugo")
# A cache filled by a build with results, less the results PDF (its largest PDF entry).
base = f"{root}/cache-base"
jingsai(base)
pdfs = [e for e in os.listdir(base) if e.startswith("p-")]
os.remove(os.path.join(base, max(pdfs, key=lambda e: os.path.getsize(os.path.join(base, e)))))
times = {k: [] for k in ("cold", "warm", "none", "hugo", "hugo-none")}
for run in range(runs + 1):
    cache = f"{root}/cache"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.copytree(base, cache)
    got = {"cold": jingsai(cache), "warm": jingsai(cache)}
    os.rename(sheet, aside)
    got["none"] = jingsai(cache)
    os.rename(aside, sheet)
    got["hugo"], got["hugo-none"] = hugo(True), hugo(False)
    if run:
        for k, v in got.items():
            times[k].append(v)
m = {k: statistics.median(v) for k, v in times.items()}
print(f"load average {open('/proc/loadavg').read().split()[:3]}, {runs} runs, medians (s)")
print(f"jingsai: with results cold {m['cold']:.3f}, warm {m['warm']:.3f}, without {m['none']:.3f}")
print(f"hugo:    with the table {m['hugo']:.3f}, without {m['hugo-none']:.3f}")
print(f"cost:    jingsai cold {m['cold'] - m['none']:.3f}, warm {m['warm'] - m['none']:.3f}; "
      f"hugo {m['hugo'] - m['hugo-none']:.3f}")
PY
