//! SVG path data for gemeenten, provincie outlines and waterschappen.
//!
//! Projection: RD New metres with y flipped, i.e. SVG `(x, y)` = RD `(x, -y)`: east is
//! right, north is up, 1 user unit = 1 m. Paths are closed rings; draw with
//! `fill-rule="evenodd"` so holes (Baarle-Hertog, lakes) stay open.

use super::codec::Topology;
use super::{rd_to_wgs84, wgs84_to_rd, Geography, LonLat};
use geo::Coord;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;

/// Which areas to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Layer {
    Gemeenten,
    /// Provincie outlines derived from the gemeenten (the arcs where the provincie changes).
    Provincies,
    Waterschappen,
}

/// One area's path.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SvgPath {
    pub id: String,
    pub name: String,
    /// SVG path data: absolute `M`, relative `l`, `z` per ring, whole metres.
    pub d: String,
}

/// Paths plus the view box that frames them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SvgMap {
    /// `[min_x, min_y, width, height]` in SVG units (metres), with a 2 % margin.
    pub view_box: [f64; 4],
    pub paths: Vec<SvgPath>,
}

impl SvgMap {
    /// The `viewBox` attribute value.
    pub fn view_box_attr(&self) -> String {
        let [x, y, w, h] = self.view_box;
        format!("{x:.0} {y:.0} {w:.0} {h:.0}")
    }

    /// A complete standalone SVG document (for debugging and reports).
    pub fn to_svg_document(&self, width_px: u32) -> String {
        let [_, _, w, h] = self.view_box;
        let height_px = if w > 0.0 {
            (f64::from(width_px) * h / w).round()
        } else {
            0.0
        };
        let mut s = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width_px}\" height=\"{height_px}\" viewBox=\"{}\">\n",
            self.view_box_attr()
        );
        let stroke = (w / f64::from(width_px.max(1))).max(1.0);
        for p in &self.paths {
            let _ = writeln!(
                s,
                "<path fill=\"#dde8d0\" fill-rule=\"evenodd\" stroke=\"#345\" stroke-width=\"{stroke:.0}\" d=\"{}\"><title>{} {}</title></path>",
                p.d,
                escape_markup(&p.id),
                escape_markup(&p.name)
            );
        }
        s.push_str("</svg>\n");
        s
    }
}

/// Text for SVG or HTML markup, in content and in quoted attribute values.
pub fn escape_markup(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out.into()
}

/// WGS84 → SVG map coordinates.
pub fn lonlat_to_svg(p: LonLat) -> (f64, f64) {
    let (x, y) = wgs84_to_rd(p);
    (x, -y)
}

/// SVG map coordinates (e.g. a click, after the screen → user-space transform) → WGS84.
pub fn svg_to_lonlat(x: f64, y: f64) -> LonLat {
    rd_to_wgs84(x, -y)
}

fn seg_dist2(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    super::segment_distance2(p, a, b)
}

