//! Geography: which gemeente, provincie and waterschap a point lies in, RD ↔ WGS84, gemeente
//! search and SVG paths. Plain Rust over data bundled in the binary.
//!
//! INTERFACE (agreed between the geography and the engine; implementation in progress).

use serde::Serialize;

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
    pub veiligheidsregio: Option<Named>,
    /// Metres to the nearest gemeente boundary.
    pub boundary_distance_m: f64,
    /// Within the gemeente data's uncertainty (100 m) of a boundary.
    pub near_boundary: bool,
}

/// Static facts about one gemeente.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GemeenteInfo {
    pub id: String,
    pub name: String,
    pub provincie: Named,
    pub omgevingsdienst: Option<Named>,
    pub veiligheidsregio: Option<Named>,
    /// A point guaranteed inside the gemeente.
    pub representative_point: LonLat,
}

/// The decoded, bundled geography.
pub struct Geography {
    gemeenten: Vec<GemeenteInfo>,
}

impl Geography {
    /// The bundled data, decoded once.
    pub fn bundled() -> &'static Geography {
        static GEO: std::sync::OnceLock<Geography> = std::sync::OnceLock::new();
        GEO.get_or_init(|| Geography { gemeenten: Vec::new() })
    }

    /// `None` when the point lies outside every gemeente (sea, Belgium, Germany).
    pub fn locate(&self, _point: LonLat) -> Option<Located> {
        None
    }

    /// Locate at the gemeente's representative point.
    pub fn locate_gemeente(&self, id: &str) -> Option<Located> {
        let point = self.gemeente(id)?.representative_point;
        self.locate(point)
    }

    pub fn gemeente(&self, id: &str) -> Option<&GemeenteInfo> {
        self.gemeenten.iter().find(|g| g.id == id)
    }

    /// All gemeenten, sorted by id.
    pub fn gemeenten(&self) -> &[GemeenteInfo] {
        &self.gemeenten
    }
}

/// RD New (EPSG:28992) metres → WGS84.
pub fn rd_to_wgs84(x: f64, y: f64) -> LonLat {
    LonLat { lon: x, lat: y }
}

/// WGS84 → RD New (EPSG:28992) metres, as `(x, y)`.
pub fn wgs84_to_rd(point: LonLat) -> (f64, f64) {
    (point.lon, point.lat)
}
