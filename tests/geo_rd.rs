#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! RD New ↔ WGS84 against pyproj reference points (tests/fixtures/geo/rd_pyproj.csv,
//! made by scripts/geo/make_rd_fixtures.py), round trips, and the coordinate parser.

use proptest::prelude::*;
use routewijzer::geo::{parse_coordinates, rd_to_wgs84, shown_number, wgs84_to_rd, LonLat};

const FIXTURES: &str = include_str!("fixtures/geo/rd_pyproj.csv");

fn fixtures() -> Vec<(f64, f64, f64, f64)> {
    FIXTURES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("lon"))
        .map(|l| {
            let v: Vec<f64> = l.split(',').map(|s| s.parse().unwrap()).collect();
            (v[0], v[1], v[2], v[3])
        })
        .collect()
}

/// Metres between two WGS84 points (local equirectangular, fine at this scale).
fn metres(a: LonLat, b: LonLat) -> f64 {
    let dy = (a.lat - b.lat) * 111_320.0;
    let dx = (a.lon - b.lon) * 111_320.0 * a.lat.to_radians().cos();
    (dx * dx + dy * dy).sqrt()
}

#[test]
fn wgs84_to_rd_matches_pyproj() {
    let f = fixtures();
    assert_eq!(f.len(), 50);
    let mut worst: f64 = 0.0;
    for (lon, lat, x, y) in f {
        let (rx, ry) = wgs84_to_rd(LonLat { lon, lat });
        let e = ((rx - x).powi(2) + (ry - y).powi(2)).sqrt();
        worst = worst.max(e);
        assert!(
            e < 1.0,
            "({lon}, {lat}): ({rx:.2}, {ry:.2}) vs pyproj ({x}, {y}): {e:.2} m"
        );
    }
    println!("worst WGS84→RD error vs pyproj: {worst:.3} m");
}

#[test]
fn rd_to_wgs84_matches_pyproj() {
    for (lon, lat, x, y) in fixtures() {
        let p = rd_to_wgs84(x, y);
        let e = metres(p, LonLat { lon, lat });
        assert!(
            e < 1.0,
            "({x}, {y}) → {p:?} vs pyproj ({lon}, {lat}): {e:.2} m"
        );
    }
}

proptest! {
    #[test]
    fn round_trip_wgs84(lon in 3.3f64..7.3, lat in 50.7f64..53.6) {
        let p = LonLat { lon, lat };
        let (x, y) = wgs84_to_rd(p);
        let q = rd_to_wgs84(x, y);
        prop_assert!(metres(p, q) < 0.5, "{p:?} → ({x}, {y}) → {q:?}");
    }

    #[test]
    fn round_trip_rd(x in 10_000f64..280_000.0, y in 300_000f64..620_000.0) {
        let (x2, y2) = wgs84_to_rd(rd_to_wgs84(x, y));
        prop_assert!(((x2 - x).powi(2) + (y2 - y).powi(2)).sqrt() < 0.5);
    }

    #[test]
    fn parser_never_panics(s in ".{0,40}") {
        let _ = parse_coordinates(&s);
    }

    #[test]
    fn parser_reads_both_orders(lon in 3.3f64..7.2, lat in 50.6f64..53.6) {
        let a = parse_coordinates(&format!("{lat}, {lon}")).unwrap();
        let b = parse_coordinates(&format!("{lon} {lat}")).unwrap();
        prop_assert_eq!(a, LonLat { lon, lat });
        prop_assert_eq!(b, LonLat { lon, lat });
    }
}

#[test]
fn parser_rd_input() {
    let p = parse_coordinates("164719.514 419599.995").unwrap();
    assert!(
        metres(
            p,
            LonLat {
                lon: 5.528,
                lat: 51.765
            }
        ) < 1.0
    );
    let p = parse_coordinates("419600; 164720").unwrap(); // y x also read by range
    assert!(
        metres(
            p,
            LonLat {
                lon: 5.528,
                lat: 51.765
            }
        ) < 2.0
    );
    for bad in ["NaN NaN", "inf, 5", "1e308, 1e308", "", "hallo", "52.1"] {
        let e = parse_coordinates(bad).unwrap_err();
        assert!(!e.to_string().is_empty());
    }
}

/// What the messages printed before `shown_number` existed: core's `{}`, and `{:e}` from
/// 10^15 on. Byte for byte, so the command line's errors do not change.
fn core_formatting(v: f64) -> String {
    if v.abs() >= 1e15 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

#[test]
fn shown_number_prints_what_core_prints() {
    let mut values = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        5.528,
        51.765,
        0.1,
        0.3,
        1e-7,
        1.5e-300,
        5e-324,
        123456.789,
        164720.0,
        1e14,
        999999999999999.9,
        1e15,
        -1e15,
        1.5e300,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        4.35,
        2.5,
        1.0 / 3.0,
    ];
    values.extend((0..200).map(|i| 10f64.powi(i - 100)));
    for v in values {
        assert_eq!(shown_number(v), core_formatting(v), "{v:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]
    #[test]
    fn shown_number_matches_core_for_any_double(bits in any::<u64>()) {
        let v = f64::from_bits(bits);
        prop_assert_eq!(shown_number(v), core_formatting(v));
    }

    #[test]
    fn shown_number_matches_core_for_coordinates(v in -1.0e6f64..1.0e6) {
        prop_assert_eq!(shown_number(v), core_formatting(v));
    }
}
