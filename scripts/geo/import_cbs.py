#!/usr/bin/env python3
"""A new boundary year, or a herindeling, in one step (needs shapely; `make geo WBK=… TABLES=…`):

    python3 scripts/geo/import_cbs.py --wbk FILE --tables DIR [--remap OLD=NEW,…] [build_geo options]

1. Reads FILE: the gemeenten layer of a CBS Wijk- en Buurtkaart as GeoJSON in WGS84 (PDOK WFS
   `wijkenbuurten:gemeenten`, properties `gemeentecode`, `gemeentenaam`, `water` = JA/NEE),
   or this folder's own `data/geo/source/gemeenten.geojson` (`code`, `name`: all land).
   Use an unsimplified download: neighbouring gemeenten must share their borders exactly.
2. Maps the codes of merged gemeenten (`--remap GM1696=GM0402`: Wijdemeren joins Hilversum)
   and dissolves each gemeente's land parts into one shape; drops GM0998 (Buitenland, the
   Belgian enclaves of Baarle-Hertog). Name and provincie come from DIR's tables.
3. Writes `data/geo/source/gemeenten.geojson` and, if FILE has water parts (`water` = JA),
   `data/geo/source/gemeenten_water.geojson`; copies the tables from DIR into data/geo; adds
   each merged gemeente's name to `aliases.csv` as a former gemeente ("Wijdemeren" keeps
   finding Hilversum), unless that name is there already.
4. Runs make_water.py (the large waters) and build_geo.py (the compiled-in files), which
   check that boundaries and tables name the same gemeenten.

DIR holds `gemeente_omgevingsdienst.csv`, `gemeente_omgevingsdienst_tot_2025.csv` (may be
absent) and `gemeente_veiligheidsregio.csv`, in the columns of data/geo (see its README).
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys

import shapely
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_water import REMAP_2022  # noqa: E402  (the committed water parts are of 2022)

HERE = os.path.dirname(os.path.abspath(__file__))
TABLES = ["gemeente_omgevingsdienst.csv", "gemeente_omgevingsdienst_tot_2025.csv", "gemeente_veiligheidsregio.csv"]


def rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 5), round(coords[1], 5)]
    return [rounded(c) for c in coords]


def feature(geometry, props):
    geometry = shapely.make_valid(geometry)
    polys = [g for g in getattr(geometry, "geoms", [geometry]) if g.geom_type == "Polygon"]
    multi = shapely.MultiPolygon(polys)
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "MultiPolygon", "coordinates": rounded(mapping(multi)["coordinates"])}}


def write(path, features):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in features))
        f.write("\n]}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wbk", required=True, help="gemeenten layer (GeoJSON, WGS84)")
    ap.add_argument("--tables", required=True, help="folder with the tables of that year")
    ap.add_argument("--remap", default="", help="OLD=NEW,… codes of gemeenten merged since")
    ap.add_argument("--data", default="data/geo", help="the project's data/geo folder")
    args, build_args = ap.parse_known_args()

    remap = dict(pair.split("=") for pair in args.remap.split(",") if pair)
    with open(os.path.join(args.tables, "gemeente_omgevingsdienst.csv"), newline="", encoding="utf-8") as f:
        table = {row["gm_code"]: row for row in csv.DictReader(f)}
    land, water, former = {}, [], {}
    with open(args.wbk, encoding="utf-8") as f:
        for feat in json.load(f)["features"]:
            p = feat["properties"]
            old = p.get("gemeentecode") or p.get("code")
            code = remap.get(old, old)
            if code == "GM0998":
                continue
            if code not in table:
                sys.exit(f"{args.wbk}: {old} ({p.get('gemeentenaam') or p.get('name')}) staat niet in "
                         f"{args.tables}/gemeente_omgevingsdienst.csv; geef een samenvoeging met --remap")
            if old != code:
                former[p.get("gemeentenaam") or p.get("name")] = code
            if p.get("water") == "JA":
                water.append({"type": "Feature", "geometry": feat["geometry"],
                              "properties": {"gemeentecode": code, "gemeentenaam": table[code]["gm_name"],
                                             "water": "JA"}})
            else:
                land.setdefault(code, []).append(shape(feat["geometry"]))
    missing = sorted(set(table) - set(land))
    if missing:
        sys.exit(f"{args.tables}: geen grenzen voor {', '.join(missing)}")

    source = os.path.join(args.data, "source")
    write(os.path.join(source, "gemeenten.geojson"), [
        feature(unary_union([shapely.make_valid(g) for g in parts]),
                {"code": code, "name": table[code]["gm_name"],
                 "prov_code": table[code]["prov_code"], "prov_name": table[code]["prov_name"]})
        for code, parts in sorted(land.items())])
    if water:
        write(os.path.join(source, "gemeenten_water.geojson"), water)
    for name in TABLES:
        if os.path.exists(os.path.join(args.tables, name)) and os.path.abspath(args.tables) != os.path.abspath(args.data):
            shutil.copyfile(os.path.join(args.tables, name), os.path.join(args.data, name))
    add_former_names(os.path.join(args.data, "aliases.csv"), former)
    print(f"import: {len(land)} gemeenten, {len(water)} water parts from {args.wbk}")
    remap_water = ",".join(f"{k}={v}" for k, v in {**dict(p.split("=") for p in REMAP_2022.split(",")), **remap}.items())
    subprocess.run([sys.executable, os.path.join(HERE, "make_water.py"), "--remap", remap_water,
                    "--water", os.path.join(source, "gemeenten_water.geojson"),
                    "--land", os.path.join(source, "gemeenten.geojson"),
                    "--out", os.path.join(source, "water.geojson")], check=True)
    subprocess.run([sys.executable, os.path.join(HERE, "build_geo.py"), "--src", source, "--tables", args.data,
                    "--out", args.data, *build_args], check=True)


def add_former_names(path, former):
    """Appends `name,code,voormalig` for each merged gemeente whose name is not in aliases.csv."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    known = {line.split(",")[0] for line in text.splitlines()}
    new = [f"{name},{code},voormalig" for name, code in sorted(former.items()) if name not in known]
    if new:
        with open(path, "a", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(new) + "\n")
        print(f"aliases.csv: added {', '.join(new)}")


if __name__ == "__main__":
    main()
