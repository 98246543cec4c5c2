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
    assert!(csv.starts_with("\u{feff}Begindatum;Bevoegd gezag;Activiteit;"));
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

/// (line, message) of every rejected row.
fn rejected(r: &routewijzer::domain::configuration::csv::CsvImport) -> Vec<(usize, String)> {
    r.problems
        .iter()
        .map(|p| (p.line, p.message.clone()))
        .collect()
}

#[test]
fn a_messy_i3_export_keeps_every_row_a_person_could_map() {
    use routewijzer::domain::configuration::import::{Counts, NoteKind};
    let e = engine();
    let r = import_csv(&fixture("i3-rommelig.csv"), "I3", e).unwrap();
    assert_eq!(r.rows, 24);
    assert_eq!(
        r.counts,
        Counts {
            taken: 13,
            parent: 5,
            merged: 2,
            rejected: 4
        },
        "{:#?}\n{:#?}",
        r.notes,
        r.problems
    );
    let problems = rejected(&r);
    let lines: Vec<usize> = problems.iter().map(|p| p.0).collect();
    assert_eq!(lines, vec![15, 16, 17, 22]);
    assert!(problems[0].1.starts_with(
        "Activiteit: activiteit 'Stortingsactiviteit op zee' staat niet in de catalogus"
    ));
    assert!(problems[1].1.contains("'Gemeente Atlantis' niet gevonden"));
    assert!(
        problems[2].1.contains("<img src=x onerror=alert(1)>"),
        "{}",
        problems[2].1
    );
    assert!(
        problems[3].1.contains("rij 21") && problems[3].1.contains("B4"),
        "{}",
        problems[3].1
    );
    // Every rejected row keeps its cells for the download.
    assert_eq!(r.problems[1].fields[1], "Gemeente Atlantis");

    let notes = |line: usize| -> Vec<(NoteKind, &str)> {
        r.notes
            .iter()
            .filter(|n| n.line == line)
            .map(|n| (n.kind, n.message.as_str()))
            .collect()
    };
    // A former gemeente name: read as Land van Cuijk, then merged with line 2.
    let cuijk = notes(3);
    assert_eq!(cuijk[0].0, NoteKind::Voormalig);
    assert!(
        cuijk[0].1.contains("Land van Cuijk (GM1982)"),
        "{}",
        cuijk[0].1
    );
    assert_eq!(cuijk[1].0, NoteKind::Samengevoegd);
    assert!(cuijk[1].1.contains("rij 2"));
    // Each parent mapping is warned about, with the sub-activity and the parent named.
    for (line, sub) in [
        (4, "Tankstation voor vloeibare brandstoffen"),
        (5, "Lozingsactiviteit op of in de bodem"),
        (13, "Opslaan van gevaarlijke stoffen in verpakking"),
        (23, "Lozingsactiviteit op een zuiveringtechnisch werk"),
        (25, "<b>Seveso</b>"),
    ] {
        let n = notes(line);
        assert_eq!(n[0].0, NoteKind::Bovenliggend, "line {line}");
        assert!(
            n[0].1.contains(sub) && n[0].1.contains("kan afwijken"),
            "{}",
            n[0].1
        );
    }
    // Two sub-activities under one parent: the second is merged, and still warned about.
    assert_eq!(
        notes(14).iter().map(|n| n.0).collect::<Vec<_>>(),
        vec![NoteKind::Bovenliggend, NoteKind::Samengevoegd]
    );
    // A date that does not exist: taken without it, with a note.
    assert_eq!(notes(18)[0].0, NoteKind::Datum);

    let d = &r.draft;
    assert_eq!(d.entries.len(), 18);
    let find = |bg: &str, activity: &str| {
        d.entries
            .iter()
            .find(|x| x.bevoegd_gezag == bg && x.activity == activity)
            .unwrap_or_else(|| panic!("{bg} {activity}"))
    };
    assert_eq!(
        find("GM1982", "milieubelastende-activiteit")
            .bron
            .as_deref(),
        Some("Implementatiemonitor, begindatum 2026-01-28")
    );
    assert_eq!(
        find("GM0828", "lozingsactiviteit-riool").verzoektype,
        "melding"
    );
    assert_eq!(find("GM0828", "sloopactiviteit").behandeldienst, "ODBN");
    assert_eq!(
        find("GM0828", "rijksmonumentenactiviteit").behandeldienst,
        "ODBN"
    );
    assert_eq!(
        find("WS24", "wateractiviteit-lozen").verzoektype,
        "aanvraag-vergunning"
    );
    assert_eq!(
        find("PV30", "wateractiviteit-onttrekken").gemeenten,
        vec!["GM0828"]
    );
    assert_eq!(find("GM0796", "brandveilig-gebruik").behandeldienst, "VR21");
    assert_eq!(find("GM0757", "milieubelastende-activiteit").bron, None);
    // The import blocks nothing: the configuration validates and can be used at once.
    assert!(d.to_configuration(e).is_ok(), "{:?}", d.to_configuration(e));
    assert!(d
        .check(e)
        .iter()
        .all(|x| x.severity == Severity::Waarschuwing));
}

