//! Geography: which gemeente, provincie and waterschap a point lies in, RD ↔ WGS84, gemeente
//! search and SVG paths. Plain Rust over data bundled in the binary (`data/geo/`, generated
//! by `scripts/geo/build_geo.py`; sources and licences in `data/geo/README.md`).
//!
//! All geometry lives in RD New (EPSG:28992) metres: the shipped boundaries were projected
//! with the same formula as [`wgs84_to_rd`], distances are plain Euclidean metres (RD's
//! scale error is < 0.02 %), and the SVG map is RD with y flipped.
//!
//! Border rule (deterministic): candidates are tested in gemeente-id order and the first
//! gemeente whose *closed* area (interior or boundary) contains the point wins. So a point
//! exactly on the border of GM0796 and GM0828 belongs to GM0796. The same rule applies to
//! waterschappen (in id order).
//!
//! API at a glance:
//! - [`Geography::bundled`] (decoded once, ~1.3 ms; never panics, [`Geography::status`] tells
//!   whether the data decoded), [`Geography::decode`] for other inputs.
//! - [`Geography::locate`] / [`Geography::locate_rd`] → [`Located`] or `None` outside every
//!   gemeente (the sea beyond the gemeenten, Belgium, Germany, the Baarle-Hertog enclaves) and
//!   for non-finite input. A point in no gemeente polygon is looked up in the water areas
//!   (`geo::water`: the IJsselmeer, Waddenzee, Zeeuwse wateren… belong to gemeenten);
//!   [`Geography::gemeente_at`] is the cheap gemeente-only variant for hit-testing.
//! - [`Geography::gemeente`], [`Geography::gemeenten`], [`Geography::locate_gemeente`]
//!   (at the representative point), [`Geography::provincies`], [`Geography::waterschappen`].
//! - [`Geography::search`] → [`SearchHit`]s (names, aliases, former gemeenten).
//! - [`rd_to_wgs84`], [`wgs84_to_rd`], [`parse_coordinates`] (Dutch [`CoordError`] messages).
//! - [`Geography::svg_paths`] → [`SvgMap`] for a [`Layer`]; [`lonlat_to_svg`] and
//!   [`svg_to_lonlat`] convert between the map and WGS84.

mod codec;
mod rd;
mod regions;
mod search;
mod svg;
mod water;

pub use codec::DecodeError;
pub use rd::{
    parse_coordinates, parse_coordinates_detailed, rd_to_wgs84, shown_number, wgs84_to_rd,
    CoordError, CoordFormat,
};
pub use regions::{
    omgevingsdienst_map_tsv, omgevingsdiensten_on_map, OdOnMap, RegionColours, NO_REGION_FILL,
    OTHER_REGION_FILL, REGION_FILLS,
};
pub use search::{normalize, MatchKind, SearchHit};
pub use svg::{escape_markup, lonlat_to_svg, svg_to_lonlat, Layer, SvgMap, SvgPath};

use geo::coordinate_position::{CoordPos, CoordinatePosition};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::Serialize;

pub(crate) static GEMEENTEN_BIN: &[u8] = include_bytes!("../data/geo/gemeenten.bin");
pub(crate) static WATERSCHAPPEN_BIN: &[u8] = include_bytes!("../data/geo/waterschappen.bin");
pub(crate) static META_TSV: &str = include_str!("../data/geo/meta.tsv");
pub(crate) static ALIASES_CSV: &str = include_str!("../data/geo/aliases.csv");
/// The water areas (`geo::water`): compiled into the native build and the full web build; the
/// start build (the first page load) leaves them out and gets them on its first miss.
#[cfg(any(feature = "views", not(target_arch = "wasm32")))]
pub(crate) static WATER_BIN: Option<&[u8]> = Some(include_bytes!("../data/geo/water.bin"));
#[cfg(not(any(feature = "views", not(target_arch = "wasm32"))))]
pub(crate) static WATER_BIN: Option<&[u8]> = None;

/// Gemeente data uncertainty (README: 50–100 m next to a border).
pub const GEMEENTE_UNCERTAINTY_M: f64 = 100.0;
/// Waterschap data uncertainty (coarse source, internal borders off by 1–2 km).
pub const WATERSCHAP_UNCERTAINTY_M: f64 = 2_000.0;

