#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Every verzoek without a behandeldienst says why, in one `geen-behandeldienst` finding with
//! one reason (issue 16 §3), and a verzoek with one has none. Checked over the Speelveld's
//! whole matrix (every gemeente × activity × verzoektype) under every bundled configuration
//! and without one, and over pairs of activities under each `bd_merge`.

use std::collections::BTreeMap;

use routewijzer::domain::outcome::Verzoek;
use routewijzer::domain::speelveld::{columns, Field, Region};
use routewijzer::domain::{Engine, FindingCode, NoBehandeldienst, Outcome};
use serde_json::{json, Value};

fn engine() -> &'static Engine {
    Engine::bundled().unwrap()
}

/// The one reason of a verzoek, checked against whether it has a behandeldienst.
fn reason(v: &Verzoek, what: &str) -> Option<NoBehandeldienst> {
    let why: Vec<&routewijzer::domain::Finding> = v
        .findings
        .iter()
        .filter(|f| f.code == FindingCode::GeenBehandeldienst)
        .collect();
    match (&v.behandeldienst, why.as_slice()) {
        (Some(_), []) => None,
        (None, [f]) => {
            let kind = f.no_behandeldienst.unwrap();
            assert_eq!(f.rule, kind.rule(), "{what}");
            assert!(
                f.text
                    .starts_with("Dit verzoek krijgt geen behandeldienst: "),
                "{what}"
            );
            assert_eq!(f.text.matches(". ").count(), 0, "one sentence: {}", f.text);
            Some(kind)
        }
        (bd, list) => panic!(
            "{what}: behandeldienst {bd:?} with {} geen-behandeldienst",
            list.len()
        ),
    }
}

fn check(o: &Outcome, what: &str, seen: &mut BTreeMap<String, usize>) {
    for v in &o.verzoeken {
        if let Some(kind) = reason(v, what) {
            *seen.entry(format!("{kind:?}")).or_default() += 1;
        }
    }
}

fn settings() -> Vec<Value> {
    let mut out = vec![json!({})];
    for (name, _) in &engine().configurations {
        for merge in ["all-same", "any-single", "first-activity"] {
            out.push(json!({ "configuration": name, "assumptions": { "bd_merge": merge } }));
        }
    }
    out
}

#[test]
fn every_cell_of_the_matrix_without_behandeldienst_says_why() {
    let cols = columns(engine());
    let mut seen = BTreeMap::new();
    let mut cells = 0;
    for setting in settings() {
        let mut field = Field::new(engine(), &setting).unwrap();
        for g in Region::Nederland.gemeenten(engine()) {
            for c in &cols {
                // A water activity outside every waterschap is an error, not a verzoek.
                if let Ok(o) = field.route(&g.id, &[(&c.activity, c.verzoektype)]) {
                    check(&o, &format!("{setting} {} {c:?}", g.id), &mut seen);
                    cells += 1;
                }
            }
        }
    }
    assert!(cells > 4 * 10_000, "{cells}");
    // The single-activity matrix shows these reasons at least.
    for kind in [
        "NoConfiguration",
        "NothingConfiguredByBg",
        "ActivitiesNotConfigured",
        "OtherVerzoektype",
    ] {
        assert!(seen.contains_key(kind), "{kind} never seen: {seen:?}");
    }
}

#[test]
fn every_pair_of_activities_without_behandeldienst_says_why() {
    let cols = columns(engine());
    let mut seen = BTreeMap::new();
    // A gemeente per Brabant omgevingsdienst, one elsewhere, and Heusden.
    let gemeenten = ["GM0828", "GM1991", "GM0772", "GM0855", "GM0797", "GM0363"];
    for setting in settings() {
        let mut field = Field::new(engine(), &setting).unwrap();
        for g in gemeenten {
            for (i, a) in cols.iter().enumerate() {
                for b in cols.iter().skip(i + 1) {
                    if a.activity == b.activity {
                        continue;
                    }
                    let pair = [
                        (a.activity.as_str(), a.verzoektype),
                        (b.activity.as_str(), b.verzoektype),
                    ];
                    if let Ok(o) = field.route(g, &pair) {
                        check(&o, &format!("{setting} {g} {pair:?}"), &mut seen);
                    }
                }
            }
        }
    }
    assert!(seen.contains_key("ActivitiesDiffer"), "{seen:?}");
    assert!(seen.contains_key("OtherBevoegdGezag"), "{seen:?}");
}
