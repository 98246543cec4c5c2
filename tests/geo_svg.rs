#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! SVG paths: every area drawable, level of detail, provincie outlines, click → LonLat.
//! With `GEO_SVG_DIR=/some/dir` the test also writes renderings there to look at.

use routewijzer::geo::{lonlat_to_svg, svg_to_lonlat, Geography, Layer, LonLat};

fn path_points(d: &str) -> usize {
    d.split([' ', 'l', 'M']).filter(|t| !t.is_empty()).count() / 2
}

#[test]
fn every_layer_draws_every_area() {
    let g = Geography::bundled();
    for (layer, n) in [
        (Layer::Gemeenten, 342),
        (Layer::Provincies, 12),
        (Layer::Waterschappen, 21),
    ] {
        let m = g.svg_paths(layer, None, 0.0);
        assert_eq!(m.paths.len(), n, "{layer:?}");
        for p in &m.paths {
            assert!(
                p.d.starts_with('M') && p.d.ends_with('z'),
                "{layer:?} {}: {}",
                p.id,
                &p.d[..p.d.len().min(40)]
            );
            assert!(!p.d.contains("NaN") && !p.d.contains("inf"));
        }
        let [x, y, w, h] = m.view_box;
        // NL in RD: x 0..300 km, y 300..625 km → svg y -625..-300 km
        assert!(
            x > -20_000.0 && x + w < 320_000.0 && y > -640_000.0 && y + h < -280_000.0,
            "{layer:?} {:?}",
            m.view_box
        );
        assert!(h > w, "the Netherlands is taller than wide");
        if let Ok(dir) = std::env::var("GEO_SVG_DIR") {
            std::fs::write(
                format!("{dir}/{layer:?}.svg"),
                g.svg_paths(layer, None, 100.0).to_svg_document(900),
            )
            .unwrap();
        }
    }
}

#[test]
fn level_of_detail_reduces_points_and_keeps_shapes() {
    let g = Geography::bundled();
    let full: usize = g
        .svg_paths(Layer::Gemeenten, None, 0.0)
        .paths
        .iter()
        .map(|p| path_points(&p.d))
        .sum();
    let mid: usize = g
        .svg_paths(Layer::Gemeenten, None, 100.0)
        .paths
        .iter()
        .map(|p| path_points(&p.d))
        .sum();
    let coarse: usize = g
        .svg_paths(Layer::Gemeenten, None, 500.0)
        .paths
        .iter()
        .map(|p| path_points(&p.d))
        .sum();
    assert!(full > mid && mid > coarse, "{full} {mid} {coarse}");
    assert!(coarse > 3 * 342, "every gemeente keeps a shape: {coarse}");
}

#[test]
fn selection_and_view_box() {
    let g = Geography::bundled();
    let m = g.svg_paths(
        Layer::Gemeenten,
        Some(&["GM0828", "GM1991", "GM0000"]),
        20.0,
    );
    assert_eq!(
        m.paths.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["GM0828", "GM1991"]
    );
    assert_eq!(m.paths[0].name, "Oss");
    // Oss centre lies inside the view box
    let (x, y) = lonlat_to_svg(LonLat {
        lon: 5.528,
        lat: 51.765,
    });
    let [vx, vy, vw, vh] = m.view_box;
    assert!(x > vx && x < vx + vw && y > vy && y < vy + vh);
    assert!(vw < 60_000.0 && vh < 60_000.0, "{:?}", m.view_box);
    assert_eq!(m.view_box_attr().split(' ').count(), 4);
    let none = g.svg_paths(Layer::Provincies, Some(&[]), 0.0);
    assert!(none.paths.is_empty());
    assert_eq!(none.view_box, [0.0; 4]);
}

#[test]
fn provincie_outlines_are_closed_rings() {
    let g = Geography::bundled();
    let m = g.svg_paths(Layer::Provincies, Some(&["PV30"]), 0.0);
    let d = &m.paths[0].d;
    assert_eq!(m.paths[0].name, "Noord-Brabant");
    // Noord-Brabant: one outer ring plus the Baarle-Hertog holes
    let rings = d.matches('M').count();
    assert!((2..40).contains(&rings), "{rings} rings");
    // its view box equals the union of its gemeenten's
    let ids: Vec<&str> = g
        .gemeenten()
        .iter()
        .filter(|i| i.provincie.id == "PV30")
        .map(|i| i.id.as_str())
        .collect();
    let gm = g.svg_paths(Layer::Gemeenten, Some(&ids), 0.0);
    for (a, b) in m.view_box.iter().zip(gm.view_box) {
        assert!(
            (a - b).abs() <= 2.0,
            "{:?} vs {:?}",
            m.view_box,
            gm.view_box
        );
    }
}

#[test]
fn click_to_lonlat() {
    let g = Geography::bundled();
    for info in g.gemeenten() {
        let (x, y) = lonlat_to_svg(info.representative_point);
        let back = svg_to_lonlat(x, y);
        assert_eq!(g.gemeente_at(back).unwrap().id, info.id);
    }
    assert!(g.gemeente_at(svg_to_lonlat(f64::NAN, 0.0)).is_none());
}

#[test]
fn shortcuts_agree_with_svg_paths() {
    let g = Geography::bundled();
    let (gemeenten, provincies) = g.svg_gemeenten_and_provincies(60.0);
    assert_eq!(gemeenten, g.svg_paths(Layer::Gemeenten, None, 60.0));
    assert_eq!(provincies, g.svg_paths(Layer::Provincies, None, 60.0));
    let ids = ["GM0828", "GM1991", "GM0796"];
    assert_eq!(
        g.svg_view_box(&ids),
        g.svg_paths(Layer::Gemeenten, Some(&ids), 500.0).view_box
    );
    assert_eq!(g.svg_view_box(&[]), [0.0; 4]);
}
