#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Behandeldienstconfiguratie tools: draft validation, monitor CSV import/export, diff.

use routewijzer::domain::configuration::csv::{export_csv, import_csv, parse_records};
use routewijzer::domain::configuration::diff::diff;
use routewijzer::domain::configuration::draft::{Draft, DraftEntry, Severity};
use routewijzer::domain::{Assumptions, BdMerge, Configuration, Dso, Engine};
use serde_json::json;

fn engine() -> &'static Engine {
    Engine::bundled().unwrap()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/configuratie/{name}")).unwrap()
}

fn entry(bg: &str, activity: &str, bd: &str, gemeenten: &[&str]) -> DraftEntry {
    DraftEntry {
        bevoegd_gezag: bg.into(),
        activity: activity.into(),
        behandeldienst: bd.into(),
        gemeenten: gemeenten.iter().map(|g| g.to_string()).collect(),
        ..DraftEntry::default()
    }
}

fn draft(entries: Vec<DraftEntry>) -> Draft {
    Draft {
        id: "eigen-1".into(),
        name: "Proef".into(),
        entries,
        ..Draft::default()
    }
}

/// (entry, field, code, rule) of every diagnostic.
fn codes(d: &Draft) -> Vec<(usize, &'static str, &'static str, Option<&'static str>)> {
    d.check(engine())
        .iter()
        .map(|x| (x.entry, x.field, x.code, x.rule))
        .collect()
}

#[test]
fn a_draft_lists_every_problem_not_just_the_first() {
    let d = draft(vec![
        entry("GM9999", "kappen", "ODXX", &["GM0828", "GM0000"]),
        entry("GM0828", "wateractiviteit-lozen", "ODBN", &[]),
        entry("PV30", "kappen", "ODBN", &[]),
        entry("WS24", "wateractiviteit-lozen", "ODBN", &[]),
        entry("GM0828", "bestaat-niet", "ODBN", &[]),
    ]);
    assert_eq!(
        codes(&d),
        vec![
            (0, "bevoegd_gezag", "bd-onbekend", None),
            (0, "behandeldienst", "bd-onbekend", None),
            (0, "gemeenten", "bd-onbekend", None),
            // A gemeente is never BG for a waterschap activity (B2) ...
            (1, "activity", "bd-geen-bg", Some("B2")),
            // ... the provincie can be for kappen (a provincial magneet pulls the aanvraag),
            // and the waterschap is for its own activity: no warning for entries 2 and 3.
            (4, "activity", "bd-onbekend", None),
        ]
    );
    let warning = &d.check(engine())[3];
    assert_eq!(warning.severity, Severity::Waarschuwing);
    assert!(
        warning.message.contains("College van B&W van Oss"),
        "{}",
        warning.message
    );
    assert!(warning.message.contains("B2"));
}

#[test]
fn duplicates_and_overlapping_gemeenten_are_named_with_the_other_entry() {
    let d = draft(vec![
        entry(
            "PV30",
            "milieubelastende-activiteit",
            "ODBN",
            &["GM0828", "GM1991"],
        ),
        entry(
            "PV30",
            "milieubelastende-activiteit",
            "ODZOB",
            &["GM0772", "GM1991"],
        ),
        entry("PV30", "milieubelastende-activiteit", "ODBN", &["GM0828"]),
        entry("PV30", "ontgrondingsactiviteit", "ODBN", &[]),
        entry("PV30", "ontgrondingsactiviteit", "ODBN", &[]),
        entry(
            "PV30",
            "milieubelastende-activiteit",
            "OMWB",
            &["GM0855", "GM0855"],
        ),
    ]);
    let found = d.check(engine());
    let summary: Vec<_> = found.iter().map(|x| (x.entry, x.code)).collect();
    assert_eq!(
        summary,
        vec![
            (1, "bd-overlap"),
            (2, "bd-dubbel"),
            (4, "bd-dubbel"),
            (5, "bd-dubbel")
        ]
    );
    assert!(found[0].message.contains("regel 1") && found[0].message.contains("GM1991"));
    assert!(
        found[0].message.contains("ODBN tegen ODZOB"),
        "{}",
        found[0].message
    );
    // A verzoektype only on one side is a different key: no overlap.
    let mut split = d.entries[..1].to_vec();
    let mut melding = split[0].clone();
    melding.verzoektype = "melding".into();
    melding.behandeldienst = "ODZOB".into();
    split.push(melding);
    assert!(draft(split).check(engine()).is_empty());
}

