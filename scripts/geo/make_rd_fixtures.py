#!/usr/bin/env python3
"""Reference points WGS84 <-> RD New computed with pyproj, for tests/geo_rd.rs.

Run once (needs `pip install pyproj`; the output is committed, tests never need python):

    python3 scripts/geo/make_rd_fixtures.py > tests/fixtures/geo/rd_pyproj.csv

pyproj uses EPSG:4326 -> EPSG:28992 (Amersfoort / RD New; without the RDNAPTRANS grid
files the transformation is a 7-parameter Helmert shift, ~1 m from RDNAPTRANS).
"""

import random

import pyproj

t = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
t.transform(5.0, 52.0)  # the description is only known after a first call
print(f"# pyproj {pyproj.__version__}, PROJ {pyproj.proj_version_str}: EPSG:4326 -> EPSG:28992")
print("lon,lat,x,y")
rng = random.Random(28992)
points = [
    (5.387206, 52.155174),  # Amersfoort, Onze Lieve Vrouwetoren
    (5.528, 51.765),  # Oss
    (4.9, 52.37),  # Amsterdam
    (3.36, 51.37),  # Zeeuws-Vlaanderen (south-west)
    (7.2, 53.2),  # Groningen east
    (6.0, 50.77),  # Vaals (south-east)
    (4.75, 53.05),  # Texel
]
while len(points) < 50:
    points.append((round(rng.uniform(3.4, 7.2), 6), round(rng.uniform(50.76, 53.5), 6)))
for lon, lat in points:
    x, y = t.transform(lon, lat)
    print(f"{lon:.6f},{lat:.6f},{x:.3f},{y:.3f}")
