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
