#!/usr/bin/env bash
# Builds the static site in place: index.html + www/ + pkg/ can be served by any static server.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh

step cargo build --release --lib --target wasm32-unknown-unknown
# --remove-name-section drops ~160 KB of function names; no strip (toolchain.md §3).
step wasm-bindgen --target web --out-dir pkg --no-typescript \
  --remove-name-section --remove-producers-section \
  target/wasm32-unknown-unknown/release/routewijzer.wasm