/// A WGS84 point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// An area or organisation with its contract id (`GM0828`, `PV30`, `WS24`, `ODBN`, `VR21`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// What lies under a point inside the Netherlands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Located {
    pub gemeente: Named,
    pub provincie: Named,
    /// `None` outside every waterschap (coarse data: see `near_waterschap_boundary`).
    pub waterschap: Option<Named>,
    pub omgevingsdienst: Option<Named>,
    /// The omgevingsdienst row is inferred (`basis = afgeleid` in the table), not sourced.
    pub omgevingsdienst_afgeleid: bool,
    /// The omgevingsdienst before the mergers of 1 January 2026, where it was another one.
    pub omgevingsdienst_tot_2026: Option<Named>,
    pub veiligheidsregio: Option<Named>,
    /// Metres to the nearest boundary of this gemeente (a border with a neighbour, or its
    /// edge towards sea, a lake or abroad).
    pub boundary_distance_m: f64,
    /// Within the gemeente data's uncertainty (100 m) of a boundary.
    pub near_boundary: bool,
    /// Found in the gemeente's part of a large water (IJsselmeer, Waddenzee, Zeeuwse wateren,
    /// coastal sea), not in its land polygon. Those borders are coarser: about 100 m in open
    /// water, and `boundary_distance_m` is measured to the water area's edge.
    pub in_water: bool,
    /// Metres to the nearest waterschap boundary (`None` when outside every waterschap).
    pub waterschap_boundary_distance_m: Option<f64>,
    /// Within the waterschap data's uncertainty (2 km) of a waterschap boundary, or outside
    /// every waterschap: the waterschap answer is then only an indication.
    pub near_waterschap_boundary: bool,
    /// The point in RD New metres `(x, y)`.
    pub rd: (f64, f64),
}

/// Static facts about one gemeente.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GemeenteInfo {
    pub id: String,
    pub name: String,
    pub provincie: Named,
    pub omgevingsdienst: Option<Named>,
    /// The omgevingsdienst row is inferred (`basis = afgeleid` in the table), not sourced.
    pub omgevingsdienst_afgeleid: bool,
    /// The omgevingsdienst before the mergers of 1 January 2026, where it was another one.
    pub omgevingsdienst_tot_2026: Option<Named>,
    pub veiligheidsregio: Option<Named>,
    /// A point guaranteed inside the gemeente.
    pub representative_point: LonLat,
    /// The same point in RD New metres.
    pub representative_rd: (f64, f64),
}

/// Sizes of the decoded geography.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GeoStats {
    pub gemeenten: usize,
    pub gemeente_arcs: usize,
    pub gemeente_arc_points: usize,
    pub gemeente_grid_m: f64,
    pub waterschappen: usize,
    pub waterschap_arcs: usize,
    pub waterschap_arc_points: usize,
    pub waterschap_grid_m: f64,
    pub aliases: usize,
    /// Water areas (gemeenten with a part of a large water), their arcs and points; 0 when
    /// this build has none yet.
    pub water_areas: usize,
    pub water_arcs: usize,
    pub water_arc_points: usize,
}

/// The shipped files, as bundled: `(file name, bytes)`.
pub fn bundled_files() -> [(&'static str, &'static [u8]); 4] {
    [
        ("gemeenten.bin", GEMEENTEN_BIN),
        ("waterschappen.bin", WATERSCHAPPEN_BIN),
        ("meta.tsv", META_TSV.as_bytes()),
        ("aliases.csv", ALIASES_CSV.as_bytes()),
    ]
}

/// The water areas (`water.bin`) when this build has them compiled in: the native build and
/// the full web build; `None` in the start build, which fetches them on its first miss.
pub fn bundled_water() -> Option<&'static [u8]> {
    WATER_BIN
}

/// One decoded area: its polygons in RD metres and their bounding box.
struct Area {
    shape: MultiPolygon<f64>,
    /// min_x, min_y, max_x, max_y
    bbox: [f64; 4],
}

