#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Speelveld (issue 7): the matrix is the engine's own answer cell by cell, the combination
//! check finds vraagstuk 3 in Maashorst, and the CSV is what Excel expects.

use routewijzer::domain::outcome::Named;
use routewijzer::domain::speelveld::{
    columns, csv, regions, Cell, Column, Field, Region, Row, CSV_HEADER,
};
use routewijzer::domain::{explain_json, Engine, Finding, FindingCode, Verzoektype};
use serde_json::{json, Value};

/// Independently of the domain's `Verzoek::missed`: the behandeldienst a `bd-mixed` or
/// `bd-andere-bg` finding names as passed over (the engine lists it last in `concerns`).
fn passed_over(finding: &Finding) -> Option<&str> {
    match finding.code {
        FindingCode::BdMixed | FindingCode::BdAndereBg => {
            finding.concerns.last().map(String::as_str)
        }
        _ => None,
    }
}

fn engine() -> &'static Engine {
    Engine::bundled().unwrap()
}

/// The cell a single `explain_json` call gives (the reference the matrix must equal).
fn reference(
    gemeente: &str,
    column: &Column,
    extra: &Value,
) -> Result<(String, Option<String>, u32, Vec<FindingCode>), String> {
    let mut scenario = json!({
        "location": { "gemeente": gemeente },
        "activities": [ { "activity": column.activity, "verzoektype": column.verzoektype.as_str() } ],
    });
    for (k, v) in extra.as_object().unwrap() {
        scenario[k] = v.clone();
    }
    let o = explain_json(&scenario).map_err(|e| e.to_string())?;
    assert_eq!(o.verzoeken.len(), 1, "{gemeente} {column:?}");
    let v = &o.verzoeken[0];
    let mut codes: Vec<FindingCode> = Vec::new();
    for f in o.findings.iter().chain(&v.findings) {
        if !codes.contains(&f.code) {
            codes.push(f.code);
        }
    }
    Ok((
        v.bevoegd_gezag.id.clone(),
        v.behandeldienst.as_ref().map(|b| b.id.clone()),
        o.total_triggers,
        codes,
    ))
}

fn short(
    cell: &Result<Cell, String>,
) -> Result<(String, Option<String>, u32, Vec<FindingCode>), String> {
    cell.clone().map(|c| {
        (
            c.bevoegd_gezag.id,
            c.behandeldienst.map(|b| b.id),
            c.triggers,
            c.codes,
        )
    })
}

fn assert_matrix_matches(region: &Region, extra: Value) -> Vec<Row> {
    let engine = engine();
    let cols = columns(engine);
    let mut field = Field::new(engine, &extra).unwrap();
    let rows = field.matrix(region, &cols);
    for row in &rows {
        assert_eq!(row.cells.len(), cols.len());
        for (col, cell) in cols.iter().zip(&row.cells) {
            assert_eq!(
                short(cell),
                reference(&row.gemeente.id, col, &extra),
                "{} {col:?}",
                row.gemeente.id
            );
        }
    }
    rows
}

#[test]
fn every_noord_brabant_cell_equals_a_single_explain_call() {
    let rows = assert_matrix_matches(
        &Region::Provincie("PV30".into()),
        json!({ "configuration": "voorbeeld-noord-brabant" }),
    );
    assert_eq!(rows.len(), 56);
    let cols = columns(engine());
    assert_eq!(
        rows.len() * cols.len(),
        1960,
        "the sweep of benches/route.rs"
    );
    // Oss, milieubelastende activiteit, melding: the gemeente, ODBN, two triggers.
    let oss = rows.iter().find(|r| r.gemeente.id == "GM0828").unwrap();
    let i = cols
        .iter()
        .position(|c| {
            c.activity == "milieubelastende-activiteit" && c.verzoektype == Verzoektype::Melding
        })
        .unwrap();
    let cell = oss.cells[i].as_ref().unwrap();
    assert_eq!(cell.bevoegd_gezag.id, "GM0828");
    assert_eq!(cell.behandeldienst.as_ref().unwrap().id, "ODBN");
    assert_eq!(cell.triggers, 2);
}

