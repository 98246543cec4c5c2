#!/usr/bin/env python3
"""The water areas that locate() uses where a point lies in no gemeente's land polygon: the
gemeenten's parts of the IJsselmeer, Markermeer, Waddenzee, the Zeeuwse wateren and the
coastal sea, each as a coarse polygon of the gemeente that administers it.

Needs shapely (`pip install shapely`); the output is committed, so building the app does not:

    python3 scripts/geo/make_water.py      # → data/geo/source/water.geojson

Input: `data/geo/source/gemeenten_water.geojson`, the water parts (`water` = JA) of
the gemeenten layer of the CBS Wijk- en Buurtkaart 2022 (provenance in data/geo/README.md),
and the land polygons `data/geo/source/gemeenten.geojson` that locate() tests first.

Method (RD New metres, the app's own projection polynomial):
1. Per gemeente (codes of the boundary year mapped to today's, `--remap`): the union of its
   water parts, holes dropped (an island is land, and land is tested first).
2. Each water area is widened by `--into-land` metres, but only over land and the slivers
   between the land polygons and the water parts (a closing of `--close` metres of land ∪
   water), and never into another gemeente's water or the open sea. So there is no gap
   between a shore and its water, while the borders in open water stay where they were.
3. The areas' shared borders become arcs (as in build_geo.py); each arc is simplified with
   Douglas–Peucker under one constraint: what a shortcut cuts off or adds must lie on land, or
   within `--tolerance` metres of the original line. Borders in open water move at most
   that far; edges inside land can be cut freely (land is always tested first).

The result is written as GeoJSON (WGS84, 6 decimals, one feature per gemeente, property
`code`); scripts/geo/build_geo.py encodes it into data/geo/water.bin.
"""

import argparse
import json
import os
import sys

import shapely
from shapely.geometry import LineString, Polygon, shape
from shapely.ops import unary_union
from shapely.prepared import prep

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_geo as B  # noqa: E402  (the projection, the topology and Douglas–Peucker)

# Gemeente codes of the Wijk- en Buurtkaart 2022 that no longer exist (CBS, gemeentelijke
# indelingen): Brielle, Hellevoetsluis and Westvoorne → Voorne aan Zee (1 January 2023),
# Weesp → Amsterdam (24 March 2022).
REMAP_2022 = "GM0501=GM1992,GM0530=GM1992,GM0614=GM1992,GM0457=GM0363"


def rd_to_wgs84(x, y):
    """Inverse of build_geo.wgs84_to_rd by Newton's method (exact to far below a millimetre,
    so build_geo.py projects these points back to where they were made)."""
    lon = 5.38720621 + (x - 155000.0) / 67000.0
    lat = 52.15517440 + (y - 463000.0) / 111250.0
    for _ in range(8):
        fx, fy = B.wgs84_to_rd(lon, lat)
        h = 1e-6
        ax, ay = B.wgs84_to_rd(lon + h, lat)
        bx, by = B.wgs84_to_rd(lon, lat + h)
        j11, j21, j12, j22 = (ax - fx) / h, (ay - fy) / h, (bx - fx) / h, (by - fy) / h
        det = j11 * j22 - j12 * j21
        dx, dy = x - fx, y - fy
        lon += (j22 * dx - j12 * dy) / det
        lat += (j11 * dy - j21 * dx) / det
    return lon, lat


def to_rd(geometry):
    return shapely.transform(
        shapely.make_valid(shape(geometry)),
        lambda a: [B.wgs84_to_rd(x, y) for x, y in a],
    )


def polygons(g):
    if g.geom_type == "Polygon":
        return [g]
    return [p for part in getattr(g, "geoms", []) for p in polygons(part)]


def without_holes(g, min_area=0.0):
    return unary_union([Polygon(p.exterior) for p in polygons(g) if p.area >= min_area])


