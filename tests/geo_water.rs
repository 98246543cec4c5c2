#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The large waters belong to gemeenten (issue 22, item 9): points in the IJsselmeer,
//! Markermeer, Waddenzee and the Zeeuwse wateren resolve to the gemeente that administers
//! them; the open sea beyond the gemeenten does not. Sources: the water parts (`water` = JA)
//! of the CBS Wijk- en Buurtkaart 2022 (data/geo/README.md), checked in bulk against
//! tests/fixtures/geo/water_shapely.csv (scripts/geo/make_water_fixtures.py).

use routewijzer::domain::explain_json;
use routewijzer::geo::{Geography, LonLat};
use serde_json::{json, Value};

/// The test points of the brief, with the gemeente the source gives. Second reasoning: the
/// CBS statistics (Kerncijfers wijken en buurten 2023) give these gemeenten that much water —
/// Enkhuizen 10 358 ha of water to 1 266 ha of land (its IJsselmeer and Markermeer), Lelystad
/// 53 645 ha (Markermeer), Harlingen 36 271 ha to 2 496 ha of land (Waddenzee), Tholen
/// 10 729 ha (Oosterschelde, Krammer-Volkerak), Vlissingen's Westerschelde — and the water
/// parts of the source have 10 291, 50 746, 36 197, 9 802 ha for the first four.
#[test]
fn the_large_waters_belong_to_gemeenten() {
    for (lon, lat, water, gemeente, name, in_water) in [
        (5.35, 52.75, "IJsselmeer", "GM0388", "Enkhuizen", true),
        (5.25, 52.5, "Markermeer", "GM0995", "Lelystad", true),
        (5.2, 53.2, "Waddenzee", "GM0072", "Harlingen", true),
        // already inside Borsele's land polygon (its part of the Westerschelde near the shore)
        (3.75, 51.42, "Westerschelde", "GM0654", "Borsele", false),
        (3.6, 51.42, "Westerschelde", "GM0718", "Vlissingen", true),
        (3.95, 51.6, "Oosterschelde", "GM0716", "Tholen", true),
        (
            3.95,
            51.75,
            "Grevelingen",
            "GM1676",
            "Schouwen-Duiveland",
            true,
        ),
        (4.95, 53.1, "Waddenzee", "GM0448", "Texel", true),
    ] {
        let l = Geography::bundled()
            .locate(LonLat { lon, lat })
            .unwrap_or_else(|| panic!("{water} ({lon}, {lat}) not located"));
        assert_eq!(
            (l.gemeente.id.as_str(), l.gemeente.name.as_str()),
            (gemeente, name),
            "{water} ({lon}, {lat})"
        );
        assert_eq!(l.in_water, in_water, "{water} ({lon}, {lat})");
        // the gemeente's facts come with it
        assert!(l.omgevingsdienst.is_some() && l.veiligheidsregio.is_some());
    }
}

#[test]
fn the_open_sea_is_outside_the_gemeenten() {
    for (lon, lat) in [(3.5, 52.5), (3.3, 51.55), (4.4, 52.3), (6.0, 53.9)] {
        assert!(
            Geography::bundled().locate(LonLat { lon, lat }).is_none(),
            "({lon}, {lat})"
        );
    }
    // the CLI's message keeps its shape (the e2e and the fixtures check it)
    let e = explain_json(&json!({
        "location": { "lon": 3.5, "lat": 52.5 },
        "activities": [{ "activity": "sloopactiviteit", "verzoektype": "melding" }]
    }))
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "location: het punt (lon 3.5, lat 52.5) ligt buiten elke gemeente"
    );
}

