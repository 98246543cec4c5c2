#!/usr/bin/env bash
# Prints the benchmark figures: what the page loads, start-up against two baselines (also
# throttled), interaction, memory, Lighthouse, the geography, the engine; then one table of
# every budget (scripts/bench-table.mjs). Figures only: these machines are noisy, so nothing
# is asserted. How each figure is measured: docs/performance.md.
#
# Quicker runs: STARTUP_ONLY=1 (sizes and start-up only), NO_THROTTLE=1 (no throttled
# start-up or network rows), NO_LIGHTHOUSE=1; RUNS, NET_RUNS, CLICKS, LH_RUNS set the counts.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh --browser >/dev/null
bash scripts/dist.sh >/dev/null   # the release bundle: what is measured
rm -rf target/bench && mkdir -p target/bench   # the table shows this run's figures only

echo "## Transfer sizes (make sizes)"
node scripts/sizes.mjs
echo

# The baselines (bench/): bare Yew, and bare Yew plus the explainer's start map from markup
# computed ahead of time by the app's own SVG writer; same release profile, same bindgen flags.
cargo run --quiet --example bench_map_markup -- bench/map/gen
(cd bench && cargo build --quiet --release --target wasm32-unknown-unknown)
for page in hello map; do
  wasm-bindgen --target web --out-dir "bench/$page/pkg" --no-typescript --remove-name-section \
    --remove-producers-section "bench/target/wasm32-unknown-unknown/release/rw_$page.wasm"
done
node scripts/bench-web.mjs

if [ -z "${STARTUP_ONLY:-}" ] && [ -z "${NO_LIGHTHOUSE:-}" ]; then
  if [ ! -x bench/node_modules/.bin/lighthouse ]; then
    # Lighthouse drives the system Chromium (CHROME_PATH); puppeteer-core downloads none.
    (cd bench && export PUPPETEER_SKIP_DOWNLOAD=1 && step npm ci --no-audit --no-fund)
  fi
  echo
  echo "## Lighthouse (release bundle served gzip-compressed; simulated throttling per preset)"
  node scripts/bench-lighthouse.mjs
fi

if [ -z "${STARTUP_ONLY:-}" ]; then
  for bench in benches/*.rs; do
    name=$(basename "$bench" .rs)
    echo
    echo "## cargo bench --bench $name"
    cargo bench --quiet --bench "$name" | tee "target/bench/cargo-$name.txt"
  done
fi

echo
node scripts/bench-table.mjs
