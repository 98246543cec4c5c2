#!/usr/bin/env python3
"""Raw and gzip (-9) sizes of the shipped geography vs the source GeoJSON.

    python3 scripts/geo/sizes.py [--src data/geo/source]

The source folder (default data/geo/source) holds the GeoJSON the shipped files were made
from; provincies.geojson is measured when present (it is not needed: provincies are
derived from the gemeenten).
"""

import argparse
import gzip
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "data", "geo")
SHIPPED = ["gemeenten.bin", "waterschappen.bin", "meta.tsv", "aliases.csv"]
# Compiled into the native and the full web build; the start build fetches it on a miss.
LATER = ["water.bin"]
SOURCES = ["gemeenten.geojson", "provincies.geojson", "waterschappen.geojson",
           "gemeenten_water.geojson"]
GEMEENTEN_GEOJSON_GZ = 188_300


def sizes(path):
    with open(path, "rb") as f:
        raw = f.read()
    return len(raw), len(gzip.compress(raw, compresslevel=9, mtime=0))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default=os.path.join(DATA, "source"))
    args = ap.parse_args()
    total_raw = total_gz = 0
    print(f"{'shipped file':<28}{'raw B':>10}{'gzip B':>10}")
    for name in SHIPPED:
        r, g = sizes(os.path.join(DATA, name))
        total_raw += r
        total_gz += g
        print(f"{name:<28}{r:>10}{g:>10}")
    print(f"{'total shipped':<28}{total_raw:>10}{total_gz:>10}")
    for name in LATER:
        if os.path.exists(os.path.join(DATA, name)):
            r, g = sizes(os.path.join(DATA, name))
            print(f"{name + ' (start build: on a miss)':<28}{r:>10}{g:>10}")
    gm_gz = sizes(os.path.join(DATA, "gemeenten.bin"))[1]
    ref = GEMEENTEN_GEOJSON_GZ
    if os.path.isdir(args.src):
        src_raw = src_gz = 0
        for name in SOURCES:
            if not os.path.exists(os.path.join(args.src, name)):
                continue
            r, g = sizes(os.path.join(args.src, name))
            src_raw += r
            src_gz += g
            if name == "gemeenten.geojson":
                ref = g
            print(f"{'source ' + name:<28}{r:>10}{g:>10}")
        print(f"{'total source GeoJSON':<28}{src_raw:>10}{src_gz:>10}")
        print(f"total shipped gz / all source GeoJSON gz: {100 * total_gz / src_gz:.1f} %")
    print(f"gemeenten.bin gz / gemeenten.geojson gz: {100 * gm_gz / ref:.1f} % (target < 40 %)")
    print(f"all shipped gz / gemeenten.geojson gz: {100 * total_gz / ref:.1f} %")


if __name__ == "__main__":
    main()
