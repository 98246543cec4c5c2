#!/usr/bin/env bash
# Prints the benchmark figures: what the page loads, start-up and interaction in Chromium,
# the geography, the engine. Figures only: these machines are noisy, so nothing is asserted.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh --browser >/dev/null
bash scripts/dist.sh >/dev/null   # the release bundle: what is measured

echo "## Transfer sizes (make sizes)"
node scripts/sizes.mjs
echo

# The baseline page: bare Yew, same release profile, same bindgen flags.
(cd bench/hello && cargo build --quiet --release --target wasm32-unknown-unknown \
  && wasm-bindgen --target web --out-dir pkg --no-typescript --remove-name-section \
     --remove-producers-section target/wasm32-unknown-unknown/release/rw_hello.wasm)
node scripts/bench-web.mjs

for bench in benches/*.rs; do
  name=$(basename "$bench" .rs)
  echo
  echo "## cargo bench --bench $name"
  cargo bench --quiet --bench "$name" | tee "target/bench/cargo-$name.txt"
done

echo
node scripts/bench-table.mjs
