#!/usr/bin/env python3
"""Reference answers for locate() in and around the large waters, for tests/geo_water.rs:
random points located with shapely in the *source* polygons (the CBS water parts before any
simplification, and the land polygons that locate() tests first).

Run once (needs `pip install shapely`; the output is committed):

    python3 scripts/geo/make_water_fixtures.py > tests/fixtures/geo/water_shapely.csv

Columns: lon, lat, expected gemeente (empty = outside every gemeente), kind:
* `water`: in a gemeente's water part, in no land polygon, and at least `--margin` metres from
  the open sea and from every other gemeente's water (the water areas' borders there are
  simplified to about 100 m). Points near a shore are included: shores must leave no gap.
* `sea`: in no land polygon and no water part, at least `--sea-margin` metres from both.
"""

import argparse
import json
import os
import random
import sys

import shapely
from shapely.geometry import Point, box
from shapely.ops import unary_union
from shapely.prepared import prep

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_water import REMAP_2022, rd_to_wgs84, to_rd  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--water", default="data/geo/source/gemeenten_water.geojson")
ap.add_argument("--land", default="data/geo/source/gemeenten.geojson")
ap.add_argument("-n", type=int, default=2500, help="points of each kind")
ap.add_argument("--margin", type=float, default=150.0)
ap.add_argument("--sea-margin", type=float, default=300.0)
args = ap.parse_args()

remap = dict(pair.split("=") for pair in REMAP_2022.split(","))
with open(args.land, encoding="utf-8") as f:
    land = unary_union([to_rd(f["geometry"]) for f in json.load(f)["features"]])
parts = {}
with open(args.water, encoding="utf-8") as f:
    for feat in json.load(f)["features"]:
        code = remap.get(feat["properties"]["gemeentecode"], feat["properties"]["gemeentecode"])
        parts.setdefault(code, []).append(to_rd(feat["geometry"]))
water = {c: unary_union(g) for c, g in sorted(parts.items())}
codes = list(water)
frame = box(*unary_union(list(water.values())).buffer(5000).bounds)
land_parts = list(getattr(land, "geoms", [land]))
sea = frame.difference(unary_union([land, *water.values()]))
in_land = prep(land)
# what a water point must keep its distance from: the sea and every other gemeente's water
blockers = shapely.STRtree([sea, *water.values()])
# what a sea point must keep its distance from: every land polygon and every water part
territory = shapely.STRtree([*land_parts, *water.values()])
water_prep = [prep(w) for w in water.values()]

rng = random.Random(28992)
x0, y0, x1, y1 = frame.bounds
rows = {"water": [], "sea": []}
while min(len(r) for r in rows.values()) < args.n:
    p = Point(rng.uniform(x0, x1), rng.uniform(y0, y1))
    if in_land.contains(p):
        continue
    owner = [k for k, w in enumerate(water_prep) if w.contains(p)]
    if len(owner) == 1 and len(rows["water"]) < args.n:
        near = blockers.query(p, predicate="dwithin", distance=args.margin)
        if all(k == owner[0] + 1 for k in near):  # index 0 is the sea
            rows["water"].append((p, codes[owner[0]]))
    elif not owner and len(rows["sea"]) < args.n:
        if len(territory.query(p, predicate="dwithin", distance=args.sea_margin)) == 0:
            rows["sea"].append((p, ""))

print(f"# shapely {shapely.__version__}; made by scripts/geo/make_water_fixtures.py "
      f"(margin {args.margin:g} m, sea margin {args.sea_margin:g} m)")
print("lon,lat,gemeente,kind")
for kind, found in rows.items():
    for p, code in found:
        lon, lat = rd_to_wgs84(p.x, p.y)
        print(f"{lon:.6f},{lat:.6f},{code},{kind}")