#[test]
fn other_assumptions_and_an_inline_configuration_are_used_as_given() {
    let extra = json!({
        "configuration": { "name": "Proef; \"Oss\"", "behandeldiensten": [
            { "bevoegd_gezag": "GM0828", "activity": "milieu", "behandeldienst": "ODBN" },
            { "bevoegd_gezag": "PV30", "activity": "natura2000-activiteit", "behandeldienst": "ODZOB" }
        ] },
        "assumptions": { "bd_merge": "any-single", "dso": "2023", "bg_notified_when_bd": false }
    });
    let rows = assert_matrix_matches(
        &Region::Gemeenten(vec!["GM0828".into(), "GM1991".into()]),
        extra.clone(),
    );
    assert_eq!(rows.len(), 2);
    let field = Field::new(engine(), &extra).unwrap();
    assert_eq!(
        field.configuration_name().as_deref(),
        Some("Proef; \"Oss\"")
    );
    assert!(!field.assumptions().bg_notified_when_bd);
    // Without a configuration nobody is a behandeldienst.
    let rows = assert_matrix_matches(&Region::Omgevingsdienst("ODBN".into()), json!({}));
    assert!(rows
        .iter()
        .flat_map(|r| &r.cells)
        .all(|c| c.as_ref().map_or(true, |c| c.behandeldienst.is_none())));
    assert_eq!(
        Field::new(engine(), &json!({}))
            .unwrap()
            .configuration_name(),
        None
    );
}

#[test]
fn a_broken_configuration_is_refused_with_its_path() {
    let Err(e) = Field::new(engine(), &json!({ "configuration": "bestaat-niet" })) else {
        panic!("accepted")
    };
    assert!(e.to_string().starts_with("configuration:"), "{e}");
    let Err(e) = Field::new(
        engine(),
        &json!({ "configuration": { "behandeldiensten": [ { "bevoegd_gezag": "GM9999", "activity": "milieu", "behandeldienst": "ODBN" } ] } }),
    ) else {
        panic!("accepted")
    };
    assert!(
        e.to_string().contains("behandeldiensten[0].bevoegd_gezag"),
        "{e}"
    );
}

#[test]
fn regions_cover_the_country_the_provincie_and_the_omgevingsdienst() {
    let engine = engine();
    let count = |r: Region| r.gemeenten(engine).len();
    assert_eq!(count(Region::Nederland), 342);
    assert_eq!(count(Region::Provincie("PV30".into())), 56);
    let odbn = Region::Omgevingsdienst("ODBN".into());
    let names: Vec<&str> = odbn
        .gemeenten(engine)
        .iter()
        .map(|g| g.name.as_str())
        .collect();
    assert_eq!(names.len(), 10);
    assert!(names.contains(&"Maashorst"), "{names:?}");
    // By name, with 's-Hertogenbosch under S.
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.trim_start_matches('\'').to_lowercase());
    assert_eq!(names, sorted);
    assert_eq!(odbn.name(engine), "Omgevingsdienst Brabant Noord");
    let all = regions(engine);
    assert_eq!(all[0].0, Region::Nederland);
    assert!(all
        .iter()
        .any(|(r, n)| *r == odbn && n == "Omgevingsdienst Brabant Noord"));
    assert_eq!(
        all.iter()
            .filter(|(r, _)| matches!(r, Region::Provincie(_)))
            .count(),
        12
    );
    assert!(all
        .iter()
        .any(|(r, _)| matches!(r, Region::Veiligheidsregio(_))));
    for (r, _) in &all {
        assert_eq!(Region::from_key(&r.key()).as_ref(), Some(r));
        assert!(!r.gemeenten(engine).is_empty(), "{r:?}");
    }
    let picked = Region::Gemeenten(vec!["GM1991".into(), "GM0828".into(), "GM9999".into()]);
    assert_eq!(Region::from_key(&picked.key()), Some(picked.clone()));
    assert_eq!(count(picked), 2, "an unknown id is skipped");
    assert_eq!(Region::from_key("land:NL"), None);
}

