//! The large waters: the gemeenten's parts of the IJsselmeer, Markermeer, Waddenzee, the
//! Zeeuwse wateren and the coastal sea. The gemeente polygons cover land and the smaller
//! waters only; a point in none of them is looked up here, in coarse "water area → gemeente"
//! polygons (borders in open water within about 100 m; made by scripts/geo/make_water.py,
//! format `RWW1` in scripts/geo/build_geo.py).
//!
//! Decoded on the first point that misses every gemeente polygon, never at start-up. The
//! native build and the full web build have the areas compiled in; the start build (the
//! first page load) gets them from [`Geography::supply_water`] when it needs them.

use std::sync::OnceLock;

use geo::Coord;

use super::{codec, Area, DecodeError, GemeenteInfo, Geography, GridIndex};

/// The decoded water areas.
pub(super) struct Water {
    /// Per area: the index of its gemeente in `Geography::gemeenten`.
    pub(super) gemeente: Vec<usize>,
    pub(super) areas: Vec<Area>,
    grid: GridIndex,
    pub(super) topo: codec::Topology,
}

/// Where the water areas come from, and once needed, the areas (`None`: they did not
/// decode).
#[derive(Default)]
pub(super) struct WaterSlot {
    compiled_in: Option<&'static [u8]>,
    decoded: OnceLock<Option<Water>>,
}

impl WaterSlot {
    pub(super) fn compiled_in(bytes: Option<&'static [u8]>) -> WaterSlot {
        WaterSlot {
            compiled_in: bytes,
            decoded: OnceLock::new(),
        }
    }
}

/// `RWW1`, the gemeente of each area, then the areas as one `RWG3` topology.
fn decode(bytes: &[u8], gemeenten: &[GemeenteInfo]) -> Result<Water, DecodeError> {
    if bytes.get(..4) != Some(b"RWW1".as_slice()) {
        return Err(DecodeError::BadMagic);
    }
    let mut r = codec::Reader { bytes, pos: 4 };
    let mut gemeente = Vec::new();
    for _ in 0..r.count("watergebieden")? {
        let code = format!("GM{:04}", r.uvarint()?);
        let i = gemeenten
            .binary_search_by(|g| g.id.as_str().cmp(&code))
            .map_err(|_| DecodeError::Metadata(format!("water.bin: onbekende gemeente {code}")))?;
        gemeente.push(i);
    }
    let topo = codec::decode(bytes.get(r.pos..).unwrap_or_default())?;
    if topo.features.len() != gemeente.len() {
        return Err(DecodeError::Metadata("water.bin: aantal vormen".into()));
    }
    let areas: Vec<Area> = topo
        .features
        .iter()
        .map(|f| Area::from_topology(&topo, f))
        .collect();
    Ok(Water {
        gemeente,
        grid: GridIndex::new(&areas.iter().map(|a| a.bbox).collect::<Vec<_>>()),
        areas,
        topo,
    })
}

impl Geography {
    /// This geography with water areas (`water.bin`), decoded when first needed.
    pub fn with_water(mut self, water_bin: &'static [u8]) -> Geography {
        self.water = WaterSlot::compiled_in(Some(water_bin));
        self
    }

    /// Hands over the water areas fetched later (the start build of the web app). An error
    /// if they do not decode; nothing changes if the areas are already there.
    pub fn supply_water(&self, water_bin: &[u8]) -> Result<(), DecodeError> {
        if self.water().is_some() {
            return Ok(());
        }
        let water = decode(water_bin, &self.gemeenten)?;
        let _ = self.water.decoded.set(Some(water));
        Ok(())
    }

    /// Whether points in the large waters can be placed: the water areas are compiled in or
    /// were supplied. Without them such points lie outside every gemeente.
    pub fn has_water(&self) -> bool {
        self.water.compiled_in.is_some() || self.water().is_some()
    }

    pub(super) fn water(&self) -> Option<&Water> {
        if let Some(decoded) = self.water.decoded.get() {
            return decoded.as_ref();
        }
        // The start build has nothing compiled in: no lazy decoding code there (first load).
        #[cfg(any(feature = "views", not(target_arch = "wasm32")))]
        if let Some(bytes) = self.water.compiled_in {
            return self
                .water
                .decoded
                .get_or_init(|| decode(bytes, &self.gemeenten).ok())
                .as_ref();
        }
        None
    }

    /// The water area containing `c` (first in gemeente order): its gemeente index and area.
    pub(super) fn water_area_rd(&self, c: Coord<f64>) -> Option<(usize, &Area)> {
        let water = self.water()?;
        let k = Self::first_covering(&water.grid, &water.areas, c)?;
        Some((*water.gemeente.get(k)?, water.areas.get(k)?))
    }
}