/// Douglas–Peucker keeping both endpoints (so neighbouring areas keep sharing their border).
fn simplify(pts: &[Coord<f64>], tol: f64) -> Vec<Coord<f64>> {
    if tol.is_nan() || tol <= 0.0 || pts.len() <= 2 {
        return pts.to_vec();
    }
    let n = pts.len();
    let mut keep = vec![false; n];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let first = pts.first().copied().unwrap_or_default();
    let last = pts.last().copied().unwrap_or_default();
    if first == last && n > 3 {
        let far = pts
            .iter()
            .enumerate()
            .map(|(i, p)| (i, (p.x - first.x).powi(2) + (p.y - first.y).powi(2)))
            .fold((0, -1.0), |acc, x| if x.1 > acc.1 { x } else { acc })
            .0;
        if let Some(k) = keep.get_mut(far) {
            *k = true;
        }
        stack.push((0, far));
        stack.push((far, n - 1));
    } else {
        stack.push((0, n - 1));
    }
    let t2 = tol * tol;
    while let Some((i, j)) = stack.pop() {
        let (Some(a), Some(b)) = (pts.get(i), pts.get(j)) else {
            continue;
        };
        let mut best = (0usize, -1.0f64);
        for (k, p) in (i + 1..).zip(pts.get(i + 1..j).unwrap_or_default()) {
            let d = seg_dist2(*p, *a, *b);
            if d > best.1 {
                best = (k, d);
            }
        }
        if best.1 > t2 {
            if let Some(k) = keep.get_mut(best.0) {
                *k = true;
            }
            stack.push((i, best.0));
            stack.push((best.0, j));
        }
    }
    if let Some(k) = keep.first_mut() {
        *k = true;
    }
    if let Some(k) = keep.last_mut() {
        *k = true;
    }
    pts.iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

fn simplified_arcs(topo: &Topology, tol: f64) -> Vec<Vec<Coord<f64>>> {
    topo.arcs.iter().map(|a| simplify(a, tol)).collect()
}

/// Arc `r` (signed reference) and whether a ring runs through it backwards: a slice, not a
/// copy (the map's paths are written at start-up, docs/performance.md).
fn arc_dir(arcs: &[Vec<Coord<f64>>], r: i64) -> (&[Coord<f64>], bool) {
    let arc = arcs
        .get(Topology::arc_index(r))
        .map_or(&[][..], Vec::as_slice);
    (arc, r < 0)
}

/// The first and last point of arc `r` in ring direction.
fn arc_ends(arcs: &[Vec<Coord<f64>>], r: i64) -> Option<(Coord<f64>, Coord<f64>)> {
    let (arc, rev) = arc_dir(arcs, r);
    let (first, last) = (*arc.first()?, *arc.last()?);
    Some(if rev { (last, first) } else { (first, last) })
}

/// Appends arc `r` in ring direction, without its first point where it continues the ring.
fn extend_ring(ring: &mut Vec<Coord<f64>>, arcs: &[Vec<Coord<f64>>], r: i64) {
    let (arc, rev) = arc_dir(arcs, r);
    let skip = usize::from(!ring.is_empty());
    if rev {
        ring.extend(arc.iter().rev().skip(skip));
    } else {
        ring.extend(arc.iter().skip(skip));
    }
}

/// Append one ring as `M x y l dx dy ... z` (SVG y = -RD y, whole metres). A ring whose
/// last point equals its first is closed with `z`; an open chain (only possible for a
/// provincie outline whose arcs do not chain up) stays an open line, never a false edge.
fn push_ring(d: &mut String, ring: &[Coord<f64>]) {
    let svg = |c: &Coord<f64>| (c.x.round() as i64, (-c.y).round() as i64);
    let closed = ring.len() > 2 && ring.first().map(svg) == ring.last().map(svg);
    let body = if closed {
        ring.get(..ring.len() - 1).unwrap_or(ring)
    } else {
        ring
    };
    let mut prev: Option<(i64, i64)> = None;
    let mut count = 0;
    let start = d.len();
    // itoa instead of `write!`: the map's path data is written at start-up (docs/performance.md)
    let mut num = itoa::Buffer::new();
    for c in body {
        let p = svg(c);
        let (sep, x, y) = match prev {
            None => ("M", p.0, p.1),
            Some(q) if q == p => continue,
            Some(q) => (if count == 1 { "l" } else { " " }, p.0 - q.0, p.1 - q.1),
        };
        d.push_str(sep);
        d.push_str(num.format(x));
        d.push(' ');
        d.push_str(num.format(y));
        prev = Some(p);
        count += 1;
    }
    if count < 2 || (closed && count < 3) {
        d.truncate(start);
    } else if closed {
        d.push('z');
    }
}

fn feature_path(arcs: &[Vec<Coord<f64>>], polys: &[Vec<Vec<i64>>]) -> String {
    let mut d = String::new();
    let mut ring = Vec::new();
    for rings in polys {
        for refs in rings {
            ring.clear();
            for &r in refs {
                extend_ring(&mut ring, arcs, r);
            }
            push_ring(&mut d, &ring);
        }
    }
    d
}

struct Bounds([f64; 4]);

impl Bounds {
    fn new() -> Bounds {
        Bounds([
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ])
    }
    fn add(&mut self, c: Coord<f64>) {
        let b = &mut self.0;
        *b = [b[0].min(c.x), b[1].min(c.y), b[2].max(c.x), b[3].max(c.y)];
    }
    fn add_box(&mut self, [x0, y0, x1, y1]: [f64; 4]) {
        self.add(Coord { x: x0, y: y0 });
        self.add(Coord { x: x1, y: y1 });
    }
    /// SVG view box with a 2 % margin.
    fn view_box(&self) -> [f64; 4] {
        let [x0, y0, x1, y1] = self.0;
        if !(x0 <= x1 && y0 <= y1) {
            return [0.0, 0.0, 0.0, 0.0];
        }
        let m = 0.02 * (x1 - x0).max(y1 - y0);
        [
            (x0 - m).floor(),
            (-y1 - m).floor(),
            (x1 - x0 + 2.0 * m).ceil(),
            (y1 - y0 + 2.0 * m).ceil(),
        ]
    }
}

/// Paths of the wanted areas of one layer, in the order of `names`; grows `bounds`.
fn area_paths<'a>(
    arcs: &[Vec<Coord<f64>>],
    topo: &Topology,
    bboxes: &[[f64; 4]],
    names: impl Iterator<Item = (&'a str, &'a str)>,
    wanted: impl Fn(&str) -> bool,
    bounds: &mut Bounds,
    paths: &mut Vec<SvgPath>,
) {
    for ((id, name), (polys, bbox)) in names.zip(topo.features.iter().zip(bboxes)) {
        if wanted(id) {
            bounds.add_box(*bbox);
            paths.push(SvgPath {
                id: id.to_string(),
                name: name.to_string(),
                d: feature_path(arcs, polys),
            });
        }
    }
}

