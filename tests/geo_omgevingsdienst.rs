#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Every gemeente's omgevingsdienst (issue 17, contract §6.1): the compiled-in geography
//! against the tables in data/geo, the outcome's `basis` / `tot_2026`, the organisations,
//! and the `geen-omgevingsdienst-bekend` finding for a geography whose table lacks a gemeente.

use routewijzer::domain::{explain_json, Engine};
use routewijzer::geo::{bundled_files, Geography};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The cells of one CSV line (RFC 4180 quoting; no line breaks inside cells in these tables).
fn cells(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// `gm_code → column → value` of a table in data/geo.
fn table(name: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let text = std::fs::read_to_string(format!("data/geo/{name}")).unwrap();
    let mut lines = text.lines();
    let header = cells(lines.next().unwrap());
    lines
        .map(|line| {
            let row: BTreeMap<String, String> = header.iter().cloned().zip(cells(line)).collect();
            assert_eq!(row.len(), header.len(), "{line}");
            (row["gm_code"].clone(), row)
        })
        .collect()
}

#[test]
fn the_geography_carries_the_table_of_2026() {
    let g = Geography::bundled();
    let od = table("gemeente_omgevingsdienst.csv");
    let former = table("gemeente_omgevingsdienst_tot_2025.csv");
    assert_eq!(od.len(), 342);
    assert_eq!(former.len(), 42);
    for info in g.gemeenten() {
        let row = &od[&info.id];
        let shown = info.omgevingsdienst.as_ref().unwrap();
        assert_eq!(shown.id, row["od_code"], "{}", info.id);
        assert_eq!(shown.name, row["od_name"], "{}", info.id);
        assert_eq!(info.omgevingsdienst_afgeleid, row["basis"] == "afgeleid");
        assert_eq!(
            info.omgevingsdienst_tot_2026
                .as_ref()
                .map(|n| (n.id.as_str(), n.name.as_str())),
            former.get(&info.id).map(|r| (
                r["od_code_tot_2025"].as_str(),
                r["od_name_tot_2025"].as_str()
            )),
            "{}",
            info.id
        );
    }
    let ids: BTreeSet<&str> = g
        .gemeenten()
        .iter()
        .map(|i| i.omgevingsdienst.as_ref().unwrap().id.as_str())
        .collect();
    assert_eq!(ids.len(), 26);
    let afgeleid = g
        .gemeenten()
        .iter()
        .filter(|i| i.omgevingsdienst_afgeleid)
        .count();
    assert_eq!(afgeleid, 27);
    // The 2026 mergers: all of Utrecht in ODU, 16 Gelderland gemeenten in ODGM.
    let mut merged: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for i in g.gemeenten() {
        if let Some(f) = &i.omgevingsdienst_tot_2026 {
            *merged
                .entry((
                    f.id.as_str(),
                    i.omgevingsdienst.as_ref().unwrap().id.as_str(),
                ))
                .or_default() += 1;
        }
    }
    assert_eq!(
        merged.into_iter().collect::<Vec<_>>(),
        [
            (("ODRA", "ODGM"), 10),
            (("ODRN", "ODGM"), 6),
            (("ODRU", "ODU"), 15),
            (("RUDU", "ODU"), 11)
        ]
    );
}

#[test]
fn the_outcome_says_afgeleid_and_tot_2026_only_where_they_apply() {
    let od = |gemeente: &str| {
        let o = explain_json(&json!({
            "location": { "gemeente": gemeente },
            "activities": [{ "activity": "milieubelastende-activiteit", "verzoektype": "melding" }]
        }))
        .unwrap();
        serde_json::to_value(&o).unwrap()["location"]["omgevingsdienst"].clone()
    };
    // Oss: sourced, not merged: exactly the contract's example object.
    assert_eq!(
        od("GM0828"),
        json!({ "id": "ODBN", "name": "Omgevingsdienst Brabant Noord" })
    );
    // Tilburg: OMWB by the veiligheidsregio's area (afgeleid).
    assert_eq!(
        od("GM0855"),
        json!({ "id": "OMWB", "name": "Omgevingsdienst Midden- en West-Brabant", "basis": "afgeleid" })
    );
    // Utrecht and Arnhem: merged on 1 January 2026.
    assert_eq!(
        od("GM0344"),
        json!({ "id": "ODU", "name": "Omgevingsdienst Utrecht",
                "tot_2026": { "id": "RUDU", "name": "RUD Utrecht" } })
    );
    assert_eq!(
        od("GM0202"),
        json!({ "id": "ODGM", "name": "Omgevingsdienst Groene Metropool",
                "tot_2026": { "id": "ODRA", "name": "Omgevingsdienst Regio Arnhem" } })
    );
}

#[test]
fn every_omgevingsdienst_is_an_organisation_and_a_usable_behandeldienst() {
    let engine = Engine::bundled().unwrap();
    let g = Geography::bundled();
    let mut seen = BTreeSet::new();
    for info in g.gemeenten() {
        let od = info.omgevingsdienst.as_ref().unwrap();
        if !seen.insert(od.id.clone()) {
            continue;
        }
        let org = engine.organisations.get(&od.id).unwrap();
        assert_eq!(org.name, od.name);
        assert_eq!(format!("{:?}", org.kind), "Omgevingsdienst");
        // Configured as this gemeente's behandeldienst, it receives the verzoek.
        let o = explain_json(&json!({
            "location": { "gemeente": info.id },
            "activities": [{ "activity": "milieubelastende-activiteit", "verzoektype": "melding" }],
            "configuration": { "behandeldiensten": [{
                "bevoegd_gezag": info.id, "activity": "milieubelastende-activiteit",
                "behandeldienst": od.id
            }] }
        }))
        .unwrap();
        let v = &o.verzoeken[0];
        assert_eq!(v.behandeldienst.as_ref().unwrap().id, od.id, "{}", info.id);
        assert_eq!(v.triggers, 2, "{}", info.id);
    }
    assert_eq!(seen.len(), 26);
    // The services that merged are not organisations any more.
    for gone in ["ODRA", "ODRN", "ODRU", "RUDU"] {
        assert!(engine.organisations.get(gone).is_none(), "{gone}");
    }
}

fn finding_codes(o: &Value) -> Vec<String> {
    o["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn no_bundled_gemeente_lacks_its_omgevingsdienst() {
    for info in Geography::bundled().gemeenten() {
        let o = explain_json(&json!({
            "location": { "gemeente": info.id },
            "activities": [{ "activity": "milieubelastende-activiteit", "verzoektype": "melding" }]
        }))
        .unwrap();
        let codes = finding_codes(&serde_json::to_value(&o).unwrap());
        assert!(
            !codes.iter().any(|c| c == "geen-omgevingsdienst-bekend"),
            "{}: {codes:?}",
            info.id
        );
    }
}

/// A trainer's own geography whose table has no omgevingsdienst for Oss still routes, and
/// says so with `geen-omgevingsdienst-bekend` (contract §6.1).
#[test]
fn a_table_without_the_gemeente_gives_geen_omgevingsdienst_bekend() {
    let files = bundled_files();
    let meta = std::str::from_utf8(files[2].1).unwrap();
    let line = meta
        .lines()
        .find(|l| l.starts_with("GM\tGM0828\t"))
        .unwrap();
    let mut cells: Vec<&str> = line.split('\t').collect();
    assert_eq!(&cells[4..7], ["ODBN", "bron", "-"]);
    cells[4] = "-";
    cells[5] = "-";
    let meta = meta.replace(line, &cells.join("\t"));
    let own = Geography::decode(
        files[0].1,
        files[1].1,
        &meta,
        std::str::from_utf8(files[3].1).unwrap(),
    )
    .unwrap();
    assert!(own.gemeente("GM0828").unwrap().omgevingsdienst.is_none());
    let own: &'static Geography = Box::leak(Box::new(own));
    let engine = Engine::new(
        own,
        routewijzer::data::CATALOGUE_JSON,
        routewijzer::data::ORGANISATIONS_JSON,
        routewijzer::data::CONFIGURATIONS,
    )
    .unwrap();
    let scenario = engine
        .parse(&json!({
            "location": { "gemeente": "GM0828" },
            "activities": [{ "activity": "milieubelastende-activiteit", "verzoektype": "melding" }]
        }))
        .unwrap();
    let outcome = engine.route(&scenario).unwrap();
    // its sentence reads in Dutch and English (no bundled fixture can show it any more)
    let finding = outcome
        .findings
        .iter()
        .find(|f| f.sentence() == "geen-omgevingsdienst-bekend")
        .unwrap();
    let en = engine.finding_text(finding, routewijzer::domain::Lang::En);
    assert!(
        en.contains("Oss") && !en.contains(['{', '}']) && en != finding.text,
        "{en}"
    );
    let o = serde_json::to_value(outcome).unwrap();
    assert_eq!(o["location"]["omgevingsdienst"], Value::Null);
    let f = o["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "geen-omgevingsdienst-bekend")
        .unwrap_or_else(|| panic!("{o}"));
    assert_eq!(f["concerns"], json!(["GM0828"]));
}

/// An edge of a shape, its end points on a 0.1 m grid, the smaller first.
type Edge = ((i64, i64), (i64, i64));

/// Gemeente pairs that share an edge of their shapes, found from the decoded polygons
/// (independent of the arc topology that `gemeente_neighbours` uses).
fn shared_edges(g: &Geography) -> BTreeSet<(String, String)> {
    let key = |c: geo::Coord<f64>| ((c.x * 10.0).round() as i64, (c.y * 10.0).round() as i64);
    let mut owner: BTreeMap<Edge, BTreeSet<&str>> = BTreeMap::new();
    for info in g.gemeenten() {
        for poly in g.gemeente_shape(&info.id).unwrap() {
            for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                for w in ring.0.windows(2) {
                    let (a, b) = (key(w[0]), key(w[1]));
                    owner
                        .entry((a.min(b), a.max(b)))
                        .or_default()
                        .insert(&info.id);
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    for ids in owner.values() {
        let ids: Vec<&&str> = ids.iter().collect();
        for (k, a) in ids.iter().enumerate() {
            for b in &ids[k + 1..] {
                out.insert((a.to_string(), b.to_string()));
            }
        }
    }
    out
}

#[test]
fn neighbouring_omgevingsdiensten_never_share_a_colour() {
    let g = Geography::bundled();
    let pairs = shared_edges(g);
    let topo: BTreeSet<(String, String)> = g
        .gemeente_neighbours()
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(
        topo, pairs,
        "the arc topology and the shapes agree on who borders whom"
    );
    // Oss borders 's-Hertogenbosch; Oss and Eindhoven do not border.
    assert!(pairs.contains(&("GM0796".to_string(), "GM0828".to_string())));
    assert!(!pairs.contains(&("GM0772".to_string(), "GM0828".to_string())));

    let colours = g.omgevingsdienst_colours();
    assert_eq!(colours.colours.len(), 26);
    assert!(colours.count <= 6, "{} colours", colours.count);
    let od = |id: &str| {
        g.gemeente(id)
            .unwrap()
            .omgevingsdienst
            .as_ref()
            .unwrap()
            .id
            .clone()
    };
    let mut od_pairs = 0;
    for (a, b) in &pairs {
        let (oa, ob) = (od(a), od(b));
        if oa != ob {
            od_pairs += 1;
            assert_ne!(
                colours.colours[&oa], colours.colours[&ob],
                "{oa} ({a}) and {ob} ({b}) border and share colour {}",
                colours.colours[&oa]
            );
        }
    }
    assert!(
        od_pairs > 50,
        "{od_pairs} gemeente borders between omgevingsdiensten"
    );
    assert!(colours.colours.values().all(|&c| c < colours.count));
    // Deterministic: the same data give the same colours.
    assert_eq!(colours, g.omgevingsdienst_colours());
    // The same works for any region of gemeenten, e.g. the veiligheidsregio's.
    let vr = g.region_colours(|i| i.veiligheidsregio.as_ref().map(|v| v.id.as_str()));
    assert_eq!(vr.colours.len(), 25);
    assert!(vr.count <= 6);
}

/// The map's fills (issue 17): the bundled colouring fits the four fills, so every
/// omgevingsdienst has one of them and neighbours' fills differ; each code's label point is
/// a point of one of the service's own gemeenten; the Speelveld's CSS repeats the fills.
#[test]
fn every_omgevingsdienst_has_a_fill_and_a_label_in_its_own_area() {
    use routewijzer::geo::{NO_REGION_FILL, REGION_FILLS};
    let g = Geography::bundled();
    let colours = g.omgevingsdienst_colours();
    assert!(usize::from(colours.count) <= REGION_FILLS.len());
    for od in colours.colours.keys() {
        assert!(REGION_FILLS.contains(&colours.fill(Some(od))), "{od}");
    }
    assert_eq!(colours.fill(None), NO_REGION_FILL);
    let fill_of = |id: &str| {
        colours.fill(
            g.gemeente(id)
                .unwrap()
                .omgevingsdienst
                .as_ref()
                .map(|o| o.id.as_str()),
        )
    };
    for (a, b) in shared_edges(g) {
        let (oa, ob) = (
            &g.gemeente(&a).unwrap().omgevingsdienst,
            &g.gemeente(&b).unwrap().omgevingsdienst,
        );
        if oa != ob {
            assert_ne!(fill_of(&a), fill_of(&b), "{a} {b}");
        }
    }
    // The app reads both from the generated table, which must be what they give.
    assert!(
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/geo/omgevingsdienst_kaart.tsv"
        ))
        .unwrap()
            == routewijzer::geo::omgevingsdienst_map_tsv(g),
        "data/geo/omgevingsdienst_kaart.tsv differs from the colouring: run `make voorbeeld`"
    );
    let on_map = routewijzer::geo::omgevingsdiensten_on_map();
    assert_eq!(on_map.len(), 26);
    for od in &on_map {
        assert_eq!(od.fill(), colours.fill(Some(&od.id)), "{}", od.id);
    }
    let labels = g.omgevingsdienst_label_points();
    assert_eq!(labels.len(), 26);
    for (od, point) in labels {
        assert!(
            g.gemeenten().iter().any(|x| x.representative_rd == point
                && x.omgevingsdienst.as_ref().is_some_and(|o| o.id == od.id)),
            "{}",
            od.id
        );
    }
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/views.css")).unwrap();
    for (i, fill) in REGION_FILLS.iter().enumerate() {
        assert!(
            css.contains(&format!(
                ".rw-sv-c{i} {{ background: {fill} !important; fill: {fill}; }}"
            )),
            "www/views.css .rw-sv-c{i} is not {fill}"
        );
    }
}