impl Area {
    fn from_topology(topo: &codec::Topology, polys: &[Vec<Vec<i64>>]) -> Area {
        let mut out = Vec::with_capacity(polys.len());
        for rings in polys {
            let mut ls = rings.iter().map(|refs| LineString::new(topo.ring(refs)));
            let Some(exterior) = ls.next() else { continue };
            out.push(Polygon::new(exterior, ls.collect()));
        }
        Area {
            shape: MultiPolygon::new(out),
            bbox: exterior_bbox(topo, polys),
        }
    }

    fn bbox_contains(&self, c: Coord<f64>) -> bool {
        c.x >= self.bbox[0] && c.y >= self.bbox[1] && c.x <= self.bbox[2] && c.y <= self.bbox[3]
    }

    /// Closed containment (interior or boundary).
    ///
    /// Tested per polygon: geo's `CoordinatePosition` for a `MultiPolygon` applies the
    /// mod-2 boundary rule, so a vertex where two parts of one gemeente touch would count
    /// as outside.
    fn covers(&self, c: Coord<f64>) -> bool {
        self.shape
            .iter()
            .any(|p| p.coordinate_position(&c) != CoordPos::Outside)
    }

    /// Metres from `c` to the nearest edge of any ring.
    fn boundary_distance(&self, c: Coord<f64>) -> f64 {
        let mut best = f64::INFINITY;
        for poly in &self.shape {
            for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                for w in ring.0.windows(2) {
                    if let [a, b] = w {
                        best = best.min(segment_distance2(c, *a, *b));
                    }
                }
            }
        }
        best.sqrt()
    }
}

/// The bounding box (min_x, min_y, max_x, max_y) of a feature's exterior rings, from its arcs
/// without building the rings: the map needs the boxes at start-up, the polygons only
/// `locate` does. Infinite for a feature without rings.
fn exterior_bbox(topo: &codec::Topology, polys: &[Vec<Vec<i64>>]) -> [f64; 4] {
    let mut bbox = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for refs in polys.iter().filter_map(|rings| rings.first()) {
        // the direction of an arc does not change its box
        let arcs = refs
            .iter()
            .filter_map(|&r| topo.arcs.get(codec::Topology::arc_index(r)));
        for c in arcs.flatten() {
            bbox = [
                bbox[0].min(c.x),
                bbox[1].min(c.y),
                bbox[2].max(c.x),
                bbox[3].max(c.y),
            ];
        }
    }
    bbox
}

/// One layer's areas: bounding boxes decoded at once, polygons and their grid index built on
/// first use (the start view draws the map from the arcs and needs only the boxes).
#[derive(Default)]
struct Areas {
    bboxes: Vec<[f64; 4]>,
    shapes: std::sync::OnceLock<Vec<Area>>,
    grid: std::sync::OnceLock<GridIndex>,
}

impl Areas {
    fn new(topo: &codec::Topology) -> Areas {
        Areas {
            bboxes: topo
                .features
                .iter()
                .map(|f| exterior_bbox(topo, f))
                .collect(),
            ..Areas::default()
        }
    }

    /// The polygons of `topo`, the topology these areas were made from.
    fn shapes(&self, topo: &codec::Topology) -> &[Area] {
        self.shapes.get_or_init(|| {
            topo.features
                .iter()
                .map(|f| Area::from_topology(topo, f))
                .collect()
        })
    }

    fn grid(&self) -> &GridIndex {
        self.grid.get_or_init(|| GridIndex::new(&self.bboxes))
    }
}

/// Uniform grid over the areas' bounding boxes: each cell lists, in id order, the areas
/// whose bounding box touches it. The bounding-box scan of all 342 gemeenten was nearly all
/// of `locate`'s time (see the benchmark); the grid leaves about one candidate per point.
/// Candidates keep id order, so the border rule (first in id order wins) is unchanged.
#[derive(Default)]
struct GridIndex {
    x0: f64,
    y0: f64,
    cell: f64,
    nx: usize,
    ny: usize,
    cells: Vec<Vec<u16>>,
}

impl GridIndex {
    const CELL_M: f64 = 5_000.0;