def constrained_douglas_peucker(pts, allowed):
    """Douglas–Peucker on one arc, keeping a shortcut i→j only when `allowed(i, j)`; the
    endpoints stay (shared borders stay shared). A closed arc is first split at the point
    farthest from its start."""
    n = len(pts)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    if pts[0] == pts[-1] and n > 3:
        far = max(range(n), key=lambda k: (pts[k][0] - pts[0][0]) ** 2 + (pts[k][1] - pts[0][1]) ** 2)
        keep[far] = True
        stack = [(0, far), (far, n - 1)]
    while stack:
        i, j = stack.pop()
        if j - i < 2 or allowed(i, j):
            continue
        k = max(range(i + 1, j), key=lambda m: B.seg_dist2(pts[m], pts[i], pts[j]))
        keep[k] = True
        stack += [(i, k), (k, j)]
    out = [p for p, k in zip(pts, keep) if k]
    return pts if pts[0] == pts[-1] and len(out) < 4 else out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--water", default="data/geo/source/gemeenten_water.geojson")
    ap.add_argument("--land", default="data/geo/source/gemeenten.geojson")
    ap.add_argument("--out", default="data/geo/source/water.geojson")
    ap.add_argument("--remap", default=REMAP_2022, help="OLD=NEW,… gemeente codes merged since")
    ap.add_argument("--into-land", type=float, default=300.0, help="widening over land (m)")
    ap.add_argument("--close", type=float, default=100.0, help="closing of land ∪ water (m)")
    ap.add_argument("--tolerance", type=float, default=100.0, help="movement in open water (m)")
    ap.add_argument("--min-area", type=float, default=10_000.0, help="smallest part kept (m²)")
    args = ap.parse_args()

    remap = dict(pair.split("=") for pair in args.remap.split(",") if pair)
    with open(args.land, encoding="utf-8") as f:
        land_features = json.load(f)["features"]
    known = {f["properties"]["code"] for f in land_features}
    land = unary_union([to_rd(f["geometry"]) for f in land_features])
    parts = {}
    with open(args.water, encoding="utf-8") as f:
        for feat in json.load(f)["features"]:
            p = feat["properties"]
            if p.get("water") != "JA":
                continue
            code = remap.get(p["gemeentecode"], p["gemeentecode"])
            if code not in known:
                sys.exit(f"{args.water}: {p['gemeentecode']} ({p['gemeentenaam']}) is geen gemeente van "
                         f"{args.land}; geef de nieuwe code met --remap")
            parts.setdefault(code, []).append(to_rd(feat["geometry"]))
    water = {c: without_holes(unary_union(g)) for c, g in sorted(parts.items())}
    everything = unary_union([land, *water.values()])
    closed = everything.buffer(args.close, quad_segs=4).buffer(-args.close, quad_segs=4)

    areas = []
    for code, w in water.items():
        others = unary_union([o for c, o in water.items() if c != code])
        grown = w.buffer(args.into_land, quad_segs=4).intersection(closed).difference(others)
        grown = without_holes(shapely.make_valid(grown), args.min_area)
        if not grown.is_empty:
            areas.append((code, grown))

    # Shared arcs on a 1 m grid (no snapping: the areas share their borders exactly).
    feats = [[[B.clean_ring([(round(x), round(y)) for x, y in p.exterior.coords[:-1]])]
              for p in polygons(g)] for _, g in areas]
    arcs, refs = B.build_topology(feats)
    on_land = prep(land)

    def simplify(arc):
        pts = [(float(x), float(y)) for x, y in arc]

        def allowed(i, j):
            seg = pts[i:j + 1]
            cut = shapely.make_valid(Polygon(seg + [seg[0]]))
            if cut.area == 0 or on_land.contains(cut):
                return True
            rest = cut.difference(land)
            return rest.is_empty or LineString(seg).buffer(args.tolerance, quad_segs=2).covers(rest)

        return constrained_douglas_peucker(pts, allowed)

    simple = [simplify(a) for a in arcs]
    out = []
    for (code, _), polys in zip(areas, refs):
        rings = [[B.ring_coords(simple, 1, ring_refs) for ring_refs in poly] for poly in polys]
        coords = [[[[round(v, 6) for v in rd_to_wgs84(x, y)] for x, y in ring + ring[:1]] for ring in poly]
                  for poly in rings]
        out.append({"type": "Feature", "properties": {"code": code},
                    "geometry": {"type": "MultiPolygon", "coordinates": coords}})
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(json.dumps(o, separators=(",", ":")) for o in out))
        f.write("\n]}\n")
    print(f"water: {len(out)} gemeenten, {len(arcs)} arcs, {sum(map(len, arcs))} → "
          f"{sum(map(len, simple))} points → {args.out}")


if __name__ == "__main__":
    main()
