#!/usr/bin/env bash
# Checks the built output with real clients that no one here wrote (README: bash tests/run.sh calls this
# after the cargo tests). Installs its own tools: the npm packages of package-lock.json (vnu-jar, axe-core,
# playwright-core) and Debian's chromium and nginx when missing; Java, Node and npm, qpdf, poppler and pypdf come
# from tests/run.sh, which exports JINGSAI_PYTHON, the python of its venv with pypdf (without it, python3
# must have pypdf: the run stops otherwise). Never downloads a browser. playwright-core is pinned to 1.61.1,
# the last release that runs on Node 18, the nodejs of Debian 12 (1.62 and later refuse to start there).
#
# Sites checked: the seed site (content/), a large generated contest (content/ plus 300 notices from
# bench/gen_notices.py, so pagination pages exist), tests/fixtures/results/seed (results pages) and the
# contests of our own that are unlike the first (OWN_CONTESTS below: no groups, a practical-only team
# event with online registration, 20 tracks with an award scheme by counts, a team event with a quota
# range and birth-date limits), each with every page
# checked by vnu, axe and the link checker.
#
#   1 html      Nu HTML Checker (vnu.jar) over every HTML page: zero errors
#   2 axe       axe-core, WCAG 2.0/2.1 A+AA, in headless Chromium at 1280 and 375 px: zero violations (the
#               search page also with results shown);
#               screenshots of home, registration and results at 375 and 1280 px in target/screenshots/
#     phone     every page of every site (and a 101-contestant sheet with long unit names,
#               long_sheet.py) at 375 px: no table cell of 20 characters or fewer on more than 3 lines, no
#               caption cut off, no page that scrolls sideways; the results pages at 375 px in
#               target/screenshots/phone-*.png
#     filter    typing 喆, a unit and a team member's name into the results filter, from file:// and under
#               a sub-path: exactly the matching rows stay; without JavaScript every row shows
#   3 links     every internal link and anchor, the downloads, the feed: resolve (links.mjs)
#   4 repro     two builds in different folders, a few seconds apart, other TZ/locale: byte-identical
#   5 pdfs      qpdf --check, pdffonts, pdftotext (Chinese), pypdf fill (pdfs.py)
#   6 security  a contest built from hostile names, notices and results opened in Chromium: no script
#               runs; unsafe attachment form names and output folders are refused
#   7 nginx     Debian's nginx, started here as the current user on a free loopback port with README's
#               example (nginx.sh), serves the seed site at /contests/ai-2025/ and the results fixture at
#               /contests/ai-2025-results/, each built with its base_url set to that address: every file
#               answers 200 with its bytes, the right Content-Type and charset=utf-8, text gzipped when
#               asked; a missing address gives 404 with the site's 404 page (served.mjs); then axe at 1280
#               and 375 px, the link checker and screenshots through nginx as above from the local server;
#               nginx is stopped at the end, also when a check fails or the run is interrupted
#
# Prints `N passed, M failed` last; exit status 1 when any check failed.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
cd "$REPO"

passed=0
failed=0
failed_names=()
check() { # check NAME COMMAND...: runs it, counts it
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); echo "-- ok: $name"
  else failed=$((failed + 1)); failed_names+=("$name"); echo "-- FAILED: $name"; fi
}

# --- tools ----------------------------------------------------------------------------------------------
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
need_apt=()
if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM:-}" ]; then need_apt+=(chromium); fi
# nginx is in /usr/sbin, which a user's PATH may lack. Where services start (not in Docker, whose
# policy-rc.d forbids it), Debian's package also starts and enables its own nginx on port 80; the tests
# start their own and never use it.
[ -x "${NGINX:-/usr/sbin/nginx}" ] || need_apt+=(nginx)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]} (Debian packages)"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
export CHROMIUM=${CHROMIUM:-$(command -v chromium)}
# A Chinese font that style.css names, so pages are measured and photographed with real glyphs and the
# same metrics on every machine (without one, Chromium draws boxes).
if ! fc-list 2>/dev/null | grep "WenQuanYi Micro Hei" >/dev/null; then
  echo "== installing fonts-wqy-microhei (Debian package)"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-wqy-microhei >/dev/null
fi
command -v java >/dev/null 2>&1 || { echo "java is needed for the Nu HTML Checker (tests/run.sh installs it)"; exit 1; }
for tool in node npm; do
  command -v $tool >/dev/null 2>&1 || { echo "$tool is needed for axe-core and the link checker (tests/run.sh installs it)"; exit 1; }
