#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! A key that appears twice in one JSON object is an error that names it by its JSON path, in
//! every parser of outside input (issue 22, item 8a): serde_json's `Value` would keep the last
//! one without a word. Each case takes a bundled file, repeats one key, and checks the
//! message; the same inputs are in the fuzz corpus (`fuzz/corpus/*/dubbele-sleutel*`).

use routewijzer::data::{CATALOGUE_JSON, CONFIGURATIONS, ORGANISATIONS_JSON};
use routewijzer::domain::oefenen::{load_casus, load_leerpad, BUNDLED_CASUSSEN, BUNDLED_LEERPAD};
use routewijzer::domain::rules::Rules;
use routewijzer::domain::{explain_str, link, parse_json_text};
use routewijzer::domain::{Catalogue, Configuration, Engine, Organisations};
use routewijzer::geo::Geography;

const DUPLICATE: &str = "dubbele sleutel: staat al eerder in hetzelfde object";

/// `text` with `"key": "dubbel", ` put before the first `"key":`, so that object holds the key
/// twice; the original file must still read.
fn doubled(text: &str, key: &str) -> String {
    let at = format!("\"{key}\":");
    assert!(text.contains(&at), "no {at} in the file");
    text.replacen(&at, &format!("\"{key}\": \"dubbel\", {at}"), 1)
}

fn engine() -> &'static Engine {
    Engine::bundled().unwrap()
}

fn assert_names(message: &str, path: &str) {
    assert!(
        message.contains(&format!("{path}: {DUPLICATE}")),
        "{message}"
    );
}

#[test]
fn a_scenario_file_link_or_cli_input() {
    let fixture = |name| {
        std::fs::read_to_string(format!(
            "{}/tests/fixtures/routing/{name}.scenario.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    // The case of issue 22: a second "lat" moved the point from Oss to Zeewolde, exit 0.
    let text = fixture("err-dubbele-sleutel");
    assert_names(&explain_str(&text).unwrap_err().to_string(), "location.lat");
    // Without the second "lat" it routes in Oss: the refusal is the duplicate, nothing else.
    let single = text
        .replace("\"lat\": 52.33", "\"title2\": 1")
        .replace(",\n    \"title2\": 1", "");
    let outcome = explain_str(&single).unwrap();
    assert_eq!(outcome.location.gemeente.id, "GM0828");
    // Through a share link, as the app opens it.
    let decoded = link::decode(&link::encode(&text), 100_000).unwrap();
    assert_names(
        &parse_json_text(&decoded).unwrap_err().to_string(),
        "location.lat",
    );
}

#[test]
fn a_configuration_file() {
    let (name, text) = CONFIGURATIONS[0];
    let e = engine();
    Configuration::from_json(name, text, &e.catalogue, &e.organisations).unwrap();
    let m = Configuration::from_json(
        name,
        &doubled(text, "behandeldienst"),
        &e.catalogue,
        &e.organisations,
    )
    .unwrap_err()
    .to_string();
    assert!(m.starts_with(&format!("{name}: ")), "{m}");
    assert_names(&m, "behandeldiensten[0].behandeldienst");
}

#[test]
fn the_catalogue_organisations_and_rules_files() {
    let ministers = engine().organisations.ministers();
    Catalogue::from_json(CATALOGUE_JSON, ministers).unwrap();
    let m = Catalogue::from_json(&doubled(CATALOGUE_JSON, "id"), ministers)
        .unwrap_err()
        .to_string();
    assert_names(&m, "groups[0].id");

    Organisations::from_json(ORGANISATIONS_JSON, Geography::bundled()).unwrap();
    let m = Organisations::from_json(&doubled(ORGANISATIONS_JSON, "format"), Geography::bundled())
        .unwrap_err()
        .to_string();
    assert_names(&m, "format");

    let rules = include_str!("../data/rules.json");
    Rules::from_json(rules).unwrap();
    let m = Rules::from_json(&doubled(rules, "origin")).unwrap_err();
    assert!(m.starts_with("rules.json: "), "{m}");
    assert_names(&m, "origin");
}

#[test]
fn casus_and_leerpad_files() {
    let (file, text) = BUNDLED_CASUSSEN[0];
    load_casus(engine(), file, text).unwrap();
    // Inside the casus's scenario: the path runs through it.
    let m = load_casus(engine(), file, &doubled(text, "gemeente"))
        .unwrap_err()
        .to_string();
    assert!(m.contains(file), "{m}");
    assert_names(&m, "scenario.location.gemeente");

    let (file, text) = BUNDLED_LEERPAD;
    load_leerpad(engine(), file, text, BUNDLED_CASUSSEN).unwrap();
    let m = load_leerpad(engine(), file, &doubled(text, "title"), BUNDLED_CASUSSEN)
        .unwrap_err()
        .to_string();
    assert_names(&m, "title");
}