    fn new(bboxes: &[[f64; 4]]) -> GridIndex {
        let finite = bboxes.iter().filter(|b| b.iter().all(|v| v.is_finite()));
        let (mut x0, mut y0, mut x1, mut y1) = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        for b in finite {
            x0 = x0.min(b[0]);
            y0 = y0.min(b[1]);
            x1 = x1.max(b[2]);
            y1 = y1.max(b[3]);
        }
        if !(x0 <= x1 && y0 <= y1) || bboxes.len() > usize::from(u16::MAX) {
            return GridIndex::default();
        }
        // at most 256 × 256 cells, so corrupt (absurd) extents cannot exhaust memory
        let cell = Self::CELL_M.max((x1 - x0) / 255.0).max((y1 - y0) / 255.0);
        let nx = (((x1 - x0) / cell).floor() as usize)
            .saturating_add(1)
            .min(256);
        let ny = (((y1 - y0) / cell).floor() as usize)
            .saturating_add(1)
            .min(256);
        let mut grid = GridIndex {
            x0,
            y0,
            cell,
            nx,
            ny,
            cells: vec![Vec::new(); nx * ny],
        };
        for (i, b) in bboxes.iter().enumerate() {
            let (Some((cx0, cy0)), Some((cx1, cy1))) = (
                grid.cell_of(Coord { x: b[0], y: b[1] }),
                grid.cell_of(Coord { x: b[2], y: b[3] }),
            ) else {
                continue;
            };
            for cy in cy0..=cy1 {
                for cx in cx0..=cx1 {
                    if let Some(c) = grid.cells.get_mut(cy * nx + cx) {
                        c.push(i as u16);
                    }
                }
            }
        }
        grid
    }

    fn cell_of(&self, c: Coord<f64>) -> Option<(usize, usize)> {
        let fx = ((c.x - self.x0) / self.cell).floor();
        let fy = ((c.y - self.y0) / self.cell).floor();
        if !(fx >= 0.0 && fy >= 0.0) {
            return None;
        }
        // saturating casts; anything beyond the extent lies outside every bounding box
        let (cx, cy) = (fx as usize, fy as usize);
        (cx < self.nx && cy < self.ny).then_some((cx, cy))
    }

    /// Candidate area indices for `c`, in id order.
    fn candidates(&self, c: Coord<f64>) -> &[u16] {
        self.cell_of(c)
            .and_then(|(cx, cy)| self.cells.get(cy * self.nx + cx))
            .map_or(&[], Vec::as_slice)
    }
}

