#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! locate() against shapely on the *source* GeoJSON (tests/fixtures/geo/locate_shapely.csv,
//! made by scripts/geo/make_locate_fixtures.py): 3000 random points over the Netherlands.
//! The shipped data are snapped to a 5 m grid (waterschappen: 25 m grid, simplified 200 m),
//! so points closer to a boundary than that are skipped. Points the land polygons leave out
//! but the water areas place (`in_water`) are checked in tests/geo_water.rs.

use routewijzer::geo::{Geography, LonLat};

struct Row {
    lon: f64,
    lat: f64,
    gemeente: String,
    gm_dist: f64,
    waterschap: String,
    ws_dist: f64,
}

fn rows() -> Vec<Row> {
    include_str!("fixtures/geo/locate_shapely.csv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("lon"))
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            Row {
                lon: f[0].parse().unwrap(),
                lat: f[1].parse().unwrap(),
                gemeente: f[2].to_string(),
                gm_dist: f[3].parse().unwrap(),
                waterschap: f[4].to_string(),
                ws_dist: f[5].parse().unwrap(),
            }
        })
        .collect()
}

#[test]
fn gemeenten_agree_with_shapely() {
    let g = Geography::bundled();
    let (mut checked, mut inside) = (0, 0);
    for r in rows() {
        if r.gm_dist.abs() < 20.0 {
            continue;
        }
        checked += 1;
        let got = g.locate(LonLat {
            lon: r.lon,
            lat: r.lat,
        });
        match got {
            // In a large water: the source's land polygons have no gemeente there, the water
            // areas do (tests/geo_water.rs checks those against their own source).
            Some(l) if l.in_water => assert_eq!(r.gemeente, "", "({}, {})", r.lon, r.lat),
            Some(l) => {
                inside += 1;
                assert_eq!(l.gemeente.id, r.gemeente, "({}, {})", r.lon, r.lat);
                assert!(
                    (l.boundary_distance_m - r.gm_dist).abs() < 10.0,
                    "({}, {}): distance {} vs shapely {}",
                    r.lon,
                    r.lat,
                    l.boundary_distance_m,
                    r.gm_dist
                );
                assert_eq!(l.near_boundary, l.boundary_distance_m < 100.0);
            }
            None => assert_eq!(r.gemeente, "", "({}, {}) not located", r.lon, r.lat),
        }
    }
    assert!(checked > 2900, "{checked}");
    assert!(inside > 1000, "{inside}");
}

#[test]
fn waterschappen_agree_with_shapely_away_from_their_coarse_borders() {
    let g = Geography::bundled();
    let mut checked = 0;
    for r in rows() {
        if r.gm_dist < 20.0 || r.ws_dist.abs() < 250.0 {
            continue; // outside every gemeente, or within the simplification tolerance
        }
        let l = g
            .locate(LonLat {
                lon: r.lon,
                lat: r.lat,
            })
            .unwrap();
        let ws = l.waterschap.as_ref().map(|w| w.id.as_str()).unwrap_or("");
        assert_eq!(ws, r.waterschap, "({}, {})", r.lon, r.lat);
        if let Some(d) = l.waterschap_boundary_distance_m {
            assert!((d - r.ws_dist).abs() < 250.0, "{d} vs {}", r.ws_dist);
        }
        checked += 1;
    }
    assert!(checked > 1000, "{checked}");
}
