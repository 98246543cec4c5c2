#!/usr/bin/env bash
# Builds the static site in place: index.html + www/ + pkg/ can be served by any static server.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh

# Two builds of one crate: the start build (the explainer only) is what the page loads
# first; the full build (every view) loads when a user opens another view (www/loader.js).
# --remove-name-section drops ~160 KB of function names; no strip (toolchain.md §3).
bindgen() {
  step wasm-bindgen --target web --out-dir pkg --out-name "$1" --no-typescript \
    --remove-name-section --remove-producers-section \
    target/wasm32-unknown-unknown/release/routewijzer.wasm
}
step cargo build --release --lib --target wasm32-unknown-unknown --no-default-features
bindgen routewijzer_start
step cargo build --release --lib --target wasm32-unknown-unknown
bindgen routewijzer