#[test]
fn content_conditions_are_refused_with_rule_b5_in_the_editor_and_in_json() {
    let mut e = entry("PV30", "milieubelastende-activiteit", "ODBN", &["GM0828"]);
    e.inhoud = "alleen boven 1000 m²".into();
    let d = draft(vec![e]);
    let found = d.check(engine());
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].code, found[0].rule), ("bd-inhoud", Some("B5")));
    assert!(found[0].message.contains("alleen boven 1000 m²"));
    assert!(found[0]
        .message
        .contains("activiteit, verzoektype (toestemming) en locatie"));
    // The JSON keeps the field, and the contract parser refuses it with the same reason.
    let err = d.to_configuration(engine()).unwrap_err();
    assert_eq!(err.path, "behandeldiensten[0].inhoud");
    assert!(err.message.starts_with("bd-inhoud: ") && err.message.contains("B5"));
    let value = json!({ "behandeldiensten": [{ "bevoegd_gezag": "PV30",
        "activity": "kappen", "behandeldienst": "ODBN", "inhoud": null }] });
    let e = engine();
    assert!(Configuration::from_value(&value, "", &e.catalogue, &e.organisations).is_err());
}

#[test]
fn a_clean_draft_round_trips_through_the_contract_format() {
    let e = engine();
    let bundled = e.configuration("voorbeeld-noord-brabant").unwrap();
    let d = Draft::from_configuration(bundled);
    assert!(d
        .check(e)
        .iter()
        .all(|x| x.severity == Severity::Waarschuwing));
    let back = d.to_configuration(e).unwrap();
    assert_eq!(&back, bundled);
    let stored = Draft::from_value(&d.to_value()).unwrap();
    assert_eq!(stored, d);
    // A stored draft keeps what does not validate (unknown ids, content conditions).
    let mut odd = draft(vec![entry("X", "Y", "Z", &["Q"])]);
    odd.entries[0].inhoud = "groot".into();
    assert_eq!(Draft::from_value(&odd.to_value()).unwrap(), odd);
    assert_eq!(Draft::from_value(&json!({ "behandeldiensten": [1] })), None);
}

#[test]
fn a_messy_monitor_csv_imports_what_maps_and_names_every_other_row() {
    let result = import_csv(&fixture("monitor-puntkomma-bom.csv"), "Monitor", engine()).unwrap();
    assert_eq!(result.rows, 8);
    let problems: Vec<(usize, &str)> = result
        .problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    assert_eq!(problems.len(), 5, "{problems:#?}");
    assert_eq!(problems[0].0, 5);
    assert!(problems[0].1.starts_with("Bevoegd gezag: ") && problems[0].1.contains("Atlantis"));
    assert_eq!(problems[1].0, 6);
    assert!(problems[1].1.contains("niet eenduidig") && problems[1].1.contains("PV26"));
    assert_eq!(problems[2].0, 7);
    assert!(
        problems[2].1.contains("Bureau \"Groen\"; Oss"),
        "{}",
        problems[2].1
    );
    assert_eq!(problems[3].0, 8);
    assert!(problems[3].1.starts_with("Toestemming: "));
    assert_eq!(problems[4].0, 9);
    assert!(problems[4].1.contains("Haaren") && problems[4].1.contains("niet eenduidig"));
    // Oss and Uden (former gemeente, now Maashorst) merge into one entry for the provincie.
    let entries = &result.draft.entries;
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].bevoegd_gezag, "PV30");
    assert_eq!(entries[0].activity, "milieubelastende-activiteit");
    assert_eq!(entries[0].behandeldienst, "ODBN");
    assert_eq!(entries[0].gemeenten, vec!["GM0828", "GM1991"]);
    assert_eq!(
        entries[0].bron.as_deref(),
        Some("Implementatiemonitor, begindatum 2024-01-01")
    );
    assert_eq!(
        (
            entries[1].bevoegd_gezag.as_str(),
            entries[1].activity.as_str(),
            entries[1].verzoektype.as_str()
        ),
        ("GM0828", "sloopactiviteit", "melding")
    );
    assert!(entries[1].gemeenten.is_empty());
    assert!(result.draft.to_configuration(engine()).is_ok());
}

