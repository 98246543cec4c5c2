#!/usr/bin/env python3
"""Convert the boundary GeoJSON + lookup CSVs into the compact files shipped in data/geo/.

Stdlib only. Regenerate (from the repository root) with:

    python3 scripts/geo/build_geo.py

which reads data/geo/source/{gemeenten,waterschappen}.geojson and the tables
data/geo/gemeente_{veiligheidsregio,omgevingsdienst,omgevingsdienst_tot_2025}.csv
(provenance in data/geo/README.md)
and writes data/geo/{gemeenten.bin,waterschappen.bin,meta.tsv}. The output is
deterministic; the generated files are committed, so building the crate never needs python.

Output
------
* ``gemeenten.bin``     topology (shared arcs) of the 342 gemeenten, RD New, 5 m grid
* ``waterschappen.bin`` topology of the 21 waterschappen, RD New, coarser grid, simplified
* ``water.bin``         the water areas (IJsselmeer, Waddenzee, …) per gemeente, for points
                        in no gemeente's land polygon (from source/water.geojson, made by
                        scripts/geo/make_water.py); format ``RWW1`` below
* ``meta.tsv``          ids, names, provincie/OD/VR per gemeente (with the OD's basis and the
                        OD before the 2026 mergers), representative points

Binary format (``RWG3``). Counts and arc references are LEB128 varints (signed ones
zigzag-encoded); the coordinates are one entropy-coded bit stream:

    magic "RWG3"
    quantum_m             uvarint    grid size in metres (coordinates = value * quantum)
    n_arcs                uvarint
    n_points * n_arcs     uvarint    points per arc (>= 2)
    n_sym                 uvarint    Huffman alphabet size (<= 64)
    code_len * n_sym      byte       canonical Huffman code length per symbol (0 = unused)
    n_bytes               uvarint    length of the bit stream
    bit stream            n_bytes    MSB first. For every arc, for every point, x then y:
                                     the zigzagged delta v (first point: from the previous
                                     arc's last point; others: from the previous point) as
                                     Huffman code of b = bit_length(v), then for b >= 2 the
                                     b-1 low bits of v (v = 2^(b-1) + those bits; b=1: v=1)
    n_features            uvarint    (same order as the GM / WS lines of meta.tsv)
    per feature:
        n_polygons        uvarint
        per polygon:
            n_rings       uvarint    first ring = exterior, others = holes
            per ring:
                n_refs    uvarint
                refs      svarint    arc index i, or -(i+1) for arc i reversed

Canonical Huffman codes are assigned in order of (length, symbol), as in DEFLATE.

``meta.tsv`` (generated, do not edit; lines starting with ``#`` are skipped), tab-separated:

    PV|OD|VR|WS  id  name            provincie, omgevingsdienst, veiligheidsregio, waterschap
    OX  id  name                     an omgevingsdienst that merged on 1 January 2026
    GM  id  name  provincie  omgevingsdienst|-  bron|afgeleid|-  omgevingsdienst tot 2026|-
        veiligheidsregio|-  rep_x  rep_y (representative point, RD kilometres: 1 km grid,
        or 100 m where that grid has no point well inside, see grid_point)

Water areas (``RWW1``): the magic, then n_features (uvarint), then per feature the number of
its gemeente's CBS code (uvarint, GM0388 → 388), then one ``RWG3`` blob with those features.

A ring is the concatenation of its arcs, the first point of every following arc being
equal to the last point of the previous one; the ring closes on itself. Arcs are
maximal runs of edges shared by the same set of rings (as in TopoJSON), so a border
between two gemeenten is stored once, and provincie outlines can be derived from the
arcs (an arc is on a provincie outline when its two gemeenten differ in provincie, or it
is used by one gemeente only).

The projection WGS84 -> RD uses the same polynomial approximation (Schreutelkamp &
Strang van Hees) as ``src/geo/rd.rs``, so a point projected by the app lands exactly
where the shipped geometry was projected (agrees with pyproj EPSG:28992 to ~0.3 m).
"""

