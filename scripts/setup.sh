#!/usr/bin/env bash
# Installs what building and testing need; each step is skipped when already done.
source "$(dirname "$0")/lib.sh"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step rustup target add wasm32-unknown-unknown
fi

version=$(wasm_bindgen_version)
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$version" ]; then
  # --locked can fail when a pinned transitive crate is missing from the registry
  # mirror (toolchain.md, pitfall 1); the unlocked retry resolves fine.
  step cargo install wasm-bindgen-cli --version "$version" --locked \
    || step cargo install wasm-bindgen-cli --version "$version"
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step apt-get update -q
    step apt-get install -y -q chromium chromium-driver
  fi
  # odfpy: a real ODF parser, to read back the Werkafspraken ODT (tests/odt_read.py).
  if ! python3 -c 'import odf.opendocument' 2>/dev/null; then
    step python3 -m pip install --quiet odfpy
  fi
  if [ ! -d tests/e2e/node_modules ]; then
    (cd tests/e2e && step npm ci --no-audit --no-fund)
  fi
fi
