# Shared helpers for the scripts in this folder. Source it; do not run it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock, exactly.
wasm_bindgen_version() {
  grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p'
}

# Runs a step and prints how long it took. Returns the step's own exit code
# (a plain "$@" under set -e would be ignored when called left of ||).
step() {
  local start=$SECONDS rc=0
  echo "==> $*"
  "$@" || rc=$?
  if [ "$rc" -eq 0 ]; then echo "==> ok in $((SECONDS - start))s: $*"; else echo "==> FAILED ($rc) in $((SECONDS - start))s: $*"; fi
  return "$rc"
}

# Links the app's wasm as the release bundle has it (docs/performance.md, "Tried"): the lib as
# a cdylib alone, because next to the rlib (Cargo.toml's crate-type) rustc's LTO keeps code the
# cdylib cannot reach (13.6 KB gzip of the start build); and a 512 KiB stack instead of 1 MiB:
# the stack lies below the static data, so every static address then fits a 3-byte i32.const
# (0.4 KB gzip; deep input is refused at 128 levels long before that). Extra cargo arguments
# (--no-default-features) pass through; the flags reach this crate's link alone.
wasm_link() {
  cargo rustc --release --lib --crate-type cdylib --target wasm32-unknown-unknown "$@" \
    -- -C link-arg=-zstack-size=524288
}