import argparse
import csv
import json
import math
import os
import sys

# --------------------------------------------------------------------------------------
# RD New


def wgs84_to_rd(lon, lat):
    d_lat = 0.36 * (lat - 52.15517440)
    d_lon = 0.36 * (lon - 5.38720621)
    x = (
        155000.0
        + 190094.945 * d_lon
        - 11832.228 * d_lat * d_lon
        - 114.221 * d_lat**2 * d_lon
        - 32.391 * d_lon**3
        - 0.705 * d_lat
        - 2.340 * d_lat**3 * d_lon
        - 0.608 * d_lat * d_lon**3
        - 0.008 * d_lon**2
        + 0.148 * d_lat**2 * d_lon**3
    )
    y = (
        463000.0
        + 309056.544 * d_lat
        + 3638.893 * d_lon**2
        + 73.077 * d_lat**2
        - 157.984 * d_lat * d_lon**2
        + 59.788 * d_lat**3
        + 0.433 * d_lon
        - 6.439 * d_lat**2 * d_lon**2
        - 0.032 * d_lat * d_lon
        + 0.092 * d_lon**4
        - 0.054 * d_lat * d_lon**4
    )
    return x, y


# --------------------------------------------------------------------------------------
# Topology


class Snapper:
    """Projects lon/lat to RD and quantises to the grid, snapping points that lie within
    `snap_m` of an already seen point onto that point. The source has neighbouring
    gemeenten whose shared vertices differ by 1e-5 degree (~1 m); without snapping those
    borders would not be recognised as shared and tiny slivers would survive."""

    def __init__(self, quantum, snap_m):
        self.q = quantum
        self.snap2 = snap_m * snap_m
        self.seen = {}  # grid cell -> (x, y) float of its first point

    def __call__(self, lon, lat):
        x, y = wgs84_to_rd(lon, lat)
        cell = (round(x / self.q), round(y / self.q))
        best, best_d = None, None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                c = (cell[0] + dx, cell[1] + dy)
                f = self.seen.get(c)
                if f is not None:
                    d = (f[0] - x) ** 2 + (f[1] - y) ** 2
                    if d <= self.snap2 and (best_d is None or d < best_d):
                        best, best_d = c, d
        if best is not None:
            return best
        self.seen.setdefault(cell, (x, y))
        return cell


def clean_ring(pts):
    """Drop consecutive duplicates and spikes (a, b, a), cyclically."""
    changed = True
    while changed and len(pts) >= 3:
        changed = False
        out = []
        for p in pts:
            if out and out[-1] == p:
                changed = True
                continue
            if len(out) >= 2 and out[-2] == p:
                out.pop()
                changed = True
                continue
            out.append(p)
        while len(out) >= 2 and out[0] == out[-1]:
            out.pop()
            changed = True
        if len(out) >= 3 and out[1] == out[-1]:  # spike at the start point
            out = out[1:]
            changed = True
        if len(out) >= 3 and out[0] == out[-2]:  # spike at the end point
            out = out[:-1]
            changed = True
        pts = out
    return pts


def feature_rings(geometry, snap, min_area_cells):
    """[[ring, ...] per polygon], ring = list of grid points (ints) without closing point."""
    if geometry["type"] == "Polygon":
        polys = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        polys = geometry["coordinates"]
    else:
        raise ValueError("unsupported geometry " + geometry["type"])
    out = []
    for poly in polys:
        rings = []
        for k, ring in enumerate(poly):
            pts = clean_ring([snap(p[0], p[1]) for p in ring])
            if len(pts) < 3 or abs(ring_area(pts)) < min_area_cells:
                if k == 0:
                    break  # exterior collapsed: drop the whole polygon part
                continue
            rings.append(pts)
        if rings:
            out.append(rings)
    return out


def edge_key(a, b):
    return (a, b) if a <= b else (b, a)