/// Every fixture point in a water part (at least 150 m from the sea and from other
/// gemeenten's water, but as close to a shore as chance puts it) resolves to that part's
/// gemeente; every point in the open sea (300 m or more from any gemeente) to none.
#[test]
fn water_areas_agree_with_their_source() {
    let (mut water, mut sea) = (0, 0);
    for line in include_str!("fixtures/geo/water_shapely.csv").lines() {
        if line.starts_with('#') || line.starts_with("lon") {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        let got = Geography::bundled().locate(LonLat {
            lon: f[0].parse().unwrap(),
            lat: f[1].parse().unwrap(),
        });
        match f[3] {
            "water" => {
                let l = got.unwrap_or_else(|| panic!("{line}: not located"));
                assert_eq!(l.gemeente.id, f[2], "{line}");
                water += 1;
            }
            "sea" => {
                assert!(got.is_none(), "{line}: {:?}", got.map(|l| l.gemeente.id));
                sea += 1;
            }
            other => panic!("kind {other}"),
        }
    }
    assert!(water >= 2500 && sea >= 2500, "{water} {sea}");
}

fn route(lon: f64, lat: f64, flags: Value) -> Result<Value, String> {
    explain_json(&json!({
        "location": { "lon": lon, "lat": lat },
        "activities": [{ "activity": "wateractiviteit-lozen",
                         "verzoektype": "aanvraag-vergunning", "flags": flags }]
    }))
    .map(|o| serde_json::to_value(o).unwrap())
    .map_err(|e| e.to_string())
}

/// A lozing in rijkswater in the IJsselmeer: the minister (IENW) is bevoegd gezag and the
/// only recipient. The waterschap under the point (Hollands Noorderkwartier, whose area runs
/// into the lake) is shown, but not involved. Without the flag the lozing goes to it.
#[test]
fn a_lozing_in_rijkswater_in_the_ijsselmeer_goes_to_the_minister() {
    let o = route(5.35, 52.75, json!(["rijkswater"])).unwrap();
    assert_eq!(o["location"]["gemeente"]["id"], "GM0388");
    assert_eq!(o["location"]["waterschap"]["id"], "WS21");
    let v = &o["verzoeken"][0];
    assert_eq!(v["bevoegd_gezag"]["id"], "IENW");
    assert_eq!(
        v["recipients"],
        json!([{ "id": "IENW", "role": "bevoegd-gezag",
        "name": "Minister van Infrastructuur en Waterstaat" }])
    );
    assert_eq!(o["total_triggers"], 1);

    let o = route(5.35, 52.75, json!([])).unwrap();
    assert_eq!(o["verzoeken"][0]["bevoegd_gezag"]["id"], "WS21");
}

/// Beyond the waterschappen' data (here the Eems-Dollard, gemeente Eemsdelta) a lozing in
/// rijkswater still goes to the minister; without the flag the point has no waterschap to
/// go to, and the message says which flag would do.
#[test]
fn beyond_the_waterschappen_rijkswater_needs_no_waterschap() {
    let o = route(7.1, 53.3, json!(["rijkswater"])).unwrap();
    assert_eq!(o["location"]["gemeente"]["id"], "GM1979");
    assert_eq!(o["location"]["waterschap"], Value::Null);
    assert_eq!(o["verzoeken"][0]["bevoegd_gezag"]["id"], "IENW");

    let e = route(7.1, 53.3, json!([])).unwrap_err();
    assert_eq!(
        e,
        "activities[0].activity: wateractiviteit-lozen is een wateractiviteit, maar de locatie \
         ligt buiten elk waterschap (met de vlag rijkswater is geen waterschap nodig)"
    );
}

/// A geography without water areas (the web app's start build before it fetched them) leaves
/// the large waters outside every gemeente until they are supplied; bad bytes are an error
/// and change nothing, and no prefix or flipped byte panics.
#[test]
fn water_areas_can_be_supplied_later() {
    let files = routewijzer::geo::bundled_files();
    let text = |i: usize| std::str::from_utf8(files[i].1).unwrap();
    let g = Geography::decode(files[0].1, files[1].1, text(2), text(3)).unwrap();
    let ijsselmeer = LonLat {
        lon: 5.35,
        lat: 52.75,
    };
    assert!(!g.has_water());
    assert!(g.locate(ijsselmeer).is_none());
    let water = routewijzer::geo::bundled_water().unwrap().to_vec();
    for cut in (0..water.len()).step_by(53) {
        assert!(
            g.supply_water(&water[..cut]).is_err(),
            "prefix of {cut} bytes"
        );
    }
    let mut flipped = water.clone();
    for i in (4..flipped.len()).step_by(97) {
        flipped[i] ^= 0x5a;
        let _ = Geography::decode(files[0].1, files[1].1, text(2), text(3))
            .unwrap()
            .supply_water(&flipped);
    }
    assert!(
        g.supply_water(b"RWW1\x01\xe7\x07").is_err(),
        "GM0999 is no gemeente"
    );
    assert!(g.locate(ijsselmeer).is_none());
    g.supply_water(&water).unwrap();
    assert!(g.has_water());
    assert_eq!(g.locate(ijsselmeer).unwrap().gemeente.id, "GM0388");
    assert_eq!(g.stats().water_areas, 81);
    // the compiled-in areas are the same bytes
    assert!(Geography::bundled().has_water());
    assert_eq!(Geography::bundled().stats().water_areas, 81);
}

/// The web app's start build, before it fetched the water areas: a point in no gemeente
/// polygon "may be water" (it waits for them, src/ui/water.rs); a gemeente or a point on land
/// does not wait.
#[test]
fn the_start_build_waits_only_for_points_outside_the_land() {
    use routewijzer::domain::{Engine, Location};
    use routewijzer::ui::state::water_pending;
    let files = routewijzer::geo::bundled_files();
    let text = |i: usize| std::str::from_utf8(files[i].1).unwrap();
    let dry: &'static Geography = Box::leak(Box::new(
        Geography::decode(files[0].1, files[1].1, text(2), text(3)).unwrap(),
    ));
    let engine = |geo| {
        Engine::new(
            geo,
            routewijzer::data::CATALOGUE_JSON,
            routewijzer::data::ORGANISATIONS_JSON,
            routewijzer::data::CONFIGURATIONS,
        )
        .unwrap()
    };
    let start = engine(dry);
    let point = |lon, lat| Location::LonLat { lon, lat };
    assert!(water_pending(&start, &point(5.35, 52.75)), "the IJsselmeer");
    assert!(
        water_pending(&start, &point(3.5, 52.5)),
        "the sea: known only once they are here"
    );
    assert!(!water_pending(&start, &point(5.528, 51.765)), "Oss");
    let gm = Location::Gemeente {
        gemeente: "GM0388".into(),
    };
    assert!(!water_pending(&start, &gm));
    // with the areas, nothing waits
    let full = engine(Geography::bundled());
    assert!(!water_pending(&full, &point(5.35, 52.75)));
    assert!(!water_pending(&full, &point(3.5, 52.5)));
}