#[test]
fn dates_in_both_formats_or_empty() {
    use routewijzer::domain::configuration::import::parse_date;
    assert_eq!(parse_date("28-1-2026"), Ok(Some("2026-01-28".into())));
    assert_eq!(parse_date("2026-01-28"), Ok(Some("2026-01-28".into())));
    assert_eq!(parse_date("28/01/2026"), Ok(Some("2026-01-28".into())));
    assert_eq!(parse_date("29-2-2024"), Ok(Some("2024-02-29".into())));
    assert_eq!(parse_date(""), Ok(None));
    for bad in [
        "29-2-2026",
        "31-4-2026",
        "2026-13-01",
        "1-1-26",
        "morgen",
        "2026--1",
        "=1+1",
    ] {
        assert!(parse_date(bad).unwrap_err().contains(bad), "{bad}");
    }
}

#[test]
fn organisation_names_match_despite_prefixes_spacing_hyphens_and_case() {
    let e = engine();
    let header =
        "Begindatum;Bevoegd gezag;Activiteit;Behandeldienst;Toestemming;Bevoegd gezag (locatie)\n";
    for (bg, bd, want_bg, want_bd) in [
        (
            "College van burgemeester en wethouders van Oss",
            "Omgevingsdienst Brabant Noord",
            "GM0828",
            "ODBN",
        ),
        (
            "gemeente oss",
            "omgevingsdienst brabant-noord",
            "GM0828",
            "ODBN",
        ),
        ("Het college van B&W van Oss", "ODBN", "GM0828", "ODBN"),
        (
            "Gedeputeerde Staten van Noord-Brabant",
            "odzob",
            "PV30",
            "ODZOB",
        ),
        (
            "Provincie Noord Brabant",
            "Omgevingsdienst Zuidoost-Brabant",
            "PV30",
            "ODZOB",
        ),
        (
            "Dagelijks bestuur van Waterschap Aa en Maas",
            "Brabant Noord (omgevingsdienst)",
            "WS24",
            "",
        ),
        (
            "Waterschap Aa en Maas",
            "Omgevingsdienst  Brabant  Noord",
            "WS24",
            "ODBN",
        ),
        ("Aa en Maas", "ODBN", "WS24", "ODBN"),
        ("Hoogheemraadschap Delfland", "ODBN", "WS07", "ODBN"),
        (
            "Dagelijks bestuur van Wetterskip Fryslan",
            "ODBN",
            "WS23",
            "ODBN",
        ),
        (
            "College van burgemeester en wethouders van Uden",
            "ODBN",
            "GM1991",
            "ODBN",
        ),
        ("Cuijk", "ODBN", "GM1982", "ODBN"),
    ] {
        let text = format!("{header}2026-01-01;{bg};kappen;{bd};;\n");
        let r = import_csv(&text, "x", e).unwrap();
        if want_bd.is_empty() {
            assert_eq!(r.counts.rejected, 1, "{bg} / {bd}");
            continue;
        }
        assert!(r.problems.is_empty(), "{bg} / {bd}: {:?}", r.problems);
        let entry = &r.draft.entries[0];
        assert_eq!(
            (entry.bevoegd_gezag.as_str(), entry.behandeldienst.as_str()),
            (want_bg, want_bd),
            "{bg} / {bd}"
        );
    }
}

