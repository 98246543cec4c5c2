#!/usr/bin/env bash
# Builds the static site in place: index.html + www/ + pkg/ can be served by any static server.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh

# Two builds of one crate: the start build (the explainer only) is what the page loads
# first; the full build (every view) loads when a user opens another view (www/loader.js).
# --remove-name-section drops ~160 KB of function names; no strip (toolchain.md §3).
# --encode-into always: every browser that runs the app has TextEncoder.encodeInto, so the
# glue need not test for it (63 bytes gzip; docs/performance.md, "Tried").
bindgen() {
  step wasm-bindgen --target web --out-dir pkg --out-name "$1" --no-typescript \
    --remove-name-section --remove-producers-section --encode-into always \
    target/wasm32-unknown-unknown/release/routewijzer.wasm
}
step wasm_link --no-default-features
bindgen routewijzer_start
step wasm_link
bindgen routewijzer
