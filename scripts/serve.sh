#!/usr/bin/env bash
# Builds the app and serves this folder on localhost, with the app's strict CSP headers.
source "$(dirname "$0")/lib.sh"
bash scripts/build.sh
exec python3 scripts/serve.py --port "${PORT:-8000}"