def build_topology(features):
    """features: list of [[ring]] -> (arcs, refs) with refs[f][p][r] = [signed arc refs]."""
    rings = []  # flat list of rings
    for polys in features:
        for poly in polys:
            for ring in poly:
                rings.append(ring)
    usage = {}
    for ri, ring in enumerate(rings):
        n = len(ring)
        for i in range(n):
            usage.setdefault(edge_key(ring[i], ring[(i + 1) % n]), set()).add(ri)

    arcs = []
    arc_index = {}

    def add_arc(seq):
        seq = tuple(seq)
        rev = tuple(reversed(seq))
        canon = min(seq, rev)
        idx = arc_index.get(canon)
        if idx is None:
            idx = len(arcs)
            arcs.append(list(canon))
            arc_index[canon] = idx
        return idx if seq == canon else -(idx + 1)

    ring_refs = []
    for ri, ring in enumerate(rings):
        n = len(ring)
        use = [frozenset(usage[edge_key(ring[i], ring[(i + 1) % n])]) for i in range(n)]
        # vertex i is a break when the edge before it and the edge after it differ in usage
        breaks = [i for i in range(n) if use[i - 1] != use[i]]
        if not breaks:
            # closed ring without junctions: canonical start at the smallest vertex,
            # canonical direction so identical rings (enclave hole / enclave) share the arc
            k = ring.index(min(ring))
            seq = ring[k:] + ring[:k]
            seq = seq + [seq[0]]
            ring_refs.append([add_arc(seq)])
            continue
        refs = []
        for j, b in enumerate(breaks):
            e = breaks[(j + 1) % len(breaks)]
            if e <= b:
                seq = ring[b:] + ring[: e + 1]
            else:
                seq = ring[b : e + 1]
            refs.append(add_arc(seq))
        ring_refs.append(refs)

    out = []
    k = 0
    for polys in features:
        fp = []
        for poly in polys:
            pr = []
            for _ in poly:
                pr.append(ring_refs[k])
                k += 1
            fp.append(pr)
        out.append(fp)
    return arcs, out


# --------------------------------------------------------------------------------------
# Simplification (Douglas-Peucker on arcs; arc endpoints are kept, so shared borders stay shared)


def seg_dist2(p, a, b):
    ax, ay = a
    bx, by = b
    px, py = p
    dx, dy = bx - ax, by - ay
    l2 = dx * dx + dy * dy
    if l2 == 0:
        return (px - ax) ** 2 + (py - ay) ** 2
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / l2))
    qx, qy = ax + t * dx, ay + t * dy
    return (px - qx) ** 2 + (py - qy) ** 2