#[test]
fn the_activity_names_file_is_checked_on_load() {
    use routewijzer::domain::configuration::names::{ActivityNames, Fit};
    let e = engine();
    let names = ActivityNames::bundled(&e.catalogue).unwrap();
    let head = "naam;activiteit;soort;bron\n";
    let err = |body: &str| {
        ActivityNames::from_csv(&format!("# kop\n{head}{body}"), &e.catalogue)
            .unwrap_err()
            .to_string()
    };
    let unknown = err("Iets;bestaat-niet;gelijk;bron\n");
    assert!(
        unknown.contains("regel 3") && unknown.contains("bestaat-niet"),
        "{unknown}"
    );
    let twice = err("Slopen;sloopactiviteit;gelijk;Bbl\nslopen ;sloopactiviteit;deel;Bbl\n");
    assert!(
        twice.contains("regel 4") && twice.contains("regel 3"),
        "{twice}"
    );
    let other = err("Sloopactiviteit;kappen;gelijk;x\n");
    assert!(other.contains("sloopactiviteit"), "{other}");
    assert!(err("Slopen;sloopactiviteit;soms;x\n").contains("soort"));
    assert!(err("Slopen;sloopactiviteit;gelijk\n").contains("vier velden"));
    assert!(ActivityNames::from_csv("Slopen;sloopactiviteit;gelijk;x\n", &e.catalogue).is_err());
    // Variants of case, dashes, spaces and the "activiteit" suffix are one name.
    for text in [
        "Sloopactiviteit",
        "sloop-activiteit",
        "SLOOP ACTIVITEIT",
        "Slopen",
    ] {
        let m = names.find(text).unwrap();
        assert_eq!(
            (m.id.as_str(), &m.fit),
            ("sloopactiviteit", &Fit::Same),
            "{text}"
        );
    }
    let sub = names
        .find("Milieubelastende activiteit – Seveso-inrichting")
        .unwrap();
    assert_eq!(sub.fit, Fit::Sub("Seveso-inrichting".into()));
    assert!(names.find("Stortingsactiviteit op zee").is_err());
}

/// Reads CSV as a spreadsheet does when it opens a file: a UTF-8 byte-order mark, `;`
/// between cells, double quotes around a cell with `""` inside for a quote, CRLF or LF
/// between lines. Independent of the app's own reader on purpose.
fn read_as_spreadsheet(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ';') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (_, c) => cell.push(c),
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "the file ends with a line break"
    );
    rows
}

/// A cell a spreadsheet would run: it starts with a formula character and is no number.
fn runs_as_formula(cell: &str) -> bool {
    let number = cell
        .strip_prefix(['-', '+'])
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number
}

#[test]
fn every_export_is_safe_to_open_and_reads_back() {
    let e = engine();
    let hostile = [
        "=HYPERLINK(\"http://x\";\"klik\")",
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "-2+3+cmd|' /C calc'!A0",
        "\tTAB",
        "\rCR",
        "nul\u{0}byte",
        "-2",
        "<img src=x onerror=alert(1)>",
    ];
    let d = draft(hostile.iter().map(|h| entry(h, "kappen", h, &[])).collect());
    let csv = export_csv(&d, e);
    assert!(!csv.contains('\u{0}'));
    let rows = read_as_spreadsheet(csv.as_bytes());
    assert_eq!(rows[0], routewijzer::domain::configuration::csv::COLUMNS);
    for (row, h) in rows[1..].iter().zip(hostile) {
        for cell in row {
            assert!(!runs_as_formula(cell), "{cell:?} would run");
        }
        // The data survives: the neutralising quote is the only change (NUL left out).
        let shown = row[1]
            .strip_prefix('\'')
            .filter(|rest| runs_as_formula(rest))
            .unwrap_or(&row[1]);
        assert_eq!(shown, h.replace('\u{0}', ""), "{row:?}");
        assert_eq!(row[1], row[3]);
    }
    assert_eq!(rows[8][1], "-2", "a plain number stays a number");

    // The rejected rows of an import, and the Speelveld matrix, go through the same writer.
    let header =
        "Begindatum;Bevoegd gezag;Activiteit;Behandeldienst;Toestemming;Bevoegd gezag (locatie)\n";
    let body: String = hostile
        .iter()
        .map(|h| format!("{};{h};kappen;ODBN;;\n", "2026-01-01"))
        .collect();
    let r = import_csv(&format!("{header}{body}"), "x", e).unwrap();
    let problems = routewijzer::domain::configuration::csv::problems_csv(&r.problems);
    let rows = read_as_spreadsheet(problems.as_bytes());
    assert_eq!(rows[0][..2], ["Rij", "Reden"]);
    assert_eq!(rows.len(), 1 + r.problems.len());
    for cell in rows.iter().flatten() {
        assert!(!runs_as_formula(cell), "{cell:?} would run");
    }
    let speelveld = {
        use routewijzer::domain::outcome::Named;
        use routewijzer::domain::speelveld::{columns, csv, Row};
        let row = Row {
            gemeente: Named {
                id: "@GM0000".into(),
                name: hostile[0].into(),
            },
            cells: vec![Err(hostile[3].into())],
        };
        csv(&columns(e)[..1], [&row])
    };
    let rows = read_as_spreadsheet(&speelveld);
    assert_eq!(rows[1][0], "'@GM0000");
    assert_eq!(rows[1][1], format!("'{}", hostile[0]));
    for cell in rows.iter().flatten() {
        assert!(!runs_as_formula(cell), "{cell:?} would run");
    }
    let rows = read_as_spreadsheet(problems.as_bytes());
    let atlantis = rows.iter().find(|row| row[0] == "2").unwrap();
    // The import split the unquoted cell at its `;`: what is left is still neutralised.
    assert_eq!(atlantis[3], "'=HYPERLINK(\"http://x\"");
}

