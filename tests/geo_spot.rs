#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Spot checks from data/geo/README.md.

use routewijzer::geo::{Geography, LonLat};

fn at(lon: f64, lat: f64) -> Option<routewijzer::geo::Located> {
    Geography::bundled().locate(LonLat { lon, lat })
}

#[track_caller]
fn check(
    lon: f64,
    lat: f64,
    gm: &str,
    pv: &str,
    ws: Option<&str>,
    vr: Option<&str>,
    od: Option<&str>,
) {
    let l = at(lon, lat).unwrap_or_else(|| panic!("({lon}, {lat}) not located"));
    assert_eq!(l.gemeente.id, gm, "gemeente at ({lon}, {lat}): {l:?}");
    assert_eq!(l.provincie.id, pv, "provincie at ({lon}, {lat})");
    if let Some(ws) = ws {
        assert_eq!(
            l.waterschap.as_ref().map(|w| w.id.as_str()),
            Some(ws),
            "waterschap at ({lon}, {lat})"
        );
    }
    assert_eq!(
        l.veiligheidsregio.as_ref().map(|v| v.id.as_str()),
        vr,
        "VR at ({lon}, {lat})"
    );
    assert_eq!(
        l.omgevingsdienst.as_ref().map(|o| o.id.as_str()),
        od,
        "OD at ({lon}, {lat})"
    );
}

#[test]
fn oss() {
    check(
        5.528,
        51.765,
        "GM0828",
        "PV30",
        Some("WS24"),
        Some("VR21"),
        Some("ODBN"),
    );
    let l = at(5.528, 51.765).unwrap();
    assert_eq!(l.gemeente.name, "Oss");
    assert_eq!(l.provincie.name, "Noord-Brabant");
    assert_eq!(l.waterschap.unwrap().name, "Waterschap Aa en Maas");
    assert_eq!(
        l.omgevingsdienst.unwrap().name,
        "Omgevingsdienst Brabant Noord"
    );
    assert_eq!(l.veiligheidsregio.unwrap().name, "Brabant-Noord");
    assert!(!l.near_boundary);
}

#[test]
fn brabant_spot_checks() {
    check(
        5.62,
        51.66,
        "GM1991",
        "PV30",
        Some("WS24"),
        Some("VR21"),
        Some("ODBN"),
    );
    check(
        5.30,
        51.69,
        "GM0796",
        "PV30",
        Some("WS24"),
        Some("VR21"),
        Some("ODBN"),
    );
    check(
        5.88,
        51.73,
        "GM1982",
        "PV30",
        Some("WS24"),
        Some("VR21"),
        Some("ODBN"),
    );
    check(
        5.478,
        51.441,
        "GM0772",
        "PV30",
        Some("WS10"),
        Some("VR22"),
        Some("ODZOB"),
    );
    check(
        5.087,
        51.556,
        "GM0855",
        "PV30",
        Some("WS10"),
        Some("VR20"),
        Some("OMWB"),
    );
    check(
        4.776,
        51.589,
        "GM0758",
        "PV30",
        Some("WS22"),
        Some("VR20"),
        Some("OMWB"),
    );
    check(
        5.661,
        51.479,
        "GM0794",
        "PV30",
        Some("WS24"),
        Some("VR22"),
        Some("ODZOB"),
    );
    check(
        5.215,
        51.695,
        "GM0797",
        "PV30",
        Some("WS24"),
        Some("VR21"),
        Some("OMWB"),
    );
    check(
        5.437,
        51.806,
        "GM0828",
        "PV30",
        Some("WS24"),
        Some("VR21"),
        Some("ODBN"),
    );
    check(
        5.645,
        51.797,
        "GM0828",
        "PV30",
        Some("WS24"),
        Some("VR21"),
        Some("ODBN"),
    );
    check(
        5.888,
        51.735,
        "GM0944",
        "PV31",
        Some("WS24"),
        Some("VR23"),
        Some("RUDLN"),
    );
}

/// Distances to the gemeente boundary as computed by shapely 2.2 on the source GeoJSON
/// (projected to RD with pyproj). The README's rounded figures (e.g. "Oss 1.8 km") are not
/// reproducible with shapely; these are. Shipped data are on a 5 m grid, so allow 10 m.
#[test]
fn distances_match_shapely() {
    for (lon, lat, gm, d) in [
        (5.528, 51.765, "GM0828", 2767.0),
        (5.62, 51.66, "GM1991", 2916.0),
        (5.3, 51.69, "GM0796", 1196.0),
        (5.88, 51.73, "GM1982", 337.0),
        (5.478, 51.441, "GM0772", 3587.0),
        (5.087, 51.556, "GM0855", 2186.0),
        (4.776, 51.589, "GM0758", 4131.0),
        (5.661, 51.479, "GM0794", 2426.0),
        (5.215, 51.695, "GM0797", 943.0),
        (5.437, 51.806, "GM0828", 509.0),
        (5.645, 51.797, "GM0828", 798.0),
        (5.888, 51.735, "GM0944", 300.0),
        (4.9, 52.37, "GM0363", 4172.0),
    ] {
        let l = at(lon, lat).unwrap();
        assert_eq!(l.gemeente.id, gm);
        assert!(
            (l.boundary_distance_m - d).abs() < 10.0,
            "({lon},{lat}): {} vs {d}",
            l.boundary_distance_m
        );
        assert!(!l.near_boundary);
    }
}

#[test]
fn amsterdam() {
    check(
        4.90,
        52.37,
        "GM0363",
        "PV27",
        Some("WS32"),
        Some("VR13"),
        Some("ODNZKG"),
    );
}

#[test]
fn outside() {
    assert_eq!(at(3.5, 52.5), None, "North Sea");
    assert_eq!(at(4.9295, 51.4405), None, "Baarle-Hertog enclave");
    assert_eq!(at(4.4, 51.2), None, "Antwerpen");
    assert_eq!(at(7.0, 51.5), None, "Germany");
    assert_eq!(at(f64::NAN, 51.5), None);
}