#[test]
fn commas_reordered_columns_and_quoted_line_breaks_are_read() {
    let result = import_csv(&fixture("monitor-komma.csv"), "Komma", engine()).unwrap();
    assert_eq!(result.rows, 2);
    assert_eq!(result.draft.entries.len(), 1);
    assert_eq!(result.draft.entries[0].verzoektype, "aanvraag-vergunning");
    assert_eq!(result.problems.len(), 1);
    assert_eq!(result.problems[0].line, 4, "the quoted line break counts");
    assert!(result.problems[0].message.contains("Onbekende activiteit"));
}

#[test]
fn a_broken_csv_is_refused_as_a_whole_with_the_line() {
    let e = engine();
    let missing = import_csv(&fixture("kolom-ontbreekt.csv"), "x", e).unwrap_err();
    assert!(
        missing.starts_with("regel 1: kolom ontbreekt: Behandeldienst, Toestemming"),
        "{missing}"
    );
    let open = import_csv(&fixture("open-aanhalingsteken.csv"), "x", e).unwrap_err();
    assert!(
        open.starts_with("regel 2: aanhalingsteken niet gesloten"),
        "{open}"
    );
    assert!(import_csv("", "x", e)
        .unwrap_err()
        .starts_with("leeg bestand"));
    let big = "a".repeat(routewijzer::domain::MAX_INPUT_BYTES + 1);
    assert!(import_csv(&big, "x", e).unwrap_err().contains("te groot"));
    assert_eq!(
        parse_records("a,b\r\n\"x\"\"y\",\"1,2\"\r\n").unwrap(),
        vec![
            (1, vec!["a".to_string(), "b".into()]),
            (2, vec!["x\"y".into(), "1,2".into()])
        ]
    );
}

