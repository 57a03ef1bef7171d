#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (not part of tests/run.sh or CI; run it by hand or nightly):
#
#   bash fuzz/run.sh              # each target for 60 s
#   SECONDS_PER_TARGET=600 bash fuzz/run.sh contest_yaml
#
# Targets (fuzz/fuzz_targets/): contest_yaml (the contest.yaml loader), results_csv (the results reader
# for CSV in UTF-8/UTF-16/GBK and YAML, then checking and ranking), results_xlsx (the same for .xlsx),
# markdown (a notice's Markdown to HTML: not only no panic, but the sanitiser's property, checked on the
# HTML as html5ever parses it: no on* attribute, no script-capable address, no script/svg/math/iframe/
# style/object/form element, and sanitising the HTML again changes nothing; see fuzz/html_safety.rs).
# The corpus is kept in fuzz/corpus/<target>/: the seeds (copies of the fixtures as they were when the
# corpus was made, among them the former tests/fixtures/bad/ contests), plus the inputs under 2 KB of a
# minimised corpus (`cargo fuzz cmin`); a run adds new inputs there, tens of MB after a few minutes, so
# commit only small ones (`find fuzz/corpus -size -2k`). A crash is written to fuzz/artifacts/<target>/ and
# fails the run. Reproduce one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none --debug-assertions <target> fuzz/artifacts/<target>/<file>
# then fix it and copy the file to fuzz/regressions/<target>/, which tests/fuzz_regressions.rs runs in
# every `cargo test`.
#
# Runs so far (2 cores, 300 s per target, 2026-11-29): the first found 3 crashes, all fixed (a YAML error
# span ending inside a Chinese character; an xlsx cell reference far beyond the last column). The second:
# contest_yaml 145,821 runs, results_csv 1,731,062, results_xlsx 1,785,266, no crash.
# markdown (2026-11-30, 300 s, 2 cores shared with other builds): 488,679 runs, 10,925 new inputs, no
# property violation and no crash.
# After the safety work of issue 10 (bounded xlsx and CSV reading, input checks, sanitiser), 2026-11-30,
# 90 s each on 2 cores: results_xlsx 683,676 runs, results_csv 355,664, contest_yaml 48,112, markdown
# 216,049; no crash, no property violation.
#
# cargo fuzz needs nightly flags (-Zsanitizer, -Cpasses=sancov); with the stable toolchain of this project
# they are enabled with RUSTC_BOOTSTRAP=1. The sanitizer is off by default (the code under test is safe
# Rust, the findings are panics and hangs); FUZZ_SANITIZER=address turns AddressSanitizer on. The script
# installs cargo-fuzz 0.13.2 (pinned below) when another version or none is installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SECS=${SECONDS_PER_TARGET:-60}
SAN=${FUZZ_SANITIZER:-none}
export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

# cargo-fuzz, pinned; installed (or replaced) only when the installed one is another version.
CARGO_FUZZ_VERSION=0.13.2
installed=$(cargo fuzz --version 2>/dev/null || true)   # "cargo-fuzz 0.13.2"
if [ "${installed##* }" != "$CARGO_FUZZ_VERSION" ]; then
  echo "== installing cargo-fuzz $CARGO_FUZZ_VERSION${installed:+ (found ${installed##* })}"
  # Built as on stable: RUSTC_BOOTSTRAP would let its dependencies' build scripts turn on nightly features.
  env -u RUSTC_BOOTSTRAP cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(contest_yaml results_csv results_xlsx markdown)

echo "== building ${targets[*]} (sanitizer: $SAN)"
cargo fuzz build --sanitizer "$SAN" --debug-assertions

failed=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== $t for ${SECS}s"
  # -timeout: an input that takes over 10 s is a hang; -rss_limit_mb: over 2 GiB is a memory blow-up.
  if ! cargo fuzz run --sanitizer "$SAN" --debug-assertions "$t" "fuzz/corpus/$t" -- \
      -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1; then
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]} (see fuzz/artifacts/)"
  exit 1
fi
echo "fuzzing: ${#targets[@]} targets, ${SECS}s each, no crash"