#[test]
fn an_exported_hostile_cell_imports_as_it_was_typed() {
    // The export's neutralising quote is taken off again on import, so a round trip keeps
    // the text: here a begindatum cell that starts with a formula character.
    let e = engine();
    let header =
        "Begindatum;Bevoegd gezag;Activiteit;Behandeldienst;Toestemming;Bevoegd gezag (locatie)\n";
    let r = import_csv(
        &format!("{header}'=1+1;Gemeente Oss;kappen;ODBN;;\n"),
        "x",
        e,
    )
    .unwrap();
    assert!(
        r.notes[0].message.contains("begindatum '=1+1'"),
        "{:?}",
        r.notes
    );
}

#[test]
fn duplicates_cost_linear_time_and_give_linear_diagnostics() {
    let e = engine();
    // 2 000 identical rows: one entry, the rest merged; nothing blocks the configuration.
    let header =
        "Begindatum;Bevoegd gezag;Activiteit;Behandeldienst;Toestemming;Bevoegd gezag (locatie)\n";
    let rows = ";GM0828;kappen;ODBN;;\n".repeat(2000);
    let r = import_csv(&format!("{header}{rows}"), "x", e).unwrap();
    assert_eq!(
        (r.draft.entries.len(), r.counts.taken, r.counts.merged),
        (1, 1, 1999)
    );
    assert!(r.draft.to_configuration(e).is_ok());

    // A stored draft with N equal entries (or N behandeldiensten for one key): at most a
    // few diagnostics per entry, never one per pair.
    for n in [10usize, 100, 2000] {
        let same = draft(vec![entry("GM0828", "kappen", "ODBN", &[]); n]);
        let found = same.check(e);
        assert_eq!(found.len(), n - 1, "{n} equal entries");
        assert!(found
            .iter()
            .all(|d| d.code == "bd-dubbel" && d.message.contains("regel 1 ")));
        let many: Vec<DraftEntry> = (0..n)
            .map(|i| entry("GM0828", "kappen", &format!("OD{i}"), &[]))
            .collect();
        let found = draft(many).check(e);
        assert!(
            found.len() <= 3 * n,
            "{n} behandeldiensten: {}",
            found.len()
        );
        let lists: Vec<DraftEntry> = (0..n)
            .map(|i| {
                entry(
                    "PV30",
                    "kappen",
                    if i % 2 == 0 { "ODBN" } else { "ODZOB" },
                    &["GM0828", "GM0796"],
                )
            })
            .collect();
        let found = draft(lists).check(e);
        assert!(found.len() <= 2 * n, "{n} lists: {}", found.len());
    }
    // The contract parser refuses such a configuration at the first duplicate, also fast.
    let big = draft(vec![entry("GM0828", "kappen", "ODBN", &[]); 2000]);
    let err = big.to_configuration(e).unwrap_err();
    assert_eq!(err.path, "behandeldiensten[1]");
}

#[test]
fn a_hundred_thousand_unmatched_rows_are_each_rejected_with_a_reason() {
    let e = engine();
    let header =
        "Begindatum;Bevoegd gezag;Activiteit;Behandeldienst;Toestemming;Bevoegd gezag (locatie)\n";
    let text = format!("{header}{}", "x;y\n".repeat(100_000));
    let mut importer =
        routewijzer::domain::configuration::csv::Importer::new(&text, "x", e).unwrap();
    let mut steps = 0;
    while importer.step(1000) {
        steps += 1;
        assert_eq!(importer.progress(), (steps * 1000, 100_000));
    }
    let r = importer.finish();
    assert_eq!(
        (r.rows, r.counts.rejected, r.problems.len()),
        (100_000, 100_000, 100_000)
    );
    assert_eq!(r.problems[99_999].line, 100_001);
    assert!(
        r.problems[0]
            .message
            .starts_with("Bevoegd gezag: organisatie 'y' niet gevonden"),
        "{}",
        r.problems[0].message
    );
}