def douglas_peucker(pts, tol):
    if tol <= 0 or len(pts) <= 2:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    closed = pts[0] == pts[-1]
    stack = []
    if closed and len(pts) > 3:
        # split a closed arc at its farthest point from the start
        far = max(range(len(pts)), key=lambda i: (pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2)
        keep[far] = True
        stack = [(0, far), (far, len(pts) - 1)]
    else:
        stack = [(0, len(pts) - 1)]
    t2 = tol * tol
    while stack:
        i, j = stack.pop()
        best, bi = -1.0, -1
        for k in range(i + 1, j):
            d = seg_dist2(pts[k], pts[i], pts[j])
            if d > best:
                best, bi = d, k
        if bi >= 0 and best > t2:
            keep[bi] = True
            stack.append((i, bi))
            stack.append((bi, j))
    out = [p for p, k in zip(pts, keep) if k]
    if closed and len(out) < 4:
        return pts  # never collapse a closed ring
    return out


# --------------------------------------------------------------------------------------
# Encoding


def uvarint(n, out):
    if n < 0:
        raise ValueError("negative uvarint")
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


def svarint(n, out):
    uvarint((n << 1) if n >= 0 else ((-n) << 1) - 1, out)


def simplify_arcs(arcs, quantum, simplify_m):
    """Douglas-Peucker (in metres) on each arc of grid points; endpoints always kept."""
    out = []
    for arc in arcs:
        if simplify_m > 0:
            m = douglas_peucker([(x * quantum, y * quantum) for x, y in arc], simplify_m)
            arc = [(round(x / quantum), round(y / quantum)) for x, y in m]
        out.append(list(arc))
    return out


def zigzag(v):
    return (v << 1) if v >= 0 else ((-v) << 1) - 1


def huffman_lengths(freq, max_len=30):
    """Code length per symbol (dict symbol -> length) of a Huffman code for `freq`."""
    import heapq

    syms = [s for s, f in freq.items() if f > 0]
    if len(syms) == 1:
        return {syms[0]: 1}
    heap = [(f, i, [s]) for i, (s, f) in enumerate(sorted(freq.items())) if f > 0]
    heapq.heapify(heap)
    lengths = {s: 0 for s in syms}
    k = len(heap)
    while len(heap) > 1:
        f1, _, s1 = heapq.heappop(heap)
        f2, _, s2 = heapq.heappop(heap)
        for s in s1 + s2:
            lengths[s] += 1
        heapq.heappush(heap, (f1 + f2, k, s1 + s2))
        k += 1
    if max(lengths.values()) > max_len:
        raise ValueError("Huffman code too long")
    return lengths


def canonical_codes(lengths):
    """Canonical Huffman codes (symbol -> (code, length)), symbols ordered by (length, symbol)."""
    codes = {}
    code = 0
    prev_len = 0
    for sym in sorted(lengths, key=lambda s: (lengths[s], s)):
        n = lengths[sym]
        code <<= n - prev_len
        codes[sym] = (code, n)
        code += 1
        prev_len = n
    return codes


class BitWriter:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def write(self, value, nbits):  # most significant bit first
        for i in range(nbits - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                self.acc = 0
                self.n = 0

    def finish(self):
        if self.n:
            self.out.append(self.acc << (8 - self.n))
            self.acc = 0
            self.n = 0
        return bytes(self.out)


def encode(quantum, arcs_q, refs):
    out = bytearray(b"RWG3")
    uvarint(quantum, out)
    uvarint(len(arcs_q), out)
    for arc in arcs_q:
        uvarint(len(arc), out)
    # the coordinate stream: first point of each arc relative to the previous arc's last point,
    # then deltas; each value zigzagged
    values = []
    px, py = 0, 0
    for arc in arcs_q:
        lx, ly = px, py
        for x, y in arc:
            values.append(zigzag(x - lx))
            values.append(zigzag(y - ly))
            lx, ly = x, y
        px, py = lx, ly
    buckets = [v.bit_length() for v in values]
    freq = {}
    for b in buckets:
        freq[b] = freq.get(b, 0) + 1
    lengths = huffman_lengths(freq)
    codes = canonical_codes(lengths)
    n_sym = max(lengths) + 1
    uvarint(n_sym, out)
    for sym in range(n_sym):
        out.append(lengths.get(sym, 0))
    bw = BitWriter()
    for v, b in zip(values, buckets):
        code, n = codes[b]
        bw.write(code, n)
        if b >= 2:
            bw.write(v - (1 << (b - 1)), b - 1)
    bits = bw.finish()
    uvarint(len(bits), out)
    out += bits
    uvarint(len(refs), out)
    for polys in refs:
        uvarint(len(polys), out)
        for poly in polys:
            uvarint(len(poly), out)
            for ring in poly:
                uvarint(len(ring), out)
                for r in ring:
                    svarint(r, out)
    return bytes(out)


def ring_coords(arcs_q, quantum, refs):
    pts = []
    for r in refs:
        arc = arcs_q[r] if r >= 0 else list(reversed(arcs_q[-r - 1]))
        seg = [(x * quantum, y * quantum) for x, y in arc]
        pts.extend(seg if not pts else seg[1:])
    return pts


# --------------------------------------------------------------------------------------
# Representative point: best scanline midpoint (max distance to the boundary)


def ring_area(pts):
    a = 0.0
    n = len(pts)
    for i in range(n):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % n]
        a += x1 * y2 - x2 * y1
    return a / 2


def representative_point(polys):
    """polys: [[ring pts]] in RD metres. Returns an integer (x, y) strictly inside."""
    segs = []
    for poly in polys:
        for ring in poly:
            n = len(ring)
            for i in range(n):
                segs.append((ring[i], ring[(i + 1) % n]))

    def boundary_dist(p):
        return math.sqrt(min(seg_dist2(p, a, b) for a, b in segs))

    best = None
    for poly in sorted(polys, key=lambda p: -abs(ring_area(p[0])))[:3]:
        ys = [p[1] for p in poly[0]]
        y_min, y_max = min(ys), max(ys)
        levels = 41
        for k in range(1, levels):
            y = y_min + (y_max - y_min) * k / levels + 0.37  # avoid hitting vertices exactly
            xs = []
            for ring in poly:
                n = len(ring)
                for i in range(n):
                    (x1, y1), (x2, y2) = ring[i], ring[(i + 1) % n]
                    if (y1 > y) != (y2 > y):
                        xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
            xs.sort()
            for i in range(0, len(xs) - 1, 2):
                cand = (round((xs[i] + xs[i + 1]) / 2), round(y))
                d = boundary_dist(cand)
                if best is None or d > best[0]:
                    best = (d, cand)
    if best is None or best[0] < 1.0:
        raise ValueError("no representative point found")
    return best[1], best[0]


def covers(polys, x, y):
    """Whether (x, y) lies in one of the polygons (exterior minus holes; even-odd)."""
    for poly in polys:
        inside = False
        for ring in poly:
            n = len(ring)
            for i in range(n):
                (x1, y1), (x2, y2) = ring[i], ring[(i + 1) % n]
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
        if inside:
            return True
    return False


def grid_point(polys, rx, ry, ws_shapes):
    """The representative point on a coarse grid (meta.tsv is in the first page load; metres
    cost 1.4 KB gzip more than this): the nearest point of the 1 km grid within 1.5 km of
    (rx, ry), else of the 100 m grid around it, that lies at least 500 m inside the gemeente,
    in the same waterschap as (rx, ry) and as far from a waterschap border (closer than 2 km
    or not), so a gemeente's located facts stay the same. Returns ((x, y), distance to the
    boundary) in metres."""
    def waterschap(x, y):
        found = next((i for i, w in enumerate(ws_shapes) if covers(w, x, y)), None)
        if found is None:
            return None, True
        d2 = min(seg_dist2((x, y), ring[k], ring[(k + 1) % len(ring)])
                 for poly in ws_shapes[found] for ring in poly for k in range(len(ring)))
        return found, d2 < 2000.0**2

    def boundary_dist(x, y):
        return math.sqrt(min(seg_dist2((x, y), ring[k], ring[(k + 1) % len(ring)])
                             for poly in polys for ring in poly for k in range(len(ring))))

    want = waterschap(rx, ry)
    km = [(1000 * (round(rx / 1000) + dx), 1000 * (round(ry / 1000) + dy))
          for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    km = [p for p in km if (p[0] - rx) ** 2 + (p[1] - ry) ** 2 <= 1500.0**2]
    hm = [(100 * (math.floor(rx / 100) + dx), 100 * (math.floor(ry / 100) + dy)) for dx in (0, 1) for dy in (0, 1)]
    for grid in (km, hm):
        for x, y in sorted(grid, key=lambda p: ((p[0] - rx) ** 2 + (p[1] - ry) ** 2, p)):
            if covers(polys, x, y) and boundary_dist(x, y) >= 500 and waterschap(x, y) == want:
                return (x, y), boundary_dist(x, y)
    raise ValueError(f"no representative point on the 100 m grid near ({rx}, {ry})")


def kilometres(v):
    """Metres on the 100 m grid as kilometres with at most one decimal: 234900 → "234.9"."""
    return str(v // 1000) if v % 1000 == 0 else f"{v / 1000:.1f}"


# --------------------------------------------------------------------------------------


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {row["gm_code"]: row for row in csv.DictReader(f)}


def read_od_tables(folder, gm_codes):
    """The omgevingsdienst per gemeente and, where it changed on 1 January 2026, the former one.
    Returns (rows by gm_code, {od_code: name}, {former od_code: name}); exits with a message
    naming the file and row when a table is incomplete or inconsistent."""
    path = os.path.join(folder, "gemeente_omgevingsdienst.csv")
    former_path = os.path.join(folder, "gemeente_omgevingsdienst_tot_2025.csv")
    rows = read_csv(path)
    former = read_csv(former_path) if os.path.exists(former_path) else {}
    ods, former_ods = {}, {}
    for code in gm_codes:
        row = rows.get(code)
        if row is None:
            sys.exit(f"{path}: geen regel voor {code}")
        if row["od_code"] and row.get("basis") not in ("bron", "afgeleid"):
            sys.exit(f"{path}: {code}: basis moet bron of afgeleid zijn, niet {row.get('basis')!r}")
        if row["od_code"]:
            if ods.setdefault(row["od_code"], row["od_name"]) != row["od_name"]:
                sys.exit(f"{path}: {row['od_code']} heeft twee namen")
    for code, row in former.items():
        if code not in rows:
            sys.exit(f"{former_path}: onbekende gemeente {code}")
        od = row["od_code_tot_2025"]
        if od in ods:
            sys.exit(f"{former_path}: {code}: {od} bestaat in 2026 nog; alleen voormalige diensten horen hier")
        if former_ods.setdefault(od, row["od_name_tot_2025"]) != row["od_name_tot_2025"]:
            sys.exit(f"{former_path}: {od} heeft twee namen")
    return rows, former, ods, former_ods


def encode_layer(name, feats, quantum, simplify_m):
    """One layer's shared arcs on the grid, simplified, and encoded: (arcs, refs, RWG3 bytes)."""
    snap = Snapper(quantum, 2.0)
    polys = [feature_rings(f["geometry"], snap, 100 / quantum**2) for f in feats]
    arcs, refs = build_topology(polys)
    arcs_q = simplify_arcs(arcs, quantum, simplify_m)
    blob = encode(quantum, arcs_q, refs)
    n_in = sum(len(r) for p in polys for poly in p for r in poly)
    print(f"{name}: {len(feats)} features, {n_in} ring vertices -> {len(arcs)} arcs, "
          f"{sum(len(a) for a in arcs_q)} arc points, {len(blob)} bytes")
    return arcs_q, refs, blob


def build_water(path, quantum, gm_codes):
    """water.bin from the water areas (already simplified by make_water.py), or None when the
    source folder has none."""
    if not os.path.exists(path):
        print(f"water: {path} not found; no water.bin written")
        return None
    with open(path, encoding="utf-8") as f:
        feats = json.load(f)["features"]
    out = bytearray(b"RWW1")
    uvarint(len(feats), out)
    for feat in feats:
        code = feat["properties"]["code"]
        if code not in gm_codes:
            sys.exit(f"{path}: {code} is geen gemeente van de grenzen; maak het opnieuw met make_water.py --remap")
        uvarint(int(code[2:]), out)
    out += encode_layer("water areas", feats, quantum, 0.0)[2]
    return bytes(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default="data/geo/source", help="folder with the source GeoJSON files")
    ap.add_argument("--tables", default="data/geo", help="folder with the gemeente_*.csv tables")
    ap.add_argument("--out", default="data/geo", help="output folder (default data/geo)")
    ap.add_argument("--gm-quantum", type=int, default=5, help="gemeente grid size in metres")
    ap.add_argument("--gm-simplify", type=float, default=0.0, help="gemeente DP tolerance (m)")
    # coarse on purpose: the source is off by 1-2 km; 200 m / 25 m costs 1.4 KB gzip less than
    # 50 m / 10 m in the first page load, and no located fact of the tests and fixtures changes
    ap.add_argument("--ws-quantum", type=int, default=25, help="waterschap grid size in metres")
    ap.add_argument("--ws-simplify", type=float, default=200.0, help="waterschap DP tolerance (m)")
    ap.add_argument("--water-quantum", type=int, default=10, help="water area grid size in metres")
    args = ap.parse_args()

    with open(os.path.join(args.src, "gemeenten.geojson"), encoding="utf-8") as f:
        gm = json.load(f)
    with open(os.path.join(args.src, "waterschappen.geojson"), encoding="utf-8") as f:
        ws = json.load(f)
    vr = read_csv(os.path.join(args.tables, "gemeente_veiligheidsregio.csv"))

    gm_feats = sorted(gm["features"], key=lambda f: f["properties"]["code"])
    ws_feats = sorted(ws["features"], key=lambda f: f["properties"]["code"])
    od, od_former, ods, former_ods = read_od_tables(args.tables, [f["properties"]["code"] for f in gm_feats])

    meta = []  # format in the module docstring (no comment lines: the file is in the first load)
    provs, vrs = {}, {}
    for f in gm_feats:
        p = f["properties"]
        provs[p["prov_code"]] = p["prov_name"]
        v = vr.get(p["code"])
        if v is None:
            sys.exit("missing CSV row for " + p["code"])
        if v["vr_code"]:
            vrs[v["vr_code"]] = v["vr_name"]
    for tag, table in (("PV", provs), ("OD", ods), ("OX", former_ods), ("VR", vrs)):
        for k in sorted(table):
            meta.append("\t".join([tag, k, table[k]]))
    for f in ws_feats:
        p = f["properties"]
        meta.append("\t".join(["WS", p["code"], p["name"]]))

    warcs_q, wrefs, ws_bin = encode_layer("waterschappen", ws_feats, args.ws_quantum, args.ws_simplify)
    # the waterschappen as the app decodes them, for the representative points below
    ws_shapes = [[[ring_coords(warcs_q, args.ws_quantum, r) for r in poly] for poly in fr] for fr in wrefs]
    arcs_q, refs, gm_bin = encode_layer("gemeenten", gm_feats, args.gm_quantum, args.gm_simplify)

    min_d = None
    for f, fr in zip(gm_feats, refs):
        p = f["properties"]
        polys = [[ring_coords(arcs_q, args.gm_quantum, r) for r in poly] for poly in fr]
        (rx, ry), _ = representative_point(polys)
        (hx, hy), d = grid_point(polys, rx, ry, ws_shapes)
        min_d = d if min_d is None else min(min_d, d)
        v = vr[p["code"]]
        o = od[p["code"]]
        former = od_former.get(p["code"])
        meta.append("\t".join([
            "GM", p["code"], p["name"], p["prov_code"],
            o["od_code"] or "-", o["basis"] if o["od_code"] else "-",
            former["od_code_tot_2025"] if former else "-",
            v["vr_code"] or "-", kilometres(hx), kilometres(hy),
        ]))
    print(f"representative points: smallest distance to the boundary {min_d:.0f} m")

    water_bin = build_water(os.path.join(args.src, "water.geojson"), args.water_quantum,
                            [f["properties"]["code"] for f in gm_feats])

    os.makedirs(args.out, exist_ok=True)
    if water_bin is not None:
        with open(os.path.join(args.out, "water.bin"), "wb") as f:
            f.write(water_bin)
    with open(os.path.join(args.out, "gemeenten.bin"), "wb") as f:
        f.write(gm_bin)
    with open(os.path.join(args.out, "waterschappen.bin"), "wb") as f:
        f.write(ws_bin)
    with open(os.path.join(args.out, "meta.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(meta) + "\n")


if __name__ == "__main__":
    main()
