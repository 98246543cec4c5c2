#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Share links written by earlier versions still open to the same scenario
//! (`tests/fixtures/links/`, captured from Routewijzer 0.2.0 in the browser).

use std::path::Path;

use routewijzer::domain::{explain_str, link, parse_json_text, Engine};

const MAX_SCENARIO_CHARS: usize = 100_000;

fn fixture(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn links_of_version_0_2_open_to_the_scenario_they_were_made_from() {
    let engine = Engine::bundled().unwrap();
    // With the dso each link states: 0.2's default then was "2020".
    for (name, total, dso) in [
        ("bd-locatie-inline", 1, "2020"),
        ("na-ontvangst-bg-wijziging-houdt-bd", 3, "2023"),
    ] {
        let fragment = fixture(&format!("tests/fixtures/links/v0.2-{name}.link"));
        let value = fragment.trim().strip_prefix("#scenario=").unwrap();
        let link::Payload::Text(text) = link::read(value, MAX_SCENARIO_CHARS).unwrap() else {
            panic!("{name}: an old link is plain");
        };
        let from_link = engine
            .parse_draft(&parse_json_text(&text).unwrap())
            .unwrap();
        let original = fixture(&format!("tests/fixtures/routing/{name}.scenario.json"));
        let mut from_file = engine
            .parse_draft(&parse_json_text(&original).unwrap())
            .unwrap();
        // 0.2 wrote every assumption out, its defaults too (dso "2020" then): the link keeps
        // them, so it still shows what was shared, whatever the defaults are now.
        let written: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(written["assumptions"]["dso"], dso, "{name}");
        from_file.assumptions = from_link.assumptions;
        assert_eq!(from_link, from_file, "{name}");
        let outcome = explain_str(&text).unwrap();
        assert_eq!(outcome.total_triggers, total, "{name}");
    }
}