impl Geography {
    /// SVG paths for a layer. `ids = None` draws all areas of the layer, else only those
    /// ids (gemeente `GM…`, provincie `PV…`, waterschap `WS…`/`WBL`; unknown ids are
    /// skipped). `tolerance_m` is the Douglas–Peucker tolerance in metres (0 = full detail;
    /// ~100 for a map of the whole country, ~20 for a provincie). Paths are in id order.
    pub fn svg_paths(&self, layer: Layer, ids: Option<&[&str]>, tolerance_m: f64) -> SvgMap {
        let topo = match layer {
            Layer::Waterschappen => &self.ws_topo,
            Layer::Gemeenten | Layer::Provincies => &self.gm_topo,
        };
        self.paths_from_arcs(layer, ids, &simplified_arcs(topo, tolerance_m))
    }

    /// All gemeenten and all provincie outlines, simplified once: they share their arcs.
    pub fn svg_gemeenten_and_provincies(&self, tolerance_m: f64) -> (SvgMap, SvgMap) {
        let arcs = simplified_arcs(&self.gm_topo, tolerance_m);
        (
            self.paths_from_arcs(Layer::Gemeenten, None, &arcs),
            self.paths_from_arcs(Layer::Provincies, None, &arcs),
        )
    }

    /// The view box that `svg_paths(Layer::Gemeenten, Some(ids), _)` would have, without
    /// drawing the paths.
    pub fn svg_view_box(&self, gemeenten: &[&str]) -> [f64; 4] {
        let mut bounds = Bounds::new();
        for (g, bbox) in self.gemeenten.iter().zip(&self.gm_areas.bboxes) {
            if gemeenten.contains(&g.id.as_str()) {
                bounds.add_box(*bbox);
            }
        }
        bounds.view_box()
    }

    /// `arcs`: this layer's topology, simplified.
    fn paths_from_arcs(
        &self,
        layer: Layer,
        ids: Option<&[&str]>,
        arcs: &[Vec<Coord<f64>>],
    ) -> SvgMap {
        let wanted = |id: &str| ids.is_none_or(|ids| ids.contains(&id));
        let mut bounds = Bounds::new();
        let mut paths = Vec::new();
        match layer {
            Layer::Gemeenten => area_paths(
                arcs,
                &self.gm_topo,
                &self.gm_areas.bboxes,
                self.gemeenten
                    .iter()
                    .map(|g| (g.id.as_str(), g.name.as_str())),
                wanted,
                &mut bounds,
                &mut paths,
            ),
            Layer::Waterschappen => area_paths(
                arcs,
                &self.ws_topo,
                &self.ws_areas.bboxes,
                self.waterschappen
                    .iter()
                    .map(|w| (w.id.as_str(), w.name.as_str())),
                wanted,
                &mut bounds,
                &mut paths,
            ),
            Layer::Provincies => {
                for p in &self.provincies {
                    if !wanted(&p.id) {
                        continue;
                    }
                    let rings = self.provincie_rings(&p.id, arcs);
                    let mut d = String::new();
                    for ring in &rings {
                        for c in ring {
                            bounds.add(*c);
                        }
                        push_ring(&mut d, ring);
                    }
                    paths.push(SvgPath {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        d,
                    });
                }
            }
        }
        SvgMap {
            view_box: bounds.view_box(),
            paths,
        }
    }