#[test]
fn combination_check_finds_vraagstuk_3_in_maashorst() {
    let engine = engine();
    let pair = [
        "omgevingsplanactiviteit-bouwwerk",
        "milieubelastende-activiteit",
    ];
    let config = json!({ "configuration": "voorbeeld-noord-brabant" });
    let mut field = Field::new(engine, &config).unwrap();
    let c = field
        .combination("GM1991", &pair, Verzoektype::AanvraagVergunning)
        .unwrap();
    assert_eq!(c.verzoeken, 1);
    assert!(c.behandeldiensten.is_empty());
    assert_eq!(c.missed.len(), 1);
    assert_eq!(c.missed[0].activity, "milieubelastende-activiteit");
    assert_eq!(c.missed[0].behandeldienst.id, "ODBN");
    assert_eq!(c.triggers, 1);
    // The same as the routed scenario's bd-mixed finding, in every ODBN gemeente.
    for g in Region::Omgevingsdienst("ODBN".into()).gemeenten(engine) {
        let c = field
            .combination(&g.id, &pair, Verzoektype::AanvraagVergunning)
            .unwrap();
        let o = explain_json(&json!({
            "location": { "gemeente": g.id },
            "activities": pair.iter().map(|a| json!({ "activity": a, "verzoektype": "aanvraag-vergunning" })).collect::<Vec<_>>(),
            "configuration": "voorbeeld-noord-brabant"
        }))
        .unwrap();
        let mixed: Vec<&str> = o
            .verzoeken
            .iter()
            .flat_map(|v| &v.findings)
            .filter_map(passed_over)
            .collect();
        let missed: Vec<&str> = c
            .missed
            .iter()
            .map(|m| m.behandeldienst.id.as_str())
            .collect();
        assert_eq!(missed, mixed, "{}", g.id);
    }
    // Under any-single the one configured behandeldienst is chosen: nothing is missed.
    let mut any = Field::new(engine, &json!({ "configuration": "voorbeeld-noord-brabant", "assumptions": { "bd_merge": "any-single" } })).unwrap();
    let c = any
        .combination("GM1991", &pair, Verzoektype::AanvraagVergunning)
        .unwrap();
    assert!(c.missed.is_empty());
    assert_eq!(
        c.behandeldiensten
            .iter()
            .map(|b| b.id.as_str())
            .collect::<Vec<_>>(),
        ["ODBN"]
    );
    assert_eq!(c.triggers, 2);
    // A water activity goes in its own aanvraag and keeps what it gets alone.
    let c = field
        .combination(
            "GM1991",
            &["milieubelastende-activiteit", "wateractiviteit-lozen"],
            Verzoektype::AanvraagVergunning,
        )
        .unwrap();
    assert_eq!(c.verzoeken, 2);
    assert!(c.missed.is_empty(), "{c:?}");
    // Not allowed together: the engine's message.
    let e = field
        .combination(
            "GM1991",
            &["sloopactiviteit", "kappen"],
            Verzoektype::AanvraagVergunning,
        )
        .unwrap_err();
    assert_eq!(
        e,
        "activities[0]: Slopen (incl. asbest) kan niet (nog eens) als aanvraag vergunning"
    );
}

