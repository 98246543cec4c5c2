#!/usr/bin/env bash
# Builds the release app and packs it as dist/routewijzer-<version>/ (see docs/hosting.md).
source "$(dirname "$0")/lib.sh"
bash scripts/build.sh
# The minifiers and wasm-opt (scripts/package.json), again when one is missing (a new one added).
if ! (cd scripts && node -e 'for (const d in require("./package.json").devDependencies) require.resolve(`${d}/package.json`)' 2>/dev/null); then
  (cd scripts && step npm ci --no-audit --no-fund)
fi
node scripts/dist.mjs