done
PYTHON=${JINGSAI_PYTHON:-python3}
if ! "$PYTHON" -c 'import pypdf' >/dev/null 2>&1; then
  echo "$PYTHON has no pypdf: run tests/run.sh (it makes a venv with pypdf), or set JINGSAI_PYTHON to a python with pypdf"
  exit 1
fi
if [ ! -d "$HERE/node_modules/vnu-jar" ] || [ ! -d "$HERE/node_modules/axe-core" ] || [ ! -d "$HERE/node_modules/playwright-core" ]; then
  echo "== npm ci (vnu-jar, axe-core, playwright-core)"
  # --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime; the machine's Java is used.
  (cd "$HERE" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || exit 1
fi
VNU="$HERE/node_modules/vnu-jar/build/dist/vnu.jar"

cargo build --release --quiet --bin jingsai || exit 1
JINGSAI="${CARGO_TARGET_DIR:-$REPO/target}/release/jingsai"
case "$JINGSAI" in /*) ;; *) JINGSAI="$REPO/$JINGSAI" ;; esac

# shellcheck source=tests/clients/nginx.sh
source "$HERE/nginx.sh"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/jingsai-clients.XXXXXX")
trap 'nginx_stop; rm -rf "$WORK"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
SHOTS="$REPO/target/screenshots"
rm -rf "$SHOTS"; mkdir -p "$SHOTS"

# --- the sites ------------------------------------------------------------------------------------------
build() { "$JINGSAI" build "$1" --output "$2" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; return 1; }; }
echo "== building the sites"
build "$REPO" "$WORK/seed" || exit 1
mkdir -p "$WORK/large"
cp -r "$REPO/content" "$WORK/large/content"
"$PYTHON" "$REPO/bench/gen_notices.py" 300 "$WORK/large/content/notices" >/dev/null || exit 1
build "$WORK/large" "$WORK/large-site" || exit 1
build "$REPO/tests/fixtures/results/seed" "$WORK/results" || exit 1
SITES=("$WORK/seed" "$WORK/large-site" "$WORK/results" "$WORK/long-site")
OWN_CONTESTS=(no-groups practical-only many-tracks team-event)
for name in "${OWN_CONTESTS[@]}"; do
  build "$REPO/tests/fixtures/$name" "$WORK/own-$name" || exit 1
  SITES+=("$WORK/own-$name")
done
mkdir -p "$WORK/long"
cp -r "$REPO/tests/fixtures/results/seed/content" "$WORK/long/"
"$PYTHON" "$HERE/long_sheet.py" "$WORK/long" || exit 1
build "$WORK/long" "$WORK/long-site" || exit 1
# The page of entries (registration.publish_counts), from a roster `jingsai roster` makes of a CSV sent back.
mkdir -p "$WORK/counts" "$WORK/counts-returned"
cp -r "$REPO/content" "$WORK/counts/"
"$PYTHON" - "$WORK/counts" "$WORK/counts-returned" <<'PY' || exit 1
import sys
contest, returned = sys.argv[1], sys.argv[2]
path = contest + "/content/contest.yaml"
text = open(path, encoding="utf-8").read()
text = text.replace("registration:\n  deadline:", "registration:\n  publish_counts: true\n  deadline:", 1)
text += "  - number: 3\n    title: 报名汇总表\n    form: roster\n"
open(path, "w", encoding="utf-8").write(text)
def id_number(birth, order):
    first = "120101%s%03d" % (birth, order)
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first + "10X98765432"[sum(int(d) * w for d, w in zip(first, weights)) % 11]
rows = [("天津市第一职业技术学院", "王伟", "男", "19850301", 11, "人工智能训练师", "职工组"),
        ("天津市第一职业技术学院", "李芳", "女", "19860402", 22, "人工智能训练师", "职工组"),
        ("天津市第二职业技术学院", "张敏", "女", "20040503", 42, "生成式人工智能系统应用员", "学生组")]
with open(returned + "/units.csv", "w", encoding="utf-8") as f:
    f.write("单位名称,姓名,性别,身份证号,赛项,组别,手机号,填表日期\n")
    for n, (unit, name, sex, birth, order, track, group) in enumerate(rows):
        f.write("%s,%s,%s,%s,%s,%s,1390000000%d,2025-10-20\n" % (unit, name, sex, id_number(birth, order), track, group, n))
PY
"$JINGSAI" roster "$WORK/counts" --from "$WORK/counts-returned" >"$WORK/roster.log" 2>&1 || { cat "$WORK/roster.log"; exit 1; }
build "$WORK/counts" "$WORK/counts-site" || exit 1
[ -f "$WORK/counts-site/entries.html" ] || { echo "the counts contest has no page of entries"; exit 1; }
SITES+=("$WORK/counts-site")
[ -d "$WORK/large-site/notices/page" ] || { echo "the large contest has no pagination pages"; exit 1; }
[ -f "$WORK/results/results/index.html" ] || { echo "the results fixture has no results pages"; exit 1; }

# --- 1 HTML validity ------------------------------------------------------------------------------------
html_check() {
  local out
  out=$(java -jar "$VNU" --errors-only --skip-non-html --format gnu "$@" 2>&1)
  local rc=$?
  local pages
  pages=$(find "$@" -name '*.html' | wc -l)
  if [ -n "$out" ]; then echo "$out" | head -60; fi
  echo "vnu: $pages pages, $(printf '%s' "$out" | grep -c 'error' || true) errors"
  [ $rc -eq 0 ] && [ -z "$out" ]
}
for s in "${SITES[@]}"; do check "html $(basename "$s")" html_check "$s"; done

# --- 2 accessibility and screenshots --------------------------------------------------------------------
pages_of() { (cd "$1" && find . -name '*.html' | sed 's|^\./||' | sort); }
# The large contest repeats the seed's templates; its notices list pages (first, middle, last) and one
# generated notice are the pages that differ.
large_pages() {
  local last
  last=$(cd "$WORK/large-site/notices/page" && ls | sort -n | tail -1)
  echo notices/index.html notices/page/2.html "notices/page/$last" \
    "notices/$(cd "$WORK/large-site/notices" && ls | grep -v -e '^index.html$' -e '^page$' -e plan-issued | head -1)"
}
check "axe seed" node "$HERE/browser.mjs" axe "$WORK/seed" $(pages_of "$WORK/seed")
check "axe large" node "$HERE/browser.mjs" axe "$WORK/large-site" $(large_pages)
# The search page with results shown (人工智能训练师; 竞赛纪律 on 300 notices) and with none (喆).
check "axe search" node "$HERE/browser.mjs" axe "$WORK/seed" \
  "search.html?q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD%E8%AE%AD%E7%BB%83%E5%B8%88" "search.html?q=%E5%96%86"
check "axe search large" node "$HERE/browser.mjs" axe "$WORK/large-site" "search.html?q=%E7%AB%9E%E8%B5%9B%E7%BA%AA%E5%BE%8B"
check "axe results" node "$HERE/browser.mjs" axe "$WORK/results" $(cd "$WORK/results" && ls results/*.html) index.html
for name in "${OWN_CONTESTS[@]}"; do
  check "axe $name" node "$HERE/browser.mjs" axe "$WORK/own-$name" $(pages_of "$WORK/own-$name")
done
check "axe entries" node "$HERE/browser.mjs" axe "$WORK/counts-site" entries.html registration.html
check "phone entries" node "$HERE/browser.mjs" phone "$WORK/counts-site" "$SHOTS" phone-entries entries.html registration.html
check "screenshots" node "$HERE/browser.mjs" shots "$WORK/results" "$SHOTS" site \
  index.html registration.html results/index.html \
  "results/$(cd "$WORK/results/results" && ls *.html | grep -v '^index.html$' | head -1)"

# Phones: every page of every site (the large contest: the pages that differ from the seed's).
check "phone seed" node "$HERE/browser.mjs" phone "$WORK/seed" "$SHOTS" phone-seed $(pages_of "$WORK/seed")
check "phone large" node "$HERE/browser.mjs" phone "$WORK/large-site" "$SHOTS" phone-large $(large_pages)
check "phone results" node "$HERE/browser.mjs" phone "$WORK/results" "$SHOTS" phone-results $(pages_of "$WORK/results")
check "phone long units" node "$HERE/browser.mjs" phone "$WORK/long-site" "$SHOTS" phone-long $(pages_of "$WORK/long-site")
for name in "${OWN_CONTESTS[@]}"; do
  check "phone $name" node "$HERE/browser.mjs" phone "$WORK/own-$name" "$SHOTS" "phone-$name" $(pages_of "$WORK/own-$name")
done
# The filter of the results pages: 喆 (two names in the fixture, in two tables), a unit (full-width space
# typed inside it), nothing found; a team member; 101 rows.
check "filter results" node "$HERE/browser.mjs" filter "$WORK/results" \
  'results/ai-trainer-staff.html|喆|邓喆' 'results/service-robot-staff.html|喆|罗喆怡' \
  'results/ai-trainer-student.html|喆|' 'results/ai-trainer-staff.html|中环　电子|朱琪晓,邓喆'
check "filter team-event" node "$HERE/browser.mjs" filter "$WORK/own-team-event" \
  'results/cloud-open.html|金九|华八、金九、魏十' 'results/cloud-open.html|杭州数字|华八、金九、魏十,陶一、姜二、戚三'
check "filter long units" node "$HERE/browser.mjs" filter "$WORK/long-site" \
  'results/ai-trainer-staff.html|喆|李喆轩,王喆' 'results/service-robot-student.html|喆|张喆'

# --- 3 links --------------------------------------------------------------------------------------------
check "links" node "$HERE/links.mjs" "${SITES[@]}"

# --- 4 reproducibility ----------------------------------------------------------------------------------
repro() { # repro CONTEST_DIR: two copies in different folders, built seconds apart, in other time zones
  local src=$1 a="$WORK/repro-a/c" b="$WORK/repro-second/much/deeper/contest"
  mkdir -p "$a" "$b"
  cp -r "$src/content" "$a/"; [ -d "$src/templates" ] && cp -r "$src/templates" "$a/"; [ -d "$src/forms" ] && cp -r "$src/forms" "$a/"
  TZ=Asia/Shanghai LC_ALL=C.UTF-8 build "$a" "$a/output" || return 1
  sleep 3
  cp -r "$src/content" "$b/"; [ -d "$src/templates" ] && cp -r "$src/templates" "$b/"; [ -d "$src/forms" ] && cp -r "$src/forms" "$b/"
  touch "$b"/content/* # other modification times
  TZ=America/Los_Angeles LC_ALL=C build "$b" "$WORK/repro-out-b" || return 1
  local files
  files=$(cd "$a/output" && find . -type f | wc -l)
  if diff -r "$a/output" "$WORK/repro-out-b" >"$WORK/repro.diff"; then
    echo "repro $(basename "$src"): $files files byte-identical"
    rm -rf "$WORK/repro-a" "$WORK/repro-second" "$WORK/repro-out-b"
  else
    head -20 "$WORK/repro.diff"; echo "repro: the two builds differ"
    rm -rf "$WORK/repro-a" "$WORK/repro-second" "$WORK/repro-out-b"
    return 1
  fi
}
check "reproducible seed" repro "$REPO"
check "reproducible results" repro "$REPO/tests/fixtures/results/seed"

# --- 5 PDFs ---------------------------------------------------------------------------------------------
check "pdfs" "$PYTHON" "$HERE/pdfs.py" "$WORK/seed"

# --- 6 security -----------------------------------------------------------------------------------------
security() {
  local c="$WORK/hostile"
  mkdir -p "$c"
  cp -r "$REPO/tests/fixtures/results/seed/content" "$c/"
  "$PYTHON" "$HERE/hostile.py" "$c" || return 1
  build "$c" "$c/output" || return 1
  local pages
  pages=$(pages_of "$c/output")
  node "$HERE/browser.mjs" hostile "$c/output" $pages || return 1
  # vnu too: hostile text must not break the markup.
  html_check "$c/output" || return 1
  # An attachment form name that is a path is refused by `check` and `build`.
  local bad="$WORK/badform"
  mkdir -p "$bad"; cp -r "$REPO/content" "$bad/"
  for form in '../../../etc/passwd' '/etc/passwd' 'registration/../../x'; do
    "$PYTHON" - "$bad/content/contest.yaml" "$form" <<'EOF' || return 1
import re, sys
p, form = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
s2 = re.sub(r"(\n    form: )registration\n", lambda m: m.group(1) + repr(form) + "\n", s, count=1)
assert s2 != s, "no `form: registration` line to replace"
open(p, "w", encoding="utf-8").write(s2)
EOF
    if "$JINGSAI" check "$bad" >/dev/null 2>&1; then echo "attachment form $form was accepted"; return 1; fi
    if "$JINGSAI" build "$bad" --output "$WORK/badform-out" >/dev/null 2>&1 || [ -e "$WORK/badform-out" ]; then
      echo "attachment form $form was built"; return 1
    fi
    cp "$REPO/content/contest.yaml" "$bad/content/contest.yaml"
  done
  echo "security: hostile contest opened in Chromium, 3 unsafe attachment names refused"
}
check "security" security

# --- 7 nginx --------------------------------------------------------------------------------------------
NGINX_DIR="$WORK/nginx"
SEED_PATH=/contests/ai-2025
RESULTS_PATH=/contests/ai-2025-results
build_at() { # build_at CONTEST_DIR URL OUT: a copy of the contest, its site.base_url set to URL, built into OUT
  local src=$1 url=$2 out=$3 copy="$3-contest"
  rm -rf "$copy" "$out"; mkdir -p "$copy"
  cp -r "$src/content" "$copy/"; [ -d "$src/templates" ] && cp -r "$src/templates" "$copy/"; [ -d "$src/forms" ] && cp -r "$src/forms" "$copy/"
  sed -i "s|^  base_url: .*|  base_url: \"$url\"|" "$copy/content/contest.yaml"
  grep -qF "  base_url: \"$url\"" "$copy/content/contest.yaml" || { echo "no site.base_url line in $src/content/contest.yaml"; return 1; }
  build "$copy" "$out"
}
free_port() { "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
nginx_up() { # builds both sites for a free port and starts nginx there; a port taken meanwhile: another
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$(free_port) || return 1
    NGINX_URL="http://127.0.0.1:$port"
    build_at "$REPO" "$NGINX_URL$SEED_PATH/" "$NGINX_DIR/seed" || return 1
    build_at "$REPO/tests/fixtures/results/seed" "$NGINX_URL$RESULTS_PATH/" "$NGINX_DIR/results" || return 1
    nginx_config "$NGINX_DIR" "$port" "$SEED_PATH" "$NGINX_DIR/seed" "$RESULTS_PATH" "$NGINX_DIR/results" || return 1
    if nginx_start "$NGINX_DIR"; then
      echo "nginx $("$NGINX" -v 2>&1 | sed 's|.*/||') (pid $NGINX_PID) serves $NGINX_URL$SEED_PATH/ and $NGINX_URL$RESULTS_PATH/"
      return 0
    fi
    echo "attempt $attempt: nginx did not start on port $port"
  done
  return 1
}
nginx_down() { # nginx ran until now; stopped, it has ended, and its error log has nothing worse than the 404s
  local pid=$NGINX_PID
  if ! kill -0 "$pid" 2>/dev/null; then echo "nginx $pid ended before the checks were done"; nginx_stop; return 1; fi
  nginx_stop
  if kill -0 "$pid" 2>/dev/null || [ -e "$NGINX_DIR/nginx.pid" ]; then echo "nginx $pid is still running"; return 1; fi
  # A later mime.types that knows .ics or .csv makes README's types line redundant, not wrong.
  if grep -E '\[(warn|crit|alert|emerg)\]' "$NGINX_DIR/error.log" | grep -v -E 'duplicate extension "(ics|csv)"'; then
    echo "nginx logged the problems above"; return 1
  fi
  echo "nginx stopped; its error log has $(grep -c '\[error\]' "$NGINX_DIR/error.log") lines, the missing addresses asked for"
}
if check "nginx start" nginx_up; then
  SEED_URL="$NGINX_URL$SEED_PATH/"
  RESULTS_URL="$NGINX_URL$RESULTS_PATH/"
  check "nginx served seed" node "$HERE/served.mjs" "$SEED_URL" "$NGINX_DIR/seed"
  check "nginx served results" node "$HERE/served.mjs" "$RESULTS_URL" "$NGINX_DIR/results"
  check "nginx axe seed" node "$HERE/browser.mjs" --base "$SEED_URL" axe "$NGINX_DIR/seed" $(pages_of "$NGINX_DIR/seed")
  check "nginx axe results" node "$HERE/browser.mjs" --base "$RESULTS_URL" axe "$NGINX_DIR/results" \
    $(cd "$NGINX_DIR/results" && ls results/*.html) index.html 404.html
  check "nginx links" node "$HERE/links.mjs" --base "$SEED_URL" "$NGINX_DIR/seed" --base "$RESULTS_URL" "$NGINX_DIR/results"
  check "nginx screenshots" node "$HERE/browser.mjs" --base "$RESULTS_URL" shots "$NGINX_DIR/results" "$SHOTS" nginx \
    index.html registration.html results/index.html 404.html \
    "results/$(cd "$NGINX_DIR/results/results" && ls *.html | grep -v '^index.html$' | head -1)"
  check "nginx stop" nginx_down
fi

echo
if [ $failed -gt 0 ]; then echo "failed: ${failed_names[*]}"; fi
echo "screenshots: $SHOTS"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
