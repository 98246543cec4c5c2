#!/usr/bin/env bash
# Builds the release app and packs it as dist/routewijzer-<version>/ (see docs/hosting.md).
source "$(dirname "$0")/lib.sh"
bash scripts/build.sh
if [ ! -d scripts/node_modules ]; then
  (cd scripts && step npm ci --no-audit --no-fund)   # the minifiers (scripts/package.json)
fi
node scripts/dist.mjs
