#!/usr/bin/env bash
# The test command of README.md: installs the real clients the tests use (poppler's pdftotext, pdffonts
# and pdfinfo, qpdf, python3's pypdf, Debian's chromium for tests/e2e), then runs every test in the release
# profile (the profile of `cargo run --release -- build`, so Typst compiles once). A test never skips because a tool is missing:
# the tests fail if one is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need_apt+=(qpdf)
# tests/e2e drives headless Chromium (Debian's package) over the DevTools protocol against `jingsai serve`.
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if ! python3 -c 'import pypdf' >/dev/null 2>&1; then
  echo "== installing pypdf"
  python3 -m pip install --quiet 'pypdf>=5'
fi

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
cargo test --release --all-targets
bash tests/clients/run.sh