#[test]
fn the_cell_names_a_passed_over_behandeldienst() {
    // Gedeputeerde Staten configure ODBN for the gemeente's activity: the verzoek goes to
    // the gemeente, so ODBN is passed over (bd-andere-bg).
    let extra = json!({ "configuration": { "behandeldiensten": [
        { "bevoegd_gezag": "PV30", "activity": "kappen", "behandeldienst": "ODBN" }
    ] } });
    let mut field = Field::new(engine(), &extra).unwrap();
    let kappen = columns(engine())
        .into_iter()
        .find(|c| c.activity == "kappen")
        .unwrap();
    let cell = field.cell("GM0828", &kappen).unwrap();
    assert!(cell.codes.contains(&FindingCode::BdAndereBg), "{cell:?}");
    assert_eq!(
        cell.missed,
        vec![Named {
            id: "ODBN".into(),
            name: "Omgevingsdienst Brabant Noord".into()
        }]
    );
    assert!(cell.behandeldienst.is_none());
}

#[test]
fn scenario_for_a_cell_is_what_the_explainer_routes() {
    let mut field = Field::new(
        engine(),
        &json!({ "configuration": "voorbeeld-noord-brabant", "assumptions": { "dso": "2023" } }),
    )
    .unwrap();
    let v = field.scenario_for(
        "GM1991",
        &[("milieubelastende-activiteit", Verzoektype::Melding)],
    );
    assert_eq!(v["location"], json!({ "gemeente": "GM1991" }));
    assert_eq!(v["configuration"], json!("voorbeeld-noord-brabant"));
    assert_eq!(v["assumptions"]["dso"], json!("2023"));
    assert_eq!(
        explain_json(&v).unwrap().verzoeken[0]
            .behandeldienst
            .as_ref()
            .unwrap()
            .id,
        "ODBN"
    );
}

#[test]
fn csv_bytes_open_in_excel() {
    let engine = engine();
    let cols = columns(engine);
    let mut field = Field::new(
        engine,
        &json!({ "configuration": "voorbeeld-noord-brabant" }),
    )
    .unwrap();
    let rows = field.matrix(&Region::Omgevingsdienst("ODBN".into()), &cols);
    let bytes = csv(&cols, &rows);
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines[0], CSV_HEADER.join(";"));
    assert!(lines[0].starts_with("Gemeente-id;Gemeente;Activiteit-id;Activiteit;Verzoektype-id;Verzoektype;Bevoegd gezag-id;Bevoegd gezag;Behandeldienst-id;Behandeldienst;Triggers"));
    assert_eq!(lines.len(), 1 + 10 * cols.len());
    let oss = lines
        .iter()
        .find(|l| {
            l.starts_with("GM0828;Oss;milieubelastende-activiteit;") && l.contains(";melding;")
        })
        .unwrap();
    assert_eq!(
        *oss,
        "GM0828;Oss;milieubelastende-activiteit;Milieubelastende activiteit;melding;melding;GM0828;College van B&W van Oss;ODBN;Omgevingsdienst Brabant Noord;2;;;bd-copy"
    );
    for l in &lines {
        assert_eq!(l.matches(';').count(), CSV_HEADER.len() - 1, "{l}");
    }
    // Quoting: a field with ; or " is quoted, quotes doubled; errors are named.
    let row = Row {
        gemeente: Named {
            id: "GM0000".into(),
            name: "A;B \"C\"".into(),
        },
        cells: vec![Err("buiten elk waterschap".into())],
    };
    let text = String::from_utf8(csv(&cols[..1], [&row])).unwrap();
    let line = text.split("\r\n").nth(1).unwrap();
    assert!(line.starts_with("GM0000;\"A;B \"\"C\"\"\";"), "{line}");
    assert!(
        line.ends_with(";;;;;;;fout: buiten elk waterschap"),
        "{line}"
    );
}

#[test]
fn gemeenten_are_picked_by_name_alias_or_code() {
    use routewijzer::domain::speelveld::pick_gemeenten;
    let (ids, unknown) = pick_gemeenten(engine(), "Oss; gm1991, Den Bosch\nUden, Atlantis, ");
    assert_eq!(
        ids,
        ["GM0828", "GM1991", "GM0796"],
        "Uden is Maashorst already"
    );
    assert_eq!(unknown, ["Atlantis"]);
}