fn segment_distance2(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    let d = b - a;
    let l2 = d.x * d.x + d.y * d.y;
    let t = if l2 > 0.0 {
        (((p.x - a.x) * d.x + (p.y - a.y) * d.y) / l2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let q = Coord {
        x: a.x + t * d.x - p.x,
        y: a.y + t * d.y - p.y,
    };
    q.x * q.x + q.y * q.y
}

/// The decoded, bundled geography.
pub struct Geography {
    gemeenten: Vec<GemeenteInfo>,
    /// Polygons and grid index built on the first `locate`, not at start-up.
    gm_areas: Areas,
    gm_topo: codec::Topology,
    provincies: Vec<Named>,
    waterschappen: Vec<Named>,
    ws_areas: Areas,
    ws_topo: codec::Topology,
    aliases: Vec<search::Alias>,
    water: water::WaterSlot,
    status: Result<(), DecodeError>,
}

/// Parsed `meta.tsv`.
#[derive(Default)]
struct Meta {
    provincies: Vec<Named>,
    ods: Vec<Named>,
    /// Omgevingsdiensten that merged on 1 January 2026 (`OX` lines): names for "tot 2026".
    former_ods: Vec<Named>,
    vrs: Vec<Named>,
    waterschappen: Vec<Named>,
    gemeenten: Vec<MetaGemeente>,
}

/// One `GM` line of `meta.tsv`.
struct MetaGemeente {
    id: String,
    name: String,
    provincie: String,
    od: Option<String>,
    od_afgeleid: bool,
    od_former: Option<String>,
    vr: Option<String>,
    rep: (f64, f64),
}

fn parse_meta(text: &str) -> Result<Meta, DecodeError> {
    let mut m = Meta::default();
    for (no, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || DecodeError::Metadata(format!("regel {}: {line:?}", no + 1));
        let named = |f: &[&str]| -> Result<Named, DecodeError> {
            match f {
                [_, id, name] => Ok(Named {
                    id: (*id).to_string(),
                    name: (*name).to_string(),
                }),
                _ => Err(bad()),
            }
        };
        match f.first().copied() {
            Some("PV") => m.provincies.push(named(&f)?),
            Some("OD") => m.ods.push(named(&f)?),
            Some("OX") => m.former_ods.push(named(&f)?),
            Some("VR") => m.vrs.push(named(&f)?),
            Some("WS") => m.waterschappen.push(named(&f)?),
            Some("GM") => match f.as_slice() {
                [_, id, name, pv, od, basis, former, vr, x, y] => {
                    let opt = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_string());
                    // kilometres (meta.tsv is in the first page load: short numbers)
                    let x = (rd::decimal(x).ok_or_else(bad)? * 1000.0).round();
                    let y = (rd::decimal(y).ok_or_else(bad)? * 1000.0).round();
                    let od_afgeleid = match *basis {
                        "afgeleid" => true,
                        "bron" | "-" => false,
                        _ => return Err(bad()),
                    };
                    m.gemeenten.push(MetaGemeente {
                        id: (*id).to_string(),
                        name: (*name).to_string(),
                        provincie: (*pv).to_string(),
                        od: opt(od),
                        od_afgeleid,
                        od_former: opt(former),
                        vr: opt(vr),
                        rep: (x, y),
                    });
                }
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        }
    }
    Ok(m)
}

fn lookup(table: &[Named], id: &str) -> Option<Named> {
    table.iter().find(|n| n.id == id).cloned()
}

impl Geography {
    fn empty(status: Result<(), DecodeError>) -> Geography {
        Geography {
            gemeenten: Vec::new(),
            gm_areas: Areas::default(),
            gm_topo: codec::Topology::default(),
            provincies: Vec::new(),
            waterschappen: Vec::new(),
            ws_areas: Areas::default(),
            ws_topo: codec::Topology::default(),
            aliases: Vec::new(),
            water: water::WaterSlot::default(),
            status,
        }
    }

    /// Decode a geography from its three files (the bundled ones, or test inputs).
    pub fn decode(
        gemeenten_bin: &[u8],
        waterschappen_bin: &[u8],
        meta_tsv: &str,
        aliases_csv: &str,
    ) -> Result<Geography, DecodeError> {
        let meta = parse_meta(meta_tsv)?;
        let gm_topo = codec::decode(gemeenten_bin)?;
        let ws_topo = codec::decode(waterschappen_bin)?;
        if gm_topo.features.len() != meta.gemeenten.len() {
            return Err(DecodeError::Metadata(format!(
                "{} gemeente-vormen maar {} gemeenten in meta.tsv",
                gm_topo.features.len(),
                meta.gemeenten.len()
            )));
        }
        if ws_topo.features.len() != meta.waterschappen.len() {
            return Err(DecodeError::Metadata(format!(
                "{} waterschap-vormen maar {} waterschappen in meta.tsv",
                ws_topo.features.len(),
                meta.waterschappen.len()
            )));
        }
        let mut gemeenten = Vec::with_capacity(meta.gemeenten.len());
        for MetaGemeente {
            id,
            name,
            provincie: pv,
            od,
            od_afgeleid,
            od_former,
            vr,
            rep: (x, y),
        } in &meta.gemeenten
        {
            let provincie = lookup(&meta.provincies, pv)
                .ok_or_else(|| DecodeError::Metadata(format!("{id}: onbekende provincie {pv}")))?;
            let find = |table: &[Named], code: &Option<String>, what: &str| match code {
                Some(code) => lookup(table, code)
                    .map(Some)
                    .ok_or_else(|| DecodeError::Metadata(format!("{id}: onbekende {what} {code}"))),
                None => Ok(None),
            };
            gemeenten.push(GemeenteInfo {
                id: id.clone(),
                name: name.clone(),
                provincie,
                omgevingsdienst: find(&meta.ods, od, "omgevingsdienst")?,
                omgevingsdienst_afgeleid: od.is_some() && *od_afgeleid,
                omgevingsdienst_tot_2026: find(&meta.former_ods, od_former, "omgevingsdienst")?,
                veiligheidsregio: find(&meta.vrs, vr, "veiligheidsregio")?,
                representative_point: rd_to_wgs84(*x, *y),
                representative_rd: (*x, *y),
            });
        }
        if gemeenten
            .windows(2)
            .any(|w| matches!(w, [a, b] if a.id >= b.id))
        {
            return Err(DecodeError::Metadata(
                "gemeenten niet op id gesorteerd".into(),
            ));
        }
        let gm_areas = Areas::new(&gm_topo);
        let ws_areas = Areas::new(&ws_topo);
        let aliases = search::parse_aliases(aliases_csv, &gemeenten)?;
        Ok(Geography {
            gemeenten,
            gm_areas,
            gm_topo,
            provincies: meta.provincies,
            waterschappen: meta.waterschappen,
            ws_areas,
            ws_topo,
            aliases,
            water: water::WaterSlot::default(),
            status: Ok(()),
        })
    }

    /// The bundled data, decoded once. Never panics: if the bundled data were corrupt the
    /// result is an empty geography (every `locate` is `None`) and [`Geography::status`]
    /// says why.
    pub fn bundled() -> &'static Geography {
        static GEO: std::sync::OnceLock<Geography> = std::sync::OnceLock::new();
        GEO.get_or_init(|| {
            let geo = Geography::decode(GEMEENTEN_BIN, WATERSCHAPPEN_BIN, META_TSV, ALIASES_CSV)
                .unwrap_or_else(|e| Geography::empty(Err(e)));
            match WATER_BIN {
                Some(water) => geo.with_water(water),
                None => geo,
            }
        })
    }

    /// `Ok(())` when the data decoded, else the reason this geography is empty.
    pub fn status(&self) -> Result<(), &DecodeError> {
        self.status.as_ref().map(|_| ())
    }

    /// `None` when the point lies outside every gemeente (the open sea beyond the gemeenten,
    /// Belgium, Germany) or is not finite. A point in a large water (IJsselmeer, Waddenzee,
    /// Westerschelde…) belongs to the gemeente that administers that part of it (`in_water`).
    pub fn locate(&self, point: LonLat) -> Option<Located> {
        if !point.lon.is_finite() || !point.lat.is_finite() {
            return None;
        }
        let (x, y) = wgs84_to_rd(point);
        self.locate_rd(x, y)
    }

    /// As [`Geography::locate`], for a point in RD New metres.
    pub fn locate_rd(&self, x: f64, y: f64) -> Option<Located> {
        if !x.is_finite() || !y.is_finite() {
            return None;
        }
        let c = Coord { x, y };
        let (i, area, in_water) = self.gemeente_area_rd(c)?;
        let info = self.gemeenten.get(i)?;
        let boundary_distance_m = area.boundary_distance(c);
        let ws = self.waterschap_index_rd(c);
        let waterschap = ws.and_then(|w| self.waterschappen.get(w)).cloned();
        let waterschap_boundary_distance_m = ws
            .and_then(|w| self.ws_areas.shapes(&self.ws_topo).get(w))
            .map(|a| a.boundary_distance(c));
        Some(Located {
            gemeente: Named {
                id: info.id.clone(),
                name: info.name.clone(),
            },
            provincie: info.provincie.clone(),
            waterschap,
            omgevingsdienst: info.omgevingsdienst.clone(),
            omgevingsdienst_afgeleid: info.omgevingsdienst_afgeleid,
            omgevingsdienst_tot_2026: info.omgevingsdienst_tot_2026.clone(),
            veiligheidsregio: info.veiligheidsregio.clone(),
            boundary_distance_m,
            near_boundary: boundary_distance_m < GEMEENTE_UNCERTAINTY_M,
            in_water,
            waterschap_boundary_distance_m,
            near_waterschap_boundary: waterschap_boundary_distance_m
                .is_none_or(|d| d < WATERSCHAP_UNCERTAINTY_M),
            rd: (x, y),
        })
    }

    /// The gemeente at `c`: its index, the area that contains `c`, and whether that is a
    /// water area. Land first, so the water areas only decide where no gemeente polygon does.
    fn gemeente_area_rd(&self, c: Coord<f64>) -> Option<(usize, &Area, bool)> {
        match self.gemeente_index_rd(c) {
            Some(i) => Some((i, self.gm_areas.shapes(&self.gm_topo).get(i)?, false)),
            None => self.water_area_rd(c).map(|(i, area)| (i, area, true)),
        }
    }

    /// Index (in id order) of the first gemeente whose closed area contains `c`.
    fn gemeente_index_rd(&self, c: Coord<f64>) -> Option<usize> {
        let areas = self.gm_areas.shapes(&self.gm_topo);
        Self::first_covering(self.gm_areas.grid(), areas, c)
    }

    fn waterschap_index_rd(&self, c: Coord<f64>) -> Option<usize> {
        let areas = self.ws_areas.shapes(&self.ws_topo);
        Self::first_covering(self.ws_areas.grid(), areas, c)
    }

    /// First area (in id order) among the grid candidates whose closed area contains `c`.
    fn first_covering(grid: &GridIndex, areas: &[Area], c: Coord<f64>) -> Option<usize> {
        grid.candidates(c)
            .iter()
            .map(|&i| usize::from(i))
            .find(|&i| {
                areas
                    .get(i)
                    .is_some_and(|a| a.bbox_contains(c) && a.covers(c))
            })
    }

    /// The gemeente under `point` by scanning every bounding box (no grid index). Same
    /// answer as `locate`; exists for the benchmark.
    pub fn locate_bbox_scan(&self, point: LonLat) -> Option<&str> {
        if !point.lon.is_finite() || !point.lat.is_finite() {
            return None;
        }
        let (x, y) = wgs84_to_rd(point);
        let c = Coord { x, y };
        let i = match self
            .gm_areas
            .shapes(&self.gm_topo)
            .iter()
            .position(|a| a.bbox_contains(c) && a.covers(c))
        {
            Some(i) => i,
            None => self.water_area_rd(c)?.0,
        };
        self.gemeenten.get(i).map(|g| g.id.as_str())
    }

    /// Only the gemeente under `point` (same rule as [`Geography::locate`], without the
    /// boundary distance and waterschap): the cheap call for hit-testing a map.
    pub fn gemeente_at(&self, point: LonLat) -> Option<&GemeenteInfo> {
        if !point.lon.is_finite() || !point.lat.is_finite() {
            return None;
        }
        let (x, y) = wgs84_to_rd(point);
        let (i, _, _) = self.gemeente_area_rd(Coord { x, y })?;
        self.gemeenten.get(i)
    }

    /// The gemeente id under `point` by testing every polygon without the bounding-box
    /// prefilter. Same answer as `locate`; exists for the benchmark.
    pub fn locate_naive(&self, point: LonLat) -> Option<&str> {
        if !point.lon.is_finite() || !point.lat.is_finite() {
            return None;
        }
        let (x, y) = wgs84_to_rd(point);
        let c = Coord { x, y };
        let i = match self
            .gm_areas
            .shapes(&self.gm_topo)
            .iter()
            .position(|a| a.covers(c))
        {
            Some(i) => i,
            None => self.water_area_rd(c)?.0,
        };
        self.gemeenten.get(i).map(|g| g.id.as_str())
    }

    /// Locate at the gemeente's representative point.
    pub fn locate_gemeente(&self, id: &str) -> Option<Located> {
        let (x, y) = self.gemeente(id)?.representative_rd;
        self.locate_rd(x, y)
    }

    pub fn gemeente(&self, id: &str) -> Option<&GemeenteInfo> {
        let i = self
            .gemeenten
            .binary_search_by(|g| g.id.as_str().cmp(id))
            .ok()?;
        self.gemeenten.get(i)
    }

    /// All gemeenten, sorted by id.
    pub fn gemeenten(&self) -> &[GemeenteInfo] {
        &self.gemeenten
    }

    /// The 12 provincies, sorted by id.
    pub fn provincies(&self) -> &[Named] {
        &self.provincies
    }

    /// The waterschappen, sorted by id.
    pub fn waterschappen(&self) -> &[Named] {
        &self.waterschappen
    }

    /// Counts and grid sizes of the decoded data (for the benchmark and diagnostics).
    pub fn stats(&self) -> GeoStats {
        let points = |t: &codec::Topology| t.arcs.iter().map(Vec::len).sum();
        GeoStats {
            gemeenten: self.gemeenten.len(),
            gemeente_arcs: self.gm_topo.arcs.len(),
            gemeente_arc_points: points(&self.gm_topo),
            gemeente_grid_m: self.gm_topo.quantum_m,
            waterschappen: self.waterschappen.len(),
            waterschap_arcs: self.ws_topo.arcs.len(),
            waterschap_arc_points: points(&self.ws_topo),
            waterschap_grid_m: self.ws_topo.quantum_m,
            aliases: self
                .aliases
                .iter()
                .filter(|a| a.kind != MatchKind::Name)
                .count(),
            water_areas: self.water().map_or(0, |w| w.areas.len()),
            water_arcs: self.water().map_or(0, |w| w.topo.arcs.len()),
            water_arc_points: self.water().map_or(0, |w| points(&w.topo)),
        }
    }

    /// Gemeente polygons (RD New metres), in the order of [`Geography::gemeenten`].
    pub fn gemeente_shape(&self, id: &str) -> Option<&MultiPolygon<f64>> {
        let i = self
            .gemeenten
            .binary_search_by(|g| g.id.as_str().cmp(id))
            .ok()?;
        self.gm_areas.shapes(&self.gm_topo).get(i).map(|a| &a.shape)
    }

    /// Waterschap polygons (RD New metres).
    pub fn waterschap_shape(&self, id: &str) -> Option<&MultiPolygon<f64>> {
        let i = self.waterschappen.iter().position(|w| w.id == id)?;
        self.ws_areas.shapes(&self.ws_topo).get(i).map(|a| &a.shape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_is_complete() {
        let g = Geography::bundled();
        assert_eq!(g.status(), Ok(()));
        assert_eq!(g.gemeenten().len(), 342);
        assert_eq!(g.provincies().len(), 12);
        assert_eq!(g.waterschappen().len(), 21);
    }

    #[test]
    fn corrupt_inputs_are_errors() {
        let cut = GEMEENTEN_BIN.get(..GEMEENTEN_BIN.len() / 2).unwrap();
        assert!(Geography::decode(cut, WATERSCHAPPEN_BIN, META_TSV, ALIASES_CSV).is_err());
        assert!(Geography::decode(GEMEENTEN_BIN, b"", META_TSV, ALIASES_CSV).is_err());
        let meta = META_TSV.replace("GM\tGM0828", "GM\tGM0828\textra");
        assert!(Geography::decode(GEMEENTEN_BIN, WATERSCHAPPEN_BIN, &meta, ALIASES_CSV).is_err());
        let half_meta = META_TSV.get(..META_TSV.len() / 2).unwrap_or("");
        assert!(
            Geography::decode(GEMEENTEN_BIN, WATERSCHAPPEN_BIN, half_meta, ALIASES_CSV).is_err()
        );
        let empty = Geography::empty(Err(DecodeError::BadMagic));
        assert!(empty
            .locate(LonLat {
                lon: 5.528,
                lat: 51.765
            })
            .is_none());
        assert!(empty.status().is_err());
    }

    #[test]
    fn non_finite_is_none() {
        let g = Geography::bundled();
        for p in [
            LonLat {
                lon: f64::NAN,
                lat: 51.7,
            },
            LonLat {
                lon: 5.5,
                lat: f64::INFINITY,
            },
            LonLat {
                lon: f64::NEG_INFINITY,
                lat: f64::NAN,
            },
            LonLat {
                lon: 1e308,
                lat: -1e308,
            },
        ] {
            assert!(g.locate(p).is_none());
        }
        assert!(g.locate_rd(f64::NAN, 400_000.0).is_none());
    }
}
