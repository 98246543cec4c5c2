#!/usr/bin/env bash
# Prints the benchmark figures: what the page loads, the geography, the engine.
# Figures only: these machines are noisy, so nothing here is asserted.
source "$(dirname "$0")/lib.sh"
bash scripts/build.sh >/dev/null

echo "## Transfer sizes (make sizes)"
node scripts/sizes.mjs

for bench in benches/*.rs; do
  name=$(basename "$bench" .rs)
  echo
  echo "## cargo bench --bench $name"
  cargo bench --quiet --bench "$name"
done