    /// Closed outline rings of a provincie: the gemeente arcs used exactly once by the
    /// provincie's gemeenten, oriented as in their gemeente ring, chained end to start.
    fn provincie_rings(&self, pv: &str, arcs: &[Vec<Coord<f64>>]) -> Vec<Vec<Coord<f64>>> {
        // per arc: how often the provincie's gemeenten use it, and the first reference
        let mut uses: Vec<(u32, i64)> = vec![(0, 0); arcs.len()];
        for (g, polys) in self.gemeenten.iter().zip(&self.gm_topo.features) {
            if g.provincie.id != pv {
                continue;
            }
            for refs in polys.iter().flatten() {
                for &r in refs {
                    if let Some(e) = uses.get_mut(Topology::arc_index(r)) {
                        if e.0 == 0 {
                            e.1 = r;
                        }
                        e.0 += 1;
                    }
                }
            }
        }
        // outline arcs in ring direction (in arc order), keyed by their start point
        let key = |c: Coord<f64>| (c.x.round() as i64, c.y.round() as i64);
        let mut outline: Vec<(i64, bool)> = uses
            .iter()
            .filter(|(n, _)| *n == 1)
            .map(|(_, r)| (*r, false))
            .collect();
        let mut by_start: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (k, (r, _)) in outline.iter().enumerate() {
            if let Some((start, _)) = arc_ends(arcs, *r) {
                by_start.entry(key(start)).or_default().push(k);
            }
        }
        let mut rings = Vec::new();
        for k0 in 0..outline.len() {
            if outline.get(k0).is_none_or(|(_, used)| *used) {
                continue;
            }
            let mut ring: Vec<Coord<f64>> = Vec::new();
            let mut k = k0;
            // each step consumes one arc, so this ends after at most outline.len() steps
            for _ in 0..outline.len() {
                let Some((r, used)) = outline.get_mut(k) else {
                    break;
                };
                *used = true;
                let r = *r;
                extend_ring(&mut ring, arcs, r);
                let Some((_, end)) = arc_ends(arcs, r) else {
                    break;
                };
                let next = by_start.get(&key(end)).and_then(|ks| {
                    ks.iter()
                        .copied()
                        .find(|&j| outline.get(j).is_some_and(|(_, u)| !*u))
                });
                match next {
                    Some(j) => k = j,
                    None => break,
                }
            }
            rings.push(ring);
        }
        rings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_round_trip() {
        let p = LonLat {
            lon: 5.528,
            lat: 51.765,
        };
        let (x, y) = lonlat_to_svg(p);
        assert!(y < 0.0);
        let q = svg_to_lonlat(x, y);
        assert!((q.lon - p.lon).abs() < 1e-5 && (q.lat - p.lat).abs() < 1e-5);
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape_markup("Oss"), "Oss");
        assert_eq!(
            escape_markup("'s-Hertogenbosch <b>\"&\""),
            "&#39;s-Hertogenbosch &lt;b&gt;&quot;&amp;&quot;"
        );
    }

    #[test]
    fn simplify_keeps_endpoints() {
        let pts: Vec<Coord<f64>> = (0..100)
            .map(|i| Coord {
                x: f64::from(i),
                y: f64::from(i % 2),
            })
            .collect();
        let s = simplify(&pts, 5.0);
        assert_eq!(s.len(), 2);
        assert_eq!(s.first(), pts.first());
        assert_eq!(s.last(), pts.last());
    }
}

#[cfg(test)]
mod outline_tests {
    use super::*;

    #[test]
    fn provincie_rings_close() {
        let g = Geography::bundled();
        let arcs = simplified_arcs(&g.gm_topo, 0.0);
        for p in &g.provincies {
            for ring in g.provincie_rings(&p.id, &arcs) {
                let (f, l) = (ring.first().unwrap(), ring.last().unwrap());
                assert_eq!(f, l, "{}: open outline ring of {} points", p.id, ring.len());
            }
        }
    }
}
