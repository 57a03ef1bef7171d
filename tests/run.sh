#!/usr/bin/env bash
# The test command of README.md. On a fresh Debian 12 or 13 with only Rust installed it installs what the
# tests use, with apt-get when missing: poppler's pdftotext, pdffonts and pdfinfo (poppler-utils), qpdf,
# Debian's chromium (tests/e2e and tests/clients), Java (the Nu HTML Checker), Node and npm (axe-core,
# the link checker), nginx (tests/clients serves the sites with README's example), python3 with its venv
# module; and pypdf and openpyxl, pinned, in a virtual environment under the cargo target folder
# ("${CARGO_TARGET_DIR:-target}/venv", since Debian's python is externally managed). It exports that venv's python as JINGSAI_PYTHON for the tests that read PDFs with
# pypdf and workbooks with openpyxl, then runs every test in the release profile (the profile of
# `cargo run --release -- build`, so Typst compiles once) and tests/clients/run.sh. A test never skips
# because a tool is missing: it fails.
set -euo pipefail
cd "$(dirname "$0")/.."

PYPDF_VERSION=7.1.1
OPENPYXL_VERSION=3.1.5

TARGET_DIR=${CARGO_TARGET_DIR:-target}
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$PWD/$TARGET_DIR" ;; esac
VENV="$TARGET_DIR/venv"

need_apt=()
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need_apt+=(qpdf)
# tests/e2e drives headless Chromium (Debian's package) over the DevTools protocol against `jingsai serve`.
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need_apt+=(chromium)
# nginx is in /usr/sbin, which a user's PATH may lack; tests/clients starts its own on a loopback port.
[ -x "${NGINX:-/usr/sbin/nginx}" ] || need_apt+=(nginx)
command -v java >/dev/null 2>&1 || need_apt+=(JAVA)   # replaced below by the package the repository has
# Debian 12's nodejs is 18: tests/clients pins playwright-core to 1.61.1, the last release that runs on it.
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
# Debian's python3 makes a venv only with python3-venv (ensurepip); the venv, once made, needs neither.
venv_ok() { "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; }   # false when missing or broken
if ! venv_ok && ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  need_apt+=(python3-venv)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  for i in "${!need_apt[@]}"; do
    if [ "${need_apt[$i]}" = JAVA ]; then
      # Debian 12 and 13 both have default-jre-headless (OpenJDK 17 and 21); older lists name the version.
      if apt-cache show default-jre-headless >/dev/null 2>&1; then need_apt[$i]=default-jre-headless
      else need_apt[$i]=openjdk-17-jre-headless; fi
    fi
  done
  echo "== installing ${need_apt[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# pypdf and openpyxl, pinned, in their own venv: `pip install` into Debian's python fails (externally
# managed).
if ! "$VENV/bin/python" -c "import pypdf, openpyxl, sys; sys.exit(pypdf.__version__ != '$PYPDF_VERSION' or openpyxl.__version__ != '$OPENPYXL_VERSION')" >/dev/null 2>&1; then
  echo "== installing pypdf $PYPDF_VERSION and openpyxl $OPENPYXL_VERSION into $VENV"
  venv_ok || python3 -m venv --clear "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "pypdf==$PYPDF_VERSION" "openpyxl==$OPENPYXL_VERSION"
fi
export JINGSAI_PYTHON="$VENV/bin/python"

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
cargo test --release --all-targets
bash tests/clients/run.sh
