#!/usr/bin/env python3
"""Reference answers for locate(): random points over the Netherlands, located with shapely
in the *source* GeoJSON (before any conversion), for tests/geo_reference.rs.

Run once (needs `pip install shapely pyproj`; the output is committed):

    python3 scripts/geo/make_locate_fixtures.py > tests/fixtures/geo/locate_shapely.csv

Columns: lon, lat, gemeente code (empty = outside), metres to the nearest gemeente boundary
(negative = outside, minus the distance to the nearest gemeente), waterschap code (empty = outside), metres to the waterschap boundary.
"""

import argparse
import json
import os
import random

import numpy
import shapely
from pyproj import Transformer
from shapely.geometry import Point, shape

ap = argparse.ArgumentParser()
ap.add_argument("--src", default="data/geo/source")
ap.add_argument("-n", type=int, default=3000)
args = ap.parse_args()

to_rd = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True).transform


def rd_coords(c):
    x, y = to_rd(c[:, 0], c[:, 1])
    return numpy.column_stack([x, y])


def load(name):
    with open(os.path.join(args.src, name), encoding="utf-8") as f:
        feats = json.load(f)["features"]
    out = []
    for f in feats:
        g = shape(f["geometry"])
        out.append((f["properties"]["code"], g, shapely.transform(g, rd_coords).boundary))
    return out


gm = load("gemeenten.geojson")
ws = load("waterschappen.geojson")
gm_tree = shapely.STRtree([g for _, g, _ in gm])
ws_tree = shapely.STRtree([g for _, g, _ in ws])


def find(tree, items, p):
    for i in sorted(tree.query(p)):
        code, g, boundary = items[i]
        if g.contains(p):
            return code, boundary.distance(Point(*to_rd(p.x, p.y)))
    # outside: distance to the nearest area's boundary, as a negative number
    near = tree.query_nearest(p)
    prd = Point(*to_rd(p.x, p.y))
    return "", -min(items[i][2].distance(prd) for i in near)


rng = random.Random(342)
print(f"# shapely {shapely.__version__}; {args.n} random points; made by scripts/geo/make_locate_fixtures.py")
print("lon,lat,gemeente,gm_dist_m,waterschap,ws_dist_m")
for _ in range(args.n):
    lon = round(rng.uniform(3.3, 7.25), 6)
    lat = round(rng.uniform(50.74, 53.56), 6)
    p = Point(lon, lat)
    g, gd = find(gm_tree, gm, p)
    w, wd = find(ws_tree, ws, p)
    print(f"{lon},{lat},{g},{gd:.1f},{w},{wd:.1f}")
