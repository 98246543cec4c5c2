#!/usr/bin/env bash
# Every test, in order of speed: lint gates, native tests, wasm tests in headless Chromium,
# then the end-to-end test of the built page. Stops at the first failure.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh --browser

step cargo fmt --check
step cargo clippy --all-targets -- -D warnings
step cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
step cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings  # the start build
step bash scripts/deny.sh   # licences (EUPL-1.2-compatible), bans, sources: deny.toml
step cargo test
CHROMEDRIVER=/usr/bin/chromedriver step cargo test --target wasm32-unknown-unknown --test dom
bash scripts/dist.sh                  # builds; the e2e also checks the distributable bundle
step cargo build --bin routewijzer   # the e2e compares the CLI with the JS API
(cd tests/e2e && step node --test)
