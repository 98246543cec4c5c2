#!/usr/bin/env bash
# What each dependency, module and bundled data file costs in the start build (the wasm the
# page loads first): the start build linked as scripts/build.sh does, then wasm-bindgen with
# the function names kept (docs/performance.md, "How it was profiled"; without make dist's
# wasm-opt step, which merges identical functions, runs five local passes and reorders the
# functions: about 12 KB gzip less), read by
# scripts/size-breakdown.mjs (per crate and per data file, raw and gzip) and by twiggy
# (`cargo install twiggy`; the largest items with what they keep alive). Figures only.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh >/dev/null
command -v twiggy >/dev/null || step cargo install twiggy --locked

out=target/size-breakdown
wasm_link --quiet --no-default-features   # as scripts/build.sh links it
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" --out-name start --no-typescript --remove-producers-section \
  target/wasm32-unknown-unknown/release/routewijzer.wasm
wasm="$out/start_bg.wasm"

echo "## The start build by crate and by bundled data file"
# The files compiled into the wasm (src/geo.rs, src/data.rs: include_bytes!/include_str!).
mapfile -t data < <(grep -rhoE 'include_(bytes|str)!\("[^"]+"\)' src/geo.rs src/data.rs \
  | sed -E 's/.*"(\.\.\/)+([^"]+)".*/\2/' | sort -u)
node scripts/size-breakdown.mjs "$wasm" "${data[@]}"

echo
echo "## twiggy top (the largest items, raw bytes with their names)"
twiggy top -n 20 "$wasm"
echo
echo "## twiggy dominators (what keeps the most code alive)"
twiggy dominators -d 2 -r 25 "$wasm"
