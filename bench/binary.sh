# Sourced by the bench scripts: copy_binary DEST puts the jingsai binary to measure at DEST, the one
# named by JINGSAI_BIN (built elsewhere, another branch) or else this checkout's, built with
# `cargo build --release` (in CARGO_TARGET_DIR when set). Needs REPO, the repository's root.
copy_binary() {
  if [[ -n ${JINGSAI_BIN:-} ]]; then
    cp "$JINGSAI_BIN" "$1"
  else
    echo "== cargo build --release" >&2
    (cd "$REPO" && cargo build --release --quiet --bin jingsai)
    local target=${CARGO_TARGET_DIR:-target}
    case "$target" in /*) ;; *) target="$REPO/$target" ;; esac
    cp "$target/release/jingsai" "$1"
  fi
}
