#!/usr/bin/env bash
# make geo: regenerates the compiled-in geography (data/geo/*.bin, meta.tsv) from
# data/geo/source and the tables in data/geo (python3, stdlib only).
# A new CBS boundary year or a herindeling, in one command (needs shapely):
#   make geo WBK=gemeenten.geojson TABLES=folder [REMAP=GM1696=GM0402] [GEO_ARGS=--gm-simplify 20]
# (scripts/geo/import_cbs.py; data/geo/README.md, "A new boundary year or a herindeling").
source "$(dirname "$0")/lib.sh"
if [ -n "${WBK:-}" ]; then
  step python3 scripts/geo/import_cbs.py --wbk "$WBK" \
    --tables "${TABLES:?set TABLES to the folder with the tables of that year}" ${REMAP:+--remap "$REMAP"} \
    ${GEO_ARGS:-}
else
  step python3 scripts/geo/build_geo.py
fi
