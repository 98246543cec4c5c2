#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The findings' sentences are data (`data/findings/{nl,en}.json`): validated on load with
//! the JSON path, the Dutch one is the outcome's `text`, and the English one renders the same
//! finding from the same parameters.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use routewijzer::data::{FINDINGS_EN_JSON, FINDINGS_NL_JSON};
use routewijzer::domain::{explain_str, Engine, Finding, FindingTexts, Lang, Outcome};

fn outcomes() -> Vec<(String, Outcome)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/routing");
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if let Some(name) = name.strip_suffix(".scenario.json") {
            if let Ok(o) = explain_str(&fs::read_to_string(&path).unwrap()) {
                out.push((name.to_string(), o));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn findings(o: &Outcome) -> Vec<&Finding> {
    o.findings
        .iter()
        .chain(o.verzoeken.iter().flat_map(|v| &v.findings))
        .chain(o.timeline.iter().flat_map(|s| &s.findings))
        .collect()
}

#[test]
fn every_finding_reads_in_dutch_and_english_from_the_same_parameters() {
    let engine = Engine::bundled().unwrap();
    let english = Engine::english().unwrap();
    let mut seen = BTreeSet::new();
    for (name, o) in outcomes() {
        for f in findings(&o) {
            seen.insert(f.sentence());
            // The Dutch file is the outcome's text.
            assert_eq!(f.text_in(&engine.finding_texts), f.text, "{name}");
            assert_eq!(engine.finding_text(f, Lang::Nl), f.text, "{name}");
            let en = engine.finding_text(f, Lang::En);
            assert_eq!(en, f.text_in(english), "{name}");
            assert!(!en.is_empty() && !en.contains(['{', '}']), "{name}: {en}");
            assert_ne!(en, f.text, "{name}: not translated: {en}");
        }
    }
    // No bundled gemeente lacks its omgevingsdienst any more (contract §6.1): that sentence is
    // shown by tests/geo_omgevingsdienst.rs, with a trainer's geography.
    let missing: Vec<&str> = Finding::sentence_ids()
        .filter(|id| !seen.contains(id) && *id != "geen-omgevingsdienst-bekend")
        .collect();
    assert!(missing.is_empty(), "no fixture shows sentence {missing:?}");
}

#[test]
fn english_names_the_same_things() {
    // Names of organisations and activities are the same in both languages; labels are not.
    let o = explain_str(
        &fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/routing/ex1-oss-melding-en-bouw.scenario.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let english = Engine::english().unwrap();
    let split = o
        .findings
        .iter()
        .find(|f| f.code.as_str() == "split-verzoektype")
        .unwrap();
    assert!(
        split.text.contains("aanvraag vergunning, melding"),
        "{}",
        split.text
    );
    let en = split.text_in(english);
    assert!(
        en.starts_with("This choice becomes 2 separate verzoeken")
            && en.contains("application for a permit, notification"),
        "{en}"
    );
}

fn error(text: &str) -> String {
    FindingTexts::from_json(text, Lang::Nl)
        .map(|_| ())
        .unwrap_err()
        .to_string()
}

#[test]
fn a_broken_findings_file_is_named_by_its_json_path() {
    assert!(FindingTexts::from_json(FINDINGS_NL_JSON, Lang::Nl).is_ok());
    assert!(FindingTexts::from_json(FINDINGS_EN_JSON, Lang::En).is_ok());
    let nl = FINDINGS_NL_JSON;
    // (what is replaced, by what, the message): an unknown code, a sentence under a name that
    // is not one, an unknown placeholder, a parameter not used, a brace without its pair, a
    // choice without two words, another format, an unknown field.
    let unknown = "onbekende bevinding (de bevindingen staan in docs/bevindingen.md)";
    let split_water = "(deze zin gebruikt: wateractiviteiten andere_activiteiten)";
    let cases = [
        ("\"split-water\"", "\"split-wadden\"", format!("findings.split-wadden: {unknown}")),
        ("\"bd-copy\"", "\"_bd-copy\"", format!("findings._bd-copy: {unknown}")),
        ("{wateractiviteiten}", "{water}", format!("findings.split-water: plaatsaanduiding {{water}} onbekend {split_water}")),
        ("({andere_activiteiten})", "", format!("findings.split-water: plaatsaanduiding {{andere_activiteiten}} ontbreekt {split_water}")),
        ("{wateractiviteiten}", "{wateractiviteiten", "findings.split-water: '{' en '}' horen in paren: {naam} of {naam|een|meer}".into()),
        ("{magneten|is|zijn}", "{magneten|is}", "findings.magneet: {magneten|is}: verwacht {naam} of {naam|een|meer}".into()),
        ("\"routewijzer-findings/1\"", "\"routewijzer-findings/2\"", "format: verwacht routewijzer-findings/1, gevonden 'routewijzer-findings/2'".into()),
        ("\"findings\"", "\"bevindingen\"", "bevindingen: onbekend veld (verwacht: format, description, findings)".into()),
    ];
    for (from, to, expected) in cases {
        assert_eq!(
            error(&nl.replacen(from, to, 1)),
            format!("bevindingen: {expected}")
        );
    }
    // A sentence that is missing: in a language file, that language is missing for it.
    let value: serde_json::Value = serde_json::from_str(nl).unwrap();
    let mut value = value;
    value["findings"].as_object_mut().unwrap().remove("bd-copy");
    assert_eq!(
        error(&value.to_string()),
        "bevindingen: findings.bd-copy: ontbreekt (verwacht tekst)"
    );
    // Not JSON at all.
    assert!(error("{").starts_with("bevindingen: "));
}

#[test]
#[ignore = "prints the English of every fixture's findings, for review"]
fn print_english() {
    let english = Engine::english().unwrap();
    for (name, o) in outcomes() {
        for f in findings(&o) {
            println!("{name} {}: {}", f.sentence(), f.text_in(english));
        }
    }
}
