#!/usr/bin/env bash
# Builds the release app and packs it as dist/routewijzer-<version>/ (see docs/hosting.md).
source "$(dirname "$0")/lib.sh"
bash scripts/build.sh
node scripts/dist.mjs