#[test]
fn the_bundled_configuration_survives_csv_export_and_import() {
    let e = engine();
    let d = Draft::from_configuration(e.configuration("voorbeeld-noord-brabant").unwrap());
    let csv = export_csv(&d, e);
    assert!(csv.starts_with("Begindatum;Bevoegd gezag;Activiteit;"));
    let back = import_csv(&csv, "terug", e).unwrap();
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    let strip = |d: &Draft| {
        let mut v: Vec<_> = d
            .entries
            .iter()
            .map(|x| {
                (
                    x.bevoegd_gezag.clone(),
                    x.activity.clone(),
                    x.behandeldienst.clone(),
                    x.verzoektype.clone(),
                    x.gemeenten.clone(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(strip(&back.draft), strip(&d));
}

#[test]
fn the_diff_names_the_routes_a_proposal_changes() {
    let e = engine();
    let bundled = e.configuration("voorbeeld-noord-brabant").unwrap();
    // Proposal: the provincie sends milieubelastende activiteiten in Oss to ODZOB instead.
    let mut d = Draft::from_configuration(bundled);
    for x in d.entries.iter_mut().filter(|x| {
        x.bevoegd_gezag == "PV30"
            && x.activity == "milieubelastende-activiteit"
            && x.gemeenten.contains(&"GM0828".to_string())
    }) {
        x.gemeenten.retain(|g| g != "GM0828");
    }
    d.entries.push(entry(
        "PV30",
        "milieubelastende-activiteit",
        "ODZOB",
        &["GM0828"],
    ));
    let proposal = d.to_configuration(e).unwrap();
    let assumptions = Assumptions {
        bd_merge: BdMerge::AllSame,
        dso: Dso::V2020,
        bg_notified_when_bd: true,
        bd_after_bg_change: None,
        bopa_adviesrol: None,
    };
    let region = vec!["GM0828".to_string(), "GM0796".to_string()];
    assert!(diff(e, bundled, bundled, &region, assumptions).is_empty());
    let changes = diff(e, bundled, &proposal, &region, assumptions);
    // The provincie is BG for milieubelastende activiteit only with an exception flag, so a
    // single activity without flags stays with the gemeente: no change at all.
    assert!(changes.is_empty(), "{changes:#?}");
    // Taking the gemeente's own configuration away does change routes, in Oss only.
    let mut none = Draft::from_configuration(bundled);
    none.entries.retain(|x| x.bevoegd_gezag != "GM0828");
    let without_oss = none.to_configuration(e).unwrap();
    let changes = diff(e, bundled, &without_oss, &region, assumptions);
    assert!(!changes.is_empty());
    assert!(changes.iter().all(|c| c.gemeente == "GM0828"));
    let c = changes
        .iter()
        .find(|c| c.activity == "milieubelastende-activiteit")
        .unwrap();
    assert_eq!(c.a.behandeldiensten, vec![Some("ODBN".to_string())]);
    assert_eq!(c.b.behandeldiensten, vec![None]);
    assert!(c.a.triggers > c.b.triggers, "{c:?}");
}

#[test]
fn hostile_csv_never_panics_and_answers_in_one_piece() {
    let header =
        "Begindatum;Bevoegd gezag;Activiteit;Behandeldienst;Toestemming;Bevoegd gezag (locatie)\n";
    let bodies = [
        "\"",
        "\"\"\"",
        ";;;;;;;;;;;;",
        "\r\r\r\n\n",
        "a\"b;\"c",
        "\u{0};\u{2028};\u{feff}",
        "x;Gemeente Oss;kappen;ODBN;;Gemeente Oss;extra;velden",
        "x;Gemeente Oss",
        "x;Gemeente Oss;kappen;ODBN;;Provincie Noord-Brabant",
    ];
    for body in bodies {
        for text in [body.to_string(), format!("{header}{body}")] {
            match import_csv(&text, "x", engine()) {
                Ok(r) => assert!(r
                    .problems
                    .iter()
                    .all(|p| p.line >= 2 && !p.message.is_empty())),
                Err(e) => assert!(!e.is_empty() && !e.contains('\n')),
            }
        }
    }
}

#[test]
fn vraagstuk_1_one_activity_three_behandeldiensten_by_gemeente() {
    let e = engine();
    let d = draft(vec![
        entry("PV30", "ontgrondingsactiviteit", "ODBN", &["GM0828"]),
        entry("PV30", "ontgrondingsactiviteit", "ODZOB", &["GM0772"]),
        entry("PV30", "ontgrondingsactiviteit", "OMWB", &["GM0855"]),
        // A waterschap never is BG for kappen, not even through a magneet (B2).
        entry("WS24", "kappen", "ODBN", &[]),
    ]);
    let found = d.check(e);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].entry, found[0].code), (3, "bd-geen-bg"));
    let config = d.to_value();
    for (gm, od) in [("GM0828", "ODBN"), ("GM0772", "ODZOB"), ("GM0855", "OMWB")] {
        let outcome = e
            .explain_json(&json!({
                "location": { "gemeente": gm },
                "activities": [{ "activity": "ontgrondingsactiviteit", "verzoektype": "aanvraag-vergunning" }],
                "configuration": config,
            }))
            .unwrap();
        let v = &outcome.verzoeken[0];
        assert_eq!(v.bevoegd_gezag.id, "PV30");
        assert_eq!(
            v.behandeldienst.as_ref().map(|n| n.id.as_str()),
            Some(od),
            "{gm}"
        );
    }
}
