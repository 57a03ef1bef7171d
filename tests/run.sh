#!/usr/bin/env bash
# The test command of README.md: installs what the tests need, then runs every test in the release
# profile (the same profile `cargo run --release -- build` uses, so Typst and friends compile once).
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
cargo test --release --all-targets
