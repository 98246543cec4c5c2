#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Decoding corrupt geography never panics: truncations and random byte changes give an
//! error, or a geography that still answers without panicking.

use proptest::prelude::*;
use routewijzer::geo::{bundled_files, Geography, Layer, LonLat};

fn files() -> (Vec<u8>, Vec<u8>, String, String) {
    let f = bundled_files();
    (
        f[0].1.to_vec(),
        f[1].1.to_vec(),
        String::from_utf8(f[2].1.to_vec()).unwrap(),
        String::from_utf8(f[3].1.to_vec()).unwrap(),
    )
}

fn exercise(g: &Geography) {
    for (lon, lat) in [(5.528, 51.765), (4.9, 52.37), (3.5, 52.5), (6.5, 53.2)] {
        let _ = g.locate(LonLat { lon, lat });
    }
    let _ = g.svg_paths(Layer::Provincies, None, 100.0);
    let _ = g.svg_paths(Layer::Waterschappen, None, 0.0);
    let _ = g.search("oss", 5);
}

#[test]
fn truncated_files_are_errors() {
    let (gm, ws, meta, aliases) = files();
    for cut in [0, 3, 4, 5, 100, gm.len() / 3, gm.len() - 1] {
        assert!(
            Geography::decode(&gm[..cut], &ws, &meta, &aliases).is_err(),
            "gm cut {cut}"
        );
    }
    for cut in [0, 10, ws.len() - 1] {
        assert!(
            Geography::decode(&gm, &ws[..cut], &meta, &aliases).is_err(),
            "ws cut {cut}"
        );
    }
    let mut extra = gm.clone();
    extra.push(0);
    assert!(Geography::decode(&extra, &ws, &meta, &aliases).is_err());
    assert!(Geography::decode(&gm, &ws, "", &aliases).is_err());
    assert!(Geography::decode(&gm, &ws, &meta, "Oss,GM9999,alias\n").is_err());
    assert!(Geography::decode(&gm, &ws, &meta, "Oss,GM0828,bijnaam\n").is_err());
    // the real thing decodes
    let g = Geography::decode(&gm, &ws, &meta, &aliases).unwrap();
    assert_eq!(g.gemeenten().len(), 342);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn mutated_gemeenten_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        let (mut gm, ws, meta, aliases) = files();
        for (i, b) in edits {
            let k = i.index(gm.len());
            gm[k] = b;
        }
        if let Ok(g) = Geography::decode(&gm, &ws, &meta, &aliases) {
            exercise(&g);
        }
    }

    #[test]
    fn mutated_meta_never_panics(edits in prop::collection::vec((any::<prop::sample::Index>(), prop::char::any()), 1..4)) {
        let (gm, ws, meta, aliases) = files();
        let mut chars: Vec<char> = meta.chars().collect();
        for (i, c) in edits {
            let k = i.index(chars.len());
            chars[k] = c;
        }
        let meta: String = chars.into_iter().collect();
        if let Ok(g) = Geography::decode(&gm, &ws, &meta, &aliases) {
            exercise(&g);
        }
    }
}
