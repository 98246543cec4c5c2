#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! locate(): interior property, border determinism, representative points.

use geo::{Contains, Coord, MultiPolygon, Point};
use proptest::prelude::*;
use routewijzer::geo::{rd_to_wgs84, Geography, LonLat};
use std::collections::{BTreeMap, BTreeSet};

fn geo() -> &'static Geography {
    Geography::bundled()
}

fn seg_dist(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    let d = b - a;
    let l2 = d.x * d.x + d.y * d.y;
    let t = if l2 > 0.0 {
        (((p.x - a.x) * d.x + (p.y - a.y) * d.y) / l2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((a.x + t * d.x - p.x).powi(2) + (a.y + t * d.y - p.y).powi(2)).sqrt()
}

fn boundary_distance(shape: &MultiPolygon<f64>, p: Coord<f64>) -> f64 {
    let mut best = f64::INFINITY;
    for poly in shape {
        for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
            for w in ring.0.windows(2) {
                best = best.min(seg_dist(p, w[0], w[1]));
            }
        }
    }
    best
}

fn bbox(shape: &MultiPolygon<f64>) -> [f64; 4] {
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for poly in shape {
        for c in poly.exterior().coords() {
            b = [b[0].min(c.x), b[1].min(c.y), b[2].max(c.x), b[3].max(c.y)];
        }
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// A random point inside a random gemeente, farther than 200 m from its boundary
    /// (checked independently with geo::Contains), locates to that gemeente, both as RD and
    /// as WGS84, and is not flagged near the boundary.
    #[test]
    fn interior_points_locate_to_their_gemeente(gi in 0usize..342, seed in any::<u64>()) {
        let g = geo();
        let info = &g.gemeenten()[gi];
        let shape = g.gemeente_shape(&info.id).unwrap();
        let [x0, y0, x1, y1] = bbox(shape);
        let mut s = seed;
        let mut next = || {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut found = None;
        for _ in 0..400 {
            let c = Coord { x: x0 + next() * (x1 - x0), y: y0 + next() * (y1 - y0) };
            if shape.contains(&Point::from(c)) && boundary_distance(shape, c) > 200.0 {
                found = Some(c);
                break;
            }
        }
        if let Some(c) = found {
            let l = g.locate_rd(c.x, c.y).unwrap();
            prop_assert_eq!(&l.gemeente.id, &info.id);
            prop_assert!(l.boundary_distance_m > 200.0);
            prop_assert!(!l.near_boundary);
            let ll = rd_to_wgs84(c.x, c.y);
            let l2 = g.locate(ll).unwrap();
            prop_assert_eq!(&l2.gemeente.id, &info.id);
            prop_assert_eq!(&l2.provincie, &info.provincie);
        }
    }

    #[test]
    fn locate_never_panics(lon in -400.0f64..400.0, lat in -200.0f64..200.0) {
        let _ = geo().locate(LonLat { lon, lat });
    }

    /// Bounding-box prefilter and naive scan agree everywhere in and around NL.
    #[test]
    fn prefilter_agrees_with_naive(lon in 3.0f64..7.4, lat in 50.6f64..53.7) {
        let p = LonLat { lon, lat };
        let a = geo().locate(p).map(|l| l.gemeente.id);
        let b = geo().locate_naive(p).map(str::to_string);
        let c = geo().locate_bbox_scan(p).map(str::to_string);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a, c);
    }
}

/// Every vertex, with the set of gemeenten whose rings contain it.
fn vertex_owners() -> BTreeMap<(i64, i64), BTreeSet<String>> {
    let g = geo();
    let mut m: BTreeMap<(i64, i64), BTreeSet<String>> = BTreeMap::new();
    for info in g.gemeenten() {
        for poly in g.gemeente_shape(&info.id).unwrap() {
            for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                for c in ring.coords() {
                    m.entry((c.x as i64, c.y as i64))
                        .or_default()
                        .insert(info.id.clone());
                }
            }
        }
    }
    m
}

/// Border rule: on a shared vertex or edge, the lowest gemeente id wins, every time.
#[test]
fn border_points_are_deterministic() {
    let owners = vertex_owners();
    let mut shared2 = 0;
    let mut shared3 = 0;
    for ((x, y), ids) in &owners {
        if ids.len() < 2 {
            continue;
        }
        if ids.len() == 2 {
            shared2 += 1
        } else {
            shared3 += 1
        }
        let l = geo().locate_rd(*x as f64, *y as f64).unwrap();
        assert_eq!(
            &l.gemeente.id,
            ids.iter().next().unwrap(),
            "vertex ({x}, {y}) of {ids:?}"
        );
        assert_eq!(l.boundary_distance_m, 0.0);
        assert!(l.near_boundary);
    }
    assert!(shared2 > 5_000, "{shared2} shared vertices");
    assert!(shared3 > 300, "{shared3} triple points");

    // Oss (GM0828) and 's-Hertogenbosch (GM0796): midpoints of shared edges → GM0796.
    let g = geo();
    let oss = g.gemeente_shape("GM0828").unwrap();
    let shb: BTreeSet<(i64, i64)> = g
        .gemeente_shape("GM0796")
        .unwrap()
        .iter()
        .flat_map(|p| {
            p.exterior()
                .coords()
                .map(|c| (c.x as i64, c.y as i64))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut mids = 0;
    for w in oss.0[0].exterior().0.windows(2) {
        let (a, b) = (
            (w[0].x as i64, w[0].y as i64),
            (w[1].x as i64, w[1].y as i64),
        );
        if shb.contains(&a) && shb.contains(&b) {
            let (mx, my) = ((w[0].x + w[1].x) / 2.0, (w[0].y + w[1].y) / 2.0);
            let l = g.locate_rd(mx, my).unwrap();
            assert_eq!(l.gemeente.id, "GM0796");
            assert!(l.boundary_distance_m < 1e-6);
            mids += 1;
        }
    }
    assert!(
        mids >= 3,
        "{mids} shared edges between Oss and 's-Hertogenbosch"
    );
}

#[test]
fn representative_points_are_inside() {
    let g = geo();
    for info in g.gemeenten() {
        let l = g
            .locate(info.representative_point)
            .unwrap_or_else(|| panic!("{} rep point outside", info.id));
        assert_eq!(l.gemeente.id, info.id, "{} {}", info.id, info.name);
        assert!(
            l.boundary_distance_m > 100.0,
            "{}: {}",
            info.id,
            l.boundary_distance_m
        );
        let l2 = g.locate_gemeente(&info.id).unwrap();
        assert_eq!(l2.gemeente.id, info.id);
    }
    assert!(g.locate_gemeente("GM9999").is_none());
}

#[test]
fn gemeenten_have_complete_facts() {
    let g = geo();
    let gm = g.gemeenten();
    assert_eq!(gm.len(), 342);
    assert!(gm.windows(2).all(|w| w[0].id < w[1].id));
    let mut per_pv: BTreeMap<&str, usize> = BTreeMap::new();
    for info in gm {
        *per_pv.entry(info.provincie.name.as_str()).or_default() += 1;
        assert!(info.veiligheidsregio.is_some(), "{} has no VR", info.id);
    }
    assert_eq!(per_pv["Noord-Brabant"], 56);
    assert_eq!(per_pv["Gelderland"], 51);
    assert_eq!(per_pv["Flevoland"], 6);
    // Every gemeente has its omgevingsdienst (table of 1 January 2026, contract §6.1).
    assert!(gm.iter().all(|i| i.omgevingsdienst.is_some()));
    let heusden = g.gemeente("GM0797").unwrap();
    assert_eq!(heusden.name, "Heusden");
    assert_eq!(heusden.omgevingsdienst.as_ref().unwrap().id, "OMWB");
    assert_eq!(heusden.veiligheidsregio.as_ref().unwrap().id, "VR21");
    assert!(
        g.gemeente("GM0457").is_none(),
        "Weesp merged into Amsterdam"
    );
}

#[test]
fn waterschap_flags() {
    let g = geo();
    // Oss centre: Aa en Maas, far from a waterschap border
    let l = g
        .locate(LonLat {
            lon: 5.528,
            lat: 51.765,
        })
        .unwrap();
    assert_eq!(l.waterschap.unwrap().id, "WS24");
    let d = l.waterschap_boundary_distance_m.unwrap();
    assert!(d > 0.0);
    assert_eq!(l.near_waterschap_boundary, d < 2000.0);
    // Every representative point lies in some waterschap (they cover the land).
    let missing: Vec<_> = g
        .gemeenten()
        .iter()
        .filter(|i| {
            g.locate(i.representative_point)
                .unwrap()
                .waterschap
                .is_none()
        })
        .map(|i| i.id.as_str())
        .collect();
    assert!(
        missing.len() <= 3,
        "representative points outside every waterschap: {missing:?}"
    );
}
